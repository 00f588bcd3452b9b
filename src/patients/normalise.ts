/**
 * PatientRecord → NormalisedPatient: names resolved through the same rules/ lexicons the parser
 * uses ("Kadcyla" → trastuzumab emtansine, an anti-HER2 ADC; "NSCLC" → OncoTree NSCLC), units
 * converted to each lab's rule unit (ANC 1,500/µL → 1.5 × 10^9/L), ages computed as of a date.
 * Every normalised value keeps the JSON Pointer of the record field it came from, for evidence.
 *
 * Done once per request; matching then reads only this structure.
 */
import type { Lexicons, Mention } from '../criteria/lexicon';
import { TREATMENT_KINDS, type DISEASE_STATUSES } from '../criteria/facts';
import { locate, type Located } from '../geo/places';
import type { PatientRecord } from './record';

export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

export interface Sourced<T> {
  value: T;
  path: string;
}

export interface NCancer {
  path: string;
  /** Resolved OncoTree codes (several when the text names several), empty when unresolved. */
  codes: string[];
  /** The codes with all their ancestors (groups included). */
  lineage: Set<string>;
  /** The record fields the codes were read from, cited as evidence ("/cancers/0/histology"). */
  typeEvidence: Array<{ path: string; value: unknown }>;
  stage?: Sourced<string>;
  tnm: { t?: Sourced<string>; n?: Sourced<string>; m?: Sourced<string> };
  metastatic?: Sourced<boolean>;
  metastaticSites: Sourced<string[]> | undefined;
  brainMetastases?: Sourced<'none' | 'active' | 'treated-stable'>;
  measurableDisease?: Sourced<boolean>;
  resectable?: Sourced<boolean>;
  recurrent?: Sourced<boolean>;
  refractory?: Sourced<boolean>;
  locallyAdvanced?: Sourced<boolean>;
  status?: Sourced<(typeof DISEASE_STATUSES)[number]>;
  tumorSizeCm?: Sourced<number>;
  resectionMargin?: Sourced<'R0' | 'R1' | 'R2'>;
  metastasisCount?: Sourced<number>;
  brainMetastasisCount?: Sourced<number>;
  diagnosisDate?: Sourced<string>;
}

export interface NBiomarker {
  path: string;
  /** Gene symbols and marker ids the name resolves to (HER2 → ERBB2; PD-L1 → PD-L1 and CD274). */
  ids: Set<string>;
  name: string;
  alteration?: string;
  status?: 'positive' | 'negative' | 'low' | 'high' | 'equivocal' | 'detected' | 'not_detected' | 'wild_type';
  value?: number;
  scale?: string;
  method?: string;
  origin?: 'germline' | 'somatic';
}

export interface NTreatment {
  path: string;
  name: string;
  /** False when nothing in the name was recognised: such a treatment may be anything. */
  recognised: boolean;
  drugs: Set<string>;
  /** Drug classes with their ancestor classes. */
  classes: Set<string>;
  kinds: Set<TreatmentKind>;
  setting?: string;
  line?: number;
  start?: string;
  /** Which record field `start` came from ('date' for one-off treatments), for evidence paths. */
  startField?: 'start' | 'date';
  end?: string;
  outcome?: string;
}

export interface NLab {
  path: string;
  id: string;
  /** Value in the lab's rule unit (rules/labs.json), or undefined when the unit is not convertible. */
  value?: number;
  uln?: number;
  lln?: number;
  unit?: string;
  date?: string;
}

export interface NCondition {
  path: string;
  name: string;
  /** Condition ids with ancestors (rules/conditions.json). */
  ids: Set<string>;
  /** The ids the record names itself, before ancestors: how specific the record is. */
  ownIds: Set<string>;
  /** OncoTree lineage when the condition is a cancer ("basal cell carcinoma of the skin, 2019"). */
  cancerLineage: Set<string>;
  status?: 'active' | 'controlled' | 'resolved' | 'history';
  year?: number;
}

export interface NormalisedPatient {
  record: PatientRecord;
  /** YYYY-MM-DD the evaluation is judged at. */
  asOf: string;
  age?: Sourced<number>;
  sex?: Sourced<'female' | 'male' | 'other'>;
  cancers?: NCancer[];
  biomarkers?: NBiomarker[];
  treatments?: NTreatment[];
  ecog?: Sourced<number>;
  karnofsky?: Sourced<number>;
  labs?: Map<string, NLab>;
  conditions?: NCondition[];
  pregnant?: Sourced<boolean>;
  breastfeeding?: Sourced<boolean>;
  lifeExpectancyMonths?: Sourced<number>;
  attestations: Map<string, Sourced<boolean>>;
  location?: Located & { path: string };
  /** Names the lexicons did not recognise, by record path. */
  unrecognised: Array<{ path: string; text: string }>;
}

function mentionsOf(lex: Lexicons, text: string, types: Mention['type'][]): Mention[] {
  return lex.index.scan(text).filter((m) => types.includes(m.type));
}

/** Whole years between two ISO dates (partial dates take the first day). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm = 1, fd = 1] = from.split('-').map(Number) as [number, number?, number?];
  const [ty, tm = 1, td = 1] = to.split('-').map(Number) as [number, number?, number?];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return years;
}

/** Unit spellings folded for comparison: "10^9/L", "x10⁹/l", "× 10^9 /L" → "10^9/l". */
export function foldUnit(unit: string): string {
  return unit
    .toLowerCase()
    .replace(/[µμ]/g, 'u')
    .replace(/⁹/g, '^9')
    .replace(/³/g, '^3')
    .replace(/\s+/g, '')
    // UCUM writes special units in brackets: "mm[Hg]", "[IU]/L" are mmHg and IU/L.
    .replace(/\[([a-z]+)\]/g, '$1')
    .replace(/^[x×*]/, '')
    .replace(/cells?\//, '/')
    .replace(/mm\^?3/, 'ul')
    .replace(/^(?:k|thou)\/ul$/, '10^3/ul')
    .replace(/^g\/l$/, (s) => s);
}

export function normaliseCancerCode(lex: Lexicons, system: string, code: string): string[] {
  const sys = system.toLowerCase();
  if (sys.includes('oncotree')) return lex.cancerByCode.has(code.toUpperCase()) ? [code.toUpperCase()] : [];
  const out: string[] = [];
  for (const t of lex.cancerTypes.types) {
    if (sys.includes('snomed') && t.snomed?.includes(code)) out.push(t.code);
    else if (sys.includes('icd') && t.icd10?.some((c) => code.toUpperCase().startsWith(c))) out.push(t.code);
    else if ((sys.includes('ncit') || sys.includes('nci')) && t.ncit === code) out.push(t.code);
  }
  // The most specific codes only: drop any code that is an ancestor of another found code.
  return out.filter((c) => !out.some((o) => o !== c && lex.cancerAncestors.get(o)?.has(c)));
}

function resolveCancer(lex: Lexicons, value: string | { system: string; code: string; display?: string | undefined } | undefined): string[] {
  if (!value) return [];
  if (typeof value !== 'string') {
    const byCode = normaliseCancerCode(lex, value.system, value.code);
    return byCode.length ? byCode : value.display ? resolveCancer(lex, value.display) : [];
  }
  const codes = mentionsOf(lex, value, ['cancer']).map((m) => m.id);
  return [...new Set(codes)].filter((c) => !codes.some((o) => o !== c && lex.cancerAncestors.get(o)?.has(c)));
}

function lineage(lex: Lexicons, codes: string[]): Set<string> {
  const out = new Set<string>();
  for (const c of codes) for (const a of lex.cancerAncestors.get(c) ?? [c]) out.add(a);
  return out;
}

const STATUS: Record<string, NBiomarker['status']> = {
  positive: 'positive',
  negative: 'negative',
  low: 'low',
  high: 'high',
  equivocal: 'equivocal',
  detected: 'detected',
  'not detected': 'not_detected',
  'wild type': 'wild_type',
};

/** "% TPS" → TPS, "CPS" → CPS, "mut/Mb" → mut/Mb, "%" → %. */
function scaleOf(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const u = unit.toUpperCase();
  for (const s of ['TPS', 'CPS', 'TC', 'IC']) if (new RegExp(`\\b${s}\\b`).test(u)) return s;
  if (/MUT/.test(u)) return 'mut/Mb';
  if (/%/.test(u)) return '%';
  return unit;
}

/** Protein changes and alteration words folded for comparison ("p.V600E" → "V600E", "Ex19del" → "exon 19 deletion"). */
export function foldAlteration(alteration: string): string {
  const a = alteration.trim().replace(/^p\./i, '');
  const exon = /^(?:ex(?:on)?\s*)(\d+)\s*(del(?:etion)?|ins(?:ertion)?|skip(?:ping)?)/i.exec(a);
  if (exon) {
    const kind = /^del/i.test(exon[2]!) ? 'deletion' : /^ins/i.test(exon[2]!) ? 'insertion' : 'skipping';
    return `exon ${exon[1]} ${kind}`;
  }
  if (/^[A-Z]\d+[A-Z*]?$/i.test(a)) return a.toUpperCase();
  return a.toLowerCase().replace(/\s+/g, ' ');
}

function resolveBiomarkerIds(lex: Lexicons, name: string): Set<string> {
  const ids = new Set<string>();
  for (const m of mentionsOf(lex, name, ['gene', 'marker'])) {
    ids.add(m.id);
    if (m.type === 'marker') {
      const marker = lex.genes.markers.find((x) => x.id === m.id);
      if (marker?.gene) ids.add(marker.gene);
    } else {
      // A gene that is also a marker's gene (ERBB2 ↔ HER2 marker 'ERBB2', CD274 ↔ 'PD-L1').
      for (const marker of lex.genes.markers) if (marker.gene === m.id) ids.add(marker.id);
    }
  }
  return ids;
}

function resolveTreatment(lex: Lexicons, name: string, code?: { system: string; code: string }): Omit<NTreatment, 'path' | 'name'> {
  const drugs = new Set<string>();
  const classes = new Set<string>();
  const kinds = new Set<TreatmentKind>();
  if (code && /rxnorm/i.test(code.system)) {
    for (const d of lex.drugs.drugs) if (d.rxnorm?.includes(code.code)) drugs.add(d.id);
  }
  for (const m of lex.index.scan(name)) {
    if (m.type === 'drug') drugs.add(m.id);
    else if (m.type === 'drugClass') classes.add(m.id);
    else if (m.type === 'therapyKind') kinds.add(m.id as TreatmentKind);
    else if (m.type === 'regimen') for (const d of lex.drugs.regimens?.find((r) => r.id === m.id)?.drugs ?? []) drugs.add(d);
  }
  for (const d of drugs) for (const c of lex.drugById.get(d)?.classes ?? []) classes.add(c);
  for (const c of [...classes]) for (const a of lex.classAncestors.get(c) ?? []) classes.add(a);
  // A drug named in a locoregional procedure ("TACE with doxorubicin", "HIPEC with mitomycin") acts
  // where it is delivered: the treatment is the drug (for drug and class queries), not systemic therapy.
  const locoregional = kinds.has('locoregional');
  for (const c of classes) {
    const kind = lex.classById.get(c)?.kind;
    if (kind && !locoregional) kinds.add(kind);
  }
  // Chemotherapy, immunotherapy, targeted, hormonal and cell therapies are all systemic therapy.
  if ([...kinds].some((k) => ['chemotherapy', 'immunotherapy', 'targeted', 'hormonal', 'cell therapy'].includes(k))) kinds.add('systemic');
  return { recognised: drugs.size + classes.size + kinds.size > 0, drugs, classes, kinds };
}

function resolveLab(lex: Lexicons, name: string, code?: { system: string; code: string }): string | undefined {
  if (code && /loinc/i.test(code.system)) {
    const byCode = lex.labs.labs.find((l) => l.loinc.includes(code.code));
    if (byCode) return byCode.id;
  }
  return mentionsOf(lex, name, ['lab'])[0]?.id;
}

/** Converts a lab value to the lab's rule unit; undefined when the unit is unknown to rules/labs.json. */
export function toRuleUnit(lex: Lexicons, labId: string, value: number, unit: string | undefined): number | undefined {
  const lab = lex.labById.get(labId);
  if (!lab) return undefined;
  if (!unit || foldUnit(unit) === foldUnit(lab.unit)) return value;
  const conv = lab.conversions.find((c) => foldUnit(c.unit) === foldUnit(unit));
  return conv ? Math.round(value * conv.factor * 1e6) / 1e6 : undefined;
}

function resolveCondition(lex: Lexicons, name: string, code?: { system: string; code: string }): { ids: Set<string>; ownIds: Set<string>; cancer: Set<string> } {
  const ids = new Set<string>();
  if (code) {
    const sys = code.system.toLowerCase();
    for (const c of lex.conditions.conditions) {
      if ((sys.includes('snomed') && c.snomed?.includes(code.code)) || (sys.includes('icd') && c.icd10?.some((x) => code.code.toUpperCase().startsWith(x)))) {
        ids.add(c.id);
      }
    }
  }
  for (const m of mentionsOf(lex, name, ['condition'])) ids.add(m.id);
  const ownIds = new Set(ids);
  // Ancestors: conditions name their parents (hbv → viral_hepatitis → infection).
  for (const id of ownIds) for (const a of lex.conditionAncestors.get(id) ?? []) ids.add(a);
  const cancerCodes = code ? normaliseCancerCode(lex, code.system, code.code) : [];
  return { ids, ownIds, cancer: lineage(lex, cancerCodes.length ? cancerCodes : resolveCancer(lex, name)) };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function normalisePatient(record: PatientRecord, lex: Lexicons, asOf: string = today()): NormalisedPatient {
  const unrecognised: NormalisedPatient['unrecognised'] = [];
  const out: NormalisedPatient = { record, asOf, attestations: new Map(), unrecognised };

  if (typeof record.age === 'number') out.age = { value: Math.floor(record.age), path: '/age' };
  else if (record.birthDate) out.age = { value: yearsBetween(record.birthDate, asOf), path: '/birthDate' };
  if (record.sex && record.sex !== 'unknown') out.sex = { value: record.sex, path: '/sex' };

  if (record.cancers) {
    out.cancers = record.cancers.map((c, i) => {
      const path = `/cancers/${i}`;
      const fromType = resolveCancer(lex, c.type);
      const fromHistology = resolveCancer(lex, c.histology);
      const codes = [...new Set([...fromType, ...fromHistology])];
      const specific = codes.filter((x) => !codes.some((o) => o !== x && lex.cancerAncestors.get(o)?.has(x)));
      if (!specific.length && (c.type || c.histology)) {
        const text = typeof c.type === 'string' ? c.type : (c.type?.display ?? c.type?.code ?? String(c.histology ?? ''));
        unrecognised.push({ path: `${path}/type`, text });
      }
      const n: NCancer = {
        path,
        codes: specific,
        lineage: lineage(lex, specific),
        typeEvidence: [
          ...(c.type !== undefined ? [{ path: `${path}/type`, value: c.type }] : []),
          ...(fromHistology.length && c.histology !== undefined ? [{ path: `${path}/histology`, value: c.histology }] : []),
        ],
        tnm: {},
        metastaticSites: c.metastaticSites ? { value: c.metastaticSites, path: `${path}/metastaticSites` } : undefined,
      };
      if (c.stage) n.stage = { value: c.stage, path: `${path}/stage` };
      for (const k of ['t', 'n', 'm'] as const) {
        const v = c.tnm?.[k];
        if (v) n.tnm[k] = { value: v, path: `${path}/tnm/${k}` };
      }
      const flag = <K extends 'metastatic' | 'measurableDisease' | 'resectable' | 'recurrent' | 'refractory' | 'locallyAdvanced'>(k: K): void => {
        const v = c[k];
        if (typeof v === 'boolean') n[k] = { value: v, path: `${path}/${k}` };
      };
      flag('metastatic');
      flag('measurableDisease');
      flag('resectable');
      flag('recurrent');
      flag('refractory');
      flag('locallyAdvanced');
      if (c.brainMetastases && c.brainMetastases !== 'unknown') n.brainMetastases = { value: c.brainMetastases, path: `${path}/brainMetastases` };
      if (c.status) n.status = { value: c.status === 'no evidence of disease' ? 'no_evidence_of_disease' : c.status, path: `${path}/status` };
      if (c.tumorSizeCm !== undefined) n.tumorSizeCm = { value: c.tumorSizeCm, path: `${path}/tumorSizeCm` };
      if (c.metastasisCount !== undefined) n.metastasisCount = { value: c.metastasisCount, path: `${path}/metastasisCount` };
      if (c.brainMetastasisCount !== undefined)
        n.brainMetastasisCount = { value: c.brainMetastasisCount, path: `${path}/brainMetastasisCount` };
      if (c.resectionMargin) n.resectionMargin = { value: c.resectionMargin, path: `${path}/resectionMargin` };
      if (c.diagnosisDate) n.diagnosisDate = { value: c.diagnosisDate, path: `${path}/diagnosisDate` };
      return n;
    });
  }

  if (record.biomarkers) {
    out.biomarkers = record.biomarkers.map((b, i) => {
      const path = `/biomarkers/${i}`;
      const ids = resolveBiomarkerIds(lex, b.name);
      if (!ids.size) unrecognised.push({ path: `${path}/name`, text: b.name });
      const n: NBiomarker = { path, ids, name: b.name };
      if (b.alteration) n.alteration = foldAlteration(b.alteration);
      if (b.status) n.status = STATUS[b.status];
      if (typeof b.value === 'number') n.value = b.value;
      const scale = scaleOf(b.unit);
      if (scale) n.scale = scale;
      if (b.method) n.method = b.method;
      if (b.origin) n.origin = b.origin;
      return n;
    });
  }

  if (record.treatments) {
    out.treatments = record.treatments.map((t, i) => {
      const path = `/treatments/${i}`;
      const resolved = resolveTreatment(lex, [t.name, t.class].filter(Boolean).join(' ; '), t.code);
      if (t.kind) resolved.kinds.add(t.kind);
      if (t.kind === 'cell therapy') resolved.kinds.add('systemic');
      if (!resolved.recognised && !t.kind) unrecognised.push({ path: `${path}/name`, text: t.name });
      const n: NTreatment = { path, name: t.name, ...resolved, recognised: resolved.recognised || Boolean(t.kind) };
      if (t.setting) n.setting = t.setting.toLowerCase();
      if (typeof t.line === 'number') n.line = t.line;
      if (t.start) Object.assign(n, { start: t.start, startField: 'start' });
      else if (t.date) Object.assign(n, { start: t.date, startField: 'date' });
      if (t.end) n.end = t.end;
      if (t.outcome) n.outcome = t.outcome;
      return n;
    });
  }

  if (typeof record.ecog === 'number') out.ecog = { value: record.ecog, path: '/ecog' };
  if (typeof record.karnofsky === 'number') out.karnofsky = { value: record.karnofsky, path: '/karnofsky' };

  if (record.labs) {
    const labs = new Map<string, NLab>();
    record.labs.forEach((l, i) => {
      const path = `/labs/${i}`;
      const id = resolveLab(lex, l.name, l.code);
      if (!id) {
        unrecognised.push({ path: `${path}/name`, text: l.name });
        return;
      }
      const value = toRuleUnit(lex, id, l.value, l.unit);
      if (value === undefined) unrecognised.push({ path: `${path}/unit`, text: l.unit ?? '' });
      const n: NLab = { path, id };
      if (value !== undefined) n.value = value;
      if (typeof l.uln === 'number') n.uln = l.uln;
      if (typeof l.lln === 'number') n.lln = l.lln;
      if (l.unit) n.unit = l.unit;
      if (l.date) n.date = l.date;
      // The latest result counts; without dates, the later entry in the list.
      const prev = labs.get(id);
      if (!prev || !prev.date || !n.date || n.date >= prev.date) labs.set(id, n);
    });
    out.labs = labs;
  }

  if (record.conditions) {
    out.conditions = record.conditions.map((c, i) => {
      const path = `/conditions/${i}`;
      const { ids, ownIds, cancer } = resolveCondition(lex, c.name, c.code);
      if (!ids.size && !cancer.size) unrecognised.push({ path: `${path}/name`, text: c.name });
      const n: NCondition = { path, name: c.name, ids, ownIds, cancerLineage: cancer };
      if (c.status) n.status = c.status;
      const year = c.year ?? (c.date ? Number(c.date.slice(0, 4)) : undefined);
      if (year) n.year = year;
      return n;
    });
  }

  if (typeof record.pregnant === 'boolean') out.pregnant = { value: record.pregnant, path: '/pregnant' };
  if (typeof record.breastfeeding === 'boolean') out.breastfeeding = { value: record.breastfeeding, path: '/breastfeeding' };
  if (typeof record.lifeExpectancyMonths === 'number') out.lifeExpectancyMonths = { value: record.lifeExpectancyMonths, path: '/lifeExpectancyMonths' };
  for (const [topic, v] of Object.entries(record.attestations ?? {})) out.attestations.set(topic, { value: v, path: `/attestations/${topic}` });

  if (record.location) {
    const place = locate(record.location);
    if (place) out.location = { ...place, path: place.source === 'coordinates' ? '/location/lat' : place.source === 'postal code' ? '/location/postalCode' : '/location/city' };
    else unrecognised.push({ path: '/location', text: [record.location.postalCode, record.location.city, record.location.country].filter(Boolean).join(', ') });
  }
  return out;
}
