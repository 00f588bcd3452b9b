/**
 * Corticosteroid and immunosuppressant exclusions with a dose and exception entries. No fact holds a dose, so a steroid's dose ("exceeding the
 * equivalent of 10 mg/day of prednisone", "> 10 mg/day prednisone-equivalent") stays an unparsed
 * leaf that narrows the receipt: all(receipt, unread dose) in an exclusion, so a patient without
 * steroids is not excluded and one with them is left open. Entries after "with the following
 * exceptions:" are exceptions, kept in that leaf, never dropped. Every line is verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readCondition, readRule, therapy, unparsed as unread } from '../support/criteria';
import type { Condition } from '../../src/criteria/facts';

function leaves(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not as Condition);
  return [c];
}

describe("a steroid's dose without parentheses", () => {
  it('keeps the dose as the qualifier of the union it heads, with the window after the union', () => {
    const c = readCondition(
      'Treatment with systemic corticosteroids exceeding the equivalent of 10 mg/day of prednisone or other systemic immunosuppressive medications (including but not limited to prednisone, dexamethasone, cyclophosphamide, azathioprine, methotrexate, and anti-tumor necrosis factor \\[anti-tumor necrosis factor (TNF)\\] agents) within 2 weeks prior to Day 1, or anticipated requirement for systemic immunosuppressive medications exceeding the equivalent of 10 mg/day of prednisone during the trial',
      'exclusion',
    );
    expect(c).toEqual({
      all: [
        {
          any: [
            therapy({ drugs: ['prednisone', 'dexamethasone', 'cyclophosphamide', 'azathioprine', 'methotrexate'], withinDays: 14 }),
            therapy({ classes: ['corticosteroid', 'immunosuppressant', 'anti_tnf'], withinDays: 14 }),
          ],
        },
        unread(
          'exceeding the equivalent of 10 mg/day of prednisone or other systemic immunosuppressive medications (including but not limited to prednisone, dexamethasone, cyclophosphamide, azathioprine, methotrexate, and anti-tumor necrosis factor [anti-tumor necrosis factor (TNF)] agents',
        ),
      ],
    });
  });

  it('does not read an anticipated need for immunosuppressants during the trial as their receipt', () => {
    const r = readRule(
      'Treatment with systemic corticosteroids exceeding the equivalent of 10 mg/day of prednisone or other systemic immunosuppressive medications (including but not limited to prednisone, dexamethasone, cyclophosphamide, azathioprine, methotrexate, and anti-tumor necrosis factor \\[anti-tumor necrosis factor (TNF)\\] agents) within 2 weeks prior to Day 1, or anticipated requirement for systemic immunosuppressive medications exceeding the equivalent of 10 mg/day of prednisone during the trial',
      'exclusion',
    );
    expect(leaves(r.condition).filter((l) => 'fact' in l && l.fact === 'priorTherapy' && !(l.params as { withinDays?: number }).withinDays)).toEqual([]);
    expect(r.unread).toContain('anticipated requirement');
  });

  it('reads a bare exclusion of a steroid and its dose as receipt narrowed by the dose', () => {
    expect(readCondition('Participant requires systemic steroid therapy of greater than10 mg/day of prednisone or equivalent.', 'exclusion')).toEqual({
      all: [therapy({ classes: ['corticosteroid'] }), unread('requires systemic steroid therapy of greater than10 mg/day of prednisone or equivalent')],
    });
  });

  it('keeps the window after the dose on a forbidden steroid in an inclusion', () => {
    const c = readCondition(
      'No systemic steroids \\>10 mg/day prednisone-equivalent within 14 days before C1D1.\n\n   Note: Physiologic/replacement doses (e.g., adrenal insufficiency) up to 10 mg/day prednisone-equivalent, topical, inhaled, intra-articular, intranasal, or ophthalmic steroids are allowed.',
      'inclusion',
    );
    expect(c && 'all' in c ? c.all[0] : null).toEqual({ any: [therapy({ classes: ['corticosteroid'], withinDays: 14 }, false), unread('10 mg/day prednisone-equivalent', false)] });
  });

  it('leaves a dose in parentheses on its own member (the other member is read exactly)', () => {
    expect(readCondition('Chronic systemic corticosteroid therapy (\\>10 mg prednisone equivalent daily) or immunosuppressive therapy within 14 days before the first dose.', 'exclusion')).toEqual({
      any: [
        { all: [therapy({ classes: ['corticosteroid'], withinDays: 14 }), unread('Chronic systemic corticosteroid therapy (>10 mg prednisone equivalent daily')] },
        therapy({ classes: ['immunosuppressant'], withinDays: 14 }),
      ],
    });
  });
});

describe('exception entries and "current or within"', () => {
  it('keeps the entries after "with the following exceptions:" in the qualifier of the receipt', () => {
    expect(
      readCondition(
        'Use of systemic corticosteroids or other immunosuppressive therapy, concurrently or within 14 days of C1D1 of study drug(s), with the following exceptions:\n\n    * Topical, intranasal, inhaled, ocular, intra-articular, and/or other nonsystemic corticosteroids.\n    * Physiological doses of replacement steroid therapy (example, for adrenal insufficiency), not to exceed the equivalent of 10 mg prednisone daily.',
        'exclusion',
      ),
    ).toEqual({
      all: [
        therapy({ classes: ['corticosteroid', 'immunosuppressant'], withinDays: 14 }),
        unread(
          'Use of systemic corticosteroids or other immunosuppressive therapy, concurrently or within 14 days of C1D1 of study drug(s), with the following exceptions: * Topical, intranasal, inhaled, ocular, intra-articular, and/or other nonsystemic corticosteroids. * Physiological doses of replacement steroid therapy (example, for adrenal insufficiency), not to exceed the equivalent of 10 mg prednisone daily.',
        ),
      ],
    });
  });

  it('reads "current or within 14 days" as one window, not an alternative', () => {
    const r = readRule(
      'Use of corticosteroids or other immunosuppressive medication, current or within 14 days of administration of Alintegimod with the following exceptions:\n\n    * a) Topical, intranasal, inhaled, ocular, intra-articular corticosteroids;\n    * b) Physiological doses of replacement corticosteroids (e.g., for adrenal insufficiency) are not to exceed 10 mg/day of prednisone or equivalent.\n    * c) Corticosteroid premedication for infusion and/or hypersensitivity reactions.\n    * d) Patients may be treated with a short (\\<24h) pulse course of corticosteroids to mitigate infusion or hypersensitivity reactions to radiocontrast agents.',
      'exclusion',
    );
    const c = r.condition as { all: Condition[] };
    expect(c.all[0]).toEqual(therapy({ classes: ['corticosteroid', 'immunosuppressant'], withinDays: 14 }));
    expect(JSON.stringify(c.all[1])).toContain('Corticosteroid premedication for infusion');
    expect(r.unread).toBe('');
  });
});

describe('"or chronic use of" between two members', () => {
  it('keeps both members on the window after the second, the chronic use of steroids unread', () => {
    expect(readCondition('Receiving active immunosuppressive agents or chronic use of systemic corticosteroids within 14 days of vaccine treatment.', 'exclusion')).toEqual({
      any: [
        therapy({ classes: ['immunosuppressant'], withinDays: 14 }),
        { all: [therapy({ classes: ['corticosteroid'], withinDays: 14 }), unread('chronic use of systemic corticosteroids within 14 days of vaccine')] },
      ],
    });
  });
});

