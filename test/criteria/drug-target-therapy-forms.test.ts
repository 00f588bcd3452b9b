/**
 * Target phrase forms added to the drug lexicon (scripts/lexicons/curated/drugs-classes.json):
 * a checkpoint named with "therapy" after its bare target ("Prior CTLA4 therapy", "LAG-3 therapy")
 * is the anti-target class, and the anti-EGFR antibody class takes the antibody forms of every EGFR
 * name ("anti-epidermal growth factor receptor mAb", "EGFR mAb"); the bare "TIL"/"TILs" (the cells) and
 * "IMP" (the study's own product) are no prior treatment. Verbatim corpus lines
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz) pin the readings, with what must keep its old reading.
 */
import { classesOf, readRule, therapy, unparsed } from '../support/criteria';

describe('"<checkpoint target> therapy" names the anti-target class', () => {
  it.each([
    ['CTLA4 therapy', 'anti_ctla4'],
    ['CTLA-4 therapy', 'anti_ctla4'],
    ['LAG-3 therapies', 'anti_lag3'],
    ['TIGIT therapy', 'anti_tigit'],
    ['PD-L1 therapy', 'anti_pd_l1'],
    ['PD-1 therapy', 'anti_pd1'],
  ])('"%s" is %s', (phrase, cls) => {
    expect(classesOf(phrase)).toEqual([cls]);
  });

  it('reads the permission "Prior CTLA4 therapy is allowed" as no requirement (NCT06906822)', () => {
    expect(readRule('Prior CTLA4 therapy is allowed.', 'inclusion')).toEqual({
      condition: { any: [therapy({ classes: ['anti_ctla4'] }, false), unparsed('Prior CTLA4 therapy is allowed')] },
      unread: '',
    });
  });

  it('reads "No prior LAG-3 therapy" as no prior anti-LAG-3 antibody', () => {
    expect(readRule('No prior LAG-3 therapy.', 'inclusion')).toEqual({
      condition: therapy({ classes: ['anti_lag3'] }, false),
      unread: '',
    });
  });

  it('leaves "PD-1 treatment" out of the anti-PD-1 class (KEYNOTE criteria use it for any anti-PD-1/L1)', () => {
    expect(classesOf('PD-1 treatment')).not.toContain('anti_pd1');
  });

  it('does not read a PD-L1 test result as therapy', () => {
    expect(classesOf('PD-L1 based on 22C3 testing')).toEqual([]);
    expect(classesOf('PD-L1 expression-based therapy')).toEqual([]);
  });
});

describe('antibody forms of the EGFR names', () => {
  it.each([
    ['anti-epidermal growth factor receptor mAb therapy', ['anti_egfr_antibody']],
    ['EGFR mAb', ['anti_egfr_antibody']],
    ['anti-HER1 monoclonal antibody', ['anti_egfr_antibody']],
    ['anti-EGFR mAb', ['anti_egfr_antibody']],
  ])('"%s" is the anti-EGFR antibody class', (phrase, classes) => {
    expect(classesOf(phrase)).toEqual(classes);
  });

  it('keeps "anti-EGFR" alone as any EGFR inhibitor', () => {
    expect(classesOf('anti-EGFR therapy')).toEqual(['egfr_inhibitor']);
    expect(classesOf('anti-epidermal growth factor receptor')).toEqual(['egfr_inhibitor']);
  });
});

describe('abbreviations criteria use for the cells or the study product are no prior therapy', () => {
  it('keeps "TIL cell therapy" the TIL therapy class, but not a bare TIL or TILs', () => {
    expect(classesOf('Prior engineered TIL cell therapy is allowed.')).toEqual(['til_therapy']);
    expect(
      classesOf('Centrally assessed TILs score from surgical formalin-fixed paraffin embedded (FFPE) tumor sample'),
    ).toEqual([]);
    expect(classesOf('at least one adequate lesion for resection or biopsy for TIL generation')).toEqual([]);
  });

  it('reads no prior TIL therapy from the TILs score of NCT06078384', () => {
    const { condition } = readRule(
      'Centrally assessed TILs score from surgical formalin-fixed paraffin embedded (FFPE) tumor sample, using an H\\&E stained diagnostic digital slide, according to the most recent International TILs Working Group guidelines,',
      'inclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('til_therapy');
  });

  it('reads "measurable disease prior to receiving CRISPR-TIL" without a TIL therapy requirement (NCT06783270)', () => {
    const { condition } = readRule(
      'Following this bridging therapy, the subject must adhere to the mandatory washout periods (described in exclusion criterion 1) and must continue to have measurable disease prior to receiving CRISPR-TIL.',
      'inclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('priorTherapy');
  });

  it('takes "the IMP" as the study product, not as prior investigational therapy (NCT06209580)', () => {
    const { condition } = readRule(
      '11\\. Administration of a live vaccine within 28 days prior to the administration of the first dose of the IMP.',
      'exclusion',
    );
    expect(JSON.stringify(condition)).toContain('live_vaccine');
    expect(JSON.stringify(condition)).not.toContain('investigational');
  });
});
