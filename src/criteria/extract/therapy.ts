/** Prior therapy: drugs, classes, kinds, lines, setting, progression, washout windows. */
import type { Extractor } from './extractor';

export const THERAPY_EXTRACTORS: Extractor[] = [];
