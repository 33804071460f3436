/**
 * The annual cycle of one block year on one line (docs/domain.md §3): each step done, current or next, with
 * its date and who is being waited for, and the page where it is done. Pure: the round's effective phase
 * and the appraisal's working days come from their modules' rules.
 */
import { deadlineState } from '../proposals/proposal-rules';
import type { KnownWorkCalendar } from '../proposals/rules';
import { effectivePhase, PHASE_LABELS, type Phase } from '../../domain/round-phase';

export type StepState = 'done' | 'current' | 'next';

export interface TimelineStep {
  key: string;
  title: string;
  state: StepState;
  /** When it was done, or its deadline / planned date. */
  date: string | null;
  dateLabel: string | null;
  /** Who the step is waiting for (empty once done). */
  waitingFor: string;
  detail: string;
  link: string;
}

interface Draft { kind: 'plan' | 'rules'; status: string; number: number; circulatedAt: string | null; adoptedAt: string | null; unresolved: number }
interface Conference { id: string; kind: string; status: string; startsAt: string; closedAt: string | null; minutes: string | null }
interface Round {
  id: string; kind: 'mid_year' | 'year_end'; title: string; phase: Phase; opensAt: string; selfAssessmentUntil: string; reviewUntil: string;
  explanationUntil: string; finalReviewUntil: string | null; finalisedAt: string | null; latestExtension: string | null; submitted: number;
}

export interface YearState {
  id: string;
  year: number;
  status: string;
  members: number;
  drafts: Draft[];
  conferences: Conference[];
  covenant: { status: string; openedAt: string | null; inForceAt: string | null; signed: number } | null;
  schemeFrozenAt: string | null;
  rounds: Round[];
  seatsElectedAt: string | null;
  proposal: { id: string; status: string; submittedAt: string | null; dueDate: string | null; approvedAt: string | null; decidedAt: string | null; returnReason: string } | null;
}

const LEADER = 'Đơn vị Khối trưởng, Khối phó';
const BOARD = 'Ban Thi đua – Khen thưởng Thành phố';
const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const AFTER: string[] = ['planning', 'signed', 'in_progress', 'year_end', 'submitted', 'decided', 'archived'];

export function buildTimeline(s: YearState, now: Date, calendar: KnownWorkCalendar): TimelineStep[] {
  const y = `/block-years/${s.id}`;
  const out: (Omit<TimelineStep, 'state'> & { state: StepState | null })[] = [];
  const push = (st: Omit<TimelineStep, 'state' | 'dateLabel' | 'detail'> & { state: StepState | null; dateLabel?: string | null; detail?: string }) =>
    out.push({ dateLabel: null, detail: '', ...st });

  push({ key: 'setup', title: 'Thiết lập năm: thành viên, Khối trưởng, Khối phó, bộ quy tắc', link: y, date: null,
    state: AFTER.includes(s.status) ? 'done' : 'current', waitingFor: BOARD, detail: `${s.members} đơn vị thành viên` });

  for (const kind of ['plan', 'rules'] as const) {
    const versions = s.drafts.filter((d) => d.kind === kind);
    const adopted = versions.find((d) => d.status === 'adopted');
    const circulated = versions.find((d) => d.status === 'circulated');
    const title = kind === 'plan' ? 'Kế hoạch hoạt động của Khối' : 'Quy chế hoạt động và bình xét thi đua';
    const link = `${y}/${kind === 'plan' ? 'plan' : 'rules'}`;
    if (adopted) push({ key: kind, title, link, state: 'done', date: iso(adopted.adoptedAt), dateLabel: 'Thông qua', waitingFor: '', detail: `Phiên bản ${adopted.number}` });
    else if (circulated) {
      push({ key: kind, title, link, state: 'current', date: iso(circulated.circulatedAt), dateLabel: 'Gửi xin ý kiến',
        waitingFor: circulated.unresolved ? `${LEADER} xử lý ${circulated.unresolved} góp ý; hội nghị thông qua` : 'Các đơn vị góp ý; hội nghị thông qua',
        detail: `Phiên bản ${circulated.number} đang xin ý kiến` });
    } else push({ key: kind, title, link, state: versions.length ? 'current' : null, date: null, waitingFor: `${LEADER} soạn dự thảo` });
  }

  conferenceStep('launch', 'Hội nghị triển khai, ký kết giao ước');

  const c = s.covenant;
  push({
    key: 'covenant', title: 'Ký kết giao ước thi đua', link: `${y}/covenant`,
    state: c?.status === 'in_force' ? 'done' : c ? 'current' : null,
    date: iso(c?.inForceAt ?? c?.openedAt), dateLabel: c?.status === 'in_force' ? 'Có hiệu lực' : c?.openedAt ? 'Mở ký' : null,
    waitingFor: c?.status === 'in_force' ? '' : c?.status === 'signing' ? `Thủ trưởng ${s.members - c.signed} đơn vị chưa ký` : `${LEADER} soạn giao ước`,
    detail: c ? `${c.signed}/${s.members} đơn vị đã ký` : '',
  });

  push({ key: 'scheme', title: 'Biểu chấm điểm', link: `${y}/scheme`, state: s.schemeFrozenAt || s.rounds.length ? 'done' : null,
    date: iso(s.schemeFrozenAt), dateLabel: s.schemeFrozenAt ? 'Chốt' : null, waitingFor: s.schemeFrozenAt ? '' : `${LEADER} soạn biểu chấm điểm` });

  for (const kind of ['mid_year', 'year_end'] as const) {
    const r = s.rounds.find((x) => x.kind === kind);
    const title = kind === 'mid_year' ? 'Chấm điểm sơ kết 6 tháng' : 'Chấm điểm tổng kết năm';
    if (!r) { push({ key: kind, title, link: `${y}/rounds`, state: null, date: null, waitingFor: `${LEADER} mở đợt chấm` }); continue; }
    const phase = effectivePhase({
      phase: r.phase, opensAt: new Date(r.opensAt), selfAssessmentUntil: new Date(r.selfAssessmentUntil), reviewUntil: new Date(r.reviewUntil),
      explanationUntil: new Date(r.explanationUntil), latestExtension: r.latestExtension ? new Date(r.latestExtension) : null,
    }, now);
    const due: Record<Phase, string | null> = {
      self_assessment: r.selfAssessmentUntil, review: r.reviewUntil, explanation: r.explanationUntil, final_review: r.finalReviewUntil, finalised: r.finalisedAt,
    };
    const waiting: Record<Phase, string> = {
      self_assessment: `${s.members - r.submitted} đơn vị chưa nộp bản tự chấm`,
      review: `Các đơn vị chấm chéo; ${LEADER} thẩm định`,
      explanation: 'Các đơn vị giải trình',
      final_review: `${LEADER} chốt điểm và hoàn tất`,
      finalised: '',
    };
    push({ key: kind, title, link: `/rounds/${r.id}`, state: phase === 'finalised' ? 'done' : 'current', date: iso(due[phase]),
      dateLabel: phase === 'finalised' ? 'Hoàn tất' : 'Hạn', waitingFor: waiting[phase], detail: PHASE_LABELS[phase] });
  }

  conferenceStep('year_end', 'Hội nghị tổng kết: bình xét, bỏ phiếu, bầu Khối trưởng năm sau', s.seatsElectedAt);

  const p = s.proposal;
  const withBoard = ['submitted', 'under_appraisal', 'approved', 'decided'];
  const proposalLink = p ? `/proposals/${p.id}` : `${y}/proposals`;
  push({ key: 'dossier', title: 'Lập và trình hồ sơ đề nghị khen thưởng', link: proposalLink,
    state: p && withBoard.includes(p.status) ? 'done' : p ? 'current' : null, date: iso(p?.submittedAt), dateLabel: p?.submittedAt ? 'Trình' : null,
    waitingFor: p && withBoard.includes(p.status) ? '' : `${LEADER} lập hồ sơ; thủ trưởng đơn vị Khối trưởng trình`,
    detail: p?.status === 'returned' ? `Bị trả lại: ${p.returnReason}` : '' });
  const appraising = p && ['submitted', 'under_appraisal'].includes(p.status);
  const left = appraising && p.dueDate ? deadlineState(p.dueDate, now, calendar) : null;
  push({ key: 'appraisal', title: 'Ban Thi đua – Khen thưởng Thành phố thẩm định', link: proposalLink,
    state: p && ['approved', 'decided'].includes(p.status) ? 'done' : appraising ? 'current' : null,
    date: appraising ? (p.dueDate ? `${p.dueDate}T23:59:59+07:00` : null) : iso(p?.approvedAt), dateLabel: appraising ? 'Hạn thẩm định' : p?.approvedAt ? 'Thông qua' : null,
    waitingFor: appraising ? BOARD : '', detail: left ? (left.overdue ? `Quá hạn ${Math.abs(left.workingDaysLeft)} ngày làm việc` : `Còn ${left.workingDaysLeft} ngày làm việc`) : '' });
  push({ key: 'decision', title: 'Quyết định khen thưởng', link: proposalLink,
    state: p?.status === 'decided' ? 'done' : p?.status === 'approved' ? 'current' : null, date: iso(p?.decidedAt), dateLabel: p?.decidedAt ? 'Quyết định' : null,
    waitingFor: p?.status === 'approved' ? `${BOARD} ghi nhận quyết định của Chủ tịch UBND Thành phố` : '' });
  push({ key: 'next_year', title: 'Lưu trữ năm; khởi tạo năm sau', link: `${y}/next-year`,
    state: s.status === 'archived' ? 'done' : s.status === 'decided' ? 'current' : null, date: null, waitingFor: s.status === 'archived' ? '' : BOARD });

  // A step nothing has started is next; when no step is under way, the first one not done is the current one.
  const firstOpen = out.some((st) => st.state === 'current') ? -1 : out.findIndex((st) => st.state !== 'done');
  return out.map((st, k) => {
    const state: StepState = k === firstOpen ? 'current' : st.state ?? 'next';
    return { ...st, state, waitingFor: state === 'done' ? '' : st.waitingFor };
  });

  function conferenceStep(kind: 'launch' | 'year_end', title: string, extraDone?: string | null) {
    const list = s.conferences.filter((x) => x.kind === kind);
    const conf = list.find((x) => x.status !== 'concluded') ?? list[list.length - 1];
    const link = conf ? `/conferences/${conf.id}` : `${y}/conferences`;
    const done = conf?.status === 'concluded' && (kind !== 'year_end' || !!extraDone);
    push({ key: `${kind}_conference`, title, link, state: done ? 'done' : conf ? 'current' : null,
      date: iso(conf?.status === 'concluded' ? conf.closedAt : conf?.startsAt), dateLabel: conf ? (conf.status === 'concluded' ? 'Đã họp' : 'Dự kiến') : null,
      waitingFor: conf?.status === 'concluded' && conf.minutes === 'draft' ? 'Chủ trì và thư ký thông qua biên bản' : `${LEADER} tổ chức hội nghị`,
      detail: conf?.status === 'in_session' ? 'Đang họp' : '' });
  }
}
