/**
 * Prior-therapy phrase families: an unread alternative noun phrase after an exact list (the assembler
 * joins it with "or"), a form phrase ("alone or in combination") that offers no alternative, examples
 * in parentheses with modifiers of their own, a count left free ("any number of prior regimens") as a
 * permission, line counts of disease-named therapies and line ranges, and lead-in windows. Lines are
 * verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { lines, readCondition, readRule, therapy, unparsed } from '../support/criteria';

const ANY_TREATMENT = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

describe('an unread alternative noun phrase after an exact list', () => {
  it('reads "irinotecan, any agents that target EGFR or MET" as irinotecan or the unread rest', () => {
    const r = readRule('Has prior exposure to irinotecan, any agents that target epidermal growth factor receptor (EGFR) or mesenchymal epithelial transition (MET)', 'exclusion');
    // The assembler joins the unread rest of an exclusion with "or": any(irinotecan, rest).
    expect(r.condition).toEqual(therapy({ drugs: ['irinotecan'] }));
    expect(r.unread).toMatch(/target epidermal growth factor receptor/);
  });

  it('reads "… or any agent whose mechanism of action is to inhibit the RAS-MAPK pathway" as an alternative', () => {
    const r = readRule('Prior treatment with ERK, MEK, RAF, or RAS targeting agents or any agent whose mechanism of action is to inhibit the RAS-MAPK pathway.', 'exclusion');
    expect(r.condition).toEqual(therapy({ classes: ['erk_inhibitor', 'mek_inhibitor', 'raf_inhibitor', 'kras_inhibitor'] }));
    expect(r.unread).toBe('whose mechanism of action is to inhibit the RAS-MAPK pathway');
  });

  it('keeps the reading necessary where the relative clause holds a condition that may bind the list too', () => {
    const r = readRule('Has prior exposure to irinotecan, any agents that target EGFR unless given in the adjuvant setting', 'exclusion');
    expect(r.condition).toMatchObject({ all: [therapy({ drugs: ['irinotecan'] }), { fact: 'unparsed' }] });
  });

  it('reads "PI3K, AKT, or mTOR inhibitor" (a series closed by ", or") as three classes', () => {
    const c = readCondition('Have a history of prior treatment with PI3K, AKT, or mTOR inhibitor.', 'exclusion');
    expect(c).toEqual(therapy({ classes: ['pi3k_inhibitor', 'akt_inhibitor', 'mtor_inhibitor'] }));
  });

  it('does not borrow a head noun over ", or" after a single word ("breast cancer, or radiation therapy")', () => {
    const c = readCondition(
      'Patients who have received any previous systemic therapy (including chemotherapy, immunotherapy, HER2-targeted agents, and antitumor vaccines) for treatment or prevention of breast cancer, or radiation therapy for treatment of cancer',
      'exclusion',
    );
    // The purpose "for treatment or prevention of breast cancer" narrows the systemic therapy: a necessary reading.
    expect(c).toEqual({ all: [{ any: [therapy({ classes: ['her2_directed', 'cancer_vaccine'] }), therapy({ kinds: ['systemic', 'chemotherapy', 'immunotherapy'] })] }, unparsed('prevention of breast cancer')] });
  });
});

describe('form phrases and examples', () => {
  it('reads "(examples), alone or in combination, within the last 8 weeks" with its window', () => {
    const c = readCondition(
      'Treatment with any immune checkpoint inhibitor (Nivolumab, Pembrolizumab, Cemiplimab, Atezolizumab, Durvalumab, Avelumab, Ipilimumab), alone or in combination, within the last 8 weeks.',
      'inclusion',
    );
    expect(c).toEqual({
      any: [
        therapy({ drugs: ['nivolumab', 'pembrolizumab', 'cemiplimab', 'atezolizumab', 'durvalumab', 'avelumab', 'ipilimumab'], withinDays: 56 }),
        therapy({ classes: ['checkpoint_inhibitor'], withinDays: 56 }),
      ],
    });
  });

  it('reads "major surgery (eg, hip or spine surgery) less than 28 days prior" as surgery within 28 days', () => {
    const r = readRule('Any major surgery (eg, hip or spine surgery) less than 28 days prior to the first dose of the study drug.', 'exclusion');
    expect(r.condition).toEqual(therapy({ kinds: ['surgery'], withinDays: 28 }));
    expect(r.unread).toBe('');
  });

  it('keeps a site inside the parenthesis as the unread qualifier', () => {
    expect(readCondition('Prior radiotherapy (e.g., to the chest) within 4 weeks.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['radiation'], withinDays: 28 }), unparsed('e.g., to the chest')],
    });
  });
});

describe('a count left free', () => {
  it('reads "Any number of prior treatment regimens" as a permission gate', () => {
    expect(readCondition('Any number of prior treatment regimens', 'inclusion')).toEqual({
      any: [therapy({ kinds: ANY_TREATMENT }, false), unparsed('Any number of prior treatment regimens')],
    });
  });

  it('reads "There is no limit to the number of prior regimens" as a permission, not a negation', () => {
    expect(readCondition('There is no limit to the number of prior regimens.', 'inclusion')).toEqual({
      any: [therapy({ kinds: ANY_TREATMENT }, false), unparsed('There is no limit to the number of prior regimens')],
    });
  });
});

describe('line counts', () => {
  it('counts "at least 1 prior anti-myeloma therapy" as lines, the response left unread', () => {
    const r = readRule('Participant achieved minimal response or better to at least 1 prior anti-myeloma therapy.', 'inclusion');
    expect(r.condition).toEqual(lines('greaterThanInclusive', 1));
    expect(r.unread).toBe('achieved minimal response or better');
  });

  it('reads "at least one line to a maximum of three lines of prior SoC treatment for recurrent/metastatic disease" as a range', () => {
    expect(readCondition('Must have received at least one line to a maximum of three lines of prior SoC treatment for recurrent/metastatic disease.', 'inclusion')).toEqual({
      all: [lines('greaterThanInclusive', 1, { setting: 'advanced' }), lines('lessThanInclusive', 3, { setting: 'advanced' })],
    });
  });

  it('reads "at least one line but no more than three lines" as a range', () => {
    expect(readCondition('Participants must have received at least one line but no more than three lines of prior anti-cancer therapies.', 'inclusion')).toEqual({
      all: [lines('greaterThanInclusive', 1), lines('lessThanInclusive', 3)],
    });
  });
});

describe('lead-in windows', () => {
  it('takes no window from an earlier sentence of the lead-in', () => {
    const lead = [
      '(C8) Patients with clinically significant cardiovascular disease including myocardial infarction within 6 months of enrollment. In addition, patients will be excluded based on the study physician\'s judgment of the following criteria:',
    ];
    const c = readCondition(
      '(C12) Patients who are undergoing any concurrent anticancer treatment or any concomitant medication that may interfere with the study drugs according to local clinical guidelines are excluded.',
      'exclusion',
      lead,
    );
    expect(JSON.stringify(c)).not.toContain('"withinDays":180');
    expect(c).toEqual(therapy({ kinds: ['systemic'], withinDays: 1 }));
  });
});
