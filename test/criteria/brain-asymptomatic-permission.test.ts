/**
 * A permission for asymptomatic brain metastases admits untreated ones, which the fact calls
 * 'active' like symptomatic ones: whatever the criterion reads stays open for 'active' metastases.
 * Real corpus lines.
 */
import type { Condition } from '../../src/criteria/facts';
import { readRule, unparsed } from '../support/criteria';

const bm = (...states: string[]): Condition => ({ fact: 'brainMetastases', operator: 'in', value: states });

describe('asymptomatic brain metastases allowed', () => {
  it('keeps an inclusion permission open for active metastases', () => {
    expect(readRule('Participants with asymptomatic brain metastases are eligible.', 'inclusion')).toEqual({
      condition: { any: [bm('none', 'treated-stable'), unparsed('Participants with asymptomatic brain metastases are eligible')] },
      unread: '',
    });
  });

  it('does not fail asymptomatic untreated metastases under "asymptomatic or treated"', () => {
    expect(readRule('Asymptomatic or treated brain metastases are allowed.', 'inclusion').condition).toEqual({
      any: [bm('none', 'treated-stable'), unparsed('Asymptomatic or treated brain metastases are allowed')],
    });
  });

  it('leaves the exclusion of active metastases to a coordinator when asymptomatic ones are allowed', () => {
    expect(
      readRule('Patients with asymptomatic, clinically stable CNS metastases are allowed provided they do not require steroid treatment', 'exclusion', [
        'Patients with symptomatic CNS metastases and/or carcinomatous meningitis',
      ]).condition,
    ).toEqual({
      any: [
        {
          all: [
            bm('active'),
            unparsed('Patients with asymptomatic, clinically stable CNS metastases are allowed provided they do not require steroid treatment'),
          ],
        },
        { all: [bm('treated-stable'), { fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['corticosteroid'], withinDays: 1 } }] },
      ],
    });
  });

  it('keeps the plain reading when the permission asks for treatment', () => {
    expect(
      readRule(
        'Known active CNS metastases. Subjects with previously treated brain metastases may participate provided they are stable and asymptomatic.',
        'exclusion',
      ).condition,
    ).toEqual(bm('active'));
  });

  it('leaves a size-limited permission unread', () => {
    expect(readRule('Patients with asymptomatic, non-hemorrhagic brain metastases \\< 2 cm are eligible', 'inclusion').condition).toBeNull();
  });
});
