import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numeric } from './numeric';

/**
 * Biểu chấm điểm: one version of a block year's scoring scheme. Frozen (read-only) once a round using it
 * has opened; the next round or year gets a new version copied from it.
 */
@Entity({ name: 'scoring_schemes' })
@Index('uq_scoring_schemes_year_version', ['blockYearId', 'versionNo'], { unique: true })
@Check('ck_scoring_schemes_total_max', `total_max > 0`)
@Check('ck_scoring_schemes_version_no', `version_no >= 1`)
export class ScoringScheme {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ name: 'version_no', type: 'int' }) versionNo: number;
  @Column({ type: 'varchar', length: 500 }) title: string;
  /** Declared total of the scheme (100 or 1,000 are usual); the top-level rows must add up to it. */
  @Column({ name: 'total_max', type: 'numeric', precision: 10, scale: 2, transformer: numeric }) totalMax: number;
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true }) basedOnId: string | null;
  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true }) frozenAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
