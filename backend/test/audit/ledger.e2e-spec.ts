import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import { checkpointSignatureValid, signCheckpoint } from '../../src/modules/audit/ledger';
import { AuditService } from '../../src/modules/audit/audit.service';
import { LedgerKeys } from '../../src/modules/audit/ledger-keys';
import { LedgerSealer } from '../../src/modules/audit/ledger-sealer';
import { MerkleAppender, rootFromInclusionProof } from '../../src/modules/audit/merkle';
import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { createUnit, expectStatus, uniq } from '../factories';

type Row = Record<string, unknown>;

describe('the audit ledger', () => {
  let t: TestApp;
  let board: Client_;

  beforeAll(async () => {
    // The sealer runs only when a test asks (t.seal()), so every tampering below meets a ledger that holds still.
    t = await createTestApp({ env: { LEDGER_SEAL_INTERVAL_MS: '0' } });
    board = await t.as(DEMO.board);
    await t.seal();
  });
  afterAll(() => t.close());

  const verify = () => expectStatus(board.get('/api/audit/verify'), 200);
  /** Runs SQL as the owner with every trigger (the append-only ones, foreign keys) switched off: what someone with the database's keys can do. */
  const asOwner = async (fn: (q: (sql: string, p?: unknown[]) => Promise<Row[]>) => Promise<unknown>) => {
    await t.ds.transaction(async (em) => {
      await em.query('SET LOCAL session_replication_role = replica');
      await fn((sql, p) => em.query(sql, p));
    });
  };
  const count = async (sql: string) => Number((await t.ds.query(sql))[0].n);

  it('seals every entry: an intact ledger verifies against its signed checkpoints', async () => {
    const entries = await count('SELECT count(*) AS n FROM audit_entries');
    expect(entries).toBeGreaterThan(10);
    const checkpoints = await count('SELECT count(*) AS n FROM ledger_checkpoints');
    expect(await verify()).toEqual({ ok: true, checked: entries, checkpoints, pending: 0, problem: null, message: null, seq: null, brokenAtId: null, treeSize: null });
    const seqs = (await t.ds.query('SELECT seq::int AS seq FROM ledger_leaves ORDER BY seq')).map((r: Row) => r.seq);
    expect(seqs).toEqual([...Array(entries).keys()]);
  });

  it('a write appends its entry unsealed; the next seal gives it the next place and a newer signed checkpoint', async () => {
    const before = await count('SELECT max(tree_size) AS n FROM ledger_checkpoints');
    const unit = await createUnit(board);
    const [entry] = await t.ds.query(`SELECT a.id::text AS id, l.seq FROM audit_entries a LEFT JOIN ledger_leaves l ON l.entry_id = a.id WHERE a.entity_id = $1`, [unit.id]);
    expect(entry.seq).toBeNull();
    expect((await verify()).pending).toBe(1);
    await t.seal();
    const cps = await expectStatus(board.get('/api/audit/checkpoints?pageSize=2'), 200);
    expect(cps.items[0].treeSize).toBe(before + 1);
    expect(cps.total).toBeGreaterThanOrEqual(2);
    // Anyone holding the published public key checks a checkpoint without the server.
    const c = cps.items[0];
    const sig = Buffer.from(c.signature, 'base64');
    const cp = { treeSize: c.treeSize, rootHash: Buffer.from(c.rootHash, 'hex'), sealedAt: c.sealedAt };
    expect(checkpointSignatureValid(cp, sig, createPublicKey(cps.publicKey))).toBe(true);
    expect(checkpointSignatureValid({ ...cp, treeSize: cp.treeSize - 1 }, sig, createPublicKey(cps.publicKey))).toBe(false);
    expect((await board.get('/api/audit/checkpoints?pageSize=0')).status).toBe(400);
  });

  it('an open transaction holding an entry blocks no other write; it only holds back the sealing of entries after it', async () => {
    const qr = t.app.get(DataSource).createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await t.app.get(AuditService).record(qr.manager, null, { action: 'test.open', entityType: 'test', entityId: 'open' });
      const unit = await createUnit(board); // would wait on a shared lock until the open transaction ends
      await t.app.get(LedgerSealer).sealPending();
      const seqOf = async (entityId: string) => (await t.ds.query(`SELECT l.seq::int AS seq FROM audit_entries a LEFT JOIN ledger_leaves l ON l.entry_id = a.id WHERE a.entity_id = $1`, [entityId]))[0]?.seq;
      expect(await seqOf(unit.id)).toBeNull();
      await qr.commitTransaction();
      await t.seal();
      expect(await seqOf(unit.id)).toBe((await seqOf('open')) + 1);
    } finally {
      await qr.release();
    }
    expect((await verify()).ok).toBe(true);
    expect(await expectStatus(board.get('/api/audit/proofs?entityType=unit&entityId=none'), 200)).toMatchObject({ entries: [], signatureValid: true });
  });

  it("a document's entries carry an inclusion proof to the latest signed checkpoint, which fails once the entry is altered", async () => {
    const unit = await createUnit(board);
    await expectStatus(board.patch(`/api/units/${unit.id}`, { phone: '024 3825 1111', version: unit.version }), 200);
    await t.seal();
    const res = await expectStatus(board.get(`/api/audit/proofs?entityType=unit&entityId=${unit.id}`), 200);
    expect(res.signatureValid).toBe(true);
    expect(res.entries.map((e: Row) => [(e.entry as Row).action, e.ok])).toEqual([['unit.update', true], ['unit.create', true]]);
    // The proof checks offline: leaf + path → root of the signed checkpoint.
    const e = res.entries[0];
    const root = rootFromInclusionProof(e.leafIndex, res.checkpoint.treeSize, Buffer.from(e.leafHash, 'hex'), e.proof.map((p: string) => Buffer.from(p, 'hex')));
    expect(root?.toString('hex')).toBe(res.checkpoint.rootHash);

    const id = e.entry.id;
    await asOwner((q) => q(`UPDATE audit_entries SET after = '{"phone":"0000"}' WHERE id = $1`, [id]));
    const forged = await expectStatus(board.get(`/api/audit/proofs?entryId=${id}`), 200);
    expect(forged.entries[0]).toMatchObject({ entryMatchesSeal: false, proofValid: false, ok: false });
    expect(await verify()).toMatchObject({ ok: false, problem: 'content', brokenAtId: id, message: expect.stringContaining(`#${id}`) });
    await asOwner((q) => q(`UPDATE audit_entries SET after = $2 WHERE id = $1`, [id, JSON.stringify(e.entry.after)]));
    expect((await verify()).ok).toBe(true);

    for (const bad of ['entryId=abc', 'entryId=0', `entityType=${'x'.repeat(65)}&entityId=1`, 'entityType=unit', 'entryId=1%00']) {
      const r = await board.get(`/api/audit/proofs?${bad}`);
      expect(r.status).toBe(400);
      expect(r.body.fields).toBeDefined();
    }
  });

  describe('tampering by hand as the owner is named', () => {
    it('an edited actor_name (every column is sealed)', async () => {
      const [{ id, actor_name: name }] = await t.ds.query('SELECT id::text AS id, actor_name FROM audit_entries ORDER BY id LIMIT 1 OFFSET 5');
      await asOwner((q) => q(`UPDATE audit_entries SET actor_name = 'Người khác' WHERE id = $1`, [id]));
      const r = await verify();
      expect(r).toMatchObject({ ok: false, problem: 'content', brokenAtId: id });
      expect(r.message).toBe(`Mục nhật ký #${id} (vị trí ${r.seq}) đã bị sửa sau khi niêm phong.`);
      await asOwner((q) => q('UPDATE audit_entries SET actor_name = $2 WHERE id = $1', [id, name]));
      expect((await verify()).ok).toBe(true);
    });

    it('an edited entry with its leaf and every tree hash recomputed: the root no longer matches; checkpoints re-rooted to match fail their signature', async () => {
      const [victim] = await t.ds.query(`SELECT a.id::text AS id, a.reason, l.seq::int AS seq, l.hash FROM audit_entries a JOIN ledger_leaves l ON l.entry_id = a.id ORDER BY l.seq LIMIT 1 OFFSET 3`);
      const originals: { leaves: Row[]; nodes: Row[]; cps: Row[] } = {
        leaves: await t.ds.query('SELECT seq, hash FROM ledger_leaves'), nodes: await t.ds.query('SELECT level, idx, hash FROM ledger_nodes'),
        cps: await t.ds.query('SELECT tree_size, root_hash FROM ledger_checkpoints'),
      };
      await asOwner((q) => q(`UPDATE audit_entries SET reason = 'sửa lén' WHERE id = $1`, [victim.id]));
      // Recompute the leaf from the public recipe, then the whole tree, as an attacker without the key would.
      const { entryLeafHash, LEAF_SELECT } = await import('../../src/modules/audit/ledger');
      const [row] = await t.ds.query(`SELECT ${LEAF_SELECT} FROM audit_entries a WHERE a.id = $1`, [victim.id]);
      await asOwner((q) => q('UPDATE ledger_leaves SET hash = $2 WHERE seq = $1', [victim.seq, entryLeafHash(row)]));
      expect(await verify()).toMatchObject({ ok: false, problem: 'root' });
      const leaves: Buffer[] = (await t.ds.query('SELECT hash FROM ledger_leaves ORDER BY seq')).map((r: Row) => r.hash);
      const sizes: number[] = (await t.ds.query('SELECT tree_size::int AS n FROM ledger_checkpoints ORDER BY tree_size')).map((r: Row) => r.n);
      const tree = new MerkleAppender();
      const nodes: { level: number; index: number; hash: Buffer }[] = [];
      const roots = new Map<number, Buffer>();
      for (const leaf of leaves) {
        nodes.push(...tree.append(leaf));
        if (sizes.includes(tree.size)) roots.set(tree.size, tree.root());
      }
      await asOwner(async (q) => {
        for (const n of nodes) await q('UPDATE ledger_nodes SET hash = $3 WHERE level = $1 AND idx = $2', [n.level, n.index, n.hash]);
        for (const [size, root] of roots) await q('UPDATE ledger_checkpoints SET root_hash = $2 WHERE tree_size = $1', [size, root]);
      });
      const r = await verify();
      expect(r).toMatchObject({ ok: false, problem: 'signature' });
      expect(r.message).toContain('Chữ ký của điểm niêm phong');
      await asOwner(async (q) => {
        await q('UPDATE audit_entries SET reason = $2 WHERE id = $1', [victim.id, victim.reason]);
        for (const l of originals.leaves) await q('UPDATE ledger_leaves SET hash = $2 WHERE seq = $1', [l.seq, l.hash]);
        for (const n of originals.nodes) await q('UPDATE ledger_nodes SET hash = $3 WHERE level = $1 AND idx = $2', [n.level, n.idx, n.hash]);
        for (const c of originals.cps) await q('UPDATE ledger_checkpoints SET root_hash = $2 WHERE tree_size = $1', [c.tree_size, c.root_hash]);
      });
      expect((await verify()).ok).toBe(true);
    });

    it('a gap in the sequence, and an entry removed from under its sealed place', async () => {
      const [leaf] = await t.ds.query('SELECT seq::int AS seq, entry_id, hash FROM ledger_leaves ORDER BY seq LIMIT 1 OFFSET 7');
      await asOwner((q) => q('DELETE FROM ledger_leaves WHERE seq = $1', [leaf.seq]));
      expect(await verify()).toMatchObject({ ok: false, problem: 'gap', seq: leaf.seq, message: `Dãy niêm phong bị hở ở vị trí ${leaf.seq}: có mục đã bị xóa khỏi sổ.` });
      await asOwner((q) => q('INSERT INTO ledger_leaves (seq, entry_id, hash) VALUES ($1, $2, $3)', [leaf.seq, leaf.entry_id, leaf.hash]));
      // to_jsonb keeps every column exactly (timestamps to the microsecond) for putting the row back.
      const [{ j: entry }] = await t.ds.query('SELECT to_jsonb(a) AS j FROM audit_entries a WHERE id = $1', [leaf.entry_id]);
      await asOwner((q) => q('DELETE FROM audit_entries WHERE id = $1', [leaf.entry_id]));
      expect(await verify()).toMatchObject({ ok: false, problem: 'missing_entry', seq: leaf.seq });
      await asOwner((q) => q(`INSERT INTO audit_entries OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::audit_entries, $1)`, [JSON.stringify(entry)]));
      expect((await verify()).ok).toBe(true);
    });

    it('a cut tail: the latest signed checkpoint says how many entries there must be', async () => {
      const tail: Row[] = await t.ds.query('SELECT l.seq, l.hash, l.entry_id FROM ledger_leaves l ORDER BY l.seq DESC LIMIT 3');
      const entries: Row[] = (await t.ds.query('SELECT to_jsonb(a) AS j FROM audit_entries a WHERE id = ANY($1::bigint[])', [tail.map((l) => l.entry_id)])).map((r: Row) => r.j);
      const size = await count('SELECT count(*) AS n FROM ledger_leaves');
      await asOwner(async (q) => {
        await q('DELETE FROM ledger_leaves WHERE seq >= $1', [size - 3]);
        await q('DELETE FROM audit_entries WHERE id = ANY($1::bigint[])', [tail.map((l) => l.entry_id)]);
      });
      const r = await verify();
      expect(r).toMatchObject({ ok: false, problem: 'missing_tail', treeSize: size, seq: size - 3 });
      expect(r.message).toBe(`Điểm niêm phong đã ký ghi ${size} mục nhưng sổ chỉ còn ${size - 3} mục: phần cuối nhật ký đã bị cắt.`);
      await asOwner(async (q) => {
        for (const e of entries) await q(`INSERT INTO audit_entries OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::audit_entries, $1)`, [JSON.stringify(e)]);
        for (const l of tail) await q('INSERT INTO ledger_leaves (seq, entry_id, hash) VALUES ($1, $2, $3)', [l.seq, l.entry_id, l.hash]);
      });
      expect((await verify()).ok).toBe(true);
    });

    it('a forged checkpoint signed with another key', async () => {
      const size = await count('SELECT max(tree_size) AS n FROM ledger_checkpoints');
      const other = generateKeyPairSync('ed25519').privateKey;
      const keyId = t.app.get(LedgerKeys).keyId;
      const forged = { treeSize: size + 1, rootHash: Buffer.alloc(32, 7), sealedAt: new Date().toISOString() };
      await t.ds.query('INSERT INTO ledger_checkpoints (tree_size, root_hash, sealed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)',
        [forged.treeSize, forged.rootHash, forged.sealedAt, keyId, signCheckpoint(forged, other)]);
      expect(await verify()).toMatchObject({ ok: false, problem: 'signature', treeSize: size + 1 });
      await asOwner((q) => q('DELETE FROM ledger_checkpoints WHERE tree_size = $1', [size + 1]));
      expect((await verify()).ok).toBe(true);
    });
  });

  describe('least privilege', () => {
    it("the app's role cannot update or delete ledger rows, switch off triggers or set session_replication_role", async () => {
      const app = t.app.get(DataSource);
      const [{ id }] = await app.query('SELECT id FROM audit_entries ORDER BY id LIMIT 1');
      await expect(app.query(`UPDATE audit_entries SET reason = 'x' WHERE id = $1`, [id])).rejects.toThrow(/permission denied for table audit_entries/);
      await expect(app.query('DELETE FROM audit_entries WHERE id = $1', [id])).rejects.toThrow(/permission denied for table audit_entries/);
      await expect(app.query('TRUNCATE ledger_leaves')).rejects.toThrow(/permission denied/);
      for (const table of ['ledger_leaves', 'ledger_nodes', 'ledger_checkpoints']) {
        await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(new RegExp(`permission denied for table ${table}`));
      }
      await expect(app.query('UPDATE ledger_checkpoints SET key_id = key_id')).rejects.toThrow(/permission denied/);
      await expect(app.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied to set parameter "session_replication_role"/);
      await expect(app.query('ALTER TABLE audit_entries DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner of table audit_entries/);
      const [me] = await app.query(`SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
      expect(me).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
      expect(await app.query(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`)).toEqual([]);
      // Even the owner meets the append-only triggers unless it switches them off.
      await expect(t.ds.query(`UPDATE ledger_checkpoints SET key_id = key_id`)).rejects.toThrow(/ledger_checkpoints is append-only/);
    });

    it('every column of audit_entries goes into the sealed leaf', async () => {
      const { HASHED_COLUMNS } = await import('../../src/modules/audit/ledger');
      const cols = (await t.ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_entries'`)).map((r: Row) => r.column_name);
      expect([...cols].sort()).toEqual([...HASHED_COLUMNS].sort());
    });
  });

  it('a sealer killed mid-batch seals nothing of it; the next run seals every entry once', async () => {
    for (let i = 0; i < 5; i++) await createUnit(board);
    const sealer = t.app.get(LedgerSealer);
    const kill = async () => {
      await t.ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'thidua-ledger-sealer' AND datname = current_database()`);
      await new Promise((r) => setTimeout(r, 50));
    };
    // The horizon is the whole server's: while another test file's transaction is open, nothing is sealable
    // yet (0) and the kill is never reached; try until a batch is there to be killed.
    let outcome: unknown = 0;
    for (let i = 0; i < 150 && outcome === 0; i++) {
      outcome = await sealer.sealPending({ beforeCommit: kill }).catch((e: unknown) => e);
      if (outcome === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(outcome).toBeInstanceOf(Error);
    expect((await verify()).pending).toBeGreaterThanOrEqual(5);
    await t.seal();
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
    expect(await count('SELECT count(*) AS n FROM ledger_leaves')).toBe(await count('SELECT count(*) AS n FROM audit_entries'));
  });

  it('a ledger longer than one verification batch is checked against every checkpoint', async () => {
    for (let i = 0; i < 3; i++) {
      await t.ds.query(`INSERT INTO audit_entries (occurred_at, actor_name, action, entity_type, entity_id, after)
        SELECT now(), 'Hệ thống', 'test.bulk', 'test', i::text, jsonb_build_object('i', i) FROM generate_series(1, 9000) i`);
    }
    await t.seal();
    const checkpoints = await count('SELECT count(*) AS n FROM ledger_checkpoints');
    expect(checkpoints).toBeGreaterThanOrEqual(6);
    expect(await verify()).toMatchObject({ ok: true, checked: await count('SELECT count(*) AS n FROM audit_entries'), checkpoints, pending: 0 });
  });
});

describe('two backend processes on one database', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('a burst of writes through both: one sealer at a time, every entry sealed exactly once, in one order, without a gap', async () => {
    t = await createTestApp({ env: { LEDGER_SEAL_INTERVAL_MS: '100' } });
    const app2 = await createApp(t.app.get<AppConfig>(APP_CONFIG), { logger: false });
    await app2.init();
    try {
      const signIn = async (server: unknown) => {
        const res = await request(server as never).post('/api/auth/sign-in').send({ email: DEMO.board, password: DEMO_PASSWORD });
        return { cookie: ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '), csrf: res.body.csrfToken as string };
      };
      const servers = [t.app.getHttpServer(), app2.getHttpServer()];
      const sessions = await Promise.all(servers.map(signIn));
      const results = await Promise.all([...Array(60).keys()].map((i) => {
        const s = sessions[i % 2];
        return request(servers[i % 2]).post('/api/units').set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf).send({ name: `Đơn vị dồn dập ${uniq()}`, shortName: `DD ${uniq()}` });
      }));
      expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
      const sealers = [t.app.get(LedgerSealer), app2.get(LedgerSealer)];
      const deadline = Date.now() + 30_000;
      const pending = async () => Number((await t.ds.query('SELECT count(*) AS n FROM audit_entries a WHERE NOT EXISTS (SELECT 1 FROM ledger_leaves l WHERE l.entry_id = a.id)'))[0].n);
      while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await pending()).toBe(0);
      expect(sealers.filter((s) => s.isSealer)).toHaveLength(1);
      const [{ n, distinct, max }] = await t.ds.query('SELECT count(*)::int AS n, count(DISTINCT entry_id)::int AS distinct, max(seq)::int AS max FROM ledger_leaves');
      expect(n).toBe(Number((await t.ds.query('SELECT count(*) AS n FROM audit_entries'))[0].n));
      expect(distinct).toBe(n);
      expect(max).toBe(n - 1);
      // One order: by the inserting transaction, then id.
      const order = (await t.ds.query('SELECT l.seq::int AS seq FROM ledger_leaves l JOIN audit_entries a ON a.id = l.entry_id ORDER BY a.xid, a.id')).map((r: Row) => r.seq);
      expect(order).toEqual([...Array(n).keys()]);
      const board = await t.as(DEMO.board);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toMatchObject({ ok: true, checked: n, pending: 0 });
      // The sealer's process goes away: the other takes over.
      const holder = sealers.findIndex((s) => s.isSealer);
      if (holder === 1) await app2.close();
      else await t.app.get(LedgerSealer).onModuleDestroy();
      const survivor = sealers[1 - holder];
      await createUnit(board);
      const until = Date.now() + 30_000;
      while ((await pending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(survivor.isSealer).toBe(true);
      expect(await expectStatus(board.get('/api/audit/verify'), 200)).toMatchObject({ ok: true, checked: n + 1, pending: 0 });
    } finally {
      await app2.close().catch(() => undefined);
    }
  });
});
