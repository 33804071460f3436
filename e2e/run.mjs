// `npm run test:e2e`: serves the built app on a throwaway embedded PostgreSQL with the demo, then runs the
// browser specs (node:test + playwright-core driving Debian's Chromium) against it, all on the Node.js that runs
// this file. `E2E_SPECS=01-foundation,04` runs only the specs whose names start so; `E2E_SERVER_LOG=<file>` keeps the
// server's log.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
const port = await freePort();
const pgPort = await freePort();
const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
  env: { ...process.env, PORT: String(port), THIDUA_DATA_DIR: dataDir, THIDUA_PG_PORT: String(pgPort), DATABASE_URL: '', DEMO_DATA: 'true' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
// The server's log is dropped unless E2E_SERVER_LOG names a file to keep it in (to read after a failure).
if (process.env.E2E_SERVER_LOG) server.stdout.pipe(createWriteStream(process.env.E2E_SERVER_LOG));
else server.stdout.on('data', () => {});

let code = 1;
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch { /* starting */ }
    if (Date.now() > deadline) throw new Error('Ứng dụng không khởi động trong 120 giây');
    await new Promise((r) => setTimeout(r, 500));
  }
  const wanted = (process.env.E2E_SPECS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const specs = readdirSync(path.join(root, 'e2e/specs'))
    .filter((f) => f.endsWith('.e2e.mjs') && (!wanted.length || wanted.some((w) => f.startsWith(w))))
    .sort().map((f) => path.join('e2e/specs', f));
  if (!specs.length) throw new Error(`Không có kịch bản nào khớp E2E_SPECS=${process.env.E2E_SPECS}`);
  code = await new Promise((resolve) => {
    const run = spawn(process.execPath, ['--test', '--test-concurrency=1', ...specs], { cwd: root, env: { ...process.env, E2E_BASE_URL: base }, stdio: 'inherit' });
    run.on('exit', (c) => resolve(c ?? 1));
  });
} catch (e) {
  console.error(e);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
