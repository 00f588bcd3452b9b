/** Cancer type and histology; stage, TNM and disease extent; measurable disease. */
import type { Extractor } from './extractor';

export const DISEASE_EXTRACTORS: Extractor[] = [];
