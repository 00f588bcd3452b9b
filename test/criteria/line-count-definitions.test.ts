/**
 * A trial's rule for counting lines of therapy ("Perioperative systemic therapies will be counted as 1
 * line of therapy.") asks nothing of its own: it says what the line requirements beside it mean. It is
 * read as noRequirement(definition), counted under prior therapy, where it had been left unread and
 * asked a coordinator to check a sentence that asks nothing. Verbatim corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { parseCriteria } from '../../src/criteria/parse';
import { criterionRule } from '../support/criteria';

const incl = (text: string): Condition => criterionRule(text, 'inclusion');
const DEFINITION: Condition = { all: [{ fact: 'noRequirement', operator: 'equal', value: true, params: { about: 'definition' } }] };

describe('rules for counting lines of therapy', () => {
  it('reads each as a definition (NCT06330064 i28 and i31, NCT06172478 i19 and i20)', () => {
    for (const line of [
      'Perioperative systemic therapies will be counted as 1 line of therapy.',
      'The same regimen administered twice in different disease settings will be counted as 1 line of prior therapy.',
      'The same regimen administered twice in different disease settings will be counted as 1 line of prior therapy',
      'Prior cisplatin-based therapy or PD-(L)1 inhibitor therapy given for the treatment of muscle invasive urothelial carcinoma is counted as 1 line of therapy',
    ])
      expect(incl(line)).toEqual(DEFINITION);
  });

  it('counts the definition under prior therapy, and as parsed', () => {
    const [c] = parseCriteria('Inclusion Criteria:\n\n* Perioperative systemic therapies will be counted as 1 line of therapy.');
    expect(c?.status).toBe('parsed');
    expect(c?.categories).toContain('prior_therapy');
  });

  it('reads it under a lead-in that requires lines, which it explains (NCT06172478 i19)', () => {
    const parsed = parseCriteria(
      [
        'Inclusion Criteria:',
        '',
        '* Relapsed or progressed after treatment with >=1 prior line of therapy (maximum of 3) that contains anti-PD-(L)1 therapy in the perioperative or metastatic setting. Prior fibroblast growth factor receptor (FGFR)-inhibitor treatment for those who are eligible are allowed.',
        '',
        '  * Prior cisplatin-based therapy or PD-(L)1 inhibitor therapy given for the treatment of muscle invasive urothelial carcinoma is counted as 1 line of therapy',
      ].join('\n'),
    );
    const rule = parsed.find((c) => c.text.includes('is counted as 1 line'))?.rule;
    expect(rule).toEqual(DEFINITION);
  });

  it('is not read as a definition under a lead-in that offers its items as options', () => {
    const parsed = parseCriteria(
      ['Inclusion Criteria:', '', '* Participants must meet one of the following:', '', '  * Perioperative systemic therapies will be counted as 1 line of therapy.'].join('\n'),
    );
    expect(JSON.stringify(parsed.find((c) => c.text.includes('counted as 1 line'))?.rule)).not.toContain('noRequirement');
  });

  it('leaves a sentence that requires, or is itself a requirement, to the other readers', () => {
    // "must be counted" instructs; it is not read as a definition.
    expect(JSON.stringify(incl('Adjuvant therapy must be counted as 1 line of therapy.'))).not.toContain('noRequirement');
    // A line requirement with a counting rule after it is not reduced to the rule.
    expect(JSON.stringify(incl('Participants must have received at least 2 prior lines of therapy. Perioperative systemic therapies will be counted as 1 line of therapy.'))).not.toEqual(
      JSON.stringify(DEFINITION),
    );
  });
});
