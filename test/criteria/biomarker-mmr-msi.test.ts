/**
 * Mismatch repair and microsatellite status are two tests of one phenotype: deficient MMR (written
 * status "negative", loss of expression) is a finding like MSI-high, and "dMMR/MSI-H" names one
 * tumour either way. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const MSI_H = { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'MSI', status: 'high' } };
const DMMR = { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'MMR', status: 'negative' } };

/** The any() node that holds both leaves, if there is one. */
function eitherOf(c: Condition | null | undefined): boolean {
  if (!c || !('all' in c || 'any' in c)) return false;
  const kids = 'any' in c ? c.any : c.all;
  if ('any' in c && [MSI_H, DMMR].every((l) => kids.some((k) => JSON.stringify(k) === JSON.stringify(l)))) return true;
  return kids.some(eitherOf);
}

describe('MMR and MSI joined by a slash or comma', () => {
  it('reads "(dMMR)/ high microsatellite instability (MSI-H)" as either, beside the therapy condition', () => {
    const { condition } = readRule(
      'Participant with known mismatch repair deficiency (dMMR)/ high microsatellite instability (MSI-H) status who has not received immunotherapy treatments',
      'exclusion',
    );
    expect(eitherOf(condition)).toBe(true);
    expect(JSON.stringify(condition)).toContain('"kinds":["immunotherapy"]');
  });

  it('binds the pair tighter than the "and" that follows it', () => {
    const { condition } = readRule(
      'Participant with known mismatch repair deficiency (dMMR)/ high microsatellite instability (MSI-H) status and human epidermal growth factor receptor 2 (HER2)-positive/amplified tumor',
      'exclusion',
    );
    // HER2 stays required beside the pair: dMMR alone must not be read as enough.
    const her2 = (k: Condition): boolean => JSON.stringify(k).includes('"gene":"ERBB2","status":"positive"');
    const together = (c: Condition): boolean =>
      ('all' in c && c.all.some(her2) && c.all.some((k) => 'any' in k && eitherOf(k))) ||
      ('any' in c && c.any.some(together)) ||
      ('all' in c && c.all.some(together));
    expect(condition && together(condition)).toBe(true);
  });

  it('lists "MSI-high, TMB-high, MMR-deficient tumors" as alternatives', () => {
    const { condition } = readRule(
      'Subjects with MSI-high, TMB-high, MMR-deficient tumors, with histologically confirmed, locally advanced or metastatic disease',
      'inclusion',
    );
    const text = JSON.stringify(condition);
    expect(text).toMatch(/"any":\[\{[^\]]*"gene":"MSI"[^\]]*"gene":"TMB"[^\]]*"gene":"MMR"/);
  });
});
