/**
 * How neighbouring findings are joined (parse.ts): the words between them decide and / or, and a
 * parenthesis wholly between two findings is an aside whose "or" joins nothing outside it. Real
 * corpus lines.
 */
import { parseCriteria, readCriterion } from '../../src/criteria/parse';
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { normalise } from '../../src/criteria/text';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): Condition | null =>
  readCriterion(normalise(text).text, kind, []).condition;

const labNames = (c: Condition): string[] =>
  leavesOf(c)
    .filter((l) => l.fact === 'lab' || l.fact === 'labUln')
    .map((l) => (l.params as { name: string }).name);

describe('connectives between findings', () => {
  it('keeps a lab list joined with "and" when an aside in brackets says "or"', () => {
    const c = read(
      'Absolute neutrophil count \\>/= 1.5 x 10\\^9/L, hemoglobin \\>/= 10 g/dL (can be corrected by growth factor or transfusion), and platelet count \\>/= 100 x 10\\^9/L.',
    )!;
    // Every lab is required: they sit directly in the top-level `all`, none inside an `any`.
    expect('all' in c).toBe(true);
    const top = (c as { all: Condition[] }).all;
    expect(
      top
        .filter((x) => 'fact' in x && x.fact === 'lab')
        .map((x) => (x as unknown as { params: { name: string } }).params.name),
    ).toEqual(['anc', 'hemoglobin', 'platelets']);
    expect(top.some((x) => 'any' in x)).toBe(false);
  });

  it('does not let "(or <= 5 if liver metastases are present)" turn the AST and ALT limits into alternatives', () => {
    const c = read(
      'Aspartate aminotransferase (AST) ≤ 2.5 × ULN (or ≤ 5 if liver metastases are present) Alanine aminotransferase (ALT) ≤ 2.5 × ULN (or ≤ 5 if liver metastases are present)',
    )!;
    const top = (c as { all: Condition[] }).all;
    // One requirement per enzyme, each with its own relaxed alternative (the main and the relaxed limit).
    const perEnzyme = top.filter((x) => 'any' in x).map((x) => labNames(x));
    expect(perEnzyme).toEqual([
      ['ast', 'ast'],
      ['alt', 'alt'],
    ]);
  });

  it('does not let "with" inside an aside join exclusion items with "and"', () => {
    const c = read(
      'Known positive HIV serology; active syphilis (participants with only a positive syphilis antibody test may be enrolled); suspected active tuberculosis (chest imaging within 3 months prior to the first dose suggests active tuberculosis infection).',
      'exclusion',
    )!;
    expect('any' in c).toBe(true);
    const names = leavesOf(c)
      .filter((l) => l.fact === 'condition')
      .map((l) => (l.params as { names: string[] }).names[0]);
    expect(names).toEqual(expect.arrayContaining(['hiv', 'tuberculosis']));
    // Each infection excludes on its own: none is nested under an `all` with another.
    for (const x of (c as { any: Condition[] }).any) expect('all' in x).toBe(false);
  });
});

describe('units and bracketed exceptions', () => {
  it('does not take the slash of a unit for "or"', () => {
    const c = read(
      'Liver function: total bilirubin level ≤1.5 × ULN (except subjects with Gilbert Syndrome, who can have total bilirubin \\<3.0 mg/dL), albumin level ≥LLN, AST/ALT ≤2.5 × ULN (≤5 × ULN for subjects with liver metastases).',
    )!;
    // Bilirubin and the transaminases are both required: neither sits in an alternative of the other.
    const top = (c as { all: Condition[] }).all;
    const groups = top.filter((x) => 'any' in x).map((x) => labNames(x));
    expect(groups).toEqual([['bilirubin'], ['ast', 'alt', 'ast', 'alt']]);
  });

  it('ends an exception opened inside a parenthesis with the parenthesis', () => {
    const c = read(
      'Newly diagnosed, treatment-naïve (except for prior surgery) metastatic NSCLC, with or without a targetable oncogenic driver alteration.',
    )!;
    const facts = leavesOf(c).map((l) => `${l.fact}:${JSON.stringify(l.params ?? {})}`);
    expect(facts).toContain('cancerType:{"codes":["NSCLC"]}');
    expect(facts).toContain('diseaseExtent:{"extent":"metastatic"}');
  });
});

describe('examples in exclusions', () => {
  const conditionNames = (c: Condition): string[][] =>
    ('any' in c ? c.any : [c])
      .filter((x) => 'fact' in x && x.fact === 'condition')
      .map((x) => (x as unknown as { params: { names: string[] } }).params.names);

  it('excludes on the umbrella or on any example after "such as" / "including"', () => {
    const c = read(
      'Participants with either a primary immunodeficiency disorder (i.e., severe combined immunodeficiency syndrome) or acquired immunodeficiency disorders (such as HIV/AIDS).',
      'exclusion',
    )!;
    expect(conditionNames(c)).toEqual([['immunodeficiency'], ['hiv']]);
    const severe = read(
      "Severe medical diseases, including severe heart disease, cerebrovascular disease, uncontrolled diabetes, uncontrolled hypertension, severe infection, active digestive tract ulcer, abnormal immune function (including, but not limited to, rheumatoid arthritis, lupus erythematosus, Sjogren's syndrome, etc.).",
      'exclusion',
    )!;
    expect(conditionNames(severe)).toEqual([
      ['cardiovascular_disease', 'cerebrovascular_disease'],
      ['diabetes_mellitus'],
      ['hypertension'],
      ['infection'],
      ['rheumatoid_arthritis', 'sle', 'sjogren_syndrome'],
    ]);
  });
});

describe('cohort lists', () => {
  it('joins cohorts described by cancer and planned treatment as alternatives', () => {
    const text = [
      'Inclusion Criteria:',
      '',
      '* Patients with recently histologically proven rectal cancer, who are planned to undergo a total mesorectal excision without neo-adjuvant radiotherapy.',
      '* Patients with recently histologically proven breast cancer (Stage II), who are planned for surgery with sentinel node procedure.',
    ].join('\n');
    const criteria = parseCriteria(text);
    expect(criteria).toHaveLength(1);
    const rule = criteria[0]!.rule as { any?: Condition[] };
    expect(rule.any).toHaveLength(2);
    const codes = rule.any!.map((alt) =>
      leavesOf(alt)
        .filter((l) => l.fact === 'cancerType')
        .flatMap((l) => (l.params as { codes: string[] }).codes),
    );
    expect(codes).toEqual([['READ'], ['BREAST']]);
    // The breast cohort's planned surgery is kept as a question inside its own alternative.
    expect(
      leavesOf(rule.any![1]!).some(
        (l) => l.fact === 'attestation' && (l.params as { topic: string }).topic === 'planned_treatment',
      ),
    ).toBe(true);
  });
});

describe('an aside with another inside it', () => {
  it('joins nothing with the "or" of a parenthesis that holds one of its own (NCT05868707)', () => {
    const c = read(
      'WBC≥3.0×109 / L, ANC≥2.0×109 / L (no correction by granulocyte colony stimulating factor \\[G-CSF\\] or granulocyte macrophage colony stimulating factor \\[GM-CSF\\] within 14 days prior to screening), PLT≥100×109 /L (do not receive platelet infusion or thrombopoietin \\[TPO\\], thrombopoietin (TPO) receptor agonist or interleukin-11 \\[IL-11\\] within 14 days before screening), Hb≥90 g/L (do not receive blood transfusion or erythropoietin \\[EPO\\] correction within 14 days before screening);',
    )!;
    // Every count is required: none sits inside an `any` (an "or" inside the asides had made them alternatives).
    expect('all' in c).toBe(true);
    const top = (c as { all: Condition[] }).all;
    expect(top.filter((x) => 'fact' in x && x.fact === 'lab').map((x) => (x as unknown as { params: { name: string } }).params.name)).toEqual([
      'wbc',
      'anc',
      'platelets',
      'hemoglobin',
    ]);
  });
});

describe('two predicates joined by "or"', () => {
  it('part the predicates, not the findings around them (NCT03761914)', () => {
    const c = read('Patients must have measurable disease(by CT or MRI) after they progressed or were resistant to 1 prior systemic therapy.')!;
    // Measurable disease and a prior line are both required: "or" joins "progressed" and "were resistant".
    // The count's route ("progressed or were resistant to") is read as progression on it (lines-bounds-outcomes).
    expect(c).toMatchObject({
      all: [
        { fact: 'measurableDisease' },
        { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'priorTherapy', params: { kinds: ['systemic'], outcome: 'progression' } },
      ],
    });
  });
});

describe('"as well as" in an exclusion', () => {
  it('adds another item that excludes on its own (NCT06889766)', () => {
    const c = read('Patients with symptomatic and/or untreated brain metastases, as well as leptomeningeal carcinomatosis.', 'exclusion')!;
    expect(c).toMatchObject({ any: [{ fact: 'brainMetastases' }, { fact: 'condition', params: { names: ['leptomeningeal_disease'] } }] });
  });
});

describe('semicolons in exclusions', () => {
  it('reads items parted by semicolons as each excluding, whatever conjunction follows', () => {
    const c = read(
      'Human immunodeficiency virus (HIV) antibody positive; syphilis antibody (anti-TP) positive; Hepatitis C virus (HCV) antibody positive and HCV RNA positive; HBsAg positive and HBV DNA positive.',
      'exclusion',
    );
    expect(c).toMatchObject({ any: [{ params: { names: ['hiv'] } }, { params: { names: ['syphilis'] } }, { params: { names: ['hcv'] } }, { params: { names: ['hbv'] } }] });
  });

  it('keeps "and" within one item of an inclusion', () => {
    const c = read('Absolute neutrophil count ≥ 1.5 × 10^9/L; and platelets ≥ 100 × 10^9/L', 'inclusion');
    expect(c).toMatchObject({ all: [{ fact: 'lab' }, { fact: 'lab' }] });
  });

  it('reads each group of people an exclusion names as excluded on its own', () => {
    const melanoma = read('Patients with irresectable stage III melanoma, patients receiving neo-adjuvant treatment and patients with stage IV melanoma.', 'exclusion')!;
    // Stage III and stage IV cannot hold at once: joined with "and" they had excluded no one.
    expect('any' in melanoma).toBe(true);
    const groups = (melanoma as { any: Condition[] }).any.map((g) => leavesOf(g).map((l) => l.fact));
    expect(groups).toContainEqual(['stage']);
    expect(groups).toContainEqual(['diseaseExtent', 'stage', 'cancerType']);
    const surgery = read(
      'Failure to recover adequately, at the discretion of the investigator, from prior surgical procedures. Patients who have had major surgery within 28 days from study entry, and patients who have had minor surgery within 14 days of study entry.',
      'exclusion',
    )!;
    expect(surgery).toMatchObject({ any: expect.arrayContaining([{ fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['surgery'], withinDays: 28 } }]) });
  });
});
