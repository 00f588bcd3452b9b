/**
 * The anticancer biologic and monoclonal-antibody classes of rules/drugs.json: NCI's "biological
 * therapy" (antibodies, cytokines, vaccines, gene and cell therapy) read from criteria, and matched
 * against a patient's record through the class hierarchy. Criteria lines are verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf, type Condition, type LeafCondition } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';
import { evaluateCondition, type Tri } from '../../src/match/compile';
import { factTable } from '../../src/match/fact-values';
import { normalisePatient } from '../../src/patients/normalise';
import { patientRecordSchema, type PatientRecord } from '../../src/patients/record';
import { readCondition, therapy } from '../support/criteria';

const lex = lexicons();
const read = (text: string, kind: 'inclusion' | 'exclusion' = 'exclusion') => readCondition(text, kind);
/** The drug classes a rule's prior-therapy leaves name. */
const classesIn = (c: Condition | null): string[] =>
  c ? leavesOf(c).flatMap((l) => (l.fact === 'priorTherapy' ? ((l.params as { classes?: string[] } | undefined)?.classes ?? []) : [])) : [];
const ancestors = (drug: string): Set<string> => {
  const out = new Set<string>();
  for (const c of lex.drugById.get(drug)?.classes ?? []) for (const a of lex.classAncestors.get(c) ?? []) out.add(a);
  return out;
};

describe('the biologic and monoclonal antibody classes', () => {
  it('hold antibodies, ADCs, bispecifics, cytokines, vaccines, oncolytic viruses and cell therapies', () => {
    for (const d of ['trastuzumab', 'pembrolizumab', 'bevacizumab', 'rituximab', 'trastuzumab_deruxtecan', 'blinatumomab', 'aldesleukin', 'sipuleucel_t', 'talimogene_laherparepvec', 'tisagenlecleucel', 'ziv_aflibercept']) {
      expect([d, ancestors(d).has('biologic')]).toEqual([d, true]);
    }
    for (const d of ['trastuzumab', 'pembrolizumab', 'bevacizumab', 'alemtuzumab', 'trastuzumab_deruxtecan']) {
      expect([d, ancestors(d).has('monoclonal_antibody')]).toEqual([d, true]);
    }
  });

  it('leave out small molecules and antibodies given only as supportive care', () => {
    for (const d of ['imatinib', 'palbociclib', 'osimertinib', 'lenalidomide', 'denosumab', 'infliximab', 'tocilizumab', 'dexamethasone']) {
      expect([d, ancestors(d).has('biologic')]).toEqual([d, false]);
      expect([d, ancestors(d).has('monoclonal_antibody')]).toEqual([d, false]);
    }
  });

  it('give no member a new treatment kind: their own kind is systemic, which every member already implies', () => {
    expect(lex.classById.get('biologic')?.kind).toBe('systemic');
    expect(lex.classById.get('monoclonal_antibody')?.kind).toBe('systemic');
    const kinds = (drug: string) => new Set([...ancestors(drug)].map((c) => lex.classById.get(c)!.kind));
    expect(kinds('pembrolizumab')).toEqual(new Set(['immunotherapy', 'systemic']));
    expect(kinds('trastuzumab')).toEqual(new Set(['targeted', 'systemic']));
  });
});

describe('reading biologic therapy in criteria', () => {
  it('reads "biologic therapy" as a member of a therapy list', () => {
    expect(read('Concurrent treatment with any anticancer agent, including chemotherapy, immunotherapy, or biologic therapy.')).toEqual({
      any: [therapy({ classes: ['biologic'], withinDays: 1 }), therapy({ kinds: ['systemic', 'chemotherapy', 'immunotherapy'], withinDays: 1 })],
    });
  });

  it('reads "biological therapy" with its own window', () => {
    expect(read('Biological therapy =\\< 4 weeks prior to registration')).toEqual(therapy({ classes: ['biologic'], withinDays: 28 }));
  });

  it('reads a washout of biologic therapy in an inclusion', () => {
    expect(read('Have discontinued biologic therapy and immunotherapy at least 21 days prior to study enrollment.', 'inclusion')).toEqual({
      all: [therapy({ classes: ['biologic'], withinDays: 21 }, false), therapy({ kinds: ['immunotherapy'], withinDays: 21 }, false)],
    });
  });

  it('reads anti-cancer biologic agents, their examples left unread', () => {
    const text = 'Participants must not have received anti-cancer biologic agents (antibodies, immune modulators, vaccines, cytokines) within 21 days prior to registration';
    expect(read(text)).toEqual(therapy({ classes: ['biologic'], withinDays: 21 }));
    expect(readCriterion(normalise(text).text, 'exclusion', []).unread).toBe('antibodies, immune modulators, vaccines, cytokines');
  });

  it('reads biotherapy', () => {
    expect(classesIn(read('Treatment with biotherapy, and/or hormonal therapy for the currently diagnosed breast cancer prior to study entry'))).toContain('biologic');
  });

  it('does not read "biological" or "biologic" alone, which also name doses, samples and sex', () => {
    expect(classesIn(read('For patients treated previously with radiation, biological effective dose calculations should be used to equate previous doses to the tolerance doses listed in the RTQA Guidelines.'))).not.toContain('biologic');
    expect(classesIn(read('Biologic males or females', 'inclusion'))).not.toContain('biologic');
    expect(classesIn(read('No available biological material'))).not.toContain('biologic');
  });
});

describe('reading monoclonal antibodies in criteria', () => {
  it('reads antibody therapy as the anticancer monoclonal antibody class', () => {
    expect(read('Must not have received prior chemotherapy, antibody therapy, or investigational therapy ≤ 4 weeks prior to the first dose', 'inclusion')).toEqual({
      all: [therapy({ classes: ['monoclonal_antibody'], withinDays: 28 }, false), therapy({ kinds: ['chemotherapy', 'investigational'], withinDays: 28 }, false)],
    });
    expect(read('At least 4 weeks must have elapsed since prior therapy that includes a monoclonal antibody.', 'inclusion')).toEqual(
      therapy({ classes: ['monoclonal_antibody'], withinDays: 28 }, false),
    );
  });

  it('keeps "monoclonal antibodies" after a named target inside that class, not as any antibody', () => {
    expect(read('No prior treatment with immune checkpoint inhibitors such as anti-CTLA-4, anti-PD-1, or anti-PD-L1 monoclonal antibodies.', 'inclusion')).toEqual(
      therapy({ classes: ['checkpoint_inhibitor', 'anti_ctla4', 'anti_pd1_pdl1'] }, false),
    );
    const c = read('Prior treatment with CD137 agonists or immune checkpoint blockade therapies, including anti-cytotoxic T lymphocyte-associated protein 4, anti-TIGIT, anti-PD-1, and anti-PD-L1 therapeutic antibodies');
    expect(classesIn(c)).toContain('anti_pd_l1');
    expect(classesIn(c)).not.toContain('monoclonal_antibody');
  });
});

describe('evaluating biologic queries against a record', () => {
  const facts = factTable(lex);
  const AS_OF = '2025-06-01';
  const judge = (record: PatientRecord, leaf: LeafCondition): Tri => evaluateCondition(leaf, facts, normalisePatient(patientRecordSchema.parse(record), lex, AS_OF));
  const t = (treatments: PatientRecord['treatments']): PatientRecord => ({ treatments });
  const leaf = (params: Record<string, unknown>, value = true): LeafCondition => ({ fact: 'priorTherapy', operator: 'equal', value, params });

  it('counts trastuzumab, pembrolizumab and CAR-T as biologic therapy, not imatinib or denosumab', () => {
    const q = leaf({ classes: ['biologic'] });
    expect(judge(t([{ name: 'trastuzumab', start: '2024-01-01' }]), q)).toBe(true);
    expect(judge(t([{ name: 'Keytruda', start: '2024-01-01' }]), q)).toBe(true);
    expect(judge(t([{ name: 'tisagenlecleucel', start: '2024-01-01' }]), q)).toBe(true);
    expect(judge(t([{ name: 'imatinib', start: '2024-01-01' }]), q)).toBe(false);
    expect(judge(t([{ name: 'denosumab', start: '2024-01-01' }]), q)).toBe(false);
  });

  it('counts an anticancer antibody, not a kinase inhibitor, as monoclonal antibody therapy', () => {
    const q = leaf({ classes: ['monoclonal_antibody'], withinDays: 28 });
    expect(judge(t([{ name: 'bevacizumab', start: '2025-05-20' }]), q)).toBe(true);
    expect(judge(t([{ name: 'palbociclib', start: '2025-05-20' }]), q)).toBe(false);
  });

  it('does not make an antibody immunotherapy or targeted therapy it was not before', () => {
    expect(judge(t([{ name: 'trastuzumab', start: '2024-01-01' }]), leaf({ kinds: ['immunotherapy'] }))).toBe(false);
    expect(judge(t([{ name: 'pembrolizumab', start: '2024-01-01' }]), leaf({ kinds: ['targeted'] }))).toBe(false);
  });
});

describe('other treatment spellings', () => {
  it('reads vaccine therapy and gene therapy as list members', () => {
    expect(read('Chemotherapy, radiation, gene therapy, vaccine therapy, or anti-cancer antibodies / ADCs within 28 days of Cycle 1 Day 1')).toEqual({
      any: [
        therapy({ classes: ['gene_therapy', 'cancer_vaccine', 'monoclonal_antibody', 'adc'], withinDays: 28 }),
        therapy({ kinds: ['chemotherapy', 'radiation'], withinDays: 28 }),
      ],
    });
  });

  it('reads "target therapy" as targeted therapy', () => {
    expect(classesIn(read('Chemotherapy, target therapy, immunotherapy, or other anticancer therapy within 28 days or 5 half-lives, whichever is shorter, prior to the first dose of study treatment.'))).toEqual([]);
    const c = read('Chemotherapy, target therapy, immunotherapy, or other anticancer therapy within 28 days or 5 half-lives, whichever is shorter, prior to the first dose of study treatment.');
    const kinds = c ? leavesOf(c).flatMap((l) => (l.fact === 'priorTherapy' ? ((l.params as { kinds?: string[] }).kinds ?? []) : [])) : [];
    expect(kinds).toContain('targeted');
  });

  it('reads agents targeting T-cell co-stimulation or checkpoint pathways as checkpoint inhibitors and T-cell receptor agents', () => {
    expect(lex.index.scan('or other antibody or drug targeting T-cell co-stimulation or checkpoint pathways').filter((m) => m.type === 'drugClass').map((m) => m.id).sort()).toEqual([
      'checkpoint_inhibitor',
      't_cell_receptor_agent',
    ]);
  });
});

