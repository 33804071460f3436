import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import { Account } from '../accounts/entities/account.entity';
import type { AuditService } from '../audit/audit.service';
import { verifyPassword } from './password';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * The lock-out rule, shared by signing in and every act that re-asks the password (signing the covenant):
 * after MAX_FAILED_SIGN_INS wrong answers in a row the account is locked for LOCK_MINUTES.
 * Returns null when the password is right, 'wrong', or a 423 error; counters are updated in `em`.
 */
export async function checkPasswordTx(em: EntityManager, audit: AuditService, account: Account, password: string, now: Date): Promise<AppError | 'wrong' | null> {
  if (account.lockedUntil && account.lockedUntil > now) {
    return new AppError(423, 'account_locked', `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutesLeft(account.lockedUntil, now)} phút.`);
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    const failed = account.failedSignIns + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await em.update(Account, account.id, { failedSignIns: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : account.lockedUntil });
    if (!lock) return 'wrong';
    await audit.record(em, null, { action: 'account.lock', entityType: 'account', entityId: account.id, reason: `Nhập sai mật khẩu ${MAX_FAILED_SIGN_INS} lần liên tiếp` });
    return new AppError(423, 'account_locked', `Tài khoản tạm khóa ${LOCK_MINUTES} phút do nhập sai mật khẩu ${MAX_FAILED_SIGN_INS} lần.`);
  }
  if (account.failedSignIns || account.lockedUntil) await em.update(Account, account.id, { failedSignIns: 0, lockedUntil: null });
  return null;
}

/** A re-entered password (e.g. to sign): 400 `invalid_password` naming the field when wrong, 423 when locked. */
export async function confirmPassword(ds: DataSource, audit: AuditService, accountId: string, password: string): Promise<void> {
  const refused = await ds.transaction(async (em) => {
    const account = await em.getRepository(Account).createQueryBuilder('a').addSelect('a.passwordHash')
      .where('a.id = :id', { id: accountId }).setLock('pessimistic_write').getOne();
    if (!account) return new AppError(401, 'unauthorized', 'Phiên đăng nhập không hợp lệ.');
    return checkPasswordTx(em, audit, account, password, new Date());
  });
  if (refused === 'wrong') {
    throw new AppError(400, 'invalid_password', 'Mật khẩu xác nhận không đúng. Vui lòng nhập lại mật khẩu đăng nhập của bạn.', { password: 'không đúng' });
  }
  if (refused) throw refused;
}
