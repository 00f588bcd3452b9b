/**
 * Washout windows and concurrent-therapy exclusions in wordings the list reader missed: a gap since
 * the latest treatment ("since the end of their most recent X", "since last radiotherapy"), a "non-"
 * before the list that negates a modifier or another treatment ("non-protocol-specified",
 * "non-myeloablative"), an exception that only spares ("(exceptions: … completed > 2 weeks before …)"),
 * an anchor drug followed by "or" and the next list, a protocol-defined washout, and the unread examples
 * of a broad generic. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a variant.
 */
import { ANTICANCER_KINDS, type Condition, type LeafCondition, leavesOf } from '../../src/criteria/facts';
import { attestationTopics, criterionRule, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const windowsOf = (c: Condition | null): Array<number | undefined> => therapyLeaves(c).map((l) => ('params' in l ? (l.params as { withinDays?: number }).withinDays : undefined));

describe('a gap since the latest treatment', () => {
  it('reads "since last X" and "since the last X" as a gap since every X, with no word left over (variants)', () => {
    expect(readRule('Minimum of 2 weeks since last radiotherapy.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['radiation'], withinDays: 14 }, false),
      unread: '',
    });
    expect(readRule('At least 4 weeks must have elapsed since the last systemic therapy.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['systemic'], withinDays: 28 }, false),
      unread: '',
    });
    expect(readRule('At least 3 weeks must have elapsed since the end of their most recent systemic therapy.', 'inclusion')).toEqual({
      condition: therapy({ kinds: ['systemic'], withinDays: 21 }, false),
      unread: '',
    });
  });

  it('keeps a permission elsewhere in the criterion as an open alternative (NCT02227251)', () => {
    const line =
      "At least 3 weeks (21 days) must have elapsed since the end of participant's most recent systemic anti-DLBCL therapy (prior to Cycle 1 Day 1). Palliative localized radiation within the therapy-free interval is allowed.Non-chemotherapy maintenance will not be considered anti-DLBCL therapy, and therefore is allowed during the therapy-free interval.";
    const c = readRule(line, 'inclusion').condition!;
    // any(not systemic within 21 days, unread): non-chemotherapy maintenance a week ago is not failed.
    expect(c).toEqual({ any: [therapy({ kinds: ['systemic'], withinDays: 21 }, false), unparsed('systemic', false)] });
    expect(judgeRecord(c, { treatments: [{ name: 'rituximab', start: '2025-05-20', end: '2025-05-25' }] })).toBeNull();
    expect(judgeRecord(c, { treatments: [] })).toBe(true);
  });

  it('reads the member of a shared gap it knows, the others kept as unread conjuncts (NCT05144698)', () => {
    const r = readRule('Patients must be ≥ two weeks from last solid tumor cancer chemotherapy, major surgery, radiation therapy and/or participation in investigational trials.', 'inclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ kinds: ['investigational'], withinDays: 14 }, false)]);
    expect(r.unread).toBe('solid tumor cancer chemotherapy, major surgery, radiation');
  });
});

describe('a "non-" before the list', () => {
  it('reads concurrent non-protocol anticancer therapy as current anticancer therapy, the "non-protocol" unread (NCT07136181)', () => {
    const c = criterionRule(
      'Concurrent non-protocol-specified anti-tumor therapy (e.g., chemotherapy, other targeted therapy, radiation therapy, or photodynamic therapy)',
      'exclusion',
    );
    const current = therapyLeaves(c) as LeafCondition[];
    expect(current).toHaveLength(1);
    expect(current[0]!.params).toEqual({ kinds: expect.arrayContaining([...ANTICANCER_KINDS]), withinDays: 1 });
    expect(leavesOf(c)).toContainEqual(unparsed('Concurrent non-protocol-specified'));
    // No treatment: not excluded. Current radiotherapy: the study's own is not ruled out, so unknown.
    expect(judgeRecord(c, { treatments: [] })).toBe(false);
    expect(judgeRecord(c, { treatments: [{ name: 'radiotherapy', start: '2025-05-20', outcome: 'ongoing' }] })).toBeNull();
  });

  it('reads a negated modifier as a narrowing of the treatment after it (NCT06743126)', () => {
    expect(readRule('Patients who underwent non-myeloablative lymphodepletion prior to cell therapy within the last 6 months', 'exclusion')).toEqual({
      condition: { all: [therapy({ kinds: ['cell therapy'], withinDays: 180 }), unparsed('underwent non-myeloablative lymphodepletion')] },
      unread: '',
    });
  });

  it('never reads the setting a "non-" negates as that setting (variants)', () => {
    expect(readRule('Non-curative surgery within 4 weeks prior to enrollment', 'exclusion').condition).toEqual({
      all: [therapy({ kinds: ['surgery'], withinDays: 28 }), unparsed('Non-curative')],
    });
    expect(readRule('Prior chemotherapy in the non-metastatic setting within 6 months', 'exclusion').condition).toEqual({
      all: [therapy({ kinds: ['chemotherapy'], withinDays: 180 }), unparsed('non-metastatic setting')],
    });
  });

  it('still leaves a "non-" that turns the receipt around unread (variant)', () => {
    expect(therapyLeaves(readRule('Non-responders to prior chemotherapy within 6 months', 'exclusion').condition)).toEqual([]);
  });

  it('subsumes an unread example of the broad generic it negates around (NCT05859074)', () => {
    const line =
      'Prior non-immunotherapy, anti-tumor treatment including endocrine, chemical/radiotherapy, targeted therapy, or major surgery (but not anti-PD1/- L1 therapies) was discontinued for more than 4 weeks prior to enrollment';
    const c = readRule(line, 'inclusion').condition!;
    // Necessary: whoever had any anticancer treatment in the last 4 weeks is left open, never admitted.
    expect('any' in c && c.any[0]).toEqual(therapy({ kinds: expect.arrayContaining([...ANTICANCER_KINDS]), withinDays: 28 }, false));
    expect(leavesOf(c).some((l) => l.fact === 'unparsed' && (l.params as { text: string }).text === 'chemical')).toBe(false);
  });
});

describe('an exception that only spares', () => {
  const line =
    'Major surgery, radiotherapy, chemotherapy, or other investigational anti-tumor therapy completed \\<4 weeks before the first dose (exceptions: small-molecule anti-tumor therapy completed \\>5 half-lives or \\>10 days before the first dose, whichever is longer; palliative radiotherapy completed \\>2 weeks before the first dose).';

  it('keeps the main window necessary, the exceptions unread beside it (NCT07371663)', () => {
    const c = readRule(line, 'exclusion').condition!;
    expect(windowsOf(c)).toEqual([28]);
    expect(leavesOf(c).some((l) => l.fact === 'unparsed')).toBe(true);
    // Chemotherapy two months ago: not excluded by the main clause.
    const main = 'all' in c ? c : 'any' in c ? c.any[0]! : c;
    expect(judgeRecord(main, { treatments: [{ name: 'carboplatin', start: '2025-03-01', end: '2025-04-01' }] })).toBe(false);
  });

  it('does not treat an exception with a window of its own as one that spares (NCT04855435)', () => {
    const c = readRule(
      'Have had biologic, hormonal, anti-neoplastic chemotherapy, or radiation therapy within 4 weeks prior to Screening (6 weeks required for nitrosourea or mitomycin) except for medications with half-lives \\<5.5 days.',
      'exclusion',
    ).condition;
    // The half-lives may set the window: only receipt is read.
    expect(windowsOf(c)).toEqual([undefined]);
  });
});

describe('an anchor drug followed by "or"', () => {
  it('does not take the next list as the anchor (NCT01503372)', () => {
    const line =
      'Treatment with any of the following anti-cancer therapies: radiation therapy, surgery or tumor embolization within 14 days prior to the first dose of pazopanib OR chemotherapy, immunotherapy, biologic therapy, investigational therapy or hormonal therapy within 14 days or five half-lives of a drug (whichever is longer) prior to the first dose of pazopanib. A neoadjuvant or adjuvant chemotherapy must be finished at least 6 month before study entry.';
    const leaves = therapyLeaves(readRule(line, 'exclusion').condition);
    expect(leaves).toContainEqual(therapy({ kinds: ['chemotherapy', 'immunotherapy', 'investigational', 'hormonal'] }));
    expect(leaves.some((l) => JSON.stringify(l).includes('pazopanib'))).toBe(false);
  });
});

describe('a washout the protocol sets', () => {
  it('stays with its own reader, the washout attested (NCT06242470)', () => {
    const r = readRule(
      'Treatment with surgery, systemic cancer therapy, immunotherapy, chimeric antigen receptor-T therapy, or anti-hormonal within protocol specified intervals.',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).toEqual(['washout_completed=false']);
    expect(r.unread).toBe('');
  });
});

describe('unread examples of a broad generic', () => {
  it('keeps a member that may be no treatment of any kind ("investigational device") unread (NCT06305962)', () => {
    const r = readRule(
      'Received anti-cancer therapy, including chemotherapy, immunotherapy, radiation therapy, biologic, herbal therapy, or any investigational therapy or investigational device, within 28 days (or 5 half-lives for biologic/non-cytotoxic agents, whichever is shorter), prior to the first dose of 177Lu-RAD204tr.',
      'exclusion',
    );
    expect(leavesOf(r.condition!)).toContainEqual(unparsed('investigational device'));
  });
});
