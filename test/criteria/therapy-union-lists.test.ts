/**
 * Lists of treatments a patient must have had, read only where the reading is the list the text
 * gives: a list that is the start of a longer "A, B, <unread>, C, or D" union is not required on its
 * own (that would fail a patient who had only a later member); "prior therapies (must) include X" names
 * X as received; a lead clause naming a group ("For patients with melanoma, …") binds the requirement to
 * that group. Lines are verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz)
 * unless marked as a variant.
 */
import { leavesOf, type Condition } from '../../src/criteria/facts';
import { readRule, therapy } from '../support/criteria';

/** Prior-therapy leaves a patient must satisfy: value true and not inside any "any". */
function requiredTherapies(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('fact' in c) return c.fact === 'priorTherapy' && (c as { value?: unknown }).value === true ? [c] : [];
  if ('all' in c) return c.all.flatMap(requiredTherapies);
  return [];
}

describe('a list that starts a longer union', () => {
  it('does not require the first members of a union with an unread member (NCT04751396)', () => {
    const r = readRule(
      "Treatment with corticosteroids, vitamin D analogs, anthralin, topical retinoids, calcineurin inhibitors, salicylic acid, coal tar, or moisturizers; light therapy, including sunlight, ultraviolet B (UVB) phototherapy, narrowband UVB therapy, Goeckerman therapy, photochemotherapy, excimer laser, or pulsed dye laser; or systemic medications, including retinoids, methotrexate, cyclosporine, hydroxyurea, or thioguanine or targeted therapies",
      'inclusion',
    );
    expect(requiredTherapies(r.condition)).toEqual([]);
  });

  it('does not require the members before an unread one (variant of NCT04752826)', () => {
    const r = readRule(
      'Must have received brentuximab vedotin, bexarotene, extracorporeal photopheresis (ECP), methotrexate, mogamulizumab, romidepsin, vorinostat, or systemic therapy with localized radiation treatment or skin-directed therapy.',
      'inclusion',
    );
    expect(requiredTherapies(r.condition)).toEqual([]);
  });

  it('still reads a complete union (variant)', () => {
    expect(readRule('Must have received prior platinum, taxane, or anthracycline.', 'inclusion').condition).toEqual(
      therapy({ classes: ['platinum', 'taxane', 'anthracycline'] }),
    );
  });
});

describe('"prior therapies include" and group leads', () => {
  it('reads what prior therapies must include as received (variant)', () => {
    expect(readRule('Prior therapies must include a BRAF inhibitor.', 'inclusion').condition).toEqual(therapy({ classes: ['braf_inhibitor'] }));
  });

  it('binds it to the group a lead clause names (NCT05896839)', () => {
    const r = readRule('For patients with BRAF-mutant melanoma, prior therapies include BRAF/MEK inhibitors', 'inclusion');
    expect(r.condition).toMatchObject({ any: expect.arrayContaining([therapy({ classes: ['braf_inhibitor', 'mek_inhibitor'] })]) });
    expect(requiredTherapies(r.condition)).toEqual([]);
  });

  it('never requires of every patient what a lead clause asks of one group (variants)', () => {
    for (const line of ['For patients with melanoma, prior treatment with a BRAF inhibitor.', 'For patients with melanoma, prior therapies include a BRAF inhibitor.']) {
      const c = readRule(line, 'inclusion').condition;
      expect(requiredTherapies(c)).toEqual([]);
      expect(leavesOf(c ?? { all: [] }).every((l) => l.fact !== 'priorTherapy' || (l as { value?: unknown }).value === true)).toBe(true);
    }
  });
});
