/**
 * What the resource readers find, before it is assembled into a PatientRecord: each finding keeps
 * the reference of the resource it came from and its date, so the assembler can choose the latest
 * result, link staging to its cancer, merge medication courses and write provenance.
 */
import type { Lexicons } from '../criteria/lexicon';
import type { BiomarkerEntry, ConditionEntry, LabEntry, TreatmentEntry } from '../patients/record';
import type { BundleIndex } from './bundle';
import type { FhirCodes } from './codes';
import type { Warnings } from './warnings';

export interface Code {
  system: string;
  code: string;
  display?: string;
}

export interface PrimaryCancerFinding {
  ref: string;
  /** Several versions of one Condition (same `Type/id`) are merged into one cancer. */
  identity: string;
  type?: Code | string;
  histology?: Code | string;
  primarySite?: Code | string;
  diagnosisDate?: string;
  recurrent?: boolean;
  /** Condition.stage summaries, as stage groups. */
  summaries: Array<{ stage: string; setting?: 'clinical' | 'pathological' }>;
  /** References the Condition names as its staging assessments. */
  assessments: string[];
}

export interface SecondaryCancerFinding {
  ref: string;
  site?: string;
  lymphNode: boolean;
  brain: boolean;
  /** The primary it names (mcode-related-primary-cancer-condition), resolved to its reference. */
  primaryRef?: string;
}

export interface StagingFinding {
  kind: 'stageGroup' | 'tnmT' | 'tnmN' | 'tnmM';
  setting?: 'clinical' | 'pathological';
  value: string;
  date?: string;
  ref: string;
  /** Condition references the observation is about (Observation.focus). */
  focus: string[];
}

export interface MarkerFinding {
  /** Gene or marker id of rules/genes.json, plus the alteration for variants: results of one key supersede each other. */
  key: string;
  biomarker: BiomarkerEntry;
  ref: string;
  date?: string;
}

export interface TreatmentFinding {
  /** Courses with the same key are merged (drug id, or procedure kind and code). */
  key: string;
  treatment: Omit<TreatmentEntry, 'start' | 'end' | 'date' | 'outcome'>;
  start?: string;
  end?: string;
  ongoing: boolean;
  ref: string;
}

export interface DatedFinding<T> {
  value: T;
  date?: string;
  ref: string;
}

export interface Findings {
  patient?: {
    ref: string;
    birthDate?: string;
    sex?: 'female' | 'male' | 'other' | 'unknown';
    location?: Record<string, string | number>;
  };
  primaries: PrimaryCancerFinding[];
  secondaries: SecondaryCancerFinding[];
  staging: StagingFinding[];
  markers: MarkerFinding[];
  treatments: TreatmentFinding[];
  labs: Array<DatedFinding<LabEntry> & { id: string }>;
  ecog: Array<DatedFinding<number>>;
  karnofsky: Array<DatedFinding<number>>;
  pregnant: Array<DatedFinding<boolean>>;
  /** Cancer disease status and tumour size, with the resources they are about (Observation.focus). */
  diseaseStatus: Array<
    DatedFinding<'no evidence of disease' | 'responding' | 'stable' | 'progressing'> & { focus: string[] }
  >;
  tumorSizeCm: Array<DatedFinding<number> & { focus: string[] }>;
  conditions: Array<{ condition: ConditionEntry; ref: string }>;
}

/** Everything a resource reader needs. */
export interface ImportContext {
  lex: Lexicons;
  codes: FhirCodes;
  index: BundleIndex;
  warnings: Warnings;
  findings: Findings;
  /** References of entries the readers consumed (Medication read through a MedicationRequest…). */
  consumed: Set<string>;
}

export function emptyFindings(): Findings {
  return {
    primaries: [],
    secondaries: [],
    staging: [],
    markers: [],
    treatments: [],
    labs: [],
    ecog: [],
    karnofsky: [],
    pregnant: [],
    diseaseStatus: [],
    tumorSizeCm: [],
    conditions: [],
  };
}
