import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { loadDemoOnce } from './demo/demo';

/**
 * Loads the demo data into a migrated database at `url`, through the same `loadDemoOnce` the app runs at
 * start (so a database that already holds it, or holds anyone's data, is left alone). The test setup runs
 * it once to build the demo template that every HTTP test file clones.
 */
export async function seedDemo(url: string): Promise<boolean> {
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return await loadDemoOnce(ds);
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  seedDemo(process.env.DATABASE_URL ?? '').then(
    (loaded) => console.log(loaded ? 'Đã nạp dữ liệu minh họa.' : 'Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu minh họa.'),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
