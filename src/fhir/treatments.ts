/**
 * MedicationStatement / MedicationRequest / MedicationAdministration and Procedure → treatments.
 *
 * Drugs resolve through rules/drugs.json: the RxNorm code first, then the drug or regimen named in the
 * text. Without an mCODE cancer-related profile, only medications the drug lexicon knows are read, so
 * a lifetime of antibiotics and analgesics does not turn into "unrecognised prior therapy" (which
 * would leave every prior-therapy criterion unknown). Medicines the lexicon knows as concomitant
 * (anticoagulants, antibiotics, CYP3A inhibitors…; kind 'supportive', never cancer treatment) are read
 * only from a statement or administration saying they are being taken: the criteria naming them ask
 * about current use, finished orders from decades of care are no cancer treatment history, and an
 * order's status does not say the patient still takes the drug (Synthea keeps a 2000 ibuprofen
 * order "active" for good). Procedures are read as surgery or radiotherapy
 * by profile, by the procedure table of rules/fhir/codes.json, or by a therapy named in their text.
 */
import { concomitantOnly, type Lexicons } from '../criteria/lexicon';
import type { TreatmentEntry } from '../patients/record';
import type { Entry, MedicationUseResource, ProcedureResource } from './bundle';
import { medicationSchema } from './bundle';
import type { ProfileReads } from './codes';
import { bestCoding, clip, codings, conceptText, fhirDate, lookup } from './datatypes';
import type { ImportContext } from './findings';

/** Statuses that mean the drug was not (or not yet) given (HL7 medication status value sets). */
const NOT_GIVEN = new Set(['entered-in-error', 'not-taken', 'not-done', 'cancelled', 'draft', 'intended', 'unknown']);
const ONGOING = new Set(['active', 'in-progress', 'on-hold']);
/** MedicationRequest intents that are no order to give the drug. */
const NOT_AN_ORDER = new Set(['proposal', 'plan', 'option']);
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const rxnormIndex = new WeakMap<Lexicons, Map<string, string[]>>();

function drugsByRxnorm(lex: Lexicons, code: string): string[] {
  let index = rxnormIndex.get(lex);
  if (!index) {
    index = new Map();
    for (const d of lex.drugs.drugs) for (const c of d.rxnorm ?? []) index.set(c, [...(index.get(c) ?? []), d.id]);
    rxnormIndex.set(lex, index);
  }
  return index.get(code) ?? [];
}

function drugsInText(lex: Lexicons, text: string): string[] {
  const out = new Set<string>();
  for (const m of lex.index.scan(text)) {
    if (m.type === 'drug') out.add(m.id);
    else if (m.type === 'regimen')
      for (const d of lex.drugs.regimens?.find((r) => r.id === m.id)?.drugs ?? []) out.add(d);
  }
  return [...out];
}

function medicationDates(m: MedicationUseResource): { start?: string; end?: string } {
  const pick = (start?: string, end?: string): { start?: string; end?: string } => ({
    ...(fhirDate(start) ? { start: fhirDate(start)! } : {}),
    ...(fhirDate(end) ? { end: fhirDate(end)! } : {}),
  });
  switch (m.resourceType) {
    case 'MedicationStatement':
      return pick(
        m.effectiveDateTime ?? m.effectivePeriod?.start ?? m.dateAsserted,
        m.effectivePeriod?.end ?? m.effectiveDateTime,
      );
    case 'MedicationAdministration':
      return pick(m.effectiveDateTime ?? m.effectivePeriod?.start, m.effectivePeriod?.end ?? m.effectiveDateTime);
    case 'MedicationRequest':
      return pick(
        m.authoredOn ?? m.dispenseRequest?.validityPeriod?.start,
        m.dispenseRequest?.validityPeriod?.end ?? m.authoredOn,
      );
  }
}

export function readMedicationUse(
  ctx: ImportContext,
  entry: Entry,
  m: MedicationUseResource,
  reads: ProfileReads | undefined,
): void {
  let concept = m.medicationCodeableConcept;
  if (!concept && m.medicationReference) {
    const target = ctx.index.resolve(m.medicationReference);
    const med = target ? medicationSchema.safeParse(target.resource) : undefined;
    if (target && med?.success) {
      concept = med.data.code;
      ctx.consumed.add(target.ref);
    } else if (m.medicationReference.display) concept = { text: m.medicationReference.display };
  }
  const name = conceptText(concept);
  if (m.status && NOT_GIVEN.has(m.status)) {
    ctx.warnings.add({
      code: 'status_excluded',
      message: `${m.resourceType} for ${name ?? 'an uncoded drug'} is ${m.status}; it is not a treatment received.`,
      references: [entry.ref],
    });
    return;
  }
  if (m.resourceType === 'MedicationRequest' && m.intent && NOT_AN_ORDER.has(m.intent)) {
    ctx.warnings.add({
      code: 'status_excluded',
      message: `MedicationRequest for ${name ?? 'an uncoded drug'} is a ${m.intent}, not an order.`,
      references: [entry.ref],
    });
    return;
  }
  const rx = codings(concept).find((c) => c.family === 'rxnorm');
  const byCode = rx ? drugsByRxnorm(ctx.lex, rx.code) : [];
  const byText = name ? drugsInText(ctx.lex, name) : [];
  if (byCode.length && byText.length && !byText.some((d) => byCode.includes(d))) {
    ctx.warnings.add({
      code: 'code_display_mismatch',
      message: `RxNorm ${rx!.code} is ${byCode.join(', ')} but the text says "${name}"; the code is used.`,
      references: [entry.ref],
    });
  }
  const drugs = byCode.length ? byCode : byText;
  const profiled = reads === 'medication';
  if (!drugs.length && !profiled) {
    ctx.warnings.group(
      'medication_not_cancer_related',
      name ?? 'uncoded',
      (n) =>
        `${n} ${m.resourceType}(s) for "${name ?? 'an uncoded drug'}": not a cancer drug in rules/drugs.json and not profiled as cancer-related.`,
      entry.ref,
    );
    return;
  }
  const takenNow = m.resourceType !== 'MedicationRequest' && Boolean(m.status && ONGOING.has(m.status));
  if (!profiled && drugs.length && drugs.every((d) => concomitantOnly(ctx.lex, d)) && !takenNow) {
    ctx.warnings.group(
      'medication_not_cancer_related',
      name ?? 'uncoded',
      (n) =>
        `${n} ${m.resourceType}(s) for "${name ?? 'an uncoded drug'}": a medicine for another condition, read only from a statement or administration saying it is being taken.`,
      entry.ref,
    );
    return;
  }
  if (!drugs.length) {
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: `Cancer-related medication "${name ?? 'uncoded'}" is not in the drug lexicon; prior-therapy criteria may stay unknown.`,
      references: [entry.ref],
    });
  }
  const drugName = drugs.length === 1 ? ctx.lex.drugById.get(drugs[0]!)?.name : undefined;
  const label = drugName ?? name ?? rx?.code ?? 'unnamed medication';
  const treatment: Omit<TreatmentEntry, 'start' | 'end' | 'date' | 'outcome'> = { name: clip(label, 200) };
  const coding = rx ?? bestCoding(concept, ['rxnorm']);
  if (coding)
    treatment.code = {
      system: clip(coding.system ?? RXNORM, 200),
      code: clip(coding.code, 100),
      ...(coding.display ? { display: clip(coding.display, 300) } : {}),
    };
  ctx.findings.treatments.push({
    key: drugs.length ? `drug:${[...drugs].sort().join('+')}` : `text:${label.toLowerCase()}`,
    treatment,
    ...medicationDates(m),
    ongoing: Boolean(m.status && ONGOING.has(m.status)),
    ref: entry.ref,
  });
}

export function readProcedure(
  ctx: ImportContext,
  entry: Entry,
  p: ProcedureResource,
  reads: ProfileReads | undefined,
): void {
  const name = conceptText(p.code);
  let kind: TreatmentEntry['kind'] | undefined =
    reads === 'surgery' ? 'surgery' : reads === 'radiation' ? 'radiation' : undefined;
  kind ??= lookup(p.code, ctx.codes.procedureByCode, ['snomed', 'cpt'])?.value.kind;
  if (!kind && name) {
    // A therapy named in the text: "Chemotherapy (procedure)", "Radiation therapy procedure or service".
    const kinds = new Set(
      ctx.lex.index
        .scan(name)
        .filter((m) => m.type === 'therapyKind')
        .map((m) => m.id),
    );
    // Before radiation: radioembolization is both, and the normaliser rescans the name for the other kind.
    // Never 'systemic' by default: TACE and HIPEC name a drug's route, not a systemic treatment.
    if (kinds.has('locoregional')) kind = 'locoregional';
    else if (kinds.has('radiation')) kind = 'radiation';
    else if (kinds.has('surgery')) kind = 'surgery';
    else if (kinds.has('transplant')) kind = 'transplant';
    else if (kinds.has('cell therapy')) kind = 'cell therapy';
    else if (kinds.size) kind = 'systemic';
  }
  if (!kind) {
    ctx.warnings.group(
      'procedure_not_read',
      name ?? 'uncoded',
      (n) =>
        `${n} "${name ?? 'uncoded'}" procedure(s) are neither cancer surgery nor radiotherapy nor a named therapy.`,
      entry.ref,
    );
    return;
  }
  if (p.status && ['not-done', 'entered-in-error', 'preparation'].includes(p.status)) {
    ctx.warnings.add({
      code: 'status_excluded',
      message: `Procedure "${name ?? 'uncoded'}" is ${p.status}; it is not a treatment received.`,
      references: [entry.ref],
    });
    return;
  }
  const coding = bestCoding(p.code, ['snomed', 'cpt']);
  const start = fhirDate(p.performedDateTime ?? p.performedPeriod?.start);
  const end = fhirDate(p.performedPeriod?.end ?? p.performedDateTime);
  const treatment: Omit<TreatmentEntry, 'start' | 'end' | 'date' | 'outcome'> = {
    name: clip(name ?? `${kind} procedure`, 200),
    kind,
  };
  if (coding)
    treatment.code = {
      system: clip(coding.system ?? 'unknown', 200),
      code: clip(coding.code, 100),
      ...(coding.display ? { display: clip(coding.display, 300) } : {}),
    };
  ctx.findings.treatments.push({
    key: `${kind}:${coding?.code ?? (name ?? '').toLowerCase()}`,
    treatment,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ongoing: p.status === 'in-progress',
    ref: entry.ref,
  });
}
