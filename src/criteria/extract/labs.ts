/** Laboratory values with comparator, unit and ULN multiples; LVEF; life expectancy. */
import type { Extractor } from './extractor';

export const LAB_EXTRACTORS: Extractor[] = [];
