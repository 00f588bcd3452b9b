/**
 * `npm run bench:parse`: parses every criterion of the 1,131 recorded studies and prints trials/s and
 * criteria/s (median of 5 runs on one core), plus parse coverage of the oncology set.
 *
 *   node dist/bench/parse-bench.js [--runs N] [--category labs] [--show 40] [--status unparsed|partial]
 *
 * --category prints sample criteria of one category with their rules (a development aid).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { CoverageCounter } from '../src/criteria/coverage';
import { lexicons } from '../src/criteria/lexicon';
import { parseCriteria, type ParsedCriterion } from '../src/criteria/parse';
import { renderCondition } from '../src/criteria/render';

// Compiled to dist/bench, or run from source with tsx: the repository root is whichever holds fixtures/.
const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'fixtures', 'ctgov')))!;
function load(file: string): Array<{ nctId: string; text: string | undefined }> {
  return zlib
    .gunzipSync(fs.readFileSync(path.join(root, 'fixtures', 'ctgov', file)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const s = JSON.parse(l) as {
        protocolSection: { identificationModule: { nctId: string }; eligibilityModule?: { eligibilityCriteria?: string } };
      };
      return { nctId: s.protocolSection.identificationModule.nctId, text: s.protocolSection.eligibilityModule?.eligibilityCriteria };
    });
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    category: { type: 'string' },
    show: { type: 'string', default: '40' },
    status: { type: 'string' },
  },
});

const oncology = load('studies.oncology.v2.jsonl.gz');
const all = [...oncology, ...load('studies.other.v2.jsonl.gz')];
const t0 = process.hrtime.bigint();
lexicons();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

const times: number[] = [];
let criteriaCount = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const start = process.hrtime.bigint();
  let n = 0;
  for (const s of all) n += parseCriteria(s.text).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  criteriaCount = n;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const counter = new CoverageCounter();
const parsed: Array<{ nctId: string; c: ParsedCriterion }> = [];
for (const s of oncology) {
  const cs = parseCriteria(s.text);
  counter.addTrial(cs);
  for (const c of cs) parsed.push({ nctId: s.nctId, c });
}
const report = counter.report(15);

console.log(`lexicons loaded in ${loadMs.toFixed(0)} ms`);
console.log(
  `parse: ${all.length} studies, ${criteriaCount} criteria, median ${median.toFixed(0)} ms of ${times.length} runs → ${((all.length / median) * 1000).toFixed(0)} trials/s, ${((criteriaCount / median) * 1000).toFixed(0)} criteria/s`,
);
console.log(
  `oncology coverage: ${report.criteria} criteria; parsed ${report.parsed}, partial ${report.partial}, unparsed ${report.unparsed}; read ${(report.readShare * 100).toFixed(1)}%`,
);
for (const [cat, c] of Object.entries(report.byCategory)) {
  console.log(`  ${cat.padEnd(20)} ${String(c.read).padStart(5)}/${String(c.criteria).padEnd(5)} ${(c.share * 100).toFixed(1)}%`);
}
console.log('most frequent unparsed phrasings:');
for (const p of report.topUnparsed) console.log(`  ${String(p.count).padStart(4)}  ${p.phrase}`);

if (values.category) {
  const cat = values.category;
  const rows = parsed.filter(({ c }) => c.categories.includes(cat as never) && (!values.status || c.status === values.status));
  const misses = rows.filter(({ c }) => !c.categoriesRead.includes(cat as never));
  console.log(`\n${cat}: ${rows.length} criteria, ${misses.length} without a ${cat} finding`);
  for (const { nctId, c } of [...misses, ...rows.filter((r) => !misses.includes(r))].slice(0, Number(values.show))) {
    console.log(`- ${nctId} ${c.kind} [${c.status}] ${JSON.stringify(c.text.slice(0, 220))}\n    → ${renderCondition(c.rule)}`);
  }
}
