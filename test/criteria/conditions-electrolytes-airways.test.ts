/**
 * Electrolyte disorders (ICD-10-CM E87, E83.4, E83.5; NCI CTCAE v5.0 terms) and obstructive airway
 * disease (MeSH Lung Diseases, Obstructive) read from real corpus lines, with the qualifiers that
 * narrow them kept beside them; the assessor named after a condition ("as judged by the
 * investigator", "as per assessing clinician"), which adds no requirement; the examples of risk
 * factors after "such as"; and an umbrella of current illness listed beside named conditions.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import type { PatientRecord } from '../../src/patients/record';
import { cond, judgeRecord, readRule, unparsed } from '../support/criteria';

const excl = (text: string) => readRule(text, 'exclusion');

describe('electrolyte disorders', () => {
  const lex = lexicons();

  it('codes each electrolyte disorder by ICD-10-CM and files it under the umbrella', () => {
    expect(lex.conditionById.get('electrolyte_disorder')?.parents).toEqual(['metabolic_disease']);
    for (const [id, code] of [
      ['hypokalemia', 'E87.6'],
      ['hyperkalemia', 'E87.5'],
      ['hyponatremia', 'E87.1'],
      ['hypomagnesemia', 'E83.42'],
      ['hypocalcemia', 'E83.51'],
    ] as const) {
      const c = lex.conditionById.get(id);
      expect(c?.icd10).toEqual([code]);
      expect(c?.parents).toEqual(['electrolyte_disorder']);
    }
  });

  it('reads significant electrolyte abnormalities judged by the investigator (NCT06889610 e10)', () => {
    const r = excl('Clinically significant electrolyte abnormalities as judged by the investigator;');
    expect(r.condition).toEqual(cond({ names: ['electrolyte_disorder'], active: true }));
    expect(r.unread).toBe('');
  });

  it('keeps what a clause says the disorders do beside them (NCT02896335 e15)', () => {
    const r = excl(
      'Uncontrolled electrolyte disorders that can compound the effects of QTc-prolonging drug (eg. hypocalcemia, hypokalemia, hypomagnesemia).',
    );
    expect(r.condition).toEqual({
      all: [
        cond({ names: ['electrolyte_disorder'], active: true }),
        unparsed('that can compound the effects of QTc-prolonging drug'),
      ],
    });
  });

  it('keeps a grade and a correction beside the disorder, never dropping them (NCT04851119 e13)', () => {
    const r = excl(
      'Patients with grade \\>= 2 hypocalcemia that is not corrected with oral calcium supplementation will be excluded',
    );
    expect(r.condition).toEqual({
      all: [
        cond({ names: ['hypocalcemia'] }),
        unparsed('grade >= 2'),
        unparsed('that is not corrected with oral calcium supplementation will be excluded'),
      ],
    });
  });

  it('reads chronic hypokalemia as current, with the repletion note left to the coordinator (NCT04903119 e1)', () => {
    const r = excl(
      '3.2.1 Patients with chronic hypokalemia or chronic hypomagnesemia. Patients can be eligible with a repeat screening, if results show repletion.',
    );
    const note = unparsed('Patients can be eligible with a repeat screening, if results show repletion');
    expect(r.condition).toEqual({
      any: [
        { all: [cond({ names: ['hypokalemia'], active: true }), note] },
        { all: [cond({ names: ['hypomagnesemia'], active: true }), note] },
      ],
    });
  });

  it('reads "uncorrected" as current: a corrected level does not exclude (NCT06427811 e7)', () => {
    const r = excl(
      'Risk factors for Torsades de Pointes (TdP) including uncorrected hypokalemia or hypomagnesemia, history of cardiac failure, or history of clinically significant/symptomatic bradycardia.',
    );
    expect((r.condition as { any: Condition[] }).any).toContainEqual(
      cond({ names: ['hypokalemia', 'hypomagnesemia'], active: true }),
    );
  });

  it('reads the examples of risk factors after "such as" as the patient\'s own (NCT06194448 e10)', () => {
    const r = excl(
      'Congenital long QT syndrome, family history of long QT syndrome, unexplained sudden death under 40 years of age in first-degree relatives or patients with any factors that increase the risk of QTc prolongation/arrhythmic events such as electrolyte abnormalities, heart failure or any concomitant medication known to prolong the QT interval and cause TdP.',
    );
    expect((r.condition as { any: Condition[] }).any).toContainEqual(
      cond({ names: ['electrolyte_disorder', 'congestive_heart_failure'] }),
    );
  });

  it('leaves a disorder caused by the treatments listed before it unread (NCT06475911 e1)', () => {
    const r = excl(
      'Presence of diuretic (Thiazide, Frusemide), pain killer (Indomethacin, Ketorolac) induced preoperative hyponatremia.',
    );
    expect(r.condition).toBeNull();
  });
});

describe('obstructive airway disease', () => {
  const lex = lexicons();

  it('is the umbrella over COPD and asthma', () => {
    expect(lex.conditionById.get('copd')?.parents).toContain('obstructive_airway_disease');
    expect(lex.conditionById.get('asthma')?.parents).toContain('obstructive_airway_disease');
  });

  it('reads symptomatic obstructive airway disease per the assessing clinician (NCT07021677 e3)', () => {
    const r = excl('Patients with symptomatic obstructive airway disease, as per assessing clinician');
    expect(r.condition).toEqual(cond({ names: ['obstructive_airway_disease'], active: true }));
    expect(r.unread).toBe('');
    const asthmatic: PatientRecord = { conditions: [{ name: 'asthma', status: 'active' }] };
    expect(judgeRecord(r.condition!, asthmatic)).toBe(true);
  });
});

describe('assessors and umbrellas', () => {
  it('reads "as judged by the Investigator" as who judges, no requirement of its own (NCT05086692 e17)', () => {
    const r = excl('Inability to comply with study and follow up procedures as judged by the Investigator.');
    expect(r.unread).toBe('');
  });

  it('reads a significant medical or surgical condition whose judge alone is named (NCT01776905 e2, NCT07501117 e6)', () => {
    const r = excl('Current and significant medical or surgical condition as determined by the Investigator');
    expect(r.condition).toEqual(cond({ names: ['uncontrolled_intercurrent_illness'], active: true }));
    expect(r.unread).toBe('');
    const e6 = excl(
      'Significant medical disorder according to investigator; e.g severe asthma or chronic obstructive lung disease, dysregulated heart disease or dysregulated diabetes mellitus.',
    );
    expect((e6.condition as { any: Condition[] }).any).toContainEqual(
      cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
    );
    expect(e6.unread).toBe('');
  });

  it("still reads a condition judged by its effect as the investigator's concern", () => {
    expect(
      excl('Serious medical condition as determined by the investigator to interfere with participation').condition,
    ).toEqual({
      fact: 'attestation',
      operator: 'equal',
      value: true,
      params: { topic: 'investigator_concern' },
    });
  });

  it('keeps an umbrella of illness current beside the named examples (NCT07552467 e2, NCT07310784 e13)', () => {
    const comorbid = excl(
      'Presence of other comorbidities, such as acute systemic illnesses and electrolyte imbalances;',
    );
    expect(comorbid.condition).toEqual({
      any: [
        cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
        cond({ names: ['electrolyte_disorder'] }),
      ],
    });
    expect(comorbid.unread).toBe('acute systemic illnesses');
    expect(
      excl('Suffering from infectious diseases such as hepatitis B, hepatitis C, syphilis, AIDS;').condition,
    ).toEqual({
      any: [cond({ names: ['infection'], active: true }), cond({ names: ['hbv', 'hcv', 'hiv'] })],
    });
  });
});
