import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, invalidField, unauthorized } from '../../common/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Account } from '../accounts/entities/account.entity';
import { AuditService } from '../audit/audit.service';
import { MeDto } from './dto/auth.dto';
import { checkPasswordTx } from './lockout';
import { Session } from './entities/session.entity';
import { hashPassword, passwordProblem, verifyPassword } from './password';


const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password under the lock-out rule of `lockout.ts`. */
  async signIn(email: string, password: string, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: Session }> {
    const bad = () => new AppError(401, 'invalid_credentials', 'Email hoặc mật khẩu không đúng.');
    const outcome = await this.ds.transaction(async (em) => {
      const account = await em.getRepository(Account).createQueryBuilder('a').addSelect('a.passwordHash')
        .where('a.email = :email', { email: email.trim().toLowerCase() }).setLock('pessimistic_write').getOne();
      if (!account || account.archivedAt) {
        await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$ZmFrZWZha2VmYWtlZmFrZWZha2VmYWtlZmFrZQ', password);
        return { error: bad() };
      }
      const now = new Date();
      const refused = await checkPasswordTx(em, this.audit, account, password, now);
      if (refused) return { error: refused === 'wrong' ? bad() : refused };
      const token = randomBytes(32).toString('base64url');
      const session = em.getRepository(Session).create({
        id: sha256(token), accountId: account.id, csrfToken: randomBytes(32).toString('hex'),
        expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3600_000), ip: meta.ip.slice(0, 64), userAgent: meta.userAgent.slice(0, 500),
      });
      await em.save(session);
      return { token, session };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome;
  }

  async signOut(actor: Actor): Promise<void> {
    await this.ds.getRepository(Session).delete({ id: actor.sessionId });
  }

  /** Resolves a cookie token to the signed-in actor and the session's CSRF token. */
  async resolve(token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
    const [row] = await this.ds.query(
      `SELECT s.id AS sid, s.csrf_token, a.id, a.role, a.unit_id, a.full_name, a.email
       FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.id = $1 AND s.expires_at > now() AND a.archived_at IS NULL`, [sha256(token)]);
    if (!row) return null;
    return { actor: { id: row.id, role: row.role, unitId: row.unit_id, fullName: row.full_name, email: row.email, sessionId: row.sid }, csrfToken: row.csrf_token };
  }

  async me(actor: Actor): Promise<MeDto> {
    const [session] = await this.ds.query('SELECT csrf_token FROM sessions WHERE id = $1', [actor.sessionId]);
    if (!session) throw unauthorized();
    const [unit] = actor.unitId ? await this.ds.query('SELECT name FROM units WHERE id = $1', [actor.unitId]) : [];
    const seats = actor.unitId ? await this.ds.query(
      `SELECT y.id AS "blockYearId", b.id AS "blockId", b.name AS "blockName", y.year,
              CASE WHEN y.leader_unit_id = $1 THEN 'leader' ELSE 'deputy' END AS seat
       FROM block_years y JOIN blocks b ON b.id = y.block_id
       WHERE y.leader_unit_id = $1 OR y.deputy_unit_id = $1 ORDER BY y.year DESC`, [actor.unitId]) : [];
    return { id: actor.id, fullName: actor.fullName, email: actor.email, role: actor.role, unitId: actor.unitId, unitName: unit?.name ?? null, csrfToken: session.csrf_token, seats };
  }

  /** Re-checks the current password; other sessions of the account are signed out. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const problem = passwordProblem(next);
    if (problem) throw invalidField('newPassword', problem);
    await this.ds.transaction(async (em) => {
      const account = await em.getRepository(Account).createQueryBuilder('a').addSelect('a.passwordHash').where('a.id = :id', { id: actor.id }).setLock('pessimistic_write').getOneOrFail();
      if (!(await verifyPassword(account.passwordHash, current))) throw invalidField('currentPassword', 'không đúng', 'wrong_password');
      await em.update(Account, actor.id, { passwordHash: await hashPassword(next) });
      await em.query('DELETE FROM sessions WHERE account_id = $1 AND id <> $2', [actor.id, actor.sessionId]);
      await this.audit.record(em, actor, { action: 'account.change_password', entityType: 'account', entityId: actor.id });
    });
  }
}
