/**
 * Two alterations of one gene joined by "/" or "or" ("AKT3 mutation/amplification", "ROS1 gene
 * rearrangement/fusion"): either qualifies, so the second must not be dropped (reading only the
 * first would fail a patient who has only the second). Corpus lines verbatim; the near misses are
 * the phrase family's edges.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const altered = (gene: string, alteration: string, value = true): Condition =>
  ({ fact: 'biomarker', operator: 'equal', value, params: { gene, alteration, status: 'detected' } }) as Condition;

describe('one gene, two alterations', () => {
  it('reads "known AKT3 mutation/amplification" as either alteration', () => {
    const r = readRule(
      'Tumors with AKT3 mutation/amplification: Participants must have a locally advanced unresectable, recurrent, or metastatic solid malignancy. Participants with known AKT3 mutation/amplification based on next generation sequencing (NGS) performed per local standard of care',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ any: [altered('AKT3', 'mutation'), altered('AKT3', 'amplification')] }),
    );
  });

  it('reads two names of one alteration ("rearrangement/fusion") as one', () => {
    const r = readRule('Participant has a ROS1 gene rearrangement/fusion as detected by a local test.', 'inclusion');
    expect(r.condition).toEqual(altered('ROS1', 'fusion'));
  });

  it('reads the absence of both alterations as the absence of each', () => {
    const r = readRule(
      'For patients whom standard of care therapy that prolongs survival is unavailable or unsuitable (according to the investigator and after consultation with the Medical Monitor) For Phase 1 combination therapy dose escalation, the following solid tumors are allowed: Melanoma, Merkel cell, RCC, urothelial, NSCLC (with no EGFR, TRK receptor, or ALK positive mutations/fusions), TNBC, SCCHN, MSI-Hi tumors, Hi TMB or mismatch repair deficient, gastric, cervical, endometrial, cutaneous squamous, small cell lung, esophageal, and HCC',
      'inclusion',
      [
        'Have histologically or cytologically confirmed diagnosis of advanced/metastatic solid tumor\n\n   For Phase 1a, the following solid tumors are allowed: Melanoma, Merkel cell, RCC, urothelial, NSCLC,TNBC, SCCHN, microsatellite instability high, high tumor mutation burden (Hi TMB) or mismatch repair deficient, gastric, cervical, endometrial, cutaneous squamous, small cell lung, esophageal, hepatocellular carcinoma and platinum resistant ovarian cancer.',
      ],
    );
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({ all: [altered('ALK', 'mutation', false), altered('ALK', 'fusion', false)] }),
    );
  });

  it('leaves an alteration followed by "of" to the gene after it', () => {
    const r = readRule('EGFR mutation or amplification of MET', 'inclusion');
    expect(r.condition).toEqual({ any: [altered('EGFR', 'mutation'), altered('MET', 'amplification')] });
  });
  it('shares both alterations and the qualifier along a list ("CKIT or PDGFRA activating mutation/amplification")', () => {
    const r = readRule(
      "6 Documented pathogenic CKIT activating mutation (Cohort 1) OR pathogenic PDGFRA activating mutation (Cohort 2) based on Clinical Laboratory Improvement Amendments-certified next-generation sequencing diagnostic test. Cohort 3 should have pathogenic CKIT or PDGFRA activating mutation/amplification based on CLIA-certified NGS diagnostic test. CKIT and PDGFRA mutation pathogenicity will be verified by the MD Anderson Cancer Center's Precision Oncology Decision Support team. Acceptable CKIT/PDGFRA mutations for study eligibility are listed in Appendix E.",
      'inclusion',
    );
    const text = JSON.stringify(r.condition);
    for (const gene of ['KIT', 'PDGFRA']) {
      expect(text).toContain(JSON.stringify(altered(gene, 'activating mutation')));
      expect(text).toContain(JSON.stringify(altered(gene, 'amplification')));
    }
  });
});
