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

  it('finds exclusion criteria in every study whose text has an exclusion heading followed by items', () => {
    const missing: string[] = [];
    for (const study of fixtureStudies()) {
      const source = (study as { protocolSection: { eligibilityModule?: { eligibilityCriteria?: string } } }).protocolSection
        .eligibilityModule?.eligibilityCriteria;
      if (!source || !/^\s*(?:[*-]\s*)?exclusion criteria\s*:?\s*$/im.test(source)) continue;
      const afterHeading = source.split(/^\s*(?:[*-]\s*)?exclusion criteria\s*:?\s*$/im)[1] ?? '';
      if (!/[a-z]{4}/i.test(afterHeading) || /^\s*(?:[*-]\s*)?(?:none|n\/a|not applicable)\.?\s*$/i.test(afterHeading)) continue;
      if (!segmentCriteria(source).some((s) => s.kind === 'exclusion')) missing.push(nctIdOf(study));
    }
    expect(missing).toEqual([]);
  });
});
