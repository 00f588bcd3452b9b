/**
 * A systemic treatment the patient is starting, plans, or is a candidate for (therapy-systemic-plans.ts):
 * read as the care team's attestation (planned_treatment, treatment_candidate), which the record
 * cannot answer, and "planned to receive or have received X" as either alternative. Real corpus lines
 * with the rule they must get, how the rule evaluates, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import type { PatientRecord } from '../../src/patients/record';
import { attest, attestationTopics, cancerType, criterionRule, judgeRecord, readRule, therapy } from '../support/criteria';

const read = (text: string, kind: CriterionKind = 'inclusion') => readRule(text, kind);
const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] => attestationTopics(read(text, kind).condition);
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);
/** The topics one line counts as read, as the corpus coverage counts them. */
const categoriesRead = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n* ${text}`)[0]!.categoriesRead;

const PLANNED = attest('planned_treatment', true);
const CANDIDATE = attest('treatment_candidate', true);

describe('a systemic treatment the patient is starting or plans is the care team’s plan', () => {
  it('reads "starting" a treatment with a named drug or class (NCT07686835 i4, NCT04605146 i3)', () => {
    expect(read('Starting standard-of-care treatment with ICI in first line')).toEqual({ condition: PLANNED, unread: '' });
    const r = read(
      'Patients starting a treatment with a combination of immunotherapy of nivolumab + ipilimumab (NB: patients who have already received immunotherapy in the past may be included)',
    );
    expect(r.condition).toEqual(PLANNED);
    // The note about earlier immunotherapy stays unread beside the plan.
    expect(r.unread).toBe('already received immunotherapy … included');
  });

  it('reads a plan whose object is described beyond the judgement statements’ modifiers (NCT07161310 i2)', () => {
    const r = read(
      'Planned single agent or double agent immune checkpoint inhibitor therapy as first-line standard-of-care treatment either with or without chemotherapy. Of note, patients receiving neoadjuvant therapy are eligible',
    );
    expect(r.condition).toEqual(PLANNED);
    expect(r.unread).toContain('neoadjuvant');
  });

  it('reads "planning treatment with" in an exclusion as the plan that excludes (NCT07555210 e3)', () => {
    expect(read('Patients planning treatment with dual immune checkpoint inhibitor therapy.', 'exclusion')).toEqual({
      condition: PLANNED,
      unread: '',
    });
  });

  it('reads the patients named by their cancer (NCT06675643 i1)', () => {
    const c = read('Any skin cancer/melanoma patient starting dual [ipilimumab/nivolumab (IPI/NIVO)] immune checkpoint inhibitor (ICI) therapy').condition;
    expect(topicsOf('Any skin cancer/melanoma patient starting dual [ipilimumab/nivolumab (IPI/NIVO)] immune checkpoint inhibitor (ICI) therapy')).toEqual([
      'planned_treatment=true',
    ]);
    expect(c).toEqual({ all: [cancerType('SKIN', 'MELANOMA'), PLANNED] });
  });

  it('counts the prior-therapy topic as read when the planned drug is read with the plan', () => {
    expect(categoriesRead('Starting standard-of-care treatment with ICI in first line')).toContain('prior_therapy');
    expect(categoriesRead('Patients planning treatment with dual immune checkpoint inhibitor therapy.', 'exclusion')).toContain('prior_therapy');
  });
});

describe('a systemic treatment the care team finds the patient suited to is their judgement of fitness', () => {
  it('reads "appropriate for starting therapy with" (NCT06075524 i3)', () => {
    const r = read(
      'Are considered appropriate for starting therapy with anti-PD-1/anti-PD-L1 monoclonal antibody by their treating physician (prior therapy with immune checkpoint inhibitor (ICI) is allowed)',
    );
    expect(r.condition).toEqual(CANDIDATE);
    // The permission in parentheses is about earlier treatment, and stays unread.
    expect(r.unread).toBe('immune checkpoint inhibitor (ICI) is allowed');
  });

  it('reads a cancer "requiring systemic treatment with" a drug as its indication (NCT05251389 i2)', () => {
    const r = read(
      'Patients have pathologically confirmed advanced stage cutaneous melanoma (stage III or IV) requiring systemic treatment with anti-PD-1',
    );
    expect(attestationTopics(r.condition)).toEqual(['treatment_candidate=true']);
    expect(r.unread).toBe('');
  });

  it('counts the prior-therapy topic as read where the judgement statement reads the drug with the candidacy (NCT05968690 i3)', () => {
    expect(read('Candidate for standard of care therapy with ipilimumab 3 mg/kg + nivolumab 1 mg/kg.').condition).toEqual(CANDIDATE);
    expect(categoriesRead('Candidate for standard of care therapy with ipilimumab 3 mg/kg + nivolumab 1 mg/kg.')).toContain('prior_therapy');
    // The judgement statement leaves the drug unread here: the plan is read, not the treatment.
    expect(categoriesRead('Subjects will have been deemed candidates for adjuvant therapy with single agent anti-PD1 therapy.')).not.toContain(
      'prior_therapy',
    );
  });

  it('keeps the judgement statement’s reading where it reads the sentence (NCT06066138 i1)', () => {
    const c = read(
      'Participants with a locally advanced or metastatic pathologically confirmed cancer whose NCI Licensed Independent Practitioner (LIP) determined they are candidates for treatment with atezolizumab, either alone or in combination with other FDA-approved drug(s), for example, TMB-high, PDL-1 positive, or other disease states that respond to PD(L)-1 inhibitors.',
    ).condition as { all: Condition[] };
    // The candidacy stays one requirement beside the biomarkers, not an alternative to them.
    expect(c.all).toContainEqual(CANDIDATE);
  });
});

describe('"planned to receive or have received X" is read as either alternative, exactly', () => {
  const either = (received: Condition): Condition => ({ any: [PLANNED, received] });

  it('reads the plan and the receipt of adjuvant immunotherapy (NCT06529822 i41, i56)', () => {
    for (const text of [
      'Planning to receive or have received adjuvant immunotherapy for 1 year.',
      'Planned to receive or have received adjuvant immunotherapy for 1 year.',
    ]) {
      const r = read(text);
      expect(r.condition).toEqual(either(therapy({ kinds: ['immunotherapy'], setting: 'adjuvant' })));
      // How long it was given is not a fact: unread beside both alternatives.
      expect(r.unread).toBe('1');
    }
  });

  it('reads a list of three alternatives, two of them receipt (NCT05180942 i3, NCT05108298 i2)', () => {
    expect(read('Histologically confirmed melanoma of any stage planned for, commenced, or completed treatment with ICI').condition).toEqual({
      all: [cancerType('MELANOMA'), either(therapy({ classes: ['checkpoint_inhibitor'] }))],
    });
    const r = read(
      'Patient must have received, be currently receiving or planning to receive treatment for cancer, including surgery and/or chemotherapy and/or radiation therapy.',
    );
    expect(r.condition).toEqual(
      either(therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'] })),
    );
  });

  it('reads "either be initiating or have already started" (NCT02513394 i14)', () => {
    expect(read('Patients must either be initiating or have already started adjuvant hormonal treatment.')).toEqual({
      condition: either(therapy({ kinds: ['hormonal'], setting: 'adjuvant' })),
      unread: '',
    });
  });

  it('reads a setting’s treatment as any treatment of the cancer in that setting (NCT05196087 i2)', () => {
    const r = read('Patients must have early stage or locally advanced disease that is planned for or have undergone curative treatment.');
    expect((r.condition as { all: Condition[] }).all).toContainEqual(
      either(therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], setting: 'curative' })),
    );
  });

  it('admits a patient who had the treatment, fails one who neither had nor plans it, and leaves an unanswered plan unknown', () => {
    const rule = criterionRule('Planned to receive or have received adjuvant immunotherapy for 1 year.', 'inclusion');
    const hadIt: PatientRecord = { treatments: [{ name: 'pembrolizumab', kind: 'systemic', setting: 'adjuvant' }] };
    // "for 1 year" is unread, so even a patient who had it is not passed on it; the rule cannot fail them.
    expect(judge(rule, hadIt)).toBeNull();
    // The record cannot show a plan: unknown, never a failure.
    expect(judge(rule, { treatments: [] })).toBeNull();
    expect(judge(rule, { treatments: [], attestations: { planned_treatment: false } })).toBe(false);
    const exact = read('Patients must either be initiating or have already started adjuvant hormonal treatment.').condition!;
    expect(judge(exact, { treatments: [{ name: 'tamoxifen', kind: 'systemic', setting: 'adjuvant' }] })).toBe(true);
    expect(judge(exact, { treatments: [] })).toBeNull();
    expect(judge(exact, { treatments: [], attestations: { planned_treatment: true } })).toBe(true);
    expect(judge(exact, { treatments: [], attestations: { planned_treatment: false } })).toBe(false);
  });

  it('leaves the exclusion’s "have received or plan to receive" reading as the list reader gives it', () => {
    const r = read('Patients who have received or plan to receive anti-PD-1 therapy.', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual([]);
  });
});

describe('what is not a plan or a candidacy', () => {
  it('does not read a start that dates something else', () => {
    expect(topicsOf('Targeted therapy is accepted before starting curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.')).toEqual([]);
    expect(topicsOf('Chemotherapy is not accepted prior to the initiation of curative treatment with immunotherapy.')).toEqual([]);
    expect(
      topicsOf('Within three months of starting immune checkpoint inhibitor therapy at UPMC Hillman Cancer Center for melanoma'),
    ).toEqual([]);
  });

  it('does not read a candidacy the sentence only permits', () => {
    expect(topicsOf('Patients who are candidates to start therapy with capivasertib are eligible for enrollment')).toEqual([]);
  });

  it('does not read a plan of supportive care or of the study’s own treatment', () => {
    expect(topicsOf('Patients with severe diabetes starting insulin therapy')).toEqual([]);
    expect(topicsOf('Patients starting study treatment with nivolumab', 'exclusion')).toEqual([]);
  });

  it('does not read a start said with its time as a plan: it is a start already made', () => {
    expect(topicsOf('Patients starting hormonal therapy less than 4 weeks before inclusion', 'exclusion')).toEqual([]);
  });

  it('does not read "must not be planning" among exclusions as a plan lacking (NCT04647916 e8)', () => {
    // Read as a lacking requirement, it excluded the patients who plan nothing.
    expect(
      topicsOf(
        'Participants must not be receiving warfarin (or other coumarin derivatives) at time of registration or be planning to receive warfarin (or other coumarin derivatives) for the duration of protocol treatment.',
        'exclusion',
      ),
    ).not.toContain('planned_treatment=false');
    expect(
      topicsOf('Participants must not be planning to receive enzyme-inducing anti-epileptic agents (e.g., carbamazepine, phenytoin) for the duration of protocol treatment', 'exclusion'),
    ).toEqual([]);
  });

  it('does not join a plan after alternatives to the last of them only (NCT05307289 i2)', () => {
    expect(
      topicsOf(
        'Stage III unresectable or histologically confirmed stage IV cutaneous melanoma (melanoma of unknown origin is accepted), treatment naïve (metastatic stage) and for which immunotherapy will be started',
      ),
    ).toEqual([]);
  });
});
