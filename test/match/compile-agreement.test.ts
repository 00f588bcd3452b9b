/**
 * The compiled rules must agree with json-rules-engine, the reference semantics, on every rule
 * the parser writes for the whole recorded corpus (1,131 studies), for records that leave facts
 * unknown and records that supply them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { alwaysUnknown } from '../../src/match/evaluate';
import { factTable } from '../../src/match/fact-values';
import { referenceEvaluator } from '../../src/match/reference-engine';
import { normalisePatient, type NormalisedPatient } from '../../src/patients/normalise';
import { patientRecordSchema } from '../../src/patients/record';
import { FIXTURES, fixtureStudies } from '../support/studies';

const lex = lexicons();
const facts = factTable(lex);

function corpusRules(): Condition[] {
  const distinct = new Map<string, Condition>();
  for (const file of ['studies.oncology.v2.jsonl.gz', 'studies.other.v2.jsonl.gz']) {
    for (const s of fixtureStudies(file)) {
      const text = (s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule
        ?.eligibilityCriteria;
      for (const c of parseCriteria(text)) distinct.set(JSON.stringify(c.rule), c.rule);
    }
  }
  return [...distinct.values()];
}

function patients(): Array<[string, NormalisedPatient]> {
  const dir = path.join(FIXTURES, 'patients');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, normalisePatient(patientRecordSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))), lex, '2025-06-01')]);
}

describe('compiled rules agree with json-rules-engine', () => {
  const rules = corpusRules();
  const people = patients();

  it('has the whole corpus and several patient records to compare on', () => {
    expect(rules.length).toBeGreaterThan(5_000);
    expect(people.length).toBeGreaterThanOrEqual(5);
  });

  it.each(people.map(([name, p]) => [name, p] as const))(
    'gives the same pass / fail / unknown for every distinct corpus rule for %s',
    async (_name, patient) => {
      const disagreements: Array<{ rule: string; compiled: Tri; engine: Tri }> = [];
      const counts = { true: 0, false: 0, null: 0 };
      let alwaysUnknownRules = 0;
      const evaluateWithEngine = referenceEvaluator(facts, patient);
      for (const rule of rules) {
        const compiled = evaluateCondition(rule, facts, patient);
        const engine = await evaluateWithEngine(rule);
        counts[String(compiled) as 'true' | 'false' | 'null']++;
        if (compiled !== engine) disagreements.push({ rule: JSON.stringify(rule).slice(0, 300), compiled, engine });
        // The trial scan skips rules it judges unknown for everyone; the engine must agree.
        if (alwaysUnknown(rule)) {
          alwaysUnknownRules++;
          if (engine !== null) disagreements.push({ rule: `alwaysUnknown: ${JSON.stringify(rule).slice(0, 300)}`, compiled, engine });
        }
      }
      expect(disagreements).toEqual([]);
      // The comparison is only worth something if it covers all three outcomes.
      expect(counts.null).toBeGreaterThan(0);
      expect(counts.true + counts.false).toBeGreaterThan(0);
      expect(alwaysUnknownRules).toBeGreaterThan(1_000);
    },
    300_000,
  );
});
