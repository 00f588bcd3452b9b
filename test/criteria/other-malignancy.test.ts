/**
 * "Other malignancy" criteria whose exemptions the facts cannot hold in full ("negligible risk of
 * metastasis", "in the opinion of the investigator", "disease-free ≥ 2 years and at low risk of
 * recurrence"): the exemption stays an unparsed leaf beside otherMalignancy, so the rule is false
 * for a patient with no other cancer and unknown for one the exemption might spare. Real corpus lines.
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { otherMalignancy as other } from '../support/criteria';

function read(text: string, kind: CriterionKind = 'exclusion'): { condition: Condition | null; unread: string } {
  const r = readCriterion(normalise(text).text, kind, []);
  return { condition: r.condition, unread: r.unread };
}
const conditionOf = (text: string, kind: CriterionKind = 'exclusion'): Condition | null => read(text, kind).condition;
const unread = (text: string, value = true): Condition => ({
  fact: 'unparsed',
  operator: 'equal',
  value,
  params: { text },
});
const otherLeaves = (c: Condition | null): LeafCondition[] =>
  c ? leavesOf(c).filter((l) => l.fact === 'otherMalignancy') : [];

describe('exemptions the facts cannot hold', () => {
  it('keeps "negligible risk of metastasis or death" as a leaf, with the trial’s own cancer as no exemption', () => {
    const text =
      'History of malignancy within 5 years prior to screening with the exception of the cancer under investigation in this study and malignancies with a negligible risk of metastasis or death';
    expect(read(text)).toEqual({
      condition: {
        all: [
          other({ withinYears: 5 }),
          unread(
            'with the exception of the cancer under investigation in this study and malignancies with a negligible risk of metastasis or death',
          ),
        ],
      },
      unread: '',
    });
  });

  it('keeps a judgement about the other cancer itself as a leaf beside it', () => {
    expect(
      conditionOf(
        'Participants with a prior or concurrent malignancy whose natural history or treatment has the potential to interfere with the safety or efficacy assessment of the investigational regimen.',
      ),
    ).toEqual({
      all: [
        other(),
        unread(
          'whose natural history or treatment has the potential to interfere with the safety or efficacy assessment of the investigational regimen',
        ),
      ],
    });
  });

  it('reads the NCI permission as an inclusion that another cancer needs the judgement', () => {
    expect(
      conditionOf(
        'Participants with a prior or concurrent malignancy whose natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen are eligible for this trial.',
        'inclusion',
      ),
    ).toEqual({
      any: [
        other({}, false),
        unread(
          'whose natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the investigational regimen',
        ),
      ],
    });
    // The judgement after the permission verb.
    expect(
      conditionOf(
        'Subjects with a prior or concurrent malignancy may be eligible if its natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the regimen.',
      ),
    ).toEqual({
      all: [
        other(),
        unread(
          'if its natural history or treatment does not have the potential to interfere with the safety or efficacy assessment of the regimen',
        ),
      ],
    });
  });

  it('reads an inclusion about the prior cancers a patient may have had', () => {
    expect(
      conditionOf('The patient has undergone potentially curative therapy for all prior malignancies', 'inclusion'),
    ).toEqual({
      any: [
        other({}, false),
        unread('The patient has undergone potentially curative therapy for all prior malignancies'),
      ],
    });
  });
});

describe('a disease-free window beside an unmappable exemption', () => {
  it('joined to it ("… ≥ 2 years … and of low potential risk"): a cancer in the window is excluded, an older one unknown', () => {
    expect(
      conditionOf(
        'History of another primary malignancy except for malignancy treated with curative intent with no known active disease ≥ 2 years before the first dose of study intervention and of low potential risk for recurrence.',
      ),
    ).toEqual({
      all: [
        other(),
        {
          any: [
            other({ withinYears: 2 }),
            unread(
              'except for malignancy treated with curative intent with no known active disease >= 2 years before the first dose of study intervention and of low potential risk for recurrence',
            ),
          ],
        },
      ],
    });
  });

  it('as an alternative ("disease free … two years or … deemed … low risk"): the window still applies', () => {
    const c = conditionOf(
      'Have a history of another invasive malignancy, except for the following circumstance: individuals with a history of invasive malignancy are eligible if they have been disease free and off treatment for at least two years or are deemed by the Investigator to be at low risk for recurrence of that malignancy; individuals with the following cancers are eligible if diagnosed and treated: carcinoma in situ of the breast, oral cavity, or cervix, localized prostate cancer, or basal cell or squamous cell carcinoma of the skin. When enrolling a subject with another malignancy, the Investigator must discuss the subject with the Medical Monitor.',
    );
    expect(otherLeaves(c)).toEqual([
      // "carcinoma in situ of the breast, oral cavity, or cervix": only the breast is named whole.
      other({ withinYears: 2, excluding: ['BCC', 'CSCC', 'DCIS', 'LCIS'] }),
    ]);
    expect(
      leavesOf(c!)
        .filter((l) => l.fact === 'unparsed')
        .map((l) => (l.params as { text: string }).text),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^except for the following circumstance: .*low risk for recurrence/),
      ]),
    );
  });

  it('does not take "eligible if diagnosed … within the past 5 years" for a disease-free window', () => {
    const c = conditionOf(
      'Other malignancies unless the patient is considered to be disease-free for 5 or more years prior to randomization and is deemed by the physician to be at low risk for recurrence; patients with the following cancers are eligible if diagnosed and treated within the past 5 years: carcinoma in situ of the cervix, carcinoma in situ of the colon, melanoma in situ, and basal cell or squamous cell carcinoma of the skin',
    );
    const excluding = expect.arrayContaining(['BCC', 'CSCC', 'CEAIS']);
    expect(c).toEqual({
      all: [
        other({ excluding }),
        unread(
          'patients with the following cancers are eligible if diagnosed and treated within the past 5 years: carcinoma in situ of the cervix, carcinoma in situ of the colon, melanoma in situ, and basal cell or squamous cell carcinoma of the skin',
        ),
        {
          any: [
            other({ withinYears: 5, excluding }),
            unread(
              'unless the patient is considered to be disease-free for 5 or more years prior to randomization and is deemed by the physician to be at low risk for recurrence',
            ),
          ],
        },
      ],
    });
  });

  it('reads a generic "malignancy treated with curative intent, no active disease within 5 years" as the window alone', () => {
    expect(
      read(
        'History of another primary malignancy except for malignancy treated with curative intent with no known active disease within 5 years before randomization.',
      ),
    ).toEqual({ condition: other({ withinYears: 5 }), unread: '' });
  });
});

describe('where the exemptions are stated', () => {
  it('continues an enumerated exemption list ("a) …; b) …")', () => {
    const c = conditionOf(
      'History of another primary malignancy except for a) Malignancy treated with curative intent with no known active disease ≥2 years before the first dose of study intervention; b) Adequately treated nonmelanoma skin cancer or lentigo maligna, or carcinoma in situ without evidence of disease.',
    );
    const [exact, wider] = otherLeaves(c);
    expect(exact?.params).toEqual({
      withinYears: 2,
      excluding: expect.arrayContaining(['BCC', 'CSCC', 'CEAIS', 'DCIS']),
    });
    // Lentigo maligna is melanoma in situ, which OncoTree does not separate from melanoma.
    expect((exact?.params as { excluding: string[] }).excluding).not.toContain('MEL');
    expect((wider?.params as { excluding: string[] }).excluding).toEqual(expect.arrayContaining(['MEL', 'SKCM']));
  });

  it('reads an exemption mapped to a broader code as a leaf: other cancers excluded, ones in the broader code unknown', () => {
    expect(
      read(
        'History or concurrent presence of other malignant tumors(except for cured basal cell carcinoma of the skin,superficial bladder cancer,carcinoma in situ of the cervix,and papillary thyroid carcinoma);',
      ),
    ).toEqual({
      condition: {
        all: [
          other({ excluding: ['BCC', 'CEAIS', 'THPA'] }),
          { any: [other({ excluding: ['BCC', 'BLCA', 'CEAIS', 'THPA'] }), unread('superficial bladder cancer')] },
        ],
      },
      unread: '',
    });
  });

  it('reads a permission in parentheses as the exemption clause', () => {
    const c = conditionOf(
      'Concurrent malignancy (present during screening) requiring treatment or history of prior malignancy active ≤ 2 years prior to registration (i.e., participants with a history of prior malignancy are eligible if treatment was completed at least 2 years before randomization/treatment assignment and the patient has no evidence of disease). Participants with history of prior early stage basal/squamous cell skin cancer or non-invasive or in situ cancers that have undergone definitive treatment at any time are also eligible',
    );
    expect(otherLeaves(c)).toEqual([
      other({ withinYears: 2, excluding: expect.arrayContaining(['BCC', 'CSCC', 'DCIS']) }),
    ]);
  });

  it('does not read a permission without a qualifier, nor one about the trial’s own cancer', () => {
    expect(
      otherLeaves(
        conditionOf(
          'Note: Patients with prior cancer history are allowed to participate. Patients with prior history of cancer or non-metastatic localized cancers (such as skin cancer or localized prostate cancer) are allowed to be enrolled. Patients enrolled in clinical trials or receiving therapy for precursor diseases are NOT excluded from this study.',
        ),
      ),
    ).toEqual([]);
    expect(
      otherLeaves(
        conditionOf(
          'Any malignancy with superficial cutaneous or subcutaneous lesions or palpable lymph nodes may be eligible based on the discretion of the investigator.',
          'inclusion',
        ),
      ),
    ).toEqual([]);
  });
});
