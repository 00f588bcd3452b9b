/**
 * A criterion whose text holds the requirements of several subgroups ("Cohort 1: … . Cohort 2: …",
 * "… (Part 1) or … (Part 2)"), or a lead for everyone and then one subgroup's own requirement, is read
 * in parts (subgroups.ts labelledParts, parse.ts readParts): each part on its own, bound to its
 * subgroup, so that no subgroup's requirement fails a patient who could enter another. Items of a
 * list labelled with the same subgroup are that subgroup's requirements together (joinAlternatives).
 * Real corpus lines.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';
import { labelledParts, subgroupLabel } from '../../src/criteria/subgroups';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord } from '../support/criteria';

function parse(kind: 'inclusion' | 'exclusion', ...items: string[]): ParsedCriterion[] {
  return parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n${items.map((t) => `* ${t}`).join('\n')}`);
}

function one(text: string, kind: 'inclusion' | 'exclusion'): ParsedCriterion {
  const parsed = parse(kind, text);
  expect(parsed).toHaveLength(1);
  return parsed[0]!;
}

const subgroup = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text, subgroup: true } });
const isSubgroup = (c: Condition): boolean => 'fact' in c && (c.params as { subgroup?: boolean } | undefined)?.subgroup === true;

/** The top-level alternatives of an `any` rule, keyed by the subgroup leaf before each. */
function bySubgroup(rule: Condition): Map<string, Condition[]> {
  const out = new Map<string, Condition[]>();
  let key = '';
  for (const c of 'any' in rule ? rule.any : []) {
    if (isSubgroup(c) && 'fact' in c) key = String((c.params as { text: string }).text);
    else out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

describe('labelledParts', () => {
  it.each([
    [
      'Cohort 1: Patients with locally advanced/metastatic NSCLC with wild-type EGFR and negative ALK fusion gene, no or at most one prior line of systemic chemotherapy regimen for advanced or metastatic NSCLC. Cohort 2: Patients with locally advanced/metastatic NSCLC with wild-type EGFR and negative ALK fusion gene, no prior systemic therapy. Cohort 3: Patients with locally advanced/metastatic NSCLC with EGFR activating mutation and negative ALK fusion gene, who have failed previous treatment with EGFR-TKIs.',
      ['Cohort 1', 'Cohort 2', 'Cohort 3'],
    ],
    [
      'Participants must have disease that has progressed on or be unable to tolerate standard treatments (Part 1) or 1-2 prior systemic therapies (Part 2).',
      ['Part 1', 'Part 2'],
    ],
    [
      'Measurable or non-measurable disease is permitted as defined by Response Evaluation Criteria in Solid Tumors version 1.1 (RECIST v1.1) for phase 1b. For phase 2, patients must have measurable disease as defined in RECIST v1.1.',
      ['for phase 1b', 'For phase 2'],
    ],
    ['Have a performance status on the Eastern Cooperative Oncology Group (ECOG) scale of:\n\n   Phase I - 0 or 1; Phase II - 0-2.', ['Phase I', 'Phase II']],
    ['AMH level greater than or equal to 1.0 pmol/L at registration\n\n   For Cohort 2: men with melanoma', [null, 'For Cohort 2']],
    // A list marker before the label is not part of the lead.
    [
      'Esophageal Cohort Expansion: i. Group 1 - no prior CPI: Subjects with only ESCC who may have received up to 1 prior chemotherapy as a line for metastatic disease or up to 2 prior chemotherapies if they also received neoadjuvant/adjuvant systemic therapy, but no prior CPI.',
      ['Group 1'],
    ],
  ])('divides %s', (text, labels) => {
    expect(labelledParts(text)?.map((p) => p.label)).toEqual(labels);
  });

  it('reads each part after a lead-in ending in a colon', () => {
    const parts = labelledParts('Have a performance status on the Eastern Cooperative Oncology Group (ECOG) scale of:\n\n   Phase I - 0 or 1; Phase II - 0-2.');
    expect(parts?.[1]?.text).toBe('Have a performance status on the Eastern Cooperative Oncology Group (ECOG) scale of: 0-2.');
  });

  it.each([
    // One label opening the text is subgroupLabel's.
    'Cohort 1 (Melanoma): Participants who have progressed within 12 weeks of last dose of anti-PD-1/PD-L1 blocking antibody',
    // The labels name the items of one list, which share its frame ("brain metastases from").
    'newly diagnosed brain metastases from either NSCLC (group 1) or melanoma (group 2) or breast cancer (group 7).',
    // A negation early on reaches the later alternatives; a label mid-text binds words after it too.
    '3. No prior systemic therapy, including treatment with prior anti-PD1/L1, anti-CTLA-4 or anti-LAG-3 therapy (cohorts 1 and 3), except for cohort 2 which will have received anti-PD1 monotherapy only.',
    // The lead names a subgroup that is no label of its part.
    'The Investigator unlikely to benefit from SOC therapy. Inclusion Diagnosis Phase 1 - Histologically or pathologically confirmed locally recurrent or metastatic advanced malignancy.\n\n   Phase 2a Part 1 i. Arm A - locally recurrent or metastatic melanoma. Participants must have received no more than 3 prior regimens for advanced or metastatic disease.',
    // Numbered items run together in one line: the labels do not mark where a part ends.
    'Age ≥18 years of age 2. Histologically or cytologically confirmed metastatic uveal melanoma in the liver. 3. Tumor Size Criteria: i. Part 1: Total volume of tumor must be < 50% of the liver involvement by CT or MRI ii. Part 2: M1b disease with largest tumor > 5 cm 4. No prior systemic treatment with tebentafusp-tebn',
    // A label heading a list of its own.
    'SUB-STUDY A: Patients with endometrial carcinoma, must have one of the following combinations of FIGO stage, grade, and LVI:\n  * Cohort A1:\n    * Stage IA (not confined to polyp), grade 3, pN0',
  ])('leaves %s whole', (text) => {
    expect(labelledParts(text)).toBeNull();
  });
});

describe('a criterion read in subgroup parts', () => {
  it('reads each cohort on its own, as alternatives (NCT05351788)', () => {
    const c = one(
      'Cohort 1: Patients with locally advanced/metastatic NSCLC with wild-type EGFR and negative ALK fusion gene, no or at most one prior line of systemic chemotherapy regimen for advanced or metastatic NSCLC. Cohort 2: Patients with locally advanced/metastatic NSCLC with wild-type EGFR and negative ALK fusion gene, no prior systemic therapy. Cohort 3: Patients with locally advanced/metastatic NSCLC with EGFR activating mutation and negative ALK fusion gene, who have failed previous treatment with EGFR-TKIs.',
      'inclusion',
    );
    const groups = bySubgroup(c.rule);
    expect([...groups.keys()]).toEqual(['Cohort 1', 'Cohort 2', 'Cohort 3']);
    // Cohort 3's failed EGFR TKI is read, and only Cohort 3's.
    expect(JSON.stringify(groups.get('Cohort 3'))).toContain('"egfr_tki"');
    expect(JSON.stringify(groups.get('Cohort 1'))).not.toContain('egfr_tki');
    expect(c.categoriesRead).toContain('prior_therapy');
    // No cohort label is left among the unread words of a part.
    const unread = leavesOf(c.rule).filter((l) => l.fact === 'unparsed' && !isSubgroup(l));
    expect(unread.map((l) => String((l.params as { text: string }).text)).join(' ')).not.toMatch(/Cohort/);
  });

  it('reads alternatives each closed by its subgroup (NCT07519655)', () => {
    const c = one(
      'Participants must have disease that has progressed on or be unable to tolerate standard treatments (Part 1) or 1-2 prior systemic therapies (Part 2).',
      'inclusion',
    );
    expect(c.status).toBe('partial');
    expect(bySubgroup(c.rule).get('Part 2')).toEqual([
      { all: [{ fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 }, { fact: 'priorLines', operator: 'lessThanInclusive', value: 2 }] },
    ]);
    expect(c.categoriesRead).toContain('prior_therapy');
    // A patient with three prior lines may be in Part 1: not failed.
    const record: PatientRecord = {
      cancers: [{ type: 'melanoma' }],
      treatments: [1, 2, 3].map((line) => ({ name: 'chemotherapy', kind: 'systemic' as const, line, setting: 'metastatic' })),
    };
    expect(judgeRecord(c.rule, record)).not.toBe(false);
  });

  it('requires measurable disease of Phase 2 only, not of Phase 1b (NCT03377387)', () => {
    const c = one(
      'Measurable or non-measurable disease is permitted as defined by Response Evaluation Criteria in Solid Tumors version 1.1 (RECIST v1.1) for phase 1b. For phase 2, patients must have measurable disease as defined in RECIST v1.1.',
      'inclusion',
    );
    // Read whole, measurable disease was required of everyone and failed the Phase 1b patient without it.
    expect(judgeRecord(c.rule, { cancers: [{ type: 'melanoma', measurableDisease: false }] })).not.toBe(false);
    expect(bySubgroup(c.rule).has('For phase 2')).toBe(true);
  });

  it('binds a lead-in\'s frame to each part (NCT06506643)', () => {
    const c = one('Have a performance status on the Eastern Cooperative Oncology Group (ECOG) scale of:\n\n   Phase I - 0 or 1; Phase II - 0-2.', 'inclusion');
    expect(c.rule).toEqual({
      any: [subgroup('Phase I'), { fact: 'ecog', operator: 'lessThanInclusive', value: 1 }, subgroup('Phase II'), { fact: 'ecog', operator: 'lessThanInclusive', value: 2 }],
    });
    expect(c.categoriesRead).toContain('performance_status');
  });

  it('keeps the lead for everyone and binds the later subgroup\'s limits to it (NCT04282044)', () => {
    const c = one(
      'Adequate hematologic function at the time of screening, defined as: absolute lymphocyte count (ALC) >500 cells/mm3, absolute neutrophil count (ANC) >750 cells/mm3, hemoglobin >8 g/dL, and platelet count >50,000 cells/mm3. For subjects enrolling into the LDC cohorts, the criteria are defined as: ALC>500 cells/mm3, ANC>1000 cells/mm3, hemoglobin>8g/dL, and platelet count>100,000 cells/mm3.',
      'inclusion',
    );
    const top = 'all' in c.rule ? c.rule.all : [];
    // The general ANC limit binds everyone; the LDC cohorts' higher limit only inside that subgroup.
    expect(top).toContainEqual({ fact: 'lab', operator: 'greaterThan', value: 0.75, params: { name: 'anc', unit: '10^9/L' } });
    expect(top).not.toContainEqual({ fact: 'lab', operator: 'greaterThan', value: 1, params: { name: 'anc', unit: '10^9/L' } });
    const bound = top.find((x) => 'any' in x && x.any.some(isSubgroup));
    expect(bound && 'any' in bound && bound.any[0]).toEqual(subgroup('For subjects enrolling into the LDC cohorts'));
  });

  it('binds an exclusion\'s parts each inside its subgroup: any(all(subgroup, part), …) (NCT04482309)', () => {
    const c = one(
      'Primary diagnosis of adenocarcinoma of the breast, adenocarcinoma of the colon or rectum, adenocarcinoma of the gastric body or gastro-esophageal junction, or non-small cell lung cancer for Part 1. For Part 2, patients with primary diagnosis of adenocarcinoma of the breast, adenocarcinoma of the colon or rectum, adenocarcinoma of the gastric body or gastro-esophageal junction will be excluded.',
      'exclusion',
    );
    const parts = 'any' in c.rule ? c.rule.any : [];
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => 'all' in p && p.all[0])).toEqual([subgroup('for Part 1'), subgroup('For Part 2')]);
    // A breast cancer patient may be in Part 1's other subgroups' reach: never excluded on the label alone.
    expect(judgeRecord(c.rule, { cancers: [{ type: 'breast cancer' }] })).not.toBe(true);
  });
});

describe('items labelled with the same subgroup', () => {
  it('are all that subgroup\'s requirements, not alternatives to each other (NCT04851119)', () => {
    const [c] = parse(
      'inclusion',
      'PART A: Patients must be >= 12 months and =< 21 years of age at the time of study enrollment',
      'PART B: Patients must be >= 12 months and =< 30 years of age at the time of study enrollment',
      'PART A: Patients must have either measurable or evaluable disease.',
      'PART B: Patients must have measurable disease.',
    );
    const groups = 'any' in c!.rule ? c!.rule.any : [];
    expect(groups).toHaveLength(2);
    // Part B's age and its measurable disease together: a 25-year-old without measurable disease is in
    // neither part as far as these items go, but Part B's leaves are unknown, so not failed outright.
    expect(JSON.stringify(groups[1])).toContain('"value":30');
    expect(JSON.stringify(groups[1])).toContain('measurableDisease');
    expect(JSON.stringify(groups[1])).not.toContain('"value":21');
  });

  it('tells "Cohort A-1" from "Cohort A-2" (NCT07223424)', () => {
    const [c] = parse(
      'inclusion',
      'Cohort A-1: Patients who are treatment-naive (i.e. for whom nivolumab is planned but has not yet been initiated) are eligible to enroll.',
      'Cohort A-2: Patients who are treatment-naive (i.e. for whom pembrolizumab is planned but has not yet been initiated) are eligible to enroll.',
    );
    expect(bySubgroup(c!.rule).size).toBe(2);
  });
});

describe('a heading glued to its criterion, closed by its subgroup', () => {
  it.each([
    [
      'Subjects with rare tumors (Phase 2a Cohort 10 ONLY) Histologically or cytologically confirmed rare tumor types. Progressed or relapsed after at least one prior standard therapeutic regimen.',
      'Subjects with rare tumors (Phase 2a Cohort 10 ONLY)',
    ],
    [
      'Post lutetium-177 CRPC subjects (Phase 2a Cohort 11 ONLY):\n\n    Pathologically documented metastatic adenocarcinoma of the prostate cancer.',
      'Post lutetium-177 CRPC subjects (Phase 2a Cohort 11 ONLY)',
    ],
  ])('binds all of %s', (text, label) => {
    const found = subgroupLabel(text);
    expect(found?.label).toBe(label);
    expect(found?.rest).not.toMatch(/Cohort|subjects/i);
  });

  it('reads the prior regimen of the rare-tumour cohort, bound to it (NCT05914116)', () => {
    const c = one(
      'Subjects with rare tumors (Phase 2a Cohort 10 ONLY) Histologically or cytologically confirmed rare tumor types. Progressed or relapsed after at least one prior standard therapeutic regimen (Patients who have not received all approved or standard treatments for their cancer must be informed that these alternatives to receiving DB-1311/BNT324 are available prior to consenting to participate in this trial).',
      'inclusion',
    );
    expect('any' in c.rule && c.rule.any[0]).toEqual(subgroup('Subjects with rare tumors (Phase 2a Cohort 10 ONLY)'));
    expect(c.categoriesRead).toContain('prior_therapy');
  });

  it('leaves a label in a later sentence to that sentence', () => {
    expect(subgroupLabel('Signed written informed consent. (for Group I) Patients already under treatment for at least three months with anti-PD1/PDL1/ CTLA4 or cyclin-dependent kinase (CDK) inhibitors for any type of cancer.')).toBeNull();
  });
});

describe('a group lead clause the readers cannot read', () => {
  it('binds what is required of the group, read without it (NCT07070232)', () => {
    const c = one(
      '(For participants with PDAC only) Have received one or two lines of systemic therapy for metastatic tumors, and have experienced progression or intolerance to the treatment during or following therapy.',
      'inclusion',
    );
    expect('any' in c.rule && c.rule.any[0]).toEqual(subgroup('For participants with PDAC only'));
    expect(JSON.stringify(c.rule)).toContain('"priorLines"');
    expect(c.categoriesRead).toContain('prior_therapy');
  });

  it('excludes only inside the group: all(group, finding) (NCT02227251)', () => {
    const c = one(
      'For participants whose most recent systemic anti-DLBCL therapy induced a PR or CR: Radiation, chemotherapy, immunotherapy, radio-immunotherapy, or any other anticancer therapy other than glucocorticoids <60 days or <14 weeks prior to Cycle 1 Day 1.',
      'exclusion',
    );
    expect('all' in c.rule && c.rule.all[0]).toEqual(subgroup('For participants whose most recent systemic anti-DLBCL therapy induced a PR or CR'));
    // A patient treated with chemotherapy last month may be outside the group: not known to be excluded.
    const record: PatientRecord = { cancers: [{ type: 'DLBCL' }], treatments: [{ name: 'chemotherapy', kind: 'systemic', end: '2025-05-01' }] };
    expect(judgeRecord(c.rule, record)).not.toBe(true);
  });
});
