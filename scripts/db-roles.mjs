// The least-privileged role the app connects as (see backend/src/database/app-role.ts for its grants).
// Created by whoever holds the owner/superuser connection: `npm start` with the embedded PostgreSQL, the
// test setup, e2e. Roles belong to the whole server, so this is idempotent.

export const APP_ROLE = 'thidua_app';
export const APP_ROLE_PASSWORD = 'thidua_app';

/** Creates (or resets) the app's login role: no superuser, no CREATEDB/CREATEROLE, no replication, owns nothing. */
export async function ensureAppRole(client, role = APP_ROLE, password = APP_ROLE_PASSWORD) {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const ident = `"${role.replace(/"/g, '""')}"`;
  const pass = `'${password.replace(/'/g, "''")}'`;
  await client.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pass}`);
}

/** `url` with another user and password. */
export function asRole(url, role = APP_ROLE, password = APP_ROLE_PASSWORD) {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}
