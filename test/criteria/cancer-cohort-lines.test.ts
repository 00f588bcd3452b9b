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
