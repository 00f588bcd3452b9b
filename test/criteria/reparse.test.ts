import { eq } from 'drizzle-orm';
import { PARSER_VERSION } from '../../src/criteria/parse';
import { refreshParsedCriteria } from '../../src/criteria/reparse';
import { checkStudy } from '../../src/ingest/study-record';
import { getCriteria } from '../../src/store/criteria-repo';
import type { Store } from '../../src/store/database';
import { trialCriteria } from '../../src/store/schema';
import { upsertTrials, type TrialUpsert } from '../../src/store/trials-repo';
import { openTestStore } from '../support/store';
import { fixtureStudies, nctIdOf } from '../support/studies';

describe('stored parsed criteria follow the parser version and the stored study', () => {
  let store: Store;
  type Study = {
    protocolSection: {
      statusModule?: { lastUpdatePostDateStruct?: { date: string } };
      eligibilityModule?: { eligibilityCriteria?: string };
    };
  };
  const studies = (fixtureStudies() as Study[])
    .filter((s) => s.protocolSection.eligibilityModule?.eligibilityCriteria && s.protocolSection.statusModule)
    .slice(0, 40);
  const criteriaOf = (s: Study): string => s.protocolSection.eligibilityModule!.eligibilityCriteria!;

  beforeAll(async () => {
    store = await openTestStore();
    const rows = studies.map((s) => checkStudy(s, 'test')).flatMap((c) => (c.ok ? [c.trial] : ([] as TrialUpsert[])));
    await upsertTrials(store.db, rows);
  });
  afterAll(async () => {
    await store.close();
  });

  it('parses every stored trial once, then finds nothing stale', async () => {
    const first = await refreshParsedCriteria(store, { batchSize: 7 });
    expect(first.trials).toBe(studies.length);
    expect(first.criteria).toBeGreaterThan(studies.length);
    const again = await refreshParsedCriteria(store);
    expect(again.trials).toBe(0);
    const one = await getCriteria(store.db, nctIdOf(studies[0]));
    expect(one?.parserVersion).toBe(PARSER_VERSION);
    expect(one!.parsed + one!.partial + one!.unparsed).toBe(one!.criteria.length);
  });

  it('reparses rows written by another parser version', async () => {
    const id = nctIdOf(studies[5]);
    await store.db.update(trialCriteria).set({ parserVersion: '0.0.1-old', criteria: [] }).where(eq(trialCriteria.nctId, id));
    const outcome = await refreshParsedCriteria(store);
    expect(outcome.trials).toBe(1);
    const row = await getCriteria(store.db, id);
    expect(row?.parserVersion).toBe(PARSER_VERSION);
    expect(row?.criteria.length).toBeGreaterThan(0);
  });

  it('reparses a trial whose stored study changed', async () => {
    // The study is updated upstream: a later post date and (here) another trial's real criteria text.
    const study = structuredClone(studies[9]!);
    study.protocolSection.statusModule!.lastUpdatePostDateStruct = { date: '2099-01-01' };
    study.protocolSection.eligibilityModule!.eligibilityCriteria = criteriaOf(studies[10]!);
    const before = await getCriteria(store.db, nctIdOf(study));
    const checked = checkStudy(study, 'test');
    if (!checked.ok) throw new Error(checked.message);
    await upsertTrials(store.db, [checked.trial]);
    const outcome = await refreshParsedCriteria(store);
    expect(outcome.trials).toBe(1);
    const row = await getCriteria(store.db, checked.trial.nctId);
    const texts = (row?.criteria as Array<{ text: string }>).map((c) => c.text);
    expect(texts.every((t) => criteriaOf(studies[10]!).includes(t))).toBe(true);
    expect(row?.rawHash).not.toBe(before?.rawHash);
  });
});
