import { Account } from '../modules/accounts/entities/account.entity';
import { AuditEntry } from '../modules/audit/entities/audit-entry.entity';
import { Session } from '../modules/auth/entities/session.entity';
import { BlockYearMember } from '../modules/block-years/entities/block-year-member.entity';
import { BlockYear } from '../modules/block-years/entities/block-year.entity';
import { BackupRun } from '../modules/backups/entities/backup-run.entity';
import { Block } from '../modules/blocks/entities/block.entity';
import { Unit } from '../modules/units/entities/unit.entity';
import { AWARDS_ENTITIES } from '../modules/awards/entities';
import { BALLOTS_ENTITIES } from '../modules/ballots/entities';
import { PROPOSALS_ENTITIES } from '../modules/proposals/entities';
import { CONFERENCES_ENTITIES } from '../modules/conferences/entities';
import { COVENANTS_ENTITIES } from '../modules/covenants/entities';
import { DRAFTS_ENTITIES } from '../modules/drafts/entities';
import { Job } from '../modules/jobs/entities/job.entity';
import { OutboxMail } from '../modules/mail/entities/outbox-mail.entity';
import { NOTIFICATIONS_ENTITIES } from '../modules/notifications/entities';
import { ROUNDS_ENTITIES } from '../modules/rounds/entities';
import { SCORING_ENTITIES } from '../modules/scoring/entities';
import { AppMeta } from './app-meta.entity';

/** Every entity, listed explicitly so the app, the CLI and the tests load the same set. */
export const ENTITIES = [
  AppMeta, AuditEntry, Account, Session, Block, Unit, BlockYear, BlockYearMember,
  ...DRAFTS_ENTITIES, ...COVENANTS_ENTITIES, ...CONFERENCES_ENTITIES, ...SCORING_ENTITIES, ...ROUNDS_ENTITIES,
  ...AWARDS_ENTITIES, ...BALLOTS_ENTITIES, ...PROPOSALS_ENTITIES, ...NOTIFICATIONS_ENTITIES, Job, OutboxMail, BackupRun,
];
