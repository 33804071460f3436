/**
 * Demo covenants of Khối thi đua số 4: 2024's, opened for signing by the launch conference of 26/04/2024
 * (its decision, `seedLaunch2024`), signed there by the five heads and in force; 2025's, a draft. Written
 * through the service's transactional methods (rows, hashes, the stored PDF and the audit entries as in real
 * use), then dated as in the story. The goals come from the year's latest circulated or adopted plan.
 */
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { covenantState, recordDemoTimes } from '../../modules/covenants/covenant-data';
import { CovenantsService } from '../../modules/covenants/covenants.service';
import type { CovenantTargetInputDto } from '../../modules/covenants/dto/covenant.dto';
import { demoActor, type StartOfYearDemoIds, unitIdOf, vn } from './demo-ids';
import { DEMO_EMAILS } from './drafts';

export type { StartOfYearDemoIds } from './demo-ids';


const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** Who signed in 2024, in order, and when (Hà Nội time): member units first, the leader unit last. */
const SIGNING_2024: { unit: keyof typeof DEMO_EMAILS.heads; time: string; ip: string }[] = [
  { unit: 'hiza', time: '10:00', ip: '10.4.26.11' },
  { unit: 'lhp', time: '10:04', ip: '10.4.26.12' },
  { unit: 'dukdn', time: '10:08', ip: '10.4.26.13' },
  { unit: 'dukdh', time: '10:12', ip: '10.4.26.14' },
  { unit: 'dukcq', time: '10:18', ip: '10.4.26.10' },
];

function targets2024(u: (k: string) => string): CovenantTargetInputDto[] {
  const t = (unit: string, indicator: string, unitOfMeasure: string, targetValue: number) => ({ unitId: u(unit), indicator, unitOfMeasure, targetValue });
  const onTime = 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn';
  const stories = 'Số tin, bài tuyên truyền gương người tốt, việc tốt';
  const members = 'Số đảng viên mới kết nạp';
  return [
    t('hiza', onTime, '%', 99.5), t('hiza', stories, 'tin, bài', 24), t('hiza', 'Vốn đầu tư thu hút mới vào các khu công nghiệp, khu chế xuất', 'triệu USD', 500),
    t('dukcq', onTime, '%', 100), t('dukcq', stories, 'tin, bài', 36), t('dukcq', members, 'đảng viên', 650),
    t('lhp', onTime, '%', 100), t('lhp', stories, 'tin, bài', 20), t('lhp', 'Số lượt học viên được đào tạo, bồi dưỡng', 'lượt học viên', 9000),
    t('dukdn', onTime, '%', 100), t('dukdn', stories, 'tin, bài', 30), t('dukdn', members, 'đảng viên', 1200),
    t('dukdh', onTime, '%', 100), t('dukdh', stories, 'tin, bài', 28), t('dukdh', members, 'đảng viên', 1500),
  ];
}

/** The covenants use cases, built as the app builds them, acting in the loader's transaction. */
export function covenantUseCases(em: EntityManager): CovenantsService {
  return new CovenantsService(em.connection, new AuditService(em.connection));
}

/**
 * The 2024 covenant drafted from the circulated plan and its targets agreed, for the launch conference to open
 * for signing; its id. Run inside the demo loader's transaction, after `seedDrafts2024Demo`.
 */
export async function seedCovenant2024Demo(em: EntityManager, ids: StartOfYearDemoIds): Promise<string> {
  const svc = covenantUseCases(em);
  const leader24 = await demoActor(em, DEMO_EMAILS.leader2024);
  const c24 = await svc.createTx(em, leader24, { blockYearId: ids.blockYearIds[2024], title: 'Năm 2024 của Khối thi đua số 4' });
  await svc.setTargetsTx(em, leader24, c24, { targets: targets2024((k) => unitIdOf(ids, k)), version: await versionOf(em, c24) });
  return c24;
}

/**
 * After the launch conference opened the 2024 covenant for signing: the five heads' signatures (it is in force),
 * and the 2025 draft by the new leader. Run inside the demo loader's transaction, after the 2025 plan is circulated;
 * the 2025 covenant's id.
 */
export async function seedCovenantsAfterLaunch2024Demo(em: EntityManager, ids: StartOfYearDemoIds, c24: string): Promise<string> {
  const svc = covenantUseCases(em);
  const u = (k: string) => unitIdOf(ids, k);
  const leader25 = await demoActor(em, DEMO_EMAILS.leader2025);
  if ((await covenantState(em, c24))?.status !== 'signing') throw new Error('Demo: the 2024 covenant should have been opened for signing at the launch conference');
  await recordDemoTimes(em, c24, { createdAt: vn('2024-04-05', '09:30'), openedAt: vn('2024-04-26', '09:55') });
  for (const s of SIGNING_2024) {
    const head = await demoActor(em, DEMO_EMAILS.heads[s.unit]);
    await svc.signTx(em, head, c24, {}, { ip: s.ip, userAgent: UA, signedAt: vn('2024-04-26', s.time) });
  }
  const status = (await covenantState(em, c24))?.status;
  if (status !== 'in_force') throw new Error(`Demo: the 2024 covenant should be in force, is ${status}`);

  // 2025: a draft by the new leader, goals from the circulated plan, the first targets entered.
  const c25 = await svc.createTx(em, leader25, { blockYearId: ids.blockYearIds[2025], title: 'Năm 2025 của Khối thi đua số 4' });
  const onTime = 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn';
  await svc.setTargetsTx(em, leader25, c25, {
    version: await versionOf(em, c25),
    targets: [
      { unitId: u('dukdn'), indicator: onTime, unitOfMeasure: '%', targetValue: 100 },
      { unitId: u('dukdn'), indicator: 'Số đảng viên mới kết nạp', unitOfMeasure: 'đảng viên', targetValue: 1250 },
      { unitId: u('dukdh'), indicator: onTime, unitOfMeasure: '%', targetValue: 100 },
      { unitId: u('dukdh'), indicator: 'Số đảng viên mới kết nạp', unitOfMeasure: 'đảng viên', targetValue: 1550 },
      { unitId: u('lhp'), indicator: 'Số lượt học viên được đào tạo, bồi dưỡng', unitOfMeasure: 'lượt học viên', targetValue: 9500 },
    ],
  });
  await recordDemoTimes(em, c25, { createdAt: vn('2025-03-12', '10:00') });
  return c25;
}

async function versionOf(em: EntityManager, id: string): Promise<number> {
  const state = await covenantState(em, id);
  if (!state) throw new Error(`Demo: covenant ${id} is missing`);
  return state.version;
}
