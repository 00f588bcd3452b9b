/**
 * HER2 results written as the definition of a status. Three readings used to invert or contradict
 * the text: "negative for HER2 …, defined as IHC 0" negated the IHC score it defines; "IHC 0/1+"
 * joined two scores one tumour cannot both have; and "HER2-negative, defined as IHC 0" widened
 * HER2-zero to all of HER2-negative, letting in HER2-low tumours.
 */
import { parseCriteria } from '../../src/criteria/parse';

const rule = (line: string) => parseCriteria(`Inclusion Criteria:\n\n* ${line}\n`)[0]!.rule;
const ihc = (value: number) => ({ fact: 'biomarkerValue', operator: 'equal', value, params: { name: 'ERBB2', scale: 'IHC' } });
const ishNegative = { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'ERBB2', alteration: 'amplification', status: 'detected', method: 'ISH' } };

describe('HER2 definitions', () => {
  it('reads "Negative for HER2 expression, defined as IHC 0" as IHC 0, not "IHC not 0" (NCT06330064 i46)', () => {
    expect(JSON.stringify(rule('Negative for HER2 expression, defined as IHC 0 (ISH- or untested) according to ASCO-CAP 2018 HER2 testing guidelines'))).toContain(
      JSON.stringify(ihc(0)),
    );
  });

  it('reads "IHC 0/1+ or IHC 2+/ISH negative" as three alternatives, the slash between two scores an "or" (NCT06172478 i32)', () => {
    expect(rule('Gastric adenocarcinoma confirmed as negative for HER2 expression (IHC 0/1+ or IHC 2+/in situ hybridization negative)')).toEqual({
      all: [
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['STAD'] } },
        { any: [ihc(0), ihc(1), { all: [ihc(2), ishNegative] }] },
      ],
    });
  });

  it('keeps "HER2-negative, defined as IHC 0" to IHC 0, and a full definition to the status', () => {
    expect(rule('HER2-negative, defined as IHC 0')).toEqual({ all: [ihc(0)] });
    expect(rule('HER2 negative defined as IHC 0, 1+ or 2+ with negative ISH')).toEqual({
      all: [{ fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'ERBB2', status: 'negative' } }],
    });
  });
});
