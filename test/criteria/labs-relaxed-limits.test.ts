/**
 * Limits relaxed for a subgroup in words the reader does not structure, and multiples of the ULN
 * written after the limit. A relaxation left unread must not let the main limit fail the subgroup on
 * its own ("ALT and AST ≤ 2.5 × ULN. If the liver has tumor involvement, … ≤ 5 × ULN are
 * acceptable"); "≤ upper limit of normal × 2.5" is 2.5 × ULN, not the ULN. Corpus lines verbatim.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { lab, readRule, uln } from '../support/criteria';

/** The limit leaves that sit in an any() beside an unread alternative (cannot fail on their own). */
function guarded(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('any' in c) {
    const hasUnread = c.any.some((x) => 'fact' in x && x.fact === 'unparsed');
    return hasUnread
      ? c.any.filter((x) => !('fact' in x && x.fact === 'unparsed')).flatMap(leavesOf)
      : c.any.flatMap(guarded);
  }
  if ('all' in c) return c.all.flatMap(guarded);
  return [];
}

describe('a relaxation for a subgroup that the reader leaves unread', () => {
  it('keeps "… ≤ 5 × ULN are acceptable" for the liver as an open alternative to the main limit', () => {
    const r = readRule(
      'ALT and AST ≤2.5 x ULN. If the liver has tumor involvement, AST and ALT ≤5 x ULN are acceptable.',
      'inclusion',
      ['Have adequate organ function including:'],
    );
    expect(guarded(r.condition)).toEqual([uln('alt', 'lessThanInclusive', 2.5), uln('ast', 'lessThanInclusive', 2.5)]);
  });

  it('keeps "; patients with liver metastasis ≤ 5 × ULN" as an open alternative', () => {
    const r = readRule(
      'Serum alanine aminotransferase (ALT) and aspartate aminotransferase (AST) ≤ 3 times the upper limit of normal (≤ 3 × ULN); patients with liver metastasis ≤ 5 × ULN',
      'inclusion',
      ['Patients must have adequate organ function:'],
    );
    expect(guarded(r.condition)).toEqual([uln('alt', 'lessThanInclusive', 3), uln('ast', 'lessThanInclusive', 3)]);
  });

  it('guards a bilirubin limit whose liver-metastasis relaxation follows it, beside a structured one for AST/ALT', () => {
    const r = readRule(
      "Hepatic function: AST and ALT ≤2.5×ULN; (5×ULN in the case of liver metastases); bilirubin ≤1.5×ULN except in the case of Gilbert's syndrome and 2×ULN in the case of liver metastases.",
      'inclusion',
      ['Adequate bone marrow, cardiopulmonary, renal and hepatic functions:'],
    );
    expect(guarded(r.condition)).toContainEqual(uln('bilirubin', 'lessThanInclusive', 1.5));
  });

  it('leaves a transfusion note as it was: the limit still decides', () => {
    const r = readRule(
      'Hemoglobin ≥ 8.0 g/dl (Use of transfusion or other intervention to achieve Hgb ≥ 8.0 g/dl is acceptable);',
      'inclusion',
      [
        'Adequate end-organ function CBC/differential obtained within 15 days prior to registration on study, with adequate bone marrow function defined as follows:',
      ],
    );
    expect(r.condition).toEqual(lab('hemoglobin', 'g/dL', 'greaterThanInclusive', 8));
  });
});

describe('a multiple of the ULN written after it', () => {
  it('reads "≤ upper limit of normal × 1.5" as 1.5 × ULN', () => {
    const r = readRule(
      'Renal function: urea ≤ upper limit of normal × 1.5; creatinine (Cr) ≤ upper limit of normal × 1.5;',
      'inclusion',
      ['Laboratory inspection index requirements:'],
    );
    expect(r.condition).toEqual(uln('creatinine', 'lessThanInclusive', 1.5));
  });

  it('reads "(creatinine: ≤ ULN ×1.5)" as 1.5 × ULN', () => {
    const r = readRule(
      'Patients with preserved renal function as evidenced by laboratory data obtained within 7 days before enrollment (creatinine: ≤ ULN ×1.5)',
      'inclusion',
      ['(Part 1-4)'],
    );
    expect(r.condition).toEqual(uln('creatinine', 'lessThanInclusive', 1.5));
  });

  it('reads every multiple of a list written that way', () => {
    const r = readRule(
      'Liver function: alanine aminotransferase (ALT) and aspartate aminotransferase (AST) ≤ upper limit of normal x 2.5, if there is liver metastasis ≤ upper limit of normal x 5; alkaline phosphatase (ALP) ≤ upper limit of normal x 2.5; total gallbladder Red pigment (TBIL)≤normal upper limit×1.5;',
      'inclusion',
      ['Laboratory inspection index requirements:'],
    );
    const limits = leavesOf(r.condition!).filter((l) => l.fact === 'labUln');
    expect(limits).toEqual([
      uln('alt', 'lessThanInclusive', 2.5),
      uln('ast', 'lessThanInclusive', 2.5),
      uln('alp', 'lessThanInclusive', 2.5),
      uln('bilirubin', 'lessThanInclusive', 1.5),
    ]);
  });

  it('still reads a bare "≤ upper limit of normal (ULN)" as the ULN', () => {
    expect(readRule('Serum bilirubin ≤ upper limit of normal (ULN)', 'inclusion', ['Hepatic']).condition).toEqual(
      uln('bilirubin', 'lessThanInclusive', 1),
    );
  });
});

describe('a permission beyond the limit, and past values', () => {
  it('keeps the limit open when a later permission allows values beyond it', () => {
    const r = readRule(
      'Total bilirubin =\\< 1.5 X ULN (isolated bilirubin \\> 1.5 X ULN is acceptable if bilirubin is fractionated and direct bilirubin \\< 35%)\n\n  * NOTE: Patients with documented Gilbert syndrome or hyperbilirubinemia due to non-hepatic cause (e.g., hemolysis, hematoma) may be enrolled following discussion and agreement with the primary investigator',
      'inclusion',
      ['Patients must have appropriate laboratory parameters as defined below:'],
    );
    expect(guarded(r.condition)).toEqual([uln('bilirubin', 'lessThanInclusive', 1.5)]);
  });

  it('reads no current limit from "normal aminotransferases … in previous 12 months"', () => {
    const r = readRule(
      "Adequate organ function defined as:\n\n   a.Absolute neutrophil count (ANC) \u22651.5\u00d7109/L without granulocyte colony-stimulating factor (G-CSF) support within 7 days preceding the laboratory assessment b.Platelet \u2265100\u00d7109/L, without transfusion within 7 days preceding the laboratory assessment c.Hemoglobin \u22659 g/dL, without transfusion support within 7 days preceding the laboratory assessment d.Activated partial thromboplastin time/partial thromboplastin time (aPTT/PTT) \u22641.5\u00d7ULN e.Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) \u22642.5\u00d7ULN (if liver metastases are present, then \u22645\u00d7ULN is allowed) f.Total serum bilirubin \u22641.5\u00d7ULN, except for patients with known Gilbert's Syndrome in whom \u22643\u00d7ULN is permitted. Confirmation of Gilbert's diagnosis requires elevated unconjugated (indirect) bilirubin values; normal complete blood count in previous 12 months, blood smear, and reticulocyte count; normal aminotransferases and alkaline phosphatase in previous 12 months g.The patient is clinically euthyroid (whether treated or untreated) h.Renal: Serum creatinine \u22641.5\u00d7ULN or creatinine clearance \u226560 mL/min/1.73 m2 for patients with serum creatinine levels \\>1.5\u00d7ULN i.Any Grade 3 or higher laboratory abnormalities should be discussed and approved by the Sponsor Medical Monitor or designee prior to enrollment (even if not considered clinically significant)",
      'inclusion',
      [],
    );
    const leaves = leavesOf(r.condition!);
    expect(leaves).not.toContainEqual(uln('alp', 'lessThanInclusive', 1));
    expect(leaves).not.toContainEqual(uln('ast', 'lessThanInclusive', 1));
    expect(leaves).toContainEqual(uln('ast', 'lessThanInclusive', 2.5));
  });
});
