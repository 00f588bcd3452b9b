/**
 * Steroids and immunosuppressants in exclusions whose exceptions or alternatives the readers used to
 * miss: "… or any other condition that required immunosuppressive treatments" (a requirement of its
 * own alternative, not dated or made current by the words of the condition before its "or"), "…
 * except in cases outlined below: Topical applications … are allowed" (the cases let in stay an
 * unread leaf beside the receipt, never read as a permission of the receipt itself) and "… may be
 * included if their disease is well controlled without the use of immunosuppressive agents" (the
 * exemption spares only patients off that care). Every line is verbatim from the oncology corpus.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { cond, readRule, therapy, unparsed } from '../support/criteria';

const therapyLeaves = (c: Condition | null): Condition[] => (c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy') : []);

describe('a condition that required immunosuppressive treatment, after "or any other"', () => {
  // NCT06413680 e8
  const line =
    'Has ongoing or recent (within 5 years) evidence of significant autoimmune disease or any other condition that required treatment with systemic immunosuppressive treatments';

  it('reads the treatment as received in its own alternative, beside the autoimmune disease', () => {
    const c = readRule(line, 'exclusion').condition;
    expect(c && 'any' in c).toBe(true);
    const alts = (c as { any: Condition[] }).any;
    expect(alts).toHaveLength(2);
    expect(alts[0]).toEqual({ all: [cond({ names: ['autoimmune_disease'], active: true }), unparsed('that required treatment with systemic immunosuppressive treatments')] });
    expect(alts[1]).toEqual({
      all: [
        therapy({ classes: ['immunosuppressant'] }),
        unparsed('ongoing or recent (within 5 years) evidence of significant autoimmune disease or any other condition that required treatment with systemic'),
      ],
    });
  });

  it('takes neither the window nor "ongoing" of the condition before the "or" as the treatment\'s', () => {
    for (const t of therapyLeaves(readRule(line, 'exclusion').condition)) expect((t as { params: Record<string, unknown> }).params.withinDays).toBeUndefined();
  });
});

describe('an exclusion of current steroids with the cases it lets in "outlined below"', () => {
  // NCT05631795 e7
  const line =
    'Participants receiving concomitant immunosuppressive agents or chronic corticosteroids use at the time of study entry except in cases outlined below: Topical applications, inhaled sprays, eye drops or local injections are allowed. Participants on stable low dose of corticosteroids for at least two weeks prior to enrollment are allowed';

  it('reads the current use, each alternative necessary only', () => {
    const r = readRule(line, 'exclusion');
    expect(r.condition).toEqual({
      any: [
        { all: [therapy({ classes: ['immunosuppressant'], withinDays: 1 }), unparsed('concomitant')] },
        {
          all: [
            therapy({ classes: ['corticosteroid'], withinDays: 1 }),
            unparsed('chronic corticosteroids use at the time of study entry except in cases outlined below: Topical applications, inhaled sprays, eye drops or local injections are allowed'),
          ],
        },
      ],
    });
    // The second case let in (a stable low dose) stays unread (parseCriteria joins it beside the
    // rule): it spares patients, never excludes.
    expect(r.unread).toContain('stable low dose of corticosteroids');
  });

  it('never reads a low dose of corticosteroids as excluding on its own', () => {
    const c = readRule(line, 'exclusion').condition!;
    expect(c).not.toEqual(therapy({ classes: ['corticosteroid'], withinDays: 14 }));
    expect(JSON.stringify(c)).not.toContain('"withinDays":14');
  });
});

describe('an exemption for patients controlled without immunosuppressive agents', () => {
  // NCT03686124 e3, NCT06743126 e3
  const line =
    'Serious autoimmune disease Note: At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents.';

  it('excludes the disease with immunosuppressive agents taken now, the rest of the note unread', () => {
    expect(readRule(line, 'exclusion').condition).toEqual({
      all: [
        cond({ names: ['autoimmune_disease'], active: true }),
        {
          any: [
            therapy({ classes: ['immunosuppressant'], withinDays: 1 }),
            unparsed('At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents'),
          ],
        },
      ],
    });
  });

  it('reads no care that the words narrow further ("… agents for brain tumours")', () => {
    const c = readRule(
      'Serious autoimmune disease Note: these patients may be included if their disease is well controlled without the use of immunosuppressive agents for brain tumours.',
      'exclusion',
    ).condition;
    expect(therapyLeaves(c)).toEqual([]);
  });
});
