/**
 * The tumour itself: measurable lesions stated by the RECIST 1.1 size rule or in plain words, the heart
 * as a metastatic site, and non-cutaneous melanoma as one cancer-type group. Verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings, with the ones that must stay unread.
 */
import type { PatientRecord } from '../../src/patients/record';
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { cancerType, criterionRule, judgeRecord, readRule, unparsed } from '../support/criteria';

const measurable: Condition = { fact: 'measurableDisease', operator: 'equal', value: true };
const site = (...sites: string[]): Condition => ({ fact: 'metastaticSite', operator: 'equal', value: true, params: { sites } });
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('measurable disease by the RECIST size rule', () => {
  it('reads "at least 1 lesion of ≥ 10 mm … or ≥ 15 mm in the short axis for a lymph node" as measurable disease (NCT07634380)', () => {
    const text =
      'At least 1 lesion of ≥10mm in the longest diameter for a non-lymph node or ≥15mm in the short-axis diameter for a lymph node that is serially measurable according to RECIST v1.1 using computerized tomography/magnetic resonance imaging (CT/MRI)';
    expect(readRule(text, 'inclusion')).toEqual({ condition: measurable, unread: '' });
    expect(judge(criterionRule(text, 'inclusion'), { cancers: [{ type: 'melanoma', measurableDisease: true }] })).toBe(true);
    expect(judge(criterionRule(text, 'inclusion'), { cancers: [{ type: 'melanoma', measurableDisease: false }] })).toBe(false);
  });

  it('covers the restated size rule beside a measurable finding (NCT06194448, NCT04572451, NCT06760702)', () => {
    for (const text of [
      'At least one lesion that can be accurately measured at baseline as ≥ 10 mm in the longest diameter (except lymph nodes, which must have short axis ≥ 15 mm) with CT or MRI and is suitable for accurate repeated measurements.',
      'Patients must have measurable disease, defined as at least one lesion that can be accurately measured in at least one dimension (longest diameter to be recorded for non- nodal lesions and short axis for nodal lesions) as ≥10 mm (≥1 cm) with CT scan, MRI, or calipers by clinical exam',
    ])
      expect(readRule(text, 'inclusion')).toEqual({ condition: measurable, unread: '' });
    const text =
      'Evidence of measurable disease per RECIST, v1.1 for solid tumors. Measurable disease for solid tumors is defined as at least one lesion that can be accurately measured in at least 1 dimension with a minimum size of 10 mm for non-nodal lesions or 15 mm in short axis for nodal lesions.';
    expect(readRule(text, 'inclusion')).toEqual({ condition: measurable, unread: 'v1.1 for solid … solid' });
    expect(criterionRule(text, 'inclusion')).toEqual({ all: [measurable, unparsed('v1.1 for solid … solid')] });
  });

  it('keeps what the lesion must also be: "not previously irradiated" stays an unknown unless the patient never had radiotherapy (NCT06350097)', () => {
    const text =
      'At least one lesion not previously irradiated that qualifies as a RECIST 1.1 TL at baseline and can be accurately measured at baseline as ≥10 mm in the longest diameter (except lymph nodes, which must have short axis ≥15 mm) with CT or MRI and is suitable for accurate repeated measurements.';
    const notIrradiated: Condition = {
      any: [{ fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['radiation'] } }, unparsed('not previously irradiated')],
    };
    expect(readRule(text, 'inclusion')).toEqual({ condition: { all: [measurable, notIrradiated] }, unread: '' });
    expect(criterionRule(text, 'inclusion')).toEqual({ all: [measurable, notIrradiated] });
  });

  it('never covers other thresholds: the lymphoma (IWG) sizes and a stricter 20 mm stay unread (NCT02332668, NCT05779423)', () => {
    const iwg =
      'Measurable disease based on RECIST 1.1 (Or based on IWG \\[Cheson, 2007\\] \\[i.e., measurement must be \\>15 mm in longest diameter or \\>10 mm in short axis\\] for rrcHL participants)';
    expect(readRule(iwg, 'inclusion').unread).toContain('>15 mm in longest diameter or >10 mm in short axis');
    const stricter =
      'Patients must have measurable disease (by RECIST) independent of the lesion to be ablated. Measurable disease is defined as at least one lesion that can be accurately measured in at least one dimension (longest diameter to be recorded for non-nodal lesions and short axis for nodal lesions) as ≥20 mm with conventional techniques';
    // The "defined as" sentence is the existing definition reader's; the size rule adds nothing wrong.
    expect(leavesOf(readRule(stricter, 'inclusion').condition!).filter((l) => l.fact !== 'unparsed')).toEqual([measurable]);
  });

  it('reads "at least one tumor that can be measured" with its site limit unread (NCT06646276)', () => {
    const text =
      'Participants must have at least one tumor that can be measured using special imaging techniques like a CT scan or MRI at a site other than the brain and nervous system';
    const { condition, unread } = readRule(text, 'inclusion');
    expect(condition).toEqual(measurable);
    expect(unread).toContain('site … brain and nervous system');
    // Necessary, not sufficient: a patient with measurable disease is unknown, one without fails.
    const rule = criterionRule(text, 'inclusion');
    expect(judge(rule, { cancers: [{ type: 'melanoma', measurableDisease: true }] })).toBeNull();
    expect(judge(rule, { cancers: [{ type: 'melanoma', measurableDisease: false }] })).toBe(false);
  });

  it('reads "measurable … by CT or MRI per RECIST 1.1" whole (NCT05229614, NCT07221734)', () => {
    for (const text of [
      'Subjects must have measurable disease by CT or MRI per RECIST 1.1',
      'At least 1 measurable disease lesion by CT or MRI per RECIST v1.1 criteria.',
    ])
      expect(readRule(text, 'inclusion')).toEqual({ condition: measurable, unread: '' });
  });

  it('does not read a tumour size as measurability ("can be measured as > 5 cm")', () => {
    expect(readRule('Tumors that can be measured as > 5 cm', 'exclusion').condition).toBeNull();
  });
});

describe('the heart as a metastatic site', () => {
  // An exclusion's rule is what excludes: true means the patient is excluded.
  it('reads "Known cardiac metastases" (NCT06545682)', () => {
    expect(readRule('Known cardiac metastases.', 'exclusion')).toEqual({ condition: site('heart'), unread: '' });
    const rule = criterionRule('Known cardiac metastases.', 'exclusion');
    expect(judge(rule, { cancers: [{ type: 'melanoma', metastatic: true, metastaticSites: ['pericardium'] }] })).toBe(true);
    expect(judge(rule, { cancers: [{ type: 'melanoma', metastatic: true, metastaticSites: ['liver'] }] })).toBe(false);
    expect(judge(rule, { cancers: [{ type: 'melanoma', metastatic: false }] })).toBe(false);
  });

  it('counts cardiac metastases as visceral', () => {
    const rule = criterionRule('Visceral metastases', 'inclusion');
    expect(judge(rule, { cancers: [{ type: 'breast cancer', metastatic: true, metastaticSites: ['heart'] }] })).toBe(true);
    expect(judge(rule, { cancers: [{ type: 'breast cancer', metastatic: true, metastaticSites: ['bone'] }] })).toBe(false);
  });

  it('leaves heart disease alone ("Cardiac disease or pericardial effusion")', () => {
    const leaves = leavesOf(readRule('Cardiac disease or pericardial effusion', 'exclusion').condition!);
    expect(leaves.some((l) => l.fact === 'metastaticSite')).toBe(false);
  });
});

describe('non-cutaneous melanoma', () => {
  it('reads the list item "non-cutaneous melanomas," as the group (NCT05673681)', () => {
    expect(readRule('non-cutaneous melanomas,', 'exclusion')).toEqual({ condition: cancerType('NONCUTANEOUS_MELANOMA'), unread: '' });
    // The exclusion's rule: true excludes.
    const rule = criterionRule('non-cutaneous melanomas,', 'exclusion');
    expect(judge(rule, { cancers: [{ type: 'uveal melanoma' }] })).toBe(true);
    expect(judge(rule, { cancers: [{ type: 'mucosal melanoma of the vulva' }] })).toBe(true);
    expect(judge(rule, { cancers: [{ type: 'cutaneous melanoma' }] })).toBe(false);
  });

  it('reads "Non-cutaneous melanoma (uveal, mucosal)" as the group (NCT07530887)', () => {
    const { condition } = readRule('Non-cutaneous melanoma (uveal, mucosal)', 'exclusion');
    expect(leavesOf(condition!)).toContainEqual(cancerType('NONCUTANEOUS_MELANOMA'));
    expect(leavesOf(condition!)).not.toContainEqual(cancerType('MELANOMA'));
  });
});
