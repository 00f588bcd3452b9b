/**
 * Washout windows whose treatment or tail the list reader used to miss (real corpus lines):
 *
 *   - "systemic treatment with radionuclides within 42 days": the radionuclides are the treatment
 *     (radiopharmaceutical therapy), not an unread object of a generic "systemic treatment";
 *   - "Last dose of X … was given ≤12 weeks prior to Screening, and with no other therapy started":
 *     "no other therapy started" says nothing was given since, not that no other option exists, so
 *     the receipt before it stays required (the tail stays an unread leaf beside it).
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, readRule, therapy } from '../support/criteria';

const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });

describe('washout windows with a named radionuclide treatment', () => {
  it('reads "systemic treatment with radionuclides within 42 days before C1D1" as radiopharmaceutical therapy (NCT05070247 e12)', () => {
    const text =
      'Radiation therapy within 14 days (42 days for radiation to the lungs) and/ or systemic treatment with radionuclides within 42 days before C1D1 of study drug(s). Participants with clinically relevant ongoing pulmonary complications from prior radiation therapy are not eligible.';
    const r = readRule(text, 'exclusion');
    // The radiation window with its site-bound longer aside stays unread: in the rule, an alternative
    // beside the one read.
    expect(r).toEqual({
      condition: therapy({ classes: ['radiopharmaceutical'], withinDays: 42 }),
      unread: 'Radiation … 14 days (42 days for radiation to the lungs … relevant ongoing pulmonary complications from prior radiation',
    });
    expect(criterionRule(text, 'exclusion')).toEqual({
      any: [
        therapy({ classes: ['radiopharmaceutical'], withinDays: 42 }),
        unread('Radiation … 14 days (42 days for radiation to the lungs … relevant ongoing pulmonary complications from prior radiation'),
      ],
    });
  });

  it('reads the plain wording alone', () => {
    expect(readRule('Systemic treatment with radionuclides within 42 days before C1D1.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['radiopharmaceutical'], withinDays: 42 }),
      unread: '',
    });
    expect(readRule('Treatment with radionuclides within 42 days before C1D1 of study drug(s).', 'exclusion').condition).toEqual(
      therapy({ classes: ['radiopharmaceutical'], withinDays: 42 }),
    );
  });

  it('leaves a bare "radionuclide" (imaging) to other readers', () => {
    const r = readRule('Acceptable studies include plain radiographs, radionuclide bone scans, computed tomography scans.', 'inclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('radiopharmaceutical');
  });
});

describe('"no other therapy started" after a required window', () => {
  it('keeps the receipt within 12 weeks required (NCT04855435 i31)', () => {
    const r = readRule(
      '14A. Last dose of pembrolizumab, nivolumab, nivolumab + ipilimumab, or nivolumab + relatlimab was given ≤12 weeks prior to Screening, and with no other therapy started.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ drugs: ['pembrolizumab', 'nivolumab', 'nivolumab_relatlimab'], withinDays: 84 }),
        { all: [therapy({ drugs: ['nivolumab'], withinDays: 84 }), therapy({ drugs: ['ipilimumab'], withinDays: 84 })] },
      ],
    });
    // The tail is not read: the line stays partial.
    expect(r.unread).toBe('started');
  });

  it('still takes "no other therapy options available" as another option', () => {
    const r = readRule('Must have received pembrolizumab or nivolumab, or have no other therapy options available.', 'inclusion');
    expect(r.condition).toEqual({
      any: [
        therapy({ drugs: ['pembrolizumab', 'nivolumab'] }),
        unread('Must have received pembrolizumab or nivolumab, or have no other therapy options available'),
      ],
    });
  });
});

describe('a negated member joined by "and" to a windowed list', () => {
  it('reads the rest, with the negated member an unread alternative (NCT06630611 e17)', () => {
    const text =
      'Patients who have received any non-cytotoxic drug and molecular targeted therapy within 4 weeks before preparative lymphodepleting therapy (or within five half-lives of the investigational product, whichever is shorter).';
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [
        { any: [therapy({ kinds: ['targeted'], withinDays: 28 }), unread('non-cytotoxic drug')] },
        // "whichever is shorter": the window is at most 4 weeks, so the 4 weeks are only necessary.
        unread('within 4 weeks before preparative lymphodepleting therapy or within five half-lives of the investigational product, whichever is shorter'),
      ],
    });
  });

  it('forbids both where the line is negated', () => {
    expect(readRule('No prior non-cytotoxic drug and targeted therapy within 4 weeks.', 'inclusion').condition).toEqual({
      all: [therapy({ kinds: ['targeted'], withinDays: 28 }, false), { ...unread('non-cytotoxic drug'), value: false }],
    });
  });

  it('leaves a required conjunction with the negated member unread', () => {
    expect(readRule('Must have received prior non-hormonal therapy and chemotherapy.', 'inclusion').condition).toBeNull();
  });
});
