import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CovenantsModule } from '../covenants/covenants.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AssessmentsController, EvidenceController, NotificationsController, ReviewAssignmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { ResultsService } from './results.service';
import { ReviewsService } from './reviews.service';
import { RoundData } from './round-data';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [ScoringModule, CovenantsModule, AwardsModule],
  controllers: [RoundsController, AssessmentsController, EvidenceController, ReviewAssignmentsController, NotificationsController],
  providers: [RoundsService, AssessmentsService, ReviewsService, ResultsService, RoundData],
  exports: [RoundsService, ResultsService, RoundData],
})
export class RoundsModule {}
