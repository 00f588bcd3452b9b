/**
 * Criteria about other studies: taking part in another trial (other_trial, history-safety.ts) and
 * receiving other investigational therapy now (the therapy reader). Real corpus lines; each reading
 * says what the line asks and no more, and a sentence that lets some trials in stays unread.
 */
import { attest, criterionRule, readRule, unparsed } from '../support/criteria';

describe('another trial named as the subject of the sentence', () => {
  it('reads "Other clinical studies have been taken in the past 4 weeks" (NCT04386967 e11)', () => {
    expect(readRule('Other clinical studies have been taken in the past 4 weeks.', 'exclusion')).toEqual({
      condition: attest('other_trial', true),
      unread: '',
    });
  });

  it('does not read it where the sentence lets such trials in', () => {
    const allowed = readRule('Other clinical trials within the past 4 weeks are allowed.', 'exclusion');
    expect(JSON.stringify(allowed.condition ?? null)).not.toContain('other_trial');
    const unless = readRule('Other clinical trials within 4 weeks unless observational', 'exclusion');
    expect(JSON.stringify(unless.condition ?? null)).not.toContain('other_trial');
  });

  it('does not read a bare "Other clinical trials" in an inclusion as a requirement to take part', () => {
    const r = readRule('Other clinical trials within the past 4 weeks.', 'inclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('other_trial');
  });
});

describe('taking part in a study as what a condition would hinder', () => {
  it('reads the investigator\'s concern alone, no other trial (NCT06784778 e6, NCT07634380 e16)', () => {
    // "would preclude the participation in a clinical study" asks whether the patient is fit for a
    // study; read as other_trial it excluded every patient in another trial, which the text does not.
    expect(
      readRule(
        'Presence of any medical or other condition that in the opinion of the investigator(s) would preclude the participation in a clinical study.',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
    expect(
      readRule(
        'Any medical or other condition which, in the opinion of the investigator, would preclude participation in a clinical study',
        'exclusion',
      ),
    ).toEqual({ condition: attest('investigator_concern', true), unread: '' });
  });

  it('still reads participation in another trial (NCT07400302 e4)', () => {
    expect(readRule('Concurrent participation in another clinical trial.', 'exclusion')).toEqual({
      condition: attest('other_trial', true),
      unread: '',
    });
  });
});

describe('current investigational therapy with a qualifier about the study outcomes', () => {
  it('keeps "that could affect the primary or secondary outcomes" as the unread qualifier (NCT04903119 e4)', () => {
    const r = readRule(
      '3.2.4 Patients who are receiving any other investigational therapies that could affect the primary or secondary outcomes of this study.',
      'exclusion',
    );
    // The "or" joins two of the study's outcomes, no alternative treatment: the receipt is read and
    // the narrowing clause is kept beside it, so the exclusion needs both.
    expect(r.condition).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['investigational'], withinDays: 1 } },
        {
          fact: 'unparsed',
          operator: 'equal',
          value: true,
          params: { text: 'other investigational therapies that could affect the primary or secondary outcomes of this study' },
        },
      ],
    });
  });
});

describe('"experimental" as the status of a treatment', () => {
  it('reads "experimental anti-cancer vaccines" as investigational cancer vaccines (NCT04855435 e35)', () => {
    expect(readRule('Participants who have been previously treated with experimental anti-cancer vaccines.', 'exclusion')).toEqual({
      condition: { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['cancer_vaccine'], kinds: ['investigational'] } },
      unread: '',
    });
  });

  it('does not read a bare "experimental" aside as any investigational treatment (NCT05859074 e9)', () => {
    // "(including experimental)" qualifies the checkpoint inhibitors after it: read as an item of its
    // own it excluded every patient given any investigational drug in the 3 weeks.
    const r = readRule(
      'Treatment with PD-1/programmed death ligand (PD-L1), cytotoxic T-lymphocyte associated protein 4 (CTLA-4), or any other (including experimental) immune checkpoint inhibitor or immune-stimulatory treatment in the 3 weeks before the first dose of study treatment',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"investigational"');
    expect(r.unread).toContain('experimental');
    const other = readRule('Treatment with another investigational drug or other experimental intervention within the last 30 days.', 'exclusion');
    expect(other.unread).toContain('experimental intervention');
  });
});

describe('another trial named with what it is for', () => {
  it('excludes only with the words that say which trials (NCT07556380 e2, NCT06418204 e1)', () => {
    // Read as any(other_trial, …) the exclusion took in every patient in any other trial.
    expect(criterionRule('Is currently enrolled in another study on MVPA', 'exclusion')).toEqual({
      all: [attest('other_trial', true), unparsed('MVPA')],
    });
    expect(criterionRule('Currently enrolled in an interventional supportive treatment trial to manage cancer symptoms.', 'exclusion')).toEqual({
      all: [attest('other_trial', true), unparsed('manage cancer symptoms')],
    });
  });

  it('keeps an alternative after "or" sufficient (NCT07586904 e1)', () => {
    const rule = criterionRule(
      'The patient is currently participating, or has participated within 4 weeks prior to the first dose of the study drug, in another interventional clinical trial of drugs or medical devices.',
      'exclusion',
    );
    expect(rule).toEqual({ any: [attest('other_trial', true), unparsed('medical devices')] });
  });
});
