import express from 'express';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { assignRequestId } from '../../src/common/request-context';
import { pinoHttpOptions } from '../../src/common/logging';
import { loadConfig } from '../../src/config/config';
import { createTestApp, DEMO, TestApp } from '../app';

// Request ids (kept from a valid X-Request-Id, made otherwise, echoed, written into the audit entry and the
// JSON log line) and the Prometheus figures at /metrics, closed to the public.
describe('request ids, JSON logs and metrics', () => {
  const token = 'giam-sat-0123456789abcdef';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, env: { METRICS_TOKEN: token } });
  }, 120_000);
  afterAll(() => t.close());

  async function editUnit(requestId?: string) {
    const admin = await t.as(DEMO.admin);
    const [unit] = await t.ds.query(`SELECT id, version FROM units ORDER BY short_name LIMIT 1`);
    const req = admin.patch(`/api/units/${unit.id}`, { phone: `024 38${Math.floor(Math.random() * 90000 + 10000)}`, version: unit.version });
    if (requestId !== undefined) req.set('X-Request-Id', requestId);
    const res = await req;
    expect(res.status).toBe(200);
    const [entry] = await t.ds.query(`SELECT request_id FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [unit.id]);
    return { header: res.headers['x-request-id'] as string, stored: entry.request_id as string | null };
  }

  it('keeps a valid X-Request-Id, echoes it, and writes it into the audit entry (shown by the audit API)', async () => {
    const { header, stored } = await editUnit('proxy-7f3a9c21');
    expect(header).toBe('proxy-7f3a9c21');
    expect(stored).toBe('proxy-7f3a9c21');
    const board = await t.as(DEMO.board);
    const page = await board.get('/api/audit?pageSize=5');
    expect(page.body.items.some((e: { requestId: string | null }) => e.requestId === 'proxy-7f3a9c21')).toBe(true);
  });

  it.each([
    ['none', undefined], ['too short', 'abc'], ['markup', '<script>x</script>'], ['too long', 'a'.repeat(65)], ['spaces', 'abc def ghi'], ['punctuation', 'id;drop-table-x'],
  ])('makes a fresh id when the header is unusable (%s)', async (_label, given) => {
    const { header, stored } = await editUnit(given);
    expect(header).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored).toBe(header);
  });

  it('a request id never taken from a request is null in the entry (background work)', async () => {
    await t.ds.transaction((em) => em.query(`INSERT INTO audit_entries (occurred_at, actor_name, action, entity_type, reason) VALUES (now(), 'Hệ thống', 'test.job', 'system', '')`));
    const [e] = await t.ds.query(`SELECT request_id FROM audit_entries WHERE action = 'test.job'`);
    expect(e.request_id).toBeNull();
  });

  it('logs one JSON line per request with its id, method, status and time, and no cookie', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _e, cb) { lines.push(JSON.parse(String(chunk))); cb(); } });
    const options = pinoHttpOptions(loadConfig({ DATABASE_URL: 'postgres://u:p@h/d', LOG_LEVEL: 'info' }));
    const server = express().use(assignRequestId).use(pinoHttp({ ...options, logger: pino({ level: 'info' }, sink) })).get('/api/x', (_q, r) => { r.status(404).json({}); });
    await request(server).get('/api/x').set('X-Request-Id', 'khach-hang-42').set('Cookie', 'thidua_sid=bimat');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, requestId: 'khach-hang-42', req: { method: 'GET', url: '/api/x' }, res: { statusCode: 404 } });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain('bimat');
  });

  it('metrics: refused without the token or with a wrong one, figures with it', async () => {
    const none = await t.http().get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'metrics_forbidden' });
    expect(none.body.message).toContain('METRICS_TOKEN');
    expect((await t.http().get('/metrics').set('Authorization', 'Bearer sai-ma-0123456789')).status).toBe(403);
    await editUnit();
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    // By route pattern, not by raw URL (no unit id in any label).
    expect(text).toMatch(/http_requests_total\{method="PATCH",route="\/api\/units\/:id",status="200"\} \d+/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.5",method="PATCH",route="\/api\/units\/:id",status="200"\} \d+/);
    expect(text).not.toMatch(/route="\/api\/units\/[0-9a-f]{8}-/);
    for (const figure of ['db_pool_connections{state="total"}', 'db_pool_waiting_requests', 'thidua_jobs{state="due"}', 'thidua_jobs{state="failed"}',
      'thidua_mail_outbox{status="pending"}', 'thidua_ledger_unsealed_entries', 'thidua_ledger_seal_lag_seconds', 'thidua_backup_last_success_timestamp_seconds', 'process_cpu_user_seconds_total']) {
      expect(text).toContain(figure);
    }
  });
});

describe('metrics without a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  }, 120_000);
  afterAll(() => t.close());

  it('open to a direct connection from loopback, closed to anything relayed by a proxy', async () => {
    expect((await t.http().get('/metrics')).status).toBe(200);
    const relayed = await t.http().get('/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(relayed.status).toBe(403);
    expect(relayed.body.message).toBe('Không được xem số liệu giám sát từ địa chỉ này hoặc mã truy cập sai.');
  });
});
