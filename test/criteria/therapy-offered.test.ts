/**
 * A treatment the patient should have been offered is not one they must have received. Line verbatim
 * from NCT03761914.
 */
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

describe('a treatment the patient should have been offered', () => {
  it('is not required as received (NCT03761914)', () => {
    const line =
      'Additionally, all eligible subjects should have either received (or been offered) bevacizumab therapy, and those with BRCA germline mutations (gBRCA mut) should have been offered therapy with poly-ADP ribose polymerase (PARP) inhibitors (olaparib, rucaparib or niraparib).';
    const json = JSON.stringify(readCriterion(normalise(line).text, 'inclusion', []).condition);
    // Read as received, a patient never given a PARP inhibitor failed.
    expect(json).not.toContain('"classes":["parp_inhibitor"]');
  });
});
