import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import type { TimelineDto } from './dto/timeline.dto';
import { loadWorkCalendar } from '../proposals/work-calendar';
import { buildTimeline } from './timeline';
import { TIMELINE_STATE_SQL } from './timeline.sql';

/** "Công việc của năm" as one line: the cycle's steps derived from the year's state on every read. */
@Injectable()
export class TimelineService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly scope: ScopeService) {}

  async timeline(actor: Actor, blockYearId: string): Promise<TimelineDto> {
    const [row] = await this.ds.query(`SELECT block_id FROM block_years WHERE id = $1`, [blockYearId]);
    if (!row) throw notFound('Không tìm thấy năm thi đua của khối.');
    await this.scope.assertCanSeeBlock(actor, row.block_id);
    const [s] = await this.ds.query(TIMELINE_STATE_SQL, [blockYearId]);
    const steps = buildTimeline({
      id: s.id, year: s.year, status: s.status, members: s.members, drafts: s.drafts, conferences: s.conferences, covenant: s.covenant,
      schemeFrozenAt: s.scheme_frozen_at, rounds: s.rounds, seatsElectedAt: s.seats_elected_at, proposal: s.proposal,
    }, new Date(), await loadWorkCalendar(this.ds.manager));
    return { blockYearId, steps };
  }
}
