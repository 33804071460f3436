import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// docker/compose.yml cannot run here (no Docker engine): this reads it as compose would and checks what
// production needs. No secret has a default (compose refuses to start without it), two or more app replicas
// behind Caddy with automatic HTTPS, secure cookies, the owner only in the one-shot migration that runs
// before the replicas, a backup process writing to a volume, health checks, node:24.
const dockerDir = path.resolve(__dirname, '..', '..', '..', 'docker');
const text = readFileSync(path.join(dockerDir, 'compose.yml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const compose: any = parse(text, { merge: true });
const services = compose.services as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every `${NAME…}` interpolation: its name, and the operator and text after it (`:?why`, `:-default`). */
const interpolations = [...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?:(:?[?-])([^}]*))?\}/g)].map((m) => ({ name: m[1], op: m[2] ?? '', rest: m[3] ?? '' }));
const SECRET = /PASSWORD|SECRET|KEY(?!S?_?FILE)|TOKEN/;

describe('docker/compose.yml for production', () => {
  it('has no default secret: each required one makes compose refuse to start, and none is written in', () => {
    const required = new Set(interpolations.filter((i) => i.op === ':?').map((i) => i.name));
    for (const name of ['POSTGRES_PASSWORD', 'APP_DB_PASSWORD', 'LEDGER_SIGNING_KEY', 'BALLOT_WRAP_KEY', 'ADMIN_PASSWORD', 'THIDUA_DOMAIN']) expect(required).toContain(name);
    for (const i of interpolations.filter((x) => SECRET.test(x.name))) {
      // A secret is required (`:?` with a reason) or optional and empty (`:-`), never given a value here.
      expect({ name: i.name, ok: (i.op === ':?' && i.rest.trim().length > 0) || (i.op === ':-' && i.rest === '') }).toEqual({ name: i.name, ok: true });
    }
    // No password, key or token spelled out in any service's environment.
    for (const [name, s] of Object.entries(services)) {
      for (const [k, v] of Object.entries((s.environment ?? {}) as Record<string, string>)) {
        if (SECRET.test(k)) expect({ service: name, k, v: String(v).startsWith('${') }).toEqual({ service: name, k, v: true });
        if (typeof v === 'string' && v.startsWith('postgres://')) expect({ service: name, k, url: /^postgres:\/\/\w+:\$\{[A-Z_]+:\?[^}]+\}@/.test(v) }).toEqual({ service: name, k, url: true });
      }
    }
    expect(text).not.toContain('doi-mat-khau');
  });

  it('runs two or more app replicas behind Caddy with automatic HTTPS, cookies secure', () => {
    expect(services.app.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(services.app.ports).toBeUndefined(); // reached only through the proxy
    expect(services.app.environment.COOKIE_SECURE).toBe('true');
    expect(services.app.environment.APP_BASE_URL).toMatch(/^https:\/\//);
    expect(services.app.environment.DEMO_DATA).toBe('false');
    const proxy = services.proxy;
    expect(proxy.image).toMatch(/^caddy:2/);
    expect(proxy.ports).toEqual(expect.arrayContaining(['443:443', '80:80']));
    expect(proxy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(proxy.volumes.some((v: string) => v.endsWith(':/data'))).toBe(true); // certificates survive restarts
    const caddyfile = readFileSync(path.join(dockerDir, 'Caddyfile'), 'utf8');
    // A site named by its domain (not `:80` or `http://`) is what makes Caddy obtain and renew the certificate.
    expect(caddyfile).toMatch(/^\{\$THIDUA_DOMAIN\} \{/m);
    expect(caddyfile).not.toMatch(/^(http:\/\/|:80)/m);
    expect(caddyfile).not.toMatch(/auto_https off|tls internal/);
    expect(caddyfile).toMatch(/reverse_proxy \{[\s\S]*dynamic a \{[\s\S]*name app[\s\S]*port 3000/);
    expect(caddyfile).toMatch(/respond \/metrics 404/);
  });

  it('the owner migrates once, before the replicas; the replicas and the backup run as the app role', () => {
    const migrate = services.migrate;
    expect(migrate.command).toEqual(['node', 'backend/dist/main.js', '--migrate-only']);
    expect(migrate.restart).toBe('no');
    expect(migrate.environment.MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/thidua:/);
    expect(migrate.environment.DATABASE_URL).toMatch(/^postgres:\/\/thidua_app:/);
    for (const name of ['app', 'backup']) {
      const s = services[name];
      expect(s.environment.DATABASE_URL).toMatch(/^postgres:\/\/thidua_app:/);
      expect(s.environment.MIGRATION_DATABASE_URL).toBeUndefined();
      expect(s.environment.ADMIN_PASSWORD).toBeUndefined();
      expect(s.depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(s.depends_on.db).toEqual({ condition: 'service_healthy' });
    }
    expect(services.proxy.depends_on.app).toEqual({ condition: 'service_healthy' });
  });

  it('a backup process writes scheduled backups to a volume', () => {
    const backup = services.backup;
    expect(backup.environment.BACKUP_DIR).toBe('/backups');
    expect(backup.volumes).toContain('backups:/backups');
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata', 'backups']));
    expect(services.app.environment.BACKUP_DIR).toBeUndefined(); // the replicas never claim the backup job
  });

  it('every long-running service has a health check; images are node:24', () => {
    for (const name of ['db', 'app', 'backup', 'proxy']) {
      const hc = services[name].healthcheck;
      expect({ name, test: Array.isArray(hc?.test) && hc.test.length > 1 && !hc.disable }).toEqual({ name, test: true });
    }
    const dockerfile = readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8');
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const f of froms) expect(f).toMatch(/^node:24(-|$)/);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });
});
