/**
 * Criteria test helpers. Golden lines: real criteria lines from the corpus
 * (fixtures/criteria/*.lines.json), parsed one at a time and rendered compactly so the reviewed
 * snapshots read like the rules they pin. Rule builders for expected conditions. judgeRecord: a rule
 * evaluated against a patient record as the matcher would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria, readCriterion } from '../../src/criteria/parse';
import { renderCondition } from '../../src/criteria/render';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

export interface GoldenLine {
  nctId: string;
  kind: CriterionKind;
  text: string;
  context?: string[];
}

export function goldenLines(file: string): GoldenLine[] {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'criteria', file), 'utf8'),
  ) as GoldenLine[];
}

/** One line read the way parseCriteria reads it, rendered: "rule  [status]". */
export function readLine(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): string {
  const r = readCriterion(normalise(text).text, kind, context);
  if (!r.condition) return '∅ [unparsed]';
  const rule = renderCondition(r.condition);
  // A finding may hold its own unread qualifier as an unparsed leaf: the line is then partly read.
  return `${rule}${r.unread ? `  [partial; unread: ${r.unread}]` : rule.includes('unread“') ? '  [partial]' : '  [parsed]'}`;
}

/**
 * Registers, inside the caller's describe block, the golden-line tests of one fixture file: a
 * floor on its size, and one reviewed snapshot per line.
 */
export function pinGoldenLines(file: string): void {
  const lines = goldenLines(file);

  it('has at least 80 real lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
  });

  it.each(lines.map((l) => [`${l.nctId} ${l.kind}: ${l.text.slice(0, 50)}`, l] as const))(
    'reads %s as reviewed',
    (_name, line) => {
      expect(readLine(line.text, line.kind, line.context)).toMatchSnapshot(`${line.nctId}: ${line.text.slice(0, 60)}`);
    },
  );
}

/** One line parsed whole as the only item of an inclusion or exclusion list: its rule, unread words placed. */
export function criterionRule(text: string, kind: CriterionKind): Condition {
  return parseCriteria(`${kind === 'inclusion' ? 'Inclusion' : 'Exclusion'} Criteria:\n\n* ${text}`)[0]!.rule as Condition;
}

/** One line read the way parseCriteria reads it: its rule and the words left unread. */
export function readRule(
  text: string,
  kind: CriterionKind,
  context: string[] = [],
): { condition: Condition | null; unread: string } {
  const r = readCriterion(normalise(text).text, kind, context);
  return { condition: r.condition, unread: r.unread };
}

/** The attestation leaves of a rule, as "topic=value". */
export function attestationTopics(c: Condition | null): string[] {
  return c
    ? leavesOf(c)
        .filter((l) => l.fact === 'attestation')
        .map((l) => `${String((l.params as { topic?: string }).topic)}=${String(l.value)}`)
    : [];
}

export const attest = (topic: string, value: boolean): Condition => ({
  fact: 'attestation',
  operator: 'equal',
  value,
  params: { topic },
});
export const cond = (params: Record<string, unknown>, value = true): Condition => ({
  fact: 'condition',
  operator: 'equal',
  value,
  params,
});
export const unparsed = (text: string, value = true): Condition => ({
  fact: 'unparsed',
  operator: 'equal',
  value,
  params: { text },
});

/** One line's rule alone (null when nothing was read). */
export function readCondition(text: string, kind: CriterionKind, context: string[] = []): Condition | null {
  return readCriterion(normalise(text).text, kind, context).condition;
}

/** A lab limit leaf: `lab(name, unit) <operator> value`. */
export const lab = (name: string, unit: string, operator: string, value: number): Condition =>
  ({ fact: 'lab', operator, value, params: { name, unit } }) as Condition;
/** A limit in multiples of the upper limit of normal: `labUln(name) <operator> value`. */
export const uln = (name: string, operator: string, value: number): Condition =>
  ({ fact: 'labUln', operator, value, params: { name } }) as Condition;
/** A limit in multiples of the lower limit of normal: `labLln(name) <operator> value`. */
export const lln = (name: string, operator: string, value: number): Condition =>
  ({ fact: 'labLln', operator, value, params: { name } }) as Condition;

/** An other-malignancy leaf, as the malignancy readers write it. */
export const otherMalignancy = (params: Record<string, unknown> = {}, value = true): Condition => ({
  fact: 'otherMalignancy',
  operator: 'equal',
  value,
  params,
});
/** The OncoTree codes the lexicon groups as non-melanoma skin cancer and as carcinoma in situ. */
export const NMSC_CODES = ['ADPA', 'AECA', 'AFX', 'AN', 'BCC', 'CSCC', 'DF', 'DFSP', 'DTE', 'EMPD', 'EMPSGC', 'MAC', 'MCC', 'POCA', 'PORO', 'PPCT', 'SEBA', 'SGAD', 'SKAC', 'SPIR'];
export const IN_SITU_CODES = ['AIS', 'CAIS', 'CEAIS', 'DCIS', 'ISFN', 'ISMCL', 'LAIS', 'LCIS'];

/** Disease leaves, as the disease readers write them. */
export const cancerType = (...codes: string[]): Condition => ({ fact: 'cancerType', operator: 'equal', value: true, params: { codes } });
export const extent = (e: string, value = true): Condition => ({ fact: 'diseaseExtent', operator: 'equal', value, params: { extent: e } });
export const stage = (...groups: string[]): Condition => ({ fact: 'stage', operator: 'equal', value: true, params: { groups } });

/** A count of prior lines: priorLines <operator> value, with the params (setting, kinds…) when given. */
export const lines = (operator: string, value: number, params?: Record<string, unknown>): Condition => ({
  fact: 'priorLines',
  operator: operator as 'greaterThanInclusive',
  value,
  ...(params ? { params } : {}),
});

export const therapy = (params: Record<string, unknown>, value = true): Condition => ({
  fact: 'priorTherapy',
  operator: 'equal',
  value,
  params,
});

/** The prior-therapy leaves of a rule. */
export const therapyLeaves = (c: Condition | null): Condition[] =>
  c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy') : [];

/** The ids of the lexicon mentions of one type in a text ("drugClass", "drug", "lab", …), in text order. */
export const mentionIds = (text: string, type: string): string[] =>
  lexicons()
    .index.scan(normalise(text).text)
    .filter((m) => m.type === type)
    .map((m) => m.id);

/** The drug classes (sorted), or drugs, the lexicon finds in a phrase. */
export const classesOf = (phrase: string): string[] => mentionIds(phrase, 'drugClass').sort();
export const drugsOf = (phrase: string): string[] => mentionIds(phrase, 'drug');

let matcherFacts: ReturnType<typeof factTable> | undefined;
/**
 * How a condition evaluates for a patient record with the matcher's own fact table: true, false or
 * null (unknown). The record is validated as the API validates it; ages and windows count from `asOf`.
 */
export function judgeRecord(c: Condition, record: PatientRecord, asOf = '2025-06-01'): Tri {
  matcherFacts ??= factTable(lexicons());
  return evaluateCondition(c, matcherFacts, normalisePatient(patientRecordSchema.parse(record), lexicons(), asOf));
}
