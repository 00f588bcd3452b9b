/**
 * Cancer type, stage, TNM, disease extent and measurable disease, pinned on real criteria lines from
 * the corpus (fixtures/criteria/disease.lines.json), plus the cancer-type lexicon built from
 * OncoTree (rules/cancer-types.json).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { cancerMentionReasons, extractDisease } from '../../src/criteria/extract/disease';
import type { ExtractInput } from '../../src/criteria/extract/extractor';
import { lexicons } from '../../src/criteria/lexicon';
import { findScopes } from '../../src/criteria/negation';
import { parseCriteria, readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise, tokenize } from '../../src/criteria/text';
import { goldenLines, readLine, cancerType as type, extent, stage } from '../support/criteria';

function read(text: string, kind: CriterionKind = 'inclusion', context: string[] = []) {
  return readCriterion(normalise(text).text, kind, context);
}
const conditionOf = (text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition | null =>
  read(text, kind, context).condition;

function inputOf(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): ExtractInput {
  const lex = lexicons();
  const norm = normalise(text).text;
  const tokens = tokenize(norm);
  return {
    kind,
    text: norm,
    tokens,
    mentions: lex.index.scan(norm, tokens),
    scopes: findScopes(norm, lex, tokens),
    context,
    contextMentions: [],
    lex,
  };
}
/** This extractor's findings alone, as conditions (independent of the other extractors). */
const diseaseOf = (text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition[] =>
  extractDisease(inputOf(text, kind, context)).map((f) => f.condition);

const tnm = (category: string, ...values: string[]): Condition => ({
  fact: 'tnm',
  operator: 'equal',
  value: true,
  params: { category, values },
});
const nPlusLeaf = {
  fact: 'tnm',
  operator: 'equal',
  value: true,
  params: { category: 'n', values: ['N1', 'N2', 'N3'] },
};
const measurable: Condition = { fact: 'measurableDisease', operator: 'equal', value: true };
const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });

describe('cancer-types lexicon (rules/cancer-types.json)', () => {
  const lex = lexicons();
  const codesOf = (phrase: string): string[] =>
    lex.index
      .scan(phrase)
      .filter((m) => m.type === 'cancer')
      .map((m) => m.id);

  it('loads through the zod schema with every OncoTree node and the groups', () => {
    expect(lex.cancerTypes.types.length).toBeGreaterThan(900);
    for (const code of ['ANY_CANCER', 'SOLID', 'HEME', 'NSCLC', 'LUAD', 'MEL', 'MELANOMA', 'MDS_MPN']) {
      expect(lex.cancerByCode.has(code)).toBe(true);
    }
    expect(lex.cancerTypes.sources.map((s) => s.name).join(' ')).toMatch(/OncoTree/);
  });

  it('places every cancer under SOLID or HEME, both under ANY_CANCER', () => {
    for (const t of lex.cancerTypes.types) {
      if (['ANY_CANCER', 'SOLID', 'HEME'].includes(t.code)) continue;
      const anc = lex.cancerAncestors.get(t.code)!;
      expect(anc.has('SOLID') || anc.has('HEME')).toBe(true);
      expect(anc.has('ANY_CANCER')).toBe(true);
    }
  });

  it('follows the OncoTree hierarchy: NSCLC covers lung adenocarcinoma, SOLID covers melanoma', () => {
    expect(lex.cancerAncestors.get('LUAD')).toEqual(expect.objectContaining({}));
    expect([...lex.cancerAncestors.get('LUAD')!]).toEqual(
      expect.arrayContaining(['NSCLC', 'LUNG', 'SOLID', 'ANY_CANCER']),
    );
    expect([...lex.cancerAncestors.get('SKCM')!]).toEqual(expect.arrayContaining(['MEL', 'MELANOMA', 'SKIN', 'SOLID']));
    expect([...lex.cancerAncestors.get('UM')!]).toEqual(expect.arrayContaining(['MELANOMA', 'EYE']));
    expect([...lex.cancerAncestors.get('AML')!]).toEqual(expect.arrayContaining(['LEUKEMIA', 'MYELOID', 'HEME']));
    expect(lex.cancerAncestors.get('SCLC')!.has('NSCLC')).toBe(false);
  });

  it('finds abbreviations, organ-first and organ-last forms of a name', () => {
    expect(codesOf('NSCLC')).toEqual(['NSCLC']);
    expect(codesOf('adenocarcinoma of the pancreas')).toEqual(['PAAD']);
    expect(codesOf('pancreatic adenocarcinoma')).toEqual(['PAAD']);
    expect(codesOf('squamous cell carcinoma of the head and neck')).toEqual(['HNSC']);
    expect(codesOf('HNSCC')).toEqual(['HNSC']);
    expect(codesOf('ccRCC')).toEqual(['CCRCC']);
    expect(codesOf('advanced solid tumours')).toEqual(['SOLID']);
    expect(codesOf('hematological malignancies')).toEqual(['HEME']);
    expect(codesOf('Waldenström macroglobulinemia').sort()).toEqual(['LPL', 'WM']);
  });

  it('lists -a plurals the tokenizer does not fold ("lymphomas", "carcinomas")', () => {
    expect(codesOf('systemic lymphomas')).toEqual(['LYMPHOMA']);
    expect(codesOf('renal cell carcinomas')).toEqual(['RCC']);
  });

  it('does not turn organ words, lab names or units into cancers', () => {
    expect(codesOf('liver function tests')).toEqual([]);
    expect(codesOf('other')).toEqual([]);
    expect(codesOf('serum IgG and IgM')).toEqual([]);
    expect(codesOf('platelets ≥ 100,000/mcL')).toEqual([]);
    expect(codesOf('lung')).toEqual([]);
  });

  it('maps SNOMED CT and ICD-10-CM codes for record import', () => {
    expect(lex.cancerByCode.get('LUAD')!.snomed).toContain('254626006'); // Adenocarcinoma of lung (disorder)
    expect(lex.cancerByCode.get('LUNG')!.icd10).toContain('C34');
    expect(lex.cancerByCode.get('PCM')!.icd10).toContain('C90.0');
  });
});

describe('cancer type', () => {
  it('reads a confirmed diagnosis named by abbreviation', () => {
    expect(conditionOf('Histologically or cytologically confirmed NSCLC')).toEqual(type('NSCLC'));
  });

  it('reads a melanoma of any site as the melanoma group, not skin melanoma only', () => {
    expect(diseaseOf('Histologically confirmed unresectable Stage III or IV melanoma')).toContainEqual(
      type('MELANOMA'),
    );
  });

  it('reads an exclusion list of cancer types as one finding with all codes', () => {
    expect(
      conditionOf(
        'Patients with uveal melanoma, mucosal melanoma and melanoma of unknown primary origin.',
        'exclusion',
      ),
    ).toEqual(type('UM', 'MUCOSAL_MELANOMA', 'MUP'));
  });

  it('reads each histology of a shared organ ("squamous cell, adenosquamous, or adenocarcinoma of the cervix")', () => {
    const found = diseaseOf(
      'Patients must have histologically proven stage IVB, recurrent or persistent squamous cell carcinoma, adenosquamous carcinoma, or adenocarcinoma of the cervix',
    );
    expect(found).toContainEqual(type('CEAD', 'CEAS', 'CESC'));
  });

  it('reads a head noun shared by a list ("ocular or mucosal melanoma")', () => {
    expect(conditionOf('Patients with ocular or mucosal melanoma')).toEqual(type('MUCOSAL_MELANOMA', 'OM'));
  });

  it('keeps unread list members as alternatives, never as a requirement', () => {
    expect(
      conditionOf(
        'Patients with a diagnosis of head and neck tumors, thoracic tumors, gynecological tumors, melanoma, breast cancer, or gynecologic cancer',
      ),
    ).toEqual({
      any: [type('HEAD_NECK', 'MELANOMA', 'BREAST', 'GYN'), unread('thoracic tumors, gynecological tumors')],
    });
  });

  it('covers examples that only narrow the mention they illustrate ("solid tumor including primary brain tumor")', () => {
    expect(conditionOf('Diagnosis of advanced/metastatic solid tumor including primary brain tumor.')).toEqual({
      all: [{ any: [extent('advanced'), extent('metastatic')] }, type('SOLID')],
    });
  });

  it('does not read another malignancy as the cancer under study', () => {
    expect(
      diseaseOf('Patients with a concomitant malignancy other than non-melanoma skin cancer.', 'exclusion'),
    ).toEqual([]);
    expect(
      diseaseOf(
        'History of prior malignancy within the past 5 years except for localized prostate cancer',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('does not read a cancer that is only the object of a treatment', () => {
    expect(
      diseaseOf(
        'Has received prior chemotherapy for unresectable locally advanced or metastatic breast cancer',
        'exclusion',
      ),
    ).toEqual([]);
    expect(diseaseOf('No prior systemic therapy for metastatic disease')).toEqual([]);
    // The extent listed after other behaviours shares the coordination's governor (NCT06580002).
    expect(
      diseaseOf('Previously received radiotherapy or radiosurgery to the brain for benign, malignant, or metastatic tumors.'),
    ).toEqual([]);
  });

  it('does not read a cancer that conditions another requirement ("Patients with X must …")', () => {
    expect(diseaseOf('Patients with pancreatic cancer must have received gemcitabine, 5FU, and oxaliplatin')).toEqual(
      [],
    );
    expect(diseaseOf('Eye or brain tumors will not be treated.')).toEqual([]);
  });

  it('does not read gene names, units or organisations as cancers', () => {
    expect(
      diseaseOf('Anaplastic lymphoma kinase (ALK) translocations that are sensitive to targeted therapy', 'exclusion'),
    ).toEqual([]);
    expect(diseaseOf('Platelets \\>= 75,000/mcL (within 28 days prior to randomization)')).toEqual([]);
    expect(
      diseaseOf('Pathologically confirmed American Joint Committee on Cancer (AJCC) 8th edition stage IV melanoma'),
    ).not.toContainEqual(type('ANY_CANCER'));
  });

  it('reads an excluded type narrowed by unread words as needing those words too', () => {
    expect(conditionOf('Spermatocytic seminoma', 'exclusion')).toEqual({ all: [type('SEM'), unread('Spermatocytic')] });
    expect(diseaseOf('Known EGFR-mutant NSCLC', 'exclusion')).toEqual([
      { all: [type('NSCLC'), unread('EGFR-mutant')] },
    ]);
  });

  it('scopes a cohort-specific criterion with an unknown for the cohort', () => {
    expect(diseaseOf('Cohort 1: Must have a confirmed diagnosis of metastatic Uveal Melanoma.')).toEqual([
      { any: [type('UM'), unread('Cohort 1')] },
      { any: [extent('metastatic'), unread('Cohort 1')] },
    ]);
  });

  it('reads "are excluded" in an inclusion as "must not have"', () => {
    expect(conditionOf('Uveal and mucosal melanoma are excluded')).toEqual({
      fact: 'cancerType',
      operator: 'equal',
      value: false,
      params: { codes: ['MUCOSAL_MELANOMA', 'UM'] },
    });
  });

  it('reads an item under "The following tumor types are excluded:" as must-not-have, each item on its own', () => {
    // NCT06605404: the items stay separate requirements (all must hold), never joined as alternatives.
    const source =
      'Inclusion Criteria:\n\nThe following tumor types are excluded:\n\n1. Colorectal cancer\n2. Breast cancer\n3. Uveal melanoma';
    expect(parseCriteria(source).map((c) => c.rule)).toEqual([
      { all: [{ ...type('CMC', 'COADREAD'), value: false }] },
      { all: [{ ...type('BREAST'), value: false }] },
      { all: [{ ...type('UM'), value: false }] },
    ]);
  });

  it('joins related cancer types listed as items under one lead-in as alternatives (NCT07285044)', () => {
    // "Gynecologic" and "Ovarian" are related types; as items of one list they are still alternatives,
    // so a patient with breast cancer meets the list rather than failing its second half.
    const source = 'Inclusion Criteria:\n\nEligible disease types:\n\n* Breast\n* Gynecologic\n* Ovarian\n* Pancreatic';
    const criteria = parseCriteria(source);
    expect(criteria).toHaveLength(1);
    const codes = leavesOf(criteria[0]!.rule).flatMap(
      (l) => (l.params as { codes?: string[] } | undefined)?.codes ?? [],
    );
    expect(codes).toEqual(expect.arrayContaining(['BREAST', 'OVARY', 'PANCREAS']));
    expect('any' in criteria[0]!.rule).toBe(true);
  });

  it("reads a bare organ listed under a cancer-type lead-in as that organ's cancer", () => {
    expect(conditionOf('Liver', 'inclusion', ['Eligible disease cancer types:'])).toEqual(type('LIVER'));
    expect(conditionOf('Liver', 'inclusion', ['Liver function tests:'])).toBeNull();
  });

  it('reads case-sensitive abbreviations (GB, UM) only when a diagnosis word or disease state ties them to the patient', () => {
    expect(conditionOf('Evidence of metastatic UM', 'exclusion')).toEqual({ all: [extent('metastatic'), type('UM')] });
    expect(diseaseOf('The primary UM was diagnosed more than 12 months ago.', 'exclusion')).toEqual([]);
    expect(diseaseOf('leader in UF and UM affiliated clinics')).toEqual([]);
    expect(diseaseOf('Guillain-Barre (GB) syndrome, bullous skin disease', 'exclusion')).toEqual([]);
    expect(diseaseOf('8 GB of memory')).toEqual([]);
  });

  it("does not read the cancer of a recurrence that is negated or excludes, nor a relative's cancer", () => {
    expect(diseaseOf('No evidence of melanoma recurrence')).toEqual([]);
    expect(diseaseOf('Family history of melanoma')).toEqual([]);
    expect(
      diseaseOf('two relatives with cancer such as mesothelioma, meningioma and hepatocellular carcinoma'),
    ).toEqual([]);
  });

  it('keeps a cancer with each of the states an "or" pairs it with ("metastatic UM or unresectable UM")', () => {
    expect(conditionOf('Histologically or cytologically confirmed metastatic UM or unresectable UM patients')).toEqual({
      any: [{ all: [extent('metastatic'), type('UM')] }, { all: [extent('unresectable'), type('UM')] }],
    });
  });

  it('reads a histology item with the site its lead-in names, and leaves one no code names unread', () => {
    const lead = [
      'Subjects with histopathological confirmation of newly diagnosed (Cohort A) or locally recurrent (Cohort B) malignant cutaneous lesions of the following histopathologies:',
    ];
    expect(diseaseOf('SCC', 'inclusion', lead)).toEqual([{ any: [type('CSCC'), unread('Cohort A')] }]);
    expect(diseaseOf('Carcinosarcoma', 'inclusion', lead)).toEqual([]);
    expect(
      diseaseOf('Mesoblastic nephroma', 'inclusion', ['The following other benign/borderline conditions:']),
    ).toEqual([]);
  });

  it('reads the cancer whose histology a histology noun names ("adenocarcinoma of … colorectal cancer")', () => {
    expect(
      diseaseOf(
        'Have histologically or cytologically confirmed adenocarcinoma of the left-sided colorectal cancer. Participants must have unresectable or metastatic disease',
      ),
    ).toContainEqual(type('CMC', 'COADREAD'));
    // In an exclusion the histology narrows what excludes.
    expect(
      conditionOf(
        'Diagnosis of small cell (neuroendocrine) or mucinous adenocarcinoma of cervical cancer.',
        'exclusion',
      ),
    ).toEqual({ all: [type('CERVIX'), unread('adenocarcinoma of')] });
  });

  it('reads an exclusion that denies the diagnosis as requiring it, and only that frame', () => {
    expect(conditionOf('Not having a melanoma diagnosis', 'exclusion')).toEqual({ ...type('MELANOMA'), value: false });
    expect(conditionOf('Does not have a pathologically confirmed diagnosis of cancer.', 'exclusion')).toEqual({
      ...type('ANY_CANCER'),
      value: false,
    });
    // An unread alternative ("or nevus") would make the denial mean something else.
    expect(diseaseOf('Patients without a melanoma or nevus diagnosis', 'exclusion')).toEqual([]);
  });

  it('keeps a negation inside brackets from reaching the cancer outside them', () => {
    const found = diseaseOf(
      'Histological/cytological confirmed diagnosis of HCC or clinically confirmed diagnosis of HCC as per American Association for the Study of Liver Diseases (AASLD) criteria (fibrolamellar HCC, sarcomatoid HCC, or mixed cholangiocarcinoma and HCC are not eligible), and:',
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => JSON.stringify(c) === JSON.stringify(type('HCC')))).toBe(true);
  });

  it('reads the list in brackets that spells out a qualified generic head ("Genitourinary malignancies (…)")', () => {
    const found = diseaseOf('Genitourinary malignancies (bladder, renal cell, prostate cancer)', 'inclusion', [
      'Eligible tumor types include:',
    ]);
    expect(found).toHaveLength(1);
    expect(leavesOf(found[0]!)).toEqual([
      { ...type('PROSTATE'), params: { codes: expect.arrayContaining(['BLADDER', 'RCC', 'PROSTATE']) } },
    ]);
  });

  it('keeps an unread alternative before the read type in the list ("non-squamous or squamous NSCLC")', () => {
    const c = conditionOf(
      'Cohort 1B and 1C: Have advanced (i.e., metastatic or locally recurrent where local therapy with curative intent is not possible) non-squamous or squamous NSCLC.',
    );
    expect(JSON.stringify(c)).toContain(JSON.stringify({ any: [type('LUSC'), unread('non-squamous')] }));
  });

  it('reads a narrowing clause or word of an excluded type as needing it too', () => {
    expect(conditionOf('Sarcoma other than carcinosarcoma', 'exclusion')).toEqual({
      all: [type('SARCOMA'), unread('other than carcinosarcoma')],
    });
    expect(conditionOf('Multiple primary melanomas', 'exclusion')).toEqual({
      all: [type('MELANOMA'), unread('Multiple primary')],
    });
    expect(
      conditionOf(
        'Patients with pure ductal carcinomas in situ (in patients undergoing upfront surgery).',
        'exclusion',
      ),
    ).toEqual({
      all: [type('DCIS'), unread('pure … in patients undergoing upfront surgery)')],
    });
  });

  it('explains why a mention was left unread', () => {
    const reasons = cancerMentionReasons(inputOf('Prior malignancy within 5 years', 'exclusion')).map((r) => r.reason);
    expect(reasons).toEqual(['other-malignancy']);
  });
});

describe('stage and TNM', () => {
  it('expands a range over substages and writes it with the fewest groups', () => {
    expect(conditionOf('Stage IIIB-IIIC or Stage IV disease')).toEqual(stage('IIIB', 'IIIC', 'IV'));
    expect(diseaseOf('Histologically confirmed unresectable Stage IIIB to IV metastatic melanoma')).toContainEqual({
      // "metastatic" describes the stage IV it follows (stages III are M0).
      all: [extent('unresectable'), { any: [stage('IIIB', 'IIIC', 'IIID'), { all: [stage('IV'), extent('metastatic')] }] }],
    });
  });

  it('reads arabic numerals and comparators', () => {
    expect(conditionOf('AJCC stage 1, 2, 3 breast carcinoma')).toEqual({
      all: [stage('I', 'II', 'III'), type('BREAST')],
    });
    expect(diseaseOf('Stage ≥ IIB')).toEqual([stage('IIB', 'IIC', 'III', 'IV')]);
  });

  it('continues a bare letter after a slash ("IIB/C") and steps over a bracketed aside', () => {
    expect(diseaseOf('Completely resected stage IIB/C, III or IV melanoma')).toContainEqual(
      stage('IIB', 'IIC', 'III', 'IV'),
    );
    expect(
      diseaseOf('Cutaneous malignant melanoma AJCC stage IIb (\\>4 mm) or IIc (ulcerated melanoma \\>4mm).'),
    ).toContainEqual(stage('IIB', 'IIC'));
  });

  it('writes systems with their own letters with a prefix', () => {
    expect(conditionOf('Barcelona Clinic Liver Cancer (BCLC) Stage B or C.')).toEqual(stage('BCLC B', 'BCLC C'));
  });

  it('reads the small cell lung cancer two-stage system', () => {
    expect(
      conditionOf('Participants must have diagnosis of Extensive-Stage Small Cell Lung Cancer (ES-SCLC).'),
    ).toEqual({
      all: [stage('extensive'), type('SCLC')],
    });
  });

  it('joins stages named in two systems as alternatives, never as both', () => {
    const found = diseaseOf('stage: COG stage II-IV, FIGO stage IC');
    expect(found).toEqual([stage('IC', 'II', 'III', 'IV')]);
  });

  it('reads TNM categories, ranges and concatenated forms', () => {
    expect(conditionOf('pT3-4pN2-3 M0 disease')).toEqual({
      all: [tnm('t', 'T3', 'T4'), tnm('n', 'N2', 'N3'), tnm('m', 'M0')],
    });
  });

  it('does not read stages of other diseases', () => {
    expect(diseaseOf('CKD stage IV/V, or ESRD.', 'exclusion')).toEqual([]);
  });

  it('reads node-positive and node-negative as the N category', () => {
    const nPlus = tnm('n', 'N1', 'N2', 'N3');
    expect(diseaseOf('Node-positivity detected by imaging (iN+) and confirmed by pathology')).toEqual([nPlus]);
    expect(diseaseOf('Clinicoradiologically node negative')).toEqual([tnm('n', 'N0')]);
    expect(
      conditionOf(
        'Clinical stage III disease or pathological node positive if they have received neo-adjuvant chemotherapy.',
      ),
    ).toEqual({ any: [stage('III'), nPlus] });
  });

  it('does not require a node status that is only named as eligible or as an example', () => {
    expect(
      diseaseOf(
        'Participants with node-positive and node-negative disease are eligible provided they meet additional risk criteria as defined in the protocol',
      ),
    ).toEqual([]);
    expect(
      diseaseOf(
        'Consecutive histologically confirmed primary cervical cancer patients (Stage IB-IIIB including pelvic node positive) that have given consent for radical radiotherapy.',
      ).flatMap((c) => leavesOf(c)),
    ).not.toContainEqual(nPlusLeaf);
  });
});

describe('disease extent', () => {
  it('reads an extent that is only the predicate of a heading ("is unresectable or metastatic")', () => {
    expect(diseaseOf('is unresectable or metastatic')).toEqual([
      { any: [extent('unresectable'), extent('metastatic')] },
    ]);
  });

  it('reads being a candidate (or not) for curative resection as resectable (or unresectable)', () => {
    expect(diseaseOf('Candidate for curative-intent surgical resection')).toEqual([extent('resectable')]);
    expect(diseaseOf('Is a candidate for definitive surgical resection.', 'exclusion')).toEqual([extent('resectable')]);
    expect(diseaseOf('Not a suitable candidate for curative resection.')).toEqual([extent('unresectable')]);
    // Not a candidate for therapy in general: nothing about resectability.
    expect(
      diseaseOf('Patients who are not candidates for or have refused available therapies are also eligible.'),
    ).toEqual([]);
  });

  it('reads an exclusion whose subject carries a widening aside before "will be excluded"', () => {
    expect(
      diseaseOf(
        'Patients with distant metastasis (including nonregional lymph nodes metastasis) will be excluded.',
        'exclusion',
      ),
    ).toEqual([extent('metastatic')]);
  });

  it('joins an extent list with its own conjunction before the cancer type', () => {
    expect(conditionOf('Locally advanced or metastatic NSCLC')).toEqual({
      all: [{ any: [extent('locally_advanced'), extent('metastatic')] }, type('NSCLC')],
    });
  });

  it('reads "not amenable to curative surgery or radiation" as unresectable', () => {
    expect(
      conditionOf(
        'Histologically or cytologically confirmed NSCLC with Stage IIIB-IIIC or Stage IV disease, not suitable for curative intent radical surgery or radiation therapy.',
      ),
    ).toEqual({ all: [type('NSCLC'), stage('IIIB', 'IIIC', 'IV'), extent('unresectable')] });
  });

  it('negates an extent the text negates', () => {
    expect(conditionOf('No evidence of metastatic disease.')).toEqual(extent('metastatic', false));
  });

  it('keeps an unknown state word inside the list it belongs to', () => {
    const found = diseaseOf('recurrent or persistent endometrial carcinoma');
    expect(found).toContainEqual({ any: [extent('recurrent'), unread('persistent')] });
  });

  it('reads extents that an abbreviation carries', () => {
    expect(diseaseOf('Relapsed or refractory multiple myeloma (RRMM)')).toContainEqual({
      any: [extent('relapsed'), extent('refractory')],
    });
    expect(diseaseOf('Patients with mCRC')).toEqual([type('CMC', 'COADREAD'), extent('metastatic')]);
  });

  it('does not read a negation that reaches the extent only across a clause break', () => {
    expect(
      diseaseOf(
        'Histologically documented locally recurrent inoperable, which cannot be treated with curative intent, or metastatic TNBC',
      ),
    ).not.toContainEqual(extent('metastatic', false));
  });
});

describe('measurable disease', () => {
  it('reads a required RECIST target lesion as measurable disease, leaving what else it must be unread', () => {
    expect(
      diseaseOf(
        'At least one lesion, not previously irradiated that qualifies as a RECIST 1.1 target lesion at baseline',
      ),
    ).toEqual([measurable]);
    expect(diseaseOf('At least one metastasis should be measurable as a target lesion per RECIST version 1.1')).toEqual(
      [measurable],
    );
    // What else the lesion must be stays an unknown beside measurable disease: the treatment reader
    // (therapy-untreated-lesion.ts) holds "not previously irradiated" as an unparsed leaf.
    expect(
      leavesOf(conditionOf('At least one lesion, not previously irradiated that qualifies as a RECIST 1.1 target lesion at baseline')!),
    ).toContainEqual({ fact: 'unparsed', operator: 'equal', value: true, params: { text: 'not previously irradiated' } });
    // A non-target lesion, or a target lesion's size, says nothing about measurability.
    expect(
      diseaseOf(
        'Radiotherapy is permitted within 30 days prior to C1D1 as long as radiation is given with palliative intent and towards a non-target lesion.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(diseaseOf('The target lesion must be =\\< 7cm')).toEqual([]);
  });

  it('reads measurable disease per the named response criteria', () => {
    expect(conditionOf('Measurable disease per RECIST 1.1')).toEqual(measurable);
    expect(conditionOf('At least one measurable lesion as defined by RECIST v1.1')).toEqual(measurable);
    expect(conditionOf('Measurable disease per Response Evaluation Criteria in Solid Tumors (RECIST) v1.1.')).toEqual(
      measurable,
    );
  });

  it('covers a sentence that only defines measurability', () => {
    const r = read(
      'Measurable disease per RECIST 1.1. Measurable disease is defined as at least one lesion that can be accurately measured in at least one dimension as >= 20 mm with conventional techniques.',
    );
    expect(r.condition).toEqual(measurable);
    expect(r.unread).toBe('');
  });

  it('reads evaluable disease as met by measurable disease and unknown otherwise', () => {
    const r = read('Patients must have measurable or evaluable disease.');
    expect(r.condition).toEqual({ any: [measurable, unread('or evaluable')] });
    expect(r.unread).toBe('evaluable');
  });

  it('does not read "measurable disease is not required" as a requirement', () => {
    expect(diseaseOf('Residual and measurable disease after surgery is not required')).toEqual([]);
  });

  it('does not read a measurable lesion in a conditional sentence', () => {
    expect(
      diseaseOf(
        'Subjects must have at least one measurable lesion as defined by RECIST v1.1. If no measurable lesion untreated with radiation is selected as the target lesion, a lesion treated with radiation may be selected.',
      ),
    ).toEqual([measurable]);
  });
});

describe('robustness', () => {
  it('stays fast and never throws on long, repetitive or binary input', () => {
    const inputs = [
      'melanoma or '.repeat(70),
      'stage IIIB-IV or '.repeat(300),
      'T1N0M0 '.repeat(700),
      '(('.repeat(2500) + 'NSCLC',
      Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
      'x'.repeat(1_000_000),
    ];
    for (const text of inputs) {
      const t0 = Date.now();
      expect(() => extractDisease(inputOf(text, 'exclusion'))).not.toThrow();
      expect(Date.now() - t0).toBeLessThan(2000);
    }
  });
});

describe('golden lines (fixtures/criteria/disease.lines.json)', () => {
  const lines = goldenLines('disease.lines.json');

  it('has at least 80 real criteria lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
  });

  for (const line of lines) {
    it(`${line.nctId}: ${line.text.slice(0, 60)}`, () => {
      expect(readLine(line.text, line.kind, line.context)).toMatchSnapshot(`${line.nctId}: ${line.text.slice(0, 60)}`);
    });
  }
});
