/**
 * Criteria that defer to the study team or to the protocol, read as attestations
 * (history-statements.ts):
 *
 *   "Any condition that, in the opinion of the investigator, would interfere with study participation"
 *                                        → attestation(investigator_concern) = true  (exclusion)
 *   "Other protocol-defined inclusion/exclusion criteria apply"
 *                                        → attestation(protocol_criteria_met) = true (inclusion)
 *   "Adequate organ and bone marrow function"  → attestation(adequate_organ_function) = true
 *   "Patients under guardianship or deprived of liberty"
 *                                        → attestation(legal_protection) = true
 *   "Affiliated to a social security scheme"   → attestation(health_insurance) = true
 *   "Participants with dependency on the Sponsor, Investigator or study site"
 *                                        → attestation(study_staff) = true  (exclusion)
 *   "Patients who experienced Grade 3 or higher irAEs with prior immunotherapy"
 *                                        → attestation(prior_severe_irae) = true  (exclusion)
 *
 * The investigator's catch-all — with or without the investigator named ("Any condition that may
 * affect the interpretation of study results") — is read only when its subject is generic ("any
 * condition", "any other reason") and what it harms is the study or the patient's part in it; a
 * named condition the investigator weighs ("rapidly progressing disease, in the opinion of the PI")
 * is not this question, and its own words stay unread. "Adequate organ
 * function" is read only without lab values in the criterion: where the text gives the limits, the
 * labs reader answers from the record instead.
 */
import { modalNegationInExclusion, type ExtractInput } from './extractor';
import { STATEMENT_COMMON, type Statement } from './history-statements';
import { negatedAt, vocab } from './history-util';
import { openingSubgroup } from '../subgroups';
import { prefilterFor, startsAt } from '../regex-prefilter';

const JUDGEMENT_WORDS = vocab(
  STATEMENT_COMMON,
  'any other condition conditions disease diseases illness illnesses disorder disorders medical psychiatric psychological social mental ' +
    'physical surgical concomitant concurrent coexisting co existing underlying serious severe significant clinically uncontrolled unstable ' +
    'acute chronic life threatening nonmalignant non malignant systemic organ system dysfunction therapy laboratory lab abnormality ' +
    'abnormalities finding findings circumstance circumstances reason reasons situation situations factor factors issue issues problem ' +
    'problems comorbidity comorbidities co morbid morbidity in opinion judgment judgement view per according discretion investigator ' +
    'investigators investigator’s investigator\'s principal physician physicians treating attending sponsor medical monitor designee ' +
    'study doctor team pi would could may might will can make makes making render renders patient subject participant unsuitable ' +
    'inappropriate not suitable appropriate candidate good eligible ineligible participation participate participating entry enrollment ' +
    'enrolment inclusion clinical interfere interferes interfering with compromise compromises confound confounds jeopardize jeopardise ' +
    'preclude precludes impair affect affects obscure hamper safety safe unsafe safely ability to complete completion comply compliance ' +
    'adherence receive tolerate administration drug intervention product results result interpretation interpret evaluation evaluate ' +
    'assessment conduct objectives endpoints data risk risks increase increased unacceptable pose place places put puts best interest ' +
    'detrimental full duration deemed considered considers consider judged feels feel believes believe opinion as such it for whom ' +
    'undesirable harmful excessive incompatible contraindicate contraindicates s not interfered confounded compromised jeopardized ' +
    'associated hazardous difficult monitor adverse effects events efficacy parameters indicate indicates precedence take research ' +
    'psychotic abnormal physical prevent prevents preventing from full unfavorable unfavourable potential health why included ' +
    'excluded researcher researchers believe think present presents compatible aims sponsor sponsor\'s adversely metabolic ' +
    'examination giving reasonable suspicion contraindicated use high complications treatment renders rendering puts investigational potentially ' +
    'impossible process impairing confounding precluding preventing comply procedure procedures',
);

const PROTOCOL_WORDS = vocab(
  STATEMENT_COMMON,
  'other additional further more all remaining protocol defined specific specified inclusion exclusion eligibility criteria criterion ' +
    'apply applies may will also must could should might can shall met meet be as in outlined described listed detailed per are is study ' +
    'fulfil fulfill fulfils fulfills fulfilling meets meeting satisfy satisfies within master continue eligibility step registration prior',
);

const ORGAN_WORDS = vocab(
  STATEMENT_COMMON,
  'adequate sufficient satisfactory acceptable normal appropriate inadequate insufficient organ end bone marrow hematologic hematological ' +
    'hepatic liver renal kidney coagulation biochemical laboratory lab blood major system function functions reserve parameters indices ' +
    'values status as defined below follows following per protocol within limits ranges range required in by investigator judgment ' +
    'judgement assessed determined measured must demonstrate show good selected baseline overall organs hematology haematology ' +
    'cardiac pulmonary lung specified protocol local institutional standards abnormal impaired poor test tests results safety ' +
    'meet various function demonstrating adequately functioning parameters insufficiency failure dysfunction vital level ' +
    'requirements criteria inclusion out existence screening shown',
);

const ORGAN_EXCEPTION = /^(?=[^]*\b(?:inadequate|insufficient|abnormal|impaired|poor|insufficiency|failure|dysfunction)\b)[^]*\b(?:with\s+the\s+exception\s+of|except(?:ion|ions|ing)?|excluding|other\s+than|apart\s+from|unless)\b/i;

/** A group the sentence is for: "patients with …", "For patients on anticoagulants: …", "If …". */
const GROUP_LEAD = /\b(?:patients?|participants?|subjects?|individuals?)\s+(?:with|whose|receiving|having|on)\b|^\W*(?:for|if|in)\b/i;

const RECOVERY_WORDS = vocab(
  STATEMENT_COMMON,
  'recovered recover recovering recovery fully adequately completely sufficiently adequate complete incomplete still from after ' +
    'effects effect any prior previous recent major minor surgery surgeries surgical procedure procedures operation operations ' +
    'operative postoperative post resection complications complication related ongoing wound healing in opinion of investigator ' +
    'treating md physician must have has been be',
);

const LEGAL_WORDS = vocab(
  STATEMENT_COMMON,
  'under legal guardianship tutorship curatorship protection measure measures judicial safeguard justice deprived liberty freedom ' +
    'prisoner prisoners incarcerated imprisoned involuntarily compulsorily detained detention committed custody administrative decision ' +
    'court order adult adults minor minors persons placed official authority authorities issued virtue admission admitted institution ' +
    'protected incapacitated deprivation trusteeship court law protective supervision tutor curator incapacity limited restricted ' +
    'reduced capacity',
);

const STAFF_WORDS = vocab(
  STATEMENT_COMMON,
  'colleague colleagues employed employee employees employment staff personnel member members family immediate relative relatives ' +
    'spouse partner parent child sibling biological legally adopted dependency dependent dependence dependents relationship on with to ' +
    'by at of the study site sites investigator investigators investigational sponsor sponsors sponsoring cro contract research organization ' +
    'organisation institution involved including directly direct supervision affiliated practice involvement planning conduct both staff ' +
    'subordinate research team applies under',
);

/** Whose family or dependant it is: someone on the study's side. */
const STAFF_TIE =
  /\b(?:of|to|with|at|on)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:investigators?|staff|personnel|sponsors?|study\s+site|CRO)\b|\bemploy|\bcolleague|\binvolvement\b/i;

const INSURANCE_WORDS = vocab(
  STATEMENT_COMMON,
  'affiliated affiliation beneficiary beneficiaries benefiting benefit enrolled covered coverage social security national health ' +
    'insurance scheme system regime plan must social protection insured having french organization organisation',
);

/**
 * Treatments and procedures the care team plans or judges a patient fit for. Study treatment is not
 * among them: "the planned first dose of study drug" is a date, and an allergy to the study drugs is
 * history-safety.ts's question.
 */
const CARE =
  '(?:surg\\w*|resect\\w*|operations?|operative|excisions?|mastectom\\w*|lumpectom\\w*|breast[\\s-]conserv\\w*|BCS|cystectom\\w*|nephrectom\\w*|enucleation|lymphadenectom\\w*|dissection|ALND|SLNB|sentinel|reconstruction|radiotherap\\w*|radiation|irradiation|RT|SBRT|SABR|SRS|IMRT|brachytherap\\w*|chemoradi\\w*|CCRT|chemo\\w*|immunotherap\\w*|IO|checkpoint|check\\s+point|endocrine|hormon\\w*|targeted|systemic|anti-?cancer|anti-?neoplastic|adjuvant|neo-?adjuvant|definitive|curative|HIPEC|CRS|ablation|ablative|cryoablation|RFA|embolization|electrochemotherapy|ECT|intralesional|intratumou?ral|injection|transplant\\w*|HSCT|ASCT|(?:percutaneous|isolated)\\s+(?:hepatic|liver|limb)\\s+perfusion|PHP|ILP|anesthe\\w*|anaesthe\\w*|treatments?|therap(?:y|ies)|regimens?)';
/**
 * A number of cycles or courses of something ("at least 4 cycles of doxorubicin"): what they are of is
 * a treatment, whatever its name, so the count names the object of a plan or a candidacy.
 */
const CYCLES_OF = '(?:\\d+|one|two|three|four|five|six|eight)\\s+(?:cycles?|courses?)\\s+of\\s+(?=\\S)';
/**
 * What a candidacy or a plan is for: the treatment and its qualifiers. A treatment given beside
 * another ("contraindications to the concomitant chemotherapy regimens", "planned for concurrent
 * chemotherapy during radiation therapy") is still the treatment the criterion names.
 */
const CARE_OBJECT = new RegExp(`^\\s*(?:(?:a|an|the|any|all|one\\s+of\\s+the|further|their|standard(?:[\\s-]of[\\s-]care)?|SOC|(?:FDA|Food\\s+and\\s+Drug\\s+Administration\\s*(?:\\(FDA\\))?)[\\s-]*approved|(?:radical|curative)[\\s-]intent|(?:the\\s+)?full\\s+course\\s+of|intensified|staging|pelvic|thoracic|first[\\s-]line|second[\\s-]line|local|consolidative|consolidation|upfront|up-front|radical|major|high[\\s-]dose|intensive|combination|planned|primary|palliative|general|whole[\\s-]breast|partial|total|minimally\\s+invasive|laparoscopic|robotic|open|wide\\s+local|curative[\\s-]intent|non[\\s-]?curative|eligible|definitive|adjuvant|neo-?adjuvant|post-?operative|pre-?operative|peri-?operative|systemic|concomitant|concurrent|oral|intravenous|IV|PD-?1|PD-?L1|anti-?PD-?L?1|CTLA-?4|immune|at\\s+least|a\\s+minimum\\s+of|and|or|\\/|\\+|,)\\s*){0,6}(?:${CARE}|${CYCLES_OF})\\b`, 'i');

const CARE_WORDS = vocab(
  STATEMENT_COMMON,
  'fit unfit medically physically eligible ineligible suitable unsuitable appropriate candidate candidates considered deemed judged ' +
    'assessed determined clinically indicated able unable ability inability tolerate receive receiving undergo undergoing have start ' +
    'begin initiate initiation continue treated treatment treatments therapy therapies regimen regimens planned plan plans planning ' +
    'scheduled schedule intended intends intend pending be is are to for with as per by according surgeon surgical team investigator ' +
    'physician treating oncologist multidisciplinary board tumor tumour mdt local consolidative consolidation standard care soc of first second third line lines ' +
    'surgery surgical resection resections operation operative excision mastectomy lumpectomy breast conserving conservation bcs ' +
    'cystectomy nephrectomy enucleation lymphadenectomy dissection alnd slnb sentinel lymph node biopsy reconstruction radiotherapy ' +
    'radiation irradiation rt sbrt sabr srs imrt brachytherapy chemoradiotherapy chemoradiation ccrt chemotherapy chemo immunotherapy ' +
    'io checkpoint inhibitor inhibitors endocrine hormonal hormone targeted systemic anticancer anti cancer antineoplastic neoplastic adjuvant ' +
    'neoadjuvant neo post postoperative operative pre preoperative peri perioperative definitive curative intent hipec crs ablation ablative ' +
    'cryoablation rfa embolization electrochemotherapy ect intralesional intratumoral intratumoural injection transplant transplantation ' +
    'hsct asct general anesthesia anaesthesia upfront up front radical major high dose intensive combination primary palliative whole ' +
    'partial total minimally invasive laparoscopic robotic open wide absolute relative contraindication contraindications contra ' +
    'indication indications contraindicated no pd l1 pd1 pdl1 anti ctla 4 1 immune oral intravenous iv and or either both ' +
    'food drug administration fda approved check point decision taken made clinician initiating continuing continued use plus ' +
    'full course intensified staging pelvic thoracic percutaneous isolated hepatic perfusion php ilp concomitant concurrent ' +
    'prescribed administered part usual routine practice management current cycle cycles course courses least minimum more non',
);

/**
 * An alternative to progression or refusal ("progressed on, intolerant of, or ineligible for standard therapy"): prior therapy's wording.
 * A recurrence that only says when the treatment would be given ("unfit to receive treatment in the case of recurrence") is none.
 */
const LINE_OF_THERAPY =
  /\b(?<!\b(?:case|event)\s+of\s+(?:(?:a|the|disease)\s+)?)(?:progress\w*|refractory|relaps\w*|recurr\w*|intoleran\w*|failed|failure|refus\w*|declin\w*|exhausted|unavailable|not\s+available|no\s+(?:standard|other|available|further|satisfactory|effective)|for\s+whom|who\s+(?:have|has)\s+(?:received|progressed))\b/i;

/**
 * One alternative of an inclusion ("… has been surgically resected or is eligible for surgical
 * resection", "must have received, be currently receiving or planning to receive treatment"):
 * required alone, it would exclude patients the other one admits.
 */
const alternativeBefore = (input: ExtractInput, before: string): boolean =>
  input.kind === 'inclusion' && /\bor\s+(?:[\w-]+\s+){0,2}$/i.test(before);

/**
 * "Participants must not be … planning to receive warfarin" among exclusions: the requirement restated
 * with its negation, which excludes the patients who have the plan. Read as a lacking requirement, it
 * would exclude those who do not: left unread.
 */
const modalNegated = (input: ExtractInput, sentence: string, at: number): boolean =>
  modalNegationInExclusion(input, input.text.indexOf(sentence) + at);

/** What the patient may have or do, not what they must. */
const PERMISSION =
  /\b(?:will|may|would|could|can)\s+(?:also\s+)?(?:be\s+)?(?:eligible|considered|allowed|included|enrolled)\b|\b(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted)\b/i;
/** The lesion or the disease is what suits the treatment ("lesion suitable for injection"): another question. */
const LESION_SUBJECT =
  /\b(?:lesions?|tumou?rs?|disease|metastas[ie]s|sites?|nodes?|cancers?|carcinomas?|melanomas?|neoplasms?|mass|masses|images?|samples?|specimens?|tissues?)\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:\w+\s+){0,2}$/i;

/** A generic subject: the investigator weighs anything, not one named condition. */
const GENERIC_SUBJECT =
  /\b(?:any|other)\s+(?:(?!(?:cardi|heart|hepat|liver|renal|kidney|pulmon|lung|respirat|ocular|ophthalm|eye|retin|skin|dermat|gastro|GI\b|bowel|neuro|cerebr|endocrin|thyroid|bone|ear\b)[\w/-]*)[\w/-]+,?\s+){0,8}?(?:conditions?|diseases?|illness(?:es)?|disorders?|circumstances?|reasons?|situations?|findings?|abnormalit\w+|factors?|comorbidit\w+|problems?|issues?|dysfunction)\b(?!-)|\b(?:subjects?|patients?|participants?|individuals?)\s+(?:for\s+whom|whom|who)[\s,]+(?:in\s+the\s+(?:opinion|judge?ment)\s+of\s+)?(?:the\s+)?(?:\w+\s+)?(?:investigator|physician)|\b(?:the\s+)?(?:investigator|physician)\s+(?:\w+\s+){0,2}(?:considers?|believes?|feels?|deems?|judges?|decides?|has\s+(?:a\s+)?(?:clear\s+)?reason)\b|^\W*(?:the\s+)?researchers?\s+(?:believes?|thinks?)\b|^\W*(?:patients?|participants?|subjects?)\s+may\s+be\s+excluded\b|\b(?:decision|judge?ment)\s+of\s+(?:unsuitab\w+|ineligib\w+)|^\W*(?:\d{1,3}\s*\.\s*)?(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?(?:(?:have|has|presence\s+of)\s+(?:a\s+|an\s+|any\s+)?)?(?:(?:serious|significant|clinically|non-?malignant|severe|concomitant|concurrent|co-?existing|intercurrent|uncontrolled|unstable|pre-?existing|underlying|medical|psychiatric|mental|social|systemic|chronic|acute|and|or|and\/or),?\s+){1,5}(?:conditions?(?:\(s\))?|diseases?|illness(?:es)?|disorders?)\b|^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?(?:(?:have|has)\s+an?\s+)(?:medical\s+)?conditions?\s*(?:,|(?:that|which)\b)|^\W*(?:situations?|conditions?|circumstances?)\b|\bwhatever\s+the\s+reason\b|\bfor\s+any\s+reason\b/i;

const TREATMENT_CANDIDATE_ANCHOR =
  /\b(?:(?:absolute\s+|relative\s+|surgical\s+|medical\s+|known\s+)?contra-?indications?\s+(?:to|for|against)\s+(?:the\s+)?(?:(?:use|administration)\s+of|receiving|receive|taking|continu(?:ing|ed))(?:\s+(?:an?|the))?(?=\s)|(?<!contra-?)indication\s+(?:for|to|of)\s+(?:(?:initiat\w*|start\w*|receiv\w*)\s+)?(?:(?:treatment|therapy)\s+with\s+)?(?=\S)|(?:medically\s+|physically\s+|clinically\s+)?(?:fit|unfit|eligible|ineligible|suitable|unsuitable|appropriate|(?:a\s+)?candidates?)\s+(?:to\s+(?:receive|undergo|tolerate|have|start|be\s+treated\s+with)|for)|(?:(?:able|unable|ability|inability)\s+to|cannot|can\s+not)\s+(?:safely\s+)?(?:receive|undergo|tolerate)|(?:(?:absolute|relative)\s+(?:(?:or|and|and\/or)\s+(?:absolute|relative)\s+)?|surgical\s+|medical\s+)?contra-?indications?\s+(?:to|for|against)(?:\s+the\s+use\s+of)?(?=\s+(?:[\w-]+\s+){0,5}?(?:surg\w*|operat\w*|radiotherap\w*|radiation|irradiation|anesthe\w*|anaesthe\w*|immunotherap\w*|chemotherap\w*|electrochemotherap\w*|invasive|BCS|resection|excision|reconstruction|transplant\w*|SRS|SBRT|SABR|stereotactic))|(?:surgical|operable|transplant)\s+candidates?|(?:an?\s+)?(?:chemo\w*|radiotherapy|immunotherapy|surgery)\s+candidates?)\b/i;

/**
 * The indication said after the treatment, as "indication for X" says it before: "Adjuvant
 * radiotherapy is indicated.", "melanoma for which a Sentinel Lymph Node Biopsy (SLNB) is indicated
 * per the treating physician". A few words naming the treatment further, and a short parenthesis (its
 * abbreviation), may stand between.
 */
const INDICATED_ANCHOR = new RegExp(String.raw`\b${CARE}(?:\s+[\w-]+){0,3}?(?:\s*\([^()]{1,20}\))?\s+(?:is|are)\s+(?:(?:clinically|medically)\s+)?indicated\b`, 'i');

/** A negation trigger that opens the treatment-candidate statement's own lack ("are not candidates for"). */
const CANDIDATE_LACK_AT = /^(?:(?:(?:is|are)\s+)?not\s+(?:eligible\s+(?:for|to)|suitable|(?:a\s+)?candidates?)|can\s*not\s+(?:safely\s+)?(?:receive|undergo|tolerate))\b/i;

const PLANNED_ANCHOR = new RegExp(
  String.raw`\b(?:(?:(?:clinician|physician|physician's|physician’s|oncologist|team)\s+)?decision\s+(?:(?:was|has\s+been|is)\s+(?:taken|made)\s+)?(?:to\s+treat\s+(?:the\s+)?(?:patients?\s+)?with|for\s+(?:treatment|therapy)\s+with|for)|^\W*(?:(?:a|the)\s+)?planned\s+(?:initiation|receipt|administration|start)\s+of|${CARE}\s+(?:(?:is|are)\s+)?(?:planned|scheduled)(?=\s+(?:for|in|within|as)\b)|${CARE}(?:\s*\([^()]{1,120}\))?\s+(?:(?:is|are|must\s+be|to\s+be)\s+)?(?:planned|prescribed|(?:indicated\s+and\s+)?administered)\s+(?:as\s+part\s+of|(?:as\s+)?per|according\s+to)\s+(?:(?:the|their|current)\s+)?(?:usual|routine|standard)(?:[\s-]of[\s-]care|\s+(?:clinical\s+)?(?:care|practice|management))|(?:planned|scheduled|planning|plans?|intend(?:s|ed|ing)?|pending\s+plan)(?:\s+(?:or|and|and\/or)\s+(?:planned|scheduled))?\s+(?:(?:by|according\s+to)\s+(?:their\s+|the\s+)?(?:treating\s+)?(?:physician|oncologist|surgeon|team|provider)\s+)?(?:to\s+(?:receive|undergo|start|begin|initiate|administer|give|be\s+treated\s+with|be\s+treated\s+by|have|continue)|for)|^\W*planned|(?:is|are)\s+planned\s+(?:to\s+(?:receive|undergo)|for))\b`,
  'i',
);

/** What the missing treatment would do: "expected to provide meaningful benefit", "likely to improve the disease outcome". */
const KNOWN_BENEFIT = String.raw`(?:\s+(?:(?:that|which)\s+(?:is|are|would\s+be)\s+)?(?:known|expected|likely)\s+to\s+(?:provide|confer|offer|improve|prolong)\s+(?:(?:any|a|meaningful|clinical|clinically|significant|the|disease)\s+){0,3}(?:benefit|survival|outcomes?))`;

/**
 * Standard therapy exhausted, by its route: progressed on (refractory to, failed, relapsed after) it,
 * intolerant of it, declined it, or not eligible for it: "who have failed standard treatment, are
 * intolerant to standard treatment, or for whom no standard treatment exists", "Is intolerant of,
 * refuses, or is not eligible for standard antineoplastic therapy", "-declined standard treatment".
 * What standard therapy is depends on the patient's cancer, which the record cannot tell, so each
 * route is its own question to the care team, and a criterion listing some routes asks only those.
 * Only therapy named "standard" (of care, SOC, conventional, established, approved) is this
 * question: a named drug or class ("progressed on a platinum-based regimen") is the therapy
 * reader's, and a count of lines beyond one ("at least 2 lines of standard therapy") is prior
 * therapy by count. Therapy defined by its known benefit is standard therapy by another name
 * ("existing therapies known to provide clinical benefit", "treatments that are known to prolong
 * survival"), and is read as it. So is "such therapy" after it ("… or for which no standard
 * treatment is available or refused such therapy"), though only there: onlyReadRoutes drops a list
 * that opens with it. Procedures are standard therapy only as curative ones ("not eligible for standard
 * curative procedures"): a standard procedure alone may as well be a test or a scan.
 */
const SUCH_THERAPY = String.raw`(?<=\bsuch\s+)(?:therap(?:y|ies)|treatments?|regimens?)\b`;
/** A route whose object is "such therapy" (SUCH_THERAPY). */
const SUCH_FIRST = new RegExp(`\\bsuch\\s+${SUCH_THERAPY}`, 'i');
const STANDARD_OBJECT = String.raw`(?:(?:the|their|all|any|these|currently|(?:any|all|each)\s+of\s+(?:these|the|their)|(?:last|latest|most\s+recent)(?:\s+(?:line|regimen)\s+of)?|(?:all\s+)?(?:other\s+)?available|appropriate|prior|previous|existing|established|accepted|approved|indicated|such|at\s+least\s+one(?:\s+(?:line|regimen)\s+of)?|one\s+or\s+more(?:\s+lines?\s+of)?|an?)\s+)*(?:(?:standard(?:[\s-]+of[\s-]+care)?(?:\s*\(SOC\))?|SOC|conventional|established|(?:FDA[\s-]+)?approved)(?:[\s-]+(?:(?:systemic|anti-?cancer|anti-?neoplastic|antineoplastic|anti-?tumou?r|cancer|first[\s-]line|1st[\s-]line|effective|curative|salvage|treatment|therapeutic|drug)[\s-]+){0,3}(?:therap(?:y|ies)|therapy\(ies\)|treatments?|regimens?|care|options?|methods?|(?<=curative[\s-]{1,3})procedures?)\b(?!\s+(?:with|based\s+on|containing|consisting)\b)|(?<=standard[\s-]+of[\s-]+care(?:\s*\(SOC\))?)(?![\s-]+(?:chemo|immuno|radio|radiation|surgery|\w+-based|\w+\s+inhibitor)))|(?:therap(?:y|ies)|therapy\(ies\)|treatments?)(?=${KNOWN_BENEFIT})|${SUCH_THERAPY})${KNOWN_BENEFIT}?`;

/**
 * The benefit that makes a treatment standard: "no therapy of proven efficacy", "no approved therapy
 * with demonstrated clinical benefit".
 */
const PROVEN = String.raw`\s+(?:of|with)\s+(?:proven|demonstrated|established)\s+(?:clinical\s+)?(?:efficacy|benefit)`;
/**
 * Standard therapy that would not help the patient is none left for them: "are not expected to derive
 * any clinical benefit from standard of care therapies", "would be unlikely to benefit from SOC
 * therapy". The verb is asked for: without it ("The Investigator unlikely to benefit from SOC
 * therapy") the words are the tail of a sentence another criterion began ("… or in the opinion of").
 */
const NO_BENEFIT_FROM = String.raw`(?<=\b(?:is|are|be|been)\s+)(?:not\s+(?:be\s+)?(?:expected|likely)|unlikely)\s+to\s+(?:(?:derive|gain|obtain|receive|have)\s+(?:any\s+)?(?:(?:further|meaningful|clinical|clinically|significant)\s+){0,2}benefit|benefit)\s+from\s+`;

/**
 * No standard treatment left: "for which no standard therapy exists", "Standard curative measures do
 * not exist", "Patients with no curative treatment options available", "no standard therapy would
 * confer clinical benefit", "will otherwise be prevented from receiving any standard treatment
 * options" (none is available to the patient). The care team answers it; the record cannot show a
 * treatment that does not exist.
 */
const NO_STANDARD_ANCHOR = new RegExp(
  String.raw`\b(?:(?:there\s+(?:is|are)\s+)?no\s+(?:(?:other|further|remaining|available|known|established|approved|accepted|adequate|effective|proven|satisfactory|appropriate|viable|or|and|\/)\s+)*(?:(?:standard|curative|effective|(?<=approved\s+)salvage)\s+(?:(?:of[\s-]care|or\s+life[\s-]prolonging|or\s+clinically\s+acceptable|life[\s-]prolonging|curative|systemic|anti-?cancer|treatment|therapeutic)\s+)*(?:therap(?:y|ies)|treatments?|options?|measures?|regimens?)(?:\s+(?:options?|regimens?))?(?:${PROVEN})?|standard[\s-]of[\s-]care(?:\s*\(SOC\))?(?![\s-]+\w*(?:therap|treat|chemo|immuno|radi|surg))|(?:therap(?:y|ies)|treatments?)${PROVEN})(?:\s+(?:is|are|was|were)\s+available|\s+available|\s+exists?|\s+existed|\s+would\s+confer\s+(?:any\s+)?clinical\s+benefit|${KNOWN_BENEFIT})?|(?:standard|curative)\s+(?:(?:curative|or|life[\s-]prolonging|standard)\s+)*(?:therap(?:y|ies)|treatments?|measures?|options?|procedures?)\s+(?:do(?:es)?|did)\s+not\s+exist|(?<=\bfor\s+(?:which|whom)\s+)${STANDARD_OBJECT}\s+(?:do(?:es)?|did)\s+not\s+exist|${NO_BENEFIT_FROM}${STANDARD_OBJECT}|(?:otherwise\s+)?(?:be\s+)?prevented\s+from\s+(?:receiving|undergoing)\s+${STANDARD_OBJECT})\b`,
  'i',
);

/** When the progression came: "progressed while receiving or after the last administration of". */
const LAST_DOSE = String.raw`(?:\s+(?:of\s+)?(?:the\s+)?(?:last|final)\s+(?:administration|dose)\s+of)?`;
const FAILED_ROUTE = String.raw`(?:(?:received|been\s+treated\s+with)\s+and\s+(?:progressed|relapsed)\s+(?:on|after|following|despite)|(?:(?:disease|radiographic|radiological|documented)\s+)?(?:progression|relapse)(?:\s+or\s+(?:progression|relapse))?\s+(?:of\s+disease\s+)?(?:on|after|following|despite|during|through|while\s+(?:on|receiving))(?:\s+or\s+(?:on|after|following|during))?|(?:progressed|progressing|relapsed|recurred)(?:\s*\([^()]{1,40}\))?\s+(?:on|after|following|despite|during|through|from|while\s+(?:on|receiving)|with)(?:\s+or\s+(?:on|after|following|during))?${LAST_DOSE}|progressive\s+disease\s+(?:on|after|following|despite|during)|(?:refractory|resistant|unresponsive|non-?responsive)\s+to|failed(?:\s+(?:on|in))?|failure\s+(?:of|on|to|with|after)|(?:not|never)\s+responded\s+to|(?:not|never)\s+(?:shown|derived|had)\s+(?:any\s+)?(?:clinically\s+meaningful\s+|clinical\s+)?benefit\s+(?:to|from))`;
const INTOLERANT_ROUTE = String.raw`(?:(?:intoleran(?:t|ce)|intolerable|intolerability)\s+(?:of|to|with)|(?:unable|inability)\s+to\s+tolerate|(?:cannot|can\s*not|could\s+not|did\s+not|does\s+not|do\s+not)\s+tolerate)`;
const DECLINED_ROUTE = String.raw`(?:(?:refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing))(?:\s+(?:of|to\s+(?:receive|undergo|be\s+treated\s+with)))?|unwilling\s+to\s+(?:receive|undergo))`;
const INELIGIBLE_CORE = String.raw`(?:(?:not\s+(?:be\s+)?eligible|ineligible)\s+(?:for|to\s+(?:receive|undergo))|ineligibility\s+(?:for|to)|not\s+(?:be\s+)?(?:a\s+)?candidates?\s+for|(?:medically\s+)?(?:unsuitable|not\s+(?:being\s+)?suitable)\s+for|not\s+amenable\s+to|contra-?indications?\s+to)`;
/**
 * Standard therapy had, as one route of a list ("Must have received, be not eligible or decline
 * standard of care therapy"). "Received and progressed on" is the failed route's.
 */
const RECEIVED_ROUTE = String.raw`(?:(?:received|completed)(?!\s+and\b))`;
const INELIGIBLE_ROUTE = String.raw`(?:(?:(?:be|is|are|being|considered|deemed)\s+)?${INELIGIBLE_CORE})`;
/**
 * A route said without its preposition, which the next route of its list carries: "refractory or
 * intolerant to standard therapy", "failed or been intolerant to", "failure or intolerance of",
 * "be not eligible or decline standard of care therapy". "Failed", "refused" and "declined" need no
 * preposition and are routes as they stand.
 */
const FAILED_BARE = String.raw`(?:refractory|resistant|unresponsive|non-?responsive|progressed|relapsed|recurred|failure|fail)`;
const INTOLERANT_BARE = String.raw`(?:intoleran(?:t|ce)|intolerable|intolerability)`;
const INELIGIBLE_BARE = String.raw`(?:not\s+(?:be\s+)?eligible|ineligible|ineligibility|(?:medically\s+)?unsuitable)`;
/**
 * The later routes of a list. Each wording has one reading here (the verbs before a route are the
 * link's, a bare route word is not also a route), so that a long run of route words that never
 * reaches standard therapy fails in linear time.
 */
const LATER_ROUTE = `(?:${FAILED_ROUTE}|${INTOLERANT_ROUTE}|${DECLINED_ROUTE}|${INELIGIBLE_CORE}|${RECEIVED_ROUTE})`;
const LATER_BARE = `(?:${FAILED_BARE}|${INTOLERANT_BARE}|${INELIGIBLE_BARE})`;
/** What joins routes of one list: "failed, are intolerant to, or refuse", "progressed on, or is intolerant to". */
const ROUTE_LINK = String.raw`(?:\s*,\s*|\s+)(?:(?:or|and\/or|and)\s+)?(?:(?:is|are|be|being|has|have|had|been|become|became|would|who|otherwise|considered|deemed|patient|patients|subject|subjects|participant|participants)\s+){0,3}`;
/** The later routes of a list, up to the object they share: ", is intolerant of, or is ineligible for standard therapies". */
const ROUTES_TO_OBJECT = String.raw`(?:${ROUTE_LINK}(?:${LATER_ROUTE}|${LATER_BARE}(?=${ROUTE_LINK})))*${ROUTE_LINK}${LATER_ROUTE}\s*,?\s+${STANDARD_OBJECT}`;

/**
 * Routes said after their object, which opens the list: "for which standard of care has failed or is
 * not tolerated", "for whom standard therapy is currently unsuitable", "for which standard curative
 * therapies do not exist or are no longer effective or have intolerable toxicities". The first route
 * holds the object; a later one shares it, and is tested back to it once it has matched.
 */
const OBJECT_LEAD = String.raw`\bfor\s+(?:which|whom)\s+${STANDARD_OBJECT}\s+`;
const FAILED_AFTER = String.raw`(?:(?:has|have)\s+failed|(?:is|are)\s+no\s+longer\s+effective|no\s+longer\s+provides?\s+(?:any\s+)?(?:clinical\s+)?benefit)\b`;
const INTOLERANT_AFTER = String.raw`(?:(?:is|are)\s+not\s+tolerated|(?:has|have)\s+intolerable\s+toxicit(?:y|ies))\b`;
const INELIGIBLE_AFTER = String.raw`(?:(?:is|are)\s+(?:currently\s+|medically\s+)?(?:unsuitable|not\s+suitable))\b`;
/** The routes after the object, and its absence ("do not exist"), which the no-standard statement reads. */
const ANY_AFTER = String.raw`(?:${FAILED_AFTER}|${INTOLERANT_AFTER}|${INELIGIBLE_AFTER}|do(?:es)?\s+not\s+exist\b)`;
const objectFirst = (after: string): string =>
  String.raw`${OBJECT_LEAD}${after}|${after}(?<=${OBJECT_LEAD}(?:${ANY_AFTER}(?:\s*,\s*|\s+)(?:or\s+)?)+${after})`;

/** A route whose object is standard therapy, said after it or after the later routes of its list, or before it. */
const routeAnchor = (route: string, bare?: string, after?: string): RegExp =>
  new RegExp(
    String.raw`\b(?:${route}(?:(?=${ROUTES_TO_OBJECT})|\s*,?\s+${STANDARD_OBJECT})${bare ? String.raw`|${bare}\b(?=${ROUTES_TO_OBJECT})` : ''})${after ? `|${objectFirst(after)}` : ''}`,
    'i',
  );

const STANDARD_ROUTES = {
  standard_therapy_failed: routeAnchor(FAILED_ROUTE, FAILED_BARE, FAILED_AFTER),
  standard_therapy_intolerant: routeAnchor(INTOLERANT_ROUTE, INTOLERANT_BARE, INTOLERANT_AFTER),
  standard_therapy_declined: routeAnchor(DECLINED_ROUTE),
  standard_therapy_ineligible: routeAnchor(INELIGIBLE_ROUTE, INELIGIBLE_BARE, INELIGIBLE_AFTER),
  standard_therapy_received: routeAnchor(RECEIVED_ROUTE),
};
const ANY_STANDARD_ROUTE = new RegExp(Object.values(STANDARD_ROUTES).map((r) => r.source).join('|'), 'gi');
// The routes' matches, the pattern tried only where a route can start (regex-prefilter.ts startsAt):
// run at every position, the pattern, too large for native code, was the parser's costliest scan.
const allRoutes = startsAt(ANY_STANDARD_ROUTE) ?? ((text: string): RegExpExecArray[] => [...text.matchAll(ANY_STANDARD_ROUTE)]);

/**
 * Any route to prior therapy or another alternative: "failed standard therapy, or for whom no standard
 * therapy exists" has two. Tested on the sentence once the routes read here are taken out, so that
 * an alternative no statement reads ("or are no longer effective", "or received …") keeps the whole
 * list unread: read without it, the list would exclude the patients it admits.
 */
const OTHER_ROUTE =
  /\b(?:progress\w*|refractory|relaps\w*|recurr\w*|intoleran\w*|intolerable|tolerat\w*|failed|failure|refus\w*|declin\w*|ineligible|(?:not|in)\s*eligible|not\s+(?:eligible|a\s+candidate|candidates|suitable|amenable)|unsuitable|contra-?indicat\w*|unable|unwilling|received|receiving|completed|resistant|benefit)\b|\bor\s+(?:(?:in|for)\s+)?(?:patients?|participants?|subjects?|those|whom|who|which)\b(?!\s+(?:(?:is|are|has|have|had|be|been|who|the|participants?|patients?|subjects?)\s+){0,3}\uE000)|\bor\s+(?:(?:are|is)\s+)?no\s+longer\b|\bor\s+(?:in\s+)?(?:the\s+)?(?:opinion|judge?ment)\b/i;

/**
 * The disease's own state, required beside the list ("must have recurrent/progressing and/or
 * refractory solid tumors and must have received or not be eligible for …"): the disease readers'
 * words, no route of the list, also with its subtypes in parentheses ("Relapsed refractory lymphoma
 * (high grade and low grade B-NHL, …), which is not amenable to standard of care, …"). Not when it is
 * itself offered as an alternative ("refractory disease, or …", "refractory disease (…) or …").
 */
const DISEASE_STATE =
  /\b(?:relapsed|refractory|recurrent|progressing|progressive)(?:(?:\s*(?:\/|,|\band\/or\b|\bor\b|\band\b)\s*|\s+)(?:relapsed|refractory|recurrent|progressing|progressive))*\s+(?:(?:advanced|metastatic|solid|malignant|locally|and|or|\/)\s+){0,4}(?:tumou?rs?|malignanc(?:y|ies)|cancers?|neoplasms?|disease|conditions?|lymphomas?|leukemias?|leukaemias?|myelomas?)\b(?!\s*(?:\([^()]{0,120}\)\s*)?,?\s*(?:or|and\/or|to|after|on|despite|following|during|while|through)\b|\s*\((?![^()]{0,120}\)))/gi;

/**
 * What may stand between an "or" and the route it leads to ("or become intolerant of", "or the
 * subject has been assessed by the Investigator as not being suitable for"), or the study's delegate
 * ("the PI or delegate").
 */
const OR_TO_ROUTE =
  /^(?:\s*,\s*|\s+)(?:(?:is|are|be|been|being|become|became|has|have|had|who|would|will|patients?|subjects?|participants?|those|the|in|for|whom|which|there|disease|a|an)\s+)*(?:(?:assessed|judged|deemed|considered)\s+(?:by\s+(?:the\s+)?(?:treating\s+)?(?:investigators?|physicians?)\s+)?as\s+)?\uE000|^\s+(?:(?:his|her|their|a)\s+)?(?:delegate|designee)\b/i;

/** The lead-in of the no-standard alternative of a list: "or for whom there is", "or for which". */
const NO_STANDARD_LEAD = String.raw`(?:\b(?:or|and\/or)\s+)?(?:(?:in|for)\s+)?(?:(?:patients?|participants?|subjects?|those)\s+)?(?:(?:whom|which|who)\s+)?(?:(?:have|has)\s+)?(?:there\s+(?:is|are)\s+)?`;
const NO_STANDARD_LIST = new RegExp(`${NO_STANDARD_LEAD}(?:${NO_STANDARD_ANCHOR.source})`, 'gi');

/** A second group of patients or a cohort label: "as well as patients with", "or patients who", "Part 1a:". */
const OTHER_GROUP =
  /\bas\s+well\s+as\b|(?:\bor|,)\s+(?:(?:in|for)\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who|whose|whom|having)\b|^[^:]{0,80}:\s|;\s*(?:or|and)\b/i;

/** "or patients who are" right before a route read here (its place taken by \uE000). */
const ROUTE_SUBJECT_AGAIN =
  /\bor\s+(?:patients?|participants?|subjects?|those)\s+who\s+(?:(?:are|is|have|has|had|been|be|were|was)\s+){0,3}(?=\uE000)/gi;

/**
 * The routes read here, and the no-standard alternative, taken out of the sentence: what is left must
 * name no other route. Nor may any of the routes be negated ("intolerant of, refuses, or is not
 * eligible for …" puts the first two in the scope of the last one's "not", "cannot tolerate …,
 * refused …" the second in the first one's): the statement reader drops a negated route, which would
 * leave the others required alone.
 */
// Each route topic and the no-standard topic ask the same question of the same sentence: asked once.
const routesRead = new WeakMap<ExtractInput, Map<string, boolean>>();
function onlyReadRoutes(input: ExtractInput, sentence: string): boolean {
  let known = routesRead.get(input);
  if (!known) routesRead.set(input, (known = new Map()));
  let read = known.get(sentence);
  if (read === undefined) known.set(sentence, (read = onlyReadRoutesOnce(input, sentence)));
  return read;
}
/**
 * A post-negation that is itself the ineligible route of the list ("intolerant of, refuses, or is not
 * eligible for standard therapy"): "is not eligible" says what the route says, and negates neither it
 * nor the routes before it. So are the negations inside any other route or the no-standard
 * alternative ("cannot tolerate standard of care therapy, refused …", "has not shown clinically
 * meaningful benefit to standard therapy, has declined …", "standard curative measures do not
 * exist, or have failed …"): each is one route's own words, not a negation of the next route.
 */
const INELIGIBLE_AT = new RegExp(STANDARD_ROUTES.standard_therapy_ineligible.source, 'iy');
const OWN_ROUTE_WORDS = new RegExp(`${ANY_STANDARD_ROUTE.source}|${NO_STANDARD_ANCHOR.source}`, 'gi');
const allOwnRouteWords = startsAt(OWN_ROUTE_WORDS) ?? ((text: string): RegExpExecArray[] => [...text.matchAll(OWN_ROUTE_WORDS)]);
const ownRouteSpans = new WeakMap<ExtractInput, [number, number][]>();
const NO_STANDARD_ALL = new RegExp(NO_STANDARD_ANCHOR.source, 'gi');
/**
 * The matches of OWN_ROUTE_WORDS in the text. A text without the literals one of which every route
 * holds (ROUTE_GATES) can match only through the pattern's last alternative, the no-standard anchor,
 * and the far smaller pattern alone finds the same matches; a text without the anchor's literals too
 * has none.
 */
function ownRouteWords(text: string): RegExpExecArray[] {
  if (ROUTE_GATES.every((g) => g.test(text))) return allOwnRouteWords(text);
  return NO_STANDARD_GATES.every((g) => g.test(text)) ? [...text.matchAll(NO_STANDARD_ALL)] : [];
}
function routeNegation(input: ExtractInput, trigger: [number, number]): boolean {
  INELIGIBLE_AT.lastIndex = trigger[0];
  const m = INELIGIBLE_AT.exec(input.text);
  if (m !== null && m.index + m[0].length >= trigger[1]) return true;
  let spans = ownRouteSpans.get(input);
  if (!spans) ownRouteSpans.set(input, (spans = ownRouteWords(input.text).map((r) => [r.index, r.index + r[0].length])));
  // The trigger may begin on the route's auxiliary ("has not" before "not shown … benefit to").
  return spans.some(([a, b]) => a < trigger[1] && trigger[1] <= b);
}

// The routes' matches in a sentence are asked for by the statements, by standardStatementsRead (for
// every sentence group of therapy-standard.ts that overlaps the sentence) and by the list's own
// checks below, each a scan of the sentence with the parser's largest pattern: found once per
// criterion and sentence. A sentence without the literals one of which every route holds (ROUTE_GATES,
// regex-prefilter.ts) has none, and is not scanned.
const routeMatchesRead = new WeakMap<ExtractInput, Map<string, RegExpExecArray[]>>();
function routeMatches(input: ExtractInput, sentence: string): RegExpExecArray[] {
  let known = routeMatchesRead.get(input);
  if (!known) routeMatchesRead.set(input, (known = new Map()));
  let found = known.get(sentence);
  if (!found) known.set(sentence, (found = ROUTE_GATES.every((g) => g.test(sentence)) ? allRoutes(sentence) : []));
  return found;
}

/** `text.replace(re, by)` for a global `re` whose matches in `text` are `matches`, and a `by` without "$". */
function spliced(text: string, matches: RegExpExecArray[], by: string): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.index) + by;
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}

function onlyReadRoutesOnce(input: ExtractInput, sentence: string): boolean {
  const at = Math.max(0, input.text.indexOf(sentence));
  const routes = routeMatches(input, sentence);
  if (routes.some((m) => negatedAt(input, at + m.index, (t) => routeNegation(input, t)))) return false;
  // A list left open ("… through standard therapy, or") goes on in the next criterion; one ending
  // "etc." has alternatives it does not name.
  if (/\b(?:or|and|and\/or)\W*$/i.test(sentence) || /\betc\b/i.test(sentence)) return false;
  // A slash just before the list ("relapsed/refractory after standard therapy") would join what is
  // read before it to the routes as an "or".
  if (routes.length && /\/\s*(?:[\w-]+\W+){0,2}$/.test(sentence.slice(0, routes[0]!.index))) return false;
  // A list carried across sentences ("… no standard therapy exist; or be intolerant of standard
  // therapy") is one list, which one sentence alone does not hold.
  if (/^\W*(?:or|and\/or)\b/i.test(sentence) || /^[\s;,.:]*(?:or|and\/or)\b/i.test(input.text.slice(at + sentence.length))) return false;
  // Another group of patients before the routes ("…, as well as patients with cutaneous neoplasms …
  // that have failed standard therapy", "Part 1a: …"): the assembler, which joins "and" before "or",
  // would bind the routes to every group. A criterion that opens by restricting itself to one
  // subgroup ("Part A only: …") is bound to that subgroup as a whole (subgroups.ts), so its label is
  // no other group.
  const opening = openingSubgroup(input.text);
  const unlabel = (t: string): string => {
    const bare = t.replace(/^\W*/, '');
    return opening && bare.startsWith(opening) ? bare.slice(opening.length).replace(/^[\s:,)\-–]*/, '') : t;
  };
  // "… for whom no approved therapy … is available or patients who are intolerant or have declined
  // standard therapy": patients named again only to lead into a route of the list are no other group.
  const unlabelled = unlabel(sentence);
  const sameGroup = (unlabelled === sentence ? spliced(sentence, routes, ' \uE000 ') : unlabelled.replace(ANY_STANDARD_ROUTE, ' \uE000 ')).replace(ROUTE_SUBJECT_AGAIN, ' ');
  if (OTHER_GROUP.test(unlabel(input.text.slice(0, at))) || OTHER_GROUP.test(sameGroup.replace(/\uE000/g, ' '))) return false;
  // A cohort named in parentheses ("… intolerant to standard therapy (Part 4)") is whom the list is
  // for, which the routes read here would not be scoped to.
  if (/\(\s*(?:parts?|cohorts?|arms?|phases?|groups?)\s*[\dIVX]/i.test(input.text)) return false;
  // Standard therapy had is a requirement of inclusion only, and only as the criterion states it: not
  // within a window ("received standard therapy within 4 weeks"), and not as a permission ("may have
  // received").
  if (
    STANDARD_ROUTES.standard_therapy_received.test(sentence) &&
    (input.kind === 'exclusion' || /\bwithin\b|\b(?:days?|weeks?|months?)\b|\b(?:may|can|could)\s+(?:also\s+)?have\b/i.test(sentence))
  )
    return false;
  // "Such therapy" refers back to the standard therapy of an earlier alternative, which must be there.
  const noStandardAt = sentence.search(NO_STANDARD_ANCHOR);
  if (routes.length && SUCH_FIRST.test(routes[0]![0]) && (noStandardAt < 0 || noStandardAt > routes[0]!.index)) return false;
  const rest = spliced(sentence, routes, ' \uE000 ').replace(NO_STANDARD_LIST, ' \uE000 ').replace(DISEASE_STATE, ' ');
  if (OTHER_ROUTE.test(rest)) return false;
  // Routes joined by "and", or each required in its own clause ("Refractory or intolerant to standard
  // therapies, must have received the standard of care therapy"), are all required, not alternatives.
  const placeholders = rest.split('\uE000');
  if (placeholders.slice(1, -1).some((gap) => /\b(?:must|should|shall|and)\b(?!\s*\/\s*or\b)/i.test(gap))) return false;
  // Nor may the first route be the second alternative of one the statements do not read ("Treatment
  // naive or have received prior standard therapy").
  const first0 = rest.indexOf('\uE000');
  if (first0 >= 0 && /\b(?:or|and\/or)\s+(?:(?:have|has|had|be|been|being|is|are|was|were|who|that|which|whose|disease|patients?|subjects?|participants?)\s+){0,3}$/i.test(rest.slice(0, first0)))
    return false;
  // After the first route, each "or" must lead to another route read here: "… standard treatments
  // (Part 1) or 1-2 prior systemic therapies (Part 2)" offers an alternative no statement reads.
  const first = routes.length ? rest.indexOf('\uE000') : rest.length;
  for (const m of rest.slice(first).matchAll(/\bor\b/gi))
    if (!OR_TO_ROUTE.test(rest.slice(first + m.index + m[0].length))) return false;
  // Two routes or more are the alternatives of one list, read as one finding (Statement.group), so
  // what is read before or after the list binds to the whole list ("advanced solid tumours that have
  // progressed despite standard therapy, or for which no standard therapy exists").
  return true;
}

// Most sentences name no route. The routes' pattern is the largest of the parser (over 60,000
// characters, too large for V8 to compile to native code), so it is built once, and sentences are
// first tested for the words one of which every route holds (regex-prefilter.ts: "received",
// "refused", "progressed", "intolerant"… some sixty), a test far cheaper than the pattern
// (routeMatches). The gates are derived from a copy with the pattern's case folding only.
const ROUTE_GATES = prefilterFor(new RegExp(ANY_STANDARD_ROUTE.source, 'i'), 100);
const NO_STANDARD_GATES = prefilterFor(NO_STANDARD_ANCHOR);
const mayMatch = (gates: RegExp[], re: RegExp, text: string): boolean => gates.every((g) => g.test(text)) && re.test(text);
// therapy-standard.ts asks again for each sentence group overlapping the sentence: answered once per
// criterion and sentence.
const statementsRead = new WeakMap<ExtractInput, Map<string, boolean>>();
/**
 * Whether the standard-therapy statements read the sentence (a route or no standard therapy, every
 * alternative of its list one of theirs): therapy-standard.ts, which reads the routes the record can
 * show in the forms these statements leave unread, leaves such a sentence to them.
 */
export function standardStatementsRead(input: ExtractInput, sentence: string): boolean {
  let known = statementsRead.get(input);
  if (!known) statementsRead.set(input, (known = new Map()));
  let read = known.get(sentence);
  if (read === undefined) known.set(sentence, (read = standardStatementsReadOnce(input, sentence)));
  return read;
}
function standardStatementsReadOnce(input: ExtractInput, sentence: string): boolean {
  if (!routeMatches(input, sentence).length && !mayMatch(NO_STANDARD_GATES, NO_STANDARD_ANCHOR, sentence)) return false;
  return !PERMISSION.test(sentence) && onlyReadRoutes(input, sentence);
}

/**
 * Words a standard-therapy route may be surrounded by: the object's own qualifiers only. The
 * patient and the verbs ("who have", "are", "is") are filler, and neither they nor "or" are taken,
 * so that the routes of one list stay apart and join as the list says. A route's own verb is taken
 * where filler does not hold it ("or become intolerant of"), and so is the second word of the
 * received route ("received, completed, or …"), which one finding per route reads once.
 */
const STANDARD_ROUTE_WORDS = vocab(
  'standard of care soc therapy therapies treatment treatments regimen regimens systemic anticancer anti cancer antineoplastic ' +
    'neoplastic available appropriate approved conventional established accepted indicated existing all any prior previous ' +
    'previously their for known expected likely to provide confer offer improve prolong clinical clinically benefit meaningful ' +
    'significant survival completed become became',
);

/** One route of standard therapy exhausted, read only when every alternative of its sentence is one read here. */
const standardRoute = (topic: keyof typeof STANDARD_ROUTES, gate: RegExp): Statement => ({
  topic,
  category: 'prior_therapy',
  gate,
  anchor: STANDARD_ROUTES[topic],
  // "Patients who refuse standard of care chemotherapy will be eligible": a permission for some
  // patients, not a requirement of all.
  reject: PERMISSION,
  applies: (input, sentence) => onlyReadRoutes(input, sentence),
  polarity: 'requirement',
  plainInExclusion: true,
  words: STANDARD_ROUTE_WORDS,
  group: 'standard_therapy_exhausted',
  ownNegation: routeNegation,
});

/**
 * Words around the no-standard statement. The treatment nouns are the anchor's own and are left out,
 * and so are "or" and "and", so that the run back from "or for which no standard therapy exists"
 * stops at the route before it ("progressed despite standard therapy"), the run on from "No standard
 * treatment existed, or the participant refused …" stops before the next, and the two join with
 * their "or".
 */
const NO_STANDARD_WORDS = new Set(
  [
    ...vocab(
      STATEMENT_COMMON,
      'no other further remaining available known established approved effective proven satisfactory appropriate ' +
        'exist exists existed do does did not would confer clinical clinically benefit there for whom which disease tumor tumour cancer ' +
        'malignancy locally accepted adequate acceptable of care soc expected likely provide offer improve prolong meaningful significant ' +
        'survival outcome proven efficacy',
    ),
  ].filter((w) => !/^(?:treatments?|therap(?:y|ies)|or|and|nor)$/.test(w)),
);

/**
 * Medicines the protocol does not allow, not named in the criterion: "Current use of any prohibited
 * concomitant medications", "Subjects taking prohibited medications as described in study protocol".
 * The list is the protocol's (ICH E6(R2) 6.5), so the study team answers it with the patient's
 * medicine list. Willingness to stop them is medication_rules (history-attest.ts).
 */
const PROHIBITED_ANCHOR =
  /\b(?:(?:protocol|regimen|study)[\s-])?prohibited\s+(?:(?:concomitant|concurrent|other)\s+)?(?:medications?|medicines?|drugs?|therap(?:y|ies)|treatments?)(?:\(s\))?/i;

const PROHIBITED_WORDS = vocab(
  STATEMENT_COMMON,
  'current currently use using taking take takes treatment with concurrent concomitant any other prohibited protocol regimen study ' +
    'medication medications medicine medicines drug drugs therapy therapies s as described defined listed specified in per see section ' +
    'appendix anticipated requirement need needed during',
);

/**
 * A severe (CTCAE grade 3 or higher) immune-related adverse event on earlier immunotherapy: "Grade ≥3
 * immune-related adverse events (irAEs)", "experienced Grade 3 or higher irAEs with prior
 * immunotherapy", "any irAE of Grade ≥3", "high-grade (grade 3 or 4 by CTCAE criteria) immune related
 * adverse events". Grade 3 or 4 is grade 3 or higher in a living patient (grade 5 is death, CTCAE
 * v5.0). Another threshold ("greater than grade 3", "grade 2 or higher", "grade 4") is not this
 * question, nor are irAEs of some organs only ("major organ irAEs") or those still present.
 */
const IRAE = String.raw`(?:immune[\s-]+related\s+(?:adverse\s+(?:events?|reactions?|effects?)|toxicit(?:y|ies))(?:\s*\((?:irAEs?|iRAEs?|IRAEs?|irAE's)\))?|irAEs?|irAE's)`;
const GRADE_3_UP = String.raw`(?:(?:CTCAE\s+|NCI\s+CTCAE\s+(?:v?\d(?:\.\d)?\s+)?)?grade\s*(?:(?:≥|>=|=>)\s*(?:grade\s*)?3|3\s*\+|3\s+or\s+(?:higher|greater|above|more|4)|3\s*(?:-|–|to)\s*4|III\s*(?:-|–|or)\s*IV)(?!\s*(?:\d|or|-|–|to)\b)|high[\s-]grade\s*\(\s*grade\s+3\s+or\s+4(?:\s+by\s+CTCAE(?:\s+criteria)?)?\s*\))`;
const SEVERE_IRAE_ANCHOR = new RegExp(
  String.raw`\b(?:${GRADE_3_UP}\s+${IRAE}|${IRAE}\s+(?:of\s+|with\s+(?:a\s+)?)?${GRADE_3_UP})`,
  'i',
);

/**
 * What narrows the question or lets some patients in, anywhere in the criterion: an exception ("except
 * for thyroid function abnormalities", "Note: … are eligible"), a permission ("may be enrolled with
 * Medical Monitor approval"), the investigator's weighing, irAEs that led to discontinuation, or a
 * window ("within 3 weeks prior to …"). Read alone, the irAE would exclude patients the criterion admits.
 */
const IRAE_NARROWER =
  /\b(?:except\w*|exclud\w*|exception|other\s+than|apart\s+from|unless|provided|not\s+exclusionary|(?:is|are)\s+(?:also\s+)?eligible|(?:may|can|will)\s+(?:still\s+)?be\s+(?:enrolled|eligible|included|allowed|permitted|considered)|approval|cleared|discussed|opinion|judge?ment|preclud\w*|discontinu\w*|(?:lead|leads|led|leading)\s+to|within|resum\w*|retreat\w*|revert\w*|recover\w*|resolv\w*|stable|stabili[sz]\w*)\b/i;

/** A second group of patients, to the end of its sentence: "or who discontinue immunotherapy …". */
const OTHER_WHO = /\bor\s+(?:(?:those|patients?|participants?|subjects?)\s+)?who\b[^.;]*/gi;

const SEVERE_IRAE_WORDS = vocab(
  STATEMENT_COMMON,
  'grade grades or higher greater above more high ctcae nci criteria by immune related adverse event events reaction reactions ' +
    'effect effects toxicity toxicities irae iraes any experienced experience occurred occurrence developed with from on during ' +
    'following after prior previous immunotherapy immunotherapies immune checkpoint inhibitor inhibitors blockade ici icis io therapy',
);

export const JUDGEMENT_STATEMENTS: Statement[] = [
  {
    topic: 'investigator_concern',
    category: 'other',
    gate: /opinion|judg|discretion|deem|consider|believ|feel|confound|suitab|inappropriate|interest|reason|interfer|affect|compromis|jeopardi|preclud|prohibit|prevent|unacceptabl|investigator|physician|risk|difficult|impair|impossib|incompatib|unfavou?rabl|contra-?indicat/i,
    // The harm may be said with the verb's -ing form and a short list before what it harms ("condition
    // making the research process impossible", "condition impairing participant's ability to receive,
    // tolerate, or comply with …"), or with a second subject set between commas ("could interfere
    // with, or for which the treatment might interfere with, the conduct of the study"); a condition
    // that harms the absorption of a research product is the oral-absorption question, not this one.
    anchor:
      /\b(?:(?:in|per|according\s+to|based\s+on)\s+(?:the\s+)?(?:opinion|judge?ment|view|discretion)(?:\s+of)?|at\s+the\s+discretion(?:\s+of)?|(?:in|per|according\s+to|based\s+on|by)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:investigator|physician|doctor)s?(?:'s|’s|s')?(?:\s+(?:or|and|and\/or)\s+(?:the\s+)?(?:sponsor|medical\s+monitor)(?:'s|’s|s')?)?\s+(?:opinion|judge?ment|view|assessment|discretion|decision)|according\s+to\s+(?:the\s+)?investigators?\b|(?:as\s+)?(?:judged|deemed|determined|assessed|assesed|considered)\s+(?:by\s+)?(?:the\s+)?(?:\w+\s+)?(?:investigators?|physician|study\s+doctor)|(?:deemed|considered|judged)\s+(?:unsuitable|inappropriate|not\s+(?:suitable|appropriate))\s+(?:for\s+(?:\w+\s+){1,3}?)?by\s+(?:the\s+)?investigators?|(?:not\s+suitable|unsuitable|inappropriate)\s+for\s+\w+\s+(?:assess?ed|judged|determined)\s+by\s+(?:the\s+)?investigators?|^\W*(?:the\s+)?researchers?\s+(?:believes?|thinks?)\b|(?:investigator|physician)s?\s+(?:\w+\s+){0,2}(?:considers?|believes?|feels?|deems?|judges?|decides?|has\s+(?:a\s+)?(?:clear\s+)?reason)|might\s+confound\s+the\s+results|decision\s+of\s+unsuitab\w+|(?:conditions?|circumstances?|reasons?|disorders?|diseases?|illness(?:es)?|abnormalit(?:y|ies)|issues?)(?:\s+(?:in|of|on)\s+[\w-]+(?:\s+[\w-]+){0,2}?(?=\s+(?:that|which)\b))?(?:\s*\([^()]{1,60}\))?\s*,?\s+(?:(?:that|which)\s+)?(?:\w+\s+){0,2}?(?:(?:(?:interfere|compromise|confound|jeopardi[sz]e|preclude|prohibit|make|render|affect|prevent|put)(?:s|d|ed)?|(?:interfer|compromis|confound|jeopardi[sz]|preclud|prohibit|mak|render|affect|prevent|putt|impair)ing|unfavou?rable\s+(?:for|to))(?:\s+with\s*,\s*(?:or|and)\s+[^,.;]{1,60}?,)?\s+(?:(?!absor)[\w'’-]+,?\s+){0,6}?(?:study|trial|research(?!\s+(?:products?|drugs?|agents?|medications?|treatments?)\b)|participation|participate|participating|results|data|conduct|inappropriate|unsuitable|ineligible|compliance|comply|safety|unacceptable\s+risk|(?<=\b(?:preclud\w*|prevent\w*)\s+)treatment\s+with\s+(?:any\s+of\s+)?the\s+(?:study\s+|trial\s+|protocol\s+)?(?:treatments?|therap(?:y|ies)|regimens?|drugs?)|(?<=\b(?:preclud\w*|prevent\w*)\s+)treatment\s+with\s+(?:any\s+of\s+)?the\s+(?:study\s+|trial\s+|protocol\s+)?treatment\s+regimens?)|increases?\s+(?:the\s+)?risks?\s+(?:associated\s+with|of|for|to|in)\s+(?:[\w'’-]+\s+){0,3}?(?:study|trial|participat\w*|research))\b|(?:conditions?|circumstances?|reasons?)\s+(?:that|which)\s+(?:is|are|would\s+be)\s+not\s+in\s+the\s+(?:\w+\s+)?best\s+interests?|(?:conditions?|diseases?|findings?)\s+(?:that|which)\s+contra-?indicate[sd]?\s+(?:the\s+)?(?:use\s+(?:of\s+)?)?(?:an?\s+|the\s+)?(?:investigational|study)\s+(?:drugs?|products?|agents?|treatments?|medications?)|(?:conditions?|diseases?|findings?)\s+(?:that|which)\s+contra-?indicate[sd]?\s+the\s+use\s+(?:of\s+)?(?=[A-Za-z])|(?:conditions?|diseases?|illness(?:es)?|disorders?)\s+(?:(?:that|which)\s+)?(?:[\w-]+\s+){0,4}?(?:is|are|be)\s+incompatible\s+with\s+(?:the\s+)?(?:study|trial|protocol))/i,
    // The catch-all excludes for a reason of harm or interference.
    needs:
      /\b(?:interfer\w*|compromis\w*|confound\w*|jeopardi[sz]\w*|preclud\w*|unsuitab\w*|inappropriate|not\s+(?:be\s+)?(?:suitable|appropriate|in\s+the\s+best\s+interest|a\s+good\s+candidate|eligible)|not\s+make\s+(?:the\s+)?(?:\w+\s+)?a\s+good\s+candidate|best\s+interest|unacceptabl\w*|unfavou?rabl\w*|risk|unsafe|safety|detrimental|contraindicat\w*|undesirable|harmful|incompatible|ineligib\w*|impair\w*|obscure|hamper|affect\w*|prohibit\w*|preventing\s+participation|impossib\w*|non-?complian\w*|difficult|(?<=\bany\s+other\s+(?:[\w,/-]+\s+){0,5})reasons?(?=\s+(?:as\s+)?(?:determined|judged|deemed|assessed)\s+by)|(?:should|must|would)\s+not\s+(?:be\s+)?(?:participat\w*|enrol\w*|included)|may\s+be\s+excluded)\b/i,
    applies: (_input, sentence) => GENERIC_SUBJECT.test(sentence),
    polarity: 'event',
    words: JUDGEMENT_WORDS,
  },
  {
    topic: 'protocol_criteria_met',
    category: 'other',
    gate: /criteri|eligibility/i,
    // Also the criteria of a master protocol the study's arm sits under ("must fulfil the eligibility
    // criteria within the DETERMINE master protocol"), and those of an earlier registration step the
    // patient must still meet ("must continue to meet eligibility for step 1 registration").
    anchor:
      /\b(?:(?:fulfil{1,2}s?|fulfil{1,2}ing|meets?|meeting|satisf(?:y|ies))\s+(?:all\s+)?(?:the\s+)?(?:eligibility|inclusion)(?:\s+(?:and\s+exclusion\s+)?criteria)?\s+(?:with)?in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?master\s+protocol|continue\s+to\s+meet\s+(?:all\s+)?(?:the\s+)?eligibility(?:\s+criteria)?\s+for\s+step\s+\d\s+registration|(?:all\s+)?(?:other|additional|further|remaining)\s+(?:protocol[\s-](?:defined|specific|specified)\s+)?(?:(?:inclusion|exclusion|eligibility)\s*(?:(?:\/|and|or|and\/or)?\s*(?:inclusion|exclusion)\s*)?)?criteria\s+(?:(?:may|will|also|must|could|should|might|can|shall)\s+)*(?:apply|applies|exist|be\s+met|(?:are|is)\s+(?:specified|described|detailed|listed|outlined|defined)\s+in\s+the\s+(?:study\s+)?protocol)|protocol[\s-](?:defined|specific|specified)\s+(?:(?:inclusion|exclusion|eligibility)\s*(?:(?:\/|and|or|and\/or)?\s*(?:inclusion|exclusion)\s*)?)?criteria)\b/i,
    // "(unless meeting protocol-specific criteria)": an exemption from another requirement.
    reject: /\b(?:unless|except|provided|if)\b[^.;]{0,30}\bprotocol/i,
    polarity: 'requirement',
    restated: true,
    words: PROTOCOL_WORDS,
  },
  {
    topic: 'adequate_organ_function',
    category: 'labs',
    gate: /adequate|sufficient|satisfactory|acceptable|normal|appropriate|good|abnormal|impaired|poor|required|parameters|following|insufficien|failure|dysfunction|\bmeet|out[\s-]of[\s-]range/i,
    // "Adequate selected organ function per protocol", "Good organ function", "sufficient hematology
    // and organ functions", "adequate cardiac, liver, lung, and kidney organ function". Impairment is
    // read only of organ function in general ("Abnormal organ function"): impaired cardiac or renal
    // function is a condition the conditions reader weighs; the failure of the major organs together
    // ("Insufficiency or failure of major organs", "major organ dysfunction") is organ function in
    // general. A lead-in to the protocol's lab panel ("Patients must meet the following laboratory
    // values …:", "The level of organ function must meet the following requirements:", "Key laboratory
    // tests must … meet the inclusion criteria:") is this requirement; what else it adds (no growth
    // factors or transfusions, when the tests are done) is left to its own words. Laboratory values
    // stated as abnormal or out of range ("Out of range laboratory values", "Participants with
    // out-of-range screening laboratory values as defined below") are this requirement lacking:
    // not when a qualifier narrows them ("clinically significant abnormal laboratory values", "…
    // results that may interfere"), which says less than inadequate organ function.
    anchor:
      /\b(?:(?<!\b(?:clinically|significant|significantly|relevant|important)\s+)(?:abnormal|out[\s-]of[\s-]range)\s+(?:(?:screening|baseline)\s+)?(?:laboratory|lab)\s+(?:test\s+)?(?:values|results|parameters)\b(?!\s*(?:that|which|who|may|might|could|would|considered|deemed|judged|if|unless|of\s+clinical|not)\b)|(?:in)?(?:adequate|sufficient|satisfactory|acceptable|normal|appropriate|good)\s+(?:(?:selected|baseline|overall)\s+)?(?:(?:end[\s-])?organs?|bone\s+marrow|marrow|hematologic(?:al)?|haematologic(?:al)?|hematology|haematology|hepatic|liver|renal|kidney|cardiac|coagulation|biochemical|laboratory|lab|blood|major\s+organ|organ\s+system)(?:(?:\s*(?:,|and|or|\/|&))+\s*(?:(?:end[\s-])?organ|bone\s+marrow|marrow|hematologic(?:al)?|haematologic(?:al)?|hematology|haematology|hepatic|liver|renal|kidney|coagulation|biochemical|cardiac|pulmonary|lung|laboratory|lab|blood))*(?:\s+organs?)?\s+(?:functions?|reserve|parameters|indices|values|status)|(?:abnormal|impaired|poor)\s+(?:(?:end[\s-]|major\s+)?organs?)\s+functions?|(?:laboratory|lab)\s+(?:test\s+)?(?:results|values|parameters)\s+(?:(?:are|is)\s+)?within\s+(?:the\s+)?(?:required|acceptable|protocol[\s-](?:defined|specified|required)|specified)\s+(?:parameters|limits|ranges?)|adequate\s+safety\s+(?:laboratory|lab)\s+(?:tests|values|results|parameters)|meet\s+(?:the\s+)?(?:various\s+)?(?:(?:hematologic(?:al)?|haematologic(?:al)?|liver|hepatic|renal|kidney|function|and|or)[\s,]+)+(?:lab|laboratory)\s+(?:parameters|requirements|criteria)|(?:laboratory|lab)\s+values\s+demonstrating\s+adequate(?:ly)?\s+function\w*|(?:insufficiency|failure|dysfunction)(?:\s+(?:or|and|and\/or)\s+(?:insufficiency|failure|dysfunction))?\s+of\s+(?:the\s+)?(?:major|vital)\s+organs|(?:major|vital)\s+organ\s+(?:insufficiency|failure|dysfunction)|meet\s+(?:all\s+)?(?:of\s+)?the\s+following\s+(?:laboratory|lab)\s+(?:values|parameters|requirements|criteria)|organ\s+function\s+(?:must|should|shall)\s+meet\s+the\s+following\s+(?:requirements|criteria)|(?:laboratory|lab)\s+tests\s+(?:must|should|shall)\s+[^.;:]{0,60}?\bmeet\s+the\s+(?:following\s+|inclusion\s+)?criteria)\b/i,
    lack: /\b(?:inadequate|insufficient|abnormal|impaired|poor|insufficiency|failure|dysfunction)\b|\bout[\s-]of[\s-]range\b/i,
    // An exception ("major organ dysfunction, with the exception of grade 3 hematologic toxicity")
    // narrows the requirement to what the topic does not ask.
    reject: ORGAN_EXCEPTION,
    // A lead-in for one group ("Patients with liver metastases must meet the following laboratory
    // values:") is that group's panel, not everyone's.
    applies: (input, sentence) =>
      !input.mentions.some((m) => m.type === 'lab') && !(/\bmeet\b/i.test(sentence) && GROUP_LEAD.test(sentence)),
    polarity: 'requirement',
    words: ORGAN_WORDS,
  },
  {
    // "Candidate for surgical resection with curative intent", "Judged medically fit to undergo the
    // planned surgery by the surgical team", "Not fit for surgery, radiotherapy or adjuvant systemic
    // therapy", "Patients who are unable to undergo general anesthesia for any reason".
    topic: 'treatment_candidate',
    category: 'other',
    gate: /candidate|eligible|suitable|fit\b|appropriate|able|ability|indicat|can\s*not/i,
    anchor: TREATMENT_CANDIDATE_ANCHOR,
    after: CARE_OBJECT,
    // "Patients will be eligible for treatment of multiple metastases only if …", "Patients who are
    // candidates to start therapy with capivasertib are eligible for enrollment": permissions.
    reject: new RegExp(`${LINE_OF_THERAPY.source}|${PERMISSION.source}|\\bonly\\s+(?:be\\s+)?eligible\\b|\\b(?:must|should|shall)\\s+not\\b`, 'i'),
    applies: (input, sentence) => {
      const m = TREATMENT_CANDIDATE_ANCHOR.exec(sentence);
      return (
        m !== null &&
        !LESION_SUBJECT.test(sentence.slice(0, m.index)) &&
        !alternativeBefore(input, sentence.slice(0, m.index)) &&
        !modalNegated(input, sentence, m.index)
      );
    },
    // "not eligible for", "not suitable", "not a candidate" are pseudo-negations (rules/negation.json): no scope reads them.
    // "Patients who cannot undergo surgery" says the inability as "unable to" does.
    lack: /\b(?:unfit|ineligible|unsuitable|unable|inability|cannot|can\s+not|contra-?indicat\w*|not\s+(?:eligible\s+(?:for|to)|suitable|(?:a\s+)?candidates?))\b/i,
    // A trigger that takes the verb before them ("are not" in "Patients are not candidates for
    // surgery") is still the lack's own "not": read as a negation too, it would undo the lack and
    // require the candidacy the criterion denies.
    ownNegation: (input, [a]) => CANDIDATE_LACK_AT.test(input.text.slice(a)),
    // "… cannot undergo surgery due to internal or surgical disease": the cause narrows the
    // inability, so it stays beside it as an unparsed leaf under all().
    narrowedInExclusion: /\b(?:due\s+to|because\s+of|owing\s+to|secondary\s+to)\s[^.;]*[^.;\s]/i,
    polarity: 'requirement',
    namesObject: /candidates?$/i,
    plainInExclusion: true,
    words: CARE_WORDS,
    drugs: true,
  },
  {
    // The care team's indication of a treatment said after it (INDICATED_ANCHOR): the same judgement
    // as "indication for X". Read in inclusions only: among exclusions it would name the patients the
    // treatment suits ("patients for whom adjuvant radiotherapy is indicated"), whom no plain subject
    // marks. A condition ("if", "when", "unless"), a denial or a permission is not the requirement.
    topic: 'treatment_candidate',
    category: 'other',
    gate: /indicated/i,
    anchor: INDICATED_ANCHOR,
    reject: new RegExp(`\\b(?:if|when|whenever|where|unless|not|no|never|without)\\b|${PERMISSION.source}`, 'i'),
    applies: (input) => input.kind === 'inclusion',
    polarity: 'requirement',
    namesObject: /indicated$/i,
    words: CARE_WORDS,
    drugs: true,
  },
  {
    // "Planned to be treated with partial or total nephrectomy", "Scheduled for a lumpectomy of a
    // breast tumor", "Participants must be planned or scheduled by their treating physician to receive
    // PD-1 therapy … as standard of care".
    topic: 'planned_treatment',
    category: 'other',
    gate: /plan|schedul|intend|pending|decision|prescri|administered/i,
    anchor: PLANNED_ANCHOR,
    after: CARE_OBJECT,
    // Pregnancy, another trial, or a date counted from the study's own treatment are other questions.
    // A plan made only if the care team finds it needed ("No more than 2 lesions planned for resection
    // if clinically indicated") does not require that one exists.
    applies: (input, sentence) => {
      const m = PLANNED_ANCHOR.exec(sentence);
      return m !== null && !alternativeBefore(input, sentence.slice(0, m.index)) && !modalNegated(input, sentence, m.index);
    },
    reject: /\b(?:will|may|would|could|can)\s+(?:also\s+)?(?:be\s+)?(?:eligible|considered|allowed|included|enrolled)\b|\b(?:prior\s+to|before|after|from|until|since|of)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?planned\b|\bpregnan\w*|\bbreast-?feed\w*|\bstud(?:y|ies)\s+(?:drug|treatment|intervention|therapy)|\binvestigational\b|\b(?:another|other)\s+(?:clinical\s+)?(?:trial|study)\b|\b(?:if|when|where|as)\s+(?:clinically\s+|medically\s+)?(?:indicated|needed|necessary|required|applicable|appropriate)\b|\b(?:is|are)\s+defined\s+as\b/i,
    polarity: 'requirement',
    namesObject: /\s(?:(?:is|are)\s+)?(?:planned|scheduled)$|\b(?:care|practice|management)$/i,
    plainInExclusion: true,
    words: CARE_WORDS,
    drugs: true,
  },
  standardRoute('standard_therapy_failed', /progress|refractory|resistant|relaps|recurr|fail|respon|benefit|longer/i),
  standardRoute('standard_therapy_intolerant', /tolera/i),
  standardRoute('standard_therapy_declined', /refus|declin|unwilling/i),
  standardRoute('standard_therapy_ineligible', /eligib|candidate|suitable|amenable|contra-?indicat/i),
  standardRoute('standard_therapy_received', /receiv|complet/i),
  {
    topic: 'no_standard_option',
    category: 'prior_therapy',
    gate: /\bno\b|not\s+exist|benefit|prevented/i,
    anchor: NO_STANDARD_ANCHOR,
    // Beside the routes read above ("failed standard therapy, or for whom no standard therapy
    // exists") it is one alternative of their list; beside any other it stays unread with the list.
    applies: (input, sentence) => onlyReadRoutes(input, sentence),
    polarity: 'requirement',
    words: NO_STANDARD_WORDS,
    group: 'standard_therapy_exhausted',
    ownNegation: routeNegation,
  },
  {
    // Recovery from an earlier operation, which the care team judges: "Has not adequately recovered
    // from major surgery or has ongoing surgical complications", "Patient must have fully recovered
    // from surgical resection in the opinion of the treating MD". The surgery's own window ("within 4
    // weeks") is prior therapy's reading. Recovery from trauma or from toxicity is another question.
    topic: 'surgery_recovered',
    category: 'prior_therapy',
    gate: /recover/i,
    anchor:
      /\b(?:(?:recover(?:ed|y)?)\s+(?:(?:adequately|fully|completely|sufficiently)\s+)?from\s+(?:(?:the|any|all|a|prior|previous|recent|major|minor|effects?|of|their)\s+){0,5}(?:surg\w*|operations?|(?:surgical\s+)?resections?|surgical\s+procedures?)|(?:surg\w*|resections?)\s+(?:[\w,()-]+\s+){0,8}?(?:(?:fully|adequately|completely)\s+)?recovered\b(?!\s+(?:from|to)\s+(?!(?:the|any|all|prior|previous|major)?\s*(?:surg|operat|resect))\w)|post-?operative\s+recovery)\b/i,
    // Recovery from surgery and from radiation, systemic therapy or an injury named with it is partly
    // toxicity's question and partly none the topic holds.
    reject:
      /\btrauma\b|\btoxicit\w*|\badverse\b|\bgrade\b|\brecover\w*\s+from\s+[^.;]{0,60}?\b(?:surg\w*|resections?)\s*(?:,|\bor\b|\band\b|\/)\s*(?:\w+\s+){0,2}?(?:radiat|radiother|chemo|systemic|therap|treatment|traum|injur)/i,
    // "Major surgery from which the participant has not fully recovered": the anchor ends on the
    // "not … recovered" it holds, after its start, where no negation scope reaches it.
    lack: /\b(?:incomplete|unrecovered)\b|\bnot\s+(?:\w+\s+)?recovered$/i,
    // A requirement restated among exclusions ("Patients must be at least 4 weeks from major surgery and
    // have fully recovered …") joins its other requirement with "and": negated, either one excludes,
    // which the assembled conjunction would not say.
    applies: (input, sentence) => input.kind !== 'exclusion' || !/\b(?:must|should)\b/i.test(sentence),
    polarity: 'requirement',
    words: RECOVERY_WORDS,
  },
  {
    topic: 'prohibited_medication',
    category: 'prior_therapy',
    gate: /prohibited/i,
    anchor: PROHIBITED_ANCHOR,
    // Willingness to stop them is medication_rules, a washout before the study is its own interval, and
    // medicines the criterion names are the therapy reader's.
    reject: /\b(?:(?:un)?willing\w*|(?:un)?able\s+to|inability|agree\w*|refus\w*|wash-?out|including)\b/i,
    applies: (input, sentence) => {
      const at = input.text.indexOf(sentence);
      return !input.mentions.some(
        (m) => (m.type === 'drug' || m.type === 'drugClass' || m.type === 'regimen') && m.start >= at && m.end <= at + sentence.length,
      );
    },
    polarity: 'event',
    words: PROHIBITED_WORDS,
  },
  {
    // What the patient's record of earlier immunotherapy says about its harms: the care team answers.
    // Narrower wordings stay unread: irAEs of some organs only, still present or needing treatment now,
    // or of a threshold other than grade 3 (the anchor asks for it exactly).
    topic: 'prior_severe_irae',
    category: 'prior_therapy',
    gate: /immune[\s-]+related|irAE/i,
    anchor: SEVERE_IRAE_ANCHOR,
    // Another group joined by "or who …" ("… or who discontinue immunotherapy due to immune-related
    // toxicities") is an alternative of its own, which the assembler keeps beside the irAE.
    applies: (input) => !IRAE_NARROWER.test(input.text.replace(OTHER_WHO, ' ')),
    reject: /\bmajor\s+organ\b|\b(?:still|ongoing|unresolved|active|current(?:ly)?|persist\w*|requir\w*)\b|\bgreater\s+than\s+grade\b/i,
    polarity: 'event',
    words: SEVERE_IRAE_WORDS,
  },
  {
    topic: 'legal_protection',
    category: 'consent',
    gate: /guardian|tutor|curatorship|trusteeship|protect|liberty|freedom|prison|incarcerat|detain|detention|custody|judicial|court|safeguard|capacity/i,
    anchor:
      /\b(?:under\s+(?:legal\s+|judicial\s+|court\s+)?(?:guardianship|tutorship|curatorship|trusteeship|(?:court|protective)\s+(?:protection|custody|supervision)|(?:a\s+|the\s+)?(?:legal|judicial)\s+protection(?:\s+measures?)?|protection\s+of\s+(?:justice|the\s+law)|(?:the\s+)?safeguard\s+of\s+justice|(?:the\s+)?authority\s+of\s+an?\s+(?:tutor|guardian|curator))|(?:legal|judicial)\s+protection(?:\s+measures?)?|legal\s+incapacity|(?:limited|restricted|reduced)\s+legal\s+capacity|(?:no|lack(?:ing)?\s+(?:of\s+)?|without)\s+legal\s+capacity|(?:adults?|persons?|individuals?|patients?)\s+protected\s+by\s+(?:the\s+)?law|protective\s+custody|(?:committed|admitted|admission)\s+to\s+an?\s+institution\s+by\s+[^.;]{0,50}?\b(?:official|judicial|administrative|court)\b[^.;]{0,40}?\b(?:orders?|decisions?|authorit(?:y|ies))|(?:detention|detained)\s+by\s+(?:a\s+)?(?:judicial|administrative|court)\s+(?:or\s+(?:judicial|administrative)\s+)?(?:orders?|decisions?)|deprived\s+of\s+(?:their\s+|his\s+or\s+her\s+)?(?:liberty|freedom)|prisoners?|incarcerated|imprisoned|(?:involuntarily|compulsorily)\s+(?:incarcerated|detained|committed)|in\s+(?:police\s+)?custody)\b/i,
    polarity: 'event',
    words: LEGAL_WORDS,
  },
  {
    // A tie to the sponsor, the investigator or the site (ICH E6(R2) 1.61: subordinates are
    // vulnerable subjects): "Participants with dependency on the Sponsor, Investigator or study site",
    // "Involvement in the planning and/or conduct of the study".
    topic: 'study_staff',
    category: 'consent',
    gate: /employ|colleague|dependen|staff|personnel|family\s+member|involvement/i,
    anchor:
      /\b(?:employ(?:ed|ees?)\s+(?:by|of|at)\s+(?:the\s+|an?\s+)?(?:study\s+|practice\s+|investigational\s+|involved\s+)?(?:investigators?|sponsors?|sites?|institution|practice)|(?:sponsor|CRO|contract\s+research\s+organi[sz]ation|site)\s+(?:or\s+(?:[\w-]+\s+){1,3})?employees|(?:is|are|a|as)\s+(?:a\s+)?colleagues?\b|dependen(?:cy|ce|t)\s+(?:relationship\s+)?(?:on|with|to)\s+(?:the\s+)?(?:sponsor|investigators?|study\s+site)|family\s+members?\s+(?:\([^()]{0,100}\)\s*)?(?:of|who\s+is\s+at)\s+(?:the\s+)?(?:investigators?|study\s+staff|staff|personnel|research\s+site|sponsor)|involvement\s+in\s+the\s+planning\s+and(?:\/or)?\s+conduct\s+of\s+the\s+study|immediate\s+family\s+members?(?=\s*\((?:spouse|parent|child|sibling)))\b/i,
    // "An immediate family member (spouse, parent, child, or sibling; biological or legally adopted) of
    // personnel …": a semicolon inside the relatives' list ends the anchor's sentence, so whose family
    // it is must be said in the criterion, and the list's rest is read as a note.
    applies: (input, sentence) => !/\bimmediate\s+family\s+members?\s*\(/i.test(sentence) || STAFF_TIE.test(input.text),
    note: { test: /\b(?:personnel|staff|investigators?|sponsors?|adopted)\b/i, words: STAFF_WORDS },
    polarity: 'event',
    words: STAFF_WORDS,
  },
  {
    topic: 'health_insurance',
    category: 'other',
    gate: /social\s+security|insurance|insured|health\s+(?:scheme|system)|social\s+protection|\bAME\b|medical\s+aid/i,
    anchor:
      /\b(?:(?:affiliat\w*|enrolled|benefit\w*|covered|beneficiar\w*|having|has|have|with|without)\s+(?:\w+\s+){0,4}?(?:social\s+(?:security|insurance|protection)|(?:national\s+)?health\s+insurance|health\s+(?:care\s+)?(?:scheme|system))|(?:social\s+security|social\s+insurance|health\s+insurance)\s+(?:scheme|system|coverage|regime|affiliation)|insurance\s+coverage|insured)\b/i,
    lack: /\b(?:non-?affiliat\w*|lack\w*|absence|without)\b/i,
    // "Lack of affiliation to a social security benefit plan": "lack of" and "absence of" are negation
    // triggers too (rules/negation.json); counted twice, the lack would cancel itself.
    ownNegation: (input, [a]) => /^(?:lack\w*|absence)\b/i.test(input.text.slice(a)),
    polarity: 'requirement',
    words: INSURANCE_WORDS,
  },
];

