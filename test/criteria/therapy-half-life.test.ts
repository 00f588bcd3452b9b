/**
 * Washouts given as days or a number of half-lives ("within 28 days or 5 half-lives, whichever is
 * shorter"). Only what is certain is read: with "whichever is shorter" the window is at most the
 * days, so receipt within them is a necessary condition; with "whichever is longer" it is at least
 * the days, so receipt within them suffices and earlier receipt is left open; with no "whichever",
 * only receipt is implied. The half-lives stay an unparsed leaf. Every line is verbatim from the
 * oncology corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz).
 */
import { readCondition, readRule, therapy, unparsed as unread } from '../support/criteria';

describe('half-lives before the days', () => {
  it('reads the days of "within five half-lives or 21 days, whichever is shorter" as a necessary window', () => {
    expect(readCondition('6\\. Systemic anti-neoplastic therapy within five half-lives or 21 days, whichever is shorter, prior to first dose of the IMP.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['systemic'], withinDays: 21 }), unread('within five half-lives or 21 days, whichever is shorter')],
    });
  });

  it('keeps only receipt where no "whichever" says how the two combine', () => {
    expect(readCondition('Receipt of anticancer medications/therapies within 5 half-lives or 28 days before the first administration of the study drug.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['systemic'] }), unread('within 5 half-lives or 28 days before the first administration of the study drug')],
    });
  });

  it('reads "N half-lives or N weeks prior to" without "within"', () => {
    expect(readCondition('Subjects who have received an investigational new drug 6 half-lives or two weeks prior to enrollment in this study, whichever is shorter.', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['investigational'], withinDays: 14 }), unread('6 half-lives or two weeks prior to enrollment, whichever is shorter'), unread('new drug')],
    });
  });
});

describe('the "whichever" that combines them', () => {
  it('reads "or, if shorter, within five half-lives" as the shorter of the two', () => {
    const r = readRule('Prior systemic anticancer therapy including investigational agents within four weeks or, if shorter, within five half-lives prior to first dose of study treatment.', 'exclusion');
    expect(r.condition).toEqual({
      all: [therapy({ kinds: ['systemic', 'investigational'], withinDays: 28 }), unread('within four weeks or, if shorter, within five half-lives')],
    });
  });

  it('reads "half-life periods" and a "whichever" in parentheses', () => {
    expect(
      readCondition('Participants who have been treated with any other anticancer drug(s), within 28 days or within 5 half-life periods (whichever is shorter) prior to the first administration of BI 3810944', 'exclusion', ['Prior anticancer therapy:']),
    ).toEqual({
      all: [therapy({ kinds: ['systemic'], withinDays: 28 }), unread('within 28 days or within 5 half-life periods, whichever is shorter'), unread('other anticancer drug(s')],
    });
  });

  it('finds "whichever was shortest" past an anchor that holds parentheses', () => {
    const c = readCondition('Use of investigational agent in the 4 weeks or 5 half-lives prior to the first dose of MBS8(1V270), whichever was shortest.', 'exclusion');
    expect(c).toEqual({
      all: [
        therapy({ kinds: ['investigational'], withinDays: 28 }),
        unread('in the 4 weeks or 5 half-lives'),
        unread('Use of investigational agent in the 4 weeks or 5 half-lives prior to the first dose of MBS8(1V270), whichever was shortest'),
      ],
    });
  });

  it('reads "whichever is longer" as receipt within the days, or earlier receipt left open', () => {
    expect(readCondition('Use of any investigational agent within 28 days or 5 half-lives (whichever is longer) prior to Cycle 1 Day 1.', 'exclusion')).toMatchObject({
      any: [
        therapy({ kinds: ['investigational'], withinDays: 28 }),
        { all: [therapy({ kinds: ['investigational'] }), unread('within 28 days or 5 half-lives, whichever is longer')] },
      ],
    });
  });

  it('reads "whichever longer" without "is"', () => {
    expect(readCondition('Investigational drug use within 14 days (or 5 half-lives, whichever longer) of the first dose of nivolumab and relatlimab.', 'exclusion')).toMatchObject({
      any: [therapy({ kinds: ['investigational'], withinDays: 14 }), { all: [therapy({ kinds: ['investigational'] }), unread('within 14 days or 5 half-lives, whichever longer')] }],
    });
  });
});

describe('lists that share a half-life window', () => {
  it('reads lists parted by a slash as members of one union that share the window after the last', () => {
    const hl = unread('within 3 weeks 21 days or 5 half-lives, whichever is shorter');
    expect(readCondition('Cancer therapy/ any cancer investigational drug within 3 weeks (21 days) or 5 half-lives (whichever is shorter).', 'exclusion')).toEqual({
      any: [
        { all: [therapy({ kinds: ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'], withinDays: 21 }), hl, unread('cancer')] },
        { all: [therapy({ kinds: ['investigational'], withinDays: 21 }), hl, unread('cancer')] },
      ],
    });
  });
});

describe('a minimum gap in half-lives (inclusion)', () => {
  const line =
    'Patient who has received prior systemic anti-neoplastic agent(s) must wait at least 5 half-lives or 4 weeks (whichever is shorter) following prior therapy before enrollment into the study, or 4 weeks if the half-life of a given investigational agent is not known.';

  it('reads "at least the shorter of 4 weeks and 5 half-lives" as sufficient: none within 4 weeks', () => {
    const c = readCondition(line, 'inclusion');
    expect(c).toEqual({
      any: [therapy({ kinds: ['systemic'], withinDays: 28 }, false), unread('at least 5 half-lives or 4 weeks whichever is shorter following', false), unread('systemic anti-neoplastic agent(s) must wait', false)],
    });
  });

  it('reads "whichever is longer" in an inclusion as no receipt within the days, and earlier receipt left open', () => {
    expect(readCondition('At least 4 weeks or 5 half-lives (whichever is longer) since prior chemotherapy', 'inclusion')).toEqual({
      all: [
        therapy({ kinds: ['chemotherapy'], withinDays: 28 }, false),
        { any: [therapy({ kinds: ['chemotherapy'] }, false), unread('At least 4 weeks or 5 half-lives whichever is longer since', false)] },
      ],
    });
  });
});

describe('lines that must not be read as half-life windows', () => {
  it('does not read a conditional minimum gap counted from radiotherapy as a chemotherapy washout', () => {
    const c = readCondition(
      'If the primary radiation is combined with chemotherapy, a minimum of 16 weeks will be required to have elapsed between the end of radiotherapy and step 1 registration. If the radiation is given alone, a minimum of 8 weeks will be required to have elapsed between the end of radiotherapy and step 1 registration',
      'inclusion',
      ['Participants must not have received more than one prior primary radiotherapy regimen'],
    );
    expect(JSON.stringify(c ?? {})).not.toContain('"withinDays":112');
  });

  it('leaves a positive requirement with a half-life window unread', () => {
    expect(readCondition('Must have received an investigational agent within 4 weeks or 5 half-lives, whichever is shorter', 'inclusion')).toBeNull();
  });
});
