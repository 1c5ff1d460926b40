package nl.samenspel.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DecisionListDocument;
import nl.samenspel.documents.model.StatuteVersionDocument;

/** Models with Dutch text (ë, ö, é, €) and enough content to run over several pages. */
public final class Samples {

    private Samples() {}

    public static StatuteVersionDocument statutes() {
        List<StatuteVersionDocument.Article> articles = new ArrayList<>();
        articles.add(new StatuteVersionDocument.Article(
                "1",
                "Naam en zetel",
                "De coöperatie draagt de naam Coöperatie De Kleine Schans U.A. en is gevestigd te" + " Woudenberg."));
        articles.add(new StatuteVersionDocument.Article(
                "2",
                "Doel",
                "De coöperatie heeft ten doel het bevorderen van preventie en ideeën voor het sociaal"
                        + " domein, onder meer door financiële bijdragen tot € 25.000 per project."));
        for (int i = 3; i <= 30; i++) {
            articles.add(new StatuteVersionDocument.Article(
                    Integer.toString(i),
                    "Bepaling " + i,
                    ("Lid " + i + ". De algemene ledenvergadering besluit met volstrekte meerderheid van de"
                                    + " uitgebrachte stemmen, tenzij deze statuten anders bepalen. ")
                            .repeat(4)));
        }
        return new StatuteVersionDocument(
                "De Kleine Schans",
                "coöperatie U.A.",
                3,
                "Statuten De Kleine Schans",
                LocalDate.of(2026, 3, 1),
                articles);
    }

    public static DecisionListDocument decisions() {
        return new DecisionListDocument(
                "Samenwerkingsverband Deventer Preventie",
                "Besluitenlijst stuurgroep 2026",
                LocalDate.of(2026, 11, 20),
                List.of(
                        new DecisionListDocument.Entry(
                                "2026-001",
                                "Toetreding Raster",
                                "Raster treedt toe als lid met één stem; de bijdrage is € 1.250 per jaar.",
                                Instant.parse("2026-10-01T12:00:00Z"),
                                "Aangenomen",
                                5,
                                1,
                                0,
                                "De voorzitter stelt vast dat het voorstel is aangenomen.",
                                List.of("Quorum gehaald (artikel 7 lid 2).", "Volstrekte meerderheid (artikel 8).")),
                        new DecisionListDocument.Entry(
                                "2026-002",
                                "Begroting",
                                "Financiële verantwoording en begroting 2027.",
                                Instant.parse("2026-11-01T09:30:00Z"),
                                "Verworpen",
                                2,
                                4,
                                1,
                                null,
                                List.of())));
    }

    public static CompletionCertificate certificate() {
        return new CompletionCertificate(
                "Samenwerkingsovereenkomst Deventer Preventie",
                "a".repeat(64),
                List.of(new CompletionCertificate.Signer(
                        "Zoë de Vries",
                        "MEE IJsseloevers",
                        Instant.parse("2026-11-02T10:15:30Z"),
                        "192.0.2.10",
                        "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
                        "Ik onderteken namens MEE IJsseloevers en heb het document gelezen.")),
                List.of(
                        new CompletionCertificate.TimelineEvent(Instant.parse("2026-11-01T08:00:00Z"), "Verzonden"),
                        new CompletionCertificate.TimelineEvent(
                                Instant.parse("2026-11-02T10:15:30Z"), "Ondertekend door Zoë de Vries")),
                List.of(new CompletionCertificate.Hash("Getekend document", "b".repeat(64))));
    }
}
