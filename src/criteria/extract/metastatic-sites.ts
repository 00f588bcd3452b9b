/**
 * Metastatic sites: "radiographic evidence of liver metastases", "bone metastasis is required",
 * "no visceral metastases", "uveal melanoma metastatic to the liver", "bone-only disease"
 *   → metastaticSite {sites: [liver]} / {sites: [bone], only: true}
 *
 * Site words come from rules/metastatic-sites.json (sites and groups such as 'visceral'). A site is
 * read only as the patient's own disease: not where a treatment, biopsy or tissue is aimed ("palliative
 * radiotherapy for bone metastases", "tissue from bone metastases"), not as a subgroup that another
 * requirement is for ("ALT ≤ 5 × ULN if liver metastases", which the lab reader reads, or "patients with
 * liver metastases must …"), and not in a sentence that only permits it ("liver metastases are
 * allowed"). Findings are fallbacks on the site words, so any other reader of the same words wins.
 * "Visceral crisis" is a clinical emergency, not a site, and is left unread. "Peritoneal carcinomatosis"
 * (and the same word for a melanoma or a sarcoma, "peritoneal melanomatosis", "peritoneal
 * sarcomatosis": -omatosis names the tumour spread diffusely over the site) and "malignant pleural
 * effusion" are metastases to the peritoneum and pleura (AJCC 8th ed.: a
 * malignant pleural effusion is M1a in lung cancer).
 */
import type { Condition, LeafCondition } from '../facts';
import { metastaticSiteLexicon } from '../lexicon';
import type { ExtractInput, Extractor, Finding } from './extractor';

interface SitePatterns {
  /** Site word (group 1 of a list) → site or group id. */
  idOf: Map<string, string>;
  /** One site word, to pick the words out of a matched list. */
  word: RegExp;
  /** "liver metastases", "bone-only disease", "metastases to the liver", "metastatic to the bone". */
  phrase: RegExp;
  /** The same, anchored at both ends with only hedges around: the whole of a subgroup phrase. */
  whole: RegExp;
  /** "Metastasis other than peritoneum or liver or lung": metastases beyond the sites (group xlist). */
  beyond: RegExp;
}

let patterns: SitePatterns | undefined;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]');

function sitePatterns(): SitePatterns {
  if (patterns) return patterns;
  const file = metastaticSiteLexicon();
  const idOf = new Map<string, string>();
  for (const s of file.sites) for (const w of s.synonyms) idOf.set(fold(w), s.id);
  for (const g of file.groups) for (const w of g.synonyms) idOf.set(fold(w), g.id);
  const site = `(?:${[...idOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})`;
  const list = String.raw`${site}(?:\s*(?:,\s*(?:and\/or|and|or)?|and\/or|or|and|\/|&)\s*${site})*`;
  const mets = String.raw`(?:metastas[ie]s(?:\s*\(\s*es\s*\))?|metastatic\s+(?:disease|lesions?|deposits?|foci|tumou?rs?|spread)|mets|secondar(?:y|ies)|carcinomatosis|melanomatosis|sarcomatosis)`;
  const body = String.raw`(?<list>${list})(?<only>[- ](?:only|limited|predominant))?\s+${mets}|(?<olist>${list})[- ](?:only|limited)\s+(?:metastatic\s+)?disease|(?<vlist>visceral)\s+(?:disease|spread|involvement)|malignant\s+(?<mlist>pleural|peritoneal)\s+(?:disease|effusions?|involvement)|(?:metastas[ie]s|metastatic\s+(?:disease|spread)|metastatic|spread)\s+(?:to|in|within|involving|of)\s+(?:the\s+)?(?<tlist>${list})(?![- ](?:cancer|carcinoma|tumou?r))`;
  patterns = {
    idOf,
    word: new RegExp(site, 'gi'),
    beyond: new RegExp(
      String.raw`\b(?:metastas[ie]s|metastatic\s+disease)\s+(?:other\s+than|outside(?:\s+of)?|beyond)\s+(?:(?:the|to\s+the|to)\s+)?(?<xlist>${list})(?!\w)`,
      'gi',
    ),
    phrase: new RegExp(String.raw`\b(?:${body})(?!\w)`, 'gi'),
    whole: new RegExp(
      String.raw`^\W*(?:(?:known|documented|confirmed|proven|baseline|the|a|presence|case|of|with|has|have|having|evidence)\s+)*(?:${body})(?:\s+(?:(?:are|is)\s+)?present|\s+at\s+baseline)?[\s,.;]*(?:\band\b)?\W*$`,
      'i',
    ),
  };
  return patterns;
}

function fold(w: string): string {
  return w.toLowerCase().replace(/[- ]+/g, ' ');
}

/** Site ids named in a list of site words ("bone, liver and lung"). */
function idsIn(listText: string, p: SitePatterns): string[] {
  const ids = new Set<string>();
  for (const m of listText.matchAll(p.word)) {
    const id = p.idOf.get(fold(m[0]));
    if (id) ids.add(id);
  }
  return [...ids];
}

function leafOf(m: RegExpExecArray, p: SitePatterns): LeafCondition | null {
  const g = m.groups ?? {};
  const listText = g.list ?? g.olist ?? g.vlist ?? g.tlist ?? g.mlist;
  if (!listText) return null;
  const sites = idsIn(listText, p);
  if (!sites.length) return null;
  const only = g.olist !== undefined || (g.only !== undefined && /only|limited/i.test(g.only));
  // "predominant" qualifies the sites without limiting the disease to them: not read.
  if (g.only !== undefined && !only) return null;
  return { fact: 'metastaticSite', operator: 'equal', value: true, params: only ? { sites, only } : { sites } };
}

/**
 * A whole subgroup phrase naming metastatic sites ("known liver metastases", "hepatic metastasis"), as
 * a metastaticSite leaf; null when the phrase says anything more.
 */
export function siteSubgroup(phrase: string): LeafCondition | null {
  const p = sitePatterns();
  const m = p.whole.exec(phrase.trim());
  return m ? leafOf(m, p) : null;
}

/** Words before a site phrase that make it the target of a treatment, procedure or sample. */
const TARGET_BEFORE =
  /\b(?:for|to|against|from|on|into|after|following|treat(?:ing|ed|s)?|irradiat\w*|radiotherapy|radiation|resect\w*|biops\w*|ablat\w*|inject\w*|surgery|excision|removal|sbrt|srs)\s+(?:(?:the|a|an|any|all|known|existing|painful|symptomatic|isolated|solitary|single|multiple|one|two|three|\d+)\s+)*$/i;
/** "biopsy of", "resection of", "number of": an object of something other than the patient's state. */
const OF_BEFORE =
  /\b(?:resection|biopsy|biopsies|treatment|therapy|irradiation|radiotherapy|management|number|size|volume|diameter|ablation|embolization|injection|sample|samples|specimen|specimens|tissue)\s+of\s+(?:the\s+)?$/i;
/** A noun right after the phrase that it modifies attributively ("bone metastases radiotherapy"). */
const ATTRIBUTIVE_AFTER =
  /^\s*(?:radiotherapy|radiation|irradiation|therapy|treatment|surgery|resection|biopsy|biopsies|tissue|samples?|specimens?|pain|fractures?|cohort|arm|group|patients?\s+(?:who|must|should|will|may))\b/i;
/** "… discovered on laparotomy": a finding at the operation, not the disease known before it. */
const INTRAOPERATIVE_AFTER =
  /^\s*(?:discovered|found|detected|identified|noted|seen)\s+(?:on|at|during)\s+(?:the\s+)?(?:laparotomy|laparoscopy|surgery|exploration|operation|resection)\b/i;
/** The clause permits rather than requires. */
const PERMISSIVE =
  /\b(?:is|are|was|were|will be|be|remain|remains)\s+(?:also\s+)?(?:allowed|permitted|permissible|eligible|acceptable|accepted|not excluded)\b|\bmay (?:be )?(?:enrolled|enroll|participate|included|eligible|allowed|permitted)\b|\b(?:can|may) be (?:included|enrolled|considered)\b|\bas long as\b|\bregardless\b/i;
/** A subgroup the rest of the clause is about: "if …", "patients with … must", "for patients with …". */
const CONDITIONAL_BEFORE =
  /\b(?:if|when|whenever|unless|in (?:the )?case of|in case|except|excluding|other than|besides|e\.g|for example|such as)\b|(?:\+\/-|±|with or without)\s*$|\bfor\s+(?:the\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who)\b/i;
const SUBJECT_MODAL =
  /^\W*(?:(?:for\s+)?(?:patients?|participants?|subjects?|those|individuals?)\s+(?:with|who|having)\b)[^.;]*$/i;
const MODAL_AFTER = /^[^.;]*?\b(?:must|should|shall|need|needs|will need|require|requires)\b/i;
/** Another cancer, a relative's, or a visceral crisis: not the patient's metastatic sites. */
const OTHER_FRAME =
  /\b(?:other|another|additional|second|secondary|prior|previous)\s+(?:(?:primary|invasive|active|known)\s+)?(?:malignan|cancer|tumou?r)|\bfamily\b|\bvisceral\s+crisis\b/i;
/** Brain sites listed with these ("brain or bone metastases") are the brain reader's, and the list with them. */
const BRAIN_IN_LIST =
  /\b(?:brain|cns|intracranial|cerebral|leptomeningeal)\s*(?:,\s*(?:or|and)?|or|and\/or|and|\/)\s*$/i;
/** Laboratory limits for a subgroup ("≤ 5 × ULN with liver metastases") are the lab reader's. */
const LAB_CONTEXT = /\bULN\b|\bupper (?:limit|normal)|\bnormal (?:limit|range)|\bIUH\b/i;
/** Words before the sites that narrow them ("symptomatic visceral spread", "stable bone-only disease"). */
const QUALIFIER = new Set(
  'symptomatic asymptomatic stable unstable progressive progressing untreated treated active significant extensive diffuse disseminated multiple solitary single isolated limited bulky measurable non-measurable nonmeasurable resectable unresectable operable inoperable advanced metastatic advanced/metastatic large small painful lytic blastic sclerotic osteolytic osteoblastic oligometastatic predominant uncontrolled new residual synchronous metachronous widespread life-threatening impending rapidly clinically radiographically radiologically central centrally peripheral cavitary cavitating cavitated necrotic hemorrhagic haemorrhagic ulcerated ulcerating fungating bilateral unilateral'.split(
    ' ',
  ),
);
/** A clause after the phrase that narrows it: "> 30% of the liver volume", "that is only blastic", "unless …". */
const RESTRICTIVE_AFTER =
  /^\s*(?:(?:that|which|who|with|without|involving|requiring|causing|measuring|unless|except|not|amenable|suitable|eligible|accessible|at risk|over|under|larger|greater|more|less|exceeding|above|below|only|limited|confined)\b|[<>≤≥]|\d)/i;
/** Where such a clause stops: the end of its clause, or a predicate of the whole criterion. */
const TAIL_END =
  /[;:]|\.(?:\s|$)|,\s*(?:or|and)\b|\s+(?:are|is|will be)\s+(?:excluded|not eligible|ineligible|not allowed|required)\b|$/i;

/**
 * Qualifier words right before the sites ("symptomatic visceral", "advanced, symptomatic, visceral"),
 * each with the gloss a parenthesis may give it ("Central (e.g., within 2 cm from the hilum) lung
 * metastases"): the gloss says what the qualifier means and is kept with it.
 */
function qualifierBefore(text: string, from: number, siteStart: number): [number, number] | null {
  const stretch = text.slice(from, siteStart);
  // A parenthesis closing right before the sites (or before a comma) is one word here, tested by
  // the word before it.
  const words = [...stretch.matchAll(/\([^()]{0,80}\)|[\w'/-]+|[^\w\s]/g)];
  let first = -1;
  for (let k = words.length - 1; k >= 0 && words.length - k <= 6; k--) {
    const w = words[k]![0].toLowerCase();
    if (w === ',') continue;
    if (w.startsWith('(') && k > 0 && QUALIFIER.has(words[k - 1]![0].toLowerCase())) continue;
    if (!QUALIFIER.has(w)) break;
    first = k;
  }
  if (first < 0) return null;
  return [from + words[first]!.index, siteStart];
}

/** A narrowing clause right after the phrase, as [start, end), or null. */
function restrictionAfter(text: string, end: number): [number, number] | null {
  const rest = text.slice(end);
  const paren = /^\s*\(([^()]*)\)/.exec(rest);
  if (paren && /\S+\s+\S+\s+\S+/.test(paren[1]!)) return [end + paren[0].indexOf('(') + 1, end + paren[0].length - 1];
  if (!RESTRICTIVE_AFTER.test(rest)) return null;
  const lead = /^\s*/.exec(rest)![0].length;
  const stop = TAIL_END.exec(rest.slice(lead))!;
  const tail = rest.slice(lead, lead + stop.index).replace(/[\s,]+$/, '');
  return tail ? [end + lead, end + lead + tail.length] : null;
}

/** Between a negation trigger and the phrase: a clause break the negation should not cross. */
const NEGATION_LEAK = /[,;()]|\b(?:which|that|who|whose|but)\b/i;

/** A clause boundary; a period counts only before a new sentence, not in "e.g.," or "1.5". */
const CLAUSE_BREAK = /[;:\n]|\.(?=\s+[A-Z0-9(]|\s*$)/g;

function clauseStart(text: string, pos: number): number {
  const from = Math.max(0, pos - 400);
  let start = from;
  CLAUSE_BREAK.lastIndex = from;
  for (let m = CLAUSE_BREAK.exec(text); m && m.index < pos; m = CLAUSE_BREAK.exec(text)) start = m.index + 1;
  return start;
}

function clauseEnd(text: string, pos: number): number {
  CLAUSE_BREAK.lastIndex = pos;
  const m = CLAUSE_BREAK.exec(text);
  return m && m.index < pos + 400 ? m.index : Math.min(text.length, pos + 400);
}

/**
 * "Extrahepatic disease", "extra-hepatic metastases": cancer beyond the liver, in trials of liver
 * cancer or of liver metastases. Read as metastatic disease not confined to the liver; an HCC with
 * only intrahepatic spread is not metastatic, so it does not meet the phrase, and nodal spread
 * without distant metastases (which the phrase also covers) stays unknown rather than excluded.
 * "Metastasis other than peritoneum or liver or lung" is read the same way with its sites.
 */
const EXTRAHEPATIC = /\bextra-?hepatic\s+(?:disease|metastas[ie]s|metastatic\s+disease|spread|tumou?r\s+spread)\b/gi;

function beyondCondition(sites: string[]): Condition {
  return {
    all: [
      { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
      { fact: 'metastaticSite', operator: 'equal', value: false, params: { sites, only: true } },
    ],
  };
}

export const extractMetastaticSites: Extractor = (input: ExtractInput) => {
  const { text } = input;
  if (!/metasta|\bmets\b|secondar|only|limited|visceral|spread|carcinomatosis|melanomatosis|sarcomatosis|malignant|extra-?hepatic/i.test(text))
    return [];
  if (LAB_CONTEXT.test(text) || input.mentions.some((m) => m.type === 'lab')) return [];
  const p = sitePatterns();
  const out: Finding[] = [];
  const matches: RegExpExecArray[] = [];
  p.phrase.lastIndex = 0;
  for (let m = p.phrase.exec(text); m; m = p.phrase.exec(text)) matches.push(m);
  EXTRAHEPATIC.lastIndex = 0;
  for (let m = EXTRAHEPATIC.exec(text); m; m = EXTRAHEPATIC.exec(text)) matches.push(m);
  p.beyond.lastIndex = 0;
  for (let m = p.beyond.exec(text); m; m = p.beyond.exec(text)) {
    // The sites listed after "other than" are read here; the phrase regex must not read them too.
    for (let i = matches.length - 1; i >= 0; i--)
      if (matches[i]!.index < m.index + m[0].length && matches[i]!.index + matches[i]![0].length > m.index)
        matches.splice(i, 1);
    matches.push(m);
  }
  for (const m of matches) {
    const start = m.index;
    const end = start + m[0].length;
    // EXTRAHEPATIC has no named groups; the site-list phrases always have them.
    const extrahepatic = m.groups === undefined;
    const beyond = m.groups?.xlist;
    const leaf = extrahepatic
      ? beyondCondition(['liver'])
      : beyond !== undefined
        ? beyondCondition(idsIn(beyond, p))
        : leafOf(m, p);
    if (!leaf) continue;
    if (input.scopes.in('exception', start)) continue;
    const cStart = clauseStart(text, start);
    const cEnd = clauseEnd(text, end);
    const before = text.slice(cStart, start);
    const after = text.slice(end, cEnd);
    const sentence = text.slice(cStart, cEnd);
    if (
      BRAIN_IN_LIST.test(before) ||
      TARGET_BEFORE.test(before) ||
      OF_BEFORE.test(before) ||
      ATTRIBUTIVE_AFTER.test(after) ||
      INTRAOPERATIVE_AFTER.test(after)
    )
      continue;
    if (PERMISSIVE.test(sentence) || OTHER_FRAME.test(sentence)) continue;
    // A qualifier's gloss ("Central (e.g., within 2 cm from the hilum)") gives examples of the
    // qualifier, not a subgroup of the sentence.
    const unglossed = before.replace(/([\w'-]+)\s*\([^()]{0,80}\)/g, (all: string, w: string) => (QUALIFIER.has(w.toLowerCase()) ? w : all));
    if (CONDITIONAL_BEFORE.test(unglossed) || (SUBJECT_MODAL.test(before) && MODAL_AFTER.test(after))) continue;
    // An exclusion list closed by "and" ("Malignant pleural effusion, malignant ascites, … and
    // peritoneal carcinomatosis") names each item as excluding, but its findings would be joined as
    // all of them: such an item is left to the list's other readers.
    if (
      input.kind === 'exclusion' &&
      (/(?:,|\band)\s*$/.test(before) || /^\s*(?:,|and\b)/.test(after)) &&
      /,[^,]*\band\b[^,]*$/.test(sentence) &&
      !/\bor\b/.test(sentence)
    )
      continue;
    const listText = extrahepatic
      ? m[0]
      : (m.groups?.list ?? m.groups?.olist ?? m.groups?.vlist ?? m.groups?.tlist ?? m.groups?.mlist ?? beyond ?? '');
    const siteStart = start + m[0].indexOf(listText);
    // Words that narrow the sites ("symptomatic visceral spread", "liver metastasis > 30% of the
    // liver volume") are kept with them as an unknown: the site alone is necessary, not sufficient.
    const narrowing = [qualifierBefore(text, cStart, siteStart), restrictionAfter(text, end)].filter(
      (x): x is [number, number] => x !== null,
    );
    const condition: Condition = narrowing.length
      ? {
          all: [
            leaf,
            ...narrowing.map((sp): LeafCondition => ({
              fact: 'unparsed',
              operator: 'equal',
              value: true,
              params: { text: text.slice(sp[0], sp[1]) },
            })),
          ],
        }
      : leaf;
    const finding: Finding = {
      category: 'stage',
      condition,
      spans: [[start, end]],
      anchor: start,
      fallback: [siteStart, siteStart + listText.length],
      ...(narrowing.length ? { cover: narrowing } : {}),
    };
    const sc = input.scopes.scopes.find((x) => x.kind === 'negated' && start >= x.start && start < x.end);
    if (sc) {
      const post = sc.trigger[0] >= end;
      const between = post ? text.slice(end, sc.trigger[0]) : text.slice(sc.trigger[1], start);
      if (NEGATION_LEAK.test(between)) continue;
      // "Patients with liver metastases are not eligible" in an exclusion list says what excludes.
      if (post && input.kind === 'exclusion') finding.polarityHandled = true;
    }
    out.push(finding);
  }
  return out;
};
