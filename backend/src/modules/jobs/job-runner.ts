import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { backoffMs } from './backoff';
import { Clock } from './clock';
import { type ClaimedJob, claimDueJobs, lockOpenJob, markJobDone, markJobFailed } from './jobs-data';

export interface JobContext {
  jobId: string;
  /** The clock's time when the job was claimed. */
  now: Date;
}
/** Runs a job's effect inside the transaction that marks the job done: both commit or neither. */
export type JobHandler = (em: EntityManager, payload: any, ctx: JobContext) => Promise<void>;
/** Schedules jobs from the current state; must be idempotent (dedupe keys), since every process runs it. */
export type Sweeper = (em: EntityManager, now: Date) => Promise<unknown>;
/** Works a queue of its own (the mail outbox); answers how many items it handled. */
export type Worker = (now: Date) => Promise<number>;

export interface TickResult {
  ran: number;
  failed: number;
  worked: number;
}

const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/**
 * The job runner of one backend process. Jobs live in the `jobs` table; each tick a process claims due jobs
 * with `FOR UPDATE SKIP LOCKED` (a short lease, so a crashed process's jobs come back), then runs each in its
 * own transaction that first re-locks the job row and checks it is not done: the effect and `done_at` commit
 * together, so a job's effect happens once however many processes run. A process claims only the kinds it
 * has a handler for (scheduled backups run only where BACKUP_DIR is set). A failure rolls the effect back and
 * schedules a retry with exponential back-off; after `max_attempts` the job is marked failed.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('JobRunner');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly sweepers: Sweeper[] = [];
  private readonly workers: Worker[] = [];
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<TickResult> | null = null;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  addSweeper(sweeper: Sweeper): void {
    this.sweepers.push(sweeper);
  }

  addWorker(worker: Worker): void {
    this.workers.push(worker);
  }

  onApplicationBootstrap(): void {
    if (this.config.jobsPollMs > 0) this.start(this.config.jobsPollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Polls every `pollMs` until stopped (one tick at a time). */
  start(pollMs: number): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      await this.tick().catch((e) => this.log.error(`Lỗi khi chạy việc nền: ${String(e)}`));
      if (!this.stopped) this.timer = setTimeout(loop, pollMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** One pass: sweepers schedule what is due, due jobs run, then the workers (mail) drain their queues. */
  tick(): Promise<TickResult> {
    const run = (this.current ?? Promise.resolve()).catch(() => undefined).then(() => this.pass());
    this.current = run;
    return run;
  }

  private async pass(): Promise<TickResult> {
    const now = this.clock.now();
    for (const sweep of this.sweepers) {
      await this.ds.transaction((em) => sweep(em, now)).catch((e) => this.log.error(`Lỗi khi lập lịch việc nền: ${String(e)}`));
    }
    const result: TickResult = { ran: 0, failed: 0, worked: 0 };
    for (;;) {
      const claimed = await this.claim(now);
      for (const job of claimed) {
        if (await this.runOne(job, now)) result.ran++;
        else result.failed++;
      }
      if (claimed.length < BATCH) break;
    }
    for (const work of this.workers) result.worked += await work(now).catch((e) => { this.log.error(`Lỗi khi gửi thư: ${String(e)}`); return 0; });
    return result;
  }

  private claim(now: Date): Promise<ClaimedJob[]> {
    return claimDueJobs(this.ds.manager, now, new Date(now.getTime() + LEASE_MS), BATCH, [...this.handlers.keys()]);
  }

  /** True when the job is done (by this process or, found so, by another). */
  private async runOne(job: ClaimedJob, now: Date): Promise<boolean> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`Không có bộ xử lý cho loại việc "${job.kind}"`);
      await this.ds.transaction(async (em) => {
        if (!(await lockOpenJob(em, job.id))) return;
        await handler(em, job.payload, { jobId: job.id, now });
        await markJobDone(em, job.id, now);
      });
      return true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const last = job.attempts >= job.maxAttempts;
      await markJobFailed(this.ds.manager, job.id, message.slice(0, 2000), new Date(now.getTime() + backoffMs(job.attempts, Math.random())), last ? now : null);
      this.log.warn(`Việc nền ${job.kind} #${job.id} lỗi (lần ${job.attempts}): ${message}`);
      return false;
    }
  }
}
