/**
 * A criterion that opens with a label naming one cancer ("For NSCLC:", "For cutaneous melanoma:",
 * "Renal Cell Carcinoma - ", "HNSCC only:") binds its prior-treatment requirement to that cancer's
 * patients (parse.ts cancerLabelled, subgroups.ts cancerLabel): any(not the cancer, rest) in an
 * inclusion, all(the cancer, rest) in an exclusion. Read whole, the label was left unread and one
 * cohort's prior treatment was required of every patient of a basket trial. Verbatim corpus lines.
 *
 * Also: "X as monotherapy or combination with Y or other therapies" reads X whatever the sentence's
 * length (therapy.ts formPartners, found up to the sentence's end); an "or" between the lines a
 * treatment was given in ("as either 1st or 2nd line treatment") offers no other treatment
 * (therapy.ts linePositionOrs).
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { lexicons } from '../../src/criteria/lexicon';
import { cancerLabel } from '../../src/criteria/subgroups';
import type { PatientRecord } from '../../src/patients/record';
import { cancerType, criterionRule, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const notCancer = (...codes: string[]): Condition => ({ fact: 'cancerType', operator: 'equal', value: false, params: { codes } });

describe('a label naming one cancer binds the prior treatment after it to that cancer', () => {
  it('reads "For cutaneous melanoma: … anti-PD-1 …" as required of melanoma patients only (NCT07130032 i9)', () => {
    const rule = criterionRule(
      'For cutaneous melanoma: the patient has previously received anti-PD-1 antibodies with or without anti-CTLA4 therapy for metastatic disease for \\>6 months and experienced disease progression',
      'inclusion',
    );
    expect(rule).toEqual({
      any: [
        notCancer('MEL', 'SKCM'),
        { all: [therapy({ classes: ['anti_pd1'], setting: 'metastatic' }), unparsed('6 months and experienced disease progression')] },
      ],
    });
    // The trial's NSCLC patients (treated with an anti-PD-L1) are no longer failed by the melanoma cohort's anti-PD-1.
    const nsclc: PatientRecord = {
      cancers: [{ type: 'non-small cell lung cancer' }],
      treatments: [{ name: 'atezolizumab', kind: 'systemic', setting: 'metastatic', start: '2024-01-10' }],
    };
    expect(judgeRecord(rule, nsclc)).toBe(true);
    // A melanoma patient without anti-PD-1 still fails it.
    expect(judgeRecord(rule, { cancers: [{ type: 'cutaneous melanoma' }], treatments: [] })).toBe(false);
  });

  it('keeps the population condition of the rest inside the cancer\'s branch (NCT07130032 i8)', () => {
    const rule = criterionRule(
      'For cutaneous melanoma: the individuals had previously received anti-PD-1 antibodies either in combination with or without anti-CTLA4 therapy for metastatic disease. If the patient had the BRAF V600 mutation, they were also treated with BRAF and MEK inhibitors.',
      'inclusion',
    ) as { any: Condition[] };
    expect(rule.any[0]).toEqual(notCancer('MEL', 'SKCM'));
    expect(JSON.stringify(rule.any[1])).toContain('braf_inhibitor');
  });

  it('reads "For NSCLC: … anti-PD-(L)1 …" with its unread qualifier inside the NSCLC branch (NCT07130032 i7)', () => {
    const rule = criterionRule('For NSCLC: the individuals had previously received anti-PD-(L)1 antibodies for \\>6 months and experienced disease progression.', 'inclusion');
    expect(rule).toEqual({
      any: [notCancer('NSCLC'), { all: [therapy({ classes: ['anti_pd1_pdl1'] }), unparsed('6 months and experienced disease progression')] }],
    });
    expect(judgeRecord(rule, { cancers: [{ type: 'cutaneous melanoma' }], treatments: [] })).toBe(true);
  });

  it('binds an exclusion to the cancer it names: "HNSCC only:" excludes only HNSCC patients (NCT04370587 e3)', () => {
    const rule = criterionRule('HNSCC only: Prior re-irradiation field containing carotid artery.', 'exclusion');
    expect(rule).toEqual({
      all: [cancerType('HNSC'), therapy({ kinds: ['radiation'] }), unparsed('Prior re-irradiation field containing carotid artery')],
    });
  });

  it('reads a label that ends at a spaced dash ("Renal Cell Carcinoma - ")', () => {
    const [c] = parseCriteria('Inclusion Criteria:\n\n* Renal Cell Carcinoma - Patient should have received a VEGF inhibitor.');
    expect(c!.rule).toEqual({ any: [notCancer('RCC'), therapy({ classes: ['vegf_inhibitor'] })] });
    expect(c!.status).toBe('parsed');
  });

  it('takes no label that names more than the cancer: an extent, a marker, a negated cancer or a clause', () => {
    const lex = lexicons();
    expect(cancerLabel('For metastatic NSCLC: must have previously received platinum-containing chemotherapy.', lex)).toBeNull();
    expect(cancerLabel('HER2-positive breast cancer: must have received trastuzumab.', lex)).toBeNull();
    expect(cancerLabel('Non-melanoma: must have received platinum.', lex)).toBeNull();
    expect(cancerLabel('Patients with melanoma who progressed on anti-PD-1: must have received ipilimumab.', lex)).toBeNull();
    expect(cancerLabel('Non-small cell lung cancer (NSCLC): must have received platinum.', lex)?.codes).toEqual(['NSCLC']);
  });

  it('reads a population that is only a cancer the same way: "Subjects with Ovarian cancer must have received …" (NCT04282044 i5)', () => {
    const rule = criterionRule(
      'Subjects with Ovarian cancer must have received at least one prior standard of care for their relapsed or refractory disease, which must include a platinum-based regimen.',
      'inclusion',
    ) as { any: Condition[] };
    expect(rule.any[0]).toEqual(notCancer('OVARY'));
    // The trial's breast cancer patients are not asked for the ovarian cohort's platinum.
    expect(judgeRecord(rule, { cancers: [{ type: 'triple-negative breast cancer' }], treatments: [] })).toBe(true);
  });

  it('leaves the criterion as read when the rest names another group (NCT04119024 i12, NCT06008288 i3)', () => {
    const lex = lexicons();
    // "… a BRAF inhibitor in combination with MEK inhibitor for patients with BRAF V600-activating
    // mutation": read alone, the rest would require BRAF and MEK inhibitors of every melanoma patient.
    expect(
      cancerLabel(
        'Patients with melanoma must have progressed following \\>= 1 line of systemic therapy, including immune checkpoint inhibitor and a BRAF inhibitor in combination with MEK inhibitor for patients with BRAF V600-activating mutation and is not considered to have an alternate treatment option with curative intent',
        lex,
      ),
    ).toBeNull();
    expect(
      cancerLabel(
        'Patients with pancreatic cancer must have progressed or been intolerant to prior gemcitabine-based chemotherapy regimens or FOLFIRINOX/mFOLFIRINOX/NALIRIFOX treatment. Patients with other types of solid tumors must have progressed or been intolerant to prior systemic therapy and lack satisfactory alternative treatment options.',
        lex,
      ),
    ).toBeNull();
    expect(cancerLabel('Patients with metastatic pancreatic cancer must have received gemcitabine.', lex)).toBeNull();
  });

  it('leaves a label that opens a run of cohort items joined with its siblings (NCT04851119)', () => {
    // "Solid tumor patients: …" then "Non-Hodgkin lymphoma patients": joined as alternatives as before;
    // bound alone, the lymphoma item would have required lymphoma of every patient.
    const criteria = parseCriteria(
      'Inclusion Criteria:\n\n* Cytotoxic chemotherapy or other anti-cancer agents known to be myelosuppressive\n\n  * Solid tumor patients: \\>= 21 days after the last dose of myelosuppressive chemotherapy (42 days if prior nitrosourea)\n  * Non-Hodgkin lymphoma patients\n',
    );
    expect(criteria.some((c) => c.text.trim() === 'Non-Hodgkin lymphoma patients')).toBe(false);
  });

  it("leaves a cohort's diagnosis after its label to the cohort readers (NCT06953089 i11)", () => {
    const rule = criterionRule(
      'For PDAC: Participants must have histologically or cytologically confirmed metastatic PDAC., who have progressed after at least one prior line of standard systemic treatment ((≥2L PDAC).)',
      'inclusion',
    );
    expect(JSON.stringify(rule)).not.toContain('"value":false,"params":{"codes"');
  });
});

describe('"as monotherapy or combination with Y or other therapies" past the near window', () => {
  it('reads the anti-PD-1/PD-L1 inhibitor whatever form it was given in (NCT05076760 i20, without its typo)', () => {
    const r = readRule(
      'Subjects must have received an anti-PD-1/PD-L1 inhibitor as monotherapy or combination with anti-CTLA-4 inhibitor or other therapies.',
      'inclusion',
    );
    expect(r.condition).toEqual(therapy({ classes: ['anti_pd1_pdl1'] }));
  });
});

describe('an "or" between line positions is no alternative to the treatment', () => {
  it('reads palbociclib as required, the lines and dates left unread (NCT05452798 i3)', () => {
    const rule = criterionRule('Initiated treatment with palbociclib as either 1st or 2nd line treatment between 01 January 2017 and 31 December 2020', 'inclusion');
    expect(rule).toEqual({
      all: [therapy({ drugs: ['palbociclib'] }), unparsed('1st or 2nd line treatment between 01 January 2017 and 31 December 2020')],
    });
  });

  it('reads both treatments of the NSCLC cohort, bound to NSCLC, past the near window (NCT07130032 i6)', () => {
    const rule = criterionRule(
      'For NSCLC: the individuals had previously received anti-PD-(L)1 antibodies in combination with platinum-containing chemotherapy either in the first line or sequentially in the first and second lines for the treatment of metastatic disease.',
      'inclusion',
    );
    expect(rule).toEqual({
      any: [
        notCancer('NSCLC'),
        {
          all: [
            therapy({ classes: ['anti_pd1_pdl1'] }),
            therapy({ classes: ['platinum'] }),
            unparsed('first line or sequentially in the first and second lines … metastatic'),
          ],
        },
      ],
    });
  });

  it('keeps an "or" between treatments an alternative', () => {
    const r = readRule('Must have received palbociclib or ribociclib in the first line.', 'inclusion');
    expect(r.condition).toEqual(therapy({ drugs: ['palbociclib', 'ribociclib'] }));
  });
});
