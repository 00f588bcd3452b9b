/**
 * A bare generic noun right after a named cancer repeats the phrase's head ("adenocarcinoma of the
 * prostate cancer", "melanoma cancer"): it is part of the named cancer's mention, not a second cancer.
 * Read on its own it had made the criterion "any cancer", met by a breast cancer patient.
 * Verbatim corpus lines.
 */
import { foldGenericHeads, lexicons } from '../../src/criteria/lexicon';
import { judgeRecord, readLine, readRule } from '../support/criteria';

describe('a generic cancer noun after a named cancer', () => {
  it('joins the named cancer (NCT05914116 i46)', () => {
    expect(readLine('Pathologically documented adenocarcinoma of the prostate cancer.')).toBe('cancerType(codes: PRAD) = true  [parsed]');
    const text = 'adenocarcinoma of the prostate cancer';
    const mentions = foldGenericHeads(text, lexicons().index.scan(text)).filter((m) => m.type === 'cancer');
    expect(mentions.map((m) => [m.id, m.text])).toEqual([['PRAD', 'adenocarcinoma of the prostate cancer']]);
  });

  it('no longer lets a breast cancer patient meet a prostate criterion', () => {
    const { condition } = readRule('Pathologically documented adenocarcinoma of the prostate cancer.', 'inclusion');
    expect(judgeRecord(condition!, { cancers: [{ type: 'breast cancer' }] })).toBe(false);
    expect(judgeRecord(condition!, { cancers: [{ type: 'prostate adenocarcinoma' }] })).toBe(true);
  });

  it('keeps the last member of a list its own cancer (NCT06685562 i2 form)', () => {
    expect(readLine('diagnosed with colorectal, breast cancer or melanoma cancer')).toContain('MELANOMA');
    expect(readLine('diagnosed with colorectal, breast cancer or melanoma cancer')).not.toContain('ANY_CANCER');
  });

  it('leaves plural nouns naming other malignancies alone ("non-melanoma malignancies")', () => {
    const text = 'other active, non-melanoma cancers';
    const mentions = foldGenericHeads(text, lexicons().index.scan(text)).filter((m) => m.type === 'cancer');
    expect(mentions.map((m) => m.id)).toContain('ANY_CANCER');
  });
});

describe('a generic cancer noun shared by a list', () => {
  it('stays every member’s when the members before it have no head of their own (NCT07415564 i2)', () => {
    const line = readLine('Diagnosed with metastatic or stage IV breast, gastrointestinal (GI), and melanoma cancer');
    expect(line).toContain('ANY_CANCER');
    expect(line).not.toContain('MELANOMA');
  });
});
