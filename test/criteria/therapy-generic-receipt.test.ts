/**
 * Generic receipt of earlier cancer treatment with no treatment named (therapy-generic.ts):
 * "Previously treated <cancer>", "Must have received prior anticancer treatment", "Completed active
 * cancer treatment". The generic treatment is every anticancer kind, so the finding is a necessary
 * condition: a patient treated only with surgery meets it, one never treated does not, supportive
 * care does not count. "Previously treated" said of metastases, lesions, infections or another
 * malignancy is never read as the patient's cancer history. Criteria lines are verbatim from the
 * corpus unless marked.
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const ANY = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];
const anyTreatment = (extra: Record<string, unknown> = {}): Condition => therapy({ kinds: ANY, ...extra });

/** The prior-therapy leaves of a rule. */
function therapyLeavesOf(c: Condition | null): LeafCondition[] {
  return c ? leavesOf(c).filter((l) => l.fact === 'priorTherapy') : [];
}

describe('"previously treated" describing the patient\'s cancer', () => {
  it.each([
    'Previously treated, histologically-confirmed advanced solid malignancy with progressive disease requiring therapy',
    'Previously treated, histologically-confirmed advanced solid malignancy with progressive disease requiring therapy (Refractory or intolerant to standard therapies, must have received the standard of care therapy)',
    'Previously treated, pathologically confirmed de novo DLBCL, or DLBCL transformed from previously diagnosed indolent lymphoma (e.g., follicular lymphoma).',
    'Present with a recurrence of a previously treated tumour. This may be a local or metastatic recurrence',
  ])('reads %p as some earlier anticancer treatment', (text) => {
    const r = readRule(text, 'inclusion');
    expect(therapyLeavesOf(r.condition)).toEqual([anyTreatment()]);
    expect(r.unread).not.toMatch(/\btreated\b/);
  });

  it('keeps the cancer type and extent the other readers find beside it', () => {
    const r = readRule('Previously treated, histologically-confirmed advanced solid malignancy with progressive disease requiring therapy', 'inclusion');
    expect(r.condition).toEqual({
      all: [
        anyTreatment(),
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'advanced' } },
        { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['SOLID'] } },
      ],
    });
    expect(r.unread).toBe('progressive disease requiring');
  });

  it.each([
    // Metastases, lesions, infections and other malignancies are not the patient's cancer history.
    ['inclusion', '3. Previously treated brain metastases not needing immediate local therapy'],
    ['inclusion', 'At least one measurable lesion (per RECIST v1.1; lesions previously treated with local therapy may be considered target lesions if they show clear progression per RECIST v1.1).'],
    ['inclusion', 'Patients manifesting progression in lesions previously treated with stereotactic radiosurgery may still be eligible if pseudoprogression can be demonstrated by appropriate means.'],
    ['inclusion', 'Known HIV or Hepatitis B or C (active, previously treated or both)'],
    ['exclusion', 'Subjects that have an active second malignancy, however, previously treated early stage malignancies with no evidence of disease recurrence after 3 years of follow-up will be allowed'],
    ['exclusion', 'Patients with a history of concurrent or previously treated non-breast malignancies. A patient with previous invasive non-breast cancer is eligible provided she has been disease free for more than 5 years'],
    ['exclusion', '1\\. Subject with known active central nervous system (CNS) primary tumor or metastases.  Note: Subject with previously treated CNS primary tumor/metastases can participate provided they are clinically stable for at least 2 weeks'],
    // One of several options.
    ['inclusion', 'Has a confirmed diagnosis of solid tumor for one of the following types of cancer: previously treated cancers of triple-negative breast cancer (TNBC), non-TNBC HER2-negative breast cancer, non-squamous non-small-cell lung cancer (NSCLC), gastric cancer, pancreatic cancer, or platinum-resistant ovarian cancer.'],
  ] as const)('never reads the generic treatment in a %s line about something else: %p', (kind, text) => {
    expect(therapyLeavesOf(readRule(text, kind).condition)).not.toContainEqual(anyTreatment());
  });

  it('reads what the treatment was for as its setting, or as the patient\'s cancer (constructed lines)', () => {
    expect(readRule('Patients must have been previously treated for their advanced disease', 'inclusion').condition).toEqual(anyTreatment({ setting: 'advanced' }));
    expect(readRule('Previously treated for their cancer', 'inclusion').condition).toEqual(anyTreatment());
    expect(therapyLeavesOf(readRule('Previously treated for unresectable or metastatic melanoma', 'inclusion').condition)).toEqual([anyTreatment({ setting: 'advanced' })]);
  });

  it('leaves an option under "one of the following" unread', () => {
    const r = readRule(
      'One of the following three malignancies:     * Previously treated for unresectable or metastatic cutaneous or mucosal melanoma for whom no standard treatment is available (anymore);    * Metastatic uveal melanoma, progressed after first line',
      'inclusion',
    );
    expect(therapyLeavesOf(r.condition)).not.toContainEqual(anyTreatment({ setting: 'advanced' }));
    expect(r.unread).toMatch(/treated for unresectable/);
  });

  it('leaves a named treatment to the readers of named treatments ("previously treated with …")', () => {
    const r = readRule('Previously treated melanoma with systemic therapy', 'exclusion');
    expect(therapyLeavesOf(r.condition)).not.toContainEqual(anyTreatment());
  });

  it('does not turn a permission or an option into a requirement (constructed lines)', () => {
    for (const text of ['Patients with previously treated NSCLC are eligible', 'Previously treated or treatment-naive metastatic melanoma']) {
      expect(therapyLeavesOf(readRule(text, 'inclusion').condition)).not.toContainEqual(anyTreatment());
    }
  });
});

describe('"must have received prior therapy" with no treatment named', () => {
  it.each(['Must have received prior anticancer treatment', 'Must have received prior therapy', 'Must have received prior treatment for their cancer'])(
    'reads %p as some earlier anticancer treatment of any kind (constructed lines)',
    (text) => {
      expect(readRule(text, 'inclusion').condition).toEqual(anyTreatment());
    },
  );

  it('reads a generic treatment in a setting with that setting', () => {
    expect(readRule('Have received neoadjuvant therapy for their tumour', 'inclusion').condition).toEqual(anyTreatment({ setting: 'neoadjuvant' }));
    expect(readRule('Patients must have received prior anti-cancer therapy for advanced disease.', 'inclusion').condition).toEqual(anyTreatment({ setting: 'advanced' }));
  });

  it('leaves the receipt in an exclusion, and a negated one, to the other readers', () => {
    expect(therapyLeavesOf(readRule('Must have received prior therapy', 'exclusion').condition)).not.toContainEqual(anyTreatment());
    expect(readRule('Must not have received prior therapy', 'inclusion').condition).toEqual(therapy({ kinds: ['systemic'] }, false));
  });

  it('keeps "systemic" and the setting the text gives', () => {
    const r = readRule(
      'Patients with locally advanced, unresectable, or metastatic HER2-positive (IHC 3+) solid tumors who have received prior systemic treatment for metastatic or advanced disease and have no satisfactory alternative treatment options as determined by the Investigator (see Exclusion Criterion 1 for excluded solid tumors);',
      'inclusion',
    );
    expect(therapyLeavesOf(r.condition)).toEqual([therapy({ kinds: ['systemic'], setting: 'advanced' })]);
    expect(r.unread).toMatch(/satisfactory alternative treatment options/);
  });

  it('leaves alone what a count already reads ("at least one prior therapy for metastatic melanoma")', () => {
    const r = readRule('Patients must have received at least one prior therapy for metastatic melanoma.', 'inclusion');
    expect(therapyLeavesOf(r.condition)).toEqual([]);
    expect(leavesOf(r.condition!)).toContainEqual({ fact: 'priorLines', operator: 'greaterThanInclusive', value: 1, params: { setting: 'metastatic' } });
  });

  it.each([
    // An alternative after it: the receipt is one option only.
    'Subjects must have received prior standard therapy appropriate for their tumor type and stage of disease, or in the opinion of the Investigator, would be unlikely to tolerate or derive clinical benefit from appropriate standard of care therapy',
    // What the prior therapy had to be is narrowed in words not read.
    'Subject must have received prior therapy with disease-specific regimens that have been established to convey a clinical benefit. Alternatively, subject must have been offered such regimens and provided written documentation of refusal.',
  ])('does not read the receipt where the sentence narrows it or offers another option: %p', (text) => {
    const c = readRule(text, 'inclusion').condition;
    // Not the bare requirement: read at all (therapy-standard.ts reads standard therapy received), the
    // receipt is one option beside the unread alternative, so a patient never treated is not failed.
    expect(c).not.toEqual(anyTreatment());
    expect(c === null ? null : judgeRecord(c, { treatments: [] })).toBeNull();
  });

  it('does not read a subject clause as a requirement (constructed line)', () => {
    const r = readRule('Patients who have received prior therapy must have recovered from all toxicities', 'inclusion');
    expect(therapyLeavesOf(r.condition)).not.toContainEqual(anyTreatment());
  });
});

describe('completed cancer treatment', () => {
  it('reads "Completed primary cancer treatment" as treatment had, with the completion unread', () => {
    expect(readRule('Completed primary cancer treatment', 'inclusion').condition).toEqual({ all: [anyTreatment(), unparsed('completed primary')] });
  });

  it('reads examples of the treatment with it and keeps a permission in the unread part', () => {
    const r = readRule('Completed active cancer treatment (e.g., surgery, radiation, chemotherapy) (maintenance hormonal or targeted therapies are allowed).', 'inclusion');
    expect(r.condition).toEqual({ all: [anyTreatment(), unparsed('completed active'), unparsed('maintenance hormonal or targeted therapies are allowed')] });
  });

  it.each([
    // Treatment of an infection or of another malignancy is not the patient's cancer treatment.
    ['inclusion', 'Active infection requiring systemic antibiotic therapy. Patients requiring systemic antibiotics for infection must have completed therapy at least 1 week prior to the first dose of study drug.'],
    ['inclusion', 'Has completed all therapy (including endocrine therapy) 3 or more years ago for any previous invasive solid organ malignancy (with exception of nonmelanoma skin cancers) or hematologic malignancy.'],
  ] as const)('never reads completion of something else as cancer treatment had: %p', (kind, text) => {
    expect(therapyLeavesOf(readRule(text, kind).condition)).not.toContainEqual(anyTreatment());
  });
});

describe('the time since the end of the cancer treatment', () => {
  it('reads a minimum gap as no systemic therapy within it', () => {
    expect(readRule('Time between completion of cancer-directed therapy and study entry: \\>= 6 months', 'inclusion').condition).toEqual(
      therapy({ kinds: ['systemic'], withinDays: 180 }, false),
    );
  });

  it.each([
    ['Time-interval between the end of primary treatment and the randomization less than or equal to 12 weeks', 84],
    ['Completion of treatment of the primary tumor ≤ 2 months.', 60],
  ])('reads a maximum gap as some anticancer treatment within it: %p', (text, days) => {
    expect(readRule(text, 'inclusion').condition).toEqual(anyTreatment({ withinDays: days }));
  });

  it('leaves a gap after another event, or after a treatment not said to be the cancer\'s, to the other readers', () => {
    const r = readRule('Participants must use contraception for 3 months after completion of treatment', 'inclusion');
    expect(therapyLeavesOf(r.condition)).toEqual([]);
    expect(therapyLeavesOf(readRule('Completion of therapy >= 4 weeks', 'inclusion').condition)).toEqual([]);
  });
});

describe('evaluating the generic treatment', () => {
  const lex = lexicons();
  const facts = factTable(lex);
  const AS_OF = '2025-06-01';
  const judge = (record: PatientRecord, c: Condition): Tri => evaluateCondition(c, facts, normalisePatient(patientRecordSchema.parse(record), lex, AS_OF));
  const leaf = anyTreatment();

  it('is met by any anticancer treatment, surgery or radiotherapy alone included', () => {
    expect(judge({ treatments: [{ name: 'mastectomy', kind: 'surgery', date: '2024-01-10' }] }, leaf)).toBe(true);
    expect(judge({ treatments: [{ name: 'radiotherapy', date: '2024-01-10' }] }, leaf)).toBe(true);
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, leaf)).toBe(true);
  });

  it('is not met by a record of no treatment, nor by supportive care alone', () => {
    expect(judge({ treatments: [] }, leaf)).toBe(false);
    expect(judge({ treatments: [{ name: 'dexamethasone', start: '2025-05-01' }] }, leaf)).toBe(false);
  });

  it('is unknown when the record says nothing of treatment or lists one it cannot recognise', () => {
    expect(judge({}, leaf)).toBeNull();
    expect(judge({ treatments: [{ name: 'XZ-123 study drug', start: '2024-01-10' }] }, leaf)).toBeNull();
  });
});
