/**
 * A virtual clock for the ctgov client: `sleep` records the delay, moves virtual time forward and
 * returns at once, so rate limits and backoff are exercised (and asserted) without real waiting.
 */
import { abortedError, type Clock } from '../../src/ingest/ctgov-client';

export interface FakeClock extends Clock {
  /** Every delay the client asked to sleep, in order. */
  readonly sleeps: number[];
}

export function fakeClock(start = Date.parse('2026-08-01T10:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortedError();
      sleeps.push(ms);
      now += ms;
      // Yield so that concurrent work (and aborts) can interleave as they would with real timers.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw abortedError();
    },
  };
}
