/**
 * Ranking. Trials are ordered by, in turn: verdict (eligible, possible, ineligible); the weight of
 * disease-defining criteria that pass; specificity (the trial targets the patient's own cancer type
 * or biomarker rather than all comers); fewer unknowns; distance to the nearest open site; phase.
 * The score in [0, 1] summarises the same parts (verdict bands of a third each) for clients that
 * want one number; the order itself is the lexicographic one above.
 */
import type { Category } from '../criteria/extract/extractor';
import type { Verdict } from './evaluate';

/** Disease-defining categories count more than routine ones (labs, consent, contraception…). */
export const DISEASE_WEIGHTS: Partial<Record<Category, number>> = {
  cancer_type: 3,
  biomarker: 3,
  stage: 2,
  prior_therapy: 2,
  brain_metastases: 1,
};

export interface ScoreParts {
  verdict: Verdict;
  /** Sum of DISEASE_WEIGHTS over disease-defining criteria that pass. */
  diseaseWeight: number;
  /** 2 for a passing, specific cancer-type requirement; 2 for a passing biomarker requirement. */
  specificity: number;
  unknowns: number;
  criteria: number;
  distanceKm: number | null;
  /** Highest phase number (0 for none / not applicable). */
  phase: number;
}

const VERDICT_RANK: Record<Verdict, number> = { eligible: 2, possible: 1, ineligible: 0 };

/** The order before distance: verdict, disease weight, specificity, unknowns. */
export function compareBeforeDistance(a: ScoreParts, b: ScoreParts): number {
  return (
    VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] ||
    b.diseaseWeight - a.diseaseWeight ||
    b.specificity - a.specificity ||
    a.unknowns - b.unknowns
  );
}

export function compareParts(a: ScoreParts, b: ScoreParts): number {
  return compareBeforeDistance(a, b) || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || b.phase - a.phase;
}

export function score(p: ScoreParts): number {
  const within =
    0.45 * Math.min(p.diseaseWeight, 10) / 10 +
    0.2 * Math.min(p.specificity, 4) / 4 +
    0.25 * (p.criteria ? 1 - p.unknowns / p.criteria : 0) +
    0.1 * (p.distanceKm === null ? 0 : Math.max(0, 1 - p.distanceKm / 2000));
  return Math.round(((VERDICT_RANK[p.verdict] + within) / 3) * 1000) / 1000;
}

export function phaseNumber(phases: string[]): number {
  let best = 0;
  for (const p of phases) {
    const m = /PHASE(\d)/.exec(p);
    if (m) best = Math.max(best, Number(m[1]));
  }
  return best;
}

/**
 * The k-th largest of `keys` (-Infinity when there are k or fewer), through a min-heap of the k
 * largest seen: sorting thousands of candidates to find the 20th best cost more than the scan.
 */
export function kthLargest(keys: readonly number[], k: number): number {
  if (keys.length <= k) return -Infinity;
  const heap = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    // Sift up keys[i] into heap[0..i].
    let j = i;
    const x = keys[i]!;
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (heap[parent]! <= x) break;
      heap[j] = heap[parent]!;
      j = parent;
    }
    heap[j] = x;
  }
  for (let i = k; i < keys.length; i++) {
    const x = keys[i]!;
    if (x <= heap[0]!) continue;
    // Replace the smallest and sift down.
    let j = 0;
    for (;;) {
      const l = 2 * j + 1;
      if (l >= k) break;
      const r = l + 1;
      const c = r < k && heap[r]! < heap[l]! ? r : l;
      if (heap[c]! >= x) break;
      heap[j] = heap[c]!;
      j = c;
    }
    heap[j] = x;
  }
  return heap[0]!;
}
