/**
 * Basket trials head each cohort's items with a line that only names its cancer, set apart by a
 * blank line and often indented inside the list of the item above ("… as follows:", then "Ovarian
 * Carcinoma", then "7. Pathologically documented high-grade serous …"). Glued to the item above as
 * its text, the cancer became a requirement of every patient, and each cohort's items were required
 * of everyone: no patient could pass. As a heading, parse.ts `scopeCancerCohorts` binds the items to
 * their cohort. Lines verbatim from NCT06172478 (fixtures/ctgov/studies.oncology.v2.jsonl.gz); the
 * excerpt leaves cohorts out, so its items are renumbered.
 */
import { parseCriteria } from '../../src/criteria/parse';

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
