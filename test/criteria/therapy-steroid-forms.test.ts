/**
 * Steroids and immunosuppressants taken now or recently, named beside other alternatives of an
 * exclusion: "… or a syndrome that requires systemic steroids", "… or a requirement for chronic
 * systemic steroid therapy … within 14 days", "… or use of systemic steroids > 10 mg/day",
 * "Requirement for systemic corticosteroids … within 14 days or during the study". The receipt is a
 * necessary condition of its alternative, all(priorTherapy, unread qualifier): a dose, "chronic", a
 * need during the study are never dropped. Every line is verbatim from the oncology corpus.
 */
import type { Condition } from '../../src/criteria/facts';
import { cond, readRule, therapy } from '../support/criteria';

/** The alternatives of an exclusion's rule (its top-level "any", or the rule itself). */
function alternatives(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('any' in c) return c.any;
  if ('all' in c) {
    const inner = c.all.find((x) => 'any' in x);
    if (inner && 'any' in inner) return inner.any;
  }
  return [c];
}

/** The priorTherapy leaf of an alternative read as all(priorTherapy, unread qualifier), with the qualifier's text. */
function necessaryReceipt(alt: Condition): { therapy: Condition; unread: string } | null {
  if (!('all' in alt) || alt.all.length !== 2) return null;
  const [t, u] = alt.all;
  if (!t || !u || !('fact' in t) || !('fact' in u) || t.fact !== 'priorTherapy' || u.fact !== 'unparsed') return null;
  return { therapy: t, unread: String((u.params as { text?: string }).text) };
}

function receipts(c: Condition | null): Array<{ therapy: Condition; unread: string }> {
  return alternatives(c)
    .map(necessaryReceipt)
    .filter((x): x is { therapy: Condition; unread: string } => !!x);
}

describe('a requirement for steroids in a past window, or during the study', () => {
  const line = 'Requirement for systemic corticosteroids (\\>10 mg prednisone equivalent) within 14 days or during the study.';

  it('reads the receipt in the window, with the dose and the need during the study left unread', () => {
    const r = readRule(line, 'exclusion');
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['corticosteroid'], withinDays: 14 }),
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Requirement for systemic corticosteroids (>10 mg prednisone equivalent) within 14 days or during the study' } },
      ],
    });
  });

  it('never reads the steroids alone, without their dose', () => {
    expect(readRule(line, 'exclusion').condition).not.toEqual(therapy({ classes: ['corticosteroid'], withinDays: 14 }));
  });

  it('still leaves a need only during the study unread', () => {
    const r = readRule('Need for systemic corticosteroid therapy (\\> 10 mg prednisolone \\[or equivalent\\]/daily) or other immunosuppressant use within 14 days after enrollment.', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('priorTherapy');
  });
});

describe('a requirement for steroids heading its own alternative after a named condition', () => {
  it('reads "or a requirement for chronic systemic steroid therapy (dose) … within 14 days" beside the autoimmune disease', () => {
    const r = readRule(
      'An active autoimmune disease or a requirement for chronic systemic steroid therapy (in dosing exceeding 10 mg daily of prednisone equivalent) or any other form of immunosuppressive therapy within 14 days prior to the first dose of study treatment.',
      'exclusion',
    );
    const alts = alternatives(r.condition);
    expect(alts).toContainEqual(cond({ names: ['autoimmune_disease'], active: true }));
    const steroid = receipts(r.condition).find((x) => JSON.stringify(x.therapy).includes('corticosteroid'));
    expect(steroid?.therapy).toEqual(therapy({ classes: ['corticosteroid'], withinDays: 14 }));
    expect(steroid?.unread).toContain('exceeding 10 mg daily');
    expect(steroid?.unread).toContain('chronic');
  });

  it('reads "or a syndrome that requires systemic steroids or immunosuppressive agents" as a necessary receipt', () => {
    const r = readRule(
      'Has active autoimmune disease that has required systemic treatment in the past 5 years, or a documented history of clinically severe autoimmune disease, or a syndrome that requires systemic steroids or immunosuppressive agents.',
      'exclusion',
    );
    const [rec] = receipts(r.condition);
    expect(rec?.therapy).toEqual(therapy({ classes: ['corticosteroid', 'immunosuppressant'] }));
    expect(rec?.unread).toContain('syndrome that requires');
  });

  it('reads "or other medical conditions requiring chronic systemic steroid or immunosuppressive therapy"', () => {
    const r = readRule('Participant has active autoimmune disease or other medical conditions requiring chronic systemic steroid or immunosuppressive therapy', 'exclusion');
    expect(alternatives(r.condition)).toContainEqual(cond({ names: ['autoimmune_disease'], active: true }));
    const [rec] = receipts(r.condition);
    expect(rec?.therapy).toEqual(therapy({ classes: ['corticosteroid', 'immunosuppressant'] }));
    expect(rec?.unread).toContain('chronic');
  });

  it('reads each member past a dose in brackets, each with its qualifier', () => {
    const r = readRule(
      'Active autoimmune disease or medical conditions requiring chronic steroid (i.e., \\> 10 mg/day prednisone or equivalent) or immunosuppressive therapy. Patients with a prior history of autoimmune disease may be eligible following discussion with the Medical Monitor.',
      'exclusion',
    );
    const got = receipts(r.condition).map((x) => x.therapy);
    expect(got).toContainEqual(therapy({ classes: ['corticosteroid'] }));
    expect(got).toContainEqual(therapy({ classes: ['immunosuppressant'] }));
    expect(receipts(r.condition).find((x) => JSON.stringify(x.therapy).includes('corticosteroid'))?.unread).toContain('10 mg/day');
  });

  it('leaves steroids a named condition required to the condition reader', () => {
    const r = readRule('History of idiopathic pulmonary fibrosis, pneumonitis (including drug induced), organizing pneumonia, active interstitial lung disease (ILD) requiring treatment with systemic steroids', 'exclusion');
    expect(receipts(r.condition)).toEqual([]);
  });
});

describe('the use of steroids after "or"', () => {
  it('reads "or use of systemic steroids > 10 mg/day" as a necessary receipt beside the diagnosis', () => {
    const r = readRule('Has a diagnosis of immunodeficiency or use of systemic steroids \\>10 mg/day', 'exclusion');
    expect(alternatives(r.condition)).toContainEqual(cond({ names: ['immunodeficiency'] }));
    const [rec] = receipts(r.condition);
    expect(rec?.therapy).toEqual(therapy({ classes: ['corticosteroid'] }));
    expect(rec?.unread).toContain('>10 mg/day');
  });
});

describe('a grant of steroids in another sentence', () => {
  it('reads the exclusion of steroids as necessary only where physiologic doses "may be approved"', () => {
    const r = readRule(
      'Has a diagnosis of immunodeficiency or is receiving systemic steroid therapy or any other form of immunosuppressive therapy within 7 days prior to the first dose of study treatment. The use of physiologic doses of corticosteroids (up to 7.5mg/d of prednisone or equivalent) may be approved after consultation with the sponsor',
      'exclusion',
    );
    const alts = alternatives(r.condition);
    // Never a bare receipt of steroids in the window, which would exclude a patient the sponsor may accept.
    expect(alts).not.toContainEqual(therapy({ classes: ['corticosteroid', 'immunosuppressant'], withinDays: 7 }));
    expect(receipts(r.condition).map((x) => x.therapy)).toContainEqual(therapy({ classes: ['corticosteroid', 'immunosuppressant'], withinDays: 7 }));
  });
});
