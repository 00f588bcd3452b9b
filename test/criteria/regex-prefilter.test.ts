import fc from 'fast-check';
import { lexicons } from '../../src/criteria/lexicon';
import { prefilterFor, requiredLiterals, startsAt } from '../../src/criteria/regex-prefilter';
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

describe('startsAt', () => {
  /** The matches as data: where, what, and each group. */
  const found = (ms: RegExpExecArray[]): string[] => ms.map((m) => JSON.stringify([m.index, ...m]));
  const same = (re: RegExp, text: string): boolean => {
    const scan = startsAt(re);
    return !scan || JSON.stringify(found(scan(text))) === JSON.stringify(found([...text.matchAll(re)]));
  };

  it('finds the matches matchAll finds, trying the pattern only where one can start', () => {
    const re = /\b(?:(?:there\s+(?:is|are)\s+)?no\s+(standard|effective)\s+therap(?:y|ies)|(?:has|have)\s+failed)/gi;
    const scan = startsAt(re)!;
    const text = 'Patients for whom there is no standard therapy, or whose disease HAS failed; no effective therapies';
    expect(found(scan(text))).toEqual(found([...text.matchAll(re)]));
    expect(scan(text).map((m) => m[0])).toEqual(['there is no standard therapy', 'HAS failed', 'no effective therapies']);
    // A lookbehind sees the text before the position tried.
    const after = /(?<=\bfor\s+whom\s+)standard\s+therapy|failed/g;
    expect(startsAt(after)!('for whom standard therapy failed; standard therapy').map((m) => m.index)).toEqual([9, 26]);
  });

  it('declines patterns that may start anywhere or match empty, and non-global or unicode ones', () => {
    expect(startsAt(/\w+ cancer/g)).toBeNull();
    expect(startsAt(/(?:stage)?/g)).toBeNull();
    expect(startsAt(/stage/i)).toBeNull();
    expect(startsAt(/stage/gu)).toBeNull();
    expect(startsAt(/\0stage/g)).toBeNull();
  });

  it('finds the same matches as matchAll (random patterns over random texts)', () => {
    const word = fc.constantFrom('prior', 'chemo', 'er', 'her', 'stage', 'iv', 'na', 'ïve', ' ', '-', '2', 'No', 'no');
    const atom = fc.oneof(
      word.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      fc.constantFrom('\\b', '\\s+', '\\s*', '\\w*', '[\\s-]?', '[iï]', '[0-4]', '.', '\\d', '(?:no\\s+)?', '(?:er|her)*'),
    );
    const seq = fc.array(atom, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const pattern = fc
      .tuple(fc.array(seq, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '?', '{1,2}', '+'), fc.constantFrom('(?:', '(?=', '(?!', '(?<=', '(?<!'), seq)
      .map(([alts, q, look, tail]) => `${look}${alts.join('|')})${look === '(?:' ? q : ''}${tail}`);
    const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(
      fc.property(pattern, fc.boolean(), text, (src, ci, t) => same(new RegExp(src, ci ? 'gi' : 'g'), t)),
      { numRuns: 3000 },
    );
  });

  it('finds the same matches as matchAll for the topic triggers over real criteria', () => {
    const texts = fixtureStudies()
      .slice(0, 60)
      .flatMap((s) => ((s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule?.eligibilityCriteria ?? '').split('\n'))
      .map((l) => normalise(l).text)
      .filter((l) => l.trim());
    let scanned = 0;
    for (const { patterns } of lexicons().categoryPatterns) {
      for (const re of patterns) {
        const global = new RegExp(re.source, 'gi');
        if (!startsAt(global)) continue;
        scanned++;
        for (const t of texts) expect(same(global, t)).toBe(true);
      }
    }
    // Many triggers open on words the analysis reads.
    expect(scanned).toBeGreaterThan(50);
  });
});
