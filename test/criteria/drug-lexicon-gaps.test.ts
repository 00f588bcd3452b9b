/**
 * Agents, classes and spellings prior-therapy criteria name that rules/drugs.json lacked: KIT
 * inhibitors ("c-Kit agent"), galectin inhibitors, adenovirus-based therapy, anthracenediones,
 * perillyl alcohol, "radioactive nuclides", and the PD-1/PD-L1 spellings that were read as the
 * PD-1 class alone ("anti-PD1/L1") or as any checkpoint inhibitor ("PD-1 checkpoint immunotherapy"). Each is pinned by verbatim
 * corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) and by what must not take the reading.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { classesOf, drugsOf, readRule, therapy, unparsed } from '../support/criteria';

const lex = lexicons();
const ancestors = (drug: string): Set<string> => {
  const out = new Set<string>();
  for (const c of lex.drugById.get(drug)?.classes ?? []) for (const a of lex.classAncestors.get(c) ?? []) out.add(a);
  return out;
};

describe('new classes and agents, read from corpus lines', () => {
  it('reads "adenovirus therapy" as the adenovirus-based class', () => {
    expect(readRule('Prior treatment with adenovirus therapy.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['adenovirus_therapy'] }),
      unread: '',
    });
  });

  it('reads "a galectin antagonist" as the galectin inhibitor class', () => {
    expect(readRule('Patients who have previously received a galectin antagonist.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['galectin_inhibitor'] }),
      unread: '',
    });
  });

  it('reads perillyl alcohol as a drug', () => {
    expect(readRule('Patient had prior treatment with perillyl alcohol.', 'exclusion')).toEqual({
      condition: therapy({ drugs: ['perillyl_alcohol'] }),
      unread: '',
    });
  });

  it('reads "a c-Kit agent" as the KIT inhibitor class, with its exception kept unread', () => {
    expect(readRule('Has received prior therapy with a c-Kit agent (except GIST subjects).', 'exclusion')).toEqual({
      condition: { all: [therapy({ classes: ['kit_inhibitor'] }), unparsed('GIST')] },
      unread: '',
    });
  });

  it('reads "radioactive nuclides" as radiopharmaceutical therapy, the imaging exception unread', () => {
    expect(
      readRule('Previous treatment with radioactive nuclides except radioactive imaging tracers', 'exclusion'),
    ).toEqual({
      condition: { all: [therapy({ classes: ['radiopharmaceutical'] }), unparsed('radioactive imaging tracers')] },
      unread: '',
    });
  });

  it('reads both classes of "anthracycline/anthracenedione-based chemotherapy"', () => {
    expect(readRule('No previous exposure to anthracycline/anthracenedione-based chemotherapy.', 'inclusion')).toEqual({
      condition: therapy({ classes: ['anthracycline', 'anthracenedione'] }, false),
      unread: '',
    });
  });

  it('reads abexinostat beside "other HDAC inhibitors"', () => {
    expect(
      readRule('Have previously treated by abexinostat or other histone deacetylase (HDAC) inhibitors;', 'exclusion'),
    ).toEqual({
      condition: { any: [therapy({ drugs: ['abexinostat'] }), therapy({ classes: ['hdac_inhibitor'] })] },
      unread: '',
    });
  });

  it('reads "any other TOP I inhibitor" as the topoisomerase I inhibitor class', () => {
    const { condition } = readRule(
      'Prior treatment regimens with irinotecan, topotecan or any other TOP I inhibitor including investigational TOP I inhibitors are not allowed.',
      'inclusion',
    );
    expect(JSON.stringify(condition)).toContain('"classes":["topoisomerase_i_inhibitor"]');
  });
});

describe('PD-1/PD-L1 spellings', () => {
  it('names the PD-1 class by "PD-1 checkpoint immunotherapy", never the broader checkpoint class with PD-1 unread', () => {
    expect(readRule('Prior treatment with PD-1 checkpoint immunotherapy.', 'exclusion')).toEqual({
      condition: therapy({ classes: ['anti_pd1'] }),
      unread: '',
    });
    expect(classesOf('PD-1/PD-L1 checkpoint immunotherapy')).toEqual(['anti_pd1_pdl1']);
  });

  it('never reads "anti-PD1/L1" as the PD-1 class alone', () => {
    for (const phrase of ['anti-PD1/L1', 'anti-PD1/- L1', 'anti-PD1/-L1', 'PD1/L1 inhibitor']) {
      expect([phrase, classesOf(phrase)]).toEqual([phrase, ['anti_pd1_pdl1']]);
    }
  });

  it('names PD-1 by the FDA label wording "programmed death receptor-1"', () => {
    expect(classesOf('Programmed Death Receptor 1 Blockade')).toEqual(['anti_pd1']);
    expect(classesOf('programmed death receptor-1 blocking antibody')).toEqual(['anti_pd1']);
  });

  it('reads "checkpoint immunotherapy" as the checkpoint inhibitor class', () => {
    expect(classesOf('checkpoint immunotherapy')).toEqual(['checkpoint_inhibitor']);
  });
});

describe('class membership and phrases that must not match', () => {
  it('puts the drugs whose label names KIT in the KIT class, and not bosutinib', () => {
    for (const d of ['imatinib', 'sunitinib', 'regorafenib', 'ripretinib', 'avapritinib', 'dasatinib']) {
      expect([d, ancestors(d).has('kit_inhibitor')]).toEqual([d, true]);
    }
    for (const d of ['bosutinib', 'erlotinib', 'axitinib']) {
      expect([d, ancestors(d).has('kit_inhibitor')]).toEqual([d, false]);
    }
    // Still kinase inhibitors, and still their other classes.
    expect(ancestors('ripretinib').has('kinase_inhibitor')).toBe(true);
    expect(ancestors('imatinib').has('bcr_abl_inhibitor')).toBe(true);
  });

  it('knows the B7-H3 agents and PARP inhibitor fluzoparib by name', () => {
    expect(drugsOf('orlotamab, enoblituzumab')).toEqual(['orlotamab', 'enoblituzumab']);
    expect(ancestors('orlotamab').has('b7h3_directed')).toBe(true);
    expect(ancestors('enoblituzumab').has('b7h3_directed')).toBe(true);
    expect(ancestors('fluzoparib').has('parp_inhibitor')).toBe(true);
    expect(classesOf('B7-homologue 3-targeted agents')).toEqual(['b7h3_directed']);
  });

  it('reads "BRAF/MEK TKI" as the BRAF and MEK classes, not every kinase inhibitor', () => {
    expect(classesOf('a prior BRAF/MEK TKI regimen')).toEqual(['braf_inhibitor', 'mek_inhibitor']);
  });

  it('keeps anthracenediones apart from anthracyclines', () => {
    expect(ancestors('mitoxantrone').has('anthracenedione')).toBe(true);
    expect(ancestors('mitoxantrone').has('anthracycline')).toBe(false);
    expect(ancestors('doxorubicin').has('anthracenedione')).toBe(false);
  });

  it('files oncolytic adenoviruses and adenoviral gene therapy under the adenovirus class', () => {
    expect(ancestors('cretostimogene_grenadenorepvec').has('adenovirus_therapy')).toBe(true);
    expect(ancestors('cretostimogene_grenadenorepvec').has('oncolytic_virus')).toBe(true);
    expect(ancestors('nadofaragene_firadenovec').has('gene_therapy')).toBe(true);
    expect(ancestors('nadofaragene_firadenovec').has('adenovirus_therapy')).toBe(true);
    // Talimogene is a herpes virus: oncolytic, not adenovirus-based.
    expect(ancestors('talimogene_laherparepvec').has('adenovirus_therapy')).toBe(false);
  });

  it('keeps similar drug names apart and the conjugate NEO212 out of perillyl alcohol', () => {
    expect(drugsOf('palbociclib or ribociclib')).toEqual(['palbociclib', 'ribociclib']);
    expect(drugsOf('NEO212')).toEqual([]);
    expect(drugsOf('belapectin, GB1211')).toEqual(['belapectin', 'selvigaltin']);
  });

  it('does not read imaging radionuclides or a bare "kit" as treatments', () => {
    expect(classesOf('LVEF by echocardiogram or radionuclide ventriculography')).toEqual([]);
    expect(classesOf('urine pregnancy test kit')).toEqual([]);
    expect(classesOf('radioactive imaging tracers')).toEqual([]);
  });

  it('asks the study-drug allergy question for perillyl alcohol, a component of the study drug NEO212', () => {
    expect(
      readRule('Patient has a history of allergic reactions attributed to perillyl alcohol.', 'exclusion').condition,
    ).toEqual({
      fact: 'attestation',
      operator: 'equal',
      value: true,
      params: { topic: 'study_drug_allergy' },
    });
  });
});
