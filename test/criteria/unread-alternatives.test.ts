/**
 * Unread words the criterion offers as an alternative ("…, or no standard therapy available", "(or the
 * legal age of consent …)") join the reading with their "or": an inclusion never fails a patient on
 * the route it could read when the other route is unread. Verbatim corpus lines.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';

type Tri = 'pass' | 'fail' | 'unknown';

const ruleOf = (line: string): Condition => {
  const [c] = parseCriteria(`Inclusion Criteria:\n\n* ${line}`);
  return c!.rule as Condition;
};

/**
 * Three-valued evaluation over the leaves the patient is known to meet (true) or not (false); every
 * other leaf, and every unparsed one, is unknown.
 */
function evaluate(c: Condition, known: (leaf: LeafCondition) => boolean | undefined): Tri {
  if ('all' in c) {
    const r = c.all.map((k) => evaluate(k, known));
    return r.includes('fail') ? 'fail' : r.includes('unknown') ? 'unknown' : 'pass';
  }
  if ('any' in c) {
    const r = c.any.map((k) => evaluate(k, known));
    return r.includes('pass') ? 'pass' : r.includes('unknown') ? 'unknown' : 'fail';
  }
  if (c.fact === 'unparsed') return 'unknown';
  const meets = known(c);
  return meets === undefined ? 'unknown' : meets ? 'pass' : 'fail';
}

const params = (l: LeafCondition): Record<string, unknown> => (l.params ?? {}) as Record<string, unknown>;

describe('an unread alternative after "or"', () => {
  const relapsedOrNone =
    'Histologically or cytologically confirmed advanced/unresectable or metastatic solid tumor that is relapsed/refractory after standard therapy, or no standard therapy available.';

  it('does not fail a patient whose solid tumour has not relapsed: the other route is unread', () => {
    const rule = ruleOf(relapsedOrNone);
    const metastaticNotRelapsed = (l: LeafCondition): boolean | undefined => {
      if (l.fact === 'cancerType') return (params(l).codes as string[]).includes('SOLID');
      // Metastatic, neither relapsed nor refractory.
      if (l.fact === 'diseaseExtent') return params(l).extent === 'metastatic' || params(l).extent === 'advanced';
      return undefined;
    };
    expect(evaluate(rule, metastaticNotRelapsed)).toBe('unknown');
  });

  it('still fails a patient without a solid tumour: the head of the sentence binds both routes', () => {
    const rule = ruleOf(relapsedOrNone);
    const leukaemia = (l: LeafCondition): boolean | undefined => (l.fact === 'cancerType' ? false : undefined);
    expect(evaluate(rule, leukaemia)).toBe('fail');
  });

  it('shows the alternative from its "or"', () => {
    expect(JSON.stringify(ruleOf(relapsedOrNone))).toContain('"text":"no standard therapy available"');
  });

  it.each([
    ['Age ≥18 years (or legal age of consent in the study jurisdiction).'],
    ['Women and Men, ≥18 years at the time of screening (or per national guidelines)'],
  ])('leaves an age below 18 unknown where a legal age is offered instead: "%s"', (line) => {
    const rule = ruleOf(line);
    const seventeen = (l: LeafCondition): boolean | undefined => (l.fact === 'age' ? false : l.fact === 'sex' ? true : undefined);
    const adult = (l: LeafCondition): boolean | undefined => (l.fact === 'age' || l.fact === 'sex' ? true : undefined);
    expect(evaluate(rule, seventeen)).toBe('unknown');
    expect(evaluate(rule, adult)).toBe('pass');
  });

  it.each([
    // "CT or MRI" joins the words of one modifier.
    ['At least 1 measurable disease lesion by CT or MRI per RECIST v1.1 criteria.', 'measurableDisease'],
    // A comparator's "or" offers no alternative.
    ['Hemoglobin greater than or equal to 10 mg/dL and platelet count \\> 75,000/mm(3)', 'lab'],
    // "on or after" is one preposition.
    ['Participants must have had disease progression while on or after 1 or 2 lines of chemotherapy in the recurrent locally advanced or metastatic setting.', 'priorLines'],
  ])('keeps a requirement required when the "or" is inside a phrase: "%s"', (line, fact) => {
    const rule = ruleOf(line);
    const fails = (l: LeafCondition): boolean | undefined => (l.fact === fact ? false : undefined);
    expect(evaluate(rule, fails)).toBe('fail');
  });
});
