import fc from 'fast-check';
import { lexicons } from '../../src/criteria/lexicon';
import { prefilterFor, requiredLiterals } from '../../src/criteria/regex-prefilter';
import { normalise } from '../../src/criteria/text';
import { fixtureStudies } from '../support/studies';

const B = '\u0000'; // a word boundary inside a literal

/** The gates let a text through. */
function passes(re: RegExp, text: string): boolean {
  return prefilterFor(re).every((g) => g.test(text));
}

describe('requiredLiterals', () => {
  it('requires one of the alternatives of a plain list', () => {
    // The bare "prior|previous" is implied by the bounded one and not kept.
    expect(requiredLiterals(/\b(?:prior|previous)\s+chemo/i).map((l) => l.sort())).toEqual([[`${B}previous`, `${B}prior`], ['chemo']]);
  });

  it('keeps word boundaries around a list of names and reads small classes as literals', () => {
    const [first] = requiredLiterals(/\bna[iï]ve\b/i);
    expect(first!.sort()).toEqual([`${B}naive${B}`, `${B}naïve${B}`]);
    expect(requiredLiterals(/(?=\b(?:HER[\s-]?2|ER|PR)\b)x/i).map((l) => l.sort())).toEqual([[`${B}ER`, `${B}HER`, `${B}PR`], ['x']]);
  });

  it('requires nothing of optional parts, negative lookarounds or back-references', () => {
    expect(requiredLiterals(/(?:metastatic)?\s*\w+/)).toEqual([]);
    expect(requiredLiterals(/^(?![\s\S]*pregnan)\w+/)).toEqual([]);
    expect(requiredLiterals(/(\w+) \1/)).toEqual([[' ']]);
  });

  it('reads what a positive lookahead requires', () => {
    expect(requiredLiterals(/(?=[\s\S]*\bstage\b)\w+/i)).toEqual([[`${B}stage${B}`]]);
  });

  it('gives up on patterns it does not parse and on unicode-mode patterns', () => {
    expect(requiredLiterals(/\p{L}+ cancer/u)).toEqual([]);
    expect(prefilterFor(/\p{L}+ cancer/u)).toEqual([]);
  });
});

describe('prefilterFor', () => {
  it('keeps the pattern’s case sensitivity', () => {
    expect(passes(/\bECOG\b/i, 'ecog 0-1')).toBe(true);
    expect(passes(/\bECOG\b/, 'ecog 0-1')).toBe(false);
    expect(passes(/\bER\b/i, 'other therapy')).toBe(false);
  });

  // Outer quantifiers stay bounded: a generated "(\w*)+" would backtrack for minutes.
  it('never rejects a text the pattern matches (random patterns over random texts)', () => {
    const word = fc.constantFrom('prior', 'chemo', 'er', 'her', 'stage', 'iv', 'na', 'ïve', ' ', '-', '2');
    const atom = fc.oneof(
      word.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      fc.constantFrom('\\b', '\\s+', '\\w*', '[\\s-]?', '[iï]', '[0-4]', '.', '\\d'),
    );
    const seq = fc.array(atom, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const pattern = fc
      .tuple(fc.array(seq, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '?', '{1,2}'), fc.constantFrom('(?:', '(?=', '(?!', '(?<!'), seq)
      .map(([alts, q, look, tail]) => `${look}${alts.join('|')})${look === '(?:' ? q : ''}${tail}`);
    const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(
      fc.property(pattern, fc.boolean(), text, (src, ci, t) => {
        const re = new RegExp(src, ci ? 'i' : '');
        // Only the implication is checked: a match must pass its gates.
        expect(!re.test(t) || passes(re, t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never rejects a real criterion a topic trigger matches, and rejects most that it does not', () => {
    const texts = fixtureStudies()
      .flatMap((s) => ((s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule?.eligibilityCriteria ?? '').split('\n'))
      .map((l) => normalise(l).text)
      .filter((l) => l.trim());
    let skipped = 0;
    let misses = 0;
    for (const { patterns } of lexicons().categoryPatterns) {
      for (const re of patterns) {
        const gates = prefilterFor(re);
        for (const t of texts) {
          const through = gates.every((g) => g.test(t));
          if (!through) skipped++;
          if (!through && re.test(t)) misses++;
        }
      }
    }
    expect(misses).toBe(0);
    // The point of the gates: most (pattern, text) pairs never run the pattern.
    const pairs = texts.length * lexicons().categoryPatterns.reduce((n, c) => n + c.patterns.length, 0);
    expect(skipped / pairs).toBeGreaterThan(0.6);
  });
});
