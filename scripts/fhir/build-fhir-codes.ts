/**
 * Builds rules/fhir/profiles.json and rules/fhir/codes.json, the code tables of the FHIR / mCODE
 * bundle reader (src/fhir/), from the shared vocabularies (/work/shared/data/PROVENANCE.md §8) and
 * the hand-curated scripts/fhir/curated/fhir-codes.curated.json.
 *
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/fhir/build-fhir-codes.js [--vocab DIR]
 *
 * What comes from where:
 *   - profiles: curated (STU1–STU4 ids); every id the curated file lists under STU4 must exist in the
 *     official STU4 data dictionary (mcode-ig/mCODEDataDictionary-STU4.json) or the build fails;
 *   - stages: SNOMED CT stage qualifiers and AJCC spellings from the trialjectory "Stage-*" groups and
 *     the mcode-ctm-app stage list ("Stage 3A" → IIIA); where one source is finer ("Stage 1A1" against
 *     the group Stage-1A) the finer stage is kept, and a code the sources otherwise disagree on is dropped;
 *   - staging types: the SNOMED observable entities of the mCODE STU4 "TNM … Staging Type" value sets,
 *     with the setting read from the term ("cT category" → clinical, "pT category" → pathological);
 *   - ECOG / Karnofsky answer codes: mcode-ctm-app ecogScores.json and karnofskyScores.json;
 *   - tumour markers: LOINC codes of the mCODE STU4 Tumor Marker Test value set, the mcode-ctm-app
 *     biomarker list and the trialjectory "Biomarker-*" groups, each resolved to exactly one gene or
 *     marker of rules/genes.json by scanning its LOINC display (then the source's group name) with the
 *     project's own lexicon; codes that resolve to none or to several, and codes that rules/labs.json
 *     already reads as labs, are left out. The method (IHC, FISH, molecular) is read from the LOINC
 *     method axis in the display;
 *   - procedures: mcode-ctm-app surgeries (SNOMED CT, CPT) and radiations, plus the SNOMED codes of
 *     the mCODE STU4 radiotherapy modality and technique value sets;
 *   - metastasis sites: the mCODE STU4 Secondary Cancer Disorder value set (ICD-10-CM), the
 *     mcode-ctm-app metastasis list and the trialjectory secondary-neoplasm groups; the site is the
 *     term after "of" / "to"; lymph-node sites are flagged (regional or distant depends on the
 *     primary), brain sites are those of the trialjectory "Metastasis-Brain" group or named "brain";
 *   - HGNC ids: cancer_genes_subset.tsv, for the genes in rules/genes.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadLexicons, type Lexicons } from '../../src/criteria/lexicon';
import { codesFileSchema, profilesFileSchema, type CodesFile, type SystemFamily } from '../../src/fhir/codes';
import { stageOf } from '../../src/fhir/staging';
import { readTsv, readJson } from '../vocab-files';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const vocabArg = args.indexOf('--vocab');
const vocab =
  vocabArg >= 0 && args[vocabArg + 1] ? args[vocabArg + 1]! : (process.env.CTMATCH_VOCAB ?? '/work/shared/data/vocab');
const codesDir = path.join(vocab, 'codes');
const outDir = path.join(root, 'rules', 'fhir');

type Curated = {
  sources: CodesFile['sources'];
  profiles: Array<{ id: string; reads: string; setting?: string; versions: string[]; why?: string }>;
  observations: CodesFile['observations'];
  variantComponents: CodesFile['variantComponents'];
  genomicOrigins: CodesFile['genomicOrigins'];
  qualifiers: CodesFile['qualifiers'];
  variantInterpretations: CodesFile['variantInterpretations'];
  variantSignificance: CodesFile['variantSignificance'];
  pregnancy: CodesFile['pregnancy'];
  diseaseStatuses: CodesFile['diseaseStatuses'];
  tumorSizeDimensions: CodesFile['tumorSizeDimensions'];
  tumorMarkerOverrides: Array<{ loinc: string; marker: string; display: string; why: string }>;
};

function family(system: string): SystemFamily {
  const s = system.toLowerCase();
  if (s.includes('snomed')) return 'snomed';
  if (s.includes('loinc')) return 'loinc';
  if (s.includes('icd')) return 'icd10';
  if (s.includes('cpt')) return 'cpt';
  if (s.includes('ncit')) return 'ncit';
  throw new Error(`unknown code system ${system}`);
}

/** Gene or marker ids of rules/genes.json named in a text; a marker wins over its own gene. */
function markerIds(lex: Lexicons, text: string): string[] {
  const mentions = lex.index.scan(text).filter((m) => m.type === 'gene' || m.type === 'marker');
  const markers = new Set(mentions.filter((m) => m.type === 'marker').map((m) => m.id));
  const genes = new Set(mentions.filter((m) => m.type === 'gene').map((m) => m.id));
  for (const id of markers) {
    const gene = lex.genes.markers.find((x) => x.id === id)?.gene;
    if (gene) genes.delete(gene);
  }
  return [...markers, ...genes];
}

function methodOf(display: string): string | undefined {
  if (/immune stain|immunohistochem/i.test(display)) return 'IHC';
  if (/\bFISH\b|in situ hybridization/i.test(display)) return 'FISH';
  if (/molecular genetics|sequencing|\bNGS\b/i.test(display)) return 'molecular';
  return undefined;
}

function main(): void {
  const curated = readJson<Curated>(path.join(root, 'scripts', 'fhir', 'curated', 'fhir-codes.curated.json'));
  const lex = loadLexicons(path.join(root, 'rules'));
  const report: string[] = [];

  // Profiles: STU4 ids checked against the official data dictionary.
  const dictionary = readJson<{ profiles: Array<{ url: string }> }>(
    path.join(codesDir, 'mcode-ig', 'mCODEDataDictionary-STU4.json'),
  );
  const stu4 = new Set(dictionary.profiles.map((p) => p.url.split('/').pop()!));
  for (const p of curated.profiles) {
    if (p.versions.includes('STU4') && !stu4.has(p.id))
      throw new Error(`curated profile ${p.id} is marked STU4 but is not in the STU4 data dictionary`);
  }
  const listed = new Set(curated.profiles.map((p) => p.id));
  const unlisted = [...stu4].filter((id) => !listed.has(id));
  report.push(
    `profiles: ${curated.profiles.length} (STU4 profiles not listed, read as unknown: ${unlisted.join(', ')})`,
  );
  const profiles = profilesFileSchema.parse({
    sources: curated.sources.filter((s) => s.name.startsWith('HL7 mCODE')),
    base: 'http://hl7.org/fhir/us/mcode/StructureDefinition/',
    profiles: curated.profiles,
  });

  const valueSets = readTsv(path.join(codesDir, 'mcode-ig', 'mcode_stu4_valueset_codes.tsv'));
  const trialjectory = readJson<Record<string, Record<string, string[]>>>(
    path.join(codesDir, 'mcode-ctms-trialjectory', 'profile-system-codes.json'),
  );
  const ctmApp = (file: string) =>
    readJson<Array<{ code: string; display: string; system: string; category?: string[] }>>(
      path.join(codesDir, 'mcode-ctm-app', file),
    );

  // Stages.
  const stageRows = new Map<string, { system: SystemFamily; code: string; stage: string }>();
  const conflicts = new Set<string>();
  const addStage = (system: SystemFamily, code: string, stage: string | undefined): void => {
    if (!stage) return;
    const key = `${system}|${code}`;
    const prev = stageRows.get(key);
    // A finer source wins over a coarser one ("Stage 1A1" over the group "Stage-1A"); others conflict.
    if (prev && prev.stage !== stage) {
      if (prev.stage.startsWith(stage)) return;
      if (!stage.startsWith(prev.stage)) conflicts.add(key);
    }
    stageRows.set(key, { system, code, stage });
  };
  for (const [group, codes] of Object.entries(trialjectory)) {
    const m = /^Stage-(\w+)$/.exec(group);
    if (!m) continue;
    const stage = stageOf(m[1]!);
    for (const c of codes.SNOMED ?? []) addStage('snomed', c, stage);
    for (const c of codes.AJCC ?? []) addStage('ajcc', c, stage);
  }
  for (const s of ctmApp('stages.json')) addStage(family(s.system), s.code, stageOf(s.display));
  for (const k of conflicts) stageRows.delete(k);
  report.push(`stages: ${stageRows.size} (dropped for disagreeing sources: ${[...conflicts].join(', ') || 'none'})`);

  // Staging types.
  const stagingTypes: CodesFile['stagingTypes'] = [];
  const typeSets: Array<[string, CodesFile['stagingTypes'][number]['kind']]> = [
    ['TNM Primary Tumor Staging Type Value Set', 'tnmT'],
    ['TNM Regional Nodes Staging Type Value Set', 'tnmN'],
    ['TNM Distant Metastases Staging Type Value Set', 'tnmM'],
    ['TNM Stage Group Staging Type Value Set', 'stageGroup'],
  ];
  for (const [set, kind] of typeSets) {
    for (const r of valueSets.filter((v) => v.value_set_name === set)) {
      const d = r.display!;
      const setting = /^c[TNM]\b|^clinical/i.test(d)
        ? 'clinical'
        : /^p[TNM]\b|^patholog/i.test(d)
          ? 'pathological'
          : undefined;
      stagingTypes.push({ system: family(r.code_system!), code: r.code!, kind, ...(setting ? { setting } : {}) });
    }
  }

  // ECOG and Karnofsky answers.
  type Score = { interpretation: { code: string; system: string }; valueInteger: number };
  const ecog = readJson<Score[]>(path.join(codesDir, 'mcode-ctm-app', 'ecogScores.json')).map((s) => ({
    system: family(s.interpretation.system),
    code: s.interpretation.code,
    grade: s.valueInteger,
  }));
  const karnofsky = readJson<Score[]>(path.join(codesDir, 'mcode-ctm-app', 'karnofskyScores.json')).map((s) => ({
    system: family(s.interpretation.system),
    code: s.interpretation.code,
    score: s.valueInteger,
  }));

  // Tumour markers.
  const labLoinc = new Set(lex.labs.labs.flatMap((l) => l.loinc));
  const candidates = new Map<string, { displays: Set<string>; hints: Set<string> }>();
  const addMarker = (loinc: string, display: string | undefined, hint?: string): void => {
    const c = candidates.get(loinc) ?? { displays: new Set<string>(), hints: new Set<string>() };
    if (display) c.displays.add(display);
    if (hint) c.hints.add(hint.replace(/_/g, ' '));
    candidates.set(loinc, c);
  };
  for (const r of valueSets.filter(
    (v) => v.value_set_name === 'Tumor Marker Test Value Set' && /loinc/i.test(v.code_system!),
  ))
    addMarker(r.code!, r.display);
  for (const b of ctmApp('biomarkers.json'))
    for (const hint of b.category ?? [undefined]) addMarker(b.code, b.display, hint);
  for (const [group, codes] of Object.entries(trialjectory)) {
    const m = /^Biomarker-(.+)$/.exec(group);
    if (m) for (const c of codes.LOINC ?? []) addMarker(c, undefined, m[1]);
  }
  for (const o of curated.tumorMarkerOverrides) addMarker(o.loinc, o.display);
  const overrides = new Map(curated.tumorMarkerOverrides.map((o) => [o.loinc, o.marker]));
  const tumorMarkers: CodesFile['tumorMarkers'] = [];
  let unresolved = 0;
  let ambiguous = 0;
  for (const [loinc, c] of [...candidates].sort(([a], [b]) => a.localeCompare(b))) {
    if (labLoinc.has(loinc)) continue;
    const display = [...c.displays][0] ?? [...c.hints][0] ?? loinc;
    let ids = overrides.has(loinc)
      ? [overrides.get(loinc)!]
      : [...new Set([...c.displays].flatMap((d) => markerIds(lex, d)))];
    if (!ids.length) ids = [...new Set([...c.hints].flatMap((h) => markerIds(lex, h)))];
    if (!ids.length) {
      unresolved++;
      continue;
    }
    if (ids.length > 1) {
      ambiguous++;
      continue;
    }
    const id = ids[0]!;
    const marker = lex.genes.markers.find((m) => m.id === id);
    const method = methodOf(display);
    tumorMarkers.push({ loinc, id, name: marker ? marker.name : id, ...(method ? { method } : {}), display });
  }
  report.push(
    `tumour markers: ${tumorMarkers.length} of ${candidates.size} LOINC codes (${unresolved} name no gene or marker of rules/genes.json, ${ambiguous} name several)`,
  );

  // Procedures.
  const procedures = new Map<string, CodesFile['procedures'][number]>();
  for (const s of ctmApp('surgeries.json'))
    procedures.set(`${family(s.system)}|${s.code}`, {
      system: family(s.system),
      code: s.code,
      kind: 'surgery',
      display: s.display,
    });
  for (const s of ctmApp('radiations.json'))
    procedures.set(`${family(s.system)}|${s.code}`, {
      system: family(s.system),
      code: s.code,
      kind: 'radiation',
      display: s.display,
    });
  for (const r of valueSets.filter(
    (v) =>
      /(Radiotherapy|Teleradiotherapy|Brachytherapy).*(Modality|Technique)|Beam Technique/.test(v.value_set_name!) &&
      /snomed/i.test(v.code_system!),
  )) {
    procedures.set(`snomed|${r.code}`, { system: 'snomed', code: r.code!, kind: 'radiation', display: r.display! });
  }

  // Metastasis sites.
  const brainGroup = new Set([
    ...(trialjectory['Metastasis-Brain']?.SNOMED ?? []),
    ...(trialjectory['Metastasis-Brain']?.ICD10 ?? []),
  ]);
  const sites = new Map<string, CodesFile['metastasisSites'][number]>();
  const siteOf = (display: string): string =>
    display
      .replace(/\((disorder|finding)\)/i, '')
      .replace(/^.*?\b(?:neoplasm|tumou?rs?|carcinoma|metastasis|metastases)\s+(?:of|to)\s+/i, '')
      .replace(/\s+of unknown primary.*$/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const addSite = (system: SystemFamily, code: string, display: string): void => {
    const site = siteOf(display);
    if (!site) return;
    const key = `${system}|${system === 'icd10' ? code.replace('.', '') : code}`;
    sites.set(key, {
      system,
      code,
      site,
      lymphNode: /lymph node/i.test(display),
      brain: brainGroup.has(code) || brainGroup.has(code.replace('.', '')) || /\bbrain\b/i.test(display),
    });
  };
  for (const r of valueSets.filter((v) => v.value_set_name === 'Secondary Cancer Disorder Value Set'))
    addSite(family(r.code_system!), r.code!, r.display!);
  for (const m of ctmApp('metastases.json')) addSite(family(m.system), m.code, m.display);
  for (const [group, codes] of Object.entries(trialjectory)) {
    if (!/^(Secondary malignant neoplasm|Metastatic malignant neoplasm|Metastasis to)/i.test(group)) continue;
    for (const c of codes.SNOMED ?? []) addSite('snomed', c, group);
  }

  // HGNC ids.
  const symbols = new Set(lex.genes.genes.map((g) => g.symbol));
  const hgnc: Array<[string, string]> = readTsv(path.join(vocab, 'genes', 'cancer_genes_subset.tsv'))
    .filter((r) => /^HGNC:\d+$/.test(r.hgnc_id_legacy ?? '') && symbols.has(r.symbol!))
    .map((r) => [r.hgnc_id_legacy!, r.symbol!]);

  const codes = codesFileSchema.parse({
    sources: [
      ...curated.sources,
      {
        name: 'mCODE STU4 data dictionary value sets (mcode_stu4_valueset_codes.tsv, ctmatch shared vocabulary)',
        licence: 'CC0 1.0',
        note: 'HL7/fhir-mCODE-ig @ 543477b5; Tumor Marker Test, TNM staging type, Secondary Cancer Disorder, radiotherapy modality and technique value sets (PROVENANCE.md §8).',
      },
      {
        name: 'mCODE clinical-trial-matching-app code lists',
        licence: 'Apache-2.0',
        url: 'https://github.com/mcode/clinical-trial-matching-app',
        note: '@ 4891254e: stages, ECOG and Karnofsky answers, biomarkers, surgeries, radiations, metastases (PROVENANCE.md §8). Copyright The MITRE Corporation.',
      },
      {
        name: 'mCODE clinical-trial-matching-service-trialjectory profile-system-codes.json',
        licence: 'Apache-2.0',
        url: 'https://github.com/mcode/clinical-trial-matching-service-trialjectory',
        note: '@ e599c553: Stage-*, Biomarker-* and metastasis groups (PROVENANCE.md §8). Copyright The MITRE Corporation.',
      },
      {
        name: 'cancer_genes_subset.tsv (ctmatch shared vocabulary)',
        licence: 'CC0',
        note: 'Legacy HGNC ids of the genes in rules/genes.json (PROVENANCE.md §7).',
      },
    ],
    observations: curated.observations,
    variantComponents: curated.variantComponents,
    genomicOrigins: curated.genomicOrigins,
    qualifiers: curated.qualifiers,
    variantInterpretations: curated.variantInterpretations,
    variantSignificance: curated.variantSignificance,
    pregnancy: curated.pregnancy,
    diseaseStatuses: curated.diseaseStatuses,
    tumorSizeDimensions: curated.tumorSizeDimensions,
    ecog,
    karnofsky,
    stages: [...stageRows.values()],
    stagingTypes,
    tumorMarkers,
    procedures: [...procedures.values()],
    metastasisSites: [...sites.values()],
    hgnc,
  });
  report.push(
    `staging types ${stagingTypes.length}, ECOG answers ${ecog.length}, Karnofsky answers ${karnofsky.length}, procedures ${codes.procedures.length}, metastasis sites ${codes.metastasisSites.length}, HGNC ids ${hgnc.length}`,
  );

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'profiles.json'), JSON.stringify(profiles, null, 1) + '\n');
  fs.writeFileSync(path.join(outDir, 'codes.json'), compactJson(codes) + '\n');
  for (const line of report) console.log(line);
}

/** One table row per line: readable diffs without a 10,000-line file. */
function compactJson(value: Record<string, unknown>): string {
  const parts = Object.entries(value).map(([k, v]) => {
    if (Array.isArray(v))
      return `  ${JSON.stringify(k)}: [\n${v.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`;
    if (v && typeof v === 'object') {
      const inner = Object.entries(v).map(
        ([k2, v2]) =>
          `    ${JSON.stringify(k2)}: [\n${(v2 as unknown[]).map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`,
      );
      return `  ${JSON.stringify(k)}: {\n${inner.join(',\n')}\n  }`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${parts.join(',\n')}\n}`;
}

main();
