/**
 * Demo of the ballots module for Khối thi đua số 4: the 2024 year-end conference (27/12/2024), concluded
 * with all five units present and approved minutes; closed electronic secret ballots for the city flag and
 * the city chair's certificate of merit, their candidates from the awards module's eligibility (the
 * finalised 2024 ranking and the awards demo's titles), their signed tally records; and the election of the
 * 2025 leader and deputy, the seats the 2025 block year holds. Every person named here is fictional.
 *
 * Self-sufficient: finds the block years, units and accounts through the modules' read functions. Needs the
 * rounds demo (the finalised 2024 round) and the awards demo (the 2024 titles the city flag requires) to have
 * run; runs in the demo loader's transaction. The conference is already concluded when written, so the
 * ballots, which the use cases run only in session, are written by the ballots module's data operations with
 * their recorded times, the way the service writes them: each paper encrypted to the ballot's key with its
 * proofs (as a browser does), a voter row and a paper row per unit (the triggers check them), counted by
 * adding up the encryptions and decrypting only the sums. The secret key lives only in this function's
 * memory and is gone once the ballot is counted, as the service destroys it. The tally records are signed
 * through the use case; the seats, which the election use case no longer takes once the 2025 year exists,
 * through the data operation.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import { accountPage } from '../../modules/accounts/accounts-data';
import { AuditService, LedgerService } from '../../modules/audit/audit.service';
import type { LedgerKeys } from '../../modules/audit/ledger-keys';
import { AwardsService } from '../../modules/awards/awards.service';
import { blockYearByCode, memberUnitsOf } from '../../modules/block-years/block-years-data';
import { defaultRuleSet, type RuleSet } from '@thidua/rules';
import { quorumState } from '../../modules/conferences/conference-rules';
import { insertDemoDoneAgendaItem } from '../../modules/conferences/agenda-data';
import { insertDemoConcludedConference, insertDemoPresence } from '../../modules/conferences/conference-data';
import { DEMO_BOARD_GUEST, insertDemoApprovedMinutes } from './conferences';
import { ConferenceSnapshot, draftMinutes, minutesHash, type MinutesSeat } from '../../modules/conferences/minutes';
import { lastMinutesSequence } from '../../modules/conferences/minutes-data';
import { buildDocumentNumber } from '../../modules/documents';
import { demoActor } from './demo-ids';
import { decryptSum, encryptPaper, generateKeyPair, paperReceipt, sumPapers } from '../../modules/ballots/crypto/paper-crypto';
import { closeBallotRow, insertBallot, insertPaper, insertVoter } from '../../modules/ballots/ballot-data';
import type { BallotCandidate } from '../../modules/ballots/entities/ballot.entity';
import { countedTally } from '../../domain/year-end';
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
  const awards = new AwardsService(ds, audit, new ScopeService(ds));
  // The tally committee signs through the use case; signing seals nothing, so the ledger (read for proofs and exports) needs no keys here.
  const tallies = new TallyRecordService(ds, audit, new LedgerService(ds, null as unknown as LedgerKeys));
  const y = await blockYearByCode(em, 'KTĐ4', 2024);
  const y2025 = await blockYearByCode(em, 'KTĐ4', 2025);
  if (!y?.leaderUnitId || !y2025?.leaderUnitId) throw new Error('ballots demo: Khối thi đua số 4 needs its 2024 and 2025 block years with their leader units');
  const rules: RuleSet = { ...defaultRuleSet(), ...(y.rules ?? {}) };

  // Members with their officer and head; leader first, deputy second, others by name.
  const units = new Map<string, UnitPeople>();
  for (const m of await memberUnitsOf(em, y.id)) {
    units.set(m.unitId, { unitId: m.unitId, name: m.name, officer: await personOf(em, m.unitId, 'officer'), head: await personOf(em, m.unitId, 'unit_head') });
  }
  const seatOf = (id: string): MinutesSeat | null => (id === y.leaderUnitId ? 'leader' : id === y.deputyUnitId ? 'deputy' : null);
  const ordered = [...units.values()].sort((a, b) => rank(a.unitId) - rank(b.unitId) || a.name.localeCompare(b.name, 'vi'));
  function rank(id: string) { return id === y!.leaderUnitId ? 0 : id === y!.deputyUnitId ? 1 : 2; }
  const leader = units.get(y.leaderUnitId)!;
  const deputy = y.deputyUnitId ? units.get(y.deputyUnitId) ?? null : null;
  const secretary = leader.officer;
  if (!secretary) throw new Error('ballots demo: the 2024 leader unit of Khối thi đua số 4 needs its officer (the secretary who runs the ballots)');
  const actor: Actor = await demoActor(em, secretary.email);
  const auditActor = { id: actor.id, fullName: actor.fullName };
  const members = ordered.length;
  const byName = (id: string | null) => (id ? units.get(id)?.name ?? '' : '');

  // ---- the conference
  const opened = at('08:00');
  const closed = at('10:45');
  const conferenceId = await insertDemoConcludedConference(em, {
    blockYearId: y.id, kind: 'year_end', title: YEAR_END_2024.title, startsAt: opened, endsAt: at('11:00'), place: YEAR_END_2024.place,
    chairUnitId: leader.unitId, coChairUnitId: deputy?.unitId ?? null, chairName: line(leader.head), coChairName: deputy ? line(deputy.head) : '',
    secretaryName: line(secretary), guests: [DEMO_BOARD_GUEST], closedAt: closed, createdBy: secretary.id, createdAt: vn('2024-12-16T09:00:00'),
  });
  for (const u of ordered) {
    await insertDemoPresence(em, conferenceId, {
      unitId: u.unitId, delegate: line(u.head) || u.name, rsvpBy: u.officer?.id ?? null, rsvpAt: vn('2024-12-20T10:00:00'), checkedInAt: at('07:50'), checkedInBy: secretary.id,
    });
  }
  const presentIds = ordered.map((u) => u.unitId).sort();

  // ---- the ballots
  const ballots: Record<string, string> = {};
  const tallyRecords: Record<string, string> = {};
  const elected: Record<string, string[]> = {};
  const committee = {
    chair: line(units.get(ordered.find((u) => !seatOf(u.unitId))?.unitId ?? leader.unitId)?.head ?? null) || 'Trưởng ban kiểm phiếu',
    members: ordered.filter((u) => !seatOf(u.unitId)).slice(1, 3).map((u) => line(u.officer) || u.name),
  };
  if (!committee.members.length) committee.members = [line(leader.officer) || leader.name];
  const plan = [
    { code: 'city_flag', opensAt: at('09:00'), closesAt: at('09:20'), signedAt: at('09:30') },
    { code: 'city_merit', opensAt: at('09:25'), closesAt: at('09:40'), signedAt: at('09:50') },
  ];
  for (const p of plan) {
    const report = await awards.eligibility(em, y.id, p.code);
    const candidates: BallotCandidate[] = report.units.filter((u) => u.eligible).map((u) => ({ unitId: u.unitId, name: u.name, rank: u.rank, total: u.total }));
    if (!candidates.length) throw new Error(`ballots demo: no unit of Khối 4 is eligible for ${p.code} in 2024 (run the rounds and awards demos first)`);
    const quota = await awards.blockQuotaLimit(em, y.id, p.code);
    const id = randomUUID();
    const key = generateKeyPair();
    const ctx = { ballotId: id, publicKey: key.publicKey, candidates: candidates.length, quota };
    // A past year's ballot of a concluded conference: written by the module's data operations with its recorded times.
    await insertBallot(em, {
      id, seriesId: id, round: 1, conferenceId, blockYearId: y.id, awardCode: p.code, awardName: report.award.name, mode: 'electronic', candidates, quota, memberCount: members,
      presentUnitIds: presentIds, thresholdPercent: rules.voteThresholdPercent, thresholdBase: rules.voteThresholdBase, openedBy: actor.id, publicKey: key.publicKey, openedAt: p.opensAt,
    });
    await audit.record(em, auditActor, {
      action: 'ballot.open', entityType: 'ballot', entityId: id, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa',
      after: { conferenceId, awardCode: p.code, mode: 'electronic', round: 1, quota, candidates: candidates.map((c) => c.unitId), presentUnitIds: presentIds, members },
    });
    // Each unit's head casts its encrypted paper.
    const papers = demoPapers(p.code, candidates).slice(0, ordered.length);
    const box = [];
    for (const [i, u] of ordered.entries()) {
      const votedAt = new Date(p.opensAt.getTime() + (i + 2) * 60_000);
      const paper = encryptPaper(ctx, candidates.map((c) => papers[i].includes(c.unitId)));
      box.push(paper);
      const voter = u.head ?? u.officer;
      if (!voter) throw new Error(`ballots demo: ${u.name} has no account to cast its paper`);
      await insertVoter(em, id, u.unitId, voter.id, votedAt);
      await insertPaper(em, randomUUID(), id, paper, paperReceipt(paper));
      await audit.record(em, u.head ? { id: u.head.id, fullName: u.head.name } : auditActor, {
        action: 'ballot.vote', entityType: 'ballot', entityId: id, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa', after: { unitId: u.unitId },
      });
    }
    const sums = sumPapers(box, candidates.length).map((sum) => decryptSum(ctx, key.secretKey, sum, box.length));
    const result = {
      ...countedTally({
        members, present: presentIds.length, candidates: candidates.map((c) => c.unitId), quota, thresholdPercent: rules.voteThresholdPercent,
        thresholdBase: rules.voteThresholdBase, names: Object.fromEntries(candidates.map((c) => [c.unitId, c.name])), ballotsCast: box.length, approvals: sums.map((x) => x.count),
      }),
      decryption: { publicKey: key.publicKey, sums: sums.map((x, i) => ({ unitId: candidates[i].unitId, ...x })) },
    };
    await closeBallotRow(em, id, result, null, actor.id, p.closesAt);
    await audit.record(em, auditActor, {
      action: 'ballot.close', entityType: 'ballot', entityId: id, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa',
      after: { status: 'closed', ballotsCast: result.ballotsCast, valid: result.valid, invalid: result.invalid, elected: result.elected, revote: result.revote },
    });
    ballots[p.code] = id;
    elected[p.code] = result.elected;
  }

  // ---- the minutes (numbered before the tally records, as the service leaves the number to them)
  const decisions: Record<string, string> = {};
  const electedLine = (code: string) => {
    const names = elected[code].map(byName);
    return names.length ? names.join(', ') : 'không có đơn vị trúng cử';
  };
  decisions.ballot = `Kết quả bỏ phiếu kín: đề nghị tặng Cờ thi đua của UBND Thành phố năm 2024 cho ${electedLine('city_flag')}; đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố cho ${electedLine('city_merit')}.`;
  decisions.seats = `Hội nghị thống nhất bầu ${byName(y2025.leaderUnitId)} làm Khối trưởng, ${byName(y2025.deputyUnitId)} làm Khối phó Khối thi đua số 4 năm 2025.`;
  const leaderLabel = `Đồng chí ${line(leader.head)}, ${leader.name} (Khối trưởng)`;
  const items: { title: string; presenter: string; notes: string; decision: { text: string; at: Date } | null }[] = [
    {
      title: 'Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 và phương hướng nhiệm vụ năm 2025 của Khối', presenter: leaderLabel,
      notes: 'Khối trưởng báo cáo kết quả thực hiện Kế hoạch hoạt động và Giao ước thi đua năm 2024; các đơn vị hoàn thành toàn diện các chỉ tiêu đã ký kết.', decision: null,
    },
    {
      title: 'Thông qua kết quả chấm điểm, xếp hạng thi đua năm 2024', presenter: leaderLabel,
      notes: 'Hội nghị thống nhất bảng tổng hợp điểm sau thẩm định và giải trình của đợt chấm điểm cuối năm 2024.', decision: null,
    },
    {
      title: 'Bình xét, bỏ phiếu kín suy tôn đơn vị đề nghị khen thưởng năm 2024', presenter: `Ban kiểm phiếu (Trưởng ban: ${committee.chair})`,
      notes: 'Hội nghị bỏ phiếu kín bằng phiếu điện tử; mỗi đơn vị có mặt một phiếu do thủ trưởng đơn vị bỏ. Ban kiểm phiếu công bố kết quả và lập biên bản kiểm phiếu.',
      decision: { text: decisions.ballot, at: at('09:55') },
    },
    {
      title: 'Bầu Khối trưởng, Khối phó năm 2025', presenter: leaderLabel,
      notes: 'Theo thứ tự luân phiên, Khối phó năm 2024 đảm nhiệm Khối trưởng năm 2025, đơn vị kế tiếp đảm nhiệm Khối phó.',
      decision: { text: decisions.seats, at: at('10:10') },
    },
    {
      title: 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', presenter: `Đồng chí ${DEMO_BOARD_GUEST.name} – ${DEMO_BOARD_GUEST.title}`,
      notes: 'Đồng chí Phó Trưởng Ban ghi nhận kết quả của Khối, đề nghị các đơn vị hoàn thiện hồ sơ đề nghị khen thưởng đúng thời hạn.', decision: null,
    },
    { title: 'Khối trưởng phát biểu kết luận Hội nghị', presenter: leaderLabel, notes: '', decision: { text: YEAR_END_2024.conclusion, at: at('10:40') } },
  ];
  for (const [i, item] of items.entries()) {
    await insertDemoDoneAgendaItem(em, conferenceId, { sort: i + 1, title: item.title, presenter: item.presenter, notes: item.notes },
      item.decision ? { text: item.decision.text, memberCount: members, at: item.decision.at, createdBy: secretary.id } : null);
  }
  const snapshot: ConferenceSnapshot = {
    title: YEAR_END_2024.title, startsAt: opened, endsAt: at('11:00'), openedAt: opened, closedAt: closed, place: YEAR_END_2024.place,
    chair: { unitName: leader.name, personName: line(leader.head), seat: 'leader' },
    coChair: deputy ? { unitName: deputy.name, personName: line(deputy.head), seat: 'deputy' } : null,
    secretaryName: line(secretary), guests: [DEMO_BOARD_GUEST],
    attendees: ordered.map((u) => ({ unitName: u.name, seat: seatOf(u.unitId), presence: 'present' as const, delegateName: line(u.head) || u.name, rsvpDelegate: line(u.head) })),
    quorum: quorumState(members, members, rules),
    agenda: items.map((i) => ({
      title: i.title, presenter: i.presenter, notes: i.notes, materialTitle: null,
      decisions: i.decision ? [{ kind: 'conclusion' as const, text: i.decision.text, presentCount: members, memberCount: members }] : [],
    })),
    conclusion: '',
  };
  const content = draftMinutes(snapshot);
  await insertDemoApprovedMinutes(em, {
    conferenceId, docNumber: buildDocumentNumber((await lastMinutesSequence(em, y.id)) + 1, 'BB', y.blockCode), content, chairApprovedBy: leader.head?.id ?? null, chairApprovedAt: at('11:10'),
    secretaryApprovedBy: secretary.id, secretaryApprovedAt: at('10:55'), createdAt: closed,
  });

  // ---- the tally records, signed by the committee during the session (the secretary enters the committee's names)
  for (const p of plan) {
    const seriesId = ballots[p.code];
    await tallies.signTallyRecordTx(em, actor, seriesId, { chairName: committee.chair, memberNames: committee.members }, p.signedAt);
    tallyRecords[p.code] = (await signedRecordNumber(em, seriesId))!;
  }

  // ---- next year's seats: those the 2025 block year holds; the rotation kept makes them the suggestion too
  // (The election use case refuses once the 2025 year exists, as it does here: the data operation records it with its time.)
  const others = ordered.map((u) => u.unitId).filter((id) => ![y.leaderUnitId, y2025.leaderUnitId, y2025.deputyUnitId].includes(id));
  const rotation = [...new Set([y.leaderUnitId, y2025.leaderUnitId, y2025.deputyUnitId, ...others].filter((id): id is string => !!id && units.has(id)))];
  await upsertSeatElection(em, {
    blockYearId: y.id, conferenceId, leaderUnitId: y2025.leaderUnitId, deputyUnitId: y2025.deputyUnitId, rotationOrder: rotation, presentCount: members, memberCount: members,
    note: `Biểu quyết ${members}/${members} đơn vị có mặt nhất trí.`, decidedBy: actor.id, decidedAt: at('10:10'),
  });
  await audit.record(em, auditActor, {
    action: 'seats.elect', entityType: 'block_year', entityId: y.id, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa',
    after: { nextYear: 2025, conferenceId, leaderUnitId: y2025.leaderUnitId, deputyUnitId: y2025.deputyUnitId, rotationOrder: rotation, present: members, members },
  });
  await audit.record(em, auditActor, {
    action: 'conference.create', entityType: 'conference', entityId: conferenceId, blockId: y.blockId, reason: 'Nạp dữ liệu minh họa',
    after: { title: YEAR_END_2024.title, kind: 'year_end', status: 'concluded', minutes: 'approved', contentHash: minutesHash(content) },
  });
  return { conferenceId, ballots, tallyRecords, elected };
}
