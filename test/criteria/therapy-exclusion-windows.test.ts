/**
 * Windows of prior therapy in exclusions that were read into a wrong rule: a longer window for some
 * drugs in an aside (therapy-longer-windows.ts), a minimum gap in a note on the treatment before it,
 * and a period counted forward from a study event (therapy-windows.ts). Real corpus lines with the
 * rule they must get and the readings they must never get again.
 */
import type { Condition } from '../../src/criteria/facts';
import { readWindows } from '../../src/criteria/extract/therapy';
import { readCondition, therapy, therapyLeaves } from '../support/criteria';

/** Every priorTherapy leaf stated false: the absence of a treatment. */
const absences = (c: Condition | null): Condition[] => therapyLeaves(c).filter((l) => 'value' in l && l.value === false);

/** The smallest all() that holds both leaves, if any: the two joined with "and". */
function joinedByAnd(c: Condition, a: Condition, b: Condition): boolean {
  const holds = (x: Condition, leaf: Condition): boolean =>
    JSON.stringify(x) === JSON.stringify(leaf) || ('all' in x ? x.all.some((y) => holds(y, leaf)) : 'any' in x ? x.any.some((y) => holds(y, leaf)) : false);
  if ('all' in c && c.all.some((x) => holds(x, a)) && c.all.some((x) => holds(x, b)) && !c.all.some((x) => holds(x, a) && holds(x, b))) return true;
  const kids = 'all' in c ? c.all : 'any' in c ? c.any : [];
  return kids.some((x) => joinedByAnd(x, a, b));
}

describe('a longer window for some drugs in an aside is another way to be excluded', () => {
  const nitrosoureas = { any: [therapy({ drugs: ['mitomycin'], withinDays: 42 }), therapy({ classes: ['nitrosourea'], withinDays: 42 })] };

  it('reads the main window or the aside’s drugs within the longer one (NCT06545682)', () => {
    const c = readCondition(
      'Patients who received chemotherapy or radiotherapy within 2 weeks (6 weeks for nitrosoureas or mitomycin C) prior to starting study treatment.',
      'exclusion',
    );
    expect(c).toEqual({ any: [therapy({ kinds: ['chemotherapy', 'radiation'], withinDays: 14 }), nitrosoureas] });
  });

  it('never makes chemotherapy two weeks ago exclude only with a nitrosourea too (NCT02896335)', () => {
    const main = therapy({ kinds: ['chemotherapy', 'immunotherapy', 'radiation'], withinDays: 14 });
    const c = readCondition(
      'Participants who have had chemotherapy, immunotherapy or radiotherapy within 2 weeks (6 weeks for nitrosoureas or mitomycin C) prior to entering the study or those who have ≥ grade 2 adverse events due to agents administered more than 2 weeks earlier.',
      'exclusion',
    );
    expect(c).not.toBeNull();
    expect(JSON.stringify(c)).toContain(JSON.stringify({ any: [main, nitrosoureas] }));
    expect(joinedByAnd(c!, main, nitrosoureas.any[1]!)).toBe(false);
  });

  it('leaves a shorter window for part of the treatment unjoined and unread (NCT03518606)', () => {
    const c = readCondition(
      'Prior anticancer therapy, within the last 3 weeks. It includes radiotherapy (concurrent palliative radiotherapy is allowed), endocrine therapy, immunotherapy, chemotherapy (2 weeks for weekly schedule, 6 weeks for nitrosoureas and mitomycin C), or other investigational agents.',
      'exclusion',
    );
    // No window of 14 days is read as excluding: it spares weekly schedules, it does not exclude them.
    expect(therapyLeaves(c).some((l) => (l as { params?: { withinDays?: number } }).params?.withinDays === 14)).toBe(false);
  });
});

describe('a minimum gap in a note on the treatment before it is no exclusion of its own', () => {
  it('never reads "can be used ≥ 1 week prior" as excluding those without radiation that week (NCT06472661)', () => {
    const c = readCondition('Radiation therapy (Note: Stereotactic radiotherapy, such as gamma knife, can be used ≥ 1 week prior to registration)', 'exclusion', [
      'Any of the following medications or treatments are administered to the subject within 4 weeks of study day 1:',
    ]);
    expect(c).not.toBeNull();
    expect(absences(c)).toEqual([]);
    expect(therapyLeaves(c)).toContainEqual(therapy({ kinds: ['radiation'] }));
  });
});

describe('a period counted forward from a study event is no window of past receipt', () => {
  it('drops the 14 days "after enrollment" from the steroid reading (NCT06581406)', () => {
    const c = readCondition(
      'Conditions requiring treatment with immunosuppressive doses (\\> 10 mg per day of prednisone or equivalent) of systemic corticosteroids other than for corticosteroid replacement therapy within 14 days after enrollment.',
      'exclusion',
    );
    expect(therapyLeaves(c).some((l) => (l as { params?: { withinDays?: number } }).params?.withinDays !== undefined)).toBe(false);
  });

  it('reads no window forward from enrolment or the first dose of study drug', () => {
    expect(readWindows('other than for corticosteroid replacement therapy within 14 days after enrollment.')).toEqual([]);
    expect(readWindows('within 28 days following first dose of study drug')).toEqual([]);
  });

  it('keeps a window after a past event of the patient’s own (NCT06109779)', () => {
    expect(readWindows('Randomization within 12 weeks after resection with adequate healing and removal of drains.')).toEqual([
      { days: 84, sense: 'within', text: 'within 12 weeks' },
    ]);
    expect(readWindows('within 12 weeks after the first dose of pembrolizumab')).toEqual([{ days: 84, sense: 'within', text: 'within 12 weeks' }]);
  });
});

describe('a permission of a treatment in a later sentence carves out of the exclusion before it', () => {
  /** Whether a leaf stands as an alternative of its own: a member of an any() (or the whole rule), not inside an all(). */
  function standsAlone(c: Condition, leaf: Condition): boolean {
    if (JSON.stringify(c) === JSON.stringify(leaf)) return true;
    return 'any' in c ? c.any.some((x) => standsAlone(x, leaf)) : false;
  }

  it('keeps prior immunotherapy only necessary beside "(neo)adjuvant treatment is allowed if …" (NCT07686835)', () => {
    const c = readCondition(
      'Received prior immunotherapy; previous (neo)adjuvant treatment is allowed if the last administration is at least 6 months ago',
      'exclusion',
    );
    const io = therapy({ kinds: ['immunotherapy'] });
    expect(therapyLeaves(c)).toContainEqual(io);
    expect(standsAlone(c!, io)).toBe(false);
  });

  it('keeps growth factors only necessary beside "Chronic erythropoietin therapy is permitted" (NCT07634380)', () => {
    const c = readCondition(
      'Biologic response modifiers (e.g., granulocyte colony-stimulating factor) within 4 weeks before study entry. Chronic erythropoietin therapy is permitted provided that no dose adjustments were made within 2 months before the first dose of study treatment',
      'exclusion',
    );
    const bio = therapy({ classes: ['biologic', 'g_csf'], withinDays: 28 });
    expect(therapyLeaves(c)).toContainEqual(bio);
    expect(standsAlone(c!, bio)).toBe(false);
  });

  it('leaves a permission about toxicities out of it (NCT05280314)', () => {
    const c = readCondition(
      'Prior chemotherapy, targeted small molecule therapy, or radiation therapy within 2 weeks prior to first dose of trial treatment\n\n   * Note: Patients must have recovered from all adverse events (AEs) due to previous therapies (i.e., grade ≤1 at baseline). Patients with grade ≤2 neuropathy are eligible for the trial. Patients with endocrine-related AEs grade ≤2 requiring treatment or hormone replacement are also eligible.',
      'exclusion',
    );
    expect(standsAlone(c!, therapy({ kinds: ['chemotherapy', 'targeted', 'radiation'], withinDays: 14 }))).toBe(true);
  });
});

describe('a clause after the window opened by ", or discontinuation of" is another reason to exclude', () => {
  it('reads the immunotherapy window beside it, not narrowed by it (NCT06413680)', () => {
    const c = readCondition(
      'Has had prior anti-cancer immunotherapy within 4 weeks prior to study intervention, or discontinuation of prior anti-cancer immunotherapy due to grade 3 or 4 toxicities',
      'exclusion',
    );
    expect(therapyLeaves(c)).toEqual([therapy({ kinds: ['immunotherapy'], withinDays: 28 })]);
  });
});

describe('ways of access joined by "or" after a treatment are its qualifier, not alternatives to it', () => {
  it('keeps the checkpoint inhibitor necessary beside "in off-label capacity or through a … trial" (NCT05037825)', () => {
    const c = readCondition('Treatment with checkpoint inhibitor in off-label capacity or through a clinical/interventional trial', 'exclusion');
    expect(c).toEqual({ all: [therapy({ classes: ['checkpoint_inhibitor'] }), { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'off-label capacity or through a clinical/interventional trial' } }] });
  });

  it('leaves "or within expanded access programs" unread where no way of access follows the treatment (NCT05229614)', () => {
    expect(therapyLeaves(readCondition('Patients receiving off-label immunotherapy or within expanded access programs or as compassionate use', 'exclusion'))).toEqual([]);
  });
});

describe('"current use of" a treatment', () => {
  it('is taking it now, not having ever had it (NCT06008106, NCT05899465)', () => {
    expect(readCondition('Current use of other anti-cancer drugs.', 'exclusion')).toEqual(therapy({ kinds: ['systemic'], withinDays: 1 }));
    expect(readCondition('Current use of tranexamic acid', 'exclusion')).toEqual(therapy({ drugs: ['tranexamic_acid'], withinDays: 1 }));
  });
});

describe('a treatment "for brain metastases"', () => {
  it('excludes only with the site judged, not every patient who had systemic therapy (NCT05522660)', () => {
    expect(readCondition('Prior systemic treatment for brain metastases', 'exclusion')).toEqual({
      all: [therapy({ kinds: ['systemic'] }), { fact: 'unparsed', operator: 'equal', value: true, params: { text: 'brain metastases' } }],
    });
  });
});
