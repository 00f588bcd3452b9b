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
 */
import type { LeafCondition } from '../facts';
import type { Category, ExtractInput, Finding } from './extractor';

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

const CATEGORY: Record<Topic, Category> = { washout: 'prior_therapy', biomarker_status: 'biomarker' };

/** The sentences of a criterion, as [start, end) offsets: cut after ". " and "; ". */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/[.;](?=\s+\S)/g)) {
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

export function extractNoRequirement(input: ExtractInput): Finding[] {
  if (input.kind !== 'inclusion') return [];
  const out: Finding[] = [];
  for (const [a, b] of sentences(input.text)) {
    if (b - a < 8 || b - a > 300) continue;
    const topic = topicOf(input, a, input.text.slice(a, b));
    if (!topic) continue;
    const condition: LeafCondition = { fact: 'noRequirement', operator: 'equal', value: true, params: { about: topic } };
    // Its "no" and "not" say that nothing is required: no negation of the finding.
    out.push({ category: CATEGORY[topic], condition, spans: [[a, b]], polarityHandled: true });
  }
  return out;
}
