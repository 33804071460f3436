import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SRC, sourceFiles } from './source-graph';

/**
 * The demo builds itself through the modules' use cases: its seeds live under `database/demo/` and send no SQL of
 * their own. What a use case cannot do (the recorded times of a past year's records) is an exported operation of
 * the owning module's data file. This ratchet counts what is left: each seed file's raw SQL calls, and the seeds
 * still inside a module. A count above its allowance fails; one below it fails too (lower the allowance, or
 * remove the entry at 0), so progress is kept.
 */
const RAW_SQL_ALLOWED: Record<string, number> = {
  'database/demo/demo.ts': 4,
};

const RAW_SQL = /\.query(?:<[^(]*>)?\(/g;
const isSeed = (file: string): boolean => file.startsWith('database/demo/') || file.endsWith('.demo.ts');
const seeds = sourceFiles().filter(isSeed);
const rawSql = new Map(seeds.map((f) => [f, [...readFileSync(path.join(SRC, f), 'utf8').matchAll(RAW_SQL)].length]));

describe('demo seeds', () => {
  it('send no more SQL of their own than allowed', () => {
    const over = [...rawSql].filter(([f, n]) => n > (RAW_SQL_ALLOWED[f] ?? 0))
      .map(([f, n]) => `${f}: ${n} raw queries, allowed ${RAW_SQL_ALLOWED[f] ?? 0}: call the module's use case or an operation of its data file`);
    expect(over).toEqual([]);
  });

  it('lock in progress: an allowance above the count must be lowered', () => {
    const under = Object.entries(RAW_SQL_ALLOWED).filter(([f, allowed]) => (rawSql.get(f) ?? 0) < allowed)
      .map(([f]) => `${f}: lower the allowance in demo-seeds.e2e-spec.ts to ${rawSql.get(f) ?? 0}${(rawSql.get(f) ?? 0) === 0 ? ' (remove the entry)' : ''}`);
    expect(under).toEqual([]);
  });

  it('live under database/demo/ once they send no SQL (a seed left in a module still has SQL to move)', () => {
    expect(seeds.filter((f) => f.startsWith('modules/') && !rawSql.get(f))).toEqual([]);
  });

  it('finds the seeds it checks (the scan is not blind)', () => {
    expect(seeds).toContain('database/demo/demo.ts');
    expect(seeds.length).toBeGreaterThan(5);
  });
});
