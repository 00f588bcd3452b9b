/**
 * Negation scopes end at the end of their sentence (negation.ts). Where a list lost its line breaks,
 * the next sentence starts with no full stop before it ("…, unless not available locally to the
 * patient Patient must have received at least two lines …"): a capitalised subject and its verb
 * after a lower-case word start it, and the scope of "not" before them must not reach into it, where
 * it had turned "at least two lines" into fewer than two. Lines verbatim from NCT05607199.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { findScopes } from '../../src/criteria/negation';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

const GLUED =
  'Patient must have received treatment with chemotherapy and CD20 antibody previously Patient must have received BTK inhibitors and PI3K inhibitors, unless not available locally to the patient Patient must have received at least two lines of therapy previously and be eligible to receive Rituximab Sub-Type of CD20+ B Cell Lymphoma: Extra nodal Marginal Zone Lymphoma of MALT tissue';

describe('a sentence glued to the one before it', () => {
  it('ends the negation scope before its capitalised subject', () => {
    const text = normalise(GLUED).text;
    const at = text.indexOf('at least two lines');
    const scopes = findScopes(text, lexicons());
    expect(scopes.in('negated', text.indexOf('available locally'))).toBe(true);
    expect(scopes.in('negated', at)).toBe(false);
  });

  it('reads no "fewer than two lines" from "at least two lines" after "unless not available"', () => {
    const { condition } = readCriterion(normalise(GLUED).text, 'inclusion', []);
    expect(JSON.stringify(condition)).not.toContain('"fact":"priorLines","operator":"lessThan"');
  });

  it('leaves a capitalised word inside a sentence alone', () => {
    const text = normalise('Patients who have not received Patient-reported outcome questionnaires').text;
    expect(findScopes(text, lexicons()).in('negated', text.indexOf('Patient-reported'))).toBe(true);
  });
});
