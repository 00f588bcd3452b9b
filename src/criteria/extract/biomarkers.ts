/**
 * Biomarker requirements: gene alterations, receptor and antigen status, PD-L1 / TMB / Ki-67 values,
 * MSI / MMR, HLA type. "HER2-positive", "ER+/PR-", "EGFR exon 19 deletion or L858R", "KRAS G12C",
 * "germline BRCA1/2 mutation", "MSI-H/dMMR", "PD-L1 TPS ≥ 50%", "HLA-A*02:01 positive".
 *
 * Ids the evaluator must expect (rules/genes.json is the shared lexicon, so a patient record's "HER2"
 * reaches the same id):
 * - Genomic alterations use the HGNC symbol: {gene: 'EGFR', alteration: 'L858R', status: 'detected'}.
 *   A marker with a gene (HER2 → ERBB2, PD-L1 → CD274, p16 → CDKN2A) uses that gene for alterations
 *   ("HER2 amplification" → {gene: 'ERBB2', alteration: 'amplification'}).
 * - Expression / status results use the marker id: ERBB2 (HER2), ER, PR, HR (ER and/or PR; the
 *   evaluator derives it from ER and PR), AR, PD-L1, PD-1, Ki-67, MSI, MMR, TMB, HRD, HLA-A/B/C,
 *   CLDN18.2, FRα, TROP2, Nectin-4, DLL3, B7-H3, CD19/CD20/CD22/CD30/CD33/CD38/CD123, BCMA, PSMA,
 *   SSTR, HPV, p16, EBV; fusions named as such use 'BCR::ABL1' / 'PML::RARA' as alteration of the
 *   3' gene.
 * - Families expand to 'any of' their members through the lexicon (BRCA → BRCA1, BRCA2; NTRK →
 *   NTRK1-3; RAS → KRAS, NRAS, HRAS; IDH → IDH1, IDH2).
 *
 * Conventions:
 * - Presence of a mutation, fusion or amplification is status 'detected'; "positive" after a gene
 *   ("ALK-positive", "EGFR mutation-positive") means the same. Absence ("wild-type", "mutation
 *   negative", "without EGFR mutation") is the same leaf with value false — the parser never writes
 *   'not_detected' or 'wild_type', so the evaluator answers one question per gene.
 * - alteration values: a protein change (V600E, G12C, T790M; V600 covers V600E/K/D/R), 'exon 19
 *   deletion', 'exon 20 insertion', 'exon 14 skipping', 'ITD', 'mutation', 'amplification',
 *   'fusion' (rearrangement, translocation), 'deletion', 'loss', 'promoter methylation', the
 *   qualified 'sensitizing mutation' / 'activating mutation' (NCCN NSCLC: EGFR exon 19 deletion,
 *   L858R and the uncommon G719X / L861Q / S768I) / 'inactivating mutation' / 'actionable
 *   alteration' ("driver", "targetable", "actionable"), or a named fusion ('BCR::ABL1' on ABL1,
 *   HGNC fusion notation). No alteration means any alteration of the gene. "Pathogenic",
 *   "deleterious" and "likely pathogenic" are what a reported mutation means (ACMG/AMP reporting),
 *   so they add no qualifier.
 * - MSI: MSI-H → {MSI, high}; MSS and MSI-L read as "not MSI-H" → {MSI, high} = false.
 *   MMR: deficient (dMMR, loss of MLH1/MSH2/MSH6/PMS2 expression) → {MMR, negative}; proficient
 *   (pMMR, intact expression) → {MMR, positive} (CAP colorectal biomarker template).
 * - Values: biomarkerValue {name: 'PD-L1', scale: 'TPS' | 'CPS' | 'TC' | 'IC'} in %, scale omitted
 *   when the text gives none; {name: 'TMB', scale: 'mut/Mb'}; {name: 'ER' | 'PR' | 'Ki-67', scale:
 *   '%'}; {name: 'BCR::ABL1', scale: '% IS'}; HER2 immunohistochemistry as {name: 'ERBB2', scale:
 *   'IHC'} 0–3 with in-situ hybridisation as {gene: 'ERBB2', alteration: 'amplification', method:
 *   'ISH'}. "HER2-expressing" / "express HER2" with no score is IHC ≥ 1.
 * - A HER2 / ER / PR status followed by its ASCO/CAP definition ("HER2-negative (IHC 0, 1+, or
 *   2+/ISH-)", "ER-positive (≥ 1%)") reads as the status; a definition that departs from the
 *   guideline is written out instead.
 * - origin: 'germline' for germline / hereditary / inherited / constitutional / carrier / gBRCA;
 *   'somatic' for somatic / sBRCA.
 * - "Status must be known / available", "testing must have been performed for X": any(X, not X) on
 *   the marker's own leaf — unknown without a result, true with any result.
 *
 * Scoped requirements. A biomarker that conditions another requirement ("Patients with BRAF V600
 * mutation must have received a BRAF inhibitor", "If HER2-positive, …", "therapy for HER2-positive
 * disease", "BRAF wild type: progressed on PD-1") or that holds only in one cohort ("Cohort A: …
 * HER2 IHC 3+", a "PART B" heading) is never written as a plain requirement: that would fail patients
 * the other branch admits. The finding carries what it depends on as an `unparsed` leaf (always
 * unknown): inclusion any(not X, unknown) for a condition and any(X, unknown) for a cohort, exclusion
 * all(X, unknown); so it can never fail or exclude on the biomarker alone, and still passes or clears
 * a patient when the biomarker decides it. An alternative the lexicon cannot state (HER2-ultralow, an
 * unknown antigen in "NY-ESO-1 or MAGE-A3") is kept as an unread alternative for the same reason.
 *
 * Not read, on purpose: drug targets ("anti-PD-L1", "KRAS G12C inhibitor", "HER2-targeted therapy",
 * "BRAF- and/or MEK-inhibitor"); "regardless of PD-L1 status", "any ER/PR/HER2 status", "mutant or
 * wild-type allowed"; tissue provision ("sample to assess PD-L1"); syndromes ("BAP1 cancer
 * predisposition syndrome"); MMR as the major molecular response of CML.
 *
 * A generic actionable alteration naming no gene ("without actionable genomic alterations",
 * "oncogene-driven tumors", "driver-negative") is the gene-less fact actionableAlteration; one that
 * introduces genes ("driver mutations such as EGFR or ALK") is read on those genes instead.
 */
import type { Condition, LeafCondition, Operator } from '../facts';
import { PhraseIndex, type Lexicons } from '../lexicon';
import { NUMBER, toNumber } from '../numbers';
import type { Token } from '../text';
import type { ExtractInput, Extractor, Finding } from './extractor';

type Status = 'positive' | 'negative' | 'low' | 'high' | 'equivocal' | 'detected';
type Polarity = 'positive' | 'negative' | 'low' | 'high' | 'equivocal' | 'ultralow' | 'wild' | 'unknown';

interface Marker {
  id: string;
  gene?: string;
}

interface Vocab {
  index: PhraseIndex;
  markers: Map<string, Marker>;
  genes: Set<string>;
}

const vocabCache = new WeakMap<Lexicons, Vocab>();

/** A phrase index of genes and markers only: other lexicons' longer phrases must not hide them. */
function vocabulary(lex: Lexicons): Vocab {
  let v = vocabCache.get(lex);
  if (v) return v;
  const index = new PhraseIndex();
  for (const g of lex.genes.genes) {
    const cs = new Set(g.caseSensitive ?? []);
    for (const s of [g.symbol, ...g.aliases]) index.add(s, 'gene', g.symbol, cs.has(s));
  }
  for (const m of lex.genes.markers) {
    const cs = new Set(m.caseSensitive ?? []);
    for (const s of m.synonyms) index.add(s, 'marker', m.id, cs.has(s));
  }
  v = {
    index,
    markers: new Map(lex.genes.markers.map((m) => [m.id, { id: m.id, ...(m.gene ? { gene: m.gene } : {}) }])),
    genes: new Set(lex.genes.genes.map((g) => g.symbol)),
  };
  vocabCache.set(lex, v);
  return v;
}

/** One gene, family or marker named in the text. */
interface Item {
  start: number;
  end: number;
  /** Gene symbols (several for a family) or one marker id. */
  ids: string[];
  kind: 'gene' | 'marker';
  mention: string;
  /** Variant written into the token itself ("BRAFV600E", "ESR1m"). */
  glued?: Partial<Reading>;
}

/** What the words around an item say about it. */
interface Reading {
  end: number;
  variants: string[];
  notVariants: string[];
  alteration?: string;
  qualifier?: string;
  polarity?: Polarity;
  origin?: 'germline' | 'somatic';
  values?: Array<[Operator, number]>;
  scale?: string;
  her2?: { condition: Condition; ihc: number[]; ish: boolean[] };
  /** A second alteration joined to the first ("AKT3 mutation/amplification", "MET amplification or mutation"): either qualifies. */
  orAlteration?: string;
  /** "status" was named, so "… status known / available" can follow. */
  status?: boolean;
  /** The words after the item make it a drug target ("KRAS G12C inhibitor"). */
  drug?: boolean;
  /** A polarity word before a marker ("positive CLDN18.2 expression"), kept only with a status noun after. */
  weakPolarity?: boolean;
  /** A generic phrase introduced the list as examples ("driver mutations such as EGFR, ALK"). */
  examples?: string;
  /** "positive or unknown": any status but the opposite one. */
  orUnknown?: boolean;
  /** The status came from a word of the marker's own vocabulary ("deficient", "intact"), not shared along a list. */
  ownTerm?: boolean;
  /** Where the reading's words came from, for sharing them along a list. */
  fromPrefix?: boolean;
  /** The sentence speaks of expression (IHC, staining): "positive" is an expression status. */
  expressionContext?: boolean;
}

const emptyReading = (end: number): Reading => ({ end, variants: [], notVariants: [] });

// ---------------------------------------------------------------------------------------------
// Word classes. Sticky regexes read the words after a gene; `$`-anchored ones the words before it.

const AA = 'ACDEFGHIKLMNPQRSTVWY';
/** A protein change as criteria write it: V600E, p.G12C, G12, T790M, I1171X, E746_A750del. */
const VARIANT = new RegExp(
  `(?:p\\.\\s?)?([${AA}])(\\d{2,4})(?:_[${AA}]\\d{1,4})?([${AA}X*]|fs\\*?\\d*|del|ins|dup)?(?![\\w])`,
  'y',
);
/** "v600E": a lower-case first letter, read only straight after a gene. */
const VARIANT_LOWER = new RegExp(`([${AA.toLowerCase()}])(\\d{2,4})([${AA}])(?![\\w])`, 'y');
const VARIANT_MORE = new RegExp(`\\s*\\/\\s*(?:([${AA}])(\\d{1,4})([${AA}X*])?|([${AA}X]))(?![\\w])`, 'y');
/** Between two variants of one gene: "V600E or V600K", "exon 19 deletion and L858R", "G12C, G12D". */
const VARIANT_JOIN = /\s*(?:,|\/|or|and\/or|and)\s*(?:(?:an?|the)\s+)?/iy;
const EXON =
  /(?:exon|ex)\s*-?\s*(\d{1,2})\s*-?\s*(deletions?|del|insertions?|ins|skipping|skip|mutations?|alterations?|duplications?|dup|point mutations?)?(?![\w])/iy;
const EXON_SHORT = /(?:del\s?(19)|(19)\s?del|(20)\s?ins)(?![\w])/iy;
const ITD = /(ITD|TKD)(?![\w])/y;
const NON_VARIANT = new RegExp(`non-?\\s?(?:p\\.)?([${AA}]\\d{1,4}[${AA}]?)(?![\\w])`, 'iy');

const QUALIFIER =
  /((?:that\s+(?:are|is)\s+|which\s+(?:are|is)\s+)?sensitive\s+to\s+(?:available\s+)?(?:targeted\s+)?(?:inhibitor\s+)?(?:therap(?:y|ies)|treatments?|TKIs?|inhibitors?)|heterozygous|homozygous|biallelic|bi-allelic|monoallelic|activating|sensiti[sz]ing|oncogenic|driver|actionable|targetable|inactivating|truncating|hotspot|(?:likely\s+)?pathogenic|(?:suspected\s+)?deleterious|damaging|germ-?line|somatic|hereditary|inherited|constitutional)(?![\w])/iy;
const ALTERATION: Array<[RegExp, string]> = [
  [
    /(?:(?:genetic|genomic|somatic|germ-?line)\s+)?(?:point\s+)?(?:mutations?|mutants?|mutated|mutational|mutation-positive|variants?|SNVs?|m(?=\W|$))(?![\w])/iy,
    'mutation',
  ],
  [/(?:gene\s+)?(?:amplifications?|amplified|amp)(?![\w])/iy, 'amplification'],
  [
    /(?:gene\s+)?(?:fusions?|fused|rearrangements?|rearranged|translocations?|translocated|transcripts?)(?![\w])/iy,
    'fusion',
  ],
  [/(?:homozygous\s+)?(?:deletions?|deleted)(?![\w])/iy, 'deletion'],
  [/insertions?(?![\w])/iy, 'insertion'],
  [/loss(?:\s+of\s+(?:function|expression))?(?![\w])/iy, 'loss'],
  [/(?:promoter\s+)?(?:hyper)?methylat(?:ion|ed)(?![\w])/iy, 'promoter methylation'],
  [
    /(?:genomic\s+|genetic\s+|molecular\s+)?(?:tumou?r\s+)?(?:alterations?|altered|aberrations?|aberrant|abnormalit(?:y|ies)|driven)(?![\w])/iy,
    'alteration',
  ],
  [/over[\s-]?express(?:ion|ing|ed|ors?)?(?![\w])/iy, 'overexpression'],
  [/(?:express(?:ion|ing|ed|ors?)?|staining)(?![\w])/iy, 'expression'],
  [/carriers?(?![\w])/iy, 'carrier'],
];
const POLARITY: Array<[RegExp, Polarity]> = [
  [/(?:positive|positivity|pos|\+ve|\(\+\)|\+(?!\s*\d))(?![\w])/iy, 'positive'],
  [/(?:negative|negativity|neg|-ve|\(-\)|null)(?![\w])/iy, 'negative'],
  [
    /(?:not|non)[\s-]?(?:detected|amplified|present|identified|expressed|mutated|mutant)(?![\w])|unamplified(?![\w])|unmethylated(?![\w])/iy,
    'wild',
  ],
  [/(?:wild[\s-]?type|wildtype|wt|unmutated|non-?mutated)(?![\w])/iy, 'wild'],
  [/ultra[\s-]?low(?![\w])/iy, 'ultralow'],
  [/(?:low|lo)(?![\w])/iy, 'low'],
  [/(?:high|hi|H)(?![\w])/iy, 'high'],
  [/equivocal(?![\w])/iy, 'equivocal'],
  [/(?:deficien(?:t|cy)|defective)(?![\w])/iy, 'negative'],
  [/(?:proficien(?:t|cy)|intact|retained)(?![\w])/iy, 'positive'],
  [/(?:detected|present|identified)(?![\w])/iy, 'positive'],
];
const NEUTRAL =
  /(?:(?:on|by)\s+(?:the\s+)?IS(?=\W|$)|genes?|status|results?|genotype|testing|tests?|sequencing|assessments?|analys[ie]s|evaluations?|determinations?|protein|receptors?|biomarkers?|immunohistochemi(?:stry|cal(?:ly)?)(?:\s*\(IHC\))?|IHC|NGS|PCR|by\s+(?:local|central)\s+(?:lab|laboratory|testing|assessment))(?![\w])/iy;
const DRUG_AFTER =
  /^[\s-]*(?:(?:small[\s-]molecule|selective|covalent|tyrosine[\s-]kinase|monoclonal|specific|directed|targeted|[A-Z]\d{2,4}[A-Z]?)[\s-]+){0,2}(?:inhibitors?|tkis?|targeted|targeting|directed|blocking|blockers?|blockade|antagonists?|agonists?|antibod(?:y|ies)|vaccines?|degraders?|car[\s-]?t|bispecific|conjugates?|agents?|drugs?|therap(?:y|ies)|modulators?|adcs?|engagers?)\b/i;
/** "BAP1 cancer predisposition syndrome", "Lynch syndrome": a syndrome's name, not a test result. */
const SYNDROME_AFTER = /^[\s-]*(?:tumou?r\s+|cancer\s+)?(?:predisposition\s+)?syndromes?\b/i;
const DRUG_BEFORE =
  /(?:\banti[\s-]*(?:[A-Za-z0-9-]+\s*\/\s*-?\s*)*|targeting|targeted|directed\s+(?:against|at|to)|against|inhibitors?\s+of|\bfor\s+(?:the\s+)?treatment\s+of)[\s-]*$/i;

const CMP =
  '(?:>=|=>|<=|=<|>|<|=|greater than or equal to|equal to or greater than|more than or equal to|less than or equal to|equal to or less than|at least|of at least|no less than|greater than|more than|above|less than|below|under|over|of)';
const VALUE = new RegExp(
  `\\s*(?:\\(|\\[|:|,)?\\s*(?:(?:as\\s+)?defined\\s+as\\s+|i\\.?e\\.?,?\\s*)?(?:(TPS|tumou?r proportion score|CPS|(?:combined|composite) positive score|TC|IC|TAP|tumou?r cells?|H-?score|score|expression|staining|level|index|status|value|ratio|transcripts?)\\s*(?:[(\\[][A-Z]{2,4}[)\\]]\\s*)?(?:of\\s+|is\\s+|was\\s+|:\\s*)?)?(${CMP})?\\s*(${NUMBER})\\s*(%\\s*IS\\b|%|percent|mut(?:ation)?s?\\s*(?:\\/|per)\\s*(?:Mb|megabase)|muts?\\/Mb)?(?:\\s+(?:(?:of|in)\\s+)?(tumou?r cells?|immune cells?|tumou?r-infiltrating immune cells)(?:\\s*\\((?:TC|IC)\\))?(?:\\s+score)?)?(?:\\s+(or (?:more|greater|higher|above)|or (?:less|lower|below)|and (?:above|higher|greater)))?(?!\\s*(?:weeks?|days?|months?|years?|hours?|mg|ml|cycles?|doses?|lines?|times)\\b)`,
  'iy',
);
const RANGE = new RegExp(
  `\\s*(?:\\(|:)?\\s*(?:between\\s+)?(${NUMBER})\\s*%?\\s*(?:-|to|and)\\s*(${NUMBER})\\s*%`,
  'iy',
);

function comparator(word: string | undefined, tail: string | undefined): Operator | null {
  const w = (word ?? '').toLowerCase();
  if (tail) return /more|greater|higher|above/i.test(tail) ? 'greaterThanInclusive' : 'lessThanInclusive';
  if (!w || w === 'of' || w === '=') return null;
  if (/^(?:>=|=>)$|greater than or|equal to or greater|more than or|at least|no less/.test(w))
    return 'greaterThanInclusive';
  if (/^(?:<=|=<)$|less than or|equal to or less/.test(w)) return 'lessThanInclusive';
  if (/^>$|greater than|more than|above|over/.test(w)) return 'greaterThan';
  if (/^<$|less than|below|under/.test(w)) return 'lessThan';
  return null;
}

// ---------------------------------------------------------------------------------------------
// HER2 immunohistochemistry and in-situ hybridisation: "IHC 3+", "IHC 2+/ISH+", "0, 1+, or 2+/ISH-".

const IHC_WORD = '(?:IHC|immunohistochemi(?:stry|cal(?:ly)?))(?:\\s*\\([^()]{2,40}\\))?';
const ISH_WORD =
  '(?:[FCSD]?ISH|(?:(?:fluorescen(?:t|ce)|chromogenic|silver|dual)[\\s-]+)?in[\\s-]situ\\s+hybridi[sz]ation)(?:\\s*\\([^()]{2,60}\\))?';
const HER2_JOIN = /\s*(,\s*(?:or|and(?:\/or)?)\b|,|\/|or|and\/or|and|with)?\s*(?:by\s+|on\s+)?/iy;
/** "fluorescent in situ hybridization (HER2/CEP17 amplification ratio >= 2.0)". */
const HER2_ISH_RATIO_PAREN = new RegExp(
  `(?:[FCSD]?ISH|(?:(?:fluorescen(?:t|ce)|chromogenic|silver|dual)[\\s-]+)?in[\\s-]situ\\s+hybridi[sz]ation)(?:\\s*\\([A-Z]{3,4}\\))?\\s*\\(\\s*(?:HER2\\s*\\/\\s*CEP\\s*17\\s*)?(?:amplification\\s+)?ratio\\s*(?:of\\s*)?(>=|>|<)\\s*(\\d(?:\\.\\d+)?)\\s*\\)`,
  'iy',
);
const HER2_IHC_FIRST = new RegExp(
  `${IHC_WORD}\\s*(?:score\\s*)?(?:of\\s*)?(?:[=:]\\s*)?(<=|=<|>=|<|>)?\\s*([0-3])\\s*\\+?(?:\\s*(?:-|to)\\s*([0-3])\\s*\\+)?`,
  'iy',
);
/** "IHC (3+)", "immunohistochemistry (IHC) (0-2+)". */
const HER2_IHC_PAREN = new RegExp(
  `${IHC_WORD}\\s*\\(\\s*(<=|=<|>=|<|>)?\\s*([0-3])\\s*\\+?(?:\\s*(?:-|to)\\s*([0-3])\\s*\\+?)?\\s*\\)`,
  'iy',
);
const HER2_SCORE_FIRST = new RegExp(
  `(<=|=<|>=|<|>)?\\s*([0-3])\\s*\\+(?:\\s*(?:-|to)\\s*([0-3])\\s*\\+)?(?:\\s*(?:by|on)\\s*${IHC_WORD})?`,
  'iy',
);
const HER2_BARE_ZERO = /(0)(?=\s*(?:,|or)\s*[0-3]\s*\+)/y;
const HER2_ISH_FIRST = new RegExp(
  `${ISH_WORD}\\s*(?:ratio\\s*(?:of\\s*)?)?(?:(positive|\\+|amplified|amplification|negative|-(?![\\w])|non-?amplified|not amplified)|(>=|>|<)\\s*(\\d(?:\\.\\d+)?))`,
  'iy',
);
const HER2_ISH_AFTER = new RegExp(`(?:an?\\s+)?(positive|negative)\\s+${ISH_WORD}(?:\\s+(?:test|result|assay))?`, 'iy');
const HER2_AMPLIFIED = new RegExp(
  `(?:(?:HER2\\s+)?gene[\\s-]+)?(amplification|amplified|non-?amplified|not amplified)(?:\\s*(?:by|on)\\s*${ISH_WORD})?`,
  'iy',
);
const HER2_RATIO = /(?:HER2\s*\/\s*)?CEP\s*17\s*(?:amplification\s+)?ratio\s*(?:of\s*)?(>=|>|<)\s*(\d(?:\.\d+)?)/iy;

function ihcLeaf(op: Operator, v: number): LeafCondition {
  return { fact: 'biomarkerValue', operator: op, value: v, params: { name: 'ERBB2', scale: 'IHC' } };
}
function ishLeaf(amplified: boolean): LeafCondition {
  return {
    fact: 'biomarker',
    operator: 'equal',
    value: amplified,
    params: { gene: 'ERBB2', alteration: 'amplification', status: 'detected', method: 'ISH' },
  };
}

/**
 * Reads a run of HER2 IHC / ISH results from `pos`: "IHC 3+ or ISH+", "0, 1+, or 2+/ISH-", "IHC 2+
 * with FISH amplification". "and", "with" and "/" bind tighter than "or"; commas take the list's
 * final conjunction. Returns null unless the run ends cleanly, so a half-read definition never
 * stands in for the whole.
 */
function readHer2(
  text: string,
  pos: number,
): { condition: Condition; end: number; ihc: number[]; ish: boolean[] } | null {
  const atoms: Array<{ condition: Condition; joiner: 'or' | 'and' | 'list'; ihc?: true }> = [];
  const ihc: number[] = [];
  const ish: boolean[] = [];
  const ihcRange = (opWord: string | undefined, a: string, b: string | undefined): Condition => {
    const lo = Number(a);
    if (b !== undefined) {
      const hi = Number(b);
      ihc.push(lo, hi);
      return { all: [ihcLeaf('greaterThanInclusive', lo), ihcLeaf('lessThanInclusive', hi)] };
    }
    ihc.push(lo);
    const op: Operator =
      opWord === '<=' || opWord === '=<'
        ? 'lessThanInclusive'
        : opWord === '>='
          ? 'greaterThanInclusive'
          : opWord === '<'
            ? 'lessThan'
            : opWord === '>'
              ? 'greaterThan'
              : 'equal';
    if (op === 'lessThanInclusive' || op === 'lessThan') ihc.push(0);
    if (op === 'greaterThanInclusive' || op === 'greaterThan') ihc.push(3);
    return ihcLeaf(op, lo);
  };
  let at = pos;
  let end = pos;
  for (let guard = 0; guard < 12; guard++) {
    const j = tryAt(HER2_JOIN, text, at)!;
    const word = (j[1] ?? '').toLowerCase().replace(/^,\s*(?=\w)/, '');
    if (atoms.length === 0 && word) break;
    const joiner = word === 'or' || word === 'and/or' ? 'or' : word === ',' ? 'list' : 'and';
    const from = at + j[0].length;
    let m: RegExpExecArray | null;
    let condition: Condition | null = null;
    if ((m = tryAt(HER2_IHC_PAREN, text, from)) || (m = tryAt(HER2_IHC_FIRST, text, from)))
      condition = ihcRange(m[1], m[2]!, m[3]);
    else if ((m = tryAt(HER2_ISH_RATIO_PAREN, text, from))) {
      const amplified = m[1] !== '<' && Number(m[2]) >= 2;
      ish.push(amplified);
      condition = ishLeaf(amplified);
    } else if ((m = tryAt(HER2_ISH_FIRST, text, from))) {
      const amplified = m[3] !== undefined ? m[2] !== '<' && Number(m[3]) >= 2 : !/neg|^-|non|not/i.test(m[1]!);
      ish.push(amplified);
      condition = ishLeaf(amplified);
    } else if ((m = tryAt(HER2_ISH_AFTER, text, from))) {
      const amplified = m[1]!.toLowerCase() === 'positive';
      ish.push(amplified);
      condition = ishLeaf(amplified);
    } else if ((m = tryAt(HER2_RATIO, text, from))) {
      const amplified = m[1] !== '<' && Number(m[2]) >= 2;
      ish.push(amplified);
      condition = ishLeaf(amplified);
    } else if ((m = tryAt(HER2_SCORE_FIRST, text, from))) condition = ihcRange(m[1], m[2]!, m[3]);
    else if ((m = tryAt(HER2_BARE_ZERO, text, from))) condition = ihcRange(undefined, m[1]!, undefined);
    else if (atoms.length && (m = tryAt(HER2_AMPLIFIED, text, from))) {
      const amplified = !/non|not/i.test(m[1]!);
      ish.push(amplified);
      condition = ishLeaf(amplified);
    }
    if (!condition || !m) break;
    const isIhc = (condition as LeafCondition).fact === 'biomarkerValue' || ('all' in condition && condition.all.every((c) => (c as LeafCondition).fact === 'biomarkerValue'));
    atoms.push({ condition, joiner, ...(isIhc ? { ihc: true as const } : {}) });
    at = end = m.index + m[0].length;
  }
  if (!atoms.length) return null;
  // A clean end: punctuation, the end, or a word that is not a continuation of the list.
  if (
    /^\s*(?:or|and|with|\/|\+|-\s*\d)\b/i.test(text.slice(end, end + 12)) &&
    !/^\s*and\s+(?:\/or\s+)?(?:PR|ER|HR|progesterone|estrogen|hormone)/i.test(text.slice(end, end + 30))
  )
    return null;
  const lastJoin = [...atoms].reverse().find((a) => a.joiner !== 'list' && a !== atoms[0])?.joiner ?? 'or';
  const groups: Condition[][] = [[atoms[0]!.condition]];
  for (const [k, a] of atoms.slice(1).entries()) {
    let jn = a.joiner === 'list' ? (lastJoin === 'and' ? 'and' : 'or') : a.joiner;
    // One tumour has one IHC score: "IHC 0/1+" joins two alternatives, where "2+/ISH-" joins two results.
    if (jn === 'and' && a.ihc && atoms[k]!.ihc) jn = 'or';
    if (jn === 'or') groups.push([a.condition]);
    else groups[groups.length - 1]!.push(a.condition);
  }
  const conj = groups.map((g) => (g.length === 1 ? g[0]! : { all: g }));
  return { condition: conj.length === 1 ? conj[0]! : { any: conj }, end, ihc, ish };
}

/** Whether explicit IHC / ISH results agree with the ASCO/CAP 2023 meaning of a HER2 status. */
function her2Consistent(status: Polarity, ihc: number[], ish: boolean[]): boolean {
  if (status === 'positive') return ihc.every((n) => n >= 2) && ish.every(Boolean);
  // "HER2-negative, defined as IHC 0" is HER2-zero, narrower than negative: HER2-low (IHC 1+, 2+/ISH-)
  // patients are kept out, so only the IHC result reads it.
  if (status === 'negative') return ihc.every((n) => n <= 2) && ish.every((x) => !x) && (ihc.length === 0 || ihc.some((n) => n > 0));
  if (status === 'low') return ihc.every((n) => n === 1 || n === 2) && ish.every((x) => !x);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Reading the words after an item.

/** One variant or a slash list of them: "V600E/K", "p.G12C", "exon 19 deletion", "Exon 21-L858R", "19del", "ITD". */
function readVariant(text: string, at: number): { variants: string[]; end: number } | null {
  let m: RegExpExecArray | null;
  if ((m = tryAt(VARIANT, text, at)) || ((m = tryAt(VARIANT_LOWER, text, at)) && /[A-Z]$/.test(m[0]))) {
    m[1] = m[1]!.toUpperCase();
    const variants = [`${m[1]}${m[2]}${m[3] ?? ''}`];
    let end = m.index + m[0].length;
    for (let k = 0; k < 4; k++) {
      const more = tryAt(VARIANT_MORE, text, end);
      if (!more) break;
      variants.push(more[4] !== undefined ? `${m[1]}${m[2]}${more[4]}` : `${more[1]}${more[2]}${more[3] ?? ''}`);
      end = more.index + more[0].length;
    }
    return { variants, end };
  }
  if ((m = tryAt(EXON, text, at))) {
    // "Exon 21-L858R": the protein change names the variant.
    const inner = !m[2]
      ? tryAt(VARIANT, text, m.index + m[0].length + (text[m.index + m[0].length] === '-' ? 1 : 0))
      : null;
    if (inner && text[m.index + m[0].length] === '-')
      return { variants: [`${inner[1]}${inner[2]}${inner[3] ?? ''}`], end: inner.index + inner[0].length };
    return { variants: [`exon ${m[1]} ${exonWord(m[2] ?? '')}`], end: m.index + m[0].length };
  }
  if ((m = tryAt(EXON_SHORT, text, at)))
    return { variants: [m[3] ? 'exon 20 insertion' : 'exon 19 deletion'], end: m.index + m[0].length };
  if ((m = tryAt(ITD, text, at))) return { variants: [m[1]!], end: m.index + m[0].length };
  return null;
}

function tryAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function exonWord(kind: string): string {
  const k = kind.toLowerCase();
  if (/^del/.test(k)) return 'deletion';
  if (/^ins/.test(k)) return 'insertion';
  if (/^skip/.test(k)) return 'skipping';
  if (/^dup/.test(k)) return 'duplication';
  if (/alter/.test(k)) return 'alteration';
  return 'mutation';
}

function noteQualifier(r: Partial<Reading>, word: string): void {
  const w = word.toLowerCase();
  if (/germ|heredit|inherit|constitut/.test(w)) r.origin = 'germline';
  else if (w === 'somatic') r.origin = 'somatic';
  else if (/sensiti/.test(w)) r.qualifier = 'sensitizing';
  else if (/^(?:that|which)?\s*(?:are|is)?\s*sensitive/.test(w)) r.qualifier = 'sensitizing';
  else if (w === 'activating' || w === 'oncogenic' || w === 'hotspot') r.qualifier ??= 'activating';
  else if (w === 'inactivating' || w === 'truncating') r.qualifier = 'inactivating';
  else if (w === 'actionable' || w === 'targetable' || w === 'driver') r.qualifier ??= 'actionable';
}

function scaleOf(word: string | undefined, unit: string | undefined, cells: string | undefined): string | undefined {
  const w = (word ?? '').toLowerCase();
  if (/^tps$|proportion/.test(w)) return 'TPS';
  if (/^cps$|combined|composite/.test(w)) return 'CPS';
  if (unit && /IS$/.test(unit)) return '% IS';
  if (w === 'tc' || /^tumou?r cells?$/.test(w) || (cells && /^tumou?r/i.test(cells))) return 'TC';
  if (w === 'ic' || (cells && /immune/i.test(cells))) return 'IC';
  if (w === 'tap') return 'TAP';
  if (unit && /mut|mb/i.test(unit)) return 'mut/Mb';
  if (unit && /%|percent/i.test(unit)) return '%';
  return undefined;
}

const VALUE_MARKERS = new Set(['ER', 'PR', 'PD-L1', 'Ki-67', 'TMB', 'AR', 'BCR::ABL1']);
/** Markers whose values are percentages: a number without "%" after them is something else. */
const PERCENT_MARKERS = new Set(['ER', 'PR', 'Ki-67', 'AR']);

/**
 * Polarity glued to the name: "ER+", "HER2-ve", "ER(+)", "HR-", and a minus with its space dropped
 * before the disease or extent it qualifies ("ER+ HER2-breast cancer", "HR+/HER2-early breast
 * cancer"): read otherwise, the hyphen is taken as a joiner and the bare name borrows a positive
 * status from the list. Other words after the hyphen ("HER2-enriched", "HER2-targeted") are not a
 * minus.
 */
const GLUED_POLARITY =
  /(\+ve|-ve|\(\+\)|\(-\)|\+(?!\s*\d)|-(?=\s*(?:[,;/)\]]|$)|\s+\w|(?:breast|gastric|gastro-?o?esophageal|early|locally|advanced|metastatic|unresectable|inoperable|recurrent|relapsed|invasive|inflammatory|cancers?|tumou?rs?|carcinomas?|adenocarcinomas?|disease|[mae]?BC)\b))/iy;
/** What may introduce a definition: "HER2-positive (IHC 3+…)", "positive: FISH…", "defined as". */
const DEFINITION_LEAD =
  /\s*(?:[([:]|,\s*(?=(?:defined|i\.?e\.?)\b))?\s*(?:(?:as\s+)?defined\s+(?:as|by)\s*:?|i\.?e\.?,?|by|as|per)?\s*/iy;
const CLOSE = /\s*[)\]]/y;
/** "…, or IHC0 per ASCO/CAP guidelines)": the guideline the definition follows. */
const CLOSE_GUIDELINE =
  /\s*,?\s*(?:(?:as\s+)?per|according\s+to|following)\s+(?:the\s+)?(?:\d{4}\s+)?(?:ASCO|CAP|American\s+Society)[^()]{0,80}[)\]]/iy;

/** Spaces, and a hyphen joining the next word ("HER2-positive"), before each word after an item. */
const LEAD = /[ \t]*(?:-[ \t]*(?=[\w(+]))?/y;

/** Alterations that name one kind of change; "alteration", "expression" and "carrier" do not. */
const CONCRETE_ALTERATIONS = new Set(['mutation', 'amplification', 'fusion', 'deletion', 'insertion', 'loss']);
const ALTERATION_JOIN = /\s*(?:\/|,?\s*(?:and\/or|or)\s)\s*/iy;

function alterationAt(text: string, at: number): { alteration: string; end: number } | null {
  for (const [re, alteration] of ALTERATION) {
    const a = tryAt(re, text, at);
    if (a && a[0] !== '' && !/^m$/i.test(a[0])) return { alteration, end: a.index + a[0].length };
  }
  return null;
}

/** Reads status, alteration, variant and value words after an item, stopping at the first other word. */
function readSuffix(text: string, from: number, item: Item): Reading {
  const r: Reading = { end: from, variants: [], notVariants: [], ...item.glued };
  const isHer2 = item.ids[0] === 'ERBB2' && item.kind === 'marker';
  let pos = from;
  // "NRASG12/G13/Q61": more variants after one written into the gene's token.
  const gluedVariant = item.glued?.variants?.[0] && /^([A-Z])(\d+)/.exec(item.glued.variants[0]);
  if (gluedVariant) {
    r.variants = [...r.variants];
    for (let k = 0; k < 4; k++) {
      const more = tryAt(VARIANT_MORE, text, pos);
      if (!more) break;
      r.variants.push(
        more[4] !== undefined
          ? `${gluedVariant[1]}${gluedVariant[2]}${more[4]}`
          : `${more[1]}${more[2]}${more[3] ?? ''}`,
      );
      pos = r.end = more.index + more[0].length;
    }
  }
  for (let guard = 0; guard < 16; guard++) {
    let m: RegExpExecArray | null;
    let next = -1;
    let opened = false;
    const snapshot: Reading = { ...r, variants: [...r.variants], notVariants: [...r.notVariants] };
    if (
      guard === 0 &&
      /^-\s*(?:and\/or|and|or|,)\s/.test(text.slice(pos, pos + 10)) &&
      /\binhibitors?\b|\btargeted\b/i.test(text.slice(pos, pos + 120))
    ) {
      // "BRAF- and/or MEK-inhibitor": a suspended hyphen, the gene names a drug target.
      r.drug = true;
      return r;
    }
    if (
      !r.polarity &&
      (m = tryAt(GLUED_POLARITY, text, pos)) &&
      (m[1] !== '-' ||
        /^[-+]ve$/i.test(m[1]!) ||
        (/[A-Z]/.test(item.mention) && !/\s/.test(item.mention) && item.mention.length <= 8))
    ) {
      r.polarity = /^\+|\(\+\)/.test(m[1]!) ? 'positive' : 'negative';
      pos = m.index + m[0].length;
      r.end = pos;
      continue;
    }
    if (r.alteration && CONCRETE_ALTERATIONS.has(r.alteration) && !r.orAlteration && !r.variants.length) {
      const join = tryAt(ALTERATION_JOIN, text, pos);
      const other = join ? alterationAt(text, join.index + join[0].length) : null;
      // "EGFR mutation or amplification of MET": the second alteration belongs to the gene after it.
      if (other && CONCRETE_ALTERATIONS.has(other.alteration) && !/^\s+(?:of|in|on)\b/i.test(text.slice(other.end, other.end + 5))) {
        if (other.alteration !== r.alteration) r.orAlteration = other.alteration;
        pos = r.end = other.end;
        continue;
      }
    }
    LEAD.lastIndex = pos;
    const ws = LEAD.exec(text)![0].length;
    let at = pos + ws;
    if (text[at] === '(' || text[at] === '[') {
      opened = true;
      at++;
      while (text[at] === ' ') at++;
    } else if ((text[at] === ')' || text[at] === ']') && r.end === from && guard === 0) {
      // "(BRCA1, BRCA2, PALB2, ATM) mutations": the list closes before its shared words.
      at++;
      while (text[at] === ' ') at++;
    }
    if (isHer2 && !r.her2) {
      const lead2 = tryAt(DEFINITION_LEAD, text, pos)!;
      const h = readHer2(text, pos + lead2[0].length);
      if (h) {
        const opens = /[([]/.test(lead2[0]);
        const close = opens ? (tryAt(CLOSE, text, h.end) ?? tryAt(CLOSE_GUIDELINE, text, h.end)) : null;
        if (!opens || close) {
          r.her2 = { condition: h.condition, ihc: h.ihc, ish: h.ish };
          pos = close ? close.index + close[0].length : h.end;
          r.end = pos;
          continue;
        }
      }
    }
    let variant: { variants: string[]; end: number } | null;
    if (!r.polarity && (variant = readVariant(text, at))) {
      r.variants.push(...variant.variants);
      next = variant.end;
      for (let k = 0; k < 6; k++) {
        const join = tryAt(VARIANT_JOIN, text, next);
        const more = join ? readVariant(text, join.index + join[0].length) : null;
        if (!more) break;
        r.variants.push(...more.variants);
        next = more.end;
      }
    } else if (!r.polarity && (m = tryAt(NON_VARIANT, text, at))) {
      r.notVariants.push(m[1]!.toUpperCase());
      next = m.index + m[0].length;
    } else if ((m = tryAt(QUALIFIER, text, at))) {
      noteQualifier(r, m[1]!);
      next = m.index + m[0].length;
    } else if ((m = tryAt(NEUTRAL, text, at))) {
      if (/status|test|result|sequencing|assessment|analys|evaluation|determination/i.test(m[0])) r.status = true;
      next = m.index + m[0].length;
    } else {
      for (const [re, alt] of ALTERATION) {
        const a = tryAt(re, text, at);
        if (!a || a[0] === '') continue;
        // "m" glued to a gene ("ESR1m") only, never a free-standing "m".
        if (/^m$/i.test(a[0]) && (ws > 0 || opened || item.kind === 'marker')) continue;
        if (alt === 'carrier') {
          r.origin = 'germline';
          r.alteration ??= 'mutation';
        } else if (alt === 'expression') r.alteration ??= 'expression';
        else if (!r.alteration || r.alteration === 'expression' || r.alteration === 'alteration') r.alteration = alt;
        if (/positive/i.test(a[0])) r.polarity = 'positive';
        next = a.index + a[0].length;
        break;
      }
      if (next < 0) {
        for (const [re, pol] of POLARITY) {
          const p = tryAt(re, text, at);
          if (!p) continue;
          // "H" alone only straight after MSI / TMB ("MSI-H"); a "+" after a space joins drugs ("PD-1 + LAG-3").
          if (p[0] === 'H' && !(item.ids[0] === 'MSI' || item.ids[0] === 'TMB')) continue;
          if (p[0] === '+' && ws > 0) continue;
          if (r.polarity && r.polarity !== pol) break;
          r.polarity = pol;
          if (/defici|defect|profici|intact|retain/i.test(p[0])) {
            r.ownTerm = true;
            // A gene "deficiency" is a loss of function, not the absence of a mutation.
            if (item.kind === 'gene') {
              r.polarity = undefined;
              r.alteration = 'loss';
            }
          }
          next = p.index + p[0].length;
          // "positive or unknown" = not negative; "negative or unknown" = not positive.
          const unknown = /^\s*or\s+unknown\b/i.exec(text.slice(next));
          if (unknown && (pol === 'positive' || pol === 'negative')) {
            r.orUnknown = true;
            next += unknown[0].length;
          }
          break;
        }
      }
      const valueAt = opened ? at - 1 : at;
      if (next < 0 && !r.values && VALUE_MARKERS.has(item.ids[0]!) && (m = tryAt(RANGE, text, valueAt))) {
        const lo = toNumber(m[1]!);
        const hi = toNumber(m[2]!);
        if (lo !== null && hi !== null && lo < hi) {
          r.values = [
            ['greaterThanInclusive', lo],
            ['lessThanInclusive', hi],
          ];
          r.scale ??= '%';
          next = m.index + m[0].length;
          opened = /^\s*[([]/.test(m[0]);
        }
      }
      if (next < 0 && !r.values && VALUE_MARKERS.has(item.ids[0]!) && (m = tryAt(VALUE, text, valueAt))) {
        const op = comparator(m[2], m[6]);
        const value = toNumber(m[3]!);
        const unitOk = PERCENT_MARKERS.has(item.ids[0]!) ? !!m[4] && /%|percent/i.test(m[4]) : !!(m[4] || m[1] || m[2]);
        if (op && value !== null && unitOk) {
          r.values = [[op, value]];
          const sc = scaleOf(m[1], m[4], m[5]);
          if (sc) r.scale = sc;
          next = m.index + m[0].length;
          opened = /^\s*[([]/.test(m[0]);
        }
      }
    }
    if (next < 0) break;
    pos = next;
    if (opened) {
      // A parenthesis counts as read only when its whole content was; otherwise it is not read at all.
      const c = tryAt(CLOSE, text, pos);
      if (!c) {
        Object.assign(r, snapshot);
        r.variants = snapshot.variants;
        r.notVariants = snapshot.notVariants;
        break;
      }
      pos = c.index + c[0].length;
    }
    r.end = pos;
  }
  const rest = text.slice(r.end, r.end + 40);
  if (DRUG_AFTER.test(rest) || SYNDROME_AFTER.test(rest)) r.drug = true;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Reading the words before an item.

const PREFIX_QUALIFIERS =
  /((?:(?:activating|sensiti[sz]ing|oncogenic|driver|actionable|targetable|inactivating|truncating|hotspot|(?:likely\s+)?pathogenic|(?:suspected\s+)?deleterious|damaging|germ-?line|somatic|hereditary|inherited|constitutional|known|documented|confirmed|DNA|RNA|or|and|and\/or|an?|any|one|the|tumou?r)(?:[\s,/-]+))+)$/i;
const MEANINGFUL_QUALIFIER =
  /(?:activating|sensiti[sz]ing|oncogenic|driver|actionable|targetable|inactivating|truncating|hotspot|(?:likely\s+)?pathogenic|(?:suspected\s+)?deleterious|damaging|germ-?line|somatic|hereditary|inherited|constitutional)/i;
const PREFIX_OF =
  /(?:^|[^\w-])((?:(?:DNA|genetic|genomic)\s+)?(?:point\s+)?mutations?|mutated|alterations?|(?:genetic\s+|genomic\s+|molecular\s+)?changes?|aberrations?|amplifications?|rearrangements?|fusions?|translocations?|deletions?|insertions?|over[\s-]?expression|loss|variants?|carriers?|positivity|negativity)\s+(?:of|in|involving|affecting|within|for)\s+(?:the\s+|an?\s+|either\s+)?$/i;
/** "… EGFR or ALK genes": the word "gene" closing the list the item is in. */
const GENE_WORD_AFTER = /^(?:[\s,/-]+(?:or|and|and\/or)?\s*[A-Z0-9-]{2,10})*\s+genes?\b/;
const PREFIX_FOR = /(?:^|[^\w-])(positive|negative)\s+for\s+(?:the\s+|an?\s+)?$/i;
const PREFIX_LEVEL =
  /(?:^|[^\w-])(high|low|elevated|deficient|proficient|defective)\s+(?:levels?\s+of\s+)?(?:DNA\s+)?$/i;
const PREFIX_EXPRESS = /(?:^|[^\w-])(express(?:es|ing)?|over-?express(?:es|ing)?)\s+(?:the\s+)?$/i;
const PREFIX_WILD = /(?:^|[^\w-])(wild[\s-]?type|wildtype|non-?mutated|unmutated)\s+$/i;
/** "unknown HER2 status": no result, which no leaf can state. */
const PREFIX_UNKNOWN = /(?:^|[^\w-])(unknown|undetermined|not\s+known)\s+$/i;
/** "Abnormal p53 (on immunohistochemistry)": an alteration of the gene product. */
const PREFIX_ABNORMAL = /(?:^|[^\w-])(abnormal|aberrant)\s+$/i;
/** ">10% BCR::ABL1 on IS": a value written before the marker. */
const PREFIX_VALUE = new RegExp(`(?:^|[^\\w])(<=|>=|<|>)\\s*(${NUMBER})\\s*%\\s*$`);
const PREFIX_POLARITY = /(?:^|[^\w-])(positive|negative)\s+$/i;
/** A generic alteration phrase introducing genes: "driver mutation (EGFR or ALK/ROS)", "actionable alterations such as". */
const PREFIX_GENERIC =
  /(?:^|[^\w-])((?:(?:positive|negative)\s+)?(?:(?:known|actionable|targetable|druggable|oncogenic|driver|activating|sensiti[sz]ing|germ-?line|somatic|pathogenic|deleterious)[\s-]+){0,3}(?:oncogenes?\s+)?(?:driver\s+)?(?:genomic\s+|molecular\s+|genetic\s+)?(?:mutations?|alterations?|aberrations?|abnormalit(?:y|ies)|drivers?|(?<=(?:driver|actionable|targetable|known)\s+)oncogenes?|variants?)(?:\s*(?:,|and\/or|and|or)\s*(?:mutations?|alterations?|rearrangements?|amplifications?|fusions?|translocations?))*(?:\s+carriers?)?(?:\s+status)?)(?:\s+(?:are|is)\s+(?:noted|present|detected|identified|found))?\s*(\(\s*(?:(?:such\s+as|e\.?g\.?,?|i\.e\.,?|including)(?:,?\s*but\s+not\s+limited\s+to)?\s*:?)?|:|,?\s*(?:including|such\s+as|e\.g\.,?|i\.e\.,?|like)(?:,?\s*but\s+not\s+limited\s+to)?\s*:?)\s*(?:in\s+)?$/i;
const PREFIX_VARIANT = new RegExp(
  `(?:^|[^\\w])((?:p\\.\\s?)?[${AA}]\\d{2,4}[${AA}]?)(?:[\\s-]+(?:mutated|mutant|mutation|positive))?\\s+$`,
);

interface Prefix {
  start: number;
  reading: Partial<Reading>;
}

/** Reads qualifying words just before an item ("germline BRCA", "mutations in", "high TMB"). */
function readPrefix(text: string, item: Item, floor: number): Prefix {
  const lo = Math.max(floor, item.start - 80);
  let window = text.slice(lo, item.start);
  let start = item.start;
  const reading: Partial<Reading> = {};
  const take = (m: RegExpExecArray): string => {
    const word = m[1]!;
    const at = m.index + m[0].indexOf(word);
    start = lo + at;
    window = window.slice(0, at);
    return word;
  };
  let m: RegExpExecArray | null;
  if (VALUE_MARKERS.has(item.ids[0]!) && (m = PREFIX_VALUE.exec(window))) {
    const op = comparator(m[1], undefined);
    const value = toNumber(m[2]!);
    if (op && value !== null) {
      take(m);
      reading.values = [[op, value]];
      reading.scale = /^\s*(?:on|by)\s+(?:the\s+)?IS\b/.test(text.slice(item.end, item.end + 12)) ? '% IS' : '%';
      return { start, reading };
    }
  }
  if ((m = PREFIX_VARIANT.exec(window)) && /\d/.test(m[1]!)) reading.variants = [take(m).replace(/^p\.\s?/, '')];
  if ((m = PREFIX_GENERIC.exec(window))) {
    const phrase = take(m);
    reading.alteration =
      /mutation/i.test(phrase) && !/driver|actionable|targetable|oncogen/i.test(phrase) ? 'mutation' : 'alteration';
    if (/actionable|targetable|driver|oncogen/i.test(phrase)) reading.qualifier = 'actionable';
    else if (/activating/i.test(phrase)) reading.qualifier = 'activating';
    else if (/sensiti/i.test(phrase)) reading.qualifier = 'sensitizing';
    if (/germ-?line|carrier/i.test(phrase)) reading.origin = 'germline';
    else if (/somatic/i.test(phrase)) reading.origin = 'somatic';
    if (/^positive/i.test(phrase)) reading.polarity = 'positive';
    if (/^negative/i.test(phrase)) reading.polarity = 'negative';
    if (/including|such|e\.?g|like|limited/i.test(m[2]!)) reading.examples = phrase.replace(/\s+status$/i, '');
    reading.fromPrefix = true;
    return { start, reading };
  }
  if ((m = PREFIX_UNKNOWN.exec(window))) {
    take(m);
    reading.polarity = 'unknown';
  } else if ((m = PREFIX_ABNORMAL.exec(window))) {
    take(m);
    reading.alteration = 'alteration';
  } else if ((m = PREFIX_WILD.exec(window))) {
    take(m);
    reading.polarity = 'wild';
  } else if ((m = PREFIX_EXPRESS.exec(window))) {
    take(m);
    reading.polarity = 'positive';
    reading.alteration = /over/i.test(m[1]!) ? 'overexpression' : 'expression';
  } else if ((m = PREFIX_FOR.exec(window))) {
    // "negative for" is itself a negation trigger: read the positive statement and let the
    // assembler negate it; the trigger stays out of the span.
    const w = m[1]!.toLowerCase();
    if (w === 'positive') take(m);
    else window = window.slice(0, m.index);
    reading.polarity = 'positive';
  } else if ((m = PREFIX_LEVEL.exec(window))) {
    const w = take(m).toLowerCase();
    reading.polarity =
      w === 'high' || w === 'elevated'
        ? 'high'
        : w === 'low'
          ? 'low'
          : /defici|defect/.test(w)
            ? 'negative'
            : 'positive';
  } else if ((m = PREFIX_OF.exec(window))) {
    const w = take(m).toLowerCase();
    reading.fromPrefix = true;
    if (/positivity/.test(w)) reading.polarity = 'positive';
    else if (/negativity/.test(w)) reading.polarity = 'negative';
    else if (/carrier/.test(w)) {
      reading.origin = 'germline';
      reading.alteration = 'mutation';
    } else if (/changes?$/.test(w)) {
      // "changes in the EGFR or ALK genes": any alteration of them. A plain "change in" is about the
      // gene only when the words name it as one ("genomic changes in", "… genes"), not "change in EGFR TKI dose".
      if (/^(?:genetic|genomic|molecular)/.test(w) || GENE_WORD_AFTER.test(text.slice(item.end, item.end + 40)))
        reading.alteration = 'alteration';
    } else {
      const noun = w.replace(/^(?:dna|genetic|genomic)\s+/, '');
      for (const [re, alt] of ALTERATION) {
        const a = tryAt(re, noun, 0);
        if (a && a[0].length === noun.length) {
          reading.alteration = alt;
          break;
        }
      }
    }
  } else if ((m = PREFIX_POLARITY.exec(window))) {
    reading.polarity = take(m).toLowerCase() === 'negative' ? 'negative' : 'positive';
    reading.weakPolarity = true;
  }
  if ((m = PREFIX_QUALIFIERS.exec(window))) {
    const words = m[1]!;
    const meaningful = MEANINGFUL_QUALIFIER.exec(words);
    if (meaningful) {
      for (const w of words.split(/[\s,/]+/)) if (w) noteQualifier(reading, w);
      start = lo + m.index + meaningful.index;
    }
  }
  return { start, reading };
}

// ---------------------------------------------------------------------------------------------
// Items: genes and markers found by the phrase index, families, "BRCA1/2", glued variants.

const GLUED = new RegExp(
  `^([A-Z][A-Z0-9]*?[A-Z0-9])(?:((?:p\\.)?[${AA}]\\d{1,4}[${AA}]?)|(ex\\d{1,2}(?:del|ins|skip\\w*)?)|(m|mut))$`,
);

function findItems(input: ExtractInput, v: Vocab): Item[] {
  const { text, tokens } = input;
  const mentions = v.index.scan(text, tokens);
  const items: Item[] = [];
  for (const mention of mentions) {
    const last = items[items.length - 1];
    if (last && last.start === mention.start && last.end === mention.end) {
      // One phrase, several entries: a family (BRCA → BRCA1, BRCA2) or a gene that is also a marker.
      if (mention.type === 'marker' && last.kind === 'gene')
        items[items.length - 1] = { ...last, kind: 'marker', ids: [mention.id] };
      else if (mention.type === 'gene' && last.kind === 'gene' && !last.ids.includes(mention.id))
        last.ids.push(mention.id);
      continue;
    }
    items.push({
      start: mention.start,
      end: mention.end,
      ids: [mention.id],
      kind: mention.type === 'marker' ? 'marker' : 'gene',
      mention: mention.text,
    });
  }
  for (const t of glued(tokens, v)) {
    if (!items.some((i) => i.start < t.end && t.start < i.end)) items.push(t);
  }
  items.sort((a, b) => a.start - b.start);
  for (const item of items) siblings(text, item, v);
  return mergeParenthetical(text, items);
}

/** "BRAFV600E", "NRASG12", "METex14", "ESR1m": a gene symbol with its variant in one token. */
function glued(tokens: Token[], v: Vocab): Item[] {
  const out: Item[] = [];
  for (const t of tokens) {
    if (t.raw.length < 5 || !/[A-Z]/.test(t.raw[0]!)) continue;
    const m = GLUED.exec(t.raw);
    if (!m || !v.genes.has(m[1]!)) continue;
    const glue: Partial<Reading> = {};
    if (m[2]) glue.variants = [m[2].replace(/^p\./, '')];
    else if (m[3]) {
      const ex = /ex(\d{1,2})(\w*)/.exec(m[3])!;
      glue.variants = [`exon ${ex[1]} ${exonWord(ex[2] || (ex[1] === '14' ? 'skipping' : 'mutation'))}`];
    } else glue.alteration = 'mutation';
    out.push({ start: t.start, end: t.end, ids: [m[1]!], kind: 'gene', mention: t.raw, glued: glue });
  }
  return out;
}

/** "BRCA1/2", "IDH1/2", "NTRK1-3", "BRCA 1 and 2": the digits after a gene name its siblings. */
function siblings(text: string, item: Item, v: Vocab): void {
  if (item.kind !== 'gene') return;
  const m = /^(?:\s*(?:\/|,|&|-|and\/or|and|or)\s*\d(?![\w.]))+/y;
  const base = /^(.*?)(\d)?$/.exec(item.mention.replace(/[\s-]/g, ''))![1]!.toUpperCase();
  let digits: string[] = [];
  // "BRCA 1/2" (a family name, then digits) or "BRCA1/2" (a member, then more digits).
  const lead = /^\s*(\d)(?![\w.])/.exec(text.slice(item.end));
  let end = item.end;
  if (item.ids.length > 1 && lead) {
    digits.push(lead[1]!);
    end += lead[0].length;
  } else if (item.ids.length === 1 && /\d$/.test(item.ids[0]!)) {
    digits.push(item.ids[0]!.slice(-1));
  } else return;
  m.lastIndex = 0;
  const rest = m.exec(text.slice(end));
  if (!rest && digits.length < 2 && !lead) return;
  if (rest) {
    const range = /-\s*(\d)/.exec(rest[0]);
    const listed = [...rest[0].matchAll(/\d/g)].map((d) => d[0]);
    if (range && listed.length === 1) {
      for (let d = Number(digits[0]) + 1; d <= Number(range[1]); d++) digits.push(String(d));
    } else digits.push(...listed);
    end += rest[0].length;
  }
  digits = [...new Set(digits)];
  const ids = digits.map((d) => `${base}${d}`).filter((id) => v.genes.has(id));
  if (ids.length === digits.length && ids.length > 0) {
    item.ids = ids;
    item.end = end;
  }
}

/** "estrogen receptor (ER)", "HER2 (human epidermal growth factor receptor 2)": one item, not two. */
function mergeParenthetical(text: string, items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && prev.ids.join() === item.ids.join()) {
      const gap = text.slice(prev.end, item.start);
      if (/^\s*(?:protein|gene|receptor|kinase)?\s*[([]\s*$/i.test(gap)) {
        const close = /^\s*[)\]]/.exec(text.slice(item.end));
        if (close) {
          prev.end = item.end + close[0].length;
          continue;
        }
      }
    }
    // "HER2 (Human Epidermal Growth Factor Receptor 2)" when the long form is another entry's phrase.
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conditions.

function leaf(
  gene: string,
  status: Status,
  value: boolean,
  extra: { alteration?: string; origin?: string; method?: string } = {},
): LeafCondition {
  const params: Record<string, unknown> = { gene };
  if (extra.alteration) params['alteration'] = extra.alteration;
  params['status'] = status;
  if (extra.origin) params['origin'] = extra.origin;
  if (extra.method) params['method'] = extra.method;
  return { fact: 'biomarker', operator: 'equal', value, params };
}

function valueLeaves(name: string, scale: string | undefined, values: Array<[Operator, number]>): Condition {
  const leaves: LeafCondition[] = values.map(([operator, value]) => ({
    fact: 'biomarkerValue',
    operator,
    value,
    params: scale ? { name, scale } : { name },
  }));
  return leaves.length === 1 ? leaves[0]! : { all: leaves };
}

const anyOf = (cs: Condition[]): Condition | null => (cs.length === 0 ? null : cs.length === 1 ? cs[0]! : { any: cs });
const allOf = (cs: Condition[]): Condition | null => (cs.length === 0 ? null : cs.length === 1 ? cs[0]! : { all: cs });

const STATUS_OF: Partial<Record<Polarity, Status>> = {
  positive: 'positive',
  negative: 'negative',
  low: 'low',
  high: 'high',
  equivocal: 'equivocal',
};

/** The condition one gene or marker stands for, given what the words around it say; null when they say nothing. */
function itemCondition(item: Item, r: Reading, v: Vocab): Condition | null {
  if (r.polarity === 'unknown' || r.polarity === 'ultralow') return null;
  if (item.kind === 'gene') return geneCondition(item.ids, r);
  const id = item.ids[0]!;
  const marker = v.markers.get(id);
  const mention = item.mention;
  switch (id) {
    case 'TNBC':
      if (r.polarity && r.polarity !== 'positive') return null;
      return { all: [leaf('ER', 'negative', true), leaf('PR', 'negative', true), leaf('ERBB2', 'negative', true)] };
    case 'MSI': {
      if (/^(?:MSS|microsatellite[\s-]+stab)/i.test(mention)) return leaf('MSI', 'high', false);
      if (/^MSI-?L|low/i.test(mention) || r.polarity === 'low') return leaf('MSI', 'low', true);
      if (/^MSI-?H|high/i.test(mention) || r.polarity === 'high' || r.polarity === 'positive')
        return leaf('MSI', 'high', true);
      if (r.polarity === 'negative') return leaf('MSI', 'high', false);
      return null;
    }
    case 'MMR': {
      const o = r.origin ? { origin: r.origin } : {};
      if (/^(?:dMMR|MMR-?D$|MMRd)/.test(mention)) return leaf('MMR', 'negative', true, o);
      if (/^(?:pMMR|MMR-?P$|MMRp)/.test(mention)) return leaf('MMR', 'positive', true, o);
      if (r.polarity === 'negative' || r.alteration === 'loss') return leaf('MMR', 'negative', true, o);
      if (r.polarity === 'positive') return leaf('MMR', 'positive', true, o);
      return null;
    }
    case 'TMB':
      if (r.values) return valueLeaves('TMB', 'mut/Mb', r.values);
      if (/-?H(?:igh|i)?$/i.test(mention) && /TMB-?H|high/i.test(mention)) return leaf('TMB', 'high', true);
      if (r.polarity === 'high' || r.polarity === 'low') return leaf('TMB', r.polarity, true);
      return null;
    case 'HRD':
      if (r.polarity === 'negative' || r.polarity === 'wild') return leaf('HRD', 'positive', false);
      if (/defici|positive/i.test(mention) || r.polarity === 'positive' || r.polarity === 'high')
        return leaf('HRD', 'positive', true);
      return null;
    case 'ERBB2':
      return her2Condition(r);
    default:
      break;
  }
  if (r.values && VALUE_MARKERS.has(id)) {
    const scale = id === 'PD-L1' ? (r.scale === '%' ? undefined : r.scale) : (r.scale ?? '%');
    const standard =
      (id === 'ER' || id === 'PR') &&
      r.values.length === 1 &&
      ((r.polarity === 'positive' && r.values[0]![0] === 'greaterThanInclusive' && r.values[0]![1] === 1) ||
        (r.polarity === 'negative' && r.values[0]![0] === 'lessThan' && r.values[0]![1] === 1));
    if (!standard) return valueLeaves(id, scale, r.values);
  }
  if (id.includes('::')) {
    if ((r.alteration === 'mutation' || r.variants.length) && marker?.gene) return geneCondition([marker.gene], r);
    if (r.polarity === 'negative' || r.polarity === 'wild')
      return leaf(marker?.gene ?? id, 'detected', false, { alteration: id });
    if (r.polarity === 'positive' || r.alteration === 'fusion')
      return leaf(marker?.gene ?? id, 'detected', true, { alteration: id });
    return null;
  }
  // A genomic alteration of a marker is a result on its gene ("HER2 amplification", "p16 mutation").
  if (r.alteration && !['expression', 'overexpression', 'loss'].includes(r.alteration) && marker?.gene) {
    return geneCondition([marker.gene], r);
  }
  if (r.alteration === 'overexpression' && (!r.polarity || r.polarity === 'positive'))
    return leaf(id, 'positive', true);
  if (r.alteration === 'loss' && !r.polarity) return leaf(id, 'negative', true);
  if (r.polarity === 'wild') return null;
  const status = r.polarity ? STATUS_OF[r.polarity] : undefined;
  if (!status) return null;
  if (r.orUnknown && (status === 'positive' || status === 'negative'))
    return leaf(id, status === 'positive' ? 'negative' : 'positive', false);
  if ((status === 'high' || status === 'low') && !['PD-L1', 'ER', 'PR', 'HR', 'Ki-67', 'AR'].includes(id) && !marker)
    return null;
  return leaf(id, status, true);
}

function her2Condition(r: Reading): Condition | null {
  const status = r.polarity && r.polarity !== 'wild' ? STATUS_OF[r.polarity] : undefined;
  if (r.orUnknown && (status === 'positive' || status === 'negative'))
    return leaf('ERBB2', status === 'positive' ? 'negative' : 'positive', false);
  if (r.her2) {
    if (status && her2Consistent(r.polarity!, r.her2.ihc, r.her2.ish)) return leaf('ERBB2', status, true);
    return r.her2.condition;
  }
  if (r.alteration === 'amplification')
    return leaf('ERBB2', 'detected', r.polarity !== 'negative' && r.polarity !== 'wild', {
      alteration: 'amplification',
    });
  if (r.alteration === 'mutation' || r.variants.length) return geneCondition(['ERBB2'], r);
  if (r.alteration === 'overexpression' && (!r.polarity || r.polarity === 'positive'))
    return leaf('ERBB2', 'positive', true);
  // "tumors that express HER2", "HER2-expressing": any staining, IHC 1+ or more (the HER2-low era meaning).
  if (r.alteration === 'expression' && (!r.polarity || r.polarity === 'positive'))
    return ihcLeaf('greaterThanInclusive', 1);
  if (status) return leaf('ERBB2', status, true);
  return null;
}

/** A gene result: "EGFR exon 19 deletion or L858R", "ALK-positive", "KRAS wild-type", "BRCA1/2 germline mutation". */
function geneCondition(genes: string[], r: Reading): Condition | null {
  const present = r.polarity !== 'negative' && r.polarity !== 'wild';
  if (r.polarity === 'low' || r.polarity === 'high' || r.polarity === 'equivocal') return null;
  const base = { ...(r.origin ? { origin: r.origin } : {}) };
  const alteration =
    r.alteration === 'alteration' ||
    r.alteration === 'expression' ||
    r.alteration === 'overexpression' ||
    r.alteration === undefined
      ? undefined
      : r.alteration === 'overexpression'
        ? undefined
        : r.alteration;
  if ((r.alteration === 'overexpression' || r.alteration === 'expression') && !r.variants.length) {
    // Expression of a gene product is a status, not a mutation.
    if (r.alteration === 'expression' && !r.polarity) return null;
    return anyOf(genes.map((g) => leaf(g, r.polarity === 'negative' ? 'negative' : 'positive', true)));
  }
  // A CD antigen "positive" is expression on the cells, not a mutation (HCDM nomenclature); so is
  // any "positive" in a sentence about expression or immunohistochemistry.
  if (
    !alteration &&
    !r.variants.length &&
    r.polarity === 'positive' &&
    (r.expressionContext || genes.every((g) => /^CD\d/.test(g)))
  ) {
    return anyOf(genes.map((g) => leaf(g, 'positive', true)));
  }
  const qualified =
    r.qualifier && (!alteration || alteration === 'mutation')
      ? `${r.qualifier} ${alteration === 'mutation' || r.qualifier !== 'actionable' ? 'mutation' : 'alteration'}`
      : alteration;
  if (!r.variants.length && !r.alteration && !r.polarity && !r.qualifier && !r.origin) return null;
  if (r.variants.length) {
    const leaves = genes.flatMap((g) =>
      r.variants.map((variant) => leaf(g, 'detected', present, { alteration: variant, ...base })),
    );
    return present ? anyOf(leaves) : allOf(leaves);
  }
  if (r.notVariants.length) {
    return allOf(
      genes.flatMap((g) => [
        leaf(g, 'detected', present, { alteration: qualified ?? 'mutation', ...base }),
        ...r.notVariants.map((nv) => leaf(g, 'detected', false, { alteration: nv })),
      ]),
    );
  }
  // "activating mutation/amplification": the qualifier names a kind of mutation, the amplification stands alone.
  const alterations = r.orAlteration ? [qualified, r.orAlteration] : [qualified];
  const leaves = genes.flatMap((g) =>
    alterations.map((a) => leaf(g, 'detected', present, { ...(a ? { alteration: a } : {}), ...base })),
  );
  return present ? anyOf(leaves) : allOf(leaves);
}

// "BRAF status must be known", "Known PD-L1 expression status", "must have p16 IHC testing": a
// result must exist, whatever it is. Written any(X, not X) over the marker's own leaf, which is
// unknown without a result and true with one.

const KNOWN_BEFORE =
  /\b(?:known|documented|documentation\s+of|available|availability\s+of|confirmed|determined|provide[sd]?|provision\s+of|must\s+have|have\s+had|had|undergone|results?\s+of)\s+(?:(?:an?|the|their|tumou?r|local|central|prior|reports?\s+of)\s+)*$/i;
const KNOWN_AFTER =
  /^[\s,)]*(?:\([^)]{0,60}\)\s*)?(?:,?\s*(?:locally|centrally)\s+(?:assessed|determined|tested),?\s*)?(?:must|should|has\s+to|have\s+to|needs?\s+to|is|are)?\s*(?:be\s+|been\s+)?(?:known|available|determined|documented|confirmed|assessed|tested|reported|performed|obtained)\b/i;

function knownContext(text: string, start: number, end: number): boolean {
  return KNOWN_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || KNOWN_AFTER.test(text.slice(end, end + 80));
}

/**
 * "Must have known PD-L1 expression": a marker whose expression is a graded level (PD-L1 TPS/CPS,
 * Ki-67 %) with "known" or "documented" right before it asks for the level to be known, not for a
 * positive result. Receptors whose "expression" usually means positive (HER2, ER) are left out.
 */
const GRADED_EXPRESSION = new Set(['PD-L1', 'Ki-67']);
const KNOWN_RIGHT_BEFORE = /\b(?:known|documented)\s+$/i;
function knownExpression(text: string, r: Read, reading: Reading): boolean {
  return (
    reading.alteration === 'expression' &&
    r.item.kind === 'marker' &&
    GRADED_EXPRESSION.has(r.item.ids[0]!) &&
    KNOWN_RIGHT_BEFORE.test(text.slice(Math.max(0, r.start - 20), r.start))
  );
}

/** Length of "must be available", "should be known" after a status, to count it as read. */
function knownTail(text: string, end: number): number {
  const m = KNOWN_AFTER.exec(text.slice(end, end + 80));
  return m ? m[0].length : 0;
}

/** Names that carry their own status: MSI-H, MSS, dMMR, pMMR, TMB-H, TNBC, "HR deficiency". */
function impliesStatus(item: Item): boolean {
  return (
    item.kind === 'marker' &&
    (/^(?:MSI-?H|MSI-?L|MSIH|MSS|microsatellite[\s-]+(?:stab|instability[\s-]+high|unstable)|dMMR|pMMR|MMR-?[DP]$|MMR[dp]|TMB-?H|TNBC|triple)/i.test(
      item.mention,
    ) ||
      /defici/i.test(item.mention))
  );
}

function statusKnown(item: Item, r: Reading, v: Vocab): Condition | null {
  const both = (l: LeafCondition): Condition => ({ any: [l, { ...l, value: false }] });
  if (item.kind === 'gene') {
    if (r.alteration === 'expression' || r.alteration === 'overexpression')
      return allOf(item.ids.map((g) => both(leaf(g, 'positive', true))));
    const alteration =
      r.alteration && !r.orAlteration && !['alteration', 'expression', 'overexpression'].includes(r.alteration)
        ? r.alteration
        : undefined;
    return allOf(item.ids.map((g) => both(leaf(g, 'detected', true, alteration ? { alteration } : {}))));
  }
  const id = item.ids[0]!;
  if (id === 'TNBC' || id.includes('::')) return null;
  const marker = v.markers.get(id);
  if (r.alteration === 'mutation' && marker?.gene)
    return both(leaf(marker.gene, 'detected', true, { alteration: 'mutation' }));
  const status: Status = id === 'MSI' || id === 'TMB' ? 'high' : id === 'MMR' ? 'negative' : 'positive';
  return both(leaf(id, status, true));
}

// ---------------------------------------------------------------------------------------------
// HLA type: "HLA-A*02:01 positive", "HLA-A*0201", "HLA-A2", "human leukocyte antigen (HLA)-A*02:01".

const HLA_HEAD = /\b(?:HLA|human leukocyte antigen(?:\s*\(HLA\))?)\s*[\])]?\s*-?\s*/gi;
const HLA_ALLELE = /(A|B|Cw|C)\s*(\d{1,2})?\s*(?:\*\s*(\d{2,4}(?::\d{2,3})?))?(?![\d:*])/y;
const HLA_MORE =
  /\s*(?:,|or|and\/or|and|\/)\s*(?:HLA)?\s*-?\s*(?:(A|B|Cw|C)\s*)?(\d{1,2})?\s*(?:\*\s*(\d{2,4}(?::\d{2,3})?))?(?![\d:*])/y;
const HLA_STATUS =
  /[ \t]*\)?[ \t]*(?:-[ \t]*)?(?:genotype\s+|type\s+|allele\s+|status\s+)?(positive|\+|negative|-(?=\W|$)|expressing|restricted)?/y;

/** "02:01" → "*02:01", "0201" → "*02:01", field "2" → "*02". */
function alleleName(field: string | undefined, allele: string | undefined): string | null {
  if (allele) {
    if (allele.includes(':')) return `*${allele}`;
    if (allele.length === 4) return `*${allele.slice(0, 2)}:${allele.slice(2)}`;
    if (allele.length === 2) return `*${allele}`;
    return null;
  }
  if (field) return `*${field.padStart(2, '0')}`;
  return null;
}

/**
 * HLA type: "HLA-A*02:01 positive", "HLA-A*0201 or A*0206", "HLA-A2", "human leukocyte antigen
 * (HLA)-A*02:01". A list that goes on in a form not read ("-CW04/12(04/08)") is left unread whole,
 * since dropping an allele from a list of alternatives would fail its carriers.
 */
function hlaFindings(text: string): Array<{ condition: Condition; start: number; end: number }> {
  const out: Array<{ condition: Condition; start: number; end: number }> = [];
  HLA_HEAD.lastIndex = 0;
  for (let m = HLA_HEAD.exec(text); m; m = HLA_HEAD.exec(text)) {
    const a = tryAt(HLA_ALLELE, text, m.index + m[0].length);
    if (!a) continue;
    const leaves: LeafCondition[] = [];
    let gene = `HLA-${a[1]!.toUpperCase().replace('CW', 'C')}`;
    const first = alleleName(a[2], a[3]);
    if (!first) continue;
    leaves.push(leaf(gene, 'positive', true, { alteration: first }));
    let end = a.index + a[0].length;
    for (let k = 0; k < 8; k++) {
      const more = tryAt(HLA_MORE, text, end);
      if (!more || (!more[2] && !more[3])) break;
      if (more[1]) gene = `HLA-${more[1].toUpperCase().replace('CW', 'C')}`;
      else if (!more[3]) break;
      const name = alleleName(more[2], more[3]);
      if (!name) break;
      leaves.push(leaf(gene, 'positive', true, { alteration: name }));
      end = more.index + more[0].length;
    }
    if (/^\s*(?:,|or|and|\/)\s*-?\s*(?:HLA)?-?[A-Z]/i.test(text.slice(end, end + 12))) continue;
    const st = tryAt(HLA_STATUS, text, end);
    const word = (st?.[1] ?? '').toLowerCase();
    if (st?.[1]) end = st.index + st[0].length;
    const negative = word === 'negative' || word === '-';
    const condition = negative ? allOf(leaves.map((l) => ({ ...l, value: false })))! : anyOf(leaves)!;
    out.push({ condition, start: m.index, end });
    if (out.length >= MAX_ITEMS) break;
    HLA_HEAD.lastIndex = end;
  }
  return out;
}

/**
 * An actionable alteration named without a gene: "actionable genomic alteration", "targetable
 * co-mutations", "oncogenic driver mutation", "oncogene-driven tumors", "driver-negative NSCLC".
 */
const ACTIONABLE_PHRASE =
  /\b(?:(?:actionable|targetable|druggable)[\s-]+(?:(?:target|tumou?r|genomic|molecular|genetic|oncogenic|driver|gene|oncogene)[\s-]+){0,3}(?:co-?)?(?:mutations?|alterations?|aberrations?|abnormalit(?:y|ies)|variants?|drivers?|oncogenes?|rearrangements?)(?:\s*(?:,|or|and|and\/or)\s*(?:mutations?|alterations?|rearrangements?|amplifications?|fusions?|translocations?)\b)*|(?:oncogenic[\s-]+|oncogene[\s-]+)?driver[\s-]+(?:(?:gene|genomic|molecular|oncogene)[\s-]+)?(?:mutations?|alterations?|aberrations?|oncogenes?)|oncogenic[\s-]+drivers?|oncogene[\s-]+driven|driver[\s-]+(?:gene[\s-]+)?(?:mutation[\s-]+)?(?:negative|positive))\b/gi;
/**
 * "with or without a targetable driver alteration", "NSCLC including driver mutation positive", "if
 * routinely tested as a targetable alteration": no requirement.
 */
const ACTIONABLE_OPTIONAL = /\b(?:with\s+or\s+without|test(?:ed|ing)?\s+(?:as|for)|including|inclusive\s+of|incl\.?)\s+(?:(?:an?|any|known|other|those\s+with)\s+)*$/i;
/** A sentence opening on the people it is about: "Subjects with …", "2. Patients harbouring …". */
const POPULATION_OPENING =
  /^[\s\W]*(?:\d+[.)]\s*)?(?:subjects?|patients?|participants?|those|individuals)\s+(?:with|who\s+(?:have|has|harbou?r)|harbou?ring|having)\s+(?:(?:an?|any|known|documented|confirmed|other)\s+)*$/i;
/** What turns the phrase into another subject: a therapy for it, a test of it, its status being known. */
const ACTIONABLE_NOT_STATED = /^[\s-]*(?:-?based|-?directed|-?targeted|therap|treatment|inhibitor|testing|test\b|status|results?\b|analysis|panel)/i;

/**
 * Gene-less actionable alterations, each read as actionableAlteration; none where a gene follows in
 * the same clause (the phrase introduces the genes, which the gene reader takes) or where the phrase
 * is the object of a therapy, a test or a status.
 */
function actionableFindings(input: ExtractInput, items: readonly Item[]): Array<{ condition: Condition; start: number; end: number }> {
  const { text } = input;
  const out: Array<{ condition: Condition; start: number; end: number }> = [];
  ACTIONABLE_PHRASE.lastIndex = 0;
  for (let m = ACTIONABLE_PHRASE.exec(text); m && out.length < MAX_ITEMS; m = ACTIONABLE_PHRASE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 80);
    if (ACTIONABLE_NOT_STATED.test(after)) continue;
    // Genes after it in its sentence ("the following driver mutations: EGFR, ALK"), or one just before
    // it ("B-RAF driver mutation"), are what it names.
    const clauseEnd = /[.;](?:\s|$)|\n/.exec(after)?.index ?? after.length;
    if (items.some((it) => (it.start >= end && it.start - end <= clauseEnd) || (it.end <= start && start - it.end <= 3))) continue;
    const before = text.slice(Math.max(0, start - 80), start);
    if (DRUG_BEFORE.test(before) || LOGISTICS.test(before) || REGARDLESS.test(before)) continue;
    if (ANY_STATUS.test(before) && !ANY_EXISTENTIAL.test(before) && !(input.kind === 'exclusion' && start <= 80 && ANY_OPENING.test(text.slice(0, start)))) continue;
    if (ACTIONABLE_OPTIONAL.test(before) || PERMISSION.test(text.slice(end)) || excepted(text, input, start)) continue;
    // As the condition of a requirement, only in the population form the assembler scopes whole
    // ("Subjects with actionable target tumor mutation should have been previously treated with …"):
    // inside a longer sentence ("… or after 2 lines if the subject has actionable target tumor
    // mutation and …") its own "or" would part what the sentence requires of everyone.
    const scope = scopeOf(input, start, end, []);
    if (scope && scope.role !== 'scoped') {
      const [s0] = sentenceAround(text, start, end);
      if (!POPULATION_OPENING.test(text.slice(s0, start))) continue;
    }
    const negative = /negative$/i.test(m[0]);
    const leaf: Condition = { fact: 'actionableAlteration', operator: 'equal', value: !negative };
    // "… for which there are locally approved targeted 1L therapies": only the alterations with a
    // first-line targeted therapy, fewer than the fact's (a driver treated only after first line, such
    // as KRAS G12C in NSCLC, is actionable but not one of them). The line stays an unknown beside the
    // fact, so "absence of" them never fails a patient whose driver has no first-line therapy.
    const line = FIRST_LINE_ONLY.exec(text.slice(end, end + 160));
    const condition: Condition = line
      ? { all: [leaf, { fact: 'unparsed', operator: 'equal', value: true, params: { text: line[0].replace(/\s+/g, ' ').replace(/^[\s,]+/, '') } }] }
      : leaf;
    out.push({ condition, start, end: line ? end + line[0].length : end });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// When a biomarker binds only part of the trial, or only conditions another requirement.
//
// "Cohort A: … HER2 IHC 3+" requires HER2 IHC 3+ only of cohort A; "Patients with BRAF V600
// mutation must have received a BRAF inhibitor" requires the inhibitor only of BRAF-mutant
// patients. Written as plain requirements they would fail patients the other cohort or branch
// admits, so the finding carries the condition it depends on as an `unparsed` leaf (always
// unknown): an inclusion reads any(requirement, unknown scope) — or any(not biomarker, unknown
// consequent) — and can never fail on the biomarker alone; an exclusion reads all(…) and can never
// exclude on it alone. The scope's words are left to the assembler's unread text.

/** A cohort, part or arm label: the criterion binds only that cohort. */
const COHORT_LABEL =
  /^\s*(?:\*+\s*)?(?:\(?\s*(?:for\s+(?:the\s+)?)?(?:cohorts?|parts?|arms?|phase\s*(?:\d[ab]?|i{1,3}[ab]?)|(?:sub)?groups?|stratum|strata|modules?|sub-?stud(?:y|ies)|expansion|dose[\s-]+(?:escalation|expansion))\b(?:[^:;.]|\.(?!\s)){0,40}?(?::|\)|\s-\s|\s–\s))/i;
const COHORT_ANYWHERE =
  /\b(?:for|in)\s+(?:the\s+)?[\w+/-]+(?:\s+[\w+/-]+)?\s+(?:cohorts?|arms?|subgroups?|sub-?cohorts?)\b|\((?:only\s+(?:for|in)\s+)?(?:cohorts?|parts?|arms?|groups?)\s+[^)]{1,40}\)|\((?:[^()]{0,30}\s)?only\)|\b(?:only\s+(?:for|in)|in|for)\s+(?:the\s+)?(?:cohorts?|parts?|arms?|phases?)\s+[A-Z0-9]/i;
/** A therapy requirement or permission that the biomarker before it conditions. */
const CONSEQUENT =
  /\b(?:must|should|shall|need(?:s)?\s+to|are\s+required\s+to|is\s+required\s+to|will\s+need\s+to)\s+(?:also\s+|either\s+)?(?:have\s+)?(?:also\s+|either\s+)?(?:had\s+|been\s+)?(?:previously\s+|already\s+|also\s+)?(?:received|receive|treated|progressed|failed|had|undergone|exhausted|be\s+(?:refractory|intolerant|ineligible|treated|offered|previously)|experienced|declined|refused|completed|tried)\b|\b(?:are|is|will\s+be|may\s+be|can\s+be|would\s+be)\s+(?:also\s+)?(?:considered\s+)?(?:eligible|allowed|permitted|included|acceptable|enrolled)\s+(?:for\s+(?:the\s+)?(?:study|trial)\s+)?(?:if|provided|only\s+if|as\s+long\s+as|when)\b|\b(?:allowed|permitted|eligible)\s+(?:if|provided|only\s+if|as\s+long\s+as)\b|\b(?:are|is)\s+not\s+required\s+to\b|\bshould\s+have\s+been\b|\bmust\s+have\s+been\b|\b(?:will\s+be|is|are)\s+required\b/i;
/** A bare permission: the biomarker is allowed, not required ("BRAF mutant or wild type allowed"). */
const PERMISSION =
  /^[^.;()]{0,40}?\b(?:(?:are|is|will\s+be|may\s+be|can\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included|acceptable)|allowed|permitted)\b(?!\s+(?:if|provided|only|as\s+long|when))/i;
const SUBJECT =
  /\b(?:patients?|participants?|subjects?|those|people|individuals|women|men|cases|pts)\s+(?:with|who|whose|harbou?ring|having|that|(?:shown|found|known|determined|confirmed)\s+to\s+(?:have|harbou?r|carry))\b|^\s*(?:if|for|in|when|among)\b|\bif\b|\bwhen\b/i;
/**
 * A sentence that opens on "With" / "Without" and the biomarker, its subject left to the heading above
 * ("Patients with metastatic melanoma:" / "Without BRAF mutation who have received at least one line …,
 * will be eligible." / "With BRAF mutation who have received at least two lines …, will be eligible."):
 * with a relative clause after the biomarker it names a group of those patients, as "Patients with X
 * who …" does, not a requirement of X. Read as one, the sibling items would fail every patient.
 */
const ELIDED_SUBJECT_GROUP = /^[\s\W\d]*with(?:out)?\s+(?:[\w()/-]+\s+){0,4}\(?$/i;
/** "therapy for HER2-positive disease", "hormonal therapy in hormone receptor-positive disease". */
const THERAPY_FOR =
  /\b(?:therap(?:y|ies)|treatments?|regimens?|agents?|drugs?|inhibitors?|TKIs?|activit(?:y|ies)|chemotherapy|trastuzumab|pertuzumab|endocrine|hormonal|targeted|antibod(?:y|ies)|doses?|lines?)\b[^.;:]{0,50}\b(?:for|in|of)\s+(?:(?:the|a|an|their|locally|advanced|metastatic|recurrent|early|unresectable|or|and|treatment|of)\s+){0,6}$/i;
/** "If …, X" or "For patients with …, X": a clause that scopes what follows its comma. */
const IF_CLAUSE =
  /\b(?:if|when|for\s+(?:the\s+)?(?:patients?|participants?|subjects?|those|women|men)\b|in\s+(?:the\s+)?(?:patients?|participants?|subjects?|those)\s+with)\b/gi;
/** "regardless of PD-L1 status": no requirement at all. */
const REGARDLESS =
  /\b(?:regardless|irrespective|independent(?:ly)?)\s+of\s+(?:the\s+|their\s+|any\s+)?(?:[\w/(),*.-]+\s+){0,8}$/i;
/** "Any ER, PR, HER2 status", "any PD-L1 expression (0 to 100%)", "any TPS": whatever the result. */
const ANY_STATUS = /\bany\s+(?:[\w/(),*.-]+\s+){0,8}$/i;
/**
 * "Absence of documented mutations in any actionable driver oncogene", "without any actionable
 * alteration": "any" of an alteration looked for (in any gene, none at all), not a status that does
 * not matter. Only "any" right before the phrase's own words, after "in" or a negation.
 */
const ANY_EXISTENTIAL = /\b(?:in|no|without|absence\s+of|lack\s+of|free\s+(?:of|from))\s+any\s+(?:[\w-]+\s+){0,2}$/i;
/** An exclusion opening on "Any" before the phrase ("Any other known genomic aberrations or oncogenic driver mutations …"): any one of them excludes. */
const ANY_OPENING = /^[\s\W\d]*any\s+(?:[\w-]+\s+){0,6}$/i;
/** A first-line limit on the therapies that make an alteration actionable (see actionableFindings). */
const FIRST_LINE_ONLY =
  /^\s*,?\s*(?:for\s+which|that\s+(?:have|has))\b[^.;]{0,100}?\b(?:first[- ]line|1L|front[- ]?line)(?:\s+(?:targeted\s+)?(?:therap(?:y|ies)|treatments?|setting))?\b/i;

interface Scope {
  /**
   * 'antecedent': the biomarker conditions the rest (if X then …); 'scoped': the biomarker is
   * required only within a cohort or branch (in cohort A, X); 'only': the rest holds only for X.
   */
  role: 'antecedent' | 'scoped' | 'only';
  text: string;
}

/** The sentence around [start, end), looked for at most 600 characters either side (bounded work on any input). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - 600);
  const hi = Math.min(text.length, end + 600);
  let s = lo;
  const re = /[.;](?=\s)|\n/g;
  re.lastIndex = lo;
  for (let m = re.exec(text); m && m.index < hi; m = re.exec(text)) {
    if (m.index < start) s = m.index + 1;
    else if (m.index >= end) return [s, m.index];
  }
  return [s, hi];
}

/** Cohort labels of a whole criterion, found once per criterion. */
const labelCache = new WeakMap<ExtractInput, { label: RegExpExecArray | null; anywhere: RegExpExecArray | null }>();
function labelsOf(input: ExtractInput): { label: RegExpExecArray | null; anywhere: RegExpExecArray | null } {
  let l = labelCache.get(input);
  if (!l) {
    const head = input.text.slice(0, 2000);
    l = { label: COHORT_LABEL.exec(head) ?? cancerLabel(input), anywhere: COHORT_ANYWHERE.exec(head) };
    labelCache.set(input, l);
  }
  return l;
}

function scopeOf(input: ExtractInput, start: number, end: number, definitions: Definition[]): Scope | null {
  const { text } = input;
  const [s, e] = sentenceAround(text, start, end);
  const before = text.slice(s, start);
  const after = text.slice(end, e);
  const trim = (x: string): string => x.replace(/^[\s,:;-]+|[\s,:;.-]+$/g, '').slice(0, 200);
  const sentence = trim(text.slice(s, e));
  const consequent = (x: string): string => (trim(x).length >= 20 ? trim(x) : sentence);
  const definition = definitions.find((d) => d.from <= start && start < d.to);
  if (definition) return { role: 'scoped', text: trim(definition.text) };
  if (THERAPY_FOR.test(before)) return { role: 'antecedent', text: sentence };
  // "For the TNBC Cohort, …", "(HER2-expression positive subgroup): …": what follows holds for that cohort.
  if (COHORT_AFTER.test(text.slice(end, end + 30))) return { role: 'antecedent', text: sentence };
  if (ONLY_FOR.test(before)) return { role: 'only', text: sentence };
  // "BRAF wild type: progressed after …", "TNBC: 1 line".
  if (/(?:^|[;:]\s*)[\s\W]*$/.test(text.slice(0, start)) && LABEL_AFTER.test(after))
    return { role: 'antecedent', text: consequent(after.replace(/^[^:]*:/, '')) };
  const c = CONSEQUENT.exec(after);
  if (c && SUBJECT.test(before + ' ' + after.slice(0, c.index))) return { role: 'antecedent', text: consequent(after) };
  // "IHC ≤ 2+ must have HER2 gene amplification": another result conditions this one.
  const subject =
    /\b(?:IHC|ISH|FISH|score|status|tumou?rs?\s+with)\b[^,;]{0,30}\b(?:must|should)\s+(?:have|be|show)\s+(?:[\w-]+\s+){0,2}$/i.exec(
      before,
    );
  if (subject)
    return {
      role: 'scoped',
      text: trim(
        before
          .slice(0, subject.index + subject[0].length)
          .replace(/\s+(?:must|should)\s+(?:have|be|show)\s+(?:[\w-]+\s+){0,2}$/i, ''),
      ),
    };
  // "If HER2-positive, …" (the biomarker inside the if-clause) or "If …, p16 status must be known".
  let lastIf: RegExpExecArray | null = null;
  IF_CLAUSE.lastIndex = 0;
  for (let m = IF_CLAUSE.exec(before); m; m = IF_CLAUSE.exec(before)) lastIf = m;
  if (lastIf) {
    const between = before.slice(lastIf.index);
    const comma = /[,:]\s/.exec(between);
    if (comma) return { role: 'scoped', text: trim(between.slice(0, comma.index)) };
    return { role: 'antecedent', text: consequent(after) };
  }
  const { label, anywhere } = labelsOf(input);
  if (label) return { role: 'scoped', text: trim(label[0]) };
  if (anywhere) return { role: 'scoped', text: trim(anywhere[0]) };
  for (const ctx of input.context) {
    const l =
      COHORT_LABEL.exec(ctx) ??
      COHORT_ANYWHERE.exec(ctx) ??
      /^\s*(?:cohorts?|parts?|arms?|phase|(?:sub)?groups?)\s+[\w.-]{1,6}\b[^.;:]{0,30}$/i.exec(ctx);
    if (l) return { role: 'scoped', text: trim(l[0]) };
  }
  return null;
}

/** "NSCLC: …", "Melanoma: …": a criterion that binds only the cohort of one cancer type. */
function cancerLabel(input: ExtractInput): RegExpExecArray | null {
  const label = /^\s*([^:.;()]{2,40}):\s/.exec(input.text);
  if (!label) return null;
  const end = label[0].length;
  return input.mentions.some((m) => m.type === 'cancer' && m.end <= end) ? label : null;
}

const FLIP: Record<Operator, Operator> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  lessThanInclusive: 'greaterThan',
  greaterThan: 'lessThanInclusive',
  in: 'notIn',
  notIn: 'in',
};

/** The opposite condition (De Morgan), as the assembler negates; kept here to avoid importing parse.ts (a cycle). */
function negate(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(negate) };
  if ('any' in c) return { all: c.any.map(negate) };
  if (typeof c.value === 'boolean' && c.operator === 'equal') return { ...c, value: !c.value };
  return { ...c, operator: FLIP[c.operator] };
}

const unread = (text: string): LeafCondition => ({
  fact: 'unparsed',
  operator: 'equal',
  value: true,
  params: { text },
});

// ---------------------------------------------------------------------------------------------
// The extractor.

const MAX_ITEMS = 120;
const MAX_LIST = 30;
const LIST_GAP = /^\s*(?:,|\/|;|&)?\s*(?:and\/or|and|or|nor|&)?\s*(?:,)?\s*$/i;
const GATE = /HLA|leukocyte antigen/i;
const ACTIONABLE_GATE = /actionable|targetable|druggable|driver/i;
/** "one of the following … : A, B, C": a list of alternatives. */
const ANY_OF_CONTEXT = /\b(?:any|one)\s+(?:[\w-]+\s+){0,3}(?:of|following)\b|\bsuch\s+as\b|\bat\s+least\s+one\b/i;
/** Markers read as one tumour's profile: a bare list of them is all required ("ER+, PR-, HER2-"). */
const PROFILE = new Set([
  'ER',
  'PR',
  'HR',
  'AR',
  'ERBB2',
  'PD-L1',
  'Ki-67',
  'TNBC',
  'CLDN18.2',
  'FRα',
  'TROP2',
  'p16',
  'HPV',
]);

/** Receptors that an "or" joins into one hormone-receptor status ("ER+ or PR+"). */
const HORMONE_RECEPTORS = new Set(['ER', 'PR', 'HR']);

interface Read {
  item: Item;
  start: number;
  reading: Reading;
  /** Whether the item's own words say something (else it takes the list's shared words). */
  own: boolean;
  /** The reading after sharing. */
  effective?: Reading;
  /** Whether the item took its words from a neighbour. */
  shared?: boolean;
  /** Whether those words came from the item after it ("ER, PR or HER2 negative"). */
  inheritedFromNext?: boolean;
}

type Join = 'and' | 'or' | 'sep';

interface Part {
  read: Read;
  condition: Condition;
}

/**
 * Joins the conditions of one list ("ER+ and/or PR+, HER2-", "EGFR, ALK or ROS1 alterations") the
 * way the assembler joins findings: "and" binds tighter than "or", commas and slashes take the
 * list's next conjunction. An item that took its status from its neighbour forms one unit with it
 * ("ER or PR+ and HER2-" is (ER+ or PR+) and HER2-). With no conjunction, a tumour profile of
 * different receptors is all required ("ER+/HER2-", "ER-, PR-, HER2-"); alterations and signatures
 * are alternatives ("EGFR, ALK, ROS1 alterations"); a shared negative status is all required
 * ("ER/PR negative", "KRAS, NRAS, BRAF wild-type") and a shared positive one is any ("ER/PR
 * positive" = hormone-receptor positive, ASCO/CAP). Inside a negation ("no EGFR mutation and ALK
 * rearrangement") every item is one the patient must not have, so the list is read as alternatives
 * and the assembler negates it whole; so is a list of examples ("such as EGFR, ALK").
 */
function joinGroup(
  text: string,
  parts: Part[],
  negated: boolean,
  alternatives: boolean,
  examples: boolean,
): Condition | null {
  parts = mergeSignatures(text, parts);
  if (parts.length === 0) return null;
  // Alterations of different genes listed with "and" name the alterations that qualify, not a
  // patient with all of them ("NTRK fusion, RET fusion, IDH1 mutation, and KRAS mutation").
  const genomic = parts.every(
    (p) => p.read.item.kind === 'gene' && !/negative|wild/.test(p.read.effective?.polarity ?? ''),
  );
  const gapOf = (a: Part, b: Part): Join => {
    const gap = text.slice(a.read.reading.end, b.read.start);
    if (/\bor\b|\bnor\b|and\/or/i.test(gap)) return 'or';
    if (/\band\b|&/i.test(gap)) return negated || examples || genomic ? 'or' : 'and';
    return 'sep';
  };
  // Units: a run of items sharing the status of the item after them binds to it first.
  const units: Array<{ parts: Part[]; joins: Join[] }> = [];
  let open = false;
  parts.forEach((p, i) => {
    const prev = parts[i - 1];
    const unit = units[units.length - 1];
    if (prev && unit && open) {
      unit.parts.push(p);
      unit.joins.push(gapOf(prev, p));
    } else units.push({ parts: [p], joins: [] });
    open = !!p.read.shared && p.read.inheritedFromNext === true;
  });
  const polarityOf = (r: Read): Polarity | undefined => r.effective?.polarity ?? r.reading.polarity;
  const unitCondition = (u: { parts: Part[]; joins: Join[] }): Condition => {
    if (u.parts.length === 1) return u.parts[0]!.condition;
    const last = u.parts[u.parts.length - 1]!.read.effective ?? u.parts[u.parts.length - 1]!.read.reading;
    const pol = polarityOf(u.parts[u.parts.length - 1]!.read);
    // A shared upper bound ("ER/PR < 10%") holds for each; a shared lower bound for either.
    const upper = !!last.values?.every(([op]) => op === 'lessThan' || op === 'lessThanInclusive');
    const all =
      !negated &&
      !u.joins.includes('or') &&
      (u.joins.every((j) => j === 'and') || pol === 'negative' || pol === 'wild' || upper);
    const cs = dedupe(u.parts.map((p) => p.condition));
    return cs.length === 1 ? cs[0]! : all ? { all: cs } : { any: cs };
  };
  const conds = units.map(unitCondition);
  const reads = units.map((u) => u.parts[u.parts.length - 1]!.read);
  const gaps: Join[] = units.slice(1).map((u, i) => gapOf(units[i]!.parts[units[i]!.parts.length - 1]!, u.parts[0]!));
  const profile = reads.every((r) => r.item.kind === 'marker' && r.item.ids.every((id) => PROFILE.has(id)));
  // Items that took one negative status from a neighbour are all required to have it.
  const sharedNegative = parts.some((p) => p.read.shared && /negative|wild/.test(p.read.effective?.polarity ?? ''));
  const bare: Join = negated || alternatives ? 'or' : profile || sharedNegative ? 'and' : 'or';
  // A separator between different receptors with different statuses ends a segment: "ER+ and/or
  // PR+, HER2-" is (ER+ or PR+) and HER2-. The same marker with two statuses stays one list of
  // alternatives ("HER2+, HER2-low or HER2-ultralow").
  const segments: Array<{ parts: Condition[]; joins: Join[] }> = [{ parts: [conds[0]!], joins: [] }];
  conds.slice(1).forEach((c, i) => {
    const a = reads[i]!;
    const b = reads[i + 1]!;
    const sameMarker = a.item.ids.join() === b.item.ids.join();
    const slash = /^\s*\/\s*$/.test(
      text.slice(units[i]!.parts[units[i]!.parts.length - 1]!.read.reading.end, units[i + 1]!.parts[0]!.read.start),
    );
    // Deficient mismatch repair is written status negative (loss of expression), but it is a
    // finding, like MSI-high: "MSI-high, TMB-high, MMR-deficient tumors" lists alternatives.
    const absent = (r: Read): boolean => /negative|wild/.test(polarityOf(r) ?? '') && !r.item.ids.includes('MMR');
    const presenceDiffers = absent(a) !== absent(b);
    const splits =
      gaps[i] === 'sep' &&
      !negated &&
      (bare === 'and' || (slash && profile) || presenceDiffers) &&
      !sameMarker &&
      polarityOf(a) !== polarityOf(b);
    const seg = segments[segments.length - 1]!;
    // A slash between receptors of one profile binds tighter than any "or" around it: "ER+/HER2-
    // or triple-negative" is (ER+ and HER2-) or TNBC, and "TNBC or ER+/HER2-" likewise, so the
    // slash joins its two receptors with "and" inside the segment instead of ending it. Hormone
    // receptors joined by "or" just before are one unit still ("ER+ and/or PR+/HER2-" is
    // (ER+ or PR+) and HER2-).
    const before = reads[i - 1];
    const hormoneUnit =
      !!before &&
      gaps[i - 1] === 'or' &&
      [before, a].every((r) => r.item.ids.every((id) => HORMONE_RECEPTORS.has(id))) &&
      before.item.ids.join() !== a.item.ids.join() &&
      polarityOf(before) === polarityOf(a);
    if (splits && slash && profile && !hormoneUnit) {
      seg.parts.push(c);
      seg.joins.push('and');
      return;
    }
    if (splits) {
      segments.push({ parts: [c], joins: [] });
      return;
    }
    seg.parts.push(c);
    seg.joins.push(sameMarker && gaps[i] === 'sep' ? 'or' : gaps[i]!);
  });
  const joined = segments.map(({ parts: ps, joins }) => {
    const resolved = joins.map((g, i) => (g !== 'sep' ? g : (joins.slice(i + 1).find((x) => x !== 'sep') ?? bare)));
    const groups: Condition[][] = [[ps[0]!]];
    ps.slice(1).forEach((c, i) => {
      if (resolved[i] === 'or') groups.push([c]);
      else groups[groups.length - 1]!.push(c);
    });
    const conj = groups.map((g) => {
      const d = dedupe(g);
      return d.length === 1 ? d[0]! : { all: d };
    });
    const d = dedupe(conj);
    return d.length === 1 ? d[0]! : { any: d };
  });
  const d = dedupe(joined);
  return d.length === 1 ? d[0]! : { all: d };
}

/**
 * Mismatch repair and microsatellite status are two tests of one phenotype (deficient MMR causes
 * MSI-high), so a slash or comma between them ("dMMR/MSI-H", "pMMR/MSS") names one tumour either
 * way and binds tighter than any conjunction around it: "dMMR/MSI-H and HER2-positive" is
 * (dMMR or MSI-H) and HER2+.
 */
function mergeSignatures(text: string, parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    const ids = new Set([...(prev?.read.item.ids ?? []), ...p.read.item.ids]);
    const pair = ids.size === 2 && ids.has('MMR') && ids.has('MSI');
    if (prev && pair && /^\s*[/,]\s*$/.test(text.slice(prev.read.reading.end, p.read.start))) {
      out[out.length - 1] = { read: { ...p.read, start: prev.read.start }, condition: { any: [prev.condition, p.condition] } };
    } else out.push(p);
  }
  return out;
}

function dedupe(cs: Condition[]): Condition[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = JSON.stringify(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Whether a clause starts between the negation trigger that covers `start` and the biomarker, so
 * the negation does not reach it: "no EGFR or ALK aberrations and express PD-L1 (TPS ≥ 50%)". A
 * "with or without" is no negation at all.
 */
function clauseBreak(text: string, input: ExtractInput, start: number, end: number): boolean {
  const scope = input.scopes.scopes.find(
    (sc) => sc.kind === 'negated' && start >= sc.start && start < sc.end && sc.trigger[1] <= start,
  );
  if (!scope) return false;
  if (/\bwith\s+or\s+$/i.test(text.slice(Math.max(0, scope.trigger[0] - 10), scope.trigger[0]))) return true;
  // "which cannot be treated with curative intent, or metastatic TNBC": a new disjunct after a
  // negated clause that named no biomarker of its own.
  const stretch = text.slice(scope.trigger[1], start);
  const comma = /,\s*(?:or|and)\s+(?:[\w-]+\s+){0,3}$/i.exec(stretch);
  if (
    comma &&
    stretch.slice(0, comma.index).split(/\s+/).length > 3 &&
    !vocabulary(input.lex).index.scan(stretch.slice(0, comma.index)).length
  )
    return true;
  return /\b(?:and|but)\s+(?:must\s+|should\s+|also\s+)*(?:express\w*|ha(?:ve|s)|harbou?r\w*|show\w*|demonstrat\w*|carr(?:y|ies)|be|is|are)\b/i.test(
    text.slice(scope.trigger[1], end),
  );
}

/**
 * Whether the biomarker lies in an exception ("other than EGFR mutation"). An exception opened inside
 * parentheses ends with them: "(except melanoma, NSCLC and RCC) with a high mutational load".
 */
function excepted(text: string, input: ExtractInput, start: number): boolean {
  return input.scopes.scopes.some(
    (sc) =>
      sc.kind === 'exception' && start >= sc.start && start < sc.end && !/\)/.test(text.slice(sc.trigger[1], start)),
  );
}

/**
 * "Patients … with a BRAF V600 mutation … are excluded" in the exclusion list restates that the
 * criterion excludes: the trigger is not a negation of the biomarker (it would turn the exclusion
 * into its opposite).
 */
function restatedExclusion(input: ExtractInput, start: number): boolean {
  if (input.kind !== 'exclusion') return false;
  const covering = input.scopes.scopes.filter((sc) => sc.kind === 'negated' && start >= sc.start && start < sc.end);
  return (
    covering.length > 0 &&
    covering.every(
      (sc) =>
        sc.trigger[0] >= start &&
        /excluded|ineligible|not\s+eligible|not\s+allowed|not\s+permitted|prohibited/i.test(
          input.text.slice(sc.trigger[0], sc.trigger[1]),
        ),
    )
  );
}

/** Whether the negation covering `start` is the result word "negative for" ("negative for HER2 …"). */
function negatedByPolarityWord(input: ExtractInput, start: number): boolean {
  return input.scopes.scopes.some(
    (sc) => sc.kind === 'negated' && start >= sc.start && start < sc.end && /^negative\s+for$/i.test(input.text.slice(sc.trigger[0], sc.trigger[1])),
  );
}

/** Whether a negation written before the biomarker covers it (the only kind that binds a scoped finding). */
function negatedBefore(text: string, input: ExtractInput, start: number, end: number): boolean {
  const pre = input.scopes.scopes.some(
    (sc) => sc.kind === 'negated' && start >= sc.start && start < sc.end && sc.trigger[1] <= start,
  );
  return pre && !clauseBreak(text, input, start, end);
}

function mergeReadings(prefix: Partial<Reading>, suffix: Reading, text: string): Reading {
  const r: Reading = { ...suffix };
  if (prefix.examples) r.examples = prefix.examples;
  // "positive CLDN18.2 expression", "negative ALK fusion", "negative HER2, ER and PgR status": a
  // polarity before a name counts only when a status or alteration noun follows.
  if (
    prefix.weakPolarity &&
    !suffix.polarity &&
    !(suffix.alteration || suffix.status || /^[^.;]{0,40}\b(?:status|expression)\b/i.test(text.slice(suffix.end)))
  ) {
    prefix = { ...prefix, polarity: undefined };
  }
  if (prefix.variants?.length && !r.variants.length) r.variants = prefix.variants;
  if (!r.polarity && prefix.polarity) r.polarity = prefix.polarity;
  if (!r.alteration && prefix.alteration) r.alteration = prefix.alteration;
  if (!r.origin && prefix.origin) r.origin = prefix.origin;
  if (!r.qualifier && prefix.qualifier) r.qualifier = prefix.qualifier;
  if (!r.values && prefix.values) {
    r.values = prefix.values;
    if (prefix.scale) r.scale = prefix.scale;
  }
  r.fromPrefix = !says(suffix) && says({ ...emptyReading(0), ...prefix });
  return r;
}

/** Whether an item's own words give a status, alteration or value (not only qualifiers). */
const informative = (x: Read): boolean =>
  x.own &&
  !!(
    x.reading.alteration ||
    x.reading.polarity ||
    x.reading.values ||
    x.reading.variants.length ||
    x.reading.her2 ||
    x.reading.status ||
    impliesStatus(x.item)
  );

/** An item whose words may be shared along its list: names with a status of their own (dMMR, MSI-H) keep it. */
const lends = (x: Read): boolean => informative(x) && !impliesStatus(x.item) && !x.reading.ownTerm;

const says = (r: Reading): boolean =>
  !!(r.polarity || r.alteration || r.variants.length || r.values || r.her2 || r.notVariants.length || r.status);

/** "TNBC: 1 line", "BRAF wild type: progressed after PD-1": a biomarker heading the rest. */
const LABEL_AFTER =
  /^\s*(?:\([^)]{0,40}\)\s*)?(?:(?!status\b|positive\b|negative\b)[\w/-]+\s+){0,4}?(?:(?!status\b)[\w/-]+)?\s*:\s*\S/i;
/** "For the TNBC Cohort", "HER2-positive arm": the biomarker names a cohort. */
const COHORT_AFTER =
  /^[\s-]*(?:(?:breast\s+)?cancer\s+)?(?:cohorts?|arms?|groups?|subgroups?|subsets?|parts?|strat(?:um|a))\b/i;
/** "MSI high tumor should have …", "TNBC status is defined as …": the sentence defines the biomarker. */
const DEFINITION_AFTER =
  /^\s*(?:tumou?rs?|status|disease|cancers?|positivity|negativity)?\s*(?:is|are|will\s+be|should|must|has|have)\s+(?:be\s+)?(?:defined|diagnosed|considered|determined|characteri[sz]ed|have|has|contain|show|be\s+negative|negative|positive)\b/i;
/** "Genetic testing must have been performed for …", "tested for": the result must exist, not be positive. */
const TESTED_FOR =
  /(?<!\b(?:positive|negative)\s+)\btest(?:ing|ed|s)?\b(?![^.;]{0,30}\b(?:positive|negative)\b)[^.;]{0,40}\bfor\s+(?:[\w-]+[\s,]+){0,5}$/i;
/** "tissue to assess PD-L1 expression", "stratified based on PIK3CA status": a sample or a stratum, not a requirement. */
const LOGISTICS =
  /\b(?:to\s+(?:assess|determine|analy[sz]e|measure|test|evaluate|confirm)|for\s+(?:the\s+)?(?:(?:central|local|accurate)\s+)?(?:analysis|assessment|measurement|determination|evaluation|testing|confirmation|re-?scoring|scoring)\s+of|evaluable\s+for|stratified\s+(?:based\s+on|by))\s+(?:the\s+)?(?:[\w()/-]+[\s,]+){0,4}$/i;
/** A process the patient goes through, said after the biomarker ("… will be fast-tracked", "… may be discussed in an MTB meeting"). */
const PROCESS_AFTER =
  /^[^.;]{0,40}?\b(?:will|may|can|could|should|shall)\s+be\s+(?:fast[\s-]?tracked|prioriti[sz]ed|discussed|reviewed|referred|presented|flagged|triaged)\b/i;
/** "allowed only for patients X", "only in patients with X": the rest holds only for X. */
const ONLY_FOR =
  /\bonly\s+(?:for|in|among)\s+(?:the\s+)?(?:patients?|participants?|subjects?|those)?\s*(?:with\s+|who\s+(?:have|are)\s+)?(?:[\w-]+\s+){0,2}$/i;
const BOTH =
  /^\s*(?:or|and|and\/or|\/)\s+(?:either\s+)?(?:BRAF\s+)?(?:wild|wildtype|mutant|mutated|negative|positive|not\s+mutated)\b/i;
const BOTH_BEFORE = /\b(?:mutant|mutated|positive|negative|wild[\s-]?type)\s+(?:or|and|and\/or|\/)\s+$/i;

/**
 * Findings under one negation ("absence of EGFR mutations and absence of ALK rearrangements", "no
 * EGFR mutation, ALK fusion or ROS1 fusion") are merged into one list, which the assembler negates
 * whole: none of them may be present, whatever the connective between them.
 */
function mergeNegated(input: ExtractInput, out: Finding[]): void {
  const byScope = new Map<number, Finding[]>();
  for (const f of out) {
    if (f.polarityHandled) continue;
    const at = f.spans[0]![0];
    const idx = input.scopes.scopes.findIndex((sc) => sc.kind === 'negated' && at >= sc.start && at < sc.end);
    if (idx < 0) continue;
    if (!byScope.has(idx)) byScope.set(idx, []);
    byScope.get(idx)!.push(f);
  }
  for (const list of byScope.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    first.condition = { any: dedupe(list.flatMap((f) => ('any' in f.condition ? f.condition.any : [f.condition]))) };
    first.spans = list.flatMap((f) => f.spans);
    for (const f of list.slice(1)) out.splice(out.indexOf(f), 1);
  }
}

/** Pushes a finding, in its scoped form when it binds only a cohort or conditions something else. */
function emit(
  input: ExtractInput,
  out: Finding[],
  condition: Condition,
  start: number,
  end: number,
  definitions: Definition[],
  readStarts: number[] = [],
): void {
  const { text } = input;
  const negatedHere = input.scopes.in('negated', start);
  let scope = scopeOf(input, start, end, definitions);
  if (!scope && input.kind === 'exclusion') {
    // "Known MSI-H/dMMR tumors who have not previously received immune checkpoint inhibitors": the
    // exclusion needs the rest too; read alone the biomarker must not exclude on its own.
    const [, e] = sentenceAround(text, start, end);
    const rest = text.slice(end, e);
    const conjunct =
      /^[\s,)\]]*(?:(?:tumou?rs?|disease|cancers?|melanoma|NSCLC|CRC|carcinoma|patients?|participants?)\s+)?,?\s*(?:and\s+(?:are|is|have|has|had|were|was|who|not)|who|that|which|whose|with(?:out)?|but|known\s+to|received|receiving|treated|previously|progressed|having|has|have|had)\b/i.exec(
        rest,
      );
    // A conjunct that is itself a biomarker this extractor reads ("without HER2 protein expression") is joined by the assembler.
    const ownConjunct = conjunct && readStarts.some((st) => st > end && st <= end + conjunct[0].length + 40);
    if (conjunct && !ownConjunct) {
      scope = { role: 'antecedent', text: rest.replace(/^[\s,)\]]+|[\s.;]+$/g, '').slice(0, 200) };
    }
  }
  if (!scope) {
    const finding: Finding = { category: 'biomarker', condition, spans: [[start, end]] };
    if (negatedHere && (clauseBreak(text, input, start, end) || restatedExclusion(input, start)))
      finding.polarityHandled = true;
    out.push(finding);
    return;
  }
  // The scoped forms read their own polarity: only a negation written before the biomarker binds it,
  // and for a condition ("if …", "therapy for …") only one written right before it ("if not HER2+").
  const attached =
    scope.role !== 'antecedent' ||
    input.scopes.scopes.some((sc) => sc.kind === 'negated' && sc.trigger[1] <= start && start - sc.trigger[1] < 15);
  const stated = attached && negatedBefore(text, input, start, end) ? negate(condition) : condition;
  const u = unread(scope.text);
  const inclusion = input.kind === 'inclusion';
  let scoped: Condition;
  if (scope.role === 'antecedent') scoped = inclusion ? { any: [negate(stated), u] } : { all: [stated, u] };
  else if (scope.role === 'only') scoped = inclusion ? { any: [stated, u] } : { all: [negate(stated), u] };
  else scoped = inclusion ? { any: [stated, u] } : { all: [stated, u] };
  out.push({ category: 'biomarker', condition: scoped, spans: [[start, end]], polarityHandled: true });
}

interface Definition {
  from: number;
  to: number;
  text: string;
}

export const extractBiomarkers: Extractor = (input) => {
  const { text, lex } = input;
  const v = vocabulary(lex);
  // Real criteria name a few dozen markers at most; the caps keep the work bounded on any input.
  const items = findItems(input, v).slice(0, MAX_ITEMS);
  const out: Finding[] = [];
  const hla = GATE.test(text) ? hlaFindings(text) : [];
  const actionable = ACTIONABLE_GATE.test(text) ? actionableFindings(input, items) : [];
  if (!items.length && !hla.length && !actionable.length) return out;

  // Read each item, then group neighbours joined by list separators ("ER/PR", "EGFR, ALK or ROS1").
  const reads: Read[] = [];
  let floor = 0;
  for (const item of items) {
    if (item.ids.some((id) => id.startsWith('HLA-'))) continue;
    // In CML "MMR" is the major molecular response (BCR::ABL1 ≤ 0.1% IS), not mismatch repair.
    if (item.ids[0] === 'MMR' && /^MMR$/.test(item.mention) && /\b(?:BCR|CML|molecular\s+response|IS)\b/.test(text))
      continue;
    const suffix = readSuffix(text, item.end, item);
    const prefix = readPrefix(text, item, floor);
    const reading = mergeReadings(prefix.reading, suffix, text);
    reads.push({
      item,
      start: prefix.start,
      reading,
      own: says(suffix) || says({ ...emptyReading(0), ...prefix.reading }) || impliesStatus(item),
    });
    floor = Math.max(floor, reading.end);
  }
  const groups: Read[][] = [];
  for (const r of reads) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    // "mismatch repair deficient (dMMR)", "BRCA germline mutations (gBRCAm)": a restatement in
    // parentheses of a name the list already holds is part of that name, not another requirement.
    if (
      g &&
      prev &&
      /^\s*[([]\s*$/.test(text.slice(prev.reading.end, r.start)) &&
      g.some((x) => x.item.ids.join() === r.item.ids.join())
    ) {
      const same = g.find((x) => x.item.ids.join() === r.item.ids.join())!;
      if (
        !r.reading.polarity ||
        r.reading.polarity === (same.effective ?? same.reading).polarity ||
        impliesStatus(r.item)
      ) {
        const close = /^\s*[)\]]/.exec(text.slice(r.reading.end));
        prev.reading = { ...prev.reading, end: r.reading.end + (close ? close[0].length : 0) };
        continue;
      }
    }
    // A verb before the next item starts a new clause ("no EGFR aberrations and express PD-L1").
    const verb = /express|harbou?r|carr/i.test(text.slice(r.start, r.item.start));
    if (
      g &&
      prev &&
      !verb &&
      g.length < MAX_LIST &&
      r.start >= prev.reading.end &&
      LIST_GAP.test(text.slice(prev.reading.end, r.start))
    )
      g.push(r);
    else groups.push([r]);
  }

  // A sentence that defines a biomarker ("TNBC status is defined as ER-, PR- …") scopes what it says.
  const definitions: Definition[] = [];
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const [s, e] = sentenceAround(text, first.start, last.reading.end);
    if (
      /^[\s\W]*(?:the\s+|a\s+)?$/i.test(text.slice(s, first.start)) &&
      DEFINITION_AFTER.test(text.slice(last.reading.end, e))
    ) {
      definitions.push({ from: s, to: e, text: text.slice(first.start, last.reading.end) });
    }
  }

  for (const h of [...hla, ...actionable]) {
    emit(input, out, h.condition, h.start, h.end, definitions);
  }

  // "Astrocytoma IDH-mutant, Glioblastoma IDH-wildtype": one gene both present and absent in two
  // lists of one criterion names alternatives (subtypes), never two requirements.
  const polarityOf = (r: Read): boolean | null => {
    const pol = r.reading.polarity;
    if (pol === 'negative' || pol === 'wild') return false;
    if (
      pol === 'positive' ||
      pol === 'high' ||
      (!pol && r.item.kind === 'gene' && (r.reading.alteration || r.reading.variants.length))
    )
      return true;
    return null;
  };
  // Two lists of one sentence, not joined by "or", that state one gene present and absent.
  const conflicting = (group: Read[]): boolean =>
    groups.some((other) => {
      if (other === group) return false;
      const [a, b] = other[0]!.start < group[0]!.start ? [other, group] : [group, other];
      const between = text.slice(a[a.length - 1]!.reading.end, b[0]!.start);
      if (/\bor\b|[.;]\s|\n|\bnote\b/i.test(between)) return false;
      return group.some((r) =>
        other.some(
          (x) =>
            x.item.ids.join() === r.item.ids.join() &&
            polarityOf(x) !== null &&
            polarityOf(r) !== null &&
            polarityOf(x) !== polarityOf(r),
        ),
      );
    });

  const pending: Array<{ condition: Condition; start: number; end: number }> = [];
  // Where this extractor reads a biomarker (not a drug target), to tell its own conjuncts apart.
  const readStarts = groups.filter((g) => !g.some((r) => r.reading.drug)).map((g) => g[0]!.start);
  const lastGenomic: { value: { finding: Finding; end: number } | null } = { value: null };
  for (const group of groups) {
    if (hla.some((h) => group[0]!.start < h.end && h.start < group[group.length - 1]!.reading.end)) continue;
    const alternative = conflicting(group) && !input.scopes.in('negated', group[0]!.start);
    const first = group[0]!;
    const lastRead = group[group.length - 1]!;
    const start = first.start;
    let end = group.reduce((e, r) => Math.max(e, r.reading.end), 0);
    if (group.some((r) => r.reading.drug)) continue;
    if (DRUG_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (definitions.some((d) => d.from <= start && start < d.to && text.slice(start, end) === d.text)) continue;
    if (excepted(text, input, start)) continue;
    if (LOGISTICS.test(text.slice(Math.max(0, start - 80), start))) continue;
    if (REGARDLESS.test(text.slice(Math.max(0, start - 80), start)) || PERMISSION.test(text.slice(end))) continue;
    // "TMB ≥19 mut/Mb will be fast-tracked for an MTB recommendation": what happens to such patients, not a requirement.
    if (PROCESS_AFTER.test(text.slice(end, end + 80))) continue;
    {
      // "Patients harboring X who received Y … are eligible": a permission, not a requirement of X.
      const [s0, e0] = sentenceAround(text, start, end);
      if (
        (SUBJECT.test(text.slice(s0, start)) || ELIDED_SUBJECT_GROUP.test(text.slice(s0, start)) && /\b(?:who|that|whose)\b/i.test(text.slice(end, e0))) &&
        /\b(?:are|is|will\s+be|may\s+be|can\s+be)\s+(?:also\s+)?(?:eligible|allowed|permitted|included)\b(?!\s+(?:if|provided|only|when|as\s+long))/i.test(
          text.slice(end, e0),
        )
      )
        continue;
    }
    if (
      ANY_STATUS.test(text.slice(Math.max(0, start - 80), start)) &&
      group.some((r) => r.reading.status || r.reading.alteration === 'expression')
    )
      continue;
    if (
      /^\s*(?:[\w-]+\s+){0,2}(?:(?:should\s+be|is|are|will\s+be)\s+(?:defined|scored|determined|assessed)|scored)\s+(?:by|using|per|according)/i.test(
        text.slice(end, end + 60),
      )
    )
      continue;
    if (/\brelatives?\s+of\b[^.;]{0,60}$/i.test(text.slice(Math.max(0, start - 80), start))) continue;
    // "either mutant or wild-type", "Ph- or Ph+": any status will do.
    if (BOTH.test(text.slice(end, end + 40)) || BOTH_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    const statuses = new Map<string, Set<string>>();
    for (const r of group) {
      const key = r.item.ids.join();
      if (!statuses.has(key)) statuses.set(key, new Set());
      statuses
        .get(key)!
        .add(
          `${r.reading.polarity ?? (r.reading.values || r.reading.her2 || r.reading.status ? 'value' : '')}${r.reading.alteration ?? ''}`,
        );
    }
    const present = (x: string): boolean =>
      /^(?:positive)?(?:mutation|fusion|amplification|alteration|deletion|insertion)?$/.test(x);
    if (
      [...statuses.values()].some(
        (set) => set.size > 1 && [...set].some((x) => /negative|wild/.test(x)) && [...set].some(present),
      )
    )
      continue;

    // Items that say nothing share what the list says after them ("EGFR, ALK or ROS1 alterations"),
    // or, when the list opens with it, what it said before ("mutations in BRCA1, BRCA2 or PALB2").
    const head = first.reading;
    const tested = TESTED_FOR.test(text.slice(Math.max(0, start - 80), start));
    const [sent0, sent1] = sentenceAround(text, start, end);
    const expression = /\b(?:express\w*|IHC|immunohistochem\w*|staining|stained)\b/i.test(text.slice(sent0, sent1));
    const parts: Part[] = [];
    let unreadable = false;
    let knownUsed = false;
    group.forEach((r, i) => {
      let reading = r.reading;
      // Only qualifiers of its own ("germline BRCA1 or BRCA2 mutation", "KRAS non-G12C, HRAS …
      // mutations"): the item takes the list's alteration and keeps its qualifiers.
      const partial = r.own && !informative(r);
      if (!r.own || partial) {
        const next = group.slice(i + 1).find((x) => lends(x) && !x.reading.fromPrefix)?.reading;
        const prev = group.slice(0, i).reverse().find(lends)?.reading;
        const from = next ?? prev ?? head;
        // "BRAF V600E/K, c-KIT, NRAS", "MET (exon 14), ROS1, RET": a variant or exon named after one
        // gene is that gene's, not the next gene's; the item stays an unread alternative.
        if (from !== next && /\d/.test(`${from.alteration ?? ''} ${JSON.stringify(from.variants ?? '')}`)) {
          unreadable = true;
          return;
        }
        r.inheritedFromNext = from === next;
        reading = {
          ...reading,
          polarity: from.polarity,
          alteration: from.alteration,
          orAlteration: from.orAlteration,
          origin: reading.origin ?? from.origin ?? head.origin,
          qualifier: reading.qualifier ?? from.qualifier ?? head.qualifier,
          values: from.values,
          scale: from.scale,
          status: from.status,
          orUnknown: from.orUnknown,
          ...(from === next ? {} : { variants: from.variants }),
        };
        r.shared = true;
      } else if (
        reading.fromPrefix &&
        !reading.values &&
        !reading.alteration &&
        group[i + 1]?.reading.values &&
        /^\s*\/\s*$/.test(text.slice(r.reading.end, group[i + 1]!.start))
      ) {
        // "low ER/PR status (< 10%)": the level word before and the value after belong to both.
        const tail = group[i + 1]!.reading;
        reading = { ...reading, values: tail.values, scale: tail.scale };
        r.shared = true;
        r.inheritedFromNext = true;
      } else if (
        !reading.polarity &&
        reading.alteration &&
        !reading.values &&
        group[i + 1] &&
        !/\bor\b/i.test(text.slice(r.reading.end, group[i + 1]!.start)) &&
        !group[i + 1]!.reading.fromPrefix &&
        (group[i + 1]!.reading.polarity === 'negative' || group[i + 1]!.reading.polarity === 'wild')
      ) {
        // "EGFR mutation and ALK fusion negative": the negative closes both.
        reading = { ...reading, polarity: group[i + 1]!.reading.polarity };
      }
      if (expression) reading = { ...reading, expressionContext: true };
      r.effective = reading;
      let c: Condition | null;
      if (tested) {
        c = input.kind === 'inclusion' ? statusKnown(r.item, { ...reading, polarity: undefined }, v) : null;
        knownUsed = true;
      } else if (
        (reading.status || knownExpression(text, r, reading)) &&
        !reading.polarity &&
        !reading.values &&
        !reading.her2 &&
        !impliesStatus(r.item)
      ) {
        // A result that must exist is an inclusion requirement; in an exclusion it excludes nobody.
        c =
          // The list's own lead-in ("Known BRAF, KIT and NRAS status") asks it of every member.
          input.kind === 'inclusion' && knownContext(text, i > 0 ? start : r.start, lastRead.reading.end)
            ? statusKnown(r.item, reading, v)
            : null;
        knownUsed = true;
      } else c = itemCondition(r.item, reading, v);
      if (c) parts.push({ read: r, condition: c });
      else if (r.own && (reading.polarity === 'ultralow' || reading.polarity === 'unknown')) {
        unreadable = true;
        // "HR+/HER2-ultralow": the receptor slashed to the unreadable one is half of that one
        // alternative, not an alternative of its own.
        const prev = parts[parts.length - 1];
        if (prev && prev.read === group[i - 1] && /^\s*\/\s*$/.test(text.slice(prev.read.reading.end, r.start)))
          parts.pop();
      }
    });
    if (!parts.length) continue;
    if (knownUsed && !tested) end = Math.max(end, lastRead.reading.end + knownTail(text, lastRead.reading.end));
    // "No MET testing": a result that must not exist is no requirement the facts can state.
    if (knownUsed && input.scopes.in('negated', start) && !clauseBreak(text, input, start, end)) continue;
    const near = text.slice(Math.max(0, start - 90), start);
    const alternatives =
      (ANY_OF_CONTEXT.test(near) && !/[()[\]]/.test(near.slice(near.search(ANY_OF_CONTEXT)))) ||
      /\bor\s+$/i.test(text.slice(Math.max(0, start - 12), start));
    // "Known BRAF, KIT and NRAS status", "tested for EGFR, ALK and ROS1": every result must exist, so
    // the list is a conjunction unless "or" makes it alternatives.
    const everyKnown =
      knownUsed && parts.length > 1 && parts.length === group.length && !/\bor\b(?!\s*\/)/i.test(text.slice(start, lastRead.start));
    let condition = everyKnown
      ? allOf(parts.map((p) => p.condition))
      : joinGroup(text, parts, input.scopes.in('negated', start), alternatives, !!first.reading.examples);
    if (!condition) continue;
    // A status the fact vocabulary cannot state (HER2-ultralow) leaves an alternative unread.
    if (unreadable) condition = { any: [condition, unread(text.slice(start, end))] };
    const examples = first.reading.examples;
    if (examples) condition = { any: [condition, unread(`other ${examples}`)] };
    // "positive for NY-ESO-1 or MAGE-A3 expression": an alternative this lexicon does not know stays
    // an unread alternative, so the list cannot fail a patient who has only that one.
    const more = /^\s*,?\s*(?:or|and\/or)\s+((?:[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*)(?:\s+[a-z]+)?)/.exec(
      text.slice(end, end + 40),
    );
    const before = /((?:[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*))\s*,?\s*(?:or|and\/or)\s+$/.exec(
      text.slice(Math.max(0, start - 40), start),
    );
    const unknownTerm = (w: string | undefined): boolean =>
      !!w && /\d|^[A-Z]{2,}/.test(w) && !vocabulary(lex).index.scan(w).length && !lex.index.scan(w).length;
    if (unknownTerm(more?.[1]?.split(/\s/)[0]) || unknownTerm(before?.[1])) {
      condition = { any: [condition, unread((more?.[1] ?? before?.[1])!)] };
    }

    if (alternative) {
      pending.push({ condition, start, end });
      continue;
    }
    // "NRASG12/G13/Q61, KRASG12/G13, any amplifications of the NRAS, KRAS or HRAS genes": lists of
    // alterations one after another, joined by a comma, are one list of qualifying alterations.
    const genomic = parts.every(
      (p) => p.read.item.kind === 'gene' && !/negative|wild/.test(p.read.effective?.polarity ?? ''),
    );
    const last = lastGenomic.value;
    lastGenomic.value = null;
    if (
      genomic &&
      last &&
      !input.scopes.in('negated', start) &&
      /^\s*,\s*(?:or\s+)?(?:any\s+)?$/i.test(text.slice(last.end, start))
    ) {
      const f: Finding | undefined = out[out.indexOf(last.finding)];
      if (f && !f.polarityHandled) {
        f.condition = { any: dedupe([...('any' in f.condition ? f.condition.any : [f.condition]), condition]) };
        f.spans.push([start, end]);
        lastGenomic.value = { finding: f, end };
        continue;
      }
    }
    const count = out.length;
    emit(input, out, condition, start, end, definitions, readStarts);
    if (genomic && out.length > count) lastGenomic.value = { finding: out[out.length - 1]!, end };
    // "Negative for HER2 expression, defined as IHC 0", "negative for HER2 by IHC 0 or 1+ or ISH
    // negative": the results after it say what "negative" means, so the word is their polarity, not a
    // negation of them (negated, IHC 0 became "IHC not 0", the very patients the text wants kept out).
    if (parts.length === 1 && parts[0]!.read.effective?.her2 && negatedByPolarityWord(input, start))
      for (let k = count; k < out.length; k++) if (out[k]!.condition === condition) out[k]!.polarityHandled = true;
  }
  mergeNegated(input, out);
  if (pending.length > 1) {
    const start = pending.reduce((a, p) => Math.min(a, p.start), Infinity);
    const end = pending.reduce((a, p) => Math.max(a, p.end), 0);
    const finding = { any: dedupe(pending.map((p) => p.condition)) };
    emit(input, out, finding, start, end, definitions);
    out[out.length - 1]!.spans = pending.map((p) => [p.start, p.end]);
  }
  return out;
};

export const BIOMARKER_EXTRACTORS: Extractor[] = [extractBiomarkers];
