/**
 * Lists of standard-therapy routes that stayed unread for how they were said, not for what they
 * offer: a route's own negation ("cannot tolerate", "has not shown … benefit to", "do not exist")
 * taken for a negation of the routes beside it, routes said after their object ("for which standard
 * of care has failed or is not tolerated"), and a lymphoma's state with its subtypes in parentheses
 * before the list. Real corpus lines with the readings they must get, and lines whose alternatives
 * are not all routes read here, which must stay unread.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { attest, attestationTopics, cancerType, extent, readRule } from '../support/criteria';

const stdTopics = (line: string): string[] =>
  attestationTopics(readRule(line, 'inclusion').condition).filter((t) => /^(?:standard_therapy_|no_standard_option)/.test(t));

describe("a route's own negation", () => {
  it('reads "cannot tolerate …, refused …, or there is no standard of care therapy" under its cohort label (NCT05970497)', () => {
    const [c] = parseCriteria(
      'Inclusion Criteria:\n\n* Cohorts 1-4 only: Histologically confirmed diagnosis of a locally advanced or metastatic solid tumor and the individual has progressed on standard of care therapy, cannot tolerate standard of care therapy, refused standard of care therapy, or there is no standard of care therapy.',
    );
    expect(c!.rule).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Cohorts 1-4 only', subgroup: true } },
        {
          all: [
            { any: [extent('locally_advanced'), extent('metastatic')] },
            cancerType('SOLID'),
            {
              any: [
                attest('standard_therapy_failed', true),
                attest('standard_therapy_intolerant', true),
                attest('standard_therapy_declined', true),
                attest('no_standard_option', true),
              ],
            },
          ],
        },
      ],
    });
  });

  it('reads "standard curative measures do not exist, or have failed … standard therapy" (NCT01246102)', () => {
    expect(
      readRule(
        'Patients must have histologically documented (confirmed at the Laboratory of Pathology, NCI) solid tumor malignancy that is metastatic or unresectable, for which standard curative measures do not exist, or have failed at least one line of standard therapy.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          cancerType('SOLID'),
          { any: [extent('metastatic'), extent('unresectable')] },
          { any: [attest('no_standard_option', true), attest('standard_therapy_failed', true)] },
        ],
      },
      unread: 'Pathology, NCI',
    });
  });

  it('keeps "has declined" beside "has not shown clinically meaningful benefit to standard therapy" (NCT04771520)', () => {
    expect(
      stdTopics(
        'Patient has a locally advanced or metastatic solid tumor and has progressed on appropriate standard therapy, has not shown clinically meaningful benefit to appropriate standard therapy, has no available standard therapy, or has declined appropriate standard therapy.',
      ),
    ).toEqual(['standard_therapy_failed=true', 'no_standard_option=true', 'standard_therapy_declined=true']);
  });

  it('still leaves a route negated by a word outside every route unread', () => {
    expect(stdTopics('Patients who have not progressed on standard therapy or who refused standard therapy')).toEqual([]);
  });
});

describe('routes said after their object', () => {
  it('reads "for which standard of care has failed or is not tolerated" beside no standard of care (NCT07449754)', () => {
    expect(
      readRule(
        'Have histologically, cytologically confirmed locally advanced or metastatic melanoma for which no adequate standard of care exists, or for which standard of care has failed or is not tolerated.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          { any: [extent('locally_advanced'), extent('metastatic')] },
          cancerType('MELANOMA'),
          { any: [attest('no_standard_option', true), attest('standard_therapy_failed', true), attest('standard_therapy_intolerant', true)] },
        ],
      },
      unread: '',
    });
  });

  it('reads "or for whom standard therapy is currently unsuitable" as the ineligible route (NCT07371663)', () => {
    expect(
      stdTopics(
        'Patients with histologically or cytologically confirmed advanced malignant solid tumors who have failed standard therapy, are intolerant to standard therapy, have no standard therapy available, or for whom standard therapy is currently unsuitable.',
      ),
    ).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'no_standard_option=true', 'standard_therapy_ineligible=true']);
  });

  it('reads "do not exist or are no longer effective or have intolerable toxicities" (NCT05592626)', () => {
    expect(
      stdTopics(
        'Participants must have histologically confirmed solid tumors that are unresectable, locally advanced, or metastatic and for which standard curative therapies do not exist or are no longer effective or have intolerable toxicities.',
      ),
    ).toEqual(['no_standard_option=true', 'standard_therapy_failed=true', 'standard_therapy_intolerant=true']);
  });

  it('reads the assessment by the Investigator "as not being suitable for SoC therapy" as the ineligible route (NCT06326411)', () => {
    expect(
      stdTopics(
        'Subjects who have a histologically or cytologically documented metastatic or locally advanced solid tumor, for which standard of care (SoC) therapy does not exist, no longer provides benefit, or is not tolerated by the subject, or the subject has been assessed by the Investigator as not being suitable for SoC therapy.',
      ),
    ).toEqual(['no_standard_option=true', 'standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'standard_therapy_ineligible=true']);
  });

  it('does not read a later route without the object opening the list', () => {
    expect(stdTopics('Patients whose disease is not tolerated or has failed')).toEqual([]);
    expect(stdTopics('Patients for whom standard therapy has failed and who have progressed on nivolumab')).toEqual([]);
  });
});

describe('a disease state before the list', () => {
  it('reads the routes after "Relapsed refractory lymphoma (…)" (NCT03829254)', () => {
    expect(
      readRule(
        "Relapsed refractory lymphoma (high grade and low grade B-NHL, Hodgkin's Lymphoma and T-cell lymphomas), which is not amenable to standard of care, is refractory to standard of care or for which no standard of care exists.",
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          // "Relapsed refractory" without a slash is R/R: either state (review-corrections.test.ts).
          { any: [extent('relapsed'), extent('refractory')] },
          cancerType('LYMPHOMA'),
          { any: [attest('standard_therapy_ineligible', true), attest('standard_therapy_failed', true), attest('no_standard_option', true)] },
        ],
      },
      unread: "high grade and low grade B-NHL, Hodgkin's Lymphoma and T-cell lymphomas",
    });
  });

  it('keeps a disease state offered as an alternative after its parentheses beside the no-standard one', () => {
    // As without the parentheses ("Refractory disease or no standard therapy available"): the state
    // and the no-standard alternative are joined with "or", never both required.
    const [c] = parseCriteria('Inclusion Criteria:\n\n* Refractory disease (after at least two regimens) or no standard therapy available');
    expect(c!.rule).toEqual({
      all: [
        { any: [extent('refractory'), attest('no_standard_option', true)] },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'two regimens' } },
      ],
    });
  });

  it('leaves "relapsed/refractory after standard therapy, or no standard therapy" to the disease readers (NCT07410494)', () => {
    // The extent reader reads "relapsed/refractory" with the no-standard alternative; the routes would
    // require it of every patient.
    expect(
      stdTopics(
        'Histologically or cytologically confirmed advanced/unresectable or metastatic solid tumor that is relapsed/refractory after standard therapy, or no standard therapy available.',
      ),
    ).toEqual([]);
  });
});

describe('labels and other groups', () => {
  it('leaves a list unread under a label naming one cancer group among others (NCT06839105)', () => {
    expect(
      stdTopics(
        'Other advanced malignancies: patients with advanced malignancies who have failed or been intolerant to standard treatment or have no standard treatment options.',
      ),
    ).toEqual([]);
  });

  it('leaves two parts with their own lists unread (NCT05423262)', () => {
    expect(
      stdTopics(
        'Part 1: Patients with histologically and cytologically confirmed locally advanced or metastatic solid tumors who have been refractory or intolerant to standard therapies or for whom no standard therapy exists. Part 2: Patients with histologically confirmed locally advanced unresectable or metastatic melanoma.',
      ),
    ).toEqual([]);
  });
});
