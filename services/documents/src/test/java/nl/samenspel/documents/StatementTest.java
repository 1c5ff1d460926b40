package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import nl.samenspel.documents.model.JaarVerklaring;
import nl.samenspel.documents.render.DocumentRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A member's statement for a year and the penvoerder's consolidated one: PDF/A-2b, with the sums of their rows. */
class StatementTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void aMembersStatementShowsItsFiguresTheirTotalsAndTheDeclaration() throws Exception {
        JaarVerklaring statement = new JaarVerklaring(
                "Van preventie naar potentie (Deventer)",
                2021,
                "Opdracht preventie 2021",
                "Gemeente Deventer",
                "De Kern",
                "Raster",
                List.of(
                        new JaarVerklaring.Line("Loonkosten", 66955900, 67624000L),
                        new JaarVerklaring.Line("Overige kosten", 5951700, null)),
                List.of(new JaarVerklaring.Fte(
                        "Maatschappelijk werker", new BigDecimal("4.96"), new BigDecimal("4.50"))),
                "De Kern verklaart dat deze cijfers over 2021 juist en volledig zijn.");
        byte[] pdf = renderer.render(statement);
        assertThat(PdfAValidation.failures(pdf)).isEmpty();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Verklaring 2021", "De Kern", "€ 669.559,00", "€ 676.240,00")
                    .contains("Totaal € 729.076,00 € 676.240,00")
                    .contains("4,96", "juist en volledig");
        }
    }

    @Test
    void theConsolidatedStatementListsEveryMemberAndAStatementWithoutDeclarationIsRefused() throws Exception {
        JaarVerklaring consolidated = new JaarVerklaring(
                "Van preventie naar potentie (Deventer)",
                2021,
                "Opdracht preventie 2021",
                "Gemeente Deventer",
                null,
                "Raster",
                List.of(
                        new JaarVerklaring.Line("Raster", 120950500, 114409600L),
                        new JaarVerklaring.Line("De Kern", 74395500, 74952000L)),
                List.of(),
                "Raster verklaart als penvoerder dat dit de cijfers van alle leden zijn.");
        try (var document = Loader.loadPDF(renderer.render(consolidated))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Geconsolideerde verklaring 2021", "Raster", "De Kern", "Geen gegevens.");
        }
        JaarVerklaring none = new JaarVerklaring("X", 2021, "Y", "Z", "Lid", null, List.of(), List.of(), " ");
        DocumentRejectedException refused =
                catchThrowableOfType(() -> renderer.render(none), DocumentRejectedException.class);
        assertThat(refused.field()).isEqualTo("declaration");
    }
}
