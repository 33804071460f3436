import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Stored statuses; "locked" is not stored: every self-assessment is locked once the phase is over. */
export type SelfAssessmentStatus = 'draft' | 'awaiting_confirmation' | 'submitted' | 'returned';

/** Tự chấm điểm: one unit's self-assessment in one round (its rows are score_entries with source 'self'). */
@Entity({ name: 'self_assessments' })
@Index('uq_self_assessments_round_unit', ['roundId', 'unitId'], { unique: true })
@Check('ck_self_assessments_status', `status IN ('draft','awaiting_confirmation','submitted','returned')`)
export class SelfAssessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 24, default: 'draft' }) status: SelfAssessmentStatus;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true }) confirmedBy: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'returned_by', type: 'uuid', nullable: true }) returnedBy: string | null;
  @Column({ name: 'return_reason', type: 'text', default: '' }) returnReason: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
