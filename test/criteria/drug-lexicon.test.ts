/**
 * The drug lexicon as data (scripts/lexicons/curated/drugs-*.json → rules/drugs.json): treatments
 * named by their target ("targeting BRAF", "HER3-directed", "anti-PD-L2", "OX40 agonists"), built from
 * the gene lexicon and each class's target genes, and the supportive and concomitant classes criteria
 * name (diuretics, antiarrhythmics, neuroleptics, ergot derivatives, growth factor support, CYP2C9
 * interactions). Lines are verbatim from the oncology corpus.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { expandPattern, lexicons } from '../../src/criteria/lexicon';
import { phraseKey } from '../../src/criteria/text';
import { classesOf, drugsOf, readRule, therapy } from '../support/criteria';

const lex = lexicons();

const therapyClasses = (c: Condition | null): string[] =>
  c ? leavesOf(c).flatMap((l) => (l.fact === 'priorTherapy' ? ((l.params as { classes?: string[] }).classes ?? []) : [])) : [];

describe('target phrases: a treatment named by the gene it acts on', () => {
  it('map every phrase form of a target to the class that names the target', () => {
    expect(classesOf('BRAF-directed therapy')).toEqual(['braf_inhibitor']);
    expect(classesOf('MEK inhibition')).toEqual(['mek_inhibitor']);
    expect(classesOf('anti-KRAS')).toEqual(['kras_inhibitor']);
    expect(classesOf('KRAS G12C-directed')).toEqual(['kras_g12c_inhibitor']);
    // The cue-first phrasing is left to the therapy reader, which resolves each coordinated target
    // ("targeting BRAF and/or MEK") through the target's "<target> inhibitor" phrase.
    expect(classesOf('targeting BRAF')).toEqual([]);
    for (const t of ['BRAF', 'MEK', 'KRAS G12C', 'LILRB', 'HER3', 'CLDN18.2', 'B7-H3', 'PD-L2', 'ALK', 'ROS1', 'LAG-3']) {
      expect(classesOf(`${t} inhibitor`)).toHaveLength(1);
    }
    expect(classesOf('EGFR-directed therapy')).toEqual(['egfr_inhibitor']);
    expect(classesOf('ER targeting agents')).toEqual(['antiestrogen']);
    expect(classesOf('HER2-targeted monoclonal antibody therapy')).toEqual(['her2_antibody']);
    expect(classesOf('anti-LAG 3 antibody')).toEqual(['anti_lag3']);
  });

  it('give targets without an approved class a class of their own, with its source', () => {
    expect(classesOf('anti-PD-L2 agent')).toEqual(['anti_pd_l2']);
    expect(classesOf('anti-HER3 antibody')).toEqual(['her3_directed']);
    expect(classesOf('CLDN18.2 directed therapy')).toEqual(['cldn18_directed']);
    expect(classesOf('B7-H3 targeted agent')).toEqual(['b7h3_directed']);
    expect(classesOf('LILRB-directed therapy')).toEqual(['anti_lilrb']);
    for (const id of ['anti_pd_l2', 'her3_directed', 'cldn18_directed', 'b7h3_directed', 'anti_lilrb', 'ox40_agonist', 'cd137_agonist']) {
      expect(lex.classById.get(id)?.source).toMatch(/HGNC|FDA|NCI|pharmOncoX/);
    }
  });

  it('read agonists of co-stimulatory receptors as agonists, under the T-cell receptor-directed agents', () => {
    expect(classesOf('OX40 agonists')).toEqual(['ox40_agonist']);
    expect(classesOf('OX-40 agonist antibody')).toEqual(['ox40_agonist']);
    expect(classesOf('CD137 agonists')).toEqual(['cd137_agonist']);
    expect(classesOf('directed to another stimulatory or co-inhibitory T-cell receptor')).toEqual(['t_cell_receptor_agent']);
    expect(classesOf('targeting T-cell costimulatory or immune regulatory pathways')).toEqual(['t_cell_receptor_agent']);
    expect(lex.classAncestors.get('cd137_agonist')).toContain('t_cell_receptor_agent');
    expect(lex.classAncestors.get('anti_ctla4')).toContain('t_cell_receptor_agent');
    expect(lex.classAncestors.get('anti_pd_l2')).toContain('checkpoint_inhibitor');
    // A CD137 agonist is immunotherapy, not an inhibitor of its target.
    expect(lex.classById.get('cd137_agonist')?.kind).toBe('immunotherapy');
    expect(classesOf('CD137 inhibitor')).toEqual([]);
  });

  it('never let one target phrase stand for two classes', () => {
    const owner = new Map<string, string>();
    for (const c of lex.drugs.classes) {
      if (!c.targets?.length) continue;
      for (const p of (c.patterns ?? []).filter((x) => x.includes('{TARGET_'))) {
        for (const phrase of expandPattern(p, lex.drugs.macros ?? {})) {
          const k = phraseKey(phrase);
          expect([k, owner.get(k) ?? c.id]).toEqual([k, c.id]);
          owner.set(k, c.id);
        }
      }
    }
    expect(owner.size).toBeGreaterThan(5000);
  });

  it('does not take hormone names, English words or shared aliases for a target', () => {
    // "estrogens or 5-α reductase inhibitors" must not lend "inhibitors" to the hormone.
    expect(classesOf('estrogen inhibitors')).toEqual([]);
    expect(classesOf('patients who met the criteria')).toEqual([]);
    // RAS is KRAS, NRAS and HRAS: no single class owns it.
    expect(classesOf('RAS targeting agents')).toEqual([]);
  });
});

describe('criteria read through target phrases (verbatim corpus lines)', () => {
  it('reads CD137 agonists, IL-12 and anti-PD-L2 agents as prior-therapy classes', () => {
    expect(readRule('Prior treatment with CD137 agonists', 'exclusion').condition).toEqual(therapy({ classes: ['cd137_agonist'] }));
    expect(readRule('Prior IL-12 therapy.', 'exclusion', ['Recent medical concerns exclusions']).condition).toEqual(therapy({ classes: ['interleukin_12'] }));
    const pdl2 = readRule('Prior treatment with anti-PD-1, anti-PD-L1, or anti-PD-L2 agents.', 'exclusion');
    expect(pdl2.condition).toEqual(therapy({ classes: ['anti_pd1', 'anti_pd_l1', 'anti_pd_l2'] }));
    expect(pdl2.unread).toBe('');
  });

  it('reads a target-directed therapy and a target antibody', () => {
    expect(readRule('Prior treatment with B7-H3 targeted therapy.', 'exclusion').condition).toEqual(therapy({ classes: ['b7h3_directed'] }));
    const her3 = readRule('Had prior treatment with an anti-HER3 antibody and/or antibody-drug conjugate (ADC) that consists of an exatecan derivative that is a topoisomerase I inhibitor (eg, trastuzumab deruxtecan).', 'exclusion', [
      'Participants who meet any of the following criteria will be disqualified from entering the study:',
    ]);
    expect(therapyClasses(her3.condition)).toContain('her3_directed');
  });

  it('does not read an estrogen as an antiestrogen', () => {
    const r = readRule('Use of estrogens or 5-α reductase inhibitors (finasteride, dutasteride) within 28 days before first dose of study treatment.', 'exclusion');
    expect(therapyClasses(r.condition)).not.toContain('antiestrogen');
    expect(therapyClasses(r.condition)).toContain('five_alpha_reductase_inhibitor');
  });
});

describe('supportive and concomitant classes', () => {
  it('read the classes criteria name, each from its WHO ATC group or FDA table', () => {
    expect(classesOf('diuretics')).toEqual(['diuretic']);
    expect(classesOf('Antiarrhythmics')).toEqual(['antiarrhythmic']);
    expect(classesOf('Neuroleptics')).toEqual(['antipsychotic']);
    expect(classesOf('Ergot derivatives')).toEqual(['ergot_alkaloid']);
    expect(classesOf('probiotic supplements')).toEqual(['probiotic']);
    expect(classesOf('growth factor support')).toEqual(['hematopoietic_growth_factor']);
    expect(classesOf('Epoetin')).toEqual(['esa']);
    expect(classesOf('calcium channel blockers')).toEqual(['calcium_channel_blocker']);
    expect(classesOf('angiotensin II receptor blockers')).toEqual(['arb']);
    expect(classesOf('angiotensin converting enzyme inhibitors')).toEqual(['ace_inhibitor']);
    expect(classesOf('Sedative/Hypnotic agents')).toEqual(['sedative_hypnotic']);
    expect(classesOf('benzodiazepines')).toEqual(['benzodiazepine']);
    expect(classesOf('opioid analgesics')).toEqual(['opioid']);
    // Opioid dependence is a condition: the bare word is not a drug class.
    expect(classesOf('currently dependent on opioids')).toEqual([]);
    expect(classesOf('Strong CYP2C9 inhibitors or inducers')).toEqual(['strong_cyp2c9_inducer', 'strong_cyp2c9_inhibitor']);
    for (const id of ['diuretic', 'antiarrhythmic', 'antipsychotic', 'ergot_alkaloid', 'probiotic', 'antifibrinolytic', 'antiemetic_5ht3', 'calcium_channel_blocker', 'beta_blocker', 'arb', 'maoi', 'opioid', 'sedative_hypnotic']) {
      expect(lex.classById.get(id)?.kind).toBe('supportive');
      expect(lex.classById.get(id)?.source).toMatch(/WHO ATC [A-Z]\d\d/);
    }
  });

  it('place drugs in them by their ATC code or FDA listing', () => {
    expect(drugsOf('tranexamic acid')).toEqual(['tranexamic_acid']);
    expect(lex.drugById.get('tranexamic_acid')?.classes).toEqual(['antifibrinolytic']);
    expect(lex.drugById.get('pimozide')?.classes).toEqual(['antipsychotic']);
    expect(lex.drugById.get('amiodarone')?.classes).toEqual(expect.arrayContaining(['antiarrhythmic', 'moderate_cyp2c9_inhibitor', 'pgp_inhibitor']));
    // An antiviral active against herpesviruses (FDA label): the narrower class, under antiviral.
    expect(lex.drugById.get('cidofovir')?.classes).toEqual(['antiherpetic_antiviral']);
    expect([...(lex.classAncestors.get('antiherpetic_antiviral') ?? [])]).toContain('antiviral');
    expect(lex.drugById.get('octreotide')?.classes).toEqual(['somatostatin_analog']);
    expect(lex.classById.get('somatostatin_analog')?.kind).toBe('hormonal');
    expect(drugsOf('Darbepoetin alpha')).toEqual(['darbepoetin_alfa']);
    // The FDA table lists no strong CYP2C9 inhibitor: no drug is placed there.
    expect(lex.drugs.drugs.filter((d) => d.classes.includes('strong_cyp2c9_inhibitor'))).toEqual([]);
  });

  it('reads lines of disease-directed therapy ("anti-myeloma therapy") as systemic lines', () => {
    expect(readRule('Received 1 to 2 prior lines of anti-myeloma therapy.', 'inclusion').condition).toEqual({
      all: [
        { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'priorLines', operator: 'lessThanInclusive', value: 2 },
      ],
    });
    // The disease-status reader adds the progression now, beside it; which regimen was the last no fact
    // says, so the place stays unread (therapy-progression.ts).
    expect(readRule('Must have documented disease progression during or after their last anti-myeloma regimen.', 'inclusion').condition).toEqual({
      all: [
        { fact: 'diseaseStatus', operator: 'equal', value: 'progressing' },
        therapy({ kinds: ['systemic'], outcome: 'progression' }),
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'their last anti-myeloma regimen' } },
      ],
    });
  });

  it('read supportive-medication criteria', () => {
    expect(readRule('Taking diuretic', 'exclusion').condition).toEqual(therapy({ classes: ['diuretic'], withinDays: 1 }));
    // "Current use" is taking it now.
    expect(readRule('Current use of tranexamic acid', 'exclusion', ['Patients']).condition).toEqual(therapy({ drugs: ['tranexamic_acid'], withinDays: 1 }));
    const gf = readRule('Participants must not have received hematopoietic growth factors for at least 1 week prior to mononuclear cells collection.', 'inclusion', ['Prior Therapy:']);
    expect(leavesOf(gf.condition!)[0]).toEqual(therapy({ classes: ['hematopoietic_growth_factor'], withinDays: 7 }, false));
  });

  it('keep words that also name a hormone or a condition out of the drug phrases', () => {
    // Serum erythropoietin is a lab value; 'recombinant erythropoietin' or 'EPO' is the drug.
    expect(classesOf('serum erythropoietin level')).toEqual([]);
    expect(classesOf('recombinant erythropoietin')).toEqual(['esa']);
    // Antiretroviral therapy is written inside conditional HIV clauses the therapy reader cannot scope yet.
    const hiv = readRule('HIV infected patients must be on anti-retroviral therapy (ART) and have a well-controlled HIV infection/disease as defined in protocol.', 'inclusion');
    expect(therapyClasses(hiv.condition)).toEqual([]);
  });
});

describe('regimen spellings', () => {
  it('gives one mention for a regimen whose spellings fold to the same words ("AC-T", "AC/T")', () => {
    const mentions = lex.index.scan('Prior AC-T chemotherapy').filter((m) => m.type === 'regimen');
    expect(mentions.map((m) => m.text)).toEqual(['AC-T']);
  });
});
