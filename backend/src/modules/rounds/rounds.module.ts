import { Module } from '@nestjs/common';
import { NewsModule } from '../news/news.module';
import { AwardsModule } from '../awards/awards.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AssessmentsController, EvidenceController, ReviewAssignmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { AdvancePreviewService } from './advance-preview.service';
import { RoundProgressReader } from './progress-reader';
import { ResultsService } from './results.service';
import { ReviewsService } from './reviews.service';
import { RoundData } from './round-data';
import { RoundDeadlines } from './round-deadlines';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [ScoringModule, CovenantsModule, AwardsModule, NewsModule],
  controllers: [RoundsController, AssessmentsController, EvidenceController, ReviewAssignmentsController],
  providers: [RoundsService, AssessmentsService, ReviewsService, ResultsService, RoundData, RoundProgressReader, AdvancePreviewService, RoundDeadlines],
  exports: [RoundsService, ResultsService, RoundData, RoundProgressReader],
})
export class RoundsModule {}
