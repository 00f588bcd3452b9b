/**
 * Prior-therapy exclusions whose receipt is necessary and whose tail narrows it: "… and was
 * discontinued from that treatment due to a Grade 3 or higher irAE" (a second verb of the same
 * patient, no alternative treatment), and "…, unless given in the neoadjuvant or adjuvant setting"
 * (in an exclusion the exception's own "or" is no alternative to the list). The receipt is read, the
 * tail stays an unparsed leaf beside it. Every line is verbatim from the oncology corpus
 * (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { attest, classesOf, readCondition, readRule, therapy, unparsed } from '../support/criteria';

const PD1_OR_TCR = ['anti_pd1', 'anti_pd_l1', 'anti_pd_l2', 't_cell_receptor_agent'];

describe('a receipt discontinued for toxicity', () => {
  it('reads the receipt of the union and keeps the discontinuation as its qualifier', () => {
    const r = readRule(
      'Has received prior therapy with an anti-PD-1, anti-PD-L1, or anti PD L2 agent, or with an agent directed to another stimulatory or co-inhibitory T-cell receptor (e.g. CTLA-4, OX 40, CD137), and was discontinued from that treatment due to a Grade 3 or higher irAE.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: PD1_OR_TCR }),
        unparsed(
          'e.g. CTLA-4, OX 40, CD137), and was discontinued from that treatment due to a Grade 3 or higher irAE',
        ),
        // The irAE itself, necessary beside its narrowing words (history-irae.ts).
        attest('prior_severe_irae', true),
        expect.objectContaining({ fact: 'unparsed' }),
      ],
    });
    expect(r.unread).toBe('');
  });

  it('reads the same family without the subject verb', () => {
    expect(
      readCondition(
        'Prior therapy with an anti-PD-1, anti-PD-L1, or anti-PD-L2 agent or with an agent directed to another stimulatory or co-inhibitory T-cell receptor (e.g., CTLA-4, OX40, CD137), and was discontinued from that treatment due to a Grade 3 or higher irAE',
        'exclusion',
      ),
    ).toEqual({
      all: [
        therapy({ classes: PD1_OR_TCR }),
        unparsed(
          'e.g., CTLA-4, OX40, CD137), and was discontinued from that treatment due to a Grade 3 or higher irAE',
        ),
        attest('prior_severe_irae', true),
        expect.objectContaining({ fact: 'unparsed' }),
      ],
    });
  });

  it('joins "or with an agent directed to another T-cell receptor" to the union, not as a combination partner', () => {
    expect(
      readRule(
        'Prior therapy with an anti-PD-1, anti-PD-L1, or anti-PD-L2 agent or with an agent directed to another stimulatory or co-inhibitory T-cell receptor (e.g., CTLA-4, OX40, CD137).',
        'exclusion',
      ),
    ).toEqual({ condition: therapy({ classes: PD1_OR_TCR }), unread: 'CTLA-4, OX40, CD137' });
    expect(classesOf('agent directed to another stimulatory or co-inhibitory T-cell receptor')).toEqual([
      't_cell_receptor_agent',
    ]);
  });

  it('does not read "cytotoxic" in the name of CTLA-4 as a chemotherapy', () => {
    const c = readCondition(
      'Prior therapy with an anti-programmed cell death (PD)-1, anti-PD-ligand 1 (anti-PD-L1), anti-PD-L2 agent, or any agent directed to another stimulatory or inhibitory T-cell receptor (eg, cytotoxic lymphocyte associated protein-4 [CTLA-4], OX-40, CD137)',
      'exclusion',
    );
    expect(JSON.stringify(c)).not.toContain('chemotherapy');
    expect(c).toEqual(therapy({ classes: PD1_OR_TCR }));
  });
});

describe('an exclusion with an "unless" tail', () => {
  it('reads the receipt and keeps the exception, with its window, as the qualifier', () => {
    expect(
      readRule(
        'Prior systemic drug therapy for melanoma, unless given in the neoadjuvant or adjuvant setting and completed 6 months before enrolment in this study.',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          therapy({ kinds: ['systemic'] }),
          unparsed(
            'melanoma, unless given in the neoadjuvant or adjuvant setting and completed 6 months before enrolment',
          ),
        ],
      },
      unread: '',
    });
  });

  it("keeps a window that comes before the qualifier's other words in its text", () => {
    const r = readRule(
      'Patients who received ipilimumab and/or anti-PD1 as adjuvant or neoadjuvant therapy must have a 6-month washout before receiving any dosing on this study.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).toContain('"text":"6-month washout before receiving any dosing on this study"');
    expect(r.unread).toBe('');
  });

  it('reads the same without a window', () => {
    expect(
      readCondition(
        'Prior systemic drug therapy for melanoma, unless given in the neoadjuvant or adjuvant setting for Stage I-III disease',
        'exclusion',
      ),
    ).toEqual({
      all: [
        therapy({ kinds: ['systemic'] }),
        unparsed('melanoma, unless given in the neoadjuvant or adjuvant setting for Stage I-III disease'),
      ],
    });
  });

  it('never reads a required treatment with an "unless" alternative as a bare requirement (X unless Y is X or Y)', () => {
    // The optional partner ("with or without … and bevacizumab") is dropped; the treatment is then one
    // sufficient option beside the unread sentence, any(X, unread): a patient without it is not failed.
    const text =
      'Must have received platinum-based chemotherapy, with or without an anti-PD-(L)1 agent and bevacizumab for metastatic/recurrent disease, unless the patient is not a candidate in the opinion of the treating physician';
    expect(readCondition(`${text}.`, 'inclusion')).toEqual({
      any: [therapy({ classes: ['platinum'], setting: 'advanced' }), unparsed(text)],
    });
  });
});

describe('a treatment named only by what it treated', () => {
  it('reads "received treatment for metastatic/relapsed breast cancer" as a prior treatment in that setting', () => {
    // The cancer it was for narrows the receipt, as "for their melanoma" below: an unread qualifier
    // beside a treatment of any kind, never a second reason to exclude.
    expect(readRule('Patients who received treatment for metastatic/relapsed breast cancer.', 'exclusion')).toEqual({
      condition: {
        all: [
          therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], setting: 'advanced' }),
          unparsed('breast cancer'),
        ],
      },
      unread: '',
    });
  });

  it('keeps the exception of such a treatment', () => {
    expect(
      readCondition(
        'Patients who have received treatment for their melanoma other than anti-PD-1 treatment.',
        'exclusion',
      ),
    ).toEqual({
      // "For their melanoma" narrows the receipt (a treatment for another cancer is not meant), so the
      // generic treatment is every kind and the cancer an unread qualifier beside it.
      all: [
        therapy({
          kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'],
          except: { classes: ['anti_pd1'] },
        }),
        unparsed('their melanoma'),
      ],
    });
  });

  it('does not read a treatment for a condition that is no cancer', () => {
    const c = readCondition(
      'Patients who have received treatment for hypertension must be on a stable dose.',
      'exclusion',
    );
    expect(JSON.stringify(c ?? null)).not.toContain('"systemic"');
  });
});
