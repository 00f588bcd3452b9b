/**
 * Metastases only in the brain, and cancer-type wordings added to the lexicon (mature B-ALL,
 * B-ALL / T-ALL / ETP-ALL, biliary tract adenocarcinoma). Real corpus lines, with the readings they
 * must and must not get.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule } from '../support/criteria';

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });
const type = (...codes: string[]): Condition => ({ fact: 'cancerType', operator: 'equal', value: true, params: { codes } });
const noExtracranial: Condition = { fact: 'metastasisCount', operator: 'equal', value: 0, params: { site: 'extracranial' } };

describe('metastases only in the brain', () => {
  it('reads brain metastases with none outside the brain (NCT04498767)', () => {
    expect(readRule('Brain metastases only, without extra-cerebral metastases', 'exclusion')).toEqual({
      condition: { all: [bm('active', 'treated-stable'), noExtracranial] },
      unread: '',
    });
  });

  it('reads "distant metastases only located in the CNS" the same, not as any distant metastasis (NCT05229614)', () => {
    const r = readRule('Patients with distant metastases only located in the CNS are excluded', 'exclusion');
    expect(r).toEqual({ condition: { all: [bm('active', 'treated-stable'), noExtracranial] }, unread: '' });
    expect(JSON.stringify(r.condition)).not.toContain('diseaseExtent');
  });

  it('does not read "… are excluded" as a requirement in an inclusion', () => {
    const r = readRule('Patients with distant metastases only located in the CNS are excluded', 'inclusion');
    expect(JSON.stringify(r.condition)).not.toContain('metastasisCount');
  });
});

describe('cancer-type wordings', () => {
  it('reads mature B-ALL as Burkitt leukaemia, not B-lymphoblastic leukaemia (NCT05512169)', () => {
    expect(readRule('Patients with mature B-ALL', 'exclusion')).toEqual({ condition: type('BL'), unread: '' });
  });

  it('reads T-ALL with its ETP-ALL example (NCT07021677)', () => {
    expect(readRule('Baseline diagnosis of T-ALL, including ETP-ALL', 'inclusion')).toEqual({
      condition: type('TLL'),
      unread: '',
    });
  });

  it('reads adenocarcinoma of the biliary tract, its examples and margin left unread (NCT06109779)', () => {
    const r = readRule(
      'Histologically confirmed adenocarcinoma of the biliary tract (intrahepatic or extrahepatic cholangiocarcinoma (CCA) or muscle invasive gallbladder cancer (GBC)) after macroscopically complete resection (R0 or R1)',
      'inclusion',
    );
    expect(r.condition).toEqual(type('BILIARY_TRACT'));
    expect(r.unread).toContain('muscle invasive gallbladder cancer');
  });
});

describe('an excluded extent before a list that shares its head', () => {
  // Constructed from the corpus form "metastatic uveal melanoma" with a second member: the list
  // member the head "melanoma" was distributed to is part of the cancer mention, not an unread
  // narrowing tail of "metastatic".
  it('reads "metastatic uveal or mucosal melanoma" without an unknown tail', () => {
    expect(readRule('Patients with metastatic uveal or mucosal melanoma.', 'exclusion').condition).toEqual({
      all: [{ fact: 'diseaseExtent', operator: 'equal', value: true, params: { extent: 'metastatic' } }, type('MUCOSAL_MELANOMA', 'UM')],
    });
  });
});

describe('a lower bound on the number of brain metastases in an exclusion', () => {
  it('reads "> 3 brain metastasis" as the count with nothing left unread (NCT05144867)', () => {
    expect(readRule('\\>3 brain metastasis', 'exclusion')).toEqual({
      condition: {
        all: [{ fact: 'metastasisCount', operator: 'greaterThan', value: 3, params: { site: 'brain' } }, bm('active', 'treated-stable')],
      },
      unread: '',
    });
  });
});

describe('"from stage X"', () => {
  const stage = (...groups: string[]): Condition => ({ fact: 'stage', operator: 'equal', value: true, params: { groups } });

  it('reads the stage and every later one (NCT06980740)', () => {
    expect(readRule('Malignant melanoma from stage IIB', 'inclusion')).toEqual({
      condition: { all: [type('MELANOMA'), stage('IIB', 'IIC', 'III', 'IV')] },
      unread: '',
    });
  });

  it('does not read the stages a recurrence came from (NCT06194448)', () => {
    const r = readRule(
      "Patients who had recurred from Stage I/II/III after complete surgery or had gross incomplete resections can be included if they didn't receive treatment with any chemotherapy, radiation therapy, immunotherapy, targeted therapy, or investigational agents.",
      'inclusion',
    );
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"stage"');
  });
});
