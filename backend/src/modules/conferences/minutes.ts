/**
 * Minutes (biên bản) as pure functions: drafting the content from a conference, recomputing what an
 * edit may not change, and the canonical SHA-256 of the approved content. No NestJS or TypeORM here.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';
import type { QuorumState } from './conference-rules';

export type MinutesPresence = 'present' | 'absent' | 'excused';
export type MinutesSeat = 'leader' | 'deputy';

export interface MinutesPerson {
  /** Person, as typed by the leader, e.g. "Trịnh Văn Khải – Phó Bí thư Thường trực". */
  person: string;
  /** Unit name. */
  unit: string;
  seat: MinutesSeat | null;
}

export interface MinutesAttendee {
  unitName: string;
  seat: MinutesSeat | null;
  /** null: not checked in. */
  presence: MinutesPresence | null;
  delegate: string;
}

export interface MinutesAgendaEntry {
  title: string;
  presenter: string;
  /** Title of the linked plan version, rules version or covenant. */
  material: string | null;
  /** Summary of the discussion. */
  discussion: string;
  /** One line per decision, as printed. */
  decisions: string[];
}

export interface MinutesQuorum {
  members: number;
  present: number;
  needed: number;
  met: boolean;
  numerator: number;
  denominator: number;
}

/** What a biên bản records (docs/domain.md §2, §7): time, place, attendees, chair, secretary, content, decisions, end. */
export interface MinutesContent {
  title: string;
  /** ISO date-times. */
  startedAt: string;
  endedAt: string | null;
  place: string;
  chair: MinutesPerson;
  coChair: MinutesPerson | null;
  secretary: string;
  guests: string[];
  attendees: MinutesAttendee[];
  quorum: MinutesQuorum;
  agenda: MinutesAgendaEntry[];
  conclusion: string;
}

export type DecisionKindForMinutes = 'adopt_plan' | 'adopt_rules' | 'open_signing' | 'conclusion' | 'ballot_result' | 'seat_election';

/** Everything the minutes are drafted from, read from the conference. */
export interface ConferenceSnapshot {
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  place: string;
  chair: { unitName: string; personName: string; seat: MinutesSeat | null };
  coChair: { unitName: string; personName: string; seat: MinutesSeat | null } | null;
  secretaryName: string;
  guests: { name: string; title: string; organization: string }[];
  attendees: { unitName: string; seat: MinutesSeat | null; presence: MinutesPresence | null; delegateName: string; rsvpDelegate: string }[];
  quorum: QuorumState;
  agenda: {
    title: string;
    presenter: string;
    notes: string;
    materialTitle: string | null;
    decisions: { kind: DecisionKindForMinutes; text: string; presentCount: number; memberCount: number }[];
  }[];
  conclusion: string;
}

/** The text a decision gets when the leader writes none. */
export function defaultDecisionText(kind: 'adopt_plan' | 'adopt_rules' | 'open_signing', materialTitle: string | null): string {
  switch (kind) {
    case 'adopt_plan':
      return `Hội nghị thống nhất thông qua ${materialTitle ?? 'Kế hoạch hoạt động của Khối'}.`;
    case 'adopt_rules':
      return `Hội nghị thống nhất thông qua ${materialTitle ?? 'Quy chế hoạt động và bình xét thi đua của Khối'}.`;
    case 'open_signing':
      return `Hội nghị thống nhất nội dung và tiến hành ký kết ${materialTitle ?? 'Giao ước thi đua'}.`;
  }
}

/** One printed line per decision; decisions that needed a quorum state how many units were present. */
export function decisionLine(d: { kind: DecisionKindForMinutes; text: string; presentCount: number; memberCount: number }): string {
  if (d.kind === 'conclusion') return `Kết luận: ${d.text.trim()}`;
  const text = d.text.trim();
  if (d.kind === 'ballot_result') return `${text}${/[.!?]$/.test(text) ? '' : '.'}`; // states who was present itself
  return `${text}${/[.!?]$/.test(text) ? '' : '.'} (Có ${d.presentCount}/${d.memberCount} đơn vị thành viên có mặt khi biểu quyết.)`;
}

export function guestLine(g: { name: string; title: string; organization: string }): string {
  const org = g.organization.trim() && !g.title.includes(g.organization.trim()) ? `, ${g.organization.trim()}` : '';
  const title = g.title.trim() ? ` – ${g.title.trim()}` : '';
  return `Đồng chí ${g.name.trim()}${title}${org}`;
}

/** Drafts the minutes from the conference as it happened. */
export function draftMinutes(c: ConferenceSnapshot): MinutesContent {
  const started = c.openedAt ?? c.startsAt;
  const ended = c.closedAt ?? c.endsAt;
  return {
    title: c.title,
    startedAt: started.toISOString(),
    endedAt: ended ? ended.toISOString() : null,
    place: c.place,
    chair: { person: c.chair.personName, unit: c.chair.unitName, seat: c.chair.seat },
    coChair: c.coChair ? { person: c.coChair.personName, unit: c.coChair.unitName, seat: c.coChair.seat } : null,
    secretary: c.secretaryName,
    guests: c.guests.map(guestLine),
    attendees: c.attendees.map((a) => ({
      unitName: a.unitName,
      seat: a.seat,
      presence: a.presence,
      // Only a unit that came sent a delegate: whom an absent unit had registered did not attend.
      delegate: a.presence === 'present' ? (a.delegateName || a.rsvpDelegate) : '',
    })),
    quorum: { ...c.quorum },
    agenda: c.agenda.map((i) => ({
      title: i.title,
      presenter: i.presenter,
      material: i.materialTitle,
      discussion: i.notes,
      decisions: i.decisions.map(decisionLine),
    })),
    conclusion: c.conclusion,
  };
}

/**
 * Applies an edit of a draft: everything is the leader's text except the quorum, whose member count and
 * threshold stay as drafted and whose present count follows the attendees' presence.
 */
export function applyMinutesEdit(current: MinutesContent, edited: Omit<MinutesContent, 'quorum'> & { quorum?: unknown }): MinutesContent {
  const { quorum: _readOnly, ...rest } = edited; // sent back as read: ignored, it is recomputed
  const present = rest.attendees.filter((a) => a.presence === 'present').length;
  const q = current.quorum;
  return { ...rest, quorum: { ...q, present, met: q.members > 0 && present >= q.needed } };
}

/** "Trịnh Văn Khải – Phó Bí thư Thường trực" → "Trịnh Văn Khải": the name to print under a signature. */
export function signatoryName(person: string): string {
  return person.split(/\s+[–-]\s+|,/)[0].trim();
}

export type MinutesRole = 'chair' | 'secretary';

const personKey = (s: string) => signatoryName(s).normalize('NFC').replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * Whether a person is the one the minutes name in a role, i.e. the name printed under that signature
 * (and, for the chair, of the unit printed beside it). Only that person may approve in that role.
 */
export function isNamedInRole(c: Pick<MinutesContent, 'chair' | 'secretary'>, role: MinutesRole, person: { fullName: string; unitName: string | null }): boolean {
  const named = role === 'chair' ? c.chair.person : c.secretary;
  if (!personKey(named) || personKey(named) !== personKey(person.fullName)) return false;
  return role === 'secretary' || (person.unitName ?? '').normalize('NFC').trim() === c.chair.unit.normalize('NFC').trim();
}

/** SHA-256 (hex) of the canonical JSON (keys sorted at every level, as the audit chain hashes) of the content. */
export function minutesHash(content: MinutesContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export { canonicalJson };
