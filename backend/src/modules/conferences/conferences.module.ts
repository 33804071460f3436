import { Module } from '@nestjs/common';
import { CovenantsModule } from '../covenants/covenants.module';
import { DraftsModule } from '../drafts/drafts.module';
import { ConferencesController } from './conferences.controller';
import { ConferenceMinutesService } from './conference-minutes.service';
import { ConferenceReadService } from './conference-read.service';
import { ConferenceWorkflowService } from './conference-workflow.service';

@Module({ imports: [DraftsModule, CovenantsModule], controllers: [ConferencesController], providers: [ConferenceReadService, ConferenceWorkflowService, ConferenceMinutesService], exports: [ConferenceMinutesService] })
export class ConferencesModule {}
