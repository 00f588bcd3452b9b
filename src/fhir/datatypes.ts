/**
 * Small readers for FHIR datatypes: codings by code-system family, dates cut to the precision the
 * PatientRecord keeps, quantities with UCUM units spelled the way rules/labs.json spells them, and
 * profile ids. Pure functions; the clinical meaning lives in the tables of codes.ts.
 */
import type { CodeableConcept, Coding, Quantity } from './bundle';
import { codeKey, systemFamily, type SystemFamily } from './codes';

/** Codings of a concept that have a code, with their system family. */
export function codings(
  cc: CodeableConcept | undefined,
): Array<Coding & { code: string; family: SystemFamily | undefined }> {
  return (cc?.coding ?? [])
    .filter((c): c is Coding & { code: string } => Boolean(c.code))
    .map((c) => ({ ...c, family: systemFamily(c.system) }));
}

/** The first entry of `table` that any coding of the concept names. */
export function lookup<T>(
  cc: CodeableConcept | undefined,
  table: Map<string, T>,
  families?: SystemFamily[],
): { value: T; coding: Coding & { code: string } } | undefined {
  for (const c of codings(cc)) {
    if (!c.family || (families && !families.includes(c.family))) continue;
    const value = table.get(codeKey(c.family, c.code));
    if (value !== undefined) return { value, coding: c };
  }
  return undefined;
}

/** True when any coding of the concept is in a set of codeKey()s. */
export function hasCode(cc: CodeableConcept | undefined, keys: Set<string>): boolean {
  return codings(cc).some((c) => c.family !== undefined && keys.has(codeKey(c.family, c.code)));
}

/** "Stage 3A (qualifier value)" → "Stage 3A": SNOMED CT fully specified names end in a semantic tag. */
export function withoutSemanticTag(text: string): string {
  return text
    .replace(
      /\s*\((?:disorder|finding|qualifier value|procedure|morphologic abnormality|body structure|observable entity|situation|regime\/therapy|tumor staging)\)\s*$/i,
      '',
    )
    .trim();
}

/** Human text of a concept: its text, else the first display, else the first code. */
export function conceptText(cc: CodeableConcept | undefined): string | undefined {
  const text =
    cc?.text?.trim() ||
    cc?.coding?.find((c) => c.display?.trim())?.display?.trim() ||
    cc?.coding?.find((c) => c.code)?.code;
  return text ? withoutSemanticTag(text) : undefined;
}

/** The coding that best stands for a concept in the record: the preferred family first, else the first. */
export function bestCoding(
  cc: CodeableConcept | undefined,
  prefer: SystemFamily[],
): (Coding & { code: string }) | undefined {
  const all = codings(cc);
  for (const f of prefer) {
    const hit = all.find((c) => c.family === f);
    if (hit) return hit;
  }
  return all[0];
}

/** FHIR date or dateTime → YYYY, YYYY-MM or YYYY-MM-DD as written (the local date, not UTC). */
export function fhirDate(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value.trim()) : null;
  return m ? `${m[1]}${m[2] ?? ''}${m[2] ? (m[3] ?? '') : ''}` : undefined;
}

/** Compares partial ISO dates; an unknown date sorts first, so any dated result is "later". */
export function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return a < b ? -1 : 1;
}

/**
 * UCUM as labs.json spells units: "10*3/uL" → "10^3/uL", annotations dropped ("{cells}/uL" → "/uL",
 * "{INR}" kept as the whole unit since it is all there is).
 */
export function displayUnit(q: Quantity | undefined): string | undefined {
  const raw = (q?.system && /unitsofmeasure/i.test(q.system) && q.code) || q?.unit || q?.code;
  if (!raw) return undefined;
  const cleaned = raw.replace(/10\*(-?\d+)/g, '10^$1');
  const stripped = cleaned.replace(/\{[^}]*\}/g, '');
  return (stripped || cleaned).trim() || undefined;
}

/** mCODE profile ids of a resource: the last URL segment, lower case, version suffix dropped. */
export function profileIds(meta: { profile?: string[] | undefined } | undefined): string[] {
  return (meta?.profile ?? []).map((p) => p.split('|')[0]!.replace(/\/+$/, '').split('/').pop()!.toLowerCase());
}

/** Cuts a string to the record schema's limit. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
