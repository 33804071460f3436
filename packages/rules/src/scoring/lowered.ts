/**
 * Whether a reviewer's score lowers a unit's result against its self-assessment (domain.md §4: giải trình answers
 * lowered scores). Pure: no NestJS or TypeORM here.
 */
import type { LeafType } from './scheme';

/**
 * True when `reviewed` leaves the unit with fewer points than `self` on a criterion of this type. Every type counts
 * its score upward, except a deduction, whose score is the positive number of points deducted: deducting more is
 * lower. For a target criterion compare the actual values (a higher actual never scores lower).
 */
export function lowersScore(type: LeafType, reviewed: number, self: number): boolean {
  return type === 'deduction' ? reviewed > self : reviewed < self;
}
