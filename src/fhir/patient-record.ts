/**
 * FHIR R4 Bundle (mCODE STU1–STU4 or plain US Core) → PatientRecord, with provenance and warnings.
 *
 * Each entry goes to the reader for its resource type (patient.ts, conditions.ts, observations.ts,
 * treatments.ts), which records findings with the reference of their resource. This module then
 * assembles the record: staging and metastases are linked to their cancer (Observation.focus,
 * Condition.stage.assessment, the related-primary extension, or the only cancer there is); of
 * repeated results the latest counts and the older ones are reported as superseded; medication and
 * procedure records of one drug or procedure become one course from the first to the last date.
 *
 * `provenance` maps record paths (JSON Pointers) to the reference of the resource each value came
 * from: `/cancers/0` → `Condition/abc`, `/cancers/0/stage` → `Observation/def`. A path's nearest
 * listed ancestor names its source (`/cancers/0/type` → `/cancers/0`).
 */
import type { z } from 'zod';
import { lexicons, type Lexicons } from '../criteria/lexicon';
import { AppError, fromZodError, toPointer } from '../errors';
import { patientRecordSchema, type CancerEntry, type PatientRecord, type TreatmentEntry } from '../patients/record';
import {
  BundleIndex,
  conditionSchema,
  medicationUseSchema,
  observationSchema,
  parametersSchema,
  parseBundle,
  patientSchema,
  procedureSchema,
  type Entry,
  type ParametersResource,
} from './bundle';
import { fhirCodes, type FhirCodes, type ProfileReads } from './codes';
import { readCondition } from './conditions';
import { compareDates, profileIds } from './datatypes';
import { emptyFindings, type ImportContext, type PrimaryCancerFinding, type StagingFinding } from './findings';
import { readObservation } from './observations';
import { readPatient } from './patient';
import { readMedicationUse, readProcedure } from './treatments';
import { plural, Warnings, type ImportWarning } from './warnings';

export interface FhirImport {
  record: PatientRecord;
  /** Record path (JSON Pointer) → FHIR reference of the resource the value came from. */
  provenance: Record<string, string>;
  warnings: ImportWarning[];
}

export interface ImportOptions {
  lex?: Lexicons;
  codes?: FhirCodes;
  /** JSON Pointer of the bundle in the request, for error paths (`/body`, `/body/patientBundle`). */
  at?: string;
  /** Read Parameters resources as search parameters (POST /getClinicalTrial) instead of warning about them. */
  parameters?: boolean;
}

export interface BundleImport extends FhirImport {
  parameters: Array<{ resource: ParametersResource; pointer: string }>;
}

/** Which resource types each profile `reads` value belongs to; a profile on another type is ignored. */
const PROFILE_TYPES: Partial<Record<ProfileReads, string[]>> = {
  patient: ['Patient'],
  primaryCancer: ['Condition'],
  secondaryCancer: ['Condition'],
  condition: ['Condition'],
  medication: ['MedicationStatement', 'MedicationRequest', 'MedicationAdministration'],
  surgery: ['Procedure'],
  radiation: ['Procedure'],
};

const LIMITS = { cancers: 20, biomarkers: 200, treatments: 200, labs: 500, conditions: 200 } as const;

function profileOf(codes: FhirCodes, entry: Entry): { reads: ProfileReads; id: string } | undefined {
  const meta = entry.resource.meta as { profile?: string[] } | undefined;
  for (const id of profileIds(meta)) {
    const p = codes.profileById.get(id);
    if (!p) continue;
    const types = PROFILE_TYPES[p.reads];
    if (types && !types.includes(entry.resource.resourceType)) continue;
    if (!types && p.reads !== 'notRead' && entry.resource.resourceType !== 'Observation') continue;
    return { reads: p.reads, id: p.id };
  }
  return undefined;
}

function invalid(ctx: ImportContext, entry: Entry, error: z.ZodError): void {
  const issue = error.issues[0]!;
  ctx.warnings.add({
    code: 'invalid_resource',
    message: `${entry.resource.resourceType} is malformed (${issue.message}) and was skipped.`,
    references: [entry.ref],
    bundlePath: toPointer(issue.path, entry.pointer),
  });
}

/** The latest of several dated findings (ties: the later entry in the bundle); the rest are superseded. */
function latest<T extends { date?: string | undefined }>(list: T[]): { keep: T; older: T[] } | undefined {
  if (!list.length) return undefined;
  let keep = list[0]!;
  for (const f of list.slice(1)) if (compareDates(f.date, keep.date) >= 0) keep = f;
  return { keep, older: list.filter((f) => f !== keep) };
}

function superseded(ctx: ImportContext, what: string, older: Array<{ ref: string }>, keptRef: string): void {
  for (const o of older) {
    ctx.warnings.group(
      'superseded_result',
      what,
      (n) => `${plural(n, `older ${what} result`)} superseded by ${keptRef}.`,
      o.ref,
    );
  }
}

export function importPatientBundle(body: unknown, options: ImportOptions = {}): BundleImport {
  const lex = options.lex ?? lexicons();
  const codes = options.codes ?? fhirCodes();
  const parsed = parseBundle(body, options.at ?? '');
  const warnings = new Warnings();
  for (const d of parsed.duplicates) {
    warnings.add({
      code: 'duplicate_entry',
      message: d.identical
        ? `${d.ref} appears ${d.indices.length} times with the same content; it is read once.`
        : `${d.ref} names ${d.indices.length} different resources (entries ${d.indices.join(', ')}); the later ones are referred to by position.`,
      references: [d.ref, ...d.indices.slice(1).map((i) => `Bundle.entry[${i}]`)],
    });
  }

  const patients = parsed.entries.filter((e) => e.resource.resourceType === 'Patient');
  if (patients.length > 1) {
    throw new AppError(
      'multiple_patients',
      `The Bundle holds ${patients.length} Patient resources; send one patient's record per Bundle.`,
      {
        status: 400,
        path: patients[1]!.pointer,
      },
    );
  }
  const patient = patients[0];
  if (!patient)
    warnings.add({ code: 'no_patient', message: 'The Bundle has no Patient: age, sex and home address are unknown.' });

  const index = new BundleIndex(parsed.entries);
  const ctx: ImportContext = { lex, codes, index, warnings, findings: emptyFindings(), consumed: new Set() };
  const parameters: BundleImport['parameters'] = [];
  const deferred: Entry[] = [];

  for (const entry of parsed.entries) {
    const type = entry.resource.resourceType;
    const profile = profileOf(codes, entry);
    if (profile?.reads === 'notRead') {
      const why = codes.profileById.get(profile.id.toLowerCase())?.why;
      warnings.group(
        'profile_not_read',
        profile.id,
        (n) => `${plural(n, `${profile.id} resource`)} not read${why ? `: ${why}` : ''}.`,
        entry.ref,
      );
      continue;
    }
    if (type !== 'Patient' && patient) checkSubject(ctx, entry, patient);
    const reads = profile?.reads;
    switch (type) {
      case 'Patient': {
        const r = patientSchema.safeParse(entry.resource);
        if (r.success) readPatient(ctx, entry, r.data);
        else invalid(ctx, entry, r.error);
        break;
      }
      case 'Condition': {
        const r = conditionSchema.safeParse(entry.resource);
        if (r.success) readCondition(ctx, entry, r.data, reads);
        else invalid(ctx, entry, r.error);
        break;
      }
      case 'Observation': {
        const r = observationSchema.safeParse(entry.resource);
        if (r.success) readObservation(ctx, entry, r.data, reads);
        else invalid(ctx, entry, r.error);
        break;
      }
      case 'MedicationStatement':
      case 'MedicationRequest':
      case 'MedicationAdministration': {
        const r = medicationUseSchema.safeParse(entry.resource);
        if (r.success) readMedicationUse(ctx, entry, r.data, reads);
        else invalid(ctx, entry, r.error);
        break;
      }
      case 'Procedure': {
        const r = procedureSchema.safeParse(entry.resource);
        if (r.success) readProcedure(ctx, entry, r.data, reads);
        else invalid(ctx, entry, r.error);
        break;
      }
      case 'Parameters': {
        const r = parametersSchema.safeParse(entry.resource);
        if (!r.success) invalid(ctx, entry, r.error);
        else if (options.parameters) parameters.push({ resource: r.data, pointer: entry.pointer });
        else
          warnings.add({
            code: 'resource_not_read',
            message: 'Parameters hold search parameters; only POST /getClinicalTrial reads them.',
            references: [entry.ref],
          });
        break;
      }
      default:
        deferred.push(entry);
    }
  }
  // Medications are read through the requests and statements that reference them.
  for (const entry of deferred) {
    if (ctx.consumed.has(entry.ref)) continue;
    const type = entry.resource.resourceType;
    warnings.group(
      'resource_not_read',
      type,
      (n) => `${plural(n, `${type} resource`)} not read: the PatientRecord has no field for them.`,
      entry.ref,
    );
  }

  const { record, provenance } = assemble(ctx);
  const checked = patientRecordSchema.safeParse(record);
  if (!checked.success) {
    // The readers clip and validate what they take, so this means a bug here, not bad input.
    throw fromZodError(checked.error, 'fhir_import_failed', 'The record built from the Bundle is invalid.', {
      status: 500,
      prefix: '/record',
    });
  }
  return { record: checked.data, provenance, warnings: warnings.toArray(), parameters };
}

/** Notes resources that are about someone other than the bundle's Patient (or someone not in it). */
function checkSubject(ctx: ImportContext, entry: Entry, patient: Entry): void {
  const res = entry.resource as { subject?: { reference?: string }; patient?: { reference?: string } };
  const ref = res.subject?.reference ?? res.patient?.reference;
  if (!ref) return;
  const target = ctx.index.resolve(ref);
  if (target === patient) return;
  ctx.warnings.group(
    'unresolved_subject',
    ref,
    (n) =>
      `${plural(n, 'resource')} name ${ref} as subject, which is not this Bundle's Patient (${patient.ref}); they are read as this patient's.`,
    entry.ref,
  );
}

function assemble(ctx: ImportContext): { record: PatientRecord; provenance: Record<string, string> } {
  const f = ctx.findings;
  const record: PatientRecord = {};
  const prov: Record<string, string> = {};

  if (f.patient) {
    if (f.patient.birthDate) {
      record.birthDate = f.patient.birthDate;
      prov['/birthDate'] = f.patient.ref;
    }
    if (f.patient.sex) {
      record.sex = f.patient.sex;
      prov['/sex'] = f.patient.ref;
    }
    if (f.patient.location) {
      record.location = f.patient.location as NonNullable<PatientRecord['location']>;
      prov['/location'] = f.patient.ref;
    }
  }

  assembleCancers(ctx, record, prov);

  // Biomarkers: per marker (variants: per gene and alteration), the results of the latest date.
  const byKey = new Map<string, typeof f.markers>();
  for (const m of f.markers) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const biomarkers: typeof f.markers = [];
  for (const [key, list] of byKey) {
    const newest = latest(list)!.keep.date;
    const keep = list.filter((m) => m.date === newest);
    biomarkers.push(...keep);
    superseded(
      ctx,
      key.split('|')[0]!,
      list.filter((m) => m.date !== newest),
      keep[0]!.ref,
    );
  }
  if (biomarkers.length) {
    record.biomarkers = capped(ctx, biomarkers, 'biomarkers').map((m, i) => {
      prov[`/biomarkers/${i}`] = m.ref;
      return m.biomarker;
    });
  }

  assembleTreatments(ctx, record, prov);

  for (const [field, list, what] of [
    ['ecog', f.ecog, 'ECOG'],
    ['karnofsky', f.karnofsky, 'Karnofsky'],
  ] as const) {
    const pick = latest(list);
    if (!pick) continue;
    record[field] = pick.keep.value;
    prov[`/${field}`] = pick.keep.ref;
    superseded(ctx, what, pick.older, pick.keep.ref);
  }

  const labsById = new Map<string, typeof f.labs>();
  for (const l of f.labs) labsById.set(l.id, [...(labsById.get(l.id) ?? []), l]);
  const labs: typeof f.labs = [];
  for (const [id, list] of labsById) {
    const pick = latest(list)!;
    labs.push(pick.keep);
    superseded(ctx, id, pick.older, pick.keep.ref);
  }
  if (labs.length) {
    record.labs = capped(ctx, labs, 'labs').map((l, i) => {
      prov[`/labs/${i}`] = l.ref;
      return l.value;
    });
  }

  const conditions = dedupeConditions(f.conditions);
  if (conditions.length) {
    record.conditions = capped(ctx, conditions, 'conditions').map((c, i) => {
      prov[`/conditions/${i}`] = c.ref;
      return c.condition;
    });
  }

  const pregnancy = latest(f.pregnant);
  if (pregnancy) {
    record.pregnant = pregnancy.keep.value;
    prov['/pregnant'] = pregnancy.keep.ref;
    superseded(ctx, 'pregnancy status', pregnancy.older, pregnancy.keep.ref);
  }

  const ordered = Object.fromEntries(
    Object.entries(prov).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
  );
  return { record, provenance: ordered };
}

function capped<T extends { ref: string }>(ctx: ImportContext, list: T[], field: keyof typeof LIMITS): T[] {
  const max = LIMITS[field];
  if (list.length <= max) return list;
  ctx.warnings.add({
    code: 'list_truncated',
    message: `${list.length} ${field} found; the record keeps ${max} (its limit). The rest are listed here.`,
    references: list
      .slice(max)
      .map((x) => x.ref)
      .slice(0, 50),
    path: `/${field}`,
  });
  return list.slice(0, max);
}

function dedupeConditions(list: ImportContext['findings']['conditions']): ImportContext['findings']['conditions'] {
  const seen = new Map<string, ImportContext['findings']['conditions'][number]>();
  for (const c of list) {
    const key = `${c.condition.code?.code ?? c.condition.name.toLowerCase()}|${c.condition.status ?? ''}`;
    const prev = seen.get(key);
    if (!prev || compareDates(c.condition.date, prev.condition.date) > 0) seen.set(key, c);
  }
  return [...seen.values()];
}

/**
 * Versions of one Condition (entries sharing `Type/id`, as test bundles hold) are one cancer: the first
 * version's values, completed by the later ones.
 */
function mergeVersions(list: PrimaryCancerFinding[]): PrimaryCancerFinding[] {
  const byIdentity = new Map<string, PrimaryCancerFinding>();
  for (const p of list) {
    const base = byIdentity.get(p.identity);
    if (!base) {
      byIdentity.set(p.identity, { ...p, summaries: [...p.summaries], assessments: [...p.assessments] });
      continue;
    }
    base.type ??= p.type;
    base.histology ??= p.histology;
    base.primarySite ??= p.primarySite;
    base.diagnosisDate ??= p.diagnosisDate;
    base.recurrent ??= p.recurrent;
    base.summaries.push(...p.summaries);
    base.assessments.push(...p.assessments);
  }
  return [...byIdentity.values()];
}

/** Staging of one kind for a cancer: latest date, then the finer stage, then pathological over clinical. */
function bestStaging(list: StagingFinding[]): StagingFinding | undefined {
  return [...list].sort(
    (a, b) =>
      compareDates(b.date, a.date) ||
      b.value.replace(/^[cpy]+/, '').length - a.value.replace(/^[cpy]+/, '').length ||
      Number(b.setting === 'pathological') - Number(a.setting === 'pathological'),
  )[0];
}

function assembleCancers(ctx: ImportContext, record: PatientRecord, prov: Record<string, string>): void {
  const f = ctx.findings;
  const primaries = mergeVersions(f.primaries);
  if (!primaries.length && (f.secondaries.length || f.staging.length)) {
    const first = f.secondaries[0]?.ref ?? f.staging[0]!.ref;
    ctx.warnings.add({
      code: 'secondary_without_primary',
      message:
        'Metastases or staging without a primary cancer Condition: one cancer of unknown type is recorded to carry them.',
      references: [first],
      path: '/cancers/0',
    });
    primaries.push({ ref: first, identity: first, summaries: [], assessments: [] });
  }
  if (!primaries.length) return;
  const cancers = primaries.slice(0, LIMITS.cancers);
  if (primaries.length > LIMITS.cancers) capped(ctx, primaries, 'cancers');

  const owner = (refs: string[], own: string): number | undefined => {
    const i = cancers.findIndex(
      (c) => refs.includes(c.ref) || refs.includes(c.identity) || c.assessments.includes(own),
    );
    if (i >= 0) return i;
    return cancers.length === 1 ? 0 : undefined;
  };
  const staging = new Map<number, StagingFinding[]>();
  for (const s of f.staging) {
    const i = owner(s.focus, s.ref);
    if (i === undefined) {
      ctx.warnings.add({
        code: 'unlinked_finding',
        message: `Staging ${s.value} names no cancer of this Bundle and there are several; it is not used.`,
        references: [s.ref],
      });
      continue;
    }
    staging.set(i, [...(staging.get(i) ?? []), s]);
  }
  const secondaries = new Map<number, typeof f.secondaries>();
  for (const s of f.secondaries) {
    const i = owner(s.primaryRef ? [s.primaryRef] : [], s.ref);
    if (i === undefined) {
      ctx.warnings.add({
        code: 'unlinked_finding',
        message: `Metastasis ${s.site ?? ''} names no primary cancer and there are several; it is not used.`,
        references: [s.ref],
      });
      continue;
    }
    secondaries.set(i, [...(secondaries.get(i) ?? []), s]);
  }

  // Disease status and tumour size: the latest result linked to each cancer.
  const latest = <T>(list: Array<{ value: T; date?: string; ref: string; focus: string[] }>, what: string) => {
    const byCancer = new Map<number, { value: T; date?: string; ref: string }>();
    for (const x of [...list].sort((a, b) => compareDates(a.date, b.date))) {
      const i = owner(x.focus, x.ref);
      if (i === undefined) {
        ctx.warnings.add({
          code: 'unlinked_finding',
          message: `${what} names no cancer of this Bundle and there are several; it is not used.`,
          references: [x.ref],
        });
        continue;
      }
      const prev = byCancer.get(i);
      if (prev)
        ctx.warnings.group(
          'superseded_result',
          `${what}|${i}`,
          (n) => `${plural(n, `earlier ${what.toLowerCase()}`)} for /cancers/${i}; ${x.ref} is used.`,
          prev.ref,
        );
      byCancer.set(i, x);
    }
    return byCancer;
  };
  const statuses = latest(f.diseaseStatus, 'Cancer disease status');
  const sizes = latest(f.tumorSizeCm, 'Tumour size');

  record.cancers = cancers.map((p, i) => {
    const path = `/cancers/${i}`;
    prov[path] = p.ref;
    const c: CancerEntry = {};
    if (p.type) c.type = p.type;
    if (p.histology) c.histology = p.histology;
    if (p.primarySite) c.primarySite = p.primarySite;
    if (p.diagnosisDate) c.diagnosisDate = p.diagnosisDate;
    if (p.recurrent) c.recurrent = true;

    const mine = staging.get(i) ?? [];
    const group = bestStaging(mine.filter((s) => s.kind === 'stageGroup'));
    if (group) {
      c.stage = group.value;
      prov[`${path}/stage`] = group.ref;
      const others = mine.filter((s) => s.kind === 'stageGroup' && s !== group);
      for (const o of others)
        ctx.warnings.group(
          'superseded_result',
          `stage|${p.ref}`,
          (n) => `${plural(n, 'other stage group')} for ${p.ref}; ${group.value} from ${group.ref} is used.`,
          o.ref,
        );
    } else if (p.summaries.length) {
      c.stage = [...p.summaries].sort((a, b) => b.stage.length - a.stage.length)[0]!.stage;
      prov[`${path}/stage`] = p.ref;
    }
    const tnm: NonNullable<CancerEntry['tnm']> = {};
    for (const axis of ['t', 'n', 'm'] as const) {
      const kind = `tnm${axis.toUpperCase()}` as StagingFinding['kind'];
      const best = bestStaging(mine.filter((s) => s.kind === kind));
      if (best) {
        tnm[axis] = best.value.slice(0, 10);
        prov[`${path}/tnm/${axis}`] = best.ref;
      }
    }
    if (Object.keys(tnm).length) c.tnm = tnm;
    const status = statuses.get(i);
    if (status) {
      c.status = status.value;
      prov[`${path}/status`] = status.ref;
    }
    const size = sizes.get(i);
    if (size && size.value <= 100) {
      c.tumorSizeCm = size.value;
      prov[`${path}/tumorSizeCm`] = size.ref;
    }

    const mets = secondaries.get(i) ?? [];
    const nodes = mets.filter((m) => m.lymphNode);
    for (const n of nodes) {
      ctx.warnings.add({
        code: 'regional_lymph_nodes',
        message: `Secondary cancer in ${n.site ?? 'lymph nodes'}: lymph nodes are regional (N) or distant (M) depending on the primary, so it is not counted as distant metastasis.`,
        references: [n.ref],
        path,
      });
    }
    const distant = mets.filter((m) => !m.lymphNode);
    if (distant.length) {
      c.metastatic = true;
      prov[`${path}/metastatic`] = distant[0]!.ref;
      const sited = distant.filter((m) => m.site);
      if (sited.length) {
        c.metastaticSites = sited.slice(0, 50).map((m, k) => {
          prov[`${path}/metastaticSites/${k}`] = m.ref;
          return m.site!;
        });
        prov[`${path}/metastaticSites`] = sited[0]!.ref;
      }
      const brain = distant.find((m) => m.brain);
      if (brain) {
        // Present, but whether active or treated and stable is not coded in mCODE; criteria on it stay unknown.
        c.brainMetastases = 'unknown';
        prov[`${path}/brainMetastases`] = brain.ref;
      }
    }
    return c;
  });
}

/** Days from one partial ISO date to another (missing month or day count as the first). */
function daysBetween(from: string, to: string): number {
  const at = (d: string): number => {
    const [y, m = 1, day = 1] = d.split('-').map(Number) as [number, number?, number?];
    return Date.UTC(y, m - 1, day);
  };
  return (at(to) - at(from)) / 86_400_000;
}

/**
 * Records of one drug or procedure, grouped into courses. A pause of more than six months starts a new
 * course, so that a chemotherapy years before the current cancer stays a separate prior treatment.
 * FIXME: six months is a working threshold, not a line-of-therapy definition; regimens given
 * together are not grouped into one line either.
 */
const NEW_COURSE_AFTER_DAYS = 183;

function courses(list: ImportContext['findings']['treatments']): Array<ImportContext['findings']['treatments']> {
  const dated = list.filter((t) => t.start ?? t.end).sort((a, b) => compareDates(a.start ?? a.end, b.start ?? b.end));
  const out: Array<ImportContext['findings']['treatments']> = [];
  let lastDate: string | undefined;
  for (const t of dated) {
    const begins = (t.start ?? t.end)!;
    if (!out.length || (lastDate && daysBetween(lastDate, begins) > NEW_COURSE_AFTER_DAYS)) out.push([]);
    out[out.length - 1]!.push(t);
    const ends = t.end ?? t.start!;
    if (!lastDate || compareDates(ends, lastDate) > 0) lastDate = ends;
  }
  const undated = list.filter((t) => !(t.start ?? t.end));
  if (undated.length) {
    if (out.length) out[0]!.push(...undated);
    else out.push(undated);
  }
  return out;
}

function assembleTreatments(ctx: ImportContext, record: PatientRecord, prov: Record<string, string>): void {
  const groups = new Map<string, ImportContext['findings']['treatments']>();
  for (const t of ctx.findings.treatments) groups.set(t.key, [...(groups.get(t.key) ?? []), t]);
  const all = [...groups.values()].flatMap(courses).map((list) => {
    const first = [...list].sort((a, b) => compareDates(a.start, b.start)).find((t) => t.start) ?? list[0]!;
    const last = [...list].sort((a, b) => compareDates(a.end ?? a.start, b.end ?? b.start)).pop()!;
    return { first, last, ongoing: list.find((t) => t.ongoing), ref: first.ref };
  });
  if (!all.length) return;
  all.sort((a, b) => compareDates(a.first.start, b.first.start));
  record.treatments = capped(ctx, all, 'treatments').map((c, i) => {
    const path = `/treatments/${i}`;
    const t: TreatmentEntry = { ...c.first.treatment };
    prov[path] = c.first.ref;
    if (c.first.start) {
      t.start = c.first.start;
      prov[`${path}/start`] = c.first.ref;
    }
    if (c.ongoing) {
      t.outcome = 'ongoing';
      prov[`${path}/outcome`] = c.ongoing.ref;
    } else {
      const end = c.last.end ?? c.last.start;
      if (end) {
        t.end = end;
        prov[`${path}/end`] = c.last.ref;
      }
    }
    return t;
  });
}
