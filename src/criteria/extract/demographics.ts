/**
 * Age and sex stated in the criteria text ("Age ≥ 18 years", "18 to 75 years old", "Female
 * patients only"). The structured minimumAge / maximumAge / sex fields are evaluated separately by
 * the matcher; these rules catch limits written only in the text.
 */
import type { Extractor, Finding } from './extractor';
import { NUMBER, toNumber } from '../numbers';

const AGE_WORD = /\b(?:age[ds]?|years? of age|years? old|yrs? old|years?|yrs?)\b/i;
const GE = /(?:>=|=>|≥|greater than or equal to|equal to or greater than|equal to or more than|at least|minimum(?: of)?|or older|or over|and older|and over|or above|and above|or more|\+)/i;
const GT = /(?:>|greater than|more than|older than|over|above)/i;
const LE = /(?:<=|=<|≤|less than or equal to|equal to or less than|at most|maximum(?: of)?|or younger|or less|and younger|or under|and under|up to|not older than|no older than)/i;
const LT = /(?:<|less than|younger than|under|below)/i;

export const extractAge: Extractor = (input) => {
  const { text } = input;
  const inAgeContext = input.context.some((c) => /^age\b/i.test(c));
  if (!AGE_WORD.test(text) && !inAgeContext) return [];
  const out: Finding[] = [];
  const leaf = (operator: 'greaterThanInclusive' | 'greaterThan' | 'lessThanInclusive' | 'lessThan', value: number) =>
    ({ fact: 'age', operator, value }) as const;

  // Ranges: "18 to 75 years", "between 18 and 70 years of age", "18-75 years old", "aged 18–65".
  const range = new RegExp(
    `(?:between\\s+)?(${NUMBER})\\s*(?:years?\\s*)?(?:-|to|and|through)\\s*(${NUMBER})\\s*(?:years?|yrs?)(?:\\s*(?:of age|old))?(?:\\s*\\(?inclusive\\)?)?`,
    'ig',
  );
  const rangeAged = new RegExp(`\\bage[ds]?\\s*(?:of\\s+)?(?:between\\s+)?(${NUMBER})\\s*(?:-|to|and)\\s*(${NUMBER})(?:\\s*(?:years?|yrs?))?`, 'ig');
  for (const re of [rangeAged, range]) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lo = toNumber(m[1]!);
      const hi = toNumber(m[2]!);
      if (lo === null || hi === null || lo >= hi || hi > 120) continue;
      if (out.some((f) => f.spans.some(([s, e]) => m!.index < e && m!.index + m![0].length > s))) continue;
      out.push({
        category: 'age',
        condition: { all: [leaf('greaterThanInclusive', lo), leaf('lessThanInclusive', hi)] },
        spans: [[m.index, m.index + m[0].length]],
      });
    }
  }
  if (out.length) return out;

  // One bound: "age ≥ 18", "18 years or older", "at least 18 years of age", "< 75 years".
  const before = new RegExp(
    `(?:\\bage[ds]?\\b[^\\d.;]{0,25}?|\\b)(${GE.source}|${LE.source}|${GT.source}|${LT.source})\\s*(?:the age of\\s*)?(${NUMBER})\\s*(?:years?|yrs?)?`,
    'ig',
  );
  const after = new RegExp(`(${NUMBER})\\s*(?:years?|yrs?)?\\s*(?:of age\\s*|old\\s*)?(${GE.source}|${LE.source})`, 'ig');
  const judge = (op: string, value: number, start: number, end: number): void => {
    if (value > 120) return;
    const operator = new RegExp(`^(?:${GE.source})$`, 'i').test(op)
      ? 'greaterThanInclusive'
      : new RegExp(`^(?:${LE.source})$`, 'i').test(op)
        ? 'lessThanInclusive'
        : new RegExp(`^(?:${GT.source})$`, 'i').test(op)
          ? 'greaterThan'
          : 'lessThan';
    out.push({ category: 'age', condition: leaf(operator, value), spans: [[start, end]] });
  };
  const ageNear = (s: number, e: number): boolean =>
    inAgeContext || /\bage|years?|yrs?\b/i.test(text.slice(Math.max(0, s - 25), Math.min(text.length, e + 25)));
  for (let m = before.exec(text); m; m = before.exec(text)) {
    const v = toNumber(m[2]!);
    if (v === null || !ageNear(m.index, m.index + m[0].length)) continue;
    if (!/years?|yrs?|\bage/i.test(m[0]) && !inAgeContext) continue;
    judge(m[1]!, v, m.index, m.index + m[0].length);
  }
  for (let m = after.exec(text); m; m = after.exec(text)) {
    const v = toNumber(m[1]!);
    if (v === null || !ageNear(m.index, m.index + m[0].length)) continue;
    if (!/years?|yrs?|\bage|old/i.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length)) && !inAgeContext) continue;
    if (out.some((f) => f.spans.some(([s, e]) => m!.index < e && m!.index + m![0].length > s))) continue;
    judge(m[2]!, v, m.index, m.index + m[0].length);
  }
  // PDQ "Age: 18 and over" reads the number without a unit.
  if (!out.length && inAgeContext) {
    const bare = new RegExp(`^(${NUMBER})\\s*(?:and|or)\\s*(over|older|above|under|younger)`, 'i').exec(text);
    if (bare) judge(/over|older|above/i.test(bare[2]!) ? 'or older' : 'or younger', toNumber(bare[1]!) ?? 0, 0, bare[0].length);
  }
  // "Adults" / "pediatric" without numbers are left to the structured age fields.
  const ageWord = /\bage[ds]?\b/i.exec(text);
  if (out.length && ageWord && !out.some((f) => f.spans.some(([s, e]) => ageWord.index >= s && ageWord.index < e))) {
    out[0]!.spans.push([ageWord.index, ageWord.index + ageWord[0].length]);
  }
  return out;
};

export const extractSex: Extractor = (input) => {
  const { text } = input;
  const m =
    /^(?:(?:male|female|men|women)s?(?:\s+(?:or|and|and\/or)\s+(?:male|female|men|women)s?)?|both (?:sexes|genders))\s*\.?$/i.exec(
      text.trim(),
    ) ?? /\b(male|female|men|women)\s+(?:patients?|participants?|subjects?)?\s*only\b/i.exec(text);
  if (!m) return [];
  const words = m[0].toLowerCase();
  const female = /\bfemales?\b|\bwomen\b/.test(words);
  const male = /\bmales?\b|\bmen\b/.test(words) || /\bboth\b/.test(words);
  const start = text.indexOf(m[0]);
  const span: [number, number] = [start, start + m[0].length];
  const both = (female && male) || /\bboth\b/.test(words);
  return [
    {
      category: 'sex',
      condition: both
        ? { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] }
        : { fact: 'sex', operator: 'equal', value: female ? 'female' : 'male' },
      spans: [span],
      polarityHandled: true,
    },
  ];
};
