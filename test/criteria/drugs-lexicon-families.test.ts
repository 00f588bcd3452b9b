/**
 * Treatment families that criteria name and rules/drugs.json lacked or spelled otherwise: the
 * immunostimulant class (WHO ATC L03A), interferon spellings, systemic retinoids, radiation modality
 * abbreviations, anti-PVRIG antibodies, a few investigational drugs and regimens. Each family is
 * pinned by verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) and by the phrases
 * that must not take the reading: short abbreviations (PCI, BCG) are ambiguous in criteria.
 */
import { lexicons } from '../../src/criteria/lexicon';
import {
  classesOf,
  drugsOf,
  mentionIds,
  readCondition,
  readRule,
  therapy,
  therapyLeaves,
  unparsed,
} from '../support/criteria';

const lex = lexicons();
const ancestors = (drug: string): Set<string> => {
  const out = new Set<string>();
  for (const c of lex.drugById.get(drug)?.classes ?? []) for (const a of lex.classAncestors.get(c) ?? []) out.add(a);
  return out;
};
const kindsOf = (drug: string): Set<string> => new Set([...ancestors(drug)].map((c) => lex.classById.get(c)!.kind));

describe('immunostimulatory agents', () => {
  it('reads "systemic immunostimulatory agents (including IFNs, IL-2)" as the class and its examples, within the window', () => {
    expect(
      readRule(
        'Treatment with systemic immunostimulatory agents (including but not limited to IFNs, IL-2) within 6 weeks or five half-lives of the drug, whichever is shorter, prior to the first full dose of atezolizumab and tiragolumab.',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          therapy({ classes: ['immunostimulant', 'interferon', 'interleukin_2'], withinDays: 42 }),
          unparsed('within 6 weeks or five half-lives of the drug, whichever is shorter'),
        ],
      },
      unread: 'first full dose of atezolizumab and tiragolumab',
    });
  });

  it('keeps the immunomodulatory part unread and reads the immunostimulatory window', () => {
    expect(
      readRule(
        'Systemic immunomodulatory agents within 14 days prior to trial entry (immunostimulatory agents within four weeks). Exceptions to this are:',
        'exclusion',
      ),
    ).toEqual({
      condition: therapy({ classes: ['immunostimulant'], withinDays: 28 }),
      unread: 'Systemic immunomodulatory … 14',
    });
  });

  it('holds cytokines, TLR agonists, thymalfasin and BCG, but not G-CSF or checkpoint inhibitors', () => {
    for (const d of ['aldesleukin', 'interferon_alfa_2b', 'poly_iclc', 'thymalfasin', 'intravesical_bcg']) {
      expect([d, ancestors(d).has('immunostimulant')]).toEqual([d, true]);
    }
    for (const d of ['filgrastim', 'pegfilgrastim', 'pembrolizumab', 'ipilimumab']) {
      expect([d, ancestors(d).has('immunostimulant')]).toEqual([d, false]);
    }
    // A class, not a synonym of the immunotherapy kind: "immunostimulatory agents" never means every immunotherapy.
    expect(mentionIds('immunostimulatory agents', 'therapyKind')).toEqual([]);
  });

  it('reads thymosin as thymalfasin and leaves thymopentin unread', () => {
    expect(
      readRule(
        'Patients who have received treatment with thymosin, thymopentin, or thymosin a-1d within 3 months prior to enrollment.',
        'exclusion',
      ),
    ).toEqual({
      condition: { any: [therapy({ drugs: ['thymalfasin'], withinDays: 90 }), unparsed('thymopentin')] },
      unread: '1d',
    });
  });

  it('knows the interferon spellings criteria use, as the interferon class', () => {
    for (const p of [
      'IFN',
      'IFNs',
      'IFN-gamma',
      'interferon gamma',
      'alpha-interferon',
      'interferons',
      'peginterferon',
    ]) {
      expect([p, classesOf(p)]).toEqual([p, ['interferon']]);
    }
    // The cytokines are classes of their own under "cytokine": "prior IL-12 therapy" does not take in
    // interferon or IL-2, while "interleukins" and "cytokine therapy" name them all.
    expect(classesOf('interleukins')).toEqual(['cytokine']);
    expect(classesOf('IL-12')).toEqual(['interleukin_12']);
    expect(classesOf('IL-2')).toEqual(['interleukin_2']);
  });
});

describe('checkpoint and PD-1 phrasings', () => {
  it('reads "checkpoint-targeted therapy" as a checkpoint inhibitor, not as targeted therapy', () => {
    expect(classesOf('checkpoint-targeted therapy')).toEqual(['checkpoint_inhibitor']);
    expect(mentionIds('checkpoint-targeted therapy', 'therapyKind')).toEqual([]);
    expect(classesOf('immune check point inhibitor')).toEqual(['checkpoint_inhibitor']);
  });

  it('reads PD-1 monotherapy as anti-PD-1, but not "PD-1 treatment", which KEYNOTE-style criteria use for any anti-PD-1/L1 antibody', () => {
    expect(classesOf('PD-1 monotherapy')).toEqual(['anti_pd1']);
    expect(classesOf('PD-1/PD-L1 therapy')).toEqual(['anti_pd1_pdl1']);
    expect(classesOf('PD-1 treatment progression')).toEqual([]);
  });

  it('reads a therapy directed against PVRIG, and leaves the CD226 axis unread', () => {
    expect(
      readRule(
        'Any therapy directed against PVRIG (COM701 or other anti-PVRIG mAb) or other CD226 axis receptor (TIGIT or CD96) at any time.',
        'exclusion',
        [
          'Has received prior anticancer treatment with the following therapies (specified time periods are from last dose of prior treatment to first dose of NM1F):',
        ],
      ),
    ).toEqual({
      condition: { any: [therapy({ drugs: ['com701'] }), therapy({ classes: ['anti_pvrig'] })] },
      unread: 'CD226 axis receptor (TIGIT or CD96',
    });
  });
});

describe('radiation modalities', () => {
  it('reads the stereotactic and particle abbreviations as radiation', () => {
    for (const p of [
      'hfSRT',
      'SRT',
      'FSRS',
      'FSRT',
      'HFRT',
      'WBXRT',
      'CIRT',
      'carbon ion radiotherapy',
      'prophylactic cranial irradiation (PCI)',
    ]) {
      expect([p, mentionIds(p, 'therapyKind')]).toEqual([p, ['radiation']]);
    }
    expect(mentionIds('prophylactic cranial irradiation (PCI)', 'therapyKind')).toEqual(['radiation']);
    expect(mentionIds('hormonotherapy', 'therapyKind')).toEqual(['hormonal']);
  });

  it('never reads bare PCI, which criteria use for percutaneous coronary intervention', () => {
    expect(mentionIds('History of percutaneous coronary intervention (PCI) within 6 months', 'therapyKind')).toEqual(
      [],
    );
    expect(therapyLeaves(readCondition('PCI within 6 months', 'exclusion'))).toEqual([]);
  });

  it('reads radio-immunotherapy as a radiopharmaceutical, not as immunotherapy', () => {
    expect(classesOf('radio-immunotherapy')).toEqual(['radiopharmaceutical']);
    expect(mentionIds('radio-immunotherapy', 'therapyKind')).toEqual([]);
  });
});

describe('treatment-kind spellings', () => {
  it('reads molecularly directed and genotype-directed therapy as targeted therapy', () => {
    expect(mentionIds('must have progressed on standard directed molecular therapy', 'therapyKind')).toEqual([
      'targeted',
    ]);
    expect(mentionIds('prior treatment with at least 1 genotype-directed therapy', 'therapyKind')).toEqual([
      'targeted',
    ]);
  });

  it('reads mono- and polychemotherapy as chemotherapy', () => {
    expect(mentionIds('polychemotherapy', 'therapyKind')).toEqual(['chemotherapy']);
    expect(mentionIds('monochemotherapy', 'therapyKind')).toEqual(['chemotherapy']);
  });

  it('reads breast conservation therapy as surgery with radiotherapy', () => {
    expect(
      mentionIds('Objective signs of mild breast damage post Breast Conservation Therapy', 'therapyKind').sort(),
    ).toEqual(['radiation', 'surgery']);
  });

  it('leaves a named re-excision unread: as any surgery it would exclude every patient whose melanoma was excised', () => {
    expect(
      therapyLeaves(
        readCondition(
          'Naïve for re-excision of the primary melanoma site and for sentinel node procedure;',
          'inclusion',
        ),
      ),
    ).toEqual([]);
  });

  it('reads enzyme-inducing anti-epileptic agents as the EIAED class, not every antiepileptic', () => {
    expect(classesOf('enzyme-inducing anti-epileptic agents (e.g., carbamazepine, phenytoin)')).toEqual(['eiaed']);
  });
});

describe('retinoids', () => {
  it('reads acitretin and oral retinoids within a window', () => {
    expect(readCondition('Taken acitretin or other oral retinoids within the past 6 months', 'exclusion')).toEqual({
      any: [therapy({ drugs: ['acitretin'], withinDays: 180 }), therapy({ classes: ['retinoid'], withinDays: 180 })],
    });
  });

  it('counts tretinoin and bexarotene as anticancer therapy, acitretin and isotretinoin as other medicines', () => {
    expect(kindsOf('tretinoin').has('targeted')).toBe(true);
    expect(kindsOf('bexarotene').has('targeted')).toBe(true);
    expect(kindsOf('acitretin')).toEqual(new Set(['supportive']));
    expect(kindsOf('isotretinoin')).toEqual(new Set(['supportive']));
    expect(drugsOf('ATRA')).toEqual(['tretinoin']);
  });

  it('does not read the retinoic acid receptor as tretinoin', () => {
    expect(drugsOf('PML-RARA fusion (promyelocytic leukemia / retinoic acid receptor alpha)')).toEqual([]);
  });
});

describe('BCG', () => {
  it('reads intravesical BCG as an immunostimulant', () => {
    expect(drugsOf('prior intravesical BCG')).toEqual(['intravesical_bcg']);
    expect(drugsOf('prior BCG therapy')).toEqual(['intravesical_bcg']);
  });

  it('never reads BCG in a list of live vaccines as a prior therapy', () => {
    const rule = readCondition(
      'Has received a live vaccine within 30 days prior to the first dose of study drug. Examples of live vaccines include, but are not limited to, the following: measles, mumps, rubella, varicella/zoster (chicken pox), yellow fever, rabies, Bacillus Calmette-Guérin (BCG), and typhoid vaccine. Seasonal influenza vaccines for injection are generally killed virus vaccines and are allowed; however, intranasal influenza vaccines (e.g., FluMist®) are live attenuated vaccines and are not allowed.',
      'exclusion',
    );
    expect(therapyLeaves(rule)).toEqual([]);
    expect(drugsOf('lifelong positive T-spot due to BCG inoculation')).toEqual([]);
  });
});

describe('investigational drugs and regimens', () => {
  it('reads IMA203 as anzutresgene autoleucel, a TCR-T therapy, and IMA203CD8 as no drug', () => {
    expect(readCondition('Prior treatment with IMA203', 'exclusion')).toEqual(
      therapy({ drugs: ['anzutresgene_autoleucel'] }),
    );
    expect(ancestors('anzutresgene_autoleucel').has('tcr_t')).toBe(true);
    expect(drugsOf('IMA203CD8')).toEqual([]);
  });

  it('reads a drug-naive requirement on tegavivint', () => {
    expect(readCondition('Patients must not have received prior exposure to tegavivint', 'inclusion')).toEqual(
      therapy({ drugs: ['tegavivint'] }, false),
    );
  });

  it('reads poly-ICLC and quisinostat', () => {
    expect(drugsOf('polyICLC')).toEqual(['poly_iclc']);
    expect(drugsOf('poly-ICLC')).toEqual(['poly_iclc']);
    expect(ancestors('quisinostat').has('hdac_inhibitor')).toBe(true);
  });

  it('reads R-CVP and VTd as their regimens, and keeps palbociclib and ribociclib apart', () => {
    expect(mentionIds('R-CHOP / R-CVP', 'regimen')).toEqual(['r_chop', 'r_cvp']);
    expect(mentionIds('bortezomib thalidomide and dexamethasone (VTd)', 'regimen')).toEqual(['vtd']);
    expect(drugsOf('palbociclib or ribociclib')).toEqual(['palbociclib', 'ribociclib']);
  });
});
