/** Vietnamese formats: dd/mm/yyyy dates, "1.234,5" numbers, Vietnamese alphabetical order. */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${formatDate(date)}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? '' : numberFormat.format(n));

/** Full Vietnamese order: accents count (Anh < Ánh), digits as numbers (Khối 9 < Khối 10). */
export const viCollator = new Intl.Collator('vi', { numeric: true });
export const compareVi = (a: string, b: string) => viCollator.compare(a, b);
export function sortByVi<T>(items: T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}
