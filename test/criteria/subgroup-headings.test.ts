/**
 * Criteria under a heading that names one subgroup of the trial's patients (a cohort, arm, part or
 * trial stage) bind only that subgroup (src/criteria/subgroups.ts, applied in parse.ts `finish`).
 * Which subgroup a patient would join is not in their record, so the heading is an unread condition:
 * an inclusion under it holds for anyone outside it, and an exclusion excludes only inside it. Read
 * as binding everyone, each cohort's requirements would fail the patients of every other cohort.
 * Real corpus excerpts, with headings that name the whole trial and must leave the rules as they are.
 */
import { FACTS, leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';
import { lexicons } from '../../src/criteria/lexicon';
import { cancerCohortHeading, openingSubgroup, subgroupHeading } from '../../src/criteria/subgroups';
import { unparsed } from '../support/criteria';

/** The unread subgroup leaf: its question tells the patient the study team decides the group. */
const subgroup = (text: string): Condition => ({ ...unparsed(text), params: { text, subgroup: true } }) as Condition;

function criterion(source: string, text: string): ParsedCriterion {
  const found = parseCriteria(source).find((c) => c.text.trim() === text);
  if (!found) throw new Error(`no criterion "${text}"`);
  return found;
}

describe('criteria under a subgroup heading', () => {
  // NCT05267626: Part 4 is one of four parts; its LDH limit is not the other parts'.
  const parts =
    'Inclusion Criteria:\n\n* Part 3: NSCLC as described above\n* Part 4: cutaneous melanoma\n\n' +
    '  * Patients with BRAF mutations must either be ineligible for or have refused a BRAF+MEK inhibitor\n' +
    '  * LDH ≤ 2.5 x ULN\n' +
    '* Female patients of childbearing potential must have a negative serum or urine pregnancy test performed within 72 hours prior to the first dose';

  it('holds an inclusion for anyone outside the subgroup: any(subgroup, rule) (NCT05267626)', () => {
    const ldh = criterion(parts, 'LDH ≤ 2.5 x ULN');
    const limit: Condition = { fact: 'labUln', operator: 'lessThanInclusive', value: 2.5, params: { name: 'ldh' } };
    expect(ldh.rule).toEqual({ any: [subgroup('Part 4: cutaneous melanoma'), { all: [limit] }] });
    expect(ldh.status).toBe('partial');
    expect(ldh.unread).toBe('Part 4: cutaneous melanoma');
    // The heading is who the rule binds, not an unread part of the lab topic.
    expect(ldh.categoriesRead).toContain('labs');
  });

  it('tells the patient the study team decides the group, in a leaf the fact vocabulary accepts', () => {
    const leaf = leavesOf(criterion(parts, 'LDH ≤ 2.5 x ULN').rule).find((l) => l.fact === 'unparsed')!;
    expect(FACTS.unparsed.params.safeParse(leaf.params).success).toBe(true);
    expect(FACTS.unparsed.question(leaf.params as { text: string; subgroup?: true })).toBe(
      "This applies only to one group of the trial's patients (“Part 4: cutaneous melanoma”); the study team decides which group you would join.",
    );
  });

  it('leaves the criteria after the subgroup binding everyone (NCT05267626)', () => {
    const pregnancy = criterion(
      parts,
      'Female patients of childbearing potential must have a negative serum or urine pregnancy test performed within 72 hours prior to the first dose',
    );
    expect(pregnancy.context ?? []).toEqual([]);
    expect(JSON.stringify(pregnancy.rule)).not.toContain('Part 4');
  });

  it('excludes only inside the subgroup: all(subgroup, rule) (NCT05970497)', () => {
    const source =
      'Key Exclusion Criteria:\n\n* Cohorts 5 and 6 only:\n\n  * The subject has active brain metastases or leptomeningeal metastases\n';
    const brain = criterion(source, 'The subject has active brain metastases or leptomeningeal metastases');
    expect('all' in brain.rule).toBe(true);
    const all = (brain.rule as { all: Condition[] }).all;
    expect(all[0]).toEqual(subgroup('Cohorts 5 and 6 only'));
    expect(JSON.stringify(all.slice(1))).toContain('brainMetastases');
  });
});

describe('which headings name a subgroup', () => {
  it.each([
    ['PHASE II PRE-SCREENING COHORT 3 ONLY', 'NCT05269381'],
    ['Part B (Dose Expansion)', 'NCT06805825'],
    ['Dose expansion part of Phase 1b:', 'NCT07376707'],
    ['HCC subjects (Phase 2a Cohort 6 ONLY)', 'NCT05914116'],
    ['For Cohorts A2, B1, B2, and B3 only', 'NCT06090266'],
    ['For the STS Cohort, participants must have received at least one prior treatment', 'NCT04389281'],
  ])('"%s" binds a subgroup (%s)', (heading) => {
    expect(subgroupHeading([heading])).toBe(heading.replace(/\s*:$/, ''));
  });

  it.each([
    ['Parts 1 and 2:', 'NCT06626516: the trial has only these two parts'],
    ['Patients will be excluded from this study if they meet any of the following criteria (Part 1a and Part 1b).', 'NCT06022029'],
    ['All cohorts:', 'NCT03787056'],
    ['All patients must be able to satisfy the required minimum data elements for the 15k gold standard cohort through', 'a lead-in for everyone'],
    ['Adequate organ function, defined as:', 'no subgroup'],
  ])('"%s" names the whole trial (%s)', (heading) => {
    expect(subgroupHeading([heading])).toBeNull();
  });

  it('takes the innermost subgroup heading and cuts a long one at a word', () => {
    expect(subgroupHeading(['PHASE II PRE-SCREENING COHORT 4 ONLY', 'PHASE II PRE-REGISTRATION COHORT 4 (NSCLC) ONLY:'])).toBe(
      'PHASE II PRE-REGISTRATION COHORT 4 (NSCLC) ONLY',
    );
    const long =
      'Cohort 4: Subjects with other histologically or cytologically diagnosed unresectable locally advanced/metastatic solid tumors who have progressed on all standard therapy';
    const label = subgroupHeading([long])!;
    expect(label.endsWith(' …')).toBe(true);
    expect(long.startsWith(label.slice(0, -2))).toBe(true);
  });
});

describe('a criterion that opens by restricting itself to a subgroup', () => {
  const age: Condition = { fact: 'age', operator: 'greaterThanInclusive', value: 12 };

  it('binds only that subgroup in an inclusion: any(subgroup, rule) (NCT05970497)', () => {
    const source = 'Key Inclusion Criteria:\n\n* Cohort 5 only: Age 12 years or older at the time of informed consent\n';
    const c = criterion(source, 'Cohort 5 only: Age 12 years or older at the time of informed consent');
    // Read as all(age, unread "Cohort 5") it failed every younger patient, whatever their cohort.
    expect(c.rule).toEqual({ any: [subgroup('Cohort 5 only'), age] });
  });

  it('excludes only inside that subgroup: all(subgroup, rule) (NCT06594991)', () => {
    const source =
      'Exclusion Criteria:\n\n* For Cohort B: Any prior CTLA-directed therapy (e.g., ipilimumab), unless it was given in the adjuvant or neoadjuvant setting and the last dose was given more than three months prior to disease recurrence\n';
    const c = parseCriteria(source)[0]!;
    expect('all' in c.rule).toBe(true);
    expect((c.rule as { all: Condition[] }).all[0]).toEqual(subgroup('For Cohort B'));
  });

  it.each([
    ['Cohort 5 only: Age 12 years or older', 'Cohort 5 only'],
    ['For Cohort F3 (NSCLC), subjects may have progressed on no more than 2 lines', 'For Cohort F3 (NSCLC)'],
    ['(Phase 1a only) Participants who have metastatic disease', 'Phase 1a only'],
    ['Phase 1, Part 2 only: Following tumor resection for lifileucel generation', 'Phase 1, Part 2 only'],
    ['For phase II, up to 4 prior chemotherapy-based treatments in the metastatic setting are allowed.', 'For phase II'],
  ])('finds the subgroup "%s" opens with', (text, label) => {
    expect(openingSubgroup(text)).toBe(label);
  });

  it.each([
    'Part 1a: Patients with cutaneous squamous cell carcinoma (cSCC)',
    'Cohort 1 (Melanoma): Participants who have progressed within 12 weeks',
    'For patients with liver metastases, AST ≤ 5 × ULN',
  ])('leaves a label that defines a cohort, or names patients by their disease, to other rules: "%s"', (text) => {
    expect(openingSubgroup(text)).toBeNull();
  });
});

describe('criteria under headings that each name a cancer cohort', () => {
  // NCT06889610, verbatim from "ii. Additional eligibility criteria for each cohort:".
  const cohorts =
    'Inclusion Criteria:\n\n1. Colorectal Cancer：\n\n   a) Clinically or pathologically confirmed colorectal cancer with liver metastases that are unresectable, or the patient is intolerant to or refuses surgery; b) Patients who have failed standard second-line drug therapy.\n' +
    '2. Triple-negative breast cancer :\n\n   1. Clinically or pathologically confirmed triple-negative breast cancer(triple-negative defined as\\<1% nuclear staining for ER and PR expression and HER2 negative);\n' +
    '3. Melanoma :\n\n   1. Clinically or pathologically confirmed melanoma liver metastasis, with inoperable or intolerable liver lesions or refusal of surgical resection;\n   2. Patients who have failed standard first-line drug therapy.\n';
  const first = (rule: ParsedCriterion['rule']): Condition => ('any' in rule ? rule.any[0]! : rule.all[0]!);

  it('binds each cohort\'s items to its cancer: any(cancer of another cohort, rule) (NCT06889610)', () => {
    const criteria = parseCriteria(cohorts);
    const melanoma = criteria.find((c) => c.text.includes('confirmed melanoma liver metastasis'))!;
    expect('any' in melanoma.rule).toBe(true);
    expect(first(melanoma.rule)).toEqual({ fact: 'cancerType', operator: 'equal', value: true, params: { codes: expect.arrayContaining(['COADREAD', 'BREAST']) } });
    // A melanoma patient no longer fails the colorectal cohort's diagnosis: it is someone else's.
    const colorectal = criteria.find((c) => c.text.includes('confirmed colorectal cancer'))!;
    const codes = (first(colorectal.rule) as unknown as { params: { codes: string[] } }).params.codes;
    expect(codes).toEqual(expect.arrayContaining(['MELANOMA', 'BREAST']));
    expect(codes).not.toContain('COADREAD');
  });

  it('reads only headings that are a cancer and nothing else', () => {
    const lex = lexicons();
    expect(cancerCohortHeading('Melanoma :', lex)).toEqual(expect.arrayContaining(['MELANOMA']));
    expect(cancerCohortHeading('Head and Neck squamous cell carcinoma (HNSCC)', lex)).not.toBeNull();
    expect(cancerCohortHeading('Triple-negative breast cancer :', lex)).toEqual(['BREAST']);
    // A heading about the cancer's history or another malignancy is no cohort.
    expect(cancerCohortHeading('History of other malignancy within 5 years:', lex)).toBeNull();
    expect(cancerCohortHeading('Lung carcinomas treated by immunotherapy', lex)).toBeNull();
  });

  it('leaves a single cancer heading as it is: it may be the whole trial\'s cancer (NCT07215988, its first cohort)', () => {
    const source =
      'Inclusion Criteria:\n\n* \\* MERKEL CELL CARCINOMA\n\n  * Signed informed consent\n  * Pathology report confirming Merkel at the time of screening\n  * ≥ 18 years of age\n';
    const age = parseCriteria(source).find((c) => c.text.includes('18 years'))!;
    expect(age.context).toEqual(['* MERKEL CELL CARCINOMA']);
    expect(age.rule).toEqual({ all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] });
  });
});
