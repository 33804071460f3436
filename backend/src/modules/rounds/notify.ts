import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';

/** In-app notifications to units (email comes in a later issue). */
export async function notify(em: EntityManager, actor: Pick<Actor, 'id'> | null, unitIds: readonly string[], n: { roundId: string | null; kind: string; title: string; body?: string }): Promise<void> {
  if (!unitIds.length) return;
  await em.query(
    `INSERT INTO notifications (unit_id, round_id, kind, title, body, created_by) SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u`,
    [unitIds, n.roundId, n.kind, n.title, n.body ?? '', actor?.id ?? null]);
}
