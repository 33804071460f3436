#!/bin/sh
# First start of the database volume only: the least-privileged role the app connects as (docs/ledger.md).
# The owner (POSTGRES_USER) runs the migrations and grants this role its privileges at every app start.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$APP_DB_PASSWORD" <<'EOSQL'
CREATE ROLE thidua_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'pw';
EOSQL
