package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import nl.samenspel.documents.model.CaseFileRecord;
import nl.samenspel.documents.render.DocumentRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A record of a traject's case file: PDF/A-2b with its metadata facts and content; a record without a date is refused. */
class CaseFileRecordTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    private static CaseFileRecord meeting(LocalDate date) {
        return new CaseFileRecord(
                "De Kleine Schans",
                "Oprichting coöperatie De Kleine Schans",
                "Vergadering",
                "ALV oprichting",
                date,
                "De Kleine Schans",
                "Intern",
                "10 jaar",
                List.of(new CaseFileRecord.Fact("Orgaan", "Algemene ledenvergadering")),
                List.of(
                        new CaseFileRecord.Section("Agenda", "1. Opening\n2. Statuten"),
                        new CaseFileRecord.Section(
                                "Notulen", "De voorzitter opent de vergadering.\n\nDe statuten worden besproken.")),
                null);
    }

    @Test
    void aMeetingRecordIsPdfAWithItsMetadataAndMinutes() throws Exception {
        byte[] pdf = renderer.render(meeting(LocalDate.parse("2017-06-12")));
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Vergadering: ALV oprichting");
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Vergadering: ALV oprichting", "12 juni 2017", "Classificatie: Intern")
                    .contains("Bewaartermijn: 10 jaar", "De statuten worden besproken.");
        }
    }

    @Test
    void aRecordWithoutADateIsRefusedNamingTheField() {
        DocumentRejectedException refused =
                catchThrowableOfType(DocumentRejectedException.class, () -> renderer.render(meeting(null)));
        assertThat(refused.field()).isEqualTo("date");
    }
}
