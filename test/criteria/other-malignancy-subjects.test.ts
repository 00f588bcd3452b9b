/**
 * Other-malignancy wordings read from real corpus lines: "another type of cancer", "malignancy (other than the disease under treatment …)", "Malignant disease, other than
 * being treated in this study", "other types of malignant tumours", "multiple primary malignancies",
 * "another tumour", "previous invasive tumour"; a second exemption after a parenthetical one; sites or
 * in-situ disease left unmapped in an exemption keep the exemption as a leaf. Negatives: a tumour word
 * that is a therapy's object, a cohort label or an adjective ("tumour infiltrating lymphocytes").
 */
import { leavesOf } from '../../src/criteria/facts';
import {
  IN_SITU_CODES as IN_SITU,
  NMSC_CODES as NMSC,
  otherMalignancy as other,
  readRule,
  unparsed,
} from '../support/criteria';

describe('other-malignancy subjects', () => {
  it('reads "other types of malignant tumours"', () => {
    expect(readRule('Past or present suffering from other types of malignant tumors.', 'exclusion')).toEqual({
      condition: other(),
      unread: '',
    });
  });

  it('reads "malignancy (other than the disease under treatment in the study)" and keeps a later unmappable exemption', () => {
    expect(
      readRule(
        'Active malignancy (other than the disease under treatment in the study) within the previous 3 years except for curable cancers.',
        'exclusion',
      ),
    ).toEqual({
      condition: { all: [other({ withinYears: 3 }), unparsed('except for curable cancers')] },
      unread: 'Active',
    });
  });

  it('reads "Malignant disease, other than being treated in this study" with the exemptions stated after it', () => {
    expect(
      readRule(
        'Malignant disease, other than being treated in this study. Exceptions to this exclusion include the following: malignancies that were treated curatively and have not recurred within 2 years prior to start of study treatment, completely resected basal cell and squamous cell skin cancers and any completely resected carcinoma in situ.',
        'exclusion',
      ),
    ).toEqual({ condition: other({ withinYears: 2, excluding: [...IN_SITU, 'BCC', 'CSCC'].sort() }), unread: '' });
    expect(readRule('Malignant disease, other than being treated in this study.', 'exclusion').condition).toEqual(
      other(),
    );
  });

  it('reads a parenthesis between "other" and the cancer word', () => {
    expect(
      readRule(
        'Patients with a history of other (including unknown primary) malignancies within 5 years prior to the first dose of trial treatment;',
        'exclusion',
      ),
    ).toEqual({ condition: other({ withinYears: 5 }), unread: '' });
  });

  it('reads "another type of cancer" and "another tumour", "previous invasive tumour"', () => {
    expect(
      readRule(
        'Have another type of cancer that is progressing or required active treatment within the past 3 years before screening.',
        'exclusion',
      ),
    ).toEqual({ condition: other({ withinYears: 3 }), unread: 'progressing … active' });
    expect(readRule('Have another tumor of another location except basal cell carcinoma.', 'exclusion')).toEqual({
      condition: other({ excluding: ['BCC'] }),
      unread: 'location',
    });
    expect(
      readRule('Previous invasive tumor unless patient has been disease free for at least 3 years', 'exclusion'),
    ).toEqual({
      condition: other({ withinYears: 3 }),
      unread: '',
    });
  });

  it('keeps an exemption as a leaf when it leaves in-situ disease or a site unmapped', () => {
    expect(
      readRule(
        'Has multiple primary malignancies within 3 years before enrollment, except adequately resected non-melanoma skin cancer (e.g., resected basal or squamous cell skin cancer), curatively treated in-situ disease',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          other({ withinYears: 3, excluding: NMSC }),
          unparsed(
            'except adequately resected non-melanoma skin cancer (e.g., resected basal or squamous cell skin cancer), curatively treated in-situ disease',
          ),
        ],
      },
      unread: '',
    });
    // "in situ carcinoma of the cervix, breast, prostate": only the cervix is mapped.
    const c = readRule(
      'Another non-cured cancer in the last 2 years, except for in situ carcinoma of the cervix, breast, prostate or squamous cell carcinoma of the skin adequately treated or limited basal cell skin cancer adequately controlled.',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      all: [
        other({ withinYears: 2, excluding: ['BCC', 'CEAIS', 'CSCC'] }),
        unparsed(
          'except for in situ carcinoma of the cervix, breast, prostate or squamous cell carcinoma of the skin adequately treated or limited basal cell skin cancer adequately controlled',
        ),
      ],
    });
  });

  it('does not read a non-prefixed cancer type away when the exemption is in parentheses', () => {
    expect(
      readRule(
        'Prior invasive non-breast malignancy (except non-melanomatous skin cancer, carcinoma in situ of the cervix) unless disease free for a minimum of 5 years prior to study entry',
        'exclusion',
      ),
    ).toEqual({ condition: other({ withinYears: 5, excluding: [...NMSC, 'BREAST', 'CEAIS'].sort() }), unread: '' });
  });

  it('reads a bare malignancy opening an item with a window as another cancer', () => {
    expect(
      readRule('Cancer within the past 5 years, except adequately treated basal cell carcinoma', 'exclusion'),
    ).toEqual({
      condition: other({ withinYears: 5, excluding: ['BCC'] }),
      unread: '',
    });
    expect(readRule('Malignancy within the last 2 years as specified in the protocol', 'exclusion')).toEqual({
      condition: { all: [other({ withinYears: 2 }), unparsed('within the last 2 years as specified in the protocol')] },
      unread: '',
    });
  });

  it('does not read "any other type of malignancies" after a tumour type as another cancer', () => {
    const c = readRule(
      'Patients with pancreatic malignant tumor histologically confirmed as neuroendocrine or any other type of malignancies',
      'exclusion',
    ).condition;
    expect(c ? leavesOf(c).map((l) => l.fact) : []).not.toContain('otherMalignancy');
  });

  it('does not read a tumour that is a therapy’s object, a cohort label or an adjective', () => {
    const facts = (text: string) => {
      const c = readRule(text, 'exclusion').condition;
      return c ? leavesOf(c).map((l) => l.fact) : [];
    };
    expect(facts('Prior therapy for another tumor with an anti-PD-1 agent')).not.toContain('otherMalignancy');
    expect(
      facts(
        'Subjects are not acceptable candidates if they received prior tumor infiltrating lymphocytes (TIL) therapy (either in the setting of clinical trial or standard of care)',
      ),
    ).not.toContain('otherMalignancy');
    expect(
      facts(
        'Prostate Cancer: Leptomeningeal metastasis or brain metastasis. Other Solid Tumors: Participants with active central nervous system (CNS) metastases',
      ),
    ).not.toContain('otherMalignancy');
  });
});
