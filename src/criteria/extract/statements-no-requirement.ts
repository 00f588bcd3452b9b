/**
 * Inclusion criteria that state no requirement at all: "No washout period is required", "NOTE: No
 * washout is necessary for alternating electrical fields", "A waiting period prior to enrollment is
 * not required for patients receiving standard maintenance chemotherapy (…)", "Participants are
 * eligible regardless of PD-L1 status", "Any BRAF mutation status is allowed (…)", "BRAF mutant or
 * wild type allowed", "Melanoma can be of either mutant or wild-type B-RAF". Left unread they were
 * unknown for every patient, and the coordinator was asked to check a sentence that asks nothing.
 * Read as the fact noRequirement, which every patient meets.
 *
 * Not a permission of a finding ("Asymptomatic untreated brain metastases are allowed", "Steroids for
 * physiological replacement are allowed"): one qualified so implies that the rest are not allowed,
 * which only a coordinator can weigh.
 *
 * Only a whole sentence of exactly that shape: one that goes on to ask something ("No limit to prior
 * therapies with last anti-cancer treatment ≥ 2 weeks from …", "No upper limit to the number of
 * sites, but a maximum of ten …") is left to the other readers. Only in an inclusion: in an
 * exclusion such a sentence is a note on the exclusion beside it, which the permission readers own.
 * A biomarker's status counts only where the lexicon knows the marker it names.
 *
 * A definition asks nothing either, and is read as noRequirement(definition): one of reproductive
 * status ("WOCBP is defined as any female who has experienced menarche and …", "Non-childbearing
 * potential is defined as a woman who meets either of the following criteria: …", "Women ≥50 years of
 * age would be considered postmenopausal if …"), which says whom the contraception and pregnancy
 * criteria beside it concern (their questions hold that); and RECIST's rule on which lesions count as
 * measurable ("Growth or change in a lesion previously irradiated will not be considered measurable"),
 * which the measurableDisease fact follows, where it stands alone (beside a requirement of measurable
 * disease, therapy-treated-target-lesions.ts reads what it asks of treated lesions); and a rule for
 * counting lines of therapy (LINE_COUNT_DEFINITION). Only a sentence whose subject is the defined term and
 * whose verb defines it; one that also requires, permits or excludes ("… must agree to use
 * contraception", "… are eligible") is left to the other readers, and so is an item under a lead-in
 * that asks for one of its items ("… must be evidenced by fulfilling one of the following criteria:").
 */
import type { LeafCondition } from '../facts';
import type { Category, ExtractInput, Finding } from './extractor';
import { extractTreatedTargetLesions } from './therapy-treated-target-lesions';

type Topic = 'washout' | 'biomarker_status';

const NOTE = String.raw`(?:(?:please\s+)?note\s*:?\s*|however,?\s+)?`;
/** "No washout (period) is required / necessary (for …)", "there is no washout period required for …". */
const NO_WASHOUT = new RegExp(
  String.raw`^${NOTE}(?:there\s+is\s+)?no\s+(?:wash-?out|waiting)(?:\s+periods?)?\s+(?:is\s+|are\s+)?(?:required|necessary|needed|mandated)(?:\s+(?:for|after|following)\s+.{1,200}?)?\s*[.;]?$`,
  'i',
);
/** "A waiting period (prior to enrollment) is not required (for …)". */
const WASHOUT_NOT_REQUIRED = new RegExp(
  String.raw`^${NOTE}(?:an?|the)\s+(?:wash-?out|waiting)(?:\s+period)?(?:\s+(?:prior\s+to|before)\s+(?:enrol\w*|registration|randomi[sz]ation|study\s+entry))?\s+is\s+not\s+(?:required|necessary|needed)(?:\s+for\s+.{1,200}?)?\s*[.;]?$`,
  'i',
);
const MARKER = String.raw`(?<marker>[\w-]{2,12})`;
const STATUS = String.raw`(?:(?:mutation(?:al)?|expression|biomarker)\s+)?status`;
const ANY_STATUS = [
  // "Participants are eligible regardless of PD-L1 status."
  new RegExp(String.raw`^(?:participants|patients|subjects)\s+(?:are|will\s+be)\s+eligible\s+(?:regardless|irrespective)\s+of\s+(?:their\s+|the\s+)?${MARKER}\s+${STATUS}\s*\.?$`, 'i'),
  // "Any BRAF mutation status is allowed (BRAF-mutated, BRAF wild-type or non-mutated, or BRAF status unknown)."
  new RegExp(String.raw`^any\s+${MARKER}\s+${STATUS}\s+(?:is|are)\s+(?:allowed|permitted|eligible|acceptable)(?:\s*\([^()]*\))?\s*\.?$`, 'i'),
  // "Melanoma can be of either mutant or wild-type B-RAF."
  new RegExp(String.raw`^(?:[\w-]+\s+){1,3}can\s+be\s+(?:of\s+)?either\s+(?:mutant|mutated|positive)\s+or\s+(?:wild[\s-]?type|negative)\s+${MARKER}\s*\.?$`, 'i'),
  // "BRAF mutant or wild type allowed (mutations status not necessary for enrollment)"
  new RegExp(
    String.raw`^${MARKER}\s+(?:mutant|mutated|mutation[\s-]positive|positive)\s+(?:or|and\/or)\s+(?:wild[\s-]?type|negative|non-?mutated)\s+(?:(?:is|are)\s+)?(?:allowed|permitted|eligible|acceptable)(?:\s*\([^()]*\))?\s*\.?$`,
    'i',
  ),
];

/** The reproductive status a definition is of: childbearing potential (or its absence), WOCBP, the postmenopausal state, menopause. */
const STATUS_TERM = String.raw`(?:(?:a|an|the)\s+)?(?:(?:(?:women|woman|females?|participants?|subjects?|patients?|persons?)\s+(?:who\s+(?:is|are)\s+)?(?:not\s+)?(?:of\s+)?)?(?:non[\s-]?)?child[\s-]?bearing\s+potential(?:\s*\((?:WOCBP|WOCP|FOCBP)\))?|WOCBP|WOCP|FOCBP|post-?menopausal\s+(?:state|status)|menopause)`;
const WOMEN = String.raw`^\W*(?:(?:a|an)\s+)?(?:women|woman|females?)\b`;
const DEFINED_STATUS = String.raw`(?:(?:of\s+)?(?:non[\s-]?)?child[\s-]?bearing\s+potential|post-?menopausal|fertile|(?:permanently\s+)?sterile)\b`;
const DEFINITION = [
  // "WOCBP is defined as …", "Menopause is defined clinically as …", "Non-childbearing potential is defined as …"
  new RegExp(String.raw`^\W*${STATUS_TERM}\s+(?:is|are)\s+(?:(?:clinically|hereby)\s+)?(?:defined|considered)\s+(?:(?:clinically|medically)\s+)?as\b`, 'i'),
  // "A woman is considered of childbearing potential (…) following menarche …", "Women <50 years of age would be considered postmenopausal if …"
  new RegExp(String.raw`${WOMEN}[^.;]{0,40}?\b(?:is|are|will\s+be|would\s+be|shall\s+be)\s+considered\s+(?:to\s+be\s+)?${DEFINED_STATUS}`, 'i'),
  // "Women under the age of 55 must have a documented serum FSH level less than 40 mIU/mL to be considered postmenopausal."
  new RegExp(String.raw`${WOMEN}[^.;]{0,60}?\bmust\s+have\b[^.;]{0,160}?\bto\s+be\s+considered\s+${DEFINED_STATUS}[^.;]*[.;]?$`, 'i'),
];

/**
 * "Growth or change in a lesion previously irradiated will not be considered measurable.", "Lesions
 * situated in a previously irradiated area are considered measurable if progression has been
 * demonstrated in such lesions.": RECIST 1.1's own rule on what is measurable (section 3.1.3), which
 * the measurableDisease fact follows. A definition of the disease's extent, counted under stage.
 */
const MEASURABILITY_DEFINITION = [
  new RegExp(
    String.raw`^\W*(?:(?:please\s+)?note\s*:?\s*)?(?:(?:growth|regrowth|change)\b[^.;]{0,80}?|(?:(?:an?|the|any)\s+)?(?:previously\s+)?(?:irradiated\s+|treated\s+)?(?:tumou?r\s+)?(?:lesions?|sites?)\b[^.;]{0,120}?)\s(?:are|is|will|may|can|would)\s+(?:usually\s+|only\s+)?(?:not\s+)?(?:be\s+)?considered\s+(?:as\s+)?(?:non-?)?measurable\b`,
    'i',
  ),
];
/**
 * "Perioperative systemic therapies will be counted as 1 line of therapy.", "The same regimen
 * administered twice in different disease settings will be counted as 1 line of prior therapy.":
 * how the trial counts lines of therapy, which says what the line requirements beside it mean and
 * asks nothing of its own. Counted under prior therapy. The priorLines fact counts the record's lines
 * as the record gives them; it does not apply such a rule, which the coordinator sees beside the
 * requirement it concerns.
 */
const LINE_COUNT_DEFINITION =
  /\b(?:(?:is|are|will\s+be|shall\s+be|would\s+be|may\s+be)\s+(?:counted|considered|regarded)|(?:will|shall|would)\s+count)\s+as\s+(?:(?:a|an|one|1)\s+)?(?:(?:separate|single|prior|additional|systemic)\s+)*(?:lines?|regimens?)(?:\s+of\s+(?:(?:prior|systemic|anti-?cancer|anti-?neoplastic)\s+)*(?:therapy|therapies|treatments?))?(?:\s+(?:if|when|unless)\b[^.;]*)?\s*[.;]?$/i;

/** What a definition does not say: a requirement, a permission or an exclusion of its own. */
const NOT_DEFINITION =
  /\b(?:eligible|ineligible|excluded|allowed|permitted|agree\w*|willing|contracept\w*|birth\s+control|abstinen\w*|abstain|pregnancy\s+tests?|breast-?feeding|should|required?)\b|\bmust\b(?![^.;]*\bto\s+be\s+considered\b)/i;

const CATEGORY: Record<Topic | 'definition', Category> = { washout: 'prior_therapy', biomarker_status: 'biomarker', definition: 'contraception' };

/**
 * The sentences of a criterion, as [start, end) offsets: cut after ". " and "; " (after ". " only for
 * a definition, whose alternatives a semicolon may part: "…; or postmenopausal defined as …").
 */
function sentences(text: string, cut: RegExp = /[.;](?=\s+\S)/g): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(cut)) {
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  out.push([start, text.length]);
  return out.map(([a, b]) => {
    while (a < b && /\s/.test(text.charAt(a))) a++;
    while (b > a && /\s/.test(text.charAt(b - 1))) b--;
    return [a, b] as [number, number];
  });
}

function topicOf(input: ExtractInput, a: number, sentence: string): Topic | null {
  if (NO_WASHOUT.test(sentence) || WASHOUT_NOT_REQUIRED.test(sentence)) return 'washout';
  for (const re of ANY_STATUS) {
    const m = re.exec(sentence);
    if (!m?.groups?.marker) continue;
    const at = a + m.index + sentence.slice(m.index).indexOf(m.groups.marker);
    const known = input.mentions.some((x) => (x.type === 'gene' || x.type === 'marker') && x.start <= at && x.end >= at + m.groups!.marker!.length);
    if (known) return 'biomarker_status';
  }
  return null;
}

/** Full stops between definitions; not an abbreviation's ("( i.e. fertile)", "e.g. a hysterectomy"). */
const DEFINITION_CUT = /(?<!\b(?:i\.e|e\.g|vs|approx))\.(?=\s+\S)/gi;

/**
 * A lead-in that asks for one of its items, or makes them conditions ("Non-child-bearing potential
 * must be evidenced by fulfilling one of the following criteria at screening:", "Female patients are
 * eligible if:"): an item worded as a definition is then one of the alternatives, not a definition.
 */
/** A lead-in that offers its items as options, one or more of which must hold. */
const OPTIONS_LEAD = /\b(?:(?:one|any|either|all)\s+of\s+the\s+following|either)\b/i;
const ASKING_LEAD = /\b(?:(?:one|any|either|all)\s+of\s+the\s+following|either|must|should|eligible|evidenced|fulfil\w*|meets?|if)\b/i;

/** The definitions of reproductive status or of measurability in the criterion, each sentence its own finding. */
function definitions(input: ExtractInput): Finding[] {
  // The lead-in's last sentence introduces the items ("… unless permanently sterile. The following
  // age-specific requirements apply:"); the sentences before it are its own.
  const lead = input.context[input.context.length - 1] ?? '';
  const [leadStart, leadEnd] = sentences(lead, DEFINITION_CUT).at(-1) ?? [0, 0];
  const leadSentence = lead.slice(leadStart, leadEnd);
  // A rule for counting lines is never one of a lead-in's options; it is only when the lead-in offers its items as such.
  const asking = ASKING_LEAD.test(leadSentence);
  if (asking && OPTIONS_LEAD.test(leadSentence)) return [];
  const out: Finding[] = [];
  // Beside a requirement of measurable disease, RECIST's note on treated lesions is read as what it
  // asks of the patient's treated lesions (therapy-treated-target-lesions.ts); the two readings of one
  // sentence would only repeat each other. The lesion reader is asked only once such a sentence is
  // found: it already ran on every inclusion as an extractor of its own.
  let lesionNotes: Array<[number, number]> | undefined;
  for (const [a, b] of sentences(input.text, DEFINITION_CUT)) {
    const sentence = input.text.slice(a, b);
    if (b - a > 600 || NOT_DEFINITION.test(sentence)) continue;
    const reproductive = DEFINITION.some((re) => re.test(sentence));
    const lineCount = !reproductive && LINE_COUNT_DEFINITION.test(sentence);
    if (asking && !lineCount) continue;
    if (!reproductive && !lineCount && !MEASURABILITY_DEFINITION.some((re) => re.test(sentence))) continue;
    if (!reproductive && !lineCount) {
      lesionNotes ??= extractTreatedTargetLesions(input).flatMap((f) => f.spans);
      if (lesionNotes.some(([x, y]) => x < b && y > a)) continue;
    }
    const condition: LeafCondition = { fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } };
    out.push({ category: reproductive ? CATEGORY.definition : lineCount ? 'prior_therapy' : 'stage', condition, spans: [[a, b]], polarityHandled: true });
  }
  return out;
}

export function extractNoRequirement(input: ExtractInput): Finding[] {
  if (input.kind !== 'inclusion') return [];
  const out: Finding[] = definitions(input);
  for (const [a, b] of sentences(input.text)) {
    if (b - a < 8 || b - a > 300) continue;
    if (out.some((f) => f.spans.some(([x, y]) => a >= x && b <= y))) continue;
    const topic = topicOf(input, a, input.text.slice(a, b));
    if (!topic) continue;
    const condition: LeafCondition = { fact: 'noRequirement', operator: 'equal', value: true, params: { about: topic } };
    // Its "no" and "not" say that nothing is required: no negation of the finding.
    out.push({ category: CATEGORY[topic], condition, spans: [[a, b]], polarityHandled: true });
  }
  return out;
}
