import { Module } from '@nestjs/common';
import { BackupsService } from './backups.service';

/** Scheduled backups (the backup format and the restore live in backup-archive.ts, shared with `npm run backup`/`restore`). */
@Module({ providers: [BackupsService], exports: [BackupsService] })
export class BackupsModule {}
