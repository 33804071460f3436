import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../../modules/audit/audit.service';
import { accountPage } from '../../modules/accounts/accounts-data';
import { AwardsService } from '../../modules/awards/awards.service';
import { BallotReadService } from '../../modules/ballots/ballot-read.service';
import { blockYearByCode } from '../../modules/block-years/block-years-data';
import { renderPdf } from '../../modules/documents';
import { demoActor } from './demo-ids';
import { DraftReadService } from '../../modules/drafts/draft-read.service';
import { NewsService } from '../../modules/news/news.service';
import { CityQuotaService } from '../../modules/proposals/city-quota.service';
import { decisionsOf, frozenNominees, liveDossiersOf } from '../../modules/proposals/dossier-read-data';
import { DossierReadService } from '../../modules/proposals/dossier-read.service';
import { DossierWorkflowService } from '../../modules/proposals/dossier-workflow.service';

/** Hà Nội time, as the dossier's history records it. */
const vn = (local: string) => new Date(`${local}+07:00`);

/** The city's decisions on Khối thi đua số 4's 2024 dossier (fictional numbers in the usual form). */
const DECISIONS: Record<string, { number: string; date: string; signer: string }> = {
  city_flag: { number: '512/QĐ-UBND', date: '2025-03-20', signer: 'Trần Văn Lâm – Phó Chủ tịch UBND Thành phố' },
  city_merit: { number: '513/QĐ-UBND', date: '2025-03-20', signer: 'Trần Văn Lâm – Phó Chủ tịch UBND Thành phố' },
  gov_flag: { number: '698/QĐ-TTg', date: '2025-05-26', signer: 'Lê Văn Thịnh – Phó Thủ tướng' },
};

const RETURN_REASON = (unitName: string) =>
  `Báo cáo thành tích của ${unitName} chưa có xác nhận của cơ quan chủ quản và chưa nêu số liệu so sánh với năm 2023; tờ trình chưa nêu căn cứ kết quả bỏ phiếu. Đề nghị Khối bổ sung, hoàn thiện và trình lại.`;

/** The dossier workflow and read model with their dependencies built by hand (the demo runs outside Nest). */
export function dossierServicesFor(em: EntityManager): { workflow: DossierWorkflowService; dossiers: DossierReadService } {
  const ds = em.connection;
  const audit = new AuditService(ds);
  const scope = new ScopeService(ds);
  const awards = new AwardsService(ds, audit, scope);
  const ballots = new BallotReadService(ds);
  const news = new NewsService(ds, audit, new DraftReadService(ds));
  const dossiers = new DossierReadService(ds, awards, ballots, news, new CityQuotaService(ds, awards));
  return { workflow: new DossierWorkflowService(ds, audit, awards, ballots, news, dossiers), dossiers };
}

/** A short achievement report (báo cáo thành tích) as a real PDF, as a unit would upload it. */
async function achievementReport(unitName: string, rank: number | null, revised: boolean): Promise<Buffer> {
  return renderPdf({
    agency: { parent: 'Thành ủy Hà Nội', name: unitName },
    number: '',
    place: 'Hà Nội',
    date: revised ? '2025-01-13' : '2024-12-26',
    type: 'Báo cáo',
    title: `Thành tích thực hiện phong trào thi đua năm 2024\n(Đề nghị tặng thưởng của Khối thi đua số 4)${revised ? '\n(Bản bổ sung)' : ''}`,
    blocks: [
      { kind: 'heading', text: 'I. ĐẶC ĐIỂM, TÌNH HÌNH' },
      { kind: 'paragraph', content: `${unitName} là đơn vị thành viên của Khối thi đua số 4; năm 2024 đơn vị hoàn thành toàn diện các nhiệm vụ được giao.` },
      { kind: 'heading', text: 'II. THÀNH TÍCH ĐẠT ĐƯỢC' },
      { kind: 'paragraph', content: `Kết quả chấm điểm thi đua năm 2024 của Khối: ${rank ? `xếp thứ ${rank}` : 'đạt yêu cầu'}. Đơn vị đạt danh hiệu "Tập thể lao động xuất sắc".` },
      ...(revised ? [{ kind: 'paragraph' as const, content: 'So với năm 2023, các chỉ tiêu chủ yếu đều tăng; số mô hình, điển hình tiên tiến được nhân rộng tăng từ 3 lên 5.' }] : []),
      { kind: 'heading', text: 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG' },
      { kind: 'paragraph', content: 'Theo lịch sử khen thưởng lưu tại Ban Thi đua – Khen thưởng Thành phố.' },
    ],
    signatures: [{ position: 'Thủ trưởng đơn vị', name: '' }],
    footer: revised ? 'Bản bổ sung có xác nhận của cơ quan chủ quản' : undefined,
  });
}

export interface ProposalsDemoResult {
  proposalId: string;
  awardHistoryIds: string[];
}

/** The unit's (only) active account of this role in the demo, as the actor. */
async function actorOf(em: EntityManager, unitId: string, role: Role): Promise<Actor> {
  const { rows: [a] } = await accountPage(em, { unitId, role, page: 1, pageSize: 1 });
  if (!a) throw new Error(`proposals demo: unit ${unitId} has no ${role} account`);
  return demoActor(em, a.email);
}

/** The award history entries the dossier's decisions wrote. */
async function awardHistoryIdsOf(em: EntityManager, proposalId: string): Promise<string[]> {
  return (await decisionsOf(em, proposalId)).map((d) => d.awardHistoryId).filter((id): id is string => !!id);
}

/**
 * Khối thi đua số 4's 2024 dossier, through the service's own code paths: assembled by the leader unit
 * (ĐUK các cơ quan TP), reports uploaded by each nominee, submitted by its head on 30/12/2024, taken and
 * returned by the board with a reason, fixed (a revised report, a completed letter) and resubmitted,
 * approved, then decided: Quyết định số 512/QĐ-UBND ngày 20/3/2025 for the city flag (and 513/QĐ-UBND for
 * the chair's certificates of merit) written into the award history by the awards module.
 *
 * Self-sufficient: looks everything up by block code, short names and emails. Needs what the earlier seeds
 * leave: the finalised 2024 year-end round (rounds), the year-end conference with approved minutes and the
 * closed ballots with signed tally records (ballots), the award catalogue (awards). Runs in the demo
 * loader's transaction after the awards and ballots seeds; does nothing when the dossier exists.
 */
export async function seedProposalsDemo(em: EntityManager): Promise<ProposalsDemoResult> {
  const by = await blockYearByCode(em, 'KTĐ4', 2024);
  if (!by?.leaderUnitId) throw new Error('proposals demo: Khối thi đua số 4 (KTĐ4) has no 2024 block year with a leader unit');
  const [existing] = await liveDossiersOf(em, [by.id]);
  if (existing) return { proposalId: existing.id, awardHistoryIds: await awardHistoryIdsOf(em, existing.id) };
  const { workflow: svc, dossiers } = dossierServicesFor(em);
  const leaderOfficer = await actorOf(em, by.leaderUnitId, 'officer');
  const leaderHead = await actorOf(em, by.leaderUnitId, 'unit_head');
  const board = await demoActor(em, 'bantdkt@thidua.vn');

  // 27/12/2024: the leader unit assembles the dossier; the letter is numbered 05/TTr-KTĐ4.
  const id = await svc.createDossierIn(em, leaderOfficer, by.id, vn('2024-12-27T09:00:00'));
  await svc.editLetterIn(em, leaderOfficer, id, { version: 1, number: '05/TTr-KTĐ4' });

  // Each nominee unit uploads its achievement report.
  const nominees = (await dossiers.readDossierIn(em, id, leaderOfficer)).nominees;
  if (!nominees.length) throw new Error('proposals demo: the 2024 ballots of KTĐ4 elected nobody (run the ballots demo first)');
  const units = [...new Map(nominees.map((n) => [n.unitId, n])).values()];
  for (const [i, n] of units.entries()) {
    const officer = await actorOf(em, n.unitId, 'officer');
    await svc.uploadAchievementReportIn(em, officer, id, n.unitId, { buffer: await achievementReport(n.unitName, n.rank, false), originalname: `Bao cao thanh tich ${n.unitName}.pdf` }, vn(`2024-12-2${8 + (i % 2)}T10:00:00`));
  }

  // 30/12/2024: the leader unit's head submits; the board takes it, then returns it with a reason.
  await svc.submitDossierIn(em, leaderHead, id, vn('2024-12-30T08:30:00'));
  await svc.startAppraisalIn(em, board, id, vn('2025-01-03T09:00:00'));
  const fixUnit = units.find((u) => u.unitId !== by.leaderUnitId) ?? units[0];
  await svc.returnDossierIn(em, board, id, RETURN_REASON(fixUnit.unitName), vn('2025-01-08T15:00:00'));

  // The block fixes it: a revised report, the ballot result cited in the letter; resubmitted on 14/01/2025.
  const fixer = await actorOf(em, fixUnit.unitId, 'officer');
  await svc.uploadAchievementReportIn(em, fixer, id, fixUnit.unitId, { buffer: await achievementReport(fixUnit.unitName, fixUnit.rank, true), originalname: `Bao cao thanh tich ${fixUnit.unitName} (bo sung).pdf` }, vn('2025-01-13T16:00:00'));
  const { version, letter } = await dossiers.readDossierIn(em, id, leaderOfficer);
  await svc.editLetterIn(em, leaderOfficer, id, {
    version,
    paragraphs: [...letter.paragraphs, 'Tại Hội nghị tổng kết, các đơn vị đã bỏ phiếu kín bình xét, suy tôn; kết quả kiểm phiếu được ghi tại các biên bản kiểm phiếu kèm theo hồ sơ.'],
  });
  await svc.submitDossierIn(em, leaderHead, id, vn('2025-01-14T08:30:00'));

  // The board appraises and approves; the council decides on 20/3/2025.
  await svc.startAppraisalIn(em, board, id, vn('2025-01-15T09:00:00'));
  await svc.approveDossierIn(em, board, id, 'Hồ sơ đầy đủ, đúng quy định; trình Hội đồng Thi đua – Khen thưởng Thành phố xem xét.', vn('2025-02-25T10:00:00'));
  const frozen = await frozenNominees(em, id);
  const codes = [...new Set(frozen.map((n) => n.code))].sort((a, b) => (DECISIONS[a]?.date ?? '9').localeCompare(DECISIONS[b]?.date ?? '9'));
  for (const code of codes) {
    const d = DECISIONS[code] ?? DECISIONS.city_merit;
    await svc.recordDecisionIn(em, board, id, {
      outcome: 'awarded', decisionNumber: d.number, decisionDate: d.date, signer: d.signer,
      nominees: frozen.filter((n) => n.code === code).map((n) => ({ unitId: n.unitId, code })),
    }, vn(`${d.date}T16:00:00`));
  }
  return { proposalId: id, awardHistoryIds: await awardHistoryIdsOf(em, id) };
}

