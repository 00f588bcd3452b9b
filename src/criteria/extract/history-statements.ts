/**
 * The reader behind the statement tables (history-safety.ts, history-judgement.ts): criteria whose
 * requirement only the patient or the study team can confirm — an allergy to the study drugs, a
 * recent live vaccine, the investigator's judgement — each read as `attestation(topic)` with the
 * topic's plain-language question from rules/attestations.json.
 *
 * A statement names its topic words (the anchor) and the words that may surround them. The finding
 * covers the anchor and the unbroken run of such words around it ("Has received a live vaccine
 * within 30 days prior to the first dose of study treatment"); any other word of the sentence stays
 * unread, so a criterion that says more than the topic is `partial`, never read in full on a guess.
 *
 * Polarity: an *event* (allergy, vaccine, surgery) excludes when stated in an exclusion and is
 * required absent when negated in an inclusion ("No major surgery within 4 weeks"); a *requirement*
 * (adequate organ function, recovery from toxicity) is required in an inclusion and, stated as
 * lacking ("inadequate", "not recovered"), excludes in an exclusion.
 */
import { modalNegationInExclusion, tokenAt, type Category, type ExtractInput, type Finding } from './extractor';
import type { Condition } from '../facts';
import {
  negatedAt,
  qualifierRun,
  sentences,
  TIMING_WORDS,
  vocab,
  vocabSpans,
  type Span,
} from './history-util';
import { prefilterFor } from '../regex-prefilter';

export interface Statement {
  /** Default topic (rules/attestations.json). */
  topic: string;
  category: Category;
  /** Cheap test on the whole criterion before any other work. */
  gate: RegExp;
  /** The words that name the statement; the first match in a sentence anchors the finding. */
  anchor: RegExp;
  polarity: 'event' | 'requirement';
  /** Words the finding may cover around the anchor. */
  words: Set<string>;
  /** Words it may cover before the anchor, when fewer than `words` (a list's earlier member is not the statement's). */
  leadWords?: Set<string>;
  /** A requirement stated as lacking, tested on the sentence up to the anchor's end. */
  lack?: RegExp;
  /** Stated plainly among exclusions, the requirement is restated: lacking it excludes ("Other protocol-defined exclusion criteria apply"). */
  restated?: boolean;
  /** The sentence says something narrower or other than the topic: not read. */
  reject?: RegExp;
  /** What the sentence must also say for the statement to apply (toxicity of earlier treatment). */
  needs?: RegExp;
  /** A further test on the criterion and the anchor's sentence. */
  applies?: (input: ExtractInput, sentence: string) => boolean;
  /** What must follow the anchor (the allergy's object) for the statement to apply. */
  after?: RegExp;
  /** An anchor matching this names its own object ("a surgical candidate", "Surgery is planned for …"): `after` is not asked. */
  namesObject?: RegExp;
  /**
   * Stated plainly among exclusions, the requirement holding is what excludes ("Patients eligible for
   * intensive chemotherapy", "Planned adjuvant radiotherapy to the primary site"): read as true, unless
   * the sentence offers it as one alternative ("has had or is scheduled to have …").
   */
  plainInExclusion?: boolean;
  /** Drug names may sit in the run (the object of an allergy). */
  drugs?: boolean;
  /** The topic for this sentence when the default does not fit (a severe allergy). */
  topicFor?: (sentence: string) => string;
  /** Following sentences that only comment on the statement ("Killed vaccines are allowed"). */
  note?: { test: RegExp; words: Set<string> };
  /**
   * Statements of one group read in one sentence are the alternatives of one list ("failed standard
   * therapy, or for whom no standard therapy exists"): one finding, their `any`.
   */
  group?: string;
  /** Other categories the statement reads besides `category` (Finding.alsoReads). */
  alsoReads?: Category[];
  /** Negation triggers that are the statement's own words (negatedAt's `ownWords`). */
  ownNegation?: (input: ExtractInput, trigger: [number, number]) => boolean;
  /**
   * Words in the sentence that narrow the topic to a kind of it ("non-hematologic toxicities"):
   * among exclusions the topic is read with these words as an unparsed leaf beside it, under all(),
   * so only the narrower finding can exclude. (Among inclusions a narrower requirement read as the
   * topic would fail patients the text admits: `applies` keeps those unread.)
   */
  narrowedInExclusion?: RegExp;
}

/** Words of timing and subject that any statement may be surrounded by; treatments are left out. */
const TREATMENT_WORDS = new Set(
  vocab('surgery radiotherapy chemotherapy immunotherapy lymphodepletion lymphodepleting infusion apheresis'),
);
export const STATEMENT_COMMON = vocab(
  [...TIMING_WORDS].filter((w) => !TREATMENT_WORDS.has(w)),
  'patient patients participant participants subject subjects individual individuals person persons who has have had having ' +
    'is are was were be been being known history of prior previous previously any current currently presence evidence documented ' +
    'the a an this that which these those their his her its or and nor by s',
);

/** "at least 4 weeks since", "≥ 28 days from": an interval required since the event. */
const SINCE =
  /\b(?:at\s+least|minimum\s+of|no\s+less\s+than|more\s+than|greater\s+than)\s*\(?\d+\)?\s*(?:\(\w+\)\s*)?(?:days?|weeks?|wks?|months?)\s+(?:\w+\s+){0,3}(?:since|from|after|following|elapsed|between)|(?:≥|>=|=>|>)\s*\d+\s*(?:days?|weeks?|wks?|months?)\s+(?:\w+\s+){0,3}(?:since|from|after|following)|\bmust\s+have\s+elapsed\b/i;

/** Words that may lead a requirement stated plainly among exclusions: the patient and nothing else as its subject. */
const PLAIN_SUBJECT =
  /^\W*(?:\d{1,3}\s*[.)]\s*)?(?:(?:patients?|participants?|subjects?|individuals?|those|who|which|are|is|have|has|with|any|an?|the|known|existing|current|currently|absolute|relative|documented)\s+)*$/i;

const CONNECTIVE = /^(?:or|and|nor|of|the|a|an|to|in|with|for|from|by|at|on)$/;

function drugAt(input: ExtractInput, pos: number): boolean {
  return input.mentions.some(
    (m) => (m.type === 'drug' || m.type === 'drugClass' || m.type === 'regimen') && pos >= m.start && pos < m.end,
  );
}

/**
 * A drug the lexicon does not hold, named by a development code ("BI-1808", "MQ710", "NUC-7738") or
 * by an antineoplastic INN stem (WHO INN stems: -mab monoclonal antibodies, -nib kinase inhibitors,
 * -parib PARP inhibitors, -ciclib CDK inhibitors, -lisib PI3K inhibitors, -zomib proteasome
 * inhibitors, -platin, -taxel, -rubicin, -tecan, -citabine, -mustine, -vedotin): the length of the
 * name at `pos`, or 0.
 */
const DRUG_LIKE =
  /^(?:[A-Z]{1,6}[-‐]?\d{2,6}[A-Z]?|[A-Za-z]{3,}(?:mab|nib|parib|ciclib|lisib|zomib|platin|taxel|rubicin|tecan|citabine|mustine|vedotin))(?![\w-])/;
function drugLikeAt(input: ExtractInput, pos: number): number {
  if (drugAt(input, pos)) return 1;
  return DRUG_LIKE.exec(input.text.slice(pos, pos + 40))?.[0].length ?? 0;
}

/** A dotted version or decimal split by the tokenizer ("v5.0", "v.5.0", "4.03"): the dot joins the two tokens. */
const VERSION_DOT = /(?:\d|\bv)\.$/i;

/** End of the run of statement words after `from` (numbers, comparators and parentheses allowed between). */
function runForward(input: ExtractInput, from: number, to: number, words: Set<string>, drugs: boolean): number {
  const { tokens, text } = input;
  let end = from;
  let lastContent = from;
  for (let i = tokenAt(tokens, from); i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end > to) break;
    const gap = text.slice(end, t.start);
    if (
      !/^[\s,()/=<>≥≤+\-:'’[\]]*$/.test(gap) &&
      !(gap === '.' && end > from && /^\d/.test(t.norm) && VERSION_DOT.test(text.slice(Math.max(0, end - 2), t.start)))
    )
      break;
    let ok = words.has(t.norm) || /^\d+(?:\.\d+)?$/.test(t.norm) || (drugs && drugAt(input, t.start));
    if (!ok && drugs) {
      const named = drugLikeAt(input, t.start);
      if (named > 1) {
        // A development code spans tokens ("BI-1808"): step over them.
        while (i + 1 < tokens.length && tokens[i + 1]!.end <= t.start + named) i++;
        end = t.start + named;
        lastContent = end;
        continue;
      }
      ok = named > 0;
    }
    if (!ok) break;
    end = t.end;
    if (!CONNECTIVE.test(t.norm)) lastContent = t.end;
  }
  return lastContent;
}

const ANCHOR_GATES = new WeakMap<Statement, RegExp[]>();
/**
 * Literal prefilters derived from a statement's anchor (regex-prefilter.ts): the hand-written gate
 * is one word test, and the anchors behind it (the standard-therapy routes above all) are long
 * patterns with lookbehinds that ran on every criterion passing it.
 */
function anchorGates(st: Statement): RegExp[] {
  let gates = ANCHOR_GATES.get(st);
  if (!gates) {
    gates = prefilterFor(st.anchor);
    ANCHOR_GATES.set(st, gates);
  }
  return gates;
}

/** Reads every statement of `table` in the criterion: at most one finding per statement and sentence. */
export function readStatements(input: ExtractInput, table: Statement[]): Finding[] {
  const { text } = input;
  // The gate is a cheap word test; the anchor over the whole text then spares the sentence loop
  // for the many criteria that only share a word with a statement ("normal", "consider").
  const live = table.filter((s) => s.gate.test(text) && anchorGates(s).every((g) => g.test(text)) && s.anchor.test(text));
  const out: Finding[] = [];
  const exclusion = input.kind === 'exclusion';
  if (!live.length) return [];
  const parts = sentences(text);
  const sentenceOf = new Map<number, number>();
  const groupOf = new Map<number, string>();
  for (const st of live) {
    for (let k = 0; k < parts.length; k++) {
      const [sStart, sEnd] = parts[k]!;
      const sentence = text.slice(sStart, sEnd);
      const m = st.anchor.exec(sentence);
      if (!m) continue;
      if (st.reject?.test(sentence)) continue;
      if (st.needs && !st.needs.test(sentence)) continue;
      if (st.applies && !st.applies(input, sentence)) continue;
      const at = sStart + m.index;
      const anchorEnd = at + m[0].length;
      if (st.after && !st.namesObject?.test(m[0]) && !st.after.test(text.slice(anchorEnd, sEnd)) && !(st.drugs && drugLikeAt(input, objectStart(input, anchorEnd))))
        continue;

      const negated = negatedAt(input, at, st.ownNegation && ((t) => st.ownNegation!(input, t)));
      let value: boolean;
      if (st.polarity === 'event') {
        if (exclusion) {
          if (negated && !modalNegationInExclusion(input, at)) continue;
          value = true;
        } else {
          if (!negated && !SINCE.test(sentence)) continue;
          value = false;
        }
      } else {
        const lacking = (st.lack?.test(text.slice(sStart, anchorEnd)) ?? false) !== negated;
        if (exclusion) {
          // "… must have resolved to Grade ≤ 1" among exclusions restates the requirement.
          // Not inside a permission ("Note: patients with stable … must have recovered … are eligible").
          if (!lacking && st.plainInExclusion && !/\b(?:must|should|required)\b/i.test(text.slice(sStart, at))) {
            // Only when the patient is the subject ("Patients planned for RT", "Contraindication to …"),
            // not a lesion or a field, and the plan is not one alternative of several ("Planned or
            // previous treatment with …").
            if (
              !PLAIN_SUBJECT.test(text.slice(sStart, at)) ||
              /^\s*(?:or|and|and\/or|\/)\b/i.test(text.slice(anchorEnd, sEnd)) ||
              /^\W*(?:or|and|and\/or)\s/i.test(text.slice(anchorEnd, sEnd)) ||
              /\b(?:eligible|allowed|permitted|may\s+(?:be|participate|enrol\w*))\b|^\s*\(?note\b/i.test(sentence)
            )
              continue;
            value = true;
          } else if (
            !lacking &&
            !st.restated &&
            (!/\b(?:must|should|required)\b/i.test(text.slice(sStart, at)) ||
              /\b(?:eligible|allowed|permitted|may\s+(?:be|participate|enrol\w*))\b|^\s*\(?note\b/i.test(sentence) ||
              // "If applicable, patients must have … recovered": a requirement for some patients only.
              /^\W*(?:if|when|where|in\s+case|for\s+(?:patients|participants|subjects|those)|(?:patients|participants|subjects|those)\s+(?:who|with))\b/i.test(sentence))
          )
            continue;
          else value = false;
        } else {
          if (lacking) continue;
          value = true;
        }
      }

      const runStart = qualifierRun(input, sStart, at, st.leadWords ?? st.words, 40);
      const runEnd = runForward(input, anchorEnd, sEnd, st.words, st.drugs ?? false);
      const spans: Span[] = [[runStart, Math.max(anchorEnd, runEnd)]];
      if (st.note) {
        for (let j = k + 1; j < parts.length; j++) {
          const [a, b] = parts[j]!;
          if (!st.note.test.test(text.slice(a, b))) break;
          spans.push(...vocabSpans(input, a, b, st.note.words));
        }
      }
      sentenceOf.set(out.length, sStart);
      if (st.group) groupOf.set(out.length, st.group);
      const answer: Condition = {
        fact: 'attestation',
        operator: 'equal',
        value,
        params: { topic: st.topicFor ? st.topicFor(sentence) : st.topic },
      };
      const narrower = exclusion ? st.narrowedInExclusion?.exec(sentence) : null;
      const narrowSpan: Span | null = narrower ? [sStart + narrower.index, sStart + narrower.index + narrower[0].length] : null;
      out.push({
        category: st.category,
        condition: narrowSpan
          ? { all: [answer, { fact: 'unparsed', operator: 'equal', value: true, params: { text: text.slice(...narrowSpan) } }] }
          : answer,
        ...(narrowSpan ? { cover: [narrowSpan] } : {}),
        spans,
        anchor: at,
        polarityHandled: true,
        ...(st.alsoReads ? { alsoReads: st.alsoReads } : {}),
      });
    }
  }
  return exclusion ? joinSentences(out, sentenceOf) : joinGroups(out, sentenceOf, groupOf);
}

/** The statements of one group in one sentence, as one `any` finding (Statement.group). */
function joinGroups(findings: Finding[], sentenceOf: Map<number, number>, groupOf: Map<number, string>): Finding[] {
  if (!groupOf.size) return findings;
  // joinSentences joins findings that share a key: here one per group and sentence, and one per ungrouped finding.
  const keys = new Map<string, number>();
  const keyOf = (i: number): number => {
    const key = groupOf.has(i) ? `${groupOf.get(i)}@${sentenceOf.get(i) ?? -1}` : `#${i}`;
    if (!keys.has(key)) keys.set(key, keys.size);
    return keys.get(key)!;
  };
  return joinSentences(findings, new Map(findings.map((_, i) => [i, keyOf(i)])));
}

/**
 * Statements of one exclusion sentence each exclude on their own ("… any condition …, or known
 * hypersensitivity to the trial treatment, that might confound the results"); joined into one
 * `any` finding so that overlapping words cannot make the assembler read them as a conjunction.
 */
function joinSentences(findings: Finding[], sentenceOf: Map<number, number>): Finding[] {
  const bySentence = new Map<number, Finding[]>();
  findings.forEach((f, i) => {
    const key = sentenceOf.get(i) ?? -1;
    bySentence.set(key, [...(bySentence.get(key) ?? []), f]);
  });
  const out: Finding[] = [];
  for (const group of bySentence.values()) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    group.sort((a, b) => (a.anchor ?? 0) - (b.anchor ?? 0));
    const also = [...new Set(group.flatMap((f) => [...(f.alsoReads ?? []), f.category]))].filter((c) => c !== group[0]!.category);
    out.push({
      category: group[0]!.category,
      condition: { any: group.map((f) => f.condition) },
      spans: group.flatMap((f) => f.spans),
      anchor: group[0]!.anchor ?? 0,
      polarityHandled: true,
      ...(also.length ? { alsoReads: also } : {}),
    });
  }
  return out;
}

/**
 * Where the object after `pos` begins: its first token, past an indefinite article ("ineligible for
 * a BRAF+MEK inhibitor", "contraindication to an anti-PD-1 antibody"), which names nothing of the
 * object, and past the prefix of a recombinant protein ("contraindication to receiving rhu granulocyte
 * macrophage colony stimulating factor"), whose own name follows. Not past "the", which points at
 * something the sentence or the study already holds ("the anticoagulant" it names, "the dabrafenib +
 * trametinib" of the study).
 */
function objectStart(input: ExtractInput, pos: number): number {
  let i = tokenAt(input.tokens, pos);
  if (!input.tokens[i]) return pos;
  for (const skip of [/^(?:a|an)$/, /^(?:rhu|recombinant)$/, /^human$/]) {
    const t = input.tokens[i]!;
    const next = input.tokens[i + 1];
    if (!skip.test(t.norm) || !next || !/^\s+$/.test(input.text.slice(t.end, next.start))) continue;
    if (skip.source === '^human$' && !/^(?:rhu|recombinant)$/.test(input.tokens[i - 1]?.norm ?? '')) continue;
    i++;
  }
  return input.tokens[i]!.start;
}
