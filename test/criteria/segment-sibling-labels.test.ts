import { leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { segmentCriteria } from '../../src/criteria/segment';
import { studyById } from '../support/studies';

function criteriaText(nctId: string): string {
  const s = studyById(nctId) as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } };
  return s.protocolSection.eligibilityModule.eligibilityCriteria;
}

const cancerCodes = (rule: Condition | undefined): string[] =>
  rule ? leavesOf(rule).flatMap((l) => (l.fact === 'cancerType' ? ((l.params?.codes as string[] | undefined) ?? []) : [])) : [];

// A basket trial's cohort sub-headings ("TCL:", "Melanoma:") each over their own numbered items, then a
// label for every cohort over unbulleted paragraphs (NCT04752826).
const BASKET = `Phase 2a Expansion Cohort-Specific Inclusion Criteria:

Ovarian Cancer:

Histologically confirmed and documented recurrent ovarian, fallopian tube, and peritoneal cancer.

Melanoma:

1. Histologically confirmed diagnosis of unresectable or metastatic melanoma.
2. Subjects with prior lines of treatment are not eligible.

All Tumor Types:

Locally advanced unresectable, recurrent or metastatic immune checkpoint inhibitor-naïve solid tumors, likely to benefit from immune checkpoint inhibitor treatment, based on Investigator opinion.

c. Subjects with known activation mutations must have prior target therapy.

Exclusion Criteria:

1. Has known active central nervous system (CNS) metastases and/or carcinomatous meningitis.`;

describe("a label at a sub-heading's margin is its sibling, not its child", () => {
  it('ends the melanoma cohort at "All Tumor Types:" and gives back the subgroup the cohorts stand under', () => {
    const segs = segmentCriteria(BASKET);
    const melanoma = segs.find((s) => s.normText.startsWith('Subjects with prior lines of treatment'));
    expect(melanoma?.context).toEqual(['Melanoma']);
    for (const start of ['Locally advanced unresectable', 'Subjects with known activation mutations']) {
      const all = segs.find((s) => s.normText.startsWith(start));
      expect(all?.context).not.toContain('Melanoma');
      expect(all?.context?.[0]).toBe('Phase 2a Expansion Cohort-Specific');
    }
  });

  it("no longer exempts the other cohorts' patients from the criteria for every tumour type (NCT04752826)", () => {
    const parsed = parseCriteria(criteriaText('NCT04752826'));
    const activation = parsed.find((c) => c.text.startsWith('Subjects with known activation mutations'));
    expect(activation).toBeDefined();
    // Read under "Melanoma", the criterion was gated "any(ovarian cancer, …)": an ovarian cancer patient passed it unread.
    expect(cancerCodes(activation?.rule)).not.toContain('OVARY');
    // The melanoma cohort's own criteria stay bound to it.
    const priorLines = parsed.find((c) => c.text.startsWith('Subjects with prior lines of treatment are not eligible'));
    expect(cancerCodes(priorLines?.rule)).toContain('OVARY');
  });

  it('keeps a label that is not a sibling (a plain topic label) under the sub-heading', () => {
    const segs = segmentCriteria(`Inclusion Criteria:

Melanoma:

1. Histologically confirmed diagnosis of unresectable or metastatic melanoma.

Prior therapy:

Subjects with prior lines of treatment are not eligible.`);
    expect(segs.find((s) => s.normText.startsWith('Subjects with prior lines'))?.context).toContain('Melanoma');
  });
});
