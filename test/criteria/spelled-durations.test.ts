/**
 * A duration written in words ("at least one year", "one month") asks as much as one written in
 * digits. Its number word had been filler, so where no reader read the duration the criterion came
 * out parsed with the duration silently dropped; it is now shown unread, as "1 year" was. Verbatim
 * corpus lines.
 */
import { parseCriteria } from '../../src/criteria/parse';

const read = (line: string, kind: 'inclusion' | 'exclusion' = 'inclusion') =>
  parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n* ${line}`)[0]!;

describe('durations in words', () => {
  it('keeps an unread duration in words unread (NCT04559854 i1, NCT06384053 e6)', () => {
    const diagnosis = read('Diagnosis of breast or gynecologic cancer at least one year prior to enrollment');
    expect(diagnosis.status).toBe('partial');
    expect(JSON.stringify(diagnosis.rule)).toContain('"one"');
    const previous = read('Previous (one month) or concurrent Chemo- or Immunotherapy', 'exclusion');
    expect(previous.status).toBe('partial');
  });

  it('reads a duration in words alike to one in digits', () => {
    expect(read('Receiving immunotherapy for at least one month.').status).toBe(read('Receiving immunotherapy for at least 1 month.').status);
  });

  it('leaves a number word that counts no time as filler', () => {
    // "one of the following" and "at least one prior line" are read, or are filler, as before.
    expect(read('At least one prior line of systemic therapy.').status).toBe('parsed');
  });
});
