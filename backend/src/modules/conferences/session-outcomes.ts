import type { EntityManager } from 'typeorm';

/**
 * Writes an outcome the ballots module settled during the session into the conference's record, so the
 * minutes drafted at the close state it: a secret ballot's final result (`refId`: the ballot series) or next
 * year's seats (`refId`: the block year). Both were only possible with a quorum (checked when the ballot
 * opened, when the seats were elected). Filed under the current agenda item, else the first pending one, else
 * the last; the same kind and ref replace the earlier text (a correction in session). Returns false when the
 * conference has no agenda to file it under.
 */
export async function recordSessionOutcome(em: EntityManager, o: {
  conferenceId: string; kind: 'ballot_result' | 'seat_election'; refId: string; text: string; present: number; members: number; actorId: string | null;
}): Promise<boolean> {
  const [item] = await em.query(
    `SELECT id FROM conference_agenda_items WHERE conference_id = $1
     ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, CASE WHEN status = 'done' THEN -sort ELSE sort END LIMIT 1`, [o.conferenceId]);
  if (!item) return false;
  await em.query(
    `INSERT INTO conference_decisions (conference_id, agenda_item_id, kind, ref_id, text, present_count, member_count, quorum_met, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8)
     ON CONFLICT (conference_id, kind, ref_id) WHERE ref_id IS NOT NULL
     DO UPDATE SET text = EXCLUDED.text, present_count = EXCLUDED.present_count, member_count = EXCLUDED.member_count, created_by = EXCLUDED.created_by, created_at = now()`,
    [o.conferenceId, item.id, o.kind, o.refId, o.text, o.present, o.members, o.actorId]);
  return true;
}
