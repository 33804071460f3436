// Prints the gzipped JavaScript each route downloads, and the same for a bare React + react-router + TanStack Query
// page built here with the same Vite (the sign-in page's yardstick). Run after `npm run build`:
//   node bench/bundle-size.mjs
// "First view" is what the browser fetches to show the route: the entry, the signed-in shell (except for the
// sign-in page), the route's lazy chunk and every chunk those import statically. "On demand" adds the chunks the
// route's code imports dynamically (a dialog's form, an export, the ballot encryption), fetched on first use.
// Each file is gzipped on its own (level 9), as it is served. Targets (issue 18): every route's first view
// ≤ 300 KB; the sign-in page ≤ 1.5× the bare page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const frontend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../frontend');
const dist = path.join(frontend, 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Files reached from `keys` through static imports (and dynamic ones too when `dynamic` is set), routes excluded. */
function closure(keys, { dynamic = false, stop = new Set() } = {}) {
  const seen = new Set();
  const walk = (k) => {
    const m = manifest[k];
    if (!m || seen.has(m.file)) return;
    seen.add(m.file);
    (m.imports ?? []).forEach(walk);
    if (dynamic) (m.dynamicImports ?? []).filter((d) => !stop.has(d)).forEach(walk);
  };
  keys.forEach(walk);
  return seen;
}
const jsBytes = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(readFileSync(path.join(dist, f))), 0);

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const routes = (manifest[entry].dynamicImports ?? []).filter((k) => /-page\.tsx$|app-layout\.tsx$/.test(k));
const layout = routes.find((k) => k.endsWith('app-layout.tsx'));
const routeSet = new Set([entry, ...routes]);
const rows = routes.map((r) => {
  const keys = r === layout || r.endsWith('sign-in-page.tsx') ? [entry, r] : [entry, layout, r];
  const first = jsBytes(closure(keys));
  // On demand: what the route's own modules import dynamically (the router's other routes left out).
  const lazy = closure(keys.filter((k) => k !== entry), { dynamic: true, stop: routeSet });
  const all = jsBytes(new Set([...closure([entry]), ...lazy]));
  return { route: r.replace('src/', ''), first, all };
}).sort((a, b) => a.route.localeCompare(b.route));

/** A bare page: React, react-router's data router and TanStack Query rendering one fetched value. */
async function baseline() {
  const { build, loadConfigFromFile } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const dir = path.join(frontend, 'node_modules/.cache/bench-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'main.jsx'), `import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
const queryClient = new QueryClient();
function Page() {
  const q = useQuery({ queryKey: ['health'], queryFn: () => fetch('/api/health').then((r) => r.json()) });
  return <p>{q.data ? 'ok' : '…'}</p>;
}
const router = createBrowserRouter([{ path: '/', element: <Page /> }]);
createRoot(document.getElementById('root')).render(<QueryClientProvider client={queryClient}><RouterProvider router={router} /></QueryClientProvider>);
`);
  // The app's resolve aliases (e.g. react-router's production build) apply to the yardstick too.
  const app = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(frontend, 'vite.config.ts'), frontend, 'silent');
  const alias = Object.fromEntries(Object.entries(app.config.resolve?.alias ?? {}).filter(([k]) => !k.startsWith('@')));
  const out = await build({ configFile: false, logLevel: 'silent', root: dir, resolve: { alias }, plugins: [react()], build: { write: false, rollupOptions: { input: path.join(dir, 'main.jsx') } } });
  rmSync(dir, { recursive: true, force: true });
  return (Array.isArray(out) ? out[0] : out).output.filter((o) => o.type === 'chunk').reduce((s, c) => s + gz(c.code), 0);
}

console.log('Route (first view: entry + shell + route; on demand: + chunks it imports on use)   first KB  on demand KB');
for (const { route, first, all } of rows) console.log(`${route.padEnd(82)}${kb(first).padStart(9)}${kb(all).padStart(14)}`);
const heaviest = rows.filter((r) => !r.route.endsWith('app-layout.tsx')).reduce((a, b) => (b.first > a.first ? b : a));
console.log(`\nHeaviest route, first view: ${heaviest.route} ${kb(heaviest.first)} KB gzipped JS (target ≤ 300 KB); routes over 300 KB: ${rows.filter((r) => r.first > 300 * 1024).length} of ${rows.length}`);
const signIn = rows.find((r) => r.route.endsWith('sign-in-page.tsx'));
const bare = await baseline();
console.log(`Sign-in page: ${kb(signIn.first)} KB; bare React + react-router + TanStack Query page: ${kb(bare)} KB → ${(signIn.first / bare).toFixed(2)}× (target ≤ 1.5×)`);
