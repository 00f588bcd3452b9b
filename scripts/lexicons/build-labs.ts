/**
 * Builds rules/labs.json, the laboratory lexicon of the criteria parser: which labs exist, their
 * LOINC codes, the unit rules are written in and the conversions into it, and the names criteria use.
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-labs.js [--vocab DIR]
 *
 * Codes come from the shared mCODE tables (see /work/shared/data/PROVENANCE.md §8):
 *   - mcode-ig/loinc_cbc_cmp_labs_mcode_0.9.tsv: LOINC code, display and fixed UCUM unit of every CBC
 *     and CMP component (ANC 751-8, platelets 777-3, hemoglobin 718-7, creatinine 2160-0, …);
 *   - mcode-ig/mcode_stu4_valueset_codes.tsv: the Tumor Marker Test value set (PSA 2857-1, LDH 2532-0).
 * The hand-curated supplement scripts/lexicons/curated/labs.json picks the labs oncology criteria
 * state limits for, names the codes it takes from those tables (the build fails when a table lacks
 * one, or when a table's fixed unit is neither the rule unit nor a declared conversion), adds codes
 * the tables lack (each citing LOINC), the rule unit, unit conversions (AMA SI table), synonyms, the
 * side of the reference range criteria limit and the range a stated limit can plausibly take (a
 * limit outside it is a unit slip of the trial text, left unread).
 * Only the curated labs are written: the tables' other rows (MCV, chloride, anion gap…) are never
 * thresholds in eligibility criteria.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readTsv } from '../vocab-files';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'rules')))!;
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const vocab =
  vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');

interface SourceNote {
  name: string;
  licence?: string;
  url?: string;
  note?: string;
}
interface Conversion {
  unit: string;
  factor: number;
  source?: string;
}
interface CuratedLab {
  id: string;
  name: string;
  loincFromTables?: string[];
  loincExtra?: Array<{ code: string; display: string; source: string }>;
  unit: string;
  families?: string[];
  conversions?: Conversion[];
  synonyms: string[];
  caseSensitive?: string[];
  normal?: 'upper' | 'lower' | 'both';
  plausible: { min: number; max: number; reference: string };
  source: string;
}
interface Curated {
  sources: SourceNote[];
  unitFamilies: Record<string, { note: string; conversions: Conversion[] }>;
  labs: CuratedLab[];
  unitSlips: { note: string; slips: Array<{ written: string; meant: string }> };
}

/** UCUM units of the mCODE table → the unit keys rules use. */
const UCUM_TO_RULE: Record<string, string> = { 'U/L': 'U/L', 'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L', '%': '%' };

function fail(message: string): never {
  throw new Error(`build-labs: ${message}`);
}

function main(): void {
  const curated = JSON.parse(
    fs.readFileSync(path.join(root, 'scripts', 'lexicons', 'curated', 'labs.json'), 'utf8'),
  ) as Curated;
  const table = new Map<string, { display: string; unit: string; origin: string }>();
  for (const row of readTsv(path.join(vocab, 'codes', 'mcode-ig', 'loinc_cbc_cmp_labs_mcode_0.9.tsv'))) {
    table.set(row.loinc!, {
      display: row.display!,
      unit: row.ucum_unit_fixed_in_profile ?? '',
      origin: 'mCODE 0.9 CBC/CMP',
    });
  }
  for (const row of readTsv(path.join(vocab, 'codes', 'mcode-ig', 'mcode_stu4_valueset_codes.tsv'))) {
    if (row.code_system !== 'LOINC' || table.has(row.code!)) continue;
    table.set(row.code!, { display: row.display!, unit: '', origin: `mCODE STU4 ${row.value_set_name}` });
  }

  const ids = new Set<string>();
  const codeNotes: string[] = [];
  const labs = curated.labs.map((lab) => {
    if (ids.has(lab.id)) fail(`duplicate lab id ${lab.id}`);
    ids.add(lab.id);
    const conversions = new Map<string, number>();
    for (const fam of lab.families ?? []) {
      const family = curated.unitFamilies[fam] ?? fail(`${lab.id}: unknown unit family ${fam}`);
      for (const c of family.conversions) conversions.set(c.unit, c.factor);
    }
    for (const c of lab.conversions ?? []) conversions.set(c.unit, c.factor);
    conversions.delete(lab.unit);
    for (const [unit, factor] of conversions)
      if (!(factor > 0)) fail(`${lab.id}: conversion from ${unit} must be positive`);

    const loinc: string[] = [];
    const fromTables: string[] = [];
    for (const code of lab.loincFromTables ?? []) {
      const row = table.get(code) ?? fail(`${lab.id}: LOINC ${code} is not in the mCODE tables`);
      const fixed = row.unit ? (UCUM_TO_RULE[row.unit] ?? row.unit) : '';
      if (fixed && fixed !== lab.unit && !conversions.has(fixed)) {
        fail(
          `${lab.id}: the mCODE table fixes ${code} to ${row.unit}, which is neither the rule unit ${lab.unit} nor a conversion`,
        );
      }
      loinc.push(code);
      fromTables.push(`${code} “${row.display}” (${row.origin})`);
    }
    for (const extra of lab.loincExtra ?? []) {
      if (!/^\d{1,6}-\d$/.test(extra.code)) fail(`${lab.id}: malformed LOINC code ${extra.code}`);
      loinc.push(extra.code);
      fromTables.push(`${extra.code} “${extra.display}” (${extra.source})`);
    }
    if (!loinc.length) fail(`${lab.id}: no LOINC code`);
    const { min, max } = lab.plausible ?? fail(`${lab.id}: no plausible range`);
    if (!(min >= 0 && max > min)) fail(`${lab.id}: plausible range ${min}–${max} is empty`);
    codeNotes.push(`${lab.id}: ${fromTables.join('; ')}`);

    const synonyms = [...new Set(lab.synonyms.filter((s) => s !== lab.name))];
    for (const cs of lab.caseSensitive ?? []) {
      if (!synonyms.includes(cs) && cs !== lab.name) fail(`${lab.id}: caseSensitive ${cs} is not a synonym`);
    }
    return {
      id: lab.id,
      name: lab.name,
      synonyms,
      loinc,
      unit: lab.unit,
      conversions: [...conversions].map(([unit, factor]) => ({ unit, factor })),
      ...(lab.caseSensitive?.length ? { caseSensitive: lab.caseSensitive } : {}),
      ...(lab.normal ? { normal: lab.normal } : {}),
      plausible: { min, max },
    };
  });

  const out = {
    sources: [
      ...curated.sources,
      {
        name: 'LOINC codes per lab',
        note: `Built by scripts/lexicons/build-labs.ts from the mCODE tables and scripts/lexicons/curated/labs.json. ${codeNotes.join(' | ')}`,
      },
      { name: 'Unit slips', note: curated.unitSlips.note },
    ],
    labs,
    unitSlips: curated.unitSlips.slips,
  };
  const target = path.join(root, 'rules', 'labs.json');
  fs.writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(
    `rules/labs.json: ${labs.length} labs, ${labs.reduce((n, l) => n + l.synonyms.length + 1, 0)} names\n`,
  );
}

main();
