/**
 * A list of cancer types names alternatives: the rule must never demand the one member it read.
 * Members after the last read type ("Melanoma, breast, ovary, … or kidney"), types that label a
 * clause ("CRC: 2 or 3 lines; SCLC: 1 line"), a type that is the subject of a statement ("Mucosal
 * melanoma does not require …") and an abbreviation restating a type inside an allowance aside.
 * Corpus lines, and negatives written for the edges (marked).
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readRule, unparsed, cancerType as type } from '../support/criteria';

/** The codes of every cancerType leaf of a rule, in order. */
const typeCodes = (c: Condition | null): string[][] =>
  c
    ? leavesOf(c)
        .filter((l) => l.fact === 'cancerType')
        .map((l) => (l.params as { codes: string[] }).codes)
    : [];

describe('list members after the last read cancer type', () => {
  it('reads bare organs under a cancer-list lead-in as their cancers, all alternatives', () => {
    const r = readRule(
      'One of the following metastatic cancers: Melanoma, breast, ovary, colorectal, gastric, lung or kidney',
      'inclusion',
    );
    expect(typeCodes(r.condition)).toEqual([['MELANOMA', 'BREAST', 'OVARY', 'CMC', 'COADREAD', 'STAD', 'LUNG', 'KIDNEY']]);
  });

  it('reads organs after "urothelial carcinoma of the …" with that head, and keeps the others as unknown alternatives', () => {
    const r = readRule(
      'Pathologically or cytologically documented locally advanced/unresectable or metastatic urothelial carcinoma of the bladder, renal pelvis, ureter, or urethra.',
      'inclusion',
    );
    // Upper-tract organs alone have no code here: the bladder and urethra codes must not be required.
    expect(r.condition && 'all' in r.condition ? r.condition.all : []).toContainEqual({
      any: [type('BLCA', 'UCU'), unparsed('renal pelvis, ureter')],
    });
  });

  it('keeps the last member an alternative when the list ends with what all members share', () => {
    const r = readRule(
      'Unresectable stage III or stage IV melanoma, basal cell carcinoma, or squamous cell carcinoma as per the American Joint Committee on Cancer 2017 Guidelines (8th Edition) regardless of BRAF mutation status and other solid tumors.',
      'inclusion',
    );
    expect(r.condition && 'all' in r.condition ? r.condition.all : []).toContainEqual({
      any: [type('MELANOMA', 'BCC'), unparsed('squamous cell carcinoma')],
    });
  });

  it('leaves a trailing histology clause alone (not alternatives)', () => {
    const r = readRule(
      'Resectable esophageal carcinoma, either squamous cell carcinoma or adenocarcinoma in the middle or lower part the esophagus',
      'inclusion',
    );
    expect(typeCodes(r.condition)).toEqual([['ESCA', 'EPDCA', 'ESCC']]);
    expect(JSON.stringify(r.condition)).not.toContain('"any"');
  });

  it('does not take extents after the type for alternatives (written for the edge)', () => {
    const r = readRule('Histologically confirmed melanoma, unresectable or metastatic', 'inclusion');
    expect(typeCodes(r.condition)).toEqual([['MELANOMA']]);
    expect(JSON.stringify(r.condition)).not.toContain('"any"');
  });

  it('keeps a read list as one alternative set (written for the edge)', () => {
    expect(readRule('Patients with melanoma, sarcoma or lymphoma', 'inclusion').condition).toEqual(
      type('MELANOMA', 'SARCOMA', 'LYMPHOMA'),
    );
  });
});

describe('a list member after the site of the one before it', () => {
  it('is governed by the list, not by the previous member\'s "of the skin"', () => {
    const r = readRule(
      'All biopsy-confirmed malignant melanoma of the skin and non melanoma skin cancer, including metastatic lesions.',
      'inclusion',
    );
    expect(typeCodes(r.condition).flat()).toEqual(expect.arrayContaining(['MELANOMA', 'NMSC']));
  });

  it('reads "of any cell type or" as part of one list', () => {
    const r = readRule(
      'Females, over 18 years, with histologically confirmed primary epithelial cancer of the endometrium of any cell type or uterine carcinosarcoma (mixed malignant mullerian tumour);',
      'inclusion',
    );
    expect(typeCodes(r.condition)).toEqual([['UCEC']]);
    expect(r.unread).not.toContain('cell type');
  });

  it('keeps a generic head\'s organ list governed by its "of" (written for the edge)', () => {
    const r = readRule(
      'Radiological diagnosis of a periampullary cancer that is precluded from upfront surgical resection of curative intent due to advanced tumor stage. These include locally advanced or metastatic cancers of the pancreatic head, distal bile duct, duodenum, or ampulla. cancers.',
      'inclusion',
    );
    // Reading the bile duct, duodenum and ampulla without the pancreatic head would fail its patients.
    expect(typeCodes(r.condition)).toEqual([['ANY_CANCER']]);
  });
});

describe('types that label or are the subject of a clause', () => {
  it('does not demand every type that labels a clause of per-type limits', () => {
    const r = readRule(
      'Patients may have received a specific maximum allowable number of prior lines of therapy for metastatic disease, as follows: CRC: 2 or 3 lines; OvC: 1 or 2 lines; SCLC: 1 line; TNBC: 1 line; and AML: 1 line (allo-SCT-eligible status not allowed)',
      'inclusion',
    );
    expect(typeCodes(r.condition)).toEqual([]);
  });

  it('still reads a single type label ahead of its criterion', () => {
    expect(typeCodes(readRule('Melanoma: histologically unresectable stage III or IV melanoma', 'inclusion').condition)).toEqual([
      ['MELANOMA'],
    ]);
  });

  it('does not require the subtype a "does not require" sentence is about', () => {
    const r = readRule(
      'Melanoma: histologically unresectable stage III or IV melanoma that has progressed after prior chemotherapy and treatment with PD-(L)1 inhibitors (except after the last dose \\&gt; Adjuvant and neoadjuvant therapy that progresses within 6 months); Mucosal melanoma does not require prior PD-(L)1 inhibitor therapy.',
      'inclusion',
    );
    expect(typeCodes(r.condition)).toEqual([['MELANOMA']]);
    expect(r.unread).toContain('Mucosal melanoma');
  });
});

describe('an abbreviation restating a type in an allowance aside', () => {
  it('does not exclude the in-situ lesion the aside allows', () => {
    const r = readRule(
      'Prior history of invasive breast cancer (patients with a history of DCIS or lobular carcinoma in situ \\[LCIS\\] are eligible)',
      'exclusion',
    );
    expect(typeCodes(r.condition)).toEqual([['BRCA']]);
  });

  it('still reads bracketed abbreviations of listed types (written for the edge)', () => {
    const r = readRule('Histologically confirmed chronic lymphocytic leukemia (CLL) or acute myeloid leukemia (AML)', 'inclusion');
    expect(typeCodes(r.condition).flat()).toEqual(expect.arrayContaining(['CLLSLL', 'AML']));
  });
});

describe('primary CNS lymphoma wordings', () => {
  it('reads "primary extranodal central nervous system (CNS) lymphomas" as primary CNS lymphoma', () => {
    expect(readRule('Primary extranodal central nervous system (CNS) Lymphomas.', 'exclusion').condition).toEqual(type('PCNSL'));
  });

  it('still leaves lymphoma involving the CNS unread as a type (written for the edge)', () => {
    expect(typeCodes(readRule('Known central nervous system lymphoma or meningeal involvement.', 'exclusion').condition)).toEqual([]);
  });
});
