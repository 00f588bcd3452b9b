import type { LeafCondition } from '../../src/criteria/facts';
import { FACT_NAMES, FACTS } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const facts = factTable(lex);
const AS_OF = '2025-06-01';

function judge(record: PatientRecord, leaf: LeafCondition): Tri {
  const patient = normalisePatient(patientRecordSchema.parse(record), lex, AS_OF);
  return evaluateCondition(leaf, facts, patient);
}

const EMPTY: PatientRecord = {};

describe('every fact gives unknown, never false, when the record lacks the data', () => {
  const leaves: LeafCondition[] = [
    { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
    { fact: 'sex', operator: 'equal', value: 'female' },
    { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['BREAST'] } },
    { fact: 'stage', operator: 'equal', value: true, params: { groups: ['IV'] } },
    { fact: 'tnm', operator: 'equal', value: true, params: { category: 'm', values: ['M1'] } },
    { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
    { fact: 'measurableDisease', operator: 'equal', value: true },
    { fact: 'diseaseStatus', operator: 'in', value: ['no_evidence_of_disease', 'responding'] },
    { fact: 'tumorSize', operator: 'lessThanInclusive', value: 7 },
    { fact: 'resectionMargin', operator: 'equal', value: 'R0' },
    { fact: 'metastasisCount', operator: 'lessThanInclusive', value: 4, params: { site: 'brain' } },
    { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'ERBB2', status: 'positive' } },
    { fact: 'biomarkerValue', operator: 'greaterThanInclusive', value: 50, params: { name: 'PD-L1', scale: 'TPS' } },
    { fact: 'actionableAlteration', operator: 'equal', value: false },
    { fact: 'priorTherapy', operator: 'equal', value: false, params: { classes: ['anti_pd1'] } },
    { fact: 'priorLines', operator: 'lessThanInclusive', value: 2, params: {} },
    { fact: 'ecog', operator: 'lessThanInclusive', value: 1 },
    { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 70 },
    { fact: 'lab', operator: 'greaterThanInclusive', value: 1.5, params: { name: 'anc', unit: '10^9/L' } },
    { fact: 'labUln', operator: 'lessThanInclusive', value: 1.5, params: { name: 'bilirubin' } },
    { fact: 'labLln', operator: 'greaterThanInclusive', value: 1, params: { name: 'lvef' } },
    { fact: 'brainMetastases', operator: 'in', value: ['active'] },
    { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['liver'] } },
    { fact: 'pregnant', operator: 'equal', value: true },
    { fact: 'breastfeeding', operator: 'equal', value: true },
    { fact: 'condition', operator: 'equal', value: true, params: { names: ['hiv'] } },
    { fact: 'otherMalignancy', operator: 'equal', value: true, params: { withinYears: 5 } },
    { fact: 'lifeExpectancyMonths', operator: 'greaterThanInclusive', value: 3 },
    { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'informed_consent' } },
    { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'anything' } },
  ];

  it('covers the whole fact vocabulary, but the one fact that asks nothing of the record', () => {
    expect(new Set([...leaves.map((l) => l.fact), 'noRequirement'])).toEqual(new Set(FACT_NAMES));
  });

  it('meets a criterion that states no requirement even for an empty record', () => {
    expect(judge(EMPTY, { fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'washout' } })).toBe(true);
  });

  it.each(leaves.map((l) => [l.fact, l] as const))('%s is unknown for an empty record', (_name, leaf) => {
    expect(judge(EMPTY, leaf)).toBeNull();
  });
});

describe('demographics', () => {
  it('computes age from the birth date as of the given day', () => {
    const leaf: LeafCondition = { fact: 'age', operator: 'greaterThanInclusive', value: 18 };
    expect(judge({ birthDate: '2007-06-02' }, leaf)).toBe(false); // 17 on 2025-06-01
    expect(judge({ birthDate: '2007-06-01' }, leaf)).toBe(true);
  });

  it('treats sex "unknown" and "other" as unknown and answers pregnancy for male patients', () => {
    expect(judge({ sex: 'unknown' }, { fact: 'sex', operator: 'equal', value: 'female' })).toBeNull();
    expect(judge({ sex: 'other' }, { fact: 'sex', operator: 'equal', value: 'female' })).toBeNull();
    expect(judge({ sex: 'male' }, { fact: 'sex', operator: 'equal', value: 'female' })).toBe(false);
    expect(judge({ sex: 'male' }, { fact: 'pregnant', operator: 'equal', value: true })).toBe(false);
    expect(judge({ sex: 'female' }, { fact: 'pregnant', operator: 'equal', value: true })).toBeNull();
  });
});

describe('cancer type through the OncoTree hierarchy', () => {
  const leaf = (codes: string[]): LeafCondition => ({
    fact: 'cancerType',
    operator: 'equal',
    value: true,
    params: { codes },
  });

  it('lets "NSCLC" and "solid tumor" requirements cover lung adenocarcinoma', () => {
    const luad = { cancers: [{ type: 'lung adenocarcinoma' }] };
    expect(judge(luad, leaf(['NSCLC']))).toBe(true);
    expect(judge(luad, leaf(['SOLID']))).toBe(true);
    expect(judge(luad, leaf(['BREAST']))).toBe(false);
    expect(judge(luad, leaf(['HEME']))).toBe(false);
  });

  it("cites the record's own words for the cancer, with the codes they were read as", () => {
    const patient = normalisePatient(
      patientRecordSchema.parse({ cancers: [{ type: 'breast cancer', histology: 'invasive ductal carcinoma' }] }),
      lex,
      AS_OF,
    );
    const value = facts.cancerType(patient, { codes: ['BREAST'] });
    expect(value.value).toBe(true);
    expect(value.evidence).toEqual([
      expect.objectContaining({
        path: '/cancers/0/type',
        value: 'breast cancer',
        note: expect.stringMatching(/^OncoTree /),
      }),
      expect.objectContaining({ path: '/cancers/0/histology', value: 'invasive ductal carcinoma' }),
    ]);
  });

  it('leaves a requirement more specific than the record unknown', () => {
    expect(judge({ cancers: [{ type: 'lung cancer' }] }, leaf(['NSCLC']))).toBeNull();
  });

  it('leaves a requirement unknown for a record naming only a histology of many sites, and decides it once the organ is known', () => {
    const scc = { cancers: [{ type: 'squamous cell carcinoma' }] };
    expect(judge(scc, leaf(['SQUAMOUS']))).toBe(true);
    // Lung squamous cell carcinoma is both: the record cannot say the patient does not have NSCLC.
    expect(judge(scc, leaf(['NSCLC']))).toBeNull();
    // No squamous cell carcinoma is a lymphoma or a melanoma.
    expect(judge(scc, leaf(['LYMPHOMA']))).toBe(false);
    expect(judge(scc, leaf(['MELANOMA']))).toBe(false);
    // With the organ recorded the histology decides nothing further: head and neck is not lung.
    expect(judge({ cancers: [{ type: 'head and neck cancer', histology: 'squamous cell carcinoma' }] }, leaf(['NSCLC']))).toBe(false);
    expect(judge({ cancers: [{ type: 'squamous cell carcinoma of the lung' }] }, leaf(['LUSC']))).toBe(true);
  });

  it('leaves a histology of many sites unknown for a record naming only an organ that has it, and decides it for one that does not', () => {
    const nsclc = { cancers: [{ type: 'non-small cell lung cancer' }] };
    // Lung squamous cell carcinoma is an NSCLC: the record cannot say the patient's is not squamous.
    expect(judge(nsclc, leaf(['SQUAMOUS']))).toBeNull();
    expect(judge({ cancers: [{ type: 'lung cancer' }] }, leaf(['SMALL_CELL']))).toBeNull();
    // Once the histology is recorded it decides.
    expect(judge({ cancers: [{ type: 'lung adenocarcinoma' }] }, leaf(['SQUAMOUS']))).toBe(false);
    expect(judge({ cancers: [{ type: 'squamous cell carcinoma of the lung' }] }, leaf(['SQUAMOUS']))).toBe(true);
    // No lymphoma is a squamous cell carcinoma.
    expect(judge({ cancers: [{ type: 'diffuse large B-cell lymphoma' }] }, leaf(['SQUAMOUS']))).toBe(false);
  });

  it('reads codes as well as names, and an unrecognised name stays unknown', () => {
    expect(judge({ cancers: [{ type: { system: 'oncotree', code: 'MEL' } }] }, leaf(['SOLID']))).toBe(true);
    expect(judge({ cancers: [{ type: 'a word that names no cancer' }] }, leaf(['BREAST']))).toBeNull();
  });
});

describe('stage, TNM and extent', () => {
  it('lets stage group III cover IIIB but not the other way round', () => {
    const rule = (groups: string[]): LeafCondition => ({
      fact: 'stage',
      operator: 'equal',
      value: true,
      params: { groups },
    });
    expect(judge({ cancers: [{ stage: 'IIIB' }] }, rule(['III']))).toBe(true);
    expect(judge({ cancers: [{ stage: 'Stage 3b' }] }, rule(['IIIB', 'IV']))).toBe(true);
    expect(judge({ cancers: [{ stage: 'III' }] }, rule(['IIIB']))).toBeNull();
    expect(judge({ cancers: [{ stage: 'II' }] }, rule(['III', 'IV']))).toBe(false);
  });

  it('reads metastatic from the flag, from stage IV and from M1', () => {
    const rule: LeafCondition = {
      fact: 'diseaseExtent',
      operator: 'equal',
      value: true,
      params: { extent: 'metastatic' },
    };
    expect(judge({ cancers: [{ metastatic: true }] }, rule)).toBe(true);
    expect(judge({ cancers: [{ stage: 'IVA' }] }, rule)).toBe(true);
    expect(judge({ cancers: [{ tnm: { m: 'cM1b' } }] }, rule)).toBe(true);
    expect(judge({ cancers: [{ metastatic: false }] }, rule)).toBe(false);
    expect(judge({ cancers: [{ stage: 'II' }] }, rule)).toBeNull();
  });

  it('compares TNM categories with their subcategories', () => {
    const rule: LeafCondition = {
      fact: 'tnm',
      operator: 'equal',
      value: true,
      params: { category: 't', values: ['T3', 'T4'] },
    };
    expect(judge({ cancers: [{ tnm: { t: 'pT3a' } }] }, rule)).toBe(true);
    expect(judge({ cancers: [{ tnm: { t: 'T2' } }] }, rule)).toBe(false);
  });
});

describe('biomarkers', () => {
  const her2 = (status: string): LeafCondition => ({
    fact: 'biomarker',
    operator: 'equal',
    value: true,
    params: { gene: 'ERBB2', status },
  });

  it('reads HER2 by its common name, and HER2-low as HER2-negative (ASCO/CAP)', () => {
    expect(judge({ biomarkers: [{ name: 'HER2', status: 'positive' }] }, her2('positive'))).toBe(true);
    expect(judge({ biomarkers: [{ name: 'HER-2/neu', status: 'low' }] }, her2('negative'))).toBe(true);
    expect(judge({ biomarkers: [{ name: 'HER2', status: 'low' }] }, her2('positive'))).toBe(false);
    expect(judge({ biomarkers: [{ name: 'HER2', status: 'negative', method: 'IHC 1+' }] }, her2('low'))).toBe(true);
    expect(judge({ biomarkers: [{ name: 'HER2', status: 'negative' }] }, her2('low'))).toBeNull();
  });

  it('matches alterations: V600 covers V600E; another alteration found leaves the rule unknown', () => {
    const braf: LeafCondition = {
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene: 'BRAF', alteration: 'V600', status: 'detected' },
    };
    expect(judge({ biomarkers: [{ name: 'BRAF', alteration: 'p.V600E', status: 'detected' }] }, braf)).toBe(true);
    expect(judge({ biomarkers: [{ name: 'BRAF', status: 'wild type' }] }, braf)).toBe(false);
    const t790m: LeafCondition = {
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene: 'EGFR', alteration: 'T790M', status: 'detected' },
    };
    expect(judge({ biomarkers: [{ name: 'EGFR', alteration: 'L858R', status: 'detected' }] }, t790m)).toBeNull();
  });

  it('judges "actionable / driver alteration" of a gene by rules/actionable-alterations.json, else unknown', () => {
    const actionable = (gene: string): LeafCondition => ({
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene, alteration: 'actionable alteration', status: 'detected' },
    });
    expect(
      judge({ biomarkers: [{ name: 'EGFR', alteration: 'exon 19 deletion', status: 'detected' }] }, actionable('EGFR')),
    ).toBe(true);
    expect(
      judge({ biomarkers: [{ name: 'EGFR', alteration: 'Ex19del', status: 'detected' }] }, actionable('EGFR')),
    ).toBe(true);
    expect(judge({ biomarkers: [{ name: 'BRAF', alteration: 'V600K', status: 'detected' }] }, actionable('BRAF'))).toBe(
      true,
    );
    // Not listed: might still be actionable, so the answer is a question, not a failure.
    expect(
      judge({ biomarkers: [{ name: 'EGFR', alteration: 'R776H', status: 'detected' }] }, actionable('EGFR')),
    ).toBeNull();
    expect(judge({ biomarkers: [{ name: 'ALK', status: 'not detected' }] }, actionable('ALK'))).toBe(false);
  });

  it('derives hormone-receptor status from ER and PR', () => {
    const hr: LeafCondition = {
      fact: 'biomarker',
      operator: 'equal',
      value: true,
      params: { gene: 'HR', status: 'positive' },
    };
    expect(judge({ biomarkers: [{ name: 'ER', status: 'positive' }] }, hr)).toBe(true);
    expect(
      judge(
        {
          biomarkers: [
            { name: 'ER', status: 'negative' },
            { name: 'PR', status: 'negative' },
          ],
        },
        hr,
      ),
    ).toBe(false);
    expect(judge({ biomarkers: [{ name: 'ER', status: 'negative' }] }, hr)).toBeNull();
  });

  it('compares PD-L1 values on the same scale only', () => {
    const tps: LeafCondition = {
      fact: 'biomarkerValue',
      operator: 'greaterThanInclusive',
      value: 50,
      params: { name: 'PD-L1', scale: 'TPS' },
    };
    expect(judge({ biomarkers: [{ name: 'PD-L1', value: 60, unit: '% TPS' }] }, tps)).toBe(true);
    expect(judge({ biomarkers: [{ name: 'PD-L1', value: 20, unit: '% TPS' }] }, tps)).toBe(false);
    expect(judge({ biomarkers: [{ name: 'PD-L1', value: 60, unit: 'CPS' }] }, tps)).toBeNull();
  });
});

describe('prior therapy and lines', () => {
  const t = (treatments: PatientRecord['treatments']): PatientRecord => ({ treatments });

  it('knows Kadcyla is trastuzumab emtansine, a HER2-directed ADC', () => {
    const leaf: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { drugs: ['trastuzumab_emtansine'] },
    };
    expect(judge(t([{ name: 'Kadcyla' }]), leaf)).toBe(true);
    expect(judge(t([{ name: 'pembrolizumab' }]), leaf)).toBe(false);
    expect(judge(t([]), leaf)).toBe(false);
  });

  it('reads drug classes and treatment kinds, and an unrecognised treatment keeps the answer unknown', () => {
    const pd1: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { classes: ['anti_pd1'] },
    };
    expect(judge(t([{ name: 'Keytruda' }]), pd1)).toBe(true);
    expect(judge(t([{ name: 'an experimental compound XYZ-123' }]), pd1)).toBeNull();
    const chemo: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { kinds: ['chemotherapy'] },
    };
    expect(judge(t([{ name: 'carboplatin' }]), chemo)).toBe(true);
  });

  it('judges washout windows as of the as-of date', () => {
    const within28: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { kinds: ['chemotherapy'], withinDays: 28 },
    };
    expect(judge(t([{ name: 'paclitaxel', end: '2025-05-20' }]), within28)).toBe(true);
    expect(judge(t([{ name: 'paclitaxel', end: '2025-03-01' }]), within28)).toBe(false);
    expect(judge(t([{ name: 'paclitaxel' }]), within28)).toBeNull();
  });

  it('honours exceptions ("other than hormonal therapy")', () => {
    const leaf: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { kinds: ['systemic'], except: { kinds: ['hormonal'] } },
    };
    expect(judge(t([{ name: 'letrozole' }]), leaf)).toBe(false);
    expect(judge(t([{ name: 'letrozole' }, { name: 'capecitabine' }]), leaf)).toBe(true);
  });

  it('counts lines by line number, else by start date', () => {
    const lines: LeafCondition = { fact: 'priorLines', operator: 'greaterThanInclusive', value: 2, params: {} };
    expect(
      judge(
        t([
          { name: 'FOLFOX', line: 1 },
          { name: 'bevacizumab', line: 1 },
          { name: 'FOLFIRI', line: 2 },
        ]),
        lines,
      ),
    ).toBe(true);
    expect(
      judge(
        t([
          { name: 'carboplatin', start: '2024-01-01' },
          { name: 'pemetrexed', start: '2024-01-01' },
        ]),
        lines,
      ),
    ).toBe(false);
    expect(judge(t([{ name: 'carboplatin' }, { name: 'docetaxel' }]), lines)).toBeNull();
  });

  it('counts only the lines that hold the named class or drug ("two prior platinum-containing regimens")', () => {
    const platinum: LeafCondition = {
      fact: 'priorLines',
      operator: 'greaterThanInclusive',
      value: 2,
      params: { classes: ['platinum'] },
    };
    const history = [
      { name: 'carboplatin', line: 1 },
      { name: 'pemetrexed', line: 1 },
      { name: 'docetaxel', line: 2 },
      { name: 'cisplatin', line: 3 },
    ];
    expect(judge(t(history), platinum)).toBe(true);
    expect(judge(t(history.slice(0, 3)), platinum)).toBe(false);
    expect(judge(t([{ name: 'docetaxel' }]), platinum)).toBe(false);
    // One platinum drug among undated treatments is one platinum line, whatever the others were.
    const one: LeafCondition = { fact: 'priorLines', operator: 'equal', value: 1, params: { classes: ['platinum'] } };
    expect(judge(t([{ name: 'carboplatin' }, { name: 'docetaxel' }]), one)).toBe(true);
    const pembro: LeafCondition = {
      fact: 'priorLines',
      operator: 'greaterThanInclusive',
      value: 1,
      params: { drugs: ['pembrolizumab'] },
    };
    expect(judge(t([{ name: 'Keytruda', start: '2024-02-01' }]), pembro)).toBe(true);
  });

  it('never counts supportive care (steroids, G-CSF, bone-modifying agents) as a line or as systemic therapy', () => {
    const lines: LeafCondition = { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1, params: {} };
    const systemic: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { kinds: ['systemic'] },
    };
    const supportive = t([{ name: 'dexamethasone' }, { name: 'pegfilgrastim' }, { name: 'zoledronic acid' }]);
    expect(judge(supportive, lines)).toBe(false);
    expect(judge(supportive, systemic)).toBe(false);
    expect(
      judge(supportive, {
        fact: 'priorTherapy',
        operator: 'equal',
        value: true,
        params: { classes: ['corticosteroid'] },
      }),
    ).toBe(true);
  });

  it('leaves steroid and immunosuppressant use unknown when the treatment list does not name them (it is not a medication list)', () => {
    const chemoOnly = t([{ name: 'carboplatin', start: '2025-01-01' }]);
    const steroids: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { classes: ['corticosteroid'], withinDays: 14 },
    };
    const dex: LeafCondition = {
      fact: 'priorTherapy',
      operator: 'equal',
      value: false,
      params: { drugs: ['dexamethasone'] },
    };
    expect(judge(chemoOnly, steroids)).toBeNull();
    expect(judge(chemoOnly, dex)).toBeNull();
    expect(judge(t([]), steroids)).toBeNull();
    // Named, it decides; and an anticancer query still reads absence as "none".
    expect(judge(t([{ name: 'prednisone', outcome: 'ongoing' }]), steroids)).toBe(true);
    expect(
      judge(chemoOnly, { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['anti_pd1'] } }),
    ).toBe(false);
    // The question asked names the medicine, not the cancer treatment history.
    expect(FACTS.priorTherapy.question({ classes: ['corticosteroid'] })).toMatch(/steroids/);
    expect(FACTS.priorTherapy.question({ classes: ['anti_pd1'] })).toMatch(/cancer treatments/);
  });
});

describe('performance status across scales (ECOG ↔ Karnofsky, rules/performance-status.json)', () => {
  it('converts Karnofsky to ECOG', () => {
    expect(judge({ karnofsky: 80 }, { fact: 'ecog', operator: 'lessThanInclusive', value: 1 })).toBe(true);
    expect(judge({ karnofsky: 60 }, { fact: 'ecog', operator: 'lessThanInclusive', value: 1 })).toBe(false);
  });

  it('gives a Karnofsky range for an ECOG grade and stays unknown where the range straddles the limit', () => {
    expect(judge({ ecog: 1 }, { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 70 })).toBe(true);
    expect(judge({ ecog: 1 }, { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 80 })).toBeNull();
    expect(judge({ ecog: 2 }, { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 70 })).toBe(false);
  });
});

describe('labs with unit conversion', () => {
  it('takes ANC 1,500/µL as 1.5 × 10^9/L', () => {
    const leaf: LeafCondition = {
      fact: 'lab',
      operator: 'greaterThanInclusive',
      value: 1.5,
      params: { name: 'anc', unit: '10^9/L' },
    };
    expect(judge({ labs: [{ name: 'ANC', value: 1500, unit: '/µL' }] }, leaf)).toBe(true);
    expect(judge({ labs: [{ name: 'ANC', value: 1499, unit: '/uL' }] }, leaf)).toBe(false);
    expect(judge({ labs: [{ name: 'neutrophils', value: 1.5, unit: '10^9/L' }] }, leaf)).toBe(true);
  });

  it('uses the latest result and leaves an unconvertible unit unknown', () => {
    const leaf: LeafCondition = {
      fact: 'lab',
      operator: 'greaterThanInclusive',
      value: 100,
      params: { name: 'platelets', unit: '10^9/L' },
    };
    const labs = [
      { name: 'platelets', value: 80, unit: '10^9/L', date: '2025-05-01' },
      { name: 'platelets', value: 150, unit: '10^9/L', date: '2025-05-20' },
    ];
    expect(judge({ labs }, leaf)).toBe(true);
    expect(judge({ labs: [{ name: 'platelets', value: 150, unit: 'furlongs' }] }, leaf)).toBeNull();
  });

  it('computes multiples of the upper limit of normal', () => {
    const leaf: LeafCondition = { fact: 'labUln', operator: 'lessThanInclusive', value: 2.5, params: { name: 'ast' } };
    expect(judge({ labs: [{ name: 'AST', value: 90, unit: 'U/L', uln: 40 }] }, leaf)).toBe(true);
    expect(judge({ labs: [{ name: 'SGOT', value: 120, unit: 'U/L', uln: 40 }] }, leaf)).toBe(false);
    expect(judge({ labs: [{ name: 'AST', value: 90, unit: 'U/L' }] }, leaf)).toBeNull();
  });

  it('computes multiples of the lower limit of normal', () => {
    const leaf: LeafCondition = {
      fact: 'labLln',
      operator: 'greaterThanInclusive',
      value: 1,
      params: { name: 'lvef' },
    };
    expect(judge({ labs: [{ name: 'LVEF', value: 58, unit: '%', lln: 53 }] }, leaf)).toBe(true);
    expect(judge({ labs: [{ name: 'LVEF', value: 45, unit: '%', lln: 53 }] }, leaf)).toBe(false);
    // Without the record's reference range the limit cannot be decided.
    expect(judge({ labs: [{ name: 'LVEF', value: 58, unit: '%' }] }, leaf)).toBeNull();
  });
});

describe('conditions, other cancers, brain metastases', () => {
  it('finds HIV by name, treats an empty list as none, and an unrecognised condition as unknown', () => {
    const hiv: LeafCondition = { fact: 'condition', operator: 'equal', value: true, params: { names: ['hiv'] } };
    expect(judge({ conditions: [{ name: 'HIV infection', status: 'controlled' }] }, hiv)).toBe(true);
    expect(judge({ conditions: [] }, hiv)).toBe(false);
    expect(judge({ conditions: [{ name: 'something unheard of' }] }, hiv)).toBeNull();
  });

  it('reads autoimmune disease through the condition hierarchy, with exceptions', () => {
    const auto: LeafCondition = {
      fact: 'condition',
      operator: 'equal',
      value: true,
      params: { names: ['autoimmune_disease'], except: ['vitiligo'] },
    };
    expect(judge({ conditions: [{ name: 'rheumatoid arthritis' }] }, auto)).toBe(true);
    expect(judge({ conditions: [{ name: 'vitiligo' }] }, auto)).toBe(false);
  });

  it('counts another cancer within the window, minus the excluded types', () => {
    const other: LeafCondition = {
      fact: 'otherMalignancy',
      operator: 'equal',
      value: true,
      params: { withinYears: 5 },
    };
    const record: PatientRecord = {
      cancers: [{ type: 'breast cancer' }],
      conditions: [{ name: 'melanoma', year: 2022 }],
    };
    expect(judge(record, other)).toBe(true);
    expect(judge({ cancers: [{ type: 'breast cancer' }], conditions: [{ name: 'melanoma', year: 2012 }] }, other)).toBe(
      false,
    );
    expect(judge({ cancers: [{ type: 'breast cancer' }], conditions: [] }, other)).toBe(false);
    // Diagnosed before the window but active now: a malignancy within it.
    expect(judge({ cancers: [{ type: 'breast cancer' }], conditions: [{ name: 'melanoma', year: 2012, status: 'active' }] }, other)).toBe(true);
  });

  it('counts only an active other cancer when the rule asks for one, and cannot tell without a status', () => {
    const active: LeafCondition = { fact: 'otherMalignancy', operator: 'equal', value: true, params: { active: true } };
    const breast: PatientRecord['cancers'] = [{ type: 'breast cancer' }];
    expect(judge({ cancers: breast, conditions: [{ name: 'melanoma', status: 'active' }] }, active)).toBe(true);
    expect(judge({ cancers: breast, conditions: [{ name: 'melanoma', status: 'resolved' }] }, active)).toBe(false);
    expect(judge({ cancers: breast, conditions: [{ name: 'melanoma', year: 2024 }] }, active)).toBeNull();
    expect(judge({ cancers: breast, conditions: [] }, active)).toBe(false);
  });

  it('reads brain metastasis status', () => {
    const active: LeafCondition = { fact: 'brainMetastases', operator: 'in', value: ['active'] };
    expect(judge({ cancers: [{ brainMetastases: 'treated-stable' }] }, active)).toBe(false);
    expect(judge({ cancers: [{ brainMetastases: 'active' }] }, active)).toBe(true);
    expect(judge({ cancers: [{ brainMetastases: 'unknown' }] }, active)).toBeNull();
  });
});

describe('a treatment given in a setting that may be the one asked about', () => {
  const crt = { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation'], setting: 'advanced' } } as LeafCondition;
  it('leaves "radiation for advanced disease" unknown for definitive or curative chemoradiation, true for locally advanced, false for adjuvant', () => {
    const given = (setting: string): PatientRecord => ({ treatments: [{ name: 'radiotherapy', kind: 'radiation', setting, start: '2024-01-01' }] });
    expect(judge(given('definitive'), crt)).toBeNull();
    expect(judge(given('curative'), crt)).toBeNull();
    expect(judge(given('locally advanced'), crt)).toBe(true);
    expect(judge(given('adjuvant'), crt)).toBe(false);
  });
});
