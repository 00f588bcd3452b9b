import { parseCriteria } from '../../src/criteria/parse';
import { segmentCriteria } from '../../src/criteria/segment';
import { studyById } from '../support/studies';

function criteriaText(nctId: string): string {
  const s = studyById(nctId) as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } };
  return s.protocolSection.eligibilityModule.eligibilityCriteria;
}

const find = (segs: ReturnType<typeof segmentCriteria>, start: string) => segs.find((s) => s.normText.startsWith(start));

describe('a sub-heading indented under an item heads only that item\'s list', () => {
  it('binds "Part A:" and "Part B:" under item 2 to its entries, and frees item 3 on (NCT06805825)', () => {
    const segs = segmentCriteria(criteriaText('NCT06805825'));
    const ecog = find(segs, 'Eastern Cooperative Oncology Group');
    // Item 3 and after are the whole study's again, not Part B's.
    expect(ecog?.context.some((c) => /Part B/.test(c))).toBe(false);
    expect(find(segs, 'Age >= 18 years')?.context).toEqual(['Subjects must meet the following criteria to be eligible for enrollment into the study:']);
    const entries = segs.filter((s) => s.normText.startsWith('Treatment with imatinib for GIST'));
    expect(entries).toHaveLength(2);
    expect(entries[0]!.context).toEqual(expect.arrayContaining(['Subjects must have received the following treatment:', 'Part A (Dose Escalation):']));
    expect(entries[1]!.context).toEqual(expect.arrayContaining(['Subjects must have received the following treatment:', 'Part B (Dose Expansion):']));
    // The lead-in is the entries' context, not a criterion of its own.
    expect(segs.some((s) => s.normText === 'Subjects must have received the following treatment:')).toBe(false);
  });

  it('keeps an "Exceptions:" line under an item with the item, and the list after it free (NCT06814496)', () => {
    const segs = segmentCriteria(criteriaText('NCT06814496'));
    const washout = find(segs, 'Prior anti-cancer therapy within 30 days');
    expect(washout?.normText).toMatch(/Exceptions:\s+a\. Subjects who received conventional chemotherapy are eligible/);
    expect(find(segs, 'Has a diagnosis of immunodeficiency')?.context).toEqual(['Prior/Concomitant Therapy']);
  });

  it('ends the nested label at the next item of the outer list (NCT04844528)', () => {
    const segs = segmentCriteria(criteriaText('NCT04844528'));
    const older = find(segs, 'Amenorrheic for 12 months or more');
    expect(older?.context).toEqual(['Women >= 50 years of age:']);
    expect(find(segs, 'Female subjects of childbearing potential and male subjects')?.context).toEqual([]);
  });

  it('reads an "Acceptable methods include:" label under an item as one list of choices (NCT07634380)', () => {
    const segs = segmentCriteria(criteriaText('NCT07634380'));
    const methods = find(segs, 'Acceptable highly effective methods include:');
    expect(methods?.alternatives?.map((a) => a.normText)).toEqual(
      expect.arrayContaining(['Bilateral tubal occlusion', 'Progestogen-only hormonal contraception (oral, injectable, or implantable)']),
    );
    expect(find(segs, 'Able to swallow pills')?.context).toEqual([]);
  });
});

describe('a lead-in that first states a criterion of its own', () => {
  it('keeps the statement, up to the lead-in sentence, as a criterion (NCT04844528)', () => {
    const segs = segmentCriteria(criteriaText('NCT04844528'));
    const own = find(segs, 'For female subjects: Negative pregnancy test');
    expect(own?.normText).toMatch(/without an alternative medical cause\.$/);
    expect(own?.text).not.toMatch(/age-specific requirements apply/);
    // Its items keep the whole lead-in as context.
    expect(find(segs, 'Amenorrheic for >= 12 months')?.context[0]).toMatch(/The following age-specific requirements apply:$/);
  });

  it('keeps "Fully recovered …" before "The following minimum periods from treatment apply:" (NCT07287917)', () => {
    const segs = segmentCriteria(criteriaText('NCT07287917'));
    expect(segs.map((s) => s.normText)).toContain('Fully recovered from acute toxic effects of prior anti-neoplastic therapies.');
  });

  it('does not keep a sentence about the list itself, nor the number of an item run into the line', () => {
    const source = [
      'Exclusion Criteria:',
      '',
      '* Unless otherwise specified, the exclusion criteria are common to both phases. Subjects who meet any of the following will be excluded:',
      '',
      '  * Pregnancy',
      '',
      'Inclusion Criteria:',
      '',
      '* Phase II 18. Patients must have a solid tumor as follows:',
      '',
      '  * Melanoma',
    ].join('\n');
    const texts = segmentCriteria(source).map((s) => s.normText);
    expect(texts.some((t) => /otherwise specified/.test(t))).toBe(false);
    expect(texts).not.toContain('Phase II 18.');
    expect(texts).toContain('Pregnancy');
  });
});

describe('conditions that let some excluded patients in', () => {
  it('are the items of "O. … are eligible provided the each of the following conditions are met:" though marked another way (NCT05768178)', () => {
    const segs = segmentCriteria(criteriaText('NCT05768178'));
    const cd4 = find(segs, 'CD4 count');
    // Under the permission as their context, so that "CD4 count ≥350/μL" is a condition that admits,
    // not an exclusion of its own.
    expect(cd4?.context.at(-1)).toMatch(/eligible provided the each of the following conditions are met:$/);
    expect(find(segs, 'undetectable viral load')?.context).toEqual(cd4?.context);
  });

  it('keep the permission with the exclusion it qualifies (NCT06414590)', () => {
    const segs = segmentCriteria(criteriaText('NCT06414590'));
    const hiv = find(segs, 'Participants with a history of human immunodeficiency virus');
    // "history of HIV infection" read alone would exclude the patients the permission admits.
    expect(hiv?.normText).toMatch(/may be eligible if ALL of the following are applicable:$/);
    expect(find(segs, 'CD4 T cell count')?.context.at(-1)).toMatch(/may be eligible if ALL of the following are applicable:$/);
  });
});

describe('a condition read under a permission in an exclusion list', () => {
  it('excludes only the patients the condition fails (NCT05768178)', () => {
    const rule = parseCriteria(criteriaText('NCT05768178')).find((c) => c.text.startsWith('CD4 count'))?.rule;
    expect(JSON.stringify(rule)).toContain('{"fact":"lab","operator":"lessThan","value":350,"params":{"name":"cd4","unit":"/uL"}}');
  });
});

describe('a criteria heading that names whom its list is for after the word "criteria"', () => {
  it('reads "Additional non-inclusion criteria for subjects of cohort 1:" as cohort 1\'s exclusions (NCT06078384)', () => {
    const segs = segmentCriteria(criteriaText('NCT06078384'));
    const vaccine = find(segs, 'Has received a live vaccine or live-attenuated vaccine');
    expect(vaccine?.kind).toBe('exclusion');
    expect(vaccine?.context).toEqual(['for subjects of cohort 1']);
    // Its inclusion counterpart binds the same cohort.
    expect(find(segs, 'Left ventricular ejection fraction (LVEF)')?.context).toEqual(['for subjects of cohort 1']);
  });

  it('binds "Inclusion Criteria Phase 2" to phase 2 (NCT01929395)', () => {
    const segs = segmentCriteria(criteriaText('NCT01929395'));
    expect(find(segs, 'Patient desire to undergo breast conserving surgery')?.context).toEqual(['Phase 2']);
  });

  it('does not bind a list "applicable across cohorts" to a subgroup (NCT05280314)', () => {
    const rule = parseCriteria(criteriaText('NCT05280314')).find((c) => c.text.startsWith('Measurable disease based on Response'))?.rule;
    expect(rule).toEqual({ all: [{ fact: 'measurableDisease', operator: 'equal', value: true }] });
  });
});
