/**
 * Menopausal status required of every patient (history-menopause.ts), read as
 * attestation(postmenopausal) from real corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz);
 * premenopausal reads as not postmenopausal. Never read in a definition of childbearing potential,
 * as one route among others, as a permission, or as a bare item of a list of what spares a woman the
 * pregnancy test.
 */
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { attest, readRule } from '../support/criteria';

const post = (value: boolean) => attest('postmenopausal', value);
const topicIn = (text: string, kind: 'inclusion' | 'exclusion' = 'inclusion', context: string[] = []): boolean => {
  const { condition } = readRule(text, kind, context);
  return condition !== null && leavesOf(condition).some((l) => l.fact === 'attestation' && (l.params as { topic?: string }).topic === 'postmenopausal');
};

describe('menopausal status required of the patient', () => {
  it('reads "The patient must be postmenopausal woman." (NCT01176916)', () => {
    expect(readRule('The patient must be postmenopausal woman.', 'inclusion')).toEqual({ condition: post(true), unread: '' });
  });

  it('reads "Post-menopausal status" beside the age limit (NCT00286117)', () => {
    const [c] = parseCriteria('Inclusion Criteria:\n\n* Post-menopausal status; age ≤75 years;');
    expect(c!.status).toBe('parsed');
    expect(c!.rule).toEqual({ all: [post(true), { fact: 'age', operator: 'lessThanInclusive', value: 75 }] });
  });

  it('reads "Females must be post-menopausal", the hormone replacement left unread (NCT06428721)', () => {
    const { condition, unread } = readRule('Females must be post-menopausal and not be on systemic hormone replacement therapy', 'inclusion');
    expect(leavesOf(condition!)).toContainEqual(post(true));
    expect(unread).toContain('hormone replacement');
  });

  it('reads "postmenopausal women" with its definition in parentheses (NCT01972984)', () => {
    const text =
      'Newly diagnosed postmenopausal women (Women are considered post-menopausal and not of child bearing potential if they have had 12 months of natural (spontaneous) amenorrhea with an appropriate clinical profile (e.g., age appropriate, history of vasomotor symptoms) or six months of spontaneous amenorrhea with serum FSH levels \\> 40 mIU/mL and estradiol \\< 20 pg/mL or have had surgical bilateral oophorectomy (with or without hysterectomy) at least six weeks ago)';
    expect(leavesOf(readRule(text, 'inclusion').condition!)).toContainEqual(post(true));
  });

  it('reads premenopausal as not postmenopausal (NCT07138222)', () => {
    const text =
      'Patient is premenopausal (defined as baseline FSH within the premenopausal range per local laboratory at registration). Women on hormonal contraception who have an abnormal FSH level, will be included if their AMH level is greater than or equal to 1.0 pmol/L at registration';
    expect(leavesOf(readRule(text, 'inclusion').condition!)).toContainEqual(post(false));
  });

  it('has a question for the patient in rules/attestations.json', () => {
    const topic = lexicons().attestations.topics.find((t) => t.id === 'postmenopausal');
    expect(topic?.question).toMatch(/menopause/);
  });
});

describe('menopausal status that is not a requirement', () => {
  it.each([
    // Items of a definition of who need not use contraception (NCT05546827, NCT07237100).
    ['Postmenopausal (no menses in greater than or equal to 12 consecutive months).', []],
    ['is postmenopausal (total cessation of menses for ≥1 year), OR', ['Patient is of non-childbearing potential (i.e., physiologically incapable of becoming pregnant), including any female who:']],
    // A route among others, or both statuses (NCT07448831, NCT02513394).
    ['Female patients must be surgically sterile or be postmenopausal (A postmenopausal state is defined as no menses for 12 months without an alternative medical cause).', []],
    ['Pre- and postmenopausal women or men with Stage II (Stage IIA limited to max. 1000 patients) or Stage III early invasive breast cancer', []],
    // A permission (NCT07287917).
    ['Premenopausal patients with ER+ HER2-breast cancer may be enrolled and should be maintained on an agent for ovarian suppression', []],
  ] as Array<[string, string[]]>)('does not read %s', (text, context) => {
    expect(topicIn(text, 'inclusion', context)).toBe(false);
  });

  it('does not read a definition among exclusions (NCT06362369)', () => {
    expect(topicIn('a) Postmenopausal with \\> 1 year since last menses and:', 'exclusion')).toBe(false);
  });
});
