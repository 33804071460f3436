/**
 * ASCII-safe file names from Vietnamese text ("Cờ thi đua của UBND Thành phố" → "Co-thi-dua-cua-UBND-Thanh-pho"):
 * for archive entries and the plain `filename=` of a download (the Vietnamese name goes in `filename*`).
 */
export const asciiSlug = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
