/**
 * Builds rules/geo/places.json, the gazetteer used to place patients and trial sites that have a
 * postal code or city but no coordinates:
 *   - US ZIP codes and Canadian FSAs from GeoNames postal codes (CC BY 4.0, "GeoNames"),
 *   - world cities from SimpleMaps Basic World Cities (CC BY 4.0, simplemaps.com).
 * Input: ../shared/data/geo (see its PROVENANCE.md §9). Run:
 *   npx tsc -p scripts/tsconfig.json && node dist-scripts/scripts/geo/build-geo.js [path/to/shared/data]
 */
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'data'));
const geo = path.join(dataDir, 'geo');
const round = (x: number): number => Math.round(x * 1000) / 1000;

function postal(file: string): Array<[string, number, number]> {
  const out = new Map<string, [string, number, number]>();
  for (const line of fs.readFileSync(path.join(geo, file), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 11) continue;
    const code = f[1]!.trim().toUpperCase();
    const lat = Number(f[9]);
    const lon = Number(f[10]);
    if (!code || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (!out.has(code)) out.set(code, [code, round(lat), round(lon)]);
  }
  return [...out.values()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Minimal CSV reader for the quoted, comma-separated SimpleMaps file. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur.replace(/\r$/, ''));
    rows.push(cells);
  }
  return rows;
}

const [header, ...cityRows] = csvRows(fs.readFileSync(path.join(geo, 'simplemaps_worldcities_basic.csv'), 'utf8'));
const col = (name: string): number => header!.indexOf(name);
const cities = cityRows
  .map((r) => [r[col('city_ascii')]!, r[col('admin_name')]!, r[col('iso2')]!, round(Number(r[col('lat')])), round(Number(r[col('lng')])), Number(r[col('population')]) || 0] as const)
  .filter((c) => c[0] && Number.isFinite(c[3]) && Number.isFinite(c[4]));

const countries: Record<string, string> = {};
for (const r of cityRows) if (r[col('country')] && r[col('iso2')]) countries[r[col('country')]!] = r[col('iso2')]!;

const out = {
  sources: [
    { name: 'GeoNames postal codes (US, CA)', licence: 'CC BY 4.0', url: 'https://www.geonames.org', note: 'via symerio/postal-codes-data @ 3a94317a; first place per code' },
    { name: 'SimpleMaps Basic World Cities Database', licence: 'CC BY 4.0', url: 'https://simplemaps.com/data/world-cities', note: 'via AliJalil/world_cities @ bce1689d' },
  ],
  /** country → [postal code, lat, lon] */
  postal: { US: postal('geonames_postal_US.tsv'), CA: postal('geonames_postal_CA.tsv') },
  /** [city (ASCII), admin area, ISO 3166 alpha-2, lat, lon, population] */
  cities,
  /** country name as SimpleMaps writes it → ISO 3166 alpha-2 */
  countries,
};
const target = path.join(__dirname, '..', '..', '..', 'rules', 'geo', 'places.json');
fs.writeFileSync(target, JSON.stringify(out) + '\n');
console.log(`wrote ${target}: ${out.postal.US.length} US ZIPs, ${out.postal.CA.length} CA FSAs, ${cities.length} cities`);
