/**
 * An acronym written in the plural ("ADCs", "TKIs") is the acronym. foldWord leaves words of four
 * letters or fewer alone, so "MMAE-based ADCs" used to miss the class "MMAE-based ADC" and read as
 * MMAE ADCs or any ADC: an exclusion of auristatin ADCs excluded every patient given trastuzumab
 * deruxtecan.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { parseCriteria } from '../../src/criteria/parse';
import { tokenize } from '../../src/criteria/text';

const rule = (line: string) => parseCriteria(`Exclusion Criteria:\n\n* ${line}\n`)[0]!.rule;

describe('acronym plurals', () => {
  it('reads "enfortumab vedotin or other MMAE-based ADCs" as the auristatin ADC class only (NCT06906822)', () => {
    expect(rule('Participants who have previously received enfortumab vedotin or other MMAE-based ADCs.')).toEqual({
      any: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { drugs: ['enfortumab_vedotin'] } },
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['mmae_adc'] } },
      ],
    });
  });

  it('reads "topoisomerase I inhibitor-based ADCs" as the ADC class, not irinotecan or any ADC', () => {
    expect(rule('Prior treatment with other topoisomerase I inhibitor-based ADCs.')).toEqual({
      all: [{ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['topo1_adc'] } }],
    });
  });

  it('folds capitals-then-s only, and keeps two-capital words like "HBs" apart from "Hb"', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm);
    expect(norms('ADCs TKIs NSAIDs')).toEqual(['adc', 'tki', 'nsaid']);
    expect(norms('HBs Hb')).toEqual(['hbs', 'hb']);
    expect(lexicons().index.scan('prior ADCs').map((m) => m.id)).toEqual(['adc']);
  });
});
