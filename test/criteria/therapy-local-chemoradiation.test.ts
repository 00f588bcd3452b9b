/**
 * Prior local therapy (radiotherapy, chemoradiotherapy, surgery) with its abbreviations, setting and
 * asides: verbatim lines of the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 * - CRT, cCRT and sCRT are chemoradiotherapy (as the protocols define them), matched as written;
 *   re-irradiation and 3D-CRT are radiotherapy;
 * - a union of chemoradiotherapies is a necessary condition like one of them, and so is an outcome
 *   after "definitive, platinum-based, concurrent chemoradiotherapy" (adjectives parted by commas);
 * - "non-CRT induced" denies the cause, so it names no prior treatment;
 * - "<setting> treatment with X" gives X its setting, but not after an outcome, as a goal ("candidates
 *   for adjuvant therapy with") or inside a "For patients with …," lead clause;
 * - two forms of a local treatment between the setting and the list ("either short course or long
 *   course") stay unread, and are no alternative to the list;
 * - "a minimum of 8-12 weeks prior" is a minimum gap, never a window of receipt;
 * - a parenthesis never closed before the sentence ends is an aside, whose permission leaves the list.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { criterionRule, judgeRecord, mentionIds, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record, '2025-06-01');
const chemoradiation = therapy({ kinds: ['chemotherapy', 'radiation'] });
const settings = (c: Condition | null): unknown[] => therapyLeaves(c).map((l) => (l as { params: { setting?: string } }).params.setting);

describe('chemoradiotherapy abbreviations', () => {
  it('reads CRT, cCRT and sCRT as chemoradiotherapy, only as written', () => {
    expect(mentionIds('prior cCRT or sCRT', 'therapyKind').sort()).toEqual(['chemotherapy', 'chemotherapy', 'radiation', 'radiation']);
    expect(mentionIds('have received neoadjuvant CRT', 'therapyKind').sort()).toEqual(['chemotherapy', 'radiation']);
    // Upper-case SCRT is also short-course radiotherapy; "crt" is no abbreviation.
    expect(mentionIds('planning to undergo SCRT', 'therapyKind')).toEqual([]);
    expect(mentionIds('see www.example.org/crt', 'therapyKind')).toEqual([]);
    // 3D-CRT is a radiotherapy technique, not chemoradiotherapy.
    expect(mentionIds('the planning target volume with 3D-CRT or IMRT', 'therapyKind')).toEqual(['radiation', 'radiation']);
    expect(mentionIds('History of re-irradiation to a field', 'therapyKind')).toEqual(['radiation']);
  });

  it('reads toxicity from prior cCRT or sCRT as needing one of them (NCT05170204 e12)', () => {
    const text = 'Any Grade > 2 unresolved toxicity from prior cCRT or sCRT';
    const r = readRule(text, 'exclusion');
    expect(r.condition).toEqual({ all: [chemoradiation, unparsed(text)] });
    // Never given chemotherapy or radiotherapy: not excluded.
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
  });

  it('reads pneumonitis from prior cCRT or sCRT with the treatment necessary (NCT05170204 e11)', () => {
    const r = readRule('Grade >/= 2 pneumonitis from prior cCRT or sCRT', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([chemoradiation]);
  });

  it('reads no progression after cCRT or sCRT as necessary, the words unread (NCT05170204 i7)', () => {
    const text = 'No disease progression during or following platinum-based cCRT or sCRT';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({
      any: [
        {
          all: [
            therapy({ kinds: ['chemotherapy', 'radiation'], outcome: 'progression' }, false),
            therapy({ classes: ['platinum'], kinds: ['radiation'], outcome: 'progression' }, false),
          ],
        },
        unparsed(text, false),
      ],
    });
  });

  it('reads no progression after definitive, platinum-based, concurrent chemoradiotherapy (NCT05211895 i6)', () => {
    const text = 'Patients must not have progressed following definitive, platinum-based, concurrent chemoradiotherapy';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({
      any: [
        {
          all: [
            therapy({ classes: ['platinum'], outcome: 'progression' }, false),
            therapy({ kinds: ['chemotherapy', 'radiation'], outcome: 'progression' }, false),
          ],
        },
        unparsed(text, false),
      ],
    });
    // No progression after any chemotherapy or radiotherapy: the line holds.
    expect(judge({ treatments: [] }, r.condition!)).toBe(true);
  });

  it('reads concurrent CRT for locally advanced disease as both kinds (NCT05211895 i2)', () => {
    const r = readRule(
      'Histologically- or cytologically-documented NSCLC and have been treated with concurrent CRT for locally advanced, unresectable (Stage III) disease',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([
      therapy({ kinds: ['chemotherapy'], setting: 'advanced' }),
      therapy({ kinds: ['radiation'], setting: 'advanced' }),
    ]);
  });

  it('reads no treatment in pneumonitis "non-CRT induced" (NCT05211895 e7)', () => {
    const r = readRule('Evidence of active non-CRT induced pneumonitis (≥ Grade 2), active pneumonia', 'exclusion');
    expect(therapyLeaves(r.condition)).toEqual([]);
  });

  it('reads re-irradiation as radiation, the field unread (NCT05859074 e20)', () => {
    const r = readRule('History of re-irradiation to a field which includes the carotid arteries', 'exclusion');
    expect(r.condition).toEqual({ all: [therapy({ kinds: ['radiation'] }), unparsed('field which includes the carotid arteries')] });
  });
});

describe('the setting of a treatment noun', () => {
  it('binds the list it names (NCT06784778 e4)', () => {
    const r = readRule('Adjuvant treatment with anti-PD1 immunotherapy received within the last 6 months.', 'exclusion');
    expect(r.condition).toEqual(therapy({ classes: ['anti_pd1'], withinDays: 180, setting: 'adjuvant' }));
  });

  it('binds every member of a union (NCT06631443 i5 without its course words)', () => {
    const r = readRule('Neoadjuvant treatment with either radiation therapy or chemotherapy', 'inclusion');
    expect(r.condition).toEqual(therapy({ kinds: ['radiation', 'chemotherapy'], setting: 'neoadjuvant' }));
  });

  it('binds the list past two forms of the radiotherapy, which stay unread (NCT06631443 i5)', () => {
    const r = readRule('Neoadjuvant treatment with either short course or long course radiation therapy and / or chemotherapy', 'inclusion');
    expect(r.condition).toEqual(therapy({ kinds: ['radiation', 'chemotherapy'], setting: 'neoadjuvant' }));
    expect(r.unread).toBe('short course or long course');
  });

  it('keeps the course words as a qualifier where the list excludes', () => {
    const r = readRule('Prior neoadjuvant treatment with short course or long course radiation therapy', 'exclusion');
    expect(r.condition).toEqual({ all: [therapy({ kinds: ['radiation'], setting: 'neoadjuvant' }), unparsed('short course or long course')] });
  });

  it('reads curative treatment with anti-PD-1 as given in that setting (NCT05856565 e1)', () => {
    const rule = criterionRule(
      'Retrospective cohort: Patients who have received curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3 for skin cancer for less than 90 days',
      'exclusion',
    );
    expect(settings(rule)).toEqual(['curative']);
  });

  it('is no setting of a goal or a start (NCT06599619 i4, NCT05856565 i5, NCT06754904 i6)', () => {
    for (const text of [
      'Subjects will have been deemed candidates for adjuvant therapy with single agent anti-PD1 therapy.',
      'Prospective cohort: Patients who have not received immunotherapy for the management of their skin cancer at the start of curative treatment with anti-PD-1, +/- anti-CTLA-4 or anti-LAG-3.',
      'The patient must have a measurable tumor burden that qualifies (according to clinical practice) for neoadjuvant therapy with immune checkpoint inhibitors',
    ])
      expect(settings(readRule(text, 'inclusion').condition).filter(Boolean)).toEqual([]);
  });

  it('does not free a list whose outcome stays unread (NCT06265285 i4)', () => {
    const r = readRule(
      'Locally advanced or metastatic urothelial carcinoma who have disease progression during or following platinum-containing chemotherapy or have disease progression within 12 months of neoadjuvant or adjuvant treatment with platinum-containing chemotherapy',
      'inclusion',
    );
    // No option "any adjuvant platinum" beside the urothelial carcinoma.
    expect(settings(r.condition).filter(Boolean)).toEqual([]);
    expect(judge({ treatments: [{ name: 'cisplatin', setting: 'adjuvant', start: '2023-02-01' }] }, r.condition!)).not.toBe(true);
  });

  it('leaves a list in a "For patients with …," lead clause as the group it describes (NCT06264180 i6)', () => {
    const text =
      'For patients with documented PD while on adjuvant therapy with an anti-PD-1 therapy, a confirmatory biopsy can be used in place of a confirmatory scan.';
    const r = readRule(text, 'inclusion');
    // Not required: any patient without anti-PD-1 passes; one who had it is left to the unread words.
    expect(r.condition).toEqual({ any: [therapy({ classes: ['anti_pd1'] }, false), unparsed(text.replace(/\.$/, ''))] });
  });
});

describe('a range after a lower bound', () => {
  it('is a minimum gap, never a window of receipt (NCT07287917 i14)', () => {
    const r = readRule('Patients must have had their last fraction of focal irradiation a minimum of 8-12 weeks prior to enrollment.', 'inclusion');
    expect(r.condition).toEqual({
      any: [therapy({ kinds: ['radiation'], withinDays: 84 }, false), unparsed('their last fraction of focal irradiation a minimum of 8', false)],
    });
    // The corpus line under its label stays unread rather than requiring recent radiotherapy.
    const labelled = readRule(
      'e.Radiation therapy: Patients must have had their last fraction of craniospinal or focal irradiation a minimum of 8-12 weeks prior to enrollment.',
      'inclusion',
    );
    expect(therapyLeaves(labelled.condition).filter((l) => (l as { value: boolean }).value === true)).toEqual([]);
  });
});

describe('a parenthesis never closed', () => {
  it('is an aside whose permission leaves the list read (NCT06767306 e4)', () => {
    const text =
      'Prior radiotherapy for Stage IV disease (prior adjuvant radiotherapy to primary site or nodal field (Stage I-III disease) is permitted, however adjuvant-treated sites must not be included in the baseline lesions';
    const r = readRule(text, 'exclusion');
    const leaves = leavesOf(r.condition!);
    expect(leaves[0]).toEqual(therapy({ kinds: ['radiation'] }));
    expect(leaves.some((l) => l.fact === 'unparsed' && String((l.params as { text: string }).text).startsWith('Stage IV disease'))).toBe(true);
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
  });

  it('does not hide the permission of a later sentence (NCT03646617 e3)', () => {
    const r = readRule(
      'Prior therapy with an anti-PD-1 (including nivolumab), anti-programmed death ligand (anti-PD-L1, anti-PDL2, or anti-CTLA4 (including ipilimumab) agents, interferon, HD IL-2 or any other antibody or drug specifically targeting T-cell co-stimulation or checkpoint pathways. Prior adjuvant PD-1 blockade (but not prior adjuvant Cytotoxic T lymphocyte-associated antigen (CTLA)-4 blockade) is permitted.',
      'exclusion',
    );
    // The permitted adjuvant PD-1 blockade is no reason to exclude.
    expect(settings(r.condition).filter(Boolean)).toEqual([]);
  });
});
