/**
 * Steroid clauses of brain-metastasis criteria: being off steroids for N days is the patient's prior
 * therapy (priorTherapy corticosteroid withinDays N), bound to the patients with the metastases the
 * text is about. A stable or decreasing dose, a dose threshold or "no increase in steroid dose" is no
 * fact and is never read as "no steroids". Real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { listItems } from '../../src/criteria/extract/brain-steroids';
import { readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });
const steroids = (days: number, value = true): Condition =>
  therapy({ classes: ['corticosteroid'], withinDays: days }, value);
const radiation = (days: number, value = true): Condition => therapy({ kinds: ['radiation'], withinDays: days }, value);
const steroidLeaves = (c: Condition | null): Condition[] =>
  therapyLeaves(c).filter((l) => JSON.stringify(l).includes('corticosteroid'));

function topicsRead(text: string, kind: CriterionKind, context: string[] = []): string[] {
  return readCriterion(normalise(text).text, kind, context).findingCategories;
}

describe('a steroid-free requirement in an enumerated list of exceptions', () => {
  const text =
    'Known or suspected CNS metastases, with the following exceptions:\n\n   a) Subjects with controlled brain metastases will be allowed to enroll. Controlled brain metastases are defined as no radiographic progression for at least 4 weeks following 18 radiation and/or surgical treatment at the time of randomization. b) Subjects must be off steroids for at least 2 weeks prior to initiation of investigational therapy c) Subjects with signs or symptoms of brain metastases are not eligible unless brain metastases are ruled out by computed tomography or magnetic resonance imaging.';

  it('reads "b) Subjects must be off steroids for at least 2 weeks" as treated metastases under steroids excluded too', () => {
    const r = readRule(text, 'exclusion');
    expect(r).toEqual({
      condition: { any: [bm('active'), { all: [bm('treated-stable'), steroids(14)] }] },
      unread:
        'Controlled brain metastases … progression … 4 … 18 radiation and/or surgical … c … symptoms of brain metastases … brain metastases … computed tomography or magnetic resonance',
    });
    expect(topicsRead(text, 'exclusion')).toContain('prior_therapy');
  });

  it('splits a sentence at item labels only', () => {
    const s = 'b) Subjects must be off steroids for 2 weeks c) Subjects with brain metastases (SERM) are not eligible';
    expect(listItems(s, 0, s.length).map(([a, b]) => s.slice(a, b).trim())).toEqual([
      'b) Subjects must be off steroids for 2 weeks',
      'c) Subjects with brain metastases (SERM) are not eligible',
    ]);
    const plain = 'Patients must be off steroids (≤ 10 mg) for 14 days';
    expect(listItems(plain, 0, plain.length)).toEqual([[0, plain.length]]);
  });
});

describe('a permission for untreated metastases with a steroid-free requirement', () => {
  const text =
    'Symptomatic brain metastases. Brain metastases may be treated or untreated, but participants must be asymptomatic and off steroids for at least 14 days prior to start of study intervention. A minimum of 2 weeks must have elapsed between the end of whole brain radiotherapy and study enrollment.';

  it('excludes metastases in either state under steroids or whole-brain radiotherapy in the window, the symptoms unread', () => {
    const r = readRule(text, 'exclusion');
    expect(r).toEqual({
      condition: {
        all: [
          bm('active', 'treated-stable'),
          { any: [steroids(14), { all: [radiation(14), unparsed('whole brain radiotherapy')] }] },
        ],
      },
      unread: 'Symptomatic brain metastases. Brain metastases may be treated or untreated, but … asymptomatic',
    });
    expect(topicsRead(text, 'exclusion')).toContain('prior_therapy');
  });

  it('leaves it unread when the window follows another treatment the steroid-free reading did not reach', () => {
    const r = readRule(
      'Symptomatic brain metastases. Brain metastases may be treated or untreated, but must be asymptomatic and off steroids and radiation for at least 14 days prior to start of study intervention.',
      'exclusion',
    );
    expect(steroidLeaves(r.condition)).toEqual([]);
  });

  it('never reads a definition of the metastases allowed ("defined as … no requirement for … corticosteroids") as a steroid window', () => {
    const r = readRule(
      'Patients with meningeal carcinomatosis, leptomeningeal carcinomatosis, spinal cord compression, or symptomatic or unstable brain metastases. Note: Patients with stable brain metastases (defined as asymptomatic or no requirement for high-dose or increasing dose of systemic corticosteroids) and without imminent need of radiation therapy) are eligible (including those with untreated brain metastases). If applicable, patients must have completed brain radiation therapy and recovered adequately from any associated toxicity and/or complications prior to eligibility assessment. For patients who have received prior radiation therapy, post-treatment magnetic resonance imaging scan should show no increase in brain lesion size/volume.',
      'exclusion',
    );
    expect(steroidLeaves(r.condition)).toEqual([]);
  });
});

describe('steroid doses stay unread', () => {
  it('never reads "have not required an increase in steroid dose" as no steroids', () => {
    const r = readRule(
      'Asymptomatic untreated brain metastases are allowed. Symptomatic brain metastases that have undergone local therapy with RT or surgery and have not required an increase in steroid dose in prior 2 weeks are allowed.',
      'inclusion',
    );
    expect(steroidLeaves(r.condition)).toEqual([]);
    expect(r.unread).toContain('steroid dose');
  });

  it('never reads "on stable dose of ≤ 10mg of prednisone" under a permission for treated metastases as no steroids', () => {
    const r = readRule(
      'Neurologically stable and on stable dose of ≤ 10mg of prednisone equivalent steroids for at least 7 days prior to the first dose of study intervention.',
      'exclusion',
      [
        'Participants with known untreated or symptomatic central nervous system (CNS) metastases and/or carcinomatous meningitis. NOTE: Participants with previously treated brain metastases may participate provided ALL of the following apply:',
      ],
    );
    expect(steroidLeaves(r.condition)).toEqual([]);
  });

  it('keeps "no increase in steroid dose for 14 days" an unparsed leaf beside treated metastases', () => {
    const r = readRule(
      '1\\. Subject with known active central nervous system (CNS) primary tumor or metastases.\n\nNote: Subject with previously treated CNS primary tumor/metastases can participate provided they are clinically stable for at least 2 weeks, have no evidence of new or enlarging brain metastases, and there has been no increase in steroid dose for 14 days prior to the first dose of TGI-5 to manage CNS symptoms. Subjects with carcinomatous meningitis or leptomeningeal spread, or spinal cord compression are excluded regardless of clinical stability.',
      'exclusion',
    );
    expect(steroidLeaves(r.condition)).toEqual([]);
    expect(JSON.stringify(r.condition)).toContain('no increase in steroid dose for 14 days');
  });
});
