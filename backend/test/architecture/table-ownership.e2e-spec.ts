import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { areaOf, SRC, sourceFiles } from './source-graph';

/**
 * Each module owns its tables: production code outside a module never writes them (INSERT, UPDATE, DELETE,
 * TRUNCATE in SQL, or a repository write naming the entity); it calls the owning module's exported operation.
 * Reads across modules are allowed (read models such as tasks and the timeline read several modules at once).
 */

/** Tables no entity maps, with the module that owns them. */
const OWNERS_WITHOUT_ENTITY: Record<string, string> = {
  ledger_leaves: 'modules/audit',
  ledger_nodes: 'modules/audit',
  ledger_checkpoints: 'modules/audit',
  sign_in_throttle: 'modules/auth',
  ballot_boxes: 'modules/ballots',
  news_items: 'modules/news',
  news_photos: 'modules/news',
  news_targets: 'modules/news',
  exemplary_models: 'modules/news',
  exemplary_model_stories: 'modules/news',
};

const MIGRATIONS = path.join(SRC, 'database/migrations');

/** Entity class → table and table → owning area, from the entity files. */
function entityTables(): { classTable: Map<string, string>; owner: Map<string, string> } {
  const classTable = new Map<string, string>();
  const owner = new Map<string, string>(Object.entries(OWNERS_WITHOUT_ENTITY));
  for (const file of sourceFiles().filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    for (const m of text.matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'[^)]*\)\s*(?:@[\s\S]*?)?export class (\w+)/g)) {
      classTable.set(m[2], m[1]);
      owner.set(m[1], areaOf(file));
    }
  }
  return { classTable, owner };
}

/** Every table the migrations create. */
function migratedTables(): string[] {
  const tables = new Set<string>();
  for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.ts') && n !== 'index.ts')) {
    for (const m of readFileSync(path.join(MIGRATIONS, name), 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)/g)) tables.add(m[1]);
  }
  return [...tables].sort();
}

/** Each write a production file makes, as "file → table" (migrations excluded: they build every table). */
function writes(classTable: Map<string, string>, tables: Set<string>): { file: string; table: string }[] {
  const out: { file: string; table: string }[] = [];
  for (const file of sourceFiles().filter((f) => !f.startsWith('database/migrations/'))) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const found = new Set<string>();
    for (const m of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?([a-z_]+)"?/g)) if (tables.has(m[1])) found.add(m[1]);
    for (const m of text.matchAll(/\.(?:insert|update|delete|upsert|softDelete)\(\s*(\w+)\s*,/g)) if (classTable.has(m[1])) found.add(classTable.get(m[1])!);
    for (const m of text.matchAll(/getRepository\((\w+)\)\s*\.\s*(?:save|insert|update|delete|upsert|remove)\b/g)) if (classTable.has(m[1])) found.add(classTable.get(m[1])!);
    for (const table of found) out.push({ file, table });
  }
  return out;
}

describe('table ownership', () => {
  const { classTable, owner } = entityTables();
  const tables = migratedTables();

  it('knows the owning module of every table the migrations create', () => {
    expect(tables.filter((t) => !owner.has(t))).toEqual([]);
  });

  it('lets only the owning module write a table', () => {
    const foreign = writes(classTable, new Set(tables))
      .filter(({ file, table }) => areaOf(file) !== owner.get(table))
      .map(({ file, table }) => `${file} → ${table}`);
    expect(foreign).toEqual([]);
  });

  it('finds the writes it checks (the scan is not blind)', () => {
    const all = writes(classTable, new Set(tables));
    expect(all.length).toBeGreaterThan(60);
    expect(all).toContainEqual({ file: 'modules/auth/auth-data.ts', table: 'sessions' });
    expect(all).toContainEqual({ file: 'modules/block-years/block-years.service.ts', table: 'block_year_members' });
  });
});
