/**
 * A predicate that keeps its subject out ("… are not eligible", "… are excluded") negates the whole
 * subject, the relative clause inside it too (negation.ts SUBJECT_PREDICATE_END). Stopped at "who",
 * the scope held only the treatment, and an inclusion required the biomarker of every patient.
 */
import { parseCriteria } from '../../src/criteria/parse';

const inclusion = (line: string) => parseCriteria(`Inclusion Criteria:\n\n* ${line}\n`)[0]!;

describe('a predicate negating its subject', () => {
  it('keeps out only the patients with both: any(not HER2-positive, no trastuzumab)', () => {
    expect(inclusion('Patients with HER2-positive disease who have received trastuzumab are not eligible.').rule).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'ERBB2', status: 'positive' } },
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { drugs: ['trastuzumab'] } },
      ],
    });
  });

  it('reads the same with "are excluded from the study"', () => {
    expect(inclusion('Patients with HER2-positive disease who have received trastuzumab are excluded from the study.').rule).toEqual({
      any: [
        { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'ERBB2', status: 'positive' } },
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { drugs: ['trastuzumab'] } },
      ],
    });
  });

  it('does not reach back over "who" when the predicate has an object of its own ("ineligible for standard therapy")', () => {
    const c = inclusion('R/R AML and R/R HR-MDS who have failed or are ineligible for all available therapies which may provide clinical benefit.');
    expect(JSON.stringify(c.rule)).toContain('{"fact":"cancerType","operator":"equal","value":true,"params":{"codes":["AML","MDS"]}}');
  });

  it('does not negate what comes before "or is not eligible for <a treatment>" (NCT06624644 i6 asked for no anti-CTLA-4)', () => {
    const c = inclusion('Received an anti-CTLA-4 and/or BRAF containing regimen or is not eligible for or has declined anti-CTLA-4 and/or BRAF therapy prior to and for this study.');
    expect(JSON.stringify(c.rule)).not.toContain('"value":false,"params":{"classes":["anti_ctla4"]}');
  });

  it('still negates its subject when the object is an arm of the study ("not eligible for the standard risk arms")', () => {
    const c = inclusion('Stage 1 seminoma patients are not eligible for the standard risk arms of the study');
    expect(JSON.stringify(c.rule)).toContain('{"fact":"stage","operator":"equal","value":false,"params":{"groups":["I"]}}');
  });
});
