/**
 * Exclusion lists whose items end in a test result ("anti-HIV antibody positive, active HBV …") and
 * exclusion items that state a limit ("No more than 3 lines …"). Verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 *
 * A test result closing one item ("… antibody positive,") had been taken as a qualifier of the next
 * item and the word "antibody" left between them, which joined the two with "and": a patient with
 * HIV alone was not excluded. An exclusion item "No more than 3 lines of …" had been read as if it
 * excluded every patient with at most 3 lines.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { cond, judgeRecord, readRule } from '../support/criteria';

const withConditions = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('an infection list whose items end in a test result', () => {
  it('excludes each infection on its own (NCT05098184)', () => {
    const text =
      'Human immunodeficiency virus (HIV) infection or anti-HIV antibody positive, active HBV or HCV infection (HBsAg positive and/or anti-HCV positive), syphilis infection or Treponema pallidum antibody positive;';
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      any: [
        cond({ names: ['hiv'] }),
        cond({ names: ['hbv', 'hcv'], active: true }),
        cond({ names: ['hcv'] }),
        cond({ names: ['syphilis'] }),
      ],
    });
    expect(unread).toBe('');
    // HIV alone is enough to be excluded; so is syphilis alone.
    expect(judge(condition!, withConditions([{ name: 'HIV', status: 'active' }]))).toBe(true);
    expect(judge(condition!, withConditions([{ name: 'syphilis', status: 'active' }]))).toBe(true);
  });

  it('reads "antibody positive" as the HIV test result, not a word between items (NCT06343948)', () => {
    const text = 'Human immunodeficiency virus antibody positive, active hepatitis B virus infection or hepatitis C virus infection;';
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual({ any: [cond({ names: ['hiv'] }), cond({ names: ['hbv', 'hcv'], active: true })] });
    expect(unread).toBe('');
    expect(judge(condition!, withConditions([{ name: 'HIV', status: 'active' }]))).toBe(true);
  });

  it('does not take "antigen-positive," as a qualifier of the next item (NCT06831370)', () => {
    const text = 'Known hepatitis B surface antigen-positive, or known or suspected active hepatitis C infection.';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({ any: [cond({ names: ['hbv'] }), cond({ names: ['hcv'], active: true })] });
  });

  it('keeps "HIV testing positive" one alternative among the history items (NCT06839105)', () => {
    const text =
      'A history of immunodeficiency, including HIV testing positive, or a known history of allogeneic organ transplantation or allogeneic hematopoietic stem cell transplantation;';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      any: [
        cond({ names: ['immunodeficiency'] }),
        cond({ names: ['hiv'] }),
        cond({ names: ['organ_transplant', 'allogeneic_stem_cell_transplant'] }),
      ],
    });
    expect(judge(condition!, withConditions([{ name: 'HIV', status: 'active' }]))).toBe(true);
  });
});

describe('a limit on prior lines written as an exclusion item', () => {
  it('leaves "No more than 3 lines of cytotoxic chemotherapy" unread, not "at most 3 lines excludes" (NCT04025515)', () => {
    const { condition, unread } = readRule('No more than 3 lines of cytotoxic chemotherapy at the time of enrolment', 'exclusion');
    // Read either way (a requirement in the wrong list, or a real exclusion), so neither is written;
    // nor is the chemotherapy read alone, which would exclude everyone who ever had it.
    expect(condition).toBeNull();
    expect(unread).toContain('3 lines of cytotoxic chemotherapy');
  });

  it('still reads an exclusion that counts upward ("More than 2 prior lines of therapy")', () => {
    expect(readRule('More than 2 prior lines of therapy', 'exclusion').condition).toEqual({
      fact: 'priorLines',
      operator: 'greaterThan',
      value: 2,
    });
  });

  it('still reads "No more than 2 prior lines" as a limit in an inclusion', () => {
    expect(readRule('No more than 2 prior lines of therapy', 'inclusion').condition).toEqual({
      fact: 'priorLines',
      operator: 'lessThanInclusive',
      value: 2,
    });
  });
});
