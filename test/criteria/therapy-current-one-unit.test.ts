/**
 * Current treatment said in other words ("parallel", "being treated now") and windows of one unit said
 * with an article instead of a number ("within a month", "within the past year"). Real corpus lines.
 */
import { readRule, therapy, unparsed } from '../support/criteria';

describe('current treatment in other words', () => {
  it('reads "parallel" anticancer therapy as current use (NCT07130032 e13)', () => {
    const r = readRule('Any parallel anti-cancer systemic therapy, radiation therapy', 'exclusion');
    expect(r.condition).toEqual({ all: [therapy({ kinds: ['systemic', 'radiation'], withinDays: 1 }), unparsed('parallel anti-cancer')] });
  });

  it('does not read "in parallel with" (how a treatment was given) as current use', () => {
    const r = readRule('Prior chemotherapy in parallel with radiotherapy', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"withinDays":1');
  });

  it('reads "being treated now with" as current use', () => {
    expect(readRule('Being treated now with chemotherapy', 'exclusion')).toEqual({ condition: therapy({ kinds: ['chemotherapy'], withinDays: 1 }), unread: '' });
  });
});

describe('windows of one unit', () => {
  it('reads "treated within a month or being treated now with …" as within 30 days, the unread member kept (NCT05098184 e7)', () => {
    const r = readRule('Having been treated within a month or being treated now with other medicines, or other biologic therapy, chemo-or radiotherapy;', 'exclusion');
    expect(r.condition).toEqual({ any: [therapy({ classes: ['biologic'], withinDays: 30 }), therapy({ kinds: ['chemotherapy', 'radiation'], withinDays: 30 })] });
    // The member no fact holds is left unread (the stored rule keeps it as an unparsed alternative).
    expect(r.unread).toBe('treated … treated now with other medicines');
  });

  it('reads "within the past month" in a negated inclusion (NCT07586904 i7)', () => {
    const r = readRule(
      'Have not received treatment with PD-1, PD-L1, or PD-L2 antibodies, anti-CTLA4 antibodies, interferon (IFN), targeted therapy, radiotherapy, or systemic chemotherapy within the past month.',
      'inclusion',
    );
    expect(r.unread).toBe('');
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['anti_pd1_pdl1', 'anti_pd_l2', 'anti_ctla4', 'interferon'], withinDays: 30 }, false),
        therapy({ kinds: ['targeted', 'radiation', 'chemotherapy'], withinDays: 30 }, false),
      ],
    });
  });

  it('reads "within the past year", the narrowing disease kept unread (NCT07215988 e2)', () => {
    const r = readRule('Prior immunotherapy, chemotherapy, or radiation therapy for treatment of MCC within the past year', 'exclusion');
    expect(r.condition).toEqual({ all: [therapy({ kinds: ['immunotherapy', 'chemotherapy', 'radiation'], withinDays: 365 }), unparsed('MCC')] });
  });

  it('reads windows in the past month and in past 2 weeks side by side (NCT06466434 e8)', () => {
    const r = readRule('IV antibiotic use in the past month or oral antibiotic use in past 2 weeks.', 'exclusion');
    expect(r.condition).toEqual({
      any: [
        { all: [therapy({ classes: ['antibacterial'], withinDays: 30 }), unparsed('IV')] },
        { all: [therapy({ classes: ['antibacterial'], withinDays: 14 }), unparsed('oral')] },
      ],
    });
  });

  it('keeps a list unread when a one-unit window belongs to something else in the sentence (NCT06580002 e7)', () => {
    const r = readRule(
      'Patients taking or planned to take medications/substances with potential drug-drug interactions: pixantrone, current smoker (defined as having smoked within the last month), abametapir, cannabis, capmatinib, lapatinib, methotrexate, and levoketoconazole.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('priorTherapy');
  });
});
