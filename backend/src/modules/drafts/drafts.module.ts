import { Module } from '@nestjs/common';
import { BlockYearsModule } from '../block-years/block-years.module';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

@Module({ imports: [BlockYearsModule], controllers: [DraftsController], providers: [DraftsService], exports: [DraftsService] })
export class DraftsModule {}
