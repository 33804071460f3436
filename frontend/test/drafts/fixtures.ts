import type { Schemas } from '@/api/client';
import { blockYear2024, defaultRules, units } from '../fixtures';

/**
 * The 2024 plan and rules of Khối thi đua số 4 as the seed article tells them (the leader, ĐUK các cơ quan
 * TP, drafts; the member units comment; the launch conference of 26/04/2024 adopts them). People are fictional.
 */
type Version = Schemas['DraftVersionDto'];
type Section = Schemas['DraftSectionDto'];
type Comment = Schemas['DraftCommentDto'];

export const yearOf = (seat: 'leader' | 'deputy' | null) => blockYear2024({ canManage: false, seat, canEditRules: false }, { status: 'planning' });

const section = (key: string, heading: string, body: string, extra: Partial<Section> = {}): Section => ({
  key, heading, body, rev: 1, updatedByName: null, updatedAt: null, commentCount: 0, openCommentCount: 0, ...extra,
});

export const planSections = (): Section[] => [
  section('muc-dich-yeu-cau', 'I. MỤC ĐÍCH, YÊU CẦU', 'Đẩy mạnh các phong trào thi đua yêu nước trong các đơn vị thành viên Khối thi đua số 4.'),
  section('chu-de', 'II. CHỦ ĐỀ, KHẨU HIỆU THI ĐUA', ''),
  section('noi-dung', 'III. NỘI DUNG THI ĐUA', 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2024.', { rev: 3 }),
  section('hoat-dong', 'IV. CÁC HOẠT ĐỘNG CỤ THỂ', 'Các hoạt động, thời gian và đơn vị chủ trì như bảng dưới đây.'),
];

export const planData = (): Schemas['PlanDataDto'] => ({
  theme: 'Đoàn kết, đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng',
  slogan: 'Thi đua là yêu nước',
  activities: [
    { key: 'hd1', title: 'Hội nghị triển khai kế hoạch và ký kết giao ước thi đua', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: units.dukcq.id, ownerUnitName: units.dukcq.name, notes: '' },
    { key: 'hd2', title: 'Đi nghiên cứu thực tế tại Điện Biên', startDate: '2024-05-05', endDate: '2024-05-07', ownerUnitId: units.dukdn.id, ownerUnitName: units.dukdn.name, notes: 'Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ' },
  ],
  movements: [
    { key: 'pt1', kind: 'thematic', title: 'Thi đua lập thành tích chào mừng 70 năm Chiến thắng Điện Biên Phủ', period: '01/01/2024 – 07/5/2024', goal: '' },
  ],
  commemorations: [],
  fieldTrips: [],
});

const permissions = (p: Partial<Version['permissions']> = {}): Version['permissions'] => ({
  canEdit: false, canCirculate: false, canRevise: false, canComment: false, canResolve: false, ...p,
});

export function planVersion(patch: Partial<Version> = {}, perms: Partial<Version['permissions']> = {}): Version {
  return {
    id: 'pv-2', documentId: 'doc-plan', blockYearId: 'by-2024', year: 2024, blockName: 'Khối thi đua số 4', kind: 'plan', docNumber: '01/KH-KTĐ4',
    number: 2, status: 'draft', title: 'Hoạt động năm 2024 của Khối thi đua số 4', sections: planSections(), plan: planData(), ruleSet: null,
    contentHash: null, basedOnId: 'pv-1', createdAt: '2024-03-01T02:00:00.000Z', createdByName: 'Phạm Quang Huy',
    circulatedAt: null, circulatedByName: null, adoptedAt: null, adoptedByName: null, adoptedConferenceId: null, version: 1,
    permissions: permissions(perms), ...patch,
  };
}

export function rulesVersion(patch: Partial<Version> = {}, perms: Partial<Version['permissions']> = {}): Version {
  return {
    ...planVersion({}, perms),
    id: 'rv-1', documentId: 'doc-rules', kind: 'rules', docNumber: '01/QC-KTĐ4', number: 1, basedOnId: null,
    title: 'Hoạt động và bình xét thi đua năm 2024 của Khối thi đua số 4',
    sections: [
      section('quy-dinh-chung', 'Chương I. QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng'),
      section('binh-xet-thi-dua', 'Chương III. CHẤM ĐIỂM, BÌNH XÉT THI ĐUA', 'Hội nghị bình xét hợp lệ và việc bỏ phiếu suy tôn theo Bộ quy tắc bình xét kèm theo Quy chế này.'),
    ],
    plan: null, ruleSet: defaultRules, ...patch,
  };
}

const summary = (v: Version): Schemas['DraftVersionSummaryDto'] => ({
  id: v.id, number: v.number, status: v.status, title: v.title, createdAt: v.createdAt, circulatedAt: v.circulatedAt, adoptedAt: v.adoptedAt,
  commentCount: v.sections.reduce((n, s) => n + s.commentCount, 0), openCommentCount: v.sections.reduce((n, s) => n + s.openCommentCount, 0),
});

/** GET /api/drafts for one document with these versions (newest first). */
export function draftList(versions: Version[], canCreate = false): Schemas['DraftDocumentListDto'] {
  const [first] = versions;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return {
    items: [{
      id: first.documentId, blockYearId: first.blockYearId, kind: first.kind, docNumber: first.docNumber, versions: sorted.map(summary),
      latestVersionId: sorted[0].id, adoptedVersionId: sorted.find((v) => v.status === 'adopted')?.id ?? null,
    }],
    permissions: { canCreate },
  };
}

export const comment = (c: Partial<Comment> & Pick<Comment, 'id' | 'body' | 'sectionKey'>): Comment => ({
  versionId: 'pv-2', parentId: null, unitId: units.lhp.id, unitName: units.lhp.name, authorId: 'acc-lhp', authorName: 'Đỗ Thị Hạnh',
  createdAt: '2024-04-10T02:30:00.000Z', resolvedAt: null, resolvedByName: null, replies: [], ...c,
});

export const planProgress = (patch: Partial<Schemas['PlanProgressDto']> = {}): Schemas['PlanProgressDto'] => ({
  blockYearId: 'by-2024', versionId: null, total: 0, planned: 0, inProgress: 0, done: 0, cancelled: 0, percentDone: 0, items: [], canUpdate: false, ...patch,
});
