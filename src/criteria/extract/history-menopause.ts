/**
 * Menopausal status required of every patient, read as attestation(postmenopausal):
 *
 *   inclusion "The patient must be postmenopausal woman"      → attestation(postmenopausal) = true
 *   inclusion "Post-menopausal status; age ≤75 years;"        → attestation(postmenopausal) = true (age read apart)
 *   inclusion "Patient is premenopausal (defined as baseline FSH within the premenopausal range …)"
 *                                                            → attestation(postmenopausal) = false
 *
 * The record schema holds no menstrual history, so it is a question (rules/attestations.json; the
 * NCCN definition of menopause). Premenopausal is read as not postmenopausal, as hormone-therapy
 * protocols divide women. Read only where the criterion requires the status of the patient herself:
 * never in a definition of childbearing potential ("Women are considered post-menopausal and not of
 * childbearing potential if …", the items under "A woman is of non-childbearing potential if she:"),
 * never as one route of several ("postmenopausal or surgically sterile", "pre- and postmenopausal
 * women", "postmenopausal females and males"), never as a permission ("Premenopausal patients … may be
 * enrolled"), never negated, and never in an exclusion, where such items are definitions of whom a
 * pregnancy test spares. The requirement must be explicit: "must be / is postmenopausal", or the
 * status or the women it names ("Post-menopausal status", "postmenopausal women"); a bare
 * "Postmenopausal (no menses for 12 months)" is an item of such a definition.
 */
import type { ExtractInput, Finding } from './extractor';
import { negatedAt, sentenceEnd, sentenceStart, vocab, vocabSpans } from './history-util';

const GATE = /menopaus/i;
/** The status word: "postmenopausal", "post-menopausal", "premenopausal". */
const STATUS = /\b(post|pre)[\s-]?menopaus(?:al|e)\b/i;
/** Childbearing potential, pregnancy or contraception: the status defines who must avoid pregnancy. */
const CHILDBEARING =
  /child[\s-]?bearing|pregnan|contracep|steril|\bW(?:O)?CBP\b|\bFCBP\b|\bPOCBP\b|fertil|menarche|amenorrh|hysterectom|oophorectom|tubal/i;
/** Before the status word: a definition, a condition or another route ("pre- and post…", "if …", "or"). */
const NOT_REQUIRED_BEFORE =
  /\b(?:or|and|and\/or|either|if|unless|when|defined|considered|definition|i\.\s?e|e\.\s?g|such\s+as|including|not|non)\b|[-/(]\s*$|\bperi\b/i;
/** After it: another route ("or surgically sterile", "and males", "/perimenopausal"). */
const OTHER_ROUTE =
  /^\s*(?:\([^()]*\)\s*)?[,;]?\s*(?:\w+\s+){0,2}?(?:or|and\/or)\b|^\s*\/|^\s*(?:\([^()]*\)\s*)?(?:females?\s+|women\s+)?and\s+(?:pre|peri|post|males?|men)\b/i;

/** A requirement of the patient's own status: "must be", "is", "are" just before the word … */
const REQUIRED_BEFORE = /\b(?:be|is|are)\s+(?:(?:already|currently|clinically)\s+)?$/i;
/** … or the status or the patients it names just after ("Post-menopausal status", "postmenopausal women"). */
const REQUIRED_AFTER = /^\s*(?:status\b|(?:wom[ae]n|females?|patients?|participants?|subjects?)\b)/i;
/** A permission or a condition in the sentence: "Premenopausal patients … may be enrolled". */
const PERMISSION = /\b(?:may|can|could|allowed|permitted|eligible|acceptable|included|enrolled|if|unless|except)\b/i;

const WORDS = vocab(
  'the patient patients participant participants subject subjects must should be is are a an woman women female females status ' +
    'postmenopausal post premenopausal pre menopausal menopause only',
);

/** The text without its parentheses, nested ones too (a definition of the status sits in them). */
function outsideParens(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)/g, ' ');
  }
  return out;
}

export function menopauseStatus(input: ExtractInput): Finding[] {
  const { text } = input;
  if (input.kind !== 'inclusion' || !GATE.test(text)) return [];
  // "is postmenopausal (…), OR": a lower-case item goes on the sentence of the list it belongs to.
  if (/^\W*(?:is|are|be|has|have|had)\b/.test(text)) return [];
  const lead = input.context[input.context.length - 1] ?? '';
  if (CHILDBEARING.test(lead)) return [];
  const m = STATUS.exec(text);
  if (!m) return [];
  const start = m.index;
  const end = start + m[0].length;
  const sStart = sentenceStart(text, start);
  const sEnd = sentenceEnd(text, start);
  const before = text.slice(sStart, start);
  if (NOT_REQUIRED_BEFORE.test(before) || CHILDBEARING.test(before) || CHILDBEARING.test(outsideParens(text.slice(end, sEnd)))) return [];
  if (OTHER_ROUTE.test(text.slice(end, sEnd))) return [];
  // A bare "Postmenopausal (no menses for 12 months)." is most often one item of a list of what spares
  // a woman the pregnancy test or contraception: only an explicit requirement is read.
  if (!REQUIRED_BEFORE.test(before) && !REQUIRED_AFTER.test(text.slice(end, sEnd))) return [];
  if (PERMISSION.test(outsideParens(text.slice(sStart, sEnd)))) return [];
  // A second status word in the sentence outside a parenthesis is another route ("pre- or postmenopausal").
  const rest = outsideParens(text.slice(end, sEnd));
  if (STATUS.test(rest)) return [];
  if (negatedAt(input, start)) return [];
  const spans = vocabSpans(input, sStart, sEnd, WORDS).filter(([a, b]) => b <= sEnd && a >= sStart);
  if (!spans.some(([a, b]) => a <= start && b >= end)) spans.push([start, end]);
  return [
    {
      category: 'other',
      condition: {
        fact: 'attestation',
        operator: 'equal',
        value: m[1]!.toLowerCase() === 'post',
        params: { topic: 'postmenopausal' },
      },
      spans,
      anchor: start,
      polarityHandled: true,
    },
  ];
}
