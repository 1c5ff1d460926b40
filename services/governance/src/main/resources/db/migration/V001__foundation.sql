-- Foundation: platform tables (accounts, the coalition directory, role grants, sessions) and the first
-- tenant-owned tables (bodies, members, representatives, audit events).
--
-- Tenant-owned tables: coalition_id leads the primary key, and row-level security (ENABLE + FORCE)
-- shows and accepts only rows of the coalition bound to the transaction with
-- set_config('samenspel.coalition_id', ..., true). Unset or '' means no coalition: no rows.

CREATE FUNCTION current_coalition() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('samenspel.coalition_id', true), '')::uuid $$;

-- ---------------------------------------------------------------- platform tables (no RLS)

CREATE TABLE account (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 254),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash  text,
    platform_admin boolean     NOT NULL DEFAULT false,
    locale         text        NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 0,
    UNIQUE (email)
);

-- Failed logins are counted per e-mail address whether or not an account has it, so the response
-- never tells an attacker which addresses exist.
CREATE TABLE login_throttle (
    email_key        text PRIMARY KEY,
    failures         integer     NOT NULL,
    first_failure_at timestamptz NOT NULL,
    locked_until     timestamptz
);

CREATE TABLE login_session (
    id         uuid PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX login_session_account ON login_session (account_id);

CREATE TABLE coalition (
    id            uuid PRIMARY KEY,
    slug          text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 63),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    legal_form    text        NOT NULL CHECK (legal_form IN ('SAMENWERKINGSVERBAND', 'COOPERATIE_UA')),
    kvk_number    text CHECK (kvk_number ~ '^[0-9]{8}$'),
    opdrachtgever text        NOT NULL CHECK (length(opdrachtgever) BETWEEN 1 AND 200),
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'ONBOARDING', 'ACTIVE', 'DISSOLVED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    version       integer     NOT NULL DEFAULT 0
);

CREATE TABLE coalition_role (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    account_id   uuid        NOT NULL REFERENCES account (id),
    role         text        NOT NULL CHECK (role IN ('OPDRACHTGEVER', 'SECRETARY', 'REPRESENTATIVE', 'ACCOUNTANT', 'OBSERVER')),
    granted_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (coalition_id, account_id, role)
);
CREATE INDEX coalition_role_account ON coalition_role (account_id);

-- ---------------------------------------------------------------- tenant-owned tables

CREATE TABLE body (
    coalition_id uuid    NOT NULL REFERENCES coalition (id),
    id           uuid    NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('BESTUURLIJK_OVERLEG', 'STUURGROEP', 'PROJECTGROEP', 'KLANKBORDGROEP', 'ALV', 'BESTUUR', 'RAAD_VAN_TOEZICHT', 'ONTWIKKELTAFEL', 'WERKATELIER')),
    name         text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position     integer NOT NULL,
    version      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, name)
);

CREATE TABLE member (
    coalition_id       uuid          NOT NULL REFERENCES coalition (id),
    id                 uuid          NOT NULL,
    name               text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind               text          NOT NULL CHECK (kind IN ('GEMEENTE', 'ZORGAANBIEDER', 'WELZIJN', 'CLIENTONDERSTEUNING', 'JEUGDHULP', 'ONDERWIJS', 'WONINGCORPORATIE', 'ZORGVERZEKERAAR', 'OVERIG')),
    kvk_number         text CHECK (kvk_number ~ '^[0-9]{8}$'),
    rsin               text CHECK (rsin ~ '^[0-9]{9}$'),
    joined_on          date          NOT NULL,
    left_on            date CHECK (left_on IS NULL OR left_on >= joined_on),
    contribution_fte   numeric(7, 2) NOT NULL DEFAULT 0 CHECK (contribution_fte >= 0),
    contribution_cents bigint        NOT NULL DEFAULT 0 CHECK (contribution_cents >= 0),
    voting_weight      integer       NOT NULL DEFAULT 1 CHECK (voting_weight BETWEEN 0 AND 1000),
    also_opdrachtgever boolean       NOT NULL DEFAULT false,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    version            integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id)
);
-- A name or RSIN identifies one current member; former members keep theirs in the history.
CREATE UNIQUE INDEX member_current_name ON member (coalition_id, lower(name)) WHERE left_on IS NULL;
CREATE UNIQUE INDEX member_current_rsin ON member (coalition_id, rsin) WHERE left_on IS NULL AND rsin IS NOT NULL;

CREATE TABLE representative (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    account_id   uuid        NOT NULL REFERENCES account (id),
    may_vote     boolean     NOT NULL,
    may_sign     boolean     NOT NULL,
    valid_from   date        NOT NULL,
    valid_until  date CHECK (valid_until IS NULL OR valid_until > valid_from),
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    -- An account acts for one member of a coalition at any moment.
    EXCLUDE USING gist (coalition_id WITH =, account_id WITH =, daterange(valid_from, valid_until) WITH &&)
);
CREATE INDEX representative_member ON representative (coalition_id, member_id);

CREATE TABLE audit_event (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    seq          bigint      NOT NULL CHECK (seq > 0),
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    entity_type  text        NOT NULL,
    entity_id    text        NOT NULL,
    before_state text,
    after_state  text,
    prev_hash    text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash         text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (coalition_id, seq)
);

-- ---------------------------------------------------------------- row-level security

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['body', 'member', 'representative', 'audit_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;

-- History is never deleted: members end, representatives expire, audit events are append-only.
REVOKE DELETE ON member, representative FROM samenspel_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM samenspel_app;
REVOKE TRUNCATE ON ALL TABLES IN SCHEMA samenspel FROM samenspel_app;
