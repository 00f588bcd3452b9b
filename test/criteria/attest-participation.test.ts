/**
 * Attestations about taking part: the patient's refusal or objection, where the patient lives, a
 * linked or earlier study, hospice care, consent to the use of data and to genetic tests, and
 * follow-up the patient can or cannot keep. Real corpus lines with the rule they must get, and lines
 * that must not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);

describe('every topic read here has its question', () => {
  it('lists the new topics with a plain question in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of [
      'residence',
      'parent_study',
      'enrolled_before',
      'hospice_or_nursing_home',
      'data_use_consent',
      'genetic_testing_consent',
    ]) {
      expect(topics.get(id)).toMatch(/\?$/);
    }
  });
});

describe('refusal of or objection to the study', () => {
  it('reads a whole-sentence patient refusal or opposition as consent withheld', () => {
    for (const text of ['Patient refusal', 'Refusal by patient', 'Patient refusal.', 'Opposed to this study']) {
      expect(read(text, 'exclusion')).toEqual({ condition: attest('informed_consent', false), unread: '' });
    }
    expect(read('refusal to participate after a reflection period', 'exclusion').condition).toEqual(
      attest('informed_consent', false),
    );
  });

  it('reads non-opposition, reconsent and the information sheet read as consent given', () => {
    expect(read('Reconsent given').condition).toEqual(attest('informed_consent', true));
    expect(read('Has read the information sheet regarding this study')).toEqual({
      condition: attest('informed_consent', true),
      unread: '',
    });
    expect(
      read('Patient who has read and understood the information letter and does not object to participating in the study')
        .condition,
    ).toEqual(attest('informed_consent', true));
    expect(read('Signed statement of consent after receiving oral and written study information.')).toEqual({
      condition: attest('informed_consent', true),
      unread: '',
    });
    expect(read('Patients must have the ability to understand and willingness to provide verbal consent.').condition).toEqual(
      attest('informed_consent', true),
    );
  });

  it('reads an unsigned consent as both consents withheld', () => {
    expect(
      read('unsigned consent to participate in the project and consent to the processing of personal data', 'exclusion')
        .condition,
    ).toEqual({ any: [attest('informed_consent', false), attest('data_use_consent', false)] });
  });

  it('does not read a refusal of something else as a refusal of the study', () => {
    expect(topicsOf('Treatment-naïve patients will be eligible only if they refused standard treatment.')).toEqual([]);
    expect(topicsOf('Patients who refuse standard of care chemotherapy will be eligible')).toEqual([]);
  });
});

describe('where the patient lives', () => {
  it('reads a country, state or serviced area as residence, the place covered', () => {
    expect(read('Live in United States, a US territory, or Canada')).toEqual({
      condition: attest('residence', true),
      unread: '',
    });
    expect(read('Living in the United States at time of enrollment')).toEqual({
      condition: attest('residence', true),
      unread: '',
    });
    expect(read('Residing within the area serviced by supplier and paramedic network').condition).toEqual(
      attest('residence', true),
    );
    expect(read('3\\) Does not live within the state of Florida.', 'exclusion').condition).toEqual(
      attest('residence', false),
    );
  });

  it('does not require residence when living there is one way in of several', () => {
    expect(
      topicsOf(
        'Live in rural communities and/or participate in sports leagues serving rural communities in Utah or West Virginia (≥4 as defined by the RUCA or RUCC systems).',
      ),
    ).toEqual([]);
    expect(topicsOf('Participants living with HIV.', 'exclusion')).toEqual([]);
  });
});

describe('linked and earlier studies, hospice care', () => {
  it('reads a study named by its identifier or as the parent study as the linked study', () => {
    expect(read('Inclusion in MELANFα trial (NCT03348891)')).toEqual({ condition: attest('parent_study', true), unread: '' });
    expect(read('Patients must be co-enrolled in protocol 03-C-0277.')).toEqual({
      condition: attest('parent_study', true),
      unread: '',
    });
    expect(read('Have enrolled in the Aura-sponsored clinical trial AU-011-301.').condition).toEqual(
      attest('parent_study', true),
    );
    expect(read('Prior participation in the GO42784 primary study', 'exclusion').condition).toEqual(
      attest('parent_study', true),
    );
  });

  it('does not read this trial’s own enrolment, another trial, or an event in the parent study', () => {
    expect(
      topicsOf(
        'Patients who received target therapy and stopped treatment \\> 3 months prior to their inclusion in NEO-1 trial are eligible.',
      ),
    ).toEqual([]);
    expect(
      topicsOf('Patient has been previously permanently discontinued from study treatment in the parent protocol.', 'exclusion'),
    ).toEqual([]);
  });

  it('reads an earlier enrolment in this same study', () => {
    expect(read('Previous enrolment and randomization in the same study.', 'exclusion')).toEqual({
      condition: attest('enrolled_before', true),
      unread: '',
    });
    expect(read('Previously enrolled in this study.', 'exclusion').condition).toEqual(attest('enrolled_before', true));
  });

  it('reads hospice care and a nursing home as what excludes, and their absence as what an inclusion asks', () => {
    expect(read('Hospice enrollment', 'exclusion').condition).toEqual(attest('hospice_or_nursing_home', true));
    expect(read('Nursing home resident', 'exclusion').condition).toEqual(attest('hospice_or_nursing_home', true));
    expect(
      topicsOf(
        "In the treating provider's opinion, the participant should have a life expectancy of \\>=6 months. Participants in hospice are not eligible.",
      ),
    ).toEqual(['hospice_or_nursing_home=false']);
  });
});

describe('consent to the use of data and to genetic tests', () => {
  it('reads HIPAA authorization and data sharing as data-use consent', () => {
    expect(read('Ability to provide written informed consent and HIPAA authorization')).toEqual({
      condition: { all: [attest('informed_consent', true), attest('data_use_consent', true)] },
      unread: '',
    });
    expect(read('Participating patients must agree to share their anonymized clinical and genomic data').condition).toEqual(
      attest('data_use_consent', true),
    );
  });

  it('reads consent to the study’s genetic tests, not a genetic test already done', () => {
    expect(
      read('Patient does not consent to constitutional genetic analysis for diagnostic purposes', 'exclusion').condition,
    ).toEqual(attest('genetic_testing_consent', false));
    expect(read('Agree to participate in genomic and molecular profiling').condition).toEqual(
      attest('genetic_testing_consent', true),
    );
    expect(topicsOf('Prior germline genetic testing', 'exclusion')).toEqual([]);
  });
});

describe('follow-up and study visits', () => {
  it('reads follow-up that is unavailable or impossible as compliance lacking', () => {
    for (const text of [
      'Patients whose follow-up is not available',
      'Condition making 6-month follow-up impossible',
      'Patients whose circumstances will not permit study completion or adequate follow up.',
      'Patient compliance and geographic proximity that do not allow adequate follow-up;',
    ]) {
      expect(read(text, 'exclusion')).toEqual({ condition: attest('compliance', false), unread: '' });
    }
  });

  it('reads a disorder that would interfere with cooperation as compliance lacking, not the investigator’s catch-all twice', () => {
    expect(
      topicsOf(
        "Known psychiatric or substance use disorder that would interfere with the participant's ability to cooperate with the requirements of the study.",
        'exclusion',
      ),
    ).toEqual(['compliance=false']);
    expect(
      topicsOf('The patient has a known psychiatric or substance use disorder that would interfere with cooperation with trial requirements.', 'exclusion'),
    ).toEqual(['compliance=false']);
    expect(topicsOf("Medical conditions that may interfere with the subject's participation in the study.", 'exclusion')).toEqual([
      'investigator_concern=true',
    ]);
  });

  it('reads visits and follow-up the patient can complete as compliance', () => {
    expect(read('Adequate stamina to complete at least two study visits').condition).toEqual(attest('compliance', true));
    expect(
      read(
        'Patients must have the psychological ability and general health that permits completion of the study requirements and required follow up',
      ).condition,
    ).toEqual(attest('compliance', true));
  });

  it('reads a questionnaire the patient fills in, not one named as where data come from', () => {
    expect(read('Willing to complete an online or paper survey')).toEqual({
      condition: attest('questionnaires', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Participant must reside in the United States, officially determined per patient report on Self-reported Screening Survey',
      ),
    ).toEqual(['residence=true']);
  });
});
