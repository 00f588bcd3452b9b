/**
 * Progression, relapse and refractoriness on or after a named earlier treatment, in forms the
 * outcome readers had left unread. Corpus lines are quoted verbatim (trial ids for reference only);
 * the others are the same grammar in its plainest form.
 *
 * - A time counted from the treatment's last dose has no param: it stays an unread leaf beside the
 *   read outcome, never dropped and never read as a window from the as-of date.
 * - An exclusion line that describes the patient it excludes by a treatment not had ("have not
 *   progressed on …") reads that treatment negated; a modal, a time or a local treatment leaves the
 *   line unread, since such lines among exclusions may state the requirement instead.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, readCondition, therapy, therapyLeaves, unparsed } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');
const excl = (text: string): Condition => criterionRule(text, 'exclusion');
const progressedOn = (params: Record<string, unknown>, value = true): Condition => therapy({ ...params, outcome: 'progression' }, value);
const pd1 = [{ type: 'melanoma', stage: 'IV' }];

describe('progression at one of two times after the last dose of one treatment', () => {
  const line = 'Progressive disease has been documented within 12 weeks from last dose of anti-PD-1/PD-L1 mAb (refractory disease) or ≥12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)';

  it('reads the outcome on the treatment, the times an unread leaf beside it (NCT07634380 i4)', () => {
    const rule = incl(line);
    expect(rule).toEqual({
      all: [
        progressedOn({ classes: ['anti_pd1_pdl1'] }),
        unparsed('within 12 weeks from last dose of anti-PD-1/PD-L1 mAb (refractory disease) or >=12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)'),
      ],
    });
    // No progression on the treatment fails the criterion; progression leaves the times to the coordinator.
    expect(judgeRecord(rule, { cancers: pd1, treatments: [{ name: 'pembrolizumab', kind: 'systemic', start: '2024-01-10', outcome: 'response' }] })).toBe(false);
    expect(judgeRecord(rule, { cancers: pd1, treatments: [{ name: 'pembrolizumab', kind: 'systemic', start: '2024-01-10', outcome: 'progression' }] })).toBeNull();
  });

  it('leaves two different treatments, one per time, to the list reader', () => {
    expect(JSON.stringify(incl('Progression within 12 weeks of the last dose of nivolumab or more than 12 weeks after the last dose of ipilimumab'))).not.toContain('priorTherapy');
  });

  it('reads a second time after the treatment as the outcome\'s, not as a window of receipt', () => {
    const rule = incl('Experienced disease progression during systemic therapy with a PD-1/PD-L1 blocking antibody or within 12 weeks after the last dose of such therapy.');
    expect(therapyLeaves(rule)).toEqual([progressedOn({ classes: ['anti_pd1_pdl1'] })]);
    expect(JSON.stringify(rule)).not.toContain('withinDays');
  });
});

describe('several outcomes before the treatment', () => {
  it('reads "refractory, relapsed, or intolerant to X" as each outcome on X', () => {
    for (const text of ['Refractory, recurrent, or intolerant to BTK inhibitors', 'Relapsed, refractory, or intolerant to BTK inhibitors.']) {
      expect(incl(text)).toEqual({ any: [progressedOn({ classes: ['btk_inhibitor'] }), therapy({ classes: ['btk_inhibitor'], outcome: 'intolerance' })] });
    }
  });
});

describe('a group label before the requirement', () => {
  it('reads the outcome as sufficient, the label\'s group unread (those with …:)', () => {
    const rule = incl('those with NSCLC: Have progressed on anti-PD-1/PD-L1 blocking antibody');
    expect(therapyLeaves(rule)).toEqual([progressedOn({ classes: ['anti_pd1_pdl1'] })]);
    // Progression on the treatment meets the criterion whatever group the patient is in; without it, unknown.
    expect(judgeRecord(rule, { cancers: pd1, treatments: [{ name: 'nivolumab', kind: 'systemic', start: '2024-01-10', outcome: 'progression' }] })).not.toBe(false);
    expect(judgeRecord(rule, { cancers: pd1, treatments: [] })).toBeNull();
  });
});

describe('a requirement spared for some patients', () => {
  it('reads "X, with the exception of patients with Y" as sufficient, not as required of all', () => {
    const rule = incl('Patients should be refractory to anti-PD-1 therapy, with the exception of patients with HNSCC.');
    expect(therapyLeaves(rule)).toEqual([progressedOn({ classes: ['anti_pd1'] })]);
    // A patient never treated with anti-PD-1 may be one of those spared: not failed.
    expect(judgeRecord(rule, { cancers: pd1, treatments: [] })).not.toBe(false);
  });
});

describe('a lead-in that bounds a count', () => {
  it('is no negation of the entries below it (NCT05361174 i4)', () => {
    const lead = ['Cohort 2 (NSCLC): Participants who should have received no more than 3 prior lines of therapy and:'];
    expect(readCondition('platinum doublet chemotherapy', 'inclusion', lead)).toEqual(therapy({ classes: ['platinum'] }));
    expect(readCondition('platinum doublet chemotherapy', 'inclusion', ['Participants who have received no prior therapy with:'])).toEqual(therapy({ classes: ['platinum'] }, false));
  });
});

describe('treatments given together, in either order', () => {
  it('takes "administered in combination or sequentially" for the form, no alternative', () => {
    const rule = incl('Relapsed or disease progression after receiving anti-PD-(L)1 and platinum doublet administered in combination or sequentially.');
    expect(therapyLeaves(rule)).toEqual([progressedOn({ classes: ['anti_pd1_pdl1'] }), progressedOn({ classes: ['platinum'] })]);
  });
});

describe('an exclusion that describes the patient by a treatment not had', () => {
  it('excludes those who have not progressed on the treatment (NCT05549297 e14)', () => {
    const rule = excl('have not progressed on treatment with an anti-PD(L)1 mAb');
    expect(rule).toEqual({ all: [progressedOn({ classes: ['anti_pd1_pdl1'] }, false)] });
    expect(judgeRecord(rule, { cancers: pd1, treatments: [] })).toBe(true);
    expect(judgeRecord(rule, { cancers: pd1, treatments: [{ name: 'nivolumab', kind: 'systemic', start: '2024-01-10', outcome: 'progression' }] })).toBe(false);
  });

  it('keeps "approved" unread beside the treatment not had (NCT05549297 e15)', () => {
    const rule = excl('have not received prior treatment with an approved anti-CTLA-4 mAb');
    expect(rule).toEqual({ any: [therapy({ classes: ['anti_ctla4'] }, false), unparsed('approved')] });
    // Ipilimumab had: not excluded by the read part, the word "approved" left to the coordinator.
    expect(judgeRecord(rule, { cancers: pd1, treatments: [{ name: 'ipilimumab', kind: 'systemic', start: '2024-01-10' }] })).toBeNull();
  });

  it('leaves lines that may state the requirement instead, or say something else of the treatment', () => {
    for (const text of [
      // A time is how a washout is said.
      'Has not been treated with secukinumab within the last 12 months',
      // The treatment is the subject of another statement.
      'Patients who have never received any T-DXd dose will be discontinued from the study and will be considered as a late screening failure',
      // A local treatment not had is mostly a lesion's requirement.
      'Has not had prior radiotherapy to the target lesion',
    ]) {
      expect(therapyLeaves(excl(text))).toEqual([]);
    }
  });
});
