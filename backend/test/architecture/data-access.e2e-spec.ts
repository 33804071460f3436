import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areaOf, SRC, sourceFiles } from './source-graph';

/**
 * Typed data access: a module's raw SQL (`.query(` on an EntityManager, DataSource or QueryRunner) lives in its
 * data files, `<something>-data.ts` or `<something>.sql.ts`, as functions that take the EntityManager first and
 * return typed camelCase rows. This ratchet counts the raw SQL calls each module still makes outside its data
 * files. A count above the allowance fails (move the query into the data file); a count below it fails too, so the
 * progress is kept: lower the allowance to the new count. A module not in the table may make none.
 *
 * The demo seeds (`*.demo.ts`) are not counted: they are to be rebuilt through the modules' use cases
 * (`database/demo/`), not given data files.
 */
const ALLOWED: Record<string, number> = {
  ballots: 49,
  'block-years': 19,
  conferences: 36,
  drafts: 34,
  news: 47,
  proposals: 56,
  rounds: 92,
};

const RAW_SQL = /\.query(?:<[^(]*>)?\(/g;
const isDataFile = (file: string): boolean => /-data\.ts$|\.sql\.ts$/.test(file);
const isDemo = (file: string): boolean => file.endsWith('.demo.ts');

/** Raw SQL calls per module outside its data files (and seeds). */
function rawSqlCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of sourceFiles().filter((f) => f.startsWith('modules/') && !isDataFile(f) && !isDemo(f))) {
    const n = [...readFileSync(path.join(SRC, file), 'utf8').matchAll(RAW_SQL)].length;
    if (n === 0) continue;
    const module = areaOf(file).slice('modules/'.length);
    counts.set(module, (counts.get(module) ?? 0) + n);
  }
  return counts;
}

describe('data access', () => {
  const counts = rawSqlCounts();

  it('keeps no more raw SQL outside the data files than each module is allowed', () => {
    const over = [...counts]
      .filter(([m, n]) => n > (ALLOWED[m] ?? 0))
      .map(([m, n]) => `modules/${m}: ${n} raw queries outside its data files, allowed ${ALLOWED[m] ?? 0}: move the query into the module's data file (<name>-data.ts)`);
    expect(over).toEqual([]);
  });

  it('locks in progress: an allowance above the count must be lowered', () => {
    const under = Object.entries(ALLOWED)
      .filter(([m, allowed]) => (counts.get(m) ?? 0) < allowed)
      .map(([m]) => `modules/${m}: lower the allowance in data-access.e2e-spec.ts to ${counts.get(m) ?? 0}${(counts.get(m) ?? 0) === 0 ? ' (remove the entry)' : ''}`);
    expect(under).toEqual([]);
  });

  it('finds the queries it counts (the scan is not blind)', () => {
    const dataFiles = sourceFiles().filter((f) => f.startsWith('modules/') && isDataFile(f));
    expect(dataFiles).toContain('modules/rounds/round-data.ts');
    expect(readFileSync(path.join(SRC, 'modules/rounds/round-data.ts'), 'utf8')).toMatch(RAW_SQL);
    expect(counts.size).toBeGreaterThan(0);
  });
});
