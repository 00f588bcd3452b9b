/**
 * An undetectable viral load as one item of a lead-in that lets patients with the infection in on
 * conditions:
 *
 *   "Known active infections … including HIV infection. Patients with history of testing positive
 *    for HIV infection are eligible provided the each of the following conditions are met: /
 *    undetectable viral load;"        (exclusion) → all(the group, condition(hiv, active))
 *   "Patients with HIV are only eligible for inclusion if they meet all the following criteria: /
 *    Undetectable viral RNA load for 6 months"
 *                                     (inclusion) → any(not the group, not condition(hiv, active))
 *
 * The item names no virus; the lead-in's group does, and it must name exactly one (HIV, hepatitis B
 * or C). An undetectable viral load is the infection not replicating, which the `active` flag of a
 * chronic viral infection stands for (history-conditions.ts). As for a lab limit under such a lead-in
 * (labs.ts), the group stays unread: an exclusion item excludes by its opposite inside the group, an
 * inclusion item holds for anyone outside it. A viral load below a number ("< 50 copies/mL") is a
 * threshold no fact holds and is not read; what the item says after the finding ("for 6 months")
 * narrows the item and stays an unparsed leaf beside it, inside the group's binding.
 */
import type { Condition } from '../facts';
import type { Extractor } from './extractor';
import { allOf, anyOf, GROUP_LEAD, opposite, unparsedLeaf, WAY_IN_LEAD } from './labs';

const VIRUSES: Array<[string, RegExp]> = [
  ['hiv', /\bHIV\b|\bhuman\s+immuno-?deficiency\s+virus\b/i],
  ['hbv', /\bHBV\b|\bhepatitis\s+B\b/i],
  ['hcv', /\bHCV\b|\bhepatitis\s+C\b/i],
];

/** The whole item's opening: "undetectable viral load", "Undetectable viral RNA load", "an undetectable HIV viral load". */
const UNDETECTABLE_ITEM =
  /^[\s\-*•]*(?:(?:have|has|having|with)\s+)?(?:an?\s+)?undetectable\s+(?:(?:HIV|HBV|HCV)(?:[\s-]*1)?\s+)?(?:viral\s+(?:(?:RNA|DNA)\s+)?loads?|viral\s+(?:RNA|DNA)|(?:HIV|HBV|HCV)\s+(?:RNA|DNA))\b/i;

export const extractViralLoadItem: Extractor = (input) => {
  const lead = input.context[input.context.length - 1];
  if (!lead || !WAY_IN_LEAD.test(lead) || /\bany\s+of\b/i.test(lead)) return [];
  if (input.kind === 'inclusion' && !GROUP_LEAD.test(lead)) return [];
  const m = UNDETECTABLE_ITEM.exec(input.text);
  if (!m) return [];
  const groupText = lead.split(/(?<=[.;])\s+/).pop()!;
  const viruses = VIRUSES.filter(([, re]) => re.test(groupText));
  if (viruses.length !== 1) return [];
  const suppressed: Condition = { fact: 'condition', operator: 'equal', value: false, params: { names: [viruses[0]![0]], active: true } };
  // What the item says after it ("for 6 months") narrows the item, not the group: kept beside it.
  const rest = /^(.*?)[\s.;,]*$/s.exec(input.text.slice(m.index + m[0].length))![1]!.trim();
  const item = rest ? allOf([suppressed, unparsedLeaf(rest)]) : suppressed;
  const group = unparsedLeaf(groupText);
  const condition = input.kind === 'exclusion' ? allOf([group, opposite(item)]) : anyOf([opposite(group), item]);
  const start = m.index + m[0].length - m[0].trimStart().length;
  const end = rest ? input.text.indexOf(rest, m.index + m[0].length) + rest.length : m.index + m[0].length;
  return [{ category: 'infection', condition, spans: [[start, end]], anchor: start, polarityHandled: true }];
};
