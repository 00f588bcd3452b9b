/**
 * A permission in a later sentence of an exclusion, for a treatment the list before it names
 * generically (therapy.ts `readSentence`).
 */

/** The permission says a treatment is allowed: "(neo)adjuvant treatment is allowed", "Chronic erythropoietin therapy is permitted". */
const TREATMENT_PERMITTED_RE =
  /\b(?:treatments?|therap(?:y|ies)|regimens?|agents?|drugs?|medications?)\s*(?:\([^()]{0,60}\)\s*)?(?:is|are|will\s+be|would\s+be|may\s+be)\s+(?:also\s+)?(?:allowed|permitted|permissible|acceptable|tolerated)\b/i;

/**
 * "Received prior immunotherapy; previous (neo)adjuvant treatment is allowed if the last administration
 * is at least 6 months ago": a permission in a later sentence of an exclusion that names no treatment
 * the reader knows may still carve out of the treatment read before it (only one that says a
 * treatment is allowed: one about toxicities, infections or trials carves nothing out of it). Joined to it as an unread
 * alternative it would exclude the very patients it lets in; the treatment stays only a necessary
 * condition beside it. `named` says whether a sentence holds a treatment the reader knows (the list
 * reader then relates its permission to the list itself).
 */
export function permissionAfter(
  text: string,
  end: number,
  sentences: ReadonlyArray<readonly [number, number]>,
  permits: (sentence: string) => boolean,
  named: (a: number, b: number) => boolean,
): boolean {
  // Replacement therapy ("Concomitant hormone replacement therapy is allowed") is no anticancer treatment
  // in the facts either: allowing it carves nothing out of one.
  return sentences.some(([a, b]) => {
    const t = text.slice(a, b);
    return a >= end && permits(t) && TREATMENT_PERMITTED_RE.test(t) && !/\breplacement\b/i.test(t) && !named(a, b);
  });
}
