/**
 * Infection items under a lead-in that gives their test result: "Patients must be seronegative for the
 * following:", then "Human immunodeficiency virus (HIV)-1 or HIV-2 antibodies", "Syphilis (Rapid Plasma
 * Reagin [RPR] test or …)". The item names only the infection and the test; the lead-in says the result
 * must be negative. Read without it, a bare infection in an inclusion says nothing (history-conditions.ts
 * leaves it unread), so these lists went unread whole.
 */
import type { ExtractInput } from './extractor';

/**
 * The lead-in: a requirement that the patient be (sero)negative for, or test negative for, what follows
 * ("must be seronegative for the following:", "Patients must test negative for:"). Only one ending in
 * the colon that hands over to the items, and not one offering the tests as conditions ("… if positive
 * for the following:").
 */
const NEGATIVE_LEAD =
  /\b(?:must|should|shall|need\s+to|are\s+required\s+to)\s+(?:be|test|have\s+(?:a\s+)?(?:negative\s+(?:tests?|results?|serology)\s+for))\s*(?:(?:sero)?negative\s+(?:for|to)\b)?[^.;:!?]{0,40}:\s*$/i;
const NEGATIVE_WORD = /\b(?:sero)?negative\b/i;

/**
 * The test words an item may add after the infection's name: the assay, its target and the brackets of
 * its abbreviations ("IgM antibody titer or PCR assay", "(Rapid Plasma Reagin [RPR] test or venereal
 * disease research laboratory [VDRL] test)").
 */
const TEST_TAIL =
  /^(?:[\s,()[\]\\-]|\b(?:or|and|and\/or|\d|igm|igg|antibod(?:y|ies)|ab|antigens?|ag|titers?|titres?|serology|serologic(?:al)?|serum|blood|pcr|assays?|tests?|testing|rna|dna|viral|load|nucleic|acid|rapid|plasma|reagin|rpr|venereal|disease|research|laboratory|vdrl|treponemal|screen(?:ing)?|indicating|active|current|infection)\b)+/i;
/**
 * Tests of a current infection (IgM, nucleic acid, nontreponemal syphilis tests), which turn negative once
 * it has passed: negative there rules out only the active infection, not one cured or past.
 */
const CURRENT_INFECTION_TEST = /\b(?:igm|pcr|rna|dna|viral\s+load|nucleic|rpr|vdrl|reagin|indicating\s+active|active\s+infection)\b/i;
/** Tests that stay positive for life (antibodies of any class but IgM, antigens). */
const LASTING_TEST = /\b(?:antibod(?:y|ies)|ab|igg|antigens?|ag)\b/i;

/** The lead-in above an inclusion item requires its infections to test negative. */
export function negativeSerologyLead(input: ExtractInput): boolean {
  if (input.kind !== 'inclusion') return false;
  const lead = input.context[input.context.length - 1];
  if (!lead || lead.length > 300) return false;
  return NEGATIVE_LEAD.test(lead) && NEGATIVE_WORD.test(lead) && !/\bif\b/i.test(lead);
}

/**
 * The test words after an infection at `pos`, when the item holds nothing else up to its next item
 * separator (a semicolon, or the item's end): their end, and whether the test is of a current infection
 * only. Null when other words follow (a window, a permission), which this reading does not take.
 */
export function serologyTail(text: string, pos: number): { end: number; current: boolean } | null {
  const rest = text.slice(pos, pos + 200);
  const stop = /;|$/.exec(rest)!.index;
  const piece = rest.slice(0, stop);
  const m = TEST_TAIL.exec(piece);
  const len = m ? m[0].length : 0;
  if (piece.slice(len).replace(/[.\s]+$/, '') !== '') return null;
  const words = piece.slice(0, len);
  // Only IgM or nucleic-acid tests named ("IgM serology or PCR assay"): the active infection. An antibody
  // named with them ("HIV-1 or HIV-2 antibodies") is a lasting test, and its negative rules out any.
  const current = CURRENT_INFECTION_TEST.test(words) && !(LASTING_TEST.test(words.replace(/\bigm\s+antibod(?:y|ies)\b/gi, ' ')));
  return { end: pos + len, current };
}
