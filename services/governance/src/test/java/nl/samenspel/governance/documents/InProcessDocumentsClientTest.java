package nl.samenspel.governance.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InProcessDocumentsClientTest {

    private final DocumentsClient documents = new InProcessDocumentsClient(
            new DocumentRenderer(),
            new Sealer(SealingKey.generateDevelopmentKey(), Clock.systemUTC()),
            new SealVerifier());

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

    @Test
    void the_default_configuration_and_a_blank_url_give_the_in_process_client() throws Exception {
        Assumptions.assumeTrue(System.getenv("SAMENSPEL_DOCUMENTS_URL") == null, "SAMENSPEL_DOCUMENTS_URL is set");
        // Governance's application.yml maps the URL from SAMENSPEL_DOCUMENTS_URL with an empty default. The
        // whole file would start the database beans, so only that setting is taken from it.
        Object url;
        try (var yml = getClass().getResourceAsStream("/application.yml")) {
            url = new YamlPropertySourceLoader().read("application", yml).get(DocumentsUrl.PROPERTY);
        }
        assertThat(url).isEqualTo("${SAMENSPEL_DOCUMENTS_URL:}");
        try (ApplicationContext context = ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .properties(Map.of(DocumentsUrl.PROPERTY, url))
                .start()) {
            assertThat(context.getProperty(DocumentsUrl.PROPERTY, String.class)).contains("");
            assertThat(context.getBean(DocumentsClient.class)).isInstanceOf(InProcessDocumentsClient.class);
            assertThat(context.containsBean(HttpDocumentsClient.class)).isFalse();
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .enableDefaultPropertySources(false)
                .properties(Map.of(DocumentsUrl.PROPERTY, "  "))
                .start()) {
            assertThat(context.getBean(DocumentsClient.class)).isInstanceOf(InProcessDocumentsClient.class);
        }
    }

    @Test
    void completes_and_names_its_seal_and_refuses_as_the_service_would() throws Exception {
        byte[] original = documents.render(
                new StatuteVersionDocument("X", null, 1, "Overeenkomst", LocalDate.of(2026, 3, 1), List.of()));
        ProblemException signed = catchThrowableOfType(
                () -> documents.complete(original, HttpDocumentsClientTest.certificate(original)),
                ProblemException.class);
        assertThat(signed.status().getCode()).isEqualTo(422);
        assertThat(signed.code()).isEqualTo("pdf.signed");

        byte[] unsealed = HttpDocumentsClientTest.unsealed();
        byte[] completed = documents.complete(unsealed, HttpDocumentsClientTest.certificate(unsealed));
        SealReport report = documents.verify(completed);
        assertThat(report.valid()).isTrue();
        assertThat(report.certificate().sha256Fingerprint()).isEqualTo(documents.sealFingerprint());
    }
}
