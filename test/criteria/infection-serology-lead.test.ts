/**
 * Infection items under a lead-in that gives their test result ("Patients must be seronegative for the
 * following:"), and herpes simplex kept apart from the other herpesviruses. Verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 *
 * The items name only the infection and its test; stated bare in an inclusion an infection is left
 * unread, so the whole list went unread. The lead-in's "seronegative" is the requirement.
 */
import type { PatientRecord } from '../../src/patients/record';
import { cond, judgeRecord, readRule } from '../support/criteria';

const LEAD = 'Patients must be seronegative for the following:';
const withConditions = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});

describe('items under "Patients must be seronegative for the following:" (NCT05607095)', () => {
  it('reads an antibody item as never having had the infection', () => {
    const { condition, unread } = readRule('Human immunodeficiency virus (HIV)-1 or HIV-2 antibodies', 'inclusion', [LEAD]);
    expect(condition).toEqual(cond({ names: ['hiv'] }, false));
    expect(unread).toBe('');
    expect(judgeRecord(condition!, withConditions([{ name: 'HIV', status: 'active' }]))).toBe(false);
  });

  it('reads IgM and PCR tests as ruling out only the active infection, and "indicating active infection" as theirs', () => {
    const { condition, unread } = readRule(
      'Cytomegalovirus (CMV) IgM antibody titer or PCR assay; and Epstein-Barr virus (EBV) IgM or PCR assay indicating active infection',
      'inclusion',
      [LEAD],
    );
    // No third leaf for "active infection" of any kind: it is what the EBV test indicates.
    expect(condition).toEqual({ all: [cond({ names: ['cmv'], active: true }, false), cond({ names: ['ebv'], active: true }, false)] });
    expect(unread).toBe('');
  });

  it('reads a nontreponemal syphilis test as ruling out active syphilis', () => {
    const { condition, unread } = readRule(
      'Syphilis (Rapid Plasma Reagin [RPR] test or venereal disease research laboratory [VDRL] test)',
      'inclusion',
      [LEAD],
    );
    expect(condition).toEqual(cond({ names: ['syphilis'], active: true }, false));
    expect(unread).toBe('');
  });

  it('reads a herpes simplex test as herpes simplex only: active shingles does not fail it', () => {
    const { condition, unread } = readRule('Herpes simplex virus (HSV)-1 and HSV-2 IgM serology or PCR assay', 'inclusion', [LEAD]);
    expect(condition).toEqual(cond({ names: ['herpes_simplex_infection'], active: true }, false));
    expect(unread).toBe('');
    expect(judgeRecord(condition!, withConditions([{ name: 'herpes zoster', status: 'active' }]))).not.toBe(false);
  });

  it('leaves an item with more than its test to the readers before (a permission after it)', () => {
    const text =
      'Hepatitis B antigen (HBsAg), hepatitis B core antibody (anti- HBc), or hepatitis C antibody (HCV Ab). Patients with acute or chronic hepatitis infections may be enrolled if the viral load by PCR is undetectable with/without active treatment.';
    const { condition } = readRule(text, 'inclusion', [LEAD]);
    expect(JSON.stringify(condition)).toContain('"unparsed"');
  });

  it('needs the lead-in: a bare infection item stays unread, and so do exclusion items', () => {
    expect(readRule('Human immunodeficiency virus (HIV)-1 or HIV-2 antibodies', 'inclusion').condition).toBeNull();
    expect(readRule('Syphilis', 'inclusion', ['Patients with any of the following are eligible if treated:']).condition).toBeNull();
  });
});

describe('herpes simplex in exclusions', () => {
  it('reads "anti-HSV drugs" as herpes simplex, not every herpesvirus (NCT06214156)', () => {
    const { condition } = readRule('Subjects requiring systemic treatment with anti-HSV drugs during the study period;', 'exclusion');
    expect(JSON.stringify(condition)).toContain('herpes_simplex_infection');
    expect(JSON.stringify(condition)).not.toContain('"herpes_infection"');
  });
});
