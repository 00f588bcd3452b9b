/**
 * A time that must have passed since a condition ended, asked only of the patients who had it:
 *
 *   inclusion "Subjects with herpes in the reproductive organs needed three months after the end of herpes."
 *   inclusion "For subjects with genital herpes, need 3 months after the end of herpes;"
 *                                   → condition(names: genital_herpes, withinYears: 0.25) = false
 *
 * Patients who never had the condition are not asked anything; those who had it qualify once the
 * interval has passed since it ended. Both are "no such condition within the interval", which the
 * condition fact's window states (had it, or had it active, within that time). Read only when the
 * group is one condition the lexicon names and the condition whose end starts the interval is the
 * same one (a word of its name), and only in an inclusion, where the sentence states what qualifies.
 */
import type { ExtractInput, Finding } from './extractor';
import { toYears } from './history-util';

const COUNT: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, twelve: 12 };
const INTERVAL =
  /^\W*(?:for\s+)?(?:the\s+)?(?:subjects?|patients?|participants?)\s+with\s+([^,;.]{3,80}?)\s*,?\s+(?:need(?:s|ed)?|requires?|required|must\s+wait)\s+(?:at\s+least\s+)?(\d{1,2}|one|two|three|four|five|six|eight|twelve)\s+(weeks?|months?|years?)\s+(?:after|since|from)\s+(?:the\s+)?(?:end|resolution|recovery|cure|healing|disappearance)\s+of\s+(?:the\s+|their\s+|this\s+)?([a-z-]+)\s*[.;]?\s*$/i;

export function conditionInterval(input: ExtractInput): Finding[] {
  const { text } = input;
  if (input.kind !== 'inclusion' || text.length > 200) return [];
  const m = INTERVAL.exec(text);
  if (!m) return [];
  const groupStart = m.index + m[0].indexOf(m[1]!, m[0].search(/\bwith\s/i));
  const groupEnd = groupStart + m[1]!.length;
  // The group is one condition, named whole ("genital herpes", "herpes in the reproductive organs").
  const named = input.mentions.filter((x) => x.type === 'condition' && x.start >= groupStart && x.end <= groupEnd);
  if (named.length !== 1) return [];
  const cond = named[0]!;
  if (text.slice(groupStart, cond.start).trim() || text.slice(cond.end, groupEnd).trim()) return [];
  // The interval starts at the end of that same condition.
  const ended = m[4]!.toLowerCase();
  if (!cond.text.toLowerCase().split(/[^a-z]+/).includes(ended)) return [];
  const value = /^\d/.test(m[2]!) ? Number(m[2]) : COUNT[m[2]!.toLowerCase()]!;
  const years = toYears(value, m[3]!);
  if (years === null) return [];
  const start = text.search(/\S/);
  const end = text.replace(/[\s.;]+$/, '').length;
  return [
    {
      category: input.lex.conditionById.get(cond.id)?.group === 'infection' ? 'infection' : 'medical_history',
      condition: { fact: 'condition', operator: 'equal', value: false, params: { names: [cond.id], withinYears: years } },
      spans: [[start, end]],
      anchor: cond.start,
      polarityHandled: true,
    },
  ];
}
