/**
 * Serum cortisol as a lab (rules/labs.json cortisol, LOINC 2143-6, rule unit µg/dL, nmol/L by the AMA
 * SI factor): morning-cortisol limits against the normal range, with the adrenal-insufficiency
 * exemption kept as an unread leaf. The criteria are real corpus lines, except the two written to
 * check the unit reading (the corpus states no cortisol limit in µg/dL or nmol/L).
 */
import { lexicons } from '../../src/criteria/lexicon';
import { lab, lln, mentionIds, readRule, unparsed } from '../support/criteria';

describe('serum cortisol', () => {
  it('carries its LOINC code, rule unit and the nmol/L conversion', () => {
    const cortisol = lexicons().labById.get('cortisol');
    expect(cortisol).toMatchObject({ unit: 'ug/dL', loinc: ['2143-6'], normal: 'both' });
    expect(cortisol?.conversions).toContainEqual({ unit: 'nmol/L', factor: 0.03625 });
  });

  it('excludes a morning cortisol below the LLN only with the exemption still open', () => {
    const r = readRule(
      'Morning cortisol \\< lower limit of normal (unless the patient has asymptomatic adrenal insufficiency and is receiving stable replacement doses)',
      'exclusion',
      ['Patients with any out-of-range laboratory values defined as:'],
    );
    expect(r.condition).toEqual({
      all: [
        lln('cortisol', 'lessThan', 1),
        unparsed('the patient has asymptomatic adrenal insufficiency and is receiving stable replacement doses', false),
      ],
    });
  });

  it('reads "cortisol at 8 AM within normal ranges" as both sides of the range', () => {
    const r = readRule('Cortisol at 8 AM within normal ranges', 'inclusion', [
      'Demonstrate adequate organ function within 7 days of inclusion',
    ]);
    expect(r.condition).toEqual({
      all: [
        { fact: 'labUln', operator: 'lessThanInclusive', value: 1, params: { name: 'cortisol' } },
        lln('cortisol', 'greaterThanInclusive', 1),
      ],
    });
  });

  it('converts a limit in nmol/L and reads one in µg/dL as written', () => {
    expect(readRule('Morning cortisol > 100 nmol/L', 'inclusion').condition).toEqual(
      lab('cortisol', 'ug/dL', 'greaterThan', 3.625),
    );
    expect(readRule('Serum cortisol ≥ 10 µg/dL', 'inclusion').condition).toEqual(
      lab('cortisol', 'ug/dL', 'greaterThanInclusive', 10),
    );
  });

  it('names cortisol replacement without reading a limit', () => {
    expect(mentionIds('History of adrenal insufficiency requiring cortisol replacement', 'lab')).toEqual(['cortisol']);
    const r = readRule('History of adrenal insufficiency requiring cortisol replacement', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"cortisol"');
  });
});
