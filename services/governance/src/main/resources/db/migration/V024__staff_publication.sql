-- Publication to staff (issue 9, part 3): what the coalition publishes (the plan, progress reports,
-- decisions, documents) becomes readable by STAFF, a read-only role a member organisation grants to
-- its employees. STAFF sees publications and nothing else: no members, figures, votes or meetings.

ALTER TABLE coalition_role DROP CONSTRAINT coalition_role_role_check;
ALTER TABLE coalition_role ADD CONSTRAINT coalition_role_role_check
    CHECK (role IN ('OPDRACHTGEVER', 'SECRETARY', 'REPRESENTATIVE', 'ACCOUNTANT', 'OBSERVER', 'STAFF'));

-- Which member organisation granted an employee the STAFF role, and who did it.
CREATE TABLE staff_grant (
    coalition_id uuid        NOT NULL,
    account_id   uuid        NOT NULL REFERENCES account (id),
    member_id    uuid        NOT NULL,
    granted_at   timestamptz NOT NULL,
    granted_by   text        NOT NULL,
    PRIMARY KEY (coalition_id, account_id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);
CREATE INDEX staff_grant_by_member ON staff_grant (coalition_id, member_id);

-- A publication: a progress report written in Samenspel is a title and a text; a decision, the plan or
-- a document carries a summary and, for a document, the document staff may then download. Withdrawn
-- publications stay as a record but are no longer shown.
CREATE TABLE publication (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('REPORT', 'DECISION', 'PLAN', 'DOCUMENT')),
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
    body         text        NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    traject_id   uuid,
    document_id  uuid,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    withdrawn_at timestamptz,
    withdrawn_by text,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    FOREIGN KEY (coalition_id, document_id) REFERENCES document (coalition_id, id),
    CHECK ((kind = 'DOCUMENT') = (document_id IS NOT NULL)),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);
CREATE INDEX publication_by_date ON publication (coalition_id, published_at DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff_grant', 'publication'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
-- A publication is withdrawn, never deleted: what staff could read stays on record.
REVOKE DELETE, TRUNCATE ON publication FROM samenspel_app;
REVOKE TRUNCATE ON staff_grant FROM samenspel_app;

-- The secret Atom feed link per account and coalition, as calendar_feed (V009): a platform table
-- resolved by its token before any coalition is bound; queries name coalition_id themselves.
CREATE TABLE publication_feed (
    token_hash   text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    account_id   uuid        NOT NULL REFERENCES account (id),
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE UNIQUE INDEX publication_feed_live ON publication_feed (coalition_id, account_id) WHERE revoked_at IS NULL;
REVOKE DELETE, TRUNCATE ON publication_feed FROM samenspel_app;
