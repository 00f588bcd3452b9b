/**
 * A washout that names no treatment, under a lead-in that permits one:
 *
 *   "Prior therapy with systemic immunotherapy or other investigational agents is allowed"
 *     "Washout period of 14 days since last dose"                              (inclusion)
 *        → not priorTherapy(kinds: [immunotherapy, investigational], withinDays: 14)
 *
 * The lead-in says which treatment is allowed; the line under it, how long since its last dose must
 * have passed. A patient who never had it passes, one who had it within the washout does not. Only a
 * lead-in that is the permission and its list (cohort label aside) and a line that is the washout and
 * nothing else are read: any other word could bind the washout to part of the list or to another
 * treatment. The therapy readers (therapy.ts) read lines that name their own treatment.
 */
import { type Condition } from '../facts';
import { NUMBER, toNumber } from '../numbers';
import type { Extractor, Finding } from './extractor';

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, wk: 7, month: 30 };
/** "Washout period of 14 days since last dose", "A washout of at least 2 weeks from the last dose is required". */
const WASHOUT_LINE_RE = new RegExp(
  String.raw`^\s*(?:(?:a|the)\s+)?(?:minimum\s+)?wash-?out(?:\s+period)?\s+(?:of|is)\s+(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=)\s*)?(${NUMBER})\s*[-\s]?\s*(days?|weeks?|wks?|months?)\s+(?:since|from|after)\s+(?:the\s+)?(?:last|final)\s+(?:dose|administration|treatment)(?:\s+is\s+required)?\s*\.?\s*$`,
  'i',
);
/** The lead-in: "(Cohort A:) Prior therapy with <list> is allowed". */
const LEAD_RE = /^\s*(?:[^:]{1,40}:\s*)?(?:prior|previous)\s+(?:therapy|therapies|treatments?)\s+with\s+([^:;.]+?)\s+(?:is|are)\s+(?:allowed|permitted)\s*\.?\s*$/i;
/** Words of the lead-in's list besides its treatments. */
const LIST_WORD_RE = /^(?:or|and|and\/or|other|any|systemic)$/i;

export const extractLeadWashout: Extractor = (input) => {
  if (input.kind !== 'inclusion' || !input.context.length || !/wash-?out/i.test(input.text)) return [];
  const m = WASHOUT_LINE_RE.exec(input.text);
  if (!m || input.mentions.some((x) => x.type === 'drug' || x.type === 'drugClass' || x.type === 'therapyKind' || x.type === 'regimen')) return [];
  const lead = input.context[input.context.length - 1]!;
  const l = LEAD_RE.exec(lead);
  if (!l) return [];
  const leadAt = input.context.join('\n').length - lead.length;
  const listAt = leadAt + l.index + l[0].indexOf(l[1]!);
  const listEnd = listAt + l[1]!.length;
  const items = input.contextMentions.filter((x) => x.start >= listAt && x.end <= listEnd);
  if (!items.length || items.some((x) => x.type !== 'drug' && x.type !== 'drugClass' && x.type !== 'therapyKind')) return [];
  // The list is its treatments and list words only.
  let rest = input.context.join('\n').slice(listAt, listEnd);
  for (const x of [...items].sort((a, b) => b.start - a.start)) rest = rest.slice(0, x.start - listAt) + ' ' + rest.slice(x.end - listAt);
  if (!(rest.match(/[A-Za-z][\w/-]*/g) ?? []).every((w) => LIST_WORD_RE.test(w)) || /[()]/.test(rest)) return [];
  const v = toNumber(m[1]!);
  const d = UNIT_DAYS[m[2]!.toLowerCase().replace(/s$/, '')];
  if (v === null || d === undefined || v <= 0) return [];
  const params: Record<string, unknown> = {};
  for (const [key, type] of [
    ['drugs', 'drug'],
    ['classes', 'drugClass'],
    ['kinds', 'therapyKind'],
  ] as const) {
    const ids = [...new Set(items.filter((x) => x.type === type).map((x) => x.id))];
    if (ids.length) params[key] = ids;
  }
  params.withinDays = Math.round(v * d);
  const condition: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params };
  const finding: Finding = { category: 'prior_therapy', condition, spans: [[0, input.text.length]], polarityHandled: true };
  return [finding];
};
