/**
 * An NYHA class given as the worst the study admits, "class N or better", in an inclusion:
 *
 *   "Participants with known history or current symptoms of cardiac disease, or history of treatment
 *    with cardiotoxic agents, must have a clinical risk assessment of cardiac function using the New
 *    York Heart Association Functional Classification. To be eligible for this trial, participants
 *    must be class 2B or better"             → condition(heart_failure_nyha_3 | heart_failure_nyha_4) = false
 *
 * "Better" is a lower class (NYHA: I no limitation of physical activity … IV symptoms at rest), so
 * "class II or better" admits classes I and II and excludes the classes above. The NCI template
 * splits class II into 2A and 2B; "2B or better" admits all of class II, which the class ids hold
 * whole. "2A or better" excludes 2B, which no id tells apart: left unread.
 *
 * The ceiling binds the group the sentence names (a cardiac history, symptoms, or cardiotoxic
 * treatment), and heart failure of class III or IV is itself a cardiac disease with its symptoms, so
 * nobody outside that group has a class above the ceiling: the reading is the same for everyone, and
 * the group and the assessment that finds the class are covered with it.
 */
import type { ExtractInput, Finding } from './extractor';
import { sentenceEnd, sentenceStart, vocab, vocabSpans, type Span } from './history-util';

const SCALE = /\b(?:New\s+York\s+Heart\s+Association|NYHA)\b/i;
/** "class 2B or better", "Class II or better", "NYHA functional class 1 or better". */
const CEILING = /\bclass(?:ification)?\s+(IV|I{1,3}|[1-4])\s*([AB])?\s+or\s+better\b/i;

/** The template's group, the assessment and the scale: what the ceiling's sentence and the one before it say. */
const WORDS = vocab(
  'participants participant patients patient subjects subject with known history or current symptoms of cardiac heart disease ' +
    'treatment cardiotoxic agents must should have a an clinical risk assessment function using the new york association nyha ' +
    'functional classification class to be eligible for this trial study and better',
);

function classNumber(numeral: string): number {
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  return roman[numeral.toUpperCase()] ?? Number(numeral);
}

export function nyhaCeiling(input: ExtractInput): Finding[] {
  const { text } = input;
  if (input.kind !== 'inclusion' || !SCALE.test(text)) return [];
  const m = CEILING.exec(text);
  if (!m) return [];
  if (m[2]?.toUpperCase() === 'A') return [];
  // Classes named besides the ceiling ("II or better (NYHA Functional Classification III/IV are not
  // eligible)") are the conditions reader's, which reads them as stated.
  const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
  if (/\bclass(?:ification|es)?\s*(?:IV|III|[34])\b/i.test(rest)) return [];
  const ceiling = classNumber(m[1]!);
  const names = [1, 2, 3, 4].filter((n) => n > ceiling).map((n) => `heart_failure_nyha_${n}`);
  if (!names.length) return [];
  // The ceiling's sentence, and the one naming the scale before it when the ceiling's own does not.
  const sStart = sentenceStart(text, m.index);
  const sEnd = sentenceEnd(text, m.index);
  let from = sStart;
  if (!SCALE.test(text.slice(sStart, sEnd))) {
    const prevStart = sentenceStart(text, Math.max(0, sStart - 2));
    if (!SCALE.test(text.slice(prevStart, sStart))) return [];
    from = prevStart;
  }
  // Anything after the ceiling in its sentence or a condition in it ("if", "unless") is not the template.
  if (/\b(?:if|unless|except|may|allowed|permitted)\b/i.test(text.slice(from, sEnd))) return [];
  const spans: Span[] = vocabSpans(input, from, sEnd, WORDS);
  const at: Span = [m.index, m.index + m[0].length];
  if (!spans.some(([a, b]) => a <= at[0] && b >= at[1])) spans.push(at);
  return [
    {
      category: 'medical_history',
      condition: { fact: 'condition', operator: 'equal', value: false, params: { names } },
      spans,
      anchor: m.index,
      polarityHandled: true,
    },
  ];
}
