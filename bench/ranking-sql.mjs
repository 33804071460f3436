// The same ranking the endpoint returns, computed by one SQL statement (the baseline of the benchmark):
// per criterion the final value under the "leader appraisal" rule (explicit final > leader > self), target
// criteria scored for the whole block (below / met / best over / over target, and the "no target" branch),
// groups capped at their maximum, bonus and deductions, and RANK() over the tie-break chain
// (total, first group, fewer deductions, earlier submission). Written for schemes of one group level, as
// the generator makes them.
const target = (a, best, bestNoTarget) => `
  CASE WHEN ${a} IS NULL THEN NULL
       WHEN NOT has_target THEN CASE WHEN coalesce(${bestNoTarget}, 0) = 0 THEN 0 ELSE ${a} / ${bestNoTarget} * mx END
       WHEN ${a} = target THEN 0.5 * mx
       WHEN ${a} < target THEN 0.5 * mx * ${a} / target
       WHEN ${a} - target = ${best} THEN mx
       ELSE least(mx, 0.5 * mx + (${a} - target) / ${best} * 0.5 * mx) END`;

export const RANKING_SQL = `
WITH r AS (SELECT id, block_year_id, scheme_id FROM scoring_rounds WHERE id = $1),
members AS (
  SELECT m.unit_id, sa.submitted_at FROM r JOIN block_year_members m ON m.block_year_id = r.block_year_id
  LEFT JOIN self_assessments sa ON sa.round_id = r.id AND sa.unit_id = m.unit_id),
crit AS (SELECT c.id, c.parent_id, c.type, c.max_points AS mx, c.sort_order FROM r JOIN scoring_criteria c ON c.scheme_id = r.scheme_id),
v AS (
  SELECT m.unit_id, l.id AS criterion_id, l.type, l.mx, l.parent_id, t.target, coalesce(t.target, 0) > 0 AS has_target,
         max(e.score) FILTER (WHERE e.source = 'self') AS self_score,
         max(e.actual) FILTER (WHERE e.source = 'self') AS self_actual,
         coalesce(max(e.score) FILTER (WHERE e.source = 'final'), max(e.score) FILTER (WHERE e.source = 'leader'), max(e.score) FILTER (WHERE e.source = 'self')) AS fin_score,
         coalesce(max(e.actual) FILTER (WHERE e.source = 'final'), max(e.actual) FILTER (WHERE e.source = 'leader'), max(e.actual) FILTER (WHERE e.source = 'self')) AS fin_actual
  FROM members m CROSS JOIN crit l
  LEFT JOIN score_entries e ON e.round_id = $1 AND e.unit_id = m.unit_id AND e.criterion_id = l.id AND e.source IN ('self', 'leader', 'final')
  LEFT JOIN round_targets t ON t.round_id = $1 AND t.unit_id = m.unit_id AND t.criterion_id = l.id
  WHERE l.type <> 'group'
  GROUP BY m.unit_id, l.id, l.type, l.mx, l.parent_id, t.target),
w AS (
  SELECT v.*,
         greatest(0, max(fin_actual - target) FILTER (WHERE has_target) OVER c) AS best_fin,
         max(fin_actual) FILTER (WHERE NOT has_target) OVER c AS best_nt_fin,
         greatest(0, max(self_actual - target) FILTER (WHERE has_target) OVER c) AS best_self,
         max(self_actual) FILTER (WHERE NOT has_target) OVER c AS best_nt_self
  FROM v WINDOW c AS (PARTITION BY criterion_id)),
scored AS (
  SELECT unit_id, criterion_id, type, parent_id,
         CASE WHEN type = 'target' THEN round(${target('fin_actual', 'best_fin', 'best_nt_fin')}, 2) ELSE fin_score END AS fin,
         CASE WHEN type = 'target' THEN round(${target('self_actual', 'best_self', 'best_nt_self')}, 2) ELSE self_score END AS slf
  FROM w),
grp AS (
  SELECT s.unit_id, g.id AS group_id, g.sort_order, least(coalesce(sum(s.fin), 0), g.mx) AS fin, least(coalesce(sum(s.slf), 0), g.mx) AS slf
  FROM scored s JOIN crit g ON g.id = s.parent_id AND g.type = 'group' GROUP BY s.unit_id, g.id, g.sort_order, g.mx),
adj AS (
  SELECT unit_id,
         coalesce(sum(fin) FILTER (WHERE type = 'bonus'), 0) AS fin_bonus, coalesce(sum(fin) FILTER (WHERE type = 'deduction'), 0) AS fin_ded,
         coalesce(sum(slf) FILTER (WHERE type = 'bonus'), 0) AS slf_bonus, coalesce(sum(slf) FILTER (WHERE type = 'deduction'), 0) AS slf_ded
  FROM scored WHERE parent_id IS NULL GROUP BY unit_id),
tot AS (
  SELECT m.unit_id, m.submitted_at, sum(g.fin) AS fin_score, sum(g.slf) AS slf_score, (array_agg(g.fin ORDER BY g.sort_order))[1] AS first_group,
         json_agg(json_build_object('criterionId', g.group_id, 'self', g.slf, 'final', g.fin) ORDER BY g.sort_order) AS groups
  FROM members m JOIN grp g ON g.unit_id = m.unit_id GROUP BY m.unit_id, m.submitted_at)
SELECT t.unit_id, u.name, t.fin_score AS score, a.fin_bonus AS bonus, a.fin_ded AS deductions, t.fin_score + a.fin_bonus - a.fin_ded AS total,
       t.slf_score + a.slf_bonus - a.slf_ded AS self_total, t.submitted_at, t.groups,
       rank() OVER (ORDER BY t.fin_score + a.fin_bonus - a.fin_ded DESC, t.first_group DESC, a.fin_ded ASC, t.submitted_at ASC NULLS LAST) AS rank
FROM tot t JOIN adj a USING (unit_id) JOIN units u ON u.id = t.unit_id
ORDER BY rank, t.unit_id`;
