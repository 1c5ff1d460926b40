package nl.samenspel.documents.model;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A besluitenlijst: the closed decisions of a coalition with their votes and the declaration of each result. */
@Serdeable
public record DecisionListDocument(String coalitionName, String title, LocalDate generatedOn, List<Entry> entries)
        implements DocumentModel {

    public static final String KIND = "decision-list";

    public DecisionListDocument {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    @Override
    public String pdfTitle() {
        return title;
    }

    @Serdeable
    public record Entry(
            String number,
            String title,
            String body,
            Instant closedAt,
            String outcome,
            int votesFor,
            int votesAgainst,
            int abstentions,
            String declaration,
            List<String> explanation) {

        public Entry {
            explanation = explanation == null ? List.of() : List.copyOf(explanation);
        }
    }
}
