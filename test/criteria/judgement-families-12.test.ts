/**
 * Judgement and attestation families of round 12: fitness for a treatment given at recurrence or for
 * percutaneous hepatic perfusion (treatment_candidate), the lead-in to a protocol's lab panel and the
 * failure of the major organs (adequate_organ_function), and a severe (grade 3 or higher)
 * immune-related adverse event on earlier immunotherapy (prior_severe_irae). Real corpus lines with
 * the rule they must get, and lines that must not get it.
 */
import type { Condition } from '../../src/criteria/facts';
import { attest, attestationTopics, readRule } from '../support/criteria';

const topics = (text: string, kind: 'inclusion' | 'exclusion'): string[] => attestationTopics(readRule(text, kind).condition);
/**
 * Whether an exclusion reads prior_severe_irae as enough to exclude: a narrower wording may hold the
 * topic only as necessary, beside an unread leaf of its narrowing words in one `all`
 * (history-irae.ts).
 */
function severeIraeAlone(text: string): boolean {
  const alone = (c: Condition | null, guarded: boolean): boolean => {
    if (!c) return false;
    if ('all' in c) return c.all.some((m) => alone(m, guarded || c.all.some((x) => 'fact' in x && x.fact === 'unparsed')));
    if ('any' in c) return c.any.some((m) => alone(m, guarded));
    return c.fact === 'attestation' && (c.params as { topic?: string }).topic === 'prior_severe_irae' && !guarded;
  };
  return alone(readRule(text, 'exclusion').condition, false);
}

describe('fitness for a treatment (treatment_candidate)', () => {
  it('reads a recurrence that says when the treatment would be given, leaving it unread', () => {
    const r = readRule('The patient is assessed as unfit to receive treatment in the case of recurrence.', 'exclusion');
    expect(attestationTopics(r.condition)).toEqual(['treatment_candidate=false']);
    expect(r.unread).toBe('case of recurrence');
  });

  it('reads percutaneous hepatic perfusion as a procedure the team judges the patient fit for', () => {
    expect(readRule('Patient deemed suitable for percutaneous hepatic perfusion.', 'inclusion')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: '',
    });
    expect(readRule('Patient deemed suitable for PHP and tebentafusp.', 'inclusion')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: '',
    });
  });

  it('keeps the liver metastases read beside it', () => {
    const r = readRule(
      'Patient has histologically or cytologically confirmed diagnosis of uveal melanoma metastatic to the liver and is determined to be a candidate for percutaneous hepatic perfusion with melphalan',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('"metastaticSite"');
    expect(attestationTopics(r.condition)).toEqual(['treatment_candidate=true']);
  });

  it('still leaves progression on standard therapy to its own routes', () => {
    expect(topics('Patients who have progressed on or are not candidates for standard therapy', 'inclusion')).not.toContain('treatment_candidate=true');
  });
});

describe('organ function (adequate_organ_function)', () => {
  it('reads the lead-in of a lab panel, leaving what it adds unread', () => {
    const panel = readRule(
      'Patients must meet the following laboratory values at the screening visit in the absence of growth factors and/or transfusion support:',
      'inclusion',
    );
    expect(attestationTopics(panel.condition)).toEqual(['adequate_organ_function=true']);
    expect(panel.unread).toBe('growth factors and/or transfusion support');
    expect(readRule('The level of organ function must meet the following requirements (7 days before randomization):', 'inclusion')).toEqual({
      condition: attest('adequate_organ_function', true),
      unread: '',
    });
    const key = readRule('Key laboratory tests must be conducted within 7 days before dosing and meet the inclusion criteria:', 'inclusion');
    expect(attestationTopics(key.condition)).toEqual(['adequate_organ_function=true']);
    expect(key.unread).toBe('Key');
  });

  it('leaves a lead-in for one group of patients unread', () => {
    expect(topics('Patients with liver metastases must meet the following laboratory values:', 'inclusion')).toEqual([]);
  });

  it('reads the failure of the major organs as organ function lacking', () => {
    expect(readRule('Insufficiency or failure of major organs;', 'exclusion')).toEqual({
      condition: attest('adequate_organ_function', false),
      unread: '',
    });
  });

  it('leaves major organ dysfunction unread when an exception narrows it', () => {
    expect(
      topics(
        'Existing severe illness (e.g. significant cardiac, pulmonary, hepatic diseases, etc.) or major organ dysfunction, with the exception of grade 3 hematologic toxicity.',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('keeps reading adequate function whose growth-factor clause has an exception', () => {
    expect(
      topics(
        'Adequate organ and bone marrow function, in the absence of growth factors (with limited exception for DLBCL), as defined by laboratory parameters.',
        'inclusion',
      ),
    ).toEqual(['adequate_organ_function=true']);
  });
});

describe('severe immune-related adverse events on earlier immunotherapy (prior_severe_irae)', () => {
  it('reads grade 3 or higher, and grade 3 or 4, irAEs', () => {
    expect(readRule('Patients who experienced Grade 3 or higher irAEs with prior immunotherapy.', 'exclusion')).toEqual({
      condition: attest('prior_severe_irae', true),
      unread: '',
    });
    expect(
      readRule(
        'Participants who have previously experienced prior high-grade (grade 3 or 4 by CTCAE criteria) immune related adverse events with immune checkpoint inhibitors are not eligible.',
        'inclusion',
      ),
    ).toEqual({ condition: attest('prior_severe_irae', false), unread: '' });
  });

  it('reads the irAE beside another group joined by "or who", which stays unread as its own alternative', () => {
    const r = readRule(
      'Subjects who have experienced Grade ≥ 3 irAEs from prior immunotherapies or who discontinue immunotherapy due to immune-related toxicities.',
      'exclusion',
    );
    expect(r).toEqual({ condition: attest('prior_severe_irae', true), unread: 'discontinue immunotherapy due to immune-related toxicities' });
    expect(
      topics(
        'Subjects who have experienced Grade ≥3 irAEs from prior immunotherapies or who discontinue immunotherapy due to immune-related toxicities. Note: Subjects with stable hypothyroidism on hormone replacement therapy are eligible.',
        'exclusion',
      ),
    ).toEqual([]);
  });

  it('leaves another grade threshold unread', () => {
    for (const text of [
      'Any immune-related adverse reaction (irAE) with a severity level greater than grade 3 that has occurred during any previous immunotherapy and has been permanently discontinued;',
      'History of grade 4 immune-related adverse events with prior checkpoint inhibitors.',
      'Any unresolved grade 2 irAE (except adequately treated endocrine irAE).',
    ])
      expect(severeIraeAlone(text)).toBe(false);
  });

  it('leaves irAEs narrowed by organ, window, need for treatment, discontinuation or an exception unread', () => {
    for (const text of [
      'Grade 3 or 4 major organ irAEs following treatment with anti-PD-1/PD-L1 monotherapy, including but not limited to myocarditis, pneumonitis, colitis, and hepatotoxicity.',
      'Any CTCAE grade ≥3 immune-related adverse event observed within 3 weeks prior to CIRT start',
      'Participants must not have had grade 3 or 4 immune-related adverse events on ipilimumab or nivolumab that required more than 12 weeks of immune suppression with corticosteroids',
      'Prior therapy with an anti-PD-1, anti-PD-L1, or anti-PD-L2 agent or with an agent directed to another stimulatory or co-inhibitory T-cell receptor (e.g., CTLA-4, OX40, CD137), and was discontinued from that treatment due to a Grade 3 or higher irAE',
      'Patients who have received immunotherapy and experienced grade 3 or higher immune-related adverse events(irAEs)(except for thyroid function abnormalities,blood sugar abnormalities);',
      'History of History of Grade 3 or higher immune-related adverse events. Patient may be enrolled with Medical Monitor approval.',
      "History of grade ≥3 immune-related adverse events with prior checkpoint inhibitors that, in the investigator's opinion, preclude further IO or vaccine therapy.",
    ])
      expect(severeIraeAlone(text)).toBe(false);
    // The item's own number ("15A.") no longer hides the line: read as the line without it is
    // (history-irae-syndromes.test.ts), the negated topic beside its narrowing, unread.
    expect(topics('15A. No prior Grade ≥3 irAE leading to permanent discontinuation of prior anti-PD1/PD L1.', 'inclusion')).toEqual([
      'prior_severe_irae=false',
    ]);
  });
});
