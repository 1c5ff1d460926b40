package nl.samenspel.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prod environment's settings, checked without starting anything: what the operator reads when one is wrong. */
class ProductionSettingsTest {

    private static final String JWT = "a-jwt-secret-of-forty-bytes-0123456789ab";
    private static final String DB_PASSWORD = "app-password-7d1f";
    private static final String SMTP_PASSWORD = "smtp-password-93c2";
    private static final String SEAL_PASSWORD = "seal-password-55aa";

    @TempDir
    Path dir;

    private Map<String, String> complete() throws Exception {
        Path keystore = Files.writeString(dir.resolve("seal.p12"), "not read here");
        Map<String, String> settings = new HashMap<>();
        settings.put("datasources.default.url", "jdbc:postgresql://db:5432/samenspel");
        settings.put("datasources.default.password", DB_PASSWORD);
        settings.put("samenspel.migrate-on-start", "false");
        settings.put("samenspel.jwt-secret", JWT);
        settings.put("samenspel.public-url", "https://samenspel.example.nl");
        settings.put("samenspel.mail.host", "smtp.example.nl");
        settings.put("samenspel.mail.port", "587");
        settings.put("samenspel.mail.password", SMTP_PASSWORD);
        settings.put("samenspel.mail.starttls", "true");
        settings.put("samenspel.mail.from", "Samenspel <noreply@samenspel.example.nl>");
        settings.put("samenspel.documents.url", "");
        settings.put("samenspel.documents.seal.keystore", keystore.toString());
        settings.put("samenspel.documents.seal.password", SEAL_PASSWORD);
        settings.put("samenspel.secure-cookies", "true");
        settings.put("samenspel.demo-data", "false");
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(settings::get);
    }

    @Test
    void a_complete_configuration_has_no_problems() throws Exception {
        assertThat(problems(complete())).isEmpty();
    }

    @Test
    void nothing_set_names_every_required_setting_by_variable_and_property() {
        List<String> problems = problems(Map.of());

        assertThat(problems)
                .containsExactly(
                        "SAMENSPEL_DB_URL (samenspel.db.url): not set",
                        "SAMENSPEL_DB_APP_PASSWORD (samenspel.db.app-password): not set",
                        "SAMENSPEL_JWT_SECRET (samenspel.jwt-secret): not set",
                        "SAMENSPEL_PUBLIC_URL (samenspel.public-url): not set",
                        "SAMENSPEL_SMTP_HOST (samenspel.mail.host): not set",
                        "SAMENSPEL_SMTP_PASSWORD (samenspel.mail.password): not set",
                        "SAMENSPEL_SEAL_KEYSTORE (samenspel.documents.seal.keystore): not set"
                                + " (SAMENSPEL_DOCUMENTS_URL is blank, so governance seals in-process)",
                        "SAMENSPEL_SEAL_PASSWORD (samenspel.documents.seal.password): not set"
                                + " (SAMENSPEL_DOCUMENTS_URL is blank, so governance seals in-process)");
    }

    @Test
    void a_missing_smtp_password_is_the_one_problem() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("samenspel.mail.password");

        assertThat(problems(settings)).containsExactly("SAMENSPEL_SMTP_PASSWORD (samenspel.mail.password): not set");
    }

    @Test
    void blank_counts_as_unset() throws Exception {
        Map<String, String> settings = complete();
        settings.put("datasources.default.password", "  ");

        assertThat(problems(settings))
                .containsExactly("SAMENSPEL_DB_APP_PASSWORD (samenspel.db.app-password): not set");
    }

    @Test
    void invalid_values_are_named_without_echoing_them() throws Exception {
        Map<String, String> settings = complete();
        settings.put("samenspel.jwt-secret", "short-secret");
        settings.put("datasources.default.url", "postgres://db/samenspel");
        settings.put("samenspel.db.connections", "0");
        settings.put("samenspel.public-url", "http://samenspel.example.nl");
        settings.put("samenspel.mail.port", "smtp");
        settings.put("samenspel.mail.starttls", "yes");
        settings.put("samenspel.mail.from", "no address");
        settings.put(
                "samenspel.documents.seal.keystore", dir.resolve("missing.p12").toString());
        settings.put("samenspel.secure-cookies", "false");
        settings.put("samenspel.demo-data", "true");

        List<String> problems = problems(settings);

        assertThat(problems)
                .containsExactly(
                        "SAMENSPEL_DB_URL (samenspel.db.url): not a jdbc:postgresql://host:port/database URL",
                        "SAMENSPEL_DB_CONNECTIONS (samenspel.db.connections): not a number of connections from 1 to 200",
                        "SAMENSPEL_JWT_SECRET (samenspel.jwt-secret): too short, use at least 32 bytes",
                        "SAMENSPEL_PUBLIC_URL (samenspel.public-url): not an https:// URL (plain http only for localhost)",
                        "SAMENSPEL_SMTP_PORT (samenspel.mail.port): not a port number",
                        "SAMENSPEL_SMTP_STARTTLS (samenspel.mail.starttls): not true or false",
                        "SAMENSPEL_MAIL_FROM (samenspel.mail.from): not an e-mail address",
                        "SAMENSPEL_SEAL_KEYSTORE (samenspel.documents.seal.keystore): no readable file at "
                                + dir.resolve("missing.p12"),
                        "SAMENSPEL_SECURE_COOKIES (samenspel.secure-cookies): must not be false in prod",
                        "SAMENSPEL_DEMO_DATA (samenspel.demo-data): must not be true in prod");
        assertThat(String.join("\n", problems)).doesNotContain("short-secret");
    }

    @Test
    void no_secret_value_appears_in_any_message() throws Exception {
        Map<String, String> settings = complete();
        settings.put("samenspel.jwt-secret", "tiny");
        settings.put("samenspel.mail.port", SMTP_PASSWORD);
        settings.put("samenspel.mail.starttls", SEAL_PASSWORD);
        settings.put("datasources.default.url", DB_PASSWORD);

        String report = String.join("\n", problems(settings));

        assertThat(report).contains("SAMENSPEL_JWT_SECRET", "SAMENSPEL_SMTP_PORT", "SAMENSPEL_DB_URL");
        assertThat(report).doesNotContain("tiny", SMTP_PASSWORD, SEAL_PASSWORD, DB_PASSWORD);
    }

    @Test
    void http_to_localhost_is_a_valid_public_url_for_a_local_stack() throws Exception {
        Map<String, String> settings = complete();
        settings.put("samenspel.public-url", "http://localhost:8080");

        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void with_a_documents_service_the_sealing_key_is_not_needed() throws Exception {
        Map<String, String> settings = complete();
        settings.put("samenspel.documents.url", "http://samenspel-documents:8081");
        settings.remove("samenspel.documents.seal.keystore");
        settings.remove("samenspel.documents.seal.password");

        assertThat(problems(settings)).isEmpty();

        settings.put("samenspel.documents.url", "samenspel-documents:8081");
        assertThat(problems(settings))
                .containsExactly("SAMENSPEL_DOCUMENTS_URL (samenspel.documents.url): not an http(s) URL");
    }

    @Test
    void migrating_at_start_needs_the_owner_password() throws Exception {
        Map<String, String> settings = complete();
        settings.put("samenspel.migrate-on-start", "true");

        assertThat(problems(settings))
                .containsExactly("SAMENSPEL_DB_OWNER_PASSWORD (samenspel.db.owner-password): not set"
                        + " (SAMENSPEL_MIGRATE_ON_START is true)");

        settings.put("flyway.datasources.migration.password", "owner-password");
        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void outside_prod_a_real_database_needs_only_a_long_enough_jwt_secret() {
        assertThat(ProductionSettings.jwtSecretProblems(Map.<String, String>of()::get))
                .containsExactly("SAMENSPEL_JWT_SECRET (samenspel.jwt-secret): not set");
        assertThat(ProductionSettings.jwtSecretProblems(Map.of("samenspel.jwt-secret", JWT)::get))
                .isEmpty();
    }
}
