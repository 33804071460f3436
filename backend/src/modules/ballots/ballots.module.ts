import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { BallotsController } from './ballots.controller';
import { BallotReadService } from './ballot-read.service';
import { BallotWorkflowService } from './ballot-workflow.service';
import { SeatsController } from './seats.controller';
import { SeatsService } from './seats.service';
import { TallyRecordService } from './tally-record.service';

/** Secret ballots at the year-end conference, tally records, and the election of next year's seats. */
@Module({
  imports: [AwardsModule],
  controllers: [BallotsController, SeatsController],
  providers: [BallotReadService, BallotWorkflowService, TallyRecordService, SeatsService],
  exports: [BallotReadService, TallyRecordService],
})
export class BallotsModule {}
