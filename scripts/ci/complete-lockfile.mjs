// The npm registry mirror on our machines only serves the platform packages for Linux, so
// `npm install` writes a lockfile without the darwin/win32/... optional binaries of @swc/core
// and unrs-resolver, and `npm ci` then refuses that lockfile as out of sync with package.json.
// This adds a lock entry for each missing optional platform package, with its os/cpu read from
// the package name, so `npm ci` sees a complete tree and skips them on this platform as usual.
// Run it after any `npm install` that rewrites package-lock.json: node scripts/ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = [
  ['arm64', 'arm64'], ['aarch64', 'arm64'], ['x64', 'x64'], ['ia32', 'ia32'], ['ppc64', 'ppc64'],
  ['s390x', 's390x'], ['riscv64', 'riscv64'], ['loong64', 'loong64'], ['arm', 'arm'], ['wasm32', 'wasm32'],
];

let added = 0;
for (const [key, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = key === '' ? '' : `${key}/`;
    if (packages[`${base}node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = CPU.find(([token]) => parts.includes(token))?.[1];
    if (!os && !cpu) continue; // not a platform binary: leave the lockfile's verdict alone
    const entry = { version, dev: meta.dev || undefined, optional: true };
    if (cpu) entry.cpu = [cpu];
    if (os) entry.os = [os];
    if (parts.includes('musl')) entry.libc = ['musl'];
    else if (parts.includes('gnu') || parts.includes('gnueabihf')) entry.libc = ['glibc'];
    packages[`node_modules/${name}`] = entry;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
