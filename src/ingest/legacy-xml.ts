/**
 * Converts a legacy ClinicalTrials.gov `<clinical_study>` XML record (the format of the old
 * `/ct2/show/NCT…?displayxml=true` download and of the AACT-era bulk zip) into the API v2 JSON shape,
 * so that an XML record goes through the same `checkStudy` validation, normalisation and upsert as
 * any v2 study.
 *
 * Only fields the rest of the system reads, plus a few cheap unambiguous ones (dates, descriptions,
 * enrollment, ids), are carried over; the XML itself is not kept. Values follow the v2 enums of
 * fixtures/ctgov/openapi/ctg-oas-v2.yaml; the legacy spellings come from the legacy schema
 * (clinicaltrials.gov/ct2/html/images/info/public.xsd) and from the 187 real records in
 * shared/data/ctgov-legacy-xml.
 *
 * Provenance: every converted record carries a top-level `"x-ctmatch"` object,
 * `{"format": "ctgov-legacy-xml", "converterVersion": 1, "downloadDate": "2023-06-09"}`, so a stored
 * raw study can always be told apart from a genuine v2 response. It deliberately holds no import
 * time or file path: the raw JSON is hashed to detect real changes, and re-importing the same XML
 * must hash the same. Bump `converterVersion` when the mapping changes, so that a re-import
 * replaces records converted by the older mapping.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const LEGACY_XML_FORMAT = 'ctgov-legacy-xml';
export const CONVERTER_VERSION = 1;

export type LegacyXmlResult =
  | { ok: true; study: Record<string, unknown> }
  | { ok: false; code: 'malformed_xml' | 'unrecognised_format'; message: string; line?: number };

// Entities are decoded by `decodeEntities` below rather than by the parser: legacy records are full
// of `&#xD;` character references that the parser leaves alone by default, and decoding everything
// in one pass avoids double-decoding `&amp;#xD;`. It also means no DOCTYPE entity is ever expanded.
// Values stay strings (a ZIP code such as "06520" must not become a number) and untrimmed, because
// the criteria text keeps its own indentation.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

type Node = unknown;

function isObject(node: Node): node is Record<string, Node> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** Repeated elements parse as arrays, single ones as values; this reads both the same way. */
function all(node: Node): Node[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

function child(node: Node, key: string): Node {
  return isObject(node) ? node[key] : undefined;
}

/** Untrimmed, decoded text of an element (which may carry attributes, making it an object). */
function rawText(node: Node): string | undefined {
  if (typeof node === 'string') return decodeEntities(node);
  if (isObject(node) && typeof node['#text'] === 'string') return decodeEntities(node['#text']);
  return undefined;
}

/** Trimmed text of a leaf element; empty means absent. */
function text(node: Node): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  const t = rawText(first)?.trim();
  return t ? t : undefined;
}

function texts(node: Node): string[] {
  return all(node)
    .map(text)
    .filter((t): t is string => t !== undefined);
}

function attr(node: Node, name: string): string | undefined {
  const v = child(node, `@_${name}`);
  return typeof v === 'string' && v.trim() ? decodeEntities(v).trim() : undefined;
}

/**
 * A `<textblock>` as the record wrote it, minus what the XML serialiser added: CR+LF line ends (the
 * `&#xD;` references) become LF, the blank lines around the block go, and the indentation common
 * to every line (the element's own nesting depth) is removed. Relative indentation, bullets and
 * wording are kept verbatim, because the criteria parser reads list structure from them.
 */
export function textblock(node: Node): string | undefined {
  const inner = isObject(node) && 'textblock' in node ? node.textblock : node;
  const raw = rawText(Array.isArray(inner) ? inner[0] : inner);
  if (raw === undefined) return undefined;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  if (!lines.length) return undefined;
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "January 5, 2023" → "2023-01-05"; "January 2023" → "2023-01" (v2 keeps partial dates partial). */
export function legacyDate(value: string | undefined): string | undefined {
  const m = value ? /^([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const ym = `${m[3]}-${String(month + 1).padStart(2, '0')}`;
  return m[2] ? `${ym}-${m[2].padStart(2, '0')}` : ym;
}

/**
 * Legacy date `type` attribute → v2 DateType. Future dates were "Anticipated", and posting dates of
 * older records "Estimate"; v2 calls both ESTIMATED.
 */
function dateType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'actual') return 'ACTUAL';
  if (v === 'anticipated' || v === 'estimate' || v === 'estimated') return 'ESTIMATED';
  return undefined;
}

function dateStruct(node: Node): Record<string, string> | undefined {
  const date = legacyDate(text(node));
  if (!date) return undefined;
  const type = dateType(attr(node, 'type'));
  return type ? { date, type } : { date };
}

/** "Some Words, like this" → "SOME_WORDS_LIKE_THIS": how v2 spells the same enum values. */
function enumCase(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Overall and site recruitment status. The legacy schema's values map one to one onto v2's Status
 * enum by `enumCase`, except "Unknown status", which v2 calls UNKNOWN.
 */
export function legacyStatus(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.trim().toLowerCase() === 'unknown status' ? 'UNKNOWN' : enumCase(value);
}

/** "Phase 1/Phase 2" → ["PHASE1","PHASE2"], "Early Phase 1" → ["EARLY_PHASE1"], "N/A" → ["NA"]. */
export function legacyPhases(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.trim().toUpperCase() === 'N/A') return ['NA'];
  const phases = value
    .split('/')
    .map((p) => enumCase(p).replace(/PHASE_(\d)/, 'PHASE$1'))
    .filter(Boolean);
  return phases.length ? phases : undefined;
}

/** "Interventional" → INTERVENTIONAL; "Observational [Patient Registry]" → OBSERVATIONAL plus a flag. */
function legacyStudyType(value: string | undefined): { studyType?: string; patientRegistry?: boolean } {
  if (!value) return {};
  const registry = /\[patient registry\]/i.test(value);
  const studyType = enumCase(value.replace(/\[.*?\]/g, ''));
  return registry ? { studyType, patientRegistry: true } : { studyType };
}

/** "No" → false, "Accepts Healthy Volunteers" (the only other legacy value) → true. */
function healthyVolunteers(value: string | undefined): boolean | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'no') return false;
  if (v === 'yes' || v === 'accepts healthy volunteers') return true;
  return undefined;
}

/** Ages stay in the "18 Years" form that v2 also uses; "N/A" means no limit and is left out. */
function age(value: string | undefined): string | undefined {
  return value && value.toUpperCase() !== 'N/A' ? value : undefined;
}

function samplingMethod(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^non-?probability/i.test(value)) return 'NON_PROBABILITY_SAMPLE';
  if (/^probability/i.test(value)) return 'PROBABILITY_SAMPLE';
  return undefined;
}

/** Drops undefined values and empty arrays/objects, so absent XML elements leave no empty keys. */
function compact<T extends Record<string, unknown>>(obj: T): Partial<T> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isObject(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return Object.keys(out).length ? (out as Partial<T>) : undefined;
}

function convertClinicalStudy(cs: Record<string, Node>): Record<string, unknown> {
  const idInfo = cs.id_info;
  const elig = cs.eligibility;
  const interventions = all(cs.intervention).map((i) =>
    compact({
      type: text(child(i, 'intervention_type')) && enumCase(text(child(i, 'intervention_type'))!),
      name: text(child(i, 'intervention_name')),
      description: text(child(i, 'description')),
      armGroupLabels: texts(child(i, 'arm_group_label')),
      otherNames: texts(child(i, 'other_name')),
    }),
  );
  const locations = all(cs.location).map((l) => {
    const facility = child(l, 'facility');
    const address = child(facility, 'address');
    return compact({
      facility: text(child(facility, 'name')),
      status: legacyStatus(text(child(l, 'status'))),
      city: text(child(address, 'city')),
      state: text(child(address, 'state')),
      zip: text(child(address, 'zip')),
      country: text(child(address, 'country')),
    });
  });
  const enrollment = text(cs.enrollment);
  const downloadDate = /on\s+(.+)$/.exec(text(child(cs.required_header, 'download_date')) ?? '')?.[1];
  const protocolSection = compact({
    identificationModule: compact({
      nctId: text(child(idInfo, 'nct_id')),
      nctIdAliases: texts(child(idInfo, 'nct_alias')),
      orgStudyIdInfo: compact({ id: text(child(idInfo, 'org_study_id')) }),
      secondaryIdInfos: texts(child(idInfo, 'secondary_id')).map((id) => ({ id })),
      briefTitle: text(cs.brief_title),
      officialTitle: text(cs.official_title),
      acronym: text(cs.acronym),
    }),
    statusModule: compact({
      overallStatus: legacyStatus(text(cs.overall_status)),
      startDateStruct: dateStruct(cs.start_date),
      primaryCompletionDateStruct: dateStruct(cs.primary_completion_date),
      completionDateStruct: dateStruct(cs.completion_date),
      studyFirstPostDateStruct: dateStruct(cs.study_first_posted),
      lastUpdatePostDateStruct: dateStruct(cs.last_update_posted),
    }),
    sponsorCollaboratorsModule: compact({
      leadSponsor: compact({ name: text(child(child(cs.sponsors, 'lead_sponsor'), 'agency')) }),
    }),
    descriptionModule: compact({
      briefSummary: textblock(cs.brief_summary),
      detailedDescription: textblock(cs.detailed_description),
    }),
    conditionsModule: compact({ conditions: texts(cs.condition), keywords: texts(cs.keyword) }),
    designModule: compact({
      ...legacyStudyType(text(cs.study_type)),
      phases: legacyPhases(text(cs.phase)),
      enrollmentInfo:
        enrollment && /^\d+$/.test(enrollment)
          ? compact({ count: Number(enrollment), type: dateType(attr(cs.enrollment, 'type')) })
          : undefined,
    }),
    armsInterventionsModule: compact({ interventions: interventions.filter((i) => i !== undefined) }),
    eligibilityModule: compact({
      eligibilityCriteria: textblock(child(elig, 'criteria')),
      healthyVolunteers: healthyVolunteers(text(child(elig, 'healthy_volunteers'))),
      sex: text(child(elig, 'gender')) && enumCase(text(child(elig, 'gender'))!),
      genderBased: text(child(elig, 'gender_based')) ? /^yes$/i.test(text(child(elig, 'gender_based'))!) : undefined,
      minimumAge: age(text(child(elig, 'minimum_age'))),
      maximumAge: age(text(child(elig, 'maximum_age'))),
      studyPopulation: textblock(child(elig, 'study_pop')),
      samplingMethod: samplingMethod(text(child(elig, 'sampling_method'))),
    }),
    contactsLocationsModule: compact({ locations: locations.filter((l) => l !== undefined) }),
  });
  return {
    protocolSection: protocolSection ?? {},
    'x-ctmatch': compact({
      format: LEGACY_XML_FORMAT,
      converterVersion: CONVERTER_VERSION,
      downloadDate: legacyDate(downloadDate),
    }),
  };
}

/**
 * Parses one legacy XML document and converts it. Never throws: malformed XML and XML that is not a
 * `<clinical_study>` come back as a reason. The result is not yet validated; pass it to `checkStudy`.
 */
export function convertLegacyXml(xml: string): LegacyXmlResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, code: 'malformed_xml', message: valid.err.msg, line: valid.err.line };
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    return { ok: false, code: 'malformed_xml', message: (e as Error).message };
  }
  const cs = child(doc, 'clinical_study');
  if (!isObject(cs)) {
    const root = isObject(doc) ? Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) : undefined;
    return {
      ok: false,
      code: 'unrecognised_format',
      message: root
        ? `XML root element is <${root}>, not a legacy ClinicalTrials.gov <clinical_study>`
        : 'no XML element found',
    };
  }
  return { ok: true, study: convertClinicalStudy(cs) };
}
