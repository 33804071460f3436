import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScopeModule } from './common/scope/scope.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { AwardsModule } from './modules/awards/awards.module';
import { BallotsModule } from './modules/ballots/ballots.module';
import { ProposalsModule } from './modules/proposals/proposals.module';
import { BlockYearsModule } from './modules/block-years/block-years.module';
import { BlocksModule } from './modules/blocks/blocks.module';
import { ConferencesModule } from './modules/conferences/conferences.module';
import { CovenantsModule } from './modules/covenants/covenants.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { RoundsModule } from './modules/rounds/rounds.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { MailModule } from './modules/mail/mail.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ImportsModule } from './modules/imports/imports.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { UnitsModule } from './modules/units/units.module';
import { BackupsModule } from './modules/backups/backups.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { NewsModule } from './modules/news/news.module';
import { NextYearModule } from './modules/next-year/next-year.module';
import { PermissionsModule } from './modules/permissions/permissions.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: !config.migrationDatabaseUrl }),
        // Requests per client address and minute, answered 429 with Retry-After (in-process counts: a
        // coarse flood limit; wrong passwords have their own shared throttle in auth/).
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: Math.max(1, config.rateLimitPerMinute) }], skipIf: () => config.rateLimitPerMinute === 0 }),
        ScopeModule, AuditModule, AuthModule, PermissionsModule, HealthModule, JobsModule, MailModule, NotificationsModule,
        BlocksModule, UnitsModule, AccountsModule, BlockYearsModule, NextYearModule, ImportsModule,
        DraftsModule, CovenantsModule, ConferencesModule, ScoringModule, RoundsModule,
        AwardsModule, BallotsModule, ProposalsModule,
        TasksModule,
        NewsModule,
        BackupsModule, MetricsModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: APP_GUARD, useClass: ThrottlerGuard }],
      exports: [APP_CONFIG],
    };
  }
}
