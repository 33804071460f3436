/** Vietnamese text as search compares it: lower case, without diacritics, đ as d ("Đào tạo" → "dao tao"). */
export const foldVietnamese = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/** Whether `text` contains `query`, with or without diacritics, in any case. */
export const containsText = (text: string, query: string): boolean => foldVietnamese(text).includes(foldVietnamese(query.trim()));

/**
 * A Select's search by an option's `label` (or another field): typing "dao tao" finds "Sở Giáo dục và Đào tạo".
 * Use as `showSearch={searchBy()}`.
 */
export function searchBy(field: 'label' | 'title' = 'label'): { filterOption: (input: string, option?: object) => boolean } {
  return {
    filterOption: (input, option) => {
      const value = (option as Record<string, unknown> | undefined)?.[field];
      return typeof value === 'string' || typeof value === 'number' ? containsText(String(value), input) : false;
    },
  };
}
