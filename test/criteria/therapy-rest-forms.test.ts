/**
 * Prior-therapy forms of the long tail that were left unread (session 19, "rest" family): an
 * either-status pair before a treatment ("approved or investigational anti-PD-1 antibody",
 * therapy-any-status.ts), permissions said with "permissible" or "may have received 1 or more lines
 * of", a subgroup's "prior therapies include X", "need to have received X", a response criterion that
 * defines the progression ("RECIST 1.1 defined progression on X"), a dangling "AND" that joins the
 * next entry, generic receipt "for their cancer" without "prior", and a label that heads a permission
 * ("Cytotoxic Chemotherapy: There is no limit …"), and gates that take the treatments a permission goes on to
 * name, or names again ("… may continue to take the EGFR TKI"). Criteria lines are verbatim from the corpus unless marked.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const ANY = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

const judge = (record: PatientRecord, c: Condition) => judgeRecord(c, record);

describe('"approved or investigational X" is any X', () => {
  it('reads the anti-PD-1 antibody whole, with the outcome and the dose count left unread (NCT07376707)', () => {
    const r = readRule(
      'Has received at least 2 doses of an approved or investigational anti-PD-1 antibody with documented progression or intolerability to the treatment.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ classes: ['anti_pd1'], outcome: 'progression' }),
        therapy({ classes: ['anti_pd1'], outcome: 'intolerance' }),
      ],
    });
    expect(r.unread).toBe('2 doses');
    // Never an investigational anti-PD-1 only: an approved one (pembrolizumab) counts too.
    expect(therapyLeaves(r.condition).some((l) => JSON.stringify(l).includes('investigational'))).toBe(false);
  });

  it('reads "approved or investigational anti-PD-(L)1 inhibitor" as the anti-PD-(L)1 class (NCT07376707)', () => {
    const r = readRule(
      'Has received at least 2 doses of an approved or investigational anti-PD-(L)1 inhibitor with documented progression or intolerability to the treatment.',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([
      therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }),
      therapy({ classes: ['anti_pd1_pdl1'], outcome: 'intolerance' }),
    ]);
    expect(r.unread).toBe('2 doses');
  });

  it('is met by pembrolizumab stopped for progression, not by chemotherapy alone', () => {
    const { condition } = readRule(
      'Has received at least 2 doses of an approved or investigational anti-PD-1 antibody with documented progression or intolerability to the treatment.',
      'inclusion',
    );
    const read = condition!;
    expect(
      judge(
        { treatments: [{ name: 'pembrolizumab', start: '2024-01-10', end: '2024-09-01', outcome: 'progression' }] },
        read,
      ),
    ).toBe(true);
    expect(
      judge(
        { treatments: [{ name: 'carboplatin', start: '2024-01-10', end: '2024-06-01', outcome: 'progression' }] },
        read,
      ),
    ).toBe(false);
  });

  it('reads the pair in an exclusion with nothing narrower than the text (NCT05296798)', () => {
    const r = readRule(
      'Previous treatment with approved or investigative anti-HER2 agents in any breast cancer treatment setting, except Phesgo (or trastuzumab SC with pertuzumab IV, or pertuzumab and trastuzumab IV), single-agent trastuzumab IV or SC, ado-trastuzumab emtansine, lapatinib, and neratinib in the neoadjuvant or adjuvant setting',
      'exclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([therapy({ classes: ['her2_directed'] })]);
    // The exceptions stay unread beside it: the reading is only necessary.
    expect(JSON.stringify(r.condition)).toContain('except Phesgo');
    expect(JSON.stringify(r.condition)).not.toMatch(/approved or investigative/);
  });

  it('leaves "non-approved or investigational drug" alone: one status named twice (NCT04114136)', () => {
    const r = readRule(
      'Treatment with a non-approved or investigational drug within 14 days prior to Day 1 of study treatment.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      any: [therapy({ kinds: ['investigational'], withinDays: 14 }), unparsed('non-approved')],
    });
  });
});

describe('permissions', () => {
  it('reads "are permissible" as a permission of the treatment before it, requiring nothing (NCT04693377)', () => {
    const r = readRule(
      'All lines of prior systemic therapy are permissible. Standard concurrent chemotherapy, immunotherapy, or targeted therapy are permissible',
      'inclusion',
    );
    expect(r.condition).toEqual({
      all: [
        {
          any: [
            therapy({ kinds: ['systemic'] }, false),
            unparsed('All lines of prior systemic therapy are permissible'),
          ],
        },
        {
          any: [
            therapy({ kinds: ['chemotherapy', 'immunotherapy', 'targeted'] }, false),
            unparsed('Standard concurrent chemotherapy, immunotherapy, or targeted therapy are permissible'),
          ],
        },
      ],
    });
    // A permission never fails a patient: treated patients are unknown, untreated ones pass.
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, r.condition!)).toBeNull();
    expect(judge({ treatments: [] }, r.condition!)).toBe(true);
  });

  it('reads "may have received 1 or more lines of prior X" as a permission (NCT06194929)', () => {
    const r = readRule(
      'For Cohort B, may have received 1 or more lines of prior BRAF or MEK inhibitor therapy.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] }, false),
        unparsed('For Cohort B, may have received 1 or more lines of prior BRAF or MEK inhibitor therapy'),
      ],
    });
  });

  it('reads a label heading a permission as what it permits (NCT07136181)', () => {
    const r = readRule(
      'Cytotoxic Chemotherapy: There is no limit to the number of prior regimens received.',
      'inclusion',
    );
    expect(r.condition).toMatchObject({ any: [{ fact: 'priorTherapy', value: false }, { fact: 'unparsed' }] });
    // The gate covers chemotherapy (and may be broader), never less.
    const gate = leavesOf(r.condition!).find((l) => l.fact === 'priorTherapy')!;
    expect((gate.params as { kinds: string[] }).kinds).toEqual(expect.arrayContaining(['chemotherapy']));
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, r.condition!)).toBeNull();
  });
});

describe('gates: a permission binds only those who had the treatment', () => {
  it('takes the treatments a permission goes on to name ("permitted including prior X and Y", NCT03377387)', () => {
    const r = readRule(
      'For phase Ib, any line of prior treatments is permitted including prior neratinib and capecitabine.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        { all: [therapy({ drugs: ['neratinib', 'capecitabine'] }, false), therapy({ kinds: ANY }, false)] },
        unparsed('For phase Ib, any line of prior treatments is permitted including prior neratinib and capecitabine'),
      ],
    });
    // Never fails anyone: an untreated patient passes, a treated one is for the team to judge.
    expect(judge({ treatments: [] }, r.condition!)).toBe(true);
    expect(judge({ treatments: [{ name: 'neratinib', start: '2024-01-10' }] }, r.condition!)).toBeNull();
  });

  it('reads "patients receiving X may continue to take X" as a permission of X (NCT07070232)', () => {
    const r = readRule(
      'Participants receiving an EGFR TKI at the time of signing informed consent may continue to take the EGFR TKI until 5 days prior to Cycle 1 Day 1.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ classes: ['egfr_tki'] }, false),
        unparsed(
          'Participants receiving an EGFR TKI at the time of signing informed consent may continue to take the EGFR TKI until 5 days prior to Cycle 1 Day 1',
        ),
      ],
    });
  });

  it('lets the same treatment named again join the gate (NCT01724606)', () => {
    const r = readRule(
      'Continuation of trastuzumab and pertuzumab are allowed for those patients already on trastuzumab and pertuzumab therapy.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        therapy({ drugs: ['trastuzumab', 'pertuzumab'] }, false),
        unparsed(
          'Continuation of trastuzumab and pertuzumab are allowed for those patients already on trastuzumab and pertuzumab therapy',
        ),
      ],
    });
  });

  it('reads the same gate in an exclusion as necessary only (NCT03829254)', () => {
    const r = readRule(
      'Corticosteroid treatment is allowed during the screening period but should be weaned to a dose of 10 mg prednisolone (or steroids equivalent) by Cycle 1 Day 1.',
      'exclusion',
    );
    expect(r.condition).toMatchObject({ all: [therapy({ classes: ['corticosteroid'] }), { fact: 'unparsed' }] });
    // It never excludes on the steroid alone (a treatment history does not rule steroids out: unknown).
    expect(judge({ treatments: [{ name: 'dexamethasone', start: '2025-05-20' }] }, r.condition!)).toBeNull();
    expect(judge({ treatments: [] }, r.condition!)).toBeNull();
  });
});

describe('gates that must not be read', () => {
  const options =
    'Participants must have progressive CNS lesions, as defined by one of the following:\n\n  * Patients may have multiple progressive CNS lesions, some of which have been treated by SRS or surgery. Patients are eligible if they have one or more un-treated (by surgery or SRS) progressive lesions that is measurable.\n  * Patients have measurable residual or progressive lesions after surgery.\n  * Patients who have had prior WBRT and/or SRS are eligible but there needs to be unequivocal evidence of progression of at least one lesion treated by radiation (e.g. tissue diagnosis). Biopsy can be considered for definitive diagnosis.\n  * Patients who have previously been treated with systemic therapy for CNS metastases are eligible.';

  it('reads no gate as one option under "one of the following:" (NCT02896335)', () => {
    const r = readRule(options, 'inclusion');
    // any(not X, unread) as an option would pass every patient without systemic therapy or radiotherapy.
    expect(therapyLeaves(r.condition)).toEqual([]);
    expect(judge({ treatments: [] }, r.condition!)).not.toBe(true);
  });

  it('still reads a permission after an inline "one of the following …:" of its own sentence (NCT06172478)', () => {
    const r = readRule(
      'Relapsed or progressed after treatment with ≥1 prior line of therapy (maximum of 3) that contains anti-PD-(L)1 therapy in the perioperative or metastatic setting. At least 1 line of therapy must also contain one of the following treatment modalities: chemotherapy or enfortumab vedotin. Prior fibroblast growth factor receptor (FGFR)-inhibitor treatment for those who are eligible are allowed.',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toContainEqual(therapy({ classes: ['fgfr_inhibitor'] }, false));
  });

  it('does not join a treatment named after "but" another subject to the gate (NCT05968690)', () => {
    const r = readRule(
      'Treatment-naïve or has received any number of prior lines of therapy. Prior targeted therapy is allowed, but small molecule inhibitors must be discontinued within two weeks before starting the study.',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).not.toContainEqual(therapy({ kinds: ['targeted'] }, false));
  });
});

describe('requirements the list reader now takes', () => {
  it('reads "prior therapies include X" in a subgroup as sufficient for it (NCT05896839)', () => {
    const r = readRule(
      'For patients with Basal cell carcinoma, prior therapies include hedgehog pathway inhibitors',
      'inclusion',
    );
    expect(r.condition).toMatchObject({ any: expect.arrayContaining([therapy({ classes: ['hedgehog_inhibitor'] })]) });
    // Only a gate: a patient outside the subgroup is never failed.
    expect(judge({ treatments: [] }, r.condition!)).toBeNull();
    expect(judge({ treatments: [{ name: 'vismodegib', start: '2024-01-10' }] }, r.condition!)).toBe(true);
  });

  it('does not take "which must include X" as sufficient: X is a part of another treatment (NCT04282044)', () => {
    const r = readRule(
      'Subjects with Ovarian cancer must have received at least one prior standard of care for their relapsed or refractory disease, which must include a platinum-based regimen.',
      'inclusion',
    );
    expect(r.condition).toEqual({
      fact: 'attestation',
      operator: 'equal',
      value: true,
      params: { topic: 'standard_therapy_received' },
    });
    expect(r.unread).toBe('Ovarian cancer … relapsed or refractory … platinum-based regimen');
  });

  it('reads "need to have received X" as a requirement of the subgroup (NCT06150664)', () => {
    const r = readRule(
      'Patients with HER2-low tumors (HER2 IHC 1+ or 2+/ISH negative) need to have received fam-trastuzumab deruxtecan (Enhertu)',
      'inclusion',
    );
    expect(r.unread).toBe('');
    expect(r.condition).toMatchObject({
      any: [
        { fact: 'biomarker', value: false, params: { gene: 'ERBB2', status: 'low' } },
        expect.anything(),
        therapy({ drugs: ['trastuzumab_deruxtecan'] }),
      ],
    });
  });

  it('reads "RECIST 1.1 defined progression on X" as X received, the rest unread (NCT07063875)', () => {
    const r = readRule(
      'RECIST 1.1 defined progression on single-agent Tebentafusp, with no other intervening systemic therapies',
      'inclusion',
    );
    expect(r.condition).toEqual(therapy({ drugs: ['tebentafusp'] }));
    expect(r.unread).toBe('RECIST 1.1 defined progression on single … intervening systemic');
  });

  it('keeps "defined as" blocking the list it defines (NCT01922921)', () => {
    const r = readRule(
      'HER2-targeted monoclonal antibody therapy is defined as either trastuzumab monotherapy, or trastuzumab and pertuzumab combination therapy administered per standard of care',
      'inclusion',
    );
    expect(therapyLeaves(r.condition)).toEqual([]);
  });

  it('reads an exclusion ending in a dangling "AND" as a necessary reading only (NCT06887088)', () => {
    const r = readRule('They have received at least TWO doses of cemiplimab and fianlimab AND', 'exclusion');
    expect(r.condition).toEqual({
      all: [therapy({ drugs: ['cemiplimab', 'fianlimab'] }), unparsed('They have received at least TWO doses')],
    });
    // Necessary only: the unread words keep the exclusion from ever applying on the drugs alone.
    expect(
      judge(
        {
          treatments: [
            { name: 'cemiplimab', start: '2024-01-10' },
            { name: 'fianlimab', start: '2024-01-10' },
          ],
        },
        r.condition!,
      ),
    ).toBeNull();
    expect(judge({ treatments: [] }, r.condition!)).toBe(false);
  });

  it('reads "have undergone treatment for their cancer, but …" as some anticancer treatment (NCT05231655)', () => {
    const r = readRule(
      'Have undergone treatment for their cancer, but fail to respond to this and progress',
      'inclusion',
    );
    expect(r.condition).toEqual(therapy({ kinds: ANY }));
    expect(r.unread).toBe('but fail to respond … progress');
    expect(leavesOf(r.condition!).some((l) => l.fact === 'priorLines')).toBe(false);
  });

  it('still leaves a bare "received treatment" unread: it may be any treatment (constructed line)', () => {
    expect(
      therapyLeaves(readRule('Have received treatment for an infection within 2 weeks', 'inclusion').condition),
    ).toEqual([]);
  });
});
