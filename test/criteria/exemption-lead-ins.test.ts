/**
 * An exclusion whose last sentence lets a list in ("Patients with the following are permitted to
 * enrol:", "Subjects with the following will be eligible:", "The following are exceptions to this
 * criterion:", "… with exceptions of:") is one criterion with the list (segment.ts EXEMPTIONS_FOLLOW):
 * dropped as a lead-in, the exclusion was lost and each exempted item ("Vitiligo", "Type I
 * diabetes mellitus") excluded the very patients the trial lets in. The list is an exception scope
 * (negation.ts): no reader's finding in it is an exclusion of its own, and while it is unread the
 * exclusion is only necessary, all(what was read, the exceptions) (parse.ts `excepted`).
 * Real corpus criteria.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';

const exclusions = (body: string): ParsedCriterion[] => parseCriteria(`Exclusion Criteria:\n\n${body}`).filter((c) => c.kind === 'exclusion');
const conditionNames = (rule: Condition): string[] =>
  leavesOf(rule).flatMap((l) => (l.fact === 'condition' ? ((l.params as { names?: string[] }).names ?? []) : []));

describe('an exclusion that lets a list in', () => {
  // NCT06783270
  const eligible =
    '* Active autoimmune or immune-mediated disease that has not yet resolved. Subjects with the following will be eligible:\n\n' +
    '    * Immune-mediated AEs secondary to immunotherapy which have resolved to ≤ Grade 1 without steroids;\n' +
    '    * Hypothyroidism, Type I diabetes, adrenal insufficiency, or pituitary insufficiency that are stable on replacement therapy;\n' +
    '    * Disorders such as asthma, vitiligo, psoriasis, or atopic dermatitis that are well-controlled without requiring systemic immunosuppression;\n';

  it('is one criterion with its list, not a lost lead-in and exclusions of the exempted (NCT06783270)', () => {
    const found = exclusions(eligible);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toContain('Hypothyroidism, Type I diabetes');
  });

  it('reads the exclusion as necessary beside its unread exceptions, and none of them as excluded (NCT06783270)', () => {
    const [c] = exclusions(eligible);
    expect('all' in c!.rule).toBe(true);
    expect(conditionNames(c!.rule)).toEqual(['autoimmune_disease']);
  });

  it.each([
    [
      'NCT03340129',
      '* Patients with active, known or suspected autoimmune disease. Patients with the following are permitted to enrol:\n\n   1. Vitiligo\n   2. Type I diabetes mellitus\n   3. Residual hypothyroidism due to an autoimmune condition only requiring hormone replacement\n',
    ],
    [
      'NCT03518606',
      '* Current or prior use of immunosuppressive medication within 14 days before the first dose of durvalumab or tremelimumab. The following are exceptions to this criterion:\n\n    * Intranasal, inhaled, topical steroids, or local steroid injections (e.g., intra articular injection)\n    * Systemic corticosteroids at physiologic doses ≤10 mg/day of prednisone or its equivalent\n',
    ],
    [
      'NCT05592626',
      '* Participants with a history of known autoimmune disease with exceptions of:\n\n   * Vitiligo;\n   * Alopecia;\n',
    ],
  ])('keeps %s\'s exclusion with its exceptions as one criterion', (_id, body) => {
    const found = exclusions(body);
    expect(found).toHaveLength(1);
    // Read or not, it never excludes on an exempted item alone: no top-level alternative is one.
    const rule = found[0]!.rule;
    const alternatives = 'any' in rule ? rule.any : [];
    expect(alternatives.some((x) => /Vitiligo|Intranasal/.test(JSON.stringify(x)))).toBe(false);
  });

  it('keeps the short sibling items after an exclusion ending "NOTE: The following exceptions are permitted:" with it, up to the next criterion (NCT06246149)', () => {
    const found = exclusions(
      "* Participants with active autoimmune disease requiring immunosuppressive treatment, including inflammatory bowel disease (ulcerative colitis or Crohn's disease), within 2 years of screening. NOTE: The following exceptions are permitted:\n* Vitiligo\n* Alopecia\n* Managed hypothyroidism (on stable replacement doses)\n* Asymptomatic adrenal insufficiency (on stable replacement doses)\n* Psoriasis\n* Resolved childhood asthma/atopy\n* Well-controlled asthma\n* Type I diabetes mellitus\n* Any psychological, familial, sociological or geographical condition potentially hampering compliance with the study protocol and follow-up schedule; those conditions should be assessed and discussed with the patient before the enrollment\n",
    );
    expect(found).toHaveLength(2);
    expect(found[0]!.text).toContain('Type I diabetes mellitus');
    expect(found[1]!.text).toMatch(/^Any psychological/);
    // Vitiligo and psoriasis excluded on their own before; they are what the criterion lets in.
    const alternatives = 'any' in found[0]!.rule ? found[0]!.rule.any : [];
    expect(alternatives.some((x) => /vitiligo|psoriasis/i.test(JSON.stringify(x)))).toBe(false);
    expect(conditionNames(found[0]!.rule)).not.toContain('psoriasis');
  });

  it('leaves an inclusion lead-in that names who is eligible to the ordinary reading (a constructed guard: its items are the requirements)', () => {
    const inclusions = parseCriteria(
      'Inclusion Criteria:\n\n* Patients with the following will be eligible:\n\n  * Histologically confirmed melanoma\n  * ECOG performance status 0-1\n',
    );
    expect(inclusions.map((c) => c.text.trim())).toEqual(['Histologically confirmed melanoma', 'ECOG performance status 0-1']);
  });
});
