/**
 * Inclusion criteria whose unread words are offered after a bare "or" ("MSI-high or Lynch syndrome"),
 * a lab limit whose own unread alternative had lent its "or" to the whole list of limits, and a
 * biomarker sentence that says what happens to some patients rather than what they need. Verbatim
 * corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { criterionRule, judgeRecord, lab, unparsed } from '../support/criteria';

const included = (text: string): Condition => criterionRule(text, 'inclusion');

describe('unread words after a bare "or"', () => {
  it('offers "Lynch syndrome" as another way in beside MSI-high (constructed from the CMMRD line below)', () => {
    const condition = included('MSI-high or Lynch syndrome');
    expect(condition).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'MSI', status: 'high' } },
        unparsed('Lynch syndrome'),
      ],
    });
  });

  it('no longer fails a patient with a second histology it could not read (NCT05794035)', () => {
    const condition = included('Pathology confirmation of invasive SCC or BCC');
    const scc: PatientRecord = { cancers: [{ type: 'cutaneous squamous cell carcinoma' }] };
    // The SCC patient was failed when "SCC" was joined to BCC with "and"; now the unread SCC keeps it open.
    expect(judgeRecord(condition, scc)).toBeNull();
    expect(judgeRecord(condition, { cancers: [{ type: 'basal cell carcinoma' }] })).toBe(true);
  });

  it('keeps a washout list whole: every member must be clear (NCT06739226)', () => {
    const condition = included(
      'At least 7 days must have elapsed since the completion of therapy with any biologic agent, targeted agent, tyrosine kinase inhibitor or metronomic non-myelosuppressive regimen.',
    );
    // Not any(no biologic or targeted agent within 7 days, unread regimen): a patient on a metronomic
    // regimen 3 days ago must not pass because the read members are clear.
    expect('any' in condition && condition.any.some((c) => 'all' in c)).toBe(false);
  });
});

describe("a lab limit's own alternative", () => {
  it('keeps the list of limits required together (NCT03755739)', () => {
    const condition = included(
      'Laboratory examination test within 7 days prior to procedure: WBC≥3.0×10E9/L; Hb≥90g/L； PLT ≥50×10E9/L；INR \\< 2.3 or PT \\< 6 seconds above control；Cr ≤ 145.5 umul/L；Albumin \\> 28 g/L；Total bilirubin \\< 51 μmol/L',
    );
    expect('all' in condition).toBe(true);
    const top = (condition as { all: Condition[] }).all;
    expect(top).toContainEqual(lab('wbc', '10^9/L', 'greaterThanInclusive', 3));
    expect(top).toContainEqual(lab('platelets', '10^9/L', 'greaterThanInclusive', 50));
    // Only INR has an (unread) alternative.
    expect(top).toContainEqual({
      any: [lab('inr', '{INR}', 'lessThan', 2.3), unparsed('PT < 6 seconds above control;Cr <= 145.5 umul/L;')],
    });
    // Low platelets fail, whatever the INR.
    expect(
      judgeRecord(condition, {
        cancers: [{ type: 'hepatocellular carcinoma' }],
        labs: [{ name: 'platelets', value: 20, unit: '10^9/L' }],
      }),
    ).toBe(false);
  });
});

describe('what happens to some patients', () => {
  it('does not require "TMB ≥19 mut/Mb will be fast-tracked for an MTB recommendation" (NCT05770102)', () => {
    const text =
      'Confirmed diagnosis of a malignancy that is high TMB (defined as ≥10 mut/Mb), MSI-high or of proven (previously diagnosed) CMMRD disposition using an analytically validated next-generation sequencing method. Patient cases with TMB between 10-15 mut/Mb may be discussed in an MTB meeting. TMB ≥19 mut/Mb will be fast-tracked for an MTB recommendation, in order to determine eligibility.';
    const leaves = JSON.stringify(included(text));
    expect(leaves).not.toContain('"value":19');
    expect(leaves).toContain('"value":10');
  });
});

describe('"or no remaining standard option"', () => {
  it('offers the three routes as alternatives (NCT07627698)', () => {
    const rule = JSON.stringify(
      included(
        'Disease progression after standard therapy, intolerance to standard therapy, or no remaining standard option expected to provide meaningful benefit.',
      ),
    );
    // Not all(…, intolerance): a patient who progressed but was never intolerant is not failed.
    expect(rule).toContain('"topic":"no_standard_option"');
    expect(rule).not.toContain('"outcome":"intolerance"');
  });
});

describe('a cohort of the cancers no other cohort names', () => {
  it('binds "Other Solid Tumors:" items to that cohort (NCT07177937)', () => {
    expect(included('Other Solid Tumors: At least one measurable lesion as defined by RECIST v1.1.')).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Other Solid Tumors', subgroup: true } },
        { fact: 'measurableDisease', operator: 'equal', value: true },
      ],
    });
  });

  it('reads the rest of "Other advanced malignancies: patients with advanced malignancies who have failed …" (NCT06839105)', () => {
    const rule = JSON.stringify(
      included(
        'Other advanced malignancies: patients with advanced malignancies who have failed or been intolerant to standard treatment or have no standard treatment options.',
      ),
    );
    expect(rule).toContain('"text":"Other advanced malignancies","subgroup":true');
    expect(rule).toContain('"topic":"no_standard_option"');
  });

  it('leaves a bare "Other malignancies:" heading (a history of another cancer) as it was', () => {
    expect(JSON.stringify(included('Other malignancies: no other malignancy within 3 years'))).not.toContain(
      '"subgroup":true',
    );
  });
});

describe('"alternatively" between two scales', () => {
  it('reads "ECOG 0,1 or 2 alternatively Karnofsky 60-100" as either scale (NCT04861558)', () => {
    expect(included('ECOG Performance Status Score 0,1 or 2 alternatively Karnofsky 60-100')).toEqual({
      any: [
        { fact: 'ecog', operator: 'lessThanInclusive', value: 2 },
        { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 60 },
      ],
    });
  });
});
