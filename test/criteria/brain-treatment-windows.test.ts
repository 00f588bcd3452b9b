/**
 * Treatments named in the definitions of treated or active brain metastases: steroid use, radiotherapy
 * or surgery in a window are the patient's prior therapy, held beside the state they qualify. Steroid
 * doses and treatment sites no fact holds stay unparsed leaves. Real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { readRule, therapy, unparsed } from '../support/criteria';

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });
const steroids = (days: number, value = true): Condition => therapy({ classes: ['corticosteroid'], withinDays: days }, value);
const radiation = (days: number, value = true): Condition => therapy({ kinds: ['radiation'], withinDays: days }, value);
const lmd: Condition = { fact: 'condition', operator: 'equal', value: true, params: { names: ['leptomeningeal_disease'] } };
/** Excluded: active metastases, or treated ones under the treatment the text bounds. */
const excludedUnless = (use: Condition): Condition => ({ any: [bm('active'), { all: [bm('treated-stable'), use] }] });

function topicsRead(text: string, kind: CriterionKind, context: string[] = []): string[] {
  return readCriterion(normalise(text).text, kind, context).findingCategories;
}

describe('treatments in the definition of active brain metastases', () => {
  it('reads "CNS metastases that require corticosteroids within N days" as treated metastases under steroids excluded too', () => {
    const text =
      'Presence of symptomatic or untreated central nervous system (CNS) metastases or CNS metastases that require doses of corticosteroids within 14 days prior to study treatment Day 1.';
    expect(readRule(text, 'exclusion')).toEqual({ condition: excludedUnless(steroids(14)), unread: '' });
    expect(topicsRead(text, 'exclusion')).toContain('prior_therapy');
  });

  it('reads a window in weeks ("within the prior 3 weeks")', () => {
    expect(
      readRule(
        'Presence of symptomatic or untreated central nervous system (CNS) metastases, or CNS metastases that require doses of corticosteroids within the prior 3 weeks to study Day 1.',
        'exclusion',
      ).condition,
    ).toEqual(excludedUnless(steroids(21)));
  });

  it('reads "need for steroid treatment in the last 8 weeks" under a lead-in naming the metastases', () => {
    expect(
      readRule(
        'brain metastases with need for steroid treatment in the last 8 weeks prior to study entry Note: An incidental epileptic seizure caused by a brain lesion is not considered an exclusion criterion.',
        'exclusion',
        ['Presence of symptomatic brain metastases:'],
      ),
    ).toEqual({ condition: excludedUnless(steroids(56)), unread: 'incidental … caused' });
  });

  it('reads "require steroids" and "have required radiation within 28 days" listed as alternatives of active metastases', () => {
    const r = readRule(
      'Uncontrolled or symptomatic brain metastases or leptomeningeal carcinomatosis that are not stable, require steroids, are potentially life-threatening or have required radiation within 28 days prior to starting study drug. Patients with previously treated brain metastases may participate provided they are stable (e.g.,without evidence of progression by radiographic imaging for at least 28 days before the first dose of study treatment and neurologic symptoms have returned to baseline).',
      'exclusion',
    );
    expect(r).toEqual({
      condition: { any: [bm('active'), { all: [bm('treated-stable'), { any: [steroids(1), radiation(28)] }] }, lmd] },
      unread: 'stable … potentially life-threatening',
    });
  });

  it('reads steroids required now as an alternative of active metastases, anticonvulsants an unparsed leaf beside them', () => {
    const text =
      'Spinal cord compression or clinically active central nervous system (CNS) metastases, defined as untreated or symptomatic, or requiring therapy with corticosteroids or anticonvulsants to control associated symptoms.';
    expect(readRule(text, 'exclusion')).toEqual({
      condition: {
        any: [
          { fact: 'condition', operator: 'equal', value: true, params: { names: ['spinal_cord_compression'] } },
          bm('active'),
          { all: [bm('treated-stable'), { any: [steroids(1), unparsed('anticonvulsants')] }] },
        ],
      },
      unread: '',
    });
  });

  it('leaves a definition narrower than active ("untreated and symptomatic") unread', () => {
    expect(
      readRule(
        'spinal cord compression or clinically active central nervous system metastases, defined as untreated and symptomatic, or requiring therapy with corticosteroids or anticonvulsants to control associated symptoms;',
        'exclusion',
      ).unread,
    ).toBe('untreated and symptomatic');
  });

  it('does not widen metastases already active by a steroid need that narrows them ("Active brain metastases requiring corticosteroids")', () => {
    expect(readRule('Active brain metastases requiring corticosteroids.', 'exclusion').condition).toEqual(bm('active'));
  });
});

describe('treatments in the definition of treated and stable brain metastases', () => {
  it('reads "undergone radiotherapy at least 4 weeks prior" as radiation within 28 days, the steroid dose an unparsed leaf', () => {
    const text =
      'Patients with active CNS metastases. Patients with stable CNS disease, who have undergone radiotherapy at least 4 weeks prior to the planned first protocol treatment and who have been on a stable dose of corticosteroids for 3 weeks are eligible for the trial';
    expect(readRule(text, 'exclusion')).toEqual({
      condition: excludedUnless({ any: [radiation(28), unparsed('on a stable dose of corticosteroids for 3 weeks')] }),
      unread: '',
    });
    expect(topicsRead(text, 'exclusion')).toContain('prior_therapy');
  });

  it('keeps the site of a treatment as an unparsed leaf beside it ("for brain metastases")', () => {
    expect(
      readRule('Radiotherapy or surgery for brain metastases was completed ≥2 weeks before the first administration of BI 3810944', 'exclusion', [
        'Active primary central nervous system (CNS) malignancy, active untreated CNS metastases and/or carcinomatous meningitis',
        'Participants with asymptomatic (i.e. no clinical neurological symptoms) brain lesions are eligible provided they meet the following criteria:',
      ]),
    ).toEqual({
      condition: excludedUnless({
        all: [therapy({ kinds: ['radiation', 'surgery'], withinDays: 14 }), unparsed('Radiotherapy or surgery for brain metastases')],
      }),
      unread: 'BI',
    });
  });

  it('reads a later requirement on the irradiated metastases ("must have completed whole-brain radiotherapy … at least 14 days prior")', () => {
    const c = readRule(
      'Patients with rapidly progressing or symptomatically deteriorating brain metastases and/or leptomeningeal disease. Patients with previously treated brain metastases are eligible, provided the patient has not experienced a seizure or had a clinically significant change in neurological status within 14 days (for adult patients) or 7 days (for paediatric patients) prior to the start of IMP administration. Patients who have received brain irradiation must have completed whole-brain radiotherapy and/or stereotactic radiosurgery at least 14 days prior to the start of IMP administration.',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      any: [
        bm('active'),
        { all: [bm('treated-stable'), { all: [radiation(14), unparsed('whole-brain radiotherapy and/or stereotactic radiosurgery')] }] },
        lmd,
      ],
    });
  });

  it('reads a permission that asks for radiographic stability and no steroids within 7 days', () => {
    expect(
      readRule(
        'Central nervous system or leptomeningeal metastases. Patients with brain metastases are eligible if they have no ongoing neurological symptoms, have not received corticosteroids within 7 days prior to enrolment, and show radiographic stability for at least 2 weeks.',
        'exclusion',
      ),
    ).toEqual({ condition: excludedUnless(steroids(7)), unread: '' });
  });

  it('keeps "no increase in steroid dose" as an unparsed leaf, not as prior therapy', () => {
    const text =
      '1\\. Subject with known active central nervous system (CNS) primary tumor or metastases.\n\nNote: Subject with previously treated CNS primary tumor/metastases can participate provided they are clinically stable for at least 2 weeks, have no evidence of new or enlarging brain metastases, and there has been no increase in steroid dose for 14 days prior to the first dose of TGI-5 to manage CNS symptoms. Subjects with carcinomatous meningitis or leptomeningeal spread, or spinal cord compression are excluded regardless of clinical stability.';
    const c = readRule(text, 'exclusion').condition;
    expect(c).toEqual({
      any: [
        bm('active'),
        { all: [bm('treated-stable'), unparsed('no increase in steroid dose for 14 days')] },
        lmd,
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['spinal_cord_compression'] } },
      ],
    });
    expect(topicsRead(text, 'exclusion')).not.toContain('prior_therapy');
  });

  it('does not read a steroid allowance ("Stable doses of steroids are permitted") as a requirement', () => {
    const c = readRule(
      'Have a condition requiring systemic treatment with either corticosteroids (\\>10 mg daily prednisone or equivalent) or other immunosuppressive medications within 14 days prior to apheresis, and within 14 days prior to infusion. Inhaled, intramuscular injection, or topical steroids and adrenal replacement doses (≤10 mg daily prednisone equivalents) are permitted. Stable doses of steroids are permitted for subjects with pre-treated brain metastases. Short-term (\\<48 hr) steroid pretreatment for contrast allergy for imaging is permitted.',
      'exclusion',
    ).condition;
    expect(JSON.stringify(c)).not.toContain('Stable doses of steroids');
  });

  it('reads "a minimum of 2 weeks must have elapsed between the end of local therapy (brain radiotherapy or surgery)" after an exception', () => {
    expect(
      readRule(
        'Brain metastases unless asymptomatic, stable, and not requiring steroids or anticonvulsants for at least 7 days prior to randomization. A minimum of 2 weeks must have elapsed between the end of local therapy (brain radiotherapy or surgery) and randomization.',
        'exclusion',
      ),
    ).toEqual({
      condition: excludedUnless({
        any: [steroids(7), { all: [therapy({ kinds: ['radiation', 'surgery'], withinDays: 14 }), unparsed('brain radiotherapy or surgery')] }],
      }),
      unread: '',
    });
  });

  it('reads the exception past "eg." ("definitively treated (eg. radiotherapy, surgery) and clinically stable off steroids")', () => {
    expect(
      readRule(
        'Spinal cord compression, brain metastases or leptomeningeal metastases unless these lesions are definitively treated (eg. radiotherapy, surgery) and clinically stable off steroids for management of symptoms for at least 4 weeks prior to study treatment initiation.',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        any: [
          { fact: 'condition', operator: 'equal', value: true, params: { names: ['spinal_cord_compression'] } },
          bm('active'),
          { all: [bm('treated-stable'), { all: [steroids(28), unparsed('for management of symptoms')] }] },
          lmd,
        ],
      },
      unread: '',
    });
  });

  it('does not read a framing "For CNS metastasis, …" in an inclusion as the presence of metastases', () => {
    expect(
      readRule(
        'For central nervous system (CNS) metastasis, post-surgical resection may receive adjuvant radiotherapy as needed. MRI of the brain must show no recurrence for at least 4 weeks after surgery or surgery combined with radiotherapy. Note: if immunosuppressants (e.g., prednisone) are required, they must be discontinued at least 14 days before the study drug administration.',
        'inclusion',
      ).condition,
    ).toBeNull();
  });

  it('reads a steroid requirement after an exclusion of untreated metastases as the condition on treated ones', () => {
    expect(
      readRule(
        'Untreated central nervous system (CNS) metastasis or metastasis requiring acute therapy of any modality. Subjects must have been either off corticosteroids, or on a stable or decreasing dose of prednisone (or equivalent) for at least 2 weeks prior to the first dose of \\[212Pb\\]VMT01',
        'exclusion',
      ).condition,
    ).toEqual(
      excludedUnless({ all: [steroids(14), unparsed('or on a stable or decreasing dose of prednisone (or equivalent)')] }),
    );
  });
});

describe('items under a brain-metastasis lead-in that do not name the metastases', () => {
  const lead = [
    'Patients with active brain metastases or leptomeningeal metastases, aside from the exceptions below. Participants with brain metastases are eligible if they are:',
  ];

  it('reads the steroid requirement of the permission, its dose alternative an unparsed leaf', () => {
    const text =
      'In addition, participants must have been either off corticosteroids, or on a stable or decreasing dose of ≤ 10 mg daily prednisone (or equivalent) for at least 2 weeks prior to registration';
    expect(readRule(text, 'exclusion', lead)).toEqual({
      condition: excludedUnless({
        all: [steroids(14), unparsed('or on a stable or decreasing dose of <= 10 mg daily prednisone (or equivalent)')],
      }),
      unread: 'addition',
    });
    expect(topicsRead(text, 'exclusion', lead)).toContain('prior_therapy');
  });

  it('does not read an imaging rule or a measurability rule as the treated-stable state', () => {
    expect(
      readRule('MRI of brain at baseline and for response evaluation during treatment', 'inclusion', [
        'Participants with previously locally treated brain metastases may participate in case they meet the following criteria:',
      ]).condition,
    ).toBeNull();
    expect(
      readRule(
        'Growth or change in a lesion previously irradiated will not be considered measurable. Regrowth in cavity of previously excised lesion will not be considered measurable.',
        'inclusion',
        [
          'Histologically confirmed non-uveal melanoma that has metastasized to the brain. At least 1 measurable intracranial target lesion (5-40mm) which was not previously treated with local therapy (no prior SRS to this lesion). Prior surgery for a brain metastasis is allowed but this lesion cannot be a target lesion.',
        ],
      ).condition,
    ).toEqual({ fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } });
  });

  it('does not read an allowance of active metastases as their exclusion', () => {
    expect(
      readRule('asymptomatic or minimally symptomatic active metastases, with controlled steriod use and no imminent CNS complications.', 'exclusion', [
        'Participants with symptomatic brain metastases unless brain lesions are shown to be stable, according to the following definitions:',
      ]).condition,
    ).toBeNull();
  });
});
