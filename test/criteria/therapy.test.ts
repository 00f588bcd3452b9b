/**
 * Prior and concurrent therapy: the drug lexicon (rules/drugs.json) and the therapy extractor, pinned
 * on real criteria lines from the corpus (fixtures/criteria/therapy.lines.json).
 */
import { readCriterion } from '../../src/criteria/parse';
import { lexicons, loadLexicons } from '../../src/criteria/lexicon';
import { ANTICANCER_KINDS, leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { normalise, tokenize } from '../../src/criteria/text';
import { findScopes } from '../../src/criteria/negation';
import { editDistance, extractTherapy, fuzzyDrug, readWindows } from '../../src/criteria/extract/therapy';
import { goldenLines, readCondition, readLine, therapy } from '../support/criteria';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion', context: string[] = []) => readCondition(text, kind, context);

/** A qualifier the facts cannot express, held as an unparsed leaf inside the finding. */
const unread = (text: string, value = true): Condition => ({ fact: 'unparsed', operator: 'equal', value, params: { text } });

const therapyLeaves = (c: Condition | null): Condition[] =>
  c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy' || l.fact === 'priorLines') : [];

describe('drug lexicon (rules/drugs.json)', () => {
  const lex = lexicons();
  const drugOf = (phrase: string): string[] => lex.index.scan(phrase).filter((m) => m.type === 'drug').map((m) => m.id);
  const classOf = (phrase: string): string[] => lex.index.scan(phrase).filter((m) => m.type === 'drugClass').map((m) => m.id);
  const ancestors = (drug: string): Set<string> => {
    const out = new Set<string>();
    for (const c of lex.drugById.get(drug)?.classes ?? []) for (const a of lex.classAncestors.get(c) ?? []) out.add(a);
    return out;
  };

  it('loads through the zod schema with every class reference resolved', () => {
    expect(() => loadLexicons()).not.toThrow();
    expect(lex.drugs.drugs.length).toBeGreaterThan(300);
    expect(lex.drugs.classes.length).toBeGreaterThan(60);
  });

  it('maps brand names, code names and INN variants to one generic id', () => {
    expect(drugOf('Keytruda')).toEqual(['pembrolizumab']);
    expect(drugOf('MK-3475')).toEqual(['pembrolizumab']);
    expect(drugOf('Enhertu')).toEqual(['trastuzumab_deruxtecan']);
    expect(drugOf('T-DXd')).toEqual(['trastuzumab_deruxtecan']);
    expect(drugOf('DS-8201a')).toEqual(['trastuzumab_deruxtecan']);
    expect(drugOf('Dato-DXd')).toEqual(['datopotamab_deruxtecan']);
    expect(drugOf('Trodelvy')).toEqual(['sacituzumab_govitecan']);
    expect(drugOf('5-FU')).toEqual(['fluorouracil']);
    expect(drugOf('Kimmtrak')).toEqual(['tebentafusp']);
    expect(drugOf('Amtagvi')).toEqual(['lifileucel']);
    expect(drugOf('Opdualag')).toEqual(['nivolumab_relatlimab']);
  });

  it('keeps nab-paclitaxel distinct from paclitaxel, and both taxanes', () => {
    expect(drugOf('nab-paclitaxel')).toEqual(['nab_paclitaxel']);
    expect(drugOf('Abraxane')).toEqual(['nab_paclitaxel']);
    expect(drugOf('paclitaxel')).toEqual(['paclitaxel']);
    expect(ancestors('nab_paclitaxel').has('taxane')).toBe(true);
    expect(ancestors('paclitaxel').has('taxane')).toBe(true);
  });

  it('derives class membership from INN stems and targets, with the hierarchy', () => {
    expect(ancestors('palbociclib')).toEqual(expect.objectContaining({}));
    expect(ancestors('palbociclib').has('cdk46_inhibitor')).toBe(true);
    expect(ancestors('olaparib').has('parp_inhibitor')).toBe(true);
    expect(ancestors('osimertinib').has('egfr_tki_3g')).toBe(true);
    expect(ancestors('osimertinib').has('egfr_tki')).toBe(true);
    expect(ancestors('osimertinib').has('kinase_inhibitor')).toBe(true);
    expect(ancestors('pembrolizumab').has('anti_pd1')).toBe(true);
    expect(ancestors('pembrolizumab').has('checkpoint_inhibitor')).toBe(true);
    expect(ancestors('durvalumab').has('anti_pd1_pdl1')).toBe(true);
    expect(ancestors('carboplatin').has('platinum')).toBe(true);
    expect(ancestors('trastuzumab_deruxtecan').has('her2_directed')).toBe(true);
    expect(ancestors('trastuzumab_deruxtecan').has('topo1_adc')).toBe(true);
    expect(ancestors('sotorasib').has('kras_g12c_inhibitor')).toBe(true);
    expect(ancestors('tarlatamab').has('t_cell_engager')).toBe(true);
    expect(ancestors('lutetium_lu_177_vipivotide_tetraxetan').has('psma_radioligand')).toBe(true);
  });

  it('does not put a topoisomerase I ADC in the plain topoisomerase I inhibitor class', () => {
    expect(ancestors('trastuzumab_deruxtecan').has('topoisomerase_i_inhibitor')).toBe(false);
    expect(ancestors('irinotecan').has('topoisomerase_i_inhibitor')).toBe(true);
  });

  it('reads class phrases, including ones that name two classes at once', () => {
    expect(classOf('CDK4/6 inhibitors')).toEqual(['cdk46_inhibitor']);
    expect(classOf('anti-PD-(L)1')).toEqual(['anti_pd1_pdl1']);
    expect(classOf('EGFR-TKI')).toEqual(['egfr_tki']);
    expect(classOf('BRAF/MEK inhibitors').sort()).toEqual(['braf_inhibitor', 'mek_inhibitor']);
  });

  it('gives every class a treatment kind and every drug but leucovorin a class', () => {
    for (const c of lex.drugs.classes) expect(c.kind).toBeTruthy();
    const classless = lex.drugs.drugs.filter((d) => d.classes.length === 0).map((d) => d.id);
    expect(classless).toEqual(['leucovorin']);
  });

  it('keeps palbociclib and ribociclib distinct drugs', () => {
    expect(drugOf('palbociclib')).toEqual(['palbociclib']);
    expect(drugOf('ribociclib')).toEqual(['ribociclib']);
    expect(drugOf('abemaciclib')).toEqual(['abemaciclib']);
  });

  it('does not read English words or lab names as drugs', () => {
    for (const phrase of ['cortisol', 'testosterone', 'insulin', 'the act of', 'PIs', 'investigational site']) {
      expect(drugOf(phrase)).toEqual([]);
    }
  });
});

describe('drug-name typo tolerance', () => {
  const lex = lexicons();

  it('reads a name one edit away from exactly one drug', () => {
    expect(fuzzyDrug(lex, 'pembrolizumb')).toBe('pembrolizumab');
    expect(fuzzyDrug(lex, 'osimertnib')).toBe('osimertinib');
    expect(fuzzyDrug(lex, 'doceteaxel')).toBe('docetaxel');
    expect(fuzzyDrug(lex, 'Epirubucin')).toBe('epirubicin');
  });

  it('never merges palbociclib and ribociclib, nor any name close to two drugs', () => {
    expect(editDistance('palbociclib', 'ribociclib')).toBeGreaterThan(1);
    expect(fuzzyDrug(lex, 'palbociclib')).toBeNull();
    expect(fuzzyDrug(lex, 'ribociclib')).toBeNull();
    expect(fuzzyDrug(lex, 'ribocilib')).toBe('ribociclib');
    expect(fuzzyDrug(lex, 'palbocicib')).toBe('palbociclib');
    // One edit from ribociclib, two from palbociclib: ambiguous, so unread.
    expect(fuzzyDrug(lex, 'rabociclib')).toBeNull();
  });

  it('leaves ordinary long words alone', () => {
    for (const w of ['treatment', 'investigational', 'pneumonitis', 'randomization', 'chemotherapy', 'interventional', 'malignancy']) {
      expect(fuzzyDrug(lex, w)).toBeNull();
    }
  });

  it('reads a misspelt drug in a criterion', () => {
    expect(read('Prior treatment with pembrolizumb.', 'exclusion')).toEqual(therapy({ drugs: ['pembrolizumab'] }));
  });
});

describe('therapy windows', () => {
  it('reads units to days (1 week = 7, 1 month = 30)', () => {
    expect(readWindows('within 4 weeks prior to the first dose')).toEqual([
      expect.objectContaining({ days: 28, sense: 'within' }),
    ]);
    expect(readWindows('within 3 months')).toEqual([expect.objectContaining({ days: 90, sense: 'within' })]);
    expect(readWindows('at least 14 days since the last dose of')).toEqual([expect.objectContaining({ days: 14, sense: 'since' })]);
  });

  it('does not read an age or a lab timing as a washout', () => {
    expect(readWindows('>= 50 years of age')).toEqual([]);
    expect(readWindows('relapse within 6 months of completing adjuvant therapy')).toEqual([]);
  });
});

describe('therapy extractor: exact conditions', () => {
  it('reads "No prior X" as priorTherapy(X) = false', () => {
    expect(read('No prior taxane.')).toEqual(therapy({ classes: ['taxane'] }, false));
    expect(read('No prior therapy with a CDK inhibitor')).toEqual(therapy({ classes: ['cdk_inhibitor'] }, false));
  });

  it('reads a named class in an exclusion as the excluding condition', () => {
    expect(read('Prior treatment with CDK4/6 inhibitor.', 'exclusion')).toEqual(therapy({ classes: ['cdk46_inhibitor'] }));
  });

  it('folds the generic head into the named drug ("Prior treatment with lapatinib")', () => {
    expect(read('Prior treatment with lapatinib.', 'exclusion')).toEqual(therapy({ drugs: ['lapatinib'] }));
  });

  it('reads a list of drugs as one any-of filter', () => {
    expect(read('Prior treatment with palbociclib, ribociclib or abemaciclib.', 'exclusion')).toEqual(therapy({ drugs: ['palbociclib', 'ribociclib', 'abemaciclib'] }));
  });

  it('reads an exclusion window as withinDays with the condition true', () => {
    expect(read('Chemotherapy within 21 days before the first dose.', 'exclusion')).toEqual(therapy({ kinds: ['chemotherapy'], withinDays: 21 }));
  });

  it('reads a minimum gap in an inclusion as withinDays with the condition false', () => {
    expect(read('At least 4 weeks since prior chemotherapy.')).toEqual(therapy({ kinds: ['chemotherapy'], withinDays: 28 }, false));
  });

  it('reads "major surgery within 4 weeks" as surgery within 28 days', () => {
    expect(read('Major surgery within 4 weeks', 'exclusion')).toEqual(therapy({ kinds: ['surgery'], withinDays: 28 }));
  });

  it('reads surgery without a time window only as a necessary condition, and only where the text says it was had', () => {
    expect(read('Previous abdominal surgery or radiotherapy', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['surgery', 'radiation'] }), unread('abdominal')],
    });
    expect(therapyLeaves(read('No evidence of distant metastases, as evaluated by computed tomography or laparotomy'))).toEqual([]);
  });

  it('reads the setting of a forbidden treatment', () => {
    expect(read('No prior systemic therapy for metastatic disease.')).toEqual(therapy({ kinds: ['systemic'], setting: 'metastatic' }, false));
    expect(read('Prior CDK4/6 inhibitor in the metastatic setting.', 'exclusion')).toEqual(therapy({ classes: ['cdk46_inhibitor'], setting: 'metastatic' }));
  });

  it('reads progression on a class as outcome progression', () => {
    expect(read('Disease progression on or after platinum-based chemotherapy.')).toEqual(
      therapy({ classes: ['platinum'], outcome: 'progression' }),
    );
    expect(read('Participants must have progressed on at least one prior EGFR TKI.')).toEqual(
      therapy({ classes: ['egfr_tki'], outcome: 'progression' }),
    );
  });

  it('reads "X in combination with Y" as both required', () => {
    expect(read('Previously treated with a CDK4/6 inhibitor in combination with an aromatase inhibitor.')).toEqual({
      all: [therapy({ classes: ['cdk46_inhibitor'] }), therapy({ classes: ['aromatase_inhibitor'] })],
    });
  });

  it('counts prior lines with comparators, ranges and settings', () => {
    expect(read('At least one prior line of systemic therapy.')).toEqual({ fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 });
    expect(read('Received 1-3 prior regimens.')).toEqual({
      all: [
        { fact: 'priorLines', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'priorLines', operator: 'lessThanInclusive', value: 3 },
      ],
    });
    expect(read('No more than two prior lines of chemotherapy for metastatic disease.')).toEqual({
      fact: 'priorLines',
      operator: 'lessThanInclusive',
      value: 2,
      params: { setting: 'metastatic', kinds: ['chemotherapy'] },
    });
  });

  it('reads treatment-naive wording as priorTherapy = false, never as priorLines = 0', () => {
    expect(read('Treatment-naive patients.')).toEqual(therapy({ kinds: ['systemic'] }, false));
    expect(read('Chemotherapy-naive.')).toEqual(therapy({ kinds: ['chemotherapy'] }, false));
  });

  it('reads current use as withinDays 1', () => {
    expect(read('Patients who are receiving any other investigational agents.', 'exclusion')).toEqual(therapy({ kinds: ['investigational'], withinDays: 1 }));
  });

  it('reads "N weeks or 5 half-lives, whichever is longer" as receipt within the weeks or earlier receipt left open; when shorter the weeks bound a necessary condition', () => {
    // At least 30 days: receipt within them excludes; earlier receipt depends on the half-lives.
    expect(
      read('Treatment with any investigational drug within 30 days or 5 half-lives, whichever is longer, before the first dose.', 'exclusion'),
    ).toEqual({
      any: [
        therapy({ kinds: ['investigational'], withinDays: 30 }),
        { all: [therapy({ kinds: ['investigational'] }), unread('within 30 days or 5 half-lives, whichever is longer')] },
      ],
    });
    // Within the shorter of 30 days and 5 half-lives implies within 30 days, not the reverse.
    expect(read('Treatment with any investigational drug within 30 days or 5 half-lives, whichever is shorter, before the first dose.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['investigational'], withinDays: 30 }), unread('within 30 days or 5 half-lives, whichever is shorter')],
    });
  });

  it('reads "unless completed more than N months before" as a window on the exclusion', () => {
    expect(
      read(
        'Prior systemic treatment with anti-PD-1/PD-L1/PD-L2/CTLA-4 antibodies in the adjuvant setting, unless completed more than 6 months before enrolment in this study',
        'exclusion',
      ),
    ).toEqual(therapy({ classes: ['anti_pd1_pdl1', 'anti_pd_l2', 'anti_ctla4'], withinDays: 180, setting: 'adjuvant' }));
  });

  it('does not read toxicity from prior therapy, hypersensitivity or eligibility for a drug as prior therapy', () => {
    expect(therapyLeaves(read('Any ongoing toxicity from prior anti-cancer therapy that is >Grade 1', 'exclusion'))).toEqual([]);
    expect(therapyLeaves(read('Known hypersensitivity against 5-FU, leukovorin, oxaliplatin or other platinum compounds or pazopanib.', 'exclusion'))).toEqual([]);
    expect(therapyLeaves(read('Has known allergies, hypersensitivity, or intolerance to excipients of any of the following: amivantamab, cetuximab or bevacizumab', 'exclusion'))).toEqual([]);
    expect(therapyLeaves(read('Eligible to receive treatment with a government approved PD-1 inhibitor.'))).toEqual([]);
  });

  it('does not read a permission as a requirement: the treatment permitted only gates the sentence', () => {
    expect(read('Prior endocrine therapy was permitted in the neoadjuvant or adjuvant or metastatic setting.')).toEqual({
      any: [therapy({ kinds: ['hormonal'] }, false), unread('Prior endocrine therapy was permitted in the neoadjuvant or adjuvant or metastatic setting')],
    });
    // Never a requirement on the treatment: whoever did not have it meets the sentence.
    const c = read('Patients can be receiving trastuzumab and/or hormonal therapy and/or bisphosphonates')!;
    expect((therapyLeaves(c) as LeafCondition[]).every((l) => l.value === false)).toBe(true);
    // "eligible if they received X" makes X the requirement, not the subject: no gate.
    expect(read('AML patients are eligible only if they received first-line therapy with HMAs (decitabine or azacytidine) for 4 cycles and achieved only PR at the end of cycle 4.')).toBeNull();
    // Naive patients are the subject here, so a gate on the treatment would be reversed.
    expect(read('Treatment-naïve patients will be eligible only if they refused standard treatment.')).toBeNull();
  });

  it('keeps an adjective or a cohort label before a treatment as an unread narrowing of it', () => {
    expect(read('Patients who have had previous retroperitoneal surgery', 'exclusion')).toEqual({ all: [therapy({ kinds: ['surgery'] }), unread('retroperitoneal')] });
    expect(read('(Phase 1b only) Participants who were previously exposed to atezolizumab', 'exclusion')).toEqual({
      all: [therapy({ drugs: ['atezolizumab'] }), unread('Phase 1b only) Participants who were previously exposed')],
    });
    // Not an adjective that changes what is said of the treatment.
    expect(therapyLeaves(read('Prior prophylactic chemotherapy', 'exclusion'))).toEqual([]);
  });

  it('reads a steroid dose parenthesis as a narrowing, and "or other immunosuppressants" as the next alternative with the same window', () => {
    expect(read('Systemic corticosteroids (> 10 mg daily prednisone equivalent) or other immunosuppressive medications =< 14 days prior to registration', 'exclusion')).toEqual({
      any: [
        { all: [therapy({ classes: ['corticosteroid'], withinDays: 14 }), unread('10 mg daily prednisone equivalent')] },
        // "Other" names no narrower class: corticosteroids are not immunosuppressants (ATC H02 vs L04).
        therapy({ classes: ['immunosuppressant'], withinDays: 14 }),
      ],
    });
  });

  it('reads a minimum gap an exclusion list states as a requirement as the use it excludes, never inverted', () => {
    // Excludes steroid use within 2 weeks, not its absence.
    expect(read('Subjects must be off steroids for at least 2 weeks prior to initiation of investigational product', 'exclusion')).toEqual(
      therapy({ classes: ['corticosteroid'], withinDays: 14 }),
    );
    expect(read('At least 4 weeks since prior chemotherapy', 'exclusion')).toEqual(therapy({ kinds: ['chemotherapy'], withinDays: 28 }));
    // After another sentence it may bind only those that sentence spoke of: left unread.
    expect(
      therapyLeaves(read('Symptomatic brain metastases. Brain metastases may be treated or untreated, but must be asymptomatic and off steroids and radiation for at least 14 days prior to start of study intervention.', 'exclusion')),
    ).toEqual([]);
  });

  it('reads "treatment-naive" beside "locally advanced or metastatic", but never wider than a setting it cannot read', () => {
    // The "or" joins extents and ways of confirming the diagnosis, not alternatives to being untreated.
    expect(
      therapyLeaves(read('Histologically or cytologically confirmed, treatment-naïve, locally advanced or metastatic pancreatic adenocarcinoma.')),
    ).toEqual([therapy({ kinds: ['systemic'], setting: 'advanced' }, false)]);
    // "for their locally advanced or metastatic disease" is read as the setting of the generic treatment
    // after "with": a patient treated in the adjuvant setting is not failed.
    expect(therapyLeaves(read('Previously untreated with any systemic anticancer therapy for their locally advanced or metastatic disease.'))).toEqual([
      therapy({ kinds: ['systemic'], setting: 'advanced' }, false),
    ]);
    // Without a setting it can read, the naive word stays unread.
    expect(therapyLeaves(read('Previously untreated with any systemic anticancer therapy for their first-line disease.'))).toEqual([]);
  });

  it('keeps an outcome on the therapy it is about, not on what that therapy included', () => {
    expect(therapyLeaves(read('Must have progressed on standard therapy, including platinum-based chemotherapy and checkpoint inhibitor therapy.'))).toEqual([
      // Progression on standard therapy, which may be of any anticancer kind (therapy-standard.ts).
      therapy({ kinds: [...ANTICANCER_KINDS], outcome: 'progression' }),
      therapy({ classes: ['platinum'] }),
      therapy({ classes: ['checkpoint_inhibitor'] }),
    ]);
  });

  it('keeps a permission in a parenthesis to the treatments inside it', () => {
    // "(surgery permitted)" is an aside: the radiotherapy before it is still the exclusion, narrowed by its site.
    expect(therapyLeaves(read('Prior radiotherapy to the brain (surgery permitted).', 'exclusion'))).toEqual([therapy({ kinds: ['radiation'] })]);
    expect(read('Concurrent cytotoxic chemotherapy (sequential neoadjuvant or adjuvant cytotoxic therapy allowed)', 'exclusion')).not.toBeNull();
  });

  it('reads what follows a treatment (its toxicities, a requirement on those who had it) as gated by the treatment', () => {
    const gateIn = (c: Condition | null, kind: 'inclusion' | 'exclusion'): unknown => {
      const top = c && ('any' in c || 'all' in c) ? ('any' in c ? c.any : c.all) : [];
      return { op: c && 'any' in c ? 'any' : 'all', therapy: (therapyLeaves(c) as LeafCondition[]).map((l) => [l.params, l.value]), unread: top.some((x) => 'fact' in x && x.fact === 'unparsed'), kind };
    };
    // Exclusion: applies only to someone who had the treatment.
    expect(gateIn(read('Grade ≥ 3 immune-related adverse events (irAEs) or irAE that lead to discontinuation of prior immunotherapy.', 'exclusion'), 'exclusion')).toEqual({
      op: 'all',
      therapy: [[{ kinds: ['immunotherapy'] }, true]],
      unread: true,
      kind: 'exclusion',
    });
    // Inclusion: met by anyone who did not have it.
    expect(gateIn(read('If subjects received prior chemotherapy for metastatic disease, they should have documented radiographic or clinical progression.'), 'inclusion')).toEqual({
      op: 'any',
      therapy: [[{ kinds: ['chemotherapy'] }, false]],
      unread: true,
      kind: 'inclusion',
    });
    // A generic "anticancer therapy" gates on every kind of treatment, never on systemic therapy alone.
    const generic = (therapyLeaves(read('Residual toxicity from prior anticancer therapy of grade 3 or greater (CTCAE v5.0), with the exception of alopecia.', 'exclusion')) as LeafCondition[]);
    expect(generic[0]?.params).toEqual({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'] });
    // Recovered at least 28 days before the first dose: the operation was longer ago than that, whatever
    // the injury beside it (therapy-surgery.ts readRecoveryWindows); the recovery stays unread beside it.
    expect(read('Participants must have recovered from effects of any major surgery or significant traumatic injury at least 28 days before the first dose of study treatment')).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 28 }, false), unread('Participants must have recovered from effects of any major surgery or significant traumatic injury')],
    });
  });

  it('reads a modal prohibition in an exclusion list as the exclusion of the treatment, a bare "No prior X" not at all', () => {
    // "must not" / "must have had no" mark a stated requirement: what the line excludes is the treatment.
    expect(read('Participants must not have had prior radiation therapy within 7 days prior to randomization', 'exclusion')).toEqual(
      therapy({ kinds: ['radiation'], withinDays: 7 }),
    );
    expect(read('Patients must have had no prior chemotherapy.', 'exclusion')).toEqual(therapy({ kinds: ['chemotherapy'] }));
    // Listed among exclusions, "No prior chemotherapy" may mean either the requirement or its opposite.
    expect(read('No prior chemotherapy.', 'exclusion')).toBeNull();
  });

  it('reads treatment a condition required in a past window as a necessary condition of the exclusion', () => {
    expect(read('Recurrence or active malignancy requiring radiation or surgical treatment ≤12 months prior to enrollment', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation', 'surgery'], withinDays: 360 }), unread('Recurrence or active malignancy requiring')],
    });
    // A generic "systemic treatment" of a non-cancer condition is not anticancer therapy: left to the condition reader.
    const autoimmune = read('Active autoimmune disease that has required systemic treatment in the past 2 years', 'exclusion');
    expect(autoimmune).not.toBeNull();
    expect(leavesOf(autoimmune!).map((l) => l.fact)).not.toContain('priorTherapy');
  });

  it('does not read a window anchored on the therapy ("within 7 days prior to surgery")', () => {
    // Current use is read; the window counted back from the surgery to come stays with the coordinator.
    expect(read('Patients taking anticoagulants within 7 days prior to surgery.', 'exclusion')).toEqual({
      all: [therapy({ classes: ['anticoagulant'], withinDays: 1 }), unread('taking anticoagulants within 7 days')],
    });
  });

  it('reads a site-limited radiotherapy exclusion as a necessary condition with the site unread', () => {
    // No radiotherapy at all rules the exclusion out; any radiotherapy leaves the site to a coordinator.
    expect(read('Prior treatment with radiation therapy to the ipsilateral breast or chest wall', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation'] }), unread('ipsilateral breast or chest wall')],
    });
    // Forbidden in an inclusion, the same reading is negated: no radiotherapy passes, any is open.
    expect(read('No previous radiotherapy to the head and neck region.')).toEqual({
      any: [therapy({ kinds: ['radiation'] }, false), unread('head and neck region', false)],
    });
  });

  it('reads a dose-limited steroid exclusion as corticosteroid use, "prednisone or equivalent" as the whole class', () => {
    expect(read('Receiving ≥10 mg daily prednisone (or equivalent).', 'exclusion')).toEqual({
      all: [therapy({ classes: ['corticosteroid'] }), unread('10 mg daily prednisone (or equivalent')],
    });
    expect(read('Chronic use of steroids.', 'exclusion')).toEqual({ all: [therapy({ classes: ['corticosteroid'] }), unread('Chronic use')] });
  });

  it('reads a window past unread words in an exclusion, and only the longest of alternative windows', () => {
    expect(read('Radiotherapy to the target lesion within 2 months.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation'], withinDays: 60 }), unread('target lesion')],
    });
    const palliative = read(
      'Palliative radiotherapy with a limited field of radiation within 2 weeks or with wide field of radiation or to more than 30% of the bone marrow within 4 weeks before the first dose of study treatment',
      'exclusion',
    );
    expect(therapyLeaves(palliative)).toEqual([therapy({ kinds: ['radiation'], withinDays: 28 })]);
  });

  it('never reads a necessary condition from an incomplete list, an example list or one alternative among others', () => {
    // "… or novel ER-targeting agents": an unread member of the union. What was read is sufficient,
    // never necessary: no all(SERD, …); the unread member stays an alternative beside it.
    const serd = readCriterion(normalise('Prior treatment with another SERD (e.g., fulvestrant, oral SERDs) or novel ER-targeting agents').text, 'exclusion', []);
    expect(serd.condition).toEqual({ any: [therapy({ drugs: ['fulvestrant'] }), therapy({ classes: ['serd'] })] });
    expect(serd.unread).toBe('novel ER-targeting');
    // "… or live vaccines": an alternative after the list, which another reader takes: joined with "or", never
    // inside the union as a member whose finding would overlap (and be joined with "and").
    const vaccines = read('Use of systemic corticosteroids (>10 mg/day prednisone equivalent), immunosuppressants, or live vaccines within 28 days.', 'exclusion');
    expect(vaccines && 'any' in vaccines ? vaccines.any.slice(1) : vaccines).toEqual([
      therapy({ classes: ['immunosuppressant'], withinDays: 28 }),
      { fact: 'attestation', operator: 'equal', value: true, params: { topic: 'live_vaccine' } },
    ]);
    // Examples of "concurrent treatment for CNS disease" are not all of it.
    expect(therapyLeaves(read('No concurrent treatment for CNS disease (e.g., surgery, radiation, corticosteroids > 10 mg prednisone/day or equivalent);'))).toEqual([]);
    // Bypass surgery is one of many cardiac conditions.
    expect(
      therapyLeaves(
        read('Uncontrolled or severe cardiac disease (eg, history of unstable angina, myocardial infarction, or bypass surgery within the last 6 months), symptomatic congestive heart failure', 'exclusion'),
      ),
    ).toEqual([]);
  });

  it('reads a generic "anticancer therapy" as every kind of treatment when it must be a necessary condition', () => {
    expect(read('Anti-tumor therapy (except small surgery) within 4 weeks before enrollment.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], withinDays: 28 }), unread('small')],
    });
  });

  it('drops the optional partner of "X with or without Y"', () => {
    expect(therapyLeaves(read('Progressed during or following treatment with an anti-PD-1 antibody with or without platinum-based chemotherapy.'))).toEqual([
      therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
    ]);
  });

  it('does not read the trial\'s own investigational drug or treatments a lead-in permits', () => {
    expect(therapyLeaves(read('Men receiving the investigational drug must use contraception.', 'exclusion'))).toEqual([]);
    expect(
      therapyLeaves(
        read('Replacement therapy (e.g. thyroxine, insulin, or physiologic corticosteroid replacement therapy for adrenal or pituitary insufficiency, etc)', 'exclusion', [
          'Systemic steroid therapy or any other form of immunosuppressive therapy within 14 days prior to the first dose of study treatment. The following are permitted:',
        ]),
      ),
    ).toEqual([]);
  });

  it('reads a window given in the heading above an item', () => {
    expect(read('Hormonal therapy within 1 week.', 'exclusion', ['Subjects who have received any of the following treatments within the specified period before the start of study drug:'])).toEqual(therapy({ kinds: ['hormonal'], withinDays: 7 }));
  });
});

describe('therapy extractor: golden lines from the corpus', () => {
  const lines = goldenLines('therapy.lines.json');

  it('has at least 80 real lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
  });

  it.each(lines.map((l) => [`${l.nctId}: ${l.text.slice(0, 60)}`, l] as const))('%s', (_name, line) => {
    expect(readLine(line.text, line.kind, line.context)).toMatchSnapshot(`${line.nctId}: ${line.text.slice(0, 60)}`);
  });

  it('never throws and stays fast on hostile input', () => {
    const lex = lexicons();
    const hostile = [
      '(((((',
      '\u0000\u0001\u0002',
      'prior '.repeat(20000),
      'within 4 weeks '.repeat(5000),
      'A'.repeat(1_000_000),
      'prior chemotherapy, '.repeat(3000),
      'No prior chemotherapy or radiotherapy within 4 weeks. '.repeat(2000),
    ];
    for (const h of hostile) {
      const text = normalise(h).text;
      const tokens = tokenize(text);
      const input = { kind: 'exclusion' as const, text, tokens, mentions: lex.index.scan(text, tokens), scopes: findScopes(text, lex, tokens), context: [], contextMentions: [], lex };
      // Runaway input is caught by the jest timeout; speed itself is measured by `npm run bench:parse`.
      expect(() => extractTherapy(input)).not.toThrow();
    }
  });
});

describe('investigational as a bare adjective', () => {
  it('reads no prior therapy from an investigational test, site or device', () => {
    const line = 'Provision of mandatory blood samples at screening for central testing using an investigational ctDNA test to be stratified based on PIK3CA/AKT1/PTEN status.';
    expect(therapyLeaves(read(line))).toEqual([]);
    expect(therapyLeaves(read('Treatment at an investigational site within the last 6 months', 'exclusion'))).toEqual([]);
  });

  it('still reads an investigational agent within a window', () => {
    expect(therapyLeaves(read('Received an investigational agent within 28 days of the first dose', 'exclusion'))).toEqual([
      therapy({ kinds: ['investigational'], withinDays: 28 }),
    ]);
  });
});
