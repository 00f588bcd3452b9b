/**
 * Limits on the number of metastases, read as metastasisCount on real corpus lines: the limit's
 * operator, the site (brain, extracranial) and progression; words that narrow what is counted to
 * some of the metastases (a kind, one organ, "sites") are held beside the count in the direction that
 * never excludes a patient the text admits; counts of lesions that may include the primary tumour,
 * of removed lesions, or inside a condition are left unread.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { readRule, unparsed } from '../support/criteria';

const count = (
  operator: string,
  value: number,
  params?: { site?: 'brain' | 'extracranial'; progressive?: boolean },
): Condition => ({ fact: 'metastasisCount', operator, value, ...(params ? { params } : {}) }) as Condition;
const countLeaves = (c: Condition | null): Condition[] =>
  c ? leavesOf(c).filter((l) => l.fact === 'metastasisCount') : [];

describe('metastasisCount', () => {
  it('reads a range of brain metastases as its upper limit (having some is the brain reader’s)', () => {
    const r = readRule('Maximum 1-10 brain metastases at screening', 'inclusion');
    expect(countLeaves(r.condition)).toEqual([count('lessThanInclusive', 10, { site: 'brain' })]);
    expect(r.unread).toBe('');
    const r2 = readRule(
      '1 to 3 brain metastases, each with a maximum diameter of no more than 3 cm on contrast enhanced magnetic resonance imaging(MRI) scans',
      'inclusion',
    );
    expect(countLeaves(r2.condition)).toEqual([count('lessThanInclusive', 3, { site: 'brain' })]);
    expect(r2.unread).toContain('each with a maximum diameter');
  });

  it('reads a limit after "the total number of"', () => {
    expect(countLeaves(readRule('Total number of oligometastases of 1-5 including:', 'inclusion').condition)).toEqual([
      count('lessThanInclusive', 5),
    ]);
  });

  it('reads "more than N" in an exclusion as a strict lower limit', () => {
    expect(countLeaves(readRule('\\>3 brain metastasis', 'exclusion').condition)).toEqual([
      count('greaterThan', 3, { site: 'brain' }),
    ]);
    const r = readRule('Patients with more than two brain metastases.', 'exclusion');
    expect(countLeaves(r.condition)).toEqual([count('greaterThan', 2, { site: 'brain' })]);
  });

  it('holds "in one organ" beside a lower limit in an exclusion, so only a count that could meet it excludes', () => {
    expect(readRule('Patients with more than three metastatic lesion in one organ', 'exclusion').condition).toEqual({
      all: [count('greaterThan', 3), unparsed('in one organ')],
    });
  });

  it('reads sites of progressive disease outside the brain as a narrowed count', () => {
    expect(readRule('\\>10 extracranial sites of progressive disease.', 'exclusion').condition).toEqual({
      all: [count('greaterThan', 10, { site: 'extracranial', progressive: true }), unparsed('sites of progressive disease')],
    });
  });

  it('holds a narrowing kind beside an upper limit with any(): all metastases within the limit suffice', () => {
    const r = readRule(
      'Patients must have at least 1 and up to 8 total intact brain metastases detected on a contrast-enhanced MRI performed ≤ 21 days prior to registration',
      'inclusion',
    );
    expect(leavesOf(r.condition!)).toContainEqual(count('lessThanInclusive', 8, { site: 'brain' }));
    expect(r.condition).toMatchObject({
      all: expect.arrayContaining([{ any: [count('lessThanInclusive', 8, { site: 'brain' }), unparsed('intact')] }]),
    });
    const r2 = readRule('6\\. Up to 3 in-transit metastases are permitted as long as these are fully resectable.', 'inclusion');
    expect(JSON.stringify(r2.condition)).toContain(
      JSON.stringify({ any: [count('lessThanInclusive', 3), unparsed('in-transit')] }),
    );
    expect(r2.unread).toContain('fully resectable');
  });

  it('reads a count of sites after the cancer named as the diagnosis', () => {
    const r = readRule(
      'Histologically or cytologically confirmed NSCLC with 1-5 sites of disease progression while on or following systemic therapy with a checkpoint inhibitor with or without chemotherapy for at least 3 months',
      'inclusion',
    );
    expect(r.condition).toMatchObject({
      all: expect.arrayContaining([
        { any: [count('lessThanInclusive', 5, { progressive: true }), unparsed('sites of disease progression')] },
      ]),
    });
  });

  it('counts distant lesions of the named cancer as metastases', () => {
    const r = readRule(
      'Patients with more than 10 distant melanoma lesions in lung, liver, bone or brain combined. Patients with symptomatic or rapidly enlarging/bleeding brain lesions are excluded.',
      'exclusion',
    );
    expect(r.condition).toMatchObject({
      any: expect.arrayContaining([{ all: [count('greaterThan', 10), unparsed('in lung, liver, bone or brain combined')] }]),
    });
  });

  describe('negatives', () => {
    it('leaves lesions that may include the primary tumour unread', () => {
      expect(countLeaves(readRule('Patients with high tumor burden defined as \\> 10 lesions and/or sum of diameters \\> 19 cm', 'exclusion').condition)).toEqual([]);
      expect(countLeaves(readRule('Patients with 1-4 tumor sites that can be irradiated safely', 'inclusion').condition)).toEqual([]);
    });

    it('leaves removed lesions, conditions and "at least one" unread', () => {
      expect(countLeaves(readRule('No more than one excised metastatic lesion is permitted', 'inclusion').condition)).toEqual([]);
      expect(countLeaves(readRule('In case of 1-4 brain metastases:', 'inclusion').condition)).toEqual([]);
      expect(countLeaves(readRule('Measurable disease with at least 1 metastasis measuring at least 5mm', 'inclusion').condition)).toEqual([]);
      expect(
        countLeaves(
          readRule(
            'Participant has a history of brain metastases or leptomeningeal disease. Participants may be considered for enrollment if they have 4 or fewer brain metastatic lesions that are that have been treated, if clinically indicated.',
            'exclusion',
          ).condition,
        ),
      ).toEqual([]);
    });

    it('does not let a negation inside a later parenthesis turn the limit around', () => {
      const r = readRule(
        'Patients with 1-5 sites of metastatic disease not including the primary tumor and regional nodes (less than 3 metastatic lesions in one organ will be eligible and 4 or more metastatic lesions in one organ will be ineligible)',
        'inclusion',
      );
      expect(countLeaves(r.condition).filter((l) => 'operator' in l && l.operator === 'greaterThan')).toEqual([]);
    });
  });
});
