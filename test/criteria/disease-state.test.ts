/**
 * Response status, tumour size and resection margins (src/criteria/extract/tumour.ts) → diseaseStatus,
 * tumorSize and resectionMargin, pinned on real corpus lines, with the lines that must not get the
 * reading (another cancer's status, a permitted alternative, a brain metastasis or lymph node size).
 */
import { FACTS, leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { readRule, unparsed } from '../support/criteria';

const status = (...values: string[]): Condition =>
  values.length === 1
    ? { fact: 'diseaseStatus', operator: 'equal', value: values[0]! }
    : { fact: 'diseaseStatus', operator: 'in', value: values };
const size = (operator: LeafCondition['operator'], value: number): Condition => ({
  fact: 'tumorSize',
  operator,
  value,
});
const margin = (...values: string[]): Condition =>
  values.length === 1
    ? { fact: 'resectionMargin', operator: 'equal', value: values[0]! }
    : { fact: 'resectionMargin', operator: 'in', value: values };

const NEW_FACTS = new Set(['diseaseStatus', 'tumorSize', 'resectionMargin']);
const newLeaves = (c: Condition | null): LeafCondition[] => (c ? leavesOf(c).filter((l) => NEW_FACTS.has(l.fact)) : []);

describe('response status of the cancer under study', () => {
  it.each([
    ['Progressive disease', 'exclusion', status('progressing')],
    ['Disease progression', 'exclusion', status('progressing')],
    ['Documented radiographic disease progression;', 'inclusion', status('progressing')],
    ['Must have disease progression as defined by RECIST version 1.1 criteria', 'inclusion', status('progressing')],
    ['In remission at time of enrollment', 'inclusion', status('no_evidence_of_disease', 'responding')],
    ['No evidence of disease (NED), or', 'inclusion', status('no_evidence_of_disease')],
    [
      'Partial Response or better according to IMWG criteria at the time of randomization',
      'inclusion',
      status('no_evidence_of_disease', 'responding'),
    ],
  ] as const)('reads "%s" whole', (text, kind, expected) => {
    const r = readRule(text, kind);
    expect(r.condition).toEqual(expected);
    expect(r.unread).toBe('');
  });

  it('reads a status tied to the latest treatment as the status now', () => {
    expect(readRule('Complete or partial response to most recent platinum-based chemotherapy', 'inclusion')).toEqual({
      condition: status('no_evidence_of_disease', 'responding'),
      unread: '',
    });
    expect(
      readRule(
        'Must have documented disease progression during or after their last anti-myeloma regimen.',
        'inclusion',
      ),
    ).toEqual({
      // "anti-myeloma regimen" is systemic therapy in the drug lexicon: the progression on it is read too;
      // which regimen was the last no fact says, so the place stays unread (therapy-progression.ts).
      condition: {
        all: [
          status('progressing'),
          { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } },
          unparsed('their last anti-myeloma regimen'),
        ],
      },
      unread: '',
    });
  });

  it('reads the status of a progression after the most recent treatment, and the progression on it with its place unread', () => {
    expect(readRule('Has documented radiologic progression (during or after most recent treatment)', 'inclusion')).toEqual({
      condition: {
        all: [
          status('progressing'),
          { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } },
          unparsed('most recent treatment'),
        ],
      },
      unread: '',
    });
  });

  it('keeps a narrowing word of an exclusion as an unknown beside the status', () => {
    expect(readRule('Rapidly progressive disease (in the opinion of the study PIs)', 'exclusion').condition).toEqual({
      all: [status('progressing'), unparsed('Rapidly')],
    });
  });

  it('negates a status the inclusion denies', () => {
    expect(
      readRule('Not have rapidly progressive disease requiring urgent alternative therapy; and', 'inclusion', [
        'Patients must:',
      ]),
    ).toEqual({
      condition: {
        any: [{ fact: 'diseaseStatus', operator: 'notEqual', value: 'progressing' }, unparsed('rapidly', false)],
      },
      unread: 'requiring urgent alternative',
    });
  });

  it.each([
    // Another cancer's remission or disease-free years.
    [
      'Patients with non-melanoma malignancies are excluded unless a complete remission has been achieved at least 3 years prior to study entry and no additional therapy is required or anticipated during the study period',
      'exclusion',
    ],
    [
      'Malignancies that have been cured with no evidence of active disease for at least 5 years prior to enrollment',
      'exclusion',
    ],
    // A permitted alternative, not a requirement.
    [
      'Patients with stable disease who do not require systemic immunosuppressive therapy may also participate.',
      'inclusion',
    ],
    [
      'Patients must demonstrate progressive disease at the time of treatment. (Note: Patients who have received tyrosine kinase inhibitors (e.g. vemurafinib) may be treated if they present with stable disease at the time of treatment)',
      'inclusion',
    ],
    // Alternatives the reading cannot hold.
    [
      'Documented evidence of progressive disease or failure to achieve a response to last line of therapy',
      'inclusion',
    ],
    ['Disease progression after standard of care (SOC) therapy or in the opinion of', 'inclusion'],
    // Progression on a treatment or within a time of it happened then; the patient may be stable now.
    ['Disease progression within 6 months of receiving any HER2-targeted therapy', 'exclusion'],
    ['Disease progression ≤ 84 days following the last dose of neo-adjuvant or adjuvant chemotherapy', 'exclusion'],
    ['Disease progression on or after platinum-based chemotherapy.', 'inclusion'],
    [
      'Stable disease or partial response (RECIST 1.1) after initial 3 months of Gemcitabine based chemotherapy',
      'inclusion',
    ],
    // Brain metastases are stable or progressing under their own fact.
    [
      'Treated CNS lesions are radiographically stable (without evidence of progression for ≥ 28 days prior to the first dose of study intervention)',
      'exclusion',
    ],
    ['Indeterminate for radionecrosis vs disease progression', 'exclusion'],
    // A pathological complete response is judged on the specimen, not the patient's status now.
    ['Pathological complete response following treatment with neoadjuvant therapy', 'exclusion'],
    // A conditional clause.
    ['in case of SD at first response evaluation, confirmed CR/PR is required for inclusion', 'inclusion'],
  ] as const)('does not read a status from "%s"', (text, kind) => {
    expect(newLeaves(readRule(text, kind).condition)).toEqual([]);
  });
});

describe('tumour size', () => {
  it.each([
    ['Subjects with a tumor size ≤ 7 centimeters in the longest diameter.', 'inclusion', size('lessThanInclusive', 7)],
    ['Maximum diameter \\>4cm on MRI', 'exclusion', size('greaterThan', 4)],
    ['Size of the lesion \\<15 mm', 'inclusion', size('lessThan', 1.5)],
    ['Patient with any tumor size \\> 8 cm', 'exclusion', size('greaterThan', 8)],
    [
      'Lesions must measure between 5 mm and 3 cm in diameter.',
      'inclusion',
      { all: [size('greaterThanInclusive', 0.5), size('lessThanInclusive', 3)] },
    ],
  ] as const)('reads "%s"', (text, kind, expected) => {
    const r = readRule(text, kind);
    expect(r.condition).toEqual(expected);
    expect(r.unread).toBe('');
  });

  it('reads a limit on one chosen lesion as weaker than one on the largest tumour', () => {
    // The target lesion is never larger than the largest tumour: ≤ 7 cm is met when the largest is.
    expect(readRule('The target lesion must be =\\< 7cm', 'inclusion').condition).toEqual({
      any: [size('lessThanInclusive', 7), unparsed('target')],
    });
    // A lower limit on a lesion of some kind needs the largest tumour at least that large.
    expect(readRule('Patients with metastatic lesion size of more than 5 cm', 'exclusion').condition).toEqual({
      all: [size('greaterThan', 5), unparsed('metastatic')],
    });
  });

  it('joins two limits on one subject', () => {
    expect(
      readRule('Largest diameter of ≥ 0.5cm, but ≤ 3cm as determined by contrast-enhanced MRI.', 'inclusion'),
    ).toEqual({
      condition: { all: [size('greaterThanInclusive', 0.5), size('lessThanInclusive', 3)] },
      unread: 'contrast-enhanced MRI',
    });
  });

  it.each([
    // Measurable-disease definitions, lymph nodes, brain metastases, distances, sums.
    [
      'At least one lesion that can be accurately measured at baseline as ≥ 10 mm in the longest diameter (except lymph nodes, which must have short axis ≥ 15 mm) with CT or MRI and is suitable for accurate repeated measurements.',
      'inclusion',
    ],
    ['Patients with asymptomatic, non-hemorrhagic brain metastases \\< 2 cm are eligible', 'inclusion'],
    ['Lesion is located within 10mm of the eye.', 'exclusion'],
    ['Patients with high tumor burden defined as \\> 10 lesions and/or sum of diameters \\> 19 cm', 'exclusion'],
    ['The tumor must be superficial and not exceed a depth of 5 cm.', 'inclusion'],
    ["Individuals with a history of pancreatic cyst(s) (IPMN's) that measure ≥ 1 cm", 'inclusion'],
    ['At least one tumour diameter ≥30 mm and ≤150 mm measurable by ultrasound or MR imaging', 'inclusion'],
  ] as const)('does not read a tumour size from "%s"', (text, kind) => {
    expect(newLeaves(readRule(text, kind).condition).filter((l) => l.fact === 'tumorSize')).toEqual([]);
  });
});

describe('resection margins', () => {
  it.each([
    ['Clean surgical margins', 'inclusion', margin('R0')],
    ['Complete microscopic excision of primary tumour', 'inclusion', margin('R0')],
    ['Non-radical resection', 'exclusion', margin('R1', 'R2')],
  ] as const)('reads "%s"', (text, kind, expected) => {
    const r = readRule(text, kind);
    expect(r.condition).toEqual(expected);
    expect(r.unread).toBe('');
  });

  it('keeps what the margin phrase does not say as unread', () => {
    expect(readRule('Primary surgery with clear margins plus axillary dissection', 'inclusion')).toEqual({
      condition: margin('R0'),
      unread: 'plus axillary dissection',
    });
    expect(
      readRule('Patients with macroscopic residual disease (R+ resection) postoperatively', 'exclusion').condition,
    ).toEqual({
      all: [margin('R2'), unparsed('(R+ resection) postoperatively')],
    });
  });

  it('reads the margins of the resection a sentence names', () => {
    // The width stays unread beside the margin status.
    expect(readRule('Had histopathologically verified free margins of at least 1.5 mm.', 'inclusion')).toEqual({
      condition: margin('R0'),
      unread: '1.5',
    });
  });

  it.each([
    // Margins of an earlier surgery, and a cohort-scoped sentence.
    ['Subjects undergoing a second surgery because they had positive margins in a previous surgery.', 'exclusion'],
    ['For Melanoma: Stage IIB-IV after complete surgical resection with documented negative margins.', 'inclusion'],
    // Alternatives ("… or no residual disease on re-excision").
    [
      'Treated by BCS with microscopically clear resection margins \\>= 1mm for invasive and non-invasive disease or no residual disease on re-excision.',
      'inclusion',
    ],
  ] as const)('does not read a margin from "%s"', (text, kind) => {
    expect(newLeaves(readRule(text, kind).condition)).toEqual([]);
  });
});

describe('every rule these readers write fits the fact vocabulary', () => {
  it.each([
    'In remission at time of enrollment',
    'The target lesion must be =\\< 7cm',
    'Non-radical resection',
    'Partial Response or better according to IMWG criteria at the time of randomization',
  ])('%s', (text) => {
    const leaves = newLeaves(readRule(text, 'inclusion').condition);
    expect(leaves.length).toBeGreaterThan(0);
    for (const l of leaves) {
      expect(FACTS[l.fact].params.safeParse(l.params ?? {}).success).toBe(true);
      const first: unknown = Array.isArray(l.value) ? l.value[0] : l.value;
      expect(typeof first).toBe(FACTS[l.fact].value);
    }
  });
});

describe('metastatic disease named as a noun, and abbreviated cancer types', () => {
  const extent = (value: boolean): Condition => ({
    fact: 'diseaseExtent',
    operator: 'equal',
    value,
    params: { extent: 'metastatic' },
  });
  const type = (code: string): Condition => ({
    fact: 'cancerType',
    operator: 'equal',
    value: true,
    params: { codes: [code] },
  });

  it('reads distant disease and evidence of metastasis as metastatic', () => {
    expect(readRule('Evidence of distant disease.', 'exclusion')).toEqual({ condition: extent(true), unread: '' });
    expect(readRule('No evidence of metastasis', 'inclusion')).toEqual({ condition: extent(false), unread: '' });
  });

  it('leaves metastases at a named site unread as metastatic disease', () => {
    const c = readRule(
      'Presence of metastases to brainstem, meninges and spinal cord, or spinal cord compression;',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('diseaseExtent');
  });

  it('reads NLPHL and giant cell tumour of bone by their abbreviations (NCIt)', () => {
    expect(readRule('Nodular Lymphocyte Predominant HL', 'exclusion')).toEqual({
      condition: type('NLPHL'),
      unread: '',
    });
    expect(readRule('Recurrent GCT of bone', 'exclusion').condition).toEqual({
      all: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'recurrent' } }, type('GCTB')],
    });
  });
});
