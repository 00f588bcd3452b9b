/**
 * Conditions read from corpus lines: items under a lead-in that makes them exemptions from the
 * exclusion above are not exclusions of their own; an organ named apart from its head noun
 * ("Lung-specific intercurrent … illnesses"); metabolic bone disease and osteopenia; dependence on
 * supplemental oxygen.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { cond } from '../support/criteria';

function read(text: string, kind: CriterionKind = 'exclusion', context: string[] = []) {
  return readCriterion(normalise(text).text, kind, context);
}
/** The condition leaves a line reads, as (names, active, withinYears, except) tuples. */
function conditionLeaves(text: string, kind: CriterionKind = 'exclusion', context: string[] = []): Array<Record<string, unknown>> {
  const c: Condition | null = read(text, kind, context).condition;
  return (c ? leavesOf(c) : [])
    .filter((l) => l.fact === 'condition')
    .map((l) => ({ ...(l.params as object), value: l.value }));
}

describe('items under an exemption lead-in', () => {
  // Verbatim lead-ins of the corpus (NCT03518606, NCT05592626, NCT03340129, NCT06204991, NCT06627244).
  const leads = [
    "Active or prior documented autoimmune or inflammatory disorders (including inflammatory bowel disease [e.g., colitis or Crohn's disease], diverticulitis [with the exception of diverticulosis], systemic lupus erythematosus, Sarcoidosis syndrome, or Wegener syndrome [granulomatosis with polyangiitis, Graves' disease, rheumatoid arthritis, hypophysitis, uveitis, etc.]). The following are exceptions to this criterion:",
    'Participants with a history of known autoimmune disease with exceptions of:',
    'Patients with active, known or suspected autoimmune disease. Patients with the following are permitted to enrol:',
    'Active autoimmune or immune-mediated disease that has not yet resolved. Subjects with the following will be eligible:',
    "Active autoimmune disease that has required systemic treatment in past 2 years (including inflammatory bowel disease [ulcerative colitis or Crohn's disease]), within 2 years of screening. Note: The following exceptions are permitted:",
  ];

  it('does not read the condition an exemption names as an exclusion', () => {
    for (const lead of leads) {
      expect(conditionLeaves('Vitiligo', 'exclusion', [lead])).toEqual([]);
      expect(conditionLeaves('Patients with vitiligo or alopecia.', 'exclusion', [lead])).toEqual([]);
      expect(conditionLeaves('Type I diabetes mellitus', 'exclusion', [lead])).toEqual([]);
      expect(conditionLeaves('Psoriasis not requiring systemic treatment', 'exclusion', [lead])).toEqual([]);
    }
  });

  it('still reads items under a lead-in that lists what is excluded or required', () => {
    expect(
      conditionLeaves('Has a medical history of myocardial infarction or unstable angina within 6 months before enrollment.', 'exclusion', [
        'Unless otherwise specified, the exclusion criteria are common to both Phase 1 and Phase 2a. Subjects who meet any of the following criteria will be excluded from the study:',
      ]),
    ).toEqual([{ names: ['myocardial_infarction', 'unstable_angina'], withinYears: 0.5, value: true }]);
    expect(
      conditionLeaves('No evidence of leptomeningeal disease', 'inclusion', ['Prior history of brain metastases are eligible, provided:']),
    ).toEqual([{ names: ['leptomeningeal_disease'], value: false }]);
    expect(conditionLeaves('Vitiligo', 'exclusion', ['Active autoimmune disease, including:'])).toEqual([{ names: ['vitiligo'], value: true }]);
  });
});

describe('an organ named apart from its head noun', () => {
  it('reads "Lung-specific intercurrent … illnesses" as active pulmonary disease', () => {
    for (const text of [
      'Lung-specific intercurrent clinically significant severe illnesses',
      'Lung-specific intercurrent clinical significant severe illness',
      'Lung-specific intercurrent clinically significant illnesses.',
    ])
      expect(read(text).condition).toEqual(cond({ names: ['pulmonary_disease'], active: true }));
  });

  it('does not read an organ-specific word that heads no illness', () => {
    expect(conditionLeaves('Lung-specific radiotherapy planning constraints must be met')).toEqual([]);
  });
});

describe('bone metabolism and oxygen dependence', () => {
  const lex = lexicons();

  it('codes the new entries and places osteoporosis and osteopenia under metabolic bone disease', () => {
    expect(lex.conditionById.get('metabolic_bone_disease')?.icd10).toEqual(expect.arrayContaining(['M88']));
    expect(lex.conditionById.get('osteopenia')?.icd10).toEqual(['M85.8']);
    expect(lex.conditionById.get('osteopenia')?.parents).toEqual(['metabolic_bone_disease']);
    expect(lex.conditionById.get('osteoporosis')?.parents).toEqual(['metabolic_bone_disease']);
    expect(lex.conditionById.get('oxygen_dependence')?.icd10).toEqual(['Z99.81']);
  });

  it('reads metabolic bone disease, leaving the examples it does not name unread', () => {
    const r = read("Patients with a known metabolic bone disease (ex: hyperparathyroidism, Paget's disease, osteomalacia) are not eligible");
    expect(conditionLeaves("Patients with a known metabolic bone disease (ex: hyperparathyroidism, Paget's disease, osteomalacia) are not eligible")).toEqual([
      { names: ['metabolic_bone_disease'], value: true },
    ]);
    expect(r.unread).toContain('hyperparathyroidism');
  });

  it('reads osteopenia beside osteoporosis', () => {
    expect(read('Known osteoporosis or osteopenia.').condition).toEqual(cond({ names: ['osteoporosis', 'osteopenia'] }));
  });

  it('reads home and continuous oxygen as dependence on supplemental oxygen', () => {
    expect(read('Requires the use of home oxygen.').condition).toEqual(cond({ names: ['oxygen_dependence'] }));
    expect(
      conditionLeaves('Dyspnea at rest due to complications of advanced malignancy, or other disease requiring continuous oxygen therapy'),
    ).toEqual([{ names: ['oxygen_dependence'], value: true }]);
  });

  it('does not read oxygen named as a condition of a measurement, or a need a cause narrows', () => {
    expect(conditionLeaves('Oxyhemoglobin saturation at rest >/=95% (off supplemental oxygen).', 'inclusion')).toEqual([]);
    expect(conditionLeaves('Cardiovascular disease-related requirement for daily supplemental oxygen')).not.toContainEqual(
      expect.objectContaining({ names: ['oxygen_dependence'] }),
    );
  });
});

describe('live vaccine statements', () => {
  const attestations = (text: string) => {
    const c = read(text).condition;
    return (c ? leavesOf(c) : []).filter((l) => l.fact === 'attestation').map((l) => ({ ...(l.params as object), value: l.value }));
  };

  it('reads "a vaccine containing live virus" as a live vaccine', () => {
    expect(attestations('Administration of a vaccine containing live virus within 30 days prior to the first dose of trial treatment.')).toEqual([
      { topic: 'live_vaccine', value: true },
    ]);
    const other = read('Receipt of any oncolytic virus treatment, or administration of a vaccine containing live virus within 4 weeks before Day 1.');
    expect(other.unread).toContain('oncolytic');
    expect(attestations('Receipt of any oncolytic virus treatment, or administration of a vaccine containing live virus within 4 weeks before Day 1.')).toEqual([
      { topic: 'live_vaccine', value: true },
    ]);
  });
});

describe('list members the lexicon now names', () => {
  it('reads pneumoconiosis among interstitial lung diseases', () => {
    expect(conditionLeaves('Known interstitial pneumonia, pneumoconiosis, radiation pneumonitis, drug-related pneumonitis, and severe impairment of lung function')).toEqual([
      { names: ['interstitial_lung_disease', 'pneumoconiosis', 'radiation_pneumonitis', 'pneumonitis'], value: true },
    ]);
    expect(lexicons().conditionById.get('pneumoconiosis')?.parents).toEqual(['interstitial_lung_disease']);
  });

  it('reads hyperthyroidism, gastritis and short bowel syndrome', () => {
    expect(read('Unstable hyperthyroidism or hypothyroidism at screening.').condition).toEqual(
      cond({ names: ['hyperthyroidism', 'hypothyroidism'], active: true }),
    );
    expect(
      conditionLeaves('Active peptic ulcer disease or gastritis, active diverticulitis, or other serious gastrointestinal disease associated with bleeding or perforation'),
    ).toContainEqual({ names: ['peptic_ulcer', 'gastritis'], active: true, value: true });
    expect(
      conditionLeaves('Active inflammatory bowel disease, chronic diarrhea, short bowel syndrome, or major upper gastrointestinal surgery'),
    ).toEqual([{ names: ['inflammatory_bowel_disease', 'diarrhea', 'short_bowel_syndrome'], active: true, value: true }]);
  });

  it('leaves a condition the sentence then permits when controlled unread', () => {
    expect(
      read('Subjects with hyperthyroidism or hypothyroidism are excluded but those subjects who are stable on hormone replacement will be allowed.').condition,
    ).toBeNull();
  });
});
