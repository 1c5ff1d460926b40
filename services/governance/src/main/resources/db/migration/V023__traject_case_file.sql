-- The case file (zaakdossier) of a traject (issue 9, part 2): the documents, decisions, meetings and
-- reports (verantwoordingspakketten) that belong to it, each with its archival classification and
-- retention period. An entry points at exactly one row of the coalition through a composite foreign
-- key; ref_id repeats that id so that one item is in a traject's file once. An entry is withdrawn, not
-- deleted: the file keeps a record of what was in it, and an item withdrawn may be added again.

CREATE TABLE traject_case_entry (
    coalition_id    uuid        NOT NULL,
    id              uuid        NOT NULL,
    traject_id      uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('DOCUMENT', 'DECISION', 'MEETING', 'REPORT')),
    ref_id          uuid        NOT NULL,
    document_id     uuid,
    decision_id     uuid,
    meeting_id      uuid,
    report_id       uuid,
    classification  text        NOT NULL CHECK (classification IN ('OPENBAAR', 'INTERN', 'VERTROUWELIJK')),
    -- Years after the item's date; NULL: to be kept permanently (blijvend te bewaren).
    retention_years integer     CHECK (retention_years BETWEEN 1 AND 100),
    added_at        timestamptz NOT NULL,
    added_by        text        NOT NULL,
    withdrawn_at    timestamptz,
    withdrawn_by    text,
    PRIMARY KEY (coalition_id, id),
    FOREIGN KEY (coalition_id, traject_id) REFERENCES traject (coalition_id, id),
    FOREIGN KEY (coalition_id, document_id) REFERENCES document (coalition_id, id),
    FOREIGN KEY (coalition_id, decision_id) REFERENCES decision (coalition_id, id),
    FOREIGN KEY (coalition_id, meeting_id) REFERENCES meeting (coalition_id, id),
    FOREIGN KEY (coalition_id, report_id) REFERENCES verantwoordingspakket (coalition_id, id),
    CONSTRAINT case_entry_one_reference CHECK (num_nonnulls(document_id, decision_id, meeting_id, report_id) = 1),
    CONSTRAINT case_entry_reference_of_kind CHECK (ref_id = CASE kind
        WHEN 'DOCUMENT' THEN document_id
        WHEN 'DECISION' THEN decision_id
        WHEN 'MEETING' THEN meeting_id
        WHEN 'REPORT' THEN report_id END),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);

-- One live entry per traject and item.
CREATE UNIQUE INDEX traject_case_entry_live ON traject_case_entry (coalition_id, traject_id, kind, ref_id)
    WHERE withdrawn_at IS NULL;

ALTER TABLE traject_case_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE traject_case_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON traject_case_entry USING (coalition_id = current_coalition())
    WITH CHECK (coalition_id = current_coalition());
REVOKE DELETE, TRUNCATE ON traject_case_entry FROM samenspel_app;
