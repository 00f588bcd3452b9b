/**
 * Standard therapy exhausted, read as the earlier treatment the record shows (therapy-standard.ts):
 * the routes the standard-therapy statements leave unread (a count of lines, an alternative that is
 * no route of theirs, a receipt and how it ended, a list carried across a semicolon). Each route is
 * the record's finding with "standard" kept as an unread qualifier beside it, and each alternative an
 * unread leaf beside the routes, so that a patient without the treatment is unknown, never failed.
 * Real corpus lines.
 */
import { ANTICANCER_KINDS, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { attestationTopics, cancerType, extent, judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const EVERY_KIND = [...ANTICANCER_KINDS];
const inclusion = (line: string): Condition => {
  const { condition } = readRule(line, 'inclusion');
  expect(condition).not.toBeNull();
  return condition!;
};

const progressed: PatientRecord = {
  treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01', outcome: 'progression' }],
};
const resectedThenRelapsed: PatientRecord = {
  treatments: [{ name: 'surgery', kind: 'surgery', start: '2023-03-01', outcome: 'progression' }],
};
const respondedOnly: PatientRecord = {
  treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01', outcome: 'response' }],
};

describe('routes beside an alternative no fact holds', () => {
  it('reads two prior lines of standard therapy, "including" kept unread, beside no standard therapy (NCT07260591)', () => {
    expect(
      inclusion('Disease progression after at least two prior lines of standard therapy (including targeted therapy), or for whom no standard therapy exists or is medically unsuitable.'),
    ).toEqual({
      any: [
        {
          all: [
            { fact: 'priorLines', operator: 'greaterThanInclusive', value: 2 },
            therapy({ kinds: ['systemic'], outcome: 'progression' }),
            unparsed('standard therapy'),
            unparsed('including targeted therapy'),
          ],
        },
        unparsed('for whom no standard therapy exists or is medically unsuitable'),
      ],
    });
  });

  it('reads "relapsed/refractory after standard therapy (or none available)" as the treatment\'s course, not the disease\'s (NCT07410676, NCT07410494)', () => {
    for (const line of [
      'Histologically confirmed advanced/metastatic solid tumor that is relapsed/refractory after standard therapy (or no standard therapy available).',
      'Histologically or cytologically confirmed advanced/unresectable or metastatic solid tumor that is relapsed/refractory after standard therapy, or no standard therapy available.',
    ]) {
      const c = inclusion(line);
      // The course is the route's: required as the disease's extent beside it, it would bind the
      // patients the alternative lets in.
      expect(JSON.stringify(c)).not.toContain('"extent":"relapsed"');
      expect(JSON.stringify(c)).not.toContain('"extent":"refractory"');
      expect(c).toEqual({
        all: expect.arrayContaining([
          cancerType('SOLID'),
          {
            any: [
              { all: [therapy({ kinds: EVERY_KIND, outcome: 'progression' }), unparsed('standard therapy')] },
              unparsed('no standard therapy available'),
            ],
          },
        ]),
      });
      // A patient without the treatment is unknown on the routes, never failed.
      const routes = (c as { all: Condition[] }).all.find((x) => 'any' in x && JSON.stringify(x).includes('priorTherapy'))!;
      expect(judgeRecord(routes, { treatments: [] })).toBeNull();
    }
  });

  it('reads routes with their own objects and an alternative carried across a semicolon (NCT05914116)', () => {
    const c = inclusion(
      'Histologically or cytologically confirmed unresectable advanced/metastatic solid tumor that has relapsed or progressed on or after standard systemic treatments, or is intolerable with standard treatment; or for which no standard treatment is available.',
    );
    expect(c).toEqual({
      all: expect.arrayContaining([
        {
          any: [
            { all: [therapy({ kinds: ['systemic'], outcome: 'progression' }), unparsed('standard systemic treatments')] },
            { all: [therapy({ kinds: EVERY_KIND, outcome: 'intolerance' }), unparsed('standard treatment')] },
            unparsed('for which no standard treatment is available'),
          ],
        },
      ]),
    });
  });

  it('reads an intolerance route after "; or" as a route, not as the unread alternative (NCT06425926)', () => {
    const c = inclusion(
      'Cytologically or histologically confirmed locally advanced or metastatic solid tumor that has progressed on standard therapy or for which no standard therapy exist; or be intolerant of standard therapy',
    );
    expect(therapyLeaves(c)).toEqual([therapy({ kinds: EVERY_KIND, outcome: 'progression' }), therapy({ kinds: EVERY_KIND, outcome: 'intolerance' })]);
    expect(JSON.stringify(c)).toContain('"text":"for which no standard therapy exist"');
  });

  it('keeps a list left open for the next criterion as an unread alternative (NCT04370587)', () => {
    expect(inclusion('Disease progression after standard of care (SOC) therapy or in the opinion of')).toEqual({
      any: [
        { all: [therapy({ kinds: EVERY_KIND, outcome: 'progression' }), unparsed('standard of care (SOC) therapy')] },
        unparsed('in the opinion of'),
      ],
    });
  });

  it('reads standard therapy received, beside the investigator\'s opinion (NCT04752826)', () => {
    expect(
      inclusion(
        'Subjects must have received prior standard therapy appropriate for their tumor type and stage of disease, or in the opinion of the Investigator, would be unlikely to tolerate or derive clinical benefit from appropriate standard of care therapy.',
      ),
    ).toEqual({
      any: [
        { all: [therapy({ kinds: EVERY_KIND }), unparsed('prior standard therapy')] },
        unparsed('in the opinion of the Investigator, would be unlikely to tolerate or derive clinical benefit from appropriate standard of care therapy'),
      ],
    });
  });
});

describe('a receipt and how it ended', () => {
  it('reads non-responders (progressive disease) or recurred as progression, "(if available)" as an alternative (NCT02830724)', () => {
    const c = inclusion(
      'Patients must have previously received at least one standard therapy for their cancer (if available) and have been either non-responders (progressive disease) or have recurred.',
    );
    expect(c).toEqual({
      any: [{ all: [therapy({ kinds: EVERY_KIND, outcome: 'progression' }), unparsed('standard therapy')] }, unparsed('if available')],
    });
  });
});

describe('which treatments standard therapy spans', () => {
  const line = 'Disease progression after standard of care (SOC) therapy or in the opinion of';
  it('counts a relapse after standard surgery: the route is never false for it', () => {
    expect(judgeRecord(inclusion(line), resectedThenRelapsed)).toBeNull();
  });
  it('leaves a progression on a drug unknown (was it the standard therapy?), and so a response only', () => {
    expect(judgeRecord(inclusion(line), progressed)).toBeNull();
    expect(judgeRecord(inclusion(line), respondedOnly)).toBeNull();
  });
  it('reads an outcome on "standard therapy" in the list reader on every kind too, with the statements\' questions beside it (NCT05669430)', () => {
    const c = inclusion('Refractory or intolerant to standard therapy(ies)');
    expect(therapyLeaves(c)).toEqual([therapy({ kinds: EVERY_KIND, outcome: 'progression' }), therapy({ kinds: EVERY_KIND, outcome: 'intolerance' })]);
    expect(attestationTopics(c)).toEqual(['standard_therapy_failed=true', 'standard_therapy_intolerant=true']);
  });
  it('keeps "standard systemic" and a count of lines systemic', () => {
    expect(therapyLeaves(inclusion('Patients who have failed standard second-line drug therapy.'))).toEqual([therapy({ kinds: ['systemic'], outcome: 'progression' })]);
  });
});

describe('what stays unread here', () => {
  it('leaves sentences the standard-therapy statements read to them (NCT06910657)', () => {
    const c = inclusion('Histologically or cytologically confirmed advanced solid tumors that have progressed despite standard therapy, or for which no standard therapy exists.');
    expect(therapyLeaves(c)).toEqual([]);
    expect(attestationTopics(c)).toEqual(['standard_therapy_failed=true', 'no_standard_option=true']);
  });

  it('does not read a named treatment as standard therapy', () => {
    for (const line of [
      'Has experienced disease progression during or after treatment with a standard of care systemic chemotherapy doublet, or platinum-based therapy (if eligible)',
      'Patients with tumors that have known actionable molecular alteration such in EGFR, ALK, ROS-1, BRAF, RET, MET, and KRAS must have progressed on standard directed molecular therapy, and platinum-based chemotherapy.',
    ])
      expect(JSON.stringify(readRule(line, 'inclusion').condition ?? {})).not.toContain('"text":"standard');
  });

  it('leaves a sentence when another sentence of the criterion offers a way in (NCT06630611)', () => {
    const c = readRule(
      'Patients must have histologically or cytologically proven metastatic or unresectable cutaneous melanoma, NSCLC, or cervical cancer. The disease must have progressed to at least one standard systemic anticancer therapy, regardless whether in the adjuvant or metastatic setting, or the patient is unable/unwilling to receive standard therapy. Patients who are receiving an anticancer treatment post-progression are also eligible to be included, at the investigator\'s discretion, always respecting the wash-out period for starting NMA-LD chemotherapy.',
      'inclusion',
    ).condition;
    expect(therapyLeaves(c)).toEqual([]);
  });

  it('leaves a second group of patients the routes would bind alone (NCT05859074)', () => {
    const c = readRule(
      "Patients with cutaneous squamous cell carcinoma (cSCC), melanoma, and angiosarcoma, as well as patients with cutaneous neoplasms that are separate primaries with morbidity from multiple surgeries that have failed standard therapy.",
      'inclusion',
    ).condition;
    expect(JSON.stringify(c ?? {})).not.toContain('"text":"standard therapy"');
  });

  it('reads nothing in an exclusion', () => {
    expect(JSON.stringify(readRule('Disease progression after standard of care (SOC) therapy or in the opinion of', 'exclusion').condition ?? {})).not.toContain('standard of care (SOC) therapy');
  });
});

describe('what the disease reader keeps', () => {
  it('still reads "relapsed/refractory" as the disease\'s course without a standard-therapy route', () => {
    expect(JSON.stringify(inclusion('Relapsed/refractory multiple myeloma after at least 3 prior lines of therapy'))).toContain(JSON.stringify(extent('relapsed')));
  });
});
