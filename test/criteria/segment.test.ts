import { parseCriteria } from '../../src/criteria/parse';
import { segmentCriteria } from '../../src/criteria/segment';
import { fixtureStudies, nctIdOf, studyById } from '../support/studies';

function criteriaText(nctId: string): string {
  const s = studyById(nctId) as { protocolSection: { eligibilityModule: { eligibilityCriteria: string } } };
  return s.protocolSection.eligibilityModule.eligibilityCriteria;
}

describe('segmentCriteria on real studies', () => {
  it('reads PDQ sections and sub-headings as context and drops "Not specified" placeholders (NCT00109785)', () => {
    const segs = segmentCriteria(criteriaText('NCT00109785'));
    expect(segs.map((s) => s.normText)).toEqual([
      'Histologically confirmed locally advanced breast carcinoma',
      'Stage T3 T4, N2 or N3 disease',
      '18 and over',
      'Male or female',
      'Karnofsky 80-100%',
      'No history of psychiatric illness that would preclude giving informed consent',
      'Not pregnant',
      'Fertile patients must use effective contraception',
    ]);
    expect(segs.every((s) => s.kind === 'inclusion')).toBe(true);
    expect(segs[1]!.context).toEqual(['DISEASE CHARACTERISTICS', 'Histologically confirmed locally advanced breast carcinoma']);
    expect(segs[2]!.context).toEqual(['PATIENT CHARACTERISTICS', 'Age']);
    expect(segs[4]!.context).toEqual(['PATIENT CHARACTERISTICS', 'Performance status']);
  });

  it('gives nested lab lines the lead-in as context and does not emit the lead-in itself (NCT00257348)', () => {
    const segs = segmentCriteria(criteriaText('NCT00257348'));
    const heme = segs.find((s) => s.normText.startsWith('Hematologic function'));
    expect(heme?.context).toEqual(['Patients must have adequate:']);
    expect(heme?.kind).toBe('inclusion');
    expect(segs.some((s) => s.normText === 'Patients must have adequate:')).toBe(false);
    expect(segs.filter((s) => s.kind === 'inclusion')).toHaveLength(11);
    expect(segs.filter((s) => s.kind === 'exclusion').length).toBeGreaterThan(5);
  });

  it('keeps the exact source text with CT.gov escapes while the normalised text folds them', () => {
    const source = criteriaText('NCT00257348');
    const creat = segmentCriteria(source).find((s) => s.normText === 'Patients with a serum creatinine of 1.5 mg/dl or greater.');
    expect(creat).toBeDefined();
    const escaped = segmentCriteria(criteriaText('NCT03740503'));
    expect(escaped.length).toBeGreaterThan(0);
    const withEscape = fixtureStudies()
      .map((s) => (s as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection.eligibilityModule?.eligibilityCriteria ?? '')
      .find((t) => t.includes('\\>= 18'))!;
    const seg = segmentCriteria(withEscape).find((s) => s.text.includes('\\>= 18'))!;
    expect(seg.text).toContain('\\>=');
    expect(seg.normText).toContain('>= 18');
    expect(seg.normText).not.toContain('\\');
  });

  it('counts text with no headings as inclusion criteria, one per paragraph (NCT03118986)', () => {
    const segs = segmentCriteria(criteriaText('NCT03118986'));
    expect(segs.length).toBeGreaterThan(4);
    expect(segs.every((s) => s.kind === 'inclusion')).toBe(true);
    expect(segs[2]!.normText).toBe('Body weight of at least 12.5 kg');
  });

  it('recognises a heading followed by prose on the same line (NCT01142661)', () => {
    const segs = segmentCriteria(criteriaText('NCT01142661'));
    const excl = segs.filter((s) => s.kind === 'exclusion');
    expect(excl.length).toBeGreaterThan(0);
    expect(excl[0]!.normText).toMatch(/^Eligible for any other eribulin study/);
  });

  it('treats a lead-in paragraph ending in "the following:" as owning the bullets under it (NCT06961006)', () => {
    const segs = segmentCriteria(criteriaText('NCT06961006'));
    expect(segs[0]!.normText).toMatch(/^Has unresectable and histologically confirmed Stage III or IV cutaneous melanoma/);
    expect(segs.some((s) => /include but are not limited/.test(s.normText))).toBe(false);
    expect(segs.find((s) => s.normText === 'Has ocular or mucosal melanoma.')?.kind).toBe('exclusion');
  });

  it('reads "one of the following" children as alternatives of one inclusion criterion (NCT02896335)', () => {
    const segs = segmentCriteria(criteriaText('NCT02896335'));
    const group = segs.find((s) => s.alternatives);
    expect(group?.normText).toMatch(/^Participants must have progressive CNS lesions, as defined by one of the following:/);
    expect(group?.alternatives).toHaveLength(4);
    expect(group?.alternatives?.[1]?.normText).toBe('Patients have measurable residual or progressive lesions after surgery.');
  });

  it('reads dash bullets and Unicode bullets (NCT04025515, NCT05711992)', () => {
    const dash = segmentCriteria(criteriaText('NCT04025515'));
    expect(dash.map((s) => s.normText)).toContain('Age >= 21 years');
    const unicode = segmentCriteria(criteriaText('NCT05711992'));
    expect(unicode.map((s) => s.normText)).toContain('Patients <= 25 years of age');
    expect(unicode.find((s) => s.normText === 'CNS metastases of extracranial embryonal tumors')?.kind).toBe('exclusion');
  });

  it('reads lab-panel labels above lab lines of a flat list as their context, not as criteria (NCT00709761)', () => {
    const segs = segmentCriteria(criteriaText('NCT00709761'));
    for (const label of ['Hematologic', 'Hepatic', 'Renal']) expect(segs.some((s) => s.normText === label)).toBe(false);
    // The sentence about the list ("… only if all of the following criteria apply:") is no context.
    expect(segs.find((s) => s.normText === 'Absolute neutrophil count >=1.5 x 10^9/L')?.context).toEqual(['Hematologic']);
    expect(segs.find((s) => s.normText === 'Serum bilirubin <= upper limit of normal (ULN)')?.context).toEqual(['Hepatic']);
    // "OR -" between two lab lines joins them: either one will do.
    const renal = segs.find((s) => s.alternatives && s.context.includes('Renal'));
    expect(renal?.text).toBe('Serum creatinine ≤1.5 mg/dL\n* OR -\n* Calculated creatinine clearance ≥40 mL/min');
    expect(renal?.context).toEqual(['Renal']);
    expect(renal?.alternatives?.map((a) => a.text)).toEqual(['Serum creatinine ≤1.5 mg/dL', 'Calculated creatinine clearance ≥40 mL/min']);
    expect(segs.some((s) => /^OR\b/.test(s.normText))).toBe(false);
    // A sentence that only mentions a lab ends the panel: the LVEF criterion is not renal.
    expect(segs.find((s) => s.normText.startsWith('Subjects must have had a cardiac ejection fraction'))?.context).toEqual([]);
  });

  it('does not emit a numbered lab-panel label over its own bullets (NCT03745326)', () => {
    const segs = segmentCriteria(criteriaText('NCT03745326'));
    expect(segs.some((s) => s.normText === 'Hematology' || s.normText === 'Chemistry')).toBe(false);
    expect(segs.find((s) => s.normText === 'WBC greater than or equal to 2500/mm^3')?.context).toEqual(['Hematology']);
    expect(segs.find((s) => s.normText === 'Serum creatinine less than or equal to 1.6 mg/dL')?.context).toEqual(['Chemistry']);
    // "Patients must have: -previously received …, specifically:", its bullets, "OR", "-declined standard
    // treatment.": the paragraph after the "OR" is the alternative to the lead-in with its bullets, not a
    // requirement of its own (read alone, everyone had to have declined standard treatment).
    expect(segs.some((s) => s.normText === 'OR' || s.normText === '-declined standard treatment.')).toBe(false);
    const either = segs.find((s) => s.alternatives && s.normText.startsWith('Patients must have:'));
    expect(either?.alternatives).toHaveLength(2);
    expect(either?.alternatives?.[0]?.normText).toMatch(/^Patients must have:\s+-previously received standard systemic therapy[\s\S]*Patients with pancreatic cancer must have received[\s\S]*approved first-line chemotherapy\.$/);
    expect(either?.alternatives?.[1]?.normText).toBe('-declined standard treatment.');
  });

  it('keeps a connective line between two plain items of one list as their alternatives, and one under a lead-in\'s items when what follows is marked as they are', () => {
    const segs = segmentCriteria(
      'Inclusion Criteria:\n\n1. Patients must have either:\n\n   * received at least one line of chemotherapy\n   * OR\n   * received immunotherapy\n2. Age 18 or older',
    );
    expect(segs.map((s) => s.normText)).toContain('Age 18 or older');
    expect(segs.some((s) => s.normText === 'OR')).toBe(false);
  });

  it('does not fold an indented panel label into the criterion above it (NCT02830724)', () => {
    const segs = segmentCriteria(criteriaText('NCT02830724'));
    expect(segs.some((s) => /-(?:Serology|Hematology|Chemistry)\s*$/.test(s.text))).toBe(false);
    expect(segs.find((s) => s.normText.startsWith('Hemoglobin > 8.0 g/dL'))?.text).toBe(
      'Hemoglobin \\> 8.0 g/dL. Subjects may be transfused to reach this cut-off.',
    );
    expect(segs.find((s) => s.normText.startsWith('ANC greater than 1000'))?.context).toEqual(['-Hematology']);
    expect(segs.find((s) => s.normText.startsWith('Serum creatinine less than'))?.context).toEqual(['-Chemistry']);
    expect(segs.find((s) => s.normText.startsWith('--Seronegative for HIV antibody'))?.context).toEqual(['-Serology']);
  });

  it('reads panel labels over paragraphs and ends a panel sub-heading at the next panel (NCT05663775, NCT04389281)', () => {
    const segs = segmentCriteria(criteriaText('NCT05663775'));
    expect(segs.some((s) => s.normText === 'Renal:')).toBe(false);
    expect(segs.find((s) => s.normText.startsWith('Estimated creatinine clearance'))?.context).toEqual(['Renal']);
    expect(segs.find((s) => s.normText.startsWith('Platelet count >100'))?.context).toEqual(['Hematological']);
    // Indented under a numbered lead-in, each label heads its own paragraph.
    const table = segmentCriteria(criteriaText('NCT04389281'));
    const lead = 'Demonstrate adequate organ function as defined in the table below:';
    expect(table.find((s) => s.normText === 'International Normalized Ratio (INR) <= 1.5')?.context).toEqual([lead, 'Coagulation:']);
    expect(table.find((s) => s.normText.startsWith('White blood cell (WBC)'))?.context).toEqual([lead, 'Hematological:']);
    expect(table.some((s) => s.normText.startsWith(lead))).toBe(false);
  });

  it('takes a panel label written as the last line under a lab line out of that line (NCT06506643)', () => {
    const segs = segmentCriteria(criteriaText('NCT06506643'));
    const lead = 'Have adequate organ function including:';
    expect(segs.some((s) => s.normText === 'Hematologic:' || s.normText === 'Renal:')).toBe(false);
    expect(segs.find((s) => s.normText === 'ANC >=1.5 x 109/L')?.context).toEqual([lead, 'Hematologic:']);
    const alt = segs.find((s) => s.normText.startsWith('ALT and AST <=2.5 x ULN. If the liver'));
    expect(alt?.text.endsWith('AST and ALT ≤5 x ULN are acceptable.')).toBe(true);
    // "Hemoglobin ≥90 g/L b. Hepatic:" ends the hematology panel: albumin is not hematologic.
    expect(segs.find((s) => s.normText === 'Albumin >=30 g/L')?.context).toEqual([lead]);
    expect(segs.find((s) => s.normText.startsWith('Estimated glomerular filtration rate'))?.context).toEqual([lead, 'Renal:']);
  });

  it('keeps short labels that are not lab panels as criteria (NCT04751396, NCT05384496)', () => {
    const autoimmune = segmentCriteria(criteriaText('NCT04751396'));
    expect(autoimmune.find((s) => s.normText === 'Psoriasis')?.context).toEqual(['Diagnosis of pre-existing autoimmune disease']);
    expect(autoimmune.some((s) => s.normText === 'Rheumatoid arthritis')).toBe(true);
    expect(segmentCriteria(criteriaText('NCT05384496')).some((s) => s.normText === 'Measurable disease')).toBe(true);
  });

  it('gives a lead-in written as a sibling bullet the lab lines or lettered items after it (NCT00674206, NCT04741997)', () => {
    const marrow = segmentCriteria(criteriaText('NCT00674206'));
    expect(marrow.some((s) => s.normText === 'Adequate bone marrow as evidenced by:')).toBe(false);
    expect(marrow.find((s) => s.normText.startsWith('Platelet count'))?.context).toEqual(['Adequate bone marrow as evidenced by:']);
    // The sibling after the lab lines is not the lead-in's.
    expect(marrow.find((s) => s.normText.startsWith('Adequate renal function'))?.context).toEqual([]);
    const cardiac = segmentCriteria(criteriaText('NCT04741997'));
    const qtc = cardiac.find((s) => s.normText.startsWith('c. Baseline QTcF'));
    expect(qtc?.context).toEqual(['Impaired cardiovascular function as below:']);
    expect(qtc?.kind).toBe('exclusion');
    expect(cardiac.find((s) => s.normText.startsWith('Known history of retinal vein occlusion'))?.context).toEqual([]);
  });

  it('keeps a sibling lead-in that states a limit or a sentence of its own as a criterion (NCT01724606, NCT05768178)', () => {
    expect(segmentCriteria(criteriaText('NCT01724606')).some((s) => /^Serum bilirubin <= 1.5 mg\/dL; .* except for:/.test(s.normText))).toBe(true);
    expect(segmentCriteria(criteriaText('NCT05768178')).some((s) => s.normText.startsWith('Known active infections (bacterial, fungal or viral)'))).toBe(true);
  });

  it('reads a short label set apart over a paragraph as its context, not as a criterion (NCT04752826, NCT07341737, NCT05607199)', () => {
    const ovarian = segmentCriteria(criteriaText('NCT04752826'));
    expect(ovarian.some((s) => s.normText === 'Ovarian Cancer:')).toBe(false);
    // Under "Phase 2a Expansion Cohort-Specific Inclusion Criteria", that subgroup heads the list too.
    expect(ovarian.find((s) => s.normText.startsWith('Histologically confirmed and documented recurrent ovarian'))?.context).toEqual([
      'Phase 2a Expansion Cohort-Specific',
      'Ovarian Cancer:',
    ]);
    // "Female patients:" heads what females must meet; it is no requirement that every patient be female.
    const female = segmentCriteria(criteriaText('NCT07341737'));
    expect(female.some((s) => s.normText === 'Female patients:')).toBe(false);
    expect(female.find((s) => s.normText.includes('Non-childbearing potential'))?.context).toEqual(['Female patients:']);
    // Labels indented under a numbered item split its paragraphs by part.
    const parts = segmentCriteria(criteriaText('NCT05607199'));
    expect(parts.find((s) => s.normText.startsWith('Diagnosis of Acute myeloid leukemia'))?.context).toEqual([
      'Patients have to meet the following criteria for each of the respective parts of the study:',
      'Part 2A and 2B:',
    ]);
  });

  it('nests the items marked another way under a lead-in, up to the next item marked as it is (NCT05770102, NCT05770544)', () => {
    for (const id of ['NCT05770102', 'NCT05770544']) {
      const segs = segmentCriteria(criteriaText(id));
      // "B. Women of childbearing potential are eligible provided they meet the following criteria:",
      // then "* Have a negative serum or urine pregnancy test …", then "C. Male patients …".
      expect(segs.some((s) => s.normText.startsWith('Women of childbearing potential are eligible'))).toBe(false);
      const test = segs.find((s) => s.normText.startsWith('Have a negative serum or urine pregnancy test'));
      expect(test?.context[test.context.length - 1]).toMatch(/^Women of childbearing potential are eligible .* following criteria:$/);
    }
    // A lead-in whose run of items goes on to the end of its list is left as it was: the run may hold
    // criteria of the list's own (NCT06580002: "Life expectancy > 6 months" after the cohort's items).
    const cohort = segmentCriteria(criteriaText('NCT06580002'));
    expect(cohort.find((s) => s.normText.startsWith('Life expectancy'))?.context ?? []).not.toContainEqual(
      expect.stringContaining('Diagnosed with one of the following'),
    );
  });

  it('gives each label of a series written as a sibling the items up to the next label of the series (NCT05522660)', () => {
    const segs = segmentCriteria(criteriaText('NCT05522660'));
    const braf = segs.find((s) => s.normText.startsWith('BRAF-mutation status'));
    expect(braf?.context[braf.context.length - 1]).toBe('Requirements for patients with melanoma:');
    const diameter = segs.find((s) => s.normText.startsWith('Longest diameter of largest brain metastasis'));
    expect(diameter?.context[diameter.context.length - 1]).toBe('In case of 1-4 brain metastases:');
    // The last label's items run on to no end the text marks: they stay where they were.
    const age = segs.find((s) => s.normText.startsWith('Age of 18 years or older'));
    expect(age?.context ?? []).not.toContainEqual('Requirements for patients with NSCLC:');
  });

  it('reads an exclusion item that is only a cancer\'s name over items as their heading, not as an exclusion of that cancer (NCT07215988)', () => {
    const exclusions = segmentCriteria(criteriaText('NCT07215988')).filter((s) => s.kind === 'exclusion');
    expect(exclusions.some((s) => s.normText.replace(/^[\W_]+/, '') === 'MERKEL CELL CARCINOMA')).toBe(false);
    expect(exclusions[0]!.context).toEqual(['* MERKEL CELL CARCINOMA']);
  });

  it('reads a note or exception written as its own item with the criterion above it (NCT04844528, NCT05026983, NCT05269381, NCT06070012)', () => {
    // A sibling note: the exception it carves belongs to the exclusion above.
    const hiv = segmentCriteria(criteriaText('NCT04844528')).find((s) => s.normText.startsWith('Known HIV infection with a detectable viral load'));
    expect(hiv?.normText).toMatch(/Note: Subjects on effective antiretroviral therapy .* are eligible for this trial\.$/);
    expect(segmentCriteria(criteriaText('NCT04844528')).some((s) => s.normText.startsWith('Note:'))).toBe(false);
    // Notes nested under a criterion join it, each of them.
    const hep = segmentCriteria(criteriaText('NCT05026983')).find((s) => s.normText.startsWith('Evidence of hepatitis B virus'));
    expect(hep?.normText).toContain('NOTE: Patients with laboratory evidence of cleared HBV or HCV infection may be enrolled');
    expect(hep?.normText).toContain('vaccinated against HBV');
    // So do the exceptions listed under a criterion.
    const other = segmentCriteria(criteriaText('NCT05269381')).find((s) => s.normText.startsWith('Other active malignancy =< 3 years prior to pre-registration'));
    expect(other?.normText).toContain('EXCEPTIONS: Non-melanotic skin cancer or carcinoma-in-situ of the cervix');
    // The criterion a note joins keeps the lead-in above it as its context.
    const ici = segmentCriteria(criteriaText('NCT06070012'));
    expect(ici.find((s) => s.normText.startsWith('No prior systemic therapy in the metastatic'))?.normText).toContain('NOTE: Patients must be tebentafusp');
    expect(ici.find((s) => s.normText.startsWith('No prior systemic therapy in the metastatic'))?.context).toEqual([
      'Must meet the following criteria related to prior treatment:',
    ]);
  });

  it('keeps a criterion and the exceptions listed under it as one criterion (NCT04855435, NCT04616443)', () => {
    const other = segmentCriteria(criteriaText('NCT04855435')).find((s) => s.normText.startsWith('Had a history of another primary malignancy, except for:'));
    expect(other?.normText).toContain('Adequately treated non-invasive basal skin cancer or squamous cell skin carcinoma');
    expect(segmentCriteria(criteriaText('NCT04855435')).some((s) => s.normText.startsWith('Adequately treated non-invasive basal'))).toBe(false);
    // Each exception stays an exception: hypothyroidism and celiac disease do not exclude.
    const autoimmune = parseCriteria(criteriaText('NCT04616443')).find((c) => c.text.startsWith('Patients with active autoimmune diseases'));
    const facts = JSON.stringify(autoimmune?.rule);
    expect(facts).toContain('autoimmune_disease');
    expect(facts).not.toContain('hypothyroidism');
    expect(facts).not.toContain('celiac_disease');
  });

  it('emits no criterion for items with no words in them (NCT06814496, NCT06818682, NCT01785420, NCT06994208)', () => {
    const comments = segmentCriteria(criteriaText('NCT06814496'));
    expect(comments.some((s) => s.normText.includes('<!--'))).toBe(false);
    expect(comments.find((s) => s.normText.startsWith('Definitive therapy was completed at least 2 weeks'))).toBeDefined();
    // "Inclusion Criteria:-" and "Inclusion Criteria:a.": the stray mark is neither a criterion nor context.
    const dash = segmentCriteria(criteriaText('NCT06818682'));
    expect(dash.some((s) => s.normText === '-')).toBe(false);
    expect(dash.find((s) => s.normText === 'ECOG performance status 0-2')?.context).toEqual([]);
    expect(dash.find((s) => s.normText === 'Prior prostatectomy')?.kind).toBe('exclusion');
    const letter = segmentCriteria(criteriaText('NCT01785420'));
    expect(letter[0]?.normText).toBe('Female subjects aged 18 years or older.');
    expect(letter[0]?.context).toEqual([]);
    expect(segmentCriteria(criteriaText('NCT06994208')).filter((s) => s.kind === 'exclusion')).toEqual([]);
  });

  it('joins two items of one list parted by an "or" item into one criterion with alternatives (NCT06805825)', () => {
    const segs = segmentCriteria(criteriaText('NCT06805825'));
    const group = segs.find((s) => s.alternatives);
    // Part A's label is under item 2, whose lead-in it continues.
    expect(group?.context).toEqual([
      'Subjects must meet the following criteria to be eligible for enrollment into the study:',
      'Subjects must have received the following treatment:',
      'Part A (Dose Escalation):',
    ]);
    expect(group?.text).toMatch(/^Treatment with imatinib for GIST \(at least one line of therapy with imatinib\)\n\n {3}or\n\n {3}ii\. Progressive/);
    expect(group?.alternatives?.map((a) => a.normText.slice(0, 30))).toEqual(['Treatment with imatinib for GI', 'Progressive/refractory, inelig']);
    expect(segs.some((s) => s.normText === 'or')).toBe(false);
  });

  it('joins an item that ends or begins with "or" to its neighbour as alternatives (NCT03646617, NCT05232006)', () => {
    const bili = segmentCriteria(criteriaText('NCT03646617')).find((s) => s.normText.startsWith('Serum total bilirubin'));
    expect(bili?.alternatives?.map((a) => a.normText)).toEqual([
      'Serum total bilirubin <= 1.5 X ULN OR',
      'Direct bilirubin <= ULN for subjects with total bilirubin levels > 1.5 ULN',
    ]);
    // Read as two inclusions, a patient would need both limits; either one will do.
    const rule = parseCriteria(criteriaText('NCT03646617')).find((c) => c.text.startsWith('Serum total bilirubin'))?.rule;
    expect(rule && 'any' in rule).toBe(true);
    const breast = segmentCriteria(criteriaText('NCT05232006')).find((s) => s.normText.startsWith('Triple Negative breast cancer'));
    expect(breast?.alternatives?.[1]?.normText).toMatch(/^Or patients with Hormonal receptor positive/);
    // The items after them stay criteria of their own.
    expect(segmentCriteria(criteriaText('NCT03646617')).some((s) => s.normText.startsWith('AST (SGOT) and ALT') && !s.alternatives)).toBe(true);
  });

  it('reads a sentence about the criteria list as a heading, not a criterion (NCT07072728, NCT07136181, NCT03513614)', () => {
    const excl = segmentCriteria(criteriaText('NCT07072728'));
    expect(excl.some((s) => /^Participants will be excluded from the study if one or more/.test(s.normText))).toBe(false);
    expect(excl.find((s) => s.normText.startsWith('Current Major Depressive Disorder'))?.kind).toBe('exclusion');
    // A bulleted lead-in above numbered items: neither a criterion nor their context.
    const incl = segmentCriteria(criteriaText('NCT07136181'));
    expect(incl.some((s) => s.normText.startsWith('Patients must meet the following criteria'))).toBe(false);
    expect(incl[0]).toMatchObject({ normText: 'Signed, written IRB-approved informed consent.', kind: 'inclusion', context: [] });
    // Written as a sentence, without a colon, between a sub-heading and its bullets.
    const sentence = segmentCriteria(criteriaText('NCT03513614'));
    expect(sentence.some((s) => /has to be excluded from/.test(s.normText))).toBe(false);
    expect(sentence.find((s) => s.normText === 'Stage IV breast cancer')).toMatchObject({ kind: 'exclusion', context: [] });
  });

  it('makes the items after a lead-in that says who is excluded exclusions, and parts it from the paragraph under it (NCT05980455, NCT06906822)', () => {
    const segs = segmentCriteria(criteriaText('NCT05980455'));
    expect(segs.some((s) => s.normText.startsWith('A participant who meets any of the following criteria'))).toBe(false);
    expect(segs.find((s) => s.normText === 'Chemical dependency;')?.kind).toBe('exclusion');
    expect(segs.find((s) => s.normText.startsWith('Reliable access to internet-connected smart device'))?.kind).toBe('inclusion');
    const para = segmentCriteria(criteriaText('NCT06906822')).find((s) => s.normText.includes('A WOCBP who has a positive urine pregnancy test'));
    expect(para?.normText).toMatch(/^A WOCBP who has a positive urine pregnancy test within 72 hours/);
    expect(para?.kind).toBe('exclusion');
  });

  it('drops sentences saying there are no exclusions beyond the inclusion criteria (NCT06508775, NCT06675643)', () => {
    expect(segmentCriteria(criteriaText('NCT06508775')).filter((s) => s.kind === 'exclusion')).toEqual([]);
    expect(segmentCriteria(criteriaText('NCT06675643')).map((s) => s.normText)).toEqual([
      'Any skin cancer/melanoma patient starting dual [ipilimumab/nivolumab (IPI/NIVO)] immune checkpoint inhibitor (ICI) therapy',
    ]);
  });

  it('keeps lead-ins that say more than where the list is (NCT04792463, NCT04282044, NCT06022029)', () => {
    // Alternatives of an inclusion: one of the items will do.
    const any = segmentCriteria(criteriaText('NCT04792463')).find((s) => s.normText.startsWith('Patients who meet any of the following criteria:'));
    expect(any?.alternatives?.length).toBeGreaterThan(1);
    // The group's own text runs over every alternative, so an unread group still shows them all.
    expect(any!.span[1]).toBe(any!.alternatives![any!.alternatives!.length - 1]!.span[1]);
    // A lead-in naming the kinds of thing accepted offers its items as choices.
    const regimens = segmentCriteria(criteriaText('NCT07285044')).find((s) => s.normText.startsWith('Eligible regimens'));
    expect(regimens?.alternatives?.map((a) => a.normText)).toEqual(expect.arrayContaining(['Avelumab', 'Bevacizumab', 'Pembrolizumab']));
    expect(regimens!.alternatives!.length).toBeGreaterThan(20);
    // "Acceptable bone marrow and organ function … as described below:" names no such kind: its lab lines each hold.
    const organLines = segmentCriteria(criteriaText('NCT05865002')).filter((s) => s.context.some((c) => c.startsWith('Acceptable bone marrow and organ function')));
    expect(organLines.length).toBeGreaterThan(2);
    expect(organLines.every((s) => !s.alternatives)).toBe(true);
    // A requirement with its definition below stays the context of its items.
    const organ = segmentCriteria(criteriaText('NCT04282044')).find((s) => s.normText.startsWith('Adequate hepatic function'));
    expect(organ?.context).toEqual(['Adequate organ function, defined as:']);
    // Which parts of the study the list is for is kept as the list's subgroup, not as a criterion.
    const parts = segmentCriteria(criteriaText('NCT06022029'));
    expect(parts.find((s) => s.normText.startsWith('Patients will be excluded from this study'))).toBeUndefined();
    const surgery = parts.find((s) => s.normText.startsWith('Major surgery within 4 weeks'));
    expect(surgery?.kind).toBe('exclusion');
    expect(surgery?.context).toEqual(['(Part 1a and Part 1b)']);
  });

  it('reads numbers CT.gov escapes ("10\\.") as list markers at the level of the list they continue (NCT04771520, NCT04389281, NCT06814496)', () => {
    // "  10\. …" lines written under a bullet list that "8\." leads: the outer list goes on, each line its own criterion.
    const organ = segmentCriteria(criteriaText('NCT04771520'));
    const ecog = organ.find((s) => s.normText.startsWith('Eastern Cooperative Oncology Group performance status of 0-2'));
    expect(ecog?.normText).toBe('Eastern Cooperative Oncology Group performance status of 0-2.');
    expect(ecog?.context).toEqual([]);
    expect(organ.find((s) => s.normText.startsWith('Life expectancy'))?.normText).toBe('Life expectancy >=3 months.');
    // "11\." after a plain "10." list whose last item has bullets under it: back at the level of "10.".
    const xpact = segmentCriteria(criteriaText('NCT04389281'));
    expect(xpact.find((s) => s.normText === 'sexual abstinence')).toBeDefined();
    const condoms = xpact.find((s) => s.normText.startsWith('Male patients must be willing to use condoms'));
    expect(condoms?.context).not.toContain('sexual abstinence');
    // An escaped item leading in ("1\. … Contraception methods for female subjects include:") keeps the
    // plain-numbered methods under it as its items.
    const methods = segmentCriteria(criteriaText('NCT06814496')).filter((s) => s.normText === 'Intrauterine device');
    expect(methods).toHaveLength(1);
    expect(methods[0]!.context.at(-1)).toMatch(/^Female subjects of childbearing potential unwilling to use protocol specified method of contraception/);
  });

  it('splits numbered items run together on one line: the list\'s next number after a sentence end, or a list after a colon (NCT04771520, NCT06889610, NCT04370587, NCT07504796)', () => {
    // "* Serum creatinine … ≥45 mL/min. 9. Cardiac ejection fraction …" under "8\\.": item 9 of the outer list.
    const organ = segmentCriteria(criteriaText('NCT04771520'));
    expect(organ.map((s) => s.normText)).toContain('Serum creatinine <=2.0 x ULN or creatinine clearance >=45 mL/min.');
    const lvef = organ.find((s) => s.normText.startsWith('Cardiac ejection fraction'));
    expect(lvef?.context).toEqual([]);
    // "Age between 18-80 years,gender not limited; 2. Patients with hepatic lesions …; 3. Expected survival≥3 months; …"
    const ablation = segmentCriteria(criteriaText('NCT06889610')).map((s) => s.normText);
    expect(ablation).toContain('Age between 18-80 years,gender not limited;');
    expect(ablation).toContain('Expected survival>=3 months;');
    expect(ablation).toContain('ECOG performance status score of 0-1;');
    // "Arm B - … HNSCC. It must also meet the following criteria: 1) Disease progression …; 2) Failure …"
    const arms = segmentCriteria(criteriaText('NCT04370587'));
    const platinum = arms.find((s) => s.normText === 'Disease progression to platinum-containing chemotherapy;');
    expect(platinum?.context.at(-1)).toMatch(/^Arm B - locally recurrent or metastatic HNSCC\. It must also meet the following criteria:$/);
    expect(arms.find((s) => s.normText.startsWith('Failure to anti-PD-1/PDL1 blockade'))?.context).toEqual(platinum?.context);
    // Exceptions listed after the colon stay with their criterion: "Prior therapy for melanoma with the
    // following exceptions which are allowed: 1) surgery …, 2) adjuvant RT …".
    const prior = segmentCriteria(criteriaText('NCT07504796')).find((s) => s.normText.startsWith('Prior therapy for melanoma with the following exceptions'));
    expect(prior?.normText).toContain('1) surgery for the melanoma lesion(s), 2) adjuvant RT');
  });

  it('splits lettered and roman items run together on one line, each excluding on its own (NCT02227251, NCT07336979)', () => {
    // "Any of the following laboratory abnormalities: (i) A circulating lymphocyte count …. (ii) Hepatic dysfunction: …"
    const labs = segmentCriteria(criteriaText('NCT02227251'));
    const lymph = labs.find((s) => s.normText.startsWith('A circulating lymphocyte count'));
    expect(lymph?.normText).toBe('A circulating lymphocyte count of >50,000/L.');
    const liver = labs.find((s) => s.normText.startsWith('Hepatic dysfunction'));
    expect(liver?.context).toEqual(lymph?.context);
    expect(liver?.kind).toBe('exclusion');
    // "i. Neutrophil count ≥ 1,500 …; ii. Platelet count ≥ 100 …; iii. Hemoglobin > 9.0 g/dL; …"
    const counts = segmentCriteria(criteriaText('NCT07336979')).map((s) => s.normText);
    expect(counts).toEqual(expect.arrayContaining(['Platelet count >= 100 x 10^9/L;', 'Hemoglobin > 9.0 g/dL;', 'Total bilirubin <= 1.5 x ULN.']));
  });

  it('keeps a lettered marker inside a sentence, or out of order, in its item', () => {
    const text = 'Exclusion Criteria:\n\n(a) Heart failure of class (b) or worse. (c) Stroke.\n(b) Active infection';
    expect(segmentCriteria(text).map((s) => s.normText)).toEqual(['Heart failure of class (b) or worse. (c) Stroke.', 'Active infection']);
  });

  it('leaves numbers that belong to the sentence in it ("grade 2. Patients …")', () => {
    const text = 'Inclusion Criteria:\n\n1. Neuropathy of grade 2. Patients with grade 1 are eligible.\n2. Age >= 18';
    expect(segmentCriteria(text).map((s) => s.normText)).toEqual(['Neuropathy of grade 2. Patients with grade 1 are eligible.', 'Age >= 18']);
    const sub = 'Exclusion Criteria:\n\n1. Any of the following within 6 months: 1. Myocardial infarction; 2. Stroke of grade 3. Unstable angina.';
    expect(segmentCriteria(sub).map((s) => s.normText)).toEqual(['Myocardial infarction;', 'Stroke of grade 3. Unstable angina.']);
  });

  it('on every study of the corpus gives spans that slice to the exact text, in order, without overlap', () => {
    let checked = 0;
    for (const file of ['studies.oncology.v2.jsonl.gz', 'studies.other.v2.jsonl.gz']) {
      for (const study of fixtureStudies(file)) {
        const source = (study as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection
          .eligibilityModule?.eligibilityCriteria;
        if (!source) continue;
        let last = -1;
        for (const seg of segmentCriteria(source)) {
          expect(source.slice(seg.span[0], seg.span[1])).toBe(seg.text);
          if (seg.span[0] < last) throw new Error(`${nctIdOf(study)}: overlapping span at ${seg.span[0]}`);
          last = seg.span[1];
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('joins an item cut after a preposition to the line bulleted after it (NCT02513394, NCT07050940)', () => {
    const cyp = segmentCriteria(criteriaText('NCT02513394')).filter((s) => /CYP3A/.test(s.text));
    expect(cyp).toHaveLength(1);
    expect(cyp[0]!.normText).toBe('Patients receiving any medications or substances that are potent inhibitors or inducers of CYP3A isoenzymes within 7 days of randomization.');
    // The source text keeps the marker between the halves; only the words read run on.
    expect(cyp[0]!.text).toContain('inducers of\n* CYP3A');
    const rule = JSON.stringify(parseCriteria(criteriaText('NCT02513394')).find((c) => /CYP3A/.test(c.text))!.rule);
    expect(rule).toContain('strong_cyp3a_inducer');
    expect(rule).toContain('"withinDays":7');
    // Paragraphs cut the same way: the lymphocyte count keeps its threshold.
    const labs = segmentCriteria(criteriaText('NCT07050940')).find((s) => s.normText.startsWith('Absolute neutrophil count (ANC) of'))!;
    expect(labs.normText).toContain('Absolute lymphocyte count of >=500/uL');
    expect(segmentCriteria(criteriaText('NCT07050940')).some((s) => s.normText.startsWith('>=500'))).toBe(false);
    // A line ending on "exceptions of" is followed by its exceptions, not by the rest of a sentence.
    const flat = segmentCriteria('Exclusion Criteria:\n\n* History of autoimmune disease with exceptions of\n* Vitiligo\n* Alopecia\n');
    expect(flat.map((s) => s.normText)).toEqual(['History of autoimmune disease with exceptions of', 'Vitiligo', 'Alopecia']);
  });

  it('reads a bare "Prior therapy" over items as their topic, not a criterion (NCT05384496, NCT07136181)', () => {
    const mucosal = segmentCriteria(criteriaText('NCT05384496'));
    expect(mucosal.some((s) => s.normText === 'Prior therapy')).toBe(false);
    expect(mucosal.find((s) => s.normText.startsWith('Initial study entry: No prior systemic therapy'))?.context).toContain('Prior therapy');
    const uveal = segmentCriteria(criteriaText('NCT07136181'));
    expect(uveal.some((s) => s.normText === 'Previous Therapy')).toBe(false);
    expect(uveal.find((s) => s.normText.startsWith('Cytotoxic Chemotherapy:'))?.context).toContain('Previous Therapy');
  });

  it('reads a line ending on its modal over items as their lead-in (NCT06119581, NCT06794775)', () => {
    // Emitted alone, "Women of childbearing potential must" was an unread criterion saying nothing.
    const segs = segmentCriteria(criteriaText('NCT06119581'));
    expect(segs.some((s) => s.normText === 'Women of childbearing potential must')).toBe(false);
    expect(segs.find((s) => s.normText === 'Have a negative pregnancy test.')?.context).toEqual(['Women of childbearing potential must']);
    expect(segmentCriteria(criteriaText('NCT06794775')).some((s) => s.normText === 'Patients must have')).toBe(false);
    // A modal with its verb is a criterion of its own, whatever follows it.
    expect(segmentCriteria('Inclusion Criteria:\n\n* Patients must consent\n  * in writing').map((s) => s.normText)).toContain('Patients must consent');
  });

  it('reads a line ending on a preposition over items as their lead-in, and an UNLESS item with the one above (NCT07237100)', () => {
    const segs = segmentCriteria(criteriaText('NCT07237100'));
    expect(segs.some((s) => s.normText === 'Must have been previously treated with')).toBe(false);
    const treated = segs.find((s) => s.normText.startsWith('anti PD-1/PD-L1 antibody'))!;
    expect(treated.context).toContain('Must have been previously treated with');
    // The exception stays with the requirement it qualifies: read apart, the requirement failed
    // the patients for whom checkpoint inhibitors were not indicated.
    expect(treated.normText).toContain('UNLESS these standard checkpoint inhibitors are not clinically indicated');
    expect(segs.some((s) => s.normText.startsWith('UNLESS'))).toBe(false);
  });

  it('keeps the items under an exception lead-in without a colon apart, not joined to it (NCT05267626)', () => {
    const segs = segmentCriteria(criteriaText('NCT05267626'));
    const lead = segs.find((s) => s.normText.endsWith('with exceptions of'))!;
    expect(lead.kind).toBe('exclusion');
    expect(segs.find((s) => s.normText === 'Vitiligo')?.context).toContain(lead.normText);
  });

  it('leaves out off-study rules: the list under "Withdrawal Criteria" or "Exit criteria:" is not eligibility (NCT03819296, NCT06229340)', () => {
    const exit = segmentCriteria(criteriaText('NCT06229340'));
    expect(exit.some((s) => /Intolerable toxicity|Refusal to continue|Exit criteria/.test(s.normText))).toBe(false);
    // Read as an exclusion, this had excluded the progressing patients the trial is for.
    expect(exit.some((s) => s.normText.startsWith('Progression according to RECIST'))).toBe(false);
    expect(exit.filter((s) => s.kind === 'exclusion').length).toBeGreaterThan(3);
    const withdrawal = segmentCriteria(criteriaText('NCT03819296'));
    expect(withdrawal.some((s) => /Withdrawal Criteria|may withdraw from the trial|project 3 will be terminated/.test(s.normText))).toBe(false);
    // The exclusions before the off-study rules are all kept.
    expect(withdrawal.some((s) => s.kind === 'exclusion' && s.normText.startsWith('Patients with active bacterial or fungal infection'))).toBe(true);
  });

  it('reads a sentence on which list takes precedence, and one on whom a list applies to after its heading, as no criterion (NCT05770102, NCT04855435)', () => {
    const master = segmentCriteria(criteriaText('NCT05770102'));
    expect(master.some((s) => /take precedence/.test(s.normText))).toBe(false);
    expect(master.some((s) => s.normText.startsWith('Confirmed diagnosis of a malignancy that is high TMB'))).toBe(true);
    const staged = segmentCriteria(criteriaText('NCT04855435'));
    expect(staged.some((s) => /apply to all participants unless cohort criteria specify otherwise/.test(s.normText))).toBe(false);
    // The heading's kind still holds: its list's items are inclusions, then exclusions.
    expect(staged.find((s) => s.normText.startsWith('Lactate dehydrogenase'))?.kind).toBe('inclusion');
  });

  it('splits the list\'s next number run on after a word with no full stop, but not a score or a count (NCT06626516, NCT06204991)', () => {
    const segs = segmentCriteria(criteriaText('NCT06626516')).map((s) => s.normText);
    expect(segs).toContain('Age >=18 years of age');
    expect(segs.some((t) => t.startsWith('Histologically or cytologically confirmed metastatic uveal melanoma in the liver.'))).toBe(true);
    expect(segs).toContain('Potassium, magnesium, corrected calcium, and phosphate within normal laboratory parameters');
    expect(segs).toContain('Women must not be pregnant or breast-feeding.');
    const consent = segmentCriteria(criteriaText('NCT06204991')).map((s) => s.normText);
    expect(consent).toContain('Signed statement of consent after receiving oral and written study information');
    // A grade, a score or a count before the number is the criterion's own ("… Grade 2. Patients …").
    const own = segmentCriteria('1. Neuropathy of CTCAE Grade 2. Patients with grade 1 are eligible.\n2. ECOG status 3. Bedridden less than half the day.\n3. Age 18 or over');
    expect(own.map((s) => s.normText)).toEqual([
      'Neuropathy of CTCAE Grade 2. Patients with grade 1 are eligible.',
      'ECOG status 3. Bedridden less than half the day.',
      'Age 18 or over',
    ]);
    // The space after the number lost too ("… sterilization. 13.Patients may not …"), before a word in
    // lower case after its capital; not before a unit or a code ("2.5 mg", "1.ULN").
    const tight = segmentCriteria('12. Women who are pregnant. Tubal ligation is no sterilization. 13.Patients may not have unresolved toxicity.\n14. Age 18 or over');
    expect(tight.map((s) => s.normText)).toEqual(['Women who are pregnant. Tubal ligation is no sterilization.', 'Patients may not have unresolved toxicity.', 'Age 18 or over']);
    const unit = segmentCriteria('1. Creatinine below 1.5 mg/dL. 2.ULN or less for bilirubin\n2. Age 18 or over');
    expect(unit[0]!.normText).toBe('Creatinine below 1.5 mg/dL. 2.ULN or less for bilirubin');
  });

  it('reads a cohort\'s label over its own criteria headings as the group both lists are for, up to the next label (NCT06536257)', () => {
    const segs = segmentCriteria(criteriaText('NCT06536257'));
    expect(segs.some((s) => /^(?:NON-)?MELANOMA:?$/.test(s.normText))).toBe(false);
    const melanoma = segs.filter((s) => s.context.includes('MELANOMA'));
    expect(melanoma.filter((s) => s.kind === 'inclusion')).toHaveLength(10);
    expect(melanoma.filter((s) => s.kind === 'exclusion')).toHaveLength(1);
    expect(melanoma[1]!.normText).toMatch(/^Histologically confirmed resected stage II/);
    // "NON-MELANOMA" names no cancer cohort: its lists bind no group.
    const rest = segs.filter((s) => !s.context.includes('MELANOMA'));
    expect(rest.find((s) => s.normText.startsWith('Histologically confirmed cancer'))?.context).toEqual([]);
  });

  it('reads a lone "o" opening a line as a sub-bullet, as word processors write them (NCT03787056)', () => {
    const segs = segmentCriteria(
      'Inclusion Criteria:\n\nLung carcinomas:\n\n* Curative intent treatment patients cohort:\n\n  o NSCLC histology only\n\n  o Stage I-II according to 8th TNM classification\n* Age 18 or older',
    );
    expect(segs.map((s) => s.normText)).toEqual(['NSCLC histology only', 'Stage I-II according to 8th TNM classification', 'Age 18 or older']);
    expect(segs[0]!.context).toEqual(['Lung carcinomas', 'Curative intent treatment patients cohort:']);
    // The word "o" inside a line is no marker.
    expect(segmentCriteria('Inclusion Criteria:\n\n* Stage III o IV').map((s) => s.normText)).toEqual(['Stage III o IV']);
  });

  it('splits items numbered "(1)", "(2)" run together on one line (NCT05421650)', () => {
    const segs = segmentCriteria(criteriaText('NCT05421650'));
    const inclusions = segs.filter((s) => s.kind === 'inclusion').map((s) => s.normText);
    expect(inclusions[0]).toBe('Women aged >= 20 years and <= 70 years');
    expect(inclusions.length).toBe(7);
    const exclusions = segs.filter((s) => s.kind === 'exclusion').map((s) => s.normText);
    expect(exclusions).toContain('Patients who are pregnant or plans to conceive during the clinical study period');
    expect(exclusions).toContain('Patients with a history of subtotal hysterectomy');
    // A sub-list under an item numbered another way is that item's own ("1. … criteria: (1) onset … (2) duration …").
    const own = segmentCriteria('1. Inflammatory breast cancer per consensus criteria: (1) Onset within 6 months (2) Duration of symptoms\n2. Age 18 or over');
    expect(own).toHaveLength(2);
  });

  it('finds exclusion criteria in every study whose text has an exclusion heading followed by items', () => {
    const missing: string[] = [];
    for (const study of fixtureStudies()) {
      const source = (study as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection
        .eligibilityModule?.eligibilityCriteria;
      if (!source || !/^\s*(?:[*-]\s*)?exclusion criteria\s*:?\s*$/im.test(source)) continue;
      const afterHeading = source.split(/^\s*(?:[*-]\s*)?exclusion criteria\s*:?\s*$/im)[1] ?? '';
      if (!/[a-z]{4}/i.test(afterHeading) || /^\s*(?:[*-]\s*)?(?:none|n\/a|not applicable)\.?\s*$/i.test(afterHeading)) continue;
      // "No exclusion criteria", "Does not meet inclusion criteria": a sentence about the lists, no item.
      if (/^\s*(?:[*-]\s*)?[^\n]*\b(?:no|not|fit)\b[^\n]*\b(?:inclusion|exclusion|above)\s+criteri[^\n]*$/i.test(afterHeading.trim())) continue;
      if (!segmentCriteria(source).some((s) => s.kind === 'exclusion')) missing.push(nctIdOf(study));
    }
    expect(missing).toEqual([]);
  });
});
