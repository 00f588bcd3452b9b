/**
 * Readers of a whole one-sentence prior-therapy criterion the list reader (therapy.ts) leaves unread:
 * a local treatment or a setting's treatment narrowed by a phrase, a lesion that must be free of local
 * treatment (therapy-local-qualified.ts), treatments within a washout the protocol sets
 * (therapy-protocol-washout.ts). Each reading is a fallback: any other finding in the criterion
 * replaces it, so these only read lines no other reader understood.
 */
import type { Extractor } from './extractor';
import { readQualified, readUntreatedLesion } from './therapy-local-qualified';
import { readProtocolWashout } from './therapy-protocol-washout';

/** The words every form holds: the extractor is skipped without one. */
const GATE = /surg|operat|resect|ectom|radi|debulk|adjuvant|protocol/i;

export const extractWholeLineTherapy: Extractor = (input) => {
  const { text } = input;
  // Under a heading or lead-in the line may bind one cohort only ("Cohort B (prior cranial radiation)"
  // over "Previously received radiotherapy … to the brain"), or name an exception: not read.
  if (!GATE.test(text) || input.context.length) return [];
  const body = text.replace(/[\s.;,]+$/, '');
  // One sentence only: a second one may grant or carve what the leaf would hide.
  if (/[.;!?]\s+\S/.test(body) || /\n/.test(body)) return [];
  return readUntreatedLesion(input, body) ?? readProtocolWashout(input, body) ?? readQualified(input, body);
};
