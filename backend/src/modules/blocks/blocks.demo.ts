import type { EntityManager } from 'typeorm';

/** A demo block as the demo loader writes it; its id. */
export async function insertDemoBlock(em: EntityManager, b: { code: string; name: string; kind: string; description: string }): Promise<string> {
  const [row] = await em.query(`INSERT INTO blocks (code, name, kind, description, version) VALUES ($1,$2,$3,$4,1) RETURNING id`, [b.code, b.name, b.kind, b.description]);
  return row.id;
}
