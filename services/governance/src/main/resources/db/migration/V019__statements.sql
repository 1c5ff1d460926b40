-- Statements for a subsidy year (issue 6): each member signs its own through a signature request; once
-- every member has, the penvoerder signs the consolidated statement (member_id NULL). One of each per
-- subsidy.
CREATE TABLE jaarverklaring (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    id           uuid        NOT NULL,
    subsidy_id   uuid        NOT NULL,
    member_id    uuid,
    document_id  uuid        NOT NULL,
    request_id   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, id),
    UNIQUE NULLS NOT DISTINCT (coalition_id, subsidy_id, member_id),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    FOREIGN KEY (coalition_id, document_id) REFERENCES document (coalition_id, id),
    FOREIGN KEY (coalition_id, request_id) REFERENCES signature_request (coalition_id, id)
);
ALTER TABLE jaarverklaring ENABLE ROW LEVEL SECURITY;
ALTER TABLE jaarverklaring FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jaarverklaring USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE UPDATE, DELETE, TRUNCATE ON jaarverklaring FROM samenspel_app;
