/**
 * A treatment refused or permitted before the start of a treatment ("… is not accepted prior to the
 * initiation of curative treatment …", "… is accepted before starting curative treatment with …"):
 *
 * - "is not accepted" is a post-negation like "is not allowed" (rules/negation.json), and "X is not
 *   allowed/accepted before …" says X is a treatment the patient may have had, the cue a receipt needs
 *   (therapy.ts PROHIBITED_BEFORE_AFTER_RE). Counted to the study's start it forbids X outright;
 *   counted to another event (curative treatment, which may lie in the patient's past) whoever never had
 *   X passes and whoever had it is left to the coordinator: any(not X, unread).
 * - The treatment a permitted one is timed against is the study's, its members however they combine
 *   ("with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3"): it stays out of the permission's gate.
 * - A permission is no requirement: no reading here fails a patient who never had the treatment.
 *
 * Corpus lines quoted exactly (NCT05856565).
 */
import type { Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, therapy, therapyLeaves, unparsed } from '../support/criteria';

const CHEMO = { name: 'carboplatin', kind: 'systemic' as const, start: '2024-01-10' };

describe('a treatment refused before the start of curative treatment', () => {
  it.each([
    'Chemotherapy is not accepted prior to the initiation of curative treatment with immunotherapy.',
    'Chemotherapy is not accepted before the start of curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.',
  ])('reads "%s" as no chemotherapy, the event it is counted to unread beside it', (line) => {
    const rule = criterionRule(line, 'inclusion');
    expect(rule).toEqual({ any: [therapy({ kinds: ['chemotherapy'] }, false), unparsed(line.replace(/\.$/, ''), false)] });
    // Never had chemotherapy: eligible. Had it: the coordinator judges when, never failed outright.
    expect(judgeRecord(rule, { treatments: [] })).toBe(true);
    expect(judgeRecord(rule, { treatments: [CHEMO] })).toBeNull();
    // The treatment it is counted to is the study's, never required.
    expect(therapyLeaves(rule).every((l) => 'value' in l && l.value === false)).toBe(true);
  });

  it('forbids the treatment outright before the study’s own start', () => {
    const rule = criterionRule('Chemotherapy is not allowed prior to enrollment.', 'inclusion');
    expect(rule).toEqual({ all: [therapy({ kinds: ['chemotherapy'] }, false)] });
    expect(judgeRecord(rule, { treatments: [CHEMO] })).toBe(false);
    expect(judgeRecord(rule, { treatments: [] })).toBe(true);
  });

  it('keeps "was not accepted by the patient" unread: a refusal, not a prohibition', () => {
    expect(therapyLeaves(criterionRule('Prior chemotherapy was not accepted by the patient.', 'inclusion'))).toEqual([]);
  });
});

describe('a treatment permitted before starting curative treatment with a combination', () => {
  const line = 'Targeted therapy is accepted before starting curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.';

  it('reads the permission as a gate on the permitted treatment alone, the anchor’s members out of it', () => {
    const rule = criterionRule(line, 'inclusion');
    const gate: Condition = therapy({ kinds: ['targeted'] }, false);
    expect(rule).toEqual({ any: [gate, unparsed(line.replace(/\.$/, ''))] });
    // Anti-PD-1, the study's treatment, counts against no one.
    expect(judgeRecord(rule, { treatments: [{ name: 'pembrolizumab', kind: 'systemic', start: '2024-01-10' }] })).toBe(true);
    // A permission never fails a patient: without the treatments eligible, with them unknown.
    expect(judgeRecord(rule, { treatments: [] })).toBe(true);
    expect(judgeRecord(rule, { treatments: [{ name: 'dabrafenib', kind: 'systemic', start: '2024-01-10' }] })).toBeNull();
  });
});
