package nl.samenspel.governance.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachments (bijlagen) of a proposal: what members vote on besides the text, so they come and go only
 * while the proposal is a draft — the database holds to that too.
 */
@MicronautTest(transactional = false)
class ProposalAttachmentTest implements DatabaseTest {

    static final byte[] PDF = "%PDF-1.7\n% begroting 2027\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String representative;
    String base;
    String body;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("bijlagen", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + coalition.slug();
        base = slug + "/proposals";
        String member = api.post(
                        slug + "/members",
                        secretary,
                        Map.of("name", "Raster", "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        representative = api.login(
                fixtures.representative(coalition, UUID.fromString(member), "lid")
                        .email(),
                Fixtures.PASSWORD);
        for (JsonNode b : api.get(slug + "/bodies", secretary).json()) {
            if (b.get("kind").asText().equals("STUURGROEP")) {
                body = b.get("id").asText();
                Api.Response decides = api.put(
                        slug + "/bodies/" + body,
                        secretary,
                        Map.of(
                                "name", b.get("name").asText(),
                                "decisionTypes", java.util.List.of("ORDINARY"),
                                "formal", true,
                                "version", b.get("version").asInt()));
                assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
            }
        }
    }

    String draft() {
        Api.Response drafted = api.post(
                base,
                secretary,
                Map.of(
                        "title",
                        "Begroting " + Fixtures.unique(""),
                        "decisionType",
                        "ORDINARY",
                        "bodyId",
                        body,
                        "mode",
                        "WRITTEN"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("id").asText();
    }

    Api.Response upload(String proposal, String token, String filename, byte[] content) {
        Api.Multipart file = Api.Multipart.file(filename, "application/octet-stream", content);
        return api.send("POST", base + "/" + proposal + "/attachments", token, file.contentType(), file.bytes());
    }

    @Test
    void anAttachmentIsKeptWithItsHashAndServedAsItCame() {
        String id = draft();
        Api.Response attached = upload(id, secretary, "Begroting 2027 (concept).pdf", PDF);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        JsonNode a = attached.json().get("attachments").get(0);
        assertThat(a.get("filename").asText()).isEqualTo("Begroting 2027 (concept).pdf");
        assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(a.get("sha256").asText()).isEqualTo(AgendaDocuments.sha256(PDF));

        Api.Response download =
                api.get(base + "/" + id + "/attachments/" + a.get("id").asText(), observer);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment;")
                .contains("Begroting%202027%20%28concept%29.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Api.Response removed = api.send(
                "DELETE",
                base + "/" + id + "/attachments/" + a.get("id").asText(),
                secretary,
                "application/json",
                new byte[0]);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("attachments")).isEmpty();
        assertThat(api.get(base + "/" + id + "/attachments/" + a.get("id").asText(), observer)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedFileLeavesNothingAndOnlyTheSecretaryAttaches() {
        String id = draft();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        Api.Response renamed = upload(id, secretary, "begroting.pdf", png);
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(renamed.json().get("errors").get(0).get("code").asText()).isEqualTo("document.content-mismatch");
        Api.Response empty = upload(id, secretary, "leeg.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        Api.Response noFile = api.send(
                "POST",
                base + "/" + id + "/attachments",
                secretary,
                "multipart/form-data; boundary=leeg",
                "--leeg--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(noFile.status()).as(noFile.toString()).isBetween(400, 422);
        assertThat(upload(id, representative, "begroting.pdf", PDF).status()).isEqualTo(403);
        assertThat(upload(id, observer, "begroting.pdf", PDF).status()).isEqualTo(403);
        assertThat(api.get(base + "/" + id, secretary).json().path("attachments"))
                .as("nothing kept")
                .isEmpty();
    }

    @Test
    void onceVotingOpensAttachmentsAreFixedAndTheDatabaseRefusesToo() throws Exception {
        String id = draft();
        String attachment = upload(id, secretary, "begroting.pdf", PDF)
                .json()
                .get("attachments")
                .get(0)
                .get("id")
                .asText();
        Api.Response opened = api.post(
                base + "/" + id + "/opening",
                secretary,
                Map.of("closesAt", OffsetDateTime.now().plusDays(3).toString(), "version", 0));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);

        Api.Response late = upload(id, secretary, "later.pdf", PDF);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("proposal.not-draft");
        Api.Response remove = api.send(
                "DELETE", base + "/" + id + "/attachments/" + attachment, secretary, "application/json", new byte[0]);
        assertThat(remove.status()).isEqualTo(409);
        assertThat(api.get(base + "/" + id, representative).json().get("attachments"))
                .hasSize(1);

        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, coalition.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "DELETE FROM proposal_attachment WHERE coalition_id = ? AND id = ?")) {
                            ps.setObject(1, coalition.id());
                            ps.setObject(2, UUID.fromString(attachment));
                            ps.executeUpdate();
                        }
                    })
                    .hasMessageContaining("only while the proposal is a draft");
            app.rollback();
        }
    }
}
