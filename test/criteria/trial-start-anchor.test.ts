/**
 * The trial's own start that a window counts from ("… within 28 days of first dose of tarlatamab",
 * "… prior to starting study treatment", "… of pre-registration") is read with the window. Left
 * unread, the study drug's name stood in an exclusion as one more way to be excluded, and the
 * criterion was unknown for every patient. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, readRule } from '../support/criteria';

const unreadLeaves = (c: Condition): string[] => leavesOf(c).filter((l) => l.fact === 'unparsed').map((l) => String((l.params as { text?: string }).text));

describe('the trial start a window counts from', () => {
  it('reads the study drug named as the anchor (NCT04752826 e7, NCT03829254 e5, NCT07376707 e29)', () => {
    const immuno = criterionRule('Immunotherapy within 4 weeks prior to the first dose of BI-1808.', 'exclusion');
    expect(unreadLeaves(immuno)).toEqual([]);
    // Immunotherapy a week ago excludes; two months ago does not.
    expect(judgeRecord(immuno, { treatments: [{ name: 'pembrolizumab', start: '2025-05-20' }] })).toBe(true);
    expect(judgeRecord(immuno, { treatments: [{ name: 'pembrolizumab', start: '2025-01-10', end: '2025-03-01' }] })).toBe(false);
    expect(unreadLeaves(criterionRule('For hormone therapy within 14 days of first administration of NUC-7738', 'exclusion'))).toEqual([]);
    expect(readRule('Subject participated in any other clinical study and has received an investigational product within 28 days prior to the first dose of TGI-5.', 'exclusion').unread).toBe('');
  });

  it('reads "starting study drug" and "pre-registration" (NCT05605119 e19, NCT03513614 e8)', () => {
    expect(
      readRule(
        'History of another primary malignancy within 5 years prior to starting study drug, except for adequately treated basal or squamous cell carcinoma of the skin or cancer of the cervix in situ and the disease under study.',
        'exclusion',
      ).unread,
    ).toBe('');
    expect(readRule('Treatment with any experimental drug within 30 days of pre-registration', 'exclusion').unread).toBe('');
  });

  it('does not take a prior therapy named after "first dose of" for the trial\'s own start, nor read an anchor without a window', () => {
    // "chemotherapy" after the anchor's "of" is no study drug's name: it stays the text's to read.
    expect(readRule('Received radiotherapy within 4 weeks of the first dose of chemotherapy', 'exclusion').unread).not.toBe('');
    expect(readRule('Able to attend the first dose of NX-1607 in person', 'inclusion').unread).toContain('NX-1607');
  });
});
