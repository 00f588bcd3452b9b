/**
 * Matching over the stored corpus. Holds the in-memory TrialIndex, builds it from the store on
 * first use (parsing any stale criteria first), and rebuilds it in the background when the store
 * changes, checking a cheap signature at most every few seconds; requests keep using the previous
 * index until the new one is ready.
 */
import { lexicons, type Lexicons } from '../criteria/lexicon';
import { PARSER_VERSION, type ParsedCriterion } from '../criteria/parse';
import { refreshParsedCriteria } from '../criteria/reparse';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { normalisePatient } from '../patients/normalise';
import type { PatientRecord } from '../patients/record';
import { iterateIndexRows, storeSignature } from '../store/criteria-repo';
import type { Store } from '../store/database';
import { latestSyncRun } from '../store/sync-runs-repo';
import { factTable } from './fact-values';
import { TrialIndex, type MatchOptions, type MatchResult, type TrialInput, type TrialMatch } from './trial-index';

export interface MatchRequestOptions extends Partial<MatchOptions> {
  asOf?: string | undefined;
  /**
   * Record path → source reference (a FHIR reference for records built from a bundle). Each evidence
   * item then names the source of its value in `fhir`, found at its path or nearest listed ancestor.
   */
  provenance?: Record<string, string> | undefined;
}

/** The source of a record path: the provenance entry of the path itself or of its nearest ancestor. */
export function sourceOf(provenance: Record<string, string>, path: string): string | undefined {
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const hit = provenance[p];
    if (hit) return hit;
  }
  return undefined;
}

function withSources(matches: TrialMatch[], provenance: Record<string, string>): TrialMatch[] {
  return matches.map((m) => ({
    ...m,
    criteria: m.criteria.map((c) => ({
      ...c,
      evidence: c.evidence.map((e) => {
        const fhir = sourceOf(provenance, e.path);
        return fhir ? { ...e, fhir } : e;
      }),
    })),
  }));
}

export interface CorpusInfo {
  trials: number;
  lastSync: { status: string; finishedAt: Date | null; startedAt: Date } | null;
}

export class MatchService {
  private index: TrialIndex | undefined;
  private building: Promise<TrialIndex> | undefined;
  private signature = '';
  private checkedAt = 0;
  private lastSync: { at: number; index: TrialIndex; value: CorpusInfo['lastSync'] } | undefined;
  readonly lex: Lexicons;

  constructor(
    private readonly store: Store,
    private readonly log?: Logger,
    private readonly checkEveryMs = 10_000,
    lex: Lexicons = lexicons(),
  ) {
    this.lex = lex;
  }

  private async build(): Promise<TrialIndex> {
    const started = Date.now();
    await refreshParsedCriteria(this.store, this.log ? { log: this.log } : {});
    const signature = await storeSignature(this.store.db);
    const inputs: TrialInput[] = [];
    for await (const batch of iterateIndexRows(this.store.db, PARSER_VERSION)) {
      for (const r of batch) inputs.push({ ...r, criteria: (r.criteria ?? []) as ParsedCriterion[] });
    }
    const index = new TrialIndex(inputs, this.lex, factTable(this.lex));
    this.index = index;
    this.signature = signature;
    this.checkedAt = Date.now();
    this.log?.info({ trials: index.size, ms: Date.now() - started }, 'matching index built');
    return index;
  }

  /** The current index; builds it on first use and starts a rebuild when the store has changed. */
  async current(): Promise<TrialIndex> {
    if (!this.index) {
      this.building ??= this.build().finally(() => {
        this.building = undefined;
      });
      return this.building;
    }
    if (!this.building && Date.now() - this.checkedAt > this.checkEveryMs) {
      this.checkedAt = Date.now();
      const sig = await storeSignature(this.store.db);
      if (sig !== this.signature) {
        this.building = this.build()
          .catch((e: unknown) => {
            this.log?.error({ err: e }, 'matching index rebuild failed; serving the previous index');
            return this.index!;
          })
          .finally(() => {
            this.building = undefined;
          });
      }
    }
    return this.index;
  }

  /**
   * Serves a prebuilt index (benchmarks, tools that build trials in memory). With checkEveryMs set
   * to Infinity the service then never rebuilds from the store.
   */
  preload(index: TrialIndex): void {
    this.index = index;
    this.checkedAt = Date.now();
  }

  /** Forces the next request to rebuild (after a sync or import in this process). */
  invalidate(): void {
    this.checkedAt = 0;
    this.lastSync = undefined;
  }

  async corpus(index?: TrialIndex): Promise<CorpusInfo> {
    const idx = index ?? (await this.current());
    // The last sync changes at most once per run: read it with the index signature check, not
    // once per request (a store round trip was a tenth of a request's time).
    const now = Date.now();
    if (!this.lastSync || this.lastSync.index !== idx || now - this.lastSync.at > Math.min(this.checkEveryMs, 60_000)) {
      const run = await latestSyncRun(this.store.db);
      this.lastSync = {
        at: now,
        index: idx,
        value: run ? { status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt } : null,
      };
    }
    return { trials: idx.size, lastSync: this.lastSync.value };
  }


  async match(record: PatientRecord, options: MatchRequestOptions = {}): Promise<MatchResult & { corpus: CorpusInfo; asOf: string }> {
    const index = await this.current();
    const patient = normalisePatient(record, this.lex, options.asOf);
    const result = index.match(patient, {
      limit: options.limit ?? 20,
      includeIneligible: options.includeIneligible ?? false,
      statuses: options.statuses,
      phases: options.phases,
      maxDistanceKm: options.maxDistanceKm,
      trials: options.trials,
    });
    const matches = options.provenance ? withSources(result.matches, options.provenance) : result.matches;
    return { ...result, matches, corpus: await this.corpus(index), asOf: patient.asOf, unrecognised: patient.unrecognised } as MatchResult & {
      corpus: CorpusInfo;
      asOf: string;
    };
  }

  async evaluate(nctId: string, record: PatientRecord, asOf?: string): Promise<TrialMatch & { asOf: string }> {
    const index = await this.current();
    const trial = index.get(nctId);
    if (!trial) throw new AppError('trial_not_found', `No stored trial ${nctId}.`, { status: 404, path: '/params/nctId' });
    const patient = normalisePatient(record, this.lex, asOf);
    return { ...index.evaluate(trial, patient), asOf: patient.asOf };
  }
}
