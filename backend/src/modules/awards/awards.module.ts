import { Module } from '@nestjs/common';
import { AwardCatalogueController, AwardHistoryController, BlockYearAwardsController, BoardOverviewController, DisciplineFlagsController, UnitTitlesController } from './awards.controller';
import { AwardsService } from './awards.service';
import { BoardOverviewService } from './board-overview.service';
import { UnitRecordsService } from './unit-records.service';

/** Award catalogue, titles and disciplinary flags, award history, eligibility, bonuses, the board overview. */
@Module({
  controllers: [AwardCatalogueController, UnitTitlesController, DisciplineFlagsController, AwardHistoryController, BlockYearAwardsController, BoardOverviewController],
  providers: [AwardsService, UnitRecordsService, BoardOverviewService],
  exports: [AwardsService],
})
export class AwardsModule {}
