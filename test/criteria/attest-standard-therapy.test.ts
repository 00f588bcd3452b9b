/**
 * Standard therapy exhausted, by route (standard_therapy_failed, standard_therapy_intolerant,
 * standard_therapy_declined, standard_therapy_ineligible) beside no standard treatment left
 * (no_standard_option): what standard therapy is depends on the patient's cancer, so each route is a
 * question for the care team. Real corpus lines with the rule they must get, and lines that must
 * stay unread because a reading would drop an alternative or bind it to the wrong requirement.
 */
import { ANTICANCER_KINDS } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';
import { attest, attestationTopics, readRule } from '../support/criteria';

/** The topics a criterion is counted under, read as an inclusion. */
const classifyTopics = (text: string): string[] => readCriterion(normalise(text).text, 'inclusion', []).categories;

const ROUTES = ['standard_therapy_failed', 'standard_therapy_intolerant', 'standard_therapy_declined', 'standard_therapy_ineligible'];

describe('the standard-therapy routes have their questions', () => {
  it('lists each route with a plain question in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t.question]));
    for (const id of ROUTES) expect(topics.get(id)).toMatch(/standard treatment the criterion describes.*\?$/);
  });
});

describe('one route alone', () => {
  it('reads a refusal of standard treatment', () => {
    expect(readRule('-declined standard treatment.', 'inclusion')).toEqual({
      condition: attest('standard_therapy_declined', true),
      unread: '',
    });
  });

  it('reads progression on standard therapy beside the disease it is said of', () => {
    expect(
      readRule(
        'Histologically or cytologically confirmed unresectable or metastatic melanoma with disease progression on prior standard of care therapy',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          {
            any: [
              { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } },
              { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
            ],
          },
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MELANOMA'] } },
          // The therapy reader's outcome reading of the same words: progression on some anticancer
          // treatment (standard therapy may be surgery or radiotherapy, therapy-standard.ts).
          { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: [...ANTICANCER_KINDS], outcome: 'progression' } },
          attest('standard_therapy_failed', true),
        ],
      },
      unread: '',
    });
    expect(readRule('Progressed on or after prior standard therapeutic regimen.', 'inclusion')).toEqual({
      condition: attest('standard_therapy_failed', true),
      unread: '',
    });
  });
});

describe('routes listed as alternatives', () => {
  it('joins the routes of one list into one alternative, so the disease before it binds to the whole list (NCT06910657, NCT07244835)', () => {
    expect(
      readRule('Histologically or cytologically confirmed advanced solid tumors that have progressed despite standard therapy, or for which no standard therapy exists.', 'inclusion'),
    ).toEqual({
      condition: {
        all: [
          { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'advanced' } },
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
          { any: [attest('standard_therapy_failed', true), attest('no_standard_option', true)] },
        ],
      },
      unread: '',
    });
  });

  it('asks only the routes the criterion lists, joined by "or"', () => {
    expect(
      readRule('Test subjects have failed standard treatment regimens, or there are no standard treatment regimens available.', 'inclusion'),
    ).toEqual({
      condition: { any: [attest('standard_therapy_failed', true), attest('no_standard_option', true)] },
      unread: '',
    });
    expect(
      readRule('Refractory to, or unsuitable for, standard treatment options as determined by the investigator.', 'inclusion').condition,
    ).toEqual({ any: [attest('standard_therapy_failed', true), attest('standard_therapy_ineligible', true)] });
  });

  it('reads three routes sharing one object, with the investigator’s judgement left beside them', () => {
    expect(
      readRule(
        'Participants have progressed on prior standard-of-care therapy, or would be ineligible for or unable to tolerate standard-of-care therapy, in the opinion of the treating Investigator',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        any: [
          attest('standard_therapy_failed', true),
          attest('standard_therapy_ineligible', true),
          attest('standard_therapy_intolerant', true),
        ],
      },
      unread: 'would',
    });
  });
});

describe('what stays unread', () => {
  const none = (line: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
    attestationTopics(readRule(line, kind).condition).filter((t) => /^(?:standard_therapy_|no_standard_option)/.test(t));

  it('leaves a list under a cohort label, which would bind the routes to one group alone', () => {
    expect(
      none(
        'Other advanced malignancies: patients with advanced malignancies who have failed or been intolerant to standard treatment, or have no standard treatment options.',
      ),
    ).toEqual([]);
  });

  it('leaves a list with an alternative no statement reads', () => {
    for (const line of [
      'Participants must have disease that has progressed on or be unable to tolerate standard treatments (Part 1) or 1-2 prior systemic therapies (Part 2).',
      'For patients who have developed disease progression through standard therapy, or',
    ])
      expect(none(line)).toEqual([]);
  });

  // "is not eligible" is a post-negation of NegEx; as the words of the ineligible route itself it
  // negates neither that route nor the routes before it.
  it('reads a list whose last route is "is not eligible for" / "be not eligible" as all its routes', () => {
    expect(readRule('Is intolerant of, refuses, or is not eligible for standard antineoplastic therapy.', 'inclusion')).toEqual({
      condition: { any: [attest('standard_therapy_intolerant', true), attest('standard_therapy_declined', true), attest('standard_therapy_ineligible', true)] },
      unread: '',
    });
    expect(readRule('Must have received, be not eligible or decline standard of care therapy', 'inclusion')).toEqual({
      condition: { any: [attest('standard_therapy_received', true), attest('standard_therapy_ineligible', true), attest('standard_therapy_declined', true)] },
      unread: '',
    });
  });

  it('reads standard therapies "known to provide clinical benefit" as the routes\' object (NCT07339176)', () => {
    expect(
      none(
        'Advanced solid tumor malignancy (excluding lymphoma and other hematologic malignancies), with disease that has progressed on, is intolerant of, or is ineligible for standard therapies known to provide clinical benefit, or for whom no standard therapy is available.',
      ),
    ).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'standard_therapy_ineligible=true', 'no_standard_option=true']);
  });

  it('still reads a list negated by a pre-negation before it as unread ("not … intolerant of, or ineligible for")', () => {
    expect(none('Patients who are not refractory to, intolerant of, or ineligible for standard therapy.')).toEqual([]);
  });

  it('leaves named therapies to the therapy reader, counts of lines to prior therapy, and permissions alone', () => {
    expect(
      none(
        'Progressive disease after standard treatment with PD-1 check-point inhibition or combination of aforementioned with CTLA-4 check-point inhibition.',
      ),
    ).toEqual([]);
    expect(none('Patients who refuse standard of care chemotherapy will be eligible')).toEqual([]);
    expect(none('For Cohort F3 (NSCLC), subjects may have progressed on no more than 2 lines of standard therapy that must include at least one PD-1/L1 regimen.')).toEqual([]);
  });

  it('keeps no standard treatment read alone as before', () => {
    expect(
      readRule('Standard curative measures do not exist, and patient must have exhausted all effective therapies, available locally.', 'inclusion'),
    ).toEqual({
      condition: attest('no_standard_option', true),
      unread: 'exhausted all effective therapies, available locally',
    });
  });
});

describe('the prior-therapy topic', () => {
  it('counts standard therapy exhausted or declined among prior therapy', () => {
    for (const line of [
      '-declined standard treatment.',
      'Histologically or cytologically confirmed advanced solid tumors that have progressed despite standard therapy, or for which no standard therapy exists.',
      'Have histologically, cytologically confirmed locally advanced or metastatic melanoma for which no adequate standard of care exists, or for which standard of care has failed or is not tolerated.',
      'Patients who have failed in conventional treatment (including PD-1 monotherapy) (disease progression or intolerance)',
    ])
      expect(classifyTopics(line)).toContain('prior_therapy');
  });

  it('does not count a standard of something else', () => {
    expect(classifyTopics('Measurable disease per standard criteria')).not.toContain('prior_therapy');
  });
});
