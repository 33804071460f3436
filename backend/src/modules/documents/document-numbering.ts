/** Document numbers and symbols ("số, ký hiệu") as ND30 writes them: "01/KH-KTĐ4". */

/** Type codes the system issues. All but GU are from ND30 Phụ lục III. */
export const DOCUMENT_TYPE_CODES = {
  KH: 'Kế hoạch',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  BC: 'Báo cáo',
  QC: 'Quy chế',
  QĐ: 'Quyết định',
  TB: 'Thông báo',
  GM: 'Giấy mời',
  HD: 'Hướng dẫn',
  /** Giao ước thi đua (emulation covenant): a block convention, not an ND30 code. */
  GU: 'Giao ước thi đua',
} as const;

export type DocumentTypeCode = keyof typeof DOCUMENT_TYPE_CODES;

export function isDocumentTypeCode(code: string): code is DocumentTypeCode {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPE_CODES, code);
}

/**
 * "01/KH-KTĐ4" from (1, 'KH', 'KTĐ4'): numbers below 10 get a leading zero (ND30).
 * A null sequence leaves the number blank ("     /KH-KTĐ4") for a draft numbered when issued.
 */
export function buildDocumentNumber(sequence: number | null, code: DocumentTypeCode, issuerCode: string): string {
  if (!isDocumentTypeCode(code)) throw new Error(`Unknown document type code "${code}"`);
  const issuer = issuerCode.normalize('NFC').trim();
  if (!issuer || /[\s/]/.test(issuer)) throw new Error(`Invalid issuer code "${issuerCode}"`);
  let num: string;
  if (sequence === null) num = '\u00a0'.repeat(5);
  else {
    if (!Number.isSafeInteger(sequence) || sequence < 1) throw new Error(`Invalid document sequence ${sequence}`);
    num = sequence < 10 ? `0${sequence}` : String(sequence);
  }
  return `${num}/${code}-${issuer}`;
}

/** Parses "01/KH-KTĐ4" back into its parts, or null if it is not such a number. */
export function parseDocumentNumber(
  value: string,
): { sequence: number; code: DocumentTypeCode; issuerCode: string } | null {
  const m = /^(\d+)\/([^-/\s]+)-(\S+)$/.exec(value.normalize('NFC').trim());
  if (!m || !isDocumentTypeCode(m[2])) return null;
  const sequence = Number(m[1]);
  if (sequence < 1) return null;
  return { sequence, code: m[2], issuerCode: m[3] };
}
