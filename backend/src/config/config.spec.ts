import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  });
});
