/**
 * Builds rules/drugs.json: the antineoplastic and supportive-oncology drugs the criteria parser and
 * the patient normaliser recognise (generic id, name, brand / code / INN-variant synonyms, RxNorm
 * codes, classes), the drug classes with their hierarchy and treatment kind, the generic treatment
 * words ("chemotherapy", "radiotherapy", "systemic therapy") and regimen acronyms (FOLFOX, AC-T).
 *
 * Inputs (read-only; see /work/shared/data/PROVENANCE.md §6 and §8):
 *   drugs/genie-bpc/drug_names_by_cohort.tsv          cancer drugs with NCI-style synonym lists (MIT)
 *   drugs/genie-bpc/regimen_abbreviations.csv          regimen acronyms → drugs (MIT)
 *   drugs/mcode-ctm-app_rxnorm_cancer_medications.tsv  RxNorm codes of cancer medications (Apache-2.0)
 *   codes/mcode-ctms-trialjectory/profile-system-codes.json  drug names → RxNorm codes (Apache-2.0)
 *   drugs/pharmoncox/custom_drug_target_regex_nci.tsv  drug names → target genes (MIT)
 *   drugs/drugbank/drugbank_vocabulary.csv             synonyms, only for drugs already in the set (CC0)
 *   scripts/lexicons/curated/drugs-classes.json        classes, WHO INN stem rules, target rules
 *   scripts/lexicons/curated/drugs-supplement.json     recent drugs, abbreviations, aliases, kinds, regimens
 *   scripts/lexicons/curated/drugs-medications.json    concomitant and supportive medication classes (FDA
 *                                                      interaction table, WHO ATC, CredibleMeds) and their drugs
 *   rules/genes.json                                   gene symbols, aliases and marker names, for target phrases
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/lexicons/build-drugs.js [--vocab DIR]
 *
 * The oncology set is the union of the GENIE, ctm-app, trialjectory and curated names, plus the
 * pharmOncoX drugs whose target puts them in one of our classes. DrugBank never adds a drug, only
 * synonyms for drugs in the set. Class membership comes from WHO INN stems and pharmOncoX targets
 * (rules in drugs-classes.json) and from curated entries citing their label. A synonym that two
 * drugs share, or that is also a class or treatment-kind phrase, is dropped from the drugs; the
 * build prints every drop and every drug left without a treatment kind, for review.
 *
 * Target phrases: a class that names its target genes ("targets": ["BRAF"]) is also called by every
 * phrase form of its mode of action ("targeting BRAF", "BRAF-directed", "anti-BRAF", "BRAF inhibition")
 * filled with every name the gene lexicon gives the gene. The names become a macro and the forms
 * patterns, expanded when the lexicons load. A generated phrase that another class already uses, or
 * that two classes would share, stops the build: one phrase must never stand for two classes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TREATMENT_KINDS } from '../../src/criteria/facts';
import { classPhrases, expandPattern } from '../../src/criteria/lexicon';
import { phraseKey } from '../../src/criteria/text';

// Run from source (tsx) or compiled to dist-scripts/scripts/lexicons: the root is whichever holds rules/.
const REPO = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'rules')))!;
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const VOCAB = vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');
const CURATED = path.join(REPO, 'scripts', 'lexicons', 'curated');
const OUT = path.join(REPO, 'rules', 'drugs.json');
const verbose = args.includes('--verbose');

type Kind = (typeof TREATMENT_KINDS)[number];

interface ClassDef {
  id: string;
  name: string;
  synonyms: string[];
  parents: string[];
  kind: Kind;
  source: string;
  patterns?: string[];
  concomitant?: boolean;
  /** HGNC symbols of the genes the class acts on: their names fill the target phrase forms. */
  targets?: string[];
  /** Which target phrase forms apply (keys of targetForms); "inhibitor" when absent. */
  targetForms?: string[];
  /** Names of the target that the gene lexicon lacks (a family name such as "LILRB"). */
  targetNames?: string[];
}
interface StemRule {
  pattern: string;
  classes: string[];
  source: string;
  /**
   * Skip drugs whose every other class is supportive care: the -mab stem names any monoclonal
   * antibody, but denosumab or infliximab is no anticancer antibody.
   */
  unlessSupportive?: boolean;
}
interface TargetRule {
  targets: string[];
  allTargets?: boolean;
  namePattern?: string;
  classes: string[];
  source: string;
}
interface CuratedClasses {
  classes: ClassDef[];
  /** Phrase forms naming a treatment by its target ("targeting {T}", "{T}-directed"), by mode of action. */
  targetForms: Record<string, string[]>;
  /** Gene names that are also English words: never a target name ("MET", "KIT"). */
  targetNameStoplist: string[];
  stemRules: StemRule[];
  targetRules: TargetRule[];
}
interface CuratedDrug {
  name: string;
  synonyms?: string[];
  classes?: string[];
  /** false: the name's INN stem does not say its class (JAK inhibitors used as immunosuppressants). */
  stems?: boolean;
  /** RxNorm ingredient codes, from the source the entry cites. */
  rxnorm?: string[];
  source: string;
}
interface Medications {
  macros: Record<string, string[]>;
  classes: ClassDef[];
  drugs: CuratedDrug[];
}
interface Supplement {
  aliases: Record<string, string>;
  exclude: Array<{ name: string; reason: string }>;
  blockedSynonyms: Array<{ synonym: string; reason: string }>;
  blockedRegimenSynonyms?: Array<{ synonym: string; reason: string }>;
  drugs: CuratedDrug[];
  /** caseSensitive: abbreviations matched only as written ("sCRT"), which other spellings would misread. */
  kinds: Array<{ kind: Kind; synonyms: string[]; caseSensitive?: string[]; source?: string }>;
  regimens: Array<{ id: string; synonyms: string[]; drugs: string[]; source: string }>;
}

interface Drug {
  id: string;
  name: string;
  synonyms: Set<string>;
  /** Synonyms from curated entries: never blocked, never dropped as a source synonym. */
  curated: Set<string>;
  rxnorm: Set<string>;
  classes: Set<string>;
  targets: Set<string>;
  origins: Set<string>;
  noStems?: boolean;
}

const log = (msg: string): void => {
  if (verbose) console.log(msg);
};

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readTsv(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\r$/, '').split('\t'));
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SALT =
  /\s+(?:hydrochloride|hcl|dihydrochloride|mesylate|mesilate|dimesylate|bismesylate|dimaleate|maleate|ditosylate|tosylate|s-?malate|smalate|malate|acetate|citrate|tartrate|ditartrate|bitartrate|sulfate|sulphate|disodium|sodium|potassium|calcium|phosphate|besylate|succinate|fumarate|camsylate|monohydrate|anhydrous|dihydrate)\b.*$/i;

/** A source name as one generic name: salt and biosimilar suffix removed, spaces normalised. */
function cleanName(raw: string): string {
  let n = raw.replace(/\s+/g, ' ').trim();
  n = n.replace(/-(?:[a-z]{4})$/i, (m) => (/^-(?:hziy|nxki|dlnk|tebn|rmbw|vmjw|awwb|bvzr|pkrb|dkst|zzxf|oysk|fihj|irfc|gxly|rwlc|tpzi|jsgr|dlle|cqyv|bcmm|tgvs|gxbm|bysp|axgb|ejfv|tftv|gynx|piiq|lpyl|blmf|hrii|actl|abbs)$/i.test(m) ? '' : m));
  n = n.replace(SALT, '');
  return n.trim();
}

const key = (s: string): string => phraseKey(s);
const idOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

interface GenesJson {
  genes: Array<{ symbol: string; aliases: string[]; caseSensitive?: string[] }>;
  markers: Array<{ id: string; name: string; gene?: string; synonyms: string[]; caseSensitive?: string[] }>;
}

/**
 * Names of each target gene usable in a treatment phrase: the symbol, its marker names (HER2 for
 * ERBB2) and its aliases, except aliases several genes share (unless every one of them is a target
 * of the same class), word-like spellings the gene lexicon marks case-sensitive ("Egfr",
 * "Philadelphia") and English words. The phrase index ignores case, so such a name would match prose.
 */
function targetNames(c: ClassDef, genes: GenesJson, stop: Set<string>): string[] {
  const bySymbol = new Map(genes.genes.map((g) => [g.symbol, g]));
  const aliasOwners = new Map<string, Set<string>>();
  for (const g of genes.genes) {
    for (const a of g.aliases) {
      const k = key(a);
      const o = aliasOwners.get(k) ?? new Set<string>();
      o.add(g.symbol);
      aliasOwners.set(k, o);
    }
  }
  const targets = new Set(c.targets ?? []);
  const out = new Map<string, string>();
  const add = (name: string, caseSensitive: Set<string>): void => {
    const n = name.replace(/\s+/g, ' ').trim();
    const k = key(n);
    if (!k || n.length < 2 || k.split(' ').length > 4) return;
    if (stop.has(n.toLowerCase())) return;
    if (caseSensitive.has(n) && !/^(?:[a-z]-?)?[A-Z0-9][A-Z0-9/.-]*$/.test(n)) return;
    if (!out.has(k)) out.set(k, n);
    // "LAG3" is also written "LAG-3" or "LAG 3": two tokens to the phrase index.
    const split = /^([A-Za-z]{2,})(\d{1,3})$/.exec(n);
    if (split) add(`${split[1]}-${split[2]}`, caseSensitive);
  };
  for (const t of targets) {
    const g = bySymbol.get(t);
    const markers = genes.markers.filter((m) => m.gene === t || m.id === t);
    if (!g && !markers.length) throw new Error(`class ${c.id}: target ${t} is not in rules/genes.json`);
    const cs = new Set([...(g?.caseSensitive ?? []), ...markers.flatMap((m) => m.caseSensitive ?? [])]);
    if (g) add(g.symbol, cs);
    for (const m of markers) for (const s of [m.name, ...m.synonyms]) add(s, cs);
    for (const a of g?.aliases ?? []) {
      const owners = aliasOwners.get(key(a)) ?? new Set<string>();
      if ([...owners].every((o) => targets.has(o))) add(a, cs);
    }
  }
  for (const n of c.targetNames ?? []) add(n, new Set());
  return [...out.values()].sort((a, b) => a.localeCompare(b));
}

/** Target phrase forms of each class with targets, as a macro of names and one pattern per form. */
function addTargetPhrases(file: CuratedClasses, macros: Record<string, string[]>): void {
  const genes = readJson<GenesJson>(path.join(REPO, 'rules', 'genes.json'));
  const stop = new Set(file.targetNameStoplist.map((s) => s.toLowerCase()));
  const curatedOwner = new Map<string, string>();
  for (const c of file.classes) for (const s of classPhrases(c, macros)) curatedOwner.set(key(s), c.id);
  const generatedOwner = new Map<string, string>();
  for (const c of file.classes) {
    if (!c.targets?.length && !c.targetNames?.length) continue;
    const names = targetNames(c, genes, stop);
    const macro = `TARGET_${c.id.toUpperCase()}`;
    if (macros[macro]) throw new Error(`macro ${macro} is defined twice`);
    const forms = (c.targetForms ?? ['inhibitor']).flatMap((f) => {
      const list = file.targetForms[f];
      if (!list) throw new Error(`class ${c.id}: unknown target form ${f}`);
      return list;
    });
    const patterns = [...new Set(forms)].map((f) => f.replace('{T}', `{${macro}}`));
    // A name whose phrase another class already owns ("anti-PD(L)1" is "anti PD-L 1" to the index)
    // is not a name of this target in treatment phrases.
    const kept = names.filter((n) => {
      const clash = [...new Set(forms)].map((f) => f.replace('{T}', n)).find((ph) => {
        const owner = curatedOwner.get(key(ph));
        return owner !== undefined && owner !== c.id;
      });
      if (clash) console.log(`target name "${n}" of ${c.id} left out: "${clash}" is a phrase of ${curatedOwner.get(key(clash))}`);
      return !clash;
    });
    macros[macro] = kept;
    for (const p of patterns) {
      for (const phrase of expandPattern(p, macros)) {
        const k = key(phrase);
        const generated = generatedOwner.get(k);
        if (generated && generated !== c.id) throw new Error(`target phrase "${phrase}" would stand for ${generated} and ${c.id}`);
        generatedOwner.set(k, c.id);
      }
    }
    c.patterns = [...(c.patterns ?? []), ...patterns];
  }
}

function main(): void {
  const classesFile = readJson<CuratedClasses>(path.join(CURATED, 'drugs-classes.json'));
  const supp = readJson<Supplement>(path.join(CURATED, 'drugs-supplement.json'));
  const meds = readJson<Medications>(path.join(CURATED, 'drugs-medications.json'));
  for (const c of meds.classes) {
    if (classesFile.classes.some((x) => x.id === c.id)) throw new Error(`class ${c.id} is defined twice`);
    classesFile.classes.push(c);
  }
  const macros: Record<string, string[]> = { ...meds.macros };
  addTargetPhrases(classesFile, macros);
  const classById = new Map(classesFile.classes.map((c) => [c.id, c]));
  const kinds = new Set<string>(TREATMENT_KINDS);
  for (const c of classesFile.classes) if (!kinds.has(c.kind)) throw new Error(`class ${c.id}: unknown kind ${c.kind}`);
  for (const c of classesFile.classes) if (c.concomitant && c.kind !== 'supportive') throw new Error(`class ${c.id}: a concomitant medicine is of kind supportive`);
  for (const k of supp.kinds) if (!kinds.has(k.kind)) throw new Error(`kinds: unknown kind ${k.kind}`);
  for (const c of classesFile.classes) {
    for (const p of c.parents) if (!classById.has(p)) throw new Error(`class ${c.id}: unknown parent ${p}`);
  }
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(id)) return seen;
    seen.add(id);
    for (const p of classById.get(id)?.parents ?? []) ancestors(p, seen);
    return seen;
  };

  const aliasByKey = new Map(Object.entries(supp.aliases).map(([k, v]) => [k.replace(/\s+/g, ' ').trim().toLowerCase(), v]));
  const excluded = new Set(supp.exclude.map((e) => e.name.trim().toLowerCase()));
  const blocked = new Set(supp.blockedSynonyms.map((b) => key(b.synonym)));

  const drugs = new Map<string, Drug>();
  /** name / synonym key → drug id, for resolving source rows. */
  const byKey = new Map<string, Set<string>>();
  const index = (k: string, id: string): void => {
    if (!k) return;
    const s = byKey.get(k) ?? new Set<string>();
    s.add(id);
    byKey.set(k, s);
  };
  /** Generic name key → drug id: a drug's own name outranks another drug's synonym. */
  const byName = new Map<string, string>();
  const resolve = (text: string): Drug | undefined => {
    const named = byName.get(key(text));
    if (named) return drugs.get(named);
    const ids = byKey.get(key(text));
    if (!ids || ids.size !== 1) return undefined;
    return drugs.get([...ids][0]!);
  };
  /** The generic name a source spelling stands for, or null when the row is not a drug. */
  const canonical = (raw: string): string | null => {
    const t = raw.replace(/\s+/g, ' ').trim();
    if (!t || excluded.has(t.toLowerCase())) return null;
    const alias = aliasByKey.get(t.toLowerCase());
    if (alias) return alias;
    const c = cleanName(t.replace(/_/g, ' '));
    if (excluded.has(c.toLowerCase())) return null;
    return aliasByKey.get(c.toLowerCase()) ?? c;
  };
  const ensure = (rawName: string, origin: string): Drug | null => {
    const name = canonical(rawName);
    if (!name) return null;
    const existing = resolve(name);
    if (existing) {
      existing.origins.add(origin);
      return existing;
    }
    const id = idOf(name);
    let d = drugs.get(id);
    if (!d) {
      const display = /[A-Z]{2,}/.test(name) && !/\d/.test(name) && name === name.toUpperCase() ? name.toLowerCase() : name;
      d = {
        id,
        name: /^[A-Z][a-z]/.test(display) && !/\d/.test(display) ? display.toLowerCase() : display,
        synonyms: new Set(),
        curated: new Set(),
        rxnorm: new Set(),
        classes: new Set(),
        targets: new Set(),
        origins: new Set(),
      };
      drugs.set(id, d);
      index(key(name), id);
      byName.set(key(name), id);
    }
    d.origins.add(origin);
    if (rawName.trim() !== d.name && key(rawName) !== key(d.name)) addSynonym(d, rawName.trim(), false);
    return d;
  };
  const addSynonym = (d: Drug, syn: string, curated: boolean): void => {
    const s = syn.replace(/\s+/g, ' ').trim();
    if (!s || s === d.name) return;
    if (curated) d.curated.add(s);
    d.synonyms.add(s);
    index(key(s), d.id);
  };

  // 1. Curated drugs first: they fix the generic names the sources are resolved against. An entry
  // naming a drug already curated adds to it (classes, codes); one whose name is only another
  // drug's synonym would merge two drugs, and stops the build.
  for (const c of [...supp.drugs, ...meds.drugs]) {
    const cname = canonical(c.name);
    const prior = cname ? resolve(cname) : undefined;
    if (prior && key(prior.name) !== key(cname!)) throw new Error(`curated drug ${c.name} would merge into ${prior.id} (a synonym of it)`);
    const d = ensure(c.name, 'curated');
    if (!d) throw new Error(`curated drug ${c.name} is excluded`);
    for (const code of c.rxnorm ?? []) {
      if (!/^\d+$/.test(code)) throw new Error(`curated drug ${c.name}: RxNorm code ${code} is not an RxCUI`);
      d.rxnorm.add(code);
    }
    for (const s of c.synonyms ?? []) addSynonym(d, s, true);
    if (c.stems === false) d.noStems = true;
    for (const cl of c.classes ?? []) {
      if (!classById.has(cl)) throw new Error(`curated drug ${c.name}: unknown class ${cl}`);
      d.classes.add(cl);
    }
  }

  // 2. GENIE BPC: drug names with NCI synonym lists (brands and codes).
  for (const row of readTsv(path.join(VOCAB, 'drugs', 'genie-bpc', 'drug_names_by_cohort.tsv')).slice(1)) {
    const [, short, , synonyms] = row;
    if (!short) continue;
    const d = ensure(short, 'genie-bpc');
    if (!d) continue;
    for (const s of (synonyms ?? '').split('|')) addSynonym(d, s, false);
  }

  // 3. trialjectory drug names (keys of groups carrying RxNorm codes).
  const profile = readJson<Record<string, Record<string, string[]>>>(
    path.join(VOCAB, 'codes', 'mcode-ctms-trialjectory', 'profile-system-codes.json'),
  );
  const trialjectoryCodes = new Map<string, string[]>();
  for (const [name, systems] of Object.entries(profile)) {
    if (!systems.RxNorm) continue;
    const d = ensure(name, 'trialjectory');
    if (d) trialjectoryCodes.set(d.id, [...(trialjectoryCodes.get(d.id) ?? []), ...systems.RxNorm]);
  }

  // 4. ctm-app RxNorm table: each drug group is a seed name; rows are resolved by display text below.
  const rxRows = readTsv(path.join(VOCAB, 'drugs', 'mcode-ctm-app_rxnorm_cancer_medications.tsv')).slice(1);
  for (const [, , group] of rxRows) {
    for (const g of (group ?? '').split('|')) if (g.trim()) ensure(g, 'ctm-app');
  }

  // 5. pharmOncoX targets: plain drug names and codes inside each regular expression.
  const targetRules = classesFile.targetRules;
  const classesForTargets = (name: string, targets: Set<string>): string[] => {
    const out: string[] = [];
    const lower = name.toLowerCase();
    for (const r of targetRules) {
      const hit = r.allTargets ? r.targets.every((t) => targets.has(t)) : r.targets.some((t) => targets.has(t));
      if (!hit) continue;
      if (r.namePattern && !new RegExp(r.namePattern, 'i').test(lower)) continue;
      out.push(...r.classes);
    }
    return out;
  };
  const pharmTargets = new Map<string, Set<string>>();
  for (const [pattern, symbol] of readTsv(path.join(VOCAB, 'drugs', 'pharmoncox', 'custom_drug_target_regex_nci.tsv')).slice(1)) {
    if (!pattern || !symbol) continue;
    for (const alt of pattern.split('|')) {
      const a = alt.trim();
      // An INN ("Dostarlimab", "Pan-KRAS" excluded) or a code name ("AZD9574", "BBO-11818").
      if (!/^[A-Z][a-z]{4,}$/.test(a) && !/^[A-Z]{1,6}-?\d{3,7}[A-Za-z]?$/.test(a)) continue;
      const s = pharmTargets.get(a) ?? new Set<string>();
      s.add(symbol);
      pharmTargets.set(a, s);
    }
  }
  for (const [name, targets] of pharmTargets) {
    const existing = resolve(name);
    if (existing) {
      for (const t of targets) existing.targets.add(t);
      continue;
    }
    if (classesForTargets(name, targets).length === 0) continue;
    const d = ensure(name, 'pharmoncox');
    if (d) for (const t of targets) d.targets.add(t);
  }

  // 6. DrugBank: synonyms for drugs in the set, found by common name (or an existing synonym).
  const dbRows = readCsv(path.join(VOCAB, 'drugs', 'drugbank', 'drugbank_vocabulary.csv')).slice(1);
  const dbByName = new Map<string, string[][]>();
  for (const r of dbRows) {
    const name = r[2];
    if (!name) continue;
    const k = key(name);
    dbByName.set(k, [...(dbByName.get(k) ?? []), r]);
  }
  for (const d of drugs.values()) {
    const candidates = [d.name, ...d.synonyms];
    let row: string[] | undefined;
    for (const c of candidates) {
      const rows = dbByName.get(key(c));
      if (rows && rows.length === 1) {
        row = rows[0];
        break;
      }
    }
    if (!row) continue;
    d.origins.add('drugbank');
    if (key(row[2]!) !== key(d.name)) addSynonym(d, row[2]!, false);
    for (const s of (row[5] ?? '').split(' | ')) addSynonym(d, s, false);
  }

  // 7. Class membership: curated, WHO INN stems, pharmOncoX targets.
  const stems = classesFile.stemRules.map((r) => ({ re: new RegExp(r.pattern, 'i'), classes: r.classes, unlessSupportive: r.unlessSupportive === true }));
  const supportiveOnly = (classes: Set<string>): boolean =>
    classes.size > 0 && [...classes].every((c) => [...ancestors(c)].every((a) => classById.get(a)?.kind === 'supportive'));
  for (const d of drugs.values()) {
    const lower = d.name.toLowerCase();
    if (!d.noStems) {
      for (const s of stems) if (!s.unlessSupportive && s.re.test(lower)) for (const c of s.classes) d.classes.add(c);
      for (const c of classesForTargets(d.name, d.targets)) d.classes.add(c);
      // After every other class is known, so that supportive-only drugs can be told apart.
      if (!supportiveOnly(d.classes)) for (const s of stems) if (s.unlessSupportive && s.re.test(lower)) for (const c of s.classes) d.classes.add(c);
    }
    for (const c of d.classes) if (!classById.has(c)) throw new Error(`drug ${d.id}: unknown class ${c}`);
    // Keep the most specific classes: an ancestor of another assigned class adds nothing.
    for (const c of [...d.classes]) {
      for (const other of d.classes) if (other !== c && ancestors(other).has(c)) d.classes.delete(c);
    }
  }

  // 8. RxNorm codes from ctm-app rows whose display names one drug; brand rows add brand synonyms.
  const FORM =
    /\b(?:injection|injectable|product|oral|tablet|tablets|capsule|capsules|solution|suspension|kit|pack|prefilled|syringe|pill|powder|vial|for|extended|release|delayed|chewable|topical|cream|gel|ointment|ophthalmic|nasal|spray|drug|implant|transdermal|system|patch|auto-injector|pen|cartridge|granules|lyophilized|liposomal|liposome|conventional|disintegrating|film|coated|sublingual)\b.*$/i;
  const LOCAL = /\b(?:ophthalmic|otic|topical|cream|ointment|nasal|inhal\w*|vaginal|rectal|enema|foam|lotion|shampoo|mouthwash|dental|intravitreal|drug implant|medicated pad|transdermal)\b/i;
  // Brands sold only as local products ("Maxidex 0.1 % Ophthalmic Suspension") taint their other rows too.
  const localBrands = new Set<string>();
  for (const [, display] of rxRows) {
    if (!display || !LOCAL.test(display)) continue;
    const b = /\[([^\]]+)\]/.exec(display)?.[1] ?? /^([A-Z][A-Za-z-]+)\s/.exec(display)?.[1];
    if (b && !resolve(b)) localBrands.add(b.toLowerCase());
  }
  for (const [code, display, group] of rxRows) {
    if (!code || !display) continue;
    const rowBrand = /\[([^\]]+)\]/.exec(display)?.[1] ?? /^([A-Z][A-Za-z-]+)\b/.exec(display)?.[1];
    if (rowBrand && localBrands.has(rowBrand.toLowerCase())) continue;
    // Local products (eye drops, creams, implants) are not the systemic drug criteria speak of.
    if (LOCAL.test(display)) continue;
    const brand = /\[([^\]]+)\]/.exec(display)?.[1];
    const plain = display.replace(/\[[^\]]*\]/g, ' ');
    // Combination products count only when every other ingredient is an excipient (hyaluronidase).
    const ingredients = plain.split(' / ').filter((p) => !/^\s*hyaluronidase/i.test(p));
    if (ingredients.length !== 1) continue;
    const core = ingredients[0]!.replace(/\s\d.*$/, '').replace(FORM, '').trim();
    let d = resolve(core) ?? resolve(cleanName(core));
    if (!d) {
      const groups = (group ?? '').split('|').map((g) => g.trim()).filter(Boolean);
      const gd = groups.length === 1 ? resolve(canonical(groups[0]!) ?? '') : undefined;
      // A bare brand row ("Keytruda") under a one-drug group names that drug.
      if (gd && !/\d/.test(display) && /^[A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?$/.test(core) && core.length >= 4) {
        addSynonym(gd, core, false);
        d = gd;
      }
    }
    if (!d) continue;
    d.rxnorm.add(code);
    if (brand && !/\d/.test(brand)) addSynonym(d, brand, false);
  }
  for (const [id, codes] of trialjectoryCodes) {
    const d = drugs.get(id);
    if (d && d.rxnorm.size === 0 && codes.length <= 60) for (const c of codes) d.rxnorm.add(c);
  }

  // 9. Synonym hygiene and conflicts.
  const classKeys = new Map<string, string>();
  for (const c of classesFile.classes) for (const s of classPhrases(c, macros)) classKeys.set(key(s), c.id);
  const kindKeys = new Set(supp.kinds.flatMap((k) => [...k.synonyms, ...(k.caseSensitive ?? [])].map(key)));
  const codeVariant = (s: string): string | null => {
    const m = /^([A-Za-z]{1,6})(\d{2,}[A-Za-z]?)$/.exec(s);
    return m ? `${m[1]}-${m[2]}` : null;
  };
  const dropped: string[] = [];
  const plausible = (s: string, d: Drug): boolean => {
    if (d.curated.has(s)) return true;
    const k = key(s);
    if (blocked.has(k)) return false;
    if (!k || /^[\d ]+$/.test(k)) return false;
    if (k.replace(/ /g, '').length < 4) return false;
    if (k.split(' ').length > 5) return false;
    if (/[()[\]{}]|\d,\d|\b(?:component|nanoparticles?|conjugate of|compound with|acid salt)\b/i.test(s)) return false;
    // Chemical names: stereo descriptors, locants, long runs of letters and digits.
    if (/(?:^|[\s-])\(?[RSEZ]\)?-|\b\d+[a-z]?(?:,\d+)+|α|β|γ|\bbeta\b|\balpha\b.*\d|ylamino|oxy\)|phenyl|pyrid|pyrimid|piperaz|methyl-|ethyl-|hydroxy-|\d-(?:fluoro|chloro|amino)/i.test(s) && !/^[A-Z]{1,6}[- ]?\d/.test(s))
      return false;
    return true;
  };
  for (const d of drugs.values()) {
    for (const s of [...d.synonyms]) {
      const v = codeVariant(s);
      if (v && !d.curated.has(s)) addSynonym(d, v, false);
    }
  }
  const owners = new Map<string, Set<string>>();
  for (const d of drugs.values()) {
    for (const s of [d.name, ...d.synonyms]) {
      const k = key(s);
      const o = owners.get(k) ?? new Set<string>();
      o.add(d.id);
      owners.set(k, o);
    }
  }
  for (const d of drugs.values()) {
    const keep = new Map<string, string>();
    for (const s of d.synonyms) {
      const k = key(s);
      if (k === key(d.name)) continue;
      if (!plausible(s, d)) {
        dropped.push(`${d.id}: "${s}" (implausible)`);
        continue;
      }
      if (classKeys.has(k) || kindKeys.has(k)) {
        dropped.push(`${d.id}: "${s}" (class or kind phrase)`);
        continue;
      }
      const o = owners.get(k)!;
      if (d.curated.has(s)) {
        const named = [...o].filter((id) => id !== d.id && key(drugs.get(id)!.name) === k);
        if (named.length) throw new Error(`curated synonym "${s}" of ${d.id} is the name of ${named.join(', ')}: one phrase would stand for two drugs`);
      }
      if (o.size > 1) {
        // Shared with another drug: kept only by the drug it names outright.
        const namedBy = [...o].filter((id) => key(drugs.get(id)!.name) === k);
        if (!(namedBy.length === 1 && namedBy[0] === d.id) && !(d.curated.has(s) && [...o].every((id) => id === d.id || !drugs.get(id)!.curated.has(s)))) {
          dropped.push(`${d.id}: "${s}" (shared with ${[...o].filter((id) => id !== d.id).join(', ')})`);
          continue;
        }
      }
      if (!keep.has(k) || d.curated.has(s)) keep.set(k, s);
    }
    d.synonyms = new Set([...keep.values()].sort((a, b) => a.localeCompare(b)));
  }

  // 10. Every drug should have a treatment kind through its classes.
  const kindless = [...drugs.values()].filter((d) => d.classes.size === 0).map((d) => d.id);

  // 11. Regimens: GENIE acronyms resolved to drug ids, joined with the curated ones.
  const blockedRegimen = new Set((supp.blockedRegimenSynonyms ?? []).map((b) => b.synonym));
  const regimens = new Map<string, { id: string; synonyms: Set<string>; drugs: string[] }>();
  const drugId = (n: string): string => {
    const d = resolve(canonical(n) ?? n);
    if (!d) throw new Error(`regimen drug ${n} not in the set`);
    return d.id;
  };
  for (const r of supp.regimens) {
    regimens.set(r.id, { id: r.id, synonyms: new Set(r.synonyms), drugs: r.drugs.map(drugId) });
  }
  for (const row of readCsv(path.join(VOCAB, 'drugs', 'genie-bpc', 'regimen_abbreviations.csv')).slice(1)) {
    const [list, abbr] = row;
    if (!list || !abbr || blockedRegimen.has(abbr)) continue;
    const ids = list.split(',').map((n) => drugId(n.trim()));
    const id = idOf(abbr);
    const existing = regimens.get(id);
    if (existing) existing.synonyms.add(abbr);
    else regimens.set(id, { id, synonyms: new Set([abbr]), drugs: ids });
  }

  const out = {
    sources: [
      {
        name: 'AACR Project GENIE BPC drug names and regimen abbreviations',
        licence: 'MIT',
        url: 'https://github.com/GENIE-BPC/genieBPC',
        note: 'data/drug_names_by_cohort.xlsx @ ea9ffaed, data-raw/regimen_abbreviations.csv @ 7becbb97: cancer-directed drug names with NCI Thesaurus-style synonym lists (brands, code names)',
      },
      {
        name: 'mCODE clinical-trial-matching-app medications',
        licence: 'Apache-2.0',
        url: 'https://github.com/mcode/clinical-trial-matching-app',
        note: 'src/assets/optimizedPatientDataElements/medications.json @ 4891254e: RxNorm codes of cancer medications by drug group',
      },
      {
        name: 'mCODE clinical-trial-matching-service-trialjectory profile system codes',
        licence: 'Apache-2.0',
        url: 'https://github.com/mcode/clinical-trial-matching-service-trialjectory',
        note: 'data/profile-system-codes.json @ e599c553: drug names → RxNorm codes',
      },
      {
        name: 'pharmOncoX custom drug–target patterns',
        licence: 'MIT',
        url: 'https://github.com/sigven/pharmOncoX',
        note: 'data-raw/custom_drug_target_regex_nci.tsv @ b5dfb691: drug names → target genes, used for class membership',
      },
      {
        name: 'DrugBank Open Data vocabulary',
        licence: 'CC0-1.0',
        url: 'https://go.drugbank.com/releases/latest#open-data',
        note: 'synonyms (INN variants, code names) for drugs already in the oncology set only',
      },
      {
        name: 'WHO INN stem book',
        url: 'https://www.who.int/teams/health-product-and-policy-standards/inn/stembook',
        note: 'name stems used for class membership (-tinib, -parib, -ciclib, -platin, -taxel, -rubicin, -tecan, -lisib, -rafenib, -metinib, -zomib, -toclax, -brutinib, -degib, -inostat, -rozole, -estrant, -lutamide, -relin, -relix, -dronic acid, -domide, ADC payload names)',
      },
      {
        name: 'FDA Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers',
        url: 'https://www.fda.gov/drugs/drug-interactions-labeling/drug-development-and-drug-interactions-table-substrates-inhibitors-and-inducers',
        note: 'clinical inhibitors and inducers of CYP3A (strong, moderate) and of P-gp: members of the interaction classes',
      },
      {
        name: 'WHO ATC classification',
        url: 'https://atcddd.fhi.no/atc_ddd_index/',
        note: 'class membership of concomitant medications (B01A antithrombotics, M01A NSAIDs, J01 antibacterials, A10 antidiabetics, A02B acid suppression, C10AA statins, N03A antiepileptics, G03C estrogens, B03XA ESAs, L04AC/L04AD); codes cited per entry, no ATC text copied',
      },
      {
        name: 'CPIC database drug table',
        licence: 'CC0-1.0',
        url: 'https://github.com/cpicpgx/cpic-schema',
        note: 'drug.sql @ 05f9b09c: RxNorm ingredient codes (RxNorm: NLM, public domain) for the concomitant medications it lists',
      },
      {
        name: 'ctmatch curated drug supplement',
        note: 'scripts/lexicons/curated/drugs-classes.json, drugs-supplement.json and drugs-medications.json: classes, recent approvals, abbreviations, class memberships; each entry cites its FDA/EMA/NMPA label, NCI Dictionary/Drug Dictionary entry or WHO ATC code',
      },
    ],
    classes: classesFile.classes.map((c) => ({
      id: c.id,
      name: c.name,
      synonyms: c.synonyms,
      parents: c.parents,
      kind: c.kind,
      source: c.source,
      ...(c.patterns?.length ? { patterns: c.patterns } : {}),
      ...(c.concomitant ? { concomitant: true } : {}),
      ...(c.targets?.length ? { targets: c.targets } : {}),
    })),
    macros,
    drugs: [...drugs.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((d) => ({
        id: d.id,
        name: d.name,
        synonyms: [...d.synonyms],
        ...(d.rxnorm.size ? { rxnorm: [...d.rxnorm].sort((a, b) => Number(a) - Number(b)) } : {}),
        classes: [...d.classes].sort(),
      })),
    kinds: supp.kinds,
    regimens: [...regimens.values()].map((r) => ({ id: r.id, synonyms: [...r.synonyms], drugs: r.drugs })),
  };

  // One drug or class per line keeps the generated file reviewable in diffs.
  const lines = ['{'];
  lines.push(`  "sources": ${JSON.stringify(out.sources, null, 2).replace(/\n/g, '\n  ')},`);
  lines.push(`  "macros": {`);
  const macroEntries = Object.entries(out.macros);
  macroEntries.forEach(([k, v], i) => lines.push(`    ${JSON.stringify(k)}: ${JSON.stringify(v)}${i < macroEntries.length - 1 ? ',' : ''}`));
  lines.push('  },');
  for (const part of ['classes', 'drugs', 'kinds', 'regimens'] as const) {
    const arr = out[part] as unknown[];
    lines.push(`  "${part}": [`);
    arr.forEach((e, i) => lines.push(`    ${JSON.stringify(e)}${i < arr.length - 1 ? ',' : ''}`));
    lines.push(part === 'regimens' ? '  ]' : '  ],');
  }
  lines.push('}');
  fs.writeFileSync(OUT, lines.join('\n') + '\n');

  console.log(
    `rules/drugs.json: ${out.drugs.length} drugs (${out.drugs.reduce((n, d) => n + d.synonyms.length, 0)} synonyms, ${out.drugs.filter((d) => d.rxnorm).length} with RxNorm codes), ${out.classes.length} classes, ${out.kinds.length} kind groups, ${out.regimens.length} regimens`,
  );
  console.log(`dropped ${dropped.length} synonyms${verbose ? '' : ' (--verbose lists them)'}`);
  for (const d of dropped) log(`  dropped ${d}`);
  if (kindless.length) console.log(`drugs without a class (no treatment kind): ${kindless.join(', ')}`);
}

main();
