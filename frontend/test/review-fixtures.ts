/**
 * Test data for the review, explanation and final pages: the 2024 year-end round of Khối thi đua số 4
 * (leader: ĐUK các cơ quan TP) with a small scheme of every criterion type. People are fictional.
 */
import type { Schemas } from '@/api/client';

type Round = Schemas['RoundDto'];
type Row = Schemas['AssessmentRowDto'];
type ScoreRow = Schemas['ScoreRowDto'];
type Source = Schemas['SourceScoreDto'];
type Assessment = Schemas['AssessmentDto'];
type Phase = Round['phase'];

export const ROUND_ID = 'round-2024';

export const U = {
  dukcq: { id: 'unit-dukcq', name: 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', shortName: 'ĐUK các cơ quan TP' },
  dukdn: { id: 'unit-dukdn', name: 'Đảng ủy Khối Doanh nghiệp Hà Nội', shortName: 'ĐUK Doanh nghiệp' },
  lhp: { id: 'unit-lhp', name: 'Trường Đào tạo cán bộ Lê Hồng Phong', shortName: 'Trường ĐTCB Lê Hồng Phong' },
  hiza: { id: 'unit-hiza', name: 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội', shortName: 'Ban QL các KCN&CX' },
  dukdh: { id: 'unit-dukdh', name: 'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội', shortName: 'ĐUK các trường ĐH, CĐ' },
};

export const PHASE_LABELS: Record<Phase, string> = {
  self_assessment: 'Tự chấm điểm', review: 'Chấm chéo, thẩm định', explanation: 'Giải trình', final_review: 'Chốt điểm', finalised: 'Đã hoàn tất',
};

const T = '2024-12-20T03:00:00.000Z';

export function round(phase: Phase, patch: Partial<Round> = {}): Round {
  return {
    id: ROUND_ID, blockYearId: 'by-2024', blockName: 'Khối thi đua số 4', year: 2024, schemeId: 'scheme-2024', schemeTitle: 'Bảng điểm thi đua năm 2024', schemeVersionNo: 1,
    kind: 'year_end', title: 'Chấm điểm thi đua năm 2024', phase, phaseLabel: PHASE_LABELS[phase], isOpen: true,
    opensAt: '2024-11-25T01:00:00.000Z', selfAssessmentUntil: '2024-12-05T10:00:00.000Z', reviewUntil: '2024-12-12T10:00:00.000Z', explanationUntil: '2024-12-17T10:00:00.000Z',
    finalReviewUntil: null, finalisedAt: phase === 'finalised' ? '2024-12-25T03:00:00.000Z' : null,
    units: Object.values(U), myUnit: null, permissions: { canManage: false, canSelfAssess: false, canSeeRanking: true, canSeeProgress: false }, version: 4,
    ...patch,
  };
}

export function scoreRow(criterionId: string, source: ScoreRow['source'], scorerUnitId: string, patch: Partial<ScoreRow> = {}): ScoreRow {
  return {
    id: `row-${criterionId}-${source}-${scorerUnitId}`, criterionId, unitId: U.lhp.id, source, scorerUnitId,
    score: null, passed: null, count: null, actual: null, items: null, note: '', version: 1, updatedAt: T, updatedByName: 'Nguyễn Văn An', ...patch,
  };
}

export function source(criterionId: string, kind: Source['source'], scorer: { id: string; name: string }, patch: Omit<Partial<Source>, 'row'> & { row?: Partial<ScoreRow> } = {}): Source {
  const { row, ...rest } = patch;
  return {
    source: kind, scorerUnitId: scorer.id, scorerUnitName: scorer.name, score: null, actual: null, note: '', lowered: false, divergent: false, formula: null,
    row: scoreRow(criterionId, kind, scorer.id, { score: rest.score ?? null, actual: rest.actual ?? null, note: rest.note ?? '', ...row }),
    ...rest,
  };
}

const base = (criterionId: string, code: string, title: string, type: Row['type'], max: number, parentId: string | null, extra: Partial<Row> = {}): Row => ({
  criterionId, parentId, code, title, guidance: '', type, max, depth: parentId ? 1 : 0, applicable: true, evidenceRequired: false, pointsPerOccurrence: null, measure: '', awardBonuses: [], automaticCount: null,
  items: [], target: null, self: null, selfScore: null, evidence: [], myReview: null, myReviewFormula: null, sources: [], final: null, lowered: false, explanation: null, selfFormula: null, finalFormula: null, ...extra,
});

/** The criteria of the scheme with Lê Hồng Phong's self-assessment. */
export function rows(): Row[] {
  return [
    base('g-I', 'I', 'Thực hiện nhiệm vụ chính trị', 'group', 40, null, { selfScore: 38 }),
    base('c-I1', 'I.1', 'Hoàn thành các chỉ tiêu, nhiệm vụ được giao', 'points', 20, 'g-I', {
      evidenceRequired: true, self: scoreRow('c-I1', 'self', U.lhp.id, { score: 20, note: 'Hoàn thành kế hoạch đào tạo 2.350 lượt cán bộ' }), selfScore: 20,
      evidence: [{ id: 'ev-1', criterionId: 'c-I1', purpose: 'self', filename: 'bao-cao-tong-ket-2024.pdf', mimeType: 'application/pdf', sizeBytes: 245_760, sha256: 'ab'.repeat(32), uploadedAt: T, uploadedByName: 'Đỗ Thị Hạnh' }],
    }),
    base('c-I2', 'I.2', 'Không có cán bộ, đảng viên vi phạm kỷ luật', 'pass_fail', 10, 'g-I', { self: scoreRow('c-I2', 'self', U.lhp.id, { score: 10, passed: true }), selfScore: 10 }),
    base('c-I3', 'I.3', 'Mô hình, cách làm hay được nhân rộng', 'per_occurrence', 10, 'g-I', { pointsPerOccurrence: 2, self: scoreRow('c-I3', 'self', U.lhp.id, { score: 8, count: 4 }), selfScore: 8 }),
    base('g-II', 'II', 'Công tác thi đua, khen thưởng', 'group', 60, null, { selfScore: 55 }),
    base('c-II1', 'II.1', 'Số tin, bài tuyên truyền điển hình tiên tiến', 'target', 30, 'g-II', { measure: 'tin, bài', target: 100, self: scoreRow('c-II1', 'self', U.lhp.id, { actual: 150 }), selfScore: 30 }),
    base('c-II2', 'II.2', 'Tổ chức phong trào thi đua theo chuyên đề', 'points', 30, 'g-II', { self: scoreRow('c-II2', 'self', U.lhp.id, { score: 25 }), selfScore: 25 }),
    base('c-T', 'T', 'Điểm thưởng', 'bonus', 15, null, { items: [{ id: 'city_flag', title: 'Cờ thi đua của UBND Thành phố năm trước', points: 10, cap: null }] }),
    base('c-D', 'D', 'Điểm trừ', 'deduction', 10, null, { items: [{ id: 'late_report', title: 'Nộp chậm báo cáo', points: 1, cap: 5 }] }),
  ];
}

const NO_PERMS: Assessment['permissions'] = {
  canEdit: false, canSubmit: false, submitConfirms: false, canConfirm: false, canWithdraw: false, canReturn: false, canExplain: false, canReview: false, canAppraise: false, canSetFinal: false,
};

const totals = (total: number): Assessment['totals'] => ({ max: 100, score: total, bonus: 0, deductions: 0, total, filled: 6, required: 6, unfilledCodes: [], evidenceMissingCodes: [] });

export function assessment(phase: Phase, perms: Partial<Assessment['permissions']>, patchRows: (rows: Row[]) => Row[] = (r) => r, patch: Partial<Assessment> = {}): Assessment {
  return {
    id: 'sa-lhp', roundId: ROUND_ID, unitId: U.lhp.id, unitName: U.lhp.name, phase, status: 'submitted', submittedAt: '2024-12-04T09:00:00.000Z', confirmedByName: 'Vũ Đức Thành',
    returnReason: null, deadline: '2024-12-05T10:00:00.000Z', totals: totals(93), finalTotals: null, rows: patchRows(rows()), permissions: { ...NO_PERMS, ...perms }, version: 3,
    ...patch,
  };
}

/** Replaces the rows with these criterion ids by `f(row)`. */
export const patchRow = (id: string, f: (r: Row) => Row) => (list: Row[]) => list.map((r) => (r.criterionId === id ? f(r) : r));
