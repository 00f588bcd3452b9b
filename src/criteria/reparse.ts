/**
 * Keeps stored parsed criteria in step with the stored trials: any trial with no parse, a parse by
 * another parser version, or a study that changed since, is parsed again from its stored raw JSON.
 * No network is needed; this runs after imports and syncs and at start.
 */
import type { Logger } from '../logger';
import type { Progress } from '../progress';
import { staleForParsing, upsertCriteria, type CriteriaRow } from '../store/criteria-repo';
import type { Store } from '../store/database';
import { PARSER_VERSION, parseCriteria } from './parse';

export interface ReparseOutcome {
  trials: number;
  criteria: number;
  ms: number;
}

export async function refreshParsedCriteria(
  store: Store,
  options: { log?: Logger; progress?: Progress; batchSize?: number } = {},
): Promise<ReparseOutcome> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 200;
  let trials = 0;
  let criteria = 0;
  let after = '';
  for (;;) {
    const stale = await staleForParsing(store.db, PARSER_VERSION, batchSize, after);
    if (stale.length === 0) break;
    const rows: CriteriaRow[] = stale.map((t) => {
      const parsed = parseCriteria(t.eligibilityCriteria);
      criteria += parsed.length;
      return {
        nctId: t.nctId,
        parserVersion: PARSER_VERSION,
        rawHash: t.rawHash,
        criteria: parsed,
        parsed: parsed.filter((c) => c.status === 'parsed').length,
        partial: parsed.filter((c) => c.status === 'partial').length,
        unparsed: parsed.filter((c) => c.status === 'unparsed').length,
      };
    });
    await upsertCriteria(store.db, rows);
    trials += rows.length;
    options.progress?.increment(rows.length);
    after = stale[stale.length - 1]!.nctId;
  }
  const outcome = { trials, criteria, ms: Date.now() - started };
  if (trials > 0) options.log?.info({ ...outcome, parserVersion: PARSER_VERSION }, 'parsed eligibility criteria');
  return outcome;
}
