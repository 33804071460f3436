import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { loadYearContext } from '../../common/scope/year-context';
import { ScopeService } from '../../common/scope/scope.service';
import { ConferencesPolicy } from '../conferences/conferences.policy';
import { ProposalsPolicy } from '../proposals/proposals.policy';
import { RoundsPolicy } from '../rounds/rounds.policy';
import { ScoringPolicy } from '../scoring/scoring.policy';
import { YearRightsDto } from './year-rights.dto';

@Injectable()
export class YearRightsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly scope: ScopeService) {}

  /** Each right is the predicate the owning module's write refuses with; seeing the year is the block's scope. */
  async rights(actor: Actor, blockYearId: string): Promise<YearRightsDto> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    await this.scope.assertCanSeeBlock(actor, y.blockId);
    return {
      convene: ConferencesPolicy.canConvene(actor, y),
      openRound: RoundsPolicy.canManage(actor, y),
      editScheme: ScoringPolicy.canEdit(actor, y),
      assembleDossier: ProposalsPolicy.canAssembleIn(actor, y),
    };
  }
}
