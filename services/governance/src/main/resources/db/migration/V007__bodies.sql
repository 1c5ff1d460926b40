-- Bodies (organen, commissies): what each may decide, who sits in it for which term, and how often it
-- meets. A body without a formal role (a klankbordgroep) advises and takes no decisions.
ALTER TABLE body
    ADD COLUMN mandate        text    NOT NULL DEFAULT '' CHECK (length(mandate) <= 10000),
    ADD COLUMN decision_types text[]  NOT NULL DEFAULT '{}'
        CHECK (decision_types <@ ARRAY ['ORDINARY', 'BUDGET', 'ADMISSION', 'PENVOERDER_APPOINTMENT',
                                        'STATUTE_AMENDMENT', 'DISSOLUTION']::text[]
               AND array_position(decision_types, NULL) IS NULL),
    ADD COLUMN formal         boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT informal_body_takes_no_decisions CHECK (formal OR cardinality(decision_types) = 0);

-- A seat in a body for a term: held for a member organisation, or by an external adviser (no member).
-- An adviser never votes. At most one chair per body on any day. Seats end; they are never deleted.
CREATE TABLE body_seat (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    id           uuid        NOT NULL,
    body_id      uuid        NOT NULL,
    member_id    uuid,
    person_name  text        NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200 AND person_name = btrim(person_name)),
    role         text        NOT NULL CHECK (role IN ('CHAIR', 'SECRETARY', 'MEMBER', 'ADVISER')),
    votes        boolean     NOT NULL CHECK (NOT (role = 'ADVISER' AND votes)),
    term_from    date        NOT NULL,
    term_until   date CHECK (term_until IS NULL OR term_until > term_from),
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, body_id) REFERENCES body (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    CONSTRAINT one_chair_per_body
        EXCLUDE USING gist (coalition_id WITH =, body_id WITH =, daterange(term_from, term_until) WITH &&)
        WHERE (role = 'CHAIR')
);

CREATE INDEX body_seat_by_body ON body_seat (coalition_id, body_id, term_from);

ALTER TABLE body_seat ENABLE ROW LEVEL SECURITY;
ALTER TABLE body_seat FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON body_seat USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE DELETE, TRUNCATE ON body_seat FROM samenspel_app;

-- The meeting rhythm as ordered phases: every N weeks until a day (exclusive), the last phase open.
-- The phases of a body are replaced as a whole; the audit trail keeps the earlier rhythm.
CREATE TABLE body_rhythm (
    coalition_id uuid    NOT NULL REFERENCES coalition (id),
    body_id      uuid    NOT NULL,
    position     integer NOT NULL CHECK (position >= 0),
    every_weeks  integer NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
    until        date,
    PRIMARY KEY (coalition_id, body_id, position),
    FOREIGN KEY (coalition_id, body_id) REFERENCES body (coalition_id, id)
);

ALTER TABLE body_rhythm ENABLE ROW LEVEL SECURITY;
ALTER TABLE body_rhythm FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON body_rhythm USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE TRUNCATE ON body_rhythm FROM samenspel_app;
