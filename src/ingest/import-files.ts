/**
 * Imports studies from files into the store: v2 study JSON, list pages (`{"studies": [...]}`), JSON
 * arrays of studies, JSONL/NDJSON, any of those gzipped, legacy `<clinical_study>` XML, and
 * directories of them. It is the offline twin of the sync: every study passes the same
 * `checkStudy` gate and the same guarded upsert, so importing a file twice, or an older copy after a
 * newer one, changes nothing.
 *
 * Errors are data. A bad file, a malformed line or an invalid study becomes one entry in the report
 * with a stable snake_case `code`, the file, and where known the line and JSON Pointer; everything
 * else is still imported. Only a failing store (connection lost, disk full) aborts the import, since
 * no later write could succeed either.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Logger } from '../logger';
import { createProgress, type Progress } from '../progress';
import type { Store } from '../store/database';
import { upsertTrials, type TrialUpsert } from '../store/trials-repo';
import { convertLegacyXml } from './legacy-xml';
import { checkStudy } from './study-record';

export type ImportErrorCode =
  /** The path does not exist (or is a dangling link). */
  | 'file_not_found'
  /** The path exists but cannot be read (permissions, I/O error, not a regular file). */
  | 'unreadable_file'
  /** Not valid JSON: the whole document, or one line of a JSONL file (with its line number). */
  | 'malformed_json'
  /** The file starts like gzip but its compressed data ends early (an interrupted download). */
  | 'truncated_gzip'
  /** The file starts like gzip but its compressed data is corrupt. */
  | 'malformed_gzip'
  /** Not well-formed XML. */
  | 'malformed_xml'
  /** Readable, but neither a study, a list of studies, a page of studies nor a <clinical_study>. */
  | 'unrecognised_format'
  /** One study failed validation (`checkStudy`); `path` points at the offending field. */
  | 'invalid_study'
  /** The database refused one study (for example a NUL character, which PostgreSQL cannot store). */
  | 'rejected_by_store';

export interface ImportIssue {
  file: string;
  code: ImportErrorCode;
  message: string;
  /** 1-based line of a JSONL file, or of a JSON/XML syntax error. */
  line?: number;
  /** JSON Pointer inside the file's document (or inside the line's, for JSONL; for XML, inside the converted v2 study). */
  path?: string;
  nctId?: string;
}

export type FileFormat = 'json' | 'jsonl' | 'xml';

export interface FileReport {
  file: string;
  format: FileFormat | null;
  gzip: boolean;
  /** ok: everything imported; partial: some studies or lines were bad; failed: nothing could be read. */
  status: 'ok' | 'partial' | 'failed';
  studiesRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Issues for this file, including any beyond the per-file cap that the report leaves out. */
  errors: number;
}

export interface ImportReport {
  files: FileReport[];
  /** Files met while walking a directory and left alone (unknown extension). Hidden files are not listed. */
  skipped: Array<{ file: string; reason: string }>;
  studiesRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errors: ImportIssue[];
  /** Issues counted but not listed, because one file had more than `MAX_ISSUES_PER_FILE`. */
  errorsOmitted: number;
}

export interface ImportOptions {
  log: Logger;
  /** Show a progress bar (TTY) or periodic log lines. Off by default; the CLI turns it on. */
  progress?: boolean;
  /** Written to `trials.source`. */
  source?: string;
  /** Studies per upsert transaction. */
  batchSize?: number;
}

/** A directory of 100,000 broken records should not produce a 100,000-entry report. */
export const MAX_ISSUES_PER_FILE = 100;
const DEFAULT_BATCH = 500;

/** Extensions a directory walk picks up; a path named explicitly is read whatever its name. */
const FORMAT_BY_EXT: Record<string, FileFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'xml',
};

interface FileState {
  report: FileReport;
}

interface Pending {
  state: FileState;
  trial: TrialUpsert;
  line: number | undefined;
  pointer: string;
}

interface Input {
  stream: Readable;
  onChunk(): void;
}

class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export async function importPaths(store: Store, paths: string[], options: ImportOptions): Promise<ImportReport> {
  return new Importer(store, options).run(paths);
}

class Importer {
  private readonly report: ImportReport = {
    files: [],
    skipped: [],
    studiesRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    errors: [],
    errorsOmitted: 0,
  };
  private pending: Pending[] = [];
  /** The batch being written while the next one is read and validated; never rejects. */
  private writing: Promise<void> | undefined;
  private writeFailure: { error: unknown } | undefined;
  private readonly source: string;
  private readonly batchSize: number;
  private progress: Progress | undefined;
  private bytesCarry = 0;

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions,
  ) {
    this.source = options.source ?? 'import';
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  }

  async run(paths: string[]): Promise<ImportReport> {
    const files: Array<{ file: string; size: number; explicit: boolean } | { file: string; error: ImportError }> = [];
    for (const p of paths) files.push(...(await this.expand(p, true, new Set())));
    if (this.options.progress) {
      const totalKb = Math.ceil(files.reduce((n, f) => n + ('size' in f ? f.size : 0), 0) / 1024);
      this.progress = createProgress({ label: 'import', total: totalKb, log: this.options.log, unit: 'kB read' });
    }
    try {
      for (const f of files) {
        const state = this.startFile(f.file);
        if ('error' in f) this.fail(state, f.error);
        else await this.importFile(state, f.explicit);
      }
      await this.drain();
    } finally {
      // Even when reading failed unexpectedly, the caller may close the store next: let the write end.
      await this.writing;
      if (this.bytesCarry > 0) this.progress?.increment(1);
      this.progress?.stop();
    }
    for (const f of this.report.files) {
      this.report.studiesRead += f.studiesRead;
      this.report.inserted += f.inserted;
      this.report.updated += f.updated;
      this.report.unchanged += f.unchanged;
      this.report.invalid += f.invalid;
    }
    const { files: _files, errors, skipped, ...totals } = this.report;
    this.options.log.info(
      {
        ...totals,
        files: this.report.files.length,
        errors: errors.length + totals.errorsOmitted,
        skipped: skipped.length,
      },
      `import finished: ${totals.studiesRead} studies read, ${totals.inserted} inserted, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.invalid} invalid`,
    );
    return this.report;
  }

  /** Lists the files under a path: directories recursively in sorted order, hidden entries skipped. */
  private async expand(
    p: string,
    explicit: boolean,
    seenDirs: Set<string>,
  ): Promise<Array<{ file: string; size: number; explicit: boolean } | { file: string; error: ImportError }>> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch (e) {
      return [{ file: p, error: fsError(e, p) }];
    }
    if (stat.isFile()) {
      if (!explicit && !formatFromName(p).known) {
        this.report.skipped.push({ file: p, reason: 'unknown extension' });
        this.options.log.info({ file: p }, 'import: skipping file with unknown extension');
        return [];
      }
      return [{ file: p, size: stat.size, explicit }];
    }
    if (!stat.isDirectory()) {
      return [{ file: p, error: new ImportError('unreadable_file', `${p} is not a regular file or directory`) }];
    }
    // A symlink loop would otherwise recurse forever.
    const real = await fs.promises.realpath(p);
    if (seenDirs.has(real)) return [];
    seenDirs.add(real);
    let names: string[];
    try {
      names = await fs.promises.readdir(p);
    } catch (e) {
      return [{ file: p, error: fsError(e, p) }];
    }
    const out: Array<{ file: string; size: number; explicit: boolean } | { file: string; error: ImportError }> = [];
    // Code-unit order, not locale order, so that every machine imports in the same sequence.
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      out.push(...(await this.expand(path.join(p, name), false, seenDirs)));
    }
    return out;
  }

  private startFile(file: string): FileState {
    const report: FileReport = {
      file,
      format: null,
      gzip: false,
      status: 'ok',
      studiesRead: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      errors: 0,
    };
    this.report.files.push(report);
    return { report };
  }

  private issue(state: FileState, issue: Omit<ImportIssue, 'file'>): void {
    const { report } = state;
    report.errors += 1;
    if (report.status === 'ok') report.status = 'partial';
    if (report.errors > MAX_ISSUES_PER_FILE) {
      this.report.errorsOmitted += 1;
      return;
    }
    const full: ImportIssue = { file: report.file, ...issue };
    this.report.errors.push(full);
    this.options.log.warn(full, `import: ${issue.code} in ${report.file}: ${issue.message}`);
  }

  /** A problem with the whole file. Studies read before it (e.g. before a gzip truncation) still count. */
  private fail(state: FileState, e: ImportError): void {
    this.issue(state, { code: e.code, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) });
    if (state.report.studiesRead === 0) state.report.status = 'failed';
  }

  private async importFile(state: FileState, explicit: boolean): Promise<void> {
    const { file } = state.report;
    try {
      const gzip = await hasGzipMagic(file);
      state.report.gzip = gzip;
      const { format } = formatFromName(file);
      state.report.format = format ?? null;
      if (format === 'jsonl') {
        await this.readLines(state, lines(this.open(file, gzip)));
        return;
      }
      const content = await readAll(this.open(file, gzip));
      if (format === 'xml' || (!format && /^\s*</.test(content))) {
        state.report.format = 'xml';
        await this.readXml(state, content);
      } else {
        await this.readJsonDocument(state, content, explicit && !format);
      }
    } catch (e) {
      if (e instanceof ImportError) this.fail(state, e);
      else throw e;
    }
  }

  /**
   * The file's content as a stream, gunzipped when it starts with the gzip magic bytes, and a
   * callback that moves the progress bar to the compressed bytes read so far. (Progress polls
   * `bytesRead` rather than listening for 'data', which would switch the stream to flowing mode
   * and defeat the consumer's back-pressure.)
   */
  private open(file: string, gzip: boolean): Input {
    const raw = fs.createReadStream(file);
    let seen = 0;
    const onChunk = (): void => {
      this.advance(raw.bytesRead - seen);
      seen = raw.bytesRead;
    };
    if (!gzip) return { stream: raw, onChunk };
    const gunzip = zlib.createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    return { stream: raw.pipe(gunzip), onChunk };
  }

  private advance(bytes: number): void {
    if (!this.progress) return;
    this.bytesCarry += bytes;
    const kb = Math.floor(this.bytesCarry / 1024);
    if (kb > 0) {
      this.bytesCarry -= kb * 1024;
      this.progress?.increment(kb);
    }
  }

  /** JSONL: one study (or one page) per line; a bad line is reported with its number and skipped. */
  private async readLines(state: FileState, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
    state.report.format = 'jsonl';
    let lineNo = 0;
    for await (const rawLine of lines) {
      lineNo += 1;
      const line = lineNo === 1 ? stripBom(rawLine) : rawLine;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        this.issue(state, { code: 'malformed_json', message: (e as Error).message, line: lineNo });
        continue;
      }
      const studies = studiesIn(value) ?? [{ raw: value, pointer: '' }];
      for (const s of studies) await this.addStudy(state, s.raw, lineNo, s.pointer);
    }
  }

  private async readJsonDocument(state: FileState, content: string, sniffed: boolean): Promise<void> {
    const text = stripBom(content);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // A `.json` file is sometimes really JSONL; read it that way when its first line stands alone.
      if (looksLikeJsonl(text)) {
        await this.readLines(state, text.split(/\r?\n/));
        return;
      }
      if (sniffed && !/^\s*[[{]/.test(text)) {
        throw new ImportError('unrecognised_format', 'not JSON, JSONL or XML');
      }
      throw new ImportError('malformed_json', (e as Error).message, jsonErrorLine(e as Error, text));
    }
    state.report.format = 'json';
    const studies = studiesIn(value);
    if (!studies) {
      throw new ImportError(
        'unrecognised_format',
        'JSON is neither a study ({"protocolSection": ...}), a list of studies nor a page ({"studies": [...]})',
      );
    }
    for (const s of studies) await this.addStudy(state, s.raw, undefined, s.pointer);
  }

  private async readXml(state: FileState, content: string): Promise<void> {
    const converted = convertLegacyXml(content);
    if (!converted.ok) throw new ImportError(converted.code, converted.message, converted.line);
    await this.addStudy(state, converted.study, undefined, '');
  }

  private async addStudy(state: FileState, raw: unknown, line: number | undefined, pointer: string): Promise<void> {
    state.report.studiesRead += 1;
    const checked = checkStudy(raw, this.source);
    if (!checked.ok) {
      state.report.invalid += 1;
      this.issue(state, {
        code: 'invalid_study',
        message: checked.message,
        ...(line !== undefined ? { line } : {}),
        path: pointer + checked.path,
        ...(checked.nctId ? { nctId: checked.nctId } : {}),
      });
      return;
    }
    this.pending.push({ state, trial: checked.trial, line, pointer });
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  /**
   * Hands the pending studies to the writer. Parsing and validating the next batch (CPU in this
   * process) then overlaps with the database writing this one (CPU in PostgreSQL), which nearly
   * doubles throughput on a separate server. At most one batch is in flight, so batches still land
   * in file order and memory stays bounded to two batches.
   */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.writing;
    if (this.writeFailure) throw this.writeFailure.error;
    if (batch.length === 0) return;
    this.writing = this.write(batch).catch((error: unknown) => {
      this.writeFailure = { error };
    });
  }

  private async drain(): Promise<void> {
    await this.flush();
    await this.writing;
    if (this.writeFailure) throw this.writeFailure.error;
  }

  /**
   * Writes the pending studies in one transaction. A batch may span several small files (a directory
   * of single-study XML records), so each file's run is its own upsert statement and its counts go
   * to that file. If the database rejects the data itself, the batch is retried one study at a time
   * so that only the offending study is lost.
   */
  private async write(batch: Pending[]): Promise<void> {
    const segments: Array<{ state: FileState; rows: TrialUpsert[] }> = [];
    for (const p of batch) {
      const last = segments[segments.length - 1];
      if (last && last.state === p.state) last.rows.push(p.trial);
      else segments.push({ state: p.state, rows: [p.trial] });
    }
    try {
      const counts = await this.store.db.transaction(async (tx) => {
        const out = [];
        for (const s of segments) out.push(await upsertTrials(tx, s.rows));
        return out;
      });
      segments.forEach((s, i) => addCounts(s.state.report, counts[i]!));
    } catch (e) {
      if (!isDataError(e)) throw e;
      for (const p of batch) {
        try {
          addCounts(p.state.report, await this.store.db.transaction((tx) => upsertTrials(tx, [p.trial])));
        } catch (rowError) {
          if (!isDataError(rowError)) throw rowError;
          p.state.report.invalid += 1;
          this.issue(p.state, {
            code: 'rejected_by_store',
            message: dataErrorMessage(rowError),
            ...(p.line !== undefined ? { line: p.line } : {}),
            ...(p.pointer ? { path: p.pointer } : {}),
            nctId: p.trial.nctId,
          });
        }
      }
    }
  }
}

function addCounts(report: FileReport, c: { inserted: number; updated: number; unchanged: number }): void {
  report.inserted += c.inserted;
  report.updated += c.updated;
  report.unchanged += c.unchanged;
}

/** The studies in a parsed JSON value, each with its JSON Pointer; undefined when it holds none. */
function studiesIn(value: unknown): Array<{ raw: unknown; pointer: string }> | undefined {
  if (Array.isArray(value)) {
    // An array of something else entirely (patients, say) is the wrong file, not 1,000 bad studies.
    if (value.length > 0 && !value.some(hasProtocolSection)) return undefined;
    return value.map((raw, i) => ({ raw, pointer: `/${i}` }));
  }
  if (hasProtocolSection(value)) return [{ raw: value, pointer: '' }];
  if (value && typeof value === 'object' && Array.isArray((value as { studies?: unknown }).studies)) {
    return (value as { studies: unknown[] }).studies.map((raw, i) => ({ raw, pointer: `/studies/${i}` }));
  }
  return undefined;
}

function hasProtocolSection(value: unknown): boolean {
  return Boolean(value && typeof value === 'object' && !Array.isArray(value) && 'protocolSection' in value);
}

function formatFromName(file: string): { format: FileFormat | undefined; known: boolean } {
  const lower = file.toLowerCase();
  const inner = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  const format = FORMAT_BY_EXT[path.extname(inner)];
  return { format, known: format !== undefined };
}

async function hasGzipMagic(file: string): Promise<boolean> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (e) {
    throw fsError(e, file);
  }
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } catch (e) {
    throw fsError(e, file);
  } finally {
    await handle.close();
  }
}

/**
 * Splits a stream into lines. Not readline: its async iterator keeps reading ahead while the
 * consumer awaits an upsert, so a large file piled up in memory. Pulling chunks with `for await`
 * reads only as fast as batches are written. Pieces of a long line are joined once, at its end.
 */
async function* lines({ stream, onChunk }: Input): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let pending: string[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      onChunk();
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, nl));
        const line = pending.length === 1 ? pending[0]! : pending.join('');
        pending = [];
        start = nl + 1;
        yield line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
    }
  } catch (e) {
    throw streamError(e);
  } finally {
    stream.destroy();
  }
  // A last line without a newline is still a line; after a read error it is a fragment and is dropped.
  if (pending.length) {
    const line = pending.join('');
    yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

async function readAll({ stream, onChunk }: Input): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      onChunk();
    }
  } catch (e) {
    throw streamError(e);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function streamError(e: unknown): ImportError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR') {
    return new ImportError('truncated_gzip', 'gzip data ends early; the file is truncated (an interrupted download?)');
  }
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return new ImportError('malformed_gzip', `corrupt gzip data: ${err.message}`);
  }
  return fsError(e, undefined);
}

function fsError(e: unknown, file: string | undefined): ImportError {
  const err = e as NodeJS.ErrnoException;
  const where = file ? `${file}: ` : '';
  if (err.code === 'ENOENT') return new ImportError('file_not_found', `${where}no such file or directory`);
  if (err.code === 'EACCES' || err.code === 'EPERM')
    return new ImportError('unreadable_file', `${where}permission denied`);
  return new ImportError('unreadable_file', `${where}${err.message}`);
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function looksLikeJsonl(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0]!);
    return typeof first === 'object' && first !== null;
  } catch {
    return false;
  }
}

/** V8 reports a byte position ("… at position 1234"); people want a line. */
function jsonErrorLine(e: Error, text: string): number | undefined {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return /end of JSON input/.test(e.message) ? text.split('\n').length : undefined;
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * PostgreSQL error class 22 ("data exception": e.g. 22P05 for \u0000 in jsonb, 22021 for a NUL in
 * text) means this data cannot be stored, not that the store is down.
 */
function isDataError(e: unknown): boolean {
  return sqlState(e)?.startsWith('22') ?? false;
}

function sqlState(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function dataErrorMessage(e: unknown): string {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (typeof (cur as { code?: unknown }).code === 'string')
      return `database refused the study: ${(cur as Error).message}`;
  }
  return `database refused the study: ${(e as Error).message}`;
}
