/**
 * Import warnings: everything in a bundle that did not make it into the record, or made it in with a
 * caveat, is reported here with a stable code, so nothing is lost silently. Repeats of one kind
 * (24 Encounters, 13 body-height observations) are grouped into one warning listing the references.
 */

export const WARNING_CODES = [
  'no_patient',
  'patient_deceased',
  'sex_conflict',
  'duplicate_entry',
  'invalid_resource',
  'resource_not_read',
  'profile_not_read',
  'observation_not_read',
  'procedure_not_read',
  'medication_not_cancer_related',
  'code_not_mapped',
  'code_display_mismatch',
  'value_not_read',
  'unresolved_subject',
  'unlinked_finding',
  'secondary_without_primary',
  'regional_lymph_nodes',
  'not_current',
  'superseded_result',
  'variant_not_pathogenic',
  'status_excluded',
  'list_truncated',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ImportWarning {
  code: WarningCode;
  message: string;
  /** References (`Observation/123`, fullUrl, `Bundle.entry[4]`) of the resources concerned. */
  references?: string[];
  /** How many resources the warning covers, when it groups several. */
  count?: number;
  /** JSON Pointer into the submitted bundle, for malformed resources. */
  bundlePath?: string;
  /** JSON Pointer into the record, when the warning qualifies a value that was kept. */
  path?: string;
}

const MAX_REFERENCES = 50;

export class Warnings {
  private readonly list: ImportWarning[] = [];
  private readonly groups = new Map<string, { warning: ImportWarning; render: (count: number) => string }>();

  add(w: ImportWarning): void {
    this.list.push(w);
  }

  /** Adds a reference to the warning of this group, creating it the first time; `message` gets the count. */
  group(code: WarningCode, key: string, message: (count: number) => string, reference: string): void {
    const k = `${code}|${key}`;
    let g = this.groups.get(k);
    if (!g) {
      g = { warning: { code, message: '', references: [], count: 0 }, render: message };
      this.groups.set(k, g);
      this.list.push(g.warning);
    }
    const w = g.warning;
    w.count = (w.count ?? 0) + 1;
    if (w.references!.length < MAX_REFERENCES) w.references!.push(reference);
  }

  toArray(): ImportWarning[] {
    for (const { warning, render } of this.groups.values()) {
      warning.message = render(warning.count ?? 1);
      if ((warning.count ?? 0) > (warning.references?.length ?? 0))
        warning.message += ` (the first ${MAX_REFERENCES} are listed)`;
    }
    return this.list.map((w) => ({ ...w }));
  }
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
