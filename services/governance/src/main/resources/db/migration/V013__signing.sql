-- Signing workflows (issue 5): a signature request asks member organisations to sign one document;
-- each member signs through a representative with may-sign, one signature per member unless that
-- member's signing mandates are joint, in which case every joint signatory signs. When the last
-- signature is in, a job builds the final PDF (original pages + certificate of completion) and seals it.

-- A mandate to sign jointly (gezamenlijk bevoegd): such a representative's signature binds the member
-- only together with the member's other joint signatories.
ALTER TABLE representative ADD COLUMN signs_jointly boolean NOT NULL DEFAULT false;
ALTER TABLE invitation ADD COLUMN signs_jointly boolean NOT NULL DEFAULT false;

CREATE TABLE signature_request (
    coalition_id  uuid        NOT NULL REFERENCES coalition (id),
    id            uuid        NOT NULL,
    document_id   uuid        NOT NULL,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300 AND title = btrim(title)),
    message       text        NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
    signing_order text        NOT NULL CHECK (signing_order IN ('PARALLEL', 'SEQUENTIAL')),
    deadline      timestamptz NOT NULL,
    -- OPEN: collecting signatures; SEALING: all signed, the final PDF is being made; the rest are ends.
    status        text        NOT NULL DEFAULT 'OPEN'
                              CHECK (status IN ('OPEN', 'SEALING', 'COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED')),
    signed_at     timestamptz,
    ended_at      timestamptz,
    ended_by      text,
    end_reason    text CHECK (length(end_reason) BETWEEN 1 AND 2000),
    reminded_at   timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, document_id) REFERENCES document (coalition_id, id),
    CHECK (deadline > created_at),
    CHECK ((status IN ('OPEN', 'SEALING')) = (ended_at IS NULL)),
    CHECK ((status IN ('SEALING', 'COMPLETED')) = (signed_at IS NOT NULL)),
    CHECK ((status IN ('DECLINED', 'CANCELLED')) = (end_reason IS NOT NULL))
);
CREATE INDEX signature_request_newest ON signature_request (coalition_id, created_at DESC);
CREATE INDEX signature_request_open ON signature_request (coalition_id, deadline) WHERE status = 'OPEN';

-- A request is a record once it has ended: nothing about it changes.
CREATE FUNCTION signature_request_final() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF OLD.status NOT IN ('OPEN', 'SEALING') THEN
        RAISE EXCEPTION 'signature request % has ended', OLD.id USING ERRCODE = '55000';
    END IF;
    IF OLD.status = 'SEALING' AND NEW.status NOT IN ('SEALING', 'COMPLETED') THEN
        RAISE EXCEPTION 'signature request % is signed by everyone', OLD.id USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER signature_request_final BEFORE UPDATE ON signature_request
    FOR EACH ROW EXECUTE FUNCTION signature_request_final();

-- One required signature. step orders a sequential request (all signatories of step n sign before any
-- of step n + 1); a parallel request has every signatory on step 1. representative_id names the joint
-- signatory who must sign; NULL means any representative of the member with a sole may-sign mandate.
CREATE TABLE signatory (
    coalition_id      uuid        NOT NULL,
    request_id        uuid        NOT NULL,
    position          integer     NOT NULL CHECK (position >= 1),
    step              integer     NOT NULL CHECK (step >= 1),
    member_id         uuid        NOT NULL,
    representative_id uuid,
    status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SIGNED', 'DECLINED')),
    acted_at          timestamptz,
    account_id        uuid REFERENCES account (id),
    signer_name       text CHECK (length(signer_name) BETWEEN 1 AND 200),
    -- The evidence of a signature, or the reason of a refusal.
    ip_address        text CHECK (length(ip_address) BETWEEN 1 AND 100),
    user_agent        text CHECK (length(user_agent) <= 1000),
    document_sha256   text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    consent_text      text CHECK (length(consent_text) BETWEEN 1 AND 2000),
    decline_reason    text CHECK (length(decline_reason) BETWEEN 1 AND 2000),
    PRIMARY KEY (coalition_id, request_id, position),
    UNIQUE NULLS NOT DISTINCT (coalition_id, request_id, member_id, representative_id),
    FOREIGN KEY (coalition_id, request_id) REFERENCES signature_request (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    FOREIGN KEY (coalition_id, representative_id) REFERENCES representative (coalition_id, id),
    CHECK ((status = 'PENDING') = (acted_at IS NULL)),
    CHECK ((status = 'PENDING') = (account_id IS NULL)),
    CHECK ((status = 'SIGNED') = (document_sha256 IS NOT NULL AND consent_text IS NOT NULL
                                  AND ip_address IS NOT NULL AND signer_name IS NOT NULL)),
    CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

-- The database has the last word on a signature, under a lock on its request: only a pending
-- signatory, while the request is open and before its deadline, in its turn (a signature), by an account that holds
-- the right may-sign mandate for the member today. A signature or refusal never changes afterwards.
CREATE FUNCTION signatory_may_act() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    r record;
    today date := (clock_timestamp() AT TIME ZONE 'Europe/Amsterdam')::date;
BEGIN
    IF OLD.status <> 'PENDING' THEN
        RAISE EXCEPTION 'this signature has been given or refused already' USING ERRCODE = '55000';
    END IF;
    IF NEW.coalition_id <> OLD.coalition_id OR NEW.request_id <> OLD.request_id OR NEW.position <> OLD.position
       OR NEW.step <> OLD.step OR NEW.member_id <> OLD.member_id
       OR NEW.representative_id IS DISTINCT FROM OLD.representative_id THEN
        RAISE EXCEPTION 'a signatory cannot be moved' USING ERRCODE = '55000';
    END IF;
    SELECT status, deadline INTO r FROM signature_request
     WHERE coalition_id = NEW.coalition_id AND id = NEW.request_id FOR SHARE;
    IF r.status <> 'OPEN' OR r.deadline <= clock_timestamp() THEN
        RAISE EXCEPTION 'this signature request is not open' USING ERRCODE = '55000';
    END IF;
    -- A refusal may come at any time; a signature only in its turn.
    IF NEW.status = 'SIGNED' AND EXISTS (SELECT 1 FROM signatory s
                WHERE s.coalition_id = NEW.coalition_id AND s.request_id = NEW.request_id
                  AND s.step < NEW.step AND s.status <> 'SIGNED') THEN
        RAISE EXCEPTION 'it is not this signatory''s turn yet' USING ERRCODE = '55000';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM representative p
                    WHERE p.coalition_id = NEW.coalition_id AND p.member_id = NEW.member_id
                      AND p.account_id = NEW.account_id AND p.may_sign
                      AND p.valid_from <= today AND (p.valid_until IS NULL OR p.valid_until > today)
                      AND CASE WHEN NEW.representative_id IS NULL THEN NOT p.signs_jointly
                               ELSE p.id = NEW.representative_id END) THEN
        RAISE EXCEPTION 'this account holds no mandate to sign for this member' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER signatory_may_act BEFORE UPDATE ON signatory FOR EACH ROW EXECUTE FUNCTION signatory_may_act();

-- The final PDF of a completed request: the original with its certificate of completion, sealed. One
-- per request (the key), never changed.
CREATE TABLE signed_document (
    coalition_id     uuid        NOT NULL,
    request_id       uuid        NOT NULL,
    content          bytea       NOT NULL,
    size_bytes       integer     NOT NULL CHECK (size_bytes >= 1),
    pages            integer     NOT NULL CHECK (pages >= 1),
    sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    seal_fingerprint text        NOT NULL CHECK (seal_fingerprint ~ '^[0-9a-f]{64}$'),
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (coalition_id, request_id),
    FOREIGN KEY (coalition_id, request_id) REFERENCES signature_request (coalition_id, id),
    CHECK (octet_length(content) = size_bytes)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['signature_request', 'signatory', 'signed_document'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
REVOKE DELETE, TRUNCATE ON signature_request, signatory FROM samenspel_app;
REVOKE UPDATE, DELETE, TRUNCATE ON signed_document FROM samenspel_app;

-- Platform table: which sealed final has which hash, so that verifying an uploaded PDF can say which
-- coalition it belongs to before anything of that coalition is read (then only to its own users).
-- It holds no content.
CREATE TABLE sealed_hash (
    sha256       text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    coalition_id uuid NOT NULL REFERENCES coalition (id),
    request_id   uuid NOT NULL,
    FOREIGN KEY (coalition_id, request_id) REFERENCES signature_request (coalition_id, id)
);
REVOKE UPDATE, DELETE, TRUNCATE ON sealed_hash FROM samenspel_app;

-- Platform table: long work for any coalition, claimed with FOR UPDATE SKIP LOCKED by whichever
-- replica is free. A claim pushes next_attempt_at out by a lease, so work of a replica that died is
-- taken up again; the work itself must be idempotent (a signed document has one final by its key).
CREATE TABLE job (
    id              uuid PRIMARY KEY,
    coalition_id    uuid        NOT NULL REFERENCES coalition (id),
    kind            text        NOT NULL CHECK (kind IN ('SEAL_SIGNED_DOCUMENT')),
    subject_id      uuid        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    progress        integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    last_error      text CHECK (length(last_error) <= 500),
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    UNIQUE (kind, coalition_id, subject_id),
    CHECK ((status = 'PENDING') = (finished_at IS NULL))
);
CREATE INDEX job_due ON job (next_attempt_at) WHERE status = 'PENDING';
REVOKE DELETE, TRUNCATE ON job FROM samenspel_app;
