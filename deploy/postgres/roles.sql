-- Samenspel database bootstrap. Run once per cluster/database as a superuser (psql -f, or the
-- embedded/test bootstrap in services/core). Idempotent.
--
-- samenspel_owner owns the schema and every table; Flyway migrates as this role.
-- samenspel_app is what the services connect as: not the owner, not a superuser, no BYPASSRLS, so
-- PostgreSQL row-level security applies to every query it makes.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'samenspel_owner') THEN
    CREATE ROLE samenspel_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'samenspel_app') THEN
    CREATE ROLE samenspel_app LOGIN;
  END IF;
END
$$;

ALTER ROLE samenspel_owner NOSUPERUSER NOBYPASSRLS NOCREATEROLE;
ALTER ROLE samenspel_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;

CREATE SCHEMA IF NOT EXISTS samenspel AUTHORIZATION samenspel_owner;
GRANT USAGE ON SCHEMA samenspel TO samenspel_app;
ALTER ROLE samenspel_owner SET search_path = samenspel;
ALTER ROLE samenspel_app SET search_path = samenspel;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Tables the owner creates later are readable and writable by the app; append-only tables
-- (audit events) revoke UPDATE and DELETE again in their migration.
ALTER DEFAULT PRIVILEGES FOR ROLE samenspel_owner IN SCHEMA samenspel
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO samenspel_app;
ALTER DEFAULT PRIVILEGES FOR ROLE samenspel_owner IN SCHEMA samenspel
  GRANT USAGE, SELECT ON SEQUENCES TO samenspel_app;

-- Exclusion constraints over periods (one representative mandate, one penvoerder per scope at a
-- time) combine uuid equality with range overlap, which needs btree_gist.
CREATE EXTENSION IF NOT EXISTS btree_gist;
