/**
 * One reader's finding may hold another reader's as a part, both read from the same words (parse.ts
 * holdsAsPart). Joined beside the whole with "and", the part was demanded of every patient. Lines
 * verbatim from the corpus.
 */
import { parseCriteria, readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

describe('a finding another holds as its part', () => {
  it('is not joined again beside it: treated brain metastases off steroids (NCT07203391)', () => {
    const source = [
      'Exclusion Criteria:',
      '',
      '* Presence of untreated or symptomatic central nervous system (CNS) metastases, leptomeningeal disease, or cord compression. NOTE: Participants with treated CNS lesions may enroll provided all of the following apply:',
      '  * Participants must be neurologically stable off systemic corticosteroids for at least 2 weeks prior to trial entry',
    ].join('\n');
    const steroids = parseCriteria(source).find((c) =>
      c.text.startsWith('Participants must be neurologically stable'),
    )!;
    // Excluded with active metastases, or with treated ones and steroids in the last 2 weeks; an
    // extra "and steroids" had let every patient with active metastases and no steroids in.
    expect(steroids.rule).toEqual({
      any: [
        { fact: 'brainMetastases', operator: 'in', value: ['active'] },
        {
          all: [
            { fact: 'brainMetastases', operator: 'in', value: ['treated-stable'] },
            {
              fact: 'priorTherapy',
              operator: 'equal',
              value: true,
              params: { classes: ['corticosteroid'], withinDays: 14 },
            },
          ],
        },
      ],
    });
  });

  it('keeps an extent list whole: "locally advanced or metastatic urothelial cancer" requires neither alone (NCT05107674)', () => {
    const line =
      'Histological or cytological diagnosis of platinum-resistant EOC, including primary peritoneal and fallopian tube carcinoma; gastric/GEJ cancer; HNSCC; recurrent and either metastatic or unresectable melanoma; NSCLC; mCRPC; MPM; TNBC; locally advanced or metastatic urothelial cancer; cervical cancer; MSS CRC; or DLBCL (including DLBCL-RT)';
    const json = JSON.stringify(readCriterion(normalise(line).text, 'inclusion', []).condition);
    const metastatic = '{"fact":"diseaseExtent","operator":"equal","value":true,"params":{"extent":"metastatic"}}';
    const locallyAdvanced =
      '{"fact":"diseaseExtent","operator":"equal","value":true,"params":{"extent":"locally_advanced"}}';
    expect(json).toContain(`{"any":[${locallyAdvanced},${metastatic}]}`);
    // The extent list's "metastatic" read again on its own beside it had demanded metastatic disease.
    expect(json).not.toContain(`${metastatic},{"any":[${locallyAdvanced}`);
  });
});
