import { Foundation1764000000000 } from './1764000000000-foundation';
import { Drafts1764100000000 } from './1764100000000-drafts';
import { Covenants1764200000000 } from './1764200000000-covenants';
import { Conferences1764300000000 } from './1764300000000-conferences';
import { Scoring1764400000000 } from './1764400000000-scoring';
import { Rounds1764500000000 } from './1764500000000-rounds';
import { Awards1764600000000 } from './1764600000000-awards';
import { Ballots1764700000000 } from './1764700000000-ballots';
import { Proposals1764800000000 } from './1764800000000-proposals';
import { SessionOutcomes1764900000000 } from './1764900000000-session-outcomes';
import { NotificationsJobsMail1765000000000 } from './1765000000000-notifications-jobs-mail';
import { Ledger1765100000000 } from './1765100000000-ledger';
import { EncryptedBallots1765200000000 } from './1765200000000-encrypted-ballots';
import { AbuseGuards1765300000000 } from './1765300000000-abuse-guards';
import { WorkCalendar1765400000000 } from './1765400000000-work-calendar';
import { News1765600000000 } from './1765600000000-news';
import { Unaccent1765550000000 } from './1765550000000-unaccent';
import { CriterionCountSource1765820000000 } from './1765820000000-criterion-count-source';
import { ProposalModelCitations1765820000001 } from './1765820000001-proposal-model-citations';
import { RoundRankingRows1765830000000 } from './1765830000000-round-ranking-rows';
import { AuditRequestId1765840000000 } from './1765840000000-audit-request-id';
import { BackupRuns1765840100000 } from './1765840100000-backup-runs';

/** Every migration, in order. */
export const MIGRATIONS = [Foundation1764000000000, Drafts1764100000000, Covenants1764200000000, Conferences1764300000000, Scoring1764400000000, Rounds1764500000000, Awards1764600000000, Ballots1764700000000, Proposals1764800000000, SessionOutcomes1764900000000, NotificationsJobsMail1765000000000, Ledger1765100000000, EncryptedBallots1765200000000, AbuseGuards1765300000000, WorkCalendar1765400000000, Unaccent1765550000000, News1765600000000, CriterionCountSource1765820000000, ProposalModelCitations1765820000001, RoundRankingRows1765830000000, AuditRequestId1765840000000, BackupRuns1765840100000];
