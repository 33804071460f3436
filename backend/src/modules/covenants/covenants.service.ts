import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';

export interface CovenantDescription { blockYearId: string; title: string }

@Injectable()
export class CovenantsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Opens signing through a conference decision: freezes the content (called inside the caller's transaction). */
  async openSigning(em: EntityManager, actor: Actor, covenantId: string, conferenceId: string | null): Promise<void> {
    void em; void actor; void covenantId; void conferenceId;
    throw new Error('not implemented');
  }

  /** Block year and title of a covenant, for conference agenda items. */
  async describe(em: EntityManager, id: string): Promise<CovenantDescription | null> {
    void em; void id;
    throw new Error('not implemented');
  }
}
