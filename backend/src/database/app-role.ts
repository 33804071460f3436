/**
 * Least privilege: the role the app connects as owns nothing (so it cannot ALTER a table or disable a
 * trigger) and is no superuser (so it cannot SET session_replication_role). It reads and writes ordinary
 * tables, and may only INSERT and SELECT the ledger. Run by the owner after migrations, on every boot.
 */
export const LEDGER_TABLES = ['audit_entries', 'ledger_leaves', 'ledger_nodes', 'ledger_checkpoints'];

export async function grantAppRole(query: (sql: string) => Promise<unknown>, role: string): Promise<void> {
  const r = `"${role.replace(/"/g, '""')}"`;
  await query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await query(`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON ${LEDGER_TABLES.join(', ')} FROM ${r}`);
  await query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${r}`);
  // Tables a later migration creates (as this owner) are granted the same way until the next boot re-runs this.
  await query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
  await query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
}

/** The user name in a postgres:// URL. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);
