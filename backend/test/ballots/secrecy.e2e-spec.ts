/**
 * The forensic test of issue 15: after a real ballot of five units, the attack that linked 6 of 6 voters to
 * their papers is repeated with everything PostgreSQL holds — every live row of every table with its xmin
 * and ctid, every tuple on every data page (old and dead versions included, through pageinspect), and the
 * audit log — and finds no way from a voter to a choice: no choice in the clear anywhere, the papers are
 * ciphertexts, and neither the ballot's secret key nor the server's wrap key is anywhere in the database
 * or in the write-ahead log written during the ballot (pg_walinspect).
 * Then: what the database refuses, and that an acknowledged paper is committed and a failed one leaves
 * nothing.
 */
import { ristretto255 } from '@noble/curves/ed25519';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../../src/config/config';
import { unwrapBallotKey } from '../../src/modules/ballots/ballot-keys';
import { decryptSum, sumPapers, type EncryptedPaper } from '../../src/modules/ballots/crypto/paper-crypto';
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { ballotYear, BallotYear, castPaper, openBallot, paperFor, yearEndConference, type UnitKey } from './helpers';

let t: TestApp;
let y: BallotYear;
let ballot: any;
let secretKey: string;
/** The write-ahead log from before the ballot opened to after it closed. */
let wal: { from: string; to: string };
/** Casting order and what each unit approved (unit keys). city_merit: candidates lhp and hiza, quota 2. */
const CAST: [UnitKey, UnitKey[]][] = [['dukdh', ['lhp']], ['lhp', ['hiza']], ['dukcq', ['lhp', 'hiza']], ['hiza', []], ['dukdn', ['hiza']]];
const receipts = new Map<UnitKey, string>();

beforeAll(async () => {
  t = await createTestApp();
  y = await ballotYear(t);
  const conf = (await yearEndConference(y)).id;
  const [{ lsn: from }] = await t.ds.query('SELECT pg_current_wal_lsn()::text AS lsn');
  ballot = await openBallot(y, conf, 'city_merit');
  expect(ballot).toMatchObject({ quota: 2, candidates: [{ unitId: y.ids.lhp }, { unitId: y.ids.hiza }] });
  // What the server alone can do while the ballot is open: unwrap the key with its wrap key. The test keeps
  // it to show below that it is nowhere in the database afterwards.
  const [k] = await t.ds.query('SELECT wrapped FROM ballot_keys WHERE ballot_id = $1', [ballot.id]);
  secretKey = unwrapBallotKey(k.wrapped, wrapKey(), ballot.id);
  for (const [voter, approvals] of CAST) {
    const res = await expectStatus(castPaper(await y.head(voter), ballot.id, approvals.map((a) => y.ids[a])), 201);
    receipts.set(voter, res.receipt);
  }
  await expectStatus(y.leader.post(`/api/ballots/${ballot.id}/close`), 200);
  const [{ lsn: to }] = await t.ds.query('SELECT pg_current_wal_lsn()::text AS lsn');
  wal = { from, to };
}, 120_000);
afterAll(async () => { await t.close(); });

const wrapKey = () => t.app.get<AppConfig>(APP_CONFIG).ballotWrapKey!;
const asciiHex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
/** A uuid as PostgreSQL stores it on the page: 16 raw bytes. */
const uuidHex = (id: string) => id.replace(/-/g, '');

interface Dump {
  /** Every live row of every table as JSON text, with its table, xmin and ctid. */
  rows: { table: string; xmin: string; ctid: string; row: string }[];
  /** Every tuple on every heap page of every table (live, old, dead), its data as hex. */
  tuples: { table: string; xmin: string; xmax: string; data: string }[];
}

/** What an attacker holding the database reads. */
async function dump(): Promise<Dump> {
  await t.ds.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const tables: { name: string }[] = await t.ds.query(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`);
  const out: Dump = { rows: [], tuples: [] };
  for (const { name } of tables) {
    const rows: { xmin: string; ctid: string; row: string }[] = await t.ds.query(`SELECT xmin::text AS xmin, ctid::text AS ctid, to_jsonb(x)::text AS row FROM "${name}" x`);
    out.rows.push(...rows.map((r) => ({ table: name, ...r })));
    const [{ pages }] = await t.ds.query(`SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`, [name]);
    for (let p = 0; p < pages; p++) {
      const tuples: { xmin: string; xmax: string; data: string | null }[] = await t.ds.query(
        `SELECT t_xmin::text AS xmin, t_xmax::text AS xmax, encode(t_data, 'hex') AS data FROM heap_page_items(get_raw_page($1, $2))`, [name, p]);
      out.tuples.push(...tuples.filter((x) => x.data).map((x) => ({ table: name, xmin: x.xmin, xmax: x.xmax, data: x.data! })));
    }
  }
  return out;
}

let db: Dump;
beforeAll(async () => { db = await dump(); }, 120_000);

describe('an attacker with the whole database', () => {
  it('finds one voter row and one paper row per unit, and no older version of either', () => {
    const voters = db.rows.filter((r) => r.table === 'ballot_voters' && r.row.includes(ballot.id));
    const papers = db.rows.filter((r) => r.table === 'ballot_papers' && r.row.includes(ballot.id));
    expect([voters.length, papers.length]).toEqual([5, 5]);
    // Insert-only: on the pages, the paper tuples are exactly the live ones, none updated or deleted.
    const paperTuples = db.tuples.filter((x) => x.table === 'ballot_papers' && x.data.includes(uuidHex(ballot.id)));
    expect(paperTuples).toHaveLength(5);
    for (const x of paperTuples) expect(x.xmax).toBe('0');
  });

  it('the xmin link of the old attack now reaches only a ciphertext; nothing readable names a choice', () => {
    const voters = db.rows.filter((r) => r.table === 'ballot_voters' && r.row.includes(ballot.id));
    const papers = db.rows.filter((r) => r.table === 'ballot_papers' && r.row.includes(ballot.id));
    // Voter row and paper row are written in one transaction (exactly one paper per voter, never lost), so
    // they share an xmin: the attacker links each voter to a paper row, as the threat model states…
    const linked = voters.map((v) => papers.find((p) => p.xmin === v.xmin));
    expect(linked.every(Boolean)).toBe(true);
    // …and that row holds ciphertexts and proofs only: no candidate id, no approval, no count.
    const candidateIds = [y.ids.lhp, y.ids.hiza];
    for (const p of papers) {
      const row = JSON.parse(p.row);
      expect(Object.keys(row).sort()).toEqual(['ballot_id', 'id', 'paper', 'receipt']);
      expect(Object.keys(row.paper).sort()).toEqual(['choices', 'quotaProof']);
      for (const id of candidateIds) expect(JSON.stringify(row.paper)).not.toContain(id);
      // Stripped of its field names, a paper is hex and punctuation only.
      expect(JSON.stringify(row.paper).replace(/"(choices|a|b|proof|c|s|quotaProof)":/g, '')).toMatch(/^[{}[\]",0-9a-f]*$/);
    }
    // Same approval, different ciphertexts: dukdh and dukcq both approved lhp, yet no value repeats
    // between any two papers (each encryption uses fresh randomness).
    const values = papers.flatMap((p) => JSON.parse(p.row).paper.choices.flatMap((c: any) => [c.a, c.b]));
    expect(new Set(values).size).toBe(values.length);
    // The paper rows carry no time, and their ids are random (version 4), not ordered by casting.
    for (const p of papers) expect(JSON.parse(p.row).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });

  it('the ballot secret key is nowhere: not in a live row, an old version, or any 32-byte value stored anywhere', () => {
    const [x] = db.rows.filter((r) => r.table === 'ballot_keys' && r.row.includes(ballot.id));
    expect(x).toBeUndefined();
    const all = [...db.rows.map((r) => r.row), ...db.tuples.map((x) => Buffer.from(x.data, 'hex').toString('latin1'))].join('\n');
    expect(all).not.toContain(secretKey);
    expect(all).not.toContain(Buffer.from(secretKey, 'hex').toString('latin1'));
    // The attacker tries every 64-hex string the database holds as the secret key: none opens the box.
    const G = ristretto255.Point.BASE;
    const n = ristretto255.Point.Fn.ORDER;
    const candidates = new Set(all.match(/[0-9a-f]{64}/g) ?? []);
    expect(candidates.size).toBeGreaterThan(20);
    for (const hex of candidates) {
      const v = BigInt(`0x${Buffer.from(hex, 'hex').reverse().toString('hex')}`);
      if (v === 0n || v >= n) continue;
      expect(G.multiply(v).toHex() === ballot.publicKey).toBe(false);
    }
  });

  it('the wrapped key left a dead tuple when it was destroyed; it does not open without the wrap key, which is nowhere in the database', () => {
    const dead = db.tuples.filter((x) => x.table === 'ballot_keys' && x.data.includes(uuidHex(ballot.id)));
    expect(dead).toHaveLength(1);
    expect(dead[0].xmax).not.toBe('0');
    const wrapped = Buffer.from(dead[0].data, 'hex').toString('latin1').match(/v1:[A-Za-z0-9+/=]+/)![0];
    expect(() => unwrapBallotKey(wrapped, Buffer.alloc(32, 1), ballot.id)).toThrow();
    const all = [...db.rows.map((r) => r.row), ...db.tuples.map((x) => x.data)].join('\n');
    const key = wrapKey();
    for (const form of [key.toString('hex'), key.toString('base64'), asciiHex(key.toString('base64')), asciiHex(key.toString('hex'))]) expect(all).not.toContain(form);
  });

  it('the write-ahead log of the whole ballot holds neither key', async () => {
    await t.ds.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect');
    const blocks: { data: string }[] = await t.ds.query(
      `SELECT encode(coalesce(block_data, ''::bytea), 'hex') || encode(coalesce(block_fpi_data, ''::bytea), 'hex') AS data FROM pg_get_wal_block_info($1::pg_lsn, $2::pg_lsn)`, [wal.from, wal.to]);
    const log = blocks.map((b) => b.data).join('');
    // The papers went through the log (the test can see them), the keys never did.
    const [paper] = db.rows.filter((r) => r.table === 'ballot_papers' && r.row.includes(ballot.id));
    expect(log).toContain(asciiHex(JSON.parse(paper.row).receipt));
    const key = wrapKey();
    for (const form of [asciiHex(secretKey), secretKey, key.toString('hex'), asciiHex(key.toString('base64')), asciiHex(key.toString('hex'))]) expect(log).not.toContain(form);
  });

  it('the audit log says which unit voted, never a receipt, a ciphertext or a choice', () => {
    const entries = db.rows.filter((r) => r.table === 'audit_entries' && r.row.includes(ballot.id));
    const votes = entries.map((r) => JSON.parse(r.row)).filter((e) => e.action === 'ballot.vote');
    expect(votes).toHaveLength(5);
    for (const e of votes) expect(e.after).toEqual({ unitId: expect.any(String) });
    const papers = db.rows.filter((r) => r.table === 'ballot_papers' && r.row.includes(ballot.id)).map((r) => JSON.parse(r.row));
    const text = entries.map((r) => r.row).join('\n');
    for (const p of papers) {
      expect(text).not.toContain(p.receipt);
      expect(text).not.toContain(p.paper.choices[0].a);
    }
  });

  it('the published counts are right, and only the server held the key that gives them', () => {
    const papers: EncryptedPaper[] = db.rows.filter((r) => r.table === 'ballot_papers' && r.row.includes(ballot.id)).map((r) => JSON.parse(r.row).paper);
    const counts = sumPapers(papers, 2).map((s) => decryptSum({ ballotId: ballot.id, publicKey: ballot.publicKey }, secretKey, s, 5).count);
    // lhp: dukdh, dukcq; hiza: lhp, dukcq, dukdn.
    expect(counts).toEqual([2, 3]);
  });

  it('each unit finds its receipt in the published list; the list is alphabetical, not in casting order', async () => {
    const result = await expectStatus((await y.head('lhp')).get(`/api/ballots/${ballot.id}/result`), 200);
    expect(result.receipts).toEqual([...receipts.values()].sort());
    expect(result.receipts).toEqual([...result.receipts].sort());
  });
});

describe('the database refuses what the service never does', () => {
  const refused = async (sql: string, params: unknown[] = []) => {
    await expect(t.ds.query(sql, params)).rejects.toThrow();
  };

  it('a cast paper cannot be changed, removed or truncated; a key cannot be replaced', async () => {
    await refused(`UPDATE ballot_papers SET paper = paper WHERE ballot_id = $1`, [ballot.id]);
    await refused(`DELETE FROM ballot_papers WHERE ballot_id = $1`, [ballot.id]);
    await refused('TRUNCATE ballot_papers, ballot_voters');
    await refused('TRUNCATE ballot_keys');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM ballot_papers WHERE ballot_id = $1', [ballot.id]))[0].n).toBe(5);
  });

  it('no paper without its voter, no voter without a paper, none after closing, no copy of a paper', async () => {
    const y2 = await ballotYear(t);
    const c = await yearEndConference(y2);
    const b = await openBallot(y2, c.id, 'city_merit');
    const [acc] = await t.ds.query('SELECT id FROM accounts WHERE email = $1', [y2.acc.lhp.head]);
    const paper = JSON.stringify(paperFor(b, []));
    // Each alone fails at commit.
    await refused(`INSERT INTO ballot_papers (id, ballot_id, paper, receipt) VALUES (gen_random_uuid(), $1, $2, repeat('a', 64))`, [b.id, paper]);
    await refused('INSERT INTO ballot_voters (ballot_id, unit_id, voted_by) VALUES ($1,$2,$3)', [b.id, y2.ids.lhp, acc.id]);
    // The same paper twice.
    const res = await expectStatus(castPaper(await y2.head('lhp'), b.id, [y2.ids.lhp]), 201);
    const [stored] = await t.ds.query('SELECT paper FROM ballot_papers WHERE ballot_id = $1', [b.id]);
    const again = await expectStatus((await y2.head('hiza')).post(`/api/ballots/${b.id}/votes`, { paper: stored.paper }), 400);
    expect(again).toMatchObject({ code: 'paper_replayed', fields: { paper: expect.any(String) } });
    expect(res.receipt).toMatch(/^[0-9a-f]{64}$/);
    // A key for a closed ballot, or destroyed before the count.
    await refused(`DELETE FROM ballot_keys WHERE ballot_id = $1`, [b.id]);
    await refused(`INSERT INTO ballot_keys (ballot_id, wrapped) VALUES ($1, 'v1:x')`, [ballot.id]);
    await refused(`INSERT INTO ballot_papers (id, ballot_id, paper, receipt) VALUES (gen_random_uuid(), $1, $2, repeat('b', 64))`, [ballot.id, paper]);
  });
});

describe('exactly once, never lost', () => {
  it('an acknowledged paper is committed (another connection sees it at once); a failed cast leaves nothing', async () => {
    const y2 = await ballotYear(t);
    const c = await yearEndConference(y2);
    const b = await openBallot(y2, c.id, 'city_merit');
    const other = new Client({ connectionString: (t.ds.options as { url: string }).url });
    await other.connect();
    try {
      const count = async () => (await other.query('SELECT (SELECT count(*) FROM ballot_voters WHERE ballot_id = $1)::int AS v, (SELECT count(*) FROM ballot_papers WHERE ballot_id = $1)::int AS p', [b.id])).rows[0];
      // The paper insert fails inside the casting transaction: the voter row goes with it.
      await t.ds.query(`CREATE FUNCTION fail_paper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
      await t.ds.query(`CREATE TRIGGER tr_fail_paper BEFORE INSERT ON ballot_papers FOR EACH ROW EXECUTE FUNCTION fail_paper()`);
      const failed = await castPaper(await y2.head('lhp'), b.id, [y2.ids.lhp]);
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(await count()).toEqual({ v: 0, p: 0 });
      await t.ds.query('DROP TRIGGER tr_fail_paper ON ballot_papers');
      await t.ds.query('DROP FUNCTION fail_paper()');
      // Retried: accepted, and committed before the answer.
      await expectStatus(castPaper(await y2.head('lhp'), b.id, [y2.ids.lhp]), 201);
      expect(await count()).toEqual({ v: 1, p: 1 });
      // Two casts of one unit at once: one paper.
      const head = await y2.head('hiza');
      const twice = await Promise.all([castPaper(head, b.id, []), castPaper(head, b.id, [y2.ids.hiza])]);
      expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await count()).toEqual({ v: 2, p: 2 });
    } finally {
      await other.end();
    }
  });
});
