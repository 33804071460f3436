/**
 * Layout rules of Nghị định 30/2020/NĐ-CP (Phụ lục I) shared by the .docx and .pdf renderers,
 * and the small pure helpers that turn model fields into the printed lines.
 */
import type { Orientation, RichText, SignatureBlock, TableColumn, TextRun } from './document-model';

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_LABEL = 'Nơi nhận:';

/** The font Word is told to use; the PDF embeds Tinos, which has the same metrics. */
export const DOCX_FONT = 'Times New Roman';

export const ND30 = {
  /** A4 in millimetres, portrait. */
  page: { widthMm: 210, heightMm: 297 },
  /** Top/bottom 20–25, left 30–35, right 15–20 mm: the smallest allowed. */
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Distance of the page number (top) and footer line (bottom) from the page edge. */
  headerMm: 10,
  footerMm: 8,
  /** Font sizes in pt. */
  size: {
    body: 14,
    parentAgency: 13,
    agency: 13,
    number: 13,
    motto: 13,
    slogan: 14,
    date: 14,
    type: 14,
    title: 14,
    table: 13,
    recipientsLabel: 12,
    recipients: 11,
    signature: 14,
    signatureTable: 12,
    signedAt: 10,
    pageNumber: 13,
    footer: 8,
  },
  /** First-line indent of body paragraphs: 1 cm. */
  firstLineIndentMm: 10,
  /** Paragraph spacing at least 6 pt; single line spacing (Times New Roman: 1.15 × size). */
  paragraphAfterPt: 6,
  lineHeight: 1.15,
  /** Share of the text width taken by the header's left (agency) column. */
  headerLeftShare: 0.39,
  /** Rules under the agency name and the summary: 1/3–1/2 of the line above. */
  ruleShare: 0.4,
  /** Vertical room left for the handwritten signature and seal. */
  signatureSpacePt: 64,
} as const;

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
export const mmToTwips = (mm: number): number => ptToTwips(mmToPt(mm));

/** Page and text-area size in pt for an orientation. */
export function pageGeometry(orientation: Orientation = 'portrait'): {
  width: number;
  height: number;
  textWidth: number;
  textHeight: number;
} {
  const { widthMm, heightMm } = ND30.page;
  const m = ND30.marginsMm;
  const [w, h] = orientation === 'landscape' ? [heightMm, widthMm] : [widthMm, heightMm];
  return {
    width: mmToPt(w),
    height: mmToPt(h),
    textWidth: mmToPt(w - m.left - m.right),
    textHeight: mmToPt(h - m.top - m.bottom),
  };
}

const VN_OFFSET_MS = 7 * 3600 * 1000; // Vietnam: UTC+7, no daylight saving

/** Calendar day of a date in Vietnam: a Date is read at UTC+7, "YYYY-MM-DD" as written. */
export function vietnamCalendarDate(date: Date | string): { year: number; month: number; day: number } {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) throw new Error(`Invalid date "${date}": expected YYYY-MM-DD`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new Error(`Invalid date "${date}"`);
    return { year, month, day };
  }
  if (Number.isNaN(date.getTime())) throw new Error('Invalid date');
  const local = new Date(date.getTime() + VN_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * "Hà Nội, ngày 05 tháng 01 năm 2024". ND30 writes a leading zero for days 1–9 and for months 1 and 2
 * only ("ngày 26 tháng 4 năm 2024"). A null date leaves day and month blank for a draft.
 */
export function formatVietnameseDate(place: string, date: Date | string | null): string {
  const prefix = place.trim() ? `${place.trim()}, ` : '';
  if (date === null) {
    const blank = '\u00a0'.repeat(6); // no-break spaces survive justification and text extraction
    return `${prefix}ngày${blank}tháng${blank}năm${blank}`;
  }
  const { year, month, day } = vietnamCalendarDate(date);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${prefix}ngày ${dd} tháng ${mm} năm ${year}`;
}

/** Vietnamese upper case (Unicode NFC). */
export const upper = (s: string): string => nfc(s).toLocaleUpperCase('vi-VN');

/** Unicode NFC, so decomposed input (e.g. from macOS) prints with the font's precomposed glyphs. */
export const nfc = (s: string): string => s.normalize('NFC');

export const numberLine = (number: string): string => `Số: ${nfc(number)}`;

/** Rich text as runs, normalised. */
export function toRuns(content: RichText): TextRun[] {
  if (typeof content === 'string') return [{ text: nfc(content) }];
  return content.map((r) => ({ ...r, text: nfc(r.text) }));
}

/** The capital lines of a signature block above the space for signing, e.g. ["TM. KHỐI THI ĐUA SỐ 4", "KHỐI TRƯỞNG"]. */
export function signatureHeadLines(sig: SignatureBlock): string[] {
  const lines: string[] = [];
  if (sig.authority) lines.push(upper(sig.prefix ? `${sig.prefix} ${sig.authority}` : sig.authority));
  lines.push(upper(!sig.authority && sig.prefix ? `${sig.prefix} ${sig.position}` : sig.position));
  return lines;
}

/** "- entry;" per recipient, the last one ending in "." as ND30 writes it. */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => {
    const text = nfc(r.trim()).replace(/^-\s*/, '').replace(/[;.,]$/, '');
    return `- ${text}${i === recipients.length - 1 ? '.' : ';'}`;
  });
}

/** Signers per row of a signature table. */
export const signaturesPerRow = (t: { columns: unknown[]; perRow?: number }): number =>
  Math.max(1, Math.min(t.perRow ?? t.columns.length, t.columns.length));

/** Font size of a signature table: smaller when five or more units share a row. */
export const signatureTableSize = (perRow: number): number => (perRow >= 5 ? ND30.size.signatureTable - 1 : ND30.size.signatureTable);

/** Label before a list item: "1." or "-". */
export const listLabel = (style: 'numbered' | 'bulleted', index: number, start = 1): string =>
  style === 'numbered' ? `${start + index}.` : '-';

/** Column widths (pt) scaled from the relative widths to fill `total`. */
export function scaleColumns(columns: Pick<TableColumn, 'width'>[], total: number): number[] {
  if (columns.length === 0) throw new Error('A table needs at least one column');
  const sum = columns.reduce((s, c) => s + Math.max(0, c.width), 0);
  if (!(sum > 0)) throw new Error('Table column widths must be positive');
  return columns.map((c) => (Math.max(0, c.width) / sum) * total);
}
