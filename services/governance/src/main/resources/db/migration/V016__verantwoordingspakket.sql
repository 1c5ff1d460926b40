-- Verantwoordingspakketten (issue 6): a pack of one subsidy year, made by a job. A pack row is created
-- pending and gets its PDF and ZIP in the one transaction that finishes the job, so a job that dies
-- half-way leaves no partial pack, and its retry makes exactly the one.
ALTER TABLE job DROP CONSTRAINT job_kind_check;
ALTER TABLE job ADD CONSTRAINT job_kind_check CHECK (kind IN ('SEAL_SIGNED_DOCUMENT', 'VERANTWOORDINGSPAKKET'));

CREATE TABLE verantwoordingspakket (
    coalition_id  uuid        NOT NULL REFERENCES coalition (id),
    id            uuid        NOT NULL,
    subsidy_id    uuid        NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    requested_at  timestamptz NOT NULL,
    requested_by  text        NOT NULL,
    completed_at  timestamptz,
    data_as_of    timestamptz,
    pdf           bytea,
    pdf_sha256    text CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    pages         integer CHECK (pages >= 1),
    zip           bytea,
    zip_sha256    text CHECK (zip_sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, subsidy_id) REFERENCES subsidy (coalition_id, id),
    CHECK ((status = 'DONE') = (pdf IS NOT NULL AND zip IS NOT NULL AND completed_at IS NOT NULL
                                AND pdf_sha256 IS NOT NULL AND zip_sha256 IS NOT NULL AND pages IS NOT NULL))
);
CREATE INDEX verantwoordingspakket_by_subsidy ON verantwoordingspakket (coalition_id, subsidy_id, requested_at DESC);

-- A finished pack never changes.
CREATE FUNCTION verantwoordingspakket_final() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF OLD.status = 'DONE' THEN
        RAISE EXCEPTION 'pack % is finished and cannot change', OLD.id USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER verantwoordingspakket_final BEFORE UPDATE ON verantwoordingspakket
    FOR EACH ROW EXECUTE FUNCTION verantwoordingspakket_final();

ALTER TABLE verantwoordingspakket ENABLE ROW LEVEL SECURITY;
ALTER TABLE verantwoordingspakket FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON verantwoordingspakket USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE DELETE, TRUNCATE ON verantwoordingspakket FROM samenspel_app;
