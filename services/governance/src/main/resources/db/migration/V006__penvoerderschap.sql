-- Penvoerderschap: the member that holds a joint subsidy or assignment for the coalition. At most one
-- per scope at any moment, enforced here rather than in code alone; a handover ends one period and
-- starts the next. History is never deleted.
CREATE TABLE penvoerderschap (
    coalition_id uuid        NOT NULL REFERENCES coalition (id),
    id           uuid        NOT NULL,
    scope        text        NOT NULL CHECK (length(scope) BETWEEN 1 AND 200 AND scope = btrim(scope)),
    member_id    uuid        NOT NULL,
    valid_from   date        NOT NULL,
    valid_until  date CHECK (valid_until IS NULL OR valid_until > valid_from),
    mandate      text        NOT NULL DEFAULT '' CHECK (length(mandate) <= 10000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, member_id) REFERENCES member (coalition_id, id),
    CONSTRAINT one_penvoerder_per_scope
        EXCLUDE USING gist (coalition_id WITH =, lower(scope) WITH =, daterange(valid_from, valid_until) WITH &&)
);

ALTER TABLE penvoerderschap ENABLE ROW LEVEL SECURITY;
ALTER TABLE penvoerderschap FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON penvoerderschap USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE DELETE, TRUNCATE ON penvoerderschap FROM samenspel_app;
