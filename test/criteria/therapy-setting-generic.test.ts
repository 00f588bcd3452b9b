/**
 * A generic prior treatment named by its setting: "Prior neoadjuvant or adjuvant therapy", "previous
 * (neo)adjuvant treatment" (therapy.ts GENERIC_RE). The setting word between the cue and the noun
 * left the generic treatment unread, so the permission "Prior neoadjuvant or adjuvant therapy is
 * allowed provided …" stayed unread although "Prior neoadjuvant or adjuvant chemotherapy is allowed"
 * read. The item is read only in a permission that opens the criterion: the bare receipt is the
 * setting-head reader's (therapy-local-qualified.ts, any anticancer treatment in the setting), and a
 * permission after another sentence carves out of that sentence (permissionAfter). A permission read
 * alone is no requirement: it must never fail a patient it lets in.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const ANY = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

describe('a generic prior treatment named by its setting', () => {
  // NCT06070012 i13 (NCT07057596 i5 says the same with "it was").
  const PERMISSION =
    'Prior neoadjuvant or adjuvant therapy is allowed provided administered in the curative setting in patients with localized disease.';

  it('reads the permission as no requirement, its condition kept unread', () => {
    const { condition, unread } = readRule(PERMISSION, 'inclusion');
    expect(condition).toEqual({
      any: [therapy({ kinds: ANY }, false), unparsed(PERMISSION.replace(/\.$/, ''))],
    });
    expect(unread).toBe('');
  });

  it('never fails a patient the permission lets in', () => {
    const { condition } = readRule(PERMISSION, 'inclusion');
    expect(judge({ treatments: [] }, condition!)).toBe(true);
    // Adjuvant chemotherapy: what the permission allows, under a condition left unread.
    expect(judge({ treatments: [{ name: 'cisplatin', setting: 'adjuvant', start: '2023-02-01' }] }, condition!)).not.toBe(false);
    // Metastatic therapy: nothing this line says either way.
    expect(judge({ treatments: [{ name: 'cisplatin', setting: 'metastatic', start: '2024-02-01' }] }, condition!)).not.toBe(false);
  });

  it('reads "Prior adjuvant therapy is allowed." alone as no requirement', () => {
    const { condition } = readRule('Prior adjuvant therapy is allowed.', 'inclusion');
    expect(condition).toEqual({ any: [therapy({ kinds: ANY }, false), unparsed('Prior adjuvant therapy is allowed')] });
  });

  it('leaves the bare receipt to the setting-head reader: any anticancer treatment in that setting', () => {
    // Read as a generic item of kind systemic, "No prior adjuvant therapy" would drop adjuvant radiotherapy.
    expect(readRule('Prior neoadjuvant therapy.', 'exclusion').condition).toEqual(therapy({ kinds: ANY, setting: 'neoadjuvant' }));
  });

  it('leaves a permission after another sentence to carve out of it', () => {
    const { condition } = readRule(
      'No prior systemic therapy. Prior adjuvant therapy is permitted, provided it was completed at least 3 weeks before enrollment.',
      'inclusion',
    );
    expect(condition).toEqual({
      any: [therapy({ kinds: ['systemic'] }, false), unparsed('Prior adjuvant therapy is permitted, provided it was completed at least 3 weeks before enrollment')],
    });
  });

  it('never reads a refusal as a permission', () => {
    expect(JSON.stringify(readRule('Prior neoadjuvant treatment is not allowed.', 'inclusion').condition)).not.toContain('"any"');
  });
});
