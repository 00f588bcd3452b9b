/**
 * Asides in brackets and candidacy wording, each of which used to turn a requirement into its
 * opposite or into a requirement nobody wrote:
 * - a negating predicate inside a parenthesis reaches back only to its opening (negation.ts);
 * - a count of lines takes no treatment kind from a parenthesis after it (therapy.ts);
 * - "eligible for" a procedure is candidacy, not a history of it (history-conditions.ts CANDIDACY_LEAD).
 */
import { parseCriteria } from '../../src/criteria/parse';

const first = (kind: 'Inclusion' | 'Exclusion', line: string) => parseCriteria(`${kind} Criteria:\n\n* ${line}\n`)[0]!;

describe('asides and candidacy', () => {
  it('reads "NYHA II or better (NYHA III/IV are not eligible)" as no class III or IV, never as no class II (NCT06500455 i12)', () => {
    const c = first('Inclusion', 'New York Heart Association Functional Classification II or better (NYHA Functional Classification III/IV are not eligible)');
    expect(c.rule).toEqual({
      all: [
        { fact: 'condition', operator: 'equal', value: false, params: { names: ['heart_failure_nyha_3', 'heart_failure_nyha_4'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'New York Heart Association Functional Classification II or better' } },
      ],
    });
  });

  it('counts "1 line (allo-SCT-eligible status not allowed)" as lines of any treatment, not of transplant', () => {
    const c = first('Inclusion', 'Patients may have received a maximum of 1 line of therapy (allo-SCT-eligible status not allowed)');
    expect(JSON.stringify(c.rule)).toContain('{"fact":"priorLines","operator":"lessThanInclusive","value":1}');
    expect(JSON.stringify(c.rule)).not.toContain('"kinds":["transplant"]');
  });

  it('does not read "eligible for allogeneic stem cell transplant" as a transplant the patient had', () => {
    const c = first('Exclusion', 'Patients eligible for allogeneic stem cell transplant');
    expect(JSON.stringify(c.rule)).not.toContain('allogeneic_stem_cell_transplant');
    expect(c.status).toBe('unparsed');
    expect(JSON.stringify(first('Exclusion', 'Prior allogeneic stem cell transplant').rule)).toContain('allogeneic_stem_cell_transplant');
  });
});

describe('modifiers joined by "or" before a cancer', () => {
  it('keeps the cancer required after "metastatic mucosal or acral-type melanoma" (NCT06797297 i1)', () => {
    const c = first('Inclusion', 'Histologically confirmed unresectable, locally advanced or metastatic mucosal or acral-type melanoma, AJCC stage III-IV.');
    expect(c.rule).toEqual({
      all: [
        {
          any: [
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } },
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'locally_advanced' } },
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
          ],
        },
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MELANOMA'] } },
        { fact: 'stage', operator: 'equal', value: true, params: { groups: ['III', 'IV'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'mucosal or acral' } },
      ],
    });
  });

  it('leaves "stage III disease or pathological node positive" two alternatives (NCT04472845 i9)', () => {
    const c = first('Inclusion', 'Clinical stage III disease or pathological node positive if they have received neo-adjuvant chemotherapy.');
    expect(JSON.stringify(c.rule)).toContain('{"any":[{"fact":"stage"');
  });
});

describe('"either" opens the alternatives after it', () => {
  it('keeps what comes before it required: "Age >= 18 years and either ECOG 0-1 or Karnofsky >= 70"', () => {
    expect(first('Inclusion', 'Age >= 18 years and either ECOG 0-1 or Karnofsky >= 70').rule).toEqual({
      all: [
        { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
        { any: [{ fact: 'ecog', operator: 'lessThanInclusive', value: 1 }, { fact: 'karnofsky', operator: 'greaterThanInclusive', value: 70 }] },
      ],
    });
  });

  it('keeps the breast cancer required before "who has either: (1) … or (2) …" (NCT04092816 i1)', () => {
    const c = first(
      'Inclusion',
      'Be a woman with metastatic (stage IV) breast cancer who has either: (1) estrogen (ER), progesterone (PR), or HER2 receptor-negative cancer and disease progression beyond first line of therapy, or (2) ER, PR, or HER2 -positive cancer and disease progression beyond two lines of therapy;',
    );
    const rule = c.rule as { all: unknown[] };
    expect(rule.all).toContainEqual({ fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['BREAST'] } });
  });

  it('reads "locally advanced disease not amenable to curative treatment or metastatic disease" as (LA and unresectable) or metastatic (NCT06380751 i3)', () => {
    expect(first('Inclusion', 'locally advanced disease not amenable to curative treatment or metastatic disease').rule).toEqual({
      any: [
        {
          all: [
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'locally_advanced' } },
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } },
          ],
        },
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
      ],
    });
  });
});
