/**
 * Demo of the ballots module for Khối thi đua số 4: the 2024 year-end conference (27/12/2024), concluded
 * with all five units present and approved minutes; closed electronic secret ballots for the city flag and
 * the city chair's certificate of merit, their candidates from the awards module's eligibility (the
 * finalised 2024 ranking and the awards demo's titles), their signed tally records; and the election of the
 * 2025 leader and deputy, the seats the 2025 block year holds. Every person named here is fictional.
 *
 * Self-sufficient: finds the block years, units and accounts through the modules' read functions. Needs the
 * rounds demo (the finalised 2024 round) and the awards demo (the 2024 titles the city flag requires) to have
 * run; runs in the demo loader's transaction. Built through the use cases, as the people of the story: the
 * leader unit's officer (the secretary) sets the conference up, each unit's officer replies, the secretary
 * checks the units in, opens the session and each ballot; each unit's head casts a paper encrypted to the
 * ballot's key with its proofs (as a browser does); the secretary closes and counts each ballot, the tally
 * committee's record is signed, the decisions recorded, the session closed (the minutes drafted) and the
 * minutes approved by the secretary and the chair. The ballots run with a wrap key that lives only in this
 * function's memory; counting destroys each ballot's key, as in the app. The use cases stamp now(): the
 * ballots (whose rows the database freezes once closed) take the story's times as demo history, the other
 * records get theirs afterwards through the conferences module's demo-history operations. Only the seats go
 * through the ballots module's data operation: the election use case refuses once the 2025 year exists, as it
 * does here.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import type { AppConfig } from '../../config/config';
import { accountPage } from '../../modules/accounts/accounts-data';
import { AuditService, LedgerService } from '../../modules/audit/audit.service';
import type { LedgerKeys } from '../../modules/audit/ledger-keys';
import { AwardsService } from '../../modules/awards/awards.service';
import { blockYearByCode, memberUnitsOf } from '../../modules/block-years/block-years-data';
import { agendaItems, recordDemoDecisionTime, recordDemoOutcomeTime } from '../../modules/conferences/agenda-data';
import { recordDemoCheckInTimes, recordDemoConferenceTimes, recordDemoReplyTimes } from '../../modules/conferences/conference-data';
import { minutesView, recordDemoMinutesTimes } from '../../modules/conferences/minutes-data';
import { conferenceUseCases, DEMO_BOARD_GUEST } from './conferences';
import { demoActor } from './demo-ids';
import { encryptPaper, type EncryptedPaper } from '../../modules/ballots/crypto/paper-crypto';
import { findBallot } from '../../modules/ballots/ballot-data';
import { BallotReadService } from '../../modules/ballots/ballot-read.service';
import { BallotWorkflowService } from '../../modules/ballots/ballot-workflow.service';
import type { CastVoteDto } from '../../modules/ballots/dto/ballot.dto';
import type { BallotCandidate } from '../../modules/ballots/entities/ballot.entity';
import { upsertSeatElection } from '../../modules/ballots/seat-data';
import { signedRecordNumber } from '../../modules/ballots/tally-data';
import { TallyRecordService } from '../../modules/ballots/tally-record.service';

export interface BallotsDemoResult {
  conferenceId: string;
  /** Ballot ids by award code. */
  ballots: Record<string, string>;
  /** Tally record numbers by award code, e.g. "03/BB-KTĐ4". */
  tallyRecords: Record<string, string>;
  /** Elected unit ids by award code. */
  elected: Record<string, string[]>;
}

export const YEAR_END_2024 = {
  title: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và triển khai nhiệm vụ năm 2025',
  place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
  conclusion:
    'Hội nghị đánh giá năm 2024 các đơn vị trong Khối đã triển khai sâu rộng các phong trào thi đua gắn với kỷ niệm 70 năm Chiến thắng Điện Biên Phủ và 70 năm ' +
    'Ngày Giải phóng Thủ đô, hoàn thành toàn diện các chỉ tiêu giao ước thi đua. Hội nghị thống nhất kết quả chấm điểm, xếp hạng; kết quả bỏ phiếu kín suy tôn ' +
    'đơn vị đề nghị khen thưởng; bầu Khối trưởng, Khối phó năm 2025 và giao đơn vị Khối trưởng hoàn thiện hồ sơ đề nghị khen thưởng gửi Ban Thi đua – Khen thưởng Thành phố.',
};

const vn = (isoLocal: string) => new Date(`${isoLocal}+07:00`);
/**
 * The conference day: after the 2024 round was finalised (26/12/2024) and the city recognised the 2024
 * titles (27/12/2024), before the dossier is submitted (30/12/2024, proposals demo).
 */
export const YEAR_END_2024_DAY = '2024-12-27';
const at = (hhmm: string) => vn(`${YEAR_END_2024_DAY}T${hhmm}:00`);

interface Person { id: string; email: string; name: string; title: string }
interface UnitPeople { unitId: string; name: string; officer: Person | null; head: Person | null }

const line = (p: Person | null) => (p ? (p.title ? `${p.name} – ${p.title}` : p.name) : '');

/** The unit's (only) active account of this role in the demo. */
async function personOf(em: EntityManager, unitId: string, role: Role): Promise<Person | null> {
  const { rows: [a] } = await accountPage(em, { unitId, role, page: 1, pageSize: 1 });
  return a ? { id: a.id, email: a.email, name: a.fullName, title: a.title ?? '' } : null;
}

/**
 * How the delegates voted, as papers (never tied to a voter): each award's first candidate in rank order
 * is the unit the conference meant for it. City flag: the leading unit on four papers, the runner-up on
 * one. Certificate of merit: the runner-up on every paper, the leading unit (already proposed for the
 * flag) on one.
 */
function demoPapers(code: string, candidates: BallotCandidate[]): string[][] {
  const [first, second] = candidates.map((c) => c.unitId);
  if (code === 'city_flag') return [[first], [first], [first], [first], second ? [second] : []];
  if (code === 'city_merit' && second) return [[second], [second], [second], [first, second], [second]];
  return [[first], [first], [first], [first], [first]];
}

export async function seedBallotsDemo(em: EntityManager): Promise<BallotsDemoResult> {
  const ds = em.connection;
  const audit = new AuditService(ds);
  const scope = new ScopeService(ds);
  const { workflow: conferences, minutes } = conferenceUseCases(em);
  // A wrap key for this load only: every ballot is counted (its key destroyed) before the function returns.
  const config = { ballotWrapKey: randomBytes(32) } as AppConfig;
  const ballotsRun = new BallotWorkflowService(ds, audit, new AwardsService(ds, audit, scope), new BallotReadService(ds), config);
  // The tally committee signs through the use case; signing seals nothing, so the ledger (read for proofs and exports) needs no keys here.
  const tallies = new TallyRecordService(ds, audit, new LedgerService(ds, null as unknown as LedgerKeys));
  const y = await blockYearByCode(em, 'KTĐ4', 2024);
  const y2025 = await blockYearByCode(em, 'KTĐ4', 2025);
  if (!y?.leaderUnitId || !y2025?.leaderUnitId) throw new Error('ballots demo: Khối thi đua số 4 needs its 2024 and 2025 block years with their leader units');

  // Members with their officer and head; leader first, deputy second, others by name.
  const units = new Map<string, UnitPeople>();
  for (const m of await memberUnitsOf(em, y.id)) {
    units.set(m.unitId, { unitId: m.unitId, name: m.name, officer: await personOf(em, m.unitId, 'officer'), head: await personOf(em, m.unitId, 'unit_head') });
  }
  const isSeat = (id: string) => id === y.leaderUnitId || id === y.deputyUnitId;
  const ordered = [...units.values()].sort((a, b) => rank(a.unitId) - rank(b.unitId) || a.name.localeCompare(b.name, 'vi'));
  function rank(id: string) { return id === y!.leaderUnitId ? 0 : id === y!.deputyUnitId ? 1 : 2; }
  const leader = units.get(y.leaderUnitId)!;
  const deputy = y.deputyUnitId ? units.get(y.deputyUnitId) ?? null : null;
  const secretary = leader.officer;
  if (!secretary) throw new Error('ballots demo: the 2024 leader unit of Khối thi đua số 4 needs its officer (the secretary who runs the ballots)');
  if (!leader.head) throw new Error('ballots demo: the 2024 leader unit of Khối thi đua số 4 needs its head (the chair who approves the minutes)');
  const actor: Actor = await demoActor(em, secretary.email);
  const members = ordered.length;
  const byName = (id: string | null) => (id ? units.get(id)?.name ?? '' : '');
  const committee = {
    chair: line(units.get(ordered.find((u) => !isSeat(u.unitId))?.unitId ?? leader.unitId)?.head ?? null) || 'Trưởng ban kiểm phiếu',
    members: ordered.filter((u) => !isSeat(u.unitId)).slice(1, 3).map((u) => line(u.officer) || u.name),
  };
  if (!committee.members.length) committee.members = [line(leader.officer) || leader.name];
  const leaderLabel = `Đồng chí ${line(leader.head)}, ${leader.name} (Khối trưởng)`;
  const agenda = [
    {
      title: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 và phương hướng nhiệm vụ năm 2025 của Khối', presenter: leaderLabel,
      notes: 'Khối trưởng báo cáo kết quả thực hiện Kế hoạch hoạt động và Giao ước thi đua năm 2024; các đơn vị hoàn thành toàn diện các chỉ tiêu đã ký kết.',
    },
    {
      title: 'Thông qua kết quả chấm điểm, xếp hạng thi đua năm 2024', presenter: leaderLabel,
      notes: 'Hội nghị thống nhất bảng tổng hợp điểm sau thẩm định và giải trình của đợt chấm điểm cuối năm 2024.',
    },
    {
      title: 'Bình xét, bỏ phiếu kín suy tôn đơn vị đề nghị khen thưởng năm 2024', presenter: `Ban kiểm phiếu (Trưởng ban: ${committee.chair})`,
      notes: 'Hội nghị bỏ phiếu kín bằng phiếu điện tử; mỗi đơn vị có mặt một phiếu do thủ trưởng đơn vị bỏ. Ban kiểm phiếu công bố kết quả và lập biên bản kiểm phiếu.',
    },
    {
      title: 'Bầu Khối trưởng, Khối phó năm 2025', presenter: leaderLabel,
      notes: 'Theo thứ tự luân phiên, Khối phó năm 2024 đảm nhiệm Khối trưởng năm 2025, đơn vị kế tiếp đảm nhiệm Khối phó.',
    },
    {
      title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: `Đồng chí ${DEMO_BOARD_GUEST.name} – ${DEMO_BOARD_GUEST.title}`,
      notes: 'Đồng chí Phó Trưởng Ban ghi nhận kết quả của Khối, đề nghị các đơn vị hoàn thiện hồ sơ đề nghị khen thưởng đúng thời hạn.',
    },
    { title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: leaderLabel, notes: '' },
  ];

  // ---- set up by the secretary, every member unit invited; each unit's officer confirms, naming its head
  const createdAt = vn('2024-12-16T09:00:00');
  const conferenceId = await conferences.createConferenceTx(em, actor, {
    blockYearId: y.id, kind: 'year_end', title: YEAR_END_2024.title, startsAt: at('08:00').toISOString(), endsAt: at('11:00').toISOString(), place: YEAR_END_2024.place,
    chairUnitId: leader.unitId, coChairUnitId: deputy?.unitId ?? null, chairName: line(leader.head), coChairName: deputy ? line(deputy.head) : '',
    secretaryName: line(secretary), guests: [DEMO_BOARD_GUEST], agenda,
  }, { invitedAt: createdAt });
  for (const u of ordered) {
    if (!u.officer || !u.head) throw new Error(`ballots demo: ${u.name} needs its officer (who replies) and its head (who votes)`);
    await conferences.replyToInvitationTx(em, await demoActor(em, u.officer.email), conferenceId, u.unitId, { response: 'confirmed', delegate: line(u.head) });
  }

  // ---- the day: every unit checked in present, the session opened on the first item
  for (const u of ordered) await conferences.checkInTx(em, actor, conferenceId, u.unitId, { presence: 'present' });
  await conferences.openConferenceTx(em, actor, conferenceId, { at: at('08:00') });
  const items = (await agendaItems(em, conferenceId)).map((i) => i.id);
  const decide = async (item: number, text: string, time: string) => {
    const id = await conferences.recordDecisionTx(em, actor, conferenceId, { agendaItemId: items[item], kind: 'conclusion', text });
    await recordDemoDecisionTime(em, id, at(time));
  };
  await conferences.markItemDoneTx(em, actor, conferenceId, items[0]);
  await conferences.markItemDoneTx(em, actor, conferenceId, items[1]);

  // ---- the secret ballots (item 3): opened by the secretary, a paper from each unit's head, counted, the record signed
  const ballots: Record<string, string> = {};
  const tallyRecords: Record<string, string> = {};
  const elected: Record<string, string[]> = {};
  const plan = [
    { code: 'city_flag', opensAt: '09:00', closesAt: '09:20', signedAt: '09:30' },
    { code: 'city_merit', opensAt: '09:25', closesAt: '09:40', signedAt: '09:50' },
  ];
  for (const p of plan) {
    const id = await ballotsRun.openBallotTx(em, actor, { conferenceId, awardCode: p.code, mode: 'electronic' }, { at: at(p.opensAt) });
    const opened = (await findBallot(em, id))!;
    const ctx = { ballotId: id, publicKey: opened.publicKey!, candidates: opened.candidates.length, quota: opened.quota };
    const papers = demoPapers(p.code, opened.candidates);
    for (const [i, u] of ordered.entries()) {
      const paper: EncryptedPaper = encryptPaper(ctx, opened.candidates.map((c) => papers[i].includes(c.unitId)));
      const votedAt = new Date(at(p.opensAt).getTime() + (i + 2) * 60_000);
      await ballotsRun.castBallotTx(em, await demoActor(em, u.head!.email), id, { paper } as CastVoteDto, { at: votedAt });
    }
    await ballotsRun.closeBallotTx(em, actor, id, { at: at(p.closesAt) });
    await recordDemoOutcomeTime(em, conferenceId, 'ballot_result', id, at(p.closesAt));
    await tallies.signTallyRecordTx(em, actor, id, { chairName: committee.chair, memberNames: committee.members }, at(p.signedAt));
    ballots[p.code] = id;
    elected[p.code] = (await findBallot(em, id))!.result!.elected;
    tallyRecords[p.code] = (await signedRecordNumber(em, id))!;
  }
  const electedLine = (code: string) => {
    const names = elected[code].map(byName);
    return names.length ? names.join(', ') : 'không có đơn vị trúng cử';
  };
  await decide(2, `Kết quả bỏ phiếu kín: đề nghị tặng Cờ thi đua của UBND Thành phố năm 2024 cho ${electedLine('city_flag')}; đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố cho ${electedLine('city_merit')}.`, '09:55');
  await conferences.markItemDoneTx(em, actor, conferenceId, items[2]);

  // ---- next year's seats (item 4): those the 2025 block year holds; the rotation kept makes them the suggestion too
  const others = ordered.map((u) => u.unitId).filter((id) => ![y.leaderUnitId, y2025.leaderUnitId, y2025.deputyUnitId].includes(id));
  const rotation = [...new Set([y.leaderUnitId, y2025.leaderUnitId, y2025.deputyUnitId, ...others].filter((id): id is string => !!id && units.has(id)))];
  await upsertSeatElection(em, {
    blockYearId: y.id, conferenceId, leaderUnitId: y2025.leaderUnitId, deputyUnitId: y2025.deputyUnitId, rotationOrder: rotation, presentCount: members, memberCount: members,
    note: `Biểu quyết ${members}/${members} đơn vị có mặt nhất trí.`, decidedBy: actor.id, decidedAt: at('10:10'),
  });
  await audit.record(em, { id: actor.id, fullName: actor.fullName }, {
    action: 'seats.elect', entityType: 'block_year', entityId: y.id, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa',
    after: { nextYear: 2025, conferenceId, leaderUnitId: y2025.leaderUnitId, deputyUnitId: y2025.deputyUnitId, rotationOrder: rotation, present: members, members },
  });
  await decide(3, `Hội nghị thống nhất bầu ${byName(y2025.leaderUnitId)} làm Khối trưởng, ${byName(y2025.deputyUnitId)} làm Khối phó Khối thi đua số 4 năm 2025.`, '10:10');
  await conferences.markItemDoneTx(em, actor, conferenceId, items[3]);
  await conferences.markItemDoneTx(em, actor, conferenceId, items[4]);

  // ---- the leader's conclusion, the close (the minutes drafted), the minutes approved by the secretary, then the chair
  await decide(5, YEAR_END_2024.conclusion, '10:40');
  await conferences.closeConferenceTx(em, actor, conferenceId, {}, { at: at('10:45') });
  await minutes.approveMinutesTx(em, actor, conferenceId, { as: 'secretary', version: (await minutesView(em, conferenceId))!.version });
  await minutes.approveMinutesTx(em, await demoActor(em, leader.head.email), conferenceId, { as: 'chair', version: (await minutesView(em, conferenceId))!.version });

  // ---- the recorded times of what the use cases stamped now()
  await recordDemoCheckInTimes(em, conferenceId, at('07:50'));
  await recordDemoReplyTimes(em, conferenceId, vn('2024-12-20T10:00:00'));
  await recordDemoMinutesTimes(em, conferenceId, { createdAt: at('10:45'), secretaryApprovedAt: at('10:55'), chairApprovedAt: at('11:10') });
  await recordDemoConferenceTimes(em, conferenceId, { createdAt, updatedAt: at('10:45') });
  return { conferenceId, ballots, tallyRecords, elected };
}
