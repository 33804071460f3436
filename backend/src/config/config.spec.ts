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
});
