/**
 * The FHIR / mCODE code tables the bundle reader needs, loaded from rules/fhir/*.json and validated
 * with zod at load: which mCODE profiles exist and what each is read as, which LOINC / SNOMED codes
 * identify staging, performance-status, tumour-marker and variant observations, and how answer
 * codes translate. The tables are built by scripts/fhir/build-fhir-codes.ts from the shared
 * vocabularies plus a curated file; each names its sources. Code here only looks things up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, fromZodError } from '../errors';
import { rulesDir } from '../paths';

const sourceNote = z.object({
  name: z.string(),
  licence: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});

/** Code system families: how the tables name systems, whatever URI or OID a bundle spells them with. */
export const SYSTEMS = [
  'loinc',
  'snomed',
  'rxnorm',
  'icd10',
  'cpt',
  'ajcc',
  'hgnc',
  'v3-ObservationInterpretation',
  'ncit',
] as const;
export type SystemFamily = (typeof SYSTEMS)[number];

export const PROFILE_READS = [
  'patient',
  'primaryCancer',
  'secondaryCancer',
  'condition',
  'stageGroup',
  'tnmT',
  'tnmN',
  'tnmM',
  'tumorMarker',
  'geneticVariant',
  'medication',
  'surgery',
  'radiation',
  'ecog',
  'karnofsky',
  'diseaseStatus',
  'tumorSize',
  'notRead',
] as const;
export type ProfileReads = (typeof PROFILE_READS)[number];

export const OBSERVATION_KINDS = [
  'stageGroup',
  'tnmT',
  'tnmN',
  'tnmM',
  'ecog',
  'karnofsky',
  'geneticVariant',
  'pregnancy',
  'diseaseStatus',
  'tumorSize',
] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

const setting = z.enum(['clinical', 'pathological']);
const biomarkerStatus = z.enum([
  'positive',
  'negative',
  'low',
  'high',
  'equivocal',
  'detected',
  'not detected',
  'wild type',
]);

export const profilesFileSchema = z.object({
  sources: z.array(sourceNote).min(1),
  /** Canonical base of every mCODE StructureDefinition URL. */
  base: z.url(),
  profiles: z.array(
    z.object({
      id: z.string().regex(/^mcode-[a-z0-9-]+$/i),
      reads: z.enum(PROFILE_READS),
      setting: setting.optional(),
      versions: z.array(z.enum(['STU1', 'STU2', 'STU3', 'STU4'])).min(1),
      why: z.string().optional(),
    }),
  ),
});

const coded = { system: z.enum(SYSTEMS), code: z.string().min(1) };

export const codesFileSchema = z.object({
  sources: z.array(sourceNote).min(1),
  observations: z.array(
    z.object({ ...coded, kind: z.enum(OBSERVATION_KINDS), setting: setting.optional(), display: z.string() }),
  ),
  variantComponents: z.array(
    z.object({
      code: z.string(),
      role: z.enum([
        'gene',
        'aminoAcidChange',
        'dnaChange',
        'genomicChange',
        'variant',
        'origin',
        'changeType',
        'significance',
      ]),
      display: z.string(),
    }),
  ),
  genomicOrigins: z.array(z.object({ ...coded, origin: z.enum(['germline', 'somatic']) })),
  qualifiers: z.array(z.object({ ...coded, status: biomarkerStatus })),
  variantInterpretations: z.array(z.object({ ...coded, alteration: z.string() })),
  /** ACMG clinical significance answers: only pathogenic and likely pathogenic variants count as mutations. */
  variantSignificance: z.array(z.object({ ...coded, pathogenic: z.boolean(), display: z.string() })),
  pregnancy: z.object({
    answers: z.array(z.object({ ...coded, pregnant: z.boolean() })),
    conditions: z.array(z.object(coded)),
  }),
  /** Cancer disease status answers (mCODE Condition Status Trend) → the record's cancer status. */
  diseaseStatuses: z.array(
    z.object({
      ...coded,
      status: z.enum(['no evidence of disease', 'responding', 'stable', 'progressing']),
      display: z.string(),
    }),
  ),
  /** Tumour size components that give the longest dimension. */
  tumorSizeDimensions: z.array(z.object({ ...coded, display: z.string() })),
  ecog: z.array(z.object({ ...coded, grade: z.number().int().min(0).max(5) })),
  karnofsky: z.array(z.object({ ...coded, score: z.number().int().min(0).max(100).multipleOf(10) })),
  /** SNOMED CT stage qualifiers and AJCC spellings → stage group ("IIIA"). */
  stages: z.array(z.object({ ...coded, stage: z.string().regex(/^(0|I{1,3}|IV)(?:[A-D]\d?|is)?$/) })),
  /** Observation codes that name a TNM category or stage group (SNOMED observable entities), with their setting. */
  stagingTypes: z.array(
    z.object({ ...coded, kind: z.enum(['stageGroup', 'tnmT', 'tnmN', 'tnmM']), setting: setting.optional() }),
  ),
  /** LOINC tumour-marker tests → the gene or marker of rules/genes.json they measure. */
  tumorMarkers: z.array(
    z.object({
      loinc: z.string(),
      id: z.string(),
      name: z.string(),
      method: z.string().optional(),
      display: z.string(),
    }),
  ),
  /** Procedure codes that are cancer surgery or radiotherapy, for bundles without mCODE profiles. */
  procedures: z.array(z.object({ ...coded, kind: z.enum(['surgery', 'radiation']), display: z.string() })),
  /** Secondary-cancer disorder codes → the site they name; regional lymph nodes are flagged. */
  metastasisSites: z.array(z.object({ ...coded, site: z.string(), lymphNode: z.boolean(), brain: z.boolean() })),
  /** HGNC ids of the genes in rules/genes.json → symbols. */
  hgnc: z.array(z.tuple([z.string().regex(/^HGNC:\d+$/), z.string()])),
});

export type ProfilesFile = z.infer<typeof profilesFileSchema>;
export type CodesFile = z.infer<typeof codesFileSchema>;

/** The family of a FHIR `system` URI (or OID), or undefined for systems the tables never use. */
export function systemFamily(system: string | undefined): SystemFamily | undefined {
  if (!system) return undefined;
  const s = system.toLowerCase();
  if (s.includes('loinc') || s === 'urn:oid:2.16.840.1.113883.6.1') return 'loinc';
  if (s.includes('snomed') || s === 'urn:oid:2.16.840.1.113883.6.96') return 'snomed';
  if (s.includes('rxnorm') || s === 'urn:oid:2.16.840.1.113883.6.88') return 'rxnorm';
  if (s.includes('icd-10') || s.includes('icd10')) return 'icd10';
  if (s.includes('cpt')) return 'cpt';
  if (s.includes('cancerstaging.org')) return 'ajcc';
  if (s.includes('genenames') || s.includes('hgnc')) return 'hgnc';
  if (s.includes('observationinterpretation') || s.includes('observation-interpretation'))
    return 'v3-ObservationInterpretation';
  if (s.includes('ncit') || s.includes('ncimeta') || s.includes('nci.nih.gov')) return 'ncit';
  return undefined;
}

export interface FhirCodes {
  profiles: ProfilesFile;
  codes: CodesFile;
  /** Profile id (last URL segment, version stripped) → its entry. */
  profileById: Map<string, ProfilesFile['profiles'][number]>;
  /** "family|code" → entry, for each coded table. */
  observationByCode: Map<string, CodesFile['observations'][number]>;
  stagingTypeByCode: Map<string, CodesFile['stagingTypes'][number]>;
  qualifierByCode: Map<string, CodesFile['qualifiers'][number]>;
  originByCode: Map<string, CodesFile['genomicOrigins'][number]>;
  interpretationByCode: Map<string, CodesFile['variantInterpretations'][number]>;
  significanceByCode: Map<string, CodesFile['variantSignificance'][number]>;
  pregnancyAnswerByCode: Map<string, CodesFile['pregnancy']['answers'][number]>;
  pregnancyConditionCodes: Set<string>;
  diseaseStatusByCode: Map<string, CodesFile['diseaseStatuses'][number]>;
  tumorSizeDimensionCodes: Set<string>;
  ecogByCode: Map<string, number>;
  karnofskyByCode: Map<string, number>;
  stageByCode: Map<string, string>;
  markerByLoinc: Map<string, CodesFile['tumorMarkers'][number]>;
  procedureByCode: Map<string, CodesFile['procedures'][number]>;
  siteByCode: Map<string, CodesFile['metastasisSites'][number]>;
  variantComponentByCode: Map<string, CodesFile['variantComponents'][number]['role']>;
  symbolByHgnc: Map<string, string>;
}

/** Key of a coded table entry; ICD-10 codes are compared without their dot. */
export function codeKey(family: SystemFamily, code: string): string {
  return `${family}|${family === 'icd10' ? code.replace('.', '').toUpperCase() : code}`;
}

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const full = path.join(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (e) {
    throw new AppError('invalid_rules', `Cannot read rules file fhir/${file}: ${(e as Error).message}`, {
      path: `/fhir/${file}`,
      status: 500,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw fromZodError(parsed.error, 'invalid_rules', `Rules file fhir/${file} is invalid.`, {
      prefix: `/fhir/${file}`,
      status: 500,
    });
  return parsed.data;
}

export function loadFhirCodes(dir = path.join(rulesDir(), 'fhir')): FhirCodes {
  const profiles = readJson(dir, 'profiles.json', profilesFileSchema);
  const codes = readJson(dir, 'codes.json', codesFileSchema);
  const byCode = <T extends { system: SystemFamily; code: string }>(rows: T[]): Map<string, T> =>
    new Map(rows.map((r) => [codeKey(r.system, r.code), r]));
  return {
    profiles,
    codes,
    profileById: new Map(profiles.profiles.map((p) => [p.id.toLowerCase(), p])),
    observationByCode: byCode(codes.observations),
    stagingTypeByCode: byCode(codes.stagingTypes),
    qualifierByCode: byCode(codes.qualifiers),
    originByCode: byCode(codes.genomicOrigins),
    interpretationByCode: byCode(codes.variantInterpretations),
    significanceByCode: byCode(codes.variantSignificance),
    pregnancyAnswerByCode: byCode(codes.pregnancy.answers),
    pregnancyConditionCodes: new Set(codes.pregnancy.conditions.map((c) => codeKey(c.system, c.code))),
    diseaseStatusByCode: byCode(codes.diseaseStatuses),
    tumorSizeDimensionCodes: new Set(codes.tumorSizeDimensions.map((c) => codeKey(c.system, c.code))),
    ecogByCode: new Map(codes.ecog.map((e) => [codeKey(e.system, e.code), e.grade])),
    karnofskyByCode: new Map(codes.karnofsky.map((k) => [codeKey(k.system, k.code), k.score])),
    stageByCode: new Map(codes.stages.map((s) => [codeKey(s.system, s.code), s.stage])),
    markerByLoinc: new Map(codes.tumorMarkers.map((m) => [m.loinc, m])),
    procedureByCode: byCode(codes.procedures),
    siteByCode: byCode(codes.metastasisSites),
    variantComponentByCode: new Map(codes.variantComponents.map((c) => [c.code, c.role])),
    symbolByHgnc: new Map(codes.hgnc),
  };
}

let cached: FhirCodes | undefined;

/** The FHIR code tables, loaded once per process. */
export function fhirCodes(): FhirCodes {
  cached ??= loadFhirCodes();
  return cached;
}
