/**
 * The recent-surgery exclusion in the forms the list reader leaves unread (therapy-surgery.ts): an
 * operation and its window beside an injury or a biopsy (an alternative, kept as an unparsed member of
 * an any()), an exception ("excluding needle biopsy", kept as an unparsed qualifier beside the
 * operation), a narrower kind of operation ("minor", "organ", "neuro-", kept the same way) and a
 * permission in another sentence. Real corpus lines with the rule they must get, and lines that must
 * stay unread because no reading of them is sure.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { attest, readCondition, readRule, therapy, therapyLeaves, unparsed } from '../support/criteria';

/** The whole rule of one exclusion item as parseCriteria gives it, with the words no reader took. */
function exclusionRule(text: string): { rule: unknown; status: string } {
  const [c] = parseCriteria(`Exclusion Criteria:\n\n* ${text}`);
  return { rule: c!.rule, status: c!.status };
}

const surgeryWithin = (days: number): Condition => therapy({ kinds: ['surgery'], withinDays: days });
const surgeryLeaves = (c: Condition | null): Condition[] =>
  therapyLeaves(c).filter((l) => ((l as { params?: { kinds?: string[] } }).params?.kinds ?? []).includes('surgery'));

describe('an injury or a biopsy beside the operation is an unread alternative', () => {
  it('reads "large surgery" as the plain form reads "major surgery", with the trauma beside it', () => {
    expect(
      exclusionRule('large surgery or severe trauma occurred within 4 weeks before the first study of drug treatment.'),
    ).toEqual({
      rule: { any: [surgeryWithin(28), unparsed('severe trauma')] },
      status: 'partial',
    });
  });

  it('keeps the examples of a major operation as read and the recovery clause for its own reader', () => {
    const { rule } = exclusionRule(
      'Major surgery (e.g., intra-thoracic, intra-abdominal or intra-pelvic), or significant traumatic injury, within 4 weeks prior to starting study treatment or has not recovered from side effects of such procedure. Video-assisted thoracic surgery (VATS) and mediastinoscopy are exceptions and patients can receive study treatment ≥1 week after these procedures.',
    );
    // The exceptions of the second sentence narrow the operation: the window alone excludes no one.
    expect(rule).toEqual({
      any: [
        {
          all: [
            { any: [surgeryWithin(28), unparsed('significant traumatic injury')] },
            unparsed(
              'Video-assisted thoracic surgery (VATS) and mediastinoscopy are exceptions and patients can receive study treatment >=1 week after these procedures',
            ),
          ],
        },
        unparsed('recovered from side effects of such procedure'),
      ],
    });
  });

  it('reads a minor procedure as a narrower kind beside the biopsies, under the permissions after it', () => {
    const c = readCondition(
      'Minor surgical procedures, fine needle aspirations or core biopsies within 7 days prior to Day 1 of study therapy. Central venous catheter placements are permitted to be completed 7 or more days prior to Day 1 of study therapy. However, peripherally inserted central catheter (PICC or PIC line) may be placed at any time prior to or during study therapy.',
      'exclusion',
      ['Patients with the following invasive procedures:'],
    );
    expect(c).toEqual({
      all: [
        {
          any: [
            { all: [surgeryWithin(7), unparsed('Minor surgical procedures')] },
            unparsed('fine needle aspirations'),
            unparsed('core biopsies'),
          ],
        },
        unparsed(
          'Central venous catheter placements are permitted to be completed 7 or more days prior to Day 1 of study therapy',
        ),
        unparsed(
          'However, peripherally inserted central catheter (PICC or PIC line) may be placed at any time prior to or during study therapy',
        ),
      ],
    });
  });
});

describe('an exception or a narrower operation is an unread qualifier', () => {
  it('keeps "major organ surgery" and "(excluding needle biopsy)" beside the window', () => {
    expect(
      exclusionRule(
        'Received major organ surgery (excluding needle biopsy) or experienced severe trauma within 4 weeks prior to the first administration of the study drug, or requires elective surgery during the study period.',
      ).rule,
    ).toEqual({
      any: [
        { all: [surgeryWithin(28), unparsed('major organ surgery'), unparsed('excluding needle biopsy')] },
        unparsed('severe trauma'),
        unparsed('elective surgery'),
      ],
    });
  });

  it('keeps "unrelated to breast cancer" beside the window', () => {
    expect(
      exclusionRule(
        'Major surgical procedure that is unrelated to breast cancer within 4 weeks prior to randomization or from which the patient has not fully recovered',
      ).rule,
    ).toEqual({
      any: [{ all: [surgeryWithin(28), unparsed('that is unrelated to breast cancer')] }, unparsed('fully recovered')],
    });
  });

  it('reads neurosurgery as a narrower operation, with its item number', () => {
    expect(exclusionRule('12\\. Neurosurgery within 14 days prior to initiation of trial treatment')).toEqual({
      rule: { all: [surgeryWithin(14), unparsed('Neurosurgery')] },
      status: 'partial',
    });
  });

  it('joins the anticipated operation read by its own reader as one more alternative', () => {
    expect(
      readCondition(
        'Major surgical procedure (excluding placement of vascular access) or significant traumatic injury within 4 weeks of the first dose of study intervention or an anticipated need for major surgery during the study.',
        'exclusion',
      ),
    ).toEqual({
      any: [
        { all: [surgeryWithin(28), unparsed('excluding placement of vascular access')] },
        unparsed('significant traumatic injury'),
        attest('major_surgery_expected', true),
      ],
    });
  });

  it('keeps an exception after the window ("unless the wound has healed") on the operation', () => {
    const c = readCondition(
      'Major surgical procedure, open biopsy (excluding skin cancer resection), or significant traumatic injury within 14 days of initiating study drug (unless the wound has healed) or anticipation of the need for major surgery during the study.',
      'exclusion',
    );
    expect(c).toEqual({
      any: [
        {
          all: [
            surgeryWithin(14),
            unparsed('excluding skin cancer resection'),
            unparsed('unless the wound has healed'),
          ],
        },
        unparsed('open biopsy'),
        unparsed('significant traumatic injury'),
        attest('major_surgery_expected', true),
      ],
    });
  });
});

describe('what stays unread', () => {
  it('leaves words after the window that may be an alternative as well as a qualifier', () => {
    expect(
      surgeryLeaves(
        readCondition(
          'A major operation or severe trauma within 4 weeks, （except tumor biopsy, puncture,）invasive dental procedures such as dental extraction, dental implants etc.',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });

  it('leaves an operation with a second, shorter window for some operations', () => {
    expect(
      surgeryLeaves(
        readCondition(
          'Major surgery (e.g., intra-thoracic, intra-abdominal or intra-pelvic) within 4 weeks prior (2 weeks for resection of brain metastases) to starting capmatinib or who have not recovered from side effects of such procedure. Video-assisted thoracic surgery and mediastinoscopy will not be counted as major surgery and patients can be enrolled in the program ≥1 week after the procedure',
          'exclusion',
        ),
      ),
    ).toEqual([]);
  });

  it('reads no operation in an inclusion item, where it would be required', () => {
    expect(
      surgeryLeaves(
        readCondition(
          'Major surgical procedure other than for diagnosis within 4 weeks prior to initiation of study treatment or anticipation of need for a major surgical procedure during study treatment,',
          'inclusion',
        ),
      ),
    ).toEqual([]);
    // Recovery at least 28 days before the study reads the operation as that long ago (below), never
    // as one the patient must have had.
    expect(
      surgeryLeaves(
        readCondition(
          'Participants must have recovered from effects of any major surgery or significant traumatic injury at least 28 days before the first dose of study treatment',
          'inclusion',
        ),
      ).filter((l) => (l as { value?: unknown }).value === true),
    ).toEqual([]);
  });

  it('leaves a window counted from the diagnosis', () => {
    expect(
      surgeryLeaves(readCondition('Surgery or severe trauma within 6 months after diagnosis', 'exclusion')),
    ).toEqual([]);
  });

  it('leaves the plain form to the list reader', () => {
    expect(readRule('Major surgery within 4 weeks prior to starting study treatment', 'exclusion')).toEqual({
      condition: surgeryWithin(28),
      unread: '',
    });
  });
});

describe('recovery from an operation a time before the study, in an inclusion', () => {
  const inclusionRule = (text: string): { rule: unknown; status: string } => {
    const [c] = parseCriteria(`Inclusion Criteria:\n\n* ${text}`);
    return { rule: c!.rule, status: c!.status };
  };

  it('reads the operation as at least that long ago, the recovery and the injury unread (NCT04603807 i9)', () => {
    expect(
      inclusionRule(
        'Participants must have recovered from effects of any major surgery or significant traumatic injury at least 28 days before the first dose of study treatment',
      ),
    ).toEqual({
      rule: {
        all: [
          therapy({ kinds: ['surgery'], withinDays: 28 }, false),
          unparsed('Participants must have recovered from effects of any major surgery or significant traumatic injury'),
        ],
      },
      status: 'partial',
    });
  });

  it('leaves a recovery whose window is a receipt window or carries an exception to the other readers', () => {
    for (const text of [
      'Patients must have recovered from surgery at least 4 weeks prior to enrollment, unless the surgery was a biopsy.',
      'Patients must have recovered from major surgery within 4 weeks prior to enrollment.',
      'Patients must have recovered from minor surgery at least 2 weeks prior to enrollment.',
    ]) {
      const { rule } = inclusionRule(text);
      expect(surgeryLeaves(rule as Condition)).toEqual([]);
    }
  });
});
