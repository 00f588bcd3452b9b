/**
 * A slash between two receptors of one tumour profile ("ER+/HER2-", "HR-low/HER2-negative") binds
 * tighter than an "or" next to it: "ER+/HER2- or triple-negative" is (ER+ and HER2-) or TNBC. Read
 * the other way, all(ER+, any(HER2-, TNBC)), it fails every triple-negative patient. Hormone
 * receptors joined by "or" just before the slash still form one status ("ER+ and/or PR+/HER2-" is
 * (ER+ or PR+) and HER2-), and a receptor slashed to a status the facts cannot state
 * ("HR+/HER2-ultralow") is not an alternative of its own. Corpus lines verbatim where they exist.
 */
import type { Condition } from '../../src/criteria/facts';
import { cancerType, readRule, unparsed } from '../support/criteria';

const marker = (gene: string, status: string): Condition =>
  ({ fact: 'biomarker', operator: 'equal', value: true, params: { gene, status } }) as Condition;
const tnbc: Condition = { all: [marker('ER', 'negative'), marker('PR', 'negative'), marker('ERBB2', 'negative')] };

describe('slash-joined receptor profiles beside "or"', () => {
  it('reads "ER+/HER2- or triple-negative" as (ER+ and HER2-) or TNBC', () => {
    const r = readRule('ER+/HER2- or triple-negative breast cancer', 'inclusion');
    expect(r.condition).toEqual({
      all: [{ any: [{ all: [marker('ER', 'positive'), marker('ERBB2', 'negative')] }, tnbc] }, cancerType('BREAST')],
    });
  });

  it('reads the profile after the "or" the same way ("TNBC or hormone receptor-low/HER2-negative")', () => {
    const r = readRule(
      'Histologically confirmed Stage II or III unilateral or bilateral primary invasive TNBC or hormone receptor-low/HER2-negative breast cancer',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ any: [tnbc, { all: [marker('HR', 'low'), marker('ERBB2', 'negative')] }] }),
    );
    // Not the old grouping, which put HER2- outside the "or".
    expect(JSON.stringify(r.condition)).not.toContain(
      JSON.stringify({ all: [{ any: [tnbc, marker('HR', 'low')] }, marker('ERBB2', 'negative')] }),
    );
  });

  it('keeps "ER+ and/or PR+" one hormone-receptor status before the slash', () => {
    const r = readRule('ER+ and/or PR+/HER2- breast cancer', 'inclusion');
    expect(r.condition).toEqual({
      all: [{ any: [marker('ER', 'positive'), marker('PR', 'positive')] }, marker('ERBB2', 'negative'), cancerType('BREAST')],
    });
  });

  it('reads a lone profile as all of its receptors', () => {
    const r = readRule('A diagnosis of HR+/HER2- locally advanced or metastatic breast cancer', 'inclusion');
    const c = r.condition as { all: Condition[] };
    expect(c.all.slice(0, 2)).toEqual([marker('HR', 'positive'), marker('ERBB2', 'negative')]);
  });

  it('drops the receptor slashed to HER2-ultralow instead of making it an alternative', () => {
    const r = readRule('HR+/HER2-low or HR+/HER2-ultralow or HR+/HER2-negative breast cancer', 'inclusion');
    const hr = marker('HR', 'positive');
    expect(r.condition).toEqual({
      all: [
        {
          any: [
            { any: [{ all: [hr, marker('ERBB2', 'low')] }, { all: [hr, marker('ERBB2', 'negative')] }] },
            unparsed('HR+/HER2-low or HR+/HER2-ultralow or HR+/HER2-negative'),
          ],
        },
        cancerType('BREAST'),
      ],
    });
  });
});
