/**
 * A prior operation or radiotherapy narrowed by words no fact can say, as the whole criterion:
 *
 *   "Previous thoracic or abdominal (upper GI) surgery disturbing lymph drainage of the esophagus and stomach"
 *        → all(priorTherapy(kinds: surgery), unread "thoracic or abdominal (upper GI) surgery disturbing …")
 *   "Prior radiotherapy near the oligoprogressive lesion precluding SBRT or hypofractionated radiotherapy …"
 *        → all(priorTherapy(kinds: radiation), unread "radiotherapy near the oligoprogressive lesion …")
 *   "Previous bilateral ovariectomy or other ovarian surgery" → all(priorTherapy(surgery), unread …)
 *
 * The site, technique, purpose or consequence words (before the treatment noun or in a relative,
 * participle or prepositional phrase after it) only narrow the one treatment: the patients the
 * criterion names are a subset of those who had that kind of treatment. all(kind, unread words) is
 * then exact in three-valued logic, in an inclusion (no such treatment: the requirement fails) as in
 * an exclusion (no such treatment: not excluded; otherwise unknown). The list reader (therapy.ts)
 * reads the bare forms ("Prior thoracic surgery"); this reader takes the sentences it leaves unread
 * because the narrowing phrase runs on.
 *
 * Only what cannot widen the set is taken: one sentence opened by a receipt cue ("Prior",
 * "Previous", "History of", "Undergone prior"), no other treatment before the noun, no negation,
 * permission, number (a window or dose is another reader's) or clause joined by a conjunction after
 * it ("…, or active pneumonitis" would be an alternative the unread leaf must not swallow). The
 * reading is a fallback: any other finding in the criterion replaces it (therapy-whole-line.ts).
 *
 * Also here: a treatment named only by its setting ("Previous adjuvant treatment for UM after …": any
 * anticancer treatment in that setting), and a lesion that must be free of local treatment ("Lesion to
 * undergo biopsy cannot have undergone prior radiation therapy …").
 */
import { ANTICANCER_KINDS, unreadWords, type Condition } from '../facts';
import type { Mention } from '../lexicon';
import type { ExtractInput, Finding } from './extractor';

type Span = [number, number];

/** Mentions that name a treatment. */
export const THERAPY_TYPES: ReadonlySet<Mention['type']> = new Set(['drug', 'drugClass', 'therapyKind', 'regimen']);

/** The receipt cue opening the criterion, with who had it. */
const LEAD_RE =
  /^[\s*•-]*(?:\(?[A-Z]?\d{1,2}\\?[.)]\s*)?(?:(?:patients?|subjects?|participants?)\s+(?:who\s+)?(?:(?:has|have)\s+)?(?:had|undergone|underwent|received)\s+|(?:has|have)\s+(?:had|undergone|received)\s+|(?:had\s+)?(?:undergone|underwent)\s+|received\s+|previously\s+(?:received|undergone|underwent|had)\s+)?(?:(?:a|an|any)\s+)?(?:(?:previous|prior|past)\s+(?:history\s+of\s+)?(?:(?:a|an|any)\s+)?|history\s+of\s+(?:(?:a|an|any)\s+)?(?:(?:prior|previous)\s+)?)?/i;

/** A surgery phrase of the lexicon that names one operation, not surgery in general. */
const NAMED_OPERATION_RE = /(?:ectom(?:y|ies)|otom(?:y|ies)|ostom(?:y|ies)|\bwhipple\b|\bTURBT\b|\bdissection\b|\btransurethral\b|\bcastration\b)/i;

/** The treatment noun an operation is named by when the lexicon has no phrase for it ("surgical debulking"). */
const SURGICAL_NOUN_RE = /^surgical\s+(?:debulking|excision|removal|staging|exploration)\b/i;

/**
 * One member of the words before the noun, between "or"s: site and technique adjectives ("thoracic",
 * "upper GI" in parentheses), participles of extent ("enlarged", "extended"; never one of a plan,
 * "planned", "intended"), "other", and operation nouns ("bilateral ovariectomy"). A noun that is
 * neither ("trauma", "infection") would be an alternative to the treatment: the member is refused.
 */
const PRE_WORD_RE =
  /^(?:other|bilateral|unilateral|partial|complete|total|radical|extensive|limited|upper|lower|left|right|lymph|node|nodes|GI|brain|chest|breast|head|neck|lung|liver|bone|pelvis|spine|abdomen|bowel|skin|eye|ovary|ovaries|bladder|kidney|stomach|colon|rectum|prostate|uterus|\w+(?:ic|al|ar|ary|ive|ous|eal|ian)|(?!(?:intend|anticipat|propos|need|requir|plann|schedul|expect)ed$)\w{3,}ed|\w+(?:ectomy|ectomies|otomy|otomies|ostomy|ostomies|plasty|pexy))$/i;

/**
 * How the words after the noun may begin: a relative, participle or prepositional phrase that narrows
 * it, a time order ("after Biopsy examination"), or "regardless of energy", which only says every form of
 * the one treatment counts.
 */
const TAIL_OPENER_RE =
  /^\s*,?\s*(?:that|which|to|in|on|near|of|for|at|involving|with|within\s+the|such\s+as|e\.?\s?g\.?|including|regardless\s+of|after|following|(?:[a-z]+ing)|\()\b/i;
/** Words that turn the phrase into a permission, a negation or a count: another reader's, or none. */
const REFUSED_RE =
  /\d|\b(?:not|no|never|without|nor|neither|cannot|allow\w*|permit\w*|(?:in)?eligible|acceptable|exclu\w*|prohibited|contraindicated|optional|mandatory|may|can|could|will|would|should|must|unless|except\w*|other\s+than|excluding|required?|requiring|planned|scheduled|expected|recent(?:ly)?|current(?:ly)?|ongoing|within|since|days?|weeks?|months?|years?)\b/i;
/** A clause joined after the noun: an alternative or an added condition, not a narrowing. */
const JOINED_CLAUSE_RE =
  /[;:]|,\s*(?:and\/or|or|and)\b(?!\s+\w+(?:ic|al|ant|ous|ive|ary|ed)\s+\w+\s*$)|\b(?:and\/or|or|and)\s+(?:has|have|had|is|are|was|were|patients?|subjects?|participants?|any|current|active|history|known|evidence|other)\b/i;

const LOCAL_KINDS = new Set(['surgery', 'radiation']);

/**
 * "Lesion to undergo biopsy cannot have undergone prior radiation therapy or other locoregional
 * therapy": a lesion, not the patient, must be untreated. A patient who never had any of the
 * treatments has no such lesion; one who had them may or may not, so the lesion words stay unread
 * beside the treatments: all(priorTherapy(kinds), unread "Lesion to undergo biopsy") is what the
 * modal negation forbids, excluded as such in an exclusion and negated in an inclusion.
 */
const LESION_LEAD_RE =
  /^(?:the\s+|any\s+)?(?:(?:target|index|measurable|selected)\s+)?(?:lesions?|tumou?rs?|tumou?r\s+sites?|sites?)\s+(?:(?:to\s+(?:undergo|be)|selected\s+for|used\s+for|chosen\s+for)\s+[\w-]+(?:\s+[\w-]+){0,3}\s+)?(?:cannot|can\s*not|must\s+not|should\s+not|may\s+not)\s+have\s+(?:had|undergone|received|been\s+treated\s+with)\s+(?:any\s+)?(?:(?:prior|previous)\s+)?/i;
const LESION_KINDS = new Set(['surgery', 'radiation', 'locoregional']);

export function readUntreatedLesion(input: ExtractInput, body: string): Finding[] | null {
  const lead = LESION_LEAD_RE.exec(body);
  if (!lead) return null;
  const inList = input.mentions.filter((m) => m.start >= lead[0].length && THERAPY_TYPES.has(m.type));
  if (!inList.length || inList.some((m) => m.type !== 'therapyKind' || !LESION_KINDS.has(m.id))) return null;
  // The list is all the rest: treatments joined by list words and "other".
  let at = lead[0].length;
  for (const m of inList) {
    if (m.start < at) continue;
    if (!/^\s*(?:,\s*)?(?:(?:or|and\/or|and)\s+)?(?:other\s+|any\s+other\s+)?$/i.test(body.slice(at, m.start)))
      return null;
    at = m.end;
  }
  if (at !== body.length) return null;
  const kinds = [...new Set(inList.map((m) => m.id))];
  const verb = /\b(?:cannot|can\s*not|must\s+not|should\s+not|may\s+not)\b/i.exec(lead[0])!;
  const subject = body.slice(0, verb.index).trim();
  const lesionLeaf = unreadWords(subject);
  // What the modal negation forbids is excluded as stated; in an inclusion the lesion must be free of
  // it: the patient never had the treatments, or (unknown) the lesion words hold otherwise.
  const condition: Condition =
    input.kind === 'exclusion'
      ? { all: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds } }, lesionLeaf] }
      : {
          any: [
            { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds } },
            { ...lesionLeaf, value: false },
          ],
        };
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[verb.index, body.length]],
      cover: [[0, verb.index]],
      anchor: inList[0]!.start,
      polarityHandled: true,
      fallback: [0, input.text.length],
    },
  ];
}

export function readQualified(input: ExtractInput, body: string): Finding[] {
  const lead = LEAD_RE.exec(body);
  // The cue says the treatment was had: "prior", "history of", or a receipt verb in the past
  // ("Patients who underwent …", "have undergone …"), never a plan or a current one.
  if (!lead || !/\b(?:prior|previous(?:ly)?|past|history|underwent|undergone|(?:has|have|had)\s+(?:had|received))\b/i.test(lead[0]))
    return [];
  const from = lead[0].length;
  const head = headNoun(input, body, from);
  if (!head) return [];
  const { start: headStart, end: headEnd, params, named } = head;
  const pre = body.slice(from, headStart);
  const tail = body.slice(headEnd);
  const bare = !pre.trim() && !tail.trim();
  // A bare noun with nothing around it is the list reader's ("Prior surgery"), unless the noun itself
  // narrows ("surgical debulking") or names a setting ("Previous adjuvant treatment").
  if (bare && !named && !params.setting) return [];
  if (!preModifiers(pre)) return [];
  if (tail.trim() && !TAIL_OPENER_RE.test(tail)) return [];
  if (REFUSED_RE.test(pre) || REFUSED_RE.test(tail) || JOINED_CLAUSE_RE.test(tail)) return [];
  // Other treatments after the noun may only be local ones the phrase names ("precluding SBRT").
  const others = input.mentions.filter((m) => m.start >= headEnd && m.end <= body.length && THERAPY_TYPES.has(m.type));
  if (others.some((m) => m.type !== 'therapyKind' || !LOCAL_KINDS.has(m.id))) return [];
  if (
    input.scopes.scopes.some(
      (sc) => (sc.kind === 'negated' || sc.kind === 'exception') && headStart >= sc.start && headStart < sc.end,
    )
  )
    return [];
  const qualStart = pre.trim() ? from + (pre.length - pre.trimStart().length) : headStart;
  const treatment: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params };
  // The setting head is read whole: only words around it narrow it.
  const exact = bare && !named;
  const condition: Condition = exact ? treatment : { all: [treatment, unreadWords(body.slice(qualStart))] };
  const spans: Span[] = [[0, exact ? body.length : headEnd]];
  const cover: Span[] = exact ? [] : [[qualStart, body.length]];
  const finding: Finding = {
    category: 'prior_therapy',
    condition,
    spans,
    cover,
    anchor: headStart,
    fallback: [0, input.text.length],
  };
  return [finding];
}

/** The treatment the phrase is about, with what it names and whether the noun itself narrows its kind. */
interface Head {
  start: number;
  end: number;
  params: { kinds: string[]; setting?: string };
  /** The noun names a narrower operation ("surgical debulking"): unread even with nothing around it. */
  named: boolean;
}

/**
 * "adjuvant treatment", "neoadjuvant therapy" with no kind named: any anticancer treatment given in
 * that setting (the lexicon has no phrase for it, so the list reader leaves it).
 */
const SETTING_HEAD_RE = /^(neo-?\s?adjuvant|adjuvant)\s+(?:treatments?|therap(?:y|ies))\b/i;

/**
 * The treatment noun the phrase is about: a setting's treatment right after the cue, or the first
 * therapy mention after it, which must be an operation or a radiotherapy with no other treatment
 * before it, or "surgical debulking". Null when there is none.
 */
function headNoun(input: ExtractInput, body: string, from: number): Head | null {
  const setting = SETTING_HEAD_RE.exec(body.slice(from));
  if (setting) {
    const end = from + setting[0].length;
    if (input.mentions.some((m) => m.start < end && m.end > from && THERAPY_TYPES.has(m.type))) return null;
    const params = { kinds: [...ANTICANCER_KINDS], setting: /^neo/i.test(setting[1]!) ? 'neoadjuvant' : 'adjuvant' };
    return { start: from, end, params, named: false };
  }
  const first = input.mentions.find((m) => m.start >= from && THERAPY_TYPES.has(m.type));
  const surgical = /\bsurgical\s+\w+/i.exec(body.slice(from));
  const surgicalAt = surgical && SURGICAL_NOUN_RE.test(surgical[0]) ? from + surgical.index : -1;
  if (surgicalAt >= 0 && (!first || surgicalAt < first.start))
    return { start: surgicalAt, end: surgicalAt + surgical![0].length, params: { kinds: ['surgery'] }, named: true };
  if (!first || !local(input, first)) return null;
  // "radiotherapy or radiosurgery", "surgery and/or radiotherapy": local treatments joined as one head.
  let end = first.end;
  const kinds = new Set([first.id]);
  for (;;) {
    const next = input.mentions.find((m) => m.start >= end && THERAPY_TYPES.has(m.type));
    if (!next || !local(input, next) || !/^\s*(?:,\s*)?(?:or|and\/or|and|\/)\s*$/i.test(body.slice(end, next.start)))
      break;
    end = next.end;
    kinds.add(next.id);
  }
  // One named operation ("mastectomy", "lymph node dissection") is a narrower kind of surgery than the
  // fact can say: read even bare ("Prior mastectomy"), with its name unread beside the kind.
  const named = end === first.end && first.id === 'surgery' && NAMED_OPERATION_RE.test(first.text);
  return { start: first.start, end, params: { kinds: [...kinds] }, named };
}

/** An operation or a radiotherapy, alone on its words (chemoradiotherapy is a combined treatment: the list reader's). */
function local(input: ExtractInput, m: Mention): boolean {
  if (m.type !== 'therapyKind' || !LOCAL_KINDS.has(m.id)) return false;
  return !input.mentions.some(
    (o) =>
      o !== m &&
      o.start < m.end &&
      o.end > m.start &&
      THERAPY_TYPES.has(o.type) &&
      !(o.type === 'therapyKind' && o.id === m.id),
  );
}

/**
 * Whether the words before the noun only modify it: members between "or"s of modifier words. Any
 * other word ("infection unrelated to surgery") may name something the treatment is not.
 */
function preModifiers(pre: string): boolean {
  const plain = pre.replace(/\([^()]{0,40}\)/g, ' ').trim();
  if (!plain) return true;
  if (/[,;:/]/.test(plain) || /\band\b/i.test(plain)) return false;
  const members = plain.split(/\s+or\s+/i);
  return members.every((m) => m.split(/\s+/).every((w) => PRE_WORD_RE.test(w)));
}
