/**
 * A parenthesis that leaves a cancer out of the diagnosis ("unresectable metastatic melanoma
 * (excluding uveal or mucosal melanoma) that have progressed on treatment with an anti-PD-1 mAb",
 * "(except squamous cell carcinoma)") narrows the disease, not the treatment: its "excluding" or
 * "except" is no condition on the treatment list, which the sentence still requires of every patient
 * it admits. The cancer reader reads (or leaves unread) the parenthesis itself.
 *
 * Only a parenthesis that names a cancer the lexicon knows and no treatment, and that opens with the
 * exclusion word: "(if available)", "(unless contraindicated)" or "(except for prior surgery)" speak
 * of the treatment and stay conditions.
 */
import type { Mention } from '../lexicon';

const CANCER_EXCLUSION_ASIDE_RE = /\(\s*(?:excluding|except(?:\s+for)?|other\s+than|not\s+including)\s+[^()]{1,120}\)/gi;
/**
 * "for malignancy including diagnoses other than germ cell tumor": a scope that takes in cancers besides
 * the one named, so its "other than" widens the disease the treatment was for and sets no condition on it.
 * Up to the end of the cancer it names, found through the lexicon below.
 */
const CANCER_WIDENING_RE =
  /\bincluding\s+(?:(?:any|all|those|other)\s+)?(?:diagnos[ie]s|cancers|malignancies|tumou?rs|neoplasms|diseases|histolog(?:y|ies))\s+other\s+than\s+[^()[\],;.]{1,80}/gi;
/** Words that speak of a treatment, or of anything other than the cancer left out. */
const NOT_ONLY_CANCER_RE =
  /\b(?:treat\w*|therap\w*|regimens?|drugs?|agents?|inhibitors?|antibod(?:y|ies)|chemo\w*|immuno\w*|radi(?:o|at)\w*|surger(?:y|ies)|surgical|resect\w*|adjuvant|neo-?adjuvant|lines?|prior|previous(?:ly)?|if|unless|when|where|provided|patients?|participants?|subjects?|who|which|that|allowed|permitted|eligible)\b/i;
const THERAPY_TYPES: ReadonlySet<Mention['type']> = new Set(['drug', 'drugClass', 'therapyKind', 'regimen']);

/**
 * `text[from, to)` with every parenthesis that only leaves a cancer out blanked (same length, so
 * offsets hold). `mentions` are the criterion's lexicon mentions, in the text's offsets.
 */
export function maskCancerExclusionAsides(text: string, from: number, to: number, mentions: readonly Mention[]): string {
  const sub = text.slice(from, to);
  return sub.replace(CANCER_EXCLUSION_ASIDE_RE, (m, at: number) => {
    const a = from + at;
    const b = a + m.length;
    const inside = mentions.filter((x) => x.start >= a && x.end <= b);
    if (!inside.some((x) => x.type === 'cancer') || inside.some((x) => THERAPY_TYPES.has(x.type))) return m;
    return NOT_ONLY_CANCER_RE.test(m) ? m : ' '.repeat(m.length);
  }).replace(CANCER_WIDENING_RE, (m, at: number) => {
    const a = from + at;
    const inside = mentions.filter((x) => x.start >= a && x.start < a + m.length);
    const cancers = inside.filter((x) => x.type === 'cancer');
    if (!cancers.length || inside.some((x) => THERAPY_TYPES.has(x.type))) return m;
    const end = Math.max(...cancers.map((x) => x.end)) - a;
    if (end > m.length || NOT_ONLY_CANCER_RE.test(m.slice(0, end))) return m;
    return ' '.repeat(end) + m.slice(end);
  });
}
