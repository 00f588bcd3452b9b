/**
 * Builds rules/cancer-types.json: one entry per OncoTree node (code, name, parents, tissue, NCIt and
 * UMLS codes, SNOMED CT and ICD-10-CM codes, search synonyms), plus the groups criteria name without
 * naming an organ (ANY_CANCER, SOLID, HEME, MELANOMA, SARCOMA, LYMPHOMA…).
 *
 * Inputs (read-only, see /work/shared/data/PROVENANCE.md §5 and §8):
 *   oncotree/oncotree_2025_10_03.json            the tree (CC BY 4.0, MSK)
 *   oncotree/oncotree_crosswalk_nci_umls.tsv     NCIt / UMLS codes the tree lacks
 *   codes/mcode-ctm-app/cancer{Types,Subtypes}.json   SNOMED CT disorder codes with displays (Apache-2.0)
 *   codes/mcode-ig/mcode_stu4_valueset_codes.tsv      ICD-10-CM codes of the mCODE cancer value sets (CC0)
 *   scripts/lexicons/curated/cancer-types.curated.json   groups, organ words, synonyms, ICD-10 map
 *
 *   npx tsx scripts/lexicons/build-cancer-types.ts [vocabDir]
 *   (or compiled: npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-cancer-types.js)
 *
 * Synonyms are generated systematically from OncoTree names (cancer ↔ carcinoma, "pancreatic
 * adenocarcinoma" ↔ "adenocarcinoma of the pancreas", "A/B" names split) and joined with the curated
 * ones. SNOMED CT codes are matched by name: each display is scanned with the finished phrase index
 * and the longest cancer mention wins, falling back to the ctm-app category; the build prints every
 * mapping it made so that it can be reviewed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PhraseIndex } from '../../src/criteria/lexicon';
import { phraseKey } from '../../src/criteria/text';
import { readTsv, readJson } from '../vocab-files';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const REPO = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'rules', 'cancer-types.json')),
)!;
const VOCAB = process.argv[2] ?? process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab';
const OUT = path.join(REPO, 'rules', 'cancer-types.json');
const CURATED = path.join(REPO, 'scripts', 'lexicons', 'curated', 'cancer-types.curated.json');

interface OncoNode {
  code: string;
  name: string;
  mainType: string | null;
  tissue: string | null;
  parent?: string;
  externalReferences?: { NCI?: string[]; UMLS?: string[] };
  children: Record<string, OncoNode>;
}

interface Curated {
  sources: Array<{ name: string; licence?: string; url?: string; note?: string }>;
  groups: Array<{
    code: string;
    name: string;
    parents: string[];
    ncit?: string;
    synonyms: string[];
    members?: { mainTypes?: string[]; codes?: string[]; tissues?: string[]; allTissuesExcept?: string[] };
    source: string;
  }>;
  renames: Array<{ code: string; name: string; source: string }>;
  histologyWords: string[];
  organs: Array<{
    organ: string;
    nouns: string[];
    adjectives: string[];
    cancer: string[];
    heads: string[];
    source: string;
  }>;
  /** caseSensitive: abbreviations that are also words or other abbreviations (GB, UM); they match
   * only as written and stay out of the generated synonyms and the SNOMED name matching. */
  synonyms: Array<{ codes: string[]; add: string[]; caseSensitive?: string[]; source: string }>;
  icd10: { note: string; map: Array<[string, string]> };
  snomedCategoryFallback: Record<string, string>;
  snomedSkip: { categories: string[]; displayPattern: string };
}

interface OutType {
  code: string;
  name: string;
  parents: string[];
  tissue?: string | null;
  ncit?: string | null;
  umls?: string | null;
  snomed?: string[];
  icd10?: string[];
  synonyms: string[];
  caseSensitive?: string[];
}

/** OncoTree codes may hold '/' or '-' (MDS/MPN, HCL-V); rules codes are [A-Z0-9_]. */
const safeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

const curated = readJson<Curated>(CURATED);
const tree = readJson<Record<string, OncoNode>>(path.join(VOCAB, 'oncotree', 'oncotree_2025_10_03.json'));
const crosswalk = new Map(
  readTsv(path.join(VOCAB, 'oncotree', 'oncotree_crosswalk_nci_umls.tsv')).map((r) => [r['oncotree_code']!, r]),
);

// ---- 1. Flatten the tree (the root TISSUE is replaced by the ANY_CANCER group). ----------------
const nodes: OncoNode[] = [];
const walk = (n: OncoNode): void => {
  nodes.push(n);
  for (const c of Object.values(n.children)) walk(c);
};
const root = tree['TISSUE'];
if (!root) throw new Error('OncoTree file has no TISSUE root');
for (const c of Object.values(root.children)) walk(c);
const byCode = new Map(nodes.map((n) => [n.code, n]));
const tissues = new Set(Object.keys(root.children));

// ---- 2. Synonym generation. -----------------------------------------------------------------
const histologyWords = new Set(curated.histologyWords.map((w) => w.toLowerCase()));
const organForms: Array<{ form: string; organ: Curated['organs'][number] }> = curated.organs
  .flatMap((o) => [...o.nouns, ...o.adjectives].map((form) => ({ form: form.toLowerCase(), organ: o })))
  .sort((a, b) => b.form.length - a.form.length);
const organByForm = new Map(organForms.map((f) => [f.form, f.organ]));

const DISEASE_HEAD =
  /(?:oma|cancer|carcinoma|tumou?r|leuka?emia|neoplasms?|disease|syndrome|neoplasia|papillomatosis|histiocytosis|mastocytosis|macroglobulinemia|fibromatosis)s?$/i;

/** "B-Lymphoblastic Leukemia/Lymphoma" → both diseases; "Vulva/Vagina" organ names stay whole. */
function splitSlash(name: string): string[] {
  if (!name.includes('/')) return [name];
  const parts = name.split('/').map((p) => p.trim());
  if (parts.every((p) => DISEASE_HEAD.test(p) && p.split(/\s+/).length > 1)) return [name, ...parts];
  const first = parts[0]!;
  const firstWords = first.split(/\s+/);
  if (
    parts.length === 2 &&
    DISEASE_HEAD.test(first) &&
    firstWords.length > 1 &&
    /^\w+$/.test(parts[1]!) &&
    DISEASE_HEAD.test(parts[1]!)
  ) {
    return [name, first, [...firstWords.slice(0, -1), parts[1]!].join(' ')];
  }
  return [name];
}

function headSwaps(phrase: string): string[] {
  const out = [phrase];
  if (/\bcancer$/i.test(phrase)) out.push(phrase.replace(/cancer$/i, 'carcinoma'));
  else if (/\bcarcinoma$/i.test(phrase)) out.push(phrase.replace(/carcinoma$/i, 'cancer'));
  return out;
}

/** Organ-first ↔ organ-last variants: "lung adenocarcinoma" ↔ "adenocarcinoma of the lung". */
function organVariants(phrase: string): string[] {
  const lower = phrase.toLowerCase();
  const out: string[] = [];
  const emit = (hist: string, organs: Array<Curated['organs'][number]>): void => {
    for (const h of headSwaps(hist)) {
      for (const o of organs) {
        for (const n of o.nouns) out.push(`${h} of the ${n}`, `${h} of ${n}`, `${n} ${h}`);
        for (const a of o.adjectives) out.push(`${a} ${h}`);
      }
    }
  };
  const of = /^(.+?) of (?:the )?(.+)$/.exec(lower);
  if (of) {
    const organs = of[2]!.split('/').map((s) => organByForm.get(s.trim()));
    if (organs.every((o): o is Curated['organs'][number] => o !== undefined)) emit(of[1]!, organs);
    return out;
  }
  for (const { form, organ } of organForms) {
    if (!lower.startsWith(form + ' ')) continue;
    const rest = lower.slice(form.length + 1);
    const first = rest.split(/\s+/)[0] ?? '';
    if (histologyWords.has(first) && !/\bof\b/.test(rest)) emit(rest, [organ]);
    break;
  }
  return out;
}

function generated(name: string): string[] {
  const out: string[] = [];
  for (const part of splitSlash(name)) {
    for (const p of headSwaps(part)) {
      out.push(p);
      out.push(...organVariants(p));
    }
  }
  return out;
}

// ---- 3. Types. ------------------------------------------------------------------------------
const renames = new Map(curated.renames.map((r) => [r.code, r.name]));
const types = new Map<string, OutType>();
const curatedKeys = new Map<string, Set<string>>(); // phrase key → codes that claim it by curation

for (const g of curated.groups) {
  types.set(g.code, {
    code: g.code,
    name: g.name,
    parents: [...g.parents],
    ncit: g.ncit ?? null,
    umls: null,
    synonyms: [...g.synonyms],
  });
  for (const s of g.synonyms) {
    const k = phraseKey(s);
    curatedKeys.set(k, new Set([...(curatedKeys.get(k) ?? []), g.code]));
  }
}
for (const s of curated.synonyms) {
  for (const a of s.add) {
    const k = phraseKey(a);
    curatedKeys.set(k, new Set([...(curatedKeys.get(k) ?? []), ...s.codes.map(safeCode)]));
  }
}

for (const n of nodes) {
  const code = safeCode(n.code);
  if (types.has(code)) throw new Error(`code collision: ${code}`);
  const isTissue = tissues.has(n.code);
  // A tissue's OncoTree name is a bare organ word ("Lung"); as a search phrase it would turn every
  // "lung function" into a cancer, so tissues are named by their mainType ("Lung Cancer").
  const name = renames.get(code) ?? (isTissue ? (n.mainType ?? n.name) : n.name);
  const cw = crosswalk.get(n.code);
  const ncit = n.externalReferences?.NCI?.[0] ?? (cw?.['nci_code'] || null);
  const umls = n.externalReferences?.UMLS?.[0] ?? (cw?.['umls_cui'] || null);
  const synonyms = renames.has(code) ? [] : generated(name);
  types.set(code, {
    code,
    name,
    parents: isTissue ? [] : [safeCode(n.parent ?? '')],
    tissue: n.tissue,
    ncit,
    umls,
    synonyms,
  });
}

// Organ-level synonyms: "<organ> cancer", "carcinoma of the <organ>".
for (const o of curated.organs) {
  for (const code of o.cancer) {
    const t = types.get(code);
    if (!t) throw new Error(`organ ${o.organ}: unknown code ${code}`);
    for (const h of o.heads) {
      for (const a of o.adjectives) t.synonyms.push(`${a} ${h}`);
      for (const n of o.nouns) t.synonyms.push(`${n} ${h}`, `${h} of the ${n}`, `${h} of ${n}`);
    }
  }
}
for (const s of curated.synonyms) {
  for (const c of s.codes) {
    const t = types.get(safeCode(c));
    if (!t) throw new Error(`curated synonym: unknown code ${c}`);
    t.synonyms.push(...s.add);
    if (s.caseSensitive?.length) t.caseSensitive = [...new Set([...(t.caseSensitive ?? []), ...s.caseSensitive])];
  }
}

// ---- 4. Group membership (extra parents; the hierarchy becomes a DAG). ---------------------
for (const g of curated.groups) {
  const m = g.members;
  if (!m) continue;
  const members = new Set<string>();
  for (const t of m.tissues ?? []) members.add(t);
  if (m.allTissuesExcept) for (const t of tissues) if (!m.allTissuesExcept.includes(t)) members.add(t);
  for (const c of m.codes ?? []) members.add(c);
  if (m.mainTypes) {
    const wanted = new Set(m.mainTypes);
    for (const n of nodes) {
      if (tissues.has(n.code) || !n.mainType || !wanted.has(n.mainType)) continue;
      const parent = n.parent ? byCode.get(n.parent) : undefined;
      // Only the topmost node of the mainType in its branch; descendants follow through it.
      if (parent && !tissues.has(parent.code) && parent.mainType && wanted.has(parent.mainType)) continue;
      members.add(n.code);
    }
  }
  for (const c of members) {
    const t = types.get(safeCode(c));
    if (!t) throw new Error(`group ${g.code}: unknown member ${c}`);
    if (!t.parents.includes(g.code)) t.parents.push(g.code);
  }
}
for (const t of tissues) {
  const type = types.get(safeCode(t))!;
  if (!type.parents.includes('SOLID') && !type.parents.includes('HEME'))
    throw new Error(`tissue ${t} is neither SOLID nor HEME`);
}

// ---- 5. Plurals of -a words: the tokenizer folds "tumors" → "tumor" but leaves "-as" alone
// ("carcinomas", "leukemias"), so those plurals are listed.
for (const t of types.values()) {
  const plurals = [t.name, ...t.synonyms].filter((s) => /[a-z]a$/i.test(s) && !/\bNOS$/.test(s)).map((s) => `${s}s`);
  t.synonyms.push(...plurals);
}

// ---- 6. Synonym clean-up: dedupe by phrase key; a phrase curated for another code is not also ----
// generated here (curation wins), and no synonym repeats the name.
for (const t of types.values()) {
  const seen = new Set([phraseKey(t.name)]);
  const kept: string[] = [];
  for (const s of t.synonyms) {
    const k = phraseKey(s);
    if (!k || seen.has(k)) continue;
    const claim = curatedKeys.get(k);
    if (claim && !claim.has(t.code)) continue;
    seen.add(k);
    kept.push(s);
  }
  t.synonyms = kept;
}

// ---- 7. SNOMED CT codes. ------------------------------------------------------------------------
// The ctm-app list (organ) and category give a code; a cancer the display names refines it when it
// is a descendant (more specific), and replaces it when the two disagree (logged for review).
const parentsOf = new Map([...types.values()].map((t) => [t.code, t.parents]));
const ancestors = (code: string): Set<string> => {
  const acc = new Set<string>([code]);
  const stack = [code];
  while (stack.length) {
    for (const p of parentsOf.get(stack.pop()!) ?? []) {
      if (acc.has(p)) continue;
      acc.add(p);
      stack.push(p);
    }
  }
  return acc;
};
// SQUAMOUS is a histology of many sites: a display naming squamous cell carcinoma of a site the
// lexicon has no node for ("… of colon", "… of anterior wall of urinary bladder") keeps its organ.
const GENERIC = new Set(['ANY_CANCER', 'SOLID', 'HEME', 'SQUAMOUS']);
const NON_PREFIX = /\bnon[- ]?$/i;
const index = new PhraseIndex();
for (const t of types.values()) for (const s of [t.name, ...t.synonyms]) index.add(s, 'cancer', t.code);
interface CtmEntry {
  code: string;
  display: string;
  category?: string[];
  cancerType?: string[];
}
const ctm = [
  ...readJson<CtmEntry[]>(path.join(VOCAB, 'codes', 'mcode-ctm-app', 'cancerTypes.json')),
  ...readJson<CtmEntry[]>(path.join(VOCAB, 'codes', 'mcode-ctm-app', 'cancerSubtypes.json')),
];
const skipCategories = new Set(curated.snomedSkip.categories);
const skipDisplay = new RegExp(curated.snomedSkip.displayPattern, 'i');
const snomedLog: string[] = [];
const counts = { category: 0, refined: 0, byName: 0, skipped: 0 };
for (const e of ctm) {
  const display = e.display.replace(/\s*\((?:disorder|morphologic abnormality|finding)\)\s*$/i, '');
  if ((e.category ?? []).some((c) => skipCategories.has(c)) || skipDisplay.test(display)) {
    counts.skipped++;
    snomedLog.push(`  skipped   ${e.code.padEnd(18)} ${display}`);
    continue;
  }
  const organ = e.cancerType?.[0] ?? '';
  // "Malignant neoplasm of lung" names a site, not a histology: the organ, not the list category.
  const siteOnly =
    /^(?:primary\s+)?(?:malignant\s+(?:neoplasm|tumou?r)|carcinoma|cancer|neoplasm|local recurrence of malignant tumou?r)\b/i.test(
      display,
    );
  const organCode = curated.snomedCategoryFallback[organ];
  const fromList =
    siteOnly && organCode
      ? organCode
      : [
          ...(e.category ?? []).map((c) => curated.snomedCategoryFallback[`${organ}/${c}`]),
          curated.snomedCategoryFallback[organ],
        ]
          .filter((c): c is string => c !== undefined)
          .sort((a, b) => ancestors(b).size - ancestors(a).size)[0];
  // "Non-small cell carcinoma of lung" holds the words "small cell carcinoma": a name after "non-"
  // is the histology the display excludes, never the one it names.
  const mentions = index
    .scan(display)
    .filter((m) => !GENERIC.has(m.id) && !NON_PREFIX.test(display.slice(0, m.start)));
  const len = (m: { start: number; end: number }): number => m.end - m.start;
  const best = mentions.length ? Math.max(...mentions.map(len)) : 0;
  const named = [...new Set(mentions.filter((m) => len(m) === best).map((m) => m.id))];
  // Topmost codes under both a and b (a bladder cancer that is also urothelial → BLCA).
  const meet = (a: string, b: string): string[] =>
    [...types.keys()].filter((c) => {
      const anc = ancestors(c);
      return (
        anc.has(a) && anc.has(b) && !(parentsOf.get(c) ?? []).some((p) => ancestors(p).has(a) && ancestors(p).has(b))
      );
    });
  let codes: string[];
  let how = 'category';
  if (!fromList) {
    codes = named;
    how = 'byName';
  } else if (!named.length) {
    codes = [fromList];
  } else {
    const consistent = named.filter((c) => ancestors(c).has(fromList));
    const met = [...new Set(named.flatMap((c) => meet(c, fromList)))];
    if (consistent.length === 1) {
      codes = consistent;
      how = consistent[0] === fromList ? 'category' : 'refined';
    } else if (consistent.length > 1 || named.every((c) => ancestors(fromList).has(c))) {
      codes = [fromList]; // ambiguous refinement, or the display is broader than the category
    } else if (met.length === 1) {
      codes = met;
      how = 'refined';
    } else {
      codes = named;
      how = 'byName';
    }
  }
  if (!codes.length) {
    snomedLog.push(`  unmapped  ${e.code.padEnd(18)} ${display}`);
    continue;
  }
  counts[how as keyof typeof counts]++;
  for (const c of codes) {
    const t = types.get(c)!;
    t.snomed = [...new Set([...(t.snomed ?? []), e.code])];
  }
  snomedLog.push(
    `  ${how.padEnd(8)}  ${e.code.padEnd(18)} ${display}  →  ${codes.join('|')}${how === 'byName' ? `  (list: ${fromList ?? '-'})` : ''}`,
  );
}

// ---- 8. ICD-10-CM prefixes, checked against the mCODE value sets. -------------------------------
const icdCodes = readTsv(path.join(VOCAB, 'codes', 'mcode-ig', 'mcode_stu4_valueset_codes.tsv'))
  .filter((r) => /ICD-10/i.test(r['code_system'] ?? ''))
  .map((r) => r['code']!);
for (const [prefix, code] of curated.icd10.map) {
  if (!icdCodes.some((c) => c.startsWith(prefix))) throw new Error(`ICD-10 ${prefix} is not in the mCODE value sets`);
  const t = types.get(code);
  if (!t) throw new Error(`ICD-10 ${prefix}: unknown code ${code}`);
  t.icd10 = [...new Set([...(t.icd10 ?? []), prefix])];
}

// ---- 9. Checks and output. ------------------------------------------------------------------
for (const t of types.values()) {
  for (const p of t.parents) if (!types.has(p)) throw new Error(`${t.code}: unknown parent ${p}`);
  if (!/^[A-Z0-9_]+$/.test(t.code)) throw new Error(`bad code ${t.code}`);
}
const sources = [
  {
    name: 'OncoTree (Memorial Sloan Kettering Cancer Center)',
    licence: 'CC BY 4.0',
    url: 'https://github.com/cBioPortal/oncotree',
    note: 'trees/oncotree_2025_10_03.json @ b362db70f6472fb6349329d1ef6d8f3dcef7d083: every node with its parent, tissue, NCIt and UMLS codes. Tissue nodes take their mainType as name; codes with / or - are written with _ (MDS/MPN → MDS_MPN, HCL-V → HCL_V).',
  },
  {
    name: 'OncoTree NCIt/UMLS crosswalk',
    licence: 'CC BY 4.0',
    url: 'https://github.com/cBioPortal/oncotree',
    note: 'core/src/main/resources/staticCrosswalkOncotreeMappings.txt @ 42e2047142e71b450494d648165199919198855e: NCIt and UMLS codes for nodes whose tree entry lacks them.',
  },
  ...curated.sources,
  {
    name: 'mCODE clinical-trial-matching-app code lists',
    licence: 'Apache-2.0',
    url: 'https://github.com/mcode/clinical-trial-matching-app',
    note: `src/assets/optimizedPatientDataElements/cancerTypes.json and cancerSubtypes.json @ 4891254e9f80edca25aa8041ed93f92990b7c3aa: SNOMED CT codes mapped to OncoTree from the list (organ) and category, refined BY NAME where the display names a more specific cancer this lexicon knows (${counts.category} by category, ${counts.refined} refined by name, ${counts.byName} by name against the category, ${counts.skipped} syndromes/secondary neoplasms skipped). Reviewed by hand from the build log (VERBOSE=1). SNOMED CT terms remain SNOMED International's.`,
  },
  {
    name: 'mCODE STU4 value sets (HL7 fhir-mCODE-ig)',
    licence: 'CC0-1.0',
    url: 'https://github.com/HL7/fhir-mCODE-ig',
    note: `ICD-10-CM: ${curated.icd10.note} ICD-10-CM is US public domain.`,
  },
];
const typeOrder = [...curated.groups.map((g) => g.code), ...nodes.map((n) => safeCode(n.code))];
const lines = typeOrder.map((c) => {
  const t = types.get(c)!;
  // Key order is fixed so that the generated file diffs cleanly.
  const o: Record<string, unknown> = { code: t.code, name: t.name, parents: t.parents };
  if (t.tissue !== undefined) o.tissue = t.tissue;
  o.ncit = t.ncit ?? null;
  o.umls = t.umls ?? null;
  if (t.snomed?.length) o.snomed = t.snomed;
  if (t.icd10?.length) o.icd10 = t.icd10;
  o.synonyms = t.synonyms;
  if (t.caseSensitive?.length) o.caseSensitive = t.caseSensitive;
  return '    ' + JSON.stringify(o);
});
const json = `{\n  "sources": ${JSON.stringify(sources, null, 2).replace(/\n/g, '\n  ')},\n  "types": [\n${lines.join(',\n')}\n  ]\n}\n`;
JSON.parse(json);
fs.writeFileSync(OUT, json);

// Shared phrases (one phrase, several codes) are allowed, but listed for review.
const owners = new Map<string, string[]>();
for (const t of types.values())
  for (const s of [t.name, ...t.synonyms]) owners.set(phraseKey(s), [...(owners.get(phraseKey(s)) ?? []), t.code]);
const shared = [...owners.entries()].filter(([, v]) => new Set(v).size > 1);
if (process.env.VERBOSE) {
  console.log('SNOMED mappings:\n' + snomedLog.join('\n'));
  console.log(
    'Phrases shared by several codes:\n' + shared.map(([k, v]) => `  ${k} → ${[...new Set(v)].join('|')}`).join('\n'),
  );
}
const synCount = [...types.values()].reduce((s, t) => s + t.synonyms.length, 0);
console.log(
  `cancer-types.json: ${types.size} types (${curated.groups.length} groups), ${synCount} synonyms, ` +
    `SNOMED ${counts.category + counts.refined + counts.byName}/${ctm.length} mapped, ICD-10 ${curated.icd10.map.length} prefixes, ${shared.length} shared phrases, ` +
    `${(json.length / 1024).toFixed(0)} KB`,
);
