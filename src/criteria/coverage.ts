/**
 * Parse coverage over a corpus: how many criteria were parsed, partly parsed or not read, overall and
 * per category, and the most frequent unread phrasings (what to teach the parser next).
 *
 * A criterion counts toward a category when its text is about that topic (rules/topics) or its rule
 * reads it; it counts as read for the category only when its rule has a finding of that category,
 * or when the whole criterion was read (status parsed: every meaningful word is accounted for).
 */
import { CATEGORIES, type Category } from './extract/extractor';
import type { ParsedCriterion } from './parse';

export interface CategoryCoverage {
  criteria: number;
  read: number;
  share: number;
}

export interface CoverageReport {
  trials: number;
  criteria: number;
  parsed: number;
  partial: number;
  unparsed: number;
  /** (parsed + partial) / criteria */
  readShare: number;
  byCategory: Record<string, CategoryCoverage>;
  topUnparsed: Array<{ phrase: string; count: number }>;
}

/** Reduces a criterion to a phrasing key: lower case, numbers as #, first eight words. */
export function phrasing(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\([<>=[\]*.^&~_-])/g, '$1')
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .replace(/[^a-z#<>=≥≤%]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 8)
    .join(' ');
}

export class CoverageCounter {
  private trials = 0;
  private counts = { criteria: 0, parsed: 0, partial: 0, unparsed: 0 };
  private readonly cats = new Map<Category, { criteria: number; read: number }>();
  private readonly unparsedPhrases = new Map<string, number>();

  addTrial(criteria: ParsedCriterion[]): void {
    this.trials++;
    for (const c of criteria) {
      this.counts.criteria++;
      this.counts[c.status]++;
      for (const cat of c.categories) {
        const entry = this.cats.get(cat) ?? { criteria: 0, read: 0 };
        entry.criteria++;
        if (c.categoriesRead.includes(cat)) entry.read++;
        this.cats.set(cat, entry);
      }
      if (c.status === 'unparsed') {
        const key = phrasing(c.text);
        this.unparsedPhrases.set(key, (this.unparsedPhrases.get(key) ?? 0) + 1);
      }
    }
  }

  report(top = 25): CoverageReport {
    const { criteria, parsed, partial, unparsed } = this.counts;
    const byCategory: Record<string, CategoryCoverage> = {};
    for (const cat of CATEGORIES) {
      const e = this.cats.get(cat);
      if (!e) continue;
      byCategory[cat] = { criteria: e.criteria, read: e.read, share: round(e.read / e.criteria) };
    }
    return {
      trials: this.trials,
      criteria,
      parsed,
      partial,
      unparsed,
      readShare: criteria ? round((parsed + partial) / criteria) : 0,
      byCategory,
      topUnparsed: [...this.unparsedPhrases.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([phrase, count]) => ({ phrase, count })),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
