/**
 * A permission inside a parenthesis ("(clinical N2a is allowed)", "(… (Stage I-III disease) is
 * permitted, …") lets in what its own words say: an exception to the criterion it qualifies, never a
 * further finding that excludes (or, in an inclusion, forbids) it. Lines are verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { findScopes } from '../../src/criteria/negation';
import { loadLexicons } from '../../src/criteria/lexicon';
import { readRule } from '../support/criteria';

const facts = (c: Condition | null): Array<Record<string, unknown>> => (c ? leavesOf(c).filter((l) => l.fact !== 'unparsed') : []).map((l) => ({ ...l }));

describe('permissions inside a parenthesis', () => {
  it('does not exclude the N categories a parenthesis allows', () => {
    const r = readRule('Clinical N2b breast cancer (clinical N2a is allowed)', 'exclusion');
    const leaves = facts(r.condition);
    expect(leaves).toContainEqual(expect.objectContaining({ fact: 'tnm', params: { category: 'n', values: ['N2b'] } }));
    expect(leaves).not.toContainEqual(expect.objectContaining({ fact: 'tnm', params: { category: 'n', values: ['N2a'] } }));
    const r3 = readRule('Clinical N3c breast cancer (clinical N3a and clinical N3b are allowed)', 'exclusion');
    expect(JSON.stringify(r3.condition)).not.toMatch(/N3a|N3b"\]/);
  });

  it('does not exclude stage I-III patients for a permitted adjuvant radiotherapy', () => {
    const r = readRule(
      'Prior radiotherapy for Stage IV disease (prior adjuvant radiotherapy to primary site or nodal field (Stage I-III disease) is permitted, however adjuvant-treated sites must not be included in the baseline lesions',
      'exclusion',
    );
    expect(facts(r.condition).filter((l) => l.fact === 'stage')).toEqual([]);
  });

  it('does not forbid the adjuvant chemotherapy a parenthesis permits', () => {
    const r = readRule(
      'Prior treatment with chemotherapy and antibody drug conjugates for advanced disease is not permitted (prior adjuvant or neoadjuvant chemotherapy is permitted)',
      'exclusion',
    );
    const settings = facts(r.condition)
      .filter((l) => l.fact === 'priorTherapy')
      .map((l) => (l.params as { setting?: string }).setting);
    expect(settings).toEqual(['advanced', 'advanced']);
  });

  it('does not forbid maintenance therapies an inclusion allows', () => {
    const r = readRule(
      'Patients with a diagnosis or clinical suspicion of gynecologic malignancy who have completed definitive first line treatment (maintenance hormonal or targeted therapies are allowed)',
      'inclusion',
    );
    // Having completed first-line treatment implies a treatment was had (therapy-generic.ts); nothing
    // forbids one, and no treatment kind is excluded.
    expect(facts(r.condition).filter((l) => l.fact === 'priorTherapy' && l.value === false)).toEqual([]);
  });

  it('scopes the exception from the parenthesis to the permission, not over the whole criterion', () => {
    const text = 'Any prior systemic therapy for metastatic melanoma (prior surgery is allowed)';
    const scopes = findScopes(text, loadLexicons()).scopes.filter((s) => s.kind === 'exception');
    expect(scopes.map((s) => text.slice(s.start, s.end).trim())).toEqual(['prior surgery']);
  });
});
