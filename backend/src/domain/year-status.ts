/** Where a block year stands in its annual cycle (docs/domain.md §3), in cycle order. Pure. */
export type BlockYearStatus = 'setup' | 'planning' | 'signed' | 'in_progress' | 'year_end' | 'submitted' | 'decided' | 'archived';
export const BLOCK_YEAR_STATUSES: BlockYearStatus[] = ['setup', 'planning', 'signed', 'in_progress', 'year_end', 'submitted', 'decided', 'archived'];
