/** Environment configuration, validated once at boot. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  nodeEnv: 'development' | 'production' | 'test';
  sessionTtlHours: number;
  /** Where the built frontend lives; served by the backend when it exists. */
  staticDir: string | null;
  loadDemo: boolean;
  cookieSecure: boolean;
  /** First admin of an empty installation (optional). */
  adminEmail: string | null;
  adminPassword: string | null;
  /** How often each process's job runner looks for due jobs and mail (ms); 0 turns the runner off. */
  jobsPollMs: number;
  /** smtp:// or smtps:// address of the mail server; null keeps mails in the outbox the admin reads. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Public address of the app, for links in mails (no trailing slash). */
  appBaseUrl: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} phải là số nguyên từ ${min} đến ${max} (đang là "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) problems.push(`${name} phải là true hoặc false (đang là "${raw}")`);
    return raw === 'true' || raw === '1';
  };
  const port = int('PORT', 3000, 1, 65535);
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\/.+/.test(databaseUrl)) problems.push('DATABASE_URL phải là địa chỉ PostgreSQL dạng postgres://người-dùng:mật-khẩu@máy:cổng/tên-csdl');
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV phải là development, production hoặc test (đang là "${nodeEnv}")`);
  const sessionTtlHours = int('SESSION_TTL_HOURS', 12, 1, 24 * 30);
  const loadDemo = bool('DEMO_DATA', false);
  const cookieSecure = bool('COOKIE_SECURE', false);
  const adminEmail = env.ADMIN_EMAIL || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau');
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL không phải email hợp lệ (đang là "${adminEmail}")`);
  // Tests start a runner themselves when they need one.
  const jobsPollMs = int('JOBS_POLL_MS', nodeEnv === 'test' ? 0 : 5000, 0, 3_600_000);
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) problems.push('SMTP_URL phải là địa chỉ máy chủ thư dạng smtp://người-dùng:mật-khẩu@máy:cổng hoặc smtps://…');
  const mailFrom = env.MAIL_FROM || 'Thi đua – Khen thưởng <no-reply@thidua.local>';
  if (!/^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/.test(mailFrom.trim())) problems.push(`MAIL_FROM phải là địa chỉ email, có thể kèm tên: "Tên <dia-chi@mien>" (đang là "${mailFrom}")`);
  const appBaseUrl = (env.APP_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(appBaseUrl)) problems.push(`APP_BASE_URL phải là địa chỉ http:// hoặc https:// của ứng dụng (đang là "${env.APP_BASE_URL}")`);
  if (problems.length) throw new ConfigError(`Cấu hình không hợp lệ:\n- ${problems.join('\n- ')}`);
  return { port, databaseUrl, nodeEnv, sessionTtlHours, staticDir: env.STATIC_DIR || null, loadDemo, cookieSecure, adminEmail, adminPassword, jobsPollMs, smtpUrl, mailFrom: mailFrom.trim(), appBaseUrl };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
