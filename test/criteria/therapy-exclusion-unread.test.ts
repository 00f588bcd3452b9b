/**
 * Exclusions about prior therapy the parser had left wholly unread, read now by general rules, each
 * reading no broader than the text (an exclusion must never exclude a patient the text lets in).
 * Lines verbatim from the corpus (NCT05786924, NCT02870244, NCT06624644, NCT06129864, NCT06103864,
 * NCT06350097, NCT06343948, NCT05070247); the others are variants checking the bounds of each rule.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';

const exclusion = (line: string) => parseCriteria(`Exclusion Criteria:\n\n* ${line}`)[0]!;
const inclusion = (line: string) => parseCriteria(`Inclusion Criteria:\n\n* ${line}`)[0]!;

function leaves(c: Condition): LeafCondition[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  return [c];
}
const therapyLeaves = (c: Condition) => leaves(c).filter((l) => l.fact === 'priorTherapy');
const params = (l: LeafCondition) => l.params as { classes?: string[]; kinds?: string[]; drugs?: string[]; withinDays?: number; outcome?: string };

describe('an investigational head before a target phrase', () => {
  it('narrows each target class to investigational agents (NCT05786924 e14)', () => {
    const c = exclusion('Prior use of experimental agents that target the KRAS/BRAF/MEK/ERK pathway.');
    expect(c.status).toBe('parsed');
    const ls = therapyLeaves(c.rule);
    expect(ls.flatMap((l) => params(l).classes ?? []).sort()).toEqual(['braf_inhibitor', 'erk_inhibitor', 'kras_inhibitor', 'mek_inhibitor']);
    // Each leaf is one treatment both investigational and of the class, never the class alone.
    for (const l of ls) expect(params(l).kinds).toEqual(['investigational']);
  });

  it('reads "investigational agents targeting" the same way', () => {
    const ls = therapyLeaves(exclusion('Prior treatment with investigational agents targeting BRAF').rule);
    expect(ls).toHaveLength(1);
    expect(params(ls[0]!)).toMatchObject({ classes: ['braf_inhibitor'], kinds: ['investigational'] });
  });

  it('leaves a plain target phrase as before', () => {
    const ls = therapyLeaves(exclusion('Prior treatment with agents targeting KRAS').rule);
    expect(ls.map((l) => params(l))).toEqual([{ classes: ['kras_inhibitor'] }]);
  });
});

describe('a drug kind narrowed by targets no class names', () => {
  it('is necessary in an exclusion, the targets kept unread beside it (NCT02870244 e8)', () => {
    const c = exclusion('Patients that have undergone immunotherapy targeting tyrosinase.');
    expect(c.status).toBe('partial');
    expect('all' in c.rule).toBe(true);
    const all = (c.rule as { all: Condition[] }).all;
    expect(all.some((k) => 'fact' in k && k.fact === 'priorTherapy' && (k.params as { kinds?: string[] }).kinds?.includes('immunotherapy'))).toBe(true);
    expect(JSON.stringify(all)).toContain('tyrosinase');
  });

  it('stays unread where the reading would forbid or require the whole kind', () => {
    expect(exclusion('No prior immunotherapy targeting NY-ESO-1').status).toBe('unparsed');
    expect(inclusion('No prior immunotherapy targeting NY-ESO-1').status).toBe('unparsed');
  });

  it('leaves radiotherapy aimed at a site to the local readers', () => {
    const c = exclusion('Prior radiotherapy targeting the affected lymph node region(s);');
    expect(c.rule).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['radiation'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'radiotherapy targeting the affected lymph node region(s)' } },
      ],
    });
  });
});

describe('a reaction to a treatment', () => {
  it('needs the treatment and the reaction (NCT06624644 e7)', () => {
    const c = exclusion('Prior reaction to anti PD-1 therapy that would make treatment with pembrolizumab unadvisable.');
    expect(c.status).toBe('partial');
    // Nowhere does anti-PD-1 therapy alone exclude: its leaf sits in all() with the reaction.
    const found = JSON.stringify(c.rule);
    expect(found).toContain('{"all":[{"fact":"priorTherapy","operator":"equal","value":true,"params":{"classes":["anti_pd1"]}},{"fact":"unparsed"');
  });

  it('never excludes everyone who had the treatment', () => {
    const c = exclusion('Prior reaction to anti-PD-1 therapy.');
    expect(c.rule).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['anti_pd1'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'reaction' } },
      ],
    });
  });
});

describe('a last dose said plainly to be long ago', () => {
  it('excludes those treated and not since (NCT06129864 e6)', () => {
    const c = exclusion('Receipt of the last dose of anticancer therapy (chemotherapy and/or RT) \\> 12 weeks (84 days) prior to randomization.');
    expect(c.status).toBe('parsed');
    const [had, recent] = (c.rule as { all: [LeafCondition, LeafCondition] }).all;
    expect(had).toMatchObject({ fact: 'priorTherapy', value: true });
    expect(params(had).withinDays).toBeUndefined();
    expect(recent).toMatchObject({ fact: 'priorTherapy', value: false, params: { withinDays: 84 } });
    expect(params(recent).kinds).toEqual(params(had).kinds);
    // The parenthesis says which anticancer therapy: hormonal therapy since would not hide the old chemotherapy.
    expect(params(had).kinds).toEqual(['chemotherapy', 'radiation']);
  });

  it('stays unread with words beside it that may narrow it', () => {
    expect(exclusion('Receipt of the last dose of chemotherapy > 12 weeks prior to randomization unless given as maintenance.').status).toBe('unparsed');
  });
});

describe('an ADC named by its topoisomerase I payload', () => {
  it.each([
    ['Prior exposure to any treatment including ADC containing a chemotherapeutic agent targeting topoisomerase I and TROP2-targeted therapy.', ['topo1_adc', 'trop2_adc']],
    ['Prior exposure to any agent including an ADC containing a chemotherapeutic agent targeting topoisomerase I, TROP2-targeted therapy.', ['topo1_adc', 'trop2_adc']],
    ['Prior receipt of an ADC drug with a topoisomerase I inhibitor as a toxin;', ['topo1_adc']],
  ])('is a topoisomerase I inhibitor-based ADC: %s', (line, classes) => {
    const c = exclusion(line);
    expect(c.status).toBe('parsed');
    expect(therapyLeaves(c.rule).flatMap((l) => params(l).classes ?? [])).toEqual(classes);
  });
});

describe('"or prior" after a contraindication', () => {
  it('opens an alternative the contraindication does not govern (NCT05070247 e15)', () => {
    const c = exclusion(
      'Contraindication to the administration of a pembrolizumab or prior intolerance to pembrolizumab or other anti-PD-1 or anti-programmed cell death protein ligand 1 antibody.',
    );
    expect('any' in c.rule).toBe(true);
    const ls = therapyLeaves(c.rule);
    expect(ls.length).toBeGreaterThan(0);
    for (const l of ls) expect(params(l).outcome).toBe('intolerance');
    expect(JSON.stringify(c.rule)).toContain('Contraindication to the administration of a pembrolizumab');
  });

  it('leaves a bare treatment after "or prior" the allergy\'s object (NCT06264180 e23)', () => {
    const c = exclusion(
      'History of allergy or sensitivity to study drug components (VO, nivolumab, pembrolizumab, or relatlimab) or to cisplatin or carboplatin or paclitaxel (dependent on cohort) or prior monoclonal antibody treatment.',
    );
    expect(therapyLeaves(c.rule)).toEqual([]);
  });
});

describe('a plan joined as an alternative clause', () => {
  it('keeps its own time from the treatment before it (NCT06214156 e10)', () => {
    const c = exclusion(
      'Subjects who had undergone major surgery within the prescribed time before the first dose，and had not recovered from surgery-related adverse reactions or were still in the postoperative recovery period，or who plan to undergo major surgery during the study period;',
    );
    expect(c.status).toBe('partial');
    // The surgery had is read only with its unread window: never alone.
    const any = (c.rule as { any: Condition[] }).any;
    expect(any[0]).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['surgery'] } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'undergone major surgery within the prescribed time' } },
      ],
    });
    expect(JSON.stringify(any.slice(1))).toContain('plan to undergo major surgery');
  });

  it('still leaves a treatment planned during the study unread', () => {
    expect(therapyLeaves(exclusion('Patients who plan to undergo major surgery during the study period.').rule)).toEqual([]);
  });
});

describe('an "or" inside another topic\'s phrase', () => {
  it('between two study codes offers no alternative treatment (NCT00184067 e1)', () => {
    const c = exclusion('Patients who have undergone any other systemic therapy for their melanoma, including radiation therapy since completion of 10M-01-1 or 10M-00-4.');
    expect(c.status).toBe('partial');
    // The systemic therapy is read only with its unread qualifier, never alone.
    const [first] = (c.rule as { any: Condition[] }).any;
    expect(first).toMatchObject({ all: [{ fact: 'priorTherapy', params: { kinds: ['systemic'] } }, { fact: 'unparsed' }] });
  });

  it('between an extent and a cancer holding the other extent (NCT06627647 e3)', () => {
    const c = exclusion(
      'Any prior systemic therapy received for advanced or mNSCLC. Prior systemic therapy in the neoadjuvant or adjuvant setting and/or definitive radio- or chemoradiotherapy for early-stage disease are allowed, provided that recurrence or progression has occurred \\> 12 months after the end of treatment.',
    );
    expect(c.status).toBe('partial');
    const [first] = (c.rule as { any: Condition[] }).any;
    expect(first).toEqual({
      all: [
        { fact: 'priorTherapy', operator: 'equal', value: true, params: { kinds: ['systemic'], setting: 'advanced' } },
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'mNSCLC' } },
      ],
    });
  });
});

describe('a lead clause naming the group that had a treatment', () => {
  it('binds every alternative of the main clause to that treatment (NCT05519085 e4)', () => {
    const c = exclusion(
      'For participants with prior treatment of a bortezomib containing regimen, the best response achieved was not a minimal response (MR) or better, or participant discontinued bortezomib due to toxicity.',
    );
    expect(c.status).toBe('partial');
    const [first, ...rest] = (c.rule as { any: Condition[] }).any;
    expect(first).toMatchObject({ all: [{ fact: 'priorTherapy', params: { drugs: ['bortezomib'] } }, { fact: 'unparsed' }] });
    for (const r of rest) expect(r).toMatchObject({ fact: 'unparsed' });
  });

  it('stays unread where an outcome read with the treatment belongs to one alternative only', () => {
    expect(exclusion('For patients with prior anti-PD-1 therapy, progression within 3 months or discontinuation for toxicity.').status).toBe('unparsed');
  });
});

describe('hostile input', () => {
  it('reads a long chain of hyphened codes in linear time', () => {
    const t0 = Date.now();
    exclusion(`Prior chemotherapy since completion of ${'1A-1-'.repeat(20000)}1 or 2B-1.`);
    expect(Date.now() - t0).toBeLessThan(4000);
  });
});
