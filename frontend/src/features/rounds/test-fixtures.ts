/**
 * Test data for the rounds pages: Khối thi đua số 4, the 2024 year-end round, with the scheme the backend
 * tests build (groups I and II, a target criterion, bonus and deduction). People are fictional.
 */
import type { Schemas } from '@/api/client';
import { units } from '../../../test/fixtures';
import { users } from '../../../test/render';

type Round = Schemas['RoundDto'];
type Row = Schemas['AssessmentRowDto'];
type ScoreRow = Schemas['ScoreRowDto'];
type Assessment = Schemas['AssessmentDto'];
type ProgressUnit = Schemas['ProgressUnitDto'];

export const ROUND_ID = 'round-2024';
export const at = (y: number, mo: number, d: number, h = 8, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString();
export const ORDER = [units.dukcq, units.dukdn, units.bql, units.dukdh, units.lhp];

export const lhpHead: Schemas['MeDto'] = { ...users.officer, id: 'acc-lhp-head', fullName: 'Vũ Đức Thành', email: 'thutruong.lhp@thidua.vn', role: 'unit_head' };

export function round(patch: Partial<Round> = {}, permissions: Partial<Round['permissions']> = {}): Round {
  return {
    id: ROUND_ID, blockYearId: 'by-2024', blockName: 'Khối thi đua số 4', year: 2024, schemeId: 'scheme-2024', schemeTitle: 'Biểu chấm điểm thi đua năm 2024', schemeVersionNo: 1,
    kind: 'year_end', title: 'Chấm điểm thi đua năm 2024', phase: 'self_assessment', phaseLabel: 'Tự chấm điểm', isOpen: true,
    opensAt: at(2024, 11, 25, 8), selfAssessmentUntil: at(2030, 12, 10, 17), reviewUntil: at(2030, 12, 20, 17), explanationUntil: at(2030, 12, 27, 17), finalReviewUntil: null, finalisedAt: null,
    units: ORDER.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName })), myUnit: null,
    permissions: { canManage: false, canSelfAssess: false, canSeeRanking: false, canSeeProgress: false, ...permissions }, version: 3,
    ...patch,
  };
}

export const leaderRound = (patch: Partial<Round> = {}) =>
  round({ myUnit: { unitId: units.dukcq.id, deadline: at(2030, 12, 10, 17), status: 'draft', reviews: [] }, ...patch }, { canManage: true, canSelfAssess: true, canSeeRanking: true, canSeeProgress: true });

export function progressUnit(unit: { id: string; name: string }, patch: Partial<ProgressUnit> = {}): ProgressUnit {
  return {
    unitId: unit.id, unitName: unit.name, status: 'draft', submitted: false, submittedAt: null, criteriaFilled: 0, criteriaRequired: 5, evidenceMissing: 1, evidenceMissingCodes: ['I.1'],
    deadline: at(2030, 12, 10, 17), secondsLeft: 3 * 86400 + 4 * 3600, extensionReason: null, lastSavedAt: null, returnReason: null, ...patch,
  };
}

export const progress = (list: ProgressUnit[]): Schemas['ProgressDto'] => ({ roundId: ROUND_ID, phase: 'self_assessment', now: at(2030, 12, 7, 13), units: list });

// ------------------------------------------------------------------------------------ assessment

const node = (criterionId: string, code: string, title: string, type: Row['type'], max: number, patch: Partial<Row> = {}): Row => ({
  criterionId, parentId: null, code, title, guidance: '', type, max, depth: 0, applicable: true, evidenceRequired: false, pointsPerOccurrence: null, measure: '', awardBonuses: [], automaticCount: null,
  items: [], target: null, self: null, selfScore: null, evidence: [], myReview: null, myReviewFormula: null, sources: [], final: null, lowered: false, explanation: null, selfFormula: null, finalFormula: null, ...patch,
});

export function scoreRow(criterionId: string, patch: Partial<ScoreRow> = {}): ScoreRow {
  return {
    id: `score-${criterionId}`, criterionId, unitId: units.lhp.id, source: 'self', scorerUnitId: units.lhp.id, score: null, passed: null, count: null, actual: null, items: null,
    note: '', version: 1, updatedAt: at(2024, 12, 2, 9, 15), updatedByName: 'Đỗ Thị Hạnh', ...patch,
  };
}

export const evidence = (criterionId: string, patch: Partial<Schemas['EvidenceDto']> = {}): Schemas['EvidenceDto'] => ({
  id: `ev-${criterionId}`, criterionId, purpose: 'self', filename: 'Báo cáo tổng kết năm 2024.pdf', mimeType: 'application/pdf', sizeBytes: 254_310,
  sha256: '9f2c4a7be1d05c3382f6e0a1b4c7d9e2f3a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9', uploadedAt: at(2024, 12, 2, 9, 20), uploadedByName: 'Đỗ Thị Hạnh', ...patch,
});

/** The test scheme: I (I.1 points with evidence, I.2 pass/fail, I.3 per occurrence), II (II.1 target, II.2 points), T bonus, D deduction. */
export function rows(over: Partial<Record<string, Partial<Row>>> = {}): Row[] {
  const list = [
    node('c-I', 'I', 'Thực hiện nhiệm vụ chính trị', 'group', 40),
    node('c-I1', 'I.1', 'Hoàn thành nhiệm vụ trọng tâm', 'points', 20, { parentId: 'c-I', depth: 1, evidenceRequired: true, guidance: 'Căn cứ báo cáo tổng kết năm của đơn vị' }),
    node('c-I2', 'I.2', 'Ban hành kế hoạch thi đua đúng hạn', 'pass_fail', 10, { parentId: 'c-I', depth: 1 }),
    node('c-I3', 'I.3', 'Mô hình, điển hình tiên tiến', 'per_occurrence', 10, { parentId: 'c-I', depth: 1, pointsPerOccurrence: 2 }),
    node('c-II', 'II', 'Công tác thi đua, khen thưởng', 'group', 60),
    node('c-II1', 'II.1', 'Hồ sơ khen thưởng giải quyết đúng hạn', 'target', 30, { parentId: 'c-II', depth: 1, measure: 'hồ sơ', target: 100 }),
    node('c-II2', 'II.2', 'Tuyên truyền, nhân rộng điển hình', 'points', 30, { parentId: 'c-II', depth: 1 }),
    node('c-T', 'T', 'Điểm thưởng', 'bonus', 15, { items: [{ id: 'city_flag', title: 'Cờ thi đua của UBND Thành phố năm trước', points: 10, cap: null }, { id: 'gov_flag', title: 'Cờ thi đua của Chính phủ năm trước', points: 15, cap: null }] }),
    node('c-D', 'D', 'Điểm trừ', 'deduction', 10, { items: [{ id: 'late', title: 'Nộp báo cáo chậm', points: 2, cap: 10 }] }),
  ];
  return list.map((r) => ({ ...r, ...over[r.code] }));
}

const permissionsOf = (p: Partial<Assessment['permissions']>): Assessment['permissions'] => ({
  canEdit: false, canSubmit: false, submitConfirms: false, canConfirm: false, canWithdraw: false, canReturn: false, canExplain: false, canReview: false, canAppraise: false, canSetFinal: false, ...p,
});

export function assessment(patch: Partial<Assessment> = {}, permissions: Partial<Assessment['permissions']> = {}): Assessment {
  return {
    id: 'sa-lhp', roundId: ROUND_ID, unitId: units.lhp.id, unitName: units.lhp.name, phase: 'self_assessment', status: 'draft', submittedAt: null, confirmedByName: null, returnReason: null,
    deadline: at(2030, 12, 10, 17),
    totals: { max: 100, score: 0, bonus: 0, deductions: 0, total: 0, filled: 0, required: 5, unfilledCodes: ['I.1', 'I.2', 'I.3', 'II.1', 'II.2'], evidenceMissingCodes: ['I.1'] },
    finalTotals: null, rows: rows(), permissions: permissionsOf(permissions), version: 1,
    ...patch,
  };
}

/** An officer's draft: canEdit and canSubmit. */
export const editable = { canEdit: true, canSubmit: true };

/** Everything filled but II.2, I.1 without its required evidence; II.1 scored by the server (actual 100 = target → 15). */
export const nearlyDone = () => rows({
  'I.1': { self: scoreRow('c-I1', { score: 18, note: 'Hoàn thành 100% nhiệm vụ được giao' }), selfScore: 18 },
  'I.2': { self: scoreRow('c-I2', { score: 10, passed: true }), selfScore: 10 },
  'I.3': { self: scoreRow('c-I3', { score: 8, count: 4 }), selfScore: 8 },
  'II.1': { self: scoreRow('c-II1', { actual: 100 }), selfScore: 15 },
});

/** A scheme of `n` point criteria in groups of ten, for the size test. */
export function bigRows(n: number): Row[] {
  const out: Row[] = [];
  for (let g = 0; g < Math.ceil(n / 10); g++) {
    out.push(node(`g${g}`, `${g + 1}`, `Nhóm tiêu chí ${g + 1}`, 'group', 100));
    for (let i = 0; i < 10 && g * 10 + i < n; i++) {
      out.push(node(`g${g}-c${i}`, `${g + 1}.${i + 1}`, `Tiêu chí ${g + 1}.${i + 1}`, 'points', 10, { parentId: `g${g}`, depth: 1, guidance: 'Hướng dẫn chấm điểm' }));
    }
  }
  return out;
}
