/**
 * Rows of an inclusion's washout table that give more than one minimum gap (therapy-washout-rows.ts
 * severalGaps): "Hematopoietic growth factors: At least 14 days after the last dose of a long-acting
 * growth factor (e.g., Neulasta) or 7 days for short-acting growth factor". Each gap is at least the
 * shortest, so the label's treatment within the shortest breaks the row whichever gap is its own: that
 * is read as a necessary condition, the rest of the row stays unread beside it. Rows with an upper
 * bound, a waiver, a shorter half-life alternative or a gap in hours or cycles stay unread, and so do
 * exclusions and rows without a washout lead-in. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) with their lead-in, unless marked as a variant.
 *
 * Cases: growth factors (NCT07287917 i10, NCT04851119 i13), major surgery (NCT06974604 i13), external
 * beam radiation (NCT04851119 i18), a row with nested brackets left unread (NCT06974604 i16), variants
 * that must stay unread (a shorter half-life, a waiver, an upper bound, an exclusion, no lead-in).
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const AS_OF = '2025-06-01';
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record, AS_OF);
/** A treatment that ended `daysAgo` days before the as-of date. */
const endedAgo = (name: string, daysAgo: number, kind?: 'systemic' | 'radiation' | 'surgery') => {
  const d = new Date(Date.parse(AS_OF) - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return { name, ...(kind ? { kind } : {}), start: d, end: d };
};

/** The windows of a rule's prior-therapy leaves. */
const windows = (c: Condition | null): Array<number | undefined> =>
  therapyLeaves(c).map((l) => ('fact' in l ? (l.params as { withinDays?: number } | undefined)?.withinDays : undefined));

const COG_LEAD = 'Fully recovered from acute toxic effects of prior anti-neoplastic therapies. The following minimum periods from treatment apply:';
const RECOVERY_LEAD =
  'Has an adequate treatment washout period prior to Cycle 1, Day 1, defined as appropriately recovering from:';

describe('a washout row with several minimum gaps', () => {
  it('reads the shortest gap of a growth-factor row as necessary (NCT07287917)', () => {
    const text =
      'Hematopoietic growth factors: At least 14 days after the last dose of a long-acting growth factor (e.g., Neulasta) or 7 days for short-acting growth factor.';
    const { condition } = readRule(text, 'inclusion', [COG_LEAD]);
    expect(condition).toEqual({
      all: [
        therapy({ classes: ['hematopoietic_growth_factor'], withinDays: 7 }, false),
        unparsed('At least 14 days after the last dose of a long-acting growth factor (e.g., Neulasta) or 7 days for short-acting growth factor.', false),
      ],
    });
    // A growth factor 3 days ago breaks the row whichever kind it was; one 10 days ago depends on its kind.
    expect(judge(condition!, { treatments: [endedAgo('filgrastim', 3)] })).toBe(false);
    expect(judge(condition!, { treatments: [endedAgo('filgrastim', 10)] })).toBeNull();
  });

  it('reads the same row with a note after it, the note unread (NCT04851119)', () => {
    const text =
      'Hematopoietic growth factors: \\>= 14 days after the last dose of a long-acting growth factor (e.g., pegfilgrastim) or 7 days for short acting growth factor. For agents that have known adverse events occurring beyond 7 days after administration, this period must be extended beyond the time during which adverse events are known to occur';
    const lead =
      'Patients must have fully recovered from the acute toxic effects of all prior anti-cancer therapy and must meet the following minimum duration from prior anti-cancer directed therapy prior to enrollment.';
    const { condition } = readRule(text, 'inclusion', [lead]);
    expect(therapyLeaves(condition)).toEqual([therapy({ classes: ['hematopoietic_growth_factor'], withinDays: 7 }, false)]);
    expect(condition).toMatchObject({ all: [expect.anything(), { fact: 'unparsed', value: false }] });
  });

  it('reads a surgery row whose second gap is the same (NCT06974604)', () => {
    const { condition } = readRule('Major surgery: ≥2 weeks (or 2 weeks for low-invasive cases \\[eg, colostomy\\]).', 'inclusion', [RECOVERY_LEAD]);
    expect(condition).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 14 }, false), unparsed('>=2 weeks (or 2 weeks for low-invasive cases [eg, colostomy]).', false)],
    });
    expect(judge(condition!, { treatments: [endedAgo('hemicolectomy', 5, 'surgery')] })).toBe(false);
  });

  it('reads the shortest of three radiation gaps (NCT04851119)', () => {
    const text =
      'External beam radiation therapy (XRT)/external beam irradiation including protons: \\>= 14 days after local XRT; \\>= 150 days after TBI, craniospinal XRT or if radiation to \\>= 50% of the pelvis; \\>= 42 days if other substantial bone marrow (BM) radiation';
    const lead =
      'Patients must have fully recovered from the acute toxic effects of all prior anti-cancer therapy and must meet the following minimum duration from prior anti-cancer directed therapy prior to enrollment.';
    const { condition } = readRule(text, 'inclusion', [lead]);
    for (const leaf of therapyLeaves(condition)) expect(leaf).toEqual(therapy({ kinds: ['radiation'], withinDays: 14 }, false));
    // Radiation 10 days ago is too recent for every gap; 60 days ago depends on the field.
    expect(judge(condition!, { treatments: [endedAgo('radiotherapy', 10, 'radiation')] })).toBe(false);
    expect(judge(condition!, { treatments: [endedAgo('radiotherapy', 60, 'radiation')] })).toBeNull();
  });

  it('leaves a label with nested brackets unread (NCT06974604)', () => {
    const text =
      'Chemotherapy (including immunotherapy \\[non-antibody based therapy\\]), and retinoid therapy: ≥2 weeks or 5 times terminal elimination half-life (T½) of the chemotherapeutic agent (whichever is longer); ≥6 weeks for nitrosoureas or mitomycin C, ≥1 week for tyrosine kinase inhibitors (TKIs)';
    expect(therapyLeaves(readRule(text, 'inclusion', [RECOVERY_LEAD]).condition)).toEqual([]);
  });

  it('never reads the shortest gap where a gap may be shorter still, waived or bounded (variants)', () => {
    for (const row of [
      // A half-life alternative with "whichever is shorter" may be less than both gaps.
      'Hematopoietic growth factors: At least 14 days or 5 half-lives (whichever is shorter) after a long-acting growth factor or 7 days for short-acting growth factor.',
      // A waiver for some of the label's treatment.
      'Hematopoietic growth factors: At least 14 days after a long-acting growth factor; 7 days for short-acting growth factor (not required for erythropoietin).',
      // A gap in hours is shorter than the days read.
      'Hematopoietic growth factors: At least 14 days after a long-acting growth factor or 72 hours for short-acting growth factor.',
      // An upper bound is no gap.
      'Hematopoietic growth factors: At least 14 days after a long-acting growth factor, within 7 days for short-acting growth factor.',
    ]) {
      expect(windows(readRule(row, 'inclusion', [COG_LEAD]).condition)).not.toContain(7);
    }
  });

  it('keeps a one-gap row whose anchor is a day of the schedule as the row reader reads it (variant)', () => {
    // "Day 1" is no second gap: the row keeps its own window, read whole.
    expect(readRule('Chemotherapy: ≥ 3 weeks prior to Cycle 1 Day 1', 'inclusion', [RECOVERY_LEAD])).toEqual({
      condition: therapy({ kinds: ['chemotherapy'], withinDays: 21 }, false),
      unread: '',
    });
  });

  it('reads several gaps only in an inclusion under a washout lead-in (variants)', () => {
    const row =
      'Hematopoietic growth factors: At least 14 days after the last dose of a long-acting growth factor (e.g., Neulasta) or 7 days for short-acting growth factor.';
    // Without a lead-in the row's form alone does not say each time is a minimum gap for the label.
    expect(windows(readRule(row, 'inclusion').condition)).not.toContain(7);
    // An exclusion's row with minimum gaps says how long ago the treatment may have been, not when it excludes.
    expect(windows(readRule(row, 'exclusion', [COG_LEAD]).condition)).not.toContain(7);
  });
});
