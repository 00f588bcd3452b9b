/**
 * "Treatment with surgery, systemic cancer therapy, immunotherapy, … or anti-hormonal within protocol
 * specified intervals", "Major surgery or anticancer therapy too close to lymphodepletion
 * (protocol-defined washout)": an exclusion of the treatments named whose washout the protocol sets
 * and the criterion does not state. Excluded are those who had one of them and whose washout is not
 * complete: all(priorTherapy(the list), attestation(washout_completed) = false). A patient who never
 * had any of them is not excluded; for the others the study team answers (rules/attestations.json).
 * A washout the criterion states (a number of days) is the window readers'.
 */
import { ANTICANCER_KINDS, type Condition } from '../facts';
import type { Mention } from '../lexicon';
import type { ExtractInput, Finding } from './extractor';
import { THERAPY_TYPES } from './therapy-local-qualified';

/** The receipt words before the list: "Treatment with", "Prior", "Received". */
const WASHOUT_LEAD_RE =
  /^(?:(?:treatment|therapy)\s+with|receipt\s+of|(?:has\s+|have\s+)?received|prior|previous|any)?\s*(?:(?:any|prior|previous)\s+)?/i;
/** The washout the protocol sets, named without its length, ending the criterion. */
const PROTOCOL_WASHOUT_RE =
  /^\s*(?:(?:within|inside|during)\s+(?:the\s+)?(?:protocol|study)[\s-]+(?:specified|defined|required|mandated)\s+(?:intervals?|windows?|time\s*frames?|wash-?out(?:\s+periods?)?)|too\s+close\s+to\s+(?:the\s+)?(?:start\s+of\s+)?(?:lymphodepletion|lymphodepleting\s+chemotherapy|study\s+(?:treatment|drug|entry)|first\s+dose|enrol?lment|randomi[sz]ation)\s*\(\s*protocol[\s-]+(?:specified|defined|required)\s+wash-?out(?:\s+periods?)?\s*\))$/i;

/** The finding of an exclusion that is only the list and the protocol's washout, or null. */
export function readProtocolWashout(input: ExtractInput, body: string): Finding[] | null {
  if (input.kind !== 'exclusion' || !/protocol/i.test(body)) return null;
  const lead = WASHOUT_LEAD_RE.exec(body)!;
  const items = input.mentions.filter((m) => THERAPY_TYPES.has(m.type));
  if (!items.length || items[0]!.start < lead[0].length) return null;
  // The treatments are all the words up to the washout: list words between them, nothing else.
  let at = lead[0].length;
  for (const m of items) {
    if (m.start < at) return null;
    if (!/^\s*(?:,\s*)?(?:(?:or|and\/or|and)\s+)?(?:any\s+)?$/.test(body.slice(at, m.start))) return null;
    at = m.end;
  }
  if (!PROTOCOL_WASHOUT_RE.test(body.slice(at))) return null;
  // "anticancer therapy" with no word saying it is systemic is any anticancer treatment, radiotherapy
  // included (as therapy.ts isBroadGeneric reads it): the washout binds them all.
  const broad = (m: Mention): boolean =>
    m.type === 'therapyKind' &&
    m.id === 'systemic' &&
    !/\b(?:systemic|drugs?|agents?|medications?|medicines?|chemo\w*)\b/i.test(m.text);
  const pick = (type: Mention['type']): string[] => [
    ...new Set(items.filter((m) => m.type === type).flatMap((m) => (broad(m) ? [...ANTICANCER_KINDS] : [m.id]))),
  ];
  const params: Record<string, string[]> = {};
  for (const [key, type] of [
    ['drugs', 'drug'],
    ['classes', 'drugClass'],
    ['kinds', 'therapyKind'],
  ] as const) {
    const ids = pick(type);
    if (ids.length) params[key] = ids;
  }
  if (items.some((m) => m.type === 'regimen')) return null;
  const condition: Condition = {
    all: [
      { fact: 'priorTherapy', operator: 'equal', value: true, params },
      { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'washout_completed' } },
    ],
  };
  return [
    {
      category: 'prior_therapy',
      condition,
      spans: [[0, body.length]],
      anchor: items[0]!.start,
      polarityHandled: true,
      fallback: [0, input.text.length],
    },
  ];
}
