/**
 * Builds rules/genes.json, the gene and marker lexicon of the criteria parser, from the shared
 * vocabularies (see /work/shared/data/PROVENANCE.md §7) plus the hand-curated supplement in
 * scripts/lexicons/curated/genes.*.json.
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-genes.js [--vocab DIR]
 *
 * Genes: every row of cancer_genes_subset.tsv (891 cancer genes: CIViC genes, pharmOncoX drug
 * targets, mCODE biomarker genes; HGNC 2021 symbols) with its HGNC previous / alias symbols and CIViC
 * synonyms, filtered so that an alias found in criteria text names that gene and nothing else:
 *
 *   1. malformed: fewer than 3 characters, no letter, or characters other than letters, digits and
 *      - . / : * (e.g. "MLN 19", "p185(erbB2)", "'C-K-RAS");
 *   2. ambiguous: the alias belongs to two or more genes of the subset (CIViC lists KRAS as an NRAS
 *      synonym, HNPCC under MLH1 and MSH2), or is the approved symbol of another HGNC gene;
 *   3. word-like: letters only and at most 4 characters (RCC, MDS, CAP, ERK, AIM, FAT — acronyms
 *      that criteria use for diseases and procedures far more often than for the gene);
 *   4. an ordinary word: written in lower case in the criteria corpus (aromatase, killer, merlin);
 *   5. a disease code: an OncoTree code (MTC, PTC…);
 *   6. claimed by a curated marker (HER2 → the ERBB2 marker) or dropped by the curated list.
 *
 *   7. shaped like a protein change (G13, B4, R132): it would be read as a variant.
 *
 * Curated `keep` entries and family names (`groups`) bypass the filters. The approved symbol is
 * always kept; it and any kept alias are marked caseSensitive when they are letters only and at
 * most 4 characters long, an ordinary lower-case word in the corpus, or an OncoTree code — so MET,
 * RET, ATM, KIT match only as written ("criteria met" is not the MET gene). A 3–4 capital symbol
 * that is no ordinary word also gets its capitalised spelling, matched as written ("Alk", "Kras").
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readTsv } from '../vocab-files';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'rules')))!;
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const vocab =
  vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');

interface CuratedMarker {
  id: string;
  name: string;
  gene?: string;
  synonyms: string[];
  caseSensitive?: string[];
  source: string;
}
interface CuratedAliases {
  groups: Array<{ name: string; members: string[]; spellings: string[]; source: string }>;
  extra: Array<{ gene: string; aliases: string[]; source: string }>;
  keep: Array<{ alias: string; gene: string; source: string }>;
  drop: Array<{ alias: string; reason: string }>;
}

const splitList = (s: string | undefined, sep: RegExp): string[] =>
  (s ?? '')
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/** Lower-case words of the criteria corpus: a token written in lower case is an ordinary word. */
function corpusWords(): Set<string> {
  const counts = new Map<string, number>();
  for (const file of ['studies.oncology.v2.jsonl.gz', 'studies.other.v2.jsonl.gz']) {
    const full = path.join(root, 'fixtures', 'ctgov', file);
    const lines = zlib.gunzipSync(fs.readFileSync(full)).toString('utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const study = JSON.parse(line) as { protocolSection?: { eligibilityModule?: { eligibilityCriteria?: string } } };
      const text = study.protocolSection?.eligibilityModule?.eligibilityCriteria ?? '';
      for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const w = m[0];
        if (/^\p{Ll}+$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  // Two sightings, so that a single typo does not turn a gene symbol into a word.
  return new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
}

const squash = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

function main(): void {
  const subset = readTsv(path.join(vocab, 'genes', 'cancer_genes_subset.tsv'));
  const hgnc = readTsv(path.join(vocab, 'genes', 'hgnc', 'hgnc_approved_genes_2021-02.tsv'));
  const oncotree = readTsv(path.join(vocab, 'oncotree', 'oncotree_2025_10_03.flat.tsv'));
  const curatedDir = path.join(root, 'scripts', 'lexicons', 'curated');
  const { markers } = JSON.parse(fs.readFileSync(path.join(curatedDir, 'genes.markers.json'), 'utf8')) as {
    markers: CuratedMarker[];
  };
  const curated = JSON.parse(fs.readFileSync(path.join(curatedDir, 'genes.aliases.json'), 'utf8')) as CuratedAliases;

  const hgncSymbols = new Set(hgnc.map((r) => r['Approved symbol']!));
  const oncotreeCodes = new Set(oncotree.map((r) => r['code']!.toLowerCase()));
  const words = corpusWords();
  const subsetSymbols = new Set(subset.map((r) => r['symbol']!));
  for (const m of markers) {
    if (m.gene && !hgncSymbols.has(m.gene))
      throw new Error(`marker ${m.id}: gene ${m.gene} is not an HGNC 2021 symbol`);
  }
  for (const g of [
    ...curated.groups.flatMap((x) => x.members),
    ...curated.extra.map((x) => x.gene),
    ...curated.keep.map((x) => x.gene),
  ]) {
    if (!subsetSymbols.has(g)) throw new Error(`curated entry names ${g}, which is not in cancer_genes_subset.tsv`);
  }

  const markerKeys = new Set(markers.flatMap((m) => [m.name, ...m.synonyms]).map(squash));
  const dropped = new Set(curated.drop.map((d) => d.alias));
  const keep = new Map(curated.keep.map((k) => [k.alias, k.gene]));

  // Which subset genes claim each alias (symbols and aliases alike), to find the ambiguous ones.
  const owners = new Map<string, Set<string>>();
  const candidates = new Map<string, string[]>();
  for (const r of subset) {
    const symbol = r['symbol']!;
    const list = [...splitList(r['previous_symbols'], /\|/), ...splitList(r['alias_symbols'], /\|/)];
    candidates.set(symbol, list);
    for (const a of [symbol, ...list]) {
      const key = squash(a);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(symbol);
    }
  }

  const reasons = new Map<string, number>();
  const reject = (why: string): false => {
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
    return false;
  };
  const wordLike = (a: string): boolean =>
    (/^[A-Za-z-]+$/.test(a) && a.replace(/-/g, '').length <= 4) ||
    words.has(a.toLowerCase()) ||
    oncotreeCodes.has(a.toLowerCase());

  const accept = (symbol: string, alias: string): boolean => {
    if (keep.get(alias) === symbol) return true;
    if (dropped.has(alias)) return reject('curated drop');
    if (markerKeys.has(squash(alias))) return reject('claimed by a marker');
    if (alias.length < 3 || !/[A-Za-z]/.test(alias) || !/^[\p{L}\p{N}\-./:*]+$/u.test(alias))
      return reject('malformed');
    // "G13", "B4", "R132": an alias shaped like a protein change would be read as a variant's gene.
    if (/^[A-Z]\d{1,4}[A-Z]?$/.test(alias)) return reject('shaped like a protein change');
    if ((owners.get(squash(alias))?.size ?? 0) > 1) return reject('ambiguous in subset');
    if (hgncSymbols.has(alias) && alias !== symbol) return reject('symbol of another HGNC gene');
    if (/^[A-Za-z]+$/.test(alias) && alias.length <= 4) return reject('letters only, ≤ 4 characters');
    if (words.has(alias.toLowerCase())) return reject('ordinary word in corpus');
    if (oncotreeCodes.has(alias.toLowerCase())) return reject('OncoTree code');
    return true;
  };

  const extraBy = new Map<string, string[]>();
  for (const e of curated.extra) extraBy.set(e.gene, [...(extraBy.get(e.gene) ?? []), ...e.aliases]);
  const groupBy = new Map<string, string[]>();
  for (const g of curated.groups)
    for (const m of g.members) groupBy.set(m, [...(groupBy.get(m) ?? []), ...g.spellings]);

  const genes = subset
    .map((r) => {
      const symbol = r['symbol']!;
      const own = (candidates.get(symbol) ?? []).filter((a) => a !== symbol && accept(symbol, a));
      const extra = (extraBy.get(symbol) ?? []).filter((a) => !markerKeys.has(squash(a)));
      const group = groupBy.get(symbol) ?? [];
      // A short all-capitals symbol that is no ordinary word is also written capitalised ("Alk", "Kras").
      const titled = [symbol]
        .filter(
          (a) =>
            /^[A-Z]{3,4}\d?$/.test(a) &&
            !words.has(a.toLowerCase()) &&
            !oncotreeCodes.has(a.toLowerCase()) &&
            (owners.get(squash(a))?.size ?? 0) <= 1,
        )
        .map((a) => a[0] + a.slice(1).toLowerCase());
      const aliases = [...new Set([...own, ...extra, ...group, ...titled])].filter((a) => a !== symbol).sort();
      // The symbol itself stays even when a marker also lists it (ERBB2): the extractor prefers the marker.
      const caseSensitive = [symbol, ...aliases].filter((a) => wordLike(a) || titled.includes(a));
      return {
        symbol,
        name: r['approved_name_hgnc2021'] || undefined,
        aliases,
        ...(caseSensitive.length ? { caseSensitive } : {}),
      };
    })
    .sort((a, b) => a.symbol.localeCompare(b.symbol));

  const out = {
    sources: [
      {
        name: 'cancer_genes_subset.tsv (ctmatch shared vocabulary)',
        licence: 'CC0',
        note: 'Union of CIViC genes, pharmOncoX drug targets and mCODE biomarker genes resolved to HGNC 2021 symbols, with HGNC previous/alias symbols and CIViC synonyms (PROVENANCE.md §7). Aliases filtered by scripts/lexicons/build-genes.ts (method in its header).',
      },
      {
        name: 'HGNC approved genes, February 2021',
        licence: 'CC0',
        url: 'https://www.genenames.org',
        note: 'Approved names; every approved symbol is used to reject aliases that name another gene.',
      },
      { name: 'CIViC gene synonyms 2025-10-01', licence: 'CC0', url: 'https://civicdb.org' },
      {
        name: 'OncoTree 2025-10-03',
        licence: 'CC BY 4.0',
        note: 'Tumour-type codes, used only to reject aliases that are disease codes.',
      },
      {
        name: 'ctmatch criteria corpus (fixtures/ctgov)',
        note: 'Words written in lower case in 1,131 studies, used to mark word-like symbols case-sensitive and drop word-like aliases.',
      },
      {
        name: 'scripts/lexicons/curated/genes.markers.json and genes.aliases.json',
        note: 'Hand-curated markers (receptors, signatures, antigens, fusions) and family names, each entry citing its source (HGNC, FDA labels, ASCO/CAP and WHO guidelines).',
      },
    ],
    genes,
    markers: markers.map((m) => ({
      id: m.id,
      name: m.name,
      ...(m.gene ? { gene: m.gene } : {}),
      synonyms: m.synonyms,
      ...(m.caseSensitive?.length ? { caseSensitive: m.caseSensitive } : {}),
      source: m.source,
    })),
  };

  // One gene or marker per line keeps the generated file reviewable in diffs.
  const body = [
    '{',
    `  "sources": ${JSON.stringify(out.sources)},`,
    '  "genes": [',
    out.genes.map((g) => `    ${JSON.stringify(g)}`).join(',\n'),
    '  ],',
    '  "markers": [',
    out.markers.map((m) => `    ${JSON.stringify(m)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  const target = path.join(root, 'rules', 'genes.json');
  fs.writeFileSync(target, body);
  const aliasCount = genes.reduce((s, g) => s + g.aliases.length, 0);
  console.log(
    `rules/genes.json: ${genes.length} genes, ${aliasCount} aliases, ${markers.length} markers, ${(body.length / 1024).toFixed(0)} KB`,
  );
  for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`  dropped ${String(n).padStart(5)}  ${why}`);
}

main();
