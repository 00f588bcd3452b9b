/**
 * An "or" inside unread words joins those words, not the findings on either side of them (parse.ts
 * SETTING_OR, MODE_OR), and "or other …" after an inclusion's list leaves the list open
 * (openAlternatives). Lines verbatim from the corpus.
 */
import { readCriterion } from '../../src/criteria/parse';
import { isLeaf, type Condition } from '../../src/criteria/facts';

const leaves = (c: Condition | null): Condition[] =>
  !c ? [] : isLeaf(c) ? [c] : 'all' in c ? c.all.flatMap(leaves) : c.any.flatMap(leaves);

describe('an "or" between unread setting words', () => {
  it('keeps a maximum number of lines required: "in the locally advanced/metastatic setting, with a maximum of 2 prior lines" (NCT06330064)', () => {
    const r = readCriterion(
      'Relapse or progression after 1 prior line of an ICI-containing regimen (combination or monotherapy) in the locally advanced/metastatic setting, with a maximum of 2 prior lines.',
      'inclusion',
      [],
    );
    // Top level is "all": a patient past 2 lines fails, whatever else holds.
    expect(r.condition && 'all' in r.condition).toBe(true);
    const top = (r.condition as { all: Condition[] }).all;
    expect(top).toContainEqual({ fact: 'priorLines', operator: 'lessThanInclusive', value: 2, params: { setting: 'advanced' } });
    expect(top).toContainEqual({ fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 });
  });

  it('keeps the progression required beside the drugs the line included: "for advanced or metastatic disease, which included a fluoropyrimidine" (NCT06346392)', () => {
    const r = readCriterion(
      'Disease progression on or after at least one prior line of treatment (LoT) for advanced or metastatic disease, which included a fluoropyrimidine and a platinum, for advanced or metastatic disease.',
      'inclusion',
      [],
    );
    expect(r.condition && 'all' in r.condition).toBe(true);
    const top = (r.condition as { all: Condition[] }).all;
    expect(top).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], outcome: 'progression' } });
    expect(top).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['platinum'], setting: 'advanced' } });
  });

  it('reads "in combination with other anticancer therapy or separately" as how a line was given (NCT06330064)', () => {
    const r = readCriterion(
      'Relapse or progression after at least 1 prior line of ICI-containing systemic therapy, and 1 prior line of systemic chemotherapy, given in combination with other anticancer therapy or separately, with a maximum of 3 prior therapy lines.',
      'inclusion',
      [],
    );
    expect(r.condition && 'all' in r.condition).toBe(true);
    expect((r.condition as { all: Condition[] }).all).toContainEqual({ fact: 'priorLines', operator: 'lessThanInclusive', value: 3 });
  });
});

describe('"or other …" after a list in an inclusion', () => {
  it('adds an unread alternative to the examples instead of requiring one of them', () => {
    const r = readCriterion(
      'Solid tumor with a biomarker, for example, TMB-high, PDL-1 positive, or other disease states that respond to PD(L)-1 inhibitors.',
      'inclusion',
      [],
    );
    expect(r.condition).toEqual({
      all: [
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
        {
          any: [
            { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'TMB', status: 'high' } },
            { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'PD-L1', status: 'positive' } },
            { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'other disease states that respond to PD(L)-1 inhibitors' } },
          ],
        },
      ],
    });
  });

  it('leaves a tail the parser read alone: "or other stage IV gynecologic cancer"', () => {
    const r = readCriterion('Stage III or IV ovarian or fallopian tube cancers or other stage IV gynecologic cancer', 'inclusion', []);
    expect(leaves(r.condition).some((l) => isLeaf(l) && l.fact === 'unparsed')).toBe(false);
  });
});

describe('a regimen the study "may use"', () => {
  it('is no prior therapy: "Regimens with atezolizumab alone or in combination … may be used"', () => {
    const r = readCriterion(
      'Regimens with atezolizumab alone or in combination with agents that have previously demonstrated safety in published clinical trials may be used.',
      'inclusion',
      [],
    );
    expect(leaves(r.condition).filter((l) => isLeaf(l) && l.fact === 'priorTherapy')).toEqual([]);
  });

  it('leaves a bracketed note to itself: "Radiation therapy (Note: … can be used ≥ 1 week prior …)" stays a radiation exclusion (NCT06472661)', () => {
    const r = readCriterion('Radiation therapy (Note: Stereotactic radiotherapy, such as gamma knife, can be used ≥ 1 week prior to registration)', 'exclusion', [
      'Any of the following medications or treatments are administered to the subject within 4 weeks of study day 1:',
    ]);
    expect(leaves(r.condition)).toContainEqual({ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation'] } });
  });
});

describe('a later sentence that permits a treatment the rule forbids', () => {
  it('leaves the absence open, not demanded: "No prior systemic therapy. Prior adjuvant therapy is permitted, provided …"', () => {
    const r = readCriterion('No prior systemic therapy. Prior adjuvant therapy is permitted, provided it was completed at least 3 weeks before enrollment.', 'inclusion', []);
    // A patient who had adjuvant therapy had failed outright; the coordinator now judges the permission.
    expect(r.condition).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['systemic'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Prior adjuvant therapy is permitted, provided it was completed at least 3 weeks before enrollment' } },
      ],
    });
  });

  it('is no permission when it prohibits: "No adjuvant radiation therapies are allowed" (NCT07221734)', () => {
    const r = readCriterion(
      'In the case of prior palliative radiotherapy (on metastatic lesions), this must have been completed at least 2 weeks prior to the study drug administration. No adjuvant radiation therapies are allowed.',
      'inclusion',
      [],
    );
    expect(JSON.stringify(r.condition)).not.toContain('No adjuvant radiation therapies are allowed');
  });
});
