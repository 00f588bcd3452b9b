/**
 * Infection criteria on real corpus lines: a chronic viral infection narrowed to a subgroup the facts
 * cannot name keeps the infection as a necessary condition and the subgroup as an unparsed leaf, and
 * a permission for the controlled infection never becomes an exclusion.
 */
import type { Condition } from '../../src/criteria/facts';
import { cond, readRule, unparsed } from '../support/criteria';

const read = readRule;
const unread = (text: string): Condition => unparsed(text);

describe('chronic viral infection limited to a subgroup', () => {
  it('reads "HIV-positive … on combination antiretroviral therapy" as HIV and the subgroup unread', () => {
    expect(read('HIV-positive individuals on combination antiretroviral therapy.', 'exclusion').condition).toEqual({
      all: [cond({ names: ['hiv'] }), unread('individuals on combination antiretroviral therapy')],
    });
  });

  it('keeps the rationale with the subgroup', () => {
    expect(
      read(
        'HIV-positive patients on combination antiretroviral therapy are ineligible because of the potential for PK interactions with AT13387.',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [
        cond({ names: ['hiv'] }),
        unread(
          'patients on combination antiretroviral therapy are ineligible because of the potential for PK interactions with AT13387',
        ),
      ],
    });
  });

  it('reads a definition after the infection as an unparsed leaf beside it, with the controlled-infection note', () => {
    const r = read(
      'Known HBV infection defined as hepatitis B surface antigen reactive. NOTE: Participants with HBV infection on stable anti-viral therapy for \\> 4 weeks prior to the planned first study intervention and viral load confirmed as undetectable during Screening may be eligible.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [cond({ names: ['hbv'], active: true }), unread('defined as hepatitis B surface antigen reactive')],
    });
  });

  it('reads "HIV infection with ongoing antiretroviral therapy" as HIV with the subgroup unread', () => {
    expect(
      read('Immunocompromised status or known HIV infection with ongoing antiretroviral therapy.', 'exclusion')
        .condition,
    ).toEqual({
      any: [
        cond({ names: ['immunodeficiency'] }),
        { all: [cond({ names: ['hiv'] }), unread('with ongoing antiretroviral therapy')] },
      ],
    });
  });

  it('stops the subgroup at a comma that goes on with the list', () => {
    const r = read(
      'Severely immunocompromised person(s). Examples include patients on immunosuppressants, HIV positive patients on antiretrovirals, post transplantation patients.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ all: [cond({ names: ['hiv'] }), unread('patients on antiretrovirals')] }),
    );
  });

  it('does not read a permission for controlled HIV as an exclusion of it', () => {
    const c = read(
      'HIV-positive patients on combination antiretroviral therapy with undetectable viral load are eligible.',
      'exclusion',
    ).condition;
    // Only uncontrolled (active) HIV is excluded.
    expect(c).toEqual(cond({ names: ['hiv'], active: true }));
  });

  it('does not read a CD4 or viral-load subgroup after an exclusion as one more exclusion', () => {
    const c = read(
      'Active HIV infection. Those with HIV infections on combination antiretroviral medications with stable CD4 count \\>200/microliters as measured within screening time period.',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('"names":["hiv"]}');
  });

  it('does not read the infection named by its test inside a requirement', () => {
    const c = read(
      'For participants with history of chronic hepatitis B virus (HBV) infection, the HBV viral load must be undetectable on suppressive therapy, if indicated.',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('on suppressive therapy');
  });

  it('reads no subgroup in an inclusion', () => {
    const c = read('HIV-positive individuals on combination antiretroviral therapy.', 'inclusion').condition;
    expect(JSON.stringify(c)).not.toContain('"hiv"');
  });
});

describe('viral loads and exceptions after an infection', () => {
  it('reads a viral load above the limit of detection as the active infection', () => {
    expect(
      read('Hepatitis C (HCVAb positive with HCV RNA higher than the lower limit of detection)', 'exclusion').condition,
    ).toEqual(cond({ names: ['hcv'], active: true }));
  });

  it('keeps a viral-load threshold as an unparsed leaf beside the active infection', () => {
    expect(
      read('Hepatitis B (HBsAg positive with HBV DNA higher than 1000 copies /ml or 200 IU/ml)', 'exclusion').condition,
    ).toEqual({
      all: [cond({ names: ['hbv'], active: true }), unread('HBV DNA higher than 1000 copies /ml or 200 IU/ml')],
    });
  });

  it('keeps every alternative of the threshold in the leaf', () => {
    const c = read(
      'Active hepatitis B (HBsAg positive and HBV DNA ≥ 500 IU/mL or above the upper limit of normal \\[ULN\\] of the testing unit); active hepatitis C (HCV antibody positive and HCV RNA above the lower limit of detection).',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      any: [
        {
          all: [
            cond({ names: ['hbv'], active: true }),
            unread('HBV DNA >= 500 IU/mL or above the upper limit of normal [ULN] of the testing unit'),
          ],
        },
        cond({ names: ['hcv'], active: true }),
      ],
    });
  });

  it('does not give a listed tuberculosis the viral load of the hepatitis after it', () => {
    const c = read(
      'Active tuberculosis, hepatitis B (HBsAg positive with HBV DNA higher than 1000 copies /ml or 200 IU/ml), hepatitis C (HCVAb positive with HCV RNA higher than the lower limit of detection);',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('"tuberculosis","hbv"');
  });

  it('keeps an exception only the team can judge beside the infections', () => {
    expect(
      read('History of hepatitis B, hepatitis C, or HIV (unless meeting protocol-specific criteria).', 'exclusion')
        .condition,
    ).toEqual({
      all: [cond({ names: ['hbv', 'hcv', 'hiv'] }), unread('(unless meeting protocol-specific criteria)')],
    });
  });

  it('reads "with a need for treatment" as the current infection', () => {
    expect(read('Unstable active viral hepatitis with a need for treatment.', 'exclusion').condition).toEqual(
      cond({ names: ['viral_hepatitis'], active: true }),
    );
  });
});

describe('notes after an infection', () => {
  it('reads a nested permission note as narrowing the exclusion to the active infection', () => {
    expect(
      read(
        'Untreated chronic hepatitis B or chronic HBV carriers with HBV DNA\\>500 IU/mL (or \\>2500 copies/mL) at screening (Note: Inactive hepatitis B surface antigen (HbsAg) carriers, treated and stable hepatitis B (HBV DNA \\< 500 IU/mL or \\< 2500 copies/mL) can be enrolled)',
        'exclusion',
      ),
    ).toEqual({ condition: cond({ names: ['hbv'], active: true }), unread: '' });
  });
});
