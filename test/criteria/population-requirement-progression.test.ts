/**
 * Requirements on prior therapy that bind only the patients with a named marker ("Patients with X must
 * have progressed on Y"), read as any(not X, Y) in three forms the population reader used to leave
 * unread: under a cohort heading, with an open member list ("including, but not limited to EGFR, ALK
 * …"), and with a few narrowing words left over in the requirement ("prior FDA-approved targeted
 * therapy"). Lines marked with an NCT id are verbatim from the oncology corpus.
 */
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { CompiledRules, FALSE, TRUE, UNKNOWN } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { lines, readRule, therapy, unparsed } from '../support/criteria';

const lex = lexicons();
const rules = new CompiledRules(factTable(lex));
const patient = (record: PatientRecord) => rules.memo.context(normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01'));
const run = (rule: Condition | null, record: PatientRecord): number => rules.run(rules.add(rule!), patient(record));

const marker = (gene: string, alteration: string | undefined, value: boolean): Condition => ({
  fact: 'biomarker',
  operator: 'equal',
  value,
  params: { gene, ...(alteration ? { alteration } : {}), status: 'detected' },
});

const lung = { type: 'non-small cell lung cancer' };
const egfrMutant = { name: 'EGFR', alteration: 'L858R', status: 'detected' as const };
const egfrWild = { name: 'EGFR', status: 'wild type' as const };
const alkWild = { name: 'ALK', status: 'wild type' as const };
const osimertinibProgressed = { name: 'osimertinib', kind: 'systemic' as const, outcome: 'progression' as const };
const carboplatin = { name: 'carboplatin', kind: 'systemic' as const };

describe('a marker-bound requirement under a cohort heading', () => {
  const text = 'Patients with EGFR or ALK alterations must have progressed on prior targeted therapy';

  it('reads the population without the heading as an alternative of it: the assembler binds the criterion to the heading', () => {
    for (const context of [['Cohort 2:'], ['PHASE I PRE-REGISTRATION, ALL']]) {
      expect(readRule(text, 'inclusion', context)).toEqual({
        condition: {
          any: [{ all: [marker('EGFR', undefined, false), marker('ALK', undefined, false)] }, therapy({ kinds: ['targeted'], outcome: 'progression' })],
        },
        unread: '',
      });
    }
  });

  it('fails only a patient with the marker who did not progress on targeted therapy', () => {
    const { condition } = readRule(text, 'inclusion', ['Cohort 2:']);
    expect(run(condition, { cancers: [lung], biomarkers: [egfrWild, alkWild], treatments: [carboplatin] })).toBe(TRUE);
    expect(run(condition, { cancers: [lung], biomarkers: [egfrMutant], treatments: [carboplatin] })).toBe(FALSE);
    expect(run(condition, { cancers: [lung], biomarkers: [egfrMutant], treatments: [osimertinibProgressed] })).toBe(TRUE);
    expect(run(condition, { cancers: [lung], treatments: [carboplatin] })).toBe(UNKNOWN);
  });
});

describe('an open member list in the population and a narrowing word left in the requirement', () => {
  it('NCT05269381 i3: any(not a named member and not unread "other …", lines and progression beside unread "FDA-approved")', () => {
    const text =
      'Patients with actionable genomic abnormality including, but not limited to EGFR, ALK, MET, ROS-1, RET, NTRK, KRAS or BRAF must have received and progressed on at least one line of prior FDA-approved targeted therapy';
    const { condition, unread } = readRule(text, 'inclusion', ['PHASE I PRE-REGISTRATION, ALL']);
    expect(unread).toBe('');
    const any = (condition as { any: Condition[] }).any;
    expect(any).toHaveLength(2);
    // The unread "other" member makes "not X" unknown, never true, for a patient without the named ones.
    expect(JSON.stringify(any[0])).toContain(JSON.stringify(unparsed('other actionable genomic abnormality', false)));
    expect(JSON.stringify(any[0])).toContain(JSON.stringify(marker('EGFR', 'actionable alteration', false)));
    expect(any[1]).toEqual({
      all: [lines('greaterThanInclusive', 1, { kinds: ['targeted'] }), therapy({ kinds: ['systemic'], outcome: 'progression' }), unparsed('FDA-approved')],
    });
  });

  it('keeps the leftover word beside the requirement: necessary, so met only as unknown', () => {
    const { condition } = readRule('Patients with EGFR mutation must have received prior FDA-approved targeted therapy', 'inclusion');
    expect(condition).toEqual({ any: [marker('EGFR', 'mutation', false), { all: [therapy({ kinds: ['targeted'] }), unparsed('FDA-approved')] }] });
    expect(run(condition, { cancers: [lung], biomarkers: [egfrMutant], treatments: [carboplatin] })).toBe(FALSE);
    expect(run(condition, { cancers: [lung], biomarkers: [egfrMutant], treatments: [osimertinibProgressed] })).toBe(UNKNOWN);
  });

  it('reads "as well" after a marker-bound progression (NCT06330064 i49)', () => {
    const { condition, unread } = readRule(
      'If the subject had BRAF mutated melanoma or other actionable target tumor mutation, they must have had disease progression on targeted therapy as well.',
      'inclusion',
    );
    expect(unread).toBe('');
    expect((condition as { any: Condition[] }).any[1]).toEqual({ all: [therapy({ kinds: ['targeted'], outcome: 'progression' }), unparsed('well')] });
  });
});

describe('leftover words that may let patients in keep the requirement unread', () => {
  it.each(['Patients with EGFR mutation must have received prior FDA-approved targeted therapy if available'])('%s', (text) => {
    const { condition } = readRule(text, 'inclusion');
    expect(JSON.stringify(condition)).not.toContain('"fact":"priorTherapy"');
  });

  it('keeps a closing "unless …" as an unread way in beside the requirement, so no patient it lets in is failed', () => {
    const { condition } = readRule('Patients with EGFR mutation must have received prior FDA-approved targeted therapy, unless contraindicated', 'inclusion');
    expect((condition as { any: Condition[] }).any[2]).toEqual(unparsed('unless contraindicated'));
    // An EGFR-mutant patient without targeted therapy may be one for whom it is contraindicated: unknown, never failed.
    expect(run(condition, { biomarkers: [{ name: 'EGFR', alteration: 'L858R', status: 'detected' }], treatments: [] })).toBe(UNKNOWN);
    expect(run(condition, { biomarkers: [{ name: 'EGFR', status: 'not detected' }] })).toBe(TRUE);
  });

  it('leaves a long unread rest as the readers have it (NCT04562129 i9)', () => {
    const { condition } = readRule(
      'Patients with BRAF V600 mutant melanoma must have previously received BRAF targeted therapy for metastatic melanoma and later experienced disease progression.',
      'inclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('"fact":"priorTherapy"');
  });
});

describe('how progression was established, joined by "or", joins no findings', () => {
  it('keeps a receipt and a progression "radiologically or clinically determined" both required', () => {
    const { condition } = readRule(
      'Patients who have undergone at least one systemic therapy and have radiologically or clinically determined progressive disease during or after most recent line of therapy.',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [therapy({ kinds: ['systemic'] }), therapy({ kinds: ['systemic'], outcome: 'progression' }), unparsed('most recent')],
    });
  });

  it('keeps a cancer and its spread both required (NCT03947385 i2: "Uveal melanoma with histological or cytological confirmed metastatic disease")', () => {
    const { condition } = readRule('Uveal melanoma with histological or cytological confirmed metastatic disease.', 'inclusion');
    expect(condition).toEqual({
      all: [
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['UM'] } },
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
      ],
    });
  });
});

describe('MEK spelled out', () => {
  it.each([
    'Subject previously received a mitogen-activated protein kinase kinase (MEK) inhibitor',
    'Subject previously received a mitogen-activated extracellular signal-regulated kinase (MEK) inhibitor',
  ])('reads the class whole: %s', (text) => {
    expect(readRule(text, 'inclusion')).toEqual({ condition: therapy({ classes: ['mek_inhibitor'] }), unread: '' });
  });

  it('binds a marker-bound failure to its cohort (NCT05970497 i7)', () => {
    const { condition, unread } = readRule(
      'If proto-oncogene B-Raf (BRAF) V600 mutation-positive, subject previously failed a BRAF inhibitor or BRAF inhibitor in combination with mitogen-activated extracellular signal-regulated kinase (MEK) inhibitor',
      'inclusion',
      ['Cohorts 5 and 6 only: Histologically confirmed stage III (unresectable) or stage IV melanoma, as per American Joint Committee on Cancer (AJCC) staging system (8th edition; AJCC 2017) and'],
    );
    expect(unread).toBe('');
    const braf = therapy({ classes: ['braf_inhibitor'], outcome: 'progression' });
    expect(condition).toEqual({
      any: [marker('BRAF', 'V600', false), braf, { all: [braf, therapy({ classes: ['mek_inhibitor'], outcome: 'progression' })] }],
    });
  });
});

describe('what earlier lines "can include" is a permission, never a requirement', () => {
  it('reads the count and leaves the list after "which can include" unread (NCT07070232 i11, first sentence)', () => {
    const { condition, unread } = readRule(
      'Participants must have received 1 to 3 lines of systemic treatment in the metastatic setting, which can include anti-PD-1/PD-L1 therapy, chemotherapy, and anti-angiogenic agents.',
      'inclusion',
    );
    expect(condition).toEqual({ all: [lines('greaterThanInclusive', 1, { setting: 'metastatic' }), lines('lessThanInclusive', 3, { setting: 'metastatic' })] });
    expect(unread).toContain('chemotherapy');
  });

  it('still requires what the lines "must include"', () => {
    const { condition } = readRule('Participants must have received 1 to 3 lines of systemic treatment in the metastatic setting, which must include chemotherapy.', 'inclusion');
    expect(JSON.stringify(condition)).toContain(JSON.stringify(therapy({ kinds: ['chemotherapy'] })));
  });
});
