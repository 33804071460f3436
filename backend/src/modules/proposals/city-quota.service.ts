import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AwardsService } from '../awards/awards.service';
import { CityQuotaDto } from './dto/proposal.dto';
import { cityQuotaUse, CityCount } from './proposal-rules';

/** Chỉ tiêu toàn Thành phố: how much of each award's city quota the dossiers with the board and the decided awards use. */
@Injectable()
export class CityQuotaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly awards: AwardsService,
  ) {}

  /** City-wide quota use per award of the year's catalogue (every block's dossiers with the board, and decided awards not revoked). */
  async cityQuotaUse(year: number): Promise<CityQuotaDto> {
    return this.cityQuotaUseIn(this.ds.manager, year);
  }

  async cityQuotaUseIn(em: EntityManager, year: number): Promise<CityQuotaDto> {
    const catalogue = await this.awards.catalogue(em, year);
    const pending: CityCount[] = (await em.query(
      `SELECT n.unit_id, n.award_code, y.block_id, b.name AS block_name
       FROM proposal_nominees n JOIN proposals p ON p.id = n.proposal_id JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id
       WHERE y.year = $1 AND p.status IN ('submitted','under_appraisal','approved')
         AND NOT EXISTS (SELECT 1 FROM proposal_decisions d WHERE d.nominee_id = n.id)`, [year])).map((r: Record<string, string>) => ({
      blockId: r.block_id, blockName: r.block_name, unitId: r.unit_id, code: r.award_code,
    }));
    const active = await this.awards.activeAwards(em, { year });
    const blockOf = new Map<string, { blockId: string; blockName: string }>();
    if (active.length) {
      const rows = await em.query(
        `SELECT m.unit_id, m.block_id, b.name FROM block_year_members m JOIN blocks b ON b.id = m.block_id WHERE m.year = $1 AND m.unit_id = ANY($2::uuid[])`,
        [year, [...new Set(active.map((a) => a.unitId))]]);
      for (const r of rows) blockOf.set(r.unit_id, { blockId: r.block_id, blockName: r.name });
    }
    const decided: CityCount[] = active.map((a) => ({ ...(blockOf.get(a.unitId) ?? { blockId: 'none', blockName: 'Ngoài khối' }), unitId: a.unitId, code: a.code }));
    const unitIds = [...new Set([...pending, ...decided].map((c) => c.unitId))];
    const names = Object.fromEntries((unitIds.length ? await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [unitIds]) : []).map((u: { id: string; name: string }) => [u.id, u.name]));
    const r = cityQuotaUse(catalogue.map((a) => ({ code: a.code, name: a.name, cityQuota: a.cityQuota })), pending, decided, names);
    return {
      year, usage: r.usage,
      breaches: r.breaches.map((b) => ({ scope: 'city_quota' as const, code: b.award, kind: b.kind, unitIds: b.unitIds, message: b.message })),
    };
  }
}
