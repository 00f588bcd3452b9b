/**
 * Locoregional therapy (TACE, embolization, radioembolization, ablation, HIPEC, photodynamic therapy,
 * "liver-directed therapy") is a treatment kind of its own: anticancer, never systemic. A procedure
 * named is narrower than the kind, so its readings keep the words as an unread leaf. Real corpus lines.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const kindsOf = (text: string): string[] =>
  [...new Set(lexicons().index.scan(text).filter((m) => m.type === 'therapyKind').map((m) => m.id))].sort();

describe('the lexicon names locoregional procedures as the kind', () => {
  it.each([
    ['TACE', ['locoregional']],
    ['transarterial chemoembolization', ['locoregional']],
    ['tumor embolization', ['locoregional']],
    ['radiofrequency ablation (RFA)', ['locoregional']],
    ['microwave ablation', ['locoregional']],
    ['cryoablation', ['locoregional']],
    ['HIPEC', ['locoregional']],
    ['photodynamic therapy', ['locoregional']],
    // Regional chemotherapy acts where it is delivered: not chemotherapy, which makes a treatment systemic.
    ['hepatic arterial infusion chemotherapy', ['locoregional']],
    // Radioembolization treats by its radiation dose: both kinds, as chemoradiotherapy is.
    ['radioembolization', ['locoregional', 'radiation']],
    ['SIRT', ['locoregional', 'radiation']],
    // An umbrella: an ablation or embolization, radiation or a resection.
    ['liver-directed therapy', ['locoregional', 'radiation', 'surgery']],
  ])('%s', (text, kinds) => {
    expect(kindsOf(text)).toEqual(kinds);
  });

  it.each([
    // Bare "local therapy" may be surgery or radiation to the primary; ovarian ablation is hormonal.
    'Patients with stable brain metastases who do not require local treatment for brain metastases',
    'Any brain lesion thought to require immediate local therapy',
    'pre-menopausal females with ovarian ablation',
    'Patients not suitable for ablative radiation therapy to metastatic sites',
  ])('does not read "%s" as locoregional therapy', (text) => {
    expect(kindsOf(text)).not.toContain('locoregional');
  });
});

describe('criteria naming locoregional therapy', () => {
  it('reads an exclusion of prior chemoembolization, keeping the cohort words (NCT06626516)', () => {
    expect(readRule('Prior chemoembolization in Part 2 is not permitted', 'exclusion', ['Parts 1 and 2:']).condition).toEqual({
      all: [therapy({ kinds: ['locoregional'] }), unparsed('Part 2')],
    });
  });

  it('reads "no prior liver-directed therapy" as none of its kinds, never false for a patient with one (NCT07057596)', () => {
    const c = readRule(
      'No prior local, liver-directed therapy including chemotherapy, radiotherapy, radiofrequency ablation (RFA), or embolization.',
      'inclusion',
      ['Must meet the following criteria related to prior treatment:'],
    ).condition;
    expect(c).toEqual({
      any: [therapy({ kinds: ['locoregional', 'radiation', 'surgery', 'chemotherapy'] }, false), unparsed('local', false)],
    });
  });

  it('reads prior radioembolization to the same site as partial (NCT06627244)', () => {
    const c = readRule(
      'Prior radioembolization or other regional, liver-directed therapy, including chemotherapy or embolization to same site in the liver',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      all: [
        { any: [therapy({ kinds: ['radiation', 'locoregional', 'surgery', 'chemotherapy'] }), unparsed('other regional')] },
        unparsed('same site in the liver'),
      ],
    });
  });

  // A condition on one lesion: a patient irradiated elsewhere within 3 months still has a lesion that qualifies,
  // so no patient-level therapy leaf is read (the bare "TIL" mention once split the sentence and let one through).
  it('leaves a lesion not embolized or irradiated in 3 months unread (NCT05607095)', () => {
    const c = readRule(
      'One (1) lesion at least 1.5cm in size (solitary or aggregate) available for TIL harvesting that has not undergone prior embolization or RT in prior 3 months unless subsequent growth is demonstrated (at least 0.5cm).',
      'inclusion',
    ).condition;
    expect(therapyLeaves(c)).toEqual([]);
  });

  it('counts locoregional therapy among any anticancer therapy (NCT03567889)', () => {
    expect(therapyLeaves(readRule('Anti-tumor therapy (except small surgery) within 4 weeks before enrollment.', 'exclusion').condition)).toEqual([
      therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], withinDays: 28 }),
    ]);
  });

  it('never reads "prior systemic therapy" as including locoregional therapy', () => {
    const leaves = therapyLeaves(readRule('Prior systemic therapy for advanced hepatocellular carcinoma', 'exclusion').condition);
    expect(leaves.length).toBeGreaterThan(0);
    for (const l of leaves) expect((l as { params: { kinds?: string[] } }).params.kinds ?? []).not.toContain('locoregional');
  });

  // The lesion words stay an unread leaf beside the treatments (therapy-local-qualified.ts): never read of
  // the patient alone, but a patient who never had any of them has no such lesion and is not excluded.
  it('reads a lesion-level locoregional exclusion only with the lesion words unread beside it (NCT07364474)', () => {
    expect(
      readRule('Lesion to undergo biopsy cannot have undergone prior radiation therapy or other locoregional therapy', 'exclusion').condition,
    ).toEqual({ all: [therapy({ kinds: ['radiation', 'locoregional', 'surgery'] }), unparsed('Lesion to undergo biopsy')] });
  });

  it('does not read a planned procedure as prior therapy (NCT05779423)', () => {
    const held = therapyLeaves(
      readRule(
        'Inability to hold systemic anticoagulation prior to cryoablation (if holding anticoagulation is required by the operator)',
        'exclusion',
      ).condition,
    );
    expect(held).toEqual([therapy({ classes: ['anticoagulant'], withinDays: 1 })]);
    expect(
      therapyLeaves(readRule('The target lesion must be amenable to both cryoablation and SBRT, as determined by the study principal investigators (PIs)', 'inclusion').condition),
    ).toEqual([]);
  });
});
