/**
 * A treatment the patient could have ("lesions can be treated with SBRT", "candidates for treatment with
 * atezolizumab") is the lesion's or the care team's question, never a treatment received. "May be treated
 * with" usually permits one and is left to the readers that read permissions. Verbatim corpus lines.
 */
import type { LeafCondition } from '../../src/criteria/facts';
import { readRule, therapyLeaves as leavesIn } from '../support/criteria';

function therapyLeaves(text: string, kind: 'inclusion' | 'exclusion' = 'inclusion'): LeafCondition[] {
  return leavesIn(readRule(text, kind).condition) as LeafCondition[];
}

describe('a treatment that could be given', () => {
  it.each([
    'All lesions can be treated with a minimum SBRT biologically effective dose (BED) of 48Gy',
    'All sites of oligoprogression that can be safely treated with SBRT or hypofractionated radiotherapy.',
    'Participants who are candidates for treatment with atezolizumab',
  ])('reads no prior therapy in "%s"', (text) => {
    // Before, the radiotherapy was required as received: it failed every patient not yet irradiated.
    expect(therapyLeaves(text)).toEqual([]);
  });

  it('still reads the exception of an exclusion after "may be treated with"', () => {
    const leaves = therapyLeaves(
      'Other investigational agents or antiviral therapies have been or are being used within 4 weeks prior to treatment, except for hepatitis B patients on ongoing treatment who may be treated with Entecavir, Tenofovir dipifuroxide fumarate, or adefovir dipivoxil;',
      'exclusion',
    );
    expect(leaves).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ except: { drugs: ['entecavir', 'tenofovir', 'adefovir'] } }) }));
  });

  it('reads a treatment received', () => {
    expect(therapyLeaves('Patients must have been treated with pembrolizumab')).toEqual([
      expect.objectContaining({ value: true, params: { drugs: ['pembrolizumab'] } }),
    ]);
  });
});
