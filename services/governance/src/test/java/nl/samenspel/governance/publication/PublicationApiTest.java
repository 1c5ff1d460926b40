package nl.samenspel.governance.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Publication to staff through the API: the secretary publishes and withdraws; a staff member, granted
 * by its organisation's representative, reads what is published and gets 404 for everything else
 * (unpublished, withdrawn, members, figures, proposals, votes, meetings, documents, trajects); another
 * coalition's users get 404; the Atom feed behind a secret link parses and escapes.
 */
@MicronautTest(transactional = false)
class PublicationApiTest implements DatabaseTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    CoalitionResponse other;
    String base;
    String secretary;
    String observer;
    String rasterToken;
    String raster;
    String deKern;
    Account staffAccount;
    String staff;
    String staffObserver;
    String otherSecretary;
    String otherStaff;
    String otherBase;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("publicaties", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "pub-secretaris", CoalitionRole.SECRETARY));
        observer = login(fixtures.member(coalition, "pub-waarnemer", CoalitionRole.OBSERVER));
        raster = member("Raster");
        deKern = member("De Kern");
        rasterToken = login(fixtures.representative(coalition, UUID.fromString(raster), "pub-raster"));
        staffAccount = fixtures.account("pub-medewerker");
        Api.Response granted =
                api.post(base + "/staff", rasterToken, Map.of("email", staffAccount.email(), "memberId", raster));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(granted.json().get("memberId").asText()).isEqualTo(raster);
        staff = login(staffAccount);
        Account both = fixtures.member(coalition, "pub-medewerker-waarnemer", CoalitionRole.OBSERVER);
        assertThat(api.post(base + "/staff", secretary, Map.of("email", both.email(), "memberId", deKern))
                        .status())
                .isEqualTo(201);
        staffObserver = login(both);

        other = fixtures.coalition("publicaties-elders", LegalForm.SAMENWERKINGSVERBAND);
        otherBase = "/api/v1/coalitions/" + other.slug();
        otherSecretary = login(fixtures.member(other, "pub-elders-secretaris", CoalitionRole.SECRETARY));
        Account otherEmployee = fixtures.account("pub-elders-medewerker");
        String otherMember = api.post(
                        otherBase + "/members",
                        otherSecretary,
                        Map.of("name", "Elders " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                .json()
                .get("id")
                .asText();
        assertThat(api.post(
                                otherBase + "/staff",
                                otherSecretary,
                                Map.of("email", otherEmployee.email(), "memberId", otherMember))
                        .status())
                .isEqualTo(201);
        otherStaff = login(otherEmployee);
    }

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String member(String name) {
        Api.Response created = api.post(
                base + "/members",
                secretary,
                Map.of("name", name + " " + Fixtures.unique("m"), "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode publish(String kind, String title, String body) {
        Map<String, Object> r = new HashMap<>(Map.of("kind", kind, "title", title));
        if (body != null) {
            r.put("body", body);
        }
        Api.Response created = api.post(base + "/publications", secretary, r);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.forEach(p -> titles.add(p.get("title").asText()));
        return titles;
    }

    @Test
    void staffSeesPublishedPublicationsOnlyAndWithdrawnOnesAreGone() {
        String report = publish("REPORT", "Voortgang " + Fixtures.unique("r"), "Alles loopt volgens plan.")
                .get("id")
                .asText();
        JsonNode decision = publish("DECISION", "Besluit " + Fixtures.unique("d"), "Het jaarplan is vastgesteld.");
        String decisionId = decision.get("id").asText();
        Api.Response withdrawn = api.post(base + "/publications/" + decisionId + "/withdraw", secretary, Map.of());
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();

        List<String> seen = titles(api.get(base + "/publications", staff).json());
        assertThat(seen)
                .contains(api.get(base + "/publications/" + report, staff)
                        .json()
                        .get("title")
                        .asText());
        assertThat(seen).doesNotContain(decision.get("title").asText());
        Api.Response one = api.get(base + "/publications/" + report, staff);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("body").asText()).isEqualTo("Alles loopt volgens plan.");
        assertThat(api.get(base + "/publications/" + decisionId, staff).status())
                .isEqualTo(404);
        assertThat(api.get(base + "/publications/" + decisionId, observer).status())
                .isEqualTo(404);
        assertThat(api.get(base + "/publications/" + UUID.randomUUID(), staff).status())
                .isEqualTo(404);
        // The secretary keeps the record of what was withdrawn.
        assertThat(titles(api.get(base + "/publications", secretary).json()))
                .contains(decision.get("title").asText());
        assertThat(api.post(base + "/publications/" + decisionId + "/withdraw", secretary, Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(api.post(base + "/publications/" + UUID.randomUUID() + "/withdraw", secretary, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/publications/" + report + "/withdraw", staff, Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStaffOnlyAccountGets404EverywhereElseButOtherRolesAreKept() {
        List<String> elsewhere = new ArrayList<>(List.of(
                base,
                base + "/members",
                base + "/members/" + raster,
                base + "/bodies",
                base + "/meetings",
                base + "/proposals",
                base + "/subsidies",
                base + "/documents",
                base + "/trajects",
                base + "/roles",
                base + "/audit",
                base + "/staff"));
        for (String path : elsewhere) {
            Api.Response r = api.get(path, staff);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("Raster");
        }
        assertThat(api.post(base + "/calendar-link", staff, Map.of()).status()).isEqualTo(404);
        assertThat(api.post(base + "/trajects", staff, Map.of("title", "x")).status())
                .isEqualTo(404);
        assertThat(api.get(base + "/publications", staff).status()).isEqualTo(200);
        // Staff plus another role keeps the other role.
        assertThat(api.get(base + "/members", staffObserver).status()).isEqualTo(200);
        assertThat(api.get(base + "/publications", staffObserver).status()).isEqualTo(200);
        // The staff role shows in the account's own coalition list, so the start page can lead there.
        JsonNode mine = api.get("/api/v1/coalitions", staff).json();
        assertThat(mine.toString()).contains(coalition.slug(), "STAFF");
    }

    @Test
    void anotherCoalitionsUsersGet404OnPublicationsAndFeedLinks() {
        String id = publish("REPORT", "Alleen hier " + Fixtures.unique("r"), "Voor eigen medewerkers.")
                .get("id")
                .asText();
        for (String token : List.of(otherSecretary, otherStaff)) {
            assertThat(api.get(base + "/publications", token).status()).isEqualTo(404);
            assertThat(api.get(base + "/publications/" + id, token).status()).isEqualTo(404);
            assertThat(api.get(base + "/publications/" + id + "/document", token)
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(base + "/publications/" + id + "/withdraw", token, Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(base + "/publications/feed-link", token, Map.of())
                            .status())
                    .isEqualTo(404);
            assertThat(api.post(base + "/publications", token, Map.of("kind", "REPORT", "title", "x", "body", "y"))
                            .status())
                    .isEqualTo(404);
            // Under its own slug, the other coalition's publication id does not exist.
            assertThat(api.get(otherBase + "/publications/" + id, token).status())
                    .isEqualTo(404);
            assertThat(titles(api.get(otherBase + "/publications", token).json()))
                    .doesNotContain("Alleen hier");
        }
        assertThat(api.post(otherBase + "/publications/" + id + "/withdraw", otherSecretary, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(base + "/staff", otherSecretary, Map.of("email", "x@example.org", "memberId", raster))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badInputOnPublishIsA422NamingTheField() {
        assertField(api.post(base + "/publications", secretary, Map.of("kind", "REPORT", "body", "tekst")), "title");
        assertField(
                api.post(base + "/publications", secretary, Map.of("kind", "REPORT", "title", "Zonder tekst")), "body");
        assertField(
                api.post(base + "/publications", secretary, Map.of("kind", "DOCUMENT", "title", "Zonder document")),
                "documentId");
        assertField(
                api.post(
                        base + "/publications",
                        secretary,
                        Map.of(
                                "kind",
                                "REPORT",
                                "title",
                                "Met document",
                                "body",
                                "x",
                                "documentId",
                                UUID.randomUUID())),
                "documentId");
        assertField(
                api.post(
                        base + "/publications",
                        secretary,
                        Map.of("kind", "REPORT", "title", "Traject", "body", "x", "trajectId", UUID.randomUUID())),
                "trajectId");
        assertField(
                api.post(
                        base + "/publications",
                        secretary,
                        Map.of("kind", "REPORT", "title", "Twee\nregels", "body", "x")),
                "title");
        assertField(api.post(base + "/publications", secretary, Map.of("title", "Geen soort", "body", "x")), "kind");
        assertField(
                api.post(
                        base + "/publications",
                        secretary,
                        Map.of("kind", "REPORT", "title", "x".repeat(201), "body", "x")),
                "title");
        Api.Response badKind =
                api.post(base + "/publications", secretary, Map.of("kind", "GERUCHT", "title", "x", "body", "x"));
        assertThat(badKind.status()).as(badKind.toString()).isIn(400, 422);
        assertThat(api.post(base + "/publications", observer, Map.of("kind", "REPORT", "title", "x", "body", "y"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(base + "/publications", staff, Map.of("kind", "REPORT", "title", "x", "body", "y"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void staffIsGrantedByItsOwnOrganisationOnly() {
        Account employee = fixtures.account("pub-kern-medewerker");
        Api.Response notYours =
                api.post(base + "/staff", rasterToken, Map.of("email", employee.email(), "memberId", deKern));
        assertThat(notYours.status()).as(notYours.toString()).isEqualTo(403);
        assertField(
                api.post(base + "/staff", rasterToken, Map.of("email", "niemand@example.org", "memberId", raster)),
                "email");
        assertField(
                api.post(base + "/staff", secretary, Map.of("email", employee.email(), "memberId", UUID.randomUUID())),
                "memberId");
        assertField(api.post(base + "/staff", secretary, Map.of("email", "geen-adres", "memberId", raster)), "email");
        assertField(api.post(base + "/roles", secretary, Map.of("email", employee.email(), "role", "STAFF")), "role");
        assertThat(api.post(base + "/staff", observer, Map.of("email", employee.email(), "memberId", raster))
                        .status())
                .isEqualTo(403);

        // Raster's representative sees and revokes its own staff; then the staff member sees nothing.
        Account leaving = fixtures.account("pub-vertrekker");
        assertThat(api.post(base + "/staff", rasterToken, Map.of("email", leaving.email(), "memberId", raster))
                        .status())
                .isEqualTo(201);
        String leavingToken = login(leaving);
        assertThat(api.get(base + "/publications", leavingToken).status()).isEqualTo(200);
        JsonNode rasterStaff = api.get(base + "/staff", rasterToken).json();
        assertThat(rasterStaff.toString()).contains(leaving.email()).doesNotContain("pub-medewerker-waarnemer");
        Api.Response revoked = api.post(
                base + "/staff/revoke",
                rasterToken,
                Map.of("accountId", leaving.id().toString()));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(api.get(base + "/publications", leavingToken).status()).isEqualTo(404);
        assertThat(api.post(
                                base + "/staff/revoke",
                                rasterToken,
                                Map.of("accountId", leaving.id().toString()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPublishedDocumentIsDownloadedThroughItsPublicationOnly() {
        byte[] pdf = new DocumentRenderer()
                .render(new StatuteVersionDocument(
                        coalition.name(),
                        "samenwerkingsverband",
                        1,
                        "Jaarplan",
                        LocalDate.of(2026, 1, 1),
                        List.of(new StatuteVersionDocument.Article("1", "Doel", "Samen preventie."))));
        String published = upload(pdf, "jaarplan.pdf");
        String unpublished = upload(pdf, "concept.pdf");
        Api.Response created = api.post(
                base + "/publications",
                secretary,
                Map.of("kind", "DOCUMENT", "title", "Jaarplan als PDF", "documentId", published));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        Api.Response download = api.get(base + "/publications/" + id + "/document", staff);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.raw().body().getBytes(StandardCharsets.ISO_8859_1))
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        // Not through the documents, and not the unpublished one.
        assertThat(api.get(base + "/documents/" + published + "/content", staff).status())
                .isEqualTo(404);
        assertThat(api.get(base + "/documents/" + unpublished + "/content", staff)
                        .status())
                .isEqualTo(404);
        String report = publish("REPORT", "Zonder bijlage " + Fixtures.unique("r"), "Tekst.")
                .get("id")
                .asText();
        assertThat(api.get(base + "/publications/" + report + "/document", staff)
                        .status())
                .isEqualTo(404);
        api.post(base + "/publications/" + id + "/withdraw", secretary, Map.of());
        assertThat(api.get(base + "/publications/" + id + "/document", staff).status())
                .isEqualTo(404);
        assertThat(api.get(base + "/publications/" + id + "/document", secretary)
                        .status())
                .isEqualTo(404);
    }

    private String upload(byte[] pdf, String filename) {
        Api.Multipart file = Api.Multipart.file(filename, "application/pdf", pdf);
        Api.Response uploaded = api.send("POST", base + "/documents", secretary, file.contentType(), file.bytes());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }

    @Test
    void theAtomFeedBehindASecretLinkParsesEscapesAndStopsWhenReplacedOrRevoked() throws Exception {
        String tricky = "Rapport <b>vet</b> & \"citaat\" " + Fixtures.unique("a");
        publish("REPORT", tricky, "Tekst met <script>alert(1)</script> & meer.");
        JsonNode gone = publish("DECISION", "Ingetrokken " + Fixtures.unique("w"), "Weg.");
        api.post(base + "/publications/" + gone.get("id").asText() + "/withdraw", secretary, Map.of());

        Api.Response linked = api.post(base + "/publications/feed-link", staff, Map.of());
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        String url = linked.json().get("url").asText();
        assertThat(url).matches(".*/atom/[^/]+\\.atom");
        String path = url.substring(url.indexOf("/atom/"));

        Api.Response feed = api.get(path, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(feed.body()).doesNotContain("<b>vet</b>", "<script>");
        Document xml = parse(feed.body());
        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        List<String> titles = new ArrayList<>();
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            assertThat(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent())
                    .startsWith("urn:uuid:");
            assertThat(entry.getElementsByTagNameNS(ATOM, "updated").getLength())
                    .isEqualTo(1);
        }
        assertThat(titles).contains(tricky).doesNotContain(gone.get("title").asText());
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent())
                .isEqualTo("Tekst met <script>alert(1)</script> & meer.");

        // A bad or unknown token is a 404; a new link revokes the old one.
        assertThat(api.get("/atom/not-a-token.atom", null).status()).isEqualTo(404);
        // The same link with its last four characters changed (a token may end in any URL-safe character).
        String stem = path.substring(0, path.length() - ".atom".length() - 4);
        String altered = stem + (path.startsWith("AAAA", stem.length()) ? "BBBB" : "AAAA") + ".atom";
        assertThat(api.get(altered, null).status()).isEqualTo(404);
        String second = api.post(base + "/publications/feed-link", staff, Map.of())
                .json()
                .get("url")
                .asText();
        assertThat(api.get(path, null).status()).isEqualTo(404);
        String secondPath = second.substring(second.indexOf("/atom/"));
        assertThat(api.get(secondPath, null).status()).isEqualTo(200);
        // The other coalition's feed shows none of this coalition's publications.
        String otherUrl = api.post(otherBase + "/publications/feed-link", otherStaff, Map.of())
                .json()
                .get("url")
                .asText();
        String otherFeed =
                api.get(otherUrl.substring(otherUrl.indexOf("/atom/")), null).body();
        assertThat(parse(otherFeed).getElementsByTagNameNS(ATOM, "entry").getLength())
                .isZero();
        assertThat(otherFeed).doesNotContain("Rapport");
    }

    @Test
    void aFeedLinkStopsWhenTheStaffRoleIsRevoked() {
        Account employee = fixtures.account("pub-feed-vertrekker");
        api.post(base + "/staff", rasterToken, Map.of("email", employee.email(), "memberId", raster));
        String token = login(employee);
        String url = api.post(base + "/publications/feed-link", token, Map.of())
                .json()
                .get("url")
                .asText();
        String path = url.substring(url.indexOf("/atom/"));
        assertThat(api.get(path, null).status()).isEqualTo(200);
        api.post(
                base + "/staff/revoke",
                secretary,
                Map.of("accountId", employee.id().toString()));
        assertThat(api.get(path, null).status()).isEqualTo(404);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isIn(400, 422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).as(response.toString()).contains("\"" + field);
    }
}
