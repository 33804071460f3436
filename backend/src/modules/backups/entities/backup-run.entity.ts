import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One scheduled backup run: a failed one is a task and a mail for the admins until a later one succeeds. */
@Entity({ name: 'backup_runs' })
@Check('ck_backup_runs_status', `status IN ('ok', 'failed')`)
@Index('ix_backup_runs_started', ['startedAt'])
export class BackupRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz' }) finishedAt: Date;
  @Column({ type: 'varchar', length: 8 }) status: 'ok' | 'failed';
  @Column({ type: 'varchar', length: 1000, nullable: true }) folder: string | null;
  @Column({ name: 'size_bytes', type: 'bigint', nullable: true }) sizeBytes: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
}
