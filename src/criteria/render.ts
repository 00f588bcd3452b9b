/** Compact, human-readable rendering of rules: for the `parse` command and reviewed snapshots. */
import type { Condition } from './facts';

const OPS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
};

function value(v: unknown): string {
  if (Array.isArray(v)) return v.map(value).join('|');
  if (v && typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${value(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}

function params(p: Record<string, unknown> | undefined): string {
  if (!p || Object.keys(p).length === 0) return '';
  return `(${Object.entries(p)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(', ')})`;
}

export function renderCondition(c: Condition): string {
  if ('all' in c) return c.all.length === 1 ? renderCondition(c.all[0]!) : `all(${c.all.map(renderCondition).join('; ')})`;
  if ('any' in c) return c.any.length === 1 ? renderCondition(c.any[0]!) : `any(${c.any.map(renderCondition).join('; ')})`;
  if (c.fact === 'unparsed') return `unread“${String((c.params as { text?: string } | undefined)?.text ?? '')}”`;
  const value = Array.isArray(c.value) ? `[${c.value.join(', ')}]` : String(c.value);
  return `${c.fact}${params(c.params)} ${OPS[c.operator] ?? c.operator} ${value}`;
}
