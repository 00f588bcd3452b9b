/**
 * The search parameters of MITRE's clinical-trial-matching-service protocol: a `Parameters` resource
 * in the patient Bundle with `zipCode`, `travelRadius` (miles), `phase` and `recruitmentStatus`.
 * Phases and statuses arrive as FHIR ResearchStudy codes (`phase-1`, `active`), as the reference
 * app and wrappers send them; ClinicalTrials.gov spellings (`PHASE1`, `RECRUITING`) are accepted too.
 * Several values may be given comma-separated.
 */
import { AppError } from '../errors';
import type { ParametersResource } from './bundle';
import { CTGOV_BY_FHIR_PHASE, CTGOV_BY_FHIR_STATUS } from './research-study';

export interface SearchParameters {
  zipCode?: string;
  travelRadiusMiles?: number;
  /** ClinicalTrials.gov phases (PHASE1 …). */
  phases?: string[];
  /** ClinicalTrials.gov overall statuses (RECRUITING …). */
  statuses?: string[];
}

/** Statute mile in kilometres (international mile, NIST Handbook 44). */
export const KM_PER_MILE = 1.609344;

const CTGOV_PHASES = new Set(Object.values(CTGOV_BY_FHIR_PHASE).flat());
const CTGOV_STATUSES = new Set(Object.values(CTGOV_BY_FHIR_STATUS).flat());

function values(
  text: string,
  table: Record<string, string[]>,
  known: Set<string>,
  pointer: string,
  what: string,
): string[] {
  const out = new Set<string>();
  for (const raw of text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    const hit = table[raw.toLowerCase()] ?? (known.has(raw.toUpperCase()) ? [raw.toUpperCase()] : undefined);
    if (!hit) {
      throw new AppError(
        'invalid_parameter',
        `Unknown ${what} "${raw}"; use one of ${Object.keys(table).join(', ')}.`,
        { status: 400, path: pointer },
      );
    }
    for (const v of hit) out.add(v);
  }
  return [...out];
}

export function readSearchParameters(list: Array<{ resource: ParametersResource; pointer: string }>): SearchParameters {
  const out: SearchParameters = {};
  for (const { resource, pointer } of list) {
    (resource.parameter ?? []).forEach((p, i) => {
      const at = `${pointer}/parameter/${i}`;
      const text = p.valueString ?? p.valueCode;
      switch (p.name) {
        case 'zipCode':
          if (text?.trim()) out.zipCode = text.trim();
          break;
        case 'travelRadius': {
          const miles =
            typeof p.valueDecimal === 'number'
              ? p.valueDecimal
              : typeof p.valueInteger === 'number'
                ? p.valueInteger
                : text
                  ? Number(text)
                  : NaN;
          if (!Number.isFinite(miles) || miles <= 0) {
            throw new AppError('invalid_parameter', 'travelRadius is a positive number of miles.', {
              status: 400,
              path: at,
            });
          }
          out.travelRadiusMiles = miles;
          break;
        }
        case 'phase':
          if (text) out.phases = values(text, CTGOV_BY_FHIR_PHASE, CTGOV_PHASES, at, 'phase');
          break;
        case 'recruitmentStatus':
          if (text) out.statuses = values(text, CTGOV_BY_FHIR_STATUS, CTGOV_STATUSES, at, 'recruitment status');
          break;
        default:
        // Other parameters belong to other wrappers of the protocol; they are ignored, as the reference service does.
      }
    });
  }
  return out;
}
