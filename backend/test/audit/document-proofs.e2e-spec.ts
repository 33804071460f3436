import { AuditService } from '../../src/modules/audit/audit.service';
import { verifyDocumentProof } from '../../src/modules/audit/ledger-proof';
import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { docxText, pdfText } from '../drafts/doc-text';
import { expectStatus } from '../factories';
import { download } from '../rounds/helpers';

interface Doc {
  name: string;
  /** The proof's URL under /api. */
  proof: string;
  /** The document's .docx, which ends with the seal line. */
  file: string;
  action: string;
  entityId: string;
}

describe('a document carries its ledger proof', () => {
  let t: TestApp;
  let leader: Client_;
  let outsider: Client_;
  let docs: Doc[];

  beforeAll(async () => {
    // The sealer runs only when a test asks (t.seal()), so a tampered entry meets a ledger that holds still.
    t = await createTestApp({ env: { LEDGER_SEAL_INTERVAL_MS: '0' } });
    leader = await t.as(DEMO.leaderOfficer);
    outsider = await t.as(DEMO.otherBlockOfficer);
    await t.seal();
    // The demo's documents of the leader officer's block: a finalised round, a covenant in force, a signed tally record, a submitted dossier.
    const [{ block_id: blockId }] = await t.ds.query(
      `SELECT y.block_id FROM block_years y JOIN accounts a ON a.unit_id = y.leader_unit_id WHERE a.email = $1 ORDER BY y.year DESC LIMIT 1`, [DEMO.leaderOfficer]);
    const entity = async (action: string): Promise<string> => {
      const [r] = await t.ds.query('SELECT entity_id FROM audit_entries WHERE action = $1 AND block_id = $2 ORDER BY id DESC LIMIT 1', [action, blockId]);
      if (!r) throw new Error(`the demo has no ${action} in the block`);
      return r.entity_id;
    };
    const round = await entity('round.finalise');
    const covenant = await entity('covenant.in_force');
    const series = await entity('ballot.tally_record_sign');
    const proposal = await entity('proposal.submit');
    docs = [
      { name: 'finalised ranking', proof: `/api/rounds/${round}/snapshot/ledger-proof`, file: `/api/rounds/${round}/ranking/export?format=pdf`, action: 'round.finalise', entityId: round },
      { name: 'signed covenant', proof: `/api/covenants/${covenant}/ledger-proof`, file: `/api/covenants/${covenant}/export?format=docx`, action: 'covenant.in_force', entityId: covenant },
      { name: 'tally record', proof: `/api/ballots/${series}/tally-record/ledger-proof`, file: `/api/ballots/${series}/tally-record/export?format=docx`, action: 'ballot.tally_record_sign', entityId: series },
      { name: 'dossier', proof: `/api/proposals/${proposal}/ledger-proof`, file: `/api/proposals/${proposal}/documents/letter?format=docx`, action: 'proposal.submit', entityId: proposal },
    ];
  });
  afterAll(() => t.close());

  /** The text of a document's file, whitespace folded. */
  const fileText = async (url: string): Promise<string> => {
    const f = await download(leader, url);
    expect(f.status).toBe(200);
    return (url.includes('format=pdf') ? await pdfText(f.body) : await docxText(f.body)).replace(/\s+/g, ' ');
  };

  it('each document: its entry, the checkpoint it was sealed under and a path that leads to its signed root, checked again here', async () => {
    for (const d of docs) {
      const p = await expectStatus(leader.get(d.proof), 200);
      expect({ doc: d.name, status: p.status, ok: p.ok, problem: p.problem, action: p.action }).toEqual({ doc: d.name, status: 'sealed', ok: true, problem: null, action: d.action });
      expect(JSON.parse(p.leafData)).toContain(d.entityId);
      expect(p.leafHash).toBe(p.sealedLeafHash);
      // The checkpoint it was sealed under: the first whose tree holds the entry.
      const [first] = await t.ds.query('SELECT tree_size::int AS n, encode(root_hash, \'hex\') AS root FROM ledger_checkpoints WHERE tree_size > $1 ORDER BY tree_size LIMIT 1', [p.leafIndex]);
      expect(p.checkpoint).toMatchObject({ treeSize: first.n, rootHash: first.root });
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM ledger_checkpoints WHERE tree_size <= $1', [first.n]);
      expect(p.checkpoint.number).toBe(n);
      expect(verifyDocumentProof(p, p.publicKey)).toMatchObject({ ok: true, root: first.root });
    }
  });

  it("each document's file ends with the checkpoint it was sealed under", async () => {
    for (const d of [...docs, { ...docs[2], file: docs[2].file.replace('docx', 'pdf') }]) {
      const p = await expectStatus(leader.get(d.proof), 200);
      const text = await fileText(d.file);
      expect({ file: d.file, has: text.includes(`Niêm phong trong sổ kiểm toán: điểm kiểm #${p.checkpoint.number}, gốc ${p.checkpoint.rootHash.slice(0, 4)} ${p.checkpoint.rootHash.slice(4, 8)}`) }).toEqual({ file: d.file, has: true });
      expect(text).toMatch(/điểm kiểm #\d+, gốc [0-9a-f ]+…, lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\./);
    }
  });

  it('a unit outside the block sees none of them; ids that are not ids are refused by name', async () => {
    for (const d of docs) expect([403, 404]).toContain((await outsider.get(d.proof)).status);
    for (const bad of ['abc', '1', '9'.repeat(5000), 'a%00b', `${docs[0].entityId}%00`]) {
      for (const url of ['/api/rounds/X/snapshot/ledger-proof', '/api/covenants/X/ledger-proof', '/api/ballots/X/tally-record/ledger-proof', '/api/proposals/X/ledger-proof']) {
        expect({ url, bad, status: (await leader.get(url.replace('X', bad))).status }).toEqual({ url, bad, status: 400 });
      }
    }
    expect((await leader.get('/api/covenants/00000000-0000-4000-8000-000000000000/ledger-proof')).status).toBe(404);
  });

  it('a newer entry awaiting the sealer says so instead of failing; once sealed it verifies', async () => {
    const d = docs[3];
    await t.ds.transaction((em) => t.app.get(AuditService).record(em, null, { action: d.action, entityType: 'proposal', entityId: d.entityId, after: { status: 'submitted' } }));
    const p = await expectStatus(leader.get(d.proof), 200);
    expect(p).toMatchObject({ status: 'pending', checkpoint: null, ok: null, proof: [] });
    expect(p.message).toContain('Đang chờ niêm phong');
    expect(await fileText(d.file)).toContain('Niêm phong trong sổ kiểm toán: chưa niêm phong.');
    await t.seal();
    expect(await expectStatus(leader.get(d.proof), 200)).toMatchObject({ status: 'sealed', ok: true });
  });

  it('fails, on the server and in the check anyone runs, once its entry is altered by the database owner', async () => {
    for (const d of docs) {
      const before = await expectStatus(leader.get(d.proof), 200);
      await t.ds.transaction(async (em) => {
        await em.query('SET LOCAL session_replication_role = replica');
        await em.query(`UPDATE audit_entries SET reason = reason || '.' WHERE id = $1`, [before.entryId]);
      });
      const after = await expectStatus(leader.get(d.proof), 200);
      expect({ doc: d.name, ok: after.ok, problem: after.problem }).toEqual({ doc: d.name, ok: false, problem: 'content' });
      expect(after.message).toContain('đã bị sửa');
      expect(verifyDocumentProof(after, after.publicKey).problem).toBe('content');
      // The proof as it was still verifies: the checkpoint and path are unchanged, only the entry moved.
      expect(verifyDocumentProof(before, before.publicKey).ok).toBe(true);
    }
  });
});
