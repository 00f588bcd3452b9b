/**
 * A second primary cancer of a named type among exclusions (history-second-primary.ts): another
 * malignancy, with the type it names kept as an unparsed leaf the other cancer must meet too. Real
 * corpus lines, and lines that must keep their own readings.
 */
import type { Condition } from '../../src/criteria/facts';
import { judgeRecord, readRule } from '../support/criteria';

const other = (text: string): Condition => ({
  all: [
    { fact: 'otherMalignancy', operator: 'equal', value: true, params: {} },
    { fact: 'unparsed', operator: 'equal', value: true, params: { text } },
  ],
});

describe('a second primary cancer of a named type', () => {
  it('reads a previous or concurrent cancer of a type as another malignancy of that type', () => {
    // NCT07530887 e12, NCT06240143 e2, NCT06363591 e5
    expect(readRule('History of previous or concurrent (i.e., second primary) invasive melanoma', 'exclusion')).toEqual({
      condition: other('(i.e., second primary) invasive melanoma'),
      unread: '',
    });
    expect(readRule('A concurrent second, primary melanoma;', 'exclusion')).toEqual({ condition: other('melanoma'), unread: '' });
    expect(readRule('had a previous or concurrent MIS or invasive melanoma (cutaneous or non-cutaneous).', 'exclusion').condition).toEqual(
      other('MIS or invasive melanoma (cutaneous or non-cutaneous)'),
    );
  });

  it('keeps a permission about the type inside the leaf', () => {
    // NCT05417516 e8
    expect(
      readRule('Synchronous or previous contralateral breast cancer (patients with contralateral DCIS or LCIS are eligible).', 'exclusion').condition,
    ).toEqual(other('contralateral breast cancer (patients with contralateral DCIS or LCIS are eligible)'));
  });

  it('reads through the dot of "i.e."', () => {
    // NCT03860883 e9
    expect(readRule('History of previous or concurrent (i.e. >1 primary melanoma) invasive melanoma.', 'exclusion').condition).toEqual(
      other('(i.e. >1 primary melanoma) invasive melanoma'),
    );
  });

  it('excludes no patient without another cancer, and decides nothing for one with another', () => {
    const rule = readRule('A concurrent second, primary melanoma;', 'exclusion').condition!;
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }], conditions: [] })).toBe(false);
    expect(judgeRecord(rule, { cancers: [{ type: 'melanoma' }, { type: 'melanoma' }], conditions: [] })).toBeNull();
  });

  it('leaves a general malignancy, treatment or a window to their own readings', () => {
    // NCT02139605 e1 keeps its plain otherMalignancy reading.
    expect(readRule('Previous or concomitant other cancer', 'exclusion').condition).toEqual({
      fact: 'otherMalignancy',
      operator: 'equal',
      value: true,
      params: {},
    });
    expect(readRule('Prior or concurrent therapy for melanoma', 'exclusion').condition).toBeNull();
    expect(readRule('Previous or concurrent melanoma within 5 years', 'exclusion').condition).toBeNull();
    expect(readRule('Previous or concurrent solid cancer', 'exclusion').condition).toBeNull();
  });

  it('reads nothing among inclusions', () => {
    expect(readRule('Second primary melanoma', 'inclusion').condition).toBeNull();
  });
});
