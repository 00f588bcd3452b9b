/**
 * Statements round 9: medicines the protocol prohibits without naming them (prohibited_medication),
 * the investigator's catch-all in its "disease, metabolic dysfunction … that contraindicates the use
 * of an investigational drug" wording, a dotted version ("CTCAE v5.0") read whole inside a
 * statement's run. Real corpus lines
 * with the rule they must get, and lines that must not get it.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('medicines the protocol prohibits (prohibited_medication)', () => {
  it('reads current use of unnamed prohibited medicines as excluding', () => {
    expect(readRule('Current use of any prohibited concomitant medications.', 'exclusion')).toEqual({
      condition: attest('prohibited_medication', true),
      unread: '',
    });
    expect(readRule('Concurrent treatment with prohibited medications;', 'exclusion')).toEqual({
      condition: attest('prohibited_medication', true),
      unread: '',
    });
    expect(
      readRule('Current use of or anticipated requirement during the study of any prohibited medication(s) (See Section 5.5.2).', 'exclusion'),
    ).toEqual({ condition: attest('prohibited_medication', true), unread: '' });
  });

  it('keeps a narrowing qualifier and a washout sentence unread', () => {
    expect(readRule('Treatment with prohibited medications that cannot be discontinued prior to study entry', 'exclusion')).toEqual({
      condition: attest('prohibited_medication', true),
      unread: 'discontinued',
    });
    expect(
      readRule(
        'Subjects taking prohibited medications as described in study protocol. A washout period of prohibited medications for a period of at least five half-lives or as clinically indicated should occur before the start of treatment.',
        'exclusion',
      ).condition,
    ).toEqual(attest('prohibited_medication', true));
    expect(
      readRule(
        'Subjects taking prohibited medications as described in Section 6.7.2. A washout period of prohibited medications for a period of at least five half-lives or as clinically indicated should occur before the start of treatment.',
        'exclusion',
      ).unread,
    ).toBe('washout … five half-lives … indicated should occur before the start');
  });

  it('leaves willingness to stop them to medication_rules, and named medicines to the therapy reader', () => {
    const willing = attestationTopics(
      readRule(
        'Unable or unwilling to discontinue use of prohibited medications for at least 14 days or five half-lives of a drug (whichever is longer) prior to the first dose of study drug and for the duration of the study.',
        'exclusion',
      ).condition,
    );
    expect(willing).toContain('medication_rules=false');
    expect(willing.some((t) => t.startsWith('prohibited_medication'))).toBe(false);
    const named = attestationTopics(
      readRule(
        'Participants taking other prohibited medications in protocol, including anticancer therapy or investigational agents and colony-stimulating factors (CSFs). A washout period of prohibited medications for a period of at least five half-lives or as clinically indicated should occur before the start of treatment.',
        'exclusion',
      ).condition,
    );
    expect(named.some((t) => t.startsWith('prohibited_medication'))).toBe(false);
  });
});

describe('the investigator’s catch-all in the contraindication wording', () => {
  it('reads "any other disease, metabolic dysfunction … that contraindicates the use of an investigational drug"', () => {
    expect(
      readRule(
        'Any other disease, metabolic dysfunction, physical examination finding, or clinical laboratory finding that contraindicates the use of an investigational drug, may affect the interpretation of the results, or may render the patient at high risk from treatment complications',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
    expect(
      readRule(
        'History of other disease, metabolic dysfunction, physical examination finding, or clinical laboratory finding giving reasonable suspicion of a disease or condition that contraindicates use of an investigational drug or that might affect interpretation of the results of the study or renders the patient at high risk from treatment complications.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });

  it('does not read a named condition that contraindicates a named drug', () => {
    expect(
      attestationTopics(readRule('Any contraindication associated to the use of statins or hypersensitivity component of pravastatin', 'exclusion').condition),
    ).not.toContain('investigator_concern=true');
  });
});

describe('a statement’s run', () => {
  it('reads a dotted CTCAE version whole', () => {
    expect(readRule('AEs from prior therapy which have not recovered to Grade ≤1 or baseline as per NCI CTCAE v5.0', 'exclusion')).toEqual({
      condition: attest('toxicity_recovered', false),
      unread: '',
    });
    expect(
      readRule(
        'Patients must have recovered from all toxicities related to prior systemic therapies to grade ≤1 (Common Terminology Criteria for Adverse Events [CTCAE] version 5.0).',
        'inclusion',
      ),
    ).toEqual({ condition: attest('toxicity_recovered', true), unread: '' });
  });
});

describe('the criteria of a master protocol or an earlier registration step (protocol_criteria_met)', () => {
  it('reads the master protocol’s criteria, keeping the arm named unread', () => {
    expect(
      readRule(
        'THE PATIENT MUST FULFIL THE ELIGIBILITY CRITERIA WITHIN THE DETERMINE MASTER PROTOCOL (NCT05722886) AND WITHIN THE TREATMENT ARM 02 (ATEZOLIZUMAB) OUTLINED BELOW*',
        'inclusion',
      ),
    ).toEqual({ condition: attest('protocol_criteria_met', true), unread: 'NCT05722886 … ARM 02 (ATEZOLIZUMAB) OUTLINED' });
    expect(readRule('Participants must continue to meet eligibility for step 1 registration prior to step 2 registration', 'inclusion')).toEqual({
      condition: attest('protocol_criteria_met', true),
      unread: '',
    });
  });

  it('does not read another study’s treatment protocol', () => {
    expect(
      attestationTopics(readRule('Fulfilling IciCle treatment protocol inclusion criteria and receiving treatment as per the protocol', 'inclusion').condition),
    ).not.toContain('protocol_criteria_met=true');
  });
});

describe('treatment at the study’s participating centres (care_at_site)', () => {
  it('reads receiving treatment at one of the participating centres', () => {
    expect(readRule('Patients must be receiving treatment at one of the participating centers.', 'inclusion')).toEqual({
      condition: attest('care_at_site', true),
      unread: '',
    });
  });
});

describe('no legal capacity (legal_protection)', () => {
  it('reads a patient without legal capacity as excluded', () => {
    expect(readRule('No legal capacity/limited capacity.', 'exclusion')).toEqual({ condition: attest('legal_protection', true), unread: '' });
  });
});
