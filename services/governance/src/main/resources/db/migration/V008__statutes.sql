-- Statutes (or the covenant of a samenwerkingsverband) as versioned data: articles plus the rule set
-- (StatuteRules as JSON) the voting engine evaluates. A draft may change; an adopted version never
-- does, which the triggers below hold even against direct SQL. For a coöperatie a version is in force
-- only once the date of its notarial deed is recorded (the one change an adopted version accepts).
CREATE TABLE statute_version (
    coalition_id       uuid        NOT NULL REFERENCES coalition (id),
    id                 uuid        NOT NULL,
    number             integer     NOT NULL CHECK (number > 0),
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED')),
    rules              jsonb       NOT NULL,
    effective_from     date,
    adopted_at         timestamptz,
    notarial_deed_date date,
    created_at         timestamptz NOT NULL DEFAULT now(),
    version            integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (coalition_id, id),
    UNIQUE (coalition_id, number),
    CHECK (status = 'DRAFT' OR (effective_from IS NOT NULL AND adopted_at IS NOT NULL)),
    CHECK (notarial_deed_date IS NULL OR status = 'ADOPTED')
);

CREATE TABLE statute_article (
    coalition_id uuid    NOT NULL,
    version_id   uuid    NOT NULL,
    number       text    NOT NULL CHECK (number ~ '^[0-9]+[a-z]?$'),
    position     integer NOT NULL,
    title        text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body         text    NOT NULL CHECK (length(body) <= 20000),
    PRIMARY KEY (coalition_id, version_id, number),
    FOREIGN KEY (coalition_id, version_id) REFERENCES statute_version (coalition_id, id)
);

CREATE FUNCTION statute_version_immutable() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF OLD.status = 'ADOPTED' AND (NEW.title, NEW.status, NEW.rules, NEW.effective_from, NEW.adopted_at, NEW.number)
            IS DISTINCT FROM (OLD.title, OLD.status, OLD.rules, OLD.effective_from, OLD.adopted_at, OLD.number)
        OR OLD.status = 'ADOPTED' AND OLD.notarial_deed_date IS NOT NULL
            AND NEW.notarial_deed_date IS DISTINCT FROM OLD.notarial_deed_date THEN
        RAISE EXCEPTION 'statute version % is adopted and cannot change', OLD.number USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER statute_version_immutable BEFORE UPDATE ON statute_version
    FOR EACH ROW EXECUTE FUNCTION statute_version_immutable();

CREATE FUNCTION statute_article_immutable() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    target_coalition uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.coalition_id ELSE OLD.coalition_id END;
    target_version uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.version_id ELSE OLD.version_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM statute_version v
                WHERE v.coalition_id = target_coalition AND v.id = target_version AND v.status = 'ADOPTED') THEN
        RAISE EXCEPTION 'the articles of an adopted statute version cannot change' USING ERRCODE = '23514';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER statute_article_immutable BEFORE INSERT OR UPDATE OR DELETE ON statute_article
    FOR EACH ROW EXECUTE FUNCTION statute_article_immutable();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['statute_version', 'statute_article'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (coalition_id = current_coalition()) '
                       'WITH CHECK (coalition_id = current_coalition())', t);
    END LOOP;
END
$$;
REVOKE DELETE, TRUNCATE ON statute_version FROM samenspel_app;
REVOKE TRUNCATE ON statute_article FROM samenspel_app;
