/**
 * Qualifiers a condition shares with the rest of its criterion (session 20, round 2 audit of
 * medical-history and infection readings). Real corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * pin the corrected rules, each of which made an exclusion wider than its text:
 * - a need after the next member of the list ("autoimmune disorders or conditions of immunosuppression
 *   that require current ongoing treatment with systemic corticosteroids") stands beside the condition
 *   too, unless that member has its own article ("or a syndrome that requires systemic steroids");
 * - a window closing a list of conditions of one kind ("allogeneic …, adoptive cell immunotherapy or
 *   autologous … transplantation within 24 months") may be every member's: the earlier member read
 *   without it keeps the window as an unknown beside it;
 * - a note or later sentence letting patients in ("Note: … these patients may be included if …",
 *   "NOTE: However, patients … may be enrolled") spares some patients who have the condition: the
 *   condition stays necessary, the note an unknown beside it.
 * Each rule is evaluated against patient records too.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { cond, judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const patient = (conditions: PatientRecord['conditions']): PatientRecord => ({
  cancers: [{ type: 'melanoma' }],
  conditions,
});
const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('a need shared by the next member of the list', () => {
  const text =
    'Patients must not have autoimmune disorders or conditions of immunosuppression that require current ongoing treatment with systemic corticosteroids (or other systemic immunosuppressants), including oral steroids (i.e., prednisone, dexamethasone) or continuous use of topical steroid creams or ointments or ophthalmologic steroids or steroid inhalers. If a patient had been taking steroids, at least 2 weeks must have passed since the last dose.';

  it('keeps the need beside the autoimmune disorder (NCT04562129 e7)', () => {
    const { condition, unread } = readRule(text, 'exclusion');
    expect(condition).toEqual({
      any: [
        {
          all: [
            cond({ names: ['autoimmune_disease'] }),
            unparsed('that require current ongoing treatment with systemic corticosteroids (or other systemic immunosuppressants), including oral steroids'),
          ],
        },
        // The second sentence binds only patients who took steroids: another way to be excluded.
        { all: [therapy({ classes: ['corticosteroid'] }), unparsed('If a patient had been taking steroids, at least 2 weeks must have passed since the last dose')] },
      ],
    });
    // The other member stays unread, beside the reading.
    expect(unread).toContain('immunosuppression');
    // The autoimmune disorder alone (no steroids known) no longer excludes: unknown.
    expect(judge(condition!, patient([{ name: 'psoriasis', status: 'active' }]))).toBeNull();
    // Without it, that part clears the patient; the steroids a record does not list stay unknown.
    const [disorder] = (condition as { any: Condition[] }).any;
    expect(judge(disorder!, patient([{ name: 'hypertension', status: 'controlled' }]))).toBe(false);
    expect(judge(condition!, patient([{ name: 'hypertension', status: 'controlled' }]))).toBeNull();
  });

  it('leaves "or … a syndrome that required systemic corticosteroids" to the syndrome (NCT06022029 e13)', () => {
    const { condition } = readRule(
      'Has any active or recent history of a known or suspected autoimmune disease or recent history of a syndrome that required systemic corticosteroids (>10 mg daily prednisone equivalent)',
      'exclusion',
    );
    // The active autoimmune disease still excludes on its own.
    expect(condition).toEqual(cond({ names: ['autoimmune_disease'], active: true }));
  });
});

describe('a window closing a list of conditions of one kind', () => {
  it('keeps "within 24 months" beside the allogeneic transplant too (NCT05147467 e1)', () => {
    const { condition } = readRule(
      'Prior history of allogeneic hematopoietic stem cell transplantation, adoptive cell immunotherapy or autologous hematopoietic stem cell transplantation within 24 months.',
      'exclusion',
    );
    const any = (condition as { any: Condition[] }).any;
    expect(any).toContainEqual({ all: [cond({ names: ['allogeneic_stem_cell_transplant'] }), unparsed('within 24 months')] });
    expect(any).toContainEqual(cond({ names: ['autologous_stem_cell_transplant'], withinYears: 2 }));
    // An allogeneic transplant five years ago is no longer known to exclude.
    const allo = any.find((c) => 'all' in c)!;
    expect(judge(allo, patient([{ name: 'allogeneic stem cell transplant', status: 'resolved', date: '2020-01-01' }]))).toBeNull();
  });

  it('does not share a window with a member said to count "at any time" (NCT02332668 e18)', () => {
    const { condition } = readRule(
      'Has undergone solid organ transplant at any time, or prior allogeneic hematopoietic stem cell transplantation within the last 5 years. (Participants who have had an allogeneic hematopoietic transplant >5 years ago are eligible as long as there are no symptoms of Graft Versus Host Disease [GVHD].)',
      'exclusion',
    );
    expect((condition as { any: Condition[] }).any).toContainEqual(cond({ names: ['organ_transplant'] }));
  });

  it('does not give a current condition the window of the next member (NCT05865002 e14)', () => {
    const { condition } = readRule(
      'Ongoing cardiac dysrhythmias requiring treatment of any grade or treatment of cardiac dysrhythmias in the past 3 months, before Cycle 1 Day 1.',
      'exclusion',
    );
    expect((condition as { any: Condition[] }).any).toContainEqual(cond({ names: ['arrhythmia'], active: true }));
  });
});

describe('a note letting patients with the condition in', () => {
  const note =
    'At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents';

  it('reads "Serious autoimmune disease Note: … may be included if …" with the note beside it (NCT03686124 e3)', () => {
    const { condition, unread } = readRule(
      'Serious autoimmune disease Note: At the discretion of the investigator, these patients may be included if their disease is well controlled without the use of immunosuppressive agents.',
      'exclusion',
    );
    // The note spares only patients off immunosuppressive agents: taking them now still excludes.
    expect(condition).toEqual({
      all: [cond({ names: ['autoimmune_disease'], active: true }), { any: [therapy({ classes: ['immunosuppressant'], withinDays: 1 }), unparsed(note)] }],
    });
    expect(unread).toBe('');
    expect(judge(condition!, patient([{ name: 'rheumatoid arthritis', status: 'active' }]))).toBeNull();
    expect(judge(condition!, patient([{ name: 'hypertension', status: 'controlled' }]))).toBe(false);
  });

  it('joins "NOTE: However, patients … may be enrolled" to colitis, not beside it (NCT06070012 e13)', () => {
    const { condition } = readRule(
      'Colitis or inflammatory bowel disease. NOTE: However, patients with a history of autoimmune disease who are currently on physiologic hormone repletion (prednisone or equivalent of 10mg or less) and are otherwise asymptomatic may be enrolled.',
      'exclusion',
      ['History of symptomatic autoimmune disease including:'],
    );
    expect(condition).toEqual({
      all: [
        cond({ names: ['colitis', 'inflammatory_bowel_disease'] }),
        unparsed(
          'patients with a history of autoimmune disease who are currently on physiologic hormone repletion (prednisone or equivalent of 10mg or less) and are otherwise asymptomatic may be enrolled',
        ),
      ],
    });
    expect(judge(condition!, patient([{ name: 'ulcerative colitis', status: 'active' }]))).toBeNull();
    expect(judge(condition!, patient([{ name: 'hypertension', status: 'controlled' }]))).toBe(false);
  });

  it('spares patients who tested positive for HIV when conditions are met (NCT05768178 e20)', () => {
    const { condition } = readRule(
      'Known active infections (bacterial, fungal or viral) that would interfere with the assessment of safety or efficacy of vemurafenib and cobimetinib, including human immunodeficiency virus (HIV) positivity. Patients with history of testing positive for HIV infection are eligible provided the each of the following conditions are met:',
      'exclusion',
    );
    expect(JSON.stringify(condition)).toContain(
      '"text":"Patients with history of testing positive for HIV infection are eligible provided the each of the following conditions are met:"',
    );
    // HIV alone no longer excludes.
    expect(judge(condition!, patient([{ name: 'HIV', status: 'controlled' }]))).toBeNull();
  });

  it('adds nothing where the active form is read already (NCT06090266 e12)', () => {
    const { condition } = readRule(
      'Known to be positive for hepatitis B virus (HBV) surface antigen, or any other positive test for hepatitis B indicating acute or chronic infection. Subjects who are or have received anti-HBV therapy and have undetectable HBV DNA for at least 6 months prior to study entry are eligible. Serological testing for hepatitis B at screening is not required.',
      'exclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('"text":"Subjects who are or have received anti-HBV therapy');
  });

  it('keeps an active infection sufficient when the note lets in the recovered (NCT06623461 e15)', () => {
    const { condition } = readRule(
      'Participants with active infection. Participants may be eligible following recovery. Participants requiring antibiotics require 2-week washout period prior to enrollment.',
      'exclusion',
    );
    expect(judge(condition!, patient([{ name: 'pneumonia', status: 'active' }]))).toBe(true);
  });

  it('leaves a permission of a treatment to the therapy readers (NCT05865002 e9)', () => {
    const { condition } = readRule(
      'Active infection requiring systemic therapy. Note: Prophylactic use of antibiotics is allowed. Any infection detected during the screening period which is resolved adequately according to investigator before the Cycle 1 Day 1, is allowed.',
      'exclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('"text":"Prophylactic use of antibiotics is allowed"');
  });
});

describe('items under an exception lead-in without a colon', () => {
  const lead = ['Patients with a history of known autoimmune disease with exceptions of'];

  it('does not exclude the exceptions listed (NCT05267626 e2, e3)', () => {
    expect(readRule('Vitiligo', 'exclusion', lead).condition).toBeNull();
    expect(
      readRule('Psoriasis, atopic dermatitis, or other autoimmune skin condition not requiring systemic treatment', 'exclusion', lead)
        .condition,
    ).toBeNull();
  });
});

describe('brain metastases named as the cause of something else', () => {
  it('does not exclude every patient with brain metastases (NCT06545682 e20)', () => {
    const { condition } = readRule(
      'Poorly controlled (> 1/week) generalized or complex partial seizures, or manifestation of neurologic progression due to brain metastases notwithstanding CNS-directed therapy.',
      'exclusion',
      ['For dose expansion Cohorts 2 and 3 with active brain metastases:'],
    );
    expect(JSON.stringify(condition)).not.toContain('"fact":"brainMetastases"');
  });
});

describe('a kind named before the condition', () => {
  it('keeps "malignant" beside the obstruction rather than excluding any obstruction (NCT06411691 e19)', () => {
    const c = readRule('History of malignant small bowel obstruction.', 'exclusion').condition!;
    expect(c).toEqual({ all: [cond({ names: ['bowel_obstruction'] }), unparsed('malignant')] });
    // An obstruction of unknown cause does not exclude on its own.
    expect(judgeRecord(c, { conditions: [{ name: 'bowel obstruction' }] })).toBeNull();
  });
});
