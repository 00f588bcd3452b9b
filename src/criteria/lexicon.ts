/**
 * The medical knowledge the parser and the patient normaliser share, loaded from rules/*.json and
 * validated with zod at load time, plus the phrase index that finds lexicon terms in text.
 *
 * Code here is mechanism only: which cancers, drugs, genes, labs and conditions exist, what they are
 * called and how they relate lives in rules/, each file naming its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, fromZodError } from '../errors';
import { rulesDir } from '../paths';

/** Re-exported for modules that locate rules files. */
export { rulesDir };
import { CATEGORIES, type Category } from './extract/extractor';
import { TREATMENT_KINDS } from './facts';
import { tokenNorm, tokenize, type Token } from './text';

const sourceNote = z.object({ name: z.string(), licence: z.string().optional(), url: z.string().optional(), note: z.string().optional() });
const sources = z.array(sourceNote).min(1);

const cancerTypesFile = z.object({
  sources,
  types: z.array(
    z.object({
      code: z.string().regex(/^[A-Z0-9_]+$/),
      name: z.string(),
      /** OncoTree parent, or a group such as SOLID / HEME for tissues. */
      parents: z.array(z.string()),
      tissue: z.string().nullable().optional(),
      ncit: z.string().nullable().optional(),
      umls: z.string().nullable().optional(),
      snomed: z.array(z.string()).optional(),
      icd10: z.array(z.string()).optional(),
      synonyms: z.array(z.string()),
      /** Abbreviations that collide with words or units (MM, UM, GB, ALL) match only as written. */
      caseSensitive: z.array(z.string()).optional(),
    }),
  ),
});

const drugsFile = z.object({
  sources,
  classes: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      synonyms: z.array(z.string()),
      parents: z.array(z.string()),
      kind: z.enum(TREATMENT_KINDS),
      source: z.string(),
      /** Phrase families written with {MACRO} references ("{STRONG} {CYP3A} {INH}"), expanded at load. */
      patterns: z.array(z.string()).optional(),
      /**
       * A medicine taken for another condition (drug interactions, anticoagulation, infection,
       * diabetes…), as opposed to oncology supportive care: a record's treatment list holds it only
       * while it is taken.
       */
      concomitant: z.boolean().optional(),
      /** HGNC symbols of the genes the class acts on; the build turns them into target phrases ("targeting BRAF"). */
      targets: z.array(z.string()).optional(),
    }),
  ),
  /** Alternatives each {MACRO} of a class pattern stands for. */
  macros: z.record(z.string(), z.array(z.string())).optional(),
  drugs: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      synonyms: z.array(z.string()),
      rxnorm: z.array(z.string()).optional(),
      classes: z.array(z.string()),
    }),
  ),
  /**
   * Generic treatment words: "chemotherapy", "radiotherapy", "systemic therapy"… `caseSensitive`
   * lists abbreviations matched only as written ("sCRT", sequential chemoradiotherapy, is not "SCRT").
   */
  kinds: z.array(
    z.object({
      kind: z.enum(TREATMENT_KINDS),
      synonyms: z.array(z.string()),
      caseSensitive: z.array(z.string()).optional(),
      source: z.string().optional(),
    }),
  ),
  /** Regimen acronyms (FOLFOX → drugs). */
  regimens: z.array(z.object({ id: z.string(), synonyms: z.array(z.string()), drugs: z.array(z.string()) })).optional(),
});

const genesFile = z.object({
  sources,
  genes: z.array(
    z.object({
      symbol: z.string(),
      name: z.string().optional(),
      aliases: z.array(z.string()),
      /** Aliases that are also English words or common abbreviations match only as written (MET, RET, ATM). */
      caseSensitive: z.array(z.string()).optional(),
    }),
  ),
  /** Markers that are not single genes, or go by a protein name: ER, PR, HR, HER2, PD-L1, MSI, TMB, HLA… */
  markers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      synonyms: z.array(z.string()),
      gene: z.string().optional(),
      caseSensitive: z.array(z.string()).optional(),
    }),
  ),
});

/** Per gene, alterations with strong evidence of therapy sensitivity (CIViC; see the file's sources). */
const actionableFile = z.object({
  sources,
  genes: z.record(z.string(), z.array(z.string())),
});
export type ActionableFile = z.infer<typeof actionableFile>;

const labsFile = z.object({
  sources,
  labs: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      synonyms: z.array(z.string()),
      loinc: z.array(z.string()),
      /** The unit rules are written in. */
      unit: z.string(),
      /** value_in_rule_unit = value × factor. */
      conversions: z.array(z.object({ unit: z.string(), factor: z.number().positive() })),
      caseSensitive: z.array(z.string()).optional(),
      /** Which side of the reference range criteria limit: "within normal limits" means ≤ ULN for 'upper'. */
      normal: z.enum(['upper', 'lower', 'both']).optional(),
      /** Limits a criterion can state in the rule unit; one outside is a unit slip of the text, left unread. */
      plausible: z.object({ min: z.number().nonnegative(), max: z.number().positive() }).optional(),
    }),
  ),
  /** A unit written by mistake and the unit meant ("Hgb >= 10 mg/dL"): tried only when the written one gives no plausible limit. */
  unitSlips: z.array(z.object({ written: z.string(), meant: z.string() })).default([]),
});

const conditionsFile = z.object({
  sources,
  conditions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/),
      name: z.string(),
      group: z.string(),
      synonyms: z.array(z.string()),
      parents: z.array(z.string()).optional(),
      snomed: z.array(z.string()).optional(),
      icd10: z.array(z.string()).optional(),
      caseSensitive: z.array(z.string()).optional(),
    }),
  ),
});

const attestationsFile = z.object({
  sources,
  topics: z.array(
    z.object({ id: z.string().regex(/^[a-z0-9_]+$/), question: z.string(), synonyms: z.array(z.string()) }),
  ),
});

const performanceFile = z.object({
  sources,
  /** ECOG grade ↔ Karnofsky range, for rules written in one scale and records in the other. */
  ecogKarnofsky: z.array(z.object({ ecog: z.number().int(), karnofskyMin: z.number(), karnofskyMax: z.number() })),
});

const negationFile = z.object({
  sources,
  /** ConText triggers, matched as whole tokens. */
  preNegation: z.array(z.string()),
  postNegation: z.array(z.string()),
  pseudoNegation: z.array(z.string()),
  exception: z.array(z.string()),
  /** Exceptions named after what they except: "Diabetes and hypothyroidism are excepted." */
  postException: z.array(z.string()),
  termination: z.array(z.string()),
  history: z.array(z.string()),
});

/** rules/topics/*.json: category → regular expressions (case-insensitive) that say a criterion is about it. */
const topicsFile = z.object({
  sources,
  categories: z.partialRecord(z.enum(CATEGORIES), z.array(z.string())),
  /** Filler words particular to these topics (joined with rules/filler.json). */
  filler: z.array(z.string()).optional(),
});

/**
 * Lab-panel headings ("Hematology", "Renal:") that registrants put above lab-value lines, and the
 * openings of a test result that is not a lab value ("Seronegative for HIV antibody").
 */
const labPanelsFile = z.object({
  sources,
  headings: z.array(z.string().min(1)),
  resultOpenings: z.array(z.string().min(1)),
});

/**
 * Titles protocol templates give parts of a criteria list ("Medical Conditions", "Prior/Concomitant
 * Therapy"): a line that is only one heads the criteria under it.
 */
const sectionTitlesFile = z.object({ sources, titles: z.array(z.string().min(1)) });

/** Words that carry no requirement of their own ("patients", "must", "documented"). */
const fillerFile = z.object({ sources, filler: z.array(z.string()) });

export type CancerTypesFile = z.infer<typeof cancerTypesFile>;
export type DrugsFile = z.infer<typeof drugsFile>;
export type GenesFile = z.infer<typeof genesFile>;
export type LabsFile = z.infer<typeof labsFile>;
export type LabPanelsFile = z.infer<typeof labPanelsFile>;
export type ConditionsFile = z.infer<typeof conditionsFile>;
export type AttestationsFile = z.infer<typeof attestationsFile>;
export type PerformanceFile = z.infer<typeof performanceFile>;
export type NegationFile = z.infer<typeof negationFile>;
export type FillerFile = z.infer<typeof fillerFile>;

export type MentionType =
  | 'cancer'
  | 'drug'
  | 'drugClass'
  | 'therapyKind'
  | 'regimen'
  | 'gene'
  | 'marker'
  | 'lab'
  | 'condition'
  | 'attestation';

export interface Mention {
  type: MentionType;
  id: string;
  /** Offsets in the text that was scanned. */
  start: number;
  end: number;
  text: string;
}

interface Entry {
  tokens: string[];
  type: MentionType;
  id: string;
  /** When set, the phrase must appear exactly as written (case included). */
  exact?: string;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: Entry[];
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** Folded words, shared by every index: expanded class patterns repeat a few hundred words tens of thousands of times. */
const foldedWords = new Map<string, string>();

/** The folded tokens of a lexicon phrase, as phraseKey() gives them. */
function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(WORD_RE)) {
    const w = m[0];
    let f = foldedWords.get(w);
    if (f === undefined) {
      f = tokenNorm(w);
      if (foldedWords.size < 200_000) foldedWords.set(w, f);
    }
    out.push(f);
  }
  return out;
}

/**
 * Finds lexicon phrases in text by token, longest match first, left to right. A token trie keeps a
 * lookup proportional to the phrase length, whatever the size of the lexicons.
 */
export class PhraseIndex {
  private readonly root: TrieNode = {};

  add(phrase: string, type: MentionType, id: string, caseSensitive = false): void {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) {
        child = {};
        node.next.set(t, child);
      }
      node = child;
    }
    const entry: Entry = { tokens, type, id, ...(caseSensitive ? { exact: phrase } : {}) };
    node.entries ??= [];
    if (node.entries.some((e) => e.type === type && e.id === id && e.exact === entry.exact)) return;
    node.entries.push(entry);
  }

  /** All non-overlapping mentions; where one phrase maps to several entries, all are returned. */
  scan(text: string, tokens: Token[] = tokenize(text)): Mention[] {
    const out: Mention[] = [];
    const ends: Array<{ length: number; entries: Entry[] }> = [];
    for (let i = 0; i < tokens.length; ) {
      ends.length = 0;
      let node: TrieNode | undefined = this.root;
      for (let k = i; k < tokens.length; k++) {
        node = node.next?.get(tokens[k]!.norm);
        if (!node) break;
        if (node.entries) ends.push({ length: k - i + 1, entries: node.entries });
      }
      let matchedLength = 0;
      for (let j = ends.length - 1; j >= 0 && !matchedLength; j--) {
        const { length, entries } = ends[j]!;
        const start = tokens[i]!.start;
        const end = tokens[i + length - 1]!.end;
        const first = out.length;
        for (const e of entries) {
          if (e.exact !== undefined && !sameAsWritten(text.slice(start, end), e.exact)) continue;
          matchedLength = length;
          // Spellings that fold to the same words ("AC-T", "AC/T") are one mention of their entry.
          if (out.length > first && out.slice(first).some((m) => m.type === e.type && m.id === e.id)) continue;
          out.push({ type: e.type, id: e.id, start, end, text: text.slice(start, end) });
        }
      }
      i += matchedLength || 1;
    }
    return out;
  }
}

/**
 * "adenocarcinoma of the prostate cancer", "melanoma cancer": a bare generic noun right after a named
 * cancer repeats the phrase's head. Left a mention of its own, the disease reader took it for the
 * cancer asked for, and any cancer met a criterion written for prostate adenocarcinoma. It joins the
 * named cancer's mention instead. Only the singular noun: "non-melanoma malignancies", "other
 * non-melanoma cancers" name the other malignancies a criterion is about. Applied to a criterion's
 * own mentions, not inside scan(): readers probe phrases they build ("<site> cancer") with scan() and
 * rely on a generic noun there staying a mention of its own.
 */
const GENERIC_CANCER_ID = 'ANY_CANCER';
const GENERIC_HEAD_RE = /^(?:cancer|carcinoma)$/i;
export function foldGenericHeads(text: string, mentions: Mention[]): Mention[] {
  for (let k = mentions.length - 1; k > 0; k--) {
    const head = mentions[k]!;
    if (head.type !== 'cancer' || head.id !== GENERIC_CANCER_ID || !GENERIC_HEAD_RE.test(head.text)) continue;
    const named = mentions
      .slice(0, k)
      .filter((m) => m.type === 'cancer' && m.id !== GENERIC_CANCER_ID && m.end <= head.start && /^[ \t]+$/.test(text.slice(m.end, head.start)));
    if (!named.length) continue;
    // The last member of a list may share the head with members that have none of their own
    // ("breast, gastrointestinal (GI), and melanoma cancer"): there the noun is every member's.
    const start = Math.min(...named.map((m) => m.start));
    const listed = /(?:,|\band\b|\bor\b|&|\/)\s*$/i.test(text.slice(Math.max(0, start - 12), start));
    const memberHasHead = mentions.some((m) => m.type === 'cancer' && m.end <= start && /^\s*,?\s*(?:and\/or|and|or|&|\/)?\s*$/i.test(text.slice(m.end, start)) && m.end < start);
    if (listed && !memberHasHead) continue;
    for (const m of named) {
      m.end = head.end;
      m.text = text.slice(m.start, m.end);
    }
    mentions.splice(k, 1);
  }
  return mentions;
}

function sameAsWritten(found: string, phrase: string): boolean {
  const squash = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return squash(found) === squash(phrase);
}

export interface Lexicons {
  cancerTypes: CancerTypesFile;
  drugs: DrugsFile;
  genes: GenesFile;
  /** Gene symbol → folded alterations that count as actionable / driver / sensitizing. */
  actionable: Map<string, Set<string>>;
  labs: LabsFile;
  /** Lab-panel headings (folded to lower case) and the test-result openings, for the segmenter. */
  labPanels: { headings: Set<string>; resultOpenings: string[] };
  /** Section titles of criteria lists (folded to lower case), for the segmenter. */
  sectionTitles: Set<string>;
  conditions: ConditionsFile;
  attestations: AttestationsFile;
  performance: PerformanceFile;
  negation: NegationFile;
  filler: FillerFile;
  /** Every lexicon phrase in one index. */
  index: PhraseIndex;
  /** Cancer code → its ancestors (parents, grandparents … groups), itself included. */
  cancerAncestors: Map<string, Set<string>>;
  /** Drug class id → its ancestor classes, itself included. */
  classAncestors: Map<string, Set<string>>;
  /** Condition id → its ancestor conditions (rules/conditions.json parents), itself included. */
  conditionAncestors: Map<string, Set<string>>;
  drugById: Map<string, DrugsFile['drugs'][number]>;
  classById: Map<string, DrugsFile['classes'][number]>;
  labById: Map<string, LabsFile['labs'][number]>;
  cancerByCode: Map<string, CancerTypesFile['types'][number]>;
  conditionById: Map<string, ConditionsFile['conditions'][number]>;
  categoryPatterns: Array<{ category: Category; patterns: RegExp[] }>;
}

function readRules<S extends z.ZodType>(dir: string, file: string, schema: S): z.infer<S> {
  const full = path.join(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (e) {
    throw new AppError('invalid_rules', `Cannot read rules file ${file}: ${(e as Error).message}`, { path: `/${file}` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, 'invalid_rules', `Rules file ${file} is invalid.`, { prefix: `/${file}`, status: 500 });
  return parsed.data;
}

function closure(parentsOf: Map<string, string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (id: string, seen: Set<string>): Set<string> => {
    const done = out.get(id);
    if (done) return done;
    const acc = new Set<string>([id]);
    if (seen.has(id)) return acc; // a cycle in the data; validation below reports it
    seen.add(id);
    for (const p of parentsOf.get(id) ?? []) for (const a of visit(p, seen)) acc.add(a);
    out.set(id, acc);
    return acc;
  };
  for (const id of parentsOf.keys()) visit(id, new Set());
  return out;
}

const MACRO_RE = /\{([A-Za-z0-9_]+)\}/g;

/**
 * The phrases a class pattern stands for: every combination of the alternatives of its {MACRO}
 * references. Interaction classes need this ("strong or moderate CYP3A4 inhibitors or inducers" in
 * hundreds of spellings); writing them out would bury the file. Throws on an unknown macro.
 */
export function expandPattern(pattern: string, macros: Record<string, string[]>): string[] {
  let out = [''];
  let last = 0;
  for (const m of pattern.matchAll(MACRO_RE)) {
    const alternatives = macros[m[1]!];
    if (!alternatives) throw new AppError('invalid_rules', `drugs.json: pattern "${pattern}" names unknown macro ${m[1]}.`, { path: '/drugs.json/classes', status: 500 });
    const literal = pattern.slice(last, m.index);
    out = out.flatMap((prefix) => alternatives.map((a) => prefix + literal + a));
    last = m.index! + m[0].length;
  }
  const tail = pattern.slice(last);
  return out.map((s) => (s + tail).replace(/\s+/g, ' ').trim());
}

/** A class's phrases: its name, synonyms and expanded patterns. */
export function classPhrases(c: DrugsFile['classes'][number], macros: Record<string, string[]> = {}): string[] {
  return [c.name, ...c.synonyms, ...(c.patterns ?? []).flatMap((p) => expandPattern(p, macros))];
}

/** Whether a drug is only a concomitant medicine: every class it has is marked concomitant (warfarin, not imatinib). */
export function concomitantOnly(lex: Lexicons, drugId: string): boolean {
  const classes = lex.drugById.get(drugId)?.classes ?? [];
  return classes.length > 0 && classes.every((c) => lex.classById.get(c)?.concomitant === true);
}

/** Whether a drug (id in rules/drugs.json) belongs to a class: "dexamethasone" is a corticosteroid. */
export function drugInClass(lex: Lexicons, drugId: string, classId: string): boolean {
  return lex.drugById.get(drugId)?.classes.includes(classId) ?? false;
}

export function loadLexicons(dir = rulesDir()): Lexicons {
  const cancerTypes = readRules(dir, 'cancer-types.json', cancerTypesFile);
  const drugs = readRules(dir, 'drugs.json', drugsFile);
  const genes = readRules(dir, 'genes.json', genesFile);
  const actionable = readRules(dir, 'actionable-alterations.json', actionableFile);
  const labs = readRules(dir, 'labs.json', labsFile);
  const labPanels = readRules(dir, 'lab-panels.json', labPanelsFile);
  const sectionTitles = readRules(dir, 'section-titles.json', sectionTitlesFile);
  const conditions = readRules(dir, 'conditions.json', conditionsFile);
  const attestations = readRules(dir, 'attestations.json', attestationsFile);
  const performance = readRules(dir, 'performance-status.json', performanceFile);
  const negation = readRules(dir, 'negation.json', negationFile);
  // Loaded lazily by its readers, but validated here so a broken file fails at start-up with the rest.
  metastaticSiteLexicon(dir);
  const filler = readRules(dir, 'filler.json', fillerFile);
  const topicFiles = fs
    .readdirSync(path.join(dir, 'topics'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readRules(dir, path.join('topics', f), topicsFile));

  const cancerByCode = new Map(cancerTypes.types.map((t) => [t.code, t]));
  for (const t of cancerTypes.types) {
    for (const p of t.parents) {
      if (!cancerByCode.has(p)) {
        throw new AppError('invalid_rules', `cancer-types.json: ${t.code} names unknown parent ${p}.`, {
          path: '/cancer-types.json/types',
          status: 500,
        });
      }
    }
  }
  const classById = new Map(drugs.classes.map((c) => [c.id, c]));
  const drugById = new Map(drugs.drugs.map((d) => [d.id, d]));
  for (const d of drugs.drugs) {
    for (const c of d.classes) {
      if (!classById.has(c)) {
        throw new AppError('invalid_rules', `drugs.json: drug ${d.id} names unknown class ${c}.`, {
          path: '/drugs.json/drugs',
          status: 500,
        });
      }
    }
  }

  const index = new PhraseIndex();
  for (const t of cancerTypes.types) {
    const cs = new Set(t.caseSensitive ?? []);
    for (const s of [t.name, ...t.synonyms, ...cs]) index.add(s, 'cancer', t.code, cs.has(s));
  }
  for (const c of drugs.classes) for (const s of classPhrases(c, drugs.macros)) index.add(s, 'drugClass', c.id);
  for (const d of drugs.drugs) for (const s of [d.name, ...d.synonyms]) index.add(s, 'drug', d.id);
  for (const k of drugs.kinds) {
    const cs = new Set(k.caseSensitive ?? []);
    for (const s of [...k.synonyms, ...cs]) index.add(s, 'therapyKind', k.kind, cs.has(s));
  }
  for (const r of drugs.regimens ?? []) for (const s of r.synonyms) index.add(s, 'regimen', r.id, true);
  for (const g of genes.genes) {
    const cs = new Set(g.caseSensitive ?? []);
    for (const s of [g.symbol, ...g.aliases]) index.add(s, 'gene', g.symbol, cs.has(s));
  }
  for (const m of genes.markers) {
    const cs = new Set(m.caseSensitive ?? []);
    for (const s of [m.name, ...m.synonyms]) index.add(s, 'marker', m.id, cs.has(s));
  }
  for (const l of labs.labs) {
    const cs = new Set(l.caseSensitive ?? []);
    for (const s of [l.name, ...l.synonyms]) index.add(s, 'lab', l.id, cs.has(s));
  }
  for (const c of conditions.conditions) {
    const cs = new Set(c.caseSensitive ?? []);
    for (const s of [c.name, ...c.synonyms]) index.add(s, 'condition', c.id, cs.has(s));
  }
  for (const a of attestations.topics) for (const s of a.synonyms) index.add(s, 'attestation', a.id);

  const categoryPatterns = topicFiles.flatMap((t) =>
    Object.entries(t.categories).map(([category, patterns]) => ({
      category: category as Category,
      patterns: patterns.map((p) => new RegExp(p, 'i')),
    })),
  );

  return {
    cancerTypes,
    drugs,
    genes,
    actionable: new Map(Object.entries(actionable.genes).map(([gene, list]) => [gene, new Set(list)])),
    labs,
    labPanels: {
      headings: new Set(labPanels.headings.map((h) => h.toLowerCase())),
      resultOpenings: labPanels.resultOpenings.map((r) => r.toLowerCase()),
    },
    sectionTitles: new Set(sectionTitles.titles.map((t) => t.toLowerCase())),
    conditions,
    attestations,
    performance,
    negation,
    filler: { sources: filler.sources, filler: [...filler.filler, ...topicFiles.flatMap((t) => t.filler ?? [])] },
    index,
    cancerAncestors: closure(new Map(cancerTypes.types.map((t) => [t.code, t.parents]))),
    classAncestors: closure(new Map(drugs.classes.map((c) => [c.id, c.parents]))),
    conditionAncestors: closure(new Map(conditions.conditions.map((c) => [c.id, c.parents ?? []]))),
    drugById,
    classById,
    labById: new Map(labs.labs.map((l) => [l.id, l])),
    cancerByCode,
    conditionById: new Map(conditions.conditions.map((c) => [c.id, c])),
    categoryPatterns,
  };
}

let cached: Lexicons | undefined;

/** The lexicons, loaded and indexed once per process. */
export function lexicons(): Lexicons {
  cached ??= loadLexicons();
  return cached;
}

// ---------------------------------------------------------------------------------------------
// Metastatic sites (rules/metastatic-sites.json): read by the disease extractor in criteria and
// matched against a record's metastaticSites by the evaluator.

const siteId = z.string().regex(/^[a-z0-9_]+$/);
const metastaticSitesFile = z.object({
  sources,
  sites: z.array(
    z.object({
      id: siteId,
      name: z.string(),
      ncit: z.string().regex(/^C\d+$/),
      icd10: z.array(z.string()).optional(),
      snomed: z.array(z.string()).optional(),
      /** Words naming the site before "metastases" in criteria ("hepatic metastases"). */
      synonyms: z.array(z.string()).min(1),
      /** Words that identify the site in a record's site text ("liver and intrahepatic bile duct"). */
      recordTerms: z.array(z.string()).min(1),
    }),
  ),
  groups: z.array(
    z.object({
      id: siteId,
      name: z.string(),
      synonyms: z.array(z.string()).min(1),
      members: z.array(siteId).min(1),
      /** Record words for organs in the group that have no site of their own here. */
      otherMembers: z.array(z.string()).optional(),
    }),
  ),
});
export type MetastaticSitesFile = z.infer<typeof metastaticSitesFile>;

const sitesCache = new Map<string, MetastaticSitesFile>();

/** The metastatic-site lexicon, validated (groups must name known sites) and cached per rules folder. */
export function metastaticSiteLexicon(dir = rulesDir()): MetastaticSitesFile {
  let file = sitesCache.get(dir);
  if (!file) {
    file = readRules(dir, 'metastatic-sites.json', metastaticSitesFile);
    const ids = new Set(file.sites.map((s) => s.id));
    for (const g of file.groups) {
      if (ids.has(g.id))
        throw new AppError('invalid_rules', `metastatic-sites.json: group ${g.id} repeats a site id.`, {
          path: '/metastatic-sites.json/groups',
          status: 500,
        });
      for (const m of g.members)
        if (!ids.has(m))
          throw new AppError('invalid_rules', `metastatic-sites.json: group ${g.id} names unknown site ${m}.`, {
            path: '/metastatic-sites.json/groups',
            status: 500,
          });
    }
    sitesCache.set(dir, file);
  }
  return file;
}
