/**
 * Wrapping a ballot's secret key for the time the ballot is open: AES-256-GCM under the server's wrap key
 * (config BALLOT_WRAP_KEY / BALLOT_KEY_FILE, never in the database), bound to the ballot id so a wrapped
 * key moved to another ballot does not open. Pure apart from the random IV.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export function wrapBallotKey(secretKey: string, wrapKey: Buffer, ballotId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapKey, iv);
  cipher.setAAD(Buffer.from(`ballot:${ballotId.toLowerCase()}`));
  const body = Buffer.concat([cipher.update(secretKey, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
}

/** The secret key; throws when the wrap key or the ballot is not the one it was wrapped for. */
export function unwrapBallotKey(wrapped: string, wrapKey: Buffer, ballotId: string): string {
  const [version, data] = wrapped.split(':');
  if (version !== VERSION || !data) throw new Error('unknown wrapped key format');
  const raw = Buffer.from(data, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', wrapKey, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`ballot:${ballotId.toLowerCase()}`));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}
