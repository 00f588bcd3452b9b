/**
 * The in-memory matching index: every stored trial with its criteria compiled once, plus cheap
 * prefilters (status, phase, structured age and sex, required cancer types through the OncoTree
 * hierarchy, distance) that skip trials before any criterion runs. Built from the store and rebuilt
 * when the store changes (see match-service.ts).
 */
import { leavesOf, type Condition } from '../criteria/facts';
import type { Lexicons } from '../criteria/lexicon';
import type { ParsedCriterion } from '../criteria/parse';
import { haversineKm, locate } from '../geo/places';
import type { NormalisedPatient } from '../patients/normalise';
import type { StoredSite } from '../store/schema';
import { TRUE, UNKNOWN, type FactTable } from './compile';
import {
  alwaysUnknown,
  explainCriterion,
  gapCriteria,
  RuleCompiler,
  RuleResults,
  structuredCriteria,
  toTrialCriterion,
  verdictOf,
  type CompiledCriterion,
  type CriterionResult,
  type Verdict,
} from './evaluate';
import { compareParts, DISEASE_WEIGHTS, kthLargest, phaseNumber, score, type ScoreParts } from './rank';

export interface TrialInput {
  nctId: string;
  title: string;
  phases: string[];
  overallStatus: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  sex: string | null;
  sites: StoredSite[];
  /** The conditionsModule's conditions: they stand in for a cancer type the text does not name. */
  conditions: string[];
  criteria: ParsedCriterion[];
}

interface Site {
  facility: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  status: string | null;
  lat: number;
  lon: number;
}

export interface IndexedTrial {
  /** Position in TrialIndex.trials, which also indexes its slice of the flat rule arrays. */
  pos: number;
  nctId: string;
  title: string;
  phases: string[];
  phase: number;
  overallStatus: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  sex: string | null;
  /** Open sites (recruiting, or no status given) that could be placed on the map. */
  openSites: Site[];
  criteria: CompiledCriterion[];
  /** Each set lists cancer codes of which the patient must have one (from inclusion criteria). */
  requiredCancer: string[][];
}

export interface MatchOptions {
  statuses?: string[] | undefined;
  phases?: string[] | undefined;
  maxDistanceKm?: number | undefined;
  limit: number;
  includeIneligible: boolean;
  trials?: string[] | undefined;
}

export interface TrialMatch {
  nctId: string;
  title: string;
  phases: string[];
  overallStatus: string | null;
  verdict: Verdict;
  score: number;
  scoreParts: ScoreParts;
  nearestSite: (Omit<Site, 'lat' | 'lon'> & { lat: number; lon: number; distanceKm: number }) | null;
  criteria: CriterionResult[];
}

export interface MatchResult {
  matches: TrialMatch[];
  /** How many trials each stage kept, for clients that want to show "n of m". */
  counts: { indexed: number; considered: number; evaluated: number; eligible: number; possible: number; ineligible: number };
}

export const DEFAULT_STATUSES = ['RECRUITING', 'NOT_YET_RECRUITING'];
/** Groups too broad to make a trial "specific" to the patient's cancer. */
const BROAD = new Set(['ANY_CANCER', 'SOLID', 'HEME']);

/** Cancer codes the patient must have one of for this rule to hold, or null when it cannot be said. */
function requiredCodes(c: Condition): string[] | null {
  if ('all' in c) {
    let best: string[] | null = null;
    for (const k of c.all) {
      const r = requiredCodes(k);
      if (r && (!best || r.length < best.length)) best = r;
    }
    return best;
  }
  if ('any' in c) {
    const parts = c.any.map(requiredCodes);
    return parts.every((p) => p) ? [...new Set(parts.flatMap((p) => p!))] : null;
  }
  if (c.fact === 'cancerType' && c.operator === 'equal' && c.value === true) {
    return (c.params as { codes?: string[] } | undefined)?.codes ?? null;
  }
  return null;
}

/** Layout of a criterion word: flags in the low bits, a 4-bit disease weight, the rule id above. */
const CRITERION_BITS = { exclusion: 1, biomarker: 2, cancer: 4, weightShift: 3, weightMask: 15, ruleShift: 7 } as const;

function criterionWord(ruleId: number, exclusion: boolean, weight: number, biomarker: boolean, cancer: boolean): number {
  if (weight > CRITERION_BITS.weightMask || ruleId >= 2 ** (31 - CRITERION_BITS.ruleShift)) {
    throw new Error(`criterion word overflow: weight ${weight}, rule id ${ruleId}`);
  }
  return (
    (ruleId << CRITERION_BITS.ruleShift) |
    (weight << CRITERION_BITS.weightShift) |
    (exclusion ? CRITERION_BITS.exclusion : 0) |
    (biomarker ? CRITERION_BITS.biomarker : 0) |
    (cancer ? CRITERION_BITS.cancer : 0)
  );
}

interface Scan {
  failed: boolean;
  unknowns: number;
  diseaseWeight: number;
  cancerSpecific: boolean;
  biomarkerSpecific: boolean;
}

const newScan = (): Scan => ({ failed: false, unknowns: 0, diseaseWeight: 0, cancerSpecific: false, biomarkerSpecific: false });

/** One number that orders as compareParts does up to distance: verdict, disease weight, specificity, unknowns. */
function rankKey(verdict: Verdict, s: Scan): number {
  const v = verdict === 'eligible' ? 2 : verdict === 'possible' ? 1 : 0;
  return v * 1e12 + s.diseaseWeight * 1e8 + ((s.cancerSpecific ? 2 : 0) + (s.biomarkerSpecific ? 2 : 0)) * 1e6 - s.unknowns;
}

function scoreParts(t: IndexedTrial, verdict: Verdict, s: Scan, nearest: TrialMatch['nearestSite']): ScoreParts {
  return {
    verdict,
    diseaseWeight: s.diseaseWeight,
    specificity: (s.cancerSpecific ? 2 : 0) + (s.biomarkerSpecific ? 2 : 0),
    unknowns: s.unknowns,
    criteria: t.criteria.length,
    distanceKm: nearest?.distanceKm ?? null,
    phase: t.phase,
  };
}

export class TrialIndex {
  readonly trials: IndexedTrial[];
  private readonly byId: Map<string, IndexedTrial>;
  private readonly offsets: Int32Array;
  /**
   * Per flat criterion, one word (see CRITERION_BITS): its rule id, whether it is an exclusion, the
   * DISEASE_WEIGHTS of its category, and whether it has a biomarker / a cancer-type leaf. One word
   * read per criterion instead of five arrays: the scan visits over 100,000 criteria a request.
   */
  private readonly words: Int32Array;
  /** Per trial, how many of its criteria are unknown for every patient; they have no word. */
  private readonly unreadCount: Int32Array;
  /** Cancer-type codes of each interned rule, by rule id, for specificity. */
  private readonly ruleCancerCodes: Array<string[][] | undefined> = [];
  /** Per trial, for the prefilters: status id, age limits (NaN when none), sex (0 any, 1 female, 2 male). */
  private readonly statusNames: string[] = [];
  private readonly statusId: Uint8Array;
  private readonly minAge: Float64Array;
  private readonly maxAge: Float64Array;
  private readonly sexCode: Uint8Array;
  /**
   * Per trial, ids of its required cancer-code sets (interned: the same set recurs across trials),
   * flat: trial i's ids are requiredSets[requiredFrom[i]] up to requiredFrom[i + 1].
   */
  private readonly requiredFrom: Int32Array;
  private readonly requiredSets: Int32Array;
  private readonly requiredSetCodes: string[][] = [];

  constructor(
    inputs: TrialInput[],
    private readonly lex: Lexicons,
    facts: FactTable<NormalisedPatient>,
    private readonly compiler = new RuleCompiler(facts),
  ) {
    const placeCache = new Map<string, { lat: number; lon: number } | null>();
    const place = (s: StoredSite): { lat: number; lon: number } | null => {
      if (s.lat !== null && s.lon !== null) return { lat: s.lat, lon: s.lon };
      const key = `${s.zip}|${s.city}|${s.state}|${s.country}`;
      if (!placeCache.has(key)) {
        const p = locate({ postalCode: s.zip, city: s.city, state: s.state, country: s.country });
        placeCache.set(key, p ? { lat: p.lat, lon: p.lon } : null);
      }
      return placeCache.get(key)!;
    };
    this.trials = inputs.map((t) => {
      const textNamesCancer = t.criteria.some(
        (c) => c.kind === 'inclusion' && leavesOf(c.rule).some((l) => l.fact === 'cancerType'),
      );
      const criteria = [...structuredCriteria(t), ...gapCriteria(t, textNamesCancer, lex), ...t.criteria.map(toTrialCriterion)].map(
        (criterion) => ({ criterion, ruleId: compiler.intern(criterion.rule) }),
      );
      const requiredCancer = criteria
        .filter((c) => c.criterion.kind === 'inclusion' && c.criterion.status !== 'unparsed')
        .map((c) => requiredCodes(c.criterion.rule))
        .filter((r): r is string[] => Boolean(r?.length));
      const openSites: Site[] = [];
      for (const s of t.sites) {
        if (s.status && s.status !== 'RECRUITING') continue;
        const p = place(s);
        if (p) openSites.push({ facility: s.facility, city: s.city, state: s.state, country: s.country, status: s.status, ...p });
      }
      return {
        pos: 0,
        nctId: t.nctId,
        title: t.title,
        phases: t.phases,
        phase: phaseNumber(t.phases),
        overallStatus: t.overallStatus,
        minAgeYears: t.minAgeYears,
        maxAgeYears: t.maxAgeYears,
        sex: t.sex,
        openSites,
        criteria,
        requiredCancer,
      };
    });
    this.byId = new Map(this.trials.map((t) => [t.nctId, t]));
    // Every trial's criteria as one flat run of rule ids and exclusion flags: the match loop walks
    // typed arrays instead of objects, which keeps 20,000 trials in cache and makes no garbage.
    // Criteria whose rule is unknown for every patient (see alwaysUnknown: about a third of them,
    // the unread ones) are counted per trial and left out of the flat arrays, so the scan never
    // visits them.
    const unread = this.trials.map((t) => t.criteria.map((c) => alwaysUnknown(c.criterion.rule)));
    this.offsets = new Int32Array(this.trials.length + 1);
    this.unreadCount = new Int32Array(this.trials.length);
    let n = 0;
    this.trials.forEach((t, i) => {
      t.pos = i;
      this.offsets[i] = n;
      for (const u of unread[i]!) {
        if (u) this.unreadCount[i]!++;
        else n++;
      }
    });
    this.offsets[this.trials.length] = n;
    const statusIds = new Map<string, number>();
    const setIds = new Map<string, number>();
    this.statusId = new Uint8Array(this.trials.length);
    this.minAge = new Float64Array(this.trials.length);
    this.maxAge = new Float64Array(this.trials.length);
    this.sexCode = new Uint8Array(this.trials.length);
    const requiredSets: number[] = [];
    this.requiredFrom = new Int32Array(this.trials.length + 1);
    this.trials.forEach((t, i) => {
      const status = t.overallStatus ?? '';
      if (!statusIds.has(status)) {
        statusIds.set(status, this.statusNames.length);
        this.statusNames.push(status);
      }
      this.statusId[i] = statusIds.get(status)!;
      this.minAge[i] = t.minAgeYears === null ? NaN : Math.floor(t.minAgeYears);
      this.maxAge[i] = t.maxAgeYears === null ? NaN : Math.floor(t.maxAgeYears);
      this.sexCode[i] = t.sex === 'FEMALE' ? 1 : t.sex === 'MALE' ? 2 : 0;
      this.requiredFrom[i] = requiredSets.length;
      for (const codes of t.requiredCancer) {
        const key = [...codes].sort().join('|');
        if (!setIds.has(key)) {
          setIds.set(key, this.requiredSetCodes.length);
          this.requiredSetCodes.push(codes);
        }
        requiredSets.push(setIds.get(key)!);
      }
    });
    this.requiredFrom[this.trials.length] = requiredSets.length;
    this.requiredSets = Int32Array.from(requiredSets);
    this.words = new Int32Array(n);
    for (const t of this.trials) {
      let j = this.offsets[t.pos]!;
      t.criteria.forEach((c, k) => {
        if (unread[t.pos]![k]) return;
        const leaves = leavesOf(c.criterion.rule);
        const cancerCodes = leaves.filter((l) => l.fact === 'cancerType').map((l) => (l.params as { codes?: string[] } | undefined)?.codes ?? []);
        this.words[j] = criterionWord(
          c.ruleId,
          c.criterion.kind === 'exclusion',
          // A criterion that states no requirement passes for everyone and weighs nothing.
          leaves.every((l) => l.fact === 'noRequirement') ? 0 : (DISEASE_WEIGHTS[c.criterion.category] ?? 0),
          leaves.some((l) => l.fact === 'biomarker' || l.fact === 'biomarkerValue'),
          cancerCodes.length > 0,
        );
        if (cancerCodes.length) this.ruleCancerCodes[c.ruleId] = cancerCodes;
        j++;
      });
    }
  }

  get size(): number {
    return this.trials.length;
  }

  get(nctId: string): IndexedTrial | undefined {
    return this.byId.get(nctId);
  }

  /**
   * A test of "a structured field or a required cancer type already rules the patient out", by
   * trial position, over the typed arrays; each distinct required cancer set is judged once.
   */
  private prefilter(p: NormalisedPatient): (i: number) => boolean {
    const age = p.age?.value;
    const sex = p.sex && p.sex.value !== 'other' ? (p.sex.value === 'female' ? 1 : 2) : 0;
    const cancers = p.cancers?.length && p.cancers.every((c) => c.codes.length) ? p.cancers : null;
    const setMemo = new Uint8Array(this.requiredSetCodes.length);
    const setPossible = (id: number): boolean => {
      let m = setMemo[id]!;
      if (m === 0) {
        const required = this.requiredSetCodes[id]!;
        const possible = cancers!.some((c) =>
          required.some((code) => c.lineage.has(code) || c.codes.some((own) => this.lex.cancerAncestors.get(code)?.has(own))),
        );
        m = possible ? 1 : 2;
        setMemo[id] = m;
      }
      return m === 1;
    };
    return (i) => {
      if (age !== undefined && (age < this.minAge[i]! || age > this.maxAge[i]!)) return true;
      if (sex && this.sexCode[i] && this.sexCode[i] !== sex) return true;
      if (cancers) {
        for (let k = this.requiredFrom[i]!, to = this.requiredFrom[i + 1]!; k < to; k++) if (!setPossible(this.requiredSets[k]!)) return true;
      }
      return false;
    };
  }

  private nearest(t: IndexedTrial, p: NormalisedPatient): TrialMatch['nearestSite'] {
    if (!p.location || !t.openSites.length) return null;
    let best: TrialMatch['nearestSite'] = null;
    for (const s of t.openSites) {
      const d = haversineKm(p.location, s);
      if (!best || d < best.distanceKm) best = { ...s, distanceKm: Math.round(d * 10) / 10 };
    }
    return best;
  }

  match(patient: NormalisedPatient, options: MatchOptions): MatchResult {
    const ctx = this.compiler.context(patient);
    const results = new RuleResults(this.compiler, ctx);
    const wanted = options.trials ? new Set(options.trials) : null;
    const statuses = options.statuses ?? (wanted ? null : DEFAULT_STATUSES);
    const phases = options.phases?.length ? new Set(options.phases) : null;
    const counts = { indexed: this.trials.length, considered: 0, evaluated: 0, eligible: 0, possible: 0, ineligible: 0 };
    const candPos: number[] = [];
    const candKey: number[] = [];
    const nearestAt = new Map<number, TrialMatch['nearestSite']>();
    const scratch = newScan();
    const specific = this.specificRules(patient);
    const statusMask = statuses ? this.statusNames.map((name) => statuses.includes(name)) : null;
    const positions = wanted ? [...wanted].flatMap((id) => (this.byId.has(id) ? [this.byId.get(id)!.pos] : [])) : null;
    const quickOut = options.includeIneligible ? null : this.prefilter(patient);
    const n = positions ? positions.length : this.trials.length;
    for (let q = 0; q < n; q++) {
      const i = positions ? positions[q]! : q;
      if (statusMask && !statusMask[this.statusId[i]!]) continue;
      // The trial object is read only when a filter needs it: most requests need the flat arrays alone.
      if (phases && !this.trials[i]!.phases.some((ph) => phases.has(ph))) continue;
      counts.considered++;
      if (quickOut?.(i)) {
        counts.ineligible++;
        continue;
      }
      // One pass over the trial's slice of the flat arrays settles the verdict and the ranking
      // parts. Most trials fail a criterion, and without includeIneligible the first failure ends
      // the trial. Nothing is allocated per trial: 20,000 trials a request must make no garbage.
      if (options.maxDistanceKm !== undefined) {
        const nearest = this.nearest(this.trials[i]!, patient);
        if (!nearest || nearest.distanceKm > options.maxDistanceKm) continue;
        nearestAt.set(i, nearest);
      }
      counts.evaluated++;
      this.scan(i, results, specific, !options.includeIneligible, scratch);
      if (scratch.failed && !options.includeIneligible) {
        counts.ineligible++;
        continue;
      }
      const verdict: Verdict = scratch.failed ? 'ineligible' : scratch.unknowns ? 'possible' : 'eligible';
      if (verdict === 'ineligible') counts.ineligible++;
      else if (verdict === 'possible') counts.possible++;
      else counts.eligible++;
      candPos.push(i);
      candKey.push(rankKey(verdict, scratch));
    }
    // Only trials that can reach the top `limit` are ranked in full (distance, phase, id): those
    // whose key (verdict, disease weight, specificity, unknowns) is at least the limit-th best.
    // The nearest of a trial's sites (hundreds for some) is looked up for those alone.
    const threshold = kthLargest(candKey, options.limit);
    const ranked: Array<{ t: IndexedTrial; parts: ScoreParts; nearest: TrialMatch['nearestSite'] }> = [];
    for (let k = 0; k < candPos.length; k++) {
      if (candKey[k]! < threshold) continue;
      const i = candPos[k]!;
      const t = this.trials[i]!;
      const nearest = nearestAt.get(i) ?? this.nearest(t, patient);
      const scanned = this.scan(i, results, specific, false, newScan());
      const verdict: Verdict = scanned.failed ? 'ineligible' : scanned.unknowns ? 'possible' : 'eligible';
      ranked.push({ t, nearest, parts: scoreParts(t, verdict, scanned, nearest) });
    }
    ranked.sort((a, b) => compareParts(a.parts, b.parts) || (a.t.nctId < b.t.nctId ? -1 : 1));
    const matches = ranked.slice(0, options.limit).map(({ t, parts, nearest }) => ({
      nctId: t.nctId,
      title: t.title,
      phases: t.phases,
      overallStatus: t.overallStatus,
      verdict: parts.verdict,
      score: score(parts),
      scoreParts: parts,
      nearestSite: nearest,
      criteria: t.criteria.map((c) => explainCriterion(c, this.compiler, ctx, this.lex)),
    }));
    return { matches, counts };
  }

  /** Every criterion of one trial, explained, whatever its verdict. */
  evaluate(t: IndexedTrial, patient: NormalisedPatient): TrialMatch {
    const ctx = this.compiler.context(patient);
    const criteria = t.criteria.map((c) => explainCriterion(c, this.compiler, ctx, this.lex));
    const verdict = verdictOf(criteria.map((c) => c.outcome));
    const nearest = this.nearest(t, patient);
    const scanned = this.scan(t.pos, new RuleResults(this.compiler, ctx), this.specificRules(patient), false, newScan());
    const parts = scoreParts(t, verdict, scanned, nearest);
    return {
      nctId: t.nctId,
      title: t.title,
      phases: t.phases,
      overallStatus: t.overallStatus,
      verdict,
      score: score(parts),
      scoreParts: parts,
      nearestSite: nearest,
      criteria,
    };
  }

  /** Walks trial `pos`'s criteria once, writing verdict inputs and ranking parts into `out`. */
  private scan(pos: number, results: RuleResults, specific: (ruleId: number) => boolean, stopOnFail: boolean, out: Scan): Scan {
    out.failed = false;
    out.unknowns = this.unreadCount[pos]!;
    out.diseaseWeight = 0;
    out.cancerSpecific = false;
    out.biomarkerSpecific = false;
    const to = this.offsets[pos + 1]!;
    const codes = results.codes;
    for (let j = this.offsets[pos]!; j < to; j++) {
      const word = this.words[j]!;
      const ruleId = word >>> CRITERION_BITS.ruleShift;
      let code = codes[ruleId]!;
      if (code === 0) code = results.code(ruleId);
      if (code === UNKNOWN) {
        out.unknowns++;
        continue;
      }
      const excl = (word & CRITERION_BITS.exclusion) !== 0;
      // Fails: an inclusion rule false, or an exclusion rule true.
      if ((code === TRUE) === excl) {
        out.failed = true;
        if (stopOnFail) break;
        continue;
      }
      if (excl) continue;
      out.diseaseWeight += (word >>> CRITERION_BITS.weightShift) & CRITERION_BITS.weightMask;
      if (word & CRITERION_BITS.biomarker) out.biomarkerSpecific = true;
      if (!out.cancerSpecific && word & CRITERION_BITS.cancer) out.cancerSpecific = specific(ruleId);
    }
    return out;
  }

  /**
   * Whether a passing cancer-type rule names the patient's own type, by rule id, judged once per
   * distinct rule: not merely a broad group listed beside it ("Melanoma; Pediatric Cancer").
   */
  private specificRules(patient: NormalisedPatient): (ruleId: number) => boolean {
    const named = (codes: string[]): boolean =>
      codes.some((code) => !BROAD.has(code) && Boolean(patient.cancers?.some((c) => c.lineage.has(code))));
    const memo = new Uint8Array(this.ruleCancerCodes.length);
    return (ruleId) => {
      let m = memo[ruleId]!;
      if (m === 0) {
        m = this.ruleCancerCodes[ruleId]!.some(named) ? 1 : 2;
        memo[ruleId] = m;
      }
      return m === 1;
    };
  }


}
