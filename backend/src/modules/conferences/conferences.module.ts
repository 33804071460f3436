import { Module } from '@nestjs/common';
import { CovenantsModule } from '../covenants/covenants.module';
import { DraftsModule } from '../drafts/drafts.module';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';

@Module({ imports: [DraftsModule, CovenantsModule], controllers: [ConferencesController], providers: [ConferencesService], exports: [ConferencesService] })
export class ConferencesModule {}
