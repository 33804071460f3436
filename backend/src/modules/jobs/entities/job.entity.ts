import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A background job: run once at `runAt` by whichever process claims it (see JobRunner). */
@Entity({ name: 'jobs' })
@Check('ck_jobs_attempts', 'attempts >= 0 AND max_attempts >= 1')
@Index('uq_jobs_dedupe', ['dedupeKey'], { unique: true })
export class Job {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 64 }) kind: string;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) payload: Record<string, unknown>;
  @Column({ name: 'run_at', type: 'timestamptz' }) runAt: Date;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'max_attempts', type: 'int', default: 8 }) maxAttempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  /** Lease of the process that claimed it; past it, another process may claim the job again. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt: Date | null;
  /** Scheduling the same key twice makes one job. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 300, nullable: true }) dedupeKey: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
