/**
 * Real corpus lines: a relative's heart-rhythm history (history-family.ts); a "with …" clause before
 * a bracket of examples, and one word naming a kind of an organ-system umbrella among exclusions
 * (history-conditions.ts); an undetectable viral load under a lead-in that lets the infected in
 * (history-viral-load-items.ts); body surface area as a measurement (rules/labs.json bsa). What the
 * facts cannot hold stays an unparsed leaf the finding needs.
 */
import { attest, attestationTopics, cond, criterionRule, lab, readRule, unparsed } from '../support/criteria';

const FAMILY = attest('family_heart_rhythm_history', true);

describe("a relative's heart-rhythm history", () => {
  it('reads the example of the risk factors, the rest left unread beside it (NCT05770544 e12)', () => {
    expect(readRule('History of additional risk factors for Torsades de Pointes (e.g., family history of long QT syndrome)', 'exclusion')).toEqual({
      condition: FAMILY,
      unread: 'additional risk factors for Torsades de Pointes',
    });
    expect(criterionRule('History of additional risk factors for Torsades de Pointes (e.g., family history of long QT syndrome)', 'exclusion')).toEqual({
      any: [FAMILY, unparsed('additional risk factors for Torsades de Pointes')],
    });
  });

  it("keeps the patient's own long QT syndrome apart from the relatives' (NCT06974604 e15)", () => {
    expect(
      readRule('Congenital long QT syndrome, family history of long QT syndrome, or unexplained sudden death under 40 years of age in first-degree relatives.', 'exclusion'),
    ).toEqual({ condition: { any: [cond({ names: ['long_qt_syndrome'] }), FAMILY] }, unread: '' });
  });

  it("leaves the patient's QT interval after the relatives' syndromes to the labs reader (NCT01785420 e4)", () => {
    const r = readRule(
      'Family history of congenital long or short QT syndrome, Brugada syndrome or QT/QTc interval \\> 0.45 second or known history of QT/QTc prolongation or torsade de pointe (TdP).',
      'exclusion',
    );
    expect(r.unread).toBe('QT/QTc prolongation … TdP');
    const rule = JSON.stringify(r.condition);
    expect(rule).toContain('family_heart_rhythm_history');
    expect(rule).toContain('"name":"qtc"');
  });

  it('reads a negated family history as required absent in an inclusion', () => {
    expect(readRule('No family history of long QT syndrome', 'inclusion').condition).toEqual(attest('family_heart_rhythm_history', false));
  });

  it("leaves a relative's cancer to the disease readers", () => {
    expect(readRule('Family history of melanoma', 'exclusion').condition).toBeNull();
  });
});

describe('a "with" clause before a bracket of examples', () => {
  it('keeps the clause beside the disorder, the examples unread beside them (NCT03377387 e8)', () => {
    const text =
      "Significant chronic gastrointestinal disorder with diarrhea as a major symptom (e.g., Crohn's disease, malabsorption, or Grade ≥2 diarrhea of any etiology screening).";
    expect(readRule(text, 'exclusion')).toEqual({
      condition: { all: [cond({ names: ['gastrointestinal_disease'], active: true }), unparsed('with diarrhea as a major symptom')] },
      unread: "Crohn's disease, malabsorption … 2 diarrhea of any etiology",
    });
  });
});

describe('a kind of an organ-system umbrella among exclusions', () => {
  it('keeps "inflammatory" beside the neurological disorders (NCT07287917 e5)', () => {
    expect(
      readRule('Active inflammatory neurological disorders (e.g., Guillain-Barre Syndrome, amyotrophic lateral sclerosis, multiple sclerosis).', 'exclusion'),
    ).toEqual({ condition: { all: [cond({ names: ['neurologic_disease'] }), unparsed('inflammatory')] }, unread: 'Active' });
  });

  it('keeps "Complicated" and the effect beside the pulmonary diseases (NCT06343948 e11)', () => {
    expect(criterionRule('Complicated pulmonary diseases leading to clinically severe respiratory function impairment;', 'exclusion')).toEqual({
      all: [cond({ names: ['pulmonary_disease'] }), unparsed('Complicated'), unparsed('leading to clinically severe respiratory function impairment')],
    });
  });

  it('leaves a kind inside a list unread, where the member would be merged with others', () => {
    expect(readRule('History of connective, metabolic or atrophic skin disease', 'exclusion').condition).toBeNull();
    expect(readRule('Patients with autoimmune diseases: those with a history of inflammatory bowel disease or a history of autoimmune diseases (such as systemic lupus erythematosus, vasculitis, and invasive lung disease)', 'exclusion').unread).toBe('invasive lung');
  });

  it('still leaves a kind unread in an inclusion', () => {
    expect(readRule('No restrictive lung disease', 'inclusion').condition).toBeNull();
  });
});

describe('an undetectable viral load under a lead-in that lets the infected in', () => {
  const HIV_ACTIVE = cond({ names: ['hiv'], active: true });

  it('excludes by the detectable infection inside the group (NCT05770544 e16)', () => {
    const lead =
      'Known active infections (bacterial, fungal or viral) that would interfere with the assessment of safety or efficacy of entrectinib, including human immunodeficiency virus (HIV) infection. Patients with history of testing positive for HIV infection are eligible provided the each of the following conditions are met:';
    expect(readRule('undetectable viral load;', 'exclusion', [lead])).toEqual({
      condition: {
        all: [unparsed('Patients with history of testing positive for HIV infection are eligible provided the each of the following conditions are met:'), HIV_ACTIVE],
      },
      unread: '',
    });
  });

  it('holds for anyone outside the group in an inclusion, its duration kept inside (NCT06194448 i10)', () => {
    const lead = 'Patients with HIV are only eligible for inclusion if they meet all the following criteria:';
    expect(readRule('Undetectable viral RNA load for 6 months', 'inclusion', [lead]).condition).toEqual({
      any: [unparsed(lead, false), { all: [cond({ names: ['hiv'], active: true }, false), unparsed('for 6 months')] }],
    });
  });

  it('reads no viral load below a number, nor one without such a lead-in', () => {
    expect(readRule('Viral load confirmed as \\<50 copies/ml during Screening.', 'exclusion', ['Known HIV infection unless all of the following are applicable:']).condition).toBeNull();
    expect(readRule('undetectable viral load;', 'exclusion').condition).toBeNull();
  });
});

describe('body surface area as a measurement', () => {
  it('reads a floor in square metres (NCT05770544 i4)', () => {
    expect(readRule('Patients with a BSA of 0.43m\\^2 and over.', 'inclusion')).toEqual({
      condition: lab('bsa', 'm2', 'greaterThanInclusive', 0.43),
      unread: '',
    });
  });

  it('reads a ceiling, the formula named left unread (NCT02227251 e19)', () => {
    expect(readRule('Participants with a BSA \\<1.4 m\\^2 as calculated per Dubois 1916 or Mosteller 1987.', 'exclusion')).toEqual({
      condition: lab('bsa', 'm2', 'lessThan', 1.4),
      unread: 'Dubois 1916 or Mosteller 1987',
    });
  });

  it('reads no share of the body surface as one', () => {
    expect(readRule('Rash must covers \\<10% of body surface area.', 'exclusion').condition).toBeNull();
  });
});

describe('a condition judged by its effect on absorbing an oral drug', () => {
  const NORMAL = (value: boolean) => attest('oral_absorption_normal', value);

  it('excludes on the absence of normal absorption (NCT06326411 e2)', () => {
    expect(readRule('Conditions interfering with intestinal absorption of an orally administered drug', 'exclusion')).toEqual({
      condition: NORMAL(false),
      unread: '',
    });
  });

  it('leaves the other processes named beside absorption unread (NCT07341737 e17)', () => {
    expect(readRule('Conditions affecting drug absorption, distribution, metabolism, or excretion', 'exclusion')).toEqual({
      condition: NORMAL(false),
      unread: 'distribution, metabolism, or excretion',
    });
  });

  it('leaves the effect of a named disease in a list to the condition reader (NCT05170204 e13)', () => {
    const r = readRule('Any gastrointestinal (GI) disorder that may affect absorption of oral medications, such as malabsorption syndrome or status post-major bowel resection', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual([]);
  });

  it('reads no drug that interferes with absorption, nor a condition that affects swallowing', () => {
    expect(readRule('Any agents which could affect the absorption or pharmacokinetics of the study drugs', 'exclusion').condition).toBeNull();
    expect(
      readRule(
        'Patients with any condition that affects swallowing the drug, and any condition that affects the absorption of the research product in vivo, including any type of gastrointestinal resection or surgery;',
        'exclusion',
      ).condition,
    ).toBeNull();
  });
});
