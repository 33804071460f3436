import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import type { TimelineDto } from './dto/timeline.dto';
import { loadWorkCalendar } from '../proposals/work-calendar';
import { buildTimeline } from './timeline';
import { blockOfYear, yearState } from './timeline.sql';

/** "Công việc của năm" as one line: the cycle's steps derived from the year's state on every read. */
@Injectable()
export class TimelineService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly scope: ScopeService) {}

  async timeline(actor: Actor, blockYearId: string): Promise<TimelineDto> {
    const blockId = await blockOfYear(this.ds.manager, blockYearId);
    if (!blockId) throw notFound('Không tìm thấy năm thi đua của khối.');
    await this.scope.assertCanSeeBlock(actor, blockId);
    const state = await yearState(this.ds.manager, blockYearId);
    const steps = buildTimeline(state, new Date(), await loadWorkCalendar(this.ds.manager));
    return { blockYearId, steps };
  }
}
