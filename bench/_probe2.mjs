import pg from 'pg';
import { generate } from './generate.mjs';
import { migrate, session, startDatabase } from './lib.mjs';
import { RANKING_SQL } from './ranking-sql.mjs';
const db = await startDatabase();
await migrate(db.url);
const c = new pg.Client({ connectionString: db.url }); await c.connect();
const data = await generate(c, { blocks: 1, units: 25, criteria: 120, officers: 0, sessionFor: (id) => session(c, id) });
await c.query('ANALYZE');
const b = data.ranking[0];
const crit = (await c.query('SELECT id FROM scoring_criteria WHERE scheme_id=$1', [b.schemeId])).rows.map(r=>r.id);
const Q = `WITH mem AS (
         SELECT u.id, u.name, u.short_name, sa.submitted_at, row_number() OVER (ORDER BY u.name, u.id) AS i
         FROM block_year_members m JOIN units u ON u.id = m.unit_id LEFT JOIN self_assessments sa ON sa.round_id = $2 AND sa.unit_id = u.id
         WHERE m.block_year_id = $1),
       crit AS (SELECT id, i FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, i))
       SELECT
         (SELECT coalesce(json_agg(json_build_array(id, name, short_name, submitted_at) ORDER BY i), '[]'::json) FROM mem) AS units,
         (SELECT coalesce(json_agg(json_build_array(u.i, c.i, CASE e.source WHEN 'self' THEN 0 WHEN 'peer' THEN 1 WHEN 'leader' THEN 2 ELSE 3 END, s.i, e.score, e.actual)), '[]'::json)
            FROM score_entries e JOIN mem u ON u.id = e.unit_id JOIN crit c ON c.id = e.criterion_id LEFT JOIN mem s ON s.id = e.scorer_unit_id
            WHERE e.round_id = $2) AS entries,
         (SELECT coalesce(json_agg(json_build_array(reviewer_unit_id, reviewee_unit_id)), '[]'::json) FROM review_assignments WHERE round_id = $2 AND status = 'active') AS peers`;
const p = [b.yearId, b.roundId, crit];
for (let i=0;i<5;i++) await c.query(Q, p);

const base = `WITH mem AS (SELECT u.id, row_number() OVER (ORDER BY u.name, u.id) AS i FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1),
  crit AS (SELECT id, i FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, i))`;
const from = `FROM score_entries e JOIN mem u ON u.id = e.unit_id JOIN crit c ON c.id = e.criterion_id LEFT JOIN mem s ON s.id = e.scorer_unit_id WHERE e.round_id = $2`;
const src = `CASE e.source WHEN 'self' THEN 0 WHEN 'peer' THEN 1 WHEN 'leader' THEN 2 ELSE 3 END`;
const variants = {
  json: `${base} SELECT json_agg(json_build_array(u.i, c.i, ${src}, s.i, e.score, e.actual)) AS x ${from}`,
  string: `${base} SELECT string_agg(concat_ws(',', u.i, c.i, ${src}, s.i, e.score, e.actual), ';') AS x ${from}`,
  arrays: `${base} SELECT array_agg(u.i) a, array_agg(c.i) b, array_agg(${src}) c, array_agg(s.i) d, array_agg(e.score::float8) e, array_agg(e.actual::float8) f ${from}`,
  rows: `${base} SELECT u.i, c.i AS ci, ${src} AS src, s.i AS si, e.score::float8 AS score, e.actual::float8 AS actual ${from}`,
  nojoin: `SELECT string_agg(concat_ws(',', e.unit_id, e.criterion_id, e.source, e.scorer_unit_id, e.score, e.actual), ';') AS x FROM score_entries e WHERE e.round_id = $2 AND $1::uuid IS NOT NULL AND $3::uuid[] IS NOT NULL`,
  nojoinRowsText: `SELECT e.unit_id, e.criterion_id, e.source, e.scorer_unit_id, e.score, e.actual FROM score_entries e WHERE e.round_id = $2 AND $1::uuid IS NOT NULL AND $3::uuid[] IS NOT NULL`,
};
for (const [k, q] of Object.entries(variants)) {
  for (let i=0;i<5;i++) await c.query(q,p);
  let t=performance.now(); for (let i=0;i<20;i++) { const r = await c.query(q,p); if (k==='string'||k==='nojoin') r.rows[0].x.split(';').map(x=>x.split(',')); } console.log(k, ((performance.now()-t)/20).toFixed(1));
}
let t=performance.now(); for (let i=0;i<20;i++) await c.query(RANKING_SQL,[b.roundId]); console.log('sql ms', ((performance.now()-t)/20).toFixed(1));
await c.end(); await db.stop();
