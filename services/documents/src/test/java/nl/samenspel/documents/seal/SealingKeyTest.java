package nl.samenspel.documents.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Map;
import nl.samenspel.documents.Samples;
import nl.samenspel.documents.render.DocumentRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingKeyTest {

    @TempDir
    Path dir;

    @Test
    void the_configured_pkcs12_key_seals_instead_of_a_development_key() throws Exception {
        SealingKey original = SealingKey.generateDevelopmentKey();
        Path keystore = pkcs12(original, "seal", "geheim");

        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "samenspel.documents.seal.keystore", keystore.toString(),
                "samenspel.documents.seal.password", "geheim",
                "samenspel.documents.seal.alias", "seal"))) {
            SealingKey loaded = context.getBean(SealingKey.class);
            assertThat(loaded.development()).isFalse();
            assertThat(loaded.certificate()).isEqualTo(original.certificate());

            byte[] sealed = context.getBean(Sealer.class).seal(new DocumentRenderer().render(Samples.certificate()));
            SealReport report = new SealVerifier().verify(sealed);
            assertThat(report.valid()).isTrue();
            assertThat(report.certificate().sha256Fingerprint())
                    .isEqualTo(SealVerifier.sha256(original.certificate().getEncoded()));
        }
    }

    @Test
    void without_configuration_a_development_key_is_made() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(SealingKey.class).development()).isTrue();
        }
    }

    @Test
    void embedded_without_the_switch_the_endpoints_stay_off_and_no_key_is_made_at_startup() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of(nl.samenspel.documents.HttpEndpoints.ENABLED, "false"))) {
            assertThat(context.findBean(SealController.class)).isEmpty();
            assertThat(context.findBean(nl.samenspel.documents.render.RenderController.class))
                    .isEmpty();
            assertThat(context.findBean(nl.samenspel.documents.HttpEndpoints.class))
                    .isEmpty();
            assertThat(context.getBean(Sealer.class)).isNotNull();
        }
    }

    @Test
    void a_wrong_password_or_alias_fails_at_startup_with_a_clear_message() throws Exception {
        Path keystore = pkcs12(SealingKey.generateDevelopmentKey(), "seal", "geheim");

        assertThatThrownBy(() -> SealingKey.fromPkcs12(keystore, "fout".toCharArray(), "seal"))
                .hasMessageContaining("Cannot read the sealing keystore");
        assertThatThrownBy(() -> SealingKey.fromPkcs12(keystore, "geheim".toCharArray(), "other"))
                .hasMessageContaining("no key entry 'other'");
        assertThat(SealingKey.fromPkcs12(keystore, "geheim".toCharArray(), "").development())
                .isFalse();
    }

    @Test
    void a_second_seal_keeps_the_first_and_covers_the_whole_document() {
        SealingKey key = SealingKey.generateDevelopmentKey();
        Sealer sealer = new Sealer(key, Clock.systemUTC());
        byte[] once = sealer.seal(new DocumentRenderer().render(Samples.decisions()));
        byte[] twice = sealer.seal(once);

        SealReport report = new SealVerifier().verify(twice);
        assertThat(report.signatureCount()).isEqualTo(2);
        assertThat(report.valid()).isTrue();
        assertThat(new SealVerifier().verify(once).valid()).isTrue();
    }

    private Path pkcs12(SealingKey key, String alias, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                alias, key.privateKey(), password.toCharArray(), key.chain().toArray(new Certificate[0]));
        Path file = dir.resolve("seal.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
