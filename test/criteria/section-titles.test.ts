import { leavesOf, type Condition } from '../../src/criteria/facts';
import { parseCriteria, type ParsedCriterion } from '../../src/criteria/parse';
import { segmentCriteria } from '../../src/criteria/segment';
import { studyById } from '../support/studies';

function criteriaText(nctId: string): string {
  const s = studyById(nctId) as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } };
  return s.protocolSection.eligibilityModule.eligibilityCriteria;
}

const leaves = (rule: Condition | undefined): Array<{ fact: string; params?: Record<string, unknown>; value?: unknown }> =>
  rule ? (leavesOf(rule) as Array<{ fact: string; params?: Record<string, unknown>; value?: unknown }>) : [];

const subgroupLeaf = (c: ParsedCriterion | undefined): string | undefined =>
  leaves(c?.rule).find((l) => l.fact === 'unparsed' && l.params?.subgroup === true)?.params?.text as string | undefined;

describe('section titles and subgroup labels head their lists', () => {
  it("reads a template's section titles as headings, not criteria (NCT06814496, Amgen-style titles)", () => {
    const segs = segmentCriteria(criteriaText('NCT06814496'));
    for (const title of ['Disease Related', 'Other Medical Conditions', 'Prior/Concomitant Therapy', 'Other Exclusions']) {
      expect(segs.some((s) => s.normText === title)).toBe(false);
    }
    const tarlatamab = segs.find((s) => s.normText.startsWith('Subject received prior therapy with tarlatamab'));
    expect(tarlatamab?.kind).toBe('exclusion');
    expect(tarlatamab?.context).toContain('Prior/Concomitant Therapy');
  });

  it('reads a bulleted title over numbered items as their heading (NCT04572451, BMS-style titles)', () => {
    const segs = segmentCriteria(criteriaText('NCT04572451'));
    for (const title of ['SAFETY COHORT', 'EFFICACY COHORT', 'Medical History and Concurrent Diseases']) {
      expect(segs.some((s) => s.normText === title)).toBe(false);
    }
    const investigational = segs.find((s) => s.normText.startsWith('Patients who are receiving any other investigational agents'));
    expect(investigational?.kind).toBe('exclusion');
    expect(investigational?.context).toContain('Medical History and Concurrent Diseases');
  });

  it("binds a cohort's criteria to the cohort its label names (NCT04572451 SAFETY COHORT)", () => {
    const ecog = parseCriteria(criteriaText('NCT04572451')).find((c) => c.text.startsWith('ECOG performance status 0 or 1') && c.context?.[0] === 'SAFETY COHORT');
    expect(ecog?.kind).toBe('inclusion');
    expect(subgroupLeaf(ecog)).toBe('SAFETY COHORT');
    // An inclusion of one cohort holds for anyone outside it: the subgroup is an alternative.
    expect(ecog?.rule).toHaveProperty('any');
    expect(leaves(ecog?.rule).some((l) => l.fact === 'ecog')).toBe(true);
  });

  it('reads phase labels on a line of their own as headings, and "(all Phases)" as binding no subgroup (NCT06047379)', () => {
    const criteria = parseCriteria(criteriaText('NCT06047379'));
    for (const label of ['Phase 1: (dose escalation)', 'Phase 2a: (safety run-in)', 'Phase 2b: (efficacy)', '(all Phases)']) {
      expect(criteria.some((c) => c.text.trim() === label)).toBe(false);
    }
    const measurable = criteria.find((c) => c.text.startsWith('Patient must have measurable/evaluable systemic disease per RECIST v1.1'));
    expect(subgroupLeaf(measurable)).toBe('Phase 2a: (safety run-in)');
    const spinal = criteria.find((c) => c.text.startsWith('Patients with metastases to the spinal cord parenchyma'));
    expect(spinal?.kind).toBe('exclusion');
    expect(subgroupLeaf(spinal)).toBeUndefined();
  });

  it('reads "<subgroup>: Inclusion" and "<subgroup>: Exclusion" as that subgroup\'s lists (NCT04106492)', () => {
    const criteria = parseCriteria(criteriaText('NCT04106492'));
    expect(criteria.some((c) => /^Phase 2a Expansion Group .*: (?:Inclusion|Exclusion)$/.test(c.text.trim()))).toBe(false);
    // Under "Phase 2a Expansion Group 3a (Head and Neck): Inclusion" the head-and-neck diagnosis is
    // required of that group, not an exclusion of it.
    const hnscc = criteria.find((c) => c.text.startsWith('Patients with histologically or cytologically confirmed squamous-cell carcinoma of the head and neck'));
    expect(hnscc?.kind).toBe('inclusion');
    expect(hnscc?.context).toEqual(['Phase 2a Expansion Group 3a (Head and Neck)']);
    expect(leaves(hnscc?.rule).some((l) => l.fact === 'cancerType' && (l.params?.codes as string[]).includes('HNSC') && l.value === true)).toBe(true);
    const anthracyclines = criteria.find((c) => c.text.startsWith('Prior exposure to anthracyclines'));
    expect(anthracyclines?.kind).toBe('exclusion');
    expect(subgroupLeaf(anthracyclines)).toBe('Phase 2a Expansion Group 2 (Unresectable STS)');
  });

  it("keeps a cancer cohort's scope for a subgroup inside it (NCT03787056 prostate, non-curative cohort)", () => {
    const mcrpc = parseCriteria(criteriaText('NCT03787056')).find((c) => c.text.startsWith('Patients with metastatic castration resistant prostate cancer'));
    expect(subgroupLeaf(mcrpc)).toBe('Non-curative intent treatment patients cohort');
    // A patient with another of the trial's cancers is outside this cohort: the cancers of the other
    // cohorts are an alternative to its requirements.
    const elsewhere = leaves(mcrpc?.rule).find((l) => l.fact === 'cancerType' && (l.params?.codes as string[]).includes('BREAST'));
    expect(elsewhere?.value).toBe(true);
  });

  it("reads a cohort's bare exclusion under its label as it reads one without (NCT03829254)", () => {
    const steroids = parseCriteria(criteriaText('NCT03829254')).find((c) => c.text.startsWith('Systemic steroid therapy or any immunosuppressive therapy'));
    expect(steroids?.context).toEqual(['NUC-7738 + pembrolizumab cohort only']);
    expect(subgroupLeaf(steroids)).toBe('NUC-7738 + pembrolizumab cohort only');
    expect(leaves(steroids?.rule).some((l) => l.fact === 'priorTherapy' && (l.params?.classes as string[]).includes('corticosteroid'))).toBe(true);
  });

  it('keeps a label that names its cohort\'s cancer as a criterion (NCT05546827)', () => {
    const segs = segmentCriteria(criteriaText('NCT05546827'));
    expect(segs.some((s) => s.normText.startsWith('For Arm 1 patients (sinonasal melanoma)'))).toBe(true);
  });
});
