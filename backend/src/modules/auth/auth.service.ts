import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, notFound, unauthorized } from '../../common/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MeDto, SessionDto } from './dto/auth.dto';
import { Session } from './entities/session.entity';
import { credentialsByEmail, endSessionByPublicId, endSessionsOf, pruneSessions, seatsOfUnit, sessionCsrfToken, unitName } from './auth-data';
import { PERMISSIONS_OF, type PermissionsOf } from './permissions';
import { DUMMY_HASH, verifyPassword } from './password';
import { admit, readSession, SessionRow, tokenHash } from './session-claim';
import { assertNotThrottled, clearPasswordFailures, recordPasswordFailure, setThrottleBaseDelay } from './password-throttle';


/** Live sessions one account may hold; signing in once more ends the oldest. */
export const MAX_SESSIONS_PER_ACCOUNT = 10;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PERMISSIONS_OF) private readonly permissionsOf: PermissionsOf,
  ) {
    setThrottleBaseDelay(config.signInDelayMs);
  }

  /**
   * Checks the password under the wrong-password throttle (`password-throttle.ts`). A missing or archived
   * account is answered exactly like a wrong password, after the same argon2 work and the same counting.
   */
  async signIn(email: string, password: string, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: Session }> {
    await assertNotThrottled(this.ds, email, meta.ip);
    const account = await credentialsByEmail(this.ds, email.trim().toLowerCase());
    const usable = !!account && !account.archived;
    const right = await verifyPassword(usable ? account.passwordHash : DUMMY_HASH, password);
    if (!usable || !right) {
      await recordPasswordFailure(this.ds, email, meta.ip);
      throw new AppError(401, 'invalid_credentials', 'Email hoặc mật khẩu không đúng.');
    }
    await clearPasswordFailures(this.ds, email, meta.ip);
    return this.ds.transaction(async (em) => {
      const token = randomBytes(32).toString('base64url');
      const session = em.getRepository(Session).create({
        id: tokenHash(token), accountId: account.id, csrfToken: randomBytes(32).toString('hex'),
        expiresAt: new Date(Date.now() + this.config.sessionTtlHours * 3600_000), ip: meta.ip.slice(0, 64), userAgent: meta.userAgent.slice(0, 500),
      });
      await em.save(session);
      await pruneSessions(em, account.id, MAX_SESSIONS_PER_ACCOUNT);
      return { token, session };
    });
  }

  async signOut(actor: Actor): Promise<void> {
    await this.ds.getRepository(Session).delete({ id: actor.sessionId });
  }

  /** Resolves a cookie token to the signed-in actor and the session's CSRF token; notes when it was last used (once a minute). */
  async resolve(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const row = await this.session(tokenHash(token));
    return row ? { actor: admit(row, { tokenHash: row.sid, csrfSent: null, address: '' }), csrfToken: row.csrf_token } : null;
  }

  /** The live session of a token hash with its account, or null (see `sessionCtes`). */
  async session(hash: string): Promise<SessionRow | null> {
    return readSession(this.ds, hash);
  }

  async me(actor: Actor): Promise<MeDto> {
    const csrfToken = await sessionCsrfToken(this.ds, actor.sessionId);
    if (csrfToken === null) throw unauthorized();
    const name = actor.unitId ? await unitName(this.ds, actor.unitId) : null;
    const seats = actor.unitId ? await seatsOfUnit(this.ds, actor.unitId) : [];
    return { id: actor.id, fullName: actor.fullName, email: actor.email, role: actor.role, unitId: actor.unitId, unitName: name, csrfToken, seats, permissions: this.permissionsOf(actor) };
  }

  /** The account's live sessions, newest first; the one making the request is marked. */
  async listSessions(actor: Actor): Promise<SessionDto[]> {
    const rows: Session[] = await this.ds.getRepository(Session).createQueryBuilder('s')
      .where('s.accountId = :id AND s.expiresAt > now()', { id: actor.id }).orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'DESC').getMany();
    return rows.map((s) => ({
      id: s.publicId, userAgent: s.userAgent, ip: s.ip, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(), current: s.id === actor.sessionId,
    }));
  }

  /** Ends one of the account's own sessions (the current one too: that is signing out). */
  async endSession(actor: Actor, publicId: string): Promise<void> {
    const affected = await endSessionByPublicId(this.ds, actor.id, publicId);
    if (!affected) throw notFound('Không tìm thấy phiên đăng nhập.');
  }

  /** Ends every session of the account except the one making the request. */
  async endOtherSessions(actor: Actor): Promise<{ ended: number }> {
    return { ended: await endSessionsOf(this.ds, actor.id, actor.sessionId) };
  }
}
