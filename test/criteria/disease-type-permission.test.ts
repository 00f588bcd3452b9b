/**
 * An inclusion that only permits the cancer types it names lets those patients in without turning
 * others away: any(type, unknown). An exclusion that restates its types "are also excluded", with
 * a reason after it, reads as the types. Corpus lines, and negatives written for the edges (marked).
 */
import { parseCriteria } from '../../src/criteria/parse';
import { readRule, unparsed, cancerType as type } from '../support/criteria';

describe('cancer types permitted by an inclusion', () => {
  it('lets the named melanoma subtypes in and leaves every other patient open', () => {
    expect(readRule('Cutaneous, mucosal or uveal melanoma are permitted.', 'inclusion')).toEqual({
      condition: { any: [type('UM', 'MUCOSAL_MELANOMA', 'MEL'), unparsed('Cutaneous, mucosal or uveal melanoma are permitted')] },
      unread: '',
    });
    expect(readRule('Cutaneous or mucosal melanoma is permitted.', 'inclusion').condition).toEqual({
      any: [type('MUCOSAL_MELANOMA', 'MEL'), unparsed('Cutaneous or mucosal melanoma is permitted')],
    });
  });

  it('reads a permission "eligible for enrollment" under a lead-in', () => {
    const text = 'Patients with cutaneous, acral, or unknown primary melanomas are eligible for enrollment.';
    expect(readRule(text, 'inclusion', ['Patients must have']).condition).toEqual({
      any: [type('MEL'), unparsed('Patients with cutaneous, acral, or unknown primary melanomas are eligible for enrollment')],
    });
  });

  it('never fails a patient: every branch of a permission keeps the unknown', () => {
    const text = 'Patients with metastatic uveal melanoma are eligible.';
    const u = unparsed('Patients with metastatic uveal melanoma are eligible');
    expect(readRule(text, 'inclusion').condition).toEqual({
      all: [
        { any: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } }, u] },
        { any: [type('UM'), u] },
      ],
    });
  });

  it('does not let the bare type in when an unread word narrows it', () => {
    // Written for the edge: the type alone would pass a BRAF wild-type melanoma.
    expect(readRule('Patients with BRAF V600 mutant melanoma are eligible.', 'inclusion').condition).toBeNull();
    // Corpus line: "non-cutaneous … subtypes (including …)" is not read, so neither is the permission.
    expect(
      readRule('Both cutaneous and non-cutaneous melanoma subtypes (including uveal, mucosal, and acral lentiginous) are eligible.', 'inclusion')
        .condition,
    ).toBeNull();
  });

  it('keeps a permission with a further condition or a cohort out of this reading', () => {
    // "eligible for treatment with …" is no permission of the type alone.
    const r = readRule('Patients with uveal melanoma are eligible for treatment with tebentafusp', 'inclusion').condition;
    expect(JSON.stringify(r ?? null)).not.toContain('"UM"');
  });
});

describe('cancer types an exclusion restates as "also excluded"', () => {
  it('reads the types, the reason after them adding nothing', () => {
    expect(
      readRule('Mucosal and ocular melanomas are also excluded, as these are approached differently for surgical excision', 'exclusion'),
    ).toEqual({ condition: type('OM', 'MUCOSAL_MELANOMA'), unread: '' });
  });

  it('does not read an exclusion narrowed after its predicate as the bare type', () => {
    // The exception stays beside the type: only melanoma that is not treated excludes, which a
    // coordinator judges.
    const [criterion] = parseCriteria('Exclusion Criteria:\n\n* Patients with melanoma are also excluded unless treated');
    expect(criterion?.rule).toEqual({ all: [type('MELANOMA'), unparsed('treated')] });
  });

  it('reads "also excluded" inside an inclusion list as a type the patient must not have (negation.json)', () => {
    // Constructed from the exclusion line above: the same words written among inclusion criteria.
    expect(readRule('Uveal and mucosal melanoma are also excluded.', 'inclusion')).toEqual({
      condition: { ...type('MUCOSAL_MELANOMA', 'UM'), value: false },
      unread: '',
    });
  });
});
