/**
 * How an earlier treatment went, and standard therapy out of reach: an outcome said after the receipt
 * ("received X and later experienced disease progression", therapy-outcomes.ts), adverse events of X
 * "that required discontinuation" (therapy-outcomes.ts), progression on X "as
 * their last line of therapy" (therapy-progression.ts), a pathological
 * complete response to neoadjuvant therapy (therapy-outcomes.ts), and the standard-therapy routes
 * "no other viable approved salvage treatment options", "decline currently approved salvage
 * therapies" and "otherwise be prevented from receiving any standard treatment options"
 * (history-judgement.ts). Verbatim corpus lines, with the ones that must stay unread.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, extent, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('an outcome after the receipt', () => {
  const text = 'Must have previously received anti-PD1 immunotherapy (nivolumab or pembrolizumab) and later experienced disease progression.';

  it('reads the progression of the treatment received (NCT04562129)', () => {
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({
      any: [
        therapy({ drugs: ['nivolumab', 'pembrolizumab'], outcome: 'progression' }),
        therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
      ],
    });
    expect(r.unread).toBe('');
  });

  it('passes progression on the drug, and fails a response to it or progression on another', () => {
    const { condition } = readRule(text, 'inclusion');
    const on = (name: string, outcome: string): PatientRecord =>
      ({ treatments: [{ name, start: '2024-01-10', end: '2024-09-01', outcome }] }) as PatientRecord;
    expect(judge(on('pembrolizumab', 'progression'), condition!)).toBe(true);
    expect(judge(on('pembrolizumab', 'response'), condition!)).toBe(false);
    expect(judge(on('carboplatin', 'progression'), condition!)).toBe(false);
  });

  it('reads no outcome where a group binds the sentence and a permission follows (NCT04562129)', () => {
    const r = readRule(
      'Patients with BRAF V600 mutant melanoma must have previously received BRAF targeted therapy for metastatic melanoma and later experienced disease progression. Patients who refuse or decline to receive BRAF targeted therapy or were intolerant of BRAF targeted therapy are eligible.',
      'inclusion',
    );
    // Required of all, the progression would fail BRAF wild-type patients and those who declined.
    expect(therapyLeaves(r.condition).some((l) => 'params' in l && (l.params as { outcome?: string }).outcome)).toBe(false);
    expect(r.unread).toContain('later experienced disease progression');
  });

  it('reads no outcome for a cohort label or a time after it', () => {
    for (const [line, kind] of [
      // The label binds the sentence to one cohort (NCT07070232).
      ['(For participants with PDAC only) Have received one or two lines of systemic therapy for metastatic tumors, and have experienced progression or intolerance to the treatment during or following therapy.', 'inclusion'],
      // A time the outcome cannot hold (NCT06760637).
      ['Have received prior (neo)adjuvant endocrine therapy (ET) and had recurrence during or within 12 months after the last dose of ET.', 'exclusion'],
    ] as const) {
      const r = readRule(line, kind);
      expect(therapyLeaves(r.condition).some((l) => 'params' in l && (l.params as { outcome?: string }).outcome)).toBe(false);
    }
  });
});

describe('a harm of a treatment that forced its discontinuation', () => {
  const text =
    'Participants must not have had adverse events related to encorafenib and/or binimetinib specifically, that required discontinuation of one or both drugs due to toxicity.';

  it('reads intolerance of either drug, kept positive under the exclusion\'s "must not" (NCT04741997)', () => {
    const r = readRule(text, 'exclusion');
    expect(r.condition).toEqual(therapy({ drugs: ['encorafenib', 'binimetinib'], outcome: 'intolerance' }));
    expect(r.unread).toBe('');
  });

  it('is true (so excludes) for binimetinib stopped for its harms, false for binimetinib stopped at progression', () => {
    const { condition } = readRule(text, 'exclusion');
    const on = (outcome: string): PatientRecord =>
      ({ treatments: [{ name: 'binimetinib', start: '2024-01-10', end: '2024-09-01', outcome }] }) as PatientRecord;
    expect(judge(on('intolerance'), condition!)).toBe(true);
    expect(judge(on('progression'), condition!)).toBe(false);
  });

  it('reads the toxicity attributed to checkpoint inhibitors as intolerance of them (NCT03829254)', () => {
    const r = readRule(
      'Any prior toxicity attributed to checkpoint inhibitors that resulted in discontinuation of therapy. These patients should be discussed on a case-by-case basis with the Medical Monitor.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['checkpoint_inhibitor'], outcome: 'intolerance' })]);
    expect(r.unread).toContain('case-by-case');
  });

  it('leaves a discontinued treatment named after the stop to the other readers (NCT05098210)', () => {
    const r = readRule(
      'Any history of an immune-related grade 3 adverse event attributed to prior CIT that required permanent discontinuation of PD-1 inhibitor therapy',
      'exclusion',
    );
    expect(therapyLeaves(r.condition).some((l) => 'params' in l && (l.params as { outcome?: string }).outcome)).toBe(false);
  });
});

describe('progression on a treatment named as the last line', () => {
  it('reads progression on the drugs, with the place unread (NCT05779423)', () => {
    const r = readRule('Participants who are progressing on combination ipilimumab/nivolumab as their last line of therapy', 'exclusion');
    expect(r.condition).toEqual({
      all: [therapy({ drugs: ['ipilimumab', 'nivolumab'], outcome: 'progression' }), unparsed('as their last line of therapy')],
    });
  });

  it('spares a patient who never progressed on either drug, and leaves progression on them unknown', () => {
    const { condition } = readRule('Participants who are progressing on combination ipilimumab/nivolumab as their last line of therapy', 'exclusion');
    const on = (outcome: string): PatientRecord =>
      ({ treatments: [{ name: 'nivolumab', start: '2024-01-10', end: '2024-09-01', outcome }] }) as PatientRecord;
    expect(judge(on('response'), condition!)).toBe(false);
    expect(judge(on('progression'), condition!)).toBeNull();
  });
});

describe('a pathological complete response', () => {
  const text = 'Pathological complete response following treatment with neoadjuvant therapy';

  it('reads the response to neoadjuvant therapy, with "pathological complete" unread (NCT05774951, NCT05952557)', () => {
    const r = readRule(text, 'exclusion');
    expect(r.condition).toEqual({
      all: [therapy({ kinds: ['systemic'], setting: 'neoadjuvant', outcome: 'response' }), unparsed('Pathological complete')],
    });
  });

  it('is false without a response to neoadjuvant therapy, so the exclusion spares the patient', () => {
    const { condition } = readRule(text, 'exclusion');
    const neo = (outcome: string): PatientRecord =>
      ({ treatments: [{ name: 'paclitaxel', setting: 'neoadjuvant', start: '2024-01-10', end: '2024-05-01', outcome }] }) as PatientRecord;
    expect(judge(neo('progression'), condition!)).toBe(false);
    // A response may or may not have been complete: unknown.
    expect(judge(neo('response'), condition!)).toBeNull();
  });
});

describe('standard therapy out of reach', () => {
  it('reads "no other viable approved salvage treatment options … or decline currently approved salvage therapies" (NCT05264974)', () => {
    const r = readRule('Have no other viable approved salvage treatment options available, or decline currently approved salvage therapies.', 'inclusion');
    expect(r.condition).toEqual({ any: [attest('no_standard_option', true), attest('standard_therapy_declined', true)] });
    expect(r.unread).toBe('');
  });

  it('reads "otherwise be prevented from receiving any standard treatment options" as the no-standard route (NCT05107674)', () => {
    const r = readRule(
      'Patients must have disease that is metastatic or unresectable and have received standard treatment options, are not candidates for standard treatment options, or will otherwise be prevented from receiving any standard treatment options.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      all: [
        { any: [extent('metastatic'), extent('unresectable')] },
        { any: [attest('standard_therapy_received', true), attest('standard_therapy_ineligible', true), attest('no_standard_option', true)] },
      ],
    });
    expect(r.unread).toBe('');
  });

  it('never reads the received and ineligible routes without the third (the list would exclude patients it admits)', () => {
    const r = readRule(
      'Patients must have disease that is metastatic or unresectable and have received standard treatment options, are not candidates for standard treatment options, or will otherwise be prevented from receiving any standard treatment options.',
      'inclusion',
    );
    const topics = leavesOf(r.condition!).filter((l) => l.fact === 'attestation');
    expect(topics).toHaveLength(3);
  });
});
