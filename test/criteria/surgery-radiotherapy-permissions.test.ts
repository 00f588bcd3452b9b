/**
 * "Patients may have undergone minor surgical procedures … within the past 3 weeks": a permission
 * (therapy.ts PERMISSION_RE), never a requirement to have had the operation. "may have undergone" and
 * "may have been treated with" say it as "may have received" does. And entries under a lead-in that
 * admits a group on conditions bind that group only. Real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { attest, criterionRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

/** The prior-therapy leaves that ask for the treatment to have been had (a requirement of it). */
const required = (c: Condition): Condition[] => therapyLeaves(c).filter((l) => (l as { value?: unknown }).value === true);

describe('"may have undergone" an operation is a permission', () => {
  it('does not require a recent operation of an inclusion that only allows one (NCT06630611 i27)', () => {
    const rule = criterionRule(
      'Patients may have undergone minor surgical procedures within the past 3 weeks, as long as all toxicities have recovered to grade 1 or less.',
      'inclusion',
    );
    // Before, the rule held priorTherapy(surgery, within 21 days) = true: every patient without a
    // recent operation failed the criterion that lets such operations in.
    expect(required(rule)).toEqual([]);
    expect(rule).toEqual({
      all: [attest('toxicity_recovered', true), unparsed('minor surgical procedures … 3 weeks, as long')],
    });
  });

  it('reads the note that allows minor operations or limited-field radiotherapy as a permission (NCT02830724 i21)', () => {
    const text =
      'Note: Patients may have undergone minor surgical procedures or limited field radiotherapy within the four weeks prior to enrollment, as long as related major organ toxicities have recovered to grade 1 or less.';
    const rule = criterionRule(text, 'inclusion');
    // A patient who had neither passes; one who had either is left to the words, which stay unread.
    expect(rule).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['surgery', 'radiation'] } },
        unparsed(text.replace(/\.$/, '')),
      ],
    });
  });

  it('keeps the requirement before the note and reads the note beside it (NCT05155033 i16)', () => {
    const rule = criterionRule(
      'More than four weeks must have elapsed since completion of any prior systemic therapy at the time of enrollment.\n\nNote: Participant may have undergone minor surgical procedures or limited field radiotherapy within the four weeks prior to enrollment, as long as related major organ toxicities have recovered to \\<= grade 1.',
      'inclusion',
    );
    expect(required(rule)).toEqual([]);
    expect(therapyLeaves(rule)).toContainEqual({
      fact: 'priorTherapy',
      operator: 'equal',
      value: false,
      params: { kinds: ['systemic'], withinDays: 28 },
    });
  });
});

/**
 * Inclusion entries under a lead-in that admits a group of patients on conditions bind that group only
 * (subgroups.ts admittedGroupHeading): a treatment an entry names is never required of every patient.
 */
describe('entries under a lead-in that admits a group of patients', () => {
  const subgroup = (text: string): Condition => ({ fact: 'unparsed', operator: 'equal', value: true, params: { text, subgroup: true } });
  const rules = (criteria: string): Record<string, unknown> =>
    Object.fromEntries(parseCriteria(criteria).map((c) => [c.text.trim(), c.rule]));

  it('binds a stability definition with radiosurgery to the patients with brain metastases (NCT02821013 i7)', () => {
    const lead = 'Patients with brain metastases are allowed, provided they are stable according to the following definitions';
    const r = rules(
      `Inclusion Criteria:\n\n${lead}:\n\n* Treated with stereotactic radiosurgery and without evidence of progression prior to randomization and have no evidence of new or enlarging brain metastases.`,
    );
    // Before, priorTherapy(radiation) was required of every patient, with or without brain metastases.
    expect(
      r['Treated with stereotactic radiosurgery and without evidence of progression prior to randomization and have no evidence of new or enlarging brain metastases.'],
    ).toEqual({
      any: [
        subgroup(lead),
        { all: [therapy({ kinds: ['radiation'] }), { fact: 'brainMetastases', operator: 'in', value: ['none', 'treated-stable'] }] },
      ],
    });
  });

  it('binds "Have received neoadjuvant therapy" to previously treated patients (NCT05231655 i7)', () => {
    const r = rules(
      'Inclusion Criteria:\n\nAble to give written informed consent\n\nPreviously treated patients are eligible if:\n\n* Have received neoadjuvant therapy for their tumour\n\nExclusion Criteria:\n\nPatients with a current positive COVID-19 infection',
    );
    const rule = r['Have received neoadjuvant therapy for their tumour'] as { any?: Condition[] };
    expect(rule.any?.[0]).toEqual(subgroup('Previously treated patients are eligible if'));
  });

  it('leaves entries under a lead-in for every patient binding everyone', () => {
    const r = rules('Inclusion Criteria:\n\nAll patients are eligible if:\n\n* Have received neoadjuvant therapy for their tumour');
    expect(JSON.stringify(r['Have received neoadjuvant therapy for their tumour'])).not.toContain('"subgroup":true');
  });
});
