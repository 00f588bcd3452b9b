/**
 * How an earlier treatment ended: intolerance, a stop for toxicity, a stop for progression
 * (therapy-outcomes.ts, with therapy.ts's outcome cues). Verbatim corpus lines with the readings they
 * must get, and lines that must stay unread because a reading would drop an alternative or a condition.
 */
import { attestationTopics, readRule, therapy, unparsed } from '../support/criteria';

const intolerant = (params: Record<string, unknown>) => therapy({ ...params, outcome: 'intolerance' });
const progressed = (params: Record<string, unknown>) => therapy({ ...params, outcome: 'progression' });

describe('a treatment said to have been intolerable', () => {
  it('reads "X was intolerable and required discontinuation" as intolerance of X', () => {
    expect(
      readRule(
        'Prior anti-LAG-3 and/or anti-PD-1 therapy was intolerable and required discontinuation of treatment',
        'exclusion',
      ),
    ).toEqual({
      condition: intolerant({ classes: ['anti_lag3', 'anti_pd1'] }),
      unread: '',
    });
  });
});

describe('a treatment stopped for its harms', () => {
  it('reads a stop for drug-related toxicity as intolerance', () => {
    expect(
      readRule('Patients who have permanently discontinued immunotherapy due to drug related toxicity.', 'exclusion'),
    ).toEqual({
      condition: intolerant({ kinds: ['immunotherapy'] }),
      unread: '',
    });
  });

  it('keeps a severity the outcome cannot hold as an unread qualifier beside it', () => {
    const r = readRule('Discontinuation of prior anti-PD-1 therapy due to grade 3 or 4 toxicities.', 'exclusion');
    expect(r.condition).toEqual({ all: [intolerant({ classes: ['anti_pd1'] }), unparsed('grade 3 or 4')] });
  });

  it('reads a stop for progression or intolerance of any earlier treatment as either outcome', () => {
    expect(
      readRule('Treatment must have been discontinued for disease progression or intolerance to therapy.', 'inclusion'),
    ).toEqual({
      condition: { any: [progressed({ kinds: ['systemic'] }), intolerant({ kinds: ['systemic'] })] },
      unread: '',
    });
  });

  it('reads progression on earlier treatment or a stop for intolerance as either outcome', () => {
    for (const text of [
      'Have experienced progression during or after treatment or discontinued from prior therapy due to intolerance.',
      'Experienced progression during or after the previous treatment or discontinued from prior therapy due to intolerance.',
    ])
      expect(readRule(text, 'inclusion')).toEqual({
        condition: { any: [progressed({ kinds: ['systemic'] }), intolerant({ kinds: ['systemic'] })] },
        unread: '',
      });
  });
});

describe('a second outcome beside the first', () => {
  it('reads "with documented progression or intolerability to the treatment" after a list', () => {
    expect(
      readRule(
        'Prior treatment with an anti-PD-1 antibody with documented progression or intolerability to the treatment.',
        'inclusion',
      ),
    ).toEqual({
      condition: { any: [progressed({ classes: ['anti_pd1'] }), intolerant({ classes: ['anti_pd1'] })] },
      unread: '',
    });
  });

  it('reads "progressed on or be intolerant to X" as either outcome', () => {
    for (const text of [
      'Must have progressed on or be intolerant to prior anti-PD-1 therapy.',
      'Patients need to have failed or be intolerant to PD-1 antibody treatment',
    ])
      expect(readRule(text, 'inclusion')).toEqual({
        condition: { any: [progressed({ classes: ['anti_pd1'] }), intolerant({ classes: ['anti_pd1'] })] },
        unread: '',
      });
  });

  it('keeps "either relapsed or be disease resistant" as alternatives', () => {
    const r = readRule(
      'Patients will have either relapsed or be disease resistant to their prior therapy.',
      'inclusion',
    );
    expect(r.condition && 'any' in r.condition).toBe(true);
  });
});

describe('a past intolerance is no allergy question', () => {
  it('reads "Prior intolerance to pembrolizumab" from the record only', () => {
    const r = readRule('Prior intolerance to pembrolizumab', 'exclusion');
    expect(r.condition).toEqual(intolerant({ drugs: ['pembrolizumab'] }));
    expect(attestationTopics(r.condition)).toEqual([]);
  });

  it('does not ask about a severe allergy for a history of intolerance ("e.g., severe diarrhea")', () => {
    const r = readRule(
      'Have a history of intolerance to treatment with a topoisomerase I inhibitor or intolerance to an ADC that consists of a topoisomerase I inhibitor, including but not limited to topotecan, irinotecan, and deruxtecan (e.g., severe diarrhea).',
      'exclusion',
    );
    expect(attestationTopics(r.condition)).not.toContain('study_drug_severe_allergy=true');
  });

  it('keeps the study-drug question for an intolerance of the study treatment or with a hypersensitivity', () => {
    const r = readRule(
      'History of intolerance to any component of the study treatment agents or known serious or severe hypersensitivity reaction to any of the study drugs or their excipients.',
      'exclusion',
    );
    // Any intolerance of a component excludes, not only a severe reaction: the plain study-drug question.
    expect(attestationTopics(r.condition)).toEqual(['study_drug_allergy=true']);
  });
});

describe('what stays unread', () => {
  it('leaves a stop after another alternative to the readers of that alternative', () => {
    const r = readRule(
      'Has had prior anti-cancer immunotherapy within 4 weeks prior to study intervention, or discontinuation of prior anti-cancer immunotherapy due to grade 3 or 4 toxicities',
      'exclusion',
    );
    expect(JSON.stringify(r.condition)).not.toContain('"outcome":"intolerance"');
  });

  it('leaves a stop of a treatment another sentence names ("from that treatment")', () => {
    const r = readRule('Subjects who discontinued from that treatment due to toxicity.', 'exclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"outcome"');
    expect(r.unread).toContain('discontinued');
  });

  it('leaves a negated or permitted stop unread by this reader', () => {
    for (const text of [
      'Patients who discontinued prior anti-PD-1 therapy due to toxicity are eligible.',
      'Patient did not discontinue immunotherapy due to related adverse events.',
    ]) {
      const r = readRule(text, 'exclusion');
      expect(JSON.stringify(r.condition)).not.toContain('"outcome":"intolerance"');
    }
  });

  it('leaves a treatment named with words no item reads', () => {
    const r = readRule(
      'Patients who have permanently discontinued anti-cancer immune modulating therapies due to drug related toxicity.',
      'exclusion',
    );
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"outcome"');
    expect(r.unread).toContain('discontinued');
  });
});

describe('the treatment named with a head', () => {
  it('reads "Prior treatment with X … discontinued" as X, not any earlier treatment', () => {
    expect(
      readRule('Prior treatment with an anti-PD-1 antibody was discontinued due to toxicity.', 'exclusion').condition,
    ).toEqual(intolerant({ classes: ['anti_pd1'] }));
  });
});

describe('standard therapy', () => {
  it('reads a stop of standard therapy as a necessary condition of an inclusion only', () => {
    expect(readRule('Standard therapy was discontinued due to toxicity.', 'inclusion').condition).toEqual(
      intolerant({ kinds: ['systemic'] }),
    );
    const r = readRule('Standard therapy was discontinued due to toxicity.', 'exclusion');
    expect(JSON.stringify(r.condition ?? null)).not.toContain('"outcome"');
  });
});
