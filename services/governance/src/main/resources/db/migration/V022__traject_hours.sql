-- Time invested in a traject (issue 9, part 4): per ISO week, per person and member organisation,
-- the hours expected and the hours realised, optionally on one phase. The person is an account that
-- represents the member in that week (checked by the application); the week is stored as its Monday.
-- One entry per traject, person and week: a duplicate is refused by the database as well.

CREATE TABLE traject_hours (
    coalition_id   uuid         NOT NULL,
    id             uuid         NOT NULL,
    traject_id     uuid         NOT NULL,
    phase_id       uuid,
    member_id      uuid         NOT NULL,
    account_id     uuid         NOT NULL REFERENCES account (id),
    week_start     date         NOT NULL CHECK (extract(isodow FROM week_start) = 1),
    expected_hours numeric(6,2) NOT NULL CHECK (expected_hours >= 0 AND expected_hours <= 168),
    realised_hours numeric(6,2) NOT NULL CHECK (realised_hours >= 0 AND realised_hours <= 168),
    updated_at     timestamptz  NOT NULL,
    updated_by     text         NOT NULL,
    version        integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, traject_id, account_id, week_start),
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    FOREIGN KEY (coalition_id, traject_id, phase_id) REFERENCES traject_phase (coalition_id, traject_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id)
);

CREATE INDEX traject_hours_by_member ON traject_hours (coalition_id, traject_id, member_id, week_start);

ALTER TABLE traject_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE traject_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traject_hours USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
-- Hours are corrected, not removed: every change is in the audit chain.
REVOKE DELETE, TRUNCATE ON traject_hours FROM samenspel_app;
