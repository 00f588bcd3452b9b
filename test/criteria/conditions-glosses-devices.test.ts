/**
 * Condition readings of this round: viral infections defined by a gloss of their tests ("active
 * hepatitis B (defined as HBsAg reactive and/or detectable HBV DNA)"), testing notes that say when
 * a test is due ("not required unless known history of HBV"), implanted electronic devices,
 * cancer-related pain, kinds of a condition ("hemodynamically significant") and windows anchored on
 * "this trial". Real corpus lines, with the readings they must not get.
 */
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { cond, readRule, unparsed } from '../support/criteria';

const E = (text: string, context: string[] = []) => readRule(text, 'exclusion', context);
const I = (text: string, context: string[] = []) => readRule(text, 'inclusion', context);

/** The condition leaves of a rule, as their params. */
const conditionParams = (text: string, kind: 'inclusion' | 'exclusion' = 'exclusion') => {
  const c = readRule(text, kind).condition;
  return c ? leavesOf(c).filter((l) => l.fact === 'condition').map((l) => l.params) : [];
};

describe('viral infections defined by a gloss of their tests', () => {
  it('reads the definition of the active form as that form, with no finding of its own', () => {
    expect(
      E(
        'Concurrent active Hepatitis B (defined as HBsAg positive and/or detectable HBV DNA) and Hepatitis C virus (defined as anti-HCV Ab positive and detectable HCV RNA) infection.',
      ),
    ).toEqual({ condition: cond({ names: ['hbv', 'hcv'], active: true }), unread: '' });
  });

  it('reads an acronym-led gloss ("HBV; defined as …") and one after "(HCV)"', () => {
    const text =
      'Has known active hepatitis B virus (HBV; defined as hepatitis B surface antigen [HBsAg] reactive and/or detectable HBV DNA) or known active hepatitis C virus (HCV) (defined as anti HCV Ab positive and detectable HCV ribonucleic acid [RNA] [qualitative]) infection.';
    expect(E(text)).toEqual({
      condition: { any: [cond({ names: ['hbv'], active: true }), cond({ names: ['hcv'], active: true })] },
      unread: '',
    });
  });

  it('never reads any history of hepatitis B out of the markers inside a gloss', () => {
    // Before, "HBsAg" inside the gloss was a finding of its own: condition(hbv) with no `active`,
    // which excluded patients with a resolved infection the text does not exclude.
    for (const text of [
      'Active Hepatitis B (defined as Hepatitis B surface antigen [HBsAg] reactive) or Hepatitis C virus (defined as HCV RNA [qualitative] is detected) infection.',
      'Patients with active hepatitis B (defined as having a positive hepatitis B surface antigen [HBsAg] test at screening) or active C hepatitis or active HIV;',
    ]) {
      const hbv = conditionParams(text).filter((p) => (p as { names: string[] }).names.includes('hbv'));
      expect(hbv).toEqual([expect.objectContaining({ active: true })]);
    }
  });

  it('leaves the gloss of a plain history unread, beside the history it defines', () => {
    expect(E('History of HBV (defined as HBV surface antigen reactive) or active HCV.')).toEqual({
      condition: { any: [cond({ names: ['hbv'] }), cond({ names: ['hcv'], active: true })] },
      unread: 'HBV surface antigen reactive',
    });
  });

  it('reads no requirement of a negative history out of an inclusion gloss', () => {
    const text =
      'Patients must be seronegative for active hepatitis B (defined as having a negative hepatitis B surface antigen [HBsAg] test), and seronegative for hepatitis C antibody.';
    const hbv = conditionParams(text, 'inclusion').filter((p) => (p as { names: string[] }).names.includes('hbv'));
    expect(hbv).toEqual([{ names: ['hbv'], active: true }]);
  });
});

describe('testing notes', () => {
  it.each([
    'Concurrent active Hepatitis B (defined as HBsAg positive and/or detectable HBV DNA) and Hepatitis C virus (defined as anti-HCV Ab positive and detectable HCV RNA) infection.\n\nNote: Hepatitis B and C screening tests are not required unless:\n\nKnown history of HBV and HCV infection As mandated by local health authority',
    'Has known active hepatitis B virus (HBV; defined as hepatitis B surface antigen [HBsAg] reactive and/or detectable HBV DNA) or known active hepatitis C virus (HCV) (defined as anti HCV Ab positive and detectable HCV ribonucleic acid [RNA] [qualitative]) infection.\n\nNote: Testing for hepatitis B and hepatitis C is not required unless\n1. Known history of HBV or HCV infection\n2. Mandated by local health authority. Patients with a history of hepatitis will be screened using serology to confirm status.',
  ])('excludes no history named where a test is due: %s', (text) => {
    // Only the active infections the exclusion names; "known history" says when to test.
    for (const p of conditionParams(text)) expect(p).toEqual(expect.objectContaining({ active: true }));
  });
});

describe('chronic viral infections allowed when controlled', () => {
  it('reads "must have no detectable viral load" as the active infection excluded', () => {
    const r = I(
      'Participants with a history of hepatitis C virus (HCV) infection must have no detectable viral load within 28 days prior to step 1 registration',
    );
    expect(r).toEqual({ condition: cond({ names: ['hcv'], active: true }, false), unread: '28 … step 1' });
  });
});

describe('implanted electronic devices', () => {
  const lex = lexicons();

  it('codes the devices by ICD-10-CM, the pacemaker and defibrillator under the device', () => {
    expect(lex.conditionById.get('implanted_electronic_device')?.icd10).toContain('Z96.82');
    expect(lex.conditionById.get('cardiac_pacemaker')?.parents).toEqual(['implanted_electronic_device']);
    expect(lex.conditionById.get('implantable_cardioverter_defibrillator')?.icd10).toEqual(['Z95.810']);
    expect(lex.conditionById.get('neurostimulator')?.parents).toEqual(['implanted_electronic_device']);
  });

  it('reads the presence of electronic implants', () => {
    expect(E('The presence of electronic medical device implants')).toEqual({
      condition: cond({ names: ['implanted_electronic_device'] }),
      unread: '',
    });
  });

  it('keeps a site as a narrowing leaf beside the device, so a pacemaker does not exclude', () => {
    expect(E('Implanted electronic devices in the brain')).toEqual({
      condition: { all: [cond({ names: ['implanted_electronic_device'] }), unparsed('in the brain')] },
      unread: '',
    });
  });

  it('reads implantable cardioverter defibrillators beside pacemakers', () => {
    const text =
      'Atrial or ventricular arrhythmias, including atrial fibrillation, ventricular tachycardia. Patients with pacemakers or ICDs (implantable cardioverter defibrillators) are excluded.';
    expect(conditionParams(text)).toContainEqual({ names: ['implantable_cardioverter_defibrillator'] });
  });

  it.each(['Implanted device that precludes the use of MRI.', 'Metal implants that are not compatible with 7 Tesla MRI', 'Breast reconstruction using implants'])(
    'reads no electronic device in %s',
    (text) => {
      expect(conditionParams(text)).toEqual([]);
    },
  );
});

describe('cancer-related pain', () => {
  it.each(['Uncontrolled pain related to tumor', 'Uncontrolled tumor-related pain.'])('reads %s', (text) => {
    expect(E(text)).toEqual({ condition: cond({ names: ['cancer_pain'], active: true }), unread: '' });
  });

  it('reads no cancer pain out of a bone-pain exception or a pain score', () => {
    expect(
      conditionParams(
        'Radiotherapy within 2 weeks of the first dose of study drug, with the exception of palliative radiotherapy to a limited field, such as for the treatment of bone pain or a focally painful tumor mass.',
      ),
    ).toEqual([]);
    expect(conditionParams('The pain due to the target lesion must be at least 4/10 based on the BPI pain scale', 'inclusion')).toEqual([]);
  });
});

describe('kinds of a condition and windows on this trial', () => {
  it('keeps "hemodynamically significant" beside the embolism it narrows', () => {
    expect(E('Active, hemodynamically significant pulmonary embolism within 12 weeks prior to enrollment on this trial.')).toEqual({
      condition: {
        all: [cond({ names: ['pulmonary_embolism'], active: true, withinYears: 0.23 }), unparsed('hemodynamically significant')],
      },
      unread: '',
    });
  });

  it('reads a window anchored on enrollment "on this trial"', () => {
    expect(E('Active pulmonary embolism within 12 weeks prior to enrollment on this trial.')).toEqual({
      condition: cond({ names: ['pulmonary_embolism'], active: true, withinYears: 0.23 }),
      unread: '',
    });
  });
});

describe('heart rhythm wordings', () => {
  it('reads a prolonged corrected QTc interval as the long QT condition', () => {
    expect(E('History of prolonged corrected QTc interval')).toEqual({ condition: cond({ names: ['long_qt_syndrome'] }), unread: '' });
  });
});

describe('effects a medication may have', () => {
  it.each([
    'Ongoing treatment with concomitant medication known to cause prolonged QTc interval and that cannot be switched to alternative treatment prior to study entry.',
    'Use of drugs that may cause QT prolongation.',
  ])('reads no condition of the patient out of %s', (text) => {
    expect(conditionParams(text)).toEqual([]);
  });

  it('keeps the patient’s own QT prolongation but not the arrhythmia a medication may cause', () => {
    const text =
      'History of QT prolongation associated with other medications that required discontinuation of that medication, or any current concomitant medication known to prolong the QT interval and cause Torsades de Pointes.';
    expect(conditionParams(text)).toEqual([{ names: ['long_qt_syndrome'] }]);
  });
});
