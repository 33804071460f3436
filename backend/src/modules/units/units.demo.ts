import type { EntityManager } from 'typeorm';

/** A demo member unit as the demo loader writes it; its id. */
export async function insertDemoUnit(em: EntityManager, u: { name: string; shortName: string; parentAgency: string; address: string; phone: string; email: string }): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO units (name, short_name, parent_agency, address, phone, email, version) VALUES ($1,$2,$3,$4,$5,$6,1) RETURNING id`,
    [u.name, u.shortName, u.parentAgency, u.address, u.phone, u.email]);
  return row.id;
}
