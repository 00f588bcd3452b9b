/**
 * Inclusion sentences whose requirement binds only patients who had a treatment ("If a taxane had
 * been administered …, progression must have occurred …", "Patients that have undergone treatment
 * with anti-CTLA-4 … must have …", "Previous surgery … is permitted if …"). They never require the
 * treatment: a patient who never had it meets the sentence, any(not X, unread sentence). Real corpus
 * lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule, therapy, unparsed } from '../support/criteria';

/** Every leaf of a rule. */
function leavesOf(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('all' in c) return c.all.flatMap(leavesOf);
  if ('any' in c) return c.any.flatMap(leavesOf);
  return [c];
}
/** The rule never asks for a treatment to have been had. */
function requiresNoTherapy(c: Condition | null): boolean {
  return !leavesOf(c).some((l) => 'fact' in l && l.fact === 'priorTherapy' && l.value === true);
}

describe('a requirement conditional on a treatment had', () => {
  it('reads "If a taxane had been administered …, progression must have occurred …" as any(no taxane, unread)', () => {
    const text =
      'If a taxane had been administered in the neoadjuvant, adjuvant or metastatic setting, progression must have occurred ≥12 months after completion of this treatment.';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({
      any: [
        therapy({ classes: ['taxane'] }, false),
        unparsed('If a taxane had been administered in the neoadjuvant, adjuvant or metastatic setting, progression must have occurred >=12 months after completion of this treatment'),
      ],
    });
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });

  it('reads "Patients that have undergone treatment with anti-CTLA-4 … must have at least 6 weeks … and evidence of tumor progression" as any(no anti-CTLA-4, unread)', () => {
    const text =
      'Patients that have undergone treatment with anti-CTLA-4, Cytotoxic T-Lymphocyte Antigen 4, antibody must have at least 6 weeks from last dose of CTLA-4 antibody and evidence of tumor progression before they can be enrolled into this study.';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({ any: [therapy({ classes: ['anti_ctla4'] }, false), unparsed(text.replace(/\.$/, ''))] });
  });

  it('reads "If a patient has had prior radiotherapy for melanoma, the biopsy … must be from an area …" with the wider "no radiotherapy" as the option', () => {
    const text =
      'If a patient has had prior radiotherapy for melanoma, the biopsy to be used for the biomarker test must be from an area that was not within the radiotherapy field.';
    const r = readRule(text, 'inclusion');
    expect(r.condition).toEqual({ any: [therapy({ kinds: ['radiation'] }, false), unparsed(text.replace(/\.$/, ''))] });
  });

  it('reads a permission with a condition ("Previous surgery … is permitted if it resulted in …") beside the sentence before it', () => {
    const r = readRule(
      'Brain metastases must be untreated with any modality of radiotherapy or systemic treatment. Previous surgery for melanoma brain metastases is permitted if it resulted in gross total resection and no radiotherapeutic cavity boost was required.',
      'inclusion',
    );
    expect(leavesOf(r.condition)).toContainEqual(therapy({ kinds: ['surgery'] }, false));
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });

  it('reads each "… is tolerated if it has been discontinued …" sentence on its own', () => {
    const r = readRule(
      'Adjuvant immunotherapy is tolerated if it has been discontinued for at least 6 months prior to the start of curative treatment. Interferon is also tolerated if it has been discontinued for at least 6 months prior to the start of curative treatment. Radiotherapy is tolerated if it has not been administered at the site of the primary cancer scar.',
      'inclusion',
    );
    const l = leavesOf(r.condition);
    expect(l).toContainEqual(therapy({ kinds: ['immunotherapy'] }, false));
    expect(l).toContainEqual(therapy({ kinds: ['radiation'] }, false));
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });
});

describe('more wordings of the condition', () => {
  it('reads a subgroup label before "Patients who have received radiation …, are eligible, but must …"', () => {
    const text =
      'For patients with LMD: Patients who have received radiation to brain and/or spine, including WBXRT, SRS, or SBRT, are eligible, but must have completed radiation treatment at least 7 days prior to the start of treatment.';
    const r = readRule(text, 'inclusion', ['Radiation therapy:']);
    expect(r.condition).toEqual({ any: [therapy({ kinds: ['radiation'] }, false), unparsed(text.replace(/\.$/, ''))] });
  });

  it('reads "Prior ICI …, if last dose administered at least 4 weeks prior …" under a permitting lead-in as never requiring ICI', () => {
    const r = readRule('Prior ICI for the treatment of unresectable/metastatic disease, if last dose administered at least 4 weeks prior to study drug start', 'inclusion', [
      'For participants who have received prior ICI, the following is permitted:',
    ]);
    expect(leavesOf(r.condition)).toContainEqual(therapy({ classes: ['checkpoint_inhibitor'] }, false));
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });

  it('reads "Prior platinum allowed as long as …" (no verb before "allowed")', () => {
    const r = readRule(
      'Prior platinum allowed as long as no breast cancer progression occurred on treatment or if given in adjuvant/neoadjuvant setting, at least 12 months elapsed from last dose to study entry.',
      'inclusion',
    );
    expect(leavesOf(r.condition)).toContainEqual(therapy({ classes: ['platinum'] }, false));
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });

  it('reads "Patients with prior SRS will also be eligible, provided that …"', () => {
    const r = readRule('Patients with prior SRS will also be eligible, provided that there are new, non-irradiated measurable brain lesions.', 'inclusion');
    expect(leavesOf(r.condition)).toContainEqual(therapy({ kinds: ['radiation'] }, false));
    expect(requiresNoTherapy(r.condition)).toBe(true);
  });
});

describe('sentences the conditional reading must leave alone', () => {
  it('does not read an option under "one of the following" as met by a patient without the treatment', () => {
    const r = readRule(
      'Patients who have had prior WBRT and/or SRS are eligible but there needs to be unequivocal evidence of progression of at least one lesion treated by radiation (e.g. tissue diagnosis). Biopsy can be considered for definitive diagnosis.',
      'inclusion',
      ['Participants must have progressive CNS lesions, as defined by one of the following:'],
    );
    expect(leavesOf(r.condition)).not.toContainEqual(therapy({ kinds: ['radiation'] }, false));
  });

  it('does not read "a prior anti-cancer treatment is allowed if …" as "no systemic therapy" (surgery and radiotherapy are anti-cancer treatments too)', () => {
    const r = readRule(
      'A prior anti-cancer treatment is allowed if this treatment was performed with curative intent, and if it did not include systemic chemotherapy, and if a complete remission ≥ 6 months was observed in between the end of treatment and relapse.',
      'inclusion',
    );
    expect(leavesOf(r.condition)).not.toContainEqual(therapy({ kinds: ['systemic'] }, false));
  });

  it('reads the conditional sentence in an exclusion list only as the treatment had, never its absence', () => {
    // Whether the list excludes those the sentence describes or those who fail it, it binds only
    // patients who had the taxane: all(taxane, unread sentence) either way.
    const r = readRule(
      'If a taxane had been administered in the neoadjuvant, adjuvant or metastatic setting, progression must have occurred ≥12 months after completion of this treatment.',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['taxane'] }),
        unparsed('If a taxane had been administered in the neoadjuvant, adjuvant or metastatic setting, progression must have occurred >=12 months after completion of this treatment'),
      ],
    });
    expect(leavesOf(r.condition).some((l) => 'fact' in l && l.fact === 'priorTherapy' && l.value === false)).toBe(false);
  });

  it('does not take a lab sentence whose parenthesis allows anticoagulation', () => {
    const r = readRule(
      'International normalized ratio (INR) and Partial thromboplastin time (PTT) =\\< 3.0 x ULN (anticoagulation is allowed if target INR =\\< 3.0 x ULN on a stable dose of warfarin or on a stable dose of low-molecular-weight \\[LMW\\] heparin for \\> 2 weeks at time of registration)',
      'inclusion',
    );
    expect(leavesOf(r.condition)).not.toContainEqual(therapy({ classes: ['anticoagulant'] }, false));
  });
});

describe('current use or a window of the same treatment', () => {
  it('reads "Current systemic treatment with corticosteroids, or within 7 days of randomisation, with the exception of …" as the window, the exception unread', () => {
    const r = readRule(
      'Current systemic treatment with corticosteroids, or within 7 days of randomisation, with the exception of prednisone at non-immunosuppressive doses of ≤ 10 mg/day (or equivalent, e.g. e.g. prednisone 10mg = dexamethasone 1.6mg = hydrocortisone 40mg).',
      'exclusion',
    );
    expect(leavesOf(r.condition)).toContainEqual(therapy({ classes: ['corticosteroid'], withinDays: 7 }));
    // The exception narrows the exclusion: it stays an unread necessary part beside the window.
    expect(r.condition && 'all' in r.condition ? r.condition.all : []).toContainEqual(therapy({ classes: ['corticosteroid'], withinDays: 7 }));
    expect(
      leavesOf(r.condition).some((l) => 'fact' in l && l.fact === 'unparsed' && String(l.params?.text).includes('with the exception of prednisone')),
    ).toBe(true);
  });
});

