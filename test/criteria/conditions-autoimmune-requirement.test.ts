/**
 * Autoimmune disease with the systemic treatment it required: the glosses and causes between the
 * condition and the requirement, and windows written "in =< 30 days" or "in the past year". Real
 * corpus lines.
 */
import { ANTICANCER_KINDS } from '../../src/criteria/facts';
import { cond, readRule, therapy, unparsed } from '../support/criteria';

describe('autoimmune disease that required systemic treatment', () => {
  it('reads a window written with a comparator after "in"', () => {
    expect(
      readRule(
        'History of active autoimmune disease (AD) that required systemic treatment in =\\< 30 days (i.e., use of disease modifying agents, corticosteroids \\> 10 mg daily prednisone equivalent, or other immunosuppressive drugs) prior to registration',
        'exclusion',
      ),
    ).toEqual({ condition: cond({ names: ['autoimmune_disease'], active: true, withinYears: 0.082 }), unread: '' });
  });

  it('reads "in the past year" as one year', () => {
    expect(
      readRule(
        'Active autoimmune disease unrelated to the use of immune checkpoint inhibitors that has required systemic treatment in the past year (e.g., use of disease-modifying agents, corticosteroids, or immunosuppressive drugs).',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        all: [cond({ names: ['autoimmune_disease'], active: true, withinYears: 1 }), unparsed('unrelated to the use of immune checkpoint inhibitors')],
      },
      unread: '',
    });
  });

  it('passes over "(current or history thereof)" to the requirement after it', () => {
    expect(readRule('Has autoimmune disease or syndrome (current or history thereof) that required systemic treatment within the past 2 years.', 'exclusion')).toEqual({
      condition: cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }),
      unread: '',
    });
  });

  it('keeps a cause set aside as an unparsed leaf beside the condition', () => {
    expect(
      readRule('Active autoimmune disease not caused by prior anticancer treatment that required systemic immunosuppressive treatment in the past 2 years', 'exclusion'),
    ).toEqual({
      condition: {
        all: [cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }), unparsed('not caused by prior anticancer treatment')],
      },
      unread: '',
    });
    expect(
      readRule(
        'Active autoimmune disease (non-immunotherapy induced conditions) that has required systemic treatment in the past two years (i.e., with use of disease modifying agents, corticosteroids, or immunosuppressive drugs).',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [cond({ names: ['autoimmune_disease'], active: true, withinYears: 2 }), unparsed('non-immunotherapy induced conditions')],
    });
  });

  it('reads examples of the treatment after ", i.e.,"', () => {
    expect(
      readRule(
        'Active autoimmune disease or history of autoimmune disease that required systemic treatment within 2 years before starting treatment, i.e., with use of disease-modifying agents or immunosuppressive drugs.',
        'exclusion',
      ).unread,
    ).toBe('');
  });

  it('sets no cause aside without a requirement after it', () => {
    // "caused by" is a narrowing the tail reader keeps; "not caused by" needs the requirement to bound it.
    expect(readRule('Active autoimmune disease caused by prior anticancer treatment, unless currently controlled by replacement therapy only.', 'exclusion').condition).toEqual({
      // Caused by it, so the anticancer treatment was had (history-caused-treatment.ts).
      all: [cond({ names: ['autoimmune_disease'], active: true }), therapy({ kinds: [...ANTICANCER_KINDS] }), unparsed('caused by prior anticancer treatment')],
    });
  });

  it('keeps an effect for a coordinator to judge beside a sole condition', () => {
    expect(readRule('Active autoimmune disease that would preclude the administration of immunotherapy', 'exclusion')).toEqual({
      condition: { all: [cond({ names: ['autoimmune_disease'], active: true }), unparsed('that would preclude the administration of immunotherapy')] },
      unread: '',
    });
  });

  it('does not pin an effect said of a whole list on its last member', () => {
    const rule = readRule(
      'Any significant medical condition, active infection, laboratory abnormality, or psychiatric illness that would prevent the participant from participating in the study.',
      'exclusion',
    ).condition;
    expect(JSON.stringify(rule)).not.toContain('that would prevent the participant');
  });
});
