/**
 * Audit of infection and medical-history readings (session 17): wrong readings found in a sample of
 * read criteria, each pinned with a verbatim corpus line, the reading it must get and the wrong one
 * it had.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { cond, readRule } from '../support/criteria';

const E = (text: string) => readRule(text, 'exclusion');
const I = (text: string) => readRule(text, 'inclusion');

/** The condition leaves of a rule, as their params. */
const conditionParams = (c: Condition | null) =>
  c ? leavesOf(c).filter((l) => l.fact === 'condition').map((l) => l.params as Record<string, unknown>) : [];
const names = (c: Condition | null) => conditionParams(c).map((p) => (p.names as string[]).join('+'));

describe('a test result "indicating acute or chronic infection"', () => {
  it('glosses the virus tested, and excludes no other infection', () => {
    const r = E(
      'Subjects will be excluded if they test positive for hepatitis B virus surface antigen (HBsAg) or hepatitis C virus ribonucleic acid (HCV antibody), indicating acute or chronic infection. Subjects treated and being at least one year free from HCV are allowed to participate;',
    );
    // Was: any(all(hbv|hcv, hcv), infection active except hcv, …): every active infection excluded,
    // and HBV alone only through the generic infection.
    expect(names(r.condition)).not.toContain('infection');
    // "at least one year free from HCV" is a duration, shown unread as "1 year" would be (spelled-durations.test.ts).
    expect(r).toEqual({ condition: cond({ names: ['hbv', 'hcv'], active: true }), unread: 'ribonucleic … one' });
  });

  it('reads "any other positive test for hepatitis B indicating acute or chronic infection" as hepatitis B only', () => {
    const r = E(
      'Known to be positive for hepatitis B virus (HBV) surface antigen, or any other positive test for hepatitis B indicating acute or chronic infection. Subjects who are or have received anti-HBV therapy and have undetectable HBV DNA for at least 6 months prior to study entry are eligible. Serological testing for hepatitis B at screening is not required.',
    );
    expect(names(r.condition)).toEqual(['hbv', 'hbv']);
    expect(r.unread).not.toMatch(/indicating/);
  });

  it('keeps a generic infection that no test result indicates', () => {
    expect(names(E('Active infection requiring systemic therapy.').condition)).toEqual(['infection']);
  });
});

describe('a viral load test reads the active infection', () => {
  it('"HCV RNA negative" after an antibody premise requires no active HCV only (inclusion)', () => {
    const r = I(
      'Seronegative for hepatitis B antigen and for hepatitis C antibody. If hepatitis C antibody test is positive, then participant must be tested for the presence of antigen by RT-PCR and be HCV RNA negative.',
    );
    // Was also hcv = false: a patient with a cured HCV (antibody positive, RNA negative), whom the
    // text admits, failed.
    expect(conditionParams(r.condition)).toContainEqual({ names: ['hcv'], active: true });
    expect(conditionParams(r.condition)).not.toContainEqual({ names: ['hcv'] });
  });

  it('"positive for HCV RNA" excludes the active infection', () => {
    expect(E('Patients who are positive for HCV RNA')).toEqual({ condition: cond({ names: ['hcv'], active: true }), unread: '' });
  });

  it('"Hepatitis C virus RNA positive" excludes the active infection', () => {
    expect(conditionParams(E('Hepatitis C virus RNA positive').condition)).toEqual([{ names: ['hcv'], active: true }]);
  });

  it('not when the test named with it is an antibody or antigen', () => {
    const r = E(
      'Has known human immunodeficiency (HIV) and/or history of hepatitis B or C infections, or has a positive test for HIV antibody, hepatitis B antigen/hepatitis B virus DNA or hepatitis C antibody or RNA.',
    );
    expect(conditionParams(r.condition)).toContainEqual({ names: ['hiv', 'hbv', 'hcv'] });
    expect(conditionParams(r.condition)).not.toContainEqual({ names: ['hiv', 'hbv', 'hcv'], active: true });
  });

  it('"HBsAg positive or HBV-DNA positivity" excludes either, not only both', () => {
    // The active form adds nothing to an "or" with the infection itself: not all(hbv, hbv active).
    expect(E('HBsAg positive or HBV-DNA positivity').condition).toEqual(cond({ names: ['hbv'] }));
  });

  it('a permission for antibody-positive, RNA-negative patients still narrows to the active form', () => {
    const r = E(
      'Any positive test result for hepatitis C virus (HCV) indicating presence of active viral replication (detectable HCV-ribonucleic acid \\[RNA\\]). Note: Participants with positive HCV antibody and an undetectable HCV RNA are eligible to enroll',
    );
    expect(r.condition).toEqual({ all: [cond({ names: ['hcv'], active: true }), cond({ names: ['hcv'] })] });
  });
});

describe('bracketed examples of another category', () => {
  it('"primary immunodeficiency (such as Severe Combined Immunodeficiency Disease and AIDS)" excludes either', () => {
    // Was all(immunodeficiency, hiv): a patient with a primary immunodeficiency but no HIV passed.
    expect(E('Patients with any form of primary immunodeficiency (such as Severe Combined Immunodeficiency Disease and AIDS).').condition).toEqual({
      any: [cond({ names: ['immunodeficiency'] }), cond({ names: ['hiv'] })],
    });
  });

  it('leaves an unbracketed list running on in the sentence to its own reading', () => {
    const r = E(
      'A history of immunodeficiency, including HIV testing positive, or a known history of allogeneic organ transplantation or allogeneic hematopoietic stem cell transplantation;',
    );
    // Joined with the HIV example, the immunodeficiency would be read together with the transplant
    // after it: it must stay an alternative of its own.
    expect((r.condition as { any?: Condition[] }).any).toContainEqual(cond({ names: ['immunodeficiency'] }));
  });
});

describe('a condition defined by the measurements after it', () => {
  it('"Hepatic impairment as indicated by: AST or ALT ≥ 3x ULN" excludes on the values alone', () => {
    // Was all(AST or ALT ≥ 3x ULN, liver disease): a patient with the values whose record names no
    // liver disease passed.
    const r = E('Hepatic impairment as indicated by: AST or ALT ≥ 3x upper limit normal (ULN)');
    expect(names(r.condition)).toEqual([]);
    expect(r.condition).toEqual({
      any: [
        { fact: 'labUln', operator: 'greaterThanInclusive', value: 3, params: { name: 'ast' } },
        { fact: 'labUln', operator: 'greaterThanInclusive', value: 3, params: { name: 'alt' } },
      ],
    });
  });

  it('keeps a condition defined by a test with no limit', () => {
    expect(names(E('History of leptomeningeal metastasis determined by imaging or lumbar puncture.').condition)).toEqual(['leptomeningeal_disease']);
  });
});
