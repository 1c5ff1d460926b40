-- Meetings of a body: when and where, the ordered agenda with its documents, who attended (or was
-- represented by proxy), the minutes (draft, then approved in a later meeting of the same body), the
-- decisions taken and the action items that follow.

CREATE TABLE meeting (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    id           uuid        NOT NULL,
    body_id      uuid        NOT NULL,
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    location     text        NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    online_url   text CHECK (online_url ~ '^https?://[^\s]+$' AND length(online_url) <= 2000),
    status       text        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CONVENED', 'CANCELLED')),
    convened_at  timestamptz,
    cancelled_at timestamptz,
    -- The iCalendar SEQUENCE: raised whenever a convened meeting's time or place changes.
    sequence     integer     NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, body_id) REFERENCES body (coalition_id, id),
    CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '24 hours'),
    CONSTRAINT meeting_has_a_place CHECK (location <> '' OR online_url IS NOT NULL),
    CHECK (status <> 'CONVENED' OR convened_at IS NOT NULL),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX meeting_by_time ON meeting (coalition_id, starts_at);
CREATE INDEX meeting_by_body ON meeting (coalition_id, body_id, starts_at);

-- Positions are unique per meeting; deferred, so a reordering swaps them inside one transaction.
CREATE TABLE agenda_item (
    coalition_id  uuid    NOT NULL,
    id            uuid    NOT NULL,
    meeting_id    uuid    NOT NULL,
    position      integer NOT NULL CHECK (position >= 0),
    title         text    NOT NULL CHECK (length(title) BETWEEN 1 AND 300 AND title = btrim(title)),
    description   text    NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    kind          text    NOT NULL CHECK (kind IN ('INFORMATION', 'DISCUSSION', 'DECISION')),
    decision_type text CHECK (decision_type IN ('ORDINARY', 'BUDGET', 'ADMISSION', 'PENVOERDER_APPOINTMENT',
                                                'STATUTE_AMENDMENT', 'DISSOLUTION')),
    version       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    CONSTRAINT decision_item_has_type CHECK ((kind = 'DECISION') = (decision_type IS NOT NULL)),
    CONSTRAINT agenda_position_unique UNIQUE (coalition_id, meeting_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- Documents for an agenda item (vergaderstukken), kept in the database with their SHA-256.
CREATE TABLE agenda_document (
    coalition_id   uuid        NOT NULL,
    id             uuid        NOT NULL,
    agenda_item_id uuid        NOT NULL,
    filename       text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255 AND filename !~ '[/\\\x01-\x1f]'),
    content_type   text        NOT NULL CHECK (length(content_type) BETWEEN 3 AND 200),
    size_bytes     integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content        bytea       NOT NULL CHECK (octet_length(content) = size_bytes),
    uploaded_at    timestamptz NOT NULL DEFAULT now(),
    uploaded_by    text        NOT NULL,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, agenda_item_id) REFERENCES agenda_item (coalition_id, id)
);
CREATE INDEX agenda_document_by_item ON agenda_document (coalition_id, agenda_item_id);

-- Attendance per member organisation. A represented member names the member holding its proxy.
CREATE TABLE meeting_attendance (
    coalition_id    uuid        NOT NULL,
    meeting_id      uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'REPRESENTED')),
    proxy_holder_id uuid,
    person_name     text        NOT NULL DEFAULT '' CHECK (length(person_name) <= 200),
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, meeting_id, member_id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    FOREIGN KEY (coalition_id, proxy_holder_id) REFERENCES member (coalition_id, id),
    CONSTRAINT proxy_named_when_represented CHECK ((status = 'REPRESENTED') = (proxy_holder_id IS NOT NULL)),
    CONSTRAINT no_proxy_to_oneself CHECK (proxy_holder_id <> member_id)
);

-- Minutes: a draft until a later meeting of the same body approves them; approved minutes are final.
CREATE TABLE meeting_minutes (
    coalition_id          uuid        NOT NULL,
    meeting_id            uuid        NOT NULL,
    text                  text        NOT NULL CHECK (length(text) <= 200000),
    status                text        NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    approved_in_meeting_id uuid,
    approved_at           timestamptz,
    updated_at            timestamptz NOT NULL,
    version               integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, meeting_id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, approved_in_meeting_id) REFERENCES meeting (coalition_id, id),
    CHECK ((status = 'APPROVED') = (approved_in_meeting_id IS NOT NULL AND approved_at IS NOT NULL)),
    CHECK (approved_in_meeting_id <> meeting_id)
);

CREATE FUNCTION meeting_minutes_final() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF OLD.status = 'APPROVED' THEN
        RAISE EXCEPTION 'approved minutes cannot change' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER meeting_minutes_final BEFORE UPDATE ON meeting_minutes
    FOR EACH ROW EXECUTE FUNCTION meeting_minutes_final();

-- The decision list (besluitenlijst): numbered per coalition, append-only.
CREATE TABLE decision (
    coalition_id   uuid        NOT NULL,
    id             uuid        NOT NULL,
    number         integer     NOT NULL CHECK (number > 0),
    meeting_id     uuid        NOT NULL,
    agenda_item_id uuid        NOT NULL,
    decision_type  text        NOT NULL CHECK (decision_type IN ('ORDINARY', 'BUDGET', 'ADMISSION',
                                                'PENVOERDER_APPOINTMENT', 'STATUTE_AMENDMENT', 'DISSOLUTION')),
    text           text        NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
    outcome        text        NOT NULL CHECK (outcome IN ('ADOPTED', 'REJECTED')),
    decided_at     timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, number),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, agenda_item_id) REFERENCES agenda_item (coalition_id, id)
);
CREATE INDEX decision_by_meeting ON decision (coalition_id, meeting_id);

CREATE TABLE action_item (
    coalition_id    uuid        NOT NULL,
    id              uuid        NOT NULL,
    meeting_id      uuid        NOT NULL,
    description     text        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    owner_name      text        NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
    owner_member_id uuid,
    due_on          date,
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    created_at      timestamptz NOT NULL,
    closed_at       timestamptz,
    version         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, owner_member_id) REFERENCES member (coalition_id, id),
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX action_item_open ON action_item (coalition_id, due_on) WHERE status = 'OPEN';

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['meeting', 'agenda_item', 'agenda_document', 'meeting_attendance', 'meeting_minutes',
                              'decision', 'action_item'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
        EXECUTE format('REVOKE TRUNCATE ON %I FROM samenspel_app', t);
    END LOOP;
END
$$;

-- Meetings are cancelled, not deleted; decisions are a record and never change or go away.
REVOKE DELETE ON meeting, meeting_minutes, decision, action_item FROM samenspel_app;
REVOKE UPDATE ON decision FROM samenspel_app;

-- A subscription link for calendar apps, per account and coalition. A platform table like invitation:
-- the link is resolved by its token before any coalition is bound; queries name coalition_id themselves.
CREATE TABLE calendar_feed (
    token_hash   text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    account_id   uuid        NOT NULL REFERENCES account (id),
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
-- One live link per account and coalition; a new one revokes the old.
CREATE UNIQUE INDEX calendar_feed_live ON calendar_feed (coalition_id, account_id) WHERE revoked_at IS NULL;
REVOKE DELETE, TRUNCATE ON calendar_feed FROM samenspel_app;
