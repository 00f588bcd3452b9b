/**
 * Prior-therapy exclusions whose treatment is one alternative beside others the facts cannot hold, or
 * sits behind words the readers took for a head of their own:
 *
 * - a severe irAE on earlier immunotherapy among other events (history-irae-alternatives.ts): "any of
 *   the following …: any irAE of Grade ≥3, …, or myocarditis of any grade", "any X or any Y …",
 *   "Participants … or with an irAE of grade 3 or greater";
 * - a medicine the lexicon does not know before "or" and a known one ("Use of topical or oral
 *   anti-inflammatory medication or steroids", therapy.ts LEADING_WHOLE_MEMBER_RE);
 * - "Loco-regionally recurrent … cancer that has been previously treated with …": the adverb is a
 *   modifier of the cancer, no head of its own.
 *
 * Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz); each rule is judged against
 * patient records as the matcher would.
 */
import type { Condition } from '../../src/criteria/facts';
import { attest, criterionRule, judgeRecord, therapy, unparsed } from '../support/criteria';

const excl = (text: string): Condition => criterionRule(text, 'exclusion');
const irae = attest('prior_severe_irae', true);

describe('a severe irAE among other alternatives of an exclusion', () => {
  // NCT06256588 e3
  const LIST =
    'Has experienced any of the following with prior immunotherapy: any irAE of Grade ≥3, immune-related severe neurologic events of any grade (e.g., myasthenic syndrome/myasthenia gravis, encephalitis, Guillain-Barré Syndrome, or transverse myelitis), exfoliative dermatitis of any grade [Stevens-Johnson Syndrome, toxic epidermal necrolysis, or DRESS (Drug Rash with Eosinophilia and Systemic Symptoms) syndrome], or myocarditis of any grade. Non-clinically significant laboratory abnormalities are not exclusionary.';

  it('reads the irAE item of a list after "any of the following" as the topic, the exempting sentence narrowing it', () => {
    expect(excl(LIST)).toEqual({
      any: [
        { all: [irae, unparsed('Non-clinically significant laboratory abnormalities are not exclusionary')] },
        unparsed('immune-related severe neurologic events of any grade (e.g., myasthenic syndrome/myasthenia gravis, encephalitis, Guillain-Barré Syndrome, or transverse myelitis)'),
        unparsed('exfoliative dermatitis of any grade [Stevens-Johnson Syndrome, toxic epidermal necrolysis, or DRESS (Drug Rash with Eosinophilia and Systemic Symptoms) syndrome]'),
        unparsed('myocarditis of any grade'),
      ],
    });
  });

  it('never clears a patient the other items may exclude, nor excludes on the topic alone', () => {
    const rule = excl(LIST);
    // No severe irAE: the other events (of any grade) are still to be asked.
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }], attestations: { prior_severe_irae: false } })).toBeNull();
    // A severe irAE may be a laboratory abnormality the second sentence exempts.
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }], attestations: { prior_severe_irae: true } })).toBeNull();
  });

  it('reads "any X or any Y while …": the words after the last event may bind both, so they narrow the irAE (NCT05170204 e27)', () => {
    const rule = excl(
      'Any prior Grade \\>/= 3 immune-mediated adverse event or any unresolved Grade \\> 1 immune-mediated adverse event while receiving any previous immunotherapy agent other than immune checkpoint blockade agents',
    );
    expect(rule).toEqual({
      any: [
        { all: [irae, unparsed('while receiving any previous immunotherapy agent other than immune checkpoint blockade agents')] },
        unparsed('any unresolved Grade > 1 immune-mediated adverse event while receiving any previous immunotherapy agent other than immune checkpoint blockade agents'),
      ],
    });
  });

  it('reads a last "or with <irAE>" as the subject\'s second group (NCT06771544 e7)', () => {
    const first =
      'Participants ineligible to be retreated with pembrolizumab due to a treatment-related AE while on a prior anti-PD(L)-1 regimen that led to discontinuation of that prior therapy and would thus prevent retreatment';
    const rule = excl(`${first} or with an immune-related adverse event (irAE) of grade 3 or greater`);
    expect(rule).toEqual({ any: [irae, unparsed(first)] });
    // A grade ≥3 irAE excludes on its own; without one, the first group is still to be asked.
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }], attestations: { prior_severe_irae: true } })).toBe(true);
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }], attestations: { prior_severe_irae: false } })).toBeNull();
  });

  it('leaves a lower grade, a denial or a second sentence that is no exemption unread', () => {
    // Grade 2 is no topic of its own (constructed variants of the lines above).
    expect(JSON.stringify(excl('Any immune-related adverse event of grade 2 or any unresolved immune-related adverse event'))).not.toContain('prior_severe_irae');
    expect(JSON.stringify(excl('No prior Grade ≥3 irAE or any myocarditis'))).not.toContain('prior_severe_irae');
    expect(
      JSON.stringify(excl('Has experienced any of the following with prior immunotherapy: any irAE of Grade ≥3, or myocarditis of any grade. Participants must have recovered.')),
    ).not.toContain('prior_severe_irae');
  });
});

describe('an unknown medicine before "or" and a known one', () => {
  it('keeps it an unread member of the union, the route words before it narrowing all of it (NCT03906253 e7)', () => {
    const rule = excl('Use of topical or oral anti-inflammatory medication or steroids');
    expect(rule).toEqual({
      all: [{ any: [therapy({ classes: ['corticosteroid'] }), unparsed('anti-inflammatory medication')] }, unparsed('Use of topical or oral')],
    });
    // A steroid whose route the record does not give may fall outside "topical or oral": left to the coordinator.
    expect(judgeRecord(rule, { treatments: [{ name: 'prednisone', start: '2025-05-01' }] })).toBeNull();
  });

  it('names the member without its article (NCT04771520 e16)', () => {
    expect(JSON.stringify(excl('Prior treatment with an intracerebral agent or bevacizumab (Cohort 3 only).'))).toContain('"intracerebral agent"');
  });
});

describe('"Loco-regionally" before a cancer that had treatment', () => {
  it('reads the treatment the cancer had as necessary, the adverb unread (NCT04892173 e4)', () => {
    const rule = excl('Loco-regionally recurrent head \\& neck cancer that has been previously treated with surgery, radiation therapy, and/or chemotherapy');
    expect('all' in rule).toBe(true);
    expect((rule as { all: Condition[] }).all).toContainEqual(therapy({ kinds: ['surgery', 'radiation', 'chemotherapy'] }));
    // Never treated: not excluded by this line.
    expect(judgeRecord(rule, { cancers: [{ type: 'head and neck squamous cell carcinoma' }], treatments: [] })).toBe(false);
  });
});
