/**
 * Builds rules/actionable-alterations.json: per gene, the alterations with strong evidence of
 * sensitivity to a therapy, so that a criterion asking for an "actionable", "driver", "activating"
 * or "sensitizing" alteration of a gene can be judged against a patient's named alteration.
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-actionable.js [--vocab DIR]
 *
 * Source: CIViC clinical evidence summaries (CC0; 2018-05 nightly export, the newest variant-level
 * export in /work/shared/data/vocab/genes/civic, see PROVENANCE.md §7). Kept: evidence type
 * Predictive, direction Supports, significance Sensitivity/Response, level A (validated) or B
 * (clinical). Generic rows ("MUTATION", "EXPRESSION", "WILD TYPE") are dropped: they name no
 * alteration a record could report. Fusions and rearrangements fold to "fusion".
 *
 * An alteration missing from this list is not "not actionable": the evaluator leaves it unknown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldAlteration } from '../../src/patients/normalise';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const root = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'rules')))!;
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const vocab = vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');
const file = path.join(vocab, 'genes', 'civic', 'civic_2018-05_nightly-ClinicalEvidenceSummaries.tsv');

const GENERIC = /^(?:mutation|mutations|expression|overexpression|underexpression|loss|loss-of-function|wild type|serum levels|phosphorylation|.*phosphorylation|rare .*|exon \d+ mutation|exon \d+ overexpression)$/i;

function fold(gene: string, variant: string): string | null {
  const v = variant.trim();
  if (GENERIC.test(v)) return null;
  // "ALK FUSIONS", "REARRANGEMENT", "EML4-ALK", "NPM-ALK" (two gene symbols joined by a hyphen).
  if (/fusion|rearrangement|::/i.test(v) || /^[A-Z][A-Z0-9]+-[A-Z][A-Z0-9]+$/.test(v)) return 'fusion';
  if (/^amplification$/i.test(v)) return 'amplification';
  if (/^ex(?:on)?\s*\d+\s*del/i.test(v) || /^exon \d+ (?:deletion|insertion|skipping)/i.test(v)) return foldAlteration(v);
  // Protein changes, possibly two in one row ("Ex19 del L858R" is a compound; keep its parts).
  const parts = v.split(/\s+(?=[A-Z]\d+[A-Z*]?$)/);
  if (parts.length > 1) return null;
  if (/^[A-Z]\d+[A-Z*]?$/i.test(v)) return foldAlteration(v);
  void gene;
  return null;
}

const lines = fs.readFileSync(file, 'utf8').split('\n');
const header = lines[0]!.split('\t');
const col = (name: string): number => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`column ${name} missing from ${file}`);
  return i;
};
const [GENE, VARIANT, TYPE, DIRECTION, LEVEL, SIGNIFICANCE] = ['gene', 'variant', 'evidence_type', 'evidence_direction', 'evidence_level', 'clinical_significance'].map(col) as [number, number, number, number, number, number];
const byGene = new Map<string, Set<string>>();
for (const line of lines.slice(1)) {
  const f = line.split('\t');
  if (f[TYPE] !== 'Predictive' || f[DIRECTION] !== 'Supports' || !['A', 'B'].includes(f[LEVEL] ?? '')) continue;
  if (!/^Sensitivity/.test(f[SIGNIFICANCE] ?? '')) continue;
  const gene = f[GENE]!;
  const alteration = fold(gene, f[VARIANT] ?? '');
  if (!alteration) continue;
  if (!byGene.has(gene)) byGene.set(gene, new Set());
  byGene.get(gene)!.add(alteration);
}
const genes = Object.fromEntries([...byGene].sort(([a], [b]) => a.localeCompare(b)).map(([g, s]) => [g, [...s].sort()]));
const out = {
  sources: [
    {
      name: 'CIViC clinical evidence summaries, 2018-05 nightly export',
      licence: 'CC0 1.0',
      url: 'https://civicdb.org',
      note: 'Predictive evidence supporting sensitivity/response at level A or B; generic rows dropped; fusions folded to "fusion". Built by scripts/lexicons/build-actionable.ts.',
    },
  ],
  genes,
};
const target = path.join(root, 'rules', 'actionable-alterations.json');
fs.writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${target}: ${Object.keys(genes).length} genes, ${Object.values(genes).flat().length} alterations`);
