/**
 * How the assembler joins what the readers found (src/criteria/parse.ts):
 * - a member of a cancer-type list defined by a marker ("TNBC", "MSI-Hi tumors", "MSI-high or
 *   mismatch repair-deficient colorectal cancer") is one alternative of the list (typeListMembers).
 *   Read as a requirement beside the list, it asked every patient for it: a melanoma patient for
 *   MSI-high colorectal cancer;
 * - in an exclusion, unread words that narrow what was read ("… requiring corticosteroids") or are
 *   its exception ("… unless treated", "(except corneal transplant)") make the read part
 *   insufficient on its own (narrowingTail): the exception must be judged before anyone is excluded;
 *   so does an unread label that opens it and names whom it is for ("Phase 2: …") (leadingScope).
 * Real corpus lines, with lines that must keep their reading.
 */
import type { Condition, LeafCondition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { readRule, unparsed, cancerType as type } from '../support/criteria';

const marker = (gene: string, status: string, alteration?: string): Condition => ({
  fact: 'biomarker',
  operator: 'equal',
  value: true,
  params: alteration ? { gene, alteration, status } : { gene, status },
});
const tripleNegative: Condition = { all: [marker('ER', 'negative'), marker('PR', 'negative'), marker('ERBB2', 'negative')] };

describe('members of a cancer-type list defined by a marker', () => {
  it('reads TNBC in a list as triple-negative breast cancer, one alternative among the others (NCT05037825)', () => {
    expect(readRule('Diagnosed with stages I-IV primary NSCLC, MM, TNBC or RCC', 'inclusion').condition).toEqual({
      all: [
        { fact: 'stage', operator: 'equal', value: true, params: { groups: ['I', 'II', 'III', 'IV'] } },
        { any: [{ any: [type('NSCLC', 'RCC'), { all: [type('BREAST'), tripleNegative] }] }, unparsed('MM')] },
      ],
    });
  });

  it('reads TNBC as the last member of a list the same way (NCT06545682, NCT05070247)', () => {
    expect(readRule('patients must have histologically documented metastatic melanoma or TNBC that has progressed', 'inclusion').condition).toEqual({
      all: [
        { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
        { any: [type('MELANOMA'), { all: [type('BREAST'), tripleNegative] }] },
      ],
    });
    const rule = readRule('Mesothelioma, triple-negative breast cancer (TNBC), renal clear cell carcinoma (RCC) and nasopharyngeal carcinoma (NPC).', 'inclusion').condition;
    expect(rule).toEqual({ any: [type('MESOTHELIOMA', 'RCC', 'NPC'), { all: [type('BREAST'), tripleNegative] }] });
  });

  it('counts the marker of a member as read for the biomarker topic', () => {
    const [criterion] = parseCriteria('Inclusion Criteria:\n\n* Diagnosed with stages I-IV primary NSCLC, MM, TNBC or RCC');
    expect(criterion?.categoriesRead).toContain('biomarker');
  });

  it('reads a marker-defined tumour class written as the last item as one more alternative (NCT04787042)', () => {
    expect(readRule('Melanoma, RCC, TNBC, NSCLC, SCCHN, and MSI-Hi tumors', 'inclusion').condition).toEqual({
      any: [{ any: [type('MELANOMA', 'RCC', 'NSCLC', 'HNSC'), { all: [type('BREAST'), tripleNegative] }] }, marker('MSI', 'high')],
    });
  });

  it('keeps a marker with the cancer written right after it, as one member (NCT06362369)', () => {
    const line =
      'Patient has a histologically confirmed diagnosis of any of the following locally advanced or metastatic solid tumors: melanoma, pleural mesothelioma, renal cell carcinoma, MSI-high or mismatch repair-deficient colorectal cancer';
    const { condition } = readRule(line, 'inclusion');
    expect(JSON.stringify(condition)).toContain(
      JSON.stringify({ any: [type('MELANOMA', 'PLMESO', 'RCC'), { all: [{ any: [marker('MSI', 'high'), marker('MMR', 'negative')] }, type('CMC', 'COADREAD')] }] }),
    );
  });

  it('asks nothing of an example the umbrella type took in: "solid tumors, mainly but not limited to CRC, TNBC, melanoma" (NCT05746897)', () => {
    const { condition } = readRule(
      'Subjects with histologically or cytologically diagnosed unresectable locally advanced, or metastatic solid tumors, mainly but not limited to CRC, TNBC, melanoma, OC',
      'inclusion',
    );
    // TNBC read as ER-, PR- and HER2-negative had been required of every patient with a solid tumour.
    expect(JSON.stringify(condition)).not.toContain('"gene":"ER"');
    expect(JSON.stringify(condition)).toContain(JSON.stringify(type('SOLID')));
  });

  it('leaves a marker that qualifies the whole list as a requirement beside it', () => {
    expect(readRule('NSCLC, EGFR mutation positive', 'inclusion').condition).toEqual({
      all: [type('NSCLC'), marker('EGFR', 'detected', 'mutation')],
    });
    expect(readRule('HER2-positive breast cancer or gastric cancer', 'inclusion').condition).toEqual({
      all: [marker('ERBB2', 'positive'), type('BREAST', 'STAD')],
    });
    expect(readRule('Metastatic breast cancer, HER2-negative', 'inclusion').condition).toEqual({
      all: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } }, type('BREAST'), marker('ERBB2', 'negative')],
    });
  });
});

/** The stored rule of one exclusion line, partial assembly included. */
const exclusionRule = (line: string): unknown => parseCriteria(`Exclusion Criteria:\n\n* ${line}`)[0]?.rule;

describe('the conjunction of a list', () => {
  it('takes the list\'s written conjunction past phrases inside an item ("unresectable cholangiocarcinoma") (NCT05053230)', () => {
    const stage = (...groups: string[]): Condition => ({ fact: 'stage', operator: 'equal', value: true, params: { groups } });
    const unresectable: Condition = { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } };
    expect(
      readRule(
        'Patients with a diagnosis of Stage III or IV lung cancer; any stage pancreatic cancer, unresectable cholangiocarcinoma, or other stage IV gastrointestinal cancer',
        'inclusion',
      ).condition,
    ).toEqual({
      any: [
        { all: [stage('III', 'IV'), type('LUNG')] },
        type('PANCREAS'),
        { all: [unresectable, type('CHOL')] },
        { all: [stage('IV'), type('GI_CANCER')] },
      ],
    });
  });
});

describe('findings that fix the cancer to unrelated types', () => {
  // Every `all` of the rule: none may demand two unrelated cancer types of one patient.
  const conjoinedTypes = (c: Condition, out: string[][] = []): string[][] => {
    if ('all' in c) {
      const types = c.all.filter((x): x is LeafCondition => 'fact' in x && x.fact === 'cancerType' && x.value === true);
      if (types.length > 1) out.push(types.map((x) => String((x.params as { codes?: string[] } | undefined)?.codes)));
      c.all.forEach((x) => conjoinedTypes(x, out));
    } else if ('any' in c) c.any.forEach((x) => conjoinedTypes(x, out));
    return out;
  };

  it('are alternatives in an inclusion however the list is joined (NCT05053230)', () => {
    const { condition } = readRule(
      'Patients with a diagnosis of Stage III or IV lung cancer; any stage pancreatic cancer, unresectable cholangiocarcinoma, unresectable liver cancer, unresectable ampullary or peri-ampullary cancer, or other stage IV gastrointestinal cancer; stage III or IV ovarian or fallopian tube cancers or other stage IV gynecologic cancer; stage IV breast cancer; stage III testicular cancer or any stage IV genitourinary cancer; stage IV sarcoma; stage IV melanoma; stage IV endocrine cancer; lymphoma, myeloma, or Leukemia',
      'inclusion',
    );
    // "…; stage IV sarcoma; stage IV melanoma; …" had been all(sarcoma, melanoma, lymphoma or leukaemia).
    expect(conjoinedTypes(condition as Condition)).toEqual([]);
  });

  it('keeps a type that narrows another joined to it: "RCC: … clear cell RCC" (NCT06839105)', () => {
    expect(readRule('RCC: Histologically confirmed metastatic or unresectable clear cell RCC', 'inclusion').condition).toEqual({
      all: [
        type('RCC'),
        {
          any: [
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
            { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } },
          ],
        },
        type('CCRCC'),
      ],
    });
  });
});

describe('a conjunction no patient could satisfy', () => {
  it('leaves both findings unread: subgroups told apart by PD-L1 < 1% and > 1% (NCT06880198)', () => {
    const r = readRule(
      'PD-L1 evaluation and as per standard clinical practice, patients with PD-L1 \\< 1% will be treated with anti PD1 based regimen and patients with PD-L1\\>1% will be treated with anti-PD1 in monotherapy;',
      'inclusion',
    );
    // all(PD-L1 < 1, PD-L1 > 1) had failed every patient.
    expect(JSON.stringify(r.condition ?? {})).not.toContain('biomarkerValue');
    expect(r.unread).toContain('PD-L1 < 1%');
  });

  it('leaves a cancer read both ways unread and keeps the rest (NCT05403177)', () => {
    const r = readRule(
      'Patients with histological and/or cytological confirmation of blood or solid tumor malignancies. For tumour types where pre-surgical biopsy is not routinely performed to confirm a pathologic diagnosis of cancer, patients may consent to this protocol, but eligibility must be confirmed after pathology is finalized demonstrating presence of malignancy',
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('ANY_CANCER');
    expect(JSON.stringify(r.condition)).toContain(JSON.stringify(type('SOLID')));
  });
});

describe('an exclusion whose unread words narrow what was read', () => {
  it('excludes only with the narrowing clause, not on the read words alone (NCT01898039, NCT05909618)', () => {
    expect(exclusionRule('Active brain metastases requiring corticosteroids.')).toEqual({
      all: [{ fact: 'brainMetastases', operator: 'in', value: ['active'] }, unparsed('requiring corticosteroids')],
    });
    expect(exclusionRule('Auto-immune disease in the last 2 years requiring systemic immune-suppressive therapy.')).toEqual({
      all: [
        { fact: 'condition', operator: 'equal', value: true, params: { names: ['autoimmune_disease'], withinYears: 2 } },
        unparsed('requiring systemic immune-suppressive'),
      ],
    });
  });

  it('excludes only with the exception judged when the unread words are the exception (NCT07400302, NCT06109779)', () => {
    const transplant = (names: string[]): Condition => ({ fact: 'condition', operator: 'equal', value: true, params: { names } });
    expect(exclusionRule('Known history of organ transplantation (except corneal transplant) or hematopoietic stem cell transplant.')).toEqual({
      all: [{ any: [transplant(['organ_transplant']), transplant(['stem_cell_transplant'])] }, unparsed('corneal transplant')],
    });
    expect(exclusionRule('Active HBV or HCV infection unless treated.')).toEqual({
      all: [{ fact: 'condition', operator: 'equal', value: true, params: { names: ['hbv', 'hcv'], active: true } }, unparsed('treated')],
    });
  });

  it('reads "not including" as an exception (NCT06359860)', () => {
    expect(
      exclusionRule(
        'Subjects with ≥ Grade 2 (by CTCAE) toxicities caused by previous therapy (not including ≤Grade 2 peripheral neuropathy, alopecia, or other tolerated and no possible safety hazard events as determined by the investigator);',
      ),
    ).toEqual({
      all: [
        { fact: 'attestation', operator: 'equal', value: false, params: { topic: 'toxicity_recovered' } },
        unparsed('2 peripheral neuropathy, alopecia, or other tolerated and no possible safety hazard events'),
      ],
    });
  });

  it('excludes only those the unread label opening it names (NCT04613596), not when the label names a condition it defines (NCT05039801)', () => {
    expect(exclusionRule('Phase 2: Active brain metastases')).toEqual({
      all: [{ ...unparsed('Phase 2'), params: { text: 'Phase 2', subgroup: true } }, { fact: 'brainMetastases', operator: 'in', value: ['active'] }],
    });
    const hypotension = exclusionRule('Uncontrolled hypotension: SBP \\<90 mmHg and/or DBP \\<50 mmHg.') as Condition;
    expect('any' in hypotension).toBe(true);
  });

  it('keeps unread words after "or" as an alternative that excludes on its own', () => {
    const rule = exclusionRule(
      'Subject has received an investigational product or been treated with an investigational device within 30 days prior to first administration of study medication.',
    ) as Condition;
    expect('any' in rule).toBe(true);
  });
});

describe('a cancer type had within a period, in an exclusion', () => {
  it('excludes only with the period judged: the patient’s own cancer now is not a cancer "within the past five years" (NCT05955924)', () => {
    expect(readRule('Hematologic malignancy within the past five years', 'exclusion').condition).toEqual({
      all: [type('HEME'), unparsed('within the past five years')],
    });
  });
});

describe('an exclusion that would exclude the whole population the inclusion requires', () => {
  it('excludes its cancer only with its words judged (NCT07530887, NCT05877430)', () => {
    const [, melanoma] = parseCriteria(
      ['Inclusion Criteria:', '', '* Histologically confirmed cutaneous melanoma', '', 'Exclusion Criteria:', '', '* Melanoma removed by shave excision, excogliation or core biopsy'].join('\n'),
    );
    // any(melanoma, unread) had excluded every melanoma patient.
    expect(melanoma!.rule).toEqual({
      any: [{ all: [type('MELANOMA'), unparsed('Melanoma removed by shave excision, excogliation or core biopsy')] }, unparsed('removed by shave excision, excogliation or core')],
    });
    const [, nasopharynx] = parseCriteria(['Inclusion Criteria:', '* Recurrent or metastatic HNSCC', 'Exclusion Criteria:', '* HNSCC subjects with nasopharyngeal cancer'].join('\n'));
    expect(nasopharynx!.status).toBe('partial');
    expect(JSON.stringify(nasopharynx!.rule)).toContain('"unparsed"');
  });

  it('leaves a type below the included one to narrow as written: uveal melanoma in a melanoma trial', () => {
    const [, uveal] = parseCriteria(['Inclusion Criteria:', '* Histologically confirmed melanoma', 'Exclusion Criteria:', '* Uveal melanoma'].join('\n'));
    expect(JSON.stringify(uveal!.rule)).not.toContain('"unparsed"');
  });
});
