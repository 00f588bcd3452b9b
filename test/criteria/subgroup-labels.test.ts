/**
 * A criterion's own subgroup label, wherever it sits ("… (Part 4)", "Cohort 1 (Melanoma): …", "…
 * in Arm B"), is cut before reading (subgroups.ts subgroupLabel): the rest is read as if the label
 * were absent, and the label binds the whole reading as an unread subgroup. Real corpus lines.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';
import { subgroupLabel } from '../../src/criteria/subgroups';
import { therapy } from '../support/criteria';

function one(text: string, kind: 'inclusion' | 'exclusion'): ParsedCriterion {
  const parsed = parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n* ${text}`);
  expect(parsed).toHaveLength(1);
  return parsed[0]!;
}

const subgroup = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text, subgroup: true } });

/** The words of the rule's unparsed leaves that are not the subgroup. */
function unreadLeaves(c: Condition): string[] {
  return leavesOf(c)
    .filter((l) => l.fact === 'unparsed' && (l.params as { subgroup?: boolean }).subgroup !== true)
    .map((l) => String((l.params as { text: string }).text));
}

describe('subgroupLabel', () => {
  it.each([
    ['Patients with Malignant Melanoma who are refractory or intolerant to standard therapy (Part 4)', 'Part 4'],
    ['Taxane-naive CRPC subjects (Phase 2a Cohort 12, 16, 17 ONLY)', 'Phase 2a Cohort 12, 16, 17 ONLY'],
    ['Has severe hypersensitivity ( ≥ Grade 3) to Pembrolizumab and/or any of its excipients (Parts C and D only)', 'Parts C and D only'],
    ['Patients having Solid Tumors with no standard therapy available or refractory or intolerable to standard therapy (Part2, 3)', 'Part2, 3'],
    [
      'Treatment with strong CYP3A4 inhibitors or inducers within 14 days or 5 drug-elimination half-lives, whichever is longer, prior to initiation of giredestrant treatment in Arm B',
      'in Arm B',
    ],
    ['Cohort 1 (Melanoma): Participants who have progressed within 12 weeks of last dose of anti-PD-1/PD-L1 blocking antibody', 'Cohort 1 (Melanoma)'],
    ['Parts 1B and 1C combination: Advanced/metastatic NSCLC which has progressed following front-line anti-PD-1/PD-L1', 'Parts 1B and 1C combination'],
    ['Cohorts 1-4 only: Histologically confirmed diagnosis of a locally advanced or metastatic solid tumor', 'Cohorts 1-4 only'],
    ['Part B - Clinical Stage III, unresectable NSCLC', 'Part B'],
    ['For Cohort B, may have received 1 or more lines of prior BRAF or MEK inhibitor therapy.', 'For Cohort B'],
    ['Dose escalation cohorts: Histologically confirmed advanced solid tumor refractory to standard of care therapy', 'Dose escalation cohorts'],
    ['Lymphoma cohort only (Phase II): Relapsed refractory lymphoma (high grade and low grade B-NHL, Hodgkin\'s Lymphoma and T-cell lymphomas)', 'Lymphoma cohort only (Phase II)'],
    ['For solid tumor arms: patients must measurable disease based on RECIST v1.1 as determined by the local study team.', 'For solid tumor arms'],
    ['For the TNBC Cohort, patients determined to be HER2 ultra-low.', 'For the TNBC Cohort'],
  ])('finds the label of %s', (text, label) => {
    const found = subgroupLabel(text);
    expect(found?.label).toBe(label);
    expect(found?.rest).not.toContain(label);
  });

  it.each([
    // Labels in several places each bind their own part.
    'Life expectancy of ≥ 12 weeks in Parts A and C and ≥ 24 weeks in Parts B and D',
    'Participants must have disease that has progressed on or be unable to tolerate standard treatments (Part 1) or 1-2 prior systemic therapies (Part 2).',
    // A label in a later sentence binds that sentence only.
    'Patients who have failed prior anti-PD1/-PDL1 may be included. Washout of anti-PD1/-PDL1 at least 3 weeks prior to initiation of therapy in Part 1a and 2a. No washout period is required for Part 1b and 2b.',
    'Signed written informed consent. (for Group I) Patients already under treatment for at least three months with anti-PD1/PDL1/ CTLA4 or cyclin-dependent kinase (CDK) inhibitors for any type of cancer.',
    // "part of", "phase of": words, not subgroups.
    'Has received any treatment as part of adjuvant, neoadjuvant therapy or definitive chemoradiation for the treatment of NSCLC within 12 months',
    'MRD positive (≥0.01%) disease (by flow-cytometry) assessed on BM after two phases of induction chemotherapy in CR-1',
    // A heading for every subgroup binds none.
    'All cohorts: ECOG performance status 0 or 1',
  ])('leaves %s whole', (text) => {
    expect(subgroupLabel(text)).toBeNull();
  });
});

describe('a criterion read without its subgroup label', () => {
  it('reads "refractory or intolerant to standard therapy (Part 4)" as it reads the text without the label', () => {
    const c = one('Patients with Malignant Melanoma who are refractory or intolerant to standard therapy (Part 4)', 'inclusion');
    const bare = one('Patients with Malignant Melanoma who are refractory or intolerant to standard therapy', 'inclusion');
    expect(c.rule).toEqual({ any: [subgroup('Part 4'), 'all' in bare.rule ? { all: bare.rule.all } : bare.rule] });
    expect(c.categoriesRead).toContain('prior_therapy');
    expect(c.unread).toBe('Part 4');
  });

  it('binds an exclusion only inside its subgroup: all(subgroup, finding)', () => {
    const c = one('Prior treatment with PD-1 or PD-L1 blocking agent (Cohort 2)', 'exclusion');
    expect(c.rule).toEqual({ all: [subgroup('Cohort 2'), therapy({ classes: ['anti_pd1', 'anti_pd_l1'] })] });
    expect(c.categoriesRead).toContain('prior_therapy');
  });

  it('reads the prior therapy after a leading cohort label, bound so that other cohorts pass', () => {
    const c = one(
      'Phase 2 and Phase 3: Prior systemic treatment for locally advanced or metastatic NSCLC including chemotherapy, immune checkpoint inhibitor therapy, or a therapy targeting KRAS G12C mutation (e.g., AMG 510).',
      'exclusion',
    );
    expect(c.status).toBe('partial');
    expect('all' in c.rule && c.rule.all[0]).toEqual(subgroup('Phase 2 and Phase 3'));
    expect(c.categoriesRead).toContain('prior_therapy');
    expect(unreadLeaves(c.rule).join(' ')).not.toMatch(/Phase/);
  });

  it('binds an inclusion with a leading cohort label as any(subgroup, rule): it can never fail a patient of another cohort', () => {
    const c = one(
      'Cohort 2 (Endometrial Cancer):Patients with histopathologically confirmed recurrent or metastatic advanced endometrial cancer who have received at least one prior platinum-based chemotherapy',
      'inclusion',
    );
    expect('any' in c.rule && c.rule.any[0]).toEqual(subgroup('Cohort 2 (Endometrial Cancer)'));
    expect(unreadLeaves(c.rule).join(' ')).not.toMatch(/Cohort/);
  });

  it('cuts a closing "in Arm B"', () => {
    const c = one(
      'Treatment with strong CYP3A4 inhibitors or inducers within 14 days or 5 drug-elimination half-lives, whichever is longer, prior to initiation of giredestrant treatment in Arm B',
      'exclusion',
    );
    expect('all' in c.rule && c.rule.all[0]).toEqual(subgroup('in Arm B'));
    expect(unreadLeaves(c.rule).join(' ')).not.toMatch(/Arm B/);
  });

  it('binds one cancer\'s items in a basket trial ("BREAST CANCER SPECIFIC:") to that cohort', () => {
    const c = one(
      'BREAST CANCER SPECIFIC: Patients must have received at least one line of systemic therapy in the metastatic setting prior to enrollment on the study and have progressive/persistent disease after',
      'inclusion',
    );
    // Read as binding everyone, the line count failed a melanoma patient of the same trial with none.
    expect('any' in c.rule && c.rule.any[0]).toEqual(subgroup('BREAST CANCER SPECIFIC'));
    expect(JSON.stringify(c.rule)).toContain('"fact":"priorLines"');
  });

  it('reads a criterion whose labels bind different parts as before', () => {
    const c = one('Life expectancy of ≥ 12 weeks in Parts A and C and ≥ 24 weeks in Parts B and D', 'inclusion');
    expect(leavesOf(c.rule).some((l) => (l.params as { subgroup?: boolean } | undefined)?.subgroup === true)).toBe(false);
  });
});
