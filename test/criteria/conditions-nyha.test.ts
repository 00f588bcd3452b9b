/**
 * NYHA classes of heart failure: the numeral ends at a word boundary ("IV" is class IV, not class I
 * followed by "V"; the "i" of "classification" is no class), and a tail that only names the scale
 * after a class is read with it. Real corpus lines.
 */
import { cond, readRule } from '../support/criteria';

const nyha = (...n: number[]) => cond({ names: n.map((k) => `heart_failure_nyha_${k}`) });

describe('NYHA classes', () => {
  it('reads "III or IV" as classes 3 and 4', () => {
    expect(readRule('Congestive heart failure with NYHA class III or IV', 'exclusion').condition).toEqual(nyha(3, 4));
  });

  it('reads a class given before the heart failure, with the scale named after it', () => {
    expect(
      readRule('Class III or IV heart failure as defined by the New York Heart Association functional classification system.', 'exclusion'),
    ).toEqual({ condition: nyha(3, 4), unread: '' });
    expect(
      readRule(
        'Current Class II or higher congestive heart failure as defined by the New York Heart Association (NYHA) functional classification system.',
        'exclusion',
      ).condition,
    ).toEqual(nyha(2, 3, 4));
  });

  it('reads a comparator before the word "class", "&" between classes and a class named after the heart failure', () => {
    expect(readRule('Congestive heart failure \\>class II New York Heart Association (NYHA) (See Appendix B, or', 'exclusion').condition).toEqual(
      nyha(3, 4),
    );
    expect(readRule('Class III \\& IV New York Heart Association congestive heart failure,', 'exclusion').condition).toEqual(nyha(3, 4));
    expect(readRule('New York Heart Association (NYHA) Classifications 2-4', 'exclusion').condition).toEqual(nyha(2, 3, 4));
    expect(
      readRule('Chronic heart failure (Class III to IV based on NYHA classification) or an LVEF < 40%', 'exclusion').condition,
    ).toEqual({
      any: [cond({ names: ['heart_failure_nyha_3', 'heart_failure_nyha_4'], active: true }), expect.objectContaining({ fact: 'lab' })],
    });
  });

  it('reads an NYHA "grade" as its class, before or after the scale\'s name', () => {
    expect(readRule('Congestive heart failure requiring treatment (New York Heart Association grade \\>= 2)', 'exclusion')).toEqual({
      condition: cond({ names: ['heart_failure_nyha_2', 'heart_failure_nyha_3', 'heart_failure_nyha_4'], active: true }),
      unread: '',
    });
    expect(
      readRule('New York Heart Association grade III or greater congestive heart failure, serious cardiac arrhythmia requiring medication, unstable angina pectoris within past 6 months.', 'exclusion')
        .unread,
    ).toBe('');
    expect(readRule('Heart insufficiency (\\> Grade II, New York Heart Association (NYHA) criteria).', 'exclusion').condition).toEqual(nyha(3, 4));
  });

  it('leaves a CTCAE grade of heart failure to the grade reader', () => {
    expect(readRule('Heart failure grade 3 or higher per CTCAE', 'exclusion').condition).toEqual({
      all: [cond({ names: ['congestive_heart_failure'] }), expect.objectContaining({ fact: 'unparsed' })],
    });
  });

  it('takes no class from the letters of "classification"', () => {
    // The class is the one after "> Class" (classes II-IV, see below), never an "I" of "classification".
    expect(
      JSON.stringify(
        readRule(
          'Patients who have a left ventricular ejection fraction (LVEF) \\<45% or New York Heart Association (NYHA) functional classification \\> Class 1.',
          'exclusion',
        ).condition,
      ),
    ).not.toContain('heart_failure_nyha_1');
  });

  it('keeps a definition without a class as a restriction, not a reading', () => {
    expect(readRule('Congestive heart failure as defined by the NYHA', 'exclusion').condition).toBeNull();
  });
});

describe('a comparator before the word "class"', () => {
  it('reads "NYHA functional classification > Class 1" as classes II-IV (NCT05607095)', () => {
    const r = readRule(
      'Patients who have a left ventricular ejection fraction (LVEF) \\<45% or New York Heart Association (NYHA) functional classification \\> Class 1.',
      'exclusion',
    );
    expect(r.unread).toBe('');
    expect(r.condition).toEqual({
      any: [{ fact: 'lab', operator: 'lessThan', value: 45, params: { name: 'lvef', unit: '%' } }, nyha(2, 3, 4)],
    });
  });

  it('reads "(New York Heart Association > class II)" after a heart failure as classes III-IV (NCT06814496)', () => {
    const r = readRule(
      'Myocardial infarction and/or symptomatic congestive heart failure (New York Heart Association \\> class II) within 12 months of first dose of tarlatamab.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('"names":["heart_failure_nyha_3","heart_failure_nyha_4"]');
    expect(JSON.stringify(r.condition)).not.toContain('"congestive_heart_failure"');
  });
});
