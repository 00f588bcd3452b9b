/**
 * Stored trials and their matches → FHIR R4 ResearchStudy resources in a `searchset` Bundle, the
 * response of MITRE's clinical-trial-matching-service protocol (POST /getClinicalTrial).
 *
 * Fields follow HL7's ResearchStudy ↔ ClinicalTrials.gov mapping (hl7.org/fhir/R4/researchstudy-
 * mappings.html) and what MITRE's clinical-trial-matching-app displays: identifier[0] is the NCT id,
 * eligibility text is the display of the enrollment Group, sites are contained Locations with a
 * position, the lead sponsor a contained Organization.
 *
 * Score: our verdict and score become `search.score` in [0, 1] so that the reference app's own bands
 * read the same as ours: it shows ≥ 0.75 as "High-likelihood match", ≥ 0.01 as "Possible match" and
 * below that "No match". See scoreForSearchset and docs/fhir.md.
 */
import { z } from 'zod';
import { haversineKm, locate, type Point } from '../geo/places';
import type { Verdict } from '../match/evaluate';
import type { StoredSite } from '../store/schema';

/** ResearchStudy.status (R4 research-study-status) per ClinicalTrials.gov overall status. */
export const FHIR_STATUS_BY_CTGOV: Record<string, string> = {
  RECRUITING: 'active',
  ENROLLING_BY_INVITATION: 'active',
  NOT_YET_RECRUITING: 'approved',
  ACTIVE_NOT_RECRUITING: 'closed-to-accrual',
  SUSPENDED: 'temporarily-closed-to-accrual',
  TERMINATED: 'administratively-completed',
  COMPLETED: 'completed',
  WITHDRAWN: 'withdrawn',
  // FIXME: R4 has no "unknown" status; in-review is the nearest ("not yet approved"), as MITRE's service maps it.
  UNKNOWN: 'in-review',
};

/** The reverse, for the recruitmentStatus search parameter. */
export const CTGOV_BY_FHIR_STATUS: Record<string, string[]> = Object.entries(FHIR_STATUS_BY_CTGOV).reduce<
  Record<string, string[]>
>((acc, [ctgov, fhir]) => {
  (acc[fhir] ??= []).push(ctgov);
  return acc;
}, {});

/** R4 research-study-phase codes per ClinicalTrials.gov phase combination. */
export const CTGOV_BY_FHIR_PHASE: Record<string, string[]> = {
  'n-a': ['NA'],
  'early-phase-1': ['EARLY_PHASE1'],
  'phase-1': ['PHASE1'],
  'phase-1-phase-2': ['PHASE1', 'PHASE2'],
  'phase-2': ['PHASE2'],
  'phase-2-phase-3': ['PHASE2', 'PHASE3'],
  'phase-3': ['PHASE3'],
  'phase-4': ['PHASE4'],
};

const PHASE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/research-study-phase';
/** Carries our own verdict next to the score; an unknown extension is ignored by FHIR clients. */
export const VERDICT_EXTENSION = 'urn:ctmatch:fhir:StructureDefinition:match-verdict';

const VERDICT_BAND: Record<Verdict, { rank: number; floor: number; width: number }> = {
  // Eligible: every criterion passes → the app's "High-likelihood" band [0.75, 1].
  eligible: { rank: 2, floor: 0.75, width: 0.25 },
  // Possible: nothing fails, something is unknown → its "Possible" band [0.01, 0.74].
  possible: { rank: 1, floor: 0.01, width: 0.73 },
  // Ineligible: a criterion fails → below 0.01, "No match" (0: we never return one unless asked).
  ineligible: { rank: 0, floor: 0, width: 0 },
};

/**
 * Our score is banded by verdict in thirds (src/match/rank.ts: (rank + within) / 3). The position
 * within the band, `within` ∈ [0, 1], is carried into the verdict's band on the protocol's scale.
 */
export function scoreForSearchset(verdict: Verdict, score: number): number {
  const band = VERDICT_BAND[verdict];
  const within = Math.min(1, Math.max(0, score * 3 - band.rank));
  return Math.round((band.floor + band.width * within) * 1000) / 1000;
}

function fhirPhase(phases: string[]): { code: string; display: string } | undefined {
  const key = [...phases].sort().join('+');
  for (const [code, ctgov] of Object.entries(CTGOV_BY_FHIR_PHASE)) {
    if ([...ctgov].sort().join('+') === key) return { code, display: code.replace(/-/g, ' ').replace(/^n a$/, 'N/A') };
  }
  return undefined;
}

const titleCase = (s: string): string =>
  s
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^\w/, (c) => c.toUpperCase());

/** The parts of a stored raw v2 study the ResearchStudy shows; anything missing is left out. */
const rawStudy = z.looseObject({
  protocolSection: z
    .looseObject({
      descriptionModule: z.looseObject({ briefSummary: z.string().nullish() }).nullish(),
      eligibilityModule: z.looseObject({ eligibilityCriteria: z.string().nullish() }).nullish(),
      sponsorCollaboratorsModule: z
        .looseObject({ leadSponsor: z.looseObject({ name: z.string().nullish() }).nullish() })
        .nullish(),
      statusModule: z
        .looseObject({
          startDateStruct: z.looseObject({ date: z.string().nullish() }).nullish(),
          completionDateStruct: z.looseObject({ date: z.string().nullish() }).nullish(),
        })
        .nullish(),
      contactsLocationsModule: z
        .looseObject({
          centralContacts: z
            .array(
              z.looseObject({ name: z.string().nullish(), phone: z.string().nullish(), email: z.string().nullish() }),
            )
            .nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

/** A study site as the store keeps it. */
export type StudySite = StoredSite;

export interface StudyForSearchset {
  nctId: string;
  title: string;
  officialTitle: string | null;
  overallStatus: string | null;
  phases: string[];
  conditions: string[];
  keywords: string[];
  studyType: string | null;
  sites: StudySite[];
  raw: unknown;
}

export interface MatchForSearchset {
  verdict: Verdict;
  score: number;
}

export interface ResearchStudyResource {
  resourceType: 'ResearchStudy';
  id: string;
  [k: string]: unknown;
}

const MAX_SITES = 100;
const fhirDate = (d: string | null | undefined): string | undefined =>
  d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) ? d : undefined;

/** One ResearchStudy; sites ordered by distance from `from` when known, at most MAX_SITES. */
export function researchStudy(study: StudyForSearchset, match: MatchForSearchset, from?: Point): ResearchStudyResource {
  const raw = rawStudy.safeParse(study.raw);
  const ps = raw.success ? raw.data.protocolSection : undefined;
  const contained: Array<Record<string, unknown>> = [];
  const out: ResearchStudyResource = {
    resourceType: 'ResearchStudy',
    id: study.nctId,
    extension: [{ url: VERDICT_EXTENSION, valueCode: match.verdict }],
    identifier: [{ use: 'official', system: 'http://clinicaltrials.gov', value: study.nctId }],
    title: study.title,
    status: FHIR_STATUS_BY_CTGOV[study.overallStatus ?? 'UNKNOWN'] ?? 'in-review',
  };
  const phase = fhirPhase(study.phases);
  if (phase)
    out.phase = { coding: [{ system: PHASE_SYSTEM, code: phase.code, display: phase.display }], text: phase.display };
  if (study.studyType) out.category = [{ text: `Study Type: ${titleCase(study.studyType)}` }];
  if (study.conditions.length) out.condition = study.conditions.map((text) => ({ text }));
  if (study.keywords.length) out.keyword = study.keywords.map((text) => ({ text }));
  const contacts = (ps?.contactsLocationsModule?.centralContacts ?? []).filter((c) => c.name);
  if (contacts.length) {
    out.contact = contacts.map((c) => ({
      name: c.name,
      telecom: [
        ...(c.phone ? [{ system: 'phone', value: c.phone, use: 'work' }] : []),
        ...(c.email ? [{ system: 'email', value: c.email, use: 'work' }] : []),
      ],
    }));
  }
  const sponsor = ps?.sponsorCollaboratorsModule?.leadSponsor?.name;
  if (sponsor) {
    contained.push({ resourceType: 'Organization', id: 'sponsor', name: sponsor });
    out.sponsor = { reference: '#sponsor', type: 'Organization', display: sponsor };
  }
  const start = fhirDate(ps?.statusModule?.startDateStruct?.date);
  const end = fhirDate(ps?.statusModule?.completionDateStruct?.date);
  if (start || end) out.period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  if (ps?.descriptionModule?.briefSummary) out.description = ps.descriptionModule.briefSummary;
  const criteria = ps?.eligibilityModule?.eligibilityCriteria;
  if (criteria) {
    contained.push({ resourceType: 'Group', id: 'eligibility', type: 'person', actual: false });
    out.enrollment = [{ reference: '#eligibility', type: 'Group', display: criteria }];
  }
  const located = study.sites
    .map((s) => {
      const p =
        s.lat !== null && s.lon !== null
          ? { lat: s.lat, lon: s.lon }
          : locate({ postalCode: s.zip, city: s.city, state: s.state, country: s.country });
      return { s, p, d: from && p ? haversineKm(from, p) : Infinity };
    })
    .sort((a, b) => a.d - b.d)
    .slice(0, MAX_SITES);
  if (located.length) {
    out.site = located.map(({ s, p }, i) => {
      const id = `site-${i}`;
      const address = {
        use: 'work',
        ...(s.city ? { city: s.city } : {}),
        ...(s.state ? { state: s.state } : {}),
        ...(s.zip ? { postalCode: s.zip } : {}),
        ...(s.country ? { country: s.country } : {}),
      };
      contained.push({
        resourceType: 'Location',
        id,
        ...(s.facility ? { name: s.facility } : {}),
        ...(s.status ? { status: s.status === 'RECRUITING' ? 'active' : 'inactive' } : {}),
        address,
        ...(p ? { position: { latitude: p.lat, longitude: p.lon } } : {}),
      });
      return { reference: `#${id}`, type: 'Location', ...(s.facility ? { display: s.facility } : {}) };
    });
  }
  if (contained.length) out.contained = contained;
  return out;
}

export interface SearchsetBundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  entry: Array<{ resource: ResearchStudyResource; search: { mode: 'match'; score: number } }>;
}

/** The protocol's response: a searchset Bundle, best match first, each entry scored in [0, 1]. */
export function searchsetBundle(
  items: Array<{ study: StudyForSearchset; match: MatchForSearchset }>,
  from?: Point,
): SearchsetBundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: items.length,
    entry: items.map(({ study, match }) => ({
      resource: researchStudy(study, match, from),
      search: { mode: 'match', score: scoreForSearchset(match.verdict, match.score) },
    })),
  };
}
