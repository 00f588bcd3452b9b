/**
 * Criteria about the cancer itself that were left unread: histology components named with
 * "histology components", a list of melanoma subtypes closed by "or other non-cutaneous melanoma",
 * gene-less actionable drivers looked for "in any" oncogene or limited to first-line therapies, and
 * cancer names missing from the lexicon. Verbatim corpus lines (NCT ids in the test names).
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { cancerType, criterionRule, extent, judgeRecord, readRule, unparsed } from '../support/criteria';

const ACTIONABLE: LeafCondition = { fact: 'actionableAlteration', operator: 'equal', value: true };
const leaves = (c: Condition | null): LeafCondition[] => (c ? leavesOf(c) : []);
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('histology components', () => {
  it('reads "small cell and neuroendocrine histology components" as both types (NCT06627647, NCT06692738)', () => {
    const { condition, unread } = readRule('Presence of small cell and neuroendocrine histology components.', 'exclusion');
    expect(condition).toEqual(cancerType('NET', 'SMALL_CELL'));
    expect(unread).toBe('');
  });
});

describe('a melanoma subtype list closed by "or other non-cutaneous melanoma"', () => {
  const text = 'Patients with metastatic ocular/mucosal or other non-cutaneous melanoma. Unknown primary melanoma is eligible.';

  it('excludes metastatic non-cutaneous melanoma (NCT06204991, NCT06783270)', () => {
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({ all: [extent('metastatic'), cancerType('NONCUTANEOUS_MELANOMA')] });
    const rule = criterionRule(text, 'exclusion');
    // Metastatic uveal melanoma is excluded; metastatic skin melanoma is not.
    expect(judge(rule, { cancers: [{ type: 'uveal melanoma', metastatic: true }] })).toBe(true);
    expect(judge(rule, { cancers: [{ type: 'cutaneous melanoma', metastatic: true }] })).not.toBe(true);
  });

  it('still reads such a list as the object of a treatment, not the patient\'s cancer', () => {
    const { condition } = readRule('Prior treatment for uveal or other non-cutaneous melanoma', 'exclusion');
    expect(leaves(condition).some((l) => l.fact === 'cancerType')).toBe(false);
  });
});

describe('gene-less actionable drivers', () => {
  it('reads "absence of … results … in any actionable driver oncogenes" as none, the first-line limit kept (NCT06692738)', () => {
    const text =
      'Absence of documented tumor genomic mutation results from tests conducted as part of standard local practice in any actionable driver oncogenes for which there are locally approved targeted 1L therapies.';
    const { condition } = readRule(text, 'inclusion');
    expect(condition).toEqual({
      any: [{ ...ACTIONABLE, value: false }, unparsed('for which there are locally approved targeted 1L therapies', false)],
    });
    const rule = criterionRule(text, 'inclusion');
    // A driver with a targeted therapy is not failed: it may have none in first line.
    expect(judge(rule, { biomarkers: [{ name: 'KRAS', alteration: 'G12C', status: 'detected' }] })).toBeNull();
  });

  it('reads "any other actionable driver oncogenes" after the excluded genes the same way (NCT05984277)', () => {
    const text =
      'Absence of documented tumor genomic alteration results from tests conducted as part of standard local practice in any other actionable driver oncogenes for which there are locally approved targeted first-line therapies.';
    expect(leaves(readRule(text, 'inclusion').condition)).toContainEqual({ ...ACTIONABLE, value: false });
  });

  it('reads an exclusion item opening on "Any other known … driver mutations" (NCT06472076)', () => {
    const text =
      'Any other known genomic aberrations or oncogenic driver mutations for which a locally approved targeted therapy is available for first line treatment of locally advanced or metastatic NSCLC.';
    const { condition } = readRule(text, 'exclusion', ['Has NSCLC with a tumor that harbors any of the following molecular alterations:']);
    expect(condition).toEqual({
      all: [ACTIONABLE, unparsed('for which a locally approved targeted therapy is available for first line treatment')],
    });
  });

  it('still reads "any … status" as whatever the result', () => {
    expect(leaves(readRule('Any actionable driver mutation status is allowed.', 'inclusion').condition)).toEqual([]);
    expect(leaves(readRule('Any actionable driver mutation', 'inclusion').condition)).toEqual([]);
  });
});

describe('cancer names added to the lexicon', () => {
  it.each([
    ['Esthesioneuroblastoma', ['ONBL']],
    ['Desmoid fibromatosis', ['DES']],
    ['Solitary plasmacytoma', ['SPB', 'EP']],
    ['Glioblastoma, IDH-wildtype', ['GB']],
  ])('reads %s', (text, codes) => {
    const types = leaves(readRule(text, 'inclusion').condition).filter((l) => l.fact === 'cancerType');
    expect(types).toHaveLength(1);
    expect([...(types[0]!.params!['codes'] as string[])].sort()).toEqual([...codes].sort());
  });

  it('reads astrocytoma as every astrocytoma node, not only the IDH-mutant one', () => {
    const types = leaves(readRule('Astrocytoma', 'inclusion').condition).filter((l) => l.fact === 'cancerType');
    expect(types[0]!.params!['codes']).toEqual(expect.arrayContaining(['ASTR', 'PAST', 'PXA']));
  });

  it('adds solitary plasmacytoma to an excluded list of plasma cell disorders (NCT05827016)', () => {
    const { condition } = readRule('Smoldering myeloma, solitary plasmacytoma or nonsecretory myeloma.', 'exclusion');
    expect(leaves(condition)).toContainEqual(cancerType('SPB', 'EP'));
  });
});
