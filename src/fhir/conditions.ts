/**
 * Condition → primary cancer, secondary cancer (metastasis), pregnancy, or comorbidity.
 *
 * With mCODE profiles the profile says which; without (plain US Core), the code does: a code of the
 * secondary-site table is a metastasis, a code the cancer-type lexicon knows (SNOMED CT, ICD-10,
 * NCIt, see normaliseCancerCode) is a cancer, and failing a code, a cancer named in the display
 * outside a negation or history scope ("History of malignant neoplasm of breast" is not a current
 * cancer). A cancer that is resolved, inactive or in remission goes to `conditions` as history, where
 * "no other malignancy within N years" criteria look.
 *
 * Only confirmed diagnoses are read: unconfirmed, provisional, differential, refuted and
 * entered-in-error Conditions are reported in warnings instead.
 */
import { findScopes } from '../criteria/negation';
import { normaliseCancerCode } from '../patients/normalise';
import type { ConditionEntry } from '../patients/record';
import type { ConditionResource, Entry } from './bundle';
import type { ProfileReads } from './codes';
import { bestCoding, clip, codings, conceptText, fhirDate, hasCode, lookup, withoutSemanticTag } from './datatypes';
import type { Code, ImportContext, PrimaryCancerFinding } from './findings';
import { stageFromConcept } from './staging';

const EXCLUDED_VERIFICATION = new Set(['refuted', 'entered-in-error', 'unconfirmed', 'provisional', 'differential']);
/** Clinical statuses of a disease that is no longer there (HL7 condition-clinical code system). */
const PAST = new Set(['inactive', 'remission', 'resolved']);
const HISTOLOGY_EXT = /mcode-histology-morphology-behavior$/;
/** How SNOMED CT and ICD-10 name metastases: "Secondary malignant neoplasm of …", "Metastatic … to …". */
const SECONDARY_TERM = /^(secondary|metasta)/i;
const RELATED_PRIMARY_EXT = /mcode-related-primary-cancer-condition$/;
const ASSERTED_DATE_EXT = 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate';
/** SNOMED CT semantic tags of concepts that are no diagnosis: a cancer named in them is not the patient's. */
const NOT_A_DIAGNOSIS = /\((finding|situation|procedure|regime\/therapy|observable entity|qualifier value)\)\s*$/i;

function toCode(c: { system?: string | undefined; code: string; display?: string | undefined }): Code {
  return {
    system: clip(c.system ?? 'unknown', 200),
    code: clip(c.code, 100),
    ...(c.display ? { display: clip(c.display, 300) } : {}),
  };
}

/** OncoTree codes the concept names, by code first, else by text (outside negation and history scopes). */
export function cancerOf(
  ctx: ImportContext,
  cc: ConditionResource['code'],
): { codes: string[]; coding?: Code; text?: string } {
  for (const c of codings(cc)) {
    if (!c.system) continue;
    const codes = normaliseCancerCode(ctx.lex, c.system, c.code);
    if (codes.length) return { codes, coding: toCode(c) };
  }
  const texts = [cc?.text, ...(cc?.coding ?? []).map((c) => c.display)].filter((t): t is string => Boolean(t?.trim()));
  for (const raw of texts) {
    if (NOT_A_DIAGNOSIS.test(raw)) continue;
    const text = withoutSemanticTag(raw);
    const scopes = findScopes(text, ctx.lex);
    const mentions = ctx.lex.index
      .scan(text)
      .filter((m) => m.type === 'cancer' && !scopes.in('negated', m.start) && !scopes.in('history', m.start))
      .map((m) => m.id);
    if (mentions.length) {
      const coding = bestCoding(cc, ['snomed', 'icd10', 'ncit']);
      return {
        codes: [...new Set(mentions)],
        ...(coding ? { coding: toCode({ ...coding, display: coding.display ?? text }) } : { text }),
      };
    }
  }
  return { codes: [] };
}

/** "Secondary malignant neoplasm of axillary lymph nodes (disorder)" → "axillary lymph nodes". */
export function siteFromText(text: string): string | undefined {
  if (!/secondary|metasta/i.test(text)) return undefined;
  const t = withoutSemanticTag(text)
    .replace(
      /^.*?\b(?:neoplasm|neoplastic disease|tumou?rs?|carcinoma|metastasis|metastases|cancer)\s+(?:of|to|in)\s+/i,
      '',
    )
    .replace(/\s+of unknown primary.*$/i, '')
    .trim()
    .toLowerCase();
  return t && t !== withoutSemanticTag(text).toLowerCase() ? t : undefined;
}

function conditionDate(c: ConditionResource): string | undefined {
  const asserted = c.extension?.find((e) => e.url === ASSERTED_DATE_EXT)?.valueDateTime;
  return fhirDate(c.onsetDateTime) ?? fhirDate(c.onsetPeriod?.start) ?? fhirDate(asserted) ?? fhirDate(c.recordedDate);
}

function readSecondary(ctx: ImportContext, entry: Entry, c: ConditionResource): void {
  const hit = lookup(c.code, ctx.codes.siteByCode, ['snomed', 'icd10']);
  const bodySite = c.bodySite?.[0]?.text ?? c.bodySite?.[0]?.coding?.find((x) => x.display)?.display;
  const fromText = [c.code?.text, ...(c.code?.coding ?? []).map((x) => x.display)]
    .map((t) => (t ? siteFromText(t) : undefined))
    .find(Boolean);
  const site =
    hit?.value.site ??
    fromText ??
    (bodySite
      ? withoutSemanticTag(bodySite)
          .replace(/\s+structure$/i, '')
          .toLowerCase()
      : undefined);
  const text = `${site ?? ''} ${conceptText(c.code) ?? ''}`;
  const primary = c.extension?.find((e) => RELATED_PRIMARY_EXT.test(e.url))?.valueReference;
  const primaryRef = primary ? ctx.index.resolve(primary)?.ref : undefined;
  if (!site) {
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: `The site of secondary cancer "${conceptText(c.code) ?? 'uncoded'}" is not known; it counts as metastatic disease without a site.`,
      references: [entry.ref],
    });
  }
  ctx.findings.secondaries.push({
    ref: entry.ref,
    ...(site ? { site: clip(site, 100) } : {}),
    lymphNode: hit?.value.lymphNode ?? /lymph node/i.test(text),
    brain: hit?.value.brain ?? /\bbrain\b/i.test(text),
    ...(primaryRef ? { primaryRef } : {}),
  });
}

function readPrimary(
  ctx: ImportContext,
  entry: Entry,
  c: ConditionResource,
  cancer: ReturnType<typeof cancerOf>,
): void {
  const out: PrimaryCancerFinding = { ref: entry.ref, identity: entry.identity, summaries: [], assessments: [] };
  if (cancer.coding) out.type = cancer.coding;
  else if (cancer.text) out.type = clip(cancer.text, 300);
  else {
    const coding = bestCoding(c.code, ['snomed', 'icd10', 'ncit']);
    if (coding) out.type = toCode(coding);
    else if (conceptText(c.code)) out.type = clip(conceptText(c.code)!, 300);
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: `Cancer type "${conceptText(c.code) ?? 'uncoded'}" is not in the cancer-type lexicon; cancer-type criteria stay unknown.`,
      references: [entry.ref],
      path: '/cancers/*/type',
    });
  }
  const histology = c.extension?.find((e) => HISTOLOGY_EXT.test(e.url))?.valueCodeableConcept;
  const histologyCoding = bestCoding(histology, ['snomed', 'icd10', 'ncit']);
  if (histologyCoding) out.histology = toCode(histologyCoding);
  const site = bestCoding(c.bodySite?.[0], ['snomed']);
  if (site) out.primarySite = toCode(site);
  const date = conditionDate(c);
  if (date) out.diagnosisDate = date;
  const status = codings(c.clinicalStatus)[0]?.code;
  if (status === 'recurrence' || status === 'relapse') out.recurrent = true;
  for (const st of c.stage ?? []) {
    const stage = stageFromConcept(ctx.codes, st.summary);
    const typeText = `${conceptText(st.type) ?? ''}`.toLowerCase();
    const typed = lookup(st.type, ctx.codes.observationByCode)?.value.setting;
    const setting =
      typed ??
      (typeText.includes('patholog') ? 'pathological' : typeText.includes('clinical') ? 'clinical' : undefined);
    if (stage) out.summaries.push({ stage, ...(setting ? { setting } : {}) });
    else if (st.summary) {
      ctx.warnings.add({
        code: 'code_not_mapped',
        message: `Stage "${conceptText(st.summary) ?? 'uncoded'}" is not a stage group we read.`,
        references: [entry.ref],
      });
    }
    for (const a of st.assessment ?? []) {
      const target = ctx.index.resolve(a);
      if (target) out.assessments.push(target.ref);
    }
  }
  ctx.findings.primaries.push(out);
}

function readComorbidity(
  ctx: ImportContext,
  entry: Entry,
  c: ConditionResource,
  status: ConditionEntry['status'],
  always: boolean,
): void {
  const coding = bestCoding(c.code, ['snomed', 'icd10']);
  const name = conceptText(c.code);
  if (!name) {
    ctx.warnings.add({
      code: 'code_not_mapped',
      message: 'A Condition without code or text cannot be read.',
      references: [entry.ref],
    });
    return;
  }
  if (!always && !knownCondition(ctx, c, name)) {
    ctx.warnings.group(
      'code_not_mapped',
      'condition',
      (n) => `${n} Condition(s) name nothing the condition lexicon knows; they are not in the record.`,
      `${entry.ref} (${name})`,
    );
    return;
  }
  const date = conditionDate(c);
  const condition: ConditionEntry = { name: clip(name, 200) };
  if (coding) condition.code = toCode(coding);
  if (status) condition.status = status;
  if (date) condition.date = date;
  ctx.findings.conditions.push({ condition, ref: entry.ref });
}

/** True when rules/conditions.json knows the code or names the condition in its text. */
function knownCondition(ctx: ImportContext, c: ConditionResource, name: string): boolean {
  for (const x of codings(c.code)) {
    if (x.family === 'snomed' && ctx.lex.conditions.conditions.some((k) => k.snomed?.includes(x.code))) return true;
    if (
      x.family === 'icd10' &&
      ctx.lex.conditions.conditions.some((k) => k.icd10?.some((p) => x.code.toUpperCase().startsWith(p)))
    )
      return true;
  }
  return ctx.lex.index.scan(name).some((m) => m.type === 'condition');
}

export function readCondition(
  ctx: ImportContext,
  entry: Entry,
  c: ConditionResource,
  reads: ProfileReads | undefined,
): void {
  const verification = codings(c.verificationStatus)[0]?.code;
  if (verification && EXCLUDED_VERIFICATION.has(verification)) {
    ctx.warnings.add({
      code: 'status_excluded',
      message: `Condition "${conceptText(c.code) ?? 'uncoded'}" is ${verification}; only confirmed diagnoses are read.`,
      references: [entry.ref],
    });
    return;
  }
  const clinical = codings(c.clinicalStatus)[0]?.code;
  const past = (clinical !== undefined && PAST.has(clinical)) || (!clinical && Boolean(c.abatementDateTime));
  const historyStatus: ConditionEntry['status'] =
    clinical === 'resolved' || c.abatementDateTime ? 'resolved' : 'history';

  const secondary =
    reads === 'secondaryCancer' ||
    (reads === undefined &&
      (lookup(c.code, ctx.codes.siteByCode, ['snomed', 'icd10']) !== undefined ||
        SECONDARY_TERM.test(conceptText(c.code) ?? '')));
  if (secondary) {
    readSecondary(ctx, entry, c);
    return;
  }
  const cancer = reads === 'condition' ? { codes: [] } : cancerOf(ctx, c.code);
  if (reads === 'primaryCancer' || cancer.codes.length) {
    if (past) {
      ctx.warnings.add({
        code: 'not_current',
        message: `Cancer "${conceptText(c.code) ?? 'uncoded'}" is ${clinical ?? 'abated'}; it is read as a past cancer (conditions), not a current one.`,
        references: [entry.ref],
      });
      readComorbidity(ctx, entry, c, historyStatus, true);
      return;
    }
    readPrimary(ctx, entry, c, cancer);
    return;
  }
  if (hasCode(c.code, ctx.codes.pregnancyConditionCodes)) {
    if (past) {
      ctx.warnings.add({
        code: 'not_current',
        message: 'A past pregnancy says nothing about pregnancy now.',
        references: [entry.ref],
      });
      return;
    }
    ctx.findings.pregnant.push({
      value: true,
      ref: entry.ref,
      ...(conditionDate(c) ? { date: conditionDate(c)! } : {}),
    });
    return;
  }
  readComorbidity(
    ctx,
    entry,
    c,
    past
      ? historyStatus
      : clinical === 'active' || clinical === 'recurrence' || clinical === 'relapse'
        ? 'active'
        : undefined,
    reads === 'condition',
  );
}
