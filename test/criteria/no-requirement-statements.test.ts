/**
 * Inclusion criteria that state no requirement at all are read as the fact noRequirement, which every
 * patient meets: before, each was unknown for everyone and asked a coordinator to check a sentence
 * that asks nothing. Only whole sentences of that shape, only in inclusions, and a biomarker's status
 * only for a marker the lexicon knows. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { criterionRule, judgeRecord } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');
const NONE = (about: string): Condition => ({ all: [{ fact: 'noRequirement', operator: 'equal', value: true, params: { about } }] });

describe('criteria that state no requirement', () => {
  it('reads a washout that is not required (NCT05026983 i6, NCT06047379 i27, NCT04851119 i8)', () => {
    expect(incl('No washout period is required')).toEqual(NONE('washout'));
    expect(incl('NOTE: No washout is necessary for alternating electrical fields.')).toEqual(NONE('washout'));
    expect(
      incl('A waiting period prior to enrollment is not required for patients receiving standard maintenance chemotherapy (i.e., corticosteroid, vincristine, thioguanine \\[6MP\\], and/or methotrexate)'),
    ).toEqual(NONE('washout'));
  });

  it('reads any status of a known biomarker (NCT05070247 i6, NCT07221734 i10, NCT03842943 i8, NCT01898039 i7)', () => {
    expect(incl('Melanoma can be of either mutant or wild-type B-RAF.')).toEqual(NONE('biomarker_status'));
    expect(incl('Participants are eligible regardless of PD-L1 status.')).toEqual(NONE('biomarker_status'));
    expect(incl('Any BRAF mutation status is allowed (BRAF-mutated, BRAF wild-type or non-mutated, or BRAF status unknown).')).toEqual(NONE('biomarker_status'));
    expect(incl('BRAF mutant or wild type allowed (mutations status not necessary for enrollment)')).toEqual(NONE('biomarker_status'));
  });

  it('does not read a permission of a finding, which implies the rest are not allowed (NCT05384496 i8, NCT05704647 i21)', () => {
    const none = (text: string): boolean => !JSON.stringify(incl(text)).includes('noRequirement');
    expect(none('Asymptomatic untreated brain metastases are allowed.')).toBe(true);
    expect(none('Steroids for physiological replacement are allowed.')).toBe(true);
  });

  it('is met by every patient, with a record or without one', () => {
    const rule = incl('Participants are eligible regardless of PD-L1 status.');
    expect(judgeRecord(rule, {})).toBe(true);
    expect(judgeRecord(rule, { biomarkers: [{ name: 'PD-L1', status: 'negative' }] })).toBe(true);
  });

  it('reads only the sentence that asks nothing, and leaves the rest of the criterion to be read (NCT01724606 i10)', () => {
    const [c] = parseCriteria(
      'Inclusion Criteria:\n\n* No limit to prior therapies with last anti-cancer treatment ≥2 weeks from initiation of WBRT. Please note: there is no washout period required for trastuzumab and pertuzumab.',
    );
    expect(c!.status).toBe('partial');
    expect(leavesOf(c!.rule).some((l) => l.fact === 'unparsed' && String((l.params as { text: string }).text).includes('2 weeks'))).toBe(true);
  });

  it('does not read an exclusion, an unknown marker, or a sentence that goes on to ask something', () => {
    expect(JSON.stringify(criterionRule('No washout period is required', 'exclusion'))).not.toContain('noRequirement');
    expect(JSON.stringify(incl('Participants are eligible regardless of their smoking status.'))).not.toContain('noRequirement');
    expect(
      JSON.stringify(incl('No upper limit to the number of total metastatic sites, but a maximum of ten progressive metastatic sites, inclusive of primary disease and metastatic lesions, all of which must be extra cranial.')),
    ).not.toContain('noRequirement');
  });
});
