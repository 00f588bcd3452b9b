/**
 * How an earlier treatment ended, said of the treatment rather than before it (therapy.ts reads
 * "progressed on or intolerant to X" itself):
 *
 *   "Prior anti-LAG-3 and/or anti-PD-1 therapy was intolerable and required discontinuation of treatment"
 *        → priorTherapy(classes: [anti_lag3, anti_pd1], outcome: intolerance)
 *   "Discontinued prior anti-PD-1 therapy due to toxicity"
 *        → priorTherapy(classes: anti_pd1, outcome: intolerance)
 *   "Discontinuation of prior anti-PD-1 therapy due to grade 3 or 4 toxicities"
 *        → all(priorTherapy(classes: anti_pd1, outcome: intolerance), unread "grade 3 or 4")
 *   "Treatment must have been discontinued for disease progression or intolerance to therapy"
 *        → any(priorTherapy(kinds: systemic, outcome: progression), priorTherapy(…, outcome: intolerance))
 *   "Have experienced progression during or after treatment or discontinued from prior therapy due to intolerance"
 *        → the same
 *   "… anti-PD-1 antibody with documented progression or intolerability to the treatment"
 *        → the outcome after the list takes the second outcome too (outcomeAlsoAfter)
 *
 * The record's outcome 'intolerance' is a treatment stopped for its harms (THERAPY_OUTCOMES), which
 * is what "discontinued due to toxicity" says. A severity the fact cannot hold ("grade 3 or 4",
 * "severe", "immune-related") narrows the finding: it stays an unread leaf beside it, so the finding
 * is a necessary condition only. A sentence is read only when every word outside the treatment and
 * the reason is a subject or lead word: an alternative or a condition elsewhere in it ("… within 4
 * weeks, or discontinuation of …") leaves it to the other readers, since the finding would then be
 * joined to the rest as if both were required.
 */
import type { Condition, LeafCondition } from '../facts';
import type { ExtractInput, Finding } from './extractor';

type Span = [number, number];
type Outcome = 'progression' | 'intolerance';

/**
 * The therapy named by exactly the words of [a, b) with the given params (therapy.ts builds it from its
 * items), or null where a word there is not part of a treatment's name or a list word.
 */
export type TherapyIn = (a: number, b: number, params: Record<string, unknown>) => Condition | null;

/** A harm of the treatment that ended it. Severity words before it are captured apart (`sev`). */
const HARM = String.raw`(?:toxicit(?:y|ies)|intoleran(?:ce|t)|intolerabilit(?:y|ies)|adverse\s+(?:events?|effects?|reactions?)|AEs?|TEAEs?|side[\s-]effects?)`;
/** Words that say the harm was the treatment's, read with it. */
const OWN = String.raw`(?:(?:unacceptable|intolerable|treatment[\s-]related|drug[\s-]related|therapy[\s-]related|related)\s+)`;
/** Severity the outcome cannot hold: kept as an unread qualifier. */
const SEVERITY = String.raw`(?:(?:an?\s+)?(?:(?:CTCAE\s+)?grade\s*(?:≥|>=|=>|>)?\s*[2-4](?:\s*(?:or|and|-|–|\/)\s*(?:[34]|higher|greater|above|more|worse))?|severe|serious|life[\s-]threatening|immune[\s-]related|immune[\s-]mediated)\s+)`;
const PROGRESSION = String.raw`(?:(?:documented|radiographic|radiological|confirmed|clinical)\s+)*(?:disease\s+)?(?:progression|relapse|progressive\s+disease)`;
/** One reason: progression, or a harm with its words. */
const REASON_ONE = String.raw`(?:${PROGRESSION}|(?:an?\s+)?${OWN}?(?<sev>${SEVERITY}+)?${OWN}?${HARM})`;
/** The reasons, and what they were of ("intolerance to therapy", "toxicity from the treatment"). */
const REASON = String.raw`(?<why>${REASON_ONE}(?:\s*(?:,|\bor\b|\band\/or\b|\/)\s*${REASON_ONE.replace('(?<sev>', '(?<sev2>')})?)(?:\s+(?:to|from|of|with)\s+(?:the\s+|that\s+|this\s+|such\s+|prior\s+)?(?:treatment|therapy|regimen))?`;
const BECAUSE = String.raw`\s+(?:due\s+to|because\s+of|owing\s+to|for|secondary\s+to)\s+`;
const WAS = String.raw`\s+(?:must\s+have\s+been|was|were|has\s+been|had\s+been|have\s+been|is|are)\s+`;

/** "Discontinued (from) X due to toxicity", "permanent discontinuation of X for intolerance". */
const STOPPED_BEFORE = new RegExp(
  String.raw`\b(?:(?:permanent(?:ly)?|prior|previous|early)\s+)?(?:discontinu(?:ed|ation)|stopped|cessation)\s+(?:(?:of|from|with)\s+)?(?<x>[^.;]{2,120}?)${BECAUSE}${REASON}`,
  'id',
);
/** "X must have been discontinued for disease progression or intolerance", "Previous anti-PD-1 therapy discontinued due to toxicity". */
const STOPPED_AFTER = new RegExp(
  String.raw`(?<x>[^.;]{2,120}?)(?:${WAS}|\s+)(?:permanently\s+)?(?:discontinued|stopped)(?:\s+permanently)?${BECAUSE}${REASON}`,
  'id',
);
/** "X was intolerable (and required discontinuation of treatment)". */
const INTOLERABLE = new RegExp(
  String.raw`(?<x>[^.;]{2,120}?)${WAS}(?:deemed\s+)?(?:intolerable|not\s+tolerated|poorly\s+tolerated)(?:\s*,?\s*(?:and\s+)?(?:required|led\s+to|resulted\s+in|leading\s+to|resulting\s+in)\s+(?:permanent\s+|early\s+)?(?:discontinuation|cessation)(?:\s+of\s+(?:the\s+)?(?:treatment|therapy))?)?`,
  'id',
);
/** "progression during or after treatment or" before a stop: a first alternative on any earlier treatment. */
const PROGRESSED_OR = new RegExp(
  String.raw`\b(?:experienced\s+)?${PROGRESSION}\s+(?:during\s+or\s+after|on\s+or\s+after|on|after|following|while\s+on)\s+(?:the\s+)?(?:(?:previous|prior|last|most\s+recent)\s+)?(?:treatment|therapy)\s*,?\s+or\s+(?:have\s+|has\s+|had\s+)?$`,
  'i',
);
/** A bare "treatment" or "prior therapy" as the subject: any earlier anticancer treatment. */
const BARE_TREATMENT =
  /^\s*(?:(?:the|their|all|any)\s+)?(?:(?:prior|previous|anti-?cancer|systemic)\s+)*(?:treatments?|therap(?:y|ies))\s*$/i;
/** Words a read sentence may hold besides the treatment and the reason. */
const LEAD_WORD =
  /^(?:a|an|the|prior|previous|previously|history|of|has|have|had|patients?|participants?|subjects?|who|known|must|been|documented|with|and|\d+|[a-z]|[ivx]+)$/i;

/** A cheap test for the words every form holds: the caller skips the reader without it. */
export const TREATMENT_END_GATE = /discontinu|stopped|cessation|intolerab|tolerated/i;

function outcomesOf(why: string): Outcome[] {
  const out = new Set<Outcome>();
  for (const part of why.split(/\s*(?:,|\bor\b|\band\/or\b|\/)\s*/i)) {
    if (/progress|relapse/i.test(part)) out.add('progression');
    else if (/toxic|intoler|advers|AEs?\b|side/i.test(part)) out.add('intolerance');
  }
  return [...out];
}

function unread(text: string): LeafCondition {
  return { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.trim() } };
}

function anyOf(parts: Condition[]): Condition {
  return parts.length === 1 ? parts[0]! : { any: parts };
}

/** Whether the words outside [a, b) of the sentence [s, e) are lead words only. */
function onlyLead(text: string, s: number, e: number, a: number, b: number): boolean {
  const outside = `${text.slice(s, a)} ${text.slice(b, e)}`;
  return (outside.match(/[^\s,:()*•\-\\]+/g) ?? []).every((w) => LEAD_WORD.test(w.replace(/[.;]$/, '')));
}

/**
 * Reads each sentence [s, e) that only says how an earlier treatment ended. Sentences another reading
 * already covers (`out`) are left; read ones are added to `used`.
 */
export function readTreatmentEnds(
  input: ExtractInput,
  sents: Span[],
  therapyIn: TherapyIn,
  out: Finding[],
  used: Span[],
): void {
  const { text } = input;
  if (!TREATMENT_END_GATE.test(text)) return;
  for (const [s, e] of sents) {
    const t = text.slice(s, e);
    if (!TREATMENT_END_GATE.test(t)) continue;
    if (out.some((f) => f.spans.some(([a, b]) => a < e && s < b)) || used.some(([a, b]) => a < e && s < b)) continue;
    const m = STOPPED_BEFORE.exec(t) ?? STOPPED_AFTER.exec(t) ?? INTOLERABLE.exec(t);
    if (!m?.groups) continue;
    const g = m.groups;
    const x = g.x!;
    const xs = s + m.indices!.groups!.x![0];
    const xe = xs + x.length;
    const outcomes = g.why ? outcomesOf(g.why) : ['intolerance' as const];
    if (!outcomes.length) continue;
    // A first alternative on any earlier treatment ("progression during or after treatment or …").
    const alt = PROGRESSED_OR.exec(t.slice(0, m.index));
    const start = alt ? s + alt.index : s + m.index;
    const end = s + m.index + m[0].length;
    // "… or who discontinue immunotherapy due to immune-related toxicities" stays unread: the reading
    // of the group before it (prior_severe_irae) covers the whole sentence, and the two would be
    // joined as if both were required.
    if (!onlyLead(text, s, e, start, end)) continue;
    // Standard therapy is read as any systemic treatment, which the standard-therapy questions narrow
    // (history-judgement.ts): necessary where the text requires it, too wide where it excludes.
    if (input.kind === 'exclusion' && /\b(?:standard|approved|available|SOC)\b/i.test(x)) continue;
    const bare = BARE_TREATMENT.test(x);
    // "discontinued from that treatment": a treatment another sentence names.
    if (/\b(?:that|this|such|said|these|those)\b/i.test(x)) continue;
    const named = (outcome: Outcome): Condition | null =>
      bare
        ? { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome } }
        : therapyIn(xs, xe, { outcome });
    const parts = outcomes.map(named);
    if (parts.some((p) => !p)) continue;
    if (alt) {
      if (!bare) continue;
      if (!outcomes.includes('progression')) parts.unshift(named('progression')!);
    }
    let condition = anyOf(parts as Condition[]);
    const sev = [g.sev, g.sev2].filter((v): v is string => !!v);
    const cover: Span[] = [];
    if (sev.length) {
      condition = { all: [condition, ...sev.map(unread)] };
      for (const k of ['sev', 'sev2']) {
        const at = m.indices!.groups![k];
        if (at) cover.push([s + at[0], s + at[1]]);
      }
    }
    out.push({
      category: 'prior_therapy',
      condition,
      spans: [[start, end]],
      anchor: start,
      ...(cover.length ? { cover } : {}),
    });
    used.push([s, e]);
  }
}

/**
 * A second outcome after the one read behind a list ("with documented progression or intolerability
 * to the treatment", "with progression or intolerance"): its outcomes and length, or null.
 */
const ALSO_AFTER = new RegExp(
  String.raw`^\s*(?:,|\bor\b|\band\/or\b|\/)\s*(?<why>(?:${PROGRESSION}|${OWN}?(?:intoleran(?:ce|t)|intolerabilit(?:y|ies)|toxicit(?:y|ies))))(?:\s+(?:to|from|of|with|on)\s+(?:the\s+|that\s+|this\s+|such\s+)?(?:treatment|therapy|regimen|agent|drug))?(?![\w-])`,
  'i',
);
export function outcomeAlsoAfter(rest: string): { outcomes: Outcome[]; length: number } | null {
  const m = ALSO_AFTER.exec(rest);
  if (!m?.groups?.why) return null;
  const outcomes = outcomesOf(m.groups.why);
  return outcomes.length ? { outcomes, length: m[0].length } : null;
}
