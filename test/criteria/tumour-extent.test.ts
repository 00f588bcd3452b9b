/**
 * Criteria about the tumour itself that the earlier readers left unread: a tumour growing into or
 * around a major blood vessel (tumour_vessel_invasion), a tumour blocking an airway
 * (tumour_airway_obstruction), a liver more than a given share replaced by tumour (liver_tumour_share),
 * lesions that cannot take the study's injection (lesion_treatable = false), and a lesion worded
 * from its visibility on the scan (lesion_visible_on_imaging). Real corpus lines with the rule they
 * must get, and lines that must not get it.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, criterionRule, readRule } from '../support/criteria';

const topicsOf = (text: string, kind: CriterionKind = 'inclusion'): string[] =>
  attestationTopics(readRule(text, kind).condition);

describe('the tumour-extent topics', () => {
  it('each have a question in rules/attestations.json', () => {
    const topics = new Map(lexicons().attestations.topics.map((t) => [t.id, t]));
    for (const id of ['tumour_vessel_invasion', 'tumour_airway_obstruction', 'liver_tumour_share']) {
      expect(topics.get(id)?.question).toMatch(/\?$/);
      expect(topics.get(id)?.synonyms.length).toBeGreaterThan(3);
    }
  });

  it('read each synonym as its topic', () => {
    for (const t of lexicons().attestations.topics.filter((x) => x.id.startsWith('tumour_') || x.id === 'liver_tumour_share'))
      for (const s of t.synonyms) expect(topicsOf(s, 'exclusion')).toEqual([`${t.id}=true`]);
  });
});

describe('a tumour growing into or around a major blood vessel', () => {
  it('excludes on the radiologist’s answer, the example vessel or the place left beside it', () => {
    // NCT05136196 e2
    expect(
      readRule('Tumors that invade major vessels (e.g., the carotid) as shown unequivocally by imaging studies', 'exclusion'),
    ).toEqual({ condition: attest('tumour_vessel_invasion', true), unread: 'carotid' });
    // NCT06343948 e14
    const r = readRule(
      'Imaging examination showed that the tumor had invaded or wrapped around the large blood vessels in the abdomen, chest, neck, and pharynx;',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('tumour_vessel_invasion', true));
    expect(r.unread).toContain('abdomen, chest, neck, and pharynx');
  });

  it('keeps the other alternatives of an exclusion as unknown beside the topic', () => {
    // NCT05859074 e14: touching a vessel or the pericardium also excludes, so they stay unread.
    expect(
      criterionRule(
        'Patients with tumor that directly contacts, encases or penetrates a major blood vessel, pericardium, gastrointestinal tract, or other hollow organs that may lead to perforation due to tumor necrosis',
        'exclusion',
      ),
    ).toEqual({
      any: [
        attest('tumour_vessel_invasion', true),
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: {
            text: 'directly contacts … pericardium, gastrointestinal tract, or other hollow organs that may lead to perforation due to tumor necrosis',
          },
        },
      ],
    });
    // NCT01503372 e13
    expect(
      criterionRule('Known endobronchial lesions and/or lesions infiltrating major pulmonary vessels.', 'exclusion'),
    ).toEqual({
      any: [
        attest('tumour_vessel_invasion', true),
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'endobronchial lesions and/or lesions … pulmonary' } },
      ],
    });
  });

  it('requires its absence in an inclusion, a narrower abutment left unread beside it', () => {
    // NCT06330064 i10
    expect(
      readRule(
        'Participants without radiographic evidence of major blood vessel invasion/infiltration or tumor demonstrating a \\>90-degree abutment or encasement of a major blood vessel.',
        'inclusion',
      ),
    ).toEqual({ condition: attest('tumour_vessel_invasion', false), unread: 'demonstrating a >90-degree abutment' });
  });

  it('does not read one chosen lesion, an invasion still to come, or a tumour that only presses on a vessel', () => {
    // NCT07339176 i8: only the injected lesions must keep clear of the vessels.
    expect(
      topicsOf(
        'Injected lesions must not involve/encase major blood vessels or otherwise pose an unacceptable bleeding/vascular risk, per investigator assessment and imaging review (as applicable).',
      ),
    ).toEqual([]);
    // NCT05351788 e5
    expect(
      topicsOf(
        'Imaging (CT or MRI) shows that the tumor surrounds important blood vessels, or the investigator determines that the tumor is most likely to invade important blood vessels during the subsequent study treatment',
        'exclusion',
      ),
    ).toEqual([]);
    // NCT04370587 e2
    expect(topicsOf('Patients with injectable tumors impinging upon major airways or blood vessels.', 'exclusion')).toEqual([]);
  });
});

describe('a tumour blocking an airway', () => {
  it('excludes on the care team’s answer', () => {
    // NCT06739226 e6, NCT07193966 e6
    expect(readRule('Evidence of tumor potentially causing airway obstruction.', 'exclusion')).toEqual({
      condition: attest('tumour_airway_obstruction', true),
      unread: '',
    });
  });

  it('does not read an obstruction narrowed to one needing intervention, or a risk after the injection', () => {
    // NCT04106492 e17
    expect(topicsOf('Airway obstruction by tumor mass that requires clinical intervention', 'exclusion')).toEqual([]);
    // NCT05859074 e15
    expect(
      topicsOf(
        'Patients at risk of airway compromise in the event of post-injection tumor swelling/inflammation based on investigator judgement',
        'exclusion',
      ),
    ).toEqual([]);
  });
});

describe('lesions that cannot take the study’s injection', () => {
  it('excludes a patient with no lesion the injection can reach', () => {
    // NCT04386967 e8, NCT04616443 e5
    expect(
      topicsOf('The lesions cannot meet the requirements of injection capacity in the tumor body.', 'exclusion'),
    ).toEqual(['lesion_treatable=false']);
    expect(
      topicsOf('The lesions do not meet the requirements of injection capacity(1ml) in the tumor body.', 'exclusion'),
    ).toEqual(['lesion_treatable=false']);
    // NCT03946202 e3: the example of why stays unread.
    const r = readRule(
      'Anatomical location and/or extent of disease difficult to access for safe intra-tumoural drug injections, for example by virtue of contiguous major blood vessels and/or brachial plexus',
      'exclusion',
    );
    expect(r.condition).toEqual(attest('lesion_treatable', false));
    expect(r.unread).toContain('brachial plexus');
  });
});

describe('a lesion worded from its visibility on the scan', () => {
  it('reads lesion_visible_on_imaging, what else the criterion asks left beside it', () => {
    // NCT07215182 i3
    expect(readRule('Visible malignant lesions on \\[18F\\]FDG PET/CT or CT', 'inclusion')).toEqual({
      condition: attest('lesion_visible_on_imaging', true),
      unread: '',
    });
    // NCT04693377 i5
    expect(
      readRule(
        'Pain from the metastatic site must correlate with an identifiable tumor on computed tomography (CT), magnetic resonance imaging (MRI), or ultrasound (US) imaging',
        'inclusion',
      ),
    ).toEqual({ condition: attest('lesion_visible_on_imaging', true), unread: 'Pain from the metastatic site must correlate' });
  });

  it('still leaves a sentence that also sizes the lesion unread', () => {
    // NCT01929395 i7
    expect(topicsOf('The tumor is visible and enhances on prone MRI and is \\>1 cm in greatest diameter.')).toEqual([]);
  });
});

describe('a liver more than a given share replaced by tumour', () => {
  it('excludes on the radiologist’s answer', () => {
    // NCT06519266 e2, NCT07276386 e2
    for (const line of [
      'More than 50% of the liver volume replaced by tumor as measured by CT.',
      'More than 50% of the liver volume replaced by tumor as measured by MRI.',
    ])
      expect(readRule(line, 'exclusion')).toEqual({ condition: attest('liver_tumour_share', true), unread: '' });
  });

  it('leaves liver metastases of a given share to the site reader, and a permission unread', () => {
    // NCT05994521 e6
    expect(topicsOf('Liver metastasis \\> 30% of the liver volume', 'exclusion')).toEqual([]);
    expect(topicsOf('Patients with tumor replacing > 50% of the liver are eligible')).toEqual([]);
  });
});

describe('measurable disease besides the lesion the study injects', () => {
  it('needs measurable disease, the chosen lesion kept as an unknown beside it', () => {
    // NCT06249048 i18, i22
    expect(criterionRule('Has disease other than the injected lesion that is measurable by RECIST 1.1.', 'inclusion')).toEqual({
      all: [
        { fact: 'measurableDisease', operator: 'equal', value: true },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'injected lesion' } },
      ],
    });
  });

  it('is not read in an exclusion', () => {
    expect(readRule('Has disease other than the injected lesion that is measurable by RECIST 1.1.', 'exclusion').condition).toBeNull();
  });
});
