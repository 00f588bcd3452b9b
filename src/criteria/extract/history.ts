/**
 * Medical history and attestations: brain/CNS metastases, pregnancy and breastfeeding, infections,
 * other conditions (other malignancies, autoimmune disease, transplant, ILD/pneumonitis, cardiac…),
 * informed consent / compliance and contraception, safety statements (allergy to the study drugs,
 * live vaccines, recent surgery, another trial, unresolved toxicity) and criteria deferring to the
 * investigator or the protocol. Each reader lives in its own history-*.ts module;
 * this one registers them and settles their polarity.
 */
import type { ExtractInput, Extractor, Finding } from './extractor';
import { extractAttestations } from './history-attest';
import { extractBrain } from './history-brain';
import { conditionInterval } from './history-condition-interval';
import { extractConditions } from './history-conditions';
import { FAMILY_STATEMENTS } from './history-family';
import { extractSevereIrae } from './history-irae';
import { extractSevereIraeAlternatives } from './history-irae-alternatives';
import { JUDGEMENT_STATEMENTS } from './history-judgement';
import { extractMalignancy } from './history-malignancy';
import { nyhaCeiling } from './history-nyha-ceiling';
import { ORGAN_FUNCTION_STATEMENTS } from './history-organ-function';
import { extractReproductive } from './history-reproductive';
import { extractSecondPrimary } from './history-second-primary';
import { SAFETY_STATEMENTS } from './history-safety';
import { readStatements } from './history-statements';
import { negatedAt } from './history-util';
import { extractViralLoadItem } from './history-viral-load-items';

/**
 * The assembler negates a finding whose anchor lies in any negation scope. Two scopes must not
 * negate: a pleonastic post-negation in an exclusion ("Pregnant women are excluded") and a
 * negation closed inside a parenthesis ("(no prior resection of the target lesion) parenchymal
 * brain metastasis"). Findings the assembler would wrongly negate keep their condition as stated.
 */
function settlePolarity(input: ExtractInput, findings: Finding[]): Finding[] {
  for (const f of findings) {
    if (f.polarityHandled || !f.spans.length) continue;
    const anchor = f.anchor ?? f.spans[0]![0];
    const assemblerNegates = input.scopes.scopes.some(
      (sc) => sc.kind === 'negated' && anchor >= sc.start && anchor < sc.end,
    );
    if (assemblerNegates && !negatedAt(input, anchor)) f.polarityHandled = true;
  }
  return findings;
}

const settled =
  (extract: Extractor): Extractor =>
  (input) =>
    settlePolarity(input, extract(input));

const STATEMENTS = [...SAFETY_STATEMENTS, ...JUDGEMENT_STATEMENTS, ...FAMILY_STATEMENTS, ...ORGAN_FUNCTION_STATEMENTS];

export const HISTORY_EXTRACTORS: Extractor[] = [
  extractBrain,
  extractReproductive,
  extractConditions,
  extractMalignancy,
  extractAttestations,
  extractSevereIrae,
  extractSevereIraeAlternatives,
  extractViralLoadItem,
  nyhaCeiling,
  conditionInterval,
  extractSecondPrimary,
  (input: ExtractInput) => readStatements(input, STATEMENTS),
].map(settled);
