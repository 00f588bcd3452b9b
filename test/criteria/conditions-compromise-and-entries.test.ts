/**
 * Condition entries read from real corpus lines: C. difficile infection, median sternotomy, organ or
 * tissue allograft, autoimmune pathology, respiratory insufficiency ("pulmonary function compromise"),
 * "cognitively impaired", impaired gastrointestinal function, third-space fluid, transplant rejection;
 * and a cause ("resulting from …"), an
 * effect ("that may alter the absorption …") or a risk ("that is considered a risk factor for RVO")
 * kept as a leaf beside the condition.
 */
import { leavesOf } from '../../src/criteria/facts';
import { lexicons } from '../../src/criteria/lexicon';
import { cond, readRule, unparsed } from '../support/criteria';

describe('condition entries', () => {
  const lex = lexicons();

  it('codes C. difficile infection as a bacterial infection', () => {
    expect(lex.conditionById.get('clostridioides_difficile_infection')?.icd10).toContain('A04.7');
    expect(lex.conditionById.get('clostridioides_difficile_infection')?.parents).toEqual(['bacterial_infection']);
  });

  it('reads a median sternotomy, an organ or tissue allograft and autoimmune pathology', () => {
    expect(readRule('History of median sternotomy.', 'exclusion')).toEqual({
      condition: cond({ names: ['median_sternotomy'] }),
      unread: '',
    });
    expect(readRule('Prior organ or tissue allograft.', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant'] }),
      unread: '',
    });
    expect(readRule('Patients with a documented history of autoimmune pathology', 'exclusion')).toEqual({
      condition: cond({ names: ['autoimmune_disease'] }),
      unread: '',
    });
  });

  it('reads pulmonary function compromise as respiratory insufficiency, a pulmonary disease', () => {
    expect(lex.conditionById.get('respiratory_insufficiency')?.parents).toEqual(['pulmonary_disease']);
    expect(lex.conditionById.get('respiratory_insufficiency')?.icd10).toContain('R06.89');
    expect(readRule('Has significant pulmonary function compromise, as determined by the investigator', 'exclusion')).toEqual({
      condition: cond({ names: ['respiratory_insufficiency'], active: true }),
      unread: '',
    });
    expect(readRule('Severe pulmonary function compromise.', 'exclusion')).toEqual({
      condition: cond({ names: ['respiratory_insufficiency'], active: true }),
      unread: '',
    });
  });

  it('keeps the cause a compromise results from as a leaf beside it', () => {
    expect(
      readRule('Has severe pulmonary function compromise resulting from intercurrent pulmonary illnesses.', 'exclusion'),
    ).toEqual({
      condition: {
        all: [cond({ names: ['respiratory_insufficiency'], active: true }), unparsed('resulting from intercurrent pulmonary illnesses')],
      },
      unread: '',
    });
  });

  it('reads an allogeneic organ or tissue transplant whole', () => {
    expect(readRule('History of allogeneic organ or tissue transplant', 'exclusion')).toEqual({
      condition: cond({ names: ['organ_transplant'] }),
      unread: '',
    });
  });

  it('does not read a bare sternotomy with a time window as the history of one', () => {
    const c = readRule('Prior sternotomy or thoracotomy within 6 months', 'exclusion').condition;
    expect(c ? leavesOf(c).filter((l) => l.fact === 'condition') : []).toEqual([]);
  });
});

describe('third-space fluid', () => {
  const lex = lexicons();

  it('is an umbrella over pleural effusion, ascites and pericardial effusion', () => {
    for (const id of ['pleural_effusion', 'ascites', 'pericardial_effusion'])
      expect(lex.conditionById.get(id)?.parents).toContain('serous_effusion');
  });

  it('reads uncontrolled third-space fluid accumulation as an active effusion', () => {
    expect(
      readRule(
        'Clinically uncontrolled third-space fluid accumulation, such as pleural effusion or ascites that cannot be controlled by drainage or other methods before enrollment',
        'exclusion',
      ).condition,
    ).toEqual(cond({ names: ['serous_effusion'], active: true }));
  });

  it('does not stand "serous effusions" bare before examples whose qualifiers it would not share', () => {
    const c = readRule(
      'Has a history of serous effusions such as ascites or pleural effusion requiring drainage within 14 days prior to the first administration.',
      'exclusion',
    ).condition;
    expect(c ? leavesOf(c).filter((l) => l.fact === 'condition' && !('withinYears' in (l.params ?? {}))) : []).toEqual([]);
  });
});

describe('gastrointestinal impairment and risk factors', () => {
  it('reads impaired gastrointestinal function with what it may alter as a leaf beside it', () => {
    expect(
      readRule(
        'Impairment of gastrointestinal function or gastrointestinal disease that may significantly alter the absorption of the study treatment (e.g., ulcerative diseases, uncontrolled nausea, vomiting, diarrhea, malabsorption syndrome, or small bowel resection).',
        'exclusion',
      ),
    ).toEqual({
      condition: {
        all: [
          cond({ names: ['gastrointestinal_disease'] }),
          unparsed(
            'that may significantly alter the absorption of the study treatment (e.g., ulcerative diseases, uncontrolled nausea, vomiting, diarrhea, malabsorption syndrome, or small bowel resection)',
          ),
        ],
      },
      unread: '',
    });
    expect(
      readRule(
        'Participant has impairment of gastrointestinal (GI) function or GI disease that may significantly alter the absorption of the study drugs',
        'exclusion',
      ),
    ).toEqual({
      condition: { all: [cond({ names: ['gastrointestinal_disease'] }), unparsed('that may significantly alter the absorption of the study drugs')] },
      unread: '',
    });
  });

  it('ends the effect clause before the next item of the sentence', () => {
    const c = readRule(
      'Impairment of gastrointestinal function or disease which may significantly alter the absorption of study drugs (e.g., active ulcerative disease, uncontrolled vomiting or diarrhea, malabsorption syndrome, complete small bowel resection), or recent (=\\< 3 months) history of a partial or complete bowel obstruction, or other conditions that will interfere significantly with the absorption of oral drugs',
      'exclusion',
    ).condition;
    expect(c).toEqual({
      any: [
        {
          all: [
            cond({ names: ['gastrointestinal_disease'] }),
            unparsed(
              'which may significantly alter the absorption of study drugs (e.g., active ulcerative disease, uncontrolled vomiting or diarrhea, malabsorption syndrome, complete small bowel resection)',
            ),
          ],
        },
        cond({ names: ['bowel_obstruction'] }),
      ],
    });
  });

  it('reads a pathology that is a risk factor with the risk as a leaf beside it', () => {
    expect(readRule('Have past history or ongoing retinal pathology that is considered a risk factor for retinopathy or RVO.', 'exclusion')).toEqual({
      condition: {
        all: [cond({ names: ['retinal_disorder'] }), unparsed('that is considered a risk factor for retinopathy or RVO')],
      },
      unread: '',
    });
  });

  it('leaves a risk factor unread when another requirement follows its outcomes', () => {
    const c = readRule(
      'Patients with history of retinal pathology or evidence of visible retinal pathology that is considered a risk factor for RVO, intraocular pressure \\> 21 mm Hg as measured by tonometry, or other significant ocular pathology, such as anatomical abnormalities that increase the risk for RVO.',
      'exclusion',
    ).condition;
    expect(c ? leavesOf(c).filter((l) => l.fact === 'condition') : []).toEqual([]);
  });
});

describe('transplant rejection', () => {
  it('is a complication of a solid organ transplant, coded under T86', () => {
    const lex = lexicons();
    expect(lex.conditionById.get('transplant_rejection')?.parents).toEqual(['organ_transplant']);
    expect(lex.conditionById.get('transplant_rejection')?.icd10).toContain('T86.11');
  });

  it('reads an acute rejection episode with its window', () => {
    expect(readRule('Biopsy-confirmed acute rejection episode within the past 12 weeks', 'exclusion').condition).toEqual(
      cond({ names: ['transplant_rejection'], withinYears: 0.23 }),
    );
  });
});
