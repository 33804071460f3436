import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The board's appraisal deadline for a year, in working days (default 25 when the year has no row). */
@Entity({ name: 'proposal_settings' })
export class ProposalSetting {
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ name: 'appraisal_working_days', type: 'int' }) appraisalWorkingDays: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
