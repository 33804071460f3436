import type { BlockYearSummary } from '@/api/block-years';

/** Tag colours along the year's cycle (docs/domain.md §3). */
export const STATUS_COLORS: Record<BlockYearSummary['status'], string> = {
  setup: 'default', planning: 'processing', signed: 'cyan', in_progress: 'blue', year_end: 'purple', submitted: 'orange', decided: 'green', archived: 'default',
};
