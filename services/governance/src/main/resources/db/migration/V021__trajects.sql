-- Trajects (issue 9, first part): a coalition's projects, such as founding a coöperatie or the year
-- plan of a joint assignment, with an owner body, ordered phases with planned and actual dates, and
-- the accountability milestones (V015) that belong to them. The case file, staff publication, hours
-- and communication moments of later parts hang off a traject (and, where they need to, a phase) by
-- (coalition_id, traject_id) and (coalition_id, traject_id, phase_id).

CREATE TABLE traject (
    coalition_id  uuid        NOT NULL REFERENCES coalition (id),
    id            uuid        NOT NULL,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
    description   text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    owner_body_id uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, title),
    FOREIGN KEY (coalition_id, owner_body_id) REFERENCES body (coalition_id, id)
);

-- A phase (a step of a plan, a line of a year plan). Positions are unique per traject, checked at
-- commit so that a reorder can move them in one statement.
CREATE TABLE traject_phase (
    coalition_id  uuid        NOT NULL,
    id            uuid        NOT NULL,
    traject_id    uuid        NOT NULL,
    position      integer     NOT NULL CHECK (position >= 0),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = btrim(name)),
    description   text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    planned_start date        NOT NULL,
    planned_end   date        NOT NULL CHECK (planned_end >= planned_start),
    actual_start  date,
    actual_end    date,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    -- What a later table points at to name a phase of one traject.
    UNIQUE (coalition_id, traject_id, id),
    UNIQUE (coalition_id, traject_id, position) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
);

-- Names are unique per traject whatever their case.
CREATE UNIQUE INDEX traject_phase_name ON traject_phase (coalition_id, traject_id, lower(name));

-- A milestone of the accountability figures that belongs to a traject, and optionally to one of its
-- phases. A milestone belongs to one traject at most; removing the figure removes the link.
CREATE TABLE traject_milestone (
    coalition_id uuid        NOT NULL,
    milestone_id uuid        NOT NULL,
    traject_id   uuid        NOT NULL,
    phase_id     uuid,
    linked_at    timestamptz NOT NULL,
    linked_by    text        NOT NULL,
    PRIMARY KEY (coalition_id, milestone_id),
    FOREIGN KEY (coalition_id, milestone_id) REFERENCES milestone (coalition_id, id) ON DELETE CASCADE,
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    FOREIGN KEY (coalition_id, traject_id, phase_id) REFERENCES traject_phase (coalition_id, traject_id, id)
);

CREATE INDEX traject_phase_by_traject ON traject_phase (coalition_id, traject_id, position);
CREATE INDEX traject_milestone_by_traject ON traject_milestone (coalition_id, traject_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['traject', 'traject_phase', 'traject_milestone'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
-- A traject and its phases are the coalition's record of what was planned: never deleted.
REVOKE DELETE, TRUNCATE ON traject, traject_phase FROM samenspel_app;
REVOKE TRUNCATE ON traject_milestone FROM samenspel_app;
