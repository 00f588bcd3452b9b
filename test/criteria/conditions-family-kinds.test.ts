/**
 * Real corpus lines: a relative's heart-rhythm history (history-family.ts), a "with …" clause before
 * a bracket of examples, and one word naming a kind of an organ-system umbrella among exclusions
 * (history-conditions.ts). What the facts cannot hold stays an unparsed leaf the finding needs.
 */
import { attest, cond, criterionRule, readRule, unparsed } from '../support/criteria';

const FAMILY = attest('family_heart_rhythm_history', true);

describe("a relative's heart-rhythm history", () => {
  it('reads the example of the risk factors, the rest left unread beside it (NCT05770544 e12)', () => {
    expect(readRule('History of additional risk factors for Torsades de Pointes (e.g., family history of long QT syndrome)', 'exclusion')).toEqual({
      condition: FAMILY,
      unread: 'additional risk factors for Torsades de Pointes',
    });
    expect(criterionRule('History of additional risk factors for Torsades de Pointes (e.g., family history of long QT syndrome)', 'exclusion')).toEqual({
      any: [FAMILY, unparsed('additional risk factors for Torsades de Pointes')],
    });
  });

  it("keeps the patient's own long QT syndrome apart from the relatives' (NCT06974604 e15)", () => {
    expect(
      readRule('Congenital long QT syndrome, family history of long QT syndrome, or unexplained sudden death under 40 years of age in first-degree relatives.', 'exclusion'),
    ).toEqual({ condition: { any: [cond({ names: ['long_qt_syndrome'] }), FAMILY] }, unread: '' });
  });

  it("leaves the patient's QT interval after the relatives' syndromes to the labs reader (NCT01785420 e4)", () => {
    const r = readRule(
      'Family history of congenital long or short QT syndrome, Brugada syndrome or QT/QTc interval \\> 0.45 second or known history of QT/QTc prolongation or torsade de pointe (TdP).',
      'exclusion',
    );
    expect(r.unread).toBe('QT/QTc prolongation … TdP');
    const rule = JSON.stringify(r.condition);
    expect(rule).toContain('family_heart_rhythm_history');
    expect(rule).toContain('"name":"qtc"');
  });

  it('reads a negated family history as required absent in an inclusion', () => {
    expect(readRule('No family history of long QT syndrome', 'inclusion').condition).toEqual(attest('family_heart_rhythm_history', false));
  });

  it("leaves a relative's cancer to the disease readers", () => {
    expect(readRule('Family history of melanoma', 'exclusion').condition).toBeNull();
  });
});
