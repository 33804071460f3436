import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One set of options for the app, the migration CLI and the tests. Schema changes go through migrations only. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsTransactionMode: 'each',
    // An unreachable database fails a request within seconds (answered 503) instead of hanging it.
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  };
}

/** Used by the TypeORM CLI (`typeorm-ts-node-commonjs -d src/database/data-source.ts`). */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/thidua'));
