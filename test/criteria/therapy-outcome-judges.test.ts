/**
 * The outcome of a named earlier treatment: who judged it ("experienced PD per treating physician while
 * receiving X"), the form and line it was given in ("(either monotherapy or combination therapy) in any
 * line of treatment"), "progressed during X" read as "progressed on X", the outcome said of the patients
 * named before it ("unresectable NSCLC who have progressed during X"), a response short of a named one
 * ("less than a CR to X"), "PD-1 containing therapy", a test-result label that binds the sentence
 * after it ("BRAF wild type: progressed after …"), a bracketed aside after a member, and examples
 * "including but not limited to". Corpus lines (verbatim, or a clause of one where the test says so).
 */
import type { PatientRecord } from '../../src/patients/record';
import { classesOf, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const on = (name: string, outcome?: string): PatientRecord =>
  ({ treatments: [{ name, start: '2024-01-10', end: '2024-09-01', ...(outcome ? { outcome } : {}) }] }) as PatientRecord;

describe('who judged the outcome, and the form and line of the treatment', () => {
  const text =
    'Patients with unresectable or widespread metastatic (stage IV) melanoma who experienced PD per treating physician while receiving anti-PD-1-based therapy (either monotherapy or combination therapy) in any line of treatment.';

  it('reads progression on anti-PD-1 therapy beside the disease (NCT05264974 i18)', () => {
    const r = readRule(text, 'inclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['anti_pd1'], outcome: 'progression' })]);
    expect(r.unread).not.toMatch(/experienced|PD|monotherapy|combination/);
  });

  it('takes "(either monotherapy or combination therapy)" as a form of the treatment (NCT06472661 i9)', () => {
    const r = readRule('Subjects must be receiving checkpoint blockade (either monotherapy or combination therapy) at the time of registration.', 'inclusion');
    expect(r.condition).toEqual(therapy({ classes: ['checkpoint_inhibitor'], withinDays: 1 }));
    expect(r.unread).toBe('');
  });
});

describe('progression during a treatment', () => {
  it('reads "progressed during X" exactly, as "progressed on X" (exclusion)', () => {
    const r = readRule('Participants who have progressed during platinum-based chemotherapy.', 'exclusion');
    expect(r.condition).toEqual(therapy({ classes: ['platinum'], outcome: 'progression' }));
  });

  it('reads the outcome said of the patients named before it, kept necessary (NCT05211895 e4)', () => {
    const r = readRule('Participants with locally advanced (Stage III) unresectable NSCLC who have progressed during platinum-based cCRT.', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['platinum'], kinds: ['radiation'], outcome: 'progression' })]);
    // Concurrent chemoradiotherapy and the disease stay beside it: the finding excludes no one alone.
    expect(JSON.stringify(r.condition)).toContain('"unparsed"');
  });

  it('reads the progression after a negation as required: the negation ends at "and has" (NCT05267626 i8)', () => {
    const r = readRule(
      'NSCLC: Unresectable locally advanced or metastatic PD-L1-positive (tumor proportion score \\[TPS\\] ≥ 1%) NSCLC not harboring an activating EGFR mutation or ALK rearrangement and has progressed during or following treatment with an anti-PDx with or without platinum-based chemotherapy',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' })]);
  });
});

describe('a response short of a named one', () => {
  const text = 'Patients must have experienced less than a CR (according to Lugano criteria) to anti- PD-1 treatment';

  it('reads the treatment as had, with the response unread (NCT06150664 i19)', () => {
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({ all: [therapy({ classes: ['anti_pd1'] }), unparsed('less than a CR (according to Lugano criteria)')] });
    expect(r.unread).toBe('');
  });

  it('fails a patient who never had anti-PD-1 and leaves one who had it unknown', () => {
    const { condition } = readRule(text, 'inclusion');
    expect(judgeRecord(condition!, on('carboplatin'))).toBe(false);
    expect(judgeRecord(condition!, on('pembrolizumab', 'stable'))).toBeNull();
  });

  it('reads no negated or alternative form', () => {
    expect(readRule('Patients must not have experienced less than a CR to anti-PD-1 treatment', 'inclusion').condition).toBeNull();
    expect(readRule('Patients must have experienced less than a CR to anti-PD-1 treatment or be intolerant to it.', 'inclusion').condition).toBeNull();
  });
});

describe('a test-result label and "PD-1 containing therapy"', () => {
  it('names anti-PD-1 by "PD-1 containing therapy" and "PD-1-based regimen"', () => {
    expect(classesOf('PD-1 containing therapy')).toEqual(['anti_pd1']);
    expect(classesOf('PD-1-based regimen')).toEqual(['anti_pd1']);
  });

  it('reads progression after PD-1 containing therapy, the anti-CTLA-4 partner optional', () => {
    const r = readRule('progressed after receiving PD-1 containing therapy with or without an anti-CTLA-4', 'inclusion');
    expect(r.condition).toEqual(therapy({ classes: ['anti_pd1'], outcome: 'progression' }));
  });

  it('requires nothing of patients outside the label: the list is read bound to the label (NCT05267626 i3)', () => {
    const r = readRule('BRAF wild type: progressed after receiving PD-1 containing therapy with or without an anti-CTLA-4', 'inclusion');
    // any(not BRAF wild type, progressed on anti-PD-1): population-conditions.ts reads the label as the population.
    expect(r.condition).toEqual({
      any: [{ fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'BRAF', status: 'detected' } }, therapy({ classes: ['anti_pd1'], outcome: 'progression' })],
    });
    // A BRAF V600E melanoma without anti-PD-1 is not failed by the BRAF wild type patients' requirement.
    const record = { ...on('dabrafenib'), biomarkers: [{ name: 'BRAF', alteration: 'V600E', status: 'detected' }] } as PatientRecord;
    expect(judgeRecord(r.condition!, record)).not.toBe(false);
  });
});

describe('a bracketed aside after a member', () => {
  it('is no alternative to the list: "pertuzumab [IV, SC, or fixed-dose combination]" (NCT05296798 e4)', () => {
    const r = readRule(
      'Disease progression within 6 months of receiving adjuvant anti-HER2 therapy (such as trastuzumab, with or without pertuzumab \\[IV, SC, or fixed-dose combination\\], or ado-trastuzumab emtansine, or neratinib)',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toContainEqual(therapy({ classes: ['her2_directed'], setting: 'adjuvant', outcome: 'progression' }));
    // How soon after the adjuvant therapy stays unread beside it: the finding excludes no one alone.
    const record = { treatments: [{ name: 'trastuzumab', setting: 'adjuvant', start: '2023-01-10', end: '2023-12-01', outcome: 'progression' }] } as PatientRecord;
    expect(judgeRecord(r.condition!, record)).not.toBe(true);
  });
});

describe('examples "including but not limited to"', () => {
  it('narrow nothing: intolerance to a topoisomerase I inhibitor excludes (NCT07070232 e1)', () => {
    const r = readRule(
      'Have a history of intolerance to treatment with a topoisomerase I inhibitor or intolerance to an ADC that consists of a topoisomerase I inhibitor, including but not limited to topotecan, irinotecan, and deruxtecan (e.g., severe diarrhea).',
      'exclusion',
    );
    // The ADC named by its payload is a topoisomerase I inhibitor-based ADC (the lexicon's), an alternative of its own.
    expect(therapyLeaves(r.condition)).toEqual([
      therapy({ classes: ['topoisomerase_i_inhibitor'], outcome: 'intolerance' }),
      therapy({ drugs: ['topotecan', 'irinotecan'], outcome: 'intolerance' }),
      therapy({ classes: ['topo1_adc'], outcome: 'intolerance' }),
    ]);
  });
});

describe('settings offered in a parenthesis', () => {
  it('are no alternative to the treatment: "(either adjuvant, neoadjuvant, or definitive therapy)" (NCT06365619 i3)', () => {
    const r = readRule(
      'Recurrent disease at eligibility must have been confirmed with biopsy after receiving prior anti-PD1 based systemic therapy (either adjuvant, neoadjuvant, or definitive therapy).',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['anti_pd1'] })]);
  });
});

describe('examples before the list', () => {
  it('leave the list unread: the use of antibiotics is an example of the infection, no conjunct (NCT07237100 e13)', () => {
    const r = readRule(
      'Patient with active bacterial, fungal, or viral infection, including but not limited to the use of antibiotics, antifungals, or antiviral agents at the time of Screening;',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([]);
  });
});
