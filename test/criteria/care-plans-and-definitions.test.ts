/**
 * Two families of inclusion wording that had stayed wholly unread. A treatment the care team has
 * planned or prescribed as part of usual care is attestation(planned_treatment), whichever way the
 * plan is worded ("prescribed as part of routine care", "planned as per standard clinical practice",
 * "CCRT planned as a treatment for …", "intended to receive at least 4 cycles of …"). A sentence that
 * only defines a term (who is of childbearing potential or postmenopausal; which lesions RECIST counts
 * as measurable) asks nothing, and is noRequirement(definition), which every patient meets. Verbatim
 * corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { attest, attestationTopics, criterionRule, judgeRecord, readRule } from '../support/criteria';

const DEFINITION: Condition = { fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } };
const read = (text: string, context: string[] = []) => readRule(text, 'inclusion', context);

describe('a treatment planned or prescribed as part of usual care is the care team’s plan', () => {
  it('reads a treatment prescribed, planned or given as part of routine care or per standard practice (NCT05429138 i5, NCT06880198 i4, NCT05029791 i4)', () => {
    expect(read('Adjuvant or neoadjuvant plus adjuvant treatment must be prescribed as part of routine care')).toEqual({
      condition: attest('planned_treatment', true),
      unread: '',
    });
    expect(
      read(
        'Anti-PD1 (Nivolumab) or anti PD1 based regimen (Nivolumab plus Ipilimumab or Nivolumab plus Relatlimab) planned as per standard clinical practice and decision by the treating oncologist; ;',
      ),
    ).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'Anti-PD1 (Nivolumab) or anti PD1',
    });
    expect(read('Eligible for a melanoma metastatic treatment indicated and administered as part of usual care')).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'melanoma metastatic',
    });
  });

  it('reads a treatment "planned" with no verb before it, a count of cycles as its object, and a non-curative or protocol-eligible one (NCT05421650 i4, NCT07137793 i3, NCT03787056 i49, NCT07285044 i13)', () => {
    expect(read('Patients with CCRT planned as a treatment for cervical cancer')).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'cervical cancer',
    });
    expect(read('Patients intended to receive at least 4 cycles of doxorubicin or more.')).toEqual({
      condition: attest('planned_treatment', true),
      unread: '',
    });
    expect(read('Planned to be treated with non-curative systemic treatment for metastatic or advanced disease')).toEqual({
      condition: attest('planned_treatment', true),
      unread: 'metastatic or advanced',
    });
    expect(
      attestationTopics(
        read(
          'Patients who, according to documentation from their treating provider, plan to continue the eligible treatment regimen they are currently prescribed for \\>= 12 weeks from the time of registration',
        ).condition,
      ),
    ).toEqual(['planned_treatment=true']);
  });

  it('reads an "indication of" a treatment as the "indication for" it, the care team’s judgement (NCT03787056 i5, i35)', () => {
    expect(read('Indication of a treatment strategy with curative intent (surgery; radiotherapy; chemotherapy; hormonotherapy; targeted agents…)')).toEqual({
      condition: attest('treatment_candidate', true),
      unread: 'strategy with curative intent (surgery; radiotherapy; chemotherapy; hormonotherapy; targeted',
    });
    expect(
      attestationTopics(
        read(
          'Indication of a treatment strategy with no curative intent: transarterial intra-hepatic chemoembolization, targeted therapies (tyrosine kinase inhibitors or monoclonal antibodies) or immunotherapy',
        ).condition,
      ),
    ).toEqual(['treatment_candidate=true']);
  });

  it('does not read a definition of a therapy as its plan (NCT01922921 i4)', () => {
    expect(
      attestationTopics(
        read(
          'HER2-targeted monoclonal antibody therapy is defined as either trastuzumab monotherapy, or trastuzumab and pertuzumab combination therapy administered per standard of care',
        ).condition,
      ),
    ).not.toContain('planned_treatment=true');
  });
});

describe('a definition asks nothing', () => {
  it('reads a whole definition of childbearing potential or of the postmenopausal state (NCT03340129 i24, NCT04697576 i20, NCT05896839 i18, NCT06887088 i20)', () => {
    for (const text of [
      'Women who are not of childbearing potential are defined as any female who has had a documented hysterectomy, bilateral oophorectomy or bilateral tubal ligation or any female who is post-menopausal (≥ one year without menses and \\>50 years of age in the absence of hormone replacement therapy).',
      'Non-childbearing potential is defined as a woman who meets either of the following criteria: a) postmenopausal state defined as no menses for 12 months without an alternative medical cause, or b) documented hysterectomy, bilateral tubal ligation, or bilateral oophorectomy',
      'WOCBP is defined as any female who has experienced menarche and who has not undergone surgical sterilization (hysterectomy or bilateral oophorectomy) or who is not postmenopausal. Menopause is defined clinically as 12 months of amenorrhea in a woman over 45 in the absence of other biological or physiological causes. Women under the age of 55 must have a documented serum follicle stimulating hormone (FSH) level less than 40 mIU/mL to be considered postmenopausal.',
      'A woman is considered of childbearing potential ( i.e. fertile) following menarche and until becoming postmenopausal unless permanently sterile. Women will be considered postmenopausal if they have been amenorrhoeic for 12 months without an alternative medical cause.',
    ])
      expect(read(text)).toEqual({ condition: DEFINITION, unread: '' });
  });

  it('reads an item of a list of definitions, under a lead-in that asks for nothing (NCT06887088 i26)', () => {
    const lead =
      'A woman is considered of childbearing potential ( i.e. fertile) following menarche and until becoming postmenopausal unless permanently sterile. Women will be considered postmenopausal if they have been amenorrhoeic for 12 months without an alternative medical cause. The following age-specific requirements apply:';
    expect(
      read(
        'Women ≥50 years of age would be considered postmenopausal if they have been amenorrheic for 12 months or more following cessation of all exogenous hormonal treatments, or underwent surgical sterilization (bilateral oophorectomy, bilateral salpingectomy or hysterectomy).',
        [lead],
      ),
    ).toEqual({ condition: DEFINITION, unread: '' });
  });

  it('reads RECIST’s rule on which lesions are measurable as a definition where it stands alone (NCT05704647 i13)', () => {
    expect(
      read('Growth or change in a lesion previously irradiated will not be considered measurable. Regrowth in cavity of previously excised lesion will not be considered measurable.'),
    ).toEqual({ condition: DEFINITION, unread: '' });
  });

  it('leaves the rule beside a requirement of measurable disease to what it asks of treated lesions, without a second reading (NCT05013554 i4)', () => {
    // therapy-treated-target-lesions.ts reads the note there; a definition leaf beside it would repeat it.
    const both = read(
      'All participants should have at least 1 measurable disease per RECIST v1.1. An irradiated lesion can be considered measurable only if progression has been demonstrated on the irradiated lesion.',
    );
    expect(JSON.stringify(both.condition)).not.toContain('"noRequirement"');
    expect(JSON.stringify(both.condition)).toContain('"measurableDisease"');
    expect(JSON.stringify(both.condition)).toContain('"priorTherapy"');
  });

  it('is met by every patient', () => {
    const rule = criterionRule('Non-childbearing potential is defined as a woman who meets either of the following criteria: a) postmenopausal state defined as no menses for 12 months without an alternative medical cause, or b) documented hysterectomy, bilateral tubal ligation, or bilateral oophorectomy', 'inclusion');
    expect(judgeRecord(rule, {})).toBe(true);
  });

  it('does not read a requirement beside a definition, an item among alternatives, a requirement on measurable sites, or an exclusion (NCT07448831 i9, NCT07161310 i7, NCT06150664 i30)', () => {
    const none = (c: Condition | null): boolean => !JSON.stringify(c).includes('"definition"');
    expect(
      none(read('Female patients must be surgically sterile or be postmenopausal (A postmenopausal state is defined as no menses for 12 months without an alternative medical cause).').condition),
    ).toBe(true);
    expect(
      none(
        read(
          'Women under 50 years old would be considered postmenopausal if they have been amenorrheic for 12 months or more following cessation of exogenous hormonal treatments and with LH and FSH levels in the post-menopausal range for the institution.',
          ['Non-child-bearing potential must be evidenced by fulfilling one of the following criteria at screening:'],
        ).condition,
      ),
    ).toBe(true);
    expect(
      none(read('Patients with NSCLC, MM, TNBC, and HNSCC must have measurable disease per RECIST 1.1. Tumor sites that are considered measurable must not have received prior radiation').condition),
    ).toBe(true);
    expect(none(criterionRule('WOCBP is defined as any female who has experienced menarche.', 'exclusion'))).toBe(true);
    const [c] = parseCriteria(
      'Inclusion Criteria:\n\n* Female patients of childbearing potential (WOCBP) are only eligible if using highly effective contraceptive measures. Non-child-bearing potential must be evidenced by fulfilling one of the following criteria at screening:\n\n   * Post-menopausal defined as aged more than 50 years and amenorrheic for at least 12 months following cessation of all exogenous hormonal treatments\n   * Women under 50 years old would be considered postmenopausal if they have been amenorrheic for 12 months or more following cessation of exogenous hormonal treatments and with LH and FSH levels in the post-menopausal range for the institution.',
    );
    expect(none(c!.rule as Condition)).toBe(true);
  });
});

describe('the topic a definition is counted under', () => {
  it('is stage for RECIST’s rule on measurability, contraception for reproductive status (NCT05704647 i13, NCT05896839 i18)', () => {
    const [measurability] = parseCriteria(
      'Inclusion Criteria:\n\n* Growth or change in a lesion previously irradiated will not be considered measurable. Regrowth in cavity of previously excised lesion will not be considered measurable.',
    );
    expect(measurability!.categoriesRead).toEqual(['stage']);
    const [wocbp] = parseCriteria(
      'Inclusion Criteria:\n\n* WOCBP is defined as any female who has experienced menarche and who has not undergone surgical sterilization (hysterectomy or bilateral oophorectomy) or who is not postmenopausal.',
    );
    expect(wocbp!.categoriesRead).toEqual(['contraception']);
  });
});
