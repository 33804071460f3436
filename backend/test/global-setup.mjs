// Jest global setup: a real PostgreSQL for the HTTP tests. Embedded unless DATABASE_URL is set.
// Two template databases, each built once: the migrated schema, and a copy of it holding the demo data
// (loaded by the app's own `loadDemoOnce`). Each test file clones one of them (see test/app.ts): cloning
// is a file copy inside PostgreSQL, far cheaper than loading the demo in every file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { APP_ROLE, asRole, ensureAppRole } from '../../scripts/db-roles.mjs';

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import('../../scripts/embedded-pg.mjs');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-test-pg-'));
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    globalThis.__THIDUA_PG__ = { server, dataDir };
    adminUrl = server.url('postgres');
  }
  const template = `thidua_tpl_${process.pid}`;
  const demoTemplate = `thidua_tpl_demo_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${demoTemplate}`);
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  globalThis.__THIDUA_TEMPLATE__ = { adminUrl, template, demoTemplate };
  await ensureAppRole(admin);
  const run = (script, db) => execFileSync(process.execPath, ['-r', '@swc-node/register', script], {
    cwd: backendDir, env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, db), APP_DATABASE_ROLE: APP_ROLE, SWC_NODE_PROJECT: 'tsconfig.json' }, stdio: 'inherit',
  });
  run('src/database/migrate.ts', template);
  await admin.query(`CREATE DATABASE ${demoTemplate} TEMPLATE ${template}`);
  run('src/database/seed-demo.ts', demoTemplate);
  await admin.end();
  process.env.THIDUA_TEST_ADMIN_URL = adminUrl;
  process.env.THIDUA_TEST_APP_URL = asRole(adminUrl);
  process.env.THIDUA_TEST_TEMPLATE = template;
  process.env.THIDUA_TEST_DEMO_TEMPLATE = demoTemplate;
}

export function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function cleanup() {
  const t = globalThis.__THIDUA_TEMPLATE__;
  if (t && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: t.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`thidua_t%_${process.pid}%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${t.demoTemplate} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${t.template} WITH (FORCE)`);
    await admin.end();
  }
  const s = globalThis.__THIDUA_PG__;
  if (s) {
    await s.server.stop();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
}
