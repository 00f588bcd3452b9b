/**
 * Audit of prior-therapy readings (session 17): wordings that were read wrong, each pinned with a
 * verbatim line of the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 * - a number that ends a name ("IL 2", "Grade ≥2") counts no lines of therapy;
 * - exceptions the text refers to without naming them ("with certain exceptions") narrow the treatment;
 * - a window counted from another event ("within 6 months prior to curative treatment") is no window
 *   from the as-of date;
 * - a requirement for one subgroup ("Part 1: …", "(For participants with PDAC only)") binds only it;
 * - "in off-label capacity or through a clinical trial", "For participants with prior X, …" narrow X;
 * - "systemic treatment with radionuclides" is not any systemic treatment.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { readRule, therapy, therapyLeaves } from '../support/criteria';

type Tri = boolean | null;

/** Three-valued value of a rule when every leaf of `fact` is true and every other leaf unknown. */
function valueWhen(c: Condition | null, fact: string): Tri {
  if (!c) return null;
  if ('all' in c) {
    const v = c.all.map((x) => valueWhen(x, fact));
    return v.includes(false) ? false : v.every((x) => x === true) ? true : null;
  }
  if ('any' in c) {
    const v = c.any.map((x) => valueWhen(x, fact));
    return v.includes(true) ? true : v.every((x) => x === false) ? false : null;
  }
  const leaf = c as LeafCondition;
  if (leaf.fact !== fact) return null;
  return leaf.value === true;
}

const linesLeaves = (c: Condition | null): string[] => JSON.stringify(c ?? {}).match(/"priorLines"/g) ?? [];

describe('a number that ends a name counts no lines', () => {
  it('"IL 2 or other … immunotherapy regimens" is no count of regimens', () => {
    const r = readRule(
      'Concomitant therapy with any of the following: IL 2 or other non-study immunotherapy regimens; cytotoxic chemotherapy except melphalan (ILP); other investigational therapies within 30 days before trial treatment and 3 months after trial treatment.',
      'exclusion',
    );
    expect(linesLeaves(r.condition)).toEqual([]);
  });

  it('"Grade ≥2 …  from previous therapies" and "Grade 3 AEs related to prior therapies" are grades', () => {
    for (const [text, kind] of [
      ['Participants with ≥ grade 2 pneumonitis from prior chemoradiation therapy.', 'exclusion'],
      ['Unresolved ≥ Grade 2 toxicities from prior therapies (except hair loss or stable chronic conditions).', 'exclusion'],
      [
        'Ongoing irAEs and/or AEs Grade ≥2 not resolved from previous therapies except vitiligo, resolved atopy, limited psoriasis, stable neuropathy Grade 2, hair loss, and stable endocrinopathies with substitutive hormone therapy.',
        'exclusion',
      ],
      [
        'All Grade 3 AEs related to prior therapies have returned to Grade 1 or resolved to baseline (this includes with appropriate therapy in the case of thyroid dysfunction).',
        'inclusion',
      ],
    ] as const)
      expect([text, linesLeaves(readRule(text, kind).condition)]).toEqual([text, []]);
  });

  it('still counts "at least 2 prior lines"', () => {
    expect(linesLeaves(readRule('Received at least 2 prior lines of systemic therapy', 'inclusion').condition)).toHaveLength(1);
  });
});

describe('exceptions named elsewhere narrow the treatment', () => {
  it('"…, with some exceptions": prior anti-PD-1 alone excludes no one', () => {
    const r = readRule(
      'Received prior therapy with an anti-PD-1, anti-PD-L1, or anti-PD-L2 agent, or with an agent directed to another stimulatory or coinhibitory T-cell receptor (eg, CTLA-4, lymphocyte activation gene 3 \\[LAG-3\\], tumor necrosis factor receptors \\[OX-40 or CD137\\]), with some exceptions.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition).length).toBeGreaterThan(0);
    expect(valueWhen(r.condition, 'priorTherapy')).toBeNull();
  });

  it('"… within 4 weeks … with certain exceptions": no treatment alone excludes', () => {
    const r = readRule(
      'Receipt of any investigational product or any approved anticancer drug(s) or biological product(s) within 4 weeks prior to the first dose of study drug with certain exceptions.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toContainEqual(therapy({ kinds: ['investigational'], withinDays: 28 }));
    expect(valueWhen(r.condition, 'priorTherapy')).toBeNull();
  });
});

describe('a window counted from another event', () => {
  it('"within 6 months prior to curative treatment" is not 180 days before now', () => {
    const r = readRule('Patients who received adjuvant immunotherapy within 6 months prior to curative treatment', 'exclusion');
    const leaves = therapyLeaves(r.condition) as LeafCondition[];
    expect(leaves.every((l) => (l.params as Record<string, unknown> | undefined)?.withinDays === undefined)).toBe(true);
    expect(valueWhen(r.condition, 'priorTherapy')).toBeNull();
  });

  it('"within 5 years prior to diagnosis of the current malignancy" is no window from now', () => {
    const r = readRule('Patients who previously received endocrine therapy within 5 years prior to diagnosis of the current malignancy.', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('"withinDays":1825');
    expect(valueWhen(r.condition, 'priorTherapy')).toBeNull();
  });

  it('keeps a window before the first dose', () => {
    expect(therapyLeaves(readRule('Chemotherapy within 4 weeks prior to the first dose', 'exclusion').condition)).toEqual([
      therapy({ kinds: ['chemotherapy'], withinDays: 28 }),
    ]);
  });
});

describe('a requirement for one subgroup binds only it', () => {
  it('"Prior therapy: i. Part 1: Patients must be treatment naïve in the metastatic setting" is no requirement of all', () => {
    const r = readRule(
      'No prior systemic treatment with tebentafusp-tebn 5. Prior therapy: i. Part 1: Patients must be treatment naïve in the metastatic setting.',
      'inclusion',
    );
    // A patient treated in the metastatic setting is left open (unknown), not failed.
    const c = r.condition as Condition;
    expect('all' in c).toBe(true);
    const naive = (c as { all: Condition[] }).all.find((x) => JSON.stringify(x).includes('"setting":"metastatic"'));
    expect(naive && 'any' in naive).toBe(true);
  });

  it('"(For participants with PDAC only) Have received one or two lines …" requires no count of everyone', () => {
    const r = readRule(
      '(For participants with PDAC only) Have received one or two lines of systemic therapy for metastatic tumors, and have experienced progression or intolerance to the treatment during or following therapy.',
      'inclusion',
    );
    expect(linesLeaves(r.condition)).toEqual([]);
  });
});

describe('words that narrow the treatment', () => {
  it('"checkpoint inhibitor in off-label capacity or through a clinical/interventional trial" does not exclude on-label use', () => {
    const r = readRule('Treatment with checkpoint inhibitor in off-label capacity or through a clinical/interventional trial', 'exclusion');
    expect(valueWhen(r.condition, 'priorTherapy')).not.toBe(true);
  });

  it('"For participants with prior treatment of a bortezomib containing regimen, …" does not exclude every bortezomib patient', () => {
    const r = readRule(
      'For participants with prior treatment of a bortezomib containing regimen, the best response achieved was not a minimal response (MR) or better, or participant discontinued bortezomib due to toxicity.',
      'exclusion',
    );
    expect(valueWhen(r.condition, 'priorTherapy')).not.toBe(true);
  });

  it('"systemic treatment with radionuclides" is not any systemic treatment', () => {
    const r = readRule(
      'Radiation therapy within 14 days (42 days for radiation to the lungs) and/ or systemic treatment with radionuclides within 42 days before C1D1 of study drug(s). Participants with clinically relevant ongoing pulmonary complications from prior radiation therapy are not eligible.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).not.toContainEqual(therapy({ kinds: ['systemic'], withinDays: 42 }));
  });

  it('keeps "Prior systemic therapy with nitrosoureas" as the class named', () => {
    expect(therapyLeaves(readRule('Prior systemic therapy with nitrosoureas within 6 weeks', 'exclusion').condition)).toEqual([
      therapy({ classes: ['nitrosourea'], withinDays: 42 }),
    ]);
  });
});

describe('the cancer a treatment was for narrows it', () => {
  it('"PI3K inhibitors (e.g., alpelisib, buparlisib) for breast cancer", "treatment of the melanoma disease"', () => {
    for (const text of [
      'Prior exposure to PI3K inhibitors (e.g., alpelisib, buparlisib) for breast cancer.',
      'Any previous chemotherapeutic treatment of the melanoma disease;',
    ]) {
      const r = readRule(text, 'exclusion');
      expect([text, therapyLeaves(r.condition).length > 0]).toEqual([text, true]);
      expect([text, valueWhen(r.condition, 'priorTherapy')]).toEqual([text, null]);
    }
  });
});

describe('a washout note in a later sentence of an exclusion', () => {
  it('does not exclude everyone without antibiotics', () => {
    const r = readRule(
      'Participants with active infection. Participants may be eligible following recovery. Participants requiring antibiotics require 2-week washout period prior to enrollment.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition).filter((l) => (l as LeafCondition).value === false)).toEqual([]);
  });
});
