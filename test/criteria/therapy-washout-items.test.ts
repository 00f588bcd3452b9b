/**
 * Items of a washout table under a lead-in (src/criteria/extract/therapy.ts `underWashoutLead`):
 * "Patients receiving prior systemic therapy must have a minimum wash-out period … of:", then
 * "28 days from administration of cytotoxic agents". Each item names a treatment to have been off
 * for a while: its bare duration is a minimum gap, read as no such treatment within it. An item
 * whose gap cannot be read is left unread; read as receipt of the treatment it made every patient
 * who never had it ineligible. Real corpus lines with their lead-ins.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const therapy = (params: Record<string, unknown>, value: boolean): Condition => ({ fact: 'priorTherapy', operator: 'equal', value, params });

// NCT06047379
const WASHOUT_PERIOD =
  'Patients receiving prior systemic therapy must have a minimum wash-out period (defined as the period prior to receipt of the first dose of NEO212) of:';
// NCT06805825
const TIME_BETWEEN = 'Time between prior anticancer therapy including investigational agents and first dose of NN3201 as below:';
// NCT06974604
const RECOVERING = 'Has an adequate treatment washout period prior to Cycle 1, Day 1, defined as appropriately recovering from:';

describe('items of a washout table', () => {
  it('reads "N weeks from administration of X" as no X within N weeks (NCT06047379)', () => {
    expect(readRule('2 weeks from administration of immunotherapies;', 'inclusion', [WASHOUT_PERIOD]).condition).toEqual(
      therapy({ kinds: ['immunotherapy'], withinDays: 14 }, false),
    );
    expect(readRule('28 days from administration of cytotoxic agents; and', 'inclusion', [WASHOUT_PERIOD]).condition).toEqual(
      therapy({ classes: ['cytotoxic'], kinds: ['chemotherapy'], withinDays: 28 }, false),
    );
  });

  it('reads "X - At least N days" as no X within N days (NCT06805825)', () => {
    expect(readRule('Cytotoxic chemotherapy - At least 21 days', 'inclusion', [TIME_BETWEEN]).condition).toEqual(
      therapy({ kinds: ['chemotherapy'], withinDays: 21 }, false),
    );
    expect(readRule('Nitrosoureas - At least 6 weeks', 'inclusion', [TIME_BETWEEN]).condition).toEqual(
      therapy({ classes: ['nitrosourea'], withinDays: 42 }, false),
    );
  });

  it('never requires the treatment of an item whose gap it cannot read (NCT06974604, NCT06047379)', () => {
    for (const [text, lead] of [
      [
        'Radiation therapy (curative) and palliative radiation therapy to lung ﬁelds: ≥4 weeks; ≥2 weeks (palliative radiation therapy to other areas \\[ie, limited ﬁeld and 10 or fewer days or fractions\\] including whole brain radiotherapy).',
        RECOVERING,
      ],
      [
        'Chemotherapy (including immunotherapy \\[non-antibody based therapy\\]), and retinoid therapy: ≥2 weeks or 5 times terminal elimination half-life (T½) of the chemotherapeutic agent (whichever is longer); ≥6 weeks for nitrosoureas or mitomycin C, ≥1 week for tyrosine kinase inhibitors (TKIs)',
        RECOVERING,
      ],
      ['28 days or 5 half-lives (whichever is shorter) elapsed from the administration from any experimental agent;', WASHOUT_PERIOD],
    ]) {
      const { condition } = readRule(text!, 'inclusion', [lead!]);
      const required = condition ? leavesOf(condition).filter((l) => l.fact === 'priorTherapy' && l.value === true) : [];
      expect(required).toEqual([]);
    }
  });

  it('still reads a permission under the lead-in (NCT05607095)', () => {
    const { condition } = readRule(
      'Targeted therapy: prior targeted therapy with an EGFR, MEK, BRAF, ALK, ROS1, or other-targeted agents (eg, erlotinib, afatinib, dacomitinib, osimertinib, crizotinib, ceritinib, lorlatinib) is allowed provided the washout is a minimum of 14 days or 5 half-lives (whichever is longer) prior to the start of NMA-LD',
      'inclusion',
      ['Patients must have a washout period from prior anticancer therapy(ies) of a minimum duration, as detailed below prior to the first study treatment (ie, start of NMA-LD):'],
    );
    expect(condition).not.toBeNull();
    expect(leavesOf(condition!).filter((l) => l.fact === 'priorTherapy').every((l) => l.value === false)).toBe(true);
  });

  it('needs a lead-in that points at its items: a criterion sentence above is not one (NCT06953089)', () => {
    const { condition } = readRule(
      'For PSOC: Must have PSOC, defined as radiographically documented disease recurrence or progression occurring \\>6 months after completion of the last dose of platinum-based chemotherapy.',
      'inclusion',
      ['Has adequate treatment washout period prior to the first dose of trial treatment.'],
    );
    expect(leavesOf(condition!).some((l) => l.fact === 'priorTherapy' && l.value === true)).toBe(true);
  });
});
