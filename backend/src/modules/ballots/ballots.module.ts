import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { BallotsController } from './ballots.controller';
import { BallotsService } from './ballots.service';
import { SeatsController } from './seats.controller';
import { SeatsService } from './seats.service';

/** Secret ballots at the year-end conference, tally records, and the election of next year's seats. */
@Module({ imports: [AwardsModule], controllers: [BallotsController, SeatsController], providers: [BallotsService, SeatsService], exports: [BallotsService] })
export class BallotsModule {}
