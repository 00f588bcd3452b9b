/**
 * Small cell carcinoma of any site (the SMALL_CELL group of rules/cancer-types.json), extrahepatic
 * disease, extents of a cancer named by an abbreviation the lexicon cannot resolve, stage lists with
 * an extent word inside them, the patient judged inoperable, and the lower limit of a size range
 * said of one chosen lesion (src/criteria/extract/disease.ts, metastatic-sites.ts, tumour.ts).
 * Real corpus lines, with the readings they must not get.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { mentionIds, readRule, unparsed, cancerType as type, extent, stage } from '../support/criteria';

const beyondLiver: Condition = {
  all: [
    extent('metastatic'),
    { fact: 'metastaticSite', operator: 'equal', value: false, params: { sites: ['liver'], only: true } },
  ],
};
const facts = (c: Condition | null): string[] => (c ? leavesOf(c).map((l) => l.fact) : []);

describe('small cell carcinoma of any site (NCIt C3915)', () => {
  const lex = lexicons();

  it('names the group for "small cell carcinoma" and "small cell cancer" without a site', () => {
    expect(mentionIds('small cell carcinoma', 'cancer')).toEqual(['SMALL_CELL']);
    expect(mentionIds('small cell cancer', 'cancer')).toEqual(['SMALL_CELL']);
  });

  it('holds the small cell carcinomas of every site, and neither NSCLC nor small cell sarcomas', () => {
    for (const code of ['SCLC', 'CSCLC', 'SCCE', 'SCBC', 'PRSCC'])
      expect(lex.cancerAncestors.get(code)!.has('SMALL_CELL')).toBe(true);
    for (const code of ['NSCLC', 'LUAD', 'SCOS', 'SCGBM'])
      expect(lex.cancerAncestors.get(code)!.has('SMALL_CELL')).toBe(false);
  });

  it('keeps SNOMED "Non-small cell carcinoma of lung, TNM stage 1" under NSCLC (the name after "non-" is excluded)', () => {
    const nsclc = lex.cancerTypes.types.find((t) => t.code === 'NSCLC')!;
    const small = lex.cancerTypes.types.find((t) => t.code === 'SMALL_CELL')!;
    expect(nsclc.snomed).toEqual(expect.arrayContaining(['424132000', '423121009']));
    expect(small.snomed ?? []).not.toContain('424132000');
  });

  it('reads the excluded biliary subtypes, small cell cancer among them', () => {
    const { condition } = readRule(
      'The following BTC histologic subtypes are excluded: small cell cancer, neuroendocrine tumors, lymphoma, sarcoma, mixed tumor histology, and mucinous cystic neoplasms detected in the biliary tract region.',
      'exclusion',
    );
    expect(condition).toEqual({
      any: [type('SMALL_CELL', 'NET', 'LYMPHOMA', 'SARCOMA', 'MCN'), unparsed('mixed tumor histology')],
    });
  });

  it('reads "Mixed small cell and non-small cell" as one combined tumour: never NSCLC alone', () => {
    const { condition } = readRule('Mixed small cell and non-small cell lung cancer histology.', 'exclusion');
    expect(condition).toEqual({ all: [type('NSCLC', 'SMALL_CELL'), unparsed('Mixed')] });
  });

  it('reads "without … small cell histology" as histology the prostate adenocarcinoma must not have, never as an alternative to it', () => {
    const { condition } = readRule(
      'Adenocarcinoma of the prostate without neuroendocrine differentiation or small cell histology.',
      'inclusion',
    );
    expect(condition).toEqual({ all: [type('PRAD'), { ...type('NET', 'SMALL_CELL'), value: false }] });
  });
});

describe('extrahepatic disease', () => {
  it('reads it as metastatic disease beyond the liver', () => {
    expect(readRule('Presence of extrahepatic disease.', 'exclusion').condition).toEqual(beyondLiver);
    const r = readRule('Extrahepatic disease as measured by CT of thorax and abdomen.', 'exclusion');
    expect(r.condition).toEqual(beyondLiver);
    expect(r.unread).toBe('CT of thorax and abdomen');
  });

  it('reads metastases "other than" listed sites as metastatic disease beyond them', () => {
    expect(readRule('Metastasis other than peritoneum or liver or lung', 'exclusion').condition).toEqual({
      all: [
        extent('metastatic'),
        {
          fact: 'metastaticSite',
          operator: 'equal',
          value: false,
          params: { sites: ['peritoneum', 'liver', 'lung'], only: true },
        },
      ],
    });
  });

  it('leaves a sentence that only allows it unread', () => {
    const { condition } = readRule(
      'Limited extrahepatic disease would be allowed initially, that can be treated with stereotactic body radiation therapy (SBRT) or surgical resection prior to the start of tebentafusp.',
      'inclusion',
    );
    expect(facts(condition)).not.toContain('metastaticSite');
  });
});

describe('disease extents and stages the lists did not reach', () => {
  it('reads the extent of a cancer named by an abbreviation the lexicon cannot resolve, leaving the abbreviation', () => {
    const r = readRule('Pathologically or cytologically documented unresectable or metastatic BC.', 'inclusion');
    expect(r.condition).toEqual({ any: [extent('unresectable'), extent('metastatic')] });
    expect(r.unread).toBe('BC');
  });

  it('reads "Stage I, II, or operable III" with the extent word on its last member', () => {
    const { condition } = readRule(
      'Esophageal, Gastric/GEJ, and NSCLC Cohorts: Stage I, II, or operable III cancer.',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [
        { any: [{ any: [stage('I', 'II'), { all: [extent('resectable'), stage('III')] }] }, unparsed('Cohorts')] },
        { any: [type('ANY_CANCER'), unparsed('Cohorts')] },
      ],
    });
  });

  it('reads "unresectable stage III or metastatic IV" with stage IV', () => {
    const { condition } = readRule(
      'Patients with unresectable stage III or metastatic IV melanoma confirmed by histology or cytology.',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [
        { any: [{ all: [extent('unresectable'), stage('III')] }, { all: [extent('metastatic'), stage('IV')] }] },
        type('MELANOMA'),
      ],
    });
  });

  it('reads the patient judged inoperable, and disease that is fully resectable', () => {
    expect(readRule('Subjects must be considered inoperable', 'inclusion').condition).toEqual(extent('unresectable'));
    expect(readRule('b. Any stage of disease provided it is fully resectable', 'inclusion').condition).toEqual(
      extent('resectable'),
    );
  });
});

describe('a size range said of one chosen lesion', () => {
  it('keeps the lower limit for the largest tumour and the range itself as an unknown', () => {
    const { condition } = readRule(
      'Have an index lesion measuring between 1cm - 7cm that is amenable to hypofractionated radiation therapy (HFRT) at the discretion of the treating radiation oncologist',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [{ fact: 'tumorSize', operator: 'greaterThanInclusive', value: 1 }, unparsed('index lesion ≤ 7 cm')],
    });
    // The upper limit is the chosen lesion's: the largest tumour may be bigger.
    expect(leavesOf(condition!).some((l) => l.fact === 'tumorSize' && l.operator === 'lessThanInclusive')).toBe(false);
  });
});

describe('lists of cancer types under one stage or extent', () => {
  it('reads the examples after "e.g." as the type they illustrate, keeping the extent before it', () => {
    expect(
      readRule(
        'Histologically or cytologically confirmed advanced solid tumor (e.g., melanoma, head and neck squamous cell carcinoma, cervical cancer, osteosarcoma, nasopharyngeal carcinoma, breast cancer, lung cancer, colorectal cancer, liver cancer, gastric cancer).',
        'inclusion',
      ).condition,
    ).toEqual({ all: [extent('advanced'), type('SOLID')] });
    expect(
      readRule(
        "Hematologic malignancies (e.g., ALL, AML, MDS, CLL, CML, NHL, Hodgkin's lymphoma and multiple myeloma)",
        'exclusion',
      ).condition,
    ).toEqual(type('HEME'));
  });

  it('reads "A, B, C and other solid tumors" as one list under the stage before it', () => {
    const { condition } = readRule(
      'AJCC (V8) stage III or IV melanoma, non-small cell lung cancer, cervical cancer and other solid tumors (confirmed by histology) for which existing treatment is ineffective or without standard treatment;',
      'inclusion',
    );
    expect(condition).toEqual({ all: [stage('III', 'IV'), type('SOLID')] });
  });

  it('keeps "or other solid tumors" an alternative of its own, without the extent of the type before it', () => {
    expect(readRule('Diagnosis of advanced soft tissue sarcoma or other solid tumors', 'inclusion').condition).toEqual({
      any: [{ all: [extent('advanced'), type('STS')] }, type('SOLID')],
    });
  });

  it('keeps the extent before a type whose listed subtypes follow ("melanoma as follows: …")', () => {
    const { condition } = readRule(
      'Participants must have histologically confirmed, unresectable (Stage III/IV) or metastatic melanoma as follows: Cutaneous, non-acral, melanoma (including melanoma of unknown primary); Cutaneous acral melanoma; Mucosal melanoma; Ocular melanoma (including uveal, iris, conjunctival melanoma).',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [{ any: [{ all: [extent('unresectable'), stage('III', 'IV')] }, extent('metastatic')] }, type('MELANOMA')],
    });
  });
});

describe('noun forms of the disease state and denied diagnoses', () => {
  it('reads "Tumor metastasis or recurrent" as metastatic or recurrent disease', () => {
    expect(readRule('Tumor metastasis or recurrent patient', 'exclusion').condition).toEqual({
      any: [extent('metastatic'), extent('recurrent')],
    });
  });

  it('reads "No histological evidence of malignancy" as excluding patients without cancer', () => {
    expect(readRule('No histological evidence of malignancy', 'exclusion').condition).toEqual({
      ...type('ANY_CANCER'),
      value: false,
    });
  });

  it('does not read "No evidence of malignancy" (no tissue word) as a denied diagnosis', () => {
    const { condition } = readRule('No evidence of malignancy', 'exclusion');
    expect(leavesOf(condition!).some((l) => l.fact === 'cancerType')).toBe(false);
  });
});

describe('a variant named after an excluded type narrows it', () => {
  it('never excludes every NSCLC for "NSCLC histology, sarcomatoid variant"', () => {
    const { condition } = readRule(
      'Squamous cell histology, or predominantly squamous cell histology NSCLC; mixed small cell lung cancer; NSCLC histology, sarcomatoid variant.',
      'exclusion',
    );
    const branches = (condition as { any: Condition[] }).any;
    expect(branches).toContainEqual({ all: [type('NSCLC'), unparsed('histology, sarcomatoid variant')] });
    expect(branches).not.toContainEqual(type('NSCLC'));
  });
});
