/**
 * The FHIR R4 Bundle at our boundary: the envelope is validated strictly (a body that is not a Bundle,
 * or a Bundle of a type we cannot read, is a client error with a JSON Pointer), each resource we read
 * loosely: only the elements the reader uses are checked, and a resource whose elements have the
 * wrong shape is skipped with a warning rather than failing the whole import. FHIR resources are
 * large and open-ended; everything else passes through untouched.
 *
 * Also here: the index that resolves references between entries (`Condition/123`, `urn:uuid:…`,
 * absolute URLs, bare ids), and the reference each entry is known by in provenance.
 */
import { z } from 'zod';
import { AppError, toPointer } from '../errors';

const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.looseObject({ coding: z.array(coding).optional(), text: z.string().optional() });
const reference = z.looseObject({
  reference: z.string().optional(),
  display: z.string().optional(),
  type: z.string().optional(),
});
const period = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
const quantity = z.looseObject({
  value: z.number().optional(),
  comparator: z.string().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
interface ExtensionShape {
  url: string;
  valueCodeableConcept?: z.infer<typeof concept> | undefined;
  valueReference?: z.infer<typeof reference> | undefined;
  valueCode?: string | undefined;
  valueString?: string | undefined;
  valueDateTime?: string | undefined;
  valueDecimal?: number | undefined;
  extension?: ExtensionShape[] | undefined;
  [k: string]: unknown;
}
const extension: z.ZodType<ExtensionShape> = z.lazy(() =>
  z.looseObject({
    url: z.string(),
    valueCodeableConcept: concept.optional(),
    valueReference: reference.optional(),
    valueCode: z.string().optional(),
    valueString: z.string().optional(),
    valueDateTime: z.string().optional(),
    valueDecimal: z.number().optional(),
    extension: z.array(extension).optional(),
  }),
);

const base = {
  id: z.string().optional(),
  meta: z.looseObject({ profile: z.array(z.string()).optional() }).optional(),
  extension: z.array(extension).optional(),
  subject: reference.optional(),
  patient: reference.optional(),
};

export const patientSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Patient'),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: z.string().optional(),
  address: z
    .array(
      z.looseObject({
        use: z.string().optional(),
        postalCode: z.string().optional(),
        city: z.string().optional(),
        state: z.string().optional(),
        country: z.string().optional(),
        extension: z.array(extension).optional(),
      }),
    )
    .optional(),
});

export const conditionSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Condition'),
  code: concept.optional(),
  clinicalStatus: concept.optional(),
  verificationStatus: concept.optional(),
  category: z.array(concept).optional(),
  bodySite: z.array(concept).optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: period.optional(),
  recordedDate: z.string().optional(),
  abatementDateTime: z.string().optional(),
  stage: z
    .array(
      z.looseObject({
        summary: concept.optional(),
        type: concept.optional(),
        assessment: z.array(reference).optional(),
      }),
    )
    .optional(),
});

const valueX = {
  valueQuantity: quantity.optional(),
  valueCodeableConcept: concept.optional(),
  valueInteger: z.number().optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueRatio: z.looseObject({ numerator: quantity.optional(), denominator: quantity.optional() }).optional(),
};

export const observationSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Observation'),
  status: z.string().optional(),
  code: concept,
  category: z.array(concept).optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: period.optional(),
  effectiveInstant: z.string().optional(),
  issued: z.string().optional(),
  ...valueX,
  interpretation: z.array(concept).optional(),
  method: concept.optional(),
  focus: z.array(reference).optional(),
  referenceRange: z.array(z.looseObject({ low: quantity.optional(), high: quantity.optional() })).optional(),
  component: z
    .array(z.looseObject({ code: concept, ...valueX, interpretation: z.array(concept).optional() }))
    .optional(),
});

const medicationBase = {
  ...base,
  status: z.string().optional(),
  medicationCodeableConcept: concept.optional(),
  medicationReference: reference.optional(),
  reasonReference: z.array(reference).optional(),
};

export const medicationUseSchema = z.discriminatedUnion('resourceType', [
  z.looseObject({
    ...medicationBase,
    resourceType: z.literal('MedicationStatement'),
    effectiveDateTime: z.string().optional(),
    effectivePeriod: period.optional(),
    dateAsserted: z.string().optional(),
  }),
  z.looseObject({
    ...medicationBase,
    resourceType: z.literal('MedicationRequest'),
    intent: z.string().optional(),
    authoredOn: z.string().optional(),
    dispenseRequest: z.looseObject({ validityPeriod: period.optional() }).optional(),
  }),
  z.looseObject({
    ...medicationBase,
    resourceType: z.literal('MedicationAdministration'),
    effectiveDateTime: z.string().optional(),
    effectivePeriod: period.optional(),
  }),
]);

export const medicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  id: z.string().optional(),
  code: concept.optional(),
});

export const procedureSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Procedure'),
  status: z.string().optional(),
  code: concept.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: period.optional(),
  bodySite: z.array(concept).optional(),
  reasonReference: z.array(reference).optional(),
});

export const parametersSchema = z.looseObject({
  resourceType: z.literal('Parameters'),
  parameter: z
    .array(
      z.looseObject({
        name: z.string(),
        valueString: z.string().optional(),
        valueDecimal: z.number().optional(),
        valueInteger: z.number().optional(),
        valueCode: z.string().optional(),
      }),
    )
    .optional(),
});

export type Coding = z.infer<typeof coding>;
export type CodeableConcept = z.infer<typeof concept>;
export type Reference = z.infer<typeof reference>;
export type Quantity = z.infer<typeof quantity>;
export type Extension = ExtensionShape;
export type PatientResource = z.infer<typeof patientSchema>;
export type ConditionResource = z.infer<typeof conditionSchema>;
export type ObservationResource = z.infer<typeof observationSchema>;
export type MedicationUseResource = z.infer<typeof medicationUseSchema>;
export type MedicationResource = z.infer<typeof medicationSchema>;
export type ProcedureResource = z.infer<typeof procedureSchema>;
export type ParametersResource = z.infer<typeof parametersSchema>;

/** Bundle types whose entries are resources to read. History and response bundles describe operations. */
export const READABLE_BUNDLE_TYPES = [
  'collection',
  'searchset',
  'document',
  'transaction',
  'batch',
  'message',
] as const;

const envelope = z.object({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() }),
      }),
    )
    .optional(),
});

export interface Entry {
  /** Position in Bundle.entry. */
  index: number;
  /** What provenance calls this resource: `Type/id`, else the fullUrl, else `Bundle.entry[i]`. */
  ref: string;
  /** The resource's identity (`Type/id` or fullUrl): versions of one resource share it while their refs differ. */
  identity: string;
  fullUrl: string | undefined;
  resource: { resourceType: string; id?: string | undefined; [k: string]: unknown };
  /** JSON Pointer of the resource in the submitted document. */
  pointer: string;
}

export interface ParsedBundle {
  type: string;
  entries: Entry[];
  /** References the index cannot tell apart (two different resources under one `Type/id`). */
  duplicates: Array<{ ref: string; indices: number[]; identical: boolean }>;
}

/**
 * Validates the envelope of a submitted Bundle. `at` is the JSON Pointer of the bundle in the request
 * (`/body`, `/body/patientBundle`), so errors point into what the client sent.
 */
export function parseBundle(value: unknown, at = ''): ParsedBundle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError('not_a_bundle', 'Expected a FHIR Bundle: a JSON object with "resourceType": "Bundle".', {
      status: 400,
      path: at || '/',
    });
  }
  const rt = (value as { resourceType?: unknown }).resourceType;
  if (rt !== 'Bundle') {
    const what = typeof rt === 'string' ? `a ${rt} resource` : 'an object without resourceType';
    throw new AppError(
      'not_a_bundle',
      `Expected a FHIR Bundle, got ${what}. Wrap resources in a Bundle of type collection.`,
      {
        status: 400,
        path: `${at}/resourceType`,
      },
    );
  }
  const parsed = envelope.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid_bundle', `The Bundle is malformed: ${issue.message}.`, {
      status: 400,
      path: toPointer(issue.path, at),
      details: parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ code: i.code, path: toPointer(i.path, at), message: i.message })),
    });
  }
  if (!(READABLE_BUNDLE_TYPES as readonly string[]).includes(parsed.data.type)) {
    throw new AppError(
      'unsupported_bundle_type',
      `A ${parsed.data.type} Bundle describes operations, not a patient's record; send a ${READABLE_BUNDLE_TYPES.slice(0, 3).join(', ')} (or transaction) Bundle.`,
      { status: 400, path: `${at}/type` },
    );
  }
  const raw = parsed.data.entry ?? [];
  const entries: Entry[] = [];
  const byRef = new Map<string, { index: number; json: string }[]>();
  raw.forEach((e, index) => {
    const r = e.resource;
    const canonical = r.id ? `${r.resourceType}/${r.id}` : undefined;
    const json = JSON.stringify(r);
    let ref = canonical ?? e.fullUrl ?? `Bundle.entry[${index}]`;
    const seen = byRef.get(ref);
    if (seen) {
      seen.push({ index, json });
      // A second, different resource under the same reference gets its own locator so that
      // provenance never points at the wrong one.
      if (!seen.some((s) => s.json === json && s.index !== index)) ref = `Bundle.entry[${index}]`;
      else return; // an exact repeat adds nothing
    } else byRef.set(ref, [{ index, json }]);
    entries.push({
      index,
      ref,
      identity: canonical ?? e.fullUrl ?? ref,
      fullUrl: e.fullUrl,
      resource: r,
      pointer: `${at}/entry/${index}/resource`,
    });
  });
  const duplicates = [...byRef]
    .filter(([, list]) => list.length > 1)
    .map(([ref, list]) => ({
      ref,
      indices: list.map((l) => l.index),
      identical: list.every((l) => l.json === list[0]!.json),
    }));
  return { type: parsed.data.type, entries, duplicates };
}

/** Resolves references between the entries of one bundle. */
export class BundleIndex {
  private readonly byKey = new Map<string, Entry>();
  /** Bare ids → entry, or null when two resource types share the id. */
  private readonly byBareId = new Map<string, Entry | null>();

  constructor(readonly entries: Entry[]) {
    for (const e of entries) {
      const { resourceType, id } = e.resource;
      const keys = [e.ref, e.fullUrl, id ? `${resourceType}/${id}` : undefined];
      for (const k of keys) if (k && !this.byKey.has(k)) this.byKey.set(k, e);
      // Sloppy references name the bare id ("4dee068c-…"); accept them when unambiguous.
      if (id)
        this.byBareId.set(
          id,
          this.byBareId.has(id) && this.byBareId.get(id)?.resource.resourceType !== resourceType ? null : e,
        );
    }
  }

  resolve(ref: Reference | string | undefined): Entry | undefined {
    const r = typeof ref === 'string' ? ref : ref?.reference;
    if (!r) return undefined;
    const direct = this.byKey.get(r);
    if (direct) return direct;
    // Absolute URL ending in Type/id (http://server/fhir/Condition/123, or …/_history/2).
    const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(r);
    if (m) {
      const hit = this.byKey.get(`${m[1]}/${m[2]}`);
      if (hit) return hit;
    }
    return this.byBareId.get(r) ?? undefined;
  }
}
