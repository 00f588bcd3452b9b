/**
 * A kind of treatment narrowed by the targets named after it ("immunotherapy targeting CTLA-4, PD-1,
 * PD-L1 or LAG-3", "targeted therapy targeting BRAF and/or MEK") is read as the targets' classes
 * (therapy.ts targetHead): the kind heads the phrase and is no treatment of its own, so a patient given
 * another immunotherapy (interleukin-2) is not counted; the same holds before a class the lexicon reads
 * with its own cue ("anticancer therapy targeting immune-regulatory receptors"). A kind that does not hold the targets' classes
 * keeps the phrase unread; so does a target the lexicon lacks, except in an exclusion, where the kind is
 * necessary and the targets stay an unread leaf beside it. Criteria lines are verbatim from the corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) unless marked.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);
const given = (name: string): PatientRecord => ({ treatments: [{ name, start: '2024-01-10' }] });

describe('"<kind> targeting <targets>" is the targets\' classes', () => {
  it('reads "No prior immunotherapy targeting CTLA-4, PD-1, PD-L1 or LAG-3" as none of the four antibodies (NCT06240143)', () => {
    const r = readRule('No prior immunotherapy targeting CTLA-4, PD-1, PD-L1 or LAG-3;', 'inclusion');
    expect(r).toEqual({ condition: therapy({ classes: ['anti_ctla4', 'anti_pd1', 'anti_pd_l1', 'anti_lag3'] }, false), unread: '' });
    expect(judge(given('ipilimumab'), r.condition!)).toBe(false);
    expect(judge(given('relatlimab'), r.condition!)).toBe(false);
    // Another immunotherapy is not one of these.
    expect(judge(given('aldesleukin'), r.condition!)).toBe(true);
    expect(judge({ treatments: [] }, r.condition!)).toBe(true);
  });

  it('reads "No prior immunotherapy targeting CTLA-4, PD-1 or PD-L1." with the pair "PD-1 or PD-L1" read one by one (NCT06794775)', () => {
    const r = readRule('No prior immunotherapy targeting CTLA-4, PD-1 or PD-L1.', 'inclusion');
    expect(r).toEqual({ condition: therapy({ classes: ['anti_ctla4', 'anti_pd1', 'anti_pd_l1'] }, false), unread: '' });
    expect(judge(given('pembrolizumab'), r.condition!)).toBe(false);
    expect(judge(given('atezolizumab'), r.condition!)).toBe(false);
  });

  it('reads "No prior targeted therapy targeting BRAF and/or MEK." as neither inhibitor (NCT06794775)', () => {
    const r = readRule('No prior targeted therapy targeting BRAF and/or MEK.', 'inclusion');
    expect(r).toEqual({ condition: therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }, false), unread: '' });
    expect(judge(given('dabrafenib'), r.condition!)).toBe(false);
    expect(judge(given('trametinib'), r.condition!)).toBe(false);
    // Another targeted therapy is not one of these.
    expect(judge(given('osimertinib'), r.condition!)).toBe(true);
  });

  it('reads the exclusions with the disease they name left unread (NCT06754904)', () => {
    const braf = readRule('Prior targeted therapy targeting BRAF and/or MEK for melanoma', 'exclusion').condition!;
    expect(braf).toEqual({ all: [therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }), unparsed('melanoma')] });
    const io = readRule('Prior immunotherapy targeting CTLA-4, PD-1 or PD-L1 for melanoma', 'exclusion').condition!;
    expect(io).toEqual({ all: [therapy({ classes: ['anti_ctla4', 'anti_pd1', 'anti_pd_l1'] }), unparsed('melanoma')] });
    // Never had one: the exclusion does not apply, whatever "for melanoma" says; had one: unknown.
    expect(judge(given('aldesleukin'), io)).toBe(false);
    expect(judge(given('nivolumab'), io)).toBeNull();
  });

  it('reads a kind heading a class the lexicon names with its own cue, the other alternative left unread (NCT06627647)', () => {
    const r = readRule('Any prior exposure to an anti-TIGIT therapy or any other anticancer therapy targeting immune-regulatory receptors or mechanisms.', 'exclusion');
    expect(r.condition).toEqual(therapy({ classes: ['anti_tigit', 't_cell_receptor_agent'] }));
    // The parser joins the unread words as an alternative of the exclusion: any(therapy, unparsed).
    expect(r.unread).toBe('mechanisms');
    const c = { any: [r.condition!, unparsed('mechanisms')] };
    // A checkpoint antibody targets an immune-regulatory receptor: excluded; chemotherapy alone is not
    // one of these, and the other mechanisms stay open.
    expect(judge(given('pembrolizumab'), c)).toBe(true);
    expect(judge(given('carboplatin'), c)).toBeNull();
  });

  it('reads a pair the lexicon names as one class inside the targets one by one (made up)', () => {
    expect(readRule('Prior treatment with agents targeting PD-1, PD-L1, or CTLA-4', 'exclusion').condition).toEqual(
      therapy({ classes: ['anti_pd1', 'anti_pd_l1', 'anti_ctla4'] }),
    );
  });

  it.each([
    // A kind that holds no BRAF inhibitor (made up).
    ['Prior chemotherapy targeting BRAF', 'exclusion'],
    // A target the lexicon lacks, where the kind would be forbidden or required whole (made up).
    ['No prior immunotherapy targeting tyrosinase.', 'inclusion'],
  ] as const)('leaves "%s" unread', (text, kind) => {
    expect(therapyLeaves(readRule(text, kind).condition)).toEqual([]);
  });

  it('reads a target the lexicon lacks, in an exclusion, as the kind with the targets unread beside it (NCT02870244)', () => {
    const { condition } = readRule('Patients that have undergone immunotherapy targeting tyrosinase.', 'exclusion');
    expect(condition).toEqual({ all: [therapy({ kinds: ['immunotherapy'] }), unparsed('undergone immunotherapy targeting tyrosinase')] });
  });
});
