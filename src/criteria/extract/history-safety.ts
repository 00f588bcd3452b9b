/**
 * Safety exclusions the patient record cannot answer, read as attestations (history-statements.ts):
 *
 *   "Known hypersensitivity to pembrolizumab or any of its excipients"
 *                                        → attestation(study_drug_allergy) = true  (exclusion)
 *   "Severe hypersensitivity (≥ Grade 3) to pembrolizumab"
 *                                        → attestation(study_drug_severe_allergy) = true
 *   "Has received a live vaccine within 30 days prior to the first dose"
 *                                        → attestation(live_vaccine) = true
 *   "Participation in another interventional clinical trial within 30 days"
 *                                        → attestation(other_trial) = true
 *   "Recovered from toxicities of prior therapy to Grade ≤ 1"
 *                                        → attestation(toxicity_recovered) = true  (inclusion)
 *
 * Why attestations and not record facts: the record holds no allergies, vaccinations or trial
 * enrolments, so a rule over other facts would exclude on a guess. (Recent major surgery is prior
 * therapy, read by the therapy readers as priorTherapy(kinds: surgery, withinDays).)
 * The windows ("within 30 days") stay in the criterion text shown with the question. A severity the
 * topic cannot hold ("≥ Grade 3") picks the severe-allergy topic; a toxicity threshold other than
 * grade 1 leaves the criterion to the coordinator.
 */
import type { ExtractInput } from './extractor';
import { ALLERGY_STATEMENTS } from './history-allergy';
import { STATEMENT_COMMON, type Statement } from './history-statements';
import { vocab } from './history-util';

const VACCINE_WORDS = vocab(
  STATEMENT_COMMON,
  'live attenuated virus viral replicating vaccine vaccines vaccination vaccinations vaccinated immunization immunisation immunizations ' +
    'receipt received receive receiving administration administered given use plan plans planned planning anticipated anticipation ' +
    'expected need needed require required requirement during duration entire course while form type any weeks',
);
const VACCINE_NOTE = vocab(
  VACCINE_WORDS,
  'note inactivated inactive killed non live nonlive seasonal influenza flu injectable covid 19 sars cov 2 mrna vector based ' +
    'vaccines allowed permitted acceptable may are is generally not considered examples example include includes including e g i ' +
    'such as measles mumps rubella mmr varicella zoster chickenpox chicken pox shingles yellow fever rabies bcg typhoid oral intranasal ' +
    'nasal flumist cholera polio smallpox dengue but limited to for which do contain',
);

const TRIAL_WORDS = vocab(
  STATEMENT_COMMON,
  'participation participating participate participates participated currently concurrent concurrently simultaneous enrolled enrollment ' +
    'enrolment involved taking part in on another other different second clinical interventional therapeutic treatment drug device imaging ' +
    'investigational experimental research study studies trial trials protocol planned plan planning intends intend any ' +
    'unless except observational non noninterventional follow up period phase blind blinded device surgical medicinal product ' +
    'products active used use agent agents compound compounds device devices equipment drugs treatments dose first date ' +
    'received allocation randomization randomisation enrollment registration half lives life whichever shorter longer least if known ' +
    'same time past informed consent signature signed volunteer volunteers exclusion periods subject from taken joined entered',
);

const TOXICITY_WORDS = vocab(
  STATEMENT_COMMON,
  'recovered recover recovery resolved resolve resolution resolving regressed returned return improved stabilized baseline level ' +
    'levels grade grades or less better lower below equal than severity ctcae nci common terminology criteria adverse event events ' +
    'effect effects reaction reactions ae aes side toxicity toxicities toxic acute reversible all any clinically significant relevant ' +
    'related due attributed attributable caused associated anticancer anti cancer systemic local surgical surgery procedures radiation ' +
    'radiotherapy chemotherapy immunotherapy version v4 v5 v5.0 0 except excluding other alopecia unresolved persistent ' +
    'ongoing residual existing incomplete not yet persisting outstanding per as according by caused from prior previous therapy therapies treatment ' +
    'failure failed fail fully completely acute late reversible effect regardless interval since last most recent value national ' +
    'institute ctcae5 tumor tumour antitumor',
);

/**
 * Effects of treatment named by their course ("acute, reversible effects of prior chemotherapy",
 * "acute and late effects"), or effects of a prior treatment ("recovered from the effects of any
 * previous chemotherapy"). Not effects of a surgery, whose recovery is its own question
 * (surgery_recovered), nor of an injury.
 */
const EFFECTS = String.raw`(?:\b(?:acute|late|reversible)(?:[\s,]+(?:and\s+|or\s+)?(?:acute|late|reversible))*\s+effects?(?:\(s\))?|(?<=\b(?:from|of)\s+(?:all\s+|any\s+|the\s+)?)effects?(?=\s+of\s+(?:any\s+|all\s+|the\s+)?(?:most\s+recent\s+)?(?:prior|previous|earlier)\s+(?!(?:major\s+|minor\s+)?surg)))`;
/** The names of a toxicity. */
const TOXICITY = String.raw`(?:toxicit\w*|toxic\s+(?:effects?|reactions?)|adverse\s+(?:events?|effects?|reactions?)|AEs|AE|side[\s-]effects?|${EFFECTS})`;
/**
 * A grade floor that is the topic's threshold stated from the other side (NCI CTCAE v5.0: recovered
 * to grade ≤ 1 is the same as no toxicity of grade ≥ 2): "≥ Grade 2", "Grade > 1", "grade 2 or higher".
 */
const ABOVE_GRADE_1 = String.raw`(?:(?:>=|≥|=>)\s*(?:CTCAE\s+)?grade\s*2|>\s*(?:CTCAE\s+)?grade\s*1|grade\s*(?:>=|≥|=>|>\s*\/?\s*=)\s*2|grade\s*>\s*1|grade\s*2\s+or\s+(?:higher|greater|above|more|worse)|(?:grade\s*)?greater\s+than\s+(?:CTCAE\s+)?grade\s*1|grade\s*greater\s+than\s*1)(?![\d.])`;
/** Words saying the toxicity is still there. */
const STILL = String.raw`(?:unresolved|persistent|persisting|ongoing|residual|existing|outstanding|non-?resolution\s+of)`;
/**
 * A ceiling or floor of another threshold, outside an exception clause ("except … Grade ≤ 2
 * neuropathy" names one toxicity spared). The lookahead before it keeps the look back to the few
 * places a comparison can start.
 */
const NOT_IN_EXCEPTION = String.raw`(?<!\b(?:except(?:ion)?s?|excluding|including|other\s+than|however|note)\b[^.;()]{0,120})`;

/** A grade floor of 3: "Grade > 2", "≥ Grade 3", "grade 3 or greater". */
const FLOOR_3 = String.raw`(?:\bgrade\s*(?:>|greater\s+than)\s*2\b|\bgrade\s*(?:>=|≥|=>)\s*3\b|(?:>=|≥|=>)\s*grade\s*3\b|\bgrade\s*3\s+or\s+(?:higher|greater|above|more)\b)`;

/**
 * The grade-2 threshold as a ceiling the toxicity must have come down to: "Grade ≤ 2", "grade 2 or
 * less", "to a value of ≤ 2". A floor of grade 3 ("Residual toxicity … of grade 3 or greater",
 * "Grade > 2 unresolved") says the same (NCI CTCAE v5.0), but a floor may be another event's ("any
 * immune-related side effect or allergic reaction (Grade 3 or higher)"), so it stays unread.
 */
const GRADE_2 = new RegExp(
  String.raw`(?=[gG≤<=tT])${NOT_IN_EXCEPTION}(?:\bgrade\s*(?:(?:≤|<=|=<)\s*2|<\s*3)\b|(?:(?:≤|<=|=<|\bto)\s*grade\s*2|<\s*grade\s*3)\b|\bgrade\s+2\s+or\s+(?:less|lower|better|below)\b|(?<=\bvalue\s+of\s*)(?:(?:≤|<=|=<)\s*2|<\s*3)(?![\d.]))`,
  'i',
);
/** The grade-1 threshold written out ("Grade ≤ 1", "to grade 1", "< grade 2", "≥ Grade 2 toxicity"). */
const GRADE_1 = new RegExp(
  String.raw`(?=[gG≤<=>≥tT])${NOT_IN_EXCEPTION}(?:\bgrade\s*(?:(?:≤|<=|=<)\s*1|<\s*2)\b|(?:(?:≤|<=|=<|\bto)\s*grade\s*[01]|<\s*grade\s*2)\b|\bgrade\s*[01]\s+or\s+(?:less|lower|better|below)\b|${ABOVE_GRADE_1})`,
  'i',
);
/** A floor of grade 3 outside an exception: unread unless a grade-2 ceiling is also the sentence's threshold. */
const FLOOR_3_STATED = new RegExp(String.raw`(?=[gG≥>=])${NOT_IN_EXCEPTION}${FLOOR_3}`, 'i');
/**
 * Toxicity of one kind ("non-hematologic", "immune-related", "neurologic", "major organ"
 * toxicities, irAEs): a narrower question than the side effects of earlier treatment at large
 * ("Ongoing irAEs and/or AEs Grade ≥2" names all of them).
 */
const ONE_KIND = new RegExp(
  String.raw`(?=[nNhHiIcCoOgGsSdDpPrR])${NOT_IN_EXCEPTION}\b(?:(?:non-?\s?)?ha?ematolog\w*|immune[\s-]+(?:related|mediated)|neurolog\w*|cardiac|hepatic|renal|pulmonary|(?:major\s+)?organ|GI|gastrointestinal|skin|dermatolog\w*|ocular)\s+(?:[\w-]+\s+){0,2}?${TOXICITY}|\birAEs?\b(?!\s+(?:and\/or|and|or)\s+(?:AEs?|adverse|toxicit))`,
  'i',
);
/**
 * An "or" outside brackets ("Any prior Grade >/= 3 immune-mediated adverse event or any unresolved
 * Grade > 1 immune-mediated adverse event"): an alternative the toxicity question may not cover, so
 * the kind of toxicity cannot be held beside it under all() without clearing patients the other
 * alternative excludes. ("and/or" joins the kinds of one toxicity.)
 */
const ALTERNATIVE_OUTSIDE_BRACKETS = /\bor\b(?<!\band\/or\b)/i;

/**
 * A toxicity put down to one named drug ("treatment related toxicity due to tebentafusp"): recovery
 * from that drug's toxicity only, narrower than the question, which asks about any earlier treatment.
 */
function oneDrug(input: ExtractInput, sentence: string): boolean {
  return input.mentions.some((m) => {
    if (m.type !== 'drug') return false;
    const name = input.text.slice(m.start, m.end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(String.raw`\b(?:due\s+to|from|related\s+to|caused\s+by|attributed\s+to|attributable\s+to|associated\s+with)\s+(?:the\s+|prior\s+|previous\s+)*${name}(?![\w-])`, 'i').test(sentence);
  });
}

/**
 * Toxicities of one grade named as the ones that must have settled ("All Grade 3 AEs related to prior
 * therapies have returned to Grade 1", "any grade 3-4 prior toxicity must be resolved to grade 0"):
 * a grade-2 toxicity may remain, so the question is narrower than recovery of every toxicity to
 * grade ≤ 1. A floor ("≥ Grade 3", "grade 3 or higher") is FLOOR_3's.
 */
const ONE_GRADE = new RegExp(
  String.raw`(?=[gG])${NOT_IN_EXCEPTION}(?<![≥>=<≤]\s*(?:CTCAE\s+)?)\bgrade\s*[34](?:\s*(?:-|–|\/|or|and|to)\s*[34])?(?!\s*or\s+(?:higher|greater|above|more|worse|less|lower|better|below)\b)\s+(?:[\w-]+\s+){0,3}?${TOXICITY}`,
  'i',
);
/** Any other threshold ("≤ Grade 3", "Grade > 3", "≥ grade 4"): a question no topic asks. */
const OTHER_GRADE = new RegExp(
  String.raw`(?=[gG≤<=>≥tT])${NOT_IN_EXCEPTION}(?:\bgrade\s*(?:≤|<=|=<)\s*3\b|(?:≤|<=|=<|\bto)\s*grade\s*3\b|\bgrade\s*(?:>|greater\s+than)\s*[23]\b|>(?!=)\s*(?:CTCAE\s+)?grade\s*[23]\b|(?:>|>=|≥|=>)\s*grade\s*4\b|(?<=\bvalue\s+of\s*)(?:≤|<=|=<)\s*3\b)`,
  'i',
);

/** Toxicity of earlier treatment, not of a disease. */
const TREATED =
  /\b(?:prior|previous|previously|earlier|last|recent|anti-?cancer|therap\w*|treatments?|chemo\w*|radi\w*|surg\w*|agents?|immunotherap\w*|drugs?)\b/i;

/**
 * A toxicity, or a recovery from adverse events, is of treatment by its name ("Ongoing toxicities ≥
 * Grade 2 per NCI CTCAE", "Has not recovered from AEs to at least Grade 1"); an adverse event alone
 * may be a disease's.
 */
const TREATMENT_HARM =
  /\btoxicit(?:y|ies)\b|\brecover\w*\s+from\s+(?:all\s+|any\s+)?(?:AEs?|adverse\s+(?:events?|effects?|reactions?))\b/i;

/**
 * Effects of, or recovery from, a surgery first ("acute and late effects of any prior surgery,
 * radiotherapy …", "no recovery from previous surgery or treatment-related adverse events"), or
 * its complications ("who received major surgery … must have recovered adequately from the toxicity
 * and/or complications from the intervention"): partly or wholly the surgery's recovery question.
 */
const SURGERY_EFFECTS =
  /\b(?:effects?\s+of|recover\w*\s+from)\s+(?:any\s+|all\s+|the\s+)?(?:prior\s+|previous\s+|recent\s+)?(?:major\s+|minor\s+)?surg|\bcomplications?\s+(?:from|of|after)\s+(?:the\s+|any\s+)?(?:intervention|procedure|(?:major\s+)?surg)/i;

/**
 * The recovery as the second clause of an exclusion ("Has received radiation therapy or major
 * surgery within 14 days prior to first dose … or has not yet recovered from AEs"): the statement's
 * run would take in the first clause's window, and the two readings would be joined as both
 * required. Left to the coordinator.
 */
const SECOND_CLAUSE =
  /\S[^.;]*?\bor\s+(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+|completely\s+|adequately\s+)?(?:recover|resol)/i;

/** A sentence sparing some toxicities ("Grade 1 adverse events and ongoing toxicities such as alopecia are exempt"). */
const SPARED = /\b(?:exempt\w*|allowed|permitted|eligible|acceptable|exceptions?)\b/i;

/**
 * "Prior intolerance to pembrolizumab", "a history of intolerance to treatment with a topoisomerase I
 * inhibitor": how an earlier treatment ended, which the record holds (priorTherapy with outcome
 * intolerance, read by therapy.ts), not an allergy to the study's medicines. A past intolerance is no
 * allergy, and the study-drug question read beside it was joined to the outcome as if both were
 * required. Only where intolerance is the one reaction named and it is not of the study's product or
 * its ingredients ("History of intolerance to any component of the study treatment" stays the
 * study-drug question).
 */
const PRIOR_INTOLERANCE =
  /\b(?:prior|previous|past|history\s+of|experienced|developed)\s+(?:an?\s+)?intoleran(?:ce|t)\s+(?:to|of)\b/i;
const ALLERGY_NAMED =
  /hypersensitiv|\bsensitivit|allerg|anaphyla|contra-?indicat|idiosyncra|excipient|component|ingredient|constituent|formulation|\b(?:study|trial|investigational|experimental)\s+(?:drugs?|treatments?|medications?|interventions?|agents?|products?)/i;
function notPriorIntolerance(statement: Statement): Statement {
  if (statement.topic !== 'study_drug_allergy') return statement;
  const applies = statement.applies;
  return {
    ...statement,
    applies: (input, sentence) =>
      !(PRIOR_INTOLERANCE.test(sentence) && !ALLERGY_NAMED.test(sentence)) &&
      (applies ? applies(input, sentence) : true),
  };
}

export const SAFETY_STATEMENTS: Statement[] = [
  ...ALLERGY_STATEMENTS.map(notPriorIntolerance),
  {
    topic: 'live_vaccine',
    category: 'medical_history',
    gate: /vaccin|immuni[sz]ation/i,
    anchor:
      /\blive(?:[\s,-]+(?:or\s+|and\s+|and\/or\s+)?(?:live[\s-]+)?(?:attenuated|virus|viral|replicating))*[\s,-]*(?:\([^()]{0,30}\)\s*)?(?:virus\s+)?(?:vaccines?|vaccinations?|immuni[sz]ations?)\b|\battenuated\s+(?:live\s+)?(?:virus\s+)?vaccin\w*|\bvaccin(?:es?|ations?)\s+(?:containing|that\s+contains?)\s+(?:a\s+)?live(?:[\s,-]+(?:attenuated|replicating))?\s+(?:virus(?:es)?|viral\s+strains?|organisms?)\b/i,
    polarity: 'event',
    words: VACCINE_WORDS,
    note: {
      test: /^\s*(?:\(?\s*note\b|[^.;]{0,80}\b(?:inactivated|killed|non-?live|mRNA|seasonal|injectable)\b[^.;]{0,80}\b(?:allowed|permitted|acceptable|may\s+(?:be\s+)?(?:receive|given|administered|used)|are\s+not\s+(?:live|considered))|[^.;]{0,40}\bexamples?\s+of\s+live\b)/i,
      words: VACCINE_NOTE,
    },
  },
  {
    topic: 'other_trial',
    category: 'other',
    // A trial of a treatment is prior or concurrent therapy (the question asks about one), where the
    // topic triggers find that ("another interventional trial").
    alsoReads: ['prior_therapy'],
    gate: /trial|stud(?:y|ies)|protocol/i,
    // "Participation of any other clinical trials", "participate to another blind interventional
    // study", "Concurrent (anti-cancer) treatment in another clinical trial", "in other investigational drug,
    // device, or surgical studies": the other trial may be named by its kinds, in a list. Without a
    // determiner the trial is named by what it tests ("participated in clinical trials of equipment
    // or drugs", "in clinical studies of other drugs or treatments"). A patient still in another
    // study's exclusion period ("Are subject to exclusion periods from another investigational
    // study") has taken part in it recently: the same question, the period being that study's. The
    // period may stand between the verb and the trial ("has participated within 4 weeks prior to the
    // first dose, in another interventional clinical trial"). The other trials may be the sentence's
    // subject, with the time they were taken part in ("Other clinical studies have been taken in the
    // past 4 weeks"); never where the sentence lets some in ("… are allowed", "… unless approved").
    // Taking part as what a condition would hinder ("any condition that … would preclude the
    // participation in a clinical study") is the patient's fitness for a study, the investigator's
    // question (history-judgement.ts), not another trial the patient is in.
    anchor:
      /^\W*(?:\d{1,3}\s*[.)]\s*)?(?:any\s+)?(?:an)?other\s+(?:[\w/-]+\s+){0,3}?(?:stud(?:y|ies)|trials?)\b(?=\s+(?:(?:has|have)\s+been\s+(?:taken|joined|entered)|within|in\s+the\s+(?:last|past|previous)|during)\b)(?![^.;]*\b(?:allow\w*|permit\w*|acceptable|eligible|approv\w*|unless|except\w*|provided|if)\b)|\b(?:subject\s+to|in|within|under)\s+(?:an?\s+|the\s+)?(?:ongoing\s+)?exclusion\s+periods?\s+(?:of|from|for)\s+(?:another|other|a|an|any|a\s+previous|previous|prior)\s+(?:[\w/-]+\s+){0,3}?(?:stud(?:y|ies)|trials?|protocols?)\b|(?<!\b(?:preclud\w*|prevent\w*|prohibit\w*|interfer\w*\s+with|compromis\w*|jeopardi[sz]\w*|limit\w*|impair\w*|hamper\w*|affect\w*|unsuitable\s+for|unfit\s+for)\s+(?:(?:the|their|his|her|its|safe|full)\s+)*)\b(?:(?:participat\w*|enrol(?:l)?(?:ed|ment)?|involve(?:d|ment)|taking\s+part|take\s+part)(?:\s+(?:within|during|in\s+the\s+(?:last|past))\b[^.;,]{0,80},)?(?:\s+(?:\w+\s+){0,2}?(?:in|on)|\s+(?:of|to))|(?:concurrent|current|ongoing|simultaneous)\s+(?:anti-?cancer\s+|anti-?tumou?r\s+|antineoplastic\s+|systemic\s+)?(?:treatment|therapy)\s+(?:in|on|within))\s+(?:(?:another|other|a|an|any|one|concurrent|different|second|further)\s+(?:[\w/-]+,?\s+){0,5}?(?:stud(?:y|ies)|trials?|protocols?)\b|(?:clinical\s+)?(?:stud(?:y|ies)|trials?)\s+(?:of|with)\s+(?:(?:other|another|any|investigational|experimental)\s+)*(?:equipment|devices?|drugs?|treatments?|agents?|therap\w*)\b)/i,
    // Willingness to join this study, its own study-related activities, or a sub-study of it, is
    // another question. "This study" counts only when no other trial is named ("within 30 days
    // before the first dose for the current study" is the other trial's window).
    reject:
      /^(?![^]*\b(?:another|other|different)\b)[^]*\b(?:this|the\s+(?:present|current|same))\s+(?:clinical\s+)?(?:study|trial)\b[^.;]{0,20}$|\bstudy[\s-]related\b|\b(?:refus\w*|unwilling\w*|declin\w*|willing\w*|agree\w*|consent\w*\s+to\s+participat\w*|sub-?stud\w*|biobank\w*|registry|follow-up\s+(?:study|protocol))/i,
    polarity: 'event',
    words: TRIAL_WORDS,
  },
  {
    topic: 'toxicity_recovered',
    category: 'medical_history',
    // The toxicity is that of earlier cancer treatment (`applies` asks for it), so the finding reads
    // the criterion's prior therapy too, as recovery from surgery and severe irAEs of earlier
    // immunotherapy do (history-judgement.ts).
    alsoReads: ['prior_therapy'],
    gate: /toxic|adverse|\bAEs?\b|\beffects?\b/i,
    anchor: new RegExp(
      String.raw`\b(?:(?:recover\w*|resol\w*|regress\w*|return\w*)\s+(?:[^.;]|\b[ie]\.[eg]\.){0,60}?${TOXICITY}|${TOXICITY}\s+[^.;]{0,160}?(?:recover\w*|resol\w*|regress\w*|return(?:ed)?\b)|${STILL}\s+[^.;]{0,40}?${TOXICITY})\b|${ABOVE_GRADE_1}[^.;]{0,30}?\b${TOXICITY}\b`,
      'i',
    ),
    // Toxicity from earlier treatment, to grade 1 or baseline, or to grade 2 (its own question,
    // topicFor); other thresholds are another question. ("Grade ≥ 2 toxicity unresolved" is the
    // grade-1 threshold; "recovered to Grade ≤ 2" is the grade-2 one; "≤ Grade 3" neither.)
    reject: OTHER_GRADE,
    topicFor: (sentence) => (GRADE_2.test(sentence) ? 'toxicity_recovered_grade2' : 'toxicity_recovered'),
    // A sentence naming both thresholds outside an exception is left to the coordinator.
    applies: (input, sentence) =>
      !(GRADE_2.test(sentence) && GRADE_1.test(sentence)) &&
      !SURGERY_EFFECTS.test(sentence) &&
      !(FLOOR_3_STATED.test(sentence) && !GRADE_2.test(sentence)) &&
      (!ONE_KIND.test(sentence) || (input.kind === 'exclusion' && !ALTERNATIVE_OUTSIDE_BRACKETS.test(sentence.replace(/\([^()]*\)/g, ' ')))) &&
      !oneDrug(input, sentence) &&
      !ONE_GRADE.test(sentence) &&
      !SECOND_CLAUSE.test(sentence) &&
      (TREATED.test(sentence) ||
        (TREATMENT_HARM.test(sentence) && !SPARED.test(sentence)) ||
        input.mentions.some((m) => m.type === 'drug' || m.type === 'drugClass')),
    // "not" and "without" are negation triggers, read by the scopes.
    // A floor above grade 1 states the toxicity as present ("Subjects with ≥ Grade 2 toxicities caused by previous therapy").
    // "AEs from prior therapy which have not recovered": a "not" after the toxicity is inside the
    // anchor, where no negation scope reaches the anchor's start. "Not yet" is a pseudo-negation
    // (rules/negation.json), which opens no scope: "has not yet recovered from AEs" is read here.
    lack: new RegExp(
      String.raw`\b(?:unresolved|non-?resolution|persistent|persisting|ongoing|residual|existing|outstanding|incomplete|unrecovered)\b|${ABOVE_GRADE_1}|(?=\b(?:not|never)\s)(?<=\b${TOXICITY}\b[^.;]{0,160})\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+|completely\s+)?(?:recover(?:ed)?|resolved?|return(?:ed)?|regress(?:ed)?)\b|\bfail(?:ure|ed|s|ing)?\s+to\s+(?:fully\s+|completely\s+)?(?:recover|resolve|return)\b|\bnot\s+yet\s+(?:been\s+)?(?:fully\s+|completely\s+)?(?:recovered|resolved|returned)\b`,
      'i',
    ),
    polarity: 'requirement',
    words: TOXICITY_WORDS,
    // "Unresolved non-hematologic toxicities of ≥ Grade 2 from prior therapies" among exclusions: the
    // unrecovered toxicity of that kind excludes, so the kind stays beside the lack as an unread leaf.
    narrowedInExclusion: ONE_KIND,
    drugs: true,
  },
];
