import type { LeafCondition } from '../../src/criteria/facts';
import { lexicons, metastaticSiteLexicon } from '../../src/criteria/lexicon';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';

const lex = lexicons();
const facts = factTable(lex);

function judge(record: PatientRecord, leaf: LeafCondition): Tri {
  return evaluateCondition(leaf, facts, normalisePatient(patientRecordSchema.parse(record), lex, '2025-06-01'));
}

const site = (sites: string[], only?: boolean): LeafCondition => ({
  fact: 'metastaticSite',
  operator: 'equal',
  value: true,
  params: only ? { sites, only } : { sites },
});
const withSites = (metastaticSites: string[]): PatientRecord => ({
  cancers: [{ type: 'breast cancer', metastatic: true, metastaticSites }],
});

describe('metastaticSite', () => {
  it('is true when a listed site is one of the rule’s, in the import’s site words', () => {
    expect(judge(withSites(['bone', 'liver and intrahepatic bile duct']), site(['liver']))).toBe(true);
    expect(judge(withSites(['right lung']), site(['lung']))).toBe(true);
    expect(judge(withSites(['retroperitoneum and peritoneum']), site(['peritoneum']))).toBe(true);
  });

  it('is false when every listed site is recognised and none is the rule’s', () => {
    expect(judge(withSites(['bone', 'lung']), site(['liver']))).toBe(false);
    // "bone marrow" is not bone.
    expect(judge(withSites(['bone marrow']), site(['bone']))).toBe(false);
  });

  it('stays unknown when a listed site is not recognised and none matches', () => {
    expect(judge(withSites(['bone', 'other specified sites']), site(['liver']))).toBeNull();
  });

  it('reads visceral as the organs of chest and abdomen, not bone, skin or the brain', () => {
    expect(judge(withSites(['adrenal gland']), site(['visceral']))).toBe(true);
    expect(judge(withSites(['left kidney and renal pelvis']), site(['visceral']))).toBe(true);
    expect(judge(withSites(['bone', 'skin']), site(['visceral']))).toBe(false);
    expect(judge(withSites(['brain']), site(['visceral']))).toBeNull();
  });

  it('answers "only" no when another site is listed, and never yes (lymph nodes are not listed)', () => {
    expect(judge(withSites(['bone', 'liver']), site(['bone'], true))).toBe(false);
    expect(judge(withSites(['bone']), site(['bone'], true))).toBeNull();
  });

  it('is false for a non-metastatic record and unknown for metastatic disease without sites', () => {
    expect(judge({ cancers: [{ type: 'breast cancer', metastatic: false }] }, site(['bone']))).toBe(false);
    expect(judge({ cancers: [{ type: 'breast cancer', metastatic: true }] }, site(['bone']))).toBeNull();
    expect(judge({ cancers: [{ type: 'breast cancer', stage: 'IV' }] }, site(['bone']))).toBeNull();
  });

  it('cites the site list as evidence', () => {
    const patient = normalisePatient(patientRecordSchema.parse(withSites(['liver'])), lex, '2025-06-01');
    expect(facts.metastaticSite(patient, { sites: ['liver'] })).toEqual({
      value: true,
      evidence: [{ path: '/cancers/0/metastaticSites', value: ['liver'] }],
    });
  });
});

describe('rules/metastatic-sites.json', () => {
  it('names an NCIt code for every site and only known sites in groups', () => {
    const file = metastaticSiteLexicon();
    const ids = new Set(file.sites.map((s) => s.id));
    expect(file.sites.every((s) => /^C\d+$/.test(s.ncit))).toBe(true);
    expect(file.groups.flatMap((g) => g.members).every((m) => ids.has(m))).toBe(true);
  });
});
