import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { passwordProblem } from '@thidua/rules';
import { hashPassword, verifyPassword } from '../auth/password';
import { endSessionsOf } from '../auth/auth-data';
import { checkOwnPassword, forgetAccountFailures } from '../auth/password-throttle';
import { accountPage, type AccountRow, emailTaken, findAccount, passwordHashOf, unitForAccount } from './accounts-data';
import { AccountsPolicy } from './accounts.policy';
import { AccountDto, AccountPageDto, AccountQueryDto, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { Account } from './entities/account.entity';

@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  /** The board sees every account; a unit's people see their own unit's accounts. */
  async list(actor: Actor, q: AccountQueryDto): Promise<AccountPageDto> {
    let unitId: string | null | undefined;
    if (!isCityWide(actor)) {
      if (q.unitId && q.unitId !== actor.unitId) throw forbidden('Bạn chỉ được xem tài khoản của đơn vị mình.');
      unitId = actor.unitId;
    } else if (q.unitId) unitId = q.unitId;
    const { rows, total } = await accountPage(this.ds.manager, {
      unitId, role: q.role, includeArchived: q.includeArchived, namePattern: q.q ? likePattern(q.q) : undefined, page: q.page, pageSize: q.pageSize,
    });
    return { items: rows.map((r) => toDto(r, actor)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: Actor, id: string): Promise<AccountDto> {
    const row = await findAccount(this.ds.manager, id);
    if (!row) throw notFound('Không tìm thấy tài khoản.');
    if (!isCityWide(actor) && row.unitId !== actor.unitId) throw forbidden('Bạn chỉ được xem tài khoản của đơn vị mình.');
    return toDto(row, actor);
  }

  async create(actor: Actor, dto: CreateAccountDto): Promise<AccountDto> {
    const id = await this.ds.transaction((em) => this.createIn(em, actor, dto));
    return this.get(actor, id);
  }

  /** Creates an account inside the caller's transaction (also used by the import). */
  async createIn(em: EntityManager, actor: Actor, dto: CreateAccountDto): Promise<string> {
    AccountsPolicy.assertCanManage(actor, dto.role);
    AccountsPolicy.unitFor(dto.role, dto.unitId);
    const problem = passwordProblem(dto.password);
    if (problem) throw invalidField('password', problem);
    const { password, ...account } = dto;
    return this.createHashedIn(em, actor, account, await hashPassword(password));
  }

  /**
   * Creates an account whose password is already hashed, inside the caller's transaction: the demo loader (a null
   * actor, the system) gives its accounts one shared hash. An actor is checked as in `createIn`.
   */
  async createHashedIn(em: EntityManager, actor: Actor | null, dto: Omit<CreateAccountDto, 'password'>, passwordHash: string): Promise<string> {
    if (actor) AccountsPolicy.assertCanManage(actor, dto.role);
    const unitId = AccountsPolicy.unitFor(dto.role, dto.unitId);
    if (unitId) await this.assertUnitUsable(em, unitId);
    if (await emailTaken(em, dto.email)) throw conflict('duplicate_email', `Email ${dto.email} đã có tài khoản.`, { email: 'đã có tài khoản' });
    const account = await em.save(em.getRepository(Account).create({
      fullName: dto.fullName, email: dto.email, role: dto.role, unitId, title: dto.title ?? '', passwordHash,
    }));
    await this.audit.record(em, actor, { action: 'account.create', entityType: 'account', entityId: account.id, after: { fullName: dto.fullName, email: dto.email, role: dto.role, unitId, title: account.title } });
    return account.id;
  }

  async update(actor: Actor, id: string, dto: UpdateAccountDto): Promise<AccountDto> {
    await this.ds.transaction(async (em) => {
      const account = await this.lockAccount(em, id);
      AccountsPolicy.assertCanManage(actor, dto.role ?? account.role, account.role);
      assertVersion(account, dto.version, 'Tài khoản');
      if (account.archivedAt) throw conflict('archived', 'Tài khoản đã lưu trữ, không thể sửa. Hãy khôi phục trước.');
      if (id === actor.id && dto.role && dto.role !== account.role) throw forbidden('Bạn không thể tự đổi vai trò của mình.');
      const role = dto.role ?? account.role;
      const unitId = AccountsPolicy.unitFor(role, dto.unitId === undefined ? account.unitId : dto.unitId);
      if (unitId && unitId !== account.unitId) await this.assertUnitUsable(em, unitId);
      const patch = { fullName: dto.fullName, role: dto.role, unitId, title: dto.title };
      const diff = changedFields(account, patch);
      if (!Object.keys(diff.after).length) return;
      await em.update(Account, id, { ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), version: account.version + 1 });
      if (diff.after.role !== undefined || diff.after.unitId !== undefined) await endSessionsOf(em, id);
      await this.audit.record(em, actor, { action: 'account.update', entityType: 'account', entityId: id, ...diff });
    });
    return this.get(actor, id);
  }

  async setArchived(actor: Actor, id: string, archived: boolean, reason?: string): Promise<AccountDto> {
    await this.ds.transaction(async (em) => {
      const account = await this.lockAccount(em, id);
      AccountsPolicy.assertCanManage(actor, account.role, account.role);
      if (id === actor.id && archived) throw forbidden('Bạn không thể tự khóa tài khoản của mình.');
      if (!!account.archivedAt === archived) return;
      const archivedAt = archived ? new Date() : null;
      await em.update(Account, id, { archivedAt, version: account.version + 1 });
      if (archived) await endSessionsOf(em, id);
      await this.audit.record(em, actor, { action: archived ? 'account.archive' : 'account.restore', entityType: 'account', entityId: id, before: { archivedAt: account.archivedAt }, after: { archivedAt }, reason });
    });
    return this.get(actor, id);
  }

  /**
   * Re-checks the current password (wrong answers count toward the same throttle as signing in); the new
   * one must pass the policy and differ from the current one. Other sessions of the account are signed out.
   */
  async changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
    const problem = passwordProblem(next, { current });
    if (problem) throw invalidField('newPassword', problem);
    if (!(await checkOwnPassword(this.ds, actor, current))) throw invalidField('currentPassword', 'không đúng', 'wrong_password');
    await this.ds.transaction(async (em) => {
      await em.getRepository(Account).createQueryBuilder('a').where('a.id = :id', { id: actor.id }).setLock('pessimistic_write').getOneOrFail();
      await em.update(Account, actor.id, { passwordHash: await hashPassword(next) });
      await endSessionsOf(em, actor.id, actor.sessionId);
      await this.audit.record(em, actor, { action: 'account.change_password', entityType: 'account', entityId: actor.id });
    });
  }

  /** Sets a new password (never the current one) and forgets its wrong-password waits; the account's sessions end. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<AccountDto> {
    const problem = passwordProblem(newPassword);
    if (problem) throw invalidField('newPassword', problem);
    await this.ds.transaction(async (em) => {
      const account = await this.lockAccount(em, id);
      AccountsPolicy.assertCanManage(actor, account.role, account.role);
      if (await verifyPassword(await passwordHashOf(em, id), newPassword)) throw invalidField('newPassword', 'không được trùng mật khẩu hiện tại');
      await em.update(Account, id, { passwordHash: await hashPassword(newPassword), version: account.version + 1 });
      await endSessionsOf(em, id);
      await forgetAccountFailures(em, account.email);
      await this.audit.record(em, actor, { action: 'account.reset_password', entityType: 'account', entityId: id });
    });
    return this.get(actor, id);
  }

  private async lockAccount(em: EntityManager, id: string): Promise<Account> {
    const account = await em.getRepository(Account).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw notFound('Không tìm thấy tài khoản.');
    return account;
  }

  private async assertUnitUsable(em: EntityManager, unitId: string): Promise<void> {
    const unit = await unitForAccount(em, unitId);
    if (!unit) throw invalidField('unitId', 'không phải đơn vị có trong hệ thống');
    if (unit.archived) throw invalidField('unitId', 'là đơn vị đã lưu trữ');
  }
}

function toDto(r: AccountRow, actor: Actor): AccountDto {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id, fullName: r.fullName, email: r.email, role: r.role, unitId: r.unitId, unitName: r.unitName, title: r.title,
    archivedAt: iso(r.archivedAt), version: r.version, canManage: AccountsPolicy.canManage(actor, r.role),
  };
}
