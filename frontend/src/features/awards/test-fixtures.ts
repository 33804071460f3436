import type { Schemas } from '@/api/client';
import { units } from '../../../test/fixtures';

/** DTOs as the demo's API answers them for Khối thi đua số 4 (captured from a running server; ids shortened). */
export const catalogue2024: Schemas['AwardTypeDto'][] = [
  { id: 'at-gov', year: 2024, code: 'gov_flag', name: 'Cờ thi đua của Chính phủ', gates: { topN: { kind: 'count', value: 1 }, requiredTitle: 'Tập thể lao động xuất sắc' }, blockQuota: { kind: 'count', value: 1 }, cityQuota: 2, bonusPoints: 15, sort: 1, version: 2 },
  { id: 'at-city-flag', year: 2024, code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', gates: { topN: { kind: 'count', value: 3 }, requiredTitle: 'Tập thể lao động xuất sắc' }, blockQuota: { kind: 'count', value: 1 }, cityQuota: 4, bonusPoints: 10, sort: 2, version: 2 },
  { id: 'at-city-merit', year: 2024, code: 'city_merit', name: 'Bằng khen của Chủ tịch UBND Thành phố', gates: { topN: { kind: 'percent', value: 50 }, requiredTitle: null }, blockQuota: { kind: 'percent', value: 50 }, cityQuota: 12, bonusPoints: 5, sort: 3, version: 2 },
];

const SIGNER = 'Trần Văn Lâm – Phó Chủ tịch UBND Thành phố';
export const award = (patch: Partial<Schemas['AwardRecordDto']> = {}): Schemas['AwardRecordDto'] => ({
  id: 'ah-flag-2024', unitId: units.dukcq.id, unitName: units.dukcq.name, year: 2024, code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố',
  decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', signer: SIGNER, source: 'decision', proposalId: 'prop-2024',
  revokedAt: null, revocationReason: null, revocationDecisionNumber: null, revocationDecisionDate: null, note: '', recordedAt: '2025-03-20T08:00:00.000Z', recordedByName: 'Lê Thu Trang',
  ...patch,
});
export const merit2024 = award({ id: 'ah-merit-2024', unitId: units.bql.id, unitName: units.bql.name, code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', decisionNumber: '513/QĐ-UBND' });
export const flag2023 = award({
  id: 'ah-flag-2023', year: 2023, decisionNumber: '1234/QĐ-UBND', decisionDate: '2024-03-15', signer: 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm', source: 'manual', proposalId: null,
  note: 'Nhập từ hồ sơ lưu trữ của Ban Thi đua – Khen thưởng',
});
export const revokedMerit2022 = award({
  id: 'ah-merit-2022', year: 2022, code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', decisionNumber: '987/QĐ-UBND', decisionDate: '2023-03-10', source: 'manual', proposalId: null,
  revokedAt: '2024-06-03T02:00:00.000Z', revocationReason: 'Kê khai không trung thực thành tích', revocationDecisionNumber: '2345/QĐ-UBND', revocationDecisionDate: '2024-06-01',
});

export const title2024 = (unit: { id: string; name: string }, patch: Partial<Schemas['UnitTitleDto']> = {}): Schemas['UnitTitleDto'] => ({
  id: `ut-${unit.id}`, unitId: unit.id, unitName: unit.name, year: 2024, title: 'Tập thể lao động xuất sắc', decisionNumber: '5123/QĐ-UBND', decisionDate: '2024-12-27',
  note: 'Quyết định công nhận danh hiệu "Tập thể lao động xuất sắc" năm 2024', version: 1, ...patch,
});

const rank = (r: number, u: { id: string; name: string }, total: number) => ({ rank: r, unitId: u.id, unitName: u.name, total });
export const overview2024: Schemas['BoardOverviewDto'] = {
  year: 2024,
  blockYears: [
    {
      blockYearId: 'by-ktd1', blockId: 'block-1', blockCode: 'KTĐ1', blockName: 'Khối thi đua số 1', blockKind: 'khoi', status: 'in_progress', step: 'signed', stepLabel: 'Đã ký giao ước thi đua',
      stepIndex: 2, leaderUnitName: 'Sở Nội vụ Hà Nội', deputyUnitName: 'Sở Tài chính Hà Nội', members: 6, covenant: null, rounds: [], yearEndFinalised: false, top3: [], rankedUnits: 0,
      lateness: { late: true, reasons: ['self_assessment'], labels: ['Đơn vị quá hạn chưa nộp bản tự chấm'], overdueSince: '2024-11-20T17:00:00.000Z', daysLate: 12 },
      proposal: null, decisions: {}, decisionsTotal: 0,
    },
    {
      blockYearId: 'by-2024', blockId: 'block-4', blockCode: 'KTĐ4', blockName: 'Khối thi đua số 4', blockKind: 'khoi', status: 'in_progress', step: 'decided', stepLabel: 'Đã có quyết định khen thưởng',
      stepIndex: 7, leaderUnitName: units.dukcq.name, deputyUnitName: units.dukdn.name, members: 5, covenant: { status: 'in_force', signed: 5 },
      rounds: [{ id: 'round-2024', kind: 'year_end', title: 'Chấm điểm thi đua năm 2024', phase: 'finalised', phaseLabel: 'Đã hoàn tất', finalisedAt: '2024-12-26T09:00:00.000Z' }],
      yearEndFinalised: true,
      top3: [rank(1, units.dukcq, 104.5), rank(2, units.bql, 93.5), rank(3, units.lhp, 81.96)],
      rankedUnits: 5, lateness: { late: false, reasons: [], labels: [], overdueSince: null, daysLate: 0 },
      proposal: { id: 'proposal-2024', status: 'under_appraisal', statusLabel: 'Đang thẩm định', submittedAt: '2025-01-14T01:30:00.000Z', dueAt: '2025-02-24' },
      decisions: { city_flag: 1, city_merit: 1 }, decisionsTotal: 2,
    },
  ],
  awards: [
    { code: 'gov_flag', name: 'Cờ thi đua của Chính phủ', awarded: 0, cityQuota: 2 },
    { code: 'city_flag', name: 'Cờ thi đua của UBND Thành phố', awarded: 1, cityQuota: 4 },
    { code: 'city_merit', name: 'Bằng khen của Chủ tịch UBND Thành phố', awarded: 1, cityQuota: 12 },
  ],
  byYear: [
    { year: 2022, counts: { gov_flag: 1, city_flag: 2, city_merit: 2 }, total: 5 },
    { year: 2023, counts: { gov_flag: 0, city_flag: 3, city_merit: 3 }, total: 6 },
    { year: 2024, counts: { gov_flag: 0, city_flag: 1, city_merit: 1 }, total: 2 },
  ],
  proposalsAvailable: true,
  total: 2, page: 1, pageSize: null,
  stepCounts: [{ step: 'signed', label: 'Đã ký giao ước thi đua', count: 1 }, { step: 'decided', label: 'Đã có quyết định khen thưởng', count: 1 }],
  sort: 'name',
  aggregates: {
    blocks: 2, members: 11, late: 1, ranked: 1, proposalsSubmitted: 1,
    lateByReason: [
      { reason: 'self_assessment', label: 'Đơn vị quá hạn chưa nộp bản tự chấm', count: 1 },
      { reason: 'finalisation', label: 'Quá hạn chốt điểm, hoàn tất đợt chấm', count: 0 },
      { reason: 'appraisal', label: 'Hồ sơ quá hạn thẩm định', count: 0 },
    ],
  },
};

export const bonuses2025: Schemas['AwardBonusesDto'] = {
  blockYearId: 'by-2025', year: 2025, fromYear: 2024,
  units: [
    { unitId: units.bql.id, name: units.bql.name, awards: [{ id: 'ah-merit-2024', year: 2024, code: 'city_merit', awardName: 'Bằng khen của Chủ tịch UBND Thành phố', decisionNumber: '513/QĐ-UBND', decisionDate: '2025-03-20', bonusPoints: 5 }], total: 5 },
    { unitId: units.dukcq.id, name: units.dukcq.name, awards: [{ id: 'ah-flag-2024', year: 2024, code: 'city_flag', awardName: 'Cờ thi đua của UBND Thành phố', decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', bonusPoints: 10 }], total: 10 },
    { unitId: units.dukdh.id, name: units.dukdh.name, awards: [], total: 0 },
  ],
};

export const eligibility = (year: number, patch: Partial<Schemas['EligibilityReportDto']> = {}): Schemas['EligibilityReportDto'] => ({
  award: { ...catalogue2024[1], year }, blockYearId: 'by-2025', year, roundId: null, roundFinalised: false, members: 5, quotaLimit: 1,
  units: [
    { unitId: units.dukcq.id, name: units.dukcq.name, rank: null, total: null, eligible: false, reasons: ['Kết quả đợt chấm điểm cuối năm chưa được chốt'] },
  ],
  ...patch,
});
