/**
 * Which lesions count toward the measurable disease an inclusion asks for, when some were treated
 * locally ("Previously irradiated lesions may be considered measurable if there has been demonstrated
 * progression"): a patient who never had the treatment has no treated lesion and meets the
 * restriction; anyone else is left to a coordinator. Never read where measurable disease is optional.
 * Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, unparsed } from '../support/criteria';

const measurable: Condition = { fact: 'measurableDisease', operator: 'equal', value: true };
const never = (kinds: string[]): Condition => ({ fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds } });
const LOCAL = ['radiation', 'surgery', 'locoregional'];

describe('lesions treated locally, as measurable or target lesions', () => {
  it('reads "irradiated lesions count only once they progressed" beside measurable disease (NCT04855435 i5, NCT05013554 i4)', () => {
    const rule = criterionRule('Measurable disease according to RECIST v1.1. Previously irradiated lesions were measurable if subsequent progression was documented.', 'inclusion');
    expect(rule).toEqual({
      all: [measurable, { any: [never(['radiation']), unparsed('Previously irradiated lesions were measurable if subsequent progression was documented')] }],
    });
    // Never irradiated: the restriction holds; irradiated: a coordinator decides, never a failure.
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma', measurableDisease: true }], treatments: [] })).toBe(true);
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma', measurableDisease: true }], treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2024-01-10' }] })).toBeNull();
    const only = criterionRule(
      'All participants should have at least 1 measurable disease per RECIST v1.1. An irradiated lesion can be considered measurable only if progression has been demonstrated on the irradiated lesion.',
      'inclusion',
    );
    expect(only).toEqual({
      all: [measurable, { any: [never(['radiation']), unparsed('An irradiated lesion can be considered measurable only if progression has been demonstrated on the irradiated lesion')] }],
    });
  });

  it('asks of every local treatment when the text names loco-regional therapy beside radiation (NCT07050940 i6, NCT07371663 i21)', () => {
    const area = criterionRule(
      'Patient has at least one measurable lesion that qualifies as a target lesion based on RECIST 1.1. Tumor lesions situated in a previously irradiated area, or in an area subjected to other loco-regional therapy, are not considered measurable unless there has been demonstrated progression in the lesion',
      'inclusion',
    );
    expect(JSON.stringify(area)).toContain(JSON.stringify(never(LOCAL)));
    const local = criterionRule(
      'At least one measurable lesion (per RECIST v1.1; lesions previously treated with local therapy may be considered target lesions if they show clear progression per RECIST v1.1).',
      'inclusion',
    );
    expect(local).toEqual({
      all: [
        measurable,
        { any: [never(LOCAL), unparsed('lesions previously treated with local therapy may be considered target lesions if they show clear progression per RECIST v1.1')] },
        unparsed('RECIST v1.1'),
      ],
    });
  });

  it('reads the lesions that count said to have had none, and untreated-or-progressed lesions (NCT06150664 i30, NCT06265025 i4, NCT07086105 i5)', () => {
    const sites = criterionRule(
      'Patients with NSCLC, MM, TNBC, and HNSCC must have measurable disease per RECIST 1.1. Patients with HL must have at least one measurable lesion \\> 1.5 cm for nodal, \\> 1.0 cm for extranodal FDG-avid disease by the Lugano (2014) response criteria. Tumor sites that are considered measurable must not have received prior radiation',
      'inclusion',
    );
    expect(JSON.stringify(sites)).toContain(JSON.stringify({ any: [never(['radiation']), unparsed('Tumor sites that are considered measurable must not have received prior radiation')] }));
    const either = criterionRule(
      'Have at least one measurable site of disease according to RECIST 1.1 criteria; The lesions should be either previously non irradiated or progressive lesions after irradiation, that can be accurately measured at baseline (for measurable lesions) with computed tomography (CT) or magnetic resonance imaging (MRI).',
      'inclusion',
    );
    expect(JSON.stringify(either)).toContain(JSON.stringify(never(['radiation'])));
    const excluding = criterionRule('Presence of measurable disease per iRECIST (excluding irradiated lesions unless progression post-radiation is documented).', 'inclusion');
    expect(excluding).toEqual({
      all: [measurable, { any: [never(['radiation']), unparsed('excluding irradiated lesions unless progression post-radiation is documented')] }],
    });
  });

  it('leaves the note alone where measurable disease is optional, or the lesions had other treatments (NCT05269381 i2, NCT06536257 i16, NCT06797297 i3)', () => {
    const optional = criterionRule(
      'Measurable disease as defined by RECIST (version 1.1) criteria or non-measurable disease * NOTE: Tumor lesions in previously irradiated area are not considered measurable disease',
      'inclusion',
    );
    expect(JSON.stringify(optional)).not.toContain('priorTherapy');
    const detectable = criterionRule(
      'Have clinically detectable disease defined as one of more of the following: * RECIST measurable. Lesions situated in a previously irradiated area are considered measurable if RECIST-defined disease progression since radiotherapy has been demonstrated in such lesions, OR, * Positron Emission Tomography (PET) avid disease',
      'inclusion',
    );
    expect(JSON.stringify(detectable)).not.toContain('priorTherapy');
    const injected = criterionRule(
      'Have at least one measurable lesion (target lesion) according to RECIST v1.1. For lesions that have previously received radiotherapy or intratumoral injection, measurable lesions that progress to the criteria specified in RECIST1.1 after treatment may be considered.',
      'inclusion',
    );
    expect(JSON.stringify(injected)).not.toContain('priorTherapy');
  });

  it('is no requirement of an exclusion', () => {
    expect(JSON.stringify(criterionRule('Previously irradiated lesions should be discarded as target lesions.', 'exclusion'))).not.toContain('priorTherapy');
  });
});
