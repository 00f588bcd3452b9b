/**
 * The investigator's catch-all (investigator_concern) in wordings the judgement table missed: the
 * investigator's or sponsor's judgment, "according to the investigator" alone, underlying medical
 * conditions, a laboratory abnormality "in clinical laboratory tests", participation made difficult,
 * any other reason the investigator determines. Real corpus lines with the rule they must get, and
 * lines that must not get it.
 */
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('the investigator’s catch-all (investigator_concern)', () => {
  it('reads a generic subject that the investigator judges a risk or an obstacle', () => {
    expect(
      readRule(
        'Any other disease or therapy, which, according to the investigator, present a risk to the patient or which are not compatible with the aims of the clinical trial',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
    expect(
      readRule(
        "Any serious medical condition or abnormality in clinical laboratory tests that precludes an individual's safe participation in the study",
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
    expect(
      readRule(
        'Other concurrent health issues that would make participation or completion of the study difficult.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });

  it('reads the investigator’s or sponsor’s judgment, keeping the rest unread', () => {
    expect(
      attestationTopics(
        readRule(
          "Participants with any medical condition that is poorly controlled or that would, in the Investigator's or Sponsor's judgment, adversely impact the participant's participation in the clinical study due to safety concerns, compliance with clinical study procedures, or interpretation of study results.",
          'exclusion',
        ).condition,
      ),
    ).toContain('investigator_concern=true');
    expect(
      readRule(
        'Any other sound medical, psychiatric, and/or social reason as determined by the Investigator.',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('investigator_concern', true),
      unread: 'sound',
    });
  });

  it('does not read a named condition the investigator weighs', () => {
    expect(
      attestationTopics(
        readRule(
          "Has clinically severe respiratory compromise (based on the investigator's assessment) resulting from intercurrent pulmonary illnesses",
          'exclusion',
        ).condition,
      ),
    ).not.toContain('investigator_concern=true');
    expect(
      attestationTopics(
        readRule(
          'Current or previous severe retinopathy who, in the judgment of the Investigator, are not suitable for enrollment',
          'exclusion',
        ).condition,
      ),
    ).not.toContain('investigator_concern=true');
  });
});

describe('laboratory results within the protocol’s limits, with no values given (adequate_organ_function)', () => {
  it('reads results "within the required parameters", adequate safety labs and organ lab parameters to meet', () => {
    for (const line of [
      'Laboratory test results within the required parameters',
      'Adequate safety laboratory tests',
      'Meet various hematological, liver function and renal function lab parameters',
      'Laboratory values demonstrating adequately functioning kidney, liver and bone marrow (hematology).',
    ])
      expect(readRule(line, 'inclusion')).toEqual({ condition: attest('adequate_organ_function', true), unread: '' });
  });

  it('leaves named tests to the labs reader', () => {
    expect(
      attestationTopics(
        readRule(
          'Participant has protocol specified hematologic parameters for absolute neutrophil count (ANC) and platelet count.',
          'inclusion',
        ).condition,
      ),
    ).not.toContain('adequate_organ_function=true');
  });
});
