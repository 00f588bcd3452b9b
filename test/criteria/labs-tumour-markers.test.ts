/**
 * Serum tumour markers as labs (rules/labs.json ca125, ca19_9, cea from the mCODE Tumor Marker Test
 * value set; afp from LOINC): limits in their own units, and examples that name a marker without a
 * limit. Every line is a real corpus criterion.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { lab, mentionIds, readRule } from '../support/criteria';


describe('tumour markers', () => {
  it('carries LOINC codes and rule units', () => {
    const labs = lexicons().labById;
    expect(labs.get('ca125')).toMatchObject({ unit: 'U/mL', loinc: ['10334-1'] });
    expect(labs.get('ca19_9')).toMatchObject({ unit: 'U/mL', loinc: ['24108-3'] });
    expect(labs.get('cea')).toMatchObject({ unit: 'ng/mL', loinc: ['2039-6'] });
    expect(labs.get('afp')).toMatchObject({ unit: 'ng/mL', loinc: ['1834-1'] });
  });

  it('reads a CA-125 floor in U/mL', () => {
    const r = readRule(
      'Serum CA125 levels ≥ 50 U/mL prior to Cycle 1 of NACT chemotherapy + oregovomab or placebo.',
      'inclusion',
    );
    expect(r.condition).toEqual(lab('ca125', 'U/mL', 'greaterThanInclusive', 50));
  });

  it('reads an AFP limit beside the tumour it qualifies', () => {
    const r = readRule(
      'Pure immature teratoma COG stage I, grade 2,3 with alpha-fetoprotein (AFP) \\>= 1000 ng/mL',
      'exclusion',
    );
    expect(r.condition && 'all' in r.condition ? r.condition.all : []).toContainEqual(
      lab('afp', 'ng/mL', 'greaterThanInclusive', 1000),
    );
  });

  it('names the markers but reads no limit where none is written', () => {
    const text =
      'Examples of highly suspicious cases include: elevated CA125 and abnormal transvaginal ultrasound, suspicious renal or pancreatic mass on imaging, suspicious cutaneous lesion concerning for melanoma';
    expect(mentionIds(text, 'lab')).toEqual(['ca125']);
    expect(readRule(text, 'inclusion').condition).toBeNull();
  });
});
