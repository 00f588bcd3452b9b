/**
 * A letter or roman numeral closed by a bracket that numbers the items of a criterion ("a) are
 * asymptomatic and b) have no requirement for steroids", "d) prior or current cardiomyopathy;") is no
 * word to read. Left unread, it stood in an exclusion as one more way to be excluded, and made the
 * criterion unknown for every patient. A letter that closes a bracket of its own ("(… Stage C or D)")
 * or follows a word it counts ("Class II IV)") is still read as the text's. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { leavesOf } from '../../src/criteria/facts';
import { criterionRule, readRule } from '../support/criteria';

const unreadLeaves = (c: Condition): string[] => leavesOf(c).filter((l) => l.fact === 'unparsed').map((l) => String((l.params as { text?: string }).text));

describe('item enumerators inside a criterion', () => {
  it('does not leave an item letter unread (NCT06362369 e9, NCT04793737 e8)', () => {
    expect(unreadLeaves(criterionRule('d) prior or current cardiomyopathy;', 'exclusion'))).toEqual([]);
    const cns = criterionRule(
      'Central nervous system (CNS) metastases at baseline, with the exception of those subjects who have previously-treated CNS metastases (surgery ± radiotherapy, radiosurgery, or gamma knife) and who meet both of the following criteria: a) are asymptomatic and b) have no requirement for steroids or anticonvulsants.',
      'exclusion',
    );
    expect(unreadLeaves(cns)).toEqual([]);
    expect(leavesOf(cns).some((l) => l.fact === 'brainMetastases')).toBe(true);
  });

  it('reads the letters of a list of exceptions as numbers, and the exceptions still (NCT06623461 e7)', () => {
    const { unread } = readRule(
      'Patients with absolute contraindications to FMT: a) Toxic megacolon; b) Severe immunosuppression; c) Severe dietary allergies',
      'exclusion',
    );
    expect(unread.split(' … ')).not.toContain('b');
    expect(unread.split(' … ')).not.toContain('c');
  });

  it('keeps a letter or numeral that closes its own bracket (NCT05770544 e7, NCT05859074 e6)', () => {
    const valve = readRule(
      'Presence of symptomatic or severe valvular heart disease (severe by local echo graphic criteria or American Heart Association/American Cardiac College Stage C or D).',
      'exclusion',
    );
    expect(valve.unread).toContain('Stage C or D');
    const nyha = readRule(
      'History of myocardial infarction, myocarditis, congestive heart failure (as defined by New York Heart Association Functional Classsification III or IV), unstable angina, serious uncontrolled cardiac arrhythmia,or significant cardiovascular or cerebrovascular event in the 6 months before the first dose of study treatment',
      'exclusion',
    );
    expect(nyha.unread).toContain('III or IV');
  });
});
