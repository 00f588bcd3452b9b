/**
 * A requirement bound, by an "if" clause, to the patients who had a local treatment, as the whole
 * criterion (one sentence, no heading):
 *
 *   "If subject underwent major surgery, subject must have recovered adequately from the toxicity and/or
 *    complications from the intervention prior to starting therapy."                     (exclusion)
 *        → all(priorTherapy(kinds: surgery), unread sentence)
 *   "If surgical resection has occurred, enrollment should occur within 3 months of surgical resection
 *    and before initiation of adjuvant therapy."                                          (inclusion)
 *        → any(not priorTherapy(kinds: surgery), unread sentence)
 *
 * The "if" clause names whom the sentence binds; what it asks of them stays unread. Those who never
 * had the treatment are not bound: an inclusion lets them pass, an exclusion does not exclude them, and
 * everyone who had it is left to the unread words. A narrower operation in the clause ("major
 * surgery") only narrows the group, so any operation is the right bound for it. The list reader
 * (therapy.ts) reads this form for drugs and radiotherapy ("If the patient received radiotherapy, it
 * must …"); an operation without a window it leaves unread, and that is what this takes.
 *
 * The clause must say the treatment was had (a receipt verb, or "has occurred", "was performed") and
 * nothing else: no negation ("If the patient has not undergone surgery" binds the others), no
 * alternative ("If subject underwent surgery or has a wound" binds more than those who had it), no
 * treatment of another kind, no plan ("will undergo"). The main clause must place a requirement on
 * them (must, should, …) and must not turn to everyone else ("otherwise", "all patients").
 */
import { unreadWords, type Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { negatedAt } from './therapy-local-receipt';

/** "If (the) subject underwent …", "If a patient has had …", "If … has occurred": the clause up to its comma. */
const IF_CLAUSE_RE = /^\W*if\s+([^,;:()]{3,120}?)\s*,\s*(?=\S)/i;

/** A receipt verb before the treatment: "(the) subject underwent", "patients have received", "has had prior". */
const RECEIVED_BEFORE_RE =
  /^(?:(?:the|a|an)\s+)?(?:patients?|subjects?|participants?|individuals?|they|he|she)\s+(?:(?:has|have|had)\s+)?(?:already\s+|previously\s+)?(?:underwent|undergone|received|had)\s+(?:(?:a|an|any|the|prior|previous)\s+)*(?:[\w-]+\s+){0,3}$/i;
/** The treatment, then a verb saying it took place: "surgical resection has occurred", "surgery was performed". */
const TOOK_PLACE_AFTER_RE =
  /^\s*(?:has|have|had|was|were)\s+(?:already\s+)?(?:been\s+)?(?:occurred|performed|done|carried\s+out|undertaken|completed|received|given)\s*$/i;
/** Before a treatment that took place: at most an article or "prior". */
const TOOK_PLACE_BEFORE_RE = /^(?:(?:a|an|the|any|prior|previous)\s+)*(?:[\w-]+\s+){0,2}$/i;

/** Words that negate the clause, offer an alternative to it, or make it a plan. */
const CLAUSE_REFUSED_RE =
  /\b(?:not|no|non|never|without|nor|or|unless|except\w*|planned|scheduled|will|would|may|might|requires?|required|needs?|candidates?|eligible|fit)\b|\bn['’]t\b/i;

/** A requirement placed on those the clause names. */
const REQUIREMENT_RE = /\b(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|is\s+required|are\s+required)\b/i;

/** A main clause that turns to the rest of the patients or to everyone. */
const MAIN_REFUSED_RE =
  /\b(?:otherwise|else|all\s+(?:patients|subjects|participants)|every(?:one|body)|regardless|irrespective|in\s+all\s+cases)\b|\bif\s+not\b/i;

/** A word that joins another member to the clause's list. */
const LIST_GOES_ON_RE = /\b(?:or|and|nor|as\s+well\s+as|etc)\b|\//i;

const LOCAL_KINDS = new Set(['surgery', 'radiation']);

export function readConditionalLocal(input: ExtractInput, body: string): Finding[] | null {
  const m = IF_CLAUSE_RE.exec(body);
  if (!m) return null;
  const clause = m[1]!;
  const clauseStart = m.index + m[0].indexOf(clause);
  const clauseEnd = clauseStart + clause.length;
  const main = body.slice(m.index + m[0].length);
  const requirement = REQUIREMENT_RE.exec(main);
  if (CLAUSE_REFUSED_RE.test(clause) || !requirement || MAIN_REFUSED_RE.test(main)) return null;
  // The comma may only close the clause, never go on with its list ("If subjects received surgery,
  // cryotherapy or laser, they must …" binds those who had any of them): nothing before the
  // requirement may join another member or name another treatment.
  const lead = main.slice(0, requirement.index);
  const leadAt = m.index + m[0].length;
  if (
    LIST_GOES_ON_RE.test(lead) ||
    input.mentions.some((x) => x.start >= leadAt && x.start < leadAt + lead.length && (x.type === 'therapyKind' || x.type === 'drug' || x.type === 'drugClass' || x.type === 'regimen'))
  )
    return null;
  // Every treatment the clause names is one local treatment kind; the first is the one it is about.
  const named = input.mentions.filter(
    (x) => x.start >= clauseStart && x.end <= clauseEnd && (x.type === 'therapyKind' || x.type === 'drug' || x.type === 'drugClass' || x.type === 'regimen'),
  );
  if (named.length !== 1) return null;
  const [t] = named as [(typeof named)[number]];
  if (t.type !== 'therapyKind' || !LOCAL_KINDS.has(t.id)) return null;
  const before = body.slice(clauseStart, t.start);
  const after = body.slice(t.end, clauseEnd);
  const received = RECEIVED_BEFORE_RE.test(before) && !after.trim();
  const tookPlace = TOOK_PLACE_BEFORE_RE.test(before) && TOOK_PLACE_AFTER_RE.test(after);
  if (!received && !tookPlace) return null;
  if (negatedAt(input, t.start)) return null;
  const had: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [t.id] } };
  const rest = unreadWords(body);
  const condition: Condition =
    input.kind === 'exclusion' ? { all: [had, rest] } : { any: [{ ...had, value: false }, rest] };
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[t.start, t.end]],
      cover: [[0, body.length]],
      anchor: t.start,
      polarityHandled: true,
      fallback: [0, input.text.length],
    },
  ];
}
