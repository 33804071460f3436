import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { dataSourceOptions } from '../../src/database/data-source';
import { LedgerService } from '../../src/modules/audit/audit.service';
import { LedgerSealer } from '../../src/modules/audit/ledger-sealer';
import { advanceTransactionIdPast, BackupManifest, createBackup, pruneBackups, readBackup, restoreBackup } from '../../src/modules/backups/backup-archive';
import { createTestApp, DEMO, TestApp, withDatabase } from '../app';

// The proof that a backup restores: the demo (with uploaded files) is backed up by `npm run backup`,
// restored by `npm run restore` into a fresh database, and the copy has every table's rows, every file's
// bytes, and a ledger that verifies, and that goes on sealing new entries, under a new signing key that
// trusts the public key kept in the backup.
const root = path.resolve(__dirname, '..', '..', '..');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', `${script}.mjs`), ...args], {
    env: { ...process.env, ...env }, encoding: 'utf-8', timeout: 120_000,
  });
}

async function freshDatabase(): Promise<{ name: string; ownerUrl: string; appUrl: string; drop: () => Promise<void> }> {
  const name = `thidua_t_${process.pid}_r${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.THIDUA_TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    ownerUrl: withDatabase(process.env.THIDUA_TEST_ADMIN_URL!, name),
    appUrl: withDatabase(process.env.THIDUA_TEST_APP_URL!, name),
    drop: async () => {
      const c = new Client({ connectionString: process.env.THIDUA_TEST_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: { t: string }[] = await ds.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = (await ds.query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n;
  return out;
}

describe('backup and restore', () => {
  let t: TestApp;
  let tmp: string;
  let folder: string;
  let manifest: BackupManifest;
  const keyA = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const ownerUrl = () => (t.ds.options as { url: string }).url;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-backup-'));
    t = await createTestApp({ demo: true, env: { LEDGER_SIGNING_KEY: keyA } });
    // More uploaded files beside the demo's: evidence for criteria of the open 2025 round, the same bytes twice.
    const targets: { round_id: string; unit_id: string; criterion_id: string }[] = await t.ds.query(
      `SELECT r.id AS round_id, sa.unit_id, c.id AS criterion_id FROM scoring_rounds r
       JOIN self_assessments sa ON sa.round_id = r.id JOIN scoring_criteria c ON c.scheme_id = r.scheme_id
       WHERE r.phase <> 'finalised' ORDER BY sa.unit_id, c.code LIMIT 3`);
    expect(targets.length).toBe(3);
    const contents = [randomBytes(70_000), Buffer.from('%PDF-1.7 biên bản\n'), null];
    contents[2] = contents[0];
    for (const [i, x] of targets.entries()) {
      const content = contents[i]!;
      await t.ds.query(
        `INSERT INTO evidence_files (round_id, unit_id, criterion_id, purpose, filename, mime_type, size_bytes, sha256, content, uploaded_at)
         VALUES ($1, $2, $3, 'self', $4, 'application/pdf', $5, $6, $7, now())`,
        [x.round_id, x.unit_id, x.criterion_id, `minh-chứng-${i}.pdf`, content.length, sha(content), content]);
    }
    // A write through the API (its audit entry carries the request id), then everything sealed.
    const admin = await t.as(DEMO.admin);
    const [unit] = await t.ds.query(`SELECT id, version FROM units ORDER BY short_name LIMIT 1`);
    expect((await admin.patch(`/api/units/${unit.id}`, { phone: '024 3825 1234', version: unit.version }).set('X-Request-Id', 'sao-luu-truoc-1')).status).toBe(200);
    await t.seal();
  }, 180_000);

  afterAll(async () => {
    await t.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('npm run backup: one folder with the rows, the files by hash and the public key, listed in its manifest', async () => {
    const res = cli('backup', [], { DATABASE_URL: ownerUrl(), MIGRATION_DATABASE_URL: '', BACKUP_DIR: tmp, LEDGER_SIGNING_KEY: keyA, LEDGER_KEY_FILE: '' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const [{ uploads }] = await t.ds.query(
      `SELECT (SELECT count(*) FROM evidence_files) + (SELECT count(*) FROM proposal_reports) + (SELECT count(*) FROM news_photos) AS uploads`);
    expect(res.stdout).toMatch(new RegExp(`^Đã sao lưu \\d+ bảng \\(\\d+ dòng\\), ${uploads} tệp đính kèm, [\\d.]+ MB vào `));
    folder = res.stdout.split(' vào ')[1].trim().split('\n')[0];
    expect(path.dirname(folder)).toBe(tmp);
    manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.files).toHaveLength(Number(uploads));
    for (const f of manifest.files) expect(sha(readFileSync(path.join(folder, f.file)))).toBe(f.sha256);
    const evidence = manifest.files.filter((f) => f.table === 'evidence_files' && f.name.startsWith('minh-chứng-'));
    expect(evidence.map((f) => f.name).sort()).toEqual(['minh-chứng-0.pdf', 'minh-chứng-1.pdf', 'minh-chứng-2.pdf']);
    expect(new Set(evidence.map((f) => f.file)).size).toBe(2); // the same bytes twice are one file
    const pub = createPublicKey(keyA).export({ type: 'spki', format: 'pem' }).toString();
    expect(readFileSync(path.join(folder, 'ledger-public-key.pem'), 'utf8')).toBe(pub);
    expect(manifest.ledger.sealed).toBe(manifest.ledger.entries);
    expect(manifest.ledger.sealed).toBeGreaterThan(100);
  });

  it('npm run restore into a fresh database: every table, every file, and an audit log that verifies and goes on', async () => {
    const db = await freshDatabase();
    let restored: DataSource | null = null;
    let app: Awaited<ReturnType<typeof createApp>> | null = null;
    try {
      const res = cli('restore', [folder], { DATABASE_URL: db.appUrl, MIGRATION_DATABASE_URL: db.ownerUrl });
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      expect(res.stdout).toContain('đã kiểm tra số dòng và mã băm');
      restored = await new DataSource(dataSourceOptions(db.ownerUrl)).initialize();
      // Row counts per table, the migrations' own table included.
      expect(await tableCounts(restored)).toEqual(await tableCounts(t.ds));
      // Every uploaded file: the same bytes as the source, matching its recorded hash and the file in the backup.
      const files = (ds: DataSource) => ds.query(`SELECT id, sha256, encode(sha256(content), 'hex') AS actual FROM evidence_files
        UNION ALL SELECT id, sha256, encode(sha256(content), 'hex') FROM proposal_reports UNION ALL SELECT id, sha256, encode(sha256(content), 'hex') FROM news_photos ORDER BY 1`);
      const after: { id: string; sha256: string; actual: string }[] = await files(restored);
      expect(after).toEqual(await files(t.ds));
      expect(after).toHaveLength(manifest.files.length);
      for (const f of after) {
        expect(f.actual).toBe(f.sha256);
        expect(manifest.files.find((m) => m.id === f.id)?.sha256).toBe(f.sha256);
      }
      // The request id is restored with its entry.
      expect((await restored.query(`SELECT count(*)::int AS n FROM audit_entries WHERE request_id = 'sao-luu-truoc-1'`))[0].n).toBe(1);

      // The restored copy under a NEW signing key that still trusts the backup's public key.
      const keyB = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      app = await createApp(loadConfig({
        DATABASE_URL: db.appUrl, NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', BALLOT_WRAP_KEY: randomBytes(32).toString('base64'),
        LEDGER_SIGNING_KEY: keyB, LEDGER_PREVIOUS_PUBLIC_KEYS: readFileSync(path.join(folder, 'ledger-public-key.pem'), 'utf8'),
      }), { logger: false });
      await app.init();
      const verify = await app.get(LedgerService).verify();
      expect(verify).toMatchObject({ ok: true, problem: null, checked: manifest.ledger.sealed, pending: 0 });
      // New writes are sealed after the restored ones (the server's transaction counter was moved past them).
      await restored.transaction((em) => em.query(
        `INSERT INTO audit_entries (occurred_at, actor_name, action, entity_type, reason) VALUES (now(), 'Kiểm tra', 'restore.check', 'system', '')`));
      const deadline = Date.now() + 20_000;
      let sealed = 0;
      while (Date.now() < deadline && !(sealed = (await app.get(LedgerSealer).sealPending()) ?? 0)) await new Promise((r) => setTimeout(r, 100));
      expect(sealed).toBe(1);
      expect(await app.get(LedgerService).verify()).toMatchObject({ ok: true, checked: manifest.ledger.sealed + 1, pending: 0 });
      // Without the old public key the restored checkpoints are not trusted: the key in the backup is what verifies them.
      const [{ n: checkpointsByA }] = await restored.query(`SELECT count(*)::int AS n FROM ledger_checkpoints WHERE key_id <> (SELECT key_id FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1)`);
      expect(checkpointsByA).toBeGreaterThan(0);
    } finally {
      await app?.close();
      await restored?.destroy();
      await db.drop();
    }
  }, 180_000);

  it('refuses a database that is not empty, in Vietnamese, and leaves it as it was', async () => {
    const before = await tableCounts(t.ds);
    await expect(restoreBackup({ location: folder, url: ownerUrl() })).rejects.toThrow(/^Cơ sở dữ liệu đích không trống \(đã có \d+ bảng\): chỉ khôi phục vào một cơ sở dữ liệu trống, mới tạo\.$/);
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('bad input: a missing path, a folder that is no backup, a damaged or truncated file: a clear sentence and exit code 1', async () => {
    const env = { DATABASE_URL: 'postgres://khong-dung:x@127.0.0.1:1/khong-co' };
    const missing = cli('restore', [path.join(tmp, 'khong-co')], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`Khôi phục thất bại: Không tìm thấy bản sao lưu "${path.join(tmp, 'khong-co')}".`);
    const none = cli('restore', [], env);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Hãy chỉ bản sao lưu cần khôi phục');

    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    await expect(readBackup(empty)).rejects.toThrow('không phải bản sao lưu của Thi đua hoặc đã hỏng: thiếu hoặc không đọc được manifest.json');
    writeFileSync(path.join(empty, 'manifest.json'), '{"format":"khác"');
    await expect(readBackup(empty)).rejects.toThrow('thiếu hoặc không đọc được manifest.json');
    writeFileSync(path.join(empty, 'manifest.json'), '{"format":"khác"}');
    await expect(readBackup(empty)).rejects.toThrow('không phải bản sao lưu định dạng thidua-backup-v1');
    await expect(readBackup(path.join(folder, 'manifest.json'))).resolves.toMatchObject({ folder });

    const damaged = path.join(tmp, 'damaged');
    cpSync(folder, damaged, { recursive: true });
    const table = path.join(damaged, 'tables', 'units.copy.gz');
    const bytes = readFileSync(table);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(table, bytes);
    const res = cli('restore', [damaged], env);
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe('Khôi phục thất bại: Bản sao lưu bị hỏng: tệp "tables/units.copy.gz" không khớp mã băm SHA-256 đã ghi; không khôi phục được.');
    rmSync(path.join(damaged, 'ledger-public-key.pem'));
    await expect(readBackup(damaged)).rejects.toThrow('Bản sao lưu bị thiếu tệp "ledger-public-key.pem"');

    // A backup made by a newer version (a migration this one does not know) is refused before any database is touched.
    const newer = path.join(tmp, 'newer');
    cpSync(folder, newer, { recursive: true });
    const m = JSON.parse(readFileSync(path.join(newer, 'manifest.json'), 'utf8'));
    writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify({ ...m, migrations: [...m.migrations, 'Future9999999999999'] }));
    await expect(restoreBackup({ location: newer, url: 'postgres://khong-dung:x@127.0.0.1:1/khong-co' }))
      .rejects.toThrow('Bản sao lưu được tạo từ phiên bản khác của ứng dụng (chưa biết bước cập nhật Future9999999999999)');
  }, 120_000);

  it('a backup of an unreachable database fails with the reason and leaves no folder behind', async () => {
    const dir = mkdtempSync(path.join(tmp, 'unreachable-'));
    await expect(createBackup({ url: 'postgres://thidua:sai@127.0.0.1:1/khong-co', dir })).rejects.toThrow(/ECONNREFUSED/);
    expect(require('node:fs').readdirSync(dir)).toEqual([]);
  });

  it('two backups in the same second keep both folders, and pruning knows them both', async () => {
    const dir = mkdtempSync(path.join(tmp, 'same-second-'));
    const now = new Date('2026-03-01T02:00:00.000Z');
    const [a, b] = await Promise.all([createBackup({ url: ownerUrl(), dir, now }), createBackup({ url: ownerUrl(), dir, now })]);
    expect([path.basename(a.folder), path.basename(b.folder)].sort()).toEqual(['thidua-20260301T020000Z', 'thidua-20260301T020000Z-2']);
    for (const f of [a.folder, b.folder]) expect((await readBackup(f)).manifest.tables.length).toBeGreaterThan(10);
    expect(pruneBackups(dir, 14, new Date('2026-03-20T00:00:00Z')).sort()).toEqual(['thidua-20260301T020000Z', 'thidua-20260301T020000Z-2']);
    expect(require('node:fs').readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("moves the server's transaction counter past a restored ledger's highest id", async () => {
    const c = new Client({ connectionString: ownerUrl() });
    await c.connect();
    try {
      const xid = async () => BigInt((await c.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
      const target = (await xid()) + 3000n;
      await advanceTransactionIdPast(c, target);
      expect(await xid()).toBeGreaterThan(target);
    } finally {
      await c.end();
    }
  });
});
