/**
 * Criteria that describe what a cancer operation left or found, as the whole criterion (one sentence,
 * no heading): the disease that remained after it, what its specimen showed, or the cancer the
 * patient has since it:
 *
 *   "Presence of residual disease measuring at least 5mm (as single foci or in aggregate) on final
 *    pathology following surgery"            → all(priorTherapy(kinds: surgery), unread …)
 *   "Histologically confirmed residual cancer burden 2 and 3 in surgical specimens"
 *                                            → all(priorTherapy(kinds: surgery), unread …)
 *   "Palpable disease left behind in the axilla after Tailored Axillary Surgery (TAS)"   (exclusion)
 *                                            → all(priorTherapy(kinds: surgery), unread …)
 *   "Post cholecystectomy GBC without any evidence of spillage of residual disease …"     (exclusion)
 *                                            → all(priorTherapy(kinds: surgery), unread …)
 *   "UC-specific surgical exclusions: status post partial cystectomy or partial nephrectomy."
 *                                            → all(priorTherapy(kinds: surgery), unread …)   (exclusion)
 *
 * Only a patient who had the operation can satisfy any of these, so the operation is a necessary
 * condition of the criterion and the rest of its words (the finding, its size, the site, the kind of
 * operation) stay an unread leaf beside it: in an inclusion a patient who never had an operation
 * fails, in an exclusion such a patient is not excluded, everyone else is unknown. The treatment
 * history lists cancer operations, so the operation must be the cancer's: a finding of disease left
 * by it, its surgical specimen, or the cancer named right after it ("post cholecystectomy GBC"); an
 * organ operation alone ("after hysterectomy") may have been for another illness and is not read.
 *
 * Refused: conditions, permissions, plans and needs ("if", "may", "planned", "requiring"), a time
 * counted from the operation (therapy-local-receipt.ts reads those), an alternative the operation
 * does not imply ("after surgery or radiotherapy"), a negation, and, in an inclusion, a label that
 * binds the line to one cohort ("For EC/GEJC: …"): required of everyone, it would fail the others.
 */
import type { Condition } from '../facts';
import type { ExtractInput, Finding } from './extractor';
import { negatedAt, wholeLineFinding } from './therapy-local-receipt';

/** An operation by its noun: surgery, a resection or excision, or a named cancer operation. */
const OPERATION = String.raw`(?:surger(?:y|ies)|surgical\s+(?:resection|excision|treatment)|resections?|re-?excisions?|excisions?|operations?|(?:mastectomy|lumpectomy|quadrantectomy|cystectomy|nephrectomy|prostatectomy|gastrectomy|o?esophagectomy|colectomy|hepatectomy|pancreatectomy|pancreaticoduodenectomy|lobectomy|pneumonectomy|cholecystectomy|hysterectomy|orchiectomy|lymphadenectomy|metastasectomy)(?:\s*\/\s*[\w-]+ectomy)?)`;

/**
 * "following surgery", "after neoadjuvant chemoradiotherapy and R0 resection", "after Tailored
 * Axillary Surgery", "after margin re-excision", "status post partial cystectomy": the cue, up to
 * four words naming the operation (or what preceded it), then its noun.
 */
const AFTER_OPERATION_RE = new RegExp(
  String.raw`\b(?:after|following|post(?:[\s-]+|(?=[a-z]+ectomy))|status[\s-]+post|s\/p)\s*(?:the\s+|an?\s+|their\s+)?((?:[\w()/-]+\s+){0,4}?)${OPERATION}\b`,
  'gi',
);

/** "in surgical specimens", "on the resection specimen", "of the mastectomy specimen". */
const SPECIMEN_RE =
  /\b(?:in|on|of|from)\s+(?:the\s+)?(?:final\s+)?(?:surgical|resection|resected|operative|mastectomy|lumpectomy)\s+(?:specimens?|samples?|patholog(?:y|ical\s+specimens?))\b/i;

/**
 * What an operation left or showed: disease remaining, a margin, a residual burden. A "surgical defect
 * after re-excision" is not among them: it may be the wound of the study's own operation.
 */
const FINDING_RE = /\b(?:residual|remaining|left\s+behind|persist\w*|non-?pCR|RCB|margins?)\b/i;

/** "status post …" said of the patient: the operation itself is the statement. */
const STATUS_POST_RE = /\b(?:status[\s-]+post|s\/p)\b/i;

/** Organ operations often done for another illness: only a finding of disease makes them the cancer's. */
const ORGAN_MAYBE_BENIGN_RE = /\b(?:hysterectomy|cholecystectomy)\b/i;

/** Words that make the statement a condition, a permission, a plan, a need, a time or a negation. */
const REFUSED_RE =
  /\b(?:if|unless|when|whether|may|might|can|could|should|will|would|allow\w*|permit\w*|eligible|planned|plans?|scheduled|expected|candidates?|requir\w*|need\w*|indicat\w*|to\s+be|within|days?|weeks?|months?|years?|no|not|never|nor|none|prior\s+to|before)\b/i;

/** A cohort label opening the line: "For EC/GEJC:", "Cohort 2:". */
const LABEL_RE = /^\W*[^:;.]{1,60}:\s*\S/;

/**
 * "or", or a list of three or more, outside brackets: an alternative the operation does not imply
 * ("Post cholecystectomy GBC with residual disease on imaging, History of bile spillage …, Regional LN
 * involvement on imaging studies" lists findings of which the last needs no operation).
 */
function alternativeOutsideBrackets(body: string): boolean {
  return /\b(?:or|and\/or)\b|\/\s*(?:chemo|radio|RT\b)|,[^,]*,|;/i.test(body.replace(/\([^()]*\)/g, ' '));
}

/** The reading, or null. */
export function readAfterOperation(input: ExtractInput, body: string): Finding[] | null {
  if (REFUSED_RE.test(body)) return null;
  if (input.kind === 'inclusion' && LABEL_RE.test(body)) return null;
  const specimen = SPECIMEN_RE.exec(body);
  if (specimen && FINDING_RE.test(body) && !alternativeOutsideBrackets(body)) {
    if (negatedAt(input, specimen.index)) return null;
    return [operated(input, body, [specimen.index, specimen.index + specimen[0].length])];
  }
  AFTER_OPERATION_RE.lastIndex = 0;
  const m = AFTER_OPERATION_RE.exec(body);
  if (!m) return null;
  // The words between cue and noun may not offer another treatment ("after chemotherapy or surgery").
  const between = m[1] ?? '';
  if (/\b(?:or|and\/or)\b/i.test(between)) return null;
  const end = m.index + m[0].length;
  if (negatedAt(input, m.index)) return null;
  const cancerAfter = input.mentions.some((mm) => mm.type === 'cancer' && mm.start >= end && /^\s*$/.test(body.slice(end, mm.start)));
  // "Status post hysterectomy" alone may be an operation for another illness (or a sterilisation).
  const statusPost = STATUS_POST_RE.test(m[0]) && !ORGAN_MAYBE_BENIGN_RE.test(m[0]);
  // The finding is named outside the operation's own words ("margin re-excision" names an operation).
  const finding = FINDING_RE.test(`${body.slice(0, m.index)} ${body.slice(end)}`);
  if (!finding && !cancerAfter && !statusPost) return null;
  // "status post partial cystectomy or partial nephrectomy": a list of operations is one operation had.
  const rest = body.slice(end);
  const otherAlternative = statusPost
    ? alternativeOutsideBrackets(body.slice(0, m.index)) ||
      alternativeOutsideBrackets(rest.replace(new RegExp(String.raw`^\s*(?:,|or|and\/or)\s+(?:[\w-]+\s+){0,2}?${OPERATION}\b`, 'i'), ''))
    : alternativeOutsideBrackets(body);
  if (otherAlternative) return null;
  return [operated(input, body, [m.index, end])];
}

/** all(priorTherapy(kinds: surgery), unread words of the whole sentence) over `span`. */
function operated(input: ExtractInput, body: string, span: [number, number]): Finding {
  const surgery: Condition = { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['surgery'] } };
  return wholeLineFinding(input, body, 'prior_therapy', surgery, span);
}
