/**
 * Conditions from the long tail of the corpus's unread medical-history lines: visceral crisis and
 * dependence on parenteral nutrition (lexicon entries with a named source), a condition whose
 * presence the text leaves in doubt ("Unclear history of seizure"), "at risk of" narrowing a
 * condition, and a "with" clause a condition holds as its own qualifier, which joins it to nothing.
 * Real corpus lines, with their trial and criterion ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { cond, criterionRule, readCondition, readRule, unparsed } from '../support/criteria';

const brainMetastases: Condition = { fact: 'brainMetastases', operator: 'in', value: ['active', 'treated-stable'] };
const conditionNames = (c: Condition | null): string[][] =>
  (c ? leavesOf(c) : []).filter((l) => l.fact === 'condition').map((l) => (l.params as { names: string[] }).names);

describe('lexicon: visceral crisis and parenteral nutrition', () => {
  const lex = lexicons();

  it('names a source for each new entry and gives no code the classification lacks', () => {
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../rules/conditions.json'), 'utf8')) as {
      conditions: Array<{ id: string; source: string; icd10?: string[]; synonyms: string[] }>;
    };
    const entry = (id: string) => file.conditions.find((c) => c.id === id)!;
    expect(entry('visceral_crisis').source).toMatch(/ABC 5/);
    expect(entry('visceral_crisis').icd10).toBeUndefined();
    expect(entry('parenteral_nutrition_dependence').source).toMatch(/Parenteral Nutrition/);
    expect(lex.conditionById.has('visceral_crisis') && lex.conditionById.has('parenteral_nutrition_dependence')).toBe(true);
    // 'parenteral nutrition' alone is what other conditions require, not this status.
    expect(entry('parenteral_nutrition_dependence').synonyms).not.toContain('parenteral nutrition');
  });

  it('reads visceral crisis excluded, and its absence required (NCT11112222 e2, NCT05232006 i9)', () => {
    expect(readCondition('Visceral crisis', 'exclusion')).toEqual(cond({ names: ['visceral_crisis'] }));
    expect(readCondition('Patients without visceral crisis', 'inclusion')).toEqual(cond({ names: ['visceral_crisis'] }, false));
  });

  it('keeps what narrows the crisis beside it, so the exclusion is no wider than its text (NCT05232006 e3, NCT06760637 e1)', () => {
    expect(readCondition('Patients in visceral crisis requiring chemotherapy', 'exclusion')).toEqual({
      all: [cond({ names: ['visceral_crisis'] }), unparsed('requiring chemotherapy')],
    });
    expect(readCondition('In visceral crisis at risk of immediately life-threatening complications in the short term.', 'exclusion')).toEqual({
      all: [cond({ names: ['visceral_crisis'] }), unparsed('at risk of immediately life-threatening complications in the short term')],
    });
  });

  it('reads dependence on parenteral nutrition (NCT06295159 e24, NCT06411691 e20)', () => {
    expect(readCondition('Dependence on total parenteral nutrition.', 'exclusion')).toEqual(cond({ names: ['parenteral_nutrition_dependence'] }));
    expect(readCondition('On parenteral nutrition.', 'exclusion')).toEqual(cond({ names: ['parenteral_nutrition_dependence'] }));
  });

  it('does not read parenteral nutrition that another condition requires as a condition of its own (NCT07400302 e27)', () => {
    const c = readCondition(
      'History of gastrointestinal perforation and/or fistulae, bowel obstruction (including incomplete bowel obstruction requiring parenteral nutrition), extensive bowel resection',
      'exclusion',
    );
    expect(conditionNames(c).flat()).not.toContain('parenteral_nutrition_dependence');
  });
});

describe('a condition in doubt is not the condition', () => {
  it('leaves "Unclear history of seizure episodes" unread: the trial requires a seizure history (NCT06442748 e3)', () => {
    const r = readRule('Unclear history of seizure episodes in the past', 'exclusion');
    expect(r.condition).toBeNull();
    expect(r.unread).toMatch(/Unclear history of seizure/);
  });

  it('leaves an unknown infection status unread, before or after the name', () => {
    for (const text of ['Unknown HIV status', 'Patients with unknown hepatitis B status', 'HIV status unknown'])
      expect(conditionNames(readCondition(text, 'exclusion'))).toEqual([]);
  });

  it('still reads a known or plain history', () => {
    expect(readCondition('Known HIV infection', 'exclusion')).toEqual(cond({ names: ['hiv'] }));
    expect(readCondition('History of seizure', 'exclusion')).toEqual(cond({ names: ['seizure_disorder'] }));
  });
});

describe('"at risk of" after a condition narrows it', () => {
  it('holds the risk beside the varices (NCT06330064 i22 wording)', () => {
    expect(readCondition('Esophageal varices at high risk of bleeding', 'exclusion')).toEqual({
      all: [cond({ names: ['esophageal_varices'] }), unparsed('at high risk of bleeding')],
    });
  });
});

describe("a condition's own with-clause joins it to nothing", () => {
  it('keeps each item of the list an exclusion of its own (NCT06264921 e3)', () => {
    const rule = criterionRule(
      'Visceral crisis with life-threatening complications, lymphangitic spread, CNS metastasis and/or carcinomatous meningitis',
      'exclusion',
    );
    expect('any' in rule).toBe(true);
    const members = (rule as { any: Condition[] }).any;
    // The metastases exclude on their own, as before the crisis was read, not only with a crisis.
    expect(members).toContainEqual(brainMetastases);
    expect(members).toContainEqual({ all: [cond({ names: ['visceral_crisis'] }), unparsed('with life-threatening complications')] });
    expect(members).toContainEqual(cond({ names: ['leptomeningeal_disease'] }));
  });

  it('still joins a finding the clause itself names: the CD4 limit holds with the infection', () => {
    const c = readCondition('HIV infection with CD4 count < 200 cells/uL', 'exclusion');
    expect(c && 'all' in c ? c.all : []).toContainEqual({ fact: 'lab', operator: 'lessThan', value: 200, params: { name: 'cd4', unit: '/uL' } });
    expect(c && 'all' in c ? c.all : []).toContainEqual(cond({ names: ['hiv'] }));
  });

  it('still reads "with" between two findings as "and" (Melanoma with BRAF V600E mutation)', () => {
    const c = readCondition('Melanoma with BRAF V600E mutation', 'inclusion');
    expect(c && 'all' in c ? c.all.map((l) => ('fact' in l ? l.fact : '')) : []).toEqual(['cancerType', 'biomarker']);
  });
});
