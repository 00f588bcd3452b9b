/**
 * A performance status named adequate or poor with no value: the protocol sets the level, so the
 * study team answers it (attestation adequate_performance_status). Real corpus lines with the rule
 * they must get, and lines that must not get it.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, readRule } from '../support/criteria';

describe('a performance status with no value (adequate_performance_status)', () => {
  it('has a plain question in rules/attestations.json', () => {
    const topic = lexicons().attestations.topics.find((t) => t.id === 'adequate_performance_status');
    expect(topic?.question).toMatch(/\?$/);
  });

  it('reads an adequate status among inclusions and a poor one among exclusions', () => {
    expect(readRule('Adequate ECOG performance status', 'inclusion')).toEqual({
      condition: attest('adequate_performance_status', true),
      unread: '',
    });
    expect(readRule('Poor performance status', 'exclusion')).toEqual({
      condition: attest('adequate_performance_status', false),
      unread: '',
    });
    expect(
      readRule(
        'Adequate hematologic, coagulation, hepatic and renal function and ECOG score as defined per protocol.',
        'inclusion',
      ),
    ).toEqual({
      condition: { all: [attest('adequate_organ_function', true), attest('adequate_performance_status', true)] },
      unread: '',
    });
  });

  it('reads a value as the scale, and leaves an adequate status among exclusions unread', () => {
    expect(attestationTopics(readRule('Adequate performance status of 0-1', 'inclusion').condition)).toEqual([]);
    expect(readRule('Adequate performance status of 0-1', 'inclusion').condition).toEqual({
      fact: 'ecog',
      operator: 'lessThanInclusive',
      value: 1,
    });
    expect(readRule('Adequate ECOG performance status', 'exclusion').condition).toBeNull();
    expect(
      readRule(
        'Patients with bone metastases may be included if they have a decrease in performance status or narcotic analgesic requirement.',
        'inclusion',
      ).condition,
    ).toBeNull();
  });
});
