/** Brain metastases, pregnancy, infections, medical history, consent, contraception. */
import type { Extractor } from './extractor';

export const HISTORY_EXTRACTORS: Extractor[] = [];
