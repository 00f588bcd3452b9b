/**
 * Earlier treatment of the study drug's own class or target, which the criterion does not name ("Prior
 * treatment with the same class of drug"): a question for the study team,
 * attestation(study_drug_class_prior). And an exception whose words are all that is left unread makes
 * an exclusion conditional: all(reading, unread exception), never any(). Lines are verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { parseCriteria } from '../../src/criteria/parse';
import { attest, readRule } from '../support/criteria';

describe('study_drug_class_prior', () => {
  it('reads an exclusion of the same class or target', () => {
    expect(readRule('Prior treatment with any agent that has the same target.', 'exclusion').condition).toEqual(
      attest('study_drug_class_prior', true),
    );
  });

  it('leaves a class named in the criterion to the therapy reader', () => {
    const r = readRule('Prior treatment with a PARP inhibitor', 'exclusion');
    expect(JSON.stringify(r.condition)).not.toContain('study_drug_class_prior');
  });
});

describe('an exclusion whose unread words are all in its exception', () => {
  it('excludes only with the exception read, as all(reading, unread)', () => {
    const [c] = parseCriteria(
      'Exclusion Criteria:\n\n* Prior treatment with the same class of drug unless genetic profile demonstrates a mechanism of resistance known to be potentially sensitive to atezolizumab.',
    );
    expect(c!.status).toBe('partial');
    expect(c!.rule).toMatchObject({ all: [attest('study_drug_class_prior', true), { fact: 'unparsed' }] });
  });

  it('keeps unread words outside the exception as another way to be excluded', () => {
    const [c] = parseCriteria(
      'Exclusion Criteria:\n\n* Vaccinated with a live vaccine within 28 days (with the exception of the annual inactivated influenza vaccine) or COVID-19 vaccination within 14 days prior to the first dose of NX-1607.',
    );
    expect(Object.keys(c!.rule)).toEqual(['any']);
  });
});
