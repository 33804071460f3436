import type { EntityManager } from 'typeorm';
import type { AgendaItemStatus, MaterialKind } from './entities/conference-agenda-item.entity';
import type { DecisionKind } from './entities/conference-decision.entity';

/** The conferences module's SQL for a conference's agenda (conference_agenda_items) and its decisions (conference_decisions). */

type Sql = Pick<EntityManager, 'query'>;

export interface AgendaItemRow {
  id: string;
  sort: number;
  title: string;
  presenter: string;
  notes: string;
  materialKind: MaterialKind | null;
  materialId: string | null;
  status: AgendaItemStatus;
}

export interface AgendaItemInput {
  title: string;
  presenter: string;
  notes: string;
  materialKind: MaterialKind | null;
  materialId: string | null;
}

interface RawAgendaItem {
  id: string;
  conference_id: string;
  sort: number;
  title: string;
  presenter: string;
  notes: string;
  material_kind: MaterialKind | null;
  material_id: string | null;
  status: AgendaItemStatus;
}

const toAgendaItem = (i: RawAgendaItem): AgendaItemRow => ({
  id: i.id, sort: i.sort, title: i.title, presenter: i.presenter, notes: i.notes, materialKind: i.material_kind, materialId: i.material_id, status: i.status,
});

/** The conference's agenda in order. */
export async function agendaItems(em: Sql, conferenceId: string): Promise<AgendaItemRow[]> {
  const rows: RawAgendaItem[] = await em.query('SELECT * FROM conference_agenda_items WHERE conference_id = $1 ORDER BY sort', [conferenceId]);
  return rows.map(toAgendaItem);
}

/** An item of the conference's agenda; undefined when it is not one. */
export async function agendaItem(em: Sql, conferenceId: string, itemId: string): Promise<AgendaItemRow | undefined> {
  const [row]: RawAgendaItem[] = await em.query('SELECT * FROM conference_agenda_items WHERE id = $1 AND conference_id = $2', [itemId, conferenceId]);
  return row ? toAgendaItem(row) : undefined;
}

/** An item of the conference's agenda with its material; undefined when it is not one. */
export async function agendaItemMaterial(em: Sql, conferenceId: string, itemId: string): Promise<{ id: string; materialKind: MaterialKind | null; materialId: string | null } | undefined> {
  const [row]: { id: string; materialKind: MaterialKind | null; materialId: string | null }[] = await em.query(
    'SELECT id, material_kind AS "materialKind", material_id AS "materialId" FROM conference_agenda_items WHERE id = $1 AND conference_id = $2', [itemId, conferenceId]);
  return row;
}

/** Each item's id, sort and status in order (the stepper and the reordering work on these). */
export async function agendaSteps(em: Sql, conferenceId: string): Promise<{ id: string; sort: number; status: AgendaItemStatus }[]> {
  return em.query('SELECT id, sort, status FROM conference_agenda_items WHERE conference_id = $1 ORDER BY sort', [conferenceId]);
}

export async function nextAgendaSort(em: Sql, conferenceId: string): Promise<number> {
  const [{ next }]: { next: number }[] = await em.query('SELECT coalesce(max(sort), 0)::int + 1 AS next FROM conference_agenda_items WHERE conference_id = $1', [conferenceId]);
  return next;
}

export async function insertAgendaItem(em: Sql, conferenceId: string, sort: number, item: AgendaItemInput): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO conference_agenda_items (conference_id, sort, title, presenter, notes, material_kind, material_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [conferenceId, sort, item.title, item.presenter, item.notes, item.materialKind, item.materialId]);
  return row.id;
}

export async function updateAgendaItem(em: Sql, itemId: string, item: AgendaItemInput): Promise<void> {
  await em.query(
    `UPDATE conference_agenda_items SET title = $2, presenter = $3, notes = $4, material_kind = $5, material_id = $6 WHERE id = $1`,
    [itemId, item.title, item.presenter, item.notes, item.materialKind, item.materialId]);
}

export async function deleteAgendaItem(em: Sql, itemId: string): Promise<void> {
  await em.query('DELETE FROM conference_agenda_items WHERE id = $1', [itemId]);
}

/** Numbers the items 1..n again in their order, touching only those whose number changes. */
export async function renumberAgenda(em: Sql, conferenceId: string): Promise<void> {
  await em.query(
    `UPDATE conference_agenda_items i SET sort = o.n FROM (SELECT id, row_number() OVER (ORDER BY sort)::int AS n FROM conference_agenda_items WHERE conference_id = $1) o
     WHERE i.id = o.id AND i.sort <> o.n`, [conferenceId]);
}

export async function setAgendaSort(em: Sql, itemId: string, sort: number): Promise<void> {
  await em.query('UPDATE conference_agenda_items SET sort = $2 WHERE id = $1', [itemId, sort]);
}

export async function setAgendaStatus(em: Sql, itemId: string, status: AgendaItemStatus): Promise<void> {
  await em.query('UPDATE conference_agenda_items SET status = $2 WHERE id = $1', [itemId, status]);
}

/** At the close, the current item is done. */
export async function finishCurrentItem(em: Sql, conferenceId: string): Promise<void> {
  await em.query(`UPDATE conference_agenda_items SET status = 'done' WHERE conference_id = $1 AND status = 'current'`, [conferenceId]);
}

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────────────

export async function itemHasDecisions(em: Sql, itemId: string): Promise<boolean> {
  return (await em.query('SELECT 1 FROM conference_decisions WHERE agenda_item_id = $1 LIMIT 1', [itemId])).length > 0;
}

export async function decisionExists(em: Sql, conferenceId: string, kind: DecisionKind, refId: string): Promise<boolean> {
  const [dup]: unknown[] = await em.query('SELECT 1 FROM conference_decisions WHERE conference_id = $1 AND kind = $2 AND ref_id = $3', [conferenceId, kind, refId]);
  return !!dup;
}

export interface DecisionInput {
  conferenceId: string;
  agendaItemId: string;
  kind: DecisionKind;
  refId: string | null;
  text: string;
  present: number;
  members: number;
  quorumMet: boolean;
  createdBy: string;
}

export async function insertDecision(em: Sql, d: DecisionInput): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO conference_decisions (conference_id, agenda_item_id, kind, ref_id, text, present_count, member_count, quorum_met, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [d.conferenceId, d.agendaItemId, d.kind, d.refId, d.text, d.present, d.members, d.quorumMet, d.createdBy]);
  return row.id;
}

/** The item an outcome settled in session is filed under: the current one, else the first pending, else the last; undefined without an agenda. */
export async function outcomeItemId(em: Sql, conferenceId: string): Promise<string | undefined> {
  const [item]: { id: string }[] = await em.query(
    `SELECT id FROM conference_agenda_items WHERE conference_id = $1
     ORDER BY CASE status WHEN 'current' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, CASE WHEN status = 'done' THEN -sort ELSE sort END LIMIT 1`, [conferenceId]);
  return item?.id;
}

/** Writes an outcome's decision (quorum met); the same kind and ref replace the earlier text. */
export async function upsertOutcomeDecision(em: Sql, o: {
  conferenceId: string; agendaItemId: string; kind: 'ballot_result' | 'seat_election'; refId: string; text: string; present: number; members: number; actorId: string | null;
}): Promise<void> {
  await em.query(
    `INSERT INTO conference_decisions (conference_id, agenda_item_id, kind, ref_id, text, present_count, member_count, quorum_met, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8)
     ON CONFLICT (conference_id, kind, ref_id) WHERE ref_id IS NOT NULL
     DO UPDATE SET text = EXCLUDED.text, present_count = EXCLUDED.present_count, member_count = EXCLUDED.member_count, created_by = EXCLUDED.created_by, created_at = now()`,
    [o.conferenceId, o.agendaItemId, o.kind, o.refId, o.text, o.present, o.members, o.actorId]);
}

/** Demo history: when a past year's session recorded a decision (the decision itself goes through the use case). */
export async function recordDemoDecisionTime(em: Sql, decisionId: string, at: Date): Promise<void> {
  await em.query('UPDATE conference_decisions SET created_at = $2 WHERE id = $1', [decisionId, at]);
}

/** Demo history: when a past year's session recorded an outcome of the ballots module (a ballot series' result, the seats). */
export async function recordDemoOutcomeTime(em: Sql, conferenceId: string, kind: 'ballot_result' | 'seat_election', refId: string, at: Date): Promise<void> {
  await em.query('UPDATE conference_decisions SET created_at = $4 WHERE conference_id = $1 AND kind = $2 AND ref_id = $3', [conferenceId, kind, refId, at]);
}
