/**
 * A treatment history denied in generic words ("… without any prior treatment") asks something of the
 * patient, though "prior" and "treatment" are filler words elsewhere ("prior to the first dose", "study
 * treatment"). Where no reader turned it into a finding, its words are shown unread, so the criterion
 * is partial: before, such a criterion came out "parsed" with the requirement silently gone.
 * Verbatim corpus lines.
 */
import { readLine } from '../support/criteria';

describe('a generic treatment history after a denial', () => {
  it('is shown unread when no finding reads it (NCT05833815 i1, NCT07562841 i3)', () => {
    expect(readLine('Histological proof of cancer with stage III inoperable or Stage IV metastatic disease without any prior treatment.')).toContain(
      '[partial; unread: proof of cancer … without any prior treatment]',
    );
    const melanoma = readLine(
      'Histologically confirmed unresectable Stage III or Stage IV melanoma without prior systemic therapy. Prior adjuvant or neoadjuvant therapy is permitted, provided it was completed at least 3 weeks before enrollment and all related adverse events (AEs) have resolved.',
    );
    expect(melanoma).toMatch(/\[partial; unread: without prior systemic therapy\b/);
  });

  it('stays read where a reader reads it (NCT05833815 i2 form, and the bare denial)', () => {
    expect(readLine('Melanoma without any prior treatment')).toBe('all(cancerType(codes: MELANOMA) = true; priorTherapy(kinds: systemic) = false)  [parsed]');
    expect(readLine('No prior treatment')).toBe('priorTherapy(kinds: systemic) = false  [parsed]');
  });
});
