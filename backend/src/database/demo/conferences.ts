/**
 * Demo conferences of Khối thi đua số 4 (seed article, 26/04/2024): the 2024 launch conference, run through the
 * use cases by the people of the story (its decisions adopt the plan and rules and open the covenant for signing,
 * its minutes approved); and the 2025 launch conference, planned, with two units having confirmed. Every person
 * named here is fictional.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import { accountPage } from '../../modules/accounts/accounts-data';
import { AuditService } from '../../modules/audit/audit.service';
import { memberUnitsOf } from '../../modules/block-years/block-years-data';
import { covenantUseCases } from './covenants';
import { demoActor } from './demo-ids';
import { draftUseCases } from './drafts';
import { DraftReadService } from '../../modules/drafts/draft-read.service';
import { agendaItems, recordDemoDecisionTime } from '../../modules/conferences/agenda-data';
import { loadYear as loadYearRow, recordDemoCheckInTimes, recordDemoConferenceTimes, recordDemoReplyTimes } from '../../modules/conferences/conference-data';
import { ConferenceMinutesService } from '../../modules/conferences/conference-minutes.service';
import { ConferenceReadService } from '../../modules/conferences/conference-read.service';
import { ConferenceWorkflowService } from '../../modules/conferences/conference-workflow.service';
import type { MaterialKind } from '../../modules/conferences/entities/conference-agenda-item.entity';
import type { ConferenceGuest } from '../../modules/conferences/entities/conference.entity';
import { minutesView, recordDemoMinutesTimes } from '../../modules/conferences/minutes-data';

export interface Launch2024DemoIds {
  /** Khối thi đua số 4, 2024 (leader: Đảng ủy Khối các cơ quan TP; deputy: Đảng ủy Khối Doanh nghiệp). */
  blockYear2024Id: string;
  /** Circulated, adopted by the conference's decisions (from `seedDrafts2024Demo`). */
  planVersion2024Id: string;
  rulesVersion2024Id: string;
  /** A draft with its targets, opened for signing by the conference's decision (from `seedCovenant2024Demo`). */
  covenant2024Id: string;
}

export interface Launch2025DemoIds {
  /** Khối thi đua số 4, 2025: its launch conference is planned. */
  blockYear2025Id: string;
  /** Optional material for the 2025 agenda (e.g. the circulated plan version 2). */
  planVersion2025Id?: string | null;
  rulesVersion2025Id?: string | null;
  covenant2025Id?: string | null;
}

export interface Launch2025DemoOptions {
  /** When the 2025 launch conference is planned; default: the first weekday at least 14 days after `now`, 08:00 Hà Nội time. */
  launch2025StartsAt?: Date;
  now?: Date;
}

/** The Ban TĐKT TP's representative at both conferences (fictional). */
export const DEMO_BOARD_GUEST: ConferenceGuest = {
  name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội',
};

export const LAUNCH_2024 = {
  title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024',
  place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
  /** The leader's concluding words, as the seed article reports them. */
  conclusion:
    'Trân trọng cảm ơn ý kiến tham gia của lãnh đạo các đơn vị trong Khối. Các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối để tổ chức tốt việc ' +
    'phát động phong trào thi đua; phong trào thi đua phải có trọng tâm, trọng điểm; nội dung thiết thực, với các tiêu chí cụ thể, rõ ràng, tránh phô ' +
    'trương, hình thức; kết hợp chặt chẽ giữa thực hiện phong trào thi đua thường xuyên với các phong trào thi đua theo đợt, theo chuyên đề thành phố ' +
    'phát động; qua đó tổ chức thực hiện có hiệu quả các chỉ tiêu, nội dung ký kết giao ước thi đua, hoàn thành xuất sắc nhiệm vụ được giao năm 2024.',
};

const vn = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

interface Person { id: string; email: string; name: string; title: string }
interface UnitPeople { unitId: string; unitName: string; officer: Person | null; head: Person | null }

const line = (p: Person | null) => (p ? (p.title ? `${p.name} – ${p.title}` : p.name) : '');

/** The conferences use cases (running a conference, its minutes), built as the app builds them, acting in the loader's transaction. */
export function conferenceUseCases(em: EntityManager): { workflow: ConferenceWorkflowService; minutes: ConferenceMinutesService } {
  const ds = em.connection;
  const audit = new AuditService(ds);
  const scope = new ScopeService(ds);
  const covenants = covenantUseCases(em);
  const read = new ConferenceReadService(ds, scope, new DraftReadService(ds), covenants);
  const drafts = draftUseCases(em);
  const minutes = new ConferenceMinutesService(ds, audit, scope, read);
  return { workflow: new ConferenceWorkflowService(ds, audit, scope, drafts, covenants, read, minutes), minutes };
}

const conferenceWorkflow = (em: EntityManager): ConferenceWorkflowService => conferenceUseCases(em).workflow;

async function actorOf(em: EntityManager, p: Person | null): Promise<Actor> {
  if (!p) throw new Error('conferences demo: a unit of the demo has no officer');
  return demoActor(em, p.email);
}

/** The year, its block, and each member unit with its officer and head (read through the owning modules' read functions). */
async function loadYear(em: EntityManager, blockYearId: string) {
  const year = await loadYearRow(em, blockYearId);
  if (!year) throw new Error(`conferences demo: block year ${blockYearId} not found`);
  const y = { id: year.id, year: year.year, leader_unit_id: year.leaderUnitId, deputy_unit_id: year.deputyUnitId };
  const units = new Map<string, UnitPeople>();
  for (const m of await memberUnitsOf(em, blockYearId)) {
    const { rows } = await accountPage(em, { unitId: m.unitId, page: 1, pageSize: 100 });
    const person = (role: string) => {
      const a = rows.filter((r) => r.role === role).sort((p, q) => (p.email < q.email ? -1 : 1))[0];
      return a ? { id: a.id, email: a.email, name: a.fullName, title: a.title ?? '' } : null;
    };
    units.set(m.unitId, { unitId: m.unitId, unitName: m.name, officer: person('officer'), head: person('unit_head') });
  }
  // Leader first, then deputy, then the others by name (the order of the attendance list).
  const ordered = [...units.values()].sort((a, b) => rank(a.unitId) - rank(b.unitId) || a.unitName.localeCompare(b.unitName, 'vi'));
  function rank(id: string) { return id === y.leader_unit_id ? 0 : id === y.deputy_unit_id ? 1 : 2; }
  return { y, units: ordered, leader: units.get(y.leader_unit_id!)!, deputy: y.deputy_unit_id ? units.get(y.deputy_unit_id) ?? null : null };
}

interface SeedItem {
  title: string;
  presenter: string;
  notes: string;
  material: { kind: 'plan_version' | 'rules_version' | 'covenant'; id: string } | null;
  decision: { kind: 'adopt_plan' | 'adopt_rules' | 'open_signing' | 'conclusion'; text: string; at: Date } | null;
}

/**
 * The 2024 launch conference of 26/04/2024, concluded with all five units present; its id. Run inside the demo
 * loader's transaction, after the 2024 plan and rules are circulated and the covenant drafted.
 */
export async function seedLaunch2024Demo(em: EntityManager, ids: Launch2024DemoIds): Promise<string> {
  const { y, units, leader, deputy } = await loadYear(em, ids.blockYear2024Id);
  const secretary = leader.officer;
  const chairName = line(leader.head);
  const coChairName = deputy ? line(deputy.head) : '';
  const opened = vn('2024-04-26T08:00:00');
  const closed = vn('2024-04-26T10:30:00');
  const leaderLabel = `Đồng chí ${chairName}, ${leader.unitName} (Khối trưởng)`;
  const items: SeedItem[] = [
    {
      title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', presenter: leaderLabel,
      notes: 'Kế hoạch xác định rõ chủ đề, nội dung, hoạt động, phong trào thi đua cần triển khai trong năm với mục đích tiếp tục đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng, hưởng ứng phong trào thi đua yêu nước, đặc biệt là các hoạt động thiết thực kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 – 07/5/2024), kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 – 10/10/2024) và các hoạt động đi nghiên cứu thực tế của Khối.',
      material: { kind: 'plan_version', id: ids.planVersion2024Id },
      decision: { kind: 'adopt_plan', text: 'Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024 của Khối thi đua số 4.', at: vn('2024-04-26T08:45:00') },
    },
    {
      title: 'Thảo luận, đóng góp ý kiến vào dự thảo Quy chế hoạt động và bình xét thi đua của Khối thi đua số 4 năm 2024', presenter: 'Đại biểu các đơn vị thành viên',
      notes: 'Các đại biểu nhất trí dự thảo Kế hoạch đã thể hiện rõ nhiệm vụ của Khối, thời gian thực hiện, đơn vị thực hiện; đồng thời đóng góp ý kiến vào dự thảo Quy chế hoạt động và bình xét thi đua của Khối thi đua số 4 năm 2024.',
      material: { kind: 'rules_version', id: ids.rulesVersion2024Id },
      decision: { kind: 'adopt_rules', text: 'Hội nghị thống nhất thông qua Quy chế hoạt động và bình xét thi đua của Khối thi đua số 4 năm 2024.', at: vn('2024-04-26T09:20:00') },
    },
    {
      title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: `Đồng chí ${DEMO_BOARD_GUEST.name} – ${DEMO_BOARD_GUEST.title}`,
      notes: 'Đồng chí Phó Trưởng Ban biểu dương công tác chuẩn bị của Khối trưởng, Khối phó và các thành viên trong Khối có mặt đông đủ; cho biết công tác thi đua, khen thưởng đã có nhiều chuyển biến, đặc biệt từ khi Luật Thi đua, khen thưởng năm 2022 có hiệu lực từ ngày 01/01/2024; đề nghị các hình thức thi đua cần xây dựng kế hoạch triển khai phù hợp, hài hòa với các công tác khác, đẩy mạnh tuyên truyền gương điển hình tiên tiến, người tốt, việc tốt; Ban Thi đua – Khen thưởng Thành phố luôn đồng hành, hướng dẫn nghiệp vụ, đề nghị các đơn vị phối hợp chặt chẽ với Phòng Nghiệp vụ 1 của Ban.',
      material: null, decision: null,
    },
    {
      title: 'Ký kết Giao ước thi đua năm 2024', presenter: 'Thủ trưởng các đơn vị thành viên',
      notes: 'Để thể hiện sự đồng thuận và quyết tâm cao trong triển khai phong trào thi đua, đại diện lãnh đạo các đơn vị trong Khối thi đua số 4 ký kết Giao ước thi đua năm 2024.',
      material: { kind: 'covenant', id: ids.covenant2024Id },
      decision: { kind: 'open_signing', text: 'Hội nghị thống nhất nội dung và tiến hành ký kết Giao ước thi đua năm 2024; thủ trưởng các đơn vị thành viên ký trước, đơn vị Khối trưởng ký sau cùng.', at: vn('2024-04-26T09:55:00') },
    },
    {
      title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: leaderLabel, notes: '', material: null,
      decision: { kind: 'conclusion', text: LAUNCH_2024.conclusion, at: vn('2024-04-26T10:25:00') },
    },
  ];

  const { workflow: svc, minutes } = conferenceUseCases(em);
  const secretaryActor = await actorOf(em, secretary);
  if (!leader.head) throw new Error('conferences demo: the 2024 leader unit needs its head (the chair who approves the minutes)');
  // Set up by the leader unit's officer (the secretary), with its agenda and material; every member unit invited.
  const createdAt = vn('2024-04-10T09:00:00');
  const id = await svc.createConferenceTx(em, secretaryActor, {
    blockYearId: y.id, kind: 'launch', title: LAUNCH_2024.title, startsAt: opened.toISOString(), endsAt: vn('2024-04-26T11:00:00').toISOString(), place: LAUNCH_2024.place,
    chairUnitId: leader.unitId, coChairUnitId: deputy?.unitId ?? null, chairName, coChairName, secretaryName: line(secretary), guests: [DEMO_BOARD_GUEST],
    agenda: items.map((item) => ({ title: item.title, presenter: item.presenter, notes: item.notes, ...(item.material ? { materialKind: item.material.kind, materialId: item.material.id } : {}) })),
  }, { invitedAt: createdAt });
  // All five units confirmed ahead, each unit's officer naming its head; on the day each was checked in present.
  for (const u of units) await svc.replyToInvitationTx(em, await actorOf(em, u.officer), id, u.unitId, { response: 'confirmed', delegate: line(u.head) || u.unitName });
  for (const u of units) await svc.checkInTx(em, secretaryActor, id, u.unitId, { presence: 'present' });

  // The session of 26/04/2024, run by the secretary item by item: its decisions adopt the plan and the rules
  // (drafts module) and open the covenant for signing (covenants module), as in the app.
  await svc.openConferenceTx(em, secretaryActor, id, { at: opened });
  const itemIds = (await agendaItems(em, id)).map((r) => r.id);
  for (const [i, item] of items.entries()) {
    if (item.decision) {
      const decisionId = await svc.recordDecisionTx(em, secretaryActor, id, { agendaItemId: itemIds[i], kind: item.decision.kind, text: item.decision.text });
      await recordDemoDecisionTime(em, decisionId, item.decision.at);
    }
    // The leader's conclusion is the last item: closing the session finishes it.
    if (i < items.length - 1) await svc.markItemDoneTx(em, secretaryActor, id, itemIds[i]);
  }
  // The close drafts the minutes (its notice dated at the close, never mailed); the secretary, then the chair (the leader unit's head), approve them.
  await svc.closeConferenceTx(em, secretaryActor, id, {}, { at: closed });
  await minutes.approveMinutesTx(em, secretaryActor, id, { as: 'secretary', version: (await minutesView(em, id))!.version });
  await minutes.approveMinutesTx(em, await actorOf(em, leader.head), id, { as: 'chair', version: (await minutesView(em, id))!.version });

  // The recorded times of what the use cases stamped now().
  await recordDemoCheckInTimes(em, id, vn('2024-04-26T07:50:00'));
  await recordDemoReplyTimes(em, id, vn('2024-04-22T10:00:00'));
  await recordDemoMinutesTimes(em, id, { createdAt: closed, secretaryApprovedAt: vn('2024-04-26T10:50:00'), chairApprovedAt: vn('2024-04-26T11:05:00') });
  await recordDemoConferenceTimes(em, id, { createdAt });
  return id;
}

/** The first weekday at least 14 days after `now`, at 08:00 in Hà Nội. */
export function defaultLaunch2025StartsAt(now: Date): Date {
  const d = new Date(now.getTime() + 7 * 3600_000 + 14 * 86_400_000);
  while ([0, 6].includes(d.getUTCDay())) d.setUTCDate(d.getUTCDate() + 1);
  return vn(`${d.toISOString().slice(0, 10)}T08:00:00`);
}

/** The 2025 launch conference, planned, two units having confirmed; its id. Run inside the demo loader's transaction. */
export async function seedLaunch2025Demo(em: EntityManager, ids: Launch2025DemoIds, opts: Launch2025DemoOptions = {}): Promise<string> {
  const { y, units, leader, deputy } = await loadYear(em, ids.blockYear2025Id);
  const startsAt = opts.launch2025StartsAt ?? defaultLaunch2025StartsAt(opts.now ?? new Date());
  const createdAt = opts.now ?? new Date();
  const leaderLabel = `Đồng chí ${line(leader.head)}, ${leader.unitName} (Khối trưởng)`;
  const material = (kind: MaterialKind, id: string | null | undefined) => (id ? { materialKind: kind, materialId: id } : {});
  const svc = conferenceWorkflow(em);
  // The leader unit's officer sets it up; every member unit is invited.
  const id = await svc.createConferenceTx(em, await actorOf(em, leader.officer), {
    blockYearId: y.id, kind: 'launch', title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2025',
    startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(), place: `Hội trường ${leader.unitName}`,
    chairUnitId: leader.unitId, coChairUnitId: deputy?.unitId ?? null, chairName: line(leader.head), coChairName: deputy ? line(deputy.head) : '',
    secretaryName: line(leader.officer), guests: [DEMO_BOARD_GUEST],
    agenda: [
      { title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2025', presenter: leaderLabel, ...material('plan_version', ids.planVersion2025Id) },
      { title: 'Thảo luận, đóng góp ý kiến vào dự thảo Quy chế hoạt động và bình xét thi đua năm 2025', presenter: 'Đại biểu các đơn vị thành viên', ...material('rules_version', ids.rulesVersion2025Id) },
      { title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: `Đồng chí ${DEMO_BOARD_GUEST.name} – ${DEMO_BOARD_GUEST.title}` },
      { title: 'Ký kết Giao ước thi đua năm 2025', presenter: 'Thủ trưởng các đơn vị thành viên', ...material('covenant', ids.covenant2025Id) },
      { title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: leaderLabel },
    ],
  }, { invitedAt: createdAt });
  // The leader unit and Trường ĐTCB Lê Hồng Phong have confirmed, each unit's officer naming its head.
  const confirmed = [leader, units.find((u) => /Lê Hồng Phong/.test(u.unitName)) ?? units.find((u) => u !== leader && u !== deputy)!];
  for (const u of confirmed) await svc.replyToInvitationTx(em, await actorOf(em, u.officer), id, u.unitId, { response: 'confirmed', delegate: line(u.head) });
  await recordDemoConferenceTimes(em, id, { createdAt });
  await recordDemoReplyTimes(em, id, createdAt);
  return id;
}

/**
 * A planned year-end conference (hội nghị tổng kết) with its agenda and every member unit confirmed: the starting
 * point for replaying a year end in the browser (Khối thi đua số 1, 26/12/2025).
 */
export async function seedPlannedYearEndConference(em: EntityManager, blockYearId: string, c: { title: string; startsAt: Date; createdAt: Date }): Promise<string> {
  const { y, units, leader, deputy } = await loadYear(em, blockYearId);
  const leaderLabel = `Đồng chí ${line(leader.head)}, ${leader.unitName} (Khối trưởng)`;
  const svc = conferenceWorkflow(em);
  const id = await svc.createConferenceTx(em, await actorOf(em, leader.officer), {
    blockYearId: y.id, kind: 'year_end', title: c.title, startsAt: c.startsAt.toISOString(), endsAt: new Date(c.startsAt.getTime() + 3.5 * 3600_000).toISOString(),
    place: `Hội trường ${leader.unitName}`, chairUnitId: leader.unitId, coChairUnitId: deputy?.unitId ?? null, chairName: line(leader.head),
    coChairName: deputy ? line(deputy.head) : '', secretaryName: line(leader.officer), guests: [DEMO_BOARD_GUEST],
    agenda: [
      { title: `Khối trưởng báo cáo tổng kết công tác thi đua, khen thưởng năm ${y.year} của Khối`, presenter: leaderLabel },
      { title: `Công bố kết quả chấm điểm, xếp hạng thi đua năm ${y.year}`, presenter: leaderLabel },
      { title: 'Bỏ phiếu kín suy tôn đơn vị đề nghị tặng Cờ thi đua của UBND Thành phố', presenter: 'Tổ kiểm phiếu' },
      { title: `Bầu Khối trưởng, Khối phó năm ${y.year + 1}`, presenter: 'Đại biểu các đơn vị thành viên' },
      { title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: `Đồng chí ${DEMO_BOARD_GUEST.name} – ${DEMO_BOARD_GUEST.title}` },
      { title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: leaderLabel },
    ],
  }, { invitedAt: c.createdAt });
  // Every member unit has confirmed, its officer naming its head.
  for (const u of units) await svc.replyToInvitationTx(em, await actorOf(em, u.officer), id, u.unitId, { response: 'confirmed', delegate: line(u.head) });
  await recordDemoConferenceTimes(em, id, { createdAt: c.createdAt });
  await recordDemoReplyTimes(em, id, c.createdAt);
  return id;
}
