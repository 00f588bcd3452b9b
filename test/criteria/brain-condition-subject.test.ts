/**
 * Brain metastases named as the subject of a requirement ("… brain metastases, must be examined …
 * without steroid medication for at least 4 weeks") are a condition on the patients who have them,
 * never a requirement that every patient have them; and steroids stopped "for these metastases" keep
 * the window the text gives. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const presence = (c: Condition | null): Condition[] =>
  (c ? leavesOf(c) : []).filter(
    (l) => l.fact === 'brainMetastases' && l.operator === 'in' && !(l.value as string[]).includes('none'),
  );

describe('brain metastases as the subject of a requirement', () => {
  it('does not require brain metastases of every patient', () => {
    for (const line of [
      'Asymptomatic central nervous system metastases, or treated asymptomatic brain metastases, must be examined by computed tomography (CT) or magnetic resonance imaging (MRI) for no disease progression, stable for at least 3 months, and without steroid medication for at least 4 weeks;',
      'Any prior SRT to brain lesions or prior excision must have occurred ≥ 1 weeks before the start of dosing for this study.',
    ])
      expect(presence(readRule(line, 'inclusion').condition)).toEqual([]);
  });

  it('reads "Any CNS disease is asymptomatic …" as a condition on whatever metastases there are', () => {
    const line =
      'Any CNS disease is asymptomatic for at least 7 days (unless symptoms are deemed irreversible by the investigator), the patient is off steroids for at least 7 days (physiologic doses of steroids are permitted), and the subject is off or on stable doses of anti-epileptic drugs for malignant CNS disease for at least 7 days.';
    expect(presence(readRule(line, 'inclusion').condition)).toEqual([]);
    // A bare "Any brain metastases" in an exclusion still names the metastases themselves.
    expect(presence(readRule('Any brain metastases', 'exclusion').condition)).toHaveLength(1);
  });

  it('still requires them where a count says so', () => {
    expect(
      presence(readRule('At least one brain metastasis must be of ≥5 mm in diameter', 'inclusion').condition),
    ).toHaveLength(1);
  });
});

describe('steroids stopped for the metastases', () => {
  it('keeps the window of "discontinued corticosteroid treatment for these metastases for at least 4 weeks"', () => {
    const r = readRule(
      'Patients with known symptomatic brain metastases. Patients with previously diagnosed brain metastases are eligible if they have completed their treatment and have recovered from the acute effects of radiation therapy or surgery prior to study entry, have discontinued corticosteroid treatment for these metastases for at least 4 weeks and are neurologically stable for \\>= 1 months (confirmed by magnetic resonance imaging \\[MRI\\])',
      'exclusion',
    );
    const steroid = leavesOf(r.condition!).filter((l) => l.fact === 'priorTherapy');
    expect(steroid).toEqual([
      { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['corticosteroid'], withinDays: 28 } },
    ]);
  });
});
