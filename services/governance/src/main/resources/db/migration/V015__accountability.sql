-- Accountability (issue 6, first part): the assignment or subsidy of a year and the figures each member
-- enters against it. Amounts are integer euro cents, fte numeric(7,2). Every figure belongs to one
-- member; a member's representatives enter only their own member's figures (the service decides who
-- may; the keys below keep every figure tied to a member of the same coalition and to its subsidy).

-- The opdracht or subsidiebeschikking of a year. Its thresholds are the municipality's own rules, set
-- per subsidy: above accountant_threshold_cents the verantwoording needs an accountantsverklaring, and a
-- realisation that differs from its budget by more than variance_threshold_pct needs an explanation.
CREATE TABLE subsidy (
    coalition_id               uuid          NOT NULL REFERENCES coalition (id),
    id                         uuid          NOT NULL,
    year                       integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title                      text          NOT NULL CHECK (length(title) BETWEEN 1 AND 200 AND title = btrim(title)),
    -- The penvoerderschap scope under which the penvoerder holds this subsidy.
    scope                      text          NOT NULL CHECK (length(scope) BETWEEN 1 AND 200 AND scope = btrim(scope)),
    grantor                    text          NOT NULL CHECK (length(grantor) BETWEEN 1 AND 200),
    reference                  text CHECK (length(reference) BETWEEN 1 AND 100),
    amount_cents               bigint        NOT NULL CHECK (amount_cents BETWEEN 0 AND 100000000000),
    period_from                date          NOT NULL,
    period_until               date          NOT NULL CHECK (period_until >= period_from),
    conditions                 text          NOT NULL DEFAULT '' CHECK (length(conditions) <= 20000),
    verantwoording_due         date          NOT NULL CHECK (verantwoording_due >= period_from),
    accountant_threshold_cents bigint        NOT NULL CHECK (accountant_threshold_cents BETWEEN 0 AND 100000000000),
    variance_threshold_pct     numeric(5, 2) NOT NULL CHECK (variance_threshold_pct BETWEEN 0 AND 100),
    created_at                 timestamptz   NOT NULL,
    created_by                 text          NOT NULL,
    version                    integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, year, title)
);

-- A budget line of one member: category, begroting and (once known) realisatie with its explanation.
CREATE TABLE budget_line (
    coalition_id    uuid        NOT NULL,
    id              uuid        NOT NULL,
    subsidy_id      uuid        NOT NULL,
    member_id       uuid        NOT NULL,
    category        text        NOT NULL CHECK (length(category) BETWEEN 1 AND 200 AND category = btrim(category)),
    budget_cents    bigint      NOT NULL CHECK (budget_cents BETWEEN 0 AND 100000000000),
    realised_cents  bigint CHECK (realised_cents BETWEEN 0 AND 100000000000),
    explanation     text CHECK (length(explanation) BETWEEN 1 AND 5000),
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, subsidy_id, member_id, category),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

-- Formation of one member: a function with fte planned and realised.
CREATE TABLE fte_line (
    coalition_id uuid          NOT NULL,
    id           uuid          NOT NULL,
    subsidy_id   uuid          NOT NULL,
    member_id    uuid          NOT NULL,
    function     text          NOT NULL CHECK (length(function) BETWEEN 1 AND 200 AND function = btrim(function)),
    planned      numeric(7, 2) NOT NULL CHECK (planned BETWEEN 0 AND 99999.99),
    realised     numeric(7, 2) CHECK (realised BETWEEN 0 AND 99999.99),
    updated_at   timestamptz   NOT NULL,
    updated_by   text          NOT NULL,
    version      integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, subsidy_id, member_id, function),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

-- A performance indicator of one member, in a group (a level of prevention, an intended effect), with its
-- target, the actual of each quarter and the PDCA note.
CREATE TABLE indicator (
    coalition_id uuid           NOT NULL,
    id           uuid           NOT NULL,
    subsidy_id   uuid           NOT NULL,
    member_id    uuid           NOT NULL,
    group_name   text           NOT NULL CHECK (length(group_name) BETWEEN 1 AND 200 AND group_name = btrim(group_name)),
    name         text           NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = btrim(name)),
    unit         text           NOT NULL DEFAULT '' CHECK (length(unit) <= 50),
    target       numeric(14, 2) NOT NULL CHECK (target >= 0),
    q1           numeric(14, 2) CHECK (q1 >= 0),
    q2           numeric(14, 2) CHECK (q2 >= 0),
    q3           numeric(14, 2) CHECK (q3 >= 0),
    q4           numeric(14, 2) CHECK (q4 >= 0),
    pdca_note    text           NOT NULL DEFAULT '' CHECK (length(pdca_note) <= 5000),
    updated_at   timestamptz    NOT NULL,
    updated_by   text           NOT NULL,
    version      integer        NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, subsidy_id, member_id, group_name, name),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

-- A milestone of one member with its due date and status.
CREATE TABLE milestone (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    subsidy_id   uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300 AND title = btrim(title)),
    due_on       date        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'DELAYED', 'DROPPED')),
    done_on      date,
    note         text        NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    CHECK ((status = 'DONE') = (done_on IS NOT NULL))
);

-- The risk register of one member: risk, cause, mitigation, owner, status.
CREATE TABLE risk (
    coalition_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    subsidy_id   uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    risk         text        NOT NULL CHECK (length(risk) BETWEEN 1 AND 1000),
    cause        text        NOT NULL CHECK (length(cause) BETWEEN 1 AND 1000),
    mitigation   text        NOT NULL CHECK (length(mitigation) BETWEEN 1 AND 2000),
    owner        text        NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
    status       text        NOT NULL CHECK (status IN ('OPEN', 'MITIGATED', 'CLOSED')),
    updated_at   timestamptz NOT NULL,
    updated_by   text        NOT NULL,
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

CREATE INDEX budget_line_by_subsidy ON budget_line (coalition_id, subsidy_id, member_id);
CREATE INDEX fte_line_by_subsidy ON fte_line (coalition_id, subsidy_id, member_id);
CREATE INDEX indicator_by_subsidy ON indicator (coalition_id, subsidy_id, member_id);
CREATE INDEX milestone_by_subsidy ON milestone (coalition_id, subsidy_id, member_id);
CREATE INDEX risk_by_subsidy ON risk (coalition_id, subsidy_id, member_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['subsidy', 'budget_line', 'fte_line', 'indicator', 'milestone', 'risk'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
-- A subsidy is a record of what was granted: never deleted. Figures may be removed while being entered.
REVOKE DELETE, TRUNCATE ON subsidy FROM samenspel_app;
REVOKE TRUNCATE ON budget_line, fte_line, indicator, milestone, risk FROM samenspel_app;
