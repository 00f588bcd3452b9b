import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { CompiledRules, FALSE, TRUE, UNKNOWN } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { readRule, therapy } from '../support/criteria';

const lex = lexicons();
const rules = new CompiledRules(factTable(lex));
const patient = (record: PatientRecord) => rules.memo.context(normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01'));
/** The rule's three-valued result for a patient record. */
const run = (rule: Condition | null, record: PatientRecord): number => rules.run(rules.add(rule!), patient(record));

const marker = (gene: string, alteration: string, value = true): Condition => ({
  fact: 'biomarker',
  operator: 'equal',
  value,
  params: { gene, alteration, status: 'detected' },
});

const melanoma = { type: 'melanoma' };
const brafMutant = { name: 'BRAF', alteration: 'V600E', status: 'detected' as const };
const brafWild = { name: 'BRAF', status: 'wild type' as const };
const dabrafenib = { name: 'dabrafenib', kind: 'systemic' as const };
const pembrolizumab = { name: 'pembrolizumab', kind: 'systemic' as const };
const folfox = { name: 'FOLFOX', kind: 'systemic' as const };

describe('an inclusion requirement binds only the population the sentence names: any(not X, requirement)', () => {
  const text = 'Patients must have had prior testing for BRAF V600 mutations. Patients with BRAF V600 activating mutation must have received prior therapy with a BRAF/MEK inhibitor';
  const rule = readRule(text, 'inclusion');

  it('reads the second sentence whole as "not BRAF V600, or a BRAF/MEK inhibitor" (NCT06150664)', () => {
    expect(rule.unread).toBe('');
    expect(rule.condition).toEqual({
      all: [
        { any: [marker('BRAF', 'mutation'), marker('BRAF', 'mutation', false)] },
        { any: [marker('BRAF', 'V600', false), therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] })] },
      ],
    });
  });

  it('passes a BRAF wild-type patient who never had the inhibitor, fails a BRAF-mutant one, leaves an untested one open', () => {
    const sentence = readRule('Patients with BRAF V600 activating mutation must have received prior therapy with a BRAF/MEK inhibitor', 'inclusion').condition;
    expect(run(sentence, { cancers: [melanoma], biomarkers: [brafWild], treatments: [pembrolizumab] })).toBe(TRUE);
    expect(run(sentence, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [pembrolizumab] })).toBe(FALSE);
    expect(run(sentence, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [pembrolizumab, dabrafenib] })).toBe(TRUE);
    expect(run(sentence, { cancers: [melanoma], treatments: [pembrolizumab] })).toBe(UNKNOWN);
  });

  it('negates a population of several findings as a whole: a marker, a cancer and an extent (NCT05355701)', () => {
    const { condition, unread } = readRule('Participants with MSI-H/dMMR mCRC should receive prior immune checkpoint inhibitor therapy.', 'inclusion');
    expect(unread).toBe('');
    expect(condition).toEqual({
      any: [
        {
          all: [
            { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'MSI', status: 'high' } },
            { fact: 'biomarker', operator: 'equal', value: false, params: { gene: 'MMR', status: 'negative' } },
          ],
        },
        { fact: 'cancerType', operator: 'equal', value: false, params: { codes: ['CMC', 'COADREAD'] } },
        { fact: 'diseaseExtent', operator: 'equal', value: false, params: { extent: 'metastatic' } },
        therapy({ classes: ['checkpoint_inhibitor'] }),
      ],
    });
  });

  it('leaves an inclusion whose requirement is read only in part as the readers have it: it never fails a patient on it (NCT06330064)', () => {
    const { condition } = readRule(
      'Subjects with PD-(L)1+ or MSI-H/dMMR should receive ICI treatment if ICIs are standard of care in the country, unless the subject is ineligible for ICI treatment.',
      'inclusion',
    );
    // An MSI-high patient who never had a checkpoint inhibitor may be one it was not standard for.
    expect(run(condition, { cancers: [{ type: 'gastric cancer' }], biomarkers: [{ name: 'MSI', status: 'high' }], treatments: [folfox] })).toBe(UNKNOWN);
    expect(run(condition, { cancers: [{ type: 'gastric cancer' }], biomarkers: [{ name: 'MSI', status: 'high' }], treatments: [pembrolizumab] })).not.toBe(FALSE);
  });

  it('reads an "If the patient had X, …" sentence the same way (NCT07130032)', () => {
    const { condition } = readRule('If the patient had the BRAF V600 mutation, they were also treated with BRAF and MEK inhibitors.', 'inclusion');
    expect(condition).toEqual({ any: [marker('BRAF', 'V600', false), therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] })] });
  });

  it('does not cut a population list at its first comma ("For patients with EGFR, ALK or ROS1 alterations, …")', () => {
    const { condition } = readRule('For patients with EGFR, ALK or ROS1 alterations, prior targeted therapy is required.', 'inclusion');
    // ALK and ROS1 stay in the population: a patient with an ALK fusion is not asked nothing.
    expect(JSON.stringify(condition)).toContain('"gene":"ROS1"');
    // Not any(not EGFR, "ALK or ROS1 alterations, prior targeted therapy …" read as the requirement).
    expect(JSON.stringify(condition)).not.toMatch(/^\{"any":\[\{"fact":"biomarker","operator":"equal","value":false,"params":\{"gene":"EGFR"[^}]*\}\},\{"any"/);
  });

  it('counts the sentence read whole in the criterion (NCT06150664)', () => {
    const [c] = parseCriteria(
      'Inclusion Criteria:\n\n* Patients must have had prior testing for BRAF V600 mutations. Patients with BRAF V600 activating mutation must have received prior therapy with a BRAF/MEK inhibitor',
    );
    expect(c!.status).toBe('parsed');
    expect(c!.categoriesRead).toEqual(expect.arrayContaining(['biomarker', 'prior_therapy']));
  });

  it('leaves the sentence to the readers when a later one may let in patients it would fail (NCT04562129)', () => {
    const { condition } = readRule(
      'Patients with BRAF V600 mutant melanoma must have previously received BRAF targeted therapy for metastatic melanoma and later experienced disease progression. Patients who refuse or decline to receive BRAF targeted therapy or were intolerant of BRAF targeted therapy are eligible.',
      'inclusion',
    );
    // A BRAF-mutant patient who refused the inhibitor is eligible by the second sentence.
    expect(run(condition, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [pembrolizumab] })).not.toBe(FALSE);
  });

  it('does not take a population whose words the readers could not read whole ("actionable target tumor mutation", "V600E mutations")', () => {
    const actionable = readRule('Subjects with actionable target tumor mutation should have been previously treated with targeted therapy.', 'inclusion').condition;
    expect(JSON.stringify(actionable)).not.toContain('biomarker');
    // Unread, as before: no marker names the population.
    expect(
      readRule('Patients with V600E mutations are eligible if they have failed an approved BRAF inhibitor or MEK inhibitor therapy or have refused treatment with an approved BRAF inhibitor or MEK inhibitor.', 'inclusion')
        .condition,
    ).toBeNull();
  });

  it('does not read a sentence whose population finding the biomarker reader took as required ("must have stage IV disease")', () => {
    const { condition } = readRule('Patients with BRAF V600E mutant melanoma must have unresectable stage III or stage IV disease.', 'inclusion');
    expect(JSON.stringify(condition)).not.toContain('"value":false');
  });
});

describe('an exclusion of a population that lacks a treatment: all(X, not T)', () => {
  it('excludes MSI-H/dMMR patients who never had a checkpoint inhibitor, and only them (NCT03947385)', () => {
    const { condition, unread } = readRule('Known MSI-H/dMMR tumors who have not previously received immune checkpoint inhibitors', 'exclusion');
    expect(unread).toBe('');
    expect(condition).toEqual({
      all: [
        {
          any: [
            { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'MSI', status: 'high' } },
            { fact: 'biomarker', operator: 'equal', value: true, params: { gene: 'MMR', status: 'negative' } },
          ],
        },
        therapy({ classes: ['checkpoint_inhibitor'] }, false),
      ],
    });
    const crc = { type: 'colorectal cancer' };
    // The rule is what excludes: TRUE excludes the patient.
    expect(run(condition, { cancers: [crc], biomarkers: [{ name: 'MSI', status: 'high' }], treatments: [folfox] })).toBe(TRUE);
    expect(run(condition, { cancers: [crc], biomarkers: [{ name: 'MSI', status: 'high' }], treatments: [pembrolizumab] })).toBe(FALSE);
  });

  it('reads "Participant with known dMMR/MSI-H status who has not received immunotherapy treatments" (NCT06750094)', () => {
    const { condition, unread } = readRule(
      'Participant with known mismatch repair deficiency (dMMR)/ high microsatellite instability (MSI-H) status who has not received immunotherapy treatments',
      'exclusion',
    );
    expect(unread).toBe('');
    expect(condition).toEqual(expect.objectContaining({ all: expect.arrayContaining([therapy({ kinds: ['immunotherapy'] }, false)]) }));
    const crc = { type: 'colorectal cancer' };
    const msiHigh = [{ name: 'MSI', status: 'high' as const }, { name: 'MMR', status: 'negative' as const }];
    expect(run(condition, { cancers: [crc], biomarkers: msiHigh, treatments: [pembrolizumab] })).toBe(FALSE);
    expect(run(condition, { cancers: [crc], biomarkers: msiHigh, treatments: [folfox] })).toBe(TRUE);
  });

  it('reads "have a BRAF V600 mutation, who have not received a prior BRAF/MEK TKI regimen" (NCT05549297)', () => {
    const { condition } = readRule('have a BRAF V600 mutation, who have not received a prior BRAF/MEK TKI regimen', 'exclusion');
    expect(condition).toEqual({ all: [marker('BRAF', 'V600'), therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }, false)] });
    expect(run(condition, { cancers: [melanoma], biomarkers: [brafWild], treatments: [] })).toBe(FALSE);
    expect(run(condition, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [dabrafenib] })).toBe(FALSE);
    expect(run(condition, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [pembrolizumab] })).toBe(TRUE);
  });

  it('no longer excludes every BRAF-mutant patient for "B-RAF driver mutation without prior receipt of BRAF +/- MEK inhibitors, unless …" (NCT06771544)', () => {
    const [c] = parseCriteria(
      'Exclusion Criteria:\n\n* Presence of B-RAF driver mutation without prior receipt of BRAF +/- MEK inhibitors, unless patient declines BRAF +/-MEK inhibition for any reason or is unable to tolerate BRAF and/or MEK inhibitors.',
    );
    // Untreated: excluded only if they did not decline, which is unread. Treated: never excluded (the
    // readers leave the "unless" beside the treatment, so the answer stays open rather than false).
    expect(run(c!.rule, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [dabrafenib] })).not.toBe(TRUE);
    expect(run(c!.rule, { cancers: [melanoma], biomarkers: [brafMutant], treatments: [pembrolizumab] })).toBe(UNKNOWN);
    expect(run(c!.rule, { cancers: [melanoma], biomarkers: [brafWild], treatments: [pembrolizumab] })).toBe(FALSE);
  });
});
