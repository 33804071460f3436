/**
 * Generated from backend/openapi.json: every write operation (POST/PUT/PATCH/DELETE), every JSON body
 * field set to a wrong type, null, NUL, a lone surrogate, a huge string, deep nesting, 1e-300, "NaN";
 * whole bodies that are not objects or nest too deep; bad UUIDs in path parameters. Signed in as an
 * admin, and anonymously. Asserts no 5xx, and that the database is unchanged by rejected requests: a
 * checksum of every table (md5 over each table's rows) is compared after each operation whose requests
 * were all refused. Not compared: `sessions` (the fuzzer's own session notes when it was last used) and
 * `sign_in_throttle` (wrong passwords are counted on purpose), `migrations`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, DEMO, TestApp } from '../app';
import { signInRaw } from '../factories';

type Schema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; required?: string[];
  allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; minimum?: number; maximum?: number; minItems?: number; minLength?: number; maxLength?: number; nullable?: boolean };
type Operation = { method: 'post' | 'put' | 'patch' | 'delete'; path: string; id: string; body: Schema | null; multipart: boolean };

const spec = JSON.parse(readFileSync(path.join(__dirname, '../../openapi.json'), 'utf8'));
const PUBLISHED_CODES = new Set<unknown>(spec.components.schemas.ErrorCode.enum);
const UNCHECKED_TABLES = ['sessions', 'sign_in_throttle', 'migrations'];
/** Operations that would end the fuzzer's own session; their inputs are still fuzzed anonymously. */
const SELF_ENDING = new Set(['signOut', 'endOtherSessions', 'endSession']);

const deref = (s: Schema | undefined): Schema => {
  let cur = s ?? {};
  while (cur.$ref) cur = spec.components.schemas[cur.$ref.split('/').pop()!];
  if (cur.allOf) return cur.allOf.map(deref).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {} as Schema);
  if (cur.oneOf || cur.anyOf) return deref((cur.oneOf ?? cur.anyOf)![0]);
  return cur;
};

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries<Record<string, any>>(spec.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      out.push({ method, path: p, id: op.operationId, body: content['application/json']?.schema ?? null, multipart: !!content['multipart/form-data'] });
    }
  }
  // Deletions last, so the other operations still find their records.
  return out.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
}

describe('fuzzing every write operation of openapi.json', () => {
  let t: TestApp;
  let auth: { cookie: string; csrf: string };
  let tables: string[];
  let anyUnitId: string;
  const idCache = new Map<string, string>();

  beforeAll(async () => {
    // The sealer is off: sealing earlier entries would change the ledger tables while the fuzzer runs.
    t = await createTestApp({ demo: true, env: { SIGN_IN_DELAY_MS: '1', LEDGER_SEAL_INTERVAL_MS: '0' } });
    auth = await signInRaw(t, DEMO.admin);
    tables = (await t.ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`))
      .map((r: { table_name: string }) => r.table_name).filter((n: string) => !UNCHECKED_TABLES.includes(n));
    anyUnitId = (await t.ds.query('SELECT id FROM units ORDER BY name LIMIT 1'))[0].id;
  });
  afterAll(() => t.close());

  const checksum = async (): Promise<Record<string, string>> => {
    const sql = tables.map((n) => `SELECT '${n}' AS t, md5(coalesce(string_agg(md5(x::text), ',' ORDER BY md5(x::text)), '')) AS h FROM "${n}" x`).join(' UNION ALL ');
    return Object.fromEntries((await t.ds.query(sql)).map((r: { t: string; h: string }) => [r.t, r.h]));
  };

  /** A real id for a path parameter (so requests reach past "not found"), else a random UUID. */
  const realId = (segments: string[], index: number): Promise<string> => {
    const name = segments[index].slice(1, -1);
    return idFor(name === 'id' ? segments[index - 1] : name.replace(/Id$/, ''));
  };
  /** A real id of the table a noun names (`blockYear`, `block-years`, `unit`…), else a random UUID. */
  const idFor = async (noun: string): Promise<string> => {
    if (idCache.has(noun)) return idCache.get(noun)!;
    const snake = noun.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const candidates = [snake, `${snake}s`, snake.replace(/y$/, 'ies'), snake.replace(/on$/, 'a'), `${snake.replace(/s$/, '')}s`];
    let id = randomUUID();
    for (const table of candidates) {
      if (!tables.includes(table)) continue;
      const where = table === 'accounts' ? `WHERE email <> '${DEMO.admin}'` : '';
      const [row] = await t.ds.query(`SELECT id::text AS id FROM "${table}" ${where} ORDER BY id LIMIT 1`).catch(() => []);
      if (row) {
        id = row.id;
        break;
      }
    }
    idCache.set(noun, id);
    return id;
  };

  /** Ids a body may name, by field (`blockYearId` → a real block year), looked up before sampling. */
  const fieldIds = new Map<string, string>();
  const collectIdFields = async (raw: Schema | undefined, depth = 0): Promise<void> => {
    const s = deref(raw);
    if (depth > 4) return;
    if (s.items) await collectIdFields(s.items, depth + 1);
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      const p = deref(v);
      if (/Ids?$/.test(k) && !fieldIds.has(k)) fieldIds.set(k, await idFor(k.replace(/Ids?$/, '')));
      await collectIdFields(p, depth + 1);
    }
  };

  const sample = (raw: Schema | undefined, depth = 0, field = ''): unknown => {
    const s = deref(raw);
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return fieldIds.get(field) ?? anyUnitId;
        if (s.format === 'date') return '2025-06-16';
        if (s.format === 'date-time') return '2025-06-16T08:00:00+07:00';
        if (s.format === 'email') return 'fuzz@thidua.vn';
        if (s.format === 'binary') return 'x';
        return 'Thử nghiệm'.padEnd(Math.max(s.minLength ?? 0, 10), '.').slice(0, s.maxLength ?? 1000);
      case 'integer':
      case 'number':
        return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1, field));
      default:
        if (!s.properties || depth > 4) return {};
        return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v, depth + 1, k)]));
    }
  };

  const deep = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: [v] };
    return v;
  };
  const FIELD_VALUES: [string, unknown][] = [
    ['null', null], ['NUL', 'a\u0000b'], ['lone surrogate', 'a\ud800b'], ['number', 12345], ['object', {}], ['array', []],
    ['huge string', 'x'.repeat(200_000)], ['deep', deep(40)], ['1e-300', 1e-300], ['NaN as text', 'NaN'], ['-1e15', -1e15],
  ];
  const DEEP_BODY = '{"a":['.repeat(3000) + '1' + ']}'.repeat(3000);
  const BAD_IDS = ['khong-phai-uuid', '%00', "1' OR '1'='1", 'a'.repeat(300)];

  it('answers no request with a 5xx, and refused requests change nothing', async () => {
    const started = Date.now();
    const fiveHundreds: string[] = [];
    const changed: string[] = [];
    const unpublished: string[] = [];
    let sent = 0;
    const histogram: Record<number, number> = {};
    let baseline = await checksum();
    const server = t.app.getHttpServer();
    const send = async (op: Operation, url: string, body: unknown, who: 'admin' | 'anonymous', label: string, raw = false): Promise<number> => {
      let req = request(server)[op.method](url);
      if (who === 'admin') req = req.set('Cookie', auth.cookie).set('X-CSRF-Token', auth.csrf);
      if (body !== undefined) req = raw ? req.set('Content-Type', 'application/json').send(body as string) : req.send(body as object);
      const res = await req;
      sent++;
      histogram[res.status] = (histogram[res.status] ?? 0) + 1;
      if (res.status >= 400 && !PUBLISHED_CODES.has(res.body?.code)) unpublished.push(`${op.method.toUpperCase()} ${op.path} [${who}] ${label}: ${res.status} code ${JSON.stringify(res.body?.code)}`);
      if (res.status >= 500) fiveHundreds.push(`${op.method.toUpperCase()} ${op.path} [${who}] ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      return res.status;
    };

    for (const op of operations()) {
      const segments = op.path.split('/');
      const ids = await Promise.all(segments.map((s, i) => (s.startsWith('{') ? realId(segments, i) : Promise.resolve(s))));
      const url = ids.join('/');
      if (op.body) await collectIdFields(op.body);
      const valid = op.body ? sample(op.body) : undefined;
      const statuses: number[] = [];
      const run = (body: unknown, label: string, raw = false, target = url) => send(op, target, body, 'admin', label, raw).then((s) => statuses.push(s));

      // Anonymous: nothing but 401 (or a public operation's own refusal).
      await send(op, url, valid ?? {}, 'anonymous', 'valid-looking body');
      await send(op, url, { ...(valid as object), x: 'a\u0000' }, 'anonymous', 'NUL');
      if (SELF_ENDING.has(op.id)) continue;

      if (valid !== undefined) await run(valid, 'sampled body');
      // Bad path parameters.
      for (let i = 0; i < segments.length; i++) {
        if (!segments[i].startsWith('{')) continue;
        for (const bad of BAD_IDS) {
          const target = [...ids.slice(0, i), encodeURIComponent(bad), ...ids.slice(i + 1)].join('/');
          await run(valid, `${segments[i]} = ${bad.slice(0, 20)}`, false, target);
        }
      }
      // Whole bodies.
      for (const [label, body] of [['array body', '[]'], ['null body', 'null'], ['string body', '"x"'], ['deep body', DEEP_BODY], ['number body', '1e999']] as const) {
        await run(body, label, true);
      }
      // Every field of the body.
      const fields = op.body ? Object.keys(deref(op.body).properties ?? {}) : [];
      for (const field of fields) {
        const batch = FIELD_VALUES.map(([label, value]) => run({ ...(valid as object), [field]: value }, `${field} = ${label}`));
        // Nested list items: the same values inside the first item.
        const item = (valid as Record<string, unknown>)[field];
        if (Array.isArray(item) && item[0] && typeof item[0] === 'object') {
          for (const sub of Object.keys(item[0] as object)) {
            for (const [label, value] of FIELD_VALUES.slice(0, 7)) {
              batch.push(run({ ...(valid as object), [field]: [{ ...(item[0] as object), [sub]: value }] }, `${field}.0.${sub} = ${label}`));
            }
          }
        }
        await Promise.all(batch);
      }
      const now = await checksum();
      if (statuses.every((s) => s >= 400)) {
        const diff = Object.keys(now).filter((k) => now[k] !== baseline[k]);
        if (diff.length) changed.push(`${op.method.toUpperCase()} ${op.path}: ${diff.join(', ')}`);
      }
      baseline = now;
    }

    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${sent} requests over ${operations().length} operations in ${seconds.toFixed(0)} s; statuses ${JSON.stringify(histogram)}`);
    expect(fiveHundreds).toEqual([]);
    expect(changed).toEqual([]);
    // Every refusal carries a code of the ErrorCode enum that openapi.json publishes.
    expect(unpublished).toEqual([]);
  }, 300_000);
});
