/**
 * Conditions from rules/conditions.json — infections (HIV, hepatitis B/C, tuberculosis, COVID-19,
 * active infection) and medical history (autoimmune disease, transplant, ILD/pneumonitis, cardiac,
 * cerebrovascular, other comorbidities) — read as condition(names, active?, withinYears?, except?).
 *
 *   "Known HIV infection"                                  → condition(names: hiv) = true
 *   "Active hepatitis B or C"                              → condition(names: hbv|hcv, active) = true
 *   "Active infection requiring systemic therapy"          → condition(names: infection, active) = true
 *   "Active autoimmune disease that has required systemic treatment in the past 2 years (vitiligo,
 *    type 1 diabetes, hypothyroidism on replacement are allowed)"
 *        → condition(names: autoimmune_disease, active, withinYears: 2, except: vitiligo|…) = true
 *   "Myocardial infarction within 6 months"                → condition(names: myocardial_infarction, withinYears: 0.5)
 *   "NYHA class III or IV heart failure"                   → condition(names: heart_failure_nyha_3|heart_failure_nyha_4)
 *
 * A coordinated list sharing its qualifiers ("HIV, hepatitis B and C") is one leaf with all the
 * names, since condition(names) already means "any of": exclusion lists written with "and" mean
 * "any of them" too. `active` stands for active, current, uncontrolled or needing treatment
 * (facts.ts: "current or uncontrolled"); "severe", "serious" and "significant" are read the same way,
 * the closest the vocabulary comes. A permission after the condition ("HIV-positive patients on
 * effective ART with undetectable viral load are eligible") narrows it to `active` and is covered.
 * Qualifiers the facts cannot hold ("that required steroids") leave the mention unread rather than
 * making an exclusion wider than its text. A CTCAE grade floor is the exception, since it only
 * narrows the condition it grades: "Peripheral neuropathy of Grade 2 or greater" →
 * all(condition(names: peripheral_neuropathy), unparsed "Grade 2 or greater"). The condition is then
 * necessary for the exclusion (a patient without neuropathy is not excluded) and the grade is left
 * to the coordinator; a grade ceiling ("Grade ≤ 1 neuropathy is allowed") stays a permission.
 * Chronic viral infections in exclusions are read the same way when narrowed:
 *   "HIV-positive patients on combination antiretroviral therapy"
 *        → all(condition(names: hiv), unparsed "patients on combination antiretroviral therapy")
 *   "HBsAg positive with HBV DNA higher than 1000 copies/ml"
 *        → all(condition(names: hbv, active), unparsed "HBV DNA higher than 1000 copies/ml")
 *   "HCV antibody positive with HCV RNA above the lower limit of detection" → condition(names: hcv, active)
 * No fact holds a viral load, so the threshold is left to the coordinator; "active" is the replicating
 * infection any such threshold presupposes.
 *
 * Other malignancies are in history-malignancy.ts; leptomeningeal disease and cord compression in
 * history-brain.ts.
 */
import { modalNegationInExclusion, mergeSpans, tokenAt, type ExtractInput, type Extractor, type Finding } from './extractor';
import type { Condition } from '../facts';
import { bloodPressureLimitsRead } from './labs';
import { causedByTreatment, causedByTreatmentBefore } from './history-caused-treatment';
import { readsChildPughClass } from './clinical-scales';
import type { Mention } from '../lexicon';
import { exemptionLeadIn } from '../segment';
import { negativeSerologyLead, serologyTail } from './history-serology-lead';
import { normalise } from '../text';
import { NUMBER, toNumber } from '../numbers';
import {
  negatedAt,
  sentenceEnd,
  sentenceStart,
  subtract,
  timingTail,
  toYears,
  vocab,
  vocabSpans,
  type Span,
} from './history-util';

/**
 * Conditions read by other modules, or that belong to other categories of criteria. Gilbert syndrome
 * is named only as the subgroup a bilirubin limit relaxes for (labs.ts): "without a pattern consistent
 * with Gilbert's syndrome" never requires the patient to be free of it.
 */
const ELSEWHERE = new Set(['leptomeningeal_disease', 'spinal_cord_compression', 'gilbert_syndrome']);

/** Qualifiers meaning current or uncontrolled (facts.ts `active`). */
const ACTIVE_WORDS =
  /\b(?:active|actively|uncontrolled|ongoing|current|currently|symptomatic|unstable|unsteady|untreated|uncorrected|severe|serious|significant|poorly\s+controlled|poorly\s+regulated|dysregulated|not\s+(?:well\s+)?controlled|clinically\s+active|acute|chronic|progressive|progressing|persistent|intercurrent|concurrent|unresolved|decompensated)\b/i;
/** "… (social situations) that would limit compliance with study requirements". */
export const LIMITS_COMPLIANCE =
  /^\s*(?:\/\s*|or\s+|and\s+)?(?:social\s+situations?\s+)?(?:that|which)\s+(?:would|could|may|might|will)\s+(?:limit|interfere\s+with|compromise|impair|prevent)\s+(?:\w+\s+){0,3}(?:compliance|adherence|participation|ability)/i;

/** Qualifier run before a condition ("known active chronic"). */
const QUALS =
  /(?:\b(?:known|history|of|or|and|and\/or|prior|previous|previously|past|documented|diagnosed|diagnosis|confirmed|suspected|presence|evidence|any|other|concomitant|active|actively|uncontrolled|ongoing|current|currently|symptomatic|unstable|unsteady|untreated|uncorrected|severe|serious|significant|clinically|clinical(?=\s+significant)|relevant|poorly|controlled|regulated|dysregulated|not|well|acute|chronic|progressive|progressing|persistent|intercurrent|concurrent|unresolved|decompensated|bacterial|viral|fungal|mycobacterial|parasitic|opportunistic|systemic|infectious|non-infectious|noninfectious|new|recent|recently|major|underlying|pre-existing|preexisting|existing|a|an|the|medical|atrial|ventricular|supraventricular|cardiac|recurrent|unevaluated|new-onset|onset|transmural|uncorrectable|irreversible|refractory|end-stage|life-threatening|swab|swab-positive|positive|suspected|impending|hemodynamically|haemodynamically|suffering\s+from|(?:lung|pulmonary|respiratory|cardiac|heart|hepatic|liver|renal|kidney)-specific)\b[\s,/-]*|\([^()]{0,30}\)\s*)+$/i;
/** "History or current evidence of", "past or present", "active or prior": either one, so not only the active form. */
const PAST_OR_PRESENT =
  /\b(?:history|past|prior|previous|previously)\s+(?:of\s+)?(?:or|and\/or)\s+(?:a\s+)?(?:current|currently|active|ongoing|present|concurrent)\b|\b(?:current|currently|active|ongoing|present|concurrent)\s+(?:or|and\/or)\s+(?:a\s+)?(?:history|past|prior|previous|previously)\b/i;
/** Qualifiers naming a kind of the condition (a subset of it), kept beside it as an unparsed leaf. */
const KIND_QUAL = /\b(?:new[\s-]+onset|transmural|end[\s-]stage|ha?emodynamically\s+(?:significant|unstable|relevant)|uncorrectable|irreversible)\b/i;
const KIND_QUAL_ALL = new RegExp(KIND_QUAL.source, 'gi');
/** Qualifiers that narrow a condition to a subtype the lexicon does not name. */
const RESTRICTIVE_QUAL =
  /\b(?:new[\s-]+onset|unevaluated|recurrent|transmural|refractory|end[\s-]stage|life[\s-]threatening|impending)\b/i;
/**
 * A CTCAE grade floor before or after a condition (NCI CTCAE v5.0 grades 1–5): "Grade ≥ 2",
 * "≥ Grade 2", "Grade 3 or 4", "of Grade greater than or equal to 2", "Grade 2 or higher (per NCI
 * CTCAE v5.0)". A ceiling ("Grade ≤ 1", "Grade 1 or less") is not one.
 */
const GRADE_FLOOR = String.raw`(?:\bG[1-4](?!\w|\.\d)|(?:NCI[\s-]*)?(?:CTCAE\s+)?grade\s*(?:>=|≥|=>|>\s*\/\s*=|>|greater\s+than(?:\s+or\s+equal\s+to)?|of\s+at\s+least|at\s+least)?\s*[1-4](?!\w|\.\d)(?:\s*(?:-|–|to|or|and|\/|,)\s*[1-5](?!\w|\.\d))*(?:\s*(?:or\s+(?:greater|higher|above|more|worse)|\+|and\s+(?:above|higher)))?|(?:>=|≥|=>|>)\s*(?:CTCAE\s+)?grade\s*[1-4](?!\w|\.\d))(?!\s*(?:or\s+(?:less|lower|below|better)|and\s+below))(?:\s*\(?\s*(?:per|according\s+to|by|using|as\s+(?:defined|graded)\s+by)?\s*(?:the\s+)?(?:NCI[\s-]*)?(?:CTCAE|CTC)(?:\s*,?\s*v(?:ersion)?\.?\s*\d+(?:\.\d+)?)?\s*\)?)?`;
const GRADE_TAIL = new RegExp(String.raw`^\s*,?\s*\(?\s*(?:(?:of|with|at)\s+)?${GRADE_FLOOR}\s*\)?`, 'i');
/** A grade ceiling: "≤ Grade 2 neuropathy", "neuropathy Grade ≤ 1", "Grade 1 or less". */
const GRADE_CEILING_LEAD = /(?:≤|<=?|=<)\s*(?:CTCAE\s+)?grade\s*[0-4]\s*$|\bgrade\s*(?:≤|<=?|=<)\s*[0-4]\s*$|\bgrade\s*[0-4]\s+or\s+(?:less|lower|below|better)\s*$/i;
const GRADE_CEILING_TAIL = /^\s*,?\s*\(?\s*(?:(?:of|with|at)\s+)?(?:(?:≤|<=?|=<)\s*(?:CTCAE\s+)?grade|grade\s*(?:≤|<=?|=<)|grade\s*[0-4]\s+or\s+(?:less|lower|below|better))/i;
/** Scales other than CTCAE that call their levels grades ("NYHA Grade III"). */
const NOT_CTCAE = /\b(?:NYHA|New\s+York\s+Heart\s+(?:Failure\s+)?Association|Fontaine|Child[\s-]Pugh|WHO|Gleason)\s*(?:\(\s*NYHA\s*\)\s*)?(?:functional\s+)?(?:class(?:ification)?\s*)?$/i;
const GRADE_LEAD = new RegExp(String.raw`(?:^|[^\w≥>=])(${GRADE_FLOOR})\s*$`, 'i');
const INFECTION_TYPES = /\b(?:bacterial|viral|fungal|mycobacterial|parasitic|opportunistic)\b/i;

/** The medical half of "medical or psychiatric …" before or after the psychiatric one. */
const ANY_CONDITION_BEFORE = /\b(?:medical|physical|somatic)\s*(?:,|\/|\bor\b|\band\/or\b)\s*$/i;
const ANY_CONDITION_AFTER = /^\s*(?:,|\/|\bor\b|\band\/or\b)\s*(?:medical|physical|somatic)\b/i;
/** A list of vaccines opened earlier in the sentence ("live vaccines include …:", "vaccines (e.g., …"). */
const VACCINE_EXAMPLES_LEAD = /\bvaccin\w*(?:(?!\.\s+[A-Z])[^;])*?(?:\binclud\w*|such\s+as|e\.\s?g\.?|for\s+example|:)(?:(?!\.\s+[A-Z])[^;])*$/i;

/** Words a coordinated list may have between two conditions. */
const LIST_GAP =
  /^(?:[\s,;/()[\]]|\b(?:or|and|and\/or|nor|as well as|infections?|virus(?:es)?|diseases?|disorders?|conditions?|syndromes?|type|antibody|antibodies|antigen|surface|core|rna|dna|serology|tests?|carriers?|status)\b)*$/i;

/**
 * A "with …" clause or a protocol definition after a condition in an exclusion ("diabetes with high
 * risk of hypoglycemia", "interstitial lung disease as defined per protocol"): a narrower condition,
 * held as an unparsed leaf beside it. Ends at the clause's end; an acronym in brackets inside it
 * ("gastroparesis with a Gastroparesis Cardinal Symptom Index (GCSI) of > 2") does not end it.
 */
const WITH_CLAUSE =
  /^\s*,?\s*(?:with\b(?!\s+(?:the\s+)?exceptions?\b|\s+(?:no|the\s+following)\b|\s+or\s+without\b)|as\s+defined\s+(?:per|by|in)\s+(?:the\s+)?(?:study\s+)?protocol\b)(?:[^.;,():]|\([A-Za-z][A-Za-z0-9-]{0,11}\))*/i;
/** Words of other people's conditions or of exposure to them. */
const OTHERS = /\b(?:contacts?|exposures?|exposed|persons?|people|household|family|relatives?|partners?|donors?)\b/i;
function unclosedParen(s: string): boolean {
  return (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);
}
/** The start of a sentence naming the patients a permission is about. */
const PATIENTS_WITH_LEAD = /(?:^|[.:]\s+|\n)\s*(?:patients?|participants?|subjects?|individuals?)\s+with\s[^.:\n]*$/i;
/**
 * "Patients with type I diabetes mellitus; hypothyroidism only requiring hormone replacement; skin
 * disorders … not requiring systemic treatment; or conditions not expected to recur … are permitted to
 * enroll": the members of a list split by semicolons share the permission that closes it. The end of
 * the list when the sentence at `sEnd` is such a member, else null.
 */
function semicolonListPermission(text: string, sEnd: number): number | null {
  if (text[sEnd] !== ';' || !PATIENTS_WITH_LEAD.test(text.slice(Math.max(0, sEnd - 400), sEnd))) return null;
  let end = sEnd;
  for (let i = 0; i < 8 && text[end] === ';'; i++) {
    const next = sentenceEnd(text, end + 1);
    const item = text.slice(end + 1, next);
    if (/^\s*(?:or|and)\b/i.test(item)) return PERMIT.test(item) ? next : null;
    end = next;
  }
  return null;
}
/** A tail that narrows the condition to a subgroup. */
const RESTRICTIVE_TAIL =
  /^\s*(?:,\s*(?:now|currently)\b|\(\s*grade|\(?\s*(?:unless|except\s+(?:if|when|those))\s+(?:they\s+|the\s+patient\s+)?(?:meet\w*|fulfil\w*|satisf\w*)\b|(?:that|which)\s+(?:would|could|may|might|will|in\s+the)\b|(?:that|which)\s+(?:precludes?|prevents?|interferes?|limits?|compromises?|increases?|places?|makes?|renders?)\b)|^\s*\)?\s*(?:-?\s*(?:positive|infected)\s+)?(?:(?:patients?|participants?|subjects?|individuals?)\s+)?(?:with\b(?!\s+the\s+exception)|who|whose|in\s+whom|but|on\s+(?!stable|(?:the\s+)?(?:viral\s+)?(?:screen|screening|serology)\b)|receiving|taking|treated\s+with|consistent\s+with|defined\s+(?:as|by)|as\s+defined|of\s+grade|grade\s*(?:>=|≥|>|[1-4])|>=?\s*grade|≥\s*grade|\(?\s*child[\s-]pugh|that\s+(?:is|are|was|were|has|have)\s+(?!been\s+(?:active|treated))(?:\w+\s+){0,2}(?:grade|severe|life|associated|related|caused|complicated))/i;

/**
 * An effect the condition might have, or has, for a coordinator to judge: "that would preclude …",
 * "which may interfere with …", "that precludes assessment of …", "that would confound …", also with
 * whose judgement it is between ("that, in the opinion of the investigator, would preclude …", "who,
 * in the judgment of the Investigator, are not suitable for enrollment").
 */
const WOULD_TAIL =
  /^\s*,?\s*(?:that|which|who)\s*,?\s*(?:(?:in\s+the\s+(?:opinion|judge?ment)\s+of|according\s+to|based\s+on)\s+[^,.;()]{1,80}?,\s*)?(?:(?:would|could|may|might)\s+(?:(?:significantly|seriously|potentially|likely|reasonably|in\s+any\s+way)\s+)?(?:preclude|interfere|compromise|confound|affect|alter|limit|jeopardi[sz]e|pose|prevent|impair|contraindicate|increase)|(?:(?:significantly|seriously|potentially|likely)\s+)?(?:precludes|interferes|compromises|confounds|limits|jeopardi[sz]es|prevents|impairs|contraindicates)|(?<=,\s*)(?:is|are)\s+(?:not\s+suitable|unsuitable)\s+for\s+(?:enrol(?:l)?ment|participation|(?:the|this)\s+(?:study|trial)))\b/i;
/**
 * A clause that narrows the condition by its effect or cause ("coagulopathy that contraindicates
 * endoscopy", "active infection causing fever", "QT prolongation associated with other medications",
 * "hypocalcemia that is not corrected with oral calcium", "electrolyte disorders that can compound the
 * effects of QTc-prolonging drugs", "visceral crisis at risk of immediately life-threatening complications"):
 * held as an unparsed leaf beside the condition, which stays necessary. Ends at the clause's end.
 */
const NARROWING_TAIL =
  /^\s*,?\s*(?:(?:that|which)\s+(?:(?:is|are|may\s+be|might\s+be)\s+)?(?:(?:significantly|severely|seriously|reasonably|potentially|likely\s+to)\s+)?(?:impedes?|affects?|alters?|impairs?|contraindicates?|causes?|results?\s+in|leads?\s+to|associated|related|caused|not\s+(?:yet\s+|fully\s+|adequately\s+)?(?:corrected|correctable))\b|(?:that|which)\s+can\s+(?:compound|worsen|exacerbate|increase|potentiate|prolong|cause)\b|(?:associated\s+with|related\s+to|caused\s+by|due\s+to(?!\s+(?:the\s+)?(?:known|potential|possible|risks?|safety|concerns?|increased)\b)|secondary\s+to|attributable\s+to|at\s+(?:(?:a\s+)?(?:high|higher|increased|significant|substantial|immediate)\s+)?risk\s+(?:of|for)|causing|resulting\s+(?:in|from)|arising\s+from|leading\s+to|affecting|impairing|precluding|preventing|interfering\s+with|limiting|contraindicating|making|rendering|incompatible\s+with)\b|not\s+(?:yet\s+)?(?:fully\s+|completely\s+)?(?:resolved|recovered)\b|in\s+(?:the\s+)?(?:brain|heart|spine|spinal\s+cord|eyes?|ears?)\b|if\b|(?:greater|worse|higher|more)\s+than\b)(?:(?!\s+(?:are|is|will\s+be)\s+(?:not\s+)?(?:in)?eligible\b|\s+Note\b)[^.;,():])*/i;

/**
 * A tail that makes the condition a risk factor or a symptom of something else: "retinal pathology
 * … that is considered a risk factor for RVO", "disorder with diarrhea as a major symptom".
 */
const RISK_OR_SYMPTOM_TAIL =
  /^[^.;]{0,60}?\b(?:that|which)\s+(?:is|are|may\s+be|could\s+be|would\s+be)\s+(?:considered\s+|deemed\s+|known\s+to\s+be\s+)?(?:an?\s+)?(?:significant\s+|major\s+)?risk\s+factors?\b|^\s*\)?\s*as\s+(?:an?\s+|the\s+)?(?:major|main|predominant|primary|prominent|presenting)?\s*(?:symptom|sign|manifestation)s?\b/i;
/**
 * A clause up to the next item of its sentence: ", or recent history of bowel obstruction" after
 * "… that may alter the absorption of study drugs (e.g., …)" is another requirement, read on its own.
 * Only outside parentheses, where examples list their own alternatives.
 */
function beforeNextItem(clause: string): string {
  let depth = 0;
  for (let i = 0; i < clause.length; i++) {
    const ch = clause[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && /^,\s*(?:or|and|and\/or)\s/i.test(clause.slice(i))) return clause.slice(0, i);
  }
  return clause;
}
/** The risk-factor form of RISK_OR_SYMPTOM_TAIL, up to its "risk factor(s) for". */
const RISK_FACTOR_TAIL =
  /^[^.;,]{0,40}?\s*,?\s*(?:(?:that|which)\s+(?:is|are|may\s+be|could\s+be|would\s+be)\s+(?:considered\s+|deemed\s+|known\s+to\s+be\s+)?(?:an?\s+)?(?:significant\s+|major\s+)?risk\s+factors?\s+for)\b/i;
/** After the outcomes a risk factor leads to, words of another requirement: a limit, another condition. */
const RISK_LIST_GOES_ON = /[<>≤≥=]|\d|\b(?:other|history|evidence|pressure|must|should|including|such\s+as|e\.?\s?g\.?)\b/i;
/**
 * Conditions named as what a risk factor leads to ("risk factors for retinal vein occlusion (RVO): …") are not the patient's.
 * Conditions after "such as" or "including" are the factors' examples ("factors that increase the risk of QTc
 * prolongation such as electrolyte abnormalities, heart failure"), the patient's own.
 */
const RISK_OF = /\brisk\s+(?:factors?\s+)?(?:for|of)\s+(?:developing\s+)?(?:(?!such\s+as\b|including\b|like\b)[\w-]+[\s,/]*){0,6}$/i;
/**
 * A need the facts cannot name ("requiring repeated drainage", "that requires active paracentesis
 * for control", "requires surgical intervention"): the condition stays necessary and the need is
 * left to a coordinator, as a past requirement is. Stops at the clause's end.
 */
const OTHER_NEED =
  /^\s*\)?\s*,?\s*(?:(?:that|which)\s+)?(?:(?:is|are|has|have)\s+)?(?:requiring|requires?|required|needing|needs?|in\s+need\s+of)\s+(?:\b(?:i\.v|e\.g|i\.e|p\.o|s\.c)\.|[^.;]|\.(?!\s|$)){1,120}?(?=\s*(?:[.;](?:\s|$)|$|,?\s+(?:or|and|and\/or)\s+(?:a\s+|an\s+)?(?:current|currently|active|history|known|prior|previous|uncontrolled|symptomatic|any|other|evidence)\b|\s+(?:within|in\s+the\s+(?:past|last|previous))\b|\s+(?:≤|<=?|=<)\s*\d|\s*\(\s*(?:except|unless|e\.?\s*g\.?|i\.?\s*e\.?|such\s+as|including|other\s+than|excluding)\b|\s+(?:are|is|will\s+be)\s+(?:not\s+)?(?:eligible|excluded|allowed|permitted)\b))/i;
/**
 * "or <another member> that require(s) …" right after a condition: the words of a further list member
 * (up to five, none a "that"/"which") before a need that may be shared by the whole list. Not a
 * member with its own article ("… autoimmune disease, or a syndrome that requires systemic steroids"),
 * a new item whose need is its own.
 */
const SHARED_NEED_LEAD =
  /^\s*,?\s*(?:or|and\/or)\s+(?!(?:a|an)\s)(?:(?!(?:that|which|requiring|requires?|required|needing|a|an)\b)[\w-]+\s+){1,5}(?=(?:that|which)\s+(?:requires?|required|needs?|needed)\b)/i;
/**
 * Words before a condition that grade its size or amount ("beyond trace ascites", "large amount of
 * pleural effusion", "bilateral lymphedema"): a narrower condition than the facts hold.
 */
const AMOUNT_LEAD =
  /\b(?:mature|bilateral|(?:\d+|two|three)\s+or\s+more|multiple|(?:trace|minimal|mild|moderate|large|massive|small)(?:\s+(?:or|to|and|\/)\s+(?:severe|large|massive|moderate))?|beyond|(?:(?:a\s+)?(?:large|significant|moderate|small)\s+)?(?:amounts?|volumes?)\s+of)\s*$/i;
/**
 * Symptoms named after the condition ("Pleural effusion or ascites with clinical symptoms"): the
 * condition is symptomatic, read as `active` like the word "symptomatic" before it. A second
 * requirement joined by "and" ("… and symptomatic treatment") narrows it further (group 1).
 */
const SYMPTOMS_TAIL =
  /^\s*,?\s*(?:with|causing|presenting\s+with|accompanied\s+by)\s+(?:(?:clinical|clinically\s+significant|significant|obvious|related|associated)\s+)?symptoms(?:\s+(?:or|and\/or)\s+(?:requiring\s+)?(?:symptomatic|clinical)\s+(?:treatment|management|intervention))?(?![\w-])(\s+and\s+(?:requiring\s+)?(?:symptomatic|clinical)\s+(?:treatment|management|intervention)(?![\w-]))?/i;
/**
 * "Signs and symptoms of colitis": the condition is present now, read as `active` when no window
 * dates it (a window, "symptoms of coronary artery disease, myocardial infarction < 6 months",
 * would make the dated event current too). Group 1 is the symptom words.
 */
const SYMPTOMS_OF_LEAD = /\b((?:signs?|symptoms?)(?:\s+(?:and|or|and\/or|\/)\s*(?:signs?|symptoms?))?)\s+of\s+(?:an?\s+|the\s+)?$/i;
/** "Infectious colitis": a kind of a non-infectious condition the lexicon does not name ("infectious or inflammatory bowel disease" names two). */
const INFECTIOUS_QUAL = /(?<!non-?\s?)\binfectious\b(?!\s+(?:or|and|and\/or)\b)/i;
/**
 * A cause or kind glued before the condition ("Clostridium difficile-associated diarrhea",
 * "ICPI-induced colitis", or after the examples of its cause: "diuretic (thiazide, furosemide) induced
 * hyponatremia"), its nature ("malignant small bowel obstruction", "benign …", a kind the
 * lexicon does not name) or the condition as a point in time ("at onset of … colitis"): a narrower
 * subject than the condition.
 */
const KIND_LEAD = /(?:\b(?:inherited|hereditary|congenital|genetic|familial|malignant|benign|autoimmune)\s+|\b[A-Za-z0-9]+-(?:associated|related|induced|mediated)\s+|\)\s*(?:associated|related|induced|mediated|caused)\s+(?:[\w-]+\s+)?|\b(?:at|before|after|since|from|until)\s+(?:the\s+)?onset\s+of\s+(?:[\w-]+\s+){0,2})$/i;
/** "(current or history thereof)", "(active or past)": a gloss naming both states, which the condition already covers. */
const EITHER_GLOSS =
  /^\s*\(\s*(?:(?:current|active|present|ongoing)\s+or\s+(?:past|previous|prior|history(?:\s+thereof)?)|(?:past|previous|prior|history)\s+or\s+(?:current|active|present|ongoing))\s*\)/i;
/**
 * A cause set aside right after a condition: "not caused by prior anticancer treatment", "unrelated
 * to the use of immune checkpoint inhibitors", "(non-immunotherapy induced conditions)".
 */
const NOT_CAUSED_BY =
  /^\s*,?\s*(?:\(\s*non-?[\w-]+(?:\s+[\w-]+)?\s+(?:induced|related|associated|caused)\b[^()]{0,40}\)|(?:not|un)\s*(?:caused\s+by|related\s+to|induced\s+by|due\s+to|associated\s+with)\s+(?:the\s+)?(?:use\s+of\s+)?(?:prior\s+|previous\s+)?(?:[\w-]+\s+){0,3}?(?:treatments?|therap(?:y|ies)|immunotherap(?:y|ies)|inhibitors?|agents?|drugs?))/i;
/**
 * A current state stated after the condition ("diabetes mellitus known to be uncontrolled",
 * "hypertension that is not controlled"): read as `active`.
 */
const ACTIVE_TAIL =
  /^\s*,?\s*(?:(?:that|which)\s+(?:is|are)(?:\s+currently)?|known\s+to\s+be|(?:that|which)\s+(?:is|are)\s+known\s+to\s+be)\s+(?:uncontrolled|poorly\s+controlled|not\s+(?:well\s+|adequately\s+)?controlled|active|symptomatic|unstable)\b/i;
/**
 * "Serious medical conditions", and "severe physical or mental diseases", "severe medical or
 * psychiatric illness": a body's and a mind's illness together are any illness, the umbrella of
 * uncontrolled intercurrent illness (whose CTEP wording lists psychiatric illness among its examples).
 */
const MEDICAL_CONDITION =
  /\b(?:medical(?:\s+(?:or|and|and\/or)\s+surgical)?\s+(?:conditions?|disorders?|diseases?)|(?:medical|physical|somatic)\s*(?:\/|\bor\b|\band\/or\b|\band\b)\s*(?:psychiatric|mental|psychological)\s+(?:conditions?|disorders?|diseases?|illness(?:es)?)|(?:conditions?|disorders?|diseases?|illness(?:es)?)\s*,\s*(?:or\s+)?(?:conditions?|disorders?|diseases?|illness(?:es)?)\s*,?\s*(?:or|and\/or|and)\s+(?:conditions?|disorders?|diseases?|illness(?:es)?))\b/gi;
/**
 * Who assesses, said after the condition and nothing more ("as determined by the Investigator",
 * "according to investigator"): the judge of "significant", not a judgement of the condition's effect.
 */
const ASSESSOR_ONLY =
  /,?\s*\(?\b(?:as\s+)?(?:(?:determined|judged|assessed)\s+by|according\s+to|per)\s+(?:the\s+)?(?:treating\s+|study\s+)?(?:investigators?|physicians?|clinicians?)\b\s*\)?(?=\s*(?:[.;]|$))/gi;
const MEDICAL_LIST =
  /[(:]|\b(?:including|includes|such\s+as|e\.?\s*g\.?|for\s+example|like|involving|affecting|of\s+the|within|in\s+the\s+(?:past|last|previous)|during|since|prior|before)\b/i;
/**
 * "Medical condition(s)/disorder(s)", or the generic nouns listed together so that none is left out
 * ("clinically unstable/uncontrolled disorder, condition, or disease"), name the intercurrent-illness
 * umbrella only when stated as serious or uncontrolled ("Any severe and/or uncontrolled medical
 * conditions", "significant medical or surgical condition") and not judged by its effect ("medical
 * condition that, in the opinion of the Investigator, would compromise …", read as the investigator's
 * concern): bare, they are any condition at all. Naming who judges the condition significant is no
 * such judgement.
 */
const MEDICAL_LEAD = /\b(?:serious|severe|uncontrolled|unstable|poorly\s+controlled|significant)\b[\w\s,/-]{0,40}$/i;
const JUDGED =
  /\b(?:opinion|judge?ment|judged|deemed|considered|investigator|physician|interfere\w*|compromise\w*|jeopardi\w*|preclud\w*|contraindicat\w*|risks?|safety|compliance|ability|would|could|may|might|which|that|incompatible|affect\w*|impact\w*|except|unless|other\s+than)\b/i;
/**
 * Examples of a head the lexicon does not name, dated by a window the examples do not repeat ("Major
 * cardiovascular events within 6 months prior to first dose, including acute coronary syndrome,
 * stroke …"): each example takes the head's window, which read alone it would drop (any stroke
 * ever). The head is what comes before the first marker.
 */
const EXAMPLE_MARKER = /\b(?:including|such\s+as|e\.?\s*g\.?|for\s+example)\b/i;
const HEAD_WINDOW = new RegExp(
  String.raw`\b(?:with)?in\s+(?:the\s+)?(?:past|last|previous|prior|preceding)?\s*(${NUMBER})\s*(days?|weeks?|months?|years?)\b|\b(${NUMBER})\s*(days?|weeks?|months?|years?)\s+(?:prior|before)\b`,
  'i',
);
/**
 * The degree of a heart block before it ("second-degree (Mobitz type II) or third-degree
 * atrioventricular block", "degree II-III AV block", "2o or 3o heart block", "high-grade AV block"):
 * a kind of the conduction disorder the lexicon does not name, kept beside it like a size.
 */
const DEGREE_ORDINAL = String.raw`(?:first|second|third|1st|2nd|3rd|[123]o|I{1,3}|high)`;
const DEGREE_LEAD = new RegExp(
  String.raw`(?:\b(?:${DEGREE_ORDINAL}[\s-]*(?:degree|grade)|${DEGREE_ORDINAL}-(?=\s*(?:or|and|to|,))|[123]o\b)(?:\s*\([^()]{0,30}\))?(?:\s*(?:,|or|and|and\/or|to|-|–|\/)\s*(?:${DEGREE_ORDINAL}[\s-]*(?:degree)?|greater|higher)(?:\s*\([^()]{0,30}\))?)*|\bdegree\s+(?:I{1,3}|[1-3])(?:\s*(?:-|–|or|and|\/)\s*(?:I{1,3}|[1-3]))*)\s*$`,
  'i',
);
/** "A large amount of pleural fluid or ascites": an amount leading a list reaches its later members. */
const AMOUNT_LIST_LEAD =
  /\b(?:(?:a\s+)?(?:large|massive|significant|moderate)\s+(?:amounts?|volumes?)\s+of)\s+(?:[\w-]+\s+){1,3}(?:or|and|and\/or)\s+$/i;
/** A blood-pressure limit the labs reader takes: a comparison before a number of mmHg or a pair. */
const BP_LIMIT = /(?:[<>≤≥]=?|=[<>]|\b(?:greater|more|higher|above|over|less|lower|below|under)\b)[^.;]{0,30}?\d{2,3}\s*(?:mm\s*Hg|\/\s*\d{2,3})/i;
/** A blood-pressure definition after hypertension ("defined as persistent systolic blood pressure ≥ 150 mmHg …", "defined as ≥ 140/90"). */
const BP_DEFINITION =
  /^\s*,?\s*\(?\s*(?:as\s+)?defined\s+(?:as|by)\s+[^.;]*?(?:\b(?:blood\s+pressure|BP|SBP|DBP|systolic|diastolic|mm\s*Hg)\b|\d{2,3}\s*\/\s*\d{2,3})[^.;]*/i;
/** A definition after a colon ("Severe renal dysfunction: estimated creatinine clearance < 30 mL/min"): the definition is the criterion, read by the lab readers. */
const DEFINITION_TAIL = /^\s*:\s*(?:defined\s+as|estimated|calculated|measured|creatinine|serum|(?:left\s+ventricular\s+)?ejection|LVEF|QTc|FEV1|DLCO)\b/i;
/**
 * A condition defined by the measurements after it ("Hepatic impairment as indicated by: AST or ALT
 * ≥ 3x ULN"): the measurements, read by the labs reader, are the exclusion; the condition read beside
 * them would let through a patient with the values whose record does not name the condition.
 */
const MEASURED_DEFINITION_TAIL =
  /^\s*,?\s*(?:as\s+)?(?:indicated|evidenced|defined|demonstrated|manifested)\s+by\s*:?\s*(?:an?\s+|any\s+of\s+the\s+following\s*:?\s*)?(?=[^.;]{0,60}?(?:[<>≤≥]|\bULN\b|\bupper\s+limit))/i;
/** Exceptions the sentence refers to without naming them: "(with exceptions)", "with specific exceptions". */
const UNSTATED_EXCEPTIONS_TAIL =
  /^[^.;]*?\b((?:with|subject\s+to)\s+(?:(?:certain|some|a\s+few|few|limited|specific|specified|possible|rare)\s+)?exceptions\b(?!\s*(?:of|:))|exceptions?\s+(?:may\s+|might\s+|can\s+)?(?:apply|be\s+(?:made|granted|considered))\b(?!\s*:))/i;
/**
 * "Hashimoto's thyroiditis (exceptions are noted below)": the condition has exceptions stated
 * elsewhere, which may not name it; read alone it would exclude the patients they spare.
 */
const EXCEPTIONS_ELSEWHERE_GLOSS = /^\s*\(\s*((?:see\s+|with\s+)?exceptions?\s+(?:(?:are|is)\s+)?(?:noted|listed|described|given|specified|detailed|defined|stated)?\s*(?:below|above|later))(?=\s*\))/i;
/** A controlled state after a condition ("Adrenal insufficiency well controlled on replacement therapy"): the state an exception spares, not an exclusion. */
const CONTROLLED_TAIL = /^\s*,?\s*(?:(?:that|which)\s+(?:is|are)\s+)?(?:well[\s-]controlled|(?:adequately\s+|stably\s+)?controlled|stable)\b/i;
/** "non-" right before the condition, or before the cause it is said to be induced by. */
const NON_PREFIX_LEAD = /\bnon[\s-]?$|\bnon[\s-]?[\w.]+[\s-]+(?:induced|related|associated|caused|mediated)[\s-]*$/i;
/** A limb before the condition ("Upper extremity lymphedema reached more than 80% volume difference"): a site the facts do not hold. */
const LIMB_LEAD = /\b(?:(?:upper|lower)[\s-]+(?:extremity|extremities|limbs?)|arm|leg)\s*$/i;
/** A condition named in a rationale ("because that would confound assessment of … lymphedema") is not the patient's. */
const BECAUSE = /\bbecause\b(?!\s+of\b)/i;
/**
 * A condition whose presence the text leaves in doubt ("Unclear history of seizure episodes in the
 * past", "unknown HIV status", "HBV status unknown"): the criterion is about not knowing, so having the
 * condition is neither what it asks nor what it bars; read as the condition, an exclusion would bar
 * the patients known to have it (NegEx/ConText class the words as uncertainty, not affirmation).
 */
const UNCERTAIN_LEAD = /\b(?:unclear|uncertain|unknown|questionable|doubtful|equivocal|indeterminate|unconfirmed)\s*$/i;
const UNCERTAIN_TAIL =
  /^\s*(?:\(\s*[A-Za-z0-9-]{2,8}\s*\)\s*)?(?:(?:infection|sero(?:logic(?:al)?)?)\s+)?status\s+(?:is\s+|was\s+|remains\s+)?(?:unknown|unclear|uncertain|undetermined|not\s+known)\b/i;
/**
 * A condition naming what a treatment, service or measurement is for ("Received lymphedema treatment
 * within the past 1 month", "the primary endpoint for lymphedema measurement"): the subject is the treatment.
 */
const TREATMENT_OF_TAIL =
  /^\s*(?:treatments?|therap(?:y|ies)|management|measurements?|assessments?|evaluations?|medications?|care|clinics?|services?|programs?|programmes?|specialists?|consultations?|vaccines?|vaccinations?|prophylaxis)\b/i;
/** A condition named as the cause of something else ("respiratory compromise resulting from intercurrent pulmonary illnesses"). */
const CAUSE_LEAD = /\b(?:resulting\s+from|due\s+to|caused\s+by|secondary\s+to|attributable\s+to|as\s+a\s+result\s+of)\s*$/i;
/** Umbrella conditions (organ systems) that a leading adjective narrows to a kind the lexicon does not name. */
const UMBRELLAS = new Set(['pulmonary_disease', 'gastrointestinal_disease', 'neurologic_disease', 'endocrine_disease', 'skin_disease']);
/**
 * One plain word right before an umbrella, after the start of the text or a space, comma or bracket:
 * the kind it names ("inflammatory", "restrictive"). Not a word joined to another by a hyphen or a
 * slash, nor one after a number.
 */
const UMBRELLA_KIND_WORD = /(?:^|[\s,(])([A-Za-z][a-z]{3,})\s+$/;
/** Words that may stand right before an umbrella without narrowing it. */
const UMBRELLA_LEAD_OK =
  /(?:^|[,;:(.]|\b(?:of|with|from|or|and|nor|including|include|includes|as|like|by|to|for|in|have|has|had|having|suffering|diagnosed|evidence|patients?|participants?|subjects?|individuals?|no|e\.?\s*g\.?|i\.?\s*e\.?))$/i;
/** A condition named inside an organisation's or an instrument's name ("American Association for the Study of Liver Diseases", "Chronic Kidney Disease Epidemiology Collaboration"). */
const ORGANISATION_LEAD = /\b(?:Association|Society|Institute|Foundation|College|Academy|Federation|Alliance)\s+(?:for\s+the\s+Study\s+)?(?:of|for|on)\s+(?:the\s+)?$/;
const ORGANISATION_TAIL = /^\s*(?:Epidemiology\s+Collaboration|Association|Society|Foundation|Institute|Study\s+Group|Consortium|Network|Working\s+Group|Questionnaire|Scale|Score|Index)\b/;

/** What a test result shows, before the infection it names: "…, indicating acute or chronic infection". */
const TEST_INDICATES =
  /\b(?:indicating|indicative\s+of|consistent\s+with|suggestive\s+of)\s+(?:(?:an?|the)\s+)?(?:(?:acute|chronic|active|current|ongoing|or|and|and\/or)\s+)*$/i;
/** A clause stating a condition as a premise ("If a pleural effusion is present, …"): a requirement for those patients. */
const PREMISE_LEAD = /^\s*(?:if|when|where|in\s+(?:the\s+)?(?:case|event)\s+of)\b[^,;]*$/i;
/** An organ prefix glued to a condition ("cardio-respiratory disease"): a compound the condition alone does not name. */
const ORGAN_PREFIX = /\b(?:cardio|cardiac|heart|broncho|gastro|hepato|neuro|pleuro|cerebro|musculo|reno)-\s*$/i;
/**
 * A condition named as what a replacement, physiologic or prophylactic treatment is for ("Physiologic
 * doses of corticosteroids for adrenal insufficiency are allowed", "inhaled steroids (e.g.,
 * fluticasone for COPD)"): the subject is the treatment, not the patient's condition.
 */
const INDICATION_LEAD =
  /\b(?:for|to\s+treat|treatment\s+of|management\s+of|prevention\s+of|prophylaxis\s+(?:of|for))\s+(?:the\s+)?(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?(?:[\w-]+\s+){0,2}$/i;
/** Leads that name a purpose or a topic whatever comes before ("To treat asthma or COPD exacerbations", "information regarding patients with adrenal insufficiency"). */
const PURPOSE_LEAD =
  /\b(?:to\s+treat|(?:in\s+the\s+)?management\s+of|prevention\s+of|prophylaxis\s+(?:of|for)|regarding|concerning|information\s+(?:on|about))\s+(?:the\s+)?(?:(?:patients?|participants?|subjects?|those)\s+with\s+)?(?:[\w-]+\s+){0,2}$/i;
/** A controlled or quiet state before a condition ("well-controlled and asymptomatic adrenal insufficiency", "clinically stable autoimmune thyroid disease"): what an exception spares. */
const CONTROLLED_LEAD =
  /(?<!\bnot\s)(?<!\bpoorly\s)\b(?:well[\s-]controlled|asymptomatic|clinically\s+stable|stable|inactive|quiescent|resolved|cured)\b(?:\s+(?:and|or)\s+[\w-]+)?(?:\s+childhood)?\s*$/i;
const INDICATION_TREATMENT =
  /\b(?:doses?|dosing|replacement|substitut\w*|physiologic\w*|mineralocorticoids?|fludrocortisone|prophyla\w*|inhaled|topical|intranasal)\b/i;

/** What a condition may require: "systemic therapy", "steroids or other immunosuppressive medications". */
const REQUIRED_HEAD = String.raw`(?:antibiotics?|antivirals?|antifungals?|anti-infectives?|antimicrobials?|treatment|therapy|therapies|medication|medications|drugs|agents|immunosuppression|immunosuppressants?|(?:immunosuppressive|immune[\s-]suppressive|immunomodulatory)\s+(?:therapy|therapies|treatments?|drugs|agents|medications)|(?:cortico)?steroids|glucocorticoids|(?:cortico)?steroid\s+(?:therapy|treatment)|disease-modifying\s+agents|hospitali[sz]ation)`;
/**
 * Treatment that makes a condition current: "requiring systemic therapy", "on antiviral therapy",
 * "requiring treatment with steroids or other immunosuppressive medications", "requiring systemic
 * corticosteroid therapy (or other systemic immunosuppressants)".
 */
const REQUIRING = new RegExp(
  String.raw`^\s*\)?\s*,?\s*(?:that|which)?\s*(?:is\s+|are\s+|has\s+|have\s+)?(?:(?:currently|still)\s+)?(?:requiring|requires|require|required|needing|needs|that\s+needs?|in\s+need\s+of|with\s+(?:a\s+|the\s+)?need\s+(?:for|of)|being\s+treated\s+with|treated\s+with|under\s+treatment\s+with)\s+(?:(?:ongoing|active|current|concurrent|chronic|systemic|intravenous|iv|parenteral|oral|specific|immediate|regular|medical|the\s+use\s+of|use\s+of|treatment\s+with|therapy\s+with|antimicrobial|antibiotic|antiviral|antifungal|anti-infective)\s*,?\s*(?:or\s+)?)*${REQUIRED_HEAD}\b(?:\s*,?\s*(?:or|and|and\/or|\/)\s*(?:other\s+)?(?:systemic\s+)?${REQUIRED_HEAD}\b|\s*\(\s*or\s+(?:other\s+)?(?:systemic\s+)?${REQUIRED_HEAD}\s*\))*`,
  'i',
);

/**
 * The kind of the treatment a condition requires, after the requirement, to the end of its sentence:
 * "with immunosuppressive doses of corticosteroids (> 10 mg of prednisone-equivalent daily dosing),
 * immunosuppressive biologic agents, or disease modifying antirheumatic drug agents (DMARDs)". Only
 * supportive care (steroids, immunosuppressants, DMARDs) and no clause of its own ("with the
 * exception of", "who", a permission).
 */
const REQUIRED_TREATMENT_KIND =
  /^\s*with\s+(?!the\s+exception\b)(?=[^.;]*?\b(?:(?:cortico)?steroids?|glucocorticoids?|prednis\w*|immunosuppress\w*|DMARDs?|disease[\s-]modifying)\b)(?![^.;]*\b(?:who|whose|unless|except\w*|eligible|allowed|permitted|acceptable|may|can)\b)(?:[^.;()]|\([^()]*\))+?(?=\s*(?:[.;](?:\s|$)|$))/i;

/** "(if HCV antibody positive, … HCV RNA … negative)": only the active infection counts. */
const ACTIVE_NOTE =
  /^[^.;]{0,40}?\(?\s*(?:if|unless|except|however|but|note:?)[^.;()]{0,20}?\b(HIV|HCV|HBV|hepatitis\s*[BC]|HBsAg|HBcAb|anti-HBc)\b[^.;()]{0,60}?\b(?:RNA|DNA|viral\s+load)\b[^.;()]{0,60}?\b(?:negative|undetectable|not\s+detected|below)\b[^.;()]*\)?/i;

/** A sentence listing what an exclusion spares. */
const EXCEPTIONS_SENTENCE =
  /\b(?:the\s+following\s+(?:are|is)\s+(?:exceptions?|allowed|permitted|exempt(?:ed)?|not\s+excluded|non-?exclusionary|not\s+exclusionary)|exceptions?\s+(?:are|include|includes|to\s+this|apply|applies)|\bexceptions?(?=\s*:)|(?:are|is)\s+(?:permitted|allowed|exempt(?:ed)?|excepted|non-?exclusionary|not\s+exclusionary)|(?:are|is)\s+not\s+(?:be\s+)?excluded|may\s+be\s+(?:included|enrolled|eligible))\b/i;

/** A lead that opens a list of exceptions with a colon: "Exceptions:", "The following exceptions apply:". */
const EXCEPTIONS_LEAD = String.raw`\bexceptions?(?:\s+(?:apply|applies|include|includes|are(?:\s+as\s+follows)?))?`;
const EXCEPTIONS_COLON_LEAD = new RegExp(String.raw`(?:\bthe\s+following\s+)?${EXCEPTIONS_LEAD}\s*:`, 'gi');
/** The same lead closing the words before a group: the group is the first exception. */
const EXCEPTIONS_LEAD_BEFORE = new RegExp(String.raw`${EXCEPTIONS_LEAD}\s*(?::\s*)?$`, 'i');

/** "immune-related" or "immune-mediated" right before a condition (not "non-immune-related"). */
const IMMUNE_CAUSE_LEAD = /(?<!\bnon[\s-]?)\bimmune[\s-]+(?:related|mediated)\s+$/i;
/**
 * "pneumonitis from prior chemoradiation therapy", "neuropathy induced from prior treatment, that is
 * not resolved to grade 2 or below …": a condition of an earlier treatment, narrower than the
 * condition of any cause. The narrowing runs to the end of its sentence, every word of which may
 * narrow it further.
 */
const PRIOR_TREATMENT_TAIL =
  /^\s*,?\s*(?:(?:induced|caused)\s+)?(?:from|after|following|during)\s+(?:a\s+|the\s+|any\s+)?(?:prior|previous|earlier)\s+[^.;]*/i;
/** A cause named by a generic treatment word right before a condition: "therapy-induced", "drug-related". */
const GENERIC_CAUSE_LEAD = /\b(?:drug|medication|treatment|therapy)[\s-]+(?:related|induced|associated)\s+$/i;
/**
 * The cancer as the cause of the condition, or its malignant form: "malignant small bowel
 * obstruction", "tumor-related bowel obstruction", "cancer-associated thrombosis", "malignant
 * hypertension". A narrower subject than the condition of any cause or form, which stays necessary
 * with the lead beside it as an unparsed leaf (no fact records what caused a condition). "Non-malignant"
 * is another subject and stays a kind lead (unread).
 */
const TUMOUR_CAUSE_LEAD =
  /(?<![\w-])(?:malignant|(?:tumou?r|cancer|malignancy|neoplasm)[\s-]+(?:related|induced|associated|caused))\s+$/i;
const IMMUNE_CAUSE_HEAD = /^immune[\s-]+(?:related|mediated)\s+(?=\w)/i;
/** Immunotherapy named in the criterion, by kind or by target. */
const IMMUNOTHERAPY_NAMED =
  /\b(?:immunotherap\w*|immune[\s-]+checkpoint|checkpoint\s+(?:inhibitor|blockade)|ICIs?|CPIs?|anti-?\s*(?:PD-?L?-?[12]|CTLA-?\s*4))\b/i;
/** An immune-related adverse event before examples of it: "irAEs …, including", "immune-related toxicities (e.g.". */
const IRAE_EXAMPLES_LEAD =
  /(?<!\bnon[\s-]?)\b(?:irAEs?|imAEs?|immune[\s-]+(?:related|mediated)\s+(?:adverse\s+(?:events?|reactions?|effects?)|AEs?|toxicit(?:y|ies)))\b[^.;]*?(?:\bincluding\b|\bsuch\s+as\b|\be\.?\s*g\.?|\bfor\s+example\b)[^.;]*$/i;

/**
 * Adverse events of an earlier treatment before examples of them: "serious adverse events during
 * prior IL-2 therapy (including but not limited to bowel perforation, …)".
 */
const PRIOR_AE_EXAMPLES_LEAD =
  /\b(?:adverse\s+(?:events?|reactions?|effects?)|AEs|toxicit(?:y|ies)|side[\s-]effects?)\s+(?:\w+\s+){0,2}?(?:during|with|on|from|following|after|to|of|due\s+to|related\s+to|attributed\s+to)\s+(?:a\s+|the\s+|any\s+)?(?:prior|previous|earlier)\b[^.;]*?(?:\bincluding\b|\bsuch\s+as\b|\be\.?\s*g\.?|\bfor\s+example\b)[^.;]*$/i;

/** Permission words that narrow a condition to its active form. */
const PERMIT =
  /\b(?:(?:are|is|be|being|were|remain)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable)|(?:are|is)\s+an?\s+exception|may\s+(?:qualify|participate|enroll|be\s+(?:eligible|enrolled|included|considered))|can\s+(?:participate|be\s+(?:enrolled|included))|not\s+(?:be\s+)?(?:considered\s+)?(?:an\s+)?exclusion(?:ary)?|non-?exclusionary|(?:are|is)\s+not\s+excluded|(?:eligible|allowed|permitted)\s+(?:if|provided|only))\b/i;
/** "Patients whose disorder is …", "their disease", "such patients": a sentence about the condition named before it. */
const BACK_REFERENCE = /\b(?:(?:whose|their|the|this|that|such|these|said)\s+(?:disorders?|diseases?|conditions?|illness(?:es)?|infections?)|(?:such|these|those)\s+(?:patients?|participants?|subjects?))\b/i;
/** A sentence leaving some patients out of the exclusion: "This will not include patients who …". */
const SPARES = /\b(?:(?:will|does|do|shall|should|would)\s+not\s+include|(?:is|are)\s+not\s+meant\s+to\s+include)\b/i;
/** A head whose examples are not simply the patient's conditions: causes, a treatment's indications or adverse events, family history, exceptions. */
const EXAMPLE_HEAD_NOT_PATIENTS =
  /\b(?:family|due\s+to|caused|because|life[\s-]expectancy|immune[\s-]related|irAEs?|adverse|toxicit\w*|related\s+to|associated\s+with|secondary\s+to|with\s+prior|crisis|use|used|treatment|treated|therapy|medications?|drugs?|steroids?|detained|exceptions?|allowed|permitted|eligible)\b/i;
/** A clause after an example list that narrows every example ("… ) that are high risk for colonoscopy"). */
const EXAMPLE_LIST_NARROWED =
  /^\s*[,;]?\s*(?:that|which|for\s+which|where|when|if|unless|who|whose|requiring|required|with|without|in\s+whom|judged|deemed|considered|as\s+determined|by\s+the|according|well[\s-]controlled|controlled|stable|(?:are|is)\s+(?:allowed|permitted|eligible))\b/i;
/** A case clause after an example list ("… sarcoidosis) where there is pulmonary involvement"), which nothing after the parenthesis reads for its head. */
const LIST_NARROWED_BY_CASE = /^\s*[,;]?\s*(?:where|when|in\s+whom|if)\b/i;
const EXAMPLE_RUN_ON_NARROWED =
  /\b(?:that|which|where|when|if|unless|who|whose|requiring|required|without|in\s+whom|judged|deemed|considered|determined|according|opinion|controlled|stable|allowed|permitted|eligible)\b/i;
/** Words of a controlled infection or disease. */
const CONTROLLED =
  /\b(?:controlled|undetectable|suppressed|suppression|viral\s+load|cd4|antiretroviral|art|haart|antiviral|anti-viral|treated|cured|resolved|eradicated|sustained\s+virologic|svr|negative|clearance|cleared|inactive|remission|stable|well-controlled|prophyla\w+|replacement)\b/i;

const PERMISSION_VOCAB = vocab(
  'patients participants subjects individuals with who are is eligible allowed permitted may participate enroll enrolled be included provided if ' +
    'they their have has had on effective stable antiretroviral anti retroviral therapy art haart cart combination treatment treated regimen ' +
    'antiviral anti viral prophylaxis undetectable viral load loads hiv hbv hcv rna dna pcr level levels copies ml iu below limit lower detection ' +
    'quantification cd4 count counts cell cells mm3 ul greater than more at least weeks week months month days day prior to before start first ' +
    'dose study enrollment randomization registration screening and or the a an of for in by as defined controlled well suppressed suppression ' +
    'sustained virologic response svr cured cure completed curative eradication therapy therapies negative positive hepatitis b c virus infection ' +
    'surface antigen hbsag antibody core anti hbc must should also remain monitored monitoring per local guidelines standard care institutional ' +
    'opportunistic infections aids defining illness history no within last past years year resolved resolution those whose which that been ' +
    'receiving receive continue continued during entire duration are not considered exclusion excluded criterion exclusionary ' +
    'confirmed planned intervention note inactive carrier carriers state long detectable',
);

/** Words of a replacement-therapy note ("Replacement therapy (e.g., thyroxine, insulin…) is not considered systemic treatment"). */
const REPLACEMENT_VOCAB = vocab(
  'replacement therapy therapies treatment treatments e g eg i e thyroxine levothyroxine insulin physiologic physiological corticosteroid ' +
    'corticosteroids steroid steroids hormone hormonal for adrenal pituitary insufficiency is are not considered a form of systemic treatment ' +
    'and or the with use disease modifying agents immunosuppressive drugs medications permitted allowed acceptable only requiring controlled by ' +
    'on stable dose doses prednisone equivalent mg day daily per topical inhaled intranasal ocular intra articular injection local ' +
    'immunosuppressant immunosuppressants immunomodulator immunomodulators immunomodulatory immune suppressive regulating ' +
    'dmard dmards antirheumatic biologic biologics agent',
);

/** Examples of the treatment a condition required: "(i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs)". */
const TREATMENT_EXAMPLES =
  /^\s*,?\s*\(\s*(?:i\.?\s*e\.?|e\.?\s*g\.?|such\s+as|including)[^()]*\)|^\s*,\s*(?:i\.\s*e\.|e\.\s*g\.)\s*,?\s*(?:with\s+)?(?:the\s+)?use\s+of\s+[^.;()]*?(?:agents|drugs|medications|therap(?:y|ies)|corticosteroids|steroids)(?=\s*(?:[.;]|$))/i;

interface Group {
  mentions: Mention[];
  start: number;
  end: number;
  qualStart: number;
  names: string[];
  active: boolean;
  withinYears?: number;
  except: string[];
  spans: Span[];
  /** Read the polarity from the text ("HIV negative", "HBsAg positive"). */
  value?: boolean;
  /** Narrowed by words the facts cannot hold: left unread. */
  restricted?: boolean;
  /** One word before an umbrella naming a kind of it ("inflammatory neurological disorders"), held as an unparsed leaf beside it. */
  kindLead?: { text: string; span: Span };
  /** A CTCAE grade floor ("Grade ≥ 2", "of grade 3 or 4"), held as an unparsed leaf beside the condition. */
  grade?: { text: string; span: Span };
  /**
   * A treatment a past episode needed, with no window ("History of pneumonitis that required
   * steroids"): the condition is necessary, the treatment held as an unparsed leaf beside it.
   */
  need?: { text: string; span: Span };
  /**
   * The supportive treatments that need names ("requiring systemic corticosteroid therapy"): the
   * patient must have had one, so a record without them rules the episode out. That the treatment
   * was for this condition stays with the need's unparsed leaf.
   */
  neededTreatment?: Condition;
  /** The window read after the condition ("within 24 months"). */
  window?: Span;
  /** A gloss between the condition and its window ("arterial thrombosis (i.e., stroke or TIA) within 12 months"). */
  gloss?: Span;
  /** Made current by a requirement after it ("… requiring systemic therapy"). */
  tailActive?: boolean;
  /**
   * The treatment a requirement names is read, as the condition being current or within its window
   * ("… that has required systemic treatment in the past 2 years (i.e., steroids …)"): the finding
   * then reads the criterion's prior-therapy words as well.
   */
  readsTreatment?: boolean;
  /** Words grading the condition's size or amount ("moderate to severe"), held as an unparsed leaf beside it. */
  amount?: { text: string; span: Span };
  /** A clause narrowing the condition by its effect or cause, held as an unparsed leaf beside it. */
  narrow?: { text: string; span: Span };
  /**
   * A cause set aside before a treatment requirement ("not caused by prior anticancer treatment",
   * "(non-immunotherapy induced conditions)"), held as an unparsed leaf beside the condition.
   */
  notCausedBy?: { text: string; span: Span };
  /**
   * The cause named right before the condition ("immune-related pneumonitis", "immunotherapy related
   * pneumonitis", "drug-related pneumonitis"), held as an unparsed leaf beside it.
   */
  causeBefore?: { text: string; span: Span };
  /** Words accounted for that must not place the finding (a note in a later sentence). */
  cover: Span[];
  /** The narrowing words, whose own conditions are not the patient's. */
  shadow?: Span;
  category: 'infection' | 'medical_history';
}

const WINDOW = new RegExp(
  String.raw`^\s*\)?\s*,?\s*\(?\s*(?:(?:(?:that|which)\s+)?(?:has|have|had|was|were)\s+(?:been\s+)?(?:required|occurred|diagnosed|treated)\s+)?(?:(?:with)?in|during|over|for)\s+(?:the\s+)?(?:past|last|previous|prior|preceding)?\s*(${NUMBER})\s*(days?|weeks?|months?|years?|yrs?|mos?)\b|^\s*\)?\s*,?\s*\(?\s*(?:(?:(?:that|which)\s+)?(?:has|have|had|was|were)\s+(?:been\s+)?(?:required|occurred|diagnosed|treated)\s+)?(?:(?:with)?in|during|over)\s+the\s+(?:past|last|previous|preceding)\s+(year|month|week)\b|^\s*\)?\s*,?\s*\(?\s*(?:(?:with)?in\s+(?:the\s+)?)?(?:<=?|=<|≤|less\s+than|fewer\s+than)\s*(${NUMBER})\s*(days?|weeks?|months?|years?|yrs?|mos?)\b`,
  'i',
);

function groupCategory(ids: string[], input: ExtractInput): 'infection' | 'medical_history' {
  return ids.some((id) => input.lex.conditionById.get(id)?.group === 'infection') ? 'infection' : 'medical_history';
}

/** "(screening) testing for … is not required unless": what follows says when a test is due. */
const TESTING_NOT_REQUIRED = /\b(?:testing|tests?|screening)\b[^.;]{0,80}?\b(?:is|are)\s+not\s+(?:required|mandatory|needed)\s+unless\b/gi;
/** "known to cause", "that may prolong": what follows is an effect, not a condition the patient has. */
const EFFECT_LEAD =
  /\b(?:(?:known|likely|expected|reported)\s+to|(?:that|which)(?:\s+(?:(?:are|is)\s+known\s+to|may|can|could|might))?)\s+(?:cause|causes|induce|induces|prolong|prolongs|result\s+in|results\s+in)\b[^.;()]{0,40}$/i;
const TESTS_NOT_REQUIRED_TAIL =
  /^\s*(?:[\w-]+\s+){0,3}?(?:screening\s+)?(?:testing|tests?|screening)\s+(?:is|are)\s+not\s+(?:required|mandatory|needed)\b/i;
/** How far the conditions of such a note reach: its first item or two ("known history of HBV or HCV infection"). */
const TESTING_NOTE_REACH = 60;
/** Words a window's anchor may have beyond the shared timing words: "prior to enrollment on this trial". */
const WINDOW_TAIL_EXTRA = vocab(['this', 'current', 'present']);
/** A time window right after the group: "within 6 months", "in the past 2 years", "≤ 6 months prior to…". */
function readWindow(input: ExtractInput, from: number): { years: number; end: number } | null {
  const rest = input.text.slice(from, from + 160);
  const m = WINDOW.exec(rest);
  if (!m) return null;
  // "in the past year": one unit.
  const value = m[3] ? 1 : toNumber(m[1] ?? m[4] ?? '');
  const unit = m[2] ?? m[3] ?? m[5] ?? '';
  if (value === null) return null;
  const years = toYears(value, unit);
  if (years === null) return null;
  const end = from + m[0].length;
  const tail = timingTail(input, end, WINDOW_TAIL_EXTRA);
  return { years, end: Math.max(end, tail) };
}

function grab(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (let m = r.exec(text); m; m = r.exec(text)) {
    out.push(m);
    if (!m[0]) r.lastIndex++;
  }
  return out;
}

/**
 * "NYHA class III or IV", "NYHA ≥ II", "Class III-IV heart failure", "NYHA functional classification >
 * Class 1" (the comparator before the class word) → heart_failure_nyha_n ids. A
 * numeral ends at a word boundary: "IV" is not class I, nor the "i" of "classification".
 */
const NYHA =
  /\b(?:(?:New\s+York\s+Heart\s+Association|NYHA)(?:\s*\(\s*NYHA\s*\))?\s*(?:functional\s+)?(?:(?:class(?:ifications?|es)?|grade)\s*(?:class\s*)?)?(?:of\s+)?|class(?:es)?\s+(?=(?:I{1,3}V?|IV|[1-4])\b[^.;]{0,40}\b(?:heart|cardiac)\s+failure)|(?:class(?:es)?|grade)\s+(?=(?:IV|I{1,3}|[1-4])(?![\w])[^.;()]{0,30}\b(?:NYHA|New\s+York\s+Heart)\b))((?:>=|≥|>|greater\s+than\s+or\s+equal\s+to|or\s+(?:greater|higher|worse)|at\s+least)?\s*(?:(?<=[>=≥]\s*)class\s*)?(?:IV|I{1,3}|[1-4])(?![\w])(?:\s*(?:-|–|to|or|and|&|\/|,)\s*(?:IV|I{1,3}|[1-4])(?![\w]))*(?:\s*(?:or\s+(?:greater|higher|above|worse)|\+|and\s+above))?)/gi;

/**
 * A Child-Pugh class ("Child-Pugh Class B or C", "Child Pugh score B/C", "child-pugh class b or more
 * severe"; Pugh et al., Br J Surg 1973: A 5-6, B 7-9, C 10-15 points). No fact holds the class, so
 * it stays an unparsed leaf beside the chronic liver disease it grades, which is necessary for it.
 */
const CHILD_PUGH_SPEC = String.raw`Child[\s-]*(?:Turcotte[\s-]*)?Pugh(?:\s*\(\s*CP\s*\))?(?:\s+(?:class(?:ification)?|score|grade|stage))?\s*(?:of\s+)?[ABC](?:\s*(?:or|and|\/|-|to|,)\s*[ABC])*(?![\w])(?:\s+or\s+(?:more\s+severe|higher|worse|greater|above))?`;
const CHILD_PUGH = new RegExp(String.raw`\b${CHILD_PUGH_SPEC}`, 'gi');
const CHILD_PUGH_TAIL = new RegExp(
  String.raw`^\s*,?\s*(?:(?:consistent\s+with|defined\s+(?:as|by)|as\s+defined\s+by|classified\s+as|with|of)\s+)?\(?\s*(${CHILD_PUGH_SPEC})\s*\)?`,
  'i',
);
const CHILD_PUGH_LEAD = new RegExp(String.raw`\b(${CHILD_PUGH_SPEC})\s*(?:\(\s*)?$`, 'i');
const LIVER = new Set(['liver_disease', 'cirrhosis']);

/** "with NYHA class III or IV" after a heart failure: group 1 is the words before the scale's name. */
const NYHA_CLASS_TAIL =
  /^(\s*,?\s*\(?\s*(?:with|of|(?:defined|classified)\s+as)\s+(?:an?\s+)?)(?:New\s+York\s+Heart\s+Association|NYHA)(?:\s*\(\s*NYHA\s*\))?\s*(?:functional\s+)?(?:class(?:ification)?\s*)?(?:of\s+)?(?:>=|≥|>|greater\s+than\s+or\s+equal\s+to|at\s+least)?\s*(?:IV|I{1,3}|[1-4])(?![\w])/i;

/** A tail that only names the NYHA scale after a heart failure whose class is given. */
const NYHA_SCALE_TAIL =
  /^\s*,?\s*\(?\s*(?:as\s+)?(?:defined|classified|graded|assessed)\s+(?:by|per|according\s+to|using)\s+(?:the\s+)?(?:New\s+York\s+Heart\s+Association|NYHA)(?:\s*\(\s*NYHA\s*\))?(?:\s+(?:functional\s+)?(?:classification|class|criteria|scale))?(?:\s+system)?\s*\)?(?=\s*(?:[.;,]|$))/i;

function nyhaClasses(spec: string): number[] {
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
  const nums = [...spec.matchAll(/\b(IV|I{1,3}|[1-4])\b/gi)].map((m) => roman[m[1]!.toUpperCase()] ?? Number(m[1]));
  if (!nums.length) return [];
  const up = /(?:>=|≥|greater\s+than\s+or\s+equal|at\s+least|or\s+(?:greater|higher|above|worse)|\+|and\s+above)/i.test(
    spec,
  );
  const gt = /(?:^|\s)>(?!=)/.test(spec);
  if (up || gt) {
    const from = Math.min(...nums) + (gt && !up ? 1 : 0);
    return [1, 2, 3, 4].filter((n) => n >= from);
  }
  if (/-|–|\bto\b/.test(spec) && nums.length === 2) return [1, 2, 3, 4].filter((n) => n >= nums[0]! && n <= nums[1]!);
  return [...new Set(nums)].sort();
}

const TUMOUR_THROMBUS =
  /\btumou?r\s+thromb|\bthrombus\s+(?:\w+\s+){0,2}in\s+the\s+(?:renal\s+vein|(?:inferior\s+)?vena\s+cava|IVC)\b/i;

/** Candidacy for what follows ("eligible for", "a candidate for", "fit for"), not a history of it. */
const CANDIDACY_LEAD = /\b(?:(?:in)?eligib(?:le|ility)|candidates?|candidacy|suitable|unsuitable|fit|unfit|considered|planned|scheduled|referred)\s+(?:for|to\s+(?:receive|undergo|have))\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i;
/** The same written after it: "transplant-eligible", "allo-SCT-ineligible status". */
const CANDIDACY_TAIL = /^[\s-]*(?:in)?eligib(?:le|ility)\b/i;

function indication(text: string, start: number): boolean {
  const sStart = sentenceStart(text, start);
  const lead = text.slice(Math.max(sStart, start - 60), start);
  if (PURPOSE_LEAD.test(lead)) return true;
  if (!INDICATION_LEAD.test(lead)) return false;
  return INDICATION_TREATMENT.test(text.slice(sStart, start));
}

/** A condition named by an organ adjective and a head noun the adjectives before it may share. */
const SHARED_HEAD = /\b(?:diseases?|disorders?|illness(?:es)?|conditions?|dysfunction|impairment|insufficiency|failure)$/i;
const ORGAN_ADJECTIVE_CACHE = new WeakMap<object, Map<string, string | null>>();

/** The condition "<word> disease" names, if the lexicon knows it ("pulmonary" → pulmonary_disease). */
function organAdjective(input: ExtractInput, word: string): string | null {
  let cache = ORGAN_ADJECTIVE_CACHE.get(input.lex);
  if (!cache) ORGAN_ADJECTIVE_CACHE.set(input.lex, (cache = new Map()));
  const key = word.toLowerCase();
  if (!cache.has(key)) {
    const phrase = `${key} disease`;
    const hit = input.lex.index.scan(phrase).find((m) => m.type === 'condition' && m.start === 0 && m.end === phrase.length);
    cache.set(key, hit?.id ?? null);
  }
  return cache.get(key)!;
}

/**
 * The organ adjectives listed right before `pos` that share its head noun ("cardiovascular,
 * pulmonary, or" before "gastrointestinal disorders"), walked back word by word; null unless every
 * listed word names a condition with "disease".
 */
function sharedHeadList(input: ExtractInput, pos: number): { ids: string[]; start: number } | null {
  const { tokens, text } = input;
  let i = tokenAt(tokens, pos) - 1;
  let cursor = pos;
  const ids: string[] = [];
  let start = pos;
  while (i >= 0) {
    // A separator: ",", "/", "or", "and", "and/or", ", or".
    let j = i;
    while (j >= 0 && /^(?:or|and)$/i.test(tokens[j]!.norm) && /^[\s,/]*$/.test(text.slice(tokens[j]!.end, cursor))) {
      cursor = tokens[j]!.start;
      j--;
    }
    if (j < 0) break;
    const gap = text.slice(tokens[j]!.end, cursor);
    if (!/^\s*[,/]?\s*$/.test(gap) || (cursor === pos && !/[,/]/.test(gap) && j === i)) break;
    const word = tokens[j]!;
    const id = organAdjective(input, text.slice(word.start, word.end));
    if (!id) break;
    ids.push(id);
    start = word.start;
    cursor = word.start;
    i = j - 1;
  }
  return ids.length ? { ids: ids.reverse(), start } : null;
}

const TRANSPLANT_HEAD = /\btransplant(?:s|ation|ations)?$/i;
/** One member of a list before a shared head: up to three words and the separator after them. */
const LIST_MEMBER = /(?:^|[\s(,;:])((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s*(?:,\s*(?:or\s+|and\s+|and\/or\s+)?|\s*\/\s*|\s+(?:or|and\/or|and)\s+)$/;
const TRANSPLANT_CACHE = new WeakMap<object, Map<string, string | null>>();

/** The transplant "<words> transplant" names, if the lexicon knows it ("allogeneic stem cell" → allogeneic_stem_cell_transplant). */
function transplantOf(input: ExtractInput, words: string): string | null {
  let cache = TRANSPLANT_CACHE.get(input.lex);
  if (!cache) TRANSPLANT_CACHE.set(input.lex, (cache = new Map()));
  const key = words.toLowerCase();
  if (!cache.has(key)) {
    let id: string | null = null;
    for (const phrase of [`${key} transplant`, `${key} transplantation`]) {
      const hit = input.lex.index
        .scan(phrase)
        .find((m) => m.type === 'condition' && m.start === 0 && m.end === phrase.length && m.id.endsWith('_transplant'));
      if ((id = hit?.id ?? null)) break;
    }
    cache.set(key, id);
  }
  return cache.get(key)!;
}

/**
 * The kinds of transplant listed right before `pos` that share its head noun ("allogeneic stem cell
 * or" before "solid organ transplantation", "kidney, liver, heart, or" before "lung transplant"),
 * walked back member by member, each the longest words that name a transplant.
 */
function sharedTransplantList(input: ExtractInput, pos: number): { ids: string[]; start: number } | null {
  const ids: string[] = [];
  let start = pos;
  const from = sentenceStart(input.text, pos);
  for (;;) {
    const m = LIST_MEMBER.exec(input.text.slice(Math.max(from, start - 80), start));
    if (!m) break;
    const words = m[1]!.split(/\s+/);
    let found: { id: string; length: number } | null = null;
    for (let k = 0; k < words.length && !found; k++) {
      const id = transplantOf(input, words.slice(k).join(' '));
      // An organ or tissue transplant is allogeneic ("allogeneic tissue or solid organ transplant").
      const allo = id === 'organ_transplant' && k > 0 && /^allogene?ic$/i.test(words[k - 1]!);
      if (id) found = { id, length: words.slice(allo ? k - 1 : k).join(' ').length };
    }
    if (!found) break;
    const memberStart = start - (m[0].length - m[0].indexOf(m[1]!));
    // "solid organ/tissue allogeneic or …": the member is a longer phrase joined by a slash.
    if (/\/\s*$|\/\s*[A-Za-z][\w-]*\s+$/.test(input.text.slice(Math.max(from, memberStart - 30), memberStart + (m[1]!.length - found.length)))) break;
    ids.push(found.id);
    const memberEnd = start - (m[0].length - m[0].indexOf(m[1]!) - m[1]!.length);
    start = memberEnd - found.length;
  }
  return ids.length ? { ids: ids.reverse(), start } : null;
}

const ACRONYM = /\b[A-Z]{3,8}\b/g;
const ITEM = /[^,;()]+/g;

/**
 * Spans of a list that spells out an acronym in the text ("POEMS syndrome (polyneuropathy,
 * organomegaly, endocrinopathy, monoclonal protein, and skin changes)"): its members name the
 * syndrome's features, not conditions of their own.
 */
function acronymExpansions(text: string): Span[] {
  const acronyms = new Set(text.match(ACRONYM) ?? []);
  if (!acronyms.size) return [];
  const items: Array<{ start: number; end: number; initial: string }> = [];
  for (const seg of text.matchAll(ITEM)) {
    let offset = seg.index;
    for (const part of seg[0].split(/(\s+(?:and|or)\s+)/)) {
      const lead = part.length - part.trimStart().length;
      const word = part.trim();
      if (word && !/^(?:and|or)$/i.test(word) && !acronyms.has(word) && !/^(?:syndrome|disease)$/i.test(word))
        items.push({ start: offset + lead, end: offset + lead + word.length, initial: word[0]!.toLowerCase() });
      offset += part.length;
    }
  }
  const out: Span[] = [];
  for (const a of acronyms) {
    const letters = a.toLowerCase();
    for (let i = 0; i + letters.length <= items.length; i++) {
      if ([...letters].every((ch, k) => items[i + k]!.initial === ch)) out.push([items[i]!.start, items[i + letters.length - 1]!.end]);
    }
  }
  return out;
}

/** Whether a mention carries a qualifier meaning current ("active HIV"), other than a chronic condition's own name. */
function mentionQualifies(input: ExtractInput, m: Mention): boolean {
  const name = input.lex.conditionById.get(m.id)?.name ?? '';
  // "impaired cardiac function": a function impaired now.
  const words = m.text.match(/\b(?:active|uncontrolled|chronic|symptomatic)\b|\bimpaired(?=\s+\w+\s+functions?\b)/gi) ?? [];
  // "chronic pain", "chronic liver disease": the condition is chronic by name, not currently active.
  const chronicByName = /\bchronic\b/i.test(name);
  return words.some((w) => !(chronicByName && /^chronic$/i.test(w)));
}

/**
 * "Lung-specific intercurrent clinically significant illnesses": an organ named apart from the head
 * noun by its qualifiers. The head is read as "<organ> disease" (organAdjective) and the organ word
 * joins the qualifier run before it (QUALS), so "intercurrent", "severe" or "significant" set `active`
 * as they do before "pulmonary illness".
 */
const ORGAN_SPECIFIC =
  /\b(lung|pulmonary|respiratory|cardiac|heart|hepatic|liver|renal|kidney)-specific\s+(?:(?:intercurrent|clinically|clinical|significant|severe|serious|uncontrolled|active|chronic|and|or|,)\s*)*(illness(?:es)?|diseases?|disorders?|conditions?)\b/gi;
function organSpecificConditions(input: ExtractInput, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of input.text.matchAll(ORGAN_SPECIFIC)) {
    const id = organAdjective(input, m[1]!);
    if (!id) continue;
    const end = m.index + m[0].length;
    const start = end - m[2]!.length;
    if (mentions.some((k) => k.start < end && k.end > m.index)) continue;
    out.push({ type: 'condition', id, start, end, text: m[2]! });
  }
  return out;
}

/**
 * An abnormal tracing named as what the ECG shows rather than by a noun phrase the lexicon holds:
 * "Resting ECG with clinically abnormal findings", "ECG results showing clinically significant
 * abnormalities", "Electrocardiogram (ECG) was significantly abnormal": read as ecg_abnormality.
 */
const ECG_SHOWING =
  /\b(?:(?:resting|screening|baseline|12-lead)\s+)?(?:ECG|EKG|electrocardiogram)(?:\s*\(\s*(?:ECG|EKG)\s*\))?\s+(?:results?\s+)?(?:with|showing|shows|was|were)\s+(?:clinically\s+)?(?:significant(?:ly)?\s+|relevant\s+)?(?:abnormal\s+findings?|abnormalities|abnormal)\b/gi;
function ecgShowingConditions(input: ExtractInput, mentions: Mention[]): Mention[] {
  if (!input.lex.conditionById.has('ecg_abnormality')) return [];
  const out: Mention[] = [];
  for (const m of input.text.matchAll(ECG_SHOWING)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((k) => k.start < end && k.end > start)) continue;
    out.push({ type: 'condition', id: 'ecg_abnormality', start, end, text: m[0] });
  }
  return out;
}

/** The intercurrent-illness umbrella named as a serious or uncontrolled "medical condition" (see MEDICAL_CONDITION). */
function medicalConditions(input: ExtractInput, mentions: Mention[]): Mention[] {
  const { text } = input;
  const out: Mention[] = [];
  for (const m of text.matchAll(MEDICAL_CONDITION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((k) => k.start < end && k.end > start)) continue;
    const sStart = sentenceStart(text, start);
    const sEnd = sentenceEnd(text, end);
    // MEDICAL_LEAD reaches 40 characters past its word: a window of 70 holds it, and keeps the test
    // linear however long the sentence.
    if (!MEDICAL_LEAD.test(text.slice(Math.max(sStart, start - 70), start)) || JUDGED.test(text.slice(sStart, sEnd).replace(ASSESSOR_ONLY, ''))) continue;
    // Examples, a window or an organ after it ("… including uncontrolled diabetes, recent (within 6
    // months) myocardial infarction", "… involving the gut") make it a list with qualifiers of its own.
    if (MEDICAL_LIST.test(text.slice(end, sEnd))) continue;
    out.push({ type: 'condition', id: 'uncontrolled_intercurrent_illness', start, end, text: m[0] });
  }
  return out;
}

/**
 * Whether the item is listed under a lead-in whose items are exemptions from the criterion it ends
 * ("The following are exceptions to this criterion:", "… with exceptions of:", "Patients with the
 * following are permitted to enrol:"): the segmenter's own test (segment.ts exemptionLeadIn), on the
 * lead-in's last sentence, which ends with the colon that hands over to the items.
 */
function underExemptionLead(input: ExtractInput): boolean {
  const lead = input.context[input.context.length - 1];
  if (!lead) return false;
  // "Patients with a history of known autoimmune disease with exceptions of" hands over without a colon.
  if (!/:\s*$/.test(lead)) return /\b(?:with\s+(?:the\s+)?exceptions?\s+of|except(?:\s+for)?)\s*$/i.test(lead);
  const last = lead.slice(Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('; '), lead.lastIndexOf('.\n'), 0)).replace(/^[.;]\s*/, '');
  return exemptionLeadIn(normalise(last).text.trim(), 'exclusion');
}

/** Words before "depression" that make it a finding in an organ or on the ECG (ST segment, marrow, breathing). */
const DEPRESSED_ORGAN = /(?:\bST\b[\s-]*(?:segments?\b)?|\b(?:marrow|respiratory|myocardial|CNS)\b)[^.;:()]{0,25}$/;

export const extractConditions: Extractor = (input: ExtractInput) => {
  const { text } = input;
  // An item under "The following are exceptions to this criterion:" names a condition the
  // exclusion above it spares: read as an exclusion of its own it would bar the very patients the
  // trial lets in, so it is left unread (as history-malignancy.ts does with its exemption items).
  if (underExemptionLead(input)) return [];
  const testingNotes = grab(TESTING_NOT_REQUIRED, text).map((m): Span => [m.index + m[0].length, m.index + m[0].length + TESTING_NOTE_REACH]);
  const mentions = input.mentions.filter(
    (m) =>
      m.type === 'condition' &&
      !ELSEWHERE.has(m.id) &&
      // "Testing for hepatitis B and C is not required unless: 1. Known history of HBV or HCV
      // infection 2. Mandated by local health authority": when a test is due, not an exclusion.
      !testingNotes.some(([a, b]) => m.start >= a && m.start < b) &&
      // "medication known to prolong the QT interval and cause Torsades de Pointes", "drugs that may
      // cause QT prolongation": an effect something may have, not the patient's condition.
      !EFFECT_LEAD.test(text.slice(Math.max(0, m.start - 70), m.start)) &&
      // "Hepatitis B and C screening tests are not required unless …": the subject of a test.
      !TESTS_NOT_REQUIRED_TAIL.test(text.slice(m.end, m.end + 70)) &&
      // "COVID-19 vaccines are allowed": a vaccine, not the infection.
      !/\bvaccin/i.test(text.slice(Math.max(0, m.start - 40), Math.min(text.length, m.end + 25))) &&
      // "medical or psychiatric condition", "physical or mental illness": one half of "any condition",
      // not a psychiatric illness asked for on its own (read alone, a catch-all "medical or psychiatric
      // condition that, in the investigator's opinion, …" had excluded only psychiatric patients).
      !(m.id === 'psychiatric_illness' && (ANY_CONDITION_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) || ANY_CONDITION_AFTER.test(text.slice(m.end, m.end + 30)))) &&
      // "allergic reactions attributed to compounds of similar biological composition to HSV-1, IL-12
      // …": the agents of the allergy, not the patient's infection.
      !/\bsimilar\s+(?:(?:chemical|biologic(?:al)?)\s+(?:(?:or|and|and\/or)\s+)?)*composition\s+to\b[^.;]*$/i.test(text.slice(Math.max(0, m.start - 150), m.start)) &&
      // "Examples of live vaccines include …: measles, mumps, rubella, varicella/zoster (chicken pox)":
      // the vaccines' names, however far down the list.
      !VACCINE_EXAMPLES_LEAD.test(text.slice(Math.max(0, m.start - 300), m.start)) &&
      // "a family history of long QT syndrome": a relative's condition.
      !/\b(?:family\s+(?:history|members?)|relatives?)\s+(?:of|with)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}$/i.test(
        text.slice(Math.max(0, m.start - 60), m.start),
      ) &&
      // "pulmonary hypertension", "intracranial hypertension": not arterial hypertension.
      !(
        m.id === 'hypertension' &&
        /\b(?:pulmonary|intracranial|ocular|intra-?ocular)\s*(?:arterial\s+)?$/i.test(
          text.slice(Math.max(0, m.start - 25), m.start),
        )
      ) &&
      // "ST segment elevations or depressions (≥0.5 mm depression)", "bone marrow depression": an ECG or
      // organ finding, not the mood disorder.
      !(m.id === 'depression' && (DEPRESSED_ORGAN.test(text.slice(Math.max(0, m.start - 40), m.start)) || /\bmm\s*$/i.test(text.slice(Math.max(0, m.start - 6), m.start)))) &&
      // "fracture risk": a risk of the condition, not the condition.
      !/^\s*risks?\b/i.test(text.slice(m.end, m.end + 8)) &&
      // "aneurysm clip": an MRI-unsafe implant, not the aneurysm.
      !(m.id === 'aortic_aneurysm' && /^\s*clips?\b/i.test(text.slice(m.end, m.end + 10))) &&
      // "tumour thrombus", "residual thrombus in the renal vein or vena cava": tumour extension.
      !(m.id === 'thromboembolism' && TUMOUR_THROMBUS.test(text.slice(Math.max(0, m.start - 10), m.end + 40))) &&
      // "the ICPI diarrhea/colitis work up": the subject of a work-up, not a condition the patient has.
      !/^\s*(?:\/\s*[\w-]+\s*)?(?:work[\s-]?up|workup)\b/i.test(text.slice(m.end, m.end + 30)) &&
      // "psychiatric illness/social situations that would limit compliance": read as compliance.
      !(m.id === 'psychiatric_illness' && LIMITS_COMPLIANCE.test(text.slice(m.end, m.end + 90))) &&
      !ORGAN_PREFIX.test(text.slice(Math.max(0, m.start - 12), m.start)) &&
      !ORGANISATION_LEAD.test(text.slice(Math.max(0, m.start - 50), m.start)) &&
      !ORGANISATION_TAIL.test(text.slice(m.end, m.end + 40)) &&
      // "systemic disease-modulating drugs", "disease-free": a compound word, not a condition.
      !/^-(?:modifying|modulating|free)\b/i.test(text.slice(m.end, m.end + 12)) &&
      // "Gastroparesis is defined as having symptoms of …": the subject of a definition, which says
      // what the condition named before means, not another way to be excluded.
      !/^\s*(?:is|are)\s+defined\s+as\b/i.test(text.slice(m.end, m.end + 20)),
  );
  if (/medical|physical|somatic|(?:condition|disorder|disease|illness)\w*\s*,/i.test(text)) {
    mentions.push(...medicalConditions(input, mentions));
    mentions.sort((a, b) => a.start - b.start);
  }
  if (/\b(?:ECG|EKG|electrocardiogram)\b/i.test(text)) {
    mentions.push(...ecgShowingConditions(input, mentions));
    mentions.sort((a, b) => a.start - b.start);
  }
  if (/-specific/i.test(text)) {
    mentions.push(...organSpecificConditions(input, mentions));
    mentions.sort((a, b) => a.start - b.start);
  }
  const expansions = mentions.length ? acronymExpansions(text) : [];
  if (expansions.length) {
    const kept = mentions.filter((m) => !expansions.some(([a, b]) => m.start >= a && m.end <= b));
    mentions.length = 0;
    mentions.push(...kept);
  }
  const nyhaMatches = input.tokens.some((t) => t.norm === 'nyha' || t.norm === 'york' || t.norm.startsWith('class'))
    ? grab(NYHA, text)
    : [];
  if (!mentions.length && !nyhaMatches.length && !/pugh/i.test(text)) return [];
  const out: Finding[] = [];
  const exclusion = input.kind === 'exclusion';

  // Mentions inside "except …", "other than …" are read with the group before them. An exception
  // right after a named condition inside a list ("diverticulitis with the exception of
  // diverticulosis, celiac disease, …") reaches only to the next comma.
  const exceptionAt = (pos: number): boolean =>
    input.scopes.scopes.some((sc) => {
      if (sc.kind !== 'exception' || pos < sc.start || pos >= sc.end) return false;
      const local = mentions.some((m) => m.end <= sc.trigger[0] && sc.trigger[0] - m.end <= 3 && m.id !== 'infection');
      return !local || !/[,;]/.test(text.slice(sc.trigger[1], pos));
    });

  // 0. "Active hepatitis B virus (HBV; defined as HBsAg reactive and/or detectable HBV DNA)": a
  //    gloss defining the infection by its tests. The markers inside it (HBsAg, HBV DNA) are no
  //    findings of their own, and a list runs on over it ("… (defined as …) and hepatitis C virus
  //    (defined as …) infection").
  const glosses = viralGlosses(text, mentions);
  if (glosses.length) {
    const kept = mentions.filter((m) => !glosses.some((x) => m.start >= x.span[0] && m.start < x.span[1]));
    mentions.length = 0;
    mentions.push(...kept);
  }
  const blankGlosses = (a: number, b: number): string =>
    glosses.reduce((s, x) => (x.span[0] >= a && x.span[1] <= b ? s.slice(0, x.span[0] - a) + ' '.repeat(x.span[1] - x.span[0]) + s.slice(x.span[1] - a) : s), text.slice(a, b));

  // 1. Coordinated groups.
  const groups: Group[] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    const gap = last ? blankGlosses(last.end, m.start) : '';
    // "Hepatitis B or C infection", "Covid19 infection": the head noun of the names before it.
    // "Hepatitis B or C acute or chronic infection": both courses together narrow nothing.
    if (
      last &&
      m.id === 'infection' &&
      (/^[\s-]*$/.test(gap) || /^\)?\s*(?:acute|chronic)\s+(?:or|and|and\/or)\s+(?:acute|chronic)\s+$/i.test(gap)) &&
      last.category === 'infection' &&
      !last.names.includes('infection')
    ) {
      last.end = m.end;
      continue;
    }
    // "Infection with human immunodeficiency virus": the infection is the one named.
    if (
      last &&
      last.names.length === 1 &&
      last.names[0] === 'infection' &&
      /^\s*(?:with|by|of|due\s+to|caused\s+by)\s+(?:the\s+)?$/i.test(gap) &&
      groupCategory([m.id], input) === 'infection'
    ) {
      last.mentions.push(m);
      last.end = m.end;
      last.names = [m.id];
      continue;
    }
    if (
      last &&
      !exceptionAt(m.start) &&
      !exceptionAt(last.start) &&
      LIST_GAP.test(gap) &&
      !ACTIVE_WORDS.test(gap) &&
      groupCategory([m.id], input) === last.category
    ) {
      last.mentions.push(m);
      last.end = m.end;
      if (!last.names.includes(m.id)) last.names.push(m.id);
      continue;
    }
    groups.push({
      mentions: [m],
      start: m.start,
      end: m.end,
      qualStart: m.start,
      names: [m.id],
      active: false,
      except: [],
      spans: [],
      cover: [],
      category: groupCategory([m.id], input),
    });
  }

  // 1b. "Clinically significant cardiovascular, pulmonary, or gastrointestinal disorders": organ
  //     adjectives sharing the head noun of the condition after them, each read as "<adjective> disease".
  for (const g of groups) {
    if (g.mentions.length !== 1 || !SHARED_HEAD.test(g.mentions[0]!.text)) continue;
    const list = sharedHeadList(input, g.start);
    if (!list) continue;
    for (const id of list.ids) if (!g.names.includes(id)) g.names.unshift(id);
    g.start = list.start;
  }
  // 1c. "Allogeneic stem cell or solid organ transplantation", "Prior solid organ or hematologic
  //     transplant": kinds of transplant sharing the head noun of the transplant after them.
  for (const g of groups) {
    if (g.mentions.length !== 1 || !TRANSPLANT_HEAD.test(g.mentions[0]!.text)) continue;
    const list = sharedTransplantList(input, g.start);
    if (!list) continue;
    for (const id of list.ids.reverse()) if (!g.names.includes(id)) g.names.unshift(id);
    g.start = list.start;
  }

  // 2. Qualifiers, windows, treatment requirements, polarity words.
  /** The test words a serology lead-in's item reads after its infection ("IgM or PCR assay indicating active infection"). */
  const serologyTests: Span[] = [];
  for (const g of groups) {
    const sStart = sentenceStart(text, g.start);
    const q = QUALS.exec(text.slice(Math.max(sStart, g.start - 90), g.start));
    let qualStart = q ? g.start - q[0].length : g.start;
    // A parenthesis closing the previous condition ("retinal vein occlusion (RVO) or history of …")
    // belongs to it, with the connective after it; so does the previous condition's test result
    // before a comma or a connective ("anti-HIV antibody positive, active HBV", "HBsAg positive and/or anti-HCV positive"), which is no qualifier of this one.
    const lead = /^(?:\s*(?:,|\/|\bor\b|\band\/or\b|\band\b|\bnor\b|\bof\b|\bthe\b|\ba\b|\ban\b|\([^()]{0,30}\)|\b(?:sero)?(?:positive|negative|reactive|non-?reactive)\b(?=\s*(?:[,;]|\band\/or\b|\bor\b|\band\b))))+\s*/i.exec(
      text.slice(qualStart, g.start),
    );
    if (lead) qualStart += lead[0].length;
    g.qualStart = qualStart;
    const qual = text.slice(qualStart, g.start);
    g.active =
      (ACTIVE_WORDS.test(qual) && !PAST_OR_PRESENT.test(qual)) ||
      g.mentions.some((m) => mentionQualifies(input, m));
    const symptomsOf = SYMPTOMS_OF_LEAD.exec(text.slice(Math.max(sStart, qualStart - 40), g.start));
    // "Transmural myocardial infarction", "new-onset angina": a kind of the condition, which stays
    // necessary with the kind left to a coordinator (set below, once the size words are read).
    const kindWord = KIND_QUAL.exec(qual);
    const kindOnly = kindWord !== null && !RESTRICTIVE_QUAL.test(qual.replace(KIND_QUAL_ALL, ' '));
    if (RESTRICTIVE_QUAL.test(qual) && !kindOnly) g.restricted = true;
    const tumourCause = TUMOUR_CAUSE_LEAD.exec(text.slice(Math.max(sStart, qualStart - 60), qualStart));
    if (tumourCause) {
      const from = Math.max(sStart, qualStart - 60) + tumourCause.index;
      const to = from + tumourCause[0].trimEnd().length;
      g.causeBefore = { text: text.slice(from, to), span: [from, to] };
    } else if (KIND_LEAD.test(text.slice(Math.max(sStart, qualStart - 60), qualStart))) g.restricted = true;
    if (INFECTIOUS_QUAL.test(qual) && g.category !== 'infection') g.restricted = true;
    // "moderate to severe hearing loss", "large amount of pleural effusion": the condition is
    // necessary, its size left to a coordinator.
    const amountAt = [qualStart, g.start].find((at) => AMOUNT_LEAD.test(text.slice(Math.max(sStart, at - 40), at)));
    const amountList = amountAt === undefined ? AMOUNT_LIST_LEAD.exec(text.slice(Math.max(sStart, qualStart - 80), qualStart)) : null;
    if (amountList) {
      const at = Math.max(sStart, qualStart - 80) + amountList.index;
      const to = at + amountList[0].trimEnd().length;
      g.amount = { text: text.slice(at, to), span: [at, to] };
    }
    const degree = g.mentions.length === 1 && g.names.includes('arrhythmia') ? DEGREE_LEAD.exec(text.slice(Math.max(sStart, qualStart - 80), qualStart)) : null;
    if (degree && amountAt === undefined && !amountList) {
      const from = qualStart - (text.slice(Math.max(sStart, qualStart - 80), qualStart).length - degree.index);
      const to = from + degree[0].trimEnd().length;
      g.amount = { text: text.slice(from, to), span: [from, to] };
    }
    if (amountAt !== undefined) {
      const window = text.slice(Math.max(sStart, amountAt - 40), amountAt);
      const m = AMOUNT_LEAD.exec(window)!;
      const from = amountAt - window.length + m.index;
      const to = amountAt - (m[0].length - m[0].trimEnd().length);
      g.amount = { text: text.slice(from, to), span: [from, to] };
    }
    if (kindOnly) {
      if (g.amount) g.restricted = true;
      else {
        const at = qualStart + kindWord.index;
        g.amount = { text: kindWord[0], span: [at, at + kindWord[0].length] };
      }
    }
    // "History of immune related pneumonitis", "grade ≥2 immune-related myocarditis": the condition as
    // an adverse event of immunotherapy, narrower than the condition of any cause. The cause stays
    // an unread leaf beside it; where the criterion names the immunotherapy, its receipt is
    // necessary too. The lexicon names some as synonyms of the condition itself, so the cause may
    // open the mention.
    const immuneLead = IMMUNE_CAUSE_LEAD.exec(text.slice(sStart, g.start));
    const immuneHead = immuneLead ? null : IMMUNE_CAUSE_HEAD.exec(text.slice(g.start, g.end));
    // "immunotherapy related pneumonitis", "chemotherapy-induced neuropathy": the treatment named as
    // the cause was had; the cause itself stays unread.
    const treatmentCause = immuneLead || immuneHead ? null : causedByTreatmentBefore(input, sStart, g.start);
    if (treatmentCause) {
      g.causeBefore = { text: text.slice(treatmentCause.span[0], treatmentCause.span[1]), span: treatmentCause.span };
      if (!g.neededTreatment) g.neededTreatment = treatmentCause.condition;
    } else if (GENERIC_CAUSE_LEAD.test(text.slice(sStart, g.start))) {
      // "prior therapy-induced pneumonitis", "drug-related pneumonitis": a cause no fact holds.
      const m = GENERIC_CAUSE_LEAD.exec(text.slice(sStart, g.start))!;
      const from = sStart + m.index;
      g.causeBefore = { text: m[0].trimEnd(), span: [from, from + m[0].trimEnd().length] };
    }
    if (immuneLead || immuneHead) {
      const from = immuneLead ? sStart + immuneLead.index : g.start;
      const to = from + (immuneLead ?? immuneHead)![0].trimEnd().length;
      g.causeBefore = { text: text.slice(from, to), span: [from, to] };
      if (!g.neededTreatment && IMMUNOTHERAPY_NAMED.test(text))
        g.neededTreatment = { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['immunotherapy'] } };
    }
    if (PREMISE_LEAD.test(text.slice(sStart, qualStart))) g.restricted = true;
    if (CAUSE_LEAD.test(text.slice(Math.max(sStart, qualStart - 40), qualStart))) g.restricted = true;
    // "Physiologic doses of corticosteroids for adrenal insufficiency": kept as a group, so that an
    // exception naming it is still read with its umbrella, but no finding of its own.
    if (indication(text, qualStart)) g.restricted = true;
    // "eligible for allogeneic stem cell transplant", "allo-SCT-eligible status": whether the patient
    // could have the procedure, not whether they had it.
    if (CANDIDACY_LEAD.test(text.slice(Math.max(sStart, qualStart - 40), qualStart)) || CANDIDACY_TAIL.test(text.slice(g.end, g.end + 20))) g.restricted = true;
    // "restrictive lung disease", "inflammatory lung disease": a kind of the umbrella it does not name.
    // Among exclusions the kind's one word is kept beside the umbrella as an unparsed leaf ("Active
    // inflammatory neurological disorders (e.g., Guillain-Barre Syndrome, …)"): the umbrella is
    // necessary, so the exclusion stays no wider than its text.
    if (UMBRELLAS.has(g.names[0]!) && qual === '' && !UMBRELLA_LEAD_OK.test(text.slice(Math.max(sStart, qualStart - 30), qualStart).trimEnd())) {
      // Only the first subject of its sentence, as for a "with" clause: in a list or among examples the
      // member would be merged with others and lose its kind ("… vasculitis, and invasive lung disease").
      const kind =
        exclusion && !/,|\bor\b|\band\b|\/|\(/i.test(text.slice(sStart, qualStart)) && !mentions.some((m) => m.start >= sStart && m.start < qualStart)
          ? UMBRELLA_KIND_WORD.exec(text.slice(Math.max(sStart, qualStart - 30), qualStart))
          : null;
      if (kind) {
        const from = qualStart - kind[0].length + kind[0].indexOf(kind[1]!);
        g.kindLead = { text: kind[1]!, span: [from, from + kind[1]!.length] };
      } else g.restricted = true;
    }
    // "non-infectious skin disease": an umbrella less its infections, a kind the lexicon does not name.
    if (UMBRELLAS.has(g.names[0]!) && /\bnon-?\s?infectious\b/i.test(qual)) g.restricted = true;
    // "non-radiation induced pneumonitis", "non-CRT induced pneumonitis": "non" denies the kind or the
    // cause named after it; read without it, the finding named the very cases the text leaves out.
    if (NON_PREFIX_LEAD.test(text.slice(Math.max(sStart, qualStart - 30), g.start))) g.restricted = true;
    if (CONTROLLED_LEAD.test(text.slice(Math.max(sStart, g.start - 50), g.start))) g.restricted = true;
    if (TREATMENT_OF_TAIL.test(text.slice(g.end))) g.restricted = true;
    if (LIMB_LEAD.test(text.slice(Math.max(sStart, qualStart - 30), qualStart))) g.restricted = true;
    if (BECAUSE.test(text.slice(sStart, qualStart))) g.restricted = true;
    if (UNCERTAIN_LEAD.test(text.slice(Math.max(sStart, qualStart - 20), qualStart)) || UNCERTAIN_TAIL.test(text.slice(g.end, g.end + 60)))
      g.restricted = true;
    const leadText = text.slice(Math.max(sStart, qualStart - 80), qualStart);
    const gradeLead = GRADE_LEAD.exec(leadText);
    // "≤ Grade 2 neuropathy" is a ceiling (a permission), "NYHA Grade 3" a heart-failure class.
    if (GRADE_CEILING_LEAD.test(leadText)) g.restricted = true;
    else if (gradeLead && !NOT_CTCAE.test(leadText.slice(0, gradeLead.index + gradeLead[0].indexOf(gradeLead[1]!)))) {
      const to = qualStart - (gradeLead[0].length - gradeLead[0].indexOf(gradeLead[1]!) - gradeLead[1]!.length);
      const from = to - gradeLead[1]!.trimEnd().length;
      g.grade = { text: text.slice(from, to).trim(), span: [from, to] };
    }
    // "active or latent tuberculosis": both forms, the "active" belonging to the first.
    if (/\bactive\s+(?:or|and\/or|and|\/)\s*$/i.test(qual) && g.names.includes('latent_tuberculosis')) {
      g.names = ['tuberculosis', ...g.names];
      g.active = false;
    }
    // "atrial or ventricular arrhythmias": both kinds.
    if (/\batrial\s+(?:and\/or|or|and)\s*$/i.test(qual) && g.names.includes('ventricular_arrhythmia'))
      g.names = g.names.map((n) => (n === 'ventricular_arrhythmia' ? 'arrhythmia' : n));
    if (INFECTION_TYPES.test(qual) && g.names.some((id) => /infection$/.test(id))) g.names = ['infection'];
    g.spans.push([qualStart, g.end]);
    let pos = g.end;
    // "(HBV)", "infection", "virus" right after the last name.
    const suffix =
      /^\s*(?:\(\s*[A-Za-z0-9-]{2,8}\s*\)\s*)?(?:infections?|virus(?:es)?|disease|seropositivity|carrier|status|serology)?\b/i.exec(
        text.slice(pos),
      );
    if (suffix && suffix[0].trim()) {
      g.spans.push([pos, pos + suffix[0].length]);
      pos += suffix[0].length;
    }
    // Test results: "HIV positive", "HBsAg negative", "positive for HIV", "seronegative for…".
    const after =
      /^[\s)-]*(?:antibod(?:y|ies)\s+)?(?:test(?:ing)?\s+)?(?:is\s+|are\s+|must\s+be\s+|result\s+)?(?:sero)?(positive|positivity|negative|reactive|non-?reactive|detectable|undetectable|detected|not\s+detected|\+)(?:\s+(?:status|serology|result))?/i.exec(
        text.slice(pos),
      );
    const before =
      /(?:\b(?:sero)?(positive|negative|reactive|non-?reactive)\s+(?:(?:blood|serum|serologic(?:al)?|screening|viral)\s+)?(?:tests?\s+)?(?:results?\s+)?(?:for|to)\s+(?:the\s+)?|\b(seropositive|seronegative|positive|negative)\s+)$/i.exec(
        text.slice(Math.max(sStart, qualStart - 40), qualStart),
      );
    const word = (after?.[1] ?? before?.[1] ?? before?.[2] ?? '').toLowerCase();
    if (word) {
      const positive = /^(?:positive|positivity|seropositive|reactive|detectable|detected|\+)$/.test(word);
      if (after) {
        g.spans.push([pos, pos + after[0].length]);
        pos += after[0].length;
      } else if (before) g.spans.push([qualStart - before[0].length, qualStart]);
      // "negative for" is also a negation trigger, which the assembler would apply again.
      g.value = positive;
      if (/^(?:detectable|detected)$/.test(word)) g.active = true;
      // A viral load test ("HCV RNA negative", "HBV DNA undetectable") measures a replicating
      // infection: negative there rules out only the active one, not a cured or past infection.
      // Not when an antibody or antigen is named with it ("HBsAg/HBV DNA or HCV antibody or RNA").
      const tested = text.slice(qualStart, pos);
      if (/\b(?:RNA|DNA|viral\s+loads?|PCR|viraemia|viremia)\b/i.test(tested) && !/\b(?:antibod\w*|antigens?|Ab|HBsAg|HBcAb|anti-\w+|sero\w*)\b/i.test(tested))
        g.active = true;
    } else if (g.category === 'infection' && negativeSerologyLead(input)) {
      // An item under "Patients must be seronegative for the following:" names the infection and its
      // test; the lead-in gives the result (history-serology-lead.ts).
      const tail = serologyTail(text, pos);
      if (tail) {
        g.value = false;
        if (tail.current) g.active = true;
        if (tail.end > pos) {
          g.spans.push([pos, tail.end]);
          serologyTests.push([pos, tail.end]);
        }
        pos = tail.end;
      }
    }
    const activeTail = ACTIVE_TAIL.exec(text.slice(pos));
    if (activeTail) {
      g.active = true;
      g.spans.push([pos, pos + activeTail[0].length]);
      pos += activeTail[0].length;
    }
    const symptoms = SYMPTOMS_TAIL.exec(text.slice(pos));
    if (symptoms) {
      g.active = true;
      const end = pos + symptoms[0].length - (symptoms[1]?.length ?? 0);
      g.spans.push([pos, end]);
      if (symptoms[1]) {
        const at = end + /^\s*/.exec(symptoms[1])![0].length;
        g.narrow = { text: text.slice(at, pos + symptoms[0].length), span: [at, pos + symptoms[0].length] };
      }
      pos += symptoms[0].length;
    }
    // "(current or history thereof)" between the condition and what it required: both, as said.
    const either = EITHER_GLOSS.exec(text.slice(pos));
    if (either) {
      g.spans.push([pos, pos + either[0].length]);
      pos += either[0].length;
    }
    // "Active autoimmune disease not caused by prior anticancer treatment that required …": a cause
    // set aside, which narrows the exclusion; the requirement after it is still read.
    const cause = NOT_CAUSED_BY.exec(text.slice(pos));
    if (cause && REQUIRING.test(text.slice(pos + cause[0].length))) {
      const lead = /^[\s,]*/.exec(cause[0])![0].length;
      const span: Span = [pos + lead, pos + cause[0].trimEnd().length];
      g.notCausedBy = { text: text.slice(span[0], span[1]).replace(/^\(\s*|\s*\)$/g, ''), span };
      g.shadow = span;
      pos += cause[0].length;
    }
    const req = REQUIRING.exec(text.slice(pos));
    let pastRequirement: Span | null = null;
    if (req) {
      // "that required steroids", "History of pneumonitis requiring steroids", "Active or prior
      // autoimmune disorders requiring chronic treatment" describe a past episode too, which only a
      // time window makes current.
      // A grade before the qualifiers ("Prior Grade 3 or greater colitis") keeps "prior" before it.
      const pastQual =
        g.grade && g.grade.span[1] <= qualStart ? text.slice(Math.max(sStart, g.grade.span[0] - 40), g.grade.span[0]) + qual : qual;
      // "History of ventricular arrhythmia currently requiring medical treatment": the need is now.
      const past =
        !/^\W*(?:(?:that|which)\s+)?(?:(?:is|are|has|have)\s+)?(?:currently|still)\b/i.test(req[0]) &&
        (/\brequired\b/i.test(req[0]) ||
        (/\b(?:history|prior|previous|previously|past)\b/i.test(pastQual) && (!ACTIVE_WORDS.test(pastQual) || PAST_OR_PRESENT.test(pastQual))));
      g.active = true;
      g.tailActive = true;
      g.spans.push([pos, pos + req[0].length]);
      if (past) pastRequirement = [pos, pos + req[0].length];
      pos += req[0].length;
      // "requiring systemic treatment (e.g., with corticosteroids or immunosuppressive drugs)": examples
      // of the treatment required, accounted for by it.
      const eg = TREATMENT_EXAMPLES.exec(text.slice(pos));
      if (eg) {
        g.spans.push(...vocabSpans(input, pos, pos + eg[0].length, REPLACEMENT_VOCAB));
        if (pastRequirement) pastRequirement[1] = pos + eg[0].length;
        pos += eg[0].length;
      }
    }
    // "requiring systemic treatment with immunosuppressive doses of corticosteroids (> 10 mg …),
    // immunosuppressive biologic agents, or DMARDs": what the treatment must be narrows the need the
    // requirement reads, so it stands beside the condition as an unread leaf, which stays necessary.
    const treatmentKind = req && !g.need ? REQUIRED_TREATMENT_KIND.exec(text.slice(pos)) : null;
    if (treatmentKind) {
      const lead = /^\s*/.exec(treatmentKind[0])![0].length;
      const span: Span = [pos + lead, pos + treatmentKind[0].length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
      pos = span[1];
    }
    // "autoimmune disorders or conditions of immunosuppression that require current ongoing treatment
    // with systemic corticosteroids": a need after the next member of the list, one no lexicon name
    // reads, may be the whole list's, so it stands beside this condition too (all(condition, need)):
    // read alone, the condition would exclude patients the need spares.
    const sharedLead = req || g.need ? null : SHARED_NEED_LEAD.exec(text.slice(pos));
    const sharedNeed =
      sharedLead && !mentions.some((m) => m.start >= pos && m.start < pos + sharedLead[0].length)
        ? OTHER_NEED.exec(text.slice(pos + sharedLead[0].length))
        : null;
    if (sharedLead && sharedNeed) {
      const from = pos + sharedLead[0].length;
      const lead = /^[\s),]*/.exec(sharedNeed[0])![0].length;
      const span: Span = [from + lead, from + sharedNeed[0].length];
      g.narrow ??= { text: text.slice(span[0], span[1]).trim(), span };
      g.shadow ??= span;
    }
    const otherNeed = req || (sharedLead && sharedNeed) ? null : OTHER_NEED.exec(text.slice(pos));
    if (otherNeed) {
      const lead = /^[\s),]*/.exec(otherNeed[0])![0].length;
      const needSpan: Span = [pos + lead, pos + otherNeed[0].length];
      // "requiring systemic ABX, coagulation disorders, or …": the need ends where the list goes on.
      const next = mentions.find(
        (m) => m.start > needSpan[0] && m.start < needSpan[1] && /(?:,|\bor|\band)\s*$/i.test(text.slice(needSpan[0], m.start)),
      );
      if (next) needSpan[1] = needSpan[0] + text.slice(needSpan[0], next.start).replace(/\s*(?:,\s*)?(?:\b(?:or|and)\s*)?$/i, '').length;
      g.need = { text: text.slice(needSpan[0], needSpan[1]).trim(), span: needSpan };
      // Conditions inside the need ("… or Cell-free and Concentrated Ascites Reinfusion Therapy") are its words.
      g.shadow = needSpan;
      pos = needSpan[1];
    }
    // "Stroke (ischaemic or haemorrhagic) within the last three months": the window after a gloss.
    const gloss = /^\s*\([^()]{1,60}\)/.exec(text.slice(pos));
    const direct = readWindow(input, pos);
    const win = direct ?? (gloss ? readWindow(input, pos + gloss[0].length) : null);
    if (win && !direct && gloss) g.gloss = [pos, pos + gloss[0].length];
    if (req && !/hospitali/i.test(req[0]) && (win || !pastRequirement)) g.readsTreatment = true;
    if (!win && !g.restricted && !word) {
      const lead = text.slice(sStart, qualStart);
      const marker = EXAMPLE_MARKER.exec(lead);
      const rest = marker ? lead.slice(marker.index + marker[0].length).replace(/^\./, '') : '';
      const eg = marker && !/[.;]/.test(lead.slice(0, marker.index) + rest) ? marker : null;
      const headText = eg ? lead.slice(0, eg.index) : '';
      const head = eg && !mentions.some((m) => m.start >= sStart && m.start < sStart + eg.index) ? HEAD_WINDOW.exec(headText) : null;
      const value = head ? toNumber(head[1] ?? head[3] ?? '') : null;
      const years = head && value !== null ? toYears(value, head[2] ?? head[4] ?? '') : null;
      if (years !== null) g.withinYears = years;
    }
    if (symptomsOf && !win) {
      g.active = true;
      const to = g.start - symptomsOf[0].length + symptomsOf[1]!.length;
      g.spans.push([to - symptomsOf[1]!.length, to]);
    }
    if (win) {
      // After a test result the window dates the test ("negative HIV test within 4 weeks").
      if (!word) g.withinYears = win.years;
      g.spans.push([pos, win.end]);
      g.window = [direct ? pos : pos + gloss![0].length, win.end];
      pos = win.end;
    } else if (pastRequirement) {
      // Had the condition (necessary), needed the treatment then (left to a coordinator).
      g.active = false;
      const lead = /^[\s),]*/.exec(text.slice(pastRequirement[0], pastRequirement[1]))![0].length;
      const needSpan: Span = [pastRequirement[0] + lead, pastRequirement[1]];
      g.need = { text: text.slice(needSpan[0], needSpan[1]).trim(), span: needSpan };
      const treatment = supportiveTreatmentIn(input, needSpan);
      if (treatment) g.neededTreatment = treatment;
    }
    // What follows may narrow the condition beyond what the facts hold: "… with a history of
    // Kaposi sarcoma", "… consistent with Child-Pugh class B", "… on antiretrovirals that are
    // strong CYP3A4 inhibitors". Detectable viral load is the active form; a rationale is no limit.
    if (GRADE_CEILING_TAIL.test(text.slice(pos))) g.restricted = true;
    // "Active or prior autoimmune disorders (with exceptions)": exceptions named elsewhere (the
    // protocol) spare some patients with the condition, so it is no longer sufficient to exclude.
    // The words stay an unparsed leaf beside the condition: all(condition, unknown).
    const unstated = g.narrow ? null : (UNSTATED_EXCEPTIONS_TAIL.exec(text.slice(pos, sentenceEnd(text, pos))) ?? EXCEPTIONS_ELSEWHERE_GLOSS.exec(text.slice(pos)));
    if (unstated) {
      const span: Span = [pos + unstated.index + unstated[0].length - unstated[1]!.length, pos + unstated.index + unstated[0].length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
    }
    // "liver disease consistent with Child-Pugh Class B or C", "Child-Pugh C hepatic impairment".
    if (g.names.every((n) => LIVER.has(n)) && !g.grade) {
      const cpTail = CHILD_PUGH_TAIL.exec(text.slice(pos));
      // The lead may take the qualifier words ("child-pugh class b or more severe cirrhosis").
      const cpLead = cpTail ? null : CHILD_PUGH_LEAD.exec(text.slice(Math.max(sStart, g.start - 80), g.start));
      if (cpTail) {
        const at = pos + cpTail[0].indexOf(cpTail[1]!);
        g.grade = { text: cpTail[1]!, span: [at, at + cpTail[1]!.length] };
        g.spans.push([pos, pos + cpTail[0].length]);
        pos += cpTail[0].length;
      } else if (cpLead) {
        const at = g.start - cpLead[0].length;
        g.grade = { text: cpLead[1]!, span: [at, at + cpLead[1]!.length] };
        g.spans.push([at, g.start]);
        g.qualStart = Math.min(g.qualStart, at);
      }
    }
    const gradeTail = g.grade || g.restricted ? null : GRADE_TAIL.exec(text.slice(pos));
    if (gradeTail) {
      const words = gradeTail[0].replace(/^[\s,(]*(?:(?:of|with|at)\s+)?/i, '').replace(/[\s)]*$/, '');
      g.grade = { text: words, span: [pos, pos + gradeTail[0].length] };
      pos += gradeTail[0].length;
    }
    const fullTail = text.slice(pos, sentenceEnd(text, pos));
    // A parenthetical note on one member ("(if HCV antibody positive, must be tested for HCV RNA …)")
    // is read with the note below, not as a narrowing of the list.
    const tailNote = g.names.length > 1 ? ACTIVE_NOTE.exec(fullTail) : null;
    const tail =
      tailNote && /^[^.;(]{0,40}\(/.test(tailNote[0]) ? fullTail.slice(tailNote.index + tailNote[0].length) : fullTail;
    const detectable =
      /^\s*(?:with|and)\s+(?:a\s+)?(?:detectable|positive|uncontrolled|high)\s+(?:(?:HIV|HBV|HCV|hepatitis\s+[BC])\s+)?(?:viral\s+load|RNA|DNA|viremia)\b/i.exec(
        tail,
      );
    // Only for a group of viral infections: the viral load is theirs, not that of a listed
    // tuberculosis or other condition before them.
    const viral = g.names.every((n) => CHRONIC_VIRAL.has(n));
    const aboveDetection = detectable || !viral ? null : VIRAL_ABOVE_DETECTION.exec(tail);
    const aboveNumber = detectable || aboveDetection || !viral ? null : VIRAL_ABOVE_NUMBER.exec(tail);
    if (detectable || aboveDetection) {
      const m = (detectable ?? aboveDetection)!;
      g.active = true;
      g.spans.push([pos, pos + m[0].length]);
      // "Active HCV with detectable HCV RNA": the second name is the test, not another finding.
      g.shadow = [pos, pos + m[0].length];
    } else if (aboveNumber) {
      // "HBsAg positive with HBV DNA higher than 1000 copies/ml or 200 IU/ml": a replicating
      // infection (active), above a viral load no fact holds, which stays an unparsed leaf beside it.
      g.active = true;
      const lead = /^\s*(?:with|and)\s+(?:a\s+)?/i.exec(aboveNumber[0])![0].length;
      // A closing parenthesis of a gloss ("hepatitis B (HBsAg positive with HBV DNA > 200 IU/ml)") is not the limit's.
      const limit = aboveNumber[0].replace(/\s*\)\s*$/, (m) => (aboveNumber[0].includes('(') ? m : ''));
      const span: Span = [pos + lead, pos + limit.trimEnd().length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = [pos, span[1]];
    } else if (nyhaMatches.length && g.names.includes('congestive_heart_failure') && NYHA_SCALE_TAIL.test(tail)) {
      // "Class III or IV heart failure as defined by the New York Heart Association functional
      // classification system": the tail names the scale of the class read in step 3, no subgroup.
      const m = NYHA_SCALE_TAIL.exec(tail)!;
      g.spans.push([pos, pos + m[0].length]);
      pos += m[0].length;
    } else if (g.names.includes('congestive_heart_failure') && NYHA_CLASS_TAIL.test(tail)) {
      // "Congestive heart failure with NYHA class III or IV": the class, read in step 3, is the
      // subgroup; only the joining word is covered here.
      g.spans.push([pos, pos + NYHA_CLASS_TAIL.exec(tail)![1]!.length]);
    } else if (g.names.includes('hypertension') && BP_DEFINITION.test(tail)) {
      // "Uncontrolled hypertension defined as systolic blood pressure ≥ 160 mmHg …": no fact holds
      // a blood pressure, so the definition stays an unparsed leaf beside the hypertension it defines.
      const m = BP_DEFINITION.exec(tail)!;
      const at = pos + (fullTail.length - tail.length);
      const lead = /^[\s,(]*/.exec(m[0])![0].length;
      const span: Span = [at + lead, at + m[0].trimEnd().length];
      // The labs reader reads the limits themselves ("systolic ≥ 160 mmHg", "> 150/90") where
      // hypertension is the only condition named; the definition is then its, not a qualifier here.
      const labsRead = BP_LIMIT.test(m[0]) && bloodPressureLimitsRead(input, span[0]);
      if (!labsRead) g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (CONTROLLED_TAIL.test(tail) || DEFINITION_TAIL.test(tail) || MEASURED_DEFINITION_TAIL.test(tail)) {
      g.restricted = true;
    } else if (transplantSubgroup(g, tail)) {
      // "Prior solid organ transplantation on immunosuppression", "kidney transplant recipients with
      // a functioning allograft": a subgroup of the recipients, so the transplant stays necessary
      // and the subgroup is left to a coordinator.
      const clause = transplantSubgroup(g, tail)!;
      const lead = /^[\s,)-]*/.exec(clause)![0].length;
      const span: Span = [pos + lead, pos + clause.trimEnd().length];
      // "… on immunosuppression", "… receiving immunosuppressive therapy": the subgroup is the
      // recipients taking immunosuppressants now, which the treatment history holds (a query of
      // supportive care is true or unknown, never false, so it cannot clear a recipient).
      if (CURRENT_IMMUNOSUPPRESSION.test(clause)) {
        g.neededTreatment = { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['immunosuppressant'], withinDays: 1 } };
        g.spans.push(span);
      } else g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (
      exclusion &&
      !RISK_OR_SYMPTOM_TAIL.test(tail) &&
      // The infection named by its test ("the HBV viral load must be undetectable on …") or inside a
      // requirement is no subject of an exclusion.
      !/\b(?:viral\s+load|DNA|RNA|antibod\w*|antigen|must|should|if)\b/i.test(text.slice(sStart, pos)) &&
      // Someone else's infection: "Donor must be negative for hepatitis, HTLV, and HIV …".
      !/\b(?:donors?|partners?|caregivers?|household|family\s+members?)\b/i.test(text.slice(sStart, sentenceEnd(text, pos))) &&
      viralSubgroup(g, tail)
    ) {
      // "HIV-positive patients on combination antiretroviral therapy", "HIV-infected patients with a
      // history of Kaposi sarcoma": a subgroup of the infected, so the infection stays necessary and
      // the subgroup is left to a coordinator; the exclusion is never wider than its text.
      const clause = viralSubgroup(g, tail)!;
      const lead = /^[\s,)-]*/.exec(clause)![0].length;
      const span: Span = [pos + lead, pos + clause.trimEnd().length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (
      exclusion &&
      WOULD_TAIL.test(tail) &&
      !g.names.includes('uncontrolled_intercurrent_illness') &&
      // Only the sole subject of its sentence: after a list ("medical condition, laboratory
      // abnormality, or psychiatric illness that would …") the clause is the whole list's. Its own
      // qualifiers may be joined ("Current or previous severe retinopathy who, …").
      !/,|\bor\b|\band\b|\//i.test(text.slice(sStart, g.qualStart)) &&
      !mentions.some((m) => m.start >= sStart && m.start < g.qualStart)
    ) {
      // "Active autoimmune disease that would preclude the administration of immunotherapy": the
      // condition is necessary, the judgement of its effect left to a coordinator.
      const clause = beforeNextItem(/^(?:\b(?:e\.\s?g|i\.\s?e|etc)\.|[^.;]|\.(?=\S))*/i.exec(tail)![0]);
      const lead = /^[\s,]*/.exec(clause)![0].length;
      const at = pos + (fullTail.length - tail.length);
      const span: Span = [at + lead, at + clause.trimEnd().length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (
      exclusion &&
      WITH_CLAUSE.test(tail) &&
      !RISK_OR_SYMPTOM_TAIL.test(tail) &&
      // Someone else's condition ("with recent contact of person(s) with confirmed Covid-19").
      !OTHERS.test(WITH_CLAUSE.exec(tail)![0]) &&
      // A clause cut short by a parenthesis or a colon ("hypertension with drug (systolic …) or …")
      // may run on over the conditions after it.
      // A bracket of examples after it ("… with diarrhea as a major symptom (eg, Crohn's disease, …)")
      // names kinds of the narrowed condition: the clause ends there too.
      /^\s*(?:[.;,)]|$|\(\s*(?:e\.?\s?g\b|for\s+example\b|such\s+as\b|including\b))/i.test(tail.slice(WITH_CLAUSE.exec(tail)![0].length)) &&
      // Inside a gloss on one member of a list ("tuberculosis, hepatitis B (HBsAg positive with HBV DNA …)").
      !unclosedParen(text.slice(g.qualStart, pos)) &&
      // Only the first subject of its sentence, as for an effect above: after a list or an example
      // marker the clause may be one member's, and the members' findings are joined by their connectives.
      !/,|\bor\b|\band\b|\/|\(/i.test(text.slice(sStart, g.qualStart)) &&
      !mentions.some((m) => m.start >= sStart && m.start < g.qualStart) &&
      !PERMIT.test(text.slice(sStart, sentenceEnd(text, pos))) &&
      !EXCEPTIONS_SENTENCE.test(text.slice(sStart, sentenceEnd(text, pos)))
    ) {
      // "Uncontrolled type 1 or 2 diabetes with high risk of hypoglycemia", "History of interstitial
      // lung disease as defined per protocol": the condition is necessary, what narrows it is left
      // to a coordinator. The clause ends at a comma, so a condition listed after it keeps its own reading.
      const clause = WITH_CLAUSE.exec(tail)![0];
      const at = pos + (fullTail.length - tail.length);
      const lead = /^[\s,]*/.exec(clause)![0].length;
      const span: Span = [at + lead, at + clause.trimEnd().length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (exclusion && RISK_FACTOR_TAIL.test(tail) && !RISK_LIST_GOES_ON.test(tail.slice(RISK_FACTOR_TAIL.exec(tail)![0].length))) {
      // "Retinal pathology … that is considered a risk factor for RVO": only the pathology that is
      // such a risk factor, held as an unparsed leaf beside it, so the exclusion stays no wider than
      // its text. The outcomes it names are not the patient's. Only when the sentence ends with them:
      // another requirement after them ("…, intraocular pressure > 21 mm Hg, or other …") would be
      // swallowed by the leaf.
      const at = pos + (fullTail.length - tail.length);
      const clause = /^[^.;]*/.exec(tail)![0];
      const lead = /^[\s,]*/.exec(clause)![0].length;
      const span: Span = [at + lead, at + clause.trimEnd().length];
      g.narrow = { text: text.slice(span[0], span[1]), span };
      g.shadow = span;
    } else if (
      exclusion &&
      g.names.length === 1 &&
      g.names[0] === 'uncontrolled_intercurrent_illness' &&
      LIMITS_COMPLIANCE.test(tail) &&
      !/,|\bor\b|\band\b|\//i.test(text.slice(sStart, g.start)) &&
      !mentions.some((m) => m.start >= sStart && m.start < g.qualStart)
    ) {
      // "Uncontrolled intercurrent illness that would limit compliance with study requirements": the
      // compliance question reads the clause (history-attest.ts), joined to the illness it qualifies.
    } else if (RESTRICTIVE_TAIL.test(tail) || RISK_OR_SYMPTOM_TAIL.test(tail)) {
      g.restricted = true;
      // Conditions inside that tail are someone else's ("contact with persons with confirmed COVID-19").
      // What a risk factor leads to is a list to the end of the sentence.
      const stop = RISK_OR_SYMPTOM_TAIL.test(tail) ? -1 : tail.search(/[,;]/);
      g.shadow = [pos, pos + (stop < 0 ? tail.length : stop)];
    } else {
      const narrow = NARROWING_TAIL.exec(tail) ?? PRIOR_TREATMENT_TAIL.exec(tail);
      if (narrow) {
        const at = pos + (fullTail.length - tail.length);
        const lead = /^[\s,)]*/.exec(narrow[0])![0].length;
        const span: Span = [at + lead, at + narrow[0].trimEnd().length];
        g.narrow = { text: text.slice(span[0], span[1]), span };
        g.shadow = span;
        // "… caused by prior anticancer treatment": the treatment was had, whatever the cause. Only
        // the cause's own clause names it ("… from prior treatment, that is not resolved …").
        const clause = /^[^,;(]*/.exec(text.slice(span[0], span[1]))![0].trimEnd();
        const cause = g.neededTreatment ? null : causedByTreatment(input, [span[0], span[0] + clause.length]);
        if (cause) g.neededTreatment = cause;
      }
    }
    // "… who have a history of ischemic heart disease … must have a cardiac stress test": a
    // requirement for those patients, not an exclusion of them.
    if (exclusion && /\b(?:must|should|are\s+required\s+to|is\s+required\s+to|need\s+to|will\s+need|(?:will|shall|are\s+to|is\s+to)\s+be\s+(?:evaluated|assessed|reviewed|referred|discussed|monitored|screened|tested))\b/i.test(tail))
      g.restricted = true;
    // KEYNOTE wording: "(i.e., with use of disease modifying agents, corticosteroids or
    // immunosuppressive drugs). Replacement therapy (e.g., thyroxine, insulin, or physiologic
    // corticosteroid replacement for adrenal or pituitary insufficiency) is not considered a form
    // of systemic treatment." Diseases managed by replacement alone do not count.
    if (req && !g.need) {
      const eg = TREATMENT_EXAMPLES.exec(text.slice(pos));
      if (eg) {
        g.spans.push(...vocabSpans(input, pos, pos + eg[0].length, REPLACEMENT_VOCAB));
        pos += eg[0].length;
      }
    }
    if (g.active && g.names.includes('autoimmune_disease')) {
      const rest = text.slice(pos);
      const ie = /^\s*\(\s*(?:i\.?\s*e\.?|e\.?\s*g\.?)[^()]*\)\s*\.?/i.exec(rest);
      if (ie) {
        g.spans.push(...vocabSpans(input, pos, pos + ie[0].length, REPLACEMENT_VOCAB));
        pos += ie[0].length;
      }
      const note =
        /\breplacement\s+therap(?:y|ies)\b[\s\S]{0,220}?\b(?:(?:is|are)\s+not\s+considered\s+(?:a\s+form\s+of\s+)?systemic(?:\s+(?:immune[\s-]?suppressive|immunosuppressive))?(?:\s+(?:treatments?|therap(?:y|ies)))?|(?:does|do)\s+not\s+count\s+as\s+systemic\s+(?:treatment|therapy)|(?:is|are)\s+(?:allowed|permitted|acceptable))\b(?:\s+and\s+(?:is|are)\s+(?:allowed|permitted))?\.?/i.exec(
          text.slice(pos),
        );
      if (note) {
        const at = pos + note.index;
        // Covered, not placed: the note may follow other conditions listed after this one.
        g.cover.push(...vocabSpans(input, at, at + note[0].length, REPLACEMENT_VOCAB));
        const n = note[0];
        const spared = [
          ...(/thyro|levothyrox/i.test(n) ? ['autoimmune_thyroid_disease', 'hypothyroidism'] : []),
          ...(/insulin/i.test(n) ? ['type_1_diabetes'] : []),
          ...(/adrenal/i.test(n) ? ['addison_disease'] : []),
          ...(/pituitary/i.test(n) ? ['hypophysitis'] : []),
        ];
        for (const id of spared) if (!g.except.includes(id)) g.except.push(id);
      }
    }
  }

  // The "active infection" a test indicates is that infection's, not another to rule out.
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (serologyTests.some(([a, b]) => g.start >= a && g.end <= b)) groups.splice(i, 1);
  }

  // 2-0. A gloss is read (covered) only for the active form, whose definition it states; after a
  //      plain history ("Known history of hepatitis B (defined as HBsAg reactive)") it stays unread.
  for (const x of glosses) {
    const g = groups.find((h) => h.mentions.includes(x.mention));
    if (g?.active && VIRAL_MARKER_POSITIVE.test(x.definition)) g.spans.push(x.span);
  }

  // 2a. A qualifier leading a comma list is shared by its members even across a word the lexicon
  //     does not name: "Serious, non-healing wound, ulcer, or bone fracture" (the bevacizumab label's
  //     wording) is a serious fracture too, not any fracture ever.
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i]!;
    const prev = groups[i - 1]!;
    if (g.active || !prev.active || g.qualStart !== g.start || g.category !== prev.category) continue;
    if (sentenceStart(text, g.start) > prev.start) continue;
    if (/^[\s,]*(?:[\w-]+\s*,\s*){1,2}(?:or|and|and\/or|nor)?\s*$/i.test(text.slice(prev.end, g.qualStart))) g.active = true;
  }

  // 2c. "allogeneic hematopoietic stem cell transplantation, adoptive cell immunotherapy or autologous
  //     hematopoietic stem cell transplantation within 24 months": a window closing a list may be every
  //     member's. Where words the groups do not join stand between two members of one kind (one
  //     lexicon group), the earlier member read without it would exclude patients the window spares:
  //     the window stands beside it as an unparsed leaf, and the condition stays necessary.
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    // A current condition ("Ongoing cardiac dysrhythmias … or treatment of … in past 3 months",
    // "Active or uncontrolled infections, or severe infection within 4 weeks") needs no window.
    if (g.withinYears !== undefined || g.window || g.restricted || g.value !== undefined || g.active) continue;
    // Examples in a parenthesis take their window from after it, through the head (step 4).
    if (unclosedParen(text.slice(sentenceStart(text, g.start), g.start))) continue;
    const kind = (n: string): string | undefined => input.lex.conditionById.get(n)?.group;
    const kinds = new Set(g.names.map(kind));
    if (kinds.size !== 1 || kinds.has('other') || kinds.has(undefined)) continue;
    const sEnd = sentenceEnd(text, g.start);
    const h = groups.slice(i + 1).find((k) => k.window && k.start < sEnd);
    if (!h || !h.window || !h.names.every((n) => kinds.has(kind(n)))) continue;
    const between = text.slice(g.end, h.qualStart);
    if (/[.;:()[\]]/.test(between) || !/,|\bor\b|\band\/or\b/i.test(between)) continue;
    // "solid organ transplant at any time, or … within the last 5 years": its own time, said.
    if (/\b(?:at\s+any\s+time|ever|regardless|irrespective)\b/i.test(between)) continue;
    if (groups.some((k) => k !== g && k !== h && k.start > g.end && k.start < h.start && k.window)) continue;
    // Only a window that closes the list: one followed by further members ("myocardial infarction
    // within 6 months, serious cardiac arrhythmia") is that member's own.
    if (!/^[\s.,;)]*$/.test(text.slice(h.window[1], sEnd))) continue;
    g.narrow ??= { text: text.slice(h.window[0], h.window[1]).replace(/^[\s),(]+/, '').trim(), span: h.window };
  }

  // 2b. "organ or stem cell transplant", "allogenic bone marrow or solid organ transplant".
  for (const g of groups) {
    if (!g.names.some((n) => input.lex.conditionById.get(n)?.group === 'transplant')) continue;
    const pre =
      /\b((?:allogeneic|allogenic|autologous)\s+)?(solid\s+organ|organ|bone\s+marrow|stem\s+cell|hematopoietic(?:\s+stem\s+cell)?|tissue)\s+(?:or|and|and\/or|\/)\s*$/i.exec(
        text.slice(Math.max(0, g.qualStart - 60), g.qualStart),
      );
    if (!pre) continue;
    const kind = /organ|tissue/i.test(pre[2]!)
      ? 'organ_transplant'
      : pre[1] && /allo/i.test(pre[1])
        ? 'allogeneic_stem_cell_transplant'
        : 'stem_cell_transplant';
    if (!g.names.includes(kind)) g.names.unshift(kind);
    g.spans.push([g.qualStart - pre[0].length, g.qualStart]);
  }

  // 3. NYHA classes: replace a heart-failure name by the classes, or stand alone.
  for (const m of nyhaMatches) {
    // "> class II New York Heart Association", "≥ Class II stage of heart failure": the comparator
    // stands before the word "class".
    const before = /(?:>=|≥|=>|>)\s*$/.exec(text.slice(Math.max(0, m.index - 4), m.index));
    const classes = nyhaClasses(`${before ? `${before[0].trim()} ` : ''}${m[1] ?? ''}`);
    if (!classes.length) continue;
    const span: Span = [m.index - (before ? before[0].length : 0), m.index + m[0].length];
    const ids = classes.map((n) => `heart_failure_nyha_${n}`);
    const hf = groups.find(
      (g) =>
        g.names.includes('congestive_heart_failure') &&
        Math.abs(g.start < span[0] ? span[0] - g.end : g.start - span[1]) < 40,
    );
    if (hf) {
      hf.names = [...hf.names.filter((n) => n !== 'congestive_heart_failure'), ...ids];
      hf.spans.push(span);
      // "(NYHA)" words between are covered by the span; keep the group extent for ordering.
      hf.start = Math.min(hf.start, span[0]);
      hf.end = Math.max(hf.end, span[1]);
    } else {
      groups.push({
        mentions: [],
        start: span[0],
        end: span[1],
        qualStart: span[0],
        names: ids,
        active: false,
        except: [],
        spans: [span],
        cover: [],
        category: 'medical_history',
      });
    }
  }
  // 3a. A Child-Pugh class standing alone ("Child-Pugh class C") grades a chronic liver disease;
  //     one an inclusion requires is the class asked as such (clinical-scales.ts).
  if (/pugh/i.test(text) && !readsChildPughClass(input))
    for (const m of grab(CHILD_PUGH, text)) {
      const span: Span = [m.index, m.index + m[0].length];
      if (groups.some((g) => g.grade && g.grade.span[0] <= span[0] && g.grade.span[1] >= span[1])) continue;
      if (groups.some((g) => g.start <= span[0] && g.end >= span[1])) continue;
      groups.push({
        mentions: [],
        start: span[0],
        end: span[1],
        qualStart: span[0],
        names: ['liver_disease'],
        active: false,
        except: [],
        spans: [span],
        cover: [],
        grade: { text: m[0], span },
        category: 'medical_history',
      });
    }
  groups.sort((a, b) => a.start - b.start);

  // 3b. "Uncontrolled intercurrent illness including, but not limited to, ongoing or active
  //     infection, symptomatic CHF, unstable angina, cardiac arrhythmia…": the list gives examples
  //     of the umbrella and shares its qualifier; the lead-in words are the umbrella's.
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (!g.names.some((n) => isGeneric(n) || UMBRELLAS.has(n))) continue;
    const lead =
      /^(\s*,?\s*(?:\(\s*)?(?:including|such\s+as|e\.?\s*g\.?|for\s+example|like))(?:(\s*,?\s*)(but\s+not\s+limited\s+to))?\s*[,:]?\s*/i.exec(
        text.slice(g.end),
      );
    if (!lead) continue;
    // The umbrella keeps "including" and the first example takes "but not limited to", so the
    // assembler sees a bare list separator between them, not the "and" of "but".
    g.spans.push([g.end, g.end + lead[1]!.length]);
    const firstExample = groups[i + 1];
    if (lead[3] && firstExample) {
      const butAt = g.end + lead[1]!.length + lead[2]!.length;
      firstExample.spans.push([butAt, g.end + lead[0].length]);
    }
    const sEnd = sentenceEnd(text, g.end);
    for (const h of groups.slice(i + 1)) {
      if (h.start > sEnd) break;
      if (g.active) h.active = true;
    }
  }

  // 4. Exceptions and examples attach to the group before them.
  const consumed = new Set<Group>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (consumed.has(g)) continue;
    for (let j = i + 1; j < groups.length; j++) {
      const h = groups[j]!;
      if (consumed.has(h)) continue;
      // Words of another group's need or narrowing clause are not a list member.
      if (groups.some((k) => k.shadow && h.start >= k.shadow[0] && h.start < k.shadow[1])) continue;
      const between = text.slice(g.end, h.qualStart);
      if (sentenceEnd(text, g.end) < h.start) break;
      // "…, etc. The following exceptions apply: Type I diabetes, …": "etc." ends no sentence, and
      // the colon made the exceptions examples of the umbrella.
      const exceptHere =
        exceptionAt(h.start) ||
        /\b(?:except(?:\s+for)?|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from|besides|aside\s+from)\b[^,;]*$/i.test(
          between,
        ) ||
        EXCEPTIONS_LEAD_BEFORE.test(between);
      const example =
        /(?:\(\s*|\b)(?:e\.?\s*g\.?|eg|i\.?\s*e\.?|that\s+is(?=\s*,)|such\s+as|including|includes|include|for\s+example|like)(?:(?<=\.)|\b)[^.;]*$/i.test(
          between,
        ) ||
        /^\s*\(\s*$/.test(between) ||
        /:\s*$/.test(between);
      // "HBV or HCV, unless the HBV DNA and/or HCV RNA is below the limit of detection": an exception
      // naming the same infections by their viral load excludes only the active ones.
      if (
        exceptHere &&
        h.names.every((n) => g.names.includes(n)) &&
        /\b(?:DNA|RNA|viral\s+load)\b[^.;]*\b(?:below|undetectable|negative|not\s+detected)\b/i.test(
          text.slice(g.end, sentenceEnd(text, h.end)),
        )
      ) {
        g.active = true;
        const sEndH = sentenceEnd(text, h.end);
        g.spans.push([h.qualStart, h.end], ...h.spans, ...vocabSpans(input, g.end, sEndH, CONTROL_VOCAB, false));
        consumed.add(h);
        for (const k of groups.slice(j + 1))
          if (k.start < sEndH && k.names.every((n) => g.names.includes(n))) consumed.add(k);
        continue;
      }
      if (exceptHere && g.names.some((n) => isAncestor(input, n, h.names) || isGeneric(n))) {
        g.except.push(...h.names.filter((n) => !g.except.includes(n)));
        g.spans.push([h.qualStart, h.end], ...exceptionWords(input, g.end, h.qualStart));
        consumed.add(h);
        // "(… hypothyroidism on hormone replacement …)": the replacement note belongs to the exception.
        const note = replacementNote(input, h.end);
        if (note.length) g.spans.push(...note);
        continue;
      }
      if (
        example &&
        !exceptHere &&
        g.category === h.category &&
        g.names.some((n) => isAncestor(input, n, h.names) || isGeneric(n))
      ) {
        // "(e.g., lupus, rheumatoid arthritis) requiring systemic treatment": what follows the
        // parenthesis qualifies the umbrella.
        const closes = /^\s*\(/.test(between) && /^\s*\)/.test(text.slice(h.end));
        // An example with its own window, need or narrowing ("myocardial infarction within prior 6
        // months", "hypothyroidism that only requires hormone replacement") is read on its own.
        const ownQualifiers =
          h.withinYears !== undefined || h.need !== undefined || h.narrow !== undefined || h.grade !== undefined || h.amount !== undefined;
        if (h.restricted) continue;
        // Kept apart, the members after it stay apart too, so the list keeps its order for joinLists.
        if (ownQualifiers && !closes) break;
        // Examples widen nothing a parent does not already name; other listed conditions join it.
        // "(e.g., rheumatoid arthritis, sarcoidosis) where there is pulmonary involvement": a list
        // narrowed after its parenthesis narrows its head too.
        const close = /^\s*\)/.exec(text.slice(h.end));
        if (
          close &&
          text.slice(g.end, h.qualStart).includes('(') &&
          LIST_NARROWED_BY_CASE.test(text.slice(h.end + close[0].length, sentenceEnd(text, h.end)))
        )
          g.restricted = true;
        for (const n of h.names)
          if (!g.names.includes(n) && !g.names.some((p) => isAncestor(input, p, [n]))) g.names.push(n);
        g.spans.push([h.qualStart, h.end], ...h.spans, ...exampleWords(input, g.end, h.qualStart));
        // "autoimmune disease (e.g., lupus, rheumatoid arthritis) requiring systemic treatment in the
        // past 2 years": what follows the examples' parenthesis qualifies the umbrella.
        if (closes) {
          if (h.tailActive) g.active = true;
          g.withinYears ??= h.withinYears;
          g.need ??= h.need;
          g.narrow ??= h.narrow;
          g.grade ??= h.grade;
          if (h.shadow) g.shadow ??= h.shadow;
        }
        consumed.add(h);
        continue;
      }
      break;
    }
  }

  // 4a. Conditions inside a gloss the window reached over name what the condition covers
  //     ("arterial thrombosis (i.e., stroke or transient ischemic attack) within 12 months").
  for (const g of groups) {
    if (!g.gloss || consumed.has(g)) continue;
    for (const h of groups) {
      if (h === g || consumed.has(h) || h.start < g.gloss[0] || h.end > g.gloss[1]) continue;
      for (const n of h.names) if (!g.names.includes(n) && !g.names.some((p) => isAncestor(input, p, [n]))) g.names.push(n);
      g.spans.push(...h.spans);
      consumed.add(h);
    }
  }

  // 4a''. A name in brackets after a condition that holds it already restates that condition
  //      ("hepatitis C virus ribonucleic acid (HCV antibody)"): a gloss, not a second condition
  //      the assembler would join to the first with "and".
  for (const h of groups) {
    if (consumed.has(h)) continue;
    const open = text.lastIndexOf('(', h.start);
    if (open < 0 || !/^\s*$/.test(text.slice(open + 1, h.start))) continue;
    const close = text.indexOf(')', h.end);
    if (close < 0 || /[(,;:.]/.test(text.slice(h.end, close))) continue;
    const g = groups.find(
      (x) => x !== h && !consumed.has(x) && x.end <= open && x.end >= open - 40 && /^[\s\w-]*$/.test(text.slice(x.end, open)),
    );
    if (!g || !h.names.every((n) => g.names.includes(n))) continue;
    g.spans.push(...h.spans, [open, close + 1]);
    consumed.add(h);
  }

  // 4a'. "positive for HBsAg or HCV antibody, indicating acute or chronic infection": the infection a
  //      test result indicates is the virus the test is for, a gloss on it, not another condition
  //      (read alone it would exclude every active infection).
  for (const g of groups) {
    if (consumed.has(g) || !g.names.every((n) => n === 'infection')) continue;
    const sStart = sentenceStart(text, g.start);
    const lead = TEST_INDICATES.exec(text.slice(sStart, g.start));
    if (!lead) continue;
    const leadStart = sStart + lead.index;
    const owner = groups
      .filter((h) => h !== g && !consumed.has(h) && h.start >= sStart && h.end <= leadStart && h.names.every((n) => CHRONIC_VIRAL.has(n)))
      .pop();
    if (!owner) continue;
    owner.cover.push([leadStart, g.end]);
    consumed.add(g);
  }

  // 4b. "The following are exceptions: vitiligo, alopecia, Graves' disease …", "… are permitted":
  //     members of an umbrella the exclusion spares.
  //     Every umbrella before the sentence spares them ("Active autoimmune disease or a history of
  //     autoimmune disease … Diabetes and psoriasis are excepted."); the sentence's words are covered
  //     without moving the umbrella's place, so the umbrellas stay alternatives.
  for (const h of groups) {
    if (consumed.has(h)) continue;
    let hs = sentenceStart(text, h.start);
    // "…, autoimmune neuropathy, etc. The following exceptions apply: Type I diabetes, …": "etc." ends
    // no sentence, so the exceptions start at their own lead.
    const s0 = hs;
    for (const m of text.slice(s0, h.start).matchAll(EXCEPTIONS_COLON_LEAD)) hs = s0 + m.index;
    const umbrellas = groups.filter((g) => g !== h && !consumed.has(g) && g.names.some(isGeneric) && g.category === h.category && g.end <= h.start && hs > g.start);
    if (!umbrellas.length) continue;
    const sentence = text.slice(hs, sentenceEnd(text, h.start));
    if (!EXCEPTIONS_SENTENCE.test(sentence)) continue;
    for (const g of umbrellas) for (const n of h.names) if (!g.except.includes(n) && !g.names.includes(n)) g.except.push(n);
    umbrellas[0]!.cover.push([h.qualStart, h.end], ...h.spans, ...vocabSpans(input, hs, hs + sentence.length, EXCEPTION_WORDS));
    consumed.add(h);
  }

  // 5. Permissions after a group narrow it to the active form: "HIV-positive patients on ART with
  //    undetectable viral load are eligible", "HCV antibody positive but RNA negative are eligible".
  for (const g of groups) {
    if (consumed.has(g) || !exclusion) continue;
    const ownNote = g.names.length > 1 ? ACTIVE_NOTE.exec(text.slice(g.end)) : null;
    const noteEnd = ownNote ? g.end + ownNote.index + ownNote[0].length : -1;
    for (const h of groups) {
      if (h === g || consumed.has(h) || h.start <= g.end) continue;
      // Inside a note on one member of the list: that member's own reading.
      if (h.start < noteEnd) continue;
      const sStart = sentenceStart(text, h.start);
      const sEnd = sentenceEnd(text, h.start);
      const sentence = text.slice(sStart, sEnd);
      if (!PERMIT.test(sentence) || !CONTROLLED.test(sentence)) continue;
      const same = h.names.some((n) => g.names.includes(n) || isAncestor(input, n, g.names));
      const narrower =
        !same &&
        (g.names.some((p) => isAncestor(input, p, h.names)) || (g.names.some(isGeneric) && h.category === g.category));
      if (!same && !narrower) continue;
      if (same) {
        g.active = true;
      } else {
        // "Subjects with vitiligo, type 1 diabetes … are permitted": members the exclusion spares.
        for (const n of h.names) if (!g.except.includes(n)) g.except.push(n);
      }
      g.spans.push(
        ...[
          [h.qualStart, h.end] as Span,
          ...h.spans,
          ...vocabSpans(input, Math.max(sStart, g.end), sEnd, PERMISSION_VOCAB),
        ].flatMap((sp) => subtract(sp, g.spans)),
      );
      consumed.add(h);
    }
  }

  // 5b. Conditions given as examples of something the lexicon does not name ("No new organ crisis
  //     (e.g., hepatic failure risk …)", "severe illness (e.g. significant cardiac, hepatic
  //     diseases)") stand for more than themselves. In an exclusion each example still excludes
  //     (the unnamed head stays unread beside them) and shares the head's qualifier ("Severe medical
  //     conditions, such as asthma …" → active asthma), unless the list is narrowed after it ("(e.g.
  //     rheumatoid arthritis, sarcoidosis) where there is pulmonary involvement") or its head makes
  //     the examples something other than the patient's conditions (causes, what a treatment is
  //     for, its adverse events). Elsewhere they are left unread.
  for (const g of groups) {
    if (consumed.has(g)) continue;
    const sStart = sentenceStart(text, g.start);
    const before = text.slice(sStart, g.qualStart);
    const eg = /(?:\(\s*|\b)(?:e\.?\s*g\.?|eg|such\s+as|for\s+example)\s*[,:]?\s*(?:[^()]*?)$/i.exec(before);
    if (!eg) continue;
    // The head the examples illustrate ends before "such as", not among the examples themselves.
    const egStart = eg.index + sStart;
    const head = groups.find((h) => h !== g && h.end <= egStart && h.end >= egStart - 60);
    if (!head) {
      const headText = text.slice(sStart, egStart);
      // What follows the list: after its parenthesis, or after its last member when it runs on.
      const sEndG = sentenceEnd(text, g.start);
      const close = eg[0].startsWith('(') ? text.indexOf(')', g.end) : -1;
      const lastEnd = Math.max(...groups.filter((h) => h.start >= egStart && h.start < sEndG).map((h) => h.end));
      const after = close >= 0 ? text.slice(close + 1, sentenceEnd(text, close + 1)) : text.slice(lastEnd, sEndG);
      // A list running on to the sentence's end may be narrowed after any of its members ("asthma,
      // vitiligo, psoriasis, or atopic dermatitis that are well controlled").
      const narrowed = close >= 0 ? EXAMPLE_LIST_NARROWED.test(after) : EXAMPLE_RUN_ON_NARROWED.test(after);
      // Examples of two categories stay separate findings, which the assembler may join with an
      // "and" of the sentence: read only when they are one list, or a parenthesis ending it.
      const listEnd = close >= 0 ? close : sEndG;
      const members = groups.filter((h) => h.start >= egStart && h.start < listEnd);
      const oneList = members.every((h) => h.category === g.category) || (close >= 0 && /^\s*[.;]?\s*$/.test(after));
      if (exclusion && oneList && !EXAMPLE_HEAD_NOT_PATIENTS.test(headText) && !narrowed) {
        if (ACTIVE_WORDS.test(headText) && !PAST_OR_PRESENT.test(headText)) g.active = true;
      } else g.restricted = true;
    }
    // An example of a narrowed head ("GI disease that may alter absorption (e.g., diarrhea …)") is
    // excluded only as far as it is narrowed too.
    const egAt = sentenceStart(text, g.start) + eg.index;
    if (groups.some((h) => h !== g && h.restricted && h.end <= egAt && h.end >= egAt - 60)) g.restricted = true;
  }

  // 5c. A sentence after the exclusion allowing the controlled form without naming the condition
  //     again ("History of psychotic or depressive disorder. Patients whose disorder is well
  //     controlled on a stable … medication for at least 12 months will be eligible."): only the
  //     uncontrolled (active) form is excluded, the terms of control left unread. A sentence leaving
  //     some patients out ("This will not include patients who suffered from asthma as a child and
  //     outgrew it") names whom the exclusion spares, not whom it excludes.
  if (exclusion) {
    for (const g of groups) {
      if (consumed.has(g)) continue;
      const sEnd = sentenceEnd(text, g.start);
      if (SPARES.test(text.slice(sentenceStart(text, g.start), sEnd))) {
        g.restricted = true;
        continue;
      }
      const nextStart = sEnd + 1;
      if (nextStart >= text.length) continue;
      const nextEnd = sentenceEnd(text, nextStart + 1);
      const next = text.slice(nextStart, nextEnd);
      if (groups.some((h) => h.start >= nextStart && h.start < nextEnd)) continue;
      if (!PERMIT.test(next) || !CONTROLLED.test(next) || !BACK_REFERENCE.test(next) || /\b(?:not|never|in)\s*eligible\b/i.test(next)) continue;
      for (const h of groups) {
        if (consumed.has(h) || h.restricted || sentenceEnd(text, h.start) !== sEnd) continue;
        h.active = true;
        h.cover.push(...vocabSpans(input, nextStart, nextEnd, PERMISSION_VOCAB));
      }
    }
  }

  // 6. Findings.
  const shadows = groups.flatMap((g) => (g.shadow ? [g.shadow] : []));
  for (const g of groups) {
    if (consumed.has(g)) continue;
    if (exceptionAt(g.start)) continue;
    if (shadows.some(([a, b]) => g.start >= a && g.start < b)) continue;
    if (RISK_OF.test(text.slice(Math.max(sentenceStart(text, g.start), g.qualStart - 80), g.qualStart))) continue;
    const sStart = sentenceStart(text, g.start);
    const sEnd = sentenceEnd(text, g.start);
    // "Participants with HIV are eligible if on effective ART with undetectable viral load", "with a
    // history of HCV infection must have been treated and cured": a chronic viral infection is
    // allowed when controlled, so only the uncontrolled (active) form is excluded.
    const controlled = controlledInfection(input, g, sStart, sEnd);
    if (controlled) {
      out.push(controlled);
      continue;
    }
    if (g.restricted) continue;
    // "Grade 3 or 4 major organ irAEs following anti-PD-1 therapy, including but not limited to
    // myocarditis, pneumonitis, colitis": examples of the irAEs (history-irae.ts), not conditions
    // excluded whatever their cause.
    if (IRAE_EXAMPLES_LEAD.test(text.slice(sStart, g.start)) || PRIOR_AE_EXAMPLES_LEAD.test(text.slice(sStart, g.start))) continue;
    // "Serological testing for HIV at screening is not required": a test, no status.
    if (
      g.value === undefined &&
      /\b(?:testing|tested|tests?|screening|screened|serolog\w*)\s+(?:for|of)\s+(?:the\s+)?(?:presence\s+of\s+)?$/i.test(
        text.slice(Math.max(sStart, g.qualStart - 40), g.qualStart),
      )
    )
      continue;
    // "(if HCV antibody positive, must be tested for HCV RNA, which must be negative)": the antibody
    // alone is allowed, so only the active infection counts.
    const note = ACTIVE_NOTE.exec(text.slice(g.end));
    // A condition in a permission ("Patients with HIV on ART are eligible") excludes no one; the
    // note's own "to be eligible" is not one.
    // A parenthesis after the condition is a note on it ("(treated HCV permitted if RNA
    // undetectable)"), read by step 5, not a permission of the condition itself.
    // Nested notes ("(Note: inactive HBsAg carriers (HBV DNA < 500 IU/mL) can be enrolled)") are
    // removed from the inside out; text before the condition keeps its offsets, so the test holds.
    // A permission with its own subject after the exclusion ("Known active HBV or untreated HCV,
    // and, patients with previous history of hepatitis C who completed treatment … are not
    // excluded as long as …") allows those patients, not the ones named first.
    const ownSubject = OWN_SUBJECT_CLAUSE.exec(text.slice(g.end, sEnd));
    // Only when the condition's own clause names no patients of its own ("Active infection:
    // individuals with …, and those with … can be included" allows both).
    // A note letting some patients in after the condition ("Serious autoimmune disease Note: … these
    // patients may be included if their disease is well controlled …", "Colitis. NOTE: However,
    // patients … on physiologic hormone repletion … may be enrolled") spares patients who have it:
    // the condition stays necessary and the note stands beside it, so it no longer excludes alone.
    // The condition's own claim ends where the note begins.
    const permission = exclusion ? laterPermission(text, g.end, sStart) : null;
    const ownEnd = permission && permission.at < sEnd ? permission.at : sEnd;
    const claimEnd =
      ownSubject && g.end + ownSubject.index < ownEnd && !/[:]|\b(?:patients?|participants?|subjects?|individuals?|those|who)\b/i.test(text.slice(g.end, g.end + ownSubject.index))
        ? g.end + ownSubject.index
        : ownEnd;
    let claim = note && g.end + note.index + note[0].length <= claimEnd
      ? text.slice(sStart, g.end + note.index) + text.slice(g.end + note.index + note[0].length, claimEnd)
      : text.slice(sStart, claimEnd);
    const listEnd = claimEnd === sEnd ? semicolonListPermission(text, sEnd) : null;
    if (listEnd) claim += text.slice(sEnd, listEnd);
    for (let i = 0; i < 3 && /\([^()]*\)/.test(claim); i++) {
      const next = claim.replace(/\([^()]*\)/g, (m, at: number) => (sStart + at >= g.end ? ' ' : m));
      if (next === claim) break;
      claim = next;
    }
    if (
      PERMIT.test(claim) &&
      !/\b(?:not|never|in)eligible|\bnot\s+(?:be\s+)?(?:eligible|allowed|permitted)/i.test(claim)
    )
      continue;
    if (note) {
      const id = /hiv/i.test(note[1]!) ? 'hiv' : /hcv|hepatitis\s*c/i.test(note[1]!) ? 'hcv' : 'hbv';
      if (g.names.includes(id)) {
        if (g.names.length > 1) {
          // A parenthetical note is about one member, which the note itself states ("(if HCV
          // antibody positive … RNA negative)" → active HCV excluded): the others keep the list's
          // reading. "…, unless the HBV DNA and/or HCV RNA is below the limit of detection" is about
          // the whole list, read as `active` above; otherwise the list is left unread.
          if (/^[^.;(]{0,40}\(\s*(?:if|unless|except|however|but|note)/i.test(note[0]))
            g.names = g.names.filter((n) => n !== id);
          else if (!g.active) continue;
        } else {
          g.active = true;
          g.spans.push([g.end + note.index, g.end + note.index + note[0].length]);
        }
      }
    }
    const names = g.names;
    // Umbrella terms mean something current: "infection", "intercurrent illness".
    const current = (n: string): boolean => n === 'infection' || n === 'uncontrolled_intercurrent_illness';
    const generic = names.every(current);
    const paramsOf = (ns: string[], active: boolean): Record<string, unknown> => {
      const params: Record<string, unknown> = { names: ns };
      if (active) params.active = true;
      if (g.withinYears) params.withinYears = g.withinYears;
      if (g.except.length) params.except = g.except;
      return params;
    };
    // A test result in an inclusion is the requirement itself; a negative one in an exclusion is a
    // requirement restated ("… must be HIV negative").
    let value = g.value;
    if (value !== undefined && exclusion && value === false) value = true;
    const conditionLeaf = (params: Record<string, unknown>): Condition => ({ fact: 'condition', operator: 'equal', value: value ?? true, params });
    // An umbrella listed with named conditions ("other comorbidities, such as … electrolyte
    // imbalances", "infectious diseases such as hepatitis B …") is still something current, though
    // the named ones are not: it keeps `active` in a leaf of its own. Absences ("no …") all hold.
    const split = !g.active && !generic && names.some(current);
    const parts = split
      ? [conditionLeaf(paramsOf(names.filter(current), true)), conditionLeaf(paramsOf(names.filter((n) => !current(n)), false))]
      : [];
    const leaf: Condition = !split
      ? conditionLeaf(paramsOf(names, g.active || generic))
      : value === false
        ? { all: parts }
        : { any: parts };
    // Qualifiers no fact holds stand beside the condition, which stays necessary.
    const readAlready = permission && [...g.spans, ...g.cover].some(([a, b]) => a < permission.span[1] && b > permission.span[0]);
    // An infection read as active already leaves out the controlled form such a note lets in ("… on
    // ART with undetectable viral load are eligible"); a note naming only other conditions ("patients
    // positive for HCV antibody are eligible only if …" after HIV) spares no patient with this one.
    // So does one whose active form is read beside it ("Any positive test for HCV indicating active
    // viral replication" → all(active HCV, HCV)).
    const restatesActive =
      g.category === 'infection' &&
      (g.active || groups.some((h) => h.active && h.names.some((n) => g.names.includes(n)))) &&
      permission !== null &&
      (CONTROLLED.test(permission.text) || /\b(?:recover\w*|resolution)\b/i.test(permission.text));
    const named = permission ? mentions.filter((m) => m.start >= permission.span[0] && m.end <= permission.span[1]) : [];
    // Nor does a note on metastases ("Participants with previously treated brain metastases may
    // participate …"), which the brain-metastasis reader takes.
    const aboutOthers =
      (permission !== null && /\bmetasta/i.test(permission.text)) ||
      named.length > 0 &&
      !named.some((m) => g.names.includes(m.id) || isAncestor(input, m.id, g.names) || g.names.some((n) => isAncestor(input, n, [m.id])));
    const exemption = permission && !readAlready && !restatesActive && !aboutOthers ? { text: permission.text, span: permission.span } : undefined;
    // An exemption only for patients off some supportive care ("… may be included if their disease
    // is well controlled without the use of immunosuppressive agents") leaves everyone taking it now
    // excluded, whatever else the note says: any(taking it now, unread note).
    const offCare = exemption ? supportiveCareExempted(input, exemption.span) : null;
    const qualifiers = [g.notCausedBy, g.causeBefore, g.kindLead, g.amount, g.grade, g.need, g.narrow, exemption].filter((q): q is { text: string; span: Span } => q !== undefined);
    const unreadLeaf = (q: { text: string }): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text: q.text } });
    const finding: Finding = {
      category: g.category,
      condition: qualifiers.length || g.neededTreatment
        ? {
            all: [
              leaf,
              ...(g.neededTreatment ? [g.neededTreatment] : []),
              ...qualifiers.map((q): Condition => (q === exemption && offCare ? { any: [offCare, unreadLeaf(q)] } : unreadLeaf(q))),
            ],
          }
        : leaf,
      spans: mergeSpans(g.spans),
      anchor: g.start,
      ...(qualifiers.length || g.cover.length ? { cover: [...g.cover, ...qualifiers.map((q) => q.span)] } : {}),
      ...(value !== undefined ? { polarityHandled: true } : {}),
      ...(g.readsTreatment || g.neededTreatment || offCare ? { alsoReads: ['prior_therapy'] } : {}),
    };
    // An inclusion that would require having a disease reads a condition attached to something else
    // ("HIV-infected participants must have well controlled HIV on ART"); only absences are read,
    // and conditions the criterion states bare, as the population studied (see bareRequirement).
    if (value === undefined && !exclusion && !negatedAt(input, g.start) && !bareRequirement(input, g, finding)) continue;
    if (value === true && !exclusion) continue;
    // An exclusion of the patients without a condition misreads a requirement listed among
    // exclusions; "must not have X" there excludes X.
    if (value === undefined && exclusion && negatedAt(input, g.start)) {
      if (!modalNegationInExclusion(input, g.start)) continue;
      finding.polarityHandled = true;
    }
    out.push(finding);
  }
  return exclusion ? joinLists(out, input) : out;
};

/** Where a note or a new sentence may begin after a condition: "Note:", "N.B.", a full stop or semicolon. */
const NOTE_BREAK = /\bnote\s*:|\bN\.\s?B\.|[.;](?=\s+\S)/gi;
/**
 * The first note or sentence after `from` (in the criterion) that lets patients in ("… may be
 * included if …", "… are eligible"), not one that says who is not, with where it begins. Breaks
 * inside a parenthesis are the parenthesis's own notes, read elsewhere (ACTIVE_NOTE).
 */
const PERMITTED_PATIENTS = /\b(?:patients?|participants?|subjects?|individuals?|persons?|people|those|these|they|such\s+cases?)\b/i;
function laterPermission(text: string, from: number, sStart: number): { text: string; span: Span; at: number } | null {
  for (const m of text.slice(from).matchAll(NOTE_BREAK)) {
    const at = from + m.index!;
    if (unclosedParen(text.slice(Math.min(sStart, at), at))) continue;
    // A full stop ends a sentence only where sentenceEnd says so ("etc.", "e.g." do not).
    if (/^[.;]$/.test(m[0]) && sentenceEnd(text, at) !== at) continue;
    const lead = /^\s*(?:note\s*:\s*)?(?:however\s*,?\s*)?/i.exec(text.slice(at + m[0].length))![0].length;
    const start = at + m[0].length + lead;
    const end = sentenceEnd(text, start);
    const sentence = text.slice(start, end);
    // A permission in a parenthesis of the sentence is its own member's note, read elsewhere.
    const plain = sentence.replace(/\([^()]*\)/g, ' ');
    // A permission of patients ("these patients may be included", "Participants with … are eligible"),
    // not of a treatment ("Prophylactic use of antibiotics is allowed"), which the therapy readers take.
    if (!PERMITTED_PATIENTS.test(plain)) continue;
    if (!PERMIT.test(plain) || /\b(?:not|never|in)eligible|\bnot\s+(?:be\s+)?(?:eligible|allowed|permitted)/i.test(sentence)) continue;
    // The note's own lead-in ("NOTE: However,") is accounted for with it.
    return { text: sentence.trim(), span: [at + (/^[.;]$/.test(m[0]) ? 1 : 0), end], at };
  }
  return null;
}

/**
 * The supportive drug classes and drugs named inside a span ("steroids or other immunosuppressive
 * medications"), as a prior-therapy leaf, or null. Anticancer and generic treatment words ("systemic
 * therapy") name no such treatment: for a non-cancer condition they say nothing the treatment
 * history holds.
 */
function supportiveTreatmentIn(input: ExtractInput, [from, to]: Span): Condition | null {
  const { lex } = input;
  const classes = new Set<string>();
  const drugs = new Set<string>();
  for (const m of input.mentions) {
    if (m.start < from || m.end > to) continue;
    if (m.type === 'drugClass' && lex.classById.get(m.id)?.kind === 'supportive') classes.add(m.id);
    else if (m.type === 'drug' && (lex.drugById.get(m.id)?.classes ?? []).some((c) => lex.classById.get(c)?.kind === 'supportive')) drugs.add(m.id);
    else if (m.type === 'drugClass' || m.type === 'drug') return null;
  }
  if (!classes.size && !drugs.size) return null;
  return {
    fact: 'priorTherapy',
    operator: 'equal',
    value: true,
    params: { ...(drugs.size ? { drugs: [...drugs] } : {}), ...(classes.size ? { classes: [...classes] } : {}) },
  };
}

/**
 * "without the use of immunosuppressive agents", "pending they are not receiving systemic
 * immunosuppression at the time of treatment": the words of an exemption that let in only patients
 * off some supportive care, and only supportive care (supportiveTreatmentIn) named up to the end of
 * the phrase. Returns that care taken now (withinDays 1), or null.
 */
const OFF_SUPPORTIVE_CARE =
  /\b(?:without(?:\s+(?:the\s+)?(?:use|need)\s+(?:of|for))?|(?:are|is)\s+not\s+(?:currently\s+)?(?:receiving|taking|using|on)|not\s+(?:currently\s+)?(?:receiving|taking|using))\s+((?:any\s+|other\s+|systemic\s+)*[\w-]+(?:\s+(?:or|and\/or)\s+(?:other\s+)?(?:systemic\s+)?[\w-]+)?(?:\s+(?:agents?|drugs?|medications?|therap(?:y|ies)|treatments?))?)(?=\s*(?:$|[.;,)]|\s(?:at\s+the\s+time|as\s+previously|and\s+that)\b))/gi;
function supportiveCareExempted(input: ExtractInput, [from, to]: Span): Condition | null {
  for (const m of input.text.slice(from, to).matchAll(OFF_SUPPORTIVE_CARE)) {
    const start = from + m.index! + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    const care = supportiveTreatmentIn(input, [start, end]);
    // Every word beside the care is a plain one: "systemic", "agents", "or other".
    const mentioned = input.mentions.filter((x) => x.start >= start && x.end <= end);
    let rest = input.text.slice(start, end);
    for (const x of [...mentioned].sort((a, b) => b.start - a.start)) rest = rest.slice(0, x.start - start) + ' ' + rest.slice(x.end - start);
    if (!care || !/^(?:\s|\b(?:any|other|systemic|or|and\/or|agents?|drugs?|medications?|therap(?:y|ies)|treatments?)\b)*$/i.test(rest)) continue;
    return { ...care, params: { ...(care as { params: Record<string, unknown> }).params, withinDays: 1 } } as Condition;
  }
  return null;
}

/** Words that may open an inclusion stating a condition the patients have: "Patients with", "Diagnosis of", "subjects suffering from". */
const BARE_LEAD =
  /^\s*(?:(?:[a-z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+)?(?:(?:patients?|participants?|subjects?|individuals?|persons?)\s+(?:with|who\s+have|having|suffering\s+from|diagnosed\s+with)\s+|(?:(?:confirmed|documented|clinical)\s+)?(?:diagnosis|history)\s+(?:of|with)\s+|diagnosed\s+with\s+|suffering\s+from\s+)?(?:an?\s+)?$/i;
/** What may follow it: an abbreviation, who made the diagnosis (left unread), a list's "or". */
const BARE_TAIL = /^\s*(?:\(\s*[A-Za-z0-9-]{2,10}\s*\))?\s*(?:(?:diagnosed\s+)?by\s+an?\s+[\w-]+)?\s*[.;,]?\s*(?:or|and|and\/or)?\s*$/i;
/** A lead-in that makes its items conditions of something else: "Screening tests are not required unless:". */
const LEAD_IN_NOT_REQUIREMENT = /\b(?:not|no|without|non|unless|if|except|exceptions?|not\s+required|screening|tests?|testing|excluded|exclusion|allowed|permitted|eligible)\b/i;

/**
 * An inclusion that is only a condition, with the words naming the patients who have it ("Diagnosis
 * of pre-existing autoimmune disease", "Patients with Down's syndrome", or "Rheumatoid arthritis"
 * listed under "Diagnosis of pre-existing autoimmune disease"): the population the study enrols, so
 * having the condition is the requirement. A list item counts only under a lead-in naming the same
 * condition or a broader one, and never under one that makes the items exceptions or test triggers
 * ("Hepatitis B screening tests are not required unless: Known history of HBV infection").
 * Infections are left out: stated bare in an inclusion they are test results a lead-in qualifies.
 */
function bareRequirement(input: ExtractInput, g: Group, f: Finding): boolean {
  if (g.category === 'infection' || g.restricted) return false;
  const { text } = input;
  // "suffering from" is also a qualifier the group may have taken in ("subjects suffering from
  // FAMMM syndrome"): the lead then ends after it.
  const suffering = /^suffering\s+from\s+/i.exec(text.slice(g.qualStart));
  if (!BARE_LEAD.test(text.slice(0, g.qualStart + (suffering ? suffering[0].length : 0)))) return false;
  const end = Math.max(...f.spans.map((sp) => sp[1]), ...(f.cover ?? []).map((sp) => sp[1]));
  if (!BARE_TAIL.test(text.slice(end))) return false;
  if (!input.context.length) return true;
  const lead = input.context[input.context.length - 1]!;
  if (LEAD_IN_NOT_REQUIREMENT.test(lead)) return false;
  return input.contextMentions.some((m) => m.type === 'condition' && (g.names.includes(m.id) || isAncestor(input, m.id, g.names)));
}

/** ", and, patients with …": a clause naming its own patients after the condition. */
const OWN_SUBJECT_CLAUSE = /,\s*(?:and|but|while|whereas)\s*,?\s+(?=(?:patients?|participants?|subjects?|individuals?|those)\b)/i;
/** Infections a protocol defines by their serology in a gloss after the name. */
const VIRAL_GLOSSED = new Set(['hbv', 'hcv', 'hiv']);
/**
 * "(HBV; defined as hepatitis B surface antigen [HBsAg] reactive and/or detectable HBV DNA)", "(HCV)
 * (defined as anti-HCV Ab positive and detectable HCV RNA [qualitative])": a definition right after
 * the infection's name, its own acronym optionally first. Group 1 is the definition.
 */
const VIRAL_GLOSS =
  /^\s*(?:\(\s*(?:HBV|HCV|HIV)\s*\)\s*)?\(\s*(?:(?:HBV|HCV|HIV)\s*[;,]\s*)?(?:as\s+)?defined\s+(?:as|by)\s+((?:[^()[\]]|\[[^[\]]*\])+)\)/i;
/** The defining glosses after HBV, HCV or HIV mentions ("Hepatitis B (HBV; defined as …)"). */
function viralGlosses(text: string, mentions: Mention[]): { mention: Mention; span: Span; definition: string }[] {
  const out: { mention: Mention; span: Span; definition: string }[] = [];
  for (const m of mentions) {
    if (!VIRAL_GLOSSED.has(m.id) || out.some((x) => m.start < x.span[1])) continue;
    // The acronym may be the mention itself, inside the gloss's parenthesis: "Hepatitis B virus (HBV; defined as …)".
    const inside = /\(\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start)) ? VIRAL_GLOSS_INSIDE.exec(text.slice(m.end)) : null;
    const gloss = inside ?? VIRAL_GLOSS.exec(text.slice(m.end));
    if (!gloss) continue;
    const open = inside ? text.lastIndexOf('(', m.start) : m.end;
    out.push({ mention: m, span: [open, m.end + gloss[0].length], definition: gloss[1]! });
  }
  return out;
}
const VIRAL_GLOSS_INSIDE = /^\s*[;,]\s*(?:as\s+)?defined\s+(?:as|by)\s+((?:[^()[\]]|\[[^[\]]*\])+)\)/i;
/** A definition by a positive marker: the current (active) infection. */
const VIRAL_MARKER_POSITIVE = /\b(?:reactive|positive|positivity|detectable|detected|above\s+the\s+(?:lower\s+)?limit)\b/i;
/** Chronic viral infections that criteria allow once controlled. */
const CHRONIC_VIRAL = new Set(['hiv', 'hbv', 'hcv', 'viral_hepatitis', 'htlv']);
/**
 * The subgroup clause after a chronic viral infection in an exclusion ("… patients on combination
 * antiretroviral therapy", "… with a history of Kaposi sarcoma", "… defined as HBsAg reactive"), up
 * to the end of its sentence; null when the tail is no subgroup, or is a permission or a
 * requirement that other steps read.
 */
function viralSubgroup(g: Group, tail: string): string | null {
  if (!g.names.length || !g.names.every((n) => CHRONIC_VIRAL.has(n))) return null;
  // "(unless meeting protocol-specific criteria)": an exception only the team can judge, kept
  // in its words beside the infection.
  const meets = UNLESS_MEETS.exec(tail);
  if (meets) return meets[0];
  if (!VIRAL_SUBGROUP_TAIL.test(tail)) return null;
  // A list goes on after a comma ("patients on antiretrovirals, post transplantation patients"); a
  // rationale after it stays with the subgroup.
  const clause = /^(?:[^.;,]|,(?=\s*(?:because|due|since|as|which|who|and\s+who)\b))*/i.exec(tail)![0];
  if (!/\w/.test(clause)) return null;
  // CD4 counts, viral loads and stable therapy describe a controlled infection, which criteria allow.
  if (/\b(?:cd4|viral\s+load|undetectable|suppress\w*|stable|stably|controlled)\b/i.test(clause)) return null;
  // "… are eligible if …", "… must have …", "unless …": a permission, requirement or exception.
  if (/\b(?:eligible|allowed|permitted|acceptable|may|can|must|should|unless|except)\b/i.test(clause) && !/\b(?:in|not)\s*eligible\b/i.test(clause))
    return null;
  return clause;
}
/**
 * A transplant subgroup that is current immunosuppression and nothing else: "on immunosuppression",
 * "who are receiving immunosuppressive therapy", "currently taking immunosuppressants"; after a
 * transplant "anti-immunosuppressant" names the same anti-rejection drugs (as in TRANSPLANT_SUBGROUP_TAIL).
 */
const CURRENT_IMMUNOSUPPRESSION =
  /^\s*\)?\s*(?:(?:recipients?|patients?|participants?|subjects?)\s+)?(?:who\s+(?:are|is)\s+)?(?:currently\s+)?(?:on|receiving|taking)\s+(?:(?:current|ongoing|chronic|active|systemic|continued|maintenance)\s+)*(?:anti-?)?(?:immunosuppression|immunosuppressants?|immunosuppressive\s+(?:therapy|therapies|treatment|medications?|drugs|agents))\s*$/i;
/** Words opening a subgroup of transplant recipients: "on immunosuppression", "with a functioning allograft". */
const TRANSPLANT_SUBGROUP_TAIL =
  /^\s*\)?\s*(?:(?:recipients?|patients?|participants?|subjects?)\s+)?(?:(?:who\s+(?:are|is)\s+)?(?:currently\s+)?(?:on|receiving|taking|requiring)\s+(?:(?:current|ongoing|chronic|active|systemic|continued|maintenance)\s+)*(?:anti-?)?(?:immunosuppress\w*|immune[\s-]suppress\w*)|with\s+(?:a\s+)?(?:functioning|functional|working)\s+(?:allo)?grafts?)\b/i;

/**
 * The subgroup clause after transplants ("… on immunosuppression", "… recipients with a functioning
 * allograft who do not currently require dialysis"), up to the end of its sentence; null when the
 * group names anything else or the clause grants or defers.
 */
function transplantSubgroup(g: Group, tail: string): string | null {
  if (!g.names.length || !g.names.every((n) => n.endsWith('_transplant'))) return null;
  if (!TRANSPLANT_SUBGROUP_TAIL.test(tail)) return null;
  const clause = /^[^.;]*/.exec(tail)![0];
  if (/\b(?:eligible|allowed|permitted|acceptable|may|can|unless|except)\b/i.test(clause) && !/\b(?:in|not)\s*eligible\b/i.test(clause))
    return null;
  return clause;
}
const UNLESS_MEETS =
  /^\s*\(?\s*(?:unless|except\s+(?:if|when|those|for\s+those))\s+(?:they\s+|the\s+(?:patient|participant|subject)\s+)?(?:meet\w*|fulfil\w*|satisf\w*)\b[^.;()]*\)?/i;
/** Words opening a subgroup of the infected: "on …", "receiving …", "with a history of …", "defined as …". */
const VIRAL_SUBGROUP_TAIL =
  /^\s*\)?\s*(?:-?\s*(?:positive|infected)\s+)?(?:(?:patients?|participants?|subjects?|individuals?|persons?)\s+)?(?:on\s+(?!stable|(?:the\s+)?(?:viral\s+)?(?:screen|screening|serology)\b)|receiving|taking|treated\s+with|with\s+(?:a\s+)?(?:history|prior|previous)\b|with\s+(?:ongoing\s+|current\s+|concurrent\s+)?(?:combination\s+)?(?:anti-?retroviral|ART\b|HAART\b|cART\b)|(?:defined|as\s+defined)\s+(?:as|by)\b)/i;
/** "with HBV DNA higher than", "and HCV RNA ≥": a viral load above some level, after the infection. */
const VIRAL_LOAD_ABOVE = String.raw`^\s*(?:with|and)\s+(?:a\s+)?(?:(?:HIV|HBV|HCV|hepatitis\s+[BC])(?:\s*-\s*\d)?[\s-]*)?(?:viral\s+load|RNA|DNA|viremia)(?:\s+(?:levels?|titers?|titres?|counts?))?\s*(?:of\s+|is\s+)?(?:higher|greater|more|above|over|exceeding|>=|=>|>|≥)\s*(?:than\s*)?(?:or\s+equal\s+to\s*)?`;
/** Above the limit of detection or quantification: a detectable viral load, the active infection. */
const VIRAL_ABOVE_DETECTION = new RegExp(
  String.raw`${VIRAL_LOAD_ABOVE}(?:the\s+)?(?:lower\s+)?limits?\s+of\s+(?:detection|quantification|quantitation)|${VIRAL_LOAD_ABOVE}(?:LLOD|LLOQ|LOD)\b`,
  'i',
);
/** Above a number of IU or copies per mL, with its alternatives in other units. */
const VIRAL_ABOVE_NUMBER = new RegExp(
  String.raw`${VIRAL_LOAD_ABOVE}\d[\d,.]*\s*(?:IU|copies|cp|international\s+units)\s*\/?\s*(?:ml\b)?(?:\s*\(?\s*(?:or|and|\/)\s*(?:>=|>|≥)?\s*\d[\d,.]*\s*(?:IU|copies|cp|international\s+units)\s*\/?\s*(?:ml\b)?\s*\)?)*(?:\s*,?\s*(?:or|and\/or)\s+(?:above|over|greater|higher|more|exceeding|>=|>|≥)(?:[^.;()[]|\[[^\]]*\])*)?`,
  'i',
);
/** What a controlled chronic infection must show, after the condition. */
const CONTROL_REQUIREMENT =
  /\b(?:undetectable|suppressed|suppression|(?:viral\s+load|RNA|DNA)\b[^.;]{0,40}\b(?:below|undetectable|negative|not\s+detected|<)|no\s+(?:detectable|measurable)\s+(?:(?:HIV|HBV|HCV)\s+)?(?:viral\s+load|RNA|DNA|viremia)|cd4|antiretroviral|anti-retroviral|\bART\b|haart|antiviral|anti-viral|treated\s+and\s+cured|cured|well[\s-]controlled|stably\s+controlled|sustained\s+virologic|SVR)/i;
/** Words of a controlled-infection permission; thresholds, AIDS history and the like stay unread. */
const CONTROL_VOCAB = vocab(
  'patients participants subjects individuals persons with who are is eligible allowed permitted may participate enroll enrolled be included ' +
    'provided if they their have has had on effective stable antiretroviral anti retroviral therapy art haart cart combination treatment ' +
    'treated regimen antiviral anti viral suppressive undetectable viral load loads hiv hbv hcv rna dna pcr level levels below limit lower ' +
    'detection quantification and or the a an of for as controlled well stably suppressed suppression sustained virologic response svr cured ' +
    'cure must should need required to been known history prior previous infection infected hepatitis b c virus surface antigen hbsag ' +
    'antibody positive seropositive negative test tested currently confirmed during screening planned first study intervention ' +
    'weeks week months days prior to before note no detectable measurable',
);
/** The sentence allows the condition or makes controlled status a requirement. */
const ALLOWS_OR_REQUIRES =
  /\b(?:(?:are|is|be|will\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|acceptable)|eligible\s+(?:if|provided|only|unless)|may\s+(?:participate|enroll|be\s+(?:eligible|enrolled|included|considered))|can\s+(?:participate|be\s+(?:enrolled|included))|(?:are|is)\s+not\s+excluded|must|should|need\s+to|required\s+to)\b/i;

/**
 * A chronic viral infection allowed when controlled: "HBsAg positive participants are eligible if
 * they have received antiviral therapy for 4 weeks and have undetectable HBV viral load". Read as
 * the uncontrolled (active) form being excluded; thresholds the facts cannot hold (CD4 ≥ 350,
 * 4 weeks) stay unread.
 */
function controlledInfection(input: ExtractInput, g: Group, sStart: number, sEnd: number): Finding | null {
  if (g.value !== undefined && g.value === false) return null;
  if (!g.names.every((n) => CHRONIC_VIRAL.has(n))) return null;
  const { text } = input;
  const rest = text.slice(g.end, sEnd);
  // The condition is the subject the permission or requirement is about: it comes first.
  if (!CONTROL_REQUIREMENT.test(rest) || !ALLOWS_OR_REQUIRES.test(rest)) return null;
  // "HIV, hepatitis B or C (if HCV antibody positive, … HCV RNA … negative)": a note on one member.
  if (g.names.length > 1 && ACTIVE_NOTE.test(rest)) return null;
  // "…, and, patients with previous history of hepatitis C who completed treatment … are not
  // excluded as long as …": a permission of other patients, read with the findings (step 6).
  if (OWN_SUBJECT_CLAUSE.test(rest)) return null;
  // "… on antiretrovirals that are strong CYP3A4 inhibitors": an interaction, not disease control.
  if (/\b(?:interact\w*|CYP\w*|inhibitors?|inducers?)\b/i.test(rest)) return null;
  // "… must not have …", "… are not eligible": a plain exclusion, read the ordinary way.
  if (
    /\b(?:not|never|in)\s*eligible|\bnot\s+(?:be\s+)?(?:eligible|allowed|permitted)|\bmust\s+not\b/i.test(
      text.slice(sStart, sEnd),
    )
  )
    return null;
  if (negatedAt(input, g.start)) return null;
  const exclusion = input.kind === 'exclusion';
  const spans = [...g.spans, ...vocabSpans(input, g.end, sEnd, CONTROL_VOCAB, false)];
  // The subject words before the condition ("Participants with a history of"), when no other
  // condition stands between.
  const lead = Math.max(sStart, text.lastIndexOf('(', g.qualStart) + 1);
  if (!input.mentions.some((m) => m.type === 'condition' && m.start >= lead && m.end <= g.qualStart))
    spans.push(...vocabSpans(input, lead, g.qualStart, CONTROL_VOCAB, false));
  return {
    category: g.category,
    condition: {
      fact: 'condition',
      operator: 'equal',
      value: exclusion,
      params: { names: g.names, active: true },
    },
    spans: mergeSpans(spans),
    anchor: g.start,
    polarityHandled: true,
  };
}

/**
 * Exclusion lists name conditions that each exclude ("HIV, hepatitis B and active tuberculosis"),
 * whatever the final conjunction; joined here into one finding per list and category so the
 * assembler's "and" cannot turn them into a conjunction.
 */
function joinLists(findings: Finding[], input: ExtractInput): Finding[] {
  const { text } = input;
  const out: Finding[] = [];
  // A finding the assembler would leave as it is may join one whose polarity is already settled.
  const settled = (f: Finding): boolean =>
    (f.polarityHandled ?? false) || !negatedAt(input, f.anchor ?? f.spans[0]?.[0] ?? 0);
  for (const f of findings) {
    const last = out[out.length - 1];
    const samePolarity = (last?.polarityHandled ?? false) === (f.polarityHandled ?? false);
    // Examples after "such as" / "including" are each an instance of the head, whatever their
    // category ("primary immunodeficiency (such as Severe Combined Immunodeficiency Disease and
    // AIDS)"): still inside the list the head's finding opened, they join it too.
    const inExamples = (): boolean => {
      if (!last) return false;
      const from = Math.min(...last.spans.map((sp) => sp[0]));
      const between = text.slice(from, Math.min(...f.spans.map((sp) => sp[0])));
      // Only a bracketed list, whose end is its bracket: a list run on in the sentence may end
      // before the next member ("immunodeficiency, including HIV testing positive, or a history of
      // transplantation").
      const eg = /\(\s*(?:such\s+as|including|e\.\s*g\.|for\s+example)[^()]*$/i.exec(between);
      return eg !== null && !/[.;]\s/.test(eg[0]);
    };
    if (last && (last.category === f.category || inExamples()) && (samePolarity || (settled(last) && settled(f)))) {
      const lastEnd = Math.max(...last.spans.map((sp) => sp[1]));
      const start = Math.min(...f.spans.map((sp) => sp[0]));
      // A parenthesis between two members is an aside ("interstitial lung disease (including past
      // history and current condition), acute lung disease").
      // A parenthesis holding another reader's finding ("(QTc > 500 msec)") is no aside.
      const gap = text
        .slice(lastEnd, start)
        .replace(/\([^()]*\)/g, (m, at: number) =>
          input.mentions.some((x) => x.type !== 'condition' && x.start >= lastEnd + at && x.start < lastEnd + at + m.length) ||
          /\d/.test(m)
            ? m
            : ' ',
        );
      // Two readings of one condition sharing a word ("HBsAg positive or HBV-DNA positivity", the
      // second's qualifier reaching back over "positive or") are one list too.
      const names = (c: Condition): string => JSON.stringify('params' in c ? (c.params as { names?: string[] }).names : null);
      const sameCondition = !('any' in last.condition) && !('all' in last.condition) && names(last.condition) === names(f.condition) && names(f.condition) !== 'null';
      if (
        (start >= lastEnd ||
          (sameCondition && last.category === f.category && lastEnd - start <= 20 && Math.max(...f.spans.map((sp) => sp[1])) > lastEnd && !/[.;]/.test(text.slice(start, lastEnd)))) &&
        /^(?:[\s,;/()[\]]|\b(?:or|and|and\/or|nor|as well as|including|such as|e\.?\s*g\.?|other)\b)*$/i.test(gap) &&
        !/[.;]\s/.test(gap)
      ) {
        const parts = 'any' in last.condition ? last.condition.any : [last.condition];
        // "Porphyria or other disorders of porphyrin metabolism": one condition named twice.
        // "HCV antibody positive or HCV RNA positive": the active form adds nothing to an "or" with
        // the condition itself.
        const bare = (c: Condition): string | null =>
          'fact' in c && c.fact === 'condition' && c.value === true ? JSON.stringify({ ...(c.params as object), active: undefined }) : null;
        const subsumed =
          'fact' in f.condition &&
          (f.condition.params as { active?: boolean } | undefined)?.active === true &&
          parts.some((p) => 'fact' in p && !(p.params as { active?: boolean } | undefined)?.active && bare(p) !== null && bare(p) === bare(f.condition));
        const again = subsumed || parts.some((p) => JSON.stringify(p) === JSON.stringify(f.condition));
        last.condition = again ? last.condition : { any: [...parts, f.condition] };
        last.spans.push(...f.spans);
        if (f.cover) last.cover = [...(last.cover ?? []), ...f.cover];
        // The member's own other topics ("prior pneumonitis requiring steroids" reads the steroids as
        // prior therapy) are the joined finding's too.
        const also = [...(last.alsoReads ?? []), ...(f.category !== last.category ? [f.category] : []), ...(f.alsoReads ?? [])].filter((c) => c !== last.category);
        if (also.length) last.alsoReads = [...new Set(also)];
        if (!samePolarity) last.polarityHandled = true;
        continue;
      }
    }
    out.push({ ...f, spans: [...f.spans] });
  }
  return out;
}

/** Whether `ancestor` is an ancestor (or the same) of any of `ids` in the condition hierarchy. */
function isAncestor(input: ExtractInput, ancestor: string, ids: string[]): boolean {
  const seen = new Set<string>();
  const up = (id: string): boolean => {
    if (id === ancestor) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (input.lex.conditionById.get(id)?.parents ?? []).some(up);
  };
  return ids.some(up);
}

function isGeneric(id: string): boolean {
  return (
    id === 'uncontrolled_intercurrent_illness' ||
    id === 'cardiovascular_disease' ||
    id === 'autoimmune_disease' ||
    id === 'infection'
  );
}

const EXCEPTION_WORDS = vocab(
  'except for other than excluding with the exception of apart from besides aside e g eg i such as which are is allowed permitted patients following exceptions exception exempt excluded ' +
    'participants subjects with are eligible may be included on stable dose controlled well by only requiring hormone replacement therapy ' +
    'thyroid insulin topical treatment not needing need systemic and or a an those',
);
const EXAMPLE_WORDS = vocab(
  'e g eg i e such as including include includes for example like but not limited to and or the a an any other',
);

function exceptionWords(input: ExtractInput, from: number, to: number): Span[] {
  return vocabSpans(input, from, to, EXCEPTION_WORDS);
}

function exampleWords(input: ExtractInput, from: number, to: number): Span[] {
  return vocabSpans(input, from, to, EXAMPLE_WORDS);
}

/** "… on hormone replacement therapy", "… only requiring hormone replacement" after an exception item. */
function replacementNote(input: ExtractInput, from: number): Span[] {
  const end = Math.min(input.text.length, from + 120);
  const m = /^[^.;]*?(?=[.;]|$)/.exec(input.text.slice(from, end));
  if (!m || !/replacement|insulin|thyroxine|topical|stable dose|controlled/i.test(m[0])) return [];
  return vocabSpans(input, from, from + m[0].length, REPLACEMENT_VOCAB);
}

