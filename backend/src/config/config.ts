import { readFileSync } from 'node:fs';
import { passwordProblem } from '@thidua/rules';
import { parsePublicKey, parseSigningKey } from '../modules/audit/ledger';

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
  /** First wait after too many wrong passwords (doubles with each further failure). */
  signInDelayMs: number;
  /** Requests per minute one client address may make to the API (0: no limit). */
  rateLimitPerMinute: number;
  /**
   * The key (32 bytes) that wraps each open electronic ballot's secret key (docs/ballot-secrecy.md); kept
   * outside the database: BALLOT_WRAP_KEY, or the file BALLOT_KEY_FILE (base64 or hex). Without it,
   * electronic ballots cannot be opened or counted.
   */
  ballotWrapKey: Buffer | null;
  /** How often each process's job runner looks for due jobs and mail (ms); 0 turns the runner off. */
  jobsPollMs: number;
  /** smtp:// or smtps:// address of the mail server; null keeps mails in the outbox the admin reads. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Public address of the app, for links in mails (no trailing slash). */
  appBaseUrl: string;
  /** True when APP_BASE_URL was set: public pages then build absolute links from it, never from the Host header. */
  appBaseUrlSet: boolean;
  /** Owner role's URL for migrations at boot; the app itself connects with databaseUrl (least privilege). */
  migrationDatabaseUrl: string | null;
  /** The Ed25519 key that signs ledger checkpoints (PEM or base64 PKCS#8), from LEDGER_SIGNING_KEY or LEDGER_KEY_FILE; never stored in the database. */
  ledgerSigningKey: string | null;
  /** Public keys of earlier signing keys (PEM or base64 SPKI, separated by ","), still trusted for old checkpoints. */
  ledgerPreviousKeys: string[];
  /** How often the sealer seals committed entries (ms); 0 turns it off in this process. */
  ledgerSealIntervalMs: number;
  /** Where scheduled backups go (BACKUP_DIR); null: this process takes no scheduled backup. */
  backupDir: string | null;
  /** Hours between scheduled backups (BACKUP_EVERY_HOURS, default 24); 0 turns them off. */
  backupEveryHours: number;
  /** Backups older than this many days are deleted after each scheduled backup (BACKUP_KEEP_DAYS, default 14). */
  backupKeepDays: number;
  /** Bearer token that opens /metrics from any address (METRICS_TOKEN); without it only loopback and private networks may read it. */
  metricsToken: string | null;
  /** JSON log level (LOG_LEVEL): fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY, Express syntax): `loopback` by default; `uniquelocal` behind docker/compose.yml's Caddy. */
  trustProxy: string;
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
  const signInDelayMs = int('SIGN_IN_DELAY_MS', 1000, 1, 60_000);
  const rateLimitPerMinute = int('RATE_LIMIT_PER_MINUTE', 3000, 0, 1_000_000);
  const adminEmail = env.ADMIN_EMAIL || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL và ADMIN_PASSWORD phải được đặt cùng nhau');
  const adminPasswordProblem = adminPassword ? passwordProblem(adminPassword) : null;
  if (adminPasswordProblem) problems.push(`ADMIN_PASSWORD ${adminPasswordProblem}`);
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL không phải email hợp lệ (đang là "${adminEmail}")`);
  // Tests start a runner themselves when they need one.
  const jobsPollMs = int('JOBS_POLL_MS', nodeEnv === 'test' ? 0 : 5000, 0, 3_600_000);
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) problems.push('SMTP_URL phải là địa chỉ máy chủ thư dạng smtp://người-dùng:mật-khẩu@máy:cổng hoặc smtps://…');
  const mailFrom = env.MAIL_FROM || 'Thi đua – Khen thưởng <no-reply@thidua.local>';
  if (!/^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/.test(mailFrom.trim())) problems.push(`MAIL_FROM phải là địa chỉ email, có thể kèm tên: "Tên <dia-chi@mien>" (đang là "${mailFrom}")`);
  const appBaseUrl = (env.APP_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(appBaseUrl)) problems.push(`APP_BASE_URL phải là địa chỉ http:// hoặc https:// của ứng dụng (đang là "${env.APP_BASE_URL}")`);
  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL || null;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\/.+/.test(migrationDatabaseUrl)) problems.push('MIGRATION_DATABASE_URL phải là địa chỉ PostgreSQL dạng postgres://chủ-sở-hữu:mật-khẩu@máy:cổng/tên-csdl');
  let ledgerSigningKey = env.LEDGER_SIGNING_KEY || null;
  if (!ledgerSigningKey && env.LEDGER_KEY_FILE) {
    try {
      ledgerSigningKey = readFileSync(env.LEDGER_KEY_FILE, 'utf8');
    } catch {
      problems.push(`LEDGER_KEY_FILE: không đọc được tệp khóa ký "${env.LEDGER_KEY_FILE}"`);
    }
  }
  if (ledgerSigningKey) {
    try {
      parseSigningKey(ledgerSigningKey);
    } catch {
      problems.push('Khóa ký sổ nhật ký (LEDGER_SIGNING_KEY hoặc LEDGER_KEY_FILE) phải là khóa riêng Ed25519 dạng PEM hoặc base64 PKCS#8');
    }
  } else if (nodeEnv === 'production') {
    problems.push('Cần khóa ký sổ nhật ký: đặt LEDGER_SIGNING_KEY hoặc LEDGER_KEY_FILE (npm start tự tạo khi dùng PostgreSQL nhúng)');
  }
  // Comma-separated, or PEM blocks one after another (a backup's ledger-public-key.pem as it is).
  const ledgerPreviousKeys = (env.LEDGER_PREVIOUS_PUBLIC_KEYS ?? '').split(/,|(?<=-----END PUBLIC KEY-----)/).map((k) => k.trim()).filter(Boolean);
  for (const k of ledgerPreviousKeys) {
    try {
      parsePublicKey(k);
    } catch {
      problems.push('LEDGER_PREVIOUS_PUBLIC_KEYS phải là các khóa công khai Ed25519 (base64 SPKI), cách nhau bởi dấu phẩy');
      break;
    }
  }
  const ledgerSealIntervalMs = int('LEDGER_SEAL_INTERVAL_MS', 500, 0, 1000);
  const backupDir = env.BACKUP_DIR || null;
  if (backupDir && !backupDir.startsWith('/')) problems.push(`BACKUP_DIR phải là đường dẫn tuyệt đối (đang là "${backupDir}")`);
  const backupEveryHours = int('BACKUP_EVERY_HOURS', 24, 0, 24 * 7);
  const backupKeepDays = int('BACKUP_KEEP_DAYS', 14, 1, 3650);
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken && metricsToken.length < 16) problems.push('METRICS_TOKEN phải dài ít nhất 16 ký tự');
  const trustProxy = env.TRUST_PROXY || 'loopback';
  if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/.test(trustProxy)) {
    problems.push(`TRUST_PROXY phải là loopback, uniquelocal, linklocal hoặc địa chỉ/dải IP, cách nhau bởi dấu phẩy (đang là "${trustProxy}")`);
  }
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL phải là fatal, error, warn, info, debug, trace hoặc silent (đang là "${logLevel}")`);
  let ballotWrapKey: Buffer | null = null;
  const wrapSource = env.BALLOT_WRAP_KEY ? { name: 'BALLOT_WRAP_KEY', text: env.BALLOT_WRAP_KEY } : env.BALLOT_KEY_FILE ? { name: 'BALLOT_KEY_FILE', text: readKeyFile(env.BALLOT_KEY_FILE, problems) } : null;
  if (wrapSource?.text != null) {
    ballotWrapKey = parseKey(wrapSource.text);
    if (!ballotWrapKey) problems.push(`${wrapSource.name} phải là khóa 32 byte dạng base64 hoặc hex`);
  }
  if (problems.length) throw new ConfigError(`Cấu hình không hợp lệ:\n- ${problems.join('\n- ')}`);
  return {
    port, databaseUrl, nodeEnv, sessionTtlHours, staticDir: env.STATIC_DIR || null, loadDemo, cookieSecure, adminEmail, adminPassword,
    signInDelayMs, rateLimitPerMinute, ballotWrapKey, jobsPollMs, smtpUrl, mailFrom: mailFrom.trim(), appBaseUrl, appBaseUrlSet: !!env.APP_BASE_URL,
    migrationDatabaseUrl, ledgerSigningKey, ledgerPreviousKeys, ledgerSealIntervalMs, backupDir, backupEveryHours, backupKeepDays, metricsToken, logLevel, trustProxy,
  };
}

function readKeyFile(file: string, problems: string[]): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    problems.push(`BALLOT_KEY_FILE: không đọc được tệp khóa "${file}"`);
    return null;
  }
}

function parseKey(text: string): Buffer | null {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  return key?.length === 32 ? key : null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
