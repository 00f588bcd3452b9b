/**
 * Places: coordinates for a postal code or a city, and great-circle distance. The gazetteer
 * (rules/geo/places.json, built by scripts/geo/build-geo.ts from GeoNames and SimpleMaps, both
 * CC BY 4.0) is loaded once, on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { rulesDir } from '../paths';
import { AppError } from '../errors';

const placesFile = z.object({
  sources: z.array(z.object({ name: z.string() }).loose()).min(1),
  postal: z.record(z.string(), z.array(z.tuple([z.string(), z.number(), z.number()]))),
  cities: z.array(z.tuple([z.string(), z.string(), z.string(), z.number(), z.number(), z.number()])),
  countries: z.record(z.string(), z.string()),
});

export interface Point {
  lat: number;
  lon: number;
}

export interface Located extends Point {
  /** How the point was found: the record's own coordinates, its postal code, or its city. */
  source: 'coordinates' | 'postal code' | 'city';
}

/**
 * ClinicalTrials.gov country names that SimpleMaps spells differently. ISO 3166 short names are the
 * common ground: CT.gov follows them ("Korea, Republic of"), SimpleMaps uses everyday names.
 */
const COUNTRY_ALIASES: Record<string, string> = {
  'united states of america': 'US',
  usa: 'US',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'south korea': 'KR',
  "korea, democratic people's republic of": 'KP',
  'iran, islamic republic of': 'IR',
  'russian federation': 'RU',
  'taiwan, province of china': 'TW',
  czechia: 'CZ',
  'czech republic': 'CZ',
  türkiye: 'TR',
  turkey: 'TR',
  'viet nam': 'VN',
  'syrian arab republic': 'SY',
  'moldova, republic of': 'MD',
  'tanzania, united republic of': 'TZ',
  'venezuela, bolivarian republic of': 'VE',
  'bolivia, plurinational state of': 'BO',
  'lao people\'s democratic republic': 'LA',
  'macedonia, the former yugoslav republic of': 'MK',
  'north macedonia': 'MK',
  'hong kong': 'HK',
  'congo, the democratic republic of the': 'CD',
  "côte d'ivoire": 'CI',
  "cote d'ivoire": 'CI',
  'palestinian territory, occupied': 'PS',
  'united kingdom': 'GB',
  uk: 'GB',
};

interface Gazetteer {
  postal: Map<string, Map<string, Point>>;
  /** "city|iso2" and "city|admin|iso2" (lower case, ASCII) → the most populous match. */
  cities: Map<string, Point & { population: number }>;
  countries: Map<string, string>;
}

let gazetteer: Gazetteer | undefined;

function load(): Gazetteer {
  const file = path.join(rulesDir(), 'geo', 'places.json');
  const parsed = placesFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new AppError('invalid_rules', 'rules/geo/places.json is invalid.', { path: '/geo/places.json', status: 500 });
  const postal = new Map<string, Map<string, Point>>();
  for (const [country, rows] of Object.entries(parsed.data.postal)) {
    postal.set(country, new Map(rows.map(([code, lat, lon]) => [code, { lat, lon }])));
  }
  const cities = new Map<string, Point & { population: number }>();
  const keep = (key: string, p: Point & { population: number }): void => {
    const prev = cities.get(key);
    if (!prev || prev.population < p.population) cities.set(key, p);
  };
  for (const [city, admin, iso2, lat, lon, population] of parsed.data.cities) {
    const c = fold(city);
    keep(`${c}|${iso2}`, { lat, lon, population });
    keep(`${c}|${fold(admin)}|${iso2}`, { lat, lon, population });
  }
  const countries = new Map(Object.entries(parsed.data.countries).map(([name, iso2]) => [fold(name), iso2]));
  for (const [name, iso2] of Object.entries(COUNTRY_ALIASES)) countries.set(fold(name), iso2);
  return { postal, cities, countries };
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function places(): Gazetteer {
  gazetteer ??= load();
  return gazetteer;
}

export function countryCode(country: string | null | undefined): string | null {
  if (!country) return null;
  if (/^[A-Z]{2}$/.test(country)) return country;
  return places().countries.get(fold(country)) ?? null;
}

export interface PlaceQuery {
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  state?: string | null | undefined;
  country?: string | null | undefined;
  lat?: number | null | undefined;
  lon?: number | null | undefined;
}

/** Coordinates for a place: its own lat/lon, else its postal code (US, CA), else its city. */
export function locate(q: PlaceQuery): Located | null {
  if (typeof q.lat === 'number' && typeof q.lon === 'number') return { lat: q.lat, lon: q.lon, source: 'coordinates' };
  const g = places();
  const iso = countryCode(q.country) ?? (q.postalCode && /^\d{5}(-\d{4})?$/.test(q.postalCode.trim()) ? 'US' : null);
  if (q.postalCode && iso) {
    const code = q.postalCode.trim().toUpperCase();
    const key = iso === 'US' ? code.slice(0, 5) : iso === 'CA' ? code.replace(/\s+/g, '').slice(0, 3) : code;
    const hit = g.postal.get(iso)?.get(key);
    if (hit) return { ...hit, source: 'postal code' };
  }
  if (q.city && iso) {
    const c = fold(q.city);
    const hit = (q.state ? g.cities.get(`${c}|${fold(q.state)}|${iso}`) : undefined) ?? g.cities.get(`${c}|${iso}`);
    if (hit) return { lat: hit.lat, lon: hit.lon, source: 'city' };
  }
  return null;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine, mean Earth radius per IUGG). */
export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
