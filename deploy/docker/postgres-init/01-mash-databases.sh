#!/usr/bin/env bash
# Run once by the postgres:16 image on an empty data directory (/docker-entrypoint-initdb.d).
# Makes what ./mash up's bootstrap makes: one database and one login role per service, the role
# owning its database; audit gets two roles (audit-service/README.md, "Who may change the log"):
# audit_owner owns the database and runs the migrations, audit may only connect and use what the
# migrations grant it (SELECT, INSERT on the log).
# Passwords come from the environment (docker-compose.yml passes them, with dev defaults).
set -euo pipefail

: "${MASH_INTAKE_DB_PASSWORD:?}" "${MASH_SCREENING_DB_PASSWORD:?}" "${MASH_ROUTING_DB_PASSWORD:?}"
: "${MASH_AUDIT_DB_PASSWORD:?}" "${MASH_AUDIT_DB_OWNER_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v intake_pw="$MASH_INTAKE_DB_PASSWORD" \
  -v screening_pw="$MASH_SCREENING_DB_PASSWORD" \
  -v routing_pw="$MASH_ROUTING_DB_PASSWORD" \
  -v audit_pw="$MASH_AUDIT_DB_PASSWORD" \
  -v audit_owner_pw="$MASH_AUDIT_DB_OWNER_PASSWORD" <<'SQL'
CREATE ROLE intake WITH LOGIN PASSWORD :'intake_pw';
CREATE DATABASE intake OWNER intake;

CREATE ROLE screening WITH LOGIN PASSWORD :'screening_pw';
CREATE DATABASE screening OWNER screening;

CREATE ROLE routing WITH LOGIN PASSWORD :'routing_pw';
CREATE DATABASE routing OWNER routing;

CREATE ROLE audit_owner WITH LOGIN PASSWORD :'audit_owner_pw';
CREATE ROLE audit WITH LOGIN PASSWORD :'audit_pw';
CREATE DATABASE audit OWNER audit_owner;
GRANT CONNECT, TEMPORARY ON DATABASE audit TO audit;
SQL

echo "MASH Hub: databases intake, screening, routing, audit (owner audit_owner, runtime role audit) created"
