/**
 * The OpenAPI 3.1 description of the HTTP API, served at /v1/openapi.json, and a small docs page
 * at /docs that renders it without any external script (the service may run offline). Request
 * schemas come from the same zod schemas the handlers validate with, so they cannot drift.
 */
import { Router } from 'express';
import { z } from 'zod';
import { READABLE_BUNDLE_TYPES } from '../fhir/bundle';
import { WARNING_CODES } from '../fhir/warnings';
import { patientRecordSchema } from '../patients/record';
import { matchBodySchema, matchBundleBodySchema } from './match';

const problem = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable snake_case error code to branch on.' },
    detail: { type: 'string' },
    path: { type: 'string', description: 'JSON Pointer of the offending input.' },
    errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } } } },
    requestId: { type: 'string' },
  },
};

const evidence = {
  type: 'object',
  required: ['path', 'value'],
  properties: {
    path: { type: 'string', description: 'JSON Pointer into the submitted record.' },
    value: {},
    note: { type: 'string' },
    fhir: { type: 'string', description: 'FHIR reference of the source resource, for records built from a bundle.' },
  },
};

const criterionResult = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { enum: ['inclusion', 'exclusion'] },
    text: { type: 'string' },
    category: { type: 'string' },
    source: { enum: ['text', 'structured'] },
    parsed: { enum: ['parsed', 'partial', 'unparsed'] },
    outcome: { enum: ['pass', 'fail', 'unknown'], description: 'For an exclusion, pass means the exclusion does not apply.' },
    reason: { enum: ['missing_data', 'not_understood'] },
    evidence: { type: 'array', items: evidence },
    missing: { type: 'array', items: { type: 'object', properties: { fact: { type: 'string' }, params: { type: 'object' }, question: { type: 'string' } } } },
  },
};

const trialMatch = {
  type: 'object',
  properties: {
    nctId: { type: 'string' },
    title: { type: 'string' },
    phases: { type: 'array', items: { type: 'string' } },
    overallStatus: { type: ['string', 'null'] },
    verdict: { enum: ['eligible', 'possible', 'ineligible'] },
    score: { type: 'number', minimum: 0, maximum: 1 },
    scoreParts: { type: 'object' },
    nearestSite: { type: ['object', 'null'] },
    criteria: { type: 'array', items: criterionResult },
  },
};

const fhirBundle = {
  type: 'object',
  description: 'A FHIR R4 Bundle holding one Patient and their mCODE (STU1–STU4) or US Core resources. Sent as application/fhir+json or application/json.',
  required: ['resourceType', 'type'],
  properties: {
    resourceType: { const: 'Bundle' },
    type: { enum: [...READABLE_BUNDLE_TYPES] },
    entry: { type: 'array', items: { type: 'object', properties: { fullUrl: { type: 'string' }, resource: { type: 'object', required: ['resourceType'] } } } },
  },
};

const importWarning = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { enum: [...WARNING_CODES], description: 'Stable code of what was not read, or read with a caveat.' },
    message: { type: 'string' },
    references: { type: 'array', items: { type: 'string' }, description: 'FHIR references of the resources concerned.' },
    count: { type: 'integer', description: 'How many resources a grouped warning covers.' },
    bundlePath: { type: 'string', description: 'JSON Pointer into the submitted Bundle.' },
    path: { type: 'string', description: 'JSON Pointer into the record.' },
  },
};

const fhirImport = {
  type: 'object',
  required: ['record', 'provenance', 'warnings'],
  properties: {
    record: { $ref: '#/components/schemas/PatientRecord' },
    provenance: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Record path (JSON Pointer) → FHIR reference of its source resource; a path without an entry takes its nearest listed ancestor.',
    },
    warnings: { type: 'array', items: importWarning },
  },
};

const searchset = {
  type: 'object',
  description: 'FHIR searchset Bundle of ResearchStudy resources, best match first.',
  required: ['resourceType', 'type', 'total', 'entry'],
  properties: {
    resourceType: { const: 'Bundle' },
    type: { const: 'searchset' },
    total: { type: 'integer' },
    entry: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          resource: { type: 'object', description: 'ResearchStudy (id and identifier[0].value: the NCT id).' },
          search: { type: 'object', properties: { mode: { const: 'match' }, score: { type: 'number', minimum: 0, maximum: 1 } } },
        },
      },
    },
  },
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const fhirJson = (schema: unknown) => ({ content: { 'application/json': { schema }, 'application/fhir+json': { schema } } });
const problemOf = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const problems = {
  '400': { description: 'Invalid request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
  '401': { description: 'Missing or invalid API key', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
  '404': { description: 'Not found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
};
const nctParam = { name: 'nctId', in: 'path', required: true, schema: { type: 'string', pattern: '^NCT\\d{8}$' } };
const key = [{ apiKey: [] }];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ctmatch: clinical-trial eligibility matching for people with cancer',
      version: '1',
      description:
        'Trials from ClinicalTrials.gov, their eligibility criteria read into rules, and ranked matches for a patient record with the evidence behind every criterion: pass, fail or unknown.',
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key with the needed role (widget, patient, coordinator, admin).' } },
      schemas: {
        Problem: problem,
        PatientRecord: z.toJSONSchema(patientRecordSchema, { target: 'draft-2020-12' }),
        MatchRequest: {
          description: 'The patient as a PatientRecord (patient) or as a FHIR Bundle (patientBundle): exactly one of them.',
          oneOf: [
            z.toJSONSchema(matchBodySchema, { target: 'draft-2020-12', io: 'input' }),
            {
              ...z.toJSONSchema(matchBundleBodySchema, { target: 'draft-2020-12', io: 'input' }),
              properties: {
                ...(z.toJSONSchema(matchBundleBodySchema, { target: 'draft-2020-12', io: 'input' }) as { properties: Record<string, unknown> }).properties,
                patientBundle: { $ref: '#/components/schemas/FhirBundle' },
              },
            },
          ],
        },
        TrialMatch: trialMatch,
        FhirBundle: fhirBundle,
        FhirImport: fhirImport,
        Searchset: searchset,
      },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'The process answers' } } } },
      '/readyz': { get: { summary: 'Readiness: store reachable, last sync outcome', responses: { '200': { description: 'Ready' }, '503': { description: 'Store unreachable' } } } },
      '/v1/trials': {
        get: {
          summary: 'Search trials (full text) with paging',
          parameters: [
            { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Words, quoted phrases, -exclusions (websearch syntax).' },
            { name: 'status', in: 'query', schema: { type: 'string' }, description: 'Comma-separated overall statuses.' },
            { name: 'condition', in: 'query', schema: { type: 'string' } },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          ],
          responses: { '200': { description: 'A page of trials' }, ...problems },
        },
      },
      '/v1/trials/{nctId}': { get: { summary: 'One trial: normalised fields and the raw v2 study', parameters: [nctParam], responses: { '200': { description: 'The trial' }, ...problems } } },
      '/v1/trials/{nctId}/criteria': {
        get: { summary: 'The trial’s criteria as parsed: kind, text, span, category, rule, status', parameters: [nctParam], responses: { '200': { description: 'Parsed criteria' }, ...problems } },
      },
      '/v1/trials/{nctId}/evaluate': {
        post: {
          summary: 'Every criterion of one trial evaluated for a patient',
          security: key,
          parameters: [nctParam],
          requestBody: json({ type: 'object', required: ['patient'], properties: { patient: { $ref: '#/components/schemas/PatientRecord' }, asOf: { type: 'string', format: 'date' } } }),
          responses: { '200': { description: 'The breakdown', ...json({ $ref: '#/components/schemas/TrialMatch' }) }, ...problems },
        },
      },
      '/v1/match': {
        post: {
          summary: 'Ranked trials for a patient, with evidence for every criterion',
          security: key,
          requestBody: json({ $ref: '#/components/schemas/MatchRequest' }),
          responses: {
            '200': {
              description: 'Matches',
              ...json({
                type: 'object',
                properties: {
                  matches: { type: 'array', items: { $ref: '#/components/schemas/TrialMatch' } },
                  corpus: { type: 'object', properties: { trials: { type: 'integer' }, lastSync: { type: ['object', 'null'] } } },
                  counts: { type: 'object' },
                  asOf: { type: 'string', format: 'date' },
                  unrecognised: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' } } } },
                },
              }),
            },
            ...problems,
            '413': { description: 'Body too large', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
      },
      '/v1/fhir/patient-record': {
        post: {
          summary: 'Read a FHIR R4 Bundle (mCODE or US Core) into a PatientRecord, with the source of every value and what was not read',
          security: key,
          requestBody: fhirJson({ $ref: '#/components/schemas/FhirBundle' }),
          responses: {
            '200': { description: 'The record, its provenance and the warnings', ...json({ $ref: '#/components/schemas/FhirImport' }) },
            ...problems,
            '413': problemOf('Body larger than CTM_FHIR_BODY_LIMIT'),
            '415': problemOf('Body is not JSON'),
          },
        },
      },
      '/getClinicalTrial': {
        post: {
          summary: 'mCODE clinical-trial-matching-service protocol: patient Bundle (optionally with a Parameters resource: zipCode, travelRadius in miles, phase, recruitmentStatus) → searchset of ResearchStudy',
          security: key,
          parameters: [{ name: '_count', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
          requestBody: fhirJson({
            oneOf: [
              { $ref: '#/components/schemas/FhirBundle' },
              { type: 'object', required: ['patientData'], properties: { patientData: { $ref: '#/components/schemas/FhirBundle' } } },
            ],
          }),
          responses: {
            '200': { description: 'Matching studies, scored in [0, 1] (docs/fhir.md explains the scale)', content: { 'application/fhir+json': { schema: { $ref: '#/components/schemas/Searchset' } } } },
            ...problems,
            '413': problemOf('Body larger than CTM_FHIR_BODY_LIMIT'),
          },
        },
      },
      '/v1/schemas/patient-record.json': { get: { summary: 'The PatientRecord JSON Schema', responses: { '200': { description: 'JSON Schema (draft 2020-12)' } } } },
    },
  };
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ctmatch API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem} code,pre{font:13px ui-monospace,monospace;background:#f4f4f4;border-radius:4px}
pre{padding:.75rem;overflow:auto} .op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700} .get{color:#0a6} .post{color:#06c} .lock{color:#a60}
</style></head><body>
<h1>ctmatch API</h1>
<p>Machine-readable description: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1). Errors are
<code>application/problem+json</code> with a stable <code>code</code> and the offending <code>path</code>.</p>
<div id="ops">Loading…</div>
<script>
fetch('/v1/openapi.json').then(r=>r.json()).then(doc=>{
  const el=document.getElementById('ops'); el.textContent='';
  for(const [path,item] of Object.entries(doc.paths)){
    for(const [method,op] of Object.entries(item)){
      const d=document.createElement('div'); d.className='op';
      const h=document.createElement('div');
      const m=document.createElement('span'); m.className='m '+method; m.textContent=method.toUpperCase();
      const p=document.createElement('code'); p.textContent=path;
      h.append(m,' ',p); if(op.security){const l=document.createElement('span');l.className='lock';l.textContent=' · API key';h.append(l);}
      const s=document.createElement('p'); s.textContent=op.summary||'';
      d.append(h,s);
      const body=op.requestBody&&op.requestBody.content['application/json'].schema;
      if(body){const pre=document.createElement('pre');const ref=body.$ref?doc.components.schemas[body.$ref.split('/').pop()]:body;pre.textContent=JSON.stringify(ref,null,2).slice(0,4000);d.append(pre);}
      el.append(d);
    }
  }
});
</script></body></html>`;

export function docsRouter(): Router {
  const router = Router();
  const doc = openApiDocument();
  const recordSchema = z.toJSONSchema(patientRecordSchema, { target: 'draft-2020-12' });
  router.get('/v1/openapi.json', (_req, res) => {
    res.json(doc);
  });
  router.get('/v1/schemas/patient-record.json', (_req, res) => {
    res.type('application/schema+json').send(JSON.stringify({ $id: '/v1/schemas/patient-record.json', ...recordSchema }));
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_PAGE);
  });
  return router;
}
