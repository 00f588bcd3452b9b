/**
 * Therapy lists with a member the lexicon does not know, and exclusion lists joined by "and". The
 * unknown member stays in the union as an unparsed leaf (the list is never dropped for it), and an
 * exclusion's "A, B and C" names things each of which excludes. Every line is verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { judgeRecord, readCondition, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const read = (text: string, kind: 'inclusion' | 'exclusion' = 'exclusion', context: string[] = []) =>
  readCondition(text, kind, context);

describe('an unknown member stays in its union as an unparsed leaf', () => {
  it('joins lists parted by an unknown member inside a parenthesis', () => {
    expect(
      read(
        'Patient has received any anti-cancer therapy (prior anti-cancer treatment or bridging therapy) or radiotherapy within 1 week prior to start of trial treatment',
      ),
    ).toEqual({ any: [therapy({ kinds: ['systemic', 'radiation'], withinDays: 7 }), unread('bridging therapy')] });
  });

  it('takes in an unknown member after the list that shares its window', () => {
    expect(
      read('Other experimental therapies or antiviral therapy are used or are being used within 4 weeks of treatment.'),
    ).toEqual({
      any: [therapy({ kinds: ['investigational'], withinDays: 28 }), unread('antiviral therapy')],
    });
  });

  it('reads a member sharing the head noun of the next ("biological or targeted therapy") as its own class', () => {
    // "biological" was the unknown member here until the lexicon gained the NCI biologic class.
    expect(
      read('Any investigational drug, chemotherapy, radiation, or biological or targeted therapy within 2 weeks.'),
    ).toEqual({
      any: [
        therapy({ classes: ['biologic'], withinDays: 14 }),
        therapy({ kinds: ['investigational', 'chemotherapy', 'radiation', 'targeted'], withinDays: 14 }),
      ],
    });
  });

  it('reads a modifier joined by "or" before the list as a member sharing its head noun', () => {
    expect(
      read('Treatment with a non-approved or investigational drug within 14 days prior to Day 1 of study treatment.'),
    ).toEqual({
      any: [therapy({ kinds: ['investigational'], withinDays: 14 }), unread('non-approved')],
    });
  });

  it('does not take the site of a list before for a member of the next', () => {
    expect(read('No previous irradiation to the pelvis or chemotherapy', 'inclusion')).toEqual({
      all: [
        {
          any: [
            therapy({ kinds: ['radiation'] }, false),
            { fact: 'unparsed', operator: 'equal', value: false, params: { text: 'pelvis' } },
          ],
        },
        therapy({ kinds: ['chemotherapy'] }, false),
      ],
    });
  });

  it('reads a window before preparative lymphodepletion as one from the as-of date', () => {
    expect(
      read(
        'Patients who have received any approved anti-cancer cytotoxic, anti-angiogenic and ICB therapy including radiotherapy within 4 weeks before preparative lymphodepleting therapy.',
      ),
    ).toEqual({
      all: [
        {
          any: [
            therapy({ classes: ['vegf_inhibitor', 'checkpoint_inhibitor'], withinDays: 28 }),
            therapy({ kinds: ['chemotherapy', 'radiation'], withinDays: 28 }),
          ],
        },
        unread('approved anti-cancer'),
      ],
    });
  });

  it('reads "etc." after a list as members unnamed', () => {
    expect(
      read(
        'Patients who have received anticancer treatment with immune checkpoint inhibitor, etc. within 28 days before enrollment',
      ),
    ).toEqual({
      any: [therapy({ classes: ['checkpoint_inhibitor'], withinDays: 28 }), unread('etc.')],
    });
  });

  it('does not read "etc." among examples in a parenthesis, which the head already names', () => {
    expect(
      read(
        'Prior treatment with immunotherapy agents (including, anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CTLA4, etc.).',
      ),
    ).toEqual({
      any: [
        therapy({ classes: ['anti_pd1', 'anti_pd_l1', 'anti_pd_l2', 'anti_ctla4'] }),
        therapy({ kinds: ['immunotherapy'] }),
      ],
    });
  });

  it('negates every member with the list in a forbidding inclusion', () => {
    // "antibody therapy" was an unknown member until the lexicon gained the monoclonal antibody class.
    expect(
      read(
        'Must not have received prior chemotherapy, antibody therapy, or investigational therapy ≤ 4 weeks prior to the first dose',
        'inclusion',
      ),
    ).toEqual({
      all: [
        therapy({ classes: ['monoclonal_antibody'], withinDays: 28 }, false),
        therapy({ kinds: ['chemotherapy', 'investigational'], withinDays: 28 }, false),
      ],
    });
  });

  it('gives each list of a sentence its own window, with a half-life only where it is said', () => {
    const c = read(
      'Chemotherapy, biological therapy, immunotherapy, etc., have been used within 4 weeks or 5 half-lives before the first dose, small molecule targeted therapy has been used within 5 days, palliative radiotherapy, modern Chinese medicine preparations approved by NMPA for anti-tumor therapy, etc., have been used within 2 weeks;',
    );
    const leaves = therapyLeaves(c);
    // The half-life leaves the first window unread; the second list keeps its 5 days.
    expect(leaves).toContainEqual(therapy({ kinds: ['chemotherapy', 'immunotherapy'] }));
    expect(leaves).toContainEqual(therapy({ kinds: ['targeted'], withinDays: 5 }));
    // "approved … for anti-tumor therapy" names the indication of another product, not a treatment received.
    expect(leaves.some((l) => JSON.stringify(l).includes('"systemic"'))).toBe(false);
  });

  it('does not read "cytotoxic T-lymphocyte" as cytotoxic chemotherapy', () => {
    const c = read(
      'Previous treatment with anti-PD-1, anti-PD-L1, or anti-PD-L2 agent or an agent directed to another stimulatory or coinhibitory T-cell receptor \\[e.g., Cytotoxic T-lymphocyte associated protein 4 (CTLA4), OX-40, CD137\\]',
    );
    expect(therapyLeaves(c).some((l) => JSON.stringify(l).includes('chemotherapy'))).toBe(false);
  });

  it('does not read the payload an ADC contains as a treatment of its own', () => {
    const c = read(
      'Prior exposure to any agent including an ADC containing a chemotherapeutic agent targeting topoisomerase I, TROP2-targeted therapy.',
    );
    expect(therapyLeaves(c).some((l) => JSON.stringify(l).includes('chemotherapy'))).toBe(false);
  });

  it('does not take the head of a target phrase for a member ("antibody drug targeting EGFR")', () => {
    expect(read('Prior receipt of an ADC or antibody drug targeting EGFR and/or HER3;')).toEqual(
      therapy({ classes: ['adc'] }),
    );
  });

  it('leaves entries under a hypersensitivity lead-in unread', () => {
    expect(
      read('NMA-LD preconditioning regimen (cyclophosphamide, mesna, and fludarabine)', 'exclusion', [
        'Patients who have a history of hypersensitivity to any component or excipient of LN-144/LN-145 or other study drugs:',
      ]),
    ).toBeNull();
  });

  it('reads an adoptive cell phrase in a transplant list as one more alternative, never joined to the transplants', () => {
    const c = read(
      'Prior history of allogeneic hematopoietic stem cell transplantation, adoptive cell immunotherapy or autologous hematopoietic stem cell transplantation within 24 months.',
    );
    // Each member excludes on its own (exclusion-prior-therapy-members.test.ts): the cell therapy is
    // an alternative beside the transplants, not a conjunct of them.
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['cell_therapy'], withinDays: 720 })]);
    expect(c && 'any' in c && c.any).toContainEqual(therapy({ classes: ['cell_therapy'], withinDays: 720 }));
    // A patient who had only the cell therapy, months ago, is excluded; one who had none of them is not.
    expect(judgeRecord(c!, { treatments: [{ name: 'lifileucel', kind: 'cell therapy', date: '2025-01-10' }] })).toBe(true);
    expect(judgeRecord(c!, { treatments: [{ name: 'pembrolizumab', kind: 'systemic', date: '2025-01-10' }], conditions: [] })).not.toBe(true);
  });
});

describe('an exclusion list joined by "and" names things each of which excludes', () => {
  it('reads drugs joined by "and" as one finding over all of them', () => {
    expect(
      read(
        'Treatment with bupropion, repaglinide, flurbiprofen, omeprazole, esomeprazole, midazolam, and dabigatran etexilate within 7 days prior to Cycle 1 Day -1.',
      ),
    ).toEqual(
      therapy({
        drugs: ['bupropion', 'repaglinide', 'flurbiprofen', 'omeprazole', 'esomeprazole', 'midazolam', 'dabigatran'],
        withinDays: 7,
      }),
    );
  });

  it('reads kinds joined by "and" as any of them', () => {
    // (The cancer they were given for narrows them: an unread qualifier beside the reading.)
    expect(read('Prior radiation therapy, hormonal therapy and chemotherapy for breast cancer')).toEqual({
      all: [
        therapy({ kinds: ['radiation', 'hormonal', 'chemotherapy'] }),
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'breast cancer' } },
      ],
    });
  });

  it('joins lists an "and" parts with a modifier between, keeping the modifier as an unread qualifier', () => {
    const text =
      'A history of oral fluoropyrimidines and small molecular targeted-drug therapy within 2 weeks or 5 half-life time （the longer time taken as final）;';
    const c = read(text);
    expect(c && 'all' in c && c.all[0]).toEqual({
      any: [therapy({ classes: ['fluoropyrimidine'] }), therapy({ kinds: ['targeted'] })],
    });
  });

  it('keeps "in combination with" a conjunction', () => {
    expect(read('Prior treatment with anti-PD-(L)1 monoclonal antibody in combination with IL-12.')).toEqual({
      all: [therapy({ classes: ['anti_pd1_pdl1'] }), therapy({ classes: ['interleukin_12'] })],
    });
  });

  it('reads a combination beside an example as one alternative of the union', () => {
    expect(
      read('Prior treatment with antibody drug conjugate with topoisomerase inhibitor (e.g., trastuzumab deruxtecan).'),
    ).toEqual({
      any: [
        therapy({ drugs: ['trastuzumab_deruxtecan'] }),
        { all: [therapy({ classes: ['adc'] }), therapy({ classes: ['topoisomerase_inhibitor'] })] },
      ],
    });
  });

  it('does not take an abbreviation in a parenthesis for an alternative to a combination', () => {
    const c = read(
      'Progressed during or after CDK4/6 inhibitor combination treatment with non-steroidal aromatase inhibitor (AI)',
      'inclusion',
    );
    expect(c && 'all' in c).toBe(true);
  });

  it('keeps an inclusion\'s "A and B" each required', () => {
    const c = read('Prior therapy with an anthracycline and a taxane in an adjuvant setting.', 'inclusion');
    expect(c).toEqual({
      all: [
        therapy({ classes: ['anthracycline'], setting: 'adjuvant' }),
        therapy({ classes: ['taxane'], setting: 'adjuvant' }),
      ],
    });
  });
});

describe('a subject phrase with no requirement after it is the requirement', () => {
  it('reads the treatment of "Patients who have received" as required, its duration and outcome unread', () => {
    expect(
      read('Patients who have received at least 2-4 months of TKI therapy without progression', 'inclusion'),
    ).toEqual(therapy({ classes: ['kinase_inhibitor'] }));
  });

  it('reads "systemic therapy" the text says was received as required, its duration unread', () => {
    expect(
      read(
        'Patients who have received standard duration of systemic therapy (4 - 6 cycles) without progression of the disease',
        'inclusion',
      ),
    ).toEqual(therapy({ kinds: ['systemic'] }));
  });

  it('keeps a subject that a requirement follows a subject, never a requirement', () => {
    const c = read(
      'Patients who have received systemic chemotherapy must have received their last treatment \\>= 21 days prior to the start of treatment',
      'inclusion',
    );
    expect(therapyLeaves(c)).not.toContainEqual(therapy({ kinds: ['chemotherapy'] }));
  });
});

describe('current treatment offered beside a time since another', () => {
  it('reads "actively receiving" as current use, sufficient beside its alternative, never with the alternative\'s window', () => {
    const text =
      'Actively receiving systemic oncological treatment or radiotherapy, or within 4 weeks of radiotherapy completion or primary cytoreductive surgery';
    expect(read(text, 'inclusion')).toEqual({
      any: [therapy({ kinds: ['systemic', 'radiation'], withinDays: 1 }), unread(text)],
    });
  });
});
