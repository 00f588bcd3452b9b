/**
 * Standard therapy named by what it does rather than as "standard" (history-judgement.ts): therapy
 * known to give clinical benefit or prolong survival, "established" treatment, a therapy "of proven
 * efficacy" or "with demonstrated clinical benefit" that does not exist, standard therapy the patient
 * is "not expected to derive any clinical benefit from", and "such therapy" pointing back to one of
 * these. Also the route verb "become" between an "or" and its route, and the patients
 * named again before a route ("or patients who are intolerant …"). Verbatim corpus lines with the
 * readings they must get, and lines that must stay unread.
 */
import { attest, attestationTopics, extent, readRule } from '../support/criteria';

const stdTopics = (line: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): string[] =>
  attestationTopics(readRule(line, kind).condition).filter((t) => /^(?:standard_therapy_|no_standard_option)/.test(t));

describe('standard therapy named by its benefit', () => {
  it('reads "received, completed, or become intolerant of … or are not expected to derive any clinical benefit from" as one list (NCT04282044)', () => {
    expect(
      readRule(
        'Subjects must have relapsed disease or refractory disease. Subjects must have received, completed, or become intolerant of prior standard of care therapies or are not expected to derive any clinical benefit from standard of care therapies.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          { any: [extent('relapsed'), extent('refractory')] },
          {
            any: [
              attest('standard_therapy_received', true),
              attest('standard_therapy_intolerant', true),
              attest('no_standard_option', true),
            ],
          },
        ],
      },
      unread: '',
    });
  });

  it('reads "existing therapies known to provide clinical benefit" as standard therapy, with "not be a candidate for" (NCT04895709)', () => {
    expect(
      readRule(
        'Advanced or metastatic disease and have received, be refractory to, not be a candidate for, or be intolerant of existing therapies known to provide clinical benefit for the condition of the participant.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          { any: [extent('advanced'), extent('metastatic')] },
          {
            any: [
              attest('standard_therapy_received', true),
              attest('standard_therapy_failed', true),
              attest('standard_therapy_ineligible', true),
              attest('standard_therapy_intolerant', true),
            ],
          },
        ],
      },
      unread: '',
    });
  });

  it('reads "treatments that are known to prolong survival" and "refused such therapy" after it (NCT06545682)', () => {
    const { condition, unread } = readRule(
      'In the dose expansion, patients must have histologically documented locally advanced, unresectable, or metastatic melanoma or TNBC that has progressed on treatments that are known to prolong survival or for which no standard treatment is available or refused such therapy.',
      'inclusion',
    );
    expect(condition).toMatchObject({
      all: expect.arrayContaining([
        {
          any: [
            attest('standard_therapy_failed', true),
            attest('no_standard_option', true),
            attest('standard_therapy_declined', true),
          ],
        },
      ]),
    });
    // The stage of the trial stays unread beside the list.
    expect(unread).toBe('dose expansion');
  });

  it('reads "no approved therapy with demonstrated clinical benefit" and the patients named again before the next routes (NCT06506643)', () => {
    const { condition } = readRule(
      'Phase I 17. Patients must have histologically proven evidence of any type of metastatic solid tumor (excluding primary brain tumor) that is evaluable and for whom no approved therapy with demonstrated clinical benefit is available or patients who are intolerant or have declined standard therapy.',
      'inclusion',
    );
    expect(condition).toMatchObject({
      all: expect.arrayContaining([
        extent('metastatic'),
        {
          any: [
            attest('no_standard_option', true),
            attest('standard_therapy_intolerant', true),
            attest('standard_therapy_declined', true),
          ],
        },
      ]),
    });
  });

  it('reads "established treatment options" and "no therapy of proven efficacy" inside the subgroup (NCT07224425)', () => {
    const { condition, unread } = readRule(
      'Part A only: participants with any histologically or cytologically confirmed diagnosis of solid tumour who failed conventional treatment or for whom no therapy of proven efficacy exists or who is not eligible for established treatment options. Participant must have exhausted available treatment options known to prolong survival for their disease.',
      'inclusion',
    );
    expect(JSON.stringify(condition)).toContain(
      JSON.stringify({
        any: [
          attest('standard_therapy_failed', true),
          attest('no_standard_option', true),
          attest('standard_therapy_ineligible', true),
        ],
      }),
    );
    // The second sentence, a requirement of its own, stays unread beside the list.
    expect(unread).toContain('exhausted available treatment options known to prolong survival');
  });

  it('reads "no standard therapy with proven benefit exists" as the no-standard alternative (NCT07224425)', () => {
    expect(
      stdTopics(
        'Part B only: participants with histologically or cytologically confirmed diagnosis of who has progressed on, or is intolerant to available standard therapies, or for whom no standard therapy with proven benefit exists according to the local and institutional guidelines. Participants should not have received \\>3 previous lines of treatment (excluding prior systemic regimens received at adjuvant or neoadjuvant setting and excluding treatment with tumour-infiltrating lymphocytes at any timepoint). B-raf protein kinase (BRAF) mutation status must be known prior to screening',
      ),
    ).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true', 'no_standard_option=true']);
  });
});

describe('routes said after their object', () => {
  it('reads "for which standard of care (SoC) therapy does not exist, no longer provides benefit, or is not tolerated …, or … assessed … as not being suitable for" (NCT06326411)', () => {
    expect(
      readRule(
        'Subjects who have a histologically or cytologically documented metastatic or locally advanced solid tumor, for which standard of care (SoC) therapy does not exist, no longer provides benefit, or is not tolerated by the subject, or the subject has been assessed by the Investigator as not being suitable for SoC therapy.',
        'inclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          { any: [extent('metastatic'), extent('locally_advanced')] },
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
          {
            any: [
              attest('no_standard_option', true),
              attest('standard_therapy_failed', true),
              attest('standard_therapy_intolerant', true),
              attest('standard_therapy_ineligible', true),
            ],
          },
        ],
      },
      unread: '',
    });
  });
});

describe('lines that stay unread', () => {
  it('leaves the tail of a sentence another criterion began unread ("The Investigator unlikely to benefit from SOC therapy", NCT04370587)', () => {
    expect(
      stdTopics(
        'The Investigator unlikely to benefit from SOC therapy. Inclusion Diagnosis Phase 1 - Histologically or pathologically confirmed locally recurrent or metastatic advanced malignancy.\n\n   Phase 2a Part 1 i. Arm A - locally recurrent or metastatic melanoma. Participants must have received no more than 3 prior regimens for advanced or metastatic disease.',
      ),
    ).toEqual([]);
  });

  it('does not read "such therapy" that points back to a named therapy (NCT03983954, NCT06270706)', () => {
    expect(
      stdTopics(
        'Patients with prior anti-PD-1, anti PD-L1, or anti-CTLA4 therapy are eligible if they have received such therapy for a minimum of 6 months and if they have documented progression of their disease on or off such therapy.',
      ),
    ).toEqual([]);
    expect(
      stdTopics(
        'Must have subsequently developed radiographic disease progression while receiving anti-PD-1 or anti-PD-L1 treatment or within ≤12 weeks after the last dose of such treatment',
      ),
    ).toEqual([]);
  });

  it('leaves a list for one cohort, labelled before it, unread (NCT06839105)', () => {
    expect(
      stdTopics(
        'Other advanced malignancies: patients with advanced malignancies who have failed or been intolerant to standard treatment or have no standard treatment options.',
      ),
    ).toEqual([]);
  });

  it('leaves "relapsed/refractory after standard therapy" unread, whose disease state the stage reader holds (NCT07410494)', () => {
    // Read, the routes would be required beside the disease state that the slash joins to them.
    expect(
      stdTopics(
        'Histologically or cytologically confirmed advanced/unresectable or metastatic solid tumor that is relapsed/refractory after standard therapy, or no standard therapy available.',
      ),
    ).toEqual([]);
  });
});
