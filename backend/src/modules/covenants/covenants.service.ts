import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, conflict, invalidField, notFound } from '../../common/app-error';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService, DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { confirmPassword } from '../auth/password-throttle';
import { buildDocumentNumber, renderDocx, renderPdf } from '../documents';
import type { PlanData } from '../drafts/draft-content';
import { assertConferenceOfYear, CONTENT_TYPES, type ExportedFile } from '../drafts/draft-data';
import { loadYearContext, membersOf, type YearContext } from '../../common/scope/year-context';
import { allSigned, covenantContentHash, decimal2, sha256Hex, signingBlocker } from './covenant-rules';
import * as data from './covenant-data';
import { covenantDocumentModel } from './covenants.export';
import { CovenantsPolicy } from './covenants.policy';
import type {
  CovenantCertificateDto, CovenantDto, CovenantListDto, CovenantSignatureDto, CovenantSummaryDto, CovenantUnitProgressDto, CreateCovenantDto,
  SetCovenantTargetsDto, SignCovenantDto, TargetInForce, UpdateCovenantDto, VerifyResultDto,
} from './dto/covenant.dto';
import { Covenant } from './entities/covenant.entity';
import { notify } from '../notifications/notify';

export interface CovenantDescription {
  blockYearId: string;
  title: string;
}

/** Where a signature came from (recorded with it). */
export interface SigningMeta {
  ip: string;
  userAgent: string;
  /** For the demo's historical signatures; otherwise now. */
  signedAt?: Date;
}

export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** Shared goals prefilled from the plan's theme and movements. */
export function goalsFromPlan(plan: PlanData | null, year: number): string[] {
  if (!plan) return [];
  const goals: string[] = [];
  if (plan.theme) goals.push(`Thực hiện thắng lợi chủ đề năm ${year}: “${plan.theme}”.`);
  for (const m of plan.movements) goals.push(`${m.title}${m.goal ? `: ${m.goal.replace(/\.$/, '')}` : ''}.`);
  return goals;
}

export const defaultCommitments = (year: number): string[] => [
  `Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm ${year}.`,
  'Thực hiện tốt công tác xây dựng Đảng, xây dựng tổ chức cơ sở đảng, cơ quan, đoàn thể trong sạch, vững mạnh.',
  'Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của đơn vị.',
  'Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, gương người tốt, việc tốt; tuyên truyền kịp thời trên các phương tiện thông tin.',
  'Tham gia đầy đủ, có chất lượng các hoạt động chung của Khối; gửi báo cáo, hồ sơ đúng thời hạn.',
];

/**
 * The covenant of a block year (start-of-year.md "covenants"): drafted by the leader from the adopted plan
 * with per-unit targets; frozen when a conference opens signing; signed by every member unit's head
 * (the leader unit's last); in force when all have signed, with the final PDF stored and hashed.
 */
@Injectable()
export class CovenantsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  /** Injected as a property: the demo builds this service by hand and never asks for a proof. */
  @Inject(LedgerService) private readonly ledger!: LedgerService;

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────────

  async list(actor: Actor, blockYearId: string): Promise<CovenantListDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    const rows = await data.listCovenants(this.ds.manager, blockYearId);
    const members = (await membersOf(this.ds.manager, blockYearId)).length;
    const items: CovenantSummaryDto[] = rows.map((r) => ({
      id: r.id, number: r.number, docNumber: buildDocumentNumber(r.number, 'GU', y.blockCode), status: r.status, title: r.title,
      signedCount: r.signed, memberCount: members, openedAt: iso(r.openedAt), inForceAt: iso(r.inForceAt), amendsId: r.amendsId,
    }));
    const blocking = rows.some((r) => r.status !== 'superseded');
    return { items, permissions: { canCreate: CovenantsPolicy.canManage(actor, y) && !blocking } };
  }

  async get(actor: Actor, id: string): Promise<CovenantDto> {
    const c = await this.load(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    return this.toDto(this.ds.manager, actor, y, c);
  }

  /** The signed covenant's ledger proof: the covenant.in_force entry (content hash and the frozen PDF's SHA-256), its checkpoint and inclusion proof. */
  async ledgerProof(actor: Actor, id: string): Promise<DocumentProofDto> {
    const c = await this.load(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    return this.ledger.documentProof(inForceEntry(c.id));
  }

  async certificate(actor: Actor, id: string): Promise<CovenantCertificateDto> {
    const c = await this.load(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    if (!c.inForceAt || !c.documentSha256 || !c.contentHash || !c.openedAt) {
      throw conflict('not_in_force', 'Giao ước chưa có hiệu lực (chưa đủ chữ ký) nên chưa có giấy chứng nhận hoàn tất.');
    }
    const signatures = await this.signatures(this.ds.manager, c.id);
    return {
      covenantId: c.id, blockName: y.blockName, year: y.year, number: c.number, docNumber: buildDocumentNumber(c.number, 'GU', y.blockCode), title: c.title,
      status: c.status, contentHash: c.contentHash, documentSha256: c.documentSha256, openedAt: iso(c.openedAt)!, inForceAt: iso(c.inForceAt)!,
      events: signatures.map((s, i) => ({ ...s, order: i + 1 })),
    };
  }

  /** Which covenant a document (or a pasted SHA-256 of the file or of the content) belongs to. */
  async verify(file: Buffer | undefined, sha256: string | undefined): Promise<VerifyResultDto> {
    if (!file?.length && !sha256) throw invalidField('file', 'là bắt buộc (hoặc nhập mã SHA-256 vào ô sha256)');
    const hash = file?.length ? sha256Hex(file) : sha256!;
    const row = await data.covenantByHash(this.ds.manager, hash);
    if (!row) {
      return {
        sha256: hash, matched: false, matchedBy: null, inForce: false, covenant: null,
        message: 'Không tìm thấy giao ước nào khớp với mã này. Văn bản có thể đã bị chỉnh sửa hoặc không do hệ thống phát hành.',
      };
    }
    const docNumber = buildDocumentNumber(row.number, 'GU', row.blockCode);
    const what = `Giao ước thi đua số ${docNumber} của ${row.blockName} năm ${row.year}`;
    const state = row.status === 'in_force' ? 'đang có hiệu lực' : row.status === 'superseded' ? 'đã được thay thế bằng bản sửa đổi, không còn hiệu lực' : 'đang trong quá trình ký, chưa có hiệu lực';
    return {
      sha256: hash, matched: true, matchedBy: row.byDocument ? 'document' : 'content', inForce: row.status === 'in_force',
      covenant: { id: row.id, blockName: row.blockName, blockCode: row.blockCode, year: row.year, number: row.number, docNumber, title: row.title, status: row.status, inForceAt: iso(row.inForceAt) },
      message: `${row.byDocument ? 'Tệp' : 'Mã nội dung'} khớp với ${what}; giao ước ${state}.`,
    };
  }

  /** The targets of the covenant in force of a block year (scoring uses them for `target` criteria). */
  async targetsInForce(blockYearId: string, em: EntityManager = this.ds.manager): Promise<TargetInForce[]> {
    return data.targetsInForce(em, blockYearId);
  }

  /** Block year and title of a covenant, for conference agenda items; null when there is none. */
  async describe(em: EntityManager, id: string): Promise<CovenantDescription | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await data.covenantHeading(em, id);
    if (!row) return null;
    return { blockYearId: row.blockYearId, title: `Giao ước thi đua số ${buildDocumentNumber(row.number, 'GU', row.blockCode)}: ${row.title}` };
  }

  // ─── Drafting ───────────────────────────────────────────────────────────────────────────────────

  async create(actor: Actor, dto: CreateCovenantDto): Promise<CovenantDto> {
    const id = await this.ds.transaction((em) => this.createTx(em, actor, dto));
    return this.get(actor, id);
  }

  /** A new covenant (draft), goals prefilled from the adopted plan (or the latest circulated one). */
  async createTx(em: EntityManager, actor: Actor, dto: CreateCovenantDto): Promise<string> {
    const y = await loadYearContext(em, dto.blockYearId, actor, { lock: true });
    CovenantsPolicy.assertCanManage(actor, y);
    const open = await data.openCovenants(em, y.blockYearId);
    if (open.some((c) => c.status === 'in_force')) throw conflict('covenant_in_force', `Năm ${y.year} đã có giao ước có hiệu lực; muốn thay đổi hãy tạo bản sửa đổi.`);
    if (open.length) throw conflict('covenant_open', `Năm ${y.year} đã có giao ước số ${open[0].number} đang soạn hoặc đang ký.`);
    const plan = await data.latestPlan(em, y.blockYearId);
    const next = await data.nextNumber(em, y.blockYearId);
    const c = await em.save(em.getRepository(Covenant).create({
      blockYearId: y.blockYearId, number: next, status: 'draft', title: dto.title ?? `Năm ${y.year} của ${y.blockName}`,
      goals: goalsFromPlan(plan?.plan ?? null, y.year), commitments: defaultCommitments(y.year), basedOnPlanVersionId: plan?.id ?? null, createdBy: actor.id,
    }));
    await this.audit.record(em, actor, {
      action: 'covenant.create', entityType: 'covenant', entityId: c.id, blockId: y.blockId,
      after: { blockYearId: y.blockYearId, number: c.number, title: c.title, basedOnPlanVersionId: c.basedOnPlanVersionId },
    });
    return c.id;
  }

  async update(actor: Actor, id: string, dto: UpdateCovenantDto): Promise<CovenantDto> {
    await this.ds.transaction(async (em) => {
      const { c, y } = await this.loadForEdit(em, actor, id);
      assertVersion(c, dto.version, `Giao ước số ${c.number}`);
      const patch: Partial<Covenant> = { title: dto.title, goals: dto.goals?.map((g) => g.trim()), commitments: dto.commitments?.map((g) => g.trim()) };
      const diff = changedFields(c, patch);
      if (!Object.keys(diff.after).length) return;
      Object.assign(c, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      await em.save(c);
      await this.audit.record(em, actor, { action: 'covenant.update', entityType: 'covenant', entityId: id, blockId: y.blockId, ...diff });
    });
    return this.get(actor, id);
  }

  async setTargets(actor: Actor, id: string, dto: SetCovenantTargetsDto): Promise<CovenantDto> {
    await this.ds.transaction((em) => this.setTargetsTx(em, actor, id, dto));
    return this.get(actor, id);
  }

  /** Replaces the per-unit targets of a draft covenant. */
  async setTargetsTx(em: EntityManager, actor: Actor, id: string, dto: SetCovenantTargetsDto): Promise<void> {
    const { c, y } = await this.loadForEdit(em, actor, id);
    assertVersion(c, dto.version, `Giao ước số ${c.number}`);
    const members = new Set((await membersOf(em, y.blockYearId)).map((m) => m.id));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    dto.targets.forEach((t, i) => {
      if (!members.has(t.unitId)) fields[`targets.${i}.unitId`] = 'phải là đơn vị thành viên của khối trong năm';
      const k = `${t.unitId}\u0000${t.indicator.toLocaleLowerCase('vi')}`;
      if (seen.has(k)) fields[`targets.${i}.indicator`] = 'bị trùng với một chỉ tiêu khác của cùng đơn vị';
      seen.add(k);
    });
    if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', `Dữ liệu không hợp lệ: ${Object.entries(fields).map(([f, r]) => `${f} ${r}`).join('; ')}.`, fields);
    const before = await data.targetRows(em, id);
    const after = dto.targets.map((t, sort) => ({ unitId: t.unitId, indicator: t.indicator, unitOfMeasure: t.unitOfMeasure, targetValue: decimal2(t.targetValue), sort }));
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await data.deleteTargets(em, id);
    for (const t of after) await data.insertTarget(em, id, t);
    await data.bumpVersion(em, id);
    await this.audit.record(em, actor, { action: 'covenant.targets', entityType: 'covenant', entityId: id, blockId: y.blockId, before: { targets: before }, after: { targets: after } });
  }

  // ─── Signing ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Opens signing through a conference decision (called inside the caller's transaction): freezes the
   * content and stores the SHA-256 of its canonical JSON.
   */
  async openSigning(em: EntityManager, actor: Actor, covenantId: string, conferenceId: string | null): Promise<void> {
    const c = await this.load(em, covenantId, true);
    const y = await loadYearContext(em, c.blockYearId, actor);
    CovenantsPolicy.assertCanManage(actor, y);
    if (conferenceId) await assertConferenceOfYear(em, conferenceId, y.blockYearId);
    assertStatusForOpening(c);
    const members = await membersOf(em, y.blockYearId);
    if (!members.length) throw conflict('no_members', 'Năm thi đua chưa có đơn vị thành viên, không thể mở ký.');
    const targets = await data.targetRows(em, c.id);
    c.contentHash = covenantContentHash({
      blockYearId: c.blockYearId, number: c.number, amendsId: c.amendsId, title: c.title, goals: c.goals, commitments: c.commitments,
      memberUnitIds: members.map((m) => m.id), leaderUnitId: y.leaderUnitId, targets,
    });
    c.status = 'signing';
    c.openedAt = new Date();
    c.openedBy = actor.id;
    c.openedConferenceId = conferenceId;
    await em.save(c);
    await notify(em, actor, { memberHeadsOf: [y.blockYearId] }, { kind: 'covenant_signing', blockYearId: y.blockYearId, link: `/block-years/${y.blockYearId}/covenant`, title: `Đã mở ký giao ước thi đua ${y.blockName} năm ${y.year}`, body: `${c.title}. Đề nghị thủ trưởng đơn vị xem và ký giao ước.` });
    await this.audit.record(em, actor, {
      action: 'covenant.open_signing', entityType: 'covenant', entityId: c.id, blockId: y.blockId,
      before: { status: 'draft' }, after: { status: 'signing', contentHash: c.contentHash, conferenceId, memberUnitIds: members.map((m) => m.id), leaderUnitId: y.leaderUnitId },
    });
  }

  /** A unit head signs for their unit after re-entering their password. */
  async sign(actor: Actor, id: string, dto: SignCovenantDto, meta: SigningMeta): Promise<CovenantDto> {
    if (actor.role !== 'unit_head' || (dto.unitId && dto.unitId !== actor.unitId)) {
      // The policy gives the reason; no password check is needed to refuse.
      const c = await this.load(this.ds.manager, id);
      const y = await loadYearContext(this.ds.manager, c.blockYearId, actor);
      CovenantsPolicy.assertCanRead(actor, y);
      CovenantsPolicy.assertCanSign(actor, y, dto.unitId);
    }
    await confirmPassword(this.ds, actor, dto.password);
    await this.ds.transaction((em) => this.signTx(em, actor, id, dto, meta));
    return this.get(actor, id);
  }

  /** Records the signature (the password was checked by the caller); the last one puts the covenant in force. */
  async signTx(em: EntityManager, actor: Actor, id: string, dto: Pick<SignCovenantDto, 'unitId' | 'contentHash'>, meta: SigningMeta): Promise<void> {
    const c = await this.load(em, id, true);
    const y = await loadYearContext(em, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    CovenantsPolicy.assertCanSign(actor, y, dto.unitId);
    const unitId = actor.unitId!;
    if (c.status === 'draft') throw conflict('not_open', 'Giao ước chưa được mở ký. Việc mở ký do hội nghị của Khối quyết định.');
    if (c.status === 'superseded') {
      const newer = await data.newerAmendmentNumber(em, c.id);
      throw conflict('covenant_superseded', `Giao ước số ${c.number} đã được thay thế${newer ? ` bằng bản sửa đổi số ${newer}` : ''}; nội dung đã khóa trước đó không còn giá trị. Vui lòng ký bản mới khi được mở ký.`);
    }
    const signed = await this.signatures(em, c.id);
    const mine = signed.find((s) => s.unitId === unitId);
    if (mine) throw conflict('already_signed', `${mine.unitName} đã ký giao ước này (${mine.signerName}, lúc ${formatTime(mine.signedAt)}); mỗi đơn vị chỉ ký một lần.`);
    if (c.status === 'in_force') throw conflict('already_in_force', 'Giao ước đã đủ chữ ký và có hiệu lực.');
    if (dto.contentHash && dto.contentHash !== c.contentHash) {
      throw conflict('content_changed', 'Nội dung giao ước bạn đã đọc khác với bản đang mở ký. Vui lòng tải lại và đọc lại trước khi ký.');
    }
    const members = await membersOf(em, y.blockYearId);
    const block = signingBlocker({ memberUnitIds: members.map((m) => m.id), leaderUnitId: y.leaderUnitId, signedUnitIds: signed.map((s) => s.unitId), unitId });
    if (block?.code === 'not_member') throw new AppError(403, 'forbidden', 'Đơn vị của bạn không phải thành viên của khối trong năm này nên không ký giao ước.');
    if (block?.code === 'leader_signs_last') {
      const waiting = members.filter((m) => block.waitingUnitIds.includes(m.id)).map((m) => m.name);
      throw conflict('leader_signs_last', `Thủ trưởng đơn vị Khối trưởng ký sau cùng, khi tất cả đơn vị thành viên đã ký. Còn chờ ${waiting.length} đơn vị: ${waiting.join('; ')}.`);
    }
    const account = await data.signerAccount(em, actor.id);
    const signedAt = meta.signedAt ?? new Date();
    await data.insertSignature(em, {
      covenantId: c.id, unitId, signerId: actor.id, signerName: account.fullName, signerTitle: account.title, signedAt,
      ip: meta.ip.slice(0, 64), userAgent: meta.userAgent.slice(0, 500), contentHash: c.contentHash,
    });
    await this.audit.record(em, actor, {
      action: 'covenant.sign', entityType: 'covenant', entityId: c.id, blockId: y.blockId,
      after: { unitId, signerId: actor.id, signerName: account.fullName, signedAt: signedAt.toISOString(), ip: meta.ip, userAgent: meta.userAgent, contentHash: c.contentHash },
    });
    const signedIds = [...signed.map((s) => s.unitId), unitId];
    if (allSigned(members.map((m) => m.id), signedIds)) await this.putInForce(em, actor, y, c, signedAt);
  }

  /** Every member signed: render and store the final PDF, supersede the covenant it replaces. */
  private async putInForce(em: EntityManager, actor: Actor, y: YearContext, c: Covenant, at: Date): Promise<void> {
    const supersededIds = await data.supersedeInForce(em, y.blockYearId, c.id, at);
    c.status = 'in_force';
    c.inForceAt = at;
    const pdf = await renderPdf(covenantDocumentModel(await this.exportInput(em, y, c)));
    const documentSha256 = sha256Hex(pdf);
    await data.markInForce(em, c.id, at, pdf, documentSha256);
    await this.audit.record(em, actor, {
      action: 'covenant.in_force', entityType: 'covenant', entityId: c.id, blockId: y.blockId,
      before: { status: 'signing' }, after: { status: 'in_force', contentHash: c.contentHash, documentSha256, supersededIds },
    });
  }

  /** An amendment: a new draft copying this covenant, which every unit must sign again. */
  async amend(actor: Actor, id: string): Promise<CovenantDto> {
    const newId = await this.ds.transaction((em) => this.amendTx(em, actor, id));
    return this.get(actor, newId);
  }

  async amendTx(em: EntityManager, actor: Actor, id: string): Promise<string> {
    const y0 = await this.load(em, id);
    const y = await loadYearContext(em, y0.blockYearId, actor, { lock: true });
    const c = await this.load(em, id, true);
    CovenantsPolicy.assertCanManage(actor, y);
    if (c.status === 'draft') throw conflict('still_draft', `Giao ước số ${c.number} còn là bản dự thảo; hãy sửa trực tiếp.`);
    if (c.status === 'superseded') throw conflict('covenant_superseded', `Giao ước số ${c.number} đã được thay thế; chỉ sửa đổi bản mới nhất.`);
    const other = await data.otherOpenNumber(em, y.blockYearId, c.id);
    if (other !== undefined) throw conflict('amendment_exists', `Đã có giao ước số ${other} đang soạn hoặc đang ký.`);
    if (c.status === 'signing') {
      // Signing stops: the signatures gathered so far stay on record for a content that is no longer valid.
      await data.supersedeNow(em, c.id);
    }
    const next = await data.nextNumber(em, y.blockYearId);
    const amendment = await em.save(em.getRepository(Covenant).create({
      blockYearId: y.blockYearId, number: next, status: 'draft', title: c.title, goals: c.goals, commitments: c.commitments,
      basedOnPlanVersionId: c.basedOnPlanVersionId, amendsId: c.id, createdBy: actor.id,
    }));
    await data.copyTargets(em, c.id, amendment.id);
    await this.audit.record(em, actor, {
      action: 'covenant.amend', entityType: 'covenant', entityId: amendment.id, blockId: y.blockId,
      after: { number: next, amendsId: c.id, amendsNumber: c.number, amendedStatus: c.status === 'signing' ? 'superseded' : c.status },
    });
    return amendment.id;
  }

  // ─── Export ─────────────────────────────────────────────────────────────────────────────────────

  async export(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const c = await this.load(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    const filename = `GU-${y.blockCode}-${y.year}-so${c.number}.${format}`;
    if (format === 'pdf' && c.documentSha256) {
      // The frozen PDF, byte for byte, so its SHA-256 verifies.
      return { buffer: await data.frozenDocument(this.ds.manager, id), filename, contentType: CONTENT_TYPES.pdf };
    }
    // A Word copy of a signed covenant ends with the checkpoint its in-force entry was sealed under (the frozen PDF cannot: it is fixed before the seal).
    const seal = c.inForceAt ? ledgerSealLine(await this.ledger.documentProof(inForceEntry(c.id))) : undefined;
    const model = covenantDocumentModel({ ...(await this.exportInput(this.ds.manager, y, c)), seal });
    return { buffer: format === 'docx' ? await renderDocx(model) : await renderPdf(model), filename, contentType: CONTENT_TYPES[format] };
  }

  // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

  private async load(em: EntityManager, id: string, lock = false): Promise<Covenant> {
    const c = await em.getRepository(Covenant).findOne({ where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!c) throw notFound('Không tìm thấy giao ước thi đua.');
    return c;
  }

  private async loadForEdit(em: EntityManager, actor: Actor, id: string): Promise<{ c: Covenant; y: YearContext }> {
    const c = await this.load(em, id, true);
    const y = await loadYearContext(em, c.blockYearId, actor);
    CovenantsPolicy.assertCanRead(actor, y);
    CovenantsPolicy.assertCanManage(actor, y);
    if (c.status !== 'draft') {
      throw conflict('covenant_frozen', `Giao ước số ${c.number} đã mở ký nên nội dung và chỉ tiêu đã khóa. Muốn thay đổi hãy tạo bản sửa đổi để các đơn vị ký lại.`);
    }
    return { c, y };
  }

  private async signatures(em: EntityManager, id: string): Promise<(CovenantSignatureDto & { signedAtDate: Date })[]> {
    const rows = await data.signatures(em, id);
    return rows.map((r) => ({
      unitId: r.unitId, unitName: r.unitName, signerId: r.signerId, signerName: r.signerName, signerTitle: r.signerTitle,
      signedAt: iso(r.signedAt)!, signedAtDate: r.signedAt, ip: r.ip, userAgent: r.userAgent, contentHash: r.contentHash,
    }));
  }

  /** Member units for the signature table and progress board: members by name, the leader unit last. */
  private async signingUnits(em: EntityManager, y: YearContext) {
    const members = await membersOf(em, y.blockYearId);
    const heads = await data.unitHeads(em, members.map((m) => m.id));
    const head = new Map(heads.map((h) => [h.unitId, h]));
    return [...members.filter((m) => m.id !== y.leaderUnitId), ...members.filter((m) => m.id === y.leaderUnitId)].map((m) => ({
      id: m.id, name: m.name, isLeader: m.id === y.leaderUnitId, headName: head.get(m.id)?.fullName ?? null, headTitle: head.get(m.id)?.title || null,
    }));
  }

  private async exportInput(em: EntityManager, y: YearContext, c: Covenant) {
    const units = await this.signingUnits(em, y);
    const signatures = (await this.signatures(em, c.id)).map((s) => ({ unitId: s.unitId, signerName: s.signerName, signerTitle: s.signerTitle, signedAt: s.signedAtDate }));
    return {
      docNumber: buildDocumentNumber(c.number, 'GU', y.blockCode), number: c.number, status: c.status, title: c.title, amends: !!c.amendsId,
      blockName: y.blockName, year: y.year, legalBasis: y.legalBasis, goals: c.goals, commitments: c.commitments, contentHash: c.contentHash,
      date: c.inForceAt ?? c.openedAt ?? null, units, targets: await data.targetRows(em, c.id), signatures,
    };
  }

  private async toDto(em: EntityManager, actor: Actor, y: YearContext, c: Covenant): Promise<CovenantDto> {
    const units = await this.signingUnits(em, y);
    const signatures = await this.signatures(em, c.id);
    const signedIds = signatures.map((s) => s.unitId);
    const names = new Map(units.map((u) => [u.id, u.name]));
    const targets = await data.storedTargets(em, c.id);
    const amendedBy = await data.amendedById(em, c.id);
    const progress: CovenantUnitProgressDto[] = units.map((u) => {
      const s = signatures.find((x) => x.unitId === u.id);
      let state: CovenantUnitProgressDto['state'];
      if (s) state = 'signed';
      else if (c.status === 'draft') state = 'not_open';
      else if (c.status !== 'signing') state = 'closed';
      else state = signingBlocker({ memberUnitIds: units.map((x) => x.id), leaderUnitId: y.leaderUnitId, signedUnitIds: signedIds, unitId: u.id }) ? 'waits_for_members' : 'waiting';
      return { unitId: u.id, unitName: u.name, isLeader: u.isLeader, state, signerName: s?.signerName ?? null, signedAt: s?.signedAt ?? null };
    });
    let canSign = false;
    let signBlockedReason: string | null = null;
    if (CovenantsPolicy.isSigner(actor, y)) {
      const mine = progress.find((p) => p.unitId === actor.unitId);
      if (y.status === 'archived') signBlockedReason = 'Năm thi đua đã lưu trữ.';
      else if (mine?.state === 'signed') signBlockedReason = 'Đơn vị của bạn đã ký.';
      else if (c.status === 'draft') signBlockedReason = 'Giao ước chưa được hội nghị mở ký.';
      else if (c.status !== 'signing') signBlockedReason = c.status === 'in_force' ? 'Giao ước đã có hiệu lực.' : 'Giao ước đã được thay thế.';
      else if (mine?.state === 'waits_for_members') signBlockedReason = 'Đơn vị Khối trưởng ký sau cùng, khi tất cả đơn vị thành viên đã ký.';
      else canSign = true;
    }
    const manage = CovenantsPolicy.canManage(actor, y);
    const open = await data.otherOpenExists(em, y.blockYearId, c.id);
    return {
      id: c.id, blockYearId: c.blockYearId, year: y.year, blockName: y.blockName, number: c.number, docNumber: buildDocumentNumber(c.number, 'GU', y.blockCode),
      status: c.status, title: c.title, goals: c.goals, commitments: c.commitments,
      targets: targets.map((t) => ({ id: t.id, unitId: t.unitId, unitName: names.get(t.unitId) ?? '', indicator: t.indicator, unitOfMeasure: t.unitOfMeasure, targetValue: Number(t.targetValue), sort: t.sort })),
      contentHash: c.contentHash, documentSha256: c.documentSha256, basedOnPlanVersionId: c.basedOnPlanVersionId, openedAt: iso(c.openedAt),
      openedConferenceId: c.openedConferenceId, inForceAt: iso(c.inForceAt), amendsId: c.amendsId, amendedById: amendedBy ?? null,
      signatures: signatures.map(({ signedAtDate: _d, ...s }) => s), progress, signedCount: signatures.length, memberCount: units.length, version: c.version,
      permissions: {
        canEdit: manage && c.status === 'draft', isSigner: CovenantsPolicy.isSigner(actor, y), canSign, signBlockedReason,
        canAmend: manage && (c.status === 'signing' || c.status === 'in_force') && !open,
      },
    };
  }
}

function assertStatusForOpening(c: Covenant): void {
  if (c.status === 'signing') throw conflict('already_open', `Giao ước số ${c.number} đã được mở ký.`);
  if (c.status === 'in_force') throw conflict('already_in_force', `Giao ước số ${c.number} đã có hiệu lực.`);
  if (c.status === 'superseded') throw conflict('covenant_superseded', `Giao ước số ${c.number} đã được thay thế, không thể mở ký.`);
}

/** "09:15 ngày 26/4/2024" in Vietnam's time. */
function formatTime(isoString: string): string {
  const local = new Date(new Date(isoString).getTime() + 7 * 3600_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')} ngày ${local.getUTCDate()}/${local.getUTCMonth() + 1}/${local.getUTCFullYear()}`;
}

/** The entry that fixes a signed covenant: covenant.in_force, written with the last signature (content hash, the frozen PDF's SHA-256). */
const inForceEntry = (id: string): DocumentEntry => ({ action: 'covenant.in_force', entityType: 'covenant', entityId: id });
