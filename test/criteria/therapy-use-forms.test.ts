/**
 * How a treatment's time is said: "prior or concurrent" joins the past to the present (any time, not
 * use now only), and "use of immunotherapy must be FDA-approved" says what the treatment must be, not
 * that it was received. Lines are verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) or its plain forms.
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const therapyLeaves = (c: Condition | null): LeafCondition[] =>
  (c ? leavesOf(c) : []).filter((l) => l.fact === 'priorTherapy');

describe('"prior or concurrent" treatment', () => {
  it('reads any time, not current use only', () => {
    const r = readRule(
      'Any prior or concurrent surgery, radiotherapy or systemic anticancer therapy for TNBC or hormone receptor-low/HER2-negative breast cancer',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([
      { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['surgery', 'radiation', 'systemic'] } },
    ]);
    expect(therapyLeaves(readRule('Prior or concurrent chemotherapy', 'exclusion').condition)).toEqual([
      { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['chemotherapy'] } },
    ]);
  });

  it('keeps "concurrent" alone as use now, and a stated window as it is', () => {
    expect(therapyLeaves(readRule('Concurrent chemotherapy', 'exclusion').condition)[0]?.params).toEqual({
      kinds: ['chemotherapy'],
      withinDays: 1,
    });
    const r = readRule(
      'Current or prior use of immunosuppressive medication within 14 days before the first dose of durvalumab.',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)[0]?.params).toEqual({ classes: ['immunosuppressant'], withinDays: 14 });
  });
});

describe('a requirement on the kind of treatment', () => {
  it('does not require immunotherapy received from "(use of immunotherapy must be FDA-approved …)"', () => {
    const r = readRule(
      'Patients planning to start or within the first four weeks of treatment with anti-PD-1 immune checkpoint inhibitor therapy either alone or in combination with chemotherapy for curative intent for a known cancer diagnosis (use of immunotherapy must be FDA-approved and not experimental).',
      'inclusion',
    );
    expect(therapyLeaves(r.condition).filter((l) => l.value === true)).toEqual([]);
  });
});
