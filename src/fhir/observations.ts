/**
 * Observation → stage group, T/N/M category, tumour marker, genomic variant, ECOG, Karnofsky, lab or
 * pregnancy status. The mCODE profile says which when present; otherwise the code does (LOINC and
 * SNOMED CT codes in rules/fhir/codes.json, lab LOINC codes in rules/labs.json). Observations of any
 * other kind (vital signs, smoking status, questionnaires) are listed in the warnings.
 */
import type { BiomarkerEntry, LabEntry } from '../patients/record';
import type { Entry, ObservationResource } from './bundle';
import type { ProfileReads } from './codes';
import { bestCoding, clip, codings, conceptText, displayUnit, fhirDate, lookup, withoutSemanticTag } from './datatypes';
import type { ImportContext } from './findings';
import { stageFromConcept, tnmFromConcept } from './staging';

type Kind =
  | 'stageGroup'
  | 'tnmT'
  | 'tnmN'
  | 'tnmM'
  | 'tumorMarker'
  | 'geneticVariant'
  | 'ecog'
  | 'karnofsky'
  | 'pregnancy'
  | 'diseaseStatus'
  | 'tumorSize'
  | 'lab';
type Setting = 'clinical' | 'pathological' | undefined;

/** Statuses of an observation that has no valid result (HL7 observation-status). */
const NO_RESULT = new Set(['entered-in-error', 'cancelled', 'registered']);

function observationDate(o: ObservationResource): string | undefined {
  return (
    fhirDate(o.effectiveDateTime) ??
    fhirDate(o.effectivePeriod?.start) ??
    fhirDate(o.effectiveInstant) ??
    fhirDate(o.issued)
  );
}

/** A number from valueInteger, valueQuantity or an answer code of `table`, in that order. */
function scoreOf(o: ObservationResource, table: Map<string, number>): number | undefined {
  if (typeof o.valueInteger === 'number') return o.valueInteger;
  if (typeof o.valueQuantity?.value === 'number') return o.valueQuantity.value;
  return lookup(o.valueCodeableConcept, table)?.value ?? lookup(o.interpretation?.[0], table)?.value;
}

function classify(
  ctx: ImportContext,
  o: ObservationResource,
  reads: ProfileReads | undefined,
): { kind: Kind; setting: Setting } | undefined {
  const byCode = lookup(o.code, ctx.codes.observationByCode) ?? lookup(o.code, ctx.codes.stagingTypeByCode);
  if (reads && reads !== 'notRead') {
    const profiled: Record<string, Kind> = {
      stageGroup: 'stageGroup',
      tnmT: 'tnmT',
      tnmN: 'tnmN',
      tnmM: 'tnmM',
      tumorMarker: 'tumorMarker',
      geneticVariant: 'geneticVariant',
      ecog: 'ecog',
      karnofsky: 'karnofsky',
      diseaseStatus: 'diseaseStatus',
      tumorSize: 'tumorSize',
    };
    const kind = profiled[reads];
    if (kind) return { kind, setting: byCode?.value.setting };
  }
  if (byCode) return { kind: byCode.value.kind, setting: byCode.value.setting };
  for (const c of codings(o.code)) {
    if (c.family !== 'loinc') continue;
    if (ctx.codes.markerByLoinc.has(c.code)) return { kind: 'tumorMarker', setting: undefined };
    if (ctx.lex.labs.labs.some((l) => l.loinc.includes(c.code))) return { kind: 'lab', setting: undefined };
  }
  // A panel whose components are labs (blood pressure 85354-9: systolic 8480-6, diastolic 8462-4).
  if ((o.component ?? []).some((comp) => labCoding(ctx, comp.code) !== undefined)) return { kind: 'lab', setting: undefined };
  return undefined;
}

/** The LOINC coding of a concept that names a lab of rules/labs.json, if any. */
function labCoding(ctx: ImportContext, concept: ObservationResource['code'] | undefined): ReturnType<typeof codings>[number] | undefined {
  return codings(concept).find((c) => c.family === 'loinc' && ctx.lex.labs.labs.some((l) => l.loinc.includes(c.code)));
}

function statusOf(
  ctx: ImportContext,
  o: {
    valueCodeableConcept?: ObservationResource['valueCodeableConcept'];
    valueString?: string | undefined;
    interpretation?: ObservationResource['interpretation'];
  },
): BiomarkerEntry['status'] {
  const hit =
    lookup(o.valueCodeableConcept, ctx.codes.qualifierByCode) ??
    lookup(o.interpretation?.[0], ctx.codes.qualifierByCode);
  if (hit) return hit.value.status;
  const text = (o.valueString ?? conceptText(o.valueCodeableConcept) ?? '').trim().toLowerCase();
  const words: Record<string, BiomarkerEntry['status']> = {
    positive: 'positive',
    negative: 'negative',
    equivocal: 'equivocal',
    detected: 'detected',
    'not detected': 'not detected',
    low: 'low',
    high: 'high',
  };
  return words[text];
}

function readTumorMarker(ctx: ImportContext, entry: Entry, o: ObservationResource, date: string | undefined): void {
  let marker: { id: string; name: string; method?: string | undefined } | undefined;
  for (const c of codings(o.code)) if (c.family === 'loinc') marker ??= ctx.codes.markerByLoinc.get(c.code);
  if (!marker) {
    // A profiled tumour marker with a code outside the table: its name may still say which marker.
    const text = conceptText(o.code) ?? '';
    const ids = [
      ...new Set(
        ctx.lex.index
          .scan(text)
          .filter((m) => m.type === 'marker' || m.type === 'gene')
          .map((m) => m.id),
      ),
    ];
    const markers = ids.filter((id) => ctx.lex.genes.markers.some((m) => m.id === id));
    const pick = markers.length === 1 ? markers[0] : ids.length === 1 ? ids[0] : undefined;
    if (pick) marker = { id: pick, name: ctx.lex.genes.markers.find((m) => m.id === pick)?.name ?? pick };
  }
  if (!marker) {
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: `Tumour marker test "${conceptText(o.code) ?? 'uncoded'}" names no gene or marker we know.`,
      references: [entry.ref],
    });
    return;
  }
  const status = statusOf(ctx, o);
  const value = o.valueQuantity?.value;
  if (!status && typeof value !== 'number') {
    ctx.warnings.add({
      code: 'value_not_read',
      message: `The ${marker.name} result has no status or number we can read.`,
      references: [entry.ref],
    });
    return;
  }
  const b: BiomarkerEntry = { name: clip(marker.name, 100) };
  if (status) b.status = status;
  if (typeof value === 'number' && Number.isFinite(value)) {
    b.value = value;
    const unit = displayUnit(o.valueQuantity);
    if (unit) b.unit = clip(unit, 40);
  }
  const method = marker.method ?? conceptText(o.method);
  if (method) b.method = clip(method, 100);
  if (date) b.date = date;
  ctx.findings.markers.push({ key: marker.id, biomarker: b, ref: entry.ref, ...(date ? { date } : {}) });
}

function componentText(comp: NonNullable<ObservationResource['component']>[number]): string | undefined {
  return comp.valueString ?? codings(comp.valueCodeableConcept)[0]?.code ?? comp.valueCodeableConcept?.text;
}

function readVariant(ctx: ImportContext, entry: Entry, o: ObservationResource, date: string | undefined): void {
  const parts = new Map<string, NonNullable<ObservationResource['component']>[number]>();
  for (const comp of o.component ?? []) {
    for (const c of codings(comp.code)) {
      const role = c.family === 'loinc' ? ctx.codes.variantComponentByCode.get(c.code) : undefined;
      if (role && !parts.has(role)) parts.set(role, comp);
    }
  }
  const geneConcept = parts.get('gene')?.valueCodeableConcept;
  let gene: string | undefined;
  for (const c of codings(geneConcept)) {
    if (c.family === 'hgnc')
      gene ??= ctx.codes.symbolByHgnc.get(c.code.startsWith('HGNC:') ? c.code : `HGNC:${c.code}`);
  }
  if (!gene) {
    const text = [conceptText(geneConcept), ...codings(geneConcept).map((c) => c.code)].filter(Boolean).join(' ; ');
    gene = ctx.lex.index.scan(text).find((m) => m.type === 'gene')?.id;
  }
  if (!gene) {
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: `Genetic variant without a gene we know (${conceptText(geneConcept) ?? 'no gene studied'}).`,
      references: [entry.ref],
    });
    return;
  }
  // Trials ask for pathogenic ("deleterious") alterations: benign and uncertain variants are not mutations.
  const significance = parts.get('significance')?.valueCodeableConcept;
  const known = lookup(significance, ctx.codes.significanceByCode)?.value;
  const significanceText = conceptText(significance);
  if (known ? !known.pathogenic : /benign|uncertain/i.test(significanceText ?? '')) {
    ctx.warnings.add({
      code: 'variant_not_pathogenic',
      message: `${gene} variant of ${known?.display.replace(/ \(.*$/, '') ?? significanceText} significance is not read as a mutation.`,
      references: [entry.ref],
    });
    return;
  }
  const changed = ['aminoAcidChange', 'dnaChange', 'genomicChange'].map((r) => parts.get(r)).find(Boolean);
  let alteration = changed ? componentText(changed) : undefined;
  if (!alteration) {
    for (const interp of [
      ...(o.interpretation ?? []),
      ...(parts.get('changeType')?.valueCodeableConcept ? [parts.get('changeType')!.valueCodeableConcept!] : []),
    ]) {
      const known = lookup(interp, ctx.codes.interpretationByCode);
      if (known) {
        alteration = known.value.alteration;
        break;
      }
    }
  }
  const b: BiomarkerEntry = { name: gene };
  if (alteration) b.alteration = clip(alteration, 100);
  const status =
    lookup(o.valueCodeableConcept, ctx.codes.qualifierByCode)?.value.status ??
    lookup(o.interpretation?.[0], ctx.codes.qualifierByCode)?.value.status;
  // A variant reported without an explicit absent/present answer is a variant found.
  b.status = status ?? 'detected';
  const origin = lookup(parts.get('origin')?.valueCodeableConcept, ctx.codes.originByCode)?.value.origin;
  if (origin) b.origin = origin;
  b.method = 'molecular';
  if (date) b.date = date;
  ctx.findings.markers.push({
    key: `${gene}|${alteration ?? ''}`,
    biomarker: b,
    ref: entry.ref,
    ...(date ? { date } : {}),
  });
}

function readLab(ctx: ImportContext, entry: Entry, o: ObservationResource, date: string | undefined): void {
  const coding = labCoding(ctx, o.code);
  if (coding) readLabValue(ctx, entry, o.code, coding, o.valueQuantity, o.referenceRange, date);
  // Each lab component of a panel is a result of its own, dated by the panel.
  for (const comp of o.component ?? []) {
    const c = labCoding(ctx, comp.code);
    if (c) readLabValue(ctx, entry, comp.code, c, comp.valueQuantity, undefined, date);
  }
}

function readLabValue(
  ctx: ImportContext,
  entry: Entry,
  concept: ObservationResource['code'],
  coding: NonNullable<ReturnType<typeof labCoding>>,
  quantity: ObservationResource['valueQuantity'],
  referenceRange: ObservationResource['referenceRange'],
  date: string | undefined,
): void {
  const lab = ctx.lex.labs.labs.find((l) => l.loinc.includes(coding.code))!;
  const value = quantity?.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    ctx.warnings.add({
      code: 'value_not_read',
      message: `The ${lab.name} result has no numeric value.`,
      references: [entry.ref],
    });
    return;
  }
  const unit = displayUnit(quantity);
  const out: LabEntry = {
    name: clip(conceptText(concept) ?? lab.name, 100),
    code: {
      system: 'http://loinc.org',
      code: coding.code,
      ...(coding.display ? { display: clip(coding.display, 300) } : {}),
    },
    value,
  };
  if (unit) out.unit = clip(unit, 40);
  const high = referenceRange?.[0]?.high;
  if (typeof high?.value === 'number' && high.value > 0 && (!displayUnit(high) || displayUnit(high) === unit))
    out.uln = high.value;
  // A low of 0 is no lower limit ("0–40 U/L"): nothing can fall below it.
  const low = referenceRange?.[0]?.low;
  if (typeof low?.value === 'number' && low.value > 0 && (!displayUnit(low) || displayUnit(low) === unit))
    out.lln = low.value;
  if (date) out.date = date;
  ctx.findings.labs.push({ id: lab.id, value: out, ref: entry.ref, ...(date ? { date } : {}) });
}

export function readObservation(
  ctx: ImportContext,
  entry: Entry,
  o: ObservationResource,
  reads: ProfileReads | undefined,
): void {
  if (o.status && NO_RESULT.has(o.status)) {
    ctx.warnings.add({
      code: 'status_excluded',
      message: `Observation "${conceptText(o.code) ?? 'uncoded'}" is ${o.status}; it holds no result.`,
      references: [entry.ref],
    });
    return;
  }
  const kind = classify(ctx, o, reads);
  if (!kind) {
    const c = bestCoding(o.code, ['loinc', 'snomed']);
    const label = `${conceptText(o.code) ?? 'uncoded'}${c ? ` (${c.code})` : ''}`;
    ctx.warnings.group(
      'observation_not_read',
      label,
      (n) => `${n} "${label}" observation(s) are of a kind the matcher does not use.`,
      entry.ref,
    );
    return;
  }
  const date = observationDate(o);
  const stamp = date ? { date } : {};
  switch (kind.kind) {
    case 'stageGroup': {
      const stage = stageFromConcept(ctx.codes, o.valueCodeableConcept);
      if (!stage) {
        ctx.warnings.add({
          code: 'code_not_mapped',
          message: `Stage group "${conceptText(o.valueCodeableConcept) ?? 'no value'}" is not one we read.`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.staging.push({
        kind: 'stageGroup',
        ...(kind.setting ? { setting: kind.setting } : {}),
        value: stage,
        ref: entry.ref,
        focus: focusRefs(ctx, o),
        ...stamp,
      });
      return;
    }
    case 'tnmT':
    case 'tnmN':
    case 'tnmM': {
      const axis = kind.kind.slice(3) as 'T' | 'N' | 'M';
      const value = tnmFromConcept(o.valueCodeableConcept, axis, kind.setting);
      if (!value) {
        ctx.warnings.add({
          code: 'code_not_mapped',
          message: `${axis} category "${conceptText(o.valueCodeableConcept) ?? 'no value'}" is not one we read.`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.staging.push({
        kind: kind.kind,
        ...(kind.setting ? { setting: kind.setting } : {}),
        value,
        ref: entry.ref,
        focus: focusRefs(ctx, o),
        ...stamp,
      });
      return;
    }
    case 'ecog': {
      const v = scoreOf(o, ctx.codes.ecogByCode);
      if (v === undefined || !Number.isInteger(v) || v < 0 || v > 5) {
        ctx.warnings.add({
          code: 'value_not_read',
          message: `ECOG value ${v ?? '(none)'} is not a grade 0–5.`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.ecog.push({ value: v, ref: entry.ref, ...stamp });
      return;
    }
    case 'karnofsky': {
      const v = scoreOf(o, ctx.codes.karnofskyByCode);
      if (v === undefined || !Number.isInteger(v) || v < 0 || v > 100 || v % 10 !== 0) {
        ctx.warnings.add({
          code: 'value_not_read',
          message: `Karnofsky value ${v ?? '(none)'} is not a score 0–100 in steps of 10.`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.karnofsky.push({ value: v, ref: entry.ref, ...stamp });
      return;
    }
    case 'tumorMarker':
      readTumorMarker(ctx, entry, o, date);
      return;
    case 'geneticVariant':
      readVariant(ctx, entry, o, date);
      return;
    case 'lab':
      readLab(ctx, entry, o, date);
      return;
    case 'diseaseStatus': {
      const status = lookup(o.valueCodeableConcept, ctx.codes.diseaseStatusByCode)?.value.status;
      if (!status) {
        ctx.warnings.add({
          code: 'value_not_read',
          message: `Cancer disease status "${withoutSemanticTag(conceptText(o.valueCodeableConcept) ?? 'no value')}" is not one we read (improved, stable, worsened, remission).`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.diseaseStatus.push({ value: status, ref: entry.ref, focus: focusRefs(ctx, o), ...stamp });
      return;
    }
    case 'tumorSize': {
      const cm = longestDimensionCm(ctx, o);
      if (cm === undefined) {
        ctx.warnings.add({
          code: 'value_not_read',
          message: 'Tumour size without a longest dimension in cm or mm.',
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.tumorSizeCm.push({ value: cm, ref: entry.ref, focus: focusRefs(ctx, o), ...stamp });
      return;
    }
    case 'pregnancy': {
      const answer = lookup(o.valueCodeableConcept, ctx.codes.pregnancyAnswerByCode)?.value.pregnant ?? o.valueBoolean;
      if (answer === undefined) {
        ctx.warnings.add({
          code: 'value_not_read',
          message: `Pregnancy status "${withoutSemanticTag(conceptText(o.valueCodeableConcept) ?? 'no value')}" is not yes or no.`,
          references: [entry.ref],
        });
        return;
      }
      ctx.findings.pregnant.push({ value: answer, ref: entry.ref, ...stamp });
      return;
    }
  }
}

/**
 * The longest dimension of an mCODE Tumor Size observation in cm: its longest-dimension component
 * (LOINC 33728-7), else the observation's own value; units cm or mm (mCODE Tumor Size Units Value Set).
 */
function longestDimensionCm(ctx: ImportContext, o: ObservationResource): number | undefined {
  const comp = (o.component ?? []).find((c) =>
    codings(c.code).some((k) => ctx.codes.tumorSizeDimensionCodes.has(`${k.family}|${k.code}`)),
  );
  const q = comp ? comp.valueQuantity : o.valueQuantity;
  if (typeof q?.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0) return undefined;
  const unit = (q.code ?? q.unit ?? '').toLowerCase();
  if (unit === 'cm') return q.value;
  if (unit === 'mm') return Math.round(q.value * 100) / 1000;
  return undefined;
}

function focusRefs(ctx: ImportContext, o: ObservationResource): string[] {
  return (o.focus ?? []).map((f) => ctx.index.resolve(f)?.ref).filter((r): r is string => Boolean(r));
}
