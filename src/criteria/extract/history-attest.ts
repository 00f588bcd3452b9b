/**
 * Attestations only the patient or their team can confirm (rules/attestations.json): informed
 * consent, compliance with the protocol and its follow-up, archival tissue, a research biopsy or
 * samples, a lesion that can be biopsied, leukapheresis, swallowing tablets, keeping still for scans,
 * travel to the site, language, questionnaires, the screening examinations the protocol requires
 * before entry, a smartphone or internet access, a telephone, the study's rules on other medicines
 * and foods, an activity the patient is willing to do, and what the radiologist reads on the scans
 * about the tumour (a major blood vessel it invades, an airway it blocks, the share of the liver it
 * replaces).
 *
 *   inclusion "Ability to understand and the willingness to sign a written informed consent document"
 *                                                     → attestation(topic: informed_consent) = true
 *   inclusion "Willing and able to comply with the protocol and scheduled visits"
 *                                                     → attestation(topic: compliance) = true
 *   exclusion "Inability to provide informed consent" → attestation(topic: informed_consent) = false
 *   exclusion "refusal to participate in the study"  → attestation(topic: compliance) = false
 *   exclusion "Unable or unwilling to discontinue use of prohibited medications"
 *                                                     → attestation(topic: medication_rules) = false
 *   inclusion "Disease amenable to biopsy"           → attestation(topic: biopsy_accessible) = true
 *   exclusion "Psychiatric illness/social situations that would limit compliance with study
 *             requirements"                         → attestation(topic: compliance) = false
 *
 * One finding per sentence: a sentence that names consent and compliance requires both (all) in an
 * inclusion and excludes on either (any) in an exclusion. "Age ≥ 18 at the time of signing informed
 * consent" uses consent as a date and is left to the age reader.
 */
import type { Category, ExtractInput, Extractor, Finding } from './extractor';
import type { Condition } from '../facts';
import { prefilterFor } from '../regex-prefilter';
import { JUDGEMENT_STATEMENTS } from './history-judgement';
import { PLEONASTIC_POST, sentenceEnd, subtract, TIMING_WORDS, vocab, vocabSpans, type Span } from './history-util';

const GATE =
  /absor|integrity|consent|icf|comply|particip|mri|magnetic|complian|adhere|follow|protocol|visit|tissue|resect|ffpe|biops|block|slides|swallow|english|language|interpret|questionnaire|diar|sample|specimen|geograph|travel|legal|guardian|assent|procedur|understand|comprehen|pill|tablet|capsul|oral|speak|literacy|literate|write|dutch|danish|french|german|spanish|apheres|\blie\b|\bsit\b|position|phone|internet|mail|wi-?fi|device|\bapp\b|blood\s+draw|venipunct|venepunct|venous|attorney|contrast|gadolin|iodin|tracer|\bPET\b|\bCT\b|tomograph|scan|imaging|instruction|inject|amenable|amendable|accessible|suitable|feasible|survey|refus|oppos|object|information|resid|\bliv(?:e|es|ing)\b|hospice|nursing\s+home|enrol\w*\s+(?:in|on)|previous\w*\s+enrol|inclusion\s+in|genetic|genomic|\bdata\b|hipaa|health\s+information|banking|check-?up|appointment|cooperat|exercis|sport|training|physical\s+activ|mvpa|online|random|written\s+ic\b|assessment|physical|radiolog|radiograph|baseline|pain\s+score|symptom|self[\s-]?report|archiv|material|\bcare\b|referred|scheduled|(?:treated|followed)\s+at|marrow|capacit|incapa|decision|discontinu|\bstop|taken\s+off|come\s+off|avoid|withh[oe]ld|refrain|abstain|supplement|vitamin|premedicat|vaccinat|willing|agree|desire|\bwish|relocat|\bmov(?:e|ing)\b|\bleav(?:e|ing)\b|clinic|aftercare|patients?\s+of\s+the|irradiat|visible|hospitali|inpatient|quality|anticipat|expected|requir|artifact|artefact|record|chart|prevents?\s+adequate|availab|opposition|wash-?out|same\s+(?:class|target|mechanism)|transfus|steroid|vaccine|cannot\s+be|vessel|airway|liver|locat|situated|origin|involv|verge/i;

/** Languages criteria ask the patient to speak or read. */
const LANG =
  '(?:english|spanish|french|german|chinese|mandarin|cantonese|japanese|korean|dutch|danish|swedish|norwegian|finnish|italian|portuguese|catalan|polish|czech|greek|hebrew|arabic|russian|turkish|vietnamese|tagalog|hindi|urdu|bengali|punjabi|thai|malay|indonesian|persian|farsi|ukrainian|romanian|hungarian|somali|haitian\\s+creole|creole|local\\s+language)';

interface Topic {
  topic: string;
  re: RegExp;
  /** What the sentence must say up to the end of the anchor for the anchor to be this topic. */
  lead?: RegExp;
  /** The sentence says something else than the topic: not read. */
  reject?: RegExp;
  /** Words the finding may cover for this topic, besides the shared ones. */
  words?: Set<string>;
  /** `reject` is tested on the whole criterion, not only the anchor's sentence. */
  rejectInCriterion?: boolean;
  /** Words before the anchor that say the patient cannot have it, besides the shared ones ("allergy to contrast"). */
  cannot?: RegExp;
  /**
   * The topic is something the patient is or has done (in a hospice, in the parent study), not an
   * ability: stated plainly in an exclusion, it is what excludes.
   */
  event?: boolean;
  /** The anchor names the study (an identifier, an acronym): its words are covered whatever they are. */
  coverAnchor?: boolean;
  /** Tokens after the anchor that name what the criterion asks about (a place): covered while they last. */
  tail?: RegExp;
  /**
   * The most general question: read only when no other topic is named in the sentence, and only when
   * the sentence is the whole criterion, so that no condition before or after it narrows who it is for.
   */
  fallback?: boolean;
  /** Not read when the criterion names a group it is for ("For pre/perimenopausal women and for men: …"). */
  everyone?: boolean;
  /**
   * An event that only excludes ("an anticipated need for major surgery during the study"): in an
   * inclusion only its absence is read ("No anticipated need for …"); stated plainly there it is an
   * exclusion filed among the inclusions, left unread.
   */
  exclusionOnly?: boolean;
  /** Words before the anchor belong to it only when they are shared ones ("The patient who …"). */
  leadShared?: boolean;
  /** The category of the finding when it is not consent: a plan or a record the care team holds. */
  category?: Category;
  /**
   * Read only when the sentence is the whole criterion: the question refers to what "the criterion
   * names", which is one thing only when nothing else in the criterion names another.
   */
  wholeCriterion?: boolean;
}

const PERMISSION =
  /\b(?:may|can|will)\s+(?:still\s+)?(?:be\s+)?(?:enrolled|eligible|included|allowed|permitted|consented|registered|screened)\b|\bis\s+encouraged\b/i;
const SOME_PATIENTS =
  /\bif\s+(?:consenting|enrolled|participating|randomi[sz]ed|assigned)\b|\bfor\s+(?:patients|participants|subjects|those)\s+who\b|\(\s*(?:phase|part|cohort|arm)\s+[\w.]+\s+only\s*\)/i;

/** A criterion for one group or cohort only: "For pre/perimenopausal women and for men: …", "criteria for DDI cohort: …". */
const FOR_GROUP = /^\W*for\s+[^:]{1,80}:|\bfor\s+(?:the\s+)?[^:.;]{0,60}\b(?:cohorts?|arms?|parts?|groups?|phases?)\s*:/i;

/** Topic anchors: the words that say what is attested. */
const TOPICS: Topic[] = [
  {
    // Accepting random assignment is part of the consent: the consent form explains the probability
    // of random assignment to each treatment (ICH E6(R2) 4.8.10(c)), so "Unwilling to accept random
    // assignment" is consent the patient will not give.
    topic: 'informed_consent',
    re: /\b(?:inform(?:ed)?\s+(?:written\s+)?consent|consent\s+(?:form|document|to\s+participate)|written\s+consent|signed\s+consent|sign(?:ed)?\s+(?:the\s+|a\s+)?consent|(?:give|provide|giving|providing)\s+(?:written\s+|verbal\s+|oral\s+)?consent|icf|(?:informed\s+)?assent|legally\s+(?:authorized|acceptable)\s+representative|legal\s+(?:representative|guardian)|durable\s+power\s+of\s+attorney|consent(?:ing)?\s+(?:to|for)\s+(?:the|this)\s+(?:study|trial|research)|statement\s+of\s+consent|(?:capacity|ability|able|unable|inability)\s+to\s+consent|written\s+IC|accept\s+(?:the\s+)?random(?:\s+assignment|i[sz]ation))\b/i,
    words: vocab('inform provision signature signing withdrawal withdrawn lack absence deny denies denied capacity statement durable power attorney ic accept random assignment randomization randomisation'),
  },
  {
    // Understanding what taking part means is what consent asks of the patient: "Ability to
    // comprehend procedures and risks", "Unable to understand written or oral patient information".
    topic: 'informed_consent',
    re: /\b(?:understand\w*|comprehen\w*)\s+(?:of\s+)?(?:(?:sufficiently|fully|the|its|their|written|oral|and|or|study|trial|clinical|protocol|nature)\s+){0,4}(?:(?:procedures|protocol|treatment)\s+(?:and|or|,)\s+(?:its\s+|the\s+)?(?:risks|consequences|requirements)|characteristics\s+and\s+consequences|(?:patient\s+)?information\s+(?:letter|sheet|provided)|patient\s+information)\b/i,
    words: vocab('comprehend comprehension understood sufficiently fully nature characteristics consequences risks benefits versus requirements discomforts written oral information letter sheet provided explanation even treatment its'),
  },
  {
    // The patient's refusal or objection, or its absence: "Patient refusal", "Opposed to this study",
    // "opposition of the patient to the study", "does not object to participating", "express their
    // non-opposition to the research" (French research outside the care pathway asks for
    // non-opposition in place of written consent; "informed and non-opposition collected"), "Reconsent
    // given", "unsigned consent".
    // A bare "Patient refusal" is read only as a whole sentence: inside a longer one it is the
    // refusal of something else ("not a candidate for surgery or patient refusal").
    topic: 'informed_consent',
    re: /^\W*(?:(?:the\s+)?(?:patients?|participants?|subjects?)(?:'s?|s')?\s+refusal|refusal\s+(?:by|of)\s+(?:the\s+)?(?:patients?|participants?|subjects?))\W*$|\b(?:(?:non-?)?opposition\s+(?:of\s+(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?to\s+(?:(?:the|this)\s+)?(?:study|trial|research|participation)|opposed\s+to\s+(?:(?:the|this)\s+)?(?:study|trial|research|participation)|object(?:s|ed|ion)?\s+to\s+(?:participat\w+|(?:the|this)\s+(?:study|trial|research))|(?:read|received|receiving)\s+(?:and\s+understood\s+)?(?:the\s+)?(?:(?:oral|written)\s+(?:and\s+(?:oral|written)\s+)?)?(?:(?:patient|participant|study)\s+)?information(?:\s+(?:sheet|letter|leaflet|notice|document))?|non-?opposition\s+(?:(?:was|is|has\s+been)\s+)?(?:collected|obtained|given|expressed|recorded)|re-?consent(?:ed|ing)?|unsigned\s+(?:informed\s+)?consent|refus(?:al|es|ed|ing)?\s+to\s+(?:participate|take\s+part)\b(?!\s+in\b))\b/i,
    cannot: /(?<!\bnon-?)\b(?:oppos\w*|object\w*|refusal|unsigned)\b/i,
    words: vocab('collected obtained express expressed recorded refusal refuse refuses refused refusing opposed opposition non object objects objected objection reconsent re consent unsigned given research participation participating participate take part project reflection period do so read received receiving understood information sheet letter leaflet notice regarding oral written verbal'),
  },
  {
    // Capacity to decide on taking part is capacity to consent (ICH E6(R2) 4.8.12-4.8.14: a subject
    // who cannot consent is enrolled only through a legally acceptable representative, where the
    // protocol allows it): "Impaired decision-making capacity", "Mental incapacity", "Mental
    // capacity to understand and consent to participate in the study". Legal incapacity (guardianship)
    // is legal_protection's question (history-judgement.ts).
    topic: 'informed_consent',
    re: /\b(?:(?:impaired|lack(?:ing)?(?:\s+of)?|limited|diminished|reduced|no|poor)\s+)?(?:decision(?:al)?(?:[\s-]*making)?|mental)\s+(?:capacity|competence)|mental(?:ly)?\s+incapa(?:city|citated|ble)\b(?!\s+of\b)|decisionally\s+impaired/i,
    reject: /\blegal(?:ly)?\b/i,
    cannot: /\b(?:impaired|lack\w*|limited|diminished|reduced|no|poor|incapa\w*)\b/i,
    words: vocab('impaired lack lacking limited diminished reduced poor decision decisional decisionally making mental mentally capacity competence incapacity incapacitated incapable'),
  },
  {
    // Follow-up and visits the patient can or cannot keep: "Patients whose follow-up is not
    // available", "Patient compliance and geographic proximity that do not allow adequate
    // follow-up", "Patients whose circumstances will not permit study completion or adequate follow
    // up", "Adequate stamina to complete at least two study visits", "will possibly not keep to the
    // clinical trial plan".
    topic: 'compliance',
    re: /\b(?:follow[\s-]?up\s+(?:is\s+|will\s+be\s+)?(?:not\s+(?:be\s+)?(?:available|possible|feasible|assured)|impossible|unavailable)|(?:making|make|makes|render\w*)\s+(?:[\w-]+\s+){0,3}?follow[\s-]?up\s+(?:impossible|difficult)|(?:permit|permits|allow|allows)\s+(?:the\s+)?(?:study\s+)?completion\s+(?:of\s+(?:the\s+)?study(?:\s+requirements)?\s+)?(?:and|or)\s+(?:adequate\s+|required\s+)?follow[\s-]?up|(?:not|never)\s+allow\s+(?:(?:an?|the)\s+)?(?:adequate\s+|proper\s+)?follow[\s-]?up|complete\s+(?:at\s+least\s+\w+\s+|all\s+(?:the\s+)?)?(?:study|protocol|scheduled)\s+(?:visits|assessments|evaluations)|keep(?:ing)?\s+(?:to\s+)?(?:the\s+)?(?:(?:clinical\s+)?(?:trial|study)\s+plan|(?:check-?up\s+)?appointments)|implementation\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:study\s+)?protocol|participat\w*\s+in\s+the\s+planned\s+(?:treatment\s+and\s+follow[\s-]?up|follow[\s-]?up|controls|check-?ups))\b/i,
    cannot: /\b(?:impossible|unavailable|not\s+(?:be\s+)?(?:available|possible|feasible|assured)|(?:not|never)\s+(?:permit|allow)|difficult\w*)\b/i,
    words: vocab('follow up followup available possible feasible assured impossible unavailable making make makes render renders permit permits allow allows completion complete requirements adequate required stamina at least two three visits visit assessments evaluations implementation keep keeping plan check appointments appointment planned controls checkups treatment circumstances psychological general health possibly indications person concerned cooperate whose'),
  },
  {
    // Also a contraindication to the study's procedures ("Contraindication to any study-related
    // procedure or assessment"): the patient cannot undergo them, as "unable to undergo" says.
    topic: 'compliance',
    re: /\b(?:comply|complying|compliant|compliance|non-?complian(?:ce|t)|adhere|adherence|follow(?:ing)?\s+(?:the\s+)?(?:study|protocol|trial)|follow(?:ing)?\s+(?:the\s+)?(?:study\s+|staff\s+|medical\s+)?instructions\b(?!\s+(?:for|on|regarding|about)\b)|make\s+(?:all\s+)?(?:the\s+)?(?:required\s+|scheduled\s+)?(?:study\s+)?visits|(?:willing|agree[sd]?)\s+to\s+participate(?=\s*(?:[.;]|$))|(?:willing\w*|able|ability|agree\w*|unable|inability|unwilling\w*|refus\w*|declin\w*)\s+(?:\w+\s+){0,3}?participat\w*\s+in\s+(?:the|this)\s+(?:study|trial|research)\b(?!\s+(?:of|on|with)\b)|(?:attend|return\s+for|available\s+for|accessible\s+for|make\s+(?:themselves|himself|herself)\s+available)[^.;]{0,80}\b(?:visits?|follow[\s-]?up|duration)|(?:undergo|complete|participate\s+in|commit\s+to|attend|perform|contra-?indications?\s+(?:to|for))\s+(?:all\s+|any\s+)?(?:(?:of\s+)?the\s+)?(?:(?:required|necessary|planned|scheduled|mandatory)\s+)?(?:as\s+per\s+)?(?:study|protocol|trial)[\s-]+(?:required\s+|specified\s+|related\s+|specific\s+|mandated\s+)?(?:procedures?|assessments?|visits?|evaluations?|requirements|measures|examinations?)|(?:undergo|complete|perform)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:assessments?|evaluations?|examinations?|procedures?)\s+(?:necessary|required|needed|mandated)\s+(?:for|by)\s+(?:the|this)\s+(?:study|trial|protocol)|(?:willing\w*|unwilling\w*|able|unable|ability|inability|agree\w*|commit\w*|plan(?:s|ning)?|difficult\w*|reliability|availability)\b(?:[\s,/]+[\w-]+){0,6}?[\s,/]+(?:to\s+)?(?:regular(?:ly)?\s+|routine(?:ly)?\s+)?(?:follow(?:ed)?[\s-]*up|check-?up))\b/i,
    words: vocab('aspects cooperation return returning enrolling institution regular regularly routine routinely followed check commit stick difficulties difficulty reliability completion accessible evaluations evaluation measures examinations examination per same center centre site refusal continue continued research accept refused refusal decline declined declines unwillingness instructions instruction staff make planning plans necessary needed mandated prevent prevents attending attend agreed stated missed appointments noncompliance noncompliant response responding cognitive impairment related contraindication contraindications'),
  },
  {
    // The screening examinations the protocol requires before entry, named as a requirement of their
    // own: "Participants must have history and physical exam obtained within 21 days prior to
    // registration", "A complete physical examination within 28 days prior to randomization",
    // "Radiological evaluation should occur within 28 days prior to enrollment". The study team does
    // them; what they must show is another criterion's, so a sentence that names a finding or a limit
    // ("Documented disease-free status (no recurrence) by imaging and physical exam …") is not this.
    topic: 'screening_assessments',
    re: /\b(?:(?:(?:complete|full|medical)\s+)*history\s+and\s+physical(?:\s+exam(?:ination)?s?)?|(?:complete|full)\s+physical\s+exam(?:ination)?s?|physical\s+exam(?:ination)?s?\s+(?:(?:must|should|will)\s+be\s+)?(?:performed|obtained|done|completed)|(?:radiolog(?:ic|ical|y)|radiographic)\s+(?:evaluations?|assessments?|studies|imaging)\s+(?:(?:must|should|will)\s+)?(?:be\s+)?(?:performed|obtained|done|completed|occur)|baseline\s+(?:radiographic\s+images|(?:radiographic\s+|tumou?r\s+)?(?:imaging|scans?)|(?:tumou?r\s+)?assessments?\s+of\s+tumou?r\s+burden|tumou?r\s+assessments?))\b/i,
    reject: /\b(?:evidence|disease[\s-]free|recurren\w*|demonstrat\w*|show(?:s|ing|n)?|confirm\w*|negative|positive|normal|abnormal\w*|measurable|findings?|progress\w*|suspicio\w*|suggest\w*|reveal\w*|lesions?|metasta\w*|voice|optional|may|if|forms?)\b|[<>≤≥]|\d\s*%/i,
    words: vocab('history physical exam exams examination examinations complete full medical performed obtained done completed occur radiologic radiological radiology radiographic evaluation evaluations assessment assessments studies imaging scan scans images baseline tumor tumour burden disease status documented undertaken treating physician'),
  },
  {
    // A screening scan named by its modality with the window it must fall in: "CT/PET-CT performed
    // within 4 weeks prior to treatment start", "Contrast-enhanced cross-sectional imaging of the
    // abdomen (either CT or MRI) obtained within two months prior to study enrollment", "Patient must
    // have a baseline MRI of the brain with gadolinium within 14 days of administration of …". The
    // scan must lead the criterion (at most "Patients must have a baseline" before it), so that a scan
    // asked of some patients only ("Patient with select solid tumors must have …") or one that must
    // show something is not this; "unless contraindicated" makes it optional, left unread.
    topic: 'screening_assessments',
    re: /^\W*(?:(?:patients?|participants?|subjects?)\s+must\s+have\s+(?:had\s+)?(?:an?\s+)?)?(?:baseline\s+|triple\s+|contrast[\s-]enhanced\s+|(?:whole[\s-]body\s+)?)*(?:(?:(?:18F-?)?(?:FDG[\s-]*)?PET|CT|MRI?)(?:\s*\/\s*(?:(?:18F-?)?(?:FDG[\s-]*)?PET|CT|MRI?))*(?:[\s-]+(?:CT|MRI?))?(?:\s+scans?)?|cross[\s-]sectional\s+imaging)\b(?=[^.;]*\bwithin\s+(?:\d+|one|two|three|four|six|eight)\s+(?:calendar\s+)?(?:days?|weeks?|months?)\s+(?:of|prior\s+to|before)\b)/i,
    reject:
      /\b(?:evidence|disease[\s-]free|recurren\w*|demonstrat\w*|show(?:s|ing|n)?|confirm\w*|negative|positive|normal|abnormal\w*|measurable|findings?|progress\w*|suspicio\w*|lesions?|metasta\w*|optional|may|if|unless|except|contra-?indicat\w*|allowed|acceptable|accepted|forms?)\b|[<>≤≥]/i,
    words: vocab(
      'baseline triple contrast enhanced cross sectional whole body pet ct mr mri fdg 18f scan scans imaging either of the brain chest thorax abdomen abdominal pelvis with iv intravenous oral gadolinium performed obtained done completed within one two three four six eight calendar days weeks months start first application administration enrollment enrolment registration randomization randomisation',
    ),
  },
  {
    topic: 'tissue_available',
    re: /\b(?:archiv(?:al|ed)\s+(?:tumou?r\s+)?(?:tissue|samples?|specimens?|blocks?|biops(?:y|ies))|ffpe|formalin[\s-]fixed|paraffin[\s-]embedded|unstained\s+slides|tissue\s+(?:blocks?|samples?|specimens?)|tumou?r\s+(?:tissue\s+)?(?:blocks?|samples?|specimens?))\b/i,
    words: vocab('unavailability unavailable'),
  },
  {
    // "sufficient archival tumor available for sequencing", "provide a core or excisional lymph node
    // biopsy … from an archival or newly obtained biopsy", "No available biological material": tissue
    // for the study, old or new, named with its availability or its provision (the question allows
    // a new biopsy where the criterion does).
    topic: 'tissue_available',
    re: /\b(?:archiv(?:al|ed)\s+(?:(?:and\s*\/\s*)?or\s+(?:newly\s+obtained|fresh|new)\s+)(?:tumou?r\s+)?(?:tissues?|samples?|specimens?|biops(?:y|ies))|archiv(?:al|ed)\s+tumou?r\s+(?:(?:is|are)\s+)?available|available\s+(?:tumou?r\s+|biological\s+|pathologic(?:al)?\s+)material)\b/i,
    // A tissue test required of the tumour ("expression on archival or fresh tumor tissue") is the
    // biomarker's question; the tissue must be named as provided or available.
    lead: /\b(?:provide|providing|provision|submit\w*|submission|availab\w*|sufficient|adequate|agree\w*|willing\w*)\b[^.;]{0,140}$/i,
    cannot: /\bno\s+(?:available|sufficient|adequate)\b|\binsufficient\b|\bunavailab\w*/i,
    words: vocab('sufficient available availability provide providing provision submit submission core excisional lymph node newly obtained fresh new material materials biological pathological pathologic sequencing analysis analyses biomarker testing at screening'),
  },
  {
    // "Tissue is available for biologic studies", "Have sufficient and accessible tissue for next
    // generation sequencing", "Willingness to provide archival or newly obtained tumor tissues":
    // tissue the study can test, named with its availability or its provision.
    topic: 'tissue_available',
    re: /\b(?:(?:availab\w*|provides?|providing|provision\s+of|submi(?:t|tting|ssion\s+of)|donate|sufficient|adequate)\s+(?:(?:and|or|a|the|an|section|of|their|accessible|archival|archived|fresh|newly|obtained|residual|resected|tumou?r|primary)\s+){0,6}tissues?|(?:^\W*|\b(?:have|has|having|with)\s+(?:[\w-]+\s+){0,3}?)(?:tumou?r\s+)?tissues?\s+(?:(?:is|are)\s+)?(?:available|availability))\b/i,
    // Fresh tissue alone is a new biopsy, another question.
    reject: /\b(?:soft|connective)\s+tissue|\bnot\s+(?:be\s+)?required\b|\bif\s+(?:\w+\s+){0,4}(?:tissue|biopsy)\b|^(?![^]*\barchiv)[^]*\b(?:fresh|newly\s+obtained)\b/i,
    words: vocab('availability unavailability unavailable sufficient adequate accessible provide providing provision submit submitting submission donate section newly residual resected primary tissues available biologic biological studies analysis analyses central testing sequencing ngs genetic molecular'),
  },
  {
    // "Disease amenable to biopsy", "Accessible tumour for pre- and on-treatment biopsy": whether the
    // cancer can be biopsied, which the care team answers, not the patient's willingness.
    topic: 'biopsy_accessible',
    re: /\b(?:(?:amenable|amendable|accessible|suitable|feasible)\s+(?:to|for)\s+(?:[\w()-]+\s+){0,5}?biops(?:y|ies)|biopsiable|(?:can|could)\s+be\s+(?:safely\s+)?biopsied|accessible\s+(?:tumou?rs?|lesions?|disease|sites?\s+of\s+disease)\s+(?:[\w()-]+\s+){0,2}?(?:for|to)\s+(?:[\w()-]+\s+){0,5}?biops(?:y|ies))\b/i,
    // "amenable to biopsy or resection": either will do, so the biopsy alone is not required.
    // A sentinel node biopsy is staging surgery, not a biopsy for the study.
    reject: /\bsentinel|\bSLNB\b|\bbiops(?:y|ies)\s+(?:and\s*\/\s*)?or\s+(?:\w+\s+)?(?:surg\w*|resect\w*|excision|injection)|\b(?:surg\w*|resect\w*|excision)\s+(?:and\s*\/\s*)?or\s+(?:\w+\s+)?biops/i,
    words: vocab('amenable amendable accessible suitable feasible biopsiable biopsied safely safe disease lesion lesions tumor tumour tumors tumours site sites serial repeat pre post on treatment pretreatment baseline at least one two three'),
  },
  {
    // The same question worded from the lesion or the procedure: "Accessible lesion(s) that permit a
    // total of at least two biopsies without unacceptable risk of a significant procedural
    // complication", "Tumor lesion(s) of which a histological biopsy can be safely obtained according
    // to standard clinical care procedures", "Is able to safely undergo a baseline tumor tissue biopsy".
    // "Safely" is what makes the last the care team's judgement of the lesion, not a willingness.
    topic: 'biopsy_accessible',
    re: /\b(?:(?:lesions?|tumou?rs?)(?:\s*\(s\))?\s+(?:that|which)\s+(?:permits?|allows?)\s+(?:[\w-]+\s+){0,7}?biops(?:y|ies)|(?:(?:lesions?|tumou?rs?)(?:\s*\(s\))?\s+(?:of|from)\s+which\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?)biops(?:y|ies)\s+(?:can|could)\s+be\s+(?:safely\s+)?(?:obtained|performed|taken)|(?:able|ability)\s+to\s+safely\s+undergo\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?biops(?:y|ies))\b/i,
    reject:
      /\bsentinel|\bSLNB\b|\bbiops(?:y|ies)\s+(?:and\s*\/\s*)?or\s+(?:\w+\s+)?(?:surg\w*|resect\w*|excision)|\b(?:surg\w*|resect\w*|excision)\s+(?:and\s*\/\s*)?or\s+(?:\w+\s+)?biops/i,
    words: vocab(
      'accessible lesion lesions tumor tumour tumors tumours s that which permit permits allow allows total of at least one two three biopsy biopsies without unacceptable risk significant procedural complication complications from histological histologic core needle can could safely be obtained performed taken according standard clinical care procedures able ability undergo baseline tissue',
    ),
  },
  {
    // "At least one lesion accessible for intratumoral injection", "Injectable tumor present", "The
    // target lesion must be amenable to both cryoablation and SBRT": a lesion the study's local
    // procedure can reach, which the care team answers. Among exclusions, "The lesions cannot meet the
    // requirements of injection …" and "extent of disease difficult to access for safe intra-tumoural
    // drug injections" say no lesion can be injected. Curative surgery or radiation the disease is
    // "not amenable to" is its extent, read by disease.ts.
    topic: 'lesion_treatable',
    re: /\b(?:(?:amenable|amendable|accessible|suitable|feasible)\s+(?:to|for)\s+(?:[\w()/+-]+\s+){0,5}?(?:(?:intra-?tumou?ral(?:ly)?|intralesional|IT|ITu|direct)\s+)?(?:injections?|administration|SBRT|SABR|SRS|radiosurgery|stereotactic\s+(?:body\s+)?radiotherapy|HFRT|cryoablation|ablation|electrochemotherapy)|(?:intra-?tumou?rally\s+)?injectable\s+(?:[\w-]+,?\s+){0,6}?(?:lesions?|tumou?rs?|disease|deposits?|metastas[ie]s|nodes?)(?:\s*\(s\))?|(?:lesions?|tumou?rs?|deposits?)\s+(?:[\w-]+\s+){0,2}?injectable|(?:lesions?|tumou?rs?|sites?|metastas[ie]s)\s+(?:\(s\)\s+)?(?:that|which)\s+can\s+be\s+(?:safely\s+)?(?:irradiated|injected|ablated)|(?:only\s+)?(?:un|non-?)injectable\s+(?:lesions?|tumou?rs?|disease)|(?:lesions?|tumou?rs?|nodes?)(?:\s*\(s\))?\s+available\s+for\s+(?:(?:intra-?tumou?ral|intralesional|direct)\s+)?injections?|(?:lesions?|tumou?rs?)\s+(?:cannot|can\s*not|do(?:es)?\s+not)\s+(?:meet|fulfil+|satisfy)\s+the\s+requirements?\s+(?:of|for)\s+(?:(?:intra-?tumou?ral|intralesional|direct)\s+)?injections?|difficult\s+to\s+access\s+for\s+(?:safe\s+)?(?:(?:intra-?tumou?ral|intralesional|direct)\s+)?(?:drug\s+)?injections?)\b/i,
    cannot: /\b(?:un|non-?)injectable\b|\bdo(?:es)?\s+not\s+(?:meet|fulfil+|satisfy)\b/i,
    // "1-4 tumor sites that can be irradiated": the count is a requirement of its own that no topic holds.
    reject: /\b(?:curative|definitive|radical)\b|\b\d+\s*(?:-|–|to)\s*\d+\s+(?:[\w-]+\s+)?(?:lesions?|tumou?rs?|sites?|metastas[ie]s)\b/i,
    words: vocab('amenable amendable accessible suitable feasible injection injections injectable administration intratumoral intratumorally intra tumoral tumoural intralesional it itu direct directly safe safely serial repeated percutaneous image guided ultrasound ct guidance sbrt sabr srs radiosurgery stereotactic body radiotherapy hfrt hypofractionated cryoablation ablation ablative doses electrochemotherapy lesion lesions tumor tumour tumors tumours deposit deposits disease site sites metastasis metastases node nodes lymph at least one two cutaneous subcutaneous nodal superficial visceral target index present presence both ' +
        'can be irradiated injected ablated that which only uninjectable noninjectable non available maximum mean longest perpendicular diameter lpd cm mm size ' +
        'cannot do does meet fulfil fulfill satisfy requirement requirements difficult access drug'),
  },
  {
    // "Tumors that invade major vessels (e.g., the carotid) as shown unequivocally by imaging
    // studies", "Imaging examination showed that the tumor had invaded or wrapped around the large
    // blood vessels …", "Participants without radiographic evidence of major blood vessel
    // invasion/infiltration …": the bleeding risk of anti-angiogenic drugs, which the radiologist
    // reads on the scans. A tumour near a vessel, touching it or pressing on it is less than growing
    // into or around it, so those words are not the topic's and stay unread beside it.
    topic: 'tumour_vessel_invasion',
    re: /\b(?:(?:invad\w*|invasion|infiltrat\w*|encas\w*|penetrat\w*|surround\w*|wrap\w*\s+around)(?:\s*(?:,|\/|or|and\/or)\s*(?:(?:directly|partially)\s+)?(?:invad\w*|invasion|infiltrat\w*|encas\w*|penetrat\w*|surround\w*|wrap\w*\s+around))*\s+(?:into\s+|of\s+)?(?:the\s+|a\s+|any\s+|one\s+or\s+more\s+)?(?:major|large|great|important)\s+(?:[a-z]+\s+)?(?:blood\s+)?vessels?|(?:major|large|great|important)\s+(?:blood\s+)?vessels?\s+(?:invasion|infiltration|encasement)(?:\s*\/\s*(?:invasion|infiltration|encasement))?)\b/i,
    // A vessel the tumour may come to invade ("most likely to invade important blood vessels during
    // the study"), or an invasion under a condition ("if", "unless"), is not what the scans show now.
    // One chosen lesion ("Injected lesions must not involve/encase major blood vessels") is not every
    // tumour the patient has: another may touch a vessel and the patient still qualify.
    reject: /\b(?:if|unless|except)\b|\b(?:may|might|likely|could|would|risk\s+of)\s+(?:\w+\s+){0,2}?(?:invad|infiltrat|encas|penetrat|surround|wrap)|\b(?:injected|injectable|target(?:ed)?|index|treated|selected|chosen)\s+(?:lesions?|tumou?rs?)\b/i,
    event: true,
    leadShared: true,
    category: 'other',
    words: vocab(
      'tumor tumour tumors tumours lesion lesions mass masses disease that which has have had directly invade invades invaded invading invasion infiltrate infiltrates infiltrated infiltrating infiltration encase encases encased encasing encasement penetrate penetrates penetrated penetrating surround surrounds surrounded surrounding wrap wraps wrapped wrapping around into of the a any major large great important blood vessel vessels ' +
        'evidence radiographic radiological radiologic imaging examination examinations studies study showed shows show shown demonstrated unequivocally as by on ct mri or and',
    ),
  },
  {
    // "More than 50% of the liver volume replaced by tumor as measured by CT": the share of the liver
    // the tumour takes up, which liver-directed treatments (perfusion, embolisation) limit and the
    // radiologist estimates on the scans. The share stays in the criterion shown with the question.
    topic: 'liver_tumour_share',
    re: /\b(?:(?:more\s+than|greater\s+than|over|>)\s*\d+(?:\.\d+)?\s*%\s+of\s+(?:the\s+)?(?:total\s+)?liver(?:\s+(?:volume|parenchyma))?\s+(?:(?:is|was|being)\s+)?(?:replaced|involved|occupied)\s+(?:by|with)\s+(?:the\s+)?(?:tumou?rs?|disease|metastas[ie]s)|tumou?rs?\s+(?:replacing|involving|occupying)\s+(?:more\s+than|greater\s+than|over|>)\s*\d+(?:\.\d+)?\s*%\s+of\s+(?:the\s+)?(?:total\s+)?liver(?:\s+(?:volume|parenchyma))?)/i,
    reject: /\b(?:if|unless|except|may|allowed|permitted|eligible)\b/i,
    event: true,
    category: 'other',
    words: vocab(
      'more than greater over of the total liver volume parenchyma is was being replaced involved occupied by with tumor tumour tumors tumours disease metastasis metastases replacing involving occupying as measured assessed estimated determined on ct mri imaging scan scans cross sectional',
    ),
  },
  {
    // "Evidence of tumor potentially causing airway obstruction", "Airway obstruction by tumor
    // mass": a tumour that blocks, or threatens to block, a main airway, which the care team judges on
    // the scans and the examination.
    topic: 'tumour_airway_obstruction',
    re: /\b(?:tumou?rs?|mass(?:es)?|lesions?)\s+(?:(?:potentially|that\s+(?:is|are)\s+(?:potentially\s+)?)\s*)?(?:causing|obstructing|compressing)\s+(?:(?:the|an?|major|main)\s+)*airways?(?:\s+obstruction)?|airway\s+(?:obstruction|compression)\s+(?:by|due\s+to|from|caused\s+by)\s+(?:the\s+|a\s+)?tumou?r\b/i,
    // An obstruction that "requires clinical intervention" or is symptomatic is less than the question
    // asks, and the words that say so would be covered by the shared ones.
    reject: /\b(?:if|unless|except|after|following|post-?injection|event|requir\w*|need\w*|symptomatic)\b/i,
    event: true,
    leadShared: true,
    category: 'other',
    words: vocab(
      'evidence of tumor tumour tumors tumours mass masses lesion lesions potentially that is are causing obstructing compressing the an a major main airway airways obstruction compression by due to from caused',
    ),
  },
  {
    // Where the tumour is: "Lesion located in an extremity", "Non-extremity location", "Supratentorial
    // location of primary tumor", "Patients with origin of tumor in distal part of stomach", "Lesion is
    // located on acral skin (e.g., sole or palms)", "Tumor(s) involving the brain stem", "Involvement of
    // the anterior commissure by the tumor", "The distance from anal verge of tumor up to 10 cm",
    // "Tumour sites: Oral Cavity, Oropharynx, Hypopharynx and Larynx".
    // Local treatments and devices are made for a part of the body; the record's diagnosis and stage
    // do not say where the tumour lies, so it is a question for the care team, asked with the
    // criterion's words (the place is covered as the anchor's). The place must end the sentence, so
    // that nothing after it ("… in which amputation is necessary", "… causing ulceration") narrows
    // it, and the sentence must be the whole criterion, so that the place the question refers to is
    // the only one the criterion names; a parenthesis of examples may follow it and stays unread. A place the criterion does not
    // name ("high-risk anatomical sites", "anywhere on the skin"), a place that is a state of the skin
    // ("an area with acute sunburn"), a place of some metastases or nodes only, and a place that one of
    // the alternatives of a definition names ("These are defined as all intracranial lesions …, and all
    // intracranial lesions located in the eloquent areas of the brain") are not this.
    topic: 'tumour_location',
    re: new RegExp(
      String.raw`\b(?:(?:(?:target|index)\s+)?(?:lesions?|tumou?rs?|melanomas?|neoplasms?|primary(?:\s+tumou?rs?)?)(?:\s*\(s\))?\s+(?:(?:is|are|was|were|must\s+be|should\s+be)\s+)?(?:located|situated)\s+(?:in|on|at|within|(?:distal|proximal)\s+to)` +
        String.raw`|origin\s+of\s+(?:the\s+)?(?:primary\s+)?tumou?r\s+(?:in|at)` +
        String.raw`|(?:(?:target|index)\s+)?(?:tumou?rs?|lesions?)(?:\s*\(s\))?\s+(?:(?:that|which)\s+)?involv(?:e|es|ing)(?=\s+the\b))` +
        // The place: up to eight words, none of them one that opens a clause, to the end of the sentence.
        String.raw`(?:\s+(?!(?:with|which|that|where|when|whose|but|if|unless|except|is|are|was|were|has|have|must|should|may|causing|requiring|measuring)\b)[\w'][\w'-]*){1,8}(?=\s*(?:\([^()]{0,60}\))?\s*[.;]?\s*$)` +
        String.raw`|^\W*(?:non-?[a-z]+|(?!(?:anatomic\w*|geographic\w*|other|another|same|different|any|exact|tumou?r)\b)[a-z][\w-]*)\s+location\s+of\s+(?:the\s+)?(?:primary\s+)?(?:tumou?rs?|lesions?)(?=\s*[.;]?\s*$)` +
        String.raw`|^\W*non-?[a-z]+\s+locations?(?=\s*[.;]?\s*$)` +
        // A list of the places allowed, the list read with its lead: "Tumour sites: Oral Cavity,
        // Oropharynx, Hypopharynx and Larynx", "Acceptable tumor locations include the following: …".
        String.raw`|^\W*(?:(?:acceptable|eligible|allowed|permitted)\s+)?(?:primary\s+)?(?:tumou?r|lesion)\s+(?:sites?|locations?)(?:\s+(?:include|includes|are)(?:\s+the\s+following)?)?\s*:[^.;:]{1,200}$` +
        String.raw`|\binvolvement\s+of\s+the\s+(?:[\w-]+\s+){1,4}?by\s+(?:the\s+)?tumou?rs?(?=\s*[.;]?\s*$)` +
        String.raw`|\bdistance\s+(?:from|to)\s+(?:the\s+)?anal\s+verge(?:\s+(?:of|to)\s+(?:the\s+)?(?:tumou?r|lesion))?(?:\s+(?:is\s+)?(?:up\s*to|upto|within|less\s+than|more\s+than|at\s+least|[<>≤≥]=?)\s*\d+(?:\.\d+)?\s*cm)?` +
        String.raw`|(?:up\s*to|upto|within|less\s+than|more\s+than|at\s+least|[<>≤≥]=?)\s*\d+(?:\.\d+)?\s*cm\s+(?:from|of)\s+(?:the\s+)?anal\s+verge`,
      'i',
    ),
    // Not a place the criterion names, or the place of something else than the tumour.
    reject:
      /\b(?:anywhere|high[\s-]risk|sunburn|near|close|proximity|critical|irradiated|metastas[ie]s|nodes?|nodal|vessels?|arter\w*|veins?|airways?|if|unless|except|in\s+case|defined|definitions?|these|those)\b/i,
    event: true,
    leadShared: true,
    coverAnchor: true,
    wholeCriterion: true,
    category: 'other',
    words: vocab('target index lesion lesions tumor tumour tumors tumours primary located situated location origin involvement involving distance anal verge'),
  },
  {
    // A lesion the doctors can remove to collect the tumour the study needs, most often to grow the
    // tumour-infiltrating lymphocytes (TIL) of a cell therapy: "has at least one lesion (> 1 cm3)
    // available for surgical resection for manufacture of TIL", "Patients have lesions that can be used
    // for surgical resection or biopsy puncture", "residual lesions that can be used for surgical
    // resection (>1.5cm3) or biopsy (>1.5cm3) … for TIL collection", "at least one resectable lesion
    // (or aggregate lesions) for lifileucel generation". Resection must be named: a lesion
    // for biopsy alone is biopsy_accessible's question. Fitness for the operation is another question
    // (treatment_candidate), and a fluid the cells may come from instead is not a lesion.
    topic: 'lesion_for_tissue_harvest',
    re: /\b(?:lesions?|tumou?rs?|tumou?r\s+regions?)(?:\s*\(s\))?\s+(?:\([^()]{0,20}\)\s+)?(?:(?:that|which)\s+can\s+be\s+used\s+for|available\s+for|eligible\s+for)\s+(?:(?:surgical\s+)?resection(?:\s*\([^()]{0,20}\))?(?:\s+(?:or|and\/or)\s+biops(?:y|ies)(?:\s+puncture)?(?:\s*\([^()]{0,20}\))?)?|biops(?:y|ies)(?:\s+puncture)?(?:\s*\([^()]{0,20}\))?\s+(?:or|and\/or)\s+(?:surgical\s+)?resection(?:\s*\([^()]{0,20}\))?)|\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more)\s+(?:surgically\s+)?resectable\s+(?:lesions?|tumou?r\s+regions?)\b|\bsurgically\s+resectable\s+tumou?r\s+regions?\b/i,
    reject: /\bfluids?\b|\bunless\b|\bexcept\b|\bif\b/i,
    rejectInCriterion: true,
    words: vocab(
      'lesion lesions tumor tumour tumors tumours region regions s that which can be used available eligible for surgical surgically resectable aggregate resection biopsy biopsies puncture or and at least one two residual cm3 cm manufacture manufacturing generation generating production collection harvest harvesting til tils tumor infiltrating lymphocytes',
    ),
  },
  {
    // "Images of such bad quality they cannot be assessed", "images with insufficient image quality",
    // "Poor-quality images unsuitable for AI analysis", "having acceptable imaging quality deemed by the
    // core laboratory": studies that read the patient's scans or photographs need them readable, which
    // the study team judges.
    topic: 'image_quality',
    re: /\b(?:(?:poor|bad|low|insufficient|inadequate|suboptimal|acceptable|adequate|sufficient|good)[\s-]+(?:(?:image|imaging)[\s-]+)?quality(?:\s+images?)?|images?\s+(?:of\s+(?:such\s+)?|with\s+)(?:poor|bad|low|insufficient|inadequate|suboptimal)\s+(?:(?:image|imaging)\s+)?quality)\b/i,
    lead: /\b(?:images?|imaging)\b/i,
    reject: /\be\.?g\.?|\bdue\s+to\b|\bmay\b/i,
    cannot: /\b(?:poor|bad|low|insufficient|inadequate|suboptimal)\b/i,
    words: vocab(
      'image images imaging quality poor bad low insufficient inadequate suboptimal acceptable adequate sufficient good such they cannot be assessed assessable evaluable unsuitable for ai analysis deemed by the core laboratory lab central reader readers having with of',
    ),
  },
  {
    // "Motion artifacts or other artifacts causing image degradation", "Artifacts causing distortion of
    // skull (bony) anatomy", "metal prostheses or any other condition that prevents adequate imaging to
    // identify the target volume and calculate the dose": the same question, worded from what spoils
    // the scans. What the criterion names as the cause (a prosthesis) is left unread beside it.
    topic: 'image_quality',
    re: /\b(?:(?:motion|metal(?:lic)?|other|imaging|image)\s+)?(?:artifacts?|artefacts?)\s+(?:causing|leading\s+to|resulting\s+in)\s+(?:significant\s+)?(?:(?:image|imaging)\s+)?(?:degradation|distortion)|\b(?:conditions?|factors?)\s+(?:that|which|to)\s+(?:would\s+|could\s+|may\s+)?prevents?\s+adequate\s+imaging\b/i,
    reject: /\be\.?g\.?|\bmay\s+be\b|\bif\b|\bunless\b/i,
    cannot: /\b(?:artifacts?|artefacts?|prevents?)\b/i,
    words: vocab(
      'motion metal metallic other artifact artifacts artefact artefacts causing leading resulting image imaging degradation distortion of skull bony anatomy any condition conditions factor factors that which to prevent prevents adequate for identification identify the target volume and calculation calculate dose in treatment plan planning',
    ),
  },
  {
    // "Target lesion visible by non-contrast MRI", "The targeted lesion(s) must be visible by ultrasound
    // imaging", "Lesions must be visible as determined by preoperative breast mammogram and / or
    // ultrasound imaging", "The tumor is visible and enhances on prone MRI": the lesion a local
    // procedure or a localisation aims at, seen on the scan that guides it, which the care team answers.
    // Worded from the visibility: "Visible malignant lesions on [18F]FDG PET/CT or CT", "an
    // identifiable tumor on computed tomography (CT), magnetic resonance imaging (MRI), or ultrasound".
    // Visibility is asked alone: a sentence that also gives the lesion's size is left unread.
    topic: 'lesion_visible_on_imaging',
    re: /\b(?:(?:(?:target(?:ed)?|index)\s+)?(?:lesions?|tumou?rs?|neoplasms?)(?:\s*\(s\))?\s+(?:(?:must|should)\s+be\s+|is\s+|are\s+)?(?:clearly\s+)?visible(?:\s+and\s+enhanc\w*)?\s+(?:(?:by|on|with|in|at)|as\s+determined\s+by)|(?:clearly\s+)?(?:visible|identifiable)\s+(?:(?:malignant|target(?:ed)?|index)\s+)?(?:lesions?|tumou?rs?|neoplasms?)(?:\s*\(s\))?\s+(?:by|on|with|in))\s+(?:[\w/[\]-]+\s+){0,3}?(?:MRI|CT|ultrasound|ultrasonography|mammogra(?:m|phy)|imaging|PET(?:\s*\/\s*CT)?|scans?|computed\s+tomography|magnetic\s+resonance)\b/i,
    // A size the lesion must have is not what the question asks ("… and is >1 cm in greatest diameter").
    reject: /\bnot\s+visible\b|\binvisible\b|\bif\b|\d\s*(?:cm|mm|cc|ml)\b|\bdiameter\b/i,
    words: vocab(
      'target targeted index lesion lesions tumor tumour tumors tumours neoplasm neoplasms s must should be is are clearly visible and enhances enhancing enhance by on with in at as determined preoperative pre operative prone non contrast breast mri ct ultrasound ultrasonography mammogram mammography imaging pet scan scans or ' +
        'identifiable malignant an a 18f fdg computed tomography magnetic resonance us',
    ),
  },
  {
    topic: 'biopsy_consent',
    re: /\b(?:(?:fresh|new|core|needle|tumou?r|research|mandatory|paired|serial|required|repeat|on-treatment|pre-treatment|post-treatment|baseline|optional)\s+(?:(?:initial|screening)\s+){0,2}(?:tumou?r\s+)?biops(?:y|ies)|(?:pre|post)-?\s*(?:and\s+(?:post|on)-?\s*)?(?:treatment|therapy|injection|dose)\s+biops(?:y|ies)|on[\s-]treatment\s+biops(?:y|ies)|undergo\s+(?:a\s+|the\s+)?biops(?:y|ies)|(?:consent|agree)\s+to\s+(?:a\s+|the\s+)?biops(?:y|ies)|undergo\s+(?:[\w-]+\s+){1,4}?(?:and|or)\s+(?:a\s+|the\s+)?(?:(?:extra|additional|mandatory|research|tumou?r)\s+)?biops(?:y|ies)|(?:extra|additional)\s+(?:tumou?r\s+)?biops(?:y|ies))\b/i,
    // An optional biopsy is not a requirement ("participants may provide additional biopsy").
    reject: /\b(?:optional|not\s+(?:be\s+)?(?:required|mandatory)|may\s+(?:also\s+)?(?:provide|undergo|have|consent))\b/i,
    // "Mandatory initial screening biopsy": when the study takes it.
    words: vocab('pre post serial repeat consent agree initial screening'),
  },
  {
    // "The subject must also agree to pretreatment and on-treatment bone marrow aspirates": marrow
    // taken for the study, the biopsy of a marrow disease. Fresh tumour tissue alone is left unread: it
    // may come from a new biopsy or from the operation the patient is having.
    topic: 'biopsy_consent',
    re: /\bbone\s+marrow\s+(?:aspirates?|aspirations?|biops(?:y|ies))\b/i,
    lead: /\b(?:agree\w*|willing\w*|unwilling\w*|consent\w*|refus\w*)\b[^.;]{0,80}$/i,
    reject: /\bsurplus\b|\bfrom\s+(?:the\s+)?surg|\bresect|\barchiv|\bleft-?over|\boptional\b|\bif\b/i,
    rejectInCriterion: true,
    words: vocab('bone marrow aspirate aspirates aspiration aspirations biopsy biopsies pretreatment pre on treatment'),
  },
  {
    topic: 'research_samples',
    re: /\b(?:(?:research|correlative|translational)\s+(?:blood\s+)?(?:samples?|specimens?|studies|research|blood\s+draws?)|blood\s+(?:samples?|specimens?|draws?)\s+for\s+research|biospecimens?)\b/i,
  },
  {
    // "Willing to donate a 9ml blood sample", "Must agree to provide protocol specified samples for
    // biomarker analyses": samples the patient agrees to give (not a sample a test was run on).
    topic: 'research_samples',
    re: /\b(?:(?:blood|stool|urine|biological|protocol[\s-]specified)\s+(?:samples?|specimens?|draws?|collections?)|biosamples?|samples\s+of\s+blood)\b/i,
    lead: /\b(?:willing\w*|unwilling\w*|agree\w*|consent\w*|accept\w*|donate|provide|provision|allow|undergo)\b[^.;]*$/i,
    // A 24-hour urine collection measures protein or creatinine clearance: a lab test, not a sample
    // given for research.
    reject: /\bnot\s+(?:be\s+)?required\b|\bavoid|\b24[\s-]*(?:hours?|hrs?|h)\b/i,
    words: vocab('donate donating stool urine biological biosamples biosample draw draws collection collections peripheral ml conservation use used biomarker biomarkers marker immunologic protocol specified accepting provision venipuncture tolerate'),
  },
  {
    // "Participants must be offered the opportunity to participate in specimen banking", "… in
    // specimen and blood collections" (the SWOG template): the study team must offer the banking; the
    // patient may decline it and still take part, so it is the offer that is asked, not the samples.
    topic: 'specimen_banking_offered',
    re: /\boffered\s+(?:the\s+)?(?:opportunity|chance|option)\s+to\s+(?:participate\s+in|take\s+part\s+in)\s+(?:the\s+)?(?:(?:bio)?specimens?|samples?|tissue|blood)(?:\s+(?:and|or|and\/or)\s+(?:(?:bio)?specimens?|samples?|tissue|blood))?\s+(?:banking|bank|collections?|submissions?)\b/i,
    words: vocab(
      'offered opportunity chance option participate take part specimen specimens biospecimen biospecimens sample samples tissue blood banking bank collection collections submission submissions',
    ),
  },
  {
    // "Conditions interfering with intestinal absorption of an orally administered drug", "GI disease
    // that may significantly alter the absorption of study drugs": whether an oral drug is absorbed
    // normally, which a condition judged by its effect on absorption would prevent and the care team
    // answers. The verb ("interfering", "affect") is the inability (CANNOT), so an exclusion names its
    // absence and "without … abnormalities that significantly affect drug absorption" requires it.
    // Only a condition, disorder or the like as the subject: a drug that interferes with absorption is
    // another question (interactions), though a condition may affect "the ingestion of drugs" on the
    // way. Examples in brackets ("… or other condition(s) (e.g., ulcerative diseases, …) that may alter
    // absorption") stand between the subject and its verb, and a gastrointestinal abnormality, which
    // the lexicon names no condition, may be the subject. (A named disorder, "gastrointestinal disorder
    // that would interfere with absorption", is the conditions reader's, with the effect beside it.) "Lack of physical integrity of the upper
    // gastrointestinal tract" names the same question by the organ that would not absorb.
    topic: 'oral_absorption_normal',
    re: /\b(?:conditions?|disorders?|diseases?|abnormalit(?:y|ies)|dysfunctions?|impairments?|illness(?:es)?|situations?|syndromes?|resections?|surger(?:y|ies)|procedures?|problems?)\b(?:\(s\))?(?:(?<=\b(?:ingestion|intake|swallowing)\s+of\s+(?:the\s+)?)(?:drugs?|medications?|medicines?)\b|(?!\b(?:drugs?|agents?|medications?|medicines?|substances?)\b)[^.;()]|\((?:e\.\s?g\.|i\.\s?e\.|such\s+as|including)[^()]{0,200}\)){0,60}?\b(?:interfer\w*|affect\w*|alter\w*|impair\w*|prevent\w*|preclud\w*|limit\w*|reduc\w*|compromis\w*|prohibit\w*|impact\w*)\s+(?:with\s+)?(?:the\s+)?(?:adequate\s+|normal\s+)?(?:intestinal\s+|oral\s+|drug\s+|gastrointestinal\s+|GI\s+)?absor(?:b|ption)\b|\b(?:lack|loss)\s+of\s+(?:the\s+)?(?:(?:physical|physiological|physiologic|anatomic(?:al)?|structural)\s+)?integrity\s+of\s+(?:the\s+)?(?:upper\s+)?(?:gastrointestinal|GI|digestive)\s+tract\b/i,
    // A permission is no requirement; a condition that affects swallowing ("any condition that affects
    // swallowing the drug, and any condition that affects the absorption …") is the swallowing
    // question's, which asks only about an ability stated as one: the sentence is left unread.
    reject: /\b(?:allowed|permitted|eligible)\b|^(?![^.;]*\b(?:able|ability|unable|inability)\b)[^.;]*\bswallow/i,
    // Only as the sentence's subject, a condition no other reader names ("Conditions interfering …",
    // "Any condition that would …"): after a named disease or in a list, the finding would be joined
    // to the other members by the list's connectives and narrow them.
    lead: /^\W*(?:\d{1,2}\s*[.)]\s*)?(?:(?:any|other|patients?|participants?|subjects?|with|has|have|having|presence|of|known|a|an|the)\s+)*(?:conditions?|situations?|problems?|(?:(?:clinically\s+)?significant\s+)?(?:gastrointestinal|GI)\s+abnormalit(?:y|ies)(?:\s+or\s+other\s+conditions?(?:\(s\))?)?|(?:lack|loss)\s+of\s+(?:the\s+)?(?:\w+\s+)?integrity)\b/i,
    // Each verb of the anchor is the inability ("may alter absorption"), as CANNOT's own are.
    cannot: /\b(?:interfer\w*|affect\w*|alter\w*|impair\w*|prevent\w*|preclud\w*|limit\w*|reduc\w*|compromis\w*|prohibit\w*|impact\w*)\b/i,
    category: 'medical_history',
    words: vocab(
      'conditions condition that which may might could would can significantly seriously substantially reasonably interfere interferes interfering with affect affects affecting alter alters altering impair impairs impairing impact impacts prevent prevents preclude precludes limit limits reduce reduces compromise compromises prohibit prohibits adequate normal intestinal oral orally drug drugs absorption absorb of an the administered medication medications medicine medicines study treatment treatments investigational product products situation situations ingestion pharmacokinetic pharmacokinetics parameters lack loss physical physiological physiologic anatomic anatomical structural integrity upper gastrointestinal gi digestive tract presence any clinically significant abnormality abnormalities',
    ),
  },
  {
    topic: 'able_to_swallow',
    re: /\b(?:swallow(?:ing)?|take\s+(?:in\s+)?(?:oral\s+)?(?:pills?|tablets?|capsules?|oral\s+medications?)|ingest\s+(?:oral\s+)?(?:capsules?|tablets?|pills?)|oral\s+intake\s+of\s+(?:capsules?|tablets?|pills?)|take\s+(?:[\w-]+\s+){0,2}?orally)\b/i,
    words: vocab('take ingest intake pills pill tablet capsule oral orally either via feeding tube difficulty difficulties normally'),
  },
  {
    // "Willingness to visit the study hospital for training sessions and examinations", "I can
    // regularly visit the enrolled research institutions for relevant testing": coming to the site.
    topic: 'geographic_access',
    re: /\b(?:geographic(?:al)?(?:ally)?\s+(?:proximity|accessible|reasons?|location|conditions?)|live\s+(?:within|near)\b(?!\s+(?:the\s+)?(?:state|country|province|region|area|united|US\b))|travel\s+to\s+the\s+(?:study\s+)?(?:site|center|centre|institution)|(?:visit|visiting|come\s+to|travel\s+to)\s+the\s+(?:[\w-]+\s+)?(?:study|trial|research|enrolled|enrolling|participating)\s+(?:sites?|hospitals?|institutions?|cent(?:er|re)s?|clinics?))\b/i,
    words: vocab('visit visiting come regularly enrolled enrolling participating research hospital hospitals institution institutions centre centers centres clinic clinics sites'),
  },
  {
    // "Patients who anticipate moving from the area within 12 months", "Planning to leave region in
    // next 5 years": a planned move away from the site, which ends the visits the study needs.
    topic: 'geographic_access',
    re: /\b(?:anticipat\w*|plan(?:s|ning)?|expect\w*|intend\w*|likely)\s+(?:to\s+)?(?:mov(?:e|ing)|leav(?:e|ing)|relocat\w*)\s+(?:away\s+)?(?:from\s+)?(?:the\s+|this\s+)?(?:geographic(?:al)?\s+)?(?:area|region|country|state|city|province)\b/i,
    cannot: /\b(?:mov(?:e|ing)|leav(?:e|ing)|relocat\w*)\b/i,
    words: vocab('anticipate anticipates anticipated anticipating plan plans planning expect expects expected intend intends intending likely move moving leave leaving relocate relocating relocation away area region country state city province next within'),
  },
  {
    topic: 'language',
    re: new RegExp(
      `\\b(?:speak|read|understand|fluent\\s+in|proficien\\w+\\s+in|communicate\\s+in)\\b[^.;]{0,30}\\b(?:${LANG}|language)\\b|\\b${LANG}[\\s-]+(?:speak(?:ing|ers?)|literacy)\\b|\\b(?:command|knowledge|understanding)\\s+of\\s+(?:the\\s+)?${LANG}|\\b(?:complete|completing|answer|conducted)\\b[^.;]{0,40}\\bin\\s+${LANG}\\b|\\bspoken\\s+language\\b|\\binterpreter\\b|\\bread\\s+and(?:\\s*\\/\\s*or)?\\s+write\\b|\\billitera\\w+`,
      'i',
    ),
    words: vocab('communicate command knowledge sufficient insufficient literacy spoken write dutch danish swedish norwegian finnish portuguese catalan polish czech greek hebrew arabic russian turkish vietnamese tagalog hindi urdu bengali punjabi thai malay indonesian persian farsi ukrainian romanian hungarian somali haitian creole cantonese french german spanish italian chinese mandarin japanese korean illiterate illiteracy'),
  },
  // "Unable to undergo MRI", "Contraindication to MRI", "Able to undergo MRI with gadolinium contrast".
  { topic: 'mri_possible', re: /\b(?:MRI|MR\s+imaging|magnetic\s+resonance(?:\s+imaging)?)\b/i },
  {
    // An implant that rules the scan out, named as the exclusion itself: "Metal implants that are not
    // compatible with 7 Tesla MRI", "Implanted device that precludes the use of MRI".
    topic: 'mri_possible',
    re: /\b(?:(?:not\s+(?:be\s+)?compatible|incompatible)\s+with\s+(?:(?:an?|the|\d+(?:\.\d+)?\s*(?:T|Tesla))\s+)*|preclud(?:es?|ing)\s+(?:the\s+use\s+of\s+|an?\s+)?)(?:MRI|MR\s+imaging|magnetic\s+resonance(?:\s+imaging)?)\b/i,
    lead: /\b(?:implant\w*|devices?|pacemakers?|defibrillators?|stimulators?|neurostimulators?|prosthes[ie]s|clips?|metal\w*|ferromagnetic|foreign\s+bod(?:y|ies))\b[^.;]{0,60}$/i,
    cannot: /\b(?:not\s+(?:be\s+)?compatible|incompatible|preclud\w*)\b/i,
    words: vocab(
      'metal metallic ferromagnetic implant implants implanted device devices pacemaker pacemakers defibrillator defibrillators stimulator stimulators neurostimulator neurostimulators prosthesis prostheses clip clips foreign body bodies not compatible incompatible with tesla t precludes preclude precluding use mr mri magnetic resonance imaging',
    ),
  },
  {
    // "Allergic to contrast agent", "Contraindication to the use of gadolinium-based intravenous
    // contrast, including anaphylaxis", "Known contraindication to imaging tracer", "Contraindication
    // to Tc99 injection for sentinel lymph node mapping" (technetium-99m, the radiotracer of
    // lymphoscintigraphy): the dye or tracer the study's scans use (ACR Manual on Contrast Media). Not premedication for such an allergy,
    // which criteria mention only to allow it.
    topic: 'contrast_possible',
    re: /\b(?:(?:(?:iodinated|iodine|gadolinium|intravenous|IV|CT|radiographic)[\s-]+(?:based\s+)?)*(?:radio)?contrast(?:[\s-]+(?:media|medium|agents?|dye|reagents?|material|products?))?|gadolinium|iodine|(?:radio|imaging\s+)tracers?|radiotracers?|(?:99m?[\s-]?)?Tc(?:[\s-]?99m?)?(?=[\s-]+(?:(?:sulfur|sulphur)\s+colloid|tilmanocept|nanocolloid|injection|labell?ed|based|scintigraphy|lymphoscintigraphy)\b)|technetium(?:[\s-]?99m?)?)\b/i,
    lead: /\b(?:allerg\w*|hypersensitiv\w*|anaphyla\w*|reactions?|intoleran\w*|contra-?indicat\w*|unable|inability|cannot|can\s*not)\b[^.;]{0,60}$/i,
    reject: /\bpre-?medicat\w*|\bpre-?meds?\b|\bprophyla\w*|\bprevent\w*|\bmitigate\w*|\bexceptions?\b|\bmay\s+be\s+(?:enrolled|included|made)|\bnot\s+excluded\b|\b(?:allowed|permitted)\b|\bshellfish|\bfood/i,
    // "… or iodine contrast. Iodine contrast reaction history patients permitted if … pre-meds": the
    // permission may follow in another sentence.
    rejectInCriterion: true,
    cannot: /\b(?:allerg\w*|hypersensitiv\w*|anaphyla\w*|reactions?|intoleran\w*)\b/i,
    words: vocab('allergy allergies allergic hypersensitivity hypersensitivities reaction reactions anaphylaxis anaphylactic intolerance iodinated iodine intravenous iv ct radiographic based media medium dye reagent reagents material radiocontrast tracer tracers radiotracer radiotracers imaging product products any type major severe life threatening use tc tc99 tc99m 99m technetium injection'),
  },
  {
    // "Unable to undergo a PET/CT", "Inability to tolerate or complete PET/MR or PET/CT examinations",
    // "Any contra-indication for evaluation by whole body 18F-FDG-PET/CT".
    topic: 'imaging_possible',
    re: /\b(?:(?:18F-?)?(?:FDG[\s-]*)?PET(?:[\s/-]*(?:CT|MRI?))?(?:\s+(?:scans?|examinations?|imaging))?|CT(?:\s+(?:scans?|examinations?|imaging))?|computed\s+tomography|positron\s+emission\s+tomography|(?:imaging|scans?)(?:\s+(?:studies|examinations?|procedures?))?)\b/i,
    lead: /\b(?:(?:able|unable|ability|inability|cannot|can\s*not|willing\w*|unwilling\w*)\s+(?:to\s+)?(?:safely\s+)?(?:undergo|tolerate|complete|have|receive)|contra-?indicat\w*\s+(?:to|for)|claustrophob\w*)\b[^.;]{0,40}$/i,
    words: vocab('pet ct mr mri fdg 18f whole body scan scans examination examinations imaging studies procedure procedures evaluation computed tomography positron emission tolerate complete claustrophobia claustrophobic'),
  },
  {
    topic: 'questionnaires',
    re: /\b(?:questionnaires?|diar(?:y|ies)|patient[\s-]reported\s+outcomes?|surveys?)\b/i,
    // A survey named as where a fact comes from ("per patient report on Self-reported Screening
    // Survey") asks nothing of the patient.
    reject: /\b(?:per|on|by|from|via)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:surveys?|questionnaires?)\b/i,
    words: vocab('survey online paper web electronic quality life health utility'),
  },
  {
    // "Is able to provide worst pain score at bony metastatic site(s)", "Willingness to self-report
    // level of oral pain using Visual Analog Scale", "willingness to complete symptom screening": what
    // the patient reports for the study, asked only as an ability or a willingness.
    topic: 'questionnaires',
    re: /\b(?:self[\s-]?report(?:ed|ing)?(?:\s+(?:level\s+of\s+)?(?:pain|symptoms?))?|(?:(?:worst|average|daily)\s+)?pain\s+scores?|symptom\s+(?:screening|reporting|scores?))\b/i,
    lead: /\b(?:able|ability|unable|inability|willing\w*|unwilling\w*|agree\w*)\s+(?:to\s+)?(?:(?:provide|complete|give|record)\s+)?(?:(?:their|a|the)\s+)?[^.;]{0,40}$/i,
    words: vocab('self report reported reporting level pain score scores worst average daily symptom symptoms screening provide record visual analog analogue scale vas'),
  },
  {
    // "Must be willing and able to accept at least one leukapheresis procedure", "Any condition
    // contraindicating leukapheresis" — not a treatment window counted from the apheresis date.
    topic: 'leukapheresis',
    re: /\b(?:able|ability|unable|inability|willing\w*|contra-?indicat\w*)\s+(?:to\s+|for\s+)?(?:(?:undergo|tolerate|accept|have|receive)\s+)?(?:(?:at\s+least\s+)?(?:one|a|an|the)\s+)?(?:autologous\s+)?(?:leuka?|lympho)?apheres[ie]s\b/i,
    words: vocab('leukapheresis leucapheresis apheresis lymphapheresis autologous contraindicating accept procedure procedures medically required harvesting'),
  },
  {
    // "Suitable venous access for blood sampling", "Inadequate venous access to obtain pharmacokinetic
    // (PK) specimens", "unable to undergo venipuncture and/or tolerate venous access": veins the
    // study's blood draws and infusions can use, which the patient or the care team answers. Not an
    // exclusion from the study's blood collection only ("… will be excluded from blood collection
    // procedures"), which leaves the patient eligible.
    topic: 'venous_access',
    re: /\b(?:(?:adequate|suitable|sufficient|good|appropriate|inadequate|poor|difficult|limited|peripheral|central)\s+(?:(?:peripheral|intravenous|IV)\s+)?(?:venous|IV|intravenous)\s+access|(?:undergo|tolerate|contra-?indications?\s+to)\s+(?:(?:a|the|repeated|multiple|serial)\s+)?(?:venipunctures?|venepunctures?|venous\s+access)|venous\s+access)\b/i,
    lead: /\b(?:adequate|suitable|sufficient|good|appropriate|inadequate|poor|difficult|limited|able|unable|ability|inability|willing\w*|unwilling\w*|tolerate|contra-?indicat\w*|undergo|central\s+line)\b[^.;]*$/i,
    reject: /\bexcluded\s+from\b|\bport\s+placement\b|\binsertion\s+of\b/i,
    cannot: /\b(?:inadequate|difficult|limited)\b/i,
    words: vocab(
      'adequate suitable sufficient good appropriate inadequate poor difficult limited peripheral central intravenous iv venous access venipuncture venipunctures venepuncture venepunctures blood draw draws line lines port in place medically indicated sampling obtain pharmacokinetic pk repeated multiple serial tolerate undergo study required',
    ),
  },
  {
    // "Must be able to sit still for 90 minutes", "Inability to lie flat for 20-25 minutes during an
    // imaging session": keeping still for the scans or treatment sessions.
    topic: 'lie_still',
    re: /\b(?:(?:able|ability|unable|inability|cannot|tolerate)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:lie|lying|lay)\s+(?:flat|still|supine|prone)|(?:able|ability|unable|inability|cannot)\s+(?:to\s+)?sit(?:\s+(?:still|upright|for))?|(?:lie|lying)\s+flat\s+and\s+hold\s+position)\b/i,
    words: vocab('lie lying lay flat still supine prone sit upright hold position minutes minute hours hour hold imaging session sessions'),
  },
  {
    // "ability to participate in the exercise program", "Ability to tolerate the prescribed resistance
    // exercise program", "Have any important orthopaedic disorder impeding exercise", "Present a health
    // status that forbids high intensity resistance training": whether the patient can safely do and
    // will do the exercise an exercise study prescribes, which the patient and their doctor answer
    // (ACSM pre-participation screening). Not how much the patient exercises now ("≥ 150 minutes of
    // aerobic exercise per week"), nor an exercise stress test.
    topic: 'exercise_possible',
    re: /\b(?:(?:(?:physical|resistance|aerobic|strength|endurance|supervised|online|home[\s-]based|prescribed|adapted|high[\s-]intensity)\s+)*exercise(?:\s+(?:programs?|programmes?|sessions?|interventions?|training|modules?))?|(?:adapted\s+)?sports?\s+(?:modules?|programs?|programmes?)|(?:(?:high[\s-]intensity|resistance|strength|endurance)\s+)+training|(?:moderate[\s-]to[\s-]vigorous\s+)?physical\s+activity(?:\s*\(\s*MVPA\s*\))?|MVPA)\b/i,
    lead: /\b(?:able|ability|unable|inability|willing\w*|unwilling\w*|agree\w*|tolerate|clearance|contra-?indicat\w*|imped\w*|preclud\w*|prevent\w*|forbid\w*|high[\s-]risk|allow|avoid|access|participat\w*\s+in\s+the)\b[^.;]{0,50}$/i,
    reject: /\bminutes\b|\bper\s+week\b|\bexcessive\b|\bexercise\s+(?:stress|tolerance)\s+tests?\b/i,
    cannot: /\b(?:imped\w*|forbid\w*|preclud\w*|high[\s-]risk|avoid\w*|not\s+allow)\b/i,
    words: vocab(
      'agreed medical mental impairment allow exercise exercises program programs programme programmes session sessions intervention interventions training module modules sport sports adapted physical activity resistance aerobic strength endurance supervised online home based prescribed high intensity moderate vigorous mvpa tolerate clearance contraindication contraindications confirmation attending physician doctor recommendation implementation impeding impede impedes prevent preventing prevents preclude precludes forbid forbids deemed risk avoid participation access',
    ),
  },
  {
    // "Have access to a computer, smart phone, or tablet with internet access", "Is willing to
    // download and use a study app".
    topic: 'device_access',
    re: /\b(?:smart[\s-]?phones?|internet(?:\s+access)?|e-?mail\s+(?:address|access)|wi-?fi|wireless\s+(?:fidelity|network)|(?:connected|electronic)\s+devices?|(?:study\s+)?app(?:lication)?s?\s+(?:on|for)\s+(?:their|a|the)\s+(?:smart[\s-]?phone|phone|device)|(?:download|use)\s+(?:a\s+|the\s+)?study\s+app|access\s+(?:to\s+)?(?:an?\s+|the\s+)?online\b)\b/i,
    // A telephone instead is another question; the criterion is then left as written.
    reject: /\bor\s+(?:a\s+)?(?:tele)?phone\b/i,
    words: vocab('smartphone smartphones smart phone phones internet e mail email address access computer laptop tablet wi fi wifi wireless fidelity network connected connection device devices electronic download app application applications owns own uses use working active online'),
  },
  {
    topic: 'telephone_access',
    re: /\b(?:access\s+to\s+a\s+(?:tele)?phone|(?:tele)?phone\s+(?:access|number))\b/i,
    words: vocab('telephone phone number access home mobile'),
  },
  {
    // "Live in United States, a US territory, or Canada", "Participant must reside in the United
    // States", "Residing within the area serviced by supplier and paramedic network", "residing ≤ 35
    // miles of clinic": where the patient lives, which the study's reach or its country's rules
    // require; the place stays in the criterion shown with the question. Not a household ("living in
    // the same household as").
    topic: 'residence',
    re: /\b(?:(?:live|lives|living|reside|resides|residing)\s+(?:within\s+|less\s+than\s+|no\s+more\s+than\s+|<=?\s*)\d+\s*(?:miles?|mi|km|kilomet(?:er|re)s?)\s+(?:of|from)\b|(?:live|lives|living|reside|resides|residing)(?:\s+and\/or\s+work)?\s+(?:in|within|inside)\b(?!\s+(?:the\s+)?(?:same\s+)?(?:household|home|house|nursing)\b)|residents?\s+(?:of|in)\b(?!\s+(?:a\s+)?nursing))/i,
    // "Live in rural communities and/or participate in sports leagues …": one way in of several.
    reject: /\band\/or\b(?!\s+work\b)/i,
    tail: /^(?:[A-Z][\w.'-]*|the|a|an|of|or|and|territor(?:y|ies)|states?|provinces?|countr(?:y|ies)|areas?|regions?|rural|urban|communit(?:y|ies)|count(?:y|ies)|districts?|cit(?:y|ies)|metropolitan|surrounding|serviced|served|covered|by|suppliers?|paramedic|network|at|home|healthcare|utili[sz]ed|used|for|study|time|enrol(?:l)?ment)$/,
    words: vocab('live lives living reside resides residing resident residents residence work in within inside less than no more miles mile mi km kilometers kilometres of from clinic clinics hub site centre center hospital'),
  },
  {
    // A linked study the patient takes or took part in: "Inclusion in MELANFα trial (NCT03348891)",
    // "Patients must be co-enrolled in protocol 03-C-0277", "has completed or discontinued
    // participation in the parent study", "Have enrolled in the Aura-sponsored clinical trial
    // AU-011-301". The study is named by an identifier or an acronym, or as the parent, primary or
    // feeder study; another trial in general is other_trial's question (history-safety.ts).
    topic: 'parent_study',
    re: /\b(?:[Cc]o-?enrol(?:l)?(?:ed|ment)?\s+(?:in|on|onto)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:study|trial|protocol)(?:\s+[\w-]*\d[\w-]*)?|(?:[Pp]articipat\w*|[Ee]nrol(?:l)?(?:ed|ment)|[Ii]nclusion|[Ii]ncluded|[Rr]egistered)\s+(?:in|on|onto)\s+(?:the\s+|a\s+|one\s+of\s+the\s+)?(?:[Pp]arent|[Pp]rimary|[Ff]eeder|[Oo]riginating)\s+(?:study|studies|trials?|protocols?)|(?:[Ee]nrol(?:l)?(?:ed|ment)|[Ii]nclusion|[Ii]ncluded|[Pp]articipat\w*|[Rr]egistered)\s+(?:in|on|onto)\s+(?:the\s+)?(?!(?:an?|any|another|other)\b)(?:\S+\s+){0,3}?(?:clinical\s+)?(?:study|trial|protocol)\s*(?:\(\s*NCT\d{8}\s*\)|[A-Z]+-?\d[\w-]*)|(?:[Ee]nrol(?:l)?(?:ed|ment)|[Ii]nclusion|[Ii]ncluded|[Pp]articipat\w*|[Rr]egistered)\s+(?:in|on|onto)\s+(?:the\s+)?(?!(?:an?|any|another|other)\b)(?:\S+\s+){0,2}?(?:[A-Z][A-Z\d\u0370-\u03ff-]{2,}|[\w-]*\d[\w-]*)\s+(?:clinical\s+|primary\s+)?(?:study|trial|protocol)(?:\s*\(\s*NCT\d{8}\s*\))?)/,
    // "prior to their inclusion in NEO-1 trial", "before inclusion in the NEO-1 trial": this trial's
    // own enrolment as a time point.
    reject:
      /\b(?:another|other|any)\s+(?:\w+\s+){0,2}(?:study|studies|trials?)\b|\bsub-?study\b|\b(?:before|prior\s+to|after|until|since|at|from|by|of)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:time\s+of\s+)?(?:inclusion|enrol(?:l)?ment|registration)\s+(?:in|on|into)\b/i,
    coverAnchor: true,
    event: true,
    words: vocab('co enrolled enrol enroll enrollment enrolment coenrolled inclusion included participation participating registered parent primary feeder originating core study trial protocol clinical nct completed discontinued'),
  },
  {
    // "Previous enrolment and randomization in the same study", "Previously enrolled in this study":
    // taking part in this very study before.
    topic: 'enrolled_before',
    re: /\b(?:previous(?:ly)?|prior|already|earlier)\s+(?:been\s+)?(?:enrol(?:l)?(?:ed|ment)|randomi[sz](?:ed|ation)|participat\w*|included|registered)(?:\s+(?:and|or)\s+(?:randomi[sz](?:ed|ation)|treated|enrol(?:l)?(?:ed|ment)))?\s+(?:in|on|into)\s+(?:the\s+|this\s+)?(?:present|same|current|this)\s+(?:same\s+)?(?:study|trial|protocol)\b/i,
    event: true,
    words: vocab('previous previously prior already earlier been enrolled enrollment enrolment randomized randomised randomization randomisation participation participated included registered treated present same current this study trial protocol'),
  },
  {
    // Where, or by whom, the patient is cared for: "Followed for cancer or survivorship care at one of
    // the following institutions", "referred to the centres involved in the protocol", "Scheduled for
    // an upcoming appointment in … Primary Care clinics", "Plan to be treated at a partner cancer site",
    // and in an exclusion "Are under the current medical care of either the study primary
    // investigator (PI) or co-investigator (Co-I)", "Treatment and follow-up at the Dermatology
    // Department of …", "Returning to MD Anderson for restaging and follow-up". The place or the doctors stay in the criterion
    // shown with the question.
    topic: 'care_at_site',
    // "Be a patient of the Dermatology Clinic at …", "In the clinics at MD Anderson", "Ongoing therapy
    // or tumour aftercare at the Skin Cancer Centre at …", "diagnosed and initially treated at the
    // participating … institution": a named place, capitalised, or the study's participating sites
    // (not "treated at the study site within 5 years", an earlier treatment there).
    re: /\b(?:(?:be\s+)?(?:a\s+)?patients?\s+(?:of|at)\s+the\s+(?:[A-Z][\w.'&-]*\s+){0,4}(?:[Cc]linics?|[Cc]ent(?:er|re)s?|[Hh]ospitals?|[Dd]epartment|[Pp]ractice|[Ii]nstitut\w*)|^\W*in\s+the\s+clinics?\s+(?:at|of)\s+(?=[A-Z])|(?:ongoing\s+)?(?:therapy|treatment|care|aftercare|follow[\s-]?up)(?:\s+or\s+(?:tumou?r\s+)?(?:aftercare|follow[\s-]?up|care))?\s+at\s+the\s+(?:[A-Z][\w'-]*\s+){1,5}(?:Cent(?:er|re)|Hospitals?|Clinics?|Institute|Department)|(?:diagnosed\s+and\s+initially\s+|initially\s+)?treated\s+at\s+(?:the\s+|a\s+)?participating\s+(?:[\w()-]+\s+){0,8}?(?:institutions?|cent(?:er|re)s?|sites?|hospitals?)|(?:(?:be|being|are|is|currently)\s+(?:treated|seen)|followed|cared\s+for|receiv(?:e|es|ing)\s+(?:their\s+)?(?:treatment|care|therapy)|(?:(?:cancer|survivorship|medical|primary)\s+)*care)\s+(?:and\s+followed\s+)?at\s+(?:one\s+of\s+)?(?:the\s+|a\s+)?(?:following|participating|partner|study|enrolling|treating)\s+(?:[\w-]+\s+){0,2}?(?:institutions?|cent(?:er|re)s?|sites?|hospitals?|clinics?|practices?)|referred\s+to\s+the\s+(?:cent(?:er|re)s?|institutions?|hospitals?|sites?)\s+(?:involved|participating)|(?:under|in)\s+the\s+(?:current\s+)?(?:medical\s+)?care\s+of\s+(?:either\s+)?the\s+(?:study\s+)?(?:primary\s+|principal\s+)?investigator|scheduled\s+(?:for\s+)?(?:an?\s+)?(?:upcoming\s+|new\s+or\s+return\s+)?(?:\([^()]{0,30}\)\s+)?(?:primary\s+care\s+)?(?:appointment|visit)\s+(?:in|at|with)\b|(?:treatment\s+and\s+)?follow[\s-]?up\s+at\s+the\s+(?:[\w'-]+\s+){0,3}?(?:department|hospitals?|cent(?:er|re)s?|clinics?|institutions?)\b|returning\s+to\s+(?:the\s+)?(?:[\w.'&-]+\s+){1,6}?for\s+(?:[\w-]+\s+and\s+)?follow[\s-]?up\b)/i,
    // "The only exception is for patients who are being treated at a participating center …",
    // "Treatment and follow-up at a department other than …".
    reject: /\bexception|\bexcept\b|\bunless\b|\bother\s+than\b/i,
    event: true,
    coverAnchor: true,
    tail: /^(?:[A-Z][\w.'()-]*|the|a|an|of|at|or|and|&|di|de|del|della|general|internal|medicine|primary|care|clinics?|practices?|providers?|hospitals?|institutions?|cent(?:er|re)s?|sites?|study|involved|in|protocol|one|following)$/,
    words: vocab(
      'followed treated seen cared care cancer survivorship medical primary at following participating partner study enrolling treating institution institutions center centers centre centres site sites hospital hospitals clinic clinics practice practices referred involved protocol under current either investigator co pi principal scheduled upcoming new return appointment visit in with plan plans planned ' +
        'patient patients ongoing therapy treatment aftercare tumor tumour follow up diagnosed initially department receive receives receiving their',
    ),
  },
  {
    // "Current inpatient hospitalization (excluding admission to the Advanced Care at Home program)",
    // "Currently hospitalized": a care setting the patient is in now, like a hospice. Not an illness
    // that required a stay in hospital, which is the condition's own reading.
    topic: 'inpatient_now',
    re: /\b(?:current(?:ly)?\s+(?:an?\s+)?(?:inpatient(?:\s+(?:hospitali[sz]ation|admission|stay))?|hospitali[sz](?:ed|ation))|currently\s+(?:admitted|hospitali[sz]ed)\s+(?:to|in)\s+(?:the\s+|a\s+)?hospital)\b/i,
    event: true,
    words: vocab(
      'current currently inpatient hospitalization hospitalisation hospitalized hospitalised admission admitted stay in to hospital',
    ),
  },
  {
    // "Hospice enrollment", "Participants enrolled in hospice", "Nursing home resident": a care
    // setting the patient is in.
    topic: 'hospice_or_nursing_home',
    re: /\b(?:hospice(?:\s+(?:care|enrol(?:l)?ment|programs?|services?))?|nursing[\s-]home(?:\s+residents?)?)\b/i,
    event: true,
    words: vocab('hospice care enrollment enrolment enrolled program programme services nursing home resident residents residing living lives in'),
  },
  {
    // Use of the patient's data: "Participating patients must agree to share their anonymized
    // clinical and genomic data", "HIPAA authorization for release of personal health information",
    // "consent to the processing of personal data", "agree to participate in image banking".
    topic: 'data_use_consent',
    re: /\b(?:(?:HIPAA|Health\s+Insurance\s+Portability\s+and\s+Accountability\s+Act\s*(?:\(\s*HIPAA\s*\))?)\s+authori[sz]ation|(?:share|sharing)\s+(?:of\s+)?(?:(?:their|his|her|the)\s+)?(?:(?:anonymi[sz]ed|pseudonymi[sz]ed|coded|clinical|medical|health|genomic|genetic|personal|and|,)\s+)*data|processing\s+of\s+(?:(?:his|her|their|the)\s+)?(?:personal\s+)?data|(?:release|use)\s+of\s+(?:(?:their|his|her)\s+)?(?:personal\s+|protected\s+)?health\s+information|(?:image|data)\s+banking)\b/i,
    words: vocab('hipaa health insurance portability accountability act authorization authorisation share sharing anonymized anonymised pseudonymized pseudonymised coded clinical medical genomic genetic personal data processing release use protected information image images banking submitted'),
  },
  {
    // "Patient not consenting to a constitutional genetic analysis for research purposes", "Agree
    // to participate in genomic and molecular profiling": the study's genetic tests, consented to.
    // A genetic test already done ("Prior germline genetic testing") is no consent: the sentence
    // must say the patient agrees or refuses.
    topic: 'genetic_testing_consent',
    re: /\b(?:(?:constitutional|germline|genetic|genomic)\s+(?:and\s+molecular\s+)?(?:genetic\s+)?(?:analys[ie]s|testing|tests?|profiling|sequencing))\b/i,
    lead: /\b(?:consent\w*|agree\w*|willing\w*|unwilling\w*|refus\w*|accept\w*)\b[^.;]{0,60}$/i,
    words: vocab('constitutional germline genetic genomic molecular analysis analyses testing test tests profiling sequencing diagnostic research purposes purpose'),
  },  {
    // "Anticipation of need for a major surgical procedure during the course of the study", "an
    // anticipated need for major surgery during the study", "is expected to undergo major surgery
    // during the study", "Significant surgery is expected to be performed during the … study period":
    // an operation the care team foresees while the patient is on the study (not one already done,
    // which the therapy reader dates). The period stays in the criterion shown with the question.
    topic: 'major_surgery_expected',
    re: /\b(?:(?:anticipat(?:ed|ion\s+of)|expected|foreseen|likely)\s+(?:(?:the\s+)?need\s+for\s+|to\s+(?:undergo|require|need|have)\s+)?(?:an?\s+)?(?:major|significant)\s+(?:surg(?:ery|eries)|surgical\s+(?:procedures?|interventions?|operations?)|operations?)|(?:major|significant)\s+(?:surg(?:ery|eries)|surgical\s+(?:procedures?|interventions?))\s+(?:is|are)\s+(?:expected|anticipated|planned)\s+to\s+be\s+performed)\s+(?:\w+\s+){0,4}?(?:during|while\s+on|throughout)\b/i,
    reject: /\b(?:may|can)\s+(?:be\s+)?(?:enrolled|eligible|included|allowed|permitted)\b/i,
    event: true,
    exclusionOnly: true,
    leadShared: true,
    category: 'other',
    words: vocab(
      'anticipated anticipation expected foreseen likely need for undergo require have major significant surgery surgeries surgical procedure procedures intervention interventions operation operations is are planned be performed during while on throughout course of the study trial clinical treatment period participation induction therapy screening day days',
    ),
  },
  {
    // "Is expected to require any other form of systemic or localized antineoplastic therapy (other
    // than the trial treatment) while on trial", "Patients requiring other systemic oncologic therapy,
    // including experimental therapies": cancer treatment besides the study's that the patient needs
    // or is expected to need while on the study (the Merck/KEYNOTE template exclusion).
    topic: 'other_cancer_therapy_expected',
    re: /\b(?:(?:is\s+|are\s+)?(?:expected|anticipated|likely|planning|planned)\s+to\s+(?:require|need|receive)|anticipated\s+need\s+for|requir(?:es|ing))\s+(?:any\s+)?(?:other|additional|further)\s+(?:forms?\s+of\s+)?(?:(?:systemic|locali[sz]ed|local)\s+(?:(?:or|and|and\/or)\s+(?:systemic|locali[sz]ed|local)\s+)?)?(?:anti-?neoplastic|anti-?cancer|anti-?tumou?r|oncologic(?:al)?|cancer)\s+(?:therapy|therapies|treatments?)\b/i,
    reject: /\b(?:may|can)\s+(?:be\s+)?(?:enrolled|eligible|included|allowed|permitted)\b/i,
    event: true,
    exclusionOnly: true,
    leadShared: true,
    category: 'other',
    words: vocab(
      'expected anticipated likely planning planned require requires requiring need receive any other additional further form forms of systemic localized localised local or and antineoplastic anti neoplastic anticancer cancer antitumor antitumour tumor tumour oncologic oncological therapy therapies treatment treatments targeted experimental including than trial while on study protocol',
    ),
  },
  {
    // A transfusion the patient had in a window the criterion gives: "Any transfusion within 14 days
    // prior to Cycle 1 Day 1", "Patients requiring blood product transfusion within 4 weeks of first
    // dose … are not eligible", "Hemoglobin ≥ 90 g/L (no blood transfusion within 14 days prior to
    // enrollment)", "Platelet count ≥75 × 109/L (without transfusion within 2 weeks of laboratory test
    // …)", "Blood transfusion is not allowed within 2 weeks from the first dose". The record holds no
    // transfusions, so it is a question; the window and the blood product stay in the criterion shown
    // with it. Only an event that excludes: an inclusion is read only where it rules the transfusion
    // out ("no", "without", "not allowed"). Read only with a window, so that "without transfusion
    // support" (how the count is kept up, no period) stays unread, and never where the sentence
    // allows a transfusion ("may be transfused", "transfusion is allowed to achieve this Hb", "must
    // occur > 1 week prior"), names dependence on transfusions or refractoriness to them (a
    // condition), or times the laboratory test from the last one ("≥ 7 days after most recent
    // transfusion").
    topic: 'recent_transfusion',
    re: /\btransfus(?:ions?|ed)\b(?:\s+(?:is|are)\s+not\s+(?:allowed|permitted))?(?=[^.;]{0,220}?\b(?:within|in\s+the\s+(?:past|last|previous|prior|preceding))\s+(?:the\s+)?(?:(?:past|last|previous|prior|preceding)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|twenty-?eight|thirty)\s*(?:calendar\s+)?(?:days?|d|weeks?|wks?|months?)\b)/i,
    reject:
      /\b(?:may|can|could|if\s+necessary|depend\w*|independen\w*|refractor\w*|medicine|leukocyte\w*|exchange|must\s+occur|(?:most\s+recent|last|prior)\s+transfus\w*)\b|(?<!\bnot\s+(?:be\s+)?)\b(?:allowed|permitted|acceptable|accepted)\b/i,
    cannot: /\bnot\s+(?:allowed|permitted)\b/i,
    event: true,
    exclusionOnly: true,
    category: 'other',
    words: vocab(
      'transfusion transfusions transfused blood red cell cells rbc rbcs prbc packed platelet platelets whole product products component components support any no without not allowed permitted is are has have had received receive receiving requiring require required use of past last previous preceding prior before calendar laboratory lab test tests screening used determine eligibility',
    ),
  },
  {
    // A medicine of a kind the criterion names by what it does, which the patient takes and which
    // cannot be stopped or replaced before the study: "Patients on the drugs which are sensitive
    // substrates of CYP2C8 and cannot be discontinued at least one week prior to Cycle 1 Day 1",
    // "Ongoing treatment with concomitant medication known to cause prolonged QTc interval and that
    // cannot be switched to alternative treatment prior to study entry". Whether a medicine is of that
    // kind and can be stopped is the study team's judgement with the patient's medicine list, so it is
    // a question, asked of the medicines the criterion names (one who takes none meets it). Where the
    // sentence names a drug or class the therapy reader knows, that reader takes it (the receipt, with
    // "cannot be discontinued" unread); the patient's own willingness to stop is medication_rules.
    topic: 'named_medication_stoppable',
    re: /\b(?:cannot|can\s*not|could\s+not)\s+(?:be\s+)?(?:safely\s+)?(?:discontinued|stopped|switched|replaced|withheld|interrupted|changed|substituted)\b/i,
    lead: /\b(?:medications?|medicines?|drugs?|substrates?)\b[^.;]{0,200}$/i,
    reject: /\b(?:(?:un)?willing\w*|agree\w*|refus\w*|prohibited|biops\w*|procedures?|surgery|if)\b/i,
    category: 'prior_therapy',
    words: vocab(
      'cannot can not could be safely discontinued stopped switched replaced withheld interrupted changed substituted concomitant medication medications medicine medicines drug drugs the on taking ongoing treatment with and that which is are to alternative safe by least one week days prior before start starting study entry first dose cycle day',
    ),
  },
  {
    // Any vaccine in a period the criterion gives, not only a live one (history-safety.ts asks that):
    // "Receipt of any vaccine within 30 days prior to the first dose of study treatment", "Have
    // received vaccination within two months prior to tumor tissue procurement surgery, or plan to
    // receive vaccination during the study". The record holds no vaccinations, so it is a question.
    // Not a vaccine of one kind (live, inactivated, COVID-19, influenza, a cancer vaccine), which asks
    // less than any vaccine, nor one the sentence allows.
    topic: 'recent_vaccine',
    re: /\b(?:(?:receipt\s+of|received?|receiving|administration\s+of)\s+(?:with\s+)?(?:any|a)\s+(?:other\s+)?vaccin(?:es?|ations?)|(?:received?|receiving|had)\s+(?:a\s+|any\s+)?vaccinations?)\b(?=[^.;]{0,60}?\b(?:within|in\s+the\s+(?:past|last|previous|prior|preceding))\s+(?:the\s+)?(?:(?:past|last|previous|prior|preceding)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fourteen|twenty-?eight|thirty)\s*(?:calendar\s+)?(?:days?|weeks?|months?)\b)/i,
    reject:
      /\b(?:live|attenuated|inactivated|killed|non-?live|cancer|anti-?cancer|tumou?r\s+vaccin\w*|neoantigen|dendritic|peptide|personali[sz]ed|experimental|investigational|research|therapeutic|covid\w*|sars|coronavirus|influenza|flu|td|tetanus|hepatitis|hpv|smallpox|monkeypox|vaccinia|bcg|zoster|shingles|pneumococcal|mrna|allowed|permitted|acceptable|may|can|except|cautionary)\b/i,
    event: true,
    exclusionOnly: true,
    category: 'other',
    words: vocab('receipt of received receive receiving administration had any a other vaccine vaccines vaccination vaccinations or plan plans planned to during the study within past last weeks days months'),
  },
  {
    // A supplement the criterion names, taken now or in a period it gives: "Use of biotin (i.e.,
    // Vitamin B7) or supplements containing biotin higher than the daily adequate intake of 30 µg",
    // "Taking nicotinamide or niacin supplements within the last 4 weeks", "Patients who currently
    // take or plan to take mitochondrial supplements like coenzyme q10 …". The record lists no
    // supplements, so it is a question; the supplement, its amount and the period stay in the
    // criterion shown with it (unread where the reader does not know them). Only an event that
    // excludes. Not a supplement that corrects a laboratory value or replaces a hormone, one the
    // patient must agree to take or stop (medication_rules), herbal or dietary supplements in general
    // and those named by an interaction class (the therapy reader's classes), nor one the sentence allows.
    topic: 'supplement_use',
    re: /\bsupplements?\b/i,
    reject:
      /\b(?:herbal|dietary|botanical|correct\w*|replac\w*|electrolytes?|potassium|magnesium|calcium|phosphate|iron|vitamin\s+d|folic|b12|thyroid|steroids?|hormon\w*|oxygen|CYP\w*|P-?gp|OATP\w*|inhibitors?|inducers?|substrates?|prohibited|prescription|medications?|medicines?|drugs?|agree\w*|(?:un)?willing\w*|(?:un)?able|discontinu\w*|withh\w*|refrain\w*|avoid\w*|allowed|permitted|acceptable|may|can|if)\b/i,
    event: true,
    exclusionOnly: true,
    category: 'other',
    words: vocab('supplement supplements use using used taking take takes took intake consumption consume currently current plan planned or within past last weeks days months regularly containing'),
  },
  {
    // A steroid dose that has not gone up over a period before the study: "Stable dose of
    // corticosteroids for at least 7 days", "Patient has been on a stable or decreasing dose of
    // steroids for at least five days prior to the date of informed consent", "If a patient is on
    // corticosteroids, he/she must be on a non-escalating corticosteroid dose … for ≥ 5 days", and its
    // opposite in an exclusion, "Increasing corticosteroid dose for 48 hours prior to initiation of
    // study therapy". The record holds no doses, so it is a question, asked of a patient who takes
    // steroids: one who takes none meets it, so it never requires steroid use (and "off steroids or
    // on a stable dose" asks no more). A dose limit ("not exceeding 16 mg daily of dexamethasone")
    // stays unread. Not read in a criterion that allows a stable dose ("Stable doses of steroids are
    // permitted for …": an exception to another criterion) or names brain metastases or another reason
    // for the steroids: there the dose is asked of some patients only ("Such patients must be … on a
    // stable or reducing dose"), which the brain-metastases reader keeps with them.
    topic: 'steroid_dose_stable',
    re: /\b(?:(?:(?:stable|unchanged|constant)(?:\s*(?:,|or|and\/or|\/)\s*(?:decreasing|declining|reducing|tapering|lower(?:ing)?))?|decreasing|tapering|non-?escalating|non-?increasing)\s+(?:daily\s+)?(?:doses?|dosing|dosages?|regimens?)\s+of\s+(?:systemic\s+|oral\s+)?(?:cortico)?steroids?|(?:stable|decreasing|tapering|non-?escalating|non-?increasing)\s+(?:(?:systemic|oral)\s+)?(?:cortico)?steroids?\s+(?:doses?|dosing|dosages?|regimens?)|(?<!non-?)(?:increas(?:ing|ed)|escalating)\s+(?:doses?\s+of\s+)?(?:(?:systemic|oral)\s+)?(?:cortico)?steroids?(?:\s+(?:doses?|dosing|dosages?))?|increases?\s+in\s+(?:the\s+)?(?:(?:systemic|oral)\s+)?(?:cortico)?steroids?\s+(?:doses?|dosing|dosages?))\b/i,
    reject:
      /\b(?:allowed|permitted|acceptable|eligible|may|can|could|physiologic\w*|replacement|adrenal|topical|inhaled|brain|cns|central\s+nervous|intracranial|leptomeningeal|metasta\w*|lesions?|neurologic\w*|symptom\w*|thyroid|hormones?|such)\b/i,
    rejectInCriterion: true,
    cannot: /(?<!non-?)\b(?:increas\w*|escalat\w*)\b/i,
    everyone: true,
    category: 'prior_therapy',
    words: vocab(
      'stable unchanged constant decreasing declining reducing tapering lower lowering non escalating increasing nonescalating nonincreasing increase increases increased escalating dose doses dosing dosage dosages regimen regimens of systemic corticosteroid corticosteroids steroid steroids if patient patients participant participants he she they is are on be been has have had must should for at least days weeks hours prior before date informed consent',
    ),
  },
  {
    // "Patients who might require MRI in the study period", "Patients requiring MRI after MOLLI seed
    // placement": studies whose implant or device is not MRI-safe exclude a scan the patient will
    // need while it is in place. Not whether the patient can have an MRI (mri_possible).
    topic: 'mri_expected',
    re: /\b(?:(?:might|may|will|would|likely\s+to|expected\s+to)\s+)?requir(?:e|es|ing)\s+(?:an?\s+)?(?:MRI|MR\s+imaging|magnetic\s+resonance\s+imaging)(?:\s+scans?)?\s+(?:during|in|after|within|while)\b/i,
    event: true,
    exclusionOnly: true,
    leadShared: true,
    category: 'other',
    words: vocab('might may will would likely expected to require requires requiring mri mr magnetic resonance imaging scan scans during in after within while the study period seed placement'),
  },
  {
    // "Available autologous transduced T-cell product that has met GMP release criteria",
    // "Insufficient availability of T cells", "Insufficient availability of CART cells": a cell therapy
    // made for this patient, which the study team knows has been manufactured and released.
    topic: 'cell_product_available',
    re: /\b(?:(?:in)?sufficient\s+availability\s+of\s+(?:(?:the\s+)?(?:autologous|transduced|engineered|manufactured|modified)\s+)*(?:T[\s-]?cells?|CAR[\s-]?T(?:[\s-]?cells?)?|CART(?:\s+cells?)?|TCR[\s-]?T(?:[\s-]?cells?)?|TILs?|cell\s+products?)|available\s+(?:(?:autologous|transduced|engineered|manufactured|modified)\s+)*(?:T[\s-]?cell|CAR[\s-]?T|TCR[\s-]?T|TIL|cell)\s+products?)\b/i,
    reject: /\bif\b|\bunless\b|\bmay\b/i,
    cannot: /\binsufficient\b/i,
    leadShared: true,
    category: 'other',
    words: vocab(
      'sufficient insufficient availability available of the autologous transduced engineered manufactured modified t cell cells car cart tcr til tils product products that has met gmp release criteria',
    ),
  },
  {
    // "with complete and reliable medical records", "Inadequate or missing information on the clinical
    // course in patient charts", "Incomplete patient information", "Patients without sufficient
    // clinical or follow-up data": studies of existing records need the patient's to hold what they
    // study, which the study team checks.
    topic: 'records_complete',
    re: /\b(?:(?:complete|reliable|adequate|sufficient|incomplete|inadequate|insufficient|missing)\s+(?:(?:and|or|,)\s+(?:complete|reliable|adequate|sufficient|incomplete|inadequate|insufficient|missing)\s+)?(?:basic\s+)?(?:(?:medical|clinical|patient|demographic|follow[\s-]?up)\s+(?:(?:and|or|,)\s+)?)+(?:records?|charts?|information|data|documentation)|(?:inadequate|incomplete|insufficient|missing)\s+(?:(?:and|or)\s+(?:inadequate|incomplete|insufficient|missing)\s+)?(?:information|data|documentation)\s+(?:on|about|in)\s+(?:the\s+)?(?:clinical\s+course|(?:patient|medical)\s+(?:charts?|records?)))\b/i,
    // A questionnaire's or a study's own outcome data is not the patient's record.
    reject: /\b(?:questionnaires?|outcomes?|surveys?|consumption)\b/i,
    cannot: /\b(?:incomplete|inadequate|insufficient|missing|without|unreliable)\b/i,
    leadShared: true,
    category: 'other',
    words: vocab(
      'complete reliable adequate sufficient incomplete inadequate insufficient missing unreliable basic medical clinical patient demographic follow up followup record records chart charts information data documentation on about in the course with without',
    ),
  },
  {
    // "Prior treatment with the same class of drug unless …", "Prior treatment with any agent that has
    // the same target": the study drug's class or target, which the criterion does not name; the study
    // team knows it and the patient's earlier treatments.
    topic: 'study_drug_class_prior',
    re: /\b(?:prior|previous)\s+(?:treatment|therapy|exposure)\s+(?:with|to)\s+(?:the\s+|any\s+|an?\s+)?(?:same\s+class\s+of\s+(?:drugs?|agents?|medications?)|(?:drugs?|agents?|medications?)\s+(?:of|from|in)\s+the\s+same\s+class|(?:drugs?|agents?|medications?)\s+(?:that|which)\s+(?:has|have|shares?)\s+the\s+same\s+(?:target|mechanism(?:\s+of\s+action)?))\b/i,
    event: true,
    category: 'prior_therapy',
    words: vocab('prior previous treatment therapy exposure with to the any a an same class of drug drugs agent agents medication medications from in that which has have share shares target mechanism action'),
  },
  {
    // "Has adequate treatment washout period prior to Day 1 of Cycle 1", "Inadequate treatment washout
    // period before enrollment as specified in the protocol", "must adhere to the mandatory washout
    // periods", "(protocol-defined washout)": the protocol's own washouts, which the criterion names
    // without a treatment or a length; the study team knows whether they have passed. A washout the
    // criterion states ("Washout period of 14 days since last dose") is no such reference.
    topic: 'washout_completed',
    re: /\b(?:(?:(?:in)?adequate|(?:in)?sufficient|appropriate|required|mandatory|protocol[\s-](?:defined|specified|required))\s+(?:treatment\s+)?wash-?out(?:\s+periods?)?|wash-?out\s+periods?\s+(?:as\s+)?(?:specified|defined|required)\s+(?:in|by)\s+the\s+protocol)\b/i,
    reject: /\d\s*(?:days?|weeks?|months?|half[\s-]?li(?:fe|ves))\b|\bno\s+wash-?out\b|\bnot\s+(?:be\s+)?required\b/i,
    cannot: /\b(?:inadequate|insufficient|not\s+(?:\w+\s+)?complet\w*)\b/i,
    leadShared: true,
    category: 'prior_therapy',
    words: vocab(
      'adequate inadequate sufficient insufficient appropriate required mandatory protocol defined specified treatment washout wash out period periods as in by the has have had completed complete adhere to prior before prior to enrollment enrolment randomization randomisation registration first dose of trial study treatment day cycle',
    ),
  },
  {
    // The study's rules on other medicines, foods and habits, which the patient agrees to keep:
    // "Unable or unwilling to discontinue use of prohibited medications", "Not willing to avoid
    // grapefruit …", "Agree not to take any sedating medications …", "Must be willing and able to
    // refrain from smoking throughout the dosing session", "Is unable or unwilling to take folic acid
    // or vitamin B12 supplementation", "Patients that cannot be taken off medications that are potent
    // inhibitors of CYP3A4". What the rule names stays in the criterion shown with the
    // question. Contraception, pregnancy and nursing are their own questions (history-reproductive.ts),
    // and so is a live vaccine (history-safety.ts). A medicine the doctor judges cannot safely be
    // withheld is the patient's condition, not a rule the patient keeps.
    topic: 'medication_rules',
    everyone: true,
    re: /\b(?:discontinu(?:e|ing)|stop(?:ping)?|(?:be\s+)?taken\s+off|come\s+off|avoid(?:ing)?|withh[oe]ld(?:ing)?|(?:refrain|abstain)(?:ing)?\s+from|not\s+(?:to\s+)?(?:take|use|receive|commence|start|consume)|(?:take|receive|start)\s+(?:(?:the\s+)?[\w+/-]+\s+){0,4}?(?:supplement(?:s|ation)?|vitamins?(?:\s+\w+)?|folic\s+acid|pre-?medications?|vaccinations?))\b/i,
    lead: /\b(?:(?:un)?willing\w*|(?:un)?able|(?:in)?ability|agree\w*|refus\w*|declin\w*|cannot|can\s+not|must(?=\s+(?:(?:strictly|also)\s+)?(?:avoid|refrain|abstain)))\b[^.;]{0,40}$/i,
    reject: /\b(?:contracep\w*|birth\s+control|pregnan\w*|impregnat\w*|intercourse|sexual\w*|sex|sperm|eggs?|ova|oocytes?|nursing|breast[\s-]?feed\w*|lactat\w*|condoms?|live\b[^.;]{0,40}\bvaccin\w*|safely|opinion|judge?ment)\b/i,
    words: vocab(
      'discontinue discontinuing stop stopping taken off come avoid avoiding withhold withholding withheld refrain refraining abstain abstaining take taking use using receive receiving commence start consume consuming consumption prohibited concomitant medication medications medicine medicines drug drugs supplement supplements supplementation herbal products product food foods juice juices fruit fruits smoking alcohol purpose purposes new these them those entire session sessions vitamin vitamins folic acid premedication premedications vaccination vaccinations regularly',
    ),
  },
  {
    // Doing what the study asks that no other question names: "Patient willing to undergo mastectomy
    // or breast-conserving surgery after neoadjuvant therapy", "Patients be willing to undergo ctDNA
    // assessment", "Unwilling to be audio-recorded during facilitated study visits", "Is willing to use
    // the UV device and Actigraph", "Patient desire to undergo breast surgery". Asked only as the
    // patient's willingness (whether the patient is fit for it is treatment_candidate's question, in
    // history-judgement.ts); what is asked stays in the criterion shown with the question.
    topic: 'study_activity',
    re: /\b(?:(?:un)?willing(?:ness)?|agree(?:s|d|ment)?|desire[sd]?|wish(?:es)?)\s+(?:(?:and|or|\/|and\/or|(?:un)?able|planning|planned)[\s,/]+)*(?:to\s+)(?:undergo|receive|use|be|eat|continue|return|wear|proceed|accept|maintain|try|record|keep|spend)\b/i,
    fallback: true,
    reject: /\beligible\s+(?:for|to)\b|\b(?:contracep\w*|birth\s+control|pregnan\w*|abstain\w*|intercourse|sexual\w*|sperm|nursing|breast[\s-]?feed\w*|condoms?|consent\w*|biops\w*|samples?|specimens?|tissues?|blood\s+draws?|questionnaires?|surveys?|diar(?:y|ies)|comply|complian\w*|adher\w*|follow[\s-]?up|visits?\b(?!\s+and\s+feedback)|mri|scans?|imaging|apheres\w*|swallow\w*|exercise|training|vaccin\w*|random\w*|data|app|device\s+app|smart[\s-]?phones?|internet|interpreter)\b/i,
    words: vocab('willing willingness unwilling unwillingness agree agrees agreed agreement desire desires wish wishes undergo receive be eat continue return wear proceed accept maintain try record keep spend self reported stated'),
  },
];

/** "Age ≥ 18 at the time of signing informed consent", "within 28 days prior to consent": a date. */
const CONSENT_AS_DATE =
  /\b(?:at|on|of|prior\s+to|before|after|from|since|until|till|by(?!\s+sign)|within\s+\d+\s+\w+\s+(?:of|prior\s+to|before))\s+(?:the\s+)?(?:(?:time|day|date|point)\s+(?:of\s+)?)?(?:signing|sign|obtaining|providing|giving|signature\s+of)?\s*(?:the\s+|an?\s+)?(?:written\s+|signed\s+)?(?:informed\s+)?(?:consent|icf)\b/i;

/**
 * Consent named as the requirement itself ("Provision of informed consent", "Lack of informed
 * consent", "Withdrawal of consent"), not the date it was given ("at the time of signature of consent").
 */
const CONSENT_NAMED =
  /(?<!\b(?:of|at|on|before|after|to|from|since|until|by)\s+(?:the\s+)?(?:\w+ly\s+)?)\b(?:provision|lack|absence|signature|signing|withdrawal|refusal|statement)\s+of\s+(?:the\s+|an?\s+)?(?:written\s+|signed\s+)?(?:informed\s+)?(?:written\s+)?(?:consent|icf)\b/gi;

/** The patient cannot or will not: "unable to", "unwilling", "inability", "refuses", "lack of". */
const CANNOT =
  /\bnon[\s-]*$|\b(?:contra-?indicat\w*|claustrophob\w*|unable|unwilling(?:ness)?|inability|incapable|incapacity|not\s+(?:be\s+)?(?:able|willing|capable)|refus\w*|declin\w*|unsigned|lack(?:s|ing)?\s+(?:of\s+)?(?:the\s+)?(?:ability|capacity)?|cannot|can\s+not|can't|fail\w*\s+to|poor|impaired|not\s+(?:provide|give|sign|comply|understand)|limit\w*|interfer\w*|compromis\w*|prevent\w*|prohibit(?:s|ing)?|hamper\w*|affect\w*|unlikely\s+to|difficult\w*|withdraw\w*|den(?:y|ies|ied)|unavailab\w*|insufficient|not\s+(?:be\s+)?(?:amenable|amendable|accessible|suitable|feasible))\b/i;

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
    'compromise prohibit prohibits rendering psychiatric illness social situations situation condition conditions familial sociological psychological reasons judgment ' +
    'opinion investigator also must have has been participating be is are was their his her they themselves who which that to of for in on at by or as ' +
    'requested required necessary all including blood correlative translational purposes analysis analyses collection known suspected preclude precludes giving',
);

/** The words a leadShared topic takes before its anchor: who the criterion is about, and its negation. */
const LEAD_SUBJECT = vocab('the a an patient patients participant participants subject subjects who which that is are be has have having with or any no not without');

/**
 * Whether the clause the anchor is in holds an "or" (or a slash) before it: the clause opened by the
 * last unclosed bracket before the anchor, or, when `anyClause`, the text since the last separator.
 */
function orBeforeInClause(lead: string, anyClause: boolean): boolean {
  const open = lead.lastIndexOf('(');
  const inBrackets = open >= 0 && lead.indexOf(')', open) < 0;
  if (!inBrackets && !anyClause) return false;
  const clause = inBrackets ? lead.slice(open + 1) : lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf(':')) + 1);
  return /\bor\b|\//i.test(clause.replace(/\([^()]*\)/g, ' '));
}

/** Where the next clause of a list starts: "; …", ", or who …", ", and patients with …". */
const CLAUSE_BREAK = /;|,?\s*\b(?:or|and)\s+(?:who|which|that|those|patients?|participants?|subjects?|has|have|had|is|are|was|were)\b/i;

const WORDS = new Map<string, Set<string>>();

/** The shared words plus those of the topics a sentence names, joined once per set of topics. */
function wordsFor(topics: string[]): Set<string> {
  const key = [...new Set(topics)].sort().join(' ');
  let set = WORDS.get(key);
  if (!set) {
    set = vocab(ATTEST_VOCAB, ...TOPICS.filter((t) => t.words && topics.includes(t.topic)).map((t) => t.words!));
    WORDS.set(key, set);
  }
  return set;
}

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

/** The tokens right after an anchor that match `tail` ("in the United States, a US territory, or Canada"). */
function tailSpans(input: ExtractInput, from: number, to: number, tail: RegExp): Span[] {
  const out: Span[] = [];
  for (const t of input.tokens) {
    if (t.start < from) continue;
    if (t.end > to || !tail.test(input.text.slice(t.start, t.end))) break;
    out.push([t.start, t.end]);
  }
  return out;
}

/**
 * Each topic's anchor behind the literal prefilters derived from it (regex-prefilter.ts). There are
 * over a hundred topics and most criteria name none of them; their anchors ran on every sentence.
 */
const TOPIC_GATES = new Map<Topic, RegExp[]>(TOPICS.map((t) => [t, prefilterFor(t.re)]));

/** The topics whose anchor the criterion may hold: an anchor that cannot match the text cannot match a sentence of it. */
function liveTopics(text: string): Topic[] {
  return TOPICS.filter((t) => TOPIC_GATES.get(t)!.every((g) => g.test(text)));
}

const CONCERN = JUDGEMENT_STATEMENTS.find((st) => st.topic === 'investigator_concern')!;

/** A condition's relative clause whose object follows: "conditions that could interfere with the patient's safety, consent, or …". */
const CONDITION_INTERFERES =
  /\b(?:that|which)\b[^.;]{0,100}?\b(?:interfer\w*|affect\w*|compromis\w*|limit\w*|impair\w*|hamper\w*|prevent\w*|preclud\w*|jeopardi[sz]\w*)\b[^.;]{0,200}$/i;

/**
 * A named condition among what the relative clause qualifies ("Subjects with psychiatric disorders that
 * would interfere with the ability to give informed consent", "History of severe mental illness,
 * substance abuse, or other conditions that may interfere with study compliance"): the clause may
 * qualify that condition, which its own reader joins with the clause's topics; without them the
 * condition would stand alone. A kind in a list of kinds ("medical or psychological condition",
 * "physical or mental illnesses", "psychiatric, medical, or other condition") is generic, and is not this.
 */
const NAMED_CONDITION_BEFORE =
  /^[^.;]*?(?<!\b(?:medical|physical),?\s+(?:(?:or|and|and\/or)\s+)?)\b(?:psychiatric|mental|psycholog\w*|substance|addict\w*|alcohol\w*|dementia|cognitive)\b(?!,?\s+(?:(?:or|and|and\/or)\s+)?(?:other\s+)?(?:medical|physical)\b)[^.;]*?\b(?:that|which)\b/i;

/**
 * Conditions given as examples of the one the clause qualifies ("(i.e., uncontrolled diabetes, severe
 * infection …)", "including metabolic diseases, …"): the conditions reader joins the first of them
 * with the clause's topics, and its reading of each drops what qualifies it ("uncontrolled",
 * "requiring immunosuppression"); left alone it would exclude patients the criterion admits.
 */
const EXAMPLE_CONDITIONS = /\b(?:including|such\s+as)\b|\b(?:i\.\s?e|e\.\s?g)\./i;

/** Whether the investigator's catch-all (history-judgement.ts) reads this sentence. */
const concernReads = (input: ExtractInput, sentence: string): boolean =>
  CONCERN.gate.test(sentence) &&
  CONCERN.anchor.test(sentence) &&
  !CONCERN.reject?.test(sentence) &&
  (!CONCERN.needs || CONCERN.needs.test(sentence)) &&
  (!CONCERN.applies || CONCERN.applies(input, sentence));

export const extractAttestations: Extractor = (input: ExtractInput) => {
  const { text } = input;
  if (!GATE.test(text)) return [];
  const out: Finding[] = [];
  const exclusion = input.kind === 'exclusion';
  const taken: Span[] = [];
  const topics = liveTopics(text);
  for (const [sStart, sEnd] of sentences(text)) {
    const sentence = text.slice(sStart, sEnd);
    // A permission ("if repeat biopsy is not feasible … patient still may be enrolled") or a
    // requirement for some patients only ("(if consenting to part A)") is not the patient's attestation.
    if (PERMISSION.test(sentence) || (!exclusion && SOME_PATIENTS.test(sentence))) continue;
    const hits: Array<{ topic: string; at: number; end: number; entry?: Topic }> = [];
    for (const entry of topics) {
      const { topic, re, lead, reject, rejectInCriterion } = entry;
      if (entry.fallback && (hits.length || sStart > 0 || sEnd < text.replace(/[\s.;]+$/, '').length)) continue;
      if ((entry.everyone || entry.fallback) && FOR_GROUP.test(text)) continue;
      if (entry.wholeCriterion && (sStart > 0 || sEnd < text.replace(/[\s.;]+$/, '').length)) continue;
      // The MRI question already asks about the scan and its contrast dye.
      if ((topic === 'contrast_possible' || topic === 'imaging_possible') && hits.some((h) => h.topic === 'mri_possible')) continue;
      const m = re.exec(sentence);
      if (!m) continue;
      if (lead && !lead.test(sentence.slice(0, m.index + m[0].length))) continue;
      if (reject?.test(rejectInCriterion ? text : sentence)) continue;
      if (
        topic === 'informed_consent' &&
        CONSENT_AS_DATE.test(sentence.replace(CONSENT_NAMED, ' ')) &&
        !/\b(?:capable|capacity|ability|able|willing|unable|inability)\s+(?:of|to)\s+(?:\w+\s+){0,2}(?:sign|provid|giv|obtain)\w*\s+(?:\w+\s+){0,3}(?:consent|icf)\b/i.test(sentence) &&
        !/\b(?:sign|signed|provide|provided|give|given|able|willing|ability|obtain|obtained|must)\b[^.;]{0,30}\bconsent/i.test(
          sentence.replace(CONSENT_AS_DATE, ''),
        )
      )
        continue;
      // "Able to swallow", "Can swallow pills normally" — not "swallowing dysfunction" or "difficulty swallowing" (a condition).
      if (
        topic === 'able_to_swallow' &&
        !/\b(?:able|ability|unable|inability|capable|willing|difficulty|cannot|can)\b/i.test(sentence)
      )
        continue;
      // A transfusion named after another member of an "or" list in its clause ("(participant must not
      // have received any growth factor or blood transfusion within 7 days …)", "(No platelet or whole
      // blood transfusion …)"): that member stays unread, and the "or" left before the finding would
      // part the laboratory values the criterion requires together. Left unread inside brackets, and
      // in an inclusion anywhere.
      if (topic === 'recent_transfusion' && orBeforeInClause(sentence.slice(0, m.index), !exclusion)) continue;
      // A sentence naming a drug or class the therapy reader knows ("probiotic", "grapefruit juice",
      // "strong inducers of CYP3A") is its list: a question beside it would be joined to its members.
      if (
        (topic === 'supplement_use' || topic === 'named_medication_stoppable') &&
        input.mentions.some((mn) => (mn.type === 'drug' || mn.type === 'drugClass') && mn.start >= sStart && mn.end <= sEnd)
      )
        continue;
      // Being able to have an MRI — not a required MRI that is "contraindicated" for some.
      if (
        topic === 'mri_possible' &&
        !entry.cannot &&
        !/\b(?:able|ability|unable|inability|cannot|can\s*not|contra-?indicat\w*|claustrophob\w*|tolerate|cooperate|undergo)\b[^.;]{0,40}$/i.test(
          text.slice(sStart, sStart + m.index),
        )
      )
        continue;
      hits.push({ topic, at: sStart + m.index, end: sStart + m.index + m[0].length, entry });
    }
    // A lesion that can be biopsied (or removed) is not by itself the patient's agreement to a biopsy.
    if (
      hits.some((h) => h.topic === 'biopsy_accessible' || h.topic === 'lesion_for_tissue_harvest') &&
      !/\b(?:willing\w*|agree\w*|consent\w*|undergo)\b/i.test(sentence)
    )
      hits.splice(0, hits.length, ...hits.filter((h) => h.topic !== 'biopsy_consent'));
    // "psychiatric illness/social situations that would limit compliance with study requirements"
    const limits =
      /\b(?:psychiatric|mental|social|medical|psychological|familial|sociological|geographic\w*|cognitive|condition|conditions|illness|situations?|disorders?|reasons?)\b[^.;]{0,60}?\b(?:that|which)\s+(?:,?\s*(?:in\s+the\s+(?:opinion|judge?ment)\s+of|according\s+to)\s+[^.;,]{0,80}?,?\s+)?(?:would|could|may|might|will)\s+(?:\w+\s+){0,2}(?:limit|interfere\s+with|compromise|impair|prevent|hamper|affect|preclude|prohibit)\w*\s+(?:(?:[\w'’]+\s+){0,5}?(?:cooperation|cooperating|ability\s+to\s+cooperate)\b|(?:(?:their|the|his|her)\s+)?(?:completion\s+of|response\s+to|completing|responding\s+to)\s+(?:(?:these|the|all|study|protocol)\s+)*(?:surveys?|questionnaires?|(?:study\s+)?assessments?)\b|(?:\w+\s+){0,3}?from\s+attending\s+(?:(?:the|all|study|scheduled|required|protocol)\s+)*(?:assessments?|visits?|appointments?)\b|(?:(?!consent)\w+\s+){0,5}(?:compliance|adherence|participation|ability\s+to\s+(?:comply|participate|cooperate|follow)|(?:giving\s+|providing\s+|give\s+|provide\s+)?(?:informed\s+)?consent))/i.exec(
        sentence,
      );
    const limitsTopic = !limits
      ? 'compliance'
      : /consent/i.test(limits[0])
        ? 'informed_consent'
        : /survey|questionnaire/i.test(limits[0])
          ? 'questionnaires'
          : 'compliance';
    if (limits) {
      const i = hits.findIndex((h) => h.topic === limitsTopic);
      if (i >= 0) hits.splice(i, 1);
      hits.push({ topic: limitsTopic, at: sStart + limits.index, end: sStart + limits.index + limits[0].length });
    }
    // Among exclusions, a condition that "could interfere with the patient's safety, consent, or
    // compliance" which the investigator's catch-all also reads (investigator_concern: "any other
    // condition … that would make taking part unsafe or would interfere with the study") is that one
    // question: joined beside it, the patient's own "can attend the visits" or "can consent" would
    // clear a patient the concern excludes. The compliance or consent clause is left to that concern
    // (its words unread where the concern's reader does not take them).
    if (exclusion && concernReads(input, sentence) && !NAMED_CONDITION_BEFORE.test(sentence) && !EXAMPLE_CONDITIONS.test(sentence)) {
      const own = hits.filter(
        (h) =>
          !(
            (h.topic === 'compliance' || h.topic === 'informed_consent') &&
            ((limits !== null && limitsTopic === h.topic) || CONDITION_INTERFERES.test(text.slice(sStart, h.at)))
          ),
      );
      hits.splice(0, hits.length, ...own);
    }
    if (!hits.length) continue;

    const conds: Condition[] = [];
    // Hits read as nothing (an exclusion-only event stated in an inclusion) cover no words.
    const dropped = new Set<(typeof hits)[number]>();
    for (const h of hits) {
      // The patient cannot or will not: read from the words before the topic in this sentence.
      // The anchor may itself hold the inability ("refusal to participate in the study", "not amenable to biopsy").
      const before = text.slice(sStart, h.at);
      const after = text.slice(h.at, sEnd);
      const topicCannot = h.entry?.cannot;
      const cannotWord =
        CANNOT.exec(before) ??
        CANNOT.exec(text.slice(sStart, h.end)) ??
        (topicCannot ? topicCannot.exec(text.slice(sStart, h.end)) : null);
      const cannot =
        cannotWord !== null ||
        (limits !== null && h.topic === limitsTopic) ||
        /\bnon-?complian/i.test(text.slice(Math.max(sStart, h.at - 4), h.at + 12)) ||
        /^\S+\s+(?:is\s+)?(?:not\s+(?:possible|available|feasible)|unavailable)/i.test(after) ||
        // "Informed consent has not been provided."
        /^[^.;]{0,40}?\b(?:has|have|was|were|is|are)\s+not\s+(?:been\s+)?(?:provided|given|signed|obtained)\b/i.test(after);
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
      if (h.entry?.event) {
        // Being in a hospice or in the parent study: an inclusion says whether the patient must be,
        // an exclusion names what excludes ("Hospice enrollment"); an exclusion of its absence is
        // some other construction, left unread.
        if (exclusion && !positive) continue;
        if (h.entry.exclusionOnly && !exclusion && positive) {
          dropped.add(h);
          continue;
        }
        conds.push({ fact: 'attestation', operator: 'equal', value: positive, params: { topic: h.topic } });
        continue;
      }
      if (!exclusion && !positive) continue;
      if (exclusion && positive && !/\b(?:must|should|willing|able|agree)\b/i.test(before)) continue;
      conds.push({ fact: 'attestation', operator: 'equal', value: !exclusion, params: { topic: h.topic } });
    }
    if (!conds.length) continue;
    const unique = conds.filter((c, i) => conds.findIndex((d) => JSON.stringify(d) === JSON.stringify(c)) === i);
    // Beside a leadShared topic, a topic that read nothing here ("needle biopsy" in "excluding needle
    // biopsy) … or who are expected to undergo major surgery") does not move the start of the finding.
    const read = new Set(unique.map((c) => (c as { params?: { topic?: string } }).params?.topic));
    if (hits.some((h) => h.entry?.leadShared)) for (const h of hits) if (!read.has(h.topic)) dropped.add(h);
    if (dropped.size) hits.splice(0, hits.length, ...hits.filter((h) => !dropped.has(h)));
    const spans = vocabSpans(input, sStart, sEnd, wordsFor(hits.map((h) => h.topic))).flatMap((sp) => subtract(sp, taken));
    for (const h of hits) {
      if (h.entry?.tail) spans.push(...tailSpans(input, h.end, sEnd, h.entry.tail));
      if (h.entry?.coverAnchor) spans.push([h.at, h.end]);
    }
    if (!spans.length) continue;
    // Keep only words of this sentence's requirement, and only from the first topic word on when a
    // different requirement leads the sentence ("≥ 18 years of age … and signed informed consent").
    const first = Math.min(...hits.map((h) => h.at));
    // Words before the first topic word count only when they all belong to the requirement
    // ("Ability to understand and the willingness to sign …"), not to another one before it.
    // A topic whose own words may name something else before it ("Major surgical intervention within
    // 28 days …, or an anticipated need for major surgery") takes only shared words from its lead.
    const leadSpans = hits.some((h) => h.entry?.leadShared)
      ? vocabSpans(input, sStart, first, LEAD_SUBJECT)
      : spans.filter(([a]) => a < first);
    const leadTokens = input.tokens.filter((t) => t.start >= sStart && t.end <= first);
    const filler = fillerWords(input);
    const leadIsOurs = leadTokens.every(
      (t) => filler.has(t.norm) || leadSpans.some(([a, b]) => t.start >= a && t.end <= b),
    );
    // A requirement in a relative clause qualifies what leads the exclusion ("in-transit disease that
    // is not amenable to biopsy"): alone it would exclude more than the criterion does.
    if (exclusion && !leadIsOurs && /\b(?:that|which)\s+(?:is|are)\s+(?:not\s+)?$/i.test(text.slice(sStart, first))) continue;
    let kept: Span[] = leadIsOurs
      ? spans
      : spans.flatMap(([a, b]): Span[] => (b <= first ? [] : [[Math.max(a, first), b]]));
    // Nor does it take the words of the clause that follows it (", or who have severe unhealed wounds").
    if (hits.some((h) => h.entry?.leadShared)) {
      const last = Math.max(...hits.map((h) => h.end));
      const stop = CLAUSE_BREAK.exec(text.slice(last, sEnd));
      if (stop) kept = kept.flatMap(([a, b]): Span[] => (a >= last + stop.index ? [] : [[a, Math.min(b, last + stop.index)]]));
    }
    if (!kept.length) continue;
    if (!kept.length) continue;
    out.push({
      category: hits.find((h) => h.entry?.category)?.entry?.category ?? 'consent',
      condition: unique.length === 1 ? unique[0]! : exclusion ? { any: unique } : { all: unique },
      spans: kept,
      anchor: first,
      polarityHandled: true,
    });
    taken.push([sStart, sEnd]);
  }
  return out;
};
