/**
 * End to end on real trials: import the recorded oncology corpus through `importPaths`, let the
 * match service parse it, and ask POST /v1/match about trials whose criteria we read by hand.
 *
 * The expected outcomes below come from reading each trial's eligibility text (quoted beside the
 * assertions), not from running the code. Beyond the named trials, two corpus-wide properties hold
 * for every fixture patient: every failing criterion cites evidence that exists in the submitted
 * record, and a record that says nothing about a topic never fails a criterion on that topic.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { STATUSES } from '../../src/api/match';
import { importPaths } from '../../src/ingest/import-files';
import { createLogger } from '../../src/logger';
import type { CriterionResult } from '../../src/match/evaluate';
import type { TrialMatch } from '../../src/match/trial-index';
import type { PatientRecord } from '../../src/patients/record';
import { bearer, openTestApp, type TestApp } from '../support/app';
import { FIXTURES } from '../support/studies';

const AS_OF = '2025-06-01';

function fixturePatient(name: string): PatientRecord {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, 'patients', `${name}.json`), 'utf8')) as PatientRecord;
}

/** Resolves a JSON Pointer (RFC 6901) in a value; undefined when the path does not exist. */
function pointer(doc: unknown, p: string): unknown {
  if (p === '') return doc;
  let cur: unknown = doc;
  for (const raw of p.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

describe('matching real trials end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp();
    const report = await importPaths(t.store, [path.join(FIXTURES, 'ctgov', 'studies.oncology.v2.jsonl.gz')], {
      log: createLogger({ level: 'silent' }),
    });
    if (report.studiesRead !== 740) throw new Error(`imported ${report.studiesRead} studies, expected 740`);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  async function match(patient: PatientRecord, trials?: string[]): Promise<{ matches: TrialMatch[]; corpus: { trials: number } }> {
    const res = await request(t.app)
      .post('/v1/match')
      .set('Authorization', bearer('widget'))
      .send({ patient, options: { asOf: AS_OF, includeIneligible: true, limit: 200, ...(trials ? { trials } : {}) } })
      .expect(200);
    return res.body as { matches: TrialMatch[]; corpus: { trials: number } };
  }
  /** Every trial in the corpus, ineligible ones included: the service directly, past the API's limit of 200. */
  async function matchAll(patient: PatientRecord): Promise<TrialMatch[]> {
    const { matches } = await t.matcher.match(patient, { asOf: AS_OF, includeIneligible: true, limit: 10_000, statuses: [...STATUSES] });
    return matches;
  }
  async function one(patient: PatientRecord, nctId: string): Promise<TrialMatch> {
    const { matches } = await match(patient, [nctId]);
    expect(matches).toHaveLength(1);
    return matches[0]!;
  }
  const criterion = (m: TrialMatch, startsWith: string): CriterionResult => {
    const found = m.criteria.find((c) => c.text.startsWith(startsWith));
    if (!found) throw new Error(`${m.nctId} has no criterion starting "${startsWith}"`);
    return found;
  };
  const failing = (m: TrialMatch): CriterionResult[] => m.criteria.filter((c) => c.outcome === 'fail');

  it('reports the corpus it matched against', async () => {
    const { corpus } = await match(fixturePatient('age-and-sex-only'), ['NCT04862663']);
    expect(corpus.trials).toBe(740);
  });

  describe('NCT04862663: capivasertib + CDK4/6i + fulvestrant, HR+/HER2- advanced breast cancer', () => {
    // "Histologically confirmed HR+/ HER2- breast cancer … must express ER"
    it('rules out a HER2-positive, ER/PR-negative patient on the receptor criterion, citing her results', async () => {
      const m = await one(fixturePatient('her2-positive-metastatic-breast'), 'NCT04862663');
      expect(m.verdict).toBe('ineligible');
      const receptors = criterion(m, 'Histologically confirmed HR+/ HER2- breast cancer');
      expect(receptors).toMatchObject({ kind: 'inclusion', category: 'biomarker', outcome: 'fail' });
      const paths = receptors.evidence.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/biomarkers/0/status']));
      // "18 Years" minimum: she is 54 on the as-of day (born 1971-03-14).
      expect(criterion(m, 'Minimum age')).toMatchObject({ outcome: 'pass', evidence: [expect.objectContaining({ path: '/birthDate', value: 54 })] });
    });
  });

  describe('NCT05236946: cranial radiotherapy for oncogene-driven NSCLC with brain metastases', () => {
    // Inclusion: age ≥ 18; ECOG 0-2; pathologically proven NSCLC; EGFR/ALK positive; parenchymal,
    // asymptomatic brain metastases. Exclusion: CSF-only disease; brain-stem metastases; prior brain
    // radiation; unsuitable for TKI; pregnant or lactating.
    const gold: PatientRecord = {
      age: 61,
      sex: 'male',
      cancers: [{ type: 'lung adenocarcinoma', stage: 'IVB', metastatic: true, metastaticSites: ['brain'], brainMetastases: 'active' }],
      biomarkers: [{ name: 'EGFR', alteration: 'exon 19 deletion', status: 'detected' }],
      treatments: [],
      ecog: 1,
      conditions: [],
      pregnant: false,
      breastfeeding: false,
    };

    it('never fails a patient who meets every criterion the record speaks to', async () => {
      const m = await one(gold, 'NCT05236946');
      expect(failing(m)).toEqual([]);
      expect(m.verdict).not.toBe('ineligible');
      expect(criterion(m, 'Patients with ECOG performance status of 0-2')).toMatchObject({ outcome: 'pass', evidence: [expect.objectContaining({ path: '/ecog', value: 1 })] });
      expect(criterion(m, 'Patients with pathologically proven diagnosis of NSCLC')).toMatchObject({ outcome: 'pass' });
      expect(criterion(m, 'Patients with positive oncogene mutation status (EGFR/ALK)')).toMatchObject({
        outcome: 'pass',
        evidence: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^\/biomarkers\/0/) })]),
      });
    });

    it('rules out colorectal cancer on the NSCLC criterion, citing the cancer entry', async () => {
      const m = await one(fixturePatient('kras-g12c-colorectal'), 'NCT05236946');
      expect(m.verdict).toBe('ineligible');
      const nsclc = criterion(m, 'Patients with pathologically proven diagnosis of NSCLC');
      expect(nsclc.outcome).toBe('fail');
      expect(nsclc.evidence.map((e) => e.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/cancers\/0\/type/)]));
    });

    it('asks, rather than guesses, when the record lacks ECOG', async () => {
      const { ecog: _omitted, ...noEcog } = gold;
      const m = await one(noEcog, 'NCT05236946');
      const ps = criterion(m, 'Patients with ECOG performance status of 0-2');
      expect(ps).toMatchObject({ outcome: 'unknown', reason: 'missing_data' });
      expect(ps.missing?.[0]?.question).toMatch(/performance status/i);
    });
  });

  describe('NCT04956640: LY3537982 for KRAS G12C-mutant cancers', () => {
    // "measurable disease per RECIST"; "evidence of KRAS G12C mutation"; "locally advanced, unresectable,
    // and/or metastatic cancer"; ECOG 0-1; and, for one part, "at least one prior oxaliplatin- or
    // irinotecan-containing regimen for advanced or metastatic CRC". The colorectal fixture patient
    // (KRAS G12C, stage IVB, measurable, KPS 80, FOLFOX then FOLFIRI) meets all of that.
    it('keeps the KRAS G12C colorectal patient, passing the mutation and RECIST criteria on her record', async () => {
      const m = await one(fixturePatient('kras-g12c-colorectal'), 'NCT04956640');
      expect(m.verdict).not.toBe('ineligible');
      expect(failing(m)).toEqual([]);
      expect(criterion(m, 'Patients must have disease with evidence of KRAS G12C mutation')).toMatchObject({
        outcome: 'pass',
        evidence: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^\/biomarkers\/0/) })]),
      });
      expect(criterion(m, 'Patients have measurable disease per Response Evaluation Criteria')).toMatchObject({
        outcome: 'pass',
        evidence: [expect.objectContaining({ path: '/cancers/0/measurableDisease', value: true })],
      });
    });

    it('rules out an EGFR-mutant patient without KRAS G12C only where the record says so', async () => {
      const m = await one(fixturePatient('egfr-mutant-nsclc'), 'NCT04956640');
      // The record lists EGFR L858R and ALK, but says nothing of KRAS: the mutation criterion is unknown.
      expect(criterion(m, 'Patients must have disease with evidence of KRAS G12C mutation').outcome).toBe('unknown');
    });
  });

  describe('over the whole corpus, for every fixture patient', () => {
    const names = fs
      .readdirSync(path.join(FIXTURES, 'patients'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));

    it.each(names)('every failing criterion for %s cites evidence that exists in the record', async (name) => {
      const patient = fixturePatient(name);
      const matches = await matchAll(patient);
      expect(matches.length).toBeGreaterThan(700); // all but the few with a status outside the API enum
      // Collected, so a failure lists every offending trial and criterion at once.
      const violations: Array<{ nctId: string; text: string; problem: string }> = [];
      for (const m of matches) {
        for (const c of failing(m)) {
          if (!c.evidence.length) violations.push({ nctId: m.nctId, text: c.text.slice(0, 120), problem: 'fails without evidence' });
          for (const e of c.evidence) {
            if (pointer(patient, e.path) === undefined) violations.push({ nctId: m.nctId, text: c.text.slice(0, 120), problem: `cites missing ${e.path}` });
          }
        }
        if (m.verdict === 'ineligible' && !failing(m).length) violations.push({ nctId: m.nctId, text: '', problem: 'ineligible with no failing criterion' });
        if (m.verdict === 'eligible' && m.criteria.some((c) => c.outcome !== 'pass')) violations.push({ nctId: m.nctId, text: '', problem: 'eligible with a criterion not passed' });
      }
      expect(violations).toEqual([]);
    });

    it('fails a record that gives only age and sex only on criteria that speak of age or sex', async () => {
      const matches = await matchAll(fixturePatient('age-and-sex-only'));
      // Every fail must rest on the only data given, in a criterion whose own words are about age or
      // sex (an age-defined risk stratum counts; a cancer type or a lab never does).
      const AGE_OR_SEX = /\b(?:age[sd]?|years?|old|adults?|m[ae]n|wom[ae]n|males?|females?|sex|gender)\b/i;
      const offTopic = matches.flatMap((m) =>
        failing(m)
          .filter((c) => !AGE_OR_SEX.test(c.text) || !c.evidence.every((e) => e.path === '/age' || e.path === '/sex'))
          .map((c) => ({ nctId: m.nctId, category: c.category, text: c.text.slice(0, 120), evidence: c.evidence.map((e) => e.path) })),
      );
      expect(offTopic).toEqual([]);
      // A man of 72: trials for women, and trials capped below his age, rule him out.
      expect(matches.filter((m) => m.verdict === 'ineligible').length).toBeGreaterThan(50);
      // Unread or missing data never makes a trial "eligible".
      expect(matches.filter((m) => m.verdict === 'eligible')).toEqual([]);
    });
  });
});
