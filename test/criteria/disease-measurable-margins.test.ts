/**
 * Measurable disease stated in RECIST's own definition words, resection margins given as a class
 * in brackets, and cancer names written with their bracketed abbreviation ("central nervous system
 * (CNS) tumors"), on real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const measurable: Condition = { fact: 'measurableDisease', operator: 'equal', value: true };
const margin = (values: string[]): Condition =>
  values.length === 1
    ? { fact: 'resectionMargin', operator: 'equal', value: values[0]! }
    : { fact: 'resectionMargin', operator: 'in', value: values };
const cancer = (codes: string[], value = true): Condition => ({
  fact: 'cancerType',
  operator: 'equal',
  value,
  params: { codes },
});

describe('measurable disease in RECIST definition words', () => {
  // The RECIST 1.1 size rule itself (≥ 10 mm, nodes ≥ 15 mm in short axis) restates what measurable means and is read with it.
  it('reads "a lesion that can be accurately measured" as measurable disease, with the RECIST size rule', () => {
    const r = readRule(
      'At least one lesion that can be accurately measured at baseline as ≥ 10 mm in the longest diameter (except lymph nodes, which must have short axis ≥ 15 mm) with CT or MRI and is suitable for accurate repeated measurements.',
      'inclusion',
    );
    expect(r.condition).toEqual(measurable);
    expect(r.unread).toBe('');
  });

  it('keeps a stricter size threshold and a site qualifier unread beside measurable disease', () => {
    const r = readRule(
      'Extra skeletal disease that can be accurately measured in at least one dimension as \\>= 20 mm with conventional CT techniques or \\>= 10 mm with spiral CT scan',
      'inclusion',
    );
    expect(r.condition).toEqual(measurable);
    expect(r.unread).toContain('Extra skeletal');
    expect(r.unread).toContain('20 mm with conventional CT');
  });

  it('reads a measurable parameter per RECIST and a measurable lymph node as measurable disease', () => {
    const p = readRule('At least one measurable parameter in accordance with RECIST 1.1 -criteria (excluding lesion to be resected).', 'inclusion');
    expect(p.condition).toEqual(measurable);
    expect(p.unread).toBe('lesion to be resected');
    const n = readRule(
      'Have at least one radiologically measurable lymph node or extranodal lymphoid malignant lesion as assessed by computed tomography (CT) or magnetic resonance imaging (MRI);',
      'inclusion',
    );
    // The extranodal lesion is another way in, unread.
    expect(n.condition).toEqual({ any: [measurable, expect.objectContaining({ fact: 'unparsed' })] });
    expect(JSON.stringify(n.condition)).toContain('extranodal lymphoid malignant lesion');
  });

  it('does not require measurable disease that the criterion calls preferred but not required', () => {
    const r = readRule(
      'Patients must have measurable disease as defined by Response Evaluation Criteria in Solid Tumors (RECIST) 1.1 criteria, i.e., at least one lesion that can be accurately measured in at least one dimension (longest diameter to be recorded for non-nodal lesions and short axis for nodal lesions) as \\>= 20 mm by chest x-ray or as \\>= 10 mm with CT scan, magnetic resonance imaging (MRI), or calipers by clinical exam is preferred, but not required',
      'inclusion',
    );
    expect(r.condition).toBeNull();
  });
});

describe('resection margins named by class', () => {
  it('reads "incomplete resection of the primary tumor (≥ R1)" as R1 or R2, one reading for the phrase and its bracket', () => {
    expect(readRule('Macroscopic incomplete resection of the primary tumor (≥ R1)', 'exclusion')).toEqual({
      condition: margin(['R1', 'R2']),
      unread: '',
    });
  });

  it('does not read a margin that the criterion only allows', () => {
    const r = readRule(
      "Patients who had recurred from Stage I/II/III after complete surgery or had gross incomplete resections can be included if they didn't receive treatment with any chemotherapy, radiation therapy, immunotherapy, targeted therapy, or investigational agents.",
      'inclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('resectionMargin');
  });
});

describe('cancer names written with a bracketed abbreviation', () => {
  it('reads primary central nervous system (CNS) tumours and malignancies as CNS/brain cancer', () => {
    expect(readRule('Primary central nervous system (CNS) tumors', 'exclusion')).toEqual({ condition: cancer(['BRAIN']), unread: '' });
    expect(readRule('Primary central nervous system (CNS) malignancy.', 'exclusion')).toEqual({ condition: cancer(['BRAIN']), unread: '' });
  });

  it('negates a CNS item under a heading that lists excluded tumour types', () => {
    expect(readRule('Central nervous system (CNS) malignancies', 'inclusion', ['The following tumor types are excluded']).condition).toEqual(
      cancer(['BRAIN'], false),
    );
  });

  it('reads gastric / gastroesophageal (GE) junction adenocarcinoma as esophagogastric adenocarcinoma', () => {
    expect(readRule('Patients with resectable gastric / gastroesophageal (GE) junction adenocarcinoma.', 'exclusion').condition).toEqual({
      all: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'resectable' } }, cancer(['EGC'])],
    });
  });

  it('leaves "CNS malignancy or metastasis" to the brain-metastasis reading, with no cancer type joined to it', () => {
    expect(readRule('Symptomatic central nervous system (CNS) malignancy or metastasis', 'exclusion').condition).toEqual({
      fact: 'brainMetastases',
      operator: 'in',
      value: ['active'],
    });
  });
});

describe('stage findings that cannot hold at once', () => {
  const stage = (groups: string[]): Condition => ({ fact: 'stage', operator: 'equal', value: true, params: { groups } });

  it('reads two stage phrases of one criterion as alternatives, never as both', () => {
    expect(readRule('Evidence of unresectable stage II disease; stage III or stage IV disease', 'inclusion')).toEqual({
      condition: {
        any: [
          { all: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'unresectable' } }, stage(['II'])] },
          stage(['III', 'IV']),
        ],
      },
      unread: '',
    });
  });

  it('joins a required stage list and the stages a later sentence allows into one alternative', () => {
    const r = readRule(
      'Radical surgery for CMM (including acral) stage IIb-c, III (including in transit) and IV. Stage III CMM patients with unknown primary and stage IIb-c CMM patients who have not undergone sentinel node procedure are eligible.',
      'inclusion',
    );
    expect(r.condition).toEqual({ any: [stage(['IIB', 'IIC', 'III', 'IV']), stage(['III']), stage(['IIB', 'IIC'])] });
  });

  it('leaves stage alternatives joined by "or" to the assembler, which pairs each with its own words', () => {
    const r = readRule(
      'Stage III unresectable or histologically confirmed stage IV cutaneous melanoma (melanoma of unknown origin is accepted), treatment naïve (metastatic stage) and for which immunotherapy will be started',
      'inclusion',
    );
    // (The naive requirement, "treatment naïve (metastatic stage)", joins the stage IV alternative it follows.)
    expect(JSON.stringify(r.condition)).toContain(
      JSON.stringify({
        all: [
          stage(['IV']),
          { fact: 'cancerType', operator: 'equal', value: true, params: { codes: ['MEL'] } },
          { fact: 'priorTherapy', operator: 'equal', value: false, params: { kinds: ['systemic'], setting: 'metastatic' } },
          { fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } },
        ],
      }),
    );
  });

  it('does not read "stage II of the protocol" as a cancer stage', () => {
    const r = readRule(
      'Participants registered during stage II of the protocol must have received assignment to an open cohort from the SWOG Statistics and Data Management Center based on their biomarker screening profile (not applicable for patients registered during stage I of the protocol)',
      'inclusion',
    );
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"stage"');
  });
});

describe('response categories by abbreviation', () => {
  it('reads "SD/PD according to RECIST" as the stable or progressing status', () => {
    expect(readRule('Patients with SD/PD according to RECIST v1.1', 'exclusion')).toEqual({
      condition: { fact: 'diseaseStatus', operator: 'in', value: ['stable', 'progressing'] },
      unread: '',
    });
  });

  it('does not read a bound on the response ("less than a CR") as that response', () => {
    const r = readRule('Patients must have experienced less than a CR (according to Lugano criteria) to anti- PD-1 treatment', 'inclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('diseaseStatus');
  });

  it('does not read an abbreviation that no response criteria follow', () => {
    const r = readRule(
      'for patients with PR on a diagnostic CT at response evaluation, a low-dose CT (which is usually part of 18FDG-PET/CT) is allowed if sufficient target lesions are measurable for response evaluation according to RECIST v1.1 criteria 30',
      'inclusion',
    );
    expect(JSON.stringify(r.condition ?? null)).not.toContain('diseaseStatus');
  });
});
