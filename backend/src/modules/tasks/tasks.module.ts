import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** "Việc cần làm": each person's pending actions, derived from the year's state (issue 12). */
@Module({ imports: [RoundsModule, BallotsModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
