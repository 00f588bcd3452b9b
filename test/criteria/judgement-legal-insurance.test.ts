/**
 * Legal protection and health insurance, as French and other European protocols write them
 * (court protection, trusteeship, social insurance). Real corpus lines with the rule they must get.
 */
import { attest, readRule } from '../support/criteria';

describe('legal protection', () => {
  it.each([
    'Individuals under court protection',
    'Adults protected by law.',
    'Patients under guardianship or trusteeship',
    'Persons deprived of their liberty or under protective custody or guardianship.',
    // French "sauvegarde de justice" and "tutelle", and the German "Geschäftsunfähigkeit" as written in English.
    'Persons placed under the safeguard of justice',
    'Patient placed under the authority of a tutor',
    'Legal incapacity or limited legal capacity.',
  ])('reads "%s" as an exclusion of protected adults', (text) => {
    expect(readRule(text, 'exclusion')).toEqual({ condition: attest('legal_protection', true), unread: '' });
  });
});

describe('health insurance', () => {
  it.each(['Patients affiliated to a social insurance regime', 'Patient having social insurance,', 'Patient insured or beneficiary of a health insurance plan'])(
    'reads "%s" as a requirement to be insured',
    (text) => {
      expect(readRule(text, 'inclusion')).toEqual({ condition: attest('health_insurance', true), unread: '' });
    },
  );

  it('reads "without … social insurance / protection" as its lack', () => {
    expect(readRule('Patient without french social insurance.', 'exclusion').condition).toEqual(attest('health_insurance', false));
    expect(readRule('Patient without any social protection by organization.', 'exclusion').condition).toEqual(attest('health_insurance', false));
  });

  it('does not read insurance into a sentence that only mentions it', () => {
    expect(readRule('Insurance approval for standard of care imaging will be obtained by the site', 'inclusion').condition).toBeNull();
  });
});
