package nl.samenspel.documents.model;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** One version of a coalition's statutes (statuten or samenwerkingsovereenkomst), article by article. */
@Serdeable
public record StatuteVersionDocument(
        String coalitionName,
        String legalForm,
        int versionNumber,
        String title,
        LocalDate effectiveDate,
        List<Article> articles)
        implements DocumentModel {

    public static final String KIND = "statute-version";

    public StatuteVersionDocument {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }

    @Override
    public String pdfTitle() {
        return title;
    }

    @Serdeable
    public record Article(String number, String title, String text) {}
}
