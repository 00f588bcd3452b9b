/**
 * A past episode read with the supportive treatment it needed ("pneumonitis that required
 * steroids"): the treatment must be in the history too, and the link between the two stays with a
 * coordinator. Real corpus lines.
 */
import { cond, readRule, therapy, unparsed } from '../support/criteria';

describe('treatment a past episode needed', () => {
  it('reads the steroids a past pneumonitis required beside the condition', () => {
    expect(readRule('Prior pneumonitis requiring systemic corticosteroid therapy.', 'exclusion')).toEqual({
      condition: { all: [cond({ names: ['pneumonitis'] }), therapy({ classes: ['corticosteroid'] }), unparsed('requiring systemic corticosteroid therapy')] },
      unread: '',
    });
  });

  it('reads immunosuppressants after a transplant or immunodeficiency', () => {
    expect(readRule('Diagnosis of prior immunodeficiency or organ transplant requiring immunosuppressive therapy', 'exclusion').condition).toEqual({
      all: [cond({ names: ['immunodeficiency', 'organ_transplant'] }), therapy({ classes: ['immunosuppressant'] }), unparsed('requiring immunosuppressive therapy')],
    });
  });

  it('names no treatment for a generic "systemic treatment" of a non-cancer condition', () => {
    expect(readRule('History of pneumonitis requiring systemic treatment', 'exclusion').condition).toEqual({
      all: [cond({ names: ['pneumonitis'] }), unparsed('requiring systemic treatment')],
    });
  });
});
