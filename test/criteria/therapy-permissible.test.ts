/** "… are permissible" permits, like "allowed" and "permitted": never a requirement to be on the treatment. Verbatim corpus line. */
import { readRule, therapyLeaves } from '../support/criteria';

describe('"permissible" as a permission', () => {
  it('does not require current therapy from "Standard concurrent chemotherapy, immunotherapy, or targeted therapy are permissible"', () => {
    const { condition } = readRule(
      'All lines of prior systemic therapy are permissible. Standard concurrent chemotherapy, immunotherapy, or targeted therapy are permissible',
      'inclusion',
    );
    // Before, it required every patient to be on chemotherapy, immunotherapy or targeted therapy now.
    expect(JSON.stringify(therapyLeaves(condition))).not.toMatch(/"value":true/);
  });
});
