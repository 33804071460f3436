import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A day of the board's work calendar: a weekday off (holiday) or a weekend day worked (make_up). */
@Entity({ name: 'work_calendar_days' })
@Check('ck_work_calendar_days_kind', `kind IN ('holiday','make_up')`)
export class WorkCalendarDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'varchar', length: 16 }) kind: 'holiday' | 'make_up';
  @Column({ type: 'varchar', length: 255, default: '' }) name: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
