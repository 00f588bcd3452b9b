/**
 * Attestations only the patient or their team can confirm (rules/attestations.json): informed
 * consent, compliance with the protocol, archival tissue, a research biopsy or samples, swallowing
 * tablets, travel to the site, language, questionnaires.
 *
 *   inclusion "Ability to understand and the willingness to sign a written informed consent document"
 *                                                     → attestation(topic: informed_consent) = true
 *   inclusion "Willing and able to comply with the protocol and scheduled visits"
 *                                                     → attestation(topic: compliance) = true
 *   exclusion "Inability to provide informed consent" → attestation(topic: informed_consent) = false
 *   exclusion "Psychiatric illness/social situations that would limit compliance with study
 *             requirements"                         → attestation(topic: compliance) = false
 *
 * One finding per sentence: a sentence that names consent and compliance requires both (all) in an
 * inclusion and excludes on either (any) in an exclusion. "Age ≥ 18 at the time of signing informed
 * consent" uses consent as a date and is left to the age reader.
 */
import type { ExtractInput, Extractor, Finding } from './extractor';
import type { Condition } from '../facts';
import { PLEONASTIC_POST, sentenceEnd, subtract, TIMING_WORDS, vocab, vocabSpans, type Span } from './history-util';

const GATE =
  /consent|icf|comply|particip|mri|magnetic|complian|adhere|follow|protocol|visit|tissue|ffpe|biops|block|slides|swallow|english|language|interpret|questionnaire|diar|sample|specimen|geograph|travel|legal|guardian|assent/i;

/** Topic anchors: the words that say what is attested. */
const TOPICS: Array<{ topic: string; re: RegExp }> = [
  {
    topic: 'informed_consent',
    re: /\b(?:informed\s+consent|consent\s+(?:form|document|to\s+participate)|written\s+consent|signed\s+consent|sign\s+(?:the\s+|a\s+)?consent|(?:give|provide|giving|providing)\s+(?:written\s+)?consent|icf|(?:informed\s+)?assent|legally\s+(?:authorized|acceptable)\s+representative|legal\s+(?:representative|guardian)|durable\s+power\s+of\s+attorney)\b/i,
  },
  {
    topic: 'compliance',
    re: /\b(?:comply|complying|compliant|compliance|adhere|adherence|follow(?:ing)?\s+(?:the\s+)?(?:study|protocol|trial)|(?:willing\w*|able|ability|agree\w*|unable|inability|unwilling\w*|refus\w*|declin\w*)\s+(?:\w+\s+){0,3}?participat\w*\s+in\s+(?:the|this)\s+(?:study|trial)\b(?!\s+(?:of|on|with)\b)|(?:attend|return\s+for|available\s+for|make\s+(?:themselves|himself|herself)\s+available)[^.;]{0,40}\b(?:visits?|follow[\s-]?up|duration)|undergo\s+(?:all\s+)?(?:study|protocol)[\s-]+(?:required\s+)?(?:procedures|assessments|visits))\b/i,
  },
  {
    topic: 'tissue_available',
    re: /\b(?:archiv(?:al|ed)\s+(?:tumou?r\s+)?(?:tissue|samples?|specimens?|blocks?|biops(?:y|ies))|ffpe|formalin[\s-]fixed|paraffin[\s-]embedded|unstained\s+slides|tissue\s+(?:blocks?|samples?|specimens?)|tumou?r\s+(?:tissue\s+)?(?:blocks?|samples?|specimens?))\b/i,
  },
  {
    topic: 'biopsy_consent',
    re: /\b(?:(?:fresh|new|core|needle|tumou?r|research|mandatory|paired|on-treatment|pre-treatment|baseline|optional)\s+(?:tumou?r\s+)?biops(?:y|ies)|undergo\s+(?:a\s+)?biops(?:y|ies))\b/i,
  },
  {
    topic: 'research_samples',
    re: /\b(?:(?:research|correlative|translational)\s+(?:blood\s+)?(?:samples?|specimens?|studies|research)|blood\s+(?:samples?|specimens?|draws?)\s+for\s+research|biospecimens?)\b/i,
  },
  { topic: 'able_to_swallow', re: /\bswallow(?:ing)?\b/i },
  {
    topic: 'geographic_access',
    re: /\b(?:geographic(?:al)?(?:ally)?\s+(?:proximity|accessible|reasons?|location|conditions?)|live\s+(?:within|near)|travel\s+to\s+the\s+(?:study\s+)?(?:site|center|centre|institution))\b/i,
  },
  {
    topic: 'language',
    re: /\b(?:speak|read|understand|fluent\s+in|proficien\w+\s+in)\b[^.;]{0,30}\b(?:english|spanish|french|german|chinese|mandarin|japanese|korean|dutch|italian|local\s+language|language)\b|\b(?:english|spanish|french|german|chinese|mandarin|japanese|korean|dutch|italian)[\s-]+speak(?:ing|ers?)\b|\binterpreter\b/i,
  },
  // "Unable to undergo MRI", "Contraindication to MRI", "Able to undergo MRI with gadolinium contrast".
  { topic: 'mri_possible', re: /\b(?:MRI|MR\s+imaging|magnetic\s+resonance(?:\s+imaging)?)\b/i },
  { topic: 'questionnaires', re: /\b(?:questionnaires?|diar(?:y|ies)|patient[\s-]reported\s+outcomes?|surveys?)\b/i },
];

/** "Age ≥ 18 at the time of signing informed consent", "within 28 days prior to consent": a date. */
const CONSENT_AS_DATE =
  /\b(?:at|on|of|prior\s+to|before|after|from|since|until|till|by|within\s+\d+\s+\w+\s+(?:of|prior\s+to|before))\s+(?:the\s+)?(?:(?:time|day|date|point)\s+(?:of\s+)?)?(?:signing|sign|obtaining|providing|giving|signature\s+of)?\s*(?:the\s+|an?\s+)?(?:written\s+|signed\s+)?(?:informed\s+)?(?:consent|icf)\b/i;

/** The patient cannot or will not: "unable to", "unwilling", "inability", "refuses", "lack of". */
const CANNOT =
  /\bnon[\s-]*$|\b(?:contra-?indicat\w*|claustrophob\w*|unable|unwilling(?:ness)?|inability|incapable|incapacity|not\s+(?:be\s+)?(?:able|willing|capable)|refus\w*|declin\w*|lack(?:s|ing)?\s+(?:of\s+)?(?:the\s+)?(?:ability|capacity)?|cannot|can\s+not|can't|fail\w*\s+to|poor|impaired|not\s+(?:provide|give|sign|comply|understand)|limit\w*|interfer\w*|compromis\w*|prevent\w*|hamper\w*|affect\w*|unlikely\s+to)\b/i;

const ATTEST_VOCAB = vocab(
  TIMING_WORDS,
  'informed consent form document icf written signed sign signing dated date able ability willing willingness capable understand understanding complying read and ' +
    'provide give giving obtain obtained voluntarily voluntary agree agrees agreement participate participation the study trial prior before ' +
    'any specific procedures procedure assessments performed patient patients participant participants subject subjects legal legally ' +
    'authorized acceptable representative representatives guardian parent parents assent irb institutional review board approved ethics ' +
    'committee iec independent local regulations regulatory accordance requirements comply compliance compliant adhere adherence follow ' +
    'protocol restrictions visit visits schedule scheduled follow up followup treatment plan laboratory tests other duration entire ' +
    'archival archived tumor tissue sample samples specimen specimens block blocks slides unstained ffpe formalin fixed paraffin embedded ' +
    'fresh new core needle research biopsy biopsies mandatory paired undergo available availability submit submission swallow swallowing ' +
    'retain oral medication medications tablets capsules pills whole english language speak speaking fluent interpreter questionnaire ' +
    'questionnaires diary diaries complete completing surveys mri mr magnetic resonance imaging scan scans gadolinium contrast agent ' +
    'contraindication contraindications contraindicated claustrophobic claustrophobia tolerate cooperate non geographic geographical proximity travel site center live near unable unwilling ' +
    'inability unwillingness incapable refuse refuses refusing lack cannot not poor impaired limit limits would could may might interfere with ' +
    'compromise psychiatric illness social situations situation condition conditions familial sociological psychological reasons judgment ' +
    'opinion investigator also must have has been be is are was their his her they themselves who which that to of for in on at by or as ' +
    'requested required necessary all including blood correlative translational purposes analysis analyses collection known suspected preclude precludes giving',
);

const FILLER = new WeakMap<object, Set<string>>();

/** The shared filler words, lower-cased once per lexicon bundle. */
function fillerWords(input: ExtractInput): Set<string> {
  let set = FILLER.get(input.lex);
  if (!set) {
    set = new Set(input.lex.filler.filler.map((w) => w.toLowerCase()));
    FILLER.set(input.lex, set);
  }
  return set;
}

function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (let pos = 0; pos < text.length;) {
    const end = sentenceEnd(text, pos);
    out.push([pos, end]);
    pos = end + 1;
  }
  return out;
}

export const extractAttestations: Extractor = (input: ExtractInput) => {
  const { text } = input;
  if (!GATE.test(text)) return [];
  const out: Finding[] = [];
  const exclusion = input.kind === 'exclusion';
  const taken: Span[] = [];
  for (const [sStart, sEnd] of sentences(text)) {
    const sentence = text.slice(sStart, sEnd);
    const hits: Array<{ topic: string; at: number }> = [];
    for (const { topic, re } of TOPICS) {
      const m = re.exec(sentence);
      if (!m) continue;
      if (
        topic === 'informed_consent' &&
        CONSENT_AS_DATE.test(sentence) &&
        !/\b(?:capable|capacity|ability|able|willing|unable|inability)\s+(?:of|to)\s+(?:\w+\s+){0,2}(?:sign|provid|giv|obtain)\w*\s+(?:\w+\s+){0,3}(?:consent|icf)\b/i.test(sentence) &&
        !/\b(?:sign|provide|give|able|willing|ability|obtain|must)\b[^.;]{0,30}\bconsent/i.test(
          sentence.replace(CONSENT_AS_DATE, ''),
        )
      )
        continue;
      // "Able to swallow" — not "swallowing dysfunction" or "difficulty swallowing" (a condition).
      if (
        topic === 'able_to_swallow' &&
        !/\b(?:able|ability|unable|inability|capable|willing|difficulty|cannot)\b/i.test(sentence)
      )
        continue;
      // Being able to have an MRI — not a required MRI that is "contraindicated" for some.
      if (
        topic === 'mri_possible' &&
        !/\b(?:able|ability|unable|inability|cannot|can\s*not|contra-?indicat\w*|claustrophob\w*|tolerate|cooperate|undergo)\b[^.;]{0,40}$/i.test(
          text.slice(sStart, sStart + m.index),
        )
      )
        continue;
      hits.push({ topic, at: sStart + m.index });
    }
    // "psychiatric illness/social situations that would limit compliance with study requirements"
    const limits =
      /\b(?:psychiatric|mental|social|medical|psychological|familial|sociological|geographic\w*|condition|conditions|illness|situations?|disorders?|reasons?)\b[^.;]{0,60}?\b(?:that|which)\s+(?:would|could|may|might|will)\s+(?:\w+\s+){0,2}(?:limit|interfere\s+with|compromise|impair|prevent|hamper|affect|preclude)\w*\s+(?:(?!consent)\w+\s+){0,4}(?:compliance|adherence|participation|ability\s+to\s+(?:comply|participate|cooperate|follow)|(?:giving\s+|providing\s+|give\s+|provide\s+)?(?:informed\s+)?consent)/i.exec(
        sentence,
      );
    const limitsTopic = limits && /consent/i.test(limits[0]) ? 'informed_consent' : 'compliance';
    if (limits) {
      const i = hits.findIndex((h) => h.topic === limitsTopic);
      if (i >= 0) hits.splice(i, 1);
      hits.push({ topic: limitsTopic, at: sStart + limits.index });
    }
    if (!hits.length) continue;

    const conds: Condition[] = [];
    for (const h of hits) {
      // The patient cannot or will not: read from the words before the topic in this sentence.
      const before = text.slice(sStart, h.at);
      const after = text.slice(h.at, sEnd);
      const cannotWord = CANNOT.exec(before);
      const cannot =
        cannotWord !== null ||
        (limits !== null && h.topic === limitsTopic) ||
        /\bnon-?complian/i.test(text.slice(Math.max(sStart, h.at - 4), h.at + 12)) ||
        /^\S+\s+(?:is\s+)?(?:not\s+(?:possible|available|feasible)|unavailable)/i.test(after);
      // A scope opened by the "cannot" word itself ("Unable to swallow", "inability to comply") is
      // that same word, not a second negation cancelling it.
      const cannotAt = cannotWord ? sStart + cannotWord.index : -1;
      const negated = input.scopes.scopes.some(
        (sc) =>
          sc.kind === 'negated' &&
          h.at >= sc.start &&
          h.at < sc.end &&
          sc.trigger[0] >= sStart &&
          !(cannotWord && sc.trigger[0] < cannotAt + cannotWord[0].length && sc.trigger[1] > cannotAt) &&
          !(cannotWord && CANNOT.test(text.slice(sc.trigger[0], sc.trigger[1]))) &&
          !(exclusion && sc.end <= sc.trigger[0] && PLEONASTIC_POST.test(text.slice(sc.trigger[0], sc.trigger[1]))),
      );
      const positive = !(cannot || negated) || (cannot && negated);
      // An inclusion asks for the ability; an exclusion names its absence. A positive statement
      // among exclusions ("… willing to sign consent") restates the requirement: its absence excludes.
      if (!exclusion && !positive) continue;
      if (exclusion && positive && !/\b(?:must|should|willing|able|agree)\b/i.test(before)) continue;
      conds.push({ fact: 'attestation', operator: 'equal', value: !exclusion, params: { topic: h.topic } });
    }
    if (!conds.length) continue;
    const unique = conds.filter((c, i) => conds.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i);
    const spans = vocabSpans(input, sStart, sEnd, ATTEST_VOCAB).flatMap((sp) => subtract(sp, taken));
    if (!spans.length) continue;
    // Keep only words of this sentence's requirement, and only from the first topic word on when a
    // different requirement leads the sentence ("≥ 18 years of age … and signed informed consent").
    const first = Math.min(...hits.map((h) => h.at));
    // Words before the first topic word count only when they all belong to the requirement
    // ("Ability to understand and the willingness to sign …"), not to another one before it.
    const leadSpans = spans.filter(([a]) => a < first);
    const leadTokens = input.tokens.filter((t) => t.start >= sStart && t.end <= first);
    const filler = fillerWords(input);
    const leadIsOurs = leadTokens.every(
      (t) => filler.has(t.norm) || leadSpans.some(([a, b]) => t.start >= a && t.end <= b),
    );
    const kept: Span[] = leadIsOurs
      ? spans
      : spans.flatMap(([a, b]): Span[] => (b <= first ? [] : [[Math.max(a, first), b]]));
    if (!kept.length) continue;
    out.push({
      category: 'consent',
      condition: unique.length === 1 ? unique[0]! : exclusion ? { any: unique } : { all: unique },
      spans: kept,
      anchor: first,
      polarityHandled: true,
    });
    taken.push([sStart, sEnd]);
  }
  return out;
};
