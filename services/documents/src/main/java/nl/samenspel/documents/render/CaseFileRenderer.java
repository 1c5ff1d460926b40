package nl.samenspel.documents.render;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.model.CaseFileRecord;

/**
 * A record of a traject's case file: what it is, of which traject and coalition, its date, author,
 * classification and retention, then its facts and its content. Paragraphs of a section are separated
 * by blank lines in the model.
 */
final class CaseFileRenderer {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final PdfLayout layout;
    private final CaseFileRecord record;

    CaseFileRenderer(PdfLayout layout, CaseFileRecord record) {
        this.layout = layout;
        this.record = record;
    }

    static void validate(CaseFileRecord r) {
        require(r.coalitionName(), "coalitionName");
        require(r.trajectTitle(), "trajectTitle");
        require(r.documentType(), "documentType");
        require(r.title(), "title");
        require(r.authorOrganisation(), "authorOrganisation");
        require(r.classification(), "classification");
        require(r.retention(), "retention");
        if (r.date() == null) {
            throw new DocumentRejectedException("document.invalid", "date", "date is required");
        }
        for (int i = 0; i < r.facts().size(); i++) {
            CaseFileRecord.Fact fact = r.facts().get(i);
            if (fact == null || fact.label() == null || fact.value() == null) {
                throw new DocumentRejectedException(
                        "document.invalid", "facts[" + i + "]", "a fact needs a label and a value");
            }
        }
        for (int i = 0; i < r.sections().size(); i++) {
            CaseFileRecord.Section section = r.sections().get(i);
            if (section == null
                    || section.heading() == null
                    || section.heading().isBlank()) {
                throw new DocumentRejectedException(
                        "document.invalid", "sections[" + i + "].heading", "a section needs a heading");
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DocumentRejectedException("document.invalid", field, field + " is required");
        }
    }

    void render() throws IOException {
        layout.heading(record.documentType() + ": " + record.title(), 1);
        layout.fact("Samenwerkingsverband", record.coalitionName());
        layout.fact("Traject", record.trajectTitle());
        layout.fact("Datum", DAY.format(record.date()));
        layout.fact("Auteur (organisatie)", record.authorOrganisation());
        layout.fact("Classificatie", record.classification());
        layout.fact("Bewaartermijn", record.retention());
        for (CaseFileRecord.Fact fact : record.facts()) {
            layout.fact(fact.label(), fact.value());
        }
        for (CaseFileRecord.Section section : record.sections()) {
            layout.heading(section.heading(), 2);
            String text = section.text() == null ? "" : section.text().strip();
            if (text.isEmpty()) {
                layout.paragraph("–");
            }
            for (String paragraph : text.split("\\R\\s*\\R")) {
                if (!paragraph.isBlank()) {
                    layout.paragraph(paragraph.strip());
                }
            }
        }
        if (record.note() != null && !record.note().isBlank()) {
            layout.space();
            layout.heading("Opmerking", 2);
            layout.paragraph(record.note());
        }
    }
}
