/**
 * An exclusion for a cumulative dose of a drug above a limit: "anthracycline equivalent cumulative dose
 * of adriamycin > 360 mg/m2", "Received prior therapy resulting in a cumulative epirubicin dose >900
 * mg/m2 or cumulative doxorubicin dose >450 mg/m2". No fact holds a cumulative dose, but a dose of a
 * drug was received only by those who had the drug: excluded are some of those who had one of the
 * drugs named, all(priorTherapy(the drugs), unparsed(the doses)). A patient who never had any of them
 * is not excluded; for the others the dose stays unknown.
 *
 * Read only when every dose is tied to a drug the lexicon names right beside it ("<drug> dose > N",
 * "N mg/m2 of <drug>", "cumulative dose of <drug> > N"): a dose of a drug the lexicon misses ("300
 * mg/m2 of <an unlisted drug>") would fall outside the union and let its patients in. A dose counted as the
 * equivalent of one drug ("equivalent of 450 mg/m2 doxorubicin") covers the whole class, which must
 * then be named too. Words that grant or spare ("allowed", "unless") leave the line unread.
 */
import type { Condition } from '../facts';
import { drugInClass, type Mention } from '../lexicon';
import type { ExtractInput, Finding } from './extractor';

/** A dose per body surface area: "900 mg/m2", "300 mg/m^2", "360 mg/m²". */
const DOSE_RE = /\d[\d,.]*\s*mg\s*\/\s*m\s*(?:\^\s*2|2|²)/gi;
/** Words that may stand between a dose and the drug it is of. */
const LINK_RE = /^(?:[\s,()]|cumulative|total|lifetime|doses?|of|to|the|an?|equivalent|exceeding|exceeds?|above|over|more|greater|higher|than|or|equal|[>≥]=?|\d[\d,.]*|mg|\/|m|\^|2|²)*$/i;
/** Words that grant or spare: the line is not one exclusion of the doses. */
const GRANT_RE = /\b(?:allowed|permitted|permissible|acceptable|eligible|unless|except\w*|other\s+than|provided|however)\b/i;

/**
 * A heading that only names the part of the study the line is for ("Phase 1", "Part A:", "Cohort 2").
 * The line then excludes some of that part only; the reading, all(drugs, unparsed doses), never
 * excludes anyone outright, so the part's narrowing is held by the unread dose leaf as well. Any other
 * heading (a lead-in, an exception, a permission) may turn the line around and keeps it unread.
 */
const PART_LABEL_RE = /^\W*(?:phase|part|cohort|arm|stage)\s+[\w.-]{1,6}\s*:?\s*$/i;

export function readCumulativeDose(input: ExtractInput): Finding[] {
  const { text, lex } = input;
  if (input.kind !== 'exclusion' || !/mg\s*\/\s*m/i.test(text) || GRANT_RE.test(text) || !input.context.every((c) => PART_LABEL_RE.test(c))) return [];
  const named = input.mentions.filter((m) => m.type === 'drug' || m.type === 'drugClass');
  // Only drugs and classes: a kind ("chemotherapy") or regimen beside the doses says something else.
  if (!named.length || input.mentions.some((m) => m.type === 'therapyKind' || m.type === 'regimen')) return [];
  const doses = [...text.matchAll(DOSE_RE)];
  if (!doses.length) return [];
  // Every dose has a named drug or class beside it, only dose words between.
  const tied = (d: RegExpMatchArray): boolean => {
    const at = d.index!;
    const end = at + d[0].length;
    return named.some((m) => (m.end <= at && at - m.end <= 40 && LINK_RE.test(text.slice(m.end, at))) || (m.start >= end && m.start - end <= 12 && LINK_RE.test(text.slice(end, m.start))));
  };
  if (!doses.every(tied)) return [];
  const drugs = [...new Set(named.filter((m) => m.type === 'drug').map((m) => m.id))];
  const classes = [...new Set(named.filter((m) => m.type === 'drugClass').map((m) => m.id))];
  // A dose "equivalent" to one drug's counts every drug of its class: the class must be named and hold them all.
  if (/\bequivalent\b/i.test(text) && !classes.some((c) => drugs.every((d) => drugInClass(lex, d, c)))) return [];
  const params: Record<string, string[]> = {};
  if (drugs.length) params.drugs = drugs;
  if (classes.length) params.classes = classes;
  const body = text.replace(/[\s.;,]+$/, '');
  const condition: Condition = {
    all: [
      { fact: 'priorTherapy', operator: 'equal', value: true, params },
      { fact: 'unparsed', operator: 'equal', value: true, params: { text: body } },
    ],
  };
  const first: Mention = named[0]!;
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[0, body.length]],
      anchor: first.start,
      // "must not exceed" states the limit, no negation of the exclusion.
      polarityHandled: true,
      fallback: [0, text.length],
    },
  ];
}
