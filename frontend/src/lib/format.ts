/** Vietnamese formats: dd/mm/yyyy dates in Vietnam time, "1.234,5" numbers, Vietnamese alphabetical order. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vnParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** Day, month, year, hour, minute of an instant as a clock in Hà Nội shows it, whatever the browser's zone. */
function vnClock(date: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(vnParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: parts.day, month: parts.month, year: parts.year, hour: parts.hour, minute: parts.minute };
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const c = vnClock(date);
  return `${c.day}/${c.month}/${c.year}`;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const c = vnClock(date);
  return `${c.hour}:${c.minute} ${c.day}/${c.month}/${c.year}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : numberFormat.format(n));

/** Full Vietnamese order: accents count (Anh < Ánh), digits as numbers (Khối 9 < Khối 10). */
export const viCollator = new Intl.Collator('vi', { numeric: true });
export const compareVi = (a: string, b: string) => viCollator.compare(a, b);
export function sortByVi<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}
