import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification to one person, with a link to the page where the work is. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_account', ['accountId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  /** The unit the notice concerns, if any. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ name: 'round_id', type: 'uuid', nullable: true }) roundId: string | null;
  @Column({ name: 'block_year_id', type: 'uuid', nullable: true }) blockYearId: string | null;
  @Column({ type: 'varchar', length: 48 }) kind: string;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  /** App path, e.g. /rounds/…; '' when there is no page. */
  @Column({ type: 'varchar', length: 500, default: '' }) link: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}
