/**
 * The period of a contraception requirement given item by item, one per cohort or study drug, under
 * a lead that ends where the period should be:
 *
 *   lead "Women of childbearing potential (WOCBP) must agree to use effective contraceptive methods
 *         from screening until at least:"
 *   item "Nivolumab: 5 months after the last dose of either nivolumab or intralesional Flucelvax,
 *         whichever is later"                          → attestation(contraception) = true
 *   item "Cohort 1: 14 days after the surgical resection for subjects in Cohort 1"
 *                                                      → attestation(contraception) = true
 *
 * Each item finishes the lead's sentence: it is the requirement itself, for the patients the item
 * names, and the contraception question (rules/attestations.json) asks for exactly that: effective
 * contraception during the study and for the time after it that the protocol requires. The item's
 * cohort or drug only says which period applies, so its words are the requirement's too. Only an
 * inclusion lead that requires contraception, and only an item that states a period after a dose or a
 * procedure, is read: anything else under such a lead ("Above-bulleted recommendation for …") is not
 * a period, and stays unread.
 */
import type { ExtractInput, Finding } from './extractor';

/** A lead requiring contraception ("must agree to use effective contraceptive methods …"). */
const CONTRACEPTION = /\b(?:contracep\w*|birth[\s-]control)\b/i;
const REQUIRED = /\b(?:must|should|shall|agree\w*|willing\w*|required?|need\s+to)\b/i;
/** Another subject that names contraception in passing (hormones to stop, interacting drugs). */
const NOT_REQUIREMENT = /\b(?:interact\w*|CYP\w*|prohibited|concomitant|discontinu\w*|stop\w*|not\s+(?:be\s+)?(?:required|necessary))\b/i;
/** The lead leaves its period to the items: "… from screening until at least:". */
const PERIOD_OPEN = /\b(?:until|through|throughout|for)(?:\s+at\s+least)?(?:\s+the\s+following)?\s*:\s*$/i;
/** A heading between that lead and the item: a cohort or drug label ("Cohort 2:", "… Whichever is later:"). */
const LABEL = /^[^.;]{1,120}:\s*$/;

const COUNT = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|thirty)`;
/** The item's period: "5 months after the last dose of …", "14 days after the surgical resection". */
const PERIOD = new RegExp(
  String.raw`\b${COUNT}\s+(?:calendar\s+)?(?:days?|weeks?|months?)\s+(?:after|following|beyond|post)\s+(?:the\s+)?(?:last|final|end|completion|discontinuation|surgical|surgery|study)\b`,
  'i',
);

/** The nearest contraception lead the item's headings hold, with only labels between them. */
function periodLead(context: string[]): boolean {
  for (let i = context.length - 1; i >= 0; i--) {
    const c = context[i]!;
    if (CONTRACEPTION.test(c)) return REQUIRED.test(c) && !NOT_REQUIREMENT.test(c) && PERIOD_OPEN.test(c);
    if (!LABEL.test(c)) return false;
  }
  return false;
}

export function contraceptionPeriodItem(input: ExtractInput): Finding[] {
  const { text } = input;
  if (input.kind !== 'inclusion' || text.length > 300 || !PERIOD.test(text)) return [];
  // The item itself names no other requirement: no pregnancy test, no contraception of its own
  // (read by the contraception reader), no condition or exception.
  if (/\b(?:pregnan\w*|contracep\w*|if|unless|except)\b/i.test(text)) return [];
  if (!periodLead(input.context)) return [];
  const start = text.search(/\S/);
  const end = text.replace(/[\s.;,]+$/, '').length;
  if (start < 0 || end <= start) return [];
  return [
    {
      category: 'contraception',
      condition: { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'contraception' } },
      spans: [[start, end]],
      anchor: start,
      polarityHandled: true,
    },
  ];
}
