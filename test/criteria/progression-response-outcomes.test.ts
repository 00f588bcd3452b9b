/**
 * How the disease behaved on an earlier treatment, in phrasings the therapy readers used to leave
 * unread: how it answered ("Stable or responding disease after chemoradiation"), progression "of" the
 * cancer named ("progression of melanoma while on …") and progression said to be documented before its
 * time ("Progressive disease has been documented within 12 weeks from the last dose of …"). Every line
 * is verbatim from the oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { leavesOf } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { judgeRecord, readRule, therapy, unparsed as unread } from '../support/criteria';

describe('how the disease answered an earlier treatment', () => {
  it('reads stable or responding disease as either outcome of the treatment (NCT45678901 i5)', () => {
    const { condition } = readRule('Stable or responding disease after chemoradiation', 'inclusion');
    // Chemoradiation is read as either kind; given together is more than that, so it stays unread beside.
    expect(condition).toEqual({
      all: [
        {
          any: [
            therapy({ kinds: ['chemotherapy', 'radiation'], outcome: 'stable' }),
            therapy({ kinds: ['chemotherapy', 'radiation'], outcome: 'response' }),
          ],
        },
        unread('chemoradiation'),
      ],
    });
    expect(parseCriteria('Inclusion Criteria:\n\n* Stable or responding disease after chemoradiation')[0]!.status).toBe('partial');
  });

  it('keeps a depth of response and the length of treatment as unread leaves beside the outcomes (NCT06214572 i7)', () => {
    const { condition } = readRule(
      'Stable disease or partial response (RECIST 1.1) after initial 3 months of Gemcitabine based chemotherapy',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [
        {
          any: [
            therapy({ drugs: ['gemcitabine'], outcome: 'stable' }),
            { all: [therapy({ drugs: ['gemcitabine'], outcome: 'response' }), unread('partial response')] },
          ],
        },
        unread('initial 3 months of'),
      ],
    });
  });

  it('reads a bare neoadjuvant therapy as drugs or radiation, never drugs alone (NCT06631443 i6)', () => {
    const { condition } = readRule('Complete or near complete clinical response after neoadjuvant therapy', 'inclusion');
    expect(condition).toEqual({
      all: [
        therapy({ kinds: ['systemic', 'radiation'], setting: 'neoadjuvant', outcome: 'response' }),
        unread('Complete or near complete clinical response'),
      ],
    });
    // Short-course radiotherapy before surgery, with a response: the text admits the patient, so the
    // reading must not fail them (the depth stays unknown).
    const rt = { treatments: [{ name: 'radiotherapy', kind: 'radiation' as const, setting: 'neoadjuvant', start: '2025-01-10', outcome: 'response' as const }] };
    expect(judgeRecord(condition!, rt)).not.toBe(false);
    const none = { treatments: [{ name: 'radiotherapy', kind: 'radiation' as const, setting: 'neoadjuvant', start: '2025-01-10', outcome: 'progression' as const }] };
    expect(judgeRecord(condition!, none)).toBe(false);
  });

  it('does not read a patient stable on a non-cancer medicine as an outcome (NCT06194448 i13)', () => {
    const { condition } = readRule('Stable for at least 4 weeks on the same anti-HIV medications', 'inclusion');
    expect(leavesOf(condition ?? { all: [] }).some((l) => (l.params as { outcome?: string } | undefined)?.outcome)).toBe(false);
  });

  it('does not read the answer of a condition to supportive care (a constructed guard, no corpus line)', () => {
    expect(leavesOf(readRule('Response to steroids', 'inclusion').condition ?? { all: [] }).filter((l) => l.fact === 'priorTherapy')).toEqual([]);
  });
});

describe('progression of the cancer named', () => {
  it('reads "progression of melanoma while on X" as progression on X (NCT01638676 e3)', () => {
    expect(readRule('Previous progression of melanoma while on Metformin;', 'exclusion')).toEqual({
      condition: therapy({ drugs: ['metformin'], outcome: 'progression' }),
      unread: '',
    });
  });
});

describe('progression said to be documented before its time', () => {
  it('reads progression on the treatment with the time unread, never a current status (NCT06906822 i8)', () => {
    const { condition } = readRule(
      'Progressive disease / recurrence has been documented within 12 weeks from the last dose of anti-PD-1/L1 mAb.',
      'inclusion',
    );
    expect(condition).toEqual({
      all: [therapy({ classes: ['anti_pd1_pdl1'], outcome: 'progression' }), unread('within 12 weeks from the last dose of')],
    });
    expect(leavesOf(condition!).some((l) => l.fact === 'diseaseStatus')).toBe(false);
  });

  it('leaves two alternative times unread rather than require either (NCT07634380 i3)', () => {
    const { condition } = readRule(
      'Progressive disease has been documented within 12 weeks from last dose of anti-PD-1/PD-L1 mAb (refractory disease) or ≥12 weeks from last dose of anti-PD-1/PD-L1 mAb (late relapse)',
      'inclusion',
    );
    expect(leavesOf(condition ?? { all: [] }).some((l) => l.fact === 'diseaseStatus')).toBe(false);
  });
});
