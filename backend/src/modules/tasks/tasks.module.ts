import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

/** Read models derived from the year's state (issue 12): each person's "Việc cần làm" and the year's timeline. */
@Module({ imports: [RoundsModule, BallotsModule], controllers: [TasksController, TimelineController], providers: [TasksService, TimelineService] })
export class TasksModule {}
