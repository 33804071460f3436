import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { checkpointNote } from './ledger-proof';
import { leafHash } from './merkle';

/**
 * Pure: what a ledger leaf and a signed checkpoint are made of.
 *
 * Every column of audit_entries goes into its leaf, read back as PostgreSQL's own text form (jsonb's output
 * is canonical; timestamps to the microsecond), so what is sealed is exactly what is stored.
 */
export const HASHED_COLUMNS = ['id', 'xid', 'occurred_at', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'block_id', 'before', 'after', 'reason', 'request_id'] as const;
export type LeafRow = Record<(typeof HASHED_COLUMNS)[number], string | null>;

/** The SELECT list that reads an audit_entries row (alias a) as a LeafRow. */
export const LEAF_SELECT = `a.id::text AS id, a.xid::text AS xid,
  to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  a.actor_id::text AS actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.block_id::text AS block_id,
  a.before::text AS before, a.after::text AS after, a.reason, a.request_id`;

/**
 * v1: the twelve columns the table had first. v2 adds request_id (the HTTP request that wrote the entry).
 * An entry without a request id (sealed before the column existed, or written by a background job) keeps
 * the v1 form, so leaves sealed before stay valid; the version tag keeps the two forms apart.
 */
const V1_COLUMNS = HASHED_COLUMNS.filter((c) => c !== 'request_id');

export function leafData(row: LeafRow): string {
  if (row.request_id === null || row.request_id === undefined) return JSON.stringify(['thidua-audit-v1', ...V1_COLUMNS.map((c) => row[c] ?? null)]);
  return JSON.stringify(['thidua-audit-v2', ...HASHED_COLUMNS.map((c) => row[c] ?? null)]);
}

export const entryLeafHash = (row: LeafRow): Buffer => leafHash(leafData(row));

export interface Checkpoint {
  treeSize: number;
  rootHash: Buffer;
  /** ISO 8601, milliseconds. */
  sealedAt: string;
}

/** The bytes a checkpoint's signature covers (a signed note in the manner of Go's sumdb / Trillian). */
export function checkpointMessage(c: Checkpoint): Buffer {
  return Buffer.from(checkpointNote(c), 'utf8');
}

export const signCheckpoint = (c: Checkpoint, key: KeyObject): Buffer => sign(null, checkpointMessage(c), key);

export function checkpointSignatureValid(c: Checkpoint, signature: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointMessage(c), publicKey, signature);
  } catch {
    return false;
  }
}

/** A short name for a public key: the first 16 hex digits of SHA-256 over its SPKI DER. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** The public key as PEM (what docs/ and the audit page show). */
export const publicKeyPem = (publicKey: KeyObject): string => publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** An Ed25519 private key from PEM or from base64 of its PKCS#8 DER; throws on anything else. */
export function parseSigningKey(text: string): KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/** An Ed25519 public key from PEM or from base64 of its SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----') ? createPublicKey(t) : createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}
