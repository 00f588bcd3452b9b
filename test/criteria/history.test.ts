/**
 * Brain metastases, pregnancy and contraception, infections, medical history, other malignancies
 * and attestations, pinned on real criteria lines from the corpus (fixtures/criteria/history.lines.json),
 * plus the lexicons they read (rules/conditions.json, rules/attestations.json).
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { attestationTopics, goldenLines, readLine, therapy } from '../support/criteria';

function conditionOf(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition | null {
  return readCriterion(normalise(text).text, kind, context).condition;
}
/** The leaves of a condition, for lines where other categories' readers add their own. */
const leavesIn = (c: Condition | null): Condition[] => (c ? leavesOf(c) : []);
function unreadOf(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): string {
  return readCriterion(normalise(text).text, kind, context).unread;
}

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });
const bmNot = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'notIn', value: states });
const pregnant = (value: boolean): Condition => ({ fact: 'pregnant', operator: 'equal', value });
const breastfeeding = (value: boolean): Condition => ({ fact: 'breastfeeding', operator: 'equal', value });
const attest = (topic: string, value: boolean): Condition => ({
  fact: 'attestation',
  operator: 'equal',
  value,
  params: { topic },
});
/** Corticosteroid use within `days` (rules/drugs.json class of kind 'supportive'). */
const steroids = (days: number, value: boolean): Condition => ({
  fact: 'priorTherapy',
  operator: 'equal',
  value,
  params: { classes: ['corticosteroid'], withinDays: days },
});
const unread = (text: string, value = true): Condition => ({
  fact: 'unparsed',
  operator: 'equal',
  value,
  params: { text },
});
const cond = (params: Record<string, unknown>, value = true): Condition => ({
  fact: 'condition',
  operator: 'equal',
  value,
  params,
});

/** The supportive classes a past episode needed, read beside the condition. */
const neededTherapy = (classes: string[]): Condition => therapy({ classes });

describe('conditions and attestations lexicons', () => {
  const lex = lexicons();

  it('loads rules/conditions.json and rules/attestations.json through their zod schemas', () => {
    expect(lex.conditions.conditions.length).toBeGreaterThan(100);
    expect(lex.attestations.topics.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'informed_consent',
        'compliance',
        'contraception',
        'tissue_available',
        'able_to_swallow',
      ]),
    );
  });

  it('names every source and gives each attestation a question a patient can answer', () => {
    expect(lex.conditions.sources.length).toBeGreaterThan(2);
    for (const t of lex.attestations.topics) expect(t.question).toMatch(/\?$/);
  });

  it('keeps the hierarchy: hepatitis B under viral hepatitis, rheumatoid arthritis under autoimmune disease', () => {
    expect(lex.conditionById.get('hbv')?.parents).toContain('viral_hepatitis');
    expect(lex.conditionById.get('rheumatoid_arthritis')?.parents).toContain('autoimmune_disease');
    expect(lex.conditionById.get('heart_failure_nyha_3')?.parents).toContain('congestive_heart_failure');
    for (const c of lex.conditions.conditions)
      for (const p of c.parents ?? []) expect(lex.conditionById.has(p)).toBe(true);
  });

  it('finds synonyms and abbreviations as condition mentions, abbreviations only as written', () => {
    const ids = (text: string): string[] =>
      lex.index
        .scan(text)
        .filter((m) => m.type === 'condition')
        .map((m) => m.id);
    expect(ids('HBsAg positive')).toEqual(['hbv']);
    expect(ids("Crohn's disease or ulcerative colitis")).toEqual(['crohns_disease', 'ulcerative_colitis']);
    expect(ids('hepatitis B or C')).toEqual(expect.arrayContaining(['hbv', 'hcv']));
    expect(ids('carcinomatous meningitis')).toEqual(['leptomeningeal_disease']);
    expect(ids('AIDS')).toEqual(['hiv']);
    expect(ids('hearing aids')).toEqual([]);
  });

  it('carries ICD-10-CM codes where the classification names the condition', () => {
    expect(lex.conditionById.get('hiv')?.icd10).toContain('B20');
    expect(lex.conditionById.get('leptomeningeal_disease')?.icd10).toContain('C79.32');
  });
});

describe('brain metastases', () => {
  it('reads "known" metastases as any metastases and "active" ones as active', () => {
    expect(conditionOf('Known brain or meningeal metastases', 'exclusion')).toEqual(bm('active', 'treated-stable'));
    expect(conditionOf('Symptomatic central nervous system (CNS) malignancy or metastasis', 'exclusion')).toEqual(
      bm('active'),
    );
  });

  it('narrows an exclusion to active metastases when treated, stable ones are allowed, and covers the permission', () => {
    const text =
      'Has known active CNS metastases and/or carcinomatous meningitis. Participants with previously treated brain metastases may participate provided they are radiologically stable, i.e., without evidence of progression for at least 4 weeks by repeat imaging (note that the repeat imaging should be performed during study screening), clinically stable and without requirement of steroid treatment for at least 14 days prior to first dose of study treatment.';
    // Treated metastases are allowed only off steroids: treated-stable and on steroids within 14 days excludes.
    expect(conditionOf(text, 'exclusion')).toEqual({
      any: [
        bm('active'),
        { all: [bm('treated-stable'), steroids(14, true)] },
        cond({ names: ['leptomeningeal_disease'] }),
      ],
    });
    expect(unreadOf(text, 'exclusion')).toBe('');
    expect(readCriterion(normalise(text).text, 'exclusion', []).findingCategories).toContain('prior_therapy');
  });

  it('reads "unless treated and stable" as an exclusion of active metastases, and of treated ones on the steroids it names', () => {
    // "continuous" narrows which steroid use counts: the exclusion needs the use, and the rest is open.
    expect(
      conditionOf(
        'Brain metastases unless treated, asymptomatic, stable, and not requiring continuous corticosteroids',
        'exclusion',
      ),
    ).toEqual({
      any: [bm('active'), { all: [bm('treated-stable'), { all: [steroids(1, true), unread('continuous')] }] }],
    });
  });

  it('negates an inclusion "No untreated brain metastases" to "not active"', () => {
    expect(conditionOf('There is no evidence of new or enlarging brain metastases,')).toEqual(bmNot('active'));
  });

  it('reads a conditional inclusion as none or treated-stable, treated ones off the steroids it names', () => {
    // Escalating steroids are excluded, a stable dose is not: no steroids at all meets it, and any use is open.
    expect(
      conditionOf(
        'If brain metastases are present, they must be stable for a defined period (example: ≥3 months) and not requiring escalating steroids.',
      ),
    ).toEqual({
      any: [bm('none'), { all: [bm('treated-stable'), { any: [steroids(1, false), unread('escalating', false)] }] }],
    });
  });

  it('reads a steroid washout required of treated metastases as the patient’s own steroid use', () => {
    expect(
      conditionOf(
        'Participants with treated brain metastases must have discontinued steroid treatment at least 14 days prior to step 2 registration',
      ),
    ).toEqual({ any: [bm('none'), { all: [bm('treated-stable'), steroids(14, false)] }] });
    // A window in a parenthesis of its own is read; one that varies by cohort is not (no steroids now
    // is necessary whatever the cohort, and the cohorts stay unread).
    expect(
      conditionOf(
        'Patients with treated brain metastases are eligible if there is no evidence of progression for at least 4 weeks after CNS-directed treatment, as ascertained by clinical examination and brain imaging (magnetic resonance imaging [MRI] or computed tomography [CT] scan) during the screening period and off systemic steroids (for at least 2 weeks prior to first dose).',
        'exclusion',
      ),
    ).toEqual({ any: [bm('active'), { all: [bm('treated-stable'), steroids(14, true)] }] });
    const cohorts =
      'Known primary central malignancy or symptomatic central nervous system metastasis(es). Note: Patients with stable, previously treated brain metastases may participate if neurologic symptoms have resolved, patients have been off steroids (at least 7 days for Part A and Part B, and at least 4 weeks for Part C), and there is no evidence of disease progression by imaging for at least 2 weeks before the first dose of study treatment.';
    expect(leavesIn(conditionOf(cohorts, 'exclusion'))).toContainEqual(steroids(1, true));
    expect(unreadOf(cohorts, 'exclusion')).toMatch(/Part C/);
  });

  it('keeps a steroid alternative no fact holds as an unparsed leaf beside the steroid use', () => {
    // "off steroids or on a stable dose ≤ 10 mg": excluded only when on steroids and not on such a dose.
    expect(
      conditionOf(
        'Uncontrolled or unstable brain metastases (eligible only if neurologically stable for ≥4 weeks, and off steroids or on stable/decreasing steroids ≤10 mg/day prednisone equivalent; carcinomatous meningitis excluded).',
        'exclusion',
      ),
    ).toEqual({
      any: [
        bm('active'),
        {
          all: [
            bm('treated-stable'),
            { all: [steroids(1, true), unread('or on stable/decreasing steroids <=10 mg/day prednisone equivalent')] },
          ],
        },
        cond({ names: ['leptomeningeal_disease'] }),
      ],
    });
    // A later sentence adding a steroid condition to the permission, with a dose qualifier.
    expect(
      conditionOf(
        'Has known active CNS metastases and/or carcinomatous meningitis. Participants with previously treated brain metastases may participate if they are clinically stable for at least 4 weeks with no evidence of new or enlarging brain metastases. There must be no need for immunosuppressive doses of glucocorticoids for at least 2 weeks prior to study treatment administration.',
        'exclusion',
      ),
    ).toEqual({
      any: [
        bm('active'),
        { all: [bm('treated-stable'), { all: [steroids(14, true), unread('immunosuppressive doses of')] }] },
        cond({ names: ['leptomeningeal_disease'] }),
      ],
    });
  });

  it('keeps the list connective when an exception follows the list', () => {
    // The exception's words must not move the metastases past the meningitis: either one excludes.
    expect(
      conditionOf(
        'Patients with known CNS lesions (brain metastasis or carcinomatous meningitis) except for asymptomatic brain metastases.',
        'exclusion',
      ),
    ).toEqual({ any: [bm('active'), cond({ names: ['leptomeningeal_disease'] })] });
  });

  it('reads presence in a brain-metastasis trial', () => {
    // The cancer type and extent in the same line belong to the disease reader.
    expect(
      leavesIn(
        conditionOf('Histologically confirmed metastatic melanoma with radiologically verified brain metastasis'),
      ),
    ).toContainEqual(bm('active', 'treated-stable'));
  });

  it('leaves to a coordinator what the three values cannot say: untreated asymptomatic metastases allowed', () => {
    expect(conditionOf('Participants with asymptomatic brain metastases are eligible.')).toEqual({
      any: [
        { fact: 'brainMetastases', operator: 'in', value: ['none', 'treated-stable'] },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Participants with asymptomatic brain metastases are eligible' } },
      ],
    });
    expect(
      conditionOf(
        'Symptomatic brain metastases. Brain metastases may be treated or untreated, but participants must be asymptomatic and off steroids for at least 14 days prior to start of study intervention.',
        'exclusion',
      ),
      // Which symptoms exclude stays unread; the steroid window binds metastases in either state.
    ).toEqual({
      all: [
        { fact: 'brainMetastases', operator: 'in', value: ['active', 'treated-stable'] },
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['corticosteroid'], withinDays: 14 } },
      ],
    });
  });

  it('keeps a size, number or location limit as an unparsed leaf beside the metastases it limits', () => {
    const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });
    expect(conditionOf('Any untreated brain lesions \\> 1.0 cm in size', 'exclusion')).toEqual({
      all: [bm('active'), unread('> 1.0 cm in size')],
    });
    expect(conditionOf('Brain metastasis larger than 4 cm', 'exclusion')).toEqual({
      all: [bm('active', 'treated-stable'), unread('larger than 4 cm')],
    });
    expect(conditionOf('Brain metastases in the brain stem', 'exclusion')).toEqual({
      all: [bm('active', 'treated-stable'), unread('in the brain stem')],
    });
    // The number is read by the tumour reader as metastasisCount: nothing is left unread, so the
    // exclusion applies (with the count also as an unread leaf it never could).
    expect(conditionOf('\\>3 brain metastasis', 'exclusion')).toEqual({
      all: [{ fact: 'metastasisCount', operator: 'greaterThan', value: 3, params: { site: 'brain' } }, bm('active', 'treated-stable')],
    });
  });

  it('reads an inclusion limiting any metastases as met without them and left to a coordinator with them', () => {
    const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });
    expect(conditionOf('Longest diameter of largest brain metastasis must be ≤30 mm')).toEqual({
      any: [bm('none'), unread('Longest diameter of largest brain metastasis must be <=30 mm')],
    });
    expect(conditionOf('No brain metastasis is \\> 2 cm in diameter at the time of registration.')).toEqual({
      any: [bm('none'), unread('No brain metastasis is > 2 cm in diameter at the time of registration')],
    });
    const all =
      'All brain metastases must be located outside of the brainstem and ≥ 5 mm from the optic nerves or optic chiasm and ≤ 3.0 cm in maximum dimension';
    expect(conditionOf(all)).toEqual({ any: [bm('none'), unread(all.replace('≥', '>=').replace('≤', '<='))] });
    // A lower bound requires metastases: the presence reading stays.
    expect(conditionOf('At least one brain metastasis must be of ≥5 mm in diameter')).toEqual(bm('active', 'treated-stable'));
  });

  it('does not read a limit in a list, an exception or an inclusion as a limit on all metastases', () => {
    // Leptomeningeal disease keeps its own reading; the list's limits stay unread.
    expect(
      JSON.stringify(
        conditionOf(
          'Patients with leptomeningeal metastases, more than 3 untreated central nervous system (CNS) metastases, untreated brain metastases measuring \\>1cm, or requiring treatment-dose steroids (\\> 10 mg/day prednisone equivalents) for CNS-related symptoms.',
          'exclusion',
        ),
      ),
    ).toContain('leptomeningeal_disease');
    expect(conditionOf('Brain metastases larger than 3 cm, unless treated and stable for 4 weeks.', 'exclusion')).toBeNull();
    expect(
      conditionOf(
        'Patients who have more than 2 CNS metastases or who have any CNS lesion that is symptomatic, greater than 1 cm in diameter or show significant surrounding edema on MRI scan will not be eligible until they have been treated and demonstrated no clincal or radiologic CNS progression for at least 2 months.',
        'exclusion',
      ),
    ).toBeNull();
  });

  it('reads the brain among other metastatic sites and leaves the other sites unread', () => {
    expect(conditionOf('History of brain, bone, liver metastases or leptomeningeal metastases.', 'exclusion')).toEqual({
      any: [bm('active', 'treated-stable'), cond({ names: ['leptomeningeal_disease'] })],
    });
    expect(unreadOf('History of brain, bone, liver metastases or leptomeningeal metastases.', 'exclusion')).toContain(
      'bone',
    );
  });

  it('does not read a primary brain tumour or radiotherapy for brain metastases as the patient’s metastases', () => {
    const primary = leavesIn(
      conditionOf('Diagnosis of advanced/metastatic solid tumor including primary brain tumor.'),
    );
    expect(primary.filter((l) => 'fact' in l && l.fact === 'brainMetastases')).toEqual([]);
    const prior = leavesIn(conditionOf('Prior systemic treatment for brain metastases', 'exclusion'));
    expect(prior.filter((l) => 'fact' in l && l.fact === 'brainMetastases')).toEqual([]);
  });

  it('reads an item under a permission lead-in as the definition of treated-stable', () => {
    expect(
      leavesIn(
        conditionOf(
          'Treated CNS lesions must be radiographically stable for ≥ 4 weeks after intervention (surgery and/or radiation).',
          'exclusion',
          [
            'Presence of untreated or symptomatic central nervous system (CNS) metastases, leptomeningeal disease, or cord compression. NOTE: Participants with treated CNS lesions may enroll provided all of the following apply:',
          ],
        ),
      ),
    ).toContainEqual(bm('active'));
  });
});

describe('pregnancy and breastfeeding', () => {
  it('reads "pregnant or lactating" exclusions as either', () => {
    expect(conditionOf('Pregnant or lactating women.', 'exclusion')).toEqual({
      any: [pregnant(true), breastfeeding(true)],
    });
    expect(conditionOf('Pregnant and lactating women', 'exclusion')).toEqual({
      any: [pregnant(true), breastfeeding(true)],
    });
  });

  it('keeps "Pregnant women are excluded" an exclusion of pregnancy (the post-negation only restates it)', () => {
    const c = conditionOf('Pregnant women are excluded from this study because RT is a known teratogen.', 'exclusion');
    expect(c).toEqual(pregnant(true));
  });

  it('reads "Not pregnant or nursing" as neither', () => {
    expect(conditionOf('Not pregnant or nursing')).toEqual({ all: [pregnant(false), breastfeeding(false)] });
  });

  it('reads a negative pregnancy test for women of childbearing potential as not pregnant, timing covered', () => {
    const text =
      'Females of childbearing potential must have a negative serum pregnancy test within 3 days prior to day -6 of ulixertinib.';
    expect(conditionOf(text)).toEqual(pregnant(false));
    expect(
      conditionOf(
        'Serum pregnancy test at screening and urine pregnancy test on Day 1 (before randomization) must be negative.',
      ),
    ).toEqual(pregnant(false));
  });

  it('reads a negative-test note inside an exclusion as the exclusion of pregnancy, never of non-pregnancy', () => {
    expect(
      conditionOf(
        'Women who are pregnant. All women of childbearing potential must have a documented negative pregnancy test.',
        'exclusion',
      ),
    ).toEqual(pregnant(true));
    expect(
      conditionOf(
        'Patients should not be pregnant or breastfeeding due to the potential for teratogenic effects.',
        'exclusion',
      ),
    ).toEqual({
      any: [pregnant(true), breastfeeding(true)],
    });
  });

  it('reads "willing to discontinue nursing" as not breastfeeding', () => {
    expect(
      conditionOf(
        'Nursing participants must be willing to discontinue nursing from study treatment initiation through 4 months after the last dose.',
      ),
    ).toEqual(breastfeeding(false));
  });

  it('does not read lactate dehydrogenase, a partner’s pregnancy or "incapable of becoming pregnant" as pregnancy', () => {
    expect(JSON.stringify(conditionOf('Lactate dehydrogenase ≤2.0×ULN at Screening.') ?? null)).not.toMatch(
      /pregnant|breastfeeding/,
    );
    expect(
      JSON.stringify(
        conditionOf(
          'Female patients of non childbearing potential, who are physiologically incapable of becoming pregnant, are eligible',
        ) ?? null,
      ),
    ).not.toMatch(/pregnant/);
  });

  it('reads plans to conceive as not willing to avoid conception', () => {
    expect(
      conditionOf(
        'Pregnant, breastfeeding, or planning to become pregnant while enrolled in this study or within 6 months after the last dose.',
        'exclusion',
      ),
    ).toEqual({ any: [pregnant(true), breastfeeding(true), attest('contraception', false)] });
  });
});

describe('contraception', () => {
  it('reads the requirement with its duration as an attestation', () => {
    expect(
      conditionOf(
        'Women of child-bearing potential and men must agree to use adequate contraception (hormonal or barrier method of birth control; abstinence) prior to study entry and for the duration of study participation.',
      ),
    ).toEqual(attest('contraception', true));
  });

  it('reads "not using" and "not willing" in an exclusion as false', () => {
    expect(
      conditionOf('Women of childbearing potential not using an acceptable method of contraception.', 'exclusion'),
    ).toEqual(attest('contraception', false));
  });

  it('does not read a method list among exclusions, nor hormone therapy, as a contraception rule', () => {
    expect(
      conditionOf(
        'Combined (estrogen and progestogen containing) hormonal contraception associated with inhibition of ovulation',
        'exclusion',
      ),
    ).toBeNull();
  });

  it('keeps a negation about fathering children off the contraception attestation', () => {
    expect(
      conditionOf(
        'Agree to take measures not to father children by using a barrier method of contraception (condom plus spermicide) or sexual abstinence.',
      ),
    ).toEqual(attest('contraception', true));
  });
});

describe('infections', () => {
  it('reads HIV, HIV-negative and active infection', () => {
    expect(conditionOf('Known HIV infection', 'exclusion')).toEqual(cond({ names: ['hiv'] }));
    expect(conditionOf('HIV negative')).toEqual(cond({ names: ['hiv'] }, false));
    expect(conditionOf('Active infection requiring systemic therapy', 'exclusion')).toEqual(
      cond({ names: ['infection'], active: true }),
    );
  });

  it('reads a list sharing a qualifier as one condition with every name', () => {
    expect(conditionOf('Active Hepatitis B or Hepatitis C infection', 'exclusion')).toEqual(
      cond({ names: ['hbv', 'hcv'], active: true }),
    );
  });

  it('narrows HIV to active when controlled HIV is allowed, and covers the permission', () => {
    const text =
      'Infection with human immunodeficiency virus (HIV)-1 or HIV-2. Exception: Patients with well controlled HIV (e.g., CD4 \\> 350/mm3 and undetectable viral load) are eligible.';
    expect(conditionOf(text, 'exclusion')).toEqual(cond({ names: ['hiv'], active: true }));
  });

  it('reads a chronic infection allowed once controlled as the exclusion of its active form', () => {
    expect(
      conditionOf(
        'Participants who are Hepatitis B surface antigen (HBsAg) positive are eligible if they have received HBV antiviral therapy for at least 4 weeks, and have undetectable HBV viral load',
      ),
    ).toEqual(cond({ names: ['hbv'], active: true }, false));
    expect(
      conditionOf(
        'Participants with human immunodeficiency virus (HIV) must have well controlled HIV on antiretroviral therapy (ART).',
      ),
    ).toEqual(cond({ names: ['hiv'], active: true }, false));
    // The CD4 threshold is the labs reader's: the condition itself is the active infection.
    expect(
      leavesIn(
        conditionOf(
          'Patients with HIV are eligible unless their CD4+ T-cell counts are < 350 cells/mcL or they have a history of AIDS-defining opportunistic infection within the 12 months prior to registration.',
          'exclusion',
        ),
      ),
    ).toContainEqual(cond({ names: ['hiv'], active: true }));
    // A note about follow-up treatment is no status.
    expect(
      conditionOf(
        'Note: Participants should remain on anti-viral therapy throughout study intervention and follow local guidelines for HBV anti-viral therapy post completion of study intervention',
      ),
    ).toBeNull();
  });

  it('reads a note on one member of a list with that member only', () => {
    expect(
      conditionOf(
        'Seronegative for Human immunodeficiency virus (HIV) antibody, hepatitis B surface antigen, and hepatitis C (HCV) antibody (if HCV antibody positive, must be tested for HCV RNA, which must be negative to be eligible).',
      ),
    ).toEqual({ all: [cond({ names: ['hiv', 'hbv'] }, false), cond({ names: ['hcv'], active: true }, false)] });
    expect(
      conditionOf(
        'A positive test for hepatitis B (HBsAg) and/or hepatitis C (anti-HCV antibody), unless the HBV DNA level and/or HCV RNA level is below the limit of detection.',
        'exclusion',
      ),
    ).toEqual(cond({ names: ['hbv', 'hcv'], active: true }));
  });

  it('reads negative screening tests, and not a test that is only mentioned', () => {
    expect(
      conditionOf('Negative blood tests for HIV and Hepatitis B and C within 4 weeks prior to randomisation.'),
    ).toEqual(cond({ names: ['hiv', 'hbv', 'hcv'] }, false));
    expect(
      JSON.stringify(
        conditionOf('Known active or latent tuberculosis (testing at screening is not required).', 'exclusion'),
      ),
    ).toBe(JSON.stringify(cond({ names: ['tuberculosis', 'latent_tuberculosis'] })));
  });

  it('reads a window in days as a fraction of a year', () => {
    const c = conditionOf(
      'Active and uncontrolled infections requiring intravenous antibiotic or antiviral treatment within 2 weeks prior to study start.',
      'exclusion',
    );
    // The infection keeps its window; the antibiotics it required are a further necessary condition.
    expect(leavesOf(c!)).toContainEqual(cond({ names: ['infection'], active: true, withinYears: 0.038 }));
    expect('all' in c!).toBe(true);
  });

  it('does not read a COVID-19 vaccine as COVID-19, nor HIV limited to a subgroup as plain HIV', () => {
    expect(
      JSON.stringify(
        conditionOf(
          'Live or live-attenuated vaccine within 30 days prior to the first dose of trial treatment. Note: Administration of inactivated vaccines, mRNA-based vaccines [e.g., COVID-19] and vector-based vaccines are allowed.',
          'exclusion',
        ) ?? null,
      ),
    ).not.toContain('covid19');
    // The subgroup stays an unparsed leaf beside HIV, so HIV alone never excludes.
    const kaposi = conditionOf(
      'HIV-infected patients with a history of Kaposi sarcoma and/or Multicentric Castleman Disease',
      'exclusion',
    );
    expect(kaposi).toEqual({
      all: expect.arrayContaining([
        cond({ names: ['hiv'] }),
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: { text: 'infected patients with a history of Kaposi sarcoma and/or Multicentric Castleman Disease' },
        },
      ]),
    });
  });
});

/** What a replacement-therapy note ("thyroxine, insulin, physiologic corticosteroid replacement … is allowed") spares. */
const SPARED_BY_REPLACEMENT = [
  'autoimmune_thyroid_disease',
  'hypothyroidism',
  'type_1_diabetes',
  'addison_disease',
  'hypophysitis',
];

describe('medical history', () => {
  it('reads "A, B and C will be excluded" as each excluded on its own, and keeps one noun phrase together', () => {
    const c = conditionOf(
      'Adults unable to consent, individuals who are not yet adults, pregnant women and prisoners will be excluded from this study',
      'exclusion',
    );
    expect(c && 'any' in c ? c.any.filter((x) => 'fact' in x && x.fact !== 'unparsed').length : 0).toBe(3);
    // One group described by several findings stays a conjunction.
    const one = conditionOf('Patients with Stage I or IV breast cancer are not eligible.', 'exclusion');
    expect(one && 'all' in one).toBe(true);
  });

  it('never reads conditions named as exempt ("are excepted", "The following are non-exclusionary:") as exclusions', () => {
    const names = (c: Condition | null): string[] =>
      leavesIn(c).flatMap((l) =>
        (l as LeafCondition).fact === 'condition'
          ? (((l as LeafCondition).params as { names: string[] }).names ?? [])
          : [],
      );
    expect(
      names(
        conditionOf(
          'Active autoimmune disease or a documented history of autoimmune disease requiring systemic immunomodulatory treatment. Diabetes, rheumatoid arthritis, psoriasis, atopic dermatitis and hypothyroidism are excepted.',
          'exclusion',
        ),
      ),
    ).toEqual(['autoimmune_disease', 'autoimmune_disease']);
    // Both umbrellas spare the named conditions, and stay alternatives.
    const spared = conditionOf(
      'Active autoimmune disease or a documented history of autoimmune disease requiring systemic immunomodulatory treatment. Diabetes, rheumatoid arthritis, psoriasis, atopic dermatitis and hypothyroidism are excepted.',
      'exclusion',
    );
    expect(spared && 'any' in spared).toBe(true);
    for (const l of leavesIn(spared).filter((x) => (x as LeafCondition).fact === 'condition'))
      expect(((l as LeafCondition).params as { except?: string[] }).except).toEqual([
        'diabetes_mellitus',
        'rheumatoid_arthritis',
        'psoriasis',
        'atopic_dermatitis',
        'hypothyroidism',
      ]);
    expect(
      names(
        conditionOf(
          'Ongoing or recent (within 2 years) evidence of an autoimmune disease that required systemic treatment with immunosuppressive agents. The following are non-exclusionary: vitiligo, childhood asthma that has resolved, residual hypothyroidism that requires only hormone replacement, psoriasis not requiring systemic treatment',
          'exclusion',
        ),
      ),
    ).toEqual(['autoimmune_disease']);
    // Inside a parenthesis the exemption reaches back only to its opening: the surgery stays excluded.
    const surgery = conditionOf(
      'Major surgery within 2 weeks of the first dose of study drug (minimally invasive procedures such as bronchoscopy, tumor biopsy, insertion of a central venous access device, and insertion of a feeding tube are not considered major surgery and are not exclusionary).',
      'exclusion',
    );
    expect(leavesIn(surgery).some((l) => (l as LeafCondition).fact === 'priorTherapy')).toBe(true);
  });

  it('covers the treatment a condition requires, its list and its examples, as the condition’s activity', () => {
    // "requiring treatment with steroids or other immunosuppressive medications" defines how active the
    // condition is; the whole criterion is then read, prior therapy included.
    const keynote =
      'Active autoimmune disease requiring systemic treatment within the past 2 years (e.g., immunomodulators, corticosteroids, immunosuppressants). Replacement therapy (e.g., thyroxine, insulin, physiologic corticosteroid replacement for adrenal/pituitary insufficiency) is allowed.';
    expect(conditionOf(keynote, 'exclusion')).toEqual(
      cond({
        names: ['autoimmune_disease'],
        active: true,
        withinYears: 2,
        except: SPARED_BY_REPLACEMENT,
      }),
    );
    expect(unreadOf(keynote, 'exclusion')).toBe('');
    expect(
      conditionOf(
        'An active autoimmune disease requiring systemic treatment (e.g. with disease-modifying drugs, corticosteroids, or immunosuppressants) has occurred within 2 years prior to first administration.',
        'exclusion',
      ),
    ).toEqual(cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }));
  });

  it('keeps the treatment a past episode required beside the condition, which stays necessary', () => {
    // "History of … requiring steroids" is a past episode: not `active`; the steroids must be in the
    // history too, and that they were for this episode stays unread.
    expect(conditionOf('Prior pneumonitis requiring systemic corticosteroid therapy.', 'exclusion')).toEqual({
      all: [cond({ names: ['pneumonitis'] }), neededTherapy(['corticosteroid']), unread('requiring systemic corticosteroid therapy')],
    });
    expect(
      conditionOf(
        'Active interstitial lung disease (ILD) or pneumonitis or a history of ILD or pneumonitis requiring treatment with steroids or other immunosuppressive medications.',
        'exclusion',
      ),
    ).toEqual({
      any: [
        cond({ names: ['interstitial_lung_disease', 'pneumonitis'], active: true }),
        {
          all: [
            cond({ names: ['interstitial_lung_disease', 'pneumonitis'] }),
            neededTherapy(['corticosteroid', 'immunosuppressant']),
            unread('requiring treatment with steroids or other immunosuppressive medications'),
          ],
        },
      ],
    });
    // "Active or prior … requiring chronic treatment": the prior form counts too.
    expect(
      conditionOf(
        'Active or prior documented autoimmune or inflammatory disorders requiring chronic treatment with steroids or other immunosuppressive treatment.',
        'exclusion',
      ),
    ).toEqual({
      all: [
        cond({ names: ['autoimmune_disease'] }),
        neededTherapy(['corticosteroid', 'immunosuppressant']),
        unread('requiring chronic treatment with steroids or other immunosuppressive treatment'),
      ],
    });
  });

  it('joins the examples of an umbrella condition to it, the requirement and window after them qualifying the umbrella', () => {
    expect(
      conditionOf(
        "Active autoimmune disease (e.g., lupus, rheumatoid arthritis, Sjogren's syndrome) requiring systemic treatment (i.e., disease modifying agents, corticosteroids, or immunosuppressive drugs) in the past 2 years. Replacement therapy (e.g., thyroxine, insulin, or physiologic corticosteroid replacement therapy for adrenal or pituitary insufficiency, etc.) is not considered a form of systemic treatment.",
        'exclusion',
      ),
    ).toEqual(
      cond({
        names: ['autoimmune_disease'],
        active: true,
        withinYears: 2,
        except: SPARED_BY_REPLACEMENT,
      }),
    );
  });

  it('reads the KEYNOTE autoimmune exclusion with its window and the replacement-therapy exceptions', () => {
    const text =
      'Has an active autoimmune disease that has required systemic treatment in past 2 years (i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs). Replacement therapy (eg., thyroxine, insulin, or physiologic corticosteroid replacement therapy for adrenal or pituitary insufficiency, etc.) is not considered a form of systemic treatment and is allowed.';
    expect(conditionOf(text, 'exclusion')).toEqual(
      cond({
        names: ['autoimmune_disease'],
        active: true,
        withinYears: 2,
        except: SPARED_BY_REPLACEMENT,
      }),
    );
  });

  it('reads NYHA classes and a 6-month window', () => {
    expect(conditionOf('Congestive heart failure (New York Heart Association Class ≥ 3).', 'exclusion')).toEqual(
      cond({ names: ['heart_failure_nyha_3', 'heart_failure_nyha_4'] }),
    );
    expect(
      conditionOf(
        'Acute myocardial infarction or unstable angina pectoris \\< 6 months prior to screening',
        'exclusion',
      ),
    ).toEqual(cond({ names: ['myocardial_infarction', 'unstable_angina'], withinYears: 0.5 }));
  });

  it('does not read a tumour thrombus as thromboembolism', () => {
    expect(
      JSON.stringify(
        conditionOf(
          'Participants with RCC have pre-existing brain or bone metastatic lesions, or residual thrombus in the renal vein or vena cava after nephrectomy.',
          'exclusion',
        ),
      ),
    ).not.toContain('thromboembolism');
  });

  it('reads transplants, including "organ or stem cell transplant"', () => {
    expect(conditionOf('History of allogenic transplant', 'exclusion')).toEqual(
      cond({ names: ['allogeneic_stem_cell_transplant'] }),
    );
    expect(conditionOf('Prior organ or stem cell transplant.', 'exclusion')).toEqual(
      cond({ names: ['organ_transplant', 'stem_cell_transplant'] }),
    );
  });

  it('joins the NCI "uncontrolled intercurrent illness" list with any and reads the compliance clause as an attestation', () => {
    expect(
      conditionOf(
        'Uncontrolled intercurrent illness including, but not limited to, ongoing or active infection, symptomatic congestive heart failure, unstable angina pectoris, cardiac arrhythmia, or psychiatric illness/social situations that would limit compliance with study requirements',
        'exclusion',
      ),
    ).toEqual({
      any: [
        cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
        cond({ names: ['infection'], active: true }),
        cond({ names: ['congestive_heart_failure', 'unstable_angina', 'arrhythmia'], active: true }),
        attest('compliance', false),
      ],
    });
  });

  it('keeps a qualifier the facts cannot hold beside the condition rather than widening the exclusion', () => {
    expect(conditionOf('Transmural myocardial infarction within the last 6 months;', 'exclusion')).toEqual({
      all: [
        cond({ names: ['myocardial_infarction'], withinYears: 0.5 }),
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Transmural' } },
      ],
    });
    expect(
      conditionOf(
        'Patients ≥ 60 years of age and who have a history of ischemic heart disease, chest pain, or clinically significant atrial and/or ventricular arrhythmias must have a cardiac stress test.',
        'exclusion',
      ),
    ).toEqual(expect.not.objectContaining({ fact: 'condition' }));
  });
});

describe('graded and newly named comorbidities', () => {
  const unread = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text } });

  it('keeps a CTCAE grade floor as an unparsed leaf beside the condition it grades', () => {
    expect(conditionOf('Peripheral neuropathy of Grade 2 or greater.', 'exclusion')).toEqual({
      all: [cond({ names: ['peripheral_neuropathy'] }), unread('Grade 2 or greater')],
    });
    expect(conditionOf('Grade 3 or 4 diarrhea.', 'exclusion')).toEqual({
      all: [cond({ names: ['diarrhea'] }), unread('Grade 3 or 4')],
    });
    // Negated in an inclusion: passes without the condition, never on the grade alone.
    expect(conditionOf('No peripheral neuropathy > grade 1')).toEqual({
      any: [cond({ names: ['peripheral_neuropathy'] }, false), { ...unread('> grade 1'), value: false }],
    });
  });

  it('leaves a grade ceiling and a non-CTCAE grade unread', () => {
    expect(
      conditionOf(
        'Subjects with ≤ Grade 2 neuropathy are an exception to this criterion and may qualify for the study.',
        'exclusion',
      ),
    ).toBeNull();
    expect(
      JSON.stringify(conditionOf('Ischemic peripheral vascular disease (Grade IIb-IV).', 'exclusion')),
    ).not.toContain('Grade II');
  });

  it('reads "history or current" as either, not only the active form', () => {
    expect(conditionOf('History of or current interstitial lung disease or pneumonitis', 'exclusion')).toEqual(
      cond({ names: ['interstitial_lung_disease', 'pneumonitis'] }),
    );
    expect(
      conditionOf(
        'History or current evidence of retinal vein occlusion (RVO) or history of retinal degenerative disease',
        'exclusion',
      ),
    ).toEqual({
      any: [cond({ names: ['retinal_vein_occlusion'] }), cond({ names: ['retinal_disorder'] })],
    });
  });

  it('does not read what a risk factor leads to as the patient’s condition', () => {
    // The drugs are the exclusion (CredibleMeds' known-risk list), not torsades de pointes itself.
    const c = conditionOf('Subjects taking any drugs with a known risk of causing torsades de pointes.', 'exclusion');
    expect(leavesOf(c!).filter((l) => l.fact === 'condition')).toEqual([]);
    expect(leavesOf(c!)).toContainEqual(
      expect.objectContaining({
        fact: 'priorTherapy',
        params: expect.objectContaining({ classes: ['qt_prolonging_drug'] }),
      }),
    );
  });

  it('shares a leading qualifier across a comma list with an unnamed member', () => {
    expect(conditionOf('Serious, non-healing wound, ulcer, or bone fracture.', 'exclusion')).toEqual({
      any: [cond({ names: ['non_healing_wound'], active: true }), cond({ names: ['fracture'], active: true })],
    });
    expect(unreadOf('Serious, non-healing wound, ulcer, or bone fracture.', 'exclusion')).toBe('ulcer');
  });

  it('names eye, skin and hearing conditions with their ICD-10-CM categories and a parent', () => {
    const byId = lexicons().conditionById;
    expect(byId.get('retinal_vein_occlusion')?.parents).toEqual(['retinal_disorder']);
    expect(byId.get('retinal_disorder')?.parents).toEqual(['eye_disorder']);
    expect(byId.get('keloid')?.icd10).toEqual(['L91.0']);
    expect(conditionOf('History of keloid scarring', 'exclusion')).toEqual(cond({ names: ['keloid'] }));
  });
});

describe('other malignancies', () => {
  it('does not read "cancer" naming a treatment ("any cancer investigational drug") as another cancer', () => {
    const c = conditionOf(
      'Cancer therapy/ any cancer investigational drug within 3 weeks (21 days) or 5 half-lives (whichever is shorter).',
      'exclusion',
    );
    expect(leavesIn(c).filter((l) => (l as LeafCondition).fact === 'otherMalignancy')).toEqual([]);
  });

  it('keeps a treatment exception of an active other cancer as an unparsed leaf beside it', () => {
    // A concurrent cancer on hormonal therapy alone is not excluded, which `active` cannot say.
    expect(
      conditionOf('Concurrent malignancy requiring systemic therapy other than hormonal therapy.', 'exclusion'),
    ).toEqual({
      all: [
        { fact: 'otherMalignancy', operator: 'equal', value: true, params: { active: true } },
        unread('other than hormonal therapy'),
      ],
    });
    expect(
      conditionOf('Has a concurrent malignancy requiring active systemic therapy or ongoing radiation.', 'exclusion'),
    ).toEqual({
      fact: 'otherMalignancy',
      operator: 'equal',
      value: true,
      params: { active: true },
    });
  });

  it('reads "progressing or requires active treatment" without a window as an active other cancer', () => {
    expect(
      conditionOf('Known additional malignancy that is progressing or requires active treatment', 'exclusion'),
    ).toEqual({
      fact: 'otherMalignancy',
      operator: 'equal',
      value: true,
      params: { active: true },
    });
  });

  it('reads the window and maps the exemptions to OncoTree codes', () => {
    const c = conditionOf('Another malignancy or concurrent malignancy unless disease-free for 3 years', 'exclusion');
    expect(c).toEqual({ fact: 'otherMalignancy', operator: 'equal', value: true, params: { withinYears: 3 } });
    const skin = conditionOf(
      'Patients with a prior invasive malignancy (except non-melanoma skin cancer) who have had any evidence of disease within the last 5 years',
      'exclusion',
    );
    expect(skin).toMatchObject({
      fact: 'otherMalignancy',
      params: { withinYears: 5, excluding: expect.arrayContaining(['BCC', 'CSCC']) },
    });
  });

  it('keeps an exemption it cannot map as an unparsed leaf the malignancy must meet too', () => {
    // "locally curable cancers that have been apparently cured" is no cancer type: a patient with
    // another cancer is unknown, one without is not excluded.
    expect(
      conditionOf(
        'Prior malignancy active within the previous 3 years except for locally curable cancers that have been apparently cured, such as basal or squamous cell skin cancer, superficial bladder cancer, or carcinoma in situ of the prostate, cervix, or breast',
        'exclusion',
      ),
    ).toEqual({
      all: [
        {
          fact: 'otherMalignancy',
          operator: 'equal',
          value: true,
          params: { withinYears: 3, excluding: expect.arrayContaining(['BCC', 'CSCC', 'CEAIS', 'DCIS']) },
        },
        unread(
          'except for locally curable cancers that have been apparently cured, such as basal or squamous cell skin cancer, superficial bladder cancer, or carcinoma in situ of the prostate, cervix, or breast',
        ),
      ],
    });
  });

  it('reads "previous or concurrent" as any other cancer, and not a judgement ("potential to interfere")', () => {
    expect(conditionOf('Previous or concomitant other cancer', 'exclusion')).toMatchObject({
      fact: 'otherMalignancy',
      operator: 'equal',
      value: true,
    });
    expect(
      conditionOf(
        'Prior or concurrent malignancy, unless the natural history or treatment of the disease does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen',
        'exclusion',
      ),
    ).toEqual({
      all: [
        { fact: 'otherMalignancy', operator: 'equal', value: true, params: {} },
        unread(
          'unless the natural history or treatment of the disease does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen',
        ),
      ],
    });
    expect(
      conditionOf(
        'Past or current history of other malignancies not curatively treated and without evidence of disease for more than 5 years, except for curatively treated basal cell carcinoma of the skin',
        'exclusion',
      ),
    ).toMatchObject({ fact: 'otherMalignancy', params: { withinYears: 5 } });
  });

  it('leaves an item of an exemption list unread (it exempts, it does not exclude)', () => {
    expect(
      conditionOf('Any other cancer from which the patient has been disease-free for ≥ 2 years.', 'exclusion', [
        'Active known second malignancy with the exception of any of the following:',
      ]),
    ).toBeNull();
  });
});

describe('attestations', () => {
  it('reads consent, compliance and swallowing requirements', () => {
    expect(
      conditionOf('Ability to understand and the willingness to sign a written informed consent document.'),
    ).toEqual(attest('informed_consent', true));
    expect(
      conditionOf('Willing and able to comply with scheduled visits, treatment plan and laboratory tests.'),
    ).toEqual(attest('compliance', true));
    expect(conditionOf('Ability to swallow and retain oral medications')).toEqual(attest('able_to_swallow', true));
  });

  it('reads inability in an exclusion as false', () => {
    expect(conditionOf('Inability to provide informed consent', 'exclusion')).toEqual(
      attest('informed_consent', false),
    );
  });

  it('does not read consent used as a date', () => {
    expect(
      JSON.stringify(conditionOf('≥ 18 years of age on the day of signing the informed consent.') ?? null),
    ).not.toContain('attestation');
  });
});

describe('attestations the patient or the study team answer', () => {
  it('reads "unable to" once: the negation trigger and the inability are the same word', () => {
    expect(conditionOf('Unable to swallow and retain oral medications.', 'exclusion')).toEqual(
      attest('able_to_swallow', false),
    );
    expect(conditionOf('Patients who are unwilling or unable to follow protocol requirements', 'exclusion')).toEqual(
      attest('compliance', false),
    );
    expect(
      conditionOf('Subjects unwilling to follow the study requirements are not eligible for the study.', 'exclusion'),
    ).toEqual(attest('compliance', false));
  });

  it('reads an allergy to the study drugs, and a severe one as its own question', () => {
    expect(conditionOf('Known hypersensitivity to pembrolizumab or any of its excipients', 'exclusion')).toEqual(
      attest('study_drug_allergy', true),
    );
    expect(
      conditionOf('Has severe hypersensitivity (≥Grade 3) to pembrolizumab and/or any of its excipients.', 'exclusion'),
    ).toEqual(attest('study_drug_severe_allergy', true));
    expect(conditionOf('No known hypersensitivity to the study drugs')).toEqual(attest('study_drug_allergy', false));
  });

  it('reads an allergy to the study drugs named by their ingredients or as the test article', () => {
    expect(
      conditionOf('Known hypersensitivity to one of the active drugs or one or more of the excipients.', 'exclusion'),
    ).toEqual(attest('study_drug_allergy', true));
    expect(conditionOf('Known allergy or hypersensitivity to test article ingredients.', 'exclusion')).toEqual(
      attest('study_drug_allergy', true),
    );
    // A product the lexicon does not know, named with its excipients: read, the name left to the coordinator.
    const riluzole = 'History of suspected hypersensitivity to riluzole or to any of its excipients.';
    expect(conditionOf(riluzole, 'exclusion')).toEqual(attest('study_drug_allergy', true));
    expect(unreadOf(riluzole, 'exclusion')).toBe('riluzole … excipients');
    expect(conditionOf('Allergy to penicillin.', 'exclusion')).toEqual(attest('named_allergy', true));
    // "sensitivity" is an allergy word, and a contraindication is "for" a treatment as well as "to" it.
    expect(
      conditionOf(
        'Previously known hypersensitivity to any of the agents used in this study; known sensitivity to cyclophosphamide or fludarabine',
        'exclusion',
      ),
    ).toEqual(attest('study_drug_allergy', true));
    expect(
      conditionOf("Any contraindication for treatment with nivolumab according to the product's labels.", 'exclusion'),
    ).toEqual(attest('study_drug_allergy', true));
    expect(conditionOf('Known hypersensitivity to any of the rescue medications', 'exclusion')).toBeNull();
  });

  it('does not read allergies to contrast media, or to a substance that is not a drug, as study-drug allergies', () => {
    // A contrast allergy is its own question (can the patient have the study's contrast scans?).
    expect(conditionOf('Allergic to contrast agent;', 'exclusion')).toEqual(attest('contrast_possible', false));
    expect(conditionOf('History of adhesive allergy', 'exclusion')).toEqual(attest('named_allergy', true));
  });

  it('reads a live vaccine with its window and covers a note that allows inactivated vaccines', () => {
    const line =
      'Has received a live vaccine within 30 days prior to the first dose of study treatment. Note: Killed vaccines are allowed.';
    expect(conditionOf(line, 'exclusion')).toEqual(attest('live_vaccine', true));
    expect(unreadOf(line, 'exclusion')).toBe('');
  });

  it('reads another trial, but not willingness to join this one', () => {
    // The therapy readers may add their own reading of an investigational agent; ours is the trial.
    expect(
      leavesIn(conditionOf('Concurrent participation in another interventional clinical trial', 'exclusion')),
    ).toContainEqual(attest('other_trial', true));
    expect(conditionOf('Refusal to participate in a clinical study of the sponsor', 'exclusion')).toEqual(null);
  });

  it('reads recovery from earlier toxicity to grade 1, and leaves another threshold to the coordinator', () => {
    expect(
      conditionOf('Has not recovered to ≤ Grade 1 from adverse events due to prior anti-cancer therapy', 'exclusion'),
    ).toEqual(attest('toxicity_recovered', false));
    // Grade 2 is its own question, which carries the threshold; the grade-1 question is never asked for it.
    expect(conditionOf('Toxicities of prior therapy must have resolved to Grade ≤ 2')).toEqual(
      attest('toxicity_recovered_grade2', true),
    );
  });

  it('reads the investigator’s catch-all only when it is about any condition', () => {
    expect(
      conditionOf(
        'Any condition that, in the opinion of the investigator, would interfere with study participation or safety',
        'exclusion',
      ),
    ).toEqual(attest('investigator_concern', true));
    // Read as the disease's status (tumour.ts), never as the investigator's catch-all.
    expect(
      JSON.stringify(conditionOf('Rapidly progressing disease (in the opinion of the study PIs)', 'exclusion')),
    ).not.toContain('investigator_concern');
    // Without the investigator named, the same catch-all when what it harms is the study.
    expect(conditionOf('Any condition that may affect the interpretation of study results', 'exclusion')).toEqual(
      attest('investigator_concern', true),
    );
    // A named disorder with an effect to judge: the disorder is necessary, the effect left to a coordinator.
    expect(
      conditionOf(
        'Any other gastrointestinal disorder that would interfere with absorption of oral medication',
        'exclusion',
      ),
    ).toEqual({
      all: [
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['gastrointestinal_disease'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'that would interfere with absorption of oral medication' } },
      ],
    });
  });

  it('reads "other protocol-defined criteria apply" as meeting them, in either list', () => {
    expect(conditionOf('Other protocol-defined inclusion/exclusion criteria apply')).toEqual(
      attest('protocol_criteria_met', true),
    );
    expect(conditionOf('Other protocol-defined exclusion criteria may apply', 'exclusion')).toEqual(
      attest('protocol_criteria_met', false),
    );
    // Without the slash, or pointing at the protocol where the rest are written.
    expect(conditionOf('Other protocol defined inclusion exclusion criteria may apply')).toEqual(attest('protocol_criteria_met', true));
    expect(conditionOf('Other inclusion/exclusion criteria are specified in the protocol.')).toEqual(attest('protocol_criteria_met', true));
  });

  it('reads "adequate organ function" only when the criterion gives no lab limits', () => {
    expect(conditionOf('Adequate organ and bone marrow function')).toEqual(attest('adequate_organ_function', true));
    expect(conditionOf('Inadequate bone marrow and organ function;', 'exclusion')).toEqual(
      attest('adequate_organ_function', false),
    );
    expect(JSON.stringify(conditionOf('Adequate organ function: ANC ≥ 1.5 x 10^9/L'))).not.toContain(
      'adequate_organ_function',
    );
  });

  it('reads legal protection and health insurance', () => {
    expect(conditionOf('Patients under guardianship or deprived of liberty', 'exclusion')).toEqual(
      attest('legal_protection', true),
    );
    expect(conditionOf('Affiliated to a social security scheme')).toEqual(attest('health_insurance', true));
    expect(conditionOf('not affiliated with a social security system', 'exclusion')).toEqual(
      attest('health_insurance', false),
    );
  });

  it('reads being unable to have an MRI, not an MRI the protocol requires', () => {
    expect(conditionOf('Contraindication to magnetic resonance imaging (MRI)', 'exclusion')).toEqual(
      attest('mri_possible', false),
    );
    expect(
      conditionOf(
        'Patients must have a baseline skull base MRI unless contraindicated by medical or financial toxicity.',
      ),
    ).toBeNull();
  });

  it('reads consent named as the requirement, but not consent used as a date', () => {
    expect(conditionOf('Provision of informed consent')).toEqual(attest('informed_consent', true));
    expect(conditionOf('Lack of informed consent', 'exclusion')).toEqual(attest('informed_consent', false));
    expect(conditionOf('Withdrawal of informed consent,', 'exclusion')).toEqual(attest('informed_consent', false));
    expect(conditionOf('Patient did not consent for the trial', 'exclusion')).toEqual(
      attest('informed_consent', false),
    );
    expect(conditionOf('Inability to consent to the study', 'exclusion')).toEqual(attest('informed_consent', false));
    // Understanding what taking part means is what consent asks.
    expect(conditionOf('Ability to comprehend procedures and risks versus benefits')).toEqual(
      attest('informed_consent', true),
    );
    expect(conditionOf('Unable to understand written or oral patient information.', 'exclusion')).toEqual(
      attest('informed_consent', false),
    );
    expect(
      JSON.stringify(conditionOf('Age ≥ 18 years at the time of signature of the informed consent')),
    ).not.toContain('informed_consent');
  });

  it('reads a refusal or inability to take part, and to be followed up, as compliance', () => {
    expect(conditionOf('refusal to participate in the study', 'exclusion')).toEqual(attest('compliance', false));
    expect(conditionOf('inability or unwillingness to participate in the study', 'exclusion')).toEqual(
      attest('compliance', false),
    );
    expect(conditionOf('Willing to return to enrolling institution for follow-up')).toEqual(attest('compliance', true));
    expect(conditionOf('Unable or unwilling for regular follow up', 'exclusion')).toEqual(attest('compliance', false));
    expect(conditionOf('Poor reliability for follow-up and treatment completion.', 'exclusion')).toEqual(
      attest('compliance', false),
    );
    expect(conditionOf('Unable or unwilling to undergo study procedures.', 'exclusion')).toEqual(
      attest('compliance', false),
    );
    expect(conditionOf('Inability to commit to required study visits', 'exclusion')).toEqual(
      attest('compliance', false),
    );
    expect(conditionOf('Not willing to consent for the study or to follow up routinely', 'exclusion')).toEqual({
      any: [attest('informed_consent', false), attest('compliance', false)],
    });
    // Follow-up as a length of observation is not the patient's attendance.
    expect(conditionOf('A minimum of five years of median follow-up')).toBeNull();
    expect(conditionOf('Less than 3 months of follow-up after the start of immunotherapy;', 'exclusion')).toBeNull();
  });

  it('tells a lesion that can be biopsied from agreeing to a biopsy', () => {
    expect(conditionOf('Disease amenable to biopsy')).toEqual(attest('biopsy_accessible', true));
    expect(conditionOf('Willingness to undergo pre- and post-treatment biopsies')).toEqual(
      attest('biopsy_consent', true),
    );
    expect(conditionOf('Has an accessible tumor for biopsy pre- and on-treatment (mandatory).')).toEqual(
      attest('biopsy_accessible', true),
    );
    // Either procedure will do; a sentinel node biopsy is staging surgery.
    expect(JSON.stringify(conditionOf('At least 1 tumour lesion amenable to fresh biopsy or resection'))).not.toContain(
      'biopsy_accessible',
    );
    // Not a lesion to biopsy: the fitness for the staging operation (therapy-local-candidacy.ts).
    expect(attestationTopics(conditionOf('Amendable to sentinel lymph node biopsy.'))).toEqual(['treatment_candidate=true']);
    // "biopsy" after "based on" is how the diagnosis was made.
    expect(
      JSON.stringify(
        conditionOf(
          'Histologically or cytologically confirmed SCLC based on biopsy of the tumor at initial presentation.',
        ),
      ),
    ).not.toContain('attestation');
    // The relative clause qualifies the disease: alone it would exclude more than the criterion does.
    expect(
      JSON.stringify(
        conditionOf(
          'Subjects with in-transit disease that is not amenable to biopsy per the treating physician are excluded.',
          'exclusion',
        ),
      ),
    ).not.toContain('biopsy_accessible');
  });

  it('does not read a permission or a requirement for some patients only', () => {
    expect(
      conditionOf(
        'However, if repeat biopsy is not feasible, and no archival tissue available patient still may be enrolled.',
      ),
    ).toBeNull();
    expect(
      JSON.stringify(
        conditionOf(
          'Accessible tumour that can be safely biopsied using radiological or surgical techniques (if consenting to part A).',
        ),
      ),
    ).not.toContain('attestation');
  });

  it('reads samples the patient agrees to give, not a sample a test was run on', () => {
    expect(conditionOf('Willing to allow blood samples to be used for research.')).toEqual(
      attest('research_samples', true),
    );
    expect(conditionOf('Must agree to provide protocol specified samples for biomarker analyses.')).toEqual(
      attest('research_samples', true),
    );
    expect(
      JSON.stringify(
        conditionOf(
          'Patients must have detectable ctDNA at baseline. A blood sample will be collected during the screening phase in order to determine if patients are eligible based on presence of ctDNA.',
        ),
      ),
    ).not.toContain('research_samples');
  });

  it('reads swallowing pills and the languages criteria name', () => {
    expect(conditionOf('Must be able to take pills')).toEqual(attest('able_to_swallow', true));
    expect(conditionOf('Unable to ingest capsules.', 'exclusion')).toEqual(attest('able_to_swallow', false));
    expect(conditionOf('Able to speak Dutch, Danish, Spanish, Catalan')).toEqual(attest('language', true));
    expect(conditionOf('Patients who do not have (sufficient) command of the Dutch language.', 'exclusion')).toEqual(
      attest('language', false),
    );
    expect(conditionOf('patient unable to read and/or write', 'exclusion')).toEqual(attest('language', false));
  });

  it('reads leukapheresis, keeping still, and a smartphone or telephone', () => {
    expect(conditionOf('Able to undergo apheresis')).toEqual(attest('leukapheresis', true));
    expect(conditionOf('Any condition contraindicating leukapheresis', 'exclusion')).toEqual(
      attest('leukapheresis', false),
    );
    // A treatment window counted from the apheresis is not this question.
    expect(
      JSON.stringify(
        conditionOf(
          'Able to be off corticosteroids and any other immune suppressive medications for at least 14 days prior to apheresis or lymphodepletion',
        ),
      ),
    ).not.toContain('leukapheresis');
    expect(conditionOf('Must be able to sit still for 90 minutes')).toEqual(attest('lie_still', true));
    expect(conditionOf('Inability to lie flat for 20-25 minutes during an imaging session.', 'exclusion')).toEqual(
      attest('lie_still', false),
    );
    expect(conditionOf('Have access to a computer, smart phone, or tablet with internet access')).toEqual(
      attest('device_access', true),
    );
    expect(conditionOf('Telephone access')).toEqual(attest('telephone_access', true));
    // A telephone will do instead: not the device question.
    expect(conditionOf('E-mail access and computer with Internet access or telephone')).toBeNull();
    expect(conditionOf('IOS system smartphone', 'exclusion')).toBeNull();
  });

  it('reads a tie to the sponsor, investigator or site, and detention by judicial order', () => {
    expect(
      conditionOf('Participants with dependency on the Sponsor, Investigator or study site.', 'exclusion'),
    ).toEqual(attest('study_staff', true));
    expect(
      conditionOf(
        'The patient is a colleague or employed by the study investigator or by an involved institution including the sponsor of the study.',
        'exclusion',
      ),
    ).toEqual(attest('study_staff', true));
    expect(conditionOf('Are a family member of the investigator or staff of the study site.', 'exclusion')).toEqual(
      attest('study_staff', true),
    );
    expect(
      conditionOf('Aim 3: Healthcare professional currently employed at a participating NCORP institution'),
    ).toBeNull();
    expect(
      conditionOf('Participants who have been committed to an institution by official or judicial order.', 'exclusion'),
    ).toEqual(attest('legal_protection', true));
  });

  it('gives every new topic a question in rules/attestations.json', () => {
    const ids = lexicons().attestations.topics.map((t) => t.id);
    for (const topic of [
      'study_drug_allergy',
      'study_drug_severe_allergy',
      'live_vaccine',
      'other_trial',
      'toxicity_recovered',
      'investigator_concern',
      'protocol_criteria_met',
      'adequate_organ_function',
      'legal_protection',
      'health_insurance',
      'mri_possible',
      'biopsy_accessible',
      'leukapheresis',
      'lie_still',
      'device_access',
      'telephone_access',
      'study_staff',
    ])
      expect(ids).toContain(topic);
  });
});

describe('golden lines', () => {
  const lines = goldenLines('history.lines.json');

  it('has at least 80 real lines, exclusions and inclusions', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
    expect(lines.some((l) => l.kind === 'exclusion')).toBe(true);
    expect(lines.some((l) => l.kind === 'inclusion')).toBe(true);
  });

  it.each(lines.map((l) => [`${l.nctId}: ${l.text.slice(0, 60)}`, l] as const))('reads %s', (name, line) => {
    expect(readLine(line.text, line.kind, line.context)).toMatchSnapshot(name);
  });
});

describe('study-drug allergy named by a development code or an INN stem', () => {
  it('reads a drug the lexicon does not hold as the study drug when it has a code name or an antineoplastic stem', () => {
    expect(conditionOf('Has known or suspected hypersensitivity to BI-1808 or pembrolizumab', 'exclusion')).toEqual(
      attest('study_drug_allergy', true),
    );
    expect(conditionOf('Hypersensitivity to Fluzoparib or Camrelizumab or Temozolomide;', 'exclusion')).toEqual(
      attest('study_drug_allergy', true),
    );
    expect(
      unreadOf(
        'Known hypersensitivity to any of the components of the drug products and/or excipients of GI-102.',
        'exclusion',
      ),
    ).toBe('');
  });

  it('reads an allergy to an ordinary medicine as the named-allergy question, not the study drug', () => {
    expect(conditionOf('Known hypersensitivity to propranolol.', 'exclusion')).toEqual(attest('named_allergy', true));
    expect(conditionOf('Allergy to penicillin.', 'exclusion')).toEqual(attest('named_allergy', true));
  });
});
