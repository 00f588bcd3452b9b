/**
 * Unresolved toxicity of earlier treatment read from real corpus lines ("persisting toxicity",
 * "≥ Grade 2 toxicities caused by previous therapy", "AEs … which have not recovered"), with exception
 * clauses that name a grade for one toxicity; and the other-malignancy permission written as an
 * inclusion item without its verb.
 */
import { attest, readRule, unparsed } from '../support/criteria';

describe('unresolved toxicity of earlier treatment', () => {
  it('reads persisting toxicity above grade 1 as not recovered', () => {
    const r = readRule(
      'Persisting toxicity related to prior therapy of Grade >1 NCI-CTCAE v 5.0; however, alopecia and sensory neuropathy Grade ≤ 2 is acceptable.',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('toxicity_recovered', false));
    // The exception stays for the coordinator.
    expect(r.unread).toContain('sensory neuropathy Grade <= 2');
  });

  it('reads a grade floor above 1 before the toxicity, despite a ceiling inside the exception', () => {
    const r = readRule(
      'Subjects with ≥ Grade 2 (by CTCAE) toxicities caused by previous therapy (not including ≤Grade 2 peripheral neuropathy, alopecia, or other tolerated and no possible safety hazard events as determined by the investigator);',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('toxicity_recovered', false));
  });

  it('reads "which have not recovered" after the toxicity as lacking, and "has not recovered" too', () => {
    expect(
      readRule('AEs from prior therapy which have not recovered to Grade ≤1 or baseline as per NCI CTCAE v5.0', 'exclusion').condition,
    ).toEqual(attest('toxicity_recovered', false));
    expect(
      readRule(
        'Has adverse reactions resulting from previous antitumor therapies, which have not resolved to Grade 0 or 1 toxicity according to NCI-CTCAE v5.0 (except for alopecia, fatigue, pigmentation)',
        'exclusion',
      ).condition,
    ).toEqual(attest('toxicity_recovered', false));
  });

  it('reads an inclusion requiring resolution to grade 1 with a grade-2 neuropathy exception', () => {
    const r = readRule(
      "Resolution of all acute toxic effects of prior anti-cancer therapy or surgical procedures to NCI CTCAE v5.0 Grade 1 or better (except alopecia, Grade ≤2 peripheral neuropathy, arthralgia or other toxicities not considered a safety risk for the participant per the investigator's judgment)",
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(attest('toxicity_recovered', true)));
  });

  it('leaves other thresholds to the coordinator', () => {
    // Grade > 2 is grade 3 or more, not the topic's grade 1: no recovery question is asked, and the
    // chemoradiotherapy the toxicity came from is only necessary, beside the unread threshold.
    const grade3 = readRule('Any Grade > 2 unresolved toxicity from prior cCRT or sCRT', 'exclusion').condition;
    expect(JSON.stringify(grade3)).not.toContain('toxicity_recovered');
    expect(grade3).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['chemotherapy', 'radiation'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Any Grade > 2 unresolved toxicity from prior cCRT or sCRT' } },
      ],
    });
    // Recovery to grade 2 is not recovery to grade 1.
    expect(
      readRule('no recovery from previous surgery or treatment-related adverse events to ≤ grade 2 CTCAE;', 'exclusion').condition,
    ).toBeNull();
  });
});

describe('other malignancy permission without its verb', () => {
  it('reads an inclusion item naming the patients with a harmless other cancer', () => {
    expect(
      readRule(
        'Patients with a prior or concurrent malignancy whose natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen.',
        'inclusion',
      ).condition,
    ).toEqual({
      any: [
        { fact: 'otherMalignancy', operator: 'equal', value: false, params: {} },
        unparsed(
          'whose natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen',
        ),
      ],
    });
  });

  it('does not read a judgement that admits no one as a permission', () => {
    expect(
      readRule(
        'Patients with a prior malignancy whose natural history has the potential to interfere with the safety assessment',
        'inclusion',
      ).condition,
    ).toBeNull();
  });
});
