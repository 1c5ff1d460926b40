package nl.samenspel.governance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Superuser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Signature requests through the API: members sign through representatives with may-sign, with the
 * password again and consent; the last signature lets the job seal the final, which then verifies as
 * this platform's; declines, cancellations and deadlines end a request; nobody signs out of turn, for
 * a member it does not represent, or without may-sign.
 */
@MicronautTest(transactional = false)
class SigningApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    @Inject
    DocumentsClient documents;

    @Inject
    SigningService signing;

    Api api;
    CoalitionResponse coalition;
    String secretary;
    String observer;
    String base;
    UUID raster;
    UUID deKern;
    UUID solis;
    UUID mee;
    Account rasterSigner;
    Account deKernSigner;
    Account solisVoterOnly;
    Account meeFirst;
    Account meeSecond;
    String rasterToken;
    String deKernToken;
    String solisToken;
    UUID documentId;
    String documentSha256;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("ondertekenen", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = api.login(
                fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY)
                        .email(),
                Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        raster = member("Raster");
        deKern = member("De Kern");
        solis = member("Zorggroep Solis");
        mee = member("MEE IJsseloevers");
        rasterSigner = fixtures.representative(coalition, raster, "raster");
        deKernSigner = fixtures.representative(coalition, deKern, "dekern");
        solisVoterOnly = mandate(solis, "solis", false, false);
        meeFirst = mandate(mee, "mee-een", true, true);
        meeSecond = mandate(mee, "mee-twee", true, true);
        rasterToken = api.login(rasterSigner.email(), Fixtures.PASSWORD);
        deKernToken = api.login(deKernSigner.email(), Fixtures.PASSWORD);
        solisToken = api.login(solisVoterOnly.email(), Fixtures.PASSWORD);
        byte[] original = new DocumentRenderer()
                .render(new StatuteVersionDocument(
                        coalition.name(),
                        "samenwerkingsverband",
                        1,
                        "Samenwerkingsovereenkomst preventie",
                        LocalDate.of(2026, 1, 1),
                        List.of(
                                new StatuteVersionDocument.Article("1", "Partijen", "Raster, De Kern, MEE en Solis."),
                                new StatuteVersionDocument.Article(
                                        "2", "Penvoerder", "Raster is penvoerder van de opdracht."))));
        Api.Multipart pdf = Api.Multipart.file("overeenkomst.pdf", "application/pdf", original);
        Api.Response uploaded = api.send("POST", base + "/documents", secretary, pdf.contentType(), pdf.bytes());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        documentId = UUID.fromString(uploaded.json().get("id").asText());
        documentSha256 = uploaded.json().get("sha256").asText();
    }

    private UUID member(String name) {
        Api.Response created = api.post(
                base + "/members",
                secretary,
                Map.of("name", name + " " + Fixtures.unique("o"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asText());
    }

    /** A mandate written by the superuser, with the flags an invitation would not give by default. */
    private Account mandate(UUID member, String prefix, boolean maySign, boolean jointly) {
        Account account = fixtures.account(prefix);
        Superuser.update(
                "INSERT INTO samenspel.representative (coalition_id, id, member_id, account_id, may_vote, may_sign,"
                        + " signs_jointly, valid_from) VALUES (?, ?, ?, ?, true, ?, ?, DATE '2021-01-01')",
                coalition.id(),
                UUID.randomUUID(),
                member,
                account.id(),
                maySign,
                jointly);
        fixtures.grant(coalition, account, CoalitionRole.REPRESENTATIVE);
        return account;
    }

    JsonNode request(String order, UUID... members) {
        Api.Response created = api.post(
                base + "/signature-requests",
                secretary,
                Map.of(
                        "documentId",
                        documentId,
                        "message",
                        "Graag tekenen vóór de stuurgroep.\nDank!",
                        "order",
                        order,
                        "deadline",
                        OffsetDateTime.now().plusDays(5).toString(),
                        "memberIds",
                        List.of(members)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    Api.Response sign(String token, JsonNode request) {
        return api.post(
                base + "/signature-requests/" + request.get("id").asText() + "/signatures",
                token,
                Map.of("password", Fixtures.PASSWORD, "consent", true));
    }

    byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    static long outboxTo(String email, String subjectStart) {
        return Superuser.count(
                "SELECT count(*) FROM samenspel.outbox_email WHERE recipient = ? AND subject LIKE ?",
                email,
                subjectStart + "%");
    }

    @Test
    void twoMembersSignAndTheSealedFinalVerifiesAsThisPlatforms() throws Exception {
        long rasterInvited = outboxTo(rasterSigner.email(), "Verzoek tot ondertekening");
        long deKernInvited = outboxTo(deKernSigner.email(), "Verzoek tot ondertekening");
        JsonNode request = request("PARALLEL", raster, deKern);
        String path = base + "/signature-requests/" + request.get("id").asText();
        assertThat(request.get("status").asText()).isEqualTo("OPEN");
        assertThat(request.get("signatories")).hasSize(2);
        assertThat(outboxTo(rasterSigner.email(), "Verzoek tot ondertekening")).isEqualTo(rasterInvited + 1);
        assertThat(outboxTo(deKernSigner.email(), "Verzoek tot ondertekening")).isEqualTo(deKernInvited + 1);

        // The signer sees the document and the exact text they consent to.
        JsonNode seen = api.get(path, rasterToken).json();
        assertThat(seen.get("yourTurns")).hasSize(1);
        assertThat(seen.get("yourTurns").get(0).get("consentText").asText())
                .contains(rasterSigner.displayName(), documentSha256);
        assertThat(bytes(path + "/document", rasterToken))
                .isEqualTo(bytes(base + "/documents/" + documentId + "/content", secretary));

        Api.Response wrongPassword =
                api.post(path + "/signatures", rasterToken, Map.of("password", "niet het wachtwoord", "consent", true));
        assertThat(wrongPassword.status()).isEqualTo(422);
        assertThat(wrongPassword.body()).contains("\"password\"");
        Api.Response noConsent =
                api.post(path + "/signatures", rasterToken, Map.of("password", Fixtures.PASSWORD, "consent", false));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.body()).contains("\"consent\"");

        Api.Response first = sign(rasterToken, request);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("OPEN");
        assertThat(sign(rasterToken, request).status()).isEqualTo(409);

        Api.Response second = sign(deKernToken, request);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("status").asText()).isEqualTo("SEALING");
        assertThat(api.get(path + "/signed.pdf", secretary).status()).isEqualTo(409);

        // The evidence, as the secretary sees it.
        JsonNode evidence = api.get(path, secretary).json().get("signatories").get(0);
        assertThat(evidence.get("state").asText()).isEqualTo("SIGNED");
        assertThat(evidence.get("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(evidence.get("userAgent").asText()).isNotBlank();
        assertThat(evidence.get("documentSha256").asText()).isEqualTo(documentSha256);
        assertThat(evidence.get("consentText").asText()).contains("onderteken namens");
        // Others see who signed and when, not from where.
        JsonNode plain = api.get(path, observer).json().get("signatories").get(0);
        assertThat(plain.has("ipAddress")).isFalse();
        assertThat(plain.get("signerName").asText()).isEqualTo(rasterSigner.displayName());

        assertThat(jobs.runDue()).isGreaterThanOrEqualTo(1);
        JsonNode done = api.get(path, observer).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        byte[] sealed = bytes(path + "/signed.pdf", observer);
        assertThat(done.get("signed").get("sha256").asText())
                .isEqualTo(nl.samenspel.governance.meeting.AgendaDocuments.sha256(sealed));
        SealReport report = documents.verify(sealed);
        assertThat(report.valid()).isTrue();
        assertThat(done.get("signed").get("pages").asInt()).isGreaterThan(1);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.outbox_email WHERE recipient = ? AND subject LIKE ?"
                                + " AND body_text LIKE ?",
                        rasterSigner.email(),
                        "Ondertekend en verzegeld%",
                        "%/signing/" + request.get("id").asText() + "%"))
                .isEqualTo(1);

        // Verification: the platform's seal, the request, for a user of the coalition.
        JsonNode verified = verify(sealed, observer);
        assertThat(verified.get("sealed").asBoolean()).isTrue();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(verified.get("sealedByThisPlatform").asBoolean()).isTrue();
        assertThat(verified.get("belongsTo").asText()).isEqualTo("KNOWN");
        assertThat(verified.get("signatureRequest").get("id").asText())
                .isEqualTo(request.get("id").asText());
        assertThat(verified.get("signatureRequest").get("coalitionSlug").asText())
                .isEqualTo(coalition.slug());

        // One byte changed: the seal is broken, and the file is no longer the known final.
        byte[] changed = sealed.clone();
        int at = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Samenspel documents");
        assertThat(at).isPositive();
        changed[at] = (byte) 'X';
        JsonNode broken = verify(changed, observer);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("belongsTo").asText()).isEqualTo("NONE");

        // Someone of another coalition learns only that it is one of this platform's finals.
        CoalitionResponse other = fixtures.coalition("elders", LegalForm.COOPERATIE_UA);
        String stranger = api.login(
                fixtures.member(other, "vreemde", CoalitionRole.SECRETARY).email(), Fixtures.PASSWORD);
        Api.Response strangers = verifyResponse(sealed, stranger);
        assertThat(strangers.json().get("belongsTo").asText()).isEqualTo("OTHER_COALITION");
        assertThat(strangers.body()).doesNotContain(coalition.slug(), coalition.name(), "Raster", "De Kern");

        // Every step is in the audit chain, and it verifies.
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.audit_event WHERE coalition_id = ? AND entity_id = ?",
                        coalition.id(),
                        request.get("id").asText()))
                .isEqualTo(5);
        assertThat(api.get(base + "/audit/verification", secretary)
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        // Running the job again makes no second final.
        Superuser.update(
                "UPDATE samenspel.job SET status = 'PENDING', finished_at = NULL, next_attempt_at = now()"
                        + " WHERE subject_id = ?",
                UUID.fromString(request.get("id").asText()));
        jobs.runDue();
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.signed_document WHERE request_id = ?",
                        UUID.fromString(request.get("id").asText())))
                .isEqualTo(1);
        assertThat(bytes(path + "/signed.pdf", observer)).isEqualTo(sealed);
    }

    JsonNode verify(byte[] pdf, String token) {
        Api.Response response = verifyResponse(pdf, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    Api.Response verifyResponse(byte[] pdf, String token) {
        Api.Multipart upload = Api.Multipart.file("controle.pdf", "application/pdf", pdf);
        return api.send("POST", "/api/v1/verification", token, upload.contentType(), upload.bytes());
    }

    @Test
    void aSequentialRequestWaitsForEachMemberInTurn() {
        JsonNode request = request("SEQUENTIAL", deKern, raster);
        long invitedBefore = outboxTo(rasterSigner.email(), "Verzoek tot ondertekening");
        Api.Response early = sign(rasterToken, request);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("signing.not-your-turn");
        assertThat(sign(deKernToken, request).status()).isEqualTo(201);
        // Raster's turn has come: it is told so.
        assertThat(outboxTo(rasterSigner.email(), "Verzoek tot ondertekening")).isEqualTo(invitedBefore + 1);
        Api.Response next = sign(rasterToken, request);
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("status").asText()).isEqualTo("SEALING");
    }

    @Test
    void onlyARepresentativeWithMaySignSignsAndOnlyForItsOwnMember() {
        JsonNode request = request("PARALLEL", raster, deKern);
        String path = base + "/signature-requests/" + request.get("id").asText() + "/signatures";
        // Solis's representative may vote, not sign.
        Api.Response noMaySign = sign(solisToken, request);
        assertThat(noMaySign.status()).isEqualTo(403);
        // Raster's signer cannot sign for De Kern.
        Api.Response otherMember =
                api.post(path, rasterToken, Map.of("password", Fixtures.PASSWORD, "consent", true, "memberId", deKern));
        assertThat(otherMember.status()).isEqualTo(403);
        // Nor can the secretary or an observer, who represent no member.
        assertThat(sign(secretary, request).status()).isEqualTo(403);
        assertThat(sign(observer, request).status()).isEqualTo(403);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.signatory WHERE request_id = ? AND status <> 'PENDING'",
                        UUID.fromString(request.get("id").asText())))
                .isZero();
    }

    @Test
    void aMemberWhoseSignatoriesAreJointSignsOnlyWhenEachHasSigned() {
        JsonNode request = request("PARALLEL", mee);
        assertThat(request.get("signatories")).hasSize(2);
        String meeFirstToken = api.login(meeFirst.email(), Fixtures.PASSWORD);
        String meeSecondToken = api.login(meeSecond.email(), Fixtures.PASSWORD);
        Api.Response one = sign(meeFirstToken, request);
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        assertThat(one.json().get("status").asText()).isEqualTo("OPEN");
        assertThat(one.json().get("signatories").get(0).get("consentText").asText())
                .contains("gezamenlijk bevoegden");
        assertThat(sign(meeFirstToken, request).status()).isEqualTo(409);
        Api.Response two = sign(meeSecondToken, request);
        assertThat(two.json().get("status").asText()).isEqualTo("SEALING");
    }

    @Test
    void aLoneJointSignatoryCannotSignForItsMemberAndAChangedConsentIsRefused() {
        UUID lone = member("Deventer Welzijn");
        mandate(lone, "alleen-gezamenlijk", true, true);
        Api.Response refused = api.post(
                base + "/signature-requests",
                secretary,
                Map.of(
                        "documentId",
                        documentId,
                        "order",
                        "PARALLEL",
                        "deadline",
                        OffsetDateTime.now().plusDays(5).toString(),
                        "memberIds",
                        List.of(lone)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("signing.member-cannot-sign", "joint");

        JsonNode request = request("PARALLEL", raster);
        String path = base + "/signature-requests/" + request.get("id").asText() + "/signatures";
        Api.Response stale = api.post(
                path,
                rasterToken,
                Map.of("password", Fixtures.PASSWORD, "consent", true, "consentSha256", "0".repeat(64)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("signing.consent-changed");
        String shown = api.get(base + "/signature-requests/" + request.get("id").asText(), rasterToken)
                .json()
                .get("yourTurns")
                .get(0)
                .get("consentText")
                .asText();
        Api.Response signed = api.post(
                path,
                rasterToken,
                Map.of(
                        "password",
                        Fixtures.PASSWORD,
                        "consent",
                        true,
                        "consentSha256",
                        nl.samenspel.governance.meeting.AgendaDocuments.sha256(
                                shown.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json().get("signatories").get(0).get("consentText").asText())
                .isEqualTo(shown);
    }

    @Test
    void theDatabaseKeepsSignaturesAndFinalsInOrderEvenPastTheService() throws SQLException {
        JsonNode request = request("PARALLEL", raster, deKern);
        UUID id = UUID.fromString(request.get("id").asText());
        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            nl.samenspel.core.tenancy.TenantTransactions.bind(
                    app, nl.samenspel.core.tenancy.CoalitionId.of(coalition.id()));
            List<String> refused = new ArrayList<>();
            for (String sql : List.of(
                    // A signatory that arrives signed, with no mandate, turn or deadline check.
                    "INSERT INTO samenspel.signatory (coalition_id, request_id, position, step, member_id, status,"
                            + " acted_at, account_id, signer_name, ip_address, document_sha256, consent_text)"
                            + " VALUES ('" + coalition.id() + "', '" + id + "', 9, 1, '" + solis
                            + "', 'SIGNED', now(), '"
                            + solisVoterOnly.id() + "', 'X', '1.2.3.4', repeat('a', 64), 'Akkoord')",
                    // Signed by everyone while nobody has signed.
                    "UPDATE samenspel.signature_request SET status = 'SEALING', signed_at = now() WHERE id = '" + id
                            + "'",
                    // A final for a request still collecting signatures.
                    "INSERT INTO samenspel.signed_document (coalition_id, request_id, content, size_bytes, pages, sha256,"
                            + " seal_fingerprint, created_at) VALUES ('" + coalition.id() + "', '" + id
                            + "', 'x'::bytea, 1, 1, repeat('b', 64), repeat('c', 64), now())",
                    // A signature by someone without may-sign for the member.
                    "UPDATE samenspel.signatory SET status = 'SIGNED', acted_at = now(), account_id = '"
                            + solisVoterOnly.id() + "', signer_name = 'X', ip_address = '1.2.3.4',"
                            + " document_sha256 = repeat('a', 64), consent_text = 'Akkoord' WHERE request_id = '" + id
                            + "' AND position = 1")) {
                try (var statement = app.createStatement()) {
                    statement.execute("SAVEPOINT attempt");
                    statement.executeUpdate(sql);
                    statement.execute("RELEASE SAVEPOINT attempt");
                } catch (SQLException e) {
                    refused.add(e.getSQLState());
                    try (var rollback = app.createStatement()) {
                        rollback.execute("ROLLBACK TO SAVEPOINT attempt");
                    }
                }
            }
            app.rollback();
            assertThat(refused).containsExactly("55000", "55000", "55000", "42501");
        }
    }

    @Test
    void aFinalsFileNameSurvivesAnyTitle() {
        assertThat(SigningService.finalFilename("📄 — —")).isEqualTo("document - ondertekend.pdf");
        assertThat(SigningService.finalFilename("Besluit ".repeat(40)))
                .hasSizeLessThan(200)
                .endsWith(" - ondertekend.pdf");
        assertThat(SigningService.finalFilename("Statuten De Kleine Schans"))
                .isEqualTo("Statuten De Kleine Schans - ondertekend.pdf");
    }

    @Nested
    class EndsOfARequest {

        @Test
        void aDeclineEndsTheRequestAndNoOneSignsAfterIt() {
            JsonNode request = request("PARALLEL", raster, deKern);
            String path = base + "/signature-requests/" + request.get("id").asText();
            Api.Response declined =
                    api.post(path + "/declining", deKernToken, Map.of("reason", "Artikel 2 klopt niet."));
            assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
            assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
            assertThat(declined.json().get("endReason").asText()).isEqualTo("Artikel 2 klopt niet.");
            Api.Response late = sign(rasterToken, request);
            assertThat(late.status()).isEqualTo(409);
            assertThat(outboxTo(rasterSigner.email(), "Ondertekening beëindigd"))
                    .isGreaterThanOrEqualTo(1);
        }

        @Test
        void aCancelledRequestTakesNoSignatureAndOnlyTheSecretaryCancels() {
            JsonNode request = request("PARALLEL", raster, deKern);
            String path = base + "/signature-requests/" + request.get("id").asText();
            assertThat(api.post(path + "/cancellation", rasterToken, Map.of("reason", "Weg ermee"))
                            .status())
                    .isEqualTo(403);
            Api.Response cancelled =
                    api.post(path + "/cancellation", secretary, Map.of("reason", "Nieuwe versie volgt."));
            assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
            assertThat(sign(rasterToken, request).status()).isEqualTo(409);
            assertThat(api.post(path + "/cancellation", secretary, Map.of("reason", "Nog eens"))
                            .status())
                    .isEqualTo(409);
        }

        @Test
        void afterTheDeadlineNothingIsSignedAndTheSweepEndsTheRequest() {
            JsonNode request = request("PARALLEL", raster, deKern);
            UUID id = UUID.fromString(request.get("id").asText());
            Superuser.update(
                    "UPDATE samenspel.signature_request SET created_at = now() - interval '2 days',"
                            + " deadline = now() - interval '1 minute' WHERE id = ?",
                    id);
            Api.Response late = sign(rasterToken, request);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body()).contains("signing.deadline-passed");
            assertThat(api.get(base + "/signature-requests/" + id, observer)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("EXPIRED");
            assertThat(signing.expireDue()).isGreaterThanOrEqualTo(1);
            assertThat(Superuser.count(
                            "SELECT count(*) FROM samenspel.signature_request WHERE id = ? AND status = 'EXPIRED'", id))
                    .isEqualTo(1);
            // The database refuses a signature even when a service check is passed by.
            assertThat(Superuser.count(
                            "SELECT count(*) FROM samenspel.signatory WHERE request_id = ? AND status = 'SIGNED'", id))
                    .isZero();
        }

        @Test
        void aReminderGoesOnceToThoseWhoHaveNotSignedADayBeforeTheDeadline() {
            JsonNode request = request("PARALLEL", raster, deKern);
            UUID id = UUID.fromString(request.get("id").asText());
            assertThat(sign(rasterToken, request).status()).isEqualTo(201);
            Superuser.update(
                    "UPDATE samenspel.signature_request SET deadline = now() + interval '3 hours' WHERE id = ?", id);
            long before = outboxTo(deKernSigner.email(), "Herinnering: ondertekenen");
            long rasterBefore = outboxTo(rasterSigner.email(), "Herinnering: ondertekenen");
            signing.remindDue();
            signing.remindDue();
            assertThat(outboxTo(deKernSigner.email(), "Herinnering: ondertekenen"))
                    .isEqualTo(before + 1);
            assertThat(outboxTo(rasterSigner.email(), "Herinnering: ondertekenen"))
                    .isEqualTo(rasterBefore);
        }
    }

    @Test
    void fiftyParallelAttemptsToSignForOneMemberLeaveOneSignature() throws Exception {
        JsonNode request = request("PARALLEL", raster, deKern);
        List<Integer> statuses = new ArrayList<>(IntStream.range(0, 20)
                .parallel()
                .mapToObj(i -> sign(rasterToken, request).status())
                .toList());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.signatory WHERE request_id = ? AND status = 'SIGNED'",
                        UUID.fromString(request.get("id").asText())))
                .isEqualTo(1);
    }

    @Test
    void badInputGetsAProblemWithTheFieldAndKeepsNothing() {
        long before = Superuser.count(
                "SELECT count(*) FROM samenspel.signature_request WHERE coalition_id = ?", coalition.id());
        String path = base + "/signature-requests";
        Map<String, String> cases = Map.of(
                "{\"documentId\":\"" + documentId
                        + "\",\"order\":\"PARALLEL\",\"deadline\":\"2020-01-01T10:00:00+01:00\",\"memberIds\":[\""
                        + raster + "\"]}",
                "deadline",
                "{\"documentId\":\"" + UUID.randomUUID() + "\",\"order\":\"PARALLEL\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[\"" + raster + "\"]}",
                "documentId",
                "{\"documentId\":\"" + documentId + "\",\"order\":\"PARALLEL\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[]}",
                "memberIds",
                "{\"documentId\":\"" + documentId + "\",\"order\":\"PARALLEL\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[\"" + solis + "\"]}",
                "memberIds",
                "{\"documentId\":\"" + documentId + "\",\"order\":\"PARALLEL\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[\"" + raster + "\",\"" + raster
                        + "\"]}",
                "memberIds",
                "{\"documentId\":\"" + documentId + "\",\"order\":\"PARALLEL\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[\"" + raster
                        + "\"],\"message\":\"a\\u0000b\"}",
                "message",
                "{\"documentId\":\"" + documentId + "\",\"deadline\":\""
                        + OffsetDateTime.now().plusDays(2) + "\",\"memberIds\":[\"" + raster + "\"]}",
                "order");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Api.Response response = api.send(
                    "POST", path, secretary, "application/json", c.getKey().getBytes());
            assertThat(response.status()).as(c.getKey() + " -> " + response).isIn(400, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body())
                    .as(c.getKey())
                    .contains(c.getValue())
                    .doesNotContain("SQL", "java.", "Exception");
        }
        for (String broken : List.of("{", "[]", "{\"documentId\":5}", "{\"order\":\"SOMETIMES\"}", "null")) {
            Api.Response response = api.send("POST", path, secretary, "application/json", broken.getBytes());
            assertThat(response.status()).as(broken).isIn(400, 422);
        }
        JsonNode request = request("PARALLEL", raster);
        String id = request.get("id").asText();
        for (String sub : List.of("/signatures", "/declining", "/cancellation")) {
            for (String broken :
                    List.of("{", "{\"password\":7}", "{\"reason\":\"\"}", "{}", "{\"memberId\":\"nope\"}")) {
                Api.Response response =
                        api.send("POST", path + "/" + id + sub, rasterToken, "application/json", broken.getBytes());
                assertThat(response.status())
                        .as(sub + " " + broken + " " + response)
                        .isIn(400, 403, 422);
                assertThat(response.body()).doesNotContain("SQL", "java.", "Exception");
            }
        }
        assertThat(api.get(path + "/not-a-uuid", secretary).status()).isIn(400, 404);
        assertThat(api.get(path + "/" + UUID.randomUUID(), secretary).status()).isEqualTo(404);
        assertThat(verifyResponse("geen pdf".getBytes(), observer).status()).isEqualTo(422);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.signature_request WHERE coalition_id = ?", coalition.id()))
                .isEqualTo(before + 1);
        assertThat(api.get(base + "/signature-requests/" + id, rasterToken)
                        .json()
                        .get("signatories")
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("PENDING");
    }
}
