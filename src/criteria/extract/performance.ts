/**
 * Performance status: ECOG / WHO (French OMS) / Zubrod / GOG grades (one 0–5 scale; Oken et al. 1982) and
 * Karnofsky / Lansky scores (0–100). "ECOG 0-1", "Eastern Cooperative Oncology Group (ECOG)
 * performance status of 0, 1 or 2", "ECOG PS ≤ 1", "WHO PS 0-1", "KPS ≥ 70%", "Karnofsky score 60
 * or greater", "Performance status: ECOG </= 2 for patients >/= 16 years old or Lansky play >/= 60%
 * for patients </= 15 years old".
 *
 * Decisions:
 * - Lansky (the play-performance scale for children, Lansky SL et al., Cancer 1987;60:1651) shares
 *   Karnofsky's 0–100 range and grade descriptions scaled to play; its limits are read as karnofsky.
 * - A name with no scale ("performance status 0-2", "PS ≤ 1") is ECOG when the values are 0–5 and
 *   Karnofsky when they are multiples of ten from 10 to 100.
 * - A second scale after the first ("ECOG ≤ 2 (Karnofsky ≥ 60%)", "KPS ≥ 50% (or ECOG/WHO ≤ 2)") is
 *   an alternative: any(ecog ≤ 2, karnofsky ≥ 60). The evaluator converts between the scales with
 *   rules/performance-status.json, so a patient who meets either is not failed.
 * - A range that starts at the best grade ("ECOG 0-1", "Karnofsky 80-100") is one bound (ecog ≤ 1,
 *   karnofsky ≥ 80); "ECOG 1-2" keeps both bounds, as written.
 * - A status named adequate or poor with no value is the study team's question
 *   (attestation adequate_performance_status).
 * - Limits for age groups ("… for patients ≥ 16 years … or Lansky ≥ 60% for patients ≤ 15 years")
 *   become one finding: each limit together with its age group.
 */
import type { Condition, LeafCondition } from '../facts';
import { ageLeaves, readAgeBound } from './age-phrases';
import type { ExtractInput, Extractor, Finding } from './extractor';
import type { CriterionKind } from '../segment';
import { COMPARATOR, SUFFIX_COMPARATOR, comparisonOf, type Comparison } from './comparators';
import { allOf, anyOf, opposite } from './labs';

type Scale = 'ecog' | 'karnofsky' | 'unknown';

const ECOG_NAME = String.raw`ECOG|E\.C\.O\.G\.?|OMS|Easte?rn\s+Co(?:operative|llaborative)\s+(?:Oncology\s+)?Group(?:'s)?|WHO|World\s+Health\s+Organi[sz]ation|Zubrod|GOG|Gynecologic\s+Oncology\s+Group`;
const KPS_NAME = String.raw`Karnofsky|KPS|Lansky|LPS|jansky`;
const GENERIC_NAME = String.raw`performance\s+(?:status|score|scale)|PS|physical\s+(?:condition|status)(?:\s+(?:score|scoring\s+standard))?|clinical\s+performance`;
/** One name, or a run of names and the words that join them: "Eastern Cooperative Oncology Group (ECOG) performance status (PS)". */
const NAME_RUN = new RegExp(
  String.raw`\b(?:${ECOG_NAME}|${KPS_NAME}|${GENERIC_NAME})\b(?:(?:\s*[(/,:-]\s*|\s+(?:or|and/or|according\s+to|corresponding\s+to|of|per|on\s+the)\s+|\s+)(?:the\s+)?(?:${ECOG_NAME}|${KPS_NAME}|${GENERIC_NAME}|performance|play|scale|score|status|index|level|scoring\s+(?:system|standard)|grade|criteria|\(?age[\s-]dependent\)?)\b(?:\s*\))?)*`,
  'gi',
);
const ECOG_RE = new RegExp(`\\b(?:${ECOG_NAME})\\b`, 'i');
const KPS_RE = new RegExp(`\\b(?:${KPS_NAME})\\b`, 'i');

/** Words between the name and its value: "of", "is", "must be", "equal to", "score", ":". */
const LEAD =
  /(?:\s*(?:\(\s*(?:see\s+)?(?:appendix|attachment|annex)\s*[\w.]*\s*\)|[:(]|=(?!\s*[<>])|\b(?:of|is|are|must|should|be|equal(?:\s+to)?|score|scores|status|grade|level|value|corresponding\s+to|in\s+the\s+range\s+of|range\s+of|within|ranging\s+from|from)\b))*\s*/iy;
const NUM = '(\\d{1,3}|zero|one|two|three|four|five)\\s*%?';
const WORD_NUMBERS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5 };
const n = (raw: string): number => WORD_NUMBERS[raw.toLowerCase()] ?? Number(raw);
const RANGE = new RegExp(`(?:between\\s+)?${NUM}\\s*(?:-|–|~|to|through|and|<=|≤)\\s*${NUM}`, 'iy');
const LIST = new RegExp(`${NUM}(?:\\s*(?:,|/|or|and|and/or|,\\s*or|,\\s*and)\\s*${NUM})+`, 'iy');
const COMP_VALUE = new RegExp(`${COMPARATOR}\\s*(?:\\(\\s*[<>=]+\\s*\\)\\s*)?${NUM}`, 'iy');
const SINGLE = new RegExp(`${NUM}(?:\\s*${SUFFIX_COMPARATOR}|\\s*(?<better>or\\s+better))?`, 'iy');

interface PsValue {
  leaves: Array<{ op: Comparison | 'equal'; v: number }>;
  end: number;
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The value after a name: "0-1", "0, 1 or 2", "≤ 2", "≥ 70%", "60 or greater", "1 or better". */
function readPsValue(text: string, pos: number): PsValue | null {
  const lead = sticky(LEAD, text, pos);
  const at = lead ? LEAD.lastIndex : pos;
  let m = sticky(RANGE, text, at);
  if (m && !/^\d/.test(text.slice(RANGE.lastIndex))) {
    const a = n(m[1]!);
    const b = n(m[2]!);
    if (a < b) {
      return {
        leaves: [
          { op: 'greaterThanInclusive', v: a },
          { op: 'lessThanInclusive', v: b },
        ],
        end: RANGE.lastIndex,
      };
    }
  }
  m = sticky(LIST, text, at);
  if (m) {
    const nums = m[0].match(/\d{1,3}|zero|one|two|three|four|five/gi)!.map(n);
    return {
      leaves: [
        { op: 'greaterThanInclusive', v: Math.min(...nums) },
        { op: 'lessThanInclusive', v: Math.max(...nums) },
      ],
      end: LIST.lastIndex,
    };
  }
  m = sticky(COMP_VALUE, text, at);
  if (m) {
    const op = comparisonOf(m.groups);
    const num = /(\d{1,3}|zero|one|two|three|four|five)\s*%?\s*$/i.exec(m[0]);
    if (op && num) return { leaves: [{ op, v: n(num[1]!) }], end: COMP_VALUE.lastIndex };
  }
  m = sticky(SINGLE, text, at);
  if (m && !/^\s*(?:weeks?|months?|years?|days?|mg|ml|g\/|%\s*of)/i.test(text.slice(SINGLE.lastIndex))) {
    const op = m.groups?.better ? 'better' : comparisonOf(m.groups);
    return { leaves: [{ op: (op ?? 'equal') as Comparison | 'equal', v: n(m[1]!) }], end: SINGLE.lastIndex };
  }
  return null;
}

function scaleOf(name: string): Scale {
  const k = KPS_RE.test(name);
  const e = ECOG_RE.test(name);
  if (k && !e) return 'karnofsky';
  if (e && !k) return 'ecog';
  return 'unknown';
}

/** Leaves in one scale; null when the numbers cannot belong to it. */
function toLeaves(scale: Scale, value: PsValue, kind: 'inclusion' | 'exclusion'): LeafCondition[] | null {
  const nums = value.leaves.map((l) => l.v);
  let s = scale;
  if (s === 'unknown') {
    if (nums.every((n) => n <= 5)) s = 'ecog';
    else if (nums.every((n) => n >= 10 && n <= 100 && n % 10 === 0)) s = 'karnofsky';
    else return null;
  }
  const fact = s === 'ecog' ? 'ecog' : 'karnofsky';
  if (fact === 'ecog' && nums.some((n) => n > 5)) return null;
  // Karnofsky scores are multiples of ten; anything else is another number after the name.
  if (fact === 'karnofsky' && nums.some((n) => n > 100 || n % 10 !== 0)) return null;
  const out: LeafCondition[] = [];
  for (const l of value.leaves) {
    let op = l.op as Comparison | 'equal' | 'better';
    // "1 or better": lower is better on ECOG, higher on Karnofsky.
    if (op === 'better') op = fact === 'ecog' ? 'lessThanInclusive' : 'greaterThanInclusive';
    // A single Karnofsky score in an inclusion is a floor ("Karnofsky 70" = at least 70).
    if (op === 'equal' && fact === 'karnofsky' && kind === 'inclusion' && value.leaves.length === 1)
      op = 'greaterThanInclusive';
    // The best end of a range binds nobody: ECOG ≥ 0, Karnofsky ≤ 100.
    if (
      (fact === 'ecog' && op === 'greaterThanInclusive' && l.v === 0) ||
      (fact === 'karnofsky' && op === 'lessThanInclusive' && l.v === 100)
    )
      continue;
    out.push({ fact, operator: op, value: l.v } as LeafCondition);
  }
  return out.length
    ? out
    : [
        {
          fact,
          operator: fact === 'ecog' ? 'lessThanInclusive' : 'greaterThanInclusive',
          value: fact === 'ecog' ? 5 : 0,
        },
      ];
}

/** "(see Appendix A)", "at screening", "(ECOG criteria)", "on the ECOG scale" after a value. */
const TRAIL = new RegExp(
  String.raw`(?:\s*(?:\(\s*(?:see\s+)?(?:appendix|attachment|section|table)\s*[\w.]*\s*\)|\(\s*(?:${ECOG_NAME}|${KPS_NAME}|${GENERIC_NAME})(?:\s+(?:criteria|scale|score|status|performance\s+status))*\s*\)|(?:on|according\s+to|per|using|by)\s+(?:the\s+)?(?:${ECOG_NAME}|${KPS_NAME}|${GENERIC_NAME})(?:\s+(?:criteria|scale|score|scoring\s+system|performance\s+(?:status|scale)|ps))*|(?:${ECOG_NAME})(?:\s+(?:ps|criteria|scale|score))+|at\s+(?:the\s+time\s+of\s+)?(?:screening|baseline|registration|enrol?ment|randomi[sz]ation|study\s+entry|inclusion|consent)(?:\s+visit)?|\(\s*\)))*`,
  'iy',
);
/** An age group after a value: "for patients ≥ 16 years old", "(for patients aged 16 years or younger)". */
const AGE_GROUP =
  /\s*[(,]?\s*(?:for|in)\s+(?:(?:patients?|participants?|subjects?|children|adults?|those|people)\s+)?(?:(?:who\s+are|aged?|of\s+age)\s+)?/iy;

/**
 * Which scale to measure on by age, after the limit: "Use Karnofsky for patients > 16 years of age and
 * Lansky for patients ≤ 16 years of age" (the Children's Oncology Group wording). It sets no limit of
 * its own, so it is read as part of the limit before it; both age groups must be read as ages.
 */
const SCALE_BY_AGE = new RegExp(
  String.raw`\s*[;.,]?\s*use\s+(?:the\s+)?(?:${KPS_NAME})(?:\s+(?:score|scale))?\s+for\s+(?:patients?|participants?|subjects?|those)\s+(?:(?:who\s+are|aged?)\s+)?`,
  'iy',
);
const SCALE_BY_AGE_NEXT = new RegExp(
  String.raw`\s*,?\s*and\s+(?:the\s+)?(?:${KPS_NAME})(?:\s+(?:score|scale))?\s+for\s+(?:patients?|participants?|subjects?|those)\s+(?:(?:who\s+are|aged?)\s+)?`,
  'iy',
);

/** The end of a scale-by-age instruction at pos, or null. */
function scaleByAge(text: string, pos: number): number | null {
  if (!sticky(SCALE_BY_AGE, text, pos)) return null;
  const first = readAgeBound(text, SCALE_BY_AGE.lastIndex);
  if (!first || !first.framed || first.bounds.every((b) => b.op === 'equal')) return null;
  if (!sticky(SCALE_BY_AGE_NEXT, text, first.end)) return null;
  const second = readAgeBound(text, SCALE_BY_AGE_NEXT.lastIndex);
  if (!second || !second.framed || second.bounds.every((b) => b.op === 'equal')) return null;
  const close = /^[\s.;]*$/.exec(text.slice(second.end));
  return close ? text.length : null;
}

interface PsReading {
  scale: Scale;
  leaves: LeafCondition[];
  start: number;
  end: number;
  age?: Condition;
}

export const extractPerformance: Extractor = (input) => {
  const { text, kind } = input;
  const care = selfCare(text, kind);
  if (care.length) return care;
  const asa = asaClass(text);
  const scales = readScales(input, asa);
  return asa ? [asa, ...scales] : scales;
};

function readScales(input: ExtractInput, asa: Finding | null): Finding[] {
  const { text, kind } = input;
  const contextScale = input.context.length ? scaleOfContext(input.context[input.context.length - 1]!) : null;
  if (
    !contextScale &&
    !/ECOG|Karnofsky|KPS|Lansky|LPS|WHO|OMS|Zubrod|GOG|performance|\bPS\b|Cooperative|physical/i.test(text)
  )
    return [];
  const readings: PsReading[] = [];
  NAME_RUN.lastIndex = 0;
  const runs: Array<{ start: number; end: number; name: string }> = [];
  for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
    // "WHO" and "PS" alone are often something else ("WHO classification", "PS = prostate specific").
    if (
      /^(?:WHO|OMS|PS|GOG)$/i.test(m[0].trim()) &&
      !/^\s*(?:PS|performance|[<>=]|\d|grade|score|of\s+\d)/i.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 14),
      )
    )
      continue;
    runs.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  }
  // "ASA physical status 1-3", "ASA PS > 3": the anaesthetists' scale, not ECOG.
  if (asa) {
    const [a, b] = asa.spans[0]!;
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.start < b && runs[i]!.end > a) runs.splice(i, 1);
  }
  // A PDQ child line under "Performance status:" starts with its value ("0-2", "Karnofsky 60-100%").
  if (contextScale && (!runs.length || runs[0]!.start > 0))
    runs.unshift({ start: 0, end: 0, name: contextScale === 'karnofsky' ? 'Karnofsky' : 'performance status' });
  for (const run of runs) {
    if (readings.length && run.start < readings[readings.length - 1]!.end) continue;
    const value = readPsValue(text, run.end);
    if (!value) continue;
    const leaves = toLeaves(scaleOf(run.name), value, kind);
    if (!leaves) continue;
    let end = value.end;
    const trail = sticky(TRAIL, text, end);
    if (trail) end += trail[0].length;
    let age: Condition | undefined;
    const ag = sticky(AGE_GROUP, text, end);
    if (ag) {
      const a = readAgeBound(text, AGE_GROUP.lastIndex);
      if (a && a.bounds.some((b) => b.op !== 'equal')) {
        const al = ageLeaves(a.bounds);
        age = al.length === 1 ? al[0]! : { all: al };
        end = a.end;
        const close = /^\s*\)/.exec(text.slice(end));
        if (close) end += close[0].length;
      }
    }
    readings.push({ scale: scaleOf(run.name), leaves, start: run.start, end, ...(age ? { age } : {}) });
  }
  if (!readings.length) return qualitative(text, kind);
  const cond = (r: PsReading): Condition => allOf(r.leaves);
  // Limits for age groups: one finding, each limit with its group.
  const aged = readings.filter((r) => r.age);
  const out: Finding[] = [];
  if (aged.length >= 2) {
    const parts = aged.map((r) => allOf([r.age!, cond(r)]));
    out.push({
      category: 'performance_status',
      condition: anyOf(parts),
      spans: aged.map((r): [number, number] => [r.start, r.end]),
      polarityHandled: true,
    });
  }
  // Two different limits on one scale with no age group ("ECOG 0 or 1 (Patients with disease related
  // ECOG 2 are allowed …)", "ECOG 0-1 for Cohort A …, ECOG 0-2 for Cohort B"): each holds for some
  // patients, never both for all. An inclusion needs one of them; an exclusion cannot say which
  // excludes, so it is left unread.
  const plain = readings.filter((r) => !r.age);
  const sameScale = plain.filter((r) => plain.some((o) => o !== r && o.leaves[0]!.fact === r.leaves[0]!.fact));
  if (new Set(sameScale.map((r) => JSON.stringify(r.leaves))).size > 1) {
    if (kind === 'inclusion')
      out.push({
        category: 'performance_status',
        condition: anyOf(
          sameScale
            .filter((r, i) => sameScale.findIndex((o) => JSON.stringify(o.leaves) === JSON.stringify(r.leaves)) === i)
            .map(cond),
        ),
        spans: sameScale.map((r): [number, number] => [r.start, r.end]),
        polarityHandled: true,
      });
    readings.splice(0, readings.length, ...readings.filter((r) => !sameScale.includes(r)));
  }
  for (const r of readings) {
    if (aged.length >= 2 && r.age) continue;
    const c = r.age ? (kind === 'exclusion' ? allOf([r.age, cond(r)]) : anyOf([opposite(r.age), cond(r)])) : cond(r);
    // "ECOG 0, 1 or 2. Use Karnofsky for patients > 16 years of age and Lansky for …": the scale to use, read with the limit.
    const byAge = r === readings[readings.length - 1] && !r.age ? scaleByAge(text, r.end) : null;
    out.push({ category: 'performance_status', condition: c, spans: [[r.start, byAge ?? r.end]], polarityHandled: true });
  }
  // A second scale after the first is an alternative ("ECOG ≤ 2 (Karnofsky ≥ 60%)").
  if (out.length === 2 && readings.length === 2 && !aged.length) {
    const [a, b] = readings as [PsReading, PsReading];
    const between = text.slice(a.end, b.start);
    if (
      a.scale !== b.scale &&
      a.scale !== 'unknown' &&
      b.scale !== 'unknown' &&
      /^\s*[(,;]?\s*(?:or\s+)?(?:\(\s*)?$/i.test(between)
    ) {
      const close = /^\s*\)/.exec(text.slice(b.end));
      return [
        {
          category: 'performance_status',
          condition: anyOf([cond(a), cond(b)]),
          spans: [
            [a.start, a.end],
            [b.start, b.end + (close ? close[0].length : 0)],
          ],
          polarityHandled: true,
        },
      ];
    }
  }
  return out;
}

/**
 * A performance status named good or poor with no value ("Adequate ECOG performance status", "Poor
 * performance status", "ECOG score as defined per protocol"): the level is the protocol's, so the
 * study team answers whether the patient meets it. Good in an inclusion, poor in an exclusion; a good
 * status among exclusions says nothing plain and is left unread.
 */
const QUALITATIVE =
  /\b(?:(?<good>adequate|acceptable|sufficient|good|satisfactory)|(?<poor>poor|inadequate|insufficient|unsatisfactory))\s+(?:(?:ECOG|WHO|Karnofsky|Lansky|clinical)\s+)?performance(?:\s+(?:status|score))?\b(?!\s+(?:of|[<>≤≥=]|\d|score\s+of))|\b(?:ECOG|performance)\s+(?:status\s+|score\s+)?(?:as\s+)?(?:defined|specified)\s+(?:per|in|by)\s+(?:the\s+)?protocol\b/i;

function qualitative(text: string, kind: CriterionKind): Finding[] {
  const m = QUALITATIVE.exec(text);
  if (!m) return [];
  const poor = m.groups?.poor !== undefined;
  if (poor !== (kind === 'exclusion')) return [];
  return [
    {
      category: 'performance_status',
      condition: { fact: 'attestation', operator: 'equal', value: !poor, params: { topic: 'adequate_performance_status' } },
      spans: [[m.index, m.index + m[0].length]],
      polarityHandled: true,
    },
  ];
}

/**
 * The ASA physical status classification (American Society of Anesthesiologists, ASA Physical Status
 * Classification System, last amended 2020: I healthy … VI brain-dead donor) grades fitness for
 * anaesthesia, not performance status. The record holds no ASA class, so the study team answers
 * whether the patient's class lies in the range the criterion names (asa_physical_status), in an
 * inclusion as required and in an exclusion as what excludes.
 */
const ASA_NUMERAL = String.raw`(?:IV|VI|V|I{1,3}|[1-6])`;
const ASA_RE = new RegExp(
  String.raw`(?:\b[Pp]hysical\s+[Ss]tatus\s+)?(?:\b[Aa]merican\s+[Ss]ociety\s+of\s+[Aa]na?esthesiolog\w*(?:\s*\(\s*ASA\s*\))?|\bASA(?:\s*\(\s*[Aa]merican\s+[Ss]ociety\s+of\s+[Aa]na?esthesiolog\w*\s*\))?)(?:\s+(?:[Pp]hysical\s+[Ss]tatus|PS|[Cc]lass(?:ification)?|[Gg]rade|[Ss]core|[Ss]tatus|[Cc]ategory))*\s*(?:of\s+|:\s*)?(?:(?:[<>≤≥]=?|=)\s*)?${ASA_NUMERAL}\b(?:\s*(?:-|–|to|or|,|and|\/)\s*${ASA_NUMERAL}\b)*(?:\s+(?:or|and)\s+(?:above|higher|greater|more|over|below|less|lower|worse|better)\b)?`,
);

function asaClass(text: string): Finding | null {
  if (!/ASA|[Aa]na?esthesiolog/.test(text)) return null;
  const m = ASA_RE.exec(text);
  if (!m) return null;
  const close = /^\s*\)/.test(text.slice(m.index + m[0].length)) && /\(\s*$/.test(text.slice(0, m.index));
  return {
    category: 'other',
    condition: { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'asa_physical_status' } },
    spans: [[m.index - (close ? 1 : 0), m.index + m[0].length + (close ? 1 : 0)]],
    polarityHandled: true,
  };
}

/**
 * Self-care in the words of the ECOG grades themselves (Oken et al. 1982): grade 4 is "Completely
 * disabled. Cannot carry on any selfcare. Totally confined to bed or chair." An exclusion of the
 * patient who is unable to care for themselves or is bedridden names that grade: ecog ≥ 4. Needing
 * help with, or being able to do, the activities of daily living has no grade of its own (grade 3
 * still allows limited self-care): the study team judges it (adequate_performance_status).
 */
const SELF_CARE_GRADE4 =
  /^\W*(?:(?:patients?|participants?|subjects?)\s+(?:who\s+(?:are|is)\s+)?)?(?:(?:unable|inability)\s+to\s+(?:perform\s+|carry\s+on\s+)?(?:any\s+)?self[\s-]?care|cannot\s+carry\s+on\s+any\s+self[\s-]?care|bed[\s-]?ridden|bed[\s-]?bound|(?:totally\s+)?confined\s+to\s+(?:a\s+)?bed(?:\s+or\s+(?:a\s+)?chair)?)\b/i;
const DAILY_LIVING =
  /^\W*(?:(?:patients?|participants?|subjects?|individuals?)\s+(?:who\s+|must\s+)?)?(?:(?<poor>(?:requir|need)(?:e|es|ed|ing)?|dependen(?:t|ce))\s+(?:on\s+)?(?:(?:continuous|constant|full[\s-]time|24\/7|\(24\/7\))\s+)*(?:assistance|help)\s+(?:with|for|in)\s+(?:(?:the|their|basic)\s+)*(?:activities\s+of\s+daily\s+living|ADLs?)|(?<good>(?:be\s+)?able\s+to\s+(?:perform|carry\s+out)\s+(?:(?:the|their|all|basic)\s+)*(?:activities\s+of\s+daily\s+living|ADLs?)|(?:be\s+)?(?:healthy|well)\s+enough\s+to\s+(?:do|carry\s+out|perform)\s+(?:their|his\s+or\s+her|the)?\s*(?:normal|usual|daily)\s+activities))(?:\s*\(ADLs?\))?/i;

function selfCare(text: string, kind: CriterionKind): Finding[] {
  const grade4 = SELF_CARE_GRADE4.exec(text);
  if (grade4 && kind === 'exclusion')
    return [
      {
        category: 'performance_status',
        condition: { fact: 'ecog', operator: 'greaterThanInclusive', value: 4 },
        spans: [[grade4.index, grade4.index + grade4[0].length]],
        polarityHandled: true,
      },
    ];
  const adl = DAILY_LIVING.exec(text);
  if (!adl) return [];
  const poor = adl.groups?.poor !== undefined;
  if (poor !== (kind === 'exclusion')) return [];
  return [
    {
      category: 'performance_status',
      condition: { fact: 'attestation', operator: 'equal', value: !poor, params: { topic: 'adequate_performance_status' } },
      spans: [[adl.index, adl.index + adl[0].length]],
      polarityHandled: true,
    },
  ];
}

function scaleOfContext(heading: string): Scale | null {
  if (!/^\s*(?:performance\s+status|karnofsky|ecog|lansky|zubrod)\b/i.test(heading) || heading.length > 40) return null;
  return KPS_RE.test(heading) ? 'karnofsky' : 'unknown';
}
