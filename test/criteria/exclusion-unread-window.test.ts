/**
 * An exclusion whose time window is left unread does not exclude on the finding alone (parse.ts
 * unreadWindow): read without its window, "hemoptysis within 8 weeks" would exclude every patient
 * who ever bled. Windows that time a test or look past the last dose bound nothing the patient has
 * had, and a reading with a window of its own keeps its sufficiency. Lines verbatim from the corpus.
 */
import { parseCriteria } from '../../src/criteria/parse';

const exclusion = (line: string) => parseCriteria(`Exclusion Criteria:\n\n* ${line}\n`)[0]!;

describe('an unread window in an exclusion', () => {
  it('makes the finding necessary, not sufficient: "Hemoptysis in excess of 2.5 ml within 8 weeks of first dose of study drug." (NCT01503372)', () => {
    const c = exclusion('Hemoptysis in excess of 2.5 ml within 8 weeks of first dose of study drug.');
    expect(c.status).toBe('partial');
    expect('all' in c.rule).toBe(true);
    expect((c.rule as { all: unknown[] }).all).toContainEqual({ fact: 'condition', operator: 'equal', value: true, params: { names: ['hemoptysis'] } });
  });

  it('binds every member of the list it ends: "… coronary angioplasty, or stenting within 6 months prior to study entry." (NCT05384496)', () => {
    const c = exclusion(
      'History of acute coronary syndromes (including myocardial infarction and unstable angina), coronary artery bypass graft (CABG) coronary angioplasty, or stenting within 6 months prior to study entry.',
    );
    expect('all' in c.rule).toBe(true);
  });

  it('leaves a pregnancy sufficient when the window times the test: "… pregnancy test … performed within 14 days of the first dose" (NCT05384496)', () => {
    const c = exclusion(
      'Women who are breastfeeding or who are pregnant as evidenced by a positive serum pregnancy test (minimum sensitivity 25 IU/L or equivalent units of HCG) performed within 14 days of the first dose of study drug and by a urine pregnancy test (minimum sensitivity 25 IU/L or equivalent units of HCG) within 24 hours of the first dose of study drug(s).',
    );
    expect('any' in c.rule).toBe(true);
    expect((c.rule as { any: unknown[] }).any).toContainEqual({ fact: 'pregnant', operator: 'equal', value: true });
  });

  it('leaves a reading with its own window sufficient (NCT04647916)', () => {
    const c = exclusion(
      'Participants must not have received nitrosoureas or mitomycin C within 42 days, metronomic/protracted low-dose chemotherapy within 14 days, or other cytotoxic chemotherapy within 28 days prior to registration',
    );
    expect('any' in c.rule).toBe(true);
    expect((c.rule as { any: unknown[] }).any).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['chemotherapy'], withinDays: 28 } });
  });
});
