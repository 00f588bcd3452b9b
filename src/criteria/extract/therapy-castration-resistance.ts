/**
 * A disease state named by the hormonal treatment the disease outgrew: "castration-resistant",
 * "castrate-resistant", "hormone-refractory". Castration resistance is progression despite castration
 * (NCI Dictionary of Cancer Terms: castration-resistant prostate cancer), hormone-refractory disease
 * progression despite hormonal therapy: a treatment's outcome, as "platinum-resistant" is.
 *
 * The disease reader keeps such a word in its place inside the disease phrase ("unresectable locally
 * advanced or metastatic castration-resistant prostate cancer", a member of a list of cancers), as a
 * state it cannot read; this is the reading it puts there instead. Castration may also be surgical
 * (orchiectomy), and resistance is judged on castrate testosterone levels the record may not hold, so
 * progression on androgen deprivation therapy is enough, never the only way:
 *
 *   "castration-resistant" → any(priorTherapy(classes: adt, outcome: progression) = true, unread "castration-resistant")
 *   "hormone-refractory"   → any(priorTherapy(kinds: hormonal, outcome: progression) = true, unread "hormone-refractory")
 *
 * A patient whose record shows the progression meets the words; anyone else is left to a coordinator.
 */
import { unreadWords, type Condition } from '../facts';

const CASTRATION = /^(?:castration|castrate)[\s-]+(?:resistant|refractory)$/i;
const HORMONE = /^hormone[\s-]+refractory$/i;

/** The reading of a disease-state word, when it names a hormonal treatment's failure; null otherwise. */
export function hormonalResistance(word: string): Condition | null {
  const params = CASTRATION.test(word) ? { classes: ['adt'] } : HORMONE.test(word) ? { kinds: ['hormonal'] } : null;
  if (!params) return null;
  return { any: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { ...params, outcome: 'progression' } }, unreadWords(word)] };
}
