/**
 * `ctmatch import <paths...> [--json]`: loads study files into the store (see src/ingest/import-files.ts
 * for the formats). Every readable study is imported even when other files or lines are bad; the
 * exit code then says whether anything was left out: 0 when every study of every file was
 * imported, 1 when any file, line or study had an error (each one is listed).
 */
import { parseCommandArgs, usageError, type Command } from './command';
import { withContext } from './context';
import { importPaths, type FileReport, type ImportReport } from '../ingest/import-files';

const usage = `Usage: ctmatch import <path...> [--json]

Imports ClinicalTrials.gov studies from files or directories (searched recursively):
  *.json           one v2 study, a list page {"studies": [...]}, or an array of studies
  *.jsonl *.ndjson one study per line
  *.xml            a legacy <clinical_study> record
  any of them gzipped (*.gz, or detected from the content)
Re-importing is safe: a stored trial is replaced only by a copy with the same or a later
lastUpdatePostDate whose content differs.

Options:
  --json   print the report as one JSON object on stdout

Exit status: 0 if everything was imported; 1 if any file, line or study had an error
(all other studies are still imported); 2 for a usage error.`;

export const importCommand: Command = {
  summary: 'Import studies from JSON, JSONL, gzip or legacy XML files and directories',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage, true);
    if (positionals.length === 0) throw usageError('Give at least one file or directory to import.', usage);
    const report = await withContext(({ store, log }) => importPaths(store, positionals, { log, progress: true }));
    process.stdout.write(values.json ? JSON.stringify(report) + '\n' : formatReport(report));
    return report.errors.length + report.errorsOmitted > 0 ? 1 : 0;
  },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function counts(f: Pick<FileReport, 'studiesRead' | 'inserted' | 'updated' | 'unchanged' | 'invalid'>): string {
  return `${plural(f.studiesRead, 'study', 'studies')}: ${f.inserted} inserted, ${f.updated} updated, ${f.unchanged} unchanged, ${f.invalid} invalid`;
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, ImportReport['errors']>();
  for (const e of report.errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const f of report.files) {
    const label = f.status === 'ok' ? 'ok     ' : f.status === 'partial' ? 'partial' : 'FAILED ';
    lines.push(`${label} ${f.file}: ${f.status === 'failed' ? 'nothing imported' : counts(f)}`);
    const issues = byFile.get(f.file) ?? [];
    for (const e of issues) {
      const where = [e.line !== undefined ? `line ${e.line}` : '', e.path ?? '', e.nctId ?? '']
        .filter(Boolean)
        .join(' ');
      lines.push(`        ${e.code}${where ? ` (${where})` : ''}: ${e.message}`);
    }
    if (f.errors > issues.length) lines.push(`        … and ${f.errors - issues.length} more errors`);
  }
  for (const s of report.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  const failed = report.files.filter((f) => f.status !== 'ok').length;
  lines.push(
    `Total: ${plural(report.files.length, 'file', 'files')} (${failed} with errors), ${counts(report)}` +
      (report.skipped.length ? `, ${plural(report.skipped.length, 'file', 'files')} skipped` : ''),
  );
  return lines.join('\n') + '\n';
}
