import type { EntityManager } from 'typeorm';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../../modules/audit/audit.service';
import { EXCELLENT_COLLECTIVE_TITLE } from '../../domain/year-end';
import { demoActor } from './demo-ids';
import { activeUnitIdsNamed } from '../../modules/units/units-data';
import { AwardsService } from '../../modules/awards/awards.service';
import { UnitRecordsService } from '../../modules/awards/unit-records.service';

/** Demo units by short name (units.short_name), so the seed finds them in any database holding the demo. */
const UNIT = {
  dukcq: 'ĐUK các cơ quan TP', hiza: 'Ban QL các KCN&CX', lhp: 'Trường ĐTCB Lê Hồng Phong', dukdn: 'ĐUK Doanh nghiệp', dukdh: 'ĐUK các trường ĐH, CĐ',
  snv: 'Sở Nội vụ', stc: 'Sở Tài chính', stp: 'Sở Tư pháp', vpub: 'VP UBND TP', sxd: 'Sở Xây dựng', bdinh: 'Quận Ba Đình', hkiem: 'Quận Hoàn Kiếm', hbt: 'Quận Hai Bà Trưng',
} as const;
type Key = keyof typeof UNIT;

const UBND_SIGNER = 'KT. Chủ tịch – Phó Chủ tịch UBND Thành phố Trần Văn Lâm';
const TTG_SIGNER = 'KT. Thủ tướng – Phó Thủ tướng Lê Văn Thịnh';

/** Decisions of earlier years (fictional numbers in the usual form; dates as the city issues them, in the spring after the year). */
const HISTORY: { unit: Key; year: number; code: string; number: string; date: string; signer: string }[] = [
  { unit: 'hiza', year: 2022, code: 'city_flag', number: '1052/QĐ-UBND', date: '2023-03-10', signer: UBND_SIGNER },
  { unit: 'bdinh', year: 2022, code: 'city_flag', number: '1052/QĐ-UBND', date: '2023-03-10', signer: UBND_SIGNER },
  { unit: 'dukcq', year: 2022, code: 'city_merit', number: '1053/QĐ-UBND', date: '2023-03-10', signer: UBND_SIGNER },
  { unit: 'stc', year: 2022, code: 'city_merit', number: '1053/QĐ-UBND', date: '2023-03-10', signer: UBND_SIGNER },
  { unit: 'bdinh', year: 2022, code: 'gov_flag', number: '612/QĐ-TTg', date: '2023-05-25', signer: TTG_SIGNER },
  { unit: 'dukcq', year: 2023, code: 'city_flag', number: '1234/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
  { unit: 'snv', year: 2023, code: 'city_flag', number: '1234/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
  { unit: 'hkiem', year: 2023, code: 'city_flag', number: '1234/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
  { unit: 'dukdn', year: 2023, code: 'city_merit', number: '1235/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
  { unit: 'lhp', year: 2023, code: 'city_merit', number: '1235/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
  { unit: 'sxd', year: 2023, code: 'city_merit', number: '1235/QĐ-UBND', date: '2024-03-15', signer: UBND_SIGNER },
];

/**
 * "Tập thể lao động xuất sắc": 2023 for the units the city honoured for 2023; 2024 for four of Khối 4's five units (not ĐUK các
 * trường ĐH, CĐ); 2025 for four of Khối 1's six units (its year end is left for a newcomer to replay).
 */
const TITLES: { units: Key[]; year: number; number: string; date: string }[] = [
  { units: ['dukcq', 'snv', 'hkiem', 'dukdn', 'lhp'], year: 2023, number: '5087/QĐ-UBND', date: '2023-12-26' },
  { units: ['dukcq', 'hiza', 'lhp', 'dukdn'], year: 2024, number: '5123/QĐ-UBND', date: '2024-12-27' },
  { units: ['snv', 'vpub', 'stc', 'stp'], year: 2025, number: '5215/QĐ-UBND', date: '2025-12-23' },
];

/** City-wide quotas the board set for the demo years (the defaults have none). */
const CITY_QUOTAS: Record<string, number> = { gov_flag: 2, city_flag: 4, city_merit: 12 };

export interface AwardsDemoResult {
  catalogueYears: number[];
  titles: number;
  disciplineFlagId: string;
  historyIds: string[];
}

/**
 * Awards demo: catalogues of 2024 and 2025 (defaults, with the board's city-wide quotas), the 2023–2025
 * titles, one disciplinary flag (Cụm thi đua số 1, 2024), and award history of 2022–2023 across the blocks.
 * Self-sufficient: finds units by short name and the board account by email. Runs in the demo loader's
 * transaction before the rounds seed (a finalised round's ranking counts the awards of the year before).
 */
export async function seedAwardsDemo(em: EntityManager): Promise<AwardsDemoResult> {
  const ds = em.connection;
  const audit = new AuditService(ds);
  const awards = new AwardsService(ds, audit, new ScopeService(ds));
  const records = new UnitRecordsService(ds, audit);
  const actor = await demoActor(em, 'bantdkt@thidua.vn');
  const unit = async (k: Key): Promise<string> => {
    const [id] = await activeUnitIdsNamed(em, UNIT[k]);
    if (!id) throw new Error(`awards demo: unit ${UNIT[k]} is missing`);
    return id;
  };

  // The board sets the city-wide quotas of each year's catalogue, as on the catalogue screen.
  const catalogueYears = [2024, 2025];
  for (const year of catalogueYears) {
    for (const t of await awards.catalogue(em, year)) {
      if (t.code in CITY_QUOTAS) await awards.updateAwardTypeTx(em, actor, t.id, { cityQuota: CITY_QUOTAS[t.code], version: t.version });
    }
  }

  let titles = 0;
  for (const group of TITLES) {
    for (const k of group.units) {
      await records.addTitle(em, actor, {
        unitId: await unit(k), year: group.year, title: EXCELLENT_COLLECTIVE_TITLE, decisionNumber: group.number, decisionDate: group.date,
        note: `Quyết định công nhận danh hiệu "${EXCELLENT_COLLECTIVE_TITLE}" năm ${group.year}`,
      });
      titles++;
    }
  }

  const flag = await records.addFlag(em, actor, {
    unitId: await unit('hbt'), year: 2024, decisionNumber: '378/QĐ-UBND', decisionDate: '2024-09-12',
    reason: 'Để xảy ra sai phạm trong quản lý trật tự xây dựng trên địa bàn; tập thể lãnh đạo UBND quận bị khiển trách theo kết luận thanh tra.',
  });

  const historyIds: string[] = [];
  for (const h of HISTORY) {
    const r = await awards.recordAward(em, actor, {
      unitId: await unit(h.unit), year: h.year, code: h.code, decisionNumber: h.number, decisionDate: h.date, signer: h.signer, source: 'manual',
      note: 'Nhập từ hồ sơ lưu trữ của Ban Thi đua – Khen thưởng',
    });
    historyIds.push(r.id);
  }
  return { catalogueYears, titles, disciplineFlagId: flag.id, historyIds };
}
