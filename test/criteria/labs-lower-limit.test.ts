/**
 * Limits at the lower limit of normal ("≥ LLN", "within the institutional range of normal" for a lab
 * limited at its lower end), read as the labLln fact. Real corpus lines with the rule they must get.
 */
import { lln, readRule, uln } from '../support/criteria';

describe('the lower limit of normal', () => {
  it.each([
    ['Leucocyte count ≥ lower normal limit', 'wbc'],
    ['LVEF within institutional range of normal as measured by MUGA or ECHO.', 'lvef'],
  ])('reads "%s" as at least the LLN', (text, name) => {
    expect(readRule(text, 'inclusion')).toEqual({ condition: lln(name, 'greaterThanInclusive', 1), unread: '' });
  });

  it('reads an alternative written as the LLN (NCT00709761-style "or ≥ the institutional lower limit of normal")', () => {
    expect(readRule('LVEF ≥ 50% or ≥ the institutional lower limit of normal', 'inclusion').condition).toEqual({
      any: [
        { fact: 'lab', operator: 'greaterThanInclusive', value: 50, params: { name: 'lvef', unit: '%' } },
        lln('lvef', 'greaterThanInclusive', 1),
      ],
    });
  });

  it('reads "within normal limits" of a lab limited on both sides as both limits', () => {
    expect(readRule('Potassium within normal limits', 'inclusion').condition).toEqual({
      all: [uln('potassium', 'lessThanInclusive', 1), lln('potassium', 'greaterThanInclusive', 1)],
    });
  });

  it('leaves a lower-limited lab called "normal" inside a larger clause unread', () => {
    // The permission's condition, and an inability: the limit alone would turn their sense around.
    expect(
      readRule('Subjects unable to maintain normal oxygen saturation level in room air.', 'exclusion').condition,
    ).toBeNull();
    const hiv = readRule(
      'Uncontrolled infection with human immunodeficiency virus (HIV). Subjects on stable highly active antiretroviral therapy (HAART) with undetectable viral load and normal CD4 counts for at least 6 months prior to study entry are eligible.',
      'exclusion',
    ).condition;
    expect(JSON.stringify(hiv)).not.toContain('labLln');
  });
});
