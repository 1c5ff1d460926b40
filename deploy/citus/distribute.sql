-- Distributes the samenspel schema over a Citus cluster by coalition_id (deploy/README.md, "Scale-out:
-- distributed PostgreSQL (Citus)"). Run it with psql as a superuser on the coordinator, in the
-- application's database, once the workers are added and the coordinator is in the metadata:
--
--     psql -d samenspel -v ON_ERROR_STOP=1 -f deploy/citus/distribute.sql
--
-- Every statement is a transaction of its own (do not pass --single-transaction). Tables that are
-- Citus tables already are skipped, so after an upgrade whose migrations added tables the script is
-- run again. CitusReadinessTest (services/governance) fails when a table is missing below or sits in
-- the wrong list, and checks the rules Citus applies to the distributed ones.

-- Our triggers look up colocated rows by coalition_id only; Citus calls every trigger on a distributed
-- table unsafe until told otherwise. One connection per node keeps a run that mixes reference and
-- distributed tables in one transaction out of Citus's parallel-access errors.
SET citus.enable_unsafe_triggers = on;
SET citus.multi_shard_modify_mode = 'sequential';

-- The helpers belong to this session only.
SET citus.enable_ddl_propagation = off;
CREATE FUNCTION pg_temp.in_citus(t regclass) RETURNS boolean LANGUAGE sql
    AS $$ SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = t) $$;
CREATE FUNCTION pg_temp.reference(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_temp.in_citus(t) THEN
        PERFORM create_reference_table(t);
    END IF;
END $$;
CREATE FUNCTION pg_temp.local(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_temp.in_citus(t) THEN
        PERFORM citus_add_local_table_to_metadata(t);
    END IF;
END $$;
-- member anchors the colocation group; every other tenant table joins it.
CREATE FUNCTION pg_temp.distribute(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_temp.in_citus(t) THEN
        PERFORM create_distributed_table(t, 'coalition_id', colocate_with =>
            CASE WHEN t = 'samenspel.member'::regclass THEN 'none' ELSE 'samenspel.member' END);
    END IF;
END $$;
RESET citus.enable_ddl_propagation;

-- The policies' current_coalition() and the trigger functions, on every node.
SELECT create_distributed_function(p.oid::regprocedure)
  FROM pg_proc p
 WHERE p.pronamespace = 'samenspel'::regnamespace
 ORDER BY p.proname;

-- Citus wants a foreign key's target to be a Citus table before the key. Rather than keep the tables
-- in that order, the keys that touch a table not yet in Citus are set aside and put back at the end,
-- which also checks every row against them again.
CREATE TEMP TABLE set_aside_fkey AS
SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.connamespace = 'samenspel'::regnamespace
   AND NOT (pg_temp.in_citus(c.conrelid) AND pg_temp.in_citus(c.confrelid));
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT * FROM set_aside_fkey LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', f.tbl, f.conname);
    END LOOP;
END $$;

-- Platform tables that tenant rows point to or are joined with: one copy on every node.
SELECT pg_temp.reference('samenspel.account');
SELECT pg_temp.reference('samenspel.coalition');
SELECT pg_temp.reference('samenspel.coalition_role');

-- Platform tables the application reads and writes on their own (sessions, the login throttle, queues
-- claimed with FOR UPDATE SKIP LOCKED, calendar links): they stay on the coordinator.
SELECT pg_temp.local('samenspel.login_throttle');
SELECT pg_temp.local('samenspel.login_session');
SELECT pg_temp.local('samenspel.calendar_feed');
SELECT pg_temp.local('samenspel.publication_feed');
SELECT pg_temp.local('samenspel.outbox_email');
SELECT pg_temp.local('samenspel.job');

-- Tenant tables, colocated by coalition_id: all rows of one coalition on one node.
SELECT pg_temp.distribute('samenspel.member');
SELECT pg_temp.distribute('samenspel.body');
SELECT pg_temp.distribute('samenspel.representative');
SELECT pg_temp.distribute('samenspel.audit_event');
SELECT pg_temp.distribute('samenspel.audit_head');
SELECT pg_temp.distribute('samenspel.penvoerderschap');
SELECT pg_temp.distribute('samenspel.body_seat');
SELECT pg_temp.distribute('samenspel.body_rhythm');
SELECT pg_temp.distribute('samenspel.statute_version');
SELECT pg_temp.distribute('samenspel.statute_article');
SELECT pg_temp.distribute('samenspel.meeting');
SELECT pg_temp.distribute('samenspel.agenda_item');
SELECT pg_temp.distribute('samenspel.agenda_document');
SELECT pg_temp.distribute('samenspel.meeting_attendance');
SELECT pg_temp.distribute('samenspel.meeting_minutes');
SELECT pg_temp.distribute('samenspel.decision');
SELECT pg_temp.distribute('samenspel.action_item');
SELECT pg_temp.distribute('samenspel.proposal');
SELECT pg_temp.distribute('samenspel.vote');
SELECT pg_temp.distribute('samenspel.proxy');
SELECT pg_temp.distribute('samenspel.recusal');
SELECT pg_temp.distribute('samenspel.proposal_consequence');
SELECT pg_temp.distribute('samenspel.proposal_attachment');
SELECT pg_temp.distribute('samenspel.document');
SELECT pg_temp.distribute('samenspel.signature_request');
SELECT pg_temp.distribute('samenspel.signatory');
SELECT pg_temp.distribute('samenspel.signed_document');
SELECT pg_temp.distribute('samenspel.subsidy');
SELECT pg_temp.distribute('samenspel.budget_line');
SELECT pg_temp.distribute('samenspel.fte_line');
SELECT pg_temp.distribute('samenspel.indicator');
SELECT pg_temp.distribute('samenspel.milestone');
SELECT pg_temp.distribute('samenspel.risk');
SELECT pg_temp.distribute('samenspel.verantwoordingspakket');
SELECT pg_temp.distribute('samenspel.accountant_year');
SELECT pg_temp.distribute('samenspel.pack_download');
SELECT pg_temp.distribute('samenspel.jaarverklaring');
SELECT pg_temp.distribute('samenspel.traject');
SELECT pg_temp.distribute('samenspel.traject_phase');
SELECT pg_temp.distribute('samenspel.traject_milestone');
SELECT pg_temp.distribute('samenspel.traject_hours');
SELECT pg_temp.distribute('samenspel.traject_case_entry');
SELECT pg_temp.distribute('samenspel.staff_grant');
SELECT pg_temp.distribute('samenspel.publication');
SELECT pg_temp.distribute('samenspel.stakeholder');
SELECT pg_temp.distribute('samenspel.communication_moment');
SELECT pg_temp.distribute('samenspel.communication_audience');

-- Platform tables outside row-level security whose rows point into one coalition's rows: distributed
-- with them, because Citus has no foreign key from a reference or local table into a distributed one.
SELECT pg_temp.distribute('samenspel.invitation');
SELECT pg_temp.distribute('samenspel.sealed_hash');

DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT * FROM set_aside_fkey LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', f.tbl, f.conname, f.def);
    END LOOP;
END $$;
