/**
 * An exclusion for a cumulative dose of a drug above a limit (therapy-cumulative-dose.ts): only those
 * who had one of the drugs named can exceed it, all(priorTherapy(drugs), unparsed(doses)). A patient
 * who never had them is not excluded; for the others the dose stays unknown. A dose of a drug the
 * lexicon misses keeps the line unread. Criteria lines are verbatim from the corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const given = (name: string): PatientRecord => ({ treatments: [{ name, start: '2024-01-10' }] });

describe('a cumulative dose above a limit needs the drug', () => {
  it('reads "anthracycline equivalent cumulative dose of adriamycin > 360 mg/m2" as any anthracycline, the dose unread (NCT06343948)', () => {
    const r = readRule('anthracycline equivalent cumulative dose of adriamycin \\> 360 mg/m2;', 'exclusion');
    expect(r.condition).toEqual({
      all: [therapy({ drugs: ['doxorubicin'], classes: ['anthracycline'] }), unparsed('anthracycline equivalent cumulative dose of adriamycin > 360 mg/m2')],
    });
    // Never had an anthracycline: not excluded. Had epirubicin (counted as its doxorubicin equivalent): unknown.
    expect(judge(given('paclitaxel'), r.condition!)).toBe(false);
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
    expect(judge(given('epirubicin'), r.condition!)).toBeNull();
  });

  it('reads two drugs\' limits and the equivalent of the class (NCT03377387)', () => {
    const text =
      'Received prior therapy resulting in a cumulative epirubicin dose \\>900 mg/m2 or cumulative doxorubicin dose \\>450 mg/m2. If another anthracycline or more than one anthracycline has been used, the cumulative dose must not exceed the equivalent of 450 mg/m\\^2 doxorubicin.';
    const { condition } = readRule(text, 'exclusion');
    expect(therapyLeaves(condition)).toEqual([therapy({ drugs: ['epirubicin', 'doxorubicin'], classes: ['anthracycline'] })]);
    // "must not exceed" states the limit: the exclusion is not turned around.
    expect(judge(given('doxorubicin'), condition!)).toBeNull();
    expect(judge(given('carboplatin'), condition!)).toBe(false);
  });

  it('reads "Dox HCl" as doxorubicin so every dose is tied to a drug named (NCT04106492 e1)', () => {
    // The lexicon names doxorubicin hydrochloride by its abbreviation: each dose has its drug, and a
    // patient who had none of the three is not excluded; one who had any is unknown (the dose unread).
    // Under its heading "Phase 1", a label of the part of the study only: the reading never excludes outright.
    const { condition } = readRule('Prior exposure to 300 mg/m\\^2 of Dox HCl or DOXIL / CAELYX ® or 600 mg/m\\^2 of Epirubicin HCl', 'exclusion', ['Phase 1']);
    expect(therapyLeaves(condition)).toEqual([therapy({ drugs: ['doxorubicin', 'pegylated_liposomal_doxorubicin', 'epirubicin'] })]);
    expect(judge(given('doxorubicin'), condition!)).toBeNull();
    expect(judge(given('epirubicin'), condition!)).toBeNull();
    expect(judge(given('carboplatin'), condition!)).toBe(false);
    expect(judge({ treatments: [] }, condition!)).toBe(false);
  });

  it('leaves the line unread under a heading that is more than a part label (made up)', () => {
    const text = 'Prior exposure to 300 mg/m\\^2 of Dox HCl or 600 mg/m\\^2 of Epirubicin HCl';
    expect(readRule(text, 'exclusion', ['The following do not apply to patients in Part B:']).condition ?? null).toBeNull();
  });

  it.each([
    // An equivalent dose with no class named counts drugs the text does not list (made up).
    ['Cumulative dose exceeding the equivalent of 450 mg/m2 of doxorubicin', 'exclusion'],
  ] as const)('leaves "%s" without a dose reading', (text, kind) => {
    expect(JSON.stringify(readRule(text, kind).condition ?? null)).not.toContain('cumulative');
  });
});
