/**
 * Unparsed "other" exclusions whose shape recurs across trials, read with existing facts. Real corpus
 * lines (NCT id and criterion id beside each) with the rule they must get, and near lines that must
 * not get it.
 */
import { attest, attestationTopics, readRule, unparsed } from '../support/criteria';

describe('the investigator’s catch-all said with an -ing verb, a list, or a bare "condition that"', () => {
  it('reads a generic condition that makes the research impossible or impairs compliance', () => {
    // NCT04424719 e2
    expect(readRule('Any social, medical or psychological condition making the research process impossible.', 'exclusion')).toEqual({
      condition: attest('investigator_concern', true),
      unread: '',
    });
    // NCT06242470 e1
    expect(
      readRule(
        "Any underlying medical or psychiatric condition impairing participant's ability to receive, tolerate, or comply with the planned treatment or study procedures.",
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });

  it('reads "has a condition that confounds …" and "deemed unsuitable by the investigator" without a "for"', () => {
    // NCT07244835 e2
    expect(readRule('Participant has a condition that confounds the ability for interpret data from the study', 'exclusion')).toEqual({
      condition: attest('investigator_concern', true),
      unread: '',
    });
    // NCT07371663 e23
    expect(
      readRule(
        'Other severe physical/mental illnesses or factors that may increase study risk or interfere with results, or any condition deemed unsuitable by the investigator.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
    // NCT07518043 e15: the severe allergy and the catch-all, either excluding
    expect(
      attestationTopics(
        readRule('Severe allergic reactions to monoclonal antibodies or any condition deemed unsuitable by the investigator.', 'exclusion')
          .condition,
      ),
    ).toEqual(expect.arrayContaining(['study_drug_severe_allergy=true', 'investigator_concern=true']));
  });

  it('leaves a condition harming the absorption of a research product to the absorption question', () => {
    // NCT04331093 e14: swallowing and absorption, which the catch-all must not claim
    const r = readRule(
      'Patients with any condition that affects swallowing the drug, and any condition that affects the absorption of the research product in vivo, including any type of gastrointestinal resection or surgery;',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).not.toContain('investigator_concern=true');
    // A named ability is not the study: not the catch-all.
    expect(attestationTopics(readRule('Any condition impairing the ability to swallow tablets', 'exclusion').condition)).not.toContain(
      'investigator_concern=true',
    );
  });
});

describe('a lack of social security cover said with "lack of" or "absence of"', () => {
  it('reads the lack once, not undone by its own negation trigger', () => {
    // NCT05232006 e8
    const r = readRule('Lack of affiliation to a social security benefit plan (as a beneficiary or assignee)', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual(['health_insurance=false']);
    expect(readRule('Absence of affiliation to a social security scheme', 'exclusion')).toEqual({
      condition: attest('health_insurance', false),
      unread: '',
    });
    // An inclusion stating the lack is no requirement to meet: left unread.
    expect(readRule('Lack of affiliation to a social security scheme', 'inclusion').condition).toBeNull();
  });
});

describe('unresolved toxicity of one kind among exclusions', () => {
  it('reads the lack of recovery with the kind kept as an unread leaf under all()', () => {
    // NCT06146257 e4
    const r = readRule(
      'Participants with unresolved clinically significant non-hematologic toxicities of ≥ Grade 2 AE from prior therapies with exception of residual alopecia.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [attest('toxicity_recovered', false), unparsed('non-hematologic toxicities')],
    });
    // NCT06413680 e5
    expect(readRule('Has ongoing immune-related AEs prior to initiation of study intervention, as defined in the protocol', 'exclusion')).toEqual({
      condition: { all: [attest('toxicity_recovered', false), unparsed('immune-related AEs')] },
      unread: '',
    });
  });

  it('leaves it unread where an "or" offers another alternative, and in inclusions', () => {
    // NCT05170204 e27: a resolved grade 3 event still excludes; the kind under all() would clear it.
    // (Its grade ≥3 irAE is read as that alternative alone, history-irae-alternatives.ts.)
    expect(
      attestationTopics(
        readRule(
          'Any prior Grade \\>/= 3 immune-mediated adverse event or any unresolved Grade \\> 1 immune-mediated adverse event while receiving any previous immunotherapy agent other than immune checkpoint blockade agents',
          'exclusion',
        ).condition,
      ).filter((t) => t.startsWith('toxicity_recovered')),
    ).toEqual([]);
    // NCT04897321 i24: recovery from non-hematologic toxicities only is narrower than the topic
    expect(
      attestationTopics(
        readRule('Has recovered from all NCI CTAE grade III-IV, non-hematologic acute toxicities from prior therapy', 'inclusion').condition,
      ),
    ).not.toContain('toxicity_recovered=true');
  });
});

describe('"cannot undergo / receive" a treatment, as "unable to"', () => {
  it('reads the care team finding the patient unfit for it', () => {
    // NCT05421650 e4, e5
    // The cause narrows the inability: it stays beside it under all().
    expect(readRule('Patients who cannot undergo surgery due to internal or surgical disease', 'exclusion')).toEqual({
      condition: { all: [attest('treatment_candidate', false), unparsed('due to internal or surgical disease')] },
      unread: '',
    });
    expect(attestationTopics(readRule('Patients who cannot receive chemotherapy due to internal or surgical disease', 'exclusion').condition)).toEqual([
      'treatment_candidate=false',
    ]);
    // NCT04861558 e2: read before as any(unfit, cause), which excluded every unfit patient
    expect(readRule('Unable to tolerate intensified HIPEC treatment due to comorbidity', 'exclusion').condition).toEqual({
      all: [attest('treatment_candidate', false), unparsed('due to comorbidity')],
    });
    expect(readRule('Patients who cannot undergo surgery', 'exclusion')).toEqual({
      condition: attest('treatment_candidate', false),
      unread: '',
    });
    // An inclusion naming the inability is no requirement to meet.
    expect(attestationTopics(readRule('Patients who cannot undergo surgery', 'inclusion').condition)).not.toContain('treatment_candidate=true');
  });
});
