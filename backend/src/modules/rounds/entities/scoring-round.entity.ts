import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Phase, RoundKind } from '../../../domain/round-phase';

/** Đợt chấm điểm: a mid-year or year-end scoring round of a block year, with its calendar and phase. */
@Entity({ name: 'scoring_rounds' })
@Index('uq_scoring_rounds_year_kind', ['blockYearId', 'kind'], { unique: true })
@Check('ck_scoring_rounds_kind', `kind IN ('mid_year','year_end')`)
@Check('ck_scoring_rounds_phase', `phase IN ('self_assessment','review','explanation','final_review','finalised')`)
export class ScoringRound {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ name: 'scheme_id', type: 'uuid' }) schemeId: string;
  @Column({ type: 'varchar', length: 16 }) kind: RoundKind;
  @Column({ type: 'varchar', length: 500 }) title: string;
  /** The phase as last set by the leader; the calendar may have moved the round further (see round-phase.ts). */
  @Column({ type: 'varchar', length: 16, default: 'self_assessment' }) phase: Phase;
  @Column({ name: 'opens_at', type: 'timestamptz' }) opensAt: Date;
  @Column({ name: 'self_assessment_until', type: 'timestamptz' }) selfAssessmentUntil: Date;
  @Column({ name: 'review_until', type: 'timestamptz' }) reviewUntil: Date;
  @Column({ name: 'explanation_until', type: 'timestamptz' }) explanationUntil: Date;
  @Column({ name: 'final_review_until', type: 'timestamptz', nullable: true }) finalReviewUntil: Date | null;
  @Column({ name: 'phase_changed_at', type: 'timestamptz' }) phaseChangedAt: Date;
  @Column({ name: 'finalised_at', type: 'timestamptz', nullable: true }) finalisedAt: Date | null;
  @Column({ name: 'assignment_seed', type: 'int', nullable: true }) assignmentSeed: number | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
