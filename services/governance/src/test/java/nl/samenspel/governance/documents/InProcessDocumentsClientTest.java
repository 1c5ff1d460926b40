package nl.samenspel.governance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.junit.jupiter.api.Test;

class InProcessDocumentsClientTest {

    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final Sealer SEALER = new Sealer(SealingKey.generateDevelopmentKey(), Clock.systemUTC());

    private final DocumentsClient documents = new InProcessDocumentsClient(
            RENDERER, SEALER, new SealVerifier(), new nl.samenspel.documents.complete.Completer(RENDERER, SEALER));

    @Test
    void a_rendered_statute_version_comes_back_sealed_and_verifies() {
        var statutes = new StatuteVersionDocument(
                "De Kleine Schans",
                "coöperatie U.A.",
                1,
                "Statuten De Kleine Schans",
                LocalDate.of(2026, 3, 1),
                List.of(new StatuteVersionDocument.Article("1", "Naam", "De coöperatie draagt de naam …")));

        byte[] pdf = documents.render(statutes);
        SealReport report = documents.verify(pdf);

        assertThat(report.sealed()).isTrue();
        assertThat(report.valid()).isTrue();
        assertThat(report.subFilter()).isEqualTo("ETSI.CAdES.detached");
    }
}
