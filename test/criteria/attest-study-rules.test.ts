/**
 * Attestations about keeping to the study's rules: other medicines, foods and habits the patient
 * agrees to stop, avoid or take (medication_rules), an activity the patient is willing to do that no
 * other question names (study_activity), a planned move away from the site, the capacity to decide
 * on taking part, and conditions that keep the patient from the study's assessments. Real corpus
 * lines with the rule they must get, and lines that must not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);

describe('every topic read here has its question', () => {
  it('lists medication_rules and study_activity with a plain question in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of ['medication_rules', 'study_activity']) expect(topics.get(id)).toMatch(/\?$/);
  });
});

describe("the study's rules on other medicines, foods and habits (medication_rules)", () => {
  it('reads an exclusion of the patient who will not stop or avoid what the study forbids', () => {
    expect(
      read(
        'Unable or unwilling to discontinue use of prohibited medications for at least 14 days or five half-lives of a drug (whichever is longer) prior to the first dose of study drug and for the duration of the study.',
        'exclusion',
      ).condition,
    ).toEqual(attest('medication_rules', false));
    expect(
      read(
        'Unable or unwilling to discontinue use of any drug known to be a sensitive CYP3A4 substrate with a narrow therapeutic index as defined in the protocol.',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('medication_rules', false),
      unread: 'sensitive CYP3A4 substrate with a narrow therapeutic index',
    });
    expect(
      read(
        'Not willing to avoid grapefruit, grapefruit juices, grapefruit hybrids, oranges, pummelos, and exotic citrus fruits from 7 days prior to day -6 of ulixertinib and during the entire study due to potential CYP3A4 interaction with the study medications.',
        'exclusion',
      ).condition,
    ).toEqual(attest('medication_rules', false));
    expect(read('On tizanidine or theophylline and unable to stop these medication', 'exclusion')).toEqual({
      condition: attest('medication_rules', false),
      unread: 'tizanidine or theophylline',
    });
  });

  it('reads a must-avoid restated among exclusions as its refusal', () => {
    expect(
      read(
        'Participants must avoid consumption of grapefruit, Seville oranges, or products containing the juice of each during the entire study and 7 days before the first dose of study treatment, due to potential CYP3A4 interaction with the study treatment.',
        'exclusion',
      ).condition,
    ).toEqual(attest('medication_rules', false));
  });

  it('reads an agreement not to take, or to refrain from, what the study forbids', () => {
    expect(
      read('Agrees not to commence any new psychiatric medications or psychotherapies from Screening to Week 10.'),
    ).toEqual({
      condition: attest('medication_rules', true),
      unread: 'psychotherapies',
    });
    expect(
      read('Must be willing and able to refrain from smoking throughout the duration of the dosing session.'),
    ).toEqual({
      condition: attest('medication_rules', true),
      unread: '',
    });
    expect(
      read(
        'Willing and able to withhold anti-PD-1 treatment from the time of enrollment through ~6 weeks after the first DOC1021 administration',
      ).condition,
    ).toEqual(attest('medication_rules', true));
  });

  it('reads medicines the patient cannot be taken off, but not one the doctor judges cannot safely be withheld', () => {
    expect(
      read(
        'Patients that cannot be taken off medications that are potent inhibitors of cytochrome (CYP) 3a4/A5 (CYP3a4/A5) and CYP2C9.',
        'exclusion',
      ).condition,
    ).toEqual(attest('medication_rules', false));
    expect(
      topicsOf(
        'Any concomitant medical condition requiring receipt of a therapeutic anticoagulant that, in the opinion of the treating physician, cannot safely be withheld to allow for repeated injection of PeptiCRAd 1 and tumor biopsies.',
        'exclusion',
      ),
    ).not.toContain('medication_rules=false');
  });

  it('reads the supplements or vaccination the study requires', () => {
    expect(read('Is unable or unwilling to take folic acid or vitamin B12 supplementation.', 'exclusion')).toEqual({
      condition: attest('medication_rules', false),
      unread: 'B12',
    });
    expect(
      read('Willing to receive tetanus vaccination if subject has not had one =< 1 year prior to pre-registration')
        .condition,
    ).toEqual(attest('medication_rules', true));
  });

  it('leaves contraception, nursing and live vaccines to their own questions', () => {
    expect(
      topicsOf(
        'For men: agreement to remain abstinent (refrain from heterosexual intercourse) or use contraceptive methods, and agreement to refrain from donating sperm.',
      ),
    ).toEqual(['contraception=true']);
    expect(
      topicsOf(
        'Nursing participants must be willing to discontinue nursing from study treatment initiation through 5 months after atezolizumab treatment discontinuation.',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patients must agree not to receive any live, attenuated influenza vaccine (e.g., FluMist) within 28 days prior to receiving study treatment, during treatment or within 5 months following the last dose of atezolizumab',
        'exclusion',
      ),
    ).not.toContain('medication_rules=false');
  });

  it('does not read a rule for one cohort as everyone’s', () => {
    expect(
      topicsOf(
        'Having received ADT and enzalutamide or abiraterone for ≥4 months, with suboptimal PSA response.\n\n28. Additional inclusion criteria for DDI cohort: has a study treatment expectancy of >= 2.5 months. Able to withhold CYP3A/P-gp/OATP1B inhibitors or substrates or CYP3A inducers as concomitant treatments for certain period.',
      ),
    ).toEqual([]);
  });
});

describe('an activity the patient is willing to do (study_activity)', () => {
  it('reads a willingness stated alone, the activity left in the criterion', () => {
    expect(
      read('Patient willing to undergo mastectomy or breast-conserving surgery after neoadjuvant therapy'),
    ).toEqual({
      condition: attest('study_activity', true),
      unread: 'mastectomy or breast-conserving … neoadjuvant',
    });
    expect(read('Is willing to use the UV device and Actigraph during waking hours').condition).toEqual(
      attest('study_activity', true),
    );
    expect(read('Patient desire to undergo breast surgery').condition).toEqual(attest('study_activity', true));
    expect(
      read('Unwilling to be audio-recorded during facilitated study visits and feedback interview.', 'exclusion')
        .condition,
    ).toEqual(attest('study_activity', false));
    expect(
      read('Patients unwilling or unable to undergo dialysis in the event of allograft failure', 'exclusion').condition,
    ).toEqual(attest('study_activity', false));
  });

  it('gives way to a named question and to any other requirement in the criterion', () => {
    expect(topicsOf('Willing and able to comply with the study visits and procedures')).toEqual(['compliance=true']);
    expect(
      topicsOf('Subjects agree to provide fresh tumor tissue that has not been previously irradiated.'),
    ).not.toContain('study_activity=true');
    expect(
      topicsOf(
        'For pre/perimenopausal women and for men: willing to undergo and maintain treatment with approved LHRH agonist therapy (as per local guidelines) for the duration of study treatment',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Histologically or cytologically confirmed diagnosis of metastatic or locally advanced breast cancer Adult females, pre- and/or post-menopausal, and adult males. Pre-menopausal (and peri-menopausal) women can be enrolled if amenable to treatment with an LHRH agonist. Patients are to have commenced concomitant treatment with LHRH agonist prior to or on Cycle 1, Day 1 and must be willing to continue on it for the duration of the study.',
      ),
    ).toEqual([]);
    expect(topicsOf("Eligible for and willing to receive 1 or more of the physician's choice (PC) therapies.")).toEqual(
      [],
    );
  });
});

describe('a planned move away from the site (geographic_access)', () => {
  it('reads a move the patient anticipates as the visits the patient cannot make', () => {
    for (const text of [
      'Patients who anticipate moving from the area within 12 months',
      'Planning to leave region in next 5 years',
    ]) {
      expect(read(text, 'exclusion')).toEqual({ condition: attest('geographic_access', false), unread: '' });
    }
  });
});

describe('capacity to decide on taking part (informed_consent)', () => {
  it('reads impaired decision-making or mental capacity as consent the patient cannot give', () => {
    for (const text of [
      'Impaired decision-making capacity.',
      'Patients with impaired decision-making capacity.',
      'Mental incapacity',
    ]) {
      expect(read(text, 'exclusion')).toEqual({ condition: attest('informed_consent', false), unread: '' });
    }
    expect(read('Mental capacity to understand and consent to participate in the study.')).toEqual({
      condition: attest('informed_consent', true),
      unread: '',
    });
  });

  it('leaves legal incapacity and a permission to the questions they are', () => {
    // Legal incapacity is legal protection's question (history-judgement.ts), not capacity to consent.
    expect(topicsOf('Legal incapacity or limited legal capacity.', 'exclusion')).toEqual(['legal_protection=true']);
    expect(
      topicsOf(
        'Participants with impaired decision-making capacity are eligible as long as their neurological or psychological condition does not preclude their safe participation in the study (e.g., tracking pill consumption and reporting adverse events to the investigator)',
      ),
    ).toEqual([]);
  });
});

describe('conditions that keep the patient from the assessments (compliance)', () => {
  it('reads a condition that may prevent attending assessments as compliance the patient cannot keep', () => {
    expect(
      read(
        'Concurrent medical or social conditions that may prevent the patient from attending assessments or procedures per schedule.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('compliance', false), unread: 'Concurrent medical' });
  });
});

describe('noncompliance named as such, and care at a named site', () => {
  it('reads a risk of noncompliance with study procedures as compliance the patient cannot keep', () => {
    expect(
      read(
        'Having a high risk for noncompliance with study procedures. This will be determined by the study team based on the history of missed oncology appointments (i.e., ≥3 no-shows in 6 months) and poor responsiveness during recruitment (i.e., ≥3 unreturned contacts).',
        'exclusion',
      ).condition,
    ).toEqual(attest('compliance', false));
  });

  it('reads treatment and follow-up at, or a return to, a named site as care_at_site', () => {
    expect(
      read('Treatment and follow-up at the Dermatology Department of the Strasbourg University Hospitals;'),
    ).toEqual({
      condition: attest('care_at_site', true),
      unread: '',
    });
    expect(
      read('Returning to MD Anderson for restaging and follow-up (ICB treatment may occur locally)').condition,
    ).toEqual(attest('care_at_site', true));
    expect(
      topicsOf(
        'Treatment and follow-up at a department other than the Dermatology Department of the Strasbourg University Hospitals.',
        'exclusion',
      ),
    ).toEqual([]);
  });
});
