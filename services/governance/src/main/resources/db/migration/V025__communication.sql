-- Communication calendar (issue 9, part 5). The krachtenveld: the coalition's stakeholders with what
-- they care about and where they sit on the influence/interest grid. A communication moment of a traject
-- says who must hear what, when and through which channel, optionally for one of the traject's
-- milestones; a moment not done by its planned day is overdue (worked out on read).

CREATE TABLE stakeholder (
    coalition_id   uuid        NOT NULL REFERENCES coalition (id),
    id             uuid        NOT NULL,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = btrim(name)),
    description    text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    interest       text        NOT NULL DEFAULT '' CHECK (length(interest) <= 2000),
    influence      text        NOT NULL CHECK (influence IN ('LOW', 'MEDIUM', 'HIGH')),
    interest_level text        NOT NULL CHECK (interest_level IN ('LOW', 'MEDIUM', 'HIGH')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    version        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id)
);

-- Names are unique per coalition whatever their case.
CREATE UNIQUE INDEX stakeholder_name ON stakeholder (coalition_id, lower(name));

-- What a moment points at to name a milestone of its own traject.
ALTER TABLE traject_milestone ADD CONSTRAINT traject_milestone_of_traject UNIQUE (coalition_id, traject_id, milestone_id);

CREATE TABLE communication_moment (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    traject_id   uuid        NOT NULL,
    milestone_id uuid,
    message      text        NOT NULL CHECK (length(message) BETWEEN 1 AND 1000 AND message = btrim(message)),
    channel      text        NOT NULL CHECK (channel IN ('EMAIL', 'OVERLEG', 'NIEUWSBRIEF', 'INTRANET',
                                                         'PERSOONLIJK_GESPREK', 'WEBSITE', 'BRIEF', 'PERS')),
    planned_on   date        NOT NULL,
    done_on      date,
    responsible  text        NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200 AND responsible = btrim(responsible)),
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    -- The milestone must be linked to this traject. A figure a moment is planned for cannot be removed
    -- (SET NULL would not pass Citus); change the moment first.
    FOREIGN KEY (coalition_id, traject_id, milestone_id)
        REFERENCES traject_milestone (coalition_id, traject_id, milestone_id)
);

-- The audience of a moment: one or more stakeholders.
CREATE TABLE communication_audience (
    coalition_id   uuid NOT NULL,
    moment_id      uuid NOT NULL,
    stakeholder_id uuid NOT NULL,
    PRIMARY KEY (coalition_id, moment_id, stakeholder_id),
    FOREIGN KEY (coalition_id, moment_id) REFERENCES communication_moment (coalition_id, id) ON DELETE CASCADE,
    FOREIGN KEY (coalition_id, stakeholder_id) REFERENCES stakeholder (coalition_id, id)
);

CREATE INDEX communication_moment_by_traject ON communication_moment (coalition_id, traject_id, planned_on);
CREATE INDEX communication_moment_by_day ON communication_moment (coalition_id, planned_on);
CREATE INDEX communication_audience_by_stakeholder ON communication_audience (coalition_id, stakeholder_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['stakeholder', 'communication_moment', 'communication_audience'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
-- A moment is the record of what was planned and done: corrected, never deleted. Its audience is
-- replaced when the moment is edited. A stakeholder no moment names may be removed.
REVOKE DELETE, TRUNCATE ON communication_moment FROM samenspel_app;
REVOKE TRUNCATE ON stakeholder, communication_audience FROM samenspel_app;
