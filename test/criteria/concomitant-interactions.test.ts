/**
 * Concomitant medicines named by an interaction the FDA table of substrates, inhibitors and inducers
 * lists (CYP2C19 and CYP2B6 inducers and inhibitors, OATP1B1/1B3 and OAT1/OAT3 inhibitors, sensitive
 * CYP3A and CYP2B6 substrates, P-gp and BCRP substrates: scripts/lexicons/curated/drugs-medications.json),
 * and a patient still in another study's exclusion period (history-safety.ts, other_trial). Verbatim
 * corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attest, classesOf, criterionRule, drugsOf, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('interaction classes of the FDA table', () => {
  it('names each new class by its enzyme or transporter, in the spellings criteria use', () => {
    expect(classesOf('strong CYP2C19 inhibitors')).toEqual(['strong_cyp2c19_inhibitor']);
    expect(classesOf('moderate inducers of CYP2C19')).toEqual(['moderate_cyp2c19_inducer']);
    expect(classesOf('strong or moderate inducers of CYP2B6')).toEqual(['moderate_cyp2b6_inducer', 'strong_cyp2b6_inducer']);
    expect(classesOf('OATP1B inhibitor')).toEqual(['oatp1b_inhibitor']);
    expect(classesOf('inhibitors of OATP1B1/1B3')).toEqual(['oatp1b_inhibitor']);
    expect(classesOf('OAT3 inhibitors')).toEqual(['oat3_inhibitor']);
    expect(classesOf('sensitive CYP3A4 substrates')).toEqual(['sensitive_cyp3a_substrate']);
    expect(classesOf('Sensitive CYP2B6 substrates')).toEqual(['sensitive_cyp2b6_substrate']);
    expect(classesOf('P-gp substrates')).toEqual(['pgp_substrate']);
    expect(classesOf('substrates of BCRP')).toEqual(['bcrp_substrate']);
  });

  it('keeps a substrate class apart from the inhibitor class of the same enzyme', () => {
    expect(classesOf('strong CYP3A4 inhibitors')).toEqual(['strong_cyp3a_inhibitor']);
    expect(classesOf('P-gp inhibitors')).toEqual(['pgp_inhibitor']);
  });

  it('knows drugs the table lists and the lexicon lacked', () => {
    expect(drugsOf('digoxin')).toEqual(['digoxin']);
    expect(drugsOf('fexofenadine')).toEqual(['fexofenadine']);
    expect(drugsOf('probenecid')).toEqual(['probenecid']);
  });

  it('reads a bare line under a lead-in window as the class within it (NCT06380751)', () => {
    const { condition } = readRule('Sensitive CYP2B6 substrates', 'exclusion', [
      'Concomitant use of the following types of medications or herbal supplements within 21 days or at least 5 half-lives of randomisation:',
    ]);
    expect(therapyLeaves(condition)).toEqual([therapy({ classes: ['sensitive_cyp2b6_substrate'], withinDays: 21 })]);
  });

  it('reads sensitive CYP3A substrates beside a CYP2D6 inhibitor (NCT05039801)', () => {
    const rule = criterionRule(
      'Treatment with strong CYP450 subtype 2D6 (CYP2D6) inhibitors or sensitive CYP3A4 substrates within 7 days of the first dose of study drug.',
      'exclusion',
    );
    expect(rule).toEqual({ all: [therapy({ classes: ['strong_cyp2d6_inhibitor', 'sensitive_cyp3a_substrate'], withinDays: 7 })] });
    // Midazolam is a sensitive CYP3A substrate: taken 5 days ago it excludes; stopped months ago it does not.
    expect(judge({ treatments: [{ name: 'midazolam', start: '2025-05-27' }] }, rule)).toBe(true);
    expect(judge({ treatments: [{ name: 'midazolam', start: '2025-01-10', end: '2025-01-11' }] }, rule)).not.toBe(true);
  });

  it('reads a named drug of a new entry with its window (NCT07634380)', () => {
    const rule = criterionRule('Taking digoxin within 6 months of starting study drug', 'exclusion');
    expect(rule).toEqual({ all: [therapy({ drugs: ['digoxin'], withinDays: 180 })] });
    expect(judge({ treatments: [{ name: 'digoxin', start: '2025-03-01' }] }, rule)).toBe(true);
  });

  it('reads an OATP1B inhibitor only as a necessary part where the rest is unread (NCT06956690)', () => {
    const { condition } = readRule(
      'OATP1B inhibitor (including any prescription or non-prescription drugs or herbal supplements) ≤4 half-lives.',
      'exclusion',
      ['Any of the following treatment interventions within the specified time frame prior to study drug administration at study start:'],
    );
    const rule = condition!;
    expect(therapyLeaves(rule)).toEqual([therapy({ classes: ['oatp1b_inhibitor'] })]);
    // The half-lives stay unread: a patient on gemfibrozil is not excluded on the class alone.
    expect(judge({ treatments: [{ name: 'gemfibrozil', start: '2025-05-01' }] }, rule)).toBeNull();
  });

  it('gives CYP2C19 inhibitors their members (FDA: fluconazole, fluoxetine, fluvoxamine, ticlopidine strong)', () => {
    const rule = criterionRule('Use of strong CYP2C19 inhibitors within 14 days prior to the first dose.', 'exclusion');
    expect(rule).toEqual({ all: [therapy({ classes: ['strong_cyp2c19_inhibitor'], withinDays: 14 })] });
    expect(judge({ treatments: [{ name: 'fluconazole', start: '2025-05-25' }] }, rule)).toBe(true);
    // A medicine list is never complete: no listed inhibitor leaves the exclusion open, not cleared.
    expect(judge({ treatments: [] }, rule)).toBeNull();
  });
});

describe('another study\'s exclusion period', () => {
  it('reads it as taking part in another trial recently (NCT07070232)', () => {
    expect(criterionRule('Are subject to exclusion periods from another investigational study.', 'exclusion')).toEqual({
      all: [attest('other_trial', true)],
    });
  });

  it('keeps reading the period that a study in progress includes (NCT06627595)', () => {
    expect(criterionRule('person participating in another study that includes an ongoing exclusion period', 'exclusion')).toEqual({
      any: [attest('other_trial', true), unparsed('ongoing')],
    });
  });
});
