import type { EntityManager } from 'typeorm';
import type { RankingRowDto } from './dto/assessment.dto';

/**
 * The rounds module's SQL about finalised results: the signed snapshots (round_snapshots), the ranking rows kept
 * beside them (round_ranking_rows), and the name the annex is signed with.
 */

type Sql = Pick<EntityManager, 'query'>;

/** A snapshot with who finalised it, as the snapshot page shows it. */
export interface SnapshotRow {
  id: string;
  seq: number;
  finalisedAt: Date;
  finalisedBy: string | null;
  finalisedByName: string | null;
  ranking: RankingRowDto[];
  rowHashes: { id: string; sha256: string }[];
  digest: string;
  supersededAt: Date | null;
  reopenReason: string;
}

/** Every snapshot of the round, the latest first. */
export async function snapshotsOf(em: Sql, roundId: string): Promise<SnapshotRow[]> {
  return em.query(
    `SELECT s.id, s.seq, s.finalised_at AS "finalisedAt", s.finalised_by AS "finalisedBy", a.full_name AS "finalisedByName", s.ranking, s.row_hashes AS "rowHashes",
            s.digest, s.superseded_at AS "supersededAt", s.reopen_reason AS "reopenReason"
     FROM round_snapshots s LEFT JOIN accounts a ON a.id = s.finalised_by WHERE s.round_id = $1 ORDER BY s.seq DESC`, [roundId]);
}

/** The live snapshot's ranking and digest (not its row hashes: a large block has tens of thousands); undefined when none. */
export async function liveSnapshot(em: Sql, roundId: string): Promise<Pick<SnapshotRow, 'ranking' | 'digest'> | undefined> {
  const [s]: Pick<SnapshotRow, 'ranking' | 'digest'>[] = await em.query('SELECT ranking, digest FROM round_snapshots WHERE round_id = $1 AND superseded_at IS NULL', [roundId]);
  return s;
}

/** The digest of the latest snapshot (live or superseded); undefined when none. */
export async function latestSnapshotDigest(em: Sql, roundId: string): Promise<string | undefined> {
  const [s]: { digest: string }[] = await em.query('SELECT digest FROM round_snapshots WHERE round_id = $1 ORDER BY seq DESC LIMIT 1', [roundId]);
  return s?.digest;
}

/** The sequence number the round's next snapshot takes. */
export async function nextSnapshotSeq(em: Sql, roundId: string): Promise<number> {
  const [{ seq }]: { seq: number }[] = await em.query('SELECT coalesce(max(seq), 0) + 1 AS seq FROM round_snapshots WHERE round_id = $1', [roundId]);
  return seq;
}

/** A new snapshot; its id. */
export async function insertSnapshot(
  em: Sql, s: { roundId: string; seq: number; finalisedAt: Date; finalisedBy: string; ranking: readonly RankingRowDto[]; rowHashes: readonly { id: string; sha256: string }[]; digest: string },
): Promise<string> {
  const [snap]: { id: string }[] = await em.query(
    `INSERT INTO round_snapshots (round_id, seq, finalised_at, finalised_by, ranking, row_hashes, digest) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [s.roundId, s.seq, s.finalisedAt, s.finalisedBy, JSON.stringify(s.ranking), JSON.stringify(s.rowHashes), s.digest]);
  return snap.id;
}

/** The live snapshot, locked FOR UPDATE; undefined when none. */
export async function lockLiveSnapshot(em: Sql, roundId: string): Promise<{ id: string; seq: number; digest: string } | undefined> {
  const [snap]: { id: string; seq: number; digest: string }[] = await em.query(
    'SELECT id, seq, digest FROM round_snapshots WHERE round_id = $1 AND superseded_at IS NULL FOR UPDATE', [roundId]);
  return snap;
}

export async function supersedeSnapshot(em: Sql, id: string, accountId: string, reason: string): Promise<void> {
  await em.query('UPDATE round_snapshots SET superseded_at = now(), superseded_by = $2, reopen_reason = $3 WHERE id = $1', [id, accountId, reason]);
}

export async function deleteRankingRows(em: Sql, roundId: string): Promise<void> {
  await em.query('DELETE FROM round_ranking_rows WHERE round_id = $1', [roundId]);
}

export async function insertRankingRows(
  em: Sql, roundId: string, snapshotId: string, rows: readonly { unitId: string; rank: number; unitName: string; total: number }[],
): Promise<void> {
  await em.query(
    `INSERT INTO round_ranking_rows (round_id, snapshot_id, unit_id, rank, unit_name, total)
     SELECT $1, $2, r.unit_id, r.rank, r.unit_name, r.total FROM unnest($3::uuid[], $4::int[], $5::text[], $6::numeric[]) AS r(unit_id, rank, unit_name, total)`,
    [roundId, snapshotId, rows.map((r) => r.unitId), rows.map((r) => r.rank), rows.map((r) => r.unitName), rows.map((r) => r.total)]);
}

/** The name of the unit's head (its first active unit_head account), who signs the annex for the leader unit. */
export async function unitHeadName(em: Sql, unitId: string): Promise<string | undefined> {
  const [head]: { fullName: string }[] = await em.query(
    `SELECT full_name AS "fullName" FROM accounts WHERE unit_id = $1 AND role = 'unit_head' AND archived_at IS NULL ORDER BY created_at LIMIT 1`, [unitId]);
  return head?.fullName;
}
