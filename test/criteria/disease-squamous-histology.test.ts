/**
 * Squamous cell carcinoma of any site (the SQUAMOUS group of rules/cancer-types.json, NCIt C2929):
 * read where a criterion names the histology alone, and left to the site readers where it names a
 * cancer beside it (src/criteria/extract/disease.ts withoutSitelessHistology). Real corpus lines.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { mentionIds, readCondition } from '../support/criteria';

const codesOf = (c: Condition | null): string[][] =>
  c ? leavesOf(c).filter((l) => l.fact === 'cancerType').map((l) => (l.params as { codes: string[] }).codes) : [];

describe('squamous cell carcinoma of any site (NCIt C2929)', () => {
  const lex = lexicons();

  it('names the group for the histology without a site, and the site node where one is named', () => {
    expect(mentionIds('squamous cell carcinoma', 'cancer')).toEqual(['SQUAMOUS']);
    expect(mentionIds('squamous cell histology', 'cancer')).toEqual(['SQUAMOUS']);
    expect(mentionIds('squamous cell carcinoma of the cervix', 'cancer')).toEqual(['CESC']);
    expect(mentionIds('esophageal squamous cell carcinoma', 'cancer')).toEqual(['ESCC']);
  });

  it('holds the squamous cell carcinomas of every site, and no adenosquamous or adenocarcinoma', () => {
    for (const code of ['LUSC', 'HNSC', 'OCSC', 'LXSC', 'ESCC', 'CESC', 'ANSC', 'CSCC', 'VSC', 'SCCNOS'])
      expect(lex.cancerAncestors.get(code)!.has('SQUAMOUS')).toBe(true);
    for (const code of ['LUAS', 'CEAS', 'LUAD', 'NSCLC', 'BCC'])
      expect(lex.cancerAncestors.get(code)!.has('SQUAMOUS')).toBe(false);
  });

  it('leaves SNOMED displays of squamous cell carcinoma at an organ with that organ (no SNOMED codes on the group)', () => {
    const squamous = lex.cancerTypes.types.find((t) => t.code === 'SQUAMOUS')!;
    expect(squamous.snomed ?? []).toEqual([]);
  });

  it('reads the histology named alone (NCT06087614 i4, NCT07215988 i28)', () => {
    expect(codesOf(readCondition('Histology proved - squamous cell carcinoma', 'inclusion'))).toEqual([['SQUAMOUS']]);
    expect(codesOf(readCondition('Pathology report confirming squamous cell carcinoma at the time of screening', 'inclusion'))).toEqual([['SQUAMOUS']]);
  });

  it('distributes the site of a list over the histology, never widening it to every site (NCT00257348 i1)', () => {
    const c = readCondition(
      'Patients must have histologically proven stage IVB, recurrent or persistent squamous cell carcinoma, adenosquamous carcinoma, or adenocarcinoma of the cervix which is not amenable to curative treatment with surgery and/or radiation therapy',
      'inclusion',
    );
    expect(codesOf(c)).toEqual([['CEAD', 'CEAS', 'CESC']]);
  });

  it('keeps the cancer a histology is said of (NCT07070232 i24, NCT03727126 i1)', () => {
    const gastric = readCondition(
      'Histologically and/or cytologically documented metastatic adenocarcinoma and squamous carcinoma of GC/GEJC. (Note: Esophageal squamous-cell carcinoma is excluded).',
      'inclusion',
    );
    expect(codesOf(gastric).flat()).not.toContain('SQUAMOUS');
    expect(codesOf(gastric).flat()).toEqual(expect.arrayContaining(['STAD', 'GEJ']));
    const esophageal = readCondition(
      'Resectable esophageal carcinoma, either squamous cell carcinoma or adenocarcinoma in the middle or lower part the esophagus',
      'inclusion',
    );
    expect(codesOf(esophageal).flat()).not.toContain('SQUAMOUS');
    expect(codesOf(esophageal).flat()).toContain('ESCC');
  });
});
