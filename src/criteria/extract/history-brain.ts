/**
 * Brain / CNS metastases, leptomeningeal disease and spinal cord compression.
 *
 * The fact brainMetastases is 'none', 'active' (untreated, progressing or symptomatic) or
 * 'treated-stable' (facts.ts). Readings:
 *   exclusion "Known brain metastases"                      → brainMetastases in [active, treated-stable]
 *   exclusion "Active / untreated / symptomatic / progressive / uncontrolled CNS metastases"
 *                                                            → brainMetastases in [active]
 *   exclusion "Brain metastases. Patients with treated, stable brain metastases are eligible (off
 *   steroids ≥ 2 weeks…)" or "… unless treated and stable"  → brainMetastases in [active]; the
 *   permission, which only defines "treated and stable", is covered with its words.
 *   inclusion "No (known / active) brain metastases"         → the same, negated by the assembler
 *   inclusion "Patients with treated, stable brain metastases are eligible" and "If present, brain
 *   metastases must be treated and stable"                  → brainMetastases in [none, treated-stable]
 *   inclusion "At least one measurable brain metastasis", "Untreated brain metastases"
 *                                                            → presence: in [active, treated-stable] / [active]
 * Their treatment history is the patient's treatments, with what they were for left unparsed:
 *   exclusion "… or recently treated (≤ 6 months of screening) CNS metastases. Patients with previously
 *   treated (> 6 months …) … are allowed"                  → any(active, all(treated-stable,
 *                                                              anticancer therapy within 180 days, unparsed))
 *   inclusion "Brain metastases must be previously untreated, except for surgery"
 *                                                            → any(none, no non-surgical anticancer therapy, unparsed)
 *   inclusion "CNS progression after previous CNS-directed therapy (radiation therapy, surgery …)"
 *                                                            → presence, all(radiation or surgery, unparsed)
 * A text that allows untreated brain metastases while excluding symptomatic ones cannot be told
 * apart with these three values (asymptomatic untreated metastases are 'active'), so it is left
 * unread rather than excluding patients it allows. Size, number and location limits ("> 3 cm",
 * "brain stem") are not expressible either: in an exclusion naming only the brain metastases
 * ("Brain metastasis larger than 4 cm") the limit stays an unparsed leaf beside them,
 *   all(brainMetastases in [active, treated-stable], unparsed "larger than 4 cm"),
 * so a patient without metastases passes and one with them is left to a coordinator; elsewhere
 * (lists, permissions, inclusions) the mention stays unread.
 *
 * Leptomeningeal disease and spinal cord compression are conditions (rules/conditions.json,
 * group cns_disease), read here because criteria list them with brain metastases.
 */
import { modalNegationInExclusion, type ExtractInput, type Extractor, type Finding } from './extractor';
import { ANTICANCER_KINDS, leavesOf, type Condition } from '../facts';
import { NUMBER, toNumber } from '../numbers';
import { listItems } from './brain-steroids';
import {
  isSteroidMention,
  negatedAt,
  polarityMode,
  sentenceEnd,
  sentenceStart,
  steroidFree,
  subtract,
  timingTail,
  vocab,
  vocabSpans,
  type Span,
} from './history-util';

const GATE =
  /brain|cns|central nervous|intracranial|intra-cranial|cerebr|leptomening|mening|spinal cord|cord compression|lmd|craniospinal/i;

/** Where CNS metastases lie; "craniospinal" (brain and spinal axis) names the whole CNS. */
const LOC = String.raw`(?:brain|cerebral|intra-?cranial|intracerebral|cranio-?spinal|CNS|central\s+nervous(?:\s+system)?(?:\s*\(\s*CNS\s*\))?|parenchymal\s+brain|brain\s+parenchymal)`;
const ALSO = String.raw`(?:\s*(?:,|or|and|and\s*\/\s*or|\/)\s*(?:leptomeningeal|meningeal|LM|spinal(?:\s+cord)?|subdural|epidural|dural|brain|cerebral|CNS|central\s+nervous\s+system(?:\s*\(\s*CNS\s*\))?)\b)*`;
/** Other metastatic sites listed with the brain ("brain or bone metastatic lesions"): left unread. */
const OTHER_SITE_WORDS = String.raw`(?:bone|osseous|liver|hepatic|lung|pulmonary|adrenal|visceral|peritoneal|pleural|skin)`;
const OTHER_SITES = String.raw`(?:\s*(?:,|or|and\s*\/\s*or|\/)\s*${OTHER_SITE_WORDS})*`;
const OTHER_SITE_RE = new RegExp(String.raw`\b${OTHER_SITE_WORDS}\b`, 'gi');
const NOUN = String.raw`(?:(?:(?:primary\s+)?(?:malignanc(?:y|ies)|tumou?rs?)\s+(?:or|and|and\/or)\s+)?metasta(?:sis|ses|tic\s+(?:disease|lesions?|tumou?rs?|deposits?|spread))|mets|(?:target\s+|index\s+|measurable\s+)?lesions?|disease|involvement|deposits?|spread|progression|progressive\s+disease)`;
/** "brain metastases", "CNS or leptomeningeal metastases", "central nervous system (CNS) involvement". */
const MENTION = new RegExp(
  String.raw`\b${LOC}${ALSO}${OTHER_SITES}\s+(?:metastatic\s+)?${NOUN}\b|\bmetasta(?:sis|ses|tic\s+disease|si[sz]ed|tic)\s+(?:disease\s+)?(?:only\s+)?(?:located\s+)?(?:to|in|of|involving)\s+(?:the\s+)?(?:brain|CNS|central\s+nervous\s+system)\b|\b(?:leukemic|lymphomatous|tumou?r|malignant|disease)\s+involvement\s+(?:of|in)\s+(?:the\s+)?(?:brain|CNS|central\s+nervous\s+system)(?:\s*\(\s*CNS\s*\))?|\bmetastatic\s+(?:brain|CNS)\s+(?:lesions?|tumou?rs?|disease)\b|\bmetastatic\s+(?:[\w-]+\s+){1,2}involving\s+(?:the\s+)?(?:brain|CNS|central\s+nervous\s+system)\b|\bbrain\s+mets\b|\b(?:measurable\s+)?(?:disease|lesions?|metastas[ie]s)\s+in\s+the\s+(?:brain|CNS|central\s+nervous\s+system)\b`,
  'gi',
);

/** Words that make a mention 'active' (untreated, progressing or symptomatic). */
const ACTIVE =
  /\b(?:active|untreated|un-treated|symptomatic|uncontrolled|poorly\s+controlled|unstable|progressive|progressing|growing|enlarging|new|newly\s+(?:diagnosed|detected)|clinically\s+active|actively\s+progressing)\b|\bnot\s+(?:been\s+)?(?:previously\s+|yet\s+|definitively\s+|adequately\s+|completely\s+)?(?:treated|controlled|stable|resected|irradiated)\b|\brequir(?:e|es|ing)\s+(?:\w+\s+){0,3}(?:steroids?|corticosteroids?|dexamethasone|anticonvulsants?|local|immediate|urgent|treatment|therapy|intervention)/i;
/** Activity that treatment has not addressed: untreated, new, progressing. */
const ACTIVE_STRONG =
  /\b(?:untreated|un-treated|progressive|progressing|growing|enlarging|new|newly|active|not\s+(?:been\s+)?(?:previously\s+|yet\s+)?treated)\b/i;

/** Words of a treated and stable state: a state word, not its negation written with a prefix ("non-irradiated", "un-treated" lesions are untreated). */
const STABLE =
  /\b(?<!\b(?:non|un)-)(?:treated|stable|stabili[sz]ed|controlled|inactive|irradiated|resected|radiosurgery|off\s+steroids|no\s+(?:evidence\s+of\s+)?progression|without\s+(?:evidence\s+of\s+)?progression|completed\s+(?:their\s+|the\s+)?(?:local|cns[\s-]directed|brain[\s-]directed)\s+(?:therapy|treatment))\b/i;
/** The text allows untreated (or any) brain metastases: also ones "amenable to radiosurgery", still to be treated. */
const ALLOWS_UNTREATED =
  /\b(?:treated\s+or\s+untreated|untreated\s+or\s+treated|including\s+(?:those\s+with\s+)?untreated|regardless\s+of\s+(?:prior\s+)?treatment|not\s+(?:required\s+to\s+be|need\s+to\s+be)\s+treated|(?:asymptomatic\s+)?untreated\s+(?:brain\s+|cns\s+)?(?:metastases|lesions)\s+(?:are|is|will\s+be)\s+(?:allowed|eligible|permitted)|(?:metastas[ie]s|lesions?)\s+(?:that\s+(?:are|is)\s+)?amenable\s+to\s+(?:[\w-]+\s+){0,2}(?:radiosurgery|SRS|SRT|radiotherapy|radiation|resection|surgery))\b/i;
/**
 * A permission for asymptomatic metastases that does not ask for treatment ("Asymptomatic or treated
 * brain metastases are allowed", "Participants with asymptomatic brain metastases are eligible"):
 * it admits untreated ones, which the fact calls 'active' like symptomatic ones.
 */
const ASYMPTOMATIC = /\basymptomatic\b/i;
const ASYMPTOMATIC_OR_TREATED =
  /\b(?:asymptomatic\s+(?:or|and\/or)\s+(?:\w+\s+)?treated|(?<!un)treated\s+(?:or|and\/or)\s+(?:\w+\s+)?asymptomatic)\b/i;
const TREATMENT_ASKED =
  /\b(?<!un)(?:treated|irradiated|resected|radiosurgery|radiotherapy|radiation|surgery|local\s+therapy|completed\s+(?:\w+\s+)?(?:treatment|therapy))\b/i;
function allowsAsymptomatic(clause: string): boolean {
  return ASYMPTOMATIC.test(clause) && (ASYMPTOMATIC_OR_TREATED.test(clause) || !TREATMENT_ASKED.test(clause));
}
/** A permission: "are eligible", "may participate", "are allowed". */
const PERMIT =
  /\b(?:(?:are|is|be|being|were|was|remain|remains)\s+(?:also\s+|still\s+)?(?:eligible|allowed|permitted|acceptable)|(?:eligible|allowed|permitted|acceptable)\s*(?:\)|$|if\b|only\b|provided\b|as\s+long\b|for\s+(?:enrollment|participation|inclusion|the\s+study)|to\s+(?:enroll|participate))|may\s+(?:participate|enroll|be\s+(?:eligible|enrolled|included|allowed|permitted|considered))|can\s+(?:participate|be\s+(?:enrolled|included))|(?:are|is|will)\s+not\s+(?:be\s+)?(?:excluded|an\s+exclusion)|not\s+(?:be\s+)?(?:considered\s+)?(?:an\s+)?exclusion|may\s+be\s+included|will\s+be\s+allowed|may\s+consider\s+participating|can\s+be\s+considered|may\s+(?:be|have)\s+(?:\w+\s+){0,3}(?:treated|untreated|stable|asymptomatic))\b/i;
/** Exceptions in the same sentence: "Brain metastases unless treated and stable". */
const UNLESS =
  /\b(?:unless|except(?:\s+for)?|with\s+the\s+exception\s+of|other\s+than|provided|if\s+they|if\s+(?:the\s+)?(?:metastases|lesions)|as\s+long\s+as|(?:eligible|allowed|permitted)\s+(?:only\s+)?if)\b/i;
/**
 * A permission for metastases in a treated or stable state: "treated", "stable", "radiographic
 * stability", "no ongoing neurological symptoms".
 */
const STABLE_PERMISSION =
  /\b(?:treated|stable|stability|asymptomatic|controlled|inactive|no\s+(?:ongoing\s+|new\s+)?neurologic(?:al)?\s+symptoms)\b/i;
/** "At least one brain metastasis", "one or more measurable brain lesions": the trial needs them. */
const PRESENCE = /\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more|(?:>=|≥)\s*1|measurable|evaluable|target)\b[^.;]*$/i;

/** An item that states a stability condition: "without evidence of progression for 4 weeks". */
const STABILITY_ITEM =
  /\b(?:stable|stability|progression|growth|treatment|new\s+or\s+enlarging|off\s+(?:of\s+)?(?:steroids|corticosteroids)|steroids?|corticosteroids?|asymptomatic|treated|radiosurgery|resection|surgery|radiotherapy|neurologically)\b/i;

/** An item stating the treated and stable state, or the steroids and treatment it allows. */
const STATE_ITEM =
  /\b(?:stable|stability|progression|asymptomatic|neurologically|treated|steroids?|corticosteroids?|dexamethasone|prednisone|radiotherapy|radiation|radiosurgery|surgery|resection|directed\s+therapy)\b/i;

/** What may stand between a negation and the metastases it negates. */
const NEGATED_GAP =
  /^\s*(?:(?:(?:clinical|radiologic\w*|radiographic\w*|documented|known|current|concurrent|any|other|evidence|history|presence|signs?|diagnosis)\s+(?:of\s+)?)|(?:have|has|had|be|with|having|are|is)\s+|(?:and|or|\/)\s+)*$/i;

/** Limits of size, number or location the fact cannot express. */
const RESTRICT =
  /\d+(?:\.\d+)?\s*(?:cm|mm|ml)\b|\bdiameter\b|\blarger\b|\b(?<!any\s)size\b|\bvolume\b|\bbrain\s*stem\b|\bbrainstem\b|\bposterior\s+fossa\b|[<>]\s*\d|\bmore\s+than\s+(?:\d+|one|two|three|four|five)\b|\b(?:\d+|one|two|three|four|five)\s+or\s+(?:more|fewer|less)\b|\bup\s+to\s+\d+\b|\bmaximum\b|\b(?<!any\s)number\b|\bhemorrhagic\b|\bmidline\b|\boptic\b|\bexceed\w*|\bbeyond\b|\bwidespread\b|\bdefinitive\b|\bextensive\b/i;
/** A lower bound on the number of metastases, right before their mention ("more than two", "3 or more"). */
const COUNT_BEFORE =
  /(?:\b(?:more|greater)\s+than|\bover|>|≥|>=)\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*$|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+or\s+more\s*$/i;
/** Only the subject before it: "Patients with", "Participants who have". */
const SUBJECT_LEAD = /^\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|who\s+have|having))?\s*$/i;
/** "radiotherapy for brain metastases": about a treatment, not the patient's state. */
const ABOUT_TREATMENT =
  /\b(?:therapy|treatment|treatments|radiotherapy|radiation|RT|SRS|WBRT|surgery|resection|excision|radiosurgery|steroids?|corticosteroids?|dexamethasone|management|control|screening|evaluation|assessment|imaging|MRI|scan|field|indication|biopsy|irradiation)\s+(?:[\w-]+\s+){0,2}(?:for|of|to|due\s+to|related\s+to|caused\s+by|included|including|involving)\s+(?:the\s+|any\s+|all\s+)?(?:(?!with\b|and\b|or\b)[\w-]+\s+){0,2}$/i;
/** "Neurological symptoms from brain metastases": the metastases are symptomatic. */
const SYMPTOMS_OF =
  /\b(?:symptoms?|signs?)\s+(?:\w+\s+){0,2}(?:from|of|due\s+to|related\s+to|caused\s+by|attributable\s+to)\s+(?:the\s+)?$/i;

/** Words of the definitions of "treated and stable" and "active" that the finding covers. */
const BM_VOCAB = vocab(
  'treated treatment treatments previously prior definitively adequately successfully completely local therapy therapies radiotherapy radiation ' +
    'rt srs srt sbrt stereotactic radiosurgery gamma knife wbrt whole brain surgery surgical surgically resection resected neurosurgical neurosurgery ' +
    'excision irradiated irradiation cns directed brain stable stability stabilized stabilised radiologically radiographically radiographic radiological ' +
    'clinically neurologically neurological neurologic asymptomatic symptomatic symptoms symptom signs sign progression progressive progressing new ' +
    'enlarging enlarged growth evidence imaging image images mri ct scan scans magnetic resonance repeat follow up followup screening baseline ' +
    'comparison compared confirmed documented demonstrated assessed by on at least weeks week wks days day months month off steroids steroid ' +
    'corticosteroids corticosteroid glucocorticoids dexamethasone prednisone prednisolone equivalent mg daily per dose doses decreasing tapering taper ' +
    'tapered escalating increasing increase requiring require required requirement requirements need needed needing anticonvulsants anticonvulsant ' +
    'antiepileptic antiepileptics anti seizure seizures enzyme inducing immediate urgent emergent first study intervention drug randomization ' +
    'randomisation registration enrollment enrolment start initiation entry before after since completion completed end elapsed between minimum must ' +
    'have has had been be is are were no not without free of any and or the a an to for with who which that they these those their such patients ' +
    'participants subjects individuals lesions lesion metastases metastasis metastatic disease may participate eligible allowed permitted acceptable ' +
    'included enrolled enroll provided if as long i e g note should performed during control controlled uncontrolled associated defined untreated ' +
    'active inactive mets cerebral intracranial parenchymal edema clinical physiologic replacement within prior known history treating physician ' +
    'investigator judgment opinion determines determined considered deemed stability neurologically dose day other than unless except exception ' +
    'following criteria meet meets all both apply applies exclusion excluded this period there dosing receiving received at time also well recovered ' +
    'acute toxic effect effects central nervous system leptomeningeal meningeal carcinomatous meningitis lmd spinal cord compression last visit ' +
    'escalation stable dose mm mg/day per day oral iv resolution resolved return returned baseline pre existing preexisting post posttreatment ' +
    'decreasing stable requiring steroid less than equal greater now remain remained remains epileptic continuous continued ongoing ' +
    'show shows showing undergone undergo received receive perspective standard-of-care standard care subsequent interval radical',
);

type State = 'active' | 'treated-stable' | 'none';

/** The words naming a mention as the cause of something: "symptoms caused by", "due to". */
const CAUSE_BEFORE_RE = /\b(?:caused|induced|related|due|secondary|attributable)\s+(?:by|to)\s+(?:the\s+|their\s+|these\s+|such\s+|any\s+)?$/i;

interface BmMention {
  start: number;
  end: number;
  sStart: number;
  sEnd: number;
  /** Qualifier words before the mention in its noun phrase. */
  qualStart: number;
  /** A qualifier shared with another subject ("uncontrolled primary or brain …"). */
  shared?: Span;
  active: boolean;
  /**
   * A relative clause after a mention its qualifier already called active ("symptomatic CNS
   * metastases who are neurologically unstable"): a second state the metastases must also be in.
   */
  narrowingTail?: Span;
  /** A relative clause that is the mention's only state ("brain metastases that are symptomatic"). */
  stateTail?: Span;
  /** Untreated, new or progressing, as opposed to merely symptomatic. */
  strong: boolean;
  stable: boolean;
  permission: boolean;
  /** Other sites named in the mention, which are not brain metastases. */
  holes: Span[];
}

function grab(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

/** The qualifier run before a mention: "Known active untreated" in "Has known active untreated CNS metastases". */
const QUAL_WORDS =
  /(?:\b(?:known|recently|recurrent|malignant|active|untreated|un-treated|symptomatic|asymptomatic|uncontrolled|unstable|progressive|progressing|actively|growing|enlarging|new|newly|diagnosed|detected|clinically|significant|treated|previously|stable|controlled|inactive|current|concurrent|documented|suspected|confirmed|radiologically|radiographically|any|or|and|and\/or|nor|presence|history|evidence|of|known|multiple|existing|prior|untreated|parenchymal|measurable|evaluable|intact|surgically|definitively|not|yet|lesions?|synchronous|metachronous|oligo-symptomatic|or|,|\/)\s*|\([^()]{0,70}\)\s*)+$/i;

/**
 * Start of the qualifier run before `pos` ("Known active untreated"), never beginning with a
 * connective or separator: those belong to the assembler, which joins findings by them.
 */
function qualifierStart(text: string, from: number, pos: number): number {
  const q = QUAL_WORDS.exec(text.slice(Math.max(from, pos - 110), pos));
  if (!q) return pos;
  let start = pos - q[0].length;
  const lead = /^(?:\s*(?:,|\/|\(|\)|\bor\b|\band\/or\b|\band\b|\bnor\b))+\s*/i.exec(text.slice(start, pos));
  if (lead) start += lead[0].length;
  return start;
}

function mentionsOf(input: ExtractInput): BmMention[] {
  const { text } = input;
  const out: BmMention[] = [];
  const found = grab(MENTION, text);
  // Dozens of mentions in one criterion are no eligibility text (and each costs a sentence scan).
  if (found.length > 40) return out;
  for (const m of found) {
    const start = m.index;
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    // Primary brain tumours and non-CNS lesions are other subjects.
    if (
      /\bprimary\s+$/i.test(before) ||
      /\bprimary\s+central\s+nervous\s+system\s*\(\s*$/i.test(before) ||
      /\bnon[\s-]?$|\bextra$/i.test(before)
    )
      continue;
    if (/^(?:cerebral|brain)\s+disease/i.test(m[0]) && !/metasta/i.test(text.slice(Math.max(0, start - 120), end + 40)))
      continue;
    if (/^\s*(?:tumou?rs?|malignanc|lymphoma|glioma)/i.test(text.slice(end, end + 15)) && !/metasta/i.test(m[0]))
      continue;
    // "… documented on the Brain Metastases Baseline Tumor Assessment Form", "Brain lesions should not
    // be included on the Baseline Tumor Assessment Form": a study document, not the patient's disease.
    if (/^(?:\s+[\w-]+){0,10}\s+(?:forms?(?!\s+of\b)|CRFs?|worksheets?)\b/i.test(text.slice(end, end + 100))) continue;
    // "The stereotactic radiotherapy field must not have included the brain index lesion(s)": the
    // lesion the study treats and measures, named to say what may have been done to it. In an
    // exclusion of a trial whose index lesions are in the brain, read as brain metastases it excluded
    // every patient the trial is for.
    if (input.kind === 'exclusion' && /\b(?:index|target)\s+lesions?\b/i.test(m[0])) continue;
    // "Note: Brain lesions may not be targeted for treatment": which lesions the study's procedure may
    // treat, not whether the patient has any (read as brain metastases, the inclusion required them).
    if (/^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:may|must|should|shall|will)\s+not|cannot|can\s*not)\s+be\s+(?:targeted|treated|selected|chosen|used|injected|irradiated|ablated)\b/i.test(text.slice(end, end + 80))) continue;
    // "Metastases only located in the CNS", "isolated brain metastases": limited to patients without
    // other metastases, which the fact does not say.
    if (
      /\bonly\b/i.test(m[0]) ||
      /\b(?:isolated|only|solely|exclusively)\s+(?:[\w-]+\s+)?$/i.test(before) ||
      /^\s*only\b/i.test(text.slice(end, end + 10))
    )
      continue;
    const sStart = sentenceStart(text, start);
    const sEnd = sentenceEnd(text, end);
    // The qualifiers of a mention start after the mention before it and the clause that follows it
    // ("… metastases which are neurologically unstable, or CNS metastases …": "unstable" is the first's).
    const prev = out[out.length - 1];
    let qualStart = qualifierStart(text, Math.max(sStart, prev ? (prev.narrowingTail?.[1] ?? prev.end) : 0), start);
    // "uncontrolled primary or brain metastatic tumors": the qualifier distributes over both.
    const shared =
      qualStart === start
        ? /\b((?:uncontrolled|active|untreated|symptomatic|progressive|known)(?:\s+(?:or|and)\s+(?:uncontrolled|active|untreated|symptomatic|progressive))*)\s+(?:primary|extracranial|systemic)\s+(?:or|and\/or)\s+$/i.exec(
            text.slice(Math.max(sStart, start - 80), start),
          )
        : null;
    const sharedSpan: Span | null = shared
      ? [start - shared[0].length, start - shared[0].length + shared[1]!.length]
      : null;
    const qualText = sharedSpan ? text.slice(sharedSpan[0], sharedSpan[1]) : text.slice(qualStart, start);
    if (sharedSpan) qualStart = start;
    // The clause after the mention up to the next comma, semicolon, "or"/"and" before another subject.
    const after =
      text
        .slice(end, Math.min(sEnd, end + 90))
        .split(/[;,]|\b(?:or|and)\s+(?=(?:spinal|leptomeningeal|carcinomatous|meningeal|cord)\b)/i)[0] ?? '';
    const activeTail =
      /^\s*(?:that|which|who)?\s*(?:are|is|have|has|were)?\s*(?:been\s+)?(?:(?:with|currently|still|now|being|clinically|radiologically|neurologically|yet)\s+)?(?:untreated|symptomatic|unstable|uncontrolled|progressive|progressing|not\s+(?:been\s+)?(?:\w+\s+)?(?:treated|stable|controlled|resected|irradiated)|requir|need|associated\s+with\s+progressive)/i.test(
        after,
      );
    const stateClause =
      activeTail && !ACTIVE.test(qualText)
        ? /^\s*(?:that|which|who)\s+(?:are|is|were)\s+(?:(?:currently|still|clinically|radiologically)\s+)?(?:active|untreated|symptomatic|unstable|uncontrolled|progressive|progressing)(?=\s*$)/i.exec(after)
        : null;
    const tailClause = activeTail && ACTIVE.test(qualText) ? /^\s*(?:that|which|who)\s+[^.;,]*?(?=\s+or\s+(?:have|has|had|are|is|were|require|need)\b|$)/i.exec(after) : null;
    out.push({
      start,
      end,
      sStart,
      sEnd,
      qualStart,
      ...(sharedSpan ? { shared: sharedSpan } : {}),
      ...(stateClause ? { stateTail: [end + stateClause[0].length - stateClause[0].trimStart().length, end + stateClause[0].length] as Span } : {}),
      ...(tailClause ? { narrowingTail: [end + tailClause[0].length - tailClause[0].trimStart().length, end + tailClause[0].length] as Span } : {}),
      active:
        ACTIVE.test(qualText) ||
        activeTail ||
        SYMPTOMS_OF.test(text.slice(Math.max(sStart, qualStart - 60), qualStart)),
      stable:
        STABLE.test(qualText) ||
        /^\s*(?:that|which)?\s*(?:are|is|have|has)?\s*(?:been\s+)?(?:(?:previously|definitively|adequately|successfully|completely|now|radiologically|clinically|neurologically)\s+)?(?:treated|stable|controlled)/i.test(
          after,
        ),
      strong: ACTIVE_STRONG.test(qualText),
      permission: permits(text, sStart, sEnd, start),
      holes: [...m[0].matchAll(OTHER_SITE_RE)].map((h) => [start + h.index, start + h.index + h[0].length] as Span),
    });
  }
  return out;
}

/**
 * The clause holding `pos`: sentences joined by "but", "however", "whereas" or a colon are two
 * statements, and a parenthesis holding `pos` is its own clause.
 */
function clauseRange(text: string, sStart: number, sEnd: number, pos: number): Span {
  const open = text.lastIndexOf('(', pos);
  if (open >= sStart) {
    const close = text.indexOf(')', open);
    if (close < 0 || close >= pos) return [open + 1, close < 0 || close > sEnd ? sEnd : close];
  }
  let from = sStart;
  let to = sEnd;
  const re = /,?\s*\b(?:but|however|whereas)\b|:\s/gi;
  re.lastIndex = sStart;
  for (let m = re.exec(text); m && m.index < sEnd; m = re.exec(text)) {
    if (m.index < pos) from = m.index + m[0].length;
    else {
      to = m.index;
      break;
    }
  }
  return [from, to];
}

function clauseOf(text: string, sStart: number, sEnd: number, pos: number): string {
  const [a, b] = clauseRange(text, sStart, sEnd, pos);
  return text.slice(a, b);
}

/**
 * Whether the clause of a mention grants a permission ("… are eligible"). A parenthetical after
 * the mention ("Uncontrolled brain metastases (eligible only if stable …)") qualifies it and does
 * not make the mention itself a permission.
 */
function permits(text: string, sStart: number, sEnd: number, pos: number): boolean {
  // "Brain metastases unless treated … may be included": the permission is the exception's.
  let clause = clauseOf(text, sStart, sEnd, pos);
  const offset = text.indexOf(clause, sStart);
  const unless = /\b(?:unless|except(?:\s+for)?|with\s+the\s+exception\s+of|other\s+than)\b/i.exec(
    text.slice(pos, offset + clause.length),
  );
  if (unless && offset >= 0) clause = clause.slice(0, pos - offset + unless.index);
  const plain = clause.replace(/\([^()]*(?:\)|$)/g, ' ');
  return PERMIT.test(plain) && !negatedPermission(plain);
}

/** "are not eligible" is an exclusion, not a permission. */
function negatedPermission(sentence: string): boolean {
  return /\b(?:not|never|ineligible)\s+(?:be\s+)?(?:eligible|allowed|permitted|acceptable)\b/i.test(sentence);
}

/** An exception scope ("except …", "unless …") holding `pos`, unless it closed with its parenthesis. */
function inException(input: ExtractInput, pos: number): boolean {
  return input.scopes.scopes.some((sc) => {
    if (sc.kind !== 'exception' || pos < sc.start || pos >= sc.end) return false;
    const open = input.text.lastIndexOf('(', sc.trigger[0]);
    const close = open >= 0 ? input.text.indexOf(')', open) : -1;
    return !(open >= 0 && close > sc.trigger[0] && close < pos);
  });
}

/**
 * An inclusion sentence that limits the size, number or location of the metastases the patient may
 * have, without granting, excepting or framing them: "… brain metastasis must be ≤ 30 mm", "No brain
 * metastasis is > 2 cm in diameter".
 */
function limitRequired(text: string, m: BmMention): boolean {
  const sentence = text.slice(m.sStart, m.sEnd);
  const lead = text.slice(m.sStart, m.qualStart);
  const after = text.slice(m.end, m.sEnd);
  if (!RESTRICT.test(after)) return false;
  if (PERMIT.test(sentence) || UNLESS.test(sentence) || ALLOWS_UNTREATED.test(sentence)) return false;
  if (/\b(?:if|when|in\s+case|unless|except|until|only)\b/i.test(sentence)) return false;
  // A lower bound ("at least one brain metastasis must be ≥ 5 mm") requires metastases: no limit.
  // Said of all of them ("All brain metastases must be … ≥ 5 mm from the optic chiasm") it is one.
  if (/\b(?:at\s+least|one\s+or\s+more|minimum|measurable|evaluable|target)\b/i.test(sentence)) return false;
  if (/>=|≥|=>/.test(sentence) && !/^\s*(?:all|each|every|any)\b/i.test(sentence)) return false;
  const required =
    /^[^.;]*?\b(?:must|should|shall)\s+(?:(?:all\s+)?be|have|measure|not\s+exceed)\b/i.test(after) &&
    /(?:≤|<=|=<|<|\b(?:no|not)\s+(?:more|larger|greater|bigger)\s+than\b|\bnot\s+exceed|\b(?:less|smaller|fewer)\s+than\b|\bup\s+to\b|\bmaximum\b|\bat\s+most\b)/i.test(sentence);
  const noneAbove =
    /^\s*no\s+(?:\w+\s+){0,2}$/i.test(lead) && /^\s*(?:is|are|was|were|measur\w*|exceed\w*|larger|greater|>)/i.test(after);
  return required || noneAbove;
}

function bmCondition(states: State[]): Condition {
  return { fact: 'brainMetastases', operator: 'in', value: states };
}

function sameStates(c: Condition, states: State[]): boolean {
  return (
    'fact' in c &&
    c.fact === 'brainMetastases' &&
    c.operator === 'in' &&
    Array.isArray(c.value) &&
    c.value.length === states.length &&
    states.every((s) => (c.value as string[]).includes(s))
  );
}

/**
 * Leaves open what an asymptomatic permission admits: in an exclusion the 'active' metastases are
 * excluded only if a coordinator finds them not admitted, all(active, unparsed); an inclusion that
 * admits none or treated-stable ones also admits, unknown to the facts, asymptomatic untreated ones.
 */
function admitAsymptomatic(c: Condition, exclusion: boolean, unread: Condition): Condition {
  if (exclusion) {
    if (sameStates(c, ['active'])) return { all: [c, unread] };
    if ('all' in c) return { all: c.all.map((x) => admitAsymptomatic(x, exclusion, unread)) };
    if ('any' in c) return { any: c.any.map((x) => admitAsymptomatic(x, exclusion, unread)) };
    return c;
  }
  const admitsNone = leavesOf(c).some((l) => l.fact === 'brainMetastases' && Array.isArray(l.value) && l.value.includes('none'));
  return admitsNone ? { any: [c, unread] } : c;
}

/** Corticosteroid use within `days` of the as-of date (rules/drugs.json class, kind 'supportive'). */
function steroidUse(days: number, value: boolean): Condition {
  return { fact: 'priorTherapy', operator: 'equal', value, params: { classes: ['corticosteroid'], withinDays: days } };
}

/** A treatment the definition of the metastases' state bounds in time, as the patient's own history. */
interface TimedUse {
  use: Condition;
  /** A narrowing no fact holds ("or on a stable dose …", "for brain metastases"), kept as an unparsed leaf. */
  qualifier?: string;
  /** An alternative no fact holds ("or anticonvulsants"), kept as an unparsed leaf beside it. */
  alternative?: string;
  span: Span;
}

function windowDays(value: string, unit: string): number | null {
  const n = toNumber(value);
  if (n === null || n <= 0) return null;
  return /^d/i.test(unit) ? n : /^w/i.test(unit) ? n * 7 : n * 30;
}

/** A treatment list: "radiotherapy or surgery", "whole-brain radiotherapy and/or stereotactic radiosurgery". */
function treatmentRun(input: ExtractInput, from: number, to: number): Array<{ start: number; end: number; kinds: Set<string> }> {
  const items = input.mentions
    .filter((m) => m.type === 'therapyKind' && (m.id === 'radiation' || m.id === 'surgery') && m.start >= from && m.end <= to)
    .sort((a, b) => a.start - b.start);
  const runs: Array<{ start: number; end: number; kinds: Set<string> }> = [];
  for (const m of items) {
    const last = runs[runs.length - 1];
    if (last && m.start >= last.end && /^\s*(?:,|\/|or|and|and\/or)?\s*$/i.test(input.text.slice(last.end, m.start))) {
      last.end = Math.max(last.end, m.end);
      last.kinds.add(m.id);
    } else if (!last || m.start >= last.end) runs.push({ start: m.start, end: m.end, kinds: new Set([m.id]) });
  }
  return runs;
}

/** A site the treatment is limited to, which no fact holds: "for brain metastases", "whole brain". */
const TREATMENT_SITE = /\b(?:brain|cranial|intracranial|cns|central\s+nervous|cerebral|spine|spinal|stereotactic|radiosurgery|srs|gamma\s+knife)\b/i;
/**
 * What follows a treatment completed before a date: "(for brain metastases) was completed ≥ 2 weeks
 * before", "at least 4 weeks prior to", "at least 14 days prior to". The bound says how long ago it
 * must have ended; a treatment within that window breaks the requirement.
 */
const COMPLETED_BEFORE = new RegExp(
  String.raw`^\s*(?:(?:treatment|therapy)\s+)?((?:for|to)\s+(?:the\s+)?(?:brain|CNS|intracranial|cerebral)(?:\s+(?:metastas[ie]s|mets|lesions?|disease))?\s+)?(?:(?:was|were|has\s+been|have\s+been|must\s+have\s+been|must\s+be|should\s+have\s+been)\s+)?(?:(?:completed|given|administered|performed|finished)\s+)?(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=|=>|more\s+than|greater\s+than|>)\s*(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\s+(?:prior|before)\b`,
  'i',
);
/**
 * Before a treatment whose end must lie some time back: "A minimum of 2 weeks must have elapsed
 * between the end of (local therapy (brain)", "≥ 4 weeks from completion of". Group 3 is a
 * treatment named before the list ("local therapy ("), group 4 words of the treatment before the
 * lexicon's phrase ("brain").
 */
const ELAPSED_SINCE = new RegExp(
  String.raw`\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=|=>|more\s+than|greater\s+than|>)\s*(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\s+(?:must\s+(?:have\s+)?|should\s+(?:have\s+)?|have\s+|has\s+)?(?:elapsed|passed)?\s*(?:from|after|since|between)\s+(?:the\s+)?(?:completion|end|last\s+(?:dose|fraction|session))\s+of\s+(?:the\s+)?(?:prior\s+|previous\s+|any\s+)?((?:local|cns[\s-]directed|brain[\s-]directed)\s+(?:therapy|treatment)\s*\(\s*)?((?:[\w-]+\s+){0,2}?)$`,
  'i',
);
/** The event a treatment must have ended before: "and study randomization", "and enrollment". */
const ELAPSED_TAIL = vocab('and study randomization randomisation enrollment enrolment registration treatment start first dose day');

/** Before a completed treatment: "who have undergone", "must have completed", "received". */
const COMPLETED_LEAD =
  /\b(?:(?:have|has|had)\s+(?:undergone|received|completed|had)|must\s+have\s+(?:completed|received|undergone)|completed|undergone|received)\s+(?:(?:prior|previous|their|the)\s+)?$/i;

/** Treatments completed at least N days before the study: in a definition of treated metastases. */
function completedBefore(input: ExtractInput, from: number, to: number): TimedUse[] {
  const { text } = input;
  const out: TimedUse[] = [];
  for (const run of treatmentRun(input, from, to)) {
    const use = (days: number): Condition => ({
      fact: 'priorTherapy',
      operator: 'equal',
      value: true,
      params: { kinds: [...run.kinds].sort() as never, withinDays: days },
    });
    const treatment = text.slice(run.start, run.end);
    // "A minimum of 2 weeks must have elapsed between the end of whole brain radiotherapy and …"
    const elapsed = ELAPSED_SINCE.exec(text.slice(Math.max(from, run.start - 120), run.start));
    if (elapsed) {
      const days = windowDays(elapsed[1]!, elapsed[2]!);
      if (days === null) continue;
      const close = /^\s*(?:\([^()]*\)\s*)?\)?/.exec(text.slice(run.end, to))![0];
      const end = Math.max(run.end + close.length, Math.min(to, timingTail(input, run.end + close.length, ELAPSED_TAIL)));
      // "the end of local therapy (brain radiotherapy or surgery)": the site is in the treatment's words.
      const named = `${elapsed[4] ?? ''}${treatment}`;
      const qualifier = TREATMENT_SITE.test(named) ? named : null;
      out.push({ use: use(days), ...(qualifier ? { qualifier } : {}), span: [run.start - elapsed[0].length, end] });
      continue;
    }
    const win = COMPLETED_BEFORE.exec(text.slice(run.end, to));
    if (!win) continue;
    const days = windowDays(win[2]!, win[3]!);
    if (days === null) continue;
    const lead = COMPLETED_LEAD.exec(text.slice(Math.max(from, run.start - 40), run.start));
    const start = lead ? run.start - lead[0].length : run.start;
    const end = Math.max(run.end + win[0].length, Math.min(to, timingTail(input, run.end + win[0].length)));
    const qualifier = win[1] ? `${treatment} ${win[1].trim()}` : TREATMENT_SITE.test(treatment) ? treatment : null;
    out.push({ use: use(days), ...(qualifier ? { qualifier } : {}), span: [start, end] });
  }
  return out;
}

/**
 * A treatment that makes metastases count as active, in an exclusion: "CNS metastases that require
 * (doses of) corticosteroids within 14 days prior to Day 1", "with need for steroid treatment in the
 * last 8 weeks", "have required radiation within 28 days". Treated metastases under such treatment
 * are excluded too, so the window is one of the ways the exclusion is met.
 */
const REQUIRED_LEAD =
  /\b(?:requir(?:e|es|ed|ing)|(?:with\s+)?(?:the\s+)?need\s+(?:for|of)|needing|needed)\s+(?:(?:doses?|treatment|therapy|use)\s+(?:of|with)\s+)?(?:any\s+|systemic\s+)?$/i;
const REQUIRED_WINDOW = new RegExp(
  String.raw`^(?:\s+(?:treatment|therapy|use))?\s*,?\s*(?:within|in|during)\s+(?:the\s+)?(?:last|prior|past|previous|preceding)?\s*(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\b`,
  'i',
);
function requiredWithin(input: ExtractInput, from: number, to: number): TimedUse[] {
  const { text } = input;
  const out: TimedUse[] = [];
  const candidates: Array<{ start: number; end: number; steroid: boolean; use: (days: number) => Condition }> = [];
  for (const m of input.mentions) {
    if (m.start < from || m.end > to) continue;
    if (isSteroidMention(input, m)) candidates.push({ start: m.start, end: m.end, steroid: true, use: (days) => steroidUse(days, true) });
  }
  for (const run of treatmentRun(input, from, to))
    candidates.push({
      ...run,
      steroid: false,
      use: (days) => ({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...run.kinds].sort() as never, withinDays: days } }),
    });
  for (const c of candidates) {
    const lead = REQUIRED_LEAD.exec(text.slice(Math.max(from, c.start - 50), c.start));
    if (!lead) continue;
    const start = c.start - lead[0].length;
    const win = REQUIRED_WINDOW.exec(text.slice(c.end, to));
    if (!win) {
      // "or requiring therapy with corticosteroids or anticonvulsants to control associated symptoms":
      // steroids needed now, a clause of their own.
      const now = STEROIDS_NOW.exec(text.slice(c.end, to));
      if (!now || !c.steroid || !/^requir/i.test(lead[0])) continue;
      const alternative = now[1] ? text.slice(c.end, c.end + now[0].length).match(/\b(?:anti-?convulsants?|anti-?epileptics?(?:\s+drugs)?|anti-?seizure\s+medications?)/i)?.[0] : undefined;
      out.push({ use: c.use(1), span: [start, c.end + now[0].length - now[2]!.length], ...(alternative ? { alternative } : {}) });
      continue;
    }
    const days = windowDays(win[1]!, win[2]!);
    if (days === null) continue;
    const winEnd = c.end + win[0].length;
    out.push({ use: c.use(days), span: [start, Math.max(winEnd, Math.min(to, timingTail(input, winEnd)))] });
  }
  return out;
}
/**
 * After the steroids of a requirement with no window: an anticonvulsant alternative (group 1), a
 * purpose, and the end of the clause (group 2).
 */
const STEROIDS_NOW =
  /^(?:\s+(?:treatment|therapy))?(\s+(?:or|and\/or|\/)\s+(?:anti-?convulsants?|anti-?epileptics?(?:\s+drugs)?|anti-?seizure\s+medications?))?(?:\s+(?:to|for)\s+(?:control|manage|treat|management\s+of|control\s+of)?\s*(?:the\s+|their\s+)?(?:associated\s+|related\s+)?(?:symptoms|o?edema)(?:\s+of\s+(?:the\s+)?(?:CNS|brain)\s+(?:metastases|disease))?)?(\s*(?:[,;.)]|\bor\b|$))/i;

/**
 * A steroid dose named as a requirement: "on a stable dose of corticosteroids for 3 weeks", "stable or
 * decreasing dose of steroids", "have not required an increase in steroid dose in prior 2 weeks".
 */
const STEROID_DOSE_LEAD =
  /\b(?:(?:(?:be|been|are|is|on|at|receiving|taking|with)\s+)?(?:an?\s+)?(?:stable|decreasing|tapering|reducing|non-?increasing|steady)(?:\s*(?:,|or|and\/or|and)\s*(?:stable|decreasing|tapering|reducing|non-?increasing))*\s+(?:daily\s+)?doses?\s+(?:of\s+)?|(?:(?:have|has)\s+not\s+(?:required|needed|had)|no|not\s+(?:required|needed)|without)\s+(?:an?\s+|any\s+)?increas(?:e|ed|ing)\s+(?:in\s+)?(?:the\s+)?(?:dose\s+of\s+)?)$/i;
const STEROID_DOSE_TAIL = new RegExp(
  String.raw`^(?:\s+(?:doses?|treatment|therapy|use))?(?:\s*,?\s*(?:for|in|during|within)\s+(?:the\s+)?(?:at\s+least|a\s+minimum\s+of|>=|≥|prior|last|past|previous)?\s*${NUMBER}[\s-]*(?:days?|weeks?|wks?|months?)\b)?`,
  'i',
);
function steroidDoses(input: ExtractInput, from: number, to: number): Span[] {
  const { text } = input;
  const out: Span[] = [];
  for (const m of input.mentions) {
    if (m.start < from || m.end > to) continue;
    if (!isSteroidMention(input, m)) continue;
    const lead = STEROID_DOSE_LEAD.exec(text.slice(Math.max(from, m.start - 80), m.start));
    if (!lead) continue;
    const tail = STEROID_DOSE_TAIL.exec(text.slice(m.end, to));
    const end = m.end + (tail ? tail[0].length : 0);
    // "Stable doses of steroids are permitted": an allowance, not a requirement.
    if (/^\s*(?:\([^()]*\)\s*)?(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:permitted|allowed|acceptable)\b/i.test(text.slice(end, to)))
      continue;
    const start = m.start - lead[0].length + (lead[0].length - lead[0].replace(/^(?:be|been|are|is)\s+/i, '').length);
    out.push([start, end]);
  }
  return out;
}

/** "recently treated", "recently irradiated" in the qualifiers of a mention. */
const RECENTLY_TREATED_WORD = /\brecently\s+(?:treated|irradiated|resected)\b/i;
/** The unit of a window, up to the parenthesis that closes it ("6 months of screening)"). */
const WINDOW_IN_PARENS = String.raw`(${NUMBER})[\s-]*(days?|weeks?|wks?|months?)\b[^()]{0,40}\)`;
/**
 * Metastases treated within a window, as a state that excludes: "recently treated (≤ 6 months of
 * screening)", "recently treated (less than 6 months of screening)".
 */
const RECENTLY_TREATED = new RegExp(
  String.raw`^recently\s+(?:treated|irradiated|resected)\s*\(\s*(?:≤|<=|=<|<|less\s+than|fewer\s+than|within(?:\s+the\s+(?:last|past))?|up\s+to|no\s+more\s+than)\s*${WINDOW_IN_PARENS}`,
  'i',
);
/**
 * Metastases whose treatment ended long enough ago, in the permission that admits them: "previously
 * treated (> 6 months of screening)", "treated (greater than 6 months of screening)".
 */
const TREATED_LONG_AGO = new RegExp(
  String.raw`\b(?:previously\s+|prior\s+)?(?<!\b(?:non|un)-)(?:treated|irradiated|resected)\s*\(\s*(?:>|≥|>=|=>|greater\s+than|more\s+than|longer\s+than|over|at\s+least)\s*${WINDOW_IN_PARENS}`,
  'gi',
);

/**
 * A window on the treatment of the metastases themselves ("recently treated (≤ 6 months of
 * screening) CNS metastases"; in the permission, "previously treated (> 6 months of screening)"):
 * treated metastases whose treatment lies within it still exclude. The treatment may be any
 * anticancer therapy (radiotherapy, surgery or a systemic drug all treat brain metastases), and no
 * fact says which metastases a treatment was for, so the words stay an unparsed qualifier beside
 * priorTherapy(kinds: every anticancer kind, withinDays): a patient with no anticancer treatment in
 * the window is not excluded, one with some is left to a coordinator.
 */
function recentlyTreated(input: ExtractInput, [a, b]: Span): TimedUse[] {
  const win = RECENTLY_TREATED.exec(input.text.slice(a, b));
  const days = win ? windowDays(win[1]!, win[2]!) : null;
  if (!win || days === null) return [];
  return [{ use: anyTreatmentWithin(days), qualifier: input.text.slice(a, b), span: [a, a + win[0].length] }];
}
function treatedLongAgo(input: ExtractInput, from: number, to: number): TimedUse[] {
  const { text } = input;
  const out: TimedUse[] = [];
  for (const win of text.slice(from, to).matchAll(TREATED_LONG_AGO)) {
    const days = windowDays(win[1]!, win[2]!);
    if (days === null) continue;
    const start = from + win.index;
    let end = start + win[0].length;
    // The metastases the window is of, when named right after it ("… (> 6 months of screening) CNS metastases").
    MENTION.lastIndex = end;
    const named = MENTION.exec(text);
    if (named && named.index < to && /^\s*$/.test(text.slice(end, named.index))) end = named.index + named[0].length;
    MENTION.lastIndex = 0;
    out.push({ use: anyTreatmentWithin(days), qualifier: text.slice(start, end), span: [start, start + win[0].length] });
  }
  return out;
}
/** A window treatedLongAgo read: the permission states how long ago the treatment must lie. */
const TREATED_LONG_AGO_WORDS = /\b(?:treated|irradiated|resected)\s*\(/i;
function anyTreatmentWithin(days: number): Condition {
  return { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...ANTICANCER_KINDS], withinDays: days } };
}

/**
 * "Brain metastases must be previously untreated, except for surgery", "… must be untreated with any
 * modality of radiotherapy or systemic treatment": a requirement on the treatment history of the
 * metastases, the whole rest of the sentence. Group 1 is a further state ("newly diagnosed and"),
 * group 2 the treatments that count ("with …"), group 3 those that do not ("except for …").
 */
const UNTREATED_REQUIREMENT =
  /^\s*(?:must|should|shall)\s+(?:be|have\s+been|remain)\s+(newly\s+diagnosed\s+and\s+)?(?:(?:previously|still)\s+)?(?:untreated|treatment[\s-]na[iï]ve|not\s+(?:been\s+)?(?:previously\s+)?treated)(?:\s+(?:with|by)\s+(?:any\s+(?:modality|form|type|kind)\s+of\s+)?([^,.;()]+?))?(?:\s*,?\s*\(?\s*(?:except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from)\s+(?:prior\s+|previous\s+)?([^,.;()]+?)\s*\)?)?\s*[.;]?\s*$/i;

/**
 * The names of a whole kind: a treatment excepted from a requirement must be one, since excepting a
 * kind for one of its members ("except for prior stereotactic radiosurgery") would let the others in.
 */
const WHOLE_KIND_NAME =
  /^(?:surgery|surgical\s+(?:resection|treatment|intervention)|resection|neurosurgery|neurosurgical\s+resection|radiotherapy|radiation(?:\s+therapy|\s+treatment)?|irradiation|RT|systemic\s+(?:therapy|treatment)|chemotherapy)$/i;

/** Kinds that are systemic therapy (facts.ts: systemic covers them). */
const SYSTEMIC_KINDS = new Set(['chemotherapy', 'immunotherapy', 'targeted', 'hormonal']);

const UNTREATED_LEAD =
  /^\s*(?:must|should|shall)\s+(?:be|have\s+been|remain)\s+(?:newly\s+diagnosed\s+and\s+)?(?:(?:previously|still)\s+)?(?:untreated|treatment[\s-]na[iï]ve|not\s+(?:been\s+)?(?:previously\s+)?treated)\b/i;

/** The treatment kinds a list names, when the list is only treatments and connectives. */
function listedKinds(input: ExtractInput, from: number, to: number, wholeKinds = false): Set<string> | null {
  const runs = treatmentRun(input, from, to);
  const kinds = new Set<string>();
  let rest = input.text.slice(from, to);
  for (const m of input.mentions) {
    if (m.type !== 'therapyKind' || m.start < from || m.end > to) continue;
    if (wholeKinds && !WHOLE_KIND_NAME.test(input.text.slice(m.start, m.end))) return null;
    kinds.add(m.id);
    rest = rest.slice(0, m.start - from) + ' '.repeat(m.end - m.start) + rest.slice(m.end - from);
  }
  const connective = /\b(?:or|and|and\/or|any|other|combinations?(?:\s+of\s+(?:therapy|therapies|these|them|the\s+above))?)\b/gi;
  if (!kinds.size || !runs.length || /\w/.test(rest.replace(connective, ''))) return null;
  return kinds;
}

/**
 * The requirement read as the patient's treatments: metastases that none of the counted treatments
 * reached meet it, so a patient who never had one of them (or has no metastases) does. Who had one
 * is left to a coordinator, since no fact says which metastases a treatment was for:
 *   any(brainMetastases in [none], priorTherapy(counted) = false, unparsed requirement)
 * When every anticancer treatment counts ("must be previously untreated"), treated metastases fail it
 * and untreated ones need the history:
 *   any(brainMetastases in [none], all(brainMetastases in [active], any(priorTherapy = false, unparsed)))
 */
function untreatedRequirement(input: ExtractInput, m: BmMention): Finding | null {
  const { text } = input;
  const req = UNTREATED_REQUIREMENT.exec(text.slice(m.end, m.sEnd));
  if (!req) return null;
  const at = (group: number): [number, number] | null => {
    const g = req[group];
    if (!g) return null;
    const start = m.end + req.index + req[0].indexOf(g, group === 3 && req[2] ? req[0].indexOf(req[2]) + req[2].length : 0);
    return [start, start + g.length];
  };
  const withSpan = at(2);
  const exceptSpan = at(3);
  // A named kind counts as the broadest kind holding it ("chemotherapy" as any systemic therapy): the
  // query then passes fewer patients, never one the text fails.
  const listed = withSpan ? listedKinds(input, withSpan[0], withSpan[1]) : new Set<string>(ANTICANCER_KINDS);
  const counted = listed && new Set([...listed].map((k) => (SYSTEMIC_KINDS.has(k) ? 'systemic' : k)));
  const excepted = exceptSpan ? listedKinds(input, exceptSpan[0], exceptSpan[1], true) : new Set<string>();
  if (!counted || !excepted) return null;
  const kinds = ANTICANCER_KINDS.filter((k) => counted.has(k) && !excepted.has(k));
  if (!kinds.length) return null;
  const sentence = text.slice(m.qualStart, m.sEnd).replace(/[\s.;]+$/, '');
  const unread: Condition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: sentence } };
  const never: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: [...kinds] } };
  const rest: Condition = kinds.length === ANTICANCER_KINDS.length ? { all: [bmCondition(['active']), { any: [never, unread] }] } : { any: [never, unread] };
  // "must be newly diagnosed and previously untreated": a further state no fact holds, which the
  // metastases must be in whatever their history.
  const newly: Condition | null = req[1] ? { fact: 'unparsed', operator: 'equal', value: true, params: { text: req[1].replace(/\s+and\s+$/i, '') } } : null;
  const condition: Condition = newly
    ? { any: [bmCondition(['none']), { all: [newly, rest] }] }
    : { any: [bmCondition(['none']), ...('any' in rest ? rest.any : [rest])] };
  return {
    category: 'brain_metastases',
    condition,
    spans: [[m.qualStart, m.sEnd]],
    anchor: m.start,
    polarityHandled: true,
    alsoReads: ['prior_therapy'],
  };
}

/**
 * Progression the trial needs after treatments it names: "CNS progression after previous CNS-directed
 * therapy (radiation therapy, surgery, or any combination of therapy)". Only a patient who had one of
 * them can meet it, so the treatment is a necessary condition beside the unread rest (what it was
 * directed at): all(priorTherapy(kinds), unparsed).
 */
const PROGRESSION_AFTER =
  /^\s*(?:after|following|despite)\s+(?:prior|previous)\s+((?:CNS|brain|intracranial|cranial)[\s-]directed\s+(?:therapy|treatment)\s*\(\s*)?([^().;]+?)\s*\)?\s*[.;]?\s*$/i;
function progressionAfter(input: ExtractInput, m: BmMention): { condition: Condition; span: Span } | null {
  const { text } = input;
  if (!/\bprogression\b/i.test(text.slice(m.start, m.end))) return null;
  const after = PROGRESSION_AFTER.exec(text.slice(m.end, m.sEnd));
  if (!after) return null;
  const listStart = m.end + after[0].indexOf(after[2]!, after[1] ? after[0].indexOf(after[1]) + after[1].length : 0);
  const kinds = listedKinds(input, listStart, listStart + after[2]!.length);
  if (!kinds) return null;
  const tail = text.slice(m.end, m.end + after[0].length).trim().replace(/[.;]$/, '');
  return {
    condition: {
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...kinds].sort() } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: tail } },
      ],
    },
    span: [m.end + after[0].length - after[0].trimStart().length, m.end + after[0].length],
  };
}

/**
 * Treated metastases allowed only off steroids, or some time after their radiotherapy or surgery: the
 * patient's treatments are facts of their own, so the finding that allows treated-stable metastases
 * takes them as conditions on them.
 *   exclusion "Active brain metastases. Treated metastases allowed if off steroids ≥ 14 days"
 *       → any(brainMetastases in [active], all(brainMetastases in [treated-stable], steroids within 14 days))
 *   inclusion "Patients with treated brain metastases must have discontinued steroids ≥ 14 days"
 *       → any(brainMetastases in [none], all(brainMetastases in [treated-stable], no steroids within 14 days))
 *   exclusion "… stable CNS disease, who have undergone radiotherapy at least 4 weeks prior … are eligible"
 *       → any(brainMetastases in [active], all(brainMetastases in [treated-stable], radiation within 28 days))
 *   exclusion "… or CNS metastases that require corticosteroids within 21 days prior to …" (`active`
 *   ranges) → the same form: treated metastases under steroids are excluded too.
 * An alternative or a limit no fact holds ("either off steroids or on a stable dose of ≤ 10 mg
 * prednisone", "radiotherapy for brain metastases") stays an unparsed leaf beside the treatment: the
 * exclusion then needs both the treatment and the unknown, the inclusion is met by either, so the rule
 * is never stricter nor looser than the text.
 */
function withTreatments(input: ExtractInput, f: Finding, ranges: Span[], active: Span[] = [], recent?: Span): void {
  const exclusionForm = sameStates(f.condition, ['active']);
  if (!exclusionForm && !sameStates(f.condition, ['none', 'treated-stable'])) return;
  const uses: TimedUse[] = [];
  for (const [a, b] of ranges) {
    const found = steroidFree(input, a, b);
    if (found) {
      uses.push({ use: steroidUse(found.days, true), span: found.span, ...(found.qualifier ? { qualifier: found.qualifier.text } : {}) });
      break;
    }
  }
  for (const [a, b] of ranges) uses.push(...completedBefore(input, a, b));
  if (exclusionForm) for (const [a, b] of active) uses.push(...requiredWithin(input, a, b));
  // The exclusion's "recently treated (≤ 6 months …)" and its permission's "previously treated (> 6
  // months …)" state one window: read once. A permission window other than the exclusion's would
  // contradict it and stays as it was, covered by the permission's words only.
  const recentUses = exclusionForm && recent ? recentlyTreated(input, recent) : [];
  uses.push(...recentUses);
  const restated: Span[] = [];
  for (const [a, b] of ranges)
    for (const u of treatedLongAgo(input, a, b)) {
      if (!recentUses.length) uses.push(u);
      else if (recentUses.some((r) => JSON.stringify(r.use) === JSON.stringify(u.use))) restated.push(u.span);
    }
  // "recently treated" with no window the reader finds: treated metastases may still exclude, which
  // only a coordinator can tell.
  const recentUnread = exclusionForm && recent && !recentUses.length && !uses.some((u) => u.qualifier && TREATED_LONG_AGO_WORDS.test(u.qualifier))
    ? input.text.slice(recent[0], recent[1])
    : null;
  // One treatment named twice (the active definition's "requiring corticosteroids or anticonvulsants",
  // the permission's "require no corticosteroids") is one branch: the wider reading holds the other.
  const rank = (u: TimedUse): number => (u.alternative ? 0 : u.qualifier ? 2 : 1);
  const distinct = uses.filter((u, i) => {
    if (uses.findIndex((o) => o.span[0] === u.span[0]) !== i) return false;
    const key = JSON.stringify(u.use);
    const best = uses.filter((o) => JSON.stringify(o.use) === key).sort((x, y) => rank(x) - rank(y))[0]!;
    return best === u || rank(best) === 2;
  });
  const spans = uses.map((u) => u.span);
  const doses = ranges.flatMap(([a, b]) => steroidDoses(input, a, b)).filter(
    ([a, b], i, all) => !uses.some(({ span: [x, y] }) => a < y && b > x) && all.findIndex(([x]) => x === a) === i,
  );
  if (!distinct.length && !doses.length && !recentUnread) return;
  const unread = (words: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: exclusionForm, params: { text: words } });
  const parts = distinct.map(({ use, qualifier, alternative }): Condition => {
    const cond = { ...use, value: exclusionForm } as Condition;
    if (alternative) return exclusionForm ? { any: [cond, unread(alternative)] } : { all: [cond, unread(alternative)] };
    if (!qualifier) return cond;
    return exclusionForm ? { all: [cond, unread(qualifier)] } : { any: [cond, unread(qualifier)] };
  });
  // A steroid dose the treated metastases must keep ("on a stable dose of corticosteroids for 3
  // weeks") is one more requirement no fact holds.
  parts.push(...doses.map(([a, b]) => unread(input.text.slice(a, b))));
  if (recentUnread) parts.push(unread(recentUnread));
  const use: Condition = parts.length === 1 ? parts[0]! : exclusionForm ? { any: parts } : { all: parts };
  f.condition = {
    any: [bmCondition(exclusionForm ? ['active'] : ['none']), { all: [bmCondition(['treated-stable']), use] }],
  };
  // Accounted for without moving the finding: the requirement may follow other findings ("Active CNS
  // metastases and/or carcinomatous meningitis. Treated metastases allowed if off steroids …"), and
  // the assembler places findings by their spans.
  f.cover = [...(f.cover ?? []), ...spans, ...restated, ...doses];
  if (distinct.length) f.alsoReads = ['prior_therapy'];
}

/** A requirement the patients with the metastases must meet: "but participants must be …". */
const REQUIREMENT_MODAL = /\b(?:must|should|needs?\s+to|(?:is|are)\s+required\s+to)\b/i;

/**
 * Steroid use or a treatment in a window that a requirement on the patients with brain metastases
 * rules out, where a permission admits them untreated: any(steroids within N days, …) held by the
 * metastases in either state, all(brainMetastases in [active, treated-stable], use). Only modal
 * requirements count ("must be off steroids"), read from the modal on: a definition of the
 * metastases allowed ("stable, defined as no requirement for steroids") is no requirement of its
 * own. The rest of the text (which symptoms exclude) stays unread.
 */
function untreatedUnderTreatment(input: ExtractInput, mentions: BmMention[], anaphoric: Span[]): Finding | null {
  const { text } = input;
  const ranges: Span[] = [];
  for (const m of mentions) {
    if (!m.permission) continue;
    const modal = REQUIREMENT_MODAL.exec(text.slice(m.end, m.sEnd));
    if (modal) ranges.push([m.end + modal.index, m.sEnd]);
  }
  for (const [a, b] of anaphoric) if (REQUIREMENT_MODAL.test(text.slice(a, b))) ranges.push([a, b]);
  if (!ranges.length) return null;
  const f: Finding = { category: 'brain_metastases', condition: bmCondition(['active']), spans: [], polarityHandled: true };
  withTreatments(input, f, ranges);
  // A steroid dose alone ("on a stable dose") is no treatment the facts hold.
  if (!f.alsoReads) return null;
  // "off steroids and radiation for at least 14 days": a window the steroid-free reading did not reach
  // (it read "off steroids" as now) would make the exclusion narrower than the text.
  const now = leavesOf(f.condition).some(
    (l) => l.fact === 'priorTherapy' && (l.params as { withinDays?: number } | undefined)?.withinDays === 1,
  );
  if (now && ranges.some(([a, b]) => /\d+\s*-?\s*(?:days?|weeks?|wks?|months?)\b/i.test(text.slice(a, b)))) return null;
  const c = f.condition;
  // withTreatments gives any(active, all(treated-stable, use)) when it found a treatment.
  if (!('any' in c) || c.any.length !== 2 || !('all' in c.any[1]!) || c.any[1].all.length !== 2) return null;
  const use = c.any[1].all[1]!;
  f.condition = { all: [bmCondition(['active', 'treated-stable']), use] };
  f.spans = f.cover ?? [];
  delete f.cover;
  return f.spans.length ? f : null;
}

/**
 * Metastases in the brain and nowhere else: "Brain metastases only, without extra-cerebral
 * metastases", "Patients with distant metastases only located in the CNS are excluded", "CNS-only
 * metastatic disease" → all(brainMetastases in [active, treated-stable], metastasisCount{site:
 * extracranial} = 0). Read only when it is the whole criterion; "… are excluded" closes it only in
 * an exclusion, where it restates what excludes.
 */
const BRAIN_ONLY = new RegExp(
  String.raw`^\W*(?:(?:patients?|participants?|subjects?)\s+(?:with|who\s+have|having)\s+)?(?:known\s+)?(?:${LOC}[- ]only\s+(?:metastas[ie]s|metastatic\s+disease)|${LOC}\s+metastas[ie]s\s+only|(?:distant\s+)?metastas[ie]s\s+(?:located\s+)?only\s+(?:located\s+)?(?:in|to)\s+the\s+${LOC})(?:\s*,?\s*(?:without|with\s+no|and\s+no)\s+(?:any\s+)?(?:extra-?cerebral|extra-?cranial|systemic)\s+(?:metastas[ie]s|disease))?(\s+(?:are|is)\s+(?:excluded|not\s+eligible|ineligible))?\W*$`,
  'i',
);

function brainOnly(input: ExtractInput): Finding | null {
  const m = BRAIN_ONLY.exec(input.text);
  if (!m || (m[1] && input.kind !== 'exclusion')) return null;
  return {
    category: 'brain_metastases',
    condition: {
      all: [
        bmCondition(['active', 'treated-stable']),
        { fact: 'metastasisCount', operator: 'equal', value: 0, params: { site: 'extracranial' } },
      ],
    },
    spans: [[0, input.text.length]],
    polarityHandled: true,
  };
}

/**
 * "Patients whose intracranial disease changes between the diagnostic MRI scan and the planning
 * scan …": metastases with no state of their own, the subject of what happens to them, are a
 * condition on the patients who have them, not their presence (which would exclude every patient
 * of a trial for brain metastases).
 */
function whoseSubject(text: string, m: { sStart: number; qualStart: number; active: boolean }): boolean {
  return !m.active && /\bwhose\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(m.sStart, m.qualStart));
}

export const extractBrain: Extractor = (input: ExtractInput) => {
  const { text } = input;
  // An item under a lead-in about the metastases may not name them ("Participants with brain
  // metastases are eligible if they are:" … "off corticosteroids for at least 2 weeks").
  const lead = input.context[input.context.length - 1] ?? '';
  if (!GATE.test(text) && !GATE.test(lead)) return [];
  const only = brainOnly(input);
  if (only) return [only];
  const out: Finding[] = [];
  const exclusion = input.kind === 'exclusion';

  // An item under a lead-in such as "Participants with treated CNS lesions may enroll provided all
  // of the following apply:" or "… unless brain lesions are shown to be stable, according to the
  // following definitions:" defines "treated and stable": excluded are the active metastases
  // (exclusion), required is none or treated-stable (inclusion).
  const gated = GATE.test(text);
  const mentions = gated ? mentionsOf(input) : [];
  MENTION.lastIndex = 0;
  if (
    lead &&
    MENTION.test(lead) &&
    (PERMIT.test(lead) || UNLESS.test(lead)) &&
    STABILITY_ITEM.test(text) &&
    !ALLOWS_UNTREATED.test(lead + ' ' + text)
  ) {
    MENTION.lastIndex = 0;
    const spans = vocabSpans(input, 0, text.length, BM_VOCAB);
    // An item that does not name the metastases must state their treated and stable state: not an
    // imaging rule ("MRI of brain at baseline …", "a lesion previously irradiated will not be
    // considered measurable") nor a further allowance ("asymptomatic … active metastases").
    const definesState =
      mentions.length > 0 || (STATE_ITEM.test(text) && !/\b(?:active|untreated|symptomatic|measurable|target)\b/i.test(text));
    if (spans.length && definesState) {
      const f: Finding = {
        category: 'brain_metastases',
        condition: bmCondition(exclusion ? ['active'] : ['none', 'treated-stable']),
        spans,
        polarityHandled: true,
      };
      withTreatments(input, f, [[0, text.length]]);
      out.push(f);
      return out;
    }
  }
  if (!gated) return out;
  const cns = input.mentions.filter(
    (m) => m.type === 'condition' && (m.id === 'leptomeningeal_disease' || m.id === 'spinal_cord_compression'),
  );
  if (!mentions.length && !cns.length) return out;
  MENTION.lastIndex = 0;
  // Permissions: a mention in a permission clause, or a later sentence that grants one without
  // naming the metastases again ("Patients with previously treated (> 6 months) and now stable …
  // are allowed").
  const anaphoric: Span[] = [];
  if (mentions.length) {
    for (let pos = mentions[0]!.sEnd + 1; pos < text.length;) {
      const end = sentenceEnd(text, pos);
      const sentence = text.slice(pos, end);
      if (
        !mentions.some((m) => m.start >= pos && m.start < end) &&
        PERMIT.test(sentence) &&
        !negatedPermission(sentence) &&
        STABLE_PERMISSION.test(sentence) &&
        /\b(?:brain|cns|metasta\w*|lesions?|intracranial)\b/i.test(sentence)
      ) {
        anaphoric.push([pos, end]);
      }
      pos = end + 1;
    }
  }
  const anyPermission =
    anaphoric.length > 0 ||
    mentions.some(
      (m) =>
        m.permission &&
        (m.stable || STABLE_PERMISSION.test(text.slice(m.sStart, m.sEnd))),
    );
  const allowsUntreated =
    mentions.some(
      (m) =>
        m.permission &&
        ((m.strong &&
          PERMIT.test(text.slice(m.end, m.end + 80)) &&
          !/\btreated\b/i.test(clauseOf(text, m.sStart, m.sEnd, m.start))) ||
          ALLOWS_UNTREATED.test(text.slice(m.sStart, m.sEnd))),
    ) || anaphoric.some(([a, b]) => ALLOWS_UNTREATED.test(text.slice(a, b)));
  // Permissions admitting asymptomatic metastases, treated or not: the fact cannot tell those from
  // symptomatic ones, so whatever is read stays open for 'active' metastases.
  // Whole sentences: a clause may stop inside a parenthesis before the treatment it asks for.
  const asymptomaticRanges: Span[] = [
    ...mentions.filter((m) => m.permission).map((m): Span => [m.sStart, m.sEnd]),
    ...anaphoric,
  ].filter(([a, b], i, all) => allowsAsymptomatic(text.slice(a, b)) && all.findIndex(([x]) => x === a) === i);
  // "Treated metastases may participate if stable. There must be no need for steroids for 2 weeks": a
  // later requirement that adds a steroid-free condition to the permission before it.
  // "Brain metastases unless asymptomatic … . A minimum of 2 weeks must have elapsed between the end of
  // whole brain radiotherapy and randomization": the same for an exception in the sentence before, or
  // after an exclusion of active metastases only ("Untreated CNS metastasis … . Subjects must have been
  // either off corticosteroids, or on a stable … dose for at least 2 weeks"), which leaves treated ones
  // to the requirement.
  if (
    exclusion &&
    (anyPermission || mentions.some((m) => UNLESS.test(text.slice(m.end, m.sEnd)) || (m.active && !m.permission)))
  ) {
    for (let pos = mentions[0]!.sEnd + 1; pos < text.length; ) {
      const end = sentenceEnd(text, pos);
      // An enumerated list run into one sentence ("b) Subjects must be off steroids … c) Subjects with
      // signs or symptoms of brain metastases …") is read item by item.
      for (const [a, b] of listItems(text, pos, end))
        if (
          !anaphoric.some(([x]) => x === a) &&
          !mentions.some((m) => m.start >= a && m.start < b) &&
          /\b(?:must|should|needs?\s+to|required)\b/i.test(text.slice(a, b)) &&
          (steroidFree(input, a, b) || completedBefore(input, a, b).length)
        )
          anaphoric.push([a, b]);
      pos = end + 1;
    }
  }
  const findings: Array<{ f: Finding; m: BmMention }> = [];
  // Exclusions limited by size, number or location ("Brain metastasis larger than 4 cm", "> 3 brain
  // metastases", "in the brain stem").
  const limited: BmMention[] = [];
  // The clauses that define the treated-and-stable metastases each finding allows, where a
  // steroid-free requirement may stand.
  const definitions = new Map<Finding, Span[]>();
  // The words after an active mention in an exclusion, where a treatment in a window may make
  // metastases count as active ("CNS metastases that require corticosteroids within 21 days").
  const activeRanges = new Map<Finding, Span[]>();
  // From "recently treated" to the end of the mention it qualifies, for an exclusion of active metastases.
  const recentRanges = new Map<Finding, Span>();

  for (const [mi, m] of mentions.entries()) {
    if (inException(input, m.start) && !m.permission) continue;
    // "Participants may have brain metastases", "… may have leptomeningeal disease": a permission
    // for metastases in any state, which neither requires nor excludes them.
    if (m.qualStart === m.start && /\bmay\s+(?:also\s+)?have\s+$/i.test(text.slice(m.sStart, m.start))) continue;
    // "Patients with new brain metastases (active brain metastases) are eligible if …": a parenthesis
    // right after a mention restates it, and in an inclusion would require it of every patient.
    const prev = mentions[mi - 1];
    if (!exclusion && prev && /^\s*\(\s*(?:i\.?\s*e\.?\s*,?\s*)?$/i.test(text.slice(prev.end, m.qualStart))) continue;
    // "no progressive CNS symptoms caused by brain metastases": the metastases named as the cause of
    // symptoms the text says are absent.
    const cause = CAUSE_BEFORE_RE.exec(text.slice(Math.max(m.sStart, m.qualStart - 50), m.qualStart));
    if (cause && /\b(?:no|not|without|absence\s+of|free\s+(?:of|from))\b[^.;,]{0,60}$/i.test(text.slice(Math.max(m.sStart, m.qualStart - 50 - 80), m.qualStart - cause[0].length)))
      continue;
    // "manifestation of neurologic progression due to brain metastases notwithstanding CNS-directed
    // therapy": the metastases named as the cause of something else the text excludes; their presence
    // alone would exclude every patient with them. Symptoms they cause make them active (SYMPTOMS_OF).
    if (
      cause &&
      exclusion &&
      !SYMPTOMS_OF.test(text.slice(Math.max(m.sStart, m.qualStart - 60), m.qualStart)) &&
      !/\b(?:symptom\w*|signs?|seizures?|deficits?|edema|oedema)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(m.sStart, m.qualStart - 60), m.qualStart - cause[0].length))
    )
      continue;
    // ("resection of brain metastases": a preposition the mention took as its first qualifier is the lead's.)
    const ownPrep = /^(?:of|for|to)\s+/i.exec(text.slice(m.qualStart, m.start))?.[0] ?? '';
    const treatmentLead = ABOUT_TREATMENT.exec(text.slice(Math.max(m.sStart, m.qualStart - 60), m.qualStart) + ownPrep);
    if (treatmentLead) {
      // "Need for systemic steroid treatment … due to brain metastasis" in an inclusion: the trial
      // needs metastases that need treatment.
      const needs =
        !exclusion &&
        /^(?:\s*|.*\b)(?:need\s+for|requiring|require|requires|in\s+need\s+of)\b/i.test(
          text.slice(m.sStart, m.qualStart),
        ) &&
        !PERMIT.test(text.slice(m.sStart, m.sEnd));
      if (!needs) continue;
      findings.push({
        f: {
          category: 'brain_metastases',
          condition: bmCondition(['active']),
          spans: [[m.qualStart, m.end]],
          anchor: m.start,
        },
        m,
      });
      continue;
    }
    if (/\b(?:formerly|former)\s+$/i.test(text.slice(Math.max(m.sStart, m.qualStart - 20), m.qualStart))) continue;
    const clause = text.slice(m.qualStart, Math.min(m.sEnd, m.end + 60)).split(/[;]|\.\s/)[0] ?? '';
    const spans: Span[] = [[m.qualStart, m.end]];
    let treatmentRead = false;
    if (m.shared) spans.push(m.shared);
    let condition: Condition | undefined;
    let handled = false;
    const defined: Span[] = [];
    const cover: Span[] = [];

    if (exclusion) {
      if (m.permission) continue; // read below as the narrowing of the exclusion it follows
      if (whoseSubject(text, m)) continue;
      const restricted = RESTRICT.test(text.slice(Math.max(m.sStart, m.qualStart - 30), m.qualStart) + clause.slice(0, 80));
      if (restricted) {
        limited.push(m);
        continue;
      }

      // "… unless treated and stable" in the same sentence narrows this mention.
      const tail = text.slice(m.end, m.sEnd);
      const unless = UNLESS.exec(tail);
      const narrowed =
        Boolean(
          (unless && STABLE.test(tail.slice(unless.index))) ||
          /\basymptomatic\b/i.test(unless ? tail.slice(unless.index) : ''),
        ) || /\b(?:excluded|ineligible|not\s+eligible)\s+(?:only\s+)?if\b[^.;]*\bactive\b/i.test(tail);
      if (unless && ALLOWS_UNTREATED.test(tail.slice(unless.index))) continue;
      const activeOnly = m.active || narrowed || anyPermission;
      if (activeOnly && allowsUntreated) continue;
      condition = bmCondition(activeOnly ? ['active'] : ['active', 'treated-stable']);
      // The exception's words are accounted for without moving the finding past the subjects listed
      // after it ("Brain metastases or carcinomatous meningitis, unless treated and stable").
      if (unless && narrowed) {
        cover.push(...vocabSpans(input, m.end + unless.index, m.sEnd, BM_VOCAB));
        defined.push([m.end + unless.index, m.sEnd]);
      }
      // A requirement restated inside an exclusion ("Patients with CNS metastases must have been
      // treated, be asymptomatic …"): what it excludes is the metastases that are not.
      const requirement = /^[^.;]{0,20}?\b(?:must|should)\s+(?:have\s+been|be|have)\b/i.exec(tail);
      if (requirement) {
        if (!STABLE.test(tail) || allowsUntreated) continue;
        condition = bmCondition(['active']);
        spans.push(...vocabSpans(input, m.end, m.sEnd, BM_VOCAB));
        defined.push([m.end, m.sEnd]);
      } else if (m.stable && !m.active && !/\brecently\b/i.test(text.slice(m.qualStart, m.start))) {
        // "Brain metastases that have been treated and are stable …" listed among exclusions is an
        // item of an exception list, not a state that excludes.
        continue;
      }
      handled = polarityMode(input, m.start) === 'plain' || modalNegationInExclusion(input, m.start);
      if (!handled && negatedAt(input, m.start)) {
        // "LMD only, without any parenchymal brain metastases": the exclusion narrowed to no metastases.
        const narrowing = /\b(?:only|but)\s+(?:without|with\s+no)\s+(?:any\s+)?[\w\s-]{0,20}$/i.test(
          text.slice(Math.max(m.sStart, m.qualStart - 40), m.start),
        );
        if (!narrowing || !cns.some((c) => c.end <= m.qualStart)) continue;
        condition = bmCondition(['active', 'treated-stable']);
      }
    } else {
      if (mentions.length === 1 && limitRequired(text, m)) {
        limited.push(m);
        continue;
      }
      const lead = text.slice(m.sStart, m.qualStart);
      const early = lead.length <= 70;
      const negated = negatedAt(input, m.start);
      // A negation right before the noun phrase ("no evidence of new or enlarging brain metastases").
      // The negation must govern the metastases themselves, not another head noun ("no evident
      // growth of any brain metastasis").
      const directNegation = input.scopes.scopes.some((sc) => {
        if (sc.kind !== 'negated' || sc.trigger[1] > m.start || m.start - sc.trigger[1] > 110) return false;
        const gap = text.slice(sc.trigger[1], m.start);
        const q = QUAL_WORDS.exec(gap);
        return NEGATED_GAP.test(q ? gap.slice(0, q.index) : gap);
      });
      const clause = clauseOf(text, m.sStart, m.sEnd, m.start);
      const subjectBefore =
        /\b(?:if|when|in\s+case\s+of|for\s+(?:patients|participants|subjects|those|individuals)\s+with|(?:patients|participants|subjects|those|individuals|a\s+patient)\s+with)\b/i.test(
          lead,
        );
      const after = text.slice(m.end, m.sEnd);
      const modalAfter =
        /^[^.;]*?\b(?:must|should|need\s+to|needs\s+to|are\s+required\s+to|is\s+required\s+to|have\s+to)\b/i.test(
          after,
        );
      if (negated) {
        if (!directNegation) continue;
        // "No brain metastasis is > 2 cm": a limit on the metastases, not their absence.
        if (RESTRICT.test(text.slice(m.end, Math.min(m.sEnd, m.end + 60)))) continue;
        if (/\b(?:in|for|to)\s+(?:patients|participants|subjects|individuals|those)\s+(?:\w+\s+)?$/i.test(lead))
          continue;
        condition = bmCondition(m.active ? ['active'] : ['active', 'treated-stable']);
      } else if (m.permission) {
        if (ALLOWS_UNTREATED.test(clause) || m.strong || allowsUntreated) continue;
        // "In the rare case that a previously irradiated brain metastasis is the sole target lesion, …
        // eligible only if …": a situation the permission speaks of, not a state it asks of everyone.
        if (/\bin\s+(?:the\s+)?(?:rare\s+|unlikely\s+)?(?:case|event)\s+(?:that|of|where)\b/i.test(lead)) continue;
        if (
          !m.stable &&
          !(allowsAsymptomatic(clause) && !RESTRICT.test(clause)) &&
          !/\b(?<!\b(?:non|un)-)(?:treated|completed\s+(?:their\s+|the\s+)?treatment|stable|controlled|inactive|radiosurgery|resected|irradiated|off\s+(?:of\s+)?(?:corticosteroids|steroids))\b/i.test(
            clause,
          )
        )
          continue;
        condition = bmCondition(['none', 'treated-stable']);
        spans.push(...vocabSpans(input, m.sStart, m.sEnd, BM_VOCAB));
        defined.push([m.sStart, m.sEnd]);
        handled = true;
      } else if (
        (!PRESENCE.test(text.slice(m.sStart, m.start)) || subjectBefore) &&
        ((subjectBefore && modalAfter) ||
          /^\s*(?:must|should)\s+(?:be|have)\b/i.test(after) ||
          /\bif\s+(?:present|known|any)\b/i.test(lead))
      ) {
        // "Patients with brain metastases must be …", "Brain metastases must be …", "If present, …"
        // Only the treated-and-stable requirement maps onto the fact; "must be untreated" would
        // need a value for untreated-but-stable metastases.
        const requirement = after.slice(
          after.search(/\b(?:must|should|need|needs|are\s+required|is\s+required|have\s+to)\b/i) + 1,
        );
        const untreated = untreatedRequirement(input, m);
        if (untreated) {
          findings.push({ f: untreated, m });
          continue;
        }
        // An untreated requirement read no further ("… except for prior stereotactic radiosurgery"):
        // the treatment it excepts is no treated-and-stable state.
        if (UNTREATED_LEAD.test(text.slice(m.end, m.sEnd))) continue;
        if (
          ACTIVE_STRONG.test(requirement) &&
          !STABLE.test(requirement) &&
          !/\b(?:except|unless|other\s+than)\b/i.test(requirement)
        ) {
          // "For patients with brain metastases: … must be progressing or have a new CNS lesion".
          condition = bmCondition(['none', 'active']);
        } else {
          if (!STABLE.test(after) && !STABLE.test(text.slice(m.qualStart, m.start))) continue;
          if (ALLOWS_UNTREATED.test(clause) || allowsUntreated || m.strong) continue;
          condition = bmCondition(['none', 'treated-stable']);
        }
        spans.push(...vocabSpans(input, m.sStart, m.sEnd, BM_VOCAB));
        defined.push([m.sStart, m.sEnd]);
        handled = true;
      } else {
        // Presence: a trial for patients with brain metastases ("… melanoma with radiologically
        // verified brain metastasis", "At least one measurable brain metastasis").
        const [clauseStart] = clauseRange(text, m.sStart, m.sEnd, m.start);
        const withBefore =
          /\b(?:with|has|have|having|presence\s+of|diagnosis\s+of|metastasized|metastatic|due\s+to)\s+(?:[\w-]+\s+){0,3}$/i.test(
            lead,
          ) ||
          /\b(?:at\s+least\s+(?:one|1)|one\s+or\s+more)\b[^.;]{0,90}$/i.test(lead) ||
          /\bwith\b[^.;]{0,80}\band\s+$/i.test(lead) ||
          early ||
          m.qualStart - clauseStart <= 90;
        if (!withBefore || /\b(?:in|for)\s+(?:patients|participants|subjects|individuals|those)\b/i.test(lead))
          continue;
        // "Asymptomatic CNS metastases, or treated asymptomatic brain metastasis patients, must be examined
        // … and without steroid medication …": the metastases are the subject of a requirement, a condition
        // on the patients who have them, not a requirement to have them.
        // ("At least one brain metastasis must be ≥ 5 mm": a count still requires them.)
        if (!/\b(?:with|has|have|having|presence\s+of|diagnosis\s+of|at\s+least\s+(?:one|1)|one\s+or\s+more)\b/i.test(lead) && /^[^.;]*?\b(?:must|should)\s+(?:be|have|undergo|show|remain)\b/i.test(after))
          continue;
        // "Any CNS disease is asymptomatic for at least 7 days, …": "any" with a verb after it states what
        // holds of whatever metastases there are, the same condition as above said without a modal.
        if (/\bany\s*$/i.test(text.slice(m.sStart, m.start).replace(/\b(?:CNS|brain|central\s+nervous\s+system)\s*$/i, '')) && /^\s*(?:is|are|has|have|was|were)\b/i.test(after)) continue;
        // "For patients with brain mets: …" frames a condition; "Maximum 3 brain metastases" limits them.
        if (
          /\b(?:if|when|in\s+case\s+of|for\s+(?:patients|participants|subjects|those|individuals)\s+with)\b/i.test(
            text.slice(m.sStart, m.start),
          ) ||
          // "For central nervous system (CNS) metastasis, post-surgical resection may receive …"
          (/^\s*for\s+$/i.test(text.slice(m.sStart, m.qualStart)) && /^\s*[,:]/.test(text.slice(m.end)))
        )
          continue;
        if (whoseSubject(text, m)) continue;
        // (A range from one up, "1-10 brain metastases", still needs at least one.)
        const countLead = text.slice(Math.max(m.sStart, m.qualStart - 35), m.qualStart);
        if (
          /\b(?:maximum|max|no\s+more\s+than|not\s+more\s+than|up\s+to|fewer\s+than|less\s+than|at\s+most)\b|<=?\s*\d/i.test(
            countLead,
          ) &&
          !/\b[1-9]\d*\s*(?:-|to)\s*\d+\s*$|\bat\s+least\s+(?:one|1)\b/i.test(countLead)
        )
          continue;
        condition = bmCondition(m.active ? ['active'] : ['active', 'treated-stable']);
        const prior = progressionAfter(input, m);
        if (prior) {
          condition = { all: [condition, prior.condition] };
          spans.push(prior.span);
          treatmentRead = true;
        }
      }
    }
    if (!condition) continue;
    // "Symptomatic CNS metastases who are neurologically unstable": the clause asks for a second state
    // the fact cannot hold, so only some active metastases exclude; the clause stays an unread
    // qualifier beside them rather than an alternative to them.
    if (exclusion && m.narrowingTail && !handled && sameStates(condition, ['active'])) {
      const [a, b] = m.narrowingTail;
      condition = { all: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(a, b) } }] };
      spans.push([a, b]);
    }
    if (m.stateTail && sameStates(condition, ['active'])) spans.push(m.stateTail);
    const f: Finding = {
      category: 'brain_metastases',
      condition,
      spans,
      anchor: m.start,
      ...(cover.length ? { cover } : {}),
      ...(handled ? { polarityHandled: true } : {}),
      ...(treatmentRead ? { alsoReads: ['prior_therapy' as const] } : {}),
    };
    findings.push({ f, m });
    if (defined.length) definitions.set(f, defined);
    // "Known symptomatic or untreated or recently treated (≤ 6 months of screening) CNS metastases":
    // treated metastases count too while their treatment is recent (withTreatments).
    const recent = exclusion && !m.permission && sameStates(condition, ['active']) ? RECENTLY_TREATED_WORD.exec(text.slice(m.qualStart, m.start)) : null;
    if (recent) recentRanges.set(f, [m.qualStart + recent.index, m.end]);
    if (exclusion && m.active && !m.permission && sameStates(condition, ['active']) && !negatedAt(input, m.start)) {
      const next = mentions.find((o) => o.start >= m.end);
      const to = next && next.start < m.sEnd ? next.start : m.sEnd;
      // Metastases already active by their qualifiers are narrowed, not widened, by a treatment they
      // require ("Active brain metastases requiring corticosteroids"), unless it is an alternative
      // ("defined as untreated or symptomatic, or requiring therapy with corticosteroids").
      const or = ACTIVE.test(text.slice(m.qualStart, m.start)) ? /\bor\b/i.exec(text.slice(m.end, to)) : null;
      if (!ACTIVE.test(text.slice(m.qualStart, m.start)) || or) activeRanges.set(f, [[or ? m.end + or.index : m.end, to]]);
    }
  }

  // A limit the fact cannot hold stays an unparsed leaf beside the metastases, which remain necessary:
  // a patient without them is not excluded, one with them is left to a coordinator. A sentence that
  // also grants, requires or defers ("must be treated", "until treated", "unless") is left unread.
  // Only a sole mention: in a list ("leptomeningeal metastases, more than 3 untreated CNS metastases,
  // …") the limit's words belong to one member and the others must keep their own readings.
  // An inclusion that limits any metastases the patient has ("Longest diameter of largest brain
  // metastasis must be ≤ 30 mm", "No brain metastasis is > 2 cm"): met without metastases, left to
  // a coordinator with them.
  for (const m of exclusion ? [] : limited) {
    if (cns.some((c) => c.start >= m.sStart && c.start < m.sEnd)) continue;
    const sentence = text.slice(m.sStart, m.sEnd).replace(/[\s.;:]+$/, '');
    findings.push({
      f: {
        category: 'brain_metastases',
        condition: {
          any: [bmCondition(['none']), { fact: 'unparsed', operator: 'equal', value: true, params: { text: sentence } }],
        },
        spans: [[m.qualStart, m.end]],
        cover: [[m.sStart, m.sEnd]],
        anchor: m.start,
        polarityHandled: true,
      },
      m,
    });
    break;
  }
  for (const m of exclusion && mentions.length === 1 ? limited : []) {
    if (findings.some(({ m: o }) => o.sStart === m.sStart)) continue;
    if (cns.some((c) => c.start >= m.sStart && c.start < m.sEnd)) continue;
    const sentence = text.slice(m.sStart, m.sEnd);
    if (
      PERMIT.test(sentence) ||
      UNLESS.test(sentence) ||
      ALLOWS_UNTREATED.test(sentence) ||
      /\b(?:must|should|until|eligible|allowed|permitted|only|without|outside)\b/i.test(sentence)
    )
      continue;
    // A lower bound on their number right before the mention ("more than two brain metastases") is
    // read by tumour.ts as metastasisCount{site: brain}; with only a subject before it, it is no
    // limit left unread.
    const lead = text.slice(m.sStart, m.qualStart);
    const words = (before: string): string[] =>
      [before, text.slice(m.end, m.sEnd)].map((t) => t.replace(/^[\s,.;:]+|[\s,.;:]+$/g, '')).filter((t) => /\w/.test(t));
    const count = COUNT_BEFORE.exec(lead);
    const countOnly = !!count && !words(lead.slice(0, count.index).replace(SUBJECT_LEAD, '')).length;
    const rest = words(lead);
    if (!countOnly && (!rest.length || !RESTRICT.test(rest.join(' ')))) continue;
    const limit: Condition | null = countOnly
      ? null
      : { fact: 'unparsed', operator: 'equal', value: true, params: { text: rest.join(' … ') } };
    // Active only when said before the noun ("untreated brain lesions > 1 cm"): "brain metastases
    // that are untreated or in the posterior fossa" excludes treated ones too.
    const present = bmCondition(ACTIVE.test(text.slice(m.qualStart, m.start)) ? ['active'] : ['active', 'treated-stable']);
    findings.push({
      f: {
        category: 'brain_metastases',
        condition: limit ? { all: [present, limit] } : present,
        spans: [[m.qualStart, m.end]],
        cover: [[m.sStart, m.sEnd]],
        anchor: m.start,
        polarityHandled: true,
      },
      m,
    });
    limited.length = 0;
    break;
  }

  // Permission sentences in an exclusion narrow the exclusion before them; their words are
  // covered (below, once the leptomeningeal findings exist) by the finding that ends last before them.
  const permissionRanges: Span[] = [];
  if (exclusion && findings.length) {
    for (const m of mentions) if (m.permission) permissionRanges.push(clauseRange(text, m.sStart, m.sEnd, m.start));
    permissionRanges.push(...anaphoric);
  }
  // A permission with no exclusion subject ("Subjects with clinically inactive brain metastases may
  // be included") still says that active ones are excluded.
  const permitted = mentions.find((x) => x.permission);
  if (exclusion && !findings.length && anyPermission && !allowsUntreated && permitted) {
    const f: Finding = {
      category: 'brain_metastases',
      condition: bmCondition(['active']),
      spans: vocabSpans(input, permitted.sStart, permitted.sEnd, BM_VOCAB),
      anchor: permitted.start,
      polarityHandled: true,
    };
    findings.push({ f, m: permitted });
    definitions.set(f, [[permitted.sStart, permitted.sEnd], ...anaphoric]);
  }
  // A permission that admits untreated metastases ("Brain metastases may be treated or untreated, but
  // participants must be … off steroids for at least 14 days") excludes none by their state, but a
  // treatment the patients with them must be free of excludes any metastases under it.
  if (exclusion && !findings.length && allowsUntreated && permitted) {
    const f = untreatedUnderTreatment(input, mentions, anaphoric);
    if (f) findings.push({ f, m: permitted });
  }
  out.push(...findings.map(({ f }) => f));

  // Leptomeningeal disease and spinal cord compression.
  for (const c of cns) {
    if (inException(input, c.start)) continue;
    if (out.some((f) => [...f.spans, ...(f.cover ?? [])].some(([a, b]) => c.start >= a && c.end <= b))) continue;
    const sStart = sentenceStart(text, c.start);
    const sEnd = sentenceEnd(text, c.end);
    const unlessAt = UNLESS.exec(text.slice(c.end, sEnd));
    if (permits(text, sStart, unlessAt ? c.end + unlessAt.index : sEnd, c.start)) continue;
    const negated = negatedAt(input, c.start);
    if (!exclusion && !negated) continue;
    const qualStart = qualifierStart(text, sStart, c.start);
    const qual = text.slice(qualStart, c.start);
    if (/\b(?:widespread|definitive|extensive|bulky|diffuse)\b/i.test(qual)) continue;
    const active = /\b(?:active|symptomatic|untreated|uncontrolled|progressive|unstable|current)\b/i.test(qual);
    const condition: Condition = {
      fact: 'condition',
      operator: 'equal',
      value: true,
      params: { names: [c.id], ...(active ? { active: true } : {}) },
    };
    const handled = exclusion && (polarityMode(input, c.start) === 'plain' || modalNegationInExclusion(input, c.start));
    if (exclusion && !handled && negated) continue;
    const spans: Span[] = [[qualStart, c.end]];
    // "carcinomatous meningitis excluded": the exclusion restated.
    const restated = exclusion
      ? /^\s*(?:is\s+|are\s+)?(?:excluded|not\s+allowed|not\s+permitted)\b/i.exec(text.slice(c.end))
      : null;
    if (restated) spans.push([c.end, c.end + restated[0].length]);
    out.push({
      category: 'brain_metastases',
      condition,
      spans,
      anchor: c.start,
      ...(handled ? { polarityHandled: true } : {}),
    });
  }
  for (const [a, b] of permissionRanges) {
    const taken = out.flatMap((f) => f.spans);
    const spans = vocabSpans(input, a, b, BM_VOCAB).flatMap((sp) => subtract(sp, taken));
    let target: Finding | undefined;
    let targetEnd = -1;
    for (const f of out) {
      const end = Math.max(...f.spans.filter(([x]) => x < a).map(([, y]) => y), -1);
      if (end >= 0 && end <= a + 1 && end > targetEnd) {
        target = f;
        targetEnd = end;
      }
    }
    // Covered, not placed: the permission may follow findings the assembler must still join by the
    // connectives between them.
    const f = target ?? out[0];
    if (f) f.cover = [...(f.cover ?? []), ...spans];
  }
  // A permission narrows the exclusion of the metastases it follows, though its words may have gone
  // to a leptomeningeal finding between them.
  const narrowedExclusion = findings.find(({ f }) => sameStates(f.condition, ['active']))?.f;
  if (narrowedExclusion && permissionRanges.length)
    definitions.set(narrowedExclusion, [...(definitions.get(narrowedExclusion) ?? []), ...permissionRanges]);
  for (const [f, ranges] of definitions) withTreatments(input, f, ranges, activeRanges.get(f), recentRanges.get(f));
  for (const [f, ranges] of activeRanges) if (!definitions.has(f)) withTreatments(input, f, [], ranges, recentRanges.get(f));
  for (const [f, recent] of recentRanges) if (!definitions.has(f) && !activeRanges.has(f)) withTreatments(input, f, [], [], recent);
  // "… CNS metastases, defined as untreated or symptomatic, or requiring therapy with corticosteroids":
  // the definition is read with the treatment it names.
  for (const [f, ranges] of activeRanges)
    for (const [a, b] of ranges) {
      const from = sentenceStart(text, a);
      const defined = f.alsoReads ? /,?\s*\b(?:defined|characteri[sz]ed)\s+as\b/i.exec(text.slice(from, b)) : null;
      // "defined as untreated and symptomatic" narrows 'active' (untreated or symptomatic): left unread.
      const narrower = /\b(?:untreated|symptomatic|progressive)\s+and\s+(?:untreated|symptomatic|progressive)\b/i;
      if (defined && !narrower.test(text.slice(from, b)))
        f.cover = [...(f.cover ?? []), ...vocabSpans(input, from + defined.index, b, BM_VOCAB)];
    }
  // "Symptomatic or untreated CNS metastases, or CNS metastases that require corticosteroids within
  // 14 days": the first mention's reading is part of the second's, which now holds both.
  for (const { f, m } of findings) {
    if (!activeRanges.has(f) || sameStates(f.condition, ['active'])) continue;
    for (const { f: g, m: o } of findings) {
      if (g === f || o.sStart !== m.sStart || o.start > m.start || !sameStates(g.condition, ['active'])) continue;
      const [from, to] = [Math.min(...g.spans.map(([a]) => a)), Math.min(...f.spans.map(([a]) => a))];
      if (out.some((x) => x !== f && x !== g && x.spans.some(([a]) => a > from && a < to))) continue;
      const at = out.indexOf(g);
      if (at < 0) continue;
      out.splice(at, 1);
      f.spans = [...g.spans, ...f.spans];
      if (g.cover) f.cover = [...(f.cover ?? []), ...g.cover];
    }
  }
  if (asymptomaticRanges.length) {
    const unread: Condition = {
      fact: 'unparsed',
      operator: 'equal',
      value: true,
      params: { text: asymptomaticRanges.map(([a, b]) => text.slice(a, b).replace(/^[\s,;:(]+|[\s.,;:)]+$/g, '')).join(' … ') },
    };
    for (const { f } of findings) f.condition = admitAsymptomatic(f.condition, exclusion, unread);
  }
  // Other metastatic sites listed with the brain stay unread.
  const holes = mentions.flatMap((m) => m.holes);
  if (holes.length)
    for (const f of out) {
      f.spans = f.spans.flatMap((sp) => subtract(sp, holes));
      if (f.cover) f.cover = f.cover.flatMap((sp) => subtract(sp, holes));
    }
  return out;
};
