/**
 * The ClinicalTrials.gov API v2 study record at our boundary: a zod schema for the parts we read and
 * the normalisation of a study into the columns the store indexes. The schema is loose on purpose:
 * unknown fields pass through untouched, because the raw study is stored verbatim; it rejects only
 * records we could not store or index correctly (no usable nctId, wrong types where we read).
 * Field names follow the API's own spec (fixtures/ctgov/openapi/ctg-oas-v2.yaml).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StoredIntervention, StoredSite } from '../store/schema';
import type { TrialUpsert } from '../store/trials-repo';

const str = z.string();
const optStr = str.nullish();
const dateStruct = z.looseObject({ date: str }).nullish();

const locationSchema = z.looseObject({
  facility: optStr,
  status: optStr,
  city: optStr,
  state: optStr,
  zip: optStr,
  country: optStr,
  geoPoint: z.looseObject({ lat: z.number(), lon: z.number() }).nullish(),
});

export const studySchema = z.looseObject({
  protocolSection: z.looseObject({
    identificationModule: z.looseObject({
      nctId: str.regex(/^NCT\d{8}$/, 'nctId must look like NCT followed by 8 digits'),
      briefTitle: optStr,
      officialTitle: optStr,
      acronym: optStr,
    }),
    statusModule: z
      .looseObject({
        overallStatus: optStr,
        lastUpdatePostDateStruct: dateStruct,
      })
      .nullish(),
    conditionsModule: z
      .looseObject({ conditions: z.array(str).nullish(), keywords: z.array(str).nullish() })
      .nullish(),
    designModule: z.looseObject({ studyType: optStr, phases: z.array(str).nullish() }).nullish(),
    armsInterventionsModule: z
      .looseObject({
        interventions: z
          .array(z.looseObject({ type: optStr, name: str, otherNames: z.array(str).nullish() }))
          .nullish(),
      })
      .nullish(),
    eligibilityModule: z
      .looseObject({
        eligibilityCriteria: optStr,
        healthyVolunteers: z.boolean().nullish(),
        sex: optStr,
        minimumAge: optStr,
        maximumAge: optStr,
      })
      .nullish(),
    contactsLocationsModule: z.looseObject({ locations: z.array(locationSchema).nullish() }).nullish(),
  }),
});

export type Study = z.infer<typeof studySchema>;

const AGE_UNITS: Record<string, number> = {
  year: 1,
  month: 1 / 12,
  week: 7 / 365.25,
  day: 1 / 365.25,
  hour: 1 / (365.25 * 24),
  minute: 1 / (365.25 * 24 * 60),
};

/** "18 Years", "6 Months", "1 Day" → years; "N/A" or anything unreadable → null (no limit). */
export function ageInYears(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+?)s?\s*$/i.exec(text);
  if (!m) return null;
  const factor = AGE_UNITS[m[2]!.toLowerCase()];
  return factor === undefined ? null : Math.round(Number(m[1]) * factor * 1000) / 1000;
}

/** A date as the API writes it ("2024-05-01" or "2024-05") → ISO date, first of the month if partial. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/^\d{4}-\d{2}$/.test(text)) return `${text}-01`;
  return null;
}

/** Canonical JSON (sorted keys) so the same study always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

export function normaliseStudy(study: Study, raw: unknown, source: string): TrialUpsert {
  const p = study.protocolSection;
  const id = p.identificationModule;
  const conditions = p.conditionsModule?.conditions ?? [];
  const keywords = p.conditionsModule?.keywords ?? [];
  const interventions: StoredIntervention[] = (p.armsInterventionsModule?.interventions ?? []).map((i) => ({
    type: i.type ?? null,
    name: i.name,
  }));
  const otherNames = (p.armsInterventionsModule?.interventions ?? []).flatMap((i) => i.otherNames ?? []);
  const sites: StoredSite[] = (p.contactsLocationsModule?.locations ?? []).map((l) => ({
    facility: l.facility ?? null,
    city: l.city ?? null,
    state: l.state ?? null,
    country: l.country ?? null,
    zip: l.zip ?? null,
    status: l.status ?? null,
    lat: l.geoPoint?.lat ?? null,
    lon: l.geoPoint?.lon ?? null,
  }));
  const title = id.briefTitle ?? id.officialTitle ?? id.nctId;
  const searchText = [
    title,
    id.officialTitle,
    id.acronym,
    id.nctId,
    ...conditions,
    ...keywords,
    ...interventions.map((i) => i.name),
    ...otherNames,
  ]
    .filter(Boolean)
    .join(' \n ');
  const rawJson = canonicalJson(raw);
  return {
    nctId: id.nctId,
    raw,
    rawHash: createHash('sha256').update(rawJson).digest('hex'),
    title,
    officialTitle: id.officialTitle ?? null,
    overallStatus: p.statusModule?.overallStatus ?? null,
    phases: p.designModule?.phases ?? [],
    conditions,
    keywords,
    interventions,
    studyType: p.designModule?.studyType ?? null,
    minAgeYears: ageInYears(p.eligibilityModule?.minimumAge),
    maxAgeYears: ageInYears(p.eligibilityModule?.maximumAge),
    sex: p.eligibilityModule?.sex ?? null,
    healthyVolunteers: p.eligibilityModule?.healthyVolunteers ?? null,
    lastUpdatePostDate: isoDate(p.statusModule?.lastUpdatePostDateStruct?.date),
    sites,
    searchText,
    source,
  };
}

export type StudyCheck =
  | { ok: true; trial: TrialUpsert }
  | { ok: false; nctId: string | null; code: 'invalid_study'; path: string; message: string };

/**
 * Validates one raw study and normalises it. Never throws: a bad record comes back as a reason, so
 * one broken study cannot abort a sync or an import.
 */
export function checkStudy(raw: unknown, source: string): StudyCheck {
  const parsed = studySchema.safeParse(raw);
  if (parsed.success) return { ok: true, trial: normaliseStudy(parsed.data, raw, source) };
  const issue = parsed.error.issues[0]!;
  const nctId = (raw as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)
    ?.protocolSection?.identificationModule?.nctId;
  return {
    ok: false,
    nctId: typeof nctId === 'string' ? nctId : null,
    code: 'invalid_study',
    path: '/' + issue.path.map(String).join('/'),
    message: issue.message,
  };
}
