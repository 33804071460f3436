import { Check, Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ActivityStatus } from '../draft-content';

/** An activity of the adopted plan, materialised on adoption so its status can be tracked through the year. */
@Entity({ name: 'plan_activities' })
@Index('uq_plan_activities_year_key', ['blockYearId', 'activityKey'], { unique: true })
@Check('ck_plan_activities_status', `"status" IN ('planned','in_progress','done','cancelled')`)
@Check('ck_plan_activities_dates', `"end_date" >= "start_date"`)
export class PlanActivityRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'activity_key', type: 'varchar', length: 64 }) activityKey: string;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column({ name: 'owner_unit_id', type: 'uuid', nullable: true }) ownerUnitId: string | null;
  @Column({ type: 'varchar', length: 16, default: 'planned' }) status: ActivityStatus;
  @Column({ type: 'text', default: '' }) notes: string;
  @Column({ type: 'int' }) sort: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
