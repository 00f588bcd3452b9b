/**
 * Therapy phrasing families read without a requirement of their own: permissions, supportive care a
 * condition requires, plans offered beside receipt, and positive inclusions whose list is one option
 * or binds only some patients (read as sufficient, any(X, unread)). Every line is verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import type { Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';
import { criterionRule, judgeRecord, readCondition, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion', context: string[] = []) => readCondition(text, kind, context);


describe('permissions need no cue', () => {
  it('an inclusion permitting a treatment is met by anyone who did not have it', () => {
    const text = 'Peri-operative radiation therapy is allowed.';
    expect(read(text)).toEqual({
      any: [therapy({ kinds: ['radiation'] }, false), unread('Peri-operative radiation therapy is allowed')],
    });
  });

  it('an exclusion permitting steroids can apply only to someone who had them', () => {
    const text = 'Steroids for physiological replacement are allowed.';
    expect(read(text, 'exclusion')).toEqual({
      all: [therapy({ classes: ['corticosteroid'] }), unread('Steroids for physiological replacement are allowed')],
    });
  });

  it('a parenthesis of examples between the list and its permission is gated with it', () => {
    const text =
      'Patients who have received prior anti-CTLA4 monoclonal antibody therapy (ipilimumab or tremelimumab) are eligible.';
    const c = read(text);
    expect(c).toEqual({
      any: [
        {
          all: [therapy({ drugs: ['ipilimumab', 'tremelimumab'] }, false), therapy({ classes: ['anti_ctla4'] }, false)],
        },
        unread(
          'Patients who have received prior anti-CTLA4 monoclonal antibody therapy (ipilimumab or tremelimumab) are eligible',
        ),
      ],
    });
  });
});

describe('supportive care a condition requires', () => {
  it('reads "a condition requiring systemic treatment with corticosteroids" as steroids received, with the condition unread', () => {
    const text = 'Has a condition requiring systemic treatment with corticosteroids';
    expect(read(text, 'exclusion')).toEqual({
      all: [therapy({ classes: ['corticosteroid'] }), unread('condition requiring')],
    });
  });

  it('reads "Requirement for ongoing … immunosuppressive therapy" as current use, necessary only', () => {
    const c = read(
      '15\\. Requirement for ongoing concurrent systemic immunosuppressive therapy (other than corticosteroids).',
      'exclusion',
    );
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['immunosuppressant'], withinDays: 1 })]);
    expect(c).toMatchObject({
      all: [therapy({ classes: ['immunosuppressant'], withinDays: 1 }), { fact: 'unparsed' }],
    });
  });

  it('leaves a named condition requiring steroids to the history reader ("pneumonitis requiring steroids")', () => {
    // The only steroid leaf is the one the history reader puts beside the past pneumonitis.
    const c = read('Interstitial lung disease or prior pneumonitis requiring steroids.', 'exclusion');
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['corticosteroid'] })]);
    expect(c).toMatchObject({ any: [expect.anything(), { all: [{ fact: 'condition' }, therapy({ classes: ['corticosteroid'] }), { fact: 'unparsed' }] }] });
  });

  it('does not read a generic anticancer treatment a malignancy requires (it may be still to come)', () => {
    expect(
      therapyLeaves(read('Concurrent malignancy requiring systemic therapy other than hormonal therapy.', 'exclusion')),
    ).toEqual([]);
  });

  it('does not read required supportive care in an inclusion', () => {
    expect(therapyLeaves(read('Patients requiring steroids must be on a stable dose for 7 days.'))).toEqual([]);
  });
});

describe('a plan offered beside receipt', () => {
  it('reads the receipt and keeps the plan as an unread alternative', () => {
    const text = 'Has had or has planned major surgery within 2 weeks of the first dose of study drug;';
    const c = read(text, 'exclusion') as { any: Condition[] };
    expect(c.any.slice(0, 2)).toEqual([
      therapy({ kinds: ['surgery'], withinDays: 14 }),
      unread('Has had or has planned major surgery within 2 weeks of the first dose of study drug'),
    ]);
    expect(therapyLeaves(c)).toHaveLength(1);
  });

  it('keeps the site of a radiation phrase as a qualifier ("pelvic radiotherapy")', () => {
    const c = read('Planned for or previously had pelvic radiotherapy', 'exclusion') as { any: Condition[] };
    expect(c.any[0]).toEqual({
      all: [therapy({ kinds: ['radiation'] }), unread('Planned for or previously had pelvic radiotherapy')],
    });
    expect(c.any.slice(1).every((x) => 'fact' in x && x.fact === 'unparsed')).toBe(true);
  });

  it('still blocks a plan alone ("planned chemotherapy")', () => {
    expect(
      therapyLeaves(
        read(
          'Existing contraindication against the use of palbociclib, planned chemotherapy or planned endocrine therapy.',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });
});

describe('a site inside a radiation phrase', () => {
  it('reads "Prior pelvic radiation" as radiation with the site unread, not any radiation', () => {
    expect(read('Prior pelvic radiation', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation'] }), unread('Prior pelvic radiation')],
    });
  });
});

describe('positive inclusions read as sufficient', () => {
  it('a requirement limited to some patients: any(not the population, X)', () => {
    const text =
      'Subjects with actionable target tumor mutation should have been previously treated with targeted therapy.';
    expect(read(text)).toEqual({
      any: [{ fact: 'actionableAlteration', operator: 'equal', value: false }, therapy({ kinds: ['targeted'] })],
    });
  });

  it('a cohort label with a union of classes', () => {
    expect(read('Part B: prior treatment with any MEK or BRAF inhibitor')).toEqual({
      any: [
        therapy({ classes: ['mek_inhibitor', 'braf_inhibitor'] }),
        unread('Part B: prior treatment with any MEK or BRAF inhibitor'),
      ],
    });
  });

  it('an alternative clause after the list', () => {
    const text = 'Progressed following prior treatment or who have no satisfactory alternative treatment option.';
    expect(read(text)).toEqual({
      any: [
        therapy({ kinds: ['systemic'], outcome: 'progression' }),
        unread('Progressed following prior treatment or who have no satisfactory alternative treatment option'),
      ],
    });
  });

  it('one option of two, each with its setting', () => {
    const c = read(
      'Patients must have either received a taxane in the adjuvant setting or received a taxane as first-line treatment for metastatic breast cancer',
    );
    // The first-line option cannot be said; the adjuvant one suffices.
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['taxane'], setting: 'adjuvant' })]);
    expect(c).toMatchObject({ any: [therapy({ classes: ['taxane'], setting: 'adjuvant' }), { fact: 'unparsed' }] });
  });

  it('a condition after the list ("…, unless the patient is not a candidate")', () => {
    const text =
      'Must have received platinum-based chemotherapy for metastatic disease, unless the patient is not a candidate in the opinion of the treating physician.';
    expect(therapyLeaves(read(text))).toEqual([therapy({ classes: ['platinum'], setting: 'metastatic' })]);
  });

  it('not when words before the list narrow it ("progressed following front-line", "2 doses of")', () => {
    expect(
      therapyLeaves(
        read(
          'Parts 1B and 1C combination: Advanced/metastatic NSCLC which has progressed following front-line anti-PD-1/PD-L1 with or without concurrent chemotherapy.',
        ),
      ),
    ).toEqual([]);
    // Since session 22 the outcome after "is required" is read: the treatment with its outcomes is a
    // necessary condition beside the unread "2 doses", never a sufficient option.
    expect(
      criterionRule(
        'Prior treatment with an at least 2 doses of approved or investigational immune checkpoint inhibitor is required with documented progression or intolerability to the treatment.',
        'inclusion',
      ),
    ).toEqual({
      all: [
        {
          any: [
            therapy({ classes: ['checkpoint_inhibitor'], outcome: 'progression' }),
            therapy({ classes: ['checkpoint_inhibitor'], outcome: 'intolerance' }),
          ],
        },
        unread('2 doses'),
      ],
    });
  });

  it('not when words after the list narrow it ("within a … sponsored study", "is planned")', () => {
    expect(
      therapyLeaves(
        read(
          'Patient is currently receiving treatment with dabrafenib/trametinib monotherapy or combination within a Novartis or former GSK sponsored study which has fulfilled the requirements for the primary objective.',
        ),
      ),
    ).toEqual([]);
    expect(
      therapyLeaves(
        read(
          'Must have an advanced stage III or stage IV melanoma diagnosis for which treatment with ipilimumab, nivolumab, and/or pembrolizumab, either alone or in combination with other ICI therapy, is planned.',
        ),
      ),
    ).toEqual([]);
  });

  it('not when the sentence joins a further requirement with "and"', () => {
    const text =
      'Patients with BRAF V600 mutant melanoma must have previously received BRAF targeted therapy for metastatic melanoma and later experienced disease progression.';
    expect(therapyLeaves(read(text))).toEqual([]);
  });

  it('not for a radiation phrase narrower than the kind, nor for "standard therapy"', () => {
    expect(
      therapyLeaves(
        read(
          'Prior PCI or whole brain radiation therapy per standard of care with new and/or recurrent brain metastases to be treated with SRS or hfSRT',
        ),
      ),
    ).toEqual([]);
    expect(
      therapyLeaves(
        read(
          'Patients with melanoma must have had objective evidence of disease progression while on or after standard systemic therapy.',
        ),
      ),
    ).toEqual([]);
  });
});

describe("an exclusion's necessary reading with other words at the head", () => {
  it('keeps up to two content words before the list as part of the unread qualifier', () => {
    expect(read('Prior treatment with KRAS G12D targeted therapy.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['targeted'] }), unread('KRAS G12D')],
    });
    expect(read('Prior direct radiation therapy to the tumor lesion to be injected.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation'] }), unread('direct radiation therapy to the tumor lesion to be injected')],
    });
  });

  it('not when the head turns the treatment into something still to come or prevented', () => {
    expect(
      therapyLeaves(
        read('Active autoimmune disease that would preclude the administration of immunotherapy', 'exclusion'),
      ),
    ).toEqual([]);
    expect(
      therapyLeaves(
        read(
          'Significant surgery is expected to be performed during the 28-day screening period during the study period.',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });

  it('not for the study drug ("the last dose of investigational study drug")', () => {
    const text =
      'Patients must remain on anti-viral therapy for at least 6 months beyond the last dose of investigational study drug.';
    expect(therapyLeaves(read(text, 'exclusion'))).toEqual([]);
  });

  it('a number of weeks no window reader took keeps the reading necessary, without a window from the lead-in', () => {
    const c = read('Washout period for nitrosoureas or mitomycin is ≤6 weeks.', 'exclusion', [
      'Any of the following within 4 weeks prior to the first dose:',
    ]);
    expect(therapyLeaves(c)).toEqual([therapy({ drugs: ['mitomycin'] }), therapy({ classes: ['nitrosourea'] })]);
    expect(c).toMatchObject({
      all: [{ any: [therapy({ drugs: ['mitomycin'] }), therapy({ classes: ['nitrosourea'] })] }, { fact: 'unparsed' }],
    });
  });

  it('leaves a range of weeks since a treatment unread ("at least 4 weeks but no more than 12 weeks")', () => {
    const text =
      'At least 4 weeks but no more than 12 weeks between definitive breast surgery (or the last surgery with curative intent if additional resection is required for breast cancer) and treatment initiation for cohort 1 and no more than 12 weeks for cohort 2,';
    expect(therapyLeaves(read(text))).toEqual([]);
  });
});

describe('an unread alternative ending an exclusion clause', () => {
  it('reads the list before it as sufficient, the alternative left unread', () => {
    const r = readCriterion(
      normalise('Prior treatment with any MET inhibitor or hepatocyte growth factor -targeting therapy.').text,
      'exclusion',
      [],
    );
    expect(r.condition).toEqual(therapy({ classes: ['met_inhibitor'] }));
    expect(r.unread).toBe('hepatocyte growth factor -targeting');
  });

  it('not when words after the alternative may qualify the list too', () => {
    expect(
      therapyLeaves(
        read(
          'Prior treatment with any MET inhibitor or hepatocyte growth factor-targeting therapy for metastatic disease.',
          'exclusion',
        ),
      ),
    ).not.toContainEqual(therapy({ classes: ['met_inhibitor'] }));
  });
});

describe('other topics\' "or" beside a treatment-naive reading', () => {
  it('reads "previously untreated" where the only "or" is inside a cancer or between stage groups', () => {
    expect(
      therapyLeaves(
        read('Previously untreated, unresectable, locally advanced or metastatic gastric or GEJ adenocarcinoma.'),
      ),
    ).toEqual([therapy({ kinds: ['systemic'], setting: 'advanced' }, false)]);
    expect(
      therapyLeaves(read('Treatment-naïve, Hodgkin lymphoma (HL) participants with Ann Arbor Stage 3 or 4 disease.')),
    ).toEqual([therapy({ kinds: ['systemic'] }, false)]);
  });

  it('not where the "or" offers another treatment history', () => {
    // Naive is then one sufficient route beside the unread one (therapy-naive-options.ts), never required.
    expect(read('Must be treatment naïve or have had treatment no less than 6 months prior to enrollment')).toEqual({
      any: [therapy({ kinds: ['systemic'] }, false), unread('have had treatment no less than 6 months prior to enrollment')],
    });
  });
});

describe('surgery a positive inclusion says was had', () => {
  it('is a necessary condition', () => {
    const r = readCriterion(
      normalise('Patients must have undergone adequate (definitive) breast surgery for the current malignancy.').text,
      'inclusion',
      [],
    );
    expect(r.condition).toEqual(therapy({ kinds: ['surgery'] }));
    // The site and purpose stay unread, joined to the reading with "and" by the assembler.
    expect(r.unread).toBe('definitive) breast … current malignancy');
  });

  it('not a washout of prior surgery, nor surgery still to come', () => {
    expect(
      therapyLeaves(
        read(
          'Prior surgery for brain metastases must have been completed at least 4 weeks prior study treatment initiation.',
        ),
      ),
    ).toEqual([]);
    expect(therapyLeaves(read('Patients undergoing elective breast cancer surgery under general anesthesia'))).toEqual(
      [],
    );
  });
});

describe('an optional partner on its own', () => {
  it('is never read as a requirement ("… PD-1 containing therapy with or without an anti-CTLA-4")', () => {
    const c = readCriterion(
      normalise('BRAF wild type: progressed after receiving PD-1 containing therapy with or without an anti-CTLA-4')
        .text,
      'inclusion',
      ['Cutaneous melanoma that is either locally unresectable or metastatic:'],
    ).condition;
    // The anti-CTLA-4 partner is no requirement; the PD-1 therapy is read bound to the label
    // (population-conditions.ts): any(not BRAF wild type, progressed on anti-PD-1).
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['anti_pd1'], outcome: 'progression' })]);
    expect(c).toEqual({ any: [expect.objectContaining({ fact: 'biomarker', value: true, params: { gene: 'BRAF', status: 'detected' } }), therapy({ classes: ['anti_pd1'], outcome: 'progression' })] });
    expect(
      therapyLeaves(
        read(
          'Must have first progression more than (>) 84 days following initiation (cycle 1 day 1) of their most recent anti-PD-1 or PD-L1 checkpoint inhibitor therapy with or without concurrent chemotherapy',
        ),
      ),
    ).toEqual([therapy({ classes: ['anti_pd1_pdl1', 'checkpoint_inhibitor'] })]);
  });
});

describe('objects of allergy, contraindication and candidacy are not prior therapy', () => {
  const categories = (text: string, kind: 'inclusion' | 'exclusion' = 'exclusion'): string[] =>
    readCriterion(normalise(text).text, kind, []).categories;

  it('does not tag a treatment named only as what the patient reacts to or may not take', () => {
    expect(
      categories(
        'Known prior severe hypersensitivity to investigational product (IP) or any component in its formulations (NCI CTCAE v5.0 Grade ≥ 3).',
      ),
    ).not.toContain('prior_therapy');
    expect(
      categories(
        'Existing contraindication against the use of palbociclib, planned chemotherapy or planned endocrine therapy.',
      ),
    ).not.toContain('prior_therapy');
    expect(
      categories(
        'Planned treatment with immunotherapy. Possible Beacon plan entitled OP NIVOLUMAB IPILIMUMAB NEUROENDOCRINE (PRL 8149)',
        'inclusion',
      ),
    ).not.toContain('prior_therapy');
  });

  it('keeps the tag where the treatment was had, is coordinated with a plan, or is forbidden', () => {
    expect(
      categories('Has had or has planned major surgery within 2 weeks of the first dose of study drug;'),
    ).toContain('prior_therapy');
    expect(
      categories('Previous treatment with or known/suspected hypersensitivity to asciminib or any of its excipients.'),
    ).toContain('prior_therapy');
    expect(
      categories(
        'Planned adjuvant radiotherapy to the primary melanoma site after wide local excision is not permitted as part of the protocol and any patients given this treatment would be excluded from the study.',
      ),
    ).toContain('prior_therapy');
    expect(
      categories('Is intolerant of, refuses, or is not eligible for standard antineoplastic therapy.', 'inclusion'),
    ).toContain('prior_therapy');
  });

  it('reads "severe reactions to X" as no receipt of X', () => {
    expect(
      therapyLeaves(
        read(
          'History of severe reactions to monoclonal antibodies, melphalan, heparin or iodine contrast.',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });

  it('reads no receipt of a treatment a condition is "unrelated to"', () => {
    expect(
      therapyLeaves(
        read(
          'Active autoimmune disease unrelated to the use of immune checkpoint inhibitors that has required systemic treatment in the past year (e.g., use of disease-modifying agents, corticosteroids, or immunosuppressive drugs). Replacement therapy (e.g., thyroxine, insulin, or physiologic corticosteroid replacement therapy for adrenal or pituitary insufficiency) is not considered a form of systemic treatment.',
          'exclusion',
        ),
      ).filter((l) => JSON.stringify(l).includes('checkpoint')),
    ).toEqual([]);
  });
});

describe('washout rows and windows', () => {
  it('reads a washout row of an exclusion table as the treatment within the window', () => {
    expect(read('Cytotoxic chemotherapy: Washout period 3 weeks before TR and LDC', 'exclusion')).toEqual(
      therapy({ kinds: ['chemotherapy'], withinDays: 21 }),
    );
  });

  it('reads an inclusion row "X: ≥N" as no X within the window, not as X received', () => {
    expect(read('Hormonal therapy: ≥2 weeks')).toEqual(therapy({ kinds: ['hormonal'], withinDays: 14 }, false));
  });

  it('gives "or 7 days for short-acting growth factor" to its own object, not to the list before it', () => {
    const leaves = therapyLeaves(
      read(
        'Hematopoietic growth factors: At least 14 days after the last dose of a long-acting growth factor (e.g., Neulasta) or 7 days for short-acting growth factor.',
      ),
    );
    expect(leaves.filter((l) => 'params' in l && (l.params as { withinDays?: number }).withinDays === 7)).toEqual([]);
  });

  it('reads "other than levetiracetam" as an exception with the window after it', () => {
    expect(read('Use of antiepileptics other than levetiracetam in the previous 6 months', 'exclusion')).toEqual(
      therapy({ classes: ['antiepileptic'], withinDays: 180, except: { drugs: ['levetiracetam'] } }),
    );
  });

  it('reads "have discontinued X at least N days prior" as no X within N days', () => {
    expect(
      read(
        'Have discontinued all chemotherapy, immunotherapy, investigational therapy, biologic therapy, molecularly targeted therapy, and cancer-related hormonal therapy at least 30 days prior to study enrollment (6 weeks for mitomycin-C or nitrosoureas).',
      ),
    ).toEqual({
      // "biologic therapy" is the NCI biologic class, forbidden within the window like the rest.
      all: [therapy({ classes: ['biologic'], withinDays: 30 }, false), therapy({ kinds: ['chemotherapy', 'immunotherapy', 'investigational', 'targeted'], withinDays: 30 }, false)],
    });
  });
});

describe('permissions and relative clauses', () => {
  it('treats "is allowable" as a permission', () => {
    expect(therapyLeaves(read('Prior surgery or ablation for oligometastatic disease is allowable.'))).toEqual([]);
  });

  it('reads the class a relative clause names, not its head noun', () => {
    expect(
      therapyLeaves(
        read(
          'Patients currently receiving medications or herbal supplements known to be strong inducers of CYP3A4.',
          'exclusion',
        ),
      ),
    ).toEqual([therapy({ classes: ['strong_cyp3a_inducer'], withinDays: 1 })]);
  });

  it('reads no requirement from advice ("must try to avoid concomitant use of … herbal supplements")', () => {
    expect(
      therapyLeaves(
        read(
          'Patients currently receiving (or unable to stop use prior to receiving the first dose of study treatment) medications or herbal supplements known to be strong inducers of CYP3A4 (at least 3-week prior to dosing). All patients must try to avoid concomitant use of any medications, herbal supplements and/or ingestion of foods with known inducer effects on CYP3A4.',
          'exclusion',
        ),
      ).filter((l) => JSON.stringify(l).includes('herbal_product')),
    ).toEqual([]);
  });

  it('does not read the rows of "except for the following" as required', () => {
    const c = readCriterion(
      normalise(
        'Therapeutic doses of LMWH or anticoagulation with direct factor Xa inhibitors, rivaroxaban, edoxaban, or apixaban in participants without known brain metastases who are on a stable dose of the anticoagulant for at least 1 week prior to step 1 registration without clinically significant hemorrhagic complications from the anticoagulation regimen or the tumor',
      ).text,
      'inclusion',
      ['Participants must not require anticoagulants except for the following:'],
    ).condition;
    expect(therapyLeaves(c)).toEqual([]);
  });
});

describe('treatment-naive with a surgical exception, and untreated lesions', () => {
  it('reads "treatment-naïve (except for prior surgery) metastatic" as no systemic therapy in that setting', () => {
    expect(
      therapyLeaves(
        read(
          'Newly diagnosed, treatment-naïve (except for prior surgery) metastatic NSCLC, with or without a targetable oncogenic driver alteration.',
        ),
      ),
    ).toEqual([therapy({ kinds: ['systemic'], setting: 'metastatic' }, false)]);
  });

  it('reads no systemic therapy from untreated brain metastases', () => {
    // The metastases' own history (history-brain.ts) never requires the patient to be naive: a patient
    // with prior systemic therapy is left to a coordinator, since it may have been for other disease.
    const c = read('Brain metastases must be previously untreated, except for surgery.')!;
    const record = { cancers: [{ brainMetastases: 'active' as const }], treatments: [{ name: 'carboplatin', kind: 'systemic' as const, start: '2024-01-10' }] };
    expect(judgeRecord(c, record)).toBeNull();
    expect(therapyLeaves(read('Asymptomatic, previously untreated brain metastases.'))).toEqual([]);
  });
});

describe('route qualifiers', () => {
  it('reads "oral or IV antibiotics" as one treatment with the routes left unread, not as alternatives', () => {
    expect(read('Received oral or IV antibiotics within 2 weeks prior to study treatment', 'exclusion')).toEqual({
      all: [therapy({ classes: ['antibacterial'], withinDays: 14 }), unread('oral or IV')],
    });
  });
});

describe('negative lead-ins', () => {
  const excludedIf = ['Patients will be excluded from this study if they meet any of the following criteria (Part 1a and Part 1b).'];

  it('reads an exclusion item under "will be excluded if" as written: the item is what excludes', () => {
    expect(read('Major surgery within 4 weeks before the first dose of study drug.', 'exclusion', excludedIf)).toEqual(
      therapy({ kinds: ['surgery'], withinDays: 28 }),
    );
  });

  it('still reads an inclusion item under "must not have" as an absence', () => {
    expect(read('Chemotherapy', 'inclusion', ['Patients must not have received any of the following:'])).toEqual(
      therapy({ kinds: ['chemotherapy'] }, false),
    );
  });
});

describe('advice about conduct during the study treatment', () => {
  it('reads "avoided during treatment with X" as no receipt of X', () => {
    expect(
      therapyLeaves(
        read(
          'Received immunization with attenuated live vaccines =< 7 days prior to study entry or during study period; close contact with those who have received attenuated live vaccines should be avoided during treatment with everolimus',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });
});
