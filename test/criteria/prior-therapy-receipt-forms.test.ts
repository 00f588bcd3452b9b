/**
 * Prior-therapy inclusions the parser left wholly unread, in forms of what was received said around
 * the treatment: "required prior therapies" as the sentence's subject, a count of cycles joined to a
 * receipt, the cancer "treated with surgery" and a second conjunct parted by its setting, a refusal
 * said as the other route to a count of lines, and a count of lines left free.
 * Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, lines, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');

describe('receipt forms of prior therapy in inclusions', () => {
  it('reads "required prior therapies will include X" as X received (NCT04752826 i19)', () => {
    const rule = incl('Required prior therapies will include anti-programmed death-ligand 1 (PD-1) therapy either as monotherapy or as part of a combination regimen.');
    expect(rule).toEqual({ all: [therapy({ classes: ['anti_pd_l1', 'anti_pd1'] })] });
    expect(judgeRecord(rule, { treatments: [{ name: 'pembrolizumab', kind: 'systemic', start: '2024-01-10' }] })).toBe(true);
    expect(judgeRecord(rule, { treatments: [{ name: 'carboplatin', kind: 'systemic', start: '2024-01-10' }] })).toBe(false);
  });

  it('reads a count of cycles joined to a receipt as the treatment received, the aside that lets some in left unread (NCT05552976 i5)', () => {
    const rule = incl(
      'Participant must have received prior treatment with lenalidomide and at least 2 cycles of an anti-CD38 monoclonal antibody (mAb) (participants who were intolerant of an anti-CD38 mAb and received \\< 2 cycles are still eligible).',
    );
    expect('all' in rule).toBe(true);
    const parts = (rule as { all: Condition[] }).all;
    expect(parts).toContainEqual(therapy({ drugs: ['lenalidomide'] }));
    expect(parts).toContainEqual(therapy({ classes: ['anti_cd38'] }));
    // The intolerance in the aside names who else may enter: it is no requirement of its own.
    expect(therapyLeaves(rule).some((l) => 'params' in l && (l.params as { outcome?: string }).outcome === 'intolerance')).toBe(false);
    expect(JSON.stringify(rule)).toContain('still');
    // Both treatments are needed by every route: a patient who never had daratumumab fails.
    expect(judgeRecord(rule, { treatments: [{ name: 'lenalidomide', kind: 'systemic', start: '2024-01-10' }] })).toBe(false);
  });

  it('reads the cancer "treated with/by surgery", and a second conjunct parted by its setting, as received (NCT05527795 i2, NCT06890598 i3)', () => {
    const rule = incl('Treated by surgery and adjuvant immunotherapy between January 1st of 2019 and January 1st of 2029');
    expect('all' in rule).toBe(true);
    const parts = (rule as { all: Condition[] }).all;
    expect(parts).toContainEqual(therapy({ kinds: ['surgery'] }));
    expect(parts).toContainEqual(therapy({ kinds: ['immunotherapy'], setting: 'adjuvant' }));
    expect(parts).toContainEqual(unparsed('between January 1st of 2019 and January 1st of 2029'));
    const nsclc = incl('Pathologic Stage II-IIIB (N2) NSCLC treated with initial upfront resection.');
    expect(therapyLeaves(nsclc)).toEqual([therapy({ kinds: ['surgery'] })]);
  });

  it('leaves an operation said of metastases to the brain readers: a patient without them need not have had it (NCT02821013 i6)', () => {
    const { condition } = readRule('Treated with surgery and without evidence of progression prior to randomization and have no evidence of new or enlarging brain metastases.', 'inclusion', [
      'Patients with brain metastases are allowed, provided they are stable according to the following definitions',
    ]);
    expect(therapyLeaves(condition)).toEqual([]);
  });

  it('reads "(or declined)" before a count of lines as the other route to it (NCT06946225 i8)', () => {
    const rule = incl('SS participants must have received (or declined) at least one line of treatment (including SoC) and are still in need of further systemic therapy.');
    expect('all' in rule).toBe(true);
    expect((rule as { all: Condition[] }).all).toContainEqual({ any: [lines('greaterThanInclusive', 1), unparsed('or declined')] });
    // A patient with no line may have declined: unknown, never failed on the count.
    expect(judgeRecord(rule, { treatments: [] })).toBeNull();
  });

  it('reads a count left free, when nothing makes it conditional, as the list permitted (NCT05607095 i2)', () => {
    const rule = incl('Patients will be eligible regardless of the number of prior systemic therapies received.');
    expect(rule).toEqual({
      any: [therapy({ kinds: ['systemic'] }, false), unparsed('Patients will be eligible regardless of the number of prior systemic therapies received')],
    });
    // "… as long as in the opinion of the Investigator …": the permission has a condition, which a patient
    // without the treatment must meet too (NCT07287917 i4, item iv).
    const conditional = incl(
      'Patients with incurable malignancies may be enrolled regardless of the number of prior treatment lines, as long as in the opinion of the Investigator, the patient would be unlikely to tolerate or derive clinically meaningful benefit from other available treatment options.',
    );
    expect(therapyLeaves(conditional)).toEqual([]);
  });
});
