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
import { type Condition, type LeafCondition } from '../facts';
import type { Mention } from '../lexicon';
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

/** The priorTherapy params of a list's treatments, with its washout in days; null when the washout is no positive number. */
function washoutParams(items: readonly Mention[], amount: string, unit: string): Record<string, unknown> | null {
  const v = toNumber(amount);
  const d = UNIT_DAYS[unit.toLowerCase().replace(/s$/, '')];
  if (v === null || d === undefined || v <= 0) return null;
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
  return params;
}

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
  const params = washoutParams(items, m[1]!, m[2]!);
  if (!params) return [];
  const condition: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params };
  const finding: Finding = { category: 'prior_therapy', condition, spans: [[0, input.text.length]], polarityHandled: true };
  return [finding];
};

/**
 * A permitted treatment and its washout in one sentence:
 *
 *   "Immunotherapy: checkpoint-targeted therapy with an anti PD-1/anti PD-L1, other monoclonal
 *    antibodies, or vaccines are allowed, provided the washout is a minimum of 21 days prior to the
 *    start of study treatment"                                                      (inclusion)
 *     → all(not priorTherapy(classes: [checkpoint_inhibitor, anti_pd1, anti_pd_l1, monoclonal_antibody],
 *           withinDays: 21), unread "vaccines")
 *
 * Whoever had the treatment must have been off it that long; whoever never had it passes. The list
 * must be its treatments and list words only: a qualifier ("for melanoma") would narrow what the
 * washout binds, and forbidding the wider treatment would fail patients the sentence lets in. Two
 * readings keep the list honest: "X with Y" only where Y is a kind of X (the union is then X), and
 * a last member no lexicon knows ("…, or vaccines") only as an unread member of the union beside it.
 * A washout "or N half-lives, whichever is longer" is at least the days: the days are necessary, the
 * half-lives stay unread beside them.
 */
const ALLOWED_WASHOUT_RE = new RegExp(
  String.raw`^(\W*(?:[^:;.()]{1,40}:\s*)?(?:(?:prior|previous)\s+)?)([^:;.()]{2,200}?)\s+(?:is|are)\s+(?:also\s+)?(?:allowed|permitted|acceptable)\s*,?\s+(?:only\s+)?(?:provided(?:\s+that)?|if|as\s+long\s+as)\s+(?:the\s+|a\s+)?wash-?out(?:\s+period)?\s+is\s+(?:at\s+least|a\s+minimum\s+of|minimum\s+of|≥|>=|no\s+less\s+than)\s*(${NUMBER})\s*[-\s]?\s*(days?|weeks?|wks?|months?)(\s+or\s+${NUMBER}\s+half[\s-]?li(?:fe|ves)\s*(?:\(\s*whichever\s+is\s+longer\s*\)|,?\s*whichever\s+is\s+longer))?\s*,?\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:start\s+of|initiation\s+of|first\s+dose\s+of)\s+(?:the\s+)?(?:study\s+)?(?:treatment|drug|therapy|intervention)\s*\.?\s*$`,
  'i',
);
/** Words of the list besides its treatments and its "with". */
const ALLOWED_LIST_WORD_RE = /^(?:or|and|and\/or|other|any|an?|the)$/i;
/** A last member no lexicon knows: "…, or vaccines" (a plural noun, one or two words). */
const UNKNOWN_LAST_MEMBER_RE = /^\s*,?\s*(?:or|and\/or)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*s)\s*$/i;

export const extractAllowedWashout: Extractor = (input) => {
  if (input.kind !== 'inclusion' || !/wash-?out/i.test(input.text)) return [];
  const m = ALLOWED_WASHOUT_RE.exec(input.text);
  if (!m) return [];
  const listAt = m.index + m[1]!.length;
  const listEnd = listAt + m[2]!.length;
  const inList = input.mentions.filter((x) => x.start >= listAt && x.end <= listEnd);
  if (!inList.length || inList.some((x) => x.type !== 'drug' && x.type !== 'drugClass' && x.type !== 'therapyKind')) return [];
  const items = [...inList].sort((a, b) => a.start - b.start);
  // A last member no lexicon knows stays unread beside the union.
  const tail = UNKNOWN_LAST_MEMBER_RE.exec(input.text.slice(items[items.length - 1]!.end, listEnd));
  const unknown = tail ? tail[1]! : null;
  const end = tail ? items[items.length - 1]!.end : listEnd;
  // Between and around the items: list words, punctuation, and "with" before a kind of the item before it.
  let from = listAt;
  for (let i = 0; i <= items.length; i++) {
    const gap = input.text.slice(from, i < items.length ? items[i]!.start : end);
    const words = gap.match(/[A-Za-z][\w/-]*/g) ?? [];
    for (const w of words) {
      if (ALLOWED_LIST_WORD_RE.test(w)) continue;
      if (/^with$/i.test(w) && i > 0 && i < items.length && kindOf(input.lex.classAncestors, items[i]!, items[i - 1]!)) continue;
      return [];
    }
    if (/[()]/.test(gap)) return [];
    if (i < items.length) from = items[i]!.end;
  }
  const params = washoutParams(items, m[3]!, m[4]!);
  if (!params) return [];
  const off: Condition = { fact: 'priorTherapy', operator: 'equal', value: false, params };
  const unread: LeafCondition[] = [];
  if (unknown) unread.push({ fact: 'unparsed', operator: 'equal', value: true, params: { text: unknown } });
  if (m[5]) unread.push({ fact: 'unparsed', operator: 'equal', value: true, params: { text: m[5].replace(/[()]/g, '').replace(/\s+/g, ' ').trim() } });
  const condition: Condition = unread.length ? { all: [off, ...unread] } : off;
  return [{ category: 'prior_therapy', condition, spans: [[0, input.text.length]], polarityHandled: true }];
};

/** "checkpoint inhibitor with an anti-PD-1": every class the second names is a kind of the first's class. */
function kindOf(ancestors: Map<string, Set<string>>, narrower: Mention, head: Mention): boolean {
  return head.type === 'drugClass' && narrower.type === 'drugClass' && narrower.id !== head.id && !!ancestors.get(narrower.id)?.has(head.id);
}
