/**
 * Progress for long operations: a bar on an interactive terminal, and plain log lines (at most one
 * every few seconds) when output goes to a file or a CI log, where a redrawn bar would be noise.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Logger } from './logger';

export interface Progress {
  /** Moves the count forward by `n`; `total` may grow as it becomes known (e.g. paging). */
  increment(n?: number, total?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  log: Logger;
  /** Defaults to whether stderr is a TTY. */
  interactive?: boolean;
  unit?: string;
}

export function createProgress(options: ProgressOptions): Progress {
  const unit = options.unit ?? 'items';
  const interactive = options.interactive ?? Boolean(process.stderr.isTTY);
  let done = 0;
  let total = options.total ?? 0;
  if (interactive) {
    const bar = new SingleBar(
      {
        format: `${options.label} [{bar}] {value}/{total} ${unit} | {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      increment(n = 1, newTotal) {
        done += n;
        if (newTotal !== undefined && newTotal !== total) {
          total = newTotal;
          bar.setTotal(total);
        }
        bar.update(done);
      },
      stop() {
        bar.stop();
      },
    };
  }
  const started = Date.now();
  let lastLog = 0;
  return {
    increment(n = 1, newTotal) {
      done += n;
      if (newTotal !== undefined) total = newTotal;
      const now = Date.now();
      if (now - lastLog >= 5_000) {
        lastLog = now;
        options.log.info({ done, total: total || undefined, unit }, `${options.label}: ${done}${total ? `/${total}` : ''} ${unit}`);
      }
    },
    stop() {
      options.log.info(
        { done, unit, seconds: Math.round((Date.now() - started) / 100) / 10 },
        `${options.label}: finished, ${done} ${unit}`,
      );
    },
  };
}
