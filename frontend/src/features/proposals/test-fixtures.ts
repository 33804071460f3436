import type { Schemas } from '@/api/client';
import { units } from '../../../test/fixtures';
import { unitPermissions } from '../../../test/render';

type Proposal = Schemas['ProposalDto'];
type Summary = Schemas['ProposalSummaryDto'];
type ChecklistItem = Schemas['ChecklistItemDto'];

/** The 2024 dossier of Khối thi đua số 4 as the demo has it (people fictional). */
export const summary = (patch: Partial<Summary> = {}): Summary => ({
  id: 'prop-2024', blockYearId: 'by-2024', blockId: 'block-4', blockCode: 'KTĐ4', blockName: 'Khối thi đua số 4', year: 2024,
  status: 'submitted', statusLabel: 'Đã trình', letterNumber: '05/TTr-KTĐ4', submittedAt: '2024-12-30T01:30:00.000Z', dueDate: '2025-02-10',
  workingDaysLeft: 6, overdue: false, calendarMissingYears: [], submissions: 1, nomineeCount: 2, decidedCount: 0, awardedCount: 0, returnReason: '', updatedAt: '2024-12-30T01:30:00.000Z',
  ...patch,
});

const item = (key: string, kind: ChecklistItem['kind'], label: string, present: boolean, detail: string, extra: Partial<ChecklistItem> = {}): ChecklistItem =>
  ({ key, kind, label, present, detail, ballotId: null, unitId: null, ...extra });

export const fullChecklist: ChecklistItem[] = [
  item('letter', 'letter', 'Tờ trình đề nghị khen thưởng', true, 'Số 05/TTr-KTĐ4'),
  item('minutes', 'minutes', 'Biên bản Hội nghị tổng kết', true, 'Biên bản 12/BB-KTĐ4 đã thông qua'),
  item('score_annex', 'score_annex', 'Bảng tổng hợp kết quả chấm điểm', true, 'Đợt chấm điểm cuối năm 2024 đã chốt'),
  item('tally:b1', 'tally_record', 'Biên bản kiểm phiếu Cờ thi đua của UBND Thành phố', true, 'Đã ký', { ballotId: 'ballot-flag' }),
  item('nominees', 'nominees', 'Danh sách đề nghị khen thưởng', true, '2 lượt đơn vị'),
  item(`report:${units.dukcq.id}`, 'report', `Báo cáo thành tích của ${units.dukcq.name}`, true, 'bao-cao-dukcq.pdf', { unitId: units.dukcq.id }),
  item(`report:${units.bql.id}`, 'report', `Báo cáo thành tích của ${units.bql.name}`, true, 'bao-cao-bql.pdf', { unitId: units.bql.id }),
];

const report = (unitId: string, unitName: string, filename: string): Schemas['ReportDto'] => ({
  id: `rep-${unitId}`, unitId, unitName, filename, mimeType: 'application/pdf', sizeBytes: 182_000, sha256: 'ab'.repeat(32),
  uploadedAt: '2024-12-28T03:00:00.000Z', uploadedByName: 'Phạm Quang Huy', supersededAt: null,
});

export const nominees: Schemas['NomineeDto'][] = [
  { unitId: units.dukcq.id, unitName: units.dukcq.name, code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', ballotId: 'ballot-flag', approvals: 5, percent: 100, rank: 1, note: '', report: report(units.dukcq.id, units.dukcq.name, 'bao-cao-dukcq.pdf'), decision: null, models: [] },
  { unitId: units.bql.id, unitName: units.bql.name, code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', ballotId: 'ballot-merit', approvals: 4, percent: 80, rank: 2, note: '', report: report(units.bql.id, units.bql.name, 'bao-cao-bql.pdf'), decision: null, models: [] },
];

const noPermissions: Proposal['permissions'] = { canEdit: false, canSubmit: false, canUploadReportForUnitId: null, canAppraise: false, canDecide: false };

export const proposal = (patch: Partial<Proposal> = {}, permissions: Partial<Proposal['permissions']> = {}): Proposal => ({
  ...summary(),
  letter: {
    number: '05/TTr-KTĐ4', date: '2024-12-30', recipient: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội',
    paragraphs: ['Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;', 'Khối thi đua số 4 đề nghị khen thưởng các đơn vị sau:'],
    closing: 'Kính đề nghị Ban Thi đua – Khen thưởng Thành phố xem xét.', signerName: 'Trịnh Văn Khải',
  },
  nomineesFrozen: true,
  nominees,
  checklist: fullChecklist,
  complete: true,
  conferenceId: 'conf-ye-2024', roundId: 'round-2024', ballotIds: ['ballot-flag', 'ballot-merit'],
  reports: nominees.map((n) => n.report!),
  decisions: [],
  history: [
    { seq: 1, kind: 'created', label: 'Lập hồ sơ', at: '2024-12-27T09:00:00.000Z', actorName: 'Phạm Quang Huy', reason: '', dueDate: null, detail: {} },
    { seq: 2, kind: 'submitted', label: 'Trình hồ sơ', at: '2024-12-30T01:30:00.000Z', actorName: 'Trịnh Văn Khải', reason: '', dueDate: '2025-02-10', detail: {} },
  ],
  appraisalWorkingDays: 25, submittedByName: 'Trịnh Văn Khải', appraisalStartedAt: null, returnedAt: null, approvedAt: null, decidedAt: null,
  cancelledAt: null, cancelReason: '', version: 3, createdAt: '2024-12-27T09:00:00.000Z',
  permissions: { ...noPermissions, ...permissions },
  ...patch,
});

export const checklistOf = (p: Proposal): Schemas['ChecklistDto'] => ({
  proposalId: p.id, items: p.checklist, complete: p.checklist.every((i) => i.present),
  missingMessage: p.checklist.every((i) => i.present) ? null
    : `Hồ sơ chưa đủ thành phần nên chưa thể trình. Còn thiếu: ${p.checklist.filter((i) => !i.present).map((i) => `${i.label} (${i.detail.toLowerCase()})`).join('; ')}.`,
});

export const appraisal = (patch: Partial<Schemas['AppraisalDto']> = {}): Schemas['AppraisalDto'] => ({
  proposalId: 'prop-2024', status: 'under_appraisal', members: 5,
  nominees: [
    { unitId: units.dukcq.id, unitName: units.dukcq.name, code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', rank: 1, eligible: true, reasons: [] },
    { unitId: units.bql.id, unitName: units.bql.name, code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', rank: 2, eligible: false, reasons: ['Năm 2024 có cán bộ bị kỷ luật'] },
  ],
  blockQuotas: [{ code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', limit: 1, proposed: 1 }],
  city: { year: 2024, usage: [], breaches: [] },
  breaches: [{ scope: 'eligibility', code: 'city_merit', kind: 'discipline', unitIds: [units.bql.id], message: 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội không đủ điều kiện Bằng khen: năm 2024 có cán bộ bị kỷ luật.' }],
  checklist: fullChecklist,
  ...patch,
});

export const leaderHead: Schemas['MeDto'] = {
  csrfToken: 'test-csrf', id: 'acc-head-dukcq', fullName: 'Trịnh Văn Khải', email: 'thutruong.dukcq@thidua.vn', role: 'unit_head', unitId: units.dukcq.id, unitName: units.dukcq.name,
  seats: [{ blockYearId: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2024, seat: 'leader' }], permissions: unitPermissions,
};
