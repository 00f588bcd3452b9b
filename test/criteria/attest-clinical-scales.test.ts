/**
 * Clinical grading scales the record holds no value for (src/criteria/extract/clinical-scales.ts):
 * the Child-Pugh class (child_pugh_class), the Fitzpatrick skin phototype (skin_phototype) and
 * symptom or function rating scales with a threshold (rating_scale_score), read where an inclusion
 * requires them. Real corpus lines with the rule they must get, and lines that must not get it.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import type { Condition } from '../../src/criteria/facts';
import { attest, attestationTopics, criterionRule, judgeRecord, readRule } from '../support/criteria';

describe('the topics read here have their questions', () => {
  it('lists child_pugh_class, skin_phototype and rating_scale_score with a plain question', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of ['child_pugh_class', 'skin_phototype', 'rating_scale_score']) expect(topics.get(id)).toMatch(/\?$/);
  });
});

describe('Child-Pugh class in an inclusion (child_pugh_class)', () => {
  it('reads the class or score the criterion requires', () => {
    // NCT06330064 i20
    expect(readRule('Liver function status should be Child-Pugh (CP) Class A.', 'inclusion')).toEqual({
      condition: attest('child_pugh_class', true),
      unread: '',
    });
    // NCT05914116 i31: the window stays unread.
    expect(readRule('Has a Child-Pugh class A liver score within 7 days of first dose of study drug.', 'inclusion')).toEqual({
      condition: attest('child_pugh_class', true),
      unread: '7 days of first dose',
    });
  });

  it('binds a class required of one group to that group only', () => {
    // NCT05070247 i28
    expect(criterionRule('For participants with HCC only: Child-Pugh score less than or equal to 7 (Child-Pugh A or B7).', 'inclusion')).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'For participants with HCC only', subgroup: true } },
        attest('child_pugh_class', true),
      ],
    });
    // NCT06636435 i6
    expect(criterionRule('Patients with Child-Pugh A or B (Part2, 3)', 'inclusion')).toEqual({
      any: [{ fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Part2, 3', subgroup: true } }, attest('child_pugh_class', true)],
    });
  });

  it('does not read a class that qualifies one cancer of a list, or one cohort among others', () => {
    // NCT04114136 i1: "HCC (Child Pugh Class A only)" binds only the HCC patients.
    const list =
      'Histologically or cytologically confirmed advanced melanoma, renal cell carcinoma, NSCLC, HCC (Child Pugh Class A only), MSI-High solid tumors, Urothelial Cancer, GE junction/Gastric Adenocarcinoma, or HNSCC';
    expect(attestationTopics(readRule(list, 'inclusion').condition)).toEqual([]);
    // NCT06953089 i7: the HCC cohort's item stays one alternative of the cohort list.
    const cohorts = parseCriteria(
      'Inclusion Criteria:\n\n* Has adequate treatment washout period prior to the first dose of trial treatment.\n\n  * For HCC patients: Histological/cytological confirmed diagnosis of HCC or clinically confirmed diagnosis of HCC; Has a Child-Pugh class A liver score.\n  * For CC patients: Has persistent, recurrent or metastatic cervical cancer with squamous cell, adenocarcinoma, or adenosquamous histology\n  * For Melanoma patients: Histologically or cytologically confirmed diagnosis of unresectable Stage III or metastatic melanoma.',
    );
    const hcc = cohorts.find((c) => c.text.includes('For HCC patients'))!;
    expect(hcc.text).toContain('For Melanoma patients');
    expect('any' in hcc.rule).toBe(true);
    expect(attestationTopics(hcc.rule as Condition)).toEqual([]);
  });

  it('does not require a liver disease of a patient the class admits', () => {
    // Read as the grade of a liver disease, "Child-Pugh A" required one and failed a patient without.
    const rule = criterionRule('Child-Pugh A', 'inclusion');
    expect(rule).toEqual({ all: [attest('child_pugh_class', true)] });
    expect(judgeRecord(rule, { conditions: [{ name: 'hypertension' }] })).not.toBe(false);
  });

  it('leaves exclusions to the conditions reader and does not read a negated or permitted class', () => {
    expect(attestationTopics(readRule('Child-Pugh class C', 'exclusion').condition)).toEqual([]);
    expect(attestationTopics(readRule('Patients with Child-Pugh B may be enrolled', 'inclusion').condition)).toEqual([]);
    expect(attestationTopics(readRule('No Child-Pugh class C cirrhosis', 'inclusion').condition)).not.toContain('child_pugh_class=true');
  });
});

describe('Fitzpatrick skin phototype (skin_phototype)', () => {
  it('reads the phototype range an inclusion requires', () => {
    for (const text of ['Fair Skin (Fitzpatrick Type I or II)', 'Skin type fair (Fitzpatrick I-II)', 'phototype I or phototype II'])
      // NCT03906253 i5, NCT06428721 i3, NCT07349940 i2
      expect(readRule(text, 'inclusion')).toEqual({ condition: attest('skin_phototype', true), unread: '' });
  });

  it('does not read the scale named without a type', () => {
    // NCT07201376 i2
    expect(
      attestationTopics(
        readRule('Patients with different skin tones based on the Fitzpatrick Scale, who present with skin growth or lesions', 'inclusion').condition,
      ),
    ).not.toContain('skin_phototype=true');
  });
});

describe('rating scales with a threshold (rating_scale_score)', () => {
  it('reads a named scale with the level it requires', () => {
    // NCT03997110 i4, NCT07072728 i2, NCT06767332 i1
    for (const text of [
      'Moderate to Severe Pain on Numerical Rating Score (Score 4 or higher).',
      'Screening HAM-A Score ≥18 (moderate anxiety).',
      'a score of 16 or higher on the FCRI-NL-SF',
    ])
      expect(readRule(text, 'inclusion')).toEqual({ condition: attest('rating_scale_score', true), unread: '' });
  });

  it('keeps what narrows the rating unread', () => {
    // NCT04693377 i4: the pain is the target lesion's.
    expect(readRule('The pain due to the target lesion must be at least 4/10 based on the BPI pain scale', 'inclusion')).toEqual({
      condition: attest('rating_scale_score', true),
      unread: 'due to the target lesion',
    });
    // NCT05053230 i7
    expect(readRule('Worst fatigue over the last 7 days rated 4 or greater on (0-10 scale)', 'inclusion')).toEqual({
      condition: attest('rating_scale_score', true),
      unread: '7',
    });
  });

  it('does not read a scale without a level, a permission, a failure to score, or an exclusion', () => {
    expect(attestationTopics(readRule('Willingness to self-report level of oral pain using Visual Analog Scale (VAS)', 'inclusion').condition)).not.toContain(
      'rating_scale_score=true',
    );
    expect(attestationTopics(readRule('Patients with pain score ≥4 on the NRS may be enrolled', 'inclusion').condition)).toEqual([]);
    // NCT06485076 e5
    expect(attestationTopics(readRule('failure to score a single item at ≥3 of the ESAS-r-plus at time of recruitment.', 'exclusion').condition)).toEqual([]);
    expect(attestationTopics(readRule('No HAMA antibodies', 'inclusion').condition)).toEqual([]);
  });
});

describe('organ function in words the organ-function statement did not take (adequate_organ_function)', () => {
  it('reads the heart by its plain name, the main organs, and the liver and kidneys within normal limits', () => {
    for (const text of [
      'Adequate heart function as measured by ECHO/MUGA scan.', // NCT06805825 i8
      'There is no serious dysfunction of the main organs.', // NCT04386967 i7
      'Liver functions and kidney functions within normal limits', // NCT06087614 i11
      'The organ functions of subjects meet the criteria for the following laboratory parameters at screening;', // NCT05288205 i6
    ])
      expect(readRule(text, 'inclusion')).toEqual({ condition: attest('adequate_organ_function', true), unread: '' });
    expect(readRule('Serious dysfunction of the main organs', 'exclusion')).toEqual({
      condition: attest('adequate_organ_function', false),
      unread: '',
    });
  });

  it('does not read organ function required of one group only', () => {
    expect(
      attestationTopics(readRule('Patients with a history of heart failure must have adequate heart function', 'inclusion').condition),
    ).not.toContain('adequate_organ_function=true');
  });
});
