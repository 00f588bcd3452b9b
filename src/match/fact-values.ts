/**
 * How each fact of the vocabulary (src/criteria/facts.ts) is read from a normalised patient. Every
 * function returns the value with the record paths behind it, or `undefined` when the record cannot
 * tell: missing data is unknown, never false.
 *
 * Lists follow the record contract (src/patients/record.ts): an absent list is "not reported"
 * (unknown); a present list, even an empty one, is the patient's full answer.
 */
import { metastaticSiteLexicon, type Lexicons } from '../criteria/lexicon';
import type { NBiomarker, NCancer, NormalisedPatient, NTreatment, TreatmentKind } from '../patients/normalise';
import { foldAlteration } from '../patients/normalise';
import type { Evidence, FactTable, FactValue } from './compile';
import { NumericRange } from './operators';

const UNKNOWN: FactValue = { value: undefined, evidence: [] };
const known = (value: unknown, evidence: Evidence[]): FactValue => ({ value, evidence });
const ev = (path: string, value: unknown, note?: string): Evidence => (note ? { path, value, note } : { path, value });

/** Days from an ISO date (partial dates take their last day, the latest moment they allow) to asOf. */
function daysBefore(asOf: string, date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  const end = d ? new Date(Date.UTC(y, m! - 1, d)) : m ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
  return Math.floor((Date.parse(asOf) - end.getTime()) / 86_400_000);
}

// ---------- cancer, stage, extent -------------------------------------------------------------

function cancers(p: NormalisedPatient): NCancer[] | undefined {
  return p.cancers?.length ? p.cancers : undefined;
}

const ROMAN: Record<string, number> = { '0': 0, I: 1, II: 2, III: 3, IV: 4 };

/** "Stage IIIB", "3b", "IIIb", "stage 4" → "IIIB" / "IV"; prefixed systems ("BCLC B") kept as written. */
export function foldStage(stage: string): string {
  let s = stage.trim().replace(/^stage\s*/i, '');
  const arabic = /^([0-4])([a-d]\d?)?$/i.exec(s);
  if (arabic) s = ['0', 'I', 'II', 'III', 'IV'][Number(arabic[1])]! + (arabic[2] ?? '');
  return s.toUpperCase().replace(/\s+/g, ' ');
}

/** A rule group covers the patient's stage when it is the same or a prefix at a substage boundary. */
export function stageCovers(group: string, stage: string): boolean | undefined {
  const g = foldStage(group);
  const s = foldStage(stage);
  if (g === s) return true;
  const gm = /^(0|IV|I{1,3})(.*)$/.exec(g);
  const sm = /^(0|IV|I{1,3})(.*)$/.exec(s);
  if (!gm || !sm) return false;
  if (ROMAN[gm[1]!] !== ROMAN[sm[1]!]) return false;
  if (!gm[2]) return true; // 'III' covers IIIA…IIIC
  if (!sm[2]) return undefined; // the rule wants IIIB, the record says only III
  return sm[2].startsWith(gm[2]) ? true : false;
}

function tnmCovers(rule: string, value: string): boolean | undefined {
  const norm = (x: string): string => x.replace(/^(?:y?[cpra])/i, '').toUpperCase();
  const r = norm(rule);
  const v = norm(value);
  if (v === r || v.startsWith(r)) return true;
  if (r.startsWith(v) && r.length > v.length) return undefined; // rule T3a, record T3
  return false;
}

function extentOf(c: NCancer, extent: string, p: NormalisedPatient): { value: boolean; evidence: Evidence[] } | undefined {
  const stageIV = c.stage ? /^IV/.test(foldStage(c.stage.value)) : false;
  const m1 = c.tnm.m ? /^M1/i.test(c.tnm.m.value.replace(/^[cp]/i, '')) : false;
  const metastatic = (): { value: boolean; evidence: Evidence[] } | undefined => {
    if (c.metastatic) return { value: c.metastatic.value, evidence: [ev(c.metastatic.path, c.metastatic.value)] };
    if (c.metastaticSites?.value.length) return { value: true, evidence: [ev(c.metastaticSites.path, c.metastaticSites.value)] };
    if (stageIV && c.stage) return { value: true, evidence: [ev(c.stage.path, c.stage.value, 'stage IV is metastatic')] };
    if (m1 && c.tnm.m) return { value: true, evidence: [ev(c.tnm.m.path, c.tnm.m.value, 'M1 is metastatic')] };
    return undefined;
  };
  const flag = (f: { value: boolean; path: string } | undefined, invert = false) =>
    f ? { value: invert ? !f.value : f.value, evidence: [ev(f.path, f.value)] } : undefined;
  switch (extent) {
    case 'metastatic':
      return metastatic();
    case 'locally_advanced':
      return flag(c.locallyAdvanced);
    case 'advanced': {
      // Advanced = metastatic, locally advanced or unresectable (NCI Dictionary of Cancer Terms).
      const parts = [metastatic(), flag(c.locallyAdvanced), flag(c.resectable, true)];
      const yes = parts.find((x) => x?.value === true);
      if (yes) return yes;
      return parts.every((x) => x?.value === false) ? { value: false, evidence: parts.flatMap((x) => x!.evidence) } : undefined;
    }
    case 'unresectable':
      return flag(c.resectable, true);
    case 'resectable':
      return flag(c.resectable);
    case 'recurrent':
    case 'relapsed':
      return flag(c.recurrent);
    case 'refractory': {
      if (c.refractory) return flag(c.refractory);
      const progressed = p.treatments?.find((t) => t.outcome === 'progression');
      return progressed ? { value: true, evidence: [ev(`${progressed.path}/outcome`, 'progression', 'progressed on prior therapy')] } : undefined;
    }
    case 'localized': {
      const met = metastatic();
      if (met?.value === true) return { value: false, evidence: met.evidence };
      if (met?.value === false && c.locallyAdvanced?.value === false) return { value: true, evidence: [...met.evidence, ev(c.locallyAdvanced.path, false)] };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** True if any cancer says yes, false if every cancer says no, else unknown. */
function overCancers(p: NormalisedPatient, f: (c: NCancer) => { value: boolean; evidence: Evidence[] } | undefined): FactValue {
  const list = cancers(p);
  if (!list) return UNKNOWN;
  const results = list.map(f);
  const yes = results.filter((r) => r?.value === true);
  if (yes.length) return known(true, yes.flatMap((r) => r!.evidence));
  if (results.every((r) => r?.value === false)) return known(false, results.flatMap((r) => r!.evidence));
  return UNKNOWN;
}

// ---------- biomarkers ------------------------------------------------------------------------

const DETECTED = new Set(['detected', 'positive', 'high']);
const ABSENT = new Set(['not_detected', 'wild_type', 'negative']);

/** Whether a patient result's alteration falls under the rule's; undefined when the record is too coarse. */
function alterationCovers(rule: string | undefined, result: NBiomarker, gene: string, lex: Lexicons): boolean | undefined {
  if (!rule) return true;
  const r = foldAlteration(rule);
  if (r === 'mutation' || r === 'alteration') return true;
  if (!result.alteration) return undefined;
  const a = result.alteration;
  if (a === r) return true;
  // 'V600' covers V600E/K; a protein change covers itself only.
  if (/^[A-Z]\d+$/.test(r) && a.startsWith(r)) return true;
  if (/^(?:sensiti[sz]ing|activating|actionable|driver|oncogenic) (?:mutation|alteration)$/.test(r)) {
    // Known-actionable alterations come from rules/actionable-alterations.json (CIViC level A/B);
    // one not listed there may still qualify, so it stays unknown rather than failing.
    const listed = lex.actionable.get(gene);
    const covered = listed && (listed.has(a) || [...listed].some((l) => /^[A-Z]\d+$/.test(l) && a.startsWith(l)));
    if (covered) return true;
    if (r.startsWith('sensiti') || r.startsWith('activating')) {
      return ['exon 19 deletion', 'L858R', 'G719X', 'L861Q', 'S768I'].includes(a) || /^G719/.test(a) ? true : undefined;
    }
    return undefined;
  }
  if (r === 'fusion' && /fusion|rearrangement|::/.test(a)) return true;
  return false;
}

/**
 * An actionable alteration in any gene: a detected result on the CIViC level A/B list. Never false:
 * results that show none do not tell whether every driver gene was tested.
 */
function actionableFact(p: NormalisedPatient, lex: Lexicons): FactValue {
  for (const r of p.biomarkers ?? []) {
    if (!r.status || !DETECTED.has(r.status) || !r.alteration) continue;
    const gene = [...r.ids].find((id) => lex.actionable.has(id));
    if (gene && alterationCovers('actionable alteration', r, gene, lex) === true)
      return known(true, [ev(`${r.path}/status`, r.status, `${r.name} ${r.alteration}`)]);
  }
  return UNKNOWN;
}

function receptorStatus(rule: string, result: NBiomarker): boolean | undefined {
  const s = result.status;
  const method = result.method?.toUpperCase() ?? '';
  switch (rule) {
    case 'positive':
      if (s === 'positive' || s === 'detected' || s === 'high') return true;
      if (s === 'negative' || s === 'low' || s === 'not_detected' || s === 'wild_type') return false;
      return undefined;
    case 'negative':
      // HER2-low is HER2-negative under ASCO/CAP 2023; "low" results count as negative.
      if (s === 'negative' || s === 'low' || s === 'not_detected' || s === 'wild_type') return true;
      if (s === 'positive' || s === 'detected' || s === 'high') return false;
      return undefined;
    case 'low':
      if (s === 'low') return true;
      if (s === 'positive' || s === 'detected' || s === 'high') return false;
      if (s === 'negative') {
        if (/IHC\s*0\b/.test(method)) return false;
        if (/IHC\s*(1\+|2\+)/.test(method)) return true;
        return undefined;
      }
      return undefined;
    case 'high':
      if (s === 'high') return true;
      if (s === 'negative' || s === 'low' || s === 'not_detected' || s === 'wild_type') return false;
      return undefined;
    case 'equivocal':
      if (s === 'equivocal') return true;
      return s ? false : undefined;
    default:
      return undefined;
  }
}

/** The record's own words for a cancer, with the OncoTree codes they were read as. */
function cancerEvidence(c: NCancer): Evidence[] {
  const note = `OncoTree ${c.codes.join('/')}`;
  return c.typeEvidence.length ? c.typeEvidence.map((e) => ev(e.path, e.value, note)) : [ev(`${c.path}`, c.codes.join('/'), note)];
}

function biomarkerFact(p: NormalisedPatient, params: Record<string, unknown>, lex: Lexicons): FactValue {
  const gene = String(params.gene);
  const status = String(params.status);
  const alteration = params.alteration as string | undefined;
  const origin = params.origin as string | undefined;
  if (!p.biomarkers) return UNKNOWN;
  // HR is ER and/or PR (ASCO/CAP): derived when the record reports those.
  if (gene === 'HR' && !p.biomarkers.some((b) => b.ids.has('HR'))) {
    const er = biomarkerFact(p, { ...params, gene: 'ER' }, lex);
    const pr = biomarkerFact(p, { ...params, gene: 'PR' }, lex);
    if (status === 'positive') {
      if (er.value === true || pr.value === true) return known(true, [...er.evidence, ...pr.evidence]);
      if (er.value === false && pr.value === false) return known(false, [...er.evidence, ...pr.evidence]);
    } else if (status === 'negative') {
      if (er.value === true && pr.value === true) return known(true, [...er.evidence, ...pr.evidence]);
      if (er.value === false || pr.value === false) return known(false, [...er.evidence, ...pr.evidence]);
    }
    return UNKNOWN;
  }
  const results = p.biomarkers.filter((b) => b.ids.has(gene));
  // An untested gene is unknown, never negative.
  if (!results.length) return UNKNOWN;
  const judge = (r: NBiomarker): boolean | undefined => {
    if (origin && r.origin && r.origin !== origin) return false;
    let verdict: boolean | undefined;
    if (status === 'detected') {
      if (!r.status) return undefined;
      if (ABSENT.has(r.status)) {
        // "EGFR not detected" with no alteration named rules out every EGFR alteration.
        verdict = !r.alteration || alterationCovers(alteration, r, gene, lex) === true ? false : undefined;
      } else if (DETECTED.has(r.status)) {
        // A different alteration found does not tell whether the rule's one is also present.
        verdict = alterationCovers(alteration, r, gene, lex) === true ? true : undefined;
      }
    } else {
      verdict = receptorStatus(status, r);
    }
    return verdict === true && origin && !r.origin ? undefined : verdict;
  };
  const falseEvidence: Evidence[] = [];
  for (const r of results) {
    const verdict = judge(r);
    if (verdict === true) return known(true, [ev(`${r.path}/status`, r.status, r.alteration ? `${r.name} ${r.alteration}` : r.name)]);
    if (verdict === false) falseEvidence.push(ev(`${r.path}/status`, r.status, r.alteration ? `${r.name} ${r.alteration}` : r.name));
  }
  return falseEvidence.length === results.length ? known(false, falseEvidence) : UNKNOWN;
}

function biomarkerValueFact(p: NormalisedPatient, params: Record<string, unknown>): FactValue {
  const name = String(params.name);
  const scale = params.scale as string | undefined;
  const hits = (p.biomarkers ?? []).filter((b) => b.ids.has(name) && typeof b.value === 'number' && (!scale || !b.scale || b.scale === scale));
  const exact = hits.filter((b) => !scale || b.scale === scale);
  const hit = exact[exact.length - 1];
  if (!hit) return UNKNOWN;
  return known(hit.value, [ev(`${hit.path}/value`, hit.value, `${hit.name}${hit.scale ? ` ${hit.scale}` : ''}`)]);
}

// ---------- treatments ------------------------------------------------------------------------

function treatmentMatches(t: NTreatment, f: { drugs?: string[]; classes?: string[]; kinds?: string[] }): boolean | undefined {
  const any = (xs: string[] | undefined, set: Set<string>): boolean => (xs ?? []).some((x) => set.has(x));
  if (any(f.drugs, t.drugs) || any(f.classes, t.classes) || any(f.kinds, t.kinds as Set<string>)) return true;
  // An agent known only as investigational ("an experimental compound XYZ-123") may be of any class
  // or kind: it says nothing against the one asked about.
  if (t.drugs.size === 0 && t.classes.size === 0 && t.kinds.size > 0 && [...t.kinds].every((k) => k === 'investigational')) return undefined;
  return t.recognised ? false : undefined;
}

const SETTING_ALIASES: Record<string, string[]> = {
  metastatic: ['metastatic', 'advanced', 'recurrent', 'palliative'],
  advanced: ['advanced', 'metastatic', 'recurrent', 'locally advanced', 'palliative'],
  adjuvant: ['adjuvant'],
  neoadjuvant: ['neoadjuvant', 'preoperative'],
  maintenance: ['maintenance'],
  curative: ['curative', 'adjuvant', 'neoadjuvant', 'definitive'],
};
/**
 * Settings a record may give a treatment of the queried setting under another name: definitive
 * chemoradiotherapy of a stage III cancer is treatment of locally advanced disease, given with
 * curative intent. Such a treatment leaves the query unknown, not false.
 */
const SETTING_OVERLAPS: Record<string, string[]> = {
  advanced: ['definitive', 'curative'],
};

/** Each cancer code's subtypes: the inverse of lex.cancerAncestors, built once per lexicon. */
const subtypesCache = new WeakMap<Lexicons, Map<string, Set<string>>>();
/**
 * Whether some cancer type falls under the rule's code and under every code the record gives one
 * cancer (each code counting as its own subtype): then the record may be that type.
 */
function mayBeSubtype(lex: Lexicons, recordCodes: readonly string[], rule: string): boolean {
  let subtypes = subtypesCache.get(lex);
  if (!subtypes) {
    subtypes = new Map();
    for (const [code, ancestors] of lex.cancerAncestors) for (const anc of ancestors) subtypes.set(anc, (subtypes.get(anc) ?? new Set()).add(code));
    subtypesCache.set(lex, subtypes);
  }
  const sub = subtypes;
  const isUnder = (t: string, code: string): boolean => t === code || sub.get(code)?.has(t) === true;
  // Walk the narrowest record code's types (a record's code is usually a leaf): no sets are built per query.
  let narrowest: string | undefined;
  for (const own of recordCodes) if (narrowest === undefined || (sub.get(own)?.size ?? 0) < (sub.get(narrowest)?.size ?? 0)) narrowest = own;
  if (narrowest === undefined) return false;
  const isCandidate = (t: string): boolean => isUnder(t, rule) && recordCodes.every((own) => isUnder(t, own));
  if (isCandidate(narrowest)) return true;
  for (const t of sub.get(narrowest) ?? []) if (isCandidate(t)) return true;
  return false;
}

const supportiveCache = new WeakMap<object, boolean>();
/**
 * Whether a priorTherapy query names only supportive care or concomitant medicines (classes and drugs
 * of kind 'supportive' in rules/drugs.json: steroids, immunosuppressants, G-CSF, bone-modifying
 * agents, anticoagulants, antibiotics, CYP3A inhibitors and inducers, QT-prolonging drugs…). A
 * record's treatment list is the patient's cancer treatment history, not a full medication list, so
 * not finding a steroid or warfarin there is no evidence the patient takes none.
 */
function supportiveOnly(params: Record<string, unknown>, lex: Lexicons): boolean {
  let v = supportiveCache.get(params);
  if (v === undefined) {
    const { drugs = [], classes = [], kinds = [] } = params as { drugs?: string[]; classes?: string[]; kinds?: string[] };
    const supportiveClass = (id: string): boolean => lex.classById.get(id)?.kind === 'supportive';
    v =
      drugs.length + classes.length + kinds.length > 0 &&
      kinds.every((k) => k === 'supportive') &&
      classes.every(supportiveClass) &&
      drugs.every((d) => {
        const cls = lex.drugById.get(d)?.classes ?? [];
        return cls.length > 0 && cls.every(supportiveClass);
      });
    supportiveCache.set(params, v);
  }
  return v;
}

function priorTherapyFact(p: NormalisedPatient, params: Record<string, unknown>, lex: Lexicons): FactValue {
  if (!p.treatments) return UNKNOWN;
  const f = params as {
    drugs?: string[];
    classes?: string[];
    kinds?: TreatmentKind[];
    setting?: string;
    withinDays?: number;
    outcome?: string;
    except?: { drugs?: string[]; classes?: string[]; kinds?: string[] };
  };
  let unknown = false;
  const noneEvidence: Evidence[] = [];
  for (const t of p.treatments) {
    let m = treatmentMatches(t, f);
    if (m !== false && f.except && treatmentMatches(t, f.except) === true) m = false;
    if (m === false) {
      noneEvidence.push(ev(`${t.path}/name`, t.name));
      continue;
    }
    let sure = m === true;
    const evidence: Evidence[] = [ev(`${t.path}/name`, t.name)];
    if (f.setting) {
      if (!t.setting || SETTING_OVERLAPS[f.setting]?.includes(t.setting)) sure = false;
      else if (!(SETTING_ALIASES[f.setting] ?? [f.setting]).includes(t.setting)) {
        noneEvidence.push(ev(`${t.path}/setting`, t.setting));
        continue;
      } else evidence.push(ev(`${t.path}/setting`, t.setting));
    }
    if (f.outcome) {
      if (!t.outcome) sure = false;
      else if (t.outcome !== f.outcome) {
        noneEvidence.push(ev(`${t.path}/outcome`, t.outcome));
        continue;
      } else evidence.push(ev(`${t.path}/outcome`, t.outcome));
    }
    if (f.withinDays !== undefined) {
      const last = t.outcome === 'ongoing' ? p.asOf : (t.end ?? t.start);
      if (!last) sure = false;
      else {
        const days = daysBefore(p.asOf, last);
        if (days > f.withinDays) {
          noneEvidence.push(ev(`${t.path}/${t.outcome === 'ongoing' ? 'outcome' : t.end ? 'end' : (t.startField ?? 'start')}`, last, `${days} days before ${p.asOf}`));
          continue;
        }
        evidence.push(ev(`${t.path}/${t.outcome === 'ongoing' ? 'outcome' : t.end ? 'end' : (t.startField ?? 'start')}`, last, `${days} days before ${p.asOf}`));
      }
    }
    if (sure) return known(true, evidence);
    unknown = true;
  }
  if (unknown || supportiveOnly(params, lex)) return UNKNOWN;
  return known(false, noneEvidence.length ? noneEvidence : [ev('/treatments', [], 'no treatments reported')]);
}

function priorLinesFact(p: NormalisedPatient, params: Record<string, unknown>): FactValue {
  if (!p.treatments) return UNKNOWN;
  const setting = params.setting as string | undefined;
  const kinds = (params.kinds as string[] | undefined) ?? ['systemic'];
  const only = { drugs: params.drugs as string[] | undefined, classes: params.classes as string[] | undefined };
  const filtered = Boolean(only.drugs?.length || only.classes?.length);
  const systemic = p.treatments.filter((t) => kinds.some((k) => t.kinds.has(k as TreatmentKind)) || !t.recognised);
  if (systemic.some((t) => !t.recognised)) return UNKNOWN;
  let relevant = systemic;
  if (setting) {
    if (relevant.some((t) => !t.setting)) return UNKNOWN;
    relevant = relevant.filter((t) => (SETTING_ALIASES[setting] ?? [setting]).includes(t.setting!));
  }
  // "Two prior platinum-containing regimens": a line counts when one of its treatments has the drug or class.
  const counts = (t: NTreatment): boolean => !filtered || treatmentMatches(t, only) === true;
  if (!relevant.some(counts)) return known(0, [ev('/treatments', p.treatments.length, filtered ? 'no prior line with the named drugs or classes reported' : 'no prior systemic therapy reported')]);
  // Lines: the record's own line numbers when given; otherwise treatments that started together
  // are one regimen. Without either, the count cannot be told.
  const countBy = (key: (t: NTreatment) => unknown): number => {
    const keys = new Set(relevant.map(key));
    return [...keys].filter((k) => relevant.some((t) => key(t) === k && counts(t))).length;
  };
  if (relevant.every((t) => typeof t.line === 'number')) {
    return known(countBy((t) => t.line), relevant.filter(counts).map((t) => ev(`${t.path}/line`, t.line)));
  }
  if (relevant.every((t) => t.start)) {
    return known(countBy((t) => t.start), relevant.filter(counts).map((t) => ev(`${t.path}/start`, t.start, 'regimens counted by start date')));
  }
  const matching = relevant.filter(counts);
  return matching.length === 1 && (filtered || relevant.length === 1) ? known(1, [ev(`${matching[0]!.path}/name`, matching[0]!.name)]) : UNKNOWN;
}

// ---------- performance status ----------------------------------------------------------------

function ecogFact(p: NormalisedPatient, lex: Lexicons): FactValue {
  if (p.ecog) return known(p.ecog.value, [ev(p.ecog.path, p.ecog.value)]);
  if (p.karnofsky) {
    const row = lex.performance.ecogKarnofsky.find((r) => p.karnofsky!.value >= r.karnofskyMin && p.karnofsky!.value <= r.karnofskyMax);
    if (row) return known(row.ecog, [ev(p.karnofsky.path, p.karnofsky.value, `Karnofsky ${p.karnofsky.value} is ECOG ${row.ecog}`)]);
  }
  return UNKNOWN;
}

function karnofskyFact(p: NormalisedPatient, lex: Lexicons): FactValue {
  if (p.karnofsky) return known(p.karnofsky.value, [ev(p.karnofsky.path, p.karnofsky.value)]);
  if (p.ecog) {
    const row = lex.performance.ecogKarnofsky.find((r) => r.ecog === p.ecog!.value);
    if (row) {
      const value = row.karnofskyMin === row.karnofskyMax ? row.karnofskyMin : new NumericRange(row.karnofskyMin, row.karnofskyMax);
      return known(value, [ev(p.ecog.path, p.ecog.value, `ECOG ${p.ecog.value} is Karnofsky ${row.karnofskyMin}–${row.karnofskyMax}`)]);
    }
  }
  return UNKNOWN;
}

// ---------- conditions and other cancers ------------------------------------------------------

function conditionFact(lex: Lexicons, p: NormalisedPatient, params: Record<string, unknown>): FactValue {
  if (!p.conditions) return UNKNOWN;
  const names = params.names as string[];
  // A condition recorded only as a broader kind of the one asked about ("bleeding" when the
  // criterion asks about hemoptysis) may be it: unknown, not no.
  const broader = new Set(names.flatMap((n) => [...(lex.conditionAncestors.get(n) ?? [])].filter((a) => a !== n)));
  const except = new Set((params.except as string[] | undefined) ?? []);
  const active = params.active as boolean | undefined;
  const withinYears = params.withinYears as number | undefined;
  const asOfYear = Number(p.asOf.slice(0, 4));
  let unknown = false;
  for (const c of p.conditions) {
    if (!names.some((n) => c.ids.has(n))) {
      if (c.ids.size === 0 && c.cancerLineage.size === 0) unknown = true; // unrecognised: may be it
      else if ([...c.ownIds].some((id) => broader.has(id))) unknown = true;
      continue;
    }
    if ([...c.ids].some((id) => except.has(id)) && !names.some((n) => except.has(n))) continue;
    let sure = true;
    if (active) {
      if (!c.status || c.status === 'controlled') sure = false;
      else if (c.status === 'resolved' || c.status === 'history') continue;
    }
    if (withinYears !== undefined) {
      if (c.status === 'active') {
        // Active now is within any window.
      } else if (!c.year) sure = false;
      else if (asOfYear - c.year > withinYears) continue;
    }
    if (sure) return known(true, [ev(`${c.path}/name`, c.name, c.status ? `status ${c.status}` : undefined)]);
    unknown = true;
  }
  // Each reported condition is cited at its own path, so evidence from a FHIR bundle names the
  // resource it came from; an empty list is cited whole.
  const none = p.conditions.map((c) => ev(`${c.path}/name`, c.name, 'not one of the conditions asked about'));
  return unknown ? UNKNOWN : known(false, none.length ? none : [ev('/conditions', [], 'no conditions reported')]);
}

function otherMalignancyFact(p: NormalisedPatient, params: Record<string, unknown>): FactValue {
  const withinYears = params.withinYears as number | undefined;
  const excluding = (params.excluding as string[] | undefined) ?? [];
  const active = params.active === true;
  const asOfYear = Number(p.asOf.slice(0, 4));
  const candidates: Array<{ path: string; lineage: Set<string>; year?: number; text: string; status?: string }> = [];
  // Beyond the first listed cancer, further cancers in `cancers` are other malignancies.
  for (const c of (p.cancers ?? []).slice(1)) {
    const year = c.diagnosisDate ? Number(c.diagnosisDate.value.slice(0, 4)) : undefined;
    candidates.push({ path: c.path, lineage: c.lineage, ...(year ? { year } : {}), text: c.codes.join('/') });
  }
  for (const c of p.conditions ?? []) {
    if (c.cancerLineage.size)
      candidates.push({ path: `${c.path}/name`, lineage: c.cancerLineage, ...(c.year ? { year: c.year } : {}), text: c.name, ...(c.status ? { status: c.status } : {}) });
  }
  let unknown = false;
  for (const c of candidates) {
    if (excluding.some((x) => c.lineage.has(x))) continue;
    // "Another malignancy that is progressing or requires active treatment": a resolved or past
    // cancer does not count; one without a status (or merely controlled) may or may not be active.
    if (active) {
      if (c.status === 'resolved' || c.status === 'history') continue;
      if (c.status !== 'active') {
        unknown = true;
        continue;
      }
    }
    // A cancer active now is one within any window, however long ago it was diagnosed ("another
    // malignancy within the past 3 years" holds for a cancer diagnosed 5 years ago and still treated).
    if (withinYears !== undefined && c.status !== 'active') {
      if (!c.year) {
        unknown = true;
        continue;
      }
      if (asOfYear - c.year > withinYears) continue;
    }
    return known(true, [ev(c.path, c.text)]);
  }
  if (unknown) return UNKNOWN;
  // Without a conditions list the record cannot rule other cancers out.
  if (!p.conditions || !p.cancers) return UNKNOWN;
  const none = p.conditions.map((c) => ev(`${c.path}/name`, c.name, 'not another cancer'));
  return known(false, none.length ? none : [ev('/conditions', [], 'no other cancer reported')]);
}

/**
 * Metastases of the cancer under study, counted in the brain, outside it or in all. A cancer that has
 * not spread has none anywhere; the record says nothing of which metastases are progressing, so a
 * count of those is known only when there are none at all.
 */
function metastasisCountFact(c: NCancer | undefined, params: Record<string, unknown>): FactValue {
  if (!c) return UNKNOWN;
  if (c.metastatic?.value === false) return known(0, [ev(c.metastatic.path, false, 'no metastases')]);
  const total = c.metastasisCount;
  if (total?.value === 0) return known(0, [ev(total.path, 0)]);
  if (params.progressive) return UNKNOWN;
  const brain =
    c.brainMetastasisCount ??
    (c.brainMetastases?.value === 'none' ? { value: 0, path: c.brainMetastases.path } : undefined);
  if (params.site === 'brain') return brain ? known(brain.value, [ev(brain.path, brain.value)]) : UNKNOWN;
  if (!total) return UNKNOWN;
  if (params.site === 'extracranial') {
    if (!brain) return UNKNOWN;
    const v = Math.max(0, total.value - brain.value);
    return known(v, [ev(total.path, total.value), ev(brain.path, brain.value, `${v} outside the brain`)]);
  }
  return numberFact(total);
}

// ---------- the table -------------------------------------------------------------------------

function numberFact(s: { value: number; path: string } | undefined): FactValue {
  return s ? known(s.value, [ev(s.path, s.value)]) : UNKNOWN;
}

export function factTable(lex: Lexicons): FactTable<NormalisedPatient> {
  return {
    age: (p) => numberFact(p.age),
    // Trials state eligibility as female or male; a record saying "other" cannot settle that either
    // way, so it stays unknown (a question for the coordinator) rather than failing the patient.
    sex: (p) => (p.sex && p.sex.value !== 'other' ? known(p.sex.value, [ev(p.sex.path, p.sex.value)]) : UNKNOWN),
    cancerType: (p, params) => {
      const codes = params.codes as string[];
      return overCancers(p, (c) => {
        if (!c.codes.length) return undefined;
        if (codes.some((x) => c.lineage.has(x))) return { value: true, evidence: cancerEvidence(c) };
        // A rule more specific than the record (rule NSCLC, record "lung cancer") cannot be decided.
        if (codes.some((x) => c.codes.some((own) => lex.cancerAncestors.get(x)?.has(own)))) return undefined;
        // Nor can one the record may be: some type falls under the rule and under all the record says
        // (record "squamous cell carcinoma" with no organ, rule NSCLC; record NSCLC with no
        // histology, rule "squamous cell carcinoma (any site)": lung squamous cell carcinoma is both).
        // Head and neck squamous cell carcinoma falls under no NSCLC type: that record is decided.
        if (codes.some((x) => mayBeSubtype(lex, c.codes, x))) return undefined;
        return { value: false, evidence: cancerEvidence(c) };
      });
    },
    stage: (p, params) =>
      overCancers(p, (c) => {
        if (!c.stage) return undefined;
        const verdicts = (params.groups as string[]).map((g) => stageCovers(g, c.stage!.value));
        if (verdicts.includes(true)) return { value: true, evidence: [ev(c.stage.path, c.stage.value)] };
        if (verdicts.every((v) => v === false)) return { value: false, evidence: [ev(c.stage.path, c.stage.value)] };
        return undefined;
      }),
    tnm: (p, params) =>
      overCancers(p, (c) => {
        const v = c.tnm[params.category as 't' | 'n' | 'm'];
        if (!v) return undefined;
        const verdicts = (params.values as string[]).map((r) => tnmCovers(r, v.value));
        if (verdicts.includes(true)) return { value: true, evidence: [ev(v.path, v.value)] };
        if (verdicts.every((x) => x === false)) return { value: false, evidence: [ev(v.path, v.value)] };
        return undefined;
      }),
    diseaseExtent: (p, params) => overCancers(p, (c) => extentOf(c, String(params.extent), p)),
    measurableDisease: (p) => overCancers(p, (c) => (c.measurableDisease ? { value: c.measurableDisease.value, evidence: [ev(c.measurableDisease.path, c.measurableDisease.value)] } : undefined)),
    // The first cancer of a record is the one under study (later ones are other malignancies, as
    // otherMalignancy reads them): its status, size and margins are the ones trials ask about.
    diseaseStatus: (p) => {
      const s = cancers(p)?.[0]?.status;
      return s ? known(s.value, [ev(s.path, s.value)]) : UNKNOWN;
    },
    tumorSize: (p) => numberFact(cancers(p)?.[0]?.tumorSizeCm),
    metastasisCount: (p, params) => metastasisCountFact(cancers(p)?.[0], params),
    resectionMargin: (p) => {
      const r = cancers(p)?.[0]?.resectionMargin;
      return r ? known(r.value, [ev(r.path, r.value)]) : UNKNOWN;
    },
    biomarker: (p, params) => biomarkerFact(p, params, lex),
    actionableAlteration: (p) => actionableFact(p, lex),
    biomarkerValue: (p, params) => biomarkerValueFact(p, params),
    priorTherapy: (p, params) => priorTherapyFact(p, params, lex),
    priorLines: (p, params) => priorLinesFact(p, params),
    ecog: (p) => ecogFact(p, lex),
    karnofsky: (p) => karnofskyFact(p, lex),
    lab: (p, params) => {
      const lab = p.labs?.get(String(params.name));
      if (!lab || lab.value === undefined) return UNKNOWN;
      const rule = lex.labById.get(lab.id);
      if (rule && params.unit !== rule.unit) return UNKNOWN; // rules are written in the lab's rule unit
      return known(lab.value, [ev(`${lab.path}/value`, lab.value, `${lab.id} in ${rule?.unit ?? ''}`)]);
    },
    labUln: (p, params) => multipleOfLimit(p, String(params.name), 'uln'),
    labLln: (p, params) => multipleOfLimit(p, String(params.name), 'lln'),
    brainMetastases: (p) => {
      const list = cancers(p);
      if (!list) return UNKNOWN;
      const states = list.map((c) => c.brainMetastases);
      const active = states.find((s) => s?.value === 'active');
      if (active) return known('active', [ev(active.path, active.value)]);
      const treated = states.find((s) => s?.value === 'treated-stable');
      if (treated) return known('treated-stable', [ev(treated.path, treated.value)]);
      if (states.every((s) => s?.value === 'none')) return known('none', states.map((s) => ev(s!.path, s!.value)));
      return UNKNOWN;
    },
    pregnant: (p) => {
      if (p.pregnant) return known(p.pregnant.value, [ev(p.pregnant.path, p.pregnant.value)]);
      if (p.sex?.value === 'male') return known(false, [ev(p.sex.path, 'male', 'cannot be pregnant')]);
      return UNKNOWN;
    },
    breastfeeding: (p) => {
      if (p.breastfeeding) return known(p.breastfeeding.value, [ev(p.breastfeeding.path, p.breastfeeding.value)]);
      if (p.sex?.value === 'male') return known(false, [ev(p.sex.path, 'male', 'not breastfeeding')]);
      return UNKNOWN;
    },
    metastaticSite: (p, params) => metastaticSiteFact(p, params),
    condition: (p, params) => conditionFact(lex, p, params),
    otherMalignancy: (p, params) => otherMalignancyFact(p, params),
    lifeExpectancyMonths: (p) => numberFact(p.lifeExpectancyMonths),
    attestation: (p, params) => {
      const a = p.attestations.get(String(params.topic));
      return a ? known(a.value, [ev(a.path, a.value)]) : UNKNOWN;
    },
    // Asks nothing of the record: met by every patient, on no evidence (evidence points into the record).
    noRequirement: () => known(true, []),
    unparsed: () => UNKNOWN,
  };
}

// ---------- labs ------------------------------------------------------------------------------

/**
 * The latest result as a multiple of a limit of its normal range, both in the unit the record
 * wrote them in (the range comes with the result, so no conversion is needed).
 */
function multipleOfLimit(p: NormalisedPatient, name: string, limit: 'uln' | 'lln'): FactValue {
  const lab = p.labs?.get(name);
  const bound = lab?.[limit];
  if (!lab || bound === undefined || !lab.path) return UNKNOWN;
  const raw = p.record.labs?.[Number(lab.path.split('/')[2])]?.value;
  if (typeof raw !== 'number') return UNKNOWN;
  const ratio = Math.round((raw / bound) * 1000) / 1000;
  return known(ratio, [ev(`${lab.path}/value`, raw, `${ratio} × ${limit.toUpperCase()} (${bound})`)]);
}

// ---------- metastatic sites ------------------------------------------------------------------

interface SiteMatcher {
  /** Site or group id → the site ids it covers (a site covers itself). */
  covers: Map<string, Set<string>>;
  /** Group id → record words for its organs that have no site id ("kidney" for visceral). */
  others: Map<string, RegExp>;
  /** Record terms, longest first, each with its site id (and a global copy for blanking it out). */
  terms: Array<{ re: RegExp; all: RegExp; id: string }>;
}

let siteMatcher: SiteMatcher | undefined;

function sites(): SiteMatcher {
  if (siteMatcher) return siteMatcher;
  const file = metastaticSiteLexicon();
  const word = (t: string): RegExp => new RegExp(`\\b${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  const covers = new Map<string, Set<string>>(file.sites.map((s) => [s.id, new Set([s.id])]));
  for (const g of file.groups) covers.set(g.id, new Set(g.members));
  const others = new Map(
    file.groups
      .filter((g) => g.otherMembers?.length)
      .map((g) => [g.id, new RegExp(`\\b(?:${g.otherMembers!.join('|')})\\b`, 'i')] as const),
  );
  const terms = file.sites
    .flatMap((s) => s.recordTerms.map((t) => ({ t, id: s.id })))
    .sort((a, b) => b.t.length - a.t.length)
    .map(({ t, id }) => ({ re: word(t), all: new RegExp(word(t).source, 'gi'), id }));
  siteMatcher = { covers, others, terms };
  return siteMatcher;
}

/** Site ids a record's site text names ("liver and intrahepatic bile duct" → liver); longer terms first, so "bone marrow" is not bone. */
function recordSiteIds(text: string, m: SiteMatcher): Set<string> {
  const ids = new Set<string>();
  let rest = text;
  for (const { re, all, id } of m.terms) {
    if (!re.test(rest)) continue;
    ids.add(id);
    rest = rest.replace(all, ' ');
  }
  return ids;
}

/**
 * Whether the cancer has spread to one of the sites. A record site names a site when its text has one
 * of the site's record terms; a site text nothing here recognises may be any site, so a list with one
 * leaves "no" unknown. Lymph-node metastases are not in the list (the import cannot tell regional
 * from distant nodes), which is also why `only` is never answered yes: nodes may lie outside the sites.
 */
function metastaticSiteFact(p: NormalisedPatient, params: Record<string, unknown>): FactValue {
  const m = sites();
  const wanted = params.sites as string[];
  const only = params.only === true;
  const covered = new Set(wanted.flatMap((id) => [...(m.covers.get(id) ?? [])]));
  const otherWords = wanted.map((id) => m.others.get(id)).filter((r): r is RegExp => !!r);
  return overCancers(p, (c) => {
    const list = c.metastaticSites?.value;
    if (list?.length) {
      const evidence = [ev(c.metastaticSites!.path, list)];
      const verdicts = list.map((site): boolean | undefined => {
        if (otherWords.some((r) => r.test(site))) return true;
        const ids = recordSiteIds(site, m);
        if (!ids.size) return undefined;
        return [...ids].some((id) => covered.has(id));
      });
      if (only) return verdicts.includes(false) ? { value: false, evidence } : undefined;
      if (verdicts.includes(true)) return { value: true, evidence };
      return verdicts.every((v) => v === false) ? { value: false, evidence } : undefined;
    }
    // A record that says the cancer has not spread (or lists no site and no spread) answers no.
    if (c.metastatic?.value === false) return { value: false, evidence: [ev(c.metastatic.path, false)] };
    if (list && c.metastatic?.value !== true) return { value: false, evidence: [ev(c.metastaticSites!.path, list)] };
    return undefined;
  });
}
