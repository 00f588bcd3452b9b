/**
 * Audit of disease, performance-status and lab readings (session 17): readings that failed or
 * excluded patients the text does not, each now read exactly or left unknown. Corpus lines verbatim.
 */
import type { Condition } from '../../src/criteria/facts';
import { extent, judgeRecord, readRule, uln } from '../support/criteria';

const text = (c: Condition | null): string => JSON.stringify(c);

/** Leaves that make an exclusion true on their own (reached through any-nodes only). */
function excludesAlone(c: Condition | null): Condition[] {
  if (!c) return [];
  if ('any' in c) return c.any.flatMap(excludesAlone);
  if ('all' in c) return c.all.length === 1 ? excludesAlone(c.all[0]!) : [];
  return c.fact === 'unparsed' ? [] : [c];
}

describe('two limits on one performance scale', () => {
  it('lets in either limit, never demands both', () => {
    const r = readRule(
      'Eastern Cooperative Oncology Group (ECOG) Performance status of 0 or 1 (Patients with disease related ECOG 2 are allowed, in addition to ECOG 0 and 1).',
      'inclusion',
    );
    expect(r.condition).toEqual({
      any: [
        { fact: 'ecog', operator: 'lessThanInclusive', value: 1 },
        { fact: 'ecog', operator: 'equal', value: 2 },
      ],
    });
  });

  it('reads per-cohort limits as alternatives', () => {
    const r = readRule(
      'Eastern Cooperative Oncology Group (ECOG) performance status 0-1 for Cohort A (asymptomatic), ECOG performance status 0-2 for Cohort B (symptomatic)',
      'inclusion',
    );
    expect(text(r.condition)).toContain(
      JSON.stringify({
        any: [
          { fact: 'ecog', operator: 'lessThanInclusive', value: 1 },
          { fact: 'ecog', operator: 'lessThanInclusive', value: 2 },
        ],
      }),
    );
  });

  it('keeps a plain limit', () => {
    expect(readRule('Eastern Cooperative Oncology Group (ECOG) performance status 0-1.', 'inclusion').condition).toEqual({
      fact: 'ecog',
      operator: 'lessThanInclusive',
      value: 1,
    });
  });
});

describe('one course of the disease offered beside another', () => {
  it.each([
    'Newly diagnosed patients with solid tumor cancer diagnosis or recurrence of the disease.',
    'Diagnosis: Histopathological proven diagnosis: a) newly diagnosed grade 2-3 glioma or b) all grades for recurrent glioma.',
  ])('does not require newly diagnosed disease of everyone: %s', (line) => {
    expect(text(readRule(line, 'inclusion').condition)).not.toContain(JSON.stringify(extent('newly_diagnosed')));
  });

  it('keeps newly diagnosed disease when it is the only course named', () => {
    const r = readRule(
      'Newly diagnosed epithelial adenocarcinoma of ovarian, fallopian tube or peritoneal origin FIGO Stage III or IV patients whose disease is confirmed based on biopsy sample.',
      'inclusion',
    );
    expect(text(r.condition)).toContain('"groups":["III","IV"]');
  });
});

describe('extents that do not exclude every patient who has them', () => {
  it.each([
    'Metastatic disease that involved major airways or blood vessels or centrally located mediastinal tumour masses of large volume with close relation to the major airways, where tumour necrosis may have caused perforation or severe bleeding episodes.',
    'Metastatic disease that invades any of the following: GI tract (including oesophagus, stomach, small or large bowel), mesenteric lymph nodes, or disseminated skin metastases and lymphangiosis',
    'Has received any treatment as part of adjuvant, neoadjuvant therapy or definitive chemoradiation for the treatment of NSCLC within 12 months prior to the diagnosis of advanced/metastatic disease.',
    'Participants with widespread, definitive leptomeningeal disease',
  ])('%s', (line) => {
    const alone = excludesAlone(readRule(line, 'exclusion').condition);
    expect(alone.filter((c) => 'fact' in c && c.fact === 'diseaseExtent')).toEqual([]);
  });

  it('still excludes metastatic disease named plainly', () => {
    expect(readRule('Metastatic disease', 'exclusion').condition).toEqual(extent('metastatic'));
  });
});

describe('indirect (unconjugated) bilirubin is not total bilirubin', () => {
  it('reads the indirect limit as its own lab, so the two bilirubin limits no longer contradict', () => {
    const r = readRule(
      'd. Total bilirubin ≤ 1.5 × ULN and \\< 2 mg/dL; OR total bilirubin \\>1.5 × ULN with indirect bilirubin \\< 1.5 × ULN;',
      'inclusion',
    );
    expect(text(r.condition)).toContain(JSON.stringify(uln('indirect_bilirubin', 'lessThan', 1.5)));
    expect(text(r.condition)).not.toContain(JSON.stringify(uln('bilirubin', 'lessThan', 1.5)));
  });

  it("lets a Gilbert's patient's total bilirubin above the limit stay open", () => {
    const r = readRule(
      'Total bilirubin =\\< 1.5 x ULN (unconjugated bilirubin of \\< 3 x ULN for patients with known Gilbert syndrome) (drawn at or not more than 30 days prior to the screening visit)',
      'inclusion',
    );
    const all = (r.condition as { all: Condition[] }).all;
    // The total-bilirubin limit is never required on its own.
    expect(all).not.toContainEqual(uln('bilirubin', 'lessThanInclusive', 1.5));
    expect(text(r.condition)).toContain(JSON.stringify(uln('indirect_bilirubin', 'lessThan', 3)));
  });
});

describe('a variant named after one gene of a list', () => {
  it.each([
    [
      'Presence of known driver mutations (e.g., BRAF V600E/K, c-KIT, NRAS) for which targeted therapies are already approved and available as first-line treatment.',
      ['KIT', 'NRAS'],
    ],
    [
      'Have a documented additional validated targetable oncogenic driver mutation or alteration in genes such as epidermal growth factor receptor (EGFR), anaplastic lymphoma kinase (ALK), BRAF (V600E), human epidermal growth factor receptor 2 (HER2), MET (exon 14), ROS1, rearranged during transfection (RET), or neurotrophic tyrosine receptor kinase (NTRK)1/2/3.',
      ['ROS1', 'RET'],
    ],
  ])('is not given to the genes after it: %s', (line, genes) => {
    const t = text(readRule(line, 'exclusion').condition);
    for (const g of genes) expect(t).not.toContain(`"gene":"${g}","alteration"`);
    expect(t).toContain('"gene":"BRAF","alteration":"V600E"');
  });

  it('still shares a plain alteration along the list', () => {
    const t = text(readRule('Known EGFR, ALK or ROS1 alterations', 'exclusion').condition);
    expect(t).toContain('"gene":"ROS1"');
  });
});

describe('a suspected cancer let in beside a confirmed one', () => {
  it.each([
    'Patient suspected of having, or with biopsy proven, malignant disease.',
    'Any patients with suspected (clinical) or definitive (tissue) diagnosis of Stage III-IV melanoma starting or continuing adjuvant Pembrolizumab without active evidence of disease (NED).',
    'Have a suspected or confirmed cancer diagnosis that is to be evaluated by means of a biopsy.',
  ])('does not require the cancer of everyone: %s', (line) => {
    // The confirmed cancer is one way in beside the suspicion (any(type, unknown)): a patient with
    // another cancer, or an earlier stage, is left to a coordinator, never failed.
    const c = readRule(line, 'inclusion').condition!;
    expect(judgeRecord(c, { cancers: [{ type: 'breast cancer', stage: 'I' }] })).not.toBe(false);
    expect(judgeRecord(c, {})).not.toBe(false);
  });

  it('keeps a confirmed cancer', () => {
    expect(text(readRule('Histologically confirmed metastatic melanoma.', 'inclusion').condition)).toContain(
      '"codes":["MELANOMA"]',
    );
  });
});
