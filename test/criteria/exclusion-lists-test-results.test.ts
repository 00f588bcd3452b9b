/**
 * Exclusion lists whose items end in a test result ("anti-HIV antibody positive, active HBV …"),
 * bracketed lists of examples, lists of vaccines, and exclusion items that state a limit ("No more
 * than 3 lines …"). Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 *
 * A test result closing one item ("… antibody positive,") had been taken as a qualifier of the next
 * item and the word "antibody" left between them, which joined the two with "and": a patient with
 * HIV alone was not excluded. An exclusion item "No more than 3 lines of …" had been read as if it
 * excluded every patient with at most 3 lines.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, cond, criterionRule, judgeRecord, readRule, unparsed } from '../support/criteria';

const withConditions = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);
const excluded = (text: string): Condition => criterionRule(text, 'exclusion');

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
    const text =
      'Human immunodeficiency virus antibody positive, active hepatitis B virus infection or hepatitis C virus infection;';
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

describe('groups and examples in an exclusion list', () => {
  it('excludes each example in "(such as A [SCID] and B [AIDS])" on its own (NCT05607095)', () => {
    const text =
      'Patients who have any form of primary immunodeficiency (such as severe combined immunodeficiency disease \\[SCID\\] and acquired immunodeficiency syndrome \\[AIDS\\]).';
    const condition = excluded(text);
    expect(condition).toEqual({
      any: [cond({ names: ['immunodeficiency'] }), cond({ names: ['hiv'] }), unparsed('SCID')],
    });
    expect(judge(condition, withConditions([{ name: 'HIV', status: 'active' }]))).toBe(true);
  });

  it('binds "and currently receiving antiretroviral therapy" to the groups it follows (NCT05269381)', () => {
    const text =
      'Immunocompromised patients and patients known to be human immunodeficiency virus (HIV) positive and currently receiving antiretroviral therapy';
    const condition = excluded(text);
    // Two groups ("and patients known to be …"), each excluded only with the treatment left unread.
    expect(condition).toEqual({
      all: [
        { any: [cond({ names: ['immunodeficiency'] }), cond({ names: ['hiv'] })] },
        unparsed('currently receiving antiretroviral'),
      ],
    });
    // An HIV-positive patient may not be on antiretroviral therapy: not known to be excluded.
    expect(judge(condition, withConditions([{ name: 'HIV', status: 'active' }]))).toBeNull();
    expect(judge(condition, withConditions([{ name: 'hypertension', status: 'controlled' }]))).toBe(false);
  });

  it('keeps "Known and treated epilepsia or previous seizures" excluding previous seizures alone (NCT05899465)', () => {
    const condition = excluded('Known and treated epilepsia or previous seizures');
    expect(condition).toEqual({ any: [cond({ names: ['seizure_disorder'] }), unparsed('treated epilepsia')] });
  });
});

describe('a limit on prior lines written as an exclusion item', () => {
  it('leaves "No more than 3 lines of cytotoxic chemotherapy" unread, not "at most 3 lines excludes" (NCT04025515)', () => {
    const { condition, unread } = readRule(
      'No more than 3 lines of cytotoxic chemotherapy at the time of enrolment',
      'exclusion',
    );
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

describe('a list of vaccines', () => {
  it('does not read "varicella/zoster (chicken pox)" among live vaccines as a herpes infection (NCT03761914)', () => {
    const text =
      'Has received a live vaccine within 30 days prior to the first dose of study drug. Examples of live vaccines include, but are not limited to, the following: measles, mumps, rubella, varicella/zoster (chicken pox), yellow fever, rabies, Bacillus Calmette-Guérin (BCG), and typhoid vaccine. Seasonal influenza vaccines for injection are generally killed virus vaccines and are allowed; however, intranasal influenza vaccines (e.g., FluMist®) are live attenuated vaccines and are not allowed.';
    const condition = excluded(text);
    expect(JSON.stringify(condition)).not.toContain('herpes_infection');
    // The live vaccine alone still excludes.
    expect(condition).toEqual(expect.objectContaining({ any: expect.arrayContaining([attest('live_vaccine', true)]) }));
  });
});

describe('"medical or psychiatric condition" in a catch-all', () => {
  it('reads the catch-all as the investigator concern, not as psychiatric illness required (NCT06875310)', () => {
    const text =
      'Other severe acute or chronic medical or psychiatric condition or laboratory abnormality that may increase the risk associated with study participation or study drug administration.';
    const condition = excluded(text);
    expect(condition).toEqual({ all: [attest('investigator_concern', true)] });
    // A patient with a medical condition and no psychiatric illness is no longer cleared: the
    // investigator's concern is the question.
    expect(judge(condition, withConditions([{ name: 'diabetes mellitus', status: 'active' }]))).toBeNull();
  });

  it('treats "physical or mental illnesses" the same way (NCT06839105)', () => {
    const text =
      'The presence of other serious physical or mental illnesses or abnormalities in laboratory tests that may increase the risk of participation in the study, affect treatment compliance, or interfere with the study results, patients who are judged by the investigator to be unsuitable for participation in the study.';
    expect(JSON.stringify(excluded(text))).not.toContain('psychiatric_illness');
  });

  it('still reads a psychiatric illness named on its own', () => {
    expect(JSON.stringify(excluded('Active psychiatric illness or substance abuse'))).toContain('psychiatric_illness');
  });
});

describe('a reading whose words open with the connective', () => {
  it('excludes lactating women and WOCBP without contraception each on their own (NCT05984147)', () => {
    const text =
      'Lactating women or WOCBP who are neither surgically sterilized nor willing to use reliable contraceptive methods (hormonal contraceptive, IUD, or any double combination of male or female condom, spermicidal gel, diaphragm, sponge, cervical cap).';
    const condition = excluded(text);
    expect(condition).toEqual({
      any: [
        { fact: 'breastfeeding', operator: 'equal', value: true },
        attest('contraception', false),
        unparsed('combination'),
      ],
    });
    // A breastfeeding patient is excluded whatever her contraception.
    expect(judge(condition, { cancers: [{ type: 'melanoma' }], sex: 'female', breastfeeding: true })).toBe(true);
  });
});

describe('the agents of an allergy', () => {
  it('does not read "HSV-1" in "compounds of similar biological composition to HSV-1" as an infection (NCT04370587)', () => {
    const text =
      'History of allergic reactions attributed to compounds of similar biological composition to HSV-1, IL-12, or anti-PD-1 monoclonal antibody.';
    const condition = excluded(text);
    expect(JSON.stringify(condition)).not.toContain('herpes_infection');
    expect(condition).toEqual({
      any: [attest('study_drug_allergy', true), unparsed('HSV-1, IL-12, or anti-PD-1 monoclonal antibody')],
    });
  });
});

describe('a criterion for subgroups it does not name', () => {
  it('binds "For some parts of the study only:" to those parts (NCT04956640)', () => {
    const text =
      'For some parts of the study only: have untreated active central nervous system (CNS) metastases and/or leptomeningeal disease. Patients with treated CNS metastases are eligible for this study if their disease is asymptomatic, radiographically stable for at least 30 days, and they do not require treatment with steroids in the two-week period prior to study treatment. Patients with active CNS metastases are eligible for one part of the study.';
    const condition = excluded(text);
    expect(condition).toEqual({
      all: [
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: { text: 'For some parts of the study only', subgroup: true },
        },
        expect.anything(),
      ],
    });
    // Leptomeningeal disease no longer excludes outright: whether the patient is in those parts is unknown.
    expect(judge(condition, withConditions([{ name: 'leptomeningeal disease', status: 'active' }]))).toBeNull();
  });
});

describe('a lead clause ending in a colon', () => {
  it('binds "For participants with melanoma:" to those participants (NCT07584226)', () => {
    const condition = excluded('For participants with melanoma: lactate dehydrogenase (LDH) \\>2×ULN.');
    expect(condition).toEqual({
      all: [
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: { text: 'For participants with melanoma', subgroup: true },
        },
        { fact: 'labUln', operator: 'greaterThan', value: 2, params: { name: 'ldh' } },
      ],
    });
  });
});
