/**
 * Medical conditions the conditions reader did not know in these wordings: an abnormal ECG, a
 * suicide attempt, poor cognitive status, "type 1 or 2 diabetes", an immunologic disease among the
 * organ-system adjectives, transmissible diseases, and the degree of a heart block kept beside it.
 * Verbatim corpus lines.
 */
import { cond, readRule, unparsed } from '../support/criteria';

describe('abnormal ECG', () => {
  it.each([
    ['Significant ECG abnormalities', true],
    ['Significant screening electrocardiogram (ECG) abnormalities.', true],
    ['History or presence of ECG abnormalities, e.g.,', false],
  ])('reads "%s" as an abnormal electrocardiogram', (text, active) => {
    expect(readRule(text, 'exclusion')).toEqual({
      condition: cond(active ? { names: ['ecg_abnormality'], active: true } : { names: ['ecg_abnormality'] }),
      unread: '',
    });
  });

  it('reads what a resting ECG shows', () => {
    expect(readRule('Resting ECG with clinically abnormal findings.', 'exclusion')).toEqual({
      condition: cond({ names: ['ecg_abnormality'] }),
      unread: '',
    });
  });

  it('leaves a truncated block unread beside the abnormal finding, not read as any arrhythmia', () => {
    const r = readRule(
      'Complete left bundle branch, bifascicular block or other clinically significant abnormal electrocardiogram finding.',
      'exclusion',
    );
    expect(r).toEqual({
      condition: cond({ names: ['ecg_abnormality'], active: true }),
      unread: 'Complete left bundle branch, bifascicular block',
    });
  });

  it('keeps an example block of an abnormal ECG narrowed by its degree', () => {
    const r = readRule(
      'Evidence of current clinically significant untreated arrhythmias, including clinically significant ECG abnormalities such as 2nd-degree (Mobitz Type II) or 3rd-degree atrioventricular block.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      any: [
        cond({ names: ['arrhythmia'], active: true }),
        cond({ names: ['ecg_abnormality'], active: true }),
        { all: [cond({ names: ['arrhythmia'] }), unparsed('2nd-degree (Mobitz Type II) or 3rd-degree')] },
      ],
    });
  });
});

describe('degree of a heart block', () => {
  it('keeps the degree beside the block, which stays necessary', () => {
    expect(
      readRule('Atrial fibrillation, ventricular tachycardia, 2o or 3o heart block', 'exclusion').condition,
    ).toEqual({
      any: [
        cond({ names: ['atrial_fibrillation', 'ventricular_arrhythmia'] }),
        { all: [cond({ names: ['arrhythmia'] }), unparsed('2o or 3o')] },
      ],
    });
  });

  it('reads a hanging hyphen as part of the degree list', () => {
    const r = readRule(
      'A history of congenital long QT syndrome, symptomatic bradycardia, ventricular arrhythmia, uncontrolled atrial fibrillation, second- or third-degree heart block, or other conduction abnormality that in the opinion of the investigator would preclude safe participation in this study.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ all: [cond({ names: ['arrhythmia'] }), unparsed('second- or third-degree')] }),
    );
  });
});

describe('other conditions in new wordings', () => {
  it('reads a suicide attempt with its window', () => {
    expect(readRule('Has attempted suicide in the twelve months preceding the screening visit.', 'exclusion')).toEqual({
      condition: cond({ names: ['suicide_attempt'], withinYears: 1 }),
      unread: '',
    });
  });

  it('reads poor cognitive status as the cognitive impairment the lexicon holds', () => {
    expect(readRule('hematologist-determined poor cognitive status;', 'exclusion')).toEqual({
      condition: cond({ names: ['dementia'] }),
      unread: 'hematologist',
    });
  });

  it('does not read a cognitive example of another requirement as an exclusion of its own', () => {
    expect(
      readRule(
        'Comorbidity that makes skin self-examination impossible (e.g. physical or mental disabilities, dementia or decreased cognitive function)',
        'exclusion',
      ).condition,
    ).toBeNull();
  });

  it('reads "type 1 or 2 diabetes" as diabetes mellitus, its risk left unread', () => {
    expect(readRule('Uncontrolled type 1 or 2 diabetes with high risk of hypoglycemia.', 'exclusion')).toEqual({
      condition: {
        all: [cond({ names: ['diabetes_mellitus'], active: true }), unparsed('with high risk of hypoglycemia')],
      },
      unread: '',
    });
  });

  it('reads "immunologic" among the organ-system adjectives sharing a head noun', () => {
    const r = readRule(
      'Clinically significant cardiovascular, pulmonary, hepatic, renal, hematologic, gastrointestinal, endocrine, neurologic, psychiatric, or immunologic disease within 6 months',
      'exclusion',
    );
    expect(r.unread).toBe('');
    const names = (r.condition as unknown as { params: { names: string[]; withinYears: number } }).params;
    expect(names.names).toContain('immune_disorder');
    expect(names.names).toContain('cardiovascular_disease');
    expect(names.withinYears).toBe(0.5);
  });

  it('reads transmissible diseases as infection', () => {
    expect(readRule('Patients with transmissible diseases', 'exclusion').condition).toEqual(
      cond({ names: ['infection'], active: true }),
    );
  });

  it('leaves an asthma exemption item unread', () => {
    expect(readRule('Well-controlled asthma', 'exclusion').condition).toBeNull();
  });
});
