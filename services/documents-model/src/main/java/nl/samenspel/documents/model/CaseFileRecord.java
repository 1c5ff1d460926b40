package nl.samenspel.documents.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * One piece of a traject's case file (zaakdossier) as an archival PDF/A record: a decision, a meeting
 * with its minutes, a report, or the record sheet of an uploaded document whose own file is not PDF/A.
 * The facts repeat the metadata the archive keeps beside it (classification, retention); the sections
 * carry the content itself.
 */
@Serdeable
public record CaseFileRecord(
        String coalitionName,
        String trajectTitle,
        String documentType,
        String title,
        LocalDate date,
        String authorOrganisation,
        String classification,
        String retention,
        List<Fact> facts,
        List<Section> sections,
        @Nullable String note)
        implements DocumentModel {

    public static final String KIND = "case-file-record";

    public CaseFileRecord {
        facts = facts == null ? List.of() : List.copyOf(facts);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    @Override
    public String pdfTitle() {
        return documentType + ": " + title;
    }

    @Serdeable
    public record Fact(String label, String value) {}

    /** A heading with its text; paragraphs are separated by blank lines. */
    @Serdeable
    public record Section(String heading, String text) {}
}
