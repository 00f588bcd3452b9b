/**
 * Therapy clauses inside criteria whose other parts were already read: a treatment named by what it
 * does to immunity ("prior treatment compromising immune function"), a regimen whose drugs a bracket
 * spells out ("FOLFIRINOX (oxaliplatin + irinotecan + calcium folinate + 5-FU)"), and a treatment-naive
 * clause with its own setting after a description of the patient's cancer ("Stage IV … NSCLC … with no
 * prior systemic anti-cancer therapy given as primary therapy for advanced or metastatic disease").
 * Also the prior-therapy topic trigger, which no longer counts a condition let in because it needs no
 * systemic treatment. Every line is verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';
import { cancerType, cond, criterionRule, extent, readRule, stage, therapy, therapyLeaves, unparsed } from '../support/criteria';

const params = (c: unknown): Record<string, unknown> => ((c as { params?: Record<string, unknown> }).params ?? {});

describe('a treatment named by what it does to immunity', () => {
  it('reads "prior treatment compromising immune function" as immunosuppressive therapy beside the immunodeficiency', () => {
    for (const text of [
      'History of or current immunodeficiency disease or prior treatment compromising immune function at the discretion of the treating physician',
      'History of or current immunodeficiency disease or prior treatment compromising immune function at the discretion of the investigator',
    ])
      expect(readRule(text, 'exclusion')).toEqual({
        condition: { any: [cond({ names: ['immunodeficiency'] }), therapy({ classes: ['immunosuppressant'] })] },
        unread: '',
      });
  });

  it('reads the class only as supportive care (never a generic anticancer treatment)', () => {
    const leaves = therapyLeaves(readRule('Prior treatment compromising immune function', 'exclusion').condition);
    expect(leaves).toEqual([therapy({ classes: ['immunosuppressant'] })]);
  });
});

describe('a regimen spelled out in a bracket', () => {
  const pancreas =
    '4\\. Patients with unresectable locally advanced or metastatic disease who fail standard of care, i.e., patients who have progression after prior gemcitabine-containing chemotherapy or FOLFIRINOX (oxaliplatin + irinotecan + calcium folinate + 5-FU) or NALIRIFOX (irinotecan liposome + oxaliplatin + calcium folinate + 5-FU) regimen, including those who have progression within 6 months after the end of neoadjuvant/adjuvant therapy';

  it('keeps the alternatives joined by "or": progression on any of them, not on each drug of the brackets', () => {
    const { condition, unread } = readRule(pancreas, 'inclusion');
    const leaves = therapyLeaves(condition);
    expect(leaves).toEqual([
      therapy({ drugs: ['gemcitabine', 'fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin', 'irinotecan_liposome'], outcome: 'progression' }),
    ]);
    // What is not read stays unread beside it.
    expect(unread).toContain('fail standard of care');
  });

  it('reads the bracket as the regimen in a variant with one alternative before it', () => {
    expect(
      readRule('Patients who have progression after prior gemcitabine-containing chemotherapy or FOLFIRINOX (oxaliplatin + irinotecan + calcium folinate + 5-FU) regimen.', 'inclusion'),
    ).toEqual({
      condition: therapy({ drugs: ['gemcitabine', 'fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin'], outcome: 'progression' }),
      unread: '',
    });
  });

  it('leaves a bracket naming a drug outside the regimen as members of their own (variant)', () => {
    const leaves = therapyLeaves(readRule('Patients who have progression after prior FOLFIRINOX (oxaliplatin + irinotecan + leucovorin + 5-FU + cetuximab).', 'inclusion').condition);
    expect(leaves.some((l) => (params(l).drugs as string[] | undefined)?.includes('cetuximab'))).toBe(true);
  });

  it('reads NALIRIFOX as its four drugs (FDA label Onivyde)', () => {
    expect(
      criterionRule(
        'Patients with pancreatic cancer must have progressed or been intolerant to prior gemcitabine-based chemotherapy regimens or FOLFIRINOX/mFOLFIRINOX/NALIRIFOX treatment. Patients with other types of solid tumors must have progressed or been intolerant to prior systemic therapies and lack satisfactory alternative treatment options.',
        'inclusion',
      ),
    ).toEqual({
      all: [
        {
          any: [
            {
              any: [
                therapy({ drugs: ['gemcitabine', 'fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin', 'irinotecan_liposome'], outcome: 'progression' }),
                therapy({ drugs: ['gemcitabine', 'fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin', 'irinotecan_liposome'], outcome: 'intolerance' }),
              ],
            },
            unparsed('Patients with pancreatic cancer must have progressed or been intolerant to prior gemcitabine-based chemotherapy regimens or FOLFIRINOX/mFOLFIRINOX/NALIRIFOX treatment'),
          ],
        },
        cancerType('SOLID'),
        unparsed('pancreatic cancer … progressed or been intolerant to prior systemic … lack satisfactory alternative treatment options'),
      ],
    });
  });
});

describe("the patient's cancer described before a treatment-naive clause with its own setting", () => {
  it('reads no prior systemic therapy for advanced disease, the stage before it naming the cancer only', () => {
    expect(
      criterionRule(
        'Participants must have histologically confirmed Stage IV or recurrent Non-small Cell Lung Cancer (NSCLC) of non-squamous (NSQ) histology with no prior systemic anti-cancer therapy given as primary therapy for advanced or metastatic disease.',
        'inclusion',
      ),
    ).toEqual({
      all: [
        { any: [stage('IV'), extent('recurrent')] },
        cancerType('NSCLC'),
        therapy({ kinds: ['systemic'], setting: 'advanced' }, false),
        unparsed('non-squamous (NSQ'),
      ],
    });
  });

  it('still reads no treatment where no setting follows the list: the stage may be its setting', () => {
    expect(therapyLeaves(readRule('Histological proof of cancer with stage III inoperable or Stage IV metastatic disease without any prior treatment.', 'inclusion').condition)).toEqual([]);
  });

  it('clears nothing without a turn to the treatment ("with no", "without"), a variant', () => {
    const text = 'Cohort 1: Patients with locally advanced/metastatic NSCLC with wild-type EGFR and negative ALK fusion gene, no or at most one prior line of systemic chemotherapy regimen for advanced or metastatic NSCLC.';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });
});

describe('the prior-therapy topic', () => {
  const topicsOf = (text: string): string[] => readCriterion(normalise(text).text, 'exclusion', []).categories;

  it('does not count a condition let in because it needs no systemic treatment', () => {
    for (const text of [
      'Active, known or suspected autoimmune disease or a documented history of autoimmune disease. Note: subjects with vitiligo, controlled type 1 diabetes mellitus on stable insulin dose, residual autoimmune-related hypothyroidism only requiring hormone replacement or psoriasis not requiring systemic treatment are permitted;',
      'Patients with active, known, or suspected autoimmune disease. Patients with type I diabetes mellitus, residual hypothyroidism due to autoimmune thyroiditis only requiring hormone replacement, or skin disorders (such as vitiligo, psoriasis, or alopecia) not requiring systemic treatment are permitted to enroll. For any cases of uncertainty, it is recommended that the Principal Investigator be consulted prior to signing informed consent.',
    ])
      expect(topicsOf(text)).not.toContain('prior_therapy');
  });

  it('still counts a requirement on steroids phrased with "not requiring"', () => {
    expect(topicsOf('Spinal cord compression or brain metastases unless asymptomatic, stable, and not requiring steroids for at least 4 weeks prior to start of study intervention.')).toContain('prior_therapy');
    expect(
      topicsOf(
        'Active autoimmune disease that has required systemic treatment in past 2 years (i.e., with use of disease modifying agents, corticosteroids or immunosuppressive drugs). Patients with type I diabetes mellitus; hypothyroidism only requiring hormone replacement; skin disorders (such as vitiligo, psoriasis, or alopecia) not requiring systemic treatment; or conditions not expected to recur in the absence of an external trigger are permitted to enroll.',
      ),
    ).toContain('prior_therapy');
  });
});
