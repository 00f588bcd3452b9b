/**
 * Washout table rows "<treatment>: <time>" under a washout or receipt lead-in
 * (src/criteria/extract/therapy-washout-rows.ts). Every line and lead-in is verbatim from the oncology
 * corpus (fixtures/ctgov/studies.oncology.v2.jsonl.gz): NCT06204991 / NCT06783270 (exclusion table),
 * NCT06974604 (inclusion table), NCT05023993, NCT05361174.
 */
import { readCondition, therapy, therapyLeaves, unparsed as unread } from '../support/criteria';

const RECEIPT_LEAD = [
  "Patients will be excluded if they meet one of the criteria's listed below",
  'Subject has received or plans to receive the following therapy/treatment prior to tumor resection (TR) or lymphodepleting chemotherapy (LDC):',
];
const WASHOUT_LEAD = [
  'Has an adequate treatment washout period prior to Cycle 1, Day 1, defined as appropriately recovering from:',
];
const ANY_KIND = ['systemic', 'radiation', 'surgery', 'transplant', 'cell therapy', 'investigational', 'locoregional'];

const row = (text: string) => readCondition(text, 'exclusion', RECEIPT_LEAD);
const plan = (text: string) => unread(`plans to receive: ${text}`);

describe('exclusion rows under a receipt lead-in', () => {
  it('reads a plain row as the treatment within the window, the plan the lead-in offers left unread beside it', () => {
    const text = 'Cytotoxic chemotherapy: Washout period 3 weeks before TR and LDC';
    expect(row(text)).toEqual({ any: [therapy({ kinds: ['chemotherapy'], withinDays: 21 }), plan(text)] });
  });

  it('keeps an unread member of the label union as an unparsed leaf, never dropping it', () => {
    const text = 'Small molecules/TKI: Washout period 1 week before TR and LDC';
    expect(row(text)).toEqual({
      any: [unread('Small molecules'), therapy({ classes: ['kinase_inhibitor'], withinDays: 7 }), plan(text)],
    });
  });

  it('reads the members a parenthesis lists beside the label, unread ones as leaves', () => {
    const text = 'Immune therapy (monoclonal AB therapy, CPI and biologics): 2 weeks before TR and LDC';
    expect(row(text)).toEqual({
      any: [
        therapy({ kinds: ['immunotherapy'], withinDays: 14 }),
        unread('monoclonal AB therapy'),
        therapy({ classes: ['checkpoint_inhibitor'], withinDays: 14 }),
        unread('biologics'),
        plan(text),
      ],
    });
  });

  it('reads "4 weeks or 5 half-lives, whichever is shorter" as receipt within 4 weeks, necessary only', () => {
    const text = 'Investigational treatment: 4 weeks or 5 half-lives, whichever is shorter before TR and LDC.';
    expect(row(text)).toEqual({
      any: [
        {
          all: [therapy({ kinds: ['investigational'], withinDays: 28 }), unread('5 half-lives, whichever is shorter')],
        },
        plan(text),
      ],
    });
  });

  it('reads radiation to a site as radiation within the window and the site unread', () => {
    const text =
      'Radiation to the pelvis and/or multiple bones containing ≥ 25% of bone marrow: 4 weeks before TR and LDC';
    expect(row(text)).toEqual({
      any: [
        {
          all: [
            therapy({ kinds: ['radiation'], withinDays: 28 }),
            unread('Radiation to the pelvis and/or multiple bones containing >= 25% of bone marrow'),
          ],
        },
        plan(text.replace('≥ ', '>= ')),
      ],
    });
  });

  it('reads narrower forms of radiation as radiation and an unread leaf for each form', () => {
    const text = 'Whole brain radiotherapy or brain stereotactic radiosurgery: 4 weeks before TR and LDC';
    expect(row(text)).toEqual({
      any: [
        { all: [therapy({ kinds: ['radiation'], withinDays: 28 }), unread('Whole brain radiotherapy')] },
        { all: [therapy({ kinds: ['radiation'], withinDays: 28 }), unread('brain stereotactic radiosurgery')] },
        plan(text),
      ],
    });
  });

  it('leaves an exclusion row with "at least" unread: it says how long ago the treatment may have been', () => {
    expect(therapyLeaves(row('Hormonal therapy: ≥2 weeks'))).toEqual([]);
  });
});

describe('inclusion rows under a washout lead-in', () => {
  const wrow = (text: string) => readCondition(text, 'inclusion', WASHOUT_LEAD);

  it('reads a plain row as no such treatment within the window', () => {
    expect(wrow('Hormonal therapy: ≥2 weeks')).toEqual(therapy({ kinds: ['hormonal'], withinDays: 14 }, false));
  });

  it('reads a generic anticancer therapy narrowed by a modifier as any treatment within the window, or the modifier unmet', () => {
    expect(wrow('Antibody-based anti-cancer therapy: ≥4 weeks')).toEqual({
      any: [therapy({ kinds: ANY_KIND, withinDays: 28 }, false), unread('Antibody-based anti-cancer therapy', false)],
    });
  });

  it('negates the half-life reading: no treatment within 4 weeks suffices, receipt leaves it open', () => {
    expect(wrow('Investigational treatment: 4 weeks or 5 half-lives, whichever is shorter before TR and LDC.')).toEqual(
      {
        any: [
          therapy({ kinds: ['investigational'], withinDays: 28 }, false),
          unread('5 half-lives, whichever is shorter', false),
        ],
      },
    );
  });

  it('reads rows with two minimum times by the shorter only, as necessary (washout-several-gaps.test.ts)', () => {
    // Each time is at least the shorter: radiation within 2 weeks breaks the row whatever its field.
    for (const text of [
      'Radiation therapy (curative) and palliative radiation therapy to lung ﬁelds: ≥4 weeks; ≥2 weeks (palliative radiation therapy to other areas \\[ie, limited ﬁeld and 10 or fewer days or fractions\\] including whole brain radiotherapy).',
      'Major surgery: ≥2 weeks (or 2 weeks for low-invasive cases \\[eg, colostomy\\]).',
    ])
      for (const l of therapyLeaves(wrow(text))) expect((l as { params: { withinDays?: number } }).params.withinDays).toBe(14);
  });

  it('leaves rows with nested brackets unread', () => {
    for (const text of [
      'Chemotherapy (including immunotherapy \\[non-antibody based therapy\\]), and retinoid therapy: ≥2 weeks or 5 times terminal elimination half-life (T½) of the chemotherapeutic agent (whichever is longer); ≥6 weeks for nitrosoureas or mitomycin C, ≥1 week for tyrosine kinase inhibitors (TKIs)',
    ])
      expect(
        therapyLeaves(wrow(text)).filter(
          (l) => 'params' in l && (l.params as { withinDays?: number }).withinDays !== undefined,
        ),
      ).toEqual([]);
  });
});

describe('rows whose tail restates the treatment', () => {
  const MINIMUM_LEAD = [
    'Patients must have fully recovered from the acute toxic effects of all prior anti-cancer therapy and must meet the following minimum duration from prior anti-cancer directed therapy prior to enrollment. If after the required timeframe, the numerical eligibility criteria are met, e.g., blood count criteria, the patient is considered to have recovered adequately.',
  ];
  const mrow = (text: string) => readCondition(text, 'inclusion', MINIMUM_LEAD);

  it('reads "≥ 42 days after the completion of any type of X (e.g., …)" as no X within 42 days, never as X required', () => {
    expect(
      mrow(
        'Cellular therapy: \\>= 42 days after the completion of any type of cellular therapy (e.g., modified T cells, natural killer \\[NK\\] cells, dendritic cells, etc.).',
      ),
    ).toEqual(therapy({ classes: ['cell_therapy'], withinDays: 42 }, false));
  });

  it('keeps words the tail adds ("systemically administered") as an unread narrowing, the label examples read with it', () => {
    expect(
      mrow(
        'Radiopharmaceutical therapy (e.g., radiolabeled antibody, iobenguane I-131 \\[131I MIBG\\]): \\>= 42 days after systemically administered radiopharmaceutical therapy',
      ),
    ).toEqual({
      any: [
        therapy({ classes: ['radiopharmaceutical'], withinDays: 42 }, false),
        unread('after systemically administered radiopharmaceutical therapy', false),
      ],
    });
  });

  it('reads a tail with a second time for another form by the shorter time only (washout-several-gaps.test.ts)', () => {
    const c = readCondition(
      'Hematopoietic growth factors: At least 14 days after the last dose of a long-acting growth factor (e.g., Neulasta) or 7 days for short-acting growth factor.',
      'inclusion',
      [
        'Fully recovered from acute toxic effects of prior anti-neoplastic therapies. The following minimum periods from treatment apply:',
      ],
    );
    // A growth factor within 7 days breaks the row whether it was long- or short-acting.
    expect(therapyLeaves(c)).toEqual([therapy({ classes: ['hematopoietic_growth_factor'], withinDays: 7 }, false)]);
  });
});

describe('the lead-in decides', () => {
  it('does not read a row under a lead-in that lists therapies received as a washout', () => {
    const c = readCondition('Hormonal therapy: ≥2 weeks', 'inclusion', [
      'Participants who have received the following previous therapy:',
    ]);
    expect(
      therapyLeaves(c).filter((l) => 'params' in l && (l.params as { withinDays?: number }).withinDays !== undefined),
    ).toEqual([]);
  });

  it('does not read a contraception period after a drug under a cohort lead-in as a washout', () => {
    const c = readCondition(
      'Nivolumab: 5 months after the last dose of either nivolumab or intralesional Flucelvax, whichever is later',
      'inclusion',
      ['Cohort 2:'],
    );
    expect(
      therapyLeaves(c).filter((l) => 'params' in l && (l.params as { withinDays?: number }).withinDays !== undefined),
    ).toEqual([]);
  });

  it('leaves a row another reader took whole to that reading', () => {
    // therapy-generic.ts reads the time since the end of the cancer treatment (no systemic therapy
    // within it); the row is not read a second time.
    expect(
      readCondition('Time between completion of cancer-directed therapy and study entry: \\>= 6 months', 'inclusion'),
    ).toEqual(therapy({ kinds: ['systemic'], withinDays: 180 }, false));
  });
});

describe('bounded time', () => {
  it('reads a row whose event is one very long word without backtracking over its splits', () => {
    const t0 = Date.now();
    readCondition(
      `Cytotoxic chemotherapy: Washout period 3 weeks before ${'a'.repeat(200)}!`,
      'exclusion',
      RECEIPT_LEAD,
    );
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
