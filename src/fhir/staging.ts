/**
 * Stage groups and TNM categories from coded values. SNOMED CT stage qualifiers go through the
 * table in rules/fhir/codes.json; AJCC codes (system http://cancerstaging.org: "c3A", "4", "pN1a")
 * and displays ("Stage 3A (qualifier value)", "American Joint Committee on Cancer cT3") are read by
 * their notation, which is AJCC's (AJCC Cancer Staging Manual, 8th edition) and not a code list.
 * Stage groups come out in the Roman form the criteria parser uses ("IIIA").
 */
import type { CodeableConcept } from './bundle';
import type { FhirCodes } from './codes';
import { codings, lookup } from './datatypes';

const ROMAN = ['0', 'I', 'II', 'III', 'IV'];

/**
 * "Stage 3A", "3A", "c3A", "IIIA", "Stage IV", "4P" → "IIIA" / "IV"; undefined when the text is no
 * stage group. A bare number counts only when `bareNumbers` (AJCC codes, never free text).
 */
export function stageOf(text: string, bareNumbers = true): string | undefined {
  const hasWord = /^\s*stage\b/i.test(text);
  const t = text
    .replace(/\(.*?\)/g, '')
    .replace(/^\s*stage\s*/i, '')
    .trim();
  const arabic = /^[cpy]?([0-4])([a-d]\d?|is)?p?$/i.exec(t);
  if (arabic && (bareNumbers || hasWord || /^[cpy]/i.test(t))) {
    const sub = arabic[2] ? (arabic[2].toLowerCase() === 'is' ? 'is' : arabic[2].toUpperCase()) : '';
    return ROMAN[Number(arabic[1])]! + sub;
  }
  const roman = /^[cpy]?(IV|I{1,3}|0)([a-d]\d?|is)?$/i.exec(t);
  if (roman)
    return (
      roman[1]!.toUpperCase() + (roman[2] ? (roman[2].toLowerCase() === 'is' ? 'is' : roman[2].toUpperCase()) : '')
    );
  return undefined;
}

/** Stage group of a value: the SNOMED/AJCC table first, then AJCC notation in codes and displays. */
export function stageFromConcept(codes: FhirCodes, cc: CodeableConcept | undefined): string | undefined {
  const hit = lookup(cc, codes.stageByCode, ['snomed', 'ajcc']);
  if (hit) return hit.value;
  for (const c of codings(cc)) {
    if (c.family === 'ajcc') {
      const s = stageOf(c.code);
      if (s) return s;
    }
  }
  for (const text of [...codings(cc).map((c) => c.display), cc?.text]) {
    const s = text ? stageOf(text, false) : undefined;
    if (s) return s;
  }
  return undefined;
}

/**
 * A TNM category ("cT2", "pN1a", "M0") of the given axis from a value's AJCC code or display. The
 * clinical / pathological prefix is added from the observation's setting when the value lacks one.
 */
export function tnmFromConcept(
  cc: CodeableConcept | undefined,
  axis: 'T' | 'N' | 'M',
  setting?: 'clinical' | 'pathological',
): string | undefined {
  const pattern = new RegExp(
    `(?:^|[\\s(])((?:y|r)?[cp]?)(${axis}(?:is|X|[0-4])(?:[a-d]\\d?)?(?:mi)?)(?=$|[\\s),;])`,
    'i',
  );
  const texts = [
    ...codings(cc)
      .filter((c) => c.family === 'ajcc')
      .map((c) => c.code),
    ...codings(cc).map((c) => c.display),
    cc?.text,
  ];
  for (const text of texts) {
    const m = text ? pattern.exec(text) : null;
    if (!m) continue;
    const prefix = m[1]!.toLowerCase() || (setting === 'clinical' ? 'c' : setting === 'pathological' ? 'p' : '');
    const value = m[2]!;
    return prefix + value[0]!.toUpperCase() + value.slice(1).replace(/^x$/i, 'X');
  }
  return undefined;
}
