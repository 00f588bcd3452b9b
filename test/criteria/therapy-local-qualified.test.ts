/**
 * A prior operation or radiotherapy narrowed by a phrase no fact can say (therapy-local-qualified.ts):
 * the kind is read, the narrowing words stay one unread leaf beside it, which is exact in three-valued
 * logic because the patients the text names all had that kind of treatment. And a lesion that must be
 * free of local treatment: a patient who never had one has no such lesion. Verbatim corpus lines
 * unless marked as a variant.
 */
import type { Condition } from '../../src/criteria/facts';
import type { PatientRecord } from '../../src/patients/record';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

const judge = (record: PatientRecord, c: Condition | null) => judgeRecord(c!, record);

const surgery = therapy({ kinds: ['surgery'] });
const radiation = therapy({ kinds: ['radiation'] });

describe('an operation or radiotherapy with a narrowing phrase', () => {
  it.each([
    [
      'NCT03222895',
      'Previous thoracic or abdominal (upper GI) surgery disturbing lymph drainage of the esophagus and stomach',
      surgery,
      'thoracic or abdominal (upper GI) surgery disturbing lymph drainage of the esophagus and stomach',
    ],
    [
      'NCT02000089',
      'Prior surgery that prevent optimal endoscopic ultrasound such as partial or complete gastrectomy with Bilroth or Roux-en-Y anastomosis',
      surgery,
      'surgery that prevent optimal endoscopic ultrasound such as partial or complete gastrectomy with Bilroth or Roux-en-Y anastomosis',
    ],
    [
      'NCT07049276',
      'Previous history of lymph node surgery to the same nodal basin, that was more extensive than a sentinel lymph node biopsy (SLNB).',
      surgery,
      'lymph node surgery to the same nodal basin, that was more extensive than a sentinel lymph node biopsy (SLNB)',
    ],
    [
      'NCT07092670',
      'Previous bilateral ovariectomy or other ovarian surgery',
      surgery,
      'bilateral ovariectomy or other ovarian surgery',
    ],
    ['NCT05605535', 'Undergone prior surgical debulking.', surgery, 'surgical debulking'],
    [
      'NCT07112170',
      'Prior radiotherapy near the oligoprogressive lesion precluding SBRT or hypofractionated radiotherapy due to exceeding OAR tolerance.',
      radiation,
      'radiotherapy near the oligoprogressive lesion precluding SBRT or hypofractionated radiotherapy due to exceeding OAR tolerance',
    ],
  ])('reads the exclusion of %s as the kind with the phrase unread', (_nct, text, leaf, words) => {
    expect(readRule(text, 'exclusion').condition).toEqual({ all: [leaf, unparsed(words)] });
  });

  it('joins local treatments named together as one head (NCT06580002, read without its cohort heading)', () => {
    const text =
      'Previously received radiotherapy or radiosurgery to the brain for benign, malignant, or metastatic tumors.';
    expect(readRule(text, 'inclusion').condition).toEqual({
      all: [
        radiation,
        unparsed('radiotherapy or radiosurgery to the brain for benign, malignant, or metastatic tumors'),
      ],
    });
    // Under a heading the line may bind one cohort only ("Cohort B (prior cranial radiation)"): unread.
    expect(
      readRule(text, 'inclusion', ['Cohort-specific inclusion for male and female patients.']).condition,
    ).toBeNull();
  });

  it('never fails an exclusion for a patient without the operation, and is unknown for one with it', () => {
    const { condition } = readRule('Previous bilateral ovariectomy or other ovarian surgery', 'exclusion');
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, condition)).toBe(false);
    expect(judge({ treatments: [{ name: 'mastectomy', kind: 'surgery', date: '2024-01-10' }] }, condition)).toBeNull();
  });

  it.each([
    // An alternative joined after the treatment is not a narrowing: another reader's, or unread.
    'Prior radiotherapy to the pelvis, and other conditions',
    'Prior radiotherapy to the chest or active pneumonitis',
    'Prior infection unrelated to surgery',
    // A window, a permission or a negation: other readers'.
    'Prior surgery or ablation for oligometastatic disease is allowable.',
    'Prior radiotherapy that precludes the proposed treatment with HFRT or any radiotherapy within 28 days of first dose of nivolumab/ipilimumab.',
    // A radiation complication is a condition, not a treatment with a phrase.
    'History of radiation pneumonitis',
  ])('does not read %p as a narrowed treatment', (text) => {
    const { condition } = readRule(text, 'exclusion');
    const json = JSON.stringify(condition);
    expect(json).not.toMatch(
      /"priorTherapy","operator":"equal","value":true,"params":\{"kinds":\["(?:surgery|radiation)"\]\}\},\{"fact":"unparsed"/,
    );
  });
});

describe('a lesion that must be free of local treatment', () => {
  const lesion = (text: string): Condition => ({
    all: [therapy({ kinds: ['radiation', 'locoregional', 'surgery'] }), unparsed(text)],
  });

  it.each([
    [
      'NCT07364474',
      'Lesion to undergo biopsy cannot have undergone prior radiation therapy or other locoregional therapy',
      'Lesion to undergo biopsy',
    ],
    [
      'NCT05779423',
      'Lesion to undergo cryoablation cannot have had prior radiation therapy or other locoregional therapy',
      'Lesion to undergo cryoablation',
    ],
  ])('excludes (%s) what the modal negation forbids, the lesion words unread', (_nct, text, subject) => {
    expect(readRule(text, 'exclusion').condition).toEqual(lesion(subject));
  });

  it('in an inclusion requires the patient never had it, or leaves it unknown (variant)', () => {
    const { condition } = readRule('Target lesions must not have received prior radiotherapy', 'inclusion');
    expect(condition).toEqual({ any: [therapy({ kinds: ['radiation'] }, false), unparsed('Target lesions', false)] });
    expect(judge({ treatments: [{ name: 'carboplatin', start: '2024-01-10' }] }, condition)).toBe(true);
    expect(judge({ treatments: [{ name: 'radiotherapy', date: '2024-01-10' }] }, condition)).toBeNull();
  });

  it('excludes no patient who never had local treatment (NCT07364474)', () => {
    const { condition } = readRule(
      'Lesion to undergo biopsy cannot have undergone prior radiation therapy or other locoregional therapy',
      'exclusion',
    );
    expect(judge({ treatments: [{ name: 'pembrolizumab', start: '2024-01-10' }] }, condition)).toBe(false);
    expect(judge({ treatments: [{ name: 'radiotherapy', date: '2024-01-10' }] }, condition)).toBeNull();
  });
});

describe('treatments within a washout the protocol sets', () => {
  const washoutOpen: Condition = {
    fact: 'attestation',
    operator: 'equal',
    value: false,
    params: { topic: 'washout_completed' },
  };

  it('excludes those who had a treatment named and whose washout the study team says is not complete (NCT06242470)', () => {
    const text =
      'Treatment with surgery, systemic cancer therapy, immunotherapy, chimeric antigen receptor-T therapy, or anti-hormonal within protocol specified intervals.';
    expect(readRule(text, 'exclusion')).toEqual({
      condition: {
        all: [
          therapy({ classes: ['car_t'], kinds: ['surgery', 'systemic', 'immunotherapy', 'hormonal'] }),
          washoutOpen,
        ],
      },
      unread: '',
    });
  });

  it('reads a bare "anticancer therapy" as any anticancer treatment, radiotherapy included (NCT07410494)', () => {
    const { condition } = readRule(
      'Major surgery or anticancer therapy too close to lymphodepletion (protocol-defined washout).',
      'exclusion',
    );
    expect(condition).toEqual({
      all: [
        therapy({
          kinds: ['surgery', 'systemic', 'radiation', 'transplant', 'cell therapy', 'investigational', 'locoregional'],
        }),
        washoutOpen,
      ],
    });
    // Never treated: not excluded. Treated: the study team's answer decides.
    expect(judge({ treatments: [] }, condition)).toBe(false);
    expect(judge({ treatments: [{ name: 'radiotherapy', date: '2025-05-20' }] }, condition)).toBeNull();
  });

  it('leaves a washout the criterion states to the window readers', () => {
    const { condition } = readRule(
      'Major surgery or anticancer therapy within 28 days prior to lymphodepletion.',
      'exclusion',
    );
    expect(JSON.stringify(condition)).not.toContain('washout_completed');
  });
});

describe('a treatment named only by its setting', () => {
  const ANY = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

  it('reads "adjuvant treatment" as any anticancer treatment in that setting, the rest unread (NCT06932757)', () => {
    expect(
      readRule('Previous adjuvant treatment for UM after definitive primary tumor therapy.', 'exclusion').condition,
    ).toEqual({
      all: [
        therapy({ kinds: ANY, setting: 'adjuvant' }),
        unparsed('adjuvant treatment for UM after definitive primary tumor therapy'),
      ],
    });
  });

  it('reads the bare phrase whole (variant)', () => {
    expect(readRule('Prior neoadjuvant therapy.', 'exclusion')).toEqual({
      condition: therapy({ kinds: ANY, setting: 'neoadjuvant' }),
      unread: '',
    });
  });

  it('is unknown for a treatment whose setting the record does not give, false for a patient never treated', () => {
    const { condition } = readRule(
      'Previous adjuvant treatment for UM after definitive primary tumor therapy.',
      'exclusion',
    );
    expect(judge({ treatments: [] }, condition)).toBe(false);
    expect(judge({ treatments: [{ name: 'pembrolizumab', start: '2024-01-10' }] }, condition)).toBeNull();
  });

  it('leaves a window to the window readers (variant)', () => {
    // Nothing read: the window is not dropped to read the treatment without it.
    expect(readRule('Prior adjuvant therapy within 6 months.', 'exclusion').condition).toBeNull();
  });
});
