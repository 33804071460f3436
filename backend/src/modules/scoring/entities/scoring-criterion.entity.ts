import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AdjustmentItem, NodeType } from '@thidua/rules';
import { numeric } from './numeric';

/** Tiêu chí / nhóm tiêu chí: one row of a scheme's tree (docs/domain.md §4). */
@Entity({ name: 'scoring_criteria' })
@Index('uq_scoring_criteria_scheme_code', ['schemeId', 'code'], { unique: true })
@Index('ix_scoring_criteria_parent', ['schemeId', 'parentId', 'sortOrder'])
@Check('ck_scoring_criteria_max', `max_points > 0`)
export class ScoringCriterion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'scheme_id', type: 'uuid' }) schemeId: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  /** The code officials use, e.g. "I.2.a"; unique within the scheme. */
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 1000 }) title: string;
  /** Hướng dẫn chấm. */
  @Column({ type: 'text', default: '' }) guidance: string;
  @Column({ type: 'varchar', length: 16 }) type: NodeType;
  @Column({ name: 'max_points', type: 'numeric', precision: 10, scale: 2, transformer: numeric }) maxPoints: number;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder: number;
  @Column({ name: 'evidence_required', type: 'boolean', default: false }) evidenceRequired: boolean;
  @Column({ name: 'points_per_occurrence', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric }) pointsPerOccurrence: number | null;
  /** Per-occurrence only: the count is the unit's published items of the year (news, story, both), not entered. */
  @Column({ name: 'count_source', type: 'varchar', length: 8, nullable: true }) countSource: 'news' | 'story' | 'both' | null;
  /** Đơn vị tính of a target criterion ("hồ sơ", "%"). */
  @Column({ type: 'varchar', length: 64, default: '' }) measure: string;
  /** Listed events of a bonus / deduction row. */
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) items: AdjustmentItem[];
  /** Units this criterion does not apply to (removed from their maximum). */
  @Column({ name: 'not_applicable_unit_ids', type: 'uuid', array: true, default: () => `'{}'` }) notApplicableUnitIds: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
