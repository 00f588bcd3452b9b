/**
 * Disease-course words that define or label rather than require, and cancer lists broken by an unread
 * item or a resistance state. Verbatim corpus lines (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import type { PatientRecord } from '../../src/patients/record';
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { cancerType, extent, judgeRecord, readRule, stage, unparsed } from '../support/criteria';

const judge = (c: Condition, record: PatientRecord) => judgeRecord(c, record);

describe('definitions of relapsed and refractory disease', () => {
  it('requires relapsed or refractory, never both (NCT06208150)', () => {
    const text =
      'Relapsed or refractory disease as defined below: a) Relapsed disease is defined as an initial response to prior treatment, followed by confirmed progressive disease (PD) by IMWG criteria greater than (\\>) 60 days after cessation of treatment. b) Refractory disease is defined as less than (\\<) 25 percent (%) reduction in M-protein or confirmed PD by IMWG criteria during previous treatment or less than or equal to (\\<=) 60 days after cessation of treatment';
    const { condition, unread } = readRule(text, 'inclusion');
    // The definitions add no extent of their own: they stay unread.
    expect(condition).toEqual({ any: [extent('relapsed'), extent('refractory')] });
    expect(unread).toContain('Refractory');
  });

  it('does not require the extent a route is labelled with (NCT07634380)', () => {
    const text =
      'Progressive disease has been documented within 12 weeks from last dose of anti-PD-1/PD-L1 mAb (refractory disease) or ≥12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)';
    const { condition } = readRule(text, 'inclusion');
    // Unread as a whole is fine too: the labels must not become extents.
    expect(condition ? leavesOf(condition).some((l) => l.fact === 'diseaseExtent') : false).toBe(false);
  });
});

describe('cancer lists with unread members', () => {
  it('reads every listed cancer as an alternative (NCT05621837)', () => {
    const text =
      'Histologically documented diagnosis of metastatic/locally advanced melanoma, hormone-refractory breast cancer, RCC and UC, SCCHN, SCC or NSCLC, stage III resectable NSCLC will also be included';
    const { condition } = readRule(text, 'inclusion');
    const types = { any: [cancerType('MELANOMA', 'BREAST', 'RCC', 'HNSC', 'NSCLC'), unparsed('UC, SCC')] };
    expect(condition).toMatchObject({ all: expect.arrayContaining([types]) });
    // "hormone-refractory" is no refractory course demanded of the whole list.
    expect(leavesOf(condition!)).not.toContainEqual(extent('refractory'));
    // A patient with metastatic melanoma is not failed for lacking breast cancer.
    expect(judge(condition!, { cancers: [{ type: 'melanoma', metastatic: true }] })).not.toBe(false);
  });

  it('joins a list whose unread members are joined by "and" (NCT06967961)', () => {
    const text =
      '1\\. Patients with one of the following cancer types: urothelial carcinoma, renal carcinoma, prostate adenocarcinoma, upper aerodigestive tract carcinoma, cervival carcinoma, adenocarcinoma of endometrium, cutaneous melanoma, soft tissue sarcoma, seminomatous and nonseminomatous germ cell tumors';
    const { condition } = readRule(text, 'inclusion');
    const types = leavesOf(condition!).filter((l) => l.fact === 'cancerType');
    expect(types).toHaveLength(1);
    expect(types[0]!.params).toEqual({ codes: ['UROTHELIAL', 'RCC', 'PRAD', 'UCEC', 'MEL', 'STS', 'NSGCT'] });
  });

  it('keeps an excluded list one list with its unread members (NCT05280314)', () => {
    const { condition } = readRule('Nasopharyngeal cancer, unknown primary, nasal cavity or paranasal sinus carcinoma', 'exclusion');
    expect(condition).toEqual({
      any: [cancerType('NPC', 'SNSC', 'SNA', 'SNUC'), unparsed('unknown primary, nasal cavity')],
    });
  });
});

describe('a stage list with a bracketed extent', () => {
  it('narrows only the stage before the bracket, and keeps the cancer required (NCT06880198)', () => {
    const { condition, unread } = readRule('Histologically confirmed stage III (unresectable) or stage IV Cutaneous Melanoma;', 'inclusion');
    expect(condition).toEqual({
      all: [{ any: [{ all: [stage('III'), extent('unresectable')] }, stage('IV')] }, cancerType('MEL')],
    });
    expect(unread).toBe('');
    // Stage IV melanoma that a surgeon could resect is eligible; stage IV breast cancer is not.
    expect(judge(condition!, { cancers: [{ type: 'melanoma', histology: 'cutaneous melanoma', stage: 'IV', resectable: true }] })).toBe(true);
    expect(judge(condition!, { cancers: [{ type: 'breast cancer', stage: 'IV' }] })).toBe(false);
  });

  it('reads "Stage 3 (unresectable) or Stage 4 metastatic melanoma" the same way (NCT06697301)', () => {
    const text =
      'Have histologically or cytologically confirmed Stage 3 (unresectable) or Stage 4 metastatic melanoma per AJCC 8th ed. and be eligible for standard therapy with pembrolizumab.';
    const { condition } = readRule(text, 'inclusion');
    expect(condition).toMatchObject({
      all: expect.arrayContaining([
        { any: [{ all: [stage('III'), extent('unresectable')] }, { all: [stage('IV'), extent('metastatic')] }] },
        cancerType('MELANOMA'),
      ]),
    });
  });
});

describe('a heading that names the cancer the sentence names again', () => {
  it('keeps the cancer required beside the extents (NCT06839105)', () => {
    const text =
      'NSCLC: histologically or cytologically confirmed, unresectable locally advanced, relapsed, or distant metastatic NSCLC that has progressed after prior treatment with PD-(L)1 antibody and platinum-containing chemotherapy';
    const { condition } = readRule(text, 'inclusion');
    expect(condition).toMatchObject({ all: expect.arrayContaining([cancerType('NSCLC')]) });
    // A relapsed breast cancer passes no branch.
    expect(judge(condition!, { cancers: [{ type: 'breast cancer', recurrent: true, metastatic: true }] })).toBe(false);
  });
});

describe('extents joined by "or with"', () => {
  it('reads "metastatic or with unresectable, recurrent NSCLC" with the cancer for both (NCT05877430)', () => {
    const { condition } = readRule('Subjects with metastatic or with unresectable, recurrent NSCLC', 'inclusion');
    expect(condition).toEqual({
      all: [{ any: [extent('metastatic'), { all: [extent('unresectable'), extent('recurrent')] }] }, cancerType('NSCLC')],
    });
  });
});

describe('an excluded extent dated to the diagnosis', () => {
  it('needs the date as an unknown beside the extent (NCT05797415, NCT07406087)', () => {
    const { condition } = readRule('Patients with metastatic disease at diagnosis', 'exclusion');
    expect(condition).toEqual({ all: [extent('metastatic'), unparsed('at diagnosis')] });
    // A patient whose disease spread later is not known to be excluded.
    expect(judge(condition!, { cancers: [{ type: 'breast cancer', metastatic: true }] })).toBeNull();
  });
});

describe('refractory to a named therapy', () => {
  it('reads "Platinum resistant or refractory" as no refractory course of the disease (NCT06264921)', () => {
    const text =
      'Platinum resistant or refractory ovarian cancer (defined as recurrence ≤6 months after completing platinum-based regimen) with progression on at least 1 platinum containing therapy with CCNE1 amplification as determined by NGS by local liquid or tissue biopsy.';
    const { condition, unread } = readRule(text, 'inclusion');
    expect(leavesOf(condition!)).not.toContainEqual(extent('refractory'));
    expect(leavesOf(condition!)).toContainEqual(cancerType('OVARY'));
    expect(unread).toContain('Platinum resistant or refractory');
  });
});

describe('an extent among risk factors any one of which will do', () => {
  it('does not require "recurrent primary disease" of every patient (NCT05794035)', () => {
    const text =
      'At least one of high-risk factors for recurrence (R0 but close margins, location/size, microscopic perineural invasion, recurrent primary disease, immunosuppression, thickness including Breslow and Clark level, poorly-moderately differentiated)';
    const { condition } = readRule(text, 'inclusion');
    expect(condition === null || !leavesOf(condition).some((l) => l.fact === 'diseaseExtent')).toBe(true);
  });
});

describe('extents one disease cannot have at once', () => {
  it('reads a bare comma between local and distant states as "or" (NCT06343948)', () => {
    const { condition } = readRule('Patients with unresectable locally advanced, recurrent metastatic HR+HER2- breast cancer;', 'inclusion');
    expect(condition).toMatchObject({
      all: expect.arrayContaining([
        { any: [{ all: [extent('unresectable'), extent('locally_advanced')] }, { all: [extent('recurrent'), extent('metastatic')] }] },
        cancerType('BREAST'),
      ]),
    });
  });
});

describe('an excluded extent at some sites only', () => {
  it('does not exclude every metastatic patient for "node-only metastatic disease" (NCT05562791)', () => {
    const text =
      'Patients with pelvic node-only metastatic disease. If the patient has lymph node only disease, at least one PET-assessable node must be located outside of the pelvis';
    const { condition } = readRule(text, 'exclusion');
    expect(condition).toEqual({ all: [extent('metastatic'), unparsed('pelvic node-only')] });
    // A patient with liver metastases is not known to be excluded.
    expect(judge(condition!, { cancers: [{ type: 'prostate cancer', metastatic: true, metastaticSites: ['liver'] }] })).toBeNull();
  });
});
