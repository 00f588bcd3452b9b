/**
 * Permissions of a treatment in an inclusion, read by the existing convention any(not X, permission):
 * a patient who never had X is let in, one who had it is left to the coordinator, nobody is failed.
 * The lines used to stay unread because of a second treatment named in them that is no requirement of
 * its own: the steroid a dose ceiling is counted in, a kind of the permitted treatment named again, a
 * second permitted treatment after the first one's setting, the study treatment the permission is timed
 * against. Every line is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { criterionRule, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const gate = (params: Record<string, unknown>, text: string): Condition => ({ any: [therapy(params, false), unparsed(text)] });
const falseTherapyLeaves = (c: Condition | null): Array<Record<string, unknown>> =>
  c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy' && l.value === false).map((l) => (l.params ?? {}) as Record<string, unknown>) : [];

describe('a steroid named as the unit of a dose ceiling', () => {
  // NCT04511013 i7
  const text =
    'Participants may be receiving corticosteroids for brain metastases at a dose of up to 8 mg of dexamethasone per day. The dose must not have exceeded 8 mg per day for at least 7 days prior to randomization';

  it('is the unit of the dose, not a second treatment: the permission is the steroid gate', () => {
    const first = 'Participants may be receiving corticosteroids for brain metastases at a dose of up to 8 mg of dexamethasone per day.';
    expect(readRule(first, 'inclusion').condition).toEqual(gate({ classes: ['corticosteroid'] }, first.slice(0, -1)));
  });

  it('fails nobody: no steroids passes the gate, steroids leave it to the coordinator', () => {
    const rule = criterionRule(text, 'inclusion');
    expect(judgeRecord(rule, {})).not.toBe(false);
    expect(judgeRecord(rule, { treatments: [{ name: 'dexamethasone', start: '2025-05-20' }] })).not.toBe(false);
  });

  it('reads "up to 10 mg of prednisone or the equivalent" the same way (NCT05909618 i7)', () => {
    const line = 'Patients may receive steroid supportive therapy up to 10 mg of prednisone or the equivalent.';
    expect(readRule(line, 'inclusion').condition).toEqual(gate({ classes: ['corticosteroid'] }, line.slice(0, -1)));
  });
});

describe('a kind of the permitted treatment named again', () => {
  it('joins the gate it only repeats (NCT06090266 i5)', () => {
    const line = 'Subjects may also have received additional anti-cancer therapies after failure of a PD-(L)1 inhibitor, but 2nd line subjects are preferred.';
    const { condition, unread } = readRule(line, 'inclusion');
    expect(unread).toBe('');
    expect(condition).toMatchObject({ any: [{ all: expect.any(Array) }, unparsed(line.slice(0, -1))] });
    expect(falseTherapyLeaves(condition).map((p) => p.classes ?? p.kinds)).toEqual([['anti_pd1_pdl1'], expect.arrayContaining(['systemic', 'radiation', 'surgery'])]);
  });

  it('reads the note beside a planned treatment as a gate and leaves the plan unread (NCT07225036 i4)', () => {
    const text =
      'Must be planning to, and able to, undergo active treatment with PD-L1 or PD-1 checkpoint immunotherapy given per standard care throughout the duration of the RT intervention per their treating physician. • Note: Patients may receive other SOC CTLA 4 inhibitors or other SOC chemotherapy/immunotherapy in combination with a SOC PD-L1 or PD-1 checkpoint inhibitor and remain eligible.';
    const { condition, unread } = readRule(text, 'inclusion');
    expect(unread).toContain('planning');
    expect(falseTherapyLeaves(condition).some((p) => Array.isArray(p.kinds) && (p.kinds as string[]).includes('immunotherapy'))).toBe(true);
    // The plan stays a requirement nobody meets on what was read.
    const rule = criterionRule(text, 'inclusion');
    expect(judgeRecord(rule, {})).toBeNull();
  });
});

describe('a second permitted treatment after the first one\'s setting', () => {
  it('is permitted with it (NCT04903119 i5)', () => {
    const line = 'Patient may have had prior immunotherapy for metastatic disease or prior cellular therapy (although NOT mandatory).';
    const { condition } = readRule(line, 'inclusion');
    expect(falseTherapyLeaves(condition)).toEqual([{ classes: ['cell_therapy'] }, { kinds: ['immunotherapy'] }]);
    expect(leavesOf(condition!).filter((l) => l.fact === 'unparsed')).toEqual([unparsed(line.slice(0, -1))]);
  });
});

describe('the study treatment a permission is timed against', () => {
  it('stays out of the gate: it is none of the patient\'s (NCT05856565 i3)', () => {
    const text = 'Inoperable primary tumours are eligible. Targeted therapy is accepted before the start of curative treatment with immunotherapy.';
    const { condition } = readRule(text, 'inclusion');
    expect(falseTherapyLeaves(condition)).toEqual([{ kinds: ['targeted'] }]);
    expect(judgeRecord(criterionRule(text, 'inclusion'), { treatments: [{ name: 'vemurafenib', start: '2024-01-10' }] })).not.toBe(false);
  });

  it('never turns a prohibition into a permission (NCT05856565 i8)', () => {
    const line = 'Chemotherapy is not accepted before the start of curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.';
    expect(falseTherapyLeaves(readRule(line, 'inclusion').condition).some((p) => Array.isArray(p.kinds) && (p.kinds as string[]).includes('targeted'))).toBe(false);
    expect(leavesOf(criterionRule(line, 'inclusion')).some((l) => l.fact === 'priorTherapy' && l.value === true)).toBe(false);
  });

  it('in an exclusion keeps the permission a gate that excludes nobody on its own (NCT05110196 e8)', () => {
    const line = 'Palliative radiotherapy for bone lesions ≤2 weeks prior to starting capmatinib is allowed.';
    const rule = criterionRule(line, 'exclusion');
    expect(judgeRecord(rule, { treatments: [{ name: 'radiotherapy', kind: 'radiation', start: '2025-05-25' }] })).not.toBe(true);
  });
});

describe('an exclusion item that only says who is not excluded', () => {
  // NCT05519085 e
  const text =
    'Subjects who progressed while being treated with, or within 60 days of last dose of bortezomib maintenance given once every 2 weeks (or less frequently) are not excluded.';

  it('is a permission, read as one said with "are eligible": the gate all(X, unread) that X alone never fires', () => {
    const rule = criterionRule(text, 'exclusion');
    expect(rule).toEqual({ all: [therapy({ drugs: ['bortezomib'] }, true), unparsed(text.slice(0, -1))] });
    expect(judgeRecord(rule, { treatments: [{ name: 'bortezomib', kind: 'systemic', start: '2024-01-10' }] })).toBeNull();
    expect(criterionRule('Participants who received ixazomib are not excluded.', 'exclusion')).toEqual({
      all: [therapy({ drugs: ['ixazomib'] }, true), unparsed('Participants who received ixazomib are not excluded')],
    });
  });

  it('stays the exception it is after an exclusion it carves from', () => {
    const rule = criterionRule('Prior chemotherapy. Patients who received tamoxifen are not excluded.', 'exclusion');
    expect(JSON.stringify(rule)).not.toContain('"drugs":["tamoxifen"]');
  });
});

