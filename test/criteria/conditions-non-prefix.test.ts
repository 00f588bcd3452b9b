/**
 * "non-" before a condition, or before the cause it is said to be induced by, denies it
 * (history-conditions.ts NON_PREFIX_LEAD): the condition named after it is not what the text
 * excludes. Lines verbatim from the corpus.
 */
import { parseCriteria } from '../../src/criteria/parse';

const exclusion = (line: string) => parseCriteria(`Exclusion Criteria:\n\n* ${line}\n`)[0]!;
const names = (rule: unknown): string[] => [...JSON.stringify(rule).matchAll(/"names":\[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(',').map((s) => s.replace(/"/g, '')));

describe('a condition after "non-"', () => {
  it('does not read "non-cardiac disease" as cardiovascular disease (NCT05180942)', () => {
    const c = exclusion(
      'Evidence of any other clinically significant non-cardiac disease or condition that, in the opinion of the Investigator, would preclude participation in the study',
    );
    expect(names(c.rule)).not.toContain('cardiovascular_disease');
  });

  it('does not read "non-infectious pneumonia" as pneumonia but as pneumonitis, while the ILD beside it still excludes (NCT06839105)', () => {
    const c = exclusion(
      'There is a history of interstitial lung disease or a history of non-infectious pneumonia treated with corticosteroids, or imaging evidence of active pneumonia during the screening period;',
    );
    // Non-infectious pneumonia is a synonym of pneumonitis (rules/conditions.json); only the active
    // pneumonia on imaging is the infection.
    expect(c.rule).toEqual({
      any: [
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['interstitial_lung_disease'] } },
        {
          all: [
            { fact: 'condition', operator: 'equal', value: true, params: { names: ['pneumonitis'] } },
            { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['corticosteroid'] } },
            { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'treated with corticosteroids' } },
          ],
        },
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['pneumonia'], active: true } },
      ],
    });
  });

  it('does not read "non-radiation induced pneumonitis" as radiation pneumonitis', () => {
    expect(names(exclusion('History of non-radiation induced pneumonitis').rule)).not.toContain('radiation_pneumonitis');
  });
});
