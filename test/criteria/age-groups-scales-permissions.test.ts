/**
 * Age groups around other readings: an age group that may enrol on a further condition (read as
 * "outside the group, or unknown"), the Children's Oncology Group instruction naming the scale to use
 * by age (no limit of its own), a reference bracket between a performance scale and its value, and a
 * lab limit inside a bracket that is a permission in an exclusion. Corpus lines verbatim.
 */
import { ageSubgroup } from '../../src/criteria/extract/age-phrases';
import { lab, readRule, unparsed } from '../support/criteria';

describe('an age group allowed in on a further condition', () => {
  it('reads "> 70 years of age may be allowed to enroll after …" as age ≤ 70 or the condition unread', () => {
    const r = readRule(
      'Participants who are \\>70 years of age may be allowed to enroll after the investigator discusses with the medical monitor.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        { fact: 'age', operator: 'lessThanInclusive', value: 70 },
        unparsed('after the investigator discusses with the medical monitor'),
      ],
    });
  });

  it('does not read an age group that only selects whom another requirement binds', () => {
    const r = readRule(
      'Patients ≥ 60 years of age and who have a history of ischemic heart disease, chest pain, or clinically significant atrial and/or ventricular arrhythmias must have a cardiac stress test.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"fact":"age"');
  });

  it('reads no age in an exclusion that lets a group in on a condition', () => {
    const r = readRule(
      'Patients without active disease in the last 5 years may be included but only after consultation with the study physician.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"fact":"age"');
  });
});

describe('the scale to use by age', () => {
  it('reads the ECOG limit and the Karnofsky/Lansky instruction with it, adding no limit', () => {
    const r = readRule(
      'Patients must have a performance status corresponding to Eastern Cooperative Oncology Group (ECOG) scores of 0, 1 or 2. Use Karnofsky for patients \\> 16 years of age and Lansky for patients =\\< 16 years of age',
      'inclusion',
    );
    expect(r.unread).toBe('');
    expect(r.condition).toEqual({ fact: 'ecog', operator: 'lessThanInclusive', value: 2 });
  });

  it('keeps limits per age group when the scales carry their own limits', () => {
    const r = readRule('Karnofsky ≥ 50 for patients > 16 years of age or Lansky ≥ 50 for patients ≤ 16 years of age', 'inclusion');
    expect(JSON.stringify(r.condition)).toContain('"fact":"age"');
    expect(JSON.stringify(r.condition)).toContain('"fact":"karnofsky"');
  });
});

describe('a reference bracket between a performance scale and its value', () => {
  it('reads "ECOG PS (Appendix 6) of 0~2"', () => {
    const r = readRule('ECOG PS (Appendix 6) of 0\\~2.', 'inclusion');
    expect(r.unread).toBe('');
    expect(r.condition).toEqual({ fact: 'ecog', operator: 'lessThanInclusive', value: 2 });
  });
});

describe('a lab limit in a bracket that an exclusion permits', () => {
  it('never reads "(… CD4 count above 350 cells/uL) are permitted" as excluding CD4 above 350', () => {
    const r = readRule(
      'Patients with known HIV who have controlled infection (undetectable viral load and CD4 count above 350 cells/uL) are permitted.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"operator":"greaterThan","value":350');
  });
});

describe('age bands as subgroups (age-phrases.ts)', () => {
  it('reads whole-year bands with their lead words', () => {
    expect(ageSubgroup('< 2 years of age')).toEqual({ fact: 'age', operator: 'lessThan', value: 2 });
    expect(ageSubgroup('patients aged 1 to < 2 years')).toEqual({
      all: [
        { fact: 'age', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'age', operator: 'lessThan', value: 2 },
      ],
    });
    expect(ageSubgroup('children 12 to 17 years')).toEqual({
      all: [
        { fact: 'age', operator: 'greaterThanInclusive', value: 12 },
        { fact: 'age', operator: 'lessThanInclusive', value: 17 },
      ],
    });
    expect(ageSubgroup('< 24 months of age')).toEqual({ fact: 'age', operator: 'lessThan', value: 2 });
  });

  it('leaves bands between whole years, bare numbers and other words unread', () => {
    expect(ageSubgroup('≥ 18 months of age')).toBeNull();
    expect(ageSubgroup('≥ 12')).toBeNull();
    expect(ageSubgroup('12 years')).toBeNull();
    expect(ageSubgroup('< 2 years of age with liver metastases')).toBeNull();
  });
});

describe('lab items under a lead-in that lets a group in on conditions', () => {
  it('reads an exclusion item under "unless all of the following are applicable" by its opposite, for the group only', () => {
    const r = readRule('CD4 T-cell count \\>350 cells/µl', 'exclusion', ['Known HIV infection unless all of the following are applicable:']);
    expect(r.condition).toEqual({
      all: [unparsed('Known HIV infection unless all of the following are applicable:'), lab('cd4', '/uL', 'lessThanInclusive', 350)],
    });
  });

  it('reads an inclusion item under "Patients with HIV are only eligible … if" as binding that group only', () => {
    const r = readRule('CD4+ count of \\>350 cells/μL', 'inclusion', [
      'Patients with HIV are only eligible for inclusion if they meet all the following criteria:',
    ]);
    expect(r.condition).toEqual({
      any: [
        unparsed('Patients with HIV are only eligible for inclusion if they meet all the following criteria:', false),
        lab('cd4', '/uL', 'greaterThan', 350),
      ],
    });
  });

  it('leaves the reading as it is under "any of the following"', () => {
    const r = readRule('CD4+ T-cell (CD4+) count of less than 350 cells/μL', 'exclusion', [
      'Known human immunodeficiency virus (HIV) infection with any of the following (Note: HIV testing is not required unless mandated by local authority):',
    ]);
    expect(r.condition).toEqual(lab('cd4', '/uL', 'lessThan', 350));
  });
});
