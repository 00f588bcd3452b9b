import v8 from 'node:v8';
import { oneByteString } from '../../src/criteria/text';

/** How V8 stores a string, read from its serialised form (ValueSerializer: '"' one byte per character, 'c' two). */
function storage(s: string): 'one' | 'two' {
  const tag = [...v8.serialize(s).subarray(2)].find((b) => b !== 0);
  if (tag === 0x22) return 'one';
  if (tag === 0x63) return 'two';
  throw new Error(`unexpected tag ${tag}`);
}

describe('oneByteString', () => {
  const parent = 'Age ≥ 18 years. Adequate organ function as defined below, naïve to anti-PD-1 therapy (µg/kg)';
  const criterion = parent.slice(parent.indexOf('Adequate'));

  it('stores a Latin-1 slice of a two-byte text one byte per character, with the same characters', () => {
    // The premise: a slice keeps its parent's storage.
    expect(storage(criterion)).toBe('two');
    const compact = oneByteString(criterion);
    expect(storage(compact)).toBe('one');
    expect(compact).toBe(criterion);
    expect(compact.length).toBe(criterion.length);
  });

  it('returns a text with a character beyond Latin-1 as it is', () => {
    expect(oneByteString(parent)).toBe(parent);
    expect(storage(oneByteString(parent))).toBe('two');
    expect(oneByteString('')).toBe('');
  });
});
