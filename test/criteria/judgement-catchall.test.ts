/**
 * The investigator's catch-all as protocols vary it (long lists of adjectives before the generic
 * subject, "laboratory abnormality that might have confounded …", "not in the best interest"), the
 * serious-illness umbrellas, and study-staff families and insurance coverage. Real corpus lines.
 */
import { attest, attestationTopics, cond, readRule } from '../support/criteria';

describe('investigator catch-all', () => {
  it.each([
    'Patients with any other severe, acute or chronic medical or psychotic conditions or significant abnormal physical findings that in the opinion of the investigator may increase the risk associated with study participation or that may interfere with the interpretation of study results.',
    "Other severe, acute or chronic medical or mental illnesses that in the investigator's judgement will might be increase the risk associated with the patient's participation in the study or interfere with interpretation of research results.",
    'Has a history or current evidence of any medical condition, therapy, or laboratory abnormality that might confound the study results, interfere with their participation for the full duration of the study intervention, or indicate it is not in the best interest of the participant to participate, in the opinion of the investigator.',
    'Any condition that is not in the best interest of the participant.',
    'Other serious, acute or chronic medical conditions or laboratory abnormalities may increase the risks associated with participating in the research or may interfere with the interpretation of the research results by investigators;',
    "Any other severe, acute, or chronic medical or laboratory abnormality that, in the investigator's judgment, could increase the risk associated with study participation or could interfere with the interpretation of study results.",
  ])('reads "%s" in full', (text) => {
    expect(readRule(text, 'exclusion')).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });

  it("reads the researchers' belief and the PI's discretion as the catch-all, but not researchers weighing one named toxicity", () => {
    expect(
      readRule(
        'The researchers believe that it is not suitable for patients to be included in this study.',
        'exclusion',
      ),
    ).toEqual({
      condition: attest('investigator_concern', true),
      unread: '',
    });
    expect(
      attestationTopics(
        readRule(
          'Patients may be excluded at the discretion of the PI or if it is deemed that allowing participation would represent an unacceptable medical or psychiatric risk.',
          'exclusion',
        ).condition,
      ),
    ).toEqual(['investigator_concern=true']);
    // Inside an exception of a toxicity criterion the researchers judge one toxicity, not the patient.
    const toxicity = readRule(
      'Toxic reactions of previous anti-tumor treatments that have not yet improved to CTCAE ≤ 1 (excluding hair loss, skin toxicity, or other toxicity that researchers consider to be of no safety risk);',
      'exclusion',
    ).condition;
    expect(attestationTopics(toxicity)).not.toContain('investigator_concern=true');
  });

  it('leaves unread what the catch-all does not say', () => {
    expect(
      readRule('Other serious health issues and other skin diseases that could interfere with the study', 'exclusion'),
    ).toEqual({
      condition: attest('investigator_concern', true),
      unread: 'serious health issues and other skin',
    });
    expect(
      readRule(
        "25\\. Any other condition which in the Investigator's opinion would not make the patient a good candidate for the clinical trial.",
        'exclusion',
      ).condition,
    ).toEqual(attest('investigator_concern', true));
  });

  it('reads a numbered catch-all beside the illness it names', () => {
    expect(
      readRule(
        '16.Have a serious nonmalignant disease that, in the opinion of the Investigator or the Sponsor Medical Monitor or designee, could compromise protocol objectives.',
        'exclusion',
      ).condition,
    ).toEqual({
      all: [attest('investigator_concern', true), cond({ names: ['uncontrolled_intercurrent_illness'], active: true })],
    });
  });

  it.each([
    // A named organ's abnormality the investigator weighs is not the generic catch-all.
    'Any clinically significant and/or uncontrolled cardiac-related abnormality that would compromise patient safety or the outcome of the study',
    // A risk of a named disease, not of taking part.
    'Patients with history of retinal pathology or evidence of visible retinal pathology that is considered a risk factor for RVO, intraocular pressure \\> 21 mm Hg as measured by tonometry, or other significant ocular pathology, such as anatomical abnormalities that increase the risk for RVO.',
  ])('does not read "%s" as the catch-all', (text) => {
    expect(attestationTopics(readRule(text, 'exclusion').condition)).not.toContain('investigator_concern=true');
  });
});

describe('serious illness umbrellas', () => {
  it.each(['Concurrent serious illness', 'Serious nonmalignant disease'])(
    'reads "%s" as an active intercurrent illness',
    (text) => {
      expect(readRule(text, 'exclusion')).toEqual({
        condition: cond({ names: ['uncontrolled_intercurrent_illness'], active: true }),
        unread: '',
      });
    },
  );

  it('names hematologic disease beside the other organ umbrellas', () => {
    expect(readRule('A diagnosis of severe heart, liver, kidney or hematologic disease', 'exclusion')).toEqual({
      condition: cond({
        names: ['renal_disease', 'liver_disease', 'cardiovascular_disease', 'hematologic_disease'],
        active: true,
      }),
      unread: '',
    });
  });

  it('does not read a non-malignant cause as an illness of its own', () => {
    expect(
      readRule('Any degree of respiratory compromise (from either malignant or non-malignant disease)', 'exclusion')
        .condition,
    ).toBeNull();
  });
});

describe('study staff and insurance', () => {
  it('reads an immediate family member of site or sponsor personnel across the semicolon of the relatives list', () => {
    expect(
      readRule(
        'Patient who is an immediate family member (spouse, parent, child, or sibling; biological or legally adopted) of personnel directly affiliated with the study site or the Sponsor.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('study_staff', true), unread: '' });
  });

  it('does not read a family member of no one on the study side', () => {
    expect(
      readRule('Immediate family member (spouse, parent, child, or sibling) with a history of melanoma', 'exclusion')
        .condition,
    ).not.toEqual(attest('study_staff', true));
  });

  it('reads a named insurer coverage as insurance, the insurer kept unread', () => {
    expect(readRule('Current Kaiser Permanente insurance coverage', 'inclusion')).toEqual({
      condition: attest('health_insurance', true),
      unread: 'Current Kaiser Permanente',
    });
  });
});

describe('a concern that could "potentially" interfere', () => {
  it('reads the whole catch-all, "potentially" included (NCT04638790, NCT05605535)', () => {
    for (const line of [
      "Any medical or psychiatric illness that could, in the investigator's opinion, potentially interfere with the completion of treatment.",
      "Any serious medical or psychiatric illness that could, in the investigator's opinion, potentially interfere with the completion of study treatment according to this protocol.",
    ])
      expect(readRule(line, 'exclusion')).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });
});
