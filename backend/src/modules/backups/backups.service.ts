import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { vnDateTime } from '../../common/vn-date';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { parsePublicKey, publicKeyPem } from '../audit/ledger';
import { LedgerKeys } from '../audit/ledger-keys';
import { JobRunner } from '../jobs/job-runner';
import { scheduleJobs } from '../jobs/jobs-data';
import { notify } from '../notifications/notify';
import { createBackup, pruneBackups } from './backup-archive';
import { recordBackupFailed, recordBackupSucceeded } from './backup-data';
import { backupSlot } from './backup-schedule';

export const BACKUP_JOB = 'backup.run';

/**
 * Scheduled backups through the job runner: every process that has BACKUP_DIR schedules the current slot's
 * job (one per slot, by its key) and only such processes claim it, so it runs once however many replicas
 * run. A failure is recorded (a task for the admins until a later backup succeeds) and mailed to the admins.
 */
@Injectable()
export class BackupsService implements OnModuleInit {
  private readonly log = new Logger('Backups');

  constructor(
    private readonly runner: JobRunner,
    private readonly keys: LedgerKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { backupDir, backupEveryHours } = this.config;
    if (!backupDir || backupEveryHours <= 0) return;
    this.runner.register(BACKUP_JOB, (em, _payload, ctx) => this.takeScheduledBackup(em, backupDir, ctx.now));
    this.runner.addSweeper((em, now) => {
      const slot = backupSlot(now, backupEveryHours);
      return scheduleJobs(em, [{ kind: BACKUP_JOB, runAt: slot.runAt, dedupeKey: slot.key }]);
    });
  }

  /** Runs inside the job's transaction: the run's record (and, on failure, the admins' notice) commits with the job. */
  async takeScheduledBackup(em: EntityManager, dir: string, now: Date): Promise<void> {
    const started = new Date();
    try {
      // The owner reads everything; the app role can read every table too (SELECT is granted on all).
      const url = this.config.migrationDatabaseUrl ?? this.config.databaseUrl;
      const publicKeys = [this.keys.publicKeyPem, ...this.config.ledgerPreviousKeys.map((k) => publicKeyPem(parsePublicKey(k)))];
      const { folder, bytes } = await createBackup({ url, dir, publicKeys, now: started });
      pruneBackups(dir, this.config.backupKeepDays, now);
      await recordBackupSucceeded(em, { startedAt: started, finishedAt: new Date(), folder, sizeBytes: bytes });
      this.log.log(`Đã sao lưu vào ${folder}`);
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
      this.log.error(`Sao lưu tự động thất bại: ${message}`);
      await recordBackupFailed(em, { startedAt: started, finishedAt: new Date(), error: message });
      await notify(em, null, { admins: true }, {
        kind: 'backup_failed', title: 'Sao lưu tự động thất bại',
        body: `Lần sao lưu lúc ${vnDateTime(started)} vào ${dir} không thành công (lý do kỹ thuật: ${message}). Hãy kiểm tra máy chủ (ổ đĩa, quyền ghi thư mục sao lưu) rồi chạy lại "npm run backup".`,
        link: '/',
      });
    }
  }
}
