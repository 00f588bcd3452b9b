/**
 * Biomarker extractor and gene lexicon. Real criteria lines from the corpus are pinned in reviewed
 * snapshots (fixtures/criteria/biomarkers.lines.json); key lines are asserted exactly; the lexicon is
 * checked for schema, synonyms, families and case-sensitive symbols.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { lexicons, loadLexicons, rulesDir } from '../../src/criteria/lexicon';
import { readCriterion } from '../../src/criteria/parse';
import type { CriterionKind } from '../../src/criteria/segment';
import { normalise } from '../../src/criteria/text';
import { goldenLines, readLine } from '../support/criteria';

const lines = goldenLines('biomarkers.lines.json');

function read(text: string, kind: CriterionKind = 'inclusion', context: string[] = []): Condition | null {
  return readCriterion(normalise(text).text, kind, context).condition;
}

function line(nctId: string, start: string): { text: string; kind: CriterionKind; context: string[] } {
  const found = lines.find((l) => l.nctId === nctId && l.text.startsWith(start));
  if (!found) throw new Error(`no golden line ${nctId} “${start}”`);
  return { text: found.text, kind: found.kind, context: found.context ?? [] };
}

function readGolden(nctId: string, start: string): Condition | null {
  const l = line(nctId, start);
  return read(l.text, l.kind, l.context);
}

const gene = (g: string, status: string, value: boolean, extra: Record<string, string> = {}): LeafCondition => ({
  fact: 'biomarker',
  operator: 'equal',
  value,
  params: { gene: g, status, ...extra },
});
const value = (
  name: string,
  scale: string | undefined,
  operator: LeafCondition['operator'],
  v: number,
): LeafCondition => ({
  fact: 'biomarkerValue',
  operator,
  value: v,
  params: scale ? { name, scale } : { name },
});
const unread = (text: string): LeafCondition => ({
  fact: 'unparsed',
  operator: 'equal',
  value: true,
  params: { text },
});

/** JSON with object keys sorted, so parts can be compared whatever the key order. */
function canon(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canon).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x);
}

/** Whether `part` occurs in `c` as a whole sub-condition (`inner` compares the members of a list only). */
function includes(c: Condition | null, part: unknown, inner = false): boolean {
  const p = canon(part);
  return canon(c).includes(inner ? p.slice(8, -2) : p);
}

/** Whether any leaf of the condition is a biomarker fact. */
function hasBiomarker(c: Condition | null): boolean {
  if (!c) return false;
  if ('all' in c) return c.all.some(hasBiomarker);
  if ('any' in c) return c.any.some(hasBiomarker);
  return c.fact === 'biomarker' || c.fact === 'biomarkerValue';
}

describe('biomarker golden lines (reviewed snapshots)', () => {
  it('has at least 80 real corpus lines', () => {
    expect(lines.length).toBeGreaterThanOrEqual(80);
  });

  for (const l of lines) {
    it(`reads ${l.nctId} ${l.kind}: ${l.text.slice(0, 60)}`, () => {
      expect(readLine(l.text, l.kind, l.context)).toMatchSnapshot(`${l.nctId}: ${l.text.slice(0, 60)}`);
    });
  }
});

describe('receptor status (ASCO/CAP)', () => {
  it('reads a HER2 status followed by its standard definition as the status', () => {
    expect(readGolden('NCT00386685', 'HER2 (Human Epidermal')).toEqual(gene('ERBB2', 'positive', true));
  });

  it('writes out a HER2 definition given without a status word as IHC and ISH results', () => {
    expect(readGolden('NCT01503372', 'Overexpression of HER-2')).toEqual({
      any: [
        value('ERBB2', 'IHC', 'equal', 3),
        {
          all: [
            value('ERBB2', 'IHC', 'equal', 2),
            gene('ERBB2', 'detected', true, { alteration: 'amplification', method: 'ISH' }),
          ],
        },
      ],
    });
  });

  it('reads "positive or unknown" as "not negative"', () => {
    expect(readGolden('NCT00286117', 'oestrogen receptor status')).toEqual(gene('ER', 'negative', false));
  });

  it('reads ER+ and/or PR+, HER2- as (ER+ or PR+) and HER2-', () => {
    const c = readGolden('NCT02513394', 'Patients must have histologically confirmed ER+');
    expect(
      includes(
        c,
        {
          all: [{ any: [gene('ER', 'positive', true), gene('PR', 'positive', true)] }, gene('ERBB2', 'negative', true)],
        },
        true,
      ),
    ).toBe(true);
  });

  it('keeps every alternative of one marker and leaves HER2-ultralow unread rather than dropping it', () => {
    const c = readGolden('NCT05573893', 'has confirmed HER2+');
    expect(includes(c, gene('ERBB2', 'positive', true))).toBe(true);
    expect(includes(c, gene('ERBB2', 'low', true))).toBe(true);
    expect(JSON.stringify(c)).toContain('"fact":"unparsed"');
    expect(JSON.stringify(c)).not.toContain('"all"');
  });

  it('reads a PD-L1 level with its scale in the value, not as a status', () => {
    expect(readGolden('NCT06472076', 'Has a PD-L1-high')).toEqual(value('PD-L1', 'TC', 'greaterThanInclusive', 50));
  });
});

describe('gene alterations', () => {
  it('reads a family name as any of its members', () => {
    expect(readGolden('NCT05417516', 'Known to be BRCA 1')).toEqual({
      any: [gene('BRCA1', 'detected', true), gene('BRCA2', 'detected', true)],
    });
  });

  it('reads wild-type as the mutation being absent, for each gene of the list', () => {
    expect(readGolden('NCT05211895', 'Documented EGFR and ALK wild-type')).toEqual({
      all: [gene('EGFR', 'detected', false), gene('ALK', 'detected', false)],
    });
  });

  it('reads "absence of" over a list as none of them present', () => {
    expect(readGolden('NCT05984277', 'Absence of sensitizing EGFR')).toEqual({
      all: [
        gene('EGFR', 'detected', false, { alteration: 'sensitizing mutation' }),
        {
          all: [
            gene('ALK', 'detected', false, { alteration: 'fusion' }),
            gene('ROS1', 'detected', false, { alteration: 'fusion' }),
          ],
        },
      ],
    });
  });

  it('reads two separate absences under one sentence as both required', () => {
    expect(readGolden('NCT04198766', 'All subjects with non-squamous NSCLC')).toEqual({
      all: [
        gene('EGFR', 'detected', false, { alteration: 'activating mutation' }),
        gene('ALK', 'detected', false, { alteration: 'fusion' }),
      ],
    });
  });

  it('reads a generic driver phrase with named genes as any of those genes', () => {
    expect(readGolden('NCT05277844', 'Patients with positive oncogene')).toEqual({
      any: ['EGFR', 'ALK', 'ROS1'].map((g) => gene(g, 'detected', true, { alteration: 'actionable alteration' })),
    });
  });

  it('reads a negative generic driver phrase as none of those genes', () => {
    expect(readGolden('NCT05277844', 'Patients with negative oncogene')).toEqual({
      all: ['EGFR', 'ALK', 'ROS1'].map((g) => gene(g, 'detected', false, { alteration: 'actionable alteration' })),
    });
  });

  it('reads an exclusion list of fusions with both names of ALK once', () => {
    expect(readGolden('NCT06726265', 'Anaplastic lymphoma kinase (ALK) gene fusion')).toEqual(
      gene('ALK', 'detected', true, { alteration: 'fusion' }),
    );
  });

  it('reads "KRAS non-G12C" as a KRAS mutation other than G12C, inside its cohort', () => {
    const c = readGolden('NCT05786924', 'Part 2A1');
    const kras = {
      any: [
        {
          all: [
            gene('KRAS', 'detected', true, { alteration: 'mutation' }),
            gene('KRAS', 'detected', false, { alteration: 'G12C' }),
          ],
        },
        unread('Part 2A1'),
      ],
    };
    expect(includes(c, kras)).toBe(true);
  });

  it('reads a germline carrier list and a wild-type list as both required', () => {
    const c = readGolden('NCT05232006', 'PALB2 germline');
    const carriers = {
      all: [
        gene('PALB2', 'detected', true, { alteration: 'mutation', origin: 'germline' }),
        { all: [gene('BRCA1', 'detected', false), gene('BRCA2', 'detected', false)] },
      ],
    };
    expect(includes(c, carriers, true)).toBe(true);
  });

  it('keeps an alternative it cannot name as unread, so the list cannot fail its carriers', () => {
    const c = readGolden('NCT05492682', 'Inoperable and/or advanced colorectal');
    expect(includes(c, { any: [gene('CTAG1B', 'positive', true), unread('MAGE-A3 expression')] })).toBe(true);
  });
});

describe('signatures and types', () => {
  it('reads MSI-H/dMMR as either signature, bound to the phase its heading names', () => {
    expect(readGolden('NCT05592626', 'MSI-H/dMMR')).toEqual({
      any: [{ any: [gene('MSI', 'high', true), gene('MMR', 'negative', true)] }, unread('For Phase 2')],
    });
  });

  it('reads TMB-H as TMB high, bound to the phase its heading names', () => {
    expect(readGolden('NCT05592626', 'High mutational burden')).toEqual({
      any: [gene('TMB', 'high', true), unread('For Phase 1')],
    });
  });

  it('reads an HLA allele in escaped Markdown', () => {
    expect(readGolden('NCT03686124', 'HLA-A')).toEqual(gene('HLA-A', 'positive', true, { alteration: '*02:01' }));
  });

  it('normalises a four-digit HLA allele written after the serotype', () => {
    expect(readGolden('NCT04729543', 'Patients must be HLA-A2')).toEqual(
      gene('HLA-A', 'positive', true, { alteration: '*02:01' }),
    );
  });

  it('reads an HLA allele list as alternatives', () => {
    expect(readGolden('NCT05296564', 'HLA-A')).toEqual({
      any: [
        gene('HLA-A', 'positive', true, { alteration: '*02:01' }),
        gene('HLA-A', 'positive', true, { alteration: '*02:06' }),
      ],
    });
  });

  it('reads a BCR::ABL1 level on the international scale', () => {
    expect(readGolden('NCT06427811', 'Six months after')).toEqual(value('BCR::ABL1', '% IS', 'greaterThan', 10));
  });
});

describe('statuses that must be known, and scoped requirements', () => {
  it('reads "status must be available" as any result at all', () => {
    expect(readGolden('NCT03340129', 'The BRAF mutation status')).toEqual({
      any: [
        gene('BRAF', 'detected', true, { alteration: 'mutation' }),
        gene('BRAF', 'detected', false, { alteration: 'mutation' }),
      ],
    });
  });

  it('binds a requirement under a cohort heading to that cohort only', () => {
    expect(readGolden('NCT05022342', 'Participants with confirmed positive PIK3CA')).toEqual({
      any: [gene('PIK3CA', 'detected', true, { alteration: 'mutation' }), unread('PART B')],
    });
  });

  it('reads a cohort-only absence under its heading as can-not-fail outside the cohort', () => {
    expect(readGolden('NCT05269381', 'No actionable EGFR mutations')).toEqual({
      any: [
        {
          all: [
            gene('EGFR', 'detected', false, { alteration: 'actionable mutation' }),
            gene('ALK', 'detected', false, { alteration: 'fusion' }),
          ],
        },
        unread('PHASE II PRE-SCREENING COHORT 4 ONLY'),
      ],
    });
  });

  it('reads a biomarker that only conditions a therapy requirement as if-then, never as a requirement', () => {
    const l = line('NCT05267626', 'Patients with BRAF mutations must either');
    const c = read(l.text, l.kind, l.context);
    expect(includes(c, gene('BRAF', 'detected', false, { alteration: 'mutation' }))).toBe(true);
    expect(includes(c, gene('BRAF', 'detected', true, { alteration: 'mutation' }))).toBe(false);
  });

  it('reads therapy for a HER2-positive disease in an exclusion as excluding only with that therapy', () => {
    const c = readGolden('NCT05894239', 'Any prior systemic non-hormonal');
    expect(includes(c, gene('ERBB2', 'positive', true))).toBe(true);
    expect(JSON.stringify(c)).toContain('"fact":"unparsed"');
  });
});

describe('hard negatives: the biomarker words are not a biomarker requirement', () => {
  const negatives: Array<[string, string]> = [
    ['NCT05070247', 'Participants are eligible regardless of PD-L1'],
    ['NCT03202316', 'Any estrogen receptor'],
    ['NCT03842943', 'BRAF mutant or wild type allowed'],
    ['NCT01898039', 'Melanoma can be of either mutant'],
    ['NCT04482309', 'HER2 expression scored'],
    ['NCT06112314', 'Hypersensitivity to IMC-F106C'],
    ['NCT06008288', 'Previously received a KRAS G12C inhibitor'],
    ['NCT04956640', 'Have received prior treatment with any KRAS G12C'],
    ['NCT05348876', 'Estimated glomerular filtration rate'],
    ['NCT04119024', 'Patients with ECG results'],
    ['NCT06151964', 'HR'],
    ['NCT04855435', 'With documented SD'],
    ['NCT03202316', 'History of severe allergic'],
    ['NCT03563729', 'Prior treatment with anti-PD-1/PD-L1'],
    ['NCT05296798', 'Prior treatment with a selective estrogen receptor degrader'],
    ['NCT06488482', 'Previous adjuvant treatment with BRAF + MEK'],
    ['NCT04045691', 'Previous treatment with a BRAF- and/or MEK'],
    ['NCT05859074', 'Patients who have failed prior anti-PD1'],
    ['NCT06594991', 'For Cohort B'],
    ['NCT04792463', 'Personal history of one cancer reported in BAP1'],
    ['NCT06079671', 'Provision of FFPE tumor sample'],
  ];
  it.each(negatives)('%s “%s…” has no biomarker leaf', (nctId, start) => {
    expect(hasBiomarker(readGolden(nctId, start))).toBe(false);
  });

  it('does not read the major molecular response (MMR) of CML as mismatch repair', () => {
    expect(JSON.stringify(readGolden('NCT06427811', 'At any time 12 months'))).not.toContain('"gene":"MMR"');
  });
});

describe('gene and marker lexicon (rules/genes.json)', () => {
  const lex = lexicons();
  const scan = (text: string): Array<[string, string]> =>
    lex.index
      .scan(text)
      .filter((m) => m.type === 'gene' || m.type === 'marker')
      .map((m) => [m.type, m.id]);

  it('loads through its zod schema with sources named', () => {
    const fresh = loadLexicons();
    expect(fresh.genes.genes.length).toBeGreaterThan(800);
    expect(fresh.genes.markers.length).toBeGreaterThan(30);
    expect(fresh.genes.sources.length).toBeGreaterThan(0);
  });

  it('maps HER2 spellings to the ERBB2 marker', () => {
    for (const t of ['HER2', 'HER-2', 'Her2/neu', 'human epidermal growth factor receptor 2', 'c-erbB-2']) {
      expect(scan(t)).toContainEqual(['marker', 'ERBB2']);
    }
  });

  it('maps receptor names, including British spelling, to ER / PR / HR', () => {
    expect(scan('oestrogen receptor')).toEqual([['marker', 'ER']]);
    expect(scan('progesterone receptor')).toEqual([['marker', 'PR']]);
    expect(scan('hormone receptor')).toEqual([['marker', 'HR']]);
  });

  it('expands a family name to every member gene', () => {
    expect(
      scan('BRCA')
        .map(([, id]) => id)
        .sort(),
    ).toEqual(['BRCA1', 'BRCA2']);
    expect(
      scan('NTRK')
        .map(([, id]) => id)
        .sort(),
    ).toEqual(['NTRK1', 'NTRK2', 'NTRK3']);
    expect(
      scan('RAS')
        .map(([, id]) => id)
        .sort(),
    ).toEqual(['HRAS', 'KRAS', 'NRAS']);
  });

  it('matches word-like symbols only as written', () => {
    expect(scan('MET exon 14')).toEqual([['gene', 'MET']]);
    expect(scan('criteria are met')).toEqual([]);
    expect(scan('eGFR above 60')).toEqual([]);
    expect(scan('Alk rearrangement')).toEqual([['gene', 'ALK']]);
  });

  it('drops aliases that are disease codes, words or protein changes', () => {
    expect(scan('HNPCC')).toEqual([]);
    expect(scan('G13')).toEqual([]);
    expect(scan('aromatase')).toEqual([]);
  });

  it('names a source for every curated marker', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(rulesDir(), 'genes.json'), 'utf8')) as {
      markers: Array<{ id: string; source?: string }>;
    };
    for (const m of raw.markers) expect([m.id, Boolean(m.source)]).toEqual([m.id, true]);
  });
});
