/**
 * Basket trials head each cohort's items with a line that only names its cancer, set apart by a
 * blank line and often indented inside the list of the item above ("… as follows:", then "Ovarian
 * Carcinoma", then "7. Pathologically documented high-grade serous …"). Glued to the item above as
 * its text, the cancer became a requirement of every patient, and each cohort's items were required
 * of everyone: no patient could pass. As a heading, parse.ts `scopeCancerCohorts` binds the items to
 * their cohort. Lines verbatim from NCT06172478 (fixtures/ctgov/studies.oncology.v2.jsonl.gz); the
 * excerpt leaves cohorts out, so its items are renumbered.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { cancerCohortHeading } from '../../src/criteria/subgroups';

const source = [
  'Inclusion Criteria',
  '',
  '1. Participants aged ≥18 years (follow local regulatory requirements if the legal age of consent for study participation is \\>18 years old).',
  '2. Has locally advanced unresectable or metastatic disease (not curable by surgery or radiation) as follows:',
  '',
  '   Gastric or GEJ adenocarcinoma',
  '   1. Tumor tissue must be confirmed as negative for HER2 expression (immunohistochemistry \\[IHC\\] 0/1+ or IHC 2+/in situ hybridization negative).',
  '   2. Disease progression after having received treatment with ≥2 prior lines of therapy that include PBC with or without anti-PD-1 therapy.',
  '',
  '      Ovarian Carcinoma',
  '   3. Pathologically documented high-grade serous epithelial ovarian cancer, primary peritoneal cancer, or fallopian tube cancer.',
  '',
  '      Cervical Cancer',
  '   4. Pathologically or cytologically documented recurrent or persistent squamous, adenosquamous, or adenocarcinoma of the uterine cervix.',
].join('\n');

describe('a line that only names a cancer, over a list', () => {
  const criteria = parseCriteria(source);
  const byText = (start: string) => {
    const c = criteria.find((x) => x.text.startsWith(start));
    if (!c) throw new Error(`no criterion "${start}"`);
    return c;
  };

  it('is the heading of the items under it, not text of the item above', () => {
    expect(criteria.filter((c) => /Gastric or GEJ adenocarcinoma|Ovarian Carcinoma|Cervical Cancer/.test(c.text))).toEqual([]);
    expect(byText('Pathologically or cytologically documented recurrent').context).toEqual(['Cervical Cancer']);
    expect(byText('Pathologically documented high-grade serous').context).toEqual(['Ovarian Carcinoma']);
    expect(byText('Tumor tissue must be confirmed').context).toEqual(['Gastric or GEJ adenocarcinoma']);
  });

  it("binds each cohort's items to its cancer: a patient of another cohort is not held to them", () => {
    const ovarian = byText('Pathologically documented high-grade serous').rule as { any: Array<Record<string, unknown>> };
    expect('any' in ovarian).toBe(true);
    const elsewhere = ovarian.any[0] as { fact: string; value: boolean; params: { codes: string[] } };
    expect(elsewhere.fact).toBe('cancerType');
    expect(elsewhere.value).toBe(true);
    // The other cohorts' cancers, never this cohort's own.
    expect(elsewhere.params.codes).toEqual(expect.arrayContaining(['CERVIX']));
    expect(elsewhere.params.codes).not.toContain('OVARY');
  });

  it('leaves an item above the cohorts required of everyone', () => {
    expect(JSON.stringify(byText('Participants aged').rule)).not.toContain('cancerType');
  });
});

/**
 * Cohort names as basket trials write them: in the plural ("Squamous cell carcinomas of the head and
 * neck", where the lexicon pluralises only a name's last word), with a parenthesis inside the name
 * ("Cutaneous (acral and non-acral) melanoma"), with a heading of the cohort's own subgroup on the same
 * line ("Renal carcinomas • All cohorts"), or by abbreviation ("(ii). OvC (second/third line)"). Lines
 * verbatim from NCT06172478, NCT03787056 and NCT03761914; items renumbered and shortened.
 */
describe('cohort names in the plural, with a parenthesis or an abbreviation', () => {
  const source = [
    'Inclusion Criteria',
    '',
    '1. Has locally advanced unresectable or metastatic disease (not curable by surgery or radiation) as follows:',
    '',
    '   Cutaneous (acral and non-acral) melanoma',
    '   1. Histologically or cytologically confirmed cutaneous (acral or non-acral) melanoma',
    '',
    '      Squamous cell carcinomas of the head and neck',
    '   2. Squamous cell carcinoma of the head and neck (with a primary location of oral cavity,oropharynx, larynx, hypopharynx).',
    '',
    '      (ii). OvC (second/third line)',
    '   3. Histologically diagnosed ovarian, fallopian tube or primary peritoneal cancer at the time of initial presentation.',
  ].join('\n');
  const criteria = parseCriteria(source);
  const elsewhere = (start: string): string[] => {
    const c = criteria.find((x) => x.text.startsWith(start));
    if (!c) throw new Error(`no criterion "${start}"`);
    const first = (c.rule as { any?: Array<{ fact?: string; params?: { codes?: string[] } }> }).any?.[0];
    return first?.fact === 'cancerType' ? (first.params?.codes ?? []) : [];
  };

  it('reads every such line as its cohort heading, not as text of the item above', () => {
    expect(criteria.map((c) => c.text)).toEqual([
      'Has locally advanced unresectable or metastatic disease (not curable by surgery or radiation) as follows:',
      'Histologically or cytologically confirmed cutaneous (acral or non-acral) melanoma',
      'Squamous cell carcinoma of the head and neck (with a primary location of oral cavity,oropharynx, larynx, hypopharynx).',
      'Histologically diagnosed ovarian, fallopian tube or primary peritoneal cancer at the time of initial presentation.',
    ]);
  });

  it("exempts the other cohorts' patients from each cohort's items", () => {
    const melanoma = elsewhere('Histologically or cytologically confirmed cutaneous');
    expect(melanoma).toEqual(expect.arrayContaining(['HNSC', 'OVARY']));
    // "non-acral" names no acral-melanoma cohort: the heading is cutaneous melanoma.
    expect(melanoma).not.toContain('ACRM');
    expect(elsewhere('Squamous cell carcinoma of the head')).toEqual(expect.arrayContaining(['MEL', 'OVARY']));
    expect(elsewhere('Histologically diagnosed ovarian')).toEqual(expect.arrayContaining(['MEL', 'HNSC']));
  });

  it('reads a cohort heading with its own subgroup beside it, and a name the lexicon gives two codes, whole', () => {
    // "Renal carcinomas" is kidney cancer and renal cell carcinoma in the lexicon: one span, cut once.
    expect(cancerCohortHeading('Renal carcinomas • All cohorts', lexicons())).toEqual(['KIDNEY', 'RCC']);
    expect(cancerCohortHeading('(i).Colorectal Cancer (third/fourth line)', lexicons())).toEqual(['CMC', 'COADREAD']);
    expect(cancerCohortHeading('non-squamous NSCLC', lexicons())).toBeNull();
  });
});

/**
 * Where the cohorts end and how some begin (NCT06172478, shortened): the outer list resumes after the
 * cohorts of "3. … as follows:" ("4. Has ≥1 measurable lesion …", "6. … ECOG PS of 0 or 1"), and those
 * items are every patient's again; held under the last cohort, they exempted every other cohort's
 * patients (a melanoma patient with ECOG 3 passed). A paragraph that runs a cohort's cancer into its
 * first lettered item ("Breast Cancer dd. Pathologically documented …") heads that cohort's items.
 */
describe('the end of the cohorts, and a cohort run into its first item', () => {
  const source = [
    'Inclusion Criteria',
    '',
    '3. Has locally advanced unresectable or metastatic disease (not curable by surgery or radiation) as follows:',
    '',
    '   Cutaneous (acral and non-acral) melanoma',
    '   1. Histologically or cytologically confirmed cutaneous (acral or non-acral) melanoma',
    '',
    '       Gastric Cancer 2L',
    '   25. Must have had gastric or GEJ adenocarcinoma confirmed as negative for HER2 expression (IHC 0/1+ or IHC 2+/in situ hybridization negative).',
    '',
    '   Breast Cancer dd. Pathologically documented breast cancer that is assessed as HER2 negative (IHC2+/ISH-, IHC1+, or IHC0 per ASCO/CAP guidelines).',
    '',
    '   ee. Participant must have received one line of chemotherapy for mBC, but not more than one line.',
    '4. Has ≥1 measurable lesion on CT or MRI as per RECIST v1.1 by investigator assessment.',
    '6. Has Eastern Cooperative Oncology Group performance status (ECOG PS) of 0 or 1 at screening.',
  ].join('\n');
  const criteria = parseCriteria(source);
  const byText = (start: string) => {
    const c = criteria.find((x) => x.text.startsWith(start));
    if (!c) throw new Error(`no criterion "${start}"`);
    return c;
  };

  it('leaves the items of the outer list after the cohorts to every patient', () => {
    expect(byText('Has Eastern Cooperative').context ?? []).toEqual([]);
    expect(byText('Has Eastern Cooperative').rule).toEqual({ all: [{ fact: 'ecog', operator: 'lessThanInclusive', value: 1 }] });
    expect(JSON.stringify(byText('Has ≥1 measurable lesion').rule)).not.toContain('cancerType');
  });

  it('reads the cancer before a lettered item as the heading of its cohort', () => {
    expect(criteria.some((c) => c.text.startsWith('Breast Cancer dd.'))).toBe(false);
    expect(byText('Pathologically documented breast cancer').context).toEqual(['Breast Cancer']);
    expect(byText('ee. Participant must have received').context).toEqual(['Breast Cancer']);
    const first = (byText('Pathologically documented breast cancer').rule as { any: Array<{ params?: { codes?: string[] } }> }).any[0]!;
    expect(first.params?.codes).toEqual(expect.arrayContaining(['MEL', 'STAD']));
    expect(first.params?.codes).not.toContain('BREAST');
  });
});
