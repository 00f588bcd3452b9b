/**
 * A count glued to its unit of time ("within 4weeks", "≥18years"): the normaliser puts a space between
 * them, which every reader of a window or an age expects, and maps the space to the unit's first
 * character so that spans still point into the source. Lines are variants of corpus wordings
 * (NCT06008106 i8 "at least 4weeks prior", NCT05865002 "within 1week", NCT06208150 "within 6months").
 */
import { normalise, toSourceSpan } from '../../src/criteria/text';
import { readRule } from '../support/criteria';

describe('a count glued to its unit of time', () => {
  it('is spaced, with offsets back into the source', () => {
    const source = 'No major surgery within 4weeks prior to enrollment.';
    const n = normalise(source);
    expect(n.text).toBe('No major surgery within 4 weeks prior to enrollment.');
    expect(n.map).toHaveLength(n.text.length + 1);
    // "weeks" in the normalised text is "weeks" in the source.
    const at = n.text.indexOf('weeks');
    expect(source.slice(...toSourceSpan(n, at, at + 5))).toBe('weeks');
    expect(normalise('pregnant within 6months after the last dose').text).toBe('pregnant within 6 months after the last dose');
  });

  it('leaves other glued forms alone', () => {
    for (const t of ['C1D1 within 28 days', 'dose 4wks', '2 weeks', 'the 1990s'] as const) expect(normalise(t).text).toBe(t);
  });

  it('lets the window be read', () => {
    expect(readRule('No major surgery within 4weeks prior to enrollment.', 'inclusion')).toEqual({
      condition: { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['surgery'], withinDays: 28 } },
      unread: '',
    });
  });
});
