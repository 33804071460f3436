import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { createTestApp, TestApp } from '../app';
import { expectStatus, signInRaw } from '../factories';
import { openRound, OpenRound, selfUrl } from './helpers';

/**
 * The autosave (PUT of a self-assessment row) is the hottest write at a deadline: it must cost the statements it
 * needs and no more, without giving up any check. Statements are counted on the app's own pool.
 */
describe('autosave: the statements it needs, and every check still made', () => {
  let t: TestApp;
  let r: OpenRound;
  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t);
  });
  afterAll(() => t.close());

  /** The SQL the app sends while `fn` runs, one entry per round trip. */
  const statementsOf = async (fn: () => Promise<unknown>): Promise<string[]> => {
    const pool = (t.app.get(DataSource).driver as unknown as { master: { _clients: unknown[] } }).master;
    const seen: string[] = [];
    const query = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text ?? '';
      if (pool._clients.includes(this)) seen.push(sql.replace(/\s+/g, ' ').trim());
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await fn();
    } finally {
      Client.prototype.query = query;
    }
    return seen;
  };
  const kind = (sql: string) =>
    /^START TRANSACTION|^BEGIN/i.test(sql) ? 'begin'
      : /^COMMIT/i.test(sql) ? 'commit'
        : /^ROLLBACK/i.test(sql) ? 'rollback'
          : /FROM sessions s JOIN accounts/.test(sql) && /FROM scoring_rounds r/.test(sql) && /FROM self_assessments sa/.test(sql) ? 'session+round+self-assessment'
            : /FROM scoring_rounds WHERE id = \$\d+ AND xmin/.test(sql) && /UPDATE score_entries/.test(sql) && /INSERT INTO audit_entries/.test(sql) ? 'write if unchanged, with its audit entry'
            : /^UPDATE score_entries/.test(sql) ? 'versioned update'
              : /^INSERT INTO score_entries/.test(sql) ? 'insert row'
                : /^INSERT INTO audit_entries/.test(sql) ? 'audit entry'
                  : sql.slice(0, 80);
  const audits = async () => Number((await t.ds.query(`SELECT count(*) AS n FROM audit_entries WHERE action = 'score.self'`))[0].n);

  it('a change to a row the officer has seen is two statements and no transaction; a first save is one transaction of four', async () => {
    const put = await r.put(r.acc.lhp.officer);
    const url = selfUrl(r, r.ids.lhp, 'I.1');
    await expectStatus(put(url, { score: 5, version: 0 }), 200); // warms the scheme cache and the pool
    expect((await statementsOf(() => expectStatus(put(url, { score: 6, version: 1 }), 200))).map(kind))
      .toEqual(['session+round+self-assessment', 'write if unchanged, with its audit entry']);
    expect((await statementsOf(() => expectStatus(put(selfUrl(r, r.ids.lhp, 'I.3'), { count: 2, version: 0 }), 200))).map(kind))
      .toEqual(['begin', 'session+round+self-assessment', 'insert row', 'audit entry', 'commit']);
    // Unchanged: the one statement writes nothing, the transactional path says so.
    expect((await statementsOf(() => expectStatus(put(url, { score: 6, version: 2 }), 200))).map(kind))
      .toEqual(['session+round+self-assessment', 'write if unchanged, with its audit entry', 'begin', 'session+round+self-assessment', 'versioned update', expect.stringMatching(/^SELECT e\.id/), 'commit']);
  });

  /** Runs `change` in a transaction left open while a save is sent, then commits it; the save's answer. */
  const saveDuring = async (change: (q: QueryRunner) => Promise<unknown>, save: () => Promise<{ status: number; body: any }>) => {
    const q = t.ds.createQueryRunner();
    await q.connect();
    try {
      await q.startTransaction();
      await change(q);
      let settled = false;
      const pending = Promise.resolve(save()).finally(() => { settled = true; });
      await new Promise((ok) => setTimeout(ok, 400));
      const waited = !settled;
      await q.commitTransaction();
      return { waited, res: await pending };
    } finally {
      if (q.isTransactionActive) await q.rollbackTransaction();
      await q.release();
    }
  };

  it('a submission or a phase change between the read and the write: the save waits for it, writes nothing and is refused', async () => {
    const put = await r.put(r.acc.dukdh.officer);
    const url = selfUrl(r, r.ids.dukdh, 'I.1');
    const first = await expectStatus(put(url, { score: 1, version: 0 }), 200);
    const [{ id: officerId }] = await t.ds.query('SELECT id FROM accounts WHERE email = $1', [r.acc.dukdh.officer]);
    const n = await audits();
    const score = async () => (await t.ds.query('SELECT version, score::float8 AS score FROM score_entries WHERE id = $1', [first.row.id]))[0];

    const submitted = await saveDuring(
      (c) => c.query(`UPDATE self_assessments SET status = 'submitted', submitted_at = now(), confirmed_by = $3, version = version + 1 WHERE round_id = $1 AND unit_id = $2`, [r.round.id, r.ids.dukdh, officerId]),
      () => put(url, { score: 2, version: 1 }));
    expect(submitted.waited).toBe(true);
    expect(submitted.res.status).toBe(409);
    expect(submitted.res.body).toMatchObject({ code: 'already_submitted' });
    expect(await score()).toEqual({ version: 1, score: 1 });
    await t.ds.query(`UPDATE self_assessments SET status = 'draft', submitted_at = NULL, confirmed_by = NULL WHERE round_id = $1 AND unit_id = $2`, [r.round.id, r.ids.dukdh]);

    const [{ phase }] = await t.ds.query('SELECT phase FROM scoring_rounds WHERE id = $1', [r.round.id]);
    const moved = await saveDuring(
      (c) => c.query(`UPDATE scoring_rounds SET phase = 'review', version = version + 1 WHERE id = $1`, [r.round.id]),
      () => put(url, { score: 3, version: 1 }));
    await t.ds.query('UPDATE scoring_rounds SET phase = $2 WHERE id = $1', [r.round.id, phase]);
    expect(moved.waited).toBe(true);
    expect(moved.res.status).toBe(409);
    expect(await score()).toEqual({ version: 1, score: 1 });
    expect(await audits()).toBe(n);
    // Once both are back, the same save goes through.
    expect(await expectStatus(put(url, { score: 3, version: 1 }), 200)).toMatchObject({ changed: true, row: { score: 3, version: 2 } });
    expect(await audits()).toBe(n + 1);
  });

  it('the audit entry keeps the values replaced; a save that changes nothing writes nothing; a stale one is 409 with the newer row', async () => {
    const put = await r.put(r.acc.hiza.officer);
    const url = selfUrl(r, r.ids.hiza, 'I.1');
    await expectStatus(put(url, { score: 10, note: 'đầu', version: 0 }), 200);
    const saved = await expectStatus(put(url, { score: 12.5, note: 'sửa', version: 1 }), 200);
    expect(saved).toMatchObject({ changed: true, row: { score: 12.5, note: 'sửa', version: 2 } });
    const [entry] = await t.ds.query(`SELECT before, after FROM audit_entries WHERE entity_id = $1 AND action = 'score.self' ORDER BY id DESC LIMIT 1`, [saved.row.id]);
    expect(entry.before).toMatchObject({ criterion: 'I.1', score: 10, note: 'đầu', passed: null, count: null, actual: null, items: null });
    expect(entry.after).toMatchObject({ score: 12.5, note: 'sửa' });

    const n = await audits();
    expect(await expectStatus(put(url, { score: 12.5, note: 'sửa', version: 2 }), 200)).toMatchObject({ changed: false, row: { version: 2, score: 12.5 } });
    expect(await audits()).toBe(n);

    const stale = await put(url, { score: 3, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', current: { score: 12.5, note: 'sửa', version: 2 } });
    expect(stale.body.message).toBe('Tiêu chí I.1: điểm vừa được người khác cập nhật (phiên bản 2, bạn sửa phiên bản 1). Dữ liệu mới nhất được gửi kèm; hãy xem lại rồi lưu tiếp.');
    // The same values under an old version are stale too, not "unchanged".
    expect((await put(url, { score: 12.5, note: 'sửa', version: 1 })).status).toBe(409);
    // A version the row never had, and clearing a row someone saved meanwhile.
    expect((await put(selfUrl(r, r.ids.hiza, 'I.2'), { passed: true, version: 4 })).body).toMatchObject({ code: 'stale_version', current: null });
    expect((await put(url, { version: 0 })).body).toMatchObject({ code: 'stale_version', current: { version: 2 } });
    expect(await audits()).toBe(n);
    expect((await t.ds.query('SELECT version, score::float8 AS score FROM score_entries WHERE id = $1', [saved.row.id]))[0]).toEqual({ version: 2, score: 12.5 });
  });

  it('the session read with the round is checked as the guard checks it: none, unknown, expired, archived, no CSRF token, wrong CSRF token', async () => {
    const url = selfUrl(r, r.ids.dukdn, 'I.1');
    const as = (s: { cookie: string; csrf: string }) => (target: string, body: object) => t.http().put(target).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send(body);
    const first = await signInRaw(t, r.acc.dukdn.officer);
    const [{ id: accountId }] = await t.ds.query('SELECT id FROM accounts WHERE email = $1', [r.acc.dukdn.officer]);
    const unknown = as({ cookie: `thidua_sid=${'0'.repeat(64)}`, csrf: 'x' });
    const n = await audits();
    // No session, an unknown one, an unknown one on a round that does not exist: 401 (never 404, never a write).
    expect((await t.http().put(url).send({ score: 1, version: 0 })).status).toBe(401);
    expect(await expectStatus(unknown(url, { score: 1, version: 0 }), 401)).toMatchObject({ code: 'unauthenticated' });
    const noRound = url.replace(r.round.id, '00000000-0000-4000-8000-000000000000');
    expect((await unknown(noRound, { score: 1, version: 0 })).status).toBe(401);
    // A real session: the missing round is 404.
    expect(await expectStatus(as(first)(noRound, { score: 1, version: 0 }), 404)).toMatchObject({ message: 'Không tìm thấy đợt chấm điểm.' });
    // CSRF: missing or wrong.
    expect(await expectStatus(t.http().put(url).set('Cookie', first.cookie).send({ score: 1, version: 0 }), 403)).toMatchObject({ code: 'csrf_failed' });
    expect(await expectStatus(as({ ...first, csrf: 'f'.repeat(64) })(url, { score: 1, version: 0 }), 403)).toMatchObject({ code: 'csrf_failed' });
    // Expired session, archived account.
    await t.ds.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [accountId]);
    expect((await as(first)(url, { score: 1, version: 0 })).status).toBe(401);
    const again = as(await signInRaw(t, r.acc.dukdn.officer));
    await t.ds.query('UPDATE accounts SET archived_at = now() WHERE id = $1', [accountId]);
    expect((await again(url, { score: 1, version: 0 })).status).toBe(401);
    await t.ds.query('UPDATE accounts SET archived_at = NULL WHERE id = $1', [accountId]);
    expect(await audits()).toBe(n);
    // Last use is still noted (once a minute), in the save's own statement.
    await t.ds.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE account_id = $1 AND expires_at > now()`, [accountId]);
    await expectStatus(again(url, { score: 1, version: 0 }), 200);
    const [{ fresh }] = await t.ds.query(`SELECT bool_and(last_seen_at > now() - interval '1 minute') AS fresh FROM sessions WHERE account_id = $1 AND expires_at > now()`, [accountId]);
    expect(fresh).toBe(true);
  });
});
