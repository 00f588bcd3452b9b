/**
 * "and or" is "and/or" with its slash dropped: the normaliser restores the slash in place of the
 * space, so the readers see the connective and every offset still points into the source. Lines are
 * verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked as a
 * variant.
 */
import { normalise } from '../../src/criteria/text';
import { readRule } from '../support/criteria';

describe('"and or"', () => {
  it('normalises to "and/or" with the same length and offsets', () => {
    const source = 'chemotherapy and or radiotherapy';
    const n = normalise(source);
    expect(n.text).toBe('chemotherapy and/or radiotherapy');
    expect(n.map).toHaveLength(source.length + 1);
    expect(n.map[20]).toBe(20);
    // Not inside a word (variant).
    expect(normalise('brand orange').text).toBe('brand orange');
  });

  it('reads a list of prior treatments joined by "and or"', () => {
    expect(
      readRule(
        'Have undergone chemotherapy, targeted therapy, immunotherapy, hormone therapy and or radiotherapy for a previous tumour',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        fact: 'priorTherapy',
        operator: 'equal',
        value: true,
        params: { kinds: ['chemotherapy', 'targeted', 'immunotherapy', 'hormonal', 'radiation'] },
      },
      unread: '',
    });
  });
});
