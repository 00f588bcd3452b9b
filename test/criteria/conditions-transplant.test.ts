/**
 * Transplants: kinds listed before a shared head noun ("solid organ or hematologic transplant") and
 * the subgroups of recipients the facts cannot hold ("on immunosuppression"). Real corpus lines.
 */
import { cond, readRule, therapy } from '../support/criteria';

describe('transplant lists sharing a head noun', () => {
  it('reads each kind before "transplant"', () => {
    expect(readRule('Prior solid organ or hematologic transplant.', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant', 'stem_cell_transplant'] }),
      unread: '',
    });
    expect(readRule('Prior solid organ or bone marrow progenitor cell transplantation', 'exclusion').condition).toEqual(
      cond({ names: ['organ_transplant', 'stem_cell_transplant'] }),
    );
    expect(readRule('Prior autologous or allogeneic stem cell or solid organ transplant.', 'exclusion').condition).toEqual(
      cond({ names: ['autologous_stem_cell_transplant', 'allogeneic_stem_cell_transplant', 'organ_transplant'] }),
    );
  });

  it('reads an allogeneic organ or tissue transplant as the organ transplant', () => {
    expect(readRule('History of allogeneic organ or tissue transplant', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant'] }),
      unread: '',
    });
    expect(readRule('History of allogenic tissue or solid organ transplant', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant'] }),
      unread: '',
    });
  });

  it('keeps a planned transplant unread', () => {
    expect(readRule('Prior or planned organ/tissue transplantation.', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant'] }),
      unread: 'planned',
    });
  });

  it('does not take a word joined by a slash as a kind of its own', () => {
    expect(readRule('Having received a solid organ/tissue allogeneic or haematopoietic transplant.', 'exclusion')).toEqual({
      condition: cond({ names: ['stem_cell_transplant'] }),
      unread: 'solid organ/tissue allogeneic',
    });
  });

  it('ends another malignancy where a listed transplant starts, so the "or" joins them', () => {
    expect(readRule('Other primary active malignancies within 5 years or history of organ/bone marrow transplantation.', 'exclusion').condition).toEqual({
      any: [
        { fact: 'otherMalignancy', operator: 'equal', value: true, params: { withinYears: 5 } },
        cond({ names: ['organ_transplant', 'stem_cell_transplant'] }),
      ],
    });
  });
});

describe('subgroups of transplant recipients', () => {
  it('keeps the transplant necessary and reads current immunosuppression as current immunosuppressant use', () => {
    const current = therapy({ classes: ['immunosuppressant'], withinDays: 1 });
    expect(readRule('Prior allogeneic stem cell or solid organ transplantation on immunosuppression.', 'exclusion')).toEqual({
      condition: { all: [cond({ names: ['allogeneic_stem_cell_transplant', 'organ_transplant'] }), current] },
      unread: '',
    });
    expect(readRule('Patients with prior solid organ transplantation on anti-immunosuppressant', 'exclusion').condition).toEqual({
      all: [cond({ names: ['organ_transplant'] }), current],
    });
  });
});
