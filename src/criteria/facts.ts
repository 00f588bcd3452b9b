/**
 * The fact vocabulary: the contract between the criteria parser, which writes json-rules-engine
 * conditions over these facts, and the evaluator, which computes each fact from a patient record.
 *
 * Rules use only json-rules-engine's built-in operators, and never `not`: a negated requirement is
 * written with the opposite operator or `equal false`. Every rule is therefore monotone in its leaves,
 * which is what lets the evaluator give three-valued answers (a fact the record cannot supply makes
 * its leaf unknown, never false) and still agree exactly with json-rules-engine on every record.
 *
 * Codes in params come from rules/ lexicons: cancer types are OncoTree codes (plus the groups in
 * rules/cancer-types.json), drugs and drug classes are ids from rules/drugs.json, genes are HGNC
 * symbols from rules/genes.json, labs are ids from rules/labs.json, conditions from rules/conditions.json.
 */
import { z } from 'zod';

export const TREATMENT_KINDS = [
  'systemic',
  'chemotherapy',
  'immunotherapy',
  'targeted',
  'hormonal',
  'radiation',
  'surgery',
  'transplant',
  'cell therapy',
  'investigational',
  /**
   * Tumour- or organ-directed procedures that are neither surgery nor external radiotherapy:
   * (chemo)embolization (TACE), radioembolization (SIRT, Y-90), thermal and cryo-ablation (RFA, MWA),
   * HIPEC/PIPAC, photodynamic therapy, "liver-directed therapy". Anticancer, never systemic: the drug
   * of TACE or HIPEC acts where it is delivered. Radioembolization is also radiation (the dose is
   * what treats), so its phrases are of both kinds, as chemoradiotherapy is chemotherapy and radiation.
   */
  'locoregional',
  /** Not anticancer therapy: corticosteroids, immunosuppressants, bone-modifying agents. Never counts as systemic. */
  'supportive',
] as const;

/**
 * Every anticancer treatment, named by the broadest kinds that cover it (systemic covers chemotherapy,
 * immunotherapy, targeted and hormonal therapy): what a generic "prior anticancer treatment" or
 * "previously treated" means. Supportive care is not among them.
 */
export const ANTICANCER_KINDS: ReadonlyArray<(typeof TREATMENT_KINDS)[number]> = [
  'systemic',
  'radiation',
  'surgery',
  'transplant',
  'cell therapy',
  'investigational',
  'locoregional',
];

export const DISEASE_EXTENTS = [
  'metastatic',
  'locally_advanced',
  'advanced',
  'unresectable',
  'resectable',
  'recurrent',
  'relapsed',
  'refractory',
  'localized',
  'newly_diagnosed',
] as const;

export const BIOMARKER_STATUSES = [
  'positive',
  'negative',
  'low',
  'high',
  'equivocal',
  'detected',
  'not_detected',
  'wild_type',
  /** HER2-ultralow: IHC 0 with faint staining in ≤10% of cells (DESTINY-Breast06). */
  'ultralow',
] as const;

/**
 * Response status of the cancer under study now, in the categories of the mCODE CancerDiseaseStatus
 * value set (SNOMED CT 260415000 not detected, 268910001 improved, 359746009 stable, 271299001
 * worsened): complete response or remission is no evidence of disease, partial response or remission
 * is responding.
 */
export const DISEASE_STATUSES = ['no_evidence_of_disease', 'responding', 'stable', 'progressing'] as const;

/** Residual tumour after resection, UICC R classification (TNM 8th ed.): R0 none (clear margins), R1 microscopic, R2 macroscopic. */
export const RESECTION_MARGINS = ['R0', 'R1', 'R2'] as const;

export const THERAPY_SETTINGS = ['metastatic', 'advanced', 'adjuvant', 'neoadjuvant', 'maintenance', 'curative'] as const;

export const THERAPY_OUTCOMES = ['progression', 'intolerance', 'response', 'stable'] as const;

/**
 * What a criterion that states no requirement leaves unrestricted: a washout, or a biomarker's status;
 * or what it only defines (who counts as of childbearing potential or postmenopausal), which asks
 * nothing of its own.
 */
export const NO_REQUIREMENT_TOPICS = ['washout', 'biomarker_status', 'definition'] as const;

const none = z.object({}).strict();

/** Fact name → params schema, value type, and the plain-language question asked when it is missing. */
export const FACTS = {
  age: {
    params: none,
    value: 'number',
    description: 'Age in whole years on the as-of date.',
    question: () => 'How old are you?',
  },
  sex: {
    params: none,
    value: 'string',
    description: "Sex: 'female', 'male' or 'other'.",
    question: () => 'What is your sex?',
  },
  cancerType: {
    params: z.object({ codes: z.array(z.string()).min(1) }).strict(),
    value: 'boolean',
    description:
      'Whether any of the patient’s cancers is one of the OncoTree codes or groups, or a descendant of one (NSCLC covers lung adenocarcinoma; SOLID covers melanoma).',
    question: () => 'What type of cancer do you have?',
  },
  stage: {
    params: z.object({ groups: z.array(z.string()).min(1) }).strict(),
    value: 'boolean',
    description:
      "Whether the patient's stage group is one of `groups` (AJCC style; 'III' covers IIIA–IIIC, 'IIIB' only itself).",
    question: () => 'What stage is your cancer?',
  },
  tnm: {
    params: z.object({ category: z.enum(['t', 'n', 'm']), values: z.array(z.string()).min(1) }).strict(),
    value: 'boolean',
    description: "Whether the TNM category is one of `values` ('T3' covers T3a/T3b; 'M1' covers M1a–c).",
    question: () => 'What is the TNM stage of your cancer?',
  },
  diseaseExtent: {
    params: z.object({ extent: z.enum(DISEASE_EXTENTS) }).strict(),
    value: 'boolean',
    description: 'Whether the disease is metastatic, locally advanced, unresectable, recurrent, refractory, …',
    question: (p: { extent: string }) => `Is your cancer ${p.extent.replace(/_/g, ' ')}?`,
  },
  measurableDisease: {
    params: none,
    value: 'boolean',
    description: 'Measurable disease on imaging (RECIST 1.1 or the disease-specific criteria named).',
    question: () => 'Do your scans show measurable disease (a tumour that can be measured, per RECIST)?',
  },
  diseaseStatus: {
    params: none,
    value: 'string',
    description:
      "Current response status of the cancer under study: 'no_evidence_of_disease' (complete response or remission, NED), 'responding' (partial response or remission), 'stable' or 'progressing' (mCODE CancerDiseaseStatus).",
    question: () =>
      'Is your cancer currently growing, stable, shrinking with treatment, or is there no evidence of disease?',
  },
  tumorSize: {
    params: none,
    value: 'number',
    description: 'Longest diameter of the largest tumour of the cancer under study (primary or metastatic lesion), in cm.',
    question: () => 'How large is your largest tumour (its longest diameter, in cm)?',
  },
  metastasisCount: {
    params: z
      .object({
        /** Only the metastases in the brain, or only those outside it. */
        site: z.enum(['brain', 'extracranial']).optional(),
        /** Only the metastases progressing now ("sites of progressive disease"). */
        progressive: z.boolean().optional(),
      })
      .strict(),
    value: 'number',
    description:
      'Number of metastatic lesions of the cancer under study (0 when it has not spread), or of those in the brain, outside it, or progressing. Oligometastatic limits ("1–5 metastases", "no more than 4 brain metastases") compare it.',
    question: (p: { site?: string; progressive?: boolean }) =>
      `How many ${p.progressive ? 'progressing ' : ''}${p.site === 'brain' ? 'brain ' : p.site === 'extracranial' ? 'extracranial (outside the brain) ' : ''}metastases (separate lesions where the cancer has spread) do your scans show?`,
  },
  resectionMargin: {
    params: none,
    value: 'string',
    description:
      "Residual tumour after the surgery that removed the cancer under study (UICC R classification): 'R0' clear margins, 'R1' tumour at the margin under the microscope, 'R2' tumour left behind that can be seen.",
    question: () => 'After the surgery that removed your cancer, were the margins clear (R0), or was tumour left at the margin (R1 or R2)?',
  },
  biomarker: {
    params: z
      .object({
        gene: z.string(),
        alteration: z.string().optional(),
        status: z.enum(BIOMARKER_STATUSES),
        origin: z.enum(['germline', 'somatic']).optional(),
        /** Test method when the rule names one: "IHC 3+", "ISH", "NGS", "ctDNA". */
        method: z.string().optional(),
      })
      .strict(),
    value: 'boolean',
    description:
      'Whether a test result shows the gene (or marker: ER, PR, MSI, HLA-A…) with the alteration and status, e.g. {gene: ERBB2, status: positive}, {gene: EGFR, alteration: L858R, status: detected}.',
    question: (p: { gene: string; alteration?: string }) =>
      `What was your ${p.gene}${p.alteration ? ` ${p.alteration}` : ''} test result?`,
  },
  actionableAlteration: {
    params: none,
    value: 'boolean',
    description:
      'Whether a test result shows an actionable (driver, targetable) alteration in any gene: one with a targeted therapy of level A or B evidence in rules/actionable-alterations.json (CIViC), such as EGFR L858R or an ALK fusion. It stands for a criterion\'s gene-less phrase ("without actionable genomic alterations", "oncogene-driven tumours"). True when one is found; otherwise unknown, since no record lists every driver gene tested negative.',
    question: () => 'Has a test of your tumour found an alteration that a targeted medicine treats (for example in EGFR, ALK, ROS1 or BRAF)?',
  },
  biomarkerValue: {
    params: z.object({ name: z.string(), scale: z.string().optional() }).strict(),
    value: 'number',
    description: 'A numeric marker result in the rule’s scale: PD-L1 TPS or CPS (%), TMB (mut/Mb), Ki-67 (%).',
    question: (p: { name: string; scale?: string }) =>
      `What was your ${p.name}${p.scale ? ` (${p.scale})` : ''} result?`,
  },
  priorTherapy: {
    params: z
      .object({
        drugs: z.array(z.string()).optional(),
        classes: z.array(z.string()).optional(),
        kinds: z.array(z.enum(TREATMENT_KINDS)).optional(),
        setting: z.enum(THERAPY_SETTINGS).optional(),
        withinDays: z.number().positive().optional(),
        outcome: z.enum(THERAPY_OUTCOMES).optional(),
        /** Treatments that do not count ("no prior systemic therapy other than hormonal therapy"). */
        except: z
          .object({
            drugs: z.array(z.string()).optional(),
            classes: z.array(z.string()).optional(),
            kinds: z.array(z.enum(TREATMENT_KINDS)).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    value: 'boolean',
    description:
      'Whether the patient has had a treatment matching any of drugs / classes / kinds (all given filters must hold for the same treatment), optionally in a setting, within N days of the as-of date, or with an outcome; treatments matching `except` do not count. A query naming only supportive care (steroids, immunosuppressants, G-CSF, bone-modifying agents) is true when the record lists one and otherwise unknown: the treatment list is a cancer treatment history, not a medication list.',
    question: (p: { classes?: string[] }) =>
      p.classes?.some((c) => c === 'corticosteroid' || c === 'immunosuppressant')
        ? 'Are you taking steroids or other medicines that suppress the immune system, and since when?'
        : 'Which cancer treatments have you had, and when?',
  },
  priorLines: {
    params: z
      .object({
        setting: z.enum(THERAPY_SETTINGS).optional(),
        kinds: z.array(z.enum(TREATMENT_KINDS)).optional(),
        classes: z.array(z.string()).optional(),
        drugs: z.array(z.string()).optional(),
      })
      .strict(),
    value: 'number',
    description:
      'Number of prior lines of systemic therapy, optionally in a setting or counting only lines with the given kinds, classes or drugs ("two prior platinum-containing regimens").',
    question: () => 'How many lines of cancer treatment have you had?',
  },
  ecog: {
    params: none,
    value: 'number',
    description: 'ECOG performance status (0–5); derived from Karnofsky when only that is known.',
    question: () => 'What is your ECOG performance status (0 = fully active … 4 = bedbound)?',
  },
  karnofsky: {
    params: none,
    value: 'number',
    description: 'Karnofsky performance status (0–100); derived from ECOG when only that is known.',
    question: () => 'What is your Karnofsky performance status?',
  },
  lab: {
    params: z.object({ name: z.string(), unit: z.string() }).strict(),
    value: 'number',
    description: 'Latest lab value converted to the rule’s unit (rules/labs.json holds names, units, conversions).',
    question: (p: { name: string }) => `What is your most recent ${p.name} result?`,
  },
  labUln: {
    params: z.object({ name: z.string() }).strict(),
    value: 'number',
    description: 'Latest lab value as a multiple of its upper limit of normal (for “≤ 2.5 × ULN”).',
    question: (p: { name: string }) => `What is your most recent ${p.name} result, with its normal range?`,
  },
  labLln: {
    params: z.object({ name: z.string() }).strict(),
    value: 'number',
    description: 'Latest lab value as a multiple of its lower limit of normal (for “≥ LLN”, and the lower half of “within normal limits”).',
    question: (p: { name: string }) => `What is your most recent ${p.name} result, with its normal range?`,
  },
  brainMetastases: {
    params: none,
    value: 'string',
    description: "Brain / CNS metastases: 'none', 'active' (untreated, progressing or symptomatic) or 'treated-stable'.",
    question: () => 'Do you have brain metastases, and if so, have they been treated and are they stable?',
  },
  metastaticSite: {
    params: z
      .object({
        /** Site and group ids from rules/metastatic-sites.json ('liver', 'bone', 'visceral'). */
        sites: z.array(z.string()).min(1),
        /** "bone-only disease": every metastasis lies in the sites. */
        only: z.boolean().optional(),
      })
      .strict(),
    value: 'boolean',
    description:
      'Whether the cancer has spread to any of the sites (distant metastases; brain metastases have their own fact), or with `only` whether all its metastases lie there. A record that lists the sites answers; a non-metastatic record answers false; otherwise unknown.',
    question: (p: { sites: string[]; only?: boolean }) =>
      p.only
        ? `Has your cancer spread only to the ${p.sites.join(' or ').replace(/_/g, ' ')}?`
        : `Has your cancer spread to the ${p.sites.join(' or ').replace(/_/g, ' ')}?`,
  },
  pregnant: {
    params: none,
    value: 'boolean',
    description: 'Currently pregnant.',
    question: () => 'Are you pregnant?',
  },
  breastfeeding: {
    params: none,
    value: 'boolean',
    description: 'Currently breastfeeding.',
    question: () => 'Are you breastfeeding?',
  },
  condition: {
    params: z
      .object({
        names: z.array(z.string()).min(1),
        active: z.boolean().optional(),
        withinYears: z.number().positive().optional(),
        /** Conditions that do not count ("autoimmune disease other than vitiligo"). */
        except: z.array(z.string()).optional(),
      })
      .strict(),
    value: 'boolean',
    description:
      'Whether the patient has (or had) any of the named conditions (ids from rules/conditions.json): infections, autoimmune disease, transplant, ILD/pneumonitis, cardiac disease…; `active` limits to current or uncontrolled ones. A recorded condition counts for its ancestors (hemoptysis is bleeding); one recorded only as a broader kind of a named condition (bleeding, asked about hemoptysis) leaves the answer unknown.',
    question: (p: { names: string[] }) => `Have you ever had ${p.names.join(' or ').replace(/_/g, ' ')}?`,
  },
  otherMalignancy: {
    params: z
      .object({
        withinYears: z.number().positive().optional(),
        excluding: z.array(z.string()).optional(),
        /** Only a cancer that is active now: progressing or needing treatment. */
        active: z.boolean().optional(),
      })
      .strict(),
    value: 'boolean',
    description:
      'Whether the patient has had another cancer (besides the one under study), within N years (diagnosed within them, or active now), not counting the excluded OncoTree codes (e.g. non-melanoma skin cancer); `active` limits to one that is progressing or needs treatment now.',
    question: () => 'Have you had any other cancer, and when?',
  },
  lifeExpectancyMonths: {
    params: none,
    value: 'number',
    description: 'Life expectancy estimated by the treating physician, in months.',
    question: () => 'Has your doctor estimated your life expectancy? (Many trials ask for at least 3 months.)',
  },
  attestation: {
    params: z.object({ topic: z.string() }).strict(),
    value: 'boolean',
    description:
      'Things only the patient or their team can confirm: informed consent, contraception, compliance, tissue availability, ability to swallow… (topics in rules/attestations.json).',
    question: (p: { topic: string }) => `Can you confirm: ${p.topic.replace(/_/g, ' ')}?`,
  },
  noRequirement: {
    params: z.object({ about: z.enum(NO_REQUIREMENT_TOPICS) }).strict(),
    value: 'boolean',
    description:
      'Stands for an inclusion criterion that states no requirement at all ("No washout period is required", "Participants are eligible regardless of PD-L1 status"): true for every patient. `about` names what the text leaves unrestricted. It adds no weight to a ranking, since it asks nothing.',
    question: () => 'Nothing to check: this criterion states no requirement.',
  },
  unparsed: {
    params: z.object({ text: z.string(), subgroup: z.literal(true).optional() }).strict(),
    value: 'boolean',
    description:
      'Stands for the part of a criterion the parser could not read. It is always unknown, so a partly read inclusion criterion can fail on what was read but never pass on it, and a partly read exclusion can apply but never be ruled out. With `subgroup`, the text names the cohort, arm or part of the trial the criterion is limited to: which one a patient would join is for the study team.',
    question: (p: { text: string; subgroup?: true }) =>
      p.subgroup
        ? `This applies only to one group of the trial's patients (“${p.text}”); the study team decides which group you would join.`
        : `A coordinator needs to check: “${p.text}”`,
  },
} as const;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export type Operator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn';

export interface LeafCondition {
  fact: FactName;
  operator: Operator;
  value: number | string | boolean | string[];
  params?: Record<string, unknown>;
}

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] };

export function isLeaf(c: Condition): c is LeafCondition {
  return 'fact' in c;
}

/** The leaf for words a reader leaves unread (always unknown to the evaluator), whitespace collapsed. */
export function unreadWords(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.replace(/\s+/g, ' ').trim() } };
}

/** Every leaf of a condition tree, in order. */
export function leavesOf(c: Condition): LeafCondition[] {
  if ('all' in c) return c.all.flatMap(leavesOf);
  if ('any' in c) return c.any.flatMap(leavesOf);
  return [c];
}

/** all(…) or any(…) of the parts, with nested nodes of the same operator merged in and a single part returned as is. */
export function flatten(op: 'all' | 'any', parts: Condition[]): Condition {
  const out: Condition[] = [];
  for (const p of parts) {
    if (op === 'all' && 'all' in p) out.push(...p.all);
    else if (op === 'any' && 'any' in p) out.push(...p.any);
    else out.push(p);
  }
  return out.length === 1 ? out[0]! : op === 'all' ? { all: out } : { any: out };
}
