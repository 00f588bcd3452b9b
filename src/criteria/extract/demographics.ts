/**
 * Age and sex stated in the criteria text ("Age ≥ 18 years", "18 to 75 years old", "Female patients,
 * age 18~40", "Males or females ≥ 18 years of age"). The structured minimumAge / maximumAge / sex
 * fields are evaluated separately by the matcher; these rules catch limits written only in the text.
 *
 * Only ages are read as ages. A number of years counts as an age when the text frames it as one:
 * the word "age"/"aged" before it, "years of age" / "years old" / "or older" after it, a person
 * ("adults", "patients", "women") directly before a comparison, or a PDQ "Age" heading above it.
 * Durations never do ("disease-free for > 5 years", "tamoxifen for 2-3 years"), nor an age that is
 * someone else's ("a child < 18 years of age"), an age at diagnosis ("< 19 years of age at the time
 * of diagnosis" is not today's age), the Cockcroft-Gault "(140 - age)", or an age that only selects
 * a subgroup for another requirement ("Patients ≥ 60 years of age … must have a cardiac stress
 * test", "If ≥ 65 years old, FSH > 40"): those are left unread.
 *
 * The age fact is in whole years. A limit between whole years ("2.5 years", "6 months", "18 months")
 * decides every year but the one it falls in, which stays an unparsed leaf (see ageConditions).
 */
import type { Condition, LeafCondition } from '../facts';
import type { Extractor, Finding } from './extractor';
import { ageLeaves, readAgeBound, type Bound } from './age-phrases';
import type { Comparison } from './comparators';

/**
 * The age conditions for bounds read from the text. A bound that falls between whole years
 * ("2.5 to < 18 years", "≥ 6 months", "< 18 months") cannot be decided for a patient in the year it
 * falls in: the age fact is in whole years, so a child aged 2 may be 2 years 3 months (too young) or
 * 2 years 9 months. That year is left to an unparsed leaf holding the words; the years either side
 * are decided: "≥ 2.5" is any(age ≥ 3, all(age ≥ 2, unparsed)), "< 1.5" is any(age < 1, all(age < 2,
 * unparsed)).
 */
function ageConditions(bounds: Bound[], words: string): Condition[] {
  const out: Condition[] = [];
  const unread: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: `age ${words}` } };
  for (const b of bounds) {
    if (b.op === 'equal') continue;
    const v = b.months ? b.years / 12 : b.years;
    if (Number.isInteger(v)) {
      out.push(...ageLeaves([b]));
      continue;
    }
    const lo = Math.floor(v);
    const hi = Math.ceil(v);
    if (b.op === 'greaterThanInclusive' || b.op === 'greaterThan') {
      const sure: LeafCondition = { fact: 'age', operator: 'greaterThanInclusive', value: hi };
      out.push({ any: [sure, lo > 0 ? { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: lo }, unread] } : unread] });
    } else {
      const band: Condition = { all: [{ fact: 'age', operator: 'lessThan', value: hi }, unread] };
      out.push(lo > 0 ? { any: [{ fact: 'age', operator: 'lessThan', value: lo }, band] } : band);
    }
  }
  return out;
}

/** Words before a number that make it an age. */
const AGE_WORD_BEFORE =
  /\b(?:age[ds]?|ages)\s*(?:\(\s*(?:years?|yrs?)\s*\)\s*)?(?:[:=-]\s*)?(?:(?:is|of|at|must\s+be|should\s+be|will\s+be|range|ranging|limit|limits|requirement|restriction|group)\s+)*(?:(?:at|from)\s+)?(?:(?:the\s+)?time\s+of\s+(?:\w+\s+){0,3})?$|\bage\s+at\s+(?:the\s+time\s+of\s+)?(?:(?:initial|original|first|primary)\s+)?diagnosis\s*[:=-]?\s*$|(?<![/\w])(?:minimum|maximum|min\.?|max\.?)\s+(?:age\s*)?(?:of\s+)?$|\b(?<prep>over|above|older\s+than|under|below|younger\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?$|\bage[ds]?\s+(?<upto>until|till|up\s+to)\s+$/i;
/** A person directly before a bare "≥ 18 years": "Adults ≥ 18 years", "Male or female, ≥ 18 years". */
const PERSON_BEFORE =
  /\b(?:adults?|adolescents?|children|patients?|participants?|subjects?|individuals?|persons?|people|men|women|males?|females?|volunteers?)(?:'s?)?\s*(?:[,(]\s*)?(?:(?:who\s+are|must\s+be|should\s+be|shall\s+be|will\s+be|are|is|be)\s+)?(?:aged?\s+)?$|^\s*(?:be|is|are)\s+$/i;
/** Age-group words right before the limit, read with it: "Adults ≥ 18 years", "Adult patients (≥ 18 years)". */
const ADULT_BEFORE =
  /\b(?:adults?|adult\s+(?:patients?|participants?|subjects?|men|women|males?|females?)|adolescents?|children|pediatric(?:\s+patients)?|paediatric(?:\s+patients)?)\s*(?:\(\s*)?(?:aged?\s+)?$/i;
/** Words that make a number of years a duration, or somebody else's age, or a time point. */
const NOT_AGE_BEFORE =
  /\b(?:for|within|since|after|before|ago|last|past|previous|prior|period|duration|during|free|survival|remission|interval|follow[\s-]?up|history|diagnosed|treated|elapsed|least|child|children|partner|mother|father|parent|sibling|donor|caregiver|death|died|more\s+than|over\s+the|in\s+the)\s*(?:of\s+)?(?:at\s+least\s+|more\s+than\s+|less\s+than\s+|over\s+)?$/i;
const AT_DIAGNOSIS_AFTER =
  /^\s*(?:at|on)\s+(?:the\s+)?(?:time\s+of\s+)?(?:(?:initial|original|first|primary)\s+)?diagnosis/i;
const DIAGNOSED_BEFORE =
  /\b(?:diagnosed|diagnosis|onset)\s+(?:\w+\s+){0,3}(?:at|before|under|after|by|prior\s+to)\s+(?:the\s+age\s+of\s+)?$|\bdiagnosed\s+(?:at|before|under|after|by)\s+(?:age\s+)?$/i;
/** "at the time of signing informed consent", "on the day of signing", "at screening": today's age. */
const WHEN_AFTER =
  /^\s*[,(]?\s*(?:(?:at|on|by)\s+(?:the\s+)?(?:time|day|date)\s+(?:the\s+)?(?:written\s+)?(?:informed\s+)?consent(?:\s+form)?\s+is\s+(?:signed|obtained|given)|(?:at|on|by)\s+(?:the\s+)?(?:time|day|date)\s+(?:of\s+)?(?:signing\s+|providing\s+|giving\s+|obtaining\s+)?(?:(?:the|written)\s+)?(?:(?:informed\s+consent(?:\s+signing)?|consent|icf|screening|enrol?ment|registration|randomi[sz]ation|inclusion|study\s+entry|entry|the\s+screening\s+visit)(?:\s+form)?(?:\s*\(\s*icf\s*\))?(?:\s+(?:form|document))?)|(?:at|on)\s+(?:the\s+)?(?:screening(?:\s+visit)?|enrol?ment|registration|randomi[sz]ation|study\s+entry|inclusion|baseline|consent|signing\s+(?:of\s+)?(?:the\s+)?(?:informed\s+)?consent(?:\s+form)?))(?:\s*\(\s*icf\s*\))?\s*\)?/i;
/** "18 or the legal age of consent …", "18 (or the age of majority)": the number is an age, a minimum. */
const LEGAL_AGE_AFTER =
  /^\s*(?:(?:years?|yrs?)\s*(?:of\s+age|old)?\s*)?,?\s*\(?\s*or\s+(?:the\s+|of\s+)?(?:(?:local\s+)?legal\s+age|age\s+of\s+(?:consent|majority))\b/i;
/** A sex right before an age: "Female between 18 and 37 years old", "male patients aged ≥ 18". */
const SEX_BEFORE_AGE =
  /\b(females?|males?|wom[ae]n|m[ae]n)(?:\s+(?:patients?|participants?|subjects?))?\s*,?\s*(?:aged?\s+)?$/i;
/** Permission after the age: the age opens the trial to a group rather than limiting it. */
const PERMISSION_AFTER =
  /^[^.;]*?\b(?:(?:are|is)\s+(?:also\s+)?(?:allowed|eligible|permitted|acceptable)|may\s+(?:also\s+)?(?:be\s+(?:enrolled|included|eligible|allowed)|participate|enroll|enrol)|can\s+(?:be\s+)?(?:enrolled|included|participate))\b/i;
/** A permission on a further condition: "may be allowed to enroll after …", "may be enrolled if …". */
const CONDITIONAL_PERMISSION_AFTER =
  /^\s*(?:(?:years?|yrs?)\s*)?(?:of\s+age|old)?\s*,?\s*(?:may|can)\s+(?:also\s+)?(?:be\s+(?:allowed|permitted|eligible)\s+to\s+(?:enrol{1,2}|participate)|be\s+(?:enrolled|included|eligible)|enrol{1,2}|participate)\s+(?:only\s+)?(?=(?:after|if|upon|following|provided|pending|with\s+(?:the\s+)?(?:approval|agreement|permission))\b)/i;
const OPPOSITE_AGE: Record<Comparison, Comparison> = {
  greaterThan: 'lessThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThan: 'greaterThanInclusive',
  lessThanInclusive: 'greaterThan',
};
/** Permission before the age: "this study allows age > 75 years if …" opens the trial, it does not require. */
const PERMISSION_BEFORE = /\b(?:allows?|allowing|permits?|permitting|accepts?|accepting)\s+(?:(?:also|the\s+enrol(?:l)?ment\s+of|enrol(?:l)?ment\s+of|patients?|participants?|subjects?)\s+)*$/i;
/** A requirement verb after the age in the same sentence: the age only selects whom it applies to. */
const MODAL_AFTER =
  /^(?:[^.;:]|:(?!\s*\S))*?(?::\s*\S|\b(?:must|should|shall|will\s+(?:need|require|undergo|have\s+to|be\s+required)|may|need|needs|are\s+required|is\s+required|require|requires|would\s+be\s+considered|is\s+defined|are\s+defined|can\s+be)\b)/i;
const MODAL_BEFORE = /\b(?:must|should|shall|will|need\s+to|needs\s+to|(?:is|are)\s+required\s+to)\b/i;
/** "defined as ≥ 45 years of age": an age inside the definition of something else (not of "adults"). */
const DEFINED_BEFORE =
  /(?<!\b(?:adults?|age|aged|minors?|children|pediatric|paediatric|elderly|older|majority)\s*[(,]?\s*(?:(?:is|are|being)\s+)?)\b(?:defined|considered|classified)\s+as\s+(?:(?:being|an?|women|woman|females?|patients?)\s+)*$/i;
/** A definition of menopause or childbearing potential open in the sentence before an age. */
const REPRODUCTIVE_DEFINITION_BEFORE =
  /\b(?:defined|considered)\s+(?:as|to\s+be)\b[^.;]*\b(?:menopaus\w*|menses|amenorrh\w*|childbearing|child-bearing|hysterectom\w*|oophorectom\w*)[^.;]*$|\b(?:menopaus\w*|childbearing|child-bearing)\b[^.;]*\b(?:defined|considered)\s+(?:as|to\s+be)\b[^.;]*$/i;
/** "≥ 1 year post-menopausal", "2 years after …": a time since an event. */
const DURATION_AFTER = /^\s*(?:post[\s-]?\w+|after|since|ago|beyond|following|prior\s+to|before)\b/i;
/** "… under 40 years of age in first-degree relatives": the relatives' age. */
const OTHERS_AGE_AFTER =
  /^\s*(?:in|among|of)\s+(?:(?:a|an|any|one|his|her|their|the)\s+)?(?:(?:first|second|third|1st|2nd|3rd)[\s-]*degree\s+)?(?:relatives?|family\s+members?|siblings?|parents?|children|child)\b/i;
/** Somebody else before the age word: "children ages 3 and older", "a partner aged …". */
const OTHERS_BEFORE =
  /\b(?:child|children|kids?|partners?|spouses?|mothers?|fathers?|parents?|siblings?|donors?|caregivers?|relatives?|daughters?|sons?|death|died)(?:'s?)?\s*,?\s*$/i;
/** "Cohort 1 will include patients aged …": the age of one cohort. */
const COHORT_INCLUDES =
  /\b(?:cohorts?|arms?|parts?|groups?|strat(?:um|a))\s+[\w-]+\s+(?:will\s+)?(?:include|includes|enrol|enrols|enroll|enrolls|consists?\s+of)\b/i;
/** "… and those aged ≤ 40 years with …": ages of two subgroups side by side. */
const THOSE_AGED = /\bthose\s+(?:who\s+are\s+)?aged?\b/i;
/** Somebody else is the subject of the age: "Donor must be at least 18 years of age", "the caregiver is ≥ 21". */
const OTHER_SUBJECT_BEFORE =
  /^\s*(?:(?:the|a|an|each|any|his|her|their|potential|prospective|related|unrelated|sibling|stem\s+cell|haploidentical|living)\s+)*(?:donors?|partners?|spouses?|parents?|caregivers?|care\s+givers?|guardians?|mothers?|fathers?)\s+(?:(?:must|should|shall|will|has\s+to|have\s+to|needs?\s+to)\s+)?(?:be|is|are)\s+(?:aged?\s+)?$/i;
const CONDITION_BEFORE =
  /\b(?:if|when|whether|where|unless|for|in|among|except)\s+(?:[\w-]+\s+){0,3}?(?:(?:all|the|those|patients?|participants?|subjects?|women|men|males?|females?|children|cases?|individuals?|adults?|adolescents?|people|persons?)\s+)*(?:who\s+are\s+|aged?\s+|with\s+(?:an?\s+)?age\s+(?:of\s+)?)?$|\b(?:if|when|unless)\s+$/i;

/**
 * Age named in words (inclusion): "Participant is an adult (according to the age of majority as defined
 * by local regulations)", "persone of major age", "Patients of legal age", "Adult patients with …".
 * Read as age ≥ 18, the lowest age of majority among the countries of the corpus (18 in most; 19 or
 * 21 in a few states and provinces), so the rule is never stricter than written. Young adults
 * (adolescent and young adult cohorts start at 15) and texts that also admit children are not read.
 */
const ADULT =
  /\b(?:(?:age\s+of\s+majority|(?:of\s+)?(?:legal|major|full)\s+age|legally\s+adult)\b|adults?\b(?![\s"'”-]*(?:type|onset)\b))/i;
/** "(according to the age of majority as defined by local regulations)": the word adult explained. */
const MAJORITY_NOTE = /^\s*\([^()]{0,120}\b(?:majority|legal\s+age|regulations?|laws?)\b[^()]{0,60}\)/i;
const ADULT_SUBJECT =
  /^[\W\d]*(?:(?:be|is|are|the|an?|study|includes?|participants?|patients?|subjects?|persons?|persone|individuals?|people|must|should|who|of)\s+){0,4}$/i;
const ADULT_REJECT =
  /\byoung\s+adults?\b|\bAYA\b|\b(?:children|child|pediatric|paediatric|adolescents?|minors?|juvenile)\b|\b\d+\s*(?:years?|yrs?)\b/i;
/**
 * Minors as a whole exclusion ("Children", "Minor patient"): age < 18, the age of majority almost everywhere; a trial
 * that counts childhood to 21 excludes more, never fewer, than this rule. In a list ("Children and
 * pregnancy") the joining words decide how the items combine, which is not this reader's to say.
 */
const MINORS = /^\W*(children|minors|minor\s+(?:patients?|subjects?|participants?))\W*$/i;
/** "Any age at diagnosis.": no limit at all. */
const ANY_AGE = /^\W*(?:any|all)\s+ages?(?:\s+at\s+diagnosis)?\W*$/i;

function ageInWords(input: Parameters<Extractor>[0]): Finding[] {
  const { text } = input;
  if (input.kind === 'inclusion') {
    const any = ANY_AGE.exec(text);
    if (any) return [{ category: 'age', condition: { fact: 'age', operator: 'greaterThanInclusive', value: 0 }, spans: [[0, text.length]], polarityHandled: true }];
    const adult = ADULT.exec(text);
    if (!adult || ADULT_REJECT.test(text)) return [];
    // Only the subject of the criterion: "skin cancer occurring in adults", "treatment of adult patients
    // with intermediate or poor risk RCC" name adults inside another requirement.
    if (!ADULT_SUBJECT.test(text.slice(0, adult.index))) return [];
    return [
      {
        category: 'age',
        condition: { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
        spans: [[adult.index, adult.index + adult[0].length + (MAJORITY_NOTE.exec(text.slice(adult.index + adult[0].length))?.[0].length ?? 0)]],
        polarityHandled: true,
      },
    ];
  }
  const minors = MINORS.exec(text);
  if (!minors) return [];
  const at = minors.index + minors[0].indexOf(minors[1]!);
  return [
    {
      category: 'age',
      condition: { fact: 'age', operator: 'lessThan', value: 18 },
      spans: [[at, at + minors[1]!.length]],
      polarityHandled: true,
    },
  ];
}

function sentenceBounds(text: string, pos: number): [number, number] {
  let start = 0;
  const re = /[.;](?=\s|$)|\n/g;
  let end = text.length;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < pos) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

const NUMBER_START =
  /(?:[<>=≤≥]|&[gl]t;|\b(?:greater|more|less|older|younger|at\s+least|at\s+most|minimum|maximum|over|under|above|below|between|from|no|not|equal)\b|\b\d{1,3}\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]one|sixty|seventy)\b)/gi;

export const extractAge: Extractor = (input) => {
  const { text } = input;
  const inAgeContext = input.context.some((c) => /^\s*age\b/i.test(c) && c.length < 40);
  if (!inAgeContext && !/\b(?:age[ds]?|years?|yrs?|y\/o|months?|adults?|majority|children|minors?)\b/i.test(text)) return [];
  const out: Finding[] = [];
  const permissions: string[] = [];
  const permitted: Finding[] = [];
  const sexOfFinding = new Map<Finding, 'female' | 'male'>();
  let consumed = 0;
  // Where the last age read ends: a second limit joined to it ("Age less than 18 and more than 70
  // years") is an age too.
  let lastAgeEnd = -1;
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(text); m; m = NUMBER_START.exec(text)) {
    if (m.index < consumed) continue;
    const read = readAgeBound(text, m.index);
    if (!read) continue;
    // Whatever the verdict, the numbers of this expression are not read again one by one.
    consumed = read.end;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(read.end);
    const ageWord = AGE_WORD_BEFORE.exec(before);
    const legalAgeAfter =
      LEGAL_AGE_AFTER.test(after) && read.bounds.length === 1 && /\b(?:be|is|are|aged?)\s*$/i.test(before);
    const person = PERSON_BEFORE.test(before) && read.bounds.some((b) => b.op !== 'equal');
    const pdq = inAgeContext && m.index < 3;
    const hasUnit = /\b(?:years?|yrs?|y|months?|mos?)\b/i.test(text.slice(m.index, read.end)) || read.framed;
    const inYears = /\b(?:years?|yrs?)\b/i.test(text.slice(m.index, read.end));
    const afterWhen = after.slice(WHEN_AFTER.exec(after)?.[0].length ?? 0);
    const continued =
      lastAgeEnd >= 0 &&
      /^\s*(?:,|and|or|and\/or)?\s*$/i.test(text.slice(lastAgeEnd, m.index)) &&
      inYears &&
      /^\s*(?:of\s+age|old)?\s*(?:[.;,)]|$)/i.test(after);
    // The whole criterion is the limit ("18 - 65 years.", "≥18 years at the time consent is signed."):
    // nothing else it could be the duration of.
    const bare = /^[\s\d.)(*-]*$/.test(text.slice(0, m.index)) && inYears && /^\s*(?:[.;]|$)/.test(afterWhen);
    if (!ageWord && !read.framed && !(person && hasUnit) && !pdq && !continued && !bare && !legalAgeAfter) continue;
    // Months are an age only when the text says so ("6 months of age"); "more than 6 months" is a time.
    if (read.bounds.every((b) => b.months) && !read.framed && !ageWord) continue;
    if (!ageWord && !pdq && !continued && NOT_AGE_BEFORE.test(before)) continue;
    if (/\b(?:for|per)\s+$/i.test(before) && !ageWord) continue;
    if (/\d\s*-\s*$|\(\s*\d+\s*-\s*$/.test(before)) continue; // "(140 - age)"
    // A PDQ "Age" heading above a line that is not an age ("At least one lesion …").
    if (pdq && !ageWord && !hasUnit && !/^\s*(?:[.;,)]|$)/.test(afterWhen)) continue;
    // A definition ("postmenopausal (defined as ≥ 45 years of age …)"), a time after an event
    // ("≥ 1 year post-menopausal"), or somebody else's age ("children ages 3 and older", "sudden
    // death under 40 years of age in first-degree relatives").
    if (DEFINED_BEFORE.test(before)) continue;
    // "Women … not of childbearing potential are defined as any female who … is post-menopausal (≥ one
    // year without menses and >50 years of age …)": an age deep inside a definition of menopause or
    // childbearing potential belongs to the definition; read alone, it failed every younger patient.
    if (REPRODUCTIVE_DEFINITION_BEFORE.test(text.slice(Math.max(0, m.index - 400), m.index))) continue;
    if (!read.framed && !ageWord && DURATION_AFTER.test(after)) continue;
    if (OTHERS_AGE_AFTER.test(after)) continue;
    if (ageWord && OTHERS_BEFORE.test(text.slice(Math.max(0, m.index - ageWord[0].length - 40), m.index - ageWord[0].length))) continue;
    if (OTHER_SUBJECT_BEFORE.test(before.slice(before.search(/[^.;:]*$/)))) continue;
    // A cohort's or one subgroup's age ("Cohort 2 will include patients aged > 40 years with sTILs ≥ 50%
    // and those aged ≤ 40 years with …"): each binds only its own patients, which the rule cannot name.
    const sentence = text.slice(text.slice(0, m.index).search(/[^.;]*$/), read.end + (/[.;]/.exec(after)?.index ?? after.length));
    if (COHORT_INCLUDES.test(sentence) || THOSE_AGED.test(sentence)) continue;
    // An age at diagnosis is not today's age, but a lower limit on it still holds today
    // ("≥ 18 years at diagnosis" means ≥ 18 now); the words about diagnosis stay unread.
    const atDiagnosis =
      AT_DIAGNOSIS_AFTER.test(after) ||
      DIAGNOSED_BEFORE.test(before) ||
      /\bat\s+diagnosis\s*[:-]?\s*$/i.test(before) ||
      // "diagnosis of … cancer between the ages of 15-39": ages bounding when the diagnosis happened.
      (/\bbetween\s+(?:the\s+)?ages?\s+(?:of\s+)?$/i.test(before) &&
        /\bdiagnos(?:is|ed)\b[^.;]{0,200}$/i.test(text.slice(Math.max(0, m.index - 240), m.index)));
    // The upper limit on the age at diagnosis is a question about the past: an unparsed leaf.
    let diagnosisUpper: LeafCondition | null = null;
    if (atDiagnosis) {
      if (input.kind !== 'inclusion') continue;
      const lower = read.bounds.filter((b) => b.op === 'greaterThanInclusive' || b.op === 'greaterThan');
      if (!lower.length) continue;
      if (lower.length < read.bounds.length)
        diagnosisUpper = { fact: 'unparsed', operator: 'equal', value: true, params: { text: `age at diagnosis ${text.slice(read.start, read.end).trim()}` } };
      read.bounds = lower;
    }
    if (read.bounds.every((b) => b.op === 'equal')) {
      // "18 years of age" with no comparison is not a limit; "minimum age 18", "over age 18" are.
      const prep = ageWord?.groups?.prep?.toLowerCase();
      if (prep) read.bounds[0]!.op = /^(?:over|above|older)/.test(prep) ? 'greaterThan' : 'lessThan';
      // "age until 30 years old": up to that age, the limit included so the rule is never stricter.
      else if (ageWord?.groups?.upto) read.bounds[0]!.op = 'lessThanInclusive';
      // "must be 18 or the legal age of consent in the jurisdiction": 18 is the least age allowed.
      else if (legalAgeAfter) read.bounds[0]!.op = 'greaterThanInclusive';
      else if (ageWord && /\b(?:minimum|min)\b/i.test(ageWord[0])) read.bounds[0]!.op = 'greaterThanInclusive';
      else if (ageWord && /\b(?:maximum|max)\b/i.test(ageWord[0])) read.bounds[0]!.op = 'lessThanInclusive';
      else continue;
    }
    // A row of an age-banded table ("Age 1 to < 2 years; 0.6 mg/dL (male)") is a lookup, not a limit.
    if (/^\s*[;:,]?\s*(?:(?:male|female)\s*:?\s*)?\d[\d.]*\s*(?:mg|g\/|µ|u|mmol|ml|%)/i.test(after)) continue;
    // An age that selects a subgroup ("Patients ≥ 60 years … must have a stress test") is not a requirement.
    const [sStart] = sentenceBounds(text, m.index);
    const subjectPart = text.slice(sStart, m.index);
    const person0 = ADULT_BEFORE.exec(before);
    const anchorStart = ageWord ? m.index - ageWord[0].length : person0 ? m.index - person0[0].length : m.index;
    if (CONDITION_BEFORE.test(text.slice(Math.max(sStart, anchorStart - 40), anchorStart))) continue;
    // An age at the head of the sentence ("Age ≥ 18 years because …") is the requirement itself.
    const atHead = /^[\s\d.)(*-]*$/.test(text.slice(sStart, anchorStart));
    // "ADULT PATIENTS (≥ 18 years): adequate organ function …": a heading that scopes another requirement.
    if (/^[^.;:]*:\s*\S/.test(after)) continue;
    // "Participants who are > 70 years of age may be allowed to enroll after the investigator discusses
    // with the medical monitor": the group may come in on a further condition, so everyone outside it
    // passes and a patient in it is unknown: any(not in the group, the condition unread).
    const approval = input.kind === 'inclusion' && !atHead ? CONDITIONAL_PERMISSION_AFTER.exec(after) : null;
    if (approval && PERSON_BEFORE.test(before) && read.bounds.every((b) => b.op !== 'equal' && !b.months)) {
      const sEnd = sentenceBounds(text, m.index)[1];
      const words = text.slice(read.end + approval.index + approval[0].length, sEnd).trim().replace(/[.;]+$/, '');
      if (words) {
        const outside = ageLeaves(read.bounds).map((l): LeafCondition => ({ ...l, operator: OPPOSITE_AGE[l.operator as Comparison] }));
        const unread: LeafCondition = { fact: 'unparsed', operator: 'equal', value: true, params: { text: words } };
        out.push({ category: 'age', condition: { any: [...outside, unread] }, spans: [[sStart, sEnd]], polarityHandled: true });
        consumed = sEnd;
        continue;
      }
    }
    if (!atHead && MODAL_AFTER.test(after) && !MODAL_BEFORE.test(subjectPart)) continue;
    const permission = PERMISSION_AFTER.test(after) || PERMISSION_BEFORE.test(text.slice(Math.max(sStart, anchorStart - 40), anchorStart));
    const parts = ageConditions(read.bounds, text.slice(read.start, read.end).trim());
    let end = read.end;
    const when = WHEN_AFTER.exec(after);
    if (when) end += when[0].length;
    consumed = end;
    const spans: Array<[number, number]> = [[anchorStart, end]];
    // A limit that binds nobody ("≥ 0 years"): the words are read, nothing is required.
    if (diagnosisUpper) parts.push(diagnosisUpper);
    const condition: Condition = !parts.length
      ? { fact: 'age', operator: 'greaterThanInclusive', value: 0 }
      : parts.length === 1
        ? parts[0]!
        : { all: parts };
    if (permission) {
      // "Adolescents aged 12 years and older are allowed …": a way in that the other limits must not shut.
      permitted.push({ category: 'age', condition, spans, polarityHandled: true });
      permissions.push(text.slice(sStart, sentenceBounds(text, m.index)[1]).trim());
      continue;
    }
    const sexed = SEX_BEFORE_AGE.exec(text.slice(Math.max(0, anchorStart - 30), anchorStart));
    // "(no upper age limit)", ", or older": the limit restated.
    const restated = /^\s*(?:\(\s*no\s+upper\s+(?:age\s+)?limit\s*\)|,?\s*or\s+older\b)/i.exec(text.slice(end));
    if (restated) spans.push([end, end + restated[0].length]);
    const prevEnd = lastAgeEnd;
    lastAgeEnd = restated ? end + restated[0].length : end;
    const prev = out[out.length - 1];
    if (continued && input.kind === 'exclusion' && prev) {
      // Excluded below one limit or above the other: either excludes.
      prev.condition = { any: [prev.condition, condition] };
      prev.spans.push([prevEnd, anchorStart], ...spans);
      continue;
    }
    out.push({ category: 'age', condition, spans, polarityHandled: true });
    if (sexed) sexOfFinding.set(out[out.length - 1]!, /^(?:female|wom)/i.test(sexed[1]!) ? 'female' : 'male');
  }
  if (!out.length && !permitted.length) return ageInWords(input);
  if (!out.length) return permitted;
  // Limits per sex ("Female between 18 and 37 years old and male between 18 and 45 years old"): one
  // finding, each limit binding its own sex.
  const sexes = new Set(sexOfFinding.values());
  if (sexes.size === 2 && out.every((f) => sexOfFinding.has(f))) {
    const part = (f: Finding): Condition => {
      const sex: LeafCondition = { fact: 'sex', operator: 'equal', value: sexOfFinding.get(f)! };
      return input.kind === 'exclusion'
        ? { all: [sex, f.condition] }
        : { any: [{ ...sex, operator: 'notEqual' }, f.condition] };
    };
    const condition: Condition = input.kind === 'exclusion' ? { any: out.map(part) } : { all: out.map(part) };
    return [{ category: 'age', condition, spans: out.flatMap((f) => f.spans), polarityHandled: true }];
  }
  if (permissions.length && input.kind === 'inclusion') {
    const way: LeafCondition = {
      fact: 'unparsed',
      operator: 'equal',
      value: true,
      params: { text: permissions.join(' ') },
    };
    for (const f of out) f.condition = { any: [f.condition, way] };
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------
// Sex.

const SEX_WORD = '(?:males?|females?|men|women|man|woman)';
const MENOPAUSE = '(?:(?:pre|post|peri)[\\s-]*(?:and|or|/)?[\\s-]*)*menopausal';
/** Words after a sex that make the sentence about reproduction, not about who may enrol. */
const REPRODUCTIVE =
  /^[^.;:]{0,60}\b(?:childbearing|child-bearing|child\s+bearing|reproductive|fertile|partners?|pregnan\w*|breast-?feed\w*|lactat\w*|nursing|contracep\w*|steril\w*|sexually|sperm|condoms?|birth\s+control|abstinen\w*|wocbp|wcbp|considered|defined|menses|amenorrh\w*|vasectom\w*|impregnat\w*|father\w*|beget|donat\w*|spermicid\w*)\b/i;
/**
 * What may stand before the sex word and still name who enrols: "Patients who are females", "Patient is
 * male or female", "Biologically male patients" (the sex recorded at birth, which the `sex` fact holds).
 */
const SUBJECT_LEAD = String.raw`(?:(?:patients?|participants?|subjects?)\s+(?:who\s+(?:are|is)|is|are)\s+(?:an?\s+)?)?(?:biologic(?:al)?(?:ly)?\s+)?`;
const SUBJECT_SEX = new RegExp(
  `^\\s*${SUBJECT_LEAD}(?:(?:adult|healthy|ambulatory)\\s+)?(?:(?<meno>${MENOPAUSE})\\s+)?(?<a>${SEX_WORD})\\b(?:\\s*(?:/|or|and|and/or|&)\\s*(?:${MENOPAUSE}\\s+)?(?<b>${SEX_WORD})\\b)?(?:\\s+(?:patients?|participants?|subjects?|volunteers?|individuals?))?`,
  'i',
);
const ANY_SEX =
  /\b(?:both\s+(?:sexes|genders)|either\s+(?:sex|gender)|any\s+(?:sex|gender)(?!\s*(?:hormon|steroid|therapy|drug|partner))|all\s+(?:sexes|genders)|regardless\s+of\s+(?:sex|gender)|(?:sex|gender)\s*(?:is\s+)?(?:not\s+limited|unlimited|unrestricted)|gender\s+unlimited|no\s+(?:sex|gender)\s+(?:restrictions?|limits?|limitations?)|(?:sex|gender)\s*:\s*(?:all|both|any)|all\s+(?:races?|racial|ethnic\w*)(?:\s*,\s*|\s+and\s+)(?:genders?|sexes))\b/i;
const ONLY_SEX = new RegExp(
  `\\b(?:(?<a>${SEX_WORD})\\s+(?:patients?\\s+|participants?\\s+|subjects?\\s+)?only|only\\s+(?<b>${SEX_WORD})(?:\\s+(?:patients?|participants?|subjects?))?|must\\s+be\\s+(?:an?\\s+)?(?<c>${SEX_WORD})|(?:sex|gender)\\s*:\\s*(?<d>male|female))\\b`,
  'i',
);

function sexOf(word: string): 'female' | 'male' {
  return /^(?:female|wom[ae]n)/i.test(word) ? 'female' : 'male';
}

const ANY: LeafCondition = { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] };

/** What may follow a sex that names who can enrol: the end, an age, a disease ("with …"), a description. */
const SUBJECT_CONTINUES =
  /^\s*(?:$|[,;.:()]|\b(?:aged?|ages|between|over|under|from|of\s+(?:age|any|all)|with|who\s+(?:have|has|are|were|had)|diagnosed|having|older|younger|greater|more|less|at\s+least|above|below)\b|[<>=]|\d)/i;
const REQUIREMENT_VERB = /^[^.;]*?\b(?:must|should|shall|will|agrees?|may|can|need|needs|required?)\b/i;
/** The other sex later in a list: "Adult females (…), and adult males", "Males (≥ 18), post-menopausal females or …". */
const LISTED = {
  female: /(?:,|\band\b|\bor\b|\/)\s*(?:(?:adult|(?:pre|post|peri)[\w/*-]*|and|or)\s+)*(?:males?|m[ae]n)\b/i,
  male: /(?:,|\band\b|\bor\b|\/)\s*(?:(?:adult|(?:pre|post|peri)[\w/*-]*|and|or)\s+)*(?:females?|wom[ae]n)\b/i,
};
const OTHER_SEX = { female: /\b(?:males?|m[ae]n)\b/i, male: /\b(?:females?|wom[ae]n)\b/i };
function otherSexListed(rest: string, sex: 'female' | 'male'): boolean {
  return LISTED[sex].test(rest);
}

export const extractSex: Extractor = (input) => {
  const { text, kind } = input;
  if (!/\b(?:males?|females?|m[ae]n|wom[ae]n|sex|sexes|genders?)\b/i.test(text)) return [];
  const finding = (condition: LeafCondition, start: number, end: number): Finding[] => [
    { category: 'sex', condition, spans: [[start, end]], polarityHandled: true },
  ];
  // "Any sex" in an exclusion would exclude everybody; it is only ever read in inclusions.
  const any = ANY_SEX.exec(text);
  if (any) return kind === 'inclusion' ? finding(ANY, any.index, any.index + any[0].length) : [];
  const only = ONLY_SEX.exec(text);
  if (only) {
    const w = only.groups?.a ?? only.groups?.b ?? only.groups?.c ?? only.groups?.d ?? '';
    return finding({ fact: 'sex', operator: 'equal', value: sexOf(w) }, only.index, only.index + only[0].length);
  }
  const subj = SUBJECT_SEX.exec(text);
  if (!subj) return [];
  const sexWord = /^\s+(?:sex|gender)\b/i.exec(text.slice(subj.index + subj[0].length));
  const rest = text.slice(subj.index + subj[0].length + (sexWord ? sexWord[0].length : 0));
  const sentence = rest.split(/[.;](?:\s|$)/)[0] ?? '';
  // "Women of childbearing potential must …", "Men agree not to father a child": a requirement for
  // one sex, not a limit on who may enrol.
  if (REPRODUCTIVE.test(rest) || !SUBJECT_CONTINUES.test(rest)) return [];
  const a = sexOf(subj.groups!.a!);
  const b = subj.groups?.b ? sexOf(subj.groups.b) : a;
  if (a === b && /^\s*(?:who|with|having)\b/i.test(rest) && (kind === 'exclusion' || REQUIREMENT_VERB.test(sentence)))
    return [];
  // The menopausal status is a requirement of its own, which no fact holds: left unread.
  const meno = subj.groups?.meno;
  const start = meno ? text.indexOf(meno, subj.index) + meno.length : subj.index;
  const end = subj.index + subj[0].length + (sexWord ? sexWord[0].length : 0);
  if (a !== b || otherSexListed(sentence, a)) return kind === 'inclusion' ? finding(ANY, start, end) : [];
  // The other sex named further on ("Female between 18 and 37 years old and male between 18 and 45"):
  // the limits are per sex, which the age reader handles; no sex limit here.
  if (OTHER_SEX[a].test(sentence)) return [];
  return finding({ fact: 'sex', operator: 'equal', value: a }, start, end);
};
