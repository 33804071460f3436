import type { EntityManager } from 'typeorm';
import { outcomeItemId, upsertOutcomeDecision } from './agenda-data';

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
  const agendaItemId = await outcomeItemId(em, o.conferenceId);
  if (!agendaItemId) return false;
  await upsertOutcomeDecision(em, { ...o, agendaItemId });
  return true;
}
