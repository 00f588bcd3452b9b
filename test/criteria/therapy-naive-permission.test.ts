/**
 * Treatment-naive wordings that name the treatment not had, cohort-bound naive requirements,
 * permissions worded "allowable" / "is not required", and the "(alone or with …)" parenthesis after
 * a progression requirement. Every line is verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readCondition, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('treatment-naive requirements', () => {
  it('reads "previously untreated with any systemic anticancer therapy for their … metastatic disease" with its setting', () => {
    expect(
      readCondition('Previously untreated with any systemic anticancer therapy for their locally advanced or metastatic disease.', 'inclusion'),
    ).toEqual(therapy({ kinds: ['systemic'], setting: 'advanced' }, false));
  });

  it('reads palliative-intent therapy only with the advanced setting said beside it', () => {
    expect(readCondition('Treatment-naïve for palliative intent systemic therapy for locally advanced or metastatic disease', 'inclusion')).toEqual(
      therapy({ kinds: ['systemic'], setting: 'advanced' }, false),
    );
    // Without the setting, "palliative intent" stays unread: no therapy is forbidden outright.
    expect(therapyLeaves(readCondition('Treatment-naïve for palliative intent systemic therapy', 'inclusion'))).toEqual([]);
  });

  it('forbids only the named treatment after "treatment naive to", never every systemic therapy', () => {
    const c = readCondition(
      'Cohort B: BRAF V600 mutant melanoma patients who are treatment naive to BRAF/MEK inhibitors with CNS metastases, including LMD. Prior treatment with immunotherapy is permitted',
      'inclusion',
    );
    const leaves = therapyLeaves(c);
    expect(leaves).toContainEqual(therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }, false));
    expect(leaves).not.toContainEqual(therapy({ kinds: ['systemic'] }, false));
    // The requirement binds Cohort B only: a patient who had a BRAF/MEK inhibitor is left open.
    expect(JSON.stringify(c)).toContain(
      JSON.stringify({
        any: [
          therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }, false),
          unparsed('Cohort B: BRAF V600 mutant melanoma patients who are treatment naive to BRAF/MEK inhibitors with CNS metastases, including LMD'),
        ],
      }),
    );
  });

  it('still reads a bare "treatment-naive" as no prior systemic therapy', () => {
    expect(readCondition('Treatment-naive', 'inclusion')).toEqual(therapy({ kinds: ['systemic'] }, false));
  });
});

describe('permissions', () => {
  it('gates a treatment said to be "not required"', () => {
    const c = readCondition(
      'TNBC patients (defined as ER <1%, HER2 0, 1+, 2+, and fluorescence in situ hybridization negative) with active untreated brain metastases. Prior treatment with anti-PD-1/anti-PD-L1 is not required.',
      'inclusion',
    );
    expect(JSON.stringify(c)).toContain(
      JSON.stringify({ any: [therapy({ classes: ['anti_pd1', 'anti_pd_l1'] }, false), unparsed('Prior treatment with anti-PD-1/anti-PD-L1 is not required')] }),
    );
  });

  it('does not gate "not required unless", which requires the treatment of some patients', () => {
    const c = readCondition(
      'Subjects with prior exposure to an immune checkpoint inhibitor (ICI) are eligible for enrollment; however, prior ICI therapy is not required unless receipt of an ICI constitutes part of the FDA-approved standard of care for their disease.',
      'inclusion',
    );
    // Only the first sentence's permission is a gate; the second stays unread.
    expect(JSON.stringify(c)).not.toContain('however, prior ICI therapy is not required unless receipt of an ICI constitutes part of the FDA-approved standard of care for their disease"}}]}');
    expect(therapyLeaves(c)).toHaveLength(1);
  });

  it('gates a treatment said to be "allowable"', () => {
    expect(readCondition('Prior radiotherapy is allowable.', 'inclusion')).toEqual({
      any: [therapy({ kinds: ['radiation'] }, false), unparsed('Prior radiotherapy is allowable')],
    });
  });
});

describe('an optional partner in parentheses', () => {
  it('offers no alternative to the treatment progressed on', () => {
    const c = readCondition(
      'For Melanoma participants: Participants with unresectable or metastatic melanoma that have progressed on or after PD-1/PD-L1 checkpoint blockade (alone or with either CTLA-4 or LAG-3 checkpoint blockade).',
      'inclusion',
    );
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' })]);
    // The partners are never read as a requirement of their own.
    expect(JSON.stringify(c)).not.toContain('anti_lag3');
  });
});

describe('an abbreviation in parentheses', () => {
  it('names the same treatment again, one item rather than a second member', () => {
    // Read as chemoradiotherapy: both kinds, each necessary.
    const c = readCondition('Participants will have completed definitive concurrent chemoradiotherapy (cCRT) with curative intent within 12 weeks prior to randomization.', 'inclusion');
    expect(therapyLeaves(c)).toEqual([therapy({ kinds: ['chemotherapy'], setting: 'curative' }), therapy({ kinds: ['radiation'], setting: 'curative' })]);
  });
});
