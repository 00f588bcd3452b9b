/**
 * A prior-therapy requirement whose other route is the patient's refusal or ineligibility, or the
 * therapy not being available: the list is read as one route, any(X, unread sentence). A patient who
 * had X passes; any other patient is unknown, never failed. The other route's words are kept in the
 * unread leaf, not left over as one more requirement beside it. Sentences are quoted exactly from
 * the corpus (some are one sentence of a longer criterion).
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { criterionRule, judgeRecord, readCondition } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');
const leaves = (c: Condition): string => JSON.stringify(c);

describe('a prior therapy required unless the patient refused it, is ineligible for it or cannot get it', () => {
  it('is sufficient beside "unless the patient is not a candidate", with no unread word left beside it (NCT07070232)', () => {
    const rule = incl(
      'Must have received platinum-based chemotherapy, with or without an anti-PD-(L)1 agent and bevacizumab for metastatic/recurrent disease, unless the patient is not a candidate in the opinion of the treating physician.',
    );
    expect('any' in rule).toBe(true);
    expect(leaves(rule)).toContain('"classes":["platinum"]');
    expect(judgeRecord(rule, { treatments: [{ name: 'carboplatin', kind: 'systemic', start: '2024-01-10', setting: 'metastatic' }] })).toBe(true);
    // No platinum on record: the patient may not have been a candidate, which no fact says.
    expect(judgeRecord(rule, { treatments: [] })).toBeNull();
  });

  it('reads the setting before "unless unable or unwilling" (NCT05914116, first sentence)', () => {
    const rule = incl(
      'Has received prior treatment with platinum-based chemotherapy regimen and/or anti-PD-1/PD-L1 antibody-based regimen in the advanced/unresectable, or metastatic setting unless unable or unwilling.',
    );
    expect('any' in rule).toBe(true);
    expect(leaves(rule)).toContain('"setting":"advanced"');
    expect(leaves(rule)).toContain('anti_pd1_pdl1');
    expect(judgeRecord(rule, { treatments: [] })).toBeNull();
  });

  it('takes "received or refused X" as X beside its refusal, inside the condition that binds it (NCT06940739)', () => {
    const rule = readCondition('If the tumor is BRAF V600 mutation positive, the participant also received or refused a BRAF inhibitor with or without a MEK inhibitor.', 'inclusion')!;
    expect('any' in rule).toBe(true);
    expect(leaves(rule)).toContain('"classes":["braf_inhibitor"]');
    // The optional MEK inhibitor is no requirement.
    expect(leaves(rule)).not.toContain('mek_inhibitor"]');
    expect(judgeRecord(rule, { treatments: [{ name: 'dabrafenib', kind: 'systemic', start: '2024-01-10' }] })).toBe(true);
  });

  it('does not read a refusal alone as the treatment had', () => {
    // "received or refused" needs the receipt verb: the treatment a patient refused was not had.
    const rule = readCondition('Patients who refuse or decline to receive BRAF targeted therapy or were intolerant of BRAF targeted therapy are eligible.', 'inclusion');
    expect(rule === null || !leaves(rule).includes('"value":true,"params":{"classes":["braf_inhibitor"]}')).toBe(true);
  });

  it('leaves a sentence whose treatment is narrowed ("an oral VEGF inhibitor") unread (NCT06760702)', () => {
    const rule = incl(
      'Renal Cell Carcinoma - Patient should have received an oral VEGF inhibitor and PD-1/PD-L1 inhibitors, unless any of these are not available locally or prohibitive for the patient financially or if the patient is not eligible for these or if the patient has refused these.',
    );
    expect(leaves(rule)).not.toContain('priorTherapy');
  });

  it('keeps an option item of a criterion from passing every patient outside its condition (NCT05573893)', () => {
    const [item] = parseCriteria(
      'Inclusion Criteria:\n\n* Patients (irrespective of sex and gender) with pathologically documented breast cancer that:\n\n' +
        '  * was previously treated with one or more anti-HER2 directed therapy if the tumor is HER2+ OR\n' +
        '  * was previously treated with at least one endocrine therapy in the metastatic setting and is not considered suitable for endocrine therapy as the next line of treatment if the tumor is HR+, HER2-low or HER2-ultralow OR\n' +
        '  * was previously treated with prior chemotherapy in the metastatic setting or developed disease recurrence during or within 6 months of completing adjuvant chemotherapy if the tumor is HER2-low.\n',
    );
    // A HER2-positive patient with no treatment meets no item (the first needs anti-HER2 therapy): never a pass.
    expect(judgeRecord(item!.rule as Condition, { treatments: [], biomarkers: [{ name: 'HER2', status: 'positive' }] })).not.toBe(true);
  });
});
