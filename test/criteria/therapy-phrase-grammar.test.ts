/**
 * Treatment phrases whose grammar had left a plain prior- or current-therapy requirement unread:
 * a scope that widens the disease the treatment was for ("for malignancy including diagnoses other than
 * germ cell tumor"), two purposes joined before one treatment ("adjuvant or palliative immunotherapy"),
 * "actively receiving" as current use, and a stage group whose substages share a slash ("stage IIIC/D or
 * IV"), whose "or" offers no alternative to the treatment after it. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { cancerType, criterionRule, therapy, unparsed } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');
const excl = (text: string): Condition => criterionRule(text, 'exclusion');
const allOf = (c: Condition): Condition[] => {
  expect('all' in c).toBe(true);
  return (c as { all: Condition[] }).all;
};

describe('treatment phrase grammar', () => {
  it('reads a prior platinum regimen whose "other than" widens the cancers it was for (NCT03067181 i37)', () => {
    const rule = incl('Has received prior cisplatin- or carboplatin-based chemotherapy regimen for malignancy including diagnoses other than germ cell tumor');
    const parts = allOf(rule);
    expect(parts).toContainEqual(therapy({ drugs: ['cisplatin', 'carboplatin'] }));
    // The scope stays unread beside the regimen, no condition that would spare anyone.
    expect(parts.some((p) => 'fact' in p && p.fact === 'unparsed')).toBe(true);
    expect(JSON.stringify(rule)).not.toContain('"any"');
  });

  it('reads current use under a pair of purposes, the pair unread beside it (NCT06985056 i1)', () => {
    const parts = allOf(incl('patients ≥ 18 years with malignant melanoma (Stage IIb - IV) receiving adjuvant or palliative immunotherapy or targeted therapy'));
    expect(parts).toContainEqual(therapy({ kinds: ['immunotherapy', 'targeted'], withinDays: 1 }));
    expect(parts).toContainEqual(unparsed('adjuvant or palliative'));
    expect(parts).toContainEqual(cancerType('MELANOMA'));
    // The pair's "or" joins no other finding: the age, cancer and stage still hold with the treatment.
    expect(parts.some((p) => 'any' in p)).toBe(false);
  });

  it('leaves two settings it knows to the setting reader, current use kept', () => {
    const rule = incl('receiving neoadjuvant or adjuvant immunotherapy');
    expect('any' in rule).toBe(true);
    expect((rule as { any: Condition[] }).any).toContainEqual(therapy({ kinds: ['immunotherapy'], withinDays: 1, setting: 'adjuvant' }));
  });

  it('reads "actively receiving" as current use (NCT05786924 e13, NCT05053230 i6)', () => {
    const rule = excl('Actively receiving systemic treatment or direct medical intervention on another therapeutic clinical study.');
    expect('any' in rule).toBe(true);
    expect((rule as { any: Condition[] }).any).toContainEqual(therapy({ kinds: ['systemic'], withinDays: 1 }));
    expect(JSON.stringify(rule)).not.toContain('Actively');
    const inc = incl('Actively receiving systemic oncological treatment or radiotherapy, or within 4 weeks of radiotherapy completion or primary cytoreductive surgery');
    expect(JSON.stringify(inc)).toContain('"withinDays":1');
  });

  it('reads the treatment after a stage whose substages share a slash, its relative clause unread (NCT04576429 i3)', () => {
    const rule = incl('Unresectable stage IIIC/D or IV metastatic melanoma, treated with immune therapy (pembrolizumab or nivolumab or immune checkpoint inhibitors) which should be associated by a radiotherapy ;');
    const parts = allOf(rule);
    const treatment = parts.find((p) => 'any' in p && JSON.stringify(p).includes('priorTherapy'));
    expect(treatment).toBeDefined();
    expect((treatment as { any: Condition[] }).any).toContainEqual(therapy({ kinds: ['immunotherapy'] }));
    expect(parts).toContainEqual(unparsed('associated by a radiotherapy'));
  });
});
