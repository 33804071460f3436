// `node bench/reminder-sweep.mjs`: the deadline sweep over a whole city (issue 12). Generates BENCH_BLOCKS=60
// blocks × BENCH_UNITS=25 units, each block with a scoring round open for self-assessment whose deadline is
// two days away (inside the 3-day reminder window, so every unit is due a reminder), an officer and a head
// per unit; then, in the backend's own code (reminder-sweep.run.ts), times the sweep that schedules the
// reminders, a second sweep that finds nothing new, and the runner pass that sends them (notifications to
// every officer and head, mails to the outbox). Prints figures, asserts nothing.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { insertAccounts, insertBlock, insertScheme } from './generate.mjs';
import { fmt, migrate, root, startDatabase } from './lib.mjs';

const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 60);
const UNITS = Number(process.env.BENCH_UNITS ?? 25);

async function main() {
  console.log(`Reminder sweep benchmark — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  const db = await startDatabase();
  const client = new pg.Client({ connectionString: db.url });
  try {
    await migrate(db.url);
    await client.connect();
    const t0 = performance.now();
    for (let b = 0; b < BLOCKS; b++) {
      const { yearId, units } = await insertBlock(client, b, UNITS, 'sweep');
      const scheme = await insertScheme(client, yearId, 10);
      await insertAccounts(client, units, 'officer', 'Cán bộ');
      await insertAccounts(client, units, 'unit_head', 'Thủ trưởng');
      const [{ id: roundId }] = (await client.query(
        `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, version)
         VALUES ($1, $2, 'year_end', 'Chấm điểm thi đua năm 2025 (bench)', 'self_assessment', now() - interval '10 days', now() + interval '2 days', now() + interval '9 days', now() + interval '16 days', 1) RETURNING id`,
        [yearId, scheme.id])).rows;
      await client.query(`INSERT INTO self_assessments (round_id, unit_id, version) SELECT $1, u, 1 FROM unnest($2::uuid[]) u`, [roundId, units]);
    }
    await client.query('ANALYZE');
    console.log(`Data: ${BLOCKS} blocks × ${UNITS} units, one open round each, ${BLOCKS * UNITS * 2} accounts, generated in ${fmt((performance.now() - t0) / 1000)} s`);
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'bench/reminder-sweep.run.ts')], {
        cwd: path.join(root, 'backend'), env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', DATABASE_URL: db.url }, stdio: 'inherit',
      });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`reminder-sweep.run.ts exited with ${code}`))));
    });
  } finally {
    await client.end().catch(() => {});
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
