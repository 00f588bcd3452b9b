/**
 * Words that narrow a reading, or that look like a connective or a subject and are not (session 18
 * review): a relative clause after metastases already called active, the "or" of a count ("one or
 * more"), a course word before a symptom ("refractory nausea"), the cancers a treatment was given for
 * ("for any malignancy"), and an "or those who" clause in an exclusion. Lines are verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const facts = (c: Condition | null): string[] => (c ? leavesOf(c).map((l) => l.fact) : []);

describe('a relative clause after active brain metastases', () => {
  it('narrows them: only the unstable ones exclude, so the clause is an unread qualifier beside them', () => {
    const r = readRule(
      'Patients with symptomatic central nervous system (CNS) metastases who are neurologically unstable or have required increasing doses of steroids within the 2 weeks prior to study entry to manage CNS symptoms.',
      'exclusion',
    );
    const c = r.condition as { any: Condition[] };
    // No alternative is active metastases alone.
    expect(c.any.some((a) => 'fact' in a && a.fact === 'brainMetastases')).toBe(false);
    expect(c.any[0]).toEqual({
      all: [
        { fact: 'brainMetastases', operator: 'in', value: ['active'] },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'who are neurologically unstable' } },
      ],
    });
  });

  it('gives the qualifiers of the next mention their own start, so "unstable, or CNS metastases" is not one phrase', () => {
    const r = readRule(
      'Symptomatic CNS metastases which are neurologically unstable, or CNS metastases requiring local CNS directed therapy, or increasing doses of corticosteroids within 2 weeks of first dose of study treatment.',
      'exclusion',
    );
    const c = r.condition as { any: Condition[] };
    expect(c.any[0]).toEqual({
      all: [
        { fact: 'brainMetastases', operator: 'in', value: ['active'] },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'which are neurologically unstable' } },
      ],
    });
    // The second mention is an alternative of its own.
    expect(c.any[1]).toEqual({ fact: 'brainMetastases', operator: 'in', value: ['active'] });
  });

  it('reads a clause that is the only state of the mention as that state', () => {
    expect(readRule('Brain metastases that are symptomatic', 'exclusion')).toEqual({
      condition: { fact: 'brainMetastases', operator: 'in', value: ['active'] },
      unread: '',
    });
  });
});

describe('the "or" of a count', () => {
  it('joins no findings: "with one or more brain metastases" is required beside the melanoma', () => {
    const r = readRule(
      'Histologically confirmed diagnosis of unresectable metastatic BRAF-mutated melanoma (stage IV, AJCC v9), with one or more brain metastases with a diameter of 5 to 50 mm, measured by contrast enhanced MRI.',
      'inclusion',
    );
    const c = r.condition as { all: Condition[] };
    expect('all' in c && c.all.every((x) => 'fact' in x)).toBe(true);
    expect(facts(c)).toEqual(expect.arrayContaining(['cancerType', 'brainMetastases', 'stage']));
  });
});

describe('a course word before a symptom', () => {
  it('"Refractory nausea and vomiting" is no refractory cancer', () => {
    const r = readRule(
      'Refractory nausea and vomiting, chronic GI disease, inability to swallow the formulated product, or previous significant bowel resection',
      'exclusion',
    );
    expect(facts(r.condition)).not.toContain('diseaseExtent');
    expect(r.unread).toContain('Refractory nausea and vomiting');
  });
});

describe('the cancers a treatment was given for', () => {
  it('"for any malignancy" and "for cancer" narrow nothing and name no other cancer', () => {
    expect(readRule('Prior immunotherapy for any malignancy', 'exclusion')).toEqual({
      condition: { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['immunotherapy'] } },
      unread: '',
    });
    // ("biologic" is left unread: the lexicon's biologic class is not a treatment kind.)
    const r = readRule(
      'Any concurrent chemotherapy, immunotherapy, biologic, or hormonal therapy for cancer',
      'exclusion',
    );
    const unread = r.condition
      ? leavesOf(r.condition)
          .filter((l) => l.fact === 'unparsed')
          .map((l) => (l.params as { text: string }).text)
      : [];
    expect(unread).toEqual(['biologic']);
    expect(facts(r.condition)).not.toContain('otherMalignancy');
  });

  it('keeps another cancer named in the same criterion', () => {
    const r = readRule(
      'Prior history and treatment for any cancer within the past year or has another active cancer, with the exception of participants who have undergone surgical removal of skin squamous cell or basal cell cancers.',
      'exclusion',
    );
    expect(facts(r.condition)).toContain('otherMalignancy');
  });
});

describe('"or those who" in an exclusion', () => {
  it('opens another reason to exclude, not a narrowing of the treatment before it', () => {
    const r = readRule(
      'Use of chemotherapeutic agents for any malignancy within 4 weeks prior to study entry or those who have not recovered from adverse events due to agents administered more than 4 weeks earlier.',
      'exclusion',
    );
    const c = r.condition as { any: Condition[] };
    expect(c.any).toEqual(
      expect.arrayContaining([
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['chemotherapy'], withinDays: 28 } },
        { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'toxicity_recovered' } },
      ]),
    );
    expect(facts(c)).not.toContain('otherMalignancy');
  });
});

describe("Gilbert's syndrome as the subgroup a bilirubin limit relaxes for", () => {
  const gilbert = { fact: 'condition', operator: 'equal', value: true, params: { names: ['gilbert_syndrome'] } };
  it('reads the subgroup as the condition, decidable from the record', () => {
    expect(
      readRule(
        'Total bilirubin less than or equal to 2.0 mg/dL, except in patients with Gilbert s Syndrome who must have a total bilirubin less than 3.0 mg/dL.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        any: [
          { fact: 'lab', operator: 'lessThanInclusive', value: 2, params: { name: 'bilirubin', unit: 'mg/dL' } },
          {
            all: [
              gilbert,
              { fact: 'lab', operator: 'lessThan', value: 3, params: { name: 'bilirubin', unit: 'mg/dL' } },
            ],
          },
        ],
      },
      unread: '',
    });
    expect(readRule("Total bilirubin ≤1.5×ULN (≤3×ULN in case of Gilbert's syndrome)", 'inclusion').condition).toEqual({
      any: [
        { fact: 'labUln', operator: 'lessThanInclusive', value: 1.5, params: { name: 'bilirubin' } },
        { all: [gilbert, { fact: 'labUln', operator: 'lessThanInclusive', value: 3, params: { name: 'bilirubin' } }] },
      ],
    });
  });

  it('never requires the patient to be free of it', () => {
    const r = readRule("Total bilirubin \\<2 mg/dl without a pattern consistent with Gilbert's syndrome", 'inclusion');
    expect(JSON.stringify(r.condition)).not.toContain('gilbert_syndrome');
  });

  it('leaves a subgroup that introduces the next limit unread rather than binding it to the limit before', () => {
    const r = readRule(
      'Total bilirubin ≤ 1.5 × ULN (in patients with known Gilbert Syndrome a total bilirubin ≤3.0× ULN with direct bilirubin ≤1.5 X ULN)',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('gilbert_syndrome');
  });
});

describe('measurable disease by the criteria named', () => {
  it('reads "at baseline" and "assessed by the Investigator" with the RECIST words', () => {
    for (const line of [
      'Have at least one measurable lesion at baseline per RECIST v1.1',
      'Measurable disease assessed by Investigator based on RECIST 1.1',
      'Has measurable target disease assessed by the Investigator based on RECIST version 1.1.',
    ])
      expect([line, readRule(line, 'inclusion')]).toEqual([
        line,
        { condition: { fact: 'measurableDisease', operator: 'equal', value: true }, unread: '' },
      ]);
  });
});

describe('a stage of the study', () => {
  it('is no disease stage: "Stage II General Inclusion Criteria", "Stage II - Cohort A"', () => {
    for (const line of [
      'Stage II General Inclusion Criteria The following general inclusion criteria apply to all participants unless cohort criteria specify otherwise.',
      'Stage II - Cohort B (Uveal Melanoma, MBS8(1V270) Monotherapy) Specific Exclusion Criteria The following exclusion criteria apply specifically to Stage II - Cohort B. 12B. Active, uncontrolled hepatic dysfunction not attributable to tumour (e.g., acute hepatitis).',
    ])
      expect([line, facts(readRule(line, 'inclusion').condition)]).toEqual([
        line,
        expect.not.arrayContaining(['stage']),
      ]);
    // A stage range with a dash is still a disease stage.
    expect(facts(readRule('Stage II - III breast cancer', 'inclusion').condition)).toContain('stage');
  });
});
