/**
 * Laboratory values, organ function, LVEF and QTc: "ANC ≥ 1,500/µL", "Platelets ≥ 100 × 10^9/L",
 * "Serum creatinine ≤ 1.5 × ULN OR creatinine clearance ≥ 60 mL/min", "AST and ALT ≤ 2.5 × ULN
 * (≤ 5 × ULN if liver metastases)", "Total bilirubin within normal limits", "LVEF ≥ 50% by ECHO or
 * MUGA", "QTcF > 450 ms for men and > 470 ms for women"; and life expectancy ("Life expectancy of
 * at least 12 weeks", "Anticipated lifespan greater than 12 weeks", "Anticipated overall survival more
 * than 3 months").
 *
 * Lab names come from the lexicon mentions (rules/labs.json). After a name (or a list of names that
 * share one limit: "AST/ALT", "transaminases") the extractor reads a comparator, a number and either
 * a unit or a multiple of the upper limit of normal. A value in another unit is converted into the
 * lab's rule unit with the factors in rules/labs.json, so rules compare like with like
 * (ANC 1,500/µL → lab(anc, 10^9/L) ≥ 1.5). A value with no unit is read only where the rule unit is
 * unambiguous (INR, %, ms, or a count of 1,000 or more per µL). A name shared by measures whose units
 * never convert ("FEV1": % predicted or litres; "M-protein": serum g/dL or urine mg/24 h;
 * "proteinuria": a 24-hour amount or a dipstick grade "2+") is read as the one its written unit fits.
 *
 * A second limit for a subgroup ("≤ 3 × ULN for Gilbert's syndrome", "≤ 5 × ULN if liver metastases",
 * "> 470 ms for women") is read into the same finding: the main limit, or the relaxed one together
 * with the subgroup. The subgroup is a sex leaf, a condition from the lexicon, or an `unparsed` leaf
 * carrying its words, which the evaluator treats as unknown: a patient within the main limit passes,
 * one within only the relaxed limit is asked about the subgroup, and nobody fails on a guess.
 *
 * The extractor reads the comparators itself ("not more than", "no less than"), so its findings set
 * `polarityHandled`.
 */
import { leavesOf, type Condition, type LeafCondition, type Operator } from '../facts';
import type { LabsFile, Mention } from '../lexicon';
import { toNumber } from '../numbers';
import type { ExtractInput, Extractor, Finding } from './extractor';
import { ageSubgroup, isAgeSubgroupLead } from './age-phrases';
import { COMPARATOR, SUFFIX_COMPARATOR, comparisonOf, type Comparison } from './comparators';
// Readers written before comparators.ts import the comparators from here; they stay the same objects.
export { COMPARATOR, SUFFIX_COMPARATOR, comparisonOf, type Comparison } from './comparators';
import { siteSubgroup } from './metastatic-sites';

const OPPOSITE: Record<Operator, Operator> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  in: 'notIn',
  notIn: 'in',
};

/** The negation of a condition (De Morgan over all/any; booleans flip their value). */
export function opposite(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(opposite) };
  if ('any' in c) return { all: c.any.map(opposite) };
  if (typeof c.value === 'boolean' && c.operator === 'equal') return { ...c, value: !c.value };
  return { ...c, operator: OPPOSITE[c.operator] };
}

export function unparsedLeaf(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.trim() } };
}

export function allOf(parts: Condition[]): Condition {
  const flat = parts.flatMap((p) => ('all' in p ? p.all : [p]));
  return flat.length === 1 ? flat[0]! : { all: flat };
}

export function anyOf(parts: Condition[]): Condition {
  const flat = parts.flatMap((p) => ('any' in p ? p.any : [p]));
  return flat.length === 1 ? flat[0]! : { any: flat };
}

// ---------------------------------------------------------------------------------------------------
// Numbers and units.

/** A number: "1,500", "1.5", ".5", "1,5" (decimal comma), "100 000"; and the small words of multiples ("three times the ULN", "twice the ULN"). */
const NUM =
  '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?: \\d{3})+(?![\\d.])|\\d+,\\d{1,2}(?![\\d,])|\\d+(?:\\.\\d+)?|\\.\\d+|\\b(?:one|two|three|four|five|ten|twice|thrice)\\b)';

const SMALL_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, twice: 2, thrice: 3 };

function num(raw: string): number {
  const word = SMALL_NUMBERS[raw.toLowerCase()];
  if (word !== undefined) return word;
  const s = /^\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/[, ]/g, '');
  return Number(s);
}

/**
 * Unit notation → the unit keys of rules/labs.json. Order matters: longer notations first. Counts
 * "x 10^9/L" also appear as "x 109/L" when a superscript was lost in copying; "109/L" right after a
 * multiplication sign can only mean 10^9/L.
 */
const UNIT_PATTERNS: Array<[RegExp, string]> = [
  [
    /(?:x|\*|times)?\s*10\s*(?:\^|e|x|\*\*?|\(\s*)?\s*([34569])\s*\)?\s*(?:(?:cells?|platelets?|neutrophils?)\s*)?(?:\/\/?|per)\s*(?:l|liter|litre)\b/iy,
    'EXP/L',
  ],
  [/(?:x|\*|times)\s*10\s*\^\s*(9)\b(?!\s*\/)/iy, 'EXP/L'],
  [
    /(?:x|\*|times)?\s*10\s*(?:\^|e|x|\*\*?|\(\s*)?\s*([346])\s*\)?\s*(?:cells?\s*)?(?:\/|per)\s*(?:u|mc|micro)?\s*(?:l|liter|litre|mm\s*\^?\s*\(?3\)?|mm3|cu\.?\s*mm|cumm|cubic\s+millimet(?:er|re)s?)\b/iy,
    'EXP/uL',
  ],
  [/(?:G|Giga)\s*\/\s*[lL]\b/y, '10^9/L'],
  [/(?:k|thou|thousand)\s*\/\s*(?:u|mc|micro)?\s*(?:l|mm\s*\^?\s*3|mm3|cumm|cu\.?\s*mm)\b/iy, '10^3/uL'],
  [/x\s*1000\s*(?:cells?\s*)?\/\s*(?:u|mc)\s*l\b/iy, '10^3/uL'],
  [
    /(?:cells?\s*)?(?:\/|per)\s*(?:u|mc|micro)\s*(?:l|liter|litre)\b|(?:cells?\s*)?(?:\/|per)\s*(?:mm\s*\^?\s*\(?3\)?|mm3|cu\.?\s*mm|cumm|cubic\s+millimet(?:er|re)s?|millimet(?:er|re)s?\s*\(\s*mm\s*\^?\s*3\s*\))|\/\s*microl(?:iter|itre)?\b|cells?\s*\/\s*(?:u|mc)l\b/iy,
    '/uL',
  ],
  [/mm\s*\^?\s*3\b/iy, '/uL'],
  // Slips of the unit (rules/labs.json unitSlips): a count per litre that lost its micro sign, per
  // square millimetre, or milligrams per millilitre.
  [/(?:cells?\s*)?\/\s*mm\s*\^?\s*2\b/iy, '/mm2'],
  [/mg\s*\/\s*ml\b/iy, 'mg/mL'],
  // Indian numbering: 1 lakh = 100,000 ("Platelets > 1.5 lakh per cumm").
  [/lakhs?\s*(?:\/|per)\s*(?:cumm|cu\.?\s*mm|mm\s*\^?\s*3|mm3|(?:u|mc|micro)\s*l)\b/iy, '10^5/uL'],
  // Protein per 24 hours of urine; a ratio of masses (urine protein to creatinine).
  // "g/d" is grams a day; written after a blood level ("Hemoglobin > 8.0 g/d") it is a slip (unitSlips).
  [/(?:g|gm|grams?)\s*(?:\/|per|in)\s*(?:24\s*-?\s*h(?:ours?|rs?|r)?|day|d)\b/iy, 'g/24h'],
  [/(?:mg|milligrams?)\s*(?:\/|per|in)\s*(?:24\s*-?\s*h(?:ours?|rs?|r)?|day)\b/iy, 'mg/24h'],
  [/(?:g\s*\/\s*g|mg\s*\/\s*mg)\b/iy, 'g/g'],
  [/(?:g|gm|gms|grams?)\s*(?:\/|per)\s*(?:dl|deciliters?|decilitres?|100\s*ml)\b|g\s*%/iy, 'g/dL'],
  [/(?:g|gm|grams?)\s*(?:\/|per)\s*(?:l|liter|litre)\b/iy, 'g/L'],
  [/(?:mg|milligrams?)\s*(?:\/|per)\s*(?:dl|deciliters?|decilitres?|100\s*ml)\b|mg\s*%/iy, 'mg/dL'],
  [/(?:mg|milligrams?)\s*(?:\/|per)\s*(?:l|liter|litre)\b/iy, 'mg/L'],
  [/(?:u|mc|micro)\s*mol(?:es)?\s*(?:\/|per)\s*(?:l|liter|litre)\b/iy, 'umol/L'],
  [/(?:mmol|millimol(?:es)?)\s*(?:\/|per)\s*(?:l|liter|litre)\b/iy, 'mmol/L'],
  [/meq\s*\/\s*l\b/iy, 'mEq/L'],
  [/ng\s*\/\s*dl\b/iy, 'ng/dL'],
  [/(?:ng|nanograms?)\s*(?:\/|per)\s*(?:ml|milliliter|millilitre)\b/iy, 'ng/mL'],
  [/nmol\s*\/\s*l\b/iy, 'nmol/L'],
  [/(?:u|mc|micro)\s*g(?:rams?)?\s*(?:\/|per)\s*(?:dl|deciliters?|decilitres?)\b/iy, 'ug/dL'],
  [/(?:u|mc)g\s*\/\s*l\b/iy, 'ug/L'],
  [/pg\s*\/\s*ml\b/iy, 'pg/mL'],
  [/pmol\s*\/\s*l\b/iy, 'pmol/L'],
  [/(?:u|mc|micro)\s*kat\s*\/\s*l\b/iy, 'ukat/L'],
  [/(?:i?u|units?)\s*(?:\/|per)\s*(?:l|liter|litre)\b/iy, 'U/L'],
  [/m\s*iu\s*\/\s*l\b/iy, 'mIU/L'],
  [/(?:u|mc|micro)\s*iu\s*\/\s*ml\b/iy, 'uIU/mL'],
  // Tumour markers (CA-125, CA 19-9): units per millilitre; kU/L is the same quantity.
  [/(?:u|units?)\s*(?:\/|per)\s*(?:ml|milliliters?|millilitres?)\b/iy, 'U/mL'],
  [/ku\s*\/\s*l\b/iy, 'kU/L'],
  [
    /(?:ml|cc|millilit(?:er|re)s?)\s*(?:\/|per)\s*min(?:ute)?s?\.?\s*(?:\/|per)\s*1[.,]\s*73\s*(?:m\s*\^?\s*\(?2\)?|m2|sq\.?\s*m(?:eters?|etres?)?|square\s+met(?:er|re)s?)(?:\s*(?:of\s+)?(?:body\s+surface\s+area|bsa))?/iy,
    'mL/min/1.73m2',
  ],
  [/(?:ml|cc|millilit(?:er|re)s?)\s*(?:\/|per)\s*(?:min(?:ute)?s?\b|mn\b)/iy, 'mL/min'],
  [/ml\s*\/\s*s(?:ec)?\b/iy, 'mL/s'],
  [/%|\bper\s*cent(?:age)?\b|\bpercent(?:age)?\b/iy, '%'],
  // Body measurements (rules/labs.json body_weight, bmi).
  [/kg\s*\/\s*m\s*(?:\^\s*\(?2\)?|2|²)/iy, 'kg/m2'],
  // An area, after a body surface area ("BSA of 0.43m^2 and over", "BSA < 1.4 m2").
  [/(?:m\s*(?:\^\s*\(?2\)?|2(?!\d)|²)|sq\.?\s*m(?:eters?|etres?)?\b|square\s+met(?:er|re)s?\b)/iy, 'm2'],
  [/(?:kg|kgs|kilograms?)\b/iy, 'kg'],
  [/(?:lbs?|pounds?)\b/iy, 'lb'],
  [/(?:ms|msec|msecs|millisecs?|milliseconds?)\b/iy, 'ms'],
  // Blood pressure (rules/labs.json systolic_bp, diastolic_bp).
  [/mm\s*hg\b|millimet(?:er|re)s?\s+(?:of\s+)?(?:mercury|hg)\b/iy, 'mmHg'],
  [/(?:sec|secs|seconds?)\b/iy, 's'],
  // A bare mass, after a 24-hour urine protein ("24-hour urine protein > 1.0 g"); no other lab converts it.
  [/(?:g|gm|grams?)\b(?!\s*\/)/iy, 'g'],
  [/(?:mg|milligrams?)\b(?!\s*\/)/iy, 'mg'],
  // A volume, after FEV1 ("FEV1 < 1 liter", "FEV1 less than 2L"); per-minute and per-area forms are read above.
  [/(?:ml|millilit(?:er|re)s?)\b(?!\s*\/)/iy, 'mL'],
  [/(?:l|lit(?:er|re)s?)\b(?!\s*\/)/iy, 'L'],
  // A count per litre with no power of ten lost its micro sign ("Platelets > 100,000/L"): a slip.
  [/(?:cells?\s*)?\/\s*l\b/iy, '/L'],
];

interface UnitRead {
  unit: string;
  end: number;
}

function readUnit(text: string, pos: number): UnitRead | null {
  const ws = /\s*/y;
  ws.lastIndex = pos;
  ws.exec(text);
  const at = ws.lastIndex;
  for (const [re, key] of UNIT_PATTERNS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    let unit = key;
    if (key === 'EXP/L') unit = `10^${m[1]}/L`;
    else if (key === 'EXP/uL') unit = `10^${m[1]}/uL`;
    return { unit, end: at + m[0].length };
  }
  return null;
}

/** Multiples of the upper limit of normal: "x ULN", "times the institutional upper limit of normal", "-fold ULN". */
const ULN_NAME = String.raw`(?:ULN|IULN|ULRR|upper\s+levels?\s+of\s+(?:the\s+)?normal|upper\s+reference\s+(?:range|limit)|upper\s+limits?\s+(?:of|for)\s+(?:the\s+)?(?:institutional\s+)?(?:normal|reference)(?:\s+(?:range|values?|limits?))?|upper\s+(?:normal\s+)?limits?(?:\s+(?:of|for)\s+normal)?|normal\s+upper\s+limits?|upper\s+limit\s+normal)`;
const ULN_TAIL = String.raw`(?:\s*[([]\s*(?:I?ULN|ULRR|upper\s+limits?\s+(?:of|for)\s+(?:the\s+)?normal)\s*[)\]])?(?:\s+(?:for|of)\s+(?:the\s+)?(?:age|institution|site|laboratory|lab|reference\s+lab(?:oratory)?)(?:\s+and\s+(?:sex|gender))?)?`;
const ULN_PREFIX = String.raw`(?:within\s+)?(?:(?:the|an?)\s+)?(?:(?:institutional|institution'?s?|site|local|laboratory|lab|normal|reference)\s+)*`;
const ULN_AFTER = new RegExp(
  String.raw`\s*(?:x|\*|times|-?\s*folds?(?:\s+(?:of|the))*)?\s*${ULN_PREFIX}${ULN_NAME}${ULN_TAIL}`,
  'iy',
);
/** The lower limit of normal: "≥ LLN", "at or above the institutional lower limit of normal". Only bare, never a multiple. */
const LLN_AFTER = new RegExp(
  String.raw`\s*${ULN_PREFIX}(?:LLN|lower\s+limits?\s+(?:of|for)\s+(?:the\s+)?(?:institutional\s+)?(?:normal|reference)(?:\s+(?:range|values?|limits?))?|lower\s+(?:normal\s+)?limits?(?:\s+(?:of|for)\s+normal)?|lower\s+reference\s+(?:range|limit)|normal\s+lower\s+limits?|lower\s+limit\s+normal)(?:\s*[([]\s*LLN\s*[)\]])?(?:\s+(?:for|of)\s+(?:the\s+)?(?:age|institution|site|laboratory|lab|facility)(?:\s+and\s+(?:sex|gender))?)?\b`,
  'iy',
);
/** "1.5 times normal", "2.5 x N", "3 x institutional norm": short names need the multiplication sign. */
const ULN_SHORT = new RegExp(
  String.raw`\s*(?:x|\*|times|-?\s*folds?)\s*${ULN_PREFIX}(?:N|normal|norms?)\b(?!\s+(?:range|limits?|values?|organ|renal|hepatic))${ULN_TAIL}`,
  'iy',
);

/** "within normal limits", "normal", "WNL". */
const NORMAL = new RegExp(
  String.raw`\s*(?:(?:is|are|be|must\s+be|should\s+be)\s+)?(?:within\s+(?:the\s+)?(?:(?:institutional|institution'?s?|laboratory|local|site|upper|age[\s-]*(?:appropriate|adjusted|specific))\s+)*(?:normal\s+)?(?:(?:institutional|laboratory|local|reference)\s+)?(?:limits?|ranges?|values?|parameters)(?:\s+of\s+normal)?|within\s+(?:the\s+)?(?:institutional\s+)?(?:normal|reference)\s+(?:limits?|ranges?)|(?:in\s+(?:the\s+)?)?normal\s+(?:limits?|ranges?)|normal\b(?!\s+(?:organ|bone|marrow|renal|hepatic|liver|cardiac|function|limits?\s+of|upper))|WNL\b)(?:\s+(?:for|of)\s+(?:the\s+)?(?:age|institution|laboratory|lab|site))?`,
  'iy',
);

/**
 * "outside (of) the institutional range of normal", "outside the normal range as defined by
 * institutional standards": the opposite of "within normal limits".
 */
const OUTSIDE_NORMAL = new RegExp(
  String.raw`\s*(?:(?:is|are|be)\s+)?outside\s+(?:of\s+)?(?:the\s+)?(?:(?:institutional|institution'?s?|laboratory|local|site)\s+)?(?:range\s+of\s+normal|normal\s+(?:ranges?|limits?)|reference\s+ranges?|(?:limits?|ranges?)\s+of\s+normal)(?:\s+(?:as\s+)?defined\s+by\s+(?:the\s+)?(?:institutional|institution'?s?|local|site)\s+(?:standards?|guidelines?|laboratory|criteria))?`,
  'iy',
);

/** A multiple written after the limit ("ULN × 1.5"); never a power of ten. */
const ULN_TIMES_AFTER = new RegExp(`\\s*(?:x|\\*|times)\\s*(\\d+(?:\\.\\d+)?)(?!\\d|[.,]\\d|\\s*\\^)`, 'iy');
const UNIT_ECHO = /\s*\(/y;
const SIGN_CLOSE = /\)\s*(?=[\d.])/y;
const COMP_AT = new RegExp(`\\s*${COMPARATOR}\\s*`, 'iy');
const SUFFIX_AT = new RegExp(`\\s*${SUFFIX_COMPARATOR}`, 'iy');
const NUM_AT = new RegExp(`\\s*(${NUM})`, 'iy');
const WITHIN_AT = /\s*within\s+/iy;
/** The "+" of a dipstick grade glued to its number ("2+"); "2++" and "2+3" are something else. */
const GRADE_PLUS = /\+(?![\d+])/y;
/** "PT < 6 seconds above control" is relative to a control value, not a limit. */
const RELATIVE_AFTER =
  /\s*(?:above|over|beyond|greater\s+than|more\s+than|of)\s+(?:the\s+)?(?:control|baseline|normal\s+control|upper\s+limit\s+of\s+the\s+control)/iy;

interface Value {
  op: Comparison;
  value: number;
  /** Unit key, 'ULN' for multiples of the upper limit of normal, 'LLN' for the lower limit, 'NORMAL' for "within normal limits", 'BELOW_NORMAL' for "below normal limits", or null. */
  unit: string | null;
  start: number;
  end: number;
  /** The comparator was not written but taken over from the value this one restates. */
  inherited: boolean;
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** One comparison: "≥ 1,500/µL", "≤ 2.5 x ULN", "2.0 mg/dl or less", "≤ ULN", "within normal limits". */
export function readValue(
  text: string,
  pos: number,
  bareUln: boolean,
  inherit: Comparison | null = null,
): Value | null {
  const start = pos + (/^\s*/.exec(text.slice(pos, pos + 20))?.[0].length ?? 0);
  const normal = sticky(NORMAL, text, pos);
  if (normal)
    return { op: 'lessThanInclusive', value: 1, unit: 'NORMAL', start, end: NORMAL.lastIndex, inherited: false };
  if (sticky(OUTSIDE_NORMAL, text, pos))
    return { op: 'greaterThan', value: 1, unit: 'OUTSIDE_NORMAL', start, end: OUTSIDE_NORMAL.lastIndex, inherited: false };

  let op: Comparison | null = null;
  let at = pos;
  const comp = sticky(COMP_AT, text, pos);
  if (comp) {
    op = comparisonOf(comp.groups);
    at = COMP_AT.lastIndex;
    // "absolute neutrophil count (≥) 1.5 × 10^9/L": the sign alone in brackets.
    const close = /\(\s*$/.test(text.slice(Math.max(0, pos - 3), pos)) ? sticky(SIGN_CLOSE, text, at) : null;
    if (close) at += close[0].length;
  } else if (sticky(WITHIN_AT, text, pos)) {
    // "within 1.5 x ULN", "within <= 3x upper limit of normal"
    op = 'lessThanInclusive';
    at = WITHIN_AT.lastIndex;
    const again = sticky(COMP_AT, text, at);
    if (again) {
      op = comparisonOf(again.groups);
      at = COMP_AT.lastIndex;
    }
  }
  if (op) {
    // "≤ ULN", "below the upper limit of normal" (no number: one times the ULN)
    const u = sticky(ULN_AFTER, text, at);
    if (u && !/^\s*(?:x|\*|times|-?\s*fold)/i.test(u[0])) {
      // "≤ upper limit of normal × 2.5", "≤ ULN x1.5": the multiple written after the limit.
      const uEnd = ULN_AFTER.lastIndex;
      const times = sticky(ULN_TIMES_AFTER, text, uEnd);
      if (times) return { op, value: num(times[1]!), unit: 'ULN', start, end: ULN_TIMES_AFTER.lastIndex, inherited: false };
      return { op, value: 1, unit: 'ULN', start, end: uEnd, inherited: false };
    }
    if (sticky(LLN_AFTER, text, at)) return { op, value: 1, unit: 'LLN', start, end: LLN_AFTER.lastIndex, inherited: false };
    // "above (institutional) normal" is above the ULN. "Below normal (institutional) limits" is within
    // the range for a lab limited at its upper end, and below the LLN for one limited at its lower end
    // (unread); which one leafFor decides.
    const normalWords = sticky(
      /\s*(?:the\s+)?(?:institutional\s+)?normal\b(?:\s+(?:institutional\s+)?(?:limits?|range))?/iy,
      text,
      at,
    );
    if (normalWords && (op === 'greaterThan' || op === 'greaterThanInclusive'))
      return { op, value: 1, unit: 'ULN', start, end: at + normalWords[0].length, inherited: false };
    if (normalWords && /\blimits?\b/i.test(normalWords[0]))
      return { op: 'lessThanInclusive', value: 1, unit: 'BELOW_NORMAL', start, end: at + normalWords[0].length, inherited: false };
  }
  // "within x1.5 ULN": the multiplication sign before the number.
  const times = sticky(/\s*[x*]\s*(?=\d)/iy, text, at);
  if (times) at += times[0].length;
  const n = sticky(NUM_AT, text, at);
  if (!n) return null;
  let value = num(n[1]!);
  if (!Number.isFinite(value)) return null;
  let end = NUM_AT.lastIndex;
  let unit: string | null = null;
  if (Number.isInteger(value) && value <= 4 && sticky(GRADE_PLUS, text, end)) {
    // "proteinuria ≥ 2+", "urine protein < 2+": a dipstick grade, not "2 or more".
    unit = '{+}';
    end = GRADE_PLUS.lastIndex;
  } else if (sticky(ULN_AFTER, text, end)) {
    unit = 'ULN';
    end = ULN_AFTER.lastIndex;
  } else if (times) {
    return null;
  } else if (sticky(ULN_SHORT, text, end)) {
    unit = 'ULN';
    end = ULN_SHORT.lastIndex;
  } else {
    const r = readUnit(text, end);
    if (r) {
      unit = r.unit;
      end = r.end;
      // "1.500/µL": a European thousands separator (counts per µL are never fractional).
      if (unit === '/uL' && /^\d{1,3}\.\d{3}$/.test(n[1]!)) value = num(n[1]!.replace('.', ''));
      // "0.5 grams per deciliter (g/dL)": the unit spelled out, then its symbol.
      const echo = sticky(UNIT_ECHO, text, end);
      if (echo && readUnit(text, end + echo[0].length)?.unit === unit) {
        const close = sticky(/\s*\)/y, text, readUnit(text, end + echo[0].length)!.end);
        if (close) end = close.index + close[0].length;
      }
    }
  }
  if (sticky(RELATIVE_AFTER, text, end)) return null;
  // A unit the reader does not know ("50,000/L", "145 umul/L") must not be read as another one, nor
  // a duration ("PSA measured at least 4 weeks after orchiectomy") as a level.
  if (
    !unit &&
    /^\s*(?:\/|(?:mg|g|gm|mmol|umol|umul|mol|ng|pg|mcg|ug|iu|u|ml|dl|l|cells?|mm|cm|kg|mmhg|weeks?|wks?|days?|months?|mos?|years?|yrs?|hours?|hrs?|minutes?|mins?)\b)/i.test(
      text.slice(end, end + 8),
    )
  )
    return null;
  const s = sticky(SUFFIX_AT, text, end);
  if (s && !op) {
    op = comparisonOf(s.groups);
    end = SUFFIX_AT.lastIndex;
  }
  let inherited = false;
  if (!op && unit === 'ULN' && bareUln) op = 'lessThanInclusive';
  if (!op && inherit) {
    op = inherit;
    inherited = true;
  }
  if (!op) return null;
  return { op, value, unit, start, end, inherited };
}

// ---------------------------------------------------------------------------------------------------
// Lab names and the words around them.

type Lab = LabsFile['labs'][number];

/** Which side of its reference range criteria limit (rules/labs.json `normal`). */
function sideOf(labId: string, input: ExtractInput): Lab['normal'] {
  return input.lex.labById.get(labId)?.normal;
}

/** A value written without a unit is read only where the unit cannot be anything else. */
function bareUnit(lab: Lab, value: number): string | null {
  if (lab.unit === '{INR}' || lab.unit === '%') return lab.unit;
  // Every unit the lab is reported in gives the same number (PSA ng/mL = µg/L): nothing to convert.
  if (lab.conversions.every((c) => c.factor === 1)) return lab.unit;
  if (lab.unit === 'ms' && value >= 200 && value <= 700) return 'ms';
  // Creatinine clearance and eGFR limits are 10–150 whether written per minute or per 1.73 m².
  if ((lab.unit === 'mL/min' || lab.unit === 'mL/min/1.73m2') && value >= 10 && value <= 150) return lab.unit;
  // A count of 1,000 or more written without a unit is per µL; nobody writes 1,000 × 10^9/L.
  if (lab.conversions.some((c) => c.unit === '/uL') && value >= 1000) return '/uL';
  return null;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * A criterion's input with the other labs a name may stand for: "FEV1" is a percentage of the
 * predicted value or a volume, "M-protein" a serum concentration or a urine excretion, "proteinuria"
 * a 24-hour amount or a dipstick grade. The lab listed first in rules/labs.json is the reading; the
 * others are tried only when the value's written unit does not fit it.
 */
type LabInput = ExtractInput & { alternates?: ReadonlyMap<string, readonly string[]> };

/** A unit written with the value (not a limit of the normal range): only it can tell which lab a name meant. */
const measuredUnit = (v: Value): boolean =>
  v.unit !== null && !['ULN', 'LLN', 'NORMAL', 'BELOW_NORMAL', 'OUTSIDE_NORMAL'].includes(v.unit);

/** The comparison as a leaf over one lab (or the lab its written unit shows the name meant), or null. */
function leafFor(labId: string, v: Value, input: LabInput): LeafCondition | null {
  const leaf = leafIn(labId, v, input);
  if (leaf || !measuredUnit(v)) return leaf;
  for (const alt of input.alternates?.get(labId) ?? []) {
    const other = leafIn(alt, v, input);
    if (other) return other;
  }
  return null;
}

function unitsOf(lab: Lab): Set<string> {
  return new Set([lab.unit, ...lab.conversions.map((c) => c.unit)]);
}

/**
 * One name found as several labs whose units never convert into each other ("FEV1": % or L) is one
 * mention with alternates, not a list of labs sharing a limit as "transaminases" (AST and ALT, both
 * U/L) is.
 */
function withAlternates(input: ExtractInput): LabInput {
  let alternates: Map<string, string[]> | undefined;
  const kept: Mention[] = [];
  for (const m of input.mentions) {
    const prev = m.type === 'lab' ? kept.find((k) => k.type === 'lab' && k.start === m.start && k.end === m.end) : undefined;
    if (prev && prev.id !== m.id) {
      const a = input.lex.labById.get(prev.id);
      const b = input.lex.labById.get(m.id);
      if (a && b && ![...unitsOf(a)].some((u) => unitsOf(b).has(u))) {
        // Both ways: once the first value has picked one of them, a second value of the same name
        // ("urine protein ≤ 2+ or < 1000 mg/24 h") may still be in the other's unit.
        alternates ??= new Map();
        for (const [x, y] of [[prev.id, m.id], [m.id, prev.id]] as const) {
          const list = alternates.get(x) ?? [];
          if (!list.includes(y)) alternates.set(x, [...list, y]);
        }
        continue;
      }
    }
    kept.push(m);
  }
  return alternates ? { ...input, mentions: kept, alternates } : input;
}

/**
 * The group with each name read as the lab its first value's unit shows it meant ("urinary protein
 * (UPRO) < 2+" is the dipstick, not the 24-hour amount), or null when the names stand as found.
 */
function labsMeant(group: Group, v: Value, input: LabInput): Group | null {
  // Only a written unit tells which lab a name meant; a bare number is never reassigned.
  if (!input.alternates || !measuredUnit(v)) return null;
  const alternatesOf = input.alternates;
  const swap = (lab: string): string =>
    leafIn(lab, v, input) ? lab : (alternatesOf.get(lab)?.find((alt) => leafIn(alt, v, input)) ?? lab);
  const labs = [...new Set(group.labs.map(swap))];
  if (labs.length === group.labs.length && labs.every((l, i) => l === group.labs[i])) return null;
  const { joins, last, ...rest } = group;
  return {
    ...rest,
    labs,
    ...(joins && joins.length === labs.length - 1 ? { joins } : {}),
    ...(last ? { last: { ...last, lab: swap(last.lab) } } : {}),
  };
}

function leafIn(labId: string, v: Value, input: ExtractInput): LeafCondition | null {
  const lab = input.lex.labById.get(labId);
  if (!lab) return null;
  if (v.unit === 'ULN') return { fact: 'labUln', operator: v.op, value: v.value, params: { name: labId } };
  if (v.unit === 'LLN') return { fact: 'labLln', operator: v.op, value: v.value, params: { name: labId } };
  if (v.unit === 'OUTSIDE_NORMAL') {
    const c = outsideNormal(labId, input);
    return c && 'fact' in c ? c : null;
  }
  if (v.unit === 'NORMAL' || v.unit === 'BELOW_NORMAL') {
    // Below normal limits: within the range for a lab limited at its upper end, under it for one
    // limited at its lower end ("LVEF below the institutional normal limits").
    if (v.unit === 'BELOW_NORMAL' && lab.normal === 'lower') return { fact: 'labLln', operator: 'lessThan', value: 1, params: { name: labId } };
    if (lab.normal !== 'upper') return null;
    return { fact: 'labUln', operator: 'lessThanInclusive', value: 1, params: { name: labId } };
  }
  const unit = v.unit ?? bareUnit(lab, v.value);
  if (!unit) return null;
  let value = inRuleUnit(lab, unit, v.value);
  // "Hgb ≥ 10 mg/dL" (0.01 g/dL) holds no patient to anything: the unit is a slip. It is read in the
  // unit meant (rules/labs.json unitSlips) only when that gives a plausible limit; "CrCl > 40 mL/sec"
  // (2,400 mL/min), with no slip listed, stays unread.
  if (value === null || !plausibleLimit(lab, value)) {
    const meant = input.lex.labs.unitSlips
      .filter((slip) => slip.written === unit)
      .map((slip) => inRuleUnit(lab, slip.meant, v.value))
      .find((x): x is number => x !== null && plausibleLimit(lab, x));
    if (meant === undefined) return null;
    value = meant;
  }
  return { fact: 'lab', operator: v.op, value, params: { name: labId, unit: lab.unit } };
}

/** A value in `unit` converted into the lab's rule unit, or null when the lab is never reported in it. */
function inRuleUnit(lab: Lab, unit: string, value: number): number | null {
  if (unit === lab.unit) return value;
  const conv = lab.conversions.find((c) => c.unit === unit);
  return conv ? round(value * conv.factor) : null;
}

function plausibleLimit(lab: Lab, value: number): boolean {
  return !lab.plausible || (value >= lab.plausible.min && value <= lab.plausible.max);
}

/** Outside the normal range: beyond whichever limits the lab has ("LVEF outside the normal range" is under its lower one). */
function outsideNormal(labId: string, input: ExtractInput): Condition | null {
  const lab = input.lex.labById.get(labId);
  if (!lab?.normal) return null;
  const uln: LeafCondition = { fact: 'labUln', operator: 'greaterThan', value: 1, params: { name: labId } };
  const lln: LeafCondition = { fact: 'labLln', operator: 'lessThan', value: 1, params: { name: labId } };
  return lab.normal === 'upper' ? uln : lab.normal === 'lower' ? lln : anyOf([uln, lln]);
}

/**
 * "Within normal limits": at most the ULN for a lab limited at its upper end, at least the LLN for
 * one limited at its lower end ("LVEF within normal limits"), and both for one limited on both sides
 * ("potassium within normal limits").
 */
function withinNormal(labId: string, input: ExtractInput): Condition | null {
  const lab = input.lex.labById.get(labId);
  if (!lab?.normal) return null;
  const uln: LeafCondition = { fact: 'labUln', operator: 'lessThanInclusive', value: 1, params: { name: labId } };
  const lln: LeafCondition = { fact: 'labLln', operator: 'greaterThanInclusive', value: 1, params: { name: labId } };
  return lab.normal === 'upper' ? uln : lab.normal === 'lower' ? lln : allOf([uln, lln]);
}

interface Group {
  labs: string[];
  start: number;
  end: number;
  /** Where the last name of the group starts, and its lab: the one a value right after it surely belongs to. */
  last?: { start: number; lab: string };
  /** How the names are joined: "AST and ALT", "AST or ALT", "AST/ALT" or "transaminases". */
  joiner: 'and' | 'or' | 'list';
  /** The joiner before each lab after the first ("INR or PT and aPTT": or, and). */
  joins?: Array<'and' | 'or' | 'list'>;
}

/** Words that may stand between names of one group, or qualify a name without changing it. */
const GROUP_GAP =
  /^(?:[\s()[\],/&+-]|\b(?:and|or|and\/or|serum|plasma|blood|levels?|values?|counts?|the|both|either|total)\b)*$/i;
const MODIFIER_BEFORE =
  /(?:\b(?:serum|plasma|blood|peripheral|whole|s|baseline|screening|mean|resting|average|triplicate)\s*[-\s]?\s*)+$/i;

function groupsOf(text: string, labMentions: Mention[]): Group[] {
  const groups: Group[] = [];
  let cur: (Group & { ids: Set<string> }) | null = null;
  for (const m of labMentions) {
    if (cur && m.start < cur.end) {
      // One phrase, several labs: "transaminases" names AST and ALT.
      cur.ids.add(m.id);
      cur.labs = [...cur.ids];
      continue;
    }
    const gap = cur ? text.slice(cur.end, m.start) : '';
    if (cur && gap.length <= 40 && GROUP_GAP.test(gap)) {
      if (!cur.ids.has(m.id)) cur.last = { start: m.start, lab: m.id };
      if (!cur.ids.has(m.id)) {
        const j = /\band\/or\b|\bor\b/i.test(gap) ? 'or' : /\band\b|&|\+/i.test(gap) ? 'and' : 'list';
        if (j !== 'list') cur.joiner = j;
        (cur.joins ??= []).push(j);
        cur.ids.add(m.id);
        cur.labs = [...cur.ids];
      }
      cur.end = m.end;
      continue;
    }
    if (cur) groups.push(cur);
    const before = MODIFIER_BEFORE.exec(text.slice(Math.max(0, m.start - 30), m.start));
    const start = before ? m.start - before[0].length : m.start;
    cur = { labs: [m.id], ids: new Set([m.id]), start, end: m.end, joiner: 'list' };
  }
  if (cur) groups.push(cur);
  return groups.map(({ labs, start, end, joiner, last, joins }) => ({
    labs,
    start,
    end,
    joiner,
    ...(last ? { last } : {}),
    ...(joins && joins.length === labs.length - 1 ? { joins } : {}),
  }));
}

/**
 * Words between a lab name and its value that carry nothing: "level", "count of", "must be",
 * "(ANC)", "(calculated by Cockcroft-Gault)". Bracketed text is covered only when every word in it
 * is one of these or a lab name; anything else is skipped over but left unread.
 */
const FILLER_WORDS =
  "level|levels|count|counts|value|values|concentration|result|results|must|should|shall|will|be|is|are|of|has|have|a|an|the|serum|plasma|needs?|to|measured|calculated|estimated|corrected|absolute|total|screening|baseline|using|by|per|via|cockcroft|gault|cockroft|ckd|epi|mdrd|formula|equation|method|either|as|institutional|standard|24|hour|hours|urine|collection|modified|modification|actual|ideal|body|weight|assessed|determined|ecg|ecgs|electrocardiogram|echocardiogram|echocardiography|echo|ultrasound|muga|scan|multigated|multiple|gated|acquisition|radionuclide|ventriculography|angiography|mri|cardiac|triplicate|mean|average|resting|fridericia|fridericia's|bazett|bazett's|correction|interval|from|on|in|lead|12|2d|two|dimensional|at|according|obtained|documented|local|central|laboratory|lab|or|increased|elevated|elevation|prolonged|prolongation|defined|duration|ms|msec|milliseconds|predicted";
const LEAD_WORD = new RegExp(String.raw`\s*(?:[:,\-)\]([*]|;(?=\s*(?:[<>≤≥]|\d))|=(?!\s*[<>])|\b(?:${FILLER_WORDS})(?:'s)?\b)`, 'iy');
const FILLER_ONE = new RegExp(`^(?:(?:${FILLER_WORDS})(?:'s)?|[,/-])$`, 'i');

interface Piece {
  start: number;
  end: number;
  covered: boolean;
}

/** Skips the words between a name and its value; returns where the value may start, and the pieces. */
function skipLead(
  text: string,
  pos: number,
  nameAt: (s: number, e: number) => boolean,
): { at: number; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let at = pos;
  for (let guard = 0; guard < 30; guard++) {
    if (sticky(COMP_AT, text, at) || sticky(NORMAL, text, at) || sticky(OUTSIDE_NORMAL, text, at)) break;
    const b = sticky(/\s*[([]([^()[\]\d<>=]{0,100})[)\]]/y, text, at);
    if (b) {
      const inner = b[1]!;
      const innerStart = at + b[0].indexOf(inner);
      const words = inner.split(/[\s,/-]+/).filter(Boolean);
      const covered = words.every((w) => FILLER_ONE.test(w)) || nameAt(innerStart, innerStart + inner.length);
      const end = at + b[0].length;
      pieces.push({ start: at, end, covered });
      at = end;
      continue;
    }
    const w = sticky(LEAD_WORD, text, at);
    if (w && w[0].trim() && !/^\s*or$/i.test(w[0])) {
      pieces.push({ start: at, end: LEAD_WORD.lastIndex, covered: true });
      at = LEAD_WORD.lastIndex;
      continue;
    }
    break;
  }
  return { at, pieces };
}

/** Method words after a value: "by ECHO or MUGA", "(Cockcroft-Gault formula)", "as assessed by ultrasound/echocardiography". */
const TRAIL_WORD = new RegExp(String.raw`\s*(?:[,/-]|\b(?:${FILLER_WORDS}|and/or)(?:'s)?\b)`, 'iy');

function skipTrail(text: string, pos: number, limit = text.length): number {
  let at = pos;
  let covered = pos;
  const word = TRAIL_WORD;
  for (let guard = 0; guard < 30; guard++) {
    const b = sticky(/\s*[([]([^()[\]\d<>=]{1,80})[)\]]/y, text, at);
    if (b && at + b[0].length <= limit) {
      const words = b[1]!.split(/[\s,/-]+/).filter(Boolean);
      if (words.every((w) => FILLER_ONE.test(w) || /^(?:and\/or|and)$/i.test(w))) {
        at += b[0].length;
        covered = at;
        continue;
      }
      break;
    }
    const w = sticky(word, text, at);
    if (!w || !w[0].trim() || word.lastIndex > limit) break;
    at = word.lastIndex;
    // A method phrase is covered up to its last content word, never ending on a connective.
    if (
      !/^\s*(?:[,/-]|or|and\/or|and|the|a|an|of|to|as|is|are|on|in|at|from|be|will|must|should|has|have)$/i.test(w[0])
    )
      covered = at;
  }
  return covered;
}

/** "Hematologic function:", "Adequate renal function as evidenced by", "Normal haematological function (" before the first lab. */
const ORGAN_HEAD =
  /^\s*(?:(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:adequate|normal|sufficient|acceptable|appropriate|satisfactory|inadequate|insufficient|impaired|reduced|poor|abnormal|deranged|compromised|severe|good)?\s*(?:(?:hematologic(?:al)?|haematologic(?:al)?|hematopoietic|haematopoietic|bone\s+marrow|marrow|blood|renal|kidney|hepatic|liver|cardiac|coagulation|organ|biochemical|biochemistry|chemistry|hematology|haematology|laboratory|lab|serum)\s*(?:,|and|or|\/)?\s*)+(?:functions?|parameters?|values?|tests?|reserve|status|dysfunction|insufficiency|impairment)?\s*(?:(?:as\s+)?(?:defined|evidenced|shown|demonstrated|indicated|measured|determined|assessed|reflected)\s*(?:as|by)?)?\s*(?:[:(]\s*)?(?:defined\s+as\s*:?)?\s*)$/i;

// ---------------------------------------------------------------------------------------------------
// Subgroups: "for men", "if liver metastases", "in patients with Gilbert's syndrome".

const QUALIFIER_START = new RegExp(
  String.raw`[\s(,;:]*(?:(?<neg>without|in\s+(?:the\s+)?absence\s+of|in\s+(?:patients?|participants?|subjects?)\s+without|for\s+(?:patients?|participants?|subjects?)\s+without)\s+|(?:(?:for|in|if|among|when|where)\s+)?(?:(?:the|those|all)\s+)?(?:(?:patients?|participants?|subjects?|individuals?|people|persons?|those|cases?)\s+(?:with|who\s+have|who\s+has|having|who\s+are|that\s+have|whose)\s+)|(?:if|when|where)\s+|(?:for|in|among)\s+(?=(?:the\s+)?(?:case|presence|setting|event|known|documented|confirmed|liver|hepatic|hepatocellular|hcc|bone|gilbert|hemoly|haemoly|men|women|males?|females?|children|adults?|age)\b)|in\s+(?:the\s+)?(?:presence|case|setting|event)\s+of\s+|in\s+case\s+of\s+|with\s+(?=(?:known\s+|documented\s+|confirmed\s+)?(?:(?:liver|hepatic|bone)\s+(?:metasta|involvement|disease)|gilbert))|(?:due\s+to|secondary\s+to|attributable\s+to|related\s+to|because\s+of)\s+)`,
  'iy',
);
const SEX_QUALIFIER =
  /[\s(,;]*(?:(?:for|in|among)\s+)?(?:the\s+)?(?:(?<sex1>male|female)\s+(?:patients?|participants?|subjects?)|(?<sex2>males?|females?|men|women))\b\s*\)?/iy;
/** Where a subgroup phrase ends. */
const QUALIFIER_END =
  /\)|\]|;|:|\.(?:\s|$)|,?\s+(?:in\s+(?:which|that)\s+case|then)\b|\s+(?:who\s+)?(?:must|may|can|should|will)\b|\s+(?:is|are)\s+(?:allowed|permitted|acceptable|eligible)\b|,?\s*(?:and|or)?\s*(?=[<>]|=\s*[<>]|(?:less|greater|more|lower|higher)\s+than\b|\d)|$/g;

interface Qualifier {
  condition: Condition;
  start: number;
  end: number;
  /** The subgroup's words when the condition reads them as a metastatic site. */
  sitePhrase?: string;
}

/**
 * The condition a subgroup phrase names. `siteReadable` and `conditionReadable` are false where the
 * phrase introduces the next limit rather than qualifying this one: a site or condition then stays unread.
 */
function qualifierCondition(phrase: string, from: number, input: ExtractInput, siteReadable: boolean, conditionReadable: boolean): Condition {
  const inside = input.mentions.filter((m) => m.start >= from && m.end <= from + phrase.length);
  // "for patients with creatinine levels above institutional normal": a lab limit as the subgroup.
  const labs = inside.filter((m) => m.type === 'lab');
  if (labs.length && labs[0]!.start - from <= 12) {
    const g = groupsOf(input.text, labs)[0]!;
    const lead = skipLead(input.text, g.end, () => true);
    const v = readValue(input.text, lead.at, false);
    if (v && v.end >= from + phrase.length - 2) {
      const c = combineGroup(g.labs, g.joiner, v, input, g.joins);
      if (c) return c;
    }
  }
  const conditions = inside.filter((m) => m.type === 'condition');
  if (conditions.length && conditionReadable) {
    let rest = phrase;
    for (const m of conditions)
      rest = rest.slice(0, m.start - from) + ' '.repeat(m.end - m.start) + rest.slice(m.end - from);
    const leftover = rest.replace(
      /\b(?:known|documented|confirmed|present|presence|is|are|the|of|or|and|with|a|an|history|case|diagnosis|diagnosed)\b/gi,
      '',
    );
    if (!/[a-z]{3,}/i.test(leftover)) {
      return {
        fact: 'condition',
        operator: 'equal',
        value: true,
        params: { names: [...new Set(conditions.map((m) => m.id))] },
      };
    }
  }
  // "if < 2 years of age", "for patients aged 1 to < 2 years": an age band in whole years.
  const age = ageSubgroup(phrase);
  if (age) return age;
  // "if liver metastases", "(no liver metastases)": the subgroup is a metastatic site.
  if (siteReadable) {
    const denied = /^\s*no\s+/i.exec(phrase);
    const site = siteSubgroup(denied ? phrase.slice(denied[0].length) : phrase);
    if (site) return denied ? opposite(site) : site;
  }
  return unparsedLeaf(phrase);
}

/** A subgroup phrase at pos: "for men", "(if liver metastases)", "in patients with Gilbert's syndrome". */
function readQualifier(
  text: string,
  pos: number,
  input: ExtractInput,
  bare = false,
  prepositional = false,
): Qualifier | null {
  const sex = sticky(SEX_QUALIFIER, text, pos);
  if (sex && /^\s*(?:$|[);,.:]|\bor\b|\band\b)/i.test(text.slice(SEX_QUALIFIER.lastIndex))) {
    const w = (sex.groups?.sex1 ?? sex.groups?.sex2 ?? '').toLowerCase();
    return {
      condition: { fact: 'sex', operator: 'equal', value: /^(?:female|women)/.test(w) ? 'female' : 'male' },
      start: pos,
      end: SEX_QUALIFIER.lastIndex,
    };
  }
  const q = sticky(QUALIFIER_START, text, pos);
  if (!q && !bare) return null;
  // Right after a value, a bare "(Patients with X …" opens a statement of its own; only "for / if /
  // in the presence of …" binds the value before it.
  if (
    q &&
    prepositional &&
    !/^[\s(,;:]*with\s+$/i.test(q[0]) &&
    !/\b(?:for|in|if|among|when|where|without|absence|presence|case|setting|event|due|secondary|attributable|related|because)\b/i.test(
      q[0],
    )
  )
    return null;
  const from = q ? QUALIFIER_START.lastIndex : pos + (/^[\s(,;:]*/.exec(text.slice(pos))?.[0].length ?? 0);
  QUALIFIER_END.lastIndex = from;
  let e = QUALIFIER_END.exec(text);
  const nextLab = input.mentions.find((m) => m.type === 'lab' && m.start >= from + 12);
  const labFirst = input.mentions.some((m) => m.type === 'lab' && m.start >= from && m.start < from + 12);
  if (labFirst) {
    // A subgroup defined by a lab value runs to the end of its clause.
    const close = /\)|;|\.(?:\s|$)|,\s|$/g;
    close.lastIndex = from;
    e = close.exec(text);
  }
  const end = Math.min(e ? e.index : text.length, nextLab ? nextLab.start : text.length);
  let phrase = text.slice(from, end).trim();
  let stop = end;
  if (
    (!phrase || isAgeSubgroupLead(phrase)) &&
    q &&
    /^(?:if|when|for)\b/i.test(q[0].trim().replace(/^[(,;:]\s*/, ''))
  ) {
    // "(GFR 40 mL/min if < 2 years of age)": a subgroup by a value the lab reader does not read.
    const close = /\)|;|\.(?:\s|$)|$/g;
    close.lastIndex = from;
    stop = close.exec(text)?.index ?? text.length;
    phrase = text.slice(from, stop).trim();
  }
  if (!phrase || phrase.length > 100) return null;
  // "without liver metastases" names a subgroup; "without transfusion" is a further requirement.
  if (q?.groups?.neg && !/metasta|involvement|gilbert|hemoly|haemoly|disease|syndrome/i.test(phrase)) return null;
  // A subgroup after a clause break ("≤ 2.5 × ULN; if liver metastases: ≤ 5 × ULN") or right before
  // a value ("(in patients with liver metastases ≤ 5 × ULN)") introduces the next limit, though it
  // is bound to the one before: it stays an unknown there rather than a site that would decide it.
  const siteReadable =
    !/[;:]|\.\s/.test(text.slice(pos, from)) &&
    !/^[\s),]*(?:[<>≤≥=]|\d|(?:less|greater|more|lower|higher|not)\s+(?:than|exceed))/i.test(text.slice(stop));
  // A condition is read only where a site would be, and not where another mention of a lab follows in
  // the same clause ("(in patients with known Gilbert Syndrome a total bilirubin ≤ 3.0 × ULN …)").
  const conditionReadable = siteReadable && !(nextLab && nextLab.start <= stop + 3 && !/[)\];]/.test(text.slice(stop, nextLab.start)));
  let condition = qualifierCondition(phrase, from, input, siteReadable, conditionReadable);
  const sitePhrase = 'fact' in condition && condition.fact === 'metastaticSite' ? phrase : undefined;
  if (q?.groups?.neg) condition = opposite(condition);
  const close = /^\s*[)\]]/.exec(text.slice(stop));
  return { condition, start: pos, end: close ? stop + close[0].length : stop, ...(sitePhrase ? { sitePhrase } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// The lab extractor.

interface LabReading {
  group: Group;
  condition: Condition;
  spans: Array<[number, number]>;
  end: number;
}

function combineGroup(
  labs: string[],
  joiner: Group['joiner'],
  v: Value,
  input: ExtractInput,
  joins?: Group['joins'],
): Condition | null {
  if (joins && new Set(joins).size > 1) {
    // Mixed joiners ("INR or PT and aPTT ≤ 1.5 × ULN"): names joined by "or" are one test written
    // two ways, so "or" binds first: (INR or PT) and aPTT.
    const clusters: string[][] = [[labs[0]!]];
    joins.forEach((j, i) =>
      j === 'or' ? clusters[clusters.length - 1]!.push(labs[i + 1]!) : clusters.push([labs[i + 1]!]),
    );
    const parts = clusters.map((c) => combineGroup(c, 'or', v, input));
    if (parts.some((p) => !p)) return null;
    const useAll = input.kind === 'inclusion' || joins.includes('and');
    return useAll ? allOf(parts as Condition[]) : anyOf(parts as Condition[]);
  }
  const parts: Condition[] = [];
  for (const lab of labs) {
    const c =
      v.unit === 'NORMAL'
        ? withinNormal(lab, input)
        : v.unit === 'OUTSIDE_NORMAL'
          ? outsideNormal(lab, input)
          : leafFor(lab, v, input);
    if (!c) return null;
    parts.push(c);
  }
  if (parts.length === 1) return parts[0]!;
  // "AST and ALT ≤ 2.5 × ULN" → both; "AST or ALT" → either; a bare list or "transaminases" names a
  // shared limit: every lab within it to be included, any lab beyond it to be excluded.
  const useAll = joiner === 'and' || (joiner === 'list' && input.kind === 'inclusion');
  return useAll ? allOf(parts) : anyOf(parts);
}

const ALT_SEP = /(?:\s*(?:[,;/([]|\bor\b|\band\/or\b|\band\b|\bbut\b))*\s*/iy;
const UNLESS =
  /[\s,;(]*(?:unless|except(?!ion)(?:\s+(?:for|in|if|when|that))?|with\s+the\s+(?:following\s+)?exceptions?(?:\s+of)?|exceptions?\s*:|excluding)\s*:?\s*/iy;
const THEN =
  /\s*[,;:]?\s*(?:(?:in\s+(?:which|that)\s+case|then|who|where|when)\s*)?(?:(?:the\s+)?(?:limit|value|level)\s+(?:is|will\s+be)\s*)?(?:(?:it|they|this|these|(?:the\s+)?(?:values?|levels?))\s+(?=must|may|can|should))?(?:(?:must|may|can|should)\s+(?:be|have)\s*)?(?:(?:an?|the)\s+)?(?:up\s+to\s*)?/iy;

function sameLimit(labs: string[], a: Value, b: Value, input: ExtractInput): boolean {
  if (a.op !== b.op && !b.inherited) return false;
  return labs.every((lab) => {
    const la = leafFor(lab, a, input);
    const lb = leafFor(lab, { ...b, op: a.op }, input);
    if (!la || !lb || typeof la.value !== 'number' || typeof lb.value !== 'number' || la.fact !== lb.fact) return false;
    // Within 5%: a restatement in other units rounds ("9.0 g/dL or 5.6 mmol/L" = 9.02 g/dL).
    return Math.abs(la.value - lb.value) <= 0.05 * Math.max(Math.abs(la.value), Math.abs(lb.value));
  });
}

/** "PSA doubling time", "PSA progression": a name that is not followed by its level. */
const NOT_A_LEVEL =
  /^\s*(?:\([^)]*\)\s*)?(?:doubling\s+time|velocity|progression|response|nadir|decline|rise|kinetics|psadt|flare|transfusions?|inhibitors?|loss|gain|changes?|reduction)/i;
/** "changes in BMI > 5", "loss of body weight": a change in the measure, not its level. */
const CHANGE_BEFORE = /\b(?:changes?|loss|gain|reduction|increase|decrease|drop)\s+(?:in|of)\s+(?:the\s+)?$/i;
const SEX_BEFORE =
  /\s*[(,;]?\s*(?:in\s+|for\s+)?(?:the\s+)?(?<sex>males?|females?|men|women|male\s+(?:patients?|participants?|subjects?)|female\s+(?:patients?|participants?|subjects?))\s*[):,]?\s*(?=[<>=]|(?:less|greater|more|longer|shorter|higher|lower)\s+than|at\s+least|\d)/iy;
const BOTH_SEXES =
  /\s*[(,]?\s*(?:in|for)\s+(?:both\s+)?(?:males?\s+and\s+females?|men\s+and\s+women|females?\s+and\s+males?|women\s+and\s+men|both\s+(?:sexes|genders))\s*\)?/iy;

function sexBefore(text: string, pos: number): Qualifier | null {
  const m = sticky(SEX_BEFORE, text, pos);
  if (!m) return null;
  const female = /^(?:female|women)/i.test(m.groups?.sex ?? '');
  return {
    condition: { fact: 'sex', operator: 'equal', value: female ? 'female' : 'male' },
    start: pos,
    end: SEX_BEFORE.lastIndex,
  };
}

/** "Hemoglobin 9.0 g/dL" in an inclusion list: a floor (or a ceiling) without a comparator. */
function bareLimit(text: string, pos: number, group: Group, input: ExtractInput): Value | null {
  const floor = group.labs.every((l) => sideOf(l, input) === 'lower');
  const ceiling = group.labs.every((l) => sideOf(l, input) === 'upper');
  if (floor === ceiling) return null;
  const v = readValue(text, pos, false, floor ? 'greaterThanInclusive' : 'lessThanInclusive');
  if (!v?.inherited || !v.unit || v.unit === 'ULN' || v.unit === 'NORMAL') return null;
  return /^\s*(?:[<>=]|\d|or\s+(?:[<>=]|\d))/.test(text.slice(skipTrail(text, v.end)))
    ? null
    : { ...v, inherited: false };
}

/** "normal LDH", "normal serum calcium and phosphate levels": within the normal range. */
const PAST_AFTER = /^\s*(?:levels?\s+|values?\s+)?(?:in|during|over|within|for)\s+(?:the\s+)?(?:previous|past|prior|preceding|last)\b/i;

function normalBefore(group: Group, input: ExtractInput): LabReading | null {
  const m = /\b(?:normal|WNL)\s+$/i.exec(input.text.slice(Math.max(0, group.start - 12), group.start));
  if (!m) return null;
  // A lab limited at its lower end, called normal, is in this corpus a clause of something larger
  // ("… with undetectable viral load and normal CD4 counts are eligible", "unable to maintain normal
  // oxygen saturation"), whose sense the limit alone would turn around: left unread.
  if (group.labs.some((l) => input.lex.labById.get(l)?.normal === 'lower')) return null;
  // "normal aminotransferases … in previous 12 months" (what confirms Gilbert's) is a past value, not today's.
  if (PAST_AFTER.test(input.text.slice(group.end, group.end + 40))) return null;
  const parts = group.labs.map((l) => withinNormal(l, input));
  if (parts.some((p) => !p)) return null;
  const condition = allOf(parts as Condition[]);
  return { group, condition, spans: [[group.start - m[0].length, group.end]], end: group.end };
}

/** "Patients with an elevated LDH level" (exclusion): above the ULN, for labs limited at the upper end. */
const ELEVATED_BEFORE = /(?<!\b(?:no|not|without|non)\s+(?:an?\s+)?)\b(?:elevated|raised|increased|abnormally\s+high)\s+(?:serum\s+|plasma\s+)?$/i;
const LEVEL_ONLY_AFTER = /^\s*(?:levels?|values?|concentrations?)?\s*(?:\([^()]*\)\s*)?[.;]?\s*$/i;

function elevatedBefore(group: Group, input: ExtractInput): LabReading | null {
  if (input.kind !== 'exclusion') return null;
  const m = ELEVATED_BEFORE.exec(input.text.slice(Math.max(0, group.start - 30), group.start));
  if (!m || !LEVEL_ONLY_AFTER.test(input.text.slice(group.end, sentenceEnd(input.text, group.end)))) return null;
  if (!group.labs.every((l) => sideOf(l, input) === 'upper')) return null;
  const above = group.labs.map((l): Condition => ({ fact: 'labUln', operator: 'greaterThan', value: 1, params: { name: l } }));
  const end = sentenceEnd(input.text, group.end);
  return { group, condition: anyOf(above), spans: [[group.start - m[0].length, end]], end };
}

/** "45 - 150 kg", "within [45 - 150 kg] (inclusive)", "between 18.5 and 30 kg/m2". */
const RANGE_AT = new RegExp(
  String.raw`\s*(?:(?:within|between|from|in\s+the\s+range\s+(?:of\s+)?)\s*)?[[(]?\s*(${NUM})\s*(?:-|–|to|and)\s*(${NUM})`,
  'iy',
);
const RANGE_CLOSE = /\s*[\])]?\s*(?:\(?\s*(?:inclusive|inclusively|both\s+inclusive)\s*\)?)?/iy;

/** "eGFR 0-50" as a whole criterion: the lab within a range (a lower end of 0 says nothing). */
function rangeLimit(group: Group, input: ExtractInput, at: number): LabReading | null {
  const { text } = input;
  if (group.labs.length !== 1 || text.slice(0, group.start).replace(/[\s\-*•·.)(\d]/g, '')) return null;
  const m = sticky(RANGE_AT, text, at);
  if (!m) return null;
  const unit = readUnit(text, RANGE_AT.lastIndex);
  const end = sticky(RANGE_CLOSE, text, unit ? unit.end : RANGE_AT.lastIndex) ? RANGE_CLOSE.lastIndex : (unit?.end ?? RANGE_AT.lastIndex);
  if (text.slice(end).replace(/[\s.;,]/g, '')) return null;
  const [lo, hi] = [num(m[1]!), num(m[2]!)];
  if (!(hi > lo)) return null;
  const bound = (op: Comparison, value: number): LeafCondition | null =>
    leafFor(group.labs[0]!, { op, value, unit: unit?.unit ?? null, start: 0, end: 0, inherited: false }, input);
  const upper = bound('lessThanInclusive', hi);
  const lower = lo > 0 ? bound('greaterThanInclusive', lo) : null;
  if (!upper || (lo > 0 && !lower)) return null;
  return { group, condition: allOf(lower ? [lower, upper] : [upper]), spans: [[group.start, end]], end };
}

/** "(whichever is higher)", ", whichever is lower": which of two limits in one direction applies. */
const WHICHEVER = /\s*[,(]?\s*whichever\s+(?:is\s+|was\s+)?(?:the\s+)?(higher|greater|lower|lesser|less)\b\s*\)?/iy;

/**
 * Which way a limit bounds the value: 'upper' for "≤ …" (and "outside the normal range" of a lab
 * normal only above a lower limit, which is "under its LLN"), 'lower' for "≥ …"; null otherwise.
 */
function boundSide(v: Value, labs: string[], input: ExtractInput): 'upper' | 'lower' | null {
  if (v.unit === 'NORMAL' || v.unit === 'BELOW_NORMAL') return null;
  if (v.unit === 'OUTSIDE_NORMAL')
    return labs.every((l) => input.lex.labById.get(l)?.normal === 'lower') ? 'upper' : null;
  return isUpper(v) ? 'upper' : v.op === 'greaterThan' || v.op === 'greaterThanInclusive' ? 'lower' : null;
}

function isUpper(v: Value): boolean {
  return v.op === 'lessThan' || v.op === 'lessThanInclusive';
}

/** The second bound relaxes the first: higher for an upper bound, lower for a lower bound. */
function looser(v1: Value, v2: Value): boolean {
  const upper = v1.op === 'lessThan' || v1.op === 'lessThanInclusive';
  return v1.op === v2.op && (upper ? v2.value > v1.value : v2.value < v1.value);
}

/**
 * The subgroup that opens a limit of its own. Its words were kept as an unknown while they might have
 * bound the limit before them; bound to the limit they introduce, a metastatic site reads as one.
 */
function leadingSubgroup(q: Qualifier): Condition {
  const c = q.condition;
  if (!('fact' in c) || c.fact !== 'unparsed' || c.value !== true) return c;
  return siteSubgroup(String(c.params?.text ?? '')) ?? c;
}

/** Reads a lab group's value and any restatement, subgroup limit or exception after it. */
function readGroup(group: Group, input: ExtractInput, labMentions: Mention[], allowQ1 = true): LabReading | null {
  const { text, kind } = input;
  const nameAt = (s: number, e: number): boolean => labMentions.some((m) => m.start >= s && m.end <= e);
  if (NOT_A_LEVEL.test(text.slice(group.end, group.end + 30))) return null;
  if (CHANGE_BEFORE.test(text.slice(Math.max(0, group.start - 30), group.start))) return null;
  const lead = skipLead(text, group.end, nameAt);
  // "QTcF male > 450 ms, female > 470 ms": the subgroup before the value.
  const pre = sexBefore(text, lead.at);
  let v1 = readValue(text, pre ? pre.end : lead.at, kind === 'inclusion');
  if (!v1 && kind === 'inclusion' && /^[\s:=*(),-]*$/.test(text.slice(group.end, lead.at)))
    v1 = bareLimit(text, lead.at, group, input);
  if (!v1) return normalBefore(group, input) ?? elevatedBefore(group, input) ?? rangeLimit(group, input, lead.at);
  const meant = labsMeant(group, v1, input);
  if (meant) return readGroup(meant, input, labMentions, allowQ1);
  const spans: Array<[number, number]> = [[group.start, group.end]];
  for (const p of lead.pieces) if (p.covered) spans.push([p.start, p.end]);
  // Method words after a value never run into the next lab's name ("…, total bilirubin").
  const limit = labMentions.find((m) => m.start >= v1.end && !group.labs.includes(m.id))?.start ?? text.length;
  const modifier = MODIFIER_BEFORE.exec(text.slice(Math.max(0, limit - 30), limit));
  const trailLimit = modifier ? limit - modifier[0].length : limit;
  let end = skipTrail(text, v1.end, trailLimit);
  spans.push([v1.start, end]);

  // A second value for each lab in turn: "Serum creatinine OR creatinine clearance ≤ 1.5 × ULN OR ≥ 60 mL/min".
  let main = combineGroup(group.labs, group.joiner, v1, input, group.joins);
  if (!main && group.last) {
    // "… 1500 granulocytes, hemoglobin of 9.0 g/dL": the value fits only the name next to it.
    return readGroup(
      { labs: [group.last.lab], start: group.last.start, end: group.end, joiner: 'list' },
      input,
      labMentions,
      allowQ1,
    );
  }
  const sep0 = sticky(ALT_SEP, text, end)?.[0] ?? '';
  if (group.labs.length === 2) {
    const v2 = readValue(text, end + sep0.length, false);
    const first = leafFor(group.labs[0]!, v1, input);
    const second = v2 ? leafFor(group.labs[1]!, v2, input) : null;
    const crossed = v2 ? leafFor(group.labs[0]!, v2, input) : null;
    if (v2 && first && second && (!main || !crossed) && /\bor\b|,|;/i.test(sep0)) {
      const t2 = skipTrail(text, v2.end);
      spans.push([end, t2]);
      return {
        group,
        condition: /\bor\b/i.test(sep0) || group.joiner === 'or' ? anyOf([first, second]) : allOf([first, second]),
        spans,
        end: t2,
      };
    }
  }
  if (!main) return null;

  // "… in males and females": no subgroup at all.
  const both = sticky(BOTH_SEXES, text, end);
  if (both) {
    end = BOTH_SEXES.lastIndex;
    spans.push([v1.end, end]);
  }
  // Subgroup of the first value ("> 450 ms for men").
  // A subgroup after a limit that follows another limit in the same clause ("bilirubin ≤ 3 × ULN with
  // direct bilirubin normal in patients with Gilbert's") may bind both: left unread rather than guessed.
  const q1 = pre ?? (sticky(UNLESS, text, end) || !allowQ1 ? null : readQualifier(text, end, input, false, true));
  const afterQ1 = q1 && !pre ? q1.end : end;

  // What follows: a restatement in other units, an alternative, a subgroup's limit, an exception.
  let at2 = afterQ1;
  let q2: Qualifier | null = null;
  const unless = sticky(UNLESS, text, afterQ1);
  if (unless) {
    q2 = readQualifier(text, UNLESS.lastIndex, input, true);
    if (q2) at2 = sticky(THEN, text, q2.end) ? THEN.lastIndex : q2.end;
  } else {
    at2 = afterQ1 + (sticky(ALT_SEP, text, afterQ1)?.[0].length ?? 0);
    const sx = pre ? sexBefore(text, at2) : null;
    if (sx) {
      q2 = sx;
      at2 = sx.end;
    } else if (!q1) {
      q2 = readQualifier(text, at2, input);
      if (q2) at2 = sticky(THEN, text, q2.end) ? THEN.lastIndex : q2.end;
    }
  }
  const sep = text.slice(afterQ1, at2);
  // The second value may name the labs again ("except Gilbert's syndrome: total bilirubin ≤ 3 × ULN").
  let labs2 = group.labs;
  let at2v = at2;
  const again = labMentions.filter((m) => m.start >= at2 && m.start <= at2 + 30 && group.labs.includes(m.id));
  if (again.length && /^[\s\w,]*$/.test(text.slice(at2, again[0]!.start))) {
    const againGroup = groupsOf(text, again)[0]!;
    labs2 = againGroup.labs;
    at2v = skipLead(text, againGroup.end, nameAt).at;
  }
  const relaxedCue = !!(q1 || q2 || unless);
  // A second value that belongs to another lab named first ("… who must have direct bilirubin ≤ ULN") is not this lab's.
  const foreign =
    labMentions.some((m) => m.start >= at2 && m.start < at2v && !group.labs.includes(m.id)) ||
    labMentions.some((m) => m.start >= at2v && m.start < at2v + 3 && !group.labs.includes(m.id));
  const continues = /;\s*\($/.test(sep) || (/^;\s*$/.test(sep) && text[at2] === '(');
  let v2 =
    foreign || (/[.;]/.test(sep) && !q2 && !q1 && !continues)
      ? null
      : readValue(text, at2v, kind === 'inclusion' && relaxedCue, q1 || /[([]|\bor\b/i.test(sep) ? v1.op : null);
  // "… who must have normal direct bilirubin": a value in front of another lab's name is that lab's.
  if (v2 && labMentions.some((m) => m.start >= at2v && m.start <= v2!.end + 3 && !group.labs.includes(m.id))) v2 = null;
  if (v2) {
    let v2end = skipTrail(text, v2.end);
    const q2b = q2 ?? readQualifier(text, v2end, input, false, true);
    if (!q2 && q2b) v2end = q2b.end;
    // "≤ 2.5 × ULN (or ≤ 5 if liver metastases)": a subgroup's looser bound with no unit is in the main one's.
    if (v2.unit === null && v1.unit === 'ULN' && (q1 || q2b) && looser(v1, v2)) v2 = { ...v2, unit: 'ULN' };
    // A subgroup between two values introduces the second ("≤ 2.5 × ULN; in participants with liver
    // metastases ≤ 5 × ULN"), so it binds that one, not the main limit.
    const q1Leads = !!q1 && !pre && !q2b && /^[\s:,]*$/.test(text.slice(q1.end, v2.start));
    // "> 50% … and within the institutional range of normal": both hold (see below), whatever "or"
    // the words between them hold ("by ECHO or MUGA").
    const normalAnd = v2.unit === 'NORMAL' && /\band\b/i.test(sep);
    const others = group.labs.filter((l) => !labs2.includes(l));
    const second0 = combineGroup(
      labs2,
      labs2 === group.labs ? group.joiner : 'and',
      v2,
      input,
      labs2 === group.labs ? group.joins : undefined,
    );
    const rest = others.length ? combineGroup(others, 'and', v1, input) : null;
    const second =
      second0 && rest ? (group.joiner === 'or' ? anyOf([second0, rest]) : allOf([second0, rest])) : second0;
    let joined: Condition | null = null;
    // A subgroup's limit that runs the other way from the main one is written from the other side:
    // "> 1.5 × ULN, except Gilbert's syndrome, who are eligible if ≤ 3 × ULN" states the subgroup's
    // way in, so what still excludes it is its opposite (> 3 × ULN), and the reverse in an inclusion.
    // Without such words ("unless a grade 1 elevation (> ULN to 1.5 × ULN) from Gilbert's") the
    // second number describes the subgroup rather than limiting it: its limit stays unknown.
    const turned = !!second && isUpper(v1) !== isUpper(v2);
    const sideCue = (kind === 'exclusion' ? WAY_IN_CUE : WAY_OUT_CUE).test(text.slice(end, v2.start));
    const subLimit = !turned ? second : sideCue ? opposite(second!) : unparsedLeaf(text.slice(v2.start, v2.end));
    if (subLimit && q1Leads) {
      const sub = leadingSubgroup(q1!);
      joined =
        kind === 'exclusion' ? allOf([main, anyOf([opposite(sub), subLimit])]) : anyOf([main, allOf([sub, subLimit])]);
    } else if (second && q1 && q2b) {
      // Each limit for its own subgroup ("> 450 ms for men and > 470 ms for women").
      joined =
        kind === 'exclusion'
          ? anyOf([allOf([q1.condition, main]), allOf([q2b.condition, second])])
          : allOf([anyOf([opposite(q1.condition), main]), anyOf([opposite(q2b.condition), second])]);
    } else if (subLimit && q2b && !q1) {
      // A different limit for a subgroup ("≤ 3 × ULN for Gilbert's syndrome"): the main limit, or
      // the subgroup within its own limit.
      joined =
        kind === 'exclusion'
          ? allOf([main, anyOf([opposite(q2b.condition), subLimit])])
          : anyOf([main, allOf([q2b.condition, subLimit])]);
    } else if (second && !q1 && !q2b && !v2.inherited && !normalAnd && /\b(?:and|but)\b/i.test(sep) && isUpper(v1) !== isUpper(v2)) {
      // "> 2,500/µL and < 15,000/µL", "greater than 1.2 mg/dl but less than 1.5 mg/dl": a range, both
      // bounds hold. Bounds that cannot both hold ("BMI
      // < 20 kg/m2 and > 35 kg/m2") are each a way out of the range: either one.
      const [lo, hi] = isUpper(v1) ? [second, main] : [main, second];
      const loV = leavesOf(lo)[0]?.value;
      const hiV = leavesOf(hi)[0]?.value;
      joined = typeof loV === 'number' && typeof hiV === 'number' && loV < hiV ? allOf([main, second]) : anyOf([main, second]);
    } else if (second && !q1 && !q2b && !v2.inherited && !normalAnd && /\bor\b/i.test(sep)) {
      // "≤ 30 µmol/L (or ≤ 2.0 mg/dL)": either limit will do. "≥ 50% or ≥ LLN, whichever is higher":
      // the stricter one, so both hold; "< LLN or < 50% (whichever is higher)" is under either.
      const which = sticky(WHICHEVER, text, v2end);
      const up1 = boundSide(v1, group.labs, input);
      const both = which && up1 && up1 === boundSide(v2, group.labs, input) ? up1 : null;
      if (both) {
        const higher = /high|great/i.test(which![1]!);
        joined = (both === 'upper') !== higher ? allOf([main, second]) : anyOf([main, second]);
        v2end = WHICHEVER.lastIndex;
      } else joined = sameLimit(group.labs, v1, v2, input) ? main : anyOf([main, second]);
    } else if (second && !q1 && !q2b && sameLimit(group.labs, v1, v2, input)) {
      // "≥ 1,500/mm3 (1.5 × 10^9/L)": the same limit in other units; the one in the rule unit is kept.
      const unit2 = v2.unit;
      const inRuleUnit = group.labs.every((l) => input.lex.labById.get(l)?.unit === unit2);
      joined = inRuleUnit ? second : main;
    } else if (!second && q2b && !q1) {
      // A subgroup's own limit that cannot be read (a unit slip, "(> 3 if anticoagulated) × ULN"): the
      // subgroup stays open rather than held to the main limit.
      const relaxed = unparsedLeaf(text.slice(v2.start, v2.end));
      joined =
        kind === 'exclusion'
          ? allOf([main, anyOf([opposite(q2b.condition), relaxed])])
          : anyOf([main, allOf([q2b.condition, relaxed])]);
    }
    if (joined) {
      if (pre) spans.push([pre.start, pre.end]);
      spans.push([end, Math.max(v2end, v2.end)]);
      const close = /^\s*[)\]]/.exec(text.slice(v2end));
      return { group, condition: joined, spans, end: close ? v2end + close[0].length : v2end };
    }
  }
  if (q1) {
    // One value for one subgroup binds only that subgroup. In an inclusion that reading lets everyone
    // outside the subgroup pass, which is wrong when the value is an alternative to a limit written
    // elsewhere ("… ≤ 2.5 × ULN; or ≤ 5 × ULN (for subjects with liver metastases)"), so a metastatic
    // site stays an unknown there; an exclusion needs the subgroup, which is always safe.
    const q1c = q1.sitePhrase && kind !== 'exclusion' ? opposite(unparsedLeaf(q1.sitePhrase)) : opposite(q1.condition);
    const cond = kind === 'exclusion' ? allOf([q1.condition, main]) : anyOf([q1c, main]);
    spans.push(pre ? [pre.start, pre.end] : [end, q1.end]);
    return { group, condition: cond, spans, end: afterQ1 };
  }
  if (q2 && unless) {
    // "… unless due to Gilbert's syndrome": the subgroup is exempt. A site is rarely exempt outright
    // ("unless liver metastases are present, in which case ≤ 5 × ULN"): it stays an unknown here.
    const q2c = q2.sitePhrase ? unparsedLeaf(q2.sitePhrase) : q2.condition;
    main = kind === 'exclusion' ? allOf([main, opposite(q2c)]) : anyOf([main, q2c]);
    spans.push([end, q2.end]);
    return { group, condition: main, spans, end: q2.end };
  }
  if (v2?.unit === 'NORMAL' && /\band\b/i.test(sep) && !q1 && !q2) {
    // "LVEF > 50% … and within the institutional range of normal": both hold; a limit no fact reads
    // stays an unread conjunct rather than falling away.
    const normal = combineGroup(group.labs, group.joiner, v2, input) ?? unparsedLeaf(text.slice(v2.start, v2.end));
    spans.push([v2.start, v2.end]);
    return { group, condition: allOf([main, normal]), spans, end: v2.end };
  }
  return { group, condition: main, spans, end };
}

/** Exemptions the reader did not structure ("Patients with Gilbert's syndrome may be enrolled"). */
const EXEMPTION =
  /\b(?:gilbert'?s?|unless|except|exception|exempt|regardless|(?:may|can|will)\s+be\s+(?:enrolled|eligible|included|allowed|permitted)|(?:are|is)\s+(?:eligible|allowed|permitted)|(?:due|secondary|attributable|related)\s+to\s+(?:liver|hepatic|bone|tumou?r|disease|metasta|gilbert|hemolysis|haemolysis|leukemic|leukaemic|marrow|underlying|the\s+(?:disease|cancer|malignancy))|(?:need|needs|do|does)\s+not\s+(?:need\s+to\s+)?meet)\b/i;
/**
 * A site after a limit ("≤ 3 × ULN; patients with liver metastasis ≤ 5 × ULN", "(No liver metastasis),
 * or < 5 × ULN (with liver metastasis)") names a subgroup with another limit, unless the reading
 * already holds that subgroup.
 */
const SITE_SUBGROUP_AFTER = /\b(?:liver|hepatic|bone)\s+(?:metasta\w*|involvement)/i;
/** Transfusion and growth-factor notes that leave the limit as it is ("transfusion is allowed"). */
const HARMLESS_NOTE =
  /^[\s,;.(]*(?:note:?\s*)?(?:\(?\s*(?:(?:the\s+)?use\s+of\s+)?(?:(?:packed\s+)?(?:red\s+(?:blood\s+)?cells?|rbc|prbc|platelets?|blood)\s+)?transfusions?(?:\s+(?:support|to\s+(?:achieve|reach)\s+[^.;)]{0,40}))?\s+(?:is|are)\s+(?:allowed|permitted|acceptable)(?:\s+to\s+(?:achieve|reach|maintain)\s+[^.;)]{0,40})?|(?:subjects?|patients?|participants?)?\s*(?:may|can)\s+(?:have\s+been\s+|be\s+)?(?:receive\s+)?transfus\w*(?:\s+to\s+(?:achieve|reach)\s+(?:this|the)\s+(?:cut-?off|level|value|threshold))?|with\s+or\s+without\s+(?:transfusions?|growth\s+factors?)(?:\s+support)?|transfusion\s+(?:is\s+)?(?:allowed|permitted))[\s.)]*/i;

/** In an exclusion, a limit that lets a patient in ("HIV is allowed if CD4 ≥ 350") excludes by its opposite. */
const ELIGIBLE_BEFORE =
  /\b(?:(?:are|is|be|remain)\s+(?:eligible|allowed|permitted|included|acceptable)|eligible\s+(?:if|provided|when|as\s+long\s+as)|(?:may|can)\s+(?:be\s+)?(?:enrolled|included|participate|enroll)|provided\s+(?:that\s+)?|as\s+long\s+as)\b[^]*$/i;
/** A limit inside a condition is not a requirement: "If ALP > 2.5 × ULN, then …", "for patients with creatinine > 1.5 × ULN", "For UPCR > 1, a 24-hour urine protein should be obtained". */
const CONDITIONAL_BEFORE =
  /(?:(?<!\b(?:excluded|eligible|ineligible|included|enrolled|allowed|permitted)\s)\b(?:if|when|whenever|in\s+case|in\s+the\s+event|where)\b[^]*$)|(?:\b(?:for|among|in)\s+(?:(?:the|all|those)\s+)?(?:patients?|subjects?|participants?|individuals?|people|persons?|those|cases?|women|men|males?|females?)\s+(?:with|whose|who|having|that)\b[^]*$)|(?:^\s*for\s+(?:an?\s+|the\s+)?$)/i;
/** "Patients with solid tumors without bone marrow involvement: ANC ≥ 1000/µL": a limit for a subgroup. */
const SUBGROUP_HEAD =
  /(?:^|[.;:]\s*|\band\s+)(?:(?:for\s+)?(?:all\s+)?(?:patients?|subjects?|participants?|individuals?)\s+(?:with|who\s+have|having|without|on|receiving)\s+)([^:]{1,100}?)\s*:\s*$/i;
/**
 * "FEV1 ≤ 60% of predicted value and DLCO < 60%": a limit on another measure joined by "and", that no
 * reading took, to hold as well ("BMI < 20 and > 35" is one measure's two sides, not a conjunct).
 */
const AND_LIMIT_AFTER = new RegExp(
  String.raw`^\s*[,;]?\s*(?:and|with|plus)\s+[a-z(][^.;<>=\d]{0,80}?${COMPARATOR}\s*\+*\s*\d`,
  'i',
);
/** "proteinuria ≥ 2+ and a 24-hour urinary protein > 1.0 g": the same, before the lab. */
const LIMIT_AND_BEFORE = new RegExp(
  String.raw`${COMPARATOR}\s*(?:\d+(?:\.\d+)?)?\s*\+*[^.;<>=]{0,60}?\b(?:and|with)\b[^.;<>=\d]{0,60}$`,
  'i',
);
/** "urinary protein < 2+ or 24-hour urinary protein < 1 g": an unread limit before the lab, as an alternative. */
const LIMIT_OR_BEFORE = new RegExp(
  String.raw`${COMPARATOR}\s*(?:\d+(?:\.\d+)?)?\s*\+*[^.;<>=]{0,60}?\b(?:or|and\/or)\b[^.;<>=\d]{0,60}$`,
  'i',
);
/** "≤ 60% predicted value for patients with: a prolonged history of smoking …": the limit binds a subgroup. */
const SUBGROUP_AFTER =
  /^\s*[,(]?\s*(?:for|in|among)\s+(?:(?:those|patients?|subjects?|participants?|individuals?)\s+)?(?:with|who)\b/i;
/** Also after the bracket that holds the limit: "(undetectable viral load and CD4 count above 350 cells/µL) are permitted". */
const PERMITTED_AFTER = /^\s*(?:[)\]]\s*)?(?:[\w-]+\s+){0,2}?(?:is|are)\s+(?:also\s+)?(?:permitted|allowed|acceptable)\b/i;
/** A past value is not today's: "for > 6 months have had transaminases < ULN"; "must have had an ejection fraction > 50%" is a requirement. */
const HISTORY_BEFORE = /(?<!\b(?:must|should|shall|to)\s+)\b(?:have|has)\s+had\s+(?:\w+\s+){0,3}$/i;
const SUBJECT_WITH_BEFORE =
  /\b(?:patients?|subjects?|participants?|individuals?|those|anyone)\s+(?:with|whose|who\s+(?:have|has|had)|having)\b[^]*$/i;
/** "… except for patients with Gilbert's syndrome, who are excluded if …": the subgroup's own exclusion. */
const EXCLUDED_IF_BEFORE = /\b(?:are|is|be)\s+excluded\s+(?:if|when|with)\b(?:[^.;]|\.(?=\d))*$/i;
/** "Patients with CrCl < 50 mL/min … will be excluded": the modal states the exclusion itself, not a condition. */
const EXCLUDED_AFTER =
  /^(?:[^.;]|\.(?=\d))*?\b(?:will|shall|must|should|are|is)\s+(?:be\s+)?(?:excluded|ineligible|not\s+(?:be\s+)?eligible)\b/i;
const MODAL_AFTER =
  /^(?:[^.;]|\.(?=\d))*?\b(?:must|should|shall|will|may|need|needs|are\s+required|is\s+required|require|have\s+to|has\s+to|to\s+be\s+eligible)\b/i;
/** A criterion that ends in "OR", or starts with it, is one alternative of a pair split across two lines. */
const DANGLING_OR = /(?:\bor\s*[.;:,]?\s*$)|(?:^\s*or\b)/i;

function sentenceStart(text: string, pos: number): number {
  let s = 0;
  const re = /[.;](?=\s|$)|\n/g;
  for (let m = re.exec(text); m && m.index < pos; m = re.exec(text)) s = m.index + 1;
  return s;
}

function sentenceEnd(text: string, pos: number): number {
  const re = /[.;](?=\s|$)|\n/g;
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** The text of a sentence before pos, with bracketed asides and what earlier readings consumed blanked out. */
function clauseBefore(text: string, pos: number, consumed: Array<[number, number]>): string {
  const start = sentenceStart(text, pos);
  let s = text.slice(start, pos);
  for (const [a, b] of consumed) {
    if (b <= start || a >= pos) continue;
    const from = Math.max(a, start) - start;
    const to = Math.min(b, pos) - start;
    s = s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
  }
  return s.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
}

/** Only function words left: "(or a" carries no alternative of its own. */
function onlyConnectives(s: string): boolean {
  return !s
    .replace(LIST_MARK, '')
    .replace(/\b(?:a|an|the|of|be|is|are|must|should|have|has|either|levels?|values?)\b|[\s,;.:()[\]/-]/gi, '')
    .trim();
}

/** The number or letter of an item in a list: "2)", "(b)", "iii)". */
const LIST_MARK = /(?:^|\s|\()(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\s*\)/gi;
/**
 * A limit written as binding a subgroup only ("≤ 5 × ULN for subjects with liver metastases" reads
 * any(limit, not subgroup)) is a requirement's form, not an alternative's: as one side of an "or" it
 * would let anybody within the relaxed limit pass.
 */
function boundToSubgroup(c: Condition): boolean {
  return leavesOf(c).some((l) => l.fact === 'unparsed' && l.value === false);
}

const UPWARD = new Set(['greaterThan', 'greaterThanInclusive']);
/** Whether a permission allows values of a lab on the other side of a limit read for it ("> 1.5 × ULN is acceptable" after "≤ 1.5 × ULN"). */
function beyond(permission: Condition, limit: Condition): boolean {
  const key = (l: LeafCondition): string => `${l.fact}:${String(l.params?.name)}`;
  const limits = new Map(leavesOf(limit).map((l) => [key(l), UPWARD.has(l.operator)]));
  return leavesOf(permission).some((l) => limits.has(key(l)) && limits.get(key(l)) !== UPWARD.has(l.operator));
}

/** "and" or "with" with no comma before it: it ties the limits it joins into one alternative. */
const BARE_AND = /^\s*(?:and|with|plus)\s*$/i;
const AND_NEXT = /^\s*(?:and|with|plus)\b/i;
/** Nothing but "or" and a list item's mark between two readings. */
const LIST_OR = /^[\s,;.]*(?:or|and\/or)\s*(?:\(?\s*(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\s*\))?\s*$/i;

const OR_AFTER = /^\s*(?:(?:on|in|at|breathing)\s+(?:room|ambient)\s+air\s*)?[,;(]?\s*(?:or|and\/or)\b/i;

/** "low molecular weight heparin", "weight loss", "(using actual body weight)" in a clearance formula: the word, not the patient's measure. */
const NOT_A_MEASURE_BEFORE = /\b(?:molecular|atomic|birth|actual|ideal|adjusted|lean|using)[- ]?$/i;
const NOT_A_MEASURE_AFTER = /^[- ]?(?:loss|gain|changes?|reduction|bearing|lifting|management|-?based)\b/i;
const BODY_MEASURES = new Set(['body_weight', 'bmi']);

/** "Calcium (corrected for serum albumin)": the lab a value is corrected by is no subject of the limit. */
const CORRECTED_FOR_BEFORE = /\b(?:corrected|adjusted)\s+(?:for|by|to)\s+(?:the\s+)?(?:serum\s+|plasma\s+)?$/i;
function isMeasure(m: Mention, text: string): boolean {
  if (m.type === 'lab' && CORRECTED_FOR_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) return false;
  if (m.type !== 'lab' || !BODY_MEASURES.has(m.id)) return true;
  return (
    !NOT_A_MEASURE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) &&
    !NOT_A_MEASURE_AFTER.test(text.slice(m.end, m.end + 14))
  );
}

// ---------------------------------------------------------------------------------------------------
// Blood pressure written as one reading: "blood pressure > 150/90 mmHg", "hypertension >= 160/100 mmHg".

/**
 * Only an upper bound is read: a reading is above "150/90" when either number is (the ACC/AHA and
 * CTCAE hypertension grades), so it is any(systolic, diastolic). "Below 90/60" is not symmetric:
 * a hypotension criterion means either number, a target ("BP < 140/90") means both; it stays unread.
 */
const BP_PAIR = new RegExp(
  String.raw`\b(?:blood\s+pressure|BP|arterial\s+pressure|(?<htn>hypertension))(?:\s*\(\s*BP\s*\))?(?:\s+(?:of|is|was|that|consistently|persistently|persistent|sustained|reading|readings|values?|at\s+rest))*\s*(?<cmp>${COMPARATOR})\s*(?<sys>\d{2,3})\s*\/\s*(?<dia>\d{2,3})(?![\d/])(?:\s*(?:mm\s*hg|millimet(?:er|re)s?\s+of\s+mercury)\b(?:\s*\(\s*mm\s*hg\s*\))?)?`,
  'gid',
);
const NEGATED_COMPARATOR = /\b(?:not?|never)\b/i;
const BP_WORD = /pressure|\bBP\b|hypertension/i;

function bloodPressurePairs(input: ExtractInput): Finding[] {
  const sys = input.lex.labById.get('systolic_bp');
  const dia = input.lex.labById.get('diastolic_bp');
  if (!sys || !dia || !input.text.includes('/') || !BP_WORD.test(input.text)) return [];
  const out: Finding[] = [];
  for (const m of input.text.matchAll(BP_PAIR)) {
    const g = m.groups!;
    const op = comparisonOf(g);
    if ((op !== 'greaterThan' && op !== 'greaterThanInclusive') || NEGATED_COMPARATOR.test(g.cmp!)) continue;
    const s = Number(g.sys);
    const d = Number(g.dia);
    if (s < sys.plausible!.min || s > sys.plausible!.max || d < dia.plausible!.min || d > dia.plausible!.max || d >= s) continue;
    // "hypertension" is the condition's word, read by the conditions extractor; the pair starts at the comparator.
    const at = g.htn === undefined ? m.index : m.indices!.groups!.cmp![0];
    out.push({
      category: 'labs',
      condition: anyOf([
        { fact: 'lab', operator: op, value: s, params: { name: sys.id, unit: sys.unit } },
        { fact: 'lab', operator: op, value: d, params: { name: dia.id, unit: dia.unit } },
      ]),
      spans: [[at, m.index + m[0].length]],
      anchor: at,
      polarityHandled: true,
    });
  }
  return out;
}

/** Words that give a subgroup's way in ("who are eligible if", "may enrol with") or its way out ("are excluded if"). */
const WAY_IN_CUE =
  /\b(?:eligible|allowed|permitted|acceptable|accepted|enroll?ed|included|may|can)\b/i;
const WAY_OUT_CUE = /\b(?:excluded|ineligible|not\s+(?:be\s+)?eligible)\b/i;
const BP_LABS = new Set(['systolic_bp', 'diastolic_bp']);
/** The words between a systolic and a diastolic limit that make them alternatives: ", or", "and/or". */
const BP_OR = /^[\s,;)]*(?:and\s*\/\s*or|or)\s*$/i;
/** Whether a condition is a plain comparison of blood pressure (its leaves all BP labs). */
function onlyBloodPressure(c: Condition): boolean {
  const leaves = leavesOf(c);
  return leaves.length > 0 && leaves.every((l) => l.fact === 'lab' && BP_LABS.has(String(l.params?.name)));
}
/** Which blood pressures a condition compares ("diastolic_bp", "systolic_bp", or both). */
function bpNames(c: Condition): string {
  return [...new Set(leavesOf(c).map((l) => String(l.params?.name)))].sort().join();
}

/**
 * A blood-pressure limit defines the hypertension (or hypotension) beside it. Among other
 * conditions ("MI, unstable angina, persistent hypertension ≥ 160/100 mmHg") it qualifies only its
 * own item, which a flat join of findings cannot say: there it stays unread. Under a negation ("must
 * not have uncontrolled hypertension … with systolic BP > 150") the comparison is not the requirement.
 */
function bloodPressureReadable(f: Finding, input: ExtractInput): boolean {
  const labs = leavesOf(f.condition).filter((l) => l.fact === 'lab');
  if (!labs.length || !labs.every((l) => BP_LABS.has(String(l.params?.name)))) return true;
  return bloodPressureLimitsRead(input, f.anchor ?? 0);
}

/**
 * Whether blood-pressure limits at `at` are read here: not under a negation, and only where
 * hypertension is the one condition named (the flat join cannot bind a limit to one condition of a
 * list). The conditions reader asks the same before leaving a hypertension definition to this one.
 */
export function bloodPressureLimitsRead(input: ExtractInput, at: number): boolean {
  if (input.scopes.in('negated', at)) return false;
  return input.mentions.every((m) => m.type !== 'condition' || m.id === 'hypertension');
}

export const extractLabs: Extractor = (given) => {
  const raw = withAlternates(given);
  const input: LabInput = raw.mentions.every((m) => isMeasure(m, raw.text))
    ? raw
    : { ...raw, mentions: raw.mentions.filter((m) => isMeasure(m, raw.text)) };
  const pairs = bloodPressurePairs(input);
  const labMentions = input.mentions.filter((m) => m.type === 'lab');
  if (!labMentions.length) return pairs.filter((f) => bloodPressureReadable(f, input));
  const { text, kind } = input;
  let readings: LabReading[] = [];
  const conditional: Group[] = [];
  /** Limits written as permissions ("isolated bilirubin > 1.5 × ULN is acceptable if …"). */
  const permitted: Array<{ group: Group; condition: Condition }> = [];
  const consumed: Array<[number, number]> = [];
  let consumedTo = 0;
  for (const group of groupsOf(text, labMentions)) {
    if (group.start < consumedTo) continue;
    const before = clauseBefore(text, group.start, consumed);
    const sameSentence = readings.some(
      (r) => r.end > sentenceStart(text, group.start) && /^[\s,]*(?:with|and)\b/i.test(text.slice(r.end, group.start)),
    );
    const reading = readGroup(group, input, labMentions, !sameSentence);
    const readEnd = reading?.end ?? group.end;
    const after = text.slice(readEnd, sentenceEnd(text, readEnd));
    consumedTo = readEnd;
    // "are eligible if …" in an exclusion names a way back in; in an inclusion it is the requirement,
    // unless a subgroup opens the sentence ("Participants with HIV are eligible if CD4 ≥ 350").
    const eligible = ELIGIBLE_BEFORE.test(before) && (kind === 'exclusion' || SUBJECT_WITH_BEFORE.test(before));
    const head = SUBGROUP_HEAD.exec(before);
    if (head && reading) {
      // One limit for one subgroup binds only that subgroup.
      const sub = unparsedLeaf(head[1]!);
      const condition =
        kind === 'exclusion' ? allOf([sub, reading.condition]) : anyOf([opposite(sub), reading.condition]);
      consumed.push([group.start, reading.end]);
      readings.push({
        ...reading,
        condition,
        spans: [...reading.spans, [Math.max(0, group.start - head[0].trimStart().length), group.start]],
      });
      continue;
    }
    if (HISTORY_BEFORE.test(before)) continue;
    // "Low dose warfarin with PT-INR ≤ 1.5 × ULN is permitted": a permission, not a limit. "If the
    // liver has tumor involvement, AST and ALT ≤ 5 × ULN are acceptable" relaxes an earlier limit for a
    // subgroup: that limit must not fail the subgroup on its own.
    if (PERMITTED_AFTER.test(after)) {
      if (CONDITIONAL_BEFORE.test(before)) conditional.push(group);
      else if (reading) permitted.push({ group, condition: reading.condition });
      continue;
    }
    if (
      !eligible &&
      (CONDITIONAL_BEFORE.test(before) ||
        (SUBJECT_WITH_BEFORE.test(before) && MODAL_AFTER.test(after) && !(kind === 'exclusion' && EXCLUDED_AFTER.test(after))))
    ) {
      conditional.push(group);
      continue;
    }
    if (!reading) continue;
    consumed.push([group.start, reading.end]);
    let condition = reading.condition;
    const excepted = input.scopes.in('exception', group.start);
    // Words inside the exception before the limit ("except low dose warfarin …, as long as the").
    const exception = excepted
      ? input.scopes.scopes.find((sc) => sc.kind === 'exception' && group.start >= sc.start && group.start < sc.end)
      : undefined;
    const inException = exception ? text.slice(exception.start, group.start) : '';
    const restated = ELIGIBLE_BEFORE.test(inException);
    const sentenceBefore = text.slice(sentenceStart(text, group.start), group.start);
    const subgroupExcluded = EXCLUDED_IF_BEFORE.test(inException);
    if (kind === 'exclusion' && exception && (restated || subgroupExcluded)) {
      // Inside an exception, "as long as the INR is ≤ 2.0" restates the way in and "who are excluded
      // if direct bilirubin > 1.5 × ULN" the exclusion of the excepted subgroup: either binds only that
      // subgroup, which the reader cannot tell, so the limit never excludes on its own.
      const limit = restated ? opposite(condition) : condition;
      const scope = (restated ? before : sentenceBefore).trim();
      readings.push({ ...reading, condition: allOf([limit, unparsedLeaf(scope || 'the excepted subgroup')]) });
      continue;
    }
    if (excepted !== eligible) {
      // The limit is a way in, not a requirement: it binds only a subgroup, so inclusions leave it
      // unread; exclusions state its opposite (what still excludes).
      if (kind === 'inclusion') continue;
      condition = opposite(condition);
    }
    readings.push({ ...reading, condition });
  }

  // A transfusion note ("the use of transfusion to achieve Hgb >= 10 g/dL is acceptable") restates
  // a limit without adding one: it is covered by the reading before it, and nothing inside it is read.
  const notes: Array<[number, number]> = [];
  for (const r of readings) {
    const note = HARMLESS_NOTE.exec(text.slice(r.end));
    if (note && note[0].trim()) notes.push([r.end, r.end + note[0].length]);
  }
  readings = readings.filter((r) => !notes.some(([a, b]) => r.group.start >= a && r.group.start < b));

  const out: Finding[] = [];
  readings.forEach((r, i) => {
    let { condition } = r;
    const spans = [...r.spans];
    let end = r.end;
    const note = notes.find(([a]) => a === r.end);
    if (note) {
      spans.push(note);
      end = note[1];
    }
    const nextStart = readings[i + 1]?.group.start ?? text.length;
    const rest = text.slice(end, Math.max(end, nextStart));
    const laterConditional = conditional.some(
      (g) => g.start > sentenceEnd(text, r.end) && g.labs.some((l) => r.group.labs.includes(l)),
    );
    const otherLab = labMentions.some((m) => m.start >= end && m.start < nextStart && !r.group.labs.includes(m.id));
    // "Total bilirubin ≤ 1.5 × ULN (isolated bilirubin > 1.5 × ULN is acceptable if …)": a later
    // permission for the same lab beyond the limit relaxes it for patients the reader cannot tell.
    const relaxedBy = permitted.find((p) => p.group.start >= end && beyond(p.condition, condition))?.group;
    // "pulse oximetry ≥ 92% on room air or FVC ≥ 50%": the measuring condition may stand before the "or".
    const orRest = OR_AFTER.test(rest) ? rest.replace(OR_AFTER, '') : '';
    const unread = (s: string): LeafCondition =>
      unparsedLeaf(s.replace(/^[\s,;.)(:]+/, '').slice(0, 200) || 'the rest of this criterion');
    const restOfSentence = text.slice(end, sentenceEnd(text, end));
    // "Total bilirubin ≤ 1.5 × ULN (unconjugated bilirubin < 3 × ULN for patients with known Gilbert
    // syndrome)": another lab's limit for an exempt subgroup, in brackets right after the limit,
    // replaces the limit for that subgroup.
    const close = /^\s*\(\s*$/.test(rest) && nextStart < text.length ? text.indexOf(')', nextStart) : -1;
    const aside = close > 0 ? text.slice(nextStart, close) : '';
    // "≥ 60 mL/min for subjects with creatinine > 1.5 × ULN" names the other alternative's complement: nothing to add.
    const subgroupOfOwnLab = labMentions.some(
      (m) => m.start >= end && m.start < end + restOfSentence.length && r.group.labs.includes(m.id),
    );
    if (relaxedBy && kind === 'inclusion') {
      condition = anyOf([condition, unread(text.slice(relaxedBy.start, sentenceEnd(text, relaxedBy.end)))]);
    } else if (SUBGROUP_AFTER.test(restOfSentence) && !otherLab && !subgroupOfOwnLab) {
      // Only the subgroup is bound: unknown for everyone else, never a verdict on a guess.
      const u = unread(restOfSentence);
      condition = kind === 'inclusion' ? anyOf([condition, opposite(u)]) : allOf([condition, u]);
    } else if (
      ((EXEMPTION.test(rest) ||
        (SITE_SUBGROUP_AFTER.test(rest) && !leavesOf(condition).some((l) => l.fact === 'metastaticSite'))) &&
        !otherLab) ||
      laterConditional ||
      EXEMPTION.test(aside)
    ) {
      // An exemption the rule does not capture must not let the limit fail (inclusion) or
      // exclude (exclusion) on its own.
      const u = unread(
        EXEMPTION.test(aside) ? aside : laterConditional && !EXEMPTION.test(rest) ? text.slice(sentenceEnd(text, r.end) + 1) : rest,
      );
      condition = kind === 'inclusion' ? anyOf([condition, u]) : allOf([condition, opposite(u)]);
    } else if (kind === 'inclusion' && orRest && !onlyConnectives(orRest) && !(readings[i + 1] && !/[;.]/.test(rest))) {
      // "LVEF ≥ 50% or ≥ the institutional lower limit of normal": an unread alternative (unless the
      // words lead to the next reading, whose alternative the "or" makes it). Its words
      // are this reading's own leaf, so they are this reading's span: left between readings, their
      // "or" would become the conjunction of the whole list ("WBC ≥ 3.0; Hb ≥ 9; INR < 2.3 or PT < 6 s;
      // albumin > 28" had made every limit an alternative).
      condition = anyOf([condition, unread(orRest)]);
      const own = rest.replace(/[\s,;.]+$/, '');
      if (own) spans.push([end, end + own.length]);
    }
    // The words since the last reading in this sentence ("urinalysis showing urinary protein < 2+ or").
    const since = Math.max(sentenceStart(text, r.group.start), ...consumed.map(([, b]) => b).filter((b) => b <= r.group.start));
    const clause = text.slice(since, r.group.start);
    const clauseLeaf = (): LeafCondition => unread(clause.replace(/^[\s,;]*(?:and|or)?\s*/i, '').replace(/\s+/g, ' ').trim());
    if (kind === 'inclusion' && LIMIT_OR_BEFORE.test(clause)) condition = anyOf([clauseLeaf(), condition]);
    if (kind === 'exclusion') {
      // An exclusion needs every limit joined by "and"; one left unread keeps the verdict open.
      if (AND_LIMIT_AFTER.test(rest) && !otherLab) condition = allOf([condition, unread(restOfSentence)]);
      if (LIMIT_AND_BEFORE.test(clause)) condition = allOf([clauseLeaf(), condition]);
    }
    if (kind === 'inclusion' && DANGLING_OR.test(text))
      condition = anyOf([condition, unparsedLeaf('the alternative in the neighbouring criterion')]);
    const prevEnd = i > 0 ? readings[i - 1]!.end : 0;
    const head = ORGAN_HEAD.exec(text.slice(Math.max(prevEnd, sentenceStart(text, r.group.start)), r.group.start));
    if (head && head[0].trim()) spans.push([r.group.start - head[0].length, r.group.start]);
    // "1) Serum M-protein ≥ 0.5 g/dL; or 2) Urine M-protein ≥ 200 mg/24 hours": alternatives of one
    // list are one finding, so their "or" binds them and not the requirements around the list.
    // Not when "and" or "with" ties either one closer to a neighbour ("bilirubin ≤ ULN; or ≤ 3 × ULN
    // with direct bilirubin ≤ ULN"): "and" binds before "or", and the assembler says so.
    const prev = out[out.length - 1];
    const before = i > 1 ? text.slice(readings[i - 2]!.end, readings[i - 1]!.group.start) : '';
    if (
      kind === 'inclusion' &&
      prev &&
      i > 0 &&
      LIST_OR.test(text.slice(readings[i - 1]!.end, r.group.start)) &&
      !BARE_AND.test(before) &&
      !AND_NEXT.test(text.slice(end, sentenceEnd(text, end))) &&
      !boundToSubgroup(prev.condition) &&
      !boundToSubgroup(condition)
    ) {
      prev.condition = anyOf([prev.condition, condition]);
      prev.spans.push(...spans);
      return;
    }
    // "Uncontrolled hypertension (SBP ≥ 150 mmHg or DBP ≥ 90 mmHg)": in an exclusion the two limits
    // are one definition, either one out of range; as one finding their "or" binds them, not the
    // hypertension before them (which would otherwise hold the systolic limit and not the diastolic).
    if (
      kind === 'exclusion' &&
      prev &&
      i > 0 &&
      BP_OR.test(text.slice(readings[i - 1]!.end, r.group.start)) &&
      onlyBloodPressure(prev.condition) &&
      onlyBloodPressure(condition) &&
      bpNames(prev.condition) !== bpNames(condition)
    ) {
      prev.condition = anyOf([prev.condition, condition]);
      prev.spans.push(...spans);
      return;
    }
    out.push({ category: 'labs', condition, spans, anchor: r.group.start, polarityHandled: true });
  });
  const all = pairs.length ? [...out, ...pairs].sort((a, b) => (a.anchor ?? 0) - (b.anchor ?? 0)) : out;
  const read = all.filter((f) => bloodPressureReadable(f, input));
  // An item under a lead-in that lets a group in on conditions ("Known HIV infection unless all of the
  // following are applicable:", "Patients with HIV are only eligible for inclusion if they meet all the
  // following criteria:") binds only that group, which stays unread: in an exclusion it excludes by
  // its opposite, all(group, not the limit); in an inclusion it is any(not the group, the limit). Each
  // item so read, the items together let the group in only when all of them hold.
  const lead = given.context[given.context.length - 1];
  if (lead && WAY_IN_LEAD.test(lead) && !/\bany\s+of\b/i.test(lead) && (kind === 'exclusion' || GROUP_LEAD.test(lead))) {
    const group = unparsedLeaf(lead.split(/(?<=[.;])\s+/).pop()!);
    for (const f of read)
      f.condition = kind === 'exclusion' ? allOf([group, opposite(f.condition)]) : anyOf([opposite(group), f.condition]);
  }
  return read;
};

/** A lead-in whose items must all hold for a group to come in: "… unless all of the following are applicable:", "… may be eligible if ALL of the following are met:", "… are eligible if they are:". */
export const WAY_IN_LEAD =
  /\b(?:unless|(?:(?:may|can|will)\s+(?:only\s+)?be|(?:are|is))\s+(?:only\s+)?(?:eligible|enrolled|included|allowed|permitted)(?:\s+for\s+(?:inclusion|enrol{1,2}ment|the\s+study|participation))?\s+(?:only\s+)?(?:if|provided(?:\s+that)?|when))\b[^:]{0,80}:\s*$/i;
/** The group a lead-in lets in: "Patients with HIV …", "Participants who have …". */
export const GROUP_LEAD = /\b(?:patients?|participants?|subjects?|individuals?|those)\s+(?:with|who\s+(?:have|has|are))\b/i;

// ---------------------------------------------------------------------------------------------------
// Life expectancy.

/** "a cancer-related life expectancy of more than 5 years" (of another cancer) is that cancer's prognosis, not the patient's. */
const LIFE_NAME =
  /(?<!\b(?:cancer|disease|tumou?r|malignancy)[\s-]+related\s+)\b(?:(?:(?:considered|judged|deemed|estimated|assessed)\s+by\s+the\s+(?:treating\s+)?(?:investigators?|physicians?)\s+to\s+have\s+)?(?:(?:an?|the)\s+)?(?:(?:estimated|expected|anticipated|predicted|projected|minimum|minimal|approximate)\s+)?(?:life[\s-]+expectancy|life[\s-]?span|(?:expected|estimated|predicted|anticipated)\s+(?:overall\s+)?survival(?:\s+(?:time|duration|period))?|survival\s+expectancy|expectation\s+of\s+life))\b/gi;
/** Words between the name and the value: "of", "is", "must be". */
const LIFE_LEAD_WORD =
  /\s*(?:[:=,-]|\b(?:of|is|are|must|should|be|have|has|a|an|the|expected|estimated|anticipated|predicted|to|deemed|judged|considered|time|duration|period|or|for)\b)/iy;
const LIFE_NUMBER =
  '(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|eight|nine|ten|twelve|sixteen|twenty[- ]four|eighteen)\\s*(?:\\(\\s*\\d+\\s*\\)\\s*)?(weeks?|wks?|months?|mos?|years?|yrs?|days?)\\b';
const LIFE_VALUE = new RegExp(`\\s*(?:${COMPARATOR}\\s*)?${LIFE_NUMBER}(?:\\s*${SUFFIX_COMPARATOR})?`, 'iy');
const LIFE_NUMBER_RE = new RegExp(LIFE_NUMBER, 'i');
const LIFE_TRAIL =
  /(?:\s*(?:\(\s*(?:about|approximately|approx\.?|~)?\s*\d+\s*(?:months?|weeks?)\s*\)|,?\s*(?:as\s+)?(?:(?:assessed|estimated|determined|judged|deemed|documented|clinically\s+estimated)\s+by|per|according\s+to|in\s+the\s+(?:opinion|judgment|judgement)\s+of)\s+(?:the\s+)?(?:treating\s+|enrolling\s+)?(?:investigators?|physicians?|oncologists?|doctors?|clinicians?|pi)(?:'s)?(?:\s+(?:judgment|judgement|opinion|assessment))?))*/iy;

/**
 * Life expectancy in months. Weeks and days are converted with the mean month (30.44 days; 4.345
 * weeks) and rounded so the rule is never stricter than written: a lower bound ("≥ 12 weeks" =
 * 2.76 months) rounds down to one decimal (≥ 2.7), an upper bound rounds up.
 */
export function toMonths(value: number, unit: string, op: Comparison): number {
  const u = unit.toLowerCase();
  const months = /^w/.test(u) ? value / 4.345 : /^d/.test(u) ? value / 30.44 : /^y/.test(u) ? value * 12 : value;
  if (Number.isInteger(months)) return months;
  const lower = op === 'greaterThanInclusive' || op === 'greaterThan';
  return lower ? Math.floor(months * 10) / 10 : Math.ceil(months * 10) / 10;
}

export const extractLifeExpectancy: Extractor = (input) => {
  const { text } = input;
  if (!/life|surviv/i.test(text)) return [];
  const out: Finding[] = [];
  LIFE_NAME.lastIndex = 0;
  for (let m = LIFE_NAME.exec(text); m; m = LIFE_NAME.exec(text)) {
    let at = m.index + m[0].length;
    for (let guard = 0; guard < 12 && !sticky(COMP_AT, text, at) && sticky(LIFE_LEAD_WORD, text, at); guard++)
      at = LIFE_LEAD_WORD.lastIndex;
    const v = sticky(LIFE_VALUE, text, at);
    if (!v) continue;
    let end = LIFE_VALUE.lastIndex;
    // "Life expectancy 3 months", "life expectancy of 12 weeks": a bare duration is a minimum.
    const op = comparisonOf(v.groups) ?? (input.kind === 'inclusion' ? 'greaterThanInclusive' : null);
    const n = LIFE_NUMBER_RE.exec(v[0]);
    if (!op || !n) continue;
    const value = toNumber(n[1]!.replace(/-/g, ' ')) ?? NaN;
    if (!Number.isFinite(value) || value <= 0 || value > 600) continue;
    if (sticky(LIFE_TRAIL, text, end)) end = LIFE_TRAIL.lastIndex;
    out.push({
      category: 'life_expectancy',
      condition: { fact: 'lifeExpectancyMonths', operator: op, value: toMonths(value, n[2]!, op) },
      spans: [[m.index, end]],
      polarityHandled: true,
    });
    LIFE_NAME.lastIndex = end;
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------
// Age- and sex-banded limit tables.

/** A lead-in that opens a table of limits by age and sex: "A serum creatinine based on age/gender as follows: (mg/dL)". */
const BANDED_LEAD_IN = /\b(?:based\s+on|by|according\s+to|adjusted\s+(?:for|to))\s+(?:the\s+)?(?:patient'?s\s+)?(?:age|gender|sex)\b|\bage\s*(?:\/|and|or)\s*(?:gender|sex)\b/i;
const AGE_UNIT = String.raw`(?:months?|mos?|years?|yrs?)`;
/** "6 months to < 1 year", "Age 1 to < 2 years;", ">= 16 years", "13 to < 16 years:". */
const BAND_ROW = new RegExp(
  String.raw`^\s*(?:age\s*:?\s*)?(?:(?<lo>\d+(?:\.\d+)?)\s*(?<lou>${AGE_UNIT})?\s*(?:to|-|–)\s*(?:<|less\s+than|under)\s*(?<hi>\d+(?:\.\d+)?)\s*(?<hiu>${AGE_UNIT})|(?:>=|≥|=>)\s*(?<min>\d+(?:\.\d+)?)\s*(?<minu>${AGE_UNIT}))\s*(?:of\s+age\s*)?[;:,]?\s*`,
  'i',
);
/** "male: 1.5 female: 1.4", "1.5 mg/dL (male); 1.4 mg/dL (female)", or one value for both sexes. */
const SEX_VALUE_BEFORE = new RegExp(String.raw`\s*[;,]?\s*(?<sex>male|female|boys?|girls?|men|women)\s*:?\s*(?<n>\d+(?:\.\d+)?)`, 'iy');
const VALUE_SEX_AFTER = /\s*[;,]?\s*(?<n>\d+(?:\.\d+)?)(?<unit>\s*[a-zµ/%.]+(?:\s*\/\s*[a-z]+)?)?\s*\(\s*(?<sex>male|female|boys?|girls?|men|women)\s*\)/iy;
const ONE_VALUE = /\s*(?<n>\d+(?:\.\d+)?)(?<unit>\s*[a-zµ/%.]+(?:\s*\/\s*[a-z]+)?)?\s*[.;]?\s*$/iy;
const UNIT_IN_LEAD_IN = /\b(?:mg|µmol|umol|micromol)\s*\/\s*d?l\b/i;

function ageYears(n: number, unit: string | undefined): number {
  return unit && /^mo/i.test(unit) ? n / 12 : n;
}

/** Age outside [lo, hi) as leaves over whole years; a band edge in months leaves the first year undecided. */
function outsideBand(lo: number | null, hi: number | null, words: string): Condition {
  const parts: Condition[] = [];
  let fractional = false;
  if (lo !== null && lo > 0) {
    if (Number.isInteger(lo)) parts.push({ fact: 'age', operator: 'lessThan', value: lo });
    else {
      fractional = true;
      if (Math.floor(lo) > 0) parts.push({ fact: 'age', operator: 'lessThan', value: Math.floor(lo) });
    }
  }
  if (hi !== null) {
    if (!Number.isInteger(hi)) fractional = true;
    parts.push({ fact: 'age', operator: 'greaterThanInclusive', value: Math.ceil(hi) });
  }
  if (fractional) parts.push(unparsedLeaf(`age outside ${words}`));
  return anyOf(parts);
}

/**
 * A row of a limit table by age and sex under its lead-in, the format of Children's Oncology Group
 * protocols ("{A serum creatinine based on age/gender as follows: (mg/dL)} 13 to < 16 years male: 1.5
 * female: 1.4"). Each row limits only patients of its age band (and sex), so it reads as "outside
 * the band, or within the limit": any(age outside, all(any(sex ≠ male, creatinine ≤ 1.5), any(sex ≠
 * female, creatinine ≤ 1.4))). The limit is a ceiling or a floor by the lab's side of the normal
 * range. An alternative the lead-in offers ("Creatinine clearance … ≥ 70 mL/min/1.73 m² or a serum
 * creatinine based on age/gender") stays an unread alternative beside each row.
 */
export const extractBandedLimits: Extractor = (input) => {
  const { text, context, contextMentions, kind } = input;
  if (kind !== 'inclusion' || !context.length) return [];
  const lead = context[context.length - 1]!;
  const leadAt = context.join('\n').length - lead.length;
  const band = BAND_ROW.exec(text);
  if (!band) return [];
  const age = BANDED_LEAD_IN.exec(lead);
  if (!age) return [];
  // The lab of the table: the last one the lead-in names before its age words.
  const labMention = contextMentions
    .filter((m) => m.type === 'lab' && m.start >= leadAt && m.end <= leadAt + age.index)
    .pop();
  if (!labMention) return [];
  const lab = input.lex.labById.get(labMention.id);
  if (!lab || (lab.normal !== 'upper' && lab.normal !== 'lower')) return [];
  const op: Comparison = lab.normal === 'upper' ? 'lessThanInclusive' : 'greaterThanInclusive';

  const g = band.groups!;
  const lo = g.min !== undefined ? ageYears(Number(g.min), g.minu) : ageYears(Number(g.lo), g.lou ?? g.hiu);
  const hi = g.hi !== undefined ? ageYears(Number(g.hi), g.hiu) : null;
  const bandWords = band[0].replace(/^\s*age\s*:?\s*/i, '').replace(/[\s;:,]+$/, '');

  // The values, each for a sex or for both.
  const values: Array<{ sex: 'male' | 'female' | null; n: number; unit?: string }> = [];
  let at = band[0].length;
  for (let guard = 0; guard < 2; guard++) {
    const a = sticky(SEX_VALUE_BEFORE, text, at);
    if (a) {
      values.push({ sex: /^(?:male|boy|men)/i.test(a.groups!.sex!) ? 'male' : 'female', n: Number(a.groups!.n) });
      at = SEX_VALUE_BEFORE.lastIndex;
      continue;
    }
    const b = sticky(VALUE_SEX_AFTER, text, at);
    if (b) {
      values.push({
        sex: /^(?:male|boy|men)/i.test(b.groups!.sex!) ? 'male' : 'female',
        n: Number(b.groups!.n),
        ...(b.groups!.unit ? { unit: b.groups!.unit.trim() } : {}),
      });
      at = VALUE_SEX_AFTER.lastIndex;
      continue;
    }
    break;
  }
  if (!values.length) {
    const one = sticky(ONE_VALUE, text, at);
    if (!one) return [];
    values.push({ sex: null, n: Number(one.groups!.n), ...(one.groups!.unit ? { unit: one.groups!.unit.trim() } : {}) });
    at = ONE_VALUE.lastIndex;
  }
  if (text.slice(at).replace(/[\s.;,]/g, '')) return [];
  if (values.length === 2 && values[0]!.sex === values[1]!.sex) return [];

  // The unit: written in the row, or once in the lead-in ("(mg/dL)").
  const leadUnit = UNIT_IN_LEAD_IN.exec(lead);
  const leaves: Array<{ sex: 'male' | 'female' | null; leaf: LeafCondition }> = [];
  for (const v of values) {
    const written = v.unit ?? (leadUnit ? leadUnit[0] : '');
    const unit = readUnit(written, 0);
    if (!unit || unit.end < written.trim().length) return [];
    const leaf = leafFor(lab.id, { op, value: v.n, unit: unit.unit, start: 0, end: 0, inherited: false }, input);
    if (!leaf) return [];
    leaves.push({ sex: v.sex, leaf });
  }
  const sameLimit = leaves.every((l) => l.leaf.value === leaves[0]!.leaf.value);
  const limit: Condition =
    sameLimit && (leaves.length === 2 || leaves[0]!.sex === null)
      ? leaves[0]!.leaf
      : allOf(
          leaves.map((l) =>
            l.sex ? anyOf([{ fact: 'sex', operator: 'notEqual', value: l.sex }, l.leaf]) : l.leaf,
          ),
        );
  const parts: Condition[] = [outsideBand(lo, hi, bandWords), limit];
  // "Creatinine clearance … ≥ 70 mL/min/1.73 m² or a creatinine based on age/gender": the other way in.
  const orBefore = /^(.*\S)\s*,?\s+or\s+(?:an?\s+|the\s+)?(?:serum\s+|plasma\s+)?$/is.exec(
    lead.slice(0, labMention.start - leadAt),
  );
  if (orBefore && contextMentions.some((m) => m.type === 'lab' && m.start >= leadAt && m.end <= leadAt + orBefore[1]!.length))
    parts.push(unparsedLeaf(orBefore[1]!));
  return [
    {
      category: 'labs',
      condition: anyOf(parts),
      spans: [[0, text.length]],
      polarityHandled: true,
    },
  ];
};

export const LAB_EXTRACTORS: Extractor[] = [extractLabs, extractLifeExpectancy, extractBandedLimits];
