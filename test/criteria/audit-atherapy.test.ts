/**
 * Audit of prior-therapy readings (session 19): wrong rules found in the corpus and corrected in the
 * therapy reader. Each case is a verbatim corpus line; where the honest reading is unknown the test
 * pins that no therapy leaf is required or waived.
 */
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('an effect among the outcomes of a treatment is no gate', () => {
  // "toxicity" beside "progression (resistance, …)" is one way the PD-1 inhibitor failed, which the
  // inclusion requires; read as a gate, any(no PD-1 inhibitor, unread) let in every patient never given one.
  it.each([
    // NCT06946225
    'CM participants who must have disease progression (resistance, toxicity) on or after at least one PD-1 inhibitor',
    // NCT06743126
    'Disease progression (resistance, toxicity) on or after at least one PD-1 inhibitor, applied either as monotherapy or in combination with other therapies as treatment for unresectable or metastatic cutaneous melanoma',
  ])('leaves "%s" unread rather than waived for the never-treated', (text) => {
    // Wholly unread: no rule of the reader's own, nothing waived.
    const { condition, unread } = readRule(text, 'inclusion');
    expect(condition).toBeNull();
    expect(unread).toContain('PD-1 inhibitor');
  });
});

describe('a treatment begun or about to begin', () => {
  it('reads "Patients who initiate treatment with X … may be randomized" as binding those given X (NCT02821013)', () => {
    const text =
      'Patients who initiate treatment with combination anti-PD-1 and anti-CTLA-4 therapies who experience toxicity may be randomized at the time prior to starting single-agent PD-1 inhibitor.';
    const { condition } = readRule(text, 'inclusion');
    // Before: all(anti-PD-1, anti-CTLA-4, unread) required both of everyone.
    expect(condition).toEqual({
      any: [therapy({ classes: ['anti_pd1', 'anti_ctla4'] }, false), unparsed(text.replace(/\.$/, ''))],
    });
  });

  it('never requires receipt of a treatment the patient is starting (NCT04605146)', () => {
    const text =
      'Patients starting a treatment with a combination of immunotherapy of nivolumab + ipilimumab (NB: patients who have already received immunotherapy in the past may be included)';
    const { condition } = readRule(text, 'inclusion');
    expect(therapyLeaves(condition)).toEqual([]);
  });
});

describe('a hormone level is no treatment', () => {
  it('does not read "Estradiol in menopausal range" as estradiol received (NCT05546827)', () => {
    const text =
      'Ovarian failure (Follicle Stimulating Hormone and Estradiol in menopausal range, who have received Whole Pelvic Radiation Therapy).';
    const { condition } = readRule(text, 'inclusion');
    expect(therapyLeaves(condition)).not.toContainEqual(therapy({ drugs: ['estradiol'] }));
    expect(therapyLeaves(condition)).toContainEqual(therapy({ kinds: ['radiation'] }));
  });
});

describe('examples in a parenthesis of an inclusion are not each required', () => {
  it('does not require chemotherapy and immunotherapy and targeted therapy of everyone (NCT05868707)', () => {
    const text =
      'Stage III or stage IV melanoma that has been definitively diagnosed by pathology and/or cytology and has failed at least second-line standard therapy (including chemotherapy, immunotherapy, and targeted therapy for those with genetic mutations) (progression to unresectable or metastatic melanoma within 6 months after the end of adjuvant therapy or during adjuvant therapy, This adjuvant therapy can be considered as advanced first-line therapy) for patients with unresectable or metastatic melanoma;';
    const { condition, unread } = readRule(text, 'inclusion');
    expect(therapyLeaves(condition)).toEqual([]);
    expect(unread).toContain('targeted');
  });

  it('does not require 5-fluorouracil and capecitabine, the examples of a note (NCT07376707)', () => {
    const text =
      'Progressive disease that has been documented within 12 weeks from the last dose of immune checkpoint inhibitor.\n\n       Note: a line of therapy is generally considered \\>2 cycles of exposure to the same regimen followed by radiographically documented progression. Agents that are mechanistically similar (e.g., 5-fluorouracil and capecitabine) and are used interchangeably due to tolerability but not progression may be considered as components of the same regimen upon discussion with the medical monitor.';
    const context = [
      'Dose expansion part of Phase 1b',
      'Cohort 1: Subjects with unresectable locally advanced and/or metastatic CRC o At least 2 prior standard chemotherapy/therapy regimens are required with documented progression or intolerability to the treatment.',
      'For subjects with a known microsatellite instability high (MSI-H):',
    ];
    const { condition } = readRule(text, 'inclusion', context);
    expect(therapyLeaves(condition)).toContainEqual(therapy({ classes: ['checkpoint_inhibitor'] }));
    expect(therapyLeaves(condition)).not.toContainEqual(therapy({ drugs: ['fluorouracil'] }));
    expect(therapyLeaves(condition)).not.toContainEqual(therapy({ drugs: ['capecitabine'] }));
  });
});

describe('examples after "e.g." in an inclusion', () => {
  it('keeps the setting of "no prior systemic therapy for metastatic disease (e.g., …)" and drops the examples (NCT07564570)', () => {
    const { condition, unread } = readRule(
      'No prior systemic anticancer therapy for metastatic disease (e.g., cytotoxic or targeted agents).',
      'inclusion',
    );
    // Before: all(no systemic therapy for metastatic disease, no cytotoxic or targeted agent ever), which
    // failed a patient given adjuvant chemotherapy.
    expect(therapyLeaves(condition)).toEqual([therapy({ kinds: ['systemic'], setting: 'metastatic' }, false)]);
    expect(unread).toContain('cytotoxic or targeted');
  });

  it('requires no one example of a curative treatment planned or had (NCT07524114)', () => {
    const text =
      'Patients must have cancer that is planned for or has undergone curative intent treatment (e.g. surgery, definitive radiation, definitive chemoradiation, adjuvant radiation, adjuvant chemotherapy, adjuvant chemoradiation, etc). Curative intent treatment must be completed within 12 months of study entry.';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });
});

describe('naive for one cancer only', () => {
  it('does not require naive to every treatment where the text limits it to the cancer studied (NCT03787056)', () => {
    // Read as all(naive to systemic therapy, unread) it failed a patient treated for another cancer.
    // Never treated at all is one sufficient route, any(naive, unread): it fails no one.
    const { condition } = readRule('Patient naïve of anticancer treatments for the considered cancer', 'inclusion');
    expect(condition).toEqual({ any: [therapy({ kinds: ['systemic'] }, false), unparsed('for the considered cancer')] });
    expect(judgeRecord(condition!, { treatments: [{ name: 'carboplatin', kind: 'systemic', start: '2024-01-10' }] })).toBeNull();
  });
});

describe('radiotherapy to overlapping fields', () => {
  it('excludes no patient for any radiotherapy, only for overlapping fields (NCT06194448)', () => {
    const text = 'Patients who have received RT with overlapping fields (eg, cured breast cancer) should be excluded.';
    const { condition } = readRule(text, 'exclusion');
    // Before: priorTherapy(radiation) stood alone in the any(), excluding every patient ever irradiated.
    expect(condition).toMatchObject({
      any: expect.arrayContaining([
        { all: [therapy({ kinds: ['radiation'] }), expect.objectContaining({ fact: 'unparsed' })] },
      ]),
    });
    expect((condition as { any: unknown[] }).any).not.toContainEqual(therapy({ kinds: ['radiation'] }));
  });
});

describe('an exception naming the treatment it is cut from', () => {
  it('never requires "radiation except radiation" (NCT05136196)', () => {
    const text =
      'Additional palliative radiotherapy regimens are permitted but cannot have been administered to previously treated tissue (i.e., overlapping fields are excluded) with the exception of central nervous system (CNS) radiation and must be completed at least 4 weeks prior to step 1 registration';
    const context = [
      'Participants must not have received more than one prior primary radiotherapy regimen, curative or adjuvant, to the mucosal surfaces of the head and neck, with the additional following criteria:',
    ];
    // Before: all(priorTherapy(radiation, except radiation), unread), which no patient meets.
    expect(therapyLeaves(readRule(text, 'inclusion', context).condition)).toEqual([]);
  });
});

describe('a group named by the treatment it is on', () => {
  it('does not exclude everyone on crizotinib for an allergy asked of them (NCT03947385)', () => {
    const text = 'For patients receiving crizotinib, allergy to mammalian meat products and gelatin';
    // Before: any(current crizotinib, unread), which excluded every patient on crizotinib.
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [therapy({ drugs: ['crizotinib'] }), unparsed(text)],
    });
  });

  it('leaves the corpus line with an unread product in the group unread (NCT03947385)', () => {
    const text =
      'For patients receiving IDE196 powder-in-capsule (PIC) formulation or crizotinib, allergy to mammalian meat products and gelatin';
    expect(therapyLeaves(readRule(text, 'exclusion').condition)).toEqual([]);
  });
});

describe('a kind of treatment narrowed by its targets', () => {
  it.each([
    // NCT06794775: read as "no immunotherapy at all" it failed a patient given interleukin-2.
    ['No prior immunotherapy targeting CTLA-4, PD-1 or PD-L1.', 'inclusion'],
    ['No prior targeted therapy targeting BRAF and/or MEK.', 'inclusion'],
    // NCT06754904, NCT02870244: any(immunotherapy, unread) excluded every patient given any immunotherapy.
    ['Prior immunotherapy targeting CTLA-4, PD-1 or PD-L1 for melanoma', 'exclusion'],
    ['Patients that have undergone immunotherapy targeting tyrosinase.', 'exclusion'],
    // NCT06627647: any(systemic therapy, …) excluded every treated patient.
    [
      'Any prior exposure to an anti-TIGIT therapy or any other anticancer therapy targeting immune-regulatory receptors or mechanisms.',
      'exclusion',
    ],
  ] as const)('never reads the whole kind for "%s"', (text, kind) => {
    // The kind may stand in an all() beside the unread targets (given none of the kind, the patient is
    // clear); what must not happen is a patient given only other drugs of the kind being decided against.
    const { condition } = readRule(text, kind);
    expect(condition).not.toBeNull();
    const otherDrugsOfTheKind = {
      treatments: [
        { name: 'aldesleukin', kind: 'systemic' as const, start: '2024-01-10' },
        { name: 'osimertinib', kind: 'systemic' as const, start: '2024-03-10' },
        { name: 'carboplatin', kind: 'systemic' as const, start: '2024-05-10' },
      ],
    };
    expect(judgeRecord(condition!, otherDrugsOfTheKind)).not.toBe(kind === 'inclusion' ? false : true);
  });

  it('keeps radiotherapy with its target unread beside it (NCT06240143)', () => {
    const text = 'Prior radiotherapy targeting the affected lymph node region(s);';
    expect(readRule(text, 'exclusion').condition).toEqual({
      all: [therapy({ kinds: ['radiation'] }), unparsed('radiotherapy targeting the affected lymph node region(s)')],
    });
  });
});
