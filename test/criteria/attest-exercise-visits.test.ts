/**
 * Attestations about doing what the study asks: the exercise an exercise study prescribes, coming to
 * the study site, the study's assessments and planned check-ups, what the patient reports (pain
 * scores, symptoms), tissue old or new named with its provision or availability, consent named by
 * its signing or as accepting random assignment; and ages written as "until 30" or "18 or the legal age of consent".
 * Real corpus lines with the rule they must get, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import type { CriterionKind } from '../../src/criteria/segment';
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);
const age = (operator: string, value: number): Condition => ({ fact: 'age', operator, value }) as Condition;

describe('the exercise an exercise study prescribes', () => {
  it('has a plain question in rules/attestations.json', () => {
    const topic = lexicons().attestations.topics.find((t) => t.id === 'exercise_possible');
    expect(topic?.question).toMatch(/exercise.*\?$/);
  });

  it('reads the ability or agreement to take part as exercise_possible = true', () => {
    for (const text of [
      'ability to participate in the exercise program',
      'Ability to tolerate the prescribed resistance exercise program',
      'Patients who have agreed to participate in the adapted sports module',
      'No physical impairment that would preclude participation in physical exercise.',
    ]) {
      expect(read(text)).toEqual({ condition: attest('exercise_possible', true), unread: '' });
    }
    expect(read('medical clearance for the exercise program and performance diagnostics')).toEqual({
      condition: attest('exercise_possible', true),
      unread: 'performance diagnostics',
    });
  });

  it('reads online access to the programme as two questions, both required', () => {
    expect(read('Able to access online exercise program at home')).toEqual({
      condition: { all: [attest('exercise_possible', true), attest('device_access', true)] },
      unread: '',
    });
  });

  it('reads a health problem that rules the exercise out as exercise_possible = false in an exclusion', () => {
    expect(
      read(
        'Has a medical condition preventing moderate-to-vigorous physical activity (MVPA) or a doctor recommendation to avoid MVPA',
        'exclusion',
      ),
    ).toEqual({ condition: attest('exercise_possible', false), unread: '' });
    // The cause stays unread: it is a qualifier the question does not hold.
    expect(read('Have any important orthopaedic disorder impeding exercise.', 'exclusion')).toEqual({
      condition: attest('exercise_possible', false),
      unread: 'important orthopaedic disorder impeding',
    });
    expect(topicsOf('Present a health status that forbids high intensity resistance training.', 'exclusion')).toEqual([
      'exercise_possible=false',
    ]);
    expect(
      topicsOf(
        'confirmation of contraindications for physical exercise by the attending physician (e.g. fracture risk in the case of bone metastases)',
        'exclusion',
      ),
    ).toEqual(['exercise_possible=false']);
  });

  it('reads conditions that would not allow the programme or the protocol as either question answered no', () => {
    expect(
      read(
        'physical or mental conditions that would not allow implementation of the exercise program or study protocol',
        'exclusion',
      ),
    ).toEqual({
      condition: { any: [attest('compliance', false), attest('exercise_possible', false)] },
      unread: '',
    });
  });

  it('does not read how much the patient exercises now, nor an exercise stress test', () => {
    expect(
      topicsOf(
        'Participating in ≥ 150 minutes of moderate-to-vigorous aerobic exercise per week over the past month.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'excessive physical activity (i.e. \\>150 minutes/week of moderate to intense physical activity and systematic intense strength/endurance training at least twice a week for one hour)',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patients who are over 40 years old or have had previous myocardial infarction greater than 6 months prior to study entry or have significant cardiac family history (CAD or serious arrhythmias) will be required to have a negative or low probability cardiac stress test (for example, thallium stress test, stress multigated acquisition scan (MUGA), stress echo or exercise stress test) for cardiac ischemia',
      ),
    ).toEqual([]);
  });
});

describe('coming to the study site', () => {
  it('reads visits to the study site or hospital as geographic_access', () => {
    expect(
      read(
        'During the whole period of the trial, I can regularly visit the enrolled research institutions for relevant testing, evaluation and management.',
      ),
    ).toEqual({ condition: attest('geographic_access', true), unread: 'relevant testing, evaluation and management' });
    expect(topicsOf('willingness to visit the study hospital for training sessions and examinations')).toEqual([
      'geographic_access=true',
    ]);
    expect(topicsOf('Willing to come to the UMCG for practical reasons (visiting the study site);')).toEqual([
      'geographic_access=true',
    ]);
  });
});

describe('assessments and check-ups the study asks for', () => {
  it('reads all the study assessments and assessments necessary for the study as compliance', () => {
    expect(read('Patients not willing to complete all the study assessments', 'exclusion')).toEqual({
      condition: attest('compliance', false),
      unread: '',
    });
    expect(read('Unwilling to undergo neuropsychological assessments necessary for the study.', 'exclusion')).toEqual({
      condition: attest('compliance', false),
      unread: 'neuropsychological',
    });
  });

  it('reads planned controls and planned regular follow-up as compliance', () => {
    expect(read('Willingness to participate in the planned controls and capable of handling toxicities.')).toEqual({
      condition: attest('compliance', true),
      unread: 'handling toxicities',
    });
    expect(
      topicsOf(
        'Are planning to undergo regular follow-up and monitoring for cancer recurrence per standard of care at the enrolling site AND',
      ),
    ).toEqual(['compliance=true', 'care_at_site=true']);
  });
});

describe('consent named by its signing or as accepting random assignment', () => {
  it('reads the signing of a consent form as the consent itself', () => {
    expect(
      topicsOf(
        '1\\. Voluntary signing of an informed consent form (for Human Leukocyte Antigen (HLA) typing and tumor gene mutation test, and main screening)',
      ),
    ).toEqual(['informed_consent=true']);
    expect(
      topicsOf(
        'Written IC for study participation must be signed and dated by the patient and the investigator prior to any study-related intervention.',
      ),
    ).toEqual(['informed_consent=true']);
  });

  it('keeps the signing of consent as a date when it is the time of an age', () => {
    const c = read(
      'Male or female adults (defined as ≥ 18 years of age or acceptable age according to local regulations at the time of voluntarily signing of informed consent).',
    ).condition;
    expect(attestationTopics(c)).toEqual([]);
  });

  it('reads unwillingness to accept random assignment as consent withheld', () => {
    expect(read('Unwilling to accept random assignment', 'exclusion')).toEqual({
      condition: attest('informed_consent', false),
      unread: '',
    });
  });
});

describe('ages written as an upper bound with until, or as 18 or the legal age', () => {
  it('reads "age until 30 years old" as age ≤ 30', () => {
    expect(read('age until 30 years old')).toEqual({ condition: age('lessThanInclusive', 30), unread: '' });
  });

  it('reads "must be 18 or the legal age of consent" as age ≥ 18 or the legal age, left unread', () => {
    const r = read(
      'Patients must be 18 or the legal age of consent in the jurisdiction in which the study is taking place, at the time of signing the informed consent form.',
    );
    expect(r).toEqual({
      // The legal age is another way in: a 17-year-old is unknown, not failed.
      condition: {
        any: [
          age('greaterThanInclusive', 18),
          {
            fact: 'unparsed',
            operator: 'equal',
            value: true,
            params: { text: 'the legal age of consent in the jurisdiction in which the study is taking place, at the time of signing the informed consent' },
          },
        ],
      },
      unread: 'legal age of consent in the jurisdiction … taking place … signing the informed consent',
    });
  });

  it('does not read a bare 18 as an age without a person or the legal age', () => {
    expect(read('Patients must be 18 years of age.').condition).toBeNull();
  });
});

describe('what the patient reports for the study', () => {
  it('reads the ability or willingness to report pain or symptoms as questionnaires', () => {
    expect(read('willingness to complete symptom screening.')).toEqual({
      condition: attest('questionnaires', true),
      unread: '',
    });
    expect(read('Is able to provide worst pain score at bony metastatic site(s).')).toEqual({
      condition: attest('questionnaires', true),
      unread: 'bony metastatic',
    });
  });

  it('does not read a pain score limit or a self-reported history as questionnaires', () => {
    expect(topicsOf('Pain score of 4 or more', 'exclusion')).toEqual([]);
    expect(topicsOf('Self-reported history of hepatitis', 'exclusion')).toEqual([]);
    // The willingness itself is study_activity's question (attest-study-rules.test.ts).
    expect(
      topicsOf('Self-reported willingness to eat the provided foods (with some tailoring to their food preferences)'),
    ).not.toContain('questionnaires=true');
  });
});

describe('tissue for the study, old or new', () => {
  it('reads archival tumour named as available or provided as tissue_available', () => {
    expect(read('The patient must have sufficient archival tumor available for sequencing.')).toEqual({
      condition: attest('tissue_available', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Be able to provide a core or excisional lymph node biopsy for biomarker analysis from an archival or newly obtained biopsy at Screening. In addition, participants may provide additional biopsy at Week 18 and at the time of discontinuation due to progression',
      ),
    ).toEqual(['tissue_available=true']);
  });

  it('reads no available biological material as tissue_available = false in an exclusion', () => {
    expect(read('No available biological material', 'exclusion')).toEqual({
      condition: attest('tissue_available', false),
      unread: '',
    });
  });

  it('does not read a tissue test of the tumour as tissue availability', () => {
    expect(
      topicsOf(
        'Tumor demonstrates CSPG4 and/or GD2 expression in archival or fresh tissue by central testing (suggested positivity threshold: at least 25% viable tumor cells by IHC or equivalent validated assay).',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patient must have immunohistochemically documented NY-ESO-1 expression, defined as ≥ 1+ expression on either archival or fresh tumor tissue by immunohistochemistry, in ≥50% of the sampled tumor tissue AND HLA-A\\*0201 and/or HLA-A\\*0205 positive, as identified by high-resolution genomic deoxyribonucleic acid (DNA) typing of the HLA-A locus.',
      ),
    ).toEqual([]);
  });
});

describe('where or by whom the patient is cared for', () => {
  it('has a plain question in rules/attestations.json', () => {
    const topic = lexicons().attestations.topics.find((t) => t.id === 'care_at_site');
    expect(topic?.question).toMatch(/\?$/);
  });

  it('reads care at the named institutions, a referral to the study centres and a scheduled appointment as care_at_site', () => {
    expect(read('Followed for cancer or survivorship care at one of the following institutions:')).toEqual({
      condition: attest('care_at_site', true),
      unread: '',
    });
    expect(
      read(
        'Patients aged one year and over who are referred to the centres involved in the protocol (Azienda Ospedaliero-Universitaria di Parma, University of Parma, University of Perugia and Azienda Ospedali Riuniti Villa Sofia-Cervello of Palermo).',
      ),
    ).toEqual({ condition: { all: [attest('care_at_site', true), age('greaterThanInclusive', 1)] }, unread: '' });
    expect(
      topicsOf(
        'A scheduled new or return (non-urgent/sick) primary care visit at one of the study practices (Penn Trial) or with one of the study primary care providers (UH Trial)',
      ),
    ).toEqual(['care_at_site=true']);
  });

  it("reads the care of the study's own investigator as what excludes", () => {
    expect(
      read(
        'Are under the current medical care of either the study primary investigator (PI) or co-investigator (Co-I)',
        'exclusion',
      ),
    ).toEqual({ condition: attest('care_at_site', true), unread: '' });
  });

  it('does not read an exception for patients treated at a participating centre, nor earlier treatment there', () => {
    expect(
      topicsOf(
        'The only exception is for patients who are being treated at a participating center with neoadjuvant therapy for 1 cLN, and who otherwise meet criteria for enrollment.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(topicsOf('Patients treated at the study site within 5 years', 'exclusion')).toEqual([]);
  });
});

describe('all races and genders eligible', () => {
  it('reads the gender named among all races and ethnic groups as any sex, the ethnic groups left unread', () => {
    expect(read('All races, gender and ethnic groups are eligible for this study.')).toEqual({
      condition: { fact: 'sex', operator: 'in', value: ['female', 'male', 'other'] },
      unread: 'ethnic groups',
    });
  });

  it('does not read such a statement among exclusions, where it would exclude everybody', () => {
    expect(
      read('Both men and women, and members of all races and ethnic groups, are eligible for this trial.', 'exclusion')
        .condition,
    ).toBeNull();
  });
});

describe('new tissue taken for the study', () => {
  it('reads an agreement to bone marrow aspirates or biopsies as biopsy_consent', () => {
    expect(read('The subject must also agree to pretreatment and on-treatment bone marrow aspirates.')).toEqual({
      condition: attest('biopsy_consent', true),
      unread: '',
    });
    expect(read('Unwilling to undergo bone marrow biopsy', 'exclusion')).toEqual({
      condition: attest('biopsy_consent', false),
      unread: '',
    });
  });

  it('does not read tissue left over from an operation, fresh tissue offered beside archival tissue, or a diagnosis by marrow biopsy', () => {
    expect(
      topicsOf(
        'Willing to donate a section fresh tumour tissue from surgery, a TURBT, fluid aspirate, or biopsy surplus to diagnostic use',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Subjects agree to provide fresh tumor tissue that has not been previously irradiated. If biopsy procedure is not safe to perform, then archival tumor tissue (20 slides or a tissue block) can be submitted.',
      ),
    ).toEqual([]);
    expect(topicsOf('Diagnosis confirmed by bone marrow biopsy')).toEqual([]);
  });

  it('reads tissue the patient provides as tissue_available, the preferred site left unread', () => {
    expect(
      topicsOf(
        'Provides tumor tissue (preferably from a metastatic site and, if not available, from the primary tumor) that is suitable for next generation sequencing and biomarker analysis as required for this study.',
      ),
    ).toEqual(['tissue_available=true']);
  });
});
