/**
 * Criteria about where the tumour lies and whether local treatment can remove or cure it, which the
 * earlier readers left unread: the part of the body the tumour is in (tumour_location), disease that
 * precludes a curative resection (unresectable, the disease named beside it), and disease suitable
 * for local therapy with curative intent (resectable, or unknown). Real corpus lines with the rule
 * they must get, and lines that must not get it.
 */
import { lexicons } from '../../src/criteria/lexicon';
import { attest, attestationTopics, criterionRule, extent, readRule, unparsed } from '../support/criteria';

const location = attest('tumour_location', true);

describe('where the tumour lies (tumour_location)', () => {
  it('has a question in rules/attestations.json, and reads each synonym as the topic', () => {
    const t = lexicons().attestations.topics.find((x) => x.id === 'tumour_location');
    expect(t?.question).toMatch(/\?$/);
    for (const s of t!.synonyms) expect(attestationTopics(readRule(s, 'exclusion').condition)).toEqual(['tumour_location=true']);
  });

  it('reads a place the tumour is located in, of or involves, the place covered with the anchor', () => {
    // NCT03295981 i2, e2
    expect(criterionRule('Lesion located in an extremity', 'inclusion')).toEqual({ all: [location] });
    expect(criterionRule('Non-extremity location', 'exclusion')).toEqual({ all: [location] });
    // NCT06442748 i4
    expect(criterionRule('Supratentorial location of primary tumor', 'inclusion')).toEqual({ all: [location] });
    // NCT05319392 i1, e1: the patient as subject is read with it
    expect(criterionRule('Patients with origin of tumor in distal part of stomach', 'inclusion')).toEqual({ all: [location] });
    expect(criterionRule('Patients with origin of tumor in proximal part of stomach', 'exclusion')).toEqual({ all: [location] });
    // NCT02332668 e7, NCT04057209 e2, NCT06666790 e10
    expect(criterionRule('Tumor(s) involving the brain stem', 'exclusion')).toEqual({ all: [location] });
    expect(criterionRule('Involvement of the anterior commissure by the tumor', 'exclusion')).toEqual({ all: [location] });
    expect(criterionRule('Lesion is located within 10mm of the eye.', 'exclusion')).toEqual({ all: [location] });
    // NCT04693377 e5: the target lesion is the lesion the criterion names
    expect(criterionRule('Target lesions that involve the spinal column or calvarium', 'exclusion')).toEqual({ all: [location] });
  });

  it('reads a list of the places allowed with its lead', () => {
    // NCT06087614 i6; NCT04068155 i3 on one line (in the corpus its bullets stand on lines of their
    // own, which split it into sentences, and it stays unread)
    expect(criterionRule('Tumour sites: Oral Cavity, Oropharynx, Hypopharynx and Larynx', 'inclusion')).toEqual({ all: [location] });
    expect(
      criterionRule('Acceptable tumor locations include the following: * Skin (facial, scalp, extremities, torso) * Lips * Eyelids', 'inclusion'),
    ).toEqual({ all: [location] });
    // Sites of lymph nodes are not where the tumour lies.
    expect(attestationTopics(readRule('Tumor sites: lymph nodes, bone', 'exclusion').condition)).toEqual([]);
  });

  it('reads only a criterion that names one place: the question refers to the place the criterion names', () => {
    // NCT04693377 e9: two places, each with its own conditions
    const r = readRule(
      'Lesions that involve a weight-bearing long bone of the lower extremity with the tumor causing \\> 50% loss of cortical bone. Lesions involving the hands and feet',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).not.toContain('tumour_location=true');
    // NCT03860883 e10: places in a list of clauses
    const m = readRule(
      'Melanoma located distal to the metacarpophalangeal joint; on the tip of the nose; the eyelids or on the ear; genitalia, perineum or anus; mucous membranes or internal viscera.',
      'exclusion',
    );
    expect(attestationTopics(m.condition)).not.toContain('tumour_location=true');
  });

  it('leaves a parenthesis of examples after the place unread beside it', () => {
    // NCT06666790 e9: the examples do not narrow the place, so the exclusion applies on the topic.
    expect(criterionRule('Lesion is located on acral skin (e.g., sole or palms).', 'exclusion')).toEqual({
      any: [location, unparsed('sole or palms')],
    });
  });

  it('reads a distance from the anal verge as the place, other words unread beside it in an inclusion', () => {
    // NCT06631443 i8
    expect(criterionRule('The distance from anal verge of tumor up to 10 cm (Mid and low rectal tumors)', 'inclusion')).toEqual({
      all: [location, unparsed('Mid and low rectal')],
    });
  });

  it('negates the place for an inclusion that denies it', () => {
    expect(criterionRule('No lesion located in an extremity', 'inclusion')).toEqual({ all: [attest('tumour_location', false)] });
  });

  it('does not read a place narrowed after it, unnamed, a state of the skin, a permission or a condition', () => {
    for (const [text, kind] of [
      // NCT06363591 e4, NCT05620290 e3: words after the place narrow it
      ['was located on digits in which amputation is necessary.', 'exclusion'],
      ['Target lesion involves the skin surface causing ulceration, bleeding or discharge', 'exclusion'],
      // NCT07260591 e14, NCT04548817 i2, NCT06666790 e13
      ['Tumors located in high-risk anatomical sites.', 'exclusion'],
      ["Can be located anywhere on the individual's skin", 'inclusion'],
      ['Lesion is located in an area with acute sunburn.', 'exclusion'],
      // NCT07310758 i3: one cancer's requirement
      ['In case of a melanoma: it should be located in the limbs or head and neck area', 'inclusion'],
      // NCT05229614 e6: metastases in the brain are the brain-metastasis reader's
      ['Patients with distant metastases only located in the CNS are excluded', 'exclusion'],
    ] as const)
      expect(attestationTopics(readRule(text, kind).condition)).not.toContain('tumour_location=true');
  });

  it('does not read a place one alternative of a definition names', () => {
    // NCT06163820 i3
    const r = readRule(
      '3\\. Intracranial lesions amenable to hypofractionated stereotactic radiotherapy. These are defined as all intracranial melanoma lesions greater or equal to 5 mm in diameter, all intracranial lesions that are causing symptoms, and all intracranial lesions located in the eloquent areas of the brain.',
      'inclusion',
    );
    expect(attestationTopics(r.condition)).not.toContain('tumour_location=true');
  });
});

describe('disease that precludes a curative resection', () => {
  it('reads unresectable, the disease named kept beside it so the exclusion never takes in all unresectable disease', () => {
    // NCT02139605 e4
    expect(criterionRule('Gross local disease in the porta precluding a curative resection', 'exclusion')).toEqual({
      all: [extent('unresectable'), unparsed('Gross local disease in the porta')],
    });
  });

  it('does not read a comorbidity that precludes surgery as the extent of the disease', () => {
    const r = readRule('Medical comorbidities precluding a curative resection', 'exclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('unresectable');
  });
});

describe('disease suitable for local therapy with curative intent', () => {
  it('reads resectable or unknown: radiotherapy may cure disease that surgery cannot remove', () => {
    // NCT04956640 e1, NCT03761914 e1
    expect(criterionRule('Disease suitable for local therapy administered with curative intent.', 'exclusion')).toEqual({
      any: [extent('resectable'), unparsed('suitable for local therapy administered with curative intent')],
    });
    expect(
      criterionRule('Presence of disease that is suitable for local or regional therapy administered with curative intent.', 'exclusion'),
    ).toEqual({
      any: [extent('resectable'), unparsed('suitable for local or regional therapy administered with curative intent')],
    });
  });

  it('leaves the negated form to the unresectable reading', () => {
    const r = readRule('Disease not suitable for local therapy administered with curative intent.', 'inclusion');
    expect(JSON.stringify(r.condition)).toContain('"unresectable"');
    expect(JSON.stringify(r.condition)).not.toContain('"resectable"');
  });
});

describe('an uncertain diagnosis of the cancer (exclusion)', () => {
  const notMelanoma = { fact: 'cancerType', operator: 'equal', value: false, params: { codes: ['MELANOMA'] } };

  it('clears the patient whose diagnosis is established, the hedge and its explanation kept as an unknown', () => {
    // NCT07530887 e8
    expect(
      criterionRule(
        "Uncertain diagnosis of melanoma i.e. so-called 'melanocytic lesions of unknown malignant potential' (MELTUMP or STUMP)",
        'exclusion',
      ),
    ).toEqual({
      all: [notMelanoma, unparsed("Uncertain diagnosis of … i.e. so-called 'melanocytic lesions of unknown malignant potential' (MELTUMP or STUMP)")],
    });
  });

  it('does not read a suspected diagnosis, an inclusion, any cancer, or a cancer narrowed or joined after it', () => {
    for (const [text, kind] of [
      ['Suspected diagnosis of melanoma', 'exclusion'],
      ['Uncertain diagnosis of melanoma', 'inclusion'],
      ['Uncertain diagnosis of cancer', 'exclusion'],
      ['Uncertain diagnosis of melanoma with ulceration', 'exclusion'],
      ['Uncertain diagnosis of melanoma or Merkel cell carcinoma', 'exclusion'],
    ] as const)
      expect(JSON.stringify(readRule(text, kind).condition ?? null)).not.toContain('"value":false');
  });
});

describe('diffuse spread over the peritoneum', () => {
  it('reads melanomatosis and sarcomatosis of a site as metastases there, as carcinomatosis', () => {
    const peritoneum = { fact: 'metastaticSite', operator: 'equal', value: true, params: { sites: ['peritoneum'] } };
    // NCT07221734 e5
    expect(criterionRule('Peritoneal melanomatosis.', 'exclusion')).toEqual({ all: [peritoneum] });
    expect(criterionRule('Peritoneal sarcomatosis', 'exclusion')).toEqual({ all: [peritoneum] });
  });
});

describe('non-regional lymph nodes', () => {
  it('reads their involvement as metastatic disease with the nodes an unknown beside it (AJCC: M1)', () => {
    // NCT06712420 e7
    expect(
      criterionRule('Involvement of non-regional LN (e.g . Celiac LN, SMA lymph node, inter-aortocaval or left para-ortic LN).', 'exclusion'),
    ).toEqual({
      any: [
        { all: [extent('metastatic'), unparsed('Involvement of non-regional LN')] },
        unparsed('Celiac LN, SMA lymph node, inter-aortocaval or left para-ortic LN'),
      ],
    });
  });

  it('clears a patient without metastases when an inclusion denies them', () => {
    expect(criterionRule('No involvement of non-regional lymph nodes', 'inclusion')).toEqual({
      any: [extent('metastatic', false), unparsed('involvement of non-regional lymph nodes', false)],
    });
  });
});
