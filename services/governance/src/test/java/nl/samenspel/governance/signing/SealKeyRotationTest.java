package nl.samenspel.governance.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After the sealing key is rotated, files sealed with the key it replaced still verify as sealed by this
 * platform when the operator lists the old certificate's fingerprint; a key never listed does not.
 */
@MicronautTest(transactional = false)
class SealKeyRotationTest implements DatabaseTest {

    private static final Sealer RETIRED = new Sealer(SealingKey.generateDevelopmentKey(), Clock.systemUTC());
    private static final Sealer STRANGER = new Sealer(SealingKey.generateDevelopmentKey(), Clock.systemUTC());

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    String token;

    @Override
    public Map<String, String> extraProperties() {
        // As an operator pastes it: upper case with colons, beside a blank entry.
        String fingerprint =
                RETIRED.certificate().sha256Fingerprint().toUpperCase().replaceAll("(..)(?!$)", "$1:");
        return Map.of("samenspel.documents.seal.previous-fingerprints", fingerprint + ", ");
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        Account account = fixtures.account("rotation");
        token = api.login(account.email(), Fixtures.PASSWORD);
    }

    @Test
    void aFileSealedWithTheRetiredKeyIsStillOursAndOneSealedByAStrangerIsNot() throws IOException {
        JsonNode retired = verify(RETIRED.seal(onePagePdf()));
        assertThat(retired.get("sealed").asBoolean()).isTrue();
        assertThat(retired.get("intact").asBoolean()).isTrue();
        assertThat(retired.get("sealedByThisPlatform").asBoolean()).isTrue();

        JsonNode stranger = verify(STRANGER.seal(onePagePdf()));
        assertThat(stranger.get("sealed").asBoolean()).isTrue();
        assertThat(stranger.get("intact").asBoolean()).isTrue();
        assertThat(stranger.get("sealedByThisPlatform").asBoolean()).isFalse();
    }

    @Test
    void aMistypedFingerprintStopsTheStartWithAMessageNamingTheSetting() {
        assertThatThrownBy(() -> RetiredSealKeys.parse("abc123"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SAMENSPEL_SEAL_PREVIOUS_FINGERPRINTS")
                .hasMessageContaining("abc123");
        assertThat(RetiredSealKeys.parse("")).isEmpty();
    }

    private JsonNode verify(byte[] pdf) {
        Api.Multipart upload = Api.Multipart.file("gezegeld.pdf", "application/pdf", pdf);
        Api.Response response = api.send("POST", "/api/v1/verification", token, upload.contentType(), upload.bytes());
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static byte[] onePagePdf() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
