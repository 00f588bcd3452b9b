/**
 * Builds rules/conditions.json and rules/attestations.json, the medical-history and attestation
 * lexicons of the criteria parser, from the hand-curated lists in scripts/lexicons/curated/ and the
 * shared vocabularies (see /work/shared/data/PROVENANCE.md §5 and §8).
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-conditions.js [--vocab DIR]
 *
 * Why curated: the shared vocabularies hold no comorbidity tables (mCODE STU4's Comorbidities
 * profile binds no enumerated value set; the mCODE and trialjectory code lists cover cancers, drugs
 * and biomarkers), so the condition names, synonyms, hierarchy and ICD-10-CM categories are curated,
 * each entry naming its NCI Thesaurus concept or classification. What the build derives:
 *
 *   1. 'other malignancy' exceptions → OncoTree codes, resolved from the OncoTree 2025-10-03 tree by
 *      code, main type ("Skin Cancer, Non-Melanoma") or name ("… In Situ"); an unknown code fails;
 *   2. ICD-10-CM codes of entries that cite mCODE are checked against the mCODE STU4 value-set table;
 *   3. spelling variants the tokenizer does not fold: possessives ("Crohn's" → "Crohn", "Crohns"),
 *      diacritics ("Sjögren" → "Sjogren"); duplicates (same token key) are dropped;
 *   4. consistency: ids unique, parents exist, no cycles, caseSensitive entries are synonyms;
 *   5. ICD-10-CM ranges ("A00-B99", "Z94.0-Z94.4") → the code prefixes they cover ("A", "B"; "Z94.0" …
 *      "Z94.4"), because patient records are matched by code prefix (src/patients/normalise.ts) and a
 *      range written as one string would match no code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { phraseKey } from '../../src/criteria/text';
import { readTsv } from '../vocab-files';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'rules')))!;
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const vocab =
  vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');

const source = z.object({
  name: z.string(),
  licence: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});

const curatedConditions = z.object({
  sources: z.array(source).min(1),
  conditions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      group: z.enum([
        'infection',
        'autoimmune',
        'transplant',
        'pulmonary',
        'cardiac',
        'neurologic',
        'gastrointestinal',
        'hepatic',
        'psychiatric',
        'cns_disease',
        'ocular',
        'other',
      ]),
      synonyms: z.array(z.string()),
      parents: z.array(z.string()).optional(),
      snomed: z.array(z.string()).optional(),
      icd10: z.array(z.string()).optional(),
      caseSensitive: z.array(z.string()).optional(),
      source: z.string(),
    }),
  ),
  malignancyExceptions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      synonyms: z.array(z.string()),
      caseSensitive: z.array(z.string()).optional(),
      oncotree: z
        .object({
          codes: z.array(z.string()).optional(),
          mainTypes: z.array(z.string()).optional(),
          nameMatches: z.array(z.string()).optional(),
        })
        .strict(),
      superset: z.boolean().optional(),
      icd10: z.array(z.string()).optional(),
      source: z.string(),
    }),
  ),
});

const curatedAttestations = z.object({
  sources: z.array(source).min(1),
  topics: z.array(
    z.object({ id: z.string().regex(/^[a-z0-9_]+$/), question: z.string(), synonyms: z.array(z.string()) }),
  ),
});

function fail(message: string): never {
  console.error(`build-conditions: ${message}`);
  process.exit(1);
}

function readJson<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) fail(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Spellings the tokenizer does not fold on its own. */
function variants(phrase: string): string[] {
  const out = [phrase];
  if (/['’]s\b/.test(phrase)) {
    out.push(phrase.replace(/['’]s\b/g, ''), phrase.replace(/['’]s\b/g, 's'));
  }
  const ascii = phrase.normalize('NFD').replace(/\p{M}/gu, '');
  if (ascii !== phrase) out.push(...variants(ascii).filter((v) => v !== ascii), ascii);
  return out;
}

/** Synonyms with variants, minus the name and duplicates by token key (case-sensitive ones kept as written). */
function expand(name: string, synonyms: string[], caseSensitive: string[] = []): string[] {
  const cs = new Set(caseSensitive);
  const seen = new Set<string>(variants(name).map(phraseKey));
  const out: string[] = [];
  for (const s of synonyms) {
    for (const v of cs.has(s) ? [s] : variants(s)) {
      const key = cs.has(v) ? `=${v}` : phraseKey(v);
      if (!phraseKey(v) || seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
  }
  // The name's own variants ("Crohn's disease" → "Crohn disease") become synonyms too.
  for (const v of variants(name).slice(1)) if (!out.includes(v)) out.push(v);
  return out;
}

const conditionsIn = readJson(path.join(root, 'scripts/lexicons/curated/conditions.json'), curatedConditions);
const attestationsIn = readJson(path.join(root, 'scripts/lexicons/curated/attestations.json'), curatedAttestations);

// 4. Consistency of the condition hierarchy.
const ids = new Set<string>();
for (const c of conditionsIn.conditions) {
  if (ids.has(c.id)) fail(`duplicate condition id ${c.id}`);
  ids.add(c.id);
}
for (const c of conditionsIn.conditions) {
  for (const p of c.parents ?? []) if (!ids.has(p)) fail(`${c.id} names unknown parent ${p}`);
  for (const s of c.caseSensitive ?? [])
    if (!c.synonyms.includes(s) && s !== c.name) fail(`${c.id}: caseSensitive ${s} is not a synonym`);
}
const parentsOf = new Map(conditionsIn.conditions.map((c) => [c.id, c.parents ?? []]));
const visiting = new Set<string>();
const checkCycle = (id: string): void => {
  if (visiting.has(id)) fail(`cycle in condition parents at ${id}`);
  visiting.add(id);
  for (const p of parentsOf.get(id) ?? []) checkCycle(p);
  visiting.delete(id);
};
for (const id of ids) checkCycle(id);

// 2. ICD-10-CM codes of entries citing mCODE must be in the mCODE STU4 value-set table.
const mcode = readTsv(path.join(vocab, 'codes/mcode-ig/mcode_stu4_valueset_codes.tsv')).filter(
  (r) => r.code_system === 'ICD-10 CM',
);
const mcodeCodes = new Set(mcode.map((r) => r.code ?? ''));
for (const c of [...conditionsIn.conditions, ...conditionsIn.malignancyExceptions]) {
  if (!/mCODE/.test(c.source)) continue;
  for (const code of c.icd10 ?? []) {
    if (code.includes('-')) continue; // a range names a block, not a listed code
    if (!mcodeCodes.has(code)) fail(`${c.id}: ICD-10-CM ${code} is cited from mCODE but not in its value sets`);
  }
}

// 1. Malignancy exceptions → OncoTree codes.
const oncotree = readTsv(path.join(vocab, 'oncotree/oncotree_2025_10_03.flat.tsv'));
const oncotreeCodes = new Set(oncotree.map((r) => r.code ?? ''));
const malignancyExceptions = conditionsIn.malignancyExceptions.map((e) => {
  const codes = new Set<string>();
  for (const code of e.oncotree.codes ?? []) {
    if (!oncotreeCodes.has(code)) fail(`${e.id}: unknown OncoTree code ${code}`);
    codes.add(code);
  }
  for (const mainType of e.oncotree.mainTypes ?? []) {
    const rows = oncotree.filter((r) => r.mainType === mainType);
    if (!rows.length) fail(`${e.id}: no OncoTree node has main type ${mainType}`);
    for (const r of rows) codes.add(r.code ?? '');
  }
  for (const frag of e.oncotree.nameMatches ?? []) {
    const rows = oncotree.filter((r) => (r.name ?? '').toLowerCase().includes(frag.toLowerCase()));
    if (!rows.length) fail(`${e.id}: no OncoTree name contains ${frag}`);
    for (const r of rows) codes.add(r.code ?? '');
  }
  return {
    id: e.id,
    name: e.name,
    synonyms: expand(e.name, e.synonyms, e.caseSensitive),
    ...(e.caseSensitive?.length ? { caseSensitive: e.caseSensitive } : {}),
    oncotree: [...codes].sort(),
    ...(e.superset ? { superset: true } : {}),
    ...(e.icd10 ? { icd10: e.icd10 } : {}),
    source: e.source,
  };
});

// 5. ICD-10-CM ranges → prefixes.
const CATEGORY_RANGE = /^([A-Z])(\d{2})-([A-Z])(\d{2})$/;
const SUBCATEGORY_RANGE = /^([A-Z]\d{2})\.(\d)-([A-Z]\d{2})\.(\d)$/;
function icdPrefixes(code: string): string[] {
  const sub = SUBCATEGORY_RANGE.exec(code);
  if (sub) {
    if (sub[1] !== sub[3]) fail(`ICD-10-CM range ${code} spans categories`);
    const out: string[] = [];
    for (let d = Number(sub[2]); d <= Number(sub[4]); d++) out.push(`${sub[1]}.${d}`);
    return out;
  }
  const cat = CATEGORY_RANGE.exec(code);
  if (!cat) {
    if (code.includes('-')) fail(`unreadable ICD-10-CM range ${code}`);
    return [code];
  }
  const out: string[] = [];
  const from = cat[1]!.charCodeAt(0);
  const to = cat[3]!.charCodeAt(0);
  for (let l = from; l <= to; l++) {
    const letter = String.fromCharCode(l);
    const lo = l === from ? Number(cat[2]) : 0;
    const hi = l === to ? Number(cat[4]) : 99;
    // A whole chapter letter is its own prefix.
    if (lo === 0 && hi === 99) {
      out.push(letter);
      continue;
    }
    for (let n = lo; n <= hi; n++) out.push(`${letter}${String(n).padStart(2, '0')}`);
  }
  return out;
}
const icdList = (codes: string[]): string[] => [...new Set(codes.flatMap(icdPrefixes))];

const conditions = conditionsIn.conditions.map((c) => ({
  id: c.id,
  name: c.name,
  group: c.group,
  synonyms: expand(c.name, c.synonyms, c.caseSensitive),
  ...(c.parents?.length ? { parents: c.parents } : {}),
  ...(c.snomed?.length ? { snomed: c.snomed } : {}),
  ...(c.icd10?.length ? { icd10: icdList(c.icd10) } : {}),
  ...(c.caseSensitive?.length ? { caseSensitive: c.caseSensitive } : {}),
  source: c.source,
}));

const buildNote = {
  name: 'ctmatch build-conditions',
  note: 'Generated by scripts/lexicons/build-conditions.ts from scripts/lexicons/curated/conditions.json; do not edit by hand. `malignancyExceptions` are the cancers that "other malignancy" criteria exempt, with OncoTree codes resolved by the build; `superset` marks a mapping broader than the phrase (the parser leaves such a phrase unread).',
};
const conditionsOut = { sources: [...conditionsIn.sources, buildNote], conditions, malignancyExceptions };
fs.writeFileSync(path.join(root, 'rules/conditions.json'), JSON.stringify(conditionsOut, null, 1) + '\n');

const seenTopic = new Set<string>();
const topics = attestationsIn.topics.map((t) => {
  if (seenTopic.has(t.id)) fail(`duplicate attestation topic ${t.id}`);
  seenTopic.add(t.id);
  return { id: t.id, question: t.question, synonyms: expand('', t.synonyms) };
});
const attestationsOut = {
  sources: [
    ...attestationsIn.sources,
    {
      name: 'ctmatch build-conditions',
      note: 'Generated by scripts/lexicons/build-conditions.ts from scripts/lexicons/curated/attestations.json; do not edit by hand.',
    },
  ],
  topics,
};
fs.writeFileSync(path.join(root, 'rules/attestations.json'), JSON.stringify(attestationsOut, null, 1) + '\n');

const synonymCount = conditions.reduce((n, c) => n + c.synonyms.length + 1, 0);
console.log(
  `conditions.json: ${conditions.length} conditions, ${synonymCount} names; ${malignancyExceptions.length} malignancy exceptions → ${new Set(malignancyExceptions.flatMap((e) => e.oncotree)).size} OncoTree codes`,
);
console.log(`attestations.json: ${topics.length} topics, ${topics.reduce((n, t) => n + t.synonyms.length, 0)} phrases`);
