import { kthLargest } from '../../src/match/rank';

/** The reference answer: sort descending and take the k-th. */
function bySorting(keys: number[], k: number): number {
  return keys.length <= k ? -Infinity : [...keys].sort((a, b) => b - a)[k - 1]!;
}

describe('kthLargest (the rank key a trial must reach to be ranked in full)', () => {
  it('is -Infinity when there are no more keys than places, so every candidate is ranked', () => {
    expect(kthLargest([], 20)).toBe(-Infinity);
    expect(kthLargest([3, 1, 2], 3)).toBe(-Infinity);
  });

  it('finds the k-th largest, ties included, as sorting does', () => {
    expect(kthLargest([5, 1, 4, 2, 3], 1)).toBe(5);
    expect(kthLargest([5, 1, 4, 2, 3], 2)).toBe(4);
    expect(kthLargest([5, 1, 4, 2, 3], 4)).toBe(2);
    expect(kthLargest([7, 7, 7, 1, 7], 3)).toBe(7);
    expect(kthLargest([2e12 + 3e8 - 4, 1e12 - 9, 2e12 + 3e8 - 1, 1e12 - 2], 2)).toBe(2e12 + 3e8 - 4);
  });

  it('agrees with sorting on many pseudo-random lists with repeated keys', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const keys = Array.from({ length: next() % 400 }, () => (next() % 50) * 1e6 - (next() % 7));
      const k = 1 + (next() % 30);
      expect(kthLargest(keys, k)).toBe(bySorting(keys, k));
    }
  });
});
