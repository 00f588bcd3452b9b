/**
 * Pregnancy, breastfeeding and contraception. Pregnancy and breastfeeding: "Pregnant or breastfeeding women" (exclusion → any(pregnant,
 * breastfeeding)), "Not pregnant or nursing", "Negative serum pregnancy test within 7 days prior to
 * registration" (→ pregnant = false, the test and its timing covered), "Women of childbearing potential
 * must have a negative pregnancy test" (→ pregnant = false: the test applies only to women who could
 * be pregnant, and everyone else is not pregnant, so the rule holds for every patient).
 *
 * "Planning to become pregnant / father a child during the study" is not a pregnancy status: it is
 * read as an unwillingness to avoid conception, attestation(contraception) = false, category
 * contraception.
 *
 * Contraception: "WOCBP and men must agree to use adequate contraception (hormonal or barrier method;
 * abstinence) prior to study entry and for 4 months after…" → attestation(contraception) = true, the
 * whole requirement (who, which methods, how long, no sperm or egg donation) covered: the attestation
 * question asks the patient exactly that. In an exclusion it is read only when the text says the
 * patient does not, will not or may not ("WOCBP not using effective contraception", "unwilling to…",
 * "…unless using effective contraception") → attestation(contraception) = false. Definitions of
 * acceptable methods and of childbearing potential are covered by the requirement they define.
 */
import { modalNegationInExclusion, type ExtractInput, type Extractor, type Finding } from './extractor';
import { contraceptionPeriodItem } from './history-contraception-periods';
import { menopauseStatus } from './history-menopause';
import type { Condition } from '../facts';
import {
  allOf,
  anyOf,
  attachToNeighbour,
  nearNegation,
  negatedAt,
  polarityMode,
  postNegated,
  sentenceEnd,
  subtract,
  timingTail,
  TIMING_WORDS,
  vocab,
  vocabSpans,
  WOCBP_DEFINITION_WORDS,
  type Span,
} from './history-util';

const GATE =
  /pregnan|\bUPTs?\b|breast[\s-]?fe|lactat|nursing|hcg|gonadotropin|conceiv|father|contracep|birth[\s-]control|abstin|abstain|condom|spermicid|steril|vasectom|iud|intra-?uterine|tubal|donat|levonorgestrel|etonogestrel|progest|^\W*(?:oral|intravaginal|transdermal|injectable|implantable)\W*$/i;

/** A pregnancy or breastfeeding word, with an optional "non-" that states its absence. */
const STATUS =
  /\b(non[\s-]?)?(pregnan(?:t|cy|cies)|breast[\s-]?feeding|breast[\s-]?feed|breastfeed(?:s|ing)?|breast[\s-]?fed|lactating|lactation(?!al)|(?:currently\s+)?nursing(?!\s+(?:home|facilit|staff|care|assistant))|(?:period|state) of lactation)\b/gi;

/** Words that may sit between two status words of one phrase ("pregnant women or women who are breastfeeding"). */
const JOIN =
  /^(?:\s|,|\/|\(|\)|\b(?:or|and|and\/or|nor|women|woman|females?|mothers?|patients?|participants?|subjects?|persons?|people|individuals?|who|that|are|is|currently|actively|still|those|in|the|a|of|period|state|potentially|possibly|suspected|planned|during|or\s+in)\b)*$/i;

/** Subject words before or after a status phrase ("Women who are", "patients"). */
const SUBJECT_BEFORE =
  /(?:\b(?:the\s+)?(?:women|woman|females?|mothers?|patients?|participants?|subjects?|persons?|people|individuals?)(?:\s*\([^)]{0,12}\))?\s+(?:who\s+(?:are|is)\s+(?:currently\s+)?|that\s+(?:are|is)\s+|currently\s+|(?:must|should|shall|cannot|can not|may|will)\s+(?:not\s+)?(?:be\s+)?(?:currently\s+)?)?|\b(?:is|are|be|being|currently|been)\s+)$/i;
const SUBJECT_AFTER =
  /^\s*\)?\s*(?:women|woman|females?|mothers?|patients?|participants?|subjects?|persons?\(?s?\)?|people|individuals?)\b/i;

/** "because of the potential for teratogenic or abortifacient effects…": a rationale, no requirement. */
const RATIONALE =
  /\b(?:because|due to|since|as|given)\b[^.;]*?\b(?:teratogen\w*|abortifacient|fetus|foetus|fetal|foetal|embryo\w*|unborn|infants?|neonates?|developing|unknown|risks?|safety|harm\w*|toxicit\w*|effects?|ionizing radiation)\b[^.;]*/gi;

/**
 * NCI template follow-on: "Because there is an unknown but potential risk for adverse events in
 * nursing infants secondary to treatment of the mother with X, breastfeeding should be discontinued
 * if the mother is treated with X." The whole sentence states the breastfeeding exclusion.
 */
const NURSING_TEMPLATE =
  /\b[Bb]ecause there is an unknown but potential risk[^.;]*?nursing infants[^.;]*?breast[\s-]?feeding should be discontinued[^.;]*/g;

/** "UPT", the urine pregnancy test's abbreviation ("WOCP must have negative UPT within 1 week …"). */
const UPT = String.raw`\bUPTs?\b`;
/** A pregnancy test with its result: "negative serum or urine pregnancy test", "β-hCG negative", "negative UPT". */
const TEST_WORDS = String.raw`(?:(?:a|an|the|serum|urine|urinary|blood|plasma|highly|sensitive|qualitative|quantitative|beta|b|β|ß|human|chorionic|gonadotropin|gonadotrophin|hcg|βhcg|bhcg|b-hcg|or|and|\/|\(|\)|-)\s*)*`;
const NEG_TEST = new RegExp(
  String.raw`\b(negative|positive)\s*(?:\(\s*(?:serum|urine|blood)(?:\s*or\s*(?:serum|urine|blood))?\s*\)\s*)?${TEST_WORDS}(?:pregnancy(?:\s+tests?)?|(?:β|ß|beta|b)?[\s-]*hcg(?:\s+tests?)?|${UPT})(?:\s+results?)?`,
  'gi',
);
const TEST_NEG = new RegExp(
  String.raw`\b(?:${TEST_WORDS})(?:pregnancy(?:\s+tests?)?|(?:β|ß|beta|b)?[\s-]*hcg(?:\s+(?:pregnancy\s+)?tests?)?)(?:\s+results?)?\s*(?:\([^)]{0,40}\)\s*)?(?:must|should|will|to)?\s*(?:be|is|are|was)?\s*(?:documented\s+(?:as\s+)?|confirmed\s+(?:as\s+)?)?(negative|positive)\b`,
  'gi',
);
/** "negative for pregnancy", "evidence of negative pregnancy test". */
const NEG_FOR = new RegExp(
  String.raw`\bnegative\s+for\s+${TEST_WORDS}(?:pregnancy|(?:β|ß|beta|b)?[\s-]*hcg)(?:\s*\)?\s*pregnancy)?(?:\s+tests?)?\b`,
  'gi',
);
/** "willing to undergo a pregnancy test": a positive test would exclude (CTEP template). */
const WILLING_TEST =
  /\b(?:be\s+)?willing\s+to\s+(?:undergo|have|take)\s+(?:a\s+)?(?:serum\s+|urine\s+)?pregnancy\s+test(?:s|ing)?\b/gi;
/** "Serum pregnancy test at screening and urine pregnancy test on Day 1 must be negative." */
const WIDE_TEST =
  /\b(?:(?:(?:serum|urine|blood)\s+(?:or\s+(?:serum|urine)\s+)?)?pregnancy\s+tests?|results?\s+of\s+(?:this|the|these)\s+(?:pregnancy\s+)?tests?)\b([^.;]{0,90}?)\b(?:must|should|will|shall)\s+(?:be\s+)?(?:documented\s+(?:as\s+)?|confirmed\s+(?:as\s+)?)?negative\b/gi;

const TEST_VOCAB = vocab(
  TIMING_WORDS,
  'pregnancy test tests serum urine urinary blood highly sensitive beta hcg human chorionic gonadotropin upt and or at screening on day before after randomization the a',
);

/** Women of childbearing potential, to whom a pregnancy requirement applies. */
const WOCBP =
  /\b(?:(?:in|for|of|by|if|all)\s+)?(?:(?:sexually active|premenopausal|pre-menopausal|fertile)\s+)?(?:women|woman|females?|patients?|participants?|subjects?|persons?|individuals?|those|people)?\s*(?:\(\s*[a-z]+\s*\)\s*)?(?:of|with|who are of|in)\s+(?:child[\s-]?bearing|reproductive|childbearing)\s+(?:potential|age|capacity|ability)(?:\s*\(\s*(?:wocbp|wcbp|wocp|fcbp|pocbp|iocbp|wobcp)\s*\))?|\b(?:wocbp|wcbp|wocp|fcbp|pocbp|iocbp)\b|\bif\s+(?:female|applicable|of childbearing potential)\b|\b(?:pre-?menopausal)\s+(?:women|females?|patients?)\b/gi;

/** Plans to conceive: "planning to become pregnant", "expecting to conceive or father children". */
const PLANS =
  /\b(?:(?:is|are)\s+)?(?:planning|plans?|plan on|intending|intends?|intend|intention\s+of|intention\s+to|intent\s+to|expecting|expect|wishing|wish|desiring|desire|likely|wanting|want)\s+(?:on\s+|to\s+)?(?:become|becoming|get|getting)?\s*(?:pregnant|pregnancy|conceive|conceiving|breast[\s-]?feed(?:ing)?|father(?:ing)?\s+(?:a\s+)?(?:child(?:ren)?|baby)|have\s+(?:a\s+)?(?:child(?:ren)?|baby))(?:\s+(?:or|and)\s+(?:to\s+)?(?:conceive|father|breast[\s-]?feed|become pregnant)(?:\s+(?:a\s+)?child(?:ren)?)?)*/gi;

const PLAN_TIMING = vocab(
  'projected expected visit while enrolled enroll this trial post above participating participation',
);

/** "discontinue nursing", "refrain from breastfeeding", "avoid … breast feeding": the status must end. */
const STOP_BEFORE =
  /\b(?:discontinue|discontinuing|stop|stopping|cease|ceasing|interrupt|interrupting|refrain\s+from|refraining\s+from|avoid|avoiding|abstain\s+from|not\s+to)\s+(?:(?:strictly|all|any|from|the|further)\s+)*(?:pregnancy\s+(?:or|and|and\/or)\s+)?$/i;

const SUBJECT_THEN_STOP =
  /^\s*(?:women|mothers?|participants?|patients?|subjects?|females?)\s+(?:must|should|will|shall|are required to)\s+(?:be\s+willing\s+to\s+|agree\s+to\s+)?(?:strictly\s+)?(?:discontinue|stop|cease|refrain|interrupt)/i;

/**
 * Instructions that only say what happens if a participant becomes pregnant during the study
 * (NCI template: "Should a woman become pregnant or suspect she is pregnant while she or her
 * partner is participating in this study, she should inform her treating physician immediately").
 */
const REPORT_PREGNANT = /\b(?:become|becomes|get|gets)\s+pregnant\b/i;
const REPORT_AFTER = /\b(?:inform|notify|report|tell|contact|discontinued|taken off)\b/i;
const REPORT_BEFORE = /\b(?:inform|notify|report|tell)\b/i;

/** Sentences (up to ".", ";" or a line end) that only instruct what to do on becoming pregnant. */
function reportingSpans(text: string): Span[] {
  if (!REPORT_PREGNANT.test(text)) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(/[^.;\n]+/g)) {
    const sentence = m[0];
    const p = REPORT_PREGNANT.exec(sentence);
    if (!p) continue;
    const after = sentence.slice(p.index + p[0].length);
    const before = sentence.slice(0, p.index);
    if (REPORT_AFTER.test(after) || REPORT_BEFORE.test(before)) out.push([m.index, m.index + sentence.length]);
  }
  return out;
}

/**
 * The instruction read as the patient's commitment, in an inclusion only (NCI template; ICH E6(R2)
 * 4.8.10 has the consent tell the patient what the study asks of them): "Inform her treating physician
 * immediately should she become pregnant …" → attestation(pregnancy_reporting) = true. A sentence
 * saying what the study then does ("will be discontinued") is no commitment of the patient's.
 */
const REPORT_BY_PATIENT = /\b(?:inform|informs|notify|notifies|tell|report)\b/i;
const REPORT_CONSEQUENCE = /\b(?:discontinu\w*|taken\s+off|withdrawn|removed)\b/i;
const REPORT_WORDS = vocab(
  'should if a woman women man men female male participant participants patient patients she he they become becomes get gets ' +
    'pregnant or suspect suspects suspected pregnancy is are her his their partner partners while participating participate in this ' +
    'the study trial during time inform informs notify notifies tell report must will immediately promptly treating physician ' +
    'physicians doctor doctors team investigator and or any',
);

const NOT_EXCLUDING = /\b(?:is|are)\s+not\s+(?:an?\s+)?exclusion(?:ary)?\b|\bnot\s+exclusionary\b/i;

/** Procedure notes and details of the pregnancy test itself. */
const TEST_NOTES = [
  /\b(?:as\s+)?confirmed\s+(?:by|with)\s+(?:a\s+)?(?:positive\s+|negative\s+)?(?:(?:serum|urine|blood|highly|sensitive)\s+)*(?:pregnancy|(?:β|ß|beta|b)?[\s-]*hcg)\s+tests?\b(?:\s+(?:performed|done|obtained))?/gi,
  /\b(?:NOTE:?\s*)?If (?:the )?(?:urine |serum )?(?:pregnancy )?test (?:is positive or )?cannot be confirmed (?:as )?negative(?:, (?:a )?serum pregnancy test (?:will be|is) required)?/gi,
  /\(?\b(?:with )?(?:a )?minimum sensitivity (?:of )?\d+(?:\.\d+)? m?IU\/m?L(?: or equivalent units of (?:(?:β|ß|beta|b)[\s-]*)?(?:hCG|human chorionic gonadotropin))?\)?/gi,
  /\bA serum pregnancy test will be (?:repeated|required)[^.;]*/gi,
  /\b(?:where|with) pregnancy (?:is )?defined as the state of a female after conception and until the termination of gestation/gi,
];

/** A sentence or parenthesis that defines who is of childbearing potential. */
const WOCBP_DEFINITION =
  /(?:^|\(|\.\s+|\n)\s*(?:\*\s*)?(?:NOTE:?\s*)?(?:(?:a\s+)?(?:women|woman|females?|participants?|patients?|persons?|wocbp|wcbp|fcbp|pocbp)\b[^.;()]{0,60}\b(?:are|is)\s+(?:considered|defined)|(?:non[\s-]?)?child[\s-]?bearing potential\s+(?:is\s+)?defined\s+as|defined\s+as)\b[^.]*/gi;

/** What names contraception in a sentence (attestation synonyms plus the method words). */
const CONTRA =
  /\b(?:contracept\w*|birth[\s-]control|abstinen\w*|abstain\w*|condoms?|spermicid\w*|intra-?uterine\s+(?:device|system|hormone)\w*|IUDs?|barrier\s+(?:method|contracept)\w*|vasectom\w*|steril(?:i[sz]ation|i[sz]ed|e)\b|tubal\s+(?:ligation|occlusion)|(?:donat\w+|retriev\w+|bank\w*|freez\w*|cryopreserv\w*)(?:,?\s+(?:or|and|and\/or)\s+(?:donat\w+|retriev\w+|bank\w*|freez\w*|store)(?:\s+(?:them\s+)?for\s+(?:their|his|her)\s+own\s+use)?,?)?\s+(?:of\s+)?(?:sperm|semen|eggs?|ova|oocytes)|(?:sperm|egg|ova|oocyte)\s+donation|(?:methods?|measures?|means)\s+(?:to|of|for)\s+(?:avoid\w*|prevent\w*)\s+(?:pregnancy|conception)|\bnot\s+(?:to\s+)?father(?:ing)?\s+(?:a\s+)?(?:child(?:ren)?|baby)|(?:implants?|injections?|injectable)\s+(?:of\s+)?(?:levonorgestrel|etonogestrel|progestogens?|progestins?|medroxyprogesterone)|(?:levonorgestrel|etonogestrel)\s+implants?)/gi;

/** A sentence that defines methods rather than requiring them. */
const DEFINITION =
  /\b(?:is|are)\s+(?:also\s+)?(?:not\s+)?(?:considered\s+)?(?:an?\s+)?(?:acceptable|highly effective|effective|adequate|appropriate|permitted|allowed|exempt)\b|\bnot acceptable\b|\bdefined as\b|\bshould not be used together\b|\b(?:include|includes|including)\b|\bsuch as\b|\bfailure rate\b|^\s*(?:[-*•o]\s*)?(?:combined|progestogen|progesterone|intrauterine|bilateral|vasectomi[sz]ed|sexual abstinence|complete abstinence|true abstinence|male or female condom|hormonal)\b/i;

/** A method of contraception named by a list item. */
const METHOD_ITEM =
  /\b(?:steril[iy]\w*|vasectom\w*|intra-?uterine|IUD|IUS|tubal|(?:hormonal\s+)?contracep\w*|abstinen\w*|condoms?|diaphragm|barrier\s+methods?)\b|^\W*(?:oral|intravaginal|transdermal|injectable|implantable)\W*$/i;
/** A lead-in stating a contraception requirement or listing its methods. */
const CONTRACEPTION_LEAD = /\bcontracep\w*|\bbirth[\s-]control\b/i;
/** A lead-in about something else that mentions contraception in passing (hormone use, drug interactions). */
const NOT_CONTRACEPTION_LEAD = /\b(?:interact\w*|CYP\w*|prohibited\s+medications?|concomitant\s+medications?)\b/i;

/** A requirement verb before the method: "must agree to use", "are required to use". */
const REQUIRED = /\b(?:must|should|shall|are required to|is required to|need to|needs to|has to|have to)\b[^.;]*$/i;

/** A verb that ends a medicine ("discontinue", "stop taking"), before a contraceptive named as one. */
const STOP_TAKING = /\b(?:discontinu\w*|stop(?:s|ped|ping)?|cease\w*)\b(?![^.;]*\b(?:breast[\s-]?feed\w*|nursing|lactat\w*)\b)/i;

/** "unwilling to use", "refuses", "denied following": the patient will not use contraception. */
const UNWILLING = /\b(?:unwilling(?:ness)?|refus\w*|denied|declin\w*|reject\w*)\b[^.;]*$/i;

/** Words of a contraception requirement: who, which methods, how long, no donation, why. */
const CONTRA_VOCAB = vocab(
  TIMING_WORDS,
  WOCBP_DEFINITION_WORDS,

  'contraception contraceptive contraceptives method methods form forms measure measures birth control highly effective adequate acceptable ' +
    'appropriate reliable medically accepted approved effective efficient double barrier hormonal nonhormonal non oral injectable injected injection ' +
    'implantable implanted implant intrauterine device iud iuds ius system hormone releasing condom condoms spermicide spermicidal gel foam ' +
    'film cream diaphragm cervical cap sponge vasectomy vasectomised vasectomized partner partners sterilization sterilisation sterilised ' +
    'sterilized sterile surgically tubal ligation occlusion abstinence abstinent abstain abstaining sexual sexually heterosexual intercourse ' +
    'activity active true complete total periodic calendar ovulation symptothermal withdrawal lifestyle preferred usual combined estrogen oestrogen ' +
    'progestogen progesterone progestin containing associated inhibition intravaginal transdermal pill pills patch ring use using used uses ' +
    'practice practise practicing practising employ follow agree agreement agrees agreed willing willingness consent commit committed must should ' +
    'required require requires need needs also both two plus simultaneously one least thereafter after additional period men man male males ' +
    'father fathering donate donating donation sperm semen egg eggs ova oocyte oocytes retrieve retrieval refrain refraining their his her she he ' +
    'they capable producing fertile potential childbearing reproductive avoid avoiding prevent preventing pregnancy pregnant impregnating ' +
    'impregnate conceive conceiving conception precautions precaution guidance guidelines recommendations instructions protocol specified ' +
    'described outlined defined per section appendix local regulations regulation consistent correct correctly consistently failure rate less ' +
    'year per when than low user dependent independent investigator discretion opinion acceptable methods five half lives halflives exposure ' +
    'risk because effects fetus foetus developing human unknown reason this unborn child children continue continued discontinuation cessation ' +
    'vasectomised non sterilised sterilized tubes fallopian postmenopausal menopausal hysterectomy oophorectomy salpingectomy bilateral ' +
    'unwilling unwillingness refuse refuses refusing refused refusal denied deny decline declines declining unable remain take taking ' +
    'levonorgestrel implants injectables entire placement comparable efficacy sole alone stable shot mini stopping own retrieve retrieving retrieval bank banking freeze freezing cryopreserve cryopreservation',
);

function sentences(text: string): Span[] {
  const out: Span[] = [];
  let pos = 0;
  while (pos < text.length) {
    const end = sentenceEnd(text, pos);
    out.push([pos, end]);
    pos = end + 1;
  }
  return out;
}

function statusLeaf(word: string): 'pregnant' | 'breastfeeding' {
  return /pregnan/i.test(word) ? 'pregnant' : 'breastfeeding';
}

function grab(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function overlaps(spans: Span[], s: number, e: number): boolean {
  return spans.some(([a, b]) => s < b && e > a);
}

/** The spans of a sentence made of method words only, or null when it says anything else. */
function methodWordsOnly(input: ExtractInput, start: number, end: number): Span[] | null {
  const tokens = input.tokens.filter((t) => t.start >= start && t.end <= end);
  if (!tokens.length || !tokens.every((t) => CONTRA_VOCAB.has(t.norm) || /^[a-z]$/.test(t.norm))) return null;
  return [[tokens[0]!.start, tokens[tokens.length - 1]!.end]];
}

/**
 * Covers more words of the contraception requirement read last, when one ends before `at` (a plan to
 * conceive, read elsewhere in the criterion, is not the requirement a definition serves).
 */
function extendRequirement(requirements: Finding[], spans: Span[], at: number): void {
  const last = requirements[requirements.length - 1];
  if (last && spans.length && Math.max(...last.spans.map((sp) => sp[1])) <= at) last.spans.push(...spans);
}

/** Menopausal status (history-menopause.ts), then pregnancy, breastfeeding and contraception, then a contraception period item. */
export const extractReproductive: Extractor = (input: ExtractInput) => {
  const read = [...menopauseStatus(input), ...pregnancyAndContraception(input)];
  // An item that gives the period of a contraception lead ("… until at least:" → "Nivolumab: 5 months
  // after the last dose …"), when nothing else read it.
  return read.length ? read : contraceptionPeriodItem(input);
};

function pregnancyAndContraception(input: ExtractInput): Finding[] {
  const { text } = input;
  if (!GATE.test(text)) return [];
  const out: Finding[] = [];
  const used: Span[] = [];

  // Pregnancy tests first: their "pregnancy" word belongs to the test, not to a status phrase.
  const tests: Array<{ start: number; end: number; negative: boolean }> = [];
  const testAt = (start: number, end: number): boolean => tests.some((t) => start < t.end && end > t.start);
  for (const re of [NEG_TEST, TEST_NEG, NEG_FOR, WILLING_TEST]) {
    for (const m of grab(re, text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (testAt(start, end)) continue;
      const word = (m[1] ?? 'negative').toLowerCase();
      tests.push({ start, end, negative: word === 'negative' });
    }
  }
  // A test and its verdict apart in the sentence: both ends are the requirement; the words between
  // are covered only when they are the test's own words (kind of test, timing).
  const wide: Span[][] = [];
  for (const m of grab(WIDE_TEST, text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (testAt(start, end)) continue;
    const midStart = start + m[0].indexOf(m[1]!);
    const midEnd = midStart + m[1]!.length;
    const spans: Span[] = [[start, midStart], ...vocabSpans(input, midStart, midEnd, TEST_VOCAB), [midEnd, end]];
    tests.push({ start, end, negative: true });
    wide.push(spans);
  }
  for (const t of tests) used.push([t.start, t.end]);

  // The NCI template sentence on nursing infants is itself the breastfeeding exclusion.
  for (const m of grab(NURSING_TEMPLATE, text)) {
    // In an inclusion it reads the other way: the patient must not be breastfeeding.
    out.push({
      category: 'pregnancy',
      condition: { fact: 'breastfeeding', operator: 'equal', value: input.kind === 'exclusion' },
      spans: [[m.index, m.index + m[0].length]],
      polarityHandled: true,
    });
    used.push([m.index, m.index + m[0].length]);
  }

  // Status words, grouped into phrases ("pregnant or breastfeeding", "pregnant women and women breastfeeding").
  const words = grab(STATUS, text).filter((m) => !overlaps(used, m.index, m.index + m[0].length));
  const plans = grab(PLANS, text);
  const planSpans: Span[] = plans.map((m) => [m.index, m.index + m[0].length]);
  // "Should a woman become pregnant …, she should inform her physician": an instruction, no status.
  const reporting = reportingSpans(text);
  const groups: RegExpExecArray[][] = [];
  const statusFindings: Array<{ finding: Finding; meaning: Array<{ fact: string; value: unknown }> }> = [];
  // "Nursing participants must be willing to discontinue nursing": the first is only the subject.
  const subjectOnly: Span[] = [];
  for (const m of words) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 90);
    if (SUBJECT_THEN_STOP.test(rest))
      subjectOnly.push([m.index, m.index + m[0].length + (SUBJECT_AFTER.exec(rest)?.[0].length ?? 0)]);
  }
  for (const m of words) {
    if (overlaps(planSpans, m.index, m.index + m[0].length)) continue;
    if (overlaps(subjectOnly, m.index, m.index + m[0].length)) continue;
    // Inside "unless …" or "except …" the word qualifies another requirement.
    if (input.scopes.in('exception', m.index)) continue;
    // "Pregnancy (or willing to become pregnant) is NOT an exclusion criteria": a permission, no status required.
    if (NOT_EXCLUDING.test(text.slice(m.index, sentenceEnd(text, m.index)))) continue;
    if (overlaps(reporting, m.index, m.index + m[0].length)) continue;
    // "pregnancy test" without a result is a procedure, not a status ("willing to undergo a pregnancy test").
    if (/^\s*(?:tests?|testing)\b/i.test(text.slice(m.index + m[0].length))) continue;
    // "become pregnant", "capable of becoming pregnant": a possibility, not a status.
    if (
      /\b(?:become|becomes|becoming|became|get|gets|getting|got|fall|falls|falling)\s+$/i.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    // "avoid pregnancy", "prevent pregnancy": the purpose of contraception, read with it.
    if (
      /\b(?:avoid|avoiding|prevent|preventing|avoidance of|risk of|protect against|protection against|minimi[sz]e the risk of)\s+$/i.test(
        text.slice(Math.max(0, m.index - 30), m.index),
      )
    )
      continue;
    // "partner(s) who are pregnant", "pregnant partner": someone else's status.
    if (
      /partners?\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 25).split(/[,;.]/)[0] ?? '') ||
      /partners?\s+(?:who\s+(?:is|are)\s+|(?:is|are)\s+)?(?:currently\s+)?$/i.test(
        text.slice(Math.max(0, m.index - 30), m.index),
      )
    )
      continue;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && JOIN.test(text.slice(prev.index + prev[0].length, m.index))) last.push(m);
    else groups.push([m]);
  }

  for (const g of groups) {
    const first = g[0]!;
    const lastM = g[g.length - 1]!;
    let start = first.index;
    let end = lastM.index + lastM[0].length;
    const before = SUBJECT_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
    if (before) start -= before[0].length;
    const after = SUBJECT_AFTER.exec(text.slice(end));
    if (after) end += after[0].length;
    const leaves: Condition[] = [];
    let explicitNon = 0;
    // "must be willing to discontinue nursing": breastfeeding must stop (pregnancy under "avoid" is
    // the purpose of contraception and is left to that reader).
    const stop =
      input.kind === 'inclusion' ? STOP_BEFORE.exec(text.slice(Math.max(0, first.index - 60), first.index)) : null;
    if (stop) start = first.index - stop[0].length;
    for (const m of g) {
      const fact = statusLeaf(m[2]!);
      if (stop && fact === 'pregnant') continue;
      const non = Boolean(m[1]) || Boolean(stop);
      if (non) explicitNon++;
      const leaf: Condition = { fact, operator: 'equal', value: !non };
      if (!leaves.some((l) => JSON.stringify(l) === JSON.stringify(leaf))) leaves.push(leaf);
    }
    if (!leaves.length) continue;
    if (stop) explicitNon = g.length;
    // "non-pregnant and non-lactating": each is required; otherwise either status is the finding.
    const condition = explicitNon === g.length ? allOf(leaves) : anyOf(leaves);
    const spans: Span[] = [[start, end]];
    const anchor = first.index;
    const mode = explicitNon || modalNegationInExclusion(input, anchor) ? 'plain' : polarityMode(input, anchor);
    // Trailing timing or rationale: "during the study", "because of the potential…".
    const tail = /^\s*(?:during|while|throughout|at|from|until|for)\b/i.test(text.slice(end))
      ? timingTail(input, end + (/^\s*/.exec(text.slice(end))?.[0].length ?? 0))
      : end;
    if (tail > end) spans.push([end, tail]);
    // What the finding finally says, negation applied.
    const flip = mode === 'assembler' && negatedAt(input, anchor);
    const leafList = (leaves as Array<{ fact: string; value: unknown }>).map((l) => ({
      fact: l.fact,
      value: flip ? !l.value : l.value,
    }));
    // An inclusion that would require being pregnant, or an exclusion of the not pregnant, is a
    // misreading of some other construction: leave it unread.
    if (leafList.some((l) => l.value === (input.kind === 'inclusion'))) continue;
    const finding: Finding = {
      category: 'pregnancy',
      condition,
      spans,
      anchor,
      ...(mode === 'plain' ? { polarityHandled: true } : {}),
    };
    out.push(finding);
    used.push([start, Math.max(end, tail)]);
    statusFindings.push({ finding, meaning: leafList });
  }

  // Tests, merged into a status phrase of the same meaning when there is one. A test result is
  // a requirement: in an inclusion a negative test means not pregnant; in an exclusion both "a
  // positive test" and the note "WOCBP must have a negative test" exclude the pregnant.
  for (const t of tests) {
    if (input.kind === 'inclusion' && !t.negative) continue;
    const pregnant = input.kind === 'exclusion';
    const spans: Span[] = wide.find((w) => w[0]![0] === t.start) ?? [[t.start, t.end]];
    const tail = timingTail(input, t.end);
    if (tail > t.end) spans.push([t.end, tail]);
    used.push([t.start, tail]);
    const same = statusFindings.find(
      (f) =>
        f.meaning.some((l) => l.fact === 'pregnant' && l.value === pregnant) && (pregnant || f.meaning.length === 1),
    );
    if (same) {
      // Merged only when no other finding sits between them, so findings keep their text order.
      const sameEnd = Math.max(...same.finding.spans.map((sp) => sp[1]));
      const lo = Math.min(sameEnd, t.start);
      const hi = Math.max(same.finding.spans[0]![0], t.end);
      const between = [...out, ...planSpans.map((sp) => ({ spans: [sp] }))].some(
        (f) => f !== same.finding && f.spans.some(([a]) => a > lo && a < hi),
      );
      if (!between) same.finding.spans.push(...spans);
      continue;
    }
    out.push({
      category: 'pregnancy',
      condition: { fact: 'pregnant', operator: 'equal', value: pregnant },
      spans,
      polarityHandled: true,
    });
  }

  // Plans to conceive, stated positively as "not willing to avoid conception": "not planning to
  // become pregnant" then negates like any other finding, inside the same scope as "pregnant".
  for (const m of plans) {
    if (!/pregnan|conceiv|father|child|baby|breast/i.test(m[0])) continue;
    // "planning to breastfeed (during the study)" is breastfeeding during the study.
    const breastOnly = !/pregnan|conceiv|father|child|baby/i.test(m[0]);
    const start = m.index;
    const end = m.index + m[0].length;
    const spans: Span[] = [[start, end]];
    const lead = /^\s*(?:,\s*)?/.exec(text.slice(end))![0].length;
    const tail = timingTail(input, end + lead, PLAN_TIMING);
    if (tail > end + lead) spans.push([end, tail]);
    out.push({
      category: breastOnly ? 'pregnancy' : 'contraception',
      condition: breastOnly
        ? { fact: 'breastfeeding', operator: 'equal', value: true }
        : { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'contraception' } },
      spans,
      ...(polarityMode(input, start) === 'plain' || modalNegationInExclusion(input, start)
        ? { polarityHandled: true }
        : {}),
    });
    used.push([start, tail]);
  }

  // Contraception, one finding per sentence that names it.
  const requirements: Finding[] = [];
  for (const [sStart, sEnd] of sentences(text)) {
    const anchors = grab(CONTRA, text).filter(
      (m) => m.index >= sStart && m.index < sEnd && !overlaps(used, m.index, m.index + m[0].length),
    );
    // The requirement read, a sentence or line of method words only ("o oral", "intravaginal") goes on
    // listing its methods.
    if (!anchors.length) {
      const methodsOnly = methodWordsOnly(input, sStart, sEnd);
      if (methodsOnly && !overlaps(used, sStart, sEnd)) extendRequirement(requirements, methodsOnly, sStart);
      continue;
    }
    const sentence = text.slice(sStart, sEnd);
    // The word that carries the requirement: contraception itself before a method, a method before
    // sterility (often only in the definition of who must comply), sterility before donation.
    const rank = (m: RegExpExecArray): number =>
      /^(?:contracep|birth)/i.test(m[0])
        ? 0
        : /^(?:steril|tubal|vasectom)/i.test(m[0])
          ? 2
          : /^(?:donat|retriev|bank|freez|cryopreserv|sperm|egg|ova|oocyte|not)/i.test(m[0])
            ? 3
            : 1;
    const main = [...anchors].sort((a, b) => rank(a) - rank(b) || a.index - b.index)[0]!;
    const donationOnly = rank(main) === 3;
    const definition = DEFINITION.test(sentence);
    // "WOCBP are defined as … not surgically sterile": who the requirement is for, not a requirement.
    if (
      anchors.every((m) => /^(?:steril|tubal)/i.test(m[0])) &&
      (WOCBP_DEFINITION.test(sentence) || /childbearing|menopaus/i.test(sentence))
    ) {
      WOCBP_DEFINITION.lastIndex = 0;
      continue;
    }
    WOCBP_DEFINITION.lastIndex = 0;
    const before = text.slice(sStart, main.index);
    // "Patients must discontinue sex hormone therapy prior to registration, e.g. birth control pills":
    // the contraceptive is a medicine to stop, no requirement to use contraception.
    const stop = STOP_TAKING.exec(before);
    // Not the end of the study treatment ("after discontinuing study drug, women must use …").
    if (
      stop &&
      !/\b(?:use|using|practi[cs]e|practi[cs]ing|agree\w*|continu\w*|after|following|until|through|study|investigational|protocol|last\s+dose)\b/i.test(
        before.slice(stop.index + stop[0].length),
      )
    )
      continue;
    const unwilling = UNWILLING.exec(before);
    const unless = /\bunless\b[^.;]*$/i.test(before);
    const attest = (value: boolean): Condition => ({
      fact: 'attestation',
      operator: 'equal',
      value,
      params: { topic: 'contraception' },
    });
    const pre = nearNegation(input, main.index, 70);
    let condition: Condition | null = null;
    if (input.kind === 'inclusion') {
      // Method definitions ("… are not acceptable methods") and donation bans ("must not donate
      // sperm") state the requirement itself; "Women not using contraception are not eligible"
      // negates twice. An inclusion that would forbid contraception is a misreading: left unread.
      const post = postNegated(input, main.index);
      if (definition || donationOnly || (!unwilling && pre === post)) condition = attest(true);
    } else if (unwilling || unless || (pre && !modalNegationInExclusion(input, main.index))) {
      // "WOCBP not using / unwilling to use effective contraception", "… unless using …".
      condition = attest(false);
    } else if (!pre && !definition && REQUIRED.test(before)) {
      // A requirement stated inside an exclusion ("Women … must have agreed to use effective
      // contraception"): what it excludes is not doing so.
      condition = attest(false);
    }
    if (!condition) {
      // "Highly effective contraception methods include: …" after the requirement it serves: the
      // definition belongs to that requirement, whichever way the criterion states it.
      // Not over another finding of the sentence, which would then sit inside the requirement.
      if (definition && !overlaps(used, sStart, sEnd))
        extendRequirement(requirements, vocabSpans(input, sStart, sEnd, CONTRA_VOCAB).flatMap((sp) => subtract(sp, used)), sStart);
      continue;
    }
    const spans = vocabSpans(input, sStart, sEnd, CONTRA_VOCAB).flatMap((sp) => subtract(sp, used));
    if (!spans.length) continue;
    const finding: Finding = { category: 'contraception', condition, spans, anchor: main.index, polarityHandled: true };
    out.push(finding);
    requirements.push(finding);
    used.push([sStart, sEnd]);
  }

  // An item under a contraception requirement or its list of methods ("Highly effective contraception
  // methods include:" → "Intrauterine device", "Male sterilization (vasectomy) of the male partner"):
  // one of the methods that requirement defines, read as the requirement itself, whose question asks
  // the patient exactly that.
  if (!out.length && METHOD_ITEM.test(text)) {
    const lead = input.context[input.context.length - 1] ?? '';
    if (CONTRACEPTION_LEAD.test(lead) && !NOT_CONTRACEPTION_LEAD.test(lead)) {
      const spans = vocabSpans(input, 0, text.length, CONTRA_VOCAB);
      if (spans.length)
        out.push({
          category: 'contraception',
          condition: { fact: 'attestation', operator: 'equal', value: input.kind === 'inclusion', params: { topic: 'contraception' } },
          spans,
          polarityHandled: true,
        });
    }
  }

  if (input.kind === 'inclusion') {
    for (const [a, b] of reporting) {
      const sentence = text.slice(a, b);
      if (!REPORT_BY_PATIENT.test(sentence) || REPORT_CONSEQUENCE.test(sentence) || overlaps(used, a, b)) continue;
      const spans = vocabSpans(input, a, b, REPORT_WORDS);
      if (!spans.length) continue;
      out.push({
        category: 'pregnancy',
        condition: { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'pregnancy_reporting' } },
        spans,
        anchor: a,
        polarityHandled: true,
      });
      used.push([a, b]);
    }
  }

  if (!out.length) return out;

  // WOCBP qualifiers: the requirement applies to them only, which the rule already allows for.
  for (const m of grab(WOCBP, text)) {
    const sp: Span = [m.index, m.index + m[0].length];
    if (overlaps(used, sp[0], sp[1])) continue;
    if (attachToNeighbour(out, sp, (f) => f.category === 'pregnancy', text)) used.push(sp);
  }

  // Rationale clauses attached to a pregnancy finding.
  for (const sp of subjectOnly) attachToNeighbour(out, sp, (f) => f.category === 'pregnancy', text);
  for (const re of TEST_NOTES) {
    for (const m of grab(re, text)) {
      const sp: Span = [m.index, m.index + m[0].length];
      if (overlaps(used, sp[0], sp[1])) continue;
      const isPreg = (f: Finding): boolean => f.category === 'pregnancy';
      if (attachToNeighbour(out, sp, isPreg, text) || attachToNeighbour(out, sp, isPreg, text, 'before')) used.push(sp);
    }
  }
  for (const m of grab(WOCBP_DEFINITION, text)) {
    for (const sp of vocabSpans(input, m.index, m.index + m[0].length, WOCBP_DEFINITION_WORDS)) {
      if (overlaps(used, sp[0], sp[1])) continue;
      if (
        attachToNeighbour(out, sp, (f) => f.category === 'pregnancy' || f.category === 'contraception', text, 'before')
      )
        used.push(sp);
    }
  }
  for (const m of grab(RATIONALE, text)) {
    const sp: Span = [m.index, m.index + m[0].length];
    if (overlaps(used, sp[0], sp[1])) continue;
    if (attachToNeighbour(out, sp, (f) => f.category === 'pregnancy', text, 'before')) used.push(sp);
  }
  return out;
}
