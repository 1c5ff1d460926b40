-- The accountant portal (issue 6): an accountant sees the subsidy years it was granted, while its role
-- runs (coalition_role.valid_until), and every download of a pack is kept for the secretary to see.
CREATE TABLE accountant_year (
    coalition_id uuid    NOT NULL REFERENCES coalition (id),
    account_id   uuid    NOT NULL REFERENCES account (id),
    year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    PRIMARY KEY (coalition_id, account_id, year)
);

CREATE TABLE pack_download (
    coalition_id  uuid        NOT NULL,
    id            uuid        NOT NULL,
    pack_id       uuid        NOT NULL,
    account_id    uuid        NOT NULL REFERENCES account (id),
    actor         text        NOT NULL,
    file          text        NOT NULL CHECK (file IN ('PDF', 'ZIP')),
    downloaded_at timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, pack_id) REFERENCES verantwoordingspakket (coalition_id, id)
);
CREATE INDEX pack_download_by_pack ON pack_download (coalition_id, pack_id, downloaded_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['accountant_year', 'pack_download'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
-- The download log is evidence: never changed or removed.
REVOKE UPDATE, DELETE, TRUNCATE ON pack_download FROM samenspel_app;
REVOKE TRUNCATE ON accountant_year FROM samenspel_app;
