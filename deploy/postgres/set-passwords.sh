#!/bin/sh
# Sets the passwords of samenspel_owner and samenspel_app from the environment, after roles.sql.
# The official postgres image runs it from /docker-entrypoint-initdb.d on first start (compose.yaml);
# elsewhere: SAMENSPEL_DB_OWNER_PASSWORD=… SAMENSPEL_DB_APP_PASSWORD=… PGDATABASE=samenspel sh set-passwords.sh
set -e
: "${SAMENSPEL_DB_OWNER_PASSWORD:?set SAMENSPEL_DB_OWNER_PASSWORD}"
: "${SAMENSPEL_DB_APP_PASSWORD:?set SAMENSPEL_DB_APP_PASSWORD}"
# psql quotes the values itself (:'name'), so a password may contain any character.
psql -v ON_ERROR_STOP=1 -q \
  --username "${POSTGRES_USER:-${PGUSER:-postgres}}" --dbname "${POSTGRES_DB:-${PGDATABASE:-samenspel}}" \
  -v owner="$SAMENSPEL_DB_OWNER_PASSWORD" -v app="$SAMENSPEL_DB_APP_PASSWORD" <<'SQL'
ALTER ROLE samenspel_owner PASSWORD :'owner';
ALTER ROLE samenspel_app PASSWORD :'app';
SQL
