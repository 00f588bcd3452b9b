/**
 * Prior-therapy requirements of inclusions that the therapy reader used to leave unread or misread.
 * Lines are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz), with their
 * trial and criterion id, or cut down from one (said so).
 */
import { lines, readRule, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const params = (c: unknown): Record<string, unknown> => ((c as { params?: Record<string, unknown> }).params ?? {});

describe('an optional partner that is a coordination ("with or without Y or Z", "± Y and Z")', () => {
  it('after "or", reads X as sufficient and Z as an unread option, never Z alone as sufficient', () => {
    // Cut down from NCT06330064 i15 / NCT06953089 i14: it used to read any(cetuximab, platinum), which
    // lets in a patient with cetuximab alone, whom the partner reading rejects.
    const text = 'Must have received platinum-based chemotherapy with or without bevacizumab or cetuximab';
    const { condition } = readRule(`${text}.`, 'inclusion');
    expect(condition).toEqual({ any: [therapy({ classes: ['platinum'] }), unread(text)] });
  });

  it('after "or", leaves an alternative the partner may close open ("anti-PD1 +/- anti-CTLA4 or … or T-VEC", NCT06466434 i6)', () => {
    const text = 'Must have received anti-PD1 +/- anti-CTLA4 or anti-LAG3 inhibitors or talimogene laherparepvec';
    const { condition } = readRule(`${text}.`, 'inclusion');
    // A patient who had only T-VEC is not failed: the unread sentence stays beside anti-PD-1.
    expect(condition).toEqual({ any: [therapy({ classes: ['anti_pd1'] }), unread(text)] });
  });

  it('after "and", reads X as necessary (NCT07070232 i31), the exception kept beside it', () => {
    const text =
      'Must have received platinum-based chemotherapy, with or without an anti-PD-(L)1 agent and bevacizumab for metastatic/recurrent disease, unless the patient is not a candidate in the opinion of the treating physician.';
    const { condition } = readRule(text, 'inclusion');
    const leaves = therapyLeaves(condition);
    expect(leaves).toEqual([therapy({ classes: ['platinum'], setting: 'advanced' })]);
    // "unless …" spares some patients: the platinum is one sufficient option, never a bare requirement.
    expect(JSON.stringify(condition)).toContain('"any"');
    expect(JSON.stringify(condition)).toContain('not a candidate');
    expect(readRule('Must have received platinum-based chemotherapy with or without an anti-PD-1 agent and bevacizumab.', 'inclusion')).toEqual({
      condition: therapy({ classes: ['platinum'] }),
      unread: '',
    });
  });

  it('still takes a member after a comma as the list goes on ("± Y, or Z" may close the partner)', () => {
    const { condition } = readRule('Must have received platinum-based chemotherapy with or without bevacizumab, or cetuximab.', 'inclusion');
    // Not read as the partner: cetuximab stays an option of its own, as before.
    expect(therapyLeaves(condition).some((l) => (params(l).drugs as string[] | undefined)?.includes('cetuximab'))).toBe(true);
  });
});

describe('an optional partner of a treatment a count of lines includes', () => {
  it('leaves the count unconditional (NCT06172478 i9)', () => {
    const text = 'Disease progression after having received treatment with ≥2 prior lines of therapy that include PBC with or without anti-PD-1 therapy.';
    const { condition, unread } = readRule(text, 'inclusion');
    expect(condition).toEqual({
      all: [lines('greaterThanInclusive', 2), therapy({ kinds: ['systemic'], outcome: 'progression' })],
    });
    // "PBC" is no lexicon name: the treatment the lines included stays unread beside the count.
    expect(unread).toContain('PBC');
  });

  it('reads the included treatments and drops the partner (cut down from NCT06330064 i15)', () => {
    const text = 'Relapse or progression after 1 prior line of systemic therapy including a fluoropyrimidine plus oxaliplatin with or without bevacizumab.';
    expect(readRule(text, 'inclusion')).toEqual({
      condition: {
        all: [
          lines('greaterThanInclusive', 1),
          therapy({ kinds: ['systemic'], outcome: 'progression' }),
          therapy({ classes: ['fluoropyrimidine'] }),
          therapy({ drugs: ['oxaliplatin'] }),
        ],
      },
      unread: '',
    });
  });

  it('no longer reads the included treatment as an alternative to the count', () => {
    // It used to read any(oxaliplatin, systemic therapy), with the count left unread.
    const { condition } = readRule('Must have received 1 prior line of systemic therapy including oxaliplatin with or without bevacizumab.', 'inclusion');
    expect(condition).toEqual({ all: [lines('greaterThanInclusive', 1), therapy({ drugs: ['oxaliplatin'] })] });
  });

  it('keeps "only 1 prior line" exact where the partner follows (NCT06172478 i33)', () => {
    const text =
      'Disease progression after having received treatment with only 1 prior line of systemic anti-cancer therapy that includes 5-FU-based chemotherapy with or without an anti-PD-1 therapy.';
    const { condition } = readRule(text, 'inclusion');
    expect(JSON.stringify(condition)).toContain(JSON.stringify(lines('equal', 1)));
  });

  it('still gives up a count whose own noun has the partner (no "including")', () => {
    const { condition } = readRule('Relapse or progression after 1 prior line of systemic therapy with or without bevacizumab.', 'inclusion');
    expect(condition).toBeNull();
  });
});
