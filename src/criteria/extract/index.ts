/** The registry of category extractors, run in this order over every criterion. */
import { BIOMARKER_EXTRACTORS } from './biomarkers';
import { extractClinicalScales } from './clinical-scales';
import { extractAge, extractSex } from './demographics';
import { DISEASE_EXTRACTORS } from './disease';
import type { Extractor } from './extractor';
import { HISTORY_EXTRACTORS } from './history';
import { LAB_EXTRACTORS } from './labs';
import { extractPerformance } from './performance';
import { extractProcedureItem } from './procedure-item';
import { THERAPY_EXTRACTORS } from './therapy';
import { extractImmunosuppression } from './therapy-immunosuppression';
import { extractAllowedWashout, extractLeadWashout } from './therapy-lead-washout';
import { extractNoRequirement } from './statements-no-requirement';
import { SYSTEMIC_PLAN_EXTRACTORS } from './therapy-systemic-plans';
import { extractUntreatedLesion } from './therapy-untreated-lesion';
import { extractTreatedTargetLesions } from './therapy-treated-target-lesions';

export const EXTRACTORS: Extractor[] = [
  extractAge,
  extractSex,
  extractPerformance,
  extractClinicalScales,
  ...DISEASE_EXTRACTORS,
  ...BIOMARKER_EXTRACTORS,
  ...THERAPY_EXTRACTORS,
  ...SYSTEMIC_PLAN_EXTRACTORS,
  extractProcedureItem,
  extractUntreatedLesion,
  extractTreatedTargetLesions,
  extractImmunosuppression,
  extractLeadWashout,
  extractAllowedWashout,
  ...LAB_EXTRACTORS,
  ...HISTORY_EXTRACTORS,
  extractNoRequirement,
];
