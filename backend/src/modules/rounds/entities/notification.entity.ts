import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification to a unit (reminders, returned submissions, extensions, results). */
@Entity({ name: 'notifications' })
@Index('ix_notifications_unit', ['unitId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'round_id', type: 'uuid', nullable: true }) roundId: string | null;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'read_by', type: 'uuid', nullable: true }) readBy: string | null;
}
