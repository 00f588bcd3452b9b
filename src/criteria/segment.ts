/**
 * Segmentation: eligibility text → a list of criteria, each with its kind (inclusion / exclusion),
 * exact source text and character span, and the context it inherits from headings and lead-in lines.
 *
 * The text is Markdown as ClinicalTrials.gov stores it, in every shape registrants use: headed
 * inclusion/exclusion lists, PDQ-style sections (DISEASE CHARACTERISTICS, PATIENT CHARACTERISTICS,
 * PRIOR CONCURRENT THERAPY) with sub-headings, `*`/`-`/`•` bullets, numbered and lettered lists,
 * nested bullets, wrapped lines, and plain paragraphs with no headings at all (which are inclusion).
 */
import { normalise } from './text';

export type CriterionKind = 'inclusion' | 'exclusion';

export interface Segment {
  kind: CriterionKind;
  /** [start, end) into the source text. */
  span: [number, number];
  /** Exact source text of the span. */
  text: string;
  /** Normalised text of this criterion alone (escapes removed, Unicode folded). */
  normText: string;
  /** Normalised texts of the headings and lead-ins above it, outermost first. */
  context: string[];
  /**
   * Set when a lead-in says only one of its items must hold ("at least one of the following:"); the
   * segment then stands for the whole group and each alternative is listed here.
   */
  alternatives?: Segment[];
}

interface Line {
  start: number;
  end: number;
  indent: number;
  /** Offset where the content starts (after indentation and list marker). */
  contentStart: number;
  marker: string | null;
  content: string;
}

interface Item {
  indent: number;
  kind: CriterionKind;
  start: number;
  end: number;
  children: Item[];
  /** Context inherited from the section and sub-heading in force when the item began. */
  context: string[];
}

const MARKER =
  /^([ \t]*)((?:\\?[*\-+•▪·◦●○►➢–])|(?:\d{1,3}[.)](?!\d))|(?:\(\d{1,3}\))|(?:[a-zA-Z][.)](?=\s))|(?:\([a-zA-Z]\))|(?:[ivxIVX]{1,5}[.)](?=\s))|(?:\([ivxIVX]{1,5}\))|(?:[①-⑳]))[ \t]+/;

/** Words that make a line about criteria an item rather than a heading ("does not meet inclusion criteria"). */
const NOT_HEADING = /\b(not|meet|meets|meeting|met|fulfil+s?|satisf(?:y|ies)|apply|applies|defined|any|all|no|other|protocol|listed|above|below|violat\w*|per)\b/i;

const CRITERIA_HEADING = /^(.{0,60}?)\b(inclusion|exclusion|eligibility|selection)\s+criteri(?:a|on)\b(.*)$/i;
const BARE_HEADING = /^(inclusion|exclusion)s?\s*:?\s*$/i;
const PDQ_SECTION = /^(disease characteristics|patient characteristics|prior concurrent therapy)\s*:?\s*(.*)$/i;
const NOT_SPECIFIED = /^(?:not specified|not applicable|n\/a|none|unspecified|no restrictions?|see (?:disease|patient) characteristics)\s*\.?$/i;
/** A lead-in whose items are alternatives: only one needs to hold. */
const ANY_OF = /\b(?:at least one|one or more|any one|any|one|either)\b[^.:]{0,40}\b(?:following|of these|criteria|below)\b|\beither\s*:?\s*$/i;
/** A lead-in that introduces its items rather than stating a criterion of its own. */
const LEAD_IN = /(?::\s*$)|(?:\b(?:as follows|the following|defined as|including|include|includes|such as|as below|below)\s*:?\s*$)/i;

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of source.split('\n')) {
    const start = pos;
    const end = pos + raw.length;
    pos = end + 1;
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    const m = MARKER.exec(line);
    const lead = /^[ \t]*/.exec(line)![0];
    const indent = lead.replace(/\t/g, '  ').length;
    const contentOffset = m ? m[0].length : lead.length;
    let contentEnd = start + line.length;
    while (contentEnd > start + contentOffset && /\s/.test(source[contentEnd - 1]!)) contentEnd--;
    lines.push({
      start,
      end: contentEnd,
      indent,
      contentStart: start + contentOffset,
      marker: m ? m[2]! : null,
      content: source.slice(start + contentOffset, contentEnd),
    });
  }
  return lines;
}

type Heading =
  | { type: 'kind'; kind: CriterionKind | null; label: string; rest: string; restOffset: number }
  | { type: 'section'; label: string; rest: string; restOffset: number }
  | { type: 'subheading'; label: string };

/** Recognises a heading line; `rest` is inline text after "Inclusion Criteria:" on the same line. */
function heading(line: Line, next: Line | undefined): Heading | null {
  const n = normalise(line.content).text.trim();
  if (n.length > 140) return null;
  const bare = BARE_HEADING.exec(n);
  if (bare) return { type: 'kind', kind: bare[1]!.toLowerCase() as CriterionKind, label: n, rest: '', restOffset: 0 };
  const crit = CRITERIA_HEADING.exec(n);
  if (crit) {
    const [, prefix = '', word = '', tail = ''] = crit;
    const prefixWords = prefix.trim() ? prefix.trim().split(/\s+/).length : 0;
    const mentionsBoth = /inclusion/i.test(n) && /exclusion/i.test(n);
    // "Exclusion Criteria Subjects who meet any of the following…" opens with the heading itself;
    // a qualified heading ("Key Inclusion Criteria") must be short and carry no verb of its own.
    const startsLine = prefixWords === 0;
    const qualified = prefixWords <= 6 && !NOT_HEADING.test(prefix) && !/\bapply\b|\bmust\b|\bmeet/i.test(tail);
    if ((startsLine && !/^\s*(?:apply|applies|are not|is not|will not)\b/i.test(tail)) || qualified) {
      const colon = line.content.indexOf(':');
      const rest = colon >= 0 ? line.content.slice(colon + 1).trim() : '';
      // Inline text after the colon is an item only when the heading itself is short.
      const inline = colon >= 0 && rest.length > 0 && colon < 80 ? rest : '';
      const kind = mentionsBoth
        ? null
        : /exclusion/i.test(word)
          ? 'exclusion'
          : /inclusion/i.test(word)
            ? 'inclusion'
            : null;
      if (startsLine || tail.length <= 90 || inline) {
        return {
          type: 'kind',
          kind,
          label: n,
          rest: inline,
          restOffset: inline ? line.contentStart + line.content.indexOf(rest, colon) : 0,
        };
      }
    }
  }
  const pdq = PDQ_SECTION.exec(n);
  if (pdq) {
    const restRaw = pdq[2]!.trim();
    return {
      type: 'section',
      label: pdq[1]!.toUpperCase(),
      rest: restRaw,
      restOffset: restRaw ? line.contentStart + line.content.lastIndexOf(restRaw.slice(0, 10)) : 0,
    };
  }
  // PDQ-style sub-headings ("Age:", "Performance status:", "Biologic therapy") introduce a list.
  if (!line.marker && n.length <= 50 && next && next.marker !== null && next.indent >= line.indent) {
    if (/:\s*$/.test(n) && n.split(/\s+/).length <= 6) return { type: 'subheading', label: n.replace(/:\s*$/, '') };
    if (/^[A-Z][a-z]+(?: [a-z]+){0,3}$/.test(n) && !/[.;]$/.test(n)) return { type: 'subheading', label: n };
  }
  return null;
}

/** Splits eligibility criteria text into criteria. Never throws; empty text gives no criteria. */
export function segmentCriteria(source: string): Segment[] {
  const lines = splitLines(source);
  const roots: Item[] = [];
  const stack: Item[] = [];
  let kind: CriterionKind = 'inclusion';
  let section: string[] = [];
  let sub: string | null = null;
  let prevLineEnd = -1;
  let prevWasHeading = true;

  const context = (): string[] => (sub ? [...section, sub] : [...section]);

  const open = (indent: number, start: number, end: number): void => {
    const item: Item = { indent, kind, start, end, children: [], context: context() };
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h = heading(line, lines[i + 1]);
    const blankBefore = prevLineEnd >= 0 && /\n[ \t]*\r?\n/.test(source.slice(prevLineEnd, line.start));
    if (h) {
      stack.length = 0;
      prevWasHeading = true;
      prevLineEnd = line.end;
      if (h.type === 'kind') {
        if (h.kind) kind = h.kind;
        section = h.kind ? [] : section;
        sub = null;
        if (h.rest) open(-1, h.restOffset, line.end);
      } else if (h.type === 'section') {
        kind = 'inclusion';
        section = [h.label];
        sub = null;
        if (h.rest) open(-1, h.restOffset, line.end);
      } else {
        sub = h.label;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (line.marker === null && top && !prevWasHeading && (!blankBefore || line.indent > top.indent)) {
      // A wrapped line, or an indented paragraph that continues the item above.
      top.end = line.end;
      for (let k = stack.length - 2; k >= 0; k--) stack[k]!.end = Math.max(stack[k]!.end, line.end);
    } else {
      // An unbulleted lead-in ("The main inclusion criteria include the following:") followed by a
      // list at the same indent owns that list; any other paragraph is a sibling of the bullets.
      const next = lines[i + 1];
      const leadsList =
        line.marker === null && next?.marker != null && next.indent >= line.indent && LEAD_IN.test(normalise(line.content).text);
      open(leadsList ? line.indent - 0.5 : line.indent, line.contentStart, line.end);
    }
    prevWasHeading = false;
    prevLineEnd = line.end;
  }

  const out: Segment[] = [];
  const toSegment = (item: Item, ctx: string[], ownEnd: number): Segment => {
    const text = source.slice(item.start, ownEnd);
    return { kind: item.kind, span: [item.start, ownEnd], text, normText: normalise(text).text.trim(), context: ctx };
  };
  const ownEnd = (item: Item): number => {
    // An item's own text ends where its first child begins (children are separate criteria).
    const first = item.children[0];
    if (!first) return item.end;
    // Trim back over the child's marker line and the whitespace before it.
    const before = source.slice(item.start, first.start);
    const lastNl = before.lastIndexOf('\n');
    let end = lastNl >= 0 ? item.start + lastNl : first.start;
    while (end > item.start && /\s/.test(source[end - 1]!)) end--;
    return end;
  };
  const walk = (item: Item, ctx: string[]): void => {
    const end = ownEnd(item);
    const own = toSegment(item, [...item.context, ...ctx.slice(item.context.length)], end);
    const fullCtx = own.context;
    if (NOT_SPECIFIED.test(own.normText) && item.children.length === 0) return;
    if (item.children.length === 0) {
      out.push(own);
      return;
    }
    const leadIn = LEAD_IN.test(own.normText) || own.normText.length === 0;
    const childCtx = [...fullCtx, own.normText];
    if (leadIn && item.kind === 'inclusion' && ANY_OF.test(own.normText)) {
      const alternatives: Segment[] = [];
      const collect = (c: Item, cctx: string[]): void => {
        const seg = toSegment(c, cctx, c.end);
        if (!NOT_SPECIFIED.test(seg.normText)) alternatives.push(seg);
      };
      for (const c of item.children) collect(c, childCtx);
      const group = toSegment(item, fullCtx, item.end);
      group.alternatives = alternatives;
      out.push(group);
      return;
    }
    if (!leadIn) out.push(own);
    for (const c of item.children) walk(c, childCtx);
  };
  for (const r of roots) walk(r, r.context);
  return out;
}
