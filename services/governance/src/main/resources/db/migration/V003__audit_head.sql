-- The head of each coalition's audit chain, written in the same transaction as every event. A chain
-- that verifies link by link but ends before its recorded head has lost its newest events.
CREATE TABLE audit_head (
    coalition_id uuid   NOT NULL REFERENCES coalition (id),
    seq          bigint NOT NULL CHECK (seq > 0),
    hash         text   NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (coalition_id)
);

INSERT INTO audit_head (coalition_id, seq, hash)
SELECT DISTINCT ON (coalition_id) coalition_id, seq, hash
  FROM audit_event
 ORDER BY coalition_id, seq DESC;

ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_head FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_head USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE DELETE, TRUNCATE ON audit_head FROM samenspel_app;
