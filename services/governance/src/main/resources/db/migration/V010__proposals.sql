-- Proposals (voorstellen) and the votes member organisations cast on them.
--
-- A proposal is decided by a body, in a meeting or in writing outside one, within a voting window.
-- Votes are append-only: a change of mind is a new revision, the highest revision counts, and the
-- primary key allows one revision 0 per member per proposal, so two first votes can never both land.
-- Whether a vote may be cast at all is decided by the database under a lock on the proposal row, so a
-- vote racing the close either lands before it or is refused.

CREATE TABLE proposal (
    coalition_id     uuid        NOT NULL REFERENCES coalition (id),
    id               uuid        NOT NULL,
    number           integer     NOT NULL CHECK (number > 0),
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300 AND title = btrim(title)),
    text             text        NOT NULL CHECK (length(text) <= 100000),
    decision_type    text        NOT NULL CHECK (decision_type IN ('ORDINARY', 'BUDGET', 'ADMISSION',
                                                 'PENVOERDER_APPOINTMENT', 'STATUTE_AMENDMENT', 'DISSOLUTION')),
    body_id          uuid        NOT NULL,
    mode             text        NOT NULL CHECK (mode IN ('MEETING', 'WRITTEN')),
    meeting_id       uuid,
    status           text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    votes_changeable boolean     NOT NULL DEFAULT true,
    opened_at        timestamptz,
    closes_at        timestamptz,
    closed_at        timestamptz,
    outcome          text CHECK (outcome IN ('ADOPTED', 'REJECTED', 'INVALID')),
    -- What adoption brings about: for a statute amendment, the draft version it adopts.
    statute_version_id uuid,
    reminded_at      timestamptz,
    -- The validity record, written once at the close: statute version, quorum, tally, proxies, recusals
    -- and the explanation of every rule applied.
    result           jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text        NOT NULL,
    version          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, number),
    FOREIGN KEY (coalition_id, body_id) REFERENCES body (coalition_id, id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, statute_version_id) REFERENCES statute_version (coalition_id, id),
    CONSTRAINT amendment_names_its_version CHECK ((decision_type = 'STATUTE_AMENDMENT') = (statute_version_id IS NOT NULL)),
    CONSTRAINT meeting_proposal_names_its_meeting CHECK ((mode = 'MEETING') = (meeting_id IS NOT NULL)),
    CHECK ((status = 'DRAFT') = (opened_at IS NULL)),
    CHECK (status = 'DRAFT' OR closes_at > opened_at),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND outcome IS NOT NULL AND result IS NOT NULL))
);
CREATE INDEX proposal_by_status ON proposal (coalition_id, status, closes_at);

-- A closed proposal is a record: its outcome and validity record never change.
CREATE FUNCTION proposal_closed_final() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF OLD.status = 'CLOSED' THEN
        RAISE EXCEPTION 'proposal % is closed and cannot change', OLD.number USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER proposal_closed_final BEFORE UPDATE ON proposal
    FOR EACH ROW EXECUTE FUNCTION proposal_closed_final();

CREATE TABLE vote (
    coalition_id    uuid        NOT NULL,
    proposal_id     uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    revision        integer     NOT NULL CHECK (revision >= 0),
    choice          text        NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
    cast_by         uuid        NOT NULL REFERENCES account (id),
    cast_at         timestamptz NOT NULL,
    idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    PRIMARY KEY (coalition_id, proposal_id, member_id, revision),
    FOREIGN KEY (coalition_id, proposal_id) REFERENCES proposal (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);
-- A retried request with the same key finds its vote instead of casting another.
CREATE UNIQUE INDEX vote_idempotency ON vote (coalition_id, cast_by, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The database is the last word on when a vote may land: only while the proposal is open and before
-- its close, waiting for a close in progress (FOR SHARE) and refusing afterwards; revisions only when
-- votes may change, each exactly one above the last.
CREATE FUNCTION vote_may_land() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    p record;
    latest integer;
BEGIN
    SELECT status, closes_at, votes_changeable INTO p FROM proposal
     WHERE coalition_id = NEW.coalition_id AND id = NEW.proposal_id FOR SHARE;
    IF p.status <> 'OPEN' OR p.closes_at <= NEW.cast_at OR p.closes_at <= clock_timestamp() THEN
        RAISE EXCEPTION 'voting on this proposal is closed' USING ERRCODE = '55000';
    END IF;
    SELECT max(revision) INTO latest FROM vote
     WHERE coalition_id = NEW.coalition_id AND proposal_id = NEW.proposal_id AND member_id = NEW.member_id;
    IF NEW.revision <> coalesce(latest + 1, 0) THEN
        RAISE EXCEPTION 'vote revision % does not follow %', NEW.revision, latest USING ERRCODE = '23505';
    END IF;
    IF NEW.revision > 0 AND NOT p.votes_changeable THEN
        RAISE EXCEPTION 'votes on this proposal cannot change' USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER vote_may_land BEFORE INSERT ON vote FOR EACH ROW EXECUTE FUNCTION vote_may_land();

-- A member's written proxy (volmacht) to another member for one proposal, free or with an instruction.
CREATE TABLE proxy (
    coalition_id uuid        NOT NULL,
    proposal_id  uuid        NOT NULL,
    grantor_id   uuid        NOT NULL,
    holder_id    uuid        NOT NULL,
    instruction  text CHECK (instruction IN ('FOR', 'AGAINST', 'ABSTAIN')),
    granted_by   uuid        NOT NULL REFERENCES account (id),
    granted_at   timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, proposal_id, grantor_id),
    FOREIGN KEY (coalition_id, proposal_id) REFERENCES proposal (coalition_id, id),
    FOREIGN KEY (coalition_id, grantor_id) REFERENCES member (coalition_id, id),
    FOREIGN KEY (coalition_id, holder_id) REFERENCES member (coalition_id, id),
    CHECK (holder_id <> grantor_id)
);

-- A declared conflict of interest: the member is out of the vote and of the quorum base.
CREATE TABLE recusal (
    coalition_id uuid        NOT NULL,
    proposal_id  uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    declared_by  text        NOT NULL,
    declared_at  timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, proposal_id, member_id),
    FOREIGN KEY (coalition_id, proposal_id) REFERENCES proposal (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

-- What an adopted admission or penvoerder appointment brings about, set before voting opens; once
-- adopted, created_id points at the membership or penvoerderschap the decision created.
CREATE TABLE proposal_consequence (
    coalition_id uuid NOT NULL,
    proposal_id  uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('ADMISSION', 'PENVOERDER_APPOINTMENT')),
    member_name  text CHECK (length(member_name) BETWEEN 1 AND 200),
    member_kind  text,
    member_id    uuid,
    scope        text CHECK (length(scope) BETWEEN 1 AND 200),
    mandate      text NOT NULL DEFAULT '' CHECK (length(mandate) <= 10000),
    created_id   uuid,
    PRIMARY KEY (coalition_id, proposal_id),
    FOREIGN KEY (coalition_id, proposal_id) REFERENCES proposal (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    CHECK (kind <> 'ADMISSION' OR (member_name IS NOT NULL AND member_kind IS NOT NULL)),
    CHECK (kind <> 'PENVOERDER_APPOINTMENT' OR (member_id IS NOT NULL AND scope IS NOT NULL))
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['proposal', 'vote', 'proxy', 'recusal', 'proposal_consequence'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
        EXECUTE format('REVOKE TRUNCATE ON %I FROM samenspel_app', t);
    END LOOP;
END
$$;

-- Votes are a record: never changed or removed. Proposals are closed, not deleted.
REVOKE UPDATE, DELETE ON vote FROM samenspel_app;
REVOKE DELETE ON proposal, recusal FROM samenspel_app;
