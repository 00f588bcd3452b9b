/**
 * Numbers as criteria write them: "1,500", "1.5", "six", "twelve", "first". Digits are parsed
 * directly; number words go through compromise, whose number parser knows English number structure
 * ("twenty-four", "first"). compromise costs about a millisecond per call on our machines, so words
 * are memoised and digits never reach it.
 */
import nlp from 'compromise';

const WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|first|second|third|fourth|fifth|sixth';

/** Regex source for one number: digits (with thousands separators or decimals) or a number word. */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+|(?:${WORDS})(?:[\\s-](?:${WORDS}))?)`;

const memo = new Map<string, number | null>();

export function toNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[\d.,]+$/.test(t)) {
    const n = Number(t.replace(/,(?=\d{3}(?:\D|$))/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  if (memo.has(t)) return memo.get(t)!;
  const found = nlp(t).numbers().json() as Array<{ number?: { num?: number } }>;
  const value = typeof found[0]?.number?.num === 'number' ? found[0].number.num : null;
  memo.set(t, value);
  return value;
}
