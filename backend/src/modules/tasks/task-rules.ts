/**
 * From a candidate row of the year's state to a pending action of one person (issue 12). Pure: the phase
 * rule, completeness and working days come in already computed by their own modules.
 */
import type { TaskKind } from './task-kinds';

export interface Task {
  key: string;
  kind: TaskKind;
  title: string;
  detail: string;
  /** Null for a task of the installation itself (a failed backup). */
  blockYearId: string | null;
  blockName: string | null;
  year: number | null;
  unitName: string | null;
  deadline: string | null;
  overdue: boolean;
  link: string;
}

const DRAFT_KIND: Record<string, string> = { plan: 'Kế hoạch hoạt động', rules: 'Quy chế hoạt động' };
const CONFERENCE_KIND: Record<string, string> = { launch: 'đầu năm', mid_year: 'sơ kết', year_end: 'tổng kết', extraordinary: 'bất thường' };

/** Overdue first, then the nearest deadline, then tasks without one; ties by title (Vietnamese order). */
export function sortTasks(tasks: Task[]): Task[] {
  const collator = new Intl.Collator('vi');
  return [...tasks].sort((a, b) =>
    Number(b.overdue) - Number(a.overdue)
    || (a.deadline ? 0 : 1) - (b.deadline ? 0 : 1)
    || (a.deadline && b.deadline ? a.deadline.localeCompare(b.deadline) : 0)
    || collator.compare(a.title, b.title));
}

export const draftLabel = (kind: string): string => DRAFT_KIND[kind] ?? 'Dự thảo';
export const conferenceKindLabel = (kind: string): string => CONFERENCE_KIND[kind] ?? '';

/** "x/y tiêu chí" */
export const criteriaProgress = (filled: number, required: number): string => `Đã nhập ${filled}/${required} tiêu chí`;

export const workingDaysText = (left: number, overdue: boolean): string =>
  overdue ? `Quá hạn ${Math.abs(left)} ngày làm việc` : left === 0 ? 'Hạn là hôm nay' : `Còn ${left} ngày làm việc`;
