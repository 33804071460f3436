import type { EntityManager } from 'typeorm';
import type { UnresolvedComment } from './adoption-rules';

/** The drafts module's SQL for the member units' comments on a circulated version (draft_comments). */

type Sql = Pick<EntityManager, 'query'>;

/** A comment with its unit's, author's and resolver's names. */
export interface CommentRow {
  id: string;
  versionId: string;
  sectionKey: string;
  parentId: string | null;
  unitId: string | null;
  unitName: string | null;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
}

/** A version's comments (of one section, or all), oldest first. */
export async function commentsOf(em: Sql, versionId: string, sectionKey: string | null): Promise<CommentRow[]> {
  return em.query(
    `SELECT c.id, c.version_id AS "versionId", c.section_key AS "sectionKey", c.parent_id AS "parentId", c.unit_id AS "unitId", u.name AS "unitName",
            c.author_id AS "authorId", a.full_name AS "authorName", c.body, c.created_at AS "createdAt", c.resolved_at AS "resolvedAt", r.full_name AS "resolvedByName"
     FROM draft_comments c JOIN accounts a ON a.id = c.author_id LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN accounts r ON r.id = c.resolved_by
     WHERE c.version_id = $1 AND ($2::text IS NULL OR c.section_key = $2) ORDER BY c.created_at, c.id`, [versionId, sectionKey]);
}

/** Comments (top-level, not replies) of a version that nobody has marked resolved, oldest first. */
export async function unresolvedCommentsOf(em: Sql, versionId: string): Promise<UnresolvedComment[]> {
  return em.query(
    `SELECT c.id, c.section_key AS "sectionKey", c.body, coalesce(u.name, a.full_name) AS "author"
     FROM draft_comments c JOIN accounts a ON a.id = c.author_id LEFT JOIN units u ON u.id = c.unit_id
     WHERE c.version_id = $1 AND c.parent_id IS NULL AND c.resolved_at IS NULL ORDER BY c.created_at, c.id`, [versionId]);
}

/** How many comments each section of a version has, and how many of its threads are open. */
export async function commentCountsBySection(em: Sql, versionId: string): Promise<{ sectionKey: string; total: number; open: number }[]> {
  return em.query(
    `SELECT section_key AS "sectionKey", count(*)::int AS total, count(*) FILTER (WHERE parent_id IS NULL AND resolved_at IS NULL)::int AS open
     FROM draft_comments WHERE version_id = $1 GROUP BY section_key`, [versionId]);
}

/** The section of the comment a reply answers, if that comment is of this version. */
export async function parentComment(em: Sql, id: string, versionId: string): Promise<{ sectionKey: string } | undefined> {
  const [parent]: { sectionKey: string }[] = await em.query('SELECT section_key AS "sectionKey" FROM draft_comments WHERE id = $1 AND version_id = $2', [id, versionId]);
  return parent;
}

/** A new comment; returns its id. */
export async function insertComment(em: Sql, c: { versionId: string; sectionKey: string; parentId: string | null; unitId: string | null; authorId: string; body: string }): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO draft_comments (version_id, section_key, parent_id, unit_id, author_id, body) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [c.versionId, c.sectionKey, c.parentId, c.unitId, c.authorId, c.body]);
  return row.id;
}

/** A comment locked for marking it resolved; undefined when there is none. */
export async function lockComment(em: Sql, id: string): Promise<{ id: string; versionId: string; parentId: string | null; resolvedAt: Date | null } | undefined> {
  const [c]: { id: string; versionId: string; parentId: string | null; resolvedAt: Date | null }[] = await em.query(
    'SELECT id, version_id AS "versionId", parent_id AS "parentId", resolved_at AS "resolvedAt" FROM draft_comments WHERE id = $1 FOR UPDATE', [id]);
  return c;
}

/** Marks a thread resolved (when and by whom) or open again (both null). */
export async function setCommentResolution(em: Sql, id: string, resolvedAt: Date | null, resolvedBy: string | null): Promise<void> {
  await em.query('UPDATE draft_comments SET resolved_at = $2, resolved_by = $3 WHERE id = $1', [id, resolvedAt, resolvedBy]);
}

/**
 * Demo history: the recorded times of a demo comment written in a past year (when it was made and, if it was
 * resolved, when). Only for the demo loader.
 */
export async function recordDemoCommentTimes(em: Sql, id: string, created: Date, resolved: Date | null): Promise<void> {
  await em.query('UPDATE draft_comments SET created_at = $2, resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE coalesce($3, resolved_at) END WHERE id = $1', [id, created, resolved]);
}
