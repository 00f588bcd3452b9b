/**
 * "Castration-resistant" is the disease's progression despite castration: a hormonal treatment's
 * failure, read where the disease phrase holds the word, as progression on androgen deprivation
 * therapy being enough (never the only way: castration may be surgical). Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, unparsed } from '../support/criteria';

const progressedOnAdt: Condition = { any: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['adt'], outcome: 'progression' } }, unparsed('castration-resistant')] };
const extent = (e: string): Condition => ({ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: e } });

describe('castration-resistant disease', () => {
  it('reads the state where it stands in the disease phrase (NCT11112222 i2)', () => {
    const rule = criterionRule('Metastatic castration-resistant disease', 'inclusion');
    expect(rule).toEqual({ all: [extent('metastatic'), progressedOnAdt, unparsed('castration-resistant')] });
  });

  it('binds it to the extent and cancer it qualifies, not to the other alternatives (NCT06172478 i26)', () => {
    const rule = criterionRule('Pathologically or cytologically documented unresectable locally advanced or metastatic castration-resistant prostate cancer (CRPC).', 'inclusion');
    const text = JSON.stringify(rule);
    expect(text).toContain(JSON.stringify({ all: [extent('metastatic'), progressedOnAdt] }));
    expect(text).toContain(JSON.stringify({ all: [extent('unresectable'), extent('locally_advanced')] }));
  });

  it('is met by progression on androgen deprivation therapy, and never failed without it', () => {
    const state = progressedOnAdt;
    const onAdt = { cancers: [{ type: 'prostate cancer' }], treatments: [{ name: 'leuprolide', start: '2023-01-10', outcome: 'progression' as const }] };
    expect(judgeRecord(state, onAdt)).toBe(true);
    expect(judgeRecord(state, { cancers: [{ type: 'prostate cancer' }], treatments: [] })).toBeNull();
  });
});
