/**
 * Two time phrases beside a prior treatment: "was over 4 weeks" is the time since it (only "over the
 * last 4 weeks" is a window of receipt); "between the biopsy and the first dose" limits a "no
 * treatment" to an interval no fact holds. Real corpus lines.
 */
import { leavesOf } from '../../src/criteria/facts';
import { readCondition, therapy } from '../support/criteria';

describe('"was over N weeks"', () => {
  it('reads the time since the last treatment, not a treatment within the window', () => {
    expect(readCondition('Prior anti-tumor treatment was over 4 weeks', 'inclusion')).toEqual(therapy({ kinds: ['systemic'], withinDays: 28 }, false));
  });

  it('never requires a treatment within 4 weeks in the corpus line', () => {
    const rule = readCondition(
      'Prior anti-tumor treatment (including endocrine, chemical/ radiotherapy,targeted therapy) was over 4 weeks (more than 6 weeks of discontinuation using nitroso-and mitomycin-based chemotherapy) and was recovered to grade 1 from the side effects of prior treatment.',
      'inclusion',
    );
    expect(leavesOf(rule!).filter((l) => l.fact === 'priorTherapy' && l.value === true && (l.params as { withinDays?: number }).withinDays)).toEqual([]);
    // The drugs of the washout gloss ("discontinuation using … mitomycin") are not a receipt it requires.
    expect(leavesOf(rule!).filter((l) => l.fact === 'priorTherapy' && l.value === true)).toEqual([]);
  });
});

describe('"no treatment between A and B"', () => {
  it('keeps the interval as an unread alternative to no treatment at all', () => {
    expect(readCondition('No systemic treatment between biopsy and enrollment', 'inclusion')).toEqual({
      any: [therapy({ kinds: ['systemic'] }, false), { fact: 'unparsed', operator: 'equal', value: false, params: { text: 'between biopsy and enrollment' } }],
    });
  });

  it('does not require no systemic therapy ever of a tissue sample', () => {
    const rule = readCondition('Availability of a tissue sample where no systemic treatments were administered between sample procurement and proposed PIP testing', 'inclusion');
    expect(leavesOf(rule!).filter((l) => l.fact === 'priorTherapy')).toEqual([]);
  });
});
