/**
 * "Class N or better" on the NYHA scale, in an inclusion: the classes above N excluded. The NCI
 * template's "class 2B or better" admits all of class II. Real corpus lines, except the 2A and
 * exclusion near misses.
 */
import { attest, cond, readRule } from '../support/criteria';

const above2 = cond({ names: ['heart_failure_nyha_3', 'heart_failure_nyha_4'] }, false);

describe('an NYHA class ceiling', () => {
  it('reads the NCI template, its group and assessment covered (NCT04511013 i17)', () => {
    expect(
      readRule(
        'Participants with known history or current symptoms of cardiac disease, or history of treatment with cardiotoxic agents, must have a clinical risk assessment of cardiac function using the New York Heart Association Functional Classification. To be eligible for this trial, participants must be class 2B or better',
        'inclusion',
      ),
    ).toEqual({ condition: above2, unread: '' });
  });

  it('reads the ceiling in the same sentence beside adequate cardiac function (NCT05136196 i17)', () => {
    expect(
      readRule(
        'Participants must have adequate cardiac function. Participants with known history or current symptoms of cardiac disease, or history of treatment with cardiotoxic agents, must have a clinical risk assessment of cardiac function using the New York Heart Association Functional Classification and must be class 2B or better to be eligible for this trial',
        'inclusion',
      ),
    ).toEqual({ condition: { all: [attest('adequate_organ_function', true), above2] }, unread: '' });
  });

  it('leaves classes named beside the ceiling to the conditions reader (NCT06500455 i12)', () => {
    const r = readRule(
      'New York Heart Association Functional Classification II or better (NYHA Functional Classification III/IV are not eligible) (Note: Patients with known history or current symptoms of cardiac disease, or history of treatment with cardiotoxic agents, should have a clinical risk assessment of cardiac function using the New York Heart Association Functional Classification)',
      'inclusion',
    );
    expect(r.condition).toEqual(above2);
  });

  it('reads no ceiling that splits a class, none in an exclusion, none without the scale', () => {
    expect(readRule('Patients must be NYHA class 2A or better', 'inclusion').condition).toBeNull();
    expect(JSON.stringify(readRule('Patients must be NYHA class 2 or better', 'exclusion').condition)).not.toContain('heart_failure_nyha_3');
    expect(readRule('Patients must be class 2 or better', 'inclusion').condition).toBeNull();
  });
});
