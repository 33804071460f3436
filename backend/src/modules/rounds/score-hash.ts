/**
 * Hashes that make finalised results checkable: one SHA-256 per score row, and the snapshot's digest over
 * the ranking and every row hash. Pure.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

/** The fields of a score row that a hash covers (everything that could be argued about). */
export interface HashedScoreRow {
  id: string;
  roundId: string;
  unitId: string;
  criterionId: string;
  source: string;
  scorerUnitId: string;
  score: number | null;
  passed: boolean | null;
  count: number | null;
  actual: number | null;
  items: Record<string, number> | null;
  note: string;
  version: number;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function scoreRowHash(r: HashedScoreRow): string {
  const { id, roundId, unitId, criterionId, source, scorerUnitId, score, passed, count, actual, items, note, version } = r;
  return sha256(canonicalJson({ id, roundId, unitId, criterionId, source, scorerUnitId, score, passed, count, actual, items, note, version }));
}

export interface SnapshotBody {
  roundId: string;
  seq: number;
  finalisedAt: string;
  finalisedBy: string | null;
  ranking: unknown;
  /** Row id → SHA-256, sorted by id. */
  rowHashes: { id: string; sha256: string }[];
}

export const snapshotDigest = (s: SnapshotBody): string => sha256(canonicalJson(s));

/** Rows whose hash changed, rows missing now, rows added since. */
export function compareRowHashes(recorded: readonly { id: string; sha256: string }[], current: readonly { id: string; sha256: string }[]) {
  const now = new Map(current.map((r) => [r.id, r.sha256]));
  const then = new Map(recorded.map((r) => [r.id, r.sha256]));
  return {
    changed: recorded.filter((r) => now.has(r.id) && now.get(r.id) !== r.sha256).map((r) => r.id),
    missing: recorded.filter((r) => !now.has(r.id)).map((r) => r.id),
    added: current.filter((r) => !then.has(r.id)).map((r) => r.id),
  };
}
