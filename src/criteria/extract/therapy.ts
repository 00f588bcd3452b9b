/**
 * Prior and concurrent therapy: named drugs, drug classes and treatment kinds (rules/drugs.json), the
 * number of prior lines, the setting (adjuvant, metastatic…), progression on or intolerance to a
 * treatment, washout windows and exceptions. Facts: priorTherapy and priorLines (src/criteria/facts.ts).
 *
 * Conventions (the evaluator relies on them):
 * - A requirement is stated positively; the assembler negates findings inside a negation scope
 *   ("No prior chemotherapy" → priorTherapy(kinds: chemotherapy) = false). Washouts stated as a
 *   minimum gap are read here and carry their own polarity: "At least 4 weeks since prior
 *   chemotherapy" → priorTherapy(kinds: chemotherapy, withinDays: 28) = false; "Chemotherapy within
 *   21 days before the first dose" (exclusion) → priorTherapy(…, withinDays: 21) = true.
 * - Treatment-naive and first-line wording is read as priorTherapy(…) = false, never as
 *   priorLines = 0: "previously untreated metastatic" → priorTherapy(kinds: systemic, setting:
 *   metastatic) = false. priorLines is used only where the text counts lines or regimens.
 * - Current use ("patients who are receiving any other investigational agents", "currently
 *   receiving", "concurrent systemic steroid therapy") is priorTherapy(…, withinDays: 1): a treatment
 *   given on the as-of date, or ongoing. "Concurrent" means at the same time as the study treatment,
 *   which a patient still on it at screening cannot meet; wording that only restricts conduct during
 *   the study ("…during the study", "throughout the study") is not a fact about the record and is
 *   left unread.
 * - Settings: "metastatic" alone is 'metastatic'; advanced, locally advanced, unresectable,
 *   recurrent or any of these with metastatic is 'advanced' (the evaluator treats advanced as covering
 *   metastatic); "(neo)adjuvant" and "perioperative" give one finding per setting, joined with any.
 *   Stem-cell transplants are left to the medical-history reader (condition facts say allogeneic or
 *   autologous; the treatment kind 'transplant' cannot).
 * - Units: 1 week = 7 days, 1 month = 30 days, 1 year = 365 days. "N half-lives" is never read as days,
 *   since no fixed number is right for every drug; only what is certain is: "within 4 weeks or 5
 *   half-lives, whichever is shorter" is at most 4 weeks, all(X within 28 days, unread half-lives);
 *   "whichever is longer" is at least 4 weeks, any(X within 28 days, all(X, unread half-lives)); with
 *   no "whichever" only receipt is implied, all(X, unread half-lives). A minimum gap is the same
 *   reading negated.
 * - An exclusion line that is only a treatment and its modifiers ("Palliative radiotherapy.") excludes
 *   either its receipt or its current use: receipt is a necessary condition, the rest stays unread.
 *   Examples after a class ("systemic therapies to treat cancer, such as neo-adjuvant chemotherapy")
 *   join its union and do not narrow it.
 * - Generic "prior therapy/treatment" and "anticancer therapy" are read as kind 'systemic', which is
 *   safe where the text forbids or excludes (every systemic treatment is an anticancer treatment);
 *   in a positive inclusion they are read only with a line count or an outcome, and a bare "standard
 *   therapy" with an outcome there is read on every anticancer kind (therapy-standard.ts says why).
 * - A wrong rule is worse than none. A finding must be a necessary condition of an inclusion and a
 *   sufficient condition of an exclusion. Where qualifiers the parser cannot express (doses, cycles,
 *   sites, durations, "unless", "if") narrow an exclusion (or a prohibition), the finding becomes a
 *   necessary condition joined with an unparsed leaf for the qualifier, which is exact in
 *   three-valued logic: "Prior radiotherapy to the breast" → all(priorTherapy(kinds: radiation),
 *   unread "breast"), so a patient never irradiated is not excluded and any other is left open. Such
 *   a reading needs the list at the head of its clause, complete (no unread member of a union, no
 *   unread alternative after it, not an example in parentheses), and a generic "anticancer therapy"
 *   in it stands for every kind of treatment. Modifiers of other topics ("toxicity from prior
 *   therapy", "hypersensitivity to X", "eligible for X", "first dose of study drug", "the
 *   investigational drug") are not therapy requirements at all. Surgery is read exactly only with a
 *   time window ("major surgery within 4 weeks": the fact cannot say which operation); without one,
 *   only as a necessary condition where the text says it was had ("prior abdominal surgery").
 * - A positive inclusion whose list is one option ("… or for whom no standard therapy exists"),
 *   binds only some patients ("Patients with BRAF-mutant melanoma should have received a BRAF
 *   inhibitor", "Part B: …") or is spared by a later condition ("…, unless not a candidate") is read
 *   as sufficient, any(X, unread sentence), and only where the reading is exact (nothing unread
 *   before or after the list that could narrow it, no conjunction with another requirement). In an
 *   exclusion, a plan offered beside receipt ("has had or has planned major surgery") is the same:
 *   any(X, unread). Supportive care a condition requires ("a condition requiring corticosteroids")
 *   is read as received: such a query is never false on a record that does not list it.
 * - Optional partners ("X with or without Y", "X ± Y") are dropped: what is required is X.
 * - Corticosteroids, immunosuppressants, bone-modifying agents and colony-stimulating factors are
 *   classes of kind 'supportive' (rules/drugs.json), never systemic therapy; "prednisone (or
 *   equivalent)" names the corticosteroid class, not the drug.
 * - A forbidding sentence in an exclusion list ("May not have received X") reads either way and is
 *   left unread; so are requirements limited to one arm or cohort, options ("treatment-naive or after
 *   one prior line"), permissions ("prior X is allowed") and findings another sentence refines ("A
 *   1-week washout is required for palliative radiation"). Lists joined by a plain "and" are read as
 *   each required (the narrower reading in an exclusion, never a wrong exclusion).
 */
import type { Condition, LeafCondition } from '../facts';
import { ANTICANCER_KINDS, isLeaf, leavesOf, THERAPY_SETTINGS, TREATMENT_KINDS, unreadWords } from '../facts';
import { drugInClass, type Lexicons, type Mention } from '../lexicon';
import { NUMBER, toNumber } from '../numbers';
import { GROUP_LEAD_CLAUSE, subgroupHeading } from '../subgroups';
import { afterStudyEvent, beforeSense, clauseAfterWindow, forwardPeriod, gapInAside, gapToNext, outcomeGap, windowForms } from './therapy-windows';
import { mergeSpans, modalNegationInExclusion, tokenAt, type ExtractInput, type Extractor, type Finding } from './extractor';
import { PURPOSE_MODIFIER, purposePairBefore } from './therapy-purpose-pairs';
import { DIAGNOSTIC_PURPOSE_RE, EXTENT_MODIFIER_BEFORE_RE, localModifierPair, narrowRadiationForm, ONLY_LABEL_RE, RECENT_CUE_RE } from './therapy-local';
import { GENERIC_RECEIPT_GATE, readGenericReceipt } from './therapy-generic';
import { outcomeAlsoAfter, readTreatmentEnds, TREATMENT_END_GATE } from './therapy-outcomes';
import { outcomeAfterCount, outcomeBeforeCount } from './therapy-line-outcome';
import { maskItemConditions } from './therapy-line-item-conditions';
import { describesExcludedAsNotHad } from './therapy-excluded-not-had';
import { lastPlaceIn, PROGRESSION_FORM_GATE, readProgressionForms } from './therapy-progression';
import { readProgressionTimes } from './therapy-progression-times';
import { readStandardTherapy } from './therapy-standard';
import { therapySentences } from './therapy-sentences';
import { readNaiveOptions } from './therapy-naive-options';
import { readIncludedTreatment } from './therapy-included';
import { futureAfterPastWindow, requirementClauseStart, requirementHeadsList, SUPPORTIVE_CLAUSE_RESTART_RE, SUPPORTIVE_GRANT_RE } from './therapy-steroids';
import { readSurgeryWindows, SURGERY_WINDOW_GATE } from './therapy-surgery';
import { extractWholeLineTherapy } from './therapy-whole-line';
import { readCumulativeDose } from './therapy-cumulative-dose';
import { readWashoutRow } from './therapy-washout-rows';
import { joinLongerWindowAsides } from './therapy-longer-windows';
import { permissionAfter } from './therapy-permissions';
import { accessAlternative } from './therapy-access';
import { anyStatusBefore, maskAnyStatus } from './therapy-any-status';
import { maskNaiveAsides, naiveAlternative } from './therapy-naive-scope';
import { withoutDroppedMembers } from './therapy-transplant-members';
import { systemicNonKindAt } from './therapy-non-kind';
import { maskCancerExclusionAsides } from './therapy-cancer-asides';
import { receivedOrRefusedBefore, routeCover } from './therapy-refusal-routes';

type Kind = (typeof TREATMENT_KINDS)[number];
type Setting = (typeof THERAPY_SETTINGS)[number];
type Outcome = 'progression' | 'intolerance' | 'response' | 'stable';
type Span = [number, number];

const THERAPY_TYPES: ReadonlySet<Mention['type']> = new Set(['drug', 'drugClass', 'therapyKind', 'regimen']);

/** One therapy named in the text: a drug, class, kind or regimen, with the words read with it. */
interface Item {
  start: number;
  end: number;
  drugs: Set<string>;
  classes: Set<string>;
  kinds: Set<Kind>;
  spans: Span[];
  /** Read from "prior therapy" / "previous treatment" without a kind word. */
  generic?: boolean;
  /** In an exception scope ("other than hormonal therapy"). */
  except?: boolean;
  /** "chemotherapy-naive", "platinum-refractory", "anti-PD-1-exposed". */
  suffix?: 'naive' | 'progression' | 'intolerance' | 'exposed' | 'sensitive';
  /** Joined to the next item by a combination word ("in combination with", "plus"). */
  combinedWithNext?: boolean;
  /** An optional partner ("X with or without Y", "X ± Y"): what is required is the other item. */
  optional?: boolean;
  /** Named after "including": part of the treatment before it, which the outcome read is about. */
  included?: boolean;
  /** A steroid's dose after it ("> 10 mg/day prednisone equivalent"), which narrows it and stays unread. */
  dose?: Span;
  /** Kinds the item leaves out ("systemic non-hormonal anti-cancer therapy": systemic, except hormonal). */
  exceptKinds?: Set<Kind>;
}

interface List {
  items: Item[];
  start: number;
  end: number;
  /** A plain "and" joins two items (not "and/or", not inside an example list). */
  hasAnd: boolean;
  /** Members of the union the lexicon does not know ("bridging therapy"), each kept as an unparsed leaf. */
  unknownSpans?: Span[];
  /** Modifiers of a member taken into the list ("… or extensive radiotherapy"), which narrow it. */
  narrowedBy?: string[];
  /** The sentence says the patient has the treatment's effect ("Had radiation-induced menopause"): the treatment was had. */
  effectHad?: boolean;
}

interface Window {
  start: number;
  end: number;
  days: number;
  /** 'within': had it within N days; 'since': at least N days must have passed. */
  sense: 'within' | 'since';
  /**
   * The window is N days or a number of half-lives of the drug ("within 28 days or 5 half-lives"),
   * its span holding both: 'shorter' (at most N days), 'longer' (at least N days) or 'unknown' (no
   * "whichever" said). The half-lives themselves are never read.
   */
  halfLife?: 'shorter' | 'longer' | 'unknown';
  /** The "whichever is shorter" phrase that qualifies it, read with it. */
  qualifierSpan?: Span;
  /** The anchor said after that phrase ("(whichever is longer) prior to Cycle 1 Day 1"), part of the window. */
  anchorSpan?: Span;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions, compiled once. None nests quantifiers over overlapping classes.

const UNIT = String.raw`(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)`;
const NUM = `(${NUMBER})`;
// A day before the first ("Cycle 1 Day -1") is one of its numbers too.
const ANCHOR = String.raw`(?:\s*(?:-\d{1,2}\b|\b(?:the|their|this|first|1st|initial|planned|scheduled|start|starting|initiation|initiating|beginning|commencing|entering|of|administration|receipt|receiving|day|dose|doses|infusion|cycle|study|trial|protocol|investigational|drug|drugs|treatment|treatments|therapy|intervention|interventions|medication|medications|product|products|agent|agents|entry|enrol?lment|registration|randomi[sz]ation|inclusion|screening|c1d1|consent|informed|participation|baseline|visit|allocation|dosing|preparative|lymphodepleting|lymphodepletion|apheresis|leukapheresis|\d{1,2})\b)){0,9}`;
/** "within 4 weeks prior to the first dose of study drug", "within the last 6 months", "in the past 14 days". */
const WITHIN_RE = new RegExp(
  String.raw`\b(?:(?:within|in|during)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?|over\s+(?:the\s+)?(?:last|past|previous|preceding|prior))\s*${NUM}\s*[-\s]?\s*(${UNIT})\b(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?(?:\s+(?:prior\s+to|before|preceding|of|from|prior)\b\s*${ANCHOR})?`,
  'gi',
);
/**
 * "within a month", "within the past year", "in the last week": one unit, said with an article instead
 * of a number. The unit is singular, so it is one of it ("within the past 6 months" is WITHIN_RE's).
 */
const WITHIN_ONE_RE = new RegExp(
  String.raw`\b(?:within\s+(?:a|one|the\s+(?:last|past|previous|preceding))|(?:in|during|over)\s+the\s+(?:last|past|previous|preceding))\s+(day|week|month|year)\b(?:\s+(?:prior\s+to|before|preceding|of|from|prior)\b\s*${ANCHOR})?`,
  'gi',
);
const WITHIN_ONE_GATE = new RegExp(WITHIN_ONE_RE.source, 'i');
/** A time the sentence states, with a number or as one unit ("within a month"): a window no reader took is still a window. */
const STATED_TIME_RE = new RegExp(String.raw`\b\d+\s*(?:days?|weeks?|wks?|months?|years?)\b|${WITHIN_ONE_RE.source}`, 'i');
/** The lower bound and first number of a range, right before its second number: "a minimum of 8-". */
const RANGE_FLOOR_BEFORE_RE =
  /\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+less\s+than|not\s+less\s+than|more\s+than|greater\s+than)\s*\d+(?:\.\d+)?\s*(?:-|–|to)\s*$|(?:≥|>=|>)\s*\d+(?:\.\d+)?\s*(?:-|–|to)\s*$/i;
/** "4 weeks prior to first dose", "< 28 days before randomization" (a receipt inside the window). */
const BEFORE_RE = new RegExp(
  String.raw`(?:(?:<|less\s+than|fewer\s+than|under)\s*)?${NUM}\s*[-\s]?\s*(${UNIT})\b(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?\s+(?:prior\s+to|before|preceding)\b\s*${ANCHOR}`,
  'gi',
);
/** "≤ 28 days from Cycle 1 Day 1", "< 4 weeks of study entry": an upper bound measured back from the anchor. */
const UPTO_FROM_RE = new RegExp(
  String.raw`(?:within\s*)?(?:≤|<=|=<|<|less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+less\s+than|less\s+than|fewer\s+than|no\s+more\s+than|not\s+more\s+than)\s*${NUM}\s*[-\s]?\s*(${UNIT})\b(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?\s+(?:from|of)\b(?!\s*(?:the\s+|their\s+|his\s+|her\s+)?(?:last|final|most\s+recent|completion|end|stopping|discontinu\w*|initial\s+|original\s+|primary\s+)?(?:diagnosis|surgery|resection|operation|progression|recurrence|relapse|transplant\w*|last|final|completion|end|stopping|discontinu\w*|most\s+recent)\b)\s*${ANCHOR}`,
  'gi',
);
/**
 * "since the end of their most recent X", "since last radiotherapy": a gap since the latest X is a gap
 * since every X, so the words that pick the latest one out narrow nothing and are read with the window.
 */
const LATEST = String.raw`(?:\s+(?:(?:the|their|his|her)\s+|(?:the\s+)?(?:participant|patient|subject)['’]?s['’]?\s+)?(?:most\s+recent|latest|last|final)(?:\s+(?:dose|administration)\s+of)?\b)?`;
/** "at least 4 weeks since", "≥ 14 days from the last dose", "more than 6 months prior". */
const SINCE_RE = new RegExp(
  String.raw`(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|>=|=>|≥|greater\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more)\s+than|more\s+than\s+or\s+equal\s+to|>|more\s+than|greater\s+than|longer\s+than|over|no\s+less\s+than|not\s+less\s+than|no\s+sooner\s+than|no\s+earlier\s+than)\s*)${NUM}\s*[-\s]?\s*(${UNIT})\b(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?(?:\s+(?:or\s+more|or\s+longer))?(?:(?:\s+(?:must\s+have\s+(?:elapsed|passed)|(?:have|has)\s+(?:elapsed|passed)|must\s+elapse|elapsed|washout|wash-out))(?:\s+(?:since|from|after|prior\s+to|before|preceding|between|following)\b(?:\s+(?:the\s+)?(?:completion|end|last\s+dose|last\s+administration|discontinuation|cessation|stop(?:ping)?|termination)(?:\s+of)?)?${LATEST}(?:\s*${ANCHOR})?)?|(?:\s+(?:since|from|after|post|prior\s+to|before|preceding|between|following|beyond|ago)\b(?:\s+(?:the\s+)?(?:completion|end|last\s+dose|last\s+administration|discontinuation|cessation|stop(?:ping)?|termination)(?:\s+of)?)?${LATEST}(?:\s*${ANCHOR})?))`,
  'gi',
);
/** "Last dose of prior therapy ≥ 21 days": a bare minimum gap, read only where the sentence says it is one. */
const BARE_SINCE_RE = new RegExp(String.raw`(?:>=|=>|≥|>|at\s+least|more\s+than|greater\s+than|(?<=\b(?:was|were|is|are|be|been)\s+)over)\s*${NUM}\s*[-\s]?\s*(${UNIT})\b`, 'gi');
/**
 * Where a bare "more than N weeks" is the time since the treatment: "last dose", "since", a washout,
 * or the treatment said to "be" more than N weeks ("Prior anti-tumor treatment was over 4 weeks").
 * ("over 4 weeks" is a window only as "over the last/past 4 weeks".)
 */
const BARE_SINCE_GATE = /\blast\s+(?:dose|administration|treatment|therapy)|\bsince\b|\belapsed\b|\binterval\b|wash-?out|\b(?:was|were|is|are|be|been)\s+(?:over|more\s+than|greater\s+than|longer\s+than|>|≥)\s*\d/i;
/** "N-week washout", "washout period of 4 weeks". */
const WASHOUT_RE = new RegExp(
  String.raw`(?:${NUM}\s*[-\s]?\s*(${UNIT})\s+(?:wash-?out|washout)(?:\s+period)?|(?:wash-?out|washout)(?:\s+period)?\s+(?:of\s+)?(?:at\s+least\s+|>=\s*|≥\s*)?${NUM}\s*[-\s]?\s*(${UNIT}))`,
  'gi',
);
/** "(6 weeks for nitrosoureas or mitomycin C)": a window for the list that follows, in the sentence's sense. */
const FOR_RE = new RegExp(String.raw`\b${NUM}\s*[-\s]?\s*(${UNIT})\s+(?=for\b)`, 'gi');
const HALF_LIFE_RE = /half[\s-]?li(?:fe|ves)/i;
const HALF_LIFE_SHORTER_RE = /whichever\s+(?:(?:is|was|comes)\s+)?(?:the\s+)?(?:shorter|shortest|lesser|least|less|earlier|sooner)|\bif\s+shorter\b/i;
const LONGER_RE = /whichever\s+(?:(?:is|was|comes)\s+)?(?:the\s+)?(?:longer|greater|longest|greatest|later)|\bif\s+longer\b/i;
/** "5 half-lives", "five half-lives of the drug", "5 times the elimination half-life". */
const HL_COUNT = String.raw`${NUMBER}\s*(?:x\s*|times\s+(?:the\s+)?(?:(?:elimination|terminal|plasma)\s+)?)?half[\s-]?li(?:fe|ves)(?:\s+periods?)?(?:\s*\((?![^()]*\bwhichever\b)[^()]{0,40}\))?(?:\s+of\s+(?:the\s+|a\s+|an\s+|any\s+|that\s+|each\s+|such\s+)?(?:[\w/-]+\s+){0,3}?(?:drugs?|agents?|products?|therap(?:y|ies)|medications?|treatments?|compounds?|biologics?|IMP|IP)\b(?:\s*\))?)?`;
/** Joins the two lengths: ", or", "or, if shorter,". */
const HL_OR = String.raw`\s*,?\s*(?:\(\s*)?or\s*,?\s*(?:if\s+(?:shorter|longer)\s*,?\s*)?(?:within\s+)?`;
/** "5 half-lives or 28 days" with the half-lives first; the days (group 2, 3) are the window read. */
const HL_FIRST_RE = new RegExp(
  String.raw`\b(?:(within|in|during)\s+|(at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=|>|more\s+than)\s*)?${HL_COUNT}${HL_OR}${NUM}\s*[-\s]?\s*(${UNIT})\b(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?(?:\s+(?:prior\s+to|before|preceding|of)\b\s*${ANCHOR})?`,
  'gi',
);
/** "…or 5 half-lives" right after a window of days, read into it. */
const HL_AFTER_RE = new RegExp(String.raw`^(?:\s*\(\s*${NUMBER}\s*${UNIT}\s*\))?${HL_OR}(?:a\s+time\s+(?:period|interval)\s+(?:equal\s+to|of|less\s+than)\s+(?:at\s+least\s+)?)?${HL_COUNT}`, 'i');
/** The "whichever" phrase after a half-life window: ", whichever is shorter", "(whichever is longer)". */
const HL_WHICHEVER_RE = /^[\s,]*(?:\(\s*)?(?:[^().;]{0,80}?)(whichever\s+(?:(?:is|was|comes)\s+)?(?:the\s+)?\w+|if\s+(?:shorter|longer))\s*\)?/i;
/** Washout wordings read by their own module (therapy-windows.ts), from the same vocabulary. */
const WINDOW_FORMS = windowForms({ unit: UNIT, num: NUM, anchor: ANCHOR, hlCount: HL_COUNT, hlOr: HL_OR });
/** Relative to the end of a treatment, not the as-of date: "within 6 months of completing". */
const RELATIVE_RE =
  /^\s*(?:\(\s*[^)]{0,20}\)\s*)?(?:of|after|from|following)\s+(?:the\s+)?(?:completion|completing|completed|end|ending|stopping|discontinu\w*|cessation|finishing)/i;
/** A window measured from an event in the past, not from the as-of date: "within 5 years prior to diagnosis". */
const RELATIVE_ANCHOR_RE = /\b(?:prior\s+to|before|of|from|after)\s+(?:the\s+|their\s+)?(?:initial\s+|original\s+|primary\s+)?(?:diagnosis|surgery|resection|operation|progression|recurrence|relapse|metastas\w*|transplant\w*)\b/i;
/** The rest of an anchor in the patient's past after a window's preposition: "(the original) diagnostic biopsy", "diagnosis". */
const DIAGNOSIS_TAIL_RE = /^\s*(?:the\s+|their\s+)?(?:initial\s+|original\s+|primary\s+|first\s+)?(?:diagnos(?:is|tic)|biops(?:y|ies))\b/i;
/** "within 7 days prior to surgery": counted back from a procedure still to come, not from the as-of date. */
const PROCEDURE_ANCHOR_RE =
  /^\s*(?:prior\s+to|before)\s+(?:the\s+|their\s+|any\s+)?(?:planned\s+|scheduled\s+|intended\s+)?(?:surgery|surgical|resection|operation|procedures?|biopsy|biopsies|cryoablation|ablation)\b/i;
/** "within 6 months prior to curative treatment", "within 4 weeks of diagnosis": counted from another event in the patient's course, not from the as-of date. */
const EVENT_ANCHOR_AFTER_RE =
  /^\s*(?:prior\s+to|before|of|from|after|following)\s+(?:the\s+|their\s+|his\s+|her\s+|a\s+)?(?:initial\s+|original\s+|primary\s+|first\s+)?(?:(?:cancer|disease|tumou?r)\s+)?(?:diagnosis|recurrence|relapse|progression|metastas[ie]s|(?:curative|definitive)(?:[\s-]intent)?\s+(?:treatment|therapy|surgery|resection|radiotherapy|radiation|chemoradiation|chemoradiotherapy))\b/i;
/** A window after an outcome is about when the disease came back, not when treatment was given. */
const OUTCOME_TIME_RE = /\b(?:progress\w*|relapse[ds]?|recurr\w*|PFS|disease[\s-]free|DFI|TFI|free\s+interval|interval|response|respond\w*|remission|diagnos(?:is|ed|es))\b[^.;]{0,60}$/i;
/**
 * The second time of an outcome, after the treatment it came on: "progression during therapy with X
 * or within 12 weeks after the last dose of X". The time counts from the last dose, not back from the
 * as-of date: no window (the outcome reader leaves it unread beside the outcome).
 */
const OUTCOME_ALT_TIME_BEFORE_RE = /\b(?:progress\w*|relapse[ds]?|recurr\w*)\b[^.;]{0,200}\bor\s*$/i;
const LAST_DOSE_AFTER_RE = /^\s*(?:\([^()]{0,20}\)\s*)?(?:of|after|from|following|since)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+(?:dose|administration|infusion|cycle)\b/i;

const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, w: 7, wk: 7, week: 7, mo: 30, month: 30, yr: 365, year: 365 };
function unitDays(unit: string): number | null {
  const u = unit.toLowerCase().replace(/s$/, '');
  return UNIT_DAYS[u] ?? null;
}

/** "on a stable dose of", "maintenance dose of": a treatment taken now. */
const STABLE_DOSE = String.raw`(?:stable|constant|steady|unchanged|non-?escalating|ongoing|current|maintenance)\s+(?:daily\s+)?dos(?:e|es|ing|age)\s+of`;
/** "Patients on immunotherapy": the subject is taking it now (right before the list). */
const SUBJECT_ON_RE = new RegExp(String.raw`(?<!\b(?:of|for|to|in|about|regarding)\s+(?:the\s+|these\s+|those\s+)?)\b(?:patients?|participants?|subjects?|individuals?|persons?|those|women|men)\s+(?:currently\s+)?on\s+(?:(?:any|other|the|a|an|concurrent|active|chronic|systemic|oral|parenteral|parental|intravenous|daily|regular|long-term|or|of|(?:[<>≤≥]=?|more\s+than|greater\s+than)?\s*\d+(?:\.\d+)?\s*mg(?:\s*\/\s*d(?:ay)?)?)\s+)*$`, 'i');
/**
 * A lead-in naming the medicines its entries list as ones the patient takes now ("Pts on any drugs which
 * has pharmacological interaction with nelfinavir:", "Patients taking any of the following medications:",
 * "currently receiving any of the following:"): each entry is a medicine taken now.
 */
const CURRENT_LEAD_RE =
  /\b(?:(?:currently|presently|now)\s+(?:taking|receiving|using|on)|(?:patients?|pts|participants?|subjects?)\s+(?:who\s+are\s+)?(?:currently\s+)?(?:taking|using|on))\s+(?:any\s+)?(?:of\s+)?(?:the\s+following\s+)?(?:drugs?|medications?|medicines?|the\s+following|these)\b/i;
/** "(on a) stable dose of X" in an exclusion: X taken now. In an inclusion it is mostly a condition on those who take X. */
const STABLE_DOSE_BEFORE_RE = new RegExp(String.raw`\b${STABLE_DOSE}\s+(?:(?:any|the|a|an|chronic|systemic|oral|daily)\s+)*$`, 'i');
const CUE_RE = new RegExp(
  String.raw`\b(?:prior(?!\s+to\b)|previous(?:ly)?|preceding|earlier|past|received|receiving|receive[sd]?|receipt|treated|treatment\s+with|therapy\s+with|exposure|exposed|had|has\s+had|have\s+had|taken|taking|undergone|underwent|use\s+of|intake\s+of|used|using|administration|administered|given|completed|completion|currently|ongoing|last\s+dose|discontinued|undergoing|(?:is|are|be|being|currently)\s+on|failed|failure|progress\w*|refractory|resistant|relapsed|intoleran\w*|na[iï]ve|pretreated|pre-treated|washout|wash-out|since|lines?|regimens?|history\s+of|on\s+(?:treatment|therapy)|concurrent(?:ly)?|concomitant(?:ly)?|(?<!\bin\s)parallel(?!\s+(?:with|to|cohorts?|arms?|groups?|trials?|stud(?:y|ies))\b)|current|ongoing|involving|(?:has|have|had)\s+(?:initiated|started|commenced|begun))\b`,
  'i',
);

/** After a list: a comma, another member (not a clause), and an "or" later in the sentence. */
const UNION_CONTINUES_RE =
  /^\s*(?:\([^()]*\)\s*)?,(?!\s*(?:or|and|nor|but|who|which|that|whose|with|without|including|such|e\.g|i\.e|if|unless|except|provided|as|at|in|for|within|defined|per|according|respectively|administered|given|received|used|delivered|either|both|alone|each|followed|then|whether|regardless|irrespective|not|no)\b)\s*(?:[^.;:()]|\([^()]*\))*?\bor\b/i;
/** "Prior therapies (must) include", "Previous treatment should have included": the list after was received. */
const INCLUDED_IN_PRIOR_RE =
  /\b(?:prior|previous)\s+(?:(?:systemic|anti-?cancer|cancer)\s+)?(?:therap(?:y|ies)|treatments?|regimens?)\s+(?:\([^()]{0,80}\)\s+)?(?:(?:will|must|should|shall)\s+)?(?:have\s+)?(?:include|includes|included)\s+(?:(?:an?|the|at\s+least\s+one(?:\s+of)?)\s+)?$/i;
/** Sentences read as statements of what is allowed, not of what is required. */
const PERMISSION_RE =
  /\b(?:(?:is|are|will\s+be|would\s+be)\s+(?:allowed|allowable|permitted|permissible|acceptable|accepted|eligible)|allowed|allowable|permitted|permissible|acceptable|may\s+(?:(?:also|already)\s+)?(?:have\s+(?:(?:previously|already)\s+)?(?:received|had|undergone|been\s+treated\s+with)|be\s+(?:enrolled|included|eligible|considered)|receive|continue|participate|enrol?l|start|begin)|can\s+(?:have\s+(?:(?:previously|already)\s+)?(?:received|had|undergone|been\s+treated\s+with)|be\s+(?:enrolled|included|receiving|on|taking)|continue|receive|remain)|may\s+be\s+(?:receiving|on|taking)|(?:is|are)\s+not\s+(?:excluded|an?\s+exclusion|exclusionary|required)|(?:is|are)\s+not\s+considered\s+(?:as\s+)?(?:an?\s+)?(?:exclusion|exclusionary)|not\s+(?:be\s+)?(?:excluded|exclusionary|required)|does\s+not\s+exclude|(?:do|does|will)\s+not\s+(?:need|have)\s+to\s+(?:discontinue|stop)|need\s+not|irrespective\s+of|regardless\s+of|no\s+limit|any\s+number\s+of|is\s+optional|will\s+be\s+considered|counts?\s+as|count(?:ed)?\s+as|considered\s+(?:as\s+)?(?:a|one|1)\s+(?:prior\s+)?line)\b/i;
const PERMISSION_GATE = /allow|permi|accept|eligib|\bmay\b|\bcan\b|\bnot\b|irrespective|regardless|limit|optional|consider|count|\bnumber\b/i;
function permits(sentence: string): boolean {
  return PERMISSION_GATE.test(sentence) && PERMISSION_RE.test(sentence) && !NEG_PERMISSION_RE.test(sentence);
}
/**
 * Whether a permission in the sentence bears on this list: one inside a parenthesis the list is not
 * in is an aside about other treatments ("Prior radiotherapy to the brain (surgery permitted)").
 */
function permitsList(sentence: string, a: number, b: number, raw = sentence): boolean {
  let outside = '';
  let depth = 0;
  let from = 0;
  // The parentheses are those of the text as written: a masked exception may have blanked a ")".
  for (let i = 0; i < sentence.length; i++) {
    const ch = raw[i];
    if (ch === '(' || ch === '[') {
      if (depth === 0) {
        outside += sentence.slice(from, i);
        from = i;
      }
      depth++;
    } else if ((ch === ')' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) {
        // Keep the parenthesis when the list is inside it.
        if (a >= from && b <= i + 1) outside += sentence.slice(from, i + 1);
        from = i + 1;
      }
    }
  }
  // A parenthesis never closed runs to the end of the sentence ("Prior radiotherapy for Stage IV
  // disease (prior adjuvant radiotherapy … is permitted, however …"): an aside like a closed one. Not
  // past a full stop: then the text has only lost its ")" and the next sentence is no aside.
  const unclosedAside = depth > 0 && a < from && !/[.;]\s+[A-Z]/.test(sentence.slice(from));
  if (!unclosedAside) outside += sentence.slice(from);
  return outside.length === sentence.length || permits(outside);
}
const NEG_PERMISSION_RE =
  /\b(?:not|never)\s+(?:be\s+)?(?:allowed|permitted|permissible|acceptable|accepted|eligible)|\bineligible\b|\bprohibited\b|(?<!\bnot\s)(?<!\bnot\s(?:be|been)\s)\b(?:is|are|be|will\s+be)\s+excluded\b/i;

/** "within 5 half-lives" with no number of days beside it. */
const HL_ONLY_RE = new RegExp(String.raw`^[\s,]*(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:used|given|received|taken)\s+)?(?:within|in|during)\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+)?${HL_COUNT}`, 'i');
/** Words beside a bare treatment that only modify it ("palliative", "partial breast", "low dose", "recent"). */
const BARE_MODIFIER_RE = /^(?:recent|partial|whole|adjuvant-intent|intent|any|all|other|prior|previous|concurrent|parallel|ongoing|current|systemic|local|focal|breast|brain|chest|pelvic|\w+ive|\w+al|\w+ic|\w+ary|low|high|dose|doses|mg|daily|day|per|or|and|equivalent|prednisone)$/i;

/**
 * A whole exclusion line that is one treatment list and words that only modify it, with no cue of
 * time: read as a necessary condition (receipt), the modifiers kept unread.
 */
function bareExclusion(ctx: Ctx, list: List & { unknownMember: boolean }, listCount: number, s: number, e: number): boolean {
  const { text, input } = ctx;
  // Under a lead-in the line may name a cause or an exception, not a receipt; a heading that only
  // names a subgroup ("NUC-7738 + pembrolizumab cohort only") says whom the line binds (parse.ts).
  if (input.kind !== 'exclusion' || input.context.some((c) => !subgroupHeading([c])) || listCount !== 1 || list.unknownMember) return false;
  if (/\S/.test(text.slice(0, s).replace(/^[\s\W\d.]*$/, '')) || /[^\s.;,]/.test(text.slice(e))) return false;
  if (input.scopes.scopes.some((sc) => sc.kind === 'negated' || sc.kind === 'exception')) return false;
  const masked = maskSpans(text, s, e, [...spanOf(list.items), ...list.items.flatMap((it) => (it.dose ? [it.dose] : []))]).replace(/\([^()]{0,40}\)/g, (p) => (/\d\s*mg\b/i.test(p) ? ' ' : p));
  const words = masked.match(/[A-Za-z][\w-]*/g) ?? [];
  return words.length <= 3 && words.every((w) => BARE_MODIFIER_RE.test(w));
}

/** Words a finding may swallow around its therapy list: cue words, articles, auxiliaries. */
const CUE_WORDS = new Set(
  'involving initiated commenced antibody antibodies prior previous previously preceding earlier past received receiving receive receives receipt treated treatment treatments therapy therapies with exposure exposed to had has have having been be taken taking undergone underwent use used using intake of administration administered given any all other another the a an their his her who that patients patient participants participant subjects subject must should not no in for on currently actively current ongoing standard line lines regimen regimens agent agents drug drugs medication medications also at least one more following including include includes such as either both last dose doses systemic concurrent concomitant concurrently concomitantly parallel ongoing now post off participation participated participating enrolled clinical interventional by anticancer antitumor antitumour antineoplastic'.split(
    ' ',
  ),
);

/** (Never after "non-": "non-curative surgery", "the non-metastatic setting" name the other settings.) */
const SETTING_WORD =
  String.raw`(?<!\bnon[\s-]?)(?:\(neo\)\s*adjuvant|neo\s*\/\s*adjuvant|neo-?adjuvant|adjuvant|perioperative|peri-operative|maintenance|curative(?:[\s-]intent)?|definitive|(?:locally\s+)?(?:advanced|metastatic|unresectable|inoperable|recurrent|relapsed)|(?:first|1st)[\s-]line)`;
/** "in the metastatic setting", "for advanced or metastatic disease", "for metastatic NSCLC". */
const SETTING_AFTER_RE = new RegExp(
  String.raw`^[\s,]*(?:\(\s*)?(?:(?:given|administered|received|used|delivered)\s+(?:as\s+(?:primary|first[\s-]line|initial)\s+(?:therapy|treatment)\s+(?=for\b))?)?(?:in|for|as|during)\s+(?:the\s+|their\s+|his\s+or\s+her\s+|her\s+|his\s+|a\s+|an\s+)?(?:treatment\s+of\s+)?(${SETTING_WORD}(?:(?:\s*(?:,|\/|or|and|and\/or)\s*|\s+)${SETTING_WORD})*)(?:\s+(?:setting|settings|disease|stage|intent|treatment|therapy|phase|context|or\s+metastatic\s+setting))?`,
  'i',
);
const SETTING_BEFORE_RE = new RegExp(String.raw`(${SETTING_WORD}(?:\s*(?:or|and|\/|and\/or)\s*${SETTING_WORD})?)[\s-]*$`, 'i');
/** Settings alone in a parenthesis right after the list: "No prior systemic therapy (adjuvant or metastatic)". */
const SETTING_PAREN_AFTER_RE = new RegExp(
  String.raw`^\s*\(\s*(${SETTING_WORD}(?:\s*(?:,|\/|or|and|and\/or)\s*${SETTING_WORD})*)(?:\s+(?:settings?|disease))?\s*\)`,
  'i',
);
/**
 * The setting between a generic head and its treatment: "Prior treatment in the locally advanced or
 * metastatic setting with any X", "Prior treatment for metastatic disease with X".
 */
const SETTING_WITH_BEFORE_RE = new RegExp(
  String.raw`\b(?:in\s+the|for(?:\s+the)?)\s+(${SETTING_WORD}(?:(?:\s*(?:,|\/|or|and|and\/or)\s*|\s+)${SETTING_WORD})*)\s+(?:settings?|disease)\s*,?\s+(?:with|using)\s+(?:(?:an?|the|any)\s+)?$`,
  'i',
);
/**
 * The setting of a treatment noun the list then names: "Neoadjuvant treatment with either radiation
 * therapy and / or chemotherapy", "adjuvant therapy with nivolumab". The setting word qualifies the
 * treatment itself, so it binds every member of the list as "neoadjuvant chemotherapy" would. Only
 * the settings of a treatment's purpose ("first-line treatment with" counts lines, "metastatic
 * treatment" is no phrase), and not where the treatment is a goal or a start ("eligible for adjuvant
 * therapy with", "at the start of curative treatment with"): that one is not the treatment received.
 */
const PURPOSE_SETTING_WORD = String.raw`(?:\(neo\)\s*adjuvant|neo\s*\/\s*adjuvant|neo-?adjuvant|adjuvant|perioperative|peri-operative|maintenance|curative(?:[\s-]intent)?|definitive)`;
const SETTING_TREATMENT_WITH_BEFORE_RE = new RegExp(
  String.raw`(?<!\bfor\s+(?:the\s+|an?\s+)?|\b(?:start|initiation|beginning|commencement|onset)\s+of\s+(?:the\s+|an?\s+)?|(?:,|\/|\bor|\band)\s*)\b(${PURPOSE_SETTING_WORD}(?:\s*(?:,|\/|or|and|and\/or)\s*${PURPOSE_SETTING_WORD})*)\s+(?:treatments?|therap(?:y|ies))\s+(?:with|using|consisting\s+of)\s+(?:(?:an?|the|any|either)\s+)?$`,
  'i',
);

/** An outcome word earlier in the clause: "disease progression within 12 months of …". */
const OUTCOME_WORD_BEFORE_RE =
  /\b(?:progress\w*|PD|relapse\w*|recurr\w*|fail\w*|refractory|resist\w*|intoleran\w*)\b[^.;:]*$/i;

/** Text right before an item that makes it a modifier of something else. */
const BLOCK_BEFORE_SOURCES = [
    String.raw`\b(?:toxicit\w*|adverse\s+(?:events?|reactions?|effects?)|\bAEs?|irAEs?|side[\s-]+effects?|complications?|sequelae|reactions?|events?|effects?|injur\w*|damage|neuropathy|pneumonitis|colitis|hepatitis|hypothyroidism|endocrinopath\w*|recovered|recovery|recover|resolved|resolution)\s+(?:\w+\s+){0,4}?(?:from|due\s+to|of|related\s+to|attributed\s+to|attributable\s+to|caused\s+by|associated\s+with|secondary\s+to|following|after|induced\s+by|with|during|on)\s+(?:[\w()-]+\s+){0,4}$`,
    String.raw`\b(?:hypersensitivity|allerg\w*|anaphyla\w*|contraindications?|contraindicated|contradict\w*|sensitivity|(?:severe|serious|life-threatening|allergic|infusion|anaphylactic)\s+reactions?)\s+(?:\w+\s+){0,3}(?:to|for|with|of|against)\s+(?:(?!(?:prior|previous(?:ly)?|received|receiving|treated|treatment|therapy|use|history|and)\b)[\w()-]+,?\s+){0,4}$`,
    String.raw`\b(?:eligible|candidates?|suitable|unsuitable|fit|unfit|ineligible|appropriate|inappropriate|indicated|planned|scheduled|intended|intend|intends|plan|plans|planning|willing|willingness|able|unable|amenable|consent|refus\w*|declin\w*|offered|need|needs|needing|requir\w*|benefit|access|considered|referred|awaiting|wait\w*|proceed|proceeding|go\s+on|going|decision|choose|chose|elect\w*|option)\s+(?:\w+\s+){0,3}?(?:for|to|with|receiving|undergoing)\s+(?!(?:have|has)\s+(?:(?:already|previously|also)\s+)?(?:received|been\s+treated|had|undergone)\b)(?:[\w(),/-]+\s+){0,7}\(?$`,
    String.raw`half[\s-]?li(?:fe|ves)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}$`,
    // "Patients starting a treatment with a combination of immunotherapy of nivolumab + ipilimumab": a
    // treatment about to begin, not one received.
    String.raw`\b(?:starting|initiating|about\s+to\s+(?:start|begin|initiate|receive))\s+(?:an?\s+|the\s+|their\s+)?(?:new\s+)?(?:treatment|therapy|regimen|course)\s+(?:with|of)\s+(?:[\w()+/-]+\s+){0,5}$`,
    String.raw`\bfirst\s+(?:receiving|receipt\s+of|taking|administration\s+of|dose\s+of|infusion\s+of)\s+(?:the\s+)?$`,
    String.raw`\b(?:will|would|to|shall)\s+(?:be\s+)?(?:receive|receiving|treated|undergo|start|begin|initiate|get|given)\s+(?:\w+\s+){0,3}$`,
    String.raw`\b(?:first|initial|start|starting|initiation|initiating|beginning|commencing|commencement)\s+(?:of\s+)?(?:dose\s+|doses\s+|administration\s+|infusion\s+)?(?:of\s+)?(?:the\s+)?(?:study\s+)?$`,
    String.raw`\b(?:the|this|current|present|planned|assigned|allocated)\s+(?:study|trial|protocol)\s*$`,
    String.raw`\b(?:randomi[sz]ed|randomi[sz]ation|assigned|allocated)\s+(?:\w+\s+){0,2}(?:to|into)\s+(?:\w+\s+){0,2}$`,
    String.raw`\b(?:response|responses|responded|benefit|tumou?r\s+shrinkage|stable\s+disease|partial\s+response|complete\s+response)\s+(?:\w+\s+){0,2}(?:to|from|with|on)\s+(?:[\w()-]+\s+){0,3}$`,
    String.raw`\bmeasurable\s+(?:\w+\s+){0,6}$`,
    String.raw`\b(?:lesions?|sites?|fields?|areas?|metastas[ie]s|mets|tumou?rs?|nodules?)\s+(?:\w+\s+){0,5}(?:previously\s+)?$`,
    String.raw`\b(?:while|when|whilst)\s+(?:on|receiving|taking|being\s+treated\s+with|treated\s+with|under)\s+(?:[\w-]+\s+){0,2}$`,
    // ("RECIST 1.1 defined progression on X", "RANO-defined progression": the response criteria that
    // define the outcome, an adjective of it, not a definition of the treatment. "medications that are
    // considered strong inhibitors of CYP3A4": a relative clause naming the class the medicines belong to,
    // read like "known to be".)
    String.raw`\b(?:(?<!\b(?:i?RECIST|mRECIST|irRC|RANO|IMWG|PCWG[23]?|Lugano|iwCLL|IWG)(?:\s*v?\d+(?:\.\d+)?)?[\s-]*)defined|definition|(?<!\b(?:drugs?|medications?|medicines?|substances?|supplements?|products?|foods?)\s+(?:that|which)\s+(?:are|is)\s+)considered|regarded|counted|classified)\s+(?:as\s+)?(?:[\w-]+\s+){0,6}$`,
    String.raw`\b(?:after|following|post)\s+(?:the\s+)?(?:last|final)\s+(?:dose|administration|infusion|treatment)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}$`,
    String.raw`\b(?:absorption|absorb\w*|bioavailability|metabolism|pharmacokinetics?|clearance)\s+(?:of\s+)?(?:the\s+)?(?:study\s+)?$`,
    // "autoimmune disease unrelated to the use of immune checkpoint inhibitors": the treatment is what
    // the condition is not caused by, not one the patient is asked about.
    String.raw`\b(?:unrelated|not\s+(?:related|due|attributed|attributable|secondary)|independent\s+of)\s+(?:to\s+)?(?:the\s+|any\s+|prior\s+|previous\s+)?(?:use\s+of\s+|treatment\s+with\s+|therapy\s+with\s+)?(?:[\w()-]+\s+){0,3}$`,
    // "ADC containing a chemotherapeutic agent": the payload of the treatment before, not a treatment of its own.
    String.raw`\b(?:containing|carrying|conjugated\s+(?:to|with)|linked\s+to|loaded\s+with)\s+(?:an?\s+|the\s+)?$`,
    // "Chinese medicine preparations approved by NMPA for anti-tumor therapy": the indication of another product.
    String.raw`\b(?:approved|indicated|licensed|marketed|registered)\s+(?:(?:by|in)\s+(?:the\s+)?[\w-]+\s+)?for\s+(?:an?\s+|the\s+)?(?:use\s+(?:in|as)\s+)?$`,
  ];
/**
 * The words each blocker needs, so most lookbacks are dismissed by a substring test instead of a
 * regular expression (the extractor runs on every criterion of every trial).
 */
const BLOCKER_KEYS: string[][] = [
  ['toxic', 'adverse', 'ae', 'effect', 'reaction', 'complication', 'sequela', 'event', 'injur', 'damage', 'neuropath', 'pneumonit', 'colitis', 'hepatit', 'hypothyroid', 'endocrinopath', 'recover', 'resol'],
  ['hypersens', 'allerg', 'anaphyla', 'contraindic', 'contradict', 'sensitiv', 'reaction'],
  ['eligib', 'candidat', 'suitab', 'fit', 'appropriat', 'indicat', 'plann', 'schedul', 'intend', 'plan', 'willing', 'able', 'amenab', 'consent', 'refus', 'declin', 'offer', 'need', 'requir', 'benefit', 'access', 'consider', 'referr', 'await', 'wait', 'proceed', 'go', 'going', 'decision', 'choose', 'chose', 'elect', 'option'],
  ['half'],
  ['starting', 'initiating', 'about'],
  ['first'],
  ['will', 'would', 'to', 'shall'],
  ['first', 'initial', 'start', 'initiat', 'begin', 'commenc'],
  ['study', 'trial', 'protocol'],
  ['randomi', 'assigned', 'allocated'],
  ['respon', 'benefit', 'shrink', 'stable'],
  ['measurable'],
  ['lesion', 'site', 'field', 'area', 'metasta', 'mets', 'tumo', 'nodul'],
  ['while', 'when', 'whilst'],
  ['defin', 'consider', 'regard', 'count', 'classif'],
  ['after', 'following', 'post'],
  ['absor', 'bioavail', 'metabol', 'pharmacokinet', 'clearance'],
  ['unrelated', 'not', 'independent'],
  ['containing', 'carrying', 'conjugated', 'linked', 'loaded'],
  ['approved', 'indicated', 'licensed', 'marketed', 'registered'],
];
const BLOCKERS = BLOCK_BEFORE_SOURCES.map((src, i) => ({ keys: BLOCKER_KEYS[i] ?? [], re: new RegExp(src, 'i') }));
function blockedBefore(before: string): RegExpExecArray | null {
  const lower = before.toLowerCase();
  for (const b of BLOCKERS) {
    if (b.keys.length && !b.keys.some((k) => lower.includes(k))) continue;
    const m = b.re.exec(before);
    if (m) return m;
  }
  return null;
}
/** Text right after an item that makes it a modifier ("radiation pneumonitis", "chemotherapy-induced"). */
const BLOCK_AFTER_RE =
  /^[\s-]*(?:induced|related|associated|mediated|pneumonitis|dermatitis|recall|necrosis|fibrosis|enteritis|proctitis|cystitis|field|fields|sites?|port|portal|oncologists?|oncology|exposure|toxicit\w*|injur\w*|colitis|sensiti[sz]\w*|planning|plan|plans|dosimetry|simulation|center|centre|facility|department|guidelines?|label|labell?ing|prescribing|package|manufacturer|naive\s+(?:patients?\s+)?(?:cohort|arm)|devices?|arm|cohort|group|combination\s+cohort|dose\s+level|(?:serum\s+|plasma\s+|blood\s+)?(?:levels?|concentrations?)\b(?!\s+(?:of|≥|>=|>)\s*(?:\d|evidence))|in\s+(?:the\s+)?(?:post-?\s*|pre-?\s*)?menopausal\s+range|infusion\s+reactions?|reactions?|hypersensitivity|allergy|resistance\s+mutation|resistance\s+mechanism|biosimilar|is\s+(?:the\s+)?standard|is\s+indicated|are\s+indicated|is\s+not\s+indicated|eligib\w+|ineligib\w+|candidates?|is\s+planned|are\s+planned|(?:will|would|is\s+to|are\s+to)\s+be\s+(?:started|initiated|given|administered|used|offered)|to\s+be\s+(?:started|given|administered|initiated)|is\s+required\s+as\s+part|as\s+part\s+of\s+(?:this|the)\s+study|(?:is|are)\s+(?:expected|anticipated|likely)|expected\s+to|anticipated|to\s+be\s+performed)\b/i;

const SUFFIX_RE = /^[\s-]*(na[iï]ve|refractory|resistant|relapsed|sensitive|intolerant|pretreated|pre-treated|exposed|experienced|failed|failure)\b/i;

/**
 * What progressed, after "progression of": the disease under study, by name or by a general word
 * ("progression of melanoma while on X", "progression of their disease on X"). Progression of the
 * cancer is the outcome the record holds; no other disease is named here.
 */
const OC_DISEASE = String.raw`(?:(?:the|their|his|her)\s+)?(?:disease|cancer|tumou?rs?|malignanc(?:y|ies)|melanoma|carcinoma|lymphoma|myeloma|leuka?emia|sarcoma|glioma|glioblastoma|mesothelioma)`;
/** Outcome cues before a list: "progressed on or after", "refractory to", "intolerant of". */
const OC_WORD = String.raw`(?:(?:experienced|developed|disease|radiographic|radiological|documented|confirmed|objective|clinical|subsequent)\s+)*(?:progress(?:ed|ion|ing|ive\s+disease)?|PD|relapse[ds]?|relapsing|recurr(?:ed|ence|ent)|fail(?:ed|ure|ing)?|refractory|resist(?:ant|ance|ed)|intoleran(?:t|ce)|(?:unable|not\s+able)\s+to\s+tolerate|could\s+not\s+tolerate|not\s+tolerat\w*|did\s+not\s+tolerate)(?:\s+(?:of\s+${OC_DISEASE}|disease))?(?:\s*\((?:PD|PFS|PR|SD|CR)\))?`;
/**
 * The verb of a second outcome, intolerance only: "progressed on or be intolerant to", "failed or been
 * intolerant to" ("relapsed or be disease resistant to" keeps its alternatives apart).
 */
const OC_AUX = String.raw`(?:(?:be|been|are|is|were|was|have\s+been|has\s+been)\s+(?=intoleran|(?:unable|not\s+able)\s+to\s+tolerate))`;
/**
 * Who judged the outcome ("experienced PD per treating physician while receiving X", "progression, as
 * determined by the investigator, on X"): the record's outcome is the one its clinicians recorded, so
 * the judge narrows nothing and is read with the outcome.
 */
const OC_BY = String.raw`(?:\s*,?\s*\(?\s*(?:per|by|according\s+to|in\s+the\s+opinion\s+of|as\s+(?:assessed|determined|judged|documented|confirmed)\s+by)\s+(?:the\s+)?(?:treating\s+|local\s+|site\s+)?(?:physician|investigator|clinician|oncologist)s?(?:'s?)?(?:\s+(?:assessment|judg(?:e)?ment|opinion))?\s*\)?\s*,?)`;
const OC_PREP = String.raw`(?:on|after|following|during|while\s+(?:on|receiving|taking)|to|with|despite|of|from|at|by|within)`;
/**
 * How soon after a treatment the disease came back ("progression within 6 months of receiving", "≤ 84 days
 * following the last dose of"): no fact holds a time counted from a treatment, so it is left as an unread
 * qualifier of the outcome rather than read as a window (from the as-of date) or dropped.
 */
const OC_TIME = String.raw`(?<time>(?:(?:during|on|while\s+on)\s+(?:(?:the\s+)?(?:treatment|therapy)\s+)?or\s+)?(?:within|≤|<=|=<|<|less\s+than|no\s+more\s+than|no\s+later\s+than)\s*${NUMBER}\s*(?:days?|weeks?|months?|years?)(?:\s*\(\s*${NUMBER}\s*(?:days?|weeks?|months?)\s*\))?\s+(?:of|after|from|following|since)(?:\s+(?:receiving|completing|completion\s+of|(?:the\s+)?end\s+of|discontinu\w+(?:\s+of)?|stopping|(?:the\s+)?(?:last|final)\s+(?:dose|administration|cycle)(?:\s+of)?(?:\s+treatment)?(?:\s+with)?))?)`;
/**
 * How much of the treatment came before the outcome ("progressed after a minimum of 2 doses of", "after
 * receiving at least two cycles of"): no fact holds it, so like the time it is left an unread qualifier.
 */
const OC_COUNT = String.raw`(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=)\s*\S+\s+(?:(?:complete|full)\s+)?(?:doses?|cycles?|courses?|infusions?)\s+of\s+)`;
const OC_COUNT_RE = new RegExp(OC_COUNT, 'i');
/**
 * That the outcome was recorded, said between it and its time or preposition ("Progressive disease has
 * been documented within 12 weeks from the last dose of", "progression confirmed on"): the record's
 * outcome is the documented one, so the words narrow nothing.
 */
const OC_SAID = String.raw`(?:\s+(?:(?:has|have|had)\s+been\s+|was\s+|were\s+)?(?:documented|confirmed|observed|occurred))?`;
const OUTCOME_BEFORE_RE = new RegExp(
  String.raw`\b${OC_WORD}${OC_SAID}${OC_BY}?(?:\s+${OC_PREP})?(?:\s*(?:,\s*(?:or\b|and\/or\b)?|\bor\b|\band\b|\band\/or\b|\/)\s*(?:${OC_AUX}?${OC_WORD}|${OC_PREP})(?:\s+${OC_PREP})?)*${OC_SAID}(?:\s+${OC_TIME})?\s+(?:(?:at\s+least|≥|>=)\s*\S+\s+)?(?:(?:prior|previous|previously|the|a|an|their|his|her|all|both|any|one|standard|most\s+recent|last|treatment|therapy|receiving|having\s+received|having\s+been\s+treated|being\s+treated|treated|with|of|available|approved|regimens?|lines?|(?:at\s+least|≥|>=)\s*(?:one|1)|neo-?adjuvant\s+(?:or|and\/or)\s+adjuvant|neo-?adjuvant|adjuvant|perioperative|maintenance|first[\s-]line|second[\s-]line|metastatic|advanced|definitive|concurrent|concomitant)\s+|(?:definitive|concurrent|concomitant)\s*,\s*|${OC_COUNT})*$`,
  'i',
);
/**
 * The outcome cue before a list. A time after a treatment is read in an inclusion only where the outcome
 * heads its clause ("Have progressed within 12 weeks after last dose of anti-PD-1"): after an "or"
 * ("…, or recurrence within 6 months of adjuvant therapy") it is mostly an alternative to a line
 * requirement, which a finding of its own would make a sufficient option of the whole criterion. The
 * time itself stays unread, so the finding is only a necessary condition beside it.
 */
function outcomeBefore(lookback: string, exclusion: boolean): RegExpExecArray | null {
  const m = OUTCOME_BEFORE_RE.exec(lookback);
  if (!m || !m.groups?.time || exclusion) return m;
  // A label before a colon ("those without oncogene-driven tumors:") names whom the clause binds.
  return OUTCOME_ALTERNATIVE_BEFORE_RE.test(lookback.slice(0, m.index).replace(/^[\s\S]*:/, '')) ? null : m;
}
/** Words before an outcome cue that make it one alternative among others. */
const OUTCOME_ALTERNATIVE_BEFORE_RE = /\b(?:or|and\/or|either|unless|except|if)\b|;/i;
const OUTCOME_AFTER_RE =
  /^[\s,]*(?:\(\s*)?(?:(?:(?:is|are)\s+required\s+)?with|and|showing|followed\s+by|but|resulting\s+in|leading\s+to)?\s*(?:documented\s+|confirmed\s+|radiographic\s+|radiological\s+|objective\s+|subsequent\s+|evidence\s+of\s+)*(?:disease\s+)?(progression|progressive\s+disease|relapse|recurrence|failure|intolerance|toxicity)(?:\s+(?:of\s+disease|on\s+or\s+after\s+(?:such|this|that)\s+(?:therapy|treatment)|on\s+(?:such|this|that|the\s+last)\s+(?:therapy|treatment|regimen)|during\s+or\s+after\s+(?:such|this|that|the\s+last)\s+(?:therapy|treatment|regimen)))?/i;

/** How soon after the last dose an outcome came, after the list ("or within ≤ 12 weeks after the last dose"): left unread. */
const OUTCOME_TIME_AFTER_RE =
  /\b(?:or\s+)?(?:within|≤|<=|=<|<|less\s+than|no\s+more\s+than|no\s+later\s+than)\s*(?:≤|<=|=<|<)?\s*\d+\s*(?:days?|weeks?|months?)(?:\s*\([^()]{0,20}\))?\s+(?:of|after|from|following|since)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+(?:dose|administration|infusion|cycle)\b/gi;
/** Alternatives that make a positive inclusion finding unnecessary ("… or for whom no standard therapy exists"). */
const ALTERNATIVE_RE =
  /\b(?:or|and\/or)\s+(?:(?:who|which|that|for\s+whom|for\s+which|patients?|participants?|subjects?)\s+)?(?:(?:are|is|were|was|have|has|had|be|been|deemed|considered|judged)\s+)*(?:ineligible|not\s+(?:eligible|candidates?|suitable|appropriate|amenable)|unsuitable|unfit|refus\w*|declin\w*|no\s+(?:(?:remaining|more)\s+)?(?:standard|available|other|further|effective|approved|curative|satisfactory|alternative)|(?:there\s+is|there\s+are)\s+no|without\s+(?:standard|available|other|effective)|for\s+whom|for\s+which|lack\w*|not\s+(?:have|had)\s+access|unable|contraindicat\w*|not\s+tolerate|do\s+not\s+want|did\s+not\s+want|not\s+(?:available|accessible|indicated)|unavailab\w*|(?:a\s+)?(?:medical\s+)?contraindication)/i;

/**
 * Qualifiers the facts cannot express; where they would narrow a finding it is dropped. Among them a
 * purpose ("steroids for pain management", "for symptom control"): steroids for another reason are not meant;
 * and "immunotherapy combinations", "targeted therapies specific for mutated BRAF", narrower than the kind;
 * and an interval between two events ("no systemic treatments … between sample procurement and …").
 */
const NARROW_RE =
  /\b(?:overlap\w*|cycles?|courses?|doses?|dosing|dosage|dose-?dense|mg|mcg|µg|gy|gray|cgy|mci|gbq|iu|cumulative|duration|more\s+than\s+(?:one|1|two|2)\b|two\s+or\s+more|multiple|high[\s-]dose|low[\s-]dose|chronic|long[\s-]term|prolonged|daily|intermittent|continuous|intravesical|intraperitoneal|intrathecal|intra-?arterial|hepatic\s+arterial|intralesional|intratumou?ral|topical|inhaled|local(?:ly)?|regional|liver[\s-]directed|isolated\s+limb|unless|if|provided|as\s+long\s+as|only|except(?:ions?)?|off[\s-]label|through\s+(?:a|an)\s+(?:clinical|interventional)|as\s+part\s+of\s+(?:a|an)\s+(?:clinical\s+)?(?:trial|study)|other\s+than|excluding|apart\s+from|led\s+to|leading\s+to|resulted\s+in|resulting\s+in|due\s+to|because\s+of|discontinu\w*|permanent\w*|toxicit\w*|adverse|irAEs?|grade|same|similar|identical|this\s+(?:class|drug|agent|type|mechanism|target)|that\s+(?:class|target|mechanism)|targeting|directed\s+against|against|mechanism|for\s+(?:the\s+)?(?:treatment\s+of\s+)?(?:other|another|a\s+different|non-?malignant|benign|autoimmune|a\s+(?:prior|previous))|for\s+(?:the\s+|this\s+|their\s+|his\s+|her\s+|its\s+)?(?:treatment\s+of\s+(?:the\s+|this\s+)?)?(?:current|present|index|underlying|same|study|primary|considered|studied|target|qualifying|enrolling)\s+(?:\w+\s+)?(?:cancer|disease|diagnosis|malignancy|tumou?r|indication|condition)|for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:control|management|relief|prophylaxis|prevention|palliation)|for\s+(?:the\s+)?(?:pain|nausea|emesis|vomiting|symptoms?)|for\s+(?:the\s+)?(?:treatment\s+of\s+)?(?:(?:their|his|her)\s+)?(?:brain|CNS|cerebral|intracranial|leptomeningeal|bone|spinal|liver|hepatic)\s+(?:metastas[ie]s|mets|lesions?|disease)|in\s+combination|combined\s+with|combinations?|specific(?:ally)?\s+(?:for|to)|concurrently\s+with|plus|palliative|extensive|limited|small|large|non[\s-]+\w+|preclud\w*|prevent\w*|interfer\w*|compromis\w*|that\s+would|which\s+would|could|might|adjuvant|neo-?adjuvant|metastatic|advanced|maintenance|setting|first[\s-]line|second[\s-]line|third[\s-]line|salvage|induction|consolidation|conditioning|lymphodepleting|bridging|myeloablative|intravenous|oral|IV|weeks?\s+of|months?\s+of|years?\s+of|days?\s+of|for\s+(?:at\s+least|more\s+than|longer\s+than|>|≥|>=|a\s+(?:total|period|duration)\s+of|up\s+to|over)?\s*\d+\s*(?:days?|weeks?|months?|years?)|between\s+(?:the\s+)?(?:time\s+of\s+)?(?![\d.]|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)[a-z]+)\b|(?:>|≥|>=|<|≤|<=)\s*\d/i;
/** A lead naming the patients who had the treatment: "For participants with prior …", "In patients who received …". */
const GROUP_THAT_HAD_RE =
  /^\W*(?:for|in|among)\s+(?:patients?|participants?|subjects?|those|individuals?)\s+(?:who\s+(?:have\s+|has\s+)?(?:had|received|been\s+treated|undergone|underwent|were\s+treated)|with|having\s+(?:had|received)|(?:previously\s+)?treated)\b/i;
/** Exceptions the sentence refers to without naming them: "with certain exceptions", "with exceptions as noted in …". */
const UNSTATED_EXCEPTIONS_RE =
  /\b(?:with|subject\s+to)\s+(?:(?:certain|some|a\s+few|few|limited|specific|specified|possible|rare)\s+)?exceptions\b|\bexceptions?\s+(?:may\s+|might\s+|can\s+)?(?:apply|be\s+(?:made|granted|considered)|(?:as\s+|are\s+)?(?:noted|listed|specified|described|outlined|detailed)\b)/i;
const SITE_RE =
  /\b(?:to|of|involving|including|encompassing|directed\s+to|in)\s+(?:the\s+|a\s+|an\s+|any\s+|more\s+than\s+|over\s+|>\s*|≥\s*)?(?:[\w-]+\s+){0,3}?(?:lesions?|sites?|fields?|areas?|regions?|pelvis|pelvic|chest|thorax|thoracic|brain|cranial|head|neck|liver|hepatic|lungs?|bones?|spine|spinal|abdomen|abdominal|breasts?|tumou?rs?|organs?|marrow|target|mediastinum|mediastinal|skin|axilla|prostate|kidneys?|heart|cardiac|heart|%|percent|volume|region|eye|orbit|bladder|esophagus|stomach|pancreas|rectum|cervix|uterus|vulva|vagina|lymph\s+nodes?|nodes|primary|metastas\w*|disease\s+site|index|injected|measurable)\b/i;

/**
 * An upper bound after a lower one: "at least 2 but no more than 5", "≥1 and <3 prior lines", "at least 2
 * and a maximum of 3", "to a maximum of 4".
 */
const UPPER_TAIL = String.raw`(?:and|but)\s+(?:no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|(?:less|fewer)\s+than(?:\s+or\s+equal\s+to)?|\\?(?:<=|=<|≤|<))\s*${NUMBER}|to\s+a\s+maximum\s+of\s+${NUMBER}`;
/**
 * A comparator in words repeated as a symbol in parentheses round the number: "Less than or equal to
 * (<=2) prior lines", "at least (2) prior regimens". The parenthesis opens only after the words (the
 * count reader checks the symbol agrees with them), so a bare "(<=2)" is never read without its words.
 */
const CMP_PAREN_OPEN = String.raw`(?:\(\s*(?:\\?(?:<=|=<|≤|>=|=>|≥|<|>)\s*)?(?=\d{1,2}\s*\)))`;
const CMP_PAREN_CLOSE = String.raw`(?:(?<=\(\s*(?:\\?(?:<=|=<|≤|>=|=>|≥|<|>)\s*)?\d{1,2})\s*\))`;
const LINES_RE = new RegExp(
  String.raw`(?:((?:greater|more|less|fewer)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|less|fewer)\s+than|at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|>=|=>|≥|more\s+than|greater\s+than|exceed(?:s|ing)?|in\s+excess\s+of|>|no\s+more\s+than|not\s+more\s+than|no\s+greater\s+than|at\s+most|up\s+to|a\s+maximum\s+of|maximum\s+of|maximum|<=|=<|≤|less\s+than|fewer\s+than|<|exactly|only|between)\s*${CMP_PAREN_OPEN}?)?${NUM}${CMP_PAREN_CLOSE}?(?:\s*(?:-|–|to|or|and)\s*${NUM})?(?:\s+lines?(?=\s+(?:and|but|to)\s+(?:no|not|a)\s+(?:more|maximum)\b))?(?:\s*(\+|or\s+more(?:\s+than\s+(?:one|\d+))?|or\s+greater|or\s+fewer|or\s+less|${UPPER_TAIL}))?\s+(?:(?!(?:days?|weeks?|months?|years?|cycles?|courses?|doses?|mg|times?|sites?|lesions?)\b)[\w-]+\s+){0,4}?(lines?|regimens?|(?<=\b(?:prior|previous|preceding)\s+(?:(?:systemic|anti-?cancer|anti-?tumou?r|anti-?[a-z]+(?:oma|a?emia)|standard|cancer|chemo\w*)\s+)*)(?:therap(?:y|ies)|treatments?))\b`,
  'gi',
);
const LINE_ORDINAL_RE =
  /\b(second|2nd|third|3rd|fourth|4th|fifth|5th)[\s-]*(?:or\s+(?:later|greater|higher|subsequent)|line\s+or\s+(?:later|beyond|greater|higher|subsequent)(?:\s+lines?)?|\+\s*line|line\s*\+|(?:and|or)\s+(?:beyond|later)|line\s+and\s+(?:beyond|later))\b/gi;

const NAIVE_RE = /\b(na[iï]ve|previously\s+untreated|untreated\s+(?=(?:locally\s+)?(?:advanced|metastatic|recurrent|unresectable)))/gi;

const GENERIC_RE =
  /\b(?:prior|previous(?:ly)?|preceding|earlier)\s+(?:(?:\(neo\)\s*adjuvant|neo\s*\/\s*adjuvant|neo-?adjuvant|adjuvant)(?:\s*(?:or|and\/or|\/)\s*(?:neo-?adjuvant|adjuvant))?\s+)?((?:(?:anti-?cancer|anti-?tumou?r|antineoplastic|standard(?:[\s-]of[\s-]care)?|standard\s+of\s+care|cancer|oncologic|other|any|all|first[\s-]line|second[\s-]line)\s+)*(?:therap(?:y|ies)\b(?:\(ies\))?|treatments?\b(?:\(s\))?|regimens?\b(?:\(s\))?|lines?\s+of\s+(?:therapy|treatment)\b))/gi;
/** "Patients who received treatment for metastatic breast cancer": a treatment named only by what it treated. */
const RECEIVED_FOR_RE = /\b(?:received|receiving|undergone|underwent)\s+(?:any\s+)?((?:treatments?|therap(?:y|ies)))(?=\s+for\s+(?:their\s+|the\s+|his\s+|her\s+)?(?:[\w/-]+\s+){0,3}(?:cancer|carcinoma|melanoma|disease|tumou?rs?|lymphoma|leuka?emia|myeloma|sarcoma|malignanc(?:y|ies))\b)/gi;
const STANDARD_RE = /\b(?:standard(?:[\s-]of[\s-]care)?|SOC|approved|available)\s+(?:(?:systemic|anti-?cancer|first[\s-]line)\s+)?(?:therap(?:y|ies)\b(?:\(ies\))?|treatments?\b(?:\(s\))?|regimens?\b(?:\(s\))?|options?\b)/gi;
/**
 * "another therapeutic clinical trial", "a drug study": a trial of an investigational treatment. Not an
 * "interventional" or "investigational" study, which may test a device or a procedure: taking part in
 * one is other_trial's question alone (history-safety.ts), and read as an investigational drug too, the
 * two joined had let a device-trial participant past the exclusion.
 */
const TRIAL_RE = /\b(?:another|other|any\s+other|a\s+different|concurrent|an?)\s+(?:therapeutic|drug|treatment)\s+(?:clinical\s+)?(?:trials?|stud(?:y|ies)|protocols?)\b/gi;
// "Current use of X", "current treatment with X", "being treated now with X": taken now, as "currently taking X" is.
const CURRENT_RE =
  /\b(?:(?:is|are)\s+(?:currently\s+)?(?:receiving|taking|being\s+treated\s+with|on\s+(?:active\s+)?(?:treatment|therapy)\s+with)|(?:currently|actively)\s+(?:receiving|taking|on|using|undergoing|being\s+treated|treated|maintained\s+on)|(?:(?:is|are|being)\s+)?(?:receiving|taking|treated|using)\s+now\b|(?:is|are|being)\s+now\s+(?:receiving|taking|treated|using|on)|(?:patients?|participants?|subjects?)\s+(?:who\s+are\s+)?(?:currently\s+)?receiving|ongoing\s+(?:treatment|therapy|use)|current\s+(?:use|usage|intake|administration)\s+of|current\s+(?:treatment|therapy)\s+(?:with|by))\b/i;
const NOT_CURRENT_RE = /\b(?:completed|discontinued|stopped|off|ceased|finished|recovered)\b/i;
const FUTURE_CONDUCT_RE =
  /\b(?:during\s+(?:the\s+)?(?:study|trial|treatment\s+period|protocol\s+(?:therapy|treatment))|(?:avoid(?:ed)?|prohibited|not\s+(?:be\s+)?(?:allowed|permitted))\s+during\s+(?:the\s+)?(?:treatment|therapy)\s+with|while\s+(?:on|receiving)\s+(?:the\s+)?(?:study|protocol|trial)|on\s+(?:study|protocol)|throughout\s+the\s+study|for\s+the\s+duration\s+of|during\s+participation|(?:planned|anticipated|expected)\s+(?:need|use)|will\s+(?:be\s+)?requir|will\s+receive|in\s+addition\s+to\s+(?:the\s+)?study|with\s+(?:the\s+)?study\s+(?:drug|treatment))\b/i;
/** "…, or who plan to undergo …", "; or plans to receive …": a plan that is an alternative clause of its own. */
const PLAN_ALT_CLAUSE_RE =
  /[,;，]\s*(?:or|and\/or)\s+(?:(?:those|patients?|participants?|subjects?)\s+)?(?:who\s+)?(?:(?:is|are)\s+)?(?:plan(?:s|ned|ning)?|scheduled|intend(?:s|ed)?)\s+to\b/i;
/**
 * A window counted forward from the study's start ("within 14 days after enrollment"): a need in it is
 * a need during the study, which no record holds, so it is not read as a receipt.
 */
const FUTURE_WINDOW_AFTER_RE =
  /\b(?:within|in\s+the\s+(?:first|next))\s+(?:the\s+)?(?:first\s+)?\d+\s*(?:days?|weeks?|months?)\s+(?:after|following)\b|\bafter\s+(?:the\s+)?(?:study\s+)?(?:enrol\w*|registration|randomi[sz]ation|inclusion|(?:the\s+)?first\s+dose|(?:the\s+)?start\s+of)\b/i;
/**
 * "Need glucocorticoid treatment", "Patients who need systemic steroids": the need of supportive care,
 * said with no preposition, is the requirement "need for" and "require" state (read as its receipt,
 * with the need unread beside it). Only right before the list.
 */
const NEED_DIRECT_BEFORE_RE = /(?:^|[^\w\s]\s*|\b(?:who|that|which|patients?|participants?|subjects?)\s+)(?:needs?|needing)\s+$/i;
/** A need foreseen, not had: "anticipated requirement for", "expected to require". */
const ANTICIPATED_NEED_RE = /\b(?:anticipat\w*|expect\w*|foreseen|foreseeable|likely|future|planned)\s+(?:(?:to|the|a)\s+)?(?:need|requir\w*)/i;
/**
 * "Concurrent X": X given at the same time as the study treatment; read as current use at the as-of date.
 * "Parallel X" ("any parallel anti-cancer systemic therapy") is the same word in translated protocols;
 * "in parallel with radiotherapy" and "parallel cohorts" name how or where a treatment is given, not when.
 */
const CONCURRENT_RE = /\b(?:concurrent(?:ly)?|concomitant(?:ly)?|simultaneous(?:ly)?|(?<!\bin\s)parallel(?!\s+(?:with|to|cohorts?|arms?|groups?|trials?|stud(?:y|ies))\b)|co-?administ\w*|ongoing)\b/i;
/**
 * "Concurrent" naming how a combined treatment was given ("concurrent platinum-based
 * chemoradiotherapy", "chemotherapy given concurrently with radiation"), not a treatment the patient is
 * on now: the standard name of a regimen, usually finished before the trial.
 */
const CONCURRENT_MODALITY_RE =
  /\b(?:concurrent(?:ly)?|concomitant(?:ly)?|simultaneous(?:ly)?)\s+(?:[\w-]+\s+){0,2}?(?:chemo-?radi\w*|radio-?chemo\w*|c?CRT)\b|\b(?:concurrent(?:ly)?|concomitant(?:ly)?|simultaneous(?:ly)?)\s+with\s+(?:(?:the|a|an)\s+)?(?:radi\w*|chemo\w*|RT)\b|\bwith\s+(?:concurrent|concomitant|simultaneous)\s+(?:(?:platinum[\w-]*|cisplatin|carboplatin|temozolomide|weekly|standard)\s+)*(?:chemo\w*|radi\w*|RT|cisplatin|carboplatin|temozolomide)\b/gi;
/**
 * "Prior or concurrent chemotherapy", "current or prior use of": the past joined to the present is any
 * time, not use now only.
 */
const PAST_OR_CURRENT_RE =
  /\b(?:prior|previous(?:ly)?|past|earlier)\s*(?:or|and\/or|\/)\s*(?:concurrent(?:ly)?|current(?:ly)?|ongoing|concomitant(?:ly)?)\b|\b(?:concurrent(?:ly)?|current(?:ly)?|ongoing|concomitant(?:ly)?)\s*(?:or|and\/or|\/)\s*(?:prior|previous(?:ly)?|past)\b/i;
/** Whether the words say the treatment is taken now, beside another ("concurrent steroid therapy"). */
function concurrentUse(words: string): boolean {
  return CONCURRENT_RE.test(words.replace(CONCURRENT_MODALITY_RE, (m) => ' '.repeat(m.length)));
}

/** Without a lexicon mention, only these words can start a finding (generic therapy, lines, naive, trials). */
const QUICK_RE = /\b(?:prior|previous(?:ly)?|preceding|earlier|lines?|regimens?|na[iï]ve|untreated|standard|approved|available|interventional|investigational|therapeutic|(?:received|receiving|undergone|underwent)\s+(?:any\s+)?(?:treatment|therap))\b/i;

// ---------------------------------------------------------------------------------------------

/** Development aid: why lists were left unread (set `therapyDebug.notes` to an array to collect). */
export const therapyDebug: { notes?: string[] } = {};
function note(reason: string): void {
  therapyDebug.notes?.push(reason);
}

interface Ctx {
  input: ExtractInput;
  lex: Lexicons;
  text: string;
  /** Offsets already read by this extractor. */
  used: Span[];
  /** Items of every sentence that states a window, for cross-sentence refinements. */
  windowed: Array<{ item: Item; start: number; end: number }>;
  /** Windows per sentence start, computed once. */
  windows: Map<number, Window[]>;
}

/**
 * A lead-in over a washout table ("Patients receiving prior systemic therapy must have a minimum
 * wash-out period … of:", "Time between prior anticancer therapy … and first dose of X as below:"):
 * each item's bare duration ("Cytotoxic chemotherapy - At least 21 days", "28 days from
 * administration of cytotoxic agents") is a minimum gap since that treatment, not a window of receipt.
 */
const WASHOUT_LEAD_RE = /\bwash-?out\b|\btime\s+(?:between|since|from|elapsed)\b|\belapsed\b|\binterval\s+(?:between|since|from|after)\b/i;
function underWashoutLead(ctx: Ctx): boolean {
  const lead = ctx.input.context[ctx.input.context.length - 1];
  // A lead-in that points at its items; a sentence above them ("Has adequate treatment washout period
  // prior to the first dose.") may be only the criterion before.
  return lead !== undefined && WASHOUT_LEAD_RE.test(lead) && /(?::|\b(?:as\s+follows|following|below))\s*$/i.test(lead.trim());
}

function sentenceWindows(ctx: Ctx, s: number, e: number): Window[] {
  let w = ctx.windows.get(s);
  if (!w) {
    w = windowsIn(ctx.text, s, e, underWashoutLead(ctx));
    ctx.windows.set(s, w);
  }
  return w;
}


function isUsed(ctx: Ctx, s: number, e: number): boolean {
  return ctx.used.some((u) => s < u[1] && u[0] < e);
}


function kindOfClass(lex: Lexicons, id: string): Kind | undefined {
  return lex.classById.get(id)?.kind as Kind | undefined;
}

/** What follows "cytotoxic" in a protein's name: "T-lymphocyte", "lymphocyte". */
const PROTEIN_NAME_AFTER_RE = /^[\s-]*(?:T[\s-]*)?lymphocyte/i;
/** Kinds of treatment that are not cytotoxic, which "non-cytotoxic" before them only restates. */
const NON_CYTOTOXIC_KIND_RE = /^(?:hormon\w*|endocrine|anti-?hormon\w*|anti-?estrogen\w*|anti-?androgen\w*)/i;
/** "systemic non-hormonal anti-cancer therapy" (therapy-non-kind.ts): the item becomes systemic therapy except the kind. */
function systemicNonKind(text: string, s: number, it: Item): void {
  if (it.drugs.size || it.classes.size || it.kinds.size !== 1 || it.suffix || it.except) return;
  const kind = [...it.kinds][0]!;
  const at = systemicNonKindAt(text, s, it.start, it.end, kind);
  if (at === null) return;
  it.spans.unshift([at, it.start]);
  it.start = at;
  it.kinds = new Set<Kind>(['systemic']);
  it.exceptKinds = new Set<Kind>([kind]);
}

/** Items from the lexicon mentions of one sentence, with adjacent modifiers folded in. */
function itemsIn(ctx: Ctx, mentions: Mention[], s: number, e: number): Item[] {
  const { text, lex } = ctx;
  const items: Item[] = [];
  // "cytotoxic (T-)lymphocyte associated protein 4": the word begins the name of CTLA-4, no cytotoxic drug.
  const inSentenceAll = mentions.filter((m) => m.start >= s && m.end <= e && !(/^cytotoxic$/i.test(text.slice(m.start, m.end)) && PROTEIN_NAME_AFTER_RE.test(text.slice(m.end, m.end + 20))));
  // "approved or investigational anti-PD-1 antibody": the status pair is read with the treatment after
  // it and narrows nothing; its "investigational" is no item of its own (therapy-any-status.ts).
  const statusPairs = new Map<number, Span>();
  for (const m of inSentenceAll) {
    const pair = anyStatusBefore(text, s, m.start);
    if (pair) statusPairs.set(m.start, pair);
  }
  // "non-cytotoxic hormonal therapy (e.g., tamoxifen)": a kind that is never cytotoxic, the prefix only
  // restating it; read with the treatment after it, no cytotoxic item of its own.
  const nonCytotoxic = new Map<number, Span>();
  for (let k = 0; k + 1 < inSentenceAll.length; k++) {
    const m = inSentenceAll[k]!;
    const next = inSentenceAll[k + 1]!;
    const non = /\bnon[\s-]*$/i.exec(text.slice(Math.max(s, m.start - 5), m.start));
    if (non && /^cytotoxic$/i.test(text.slice(m.start, m.end)) && /^\s*$/.test(text.slice(m.end, next.start)) && NON_CYTOTOXIC_KIND_RE.test(text.slice(next.start, next.end)))
      nonCytotoxic.set(next.start, [m.start - non[0].length, m.end]);
  }
  for (const [at, span] of nonCytotoxic) statusPairs.set(at, span);
  const inSentence = inSentenceAll.filter((m) => ![...statusPairs.values()].some(([a, b]) => m.start >= a && m.end <= b));
  // Several entries can match one phrase ("PD-1/PD-L1" → two classes): one item per span.
  for (const m of inSentence) {
    const last = items[items.length - 1];
    if (last && (last.start === m.start || nonCytotoxic.get(m.start)?.[0] === last.start) && last.end === m.end) {
      addMention(lex, last, m);
      continue;
    }
    const it: Item = { start: m.start, end: m.end, drugs: new Set(), classes: new Set(), kinds: new Set(), spans: [[m.start, m.end]] };
    const pair = statusPairs.get(m.start);
    if (pair) it.spans.unshift(pair);
    // The prefix begins the item, so the gap before it is the list's own ("… or non-cytotoxic hormonal").
    if (pair && nonCytotoxic.has(m.start)) it.start = pair[0];
    addMention(lex, it, m);
    items.push(it);
  }
  items.push(...sharedHeadItems(ctx, items, s));
  items.push(...sharedTailItems(ctx, items, e));
  items.sort((a, b) => a.start - b.start);
  // Fold "platinum-based chemotherapy", "anti-PD-1 antibody therapy", "FOLFOX regimen" into one item.
  const merged: Item[] = [];
  for (const it of items) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, it.start);
      if (/^[\s-]*(?:based|containing|including|directed|targeted|and\s+|or\s+)?[\s-]*$/i.test(gap) && !/\b(?:and|or)\b/i.test(gap) && canFold(prev, it)) {
        fold(ctx, prev, it);
        continue;
      }
    }
    merged.push(it);
  }
  foldSpelledOutRegimens(text, merged, e);
  for (const it of merged) systemicNonKind(text, s, it);
  // A bare "experimental" is read only as the status of the class or drug it folds onto ("experimental
  // anti-cancer vaccines"). Left alone it qualifies a noun the lexicon lacks ("other experimental
  // intervention") or a member further on ("any other (including experimental) immune checkpoint
  // inhibitor"), and as an item of its own it would stand for any investigational treatment.
  for (let i = merged.length - 1; i >= 0; i--) {
    const it = merged[i]!;
    if (!it.classes.size && !it.drugs.size && /^experimental$/i.test(text.slice(it.start, it.end))) merged.splice(i, 1);
  }
  // "herbal supplements known to be strong inducers of CYP3A4": the relative clause names the class
  // the criterion means; the head noun only says what kind of product carries it.
  for (let i = merged.length - 2; i >= 0; i--) {
    const head = merged[i]!;
    const next = merged[i + 1]!;
    const rel = RELATIVE_HEAD_RE.exec(text.slice(head.end, next.start));
    if (!rel || rel[0].length !== next.start - head.end) continue;
    next.spans.unshift(...head.spans, [head.end, next.start]);
    next.start = head.start;
    merged.splice(i, 1);
  }
  // "medications that are considered strong inhibitors of CYP3A4" with no item for the medicines: the
  // noun and its relative clause only carry the class, read with it.
  for (const it of merged) {
    const rel = MEDICINE_RELATIVE_HEAD_RE.exec(text.slice(Math.max(s, it.start - 80), it.start));
    if (rel) it.spans.unshift([it.start - rel[0].length, it.start]);
  }
  for (const it of merged) {
    // "10 mg prednisone (or equivalent)", "equivalent to 10 mg of prednisone": a dose of any corticosteroid.
    if (it.drugs.size && !it.classes.size && [...it.drugs].every((d) => lex.drugById.get(d)?.classes.includes('corticosteroid'))) {
      const after = text.slice(it.end, Math.min(e, it.end + 64));
      const before = text.slice(Math.max(s, it.start - 40), it.start);
      if (/^[^.;]{0,50}?\bequivalents?\b/i.test(after) || /\bequivalents?\s+(?:dose\s+)?(?:to|of)\s+(?:[\w.≥≤<>=/-]+\s+){0,4}$/i.test(before)) {
        it.drugs.clear();
        it.classes.add('corticosteroid');
      }
    }
    // Trailing head nouns and suffixes: "therapy", "-based regimen", "agents", "inhibitor(s)".
    for (;;) {
      const m = /^[\s-]*(?:based|containing(?!\s+(?:an?|the|any)\b)|directed|targeted|targeting|therapy|therapies|treatment|treatments|regimens?|agents?|drugs?|medications?|monotherapy|combination(?:\s+therapy)?|doublet|triplet|inhibitors?|antibod(?:y|ies)|products?|compounds?|blockade|blockers?|class|family|injections?|infusions?|tablets?|capsules?|-?\s*containing\s+regimens?)\b/i.exec(text.slice(it.end, e));
      if (!m || m[0].length === 0) break;
      it.spans.push([it.end, it.end + m[0].length]);
      it.end += m[0].length;
    }
    const suf = SUFFIX_RE.exec(text.slice(it.end, e));
    if (suf) {
      const w = suf[1]!.toLowerCase();
      it.suffix = /na[iï]ve/.test(w)
        ? 'naive'
        : /intolerant/.test(w)
          ? 'intolerance'
          : /sensitive/.test(w)
            ? 'sensitive'
            : /pretreated|pre-treated|exposed|experienced/.test(w)
              ? 'exposed'
              : 'progression';
      it.spans.push([it.end, it.end + suf[0].length]);
      it.end += suf[0].length;
    }
  }
  // "concurrent chemoradiotherapy (cCRT)": an abbreviation in parentheses that reads as the same treatment
  // names it again, one item, not a second member of a list.
  for (let i = merged.length - 2; i >= 0; i--) {
    const it = merged[i]!;
    const abbr = merged[i + 1]!;
    if (!/^\s*\(\s*$/.test(text.slice(it.end, abbr.start))) continue;
    const close = /^\s*\)/.exec(text.slice(abbr.end, e));
    if (!close || abbr.suffix || it.suffix || !sameSet(it.drugs, abbr.drugs) || !sameSet(it.classes, abbr.classes) || !sameSet(it.kinds, abbr.kinds)) continue;
    it.spans.push([it.end, abbr.end + close[0].length]);
    it.end = abbr.end + close[0].length;
    merged.splice(i + 1, 1);
  }
  // "cytotoxic T-lymphocyte-associated protein 4" names a target, not cytotoxic chemotherapy.
  return merged.filter((it) => !(/^cytotoxic$/i.test(text.slice(it.start, it.end)) && /^[\s-]*T[\s-]*(?:lymphocytes?|cells?)\b/i.test(text.slice(it.end, it.end + 16))));
}

const RELATIVE_HEAD_RE =
  /^\s*,?\s*(?:(?:that|which)\s+(?:are|is)\s+(?:(?:known|considered|classified|defined)\s+(?:to\s+be\s+|as\s+)?)?|(?:known|considered|classified|defined)\s+(?:to\s+be|as)\s+)(?:an?\s+)?$/i;
const ENDED_BEFORE_RE = /\b(?:discontinued|stopped|ceased|completed|finished)\s+(?:(?:all|any|the|their|prior|previous)\s+)*$/i;
/** A phrase whose last word several names share: "MEK or BRAF inhibitor", "targeted or hormonal therapy". */
const SHARED_HEAD_RE = /^(.*?)\s+(inhibitors?|antibod(?:y|ies)|TKIs?|blockers?|agents?|therapy|therapies|treatments?)$/i;
const COORDINATOR_END_RE = /(?:[/,]|\bor|\band)\s*$/i;
const COORDINATED_NAMES_RE = /((?:\b[A-Za-z][\w-]{1,11}\s*(?:\/|,\s*(?:or|and(?:\s*\/\s*or)?)\b|,|\bor\b|\band\b|\band\s*\/\s*or\b)\s*)+)$/i;

/**
 * Items for names that borrow the head of the class phrase after them: in "MEK or BRAF inhibitor"
 * the lexicon sees only "BRAF inhibitor"; "MEK inhibitor" is looked up as its own phrase, so the
 * name counts only when the lexicon knows that class too.
 */
function sharedHeadItems(ctx: Ctx, items: Item[], s: number): Item[] {
  const { text, lex } = ctx;
  const out: Item[] = [];
  for (const it of items) {
    if (!it.classes.size && !it.kinds.size) continue;
    // Cheap gate first: a coordinator right before the item (this runs for every item of every criterion).
    const before = text.slice(Math.max(s, it.start - 60), it.start);
    if (!COORDINATOR_END_RE.test(before)) continue;
    const head = SHARED_HEAD_RE.exec(text.slice(it.start, it.end));
    if (!head) continue;
    const chain = COORDINATED_NAMES_RE.exec(before);
    if (!chain) continue;
    // ", or" closes a series ("PI3K, AKT, or mTOR inhibitor"); after a single word it may end another
    // phrase ("breast cancer, or radiation therapy").
    if (/,\s*(?:or|and)\b/i.test(chain[1]!) && (chain[1]!.match(/,/g) ?? []).length < 2) continue;
    const chainStart = it.start - chain[1]!.length;
    for (const w of chain[1]!.matchAll(/[A-Za-z][\w-]{1,11}/g)) {
      if (/^(?:or|and|any|other|prior|previous|with|of|the|a|an)$/i.test(w[0])) continue;
      const phrase = `${w[0]} ${head[2]}`;
      const found = lex.index.scan(phrase).find((m) => m.start === 0 && m.end === phrase.length && (m.type === 'drugClass' || m.type === 'drug' || m.type === 'therapyKind'));
      if (!found) continue;
      const start = chainStart + w.index;
      if (items.some((x) => x.start < start + w[0].length && start < x.end)) continue;
      const item: Item = { start, end: start + w[0].length, drugs: new Set(), classes: new Set(), kinds: new Set(), spans: [[start, start + w[0].length]] };
      addMention(lex, item, found);
      out.push(item);
    }
  }
  return out;
}

/** "strong inhibitors of" in "strong inhibitors of CYP2C8 or CYP3A4": a class phrase's head before its "of". */
const OF_HEAD_RE = /^(.*\S)\s+of\s+\S/i;
/** Between the names that share the head: a comma, "or", "and", "and/or", a slash; a name's abbreviation before it. */
const TAIL_COORDINATOR_RE = /^(?:\s*\([^()]{1,24}\)|\))?\s*(?:,\s*(?:and\s*\/\s*or|or|and)?|and\s*\/\s*or|or|and|\/)\s*/i;
/**
 * A word after a name that makes the name the modifier of another noun ("… of CYP3A4 or P-gp substrates"):
 * then the name does not take the head before it.
 */
const TAIL_NAME_MODIFIES_RE = /^[\s-]*(?:substrates?|inhibit\w*|induc\w*|sensitive|agonists?|antagonists?|drugs?|agents?|medications?|medicines?|enzymes?|isoenzymes?|isozymes?|activity|metaboli\w*|transport\w*)\b/i;

/**
 * Items for names that borrow the head of the class phrase before them: in "strong inhibitors of CYP2C8
 * or CYP3A4/5, P-glycoprotein (P-gp)" the lexicon sees only "strong inhibitors of CYP2C8"; each further
 * name is looked up with the same head ("strong inhibitors of CYP3A4/5"), so it counts only when the
 * lexicon knows that class too, and a name the lexicon does not know ends the series.
 */
function sharedTailItems(ctx: Ctx, items: Item[], e: number): Item[] {
  const { text, lex } = ctx;
  const out: Item[] = [];
  for (const it of items) {
    if (!it.classes.size || it.drugs.size || it.kinds.size) continue;
    const head = OF_HEAD_RE.exec(text.slice(it.start, it.end));
    if (!head) continue;
    const prefix = `${head[1]} of `;
    let at = it.end;
    for (;;) {
      const coord = TAIL_COORDINATOR_RE.exec(text.slice(at, e));
      if (!coord || !/[,/]|\b(?:or|and)\b/i.test(coord[0])) break;
      const from = at + coord[0].length;
      const phrase = prefix + text.slice(from, Math.min(e, from + 80));
      const found = lex.index.scan(phrase).filter((m) => m.start === 0 && m.type === 'drugClass' && m.end > prefix.length);
      if (!found.length) break;
      const end = Math.max(...found.map((m) => m.end));
      const to = from + end - prefix.length;
      if (/\w/.test(text.charAt(to)) || TAIL_NAME_MODIFIES_RE.test(text.slice(to, e))) break;
      if (items.some((x) => x.start < to && from < x.end)) break;
      const item: Item = { start: from, end: to, drugs: new Set(), classes: new Set(), kinds: new Set(), spans: [[from, to]] };
      for (const m of found) if (m.end === end) addMention(lex, item, m);
      // "breast cancer resistance protein (BCRP)": the abbreviation names the same class again.
      const abbr = /^\s*\(\s*([A-Za-z][\w/-]{0,14})\s*\)/.exec(text.slice(to, e));
      if (abbr) {
        const again = lex.index.scan(prefix + abbr[1]).filter((m) => m.start === 0 && m.type === 'drugClass' && m.end === prefix.length + abbr[1]!.length);
        if (again.length && sameSet(new Set(again.map((m) => m.id)), item.classes)) {
          item.end = to + abbr[0].length;
          item.spans = [[from, item.end]];
        }
      }
      out.push(item);
      at = item.end;
    }
  }
  return out;
}

function addMention(lex: Lexicons, it: Item, m: Mention): void {
  if (m.type === 'drug') it.drugs.add(m.id);
  else if (m.type === 'drugClass') it.classes.add(m.id);
  else if (m.type === 'therapyKind') it.kinds.add(m.id as Kind);
  else if (m.type === 'regimen') {
    const r = lex.drugs.regimens?.find((x) => x.id === m.id);
    for (const d of r?.drugs ?? []) it.drugs.add(d);
    // A regimen is given as a whole: "prior FOLFOX" means the combination, read as any of its drugs.
  }
}

/** The words that turn from the patient's cancer to the treatment it had: "… NSCLC with no prior …". */
const TREATMENT_CLAUSE_CUE_RE = /\b(?:with\s+no|without|who\s+(?:have|has|had)\s+(?:not\s+)?(?:previously\s+)?(?:received|had|been\s+treated))\b/gi;

/**
 * "Stage IV or recurrent NSCLC of non-squamous histology with no prior systemic anti-cancer therapy given
 * as primary therapy for advanced or metastatic disease": where the list's own setting follows it, the
 * words before the turn to the treatment ("with no", "without", "who have received") describe the
 * patient's cancer and narrow no treatment: the setting after the list is the treatment's. Without a
 * setting after the list they stay, as a setting the facts would otherwise drop ("Metastatic melanoma
 * without prior treatment" may mean none for metastatic disease); without the turn the patient's words
 * and the treatment's are not told apart ("…, no or at most one prior line of …"). `rest` starts at
 * `restStart` in the text.
 */
function withoutPatientWords(rest: string, restStart: number, list: List, settingSpans: Span[]): string {
  if (!settingSpans.some(([a]) => a === list.end)) return rest;
  const before = rest.slice(0, Math.max(0, list.start - restStart));
  let turn = -1;
  for (const m of before.matchAll(TREATMENT_CLAUSE_CUE_RE)) turn = m.index;
  return turn > 0 ? ' '.repeat(turn) + rest.slice(turn) : rest;
}

/** The joints between the drugs a regimen's bracket spells out: "+", commas, "/", "and", "plus". */
const SPELLED_OUT_JOINTS_RE = /^(?:[\s+,/&]|\band\b|\bplus\b)*$/i;

/**
 * "FOLFIRINOX (oxaliplatin + irinotecan + calcium folinate + 5-FU)", "FOLFOX (oxaliplatin, leucovorin
 * and 5-FU)": a bracket right after a regimen that names only the regimen's own drugs spells the regimen
 * out. Its drugs are no further members of the list: joined by "+" they had been read as combined,
 * each required beside the regimen, and "gemcitabine or FOLFIRINOX (… + …)" became all of them. The
 * bracket is folded into the regimen's item. A word in the bracket the lexicon does not know may be
 * another drug, so then the bracket stays as it was.
 */
function foldSpelledOutRegimens(text: string, merged: Item[], e: number): void {
  for (let i = 0; i < merged.length; i++) {
    const reg = merged[i]!;
    if (reg.drugs.size < 2 || reg.classes.size || reg.kinds.size) continue;
    const br = /^\s*\(([^()]{1,200})\)/.exec(text.slice(reg.end, e));
    if (!br) continue;
    const open = reg.end + br[0].indexOf('(');
    const close = reg.end + br[0].length;
    let j = i + 1;
    while (j < merged.length && merged[j]!.start > open && merged[j]!.end < close) j++;
    const inner = merged.slice(i + 1, j);
    if (!inner.length || !inner.every((it) => it.drugs.size > 0 && !it.classes.size && !it.kinds.size && [...it.drugs].every((d) => reg.drugs.has(d)))) continue;
    if (!SPELLED_OUT_JOINTS_RE.test(maskSpans(text, open + 1, close - 1, inner.flatMap((it) => it.spans)))) continue;
    reg.spans.push([reg.end, close]);
    reg.end = close;
    merged.splice(i + 1, inner.length);
  }
}

function sameSet<T>(a: Set<T>, b: Set<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** "platinum-based chemotherapy": a class and the kind it belongs to describe one treatment. */
function canFold(a: Item, b: Item): boolean {
  // "investigational AR inhibitors": one investigational treatment of that class.
  if (a.kinds.size === 1 && a.kinds.has('investigational') && !a.classes.size && !a.drugs.size && (b.classes.size || b.drugs.size) && a.end - a.start <= 'investigational'.length + 1) return true;
  if (a.kinds.size && !a.classes.size && !a.drugs.size) return false;
  if (!b.kinds.size || b.classes.size || b.drugs.size) return false;
  return true;
}

function fold(ctx: Ctx, a: Item, b: Item): void {
  if (a.kinds.has('investigational') && (b.classes.size || b.drugs.size)) {
    for (const c of b.classes) a.classes.add(c);
    for (const d of b.drugs) a.drugs.add(d);
    a.spans.push([a.end, b.end]);
    a.end = b.end;
    return;
  }
  const implied = new Set<Kind>();
  for (const c of a.classes) {
    for (const anc of ctx.lex.classAncestors.get(c) ?? []) {
      const k = kindOfClass(ctx.lex, anc);
      if (k) implied.add(k);
    }
  }
  for (const d of a.drugs) {
    for (const c of ctx.lex.drugById.get(d)?.classes ?? []) {
      for (const anc of ctx.lex.classAncestors.get(c) ?? []) {
        const k = kindOfClass(ctx.lex, anc);
        if (k) implied.add(k);
      }
    }
  }
  // The head kind narrows the class only when the class does not already imply it.
  for (const k of b.kinds) if (k !== 'systemic' && !implied.has(k)) a.kinds.add(k);
  a.spans.push([a.end, b.end]);
  a.end = b.end;
}

/** The list's extent, less the doses inside it. */
function listSpans(list: List): Span[] {
  const out: Span[] = [];
  let from = list.start;
  for (const it of list.items) {
    if (!it.dose || it.dose[1] > list.end) continue;
    out.push([from, it.dose[0]]);
    from = it.dose[1];
  }
  out.push([from, list.end]);
  return out;
}
function spanOf(items: Item[]): Span[] {
  return items.flatMap((i) => i.spans);
}

function leaves(filters: { drugs: string[]; classes: string[]; kinds: Kind[] }, params: Record<string, unknown>): LeafCondition[] {
  const out: LeafCondition[] = [];
  const base = (extra: Record<string, unknown>): LeafCondition => ({
    fact: 'priorTherapy',
    operator: 'equal',
    value: true,
    params: { ...extra, ...params },
  });
  if (filters.drugs.length) out.push(base({ drugs: filters.drugs }));
  if (filters.classes.length) out.push(base({ classes: filters.classes }));
  if (filters.kinds.length) out.push(base({ kinds: filters.kinds }));
  return out;
}

/** Splits items into filter groups: items holding a class and a kind (one treatment) stay whole. */
function conditionFor(items: Item[], params: Record<string, unknown>, except?: Item[]): Condition | null {
  const plain = { drugs: new Set<string>(), classes: new Set<string>(), kinds: new Set<Kind>() };
  const combined: LeafCondition[] = [];
  const exceptParams = except?.length ? exceptOf(except) : undefined;
  // An exception naming the very treatment it is cut from ("radiotherapy … with the exception of CNS
  // radiation"): what sets it apart (the site) is lost, and "radiation except radiation" is had by no one.
  if (exceptParams && items.every((it) => [...it.drugs].every((d) => exceptParams.drugs?.includes(d)) && [...it.classes].every((c) => exceptParams.classes?.includes(c)) && [...it.kinds].every((k) => exceptParams.kinds?.includes(k))))
    return null;
  const p = exceptParams ? { ...params, except: exceptParams } : params;
  for (const it of items) {
    const n = (it.drugs.size ? 1 : 0) + (it.classes.size ? 1 : 0) + (it.kinds.size ? 1 : 0);
    // "systemic non-hormonal therapy": its own leaf, the kinds it leaves out joined to any the criterion excepts.
    if (it.exceptKinds?.size) {
      const exceptKinds = [...new Set([...(exceptParams?.kinds ?? []), ...it.exceptKinds])];
      combined.push({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...it.kinds], ...p, except: { ...exceptParams, kinds: exceptKinds } } });
      continue;
    }
    if (n > 1) {
      combined.push({
        fact: 'priorTherapy',
        operator: 'equal',
        value: true,
        params: {
          ...(it.drugs.size ? { drugs: [...it.drugs] } : {}),
          ...(it.classes.size ? { classes: [...it.classes] } : {}),
          ...(it.kinds.size ? { kinds: [...it.kinds] } : {}),
          ...p,
        },
      });
      continue;
    }
    for (const d of it.drugs) plain.drugs.add(d);
    for (const c of it.classes) plain.classes.add(c);
    for (const k of it.kinds) plain.kinds.add(k);
  }
  const all = [...leaves({ drugs: [...plain.drugs], classes: [...plain.classes], kinds: [...plain.kinds] }, p), ...combined];
  if (!all.length) return null;
  return all.length === 1 ? all[0]! : { any: all };
}

function exceptOf(items: Item[]): Record<string, string[]> | undefined {
  const drugs = new Set<string>();
  const classes = new Set<string>();
  const kinds = new Set<string>();
  for (const it of items) {
    for (const d of it.drugs) drugs.add(d);
    for (const c of it.classes) classes.add(c);
    for (const k of it.kinds) kinds.add(k);
  }
  const out: Record<string, string[]> = {};
  if (drugs.size) out.drugs = [...drugs];
  if (classes.size) out.classes = [...classes];
  if (kinds.size) out.kinds = [...kinds];
  return Object.keys(out).length ? out : undefined;
}

/** Windows in a sentence, with the units read to days. */
const WINDOW_GATE_NUM = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety)\b/i;
const WINDOW_GATE_UNIT = /\b(?:days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)\b/i;

/**
 * "28 days from administration of cytotoxic agents": a duration from the end of a treatment, read as
 * a gap under a washout lead-in. Only the duration is the window: the words after it lead to the
 * treatment it is measured from, which is the list, not an anchor that blocks it.
 */
const FROM_TREATMENT_RE = new RegExp(
  String.raw`${NUM}\s*[-\s]?\s*(${UNIT})\b(?=(?:\s+or\s+\d+\s+half[\s-]?lives?(?:\s*\([^()]{0,40}\))?)?(?:\s+(?:must\s+have\s+)?(?:elapsed|passed))?\s+(?:from|since|after|following)\s+(?:the\s+)?(?:last\s+|final\s+)?(?:administration|dose|completion|end|cessation|discontinuation|receipt)\b)`,
  'gi',
);

function windowsIn(text: string, s: number, e: number, washout = false): Window[] {
  const out: Window[] = [];
  const sub = text.slice(s, e);
  if ((!WINDOW_GATE_NUM.test(sub) || !WINDOW_GATE_UNIT.test(sub)) && !WITHIN_ONE_GATE.test(sub)) return out;
  const push = (start: number, end: number, n: string | undefined, unit: string | undefined, sense: Window['sense']): void => {
    if (!n || !unit) return;
    const v = toNumber(n);
    const d = unitDays(unit);
    if (v === null || d === null || v <= 0 || v > 1000) return;
    // A window relative to the end of a treatment is not a window from the as-of date.
    if (
      RELATIVE_RE.test(sub.slice(end - s)) ||
      afterStudyEvent(sub.slice(end - s)) ||
      OUTCOME_TIME_RE.test(sub.slice(0, start - s).replace(DIAGNOSTIC_PURPOSE_RE, ' ')) ||
      (OUTCOME_ALT_TIME_BEFORE_RE.test(sub.slice(0, start - s)) && LAST_DOSE_AFTER_RE.test(sub.slice(end - s))) ||
      RELATIVE_ANCHOR_RE.test(sub.slice(start - s, end - s)) ||
      // "within 120 days of the original diagnostic biopsy": the anchor's words past what ANCHOR took.
      (/\b(?:of|from|after|the|their)\s*$/i.test(sub.slice(start - s, end - s)) && DIAGNOSIS_TAIL_RE.test(sub.slice(end - s))) ||
      PROCEDURE_ANCHOR_RE.test((/(?:prior\s+to|before)\s*$/i.test(sub.slice(start - s, end - s)) ? 'before ' : '') + sub.slice(end - s)) ||
      EVENT_ANCHOR_AFTER_RE.test((/(?:prior\s+to|before)\s*$/i.test(sub.slice(start - s, end - s)) ? 'before ' : '') + sub.slice(end - s))
    )
      return;
    if (out.some((w) => w.start < end && start < w.end)) return;
    // "a minimum of 8-12 weeks prior to enrollment": the number read ends a range whose lower bound
    // makes it a minimum gap, never a window of receipt (the range's start stays unread beside it).
    const rangeFloor = sense === 'within' && RANGE_FLOOR_BEFORE_RE.test(sub.slice(Math.max(0, start - s - 40), start - s));
    out.push({ start, end, days: Math.round(v * d), sense: rangeFloor ? 'since' : sense });
  };
  const bare = washout || BARE_SINCE_GATE.test(sub);
  const halfLife = HALF_LIFE_RE.test(sub);
  if (halfLife) {
    // Half-lives first ("within 5 half-lives or 28 days before"): the days are the window read; taken
    // before the other readers, which would see only the days.
    HL_FIRST_RE.lastIndex = 0;
    for (let m = HL_FIRST_RE.exec(sub); m; m = HL_FIRST_RE.exec(sub)) {
      const start = s + m.index;
      const end = start + m[0].replace(/\s+$/, '').length;
      const since = !!m[2] || /^\s*(?:\([^()]{0,40}\)\s*)?(?:since|following|after)\b/i.test(sub.slice(end - s));
      // Without "within" the window must be anchored before something ("… or 2 weeks prior to enrolment").
      if (!m[1] && !since && !/\b(?:prior\s+to|before|preceding|of)\b/i.test(m[0])) continue;
      const n = out.length;
      push(start, end, m[3], m[4], since ? 'since' : 'within');
      if (out.length > n) out[n]!.halfLife = 'unknown';
    }
  }
  for (const form of WINDOW_FORMS) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(sub); m; m = form.re.exec(sub)) {
      const start = s + m.index;
      push(start, start + m[0].replace(/\s+$/, '').length, m[1], m[2], form.sense);
    }
  }
  for (const re of [SINCE_RE, WASHOUT_RE, WITHIN_RE, WITHIN_ONE_RE, BEFORE_RE, UPTO_FROM_RE, FOR_RE, ...(bare ? [BARE_SINCE_RE] : []), ...(washout ? [FROM_TREATMENT_RE] : [])]) {
    re.lastIndex = 0;
    for (let m = re.exec(sub); m; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = s + m.index;
      const end = start + m[0].replace(/\s+$/, '').length;
      if (re === SINCE_RE && (forwardPeriod(sub.slice(Math.max(0, m.index - 20), m.index), m[0]) || outcomeGap(sub, m[0]))) continue;
      if (re === SINCE_RE || re === BARE_SINCE_RE || re === FROM_TREATMENT_RE) push(start, end, m[1], m[2], 'since');
      else if (re === WASHOUT_RE) push(start, end, m[1] ?? m[3], m[2] ?? m[4], 'since');
      else if (re === BEFORE_RE) push(start, end, m[1], m[2], beforeSense(sub.slice(Math.max(0, m.index - 60), m.index), m[0]));
      else if (re === FOR_RE) push(start, end, m[1], m[2], out.some((w) => w.start < start && w.sense === 'since') ? 'since' : 'within');
      else if (re === WITHIN_ONE_RE) push(start, end, '1', m[1], 'within');
      else push(start, end, m[1], m[2], 'within');
    }
  }
  if (halfLife) for (const w of out) halfLifeOf(text, w, e);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Reads "or 5 half-lives" after a window of days into it, and the "whichever is shorter" that says
 * how the two combine. Only what is certain is read: with "shorter" the window is at most the days,
 * with "longer" at least the days; the half-lives stay an unread qualifier.
 */
function halfLifeOf(text: string, w: Window, e: number): void {
  if (!w.halfLife) {
    const after = HL_AFTER_RE.exec(text.slice(w.end, e));
    if (!after) return;
    w.end += after[0].replace(/\s+$/, '').length;
    w.halfLife = 'unknown';
  }
  const span = text.slice(w.start, w.end);
  if (/\bif\s+shorter\b/i.test(span)) w.halfLife = 'shorter';
  else if (/\bif\s+longer\b/i.test(span)) w.halfLife = 'longer';
  const q = w.halfLife === 'unknown' ? HL_WHICHEVER_RE.exec(text.slice(w.end, e)) : null;
  if (q) {
    const at = w.end + q[0].indexOf(q[1]!);
    w.qualifierSpan = [at, at + q[1]!.length];
    w.halfLife = HALF_LIFE_SHORTER_RE.test(q[1]!) ? 'shorter' : LONGER_RE.test(q[1]!) ? 'longer' : 'unknown';
    // The anchor after the aside is the window's own, counted back from the study start like any other;
    // only a whole anchor that ends the clause is taken ("prior to the planned surgery" is measured from
    // something else; before "or …" the alternative after it must stay in view of the readers).
    if (w.sense === 'within') {
      const tail = text.slice(at + q[1]!.length, e);
      const anchor = HL_ANCHOR_TAIL_RE.exec(tail);
      if (anchor && /\w\s*$/.test(anchor[0]) && /^\s*(?:[.;:)]|$)/.test(tail.slice(anchor[0].length)))
        w.anchorSpan = [at + q[1]!.length, at + q[1]!.length + anchor[0].length];
    }
  } else if (w.halfLife === 'unknown') {
    // Further on, past an anchor with its own parentheses ("… prior to the first dose of X(1V270), whichever
    // was shortest"): the sense is read, the words stay for the qualifier.
    const rest = text.slice(w.end, e);
    w.halfLife = HALF_LIFE_SHORTER_RE.test(rest) ? 'shorter' : LONGER_RE.test(rest) ? 'longer' : 'unknown';
  }
  // "(whichever is shorter) since last dose of": the minimum gap's own preposition, past the aside.
  const from = w.qualifierSpan ? w.qualifierSpan[1] : w.end;
  const since = w.sense === 'since' ? HL_SINCE_TAIL_RE.exec(text.slice(from, e)) : null;
  if (since) w.end = from + since[0].length;
}
const HL_ANCHOR_TAIL_RE = new RegExp(String.raw`^\s*\)?\s*,?\s*(?:prior\s+to|before|preceding|of|from)\b${ANCHOR}`, 'i');
const HL_SINCE_TAIL_RE = /^\s*\)?\s*,?\s*(?:since|after|following|from)\b(?:\s+(?:the\s+)?(?:completion|end|last\s+dose|last\s+administration|discontinuation|cessation)(?:\s+of)?)?/i;

/** Setting words next to a list. */
function settingsNear(text: string, list: List, e: number): { settings: Setting[]; spans: Span[]; unknown: boolean } {
  const spans: Span[] = [];
  const found = new Set<Setting>();
  let unknown = false;
  const read = (words: string): void => {
    const w = words.toLowerCase();
    if (/\(neo\)|neo\s*\/\s*adjuvant|perioperative|peri-operative/.test(w)) {
      found.add('adjuvant');
      found.add('neoadjuvant');
    } else {
      if (/(?<!neo-?)\badjuvant/.test(w)) found.add('adjuvant');
      if (/neo-?\s*adjuvant/.test(w)) found.add('neoadjuvant');
    }
    if (/maintenance/.test(w)) found.add('maintenance');
    if (/curative|definitive/.test(w)) found.add('curative');
    if (/advanced|unresectable|inoperable|recurrent|relapsed/.test(w)) found.add('advanced');
    else if (/metastatic/.test(w)) found.add('metastatic');
    if (/first|1st/.test(w)) unknown = true;
  };
  const after = SETTING_AFTER_RE.exec(text.slice(list.end, e)) ?? SETTING_PAREN_AFTER_RE.exec(text.slice(list.end, e));
  if (after) {
    read(after[1]!);
    spans.push([list.end, list.end + after[0].length]);
  }
  const first = list.items[0]!;
  // Not the last word of a purpose pair ("palliative or adjuvant immunotherapy"): the pair as a whole
  // is the treatment's purpose, which no setting says.
  const before = purposePairBefore(text.slice(Math.max(0, first.start - 60), first.start), 0) ? null : SETTING_BEFORE_RE.exec(text.slice(Math.max(0, first.start - 60), first.start));
  if (before) {
    read(before[1]!);
    spans.push([first.start - before[0].length, first.start]);
  }
  const near = text.slice(Math.max(0, first.start - 90), first.start);
  // "… treatment with either short course or long course radiation therapy": two forms of a local
  // treatment between the setting and the list stay unread, and the setting still binds the list.
  const pair = localModifierPair(near, 0, list.items.some((i) => i.kinds.has('radiation') || i.kinds.has('surgery')));
  const headNear = pair ? near.slice(0, pair[0]) : near;
  const treatmentWith = before ? null : SETTING_TREATMENT_WITH_BEFORE_RE.exec(headNear);
  // After an outcome ("progression within 12 months of adjuvant treatment with X") the words are the
  // outcome reader's, which times the outcome or leaves the list unread: the setting must not clear
  // the way for the list without its outcome.
  const afterOutcome = !!treatmentWith && OUTCOME_WORD_BEFORE_RE.test(headNear.slice(0, treatmentWith.index));
  const inSetting = before ? null : SETTING_WITH_BEFORE_RE.exec(near);
  const withBefore = inSetting ?? (afterOutcome ? null : treatmentWith);
  if (withBefore) {
    read(withBefore[1]!);
    const end = first.start - near.length + (withBefore === inSetting ? near.length : headNear.length);
    spans.push([end - withBefore[0].length, end]);
  }
  let settings = [...found];
  // "advanced or metastatic": advanced covers metastatic.
  if (settings.includes('advanced') && settings.includes('metastatic')) settings = settings.filter((x) => x !== 'metastatic');
  return { settings, spans, unknown };
}

function outcomeNear(text: string, list: List, s: number, e: number, exclusion: boolean): { outcomes: Outcome[]; spans: Span[]; time?: Span } {
  const spans: Span[] = [];
  let time: Span | undefined;
  const outcomes = new Set<Outcome>();
  const read = (w: string): void => {
    const l = w.toLowerCase();
    if (/progress|relapse|recurr|fail|refractory|resist|\bpd\b/.test(l)) outcomes.add('progression');
    if (/intoleran|tolerat|toxicity/.test(l)) outcomes.add('intolerance');
  };
  const lookback = text.slice(Math.max(s, list.start - 160), list.start);
  const before = outcomeBefore(lookback, exclusion);
  if (before && before[0].trim()) {
    read(before[0]);
    const from = list.start - before[0].length;
    // The time is left out of the spans: unread, it makes the finding a necessary condition joined with it.
    const t = before.groups?.time;
    if (t) time = [from + before[0].indexOf(t), from + before[0].indexOf(t) + t.length];
    // (Found apart: a group inside the repeated trailing words is reset by the words after it.)
    const n = OC_COUNT_RE.exec(before[0]);
    if (n) time = time ? [Math.min(time[0], from + n.index), Math.max(time[1], from + n.index + n[0].length)] : [from + n.index, from + n.index + n[0].length];
    // "progressed on the last line of therapy": which line was the last no fact says (therapy-progression.ts).
    const place = lastPlaceIn(before[0], t);
    if (place) time = time ? [Math.min(time[0], from + place[0]), Math.max(time[1], from + place[1])] : [from + place[0], from + place[1]];
    if (time) spans.push([from, time[0]], [time[1], list.start]);
    else spans.push([from, list.start]);
  }
  // "X is required with documented progression": a requirement, read so in an inclusion only.
  const after0 = OUTCOME_AFTER_RE.exec(text.slice(list.end, e));
  const after = after0 && exclusion && /\brequired\b/i.test(after0[0]) ? null : after0;
  if (after) {
    read(after[1]!);
    // "with documented progression or intolerability to the treatment": the second outcome too.
    const also = outcomeAlsoAfter(text.slice(list.end + after[0].length, e));
    for (const o of also?.outcomes ?? []) outcomes.add(o);
    spans.push([list.end, list.end + after[0].length + (also?.length ?? 0)]);
  }
  for (const it of list.items) {
    if (it.suffix === 'progression') outcomes.add('progression');
    if (it.suffix === 'intolerance') outcomes.add('intolerance');
  }
  return { outcomes: [...outcomes], spans, ...(time ? { time } : {}) };
}

/** Cue words directly before the list ("has received prior treatment with"), to be read with it. */
function cueRun(ctx: Ctx, at: number, s: number): Span | null {
  const toks = ctx.input.tokens;
  let i = toks.findIndex((t) => t.start >= at) - 1;
  if (i < -1) i = toks.length - 1;
  let first = -1;
  for (; i >= 0; i--) {
    const t = toks[i]!;
    if (t.start < s) break;
    if (!CUE_WORDS.has(t.norm) && !/^(?:receiv|treat|expos|administ|undergo|complet|previous)/.test(t.norm)) break;
    // Stop at a gap that is not just spaces or light punctuation.
    const next = first >= 0 ? toks[first]!.start : at;
    if (/[.;:]/.test(ctx.text.slice(t.end, next))) break;
    first = i;
  }
  if (first < 0) return null;
  return [toks[first]!.start, at];
}

/** Words that may stand between the items of one list without breaking it. */
const LIST_GAP_RE =
  /^[\s,;/()[\]]*(?:(?:and\s*\/\s*or|and|or|nor|plus|\+\/-|\+|±|as\s+well\s+as|with\s+or\s+without|e\.?\s?g\.?|i\.?\s?e\.?|(?:such\s+as|including)(?:,?\s+but\s+not\s+limited\s+to)?|incl\.?|like|for\s+example|either|both|in\s+combination\s+with|combined\s+with|with|followed\s+by|and\s+other|or\s+other|other|any\s+other|any|another|an?|the|prior|previous|(?:forms?|types?|kinds?)\s+of|[*•:-])[\s,;/()[\]:]*)*$/i;
/** Words no modifier of an example is: "(e.g., within 4 weeks)", "(e.g., to the chest)" say something else. */
const EXAMPLE_STOP =
  'within|since|prior|previous|previously|received|receiving|treated|for|in|to|of|after|before|during|who|that|which|not|no|nor|than|unless|except|if|with|without|by|on|at|from|as|is|are|was|were|be|been|has|have|had|must|may|only|etc';
/**
 * Between a class and its examples: a purpose that every anticancer treatment has ("to treat cancer"),
 * the example lead-in, and the setting words of the example, which narrow only the example.
 */
const EXAMPLE_GAP_RE = new RegExp(
  String.raw`^\s*(?:,?\s*(?:used\s+)?(?:to\s+treat|for\s+(?:the\s+)?treatment\s+of)\s+(?:a\s+|the\s+|any\s+)?(?:cancer|malignanc(?:y|ies)|neoplasms?)\b)?[\s,]*(?:\(\s*)?(?:such\s+as|e\.?\s?g\.?|for\s+example)[\s,:]*(?:(?:${SETTING_WORD}|other|any|the|an?)[\s-]+){0,3}(?:(?:(?!(?:${EXAMPLE_STOP})\b)[A-Za-z][\w-]*|or|and)[\s,/-]+){0,4}$`,
  'i',
);
/** A route of administration in an example lead-in ("(e.g., oral ketoconazole"). */
const EXAMPLE_ROUTE_RE = /\b(?:oral|topical|inhaled|intranasal|intravenous|IV|parenteral|intramuscular|subcutaneous|intravesical|intrathecal|intralesional|intratumou?ral|transdermal|vaginal|rectal)\b/i;
/** A gap holding one or two unread list members ("…, biological or targeted therapy"). */
const LIST_GAP_UNKNOWN_RE = /^[\s,/]*(?:(?:and|or|and\/or)\s+)?(?:[\w-]+\s+){0,1}[\w-]+\s*(?:,|\/|\bor\b|\band\b|\band\/or\b)[\s,/]*(?:(?:or|and)\s+)?$/i;
/** Words of a sentence about contraception. */
const REPRODUCTIVE_SENTENCE_RE = /\b(?:contracept\w*|birth\s+control|condoms?|spermicid\w*|intrauterine\s+(?:device|system)|childbearing|child-bearing|WOCBP)\b/i;
/**
 * Governors that make every following therapy in the sentence a modifier ("hypersensitivity to A, B or C",
 * "more than 6 weeks of discontinuation using … mitomycin-based chemotherapy": the washout's drugs, not a receipt).
 */
const SENTENCE_BLOCK_RE =
  /\b(?:requir(?:e|es|ed|ing)|(?:try|tries|trying|advised|encouraged|asked)\s+to\s+avoid|eligible\s+(?:to|for)|candidates?\s+for|suitable\s+for|plann(?:ed|ing)|plans?\s+to|scheduled|indications?\s+(?:of|for)|indicated|will\s+(?:be\s+)?receiv\w*|to\s+be\s+treated|intend\w*\s+to|expected\s+to\s+receive|hypersensitivity|allerg(?:y|ies|ic)|anaphyla\w*|contra-?indicat\w*|contradict\w*|intolerance\s+to\s+(?:any\s+)?(?:of\s+)?(?:the\s+)?(?:components|excipients|study)|recovered|recovery|resolved|toxicit(?:y|ies)|adverse\s+(?:events?|effects?|reactions?)|side[\s-]effects?|(?:weeks?|days?|months?)\s+of\s+discontinuation\s+(?:of|using|for|from|with))\b/i;
/** An extent noun right before the first item, after another member of a union: ", large area ", ", limited-field ". */
const EXTENT_BEFORE_RE = /(?:,|\bor|\band)\s+(?:[\w-]+\s+)?(?:fields?|areas?|regions?|volumes?)[\s-]+$/i;
/** An alternative that plans or expects a treatment: "or anticipation of need for", "or planned use during", "or expected to require". */
const FUTURE_ALT_RE = /[,;]?\s*\b(?:or|and\/or)\s+(?:an?\s+|the\s+)?(?:anticipat\w*|expect\w*|plann\w*|scheduled|intend\w*|likely\s+to|(?:will|would)\s+(?:need|require|receive|undergo))\b/i;
/** A condition that may bind every alternative before it. */
const TRAILING_CONDITION_RE = /\b(?:unless|except\w*|if|provided|other\s+than|excluding|apart\s+from|as\s+long\s+as)\b/i;
/** An alternative after a list that is no member of it: "or" and a word. */
const UNREAD_ALT_RE = /\b(?:or|and\/or)\s+[A-Za-z]/i;
/** "non-" right before an item: the item is what is not meant. */
const NON_BEFORE_RE = /\bnon[\s-]*$/i;
/** "Required prior therapies (will) include": the word "required" as the adjective of the earlier treatment. */
const REQUIRED_PRIOR_SUBJECT_RE = /\brequired(?=\s+(?:prior|previous)\s+(?:(?:systemic|anti-?cancer|cancer)\s+)?(?:therap(?:y|ies)|treatments?|regimens?)\s+(?:(?:will|must|should|shall)\s+)?(?:have\s+)?includ(?:e|es|ed)\b)/gi;
function requiredPriorSubjects(text: string, s: number, e: number): Span[] {
  return [...text.slice(s, e).matchAll(REQUIRED_PRIOR_SUBJECT_RE)].map((m): Span => [s + m.index, s + m.index + m[0].length]);
}
/** Cue words between a sentence-level governor and a list that start a new statement. */
// "Contraindication to pembrolizumab or prior intolerance to anti-PD-1": "or" before a past relation of
// its own (intolerance, treatment with) opens an alternative the governor before it does not reach. Not
// a bare treatment after "or prior" ("allergy to cisplatin or prior monoclonal antibody treatment"),
// which may be the governor's object still.
const RESTART_RE =
  /\b(?:received|receiving|treated\s+with|within|who\s+have\s+(?:received|been\s+treated))\b|\b(?:or|and\/or)\s+(?:an?\s+)?(?:prior|previous)\s+(?:intoleran\w*|(?:treatment|therapy)\s+with|exposure\s+to|receipt\s+of)\b|[;:]/i;
/** In a positive inclusion, words that make the requirement conditional or optional. */
const CONDITIONAL_RE = /\b(?:if|provided|unless|except|with\s+the\s+exception\s+of|other\s+than|excluding|whether|optional|\+\/-|±|with\s+or\s+without|as\s+applicable|where\s+(?:applicable|indicated|appropriate)|when\s+(?:applicable|indicated|appropriate))\b|\+\/-|±/i;
/**
 * Right after a list: it is refused in words no negation trigger holds ("are not tolerated", "is not
 * authorised"), or said not to have been accepted by someone ("was not accepted by the patient"), which
 * may be the patient's refusal. ("Is not accepted" on its own is a post-negation like "is not allowed".)
 */
const NOT_ACCEPTED_AFTER_RE = /^[\s,]*(?:(?:is|are|was|were|will|would|shall)\s+(?:be\s+)?)?not\s+(?:be\s+)?(?:tolerated|authori[sz]ed|accepted(?=\s+by\b))\b/i;
/**
 * Right after a list, a prohibition of it before the start of treatment ("Chemotherapy is not accepted
 * prior to the initiation of curative treatment", "… is not allowed before the start of study
 * treatment"): the list is a treatment the patient may have had before, the cue a receipt needs. What
 * it is counted to is read as any anchor is (an event other than the study's start stays unread beside it).
 */
const PROHIBITED_BEFORE_AFTER_RE = /^\s*,?\s*(?:is|are)\s+not\s+(?:allowed|permitted|accepted)\s+(?:prior\s+to|before)\b/i;
/** After "before": the study's own start ("the start of study treatment", "enrolment", "the first dose of the study drug"). */
const STUDY_START_AFTER_RE =
  /^\s*(?:the\s+)?(?:(?:start|initiation|commencement|beginning)\s+of\s+(?:the\s+|this\s+)?|starting\s+(?:the\s+|this\s+)?|(?:first|initial)\s+(?:dose|administration)\s+of\s+(?:the\s+)?)?(?:(?:study|trial|protocol)\b|(?:enrol\w*|registration|randomi[sz]ation|inclusion|screening|C1D1)\b)/i;
/** Right after a list: "and" and a condition that heads the next conjunct ("X and if PD-L1 ≥ 10%, Y"). */
const CONDITIONAL_AFTER_AND_RE = /^\s*,?\s*and\s*,?\s*(?:only\s+)?(?:if|when|where)\b/i;
/** A parenthesis that lets some patients in: "(participants who were intolerant of X and received < 2 cycles are still eligible)". */
const PERMISSION_ASIDE_RE = /\((?:[^()]{0,200}?)\b(?:are|is|will\s+be)\s+(?:still\s+|also\s+)?(?:eligible|allowed|permitted)\s*\)/gi;
function inPermissionAside(text: string, s: number, e: number, at: number): boolean {
  return [...text.slice(s, e).matchAll(PERMISSION_ASIDE_RE)].some((m) => at > s + m.index && at < s + m.index + m[0].length);
}
/** A comparator said with "no"/"not": "no more than 3", "not less than", "no later than". */
const COMPARATOR_NOT_RE = /\b(?:no|not)\s+(?:more|less|fewer|greater|later|earlier|sooner|longer|shorter)\s+than\b|\bnot\s+(?:to\s+)?exceed(?:ing)?\b/gi;
/** In a positive inclusion, upper bounds that make a treatment optional ("no more than 2 cycles of"). */
const UPPER_RE = /\b(?:no\s+more\s+than|not\s+more\s+than|up\s+to|at\s+most|maximum|fewer\s+than|less\s+than)\b|≤|<=|</i;
/** Temporal words left over after windows are read: the finding has an unread time condition. */
const TEMPORAL_LEFT_RE = /\b(?:within|since|prior\s+to|before|after|following|ago|last|recent(?:ly)?|until|elapsed|interval|wash-?out)\b|\b\d+\s*(?:days?|weeks?|months?|years?|wks?)\b/i;
const ALLOWED_BEFORE = new Set([...CUE_WORDS, 'no', 'not', 'without', 'never', 'nor', 'neither', 'any', 'other', 'or', 'and', 'to', 'for', 'more', 'than', 'least', 'one', 'both', 'either', 'additional', 'further', 'concurrent', 'concomitant', 'current', 'active', 'systemic', 'is', 'are', 'was', 'were', 'e', 'g', 'i', 'eg', 'ie', 'such', 'as', 'including', 'via', 'plus', 'by', 'adjuvant', 'neoadjuvant', 'neo', 'perioperative', 'metastatic', 'advanced', 'maintenance', 'concurrently', 'concomitantly', 'previous', 'single', 'in', 'from', 'since', 'after', 'following', 'of', 'with', 'post', 'off', 'had', 'have', 'has', 'undergone', 'underwent']);

/**
 * "exceeding (the equivalent of) 10 mg/day of", "> 10 mg daily", "at a dose > 10 mg/day": a dose whose unit follows.
 * So is the ceiling a permission sets ("may be receiving corticosteroids … at a dose of up to 8 mg of
 * dexamethasone", "may receive steroid supportive therapy up to 10 mg of prednisone").
 */
const DOSE_CEILING = String.raw`(?:up\s+to|no\s+more\s+than|not\s+(?:more|greater)\s+than|not\s+exceeding|at\s+most|less\s+than|[<≤]=?|=<)`;
const DOSE_UNIT_BEFORE_RE = new RegExp(
  String.raw`(?:\b(?:exceed\w*|above|over|greater\s+than|more\s+than|(?:at\s+(?:a\s+)?doses?\s+(?:of\s+)?|doses?\s+of)(?:\s*${DOSE_CEILING})?|dose\s+(?:>|≥|>=)|up\s+to|no\s+more\s+than|not\s+exceeding|at\s+most)\s*(?:(?:the\s+)?equivalent\s+(?:of|to)\s+)?|[>≥]=?\s*)` +
    String.raw`\d+(?:\.\d+)?\s*(?:mg|milligrams?)(?:\s*\/\s*(?:d|day|daily)|\s+(?:per|a)\s+day|\s+daily)?\s+(?:of\s+)?(?:oral\s+)?$`,
  'i',
);
/**
 * A dose right after a steroid ("exceeding the equivalent of 10 mg/day of prednisone", "> 10 mg/day
 * prednisone equivalent", "(≥ 10 mg prednisolone [or equivalent]/daily)"). No fact holds a dose, so it
 * narrows the steroid and is kept as an unread qualifier; the list goes on after it. Its duration ("for
 * more than 3 consecutive days") and the equivalence of other steroids said as anti-inflammatory
 * activity ("or equivalent anti-inflammatory activity", "or other anti-inflammatory drugs with
 * equivalent activity") are the dose's own words, no alternative to the steroid.
 */
const STEROID_DOSE_AFTER_RE =
  /^\s*[([]?\s*(?:(?:at\s+)?(?:an?\s+)?(?:doses?|dosing|dosage)\s+(?:of\s+)?)?(?:exceed\w*|above|over|in\s+excess\s+of|(?:greater|more|higher)\s+than(?:\s+or\s+equal\s+to)?|of|[>≥]=?)?\s*(?:(?:the\s+)?equivalent\s+(?:of|to)\s+)?\d+(?:\.\d+)?\s*(?:mg|milligrams?)(?:\s*\/\s*(?:d|day|daily)\b|\s+(?:per|a)\s+day\b|\s+daily\b)?(?:\s+(?:of\s+)?(?:oral\s+)?(?:prednis(?:one|olone)|(?:methyl)?prednisolone|dexamethasone|hydrocortisone)\b)?(?:\s*-?\s*equivalents?\b(?:\s+dose)?|\s*[([]?\s*or\s+(?:its\s+|an?\s+)?equivalents?\b\s*[)\]]?)?(?:\s*\/\s*(?:d|day|daily)\b|\s+(?:per|a)\s+day\b|\s+daily\b)?(?:\s*\bfor\s+(?:more\s+than|longer\s+than|over|at\s+least|>|≥)\s*(?:one|two|three|\d{1,3})\s+(?:consecutive\s+)?(?:days?|weeks?))?(?:\s*,?\s*(?:or|and\/or)\s+(?:(?:other|equivalent)\s+)?anti-?\s?inflammatory\s+(?:(?:active\s+)?(?:drugs?|agents?|medications?)\s+)?(?:(?:with|of|at)\s+(?:an?\s+)?(?:equivalent|similar|comparable)\s+(?:anti-?\s?inflammatory\s+)?(?:activity|potency|doses?)|activity|equivalents?))?\s*[)\]]?/i;
/**
 * A steroid named inside a dose parenthesis ("systemic corticosteroids (> 10 mg daily prednisone
 * equivalent)") is the unit of the dose, not another treatment: the parenthesis stays an unread
 * narrowing of the treatment before it.
 */
function isSteroidItem(ctx: Ctx, it: Item): boolean {
  return it.classes.has('corticosteroid') || [...it.drugs].some((d) => drugInClass(ctx.lex, d, 'corticosteroid'));
}
function doseReference(ctx: Ctx, it: Item, s: number, e: number, all: Item[]): boolean {
  const { text } = ctx;
  if (!isSteroidItem(ctx, it) || it.start === s) return false;
  // "corticosteroids exceeding the equivalent of 10 mg/day of prednisone", "steroids > 10 mg/day prednisone
  // equivalent": the same unit of a dose without a parenthesis, after the steroid treatment it measures.
  const lead = DOSE_UNIT_BEFORE_RE.exec(text.slice(Math.max(s, it.start - 90), it.start));
  if (lead && all.some((x) => x !== it && x.end <= it.start - lead[0].length && x.end >= it.start - lead[0].length - 40 && x.start >= s && isSteroidItem(ctx, x))) return true;
  const open = text.lastIndexOf('(', it.start);
  if (open < s || text.lastIndexOf(')', it.start) > open) return false;
  const close = text.indexOf(')', it.end);
  if (close < 0 || close > e) return false;
  // "strong CYP3A4 inducers (eg, phenytoin, dexamethasone at a dose of > 16 mg daily, …)": a steroid
  // among examples is a member, its dose after it its own. Not the unit of a dose given as the example
  // ("(e.g., >5 mg prednisone/day or equivalent)"), and not in "(including …)", where the class before
  // is read alone.
  if (EXAMPLES_PAREN_OPEN_RE.test(text.slice(open, it.start)) && !/\d\s*(?:mg|milligrams?)\b/i.test(text.slice(open, it.start))) return false;
  return /\d\s*(?:mg|milligrams?)\b/i.test(text.slice(open, close)) && open > s && /\S/.test(text.slice(s, open));
}
const EXAMPLES_PAREN_OPEN_RE = /^\(\s*(?:e\.?\s?g\.?|such\s+as|for\s+example)\b/i;

/** The patients a sentence opens with, before what they had: "Participants who", "* 3. Subjects with". */
const STANDALONE_PERMIT_SUBJECT_RE = /^[\s*•\-\d.)]*(?:(?:patients?|participants?|subjects?|those|individuals?)\s+(?:who|whose|with|that)\s*)?$/i;
const NOT_EXCLUDED_RE = /\bnot\s+(?:be\s+)?excluded$/i;

/** Reads every therapy list of one sentence into findings. */
function readSentence(ctx: Ctx, all: Item[], s: number, e: number, out: Finding[], permitted: Item[]): void {
  const { text, input } = ctx;
  const sentence = text.slice(s, e);
  const items = absorbHeads(
    ctx,
    all.filter((it) => it.start >= s && it.end <= e && !isUsed(ctx, it.start, it.end) && !doseReference(ctx, it, s, e, all)),
    e,
  );
  if (!items.length) return;
  // "Participants who received X are not excluded." standing alone as an exclusion item has nothing
  // before or after it to carve X out of: it is a permission, read as "… are eligible" is (a gate the
  // exclusion never fires on by X alone), not the exception of an exclusion it does not state.
  const standalone = input.kind === 'exclusion' && !/[A-Za-z]/.test(text.slice(0, s)) && !/[A-Za-z]/.test(text.slice(e)) ? input.scopes.scopes.filter((sc) => sc.kind === 'exception' && sc.start >= s && sc.trigger[0] <= e && STANDALONE_PERMIT_SUBJECT_RE.test(text.slice(s, sc.start)) && NOT_EXCLUDED_RE.test(text.slice(sc.trigger[0], sc.trigger[1]))) : [];
  for (const it of items) it.except = input.scopes.scopes.some((sc) => sc.kind === 'exception' && it.start >= sc.start && it.start < sc.end && !standalone.includes(sc));
  for (const it of items) {
    if (!isSteroidItem(ctx, it)) continue;
    const m = STEROID_DOSE_AFTER_RE.exec(text.slice(it.end, e));
    // A dose in parentheses stays with the reader of asides, which keeps it on its own member.
    if (m && /\d/.test(m[0]) && !/^\s*[([]/.test(m[0])) it.dose = [it.end, it.end + m[0].trimEnd().length];
  }
  const windows = sentenceWindows(ctx, s, e);

  // Coordinated lists: items joined only by connectives, example lead-ins or one unread member.
  const lists: Array<List & { unknownMember: boolean; blocked: boolean; blockedBy?: string; narrowedKind?: boolean; requiredReceipt?: boolean; gate?: boolean; plannedAlternative?: boolean; currentOrNeed?: boolean; cannotStop?: Span }> = [];
  const findingsBefore = out.length;
  /** Treatments an event is counted from ("before the start of curative treatment with X"). */
  const anchorTreatments: Span[] = [];
  for (const it of items) {
    const cur = lists[lists.length - 1];
    if (cur) {
      const prev = cur.items[cur.items.length - 1]!;
      // A steroid's dose between two members narrows the steroid, read with it as a member modifier.
      const dosed = !!prev.dose && prev.dose[1] <= it.start;
      const gap = text.slice(dosed ? prev.dose![1] : prev.end, it.start);
      // "systemic therapies to treat cancer, such as neo-adjuvant chemotherapy or hormonal therapy": examples
      // of the class before, with their settings, do not narrow it; they join its union, read with it.
      const plain = LIST_GAP_RE.test(gap);
      const example = !plain && EXAMPLE_GAP_RE.test(gap) && /\b(?:such|e\.?\s?g|example)\b/i.test(gap);
      // The words only: a parenthesis stays visible to the readers that track depth.
      // "CYP17 inhibitors (such as oral ketoconazole, …)": a route narrows the example (ketoconazole is
      // also a cream), which no fact holds, so the list is read with it as a member modifier, left unread.
      const route = example ? EXAMPLE_ROUTE_RE.exec(gap) : null;
      if (route) (cur.narrowedBy ??= []).push(route[0]);
      const words = example ? (route ? gap.slice(0, route.index) + ' '.repeat(route[0].length) + gap.slice(route.index + route[0].length) : gap) : '';
      for (const w of words.matchAll(/[^\s(),]+(?:\s+[^\s(),]+)*/g)) it.spans.push([prev.end + w.index, prev.end + w.index + w[0].length]);
      const known = example || plain;
      const unknown = !known && LIST_GAP_UNKNOWN_RE.test(gap) && !/\b(?:within|since|prior|previous|received|treated|for|in|to|of|after|before|during|who|that|which|not|no)\b/i.test(gap);
      if (prev.except === it.except && (known || unknown)) {
        if (unknown) {
          cur.unknownMember = true;
          const m = memberSpan(gap, prev.end);
          if (m) (cur.unknownSpans ??= []).push(m);
        }
        if (/\bwith\s+or\s+without\b|±|\+\/-/i.test(gap)) it.optional = true;
        // "X with or without Y or Z", "X ± Y and Z": the partner the phrase opens is most often the whole
        // bare coordination after it ("± anti-CTLA-4 or anti-LAG-3"), yet "or Z" may also close it and
        // offer Z instead of X ("anti-PD1 +/- anti-CTLA4 or T-VEC"), and "and Z" may require Z beside X.
        // Only in a positive inclusion, where both readings agree on a safe one: after "and", X is
        // necessary either way (Z dropped as a partner); after "or", X is sufficient either way, and Z
        // stays an unread option beside it, any(X, unread Z). Read as a plain member of X's list, "or Z"
        // would make Z sufficient, which the partner reading denies. A comma before the connective may
        // close the partner ("± Y, or Z"), so it is not taken.
        else if (prev.optional && input.kind === 'inclusion' && !input.scopes.in('negated', it.start) && OPTIONAL_PARTNER_JOIN_RE.test(gap)) {
          it.optional = true;
          if (/\bor\b/i.test(gap)) {
            cur.unknownMember = true;
            (cur.unknownSpans ??= []).push([it.start, it.end]);
          }
          cur.items.push(it);
          cur.end = it.end;
          continue;
        }
        // "… agent or with an agent directed to …": "with" repeated after "or" heads an alternative, no partner.
        if (/\b(?:in\s+combination\s+with|combined\s+with|plus|with(?!\s+or\s+without))\b|(?<![+]\/-)\+(?!\/-)/i.test(gap) && !/\b(?:e\.?\s?g|such\s+as|including)\b|\+\/-|±|with\s+or\s+without|^\s*,?\s*(?:or|and\/or)\s+with\s+(?:(?:an?|any|other)\s+)*$/i.test(gap))
          prev.combinedWithNext = true;
        if (/\band\b(?!\s*\/\s*or)/i.test(gap) && !/\band\s*\/\s*or\b|\b(?:e\.?\s?g|such\s+as|including|i\.?\s?e)\b|\(/i.test(gap)) cur.hasAnd = true;
        // "standard therapy, including platinum and a checkpoint inhibitor": what the therapy included.
        if (prev.included || /\bincluding\b/i.test(gap)) it.included = true;
        if (dosed) (cur.narrowedBy ??= []).push(text.slice(prev.dose![0], prev.dose![1]).trim());
        cur.items.push(it);
        cur.end = it.end;
        continue;
      }
    }
    lists.push({ items: [it], start: it.start, end: it.end, hasAnd: false, unknownMember: false, blocked: false });
  }
  for (const l of lists) {
    const last = l.items[l.items.length - 1]!;
    if (last.dose) (l.narrowedBy ??= []).push(text.slice(last.dose[0], last.dose[1]).trim());
  }
  unreadDeviceMembers(ctx, lists);
  joinUnreadMembers(ctx, lists, windows, e);
  // "non-cell-based therapies) or oncolytic virus therapy, radiotherapy": the "non-" negates its own
  // item only; the members after it are treatments of their own, a list of their own.
  // After "and" ("any non-cytotoxic drug and molecular targeted therapy within 4 weeks"), the negated
  // member is one more treatment the list names, one no fact holds: an unknown member of the rest (in
  // an exclusion, an unread alternative beside it), never a word that narrows the rest. The rest keeps
  // the "and": where each member is required, the unknown one cannot be dropped.
  for (let k = lists.length - 1; k >= 0; k--) {
    const l = lists[k]!;
    const non = l.items.length < 2 ? null : NON_BEFORE_RE.exec(text.slice(Math.max(s, l.start - 6), l.start));
    if (!non) continue;
    const [first, ...others] = l.items;
    const second = others[0]!;
    const gap = text.slice(first!.end, second.start);
    if (/^\s*and\s*$/i.test(gap)) {
      const nonStart = Math.max(s, l.start - 6) + non.index;
      lists.splice(k, 1, { ...l, items: others, start: nonStart, hasAnd: true, unknownMember: true, unknownSpans: [[nonStart, first!.end], ...(l.unknownSpans ?? [])] });
      continue;
    }
    if (!/^[\s,)\]]*(?:or|and\/or|,)[\s,]*$|^[\s,)\]]*[,)\]][\s,]*(?:or|and\/or)?\s*$/i.test(gap)) continue;
    const rest = { ...l, items: others, start: second.start, hasAnd: l.hasAnd, unknownMember: l.unknownMember };
    lists.splice(k, 1, { items: [first!], start: first!.start, end: first!.end, hasAnd: false, unknownMember: false, blocked: false }, rest);
  }
  // "… within 14 days prior to the first dose of pazopanib OR chemotherapy, immunotherapy … within 14
  // days": the window's anchor ends with the study drug; what follows its "or" is the next member of
  // the criterion's union, a list of its own, not more of the anchor.
  for (let k = lists.length - 1; k >= 0; k--) {
    const l = lists[k]!;
    if (l.items.length < 2) continue;
    const anchorWin = windows.filter((w) => w.end <= l.start).pop();
    if (!anchorWin || !ANCHOR_END_RE.test(text.slice(anchorWin.start, anchorWin.end)) || !/^\s*$/.test(text.slice(anchorWin.end, l.start))) continue;
    const [first, ...others] = l.items;
    const second = others[0]!;
    if (!/^\s*,?\s*(?:or|and\/or)\s*$/i.test(text.slice(first!.end, second.start))) continue;
    const rest = { ...l, items: others, start: second.start, hasAnd: l.hasAnd, unknownMember: l.unknownMember };
    lists.splice(k, 1, { items: [first!], start: first!.start, end: first!.end, hasAnd: false, unknownMember: false, blocked: false }, rest);
  }
  // Under a lead-in naming reactions to what follows ("hypersensitivity to any of the following:"),
  // the entry names a cause, never a treatment received.
  const lead = input.context[input.context.length - 1];
  if (lead && CONTEXT_BLOCK_RE.test(lead))
    for (const l of lists) {
      l.blocked = true;
      l.blockedBy ??= 'context';
    }
  // A sentence about contraception names a drug only as a time anchor ("until 90 days after the last
  // dose of durvalumab") or as a contraceptive method ("progestogen-only hormonal contraception"),
  // never as a treatment the patient must have had or be spared.
  if (REPRODUCTIVE_SENTENCE_RE.test(text.slice(s, e)))
    for (const l of lists) {
      l.blocked = true;
      l.blockedBy ??= 'contraception';
    }

  // Lists that modify something else are not therapy requirements.
  // "Required prior therapies will include X": "required" qualifies the earlier treatment the
  // sentence is about, and governs nothing after it.
  let govern = SENTENCE_BLOCK_RE.exec(maskSpans(text, s, e, [...anchorPhrases(text, s, e), ...requiredPriorSubjects(text, s, e)]));
  // "Has had or has planned major surgery", "Planned or previous treatment with X": the plan is an
  // alternative to having had it, which is still said (and read, with the plan left unread).
  const plannedOrHad = !!govern && /^(?:plan|sched)/i.test(govern[0]) && PLANNED_OR_HAD_RE.test(text.slice(s, e));
  if (plannedOrHad) {
    govern = null;
    for (const l of lists) l.plannedAlternative = true;
  }
  for (const l of lists) {
    const lastWin = windows.filter((w) => w.end <= l.start).pop();
    const before = text.slice(Math.max(s, l.start - 70, lastWin ? lastWin.end : 0), l.start);
    // "Is unable to interrupt aspirin", "anticoagulants that cannot be discontinued before biopsy": a
    // treatment the patient is on and cannot stop, read as current use with the inability unread.
    const stopBefore = input.kind === 'exclusion' && STOP_GATE_RE.test(before) ? CANNOT_STOP_BEFORE_RE.exec(before) : null;
    const stopAfter = input.kind === 'exclusion' && !stopBefore ? CANNOT_STOP_AFTER_RE.exec(text.slice(l.end, e)) : null;
    // "Need for ongoing carbamazepine" (exclusion): the patient takes it now and must go on taking it, as
    // one who cannot stop it does. Read the same way: current use, necessary, with the need unread beside it.
    // Not a need foreseen ("anticipated need for ongoing …"), which may begin only during the study.
    const ongoingNeed =
      input.kind === 'exclusion' && !stopBefore && !stopAfter && !ANTICIPATED_NEED_RE.test(before) ? ONGOING_NEED_BEFORE_RE.exec(before) : null;
    if (stopBefore) l.cannotStop = [l.start - stopBefore[0].length, l.start];
    else if (stopAfter) l.cannotStop = [l.end, l.end + stopAfter[0].length];
    else if (ongoingNeed) l.cannotStop = [l.start - ongoingNeed[0].length, l.start];
    // "Treatment with preparations containing St. John's wort": a product named by the ordinary medicine
    // in it is that medicine (not an ADC's payload, which is anticancer and stays blocked).
    const productContaining = PRODUCT_CONTAINING_BEFORE_RE.test(before) && supportiveOnly(ctx, l.items);
    const blocker = stopBefore || ongoingNeed || productContaining ? null : blockedBefore(before);
    // "pneumonitis requiring treatment with steroids": the condition's treatment, read below as received.
    // Not a need still to come ("anticipated requirement for … during the trial"), which no record holds.
    // "Need for X", "Need X": a requirement as "requirement for" is, unless the need falls after the study starts.
    // Only for steroids and immunosuppressants, whose requirement is read so: a need for another medicine
    // ("Need for carbamazepine") may be one the patient does not take yet, and stays unread.
    const needCue = ((!!blocker && /^need/i.test(blocker[0].trim())) || (!blocker && NEED_DIRECT_BEFORE_RE.test(before))) && steroidOrImmunosuppressantOnly(ctx, l.items);
    const requiredSupportive =
      input.kind === 'exclusion' &&
      ((!!blocker && /^requir/i.test(blocker[0].trim())) || (needCue && !FUTURE_WINDOW_AFTER_RE.test(text.slice(l.end, e))) || requirementHeadsList(text, s, l.start)) &&
      supportiveOnly(ctx, l.items) &&
      !namedTopicBefore(ctx, requirementClauseStart(text, s, l.start), l.start) &&
      !ANTICIPATED_NEED_RE.test(before) &&
      (!FUTURE_CONDUCT_RE.test(text.slice(l.end, e)) || futureAfterPastWindow(text.slice(l.end, e), FUTURE_CONDUCT_RE));
    if (requiredSupportive) l.requiredReceipt = true;
    // "Current use or anticipated need for X": the need foreseen is an alternative to use now, as a plan is.
    const foreseenNeed = !!blocker && /^need/i.test(blocker[0].trim()) && CURRENT_OR_FORESEEN_NEED_RE.test(before);
    const plannedAlternative = foreseenNeed || (!!blocker && /^(?:plan|sched)/i.test(blocker[0].trim()) && PLANNED_OR_HAD_RE.test(before));
    if (plannedAlternative) l.plannedAlternative = true;
    if (foreseenNeed) l.currentOrNeed = true;
    // An outcome cue that says how soon the disease came back may start further back than the blocker's reach.
    const outcomeCue =
      !!outcomeBefore(before, input.kind === 'exclusion') ||
      (input.kind === 'exclusion' && !!OUTCOME_BEFORE_RE.exec(text.slice(Math.max(s, l.start - 160, lastWin ? lastWin.end : 0), l.start))?.groups?.time);
    // Right before a member of a union the extent noun is its modifier ("…, large area radiotherapy, immunotherapy"),
    // which narrows it (left unread), not a lesion the treatment was given to.
    const extent = !!blocker && !l.items[0]!.except && (EXTENT_BEFORE_RE.test(before) || (EXTENT_MODIFIER_BEFORE_RE.test(before) && l.items[0]!.kinds.has('radiation')));
    if (extent) (l.narrowedBy ??= []).push(blocker![0].trim());
    if (blocker && !requiredSupportive && !plannedAlternative && !outcomeCue && !extent) {
      l.blocked = true;
      l.blockedBy = `before:${blocker[0].slice(0, 30)}`;
      // An effect named among the outcomes of a treatment ("disease progression (resistance, toxicity) on
      // or after a PD-1 inhibitor") is one reason it failed, which the requirement asks for: no gate,
      // whose any(not X, unread) would let in every patient who never had X. The list stays unread.
      if (EFFECT_BEFORE_RE.test(blocker[0]) && !OUTCOME_BESIDE_EFFECT_RE.test(before)) l.gate = true;
    }
    // The list a window is measured from: "within 7 days prior to surgery", "of beginning chemotherapy".
    // Not past a conjunction ("… first dose of pazopanib OR chemotherapy"): the list after it is another member.
    if (lastWin && ANCHOR_END_RE.test(text.slice(lastWin.start, lastWin.end)) && /^\s*(?:[\w-]+\s+){0,2}$/.test(text.slice(lastWin.end, l.start)) && !/^\s*(?:the\s+)?(?:last|prior|previous|any)\b/i.test(text.slice(lastWin.end, l.start)) && !/\b(?:or|and\/or)\s*$/i.test(text.slice(lastWin.end, l.start))) l.blocked = true;
    if (lastWin && WINDOW_ANCHOR_AFTER_RE.test(text.slice(lastWin.end, l.start))) l.blocked = true;
    // The treatment an event is counted from, with no window ("Chemotherapy is not accepted before the start
    // of curative treatment with anti-PD-1"): the study's or the planned treatment, not one received. And a
    // treatment the patient could have ("lesions can be treated with SBRT", "candidates for treatment with
    // atezolizumab"): the lesion's or the care team's question, not a treatment received.
    const lead = text.slice(Math.max(s, l.start - 80), l.start);
    if (ANCHOR_EVENT_BEFORE_RE.test(lead) || POSSIBLE_TREATMENT_BEFORE_RE.test(lead)) l.blocked = true;
    // The whole of such a treatment is the anchor's, its connectives too ("with anti-PD-1, +/- anti-CTLA-4
    // or anti-LAG-3"): no alternative to a list before it.
    if (ANCHOR_EVENT_BEFORE_RE.test(lead)) anchorTreatments.push([l.start, l.end]);
    // "Prior anti-PD-1 … antibody exposure": after a past cue, exposure to a drug or class is its receipt
    // ("radiation exposure" may be diagnostic or occupational).
    const receiptExposure = (it: Item): boolean => input.kind === 'exclusion' && (it.drugs.size > 0 || it.classes.size > 0) && /^[\s-]*exposure\b/i.test(text.slice(it.end, it.end + 12)) && /\b(?:prior|previous(?:ly)?)\s+(?:[\w-]+\s+){0,1}$/i.test(text.slice(Math.max(s, l.start - 30), l.start));
    if (l.items.some((it) => BLOCK_AFTER_RE.test(text.slice(it.end, Math.min(e, it.end + 60))) && !receiptExposure(it))) {
      l.blocked = true;
      l.blockedBy ??= 'after';
      if (l.items.every((it) => EFFECT_AFTER_RE.test(text.slice(it.end, Math.min(e, it.end + 30))))) {
        l.gate = true;
        l.effectHad = EFFECT_HAD_RE.test(text.slice(s, l.start));
      }
    }
    if (NON_BEFORE_RE.test(before)) l.blocked = true;
    // A list inside an inclusion's aside that lets some patients in ("(participants who were intolerant of
    // an anti-CD38 mAb and received < 2 cycles are still eligible)") names who else may enter, never a
    // treatment every patient must have had.
    if (input.kind === 'inclusion' && inPermissionAside(text, s, e, l.start)) {
      l.blocked = true;
      l.blockedBy ??= 'permission aside';
    }
    // "No prior immunotherapy targeting CTLA-4, PD-1, PD-L1 or LAG-3": a kind narrowed by its targets
    // is not the whole kind (a patient given interleukin-2 had immunotherapy, not one of these).
    const narrowedKind = (it: Item): boolean =>
      !it.drugs.size && !it.classes.size && (KIND_TARGETING_AFTER_RE.test(text.slice(it.end, Math.min(e, it.end + 50))) || KIND_TARGETING_END_RE.test(text.slice(it.start, it.end)));
    // In an exclusion the kind is still had ("Patients that have undergone immunotherapy targeting
    // tyrosinase"): read as necessary, the targets no class names kept unread beside it (below, a
    // reading that would forbid the whole kind is dropped).
    if (l.items.some(narrowedKind)) {
      // (Only drug kinds: "radiotherapy targeting the affected lymph node region" names a site, the local
      // readers'. Only targets the lexicon lacks: a class it knows that the kind does not hold, "chemotherapy
      // targeting BRAF", says the kind loosely, and the kind may then not be necessary.)
      const knownTarget = targetsKnown(ctx, l.start, e);
      if (input.kind === 'exclusion' && !input.scopes.in('negated', l.start) && !l.blocked && !knownTarget && l.items.every((it) => [...it.kinds].every((k) => SYSTEMIC_KINDS.has(k)))) {
        l.narrowedKind = true;
        (l.narrowedBy ??= []).push('targets');
      } else {
        l.blocked = true;
        l.blockedBy ??= 'kind narrowed by its targets';
      }
    }
    // "Chemotherapy is not tolerated", "was not accepted by the patient": a refusal the negation vocabulary
    // does not hold, read as a receipt beside the unread words it would require the treatment refused.
    if (NOT_ACCEPTED_AFTER_RE.test(text.slice(l.end, e))) {
      l.blocked = true;
      l.blockedBy ??= 'not accepted';
    }
    // "has failed standard therapy (including chemotherapy, immunotherapy, and targeted therapy for those
    // with genetic mutations)": in an inclusion, a list opening a parenthesis of examples names what the
    // requirement before it may have been, not treatments each required (read so, "and" would ask for all).
    // With "e.g." or "such as" the parenthesis gives examples whatever joins them ("No prior systemic
    // anticancer therapy for metastatic disease (e.g., cytotoxic or targeted agents)": not "no cytotoxic
    // or targeted agent in any setting").
    // Every list inside that parenthesis, not only the first ("(e.g. surgery, definitive radiation, …)").
    // Not in a permission, whose examples name those it permits (read by the gate below).
    const examplesLead = examplesParenthesis(text, s, l.start);
    if (
      input.kind === 'inclusion' &&
      examplesLead !== null &&
      (PURE_EXAMPLES_OPEN_RE.test(examplesLead) || (l.hasAnd && l.items.length > 1 && EXAMPLES_OPEN_RE.test(before.slice(-40)))) &&
      // (A permission proper, not a definition: "… may be considered as components of the same regimen".)
      !(permits(text.slice(s, e)) && /\b(?:eligible|allowed|allowable|permitted|permissible|acceptable)\b/i.test(text.slice(s, e)))
    ) {
      l.blocked = true;
      l.blockedBy ??= 'examples';
    }
    // "an investigational ctDNA test", "investigational site": the bare adjective on a non-treatment noun.
    if (
      l.items.length === 1 &&
      /^investigational$/i.test(text.slice(l.items[0]!.start, l.items[0]!.end).trim()) &&
      /^\s*(?:[\w-]+\s+){0,2}?(?:tests?|assays?|sites?|devices?|diagnostics?|imaging|tracers?|samples?|sequencing|panels?|methods?|laborator(?:y|ies)|centers?|centres?|staff|teams?)\b/i.test(text.slice(l.items[0]!.end, l.items[0]!.end + 40))
    ) {
      l.blocked = true;
      l.blockedBy ??= 'investigational non-treatment';
    }
    // "the investigational drug", "the investigational regimen": the study's own treatment.
    if (
      l.items[0]!.kinds.has('investigational') &&
      !l.items[0]!.drugs.size &&
      !l.items[0]!.classes.size &&
      (/\b(?:the|this|study)\s+$/i.test(before) || /^\s*(?:study|trial)\s+(?:drugs?|treatments?|medications?|products?|agents?|interventions?)\b/i.test(text.slice(l.items[0]!.end, e)))
    ) {
      l.blocked = true;
      l.blockedBy ??= 'study drug';
    }
    // "…to any of the following: A, B" continues the governed phrase; another colon starts anew.
    if (govern && s + govern.index < l.start && !RESTART_RE.test(text.slice(s + govern.index + govern[0].length, l.start).replace(/\bfollowing\s*:/gi, ' '))) {
      // "A condition that required systemic treatment with corticosteroids within 14 days" (exclusion):
      // treatment a condition required in a past window was given in it, so its receipt is a
      // necessary condition of the exclusion (read with the rest as a qualifier). Without a past
      // window, "requiring" may mean treatment still to come, and the list stays a modifier.
      // Only named drugs, classes, radiation or surgery: a generic "systemic treatment" of a condition
      // other than cancer is not anticancer therapy (steroids for lupus are not kind 'systemic').
      const named = l.items.every((it) => it.drugs.size || it.classes.size || it.kinds.has('radiation') || it.kinds.has('surgery'));
      // Supportive care a condition requires (steroids, immunosuppressants) is read as received with
      // or without a window: such a query is never false on a record that does not list it, so the
      // reading cannot clear a patient the text would exclude.
      if (!l.blocked && named && input.kind === 'exclusion' && /^requir/i.test(govern[0]) && (windows.some((w) => w.sense === 'within' && w.start >= l.end) || (supportiveOnly(ctx, l.items) && !namedTopicBefore(ctx, requirementClauseStart(text, s, l.start), l.start)))) l.requiredReceipt = true;
      else {
        l.blocked = true;
        l.blockedBy ??= `sentence:${govern[0]}`;
        if (EFFECT_GOVERNOR_RE.test(govern[0]) && !OUTCOME_BESIDE_EFFECT_RE.test(text.slice(s, s + govern.index))) l.gate = true;
      }
    }
  }

  // Half-lives named only in an exception ("(exceptions: small-molecule therapy completed > 5 half-lives
  // or > 10 days before …, whichever is longer; …)") are the exception's, not the sentence's window.
  const outsideException = (re: RegExp): boolean => [...sentence.matchAll(new RegExp(re.source, 'gi'))].some((m) => !inSparingException(ctx, s + m.index));
  const halfLife = outsideException(HALF_LIFE_RE);
  const halfLifeLonger = outsideException(LONGER_RE);
  const permission = permits(sentence);
  const contextText = input.context.join(' \n ');
  // A lead-in that lists permitted treatments ("The following are permitted:") carves exceptions.
  const contextUsable = !!contextText && !ALTERNATIVE_RE.test(contextText) && !permits(contextText) && !/\b(?:exceptions?|except|other\s+than|not\s+considered)\b/i.test(contextText) && !/\b(?:plans?\s+to|planned|ineligib\w*|unavailab\w*|contraindicat\w*|allerg\w*|hypersensitiv\w*|eligible\s+for|candidates?\s+for|toxicit\w*|recovered|adverse)\b/i.test(contextText);
  const contextCue = contextUsable && input.context.some((c) => CUE_RE.test(c) || /\bwithin\b|wash-?out/i.test(c) || CURRENT_LEAD_RE.test(c));
  // A lead-in whose entries are medicines taken now ("Patients taking any of the following medications:",
  // "Pts on any drugs which … interact with nelfinavir:", "currently receiving any of the following:"):
  // an entry with no time of its own is current use, not use at any time in the past.
  const contextCurrent =
    contextUsable && input.context.length > 0 && CURRENT_LEAD_RE.test(input.context[input.context.length - 1]!) && !PAST_CUE_RE.test(input.context[input.context.length - 1]!);
  // Only the lead-in's last sentence introduces the entries: a window in an earlier one ("… within 6 months of
  // enrollment. In addition, patients will be excluded …:") is that sentence's own.
  const leadStart = contextUsable ? Math.max(0, ...[...contextText.matchAll(/[.;]\s+(?=[A-Z])/g)].map((m) => m.index + m[0].length)) : 0;
  const contextWindows = contextUsable ? windowsIn(contextText, leadStart, contextText.length) : [];
  // A negative lead-in over exclusion items ("Patients will be excluded if they meet any of the
  // following", "Patients must not have:") restates the exclusion itself: the item is what excludes,
  // so it is read as written. Only over inclusion items does it turn them into absences. Like a
  // window, only the lead-in's last sentence introduces them: a negation in an earlier one
  // ("… histologic confirmation is not required. … Patients may receive any of the listed regimens")
  // is that sentence's own, and had turned a list of required regimens into forbidden ones.
  // A comparator is no negation: "Participants who should have received no more than 3 prior lines of
  // therapy and:" bounds a count, and had turned the required entries below it into absences.
  const contextNegated =
    contextUsable &&
    input.kind === 'inclusion' &&
    /\b(?:no|not|none|without|must\s+not|should\s+not|cannot|excluded|not\s+(?:be\s+)?(?:allowed|permitted|eligible))\b/i.test(contextText.slice(leadStart).replace(COMPARATOR_NOT_RE, ' '));

  const exceptLists = lists.filter((l) => l.items[0]!.except && !l.blocked);
  // An exception read as such ("antiepileptics other than levetiracetam in the previous 6 months")
  // does not part a list from its window. One in a parenthesis is not masked: the scope of
  // "(except X), or Y" may wrongly run on to the next member.
  const exceptSpans = exceptLists.flatMap((l) => spanOf(l.items));
  const gapText = exceptSpans.length
    ? text.slice(0, s) + maskSpans(text, s, e, exceptSpans).replace(/\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from)\s*$|\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from)(?=\s+ )/gi, (m) => ' '.repeat(m.length)) + text.slice(e)
    : text;
  const sentenceLists = lists.filter((l) => !l.items[0]!.except);
  // Blocked lists are not therapies: they neither bound nor take windows.
  for (let k = lists.length - 1; k >= 0; k--) if (lists[k]!.blocked) {
    if (!lists[k]!.items[0]!.except) note(`1:blocked ${lists[k]!.blockedBy ?? ''}`);
    lists.splice(k, 1);
  }
  const mainLists = lists.filter((l) => !l.items[0]!.except);

  for (const list of mainLists) {
    if (therapyDebug.notes) note(`list[${list.items.map((i) => text.slice(i.start, i.end) + '{' + [...i.kinds, ...i.classes, ...i.drugs].join(',') + (i.generic ? ',gen' : '') + '}').join(' | ')}]${list.unknownMember ? ' UNK' : ''}${list.hasAnd ? ' AND' : ''}`);
    const idx = lists.indexOf(list);
    const nextList = lists.slice(idx + 1).find((l) => !l.items[0]!.except);
    const prevList = idx > 0 ? lists[idx - 1] : undefined;
    const limitAfter = nextList ? nextList.start : e;
    const limitBefore = prevList ? prevList.end : s;

    // Window: one that ends right before the list ("at least 4 weeks since prior X") wins; else the
    // nearest after the list (before the next one); else the nearest before it.
    const free = windows.filter((w) => !isUsed(ctx, w.start, w.end));
    const lead = free.filter((w) => w.end <= list.start && w.start >= limitBefore);
    // Lists joined by a connective and at most two unread words share the window after the last.
    // A steroid's dose after the list ("> 10 mg/day prednisone-equivalent within 14 days") does not part it from its window.
    const lastDose = list.items[list.items.length - 1]!.dose;
    // (An unread member after the dose has already moved the list's end past it.)
    let groupEnd = lastDose ? Math.max(list.end, Math.min(lastDose[1], limitAfter)) : list.end;
    // "X (examples), alone or in combination, within 8 weeks": the form phrase is read with the list and
    // does not part it from its window.
    const formGap = lastDose ? null : FORM_RE.exec(text.slice(groupEnd, limitAfter));
    if (formGap) groupEnd += formGap[0].length;
    let groupLimit = limitAfter;
    for (let k = lists.indexOf(list) + 1; k < lists.length; k++) {
      const nl = lists[k]!;
      // A parenthetical aside between them (a dose, an example) does not part them.
      const between = text.slice(groupEnd, nl.start).replace(/\([^()]{0,120}\)/g, ' ');
      // Unread members between them ("chemotherapy, radiation, gene therapy, vaccine therapy, or ADCs
      // within 28 days") are members of the same union, each short and comma-separated.
      // An unread member may also follow its own "or" ("… or oncolytic virus therapy, radiotherapy").
      if (nl.items[0]!.except || !(UNION_GAP_RE.test(between) || UNION_GAP_OR_FIRST_RE.test(between)) || /\b(?:not|no|without|except|unless|who|which|that|if)\b/i.test(between)) break;
      if (free.some((w) => w.start >= groupEnd && w.start < nl.start)) break;
      groupEnd = nl.end;
      const nn = lists[k + 1];
      groupLimit = nn ? nn.start : e;
    }
    // "… or 7 days for short-acting growth factor": a window followed by "for" is its object's.
    const trail = free.filter((w) => w.start >= list.end && w.start < groupLimit && lightGap(/[()[\]]/.test(text.slice(groupEnd, w.start)) ? text : gapText, groupEnd, w.start) && !(/^\d/.test(text.slice(w.start, w.end)) && /^\s*for\b/i.test(text.slice(w.end, w.end + 5))) && !/,\s*(?:or|and\/or)\s*$/i.test(text.slice(groupEnd, w.start)));
    const last = lead[lead.length - 1];
    let win: Window | undefined;
    // A gap whose preposition points at what follows ("…: at least 7 days after the last dose of a biologic
    // agent") is that list's, whatever label stands before it.
    if (last && (lightGap(text, Math.max(s, limitBefore), last.start) || gapToNext(text.slice(last.start, last.end))) && /^[\s,:]*(?:(?:since|from|after|following|of|for)\s+)?(?:(?:the\s+)?(?:completion|end|last\s+(?:dose|administration|cycle|treatment)|discontinuation|cessation|stopping)\s+(?:of\s+)?)?(?:(?:any|the|an?|prior|previous|all|other|their|receiving|treatment|therapy|with)\s+)*$/i.test(text.slice(last.end, list.start)))
      win = last;
    else win = trail[0] ?? (last && lightGap(text, Math.max(s, limitBefore), last.start) ? last : undefined);
    // "Recent (within 5 years) autoimmune disease or any other condition that required immunosuppressive
    // treatment": a window before the requirement's own alternative dates the condition named before
    // its "or", not the supportive care the other condition required.
    if (list.requiredReceipt && win && win === last && win.start < requirementClauseStart(text, s, list.start)) win = undefined;
    // In an exclusion, a window later in the clause past unread words ("Radiotherapy to the target
    // lesion within 2 months") still bounds the list; the words between are read as a qualifier.
    let farWindow = false;
    if (!win && input.kind === 'exclusion' && !input.scopes.in('negated', list.start)) {
      win = free.find((w) => w.sense === 'within' && w.start >= list.end && w.start < groupLimit && !/[.;:]/.test(text.slice(list.end, w.start)));
      farWindow = !!win;
    }
    let windowFromContext = false;
    // A number of days or weeks the sentence states but no window reader took is its own (unread) window.
    if (!win && !windows.length && contextWindows.length && !STATED_TIME_RE.test(sentence)) {
      win = contextWindows[contextWindows.length - 1];
      windowFromContext = true;
    }

    // "For patients receiving crizotinib, allergy to gelatin": the treatment names the group the rest of
    // the sentence binds, neither excluded nor required itself. Read as a gate (all(X, unread) in an
    // exclusion, any(not X, unread) in an inclusion), or left unread.
    if (GROUP_ON_TREATMENT_LEAD_RE.test(text.slice(s, list.start)) && /^[^,;:.]{0,80}[,:]\s*\S/.test(text.slice(list.end, e))) {
      note('group on treatment');
      list.gate = true;
      continue;
    }
    // "BRAF wild type: progressed after receiving PD-1 containing therapy": the test result before the
    // colon names the patients the rest binds, which the biomarker reader reads as a condition
    // (biomarkers.ts scopeOf: any(not BRAF wild type, unread rest)). Read here, the treatment would be
    // required of every patient, those with another result too: it is left unread.
    if (inResultLabelled(input, list.start)) {
      note('result label');
      continue;
    }
    // A list that is only the optional partner of another ("… PD-1 containing therapy with or without an
    // anti-CTLA-4") is no requirement, whichever way the other is read.
    if (OPTIONAL_BEFORE_RE.test(text.slice(Math.max(s, list.start - 60), list.start))) {
      note('optional partner list');
      continue;
    }
    // The inability to stop a treatment is read with it, not as its negation.
    const stop = list.cannotStop;
    const oc = outcomeNear(text, list, Math.max(s, limitBefore), limitAfter, input.kind === 'exclusion');
    // So is an outcome that holds its own negation ("could not tolerate X", "did not tolerate X").
    const ownTrigger = (t: [number, number]): boolean => (!!stop && t[0] >= stop[0] && t[1] <= stop[1]) || oc.spans.some(([a, b]) => t[0] >= a && t[1] <= b);
    const negatedHere = input.scopes.scopes.some((sc) => sc.kind === 'negated' && list.start >= sc.start && list.start < sc.end && !ownTrigger(sc.trigger) && !limitNegation(text, sc.trigger));
    const outcomeNegation = oc.outcomes.length > 0 && input.scopes.scopes.some((sc) => sc.kind === 'negated' && list.start >= sc.start && list.start < sc.end && ownTrigger(sc.trigger));
    // A window beside it says how long before the study it must be stopped, which the patient cannot do.
    if (stop) {
      win = undefined;
      farWindow = false;
    }
    const restated = postNegationRestatesExclusion(ctx, list.start);
    const ctxNeg = !negatedHere && !restated && windowFromContext === false && contextNegated && !CUE_RE.test(text.slice(s, list.start)) && /^\W*$/.test(text.slice(s, list.start).replace(/\b(?:any|other|the|a|an|prior|previous)\b/gi, ''));
    const isNeg = negatedHere && !restated;
    const negForMode = isNeg || ctxNeg;
    // A finding that must be sufficient (exclusion) or that is forbidden (negated inclusion) must not
    // be broader than the text; one that is required (inclusion) must not be narrower.
    // A minimum gap ("at least 4 weeks since X") or "X-naive" forbids X, like a negation.
    // "Subjects must be off steroids for at least 2 weeks" in an exclusion list states the requirement
    // the exclusion enforces: it excludes steroid use within 2 weeks, not its absence.
    // "Last dose of radiation therapy should be > 14 days from first dose": the last dose is the
    // subject and the modal binds its time, the same requirement as "must be discontinued 14 days prior".
    const lastDoseLead =
      win?.sense === 'since' && win.start >= list.end && MODAL_BE_BEFORE_WINDOW_RE.test(text.slice(list.end, win.start))
        ? LAST_DOSE_SUBJECT_RE.exec(text.slice(Math.max(s, list.start - 40), list.start))
        : null;
    const requiredGap =
      input.kind === 'exclusion' &&
      !negForMode &&
      win?.sense === 'since' &&
      (/\b(?:must|should|shall|needs?\s+to|(?:is|are)\s+required|ha(?:ve|s)\s+to)\b|^\W*(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=)\s*\d/i.test(text.slice(s, list.start)) ||
        // "Use of X must be discontinued 14 days prior", "Patients requiring X for infection must have completed therapy
        // at least 1 week prior": the modal after the list, before its window.
        (win.start >= list.end && MODAL_BEFORE_WINDOW_RE.test(text.slice(list.end, win.start))) ||
        !!lastDoseLead);
    // After another sentence the requirement may bind only those it spoke of ("Brain metastases may be
    // treated, but participants must be off steroids for 14 days"): left unread, never read inverted.
    if (requiredGap && /\S/.test(text.slice(0, s))) {
      note('required gap after another sentence');
      continue;
    }
    // "At least 4 weeks but no more than 12 weeks since surgery": a range, which neither sense states.
    if (win?.sense === 'since' && /\b(?:no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|up\s+to|at\s+most|maximum\s+of)\b/i.test(sentence)) {
      note('window range');
      continue;
    }
    // "Patients must have completed any prior systemic therapy (at the time of enrollment)": none ongoing.
    const completedAll =
      input.kind === 'inclusion' && !negForMode && !win && COMPLETED_ALL_BEFORE_RE.test(text.slice(Math.max(s, list.start - 50), list.start)) && COMPLETED_ALL_AFTER_RE.test(text.slice(list.end, e));
    // A minimum gap keeps its sense where the window itself is dropped below (half-lives with no "whichever").
    const sinceSense = win?.sense === 'since';
    const forbids = negForMode !== ((sinceSense && !requiredGap) || list.items.every((i) => i.suffix === 'naive') || completedAll);
    const strict = (input.kind === 'exclusion' && !forbids) || (input.kind === 'inclusion' && forbids);
    if (farWindow && !strict) continue;
    // A kind narrowed by targets no class names is read only where it is necessary, with the targets.
    if (list.narrowedKind && !strict) {
      note('kind narrowed by its targets, not necessary');
      continue;
    }
    // In an exclusion, a gap said after another sentence ("Participants with active infection. … Participants
    // requiring antibiotics require 2-week washout …") is a note on some patients: read inverted it would
    // exclude everyone without the treatment, so it stays unread.
    // Nor is one said plainly, with no modal and no negation ("Receipt of the last dose of anticancer therapy
    // > 12 weeks prior to randomization"): it excludes a last dose long ago, which needs the receipt too;
    // read as "none within N" it would exclude the never-treated and spare the recently treated.
    if (input.kind === 'exclusion' && forbids && sinceSense && !negForMode && !requiredGap) {
      note('exclusion of an old last dose');
      const oldLastDose = oldLastDoseFinding(ctx, list, win!, s, e);
      if (oldLastDose) {
        out.push(oldLastDose);
        ctx.used.push(...oldLastDose.spans);
      }
      continue;
    }
    if (input.kind === 'exclusion' && forbids && sinceSense && !negForMode && (/\S/.test(text.slice(0, s)) || gapInAside(text.slice(s, list.start), idx > 0))) {
      note('exclusion gap after another sentence');
      continue;
    }
    // Under a washout lead-in an inclusion item names a treatment to have been off for a while, never
    // one to have had: where its gap is not read as one, nothing is. (One that permits the treatment
    // is read as a permission below.)
    if (input.kind === 'inclusion' && !forbids && !permission && underWashoutLead(ctx)) {
      note('washout item without its gap');
      continue;
    }

    // "… or anti-hormonal within protocol specified intervals": a washout the protocol sets and the
    // criterion does not state, read whole by therapy-protocol-washout.ts (with the washout attested).
    if (!win && PROTOCOL_INTERVAL_AFTER_RE.test(text.slice(list.end, e))) {
      note('protocol washout');
      continue;
    }
    // "(use of immunotherapy must be FDA-approved and not experimental)": what the treatment must be,
    // said of whatever treatment is given, not that it was received.
    if (KIND_REQUIRED_AFTER_RE.test(text.slice(list.end, e))) {
      note('kind of the treatment required');
      continue;
    }

    const st = settingsNear(text, list, limitAfter);

    const cueBefore = text.slice(Math.max(s, limitBefore), list.start);
    const unionCue = unionHead(ctx, lists, idx, s);
    // "prednisone use > 10 mg/day", "steroid intake": the noun after the list says it is taken.
    const useAfter = USE_AFTER_RE.exec(text.slice(list.end, limitAfter));
    const hasCue =
      !!useAfter ||
      // "Patients on immunotherapy": only right before the list, and not "inclusion of patients on X".
      SUBJECT_ON_RE.test(cueBefore) ||
      // "Treatment targeting KRAS G12C": the head noun of a target phrase says it was given.
      (/\b(?:treatment|therapy)\s*$/i.test(cueBefore) && /^(?:(?:directly|specifically|selectively)\s+)?(?:targeting|directed|against)\b/i.test(text.slice(list.start, list.end))) ||
      (input.kind === 'exclusion' && STABLE_DOSE_BEFORE_RE.test(text.slice(Math.max(s, list.start - 60), list.start))) ||
      !!win ||
      oc.outcomes.length > 0 ||
      list.items.some((i) => i.suffix) ||
      CUE_RE.test(cueBefore) ||
      // "Treated by surgery and adjuvant immunotherapy": in a positive inclusion the second conjunct of the
      // receipt, parted from the first only by its setting, is received as the first is.
      (input.kind === 'inclusion' && !negForMode && andSettingMember(ctx, lists, idx, s)) ||
      // "must have received prior treatment with lenalidomide and at least 2 cycles of an anti-CD38
      // antibody": a count of cycles joined to a receipt says the treatment counted was given too.
      (!negForMode && CYCLES_JOINED_TO_RECEIPT_RE.test(text.slice(s, list.start))) ||
      // "Prior therapies must include a BRAF inhibitor": what the earlier treatment included was received.
      INCLUDED_IN_PRIOR_RE.test(text.slice(Math.max(s, list.start - 100), list.start)) ||
      // "Has received prior radiation therapy, systemic therapy, targeted therapy, or radical surgery": a later
      // member of the union the cue heads, parted from the list before only by its own modifier.
      (strict && !!unionCue) ||
      /^\s*(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:received|given|administered|completed)\b/i.test(text.slice(list.end, limitAfter)) ||
      PROHIBITED_BEFORE_AFTER_RE.test(text.slice(list.end, limitAfter)) ||
      contextCue ||
      !!list.requiredReceipt ||
      !!stop ||
      (negForMode && (/^\W*(?:no|not|without|none)\b/i.test(text.slice(s, list.start)) || ctxNeg));
    // A permission inside an exception the list is not in ("…, with the exception of corticosteroids as
    // replacement therapy, which are allowed") is about the exception, not the list.
    const exceptionsElsewhere = input.scopes.scopes.filter((sc) => sc.kind === 'exception' && sc.start < e && sc.end > s && !(list.start >= sc.start && list.end <= sc.end));
    const sentenceForList = exceptionsElsewhere.length ? maskSpans(text, s, e, exceptionsElsewhere.map((sc): Span => [sc.start, sc.end])) : sentence;
    const permittedList = permission && permits(sentenceForList) && permitsList(sentenceForList, list.start - s, list.end - s, sentence);
    // "Prior X is allowed (if …)": X is what is permitted. Not "eligible if they received X" (X is
    // then the requirement). In an exclusion list the permission carves out of the rest, which the
    // gate, all(X, unread), never contradicts. A permission needs no cue: "Peri-operative radiation
    // therapy is allowed" permits having had it.
    const permittedHere = (): boolean =>
      !isNeg &&
      (PERMITTED_SUBJECT_RE.test(text.slice(list.end, e).replace(PAREN_RE, ' ')) ||
        PERMITTED_OBJECT_RE.test(text.slice(Math.max(s, list.start - 80), list.start)) ||
        ANY_NUMBER_BEFORE_RE.test(text.slice(Math.max(s, list.start - 80), list.start)) ||
        (REGARDLESS_NUMBER_BEFORE_RE.test(text.slice(Math.max(s, list.start - 80), list.start)) && UNCONDITIONAL_AFTER_RE.test(text.slice(list.end, e))));
    // "Regimens with atezolizumab alone or in combination … may be used": the sentence says how the study
    // may treat, not what the patient received; its only cue is a noun ("regimens with", "treatment with").
    if (STUDY_USE_AFTER_RE.test(text.slice(list.end, e)) && !PAST_CUE_RE.test(cueBefore) && !win && !oc.outcomes.length) {
      note('study use');
      continue;
    }
    // "… 1 to 3 lines of systemic treatment, which can include anti-PD-1 therapy, chemotherapy, and
    // anti-angiogenic agents": what the lines may have held, a permission. Required, the list would fail a
    // patient who had only some of it; it stays unread (the count before it is read on its own).
    if (MAY_INCLUDE_BEFORE_RE.test(text.slice(Math.max(s, list.start - 60), list.start))) {
      note('may include');
      continue;
    }
    // An exclusion that is only a treatment and its modifiers ("Palliative radiotherapy.", "Recent surgery or
    // radiotherapy") excludes either its receipt or its current use: receipt is necessary either way.
    const bare = !hasCue && bareExclusion(ctx, list, lists.length, s, e);
    const halfLivesOnly = !hasCue && HL_ONLY_RE.test(text.slice(list.end, limitAfter));
    if (!hasCue && !bare && !halfLivesOnly) {
      note('2:if hasCue');
      if (permittedList && permittedHere()) list.gate = true;
      continue;
    }
    // "Must have received A, B, extracorporeal photopheresis (ECP), C, or D": the list is the start of a
    // longer union whose other members it did not take; required alone it would fail a patient who had
    // only a later member.
    // (A permission of the list stays read, and so does a list with its outcome, which the outcome
    // readers join with the routes after it.)
    if (input.kind === 'inclusion' && !forbids && !permission && !oc.outcomes.length && UNION_CONTINUES_RE.test(text.slice(list.end, e))) {
      note('union continues past the list');
      continue;
    }
    if (permittedList && (!isNeg || /\b(?:no\s+limit|not\s+(?:be\s+)?required|not\s+(?:be\s+)?excluded|irrespective|regardless)\b/i.test(sentence))) {
      note('3:if permission  isNeg  bnoslimitnotsbesrequirednots');
      if (permittedHere()) list.gate = true;
      continue;
    }
    // A forbidding statement in an exclusion list ("May not have received X") reads either way. Not a
    // line that only describes the patient it excludes by a drug not had ("have not progressed on
    // treatment with X"): therapy-excluded-not-had.ts. (A local treatment not had, "has not had
    // radiotherapy to the target lesion", is mostly a lesion's requirement: left unread.)
    if (input.kind === 'exclusion' && isNeg && !(describesExcludedAsNotHad(text, s, e, list.start, list.end) && list.items.every((it) => [...it.kinds].every((k) => SYSTEMIC_KINDS.has(k))))) {
      note('4:if inputkind  exclusion  isNeg');
      continue;
    }

    const around = text.slice(Math.max(s, limitBefore), limitAfter);
    // Supportive care another condition required is current only by the words of its own alternative:
    // in "ongoing … autoimmune disease or any other condition that required X", "ongoing" is the first
    // condition's.
    const ownFrom = list.requiredReceipt ? Math.max(s, limitBefore, requirementClauseStart(text, s, list.start)) : Math.max(s, limitBefore);
    const ownAround = text.slice(ownFrom, limitAfter);
    const current =
      !!stop ||
      completedAll ||
      !!list.currentOrNeed ||
      (!oc.outcomes.length &&
      (CURRENT_RE.test(ownAround) ||
        concurrentUse(text.slice(ownFrom, list.end)) || CURRENT_BEFORE_RE.test(withoutMedicineRelative(text.slice(Math.max(s, list.start - 120), list.start))) || SUBJECT_ON_RE.test(cueBefore) || (useAfter && !PAST_CUE_RE.test(cueBefore)) ||
        (contextCurrent && !win && !PAST_CUE_RE.test(ownAround))) &&
      !NOT_CURRENT_RE.test(around) &&
      // "Subjects receiving any prior systemic therapy for advanced melanoma": "prior" says it was had, not that it goes on.
      !/\b(?:receiving|taking|using|undergoing)\s+(?:(?:any|other|the|a|an)\s+)*(?:prior|previous)\s+(?:[\w-]+\s+){0,3}$/i.test(text.slice(Math.max(s, list.start - 60), list.start)) &&
      !PAST_OR_CURRENT_RE.test(text.slice(Math.max(s, limitBefore), list.start)) &&
      !/\b(?:have|has|had)\s+been\s+(?:receiving|taking|on)\b/i.test(around));
    // A plan joined as an alternative clause after the list ("major surgery within …, or who plan to
    // undergo major surgery during the study period") holds its own time: the list's words end there.
    const planAlt = PLAN_ALT_CLAUSE_RE.exec(text.slice(list.end, limitAfter));
    const ownConduct = planAlt ? text.slice(Math.max(s, limitBefore), list.end + planAlt.index) : around;
    if (FUTURE_CONDUCT_RE.test(ownConduct) && !current && !win) {
      note('5:if FUTURECONDUCTREtestaround  current  win');
      continue;
    }

    // Surgery needs a time window; transplants are medical history; a generic "prior therapy" is
    // required only with a count or an outcome.
    // Where a finding must be sufficient but the text narrows it with something no fact says (a dose,
    // a site, "unless…"), it is kept as a necessary condition instead: joined with an unparsed leaf
    // for the qualifier, which is exact in three-valued logic ("radiotherapy to the breast" →
    // all(radiotherapy, unread "to the breast"): no radiotherapy rules it out, any leaves it open).
    let qualify: string | null = farWindow ? 'window past words' : stop ? 'cannot stop' : bare ? 'bare exclusion' : null;
    // "within 5 half-lives" alone: no number of days, only receipt is implied.
    if (halfLivesOnly && !win) {
      if (!strict) {
        note('8:half-lives only');
        continue;
      }
      qualify ??= 'half-life';
    }
    /** Why a positive inclusion's list is read as sufficient, any(X, unread), rather than necessary. */
    let sufficient: string | null = null;
    const items = list.items.filter((it) => {
      if (it.optional) return false;
      if (it.kinds.has('surgery') && !win) {
        // Any operation is broader than the one meant, which only a necessary reading may say.
        if (strict) {
          qualify ??= 'surgery';
          return true;
        }
        // "Patients must have undergone definitive breast surgery": in a positive inclusion any operation
        // is a necessary condition of the one meant, where the text says it was had.
        const lead = text.slice(Math.max(s, limitBefore, it.start - 60), it.start);
        if (
          input.kind === 'inclusion' &&
          !negForMode &&
          (/\b(?:undergone|underwent|had)\s+(?:(?:a|an|the|prior|previous|their)\s+)?(?:[\w()-]+\s+){0,3}$/i.test(lead) ||
            // "NSCLC treated with initial upfront resection", "Treated by surgery and adjuvant immunotherapy":
            // the patient's cancer treated so. Not where the criterion speaks of metastases or lesions
            // ("Treated with surgery and without evidence of progression" under a brain-metastasis heading):
            // the operation is then a lesion's, which a patient without such lesions need not have had.
            (/\btreated\s+(?:with|by)\s+(?:(?:a|an|the|prior|previous|their)\s+)?(?:[\w()-]+\s+){0,3}$/i.test(lead) &&
              !LESION_TOPIC_RE.test([...input.context, text.slice(s, it.start)].join(' ')))) &&
          !/\b(?:completed|elapsed|since|wash-?out|recovered|healed)\b/i.test(sentence)
        )
          return true;
        return false;
      }
      if (it.kinds.has('transplant')) return false;
      // "Anticancer therapy" read as kind 'systemic' is narrower than the text: never a requirement on its own.
      // "Systemic therapy" said in words is exact; "current" use of it is a requirement the text states.
      // So is "systemic therapy" the text says was received ("Patients who have received standard duration of
      // systemic therapy"): the receipt cue before it makes it the requirement.
      const saidReceived = !isBroadGeneric(ctx, it) && !it.generic && RECEIVED_BEFORE_RE.test(text.slice(Math.max(s, it.start - 60), it.start));
      if ((it.generic || (it.kinds.has('systemic') && it.kinds.size === 1 && !it.classes.size && !it.drugs.size && !(current && !isBroadGeneric(ctx, it)) && !saidReceived)) && !strict && !oc.outcomes.length && !win) return false;
      return true;
    });
    if (!items.length) {
      note('6:if itemslength');
      continue;
    }
    // An example in parentheses of a generic "anticancer treatment" ("(e.g., chemotherapy or stem cell
    // transplant)") is part of it: in a necessary reading the generic stands for every kind, so dropping
    // the example leaves nothing out.
    const head0 = list.items[0]!;
    const subsumed = (it: Item): boolean =>
      strict && it !== head0 && isBroadGeneric(ctx, head0) && /\(\s*(?:e\.?\s?g\.?|such\s+as|for\s+example)\b[^()]*$/i.test(text.slice(head0.end, it.start));
    const droppedItems = items.length < list.items.filter((i) => !i.optional && !(subsumed(i) && !items.includes(i))).length;
    // Members the lexicon does not know stay in the union as unparsed leaves ("… or bridging therapy"):
    // exact where the union excludes or is forbidden, and one sufficient option where it is required.
    // Not in a required "A, B and C", where each member is a requirement of its own.
    // "anti-tumor treatment including endocrine, chemical/radiotherapy, …": in a necessary reading the
    // generic stands for every kind, so an unread example after it ("chemical") names nothing more.
    const examplesOfGeneric = strict && isBroadGeneric(ctx, head0) && list.items.length > 1 && /^\s*,?\s*\(?\s*(?:including(?:,?\s+but\s+not\s+limited\s+to)?|such\s+as|e\.?\s?g\.?|for\s+example)\b/i.test(text.slice(head0.end, list.items[1]!.start));
    const unknownLeaves0 = list.unknownMember && !droppedItems && list.unknownSpans?.length && (strict || !list.hasAnd) ? list.unknownSpans : null;
    // Only a member that names a treatment ("electric field therapy", "chemical"): a device or a product
    // ("investigational device") may be no treatment of any kind the generic stands for.
    const subsumedUnknown = examplesOfGeneric ? (list.unknownSpans ?? []).filter(([a, b]) => a >= head0.end && /\b(?:therap(?:y|ies)|treatments?)\s*$|^\s*(?:chem|radi)/i.test(text.slice(a, b))) : [];
    const unknownLeaves = unknownLeaves0?.filter((sp) => !subsumedUnknown.includes(sp)).length ? unknownLeaves0.filter((sp) => !subsumedUnknown.includes(sp)) : null;
    const dropped = droppedItems || (list.unknownMember && !unknownLeaves && !(unknownLeaves0 && subsumedUnknown.length === unknownLeaves0.length));
    // Dropping a member is safe only from a union ("A or B" forbidden or excluding).
    if (dropped && ((list.hasAnd && !isNeg) || !strict)) {
      // Dropping a conjunct ("A and B") leaves a necessary condition.
      if (!strict) {
        note('7:if dropped  listhasAnd  isNeg  strict');
        continue;
      }
      qualify ??= 'dropped';
    }

    // Windows in half-lives ("within 4 weeks or 5 half-lives"). Only what is certain is read: with
    // "whichever is shorter" the window is at most 4 weeks, so receipt within 4 weeks is necessary;
    // with "whichever is longer" it is at least 4 weeks, so receipt within 4 weeks suffices and any
    // earlier receipt leaves it open; with neither, only receipt is implied. The half-lives stay an
    // unparsed leaf.
    const hlWin = win?.halfLife ? win : undefined;
    const hlSource = windowFromContext ? contextText : text;
    const hlLeaf: LeafCondition | null = hlWin
      ? {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: {
            text: `${hlSource.slice(hlWin.start, hlWin.end)}${hlWin.qualifierSpan && hlWin.qualifierSpan[0] >= hlWin.end ? `, ${hlSource.slice(hlWin.qualifierSpan[0], hlWin.qualifierSpan[1])}` : ''}`
              .replace(/[()]/g, ' ')
              .replace(/\s+/g, ' ')
              .replace(/\s+,/g, ',')
              .trim(),
          },
        }
      : null;
    // The half-life words are read into the leaf that stands for them.
    // So is a later window that restates the days ("(or if half-life is unknown, within 28 days)").
    const hlSpans: Span[] =
      hlLeaf && !windowFromContext && hlWin
        ? [
            [hlWin.start, hlWin.end],
            ...(hlWin.qualifierSpan ? [hlWin.qualifierSpan] : []),
            ...(hlWin.anchorSpan ? [hlWin.anchorSpan] : []),
            ...windows.filter((w) => w !== hlWin && w.start >= hlWin.end && w.days === hlWin.days && w.sense === hlWin.sense).map((w): Span => [w.start, w.end]),
          ]
        : [];
    let hlLonger = false;
    if (hlWin && hlWin.halfLife === 'longer') {
      if (!strict) {
        note('8:half-life longer');
        continue;
      }
      hlLonger = true;
    } else if (hlWin) {
      if (!strict) {
        note('8:half-life');
        continue;
      }
      if (hlWin.halfLife !== 'shorter') win = undefined;
      qualify ??= 'half-life';
    } else if (win && halfLife && !windows.some((w) => w.halfLife) && (windowFromContext || windows.length < 2 || HALF_LIFE_RE.test(text.slice(Math.max(s, win.start - 40), Math.min(e, win.end + 40)))) && !halfLifeLonger) {
      // Half-lives the window reader could not join to the days ("within 4 weeks; for agents with a
      // long half-life, 5 half-lives"): the same reading, with the words kept by the qualifier.
      if (!strict) {
        note('8:if win  halfLife  halfLifeLonger');
        continue;
      }
      if (!HALF_LIFE_SHORTER_RE.test(sentence)) win = undefined;
      qualify ??= 'half-life';
    }
    // A window later in the sentence that this list did not take may well belong to it.
    // "…, unless completed more than 6 months before enrolment": the exclusion is a window.
    let unlessSpan: Span | undefined;
    if (!win) {
      const um = UNLESS_SINCE_RE.exec(text.slice(list.end, e));
      const v = um ? toNumber(um[1]!) : null;
      const d = um ? unitDays(um[2]!) : null;
      if (um && v !== null && d !== null) {
        win = { start: list.end + um.index, end: list.end + um.index + um[0].length, days: Math.round(v * d), sense: 'within' };
        unlessSpan = [win.start, win.end];
      }
    }
    // Current use is within any later window too ("Receiving active immunosuppressive agents or chronic use of … within 14 days").
    if (strict && !win && !current && windows.some((w) => w.start > list.end)) qualify ??= 'later window';

    // What the clause says beyond this finding.
    // A steroid's dose inside the list is not read with it: it stays the qualifier.
    const own: Span[] = [...listSpans(list), ...spanOf(list.items), ...oc.spans, ...st.spans];
    // "…administered either as monotherapy or in combination with other therapies": any form of the
    // treatment counts, so the phrase is read with the list and its "or" offers no alternative.
    const form = FORM_RE.exec(text.slice(list.end, limitAfter));
    if (useAfter) own.push([list.end, list.end + useAfter[0].length]);
    own.push(...subsumedUnknown);
    if (form) own.push([list.end + form.index, list.end + form.index + form[0].length]);
    if (unlessSpan) own.push(unlessSpan);
    // "Have discontinued X at least 21 days prior to enrolment": with a time since, the verb only
    // says the treatment ended, which the window already reads.
    const ended = win?.sense === 'since' ? ENDED_BEFORE_RE.exec(text.slice(Math.max(s, list.start - 60), list.start)) : null;
    if (ended) own.push([list.start - ended[0].length, list.start]);
    // "… last dose of X should be > 14 days from …": the lead and the modal say only that the window is a gap.
    if (lastDoseLead && win) own.push([list.start - lastDoseLead[0].length, list.start], [list.end, win.start]);
    if (win?.sense === 'since' && win.start > list.end && MODAL_ENDED_GAP_RE.test(text.slice(list.end, win.start))) own.push([list.end, win.start]);
    // A window after the next list ("steroids (…) or other immunosuppressants within 14 days") is
    // that list's too: it stays free for it, and this finding ends before it.
    // Past an alternative no list took ("immunosuppressants, or live vaccines within 28 days") the window is
    // shared with what another reader may take: claiming it would make the two findings overlap, which
    // the assembler joins with "and".
    const unreadAltBefore = !!win && win.start > list.end && OTHER_TOPIC_MEMBER_RE.test(text.slice(list.end, win.start)) && UNREAD_ALT_RE.test(maskSpans(text, list.end, win.start, lists.flatMap((l) => spanOf(l.items))).replace(PAREN_RE, ' '));
    if (win && !windowFromContext && !(nextList && win.start > nextList.start) && !unreadAltBefore) own.push([win.start, win.end]);
    // "…, or anticipation of need for X during the study": a plan is another alternative, never a qualifier of this list.
    // Not where a condition after the plan ("…, unless the patient can be switched") may bind both.
    const futureAlt = FUTURE_ALT_RE.exec(text.slice(list.end, e));
    const clauseCut =
      /[,;]?\s*\b(?:or|and)\s+(?:those|patients?|participants?|subjects?|who|has|have|had|is|are)\b/i.exec(text.slice(list.end, e)) ??
      clauseAfterWindow(text.slice(list.end, e)) ??
      (futureAlt && !TRAILING_CONDITION_RE.test(text.slice(list.end + futureAlt.index, e)) ? futureAlt : null);
    const clauseEnd = clauseCut ? list.end + clauseCut.index : e;
    const restStart = Math.max(s, limitBefore);
    const rest = maskSpans(text, restStart, clauseEnd, [
      ...own,
      ...ctx.used,
      ...items.flatMap((i) => i.spans),
      ...lists.flatMap((l) => l.items.flatMap((i) => i.spans)),
      ...windows.map((w): Span => [w.start, w.end]),
      ...anchorPhrases(text, Math.max(s, limitBefore), e),
      ...anchorTreatments,
      ...hlSpans,
      ...(exceptLists.length ? input.scopes.triggers : []),
    ]);
    const exceptItems = exceptLists.filter((x) => x.start > list.end && x.start < limitAfter).flatMap((x) => x.items);
    if (strict) {
      // Each of these narrows what was read; a criterion limited to one cohort is narrowed too (in
      // an exclusion or a prohibition, a patient outside the cohort is not excluded either way).
      // "Prior MET inhibitor or hepatocyte growth factor-targeting therapy": the words of an unread
      // alternative that ends the clause are its own, not qualifiers of the list (the assembler joins
      // them with "or").
      const altCut = alternativeCut(ctx, list.end, clauseEnd, nextList?.start);
      let ownRest = altCut === null ? rest : rest.slice(0, altCut - restStart);
      // A parenthesis right after the list before (its dose, its examples, "(non-cell-based therapies)") is that list's.
      const asideBefore = prevList ? /^\s*(?:\([^()]{0,120}\))?/.exec(text.slice(restStart, list.start))![0].length : 0;
      if (asideBefore) ownRest = ' '.repeat(asideBefore) + ownRest.slice(asideBefore);
      // The words between "or" and the next list are that list's own ("… or chronic use of systemic corticosteroids").
      const orNext = nextList ? (/\b(?:or|and\/or)\s+((?:[\w-]+\s+){0,4})$/i.exec(text.slice(list.end, nextList.start)) ?? COMMA_NEXT_RE.exec(text.slice(list.end, nextList.start))) : null;
      if (input.kind === 'exclusion' && !negForMode && nextList && orNext && (altCut === null || altCut >= nextList.start) && !otherTopicOrs(ctx, list.end, nextList.start).some(([x, y]) => list.end + orNext.index >= x && list.end + orNext.index < y)) {
        const from = list.end + orNext.index - restStart;
        const to = nextList.start - restStart;
        if (from >= 0 && to <= ownRest.length) ownRest = ownRest.slice(0, from) + ' '.repeat(to - from) + ownRest.slice(to);
      }
      // "X, including but not limited to Y, Z": examples of the list, which narrow nothing ("limited" is no
      // "limited field"). Not before the list: there the list is the examples of something else ("active
      // infection, including but not limited to the use of antibiotics"), which the reading would join as a conjunct.
      ownRest = ownRest.replace(/\bbut\s+not\s+limited\s+to\b/gi, (m, at: number) => (restStart + at >= list.end ? ' '.repeat(m.length) : m));
      ownRest = withoutPatientWords(ownRest, restStart, list, st.spans);
      if (NARROW_RE.test(ownRest) && !(halfLife && halfLifeLonger)) qualify ??= `narrow ${NARROW_RE.exec(ownRest)?.[0] ?? ''}`;
      // "Previous systemic therapy for melanoma": the cancer it was given for narrows it (a patient
      // treated for another cancer is not meant), as "for their current cancer" does above. Where a
      // necessary reading is blocked, the cancer stays the plain reading's unread words, as before.
      // ("for cancer", "for any malignancy" narrow nothing.)
      if (
        !qualify &&
        input.mentions.some((m) => m.type === 'cancer' && m.id !== 'ANY_CANCER' && m.start > list.end && m.start - list.end <= 80 && FOR_CANCER_RE.test(text.slice(list.end, m.start))) &&
        !necessaryBlocked(ctx, list, items, s, restStart, clauseEnd, rest, !!win, dropped, prevList && !prevList.items[0]!.except && !isUsed(ctx, prevList.start, prevList.end) ? prevList : undefined, nextList?.start, unionCue, strict)
      )
        qualify = 'for a named cancer';
      // "Patients on warfarin who cannot be safely transitioned to …": a relative clause narrows the list.
      if (RELATIVE_AFTER_RE.test(text.slice(list.end, clauseEnd))) qualify ??= 'relative clause';
      if (TEMPORAL_LEFT_RE.test(ownRest.replace(/\bhalf[\s-]?li(?:fe|ves)\b[^,;.]*/gi, ''))) qualify ??= 'temporal';
      // "Chemotherapy is not accepted prior to the initiation of curative treatment": counted to an event
      // other than the study's start, which may lie in the patient's past; whoever had the treatment after
      // it is not refused, so its absence is only sufficient.
      const prohibited = PROHIBITED_BEFORE_AFTER_RE.exec(text.slice(list.end, limitAfter));
      if (prohibited && !STUDY_START_AFTER_RE.test(text.slice(list.end + prohibited[0].length, e))) qualify ??= 'counted to another event';
      if (SITE_RE.test(text.slice(list.end, altCut ?? e)) && items.some((i) => i.kinds.has('radiation') || i.kinds.has('surgery') || i.kinds.has('locoregional'))) qualify ??= 'site';
      // "pelvic radiotherapy", "whole brain radiation" are lexicon phrases of the kind: the site is in the item.
      if (items.some((i) => i.kinds.has('radiation') && SITE_IN_ITEM_RE.test(text.slice(i.start, i.end)))) qualify ??= 'site in item';
      // "palliative radiotherapy", "SBRT", "brachytherapy" are lexicon phrases read as any radiation: the form is in the item.
      if (narrowRadiationForm(text, items)) qualify ??= 'radiation form';
      // "TACE", "radiofrequency ablation" are read as any locoregional therapy, and "locoregional therapy",
      // "liver-directed therapy" as any locoregional therapy, radiation or surgery: the procedure, site or
      // intent in the words is narrower, so the reading stays partial.
      if (items.some((i) => i.kinds.has('locoregional'))) qualify ??= 'locoregional';
      if (COHORT_RE.test(text.slice(s, list.start)) || COHORT_TAIL_RE.test(text.slice(list.end, e)) || GROUP_LABEL_RE.test(text.slice(0, list.start)) || SUBGROUP_ONLY_RE.test(text)) qualify ??= 'cohort';
      if (list.requiredReceipt) qualify ??= 'required by a condition';
      // "Prior reaction to anti-PD-1 therapy": the reaction narrows the receipt (necessaryBlocked lets it head the list).
      if (input.kind === 'exclusion' && REACTION_BEFORE_RE.test(text.slice(Math.max(s, list.start - 40), list.start))) qualify ??= 'reaction to it';
      if (list.narrowedBy?.length) qualify ??= 'member modifier';
      // A number of days or weeks no window reader took ("≤5 half-lives or 2 weeks (whichever is longer) for X").
      if (!win && STATED_TIME_RE.test(sentence)) qualify ??= 'unread window';
      if (st.unknown) qualify ??= 'line setting';
      // An unread modifier right before the first item narrows it ("anthracenedione-based chemotherapy").
      // In "has had or has planned X" the plan is an alternative, not a modifier of X.
      // A gap that ends right before the list ("at least 3 weeks since the most recent X") is its lead, no modifier.
      const gapLead = !!win && win.end <= list.start && /^\s*$/.test(text.slice(win.end, list.start));
      if (!precededByCue(ctx, list.start, Math.max(s, limitBefore)) && !ended && !gapLead && !(list.plannedAlternative && /\b(?:plann\w*|scheduled)\s*(?:to\s+(?:have|receive|undergo)\s*)?$/i.test(text.slice(Math.max(s, list.start - 40), list.start))))
        qualify ??= 'modifier';
      // "Chronically treated with X": the adverb before the cue narrows X as "chronic X" does.
      if (/\b(?:chronically|long[\s-]term|continuously)\s+(?:treated|taking|receiving|using|on)\b(?:\s+with)?\s*$/i.test(text.slice(Math.max(s, list.start - 40), list.start))) qualify ??= 'modifier';
      // The plan stays unread beside the reading: any(X, unread).
      if (list.plannedAlternative) sufficient ??= 'planned';
      if (input.scopes.scopes.some((sc) => sc.kind === 'exception' && sc.start >= list.end && sc.start < limitAfter) && !exceptItems.length && !unlessSpan) qualify ??= 'exception';
      // "For participants with prior treatment of a bortezomib containing regimen, the best response …": the
      // treatment names the group the rest of the sentence binds; alone it excludes no one.
      if (GROUP_THAT_HAD_RE.test(text.slice(s, list.start))) qualify ??= 'group that had it';
      // "…, with some exceptions", "(with specific exceptions)": exceptions named elsewhere spare some patients.
      if (UNSTATED_EXCEPTIONS_RE.test(text.slice(list.end, e))) qualify ??= 'unstated exceptions';
      // An exception naming the same treatment ("radiotherapy ≤ 4 weeks, with the exception of a single
      // fraction of radiotherapy for palliation") carves out a part the facts cannot say, not all of it.
      if (exceptItems.some((x) => items.some((it) => [...it.kinds].every((k) => x.kinds.has(k)) && [...it.classes].every((c) => x.classes.has(c)) && [...it.drugs].every((d) => x.drugs.has(d)))))
        qualify ??= 'exception of the same treatment';
    } else {
      if (unknownLeaves) sufficient ??= 'unread member';
      // Where the text offers an alternative to the list ("… or be ineligible for it", "X or Y" with
      // Y unread) or limits the requirement to some patients ("Patients with BRAF-mutant melanoma must
      // have received a BRAF inhibitor", "Part B: …"), the list is not necessary but, read exactly, it
      // is sufficient: any(X, unread). Checked below like an exclusion's finding.
      if (ALTERNATIVE_RE.test(text.slice(list.end, e))) {
        note('16:if ALTERNATIVEREtesttextslicelistend e');
        sufficient ??= 'alternative';
      }
      // "progression while receiving X or within ≤12 weeks after the last dose": the time of the outcome, no upper bound on X.
      // "(participants who … received < 2 cycles are still eligible)": a bound inside an aside that lets
      // some patients in is the aside's, no upper bound on X.
      const ownBounds = rest.replace(PERMISSION_ASIDE_RE, (m) => ' '.repeat(m.length));
      if (UPPER_RE.test(oc.outcomes.length ? ownBounds.replace(OUTCOME_TIME_AFTER_RE, (m) => ' '.repeat(m.length)) : ownBounds)) {
        note('17:if UPPERREtestrest');
        continue;
      }
      if (/^[;.\s]*or\b/i.test(text.slice(e, e + 6)) || /^\W*or\b/i.test(sentence)) {
        note('alt-sentence');
        sufficient ??= 'alternative sentence';
      }
      // "For patients with documented PD while on adjuvant therapy with an anti-PD-1 therapy, a
      // confirmatory biopsy can be used …": a list inside a lead clause naming a group, before the comma
      // that opens the main clause, describes whom the main clause binds; it requires nothing itself.
      const groupLead = /^\W*for\s+(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who|whose)\b[^,;:()]*$/i.test(text.slice(s, list.start));
      const mainClause = groupLead ? /^[^,;:()]*,([^;]*)/.exec(text.slice(list.end, e)) : null;
      if (mainClause && THEN_RE.test(mainClause[1]!)) {
        note('list in a group lead clause');
        list.gate = true;
        continue;
      }
      // An optional partner ("with or without Y", "± Y") is dropped from its list, not a condition.
      // "must have received X and if PD-L1 ≥ 10% Y": a condition opening a conjunct of its own after the
      // list binds that conjunct only; X stays required (what follows is left unread beside it).
      const ownConjunct = CONDITIONAL_AFTER_AND_RE.test(text.slice(list.end, e)) && !CONDITIONAL_RE.test(text.slice(s, list.start));
      // A parenthesis that only leaves a cancer out ("melanoma (excluding uveal melanoma)") sets no condition on the list.
      if (!ownConjunct && CONDITIONAL_RE.test(maskCancerExclusionAsides(text, s, e, input.mentions).replace(/\bwith\s+or\s+without\b|±|\+\/-/gi, ' '))) {
        note('18:if CONDITIONALREtestsentence');
        if (/^\W*(?:if|for\s+(?:patients?|participants?|subjects?|those)\s+who)\b/i.test(text.slice(s, list.start)) && THEN_RE.test(text.slice(list.end, e))) {
          list.gate = true;
          continue;
        }
        // "X, unless the patient is not a candidate", "X, except for patients with pancreatic cancer",
        // "X is required if Y": the condition after the list spares some patients; X still suffices.
        // (So does "with the exception of patients with HNSCC", which spares them as "except" does.)
        if (CONDITIONAL_RE.test(text.slice(s, list.start)) || !/^[^.;]*?\b(?:unless|except|with\s+the\s+exception\s+of|if|provided)\b/i.test(text.slice(list.end, e)) || CONDITIONAL_RE.test(text.slice(list.end, e).replace(/\b(?:unless|except|with\s+the\s+exception\s+of|if|provided)\b[\s\S]*$/i, ''))) continue;
        sufficient ??= 'condition after';
      }
      if (ALT_ANY_RE.test(sentence) && /\bor\b/i.test(sentence)) {
        note('19:if ALTANYREtestsentence  borbitestsentence');
        sufficient ??= 'alternative';
      }
      if (list.hasAnd && /\bor\b/i.test(text.slice(list.start, list.end))) {
        note('20:if listhasAnd  borbitesttextsliceliststart listend');
        continue;
      }
      // "A or B" with one side unread: the side read is only one option.
      const near = maskSpans(text, Math.max(s, list.start - 60), Math.min(e, list.end + 60), [
        ...own,
        ...ctx.used,
        ...windows.map((w): Span => [w.start, w.end]),
        // Found over whole words: a window edge inside "unresectable or metastatic" must not hide the phrase.
        ...otherTopicOrs(ctx, wordStart(text, Math.max(s, list.start - 60), s), wordEnd(text, Math.min(e, list.end + 60), e)),
        // Found up to the sentence's end: a line-position phrase ("either in the first line or
        // sequentially in the first and second lines") may run past the window.
        ...linePositionOrs(text, wordStart(text, Math.max(s, list.start - 60), s), e),
        ...optionalPartners(text, wordStart(text, Math.max(s, list.start - 60), s), wordEnd(text, Math.min(e, list.end + 60), e)),
        // Found up to the sentence's end: the window's edge must not cut the partner's own "or other therapies".
        ...formPartners(text, wordStart(text, Math.max(s, list.start - 60), s), e),
        // "short course or long course radiation therapy": two forms of the one treatment, no other option.
        ...[localModifierPair(text.slice(Math.max(s, list.start - 60), list.start), Math.max(s, list.start - 60), items.some((i) => i.kinds.has('radiation') || i.kinds.has('surgery')))].filter((x): x is Span => !!x),
        // "adjuvant or palliative immunotherapy": two intents of the one treatment, no other option.
        ...[purposePairBefore(text.slice(Math.max(s, list.start - 60), list.start), Math.max(s, list.start - 60))].filter((x): x is Span => !!x),
      ]);
      // A word joined to the list by a slash ("anti-PD-1/ PD-L1inhibitor") is an unread member of it: another option.
      const slashMember = /^\s*\/\s*[A-Za-z]/.test(text.slice(list.end, e)) || /[A-Za-z][\w)-]*\s*\/\s*$/.test(text.slice(Math.max(s, list.start - 30), list.start));
      if (slashMember || /\b(?:or|and\/or)\b/i.test(oc.outcomes.length ? near.replace(OUTCOME_TIME_AFTER_RE, (m) => ' '.repeat(m.length)) : near)) {
        note('21:if borandorbitestnear');
        sufficient ??= 'or';
      }
      // "Patients who received X must …": X is the subject of the requirement, not the requirement.
      // Without a requirement placed on them after the list, "Patients who have received at least 2-4 months
      // of TKI therapy without progression" describes who is eligible: the treatment is the requirement. Not
      // under a lead-in, whose entries may each describe one group of patients ("Malignant Melanoma (MM)").
      if (SUBJECT_RE.test(text.slice(s, list.start)) && !(win && win.sense === 'since') && (THEN_RE.test(text.slice(list.end)) || permission || !!sufficient || input.kind !== 'inclusion' || input.context.length > 0)) {
        note('22:if SUBJECTREtesttextslices liststart  win  winsens');
        if (!sufficient && THEN_RE.test(text.slice(list.end, e))) list.gate = true;
        continue;
      }
      if (
        (/^\W*(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|whose|in|from|enrolled|who\s+(?:have|are)\s+(?!received|been|progressed))/i.test(text.slice(s, list.start)) &&
          /\b(?:must|should|need|needs|are\s+required|is\s+required|will\s+need|have\s+to)\b/i.test(sentence)) ||
        // "Patients with NSCLC must have had targeted therapy. Other patients must have had platinum-based
        // chemotherapy": the rest of the patients, a group the criterion named by another.
        (/^\W*(?:all\s+)?(?:other|remaining)\s+(?:patients?|participants?|subjects?)\b/i.test(text.slice(s, list.start)) &&
          /\b(?:must|should|need|needs|are\s+required|is\s+required|will\s+need|have\s+to)\b/i.test(sentence)) ||
        // "those without oncogene-driven tumors: Have progressed on …": a label naming the group it binds.
        SUBGROUP_LABEL_RE.test(text.slice(s, list.start)) ||
        GROUP_LABEL_RE.test(text.slice(0, list.start)) ||
        // "For patients with melanoma, prior therapies include a BRAF inhibitor": the lead clause names
        // the group the rest binds, with or without "must".
        GROUP_LEAD_CLAUSE.test(text.slice(s, list.start)) ||
        COHORT_RE.test(text.slice(s, list.start)) ||
        SUBGROUP_ONLY_RE.test(text)
      ) {
        note('23:if Wforspatientsparticipantssubjectsthoseindividua');
        if (SUBJECT_RE.test(text.slice(s, list.start)) && THEN_RE.test(text.slice(list.end, e))) {
          list.gate = true;
          continue;
        }
        sufficient ??= 'subgroup';
      }
      if (sufficient) {
        const why = insufficient(ctx, list, items, st.unknown, sufficient, s, e, own, windows, Math.max(s, limitBefore));
        if (why) {
          note(`insufficient:${sufficient}:${why}`);
          continue;
        }
        note(`sufficient:${sufficient}`);
      }
    }

    const params: Record<string, unknown> = {};
    if (win) params.withinDays = win.days;
    else if (current) params.withinDays = 1;
    // "chemoradiotherapy", "chemo-immunotherapy": both kinds together, which no single filter says.
    // A locoregional phrase of several kinds is a union ("liver-directed therapy" is an ablation, an
    // embolization, radiation or a resection), never both kinds at once; its qualifier below keeps it partial.
    const multiKind = items.some((i) => i.kinds.size > 1 && !i.classes.size && !i.drugs.size && !i.kinds.has('locoregional'));
    if (multiKind && (strict || items.length > 1)) {
      // "Chemoradiotherapy" implies each kind, though not that they were given together. So does a
      // union of such ("prior cCRT or sCRT"): any of the kinds is necessary, the rest stays unread.
      if (!strict) {
        note('24:if multiKind  strict  itemslength  1');
        continue;
      }
      qualify ??= 'multi-kind';
    }
    const naive = items.every((i) => i.suffix === 'naive');
    if (items.some((i) => i.suffix === 'naive') && !naive) {
      note('25:if itemssomei  isuffix  naive  naive');
      continue;
    }
    if (items.some((i) => i.suffix === 'sensitive') && input.kind === 'exclusion') {
      note('26:if itemssomei  isuffix  sensitive  inputkind  excl');
      continue;
    }

    // Findings a later (or earlier) permission carves an exception out of are not safe.
    // In a necessary reading such a permission only narrows what was read, once more.
    if (permitted.some((p) => items.some((it) => related(ctx, p, it)))) {
      if (!strict) {
        note('27:if permittedsomep  itemssomeit  relatedctx p it');
        continue;
      }
      qualify ??= 'permission elsewhere';
    }
    // In an exclusion, a permission in a later sentence that names no treatment the reader knows ("Received
    // prior immunotherapy; previous (neo)adjuvant treatment is allowed if …") may carve out of this list.
    if (strict && input.kind === 'exclusion' && permissionAfter(text, e, therapySentences(text), permits, (a, b) => input.mentions.some((m) => THERAPY_TYPES.has(m.type) && m.start >= a && m.end <= b)))
      qualify ??= 'permission elsewhere';
    // Another sentence giving a related treatment its own window ("A 1-week washout is required for
    // palliative radiation", "6 weeks for nitrosoureas") refines this one; its window may be the
    // longer, so a necessary reading keeps only the receipt. Not one inside an exception ("(exceptions:
    // …; palliative radiotherapy completed > 2 weeks before …)"): an exception only spares patients the
    // window excludes, so the window stays necessary, and the exception is the qualifier's.
    if (
      win &&
      ctx.windowed.some(
        (w) => !(w.start >= s && w.end <= e) && !inSparingException(ctx, w.item.start) && items.some((it) => related(ctx, w.item, it) && !(kindsOf(ctx, w.item).has('systemic') && !kindsOf(ctx, it).has('systemic'))),
      )
    ) {
      if (!strict || win.sense !== 'within') continue;
      win = undefined;
      delete params.withinDays;
      qualify ??= 'window elsewhere';
    }
    let qualifier: { leaf: LeafCondition; spans: Span[] } | null = null;
    let hlExtra: LeafCondition | null = null;
    let exceptionsTail: Span | null = null;
    if (qualify) {
      const prevUnread = prevList && !prevList.items[0]!.except && !isUsed(ctx, prevList.start, prevList.end) ? prevList : undefined;
      let why = necessaryBlocked(ctx, list, items, s, restStart, clauseEnd, rest, !!win, dropped, prevUnread, nextList?.start, unionCue, strict);
      // "For participants with prior treatment of a bortezomib containing regimen, the best response … was not
      // MR or better, or participant discontinued bortezomib …": every alternative of the main clause is said of
      // the group the lead clause names, so each needs the treatment that names it (its receipt only: an
      // outcome or a window read beside it may belong to one alternative).
      if (why === 'alternative after' && input.kind === 'exclusion' && !oc.outcomes.length && !st.settings.length && !win && GROUP_THAT_HAD_RE.test(text.slice(s, list.start)) && /^[^,;:()]*,\s*\S/.test(text.slice(list.end, e))) why = null;
      if (why) {
        note(`unqualified:${qualify}:${why}`);
        continue;
      }
      note(`qualified:${qualify}`);
      // A necessary reading of a generic "anticancer therapy" must not be narrower than the text
      // (radiotherapy and surgery are anticancer treatments too), nor carve out exceptions the
      // qualifier may narrow further.
      for (const it of items) if (isBroadGeneric(ctx, it)) it.kinds = new Set(ANY_TREATMENT);
      // (The cancer a treatment was for narrows it without touching what it excepts: "treatment for
      // their melanoma other than anti-PD-1 treatment".)
      if (qualify !== 'for a named cancer') exceptItems.length = 0;
      // "4 weeks or 5 half-lives, whichever is longer": a window of unknown length, so only receipt is implied.
      if (halfLife && halfLifeLonger && !hlLonger) delete params.withinDays;
      // Other windows later in the clause may be alternatives ("within 2 weeks, or … within 4 weeks"):
      // only the longest is implied.
      // (Not the windows of an exception, which only spare patients: "(exceptions: … completed > 10 days before …)".)
      const others = windows.filter((w) => w !== win && w.start >= list.end && w.end <= clauseEnd && !inSparingException(ctx, w.start));
      if (win && others.length) {
        if (others.every((w) => w.sense === win!.sense)) params.withinDays = Math.max(win.days, ...others.map((w) => w.days));
        else delete params.withinDays;
      }
      // The qualifier is this list's own: not a parenthesis that qualifies the list before it, nor the
      // words of the next list's alternative.
      const aside = prevList ? /^\s*(?:\([^()]{0,120}\))?/.exec(text.slice(restStart, list.start))![0].length : 0;
      const qualEnd = nextList && nextList.start < clauseEnd && nextList.start > list.end ? nextList.start : clauseEnd;
      // Modifiers of the next member after a comma (", large area radiotherapy") are not this list's qualifier.
      // So is the "or" that joins it ("allogeneic T cell therapy or NK cell therapy").
      const between = nextList && qualEnd === nextList.start ? text.slice(list.end, qualEnd) : '';
      const nextMods = between ? (OR_NEXT_RE.exec(between) ?? COMMA_NEXT_RE.exec(between)) : null;
      const qualText = rest.slice(aside, qualEnd - restStart);
      const cut = nextMods ? nextMods[0].length - (/^\s*,/.test(nextMods[0]) ? nextMods[0].replace(/^\s*,\s*/, '').length : 0) : 0;
      const qualMasked = cut ? qualText.slice(0, qualText.length - cut) + ' '.repeat(cut) : qualText;
      // "unable to interrupt" is the qualifier whatever words the clause holds besides.
      if (stop) qualifier = { leaf: { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(restStart, clauseEnd).replace(/\s+/g, ' ').trim() } }, spans: [stop, [restStart, clauseEnd]] };
      else qualifier = (qualify === 'site in item' || qualify === 'radiation form' ? null : qualifierOf(ctx, restStart + aside, qualEnd, qualMasked)) ?? {
        leaf: hlLeaf && qualify === 'half-life' ? hlLeaf : { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(restStart, clauseEnd).replace(/\s+/g, ' ').trim() } },
        // The event a prohibition is counted to is the leaf's own words (the treatment it names too).
        spans: qualify === 'counted to another event' ? [[list.end, clauseEnd]] : [],
      };
      // A window later in the clause that bounds no list ("unless … completed 6 months before enrolment")
      // is part of the qualifier's words, not left over beside it.
      if (qualify === 'later window' && qualifier.leaf.fact === 'unparsed' && qualifier.spans.length) {
        const later = windows.filter((w) => w.start > list.end && w.end <= qualEnd && !isUsed(ctx, w.start, w.end));
        const words = qualifier.spans.filter(([x, y]) => !QUALIFIER_SKIP.has(text.slice(x, y).toLowerCase()));
        const from = Math.min(...(words.length ? words : qualifier.spans).map(([x]) => x), ...later.map((w) => w.start));
        const to = Math.max(...qualifier.spans.map(([, y]) => y), ...later.map((w) => w.end));
        if (later.length) qualifier = { leaf: { ...qualifier.leaf, params: { text: text.slice(from, to).replace(/\s+/g, ' ').trim() } }, spans: [...qualifier.spans, ...later.map((w): Span => [w.start, w.end])] };
      }
      if (hlLeaf && !hlLonger && qualifier.leaf !== hlLeaf) hlExtra = hlLeaf;
      // "…, with the following exceptions: * topical … * physiological doses …": the entries below are
      // exceptions to this finding, never reasons of their own, so they stay in its qualifier.
      const lead = strict && !stop ? FOLLOWING_EXCEPTIONS_RE.exec(text.slice(list.end, e)) : null;
      if (lead && !NUMBERED_ITEM_RE.test(text.slice(list.end + lead.index))) {
        const from = qualifier.spans.length ? Math.min(...qualifier.spans.map(([x]) => x)) : restStart;
        qualifier = {
          leaf: { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(from).replace(/\s+/g, ' ').trim() } },
          spans: [...qualifier.spans, [list.end + lead.index, text.length]],
        };
        exceptionsTail = [list.end + lead.index, text.length];
      }
    }


    const groups: Item[][] = [];
    const eachRequired = list.hasAnd && !negForMode && !(input.kind === 'exclusion' && !TOGETHER_RE.test(text.slice(Math.max(s, list.start - 40), list.end)));
    // "antibody drug conjugate with topoisomerase inhibitor (e.g., trastuzumab deruxtecan)": a combination
    // beside other members of a union is one alternative of it, any(all(A, B), C), read as one finding.
    const combinationInUnion =
      !qualifier &&
      !multiKind &&
      !eachRequired &&
      items.some((i) => i.combinedWithNext) &&
      items.some((it, i) => i > 0 && !items[i - 1]!.combinedWithNext) &&
      // Each boundary outside a combination says "or" or gives an example, not an abbreviation ("(AI)").
      // A bare comma counts when the series ends in "or" ("pembrolizumab, nivolumab, or nivolumab +
      // ipilimumab"): a serial list of alternatives, each comma standing for that "or".
      items.every((it, i) => i === 0 || items[i - 1]!.combinedWithNext || UNION_BOUNDARY_RE.test(text.slice(items[i - 1]!.end, it.start)) || (SERIAL_COMMA_RE.test(text.slice(items[i - 1]!.end, it.start)) && items.some((x, j) => j > i && !items[j - 1]!.combinedWithNext && /\bor\b/i.test(text.slice(items[j - 1]!.end, x.start)))));
    if (combinationInUnion) groups.push(items);
    else if (multiKind && !qualifier) {
      const it = items[0]!;
      for (const k of it.kinds) groups.push([{ ...it, kinds: new Set([k]) }]);
    } else if (!qualifier && (eachRequired || items.some((i) => i.combinedWithNext))) for (const it of items) groups.push([it]);
    else groups.push(items);

    if (unknownLeaves && groups.length > 1) {
      note('unread member of a combination');
      continue;
    }
    const spans: Span[] = [...own, ...exceptItems.flatMap((i) => i.spans)];
    // (Not one a kept member stands for: "active cancer treatment (e.g., chemotherapy or stem cell transplant)".)
    // Nor where a window after a kept last member may bind a transplant before it ("allogeneic SCT or
    // chemotherapy within 4 weeks"): the transplant's reader does not see that window, and apart its
    // reading would exclude a transplant of any time.
    const lastMember = list.items[list.items.length - 1]!;
    const droppedTransplants =
      items.some((it) => it.kinds.has('transplant')) || (win && items.includes(lastMember))
        ? []
        : list.items.filter((it) => !items.includes(it) && it.kinds.has('transplant'));
    // A purpose pair before the list ("receiving adjuvant or palliative immunotherapy") is the finding's
    // own words (its qualifier holds them): the cue before the pair heads the list, and the pair's "or"
    // joins no other finding.
    const purposePair = purposePairBefore(text.slice(Math.max(s, limitBefore, list.start - 60), list.start), Math.max(s, limitBefore, list.start - 60));
    if (purposePair) spans.push([purposePair[0], list.start]);
    const cue = cueRun(ctx, purposePair ? purposePair[0] : list.start, Math.max(s, limitBefore));
    if (cue) spans.push(cue);
    const cueAfter = /^\s*(?:must\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|be|been)\s+)?(?:received|given|administered|used|taken|completed|discontinued|stopped)\b/i.exec(text.slice(list.end, limitAfter));
    if (cueAfter) spans.push([list.end, list.end + cueAfter[0].length]);
    // "Prior immunotherapy for any malignancy", "… for cancer": the cancer it was given for is any, so
    // the words narrow nothing and are read with the list (a named cancer qualifies it, above).
    const forAnyCancer = input.mentions.find((m) => m.type === 'cancer' && m.id === 'ANY_CANCER' && m.start > list.end && m.start - list.end <= 40 && FOR_CANCER_RE.test(text.slice(list.end, m.start).replace(/\bany\s*$/i, '')));
    if (forAnyCancer && !input.mentions.some((m) => m.type === 'cancer' && m.id !== 'ANY_CANCER' && m.start >= forAnyCancer.start && m.start < forAnyCancer.end))
      spans.push([list.end, forAnyCancer.end]);

    // How soon after the treatment the outcome came ("progressed within 12 weeks after last dose of"): no
    // fact holds it, so it stays an unread leaf beside each finding, which is then only necessary.
    const timeSpan = !qualifier && oc.time ? oc.time : undefined;
    const timeLeaf: LeafCondition | null = timeSpan ? { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(timeSpan[0], timeSpan[1]).replace(/\s+/g, ' ').trim() } } : null;
    const settingList: Array<Setting | undefined> = st.settings.length ? st.settings : [undefined];
    const outcomeList: Array<Outcome | undefined> = oc.outcomes.length ? oc.outcomes : [undefined];
    // "Progressed on standard therapy": standard therapy may be surgery or radiotherapy as well as
    // drugs (therapy-standard.ts says why), so in a positive inclusion the outcome on it is read on
    // every anticancer kind, a necessary condition no narrower than the text.
    if (input.kind === 'inclusion' && oc.outcomes.length && !input.scopes.in('negated', list.start))
      for (const group of groups) for (const it of group) if (isBroadGeneric(ctx, it) && /\b(?:standard|SOC)\b/i.test(text.slice(it.start, it.end))) it.kinds = new Set(ANY_TREATMENT);
    for (const group of groups) {
      const conds: Condition[] = [];
      for (const setting of settingList) {
        for (const outcome of outcomeList) {
          const p: Record<string, unknown> = { ...params };
          if (setting) p.setting = setting;
          // "Progressed on standard therapy, including A and B": the progression was on the therapy as
          // a whole; A and B were only part of it.
          if (outcome && !group.every((i) => i.included)) p.outcome = outcome;
          let c = combinationInUnion ? unionOfCombinations(group, p, exceptItems) : conditionFor(group, p, exceptItems);
          // "Within 4 weeks or 5 half-lives, whichever is longer": receipt within 4 weeks, or receipt
          // earlier with the half-lives unknown.
          if (c && hlLonger && hlLeaf && p.withinDays !== undefined) {
            const { withinDays: _days, ...anyTime } = p;
            const earlier = combinationInUnion ? unionOfCombinations(group, anyTime, exceptItems) : conditionFor(group, anyTime, exceptItems);
            if (earlier) c = { any: [c, { all: [earlier, hlLeaf] }] };
          }
          if (c) conds.push(c);
        }
      }
      if (!conds.length) {
        note('28:if condslength');
        continue;
      }
      let condition: Condition = conds.length === 1 ? conds[0]! : { any: conds };
      if (unknownLeaves && strict) condition = { any: [condition, ...unknownLeaves.map(([a, b]): LeafCondition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(a, b).replace(/\s+/g, ' ').trim() } }))] };
      if (qualifier && group === groups[0]) condition = { all: [condition, ...(hlExtra ? [hlExtra] : []), qualifier.leaf] };
      if (timeLeaf) condition = { all: [condition, timeLeaf] };
      // The purposes no fact holds narrow the treatment: necessary with them unread beside it.
      // (Not where the qualifier already holds them.)
      const purposeText = purposePair ? text.slice(purposePair[0], purposePair[1]).replace(/\s+/g, ' ') : '';
      if (purposePair && !(qualifier && group === groups[0] && String(qualifier.leaf.params?.['text'] ?? '').includes(purposeText)))
        condition = { all: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: purposeText } }] };
      let polarityHandled = false;
      if (sufficient) {
        const words = sentence.replace(/\s+/g, ' ').trim();
        condition = { any: [condition, { fact: 'unparsed', operator: 'equal', value: true, params: { text: words } }] };
        polarityHandled = true;
      }
      // The other route's words are held in the sentence's unread leaf (therapy-refusal-routes.ts).
      const routeSpans = routeCover(sufficient, text, s, e, input.mentions.filter((m) => !THERAPY_TYPES.has(m.type)));
      if (ctxNeg) {
        condition = flipBool(condition);
        polarityHandled = true;
      }
      if (naive) {
        condition = flipBool(condition);
        polarityHandled = !isNeg;
      } else if ((sinceSense || completedAll) && !isNeg && !requiredGap) {
        condition = flipBool(condition);
        polarityHandled = true;
      } else if (restated) polarityHandled = true;
      if (stop || outcomeNegation) polarityHandled = true;
      // "Stereotactic radiosurgery must have been completed within 7 days prior to study treatment": the
      // treatment the sentence is about, if the patient had it. Required of everyone, the window failed
      // every patient who never had it.
      if (
        input.kind === 'inclusion' &&
        !isNeg &&
        !ctxNeg &&
        !naive &&
        isLeaf(condition) &&
        condition.value === true &&
        condition.params?.['withinDays'] !== undefined &&
        COMPLETED_WITHIN_AFTER_RE.test(text.slice(list.end, limitAfter))
      ) {
        const { withinDays: _window, ...ever } = condition.params;
        condition = { any: [{ ...condition, value: false, params: ever }, condition] };
        polarityHandled = true;
      }
      const groupSpans0 = groups.length === 1 ? spans : [...spans.filter((sp) => !list.items.some((i) => i.spans.includes(sp))), ...spanOf(group)];
      // Transplants dropped from the union are the history reader's: the finding does not span them.
      const groupSpans = list.hasAnd ? groupSpans0 : withoutDroppedMembers(groupSpans0, items, droppedTransplants);
      out.push({
        category: 'prior_therapy',
        condition,
        spans: mergeSpans(groupSpans),
        anchor: group[0]!.start,
        ...(polarityHandled ? { polarityHandled } : {}),
        ...(qualifier && group === groups[0]
          ? { cover: [...qualifier.spans, ...(unknownLeaves ?? []), ...hlSpans, ...routeSpans] }
          : unknownLeaves || (hlLonger && hlSpans.length) || timeSpan || routeSpans.length
            ? { cover: [...(unknownLeaves ?? []), ...(hlLonger ? hlSpans : []), ...(timeSpan ? [timeSpan] : []), ...routeSpans] }
            : {}),
      });
    }
    ctx.used.push(...own, ...exceptItems.flatMap((i) => i.spans), ...(exceptionsTail ? [exceptionsTail] : []));
  }
  if (out.length === findingsBefore) readGate(ctx, sentenceLists, s, e, out);
}

/**
 * "Receipt of the last dose of anticancer therapy > 12 weeks prior to randomization" (exclusion): the
 * last dose is the subject and the gap its age, said plainly as the whole sentence. It excludes those
 * who had the treatment and none of it since: all(X, not X within N), which spares the never-treated
 * and the recently treated alike. Only where nothing but the lead, the list, the gap and its anchor is
 * said (an exception or a condition beside them would narrow it).
 */
const OLD_LAST_DOSE_LEAD_RE =
  /^\W*(?:(?:receipt|administration|completion)\s+of\s+)?(?:the\s+|their\s+)?(?:last|final|most\s+recent)\s+(?:dose|administration|fraction|infusion|cycle)\s+of\s+(?:(?:any|the|prior|previous)\s+)*$/i;
function oldLastDoseFinding(ctx: Ctx, list: List, win: Window, s: number, e: number): Finding | null {
  const { text } = ctx;
  const lead = OLD_LAST_DOSE_LEAD_RE.exec(text.slice(s, list.start));
  if (!lead || win.start < list.end || list.items.some((i) => i.except || i.suffix || i.optional || i.combinedWithNext)) return null;
  const spans: Span[] = [[s, list.start], ...listSpans(list), ...spanOf(list.items), [win.start, win.end], ...anchorPhrases(text, win.end, e)];
  // Left: brackets, the days the weeks restate ("(84 days)"), the anchor's own words.
  const left = maskSpans(text, s, e, spans).replace(/\(\s*\d+\s*(?:days?|weeks?)\s*\)/gi, ' ');
  if (/[^\s().,;:\\/-]/.test(left.replace(/\b(?:and\/or|and|or|prior\s+to|before|the|randomi[sz]ation|registration|enrol?lment|study\s+(?:entry|treatment|drug))\b/gi, ' '))) return null;
  // "anticancer therapy (chemotherapy and/or RT)": the parenthesis says which therapy is meant, and a
  // last dose of another (hormonal therapy given since) must not hide the old one.
  const [first, second] = list.items;
  const named = second && isBroadGeneric(ctx, first!) && /^\s*\(\s*$/.test(text.slice(first!.end, second.start)) ? list.items.slice(1) : list.items;
  const ever = conditionFor(named, {});
  const recent = conditionFor(named, { withinDays: win.days });
  if (!ever || !recent) return null;
  return { category: 'prior_therapy', condition: { all: [ever, flipBool(recent)] }, spans: mergeSpans([[s, e]]), anchor: list.start, polarityHandled: true };
}

/**
 * Words that make "A and B" one treatment given together ("both A and B", "a combination of A and
 * B", "radiation and concurrent temozolomide"). Without them, an exclusion's "A, B and C" names
 * things each of which excludes: one finding over the list (its filters are any-of), not all of them.
 */
const TOGETHER_RE = /\b(?:both|combination|combined|together|concurrent(?:ly)?|concomitant(?:ly)?|simultaneous(?:ly)?|sequential(?:ly)?|followed\s+by)\b/i;

/** A boundary that is only a comma (with its spaces). */
const SERIAL_COMMA_RE = /^\s*,\s*$/;
const UNION_BOUNDARY_RE = /\b(?:or|and\/or|e\.?\s?g|such\s+as|including|for\s+example)\b/i;

/** Items joined by combination words stay together (all); the rest of the list is their union (any). */
function unionOfCombinations(items: Item[], params: Record<string, unknown>, except: Item[]): Condition | null {
  const singles: Item[] = [];
  const combos: Condition[] = [];
  let seg: Item[] = [];
  for (const it of items) {
    seg.push(it);
    if (it.combinedWithNext) continue;
    if (seg.length === 1) singles.push(it);
    else {
      const parts = seg.map((x) => conditionFor([x], params, except)).filter((c): c is Condition => !!c);
      if (parts.length) combos.push(parts.length === 1 ? parts[0]! : { all: parts });
    }
    seg = [];
  }
  const single = singles.length ? conditionFor(singles, params, except) : null;
  const all = [...(single ? ('any' in single ? single.any : [single]) : []), ...combos];
  if (!all.length) return null;
  return all.length === 1 ? all[0]! : { any: all };
}

/** A receipt verb at the head of the clause before a treatment ("have received standard duration of"). */
const RECEIVED_BEFORE_RE = /\b(?:received|undergone|underwent|been\s+treated\s+with|treated\s+with|had)\s+(?:(?:at\s+least|a\s+minimum\s+of)\s+\S+\s+)?(?:(?:any|a|an|the|prior|previous|standard|duration|course|courses|cycles?|line|lines|of|one|1|two|2|or|more)\s+)*$/i;

/** After a treatment, a completion it must have had within a window: "must have been completed within 7 days". */
const COMPLETED_WITHIN_AFTER_RE =
  /^\s*(?:must|should|shall|has\s+to|have\s+to)\s+(?:have\s+)?(?:been\s+)?(?:completed|finished|done|administered|given)\s+(?:within|in\s+the\s+(?:last|past))\b/i;
/** A relative clause right after a list, unless it only says the treatment was given (read with the window). */
const RELATIVE_AFTER_RE = /^\s*,?\s*(?:who|whom|whose|that|which)\b(?!\s+(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?(?:given|administered|received|completed|used|taken|started|initiated|stopped|discontinued)\b)/i;

/** A body site named inside a radiation phrase the lexicon reads as the bare kind. */
const SITE_IN_ITEM_RE =
  /\b(?:pelvic|pelvis|brain|cranial|craniospinal|chest|thoracic|thorax|abdominal|abdomen|breast|mediastinal|spinal|spine|bone|liver|hepatic|lung|head|neck|prostate|whole|partial|hemi|extended|involved|field|total\s+body|TBI|mantle|nodal|regional|local|focal)\b/i;

/** What may follow a window two alternatives share: its anchor ("of first dose of BI-1808") and the end. */
const SHARED_WINDOW_END_RE = /^\s*(?:(?:of|from|before|prior\s+to|preceding)\s+)?(?:(?:the|first|start|initiation|beginning|randomi[sz]ation|registration|enrol?lment|day|cycle|study|trial|treatment|dose|drug|medication|of|[\w-]*\d[\w-]*)\b\s*)*[.,;]?\s*$/i;
/** The head noun that ends a treatment phrase. */
const TREATMENT_HEAD_RE =
  /\b(?:therap(?:y|ies)|treatments?|inhibitors?|agents?|drugs?|antibod(?:y|ies)|regimens?|vaccines?|medications?|medicines?|products?|compounds?|modulators?|antagonists?|agonists?|blockers?|conjugates?|ADCs?|chemotherapy|radiotherapy|radiation|surgery|[a-z]{4,}(?:mab|nib|lib|sib|rafenib|parib|ciclib|tinib|platin|taxel|rubicin|tecan|mide|stat|zumab))\b/gi;

/** An alternative that is a determined noun phrase with a relative clause: "any agents that target EGFR". */
const ALT_RELATIVE_RE =
  /^\s*(?:with\s+)?(?:any|an?|other|another)\s+(?:(?!(?:that|which|whose|or|and)\b)[\w-]+\s+){0,3}?(?:therap(?:y|ies)|treatments?|inhibitors?|agents?|drugs?|antibod(?:y|ies)|medications?|medicines?|products?|compounds?)\s+(?:that|which|whose)\b/i;
/**
 * Where an unread alternative begins after a list ("… or hepatocyte growth factor-targeting therapy"),
 * when it is a bare treatment phrase ending the clause: nothing after its head noun that could
 * qualify the list too. Null when there is none, when it is another list the reader takes, or when
 * words follow it.
 */
function alternativeCut(ctx: Ctx, listEnd: number, end: number, nextListStart: number | undefined): number | null {
  const { text } = ctx;
  const after = text.slice(listEnd, end);
  let depth = 0;
  // A comma before "any"/"another" starts the last member of the union as "or" does ("irinotecan, any
  // agents that target EGFR or MET"); not "other than", an exception.
  const re = /[()]|\b(?:or|and\/or)\b|,(?=\s*(?:any|another|other(?!\s+than\b))\s)/gi;
  for (let m = re.exec(after); m; m = re.exec(after)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const at = listEnd + m.index;
      if (OR_QUALIFIER_RE.test(after.slice(m.index + m[0].length))) return null;
      if (otherTopicOrs(ctx, listEnd, end).some(([x, y]) => at >= x && at < y)) continue;
      if (nextListStart !== undefined && nextListStart >= at && nextListStart < end) return null;
      const alt = text.slice(at + m[0].length, end);
      // A noun phrase of its own with a relative clause ("or any agent whose mechanism of action is to
      // inhibit the RAS-MAPK pathway"): the clause binds its own head noun, unless it holds a time or a
      // condition that may bind the list too.
      const rel = ALT_RELATIVE_RE.exec(alt);
      if (rel) {
        const clause = alt.slice(rel[0].length);
        if (TEMPORAL_LEFT_RE.test(clause) || TRAILING_CONDITION_RE.test(clause) || /[;:]/.test(clause) || windowsIn(text, at + m[0].length, end).length) return null;
        return at;
      }
      let last = -1;
      TREATMENT_HEAD_RE.lastIndex = 0;
      for (let h = TREATMENT_HEAD_RE.exec(alt); h; h = TREATMENT_HEAD_RE.exec(alt)) last = h.index + h[0].length;
      if (last < 0) return null;
      // After the head noun: at most an aside in parentheses and closing punctuation, or the window
      // both share ("Chemotherapy or small molecule products within 4 weeks of first dose").
      if (!/^\s*(?:\([^()]{0,120}\))?\s*[.,;]?\s*$/.test(alt.slice(last))) {
        const from = at + m[0].length + last;
        const w = windowsIn(text, from, end)[0];
        if (!w || !/^\s*$/.test(text.slice(from, w.start)) || !SHARED_WINDOW_END_RE.test(text.slice(w.end, end))) return null;
      }
      return at;
    }
  }
  return null;
}

/** A lead-in whose entries are causes of a reaction, not treatments received. */
const CONTEXT_BLOCK_RE = /\b(?:hypersensitiv\w*|allerg\w*|anaphyla\w*|intoleran\w*)\s+(?:reactions?\s+)?(?:to|against)\b[^:.;]*:\s*$/i;

/** The head noun that ends an unread member of a union: "bridging therapy", "vaccines", "tumor embolization". */
const MEMBER_RE =
  /^(?:(?!(?:within|since|prior|previous|previously|received|receiving|treated|for|in|to|of|on|at|by|after|before|during|who|that|which|not|no|than|with|without|including|include|such|as|except|unless|if|the|is|are|was|were|has|have|had|been|be|must|should|may|any|another|all|these|those|this|its|their)\b)[\w-]+(?:\/[\w-]+)*\s+){0,4}(?:therap(?:y|ies)|treatments?|agents?|drugs?|medications?|medicines?|vaccines?|vaccinations?|inhibitors?|antibod(?:y|ies)|embolization|biologics?|preparations?|compounds?|products?|devices?)$/i;
/**
 * Members another reader takes as a topic of its own ("live vaccines": attestation live_vaccine). As an
 * unparsed leaf inside this union the two findings would overlap and be joined with "and".
 */
const OTHER_TOPIC_MEMBER_RE = /\b(?:live|attenuated)\b[^,;]*\bvaccin/i;
const MEMBER_SEP_RE = /\s*(?:,|\/|\band\s*\/\s*or\b|\bor\b|\band\b)\s*/gi;
/** After a list: "or antiviral therapy are used or are being used within 4 weeks": an unread member sharing the window. */
const TRAILING_MEMBER_RE =
  /^(\s*,?\s*(?:or|and\/or|and)\s+)((?:[\w-]+(?:\/[\w-]+)*\s+){0,4}?[\w-]+(?:\s+(?:or|and\/or)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?)(?=\s*,?\s*(?:(?:(?:is|are|was|were|has|have)\s+(?:been\s+|being\s+)?(?:used|given|administered|received|taken)|(?:has|have)\s+been|(?:must|should)\s+(?:be|have\s+been)\s+(?:discontinued|stopped)|(?:or|and\/or))\s+)*(?:within|in\s+the\s+(?:last|past|previous)|(?:at\s+least\s+)?\d+\s*(?:days?|weeks?)\s+(?:prior|before))\b)/i;

/** One modifier joined by "or" right before a list, after a cue or an article: "with a non-approved or ". */
const LEADING_MEMBER_RE = /((?:^|\b(?:with|any|an?|prior|previous|received|receiving|had|use|using)\s+))([A-Za-z][\w-]*)\s+(?:or|and\/or)\s+$/i;
/**
 * A whole member before "or" and a list, after the cue that governs both ("use of", "treatment with"):
 * group 2 is the member, ending in a medicine noun ("topical or oral anti-inflammatory medication").
 */
const LEADING_WHOLE_MEMBER_RE =
  /(\b(?:use\s+of|usage\s+of|intake\s+of|treatment\s+with|therapy\s+with|receiving|taking|using)\s+(?:(?:an?|the)\s+)?)((?:[A-Za-z][\w-]*\s+){0,4}?(?:medications?|medicines?|drugs?|agents?))\s+(?:or|and\/or)\s+$/i;
/** Route words opening such a member ("topical or oral"). */
const LEADING_ROUTE_RE = /^(?:(?:topical|oral|systemic|inhaled|intravenous|parenteral)\s+(?:(?:or|and\/or|and)\s+)?)+/i;
/** Words before "or" that are no member: negations, plans, times, cue words. */
const LEADING_NOT_MEMBER_RE = /^(?:no|not|nor|either|neither|plann\w*|schedul\w*|intend\w*|expected|anticipated|future|upcoming|concurrent|concomitant|current|prior|previous|recent|past|active|ongoing|known|suspected|both|and|or|other|any|another|all|one|two|more|less|same|similar)$/i;
/** A first item whose last word is a head noun the leading modifier shares. */
const MEMBER_HEAD_END_RE = /\b(?:therap(?:y|ies)|treatments?|agents?|drugs?|medications?|medicines?|products?|compounds?|inhibitors?|antibod(?:y|ies)|vaccines?|radiotherapy|radiation|chemotherapy|immunotherapy|steroids?|corticosteroids?)\s*$/i;

/** Words that narrow the treatment after them without naming another one. */
const MODIFIER_WORD_RE = /^(?:small|molecule|molecular|oral|topical|inhaled|systemic|intravenous|high|low|dose|long|short|acting)$/i;
/** Modifier words that name no narrower kind of the treatment after them. */
const NON_NARROWING_RE = /^(?:any|other|therapeutic|systemic|approved|anticancer|anti-cancer|antitumou?r|anti-tumou?r|antineoplastic|cancer)$/i;

/** The span of the one unread member in a gap between two items, without its connectives. */
function memberSpan(gap: string, at: number): Span | null {
  const m = /^[\s,/]*(?:(?:and|or|and\/or)\s+)?([\s\S]*?)[\s,/]*(?:(?:or|and|and\/or)\s+)?$/i.exec(gap);
  const body = m?.[1]?.replace(/[\s,/]+$/, '');
  if (!body) return null;
  const from = at + gap.indexOf(body);
  return [from, from + body.length];
}

/** Right before a list: its last dose is what the sentence times ("…, but last dose of …", "The last administration of …"). */
const LAST_DOSE_SUBJECT_RE = /(?:^|[,;:]\s*(?:but\s+|and\s+)?|\bbut\s+)(?:the\s+)?(?:last|final)\s+(?:dose|administration|fraction|infusion)\s+of\s+(?:(?:any|the|prior|previous)\s+)*$/i;
/** Between the list and its window: only a modal "be" ("… should be > 14 days from"). */
const MODAL_BE_BEFORE_WINDOW_RE = /^[\s,]*(?:must|should|shall|needs?\s+to|has\s+to|is\s+required\s+to)\s+(?:be|have\s+been)\s*$/i;
/** A modal that ends the treatment: "must be discontinued", "should be completed", "must stop". */
const MODAL_ENDED = String.raw`(?:must|should|shall|needs?\s+to|(?:is|are)\s+required\s+to|ha(?:ve|s)\s+to)\s+(?:be\s+|have\s+(?:been\s+)?)?(?:discontinued?|stop(?:ped)?|completed?|ceased?|finish(?:ed)?|withdrawn|off)`;
/** Between a list and its window, a modal that makes the window a requirement ("X must be discontinued 14 days prior"). */
const MODAL_BEFORE_WINDOW_RE = new RegExp(String.raw`^[\s,]*(?:[\w-]+\s+){0,3}?${MODAL_ENDED}\b`, 'i');
/** The whole gap between a list and its minimum gap is that modal: it says only that the window is a gap. */
const MODAL_ENDED_GAP_RE = new RegExp(String.raw`^[\s,]*${MODAL_ENDED}\s*$`, 'i');

/** Right after a member: the noun that makes it a device ("investigational device"), no treatment the facts hold. */
const DEVICE_AFTER_RE = /^[\s-]*(?:medical\s+)?devices?\b/i;

/**
 * "…, or any investigational therapy or investigational device, within 28 days": a later member of a
 * union that names a device is still one of its alternatives, kept as an unread member, where on its
 * own ("an investigational device") it names no treatment and leaves the list unread.
 */
function unreadDeviceMembers(ctx: Ctx, lists: Array<List & { unknownMember: boolean }>): void {
  const { text } = ctx;
  for (const l of lists) {
    for (let i = l.items.length - 1; i > 0; i--) {
      const it = l.items[i]!;
      const m = DEVICE_AFTER_RE.exec(text.slice(it.end, it.end + 20));
      if (!m) continue;
      l.items.splice(i, 1);
      l.unknownMember = true;
      (l.unknownSpans ??= []).push([it.start, it.end + m[0].length]);
      if (i === l.items.length) l.end = it.end + m[0].length;
    }
  }
}

/**
 * Joins lists parted only by members the lexicon does not know ("any anti-cancer therapy (prior
 * anti-cancer treatment or bridging therapy) or radiotherapy within 1 week"), and takes in an unread
 * member after a list that shares its window ("experimental therapies or antiviral therapy are used
 * within 4 weeks"). The union stays whole, its unread members unparsed leaves, instead of being
 * left unread for want of one member.
 */
function joinUnreadMembers(ctx: Ctx, lists: Array<List & { unknownMember: boolean }>, windows: Window[], e: number): void {
  const { text } = ctx;
  for (let k = lists.length - 1; k > 0; k--) {
    const a = lists[k - 1]!;
    const b = lists[k]!;
    if (!!a.items[0]!.except !== !!b.items[0]!.except || b.items.some((it) => it.except)) continue;
    const gap = text.slice(a.end, b.start);
    if (windows.some((w) => w.start >= a.end && w.end <= b.start)) continue;
    // "an ADC or antibody drug targeting EGFR": the phrase before a target names what targets it, not a member.
    if (/^(?:(?:directly|specifically|selectively)\s+)?(?:targeting|targeted|directed|against|that\s+targets?|which\s+targets?)\b/i.test(text.slice(b.start, b.end))) continue;
    if (!/^[\s,/()]*(?:or|and|and\/or)?\b|,/i.test(gap) || (gap.match(/\(/g)?.length ?? 0) > 1 || (gap.match(/\)/g)?.length ?? 0) > 1) continue;
    const spans: Span[] = [];
    let ok = true;
    let from = 0;
    const flat = gap.replace(/[()]/g, ' ');
    MEMBER_SEP_RE.lastIndex = 0;
    const pieces: Array<[number, number]> = [];
    for (let m = MEMBER_SEP_RE.exec(flat); m; m = MEMBER_SEP_RE.exec(flat)) {
      if (m[0].length === 0) {
        MEMBER_SEP_RE.lastIndex++;
        continue;
      }
      pieces.push([from, m.index]);
      from = m.index + m[0].length;
    }
    pieces.push([from, flat.length]);
    // Words right before the next list with no separator between are its modifier ("…, and systemic
    // hormone therapy", "oral fluoropyrimidines and small molecular targeted-drug therapy"), not a member.
    const lastPiece = pieces[pieces.length - 1]!;
    const modifier = flat.slice(lastPiece[0], lastPiece[1]).trim();
    // Only where the lists would otherwise be joined by "and", which in an exclusion reads as each
    // required: after "or" each list is read (or left unread) on its own as an alternative already.
    const modifierOnly = !!modifier && pieces.length > 1 && ctx.input.kind === 'exclusion' && /\band\b(?!\s*\/\s*or)/i.test(gap) && modifier.split(/\s+/).length <= 2 && modifier.split(/\s+/).every((w) => MODIFIER_WORD_RE.test(w) || SAFE_MODIFIER_RE.test(w) || ADJECTIVE_RE.test(w.toLowerCase()));
    if (modifierOnly) {
      pieces.pop();
      const narrowing = modifier.split(/\s+/).filter((w) => !NON_NARROWING_RE.test(w));
      if (narrowing.length) (a.narrowedBy ??= []).push(...narrowing);
    }
    for (const [x, y] of pieces) {
      const piece = flat.slice(x, y).trim();
      if (!piece) continue;
      if (!MEMBER_RE.test(piece) || OTHER_TOPIC_MEMBER_RE.test(piece)) {
        ok = false;
        break;
      }
      const at = a.end + x + flat.slice(x, y).indexOf(piece);
      spans.push([at, at + piece.length]);
    }
    if (!ok || !(spans.length || modifierOnly) || pieces.filter(([x, y]) => flat.slice(x, y).trim()).length > 3) continue;
    if (/\band\b(?!\s*\/\s*or)/i.test(gap)) a.hasAnd = true;
    a.items.push(...b.items);
    a.end = b.end;
    a.hasAnd ||= b.hasAnd;
    if (b.narrowedBy) (a.narrowedBy ??= []).push(...b.narrowedBy);
    if (spans.length) a.unknownMember = true;
    a.unknownSpans = [...(a.unknownSpans ?? []), ...spans, ...(b.unknownSpans ?? [])];
    lists.splice(k, 1);
  }
  for (let k = 0; k < lists.length; k++) {
    const l = lists[k]!;
    const limit = lists[k + 1]?.start ?? e;
    // "a non-approved or investigational drug": a modifier before "or" names a member sharing the first item's head noun.
    const first = l.items[0]!;
    // Not right after another list ("irradiation to the pelvis or chemotherapy"): the words are that list's.
    const lead = k > 0 && lists[k - 1]!.end > l.start - 60 ? null : LEADING_MEMBER_RE.exec(text.slice(Math.max(0, l.start - 60), l.start));
    if (lead && !first.drugs.size && MEMBER_HEAD_END_RE.test(text.slice(first.start, first.end)) && !CUE_WORDS.has(lead[2]!.toLowerCase()) && !LEADING_NOT_MEMBER_RE.test(lead[2]!)) {
      const at = l.start - lead[0].length + lead[1]!.length;
      l.unknownMember = true;
      (l.unknownSpans ??= []).push([at, at + lead[2]!.length]);
      l.start = at;
    }
    // "Use of topical or oral anti-inflammatory medication or steroids": a whole member the lexicon does
    // not know, its head a medicine noun, before "or" and the list. It joins the union as an unread
    // member. The route words before it may apply to the list as well ("topical or oral … steroids"),
    // so they stay outside the member, before the union, where they narrow all of it.
    const whole = lead || (k > 0 && lists[k - 1]!.end > l.start - 80) ? null : LEADING_WHOLE_MEMBER_RE.exec(text.slice(Math.max(0, l.start - 80), l.start));
    if (whole && MEMBER_RE.test(whole[2]!) && !OTHER_TOPIC_MEMBER_RE.test(whole[2]!)) {
      const route = LEADING_ROUTE_RE.exec(whole[2]!)?.[0].length ?? 0;
      const at = l.start - whole[0].length + whole[1]!.length + route;
      l.unknownMember = true;
      (l.unknownSpans ??= []).push([at, at + whole[2]!.length - route]);
      l.start = at;
    }
    // "Chemotherapy, immunotherapy, etc., have been used within 4 weeks": "etc." stands for members unnamed.
    // Not among examples in a parenthesis ("immunosuppressive therapy (such as anti-PD-1, CTLA-4, etc.)"),
    // which the head before them already names.
    const etc = /^(\s*,?\s*)etc\b\.?/i.exec(text.slice(l.end, limit));
    const opened = text.slice(0, l.end);
    if (etc && (opened.match(/\(/g)?.length ?? 0) <= (opened.match(/\)/g)?.length ?? 0)) {
      const at = l.end + etc[1]!.length;
      l.unknownMember = true;
      (l.unknownSpans ??= []).push([at, l.end + etc[0].length]);
      l.end += etc[0].length;
      continue;
    }
    // After a steroid's dose ("corticosteroids > 10 mg/day prednisone equivalent, or …") the list goes on past it.
    const lastDose = l.items[l.items.length - 1]!.dose;
    const from = lastDose && lastDose[1] > l.end && lastDose[1] <= limit ? lastDose[1] : l.end;
    // Matched up to the clause's end, not the next list's start: "or other drugs targeting T-cell pathways" is one
    // member, not "other drugs" before a list of its own.
    const m = TRAILING_MEMBER_RE.exec(text.slice(from, e));
    // "or other unapproved clinical trial drugs or treatments within 4 weeks": each piece must be a member.
    const pieces = m ? m[2]!.split(/\s+(?:or|and\/or)\s+/i) : [];
    if (!m || from + m[0].length > limit || pieces.some((piece) => !MEMBER_RE.test(piece)) || OTHER_TOPIC_MEMBER_RE.test(m[2]!)) continue;
    const at = from + m[1]!.length;
    // "A and B": in an exclusion each excludes, a union with the unread member; an inclusion's "and" joins
    // requirements, each left to be read (or left unread) on its own.
    if (/\band\s*$/i.test(m[1]!) && !/\band\s*\/\s*or\s*$/i.test(m[1]!)) {
      if (ctx.input.kind !== 'exclusion') continue;
      l.hasAnd = true;
    }
    l.unknownMember = true;
    (l.unknownSpans ??= []).push([at, at + m[2]!.length]);
    l.end = at + m[2]!.length;
  }
}

/** Unread members between two lists of one union: comma-separated, then an optional "or" and two words. */
const UNION_GAP_RE = /^[\s,/]*(?:(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*){0,4}(?:(?:or|and|and\/or)\s+)?(?:(?:any|other|the|prior)\s+)*(?:[\w-]+[\s/]+){0,2}(?:(?:use|usage|intake)\s+of\s+)?$/i;
/** The same with the "or" first: ", or oncolytic virus therapy, ". */
const UNION_GAP_OR_FIRST_RE = /^[\s,]*(?:or|and\/or)\s+(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*$/i;

/**
 * The words before a list less a medicine noun and its relative clause: "taking medications that are
 * considered strong CYP3A4 inhibitors" is taking the class, as "taking strong CYP3A4 inhibitors" is.
 */
function withoutMedicineRelative(before: string): string {
  const rel = MEDICINE_RELATIVE_HEAD_RE.exec(before);
  return rel ? before.slice(0, rel.index) : before;
}
/** Right before a list: it is taken now ("receiving", "on a stable dose of", "patients on"). */
const CURRENT_BEFORE_RE = new RegExp(
  String.raw`\b(?:receiving|taking|using|undergoing|on|${STABLE_DOSE})\s+(?:(?:any|other|the|a|an|concurrent|active|chronic|systemic|oral|daily|regular|long-term|${PURPOSE_MODIFIER})\s+)*$`,
  'i',
);
/** Right after a list: "prednisone use", "steroid intake" (not "use of X" before it, which CUE_RE reads). */
const USE_AFTER_RE = /^\s*(?:use|usage|intake|consumption|(?:(?:that\s+|which\s+)?(?:is|are)\s+)?(?:ongoing|still\s+ongoing))\b(?!\s+of\b)/i;
/** After a list, in its sentence: "… may be used", "… will be used" (the study's own regimen). */
const STUDY_USE_AFTER_RE = /^[^.;()]*?\b(?:may|can|will|shall)\s+be\s+used\b/i;
/** Words that put a use in the past, so "X use" is not current use. */
const PAST_CUE_RE = /\b(?:prior|previous(?:ly)?|past|history|had|received|ever|former|earlier|recent(?:ly)?)\b/i;

/** "must have completed all/any prior": what follows is done with, so none is ongoing. */
const COMPLETED_ALL_BEFORE_RE = /\bcompleted\s+(?:all|any)\s+(?:(?:prior|previous|other)\s+)*$/i;
/** After the list, only the time it refers to: "at the time of enrollment", "prior to registration". */
const COMPLETED_ALL_AFTER_RE =
  /^\s*(?:(?:at\s+the\s+time\s+of|prior\s+to|before|by\s+the\s+time\s+of)\s+(?:the\s+)?(?:study\s+)?(?:enrol?lment|registration|randomi[sz]ation|entry|screening|consent|first\s+dose(?:\s+of\s+study\s+(?:drug|treatment))?)\s*)?[.;]?\s*$/i;

/** Cheap gate for the two phrasings below. */
const STOP_GATE_RE = /\b(?:unable|unwilling|not\s+(?:able|willing)|inability|cannot|can\s*not|could\s+not|refus\w*)\b/i;
/** "Is unable to interrupt", "unable or unwilling to discontinue use of", right before the list. */
const CANNOT_STOP_BEFORE_RE =
  /\b(?:unable|unwilling|not\s+(?:able|willing)|inability|cannot|can\s*not|could\s+not|refus\w*)(?:\s+(?:or|and\/or)\s+(?:unable|unwilling|not\s+willing|refus\w*))?\s+(?:to\s+)?(?:safely\s+|temporarily\s+)?(?:interrupt|discontinue|stop|hold|withhold|cease|suspend|come\s+off)\s+(?:(?:the\s+)?(?:use|intake)\s+of\s+|treatment\s+with\s+|therapy\s+with\s+|taking\s+)?(?:(?:any|all|their|his|her|the|chronic|current|concomitant|concurrent|regular|daily)\s+)*$/i;
/** "… that cannot be interrupted", "which cannot be safely discontinued", right after the list. */
// (A closing quote may end the list first: 'medication(s) with a "Known risk of TdP" that cannot be discontinued'.)
const CANNOT_STOP_AFTER_RE =
  /^["”’']?\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:(?:that|which)\s+)?(?:cannot|can\s*not|could\s+not|can't|(?:is|are)\s+(?:not\s+able|unable)\s+to|may\s+not)\s+be\s+(?:safely\s+|temporarily\s+)?(?:interrupted|discontinued|stopped|held|withheld|suspended|ceased)\b/i;

/** The words between a treatment and the cancer it was given for: "for (the treatment of) (their) (advanced) ". */
const FOR_CANCER_RE =
  /^\s*\)?\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?:given\s+|received\s+|administered\s+)?(?:for|of)\s+(?:(?:the\s+)?(?:treatment|management)\s+of\s+)?(?:(?:their|his|her|the|this|a|an|advanced|metastatic|unresectable|inoperable|locally[\s-]+advanced|recurrent|relapsed|refractory|primary|early|stage\s+[IV]+[ABC]?|or|and|\/)\s*)*$/i;

/** A requirement on the kind of treatment, after it: "must be FDA-approved", "should be standard of care". */
const KIND_REQUIRED_AFTER_RE =
  /^\s*(?:must|should|has\s+to|have\s+to|needs?\s+to)\s+(?:be\s+)?(?:(?:an?|the)\s+)?(?:FDA[\s-]approved|approved|licensed|on[\s-]label|commercially\s+available|standard[\s-]of[\s-]care|not\s+(?:be\s+)?(?:experimental|investigational))\b/i;

/** A product named by what it contains, right before the list: "preparations containing", "products containing". */
const PRODUCT_CONTAINING_BEFORE_RE =
  /\b(?:preparations?|products?|remed(?:y|ies)|medications?|medicines?|drugs?|formulations?)\s+containing\s+(?:an?\s+)?$/i;
/** "Need for ongoing X", "needs continued X": a need to go on with what is taken now (lead words right before the list). */
const ONGOING_NEED_BEFORE_RE =
  /\bneeds?\s+(?:for|of)\s+(?:the\s+)?(?:ongoing|continued|continuing|continuous)\s+(?:(?:use|treatment|therapy|administration)\s+(?:of|with)\s+)?$/i;
/** "Current use or anticipated need for", "ongoing or expected need for": use now, or a need foreseen. */
const CURRENT_OR_FORESEEN_NEED_RE =
  /\b(?:current|ongoing|concurrent|concomitant)\s+(?:use|usage|intake|treatment|therapy)\s+(?:or|and\/or)\s+(?:the\s+|an?\s+)?(?:anticipated|expected|foreseen|foreseeable|planned|future)\s+need\s+(?:for|of)\s+$/i;
/** A plan joined by "or" to having had or receiving the treatment, either way round. */
const PLANNED_OR_HAD_RE =
  /\b(?:had|received|receiving|previous(?:ly)?|prior|current(?:ly)?|concurrent|undergone|underwent|completed|commenced)\b[^.;]{0,30}?\bor\s+(?:(?:has|have|is|are|be)\s+)?(?:plann\w*|scheduled|plans?\s+to)\b|\b(?:plann\w*|scheduled)\b(?:\s+(?:for|to\s+(?:receive|undergo|have)))?\s*,?\s*(?:or|and\/or)\s+(?:(?:has|have|is|are)\s+)?(?:had|received|receiving|previous(?:ly)?|prior|current(?:ly)?|concurrent|undergone|underwent|completed|commenced)\b/i;

/** Whether every item is a corticosteroid or an immunosuppressant (a class under them, or a drug in them). */
function steroidOrImmunosuppressantOnly(ctx: Ctx, items: Item[]): boolean {
  const { lex } = ctx;
  const under = (c: string): boolean => [c, ...(lex.classAncestors.get(c) ?? [])].some((x) => x === 'corticosteroid' || x === 'immunosuppressant');
  return items.every(
    (it) =>
      (it.classes.size > 0 || it.drugs.size > 0) &&
      it.kinds.size === 0 &&
      [...it.classes].every(under) &&
      [...it.drugs].every((d) => (lex.drugById.get(d)?.classes ?? []).some(under)),
  );
}

/** Whether every item is supportive care only (corticosteroids, immunosuppressants…), by its classes. */
function supportiveOnly(ctx: Ctx, items: Item[]): boolean {
  return items.every((it) => {
    const k = kindsOf(ctx, it);
    return k.size === 1 && k.has('supportive');
  });
}

/**
 * Whether another topic is named before the list ("pneumonitis requiring steroids"): the history reader
 * reads that condition with its treatment as a qualifier, and a finding here would be joined to it (and
 * to its alternatives) as a further requirement. A bare "a condition requiring steroids" names none.
 */
function namedTopicBefore(ctx: Ctx, s: number, at: number): boolean {
  return ctx.input.mentions.some((m) => !THERAPY_TYPES.has(m.type) && m.start >= s && m.end <= at);
}

/** Between two members of one optional partner: a bare "or", "and", "and/or" or slash, no comma (therapy.ts list joining). */
const OPTIONAL_PARTNER_JOIN_RE = /^\s*(?:or|and|and\s*\/\s*or|\/)\s+(?:(?:an?|the)\s+)?$/i;
/**
 * "X as monotherapy or in combination with Y", "X or combination of aforementioned with Y": X in any
 * form, Y only an optional partner of it.
 */
const FORM_OR_PARTNER = String.raw`(?:\b(?:alone|monotherapy|single[\s-]agents?)\s*,?\s+or\s+(?:in\s+)?(?:combination|combined)|\bor\s+(?:in\s+)?combination\s+of\s+(?:the\s+)?(?:aforementioned|above))\s+with\b`;
/** Right before an optional partner: "with or without an", "±", "+/-". */
const OPTIONAL_BEFORE_RE = new RegExp(
  String.raw`(?:(?:\bwith\s*\/?\s*or\s+without|\bwith\s*\/\s*without|±|\+\/-)\s*|${FORM_OR_PARTNER}\s+)(?:(?:an?|the|any|concurrent|prior|subsequent|additional|other)\s+)?(?:[\w-]+\s+){0,2}$`,
  'i',
);
/** The form phrase and a trailing "or other therapies" of the partner: no alternative to X. Read only for the "or" test. */
const FORM_OR_PARTNER_RE = new RegExp(
  String.raw`${FORM_OR_PARTNER}(?:[^.;()]{0,60}?\bor\s+(?:with\s+)?other\s+(?:[\w-]+\s+){0,2}?(?:therap(?:y|ies)|agents?|treatments?|drugs?|inhibitors?|modalit(?:y|ies))\b)?`,
  'gi',
);
function formPartners(text: string, a: number, b: number): Span[] {
  const sub = text.slice(a, b);
  // "administered in combination or sequentially": how the treatments named together were given.
  return [...sub.matchAll(FORM_OR_PARTNER_RE), ...sub.matchAll(FORM_GIVEN_OR_RE)].map((m): Span => [a + m.index, a + m.index + m[0].length]);
}
/** "with or without Y", "± Y", "(alone or with Y)": the optional partner's "or" offers no alternative to the list. */
// The parenthesis is taken whole: an "or" among the partners ("(alone or with either CTLA-4 or LAG-3
// blockade)") chooses a partner, never an alternative to the list.
// A bare "alone or in combination" (no partner named after it) says any form of the treatment counts: its
// "or" offers no alternative. With a partner ("alone or in combination with Y") the partner's reading is
// left to the partner's own checks, so the phrase is not masked there.
const OPTIONAL_PARTNER_RE = /\bwith\s+or\s+without\b|\(\s*(?:either\s+)?(?:alone|as\s+monotherapy|as\s+a\s+single\s+agent)\s+or\s+(?:with|in\s+combination\s+with|combined\s+with)\b(?:[^()]{0,120}\))?|\b(?:either\s+)?(?:alone|as\s+monotherapy|as\s+(?:a\s+)?single[\s-]agents?)\s+or\s+(?:in\s+(?:a\s+)?)?(?:combination|combined)\b(?!\s+(?:with|therapy\s+with|regimens?\s+with)\b)/gi;
function optionalPartners(text: string, a: number, b: number): Span[] {
  const out: Span[] = [];
  const sub = text.slice(a, b);
  OPTIONAL_PARTNER_RE.lastIndex = 0;
  for (let m = OPTIONAL_PARTNER_RE.exec(sub); m; m = OPTIONAL_PARTNER_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  return out;
}

/** Up to the last word that opens the clause holding a list: a modal, a colon, a relative pronoun, "or". */
const HEAD_START_RE = /^[\s\S]*(?:\b(?:must|should|shall|needs?\s+to|(?:is|are)\s+required\s+to|required|who|which|that|or|either|and\/or)\b|[:,(])/i;

/**
 * Why a positive inclusion's list cannot be read as sufficient for its alternative, or null when it
 * can: the reading must be exact (no qualifier left that narrows it, no modifier before it, no line
 * setting it cannot say), one treatment or a union (not "A and B"), and the sentence must join no
 * further requirement with "and" or "but" that the unread leaf would let pass.
 */
function insufficient(
  ctx: Ctx,
  list: List & { unknownMember: boolean },
  items: Item[],
  lineSetting: boolean,
  kind: string,
  s: number,
  e: number,
  own: Span[],
  windows: Window[],
  cueFrom: number,
): string | null {
  const { text, input } = ctx;
  // "Patients with pancreatic cancer must have received gemcitabine, 5FU, and oxaliplatin": each member
  // is read as its own finding, each any(member, the unread sentence), which the assembler joins with
  // "and": true only where every member was had, never false. That is exactly any(all(members), unread),
  // the sufficient reading of the whole list, so a list joined by "and" may stand for a subgroup or
  // beside an alternative. A combination ("A combined with B") is still one treatment of two parts.
  if ((list.hasAnd && !AND_LIST_SUFFICIENT.has(kind)) || items.some((i) => i.combinedWithNext)) return 'conjunction in list';
  if (items.some((i) => i.kinds.size > 1 && !i.classes.size && !i.drugs.size)) return 'multi-kind';
  if (items.some((i) => i.kinds.has('surgery') || i.kinds.has('transplant'))) return 'surgery';
  // "TACE", "radiofrequency ablation" are read as any locoregional therapy, broader than the procedure named.
  if (items.some((i) => i.kinds.has('locoregional'))) return 'locoregional kind';
  // "whole brain radiation therapy" is one lexicon phrase read as any radiation: only the bare kind is exact.
  if (items.some((i) => i.kinds.has('radiation') && !/^(?:radiation|radiotherapy|irradiation|radiation\s+therapy|radiation\s+treatment|RT)$/i.test(text.slice(i.start, i.end).trim()))) return 'radiation kind';
  // "standard therapy", "approved treatment" read as any systemic treatment is broader than the text.
  if (items.some((i) => (i.generic || i.kinds.has('systemic')) && /\b(?:standard|SOC|approved|available|line)\b/i.test(text.slice(i.start, i.end)))) return 'standard';
  if (lineSetting) return 'line setting';
  // A lead-in the reading did not take ("failed one of the following:") may say anything of the list.
  if (input.context.some((c) => /\b(?:fail\w*|progress\w*|refractor\w*|resist\w*|intoleran\w*|no|not|without|except|other\s+than|history|prior|previous\w*|received|treated|within|since)\b/i.test(c))) return 'context';
  // The optional partner of another list ("X with or without concurrent Y") is no requirement.
  if (/(?:\bwith\s+or\s+without|±|\+\/-)\s+(?:[\w-]+\s+){0,3}$/i.test(text.slice(Math.max(s, list.start - 60), list.start))) return 'optional partner';
  // Only cue words between the clause's verb and the list ("must have received prior"): anything else
  // may narrow it ("progressed following front-line X", "one prior line of X", "2 doses of").
  const head = HEAD_START_RE.exec(text.slice(s, list.start));
  const headFrom = head ? s + head[0].length : s;
  // "For patients with BCC, prior therapies include hedgehog pathway inhibitors": what the earlier
  // treatment included was received, as "must have received" says (not "which must include X", a part
  // of another treatment named before).
  const included = INCLUDED_IN_PRIOR_RE.exec(text.slice(headFrom, list.start));
  const includedFrom = included ? headFrom + included.index : list.start;
  // "received or refused a BRAF inhibitor": the refusal is the alternative itself, no word narrowing the list.
  const refusedHead = receivedOrRefusedBefore(text.slice(s, list.start));
  for (const t of tokensIn(ctx, headFrom, list.start)) {
    if (refusedHead) break;
    if (own.some(([x, y]) => t.start >= x && t.end <= y)) continue;
    if (SUFFICIENT_HEAD.has(t.norm) || t.start >= includedFrom) continue;
    return `head: ${t.raw}`;
  }
  if (!precededByCue(ctx, list.start, cueFrom)) return 'modifier';
  // Words the outcome reading swallowed still narrow the treatment ("progressed on standard", "on the last line of").
  if (/\b(?:standard|SOC|approved|available|last|latest|most\s+recent|recent|immediately|first|second|third|front)\b/i.test(maskAnyStatus(text.slice(headFrom, list.end)))) return 'narrowed in outcome';
  // After the list, nothing but what was read up to the alternative (or to the end, when the
  // alternative came before it): "X for GIST (at least one line)" or "X within a sponsored study" narrow X.
  const masked = maskSpans(text, list.end, e, [
    ...own,
    ...ctx.used,
    ...windows.map((w): Span => [w.start, w.end]),
    ...anchorPhrases(text, list.end, e),
    ...otherTopicOrs(ctx, list.end, e),
    ...optionalPartners(text, list.end, e),
    ...regardless(text, list.end, e),
  ]);
  const alt = ALT_MARK_RE.exec(masked);
  // A window is masked above; "or within 4 weeks of …" is still a clause of its own.
  if (kind === 'or' && alt && /^(?:or|and\/or)$/i.test(alt[0]) && !CLAUSE_ALT_RE.test(masked.slice(alt.index)) && !/^(?:or|and\/or)\s+within\s+\d/i.test(text.slice(list.end + alt.index, e))) return 'noun alternative';
  const tail = alt ? masked.slice(0, alt.index) : masked;
  for (const w of tail.match(/[A-Za-z][\w-]*/g) ?? []) if (!SUFFICIENT_TAIL.has(w.toLowerCase())) return `tail: ${w}`;
  // A cohort label ("Parts 1B and 1C:") names who the requirement binds, which the unread leaf keeps.
  // So does a group label ("those without oncogene-driven tumors:").
  const label = COHORT_RE.exec(text.slice(s, e)) ?? GROUP_LABEL_RE.exec(text.slice(s, e)) ?? SUBGROUP_LABEL_RE.exec(text.slice(s, e));
  const labelSpan: Span[] = label ? [[s + label.index, s + label.index + label[0].length]] : [];
  if (/\b(?:and(?!\s*\/\s*or)|but|plus|as\s+well\s+as)\b|[;:]/i.test(maskSpans(text, s, e, [...own, ...labelSpan, ...otherTopicOrs(ctx, s, e)]).replace(/\([^()]*\)/g, ' '))) return 'conjunction';
  return null;
}
/**
 * "(regardless of PD-L1 expression status)", "irrespective of the setting": what does not matter, which
 * widens nothing the list says and narrows nothing either.
 */
const REGARDLESS_RE = /\(\s*(?:regardless|irrespective)\s+of\s+[^()]{1,80}\)|\b(?:regardless|irrespective)\s+of\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:status|expression|levels?|results?|settings?|histology|subtype)\b/gi;
function regardless(text: string, a: number, b: number): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(a, b).matchAll(REGARDLESS_RE)) out.push([a + m.index, a + m.index + m[0].length]);
  return out;
}
/** Words that may stand between a sufficient list's verb and the list. */
const SUFFICIENT_HEAD = new Set('actively currently systemic history at least one must should shall have has had been be being is are was were received receive receiving undergone prior previous previously treated treatment therapy with any an a the either also already of to on after following during progressed progression relapsed recurred failed intolerant intolerance refractory resistant disease documented'.split(' '));
/**
 * Why a list may be sufficient where a list joined by "and" is too (insufficient). A condition after
 * it that spares some patients ("should have received an X and Y inhibitor, unless any of these are
 * not available") may spare one member or all: either way having every member suffices.
 */
const AND_LIST_SUFFICIENT = new Set(['subgroup', 'alternative', 'condition after']);
/** Words that may follow it before the alternative ("setting" closes a setting read: "in the metastatic setting unless unable"). */
const SUFFICIENT_TAIL = new Set('is are was were be been has have had required received given administered therapy treatment treatments regimen regimens the a an any prior previous previously before setting settings'.split(' '));
/** Where the alternative begins after the list. */
const ALT_MARK_RE = /\b(?:or|and\/or|unless|except|with\s+the\s+exception\s+of|if|provided)\b/i;
/** An alternative that is a clause of its own ("or be ineligible", "or for whom no standard therapy exists"), not a further treatment the trailing words may qualify too. */
const CLAUSE_ALT_RE =
  /^(?:or|and\/or|unless)\s+(?:(?:who|which|that|those|patients?|participants?|subjects?|the\s+patient|there)\s+)?(?:(?:is|are|was|were|has|have|had|be|been|must|should|did|do|does|cannot|could\s+not|received|receiving|progressed|relapsed|failed|underwent|undergone|experienced)\b|no\b|for\s+whom|for\s+which|within\s+\d|intoleran|refus|declin|unable|ineligible|unsuitable|unfit|not\b|lack|contraindicat|without)/i;

/** The cancer a naive requirement is limited to: "for the considered cancer", "for their current disease". */
const NAIVE_FOR_THIS_CANCER_RE =
  /\bfor\s+(?:the\s+|this\s+|their\s+|his\s+|her\s+|its\s+)?(?:treatment\s+of\s+(?:the\s+|this\s+)?)?(?:current|present|index|underlying|same|study|primary|considered|studied|target|qualifying)\s+(?:\w+\s+)?(?:cancer|disease|diagnosis|malignancy|tumou?r|indication|condition)\b/i;
/** The opening of a parenthesis of examples, right before a list: "(including ", "(e.g., ", "(such as ". */
const EXAMPLES_OPEN_RE = /\(\s*(?:including(?:,?\s+but\s+not\s+limited\s+to)?|such\s+as|e\.?\s?g\.?|for\s+example)[\s,:]*(?:(?:prior|previous|any)\s+)?$/i;
/** The opening of a parenthesis of examples without "including", which in an inclusion may list what is each required ("(including rituximab)"). */
const PURE_EXAMPLES_OPEN_RE = /^\(\s*(?:such\s+as|e\.?\s?g\.?|for\s+example)\b/i;

/** The text from the unclosed parenthesis that holds position `at` (within [s, at)), or null if none. */
function examplesParenthesis(text: string, s: number, at: number): string | null {
  let depth = 0;
  for (let i = at - 1; i >= s; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return text.slice(i, at);
      depth--;
    } else if (c === '.' && /\s/.test(text[i + 1] ?? '')) return null;
  }
  return null;
}
/** A short label opening the criterion, before its colon ("BRAF wild type:", "EGFR mutant:"). */
const RESULT_LABEL_RE = /^\s*[^:.;()]{2,40}:\s/;
/** Whether `at` follows a label opening the criterion that names a gene or marker result, and no subgroup. */
function inResultLabelled(input: ExtractInput, at: number): boolean {
  const label = RESULT_LABEL_RE.exec(input.text);
  if (!label || at < label[0].length || /\b(?:cohorts?|parts?|arms?|groups?|phases?|stages?|modules?)\b/i.test(label[0])) return false;
  return input.mentions.some((m) => (m.type === 'gene' || m.type === 'marker') && m.end <= label[0].length);
}
/** A lead naming a group by the treatment it is on: "For patients receiving ", "In participants treated with ". */
const GROUP_ON_TREATMENT_LEAD_RE =
  /^\W*(?:for|in)\s+(?:(?![\d])[a-z][\w-]*\s+){0,3}?(?:patients?|participants?|subjects?|those|individuals?|women|men)\s+(?:who\s+(?:are|were|will\s+be)\s+)?(?:receiving|taking|treated\s+with|on|given|using)\s+(?:(?:a|an|the|any|prior)\s+)?$/i;
/** The targets that narrow a kind of treatment right after it: "targeting", "directed against". */
const KIND_TARGETING_AFTER_RE = /^[\s-]*(?:(?:agents?|drugs?|therap(?:y|ies)|treatments?)\s+)?(?:targeting|targeted\s+(?:against|at|to)|directed\s+(?:against|at|to|towards?)|that\s+targets?|against)\b/i;
/** The same words closing the item's own phrase ("immunotherapy targeting"). */
const KIND_TARGETING_END_RE = /\b(?:targeting|targeted\s+(?:against|at|to)|directed\s+(?:against|at|to|towards?)|that\s+targets?|against)\s*$/i;
/** An outcome the effect before a list sits beside: it is one of the ways the treatment failed, not an effect of it that binds those who had it. */
const OUTCOME_BESIDE_EFFECT_RE = /\b(?:progress\w*|resistan\w*|refractory|relaps\w*|fail(?:ed|ure|ing))\b/i;
/** Words before a list that make it the cause of what they name: "toxicities from prior X", "recovered from surgery". */
const EFFECT_BEFORE_RE = /^(?:toxicit|adverse|AEs?\b|irAEs?\b|side|complications?|sequelae|reactions?|injur|damage|recover|resol)/i;
/** Words right after a treatment that name its effect: "radiation pneumonitis", "chemotherapy-induced". */
const EFFECT_AFTER_RE = /^[\s-]*(?:induced|related|associated|mediated|pneumonitis|dermatitis|recall|necrosis|fibrosis|enteritis|proctitis|cystitis|toxicit\w*|injur\w*|colitis)\b/i;
/** A lead that says the patient has the effect named after the treatment: "Had radiation-induced menopause", "History of chemotherapy-related AML". */
// Only a bare lead: "Patients with immunotherapy-related endocrinopathies are allowed" names whom a
// permission is for, which binds only those who had the treatment.
const EFFECT_HAD_RE = /^\W*(?:had|has|have|having|(?:a\s+)?(?:known\s+)?history\s+of|experienced|developed|diagnosed\s+with)\s+(?:(?:an?|any|prior|previous)\s+)?$/i;
/** Sentence governors that name an effect of the treatments after them. */
const EFFECT_GOVERNOR_RE = /^(?:recover|resolv|toxicit|adverse|side)/i;
/** "locally advanced or metastatic", "NSCLC or SCLC": an "or" inside another topic's phrase offers no alternative to a treatment. */
const EXTENT_WORD = String.raw`(?:locally\s+advanced|advanced|unresectable|inoperable|recurrent|relapsed|refractory|metastatic|resectable|stage\s+[IV]+[ABC]?)`;
const EXTENT_BEFORE_OR_RE = new RegExp(String.raw`\b${EXTENT_WORD}\s*,?\s*(?:or|and\/or)\s+$`, 'i');
const EXTENT_OR_RE = new RegExp(String.raw`\b${EXTENT_WORD}(?:\s*,\s*${EXTENT_WORD})*\s*,?\s*(?:or|and\/or)\s+${EXTENT_WORD}\b`, 'gi');
const CONFIRM_WORD = String.raw`(?:histologically|cytologically|pathologically|histopathologically|radiologically|radiographically|clinically|histological|cytological|biopsy|cytology|histology)`;
const CONFIRM_OR_RE = new RegExp(String.raw`\b${CONFIRM_WORD}\s*(?:,\s*${CONFIRM_WORD}\s*)*,?\s*(?:or|and\/or)\s+${CONFIRM_WORD}\b`, 'gi');
const FORM_PAREN_RE =
  /\(\s*(?:either\s+)?(?:alone|combined|concurrent(?:ly)?|sequential(?:ly)?|monotherapy|single[\s-]agents?|as\s+(?:a\s+)?(?:single[\s-]agent|monotherapy))\s*(?:,\s*)?(?:or|and\/or)\s+(?:in\s+)?(?:combination|combined|concurrent(?:ly)?|sequential(?:ly)?)\b[^()]{0,80}\)/gi;
/** "(administered) in combination or sequentially", "sequentially or concurrently": how treatments named together were given. */
const FORM_GIVEN_OR_RE =
  /\b(?:(?:administered|given|received)\s+)?(?:either\s+)?(?:in\s+combination|combined|concurrently|together|sequentially|in\s+sequence)\s*,?\s*(?:or|and\/or)\s+(?:in\s+combination|combined|concurrently|together|sequentially|in\s+sequence)\b(?!\s+with\b)/gi;
/**
 * "as either 1st or 2nd line treatment", "either in the first line or sequentially in the first and
 * second lines": the lines the treatment was given in, an "or" between line positions, never another treatment.
 */
const LINE_ORDINAL = String.raw`(?:1st|2nd|3rd|4th|first|second|third|fourth|front)`;
const LINE_POSITION_OR_RE = new RegExp(
  String.raw`\b(?:(?:in|as)\s+)?(?:either\s+)?(?:(?:in|as)\s+)?(?:the\s+)?${LINE_ORDINAL}(?:[\s-]+line)?\s*,?\s*(?:or|and\/or)\s+(?:sequentially\s+)?(?:(?:in|as)\s+)?(?:the\s+)?${LINE_ORDINAL}(?:\s+(?:and|or)\s+${LINE_ORDINAL})?[\s-]+lines?\b`,
  'gi',
);
function linePositionOrs(text: string, a: number, b: number): Span[] {
  const sub = text.slice(a, b);
  return [...sub.matchAll(LINE_POSITION_OR_RE)].map((m): Span => [a + m.index, a + m.index + m[0].length]);
}
function otherTopicOrs(ctx: Ctx, a: number, b: number): Span[] {
  const out: Span[] = [...linePositionOrs(ctx.text, a, b)];
  const sub = ctx.text.slice(a, b);
  EXTENT_OR_RE.lastIndex = 0;
  for (let m = EXTENT_OR_RE.exec(sub); m; m = EXTENT_OR_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  // "histologically or cytologically confirmed": how the diagnosis was made.
  CONFIRM_OR_RE.lastIndex = 0;
  for (let m = CONFIRM_OR_RE.exec(sub); m; m = CONFIRM_OR_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  // "(alone or in combination with …)", "(combined or sequential)": the form it was given in.
  FORM_PAREN_RE.lastIndex = 0;
  for (let m = FORM_PAREN_RE.exec(sub); m; m = FORM_PAREN_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  // "(either adjuvant, neoadjuvant, or definitive therapy)": the settings it may have been given in.
  SETTING_PAREN_RE.lastIndex = 0;
  for (let m = SETTING_PAREN_RE.exec(sub); m; m = SETTING_PAREN_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  // Protocol or study codes joined by "or" ("since completion of 10M-01-1 or 10M-00-4"): which study, no
  // alternative treatment.
  CODE_OR_RE.lastIndex = 0;
  for (let m = CODE_OR_RE.exec(sub); m; m = CODE_OR_RE.exec(sub)) if (/\d/.test(m[1]!) && /\d/.test(m[2]!)) out.push([a + m.index, a + m.index + m[0].length]);
  // Stage groups offered as alternatives ("Stage 3 or 4"), which the stage reader takes as one finding.
  STAGE_OR_RE.lastIndex = 0;
  for (let m = STAGE_OR_RE.exec(sub); m; m = STAGE_OR_RE.exec(sub)) out.push([a + m.index, a + m.index + m[0].length]);
  // "steroids for disease control or pain management", "botanical preparations intended for general health
  // support or to treat the disease": the purposes of the treatment, which narrow it, not alternatives to it.
  const purpose = PURPOSE_OR_AFTER_RE.exec(sub);
  if (purpose) out.push([a, a + purpose[0].length]);
  // Two mentions of one other topic joined by "or" ("breast or ovarian cancer"), or one mention that
  // holds its own "or" ("gastric or GEJ adenocarcinoma").
  const others = ctx.input.mentions.filter((m) => !THERAPY_TYPES.has(m.type) && m.end > a && m.start < b);
  for (const m of others) if (/\bor\b/i.test(m.text)) out.push([m.start, m.end]);
  // "for advanced or mNSCLC": an extent joined to a cancer that holds the other extent, one disease phrase.
  for (const m of others) {
    if (m.type !== 'cancer') continue;
    const ext = EXTENT_BEFORE_OR_RE.exec(ctx.text.slice(Math.max(a, m.start - 40), m.start));
    if (ext) out.push([m.start - ext[0].length, m.end]);
  }
  for (let i = 1; i < others.length; i++) {
    const p = others[i - 1]!;
    const q = others[i]!;
    if (p.type === q.type && /^[\s,]*(?:or|and\/or)\s+(?:[\w-]+\s+)?$/i.test(ctx.text.slice(p.end, q.start))) out.push([p.start, q.end]);
  }
  return out;
}

/**
 * A code of hyphened parts ("10M-01-1", "KEYNOTE-001"), "or", and another such code; each must hold a
 * digit (checked by the caller). Parts and their number are bounded, so each start is tried in
 * constant time.
 */
const CODE_OR_RE = /(?<![\w-])([A-Z\d]{1,10}(?:-[A-Z\d]{1,10}){1,4})\s+(?:or|and\/or)\s+([A-Z\d]{1,10}(?:-[A-Z\d]{1,10}){1,4})(?![\w-])/g;
/** A purpose right after a treatment list with its own "or": "for disease control or pain management". */
const PURPOSE_WORD = String.raw`(?!(?:within|since|prior|before|after|during|in|at|from|the\s+last|any|other|treatment|therapy)\b)[A-Za-z][\w'-]*`;
const PURPOSE_OR_AFTER_RE = new RegExp(
  String.raw`^\s*\)?\s*,?\s*(?:(?:intended|used|taken|given|prescribed)\s+)?(?:for|to\s+(?:treat|control|manage|prevent|relieve))\s+(?:(?:the|a|an)\s+)?(?:${PURPOSE_WORD}\s+){0,5}(?:or|and\/or)\s+(?:to\s+(?:treat|control|manage|prevent|relieve)\s+|for\s+)?(?:(?:the|a|an)\s+)?${PURPOSE_WORD}(?:\s+${PURPOSE_WORD}){0,5}`,
  'i',
);
const SETTING_ALT = String.raw`(?:neo-?adjuvant|adjuvant|perioperative|definitive|curative|metastatic|advanced|maintenance)`;
const SETTING_PAREN_RE = new RegExp(
  String.raw`\(\s*(?:either\s+)?(?:in\s+the\s+)?${SETTING_ALT}(?:\s*(?:,|\/)\s*${SETTING_ALT})*\s*,?\s*(?:or|and\/or)\s+${SETTING_ALT}(?:\s+(?:therapy|treatment|setting|disease))?\s*\)`,
  'gi',
);
// A group may name its substages by a slash ("stage IIIC/D or IV"): still one stage phrase.
const STAGE_OR_RE = /\bstages?\s+[0-4IV]{1,4}(?:[A-Da-d](?:\s*\/\s*[A-Da-d]\b)*)?(?:\s*(?:,|or|and\/or|and|-|to)\s*(?:stage\s+)?[0-4IV]{1,4}[A-Da-d]?\b)+/gi;

/** The list is what the clause permits: "X is allowed (if …)", "patients who had X may be enrolled". */
// "X is not required" permits both; not "X is not required unless …", which requires X of some patients.
const PERMITTED_SUBJECT_RE =
  /^[^(:;]{0,80}?\b(?:(?:is|are|was|were|will\s+be|would\s+be|be)\s+(?:also\s+)?(?:allowed|allowable|permitted|permissible|acceptable|accepted|eligible)|may\s+(?:also\s+)?(?:be\s+(?:enrolled|included|eligible|considered)|enrol?l|participate|continue)|can\s+(?:also\s+)?(?:be\s+(?:enrolled|included|allowed)|enrol?l|participate|continue)|(?:is|are)\s+not\s+(?:considered\s+(?:as\s+)?)?(?:excluded|an?\s+exclusion|exclusionary)|(?:is|are)\s+not\s+(?:required|mandatory)\b(?![^.;]*\b(?:unless|except|if|when|only|but)\b))\b/i;
/** Parenthetical asides (examples, doses) between a list and what is said of it. */
const PAREN_RE = /\([^()]{0,160}\)/g;
/** Right before a list of what something may contain: "which can include", "that may also include". */
const MAY_INCLUDE_BEFORE_RE = /\b(?:can|may|could|might)\s+(?:also\s+)?includ(?:e|es)\s+(?:(?:an?|the|any|prior|previous)\s+)*$/i;
/** The list is the object of a permission: "may have received X", "can be receiving X". */
const PERMITTED_OBJECT_RE =
  /\b(?:may|can)\s+(?:also\s+|already\s+)?(?:have\s+(?:already\s+)?(?:received|had|undergone|been\s+treated\s+with)|be\s+(?:receiving|on|taking|treated\s+with)|continue(?:\s+to\s+receive)?|receive)\s+(?:(?:any|prior|previous|a|an|one|the|up\s+to\s+\w+|(?:\d+|one)\s+or\s+more|(?:lines?|regimens?)\s+of)\s+)*(?:[\w()/-]+\s+){0,2}$/i;
/** "No limit to the number of prior regimens": the "no" denies a limit, not the treatment after it. */
function limitNegation(text: string, trigger: [number, number]): boolean {
  return /^\s*(?:limit|maximum|restriction)\b/i.test(text.slice(trigger[1], trigger[1] + 16)) && /^no$/i.test(text.slice(trigger[0], trigger[1]).trim());
}
/** "Any number of prior treatment regimens", "no limit to the number of prior X": a count left free permits the list. */
const ANY_NUMBER_BEFORE_RE = /\b(?:any\s+number|no\s+limit\s+(?:to|on)\s+(?:the\s+)?number|no\s+(?:maximum|restriction\s+on\s+the)\s+number)\s+of\s+(?:(?:prior|previous|lines?|regimens?|courses?|of)\s+)*$/i;
/**
 * "Patients will be eligible regardless of the number of prior systemic therapies received": the count
 * left free as "any number of" leaves it. Only where nothing after the list makes the eligibility
 * conditional ("… regardless of the number of prior treatment lines, as long as in the opinion of the
 * Investigator …"): a patient without the treatment would still have to meet the condition.
 */
const REGARDLESS_NUMBER_BEFORE_RE = /\b(?:regardless|irrespective)\s+of\s+(?:the\s+)?number\s+of\s+(?:(?:prior|previous|lines?|regimens?|courses?|of)\s+)*$/i;
const UNCONDITIONAL_AFTER_RE = /^(?:\s*(?:(?:that\s+)?(?:(?:was|were|has|have)\s+(?:been\s+)?)?(?:received|given|administered|had))\b)?\s*[.;]?\s*$/i;
/**
 * The refusal said between a receipt verb and its count: "must have received (or declined) at least
 * one line of treatment", "received, or declined, 2 prior regimens".
 */
const DECLINED_BEFORE_COUNT_RE = /\b(?:received|had|undergone)\s*(?<alt>\(\s*or\s+(?:(?:have|has|had)\s+)?(?:declined|refused)\s*\)|,\s*or\s+(?:(?:have|has|had)\s+)?(?:declined|refused)\s*,)\s*$/id;
/** After a receipt verb, "and" and a count of cycles or doses right before the list: "received X and at least 2 cycles of an". */
const CYCLES_JOINED_TO_RECEIPT_RE =
  /\b(?:received|receipt\s+of|been\s+treated\s+with|treated\s+with)\b[^.;:()]*\band\s+(?:at\s+least|a\s+minimum\s+of|≥|>=)?\s*(?:\d+|one|two|three|four|five|six)\s+(?:(?:complete|full)\s+)?(?:cycles?|doses?|courses?)\s+of\s+(?:an?\s+|the\s+)?$/i;
/** A permission followed by its condition, with no sentence break or second requirement between. */
const PERMISSION_CONDITION_RE =
  /^[^.;:]*?\b(?:allowed|permitted|acceptable|eligible)\b[^.;:]*?\b(?:provided|if|as\s+long\s+as|only\s+if|when|unless)\b(?![^.;:]*\b(?:but|however)\b)[^.;:]*$/i;
/** After a subject ("Patients who received X", "If treated with X"): the requirement placed on them. */
const THEN_RE =
  /\b(?:must|should|shall|need|needs|(?:is|are)\s+(?:required|eligible|allowed|permitted|acceptable)|ha(?:ve|s)\s+to|will\s+(?:need|be\s+(?:required|eligible|allowed))|may|can)\b/i;
/** A second requirement joined to the sentence ("… and must have adequate organ function"). */
const SECOND_CLAUSE_RE = /\b(?:and|;)\s+(?:(?:must|should|shall)\s+)?(?:have|has|be|is|are)\s+(?!(?:been\s+)?(?:recovered|resolved|stable|completed|discontinued|stopped))/i;

/**
 * A lead that makes each entry after it one option ("as defined by one of the following:"), as the
 * heading over the criterion or earlier in its text. Not "the longest of one of the following" (a
 * washout that is the longest of its entries).
 */
const OPTIONS_LEAD_RE = /(?<!\b(?:longest|shortest|longer|shorter|greater|greatest|later|earlier)\s+of\s+)\b(?:at\s+least\s+)?one\s+of\s+the\s+following\b[^.;]*$/i;
// In the text, the lead ends its line: the options are the entries after it ("one of the following
// treatment modalities: chemotherapy or EV." names options of its own sentence only).
const OPTIONS_BEFORE_RE = /(?<!\b(?:longest|shortest|longer|shorter|greater|greatest|later|earlier)\s+of\s+)\b(?:at\s+least\s+)?one\s+of\s+the\s+following\b[^.;]*:[ \t]*(?:\n|$)/im;
/** "but" or "however" turning to another subject than the treatment's patients ("but small molecule inhibitors …", "but there needs …"). */
const BUT_OTHER_SUBJECT_RE = /\b(?:but|however)\b,?\s+(?!(?:this|these|it|they|such|that|those|should|must|shall|needs?|has|have|is|are|the\s+(?:last|latest|final))\b)/i;
const BUT_OTHER_REQUIREMENT_RE = new RegExp(String.raw`${BUT_OTHER_SUBJECT_RE.source}[^.;]*\b(?:must|should|shall|needs?|required)\b`, 'i');
/** Between two lists a permission names together: "and/or", after the first list's setting ("for metastatic disease or prior"). */
const GATED_OR_GAP_RE =
  /^(?:\s+(?:for|in)\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}?(?:disease|setting|cancer)\b)?[\s,]*(?:and\s*\/\s*or|or|and)\s+(?:[\w()/-]+\s+){0,4}$/i;
/** Right before the treatment a time is counted to: "before starting curative treatment with", "prior to the start of". */
const STUDY_ANCHOR_BEFORE_RE =
  /\b(?:prior\s+to|before)\s+(?:the\s+)?(?:(?:start|initiation|commencement|beginning)\s+of\s+(?:the\s+)?|starting\s+(?:the\s+)?|initiating\s+(?:the\s+)?|(?:first|initial)\s+(?:dose|administration)\s+of\s+(?:the\s+)?)(?:(?:curative|study|protocol|trial|planned)\s+)?(?:(?:treatment|therapy)\s+with\s+(?:the\s+)?)?$/i;
/** Between a permitted treatment and a kind of it named later: a requirement or a turn to another subject. */
const SUBSUMED_GAP_BLOCK_RE = /\b(?:but|however|must|should|shall|needs?|required?|requires|unless|except\w*|other\s+than|not|no|never|without)\b|[.;:]/i;
/**
 * Whether `it` is a kind of the permitted treatment `g`: `g` names kinds only ("chemotherapy/immunotherapy",
 * "anti-cancer therapies"), and every kind of `it` is one of them (a systemic kind within "systemic").
 */
function kindOfPermitted(ctx: Ctx, it: Item, g: Item): boolean {
  if (g.drugs.size || g.classes.size || g.exceptKinds?.size || it.except || g.except) return false;
  const gk = new Set<string>(isBroadGeneric(ctx, g) || g.generic ? ANY_TREATMENT : g.kinds);
  const ik = kindsOf(ctx, it);
  return ik.size > 0 && [...ik].every((k) => gk.has(k) || (gk.has('systemic') && SYSTEMIC_KINDS.has(k)));
}
/**
 * A sentence about what follows a treatment — its toxicities, a permission, a requirement on those
 * who had it — binds only patients who had that treatment. Whatever else it says stays unread, so
 * the treatment is a gate: an exclusion can apply only to someone who had it, all(X, unread), and an
 * inclusion is met by anyone who did not have it, any(not X, unread). The gate may be broader than
 * the text (settings, windows and modifiers are dropped), never narrower: an unread list member,
 * a negated or naive list, or a list that is not such a subject keeps the sentence unread.
 */
function readGate(
  ctx: Ctx,
  lists: Array<List & { unknownMember: boolean; gate?: boolean }>,
  s: number,
  e: number,
  out: Finding[],
): void {
  const { text, input } = ctx;
  // A list joined to a gated one by "and/or" is permitted with it ("may have received X and/or Y").
  for (let i = 1; i < lists.length; i++) {
    // So is one after the setting of the gated list ("may have had prior immunotherapy for metastatic disease
    // or prior cellular therapy").
    if (!lists[i]!.gate && lists[i - 1]!.gate && GATED_OR_GAP_RE.test(text.slice(lists[i - 1]!.end, lists[i]!.start))) lists[i]!.gate = true;
    // The condition of a permission speaks of those it permits ("Previous major surgery is permitted
    // provided that surgery occurred ≥ 14 days prior", "Radiotherapy is permitted … as long as radiation is palliative").
    if (!lists[i]!.gate && lists[i - 1]!.gate && lists[i]!.start - lists[i - 1]!.end <= 300 && PERMISSION_CONDITION_RE.test(text.slice(lists[i - 1]!.end, lists[i]!.start))) lists[i]!.gate = true;
    // Examples in a parenthesis after a gated list name what it stands for ("anti-CTLA4 therapy (ipilimumab)").
    if (!lists[i]!.gate && lists[i - 1]!.gate && /^\s*\(\s*(?:(?:e\.?\s?g|i\.?\s?e)\.?,?\s*|such\s+as\s+|including\s+)?$/i.test(text.slice(lists[i - 1]!.end, lists[i]!.start))) lists[i]!.gate = true;
    // So do those the permission goes on to name ("any line of prior treatments is permitted including prior
    // neratinib and capecitabine").
    if (!lists[i]!.gate && lists[i - 1]!.gate && /^\s*(?:(?:is|are)\s+(?:allowed|permitted|permissible|acceptable)\s*)?,?\s*(?:including|such\s+as)\s+(?:(?:prior|previous)\s+)?$/i.test(text.slice(lists[i - 1]!.end, lists[i]!.start))) lists[i]!.gate = true;
  }
  // The same treatment named again by the permission ("Participants receiving an EGFR TKI … may continue
  // to take the EGFR TKI until 5 days prior to Cycle 1 Day 1") adds nothing the gate does not cover.
  // Not across a "but" that turns to another subject ("… is allowed, but small molecule inhibitors must be
  // discontinued", "… are eligible but there needs to be …"): what follows may bind everyone, as the
  // check on the words after the last list says below.
  for (let i = 1; i < lists.length; i++) {
    if (lists[i]!.gate) continue;
    const same = (a: Item, b: Item): boolean => sameSet(a.drugs, b.drugs) && sameSet(a.classes, b.classes) && sameSet(a.kinds, b.kinds);
    if (lists.slice(0, i).some((g) => g.gate && !BUT_OTHER_SUBJECT_RE.test(text.slice(g.end, lists[i]!.start)) && lists[i]!.items.every((it) => g.items.some((x) => same(x, it)))))
      lists[i]!.gate = true;
  }
  // A treatment the permission names again as a kind of one it permits ("may also have received additional
  // anti-cancer therapies after failure of a PD-(L)1 inhibitor", "may receive other SOC chemotherapy/
  // immunotherapy in combination with a SOC PD-1 checkpoint inhibitor") adds nothing to the gate: who had
  // it had what is permitted. Not across a requirement or a "but" that may bind everyone.
  for (let i = 1; i < lists.length; i++) {
    if (lists[i]!.gate) continue;
    if (lists.slice(0, i).some((g) => g.gate && lists[i]!.start - g.end <= 300 && !SUBSUMED_GAP_BLOCK_RE.test(text.slice(g.end, lists[i]!.start)) && lists[i]!.items.every((it) => g.items.some((x) => kindOfPermitted(ctx, it, x)))))
      lists[i]!.gate = true;
  }
  // The treatment a permitted one is timed against is the study's ("Targeted therapy is accepted before starting
  // curative treatment with anti-PD-1", "Palliative radiotherapy … prior to starting capmatinib is allowed"):
  // no treatment of the patient's own, so it stays out of the gate (read, it held a patient who had it,
  // in a trial of patients starting it, to the coordinator). So do its members however they combine
  // ("with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3", where "or" may offer the last instead of the first).
  const anchored = new Set<List>();
  for (let i = 1; i < lists.length; i++) {
    if (lists[i]!.gate || !STUDY_ANCHOR_BEFORE_RE.test(text.slice(Math.max(s, lists[i]!.start - 80), lists[i]!.start))) continue;
    if (lists.slice(0, i).some((g) => g.gate && lists[i]!.start - g.end <= 300 && !/[.;:]|\b(?:but|however|must|should|shall|needs?|required?)\b/i.test(text.slice(g.end, lists[i]!.start)))) {
      lists[i]!.gate = true;
      anchored.add(lists[i]!);
    }
  }
  // A label that heads the sentence names what its permission is about ("Cytotoxic Chemotherapy: There is
  // no limit to the number of prior regimens received").
  if (lists.length > 1 && !lists[0]!.gate && lists[1]!.gate && /^[\s*•\-\d.)]*$/.test(text.slice(s, lists[0]!.start)) && /^\s*:/.test(text.slice(lists[0]!.end, lists[1]!.start)))
    lists[0]!.gate = true;
  if (!lists.length || !lists.every((l) => l.gate)) return;
  // One option under "one of the following:" is no gate: any(not X, unread) would let the option, and
  // so the whole criterion, pass every patient without X.
  if (input.kind === 'inclusion' && (OPTIONS_LEAD_RE.test(input.context[input.context.length - 1] ?? '') || OPTIONS_BEFORE_RE.test(text.slice(0, s)))) return;
  if (lists.some((l) => (l.unknownMember && !anchored.has(l)) || input.scopes.scopes.some((sc) => sc.kind === 'negated' && l.start >= sc.start && l.start < sc.end && !limitNegation(text, sc.trigger)) || l.items.some((it) => it.suffix === 'naive'))) return;
  if (lists.some((l) => l.items.some((it) => isUsed(ctx, it.start, it.end)))) return;
  // "Treatment-naive patients are eligible only if …" binds those who had none: the gate is reversed.
  if (/\bna[iï]ve\b|\buntreated\b/i.test(text.slice(s, e))) return;
  const last = lists[lists.length - 1]!;
  const after = text.slice(last.end, e);
  // "recovered from surgery or traumatic injury": an unread alternative beside the treatment.
  if (SECOND_CLAUSE_RE.test(after) || /^\s*,?\s*(?:or|and\/or)\b/i.test(after)) return;
  // "X is permitted, but brain metastases must be untreated": the second requirement may bind everyone.
  // Not when it goes on about the same patients or treatment ("… but this must have been discontinued",
  // "… but should be off that therapy").
  if (BUT_OTHER_REQUIREMENT_RE.test(after)) return;
  // (The study's treatment a permitted one is timed against is none of the patient's: not in the gate.)
  const items = lists.filter((l) => !anchored.has(l)).flatMap((l) => l.items).map((it) => (isBroadGeneric(ctx, it) || it.generic ? { ...it, kinds: new Set(ANY_TREATMENT) } : it));
  const x = conditionFor(items, {});
  if (!x) return;
  note('gate');
  const words = text.slice(s, e).replace(/\s+/g, ' ').trim();
  const rest: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: words } };
  // Having the treatment's effect ("Had radiation-induced menopause") needs the treatment in either list.
  const had = lists.every((l) => l.effectHad);
  const condition: Condition = input.kind === 'exclusion' || had ? { all: [x, rest] } : { any: [flipBool(x), rest] };
  // Words of other topics (a lab, a condition, a cancer) stay for their own readers: if none reads
  // them they are left unread, and the criterion stays partial rather than claimed by the gate.
  const others = input.mentions.filter((m) => !THERAPY_TYPES.has(m.type) && m.start >= s && m.end <= e).map((m): Span => [m.start, m.end]);
  const cover: Span[] = [];
  let from = s;
  for (const [a, b] of others) {
    if (a > from) cover.push([from, a]);
    from = Math.max(from, b);
  }
  if (from < e) cover.push([from, e]);
  out.push({ category: 'prior_therapy', condition, spans: spanOf(items), anchor: items[0]!.start, polarityHandled: true, cover, fallback: [s, e] });
  ctx.used.push([s, e]);
}

/** The tokens inside [a, b), found by binary search (texts can be long; this runs per list). */
function tokensIn(ctx: Ctx, a: number, b: number): ExtractInput['tokens'] {
  const toks = ctx.input.tokens;
  const lo = tokenAt(toks, a);
  let end = lo;
  while (end < toks.length && toks[end]!.end <= b) end++;
  return toks.slice(lo, end);
}

/** Modifiers before a treatment that narrow it without changing its kind ("abdominal surgery", "prior palliative radiotherapy"). */
const SAFE_MODIFIER_RE =
  /^(?:chronic|continuous|ongoing|exogenous|systematic|stereotactic|mg|equivalent|equivalents|dose|doses|dosing|daily|day|per|kg|prednisone|prednisolone|methylprednisolone|dexamethasone|hydrocortisone|anticancer|anti-cancer|antitumor|anti-tumor|antitumour|anti-tumour|antineoplastic|tumor|tumour|neoplastic|biologic|biological|cancer|directed|abdominal|thoracic|pelvic|cranial|intracranial|brain|chest|breast|axillary|nodal|hepatic|liver|lung|pulmonary|spinal|spine|bone|mediastinal|head|neck|gastric|bowel|colorectal|esophageal|oesophageal|ipsilateral|contralateral|major|minor|extensive|limited|wide|definitive|curative|palliative|local|locoregional|locoregionally|loco|regionally|regional|radical|conventional|standard|approved|weekly|daily|oral|intravenous|cytotoxic|therapeutic|any|other|recent|similar|partial|complete|total|whole|focal|external|beam|high|dose|low|adjuvant|neoadjuvant|perioperative|first|second|front|line|pelvis|abdomen|thorax|lungs|prostate|kidney|renal)$/i;
/**
 * Words after a treatment list that join an alternative rather than a qualifier ("…, or live vaccines").
 * What this matches after "or" continues a qualifier instead ("or equivalent", "or chest wall"), as
 * the study's own measures do ("therapies that could affect the primary or secondary outcomes"): no
 * treatment is named there.
 */
const OR_QUALIFIER_RE =
  /^\s*(?:(?:is|are|was|were|has|have)\s+(?:been\s+|being\s+)?(?:used|given|administered|taken)\s+(?:within|in|during|since|at)\b|(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:equivalent|equal|higher|more|greater|less|fewer|longer|shorter|later|above|over|lower|worse|\d+|five|four|three|two|one|six|half|chest|wall|breast|axilla\w*|mediastin\w*|pelvi\w*|abdom\w*|thora\w*|brain|spine|spinal|liver|lungs?|bones?|head|neck|lesions?|sites?|fields?|areas?|regions?|organs?|nodes?|nodal|target|marrow|metasta\w*|outcomes?|endpoints?|objectives?|registration|randomi[sz]ation|enrol?lment|dosing|treatment|screening|c1d1|cycle|study|drug|first|start))\b/i;
/**
 * "… and was discontinued from that treatment due to …", "… and had progressed": a second verb of the
 * same patient narrows the receipt (both hold), no alternative treatment.
 */
const AND_SAME_SUBJECT_RE = /^\s*(?:(?:was|were)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b|(?:had|has|have)\s+(?:been\s+)?(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b)/i;

/** A cohort label opening the clause and the one parenthesis after it, up to the list: "Cohort A (no prior ". */
const COHORT_PAREN_LEAD_RE = /^\W*(?:cohorts?|arms?|parts?|groups?|strat(?:um|a))\s+[A-Z0-9][\w.-]{0,4}\s*\([^()]*$/i;

/**
 * Why a list cannot be read as a necessary condition, or null when it can. It must stand at the
 * head of its clause (only cue words, negations and plain modifiers before it), be complete (no
 * member left unread in a union), and be followed by qualifiers rather than by alternatives.
 */
function necessaryBlocked(
  ctx: Ctx,
  list: List & { unknownMember: boolean; requiredReceipt?: boolean; cannotStop?: Span },
  items: Item[],
  s: number,
  a: number,
  b: number,
  masked: string,
  windowed: boolean,
  dropped: boolean,
  prevUnread: List | undefined,
  nextListStart?: number,
  unionCue?: string | null,
  strict = false,
): string | null {
  const { text } = ctx;
  if (dropped) return 'incomplete list';
  // Inside a parenthesis the list is an example or an aside.
  // (Not the parenthesis right after a cohort label that opens the clause, "Cohort A (no prior cranial
  // radiation)": it is the cohort's description, as "Cohort A: no prior cranial radiation" would be.)
  const opened = text.slice(s, list.start);
  if ((opened.match(/\(/g)?.length ?? 0) > (opened.match(/\)/g)?.length ?? 0) && !COHORT_PAREN_LEAD_RE.test(opened)) return 'in parenthesis';
  // A sibling the reader left unread ("chemotherapy, major surgery and/or participation in trials").
  // Not before care another condition required ("TEAE to prior checkpoint inhibitor, TEAE requiring
  // systemic corticosteroids"): the condition and its verb between them head a clause of its own.
  if (prevUnread && /\b(?:or|and|nor)\b|[,/]/i.test(text.slice(prevUnread.end, list.start)) && !(list.requiredReceipt && /\brequir/i.test(text.slice(prevUnread.end, list.start)))) return 'unread sibling';
  const before = text.slice(a, list.start);
  const triggers = ctx.input.scopes.triggers;
  // The condition that required the treatment, or the inability to stop it, heads the clause by construction.
  if (list.requiredReceipt || list.cannotStop) return null;
  // "Has a diagnosis of immunodeficiency or is receiving steroids": the list heads the clause after "or".
  const clause = clauseRestart(before) ?? (supportiveOnly(ctx, items) ? SUPPORTIVE_CLAUSE_RESTART_RE.exec(before) : null);
  // A cohort label ("Part B:") is the qualifier already read as the cohort, not the clause's head.
  const label = clause ? null : (COHORT_LABEL_RE.exec(before) ?? ONLY_LABEL_RE.exec(before));
  // A parenthesis right after the list before (its dose, its examples) is that list's, not this one's head.
  const aside = a > s ? (/^\s*\([^()]{0,120}\)/.exec(before)?.[0].length ?? 0) : 0;
  // So is the separator of the union both lists are members of (", large area radiotherapy").
  const sep = a > s && !clause && !label ? (UNION_SEP_RE.exec(before.slice(aside))?.[0].length ?? 0) : 0;
  const headFrom = clause ? a + clause.index + clause[0].length : a + Math.max(label ? label[0].length : 0, aside + sep);
  let unknownHead = 0;
  // The time of an outcome ("progression during or within 60 days of the last dose of") is the qualifier itself.
  const lookback = text.slice(Math.max(s, list.start - 160), list.start);
  const timed = ctx.input.kind === 'exclusion' ? OUTCOME_BEFORE_RE.exec(lookback) : null;
  const timeAt = timed?.groups?.time ? list.start - lookback.length + timed.index + timed[0].indexOf(timed.groups.time) : -1;
  const timeEnd = timeAt >= 0 ? timeAt + timed!.groups!.time!.length : -1;
  // "stereotactic or highly conformal radiotherapy": two forms of the one treatment, kept by the qualifier.
  const pair = localModifierPair(text.slice(headFrom, list.start), headFrom, items.some((i) => i.kinds.has('radiation') || i.kinds.has('surgery')));
  // "Concurrent non-protocol-specified anti-tumor therapy": the "non-" negates the protocol, not the
  // treatment; what it leaves out (the study's own treatment) only narrows the list, as the qualifier says.
  const nonStudy = [...text.slice(headFrom, list.start).matchAll(NON_STUDY_RE)].map((m): Span => [headFrom + m.index, headFrom + m.index + m[0].length]);
  // "medications that are considered strong inhibitors of CYP3A4": the relative clause only says the
  // medicines are of the class after it, which is what the list reads.
  const relative = MEDICINE_RELATIVE_HEAD_RE.exec(text.slice(headFrom, list.start));
  const relativeFrom = relative ? list.start - relative[1]!.length : list.start;
  for (const t of tokensIn(ctx, headFrom, list.start)) {
    if (masked[t.start - a] === ' ') continue;
    if (t.start >= relativeFrom) continue;
    if (t.start >= timeAt && t.end <= timeEnd) continue;
    if (pair && t.start >= pair[0] && t.end <= pair[1]) continue;
    if (nonStudy.some(([x, y]) => t.start >= x && t.end <= y)) continue;
    // "non-myeloablative lymphodepletion", "Prior non-immunotherapy, anti-tumor treatment": a "non-" that
    // negates a modifier or another treatment narrows the list after it, which the qualifier holds. One
    // that turns the receipt or its outcome around ("non-receipt of", "non-responders to") still heads it.
    if (t.norm === 'non') {
      const w = /^[\s-]*([A-Za-z]\w*)/.exec(text.slice(t.end, list.start))?.[1];
      if (w && !HEAD_REVERSING_RE.test(w) && !NON_RECEIPT_RE.test(w)) continue;
    }
    // The treatment a "non-" negates is no head word of the list: "non-immunotherapy".
    if (/^[\s-]*$/.test(text.slice(Math.max(headFrom, t.start - 5), t.start).replace(/^.*?\bnon\b/i, '')) && /\bnon[\s-]*$/i.test(text.slice(Math.max(headFrom, t.start - 5), t.start)) && ctx.input.mentions.some((m) => THERAPY_TYPES.has(m.type) && m.start <= t.start && m.end >= t.end)) continue;
    if (triggers.some(([x, y]) => t.start >= x && t.end <= y)) continue;
    if (ALLOWED_BEFORE.has(t.norm) || CUE_WORDS.has(t.norm) || SAFE_MODIFIER_RE.test(t.norm) || /^(?:receiv|treat|expos|administ|undergo|complet|previous|histor|use|\d)/.test(t.norm)) continue;
    // "anti-cancer", "anti-tumor" split into words: the "anti" of a purpose every treatment listed has.
    if (t.norm === 'anti' && /^-?\s*(?:cancer|tumou?r|neoplastic)\b/i.test(text.slice(t.end, t.end + 14))) continue;
    // An adjective names a narrower kind of the treatment ("retroperitoneal surgery", "oncologic
    // surgery", "intravesical chemotherapy"), which the qualifier holds as unread.
    if (ADJECTIVE_RE.test(t.norm) && !NOT_NARROWING_RE.test(t.norm)) continue;
    // Other content words at the head of the clause narrow the list or name what had it ("HER3-targeted
    // ADC", "direct radiation", "recurrent head and neck cancer that has been treated with"): the list
    // stays necessary unless the head offers an alternative or turns the list around ("lack of").
    // A site noun right before the item is its modifier ("large area radiotherapy", "limited field radiation"), not what was treated.
    // In an exclusion, "(prior) reaction to X": a reaction to a treatment is had only by those who had
    // it, so the word narrows the receipt (kept by the qualifier) instead of turning it around.
    const reactionTo = strict && ctx.input.kind === 'exclusion' && /^reactions?$/i.test(t.norm) && REACTION_TO_RE.test(text.slice(t.end, list.start));
    const reversing = !reactionTo && HEAD_REVERSING_RE.test(t.norm) && !(SITE_MODIFIER_RE.test(t.norm) && /^[\s-]*$/.test(text.slice(t.end, list.start)));
    if (++unknownHead <= 2 && !HEAD_ALTERNATIVE_RE.test(text.slice(headFrom, list.start).replace(ROUTE_OR_RE, ' ').replace(SETTING_OR_RE, ' ').replace(OUTCOME_TIME_OR_RE, ' ')) && !reversing && !NOT_NARROWING_RE.test(t.norm)) continue;
    return `head: ${t.raw}`;
  }
  // Surgery named without a window is read only where the text says it was had ("prior surgery").
  if (!windowed && items.some((i) => i.kinds.has('surgery')) && !SURGERY_CUE_RE.test(before) && !RECENT_CUE_RE.test(before) && !(unionCue && SURGERY_CUE_RE.test(unionCue))) return 'surgery cue';
  // Alternatives after the list, outside parentheses.
  let depth = 0;
  // An "or" inside another topic's phrase ("locally advanced or metastatic") is no alternative.
  // Nor is the "or" of "current or within 14 days": two times of the same receipt.
  let after = maskSpans(masked, list.end - a, b - a, otherTopicOrs(ctx, list.end, b).map(([x, y]): Span => [x - a, y - a]));
  const afterText = text.slice(list.end, b);
  // A steroid's dose is its own narrowing, read with it: its "or" ("or equivalent", "or other
  // anti-inflammatory drugs with equivalent activity") is the dose's, no alternative to the list.
  for (const it of list.items) {
    if (!it.dose || it.dose[0] < list.end || it.dose[1] > b) continue;
    after = after.slice(0, it.dose[0] - list.end) + ' '.repeat(it.dose[1] - it.dose[0]) + after.slice(it.dose[1] - list.end);
  }
  for (const m of afterText.matchAll(CURRENT_OR_WITHIN_RE)) after = after.slice(0, m.index) + ' '.repeat(m[0].length) + after.slice(m.index + m[0].length);
  // "Current systemic treatment with corticosteroids, or within 7 days of …": the "current" heads the list.
  const orWithin = LIST_OR_WITHIN_RE.exec(afterText);
  if (orWithin && CURRENT_HEAD_RE.test(before)) after = ' '.repeat(orWithin[0].length) + after.slice(orWithin[0].length);
  // A bracketed aside is an aside as a parenthesised one is ("pertuzumab [IV, SC, or fixed-dose combination]").
  const re = /[()[\]]|\b(?:and\/or|or|and)\b/gi;
  // The words after an exception that runs to the end of the clause ("excluding nasal, inhaled, or
  // topical corticosteroids") are its own members, held by the qualifier, not alternatives to the list.
  // One in parentheses ends with them: "or" after it is an alternative again.
  // Where the list excludes, "unless …" carves out of it too (X and not the exception): its "or" is the
  // exception's own. Where the list is required, "X unless Y" is X or Y, an alternative.
  const exception = (strict ? EXCEPTION_OR_UNLESS_AFTER_RE : EXCEPTION_AFTER_RE).exec(text.slice(list.end, b));
  for (let m = re.exec(after); m; m = re.exec(after)) {
    if (exception && m.index >= exception.index && depth === 0 && !/[()[\]]/.test(text.slice(list.end + exception.index, list.end + m.index))) break;
    if (m[0] === '(' || m[0] === '[') depth++;
    else if (m[0] === ')' || m[0] === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !OR_QUALIFIER_RE.test(after.slice(m.index + m[0].length)) && !accessAlternative(text.slice(list.end, list.end + m.index), after.slice(m.index + m[0].length)) && !(m[0].toLowerCase() === 'and' && AND_SAME_SUBJECT_RE.test(after.slice(m.index + 3)))) {
      // "or other immunosuppressive medications": the alternative is the next treatment list, read
      // (or left unread) on its own, so this one stays a necessary part of its own alternative.
      const at = list.end + m.index + m[0].length;
      // A dangling "AND" that ends the criterion joins the next entry ("They have received … AND"): a
      // further requirement, never an alternative to the list.
      if (m[0].toLowerCase() === 'and' && /^\W*$/.test(text.slice(at))) continue;
      // So is one whose own modifiers stand between ("or radical surgery").
      if (nextListStart !== undefined && nextListStart >= at && /^\s*(?:with\s+)?(?:(?:any|other|all|an?)\s+)*(?:(?:forms?|kinds?|types?)\s+of\s+|(?:agents?|drugs?)\s+)?$/i.test(text.slice(at, nextListStart).replace(NEXT_MODIFIERS_RE, ' '))) continue;
      // Connectives inside or after the next list are that list's own: it is read (or left unread) on its own.
      // (A window read between them, "… within 14 days prior to the first dose of X OR chemotherapy, …", is this list's own.)
      if (
        nextListStart !== undefined &&
        at > nextListStart &&
        (UNION_MEMBER_GAP_RE.test(text.slice(list.end, nextListStart).replace(/\([^()]{0,120}\)|\[[^[\]]{0,120}\]/g, ' ')) ||
          (/^\s*$/.test(after.slice(0, nextListStart - list.end)) && /\b(?:or|and\/or)\s*$/i.test(text.slice(list.end, nextListStart))))
      )
        break;
      if (therapyDebug.notes) note(`alternative after: ${after.slice(Math.max(0, m.index - 30), m.index + 30)}`);
      return 'alternative after';
    }
  }
  return null;
}

/**
 * Whether a position lies in an exception that only spares patients: a parenthesis an exception opens
 * ("(exceptions: small-molecule therapy completed > 10 days before …; palliative radiotherapy completed
 * > 2 weeks before …)"), whose clauses the scope (ending at the colon or the ";") does not reach, or a
 * list of exceptions said to be permitted ("The following exceptions are permitted: … Steroids for CNS
 * metastases > 14 days prior …"). Every time it states must be a minimum gap, which lets in those
 * treated longer ago: "except nitrosoureas, which require 6 weeks" or "(except kinase inhibitors, which
 * are 6 half-lives)" set a window of their own, which may be the longer, and are no such exception.
 */
function inSparingException(ctx: Ctx, at: number): boolean {
  const { text, input } = ctx;
  return input.scopes.scopes.some((sc) => {
    if (sc.kind !== 'exception' || sc.trigger[0] >= at) return false;
    let region: Span | null = null;
    const open = text.lastIndexOf('(', sc.trigger[0]);
    if (open >= 0 && text.lastIndexOf(')', sc.trigger[0]) < open && /^\(\s*(?:with\s+the\s+)?exceptions?\s*$/i.test(text.slice(open, sc.trigger[1])) && text[sc.trigger[1]] === ':') {
      const close = text.indexOf(')', sc.trigger[1]);
      if (close > at && !text.slice(sc.trigger[1], at).includes('(')) region = [sc.trigger[1], close];
    } else if (sc.list && at >= sc.start && at < sc.end && /\b(?:permitted|allowed)\b/i.test(text.slice(Math.max(0, sc.trigger[0] - 60), sc.start + 40).split('\n')[0]!)) region = [sc.start, sc.end];
    return !!region && minimumGapsOnly(text.slice(region[0], region[1]));
  });
}
/** Every time in the words is a minimum gap ("> 10 days", "at least 2 weeks", "\\>5 half-lives"), or there is none. */
function minimumGapsOnly(words: string): boolean {
  for (const m of words.matchAll(/(\d+(?:\.\d+)?)\s*[-\s]?\s*(?:days?|d\b|weeks?|wks?|months?|years?|half[\s-]?li)/gi)) {
    if (!/(?:>|≥|>=|more\s+than|greater\s+than|longer\s+than|at\s+least|no\s+less\s+than|a\s+minimum\s+of|minimum\s+of)\s*$/i.test(words.slice(Math.max(0, m.index - 20), m.index))) return false;
  }
  return true;
}
/** A washout the protocol sets, named without its length: "within protocol specified intervals". */
const PROTOCOL_INTERVAL_AFTER_RE = /^[^.;]{0,40}?\b(?:within|inside|during)\s+(?:the\s+)?(?:protocol|study)[\s-]+(?:specified|defined|required|mandated)\s+(?:intervals?|windows?|time\s*frames?|wash-?out)/i;
/** After "non-", words that negate the receipt itself or what came of it: "non-receipt of", "non-use of", "non-compliance with". */
const NON_RECEIPT_RE = /^(?:receiv|receipt|expos|use|usage|treat|administ|complian|adheren|elig|candid|accept|toler)/i;
/** "non-protocol(-specified)", "non-study": other than the study's own treatment, a modifier that only narrows. */
const NON_STUDY_RE = /\bnon[\s-]*(?:protocol|study|trial)(?:[\s-]+(?:specified|defined|mandated|required|related))?\b/gi;
/** A lead-in to exception entries that follow ("with the following exceptions:"). */
const FOLLOWING_EXCEPTIONS_RE = /\bwith\s+the\s+following\s+(?:exceptions?|qualifications(?:\s+and\s+exceptions?)?)\s*:/i;
/** A numbered criterion run into the text ("13. Patients may not …"): not an exception entry. */
const NUMBERED_ITEM_RE = /\n\s*\d{1,2}\s*[.)]\s+[A-Z]/;
const LIST_OR_WITHIN_RE = /^\s*,?\s*(?:or|and\/or)(?=\s+(?:within|in\s+the\s+(?:last|past))\b)/i;
const CURRENT_HEAD_RE = /^\W*(?:current(?:ly)?|ongoing|concurrent|concomitant)\b/i;
const CURRENT_OR_WITHIN_RE = /\b(?:concurrent(?:ly)?|concomitant(?:ly)?|current(?:ly)?|ongoing|active)\s*,?\s*(?:or|and\/or)(?=\s+(?:within|in\s+the\s+(?:last|past))\b)/gi;
/** The connective that opens a list's head after the list before it: ", ", ", or ", "or ". */
const UNION_SEP_RE = /^\s*(?:,\s*(?:(?:or|and\/or)\s+)?|(?:or|and\/or)\s+)/i;
/** Site nouns that, right before a treatment, name the extent of it. */
const SITE_MODIFIER_RE = /^(?:field|fields|area|region|volume)$/i;
/** "or" and up to two modifier words right before the next list. */
const OR_NEXT_RE = /\b(?:or|and\/or)\s+(?:(?:any|other|the|an?)\s+)*(?:[\w-]+\s+){0,2}$/i;
/** Words no modifier of a treatment is: prepositions, relatives, negations, "if", forms of be and have. */
const FUNCTION_WORDS = 'to|for|of|in|on|at|with|by|from|into|who|which|that|not|no|nor|within|since|after|before|during|than|as|unless|except|if|is|are|was|were|has|have|had';
/** Words after a comma right before the next list: its modifiers ("…, large area radiotherapy"), not this list's qualifiers. */
const COMMA_NEXT_RE = new RegExp(String.raw`,\s*((?:(?!(?:${FUNCTION_WORDS})\b)[\w-]+\s+){1,3})$`, 'i');
/**
 * The cue that heads the union a list is a later member of: the lists before it joined only by
 * connectives and at most two modifier words each (", or radical surgery"), the first one cued. Null
 * when the list starts a union of its own.
 */
function unionHead(ctx: Ctx, lists: List[], idx: number, s: number): string | null {
  const { text } = ctx;
  let k = idx;
  while (k > 0) {
    const gap = text.slice(lists[k - 1]!.end, lists[k]!.start).replace(/\([^()]{0,120}\)/g, ' ');
    const m = UNION_MEMBER_GAP_RE.exec(gap);
    // The words between are the member's own modifiers, adjectives ("radical", "palliative"), not a noun naming something else.
    if (!m || !(m[1] ?? '').split(/\s+/).filter(Boolean).every((w) => MODIFIER_WORD_RE.test(w) || SAFE_MODIFIER_RE.test(w) || ADJECTIVE_RE.test(w.toLowerCase()))) break;
    k--;
  }
  if (k === idx) return null;
  // "an ADC or antibody drug targeting EGFR": the words before a target phrase name what targets it.
  if (TARGET_PHRASE_RE.test(text.slice(lists[idx]!.start, lists[idx]!.end))) return null;
  const head = text.slice(k > 0 ? lists[k - 1]!.end : s, lists[k]!.start);
  return CUE_RE.test(head) ? head : null;
}
/** Words of a criterion about metastases or lesions, whose treatment a patient without them need not have had. */
const LESION_TOPIC_RE = /\b(?:metasta\w*|mets|lesions?|brain|CNS|spinal\s+cord)\b/i;
/** Between two conjuncts of one receipt: "and" and the second's setting ("surgery and adjuvant immunotherapy"). */
const AND_SETTING_GAP_RE = /^\s*,?\s*and\s+(?:(?:adjuvant|neo-?\s?adjuvant|perioperative|consolidation|maintenance)\s+)$/i;
/** Whether the list `idx` is the second conjunct of a receipt its cue heads, parted from the first by "and" and its setting. */
function andSettingMember(ctx: Ctx, lists: List[], idx: number, s: number): boolean {
  if (idx === 0) return false;
  const prev = lists[idx - 1]!;
  if (!AND_SETTING_GAP_RE.test(ctx.text.slice(prev.end, lists[idx]!.start))) return false;
  return CUE_RE.test(ctx.text.slice(s, prev.start)) && !ctx.input.scopes.in('negated', prev.start);
}
/** Up to two modifier words right before the next list: no preposition, verb or negation among them. */
const NEXT_MODIFIERS_RE = new RegExp(
  String.raw`(?<![\w-])(?:(?!(?:${FUNCTION_WORDS}|or|and|be|been|being|receiv\w*|treated|planned|anticipat\w*|expected|need|required?)\b)[A-Za-z][\w-]*\s+){1,2}$`,
  'i',
);
/** Words that say an operation was had. */
const SURGERY_CUE_RE = /\b(?:prior|previous(?:ly)?|history\s+of|underg\w+|underwent|had|received|treated\s+(?:with|by)|treatment\s+with)\b/i;
/**
 * Between two members of one union: a comma or "or", and at most two modifier words of the next. A
 * repeated preposition and a bare "agent" ("… or with an agent directed to …") head the next member.
 */
const UNION_MEMBER_GAP_RE = new RegExp(UNION_SEP_RE.source + String.raw`(?:with\s+)?(?:(?:any|other|the|prior|an?)\s+)*(?:(?:agents?|drugs?)\s+(?=directed|targeting|against))?((?:[\w-]+\s+){0,2})$`, 'i');
/** A list that is a target phrase ("targeting EGFR"). */
const TARGET_PHRASE_RE = /^(?:(?:directly|specifically|selectively)\s+)?(?:targeting|targeted|directed|against)\b/i;
/** Two settings of one treatment ("neo-adjuvant or adjuvant chemotherapy"), no alternative to it. */
const SETTING_OR_RE = /\b(?:neo-?\s?adjuvant|adjuvant)\s*(?:,\s*)?(?:or|and\/or|\/)\s*(?:neo-?\s?adjuvant|adjuvant)\b/gi;
/** "progression during or within 12 weeks of": one time of the outcome, no alternative to the treatment. */
const OUTCOME_TIME_OR_RE = /\b(?:during|on|while\s+on)\s+(?:(?:the\s+)?(?:treatment|therapy)\s+)?or\s+(?=within\b|≤|<|less\s+than\b)/gi;
/** The start of an exception after a list. */
const EXCEPTION_AFTER_RE = /\b(?:excluding|except(?:\s+for)?|with\s+the\s+exceptions?\s+of|with\s+the\s+following\s+(?:exceptions?|qualifications)|other\s+than|apart\s+from)\b/i;
const EXCEPTION_OR_UNLESS_AFTER_RE = /\b(?:excluding|except(?:\s+for)?|with\s+the\s+exceptions?\s+of|with\s+the\s+following\s+(?:exceptions?|qualifications)|other\s+than|apart\s+from|unless)\b/i;
/** Routes joined by "or" ("oral or IV antibiotics") name one treatment given either way, not alternatives. */
const ROUTE_OR_RE = /\b(?:oral|IV|intravenous|parenteral|intramuscular|subcutaneous)\s*(?:,\s*)?(?:or|and\/or|\/)\s*(?:oral|IV|intravenous|parenteral|intramuscular|subcutaneous)\b/gi;
/** A head that offers an alternative to the list or lists beside it. */
const HEAD_ALTERNATIVE_RE = /\b(?:or|nor|and\/or|either|unless|except|if|whether|versus|vs)\b|[,;:/]/i;
/**
 * A medicine noun and the relative clause that gives its class: "medications that are considered (to be)",
 * "medications or supplements that are known to be".
 */
const MEDICINE_RELATIVE_HEAD_RE =
  /\b(?:(?:drugs?|medications?|medicines?|substances?|supplements?|products?|foods?)\s*(?:,|\bor\b|\band\b|\band\s*\/\s*or\b|\/)\s*)*(?:drugs?|medications?|medicines?|substances?|supplements?|products?|foods?)\s+((?:that|which)\s+(?:are|is)\s+(?:(?:known|considered|classified)\s+(?:to\s+be\s+|as\s+)?)?(?:an?\s+)?)$/i;
/** Between "reaction" and the list it names the cause of: "to", "to prior", "to the". */
const REACTION_TO_RE = /^\s+to\s+(?:(?:the|an?|any|prior|previous)\s+)*$/i;
/** The same, with the word: "reaction to (prior)" right before the list. */
const REACTION_BEFORE_RE = /\breactions?\s+to\s+(?:(?:the|an?|any|prior|previous)\s+)*$/i;
/** Head words that negate, defer or displace the treatment after them, or make it the cause or measure of something else. */
const HEAD_REVERSING_RE =
  /^(?:lack|absen|without|inabil|unable|refus|declin|inelig|intoler|fail|no|not|never|free|na[iï]ve|unless|except|instead|avoid|contraindic|hold|stop|discontinu|interrupt|off|prohibit|forbid|cannot|unwill|pending|await|plan|schedul|candidat|eligib|expect|anticipat|need|requir|consider|defin|potential|possib|suspect|risk|after|before|until|post|follow|resist|refract|progress|relaps|respon|toxic|advers|allerg|hypersens|intoleran|sensitiv|react|complicat|recover|resol|effect|sequel|damage|injur|induc|relat|caus|due|dose|level|field|site|lesion|target|volume|area|region|cycle|course|line|last|most|recent|first|second|third|same|similar|other|another|different|new|additional|further|subsequent|concurrent|simultan|study|trial|protocol|investig|experiment|non|would|could|might|may|will|shall|make|preclud|prevent|interfer|restrict|list|prohibit|exclud|includ|involv|indicat|recommend|propos|intend|wish|want|willing)/i;

const SUBGROUP_LABEL_RE = /^\W*(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|without|whose|in|from)\b[^:.;]{1,80}:/i;
/** "For Melanoma participants:", "For NSCLC patients:" opening the criterion: the group the rest binds. */
const GROUP_LABEL_RE = /^\W*for\s+(?:[\w/+-]+\s+){1,4}?(?:patients?|participants?|subjects?)\s*:/i;
const COHORT_LABEL_RE =
  /^\s*\(?\s*(?:for\s+)?(?:part|cohort|arm|group|stratum|module|phase)\s*[\w.]{1,5}(?:\s*(?:,|\/|and|or|&)\s*(?:(?:part|cohort|arm|group|stratum|module|phase)\s*)?[\w.]{1,5})*(?:\s+(?:only|specifically))?\s*[:)\-–]/i;
/** Adjectival words (by suffix) before a treatment noun. */
const ADJECTIVE_RE = /^[a-z]{4,}(?:al|ic|ive|ous|ary|eal|ar)$/;
/** Adjectives that do not narrow the treatment after them but change what is said of it. */
const NOT_NARROWING_RE = /^(?:potential|hypothetical|eventual|optional|alternative|additional|investigational|experimental|non\w*|anti\w*|contraindicative|inappropriate|unsuccessful|prophylactic)$/;

/**
 * The last clause before a list that starts with its own verb: "…, or is receiving", "; has had", and
 * the outcome said of the patients or disease named before it ("unresectable NSCLC who have progressed
 * during", "… NSCLC … and has progressed during or following"): what they are is another topic's.
 */
const CLAUSE_RESTART_RE =
  /[\s\S]*(?:\b(?:or|and\/or)\s+|[;,]\s*)(?=(?:(?:is|are|was|were|has|have|had|been|being|currently|previously|already)\s+)*(?:receiv\w*|treated|taking|taken|using|used|undergo\w*|underwent|had|exposed)\b)/i;
const OUTCOME_CLAUSE_RESTART_RE =
  /[\s\S]*\b(?:who|that|which|and)\s+(?=(?:(?:is|are|was|were|has|have|had|been|must|should|also|subsequently|then|later)\s+)*(?:progressed|progressing|relapsed|recurred|experienced\s+(?:(?:documented|radiographic|confirmed|objective|clinical)\s+)*(?:disease\s+)?progression)\b)/i;
/**
 * The clause the list's head starts (CLAUSE_RESTART_RE, OUTCOME_CLAUSE_RESTART_RE). An outcome clause
 * after a negation ("NSCLC not harboring an EGFR mutation and has progressed on X") is not taken: the
 * negation's scope may run over it, and the list would be read as negated.
 */
function clauseRestart(before: string): RegExpExecArray | null {
  const c = CLAUSE_RESTART_RE.exec(before);
  if (c) return c;
  const o = OUTCOME_CLAUSE_RESTART_RE.exec(before);
  return o && !/\b(?:not|no|without|never|nor|non)\b/i.test(o[0]) ? o : null;
}

/**
 * A treatment given in any form: alone or combined ("as monotherapy or in combination with other therapies",
 * "(either monotherapy or combination therapy)"), and in any line ("… in any line of treatment").
 */
const FORM_RE =
  /^[\s,]*(?:\)[\s,]*)?(?:\([^()]{1,12}\)[\s,]*)?(?:\(\s*)?(?:(?:administered|given|received|used)\s+)?(?:either\s+)?(?:as\s+)?(?:a\s+)?(?:single[\s-]agents?|monotherapy|alone)\s*,?\s+(?:or|and\/or)\s+(?:as\s+part\s+of\s+a\s+|in\s+(?:a\s+)?)?(?:combination|combined)(?:\s+(?:therapy|regimen))?(?:\s+with\s+(?:an?\s+)?(?:other|another|any)\s+(?:[\w-]+\s+){0,2}?(?:therap(?:y|ies)|agents?|drugs?|treatments?|regimens?|inhibitors?|anti-?cancer\s+therap(?:y|ies)))?[\s,)]*(?:(?:in|at)\s+any\s+(?:line|setting)(?:\s+of\s+(?:therapy|treatment))?\b)?/i;

/**
 * Every kind of anticancer treatment: a generic "prior anticancer therapy" read as a necessary condition.
 * Locoregional therapy is among them: criteria list TACE, ablation and embolization as anticancer
 * treatments ("any of the following anti-cancer therapies: radiation therapy, surgery or tumor embolization").
 */
const ANY_TREATMENT: readonly Kind[] = ANTICANCER_KINDS;

/** A generic item ("prior therapy", "anticancer treatment") that does not say it is systemic or a drug. */
function isBroadGeneric(ctx: Ctx, it: Item): boolean {
  if (it.drugs.size || it.classes.size || it.kinds.size !== 1 || !it.kinds.has('systemic')) return false;
  // "systemic oncological treatment": the word before the phrase says it is systemic.
  return !/\b(?:systemic|drugs?|agents?|medications?|medicines?|chemo\w*)\b/i.test(ctx.text.slice(it.start, it.end)) && !/\bsystemic\s+$/i.test(ctx.text.slice(Math.max(0, it.start - 10), it.start));
}

const QUALIFIER_SKIP = new Set(['receipt', 'or', 'and', 'any', 'all', 'the', 'a', 'an', 'of', 'with', 'to', 'for', 'in', 'on', 'by', 'who', 'that', 'which', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'been', 'be', 'patients', 'patient', 'participants', 'participant', 'subjects', 'subject', 'prior', 'previous', 'previously', 'received', 'receiving', 'treated', 'treatment', 'therapy', 'must', 'not', 'no']);

/**
 * The words of a clause no finding read, as an unparsed leaf with the spans it stands for, or null
 * when only cue words and particles are left.
 */
function qualifierOf(ctx: Ctx, a: number, b: number, masked: string): { leaf: LeafCondition; spans: Span[] } | null {
  const triggers = ctx.input.scopes.triggers;
  const toks = tokensIn(ctx, a, b).filter((t) => masked[t.start - a] !== ' ' && !triggers.some(([x, y]) => t.start >= x && t.end <= y));
  const significant = toks.filter((t) => !QUALIFIER_SKIP.has(t.norm) && /[a-z0-9%]/i.test(t.norm));
  if (!significant.length) return null;
  const first = significant[0]!;
  const last = significant[significant.length - 1]!;
  const words = ctx.text.slice(first.start, last.end).replace(/\s+/g, ' ').trim();
  return {
    leaf: { fact: 'unparsed', operator: 'equal', value: true, params: { text: words } },
    spans: toks.map((t): Span => [t.start, t.end]),
  };
}

/** "unless completed more than 6 months before enrolment": read as a window on the finding. */
const UNLESS_SINCE_RE = new RegExp(
  String.raw`[,;(\s]*\b(?:unless|except\s+if|except\s+when|provided\s+that)\s+(?:(?:it|they|treatment|therapy)\s+)?(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:completed|received|given|administered|discontinued|stopped|finished|ended)\s+(?:more\s+than|over|at\s+least|>|>=|≥|greater\s+than)\s*${NUM}\s*(${UNIT})\s+(?:before|prior\s+to|ago|earlier)\b${ANCHOR}`,
  'i',
);

/** The words that name the start of a treatment an interval is counted from. */
const START_EVENT = String.raw`(?:start|starting|initiation|initiating|beginning|commencing|commencement)`;
/** "before the start of (curative) treatment with", "prior to initiating", "before starting": what follows is the anchor. */
const ANCHOR_EVENT_BEFORE_RE = new RegExp(
  String.raw`\b(?:prior\s+to|before|until|preceding)\s+(?:the\s+)?(?:${START_EVENT}|first\s+(?:dose|administration|infusion))(?:\s+of)?\s+(?:(?:the|their|curative|study|protocol|planned|first-line|systemic)\s+)*(?:(?:treatment|therapy)\s+with\s+)?$`,
  'i',
);
/** Right after a window, the start of what it is counted from: "within 4 weeks of starting", "… prior to the first dose of". */
const WINDOW_ANCHOR_AFTER_RE = new RegExp(String.raw`^\s*(?:the\s+)?(?:${START_EVENT}|first\s+dose\s+of|first)\b`, 'i');

/**
 * "can be (safely) treated with", "amenable to treatment with", "candidates for treatment with": a possible
 * treatment. Not "may be treated with", which usually permits one ("patients on treatment who may be treated
 * with entecavir").
 */
const POSSIBLE_TREATMENT_BEFORE_RE =
  /\b(?:(?:can|could)\s+(?:\w+\s+)?be\s+(?:\w+\s+)?(?:treated|managed|irradiated|targeted)\s+(?:with|by|using)|(?:amenable|suitable|eligible|candidates?)\s+(?:to|for)\s+(?:(?:treatment|therapy)\s+(?:with|by|using)))\s+(?:(?:an?|the|standard|curative|definitive|local|further|a\s+minimum)\s+)*$/i;

/**
 * A window that ends on its anchor preposition: what follows is the anchor, not a treatment received.
 * Not the end of a treatment ("since the last dose of", "after the final administration of"): what
 * follows is the treatment the gap is counted from.
 */
const ANCHOR_END_RE = new RegExp(
  String.raw`(?:\b(?:prior\s+to|before|preceding)|\b(?:${START_EVENT}|first\s+dose|first|(?<!\b(?:last|final|latest)\s+)(?:dose|administration|infusion|receipt))(?:\s+of)?)\s*$`,
  'i',
);

/** A criterion limited to one arm, cohort or part: it applies only there. */
const COHORT_RE = /^\W*(?:\(?[A-Z]?\d+\)?\s*)?(?:for\s+|in\s+)?(?:(?:part|cohort|arm|group|phase|stage|dose[\s-]escalation|expansion)\s*[\w.-]{0,6}\b[^:;.]{0,40}?(?:only|specifically)?\s*:|(?:part|cohort|arm|group)\s+[A-Z0-9]\b)/i;

/** A subgroup label anywhere in the criterion: "(For participants with PDAC only)", "(Phase 2a Cohort 10 ONLY)". */
const SUBGROUP_ONLY_RE = /\(\s*(?:for\s+|in\s+)?[^()]{0,40}\b(?:parts?|cohorts?|arms?|phase|groups?|stratum|module|patients?|participants?|subjects?)\b[^()]{0,40}\bonly\s*\)/i;

/** A cohort label after the list: "(Cohort 2)", "(Part B only)". */
const COHORT_TAIL_RE = /\(\s*(?:for\s+|in\s+)?(?:part|cohort|arm|group|phase|stage)\s*[\w.-]{1,6}(?:\s*(?:,|\/|and|or|&)\s*[\w.-]{1,6})*(?:\s+only)?\s*\)/i;

/** Alternatives anywhere in a sentence that make a positive inclusion finding one option among others. */
const ALT_ANY_RE =
  /\b(?:no\s+(?:standard|available|effective|other(?!\s+(?:(?:anti-?cancer|systemic|new)\s+)?(?:therap(?:y|ies)|treatments?)\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:started|initiated|begun|given|received|administered)\b)|further|curative|approved|satisfactory|alternative|established)|(?:do|does)\s+not\s+exist|not\s+exist|non-?existent|refus\w*|declin\w*|ineligib\w*|not\s+(?:be\s+)?(?:an?\s+)?(?:eligible|candidates?|suitable|appropriate|amenable)|unsuitable|unfit|unable\s+to\s+(?:receive|undergo)|not\s+expected|unlikely\s+to\s+benefit|no\s+(?:clinical\s+)?benefit|would\s+not\s+benefit|contraindicat\w*|unavailab\w*|not\s+(?:available|accessible)|not\s+(?:have\s+)?access)\b/i;
/** The sentence opens with "Patients who have received …" (a subject, not a requirement). */
const SUBJECT_RE =
  /^\W*(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?|women|men)\s+(?:(?:who|that|with|on)\s+)?(?:(?:have|has|had|are|were)\s+)?(?:been\s+)?(?:previously\s+|already\s+)?(?:received|receiving|treated|undergone|taking|on|progressed|relapsed|exposed)\b|^\W*(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?|women|men)\s+(?:who|that)\s+(?:(?:have|has|had)\s+)?(?:initiat(?:e|es|ed)|start(?:s|ed)?|beg[ia]n)\b/i;

/** "prior to the first dose of study drug", "before randomization": the as-of anchors every window shares. */
const ANCHOR_PHRASE_RE =
  /\b(?:prior\s+to|before|until|at\s+the\s+time\s+of|at|of|from)\s+(?:the\s+|their\s+)?(?:(?:first|initial|planned|scheduled|start|starting|initiation|initiating|beginning|day\s*-?\d+|cycle\s*\d+,?\s*day\s*\d+|C\d+D\d+)\b[^,;:.()]{0,60}|(?:study|trial|protocol)\s+(?:entry|enrol?lment|start|treatment|therapy|drug|registration|day\s*1)|(?:entering|entry\s+(?:in)?to|starting|beginning)\s+(?:the\s+|this\s+)?(?:study|trial|protocol)|(?:randomi[sz]ation|enrol?lment|registration|screening|inclusion|allocation|consent|signing\s+(?:of\s+)?(?:the\s+)?(?:informed\s+consent|ICF))|(?:preparative\s+|the\s+)?(?:lymphodeplet\w+|lymphodepletion|leukapheresis|apheresis)(?:\s+(?:therapy|chemotherapy|regimen))?)(?:\s+(?:on|in|into|to|for)\s+(?:this|the)\s+(?:study|trial|protocol))?/gi;
function anchorPhrases(text: string, s: number, e: number): Span[] {
  const out: Span[] = [];
  const sub = text.slice(s, e);
  ANCHOR_PHRASE_RE.lastIndex = 0;
  for (let m = ANCHOR_PHRASE_RE.exec(sub); m; m = ANCHOR_PHRASE_RE.exec(sub)) out.push([s + m.index, s + m.index + m[0].length]);
  return out;
}

/** Whether a gap between a list and a window is light: cue words and particles only. */
function lightGap(text: string, a: number, b: number): boolean {
  // Parenthetical asides (exceptions, examples) do not separate a list from its window.
  const gap = text.slice(a, b).replace(/\([^()]{0,120}\)|\[[^[\]]{0,120}\]/g, ' ');
  // A treatment as a label and its window as the entry: "Chemotherapy: within 3 weeks of day 1". Not a
  // minimum gap ("…: washout period 3 weeks"), which an exclusion list states as the requirement.
  if (/^\s*:\s*$/.test(gap) && /^(?:within|less\s+than|fewer\s+than|<|≤|<=)/i.test(text.slice(b, b + 12))) return true;
  if (/[.;:]/.test(gap)) return false;
  // Unread members of a union before its shared window: ", open biopsy, or significant traumatic injury".
  // The member before the "or" may follow the list's comma without one of its own (", open biopsy or …"),
  // but not a phrase that qualifies the list ("to the lung or …"). The member may bring its own receipt verb
  // ("or been treated with an investigational device"): the list within the window is sufficient whichever
  // alternative the window binds, being within any wider time it may have meant.
  if (
    /^\s*,?\s*(?:(?:[\w-]+\s+){0,3}?[\w-]+\s*,\s*)?(?:or|and\/or)\s+(?:(?:has|have|had)\s+)?(?:(?:been\s+)?(?:used|received|taken|treated\s+with|exposed\s+to)\s+)?(?:[\w-]+\s+){0,4}?[\w-]+\s*$/i.test(gap) ||
    (/^\s*,\s*(?:[\w-]+\s+){0,2}[\w-]+\s*,?\s+(?:or|and\/or)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*$/i.test(gap) && !/\b(?:to|for|of|in|on|at|with|by|from|than|as|into|during|after|before)\b/i.test(gap))
  )
    if (!/\b(?:not|no|without|who|which|that|if|unless|except)\b/i.test(gap)) return true;
  const words = gap
    .replace(/\b(?:within|since|prior\s+to|before|after)?\s*\d+\s*(?:days?|weeks?|months?|years?)\b/gi, ' ')
    .toLowerCase()
    .match(/[a-z]+/g) ?? [];
  let heavy = 0;
  for (const w of words) if (!CUE_WORDS.has(w) && !/^(?:was|were|is|are|been|be|had|has|have|or|and|prior|last|dose|doses|administered|given|completed|received|use|used|taking|taken|therapy|treatment)$/.test(w)) heavy++;
  return heavy <= 1;
}

/**
 * A generic head ("prior treatment with", "chemotherapy with") names the treatment that follows it;
 * a kind head is folded into the specific item it introduces when that item already implies it.
 * A generic head specified by something unread ("prior treatment with any agent that targets…") is
 * dropped: what it stands for is not known.
 */
function absorbHeads(ctx: Ctx, items: Item[], e: number): Item[] {
  const { text } = ctx;
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const next = items[i + 1];
    const isHead = it.generic || (it.kinds.size > 0 && !it.classes.size && !it.drugs.size);
    if (isHead) {
      const gapNext = next ? text.slice(it.end, next.start) : '';
      const joins = /^\s*(?:with|of|using|by|consisting\s+of|containing|based\s+on|including|such\s+as|e\.?\s?g\.?,?|i\.?\s?e\.?,?|like|:|\(|\[)\s*(?:(?:an?|the|any|prior|previous|other|either|single[\s-]agent|agents?|drugs?)\s+)*$/i.test(gapNext);
      if (next && joins && /^\s*(?:with|of|using|by|consisting|containing|based)/i.test(gapNext)) {
        const implied = kindsOf(ctx, next);
        const headKinds = [...it.kinds];
        if (it.generic || headKinds.every((k) => k === 'systemic' || implied.has(k))) {
          next.spans.push(...it.spans, [it.end, next.start]);
          next.start = it.start;
          continue;
        }
        // "chemotherapy with bevacizumab": both, given together.
        it.combinedWithNext = true;
      } else if (it.generic && next && (HEAD_WINDOW_WITH_RE.test(gapNext) || HEAD_SETTING_WITH_RE.test(gapNext))) {
        // "Prior treatment within 28 days with X": the head is a cue, and the window stays free for X.
        // So is "Prior treatment in the metastatic setting with X": read as the generic treatment, the
        // setting's every systemic therapy would stand for X alone (in an exclusion, a wrong exclusion).
        continue;
      } else if (it.generic && /^\s*(?:(?:directly|specifically|selectively)\s+)?(?:with|of|using|by|consisting\s+of|containing|targeting|that|which|directed|against|\(|\[)/i.test(text.slice(it.end, e))) {
        continue;
      } else if (!it.generic && it.kinds.size === 1 && it.kinds.has('systemic') && /^\s*(?:with|using|consisting\s+of|containing)\s+(?!or\s+without\b|the\s+exception\b|(?:an?\s+)?(?:washout|wash-out)\b|half[\s-]?li|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)/i.test(text.slice(it.end, e))) {
        // "systemic treatment with radionuclides": the systemic treatment is the unread one named after it.
        continue;
      }
    }
    out.push(it);
  }
  return out;
}

/** A window between a generic head and the treatment it names: "within 28 days with", "in the past 6 months with". */
const HEAD_WINDOW_WITH_RE =
  /^\s*,?\s*(?:within|in\s+the\s+(?:last|past|previous|preceding))\s+[^,;.()]{1,30}?\b(?:days?|weeks?|months?|years?)\b(?:\s+(?:prior\s+to|before)\s+[^,;.()]{1,40}?)?\s*,?\s+(?:with|using)\s+(?:(?:an?|the|any)\s+)?$/i;

/**
 * A setting or disease between a generic head and the treatment it names: "in the locally advanced or
 * metastatic setting with", "for metastatic melanoma with".
 */
const HEAD_SETTING_WITH_RE =
  /^\s*,?\s*(?:in|for)\s+(?:the\s+|their\s+)?(?:(?:[\w-]+\s+){0,5}?settings?|(?:[\w-]+\s+){0,3}?(?:disease|cancer|melanoma|carcinoma|tumou?rs?|malignanc(?:y|ies)|NSCLC|CRC|HCC|RCC))\s*,?\s+(?:with|using)\s+(?:(?:an?|the|any)\s+)?$/i;

/** Whether the word before the list is a cue, article, negation or connective (not an unread modifier). */
function precededByCue(ctx: Ctx, at: number, s: number): boolean {
  const toks = ctx.input.tokens;
  let i = -1;
  for (let k = toks.length - 1; k >= 0; k--) {
    if (toks[k]!.end <= at) {
      i = k;
      break;
    }
  }
  if (i < 0 || toks[i]!.start < s) return true;
  const t = toks[i]!;
  // A comma, parenthesis or colon between them ends the modifier reading.
  if (/[,;:()[\]]/.test(ctx.text.slice(t.end, at))) return true;
  if (ALLOWED_BEFORE.has(t.norm) || /^(?:receiv|treat|expos|administ|undergo|complet|previous|\d)/.test(t.norm)) return true;
  // "medications that are considered strong CYP3A4 inhibitors": the class of the medicines, no modifier of it.
  if (MEDICINE_RELATIVE_HEAD_RE.test(ctx.text.slice(Math.max(s, at - 80), at))) return true;
  // "preparations containing St. John's wort": the product is the medicine it contains, no modifier of it
  // (only ordinary medicines get here: an anticancer list after "containing" is blocked as a payload).
  if (PRODUCT_CONTAINING_BEFORE_RE.test(ctx.text.slice(Math.max(s, at - 60), at))) return true;
  // "progressed during X", "progression despite X": the preposition of an outcome cue, no modifier of X.
  if ((t.norm === 'during' || t.norm === 'despite') && OUTCOME_BEFORE_RE.test(ctx.text.slice(Math.max(s, at - 160), at))) return true;
  return ctx.input.scopes.triggers.some(([a, b]) => t.start >= a && t.end <= b);
}

/** The kinds an item stands for, through its classes and drugs. */
function kindsOf(ctx: Ctx, it: Item): Set<string> {
  const out = new Set<string>(it.kinds);
  const addClass = (c: string): void => {
    for (const a of ctx.lex.classAncestors.get(c) ?? []) {
      const k = kindOfClass(ctx.lex, a);
      if (k) out.add(k);
    }
  };
  for (const c of it.classes) addClass(c);
  for (const d of it.drugs) for (const c of ctx.lex.drugById.get(d)?.classes ?? []) addClass(c);
  // 'systemic' inherited from an umbrella class (biologic, monoclonal antibody) beside a more
  // specific kind says nothing of its own: it would relate an antibody to any chemotherapy permission.
  if (out.size > 1 && !it.kinds.has('systemic')) out.delete('systemic');
  return out;
}

const SYSTEMIC_KINDS = new Set(['systemic', 'chemotherapy', 'immunotherapy', 'targeted', 'hormonal', 'cell therapy', 'investigational']);

/** Whether a permitted treatment overlaps a finding's treatment (so the permission carves into it). */
function related(ctx: Ctx, p: Item, it: Item): boolean {
  for (const d of p.drugs) if (it.drugs.has(d)) return true;
  const pk = kindsOf(ctx, p);
  const ik = kindsOf(ctx, it);
  for (const k of pk) if (ik.has(k)) return true;
  if (ik.has('systemic') && [...pk].some((k) => SYSTEMIC_KINDS.has(k))) return true;
  if (pk.has('systemic') && [...ik].some((k) => SYSTEMIC_KINDS.has(k))) return true;
  return false;
}

/** "are not eligible" / "are excluded" after an exclusion item restates the exclusion. */
function postNegationRestatesExclusion(ctx: Ctx, at: number): boolean {
  if (ctx.input.kind !== 'exclusion') return false;
  const sc = ctx.input.scopes.scopes.find((x) => x.kind === 'negated' && at >= x.start && at < x.end);
  if (!sc) return false;
  if (sc.trigger[0] < at) return modalNegationInExclusion(ctx.input, at) || MODAL_NO_RE.test(ctx.text.slice(Math.max(0, sc.trigger[0] - 40), sc.trigger[0]));
  return /eligible|exclu|allowed|permitted|prohibited/i.test(ctx.text.slice(sc.trigger[0], sc.trigger[1]));
}

/**
 * "Patients must have had no prior chemotherapy" listed among exclusions: the modal marks a stated
 * requirement, so what the line excludes is the treatment (as with "must not have received"). A bare
 * "No prior X" in an exclusion list stays ambiguous and unread.
 */
const MODAL_NO_RE = /\b(?:must|should|shall|will|need\s+to)\s+(?:have\s+)?(?:had\s+|received\s+|been\s+given\s+)?$/i;

function flipBool(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(flipBool) };
  if ('any' in c) return { all: c.any.map(flipBool) };
  return typeof c.value === 'boolean' ? { ...c, value: !c.value } : c;
}

/** The start of the word holding offset `at` (not before `min`). */
function wordStart(text: string, at: number, min: number): number {
  let i = at;
  while (i > min && /\w/.test(text[i - 1]!) && /\w/.test(text[i] ?? '')) i--;
  return i;
}
/** The end of the word holding offset `at` (not after `max`). */
function wordEnd(text: string, at: number, max: number): number {
  let i = at;
  while (i < max && /\w/.test(text[i]!) && /\w/.test(text[i - 1] ?? '')) i++;
  return i;
}

function maskSpans(text: string, s: number, e: number, spans: Span[]): string {
  if (e <= s) return '';
  const chars = text.slice(s, e).split('');
  for (const [a, b] of spans) {
    const from = Math.max(a, s);
    const to = Math.min(b, e);
    for (let i = from; i < to; i++) chars[i - s] = ' ';
  }
  return chars.join('');
}

// ---------------------------------------------------------------------------------------------
// Lines of therapy.

const LINES_GATE = /\b(?:lines?|regimens?)\b|\b(?:prior|previous|preceding)\s+(?:[\w-]+\s+){0,3}?(?:therap|treatment)/i;
const ORDINAL_GATE = /\b(?:second|2nd|third|3rd|fourth|4th|fifth|5th)\b/i;

const COHORT_OUTCOME_RE = /\b(?:progress\w*|refractor\w*|fail\w*|relaps\w*|resist\w*|intoleran\w*|recurr\w*|respon\w*|PD)\b/i;
/**
 * A rule for counting lines ("Patients with recurrence within 6 months of adjuvant therapy will be considered
 * as having received one prior therapy", "Neoadjuvant treatment will not be considered a prior line unless …",
 * "may count as 1 line"): the trial's count then differs from the record's in a way no fact says, so no count
 * in the criterion is read, in either direction.
 */
const COUNTING_RULE_RE =
  /\b(?:(?:considered|counted|regarded|deemed)\s+(?:as\s+)?|counts?\s+(?:as|towards?)\s+)(?:having\s+(?:received|had)\s+)?(?:(?:an?|one|1|the|a\s+single)\s+(?:(?:prior|previous|separate|first[\s-]line|additional|systemic)\s+)*(?:lines?|regimens?|therap(?:y|ies)|treatments?)|(?:(?:prior|previous|separate|first[\s-]line|additional|systemic)\s+)*(?:lines?|regimens?))\b/i;
/** After a count, another route in: "… or recurrence within 12 months of adjuvant therapy", "… or who are intolerant …". */
const OTHER_ROUTE_AFTER_RE =
  /^[^.;]*?\bor\s+(?:(?:documented\s+)?(?:disease\s+)?(?:recurrence|relapse|progression)\b|recurred\b|relapsed\b|progressed\b|(?:who|that)\s+(?:are|is|have|has|were|had)\b)/i;
function readLines(ctx: Ctx, out: Finding[]): void {
  const { text, input } = ctx;
  if (!LINES_GATE.test(text)) return;
  // A rule for counting lines makes the trial's count differ from the record's; where it only adds
  // lines the record's setting count leaves out, or only removes lines, the record's count bounds the
  // trial's from one side (countingRuleSense), and the count is read as far as that side allows.
  const rule = COUNTING_RULE_RE.exec(text);
  const ruleSense = rule ? countingRuleSense(text) : null;
  if (rule && !ruleSense) return;
  const ruleSpans: Span[] = [];
  if (rule) {
    const re = new RegExp(COUNTING_RULE_RE.source, 'gi');
    for (let r = re.exec(text); r; r = re.exec(text)) ruleSpans.push([r.index, r.index + r[0].length]);
  }
  const hasNumber = WINDOW_GATE_NUM.test(text);
  LINES_RE.lastIndex = hasNumber ? 0 : text.length;
  for (let m = LINES_RE.exec(text); m; m = LINES_RE.exec(text)) {
    const start = m.index;
    let end = m.index + m[0].length;
    const cmp = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const a = toNumber(m[2]!);
    const b = m[3] ? toNumber(m[3]) : null;
    const tail = (m[4] ?? '').toLowerCase();
    if (a === null || a > 20 || (m[3] && (b === null || b <= a || b > 20))) continue;
    // "Less than or equal to (<=2)": the parenthesis belongs to the words before it, and its symbol
    // must say what they say. A ")" with no "(" is an item label's ("(2) prior therapy with …").
    if (m[0].includes(')') && !m[0].includes('(')) continue;
    const parenSym = /\(\s*\\?([<>≤≥=]{1,2})?\s*\d/.exec(m[0]);
    if (parenSym?.[1] && symbolSense(parenSym[1]) !== wordsSense(cmp)) continue;
    // A count of lines is whole: "1.1" in "progression per RECIST 1.1 after prior therapy" is a version.
    if (!Number.isInteger(a) || (b !== null && !Number.isInteger(b))) continue;
    // Ordinals name a line, they do not count lines: "first line of chemotherapy".
    if (/^(?:first|second|third|fourth|fifth|sixth)$/i.test(m[2]!.trim())) continue;
    // A number that ends a name counts nothing: "IL 2 or other immunotherapy regimens", "Cohort 2 …".
    if (/\b(?:IL|interleukin|CD|HER|CYP|cohort|arm|part|phase|stage|grade|type|group|step|cycle|day|visit|criterion|section)[\s-]*$/i.test(text.slice(Math.max(0, start - 20), start))) continue;
    // "Treatment-naive or after one prior line": the count is one route of two.
    if (/(?<!\b(?:on|during|at|in|while|before|and\/)\s*)\bor\s+(?:(?:after|following|having|has|have|had|received|receiving|with|who|been)\s+){0,3}$/i.test(text.slice(Math.max(0, start - 60), start))) continue;
    // The count a counting rule names ("will be considered as having received one prior therapy") is the rule's.
    if (ruleSpans.some(([a, b]) => start >= a && start < b)) continue;
    const sentence = text.slice(sentenceStart(text, start), nextBoundary(text, start));
    // An upper limit is a requirement even where the sentence permits ("may have received two or less regimens").
    if (permits(sentence) && !/^(?:no more than|not more than|at most|up to|a maximum of|maximum of|maximum|<=|=<|≤|(?:less|fewer) than or equal to|equal to or (?:less|fewer) than)$/.test(cmp) && !/^or\s+(?:fewer|less)$/.test(tail)) continue;
    if (SENTENCE_BLOCK_RE.test(sentence.slice(0, start - sentenceStart(text, start))) && !/\b(?:received|treated)\b/i.test(sentence)) continue;
    if (input.kind === 'exclusion' && input.scopes.in('negated', start)) continue;
    // "No more than 3 lines of cytotoxic chemotherapy" as an exclusion item is a limit written in the
    // wrong list: like "No prior X" there, it reads either way (at most 3 required, or at most 3
    // excluding), so it stays unread; the treatment it counts is not read alone either.
    if (input.kind === 'exclusion' && /^(?:no|not)\s/.test(cmp)) {
      ctx.used.push([start, nextBoundary(text, end)]);
      continue;
    }
    // A count limited to one arm or cohort binds only its patients: in a positive inclusion it is one
    // sufficient option, any(count, unread sentence); in an exclusion a necessary part, all(count, unread).
    const negatedLines = input.scopes.in('negated', start);
    // "Patients with actionable alterations (EGFR, ALK …) must have received at least one line of
    // targeted therapy": the count binds the patients with the marker only, as a cohort's does. Where
    // the marker's population is read exactly, population-conditions.ts puts the halves together.
    const sStart0 = sentenceStart(text, start);
    const markerPopulation =
      MARKER_POPULATION_LEAD_RE.test(text.slice(sStart0, start)) &&
      /\b(?:must|should|need|needs|are\s+required|is\s+required|will\s+need|have\s+to)\b/i.test(text.slice(sStart0, start)) &&
      input.mentions.some((x) => x.type === 'gene' && x.start >= sStart0 && x.end <= start);
    const cohort = COHORT_RE.test(sentence) || SUBGROUP_ONLY_RE.test(text) || markerPopulation;
    if (cohort && negatedLines) continue;
    // "… progression on at least 2 endocrine-based regimens in the metastatic setting or recurrence within
    // 12 months of completing adjuvant therapy": the count is one route of two, as with an "or" before it.
    if (input.kind === 'inclusion' && !negatedLines && OTHER_ROUTE_AFTER_RE.test(text.slice(end, nextBoundary(text, end)))) continue;
    // "must have received (or declined) at least one line of treatment": the refusal is the other route
    // to the one count, which is then one sufficient option, any(count, unread refusal).
    const sStart = sentenceStart(text, start);
    const declinedRoute = input.kind === 'inclusion' && !negatedLines && !cohort ? DECLINED_BEFORE_COUNT_RE.exec(text.slice(sStart, start)) : null;
    const altAt = declinedRoute?.indices?.groups?.alt;
    const declinedAt: Span | null = altAt ? [sStart + altAt[0], sStart + altAt[1]] : null;
    const routeFree = declinedAt ? maskSpans(text, sStart, nextBoundary(text, start), [declinedAt]) : sentence;
    // A condition on a treatment the count includes ("including X (if eligible)") leaves the count itself unconditional.
    const conditionsOf = maskItemConditions(routeFree, end - sentenceStart(text, start));
    if (input.kind === 'inclusion' && !negatedLines && ((ALT_ANY_RE.test(routeFree) && /\bor\b/i.test(routeFree)) || CONDITIONAL_RE.test(conditionsOf))) continue;
    if (negatedLines) {
      const sc = input.scopes.scopes.find((x) => x.kind === 'negated' && start >= x.start && start < x.end);
      if (sc && /,\s*(?:or|and)\b|\bor\s+(?:have|has|had)\b/i.test(text.slice(sc.trigger[1], start))) continue;
    }
    // Not "2 lines of text" or "14 days" — the noun must be about therapy: look at what follows.
    const rest = text.slice(end, Math.min(text.length, end + 120));
    const of = /^\s*(?:of\s+)?(?:(?:prior|previous|standard|SoC|standard[\s-]of[\s-]care|approved|(?:FDA|EMA)[\s-]approved|systemic|anti-?cancer|anti-?tumou?r|anti-?neoplastic|anti-?[a-z]+(?:oma|a?emia)|cancer|established|active|effective|treatment|therapy|therapies|with|containing)\s+)*/i.exec(rest)!;
    let kinds: Kind[] = [];
    // The kind may sit inside the phrase ("2 prior chemotherapy regimens") or follow it ("lines of chemotherapy").
    const inner = input.mentions.find((x) => x.type === 'therapyKind' && x.start >= start && x.end <= end && x.id !== 'systemic');
    // Not one inside a parenthesis after the count: "AML: 1 line (allo-SCT-eligible status not allowed)"
    // counts lines of any treatment, and its aside is about transplant.
    const kindMention =
      inner ?? input.mentions.find((x) => x.type === 'therapyKind' && x.start >= end && x.start <= end + of[0].length + 2 && !text.slice(end, x.start).includes('('));
    let kindEnd = end + of[0].length;
    if (kindMention) {
      const k = kindMention.id as Kind;
      if (k !== 'systemic') kinds = [k];
      kindEnd = Math.max(end, kindMention.end);
      const trail = /^(?:\s+(?:therapy|therapies|treatments?|regimens?|agents?))*/i.exec(text.slice(kindEnd))!;
      kindEnd += trail[0].length;
    } else {
      const plain = /^\s*(?:of\s+)?(?:(?:prior|previous|systemic|standard|SoC|standard[\s-]of[\s-]care|approved|(?:FDA|EMA)[\s-]approved|anti-?cancer|anti-?tumou?r|anti-?[a-z]+(?:oma|a?emia)|cancer)\s+)*(?:therap(?:y|ies)|treatments?|regimens?)\b/i.exec(rest);
      if (plain) kindEnd = end + plain[0].length;
      else {
        // "at least 2 prior lines" with nothing after: the noun "lines"/"regimens" must be preceded
        // by "prior"/"previous" (or "systemic": "two or less systemic regimens") or followed by a
        // setting to count as lines of therapy.
        if (!/\b(?:prior|previous|preceding|systemic)\b/i.test(m[0]) && !/^\s*(?:in|for)\s+(?:the\s+)?(?:metastatic|advanced)/i.test(rest)) continue;
      }
    }
    // Lines of one class or drug ("2 prior platinum-based regimens", "one line of checkpoint
    // inhibitor treatment") cannot be counted with the facts.
    const classInside = input.mentions.some(
      (x) => (x.type === 'drugClass' || x.type === 'drug' || x.type === 'regimen') && x.start >= start && x.start <= Math.max(kindEnd, end + of[0].length) + 1,
    );
    // Lines of one class or drug ("2 prior platinum-based regimens", "≤ 2 prior lines of EGFR TKIs") count
    // only the lines that hold it; a list the text joins with "and" may mean lines holding both, so it stays unread.
    const counted = classInside ? countedTreatments(ctx, start, Math.max(kindEnd, end + of[0].length) + 1) : null;
    if (classInside && !counted) continue;
    end = Math.max(end, kindEnd, counted?.end ?? 0);
    // Setting: "for metastatic disease", "in the advanced setting".
    const fake: List = { items: [{ start, end, drugs: new Set(), classes: new Set(), kinds: new Set(), spans: [] }], start, end, hasAnd: false };
    const sentEnd = nextBoundary(text, end);
    const st = settingsNear(text, fake, sentEnd);
    const setting = st.settings.length === 1 ? st.settings[0] : undefined;
    if (st.settings.length > 1 || st.unknown) continue;
    const params: Record<string, unknown> = {};
    if (setting) params.setting = setting;
    if (kinds.length) params.kinds = kinds;
    if (counted?.classes.length) params.classes = counted.classes;
    if (counted?.drugs.length) params.drugs = counted.drugs;
    const leaf = (operator: LeafCondition['operator'], value: number): LeafCondition => ({
      fact: 'priorLines',
      operator,
      value,
      ...(Object.keys(params).length ? { params } : {}),
    });
    let condition: Condition;
    if (b !== null) condition = { all: [leaf('greaterThanInclusive', a), leaf('lessThanInclusive', b)] };
    else if (/^(?:and|but|to)\s/.test(tail)) {
      // "≥1 and <3": both bounds, each as its comparator says (fewer than 3 lines is at most 2).
      const up = /^(?:and|but|to)\s+(?:(no|not)\s+more\s+than|(?:a\s+)?maximum\s+of|(less|fewer)\s+than(\s+or\s+equal\s+to)?|\\?(<=|=<|≤|<))\s*(.+)$/.exec(tail);
      const hi = up ? toNumber(up[5]!) : null;
      const strict = !!up && ((!!up[2] && !up[3]) || up[4] === '<');
      const lower = wordsSense(cmp);
      if (!up || hi === null || hi < a || (strict && hi <= a) || lower === 'le' || lower === 'lt') continue;
      condition = { all: [leaf(lower === 'gt' ? 'greaterThan' : 'greaterThanInclusive', a), leaf(strict ? 'lessThan' : 'lessThanInclusive', hi)] };
    } else if (/^(?:at least|a minimum of|minimum of|minimum|>=|=>|≥|(?:greater|more) than or equal to|equal to or (?:greater|more) than)$/.test(cmp) || /\+|or more|or greater/.test(tail))
      condition = leaf('greaterThanInclusive', a);
    // "must not exceed 2 prior lines": more than 2, which the negation turns into at most 2.
    else if (/^(?:more than|greater than|exceeds?|exceeding|in excess of|>)$/.test(cmp)) condition = leaf('greaterThan', a);
    else if (/^(?:no more than|not more than|no greater than|at most|up to|a maximum of|maximum of|maximum|<=|=<|≤|(?:less|fewer) than or equal to|equal to or (?:less|fewer) than)$/.test(cmp) || /or fewer|or less/.test(tail))
      condition = leaf('lessThanInclusive', a);
    else if (/^(?:less than|fewer than|<)$/.test(cmp)) condition = leaf('lessThan', a);
    else if (/^(?:exactly|only)$/.test(cmp)) condition = leaf('equal', a);
    else {
      // A bare count: "received 2 prior regimens" states at least that many; "1 or 2" is a range.
      // A comparator the pattern does not know ("limited to 2", "equal to 2") must not turn into "at least".
      if (/\b(?:than|equal\s+to|(?:limited|restricted)\s+to|capped\s+at)\s*$/i.test(text.slice(Math.max(0, start - 24), start))) continue;
      condition = leaf('greaterThanInclusive', a);
    }
    // "prior FDA-approved targeted therapy": which agency approved it is no fact of the record, and it
    // narrows the lines counted, so the words stay unread beside the count (a gap in its span).
    const agency = /\b(?:FDA|EMA)[\s-]approved\b/i.exec(text.slice(start, end));
    const spans: Span[] = agency
      ? [[start, start + agency.index], [start + agency.index + agency[0].length, end], ...st.spans]
      : [[start, end], ...st.spans];
    const cue = cueRun(ctx, start, Math.max(0, start - 80));
    if (cue) spans.push(cue);
    // "Disease progression after ≥2 prior lines": the lines ended in progression (therapy-line-outcome.ts).
    const outcome = negatedLines ? null : outcomeBeforeCount(text, start, cue?.[0], sentence) ?? (input.kind === 'inclusion' ? outcomeAfterCount(text, end, sentEnd, sentence) : null);
    if (outcome) {
      condition = { all: [condition, outcome.leaf] };
      spans.push(outcome.span);
    }
    // The sufficient reading must be exact: no outcome ("refractory to at least 1 line") or anything after the count may narrow it.
    if (cohort && input.kind === 'inclusion' && (COHORT_OUTCOME_RE.test(sentence) || /\b(?:or|including|containing|based|which|that|unless|except|if|for|with)\b/i.test(maskSpans(text, end, sentEnd, st.spans)))) continue;
    if (cohort) {
      const words: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: sentence.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '') } };
      condition = input.kind === 'inclusion' ? { any: [condition, words] } : { all: [condition, words] };
    }
    if (ruleSense) {
      // Only a count in the advanced or metastatic setting, whose record count leaves out the (neo)adjuvant
      // lines a rule may add, and only in a positive inclusion outside a cohort.
      const side = (setting === 'advanced' || setting === 'metastatic') && input.kind === 'inclusion' && !negatedLines && !cohort ? ruleBoundSide(condition, ruleSense) : null;
      if (!side) continue;
      const words: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: ruleSentences(text).replace(/\s+/g, ' ').trim() } };
      condition = side.kind === 'sufficient' ? { any: [side.condition, words] } : { all: [side.condition, words] };
    }
    let cover: Span[] | undefined;
    if (declinedAt) {
      // The count must be exact to suffice: no outcome, setting or kind narrowing it that the route would
      // have to share, and no standard or approved lines only.
      if (outcome || setting || kinds.length || counted || agency || /\b(?:standard|SoC|approved|established|effective|active)\b/i.test(text.slice(start, end))) continue;
      const refusal: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(declinedAt[0], declinedAt[1]).replace(/^[\s(,]+|[\s),]+$/g, '') } };
      condition = { any: [condition, refusal] };
      cover = [declinedAt];
    }
    // "… lines of therapy, including X": the named treatment is itself required.
    out.push({ category: 'prior_therapy', condition, spans: mergeSpans(spans), anchor: start, ...(cover ? { cover } : {}) });
    ctx.used.push([start, end], ...st.spans);
  }
  LINE_ORDINAL_RE.lastIndex = ORDINAL_GATE.test(text) ? 0 : text.length;
  for (let m = LINE_ORDINAL_RE.exec(text); m; m = LINE_ORDINAL_RE.exec(text)) {
    if (isUsed(ctx, m.index, m.index + m[0].length)) continue;
    const ord = LINE_ORDINALS[m[1]!.toLowerCase()] ?? 0;
    if (!ord) continue;
    const start = m.index;
    const end = start + m[0].length;
    const fake: List = { items: [{ start, end, drugs: new Set(), classes: new Set(), kinds: new Set(), spans: [] }], start, end, hasAnd: false };
    const st = settingsNear(text, fake, nextBoundary(text, end));
    if (st.settings.length > 1 || st.unknown) continue;
    const params: Record<string, unknown> = st.settings[0] ? { setting: st.settings[0] } : {};
    out.push({
      category: 'prior_therapy',
      condition: { fact: 'priorLines', operator: 'greaterThanInclusive', value: ord - 1, ...(Object.keys(params).length ? { params } : {}) },
      spans: mergeSpans([[start, end], ...st.spans]),
      anchor: start,
    });
    ctx.used.push([start, end]);
  }
  // "Patients who have failed standard second-line drug therapy": the patient had that many lines and
  // progressed on the last. Inclusion only, and only as the whole of the criterion: a parenthesis or
  // condition after it ("…, with progression within six months of adjuvant therapy considered as
  // first-line failure") may count lines the facts do not.
  FAILED_LINE_RE.lastIndex = input.kind === 'inclusion' && /\bline\b/i.test(text) ? 0 : text.length;
  for (let m = FAILED_LINE_RE.exec(text); m; m = FAILED_LINE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isUsed(ctx, start, end) || /\b(?:not|no|never|without|unless|if|or)\b/i.test(text.slice(0, start))) continue;
    const ord = LINE_ORDINALS[m[1]!.toLowerCase()] ?? 0;
    if (!ord) continue;
    out.push({
      category: 'prior_therapy',
      condition: {
        all: [
          { fact: 'priorLines', operator: 'greaterThanInclusive', value: ord },
          { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } },
        ],
      },
      spans: [[start, end]],
      anchor: start,
    });
    ctx.used.push([start, end]);
  }
  // "Patients have undergone second-line therapy …": a patient who had the second line had two. What
  // follows the line ("… after recurrence after first-line therapy") narrows it and stays unread.
  RECEIVED_LINE_RE.lastIndex = /line\b/i.test(text) ? 0 : text.length;
  for (let m = RECEIVED_LINE_RE.exec(text); m; m = RECEIVED_LINE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isUsed(ctx, start, end) || /\b(?:not|no|never|without|unless|if|or|may|can|could)\b/i.test(text.slice(0, start))) continue;
    const ord = LINE_ORDINALS[m[1]!.toLowerCase()] ?? 0;
    if (!ord) continue;
    out.push({ category: 'prior_therapy', condition: { fact: 'priorLines', operator: 'greaterThanInclusive', value: ord }, spans: [[start, end]], anchor: start });
    ctx.used.push([start, end]);
  }
}

/** What a comparator symbol says: at most, fewer than, at least, more than. */
function symbolSense(sym: string): 'le' | 'lt' | 'ge' | 'gt' | null {
  if (/^(?:<=|=<|≤)$/.test(sym)) return 'le';
  if (sym === '<') return 'lt';
  if (/^(?:>=|=>|≥)$/.test(sym)) return 'ge';
  if (sym === '>') return 'gt';
  return null;
}
/** What the comparator words of a count say, in symbolSense's terms (null for any other words). */
function wordsSense(cmp: string): 'le' | 'lt' | 'ge' | 'gt' | null {
  if (/^(?:(?:less|fewer) than or equal to|equal to or (?:less|fewer) than|no more than|not more than|no greater than|at most|up to|a maximum of|maximum of|maximum)$/.test(cmp)) return 'le';
  if (/^(?:less|fewer) than$/.test(cmp)) return 'lt';
  if (/^(?:(?:greater|more) than or equal to|equal to or (?:greater|more) than|at least|a minimum of|minimum of|minimum)$/.test(cmp)) return 'ge';
  if (/^(?:more|greater) than$/.test(cmp)) return 'gt';
  return symbolSense(cmp);
}

/**
 * Which way a criterion's counting rules move the trial's count of advanced-setting lines from the
 * record's, which leaves out (neo)adjuvant, perioperative and curative-intent treatment. A rule about
 * such treatment only adds to that count, whatever it says ("Patients with recurrence within 6 months
 * of completion of neoadjuvant or adjuvant therapy will be considered as having received one prior
 * therapy for unresectable disease", "prior adjuvant anti-PD-1 … is considered 1 line … if less than
 * 6 months from the last treatment", "Neoadjuvant/Adjuvant treatment will not be considered a prior line
 * … unless …"): 'adds'. A rule that leaves other treatment out of the count ("Chemotherapy administered
 * in the adjuvant or neoadjuvant setting, or in combination with radiation therapy, should not be
 * counted as a systemic therapy regimen") only removes: 'removes'. Null for anything else: a rule that
 * merges regimens ("the same regimen administered twice … counted as 1 line"), one that leaves
 * treatment out with an exception, a rule about other treatment that adds, or rules that disagree.
 */
const RULE_ADJUVANT_RE = /\b(?:neo-?adjuvant|adjuvant|peri-?operative|curative|definitive|consolidation)\b/i;
/** Treatment in the advanced setting, or given some other way than the (neo)adjuvant words say. */
const RULE_OTHER_TREATMENT_RE =
  /\b(?:combination|combined|radiation|radiotherapy|chemoradi\w*|maintenance|metastatic|advanced|recurrent|unresectable|palliative|first[\s-]line|second[\s-]line|or\s+in)\b/i;
const RULE_NOT_COUNTED_RE = /\b(?:not|never)\s+(?:be\s+)?(?:considered|counted|regarded|deemed)\b|\b(?:does|do|will|shall|should)\s+not\s+count\b/i;
function countingRuleSense(text: string): 'adds' | 'removes' | null {
  let sense: 'adds' | 'removes' | null = null;
  for (const [a, b] of therapySentences(text)) {
    const sent = text.slice(a, b);
    const rule = COUNTING_RULE_RE.exec(sent);
    if (!rule) continue;
    if (/\b(?:same\s+regimen|twice|each|separate|re-?treat\w*|re-?challenge\w*)\b/i.test(sent)) return null;
    const not = RULE_NOT_COUNTED_RE.exec(sent);
    // What the rule is about: the words before its verb, from the dash or colon that opens its clause.
    const subject = sent.slice(0, not ? not.index : rule.index).split(/\s[-–—]\s|[:;]/).pop()!;
    const adjuvantOnly = RULE_ADJUVANT_RE.test(subject) && !RULE_OTHER_TREATMENT_RE.test(subject);
    let here: 'adds' | 'removes';
    if (adjuvantOnly) here = 'adds';
    else if (not && !/\b(?:unless|except\w*|if|provided|when)\b/i.test(sent)) here = 'removes';
    else return null;
    if (sense && sense !== here) return null;
    sense = here;
  }
  return sense;
}

/** The sentences that hold the criterion's counting rules, joined. */
function ruleSentences(text: string): string {
  return therapySentences(text)
    .map(([a, b]) => text.slice(a, b))
    .filter((x) => COUNTING_RULE_RE.test(x))
    .join(' ');
}

/**
 * The part of a count a counting rule leaves readable. Where the rule adds lines, the trial's count is
 * at least the record's: a record count at least n is sufficient for "at least n", and at most n is
 * necessary for "at most n". Where it removes lines, the trial's count is at most the record's: at
 * least n is necessary, at most n sufficient. A range keeps its necessary bound only.
 */
function ruleBoundSide(c: Condition, sense: 'adds' | 'removes'): { kind: 'sufficient' | 'necessary'; condition: Condition } | null {
  const leaves = leavesOf(c);
  const counts = leaves.filter((l) => l.fact === 'priorLines');
  const others = leaves.filter((l) => l.fact !== 'priorLines');
  if (!('all' in c) && !isLeaf(c)) return null;
  const lower = counts.filter((l) => l.operator === 'greaterThanInclusive' || l.operator === 'greaterThan');
  const upper = counts.filter((l) => l.operator === 'lessThanInclusive' || l.operator === 'lessThan');
  if (lower.length + upper.length !== counts.length || !counts.length) return null;
  const join = (ls: LeafCondition[]): Condition => (ls.length === 1 ? ls[0]! : { all: ls });
  const necessary = sense === 'adds' ? upper : lower;
  const sufficient = sense === 'adds' ? lower : upper;
  // The outcome said with the count ("progression after …") stays with either side.
  if (!necessary.length) return { kind: 'sufficient', condition: join([...sufficient, ...others]) };
  return { kind: 'necessary', condition: join([...necessary, ...others]) };
}

/** The place of a line in its sequence, as the line readers' patterns name it ("second", "3rd"). */
const LINE_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

/** "failed (standard) second-line (drug) therapy" ending the criterion (see its reader above). */
const FAILED_LINE_RE =
  /\b(?:failed|progressed\s+(?:on|after|following))\s+(?:(?:the|a|standard|prior)\s+)*(first|1st|second|2nd|third|3rd)[\s-]line\s+(?:(?:drug|systemic|anti-?cancer|standard)\s+)*(?:therapy|therapies|treatments?|regimens?)\b(?=\s*[.;]?\s*$)/gi;

/** "received (standard) second-line (drug) therapy": the line had, counted from the first. */
const RECEIVED_LINE_RE =
  /\b(?:received|undergone|completed)\s+(?:(?:the|a|standard|prior)\s+)*(second|2nd|third|3rd)[\s-]line\s+(?:(?:drug|systemic|anti-?cancer|standard)\s+)*(?:therapy|therapies|treatments?|regimens?)\b/gi;

/** A sentence opening with the patients it binds: "Patients with …", "For participants whose tumours harbour …". */
const MARKER_POPULATION_LEAD_RE =
  /^\W*(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|whose|harbou?ring|having|who\s+(?:have|has|harbou?rs?|carry|carries))\b/i;
/** Words that join alternatives of one counted treatment: "platinum or taxane", "BRAF/MEK inhibitor". */
const COUNTED_OR_GAP_RE = /^\s*-?\s*(?:,\s*)?(?:or|and\s*\/\s*or|\/)?\s*$/i;
/** A gap that joins the next treatment to the counted one some other way ("and", "plus", "with"). */
const COUNTED_JOIN_RE = /^\s*-?\s*(?:[,+&]|(?:and|plus|with|or|nor|followed\s+by)\b)/i;
/**
 * The drugs and classes whose lines a count is limited to, named where the counted noun is (from `at` to
 * `limit`) and joined to it by "or" only. A kind alone in the list (a list of kinds is a mix the count
 * cannot split) or an "and" leaves the count unread.
 */
function countedTreatments(ctx: Ctx, at: number, limit: number): { drugs: string[]; classes: string[]; end: number } | null {
  const { text, input } = ctx;
  const bound = nextBoundary(text, at);
  const items = itemsIn(
    ctx,
    input.mentions.filter((m) => THERAPY_TYPES.has(m.type)),
    at,
    bound,
  );
  const first = items.findIndex((it) => it.start >= at && it.start <= limit);
  if (first < 0) return null;
  const chain = [items[first]!];
  for (let i = first + 1; i < items.length; i++) {
    const gap = text.slice(chain[chain.length - 1]!.end, items[i]!.start);
    if (gap.trim() === '' || !COUNTED_OR_GAP_RE.test(gap)) {
      if (COUNTED_JOIN_RE.test(gap)) return null;
      break;
    }
    chain.push(items[i]!);
  }
  if (chain.some((it) => !it.drugs.size && !it.classes.size)) return null;
  const drugs = [...new Set(chain.flatMap((it) => [...it.drugs]))];
  const classes = [...new Set(chain.flatMap((it) => [...it.classes]))];
  return { drugs, classes, end: chain[chain.length - 1]!.end };
}

function sentenceStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const m = /[\s\S]*(?:[.;](?=\s)|\n)/.exec(before);
  return m ? m[0].length : 0;
}

function nextBoundary(text: string, from: number): number {
  const m = /[.;](?=\s|$)|\n/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

// ---------------------------------------------------------------------------------------------
// Treatment-naive, previously untreated.

const NAIVE_EXCEPT_SURGERY_SRC = String.raw`\s*[,(]?\s*(?:except|other\s+than|apart\s+from)\s+(?:for\s+)?(?:prior\s+|previous\s+)?(?:surgery|surgical\s+resection|resection|biopsy)(?:\s*,\s*see\s+below)?\s*\)?`;
const NAIVE_EXCEPT_SURGERY_RE = new RegExp(`^${NAIVE_EXCEPT_SURGERY_SRC}`, 'i');
const NAIVE_EXCEPT_SURGERY_ANY_RE = new RegExp(NAIVE_EXCEPT_SURGERY_SRC, 'gi');
const UNTREATED_LESION_AFTER_RE = /^\s*(?:,\s*)?(?:(?:and|or|asymptomatic|symptomatic|stable|active|new|small|measurable|intracranial|parenchymal|\w+-?symptomatic)\s+)*(?:brain|CNS|cerebral|intracranial|spinal|bone|liver|target)?\s*(?:metastas[ie]s|mets|lesions?|nodules?)\b/i;
const UNTREATED_LESION_BEFORE_RE = /\b(?:metastas[ie]s|mets|lesions?|nodules?)\s+(?:(?:must|should|are|is|be|that|which|have|has|been|remain|to|previously)\s+){1,4}$/i;
const UNTREATED_WITH_GENERIC_RE =
  /^\s+(?:with|by)\s+(?:(?:any|prior|previous)\s+)*(?:(?:systemic|anti-?cancer|anti-?tumou?r|anti-?neoplastic)\s+)+(?:treatments?|therapy|therapies)\b/i;
function readNaive(ctx: Ctx, items: Item[], out: Finding[]): void {
  const { text, input } = ctx;
  NAIVE_RE.lastIndex = 0;
  for (let m = NAIVE_RE.exec(text); m; m = NAIVE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isUsed(ctx, start, end)) continue;
    const word = m[1]!.toLowerCase();
    const sStart = sentenceStart(text, start);
    const sentence = text.slice(sStart, nextBoundary(text, start));
    // "may be treatment naive or have progressed", "If a patient is treatment naive": options, not requirements.
    const sEnd = sStart + sentence.length;
    // Untreated lesions ("brain metastases must be previously untreated") say nothing of systemic therapy.
    // (Also past a parenthesis: "previously untreated (except for surgery, see below) asymptomatic … brain metastases".)
    const afterAside = text.slice(end).replace(/^\s*\([^()]{0,80}\)/, '');
    if (/untreated/.test(word) && (UNTREATED_LESION_AFTER_RE.test(text.slice(end, end + 60)) || UNTREATED_LESION_AFTER_RE.test(afterAside.slice(0, 60)) || UNTREATED_LESION_BEFORE_RE.test(text.slice(Math.max(sStart, start - 60), start)))) continue;
    // "treatment-naïve (except for prior surgery)": surgery is no systemic therapy, so the exception
    // leaves the reading as it is; "with or without a driver alteration" offers no other history.
    const exceptSurgery = NAIVE_EXCEPT_SURGERY_RE.exec(text.slice(end, end + 60));
    // A parenthesis about something else ("(melanoma of unknown origin is accepted)") neither permits nor
    // offers anything of the treatment history; an "or" counts only where it offers another history.
    const alternatives = maskNaiveAsides(sentence.replace(NAIVE_EXCEPT_SURGERY_ANY_RE, (m) => ' '.repeat(m.length)), start - sStart).replace(/\bwith\s+or\s+without\b/gi, ' ');
    const ors = maskNaiveAsides(
      maskSpans(text, sStart, sEnd, otherTopicOrs(ctx, sStart, sEnd))
        .replace(NAIVE_EXCEPT_SURGERY_ANY_RE, (m) => ' '.repeat(m.length))
        .replace(/\band\/or\b|\bwith\s+or\s+without\b/gi, (m) => ' '.repeat(m.length)),
      start - sStart,
    );
    const mentionIn = (a: number, b: number): boolean => input.mentions.some((mm) => THERAPY_TYPES.has(mm.type) && mm.start >= sStart + a && mm.end <= sStart + b);
    if (permits(alternatives) || CONDITIONAL_RE.test(alternatives) || naiveAlternative(ors, start - sStart, end - sStart, mentionIn) || /\b(?:may|can|could)\s+be\b/i.test(sentence)) {
      note('naive-alt');
      continue;
    }
    // "naïve of anticancer treatments for the considered cancer": naive for one cancer only, which the
    // fact cannot say; read as naive to every treatment it would fail a patient treated for another one.
    // Never treated at all is still enough: in an inclusion it is one sufficient route, any(naive, unread).
    const forThisCancer = NAIVE_FOR_THIS_CANCER_RE.exec(text.slice(end, sEnd));
    if (forThisCancer && (input.kind !== 'inclusion' || input.scopes.in('negated', start))) {
      note('naive-for-this-cancer');
      continue;
    }
    const spans: Span[] = [[start, end]];
    if (exceptSurgery) spans.push([end, end + exceptSurgery[0].length]);
    const kinds: Kind[] = ['systemic'];
    let filterItems: Item[] | null = null;
    let naiveEnd = end;
    if (/na[iï]ve/.test(word)) {
      // "treatment-naive", "therapy-naïve", "naive to prior therapy".
      const before = /(?:\b(?:systemic\s+)?(?:treatment|therapy|therapies|drug)s?[\s-]*)$/i.exec(text.slice(Math.max(0, start - 30), start));
      // "naive for palliative-intent systemic therapy for metastatic disease": palliative intent is the
      // advanced setting, read only where the setting is also said (checked below).
      const to = /^\s+(?:to|of|for)\s+(?:(?:any|all|prior|previous)\s+)*(?:palliative(?:[\s-]intent)?\s+)?(?:(?:systemic\s+|anti-?cancer\s+|anti-?tumou?r\s+)?(?:treatments?|therapy|therapies)\b)?/i.exec(text.slice(end));
      // "Treatment-naïve for palliative systemic therapy": the treatment named after it is the one not had.
      // Also "treatment-naive to BRAF/MEK inhibitors": only what is named, not every systemic therapy.
      const ti = to ? items.find((i) => i.start >= end && i.start <= end + to[0].length + 2 && !isUsed(ctx, i.start, i.end)) : undefined;
      if (before) spans.push([start - before[0].length, start]);
      // "alpelisib treatment naïve", "ICI treatment-naive": naive to the treatment named right before, not to every one.
      const pi = before && !ti ? items.find((i) => i.suffix === 'naive' && i.start < start - before[0].length && i.end >= end && !i.except && !isUsed(ctx, i.start, i.end)) : undefined;
      if (pi) {
        filterItems = [{ ...pi, suffix: undefined }];
        spans.push([pi.start, start], ...pi.spans);
      } else if (ti) {
        filterItems = [ti];
        spans.push([end, ti.end], ...ti.spans);
      } else if (before) {
        // "treatment-naive" alone.
      } else if (to && to[0].trim().length > 2 && /treatment|therap/i.test(to[0])) spans.push([end, end + to[0].length]);
      else continue;
    } else if (/untreated/.test(word)) {
      // "previously untreated metastatic NSCLC"; "previously untreated with any systemic anticancer
      // therapy for their … metastatic disease": the generic treatment named after "with" is the
      // systemic therapy not had, and its setting follows it.
      const withGeneric = UNTREATED_WITH_GENERIC_RE.exec(text.slice(end));
      if (withGeneric) {
        spans.push([end, end + withGeneric[0].length]);
        naiveEnd = end + withGeneric[0].length;
      }
    }
    const palliative = /palliative/i.test(text.slice(end, filterItems ? filterItems[0]!.start : end));
    // With the treatment named, its setting is said after it.
    const settingFrom = filterItems ? filterItems[0]! : { start, end: naiveEnd, drugs: new Set<string>(), classes: new Set<string>(), kinds: new Set<Kind>(), spans: [] };
    const st = settingsNear(text, { items: [settingFrom], start: settingFrom.start, end: settingFrom.end, hasAnd: false }, nextBoundary(text, end));
    let setting: Setting | undefined;
    const extFrom = naiveEnd + (exceptSurgery ? exceptSurgery[0].length : 0);
    // "treatment naïve (metastatic stage)": the setting may stand in a parenthesis of its own.
    const ext =
      /^\s*(?:,\s*)?((?:locally\s+)?advanced|metastatic|unresectable|recurrent)(?:\s*(?:,|or|and|\/)\s*((?:locally\s+)?advanced|metastatic|unresectable|recurrent))*/i.exec(text.slice(extFrom)) ??
      /^\s*\(\s*(?:in\s+the\s+)?((?:locally\s+)?advanced|metastatic|unresectable|recurrent)(?:\s*(?:,|or|and|\/)\s*((?:locally\s+)?advanced|metastatic|unresectable|recurrent))*(?:\s+(?:stage|setting|disease))?\s*\)/i.exec(text.slice(extFrom));
    if (ext) {
      setting = /advanced|unresectable|recurrent/i.test(ext[0]) ? 'advanced' : 'metastatic';
      spans.push([extFrom, extFrom + ext[0].length]);
    } else if (st.settings.length === 1) {
      setting = st.settings[0];
      spans.push(...st.spans);
    }
    // "untreated … for their locally advanced or metastatic disease" names the setting in words not
    // read: without it the finding would forbid every treatment, wider than the text.
    // So does a parenthesis right after it that names a setting the reading did not take.
    if (
      !setting &&
      (palliative ||
        st.unknown ||
        /\b(?:for|in)\s+(?:the\s+|their\s+|this\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?(?:advanced|metastatic|recurrent|unresectable|palliative|first[\s-]line|non-curative)\b/i.test(text.slice(naiveEnd, nextBoundary(text, end))) ||
        /^\s*\([^()]*\b(?:advanced|metastatic|recurrent|unresectable|palliative|adjuvant|curative|first[\s-]line|setting|stage)\b/i.test(text.slice(naiveEnd)))
    ) {
      note('naive setting unread');
      continue;
    }
    const params: Record<string, unknown> = setting ? { setting } : {};
    const condition = filterItems ? conditionFor(filterItems, params) : ({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds, ...params } } as LeafCondition);
    if (!condition) continue;
    const negated = input.scopes.in('negated', start);
    if (negated && input.kind === 'exclusion') continue;
    // "Cohort B: … treatment naive to BRAF/MEK inhibitors": the requirement binds that cohort only, so
    // a patient who had the treatment is left open, any(not X, unread), never excluded.
    // The label may open the sentence, not the criterion ("Prior therapy: i. Part 1: Patients must be treatment naïve").
    const cohort = SUBGROUP_ONLY_RE.test(text) || COHORT_RE.test(text.slice(0, start)) || COHORT_RE.test(text.slice(sStart, start).replace(/^\s*(?:[ivx]{1,4}|[a-h])[.)]\s+/i, ''));
    if (cohort && (negated || input.kind === 'exclusion')) continue;
    if (forThisCancer) {
      const at = end + forThisCancer.index;
      const cancerSpan: Span = [at, at + forThisCancer[0].length];
      out.push({
        category: 'prior_therapy',
        condition: { any: [flipBool(condition), unreadWords(text.slice(...cancerSpan))] },
        spans: mergeSpans([...spans, cancerSpan]),
        anchor: start,
        polarityHandled: true,
      });
      ctx.used.push(...spans, cancerSpan);
      continue;
    }
    out.push({
      category: 'prior_therapy',
      condition: cohort ? { any: [flipBool(condition), { fact: 'unparsed', operator: 'equal', value: true, params: { text: sentence.replace(/\s+/g, ' ').trim() } }] } : flipBool(condition),
      spans: mergeSpans(spans),
      anchor: start,
      ...(negated ? {} : { polarityHandled: true }),
    });
    ctx.used.push(...spans);
  }
}

// ---------------------------------------------------------------------------------------------

/** The sentence around a position: from the last ". " or ";" before it to the next after it. */
function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';')) + 1;
  const after = /\.(?:\s|$)|;/.exec(text.slice(at));
  return text.slice(start, after ? at + after.index : text.length);
}

/** Generic "prior therapy", "standard therapy" and trial participation as items of kind systemic / investigational. */
function extraItems(ctx: Ctx, taken: Item[], absorbed: Set<Item>): Item[] {
  const { text } = ctx;
  const out: Item[] = [];
  const add = (start: number, end: number, kind: Kind, generic: boolean): void => {
    if (taken.some((t) => t.start < end && start < t.end)) return;
    out.push({ start, end, drugs: new Set(), classes: new Set(), kinds: new Set([kind]), spans: [[start, end]], generic });
  };
  const lower = text.toLowerCase();
  GENERIC_RE.lastIndex = lower.includes('prior') || lower.includes('previous') || lower.includes('preceding') || lower.includes('earlier') ? 0 : text.length;
  for (let m = GENERIC_RE.exec(text); m; m = GENERIC_RE.exec(text)) {
    const wStart = m.index + m[0].length - m[1]!.length;
    // "in the two weeks preceding therapy": a preposition before the study treatment.
    if (/\b(?:days?|weeks?|months?|years?|hours?|period|time|interval)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "Prior neoadjuvant or adjuvant therapy is allowed provided …": a treatment named only by its
    // setting, read here only in a permission that opens the criterion (the permission reader takes a
    // generic treatment as any anticancer treatment, and reads it as no requirement). Elsewhere the bare
    // phrase is therapy-local-qualified.ts's, which reads it as any anticancer treatment in that setting;
    // as a generic item of kind systemic it would drop adjuvant radiotherapy from "No prior adjuvant
    // therapy". After another sentence ("No prior systemic therapy. Prior adjuvant therapy is permitted,
    // provided …") the permission carves out of what that sentence forbids (permissionAfter), which it
    // does only while it names no treatment the reader knows.
    if (/adjuvant/i.test(text.slice(m.index, wStart))) {
      const sentence = sentenceAt(text, m.index);
      if (!permits(sentence) || !/^[\s*•-]*$/.test(text.slice(0, text.indexOf(sentence)))) continue;
    }
    add(wStart, m.index + m[0].length, 'systemic', true);
  }
  RECEIVED_FOR_RE.lastIndex = lower.includes(' for ') ? 0 : text.length;
  for (let m = RECEIVED_FOR_RE.exec(text); m; m = RECEIVED_FOR_RE.exec(text)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'systemic', true);
  STANDARD_RE.lastIndex = /standard|\bsoc\b|approved|available/.test(lower) ? 0 : text.length;
  for (let m = STANDARD_RE.exec(text); m; m = STANDARD_RE.exec(text)) add(m.index, m.index + m[0].length, 'systemic', true);
  TRIAL_RE.lastIndex = /trial|stud|protocol/.test(lower) ? 0 : text.length;
  for (let m = TRIAL_RE.exec(text); m; m = TRIAL_RE.exec(text)) add(m.index, m.index + m[0].length, 'investigational', false);
  if (/target|direct|against|block/.test(lower)) out.push(...targetItems(ctx, [...taken, ...out], absorbed));
  return out;
}

/** "therapy targeting BRAF and/or MEK", "agents directed against PD-1 or PD-L1": the targets named after the cue. */
const TARGET_RE =
  /\b(?:(?:directly|specifically|selectively)\s+)?(?:targeting|targeted\s+(?:at|to|against)|directed\s+(?:against|at|to|towards?)|that\s+targets?|which\s+targets?|against)\s+(?:the\s+)?((?!(?:or|and|the)\b)[A-Za-z][\w-]{1,11}(?:\s+[A-Z]\d{2,4}[A-Z]?\b)?(?:\s*(?:,\s*(?:(?:or|and|and\s*\/\s*or)\s+)?|\/|\bor\b|\band\s*\/\s*or\b|\band\b)\s*(?:the\s+)?(?!(?:or|and|the)\b)[A-Za-z][\w-]{1,11}(?:\s+[A-Z]\d{2,4}[A-Z]?\b)?)*)(?:\s+(?:pathways?|axis|receptors?|signal(?:l)?ing|proteins?|kinases?|family|mutations?|alterations?))?(?=\s*(?:$|[,;:.()[\]]|\b(?:or|and|within|in|for|prior|before|during|at|with|is|are|was|were|has|have|must|should|unless|except|other|therap(?:y|ies)|treatments?|agents?|drugs?|inhibitors?|antibod(?:y|ies)|compounds?|e\.?g)\b))/gi;
/**
 * "PD-1 or PD-L1 blocking agent", "MEK/ERK-directed therapy": the targets named before a head the lexicon lacks.
 * At most twelve names: unbounded, a long run of names with no head after it cost every start a walk
 * to its end (seconds on a few tens of kilobytes).
 */
const TARGET_BEFORE_RE =
  /\b((?!(?:or|and|the|any|prior|with)\b)[A-Za-z][\w-]{1,11}(?:\s*(?:,(?:\s*(?:or|and|and\s*\/\s*or)\s+)?|\/|\bor\b|\band\s*\/\s*or\b|\band\b)\s*(?!(?:or|and|the)\b)[A-Za-z][\w-]{1,11}){0,11})[\s-]+(?:blocking|targeted|targeting|directed)\s+(?:agents?|antibod(?:y|ies)|therap(?:y|ies)|drugs?|treatments?|inhibitors?|compounds?|molecules?)\b/gi;
/**
 * "anti-LAG-3 (e.g., relatlimab) or CTLA-4 (e.g., ipilimumab) directed therapy": targets before the
 * cue with an aside of examples between them and it. The examples name drugs of the targets' classes
 * and stand for nothing more (exampleOf); the aside is part of the phrase. At most six targets, so
 * that a long run of names with no aside after it costs each start a bounded try.
 */
const TARGET_EXAMPLES_BEFORE_RE =
  /\b((?!(?:or|and|the|any|prior|with)\b)[A-Za-z][\w-]{1,11}(?:\s*(?:,(?:\s*(?:or|and|and\s*\/\s*or)\s+)?|\/|\bor\b|\band\s*\/\s*or\b|\band\b)\s*(?!(?:or|and|the)\b)[A-Za-z][\w-]{1,11}){0,5})\s*\(\s*(?:e\.?\s?g\.?|such\s+as|for\s+example|for\s+instance)\s*[,:]?\s*[^()]{1,80}\)[\s-]*(?:blocking|targeted|targeting|directed)\s+(?:agents?|antibod(?:y|ies)|therap(?:y|ies)|drugs?|treatments?|inhibitors?|compounds?|molecules?)\b/gi;
/** The examples aside of a TARGET_EXAMPLES_BEFORE_RE match, from its opening to its closing bracket. */
function examplesAside(m: RegExpExecArray): Span | null {
  if (!/^\s*\(\s*(?:e\.?\s?g|such\s+as|for\s+example|for\s+instance)/i.test(m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length))) return null;
  const open = m[0].indexOf('(', m[0].indexOf(m[1]!) + m[1]!.length);
  const close = m[0].indexOf(')', open);
  return open < 0 || close < 0 ? null : [m.index + open, m.index + close + 1];
}
/** An item inside the examples aside that names only drugs of the targets' classes: an example of them, read with them. */
function exampleOf(lex: Lexicons, t: Item, aside: Span | null, found: Item[]): boolean {
  if (!aside || t.start < aside[0] || t.end > aside[1] || !t.drugs.size || t.classes.size || t.except || t.suffix) return false;
  return [...t.drugs].every((d) => found.some((f) => [...f.classes].some((c) => drugInClass(lex, d, c))));
}
const TARGET_NAME_RE = /[A-Za-z][\w-]{1,11}(?:\s+[A-Z]\d{2,4}[A-Z]?\b)?/g;
const TARGET_SKIP = new Set(['or', 'and', 'the']);

/**
 * Items for the targets of a "targeting" phrase, each read as the class the lexicon names "<target>
 * inhibitor" ("BRAF inhibitor", "PD-1 inhibitor"). Every target must be known: an unknown one
 * ("targeting LILRB") leaves the phrase unread rather than read as a narrower list.
 */
function targetItems(ctx: Ctx, taken: Item[], absorbed: Set<Item>): Item[] {
  const { text, lex } = ctx;
  const out: Item[] = [];
  const matches: RegExpExecArray[] = [];
  for (const re of [TARGET_RE, TARGET_BEFORE_RE, TARGET_EXAMPLES_BEFORE_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) matches.push(m);
  }
  for (const m of matches) {
    // The examples between the targets and the cue ("CTLA-4 (e.g., ipilimumab) directed therapy").
    const examples = examplesAside(m);
    const namesAt = m.index + m[0].indexOf(m[1]!);
    const found: Item[] = [];
    let unknown = false;
    // Targets the lexicon already read as classes ("the PD-1/PD-L1 axis"): the phrase is theirs.
    const covering = taken.filter((t) => t.start < namesAt + m![1]!.length && namesAt < t.end);
    if (covering.length && covering[0]!.start === namesAt && covering[covering.length - 1]!.end >= namesAt + m[1]!.length && covering.every((t) => t.classes.size || t.drugs.size)) {
      const first = covering[0]!;
      const last = covering[covering.length - 1]!;
      first.spans.push([m.index, first.start]);
      first.start = m.index;
      // The kind heading them ("immunotherapy directed against PD-1/PD-L1") is read with them, as below.
      const head = targetHead(ctx, taken, m.index, namesAt, covering) ?? investigationalHead(ctx, taken, m.index, namesAt, covering);
      if (head) {
        first.spans.push(...head.spans, [Math.min(head.end, m.index), m.index]);
        first.start = head.start;
        absorbed.add(head);
        if (head.kinds.has('investigational')) for (const t of covering) t.kinds.add('investigational');
      }
      last.spans.push([last.end, m.index + m[0].length]);
      last.end = m.index + m[0].length;
      continue;
    }
    TARGET_NAME_RE.lastIndex = 0;
    for (let w = TARGET_NAME_RE.exec(m[1]!); w; w = TARGET_NAME_RE.exec(m[1]!)) {
      if (TARGET_SKIP.has(w[0].toLowerCase())) continue;
      const phrase = `${w[0]} inhibitor`;
      const cls = lex.index.scan(phrase).find((x) => x.type === 'drugClass' && x.start === 0 && x.end === phrase.length);
      if (!cls) {
        unknown = true;
        break;
      }
      const start = namesAt + w.index;
      found.push({ start, end: start + w[0].length, drugs: new Set(), classes: new Set([cls.id]), kinds: new Set(), spans: [[start, start + w[0].length]] });
    }
    if (unknown || !found.length) continue;
    // The cue word and a trailing "pathway" belong to the phrase.
    found[0]!.spans.push([m.index, found[0]!.start]);
    found[0]!.start = m.index;
    const last = found[found.length - 1]!;
    last.spans.push([last.end, m.index + m[0].length]);
    last.end = m.index + m[0].length;
    // "immunotherapy targeting CTLA-4, PD-1, PD-L1 or LAG-3", "targeted therapy targeting BRAF and/or MEK":
    // the kind the targets narrow is no treatment of its own but the head of the phrase, which names
    // exactly the targets' classes (an anti-CTLA-4 antibody is immunotherapy, a BRAF inhibitor targeted
    // therapy). Only a kind every target's class belongs to, or the systemic kind that holds them all:
    // "chemotherapy targeting BRAF" says something no class holds, and stays unread.
    const head = targetHead(ctx, taken, m.index, namesAt, found) ?? investigationalHead(ctx, taken, m.index, namesAt, found);
    const headed = !!head;
    if (head?.kinds.has('investigational')) for (const f of found) f.kinds.add('investigational');
    // Inside the names, a pair the lexicon reads as one class ("PD-1, PD-L1" as anti-PD-(L)1) gives way
    // to the targets read one by one, which name the same classes.
    const inNames = (t: Item): boolean => t.start >= namesAt && t.end <= namesAt + m![1]!.length && t.classes.size > 0 && !t.drugs.size;
    const overlapping = taken.filter((t) => (!headed || t !== head) && found.some((f) => t.start < f.end && f.start < t.end));
    if (overlapping.some((t) => !inNames(t) && !exampleOf(lex, t, examples, found))) continue;
    for (const t of overlapping) absorbed.add(t);
    if (headed) {
      found[0]!.spans.push(...head!.spans, [Math.min(head!.end, m.index), m.index]);
      found[0]!.start = head!.start;
      absorbed.add(head!);
    }
    out.push(...found);
  }
  return out;
}

/**
 * The same head before a class the lexicon reads with its own cue ("anticancer therapy targeting
 * immune-regulatory receptors", "immunotherapy directed against PD-1"): the kind is read with the class.
 */
function headLexiconTargets(ctx: Ctx, items: Item[], absorbed: Set<Item>): void {
  const { text } = ctx;
  for (let i = 0; i + 1 < items.length; i++) {
    const k = items[i]!;
    const c = items[i + 1]!;
    if (absorbed.has(k) || absorbed.has(c) || !c.classes.size || c.start <= k.start) continue;
    // Both may hold the cue ("therapy targeting" and "targeting immune-regulatory receptors").
    const shared = c.start < k.end;
    if (shared && !(TARGET_PHRASE_RE.test(text.slice(c.start, k.end)) && KIND_TARGETING_END_RE.test(text.slice(k.start, k.end)))) continue;
    const cueInKind = !shared && KIND_TARGETING_END_RE.test(text.slice(k.start, k.end)) && /^\s*$/.test(text.slice(k.end, c.start));
    const cueInClass = !shared && TARGET_PHRASE_RE.test(text.slice(c.start, c.end)) && TARGET_HEAD_GAP_RE.test(text.slice(k.end, c.start));
    if ((!shared && !cueInKind && !cueInClass) || !headHolds(ctx.lex, k, [c])) continue;
    c.spans.push(...k.spans, ...(shared ? [] : [[k.end, c.start] as Span]));
    c.start = k.start;
    absorbed.add(k);
  }
}

/** Between a kind and the cue of its targets: nothing but a hyphen, or a head noun ("immunotherapy agents targeting"). */
const TARGET_HEAD_GAP_RE = /^[\s-]*(?:(?:agents?|drugs?|therap(?:y|ies)|treatments?)\s+)?$/i;

/**
 * The kind-only item right before the cue of a target phrase (or ending with it: "targeted therapy
 * targeting"), when its kind holds every class the targets name.
 */
function targetHead(ctx: Ctx, taken: Item[], cueAt: number, namesAt: number, targets: Item[]): Item | null {
  const head = itemBeforeCue(ctx, taken, cueAt, namesAt);
  return head && headHolds(ctx.lex, head, targets) ? head : null;
}

/**
 * The item right before the cue of a target phrase, or ending with it ("targeted therapy targeting").
 * Only a cue before the names ("targeting BRAF"): in "PD-1 blocking agent" the head is the noun after.
 */
function itemBeforeCue(ctx: Ctx, taken: Item[], cueAt: number, namesAt: number): Item | undefined {
  const { text } = ctx;
  if (namesAt <= cueAt) return undefined;
  return taken.find(
    (t) =>
      t.start < cueAt &&
      ((t.end <= cueAt && TARGET_HEAD_GAP_RE.test(text.slice(t.end, cueAt))) || (t.end > cueAt && t.end <= namesAt && KIND_TARGETING_END_RE.test(text.slice(t.start, t.end)))),
  );
}

/**
 * Whether a target phrase at or after `from` names a target the lexicon reads as a class ("targeting
 * BRAF": a BRAF inhibitor), as targetItems does.
 */
function targetsKnown(ctx: Ctx, from: number, e: number): boolean {
  const { text, lex } = ctx;
  const sub = text.slice(from, Math.min(e, from + 120));
  TARGET_RE.lastIndex = 0;
  const m = TARGET_RE.exec(sub);
  if (!m) return false;
  TARGET_NAME_RE.lastIndex = 0;
  for (let w = TARGET_NAME_RE.exec(m[1]!); w; w = TARGET_NAME_RE.exec(m[1]!)) {
    if (TARGET_SKIP.has(w[0].toLowerCase())) continue;
    const phrase = `${w[0]} inhibitor`;
    if (lex.index.scan(phrase).some((x) => x.type === 'drugClass' && x.start === 0 && x.end === phrase.length)) return true;
  }
  return false;
}

/**
 * An "experimental" or "investigational" head before the cue of a target phrase ("experimental agents
 * that target the KRAS/BRAF/MEK/ERK pathway", "investigational agents targeting KRAS"): the status
 * narrows the targets' classes as it does in "experimental KRAS inhibitors", so it is read with each
 * of them (one treatment both investigational and of the class), never as a treatment of its own.
 */
function investigationalHead(ctx: Ctx, taken: Item[], cueAt: number, namesAt: number, targets: Item[]): Item | null {
  const head = itemBeforeCue(ctx, taken, cueAt, namesAt);
  if (!head || head.drugs.size || head.classes.size || head.suffix || head.kinds.size !== 1 || !head.kinds.has('investigational')) return null;
  return targets.every((t) => t.classes.size > 0 && !t.drugs.size) ? head : null;
}

/** A kind-only item whose kind holds every class of the targets (or the systemic kind, which holds every anticancer kind). */
function headHolds(lex: Lexicons, head: Item, targets: Item[]): boolean {
  if (head.drugs.size || head.classes.size || head.suffix || head.kinds.size !== 1) return false;
  const kind = [...head.kinds][0]!;
  const holds = (c: string): boolean => (kind === 'systemic' ? SYSTEMIC_KINDS.has(kindOfClass(lex, c) ?? '') : kindOfClass(lex, c) === kind);
  return targets.every((t) => t.classes.size > 0 && !t.drugs.size && [...t.classes].every(holds));
}

// ---------------------------------------------------------------------------------------------
// Typo tolerance for drug names: "pembrolizumb", "vemurafinib". A token is matched only when it
// looks like a drug name (a long word with a drug-name ending), is not already a lexicon word, is
// within one edit (Damerau-Levenshtein) of exactly one drug name, and no other drug name is within
// two edits — so palbociclib and ribociclib, or nivolumab and pembrolizumab, never merge.

const DRUGLIKE_RE = /^[a-z]{8,}$/;

interface FuzzyIndex {
  /**
   * Drug names (single lower-case words of 8+ letters) by their first three and last three letters:
   * one edit leaves one of the two intact in a word that long, so these buckets hold every name
   * within one edit; names sharing a stem ("-ciclib") meet in the suffix bucket for the two-edit check.
   */
  byAffix: Map<string, Array<{ name: string; id: string }>>;
  memo: Map<string, string | null>;
  /** Every word of every drug and class phrase: a token that is one of them is not a typo. */
  known: Set<string>;
}
const fuzzyCache = new WeakMap<Lexicons, FuzzyIndex>();

function fuzzyIndex(lex: Lexicons): FuzzyIndex {
  let idx = fuzzyCache.get(lex);
  if (idx) return idx;
  const byAffix = new Map<string, Array<{ name: string; id: string }>>();
  const known = new Set<string>();
  const learn = (phrase: string): void => {
    for (const t of phrase.toLowerCase().split(/[^a-z0-9]+/)) if (t) known.add(t);
  };
  for (const d of lex.drugs.drugs) {
    for (const n of [d.name, ...d.synonyms]) {
      learn(n);
      const w = n.toLowerCase();
      if (!DRUGLIKE_RE.test(w)) continue;
      for (const key of [`^${w.slice(0, 3)}`, `$${w.slice(-3)}`]) {
        const list = byAffix.get(key) ?? [];
        if (!list.some((x) => x.name === w)) list.push({ name: w, id: d.id });
        byAffix.set(key, list);
      }
    }
  }
  for (const c of lex.drugs.classes) for (const n of [c.name, ...c.synonyms]) learn(n);
  for (const k of lex.drugs.kinds) for (const n of k.synonyms) learn(n);
  idx = { byAffix, known, memo: new Map() };
  fuzzyCache.set(lex, idx);
  return idx;
}

/** Optimal-string-alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The drug a misspelt token stands for, when exactly one drug name is one edit away and no other is within two. */
export function fuzzyDrug(lex: Lexicons, token: string): string | null {
  const w = token.toLowerCase();
  if (!DRUGLIKE_RE.test(w)) return null;
  const idx = fuzzyIndex(lex);
  if (idx.known.has(w)) return null;
  const memo = idx.memo.get(w);
  if (memo !== undefined) return memo;
  const close = new Set<string>();
  const near = new Set<string>();
  for (const key of [`^${w.slice(0, 3)}`, `$${w.slice(-3)}`]) {
    for (const c of idx.byAffix.get(key) ?? []) {
      const d = editDistance(w, c.name, 2);
      if (d <= 1) close.add(c.id);
      else if (d === 2) near.add(c.id);
    }
  }
  let found: string | null = null;
  if (close.size === 1) {
    const id = [...close][0]!;
    if ([...near].every((n) => n === id)) found = id;
  }
  // Bounded memo: the corpus vocabulary is small, hostile input is not.
  if (idx.memo.size < 50_000) idx.memo.set(w, found);
  return found;
}

function fuzzyMentions(input: ExtractInput, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const t of input.tokens) {
    if (t.raw.length < 8 || !/^[a-z]+$/i.test(t.raw)) continue;
    if (input.mentions.some((m) => t.start >= m.start && t.end <= m.end)) continue;
    const id = fuzzyDrug(input.lex, t.raw);
    if (!id || mentions.some((m) => m.start === t.start)) continue;
    const longer = fuzzyLonger(input, id, t);
    out.push(longer ?? { type: 'drug', id, start: t.start, end: t.end, text: t.raw });
  }
  return out;
}

/**
 * A misspelt first word of a longer drug name ("nicotineamide riboside"): the corrected word read with
 * the words after it, so the longer name is found rather than the one-word drug it begins with.
 */
function fuzzyLonger(input: ExtractInput, id: string, t: ExtractInput['tokens'][number]): Mention | null {
  const d = input.lex.drugById.get(id);
  if (!d) return null;
  const after = input.text.slice(t.end, t.end + 80);
  for (const n of [d.name, ...d.synonyms]) {
    const w = n.toLowerCase();
    if (!DRUGLIKE_RE.test(w) || editDistance(t.raw.toLowerCase(), w, 1) > 1) continue;
    const m = input.lex.index.scan(w + after).find((x) => x.start === 0 && x.type === 'drug');
    if (m && m.end > w.length) {
      const end = t.end + m.end - w.length;
      return { type: 'drug', id: m.id, start: t.start, end, text: input.text.slice(t.start, end) };
    }
  }
  return null;
}

export const extractTherapy: Extractor = (input) => {
  const { text, lex } = input;
  const lexical = input.mentions.filter((m) => THERAPY_TYPES.has(m.type));
  const fuzzy = fuzzyMentions(input, lexical);
  const mentions = fuzzy.length ? [...lexical, ...fuzzy].sort((a, b) => a.start - b.start) : lexical;
  if (!mentions.length && !QUICK_RE.test(text) && !TREATMENT_END_GATE.test(text) && !PROGRESSION_FORM_GATE.test(text) && !SURGERY_WINDOW_GATE.test(text) && !GENERIC_RECEIPT_GATE.test(text)) return [];
  const ctx: Ctx = { input, lex, text, used: [], windowed: [], windows: new Map() };
  const out: Finding[] = [];
  readLines(ctx, out);
  const sents = therapySentences(text);
  const base: Item[] = [];
  for (const [s, e] of sents) base.push(...itemsIn(ctx, mentions, s, e));
  // A kind that heads a phrase of targets is read as those targets' classes, not as an item of its own.
  const absorbed = new Set<Item>();
  const extra = extraItems(ctx, base, absorbed);
  headLexiconTargets(ctx, [...base, ...extra].sort((a, b) => a.start - b.start), absorbed);
  const items = [...base, ...extra].filter((it) => !absorbed.has(it)).sort((a, b) => a.start - b.start);
  readNaive(ctx, items, out);
  readGenericReceipt(input, sents, out, ctx.used);
  readTreatmentEnds(input, sents, (a, b, params) => namedTherapy(ctx, items, a, b, params), out, ctx.used);
  readProgressionForms(input, sents, (a, b, params) => namedTherapy(ctx, items, a, b, params), out, ctx.used);
  readProgressionTimes(input, sents, (a, b, params) => namedTherapy(ctx, items, a, b, params), out, ctx.used);
  // Standard therapy exhausted in the forms the standard-therapy statements leave unread (therapy-standard.ts).
  readStandardTherapy(input, sents, out, ctx.used);
  // "ICI treatment-naive or …": the treatment the route is naive to, without the suffix its item carries.
  readNaiveOptions(input, sents, (a, b, params) => namedTherapy(ctx, items.map((it) => (it.suffix === 'naive' ? { ...it, suffix: undefined } : it)), a, b, params), out, ctx.used);
  readIncludedTreatment(input, sents, (a, b, params) => namedTherapy(ctx, items, a, b, params), out, ctx.used);
  // Recent-surgery forms the list reader leaves unread, on the sentences it did not read (therapy-surgery.ts).
  const surgeryForms = (): void => readSurgeryWindows(input, sents, (a, b) => sentenceWindows(ctx, a, b), out, ctx.used);
  if (!items.length) {
    surgeryForms();
    return out;
  }
  readWashoutRow(input, items, { condition: conditionFor, flip: flipBool, broad: (it) => (isBroadGeneric(ctx, it) ? { ...it, kinds: new Set(ANY_TREATMENT) } : null) }, out, ctx.used);
  // Per sentence: its items, whether it states a window, whether it permits or carves exceptions.
  const perSentence = sents.map(([s, e]) => {
    const inside = items.filter((it) => it.start >= s && it.end <= e);
    const t = inside.length ? text.slice(s, e) : '';
    const allows = inside.length > 0 && (permits(t) || /\bexceptions?\b|\bhowever\b/i.test(t) || (supportiveOnly(ctx, inside) && SUPPORTIVE_GRANT_RE.test(t)));
    return { s, e, inside, allows };
  });
  const permitted: Item[] = [];
  for (const ps of perSentence) {
    if (!ps.inside.length) continue;
    if (sentenceWindows(ctx, ps.s, ps.e).length) for (const it of ps.inside) ctx.windowed.push({ item: it, start: ps.s, end: ps.e });
    for (const it of ps.inside) if (ps.allows || input.scopes.in('exception', it.start)) permitted.push(it);
  }
  for (const ps of perSentence) {
    if (!ps.inside.length) continue;
    readSentence(
      ctx,
      ps.inside,
      ps.s,
      ps.e,
      out,
      permitted.filter((p) => !(p.start >= ps.s && p.end <= ps.e)),
    );
  }
  readConditionalReceipt(ctx, items, sents, out);
  surgeryForms();
  joinLongerWindowAsides(text, out);
  return out;
};

/** The therapy named by exactly the words of [a, b), its items joined by list words only (therapy-outcomes.ts). */
function namedTherapy(ctx: Ctx, items: Item[], a: number, b: number, params: Record<string, unknown>): Condition | null {
  const inside = items.filter((it) => it.start < b && a < it.end);
  if (!inside.length || inside.some((it) => it.start < a || it.end > b || it.except || it.suffix || it.optional)) return null;
  if (!LIST_GAP_RE.test(maskSpans(ctx.text, a, b, spanOf(inside)))) return null;
  // "Prior treatment with an anti-PD-1 antibody": the head names the item after it (on copies, since
  // readSentence absorbs the heads of the same items itself). Partners given together stay unread.
  const named = absorbHeads(ctx, inside.map((it) => ({ ...it, spans: [...it.spans] })), b);
  if (named.some((it) => it.combinedWithNext)) return null;
  return conditionFor(named, params);
}

/** A label before the sentence ("Note:", "For patients with LMD:"): it may narrow who the sentence binds, which the any() reading allows. */
const RECEIPT_LABEL = String.raw`^\W*(?:[^:;.()]{1,60}:\s*)?`;
const IF_RECEIPT_RE = new RegExp(
  RECEIPT_LABEL +
    String.raw`(?:if|when)\s+(?:(?:a|the)\s+(?:patient|participant|subject)\s+(?:(?:has|had|have)\s+(?:previously\s+)?)?(?:had|received|undergone|underwent|been\s+treated\s+with)\s+(?<x1>[^,;]{2,120}?)\s*,|(?:a\s+|an\s+|the\s+|any\s+)?(?<x2>[^,;]{2,120}?)\s+(?:(?:had|has|have)\s+been|was|were)\s+(?:previously\s+)?(?:given|administered|received|used)\b[^,;]{0,80}?\s*,)`,
  'i',
);
const SUBJECT_RECEIPT_RE = new RegExp(
  RECEIPT_LABEL +
    String.raw`(?:patients?|participants?|subjects?|those)\s+(?:(?:who|that)\s+(?:(?:have|has|had)\s+)?(?:previously\s+)?(?:received|undergone|been\s+treated\s+with|had)|with\s+(?:prior|previous)|(?:previously\s+)?treated\s+with)\s+(?<x3>[^;]{2,140}?)\s*,?\s+(?=(?:must|should|are\s+(?:also\s+)?(?:eligible|allowed|permitted)|will\s+(?:also\s+)?be\s+(?:eligible|allowed|permitted)|may\s+(?:be|enrol|enroll|participate))\b)`,
  'i',
);
const ONE_OF_RE = /\b(?:one|any|either|at\s+least\s+one)\s+of\b|\bor\s*:?\s*$|\bdefined\s+(?:as|by)\b/i;
const ALLOWED_IF_RE = new RegExp(
  RECEIPT_LABEL +
    String.raw`(?<x4>[^,;:()]{2,120}?)\s+(?:(?:is|are)\s+)?(?:also\s+)?(?:allowed|permitted|tolerated|acceptable|permissible)\s*,?\s+(?:only\s+)?(?:if|provided(?:\s+that)?|as\s+long\s+as)\s+`,
  'i',
);
/** "Prior ICI for …, if last dose administered at least 4 weeks prior to …": only a condition on the time of the last dose (not "if available", which would require it). */
const PRIOR_IF_RE = new RegExp(
  RECEIPT_LABEL +
    String.raw`(?<x5>(?:prior|previous)\s+[^,;:()]{2,120}?)\s*,?\s+(?:only\s+)?(?:if|provided(?:\s+that)?|as\s+long\s+as)\s+(?:the\s+|their\s+|its\s+)?(?:last\s+(?:dose|administration|treatment)|(?:it\s+|they\s+)?(?:was|were|has\s+been|have\s+been)\s+(?:completed|discontinued|stopped))\b`,
  'i',
);
/**
 * An inclusion sentence whose requirement binds only patients who had a treatment: "If a taxane had
 * been administered in the adjuvant setting, progression must have occurred ≥12 months after …",
 * "Patients that have undergone treatment with anti-CTLA-4 antibody must have at least 6 weeks from
 * last dose … and evidence of tumor progression", "Adjuvant immunotherapy is tolerated if it has been
 * discontinued for at least 6 months prior to the start of treatment". It never requires the
 * treatment: a patient who never had it meets the sentence, any(not X, unread sentence). X may be
 * wider than the text's treatment (a setting, site or partner dropped) since "not X" then still
 * implies the text's condition unmet; never narrower (so no generic "anticancer treatment", which
 * kind systemic would narrow). Read only where the other readers left the sentence unread.
 *
 * In an exclusion the same sentence ("If a patient had been taking steroids, at least 2 weeks must
 * have passed since the last dose", "Patients treated with corticosteroids for immune-related adverse
 * events must demonstrate absence of … symptoms for ≥ 4 weeks …") binds only those who had X too,
 * whether the list excludes the patients it describes or those who fail it: all(X, unread sentence),
 * one more alternative beside the criterion's others. The treatment need only have been had (what it
 * was given for does not matter), and the reading gives way to any other of the same sentence.
 */
function readConditionalReceipt(ctx: Ctx, items: Item[], sents: Span[], out: Finding[]): void {
  const { text, input } = ctx;
  const exclusion = input.kind === 'exclusion';
  // Under "one of the following" each item is a sufficient option, not a necessary condition: a
  // patient without the treatment does not qualify through it.
  if ([...input.context, text].some((c) => ONE_OF_RE.test(c))) return;
  for (const [s, e] of sents) {
    const t = text.slice(s, e);
    if (!/\b(?:if|when|who|that|with|allowed|permitted|tolerated|acceptable|permissible|provided|as\s+long)\b/i.test(t)) continue;
    const inside = items.filter((it) => it.start >= s && it.end <= e);
    if (!inside.length || isUsed(ctx, s, e) || out.some((f) => f.spans.some(([a, b]) => a < e && s < b))) continue;
    const m = IF_RECEIPT_RE.exec(t) ?? SUBJECT_RECEIPT_RE.exec(t) ?? ALLOWED_IF_RE.exec(t) ?? PRIOR_IF_RE.exec(t);
    if (!m?.groups) continue;
    const g = m.groups;
    const x = g.x1 ?? g.x2 ?? g.x3 ?? g.x4 ?? g.x5 ?? '';
    const xs = s + m.index + m[0].indexOf(x);
    const xe = xs + x.length;
    // The condition is a receipt, never its absence ("If X was not given").
    if (/\b(?:not|never|no|without|neither|nor|naive|na[iï]ve|untreated|planned|planning|scheduled|will)\b/i.test(x)) continue;
    const cond = inside.filter((it) => it.start >= xs && it.end <= xe);
    // "Prior anticancer treatment" (kind systemic) may also be surgery or radiotherapy: "not systemic"
    // would not imply the condition unmet.
    if (!cond.length || cond.some((it) => it.generic || it.except || it.suffix || it.kinds.has('systemic') || input.scopes.in('negated', it.start))) continue;
    // The clause must name the treatment had, not its toxicity, an outcome on it or eligibility for it.
    // (In an exclusion the treatment need only have been had: "treated with corticosteroids for
    // immune-related adverse events" had them, whatever they were for.)
    if (!exclusion && /\b(?:toxicit\w*|adverse|events?|effects?|reactions?|hypersensitiv\w*|allerg\w*|intoleran\w*|progress\w*|failed|failure|refractory|resistan\w*|eligible|candidates?|contraindicat\w*)\b/i.test(x)) continue;
    if (exclusion && /\b(?:hypersensitiv\w*|allerg\w*|eligible|candidates?|contraindicat\w*|ineligible|unable|requir\w*|need\w*)\b/i.test(x)) continue;
    const sentence = t.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');
    const had = conditionFor(cond, {});
    if (!had) continue;
    // An exclusion sentence that binds only those who had X excludes some of them (X and the rest,
    // unread): all(X, unread sentence). An inclusion one lets in everyone else: any(not X, unread).
    const unread: Condition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: sentence } };
    const condition: Condition = exclusion ? { all: [had, unread] } : { any: [flipBool(had), unread] };
    // The span holds the sentence's words only, so the stop before it stays the gap that parts it
    // from the sentence before (an exclusion's sentences are alternatives, not one phrase).
    const from = s + /^\s*/.exec(t)![0].length;
    const to = Math.max(from, e - /\s*$/.exec(t)![0].length);
    // In an exclusion the reading gives way to any other reader's of the sentence, and leaves the
    // fallbacks over the whole line (a cumulative dose, a bare treatment) standing beside it.
    out.push({ category: 'prior_therapy', condition, spans: [[from, to]], anchor: cond[0]!.start, polarityHandled: true, ...(exclusion ? { fallback: [from, to] as Span } : {}) });
    ctx.used.push([s, e]);
  }
}

export const THERAPY_EXTRACTORS: Extractor[] = [extractTherapy, extractWholeLineTherapy, readCumulativeDose];

/** Exposed for tests: the windows read from a piece of text. */
export function readWindows(text: string): Array<{ days: number; sense: 'within' | 'since'; text: string }> {
  return windowsIn(text, 0, text.length).map((w) => ({ days: w.days, sense: w.sense, text: text.slice(w.start, w.end) }));
}

