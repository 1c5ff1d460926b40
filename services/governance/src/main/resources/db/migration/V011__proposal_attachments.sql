-- Attachments of a proposal (bijlagen): kept with their SHA-256, like agenda documents. What members
-- vote on must not change under them, so attachments come and go only while the proposal is a draft.
CREATE TABLE proposal_attachment (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    proposal_id  uuid        NOT NULL,
    filename     text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255 AND filename !~ '[/\\\x01-\x1f]'),
    content_type text        NOT NULL CHECK (length(content_type) BETWEEN 3 AND 200),
    size_bytes   integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea       NOT NULL CHECK (octet_length(content) = size_bytes),
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  text        NOT NULL,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, proposal_id) REFERENCES proposal (coalition_id, id)
);
CREATE INDEX proposal_attachment_of ON proposal_attachment (coalition_id, proposal_id);

ALTER TABLE proposal_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposal_attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON proposal_attachment USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE UPDATE, TRUNCATE ON proposal_attachment FROM samenspel_app;

-- Waits for a concurrent opening of the vote (FOR SHARE against its FOR UPDATE) and then refuses.
CREATE FUNCTION proposal_attachment_only_in_draft() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    state text;
    row_coalition uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.coalition_id ELSE NEW.coalition_id END;
    row_proposal uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END;
BEGIN
    SELECT status INTO state FROM proposal WHERE coalition_id = row_coalition AND id = row_proposal FOR SHARE;
    IF state IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'attachments change only while the proposal is a draft' USING ERRCODE = '55000';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER proposal_attachment_only_in_draft BEFORE INSERT OR DELETE ON proposal_attachment
    FOR EACH ROW EXECUTE FUNCTION proposal_attachment_only_in_draft();
