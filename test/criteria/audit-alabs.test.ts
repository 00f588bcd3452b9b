/**
 * Audit of lab readings that were wrong (session 19): a subgroup's limit written from the other side
 * ("… who are eligible if ≤ 3 × ULN" inside an exclusion) kept as if it excluded, and a blood-pressure
 * definition whose systolic limit was bound to the hypertension and whose diastolic limit was not.
 * Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf } from '../../src/criteria/facts';
import { cond, lab, readRule, uln, unparsed } from '../support/criteria';

describe("a subgroup's limit written from the other side", () => {
  it('reads "eligible if ≤ 3 × ULN" in an exclusion as what still excludes the subgroup (NCT06305962)', () => {
    const text =
      "Total bilirubin \\> 1.5 × ULN, except for patients with documented Gilbert's syndrome who are eligible if total bilirubin ≤ 3 × ULN";
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [
        uln('bilirubin', 'greaterThan', 1.5),
        // Excluded: above 1.5 × ULN and either not Gilbert's or above the Gilbert's limit too.
        { any: [unparsed("documented Gilbert's syndrome who", false), uln('bilirubin', 'greaterThan', 3)] },
      ],
    });
  });

  it('keeps a subgroup limit in the same direction as it was (no flip without a turn)', () => {
    // NCT06204991: an inclusion whose exception is a looser upper bound.
    const text = 'S-bilirubin ≤ 1.5 times upper normal limit (Exception: Subjects with liver metastasis ≤ 2.5 × ULN)';
    const { condition } = readRule(text, 'inclusion');
    expect(leavesOf(condition!)).toContainEqual(uln('bilirubin', 'lessThanInclusive', 2.5));
    expect(leavesOf(condition!)).not.toContainEqual(uln('bilirubin', 'greaterThan', 2.5));
  });

  it('leaves a number that describes the subgroup, with no way in or out stated, unknown (NCT01147016)', () => {
    const text =
      "Total bilirubin must be =\\< the upper limit of normal (ULN) for the lab unless the patient has a grade 1 bilirubin elevation (\\> ULN to 1.5 x ULN) resulting from Gilbert's disease or similar syndrome due to slow conjugation of bilirubin; and";
    const { condition } = readRule(text, 'inclusion');
    // "> ULN" is the Gilbert's grade, not a requirement of the subgroup.
    expect(leavesOf(condition!)).not.toContainEqual(uln('bilirubin', 'greaterThan', 1));
    expect(leavesOf(condition!)).toContainEqual(unparsed('> ULN'));
  });

  it('never reads "no lower than 30" after "unless" as a way in below 30 (NCT04903119)', () => {
    const text =
      '3.1.7 Patients must have adequate organ and marrow function as defined below: absolute neutrophil count ≥1,500/mcL platelets ≥100,000/mcL total bilirubin ≤ institutional upper limit of normal (ULN) AST(SGOT)/ALT(SGPT) ≤3 × institutional ULN creatinine ≤ institutional ULN OR glomerular filtration rate (GFR) ≥60 mL/min/1.73 m2 unless data exists supporting safe use at lower kidney function values, no lower than 30 mL/min/1.73 m2 (see Appendix B)';
    const { condition } = readRule(text, 'inclusion');
    expect(leavesOf(condition!)).not.toContainEqual(lab('egfr', 'mL/min/1.73m2', 'lessThan', 30));
    expect(leavesOf(condition!)).toContainEqual(lab('egfr', 'mL/min/1.73m2', 'greaterThanInclusive', 60));
  });
});

describe('a blood-pressure definition of hypertension in an exclusion', () => {
  const htn = cond({ names: ['hypertension'], active: true });

  it('binds "SBP ≥ 150 or DBP ≥ 90" as one definition (NCT06965231)', () => {
    expect(readRule('Poorly controlled hypertension (SBP ≥150 mmHg or DBP ≥90 mmHg);', 'exclusion')).toEqual({
      condition: {
        all: [
          htn,
          {
            any: [lab('systolic_bp', 'mmHg', 'greaterThanInclusive', 150), lab('diastolic_bp', 'mmHg', 'greaterThanInclusive', 90)],
          },
        ],
      },
      unread: '',
    });
  });

  it('binds "and/or" the same way (NCT05501886)', () => {
    const text =
      'Uncontrolled hypertension defined by systolic blood pressure (SBP) ≥160 mmHg and/or diastolic blood pressure (DBP) ≥100 mmHg';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toMatchObject({
      all: [
        htn,
        {
          any: [lab('systolic_bp', 'mmHg', 'greaterThanInclusive', 160), lab('diastolic_bp', 'mmHg', 'greaterThanInclusive', 100)],
        },
      ],
    });
  });

  it('keeps the definition whole beside an unread qualifier (NCT06805825)', () => {
    const text =
      'Uncontrolled hypertension defined as systolic blood pressure ≥ 160mmHg and/or diastolic blood pressure ≥ 100mmHg, despite optimal medical management.';
    const { condition } = readRule(text, 'exclusion');
    const bp = { any: [lab('systolic_bp', 'mmHg', 'greaterThanInclusive', 160), lab('diastolic_bp', 'mmHg', 'greaterThanInclusive', 100)] };
    // The diastolic limit never excludes apart from the systolic one: both sit under the hypertension.
    const whole = { all: [htn, bp] };
    const tops = 'any' in condition! ? condition.any : [condition];
    expect(tops).toContainEqual(whole);
  });

  it('leaves "and" between the two limits as both (an exclusion needing both)', () => {
    const { condition } = readRule('Systolic blood pressure > 150 mmHg and diastolic blood pressure > 100 mmHg', 'exclusion');
    expect(condition).toEqual({
      all: [lab('systolic_bp', 'mmHg', 'greaterThan', 150), lab('diastolic_bp', 'mmHg', 'greaterThan', 100)],
    });
  });
});

describe("somebody else's age", () => {
  it('never reads a donor\'s age as the patient\'s (NCT05629546: an exclusion that excluded every adult)', () => {
    // Nothing is read: the donor is not the patient.
    expect(readRule('Donor must be at least 18 years of age.', 'exclusion').condition).toBeNull();
  });

  it("still reads the patient's own age after a modal", () => {
    expect(readRule('Patients must be at least 18 years of age.', 'inclusion').condition).toEqual({
      fact: 'age',
      operator: 'greaterThanInclusive',
      value: 18,
    });
  });

  it("never requires one cohort's ages of everyone (NCT06078384: both ages required at once failed every patient)", () => {
    for (const text of [
      'Cohort 2 will include patients aged \\> 40 years with sTILs ≥ 50% and those aged ≤ 40 years with sTILs ≥ 75%',
      'Cohort 1 will include patients aged \\> 40 years with 30% ≤ sTILs \\< 50% and those aged',
    ]) {
      expect(readRule(text, 'inclusion').condition).toBeNull();
    }
  });
});
