/**
 * Metastatic sites in criteria (src/criteria/extract/metastatic-sites.ts) → metastaticSite, pinned on
 * real corpus lines, with the lines that must not get the reading.
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { siteSubgroup } from '../../src/criteria/extract/metastatic-sites';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';

const conditionOf = (text: string, kind: CriterionKind = 'inclusion'): Condition | null =>
  readCriterion(normalise(text).text, kind, []).condition;
const site = (sites: string[], only = false, value = true): LeafCondition => ({
  fact: 'metastaticSite',
  operator: 'equal',
  value,
  params: only ? { sites, only } : { sites },
});
const unread = (text: string): LeafCondition => ({
  fact: 'unparsed',
  operator: 'equal',
  value: true,
  params: { text },
});
const siteLeaves = (text: string, kind: CriterionKind = 'inclusion'): LeafCondition[] => {
  const c = conditionOf(text, kind);
  return c ? leavesOf(c).filter((l) => l.fact === 'metastaticSite') : [];
};

describe('metastatic sites as the patient’s disease', () => {
  it('reads a required site', () => {
    expect(conditionOf('Radiographic evidence of liver metastases.')).toEqual(site(['liver']));
    expect(conditionOf('Histologically or cytologically confirmed liver metastasis of uveal melanoma.')).toEqual({
      all: [site(['liver']), { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['UM'] } }],
    });
  });

  it('reads "metastatic to the liver" and a list of sites', () => {
    expect(
      siteLeaves(
        'Patient has histologically or cytologically confirmed diagnosis of uveal melanoma metastatic to the liver and is determined to be a candidate for percutaneous hepatic perfusion with melphalan',
      ),
    ).toEqual([site(['liver'])]);
    expect(
      siteLeaves('Alkaline phosphatase =\\< 2.5 x ULN (=\\< 5 x ULN if bone or liver metastases present)'),
    ).toEqual([site(['bone', 'liver'])]);
  });

  it('reads bone-only disease with `only`, and its denial', () => {
    expect(conditionOf('Patients with bone only disease', 'exclusion')).toEqual(site(['bone'], true));
    expect(
      siteLeaves(
        'Patients with at least one measurable lesion, per RECIST version 1.1 at baseline . Bone-only disease is not permitted.',
      ),
    ).toEqual([site(['bone'], true, false)]);
  });

  it('keeps words that narrow the sites with them as unknowns', () => {
    expect(conditionOf('Liver metastasis \\> 30% of the liver volume', 'exclusion')).toEqual({
      all: [site(['liver']), unread('> 30% of the liver volume')],
    });
    expect(conditionOf('They had symptomatic visceral disease that required chemotherapy.')).toEqual({
      all: [site(['visceral']), unread('symptomatic '), unread('that required chemotherapy')],
    });
  });

  it('reads malignant peritoneal disease and carcinomatosis as those sites, and leaves a malignant effusion to the conditions reader', () => {
    expect(conditionOf('Patients with malignant peritoneal disease', 'exclusion')).toEqual(site(['peritoneum']));
    // A malignant effusion is read by the conditions reader (rules/conditions.json pleural_effusion),
    // whose effusion ids also hold the drainage and control qualifiers such criteria add.
    expect(conditionOf('Patients with malignant pleural effusion', 'exclusion')).toEqual({
      fact: 'condition',
      operator: 'equal',
      value: true,
      params: { names: ['pleural_effusion'] },
    });
    expect(siteLeaves('Evidence of peritoneal carcinomatosis', 'exclusion')).toEqual([site(['peritoneum'])]);
  });

  it('leaves an item of an exclusion list closed by "and" to the list (its findings would be joined as all)', () => {
    expect(
      siteLeaves(
        'Malignant pleural effusion, malignant ascites, meningeal carcinomatosis and peritoneal carcinomatosis',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('reads "visceral metastases" as the visceral site, no longer as merely metastatic', () => {
    const c = conditionOf(
      'Visceral metastatic disease that is not clinically and radiographically stable or requires urgent medical intervention.',
      'exclusion',
    );
    expect(leavesOf(c!)).toContainEqual(site(['visceral']));
    expect(leavesOf(c!)).toContainEqual(
      unread('that is not clinically and radiographically stable or requires urgent medical intervention'),
    );
  });
});

describe('site words that are not the patient’s metastatic sites', () => {
  it.each([
    // treatment targets and samples
    [
      'exclusion',
      'NOTE: Palliative radiation therapy for symptoms control including, but not limited to, bone metastatic lesion radiation therapy is allowed, but last dose of radiation therapy should be \\> 14 days from first dose of vaccination on study',
    ],
    [
      'inclusion',
      'Tumor tissue from bone metastases is not evaluable for PD-L1 expression and is therefore not acceptable.',
    ],
    [
      'exclusion',
      'Exception: palliative radiotherapy for bone metastasis \\>2 weeks before preparative lymphodepleting therapy, denosumab, bisphosphonates, androgen-deprivation therapy for prostate cancer and hormonal therapy for breast cancer.',
    ],
    // permissions, conditions and examples
    ['inclusion', 'Subjects with liver metastases or stable chronic liver disease were permitted into the study.'],
    ['inclusion', 'Concomitant resectable pulmonary metastases are allowed'],
    ['exclusion', 'For patients with liver metastases, moderate/severe liver dysfunction (Child Pugh B or C)'],
    [
      'exclusion',
      'confirmation of contraindications for physical exercise by the attending physician (e.g. fracture risk in the case of bone metastases)',
    ],
    ['inclusion', 'Colorectal cancer with peritoneal metastases +/- liver metastases (maximum 3)'],
    // a visceral crisis is an emergency, not a site
    ['exclusion', 'Patients in visceral crisis requiring chemotherapy'],
    // a site listed with the brain is the brain reader's
    [
      'exclusion',
      'Participants with RCC have pre-existing brain or bone metastatic lesions, or residual thrombus in the renal vein or vena cava after nephrectomy.',
    ],
  ] as Array<[CriterionKind, string]>)('%s: %s', (kind, text) => {
    const leaves = siteLeaves(text, kind);
    // Only the peritoneal metastases of the colorectal line are required; the optional liver ones are not.
    expect(leaves.filter((l) => !(l.params!['sites'] as string[]).includes('peritoneum'))).toEqual([]);
  });
});

describe('siteSubgroup (lab subgroups)', () => {
  it('reads a whole subgroup phrase and nothing more', () => {
    expect(siteSubgroup('known liver metastases')).toEqual(site(['liver']));
    expect(siteSubgroup('liver metastases are present')).toEqual(site(['liver']));
    expect(siteSubgroup('documented metastatic disease to the liver')).toEqual(site(['liver']));
    expect(siteSubgroup('hepatic and/or bone metastases')).toEqual(site(['liver', 'bone']));
    expect(siteSubgroup('liver involvement')).toBeNull();
    expect(siteSubgroup('liver metastases or HCC')).toBeNull();
  });
});
