import { Module } from '@nestjs/common';
import { BlockYearsModule } from '../block-years/block-years.module';
import { DraftsController } from './drafts.controller';
import { DraftReadService } from './draft-read.service';
import { DraftWorkflowService } from './draft-workflow.service';

@Module({ imports: [BlockYearsModule], controllers: [DraftsController], providers: [DraftReadService, DraftWorkflowService], exports: [DraftReadService, DraftWorkflowService] })
export class DraftsModule {}
