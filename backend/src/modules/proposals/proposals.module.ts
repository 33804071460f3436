import { Module } from '@nestjs/common';
import { NewsModule } from '../news/news.module';
import { AwardsModule } from '../awards/awards.module';
import { BallotsModule } from '../ballots/ballots.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { RoundsModule } from '../rounds/rounds.module';
import { AppraisalDeadlines } from './appraisal-deadlines';
import { ProposalsController } from './proposals.controller';
import { AppraisalCalendarService } from './appraisal-calendar.service';
import { CityQuotaService } from './city-quota.service';
import { DossierFilesService } from './dossier-files.service';
import { DossierReadService } from './dossier-read.service';
import { DossierWorkflowService } from './dossier-workflow.service';

/** Award proposal dossiers: assembly, checklist, submission, the board's appraisal, return, approval and decisions. */
@Module({
  imports: [AwardsModule, BallotsModule, RoundsModule, ConferencesModule, NewsModule],
  controllers: [ProposalsController],
  providers: [DossierReadService, DossierWorkflowService, DossierFilesService, CityQuotaService, AppraisalCalendarService, AppraisalDeadlines],
  exports: [DossierReadService, DossierWorkflowService],
})
export class ProposalsModule {}
