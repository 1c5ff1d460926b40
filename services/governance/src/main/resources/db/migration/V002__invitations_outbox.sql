-- Invitations for representatives, and the transactional outbox for e-mail.
--
-- Both are platform tables without row-level security, by design:
-- * invitation is looked up by its token before any coalition is known (the invitee is not logged in
--   and has no role yet), so it cannot sit behind the coalition-bound policy; every query that lists
--   invitations for a coalition names coalition_id itself.
-- * outbox_email is a job table drained by a dispatcher that works for all coalitions at once.

CREATE TABLE invitation (
    id                  uuid PRIMARY KEY,
    coalition_id        uuid        NOT NULL REFERENCES coalition (id),
    member_id           uuid        NOT NULL,
    email               text        NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 254),
    display_name        text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    may_vote            boolean     NOT NULL,
    may_sign            boolean     NOT NULL,
    -- SHA-256 (hex) of the random token in the e-mailed link; the token itself is never stored.
    token_hash          text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    invited_by          uuid        NOT NULL REFERENCES account (id),
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL CHECK (expires_at > created_at),
    accepted_at         timestamptz CHECK (accepted_at IS NULL OR accepted_at >= created_at),
    accepted_account_id uuid REFERENCES account (id),
    CHECK ((accepted_at IS NULL) = (accepted_account_id IS NULL)),
    -- Referential checks run without row-level security, so this holds across the platform boundary.
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);
CREATE INDEX invitation_member ON invitation (coalition_id, member_id, created_at);

CREATE TABLE outbox_email (
    id              uuid PRIMARY KEY,
    coalition_id    uuid REFERENCES coalition (id),
    recipient       text        NOT NULL CHECK (recipient LIKE '%_@_%' AND length(recipient) <= 254),
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
    -- Cleared once sent: an e-mail may carry a one-time link (an invitation token).
    body_text       text        NOT NULL,
    body_html       text,
    ical            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    last_error      text CHECK (length(last_error) <= 500)
);
-- The dispatcher claims unsent rows that are due, oldest first.
CREATE INDEX outbox_email_due ON outbox_email (next_attempt_at) WHERE sent_at IS NULL;

-- Invitations are evidence of who was given access by whom: never deleted by the service.
REVOKE DELETE, TRUNCATE ON invitation FROM samenspel_app;
REVOKE TRUNCATE ON outbox_email FROM samenspel_app;
