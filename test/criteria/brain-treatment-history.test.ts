/**
 * The treatment history of brain metastases and of the lesions a trial needs: a window on their
 * treatment ("recently treated (≤ 6 months of screening)"), a requirement that they be untreated
 * ("… except for surgery"), a lesion no local treatment reached. No fact says which metastases a
 * treatment was for, so each reads the patient's treatments with the site kept unparsed. Real
 * corpus lines.
 */
import { ANTICANCER_KINDS, leavesOf, type Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, unparsed } from '../support/criteria';

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });
const anyTreatmentWithin = (days: number): Condition => ({
  fact: 'priorTherapy',
  operator: 'equal',
  value: true,
  params: { kinds: [...ANTICANCER_KINDS], withinDays: days },
});
const never = (...kinds: string[]): Condition => ({ fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds } });

function topicsRead(text: string, kind: CriterionKind, context: string[] = []): string[] {
  return readCriterion(normalise(text).text, kind, context).findingCategories;
}

/** A patient with brain metastases in the given state and treatments. */
const patient = (state: 'none' | 'active' | 'treated-stable', treatments: PatientRecord['treatments'] = []): PatientRecord => ({
  cancers: [{ brainMetastases: state }],
  treatments,
});

describe('a window on the treatment of brain metastases', () => {
  const text =
    'Known symptomatic or untreated or recently treated (≤ 6 months of screening) central nervous system (CNS) metastases. Patients with previously treated (\\> 6 months of screening) CNS metastases and are now stable and asymptomatic, from CNS perspective, are allowed.';

  it('excludes treated metastases whose treatment lies in the window, the site left unparsed (NCT05865002 e6)', () => {
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      any: [
        bm('active'),
        {
          all: [
            bm('treated-stable'),
            { all: [anyTreatmentWithin(180), unparsed('recently treated (<= 6 months of screening) central nervous system (CNS) metastases')] },
          ],
        },
      ],
    });
    // The permission's "(> 6 months of screening)" restates the same window: read once.
    expect(leavesOf(condition!).filter((l) => l.fact === 'priorTherapy')).toHaveLength(1);
    expect(unread).toBe('');
    expect(topicsRead(text, 'exclusion')).toContain('prior_therapy');
  });

  it('lets in treated metastases with no anticancer treatment in the window, and leaves a recent one to a coordinator', () => {
    const { condition } = readRule(text, 'exclusion');
    const srs = (start: string): PatientRecord['treatments'] => [{ name: 'stereotactic radiosurgery', kind: 'radiation', start, end: start }];
    expect(judgeRecord(condition!, patient('treated-stable', srs('2023-01-10')))).toBe(false);
    expect(judgeRecord(condition!, patient('treated-stable', srs('2025-03-10')))).toBeNull();
    expect(judgeRecord(condition!, patient('active'))).toBe(true);
    expect(judgeRecord(condition!, patient('none'))).toBe(false);
  });

  it('reads "Less than 6 months" and "greater than 6 months" the same way (NCT05607199 e8)', () => {
    const { condition } = readRule(
      'Known symptomatic or untreated or recently treated (Less than 6 months of screening) central nervous system (CNS) metastases or CNS lymphoma or CNS leukemia. Patients with previously treated (greater than 6 months of screening) CNS metastases or CNS lymphoma or CNS leukemia and are now stable and asymptomatic, from CNS perspective, are allowed.',
      'exclusion',
    );
    expect(leavesOf(condition!)).toContainEqual(anyTreatmentWithin(180));
  });

  it('decodes an entity whose ampersand Markdown escaped, so the permission reads its window (NCT06760702 e6)', () => {
    const line =
      'Known symptomatic or untreated or recently treated (≤ 6 months of screening) central nervous system (CNS) metastases. Patients with previously treated (\\&gt; 6 months of screening) and are now stable and asymptomatic, from CNS perspective, are allowed.';
    expect(normalise('(\\&gt; 6 months').text).toBe('(> 6 months');
    const { condition, unread } = readRule(line, 'exclusion');
    expect(condition).toEqual(readRule(text, 'exclusion').condition);
    expect(unread).toBe('');
  });
});

describe('brain metastases that must be untreated', () => {
  it('reads "must be previously untreated, except for surgery" as no non-surgical anticancer treatment (NCT05522660 i2)', () => {
    const { condition, unread } = readRule('Brain metastases must be previously untreated, except for surgery.', 'inclusion', [
      'Requirements for brain metastases:',
    ]);
    const counted = ANTICANCER_KINDS.filter((k) => k !== 'surgery');
    expect(condition).toEqual({
      any: [bm('none'), never(...counted), unparsed('Brain metastases must be previously untreated, except for surgery')],
    });
    expect(unread).toBe('');
    // Resected metastases and a patient with surgery only pass; radiotherapy leaves it to a coordinator.
    expect(judgeRecord(condition!, patient('treated-stable', [{ name: 'craniotomy', kind: 'surgery', start: '2025-01-10' }]))).toBe(true);
    expect(judgeRecord(condition!, patient('treated-stable', [{ name: 'whole brain radiotherapy', kind: 'radiation', start: '2025-01-10' }]))).toBeNull();
  });

  it('keeps "newly diagnosed" a state the metastases must be in whatever their history (NCT05522660 i11)', () => {
    const { condition } = readRule(
      'Prior treatment, including treatment with immune-checkpoint inhibitors is permitted, but brain metastases must be newly diagnosed and previously untreated (except for surgery).',
      'inclusion',
      ['Requirements for patients with melanoma:'],
    );
    expect(condition).toEqual({
      any: [
        bm('none'),
        {
          all: [
            unparsed('newly diagnosed'),
            { any: [never(...ANTICANCER_KINDS.filter((k) => k !== 'surgery')), unparsed('brain metastases must be newly diagnosed and previously untreated (except for surgery)')] },
          ],
        },
      ],
    });
    // A patient never treated but with metastases of unknown age is left to a coordinator.
    expect(judgeRecord(condition!, patient('active', []))).toBeNull();
  });

  it('counts only the treatments named ("untreated with any modality of radiotherapy or systemic treatment", NCT03340129 i6)', () => {
    const { condition } = readRule(
      'Brain metastases must be untreated with any modality of radiotherapy or systemic treatment. Previous surgery for melanoma brain metastases is permitted if it resulted in gross total resection and no radiotherapeutic cavity boost was required.',
      'inclusion',
    );
    expect(leavesOf(condition!)).toContainEqual(never('systemic', 'radiation'));
    // Before, [none, active] failed metastases treated by a resection the text permits.
    expect(leavesOf(condition!)).not.toContainEqual(bm('none', 'active'));
  });
});

describe('a lesion no local treatment reached', () => {
  it('reads "not treated with local therapy (no prior SRS to this lesion)" as no local treatment ever (NCT05704647 i6)', () => {
    const { condition, unread } = readRule(
      'At least one measurable intracranial target lesion, which previously was not treated with local therapy (no prior SRS to this lesion).',
      'inclusion',
    );
    expect(condition).toMatchObject({ all: expect.arrayContaining([{ any: [never('radiation', 'surgery', 'locoregional'), unparsed('previously was not treated with local therapy (no prior SRS to this lesion)')] }]) });
    expect(unread).toBe('');
  });

  it('keeps a widening alternative inside the unread words ("or progressed after prior radiation therapy", NCT04511013 i4)', () => {
    const { condition } = readRule(
      "All participants must have an magnetic resonance imaging (MRI) of the brain within 28 days prior to registration and must have central nervous system metastases with at least one measurable brain metastasis \\>= 0.5 cm in size (per modified RECIST 1.1) that has not been irradiated, or progressed (in the opinion of the treating physician) after prior radiation therapy. Participating sites MUST use MRI slice thickness of =\\< 1.5 mm and are recommended to adhere to the 'minimum' Brain Tumor Imaging Protocol for Clinical Trials in Brain Metastases (BTIP-BM) compliant MRI acquisition protocol.",
      'inclusion',
    );
    expect(leavesOf(condition!)).toContainEqual(never('radiation'));
    expect(leavesOf(condition!)).toContainEqual(
      unparsed('has not been irradiated, or progressed (in the opinion of the treating physician) after prior radiation therapy'),
    );
    // The radiation-naive patient meets the lesion clause; an irradiated one is left to a coordinator.
    const clause = (condition as { all: Condition[] }).all.find((c) => 'any' in c && leavesOf(c).some((l) => l.fact === 'priorTherapy'))!;
    expect(judgeRecord(clause, { treatments: [] })).toBe(true);
    expect(judgeRecord(clause, { treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2024-01-10' }] })).toBeNull();
  });

  it('reads the RECIST target lesion "not previously irradiated" (NCT06350097 i8)', () => {
    const { condition, unread } = readRule(
      'At least one lesion not previously irradiated that qualifies as a RECIST 1.1 TL at baseline and can be accurately measured at baseline as ≥10 mm in the longest diameter (except lymph nodes, which must have short axis ≥15 mm) with CT or MRI and is suitable for accurate repeated measurements.',
      'inclusion',
    );
    expect(condition).toEqual({ all: [{ fact: 'measurableDisease', operator: 'equal', value: true }, { any: [never('radiation'), unparsed('not previously irradiated')] }] });
    expect(unread).toBe('');
  });

  it('no longer requires treated-stable metastases of everyone for a "rare case" permission (NCT04647916 i2)', () => {
    const { condition } = readRule(
      'Participants must have an magnetic resonance imaging (MRI) of the brain within 28 days prior to registration and must have central nervous system metastases with at least one measurable brain metastasis \\>= 1.0 cm in size (per RANO-BM) that has not been irradiated, or has progressed despite prior radiation therapy (in the opinion of the treating physician). In the rare case that a previously irradiated brain metastasis is the sole target lesion and if there is concern about possible radiation necrosis, patient is eligible only if there is clear progression in the previously radiated lesion.',
      'inclusion',
    );
    expect(leavesOf(condition!)).not.toContainEqual(bm('none', 'treated-stable'));
    expect(leavesOf(condition!)).toContainEqual(bm('active', 'treated-stable'));
  });
});

describe('progression after named treatments', () => {
  it('needs one of the treatments the progression followed (NCT04647916 i4)', () => {
    const { condition, unread } = readRule(
      'Participants must have had CNS progression after previous CNS-directed therapy (radiation therapy, surgery, or any combination of therapy)',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [
        bm('active', 'treated-stable'),
        {
          all: [
            { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation', 'surgery'] } },
            unparsed('after previous CNS-directed therapy (radiation therapy, surgery, or any combination of therapy)'),
          ],
        },
      ],
    });
    expect(unread).toBe('');
    // Metastases never treated locally cannot have progressed after such treatment.
    expect(judgeRecord(condition!, patient('active', [{ name: 'osimertinib', kind: 'systemic', start: '2024-01-10' }]))).toBe(false);
  });
});

describe('the definition of treated and stable metastases', () => {
  it('covers the definition of treated and stable a permission gives ("standard-of-care therapy … 2 subsequent scans … at a 4-week interval", NCT06264180 e7)', () => {
    const { condition, unread } = readRule(
      'E 8. Known active central nervous system (CNS) metastases and/or carcinomatous meningitis at time of screening. Patients with known central nervous system metastases are eligible if they have received standard-of-care therapy for central nervous system disease (such as stereotactic radiosurgery or radical surgical resection followed by radiotherapy) and have evidence of disease stability on 2 subsequent scans performed at least at a 4-week interval.',
      'exclusion',
    );
    expect(condition).toEqual({ any: [bm('active'), { fact: 'condition', operator: 'equal', value: true, params: { names: ['leptomeningeal_disease'] } }] });
    expect(unread).toBe('');
  });
});
