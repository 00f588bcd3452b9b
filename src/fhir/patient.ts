/**
 * Patient → birth date, sex and home address. Sex for eligibility is birth sex where the bundle
 * gives it (US Core birthsex extension), since ClinicalTrials.gov's sex field is biological sex;
 * otherwise the administrative gender.
 */
import type { Entry, PatientResource } from './bundle';
import { fhirDate } from './datatypes';
import type { ImportContext } from './findings';

const US_CORE_BIRTHSEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex';
const GEOLOCATION = 'http://hl7.org/fhir/StructureDefinition/geolocation';

const GENDER: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
  female: 'female',
  male: 'male',
  other: 'other',
  unknown: 'unknown',
};
/** US Core birthsex codes (HL7 v3 AdministrativeGender subset: F, M, UNK). */
const BIRTHSEX: Record<string, 'female' | 'male' | 'unknown'> = { F: 'female', M: 'male', UNK: 'unknown' };

export function readPatient(ctx: ImportContext, entry: Entry, p: PatientResource): void {
  const out: NonNullable<ImportContext['findings']['patient']> = { ref: entry.ref };
  const birthDate = fhirDate(p.birthDate);
  if (birthDate) out.birthDate = birthDate;
  else if (p.birthDate)
    ctx.warnings.add({
      code: 'value_not_read',
      message: `Patient.birthDate "${p.birthDate}" is not a FHIR date.`,
      references: [entry.ref],
    });

  const gender = p.gender ? GENDER[p.gender] : undefined;
  const birthsexCode = p.extension?.find((e) => e.url === US_CORE_BIRTHSEX)?.valueCode;
  const birthsex = birthsexCode ? BIRTHSEX[birthsexCode] : undefined;
  if (birthsex && birthsex !== 'unknown') {
    out.sex = birthsex;
    if (gender && gender !== birthsex && gender !== 'unknown') {
      ctx.warnings.add({
        code: 'sex_conflict',
        message: `Birth sex (${birthsex}) differs from administrative gender (${gender}); eligibility uses birth sex.`,
        references: [entry.ref],
        path: '/sex',
      });
    }
  } else if (gender) out.sex = gender;

  if (p.deceasedBoolean === true || p.deceasedDateTime) {
    ctx.warnings.add({
      code: 'patient_deceased',
      message: 'The Patient is recorded as deceased.',
      references: [entry.ref],
    });
  }

  const addresses = p.address ?? [];
  const home =
    addresses.find((a) => a.use === 'home') ??
    addresses.find((a) => a.use !== 'old' && a.use !== 'billing') ??
    addresses[0];
  if (home) {
    const location: Record<string, string | number> = {};
    if (home.postalCode) location.postalCode = home.postalCode.slice(0, 20);
    if (home.city) location.city = home.city.slice(0, 100);
    if (home.state) location.state = home.state.slice(0, 100);
    if (home.country) location.country = home.country.slice(0, 100);
    const geo = home.extension?.find((e) => e.url === GEOLOCATION)?.extension;
    const lat = geo?.find((e) => e.url === 'latitude')?.valueDecimal;
    const lon = geo?.find((e) => e.url === 'longitude')?.valueDecimal;
    if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      location.lat = lat;
      location.lon = lon;
    }
    if (Object.keys(location).length) out.location = location;
  }
  ctx.findings.patient = out;
}
