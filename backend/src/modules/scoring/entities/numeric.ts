import type { ValueTransformer } from 'typeorm';

/** numeric(…,2) columns come back from pg as strings; scores are kept at 2 decimals, so a JS number is exact enough. */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
