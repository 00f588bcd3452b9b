/**
 * PatientRecord: the public input contract for matching, defined once with zod and published as
 * JSON Schema (GET /v1/schemas/patient-record.json). Every field is optional: a record with gaps
 * gives `unknown` for the criteria that need them, never `fail`.
 *
 * An absent list means "not reported"; an empty list means "none". `treatments: []` therefore says
 * the patient has had no treatment, while a record without `treatments` leaves prior-therapy
 * criteria unknown.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.');

export const codeSchema = z
  .object({
    system: z.string().min(1).max(200).describe('Code system URI or name, e.g. http://snomed.info/sct, oncotree, rxnorm, loinc.'),
    code: z.string().min(1).max(100),
    display: z.string().max(300).optional(),
  })
  .strict();

const nameOrCode = z.union([z.string().min(1).max(300), codeSchema]);

export const cancerSchema = z
  .object({
    type: nameOrCode.optional().describe('Cancer type as free text ("breast cancer", "NSCLC") or a code (OncoTree, SNOMED CT, ICD-10, NCIt).'),
    histology: nameOrCode.optional(),
    primarySite: nameOrCode.optional(),
    stage: z.string().max(40).optional().describe('Stage group, e.g. "IIIB", "IV", "Stage 2".'),
    tnm: z
      .object({ t: z.string().max(10).optional(), n: z.string().max(10).optional(), m: z.string().max(10).optional() })
      .strict()
      .optional(),
    metastatic: z.boolean().optional(),
    metastaticSites: z.array(z.string().max(100)).max(50).optional(),
    brainMetastases: z.enum(['none', 'active', 'treated-stable', 'unknown']).optional(),
    measurableDisease: z.boolean().optional(),
    resectable: z.boolean().optional(),
    recurrent: z.boolean().optional(),
    refractory: z.boolean().optional(),
    locallyAdvanced: z.boolean().optional(),
    status: z
      .enum(['no evidence of disease', 'responding', 'stable', 'progressing'])
      .optional()
      .describe('Current response status (mCODE CancerDiseaseStatus): complete response or remission is "no evidence of disease", partial response "responding".'),
    tumorSizeCm: z.number().positive().max(100).optional().describe('Longest diameter of the largest tumour, in cm.'),
    metastasisCount: z.number().int().min(0).max(1000).optional().describe('Number of metastatic lesions on the latest imaging (0 when none).'),
    brainMetastasisCount: z.number().int().min(0).max(1000).optional().describe('Number of brain metastases on the latest brain imaging (0 when none).'),
    resectionMargin: z.enum(['R0', 'R1', 'R2']).optional().describe('Residual tumour after resection (UICC R classification): R0 clear margins, R1 microscopic, R2 macroscopic residual.'),
    diagnosisDate: isoDate.optional(),
  })
  .strict();

export const biomarkerSchema = z
  .object({
    name: z.string().min(1).max(100).describe('Gene or marker: "HER2", "EGFR", "PD-L1", "MSI", "TMB", "ER".'),
    alteration: z.string().max(100).optional().describe('E.g. "V600E", "exon 19 deletion", "L858R", "fusion", "amplification".'),
    status: z
      .enum(['positive', 'negative', 'low', 'high', 'equivocal', 'detected', 'not detected', 'wild type'])
      .optional(),
    value: z.number().finite().optional(),
    unit: z.string().max(40).optional().describe('Scale of `value`: "% TPS", "CPS", "mut/Mb", "%".'),
    method: z.string().max(100).optional().describe('E.g. "IHC 3+", "FISH", "NGS".'),
    origin: z.enum(['germline', 'somatic']).optional(),
    date: isoDate.optional(),
  })
  .strict();

export const treatmentSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Drug, regimen or procedure: "trastuzumab deruxtecan", "Kadcyla", "FOLFOX", "radiotherapy".'),
    code: codeSchema.optional().describe('E.g. an RxNorm code.'),
    class: z.string().max(100).optional(),
    kind: z.enum(['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'locoregional']).optional(),
    setting: z.string().max(40).optional().describe('"metastatic", "adjuvant", "neoadjuvant", "maintenance", …'),
    line: z.number().int().min(0).max(30).optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    date: isoDate.optional(),
    outcome: z.enum(['progression', 'response', 'stable', 'intolerance', 'ongoing']).optional(),
  })
  .strict();

export const labSchema = z
  .object({
    name: z.string().min(1).max(100).describe('"ANC", "platelets", "creatinine", …, or use `code` (LOINC).'),
    code: codeSchema.optional(),
    value: z.number().finite(),
    unit: z.string().max(40).optional(),
    uln: z.number().positive().optional().describe('Upper limit of normal, in the same unit as value.'),
    lln: z.number().positive().optional().describe('Lower limit of normal, in the same unit as value.'),
    date: isoDate.optional(),
  })
  .strict();

export const conditionSchema = z
  .object({
    name: z.string().min(1).max(200).describe('Comorbidity, infection or other cancer: "HIV", "hepatitis B", "rheumatoid arthritis".'),
    code: codeSchema.optional(),
    status: z.enum(['active', 'controlled', 'resolved', 'history']).optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    date: isoDate.optional(),
  })
  .strict();

export const patientRecordSchema = z
  .object({
    age: z.number().min(0).max(130).optional(),
    birthDate: isoDate.optional(),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    location: z
      .object({
        postalCode: z.string().max(20).optional(),
        city: z.string().max(100).optional(),
        state: z.string().max(100).optional(),
        country: z.string().max(100).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
      })
      .strict()
      .optional(),
    cancers: z.array(cancerSchema).max(20).optional(),
    biomarkers: z.array(biomarkerSchema).max(200).optional(),
    treatments: z.array(treatmentSchema).max(200).optional(),
    ecog: z.number().int().min(0).max(5).optional(),
    karnofsky: z.number().int().min(0).max(100).multipleOf(10).optional(),
    labs: z.array(labSchema).max(500).optional(),
    conditions: z.array(conditionSchema).max(200).optional(),
    pregnant: z.boolean().optional(),
    breastfeeding: z.boolean().optional(),
    lifeExpectancyMonths: z.number().min(0).max(600).optional(),
    /** Answers to attestation questions ("informed_consent": true). */
    attestations: z.record(z.string().max(60), z.boolean()).optional(),
  })
  .strict()
  .describe('A cancer patient’s structured record for trial matching. All fields optional.');

export type PatientRecord = z.infer<typeof patientRecordSchema>;
export type CancerEntry = z.infer<typeof cancerSchema>;
export type BiomarkerEntry = z.infer<typeof biomarkerSchema>;
export type TreatmentEntry = z.infer<typeof treatmentSchema>;
export type LabEntry = z.infer<typeof labSchema>;
export type ConditionEntry = z.infer<typeof conditionSchema>;

/** The record schema as JSON Schema (draft 2020-12), for publication and client validation. */
export function patientRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(patientRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
