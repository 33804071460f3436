import dayjs, { type Dayjs } from 'dayjs';
import type { Attendance, ConferenceKind, ConferenceStatus, Quorum } from '@/api/conferences';

export const CONFERENCE_KINDS: ConferenceKind[] = ['launch', 'mid_year', 'year_end', 'extraordinary'];

export const STATUS_COLORS: Record<ConferenceStatus, string> = { planned: 'blue', in_session: 'green', concluded: 'default' };
export const RSVP_COLORS: Record<Attendance['rsvp'], string> = { pending: 'orange', confirmed: 'green', declined: 'default' };
export const PRESENCE_COLORS: Record<NonNullable<Attendance['presence']>, string> = { present: 'green', absent: 'red', excused: 'gold' };

/** Date and time pickers show "08:00 26/04/2024", as the rest of the app prints times. */
export const DATE_TIME_FORMAT = 'HH:mm DD/MM/YYYY';

/** The API wants ISO 8601 with the zone, e.g. 2024-04-26T08:00:00+07:00. */
export const toApiDateTime = (d: Dayjs | null | undefined): string | null => (d && d.isValid() ? d.second(0).millisecond(0).format() : null);
export const fromApiDateTime = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

export const ratio = (q: Pick<Quorum, 'numerator' | 'denominator'>) => `${q.numerator}/${q.denominator}`;

/** The quorum's words, e.g. { present: 4, members: 5, needed: 4, ratio: '2/3' }. */
export const quorumVars = (q: Quorum) => ({ present: q.present, members: q.members, needed: q.needed, ratio: ratio(q) });

/**
 * Suggested titles of a new conference. They are the document's words (printed in the minutes, in
 * Vietnamese whatever the interface language), so they live here rather than in i18n.ts.
 */
export const defaultConferenceTitle = (kind: ConferenceKind, year: number): string => ({
  launch: `Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm ${year}`,
  mid_year: `Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${year}`,
  year_end: `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${year}`,
  extraordinary: '',
})[kind];

/** The city commendation board's representative, the usual guest (data, in Vietnamese). */
export const BOARD_GUEST = { name: '', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội' };
