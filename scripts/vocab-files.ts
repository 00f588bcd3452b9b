/** Readers for the shared vocabulary files, used by every rules/ builder. */
import fs from 'node:fs';

/** A tab-separated file with a header row, as one record per row keyed by column name. */
export function readTsv(file: string): Array<Record<string, string>> {
  const [head, ...rows] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const cols = head!.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** A JSON file, typed by the caller (curated inputs are checked by the build that reads them). */
export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
