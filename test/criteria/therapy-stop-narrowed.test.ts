/**
 * A treatment stopped for its harms, the treatment narrowed by a clause saying what it consists of
 * ("an antibody drug conjugate (ADC) that consists of an exatecan derivative (eg, T-DXd)",
 * therapy-outcomes.ts): the treatment and the stop are read, the clause stays an unread leaf beside
 * them, so the exclusion reaches no patient the text lets in. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const intolerant = (params: Record<string, unknown>) => therapy({ ...params, outcome: 'intolerance' });
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);
const on = (name: string, outcome: string): PatientRecord =>
  ({ treatments: [{ name, start: '2024-01-10', end: '2024-09-01', outcome }] }) as PatientRecord;

describe('a stopped treatment narrowed by what it consists of', () => {
  // NCT06330064 e2
  const text =
    'Prior discontinuation of an antibody drug conjugate (ADC) that consists of an exatecan derivative (eg, T-DXd) due to treatment-related toxicities.';

  it('reads the stop of the ADC for toxicity, the clause kept unread beside it', () => {
    const r = readRule(text, 'exclusion');
    expect(r.condition).toEqual({
      all: [intolerant({ classes: ['adc'] }), unparsed('that consists of an exatecan derivative (eg, T-DXd)')],
    });
    expect(r.unread).toBe('');
  });

  it('excludes no patient whose ADC did not end for toxicity, and leaves one whose did to the clause', () => {
    const { condition } = readRule(text, 'exclusion');
    expect(judge(condition!, on('trastuzumab deruxtecan', 'progression'))).toBe(false);
    expect(judge(condition!, on('carboplatin', 'intolerance'))).toBe(false);
    expect(judge(condition!, on('trastuzumab deruxtecan', 'intolerance'))).toBeNull();
  });

  it('still reads a stop whose treatment has no such clause whole (NCT06413680 wording)', () => {
    expect(readRule('Discontinuation of prior anti-PD-1 therapy due to grade 3 or 4 toxicities.', 'exclusion').condition).toEqual({
      all: [intolerant({ classes: ['anti_pd1'] }), unparsed('grade 3 or 4')],
    });
  });

  it('reads nothing when the words before the clause name no treatment', () => {
    // A regimen is named by what it contains; the head alone names no treatment.
    const r = readRule('Discontinuation of a regimen containing cisplatin due to toxicity.', 'exclusion');
    expect(r.condition).toBeNull();
  });
});
