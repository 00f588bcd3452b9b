/**
 * Functional status outside the ECOG and Karnofsky numbers: self-care in the words of ECOG grade 4,
 * help with the activities of daily living (adequate_performance_status), the anaesthetists' ASA
 * physical status class (asa_physical_status), and no standard treatment left (no_standard_option).
 * Real corpus lines with the rule they must get, and lines that must not get it.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('the topics read here have their questions', () => {
  it('lists asa_physical_status and no_standard_option with a plain question', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of ['asa_physical_status', 'no_standard_option']) expect(topics.get(id)).toMatch(/\?$/);
  });
});

describe('self-care and the activities of daily living', () => {
  it('reads an exclusion of the patient who cannot care for themselves or is bedridden as ECOG grade 4', () => {
    expect(readRule('Bedridden', 'exclusion')).toEqual({
      condition: { fact: 'ecog', operator: 'greaterThanInclusive', value: 4 },
      unread: '',
    });
    expect(
      readRule('Unable to self-care, had a history of psychological disorders, or unable to communicate', 'exclusion'),
    ).toEqual({
      condition: { fact: 'ecog', operator: 'greaterThanInclusive', value: 4 },
      unread: 'psychological disorders … communicate',
    });
  });

  it('reads help with, or ability to do, the activities of daily living as the study team’s question', () => {
    expect(readRule('Patients requiring 24/7 assistance with activities of daily living (ADLs)', 'exclusion')).toEqual({
      condition: attest('adequate_performance_status', false),
      unread: '',
    });
    expect(readRule('Able to perform basic activities of daily living', 'inclusion')).toEqual({
      condition: attest('adequate_performance_status', true),
      unread: '',
    });
  });

  it('does not read a disease that limits daily living as the patient’s performance status', () => {
    expect(
      attestationTopics(
        readRule(
          'Symptomatic neurologic disease compromising normal activities of daily living or requiring medications.',
          'exclusion',
        ).condition,
      ),
    ).toEqual([]);
  });
});

describe('ASA physical status (asa_physical_status)', () => {
  it('reads the class range in an inclusion and in an exclusion', () => {
    expect(readRule('ASA Class I to III', 'inclusion')).toEqual({
      condition: attest('asa_physical_status', true),
      unread: '',
    });
    expect(readRule('American Society of Anesthesiologists (ASA) class 4 and above', 'exclusion')).toEqual({
      condition: attest('asa_physical_status', true),
      unread: '',
    });
    expect(readRule('Physical status ASA I, II, III.', 'inclusion').condition).toEqual(
      attest('asa_physical_status', true),
    );
  });

  it('does not read an ASA class as an ECOG grade', () => {
    expect(readRule('ASA (American Society of Anaesthesiology) physical status 1-3', 'inclusion')).toEqual({
      condition: attest('asa_physical_status', true),
      unread: '',
    });
    const c = readRule(
      'Cancer cervix other than the stages mentioned in inclusion criteria ASA PS >3',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('"ecog"');
    expect(attestationTopics(c)).toEqual(['asa_physical_status=true']);
  });

  it('leaves ASA the drug (aspirin) alone', () => {
    expect(
      attestationTopics(
        readRule(
          "Patients on COX 1 or 2 prostaglandin inhibitors (e.g. ASA, other NSAID's, Celcbrex®, Vioxx® ) who can not comply with guidelines or concomitant therapy.",
          'exclusion',
        ).condition,
      ),
    ).not.toContain('asa_physical_status=true');
  });
});

describe('no standard treatment left (no_standard_option)', () => {
  it('reads the statement when it is the requirement itself', () => {
    expect(
      readRule(
        'Standard curative measures do not exist, and patient must have exhausted all effective therapies, available locally.',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('no_standard_option', true),
      unread: 'exhausted all effective therapies, available locally',
    });
    expect(
      readRule(
        'Histologically confirmed cancer with evidence of advanced disease for which no other standard treatment is available',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['ANY_CANCER'] } },
          { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'advanced' } },
          attest('no_standard_option', true),
        ],
      },
      unread: '',
    });
  });

  it('leaves it unread beside a route no statement reads', () => {
    for (const line of [
      'Patients with no curative treatment options available including surgery and/or definitive radiation or patients in which these modalities are associated with significant morbidity',
      'Patients must have histologically documented (confirmed at the Laboratory of Pathology, NCI) solid tumor malignancy that is metastatic or unresectable, for which standard curative measures do not exist or are no longer effective.',
    ])
      expect(attestationTopics(readRule(line, 'inclusion').condition)).not.toContain('no_standard_option=true');
  });

  it('does not read "no prior standard therapy" (a treatment history)', () => {
    expect(
      attestationTopics(readRule('No prior standard therapy for metastatic disease', 'inclusion').condition),
    ).toEqual([]);
  });
});

describe('everyday activities in plain words', () => {
  it('reads "healthy enough to do their normal activities" as the study team’s performance question', () => {
    expect(
      readRule(
        'Participants must be Healthy enough to do their normal activities with little or no help based on the ECOG performance scale.',
        'inclusion',
      ),
    ).toEqual({
      condition: attest('adequate_performance_status', true),
      unread: 'little or no help … ECOG performance scale',
    });
  });
});
