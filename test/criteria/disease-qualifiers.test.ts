/**
 * Words around a cancer type or disease extent that change what it requires
 * (src/criteria/extract/disease.ts, tumour.ts): a state word before an excluded type, "de novo",
 * a transformation's earlier disease, oligo-/polymetastatic, RECIST notes on what is not measurable.
 * Real corpus lines, with the readings they must not get.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { mentionIds, readRule, unparsed, cancerType as type, extent } from '../support/criteria';

const notType = (code: string): Condition => ({
  fact: 'cancerType',
  operator: 'equal',
  value: false,
  params: { codes: [code] },
});
const measurable = (value = true): Condition => ({ fact: 'measurableDisease', operator: 'equal', value });
const factsOf = (c: Condition | null): string[] =>
  c ? leavesOf(c).map((l) => `${l.fact}=${JSON.stringify(l.params ?? l.value)}`) : [];

describe('a state word before an excluded cancer type narrows the exclusion', () => {
  it('reads "Active hematologic malignancy" as the type and an unknown, never the type alone', () => {
    // The example after "e.g." is a hematologic malignancy: covered by the type it illustrates.
    expect(
      readRule('Active hematologic malignancy (e.g. chronic lymphocytic leukemia)', 'exclusion').condition,
    ).toEqual({ all: [type('HEME'), unparsed('Active')] });
  });

  it('keeps "Active" beside a primary CNS malignancy, while the brain-metastasis reading stays', () => {
    expect(
      readRule(
        'Active primary central nervous system (CNS) malignancy, active untreated CNS metastases and/or carcinomatous meningitis',
        'exclusion',
      ).condition,
    ).toEqual({
      any: [
        { all: [type('BRAIN'), unparsed('Active')] },
        { fact: 'brainMetastases', operator: 'in', value: ['active'] },
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['leptomeningeal_disease'] } },
      ],
    });
  });

  it('keeps "current" with the excluded type it qualifies', () => {
    const c = readRule(
      'History of, or current ocular melanoma (patients with mucosal and acral melanoma are eligible).',
      'exclusion',
    ).condition;
    expect(c).toEqual({ all: [type('OM'), unparsed('current')] });
  });

  it('leaves a bare excluded type without a state word as it was', () => {
    expect(readRule('Uveal melanoma', 'exclusion').condition).toEqual(type('UM'));
  });
});

describe('words that keep an excluded cancer type from excluding everyone with it', () => {
  it('keeps a state word before an extent word ("Untreated localized skin cancer")', () => {
    const c = readRule(
      'Untreated localized skin cancer at baseline (patient can enrol after skin cancer treatment)',
      'exclusion',
    ).condition;
    expect(c && 'any' in c ? c.any[0] : c).toEqual({ all: [extent('localized'), type('SKIN'), unparsed('Untreated')] });
  });

  it('keeps a restricting clause after the type ("breast cancer amenable to treatment with curative intent")', () => {
    const c = readRule('Has breast cancer amenable to treatment with curative intent', 'exclusion').condition;
    expect(c && 'any' in c ? c.any[0] : c).toEqual({
      all: [type('BREAST'), unparsed('amenable to treatment with curative intent')],
    });
  });

  it('does not read an uncertain diagnosis as the diagnosis', () => {
    // Read as the diagnosis, it excluded every patient with melanoma. It is read as its absence
    // beside the hedge (tumour-location.test.ts): the exclusion never holds for an established one.
    const c = readRule(
      "Uncertain diagnosis of melanoma i.e., so-called 'melanocytic lesion of unknown malignant potential'.",
      'exclusion',
    ).condition;
    expect(leavesOf(c!).filter((l) => l.fact === 'cancerType' && l.value !== false)).toEqual([]);
    expect(factsOf(c)).toContain('unparsed={"text":"Uncertain diagnosis of … i.e., so-called \'melanocytic lesion of unknown malignant potential\'"}');
  });
});

describe('a cancer an inclusion denies', () => {
  it('keeps "current" and "untreated" as unknowns beside the denied types', () => {
    expect(readRule('Has no current Melanomas or untreated skin cancer', 'inclusion').condition).toEqual({
      all: [
        { any: [notType('MELANOMA'), unparsed('current', false)] },
        { any: [notType('SKIN'), unparsed('untreated', false)] },
      ],
    });
  });

  it('does not read the cancer a sentence sets aside ("not considering the melanoma in question") as denied', () => {
    expect(
      factsOf(
        readRule(
          'Life expectancy of at least 5 years from the time of diagnosis, not considering the melanoma in question, as determined by the PI.',
          'inclusion',
        ).condition,
      ).filter((f) => f.startsWith('cancerType')),
    ).toEqual([]);
  });

  it('still denies a plain type', () => {
    expect(readRule('No uveal melanoma', 'inclusion').condition).toEqual(notType('UM'));
  });
});

describe('"de novo" and transformed disease', () => {
  it('does not read "de novo" as newly diagnosed, nor require the disease a lymphoma transformed from', () => {
    const r = readRule(
      'Previously treated, pathologically confirmed de novo DLBCL, or DLBCL transformed from previously diagnosed indolent lymphoma (e.g., follicular lymphoma).',
      'inclusion',
    );
    // "Previously treated" is the receipt of some earlier anticancer treatment (therapy-generic.ts).
    expect(r.condition).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'] } },
        type('DLBCLNOS'),
      ],
    });
    expect(r.unread).toContain('de novo');
  });

  it('reads de novo or secondary AML as AML only', () => {
    const r = readRule(
      'Pathologically or morphologically confirmed de novo or secondary AML at the time of initial diagnosis.',
      'inclusion',
    );
    expect(r.condition).toEqual(type('AML'));
    expect(factsOf(r.condition).some((f) => f.includes('newly_diagnosed'))).toBe(false);
  });

  it('keeps "de novo" as an unknown inside an extent phrase ("de novo stage IV")', () => {
    const r = readRule('Diagnosis of melanoma (Stage II, III or IV) in the de novo or recurrent setting', 'inclusion');
    expect(factsOf(r.condition).some((f) => f.includes('newly_diagnosed'))).toBe(false);
    expect(r.unread).toBe('de novo or recurrent');
  });
});

describe('oligometastatic and polymetastatic disease', () => {
  it('reads an alternative of non-metastatic or oligometastatic disease as either, not both', () => {
    expect(readRule('Non-metastatic disease or oligometastatic', 'inclusion')).toEqual({
      condition: { any: [extent('metastatic', false), { all: [extent('metastatic'), unparsed('oligometastatic')] }] },
      unread: 'oligometastatic',
    });
  });

  it('reads an excluded polymetastatic disease as metastatic with the count unknown', () => {
    expect(
      readRule(
        'Patients with polymetastatic disease with the exception of those patients who may benefit from therapy addressing local complications directly related to the target lesion diminishing quality of life such as pain, vascular/biliary occlusion, and liver disfunction',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [extent('metastatic'), unparsed('polymetastatic')],
    });
    // The count itself is the tumour reader's (metastasisCount), with "sites" held beside it.
    expect(readRule('Patients with more than 5 sites of oligo metastases', 'exclusion').condition).toEqual({
      all: [
        { fact: 'metastasisCount', operator: 'greaterThan', value: 5 },
        unparsed('sites of oligo metastases'),
        extent('metastatic'),
        unparsed('oligo metastases'),
      ],
    });
  });

  it('pairs "oligometastatic" with the stage it qualifies', () => {
    expect(
      readRule(
        'Histologically confirmed resectable stage IIIB-D or oligometastatic Stage IV cutaneous melanoma',
        'inclusion',
      ).condition,
    ).toEqual({
      all: [
        {
          any: [
            {
              all: [
                extent('resectable'),
                { fact: 'stage', operator: 'equal', value: true, params: { groups: ['IIIB', 'IIIC', 'IIID'] } },
              ],
            },
            {
              all: [
                { all: [extent('metastatic'), unparsed('oligometastatic')] },
                { fact: 'stage', operator: 'equal', value: true, params: { groups: ['IV'] } },
              ],
            },
          ],
        },
        type('MEL'),
      ],
    });
  });

  it('does not require metastatic disease where oligometastases are only the object of a permitted treatment', () => {
    for (const text of [
      'Prior surgical resection of oligometastatic disease is allowed.',
      'Prior surgery or ablation for oligometastatic disease is allowable.',
      'Patients planned for RT to oligometastatic sites',
    ]) {
      const kind = text.startsWith('Patients planned') ? 'exclusion' : 'inclusion';
      expect(factsOf(readRule(text, kind).condition).filter((f) => f.startsWith('diseaseExtent'))).toEqual([]);
    }
  });
});

describe('RECIST notes on what is not measurable', () => {
  it('does not read "not considered measurable disease" as having no measurable disease', () => {
    const r = readRule(
      'Measurable disease as defined by RECIST (version 1.1) criteria or non-measurable disease\n\n  * NOTE: Tumor lesions in previously irradiated area are not considered measurable disease',
      'inclusion',
    );
    expect(r.condition).toEqual({ any: [measurable(), unparsed('or non-measurable disease')] });
    expect(factsOf(r.condition)).not.toContain('measurableDisease=false');
  });

  it('reads nothing but a definition from a note that only restates the definition', () => {
    expect(
      readRule(
        'Growth or change in a lesion previously irradiated will not be considered measurable. Regrowth in cavity of previously excised lesion will not be considered measurable.',
        'inclusion',
      ).condition,
    ).toEqual({ fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } });
  });

  it('still reads a denied requirement of measurable disease', () => {
    expect(readRule('No measurable disease', 'exclusion').condition).toEqual(measurable(false));
  });
});

describe('narrowing words joined by a hyphen', () => {
  it('keeps "rapidly-" beside the progression it narrows', () => {
    expect(readRule('Patient presenting rapidly-progressive malignancy', 'exclusion').condition).toEqual({
      all: [{ fact: 'diseaseStatus', operator: 'equal', value: 'progressing' }, unparsed('rapidly')],
    });
  });
});

describe('cancer-type synonyms', () => {
  it('knows "hepatocarcinoma" (NCIt C3099) and "endometrial carcinosarcoma" (OncoTree UCS)', () => {
    expect(mentionIds('first or second-line therapy for hepatocarcinoma', 'cancer')).toEqual(['HCC']);
    expect(
      mentionIds(
        'Pathologically or cytologically documented EC of any histological carcinoma subtype or endometrial carcinosarcoma, irrespective of microsatellite instability or mismatch repair status.',
        'cancer',
      ),
    ).toContain('UCS');
  });
});

describe('free of the cancer under study now', () => {
  const ned: Condition = { fact: 'diseaseStatus', operator: 'equal', value: 'no_evidence_of_disease' };

  it.each([
    ['Confirmed to be disease-free by imaging within 28 days prior to randomization.'],
    [
      'Documented disease-free status (no recurrence) by imaging and physical exam within 4 weeks prior to randomization.',
    ],
    [
      'No evidence of UM recurrence, as evidenced by the required baseline imaging performed within 4 weeks prior to randomization',
    ],
    ['No evidence of recurrence of cancer based on mammogram or breast exam prior to enrollment'],
  ])('reads "%s" as no evidence of disease', (text) => {
    const c = readRule(text, 'inclusion').condition;
    expect(c && leavesOf(c).filter((l) => l.fact !== 'unparsed')).toEqual([ned]);
  });

  it('reads absence of residual disease and of metastasis', () => {
    expect(
      readRule(
        'Radiologic confirmation (by conventional imaging) of absence of residual disease and absence of metastasis.',
        'inclusion',
      ),
    ).toEqual({ condition: { all: [ned, extent('metastatic', false)] }, unread: '' });
  });

  it('never reads a recurrence or progression of the cancer as not having that cancer', () => {
    expect(
      factsOf(readRule('They have not experienced recurrence of the melanoma.', 'inclusion').condition),
    ).not.toContain('cancerType={"codes":["MELANOMA"]}');
    expect(
      factsOf(readRule('Previous progression of melanoma while on Metformin;', 'exclusion').condition),
    ).not.toContain('cancerType={"codes":["MELANOMA"]}');
  });

  it("leaves a disease-free interval and another cancer's disease-free years to other readers", () => {
    expect(readRule('Disease free interval less than or equal to 36 months.', 'inclusion').condition).toBeNull();
    expect(
      factsOf(
        readRule('Disease-free of active second/secondary or prior malignancies for ≥ 2 years', 'inclusion').condition,
      ).some((f) => f.startsWith('diseaseStatus')),
    ).toBe(false);
  });
});

describe('evaluable disease in other word orders', () => {
  it.each([
    [
      'Assessable (measurable or non-measurable) disease as defined by Response Evaluation Criteria in Solid Tumors Version 1.1 (RECIST 1.1), per investigator assessment.',
    ],
    ['One or more lesions evaluable by RECIST1.1 standards.'],
    [
      'Patients must have at least 1 lesion (measurable and/or non-measurable) that can be accurately assessed at baseline by CT or MRI and is suitable for repeated assessments.',
    ],
  ])('reads "%s" as met by measurable disease and unknown otherwise', (text) => {
    const c = readRule(text, 'inclusion').condition;
    expect(c).not.toBeNull();
    const any = c && ('all' in c ? c.all[0] : c);
    expect(any && 'any' in any ? any.any[0] : any).toEqual(measurable());
    expect(factsOf(c)).not.toContain('measurableDisease=false');
  });
});

describe('a course word on another disease', () => {
  // "recurrent autoimmune diseases" is the course of the autoimmune disease, not a recurrent cancer
  // (was diseaseExtent(recurrent) beside the unread autoimmune disease).
  it('does not read "recurrent autoimmune diseases" as a recurrent cancer', () => {
    const r = readRule('Has active or recurrent autoimmune diseases.', 'exclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('diseaseExtent');
    expect(JSON.stringify(readRule('History of recurrent pneumonitis', 'exclusion').condition ?? null)).not.toContain('diseaseExtent');
  });
});
