/**
 * Standard-therapy routes said in the corpus's other wordings: a route without its preposition that
 * the next route of its list carries ("refractory or intolerant to standard therapy"), "unresponsive
 * to", "received and progressed on", "contraindications to", and no standard of care left ("no
 * standard of care available", "no remaining standard option expected to provide meaningful
 * benefit"). Real corpus lines with the reading they must get, and lines that must stay unread.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { attest, attestationTopics, readRule } from '../support/criteria';

const stdTopics = (line: string): string[] =>
  attestationTopics(readRule(line, 'inclusion').condition).filter((t) => /^(?:standard_therapy_|no_standard_option)/.test(t));

describe('routes sharing the preposition of the next one', () => {
  it('reads "unresponsive or intolerant to all standard of care or have no standard of care available" (NCT07317505)', () => {
    expect(
      readRule(
        'Participants with histologically or cytologically confirmed locally advanced or metastatic solid tumors who are unresponsive or intolerant to all standard of care or have no standard of care available',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          {
            any: [
              { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'locally_advanced' } },
              { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
            ],
          },
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
          { any: [attest('standard_therapy_failed', true), attest('standard_therapy_intolerant', true), attest('no_standard_option', true)] },
        ],
      },
      unread: '',
    });
  });

  it('reads each route of a list whose subjects change, leaving a named therapy class unread (NCT07584226)', () => {
    expect(
      readRule(
        'Disease is refractory to standard therapy (including targeted therapy), participant is intolerant of standard therapy, or participant has declined standard therapy.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        any: [attest('standard_therapy_failed', true), attest('standard_therapy_intolerant', true), attest('standard_therapy_declined', true)],
      },
      unread: 'targeted',
    });
  });

  it('reads "received and progressed on", a contraindication, and no standard therapy as one list (NCT05859074)', () => {
    expect(
      readRule(
        'Patients with advanced disease who have received and progressed on standard therapy or have disease for which there is no standard therapy or have contraindications to standard therapy',
        'inclusion',
      ).condition,
    ).toEqual({
      all: [
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'advanced' } },
        { any: [attest('standard_therapy_failed', true), attest('no_standard_option', true), attest('standard_therapy_ineligible', true)] },
      ],
    });
  });

  it('reads no standard option with the benefit it would bring (NCT07627698, NCT06264921)', () => {
    expect(
      stdTopics('Disease progression after standard therapy, intolerance to standard therapy, or no remaining standard option expected to provide meaningful benefit.'),
    ).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'no_standard_option=true']);
    expect(
      stdTopics(
        'Must have confirmed unresectable advanced/metastatic solid tumors (as outlined below) with disease progression on prior standard treatment, intolerance to or ineligibility for standard treatment, or no available standard treatment likely to improve the disease outcome in the judgment of the Investigator.',
      ),
    ).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'standard_therapy_ineligible=true', 'no_standard_option=true']);
  });

  it('reads "intolerable to" beside "refractory or" and no standard therapy (NCT06636435)', () => {
    expect(stdTopics('Pediatric patients with cancers with no standard therapy available or refractory or intolerable to the standard therapy')).toEqual([
      'no_standard_option=true',
      'standard_therapy_failed=true',
      'standard_therapy_intolerant=true',
    ]);
  });
});

describe('a list under a label restricting the criterion to one subgroup', () => {
  it('binds the list with the rest of the criterion to the subgroup named (NCT07224425-like "Part A only:")', () => {
    const [c] = parseCriteria(
      'Inclusion Criteria:\n\n* Part A only: participants with any histologically or cytologically confirmed diagnosis of solid tumour who failed standard treatment or for whom no standard therapy exists.',
    );
    expect(c!.rule).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Part A only', subgroup: true } },
        {
          all: [
            { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
            { any: [attest('standard_therapy_failed', true), attest('no_standard_option', true)] },
          ],
        },
      ],
    });
  });
});

describe('what stays unread', () => {
  it('leaves a list ending in "etc.", one scoped to a cohort in parentheses, and one after "relapsed/refractory"', () => {
    for (const line of [
      'Subjects with histologically or cytologically confirmed locally advanced or metastatic solid tumor harboring KRAS G12D mutation; subjects must be refractory or intolerable to standard treatment, or have no standard treatment available, etc.',
      'Patients with Malignant Melanoma who are refractory or intolerant to standard therapy (Part 4)',
      'Histologically confirmed advanced/metastatic solid tumor that is relapsed/refractory after standard therapy (or no standard therapy available).',
    ])
      expect(stdTopics(line)).toEqual([]);
  });

  it('leaves a count of two lines of standard therapy to prior therapy by count', () => {
    expect(
      stdTopics('Disease progression after at least two prior lines of standard therapy (including targeted therapy), or for whom no standard therapy exists or is medically unsuitable.'),
    ).toEqual([]);
  });
});
