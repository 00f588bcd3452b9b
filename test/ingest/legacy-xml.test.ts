import fs from 'node:fs';
import path from 'node:path';
import {
  convertLegacyXml,
  decodeEntities,
  legacyDate,
  legacyPhases,
  legacyStatus,
  textblock,
} from '../../src/ingest/legacy-xml';
import { checkStudy } from '../../src/ingest/study-record';
import { FIXTURES } from '../support/studies';

const LEGACY = path.join(FIXTURES, 'ctgov-legacy-xml');

/** Converts one recorded XML fixture; the expected values in these tests were read off the files by hand. */
function convert(file: string): Record<string, unknown> & { protocolSection: Record<string, Record<string, unknown>> } {
  const result = convertLegacyXml(fs.readFileSync(path.join(LEGACY, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.study as Record<string, unknown> & { protocolSection: Record<string, Record<string, unknown>> };
}

describe('legacy <clinical_study> XML conversion', () => {
  it('converts the observational record NCT05380336 field by field into the v2 shape', () => {
    const study = convert('NCT05380336.xml');
    const { descriptionModule, ...rest } = study.protocolSection;
    expect(rest).toEqual({
      identificationModule: {
        nctId: 'NCT05380336',
        orgStudyIdInfo: { id: 'RC21_0371' },
        briefTitle:
          'Medico-economic Evaluation Comparing the Impact of the New Fixed-dose Nivolumab Regimen With the Old mg/kg Regimen in the Management of Patients With Metastatic Cancer',
        officialTitle:
          'Medico-economic Evaluation Comparing the Impact of the New Fixed-dose Nivolumab Regimen With the Old mg/kg Regimen in the Management of Patients With Metastatic Cancer',
        acronym: 'IMEPOCA',
      },
      statusModule: {
        overallStatus: 'COMPLETED',
        startDateStruct: { date: '2014-01-01', type: 'ACTUAL' },
        primaryCompletionDateStruct: { date: '2021-12-31', type: 'ACTUAL' },
        completionDateStruct: { date: '2021-12-31', type: 'ACTUAL' },
        studyFirstPostDateStruct: { date: '2022-05-18', type: 'ACTUAL' },
        lastUpdatePostDateStruct: { date: '2022-06-01', type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Nantes University Hospital' } },
      conditionsModule: {
        conditions: ['Metastatic Cancer'],
        keywords: ['nivolumab', 'lung', 'kidney cancer', 'melanoma', 'cost-effectiveness'],
      },
      designModule: { studyType: 'OBSERVATIONAL', enrollmentInfo: { count: 40000, type: 'ACTUAL' } },
      eligibilityModule: {
        eligibilityCriteria: [
          'Inclusion Criteria:',
          '',
          '  -  Patients with metastatic melanoma, non-small cell lung cancer (NSCLC) and renal cell',
          '     carcinoma treated with nivolumab monotherapy',
          '',
          '  -  Patients whose nivolumab treatment was initiated between 2015 and 2020',
          '',
          '  -  Patients with health insurance',
          '',
          'Exclusion Criteria:',
          '',
          '  -  Patients whose nivolumab treatment initiated in 2017 in mg/kg has progressed to a',
          '     fixed dose in the 1st year of treatment',
          '',
          '  -  Patients treated with nivolumab in the adjuvant setting for melanoma with lymph node',
          '     involvement or metastatic disease and who have undergone complete resection (Approval',
          '     in 2018 for this indication)',
          '',
          '  -  Patients whose nivolumab treatment has been initiated in 2018',
        ].join('\n'),
        healthyVolunteers: false,
        sex: 'ALL',
        minimumAge: '18 Years',
        studyPopulation:
          'This study includes patients with metastatic cancers treated with nivolumab: lung cancer,\nmelanoma and kidney cancer.',
        samplingMethod: 'NON_PROBABILITY_SAMPLE',
      },
    });
    expect(descriptionModule).toEqual({
      briefSummary: expect.stringMatching(
        /^Nivolumab is a selective monoclonal antibody that binds to the Programmed cell Death 1 \(PD-1\)\nreceptor/,
      ),
    });
    expect(descriptionModule?.briefSummary).toMatch(/\n\nBy comparing the results predicted/);
    expect(descriptionModule?.briefSummary).toMatch(
      /weight-dependent dosage and the other having benefited from the fixed dosage$/,
    );
    expect(study['x-ctmatch']).toEqual({ format: 'ctgov-legacy-xml', converterVersion: 1, downloadDate: '2023-05-09' });
  });

  it('maps NCT05685602 interventions, sites, ages and criteria, keeping ZIP codes as text and decoding entities', () => {
    const p = convert('NCT05685602.xml').protocolSection;
    expect(p.identificationModule).toMatchObject({
      nctId: 'NCT05685602',
      briefTitle: 'CA-4948 Added to Standard Chemotherapy to Treat Metastatic or Unresectable Pancreatic Cancer',
      secondaryIdInfos: [{ id: 'NCI-2022-08984' }, { id: '10522' }, { id: '10522' }, { id: 'UM1CA186689' }],
    });
    expect(p.statusModule).toMatchObject({
      overallStatus: 'RECRUITING',
      lastUpdatePostDateStruct: { date: '2023-05-26', type: 'ACTUAL' },
      completionDateStruct: { date: '2025-03-15', type: 'ESTIMATED' },
    });
    expect(p.designModule).toEqual({
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE1'],
      enrollmentInfo: { count: 36, type: 'ESTIMATED' },
    });
    expect(p.conditionsModule).toEqual({
      conditions: [
        'Metastatic Pancreatic Ductal Adenocarcinoma',
        'Stage III Pancreatic Cancer AJCC v8',
        'Stage IV Pancreatic Cancer AJCC v8',
        'Unresectable Pancreatic Ductal Adenocarcinoma',
      ],
    });
    const interventions = p.armsInterventionsModule?.interventions as Array<Record<string, unknown>>;
    expect(interventions).toHaveLength(9);
    expect(interventions[0]).toEqual({
      type: 'PROCEDURE',
      name: 'Biopsy',
      description: 'Undergo a tumor biopsy',
      armGroupLabels: ['Treatment (CA-4948, gemcitabine, nab-paclitaxel)'],
      otherNames: ['BIOPSY_TYPE', 'Bx'],
    });
    expect(interventions[3]).toMatchObject({ type: 'BIOLOGICAL', name: 'Emavusertib' });
    expect(interventions[4]).toMatchObject({ type: 'DRUG', name: 'Gemcitabine Hydrochloride' });
    const locations = p.contactsLocationsModule?.locations as Array<Record<string, unknown>>;
    expect(locations).toHaveLength(8);
    expect(locations[0]).toEqual({
      facility: 'UC Irvine Health/Chao Family Comprehensive Cancer Center',
      status: 'RECRUITING',
      city: 'Orange',
      state: 'California',
      zip: '92868',
      country: 'United States',
    });
    expect(locations[1]).toMatchObject({ facility: 'Yale University Cancer Center LAO', zip: '06520' });
    const elig = p.eligibilityModule!;
    expect(elig).toMatchObject({ sex: 'ALL', minimumAge: '18 Years', healthyVolunteers: false });
    expect(elig).not.toHaveProperty('maximumAge');
    const criteria = elig.eligibilityCriteria as string;
    expect(
      criteria.startsWith('Inclusion Criteria:\n\n  -  Patients must have histologically or cytologically confirmed'),
    ).toBe(true);
    expect(criteria).toContain(
      '  -  Age >= 18 years. Because no dosing or adverse event data are currently available on\n' +
        '     the use of CA-4948 in combination with gemcitabine and nab-paclitaxel in patients < 18\n' +
        '     years of age, children are excluded from this study',
    );
    expect(criteria).toContain('\n\nExclusion Criteria:\n\n  -  Patients who have had chemotherapy or radiotherapy');
    expect(criteria.endsWith('  -  History of rhabdomyolysis or elevated creatine phosphokinase (CPK)')).toBe(true);
    expect(criteria).not.toMatch(/\r|&#|&gt;|&lt;/);
  });

  it('normalises the converted NCT05685602 like any v2 study (ages in years, sites, search text)', () => {
    const checked = checkStudy(convert('NCT05685602.xml'), 'import');
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.trial).toMatchObject({
      nctId: 'NCT05685602',
      overallStatus: 'RECRUITING',
      phases: ['PHASE1'],
      studyType: 'INTERVENTIONAL',
      minAgeYears: 18,
      maxAgeYears: null,
      sex: 'ALL',
      healthyVolunteers: false,
      lastUpdatePostDate: '2023-05-26',
    });
    expect(checked.trial.sites[1]).toMatchObject({ city: 'New Haven', zip: '06520', lat: null, lon: null });
    expect(checked.trial.searchText).toContain('CA4948');
  });

  it('splits "Phase 1/Phase 2", keeps acronym, keywords and partial dates of NCT05688241', () => {
    const p = convert('NCT05688241.xml').protocolSection;
    expect(p.identificationModule).toMatchObject({
      acronym: 'ESPECT',
      orgStudyIdInfo: { id: '2022-01210; am22Khanna' },
    });
    expect(p.designModule?.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(p.statusModule).toMatchObject({
      overallStatus: 'NOT_YET_RECRUITING',
      startDateStruct: { date: '2023-05', type: 'ESTIMATED' },
      lastUpdatePostDateStruct: { date: '2023-04-03', type: 'ACTUAL' },
    });
    const keywords = p.conditionsModule?.keywords as string[];
    expect(keywords).toHaveLength(12);
    expect(keywords).toContain('Wnt-β-catenin inhibition');
    // "N/A" ages mean no limit: left out, as v2 does.
    expect(p.eligibilityModule).not.toHaveProperty('minimumAge');
    expect(p.eligibilityModule).not.toHaveProperty('maximumAge');
    const locations = p.contactsLocationsModule?.locations as Array<Record<string, unknown>>;
    expect(locations).toHaveLength(8);
    // This record gives no site status and no state: nothing is invented.
    expect(locations[0]).toEqual({
      facility: 'University Hospital Basel, Klinik für Infektiologie und Spitalhygiene',
      city: 'Basel',
      zip: '4031',
      country: 'Switzerland',
    });
    const criteria = p.eligibilityModule?.eligibilityCriteria as string;
    expect(
      criteria.startsWith("Patients' inclusion criteria:\n\n  -  Group A: Patients with EBV driven lymphomas"),
    ).toBe(true);
    expect(criteria).toContain(
      '  -  Detectable interferon (IFN)-y-secreting T cells (>100 SFC/10e6 PBMC) measured by\n     Elispot to the EBV consensus peptide pool',
    );
    expect(criteria.endsWith('  -  Unwilling and/or unable to donate, according to the donor center')).toBe(true);
  });

  it('reads the other status, phase, sex and volunteer spellings of the recorded files', () => {
    expect(convert('NCT05382364.xml').protocolSection.statusModule?.overallStatus).toBe('ACTIVE_NOT_RECRUITING');
    expect(convert('NCT05382364.xml').protocolSection.sponsorCollaboratorsModule).toEqual({
      leadSponsor: { name: 'Merck Sharp & Dohme LLC' },
    });
    expect(convert('NCT05686720.xml').protocolSection.designModule?.phases).toEqual(['EARLY_PHASE1']);
    expect(convert('NCT05686720.xml').protocolSection.eligibilityModule).toMatchObject({
      sex: 'FEMALE',
      maximumAge: '80 Years',
    });
    const na = convert('NCT05685680.xml').protocolSection;
    expect(na.designModule?.phases).toEqual(['NA']);
    expect(na.eligibilityModule).toMatchObject({
      healthyVolunteers: true,
      minimumAge: '20 Years',
      maximumAge: '70 Years',
    });
    // Older records date their last update as an "Estimate".
    expect(convert('NCT00055614.xml').protocolSection.statusModule?.lastUpdatePostDateStruct).toEqual({
      date: '2013-06-26',
      type: 'ESTIMATED',
    });
    expect(convert('NCT00056407.xml').protocolSection.eligibilityModule).toMatchObject({ sex: 'MALE' });
  });

  it('turns every recorded legacy XML fixture into a study that passes checkStudy', () => {
    const files = fs.readdirSync(LEGACY).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const file of files) {
      const checked = checkStudy(convert(file), 'import');
      expect({ file, nctId: checked.ok ? checked.trial.nctId : checked.message }).toEqual({
        file,
        nctId: file.replace('.xml', ''),
      });
    }
  });

  it('reports malformed XML with its line and a foreign root element as unrecognised_format', () => {
    const xml = fs.readFileSync(path.join(LEGACY, 'NCT05686122.xml'), 'utf8');
    const cut = convertLegacyXml(xml.slice(0, 4000));
    expect(cut).toMatchObject({ ok: false, code: 'malformed_xml', line: expect.any(Number) });
    expect(convertLegacyXml('<?xml version="1.0"?>\n<patient><id>1</id></patient>')).toMatchObject({
      ok: false,
      code: 'unrecognised_format',
      message: expect.stringContaining('<patient>'),
    });
    expect(convertLegacyXml('')).toMatchObject({ ok: false });
  });

  it('yields a record without nctId that checkStudy rejects with a pointer, rather than throwing', () => {
    const xml = fs
      .readFileSync(path.join(LEGACY, 'NCT05686122.xml'), 'utf8')
      .replace(/<nct_id>NCT05686122<\/nct_id>/, '');
    const converted = convertLegacyXml(xml);
    expect(converted.ok).toBe(true);
    const checked = checkStudy(converted.ok ? converted.study : null, 'import');
    expect(checked).toMatchObject({
      ok: false,
      code: 'invalid_study',
      path: '/protocolSection/identificationModule/nctId',
    });
  });
});

describe('legacy value mappings', () => {
  it('maps every legacy recruitment status to the v2 Status enum', () => {
    expect(
      [
        'Active, not recruiting',
        'Completed',
        'Enrolling by invitation',
        'Not yet recruiting',
        'Recruiting',
        'Suspended',
        'Terminated',
        'Withdrawn',
        'Available',
        'No longer available',
        'Temporarily not available',
        'Approved for marketing',
        'Withheld',
        'Unknown status',
      ].map(legacyStatus),
    ).toEqual([
      'ACTIVE_NOT_RECRUITING',
      'COMPLETED',
      'ENROLLING_BY_INVITATION',
      'NOT_YET_RECRUITING',
      'RECRUITING',
      'SUSPENDED',
      'TERMINATED',
      'WITHDRAWN',
      'AVAILABLE',
      'NO_LONGER_AVAILABLE',
      'TEMPORARILY_NOT_AVAILABLE',
      'APPROVED_FOR_MARKETING',
      'WITHHELD',
      'UNKNOWN',
    ]);
  });

  it('maps legacy phase strings to v2 phase lists', () => {
    expect(legacyPhases('Phase 1/Phase 2')).toEqual(['PHASE1', 'PHASE2']);
    expect(legacyPhases('Phase 2/Phase 3')).toEqual(['PHASE2', 'PHASE3']);
    expect(legacyPhases('Early Phase 1')).toEqual(['EARLY_PHASE1']);
    expect(legacyPhases('Phase 4')).toEqual(['PHASE4']);
    expect(legacyPhases('N/A')).toEqual(['NA']);
    expect(legacyPhases(undefined)).toBeUndefined();
  });

  it('reads full and month-only legacy dates and rejects anything else', () => {
    expect(legacyDate('January 5, 2023')).toBe('2023-01-05');
    expect(legacyDate('June 09, 2023')).toBe('2023-06-09');
    expect(legacyDate('May 2023')).toBe('2023-05');
    expect(legacyDate('2023-05-01')).toBeUndefined();
    expect(legacyDate('Someday 5, 2023')).toBeUndefined();
  });

  it('decodes character references and the five XML entities in one pass', () => {
    expect(decodeEntities('a &lt; b &gt;= c &amp; d&#xD;&#10;&#233; &amp;#xD; &nbsp;')).toBe(
      'a < b >= c & d\r\né &#xD; &nbsp;',
    );
  });

  it('removes only the serialiser indentation and CRLF from a textblock', () => {
    expect(textblock({ textblock: '\n        Line one:&#xD;\n&#xD;\n          -  item&#xD;\n      ' })).toBe(
      'Line one:\n\n  -  item',
    );
    expect(textblock({ textblock: '\n      ' })).toBeUndefined();
  });
});
