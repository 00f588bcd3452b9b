import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { importPaths, MAX_ISSUES_PER_FILE, type ImportReport } from '../../src/ingest/import-files';
import { createLogger } from '../../src/logger';
import type { Store } from '../../src/store/database';
import { countTrials, getTrial } from '../../src/store/trials-repo';
import { openTestStore } from '../support/store';
import { FIXTURES, fixtureStudies, nctIdOf } from '../support/studies';
import { cleanupTmpDirs, tmpDir } from '../support/tmp';

const log = createLogger({ level: 'silent' });
const ONCOLOGY = path.join(FIXTURES, 'ctgov', 'studies.oncology.v2.jsonl.gz');
const OTHER = path.join(FIXTURES, 'ctgov', 'studies.other.v2.jsonl.gz');
const LEGACY = path.join(FIXTURES, 'ctgov-legacy-xml');

/** The raw text lines of a recorded JSONL snapshot, exactly as stored. */
function realLines(file = ONCOLOGY): string[] {
  return zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim());
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

type StudyShape = {
  protocolSection: {
    identificationModule: { nctId?: string; briefTitle?: string };
    statusModule: { lastUpdatePostDateStruct?: { date: string } };
  };
};

function codes(report: ImportReport): string[] {
  return report.errors.map((e) => e.code);
}

describe('importPaths', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  beforeEach(async () => {
    await store.db.execute(sql`TRUNCATE trials, store_meta CASCADE`);
  });
  afterAll(async () => {
    await store.close();
    cleanupTmpDirs();
  });

  it('imports exactly the 740 oncology studies of the bundled gzip JSONL, and a second import changes nothing', async () => {
    const first = await importPaths(store, [ONCOLOGY], { log });
    expect(first).toMatchObject({ studiesRead: 740, inserted: 740, updated: 0, unchanged: 0, invalid: 0, errors: [] });
    expect(first.files).toEqual([
      expect.objectContaining({ file: ONCOLOGY, format: 'jsonl', gzip: true, status: 'ok', inserted: 740 }),
    ]);
    expect(await countTrials(store.db)).toBe(740);

    const second = await importPaths(store, [ONCOLOGY], { log });
    expect(second).toMatchObject({ studiesRead: 740, inserted: 0, updated: 0, unchanged: 740, invalid: 0 });
    expect(await countTrials(store.db)).toBe(740);
  });

  it('loses no data when it also reports progress, for plain and gzip files', async () => {
    const dir = tmpDir();
    const plain = path.join(dir, 'plain.jsonl');
    fs.writeFileSync(plain, realLines(OTHER).join('\n'));
    const report = await importPaths(store, [plain, ONCOLOGY], { log, progress: true });
    expect(report.files.map((f) => f.studiesRead)).toEqual([391, 740]);
    expect(await countTrials(store.db)).toBe(391 + 740);
  });

  it('gives the same rows whatever the batch size, including batches smaller than a file', async () => {
    const report = await importPaths(store, [OTHER], { log, batchSize: 37 });
    expect(report).toMatchObject({ studiesRead: 391, inserted: 391, invalid: 0 });
    expect(await countTrials(store.db)).toBe(391);
  });

  it('replaces a trial with a copy whose lastUpdatePostDate is later, and never with an older copy', async () => {
    const original = clone(fixtureStudies()[0]) as StudyShape;
    const nctId = original.protocolSection.identificationModule.nctId!;
    const storedDate = original.protocolSection.statusModule.lastUpdatePostDateStruct!.date;
    const newer = clone(original);
    newer.protocolSection.statusModule.lastUpdatePostDateStruct = { date: '2099-01-31' };
    newer.protocolSection.identificationModule.briefTitle = 'Newer title';
    const older = clone(original);
    older.protocolSection.statusModule.lastUpdatePostDateStruct = { date: '2001-01-01' };
    older.protocolSection.identificationModule.briefTitle = 'Older title';
    const dir = tmpDir();
    for (const [name, study] of Object.entries({ original, newer, older })) {
      fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(study));
    }

    await importPaths(store, [path.join(dir, 'original.json')], { log });
    expect((await getTrial(store.db, nctId))?.lastUpdatePostDate).toBe(storedDate);

    const up = await importPaths(store, [path.join(dir, 'newer.json')], { log });
    expect(up).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await getTrial(store.db, nctId)).toMatchObject({ title: 'Newer title', lastUpdatePostDate: '2099-01-31' });

    for (const name of ['older.json', 'original.json']) {
      const down = await importPaths(store, [path.join(dir, name)], { log });
      expect(down).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    }
    expect(await getTrial(store.db, nctId)).toMatchObject({ title: 'Newer title', lastUpdatePostDate: '2099-01-31' });
  });

  it('keeps the 2026 v2 record of NCT05704647 over its 2023 legacy XML record, whichever is imported first', async () => {
    const dir = tmpDir();
    const v2 = fixtureStudies().find((s) => nctIdOf(s) === 'NCT05704647');
    fs.writeFileSync(path.join(dir, 'NCT05704647.json'), JSON.stringify(v2));
    const xml = path.join(LEGACY, 'NCT05704647.xml');

    await importPaths(store, [path.join(dir, 'NCT05704647.json')], { log });
    expect(await importPaths(store, [xml], { log })).toMatchObject({ studiesRead: 1, unchanged: 1, updated: 0 });
    expect((await getTrial(store.db, 'NCT05704647'))?.lastUpdatePostDate).toBe('2026-07-16');

    await store.db.execute(sql`TRUNCATE trials CASCADE`);
    await importPaths(store, [xml], { log });
    expect((await getTrial(store.db, 'NCT05704647'))?.lastUpdatePostDate).toBe('2023-02-27');
    expect(await importPaths(store, [path.join(dir, 'NCT05704647.json')], { log })).toMatchObject({ updated: 1 });
    const row = await getTrial(store.db, 'NCT05704647');
    expect(row?.lastUpdatePostDate).toBe('2026-07-16');
    expect(row?.raw).toEqual(v2);
  });

  it('accepts a single study, a list page with extra keys, a JSON array, NDJSON, gzip under any name and legacy XML', async () => {
    const dir = tmpDir();
    const lines = realLines(OTHER);
    const single = path.join(FIXTURES, 'ctgov', 'single', 'NCT03377387.json');
    // A real page that also carries a non-API `pagination` key.
    const page = path.join(FIXTURES, 'ctgov', 'list-pages', 'hadleylab__temp_breast_cancer_search.json');
    const array = path.join(dir, 'array.json');
    fs.writeFileSync(array, `[${lines.slice(0, 3).join(',\n')}]`);
    const ndjson = path.join(dir, 'studies.ndjson');
    fs.writeFileSync(ndjson, lines.slice(3, 8).join('\r\n') + '\r\n');
    const pageGz = path.join(dir, 'page.json.gz');
    fs.writeFileSync(
      pageGz,
      zlib.gzipSync(fs.readFileSync(path.join(FIXTURES, 'ctgov', 'list-pages', 'genmdai__smoke_search.json'))),
    );
    // Gzip content behind a plain .jsonl name: detected by its magic bytes.
    const disguised = path.join(dir, 'disguised.jsonl');
    fs.writeFileSync(disguised, zlib.gzipSync(lines.slice(8, 10).join('\n')));
    // JSONL content behind a .json name.
    const jsonlAsJson = path.join(dir, 'lines.json');
    fs.writeFileSync(jsonlAsJson, lines.slice(10, 12).join('\n'));
    const xml = path.join(LEGACY, 'NCT05685602.xml');
    const xmlGz = path.join(dir, 'NCT05688241.xml.gz');
    fs.writeFileSync(xmlGz, zlib.gzipSync(fs.readFileSync(path.join(LEGACY, 'NCT05688241.xml'))));

    const report = await importPaths(store, [single, page, array, ndjson, pageGz, disguised, jsonlAsJson, xml, xmlGz], {
      log,
    });
    expect(report.errors).toEqual([]);
    expect(report.files.map((f) => [path.basename(f.file), f.format, f.gzip, f.studiesRead])).toEqual([
      ['NCT03377387.json', 'json', false, 1],
      ['hadleylab__temp_breast_cancer_search.json', 'json', false, 10],
      ['array.json', 'json', false, 3],
      ['studies.ndjson', 'jsonl', false, 5],
      ['page.json.gz', 'json', true, 3],
      ['disguised.jsonl', 'jsonl', true, 2],
      ['lines.json', 'jsonl', false, 2],
      ['NCT05685602.xml', 'xml', false, 1],
      ['NCT05688241.xml.gz', 'xml', true, 1],
    ]);
    expect(report.studiesRead).toBe(28);
    expect(await countTrials(store.db)).toBe(report.inserted);
    expect(await getTrial(store.db, 'NCT03377387')).toBeDefined();
    expect((await getTrial(store.db, 'NCT05685602'))?.source).toBe('import');
    expect(await getTrial(store.db, 'NCT05688241')).toMatchObject({ phases: ['PHASE1', 'PHASE2'] });
  });

  it('walks a directory recursively in sorted order, skipping hidden files and noting unknown extensions', async () => {
    const dir = tmpDir();
    const lines = realLines();
    fs.mkdirSync(path.join(dir, 'b', 'nested'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.hidden-dir'));
    fs.writeFileSync(path.join(dir, 'b', 'nested', 'z.jsonl'), lines.slice(0, 2).join('\n'));
    fs.writeFileSync(path.join(dir, 'a.jsonl'), lines.slice(2, 4).join('\n'));
    fs.copyFileSync(path.join(LEGACY, 'NCT05686122.xml'), path.join(dir, 'b', 'c.xml'));
    fs.writeFileSync(path.join(dir, '.hidden.jsonl'), lines.slice(4, 6).join('\n'));
    fs.writeFileSync(path.join(dir, '.hidden-dir', 'x.jsonl'), lines.slice(6, 8).join('\n'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a study');

    const report = await importPaths(store, [dir], { log });
    expect(report.files.map((f) => path.relative(dir, f.file))).toEqual(['a.jsonl', 'b/c.xml', 'b/nested/z.jsonl']);
    expect(report.skipped).toEqual([{ file: path.join(dir, 'notes.txt'), reason: 'unknown extension' }]);
    expect(report).toMatchObject({ studiesRead: 5, inserted: 5, errors: [] });
    expect(await countTrials(store.db)).toBe(5);
  });

  it('gives each small file its own counts when one batch spans many files', async () => {
    const report = await importPaths(store, [LEGACY], { log });
    const xmlFiles = fs.readdirSync(LEGACY).filter((f) => f.endsWith('.xml'));
    expect(report.files).toHaveLength(xmlFiles.length);
    expect(report.files.every((f) => f.status === 'ok' && f.studiesRead === 1 && f.inserted === 1)).toBe(true);
    expect(await countTrials(store.db)).toBe(xmlFiles.length);
    const again = await importPaths(store, [LEGACY], { log });
    expect(again.files.every((f) => f.unchanged === 1)).toBe(true);
  });

  it('reports a malformed JSONL line with its line number and still imports the rest of the file', async () => {
    const dir = tmpDir();
    const lines = realLines().slice(0, 6);
    lines[2] = lines[2]!.slice(0, 500); // a record cut off mid-line
    const file = path.join(dir, 'cut.jsonl');
    fs.writeFileSync(file, lines.join('\n') + '\n');

    const report = await importPaths(store, [file], { log });
    expect(report.errors).toEqual([expect.objectContaining({ file, code: 'malformed_json', line: 3 })]);
    expect(report).toMatchObject({ studiesRead: 5, inserted: 5 });
    expect(report.files[0]?.status).toBe('partial');
    expect(await countTrials(store.db)).toBe(5);
  });

  it('skips a page study without nctId, reporting its JSON pointer, and imports the other studies of the page', async () => {
    const dir = tmpDir();
    const page = JSON.parse(
      fs.readFileSync(
        path.join(FIXTURES, 'ctgov', 'list-pages', 'hadleylab__d80fe101b7c222245e93a6dcf5ece0f1.json'),
        'utf8',
      ),
    ) as { studies: StudyShape[] };
    const dropped = page.studies[1]!.protocolSection.identificationModule.nctId;
    delete page.studies[1]!.protocolSection.identificationModule.nctId;
    const file = path.join(dir, 'page.json');
    fs.writeFileSync(file, JSON.stringify(page));

    const report = await importPaths(store, [file], { log });
    expect(report.errors).toEqual([
      expect.objectContaining({
        file,
        code: 'invalid_study',
        path: '/studies/1/protocolSection/identificationModule/nctId',
      }),
    ]);
    expect(report).toMatchObject({ studiesRead: 5, invalid: 1, inserted: 4 });
    expect(await getTrial(store.db, dropped!)).toBeUndefined();
    expect(await countTrials(store.db)).toBe(4);
  });

  it('reports a truncated gzip as truncated_gzip and keeps the studies read before the cut', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(file, fs.readFileSync(ONCOLOGY).subarray(0, 300_000));

    const report = await importPaths(store, [file], { log });
    expect(codes(report)).toEqual(['truncated_gzip']);
    const [f] = report.files;
    expect(f?.status).toBe('partial');
    expect(f?.studiesRead).toBeGreaterThan(0);
    expect(f?.studiesRead).toBeLessThan(740);
    expect(await countTrials(store.db)).toBe(f?.inserted);
  });

  it('reports missing, corrupt and foreign files with stable codes while importing the good files of the same run', async () => {
    const dir = tmpDir();
    const lines = realLines();
    const good = path.join(dir, 'good.jsonl');
    fs.writeFileSync(good, lines.slice(0, 3).join('\n'));
    const notJson = path.join(dir, 'broken.json');
    fs.writeFileSync(notJson, lines[3]!.slice(0, 1000));
    const corruptGz = path.join(dir, 'corrupt.jsonl.gz');
    const gz = zlib.gzipSync(lines.slice(4, 6).join('\n'));
    gz.fill(0x41, 20, 60); // overwrite part of the deflate stream
    fs.writeFileSync(corruptGz, gz);
    const badXml = path.join(dir, 'broken.xml');
    fs.writeFileSync(badXml, fs.readFileSync(path.join(LEGACY, 'NCT05686122.xml'), 'utf8').slice(0, 4000));
    const otherXml = path.join(dir, 'other.xml');
    fs.writeFileSync(otherXml, '<?xml version="1.0"?>\n<patient><id>1</id></patient>\n');
    const packageJson = path.join(FIXTURES, '..', 'package.json');
    const yaml = path.join(FIXTURES, 'ctgov', 'openapi', 'ctg-oas-v2.yaml');
    const missing = path.join(dir, 'missing.jsonl');

    const report = await importPaths(store, [missing, good, notJson, corruptGz, badXml, otherXml, packageJson, yaml], {
      log,
    });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    const codeOf = (file: string): string | undefined => report.errors.find((e) => e.file === file)?.code;
    expect(codeOf(missing)).toBe('file_not_found');
    expect(codeOf(notJson)).toBe('malformed_json');
    expect(codeOf(corruptGz)).toBe('malformed_gzip');
    expect(codeOf(badXml)).toBe('malformed_xml');
    expect(report.errors.find((e) => e.file === badXml)?.line).toEqual(expect.any(Number));
    expect(codeOf(otherXml)).toBe('unrecognised_format');
    expect(codeOf(packageJson)).toBe('unrecognised_format');
    expect(codeOf(yaml)).toBe('unrecognised_format');
    expect(report.errors).toHaveLength(7);
    for (const file of [missing, notJson, corruptGz, badXml, otherXml, packageJson, yaml]) {
      expect(byFile[file]?.status).toBe('failed');
    }
    expect(byFile[good]).toMatchObject({ status: 'ok', inserted: 3 });
    expect(await countTrials(store.db)).toBe(3);
  });

  it('isolates a study the database cannot store (a NUL character) and imports the rest of its batch', async () => {
    const dir = tmpDir();
    const studies = fixtureStudies()
      .slice(0, 4)
      .map((s) => clone(s) as StudyShape & { protocolSection: { descriptionModule?: { briefSummary?: string } } });
    studies[2]!.protocolSection.descriptionModule = { briefSummary: 'contains a \u0000 byte' };
    const file = path.join(dir, 'nul.jsonl');
    fs.writeFileSync(file, studies.map((s) => JSON.stringify(s)).join('\n'));

    const report = await importPaths(store, [file], { log });
    expect(report.errors).toEqual([
      expect.objectContaining({
        code: 'rejected_by_store',
        line: 3,
        nctId: studies[2]!.protocolSection.identificationModule.nctId,
      }),
    ]);
    expect(report).toMatchObject({ studiesRead: 4, inserted: 3, invalid: 1 });
    expect(await countTrials(store.db)).toBe(3);
  });

  it('lists at most MAX_ISSUES_PER_FILE errors per file but counts every one', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'garbage.jsonl');
    const extra = 7;
    fs.writeFileSync(file, Array.from({ length: MAX_ISSUES_PER_FILE + extra }, (_, i) => `{"broken": ${i}`).join('\n'));

    const report = await importPaths(store, [file], { log });
    expect(report.errors).toHaveLength(MAX_ISSUES_PER_FILE);
    expect(report.errorsOmitted).toBe(extra);
    expect(report.files[0]?.errors).toBe(MAX_ISSUES_PER_FILE + extra);
  });
});
