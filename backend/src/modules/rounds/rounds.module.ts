import { Module } from '@nestjs/common';
import { CovenantsModule } from '../covenants/covenants.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AssessmentsController, EvidenceController, ReviewAssignmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { ResultsService } from './results.service';
import { ReviewsService } from './reviews.service';
import { RoundData } from './round-data';
import { RoundDeadlines } from './round-deadlines';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [ScoringModule, CovenantsModule],
  controllers: [RoundsController, AssessmentsController, EvidenceController, ReviewAssignmentsController],
  providers: [RoundsService, AssessmentsService, ReviewsService, ResultsService, RoundData, RoundDeadlines],
  exports: [RoundsService, ResultsService, RoundData],
})
export class RoundsModule {}
