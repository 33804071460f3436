import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const URL = 'postgres://u:p@localhost:5432/thidua';

describe('config', () => {
  it('takes defaults', () => {
    const c = loadConfig({ DATABASE_URL: URL });
    expect(c).toMatchObject({ port: 3000, nodeEnv: 'development', loadDemo: false, adminEmail: null });
  });
  it('explains every bad value in Vietnamese', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc', DEMO_DATA: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000', DEMO_DATA: 'maybe', ADMIN_EMAIL: 'a@b.vn' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('PORT phải là số nguyên từ 1 đến 65535 (đang là "70000")');
      expect(msg).toContain('DATABASE_URL phải là địa chỉ PostgreSQL');
      expect(msg).toContain('DEMO_DATA phải là true hoặc false');
      expect(msg).toContain('ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau');
    }
  });
  it('configures mail and the job runner, with defaults that work offline', () => {
    expect(loadConfig({ DATABASE_URL: URL, PORT: '8080' })).toMatchObject({ smtpUrl: null, appBaseUrl: 'http://localhost:8080', jobsPollMs: 5000, mailFrom: 'Thi đua – Khen thưởng <no-reply@thidua.local>' });
    expect(loadConfig({ DATABASE_URL: URL, NODE_ENV: 'test' }).jobsPollMs).toBe(0);
    expect(loadConfig({ DATABASE_URL: URL, SMTP_URL: 'smtps://u:p@mail.hanoi.gov.vn:465', MAIL_FROM: 'Ban Thi đua <thidua@hanoi.gov.vn>', APP_BASE_URL: 'https://thidua.hanoi.gov.vn/', JOBS_POLL_MS: '0' }))
      .toMatchObject({ smtpUrl: 'smtps://u:p@mail.hanoi.gov.vn:465', mailFrom: 'Ban Thi đua <thidua@hanoi.gov.vn>', appBaseUrl: 'https://thidua.hanoi.gov.vn', jobsPollMs: 0 });
  });
  it('refuses bad mail settings in Vietnamese', () => {
    try {
      loadConfig({ DATABASE_URL: URL, SMTP_URL: 'mail.example.vn', MAIL_FROM: 'không phải email', APP_BASE_URL: 'thidua.vn', JOBS_POLL_MS: '-1' });
      throw new Error('accepted');
    } catch (e) {
      const msg = (e as Error).message;
      expect(e).toBeInstanceOf(ConfigError);
      expect(msg).toContain('SMTP_URL phải là địa chỉ máy chủ thư');
      expect(msg).toContain('MAIL_FROM phải là địa chỉ email');
      expect(msg).toContain('APP_BASE_URL phải là địa chỉ http:// hoặc https://');
      expect(msg).toContain('JOBS_POLL_MS phải là số nguyên');
    }
  });
});

describe('ballot wrap key', () => {
  const key = Buffer.alloc(32, 7);
  it('reads BALLOT_WRAP_KEY (base64 or hex) or the file BALLOT_KEY_FILE', () => {
    expect(loadConfig({ DATABASE_URL: URL }).ballotWrapKey).toBeNull();
    expect(loadConfig({ DATABASE_URL: URL, BALLOT_WRAP_KEY: key.toString('base64') }).ballotWrapKey).toEqual(key);
    expect(loadConfig({ DATABASE_URL: URL, BALLOT_WRAP_KEY: key.toString('hex') }).ballotWrapKey).toEqual(key);
    const file = join(tmpdir(), `ballot-key-${process.pid}`);
    writeFileSync(file, `${key.toString('base64')}\n`);
    expect(loadConfig({ DATABASE_URL: URL, BALLOT_KEY_FILE: file }).ballotWrapKey).toEqual(key);
  });
  it('refuses a short key or a missing file, in Vietnamese', () => {
    expect(() => loadConfig({ DATABASE_URL: URL, BALLOT_WRAP_KEY: 'abcd' })).toThrow('BALLOT_WRAP_KEY phải là khóa 32 byte');
    expect(() => loadConfig({ DATABASE_URL: URL, BALLOT_KEY_FILE: '/nonexistent/key' })).toThrow('không đọc được tệp khóa');
  });
});

describe('ledger signing key', () => {
  it('needs a ledger signing key in production, read from LEDGER_SIGNING_KEY or LEDGER_KEY_FILE, and refuses a bad one', () => {
    expect(() => loadConfig({ DATABASE_URL: URL, NODE_ENV: 'production' })).toThrow('Cần khóa ký sổ nhật ký');
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ DATABASE_URL: URL, NODE_ENV: 'production', LEDGER_SIGNING_KEY: pem }).ledgerSigningKey).toBe(pem);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'thidua-key-')), 'k.pem');
    writeFileSync(file, pem);
    expect(loadConfig({ DATABASE_URL: URL, LEDGER_KEY_FILE: file }).ledgerSigningKey).toBe(pem);
    expect(() => loadConfig({ DATABASE_URL: URL, LEDGER_SIGNING_KEY: 'abc' })).toThrow('phải là khóa riêng Ed25519');
    expect(() => loadConfig({ DATABASE_URL: URL, LEDGER_KEY_FILE: '/không/có' })).toThrow('không đọc được tệp khóa ký');
    expect(() => loadConfig({ DATABASE_URL: URL, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow('MIGRATION_DATABASE_URL');
    // A backup's ledger-public-key.pem (PEM blocks one after another) as it is, or comma-separated keys.
    const pub = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const [a, b] = [pub(), pub()];
    expect(loadConfig({ DATABASE_URL: URL, LEDGER_PREVIOUS_PUBLIC_KEYS: a + b }).ledgerPreviousKeys).toEqual([a.trim(), b.trim()]);
    expect(loadConfig({ DATABASE_URL: URL, LEDGER_PREVIOUS_PUBLIC_KEYS: `${a},${b}` }).ledgerPreviousKeys).toHaveLength(2);
  });
});

describe('operations settings', () => {
  it('takes backups, metrics, logs and the proxy from the environment, with defaults', () => {
    expect(loadConfig({ DATABASE_URL: URL })).toMatchObject({ backupDir: null, backupEveryHours: 24, backupKeepDays: 14, metricsToken: null, logLevel: 'info', trustProxy: 'loopback' });
    expect(loadConfig({ DATABASE_URL: URL, NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ DATABASE_URL: URL, BACKUP_DIR: '/backups', BACKUP_EVERY_HOURS: '6', BACKUP_KEEP_DAYS: '30', METRICS_TOKEN: 'x'.repeat(32), LOG_LEVEL: 'warn', TRUST_PROXY: 'uniquelocal' }))
      .toMatchObject({ backupDir: '/backups', backupEveryHours: 6, backupKeepDays: 30, metricsToken: 'x'.repeat(32), logLevel: 'warn', trustProxy: 'uniquelocal' });
  });
  it('refuses bad values, naming each variable in Vietnamese', () => {
    try {
      loadConfig({ DATABASE_URL: URL, BACKUP_DIR: 'backups', BACKUP_EVERY_HOURS: '-1', BACKUP_KEEP_DAYS: '0', METRICS_TOKEN: 'short', LOG_LEVEL: 'loud', TRUST_PROXY: 'everyone; rm' });
      throw new Error('accepted');
    } catch (e) {
      const msg = (e as Error).message;
      for (const name of ['BACKUP_DIR phải là đường dẫn tuyệt đối', 'BACKUP_EVERY_HOURS phải là số nguyên', 'BACKUP_KEEP_DAYS phải là số nguyên', 'METRICS_TOKEN phải dài', 'LOG_LEVEL phải là', 'TRUST_PROXY phải là']) {
        expect(msg).toContain(name);
      }
    }
  });
});
