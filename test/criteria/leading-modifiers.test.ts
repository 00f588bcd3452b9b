import { parseCriteria } from '../../src/criteria/parse';
import { judgeRecord } from '../support/criteria';

// Real exclusion lines from the corpus whose opening word narrows the finding that was read.
function exclusion(line: string) {
  const [c] = parseCriteria(`Exclusion Criteria:\n\n* ${line}`);
  return c!;
}

describe('an unread word that opens an exclusion and runs into the finding narrows it', () => {
  it.each([
    ['Subungual melanoma', 'NCT03860883 e7'],
    ['Neurotropic melanoma', 'NCT07530887 e5'],
    ['Non-skin melanoma', 'NCT04126876 e4'],
    ['Bilateral breast cancer', 'NCT01785420 e1'],
    ['Restrictive cardiomyopathy', 'NCT01922921 e1'],
    ['Completely resected basal cell and squamous cell skin cancers.', 'NCT06771544 e4'],
  ])('"%s" (%s) excludes only with the qualifier: all(), never any()', (line) => {
    const c = exclusion(line);
    expect(c.status).toBe('partial');
    expect(Object.keys(c.rule)).toEqual(['all']);
    expect(JSON.stringify(c.rule)).toContain('"fact":"unparsed"');
  });

  it('leaves a melanoma patient unknown, not excluded, by "Subungual melanoma" in a melanoma trial', () => {
    const c = exclusion('Subungual melanoma');
    // Unknown (null) for a patient with cutaneous melanoma: the criterion may not concern them.
    expect(judgeRecord(c.rule, { cancers: [{ type: 'melanoma' }] })).toBeNull();
    expect(judgeRecord(c.rule, { cancers: [{ type: 'breast cancer' }] })).toBe(false);
  });
});

describe('words that are no modifier of the finding keep it sufficient', () => {
  it.each([
    ['Women during pregnancy or lactation.'],
    ['Positive status for human immunodeficiency virus (HIV).'],
    ['Current Class II or higher congestive heart failure as defined by the New York Heart Association (NYHA) functional classification system.'],
    ['Major trauma or major surgery within 4 weeks of first study drug administration.'],
    ['Planned for or previously had pelvic radiotherapy'],
  ])('"%s" still excludes on what was read: any()', (line) => {
    const c = exclusion(line);
    expect(Object.keys(c.rule)).toEqual(['any']);
  });

  it('does not narrow a whole list by a word before its first member (NCT07224425 e1)', () => {
    const c = exclusion('Active primary central nervous system (CNS) malignancy, active untreated CNS metastases and/or carcinomatous meningitis');
    expect(Object.keys(c.rule)).toEqual(['any']);
    expect(JSON.stringify(c.rule)).toContain('{"fact":"brainMetastases","operator":"in","value":["active"]}');
  });
});
