/**
 * Treatment words of prior-therapy criteria that rules/drugs.json names: vaccine, checkpoint,
 * radioimmunoconjugate, CAR-T and antibody phrasings, a supportive biologic (dupilumab), a regimen
 * acronym and the bare "anti-hormonal". Criteria lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz); each phrase is checked against the lexicon and,
 * where the therapy reader reads the line, against the rule it gets.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { classesOf, drugsOf, mentionIds, readCondition, therapy, therapyLeaves, unparsed } from '../support/criteria';

const lex = lexicons();

describe('treatment phrases of prior-therapy criteria', () => {
  it('name a cancer vaccine by its target or as an antitumor vaccine', () => {
    expect(classesOf('HER2 breast cancer vaccine')).toEqual(['cancer_vaccine']);
    expect(classesOf('HER2 vaccine')).toEqual(['cancer_vaccine']);
    expect(classesOf('antitumor vaccines')).toEqual(['cancer_vaccine']);
    expect(classesOf('anti-tumor vaccines')).toEqual(['cancer_vaccine']);
  });

  it('read checkpoint shorthands: anti-PDx, antiCTLA-4 and the CTLA family name', () => {
    expect(classesOf('anti-PDx')).toEqual(['anti_pd1_pdl1']);
    expect(classesOf('antiCTLA-4')).toEqual(['anti_ctla4']);
    expect(classesOf('CTLA-directed therapy')).toEqual(['anti_ctla4']);
    expect(classesOf('anti-CTLA')).toEqual(['anti_ctla4']);
    // The family name fills treatment phrases only: the protein named alone is no therapy.
    expect(classesOf('CTLA-4 expression')).toEqual([]);
  });

  it('read the anti- forms of the CTLA-4 full name as the antibody, never as a cytotoxic drug', () => {
    const text = 'in combination with anti-cytotoxic lymphocyte associated protein 4 (CTLA-4) inhibitor';
    expect(mentionIds(text, 'drugClass')).toEqual(['anti_ctla4', 'anti_ctla4']);
    expect(mentionIds(text, 'therapyKind')).toEqual([]);
    expect(classesOf('anti-cytotoxic T-lymphocyte-associated protein [CTLA-4]')).toEqual(['anti_ctla4']);
  });

  it('read radioimmunoconjugates as radiopharmaceutical therapy and "chimeric antigen receptor-T" as CAR-T', () => {
    expect(classesOf('radioimmunoconjugates')).toEqual(['radiopharmaceutical']);
    expect(classesOf('radio immuno-conjugate therapy')).toEqual(['radiopharmaceutical']);
    expect(classesOf('chimeric antigen receptor-T therapy')).toEqual(['car_t']);
  });

  it('read "mAbs" as monoclonal antibodies but leave a bare "mAb" to the antibody it closes', () => {
    expect(classesOf('mAbs')).toEqual(['monoclonal_antibody']);
    expect(classesOf('anti-CD38 mAb')).toEqual(['anti_cd38']);
    expect(classesOf('mAb')).toEqual([]);
  });

  it('read DXd or deruxtecan named alone as the payload\'s ADCs, while the named conjugates stay drugs', () => {
    expect(classesOf('drugs with a similar chemical structure or class to DXd')).toEqual(['topo1_adc']);
    expect(classesOf('topotecan, irinotecan, and deruxtecan')).toEqual(['topo1_adc']);
    expect(drugsOf('Dato-DXd')).toEqual(['datopotamab_deruxtecan']);
    expect(drugsOf('fam-trastuzumab deruxtecan')).toEqual(['trastuzumab_deruxtecan']);
    expect(classesOf('fam-trastuzumab deruxtecan')).toEqual([]);
  });

  it('know dupilumab as an interleukin inhibitor given as supportive care, not anticancer therapy', () => {
    expect(drugsOf('dupilumab')).toEqual(['dupilumab']);
    expect(drugsOf('Dupixent')).toEqual(['dupilumab']);
    const classes = lex.drugById.get('dupilumab')?.classes ?? [];
    expect(classes).toEqual(['interleukin_inhibitor']);
    expect(lex.classById.get('interleukin_inhibitor')?.kind).toBe('supportive');
  });

  it('read CisGem as gemcitabine with cisplatin and the bare "anti-hormonal" as hormonal therapy', () => {
    expect(mentionIds('Cisplatin and Gemcitabine (CisGem)', 'regimen')).toEqual(['gemcis']);
    expect(mentionIds('anti-hormonal', 'therapyKind')).toEqual(['hormonal']);
  });

  it('leave out an abbreviation that also names a disease (PBC) and the bare "biologics"', () => {
    // PBC: platinum-based chemotherapy, but also primary biliary cholangitis.
    expect(mentionIds('PBC', 'drugClass')).toEqual([]);
    expect(mentionIds('PBC', 'therapyKind')).toEqual([]);
    // "investigational drugs, biologics, or devices": investigational biologics, not any biologic.
    expect(classesOf('biologics')).toEqual([]);
  });
});

describe('reading prior-therapy criteria with these phrases', () => {
  it('reads a previous HER2 breast cancer vaccine as prior cancer vaccine', () => {
    expect(readCondition('Patients who have received a previous HER2 breast cancer vaccine', 'exclusion')).toEqual(therapy({ classes: ['cancer_vaccine'] }));
  });

  it('reads mAbs, ADCs and radioimmunoconjugates within 4 weeks, keeping "similar therapy" and the half-life rule unread', () => {
    const context = ['Treatment with one of the following classes of drugs within the delineated time window prior to the first dose of study treatment:'];
    expect(
      readCondition('mAbs, antibody-drug conjugates, radioimmunoconjugates, or similar therapy, within 4 weeks, or 5 half-lives, whichever is shorter.', 'exclusion', context),
    ).toEqual({
      all: [
        { any: [therapy({ classes: ['monoclonal_antibody', 'adc', 'radiopharmaceutical'], withinDays: 28 }), unparsed('similar therapy')] },
        unparsed('within 4 weeks, or 5 half-lives, whichever is shorter'),
      ],
    });
  });

  it('never reads a bare "AC" (also adenocarcinoma) as the doxorubicin-cyclophosphamide regimen, which keeps its longer forms', () => {
    const rule = readCondition('Subjects with AC that is HER 2/neu negative.', 'inclusion');
    expect(therapyLeaves(rule)).toEqual([]);
    expect(rule).toEqual({ fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'ERBB2', status: 'negative' } });
    expect(mentionIds('prior ddAC or AC chemotherapy', 'regimen')).toEqual(['ac', 'ac']);
    expect([...new Set(mentionIds('prior AC-T', 'regimen'))]).toEqual(['ac_t']);
  });

  it('does not read investigational biologics as any biologic', () => {
    const rule = readCondition('Use of investigational drugs, biologics, or devices within 30 days prior to enrollment.', 'exclusion');
    const classes = therapyLeaves(rule).flatMap((l) => ((l as { params?: { classes?: string[] } }).params?.classes ?? []));
    expect(classes).not.toContain('biologic');
  });
});
