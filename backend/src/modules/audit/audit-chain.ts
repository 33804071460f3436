import { createHash } from 'node:crypto';

/** Pure: the audit chain's hashing and verification. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  blockId: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  prevHash: string;
}

/** JSON with object keys sorted, so equal values always hash equally (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(f: ChainFields): string {
  const { id, occurredAt, actorId, action, entityType, entityId, blockId, before, after, reason, prevHash } = f;
  return createHash('sha256')
    .update(canonicalJson({ id, occurredAt, actorId, action, entityType, entityId, blockId, before: before ?? null, after: after ?? null, reason, prevHash }))
    .digest('hex');
}

export interface ChainRow extends ChainFields {
  hash: string;
}

/** The first row whose link or content does not match, or null when the chain is intact. */
export function firstBrokenLink(rows: ChainRow[], startPrevHash = GENESIS_HASH): { id: string; problem: 'link' | 'content' } | null {
  let prev = startPrevHash;
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, problem: 'link' };
    if (entryHash(row) !== row.hash) return { id: row.id, problem: 'content' };
    prev = row.hash;
  }
  return null;
}
