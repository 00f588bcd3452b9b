/**
 * Inclusion wording about progression and line counts the prior-therapy reader takes past: an outcome
 * cue with "at least one" before the list, "(regardless of …)" after it, the time of progression after
 * the last dose, and a line count limited to one cohort (one sufficient option, any(count, unread)).
 * Every line is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readCondition, readRule, therapy, unparsed as unread } from '../support/criteria';
import type { Condition } from '../../src/criteria/facts';

describe('progression wording in an inclusion', () => {
  it('reads the outcome past "therapy with at least one", and "(regardless of …)" does not narrow the list', () => {
    expect(readCondition('Progressed following therapy with at least one PD-1 or PD-L1 checkpoint inhibitor (regardless of PD-L1 expression status), except for patients with pancreatic cancer.', 'inclusion')).toEqual({
      any: [
        therapy({ classes: ['anti_pd1', 'anti_pd_l1'], outcome: 'progression' }),
        unread('Progressed following therapy with at least one PD-1 or PD-L1 checkpoint inhibitor (regardless of PD-L1 expression status), except for patients with pancreatic cancer'),
      ],
    });
  });

  it('reads progression while receiving X "or within ≤12 weeks after the last dose" as necessary, the time unread', () => {
    const r = readRule('Must have subsequently developed radiographic disease progression while receiving anti-PD-1 or anti-PD-L1 treatment or within ≤12 weeks after the last dose of such treatment', 'inclusion');
    expect(r.condition).toEqual(therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }));
    expect(r.unread).toMatch(/12/);
  });

  it('reads "that is refractory to" a line of therapy in a cohort line as one sufficient option', () => {
    const c = readCondition('Cohort 3: Must have a confirmed diagnosis of unresectable or metastatic angiosarcoma that is refractory to at least 1 prior line of systemic therapy', 'inclusion') as { all: Condition[] };
    expect(c.all[2]).toEqual({
      any: [therapy({ kinds: ['systemic'], outcome: 'progression' }), unread('Cohort 3: Must have a confirmed diagnosis of unresectable or metastatic angiosarcoma that is refractory to at least 1 prior line of systemic therapy')],
    });
  });
});

describe('a line count limited to one cohort', () => {
  const sub = (c: Condition | null, fact: string): Condition[] => {
    if (!c) return [];
    if ('all' in c || 'any' in c) {
      const kids = 'all' in c ? c.all : c.any;
      return kids.some((k) => 'fact' in k && k.fact === fact) ? [c] : kids.flatMap((k) => sub(k, fact));
    }
    return [];
  };

  it('reads the count as one sufficient option, any(count, unread sentence)', () => {
    const line = 'Expansion cohort (at RP2D): metastatic pancreatic cancer or malign melanoma patients who have received at least one line of therapy in the metastatic setting';
    expect(sub(readCondition(line, 'inclusion', ['Tumor Eligibility:']), 'priorLines')).toEqual([
      { any: [{ fact: 'priorLines', operator: 'greaterThanInclusive', value: 1, params: { setting: 'metastatic' } }, unread(line)] },
    ]);
  });

  it('does not read "refractory to at least 1 prior line" in a cohort as a bare count', () => {
    const c = readCondition('Cohort 3: Must have a confirmed diagnosis of unresectable or metastatic angiosarcoma that is refractory to at least 1 prior line of systemic therapy', 'inclusion');
    expect(sub(c, 'priorLines')).toEqual([]);
  });
});
