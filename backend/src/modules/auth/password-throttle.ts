import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, RetryLaterError } from '../../common/app-error';
import { countFailures, credentialsById, deleteThrottleKey, deleteThrottleKeys, pruneThrottle, setThrottleWaits, throttleWaitSeconds } from './auth-data';
import { verifyPassword } from './password';
import { THROTTLE_WINDOW_MS, throttleDelayMs, throttleKeys } from './throttle-rule';

type Queryable = Pick<EntityManager, 'query'>;

/** First wait (ms) once a key is past its allowance; set from SIGN_IN_DELAY_MS when the app boots. */
let baseDelayMs = 1000;
export const setThrottleBaseDelay = (ms: number) => {
  baseDelayMs = ms;
};

const throttled = (seconds: number) =>
  new RetryLaterError(seconds, 'too_many_attempts', `Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${seconds} giây.`);

/**
 * The wrong-password rule of `throttle-rule.ts`, stored in `sign_in_throttle` so every backend process
 * sees the same counts. Refuses with 429 while any of the (e-mail, address) keys is waiting.
 */
export async function assertNotThrottled(db: Queryable, email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address).map((k) => k.key);
  const wait = await throttleWaitSeconds(db, keys);
  if (wait !== null && wait > 0) throw throttled(wait);
}

/** Counts one wrong password against every key and sets each key's wait. */
export async function recordPasswordFailure(db: Queryable, email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address);
  const rows = await countFailures(db, keys.map((k) => k.key), THROTTLE_WINDOW_MS / 1000);
  const waits = rows.map((r) => ({ key: r.key, ms: throttleDelayMs(r.failures, keys.find((k) => k.key === r.key)!.kind, baseDelayMs) })).filter((w) => w.ms > 0);
  if (waits.length) await setThrottleWaits(db, waits);
  await pruneThrottle(db, THROTTLE_WINDOW_MS / 1000);
}

/** A right password forgets the failures of this account from this address (the wider keys keep theirs). */
export async function clearPasswordFailures(db: Queryable, email: string, address: string): Promise<void> {
  await deleteThrottleKey(db, throttleKeys(email, address)[0].key);
}

/** Forgets every failure counted against an account (an administrator set a new password). */
export async function forgetAccountFailures(db: Queryable, email: string): Promise<void> {
  const [aa, , ac] = throttleKeys(email, '');
  await deleteThrottleKeys(db, ac.key, `${aa.key.slice(0, -1).replace(/[\\%_]/g, '\\$&')}|%`);
}

/** Checks a re-entered password of a signed-in account under the throttle; true when right. */
export async function checkOwnPassword(ds: DataSource, actor: Pick<Actor, 'id' | 'address'>, password: string): Promise<boolean> {
  const account = await credentialsById(ds, actor.id);
  if (!account) throw new AppError(401, 'unauthenticated', 'Phiên đăng nhập không hợp lệ.');
  const address = actor.address ?? '';
  await assertNotThrottled(ds, account.email, address);
  if (await verifyPassword(account.passwordHash, password)) return true;
  await recordPasswordFailure(ds, account.email, address);
  return false;
}

/** A re-entered password (e.g. to sign): 400 `invalid_password` naming the field when wrong, 429 while throttled. */
export async function confirmPassword(ds: DataSource, actor: Pick<Actor, 'id' | 'address'>, password: string): Promise<void> {
  if (!(await checkOwnPassword(ds, actor, password))) {
    throw new AppError(400, 'invalid_password', 'Mật khẩu xác nhận không đúng. Vui lòng nhập lại mật khẩu đăng nhập của bạn.', { password: 'không đúng' });
  }
}
