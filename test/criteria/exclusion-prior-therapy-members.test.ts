/**
 * Exclusions of prior therapy whose list holds members another reader takes or a bracket of examples
 * (therapy-transplant-members.ts, therapy.ts targetItems).
 */
import type { Condition } from '../../src/criteria/facts';
import { extractTherapy } from '../../src/criteria/extract/therapy';
import { lexicons } from '../../src/criteria/lexicon';
import { findScopes } from '../../src/criteria/negation';
import { normalise, tokenize } from '../../src/criteria/text';
import { CompiledRules, FALSE, TRUE, UNKNOWN } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { cond, criterionRule, readRule, therapy, unparsed } from '../support/criteria';

const lex = lexicons();
const rules = new CompiledRules(factTable(lex));
const patient = (record: PatientRecord) => rules.memo.context(normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01'));
/** The rule's three-valued result for a patient record: TRUE excludes. */
const run = (rule: Condition | null, record: PatientRecord): number => rules.run(rules.add(rule!), patient(record));

const melanoma = { type: 'melanoma' };

describe('a union of treatments and stem-cell transplants in an exclusion: each member excludes on its own', () => {
  it('reads "Prior chemotherapy or autologous stem cell transplantation" as any(), not all()', () => {
    const { condition, unread } = readRule('Prior chemotherapy or autologous hematopoietic stem cell transplantation.', 'exclusion');
    expect(unread).toBe('');
    expect(condition).toEqual({ any: [therapy({ kinds: ['chemotherapy'] }), cond({ names: ['autologous_stem_cell_transplant'] })] });
    // Chemotherapy alone excludes: read as all() it let this patient in.
    expect(run(condition, { cancers: [melanoma], treatments: [{ name: 'carboplatin', kind: 'systemic' }] })).toBe(TRUE);
  });

  it('reads the cell therapy between two transplants, each member its own alternative (NCT05147467 e1)', () => {
    const rule = criterionRule(
      'Prior history of allogeneic hematopoietic stem cell transplantation, adoptive cell immunotherapy or autologous hematopoietic stem cell transplantation within 24 months.',
      'exclusion',
    );
    expect(rule).toEqual({
      any: [
        { all: [cond({ names: ['allogeneic_stem_cell_transplant'] }), unparsed('within 24 months')] },
        therapy({ classes: ['cell_therapy'], withinDays: 720 }),
        cond({ names: ['autologous_stem_cell_transplant'], withinYears: 2 }),
      ],
    });
    // "adoptive cell immunotherapy" is adoptive cell therapy (NCI Dictionary: adoptive cell transfer).
    expect(run(rule, { cancers: [melanoma], treatments: [{ name: 'lifileucel', kind: 'cell therapy', date: '2025-01-10' }] })).toBe(TRUE);
    expect(run(rule, { cancers: [melanoma], treatments: [{ name: 'pembrolizumab', kind: 'systemic', date: '2025-01-10' }], conditions: [] })).not.toBe(TRUE);
  });

  it('keeps the old joint reading where a window after a kept last member may bind the transplant too', () => {
    // Apart, the transplant would exclude one of any time; the window may be its as well.
    const { condition } = readRule('Prior allogeneic stem cell transplant or chemotherapy within 4 weeks.', 'exclusion');
    expect(JSON.stringify(condition)).not.toContain('"any"');
  });

  it('leaves a transplant named as an example of a generic treatment to the generic', () => {
    const rule = criterionRule(
      'Currently receiving active cancer treatment (e.g., active chemotherapy, radiation therapy or stem cell transplant); patients on stable maintenance therapy are eligible (e.g., endocrine therapy, targeted therapy, or select immunotherapy).',
      'exclusion',
    );
    expect(JSON.stringify(rule)).not.toContain('stem cell transplant …');
  });
});

describe('targets with a bracket of examples before their cue ("CTLA-4 (e.g., ipilimumab) directed therapy")', () => {
  it('reads the targets as their classes, the examples with them', () => {
    const { condition, unread } = readRule('Any prior CTLA-4 (e.g., ipilimumab) directed therapy', 'exclusion');
    expect(unread).toBe('');
    expect(condition).toEqual(therapy({ classes: ['anti_ctla4'] }));
  });

  it('reads the cohort line with its "unless" kept as the qualifier (NCT06594991 e3)', () => {
    const text =
      'For Cohort A: Any prior anti-LAG-3 (e.g., relatlimab) or CTLA-4 (e.g., ipilimumab) directed therapy, unless it was given in the adjuvant or neoadjuvant setting and the last dose was given more than three months prior to disease recurrence';
    const { condition, unread } = readRule(text, 'exclusion', ['Receipt of the following prior therapies:']);
    expect(unread).toBe('');
    expect(condition).toEqual({
      all: [{ any: [therapy({ drugs: ['relatlimab'] }), therapy({ classes: ['anti_lag3', 'anti_ctla4'] })] }, unparsed(expect.stringContaining('Cohort A') as unknown as string)],
    });
    // Outside the cohort, or with the therapy only in the adjuvant setting, the answer stays open.
    expect(run(condition, { cancers: [melanoma], treatments: [{ name: 'ipilimumab', kind: 'systemic' }] })).toBe(UNKNOWN);
    // Never had either: not excluded.
    expect(run(condition, { cancers: [melanoma], treatments: [{ name: 'pembrolizumab', kind: 'systemic' }] })).toBe(FALSE);
  });

  it('does not take an example outside the targets\' class', () => {
    // Nivolumab is no anti-CTLA-4: the phrase stays as it was read before.
    const { unread } = readRule('Any prior CTLA-4 (e.g., nivolumab) directed therapy', 'exclusion');
    expect(unread).toContain('CTLA-4');
  });
});

describe('target phrases stay fast on long runs of names', () => {
  it('reads a long run of target names with no head after it in well under a second', () => {
    // The therapy reader itself, past the length limit the criterion reader applies.
    for (const raw of ['PD-1 or '.repeat(5000) + 'x', 'targeting ' + 'PD-1, '.repeat(5000), 'CTLA-4 or '.repeat(4000) + '(e.g., x']) {
      const text = normalise(raw).text;
      const tokens = tokenize(text);
      const input = { kind: 'exclusion' as const, text, tokens, mentions: lex.index.scan(text, tokens), scopes: findScopes(text, lex, tokens), context: [], contextMentions: [], lex };
      const t0 = Date.now();
      extractTherapy(input);
      expect(Date.now() - t0).toBeLessThan(3000);
    }
  });
});

describe('"systemic non-hormonal anti-cancer therapy": systemic therapy except the hormonal kind', () => {
  it('reads NCT05894239 e2 with the hormonal kind left out, the cancer it was for kept unread', () => {
    const text = 'Any prior systemic non-hormonal anti-cancer therapy for locally advanced or metastatic HER2-positive breast cancer prior to initiation of induction therapy';
    const { condition } = readRule(text, 'exclusion');
    const leaf = therapy({ kinds: ['systemic'], setting: 'advanced', except: { kinds: ['hormonal'] } });
    expect(condition && 'all' in condition && condition.all).toContainEqual(leaf);
    const breast = { type: 'breast cancer' };
    // Endocrine therapy alone does not make the exclusion true; none at all rules it out.
    expect(run(leaf, { cancers: [breast], treatments: [{ name: 'tamoxifen', kind: 'systemic', setting: 'metastatic' }] })).toBe(FALSE);
    expect(run(leaf, { cancers: [breast], treatments: [{ name: 'paclitaxel', kind: 'systemic', setting: 'metastatic' }] })).toBe(TRUE);
    expect(run(condition, { cancers: [breast], treatments: [{ name: 'letrozole', kind: 'systemic', setting: 'metastatic' }] })).toBe(FALSE);
  });

  it('needs "systemic": a bare "non-hormonal anti-cancer therapy" may be radiotherapy too', () => {
    expect(readRule('Any prior non-hormonal anti-cancer therapy for metastatic breast cancer', 'exclusion').condition).toBeNull();
  });

  it('takes no "non-hormonal" that heads something other than a therapy ("non-hormonal contraceptive methods")', () => {
    expect(JSON.stringify(readRule('Use of non-hormonal contraceptive methods', 'exclusion').condition)).not.toContain('hormonal');
  });
});
