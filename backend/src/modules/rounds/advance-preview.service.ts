import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { badRequest } from '../../common/app-error';
import type { AdvancePreviewDto } from './dto/round.dto';
import { AdvanceHit, CONFIRMATION_WORD, confirmationProblem, earlyAdvanceHits } from './early-advance';
import { selfAssessmentStatuses } from './assessment-data';
import { RoundProgressReader } from './progress-reader';
import { loadRound, RoundContext } from './round-context';
import { nextManualPhase, PHASE_LABELS } from '../../domain/round-phase';
import { RoundsPolicy } from './rounds.policy';

/** What advancing a round now would do to each unit, and the confirmation an early advance needs. */
@Injectable()
export class AdvancePreviewService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly progress: RoundProgressReader) {}

  async preview(actor: Actor, id: string): Promise<AdvancePreviewDto> {
    const ctx = await loadRound(this.ds.manager, id, actor);
    RoundsPolicy.assertManager(actor, ctx.year);
    const to = nextManualPhase(ctx.phase);
    const hits = await this.hits(this.ds.manager, ctx);
    return {
      roundId: id, from: ctx.phase, fromLabel: PHASE_LABELS[ctx.phase], to, toLabel: to ? PHASE_LABELS[to] : null,
      early: ctx.phase === 'self_assessment', hits, confirmationWord: hits.length ? CONFIRMATION_WORD : null,
    };
  }

  /** Called by the advance use case inside its transaction: a human early advance that hits units needs the typed word. */
  async assertConfirmed(em: EntityManager, ctx: RoundContext, confirmation: string | undefined): Promise<AdvanceHit[]> {
    const hits = await this.hits(em, ctx);
    const problem = confirmationProblem(hits, confirmation);
    if (problem) throw badRequest('confirmation_required', problem, { confirmation: `gõ "${CONFIRMATION_WORD}" để xác nhận` });
    return hits;
  }

  private async hits(em: EntityManager, ctx: RoundContext): Promise<AdvanceHit[]> {
    if (ctx.phase !== 'self_assessment') return [];
    const rows = await selfAssessmentStatuses(em, ctx.round.id);
    const filled = await this.progress.filled(em, rows.map((r) => ({ roundId: ctx.round.id, schemeId: ctx.round.schemeId, unitId: r.unitId, source: 'self' as const, scorerUnitId: r.unitId })));
    return earlyAdvanceHits(ctx.phase, rows.map((r, i) => ({ unitId: r.unitId, unitName: r.name, status: r.status, ...filled[i] })));
  }
}
