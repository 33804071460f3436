import dayjs, { type Dayjs } from 'dayjs';

/** Date pickers show dd/mm/yyyy; the API speaks yyyy-mm-dd. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const toApiDate = (d: Dayjs | null | undefined): string | undefined => (d && d.isValid() ? d.format('YYYY-MM-DD') : undefined);
export const fromApiDate = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);
