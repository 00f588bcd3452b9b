import fc from 'fast-check';
import { MAX_READ_CHARS, parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';
import { fixtureStudies } from '../support/studies';

function checkShape(source: string, criteria: ParsedCriterion[]): void {
  for (const c of criteria) {
    expect(source.slice(c.span[0], c.span[1])).toBe(c.text);
    expect(['parsed', 'partial', 'unparsed']).toContain(c.status);
    expect('all' in c.rule || 'any' in c.rule).toBe(true);
    expect(c.coverage).toBeGreaterThanOrEqual(0);
    expect(c.coverage).toBeLessThanOrEqual(1);
  }
}

/** Real criteria lines to splice into generated text, so the fuzzing reaches the extractors. */
const realLines = fixtureStudies()
  .slice(0, 60)
  .flatMap((s) =>
    ((s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule
      ?.eligibilityCriteria ?? ''
    ).split('\n'),
  )
  .filter((l) => l.trim().length > 3);

describe('parseCriteria never throws and stays bounded', () => {
  it('parses any string without throwing, keeping every span exact', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        checkShape(text, parseCriteria(text));
      }),
      { numRuns: 300 },
    );
  });

  it('parses shuffles of real lines, headings, bullets and stray brackets without throwing', () => {
    const piece = fc.oneof(
      fc.constantFrom(...realLines),
      fc.constantFrom('Inclusion Criteria:', 'EXCLUSION CRITERIA:', 'DISEASE CHARACTERISTICS:', '  * ', '1. ', 'a) ', '\\>', '\\<=', '(', ')', '[', ']]', '×10⁹/L', '≥', ''),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('\n');
        checkShape(text, parseCriteria(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives no criteria for empty and missing text', () => {
    expect(parseCriteria('')).toEqual([]);
    expect(parseCriteria(null)).toEqual([]);
    expect(parseCriteria(undefined)).toEqual([]);
    expect(parseCriteria('\n\n   \n')).toEqual([]);
  });

  it('parses 1 MB of real criteria text in bounded time', () => {
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += realLines[i % realLines.length] + '\n';
    // No time assertion (speed lives in `npm run bench:parse`); the jest timeout catches a runaway.
    const criteria = parseCriteria(text);
    expect(criteria.length).toBeGreaterThan(1000);
    checkShape(text, criteria.slice(0, 200));
  }, 120_000);

  it('parses 1 MB of binary bytes and one huge unbroken line without running away', () => {
    const bytes = Buffer.alloc(1_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const binary = bytes.toString('latin1');
    checkShape(binary, parseCriteria(binary));
    const line = 'ANC ≥ 1500/mm3 and ((platelets ≥ 100 000 [or] ECOG 0-1 '.repeat(20_000);
    const criteria = parseCriteria(line);
    expect(criteria.length).toBeGreaterThan(0);
    checkShape(line, criteria);
    // Longer than any real criterion: kept whole and unread, for a coordinator, never dropped.
    const long = criteria.filter((c) => c.text.length > MAX_READ_CHARS);
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((c) => c.status === 'unparsed')).toBe(true);
  }, 120_000);

  it('reads a criterion under a heading with a long run of spaces without running away', () => {
    // A cohort heading's label was trimmed with /\s*:\s*$/, which backtracks quadratically on spaces.
    const text = `Inclusion Criteria:\n\nPart A cohort${' '.repeat(200_000)}x:\n\n* Age ≥ 18 years`;
    const criteria = parseCriteria(text);
    expect(criteria.length).toBeGreaterThan(0);
    checkShape(text, criteria);
  }, 120_000);
});
