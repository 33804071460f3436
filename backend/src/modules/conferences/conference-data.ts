import type { EntityManager } from 'typeorm';
import type { RuleSet } from '@thidua/rules';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import type { ScopeService } from '../../common/scope/scope.service';
import { ConferencesPolicy } from './conferences.policy';
import { Conference } from './entities/conference.entity';

/** Loading a conference and its year for a write, shared by the workflow and the minutes (the conferences module's own rows). */

export interface YearRow {
  id: string;
  block_id: string;
  year: number;
  status: string;
  leader_unit_id: string | null;
  deputy_unit_id: string | null;
  rules: RuleSet;
  block_name: string;
  block_code: string;
}

/** A conference loaded for a write: the row (locked), its year, and whether the actor holds a seat. */
export interface WriteContext {
  conf: Conference;
  year: YearRow;
  isLeader: boolean;
}

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export async function loadYear(em: EntityManager, blockYearId: string): Promise<YearRow | null> {
  const [row] = await em.query(
    `SELECT y.id, y.block_id, y.year, y.status, y.leader_unit_id, y.deputy_unit_id, y.rules, b.name AS block_name, b.code AS block_code
     FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = $1`, [blockYearId]);
  return row ?? null;
}

export async function memberIds(em: EntityManager, blockYearId: string): Promise<string[]> {
  return (await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId])).map((r: { unit_id: string }) => r.unit_id);
}

/** Locks the conference row (serialising every write to one conference) and checks the actor may see it. */
export async function lockConference(em: EntityManager, scope: ScopeService, actor: Actor, id: string): Promise<WriteContext> {
  const conf = await em.getRepository(Conference).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!conf) throw notFound('Không tìm thấy hội nghị.');
  const year = (await loadYear(em, conf.blockYearId))!;
  await scope.assertCanSeeBlock(actor, year.block_id);
  return { conf, year, isLeader: await scope.isLeaderOf(actor, year.id, em) };
}

/** For the leader's writes: locked, in scope, leader or deputy seat, year not archived. */
export async function conferenceToRun(em: EntityManager, scope: ScopeService, actor: Actor, id: string): Promise<WriteContext> {
  const ctx = await lockConference(em, scope, actor, id);
  ConferencesPolicy.assertCanRun(actor, ctx.isLeader);
  ConferencesPolicy.assertWritable(ctx.year);
  return ctx;
}
