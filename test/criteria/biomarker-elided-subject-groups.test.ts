/**
 * Items that open on "With" / "Without" and a biomarker, their subject left to the heading above, and
 * name a group by a relative clause ("Without … BRAF mutation who have received at least one line …,
 * will be eligible" beside "With BRAF mutation who have received at least two lines …"). Each binds its
 * group only; read as a requirement of the biomarker (or of its absence), the two sibling items together
 * failed every patient. Lines verbatim from the oncology corpus (NCT06889766 i3, i4).
 */
import { leavesOf } from '../../src/criteria/facts';
import { judgeRecord, readRule } from '../support/criteria';
import type { PatientRecord } from '../../src/patients/record';

const HEADING = ['Patients with metastatic melanoma:'];
const TAIL = ' If the participant refuses or is, in the opinion of the investigator, ineligible for these treatments, the reason must be documented in the medical record.';
const WITHOUT =
  'Without proto-oncogene B-Raf (BRAF) mutation who have received at least one line of standard therapy and failed to respond, progressed or were intolerant to that therapy, will be eligible.' + TAIL;
const WITH = 'With BRAF mutation who have received at least two lines of standard therapy and failed to respond, progressed or were intolerant to that therapy, will be eligible.' + TAIL;

const braf = (mutated: boolean): PatientRecord => ({
  biomarkers: [mutated ? { name: 'BRAF', alteration: 'V600E', status: 'detected' } : { name: 'BRAF', status: 'not detected' }],
});

describe('a group named by "With(out) <biomarker> who …" under a heading', () => {
  it.each([WITHOUT, WITH])('does not require the biomarker or its absence: %s', (text) => {
    const { condition } = readRule(text, 'inclusion', HEADING);
    expect(leavesOf(condition!).some((l) => l.fact === 'biomarker')).toBe(false);
  });

  it('fails no patient on either sibling item, whatever their BRAF status', () => {
    for (const text of [WITHOUT, WITH]) {
      const { condition } = readRule(text, 'inclusion', HEADING);
      for (const mutated of [true, false]) expect(judgeRecord(condition!, braf(mutated))).not.toBe(false);
    }
  });

  it('still reads a bare "Without <biomarker>" item as a requirement', () => {
    const { condition } = readRule('Without BRAF V600 mutation.', 'inclusion', HEADING);
    expect(leavesOf(condition!).some((l) => l.fact === 'biomarker')).toBe(true);
  });
});
