/**
 * A fresh block year for the start-of-year tests: five new member units (the first leads, the second is
 * deputy), an officer and a head (thủ trưởng) for each, made through the API like a user would. Tests do
 * not depend on the demo's drafts or covenants, so they pass whether or not the demo seeds them.
 */
import type { Actor } from '../../src/common/actor';
import { DEMO, type Client_, type TestApp } from '../app';
import { createAccount, createBlockYear, uniq } from '../factories';

export const PASSWORD = 'MatKhau2025';

export interface Person {
  email: string;
  id: string;
  unitId: string;
  fullName: string;
}

export interface StartOfYear {
  block: { id: string; code: string; name: string };
  year: { id: string; year: number };
  units: { id: string; name: string }[];
  officers: Person[];
  heads: Person[];
  /** Signed-in client for an officer or head of unit i (0: leader, 1: deputy, 2..: members). */
  officer: (i: number) => Promise<Client_>;
  head: (i: number) => Promise<Client_>;
}

export async function startOfYear(t: TestApp, opts: { units?: number; year?: number } = {}): Promise<StartOfYear> {
  const admin = await t.as(DEMO.admin);
  const { block, units, year } = await createBlockYear(admin, { units: opts.units ?? 5, year: opts.year ?? 2025 });
  const officers: Person[] = [];
  const heads: Person[] = [];
  for (const [i, u] of units.entries()) {
    const s = uniq();
    const o = await createAccount(admin, { fullName: `Cán bộ ${i + 1} ${s}`, email: `canbo.${s}@thidua.vn`, role: 'officer', unitId: u.id, password: PASSWORD, title: 'Chuyên viên thi đua' });
    const h = await createAccount(admin, { fullName: `Thủ trưởng ${i + 1} ${s}`, email: `thutruong.${s}@thidua.vn`, role: 'unit_head', unitId: u.id, password: PASSWORD, title: 'Thủ trưởng' });
    officers.push({ email: o.email, id: o.id, unitId: u.id, fullName: o.fullName });
    heads.push({ email: h.email, id: h.id, unitId: u.id, fullName: h.fullName });
  }
  const cache = new Map<string, Client_>();
  const client = async (email: string) => {
    if (!cache.has(email)) cache.set(email, await t.as(email, PASSWORD));
    return cache.get(email)!;
  };
  return {
    block, year, units, officers, heads,
    officer: (i) => client(officers[i].email),
    head: (i) => client(heads[i].email),
  };
}

/** The actor the services see for an account (for calling the conference contracts directly). */
export async function actorOf(t: TestApp, email: string): Promise<Actor> {
  const [a] = await t.ds.query('SELECT id, role, unit_id, full_name, email FROM accounts WHERE email = $1', [email]);
  return { id: a.id, role: a.role, unitId: a.unit_id, fullName: a.full_name, email: a.email, sessionId: 'test' };
}
