import { randomBytes } from 'node:crypto';
import { unwrapBallotKey, wrapBallotKey } from './ballot-keys';
import { generateKeyPair } from './crypto/paper-crypto';

describe('ballot key wrapping', () => {
  const wrapKey = randomBytes(32);
  const ballot = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
  const { secretKey } = generateKeyPair();

  it('unwraps with the same wrap key and ballot; the wrapped form does not contain the key', () => {
    const w = wrapBallotKey(secretKey, wrapKey, ballot);
    expect(w).not.toContain(secretKey);
    expect(Buffer.from(w.slice(3), 'base64').toString('hex')).not.toContain(secretKey);
    expect(unwrapBallotKey(w, wrapKey, ballot.toUpperCase())).toBe(secretKey);
    expect(wrapBallotKey(secretKey, wrapKey, ballot)).not.toBe(w);
  });

  it('refuses another wrap key, another ballot, or a changed byte', () => {
    const w = wrapBallotKey(secretKey, wrapKey, ballot);
    expect(() => unwrapBallotKey(w, randomBytes(32), ballot)).toThrow();
    expect(() => unwrapBallotKey(w, wrapKey, '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b')).toThrow();
    const raw = Buffer.from(w.slice(3), 'base64');
    raw[20] ^= 1;
    expect(() => unwrapBallotKey(`v1:${raw.toString('base64')}`, wrapKey, ballot)).toThrow();
  });
});
