import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalidField } from '../../common/app-error';
import { AuditQueryDto, CheckpointDto, CheckpointPageDto, CheckpointQueryDto, DocumentProofDto, EntryProofDto, LedgerVerifyDto, ProofQueryDto, ProofsDto } from './dto/audit.dto';
import { AuditEntry } from './entities/audit-entry.entity';
import { checkpointSignatureValid, entryLeafHash, leafData, publicKeyPem } from './ledger';
import { verifyDocumentProof } from './ledger-proof';
import { LedgerKeys } from './ledger-keys';
import { checkpointHolding, checkpointPage, checkpointsAfter, countEntriesAfter, documentEntryRow, emQuery, ENTRY_COLUMNS, entryLeafRows, insertAuditEntry, latestCheckpointRow, ledgerTail, loadNodes, sealedLeafBatch, sealedLeafRows } from './ledger-data';
import { CheckpointRow, LedgerFault, LedgerVerifier } from './ledger-verify';
import { inclusionProof, inclusionProofIds, rootFromInclusionProof } from './merkle';

/** The audit entry that fixes a document: the newest with this action on this object (and, when given, whose `after` contains `after`). */
export interface DocumentEntry {
  action: string;
  entityType: string;
  entityId: string;
  after?: Record<string, string | number>;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  blockId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

type AuditActor = Pick<Actor, 'id' | 'fullName' | 'requestId'>;

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const VERIFY_BATCH = 20_000;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction: the change and its entry commit or fail together.
   * One INSERT that reads nothing and waits for no one; the sealer gives it its place in the ledger later.
   */
  async record(em: EntityManager, actor: AuditActor | null, input: AuditInput): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('audit.record must run inside a transaction');
    await insertAuditEntry(em, [new Date(), actor?.id ?? null, actor?.fullName ?? 'Hệ thống', input.action, input.entityType, input.entityId ?? null, input.blockId ?? null,
      json(input.before), json(input.after), input.reason ?? '', actor?.requestId ?? null]);
  }

  /**
   * The entry as a part of the caller's own statement, for a write that is one statement without a transaction
   * (the change and its entry still commit or fail together): `INSERT … SELECT … FROM from`, one entry per row of
   * `from`, whose `entityId` and `before` are SQL over that row. Parameters are numbered from `$first`.
   */
  entryFrom(from: string, first: number, actor: AuditActor, input: Omit<AuditInput, 'entityId' | 'before'> & { entityIdSql: string; beforeSql: string }): { sql: string; params: unknown[] } {
    const p = (i: number) => `$${first + i}`;
    return {
      sql: `INSERT INTO audit_entries (${ENTRY_COLUMNS})
            SELECT ${p(0)}::timestamptz, ${p(1)}::uuid, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ${input.entityIdSql}, ${p(5)}::uuid, ${input.beforeSql}, ${p(6)}::jsonb, ${p(7)}::text, ${p(8)}::text FROM ${from}`,
      params: [new Date(), actor.id, actor.fullName, input.action, input.entityType, input.blockId ?? null, json(input.after), input.reason ?? '', actor.requestId ?? null],
    };
  }

  async list(q: AuditQueryDto) {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    if (q.entityType) qb.andWhere('a.entityType = :t', { t: q.entityType });
    if (q.entityId) qb.andWhere('a.entityId = :e', { e: q.entityId });
    if (q.actorId) qb.andWhere('a.actorId = :ac', { ac: q.actorId });
    if (q.blockId) qb.andWhere('a.blockId = :b', { b: q.blockId });
    if (q.action) qb.andWhere('a.action LIKE :act', { act: `${q.action.replace(/[\\%_]/g, '\\$&')}%` });
    // Days as in Vietnam: from 00:00 of `from` to the end of `to`, Hà Nội time.
    if (q.from) qb.andWhere(`a.occurredAt >= (:from::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`, { from: q.from });
    if (q.to) qb.andWhere(`a.occurredAt < ((:to::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`, { to: q.to });
    const [rows, total] = await qb.orderBy('a.id', 'DESC').skip((q.page - 1) * q.pageSize).take(q.pageSize).getManyAndCount();
    const sealed = await this.sealedLeaves(this.ds.manager, rows.map((r) => r.id));
    return { items: rows.map((a) => toDto(a, sealed.get(a.id) ?? null)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The sealed position and leaf hash of each entry id that has one. */
  async sealedLeaves(em: EntityManager, ids: string[]): Promise<Map<string, { seq: number; hash: Buffer }>> {
    if (!ids.length) return new Map();
    const rows = await sealedLeafRows(em, ids);
    return new Map(rows.map((r) => [r.entryId, { seq: Number(r.seq), hash: r.hash }]));
  }
}

/** The ledger's read side: signed checkpoints, inclusion proofs and the full verification. */
@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly keys: LedgerKeys) {}

  /** The latest signed checkpoint, or null before the first seal. */
  async latestCheckpoint(em: EntityManager = this.ds.manager): Promise<CheckpointDto | null> {
    const cp = await latestCheckpointRow(em);
    return cp ? checkpointDto(cp) : null;
  }

  async checkpoints(q: CheckpointQueryDto): Promise<CheckpointPageDto> {
    const { rows, total } = await checkpointPage(this.ds.manager, (q.page - 1) * q.pageSize, q.pageSize);
    return { items: rows.map(checkpointDto), total, page: q.page, pageSize: q.pageSize, keyId: this.keys.keyId, publicKey: this.keys.publicKeyPem };
  }

  /**
   * The evidence that an entity's entries are in the ledger: for each entry (newest first, at most 50), its
   * sealed position, the leaf as hashed and the inclusion proof up to the latest signed checkpoint, each
   * checked here with the same pure functions anyone can run offline.
   */
  async proofs(q: ProofQueryDto): Promise<ProofsDto> {
    if (!q.entryId && !(q.entityType && q.entityId)) throw invalidField(q.entityType ? 'entityId' : 'entityType', 'Cần chọn một mục nhật ký hoặc một đối tượng (loại và mã).');
    const em = this.ds.manager;
    const rows = await entryLeafRows(em, q);
    const cp = await latestCheckpointRow(em);
    const key = cp ? this.keys.trusted.get(cp.keyId) : undefined;
    const signatureValid = !!cp && !!key && checkpointSignatureValid(cp, cp.signature, key);
    const entities = rows.length ? await this.ds.getRepository(AuditEntry).findBy({ id: In(rows.map((r) => r.id!)) }) : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    const entries: EntryProofDto[] = [];
    for (const r of rows) {
      const seq = r.seq === null ? null : Number(r.seq);
      const leaf = entryLeafHash(r);
      const inTree = seq !== null && !!cp && seq < cp.treeSize;
      const proof = inTree ? await this.proofPath(em, seq, cp.treeSize) : null;
      const entryMatchesSeal = !!r.sealedHash && leaf.equals(r.sealedHash);
      const proofValid = !!proof && !!cp && !!rootFromInclusionProof(seq!, cp.treeSize, leaf, proof)?.equals(cp.rootHash);
      entries.push({
        entry: toDto(byId.get(r.id!)!, r.sealedHash && seq !== null ? { seq, hash: r.sealedHash } : null),
        leafIndex: inTree ? seq : null,
        leafData: leafData(r),
        leafHash: leaf.toString('hex'),
        proof: proof?.map((p) => p.toString('hex')) ?? [],
        entryMatchesSeal, proofValid, ok: entryMatchesSeal && proofValid && signatureValid,
      });
    }
    return { checkpoint: cp ? checkpointDto(cp) : null, signatureValid, keyId: this.keys.keyId, publicKey: this.keys.publicKeyPem, entries };
  }

  /**
   * A document's ledger proof: the entry that fixed it, the checkpoint it was sealed under (the first whose
   * tree holds it, so the answer never changes) and the inclusion proof up to that checkpoint, checked here
   * with the pure function the browser runs too. While the entry awaits sealing it says so.
   */
  async documentProof(ref: DocumentEntry, em: EntityManager = this.ds.manager): Promise<DocumentProofDto> {
    const r = await documentEntryRow(em, ref);
    const none: DocumentProofDto = {
      status: 'none', message: 'Chưa có mục nhật ký nào ghi nhận văn bản này.', entryId: null, action: null, occurredAt: null, leafIndex: null,
      leafData: null, leafHash: null, sealedLeafHash: null, proof: [], checkpoint: null, publicKey: null, ok: null, problem: null,
    };
    if (!r) return none;
    const data = leafData(r);
    const entry = { ...none, entryId: r.id, action: r.action, occurredAt: r.occurred.toISOString(), leafData: data, leafHash: entryLeafHash(r).toString('hex'), sealedLeafHash: r.sealedHash?.toString('hex') ?? null };
    const cpRow = r.seq === null ? undefined : await checkpointHolding(em, r.seq);
    if (!cpRow) return { ...entry, status: 'pending', message: 'Đang chờ niêm phong: mục nhật ký đã ghi, sổ kiểm toán niêm phong trong giây lát.' };
    const seq = Number(r.seq);
    const { number, ...cp } = cpRow;
    const key = this.keys.trusted.get(cp.keyId);
    const proof = (await this.proofPath(em, seq, cp.treeSize))?.map((p) => p.toString('hex')) ?? null;
    const checkpoint = { ...checkpointDto(cp), number };
    const check = proof && key ? verifyDocumentProof({ leafIndex: seq, leafData: data, proof, checkpoint }, publicKeyPem(key)) : null;
    const problem = check ? check.problem : proof ? 'signature' : 'shape';
    return {
      ...entry, status: 'sealed', leafIndex: seq, proof: proof ?? [], checkpoint, publicKey: key ? publicKeyPem(key) : null, ok: !problem, problem,
      message: !problem ? `Đã niêm phong tại điểm niêm phong #${checkpoint.number}; bằng chứng khớp chữ ký.` : PROOF_MESSAGES[problem],
    };
  }

  private async proofPath(em: EntityManager, seq: number, size: number): Promise<Buffer[] | null> {
    const ids = inclusionProofIds(seq, size);
    try {
      const hashes = await loadNodes(emQuery(em), ids);
      const byId = new Map(ids.map((id, i) => [`${id.level}:${id.index}`, hashes[i]]));
      return inclusionProof(seq, size, (id) => byId.get(`${id.level}:${id.index}`)!);
    } catch {
      return null; // a stored subtree is missing: no proof can be given
    }
  }

  /**
   * Replays the whole ledger from its entries, in batches, and checks it against every signed checkpoint:
   * a forged or recomputed checkpoint, a gap, a removed or edited entry and a cut tail are each named.
   */
  async verify(): Promise<LedgerVerifyDto> {
    const v = new LedgerVerifier(this.keys.trusted);
    const q = emQuery(this.ds.manager);
    let cpAfter = 0;
    let cpDone = false;
    const fetchCheckpoints = async (): Promise<LedgerFault | null> => {
      const rows = await checkpointsAfter(q, cpAfter);
      if (rows.length < 1000) cpDone = true;
      if (rows.length) cpAfter = rows[rows.length - 1].treeSize;
      return v.addCheckpoints(rows);
    };
    let fault: LedgerFault | null = null;
    const batch = (after: number) => sealedLeafBatch(q, after, VERIFY_BATCH);
    // The next batch is read while this one is hashed.
    let next: ReturnType<typeof batch> | null = batch(-1);
    while (next && !fault) {
      const rows: Awaited<ReturnType<typeof batch>> = await next;
      next = rows.length === VERIFY_BATCH ? batch(Number(rows[rows.length - 1].seq)) : null;
      for (const r of rows) {
        if (!cpDone && !v.hasPending) fault = await fetchCheckpoints();
        fault ??= v.leaf(Number(r.seq), r.id === null ? null : r, r.sealedHash);
        if (fault) break;
      }
    }
    await next?.catch(() => undefined);
    // Every checkpoint beyond the last leaf is checked too: the latest names how many entries there must be.
    while (!fault && !cpDone) fault = await fetchCheckpoints();
    fault ??= v.finish();
    // Entries after the sealed tail, in the sealer's order (an index range, not a scan of the whole log).
    const tail = await ledgerTail(q);
    const n = await countEntriesAfter(q, tail);
    return {
      ok: !fault, checked: v.size, checkpoints: v.checkpoints, pending: n, problem: fault?.problem ?? null, message: fault ? faultMessage(fault) : null,
      seq: fault?.seq ?? null, brokenAtId: fault?.entryId ?? null, treeSize: fault?.treeSize ?? null,
    };
  }
}

function checkpointDto(c: CheckpointRow): CheckpointDto {
  return { treeSize: c.treeSize, rootHash: c.rootHash.toString('hex'), sealedAt: c.sealedAt, keyId: c.keyId, signature: c.signature.toString('base64') };
}

const PROOF_MESSAGES = {
  shape: 'Không dựng được đường chứng minh: sổ kiểm toán thiếu dữ liệu.',
  content: 'Mục nhật ký ghi nhận văn bản đã bị sửa sau khi niêm phong: không dẫn tới gốc đã ký.',
  signature: 'Chữ ký của điểm niêm phong không hợp lệ hoặc không do khóa đang tin cậy ký.',
} as const;

function faultMessage(f: LedgerFault): string {
  switch (f.problem) {
    case 'signature': return `Chữ ký của điểm niêm phong ${f.treeSize} mục không hợp lệ: điểm niêm phong bị giả mạo hoặc bị tính lại mà không có khóa ký.`;
    case 'gap': return `Dãy niêm phong bị hở ở vị trí ${f.seq}: có mục đã bị xóa khỏi sổ.`;
    case 'missing_entry': return `Mục nhật ký ở vị trí ${f.seq} đã bị xóa sau khi niêm phong.`;
    case 'content': return `Mục nhật ký #${f.entryId} (vị trí ${f.seq}) đã bị sửa sau khi niêm phong.`;
    case 'root': return `Cây băm dựng lại từ nhật ký không khớp điểm niêm phong đã ký ${f.treeSize} mục: nhật ký đã bị sửa và băm lại.`;
    case 'missing_tail': return `Điểm niêm phong đã ký ghi ${f.treeSize} mục nhưng sổ chỉ còn ${f.seq} mục: phần cuối nhật ký đã bị cắt.`;
  }
}

function toDto(a: AuditEntry, sealed: { seq: number; hash: Buffer } | null) {
  return {
    id: a.id, occurredAt: a.occurredAt.toISOString(), actorId: a.actorId, actorName: a.actorName, action: a.action,
    entityType: a.entityType, entityId: a.entityId, blockId: a.blockId, before: a.before, after: a.after, reason: a.reason, requestId: a.requestId,
    seq: sealed?.seq ?? null, hash: sealed ? sealed.hash.toString('hex') : null,
  };
}
