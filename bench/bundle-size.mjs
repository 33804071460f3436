// Prints the gzipped JavaScript each route downloads (entry + the route's lazy chunk + their static imports).
// Run after `npm run build`: node bench/bundle-size.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../frontend/dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

function closure(keys) {
  const seen = new Set();
  const walk = (k) => {
    const m = manifest[k];
    if (!m || seen.has(m.file)) return;
    seen.add(m.file);
    (m.imports ?? []).forEach(walk);
  };
  keys.forEach(walk);
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const routes = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /-page\.tsx$|app-layout\.tsx$/.test(k));
const layout = routes.find((k) => k.endsWith('app-layout.tsx'));
const rows = [];
for (const r of routes) {
  const keys = r === layout || r.endsWith('sign-in-page.tsx') ? [entry, r] : [entry, layout, r];
  const files = closure(keys);
  const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0);
  rows.push([r.replace('src/', ''), (bytes / 1024).toFixed(1)]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
console.log('Route (with entry and app shell)                          gzip KB');
for (const [r, kb] of rows) console.log(`${r.padEnd(58)}${kb.padStart(8)}`);
const signIn = rows.find(([r]) => r.endsWith('sign-in-page.tsx'));
console.log(`\nSign-in page: ${signIn[1]} KB gzipped JS (budget 160 KB)`);
