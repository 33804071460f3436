import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numeric } from '../../scoring/entities/numeric';
import type { LeafType } from '@thidua/rules';
import type { Source } from '../round-results';

/**
 * One score of one criterion of one unit from one source: self (tự chấm), peer (chấm chéo, one row per
 * reviewer), leader (thẩm định), final (điểm chốt). `note` is the self row's explanation or a reviewer's reason.
 */
@Entity({ name: 'score_entries' })
@Index('ix_score_entries_round', ['roundId', 'unitId'])
@Check('ck_score_entries_score_range', `score IS NULL OR (score >= 0 AND score <= max_points)`)
@Check('ck_score_entries_own_unit', `(source = 'self') = (scorer_unit_id = unit_id)`)
export class ScoreEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  @Column({ type: 'varchar', length: 8 }) source: Source;
  @Column({ name: 'scorer_unit_id', type: 'uuid' }) scorerUnitId: string;
  @Column({ name: 'criterion_type', type: 'varchar', length: 16 }) criterionType: LeafType;
  /** The criterion's max, copied so a CHECK can refuse a score above it. */
  @Column({ name: 'max_points', type: 'numeric', precision: 10, scale: 2, transformer: numeric }) maxPoints: number;
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric }) score: number | null;
  @Column({ type: 'boolean', nullable: true }) passed: boolean | null;
  @Column({ type: 'int', nullable: true }) count: number | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numeric }) actual: number | null;
  @Column({ type: 'jsonb', nullable: true }) items: Record<string, number> | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
