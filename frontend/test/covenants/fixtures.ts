import type { Schemas } from '@/api/client';
import { blockYear2024, units } from '../fixtures';
import { users } from '../render';

/**
 * The 2024 covenant of Khối thi đua số 4 (the seed article: every unit's head signs at the launch
 * conference of 26/04/2024; the leader unit, ĐUK các cơ quan TP, signs last). People are fictional.
 */
type Covenant = Schemas['CovenantDto'];
type Progress = Schemas['CovenantUnitProgressDto'];

export const CONTENT_HASH = '2a35207092ef25f0cd86eae593e4a1e1af0def11a398c197cfb63b2406b4fa6d';
export const DOCUMENT_HASH = '75b4d0dadab500362447f10f5fefac0d73a840629b019600dd96a02ea1659563';

export const year = blockYear2024({ canManage: false, seat: null, canEditRules: false }, { status: 'signed' });

/** The head of Trường ĐTCB Lê Hồng Phong, and the head of the leader unit. */
export const lhpHead = { ...users.officer, id: 'acc-head-lhp', fullName: 'Vũ Đức Thành', email: 'thutruong.lhp@thidua.vn', role: 'unit_head' as const };
export const leaderHead = { ...users.leaderOfficer, id: 'acc-head-dukcq', fullName: 'Trịnh Văn Khải', email: 'thutruong.dukcq@thidua.vn', role: 'unit_head' as const };

/** An instant given as the clock in Hà Nội (UTC+7) shows it on 26/04/2024. */
export const at = (h: number, m: number) => new Date(Date.UTC(2024, 3, 26, h - 7, m)).toISOString();

/** Members first, the leader unit last, as the server orders the board. */
export function progress(signed: Partial<Record<string, { name: string; at: string }>>, state: Covenant['status'] = 'signing'): Progress[] {
  const order = [units.bql, units.dukdh, units.dukdn, units.lhp, units.dukcq];
  const membersDone = order.filter((u) => u.id !== units.dukcq.id).every((u) => signed[u.id]);
  return order.map((u) => {
    const s = signed[u.id];
    const isLeader = u.id === units.dukcq.id;
    const waiting: Progress['state'] = state === 'draft' ? 'not_open' : state !== 'signing' ? 'closed' : isLeader && !membersDone ? 'waits_for_members' : 'waiting';
    return { unitId: u.id, unitName: u.name, isLeader, state: s ? 'signed' : waiting, signerName: s?.name ?? null, signedAt: s?.at ?? null };
  });
}

export const twoSigned = {
  [units.bql.id]: { name: 'Đặng Quốc Việt', at: at(9, 5) },
  [units.dukdh.id]: { name: 'Tạ Minh Đức', at: at(9, 12) },
};

export function covenant(patch: Partial<Covenant> = {}, perms: Partial<Covenant['permissions']> = {}): Covenant {
  const board = patch.progress ?? progress(twoSigned);
  const signed = board.filter((p) => p.state === 'signed').length;
  return {
    id: 'cov-1', blockYearId: 'by-2024', year: 2024, blockName: 'Khối thi đua số 4', number: 1, docNumber: '01/GU-KTĐ4', status: 'signing',
    title: 'Năm 2024 của Khối thi đua số 4',
    goals: ['Thi đua lập thành tích chào mừng kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024).'],
    commitments: ['Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm 2024.'],
    targets: [
      { id: 't1', unitId: units.lhp.id, unitName: units.lhp.name, indicator: 'Số lượt học viên được đào tạo, bồi dưỡng', unitOfMeasure: 'lượt học viên', targetValue: 9000, sort: 0 },
      { id: 't2', unitId: units.bql.id, unitName: units.bql.name, indicator: 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn', unitOfMeasure: '%', targetValue: 99.5, sort: 1 },
    ],
    contentHash: CONTENT_HASH, documentSha256: null, basedOnPlanVersionId: 'pv-2', openedAt: at(8, 55), openedConferenceId: 'conf-1', inForceAt: null,
    amendsId: null, amendedById: null, signatures: [], progress: board, signedCount: signed, memberCount: 5, version: 3,
    permissions: { canEdit: false, isSigner: false, canSign: false, signBlockedReason: null, canAmend: false, ...perms },
    ...patch,
  };
}

export const listOf = (...items: Covenant[]): Schemas['CovenantListDto'] => ({
  items: items.map((c) => ({
    id: c.id, number: c.number, docNumber: c.docNumber, status: c.status, title: c.title, signedCount: c.signedCount, memberCount: c.memberCount,
    openedAt: c.openedAt, inForceAt: c.inForceAt, amendsId: c.amendsId,
  })),
  permissions: { canCreate: false },
});
