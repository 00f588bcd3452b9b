/**
 * Allergy statements, read as attestations (history-statements.ts):
 *
 *   "Known hypersensitivity to pembrolizumab or any of its excipients"
 *                                        → attestation(study_drug_allergy) = true  (exclusion)
 *   "Severe hypersensitivity (≥ Grade 3) to pembrolizumab"
 *                                        → attestation(study_drug_severe_allergy) = true
 *   "Allergy to penicillin", "Known allergy or intolerance to EMLA cream, lidocaine, prilocaine"
 *                                        → attestation(named_allergy) = true
 *   "History of anaphylaxis to any biologic therapy or vaccine"
 *                                        → attestation(named_severe_allergy) = true
 *   "Severe allergies or previous anaphylactic reactions"
 *                                        → attestation(severe_allergy_history) = true
 *   "Individuals with a history of sensitivity to naltrexone"
 *                                        → attestation(named_allergy) = true
 *
 * The study's own drugs (their ingredients, drugs like them, an anticancer drug the lexicon knows)
 * are the study-drug question; anything else the criterion names — an ordinary medicine, a food, a vaccine,
 * an adhesive — is the named-allergy question, asked with the criterion text that names it, so the
 * named substance is part of what the finding covers. A sentence the study-drug statement reads is
 * never read again as a named allergy. Contrast media are history-attest.ts's question
 * (contrast_possible); a live vaccine, a transfusion, or an allergy only mentioned as the reason for a
 * premedication or a steroid exception are other questions. A condition on the allergy the topic
 * cannot hold ("interfering with participation") leaves the sentence unread: among exclusions what is
 * read would exclude on its own. One that closes an exclusion's sentence ("… will be excluded if they
 * need this topical anesthetic") is kept beside the named allergy as an unparsed leaf, under all().
 */
import { concomitantOnly } from '../lexicon';
import type { ExtractInput } from './extractor';
import { readStatements, STATEMENT_COMMON, type Statement } from './history-statements';
import { sentenceEnd, sentenceStart, vocab } from './history-util';

const ALLERGY_WORDS = vocab(
  STATEMENT_COMMON,
  'hypersensitivity hypersensitivities hypersensitive allergy allergies allergic reaction reactions response responses anaphylaxis anaphylactic ' +
    'intolerance intolerant contraindication contraindications contra indication indications idiosyncrasy idiosyncratic suspected ' +
    'to against towards attributed attributable component components excipient excipients ingredient ingredients constituent constituents ' +
    'formulation formulations vehicle active inactive substance substances study trial investigational experimental drug drugs agent agents ' +
    'product products medicinal medication medications medicine medicines compound compounds similar chemical chemically biologic biological ' +
    'composition structure structural class related analog analogs analogue analogues another monoclonal antibody antibodies mab mabs human humanized humanised ' +
    'recombinant chimeric fusion protein proteins chinese hamster ovary cell cells used in used either both all one more other any its their each ' +
    'intervention interventions treatment treatments therapy therapies immunotherapy chemotherapy including include such as e g associated test article articles used',
);
/**
 * A drug label named as where the contraindications are set out ("… according to the product's
 * labels", "as per the SmPC", "as described in the Product Monograph", "per approved local
 * labeling"): the source of what a contraindication is, which narrows nothing.
 */
const LABEL_WORDS = vocab(
  'as per according accordance specified mentioned described stated listed detailed outlined corresponding respective ' +
    'current recent approved local locally label labels labeling labelling smpc smpcs summary characteristics prescribing ' +
    'information highlights monograph monographs package insert inserts provincial formulary',
);
const SEVERE_WORDS = vocab(ALLERGY_WORDS, LABEL_WORDS, 'severe serious life threatening grade immediate delayed ctcae nci');
const SEVERE =
  /\b(?:severe|serious|life[\s-]threatening|anaphyla\w*|grade\s*(?:≥|>=|>)?\s*[34]|(?:≥|>=)\s*grade\s*[34])\b/i;

const STUDY_ANCHOR =
  /\b(?:hypersensitiv\w*|sensitivit(?:y|ies)|allerg(?:y|ies|ic)|anaphyla\w*|contra-?indications?|intoleran(?:ce|t)|idiosyncra\w*)(?:\s*(?:or|and|and\/or|\/|,)?\s*(?:other\s+)?(?:reactions?|responses?|hypersensitiv\w*|sensitivit(?:y|ies)|allerg\w*|intoleran\w*|contra-?indications?|idiosyncra\w*|anaphyla\w*))*\s*(?:\([^()]{0,40}\)\s*)?(?:to|against|towards?|with|attributed\s+to|attributable\s+to|associated\s+with|related\s+to|(?<=contra-?indications?\s*)for)\b/i;
// The object: the study's drugs, their ingredients or drugs like them (a named drug counts too).
// "one of the active drugs", "any of the KORTUC ingredients", "the test article", and an unnamed
// product known by its excipients ("Metformin or any of its components").
const STUDY_OBJECT =
  /^\s*(?:(?:any|one)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:components?|ingredients?|excipients?|constituents?|drugs?|agents?|medications?|products?|compounds?)\b|(?:the\s+)?test\s+articles?\b|[\w-]+(?:\s+[\w-]+)?\s+(?:or|and(?:\s*\/\s*or)?)\s+(?:to\s+)?(?:any\s+(?:of\s+)?)?(?:its|their|the)\s+(?:\w+\s+)?(?:components?|ingredients?|excipients?|constituents?|formulations?)\b)|^\s*(?:(?:any|one\s+or\s+more|either|each|all|both)\s+(?:of\s+)?)?(?:the\s+)?(?:its\s+|their\s+)?(?:components?|ingredients?|excipients?|constituents?|formulation|active|inactive|study|trial|investigational|experimental|protocol|drugs?|medications?|medicin\w*|agents?|products?|compounds?\s+(?:of|with|similar)|chimeric|fusion\s+proteins?|treatments?|intervention|monoclonal|biologic\w*|mabs?\b|human|humani[sz]ed|recombinant|chinese\s+hamster|similar|(?:an)?other\s+(?:monoclonal|biologic|mab|human)|drugs?\s+(?:of|in)\s+(?:the\s+)?same\s+class)/i;

/**
 * "… severe allergic reactions to an unknown allergen or any components of the study drugs": the study
 * drugs are one object of two. The other, a reaction whose cause was never found, no topic asks, so
 * its words stay unread beside the study-drug question (an exclusion on either).
 */
const STUDY_AFTER = new RegExp(
  String.raw`^\s*(?:(?:an?|any)\s+unknown\s+allergens?\s+or\s+)?(?:${STUDY_OBJECT.source.replaceAll(String.raw`^\s*`, '')})`,
  'i',
);

/**
 * A medicine the lexicon knows only as a concomitant drug (an antibiotic, metformin, sitagliptin),
 * named right after the allergy without the study's components: not the study drug but an ordinary
 * medicine, asked as the named-allergy question. ("Known hypersensitivity to Metformin or any of its
 * components" names the product by its excipients and stays the study drug.)
 */
function ordinaryMedicineNamed(input: ExtractInput, sentence: string): boolean {
  const m = STUDY_ANCHOR.exec(sentence);
  if (!m) return false;
  if (STUDY_OBJECT.test(sentence.slice(m.index + m[0].length))) return false;
  return ordinaryMedicineAfter(input, sentence, m.index + m[0].length);
}

/** Whether the first word after `from` in the sentence starts a concomitant-only drug or a concomitant class. */
function ordinaryMedicineAfter(input: ExtractInput, sentence: string, from: number): boolean {
  const rest = sentence.slice(from);
  const at = input.text.indexOf(sentence) + from + (rest.length - rest.trimStart().length);
  const named = input.mentions.find((mn) => mn.start === at && (mn.type === 'drug' || mn.type === 'drugClass'));
  if (!named) return false;
  return named.type === 'drug'
    ? concomitantOnly(input.lex, named.id)
    : input.lex.classById.get(named.id)?.concomitant === true;
}

const STUDY_DRUG_ALLERGY: Statement = {
  topic: 'study_drug_allergy',
  category: 'medical_history',
  gate: /hypersensitiv|\bsensitivit|allerg|anaphyla|contra-?indicat|intoleran|idiosyncra/i,
  anchor: STUDY_ANCHOR,
  after: STUDY_AFTER,
  applies: (input, sentence) => !ordinaryMedicineNamed(input, sentence),
  // Contrast media, MRI, iodine, metals, food, unnamed allergens, a device or rescue medication are other questions.
  // So is anaesthesia, unless in brackets as an example of the study's drugs ("… to drug used in the
  // study (local anesthetics, opioids)").
  reject:
    /\bgrade\s*(?:≥|>=|>)?\s*[12]\b|\b(?:contrast|gadolinium|iodin\w*|MRI|magnetic\s+resonance|latex|adhesive|metal\w*|nickel|food|unknown\s+allergens?(?!\s+or\s+(?:any|one)\s+(?:of\s+)?(?:the\s+)?(?:components?|ingredients?|excipients?)\b)|desensiti[sz]ation|surgery|radiotherapy|radiation|procedures?|(?:anesthe|anaesthe)\w*(?![^()]*\))|exercise|vaccines?|devices?|rescue)\b/i,
  polarity: 'event',
  // Severity words are accounted for by the severe topic, the only one they can appear with.
  words: SEVERE_WORDS,
  drugs: true,
  topicFor: studyDrugTopic,
};

/** A plain reaction named again with its own determiner after a severe one ("…, or known allergies to dostarlimab"). */
const PLAIN_RESTATED = /\b(?:known|any|documented|history\s+of)\s+(?:(?!severe|serious|life|anaphyla)[\w-]+\s+)?(?:intoleran\w*|allerg(?:y|ies)|hypersensitiv\w*|contra-?indicat\w*)/i;

/**
 * Severe only when the severity qualifies every reaction the sentence names: "Contraindications or
 * life-threatening allergies … to any study drug" and "severe allergic reactions to chimeric antibodies
 * …, or known allergies to dostarlimab" exclude on any reaction to the study drug, so they stay the
 * plain question (which a severe reaction answers too).
 */
function studyDrugTopic(sentence: string): string {
  if (!SEVERE.test(sentence)) return 'study_drug_allergy';
  const word = SEVERE_WORD.exec(sentence);
  if (!word) return 'study_drug_severe_allergy';
  // A severity stated in a sentence of its own ("… other monoclonal antibodies.Severe anaphylaxis
  // (grade ≥ 3)") grades the reactions named before it.
  const lead = sentence.slice(0, word.index);
  const since = Math.max(0, ...[...lead.matchAll(/[a-z)]{2}\.\s*(?=[A-Z]|$)/g)].map((b) => b.index + b[0].length));
  const before = lead.slice(since);
  const after = sentence.slice(word.index + word[0].length);
  if (PLAIN_ALLERGY.test(before) || /\bcontra-?indicat\w*/i.test(before) || PLAIN_RESTATED.test(after)) return 'study_drug_allergy';
  return 'study_drug_severe_allergy';
}

/** Allergy words that say the patient reacted to something; "sensitivity" alone may be a tumour's. */
const ALLERGY = String.raw`(?:hypersensitiv\w*|over-?sensitivit(?:y|ies)|allerg(?:y|ies|ic)|anaphyla\w*|idiosyncra\w*)`;
/** Words that may join it ("allergy or intolerance", "hypersensitivity or adverse reaction"). */
const ALSO = String.raw`(?:reactions?|responses?|episodes?|shock|hypersensitiv\w*|(?:over-?)?sensitivit(?:y|ies)|allerg\w*|anaphyla\w*|idiosyncra\w*|intoleran(?:ces?|t)|intolerabilit(?:y|ies)|contra-?indications?|(?:serious\s+|severe\s+)?(?:adverse|side)[\s-](?:reactions?|effects?))`;
const JOIN = String.raw`\s*,?\s*(?:or|and|and\/or|\/)?\s*(?:(?:a\s+)?history\s+of\s+)?(?:other\s+)?`;
const CHAIN = String.raw`(?:(?:intoleran(?:ces?|t)|contra-?indications?)${JOIN})?${ALLERGY}(?:${JOIN}${ALSO})*`;
const PREP = String.raw`\s*(?:\([^()]{0,40}\)\s*)?(?:to|against|towards?|attributed\s+to|attributable\s+to|associated\s+with|related\s+to|due\s+to|caused\s+by|from)\b`;
/**
 * Words that end the named object: a clause, a condition or a window begins ("… xylocaine will be
 * excluded if they need this topical anesthetic", "… earlier in life").
 */
const OBJECT_END =
  'if|unless|except|excluding|when|whenever|where|while|who|whom|whose|which|that|requir\\w*|need\\w*|interfer\\w*|will|would|may|might|must|should|can|could|is|are|was|were|be|been|being|has|have|had|not|no|without|within|during|prior\\s+to|before|after|since|until|judged|considered|deemed|defined|per|according|earlier|grade|ctcae|history|presence|evidence';
/** The named object: a run of words up to the end of the sentence or a word of OBJECT_END. */
const OBJECT = String.raw`(?:\s+(?!(?:${OBJECT_END})\b)[^\s;]+){1,14}`;
/** "Allergy to penicillin", "hypersensitivity or adverse reaction to GM-CSF". */
const NAMED_AFTER = new RegExp(String.raw`\b${CHAIN}${PREP}${OBJECT}`, 'i');
/** "Bleomycin allergy", "known soy allergy", "Any form of fungal allergy": the substance before the word. */
const SUBSTANCE_BEFORE = new RegExp(
  String.raw`\b(?!(?:known|severe|serious|significant|major|any|other|multiple|documented|history|prior|previous|active|current|life|threatening|clinically|relevant|suspected|existing|confirmed|childhood|seasonal|resolved|mild|moderate|the|an?|no|or|and|of|with|to|for|have|has|had|drug|medication|systemic|acute|chronic|uncontrolled)\b)[A-Za-z][\w-]*\s+allerg(?:y|ies)\b(?!${PREP})`,
  'i',
);
const NAMED_ANCHOR = new RegExp(`${NAMED_AFTER.source}|${SUBSTANCE_BEFORE.source}`, 'i');

/**
 * Not an allergy the patient is asked about: contrast media (contrast_possible), a live vaccine, a
 * transfusion, an allergy named as the reason for a premedication or a steroid exception
 * ("Steroids as premedication for hypersensitivity reactions"), rescue medication or an unknown
 * allergen the patient cannot name, sensitivity to radiation or light, food as a diet, or a
 * permission.
 */
const NOT_NAMED =
  /\b(?:contrast|gadolin\w*|iodin\w*|radio-?contrast|tracers?|radiotracers?|live\b[^.;]{0,30}vaccin\w*|transfus\w*|blood\s+(?:products?|components?)|platelets?|pre-?medicat\w*|pre-?meds?|prophyla\w*|prevent\w*|mitigat\w*|desensiti[sz]\w*|steroids?|corticosteroids?|glucocorticoids?|prednison\w*|dexamethason\w*|rescue|unknown|radiation|radiotherap\w*|irradiation|ionizing|sun|sunlight|light|ultraviolet|UV|diet\w*|exceptions?|allowed|permitted|(?:are|is|be|remain)\s+eligible|not\s+(?:be\s+)?excluded|may\s+be\s+(?:enrolled|included))\b/i;
/** A condition on the allergy that no topic holds: the sentence is left unread. */
const NARROWED =
  /^\W*(?:for|in)\s+(?:patients|participants|subjects|those|cohorts?|arms?|parts?)\b|\b(?:if|unless|when|whenever|only|requir\w*|need\w*|interfer\w*|which|judge?ment|opinion|discretion|(?:may|might|could|would)\s+(?:increase|compromise|affect|pose))\b/i;
/**
 * A condition closing an exclusion's sentence ("… xylocaine will be excluded if they need this topical
 * anesthetic"): it narrows the allergy without changing it, so among exclusions the allergy is read
 * with the condition beside it as an unparsed leaf, under all() (Statement.narrowedInExclusion): only
 * a patient with the allergy can be excluded, and whether the condition holds is the coordinator's.
 */
const CONDITION_TAIL = /(?<=[\s,])(?:(?:will|shall)\s+be\s+excluded\s+)?(?:only\s+)?\b(?:if|when|whenever)\b[^.;,]*[^.;,\s]/i;
/** NARROWED, unless an exclusion's only narrowing is its closing condition (CONDITION_TAIL). */
function narrowedBeyondTail(input: ExtractInput, sentence: string, anchorEnd: number): boolean {
  if (!NARROWED.test(sentence)) return false;
  if (input.kind !== 'exclusion') return true;
  const tail = CONDITION_TAIL.exec(sentence);
  if (!tail || tail.index < anchorEnd || tail.index + tail[0].length < sentence.replace(/[\s.;]+$/, '').length) return true;
  return NARROWED.test(sentence.slice(0, tail.index));
}

/** The allergy as the purpose of something else ("premedication for hypersensitivity", "to prevent allergic reactions"). */
const PURPOSE =
  /\b(?:for|against|(?:prevent\w*|mitigat\w*|control\w*|treat\w*|manag\w*)(?:\s+of)?)\s+(?:(?:the|an?|any|acute|possible|potential|infusion|and\/or|or|and)\s+){0,3}$/i;

const OTHER_REQUIREMENT = vocab('contraindication contraindications contra indication indications presence evidence');
/**
 * Words the named finding may cover besides its object. Not a contraindication or the presence of
 * something, which after the object start another requirement ("… or presence of any
 * contraindications for planned treatment").
 */
const NAMED_WORDS = vocab(
  [...SEVERE_WORDS].filter((w) => !OTHER_REQUIREMENT.has(w)),
  'adverse side effect effects reaction reactions episode episodes shock intolerances intolerability sensitivity sensitivities oversensitivity ' +
    'form forms kind kinds type types due caused documented confirmed suspected systemic personal existing',
);

/**
 * Sentences of the criterion the study-drug statement reads: never read again as a named allergy,
 * nor as an allergy of any cause ("… other monoclonal antibodies.Severe anaphylaxis (grade ≥ 3)").
 */
const STUDY_READ = new WeakMap<ExtractInput, Set<string>>();
function studyDrugReads(input: ExtractInput, sentence: string): boolean {
  let read = STUDY_READ.get(input);
  if (!read) {
    const { text } = input;
    read = new Set(
      readStatements(input, [STUDY_DRUG_ALLERGY]).map((f) => {
        const at = f.anchor ?? 0;
        return text.slice(sentenceStart(text, at), sentenceEnd(text, at));
      }),
    );
    STUDY_READ.set(input, read);
  }
  return read.has(sentence);
}

/** A severity that qualifies the allergy words after it; a grade ("(≥ Grade 3)") qualifies them all. */
const SEVERE_WORD = /\b(?:severe|serious|life[\s-]threatening|anaphyla\w*)/i;
const PLAIN_ALLERGY = /\b(?:intoleran\w*|allerg\w*|hypersensitiv\w*|sensitivit\w*)\b/i;

/**
 * Severe only when the severity qualifies every allergy the sentence names: "Known intolerance or
 * history of severe hypersensitivity to sitagliptin" and "Known allergy, or history of serious
 * adverse reaction to vaccines" exclude on any reaction, so they stay the plain question.
 */
function namedTopic(sentence: string): string {
  if (!SEVERE.test(sentence)) return 'named_allergy';
  const word = SEVERE_WORD.exec(sentence);
  return word && PLAIN_ALLERGY.test(sentence.slice(0, word.index)) ? 'named_allergy' : 'named_severe_allergy';
}

const NAMED_ALLERGY: Statement = {
  topic: 'named_allergy',
  category: 'medical_history',
  gate: /hypersensitiv|sensitivit|allerg|anaphyla|idiosyncra/i,
  anchor: NAMED_ANCHOR,
  reject: NOT_NAMED,
  applies: (input, sentence) => {
    const m = NAMED_ANCHOR.exec(sentence);
    return (
      m !== null &&
      !PURPOSE.test(sentence.slice(0, m.index)) &&
      !narrowedBeyondTail(input, sentence, m.index + m[0].length) &&
      !studyDrugReads(input, sentence)
    );
  },
  narrowedInExclusion: CONDITION_TAIL,
  polarity: 'event',
  words: NAMED_WORDS,
  drugs: true,
  topicFor: namedTopic,
};

/** "History of anaphylaxis", "severe allergic episodes", "Severe allergies": of any cause, nothing named. */
const SEVERE_ANCHOR =
  /\b(?:(?:severe|serious|life[\s-]threatening)\s+(?:(?:systemic|acute|immediate|delayed|generali[sz]ed)\s+)?(?:allerg(?:y|ies)|allergic\s+(?:reactions?|episodes?|responses?|disorders?|diseases?)|hypersensitivity(?:\s+reactions?)?)|anaphyla(?:xis|ctic(?:\s+(?:reactions?|shock|episodes?|responses?))?))\b/i;
/** What follows the anchor names the object ("… reactions to chimeric antibodies"): another question. */
const HAS_OBJECT = new RegExp(String.raw`^(?:${JOIN}${ALSO})*\s*\)?${PREP}`, 'i');
/** An example of another reaction ("serious adverse reaction to vaccines such as anaphylaxis"). */
const EXAMPLE_OF = /(?:such\s+as|including|includes?|e\.?\s?g\.?|i\.?\s?e\.?|like|defined\s+as|\()[\s,]*$/i;

const SEVERE_HISTORY: Statement = {
  topic: 'severe_allergy_history',
  category: 'medical_history',
  gate: /anaphyla|allerg|hypersensitiv/i,
  anchor: SEVERE_ANCHOR,
  reject: NOT_NAMED,
  applies: (input, sentence) => {
    const m = SEVERE_ANCHOR.exec(sentence);
    if (!m || studyDrugReads(input, sentence)) return false;
    const after = sentence.slice(m.index + m[0].length);
    const before = sentence.slice(0, m.index);
    return !HAS_OBJECT.test(after) && !EXAMPLE_OF.test(before) && !PURPOSE.test(before) && !NARROWED.test(sentence);
  },
  polarity: 'event',
  words: vocab(NAMED_WORDS, 'episodes episode earlier life reactions'),
};

/**
 * "Sensitivity to X" alone, with X an ordinary medicine (naltrexone, penicillin): an allergy to it, the
 * named-allergy question ("Individuals with a history of sensitivity to naltrexone"). Not to an
 * anticancer drug or one of the study's: "sensitivity to platinum" is how a tumour responds
 * (platinum-sensitive disease), so only a medicine the lexicon knows as concomitant-only, or a
 * concomitant class, named right after "to" is read; any other object leaves the sentence unread.
 */
const SENSITIVITY_ANCHOR = /\bsensitivit(?:y|ies)\s+to\b/i;
const ALLERGY_WORD = new RegExp(ALLERGY, 'i');

const SENSITIVITY_NAMED: Statement = {
  topic: 'named_allergy',
  category: 'medical_history',
  gate: /sensitivit/i,
  anchor: SENSITIVITY_ANCHOR,
  reject: NOT_NAMED,
  applies: (input, sentence) => {
    const m = SENSITIVITY_ANCHOR.exec(sentence);
    // Another allergy word is the other statements' to read; a condition on it leaves the sentence unread.
    return (
      m !== null &&
      !ALLERGY_WORD.test(sentence) &&
      !/\bintoleran|contra-?indicat/i.test(sentence) &&
      !NARROWED.test(sentence) &&
      ordinaryMedicineAfter(input, sentence, m.index + m[0].length)
    );
  },
  polarity: 'event',
  words: NAMED_WORDS,
  drugs: true,
};

/**
 * "Has any contraindication as mentioned in the recent Keytruda Highlights of Prescribing Information",
 * "Contraindications as listed in the SmPC": a contraindication whose object is a drug's label, not a
 * named drug or ingredient — the label of the drug the study gives, the study-drug question (the
 * topic's "been told you must not take"). The treatment whose label it is may be named before it
 * ("Presence of any contraindication with regard to the encorafenib-binimetinib-treatment as specified
 * in the corresponding SmPCs"): a label cited for it makes it a medicine the study gives. Only the
 * label words may follow: a condition after them stays unread. Contrast media and scans are
 * contrast_possible's and mri_possible's questions (history-attest.ts), whatever leaflet they cite.
 */
const LABEL = String.raw`(?:labels?|label(?:l)?ing|SmPCs?|prescribing\s+information|product\s+monographs?|package\s+inserts?|summary\s+of\s+product\s+characteristics)`;
const LABEL_ANCHOR = new RegExp(
  String.raw`\bcontra-?indications?\s+(?:(?:(?:with|in)\s+regard\s+to|with\s+respect\s+to|to|for|against)\s+(?:the\s+)?[\w®-]+(?:[\s-]+[\w®-]+){0,3}?,?\s+)?(?:(?:as\s+)?(?:mentioned|described|specified|listed|stated|detailed|outlined)\s+in|according\s+to|as\s+per|per)\s+(?:the\s+)?(?:[\w®-]+,?\s+){0,4}?${LABEL}\b`,
  'i',
);
const LABEL_CONTRAINDICATION: Statement = {
  topic: 'study_drug_allergy',
  category: 'medical_history',
  gate: /contra-?indicat/i,
  anchor: LABEL_ANCHOR,
  // A named drug the study-drug statement reads already ("Contraindications to pembrolizumab as per the SmPC").
  applies: (input, sentence) => !studyDrugReads(input, sentence),
  // A condition on it ("… if the patient is older than 70") narrows what no topic holds.
  reject: /\b(?:if|unless|when|whenever|only|except|excluding|provided|which|that|who|whose|requir\w*|need\w*|contrast|gadolin\w*|iodin\w*|MRI|tracers?|radiotracers?|vaccines?)\b/i,
  polarity: 'event',
  words: vocab(SEVERE_WORDS, 'regard respect'),
  drugs: true,
};

/**
 * "History of severe reactions to monoclonal antibodies, melphalan, heparin or iodine contrast",
 * "History of severe immediate or delayed hypersensitivity reaction to biologic drugs, monoclonal
 * antibodies, iodinated contrast agent", "History of severe reactions to monoclonal antibodies": a
 * severe reaction to a list of substances the criterion names, which the statements above leave
 * unread when a contrast medium is one of them (contrast alone is contrast_possible's question) or
 * when "reactions" stands without an allergy word. Read as the named severe-allergy question, which
 * asks about every substance named, contrast included.
 *
 * "Severe reactions" to antibodies or biologics as a class are the hypersensitivity and infusion
 * reactions they are known for; to one named anticancer drug they may be its toxicity (a severe
 * immune-related event), so the list must name antibodies or biologics as a class (or, with an
 * allergy word, a contrast medium beside another substance), and its other members may only be
 * contrast media or drugs the lexicon knows. Contrast alone stays contrast_possible's.
 */
const LIST_SEVERE_ANCHOR =
  /\b(?:severe|serious|life[\s-]threatening)\s+(?:(?:immediate|delayed|acute|systemic)\s+(?:(?:or|and|and\/or)\s+(?:immediate|delayed|acute|systemic)\s+)?)?(?:(?:hypersensitivity|allergic)\s+)?reactions?\s+to\b/i;
const CLASS_MEMBER = /^(?:(?:other|any)\s+)?(?:monoclonal\s+antibod(?:y|ies)|biologic(?:al)?\s+(?:drugs?|agents?|products?|therap(?:y|ies)))$/i;
const CONTRAST_MEMBER =
  /^(?:(?:any|other)\s+)?(?:(?:iodine|iodinated|ct|iv|intravenous|gadolinium(?:[\s-]based)?)\s+)?contrast(?:\s+(?:agents?|media|medium|dyes?))?$/i;
/** A permission, premedication or condition anywhere in the criterion: the list is not read. */
const LIST_REJECT =
  /\b(?:pre-?medicat\w*|pre-?meds?|prophyla\w*|prevent\w*|mitigat\w*|desensiti[sz]\w*|steroids?|corticosteroids?|rescue|unknown|exceptions?|allowed|permitted|eligible|not\s+(?:be\s+)?excluded|may\s+be\s+(?:enrolled|included)|if|unless|when|only|requir\w*|need\w*|interfer\w*|immune[\s-]related|irae\w*|toxicit\w*)\b/i;

function severeListApplies(input: ExtractInput, sentence: string): boolean {
  if (LIST_REJECT.test(input.text)) return false;
  const m = LIST_SEVERE_ANCHOR.exec(sentence);
  if (!m) return false;
  const members = sentence
    .slice(m.index + m[0].length)
    .split(/,|\b(?:and\/or|or|and)\b/i)
    .map((w) => w.trim().replace(/[.;]$/, '').trim())
    .filter(Boolean);
  if (!members.length) return false;
  const drugNamed = (w: string): boolean =>
    input.mentions.some((mn) => (mn.type === 'drug' || mn.type === 'drugClass') && mn.text.toLowerCase() === w.toLowerCase());
  if (!members.every((w) => CLASS_MEMBER.test(w) || CONTRAST_MEMBER.test(w) || drugNamed(w))) return false;
  const contrast = members.filter((w) => CONTRAST_MEMBER.test(w)).length;
  if (contrast === members.length) return false;
  // With an allergy word and no contrast medium the statements above read the list.
  const allergyWord = /hypersensitivity|allergic/i.test(m[0]);
  if (allergyWord) return contrast > 0;
  return members.some((w) => CLASS_MEMBER.test(w));
}

const LIST_SEVERE: Statement = {
  topic: 'named_severe_allergy',
  category: 'medical_history',
  gate: /reaction/i,
  anchor: LIST_SEVERE_ANCHOR,
  applies: severeListApplies,
  polarity: 'event',
  words: vocab(NAMED_WORDS, 'contrast iodine iodinated gadolinium based ct iv intravenous agent agents media medium dye dyes biologic biological'),
  drugs: true,
};

export const ALLERGY_STATEMENTS: Statement[] = [
  STUDY_DRUG_ALLERGY,
  NAMED_ALLERGY,
  SEVERE_HISTORY,
  SENSITIVITY_NAMED,
  LABEL_CONTRAINDICATION,
  LIST_SEVERE,
];
