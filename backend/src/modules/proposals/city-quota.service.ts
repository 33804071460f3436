import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AwardsService } from '../awards/awards.service';
import { CityQuotaDto } from './dto/proposal.dto';
import { blocksOfUnits, pendingNominees } from './city-quota-data';
import { unitNamesByIds } from './dossier-data';
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
    const pending = await pendingNominees(em, year);
    const active = await this.awards.activeAwards(em, { year });
    const blockOf = new Map<string, { blockId: string; blockName: string }>();
    if (active.length) {
      for (const r of await blocksOfUnits(em, year, [...new Set(active.map((a) => a.unitId))])) blockOf.set(r.unitId, { blockId: r.blockId, blockName: r.blockName });
    }
    const decided: CityCount[] = active.map((a) => ({ ...(blockOf.get(a.unitId) ?? { blockId: 'none', blockName: 'Ngoài khối' }), unitId: a.unitId, code: a.code }));
    const unitIds = [...new Set([...pending, ...decided].map((c) => c.unitId))];
    const names = Object.fromEntries((unitIds.length ? await unitNamesByIds(em, unitIds) : []).map((u) => [u.id, u.name]));
    const r = cityQuotaUse(catalogue.map((a) => ({ code: a.code, name: a.name, cityQuota: a.cityQuota })), pending, decided, names);
    return {
      year, usage: r.usage,
      breaches: r.breaches.map((b) => ({ scope: 'city_quota' as const, code: b.award, kind: b.kind, unitIds: b.unitIds, message: b.message })),
    };
  }
}
