import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { loadDemoOnce } from '../src/database/demo/demo';
import { LedgerSealer } from '../src/modules/audit/ledger-sealer';
import { DEMO_PASSWORD } from '../src/database/demo/demo-data';

export interface TestApp {
  app: NestExpressApplication;
  /** The owner's connection (the app itself runs as the least-privileged role: app.get(DataSource)). */
  ds: DataSource;
  /** Unauthenticated requests. */
  http: () => ReturnType<typeof request>;
  /** Signs in and returns a client that sends the session cookie and CSRF header. */
  as: (email: string, password?: string) => Promise<Client_>;
  /** Seals every committed audit entry into the signed ledger now (the sealer does it every 0.5 s anyway); waits for the horizon to pass them. */
  seal: () => Promise<void>;
  close: () => Promise<void>;
}

export type Client_ = {
  get: (url: string) => request.Test;
  post: (url: string, body?: object) => request.Test;
  patch: (url: string, body?: object) => request.Test;
  delete: (url: string) => request.Test;
  me: { id: string; unitId: string | null; role: string; csrfToken: string };
};

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * Boots the real AppModule on a fresh copy of a template database built by the global setup: the one that
 * already holds the demo data (default), or the migrated one without it (`{ demo: false }`). `env` adds
 * settings (SMTP_URL…).
 */
export async function createTestApp(
  opts: { demo?: boolean; staticDir?: string; env?: Record<string, string>; databaseUrl?: (url: string) => string } = { demo: true },
): Promise<TestApp> {
  const adminUrl = process.env.THIDUA_TEST_ADMIN_URL!;
  const demo = opts.demo !== false;
  const template = (demo && process.env.THIDUA_TEST_DEMO_TEMPLATE) || process.env.THIDUA_TEST_TEMPLATE!;
  const db = `thidua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db} TEMPLATE ${template}`);
  await admin.end();
  // The app runs as the least-privileged role (as in production); `ds` is the owner's, for tests that set up or
  // tamper by hand. No flood limit unless a test asks for one: every test file calls from one address. Fresh
  // ledger signing and ballot wrap keys per test app, held (as in production) outside the database.
  const url = withDatabase(process.env.THIDUA_TEST_APP_URL!, db);
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const config = loadConfig({
    DATABASE_URL: opts.databaseUrl ? opts.databaseUrl(url) : url, NODE_ENV: 'test', STATIC_DIR: opts.staticDir, RATE_LIMIT_PER_MINUTE: '0',
    BALLOT_WRAP_KEY: randomBytes(32).toString('base64'), LEDGER_SIGNING_KEY: signingKey, ...opts.env,
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  const ds = await new DataSource(dataSourceOptions(withDatabase(adminUrl, db))).initialize();
  // The demo template already holds the demo: this sees its mark and returns at once (it loads it only
  // when the setup gave no demo template).
  if (demo) await loadDemoOnce(ds);
  const server = app.getHttpServer();
  const http = () => request(server);

  const as = async (email: string, password = DEMO_PASSWORD): Promise<Client_> => {
    const res = await http().post('/api/auth/sign-in').send({ email, password });
    if (res.status !== 200) throw new Error(`sign-in ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = res.body.csrfToken as string;
    const write = (t: request.Test) => t.set('Cookie', cookies).set('X-CSRF-Token', csrf);
    return {
      get: (url) => http().get(url).set('Cookie', cookies),
      post: (url, body) => write(http().post(url)).send(body ?? {}),
      patch: (url, body) => write(http().patch(url)).send(body ?? {}),
      delete: (url) => write(http().delete(url)),
      me: res.body,
    };
  };

  return {
    app, ds, http, as,
    seal: async () => {
      // The horizon is the whole server's: a transaction open in another test file's database holds sealing back a moment.
      const deadline = Date.now() + 30_000;
      for (;;) {
        if ((await app.get(LedgerSealer).sealPending()) === null) throw new Error('this app is not the ledger sealer');
        const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM audit_entries a WHERE NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.entry_id = a.id)');
        if (!n) return;
        if (Date.now() > deadline) throw new Error(`${n} committed audit entries still unsealed`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: async () => {
      await app.close();
      await ds.destroy();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Demo accounts by the role they stand for. */
export const DEMO = {
  admin: 'admin@thidua.vn',
  board: 'bantdkt@thidua.vn',
  leaderOfficer: 'canbo.dukcq@thidua.vn',
  memberOfficer: 'canbo.lhp@thidua.vn',
  unitHead: 'thutruong.lhp@thidua.vn',
  nextLeaderOfficer: 'canbo.dukdn@thidua.vn',
  otherBlockOfficer: 'canbo.snv@thidua.vn',
} as const;

/** Looks up ids of demo records by name or code. */
export async function ids(ds: DataSource) {
  const unit = async (shortName: string): Promise<string> => (await ds.query('SELECT id FROM units WHERE short_name = $1', [shortName]))[0].id;
  const block = async (code: string): Promise<string> => (await ds.query('SELECT id FROM blocks WHERE code = $1', [code]))[0].id;
  const blockYear = async (code: string, year: number): Promise<string> =>
    (await ds.query('SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = $1 AND y.year = $2', [code, year]))[0].id;
  return { unit, block, blockYear };
}
