/**
 * Care the patient had or takes beside cancer treatment, read as questions the record cannot answer:
 * a blood transfusion in a period the criterion gives (recent_transfusion), a steroid dose that has
 * not gone up (steroid_dose_stable), a supplement the criterion names (supplement_use), any vaccine
 * in a period (recent_vaccine) and a medicine of a named kind that cannot be stopped
 * (named_medication_stoppable). Verbatim corpus lines with the readings they must get, and lines
 * that must stay unread.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, lab, readRule, therapy, therapyLeaves } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(read(text, kind).condition);

describe('the topics read here', () => {
  it('each have a plain question in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of [
      'recent_transfusion',
      'steroid_dose_stable',
      'supplement_use',
      'recent_vaccine',
      'named_medication_stoppable',
    ])
      expect(topics.get(id)).toMatch(/\?$/);
  });
});

describe('a transfusion within a period (recent_transfusion)', () => {
  it('reads an exclusion of a transfusion in the window', () => {
    expect(read('Any transfusion within 14 days prior to Cycle 1 Day 1.', 'exclusion')).toEqual({
      condition: attest('recent_transfusion', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Patients requiring blood product transfusion within 4 weeks of first dose of 177Lu-RAD204tr are not eligible to participate.',
        'exclusion',
      ),
    ).toEqual(['recent_transfusion=true']);
  });

  it('reads the transfusion a laboratory requirement rules out, beside the value', () => {
    expect(read('Hemoglobin ≥ 90 g/L (no blood transfusion within 14 days prior to enrollment)')).toEqual({
      condition: { all: [lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 9), attest('recent_transfusion', false)] },
      unread: '',
    });
    expect(
      read(
        'Platelet count ≥75 × 109/L (without transfusion within 2 weeks of laboratory test used to determine eligibility)',
      ).condition,
    ).toEqual({ all: [lab('platelets', '10^9/L', 'greaterThanInclusive', 75), attest('recent_transfusion', false)] });
    expect(topicsOf('hemoglobin ≥10g/dL (no blood transfusion in the past 7 days);')).toEqual([
      'recent_transfusion=false',
    ]);
    expect(topicsOf('Blood transfusion is not allowed within 2 weeks from the first dose of CTX-8371')).toEqual([
      'recent_transfusion=false',
    ]);
  });

  it('keeps the laboratory values together when another unread member shares the clause', () => {
    // "growth factor or blood transfusion": the "or" before the finding would part the values.
    const r = read(
      'Blood counts at screening: hemoglobin ≥ 9.0 g/dL, absolute neutrophil count ≥ 1500/μL (1.5 × 109/L), platelet count ≥ 100,000/μL (100 ×109/L) (participant must not have received any growth factor or blood transfusion within 7 days of the hematology laboratory obtained at screening).',
    );
    expect(attestationTopics(r.condition)).toEqual([]);
    expect(JSON.stringify(r.condition)).not.toContain('"any"');
  });

  it('leaves unread a transfusion the criterion allows, a dependence on transfusions, or one with no period', () => {
    for (const text of [
      'Hemoglobin of ≥ 9 g/dL (patients may be transfused to this level, if necessary, but transfusion must occur \\> 1 week prior to registration)',
      'Hemoglobin ≥10 g/dL or 6.2 mmol/L (Note: The use of transfusion to achieve Hgb ≥10 g/dL is acceptable) within the 28 days prior to accrual',
      'Hemoglobin \\>= 9.0 g/dL (Must be \\>= 7 days after most recent transfusion)',
      'Hemoglobin ≥ 9.0 g/dL and not transfusion dependent',
      'Platelet count ≥ 100,000/μL without transfusion support',
    ])
      expect(topicsOf(text)).not.toContain('recent_transfusion=false');
    expect(
      topicsOf(
        'Non-leukocyte depleted whole blood transfusion within 120 days of genetic sample collection.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Hemoglobin \\< 9 g/dL (\\< 5.5 mmol/L; previous red blood cell (RBC) transfusion is permitted)',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('never requires a transfusion in an inclusion', () => {
    expect(topicsOf('Any transfusion within 14 days prior to Cycle 1 Day 1.')).not.toContain('recent_transfusion=true');
  });
});

describe('a steroid dose that has not gone up (steroid_dose_stable)', () => {
  it('reads the requirement of a stable or decreasing dose', () => {
    expect(read('Stable dose of corticosteroids for at least 7 days.')).toEqual({
      condition: attest('steroid_dose_stable', true),
      unread: '',
    });
    expect(
      read(
        'Patient has been on a stable or decreasing dose of steroids for at least five days prior to the date of informed consent.',
      ).condition,
    ).toEqual(attest('steroid_dose_stable', true));
  });

  it('keeps a dose limit unread', () => {
    const r = read(
      'If a patient is on corticosteroids, he/she must be on a non-escalating corticosteroid dose (not exceeding more than 16 mg daily of Dexamethasone oral) for ≥ 5 days.',
    );
    expect(attestationTopics(r.condition)).toEqual(['steroid_dose_stable=true']);
    expect(r.unread).toContain('Dexamethasone');
  });

  it('reads an increased dose as what excludes', () => {
    const r = read(
      '10\\. Increasing corticosteroid dose for 48 hours prior to initiation of study therapy OR current dexamethasone-equivalent dose of \\>8 mg per day',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['steroid_dose_stable=false']);
    expect(r.unread).toContain('dexamethasone-equivalent');
  });

  it('leaves a permission, and a dose asked of patients with brain metastases only, to other readers', () => {
    expect(
      topicsOf(
        'Stable doses of systemic steroids (≤20 mg prednisone equivalent) and of low-to-medium potency topical steroids permitted (no change in preceding 4 weeks).',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patients with rapidly progressing or symptomatically deteriorating brain metastases and/or leptomeningeal disease. Patients with previously treated brain metastases are eligible, provided the patient has not experienced a seizure or had a clinically significant change in neurological status within 14 days (for adult patients) or 7 days (for paediatric patients) prior to the start of IMP administration. Such patients must be non-dependent on steroids or on a stable or reducing dose of steroid treatment for at least 14 days (or 7 days for paediatric patients) prior to the start of IMP administration.',
        'exclusion',
      ),
    ).toEqual([]);
    expect(
      topicsOf(
        'Patients with active CNS metastases. Patients with stable CNS disease, who have undergone radiotherapy at least 4 weeks prior to the planned first protocol treatment and who have been on a stable dose of corticosteroids for 3 weeks are eligible for the trial',
        'exclusion',
      ),
    ).toEqual([]);
  });
});

describe('a supplement the criterion names (supplement_use)', () => {
  it('reads an exclusion of the supplement, its name and amount left in the criterion', () => {
    // Vitamin B3 is in the drug lexicon (vitamin_b3): the therapy reader's list, with no question beside it.
    const r = read('Taking nicotinamide or niacin supplements within the last 4 weeks.', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual([]);
    expect(therapyLeaves(r.condition)).toEqual([therapy({ drugs: ['nicotinamide', 'niacin'], withinDays: 28 })]);
    expect(
      topicsOf(
        'Use of biotin (i.e., Vitamin B7) or supplements containing biotin higher than the daily adequate intake of 30 µg \\[NIH 2020\\] (Note: Patients who switch from a high dose to a dose of 30 µg/day or less at least 1 day prior to Screening assessments are eligible for study entry).',
        'exclusion',
      ),
    ).toEqual(['supplement_use=true']);
    expect(
      topicsOf(
        'Patients who currently take or plan to take mitochondrial supplements like coenzyme q10, NAD+ boosters (e.g. nicotineamide riboside, nicotineamine mononucleotide), or L-carnitine',
        'exclusion',
      ),
    ).toEqual(['supplement_use=true']);
  });

  it('leaves a supplement that corrects a value, one to agree to stop, and a drug list to other readers', () => {
    expect(topicsOf('Potassium within normal limits, or corrected with supplements')).toEqual([]);
    expect(
      topicsOf(
        'Regularly taking supplements containing prebiotics, fiber and/or probiotics, and unable/unwilling to discontinue for the purpose of the study',
        'exclusion',
      ),
    ).toEqual(['medication_rules=false']);
    expect(
      topicsOf(
        'OATP1B inhibitor (including any prescription or non-prescription drugs or herbal supplements) ≤4 half-lives.',
        'exclusion',
      ),
    ).toEqual([]);
    // The therapy reader's class: a question joined to it would narrow the exclusion.
    expect(
      topicsOf('consumption of probiotic or prebiotic supplements within 4 weeks prior to screening', 'exclusion'),
    ).toEqual([]);
    expect(
      topicsOf(
        'Intake of vitamin supplements containing Vitamin B6 (pyridoxine), grapefruit/grapefruit juice, or Seville orange juice within 7 days prior to Cycle 1 Day -1.',
        'exclusion',
      ),
    ).toEqual([]);
  });
});

describe('any vaccine in a period (recent_vaccine)', () => {
  it('reads an exclusion of a vaccine of any kind', () => {
    expect(
      read('Receipt of any vaccine within 30 days prior to the first dose of study treatment.', 'exclusion'),
    ).toEqual({
      condition: attest('recent_vaccine', true),
      unread: '',
    });
    expect(
      topicsOf(
        'Have received vaccination within two months prior to tumor tissue procurement surgery, or plan to receive vaccination during the study;',
        'exclusion',
      ),
    ).toEqual(['recent_vaccine=true']);
  });

  it('leaves a vaccine of one kind to its own question or unread', () => {
    expect(
      topicsOf('Has received a live vaccine within 30 days of planned start of study therapy.', 'exclusion'),
    ).toEqual(['live_vaccine=true']);
    for (const text of [
      'Receipt of Td vaccine within 30 days prior to starting IO therapy',
      'Active or recent vaccinia virus infection or smallpox/monkeypox vaccination within 10 years.',
      'Has received a live or live-attenuated vaccine within 30 days or a non-live vaccine within 7 days prior to the first dose of PLN-101095',
    ])
      expect(topicsOf(text, 'exclusion')).not.toContain('recent_vaccine=true');
  });
});

describe('a medicine of a named kind that cannot be stopped (named_medication_stoppable)', () => {
  it('reads an exclusion of a medicine that cannot be stopped, its kind left in the criterion', () => {
    const r = read(
      'Patients on the drugs which are sensitive substrates of CYP2C8 and cannot be discontinued at least one week prior to Cycle 1 Day 1',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['named_medication_stoppable=false']);
    expect(r.unread).toBe('sensitive substrates of CYP2C8');
    expect(
      topicsOf(
        'Ongoing treatment with concomitant medication known to cause prolonged QTc interval and that cannot be switched to alternative treatment prior to study entry.',
        'exclusion',
      ),
    ).toEqual(['named_medication_stoppable=false']);
  });

  it('leaves a class the therapy reader knows, prohibited medicines and procedures to other readers', () => {
    for (const text of [
      'Patients receiving treatment with strong inducers of CYP3A that cannot be discontinued at least 1 week prior to the start of treatment with capmatinib and for the duration of the study',
      'Treatment with prohibited medications that cannot be discontinued prior to study entry',
      'Anticoagulant or anti-platelet medication that cannot be interrupted prior to biopsy',
    ])
      expect(topicsOf(text, 'exclusion')).not.toContain('named_medication_stoppable=false');
  });
});
