/**
 * A criterion that opens with a lead clause naming a group ("For patients with sarcoma, …") binds only
 * that group. Where no reader took the group's words, the rule is bound to it like an opening subgroup
 * label: an inclusion holds for anyone outside the group, an exclusion excludes only inside it. Lines
 * are variants of corpus wordings (NCT04498767 e, NCT05896839 i3).
 */
import { parseCriteria } from '../../src/criteria/parse';

const one = (kind: 'Inclusion' | 'Exclusion', line: string) => parseCriteria(`${kind} Criteria:\n\n* ${line}`)[0]!;

describe('lead clauses naming a group', () => {
  it('binds an inclusion to the unread group it names', () => {
    const c = one('Inclusion', 'For patients with sarcoma, ECOG performance status 0-2.');
    expect(c.rule).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'For patients with sarcoma', subgroup: true } },
        { fact: 'ecog', operator: 'lessThanInclusive', value: 2 },
      ],
    });
  });

  it('excludes only inside the group', () => {
    const c = one('Exclusion', 'For patients with liver metastases, moderate/severe liver dysfunction (Child Pugh B or C)');
    expect(c.rule).toMatchObject({ all: [{ fact: 'unparsed', params: { text: 'For patients with liver metastases', subgroup: true } }, expect.anything()] });
  });

  it('leaves a group a reader took to the condition it already is', () => {
    const c = one('Inclusion', 'For patients with BRAF-mutant melanoma, prior therapies include BRAF/MEK inhibitors');
    expect(JSON.stringify(c.rule)).not.toContain('"subgroup":true');
    expect(c.status).toBe('parsed');
  });

  it('does not bind a second sentence for everyone else', () => {
    const c = one(
      'Inclusion',
      'For participants whose most recent therapy induced a PR or CR, at least 60 days must have elapsed since the end of that therapy. For all other participants, at least 14 weeks must have elapsed.',
    );
    expect(JSON.stringify(c.rule)).not.toContain('For participants whose most recent therapy induced a PR or CR","subgroup"');
  });

  it('binds to a group named without "for", closed by a colon (NCT05361174 i3, NCT05334069 i27)', () => {
    const c = one('Inclusion', 'those without oncogene-driven tumors: Have progressed within 12 weeks after last dose of anti-PD-1/PD-L1 blocking antibody');
    expect(c.rule).toMatchObject({ any: [{ fact: 'unparsed', params: { text: 'those without oncogene-driven tumors', subgroup: true } }, { all: expect.arrayContaining([{ fact: 'priorTherapy', operator: 'equal', value: true, params: { classes: ['anti_pd1_pdl1'], outcome: 'progression' } }]) }] });
    // What the group must meet is read for it; the group itself is the one unknown.
    expect(c.categoriesRead).toContain('prior_therapy');
    const age = one('Inclusion', 'Participants with a high suspicion of cancer: Age \\>= 40 and =\\< 75');
    expect(age.rule).toEqual({
      any: [
        { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'Participants with a high suspicion of cancer', subgroup: true } },
        { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 40 }, { fact: 'age', operator: 'lessThanInclusive', value: 75 }] },
      ],
    });
  });

  it('takes no colon before the group\'s own members as the end of a group (NCT04207047 e10)', () => {
    const c = one('Exclusion', 'Subjects with implanted medical devices: pacemaker, cardioverts, superficial metal within the exposure area, and other implantable devices or synthetic fillers in the exposure area');
    expect(JSON.stringify(c.rule)).not.toContain('"subgroup":true');
    expect(JSON.stringify(c.rule)).toContain('"cardiac_pacemaker"');
  });

  it('takes no colon after a requirement as the end of a group (NCT06330064 i)', () => {
    const c = one('Inclusion', 'Participants with large esophageal varices at risk of bleeding must be treated with conventional medical intervention: beta blockers or endoscopic treatment.');
    expect(JSON.stringify(c.rule)).not.toContain('"subgroup":true');
  });

  it('does not bind twice a group a reader scoped its finding to (NCT04851119 i34)', () => {
    const c = one('Inclusion', 'PATIENTS WITH SOLID TUMORS: Albumin \\>= 2 g/dL (within 7 days prior to enrollment)');
    expect(JSON.stringify(c.rule)).not.toContain('"subgroup":true');
    expect(JSON.stringify(c.rule)).toContain('"name":"albumin"');
  });
});
