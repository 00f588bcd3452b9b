/**
 * Recovery from the toxicity of earlier cancer treatment is asked as one question (attestation
 * toxicity_recovered). The finding is medical history, and it reads the criterion's prior therapy
 * too: the toxicity is the earlier treatment's, as with recovery from surgery. Coverage counts it for
 * both, and the rule itself is unchanged. Verbatim corpus lines.
 */
import { parseCriteria } from '../../src/criteria/parse';

function only(text: string, kind: 'inclusion' | 'exclusion') {
  const heading = kind === 'inclusion' ? 'Inclusion Criteria:' : 'Exclusion Criteria:';
  const [c] = parseCriteria(`${heading}\n\n* ${text}`);
  return c!;
}

describe('toxicity of earlier treatment reads prior therapy too', () => {
  it.each([
    [
      'exclusion',
      'Any unresolved ≥Grade 2 toxicity (per CTCAE v5.0) from prior anti-tumor therapy (except alopecia, pigmentation, or laboratory abnormalities meeting inclusion criteria).',
    ],
    [
      'inclusion',
      'All toxicities related to previous anticancer therapies have resolved to common terminology criteria for adverse events (CTCAE) Grade ≤1 prior to trial treatment administration (except for alopecia and peripheral neuropathy which must be ≤ Grade 2).',
    ],
  ] as const)('%s: %s', (kind, text) => {
    const c = only(text, kind);
    expect(JSON.stringify(c.rule)).toContain('"topic":"toxicity_recovered"');
    expect(c.categoriesRead).toEqual(expect.arrayContaining(['medical_history', 'prior_therapy']));
  });
});
