import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../audit/audit.service';
import { AwardsService } from '../awards/awards.service';
import { BallotReadService } from '../ballots/ballot-read.service';
import { renderPdf } from '../documents';
import { DraftReadService } from '../drafts/draft-read.service';
import { NewsService } from '../news/news.service';
import { CityQuotaService } from './city-quota.service';
import { DossierReadService } from './dossier-read.service';
import { DossierWorkflowService } from './dossier-workflow.service';

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

async function actorOf(em: EntityManager, where: string, params: unknown[]): Promise<Actor> {
  const [a] = await em.query(`SELECT id, role, unit_id, full_name, email FROM accounts WHERE ${where} AND archived_at IS NULL ORDER BY created_at LIMIT 1`, params);
  if (!a) throw new Error(`proposals demo: no account where ${where} (${params.join(', ')})`);
  return { id: a.id, role: a.role, unitId: a.unit_id, fullName: a.full_name, email: a.email, sessionId: 'demo' };
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
  const [by] = await em.query(`SELECT y.id, y.leader_unit_id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = 2024`);
  if (!by) throw new Error('proposals demo: Khối thi đua số 4 (KTĐ4) has no 2024 block year');
  const [existing] = await em.query(`SELECT id FROM proposals WHERE block_year_id = $1 AND status <> 'cancelled'`, [by.id]);
  if (existing) {
    const ids = await em.query('SELECT award_history_id FROM proposal_decisions WHERE proposal_id = $1 AND award_history_id IS NOT NULL', [existing.id]);
    return { proposalId: existing.id, awardHistoryIds: ids.map((r: { award_history_id: string }) => r.award_history_id) };
  }
  const { workflow: svc, dossiers } = dossierServicesFor(em);
  const leaderOfficer = await actorOf(em, `unit_id = $1 AND role = 'officer'`, [by.leader_unit_id]);
  const leaderHead = await actorOf(em, `unit_id = $1 AND role = 'unit_head'`, [by.leader_unit_id]);
  const board = await actorOf(em, 'email = $1', ['bantdkt@thidua.vn']);

  // 27/12/2024: the leader unit assembles the dossier; the letter is numbered 05/TTr-KTĐ4.
  const id = await svc.createDossierIn(em, leaderOfficer, by.id, vn('2024-12-27T09:00:00'));
  await svc.editLetterIn(em, leaderOfficer, id, { version: 1, number: '05/TTr-KTĐ4' });

  // Each nominee unit uploads its achievement report.
  const nominees = (await dossiers.readDossierIn(em, id, leaderOfficer)).nominees;
  if (!nominees.length) throw new Error('proposals demo: the 2024 ballots of KTĐ4 elected nobody (run the ballots demo first)');
  const units = [...new Map(nominees.map((n) => [n.unitId, n])).values()];
  for (const [i, n] of units.entries()) {
    const officer = await actorOf(em, `unit_id = $1 AND role = 'officer'`, [n.unitId]);
    await svc.uploadAchievementReportIn(em, officer, id, n.unitId, { buffer: await achievementReport(n.unitName, n.rank, false), originalname: `Bao cao thanh tich ${n.unitName}.pdf` }, vn(`2024-12-2${8 + (i % 2)}T10:00:00`));
  }

  // 30/12/2024: the leader unit's head submits; the board takes it, then returns it with a reason.
  await svc.submitDossierIn(em, leaderHead, id, vn('2024-12-30T08:30:00'));
  await svc.startAppraisalIn(em, board, id, vn('2025-01-03T09:00:00'));
  const fixUnit = units.find((u) => u.unitId !== by.leader_unit_id) ?? units[0];
  await svc.returnDossierIn(em, board, id, RETURN_REASON(fixUnit.unitName), vn('2025-01-08T15:00:00'));

  // The block fixes it: a revised report, the ballot result cited in the letter; resubmitted on 14/01/2025.
  const fixer = await actorOf(em, `unit_id = $1 AND role = 'officer'`, [fixUnit.unitId]);
  await svc.uploadAchievementReportIn(em, fixer, id, fixUnit.unitId, { buffer: await achievementReport(fixUnit.unitName, fixUnit.rank, true), originalname: `Bao cao thanh tich ${fixUnit.unitName} (bo sung).pdf` }, vn('2025-01-13T16:00:00'));
  const [{ version, letter_paragraphs: paragraphs }] = await em.query('SELECT version, letter_paragraphs FROM proposals WHERE id = $1', [id]);
  await svc.editLetterIn(em, leaderOfficer, id, {
    version,
    paragraphs: [...paragraphs, 'Tại Hội nghị tổng kết, các đơn vị đã bỏ phiếu kín bình xét, suy tôn; kết quả kiểm phiếu được ghi tại các biên bản kiểm phiếu kèm theo hồ sơ.'],
  });
  await svc.submitDossierIn(em, leaderHead, id, vn('2025-01-14T08:30:00'));

  // The board appraises and approves; the council decides on 20/3/2025.
  await svc.startAppraisalIn(em, board, id, vn('2025-01-15T09:00:00'));
  await svc.approveDossierIn(em, board, id, 'Hồ sơ đầy đủ, đúng quy định; trình Hội đồng Thi đua – Khen thưởng Thành phố xem xét.', vn('2025-02-25T10:00:00'));
  const frozen: { unit_id: string; award_code: string }[] = await em.query('SELECT unit_id, award_code FROM proposal_nominees WHERE proposal_id = $1 ORDER BY sort', [id]);
  const codes = [...new Set(frozen.map((n) => n.award_code))].sort((a, b) => (DECISIONS[a]?.date ?? '9').localeCompare(DECISIONS[b]?.date ?? '9'));
  for (const code of codes) {
    const d = DECISIONS[code] ?? DECISIONS.city_merit;
    await svc.recordDecisionIn(em, board, id, {
      outcome: 'awarded', decisionNumber: d.number, decisionDate: d.date, signer: d.signer,
      nominees: frozen.filter((n) => n.award_code === code).map((n) => ({ unitId: n.unit_id, code })),
    }, vn(`${d.date}T16:00:00`));
  }
  const ids = await em.query('SELECT award_history_id FROM proposal_decisions WHERE proposal_id = $1 AND award_history_id IS NOT NULL', [id]);
  return { proposalId: id, awardHistoryIds: ids.map((r: { award_history_id: string }) => r.award_history_id) };
}

