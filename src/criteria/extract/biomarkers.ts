/** Biomarkers: gene, alteration and status; receptor status; PD-L1, TMB, MSI, HLA. */
import type { Extractor } from './extractor';

export const BIOMARKER_EXTRACTORS: Extractor[] = [];
