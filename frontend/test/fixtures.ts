import type { Schemas } from '@/api/client';

/**
 * Khối thi đua số 4 as the demo has it (docs/domain.md; names of the real member units, people fictional), as a user
 * who may edit none of them sees it (canUpdate: false).
 */
type Unit = Schemas['UnitDto'];
const membership = { blockId: 'block-4', blockName: 'Khối thi đua số 4', year: 2025 };
const unit = (id: string, name: string, shortName: string, extra: Partial<Unit> = {}): Unit => ({
  id, name, shortName, parentAgency: 'Thành ủy Hà Nội', address: '', phone: '', email: '', archivedAt: null, version: 1, latestMembership: membership, canUpdate: false, ...extra,
});

export const units = {
  bql: unit('unit-bql', 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội', 'Ban QL các KCN&CX', { parentAgency: 'UBND thành phố Hà Nội', address: 'Số 2 Phùng Chí Kiên, Cầu Giấy, Hà Nội', phone: '024 3791 0001' }),
  dukcq: unit('unit-dukcq', 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'ĐUK các cơ quan TP', { address: '4 Lê Lai, Hoàn Kiếm, Hà Nội', phone: '024 3825 0002' }),
  dukdh: unit('unit-dukdh', 'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội', 'ĐUK các trường ĐH, CĐ'),
  dukdn: unit('unit-dukdn', 'Đảng ủy Khối Doanh nghiệp Hà Nội', 'ĐUK Doanh nghiệp'),
  lhp: unit('unit-lhp', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Trường ĐTCB Lê Hồng Phong', { address: 'Số 2 Lê Hồng Phong, Ba Đình, Hà Nội', phone: '024 3823 0003', version: 4 }),
};
export const unitList = Object.values(units);

export const block4: Schemas['BlockDto'] = {
  id: 'block-4', code: 'KTĐ4', name: 'Khối thi đua số 4', kind: 'khoi', description: '', archivedAt: null, version: 1, latestYear: 2025, memberCount: 5, leaderUnitName: 'Đảng ủy Khối Doanh nghiệp Hà Nội',
};

export const defaultRules: Schemas['RuleSetDto'] = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  voteThresholdPercent: 50,
  voteThresholdBase: 'members',
  quotas: { gov_flag: { kind: 'count', value: 1 }, city_flag: { kind: 'count', value: 1 }, city_merit: { kind: 'percent', value: 50 } },
  tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'],
  finalScoreRule: 'leader_appraisal',
  reviewsPerUnit: 2,
  scoringScaleMax: 100,
  divergencePercent: 20,
};

/** What the server's policies let a user start in a year: the leader and deputy seats everything (not archived), others nothing. */
export const yearRights = (may: boolean): Schemas['YearRightsDto'] => ({ convene: may, openRound: may, editScheme: may, assembleDossier: may });

export const blockYear2024 = (permissions: Schemas['BlockYearPermissionsDto'], patch: Partial<Schemas['BlockYearDto']> = {}): Schemas['BlockYearDto'] => ({
  id: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024, status: 'in_progress',
  leaderUnitId: units.dukcq.id, leaderUnitName: units.dukcq.name, deputyUnitId: units.dukdn.id, deputyUnitName: units.dukdn.name,
  members: unitList.map((u) => ({ unitId: u.id, name: u.name, shortName: u.shortName })),
  legalBasis: [
    { number: '06/2022/QH15', date: '2022-06-15', title: 'Luật Thi đua, khen thưởng' },
    { number: '98/2023/NĐ-CP', date: '2023-12-31', title: 'Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' },
  ],
  rules: defaultRules,
  version: 3,
  permissions,
  ...patch,
});
