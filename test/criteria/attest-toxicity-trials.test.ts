/**
 * Recovery from the toxicity of earlier treatment (to grade 1 or baseline, or to grade 2, its own
 * question) and participation in another trial, as attestations. Real corpus lines; each reading
 * must say what the line asks and no more, and a narrower or other question stays unread.
 */
import { attest, attestationTopics, readRule, unparsed } from '../support/criteria';
import { lexicons } from '../../src/criteria/lexicon';

describe('toxicity recovered to grade 1 or baseline', () => {
  it('reads the effects of prior treatment named by their course', () => {
    expect(
      readRule(
        'Failure to fully recover from acute, reversible effects of prior chemotherapy regardless of interval since last treatment',
        'exclusion',
      ),
    ).toEqual({ condition: attest('toxicity_recovered', false), unread: '' });
    expect(
      readRule(
        'Acute, reversible effect(s) of prior therapy not recovered to baseline regardless of interval since last treatment',
        'exclusion',
      ),
    ).toEqual({ condition: attest('toxicity_recovered', false), unread: '' });
    expect(
      readRule('Resolved acute effects of any prior therapy to baseline severity or CTCAE Grade ≤ 1', 'inclusion'),
    ).toEqual({
      condition: attest('toxicity_recovered', true),
      unread: '',
    });
  });

  it('reads "failed to recover from effects of prior …", "toxic reactions … not recovered" and "did not return to"', () => {
    expect(
      readRule(
        'Failed to recover from effects of prior anticancer treatment therapy to baseline or Grade ≤ 1 severity (per CTCAE)',
        'exclusion',
      ),
    ).toEqual({ condition: attest('toxicity_recovered', false), unread: '' });
    expect(
      readRule('The toxic reactions of previous anti-tumor treatment have not been recovered;', 'exclusion'),
    ).toEqual({
      condition: attest('toxicity_recovered', false),
      unread: '',
    });
    const r = readRule(
      'Previous anti-tumor treatment AE did not return to CTCAE5.0 version grade 1 or below (toxicity considered by the investigator as non-safety concerns like alopecia excluded);',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['toxicity_recovered=false']);
    // The investigator's exception stays with the coordinator.
    expect(r.unread).toContain('non-safety concerns');
  });

  it('keeps "< grade 2" as the grade-1 question', () => {
    expect(
      attestationTopics(
        readRule(
          'Continuance of toxicities due to prior radiotherapy or chemotherapy agents that do not recover to \\< Grade 2.',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['toxicity_recovered=false']);
  });
});

describe('toxicity recovered to grade 2', () => {
  it('has its own question', () => {
    const topic = lexicons().attestations.topics.find((t) => t.id === 'toxicity_recovered_grade2');
    expect(topic?.question).toMatch(/grade 2/);
  });

  it('reads a ceiling of grade 2', () => {
    expect(readRule('Resolution of all prior anti-cancer therapy toxicities ≤ Grade 2', 'inclusion')).toEqual({
      condition: attest('toxicity_recovered_grade2', true),
      unread: '',
    });
    expect(
      readRule(
        'Patients must have recovered from clinical toxicities (resolution of CTCAE (v5) toxicity to a value of ≤ 2).',
        'inclusion',
      ),
    ).toEqual({ condition: attest('toxicity_recovered_grade2', true), unread: '' });
  });

  it('leaves a floor of grade 3 unread, never as the grade-1 question', () => {
    for (const text of [
      'Residual toxicity from prior anticancer therapy of grade 3 or greater (CTCAE v5.0), with the exception of alopecia.',
      'Any Grade \\> 2 unresolved toxicity from prior cCRT or sCRT',
    ])
      expect(attestationTopics(readRule(text, 'exclusion').condition).filter((t) => t.startsWith('toxicity'))).toEqual(
        [],
      );
  });

  it('never reads a grade-2 criterion as the grade-1 question, nor the other way round', () => {
    expect(
      attestationTopics(
        readRule(
          'Toxicity from prior therapy must be recovered to National Cancer Institute (NCI) Common Terminology Criteria for Adverse Events (CTCAE) version (v.)5 grade 2 or less',
          'inclusion',
        ).condition,
      ),
    ).toEqual(['toxicity_recovered_grade2=true']);
    // A grade-2 ceiling inside the exception leaves the grade-1 question.
    expect(
      attestationTopics(
        readRule(
          'Presence of unresolved adverse events of grade 2 or higher toxicity, according to CTCAE v5.0 criteria, from prior therapy (except for alopecia or neurotoxicity grade≤2).',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['toxicity_recovered=false']);
  });
});

describe('toxicity questions left unread', () => {
  it('leaves toxicities of one kind to the coordinator', () => {
    // Among exclusions the lack of recovery is necessary, so it is read with the kind beside it as an
    // unread leaf under all(): a patient who has recovered is cleared, every other one is unknown.
    for (const [text, kindWords] of [
      [
        'Participants with unresolved clinically significant non-hematologic toxicities of ≥ Grade 2 AE from prior therapies with exception of residual alopecia.',
        'non-hematologic toxicities',
      ],
      [
        'Residual immune-related toxicities from prior immunotherapy \\> Grade 1 severity. However, patients who experienced prior endocrine toxicity are eligible if well-controlled on replacement therapy.',
        'immune-related toxicities',
      ],
    ] as const)
      expect(JSON.stringify(readRule(text, 'exclusion').condition)).toContain(
        JSON.stringify({ all: [attest('toxicity_recovered', false), unparsed(kindWords)] }),
      );
    // Among inclusions the narrower requirement read as the topic would fail patients the text admits.
    expect(
      attestationTopics(
        readRule(
          'There is no limit to the number of prior treatment regimens. Any grade 3 or 4 non-hematologic toxicity of any previous therapy must be resolved to grade 2 or less.',
          'inclusion',
        ).condition,
      ).filter((t) => t.startsWith('toxicity')),
    ).toEqual([]);
  });

  it('leaves a grade-3 floor of another event, and recovery from a surgery, unread', () => {
    expect(
      attestationTopics(
        readRule(
          'Had any immune-related side effect or allergic reaction (Grade 3 or higher) from a previous immunotherapy medicine, or any immune-related side effect greater than Grade 1 that has not resolved.',
          'exclusion',
        ).condition,
      ).filter((t) => t.startsWith('toxicity')),
    ).toEqual([]);
    for (const [text, kind] of [
      [
        'Participants who received major surgery prior to trial start must have recovered adequately from the toxicity and/or complications from the intervention prior to starting trial treatment.',
        'inclusion',
      ],
      [
        'Patients must be recovered from both acute and late effects of any prior surgery, radiotherapy or other antineoplastic therapy',
        'inclusion',
      ],
      ['no recovery from previous surgery or treatment-related adverse events to ≤ grade 2 CTCAE;', 'exclusion'],
    ] as const)
      expect(attestationTopics(readRule(text, kind).condition).filter((t) => t.startsWith('toxicity'))).toEqual([]);
  });

  it('still reads the toxicity sentence of a criterion whose note is about surgery', () => {
    expect(
      attestationTopics(
        readRule(
          'Any unresolved \\> Grade 1 toxicity (per CTCAE v5.0) from previous anticancer therapy or previously administered agent at the time of enrollment, except for alopecia and Grade 2 anemia (if hemoglobin is \\> 9 g/dL). Note: If the patient received major surgery, he/she must have recovered adequately from the toxicity and/or complications from the intervention prior to starting study treatment.',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['toxicity_recovered=false']);
  });
});

describe('another trial', () => {
  it('reads a trial named by what it tests', () => {
    expect(
      readRule(
        'Patients who are participating or are participating in clinical studies of other drugs or treatments, within 4 weeks before enrollment (prior to randomization);',
        'exclusion',
      ),
    ).toEqual({ condition: attest('other_trial', true), unread: '' });
    expect(
      attestationTopics(
        readRule(
          'Patients participated in clinical trials of equipment or drugs (signed informed consent) within 4 weeks;',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['other_trial=true']);
  });

  it('reads the investigational agent or device and the window with the trial', () => {
    expect(
      readRule(
        'Currently participating and receiving study therapy in, or has participated in a study of an investigational agent and received study therapy or used an investigational device within 4 weeks of the date of allocation/randomization',
        'exclusion',
      ),
    ).toEqual({ condition: attest('other_trial', true), unread: '' });
    expect(readRule('Participation in another interventional study at the same time;', 'exclusion')).toEqual({
      condition: attest('other_trial', true),
      unread: '',
    });
  });

  it('reads an interventional trial as the trial alone: a device trial excludes too (NCT07260591, NCT07586904)', () => {
    // Read also as an investigational drug, all(trial, drug) let a device-trial participant in.
    expect(readRule('Participation in another interventional clinical trial within 4 weeks.', 'exclusion')).toEqual({
      condition: attest('other_trial', true),
      unread: '',
    });
    const r = readRule(
      'The patient is currently participating, or has participated within 4 weeks prior to the first dose of the study drug, in another interventional clinical trial of drugs or medical devices.',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('other_trial', true));
    expect(r.unread).toBe('medical devices');
  });

  it('parts a trial and an agent the clause after "or" names, although the trial reading spans both (NCT05877430)', () => {
    expect(
      readRule('Concurrent participation in another interventional clinical study or use of another investigational agent within 30 days of study consent', 'exclusion').condition,
    ).toEqual({
      any: [attest('other_trial', true), { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['investigational'], withinDays: 30 } }],
    });
  });

  it('leaves a narrowing clause unread, and willingness to join a study is not another trial', () => {
    const r = readRule(
      'Volunteers participating in another interventional study in the past 30 days which might conflict with the endpoints of this study or the evaluation of response or toxicity of DaRT.',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['other_trial=true']);
    expect(r.unread).toContain('might conflict with the endpoints');
    expect(
      attestationTopics(
        readRule('Willing to participate in clinical studies of the study drug', 'inclusion').condition,
      ),
    ).toEqual([]);
  });
});

describe('a floor of grade 3 on an unresolved toxicity', () => {
  it('asks no grade-1 recovery of "unresolved toxicity CTCAE > Grade 2" (NCT05211895): a grade-2 leftover is allowed', () => {
    const r = readRule('Any unresolved toxicity CTCAE \\>Grade 2 from the prior chemoradiation therapy (excluding alopecia).', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual([]);
    // "≥ Grade 2" is still the grade-1 question.
    expect(attestationTopics(readRule('Unresolved toxicities from prior therapy \\>= Grade 2', 'exclusion').condition)).toEqual(['toxicity_recovered=false']);
  });
});

describe('a toxicity put down to one named drug', () => {
  it('is not recovery from every earlier treatment: "toxicity due to tebentafusp" (NCT07203391)', () => {
    const r = readRule('Ongoing Grade 2 or greater treatment related toxicity due to tebentafusp', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual([]);
  });
});
