import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areaOf, SRC, sourceFiles } from './source-graph';

/**
 * Typed data access: a module's raw SQL (`.query(` on an EntityManager, DataSource or QueryRunner) lives in its
 * data files, `<something>-data.ts` or `<something>.sql.ts`, as functions that take the EntityManager first and
 * return typed camelCase rows. Services, policies, controllers and jobs call those functions; none of them sends
 * SQL of its own.
 *
 * The demo seeds (`*.demo.ts`) are not counted: they are to be rebuilt through the modules' use cases
 * (`database/demo/`), not given data files.
 */
const RAW_SQL = /\.query(?:<[^(]*>)?\(/g;
const isDataFile = (file: string): boolean => /-data\.ts$|\.sql\.ts$/.test(file);
const isDemo = (file: string): boolean => file.endsWith('.demo.ts');
const rawSqlIn = (file: string): number => [...readFileSync(path.join(SRC, file), 'utf8').matchAll(RAW_SQL)].length;
const moduleFiles = () => sourceFiles().filter((f) => f.startsWith('modules/') && !isDemo(f));

describe('data access', () => {
  it("keeps every module's raw SQL in its data files", () => {
    const outside = moduleFiles()
      .filter((f) => !isDataFile(f))
      .map((f) => ({ f, n: rawSqlIn(f) }))
      .filter(({ n }) => n > 0)
      .map(({ f, n }) => `${f}: ${n} raw queries; move them into the ${areaOf(f)} data file (<name>-data.ts)`);
    expect(outside).toEqual([]);
  });

  it('finds the queries it looks for (the scan is not blind)', () => {
    expect(['em.query(', 'this.ds.query<Row[]>(', 'runner.query('].map((s) => [...s.matchAll(RAW_SQL)].length)).toEqual([1, 1, 1]);
    const inDataFiles = moduleFiles().filter(isDataFile).reduce((n, f) => n + rawSqlIn(f), 0);
    expect(inDataFiles).toBeGreaterThan(400);
    expect(moduleFiles()).toContain('modules/rounds/round-data.ts');
  });
});
