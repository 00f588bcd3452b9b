/**
 * Washout wordings: how long ago a treatment may have been given. A minimum gap in an inclusion
 * forbids the treatment within it (priorTherapy(…, withinDays: N) = false); an upper bound counted
 * back from the anchor is a window of receipt; "N half-lives" is never read as days. Minimum times
 * from a last dose that are no washout (a conduct after the study treatment, the timing of a relapse)
 * are never read as one. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz), or a verbatim clause of one where the rest of the
 * line is another reader's.
 */
import { beforeSense, forwardPeriod, gapToNext, outcomeGap } from '../../src/criteria/extract/therapy-windows';
import { readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

describe('minimum gaps counted from the last dose of the treatment named next', () => {
  it('reads a washout-table entry after its label ("Biologic …: At least 7 days after the last dose of a biologic agent")', () => {
    const r = readRule(
      'Biologic (anti-neoplastic agent): At least 7 days after the last dose of a biologic agent. For agents that have known adverse events occurring beyond 7 days after administration, this period must be extended beyond the time during which adverse events are known to occur.',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['biologic'], withinDays: 7 }, false)]);
    // The longer period for some agents stays unread beside it.
    expect(r.unread).toContain('extended beyond');
  });

  it('reads "≥ 21 days after the completion of" with its exception', () => {
    const r = readRule(
      'Interleukins, interferons and cytokines (other than hematopoietic growth factors): \\>= 21 days after the completion of interleukins, interferon or cytokines (other than hematopoietic growth factors)',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['cytokine', 'interferon'], withinDays: 21, except: { classes: ['hematopoietic_growth_factor'] } }, false)]);
  });

  it('reads "at least three weeks must have elapsed from the last administration of radiation therapy alone"', () => {
    const r = readRule(
      'Patients must have recovered from the effects of surgery, radiation therapy, or chemoradiotherapy. At least six weeks must have elapsed from the last administration of chemoradiotherapy, and at least three weeks must have elapsed from the last administration of radiation therapy alone.',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toContainEqual(therapy({ kinds: ['radiation'], withinDays: 21 }, false));
    expect(therapyLeaves(r.condition).filter((l) => (l as { value?: unknown }).value === true)).toEqual([]);
  });

  it('keeps a narrowing condition ("42 days if prior nitrosourea") as an unread alternative, never a requirement of receipt', () => {
    const r = readRule('Myelosuppressive chemotherapy: At least 21 days after the last dose of myelosuppressive chemotherapy (42 days if prior nitrosourea).', 'inclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ kinds: ['chemotherapy'], withinDays: 21 }, false)]);
  });

  it('reads a washout spelt "wash out", counted from the last date of the treatment', () => {
    // It was read as radiation required.
    const r = readRule('There is at least a 6 month wash out period from the last date radiation was received to assess for radiation toxicity.', 'inclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ kinds: ['radiation'], withinDays: 180 }, false)]);
  });

  it('says which windows point at the treatment after them', () => {
    expect(gapToNext('At least 7 days after the last dose of')).toBe(true);
    expect(gapToNext('\\>= 21 days after the completion of')).toBe(true);
    // A bare "after" may point at anything ("PSA measured at least 4 weeks after bilateral orchiectomy").
    expect(gapToNext('at least 4 weeks after')).toBe(false);
  });
});

describe('half-lives in a minimum gap', () => {
  it('reads "Minimum of 3 weeks or 5 half-lives (whichever is shorter) since last dose of" as sufficient, the half-lives unread', () => {
    // The first clause of NCT05107674 i5: a gap of at least the shorter of the two, so 3 weeks always suffices.
    const r = readRule('Minimum of 3 weeks or 5 half-lives (whichever is shorter) since last dose of systemic cancer therapy', 'inclusion');
    expect(r.condition).toEqual({
      any: [therapy({ kinds: ['systemic'], withinDays: 21 }, false), unparsed('Minimum of 3 weeks or 5 half-lives whichever is shorter since last dose of', false)],
    });
  });
});

describe('comparators before the anchor', () => {
  it('reads "up to 3 months prior to" as a window of receipt', () => {
    const r = readRule("Use of proton pumps inhibitors (PPI's) up to 3 months prior to start of ICI", 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['ppi'], withinDays: 90 })]);
  });

  it('reads "completed < 4 weeks before" as receipt within 4 weeks, not as a minimum gap', () => {
    const line =
      'Major surgery, radiotherapy, chemotherapy, or other investigational anti-tumor therapy completed \\<4 weeks before the first dose (exceptions: small-molecule anti-tumor therapy completed \\>5 half-lives or \\>10 days before the first dose, whichever is longer; palliative radiotherapy completed \\>2 weeks before the first dose).';
    expect(beforeSense('Major surgery, radiotherapy, chemotherapy, or other investigational anti-tumor therapy completed ', '<4 weeks before the first dose')).toBe('within');
    expect(beforeSense('palliative radiotherapy completed ', '2 weeks before the first dose')).toBe('since');
    expect(beforeSense('must cease ', '28 days before')).toBe('since');
    // The exceptions keep the line unread; it must never exclude the patients not treated lately.
    expect(therapyLeaves(readRule(line, 'exclusion').condition).filter((l) => (l as { value?: unknown }).value === false)).toEqual([]);
  });
});

describe('minimum times from a last dose that are no washout', () => {
  it('leaves a conduct after the study treatment ("for at least 7 mo after the last dose of trastuzumab deruxtecan") unread', () => {
    const text =
      '10 Female subjects must not donate ova or retrieve them for their own use from the time of Screening and throughout the study treatment period, and for at least 7 mo after the last dose of trastuzumab deruxtecan';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
    expect(forwardPeriod('throughout the study treatment period, and for ', 'at least 7 mo after the last dose of')).toBe(true);
  });

  it('leaves the same for sperm donation unread', () => {
    const text =
      'Starting at the time of randomization/ﬁrst dose of study intervention male subjects/participants must not freeze or donate sperm at any time during this study and for at least 4 months after the last dose of Dato-DXd. Preservation of sperm should be considered prior to randomization/ﬁrst dose of study intervention.';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });

  it('does not read an amenorrhoea period after hormonal treatment as a washout', () => {
    // It was read as sufficient: any woman off hormonal treatment for a year passed, amenorrhoeic or not.
    expect(therapyLeaves(readRule('Amenorrheic for ≥ 12 months following cessation of exogenous hormonal treatments; and', 'inclusion').condition)).toEqual([]);
  });

  it('does not read the timing of a relapse after the last dose as a washout', () => {
    const text = 'Progressive disease has been documented within 12 weeks from last dose of anti-PD-1/PD-L1 mAb (refractory disease) or ≥12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)';
    // The progression on the treatment is read (progression-after-named-therapy.test.ts), no window of it.
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([{ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['anti_pd1_pdl1'], outcome: 'progression' } }]);
    expect(outcomeGap(text, '≥12 weeks from last dose of')).toBe(true);
  });

  it('does not read "PSA measured at least 4 weeks after bilateral orchiectomy" as a washout of surgery', () => {
    const text =
      'a minimum of 3 rising PSA values while the participant is on continuous ADT (started at least 4 weeks prior to the PSA measurement or, PSA measured at least 4 weeks after bilateral orchiectomy) and';
    expect(therapyLeaves(readRule(text, 'inclusion').condition)).toEqual([]);
  });
});
