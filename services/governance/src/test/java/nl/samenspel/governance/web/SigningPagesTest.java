package nl.samenspel.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.Browser;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing pages over plain HTTP: the list and the request form for the secretary with refusals at
 * the field, nothing to post for an observer, the signing form only for a representative in turn, a
 * wrong password refused at its field without a signature, and the verification page, which tells a
 * user of another coalition nothing about whose document it is.
 */
@MicronautTest(transactional = false)
class SigningPagesTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    JobRunner jobs;

    /** What a browser asks for (a bare text/html matches no route, as page controllers produce JSON too). */
    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    Api api;
    CoalitionResponse coalition;
    Account secretary;
    Account observer;
    final List<Account> representatives = new ArrayList<>();
    final List<String> memberIds = new ArrayList<>();
    final List<String> memberNames = new ArrayList<>();
    String bearer;
    String documentId;
    String base;
    String apiBase;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("signing-pages", LegalForm.SAMENWERKINGSVERBAND);
        secretary = fixtures.member(coalition, "signing-pages-secretary", CoalitionRole.SECRETARY);
        observer = fixtures.member(coalition, "signing-pages-observer", CoalitionRole.OBSERVER);
        bearer = api.login(secretary.email(), Fixtures.PASSWORD);
        base = "/c/" + coalition.slug() + "/signing";
        apiBase = "/api/v1/coalitions/" + coalition.slug();
        for (String name : List.of("Raster", "De Kern")) {
            String member = name + " " + Fixtures.unique("");
            Api.Response created = api.post(
                    apiBase + "/members", bearer, Map.of("name", member, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();
            memberIds.add(id);
            memberNames.add(member);
            representatives.add(fixtures.representative(coalition, UUID.fromString(id), "signing-pages-rep"));
        }
        documentId = upload(api, bearer, apiBase, "Convenant " + Fixtures.unique(""), pdf());
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String upload(Api api, String bearer, String apiBase, String title, byte[] pdf) {
        String boundary = "----ondertekenen" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"convenant.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pdf);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response uploaded = api.send(
                "POST", apiBase + "/documents", bearer, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }

    /** A request made through the API, as the secretary. */
    private String request(String title, String order, List<String> members) {
        Api.Response created = api.post(
                apiBase + "/signature-requests",
                bearer,
                Map.of(
                        "documentId", documentId,
                        "title", title,
                        "message", "Graag tekenen vóór de vergadering.",
                        "order", order,
                        "deadline", OffsetDateTime.now().plusDays(7).toString(),
                        "memberIds", members));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Browser as(Account account) {
        Browser browser = new Browser(server);
        browser.logIn(account.email(), Fixtures.PASSWORD);
        return browser;
    }

    /** A multipart form post from a logged-in browser, with the CSRF token the page gave it. */
    private HttpResponse<String> verifyForm(Browser browser, String csrf, byte[] content) throws Exception {
        String boundary = "----verifieren" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", ACCEPT)
                .header("Cookie", "JWT=" + browser.cookie("JWT") + "; csrfToken=" + browser.cookie("csrfToken"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSecretaryRequestsSignaturesThroughTheFormAndRefusalsShowAtTheField() {
        Browser browser = as(secretary);
        Browser.Page page = browser.get(base + "?documentId=" + documentId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "aria-current=\"page\">Ondertekenen",
                        "<h2 id=\"new-title\">Ondertekening aanvragen</h2>",
                        "name=\"memberIds\"",
                        memberNames.get(0),
                        memberNames.get(1),
                        "Op volgorde",
                        "id=\"deadlineDate\"")
                .containsPattern("value=\"" + documentId + "\"\\s+selected");
        assertThat(browser.get("/c/" + coalition.slug() + "/documents").body())
                .as("each document links to the request form")
                .contains(base + "?documentId=" + documentId + "#new-title", "Ondertekening aanvragen");

        String title = "Samenwerkingsovereenkomst " + Fixtures.unique("");
        Map<String, String> form = new HashMap<>(Map.of(
                "csrfToken",
                page.csrfToken(),
                "documentId",
                documentId,
                "title",
                title,
                "message",
                "Graag vóór vrijdag.",
                "order",
                "PARALLEL",
                "deadlineDate",
                "2020-01-01",
                "deadlineTime",
                "17:00",
                "memberIds",
                memberIds.get(0)));
        Browser.Page refused = browser.post(base, form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("href=\"#deadlineDate\"", "Kies een moment in de toekomst.", "value=\"" + title + "\"")
                .contains("id=\"deadlineDate-error\"", "Graag vóór vrijdag.")
                .containsPattern("value=\"" + memberIds.get(0) + "\"\\s+checked");

        form.remove("memberIds");
        form.put("deadlineDate", LocalDate.now().plusDays(10).toString());
        Browser.Page nobody = browser.post(base, form);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.body()).contains("href=\"#memberIds\"", "Kies ten minste één lid dat tekent.");

        // Two checkboxes with one name: posted as a repeated field.
        String encoded = "csrfToken=" + java.net.URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8)
                + "&documentId=" + documentId + "&title="
                + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8) + "&message=&order=SEQUENTIAL"
                + "&deadlineDate=" + LocalDate.now().plusDays(10) + "&deadlineTime=17%3A00&memberIds="
                + memberIds.get(0) + "&memberIds=" + memberIds.get(1);
        HttpResponse<String> created = postRaw(browser, base, encoded);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(base + "/[0-9a-f-]{36}\\?done=created");

        Browser.Page status = browser.get(location);
        assertThat(status.body())
                .contains(title, "Het verzoek is verstuurd", "Open", "0 van 2", "Op volgorde", "Verzoek intrekken")
                .contains(memberNames.get(0), memberNames.get(1), "Nog niet getekend")
                .contains("/api/v1/coalitions/" + coalition.slug() + "/signature-requests/")
                .doesNotContain("name=\"consent\"");
        assertThat(browser.get(base).body()).contains(title, "0 van 2", "Open");
    }

    private HttpResponse<String> postRaw(Browser browser, String path, String encoded) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", ACCEPT)
                    .header("Cookie", "JWT=" + browser.cookie("JWT") + "; csrfToken=" + browser.cookie("csrfToken"))
                    .POST(HttpRequest.BodyPublishers.ofString(encoded))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anObserverFollowsTheRequestsButGetsNoFormsAndA403OnEveryPost() {
        String title = "Convenant waarnemer " + Fixtures.unique("");
        String id = request(title, "PARALLEL", memberIds);
        Browser browser = as(observer);
        Browser.Page list = browser.get(base);
        assertThat(list.body()).contains(title, "0 van 2").doesNotContain("name=\"memberIds\"", "new-title");
        Browser.Page page = browser.get(base + "/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(title, "Graag tekenen vóór de vergadering.", memberNames.get(0))
                .doesNotContain("name=\"consent\"", "Verzoek intrekken", "Weigeren te tekenen", "IP-adres");
        String csrf = page.csrfToken();
        Map<String, Map<String, String>> posts = Map.of(
                "/" + id + "/sign",
                Map.of("consent", "on", "password", Fixtures.PASSWORD),
                "/" + id + "/decline",
                Map.of("declineReason", "Binnengesmokkeld"),
                "/" + id + "/cancel",
                Map.of("cancelReason", "Binnengesmokkeld"),
                "",
                Map.of(
                        "documentId",
                        documentId,
                        "order",
                        "PARALLEL",
                        "deadlineDate",
                        LocalDate.now().plusDays(3).toString(),
                        "deadlineTime",
                        "17:00",
                        "memberIds",
                        memberIds.get(0)));
        posts.forEach((action, fields) -> {
            Map<String, String> form = new HashMap<>(fields);
            form.put("csrfToken", csrf);
            assertThat(browser.post(base + action, form).status()).as(action).isEqualTo(403);
        });
        assertThat(browser.get(base + "/" + id).body())
                .doesNotContain("Binnengesmokkeld")
                .contains("Open");
    }

    @Test
    void theSigningFormIsOnlyForTheRepresentativeInTurn() {
        String title = "Convenant op volgorde " + Fixtures.unique("");
        String id = request(title, "SEQUENTIAL", memberIds);
        String path = base + "/" + id;

        Browser first = as(representatives.get(0));
        Browser.Page page = first.get(path);
        assertThat(page.body())
                .contains(
                        "Ondertekenen namens " + memberNames.get(0),
                        "Ik, signing-pages-rep, onderteken namens " + memberNames.get(0),
                        "name=\"consent\"",
                        "Ik ga akkoord",
                        "Bevestig met uw wachtwoord",
                        "type=\"password\"",
                        "Weigeren te tekenen")
                .doesNotContain("Verzoek intrekken");

        Browser second = as(representatives.get(1));
        assertThat(second.get(path).body())
                .contains("U tekent namens " + memberNames.get(1) + " zodra de ondertekenaars vóór u hebben getekend")
                .doesNotContain("name=\"consent\"", "name=\"password\"");
        assertThat(second.post(
                                path + "/sign",
                                Map.of(
                                        "csrfToken",
                                        second.get(path).csrfToken(),
                                        "consent",
                                        "on",
                                        "password",
                                        Fixtures.PASSWORD))
                        .body())
                .contains("Eerdere ondertekenaars moeten eerst tekenen");

        Browser secretaryBrowser = as(secretary);
        assertThat(secretaryBrowser.get(path).body())
                .contains("Verzoek intrekken")
                .doesNotContain("name=\"consent\"");

        // The first signs; now it is the second's turn, and the secretary sees the evidence.
        Browser.Page signed = first.post(
                path + "/sign", Map.of("csrfToken", page.csrfToken(), "consent", "on", "password", Fixtures.PASSWORD));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(303);
        assertThat(signed.header("Location")).isEqualTo(path + "?done=signed");
        assertThat(first.get(path + "?done=signed").body())
                .contains("Uw handtekening is vastgelegd.", "1 van 2", "Getekend", "signing-pages-rep")
                .doesNotContain("name=\"consent\"", "IP-adres");
        assertThat(second.get(path).body()).contains("name=\"consent\"", "Ondertekenen namens " + memberNames.get(1));
        assertThat(secretaryBrowser.get(path).body()).contains("IP-adres", "Java-http-client");
    }

    @Test
    void aWrongPasswordIsRefusedAtThePasswordFieldAndRecordsNothing() {
        String id = request("Convenant wachtwoord " + Fixtures.unique(""), "PARALLEL", memberIds);
        String path = base + "/" + id;
        Browser browser = as(representatives.get(0));
        String csrf = browser.get(path).csrfToken();

        Browser.Page wrong = browser.post(
                path + "/sign", Map.of("csrfToken", csrf, "consent", "on", "password", "niet het wachtwoord"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(
                        "href=\"#signingPassword\"",
                        "id=\"signingPassword-error\"",
                        "Dit wachtwoord klopt niet.",
                        "aria-invalid=\"true\"")
                .doesNotContain("niet het wachtwoord");

        Browser.Page noConsent = browser.post(path + "/sign", Map.of("csrfToken", csrf, "password", Fixtures.PASSWORD));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.body()).contains("href=\"#consent\"", "Vink aan dat u akkoord gaat met de verklaring.");

        JsonNode request =
                api.get(apiBase + "/signature-requests/" + id, bearer).json();
        for (JsonNode s : request.get("signatories")) {
            assertThat(s.get("state").asText()).isEqualTo("PENDING");
            assertThat(s.has("actedAt")).isFalse();
        }
        assertThat(browser.get(path).body()).contains("0 van 2", "name=\"consent\"");
    }

    @Test
    void aDeclineAndACancellationEndTheRequestWithTheirReason() {
        String declined = request("Convenant geweigerd " + Fixtures.unique(""), "PARALLEL", memberIds);
        Browser rep = as(representatives.get(1));
        String csrf = rep.get(base + "/" + declined).csrfToken();
        Browser.Page empty = rep.post(base + "/" + declined + "/decline", Map.of("csrfToken", csrf));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("href=\"#declineReason\"", "Vul dit veld in.");
        Browser.Page done = rep.post(
                base + "/" + declined + "/decline",
                Map.of("csrfToken", csrf, "declineReason", "Artikel 4 klopt niet."));
        assertThat(done.status()).isEqualTo(303);
        assertThat(rep.get(base + "/" + declined + "?done=declined").body())
                .contains("Geweigerd", "Artikel 4 klopt niet.", "Een ondertekenaar heeft geweigerd te tekenen")
                .doesNotContain("name=\"consent\"");

        String cancelled = request("Convenant ingetrokken " + Fixtures.unique(""), "PARALLEL", memberIds);
        Browser sec = as(secretary);
        Browser.Page cancel = sec.post(
                base + "/" + cancelled + "/cancel",
                Map.of("csrfToken", sec.get(base).csrfToken(), "cancelReason", "Verkeerde versie."));
        assertThat(cancel.status()).isEqualTo(303);
        assertThat(sec.get(base + "/" + cancelled).body())
                .contains("Ingetrokken", "Verkeerde versie.")
                .doesNotContain("cancelReason");
        assertThat(sec.get(base).body()).contains("Ingetrokken", "Geweigerd");
    }

    @Test
    void verifyingTellsAUserOfAnotherCoalitionNothingOfWhoseFinalItIs() throws Exception {
        String title = "Convenant verzegeld " + Fixtures.unique("");
        String id = request(title, "PARALLEL", memberIds);
        for (Account rep : representatives) {
            String token = api.login(rep.email(), Fixtures.PASSWORD);
            Api.Response signed = api.post(
                    apiBase + "/signature-requests/" + id + "/signatures",
                    token,
                    Map.of("password", Fixtures.PASSWORD, "consent", true));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        }
        Browser own = as(secretary);
        assertThat(own.get(base + "/" + id).body()).contains("Wordt verzegeld", "vernieuw de pagina");
        jobs.runDue();
        assertThat(own.get(base + "/" + id).body()).contains("Ondertekend document downloaden", "Ondertekend");
        byte[] sealed = bytes(apiBase + "/signature-requests/" + id + "/signed.pdf", bearer);

        HttpResponse<String> known = verifyForm(own, own.get("/verify").csrfToken(), sealed);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(known.body())
                .contains(
                        "Dit document is verzegeld door Samenspel en sinds de verzegeling niet gewijzigd.",
                        coalition.name(),
                        title,
                        base + "/" + id,
                        "signing-pages-rep (" + memberNames.get(0) + ")");

        CoalitionResponse other = fixtures.coalition("woudenberg-verify", LegalForm.COOPERATIE_UA);
        Account stranger = fixtures.member(other, "woudenberg-verifier", CoalitionRole.SECRETARY);
        Browser browser = as(stranger);
        Browser.Page form = browser.get("/verify");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Document verifiëren", "enctype=\"multipart/form-data\"", "href=\"/verify\"");
        HttpResponse<String> foreign = verifyForm(browser, form.csrfToken(), sealed);
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body())
                .contains(
                        "Dit document is verzegeld door Samenspel en sinds de verzegeling niet gewijzigd.",
                        "hoort bij een coalitie waarin u geen rol heeft")
                .doesNotContain(
                        coalition.name(),
                        coalition.slug(),
                        title,
                        id,
                        memberNames.get(0),
                        memberNames.get(1),
                        "signing-pages-rep");

        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        tampered.writeBytes(sealed);
        tampered.writeBytes("\n% gewijzigd\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        byte[] changed = tampered.toByteArray();
        assertThat(verifyForm(browser, form.csrfToken(), changed).body())
                .contains("Het zegel is verbroken: het document is na de verzegeling gewijzigd.");
        assertThat(verifyForm(browser, form.csrfToken(), pdf()).body())
                .contains("Dit document heeft geen zegel van Samenspel.");
        HttpResponse<String> notPdf =
                verifyForm(browser, form.csrfToken(), "geen pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(notPdf.body()).contains("href=\"#file\"", "Het bestand is geen leesbare pdf.");
        assertThat(verifyForm(browser, "niet-geldig", sealed).statusCode()).isEqualTo(403);
    }

    private byte[] bytes(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
