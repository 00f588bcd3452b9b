/**
 * Exceptions that follow an umbrella under their own lead ("Exceptions:", "The following exceptions
 * apply:") spare what they name; an "autoimmune" kind of a condition is narrower than the condition.
 * Real corpus lines.
 */
import { cond, readCondition, unparsed } from '../support/criteria';
import { leavesOf } from '../../src/criteria/facts';

const names = (c: ReturnType<typeof readCondition>): string[][] =>
  c ? leavesOf(c).filter((l) => l.fact === 'condition').map((l) => (l.params as { names: string[] }).names) : [];

describe('exception leads after an umbrella', () => {
  it('spares the conditions after "The following exceptions apply:" even after "etc."', () => {
    const rule = readCondition(
      "History or current presence of autoimmune diseases, including but not limited to Crohn's disease, ulcerative colitis, systemic lupus erythematosus, sarcoidosis, Wegener's syndrome (granulomatosis with polyangiitis, Graves' disease, rheumatoid arthritis, hypophysitis, uveitis), autoimmune hepatitis, systemic sclerosis (scleroderma, etc.), Hashimoto's thyroiditis (exceptions are noted below), autoimmune vasculitis, autoimmune neuropathy (Guillain-Barre syndrome), etc. The following exceptions apply: Type I diabetes, thyroid dysfunction requiring only hormone replacement therapy (including thyroid dysfunction caused by autoimmune thyroid disease), psoriasis or vitiligo not requiring systemic treatment;",
      'exclusion',
    );
    const leaves = leavesOf(rule!);
    const umbrella = leaves.find((l) => l.fact === 'condition' && (l.params as { names: string[] }).names.includes('autoimmune_disease'));
    expect((umbrella!.params as { except: string[] }).except).toEqual(expect.arrayContaining(['type_1_diabetes', 'psoriasis', 'vitiligo']));
    // Type 1 diabetes was read as one more condition that excludes.
    expect(names(rule)).not.toContainEqual(['type_1_diabetes']);
    // "autoimmune neuropathy" excluded every peripheral neuropathy.
    expect(names(rule).flat()).not.toContain('peripheral_neuropathy');
    // Hashimoto's thyroiditis has exceptions stated below: unknown, not excluding.
    expect(rule).toEqual(expect.objectContaining({ any: expect.arrayContaining([{ all: [cond({ names: ['hashimoto_thyroiditis'] }), unparsed('exceptions are noted below')] }]) }));
  });

  it('reads "Exceptions:" and "exceptions apply:" as the lead of the list after them', () => {
    for (const text of ['Autoimmune disease. Exceptions: type 1 diabetes, vitiligo.', 'History of autoimmune disease. The following exceptions apply: Type I diabetes, vitiligo.'])
      expect(readCondition(text, 'exclusion')).toEqual(cond({ names: ['autoimmune_disease'], except: ['type_1_diabetes', 'vitiligo'] }));
  });
});

describe('"autoimmune" before a condition', () => {
  it('leaves "autoimmune motor neuropathy" unread rather than any neuropathy', () => {
    const rule = readCondition(
      "Contraindication to the initiation of immunotherapy: HIV and/or HCV and/or HBV positive, active autoimmune disease (chronic inflammatory bowel disease such as ulcerative colitis, Crohn's disease, vasculitis, etc.), patients with autoimmune motor neuropathy (such as Guillain Barré syndrome).",
      'exclusion',
    );
    expect(names(rule).flat()).not.toContain('peripheral_neuropathy');
    expect(names(rule)).toContainEqual(['autoimmune_disease']);
  });

  it('does not read "autoimmune myocarditis" as any myocarditis', () => {
    const rule = readCondition('Has a history of grade 3-4 autoimmune myocarditis or a history of Guillain Barre Syndrome.', 'exclusion');
    expect(names(rule)).toEqual([['guillain_barre_syndrome']]);
  });
});
