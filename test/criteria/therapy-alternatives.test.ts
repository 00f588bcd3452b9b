/**
 * Prior-therapy criteria whose requirement comes with an alternative, a qualifier or a group it
 * binds: ineligibility for or a contraindication to a named treatment, standard curative
 * procedures, and a heading that restricts its criteria to one arm. Real corpus lines with the rule
 * they must get, and wordings that must stay unread or unchanged because a reading would point at
 * something the sentence does not name.
 */
import { parseCriteria } from '../../src/criteria/parse';
import { subgroupHeading } from '../../src/criteria/subgroups';
import { attest, readRule } from '../support/criteria';

describe('a contraindication to a treatment given beside another', () => {
  it('reads the concomitant chemotherapy as the treatment the criterion names (NCT06831370 e9)', () => {
    expect(readRule('Any contraindications to the concomitant chemotherapy regimens (doxorubicin, vinblastine, and dacarbazine).', 'exclusion')).toEqual({
      condition: attest('treatment_candidate', false),
      unread: '',
    });
  });

  it('reads a plan for concurrent chemotherapy as a plan (NCT03788213 e8)', () => {
    const r = readRule('Patients planned for concurrent chemotherapy during radiation therapy.', 'exclusion');
    expect(r.condition).toEqual(attest('planned_treatment', true));
  });
});

describe('an indefinite article before a named treatment', () => {
  it('reads the treatment after "a" or "an" as it reads the treatment alone', () => {
    const pairs: Array<[string, string]> = [
      ['Contraindication to an anti-PD-1 antibody.', 'Contraindication to anti-PD-1 antibody.'],
      ['Patients who are not candidates for a BRAF inhibitor.', 'Patients who are not candidates for BRAF inhibitors.'],
    ];
    for (const [withArticle, bare] of pairs) {
      const r = readRule(withArticle, 'exclusion');
      expect(r.condition).not.toBeNull();
      expect(r).toEqual(readRule(bare, 'exclusion'));
    }
  });

  it('does not take "the" for an object the criterion names: the anticoagulant it spoke of is no plan (NCT07586891 i13)', () => {
    const r = readRule(
      'Prothrombin time (PT)/International Normalized Ratio (INR) and activated partial thromboplastin time (aPTT) ≤ 1.5 × ULN (unless the patient is on anticoagulant therapy, in which case PT or aPTT must be within the therapeutic range intended for the anticoagulant).',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('planned_treatment');
  });

  it('does not read the study drugs after "the" as a treatment the patient is unfit for (NCT04903119 e8)', () => {
    const r = readRule(
      '3.2.8 Patients receiving any medications or substances that are strong CYP2C8 inhibitors are ineligible for the dabrafenib+ trametinib.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('treatment_candidate');
  });
});

describe('standard curative procedures', () => {
  it('reads ineligibility for them as ineligibility for standard therapy (NCT06753136 i4)', () => {
    expect(readRule('Patients who are not eligible for standard curative procedures', 'inclusion')).toEqual({
      condition: attest('standard_therapy_ineligible', true),
      unread: '',
    });
  });

  it('leaves a standard procedure that is not curative unread: it may be a test or a scan', () => {
    expect(readRule('Not eligible for standard procedures', 'inclusion').condition).toBeNull();
  });
});

describe('a heading that restricts its criteria to one arm', () => {
  const heading = 'Additional criteria specific for participants in TAK-500 and pembrolizumab combination arm only:';

  it('binds the criteria under it however far in it names the arm (NCT05070247)', () => {
    expect(subgroupHeading([heading])).toBe(heading.replace(/:$/, ''));
  });

  it('keeps an exclusion under it to that arm', () => {
    const [c] = parseCriteria(
      `Exclusion Criteria:\n\n${heading}\n\n* History of intolerance to any component of the study treatment agents or known serious or severe hypersensitivity reaction to any of the study drugs or their excipients.`,
    );
    expect(c!.rule).toEqual({
      all: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: heading.replace(/:$/, ''), subgroup: true } },
        attest('study_drug_allergy', true),
      ],
    });
  });

  it('does not take a heading for every arm, nor one that names the arm only in passing', () => {
    expect(subgroupHeading(['Criteria for all arms only:'])).toBeNull();
    expect(subgroupHeading(['Patients enrolled in the TAK-500 and pembrolizumab combination arm only, and all others:'])).toBeNull();
  });
});
