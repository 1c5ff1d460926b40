-- More of the signing rules in the database itself, for writes that do not come through the service.

-- A signatory starts pending, with no evidence, on a request that is still collecting signatures.
CREATE FUNCTION signatory_starts_pending() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.status <> 'PENDING' OR NEW.acted_at IS NOT NULL OR NEW.account_id IS NOT NULL
       OR NEW.document_sha256 IS NOT NULL OR NEW.consent_text IS NOT NULL OR NEW.decline_reason IS NOT NULL THEN
        RAISE EXCEPTION 'a signatory is added pending, without evidence' USING ERRCODE = '55000';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM signature_request r
                    WHERE r.coalition_id = NEW.coalition_id AND r.id = NEW.request_id AND r.status = 'OPEN'
                      AND r.signed_at IS NULL) THEN
        RAISE EXCEPTION 'signatories are added only to an open request' USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER signatory_starts_pending BEFORE INSERT ON signatory
    FOR EACH ROW EXECUTE FUNCTION signatory_starts_pending();

-- A request is signed by everyone only when every signatory has signed.
CREATE FUNCTION signature_request_signed_by_all() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.status = 'SEALING' AND OLD.status = 'OPEN'
       AND (NOT EXISTS (SELECT 1 FROM signatory s WHERE s.coalition_id = NEW.coalition_id AND s.request_id = NEW.id)
            OR EXISTS (SELECT 1 FROM signatory s
                        WHERE s.coalition_id = NEW.coalition_id AND s.request_id = NEW.id AND s.status <> 'SIGNED')) THEN
        RAISE EXCEPTION 'signature request % is not signed by everyone', NEW.id USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER signature_request_signed_by_all BEFORE UPDATE ON signature_request
    FOR EACH ROW EXECUTE FUNCTION signature_request_signed_by_all();

-- A final exists only for a request signed by everyone and waiting for it.
CREATE FUNCTION signed_document_for_sealing() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM signature_request r
                    WHERE r.coalition_id = NEW.coalition_id AND r.id = NEW.request_id AND r.status = 'SEALING') THEN
        RAISE EXCEPTION 'a final is kept only for a request being sealed' USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER signed_document_for_sealing BEFORE INSERT ON signed_document
    FOR EACH ROW EXECUTE FUNCTION signed_document_for_sealing();

-- The hash index points at a stored final; the hash is that final's (checked by the key and a trigger).
ALTER TABLE sealed_hash ADD FOREIGN KEY (coalition_id, request_id) REFERENCES signed_document (coalition_id, request_id);
CREATE FUNCTION sealed_hash_matches() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- As the app, row-level security shows only the bound coalition's finals: a hash is indexed only
    -- by a transaction of the coalition whose final it is.
    IF NOT EXISTS (SELECT 1 FROM signed_document d
                    WHERE d.coalition_id = NEW.coalition_id AND d.request_id = NEW.request_id
                      AND d.sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'the hash is not the one of that final' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER sealed_hash_matches BEFORE INSERT ON sealed_hash FOR EACH ROW EXECUTE FUNCTION sealed_hash_matches();
