/**
 * Exclusions of a patient immunosuppressed by medicines (therapy-immunosuppression.ts): verbatim
 * corpus lines with the readings they must get, how those readings judge a patient record, and lines
 * that must stay unread because "immunosuppression" there is a disease's, or the line binds something
 * the reader does not read.
 */
import type { Condition } from '../../src/criteria/facts';
import { judgeRecord, readRule, therapy, unparsed } from '../support/criteria';

/** How an exclusion's rule judges a record: the finding negated, as the assembler joins it. */
const excluded = (c: Condition | null, treatments: Array<Record<string, string>>) =>
  judgeRecord(c!, { treatments: treatments as never });

describe('drug-induced immunosuppression named as a state', () => {
  it('reads "Medical immunosuppression" as taking an immunosuppressant now', () => {
    expect(readRule('Medical immunosuppression', 'exclusion')).toEqual({
      condition: therapy({ classes: ['immunosuppressant'], withinDays: 1 }),
      unread: '',
    });
  });

  it('keeps the dose in brackets unread beside the receipt of steroids or immunosuppressants now', () => {
    const r = readRule('Immunosuppression (\\> 10mg prednisone daily)', 'exclusion');
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['immunosuppressant', 'corticosteroid'], withinDays: 1 }),
        unparsed('> 10mg prednisone daily'),
      ],
    });
  });

  it('keeps "chronic" and the examples unread: the receipt is only necessary', () => {
    for (const [text, examples] of [
      [
        'Subjects with known chronic immunosuppression (such as biologic agents like remicade, mycophenolate, methotrexate, prednisone \\>20 mg daily).',
        'such as biologic agents like remicade, mycophenolate, methotrexate, prednisone >20 mg daily',
      ],
      [
        'Subjects with known chronic immunosuppression (such as biologic agents like infliximab, mycophenolate, methotrexate, prednisone \\> 20 mg daily).',
        'such as biologic agents like infliximab, mycophenolate, methotrexate, prednisone > 20 mg daily',
      ],
    ] as const) {
      const r = readRule(text, 'exclusion');
      expect(r.condition).toEqual({
        all: [
          therapy({ classes: ['immunosuppressant', 'corticosteroid'], withinDays: 1 }),
          unparsed(`chronic … ${examples}`),
        ],
      });
    }
  });

  it('leaves "immunosuppression" unread where nothing says it is the work of medicines', () => {
    expect(readRule('Chronic immunosuppression', 'exclusion').condition).toBeNull();
    expect(readRule('Immunosuppression', 'exclusion').condition).toBeNull();
    // Not read here; the history readers own disorders "associated with immunosuppression".
    expect(
      readRule('History of disorders associated with immunosuppression such as HIV', 'exclusion').condition,
    ).toBeNull();
  });

  it('reads exclusions only', () => {
    expect(readRule('Medical immunosuppression', 'inclusion').condition).toBeNull();
  });
});

describe('immunosuppressants narrowed by route, with exemptions in brackets, in a window', () => {
  const line =
    'Oral or parenteral immunosuppressive agents (not topical or inhaled steroids) at enrolment or within 6 months prior to enrolment.';

  it('reads the receipt in the window, with the route and the exemption unread', () => {
    const r = readRule(line, 'exclusion', [
      'Patients will be excluded from the study for ANY of the following reasons:',
    ]);
    expect(r.condition).toEqual({
      all: [
        therapy({ classes: ['immunosuppressant'], withinDays: 180 }),
        unparsed('Oral or parenteral … not topical or inhaled steroids'),
      ],
    });
  });

  it('is not read without a window or a word saying "now": the use meant may be any use ever', () => {
    expect(
      readRule('Oral or parenteral immunosuppressive agents (not topical or inhaled steroids).', 'exclusion').condition,
    ).toBeNull();
  });

  it('is not read under a lead-in that may bind a cohort', () => {
    expect(readRule(line, 'exclusion', ['Cohort B only:']).condition).toBeNull();
  });
});

describe('a need still to come and exemptions the protocol states', () => {
  it('reads the receipt in the window beside the need to come, both narrowed by the unstated exemptions', () => {
    const r = readRule(
      'Treatment with systemic immunosuppressive medication (including, but not limited to, corticosteroids, cyclophosphamide, azathioprine, methotrexate, thalidomide, and anti-tumor necrosis factor-alpha agents) within 2 weeks prior to initiation of study treatment, or anticipation of need for systemic immunosuppressive medication during study treatment, with exceptions defined by the protocol',
      'exclusion',
    );
    expect(r.condition).toEqual({
      all: [
        {
          any: [
            {
              all: [
                therapy({ classes: ['immunosuppressant', 'corticosteroid'], withinDays: 14 }),
                unparsed(
                  'including, but not limited to, corticosteroids, cyclophosphamide, azathioprine, methotrexate, thalidomide, and anti-tumor necrosis factor-alpha agents',
                ),
              ],
            },
            unparsed('anticipation of need for systemic immunosuppressive medication during study treatment'),
          ],
        },
        unparsed('with exceptions defined by the protocol'),
      ],
    });
  });
});

describe('judging a record', () => {
  const medical = readRule('Medical immunosuppression', 'exclusion').condition;
  const dosed = readRule('Immunosuppression (\\> 10mg prednisone daily)', 'exclusion').condition;

  it('finds a patient on tacrolimus now immunosuppressed by medicines', () => {
    expect(excluded(medical, [{ name: 'tacrolimus', outcome: 'ongoing' }])).toBe(true);
  });

  it('never clears a patient whose record lists no such medicine (the list is a cancer history)', () => {
    expect(excluded(medical, [{ name: 'carboplatin', start: '2025-01-01', end: '2025-03-01' }])).toBeNull();
    expect(excluded(dosed, [{ name: 'carboplatin', start: '2025-01-01', end: '2025-03-01' }])).toBeNull();
  });

  it('leaves a patient on prednisone unknown where the dose is unread', () => {
    expect(excluded(dosed, [{ name: 'prednisone', outcome: 'ongoing' }])).toBeNull();
  });
});

describe('"ongoing" therapy is therapy now', () => {
  it('reads "Ongoing anticancer therapy." as systemic therapy now, not ever (NCT05786924)', () => {
    const r = readRule('Ongoing anticancer therapy.', 'exclusion');
    expect(r.condition).toEqual(therapy({ kinds: ['systemic'], withinDays: 1 }));
  });

  it('reads "Ongoing radiation therapy." as radiation now (NCT05786924)', () => {
    expect(readRule('Ongoing radiation therapy.', 'exclusion').condition).toEqual(
      therapy({ kinds: ['radiation'], withinDays: 1 }),
    );
  });
});
