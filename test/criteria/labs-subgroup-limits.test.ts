/**
 * A looser limit for a subgroup written in the ways the corpus writes it: the subgroup between the
 * two limits ("≤ 2.5 × ULN; in participants with liver metastases ≤ 5 × ULN"), after the second
 * ("≤ 5 × ULN with liver involvement"), after "Exception:", and a second limit with no unit
 * ("(or ≤ 5 if liver metastases are present)"). Every line is a real corpus criterion.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule, uln, unparsed } from '../support/criteria';

const liver: Condition = { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['liver'] } };
const astAlt = (operator: string, value: number): { all: Condition[] } => ({
  all: [uln('ast', operator, value), uln('alt', operator, value)],
});

describe('a subgroup between two limits binds the second', () => {
  it('reads "; in participants with liver metastases ≤ 5 × ULN"', () => {
    const r = readRule('AST and ALT ≤ 2.5 × ULN; in patients with liver metastases ≤ 5 × ULN;', 'inclusion');
    expect(r.condition).toEqual({
      any: [astAlt('lessThanInclusive', 2.5), { all: [liver, ...astAlt('lessThanInclusive', 5).all] }],
    });
    expect(r.unread).toBe('');
  });

  it('reads ", in patients with liver metastases ≤5 X ULN"', () => {
    const r = readRule(
      'Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤2.5 X ULN, in patients with liver metastases ≤5 X ULN',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [astAlt('lessThanInclusive', 2.5), { all: [liver, ...astAlt('lessThanInclusive', 5).all] }],
    });
  });

  it('reads "; if hepatic metastases are present, ≤3.0 × ULN"', () => {
    const r = readRule(
      'Total bilirubin ≤1.5 × upper limit of normal (ULN); if hepatic metastases are present, ≤3.0 × ULN',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [uln('bilirubin', 'lessThanInclusive', 1.5), { all: [liver, uln('bilirubin', 'lessThanInclusive', 3)] }],
    });
  });

  it('reads "(in participants with liver metastases =< 5 x ULN)" with the sign written backwards', () => {
    const r = readRule(
      'Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) =\\< 2.5 x institutional ULN (in participants with liver metastases =\\< 5 x ULN) (within 28 days prior to randomization)',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [astAlt('lessThanInclusive', 2.5), { all: [liver, ...astAlt('lessThanInclusive', 5).all] }],
    });
  });
});

describe('a subgroup after the second limit', () => {
  it('binds "with liver involvement" to the looser limit, not to everyone', () => {
    const r = readRule('ALT and AST =\\< 3 x ULN (=\\< 5 x ULN with liver involvement)', 'inclusion');
    expect(r.condition).toEqual({
      any: [
        { all: [uln('alt', 'lessThanInclusive', 3), uln('ast', 'lessThanInclusive', 3)] },
        {
          all: [unparsed('liver involvement'), uln('alt', 'lessThanInclusive', 5), uln('ast', 'lessThanInclusive', 5)],
        },
      ],
    });
  });

  it('binds "or =< 5 x ULN with liver metastases", which alone would let anyone in at 5 × ULN', () => {
    const r = readRule(
      'Aspartate transaminase (AST) and alanine transaminase (ALT) =\\< 3 x ULN or =\\< 5 x ULN with liver metastases',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [astAlt('lessThanInclusive', 3), { all: [liver, ...astAlt('lessThanInclusive', 5).all] }],
    });
  });

  it('does not take "with direct bilirubin" for a subgroup', () => {
    const r = readRule(
      'Total bilirubin ≤ 1.5 × ULN (in patients with known Gilbert Syndrome a total bilirubin ≤3.0× ULN with direct bilirubin ≤1.5 X ULN)',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('direct_bilirubin');
  });
});

describe('other subgroup phrasings', () => {
  it('reads "(Exception: Subjects with liver metastasis ≤ 2.5 × ULN)" as an exception, not "except" + "ion"', () => {
    const r = readRule(
      'S-bilirubin ≤ 1.5 times upper normal limit (Exception: Subjects with liver metastasis ≤ 2.5 × ULN)',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        uln('bilirubin', 'lessThanInclusive', 1.5),
        { all: [unparsed('liver metastasis'), uln('bilirubin', 'lessThanInclusive', 2.5)] },
      ],
    });
    expect(r.unread).toBe('');
  });

  it('gives a unitless looser subgroup limit the main limit’s × ULN', () => {
    const r = readRule(
      'Aspartate aminotransferase (AST) ≤ 2.5 × ULN (or ≤ 5 if liver metastases are present)',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [uln('ast', 'lessThanInclusive', 2.5), { all: [liver, uln('ast', 'lessThanInclusive', 5)] }],
    });
  });

  it('keeps the exclusion form: the main limit excludes unless the subgroup is within its own', () => {
    const r = readRule(
      'Alanine aminotransferase (ALT) or aspartate aminotransferase (AST) \\> 3 × ULN, or \\> 5 × ULN for patients with known liver metastases',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [
        { any: [uln('alt', 'greaterThan', 3), uln('ast', 'greaterThan', 3)] },
        { any: [{ ...liver, value: false }, uln('alt', 'greaterThan', 5), uln('ast', 'greaterThan', 5)] },
      ],
    });
  });
});
