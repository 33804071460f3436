import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AssessmentStatus } from './api/assessment';
import type { Phase } from './api/rounds';

export const STATUS_COLORS: Record<AssessmentStatus, string> = {
  draft: 'blue', awaiting_confirmation: 'gold', submitted: 'green', returned: 'red', locked: 'default',
};
export const PHASE_COLORS: Record<Phase, string> = { self_assessment: 'blue', review: 'purple', explanation: 'orange', final_review: 'magenta', finalised: 'green' };

/** Date and time pickers show "17:00 30/06/2025", as the rest of the app prints times. */
export const DATE_TIME_FORMAT = 'HH:mm DD/MM/YYYY';
/** The API wants ISO 8601 with the zone, e.g. 2025-06-30T17:00:00+07:00. */
export const toApiDateTime = (d: Dayjs | null | undefined): string | undefined => (d && d.isValid() ? d.second(0).millisecond(0).format() : undefined);
export const fromApiDateTime = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** "14:32" of an instant, Vietnam time. */
export const formatTime = (iso: string | null | undefined) => formatDateTime(iso).slice(0, 5);

/** 1536 → "1,5 KB" (Vietnamese decimal comma). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round((n / 1024) * 10) / 10)} KB`;
  return `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
}

/** The two largest units of a duration: { days, hours } or { hours, minutes }. */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number } {
  const s = Math.abs(seconds);
  return { days: Math.floor(s / 86400), hours: Math.floor((s % 86400) / 3600), minutes: Math.floor((s % 3600) / 60) };
}

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** What the file picker offers; the server decides by the file's content. */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
