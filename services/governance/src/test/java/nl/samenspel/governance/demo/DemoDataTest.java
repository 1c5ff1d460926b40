package nl.samenspel.governance.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.samenspel.core.config.MissingSettingsException;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DemoDataTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("samenspel.demo-data", "true");
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
    }

    @Test
    void theDeventerSecretarySeesTheFourPartners() {
        String token = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode page =
                api.get("/api/v1/coalitions/deventer-preventie/members", token).json();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(m -> names.add(m.get("name").asText()));
        assertThat(names).containsExactly("De Kern", "MEE IJsseloevers", "Raster", "Zorggroep Solis");
        long total = 0;
        for (JsonNode m : page.get("items")) {
            total += m.get("contributionCents").asLong();
        }
        // De Kern 743.955 + Raster 1.209.505 + MEE 979.588 + Solis 96.425 (Deventer cost overview 2020)
        assertThat(total).isEqualTo(302_947_300L);
    }

    @Test
    void mee_actsInBothCoalitions() {
        String token = api.login("k.jansen@mee.demo", DemoData.PASSWORD);
        String me = api.get("/api/v1/me", token).body();
        assertThat(me).contains("deventer-preventie", "de-kleine-schans", "REPRESENTATIVE");
    }

    @Test
    void bothAuditChainsVerifyAfterLoading() {
        for (String[] c : new String[][] {
            {"secretaris@deventer.demo", "deventer-preventie"}, {"secretaris@woudenberg.demo", "de-kleine-schans"}
        }) {
            String token = api.login(c[0], DemoData.PASSWORD);
            JsonNode verification = api.get("/api/v1/coalitions/" + c[1] + "/audit/verification", token)
                    .json();
            assertThat(verification.get("intact").asBoolean()).as(c[1]).isTrue();
            assertThat(verification.get("events").asLong()).isGreaterThan(5);
        }
    }

    @Test
    void woudenbergCannotSeeDeventer() {
        String token = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        assertThat(api.get("/api/v1/coalitions/deventer-preventie/members", token)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deventerHasItsPenvoerder() {
        String token = api.login("opdrachtgever@deventer.demo", DemoData.PASSWORD);
        String body = api.get("/api/v1/coalitions/deventer-preventie/penvoerderschap", token)
                .body();
        assertThat(body).contains("Opdracht preventie 2021", "Raster");
    }

    @Test
    void deKleineSchansHasADraftStatuteWithBookTwoRules() {
        String token = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        JsonNode versions =
                api.get("/api/v1/coalitions/de-kleine-schans/statutes", token).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(versions.get(0).get("articles")).hasSize(7);
        assertThat(versions.get(0)
                        .get("rules")
                        .get("majority")
                        .get("STATUTE_AMENDMENT")
                        .asText())
                .isEqualTo("TWO_THIRDS");
    }

    @Test
    void theDeventerStuurgroepMeetsEveryTwoWeeksThenEveryThree() {
        String token = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode bodies =
                api.get("/api/v1/coalitions/deventer-preventie/bodies", token).json();
        String stuurgroep = null;
        for (JsonNode b : bodies) {
            if (b.get("name").asText().equals("Stuurgroep")) {
                stuurgroep = b.get("id").asText();
            }
        }
        JsonNode next = api.get(
                        "/api/v1/coalitions/deventer-preventie/bodies/" + stuurgroep
                                + "/rhythm/next?from=2021-01-11&count=6",
                        token)
                .json();
        assertThat(next.toString())
                .contains("2021-01-11", "2021-01-25", "2021-02-08", "2021-02-22", "2021-03-15", "2021-04-05");
        String woudenberg = api.get(
                        "/api/v1/coalitions/de-kleine-schans/bodies",
                        api.login("secretaris@woudenberg.demo", DemoData.PASSWORD))
                .body();
        assertThat(woudenberg).contains("Stuurgroep oprichting", "Ontwikkeltafel governance");
    }

    @Test
    void theWebShowsDeventersPenvoerderAndTheStuurgroepsRhythm() {
        nl.samenspel.governance.support.Browser browser = new nl.samenspel.governance.support.Browser(server);
        browser.logIn("secretaris@deventer.demo", DemoData.PASSWORD);
        assertThat(browser.get("/c/deventer-preventie").body())
                .contains("Penvoerder voor Opdracht preventie 2021: Raster");
        String bodies = browser.get("/c/deventer-preventie/bodies").body();
        assertThat(bodies)
                .contains(
                        "Stuurgroep",
                        "Manager Raster — voorzitter (Raster)",
                        "elke 2 weken tot 01-03-2021",
                        "daarna elke 3 weken")
                .contains("Geen formele rol: dit orgaan neemt geen besluiten.");
    }

    @jakarta.inject.Inject
    nl.samenspel.governance.job.JobRunner jobs;

    @Test
    void deventerHasSignedItsDecisionListAndWoudenbergWaitsForMeeToSignTheDraftStatutes() {
        String deventer = "/api/v1/coalitions/deventer-preventie/signature-requests";
        String accountant = api.login("accountant@deventer.demo", DemoData.PASSWORD);
        JsonNode signed = api.get(deventer, accountant).json();
        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).get("signatories"))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("SIGNED"));
        // The local run's job runner seals it a few seconds after start; here the test runs it.
        jobs.runDue();
        JsonNode done = api.get(deventer + "/" + signed.get(0).get("id").asText(), accountant)
                .json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("signed").get("pages").asInt()).isGreaterThan(1);

        String mee = api.login("k.jansen@mee.demo", DemoData.PASSWORD);
        JsonNode statutes = api.get("/api/v1/coalitions/de-kleine-schans/signature-requests", mee)
                .json();
        assertThat(statutes).hasSize(1);
        assertThat(statutes.get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(statutes.get(0).get("order").asText()).isEqualTo("SEQUENTIAL");
        assertThat(statutes.get(0).get("yourTurns").get(0).get("inTurn").asBoolean())
                .isTrue();
        assertThat(statutes.get(0).get("documentTitle").asText()).contains("De Kleine Schans");
    }

    @Test
    void deventersTwentyTwentyOnePackIsMadeAfterStartAndTheAccountantDownloadsIt() {
        String secretary = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        String base = "/api/v1/coalitions/deventer-preventie/subsidies";
        String subsidy = api.get(base, secretary).json().get(0).get("id").asText();
        jobs.runDue();
        JsonNode packs = api.get(base + "/" + subsidy + "/packs", secretary).json();
        assertThat(packs).isNotEmpty();
        assertThat(packs.get(packs.size() - 1).get("status").asText()).isEqualTo("DONE");
        String accountant = api.login("accountant@deventer.demo", DemoData.PASSWORD);
        assertThat(api.get(base, accountant).json()).hasSize(1);
        String pack = base + "/" + subsidy + "/packs/"
                + packs.get(packs.size() - 1).get("id").asText();
        Api.Response pdf = api.get(pack + "/pack.pdf", accountant);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
    }

    /**
     * The pack of the demo year as an accountant gets it: PDF/A-2b by veraPDF, its seal valid and
     * covering the whole file by pdfsig, and its grand totals those of the figures in the database.
     */
    @Test
    void deventersPackIsPdfABySealValidAndItsTotalsAreTheDatabases(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String secretary = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        String base = "/api/v1/coalitions/deventer-preventie/subsidies";
        String subsidy = api.get(base, secretary).json().get(0).get("id").asText();
        jobs.runDue();
        JsonNode packs = api.get(base + "/" + subsidy + "/packs", secretary).json();
        String id = packs.get(packs.size() - 1).get("id").asText();
        byte[] pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.getPort()
                                        + base + "/" + subsidy + "/packs/" + id + "/pack.pdf"))
                                .header("Authorization", "Bearer " + secretary)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertThat(nl.samenspel.documents.PdfAValidation.failures(pdf)).isEmpty();
        java.nio.file.Path file = nl.samenspel.documents.ExternalTools.write(dir, "pakket.pdf", pdf);
        nl.samenspel.documents.ExternalTools.Run pdfsig = nl.samenspel.documents.ExternalTools.run(file, "pdfsig");
        assertThat(pdfsig.output()).contains("Signature is Valid", "Total document signed");
        assertThat(nl.samenspel.documents.ExternalTools.run(file, "qpdf", "--check")
                        .exitCode())
                .isZero();
        nl.samenspel.documents.ExternalTools.Run text =
                nl.samenspel.documents.ExternalTools.run(file, "pdftotext", "-layout");
        assertThat(text.exitCode()).isZero();
        String pages = java.nio.file.Files.readString(dir.resolve("pakket.txt"));

        // The sums, made by the database itself from the stored lines.
        nl.samenspel.core.testing.TestDatabase db = DatabaseTest.database();
        long budget;
        long realised;
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT sum(budget_cents), sum(realised_cents) FROM samenspel.budget_line WHERE subsidy_id = ?::uuid")) {
            ps.setString(1, subsidy);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                budget = rs.getLong(1);
                realised = rs.getLong(2);
            }
        }
        java.text.NumberFormat euros =
                java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("nl-NL"));
        euros.setMinimumFractionDigits(2);
        euros.setMaximumFractionDigits(2);
        String totalLine = java.util.Arrays.stream(pages.split("\n"))
                .filter(l -> l.strip().startsWith("Totaal ")
                        || l.strip().startsWith("Totaal\t")
                        || l.strip().matches("Totaal\\s+€.*"))
                .filter(l -> l.contains("€ " + euros.format(budget / 100.0)))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no grand total of € " + euros.format(budget / 100.0) + " in the pack"));
        assertThat(totalLine).contains("€ " + euros.format(realised / 100.0));
    }

    @Test
    void theDemoHasADecidedAndAnOpenProposalAndDeKernMayStillVote() {
        String base = "/api/v1/coalitions/deventer-preventie";
        String secretary = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode register = api.get(base + "/decision-register", secretary).json();
        assertThat(register).hasSize(1);
        assertThat(register.get(0).get("title").asText()).isEqualTo("Jaarplan 2022 Van preventie naar potentie");
        assertThat(register.get(0).get("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(register.get(0).get("votesFor").asInt()).isEqualTo(4);

        String deKern = api.login("vertegenwoordiger@dekern.demo", DemoData.PASSWORD);
        String open = null;
        for (JsonNode p : api.get(base + "/proposals", deKern).json()) {
            if (p.get("status").asText().equals("OPEN")) {
                open = p.get("id").asText();
            }
        }
        assertThat(open).as("an open proposal").isNotNull();
        Api.Response cast = api.post(base + "/proposals/" + open + "/votes", deKern, Map.of("choice", "AGAINST"));
        assertThat(cast.status()).as(cast.toString()).isEqualTo(201);

        String mee = api.login("k.jansen@mee.demo", DemoData.PASSWORD);
        JsonNode woudenberg =
                api.get("/api/v1/coalitions/de-kleine-schans/proposals", mee).json();
        assertThat(woudenberg).hasSize(1);
        assertThat(woudenberg.get(0).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void theDeventerStuurgroepHasAMeetingHistory() {
        String token = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        String base = "/api/v1/coalitions/deventer-preventie";
        List<JsonNode> stuurgroep = new ArrayList<>();
        api.get(base + "/meetings", token).json().forEach(m -> {
            if (m.get("bodyName").asText().equals("Stuurgroep")) {
                stuurgroep.add(m);
            }
        });
        assertThat(stuurgroep).hasSize(3);
        OffsetDateTime now = OffsetDateTime.now();
        JsonNode first =
                api.get(base + "/meetings/" + id(stuurgroep.get(0)), token).json();
        JsonNode second =
                api.get(base + "/meetings/" + id(stuurgroep.get(1)), token).json();
        JsonNode third =
                api.get(base + "/meetings/" + id(stuurgroep.get(2)), token).json();
        assertThat(startsAt(first)).isBefore(now.minusDays(14));
        assertThat(startsAt(second)).isBefore(now.minusDays(3)).isAfter(startsAt(first));
        assertThat(startsAt(third)).isAfter(now.plusDays(7));

        assertThat(kinds(first)).contains("DECISION");
        assertThat(first.get("minutes").get("status").asText()).isEqualTo("APPROVED");
        assertThat(first.get("minutes").get("approvedInMeetingId").asText()).isEqualTo(id(second));
        assertThat(first.get("decisions")).hasSize(1);
        JsonNode solis = attendance(first, "Zorggroep Solis");
        assertThat(solis.get("status").asText()).isEqualTo("REPRESENTED");
        assertThat(solis.get("proxyHolderName").asText()).isEqualTo("De Kern");
        assertThat(first.get("quorum").get("results").get(0).get("met").asBoolean())
                .isTrue();

        assertThat(second.get("minutes").get("status").asText()).isEqualTo("DRAFT");
        assertThat(second.get("decisions")).hasSize(1);
        assertThat(second.get("actions")).hasSize(3);

        JsonNode decisions = api.get(base + "/decisions", token).json();
        assertThat(decisions).hasSize(2);
        for (JsonNode decision : decisions) {
            assertThat(decision.get("outcome").asText()).isEqualTo("ADOPTED");
        }
        JsonNode open = api.get(base + "/actions?open=true", token).json();
        assertThat(open).hasSize(2);
        for (JsonNode action : open) {
            assertThat(LocalDate.parse(action.get("dueOn").asText())).isAfter(LocalDate.now());
        }
        List<String> statuses = new ArrayList<>();
        api.get(base + "/actions", token)
                .json()
                .forEach(a -> statuses.add(a.get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("OPEN", "OPEN", "DONE");

        assertThat(third.get("status").asText()).isEqualTo("CONVENED");
        assertThat(kinds(third)).contains("DECISION");
        assertThat(third.get("minutesToApprove").get(0).get("meetingId").asText())
                .isEqualTo(id(second));
        JsonNode quorum = third.get("quorum");
        assertThat(quorum.get("rulesSource").asText()).isNotBlank();
        assertThat(quorum.get("results").get(0).get("explanation")).isNotEmpty();
        // The next meeting follows the stuurgroep's rhythm: three weeks after the last one.
        assertThat(startsAt(third).toLocalDate())
                .isEqualTo(startsAt(second).toLocalDate().plusWeeks(3));
    }

    @Test
    void woudenbergsAlvIsToDecideOnTheDraftStatutes() {
        String token = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        String base = "/api/v1/coalitions/de-kleine-schans";
        JsonNode alv = null;
        JsonNode tafel = null;
        for (JsonNode m : api.get(base + "/meetings", token).json()) {
            if (m.get("bodyName").asText().equals("Algemene ledenvergadering")) {
                alv = api.get(base + "/meetings/" + id(m), token).json();
            }
            if (m.get("bodyName").asText().equals("Ontwikkeltafel governance")) {
                tafel = api.get(base + "/meetings/" + id(m), token).json();
            }
        }
        assertThat(alv).isNotNull();
        assertThat(startsAt(alv)).isAfter(OffsetDateTime.now().plusDays(8));
        JsonNode amendment = null;
        for (JsonNode item : alv.get("agenda")) {
            if ("STATUTE_AMENDMENT".equals(item.path("decisionType").asText())) {
                amendment = item;
            }
        }
        assertThat(amendment).as(alv.toString()).isNotNull();
        assertThat(amendment.get("documents")).hasSize(1);

        assertThat(tafel).isNotNull();
        assertThat(startsAt(tafel)).isBefore(OffsetDateTime.now());
        assertThat(kinds(tafel)).doesNotContain("DECISION");
        assertThat(tafel.get("actions")).hasSize(1);
        assertThat(tafel.get("actions").get(0).get("status").asText()).isEqualTo("OPEN");
    }

    private static String id(JsonNode meeting) {
        return meeting.get("id").asText();
    }

    private static OffsetDateTime startsAt(JsonNode meeting) {
        return OffsetDateTime.parse(meeting.get("startsAt").asText());
    }

    private static List<String> kinds(JsonNode meeting) {
        List<String> kinds = new ArrayList<>();
        meeting.get("agenda").forEach(i -> kinds.add(i.get("kind").asText()));
        return kinds;
    }

    private static JsonNode attendance(JsonNode meeting, String member) {
        for (JsonNode a : meeting.get("attendance")) {
            if (a.get("memberName").asText().equals(member)) {
                return a;
            }
        }
        throw new AssertionError(member + " not in " + meeting.get("attendance"));
    }

    @Test
    void deventersSubsidyFiguresAddUpAndEachPartnerSeesWhatItMay() {
        String base = "/api/v1/coalitions/deventer-preventie";
        String secretary = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode subsidies = api.get(base + "/subsidies", secretary).json();
        assertThat(subsidies).hasSize(1);
        JsonNode subsidy = subsidies.get(0);
        assertThat(subsidy.get("title").asText()).isEqualTo("Opdracht preventie 2021");
        assertThat(subsidy.get("amountCents").asLong()).isEqualTo(420_788_500L);
        assertThat(subsidy.get("penvoerderName").asText()).isEqualTo("Raster");
        assertThat(subsidy.get("accountantStatementRequired").asBoolean()).isTrue();
        JsonNode penvoerderschap = api.get(base + "/penvoerderschap", secretary).json();
        assertThat(subsidy.get("scope").asText())
                .isEqualTo(penvoerderschap.get(0).get("scope").asText());
        String figuresPath = base + "/subsidies/" + subsidy.get("id").asText() + "/figures";

        JsonNode all = api.get(figuresPath, secretary).json();
        Map<String, Long> budgetByMember = new TreeMap<>();
        long budget = 0;
        long realised = 0;
        int explained = 0;
        for (JsonNode line : all.get("budgetLines")) {
            budgetByMember.merge(
                    line.get("memberName").asText(), line.get("budgetCents").asLong(), Long::sum);
            budget += line.get("budgetCents").asLong();
            realised += line.path("realisedCents").asLong(0);
            if (line.get("explanationRequired").asBoolean()) {
                assertThat(line.path("explanation").asText())
                        .as(line.toString())
                        .isNotBlank();
                explained++;
            }
        }
        assertThat(budgetByMember)
                .containsOnlyKeys("De Kern", "MEE IJsseloevers", "Raster", "Zorggroep Solis")
                // The partners' lines of the 2020 cost overview.
                .containsEntry("De Kern", 74_395_500L)
                .containsEntry("Raster", 120_950_500L)
                .containsEntry("MEE IJsseloevers", 97_958_800L)
                .containsEntry("Zorggroep Solis", 9_642_500L);
        assertThat(explained).isEqualTo(1);
        JsonNode total = null;
        for (JsonNode t : all.get("totals")) {
            if (t.path("memberId").isNull() || t.path("memberId").isMissingNode()) {
                total = t;
            } else {
                assertThat(t.get("budgetCents").asLong())
                        .as(t.get("memberName").asText())
                        .isEqualTo(budgetByMember.get(t.get("memberName").asText()));
            }
        }
        assertThat(total).as(all.get("totals").toString()).isNotNull();
        assertThat(total.get("budgetCents").asLong()).isEqualTo(budget).isEqualTo(302_947_300L);
        assertThat(total.get("realisedCents").asLong()).isEqualTo(realised);
        assertThat(total.get("ftePlanned").decimalValue()).isEqualByComparingTo("20.41");
        Set<String> levels = new TreeSet<>();
        all.get("indicators").forEach(i -> levels.add(i.get("group").asText()));
        assertThat(levels).hasSize(5);
        assertThat(all.get("milestones")).hasSize(10);
        assertThat(all.get("risks")).hasSize(3);

        // The penvoerder's representative sees all four partners' figures.
        JsonNode raster = api.get(figuresPath, api.login("vertegenwoordiger@raster.demo", DemoData.PASSWORD))
                .json();
        assertThat(raster.get("allMembers").asBoolean()).isTrue();
        assertThat(memberNames(raster.get("budgetLines")))
                .containsExactlyInAnyOrder("De Kern", "MEE IJsseloevers", "Raster", "Zorggroep Solis");

        // De Kern's representative sees De Kern's lines only.
        JsonNode deKern = api.get(figuresPath, api.login("vertegenwoordiger@dekern.demo", DemoData.PASSWORD))
                .json();
        assertThat(deKern.get("allMembers").asBoolean()).isFalse();
        assertThat(deKern.get("budgetLines")).hasSize(3);
        assertThat(memberNames(deKern.get("budgetLines"))).containsExactly("De Kern");
        assertThat(memberNames(deKern.get("indicators"))).containsExactly("De Kern");
        assertThat(deKern.path("milestones").size()).isZero();
    }

    @Test
    void deKleineSchansHasTheIndicatorsOfItsFoundingPlan() {
        String base = "/api/v1/coalitions/de-kleine-schans";
        String secretary = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        JsonNode subsidies = api.get(base + "/subsidies", secretary).json();
        assertThat(subsidies).hasSize(1);
        assertThat(subsidies.get(0).get("year").asInt())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear());
        assertThat(subsidies.get(0).path("penvoerderName").isMissingNode()
                        || subsidies.get(0).path("penvoerderName").isNull())
                .isTrue();
        String figuresPath = base + "/subsidies/" + subsidies.get(0).get("id").asText() + "/figures";
        JsonNode all = api.get(figuresPath, secretary).json();
        Set<String> effects = new TreeSet<>();
        all.get("indicators").forEach(i -> effects.add(i.get("group").asText()));
        assertThat(effects)
                .containsExactlyInAnyOrder(
                        "Lenigen nood",
                        "Verhogen van zelfredzaamheid",
                        "Maatwerk naar wijk/individu",
                        "Verlagen beroep op specialistische zorg",
                        "Binnen afgesproken budgetten");
        assertThat(memberNames(all.get("indicators"))).containsExactlyInAnyOrder("Gemeente Woudenberg", "MEE");

        JsonNode mee = api.get(figuresPath, api.login("k.jansen@mee.demo", DemoData.PASSWORD))
                .json();
        assertThat(memberNames(mee.get("indicators"))).containsExactly("MEE");
    }

    private static Set<String> memberNames(JsonNode lines) {
        Set<String> names = new TreeSet<>();
        lines.forEach(l -> names.add(l.get("memberName").asText()));
        return names;
    }

    @Test
    void theProductionEnvironmentNeverLoadsDemoData() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("samenspel.demo-data", "true");

        // Refused before any bean, DemoData's own @Requires(notEnv = "prod") included; with every setting
        // right the prod context has no DemoData bean at all (ProductionStartTest).
        Throwable refused = catchThrowable(() -> ApplicationContext.builder("prod")
                .properties(properties)
                .start()
                .close());

        assertThat(refused)
                .rootCause()
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("SAMENSPEL_DEMO_DATA (samenspel.demo-data): must not be true in prod");
    }

    @Test
    void bothCoalitionsHaveTheirTrajectWithPhasesAndMilestones() {
        String deventer = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        JsonNode plans = api.get("/api/v1/coalitions/deventer-preventie/trajects", deventer)
                .json();
        assertThat(plans).hasSize(1);
        JsonNode plan = plans.get(0);
        assertThat(plan.get("title").asText()).isEqualTo("Van preventie naar potentie 2021");
        assertThat(plan.get("ownerBodyName").asText()).isEqualTo("Projectgroep");
        List<String> lines = new ArrayList<>();
        plan.get("phases").forEach(p -> lines.add(p.get("name").asText()));
        assertThat(lines)
                .containsExactly(
                        "Ontschot werken", "Dichtbij", "Samen opleiden", "Effectiviteitsmeting", "Samenwerking");
        // The plan's ten milestones, each in its line; the effectiveness measurement was moved to 2022.
        assertThat(plan.get("milestones")).hasSize(10);
        plan.get("milestones")
                .forEach(m -> assertThat(m.get("phaseId").isNull()).isFalse());
        assertThat(plan.get("phases").get(3).get("timeliness").asText()).isEqualTo("OVERDUE");
        assertThat(plan.get("status").get("milestones").get("dropped").asInt()).isEqualTo(1);

        String woudenberg = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        JsonNode founding = api.get("/api/v1/coalitions/de-kleine-schans/trajects", woudenberg)
                .json()
                .get(0);
        assertThat(founding.get("title").asText()).isEqualTo("Oprichting coöperatie De Kleine Schans");
        JsonNode steps = founding.get("phases");
        assertThat(steps).hasSize(5);
        // Today falls in step 5, the implementation; the four steps before it are done.
        assertThat(founding.get("status").get("phasesDone").asInt()).isEqualTo(4);
        assertThat(founding.get("status").get("currentPhaseId").asText())
                .isEqualTo(steps.get(4).get("id").asText());
        assertThat(steps.get(4).get("timeliness").asText()).isEqualTo("ON_TIME");
    }

    @Test
    void rastersEmployeeReadsDeventersPublicationsAndNothingElse() {
        String staff = api.login("medewerker@raster.demo", DemoData.PASSWORD);
        JsonNode publications = api.get("/api/v1/coalitions/deventer-preventie/publications", staff)
                .json();
        List<String> kinds = new ArrayList<>();
        publications.forEach(p -> kinds.add(p.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("PLAN", "REPORT", "DECISION");
        publications.forEach(
                p -> assertThat(p.path("withdrawnAt").isMissingNode()).isTrue());
        assertThat(publications.toString()).contains("Jaarplan 2021", "Van preventie naar potentie 2021");
        assertThat(api.get("/api/v1/coalitions/deventer-preventie/members", staff)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/coalitions/deventer-preventie/proposals", staff)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/coalitions/de-kleine-schans/publications", staff)
                        .status())
                .isEqualTo(404);
        // Raster's representative granted the access and sees its employee.
        String raster = api.login("vertegenwoordiger@raster.demo", DemoData.PASSWORD);
        assertThat(api.get("/api/v1/coalitions/deventer-preventie/staff", raster)
                        .body())
                .contains("medewerker@raster.demo", "Raster");

        nl.samenspel.governance.support.Browser secretary = new nl.samenspel.governance.support.Browser(server);
        secretary.logIn("secretaris@deventer.demo", DemoData.PASSWORD);
        assertThat(secretary.get("/c/deventer-preventie/decisions").body())
                .contains("Publiceren voor medewerkers", "value=\"Besluit 1 (");
        nl.samenspel.governance.support.Browser employee = new nl.samenspel.governance.support.Browser(server);
        employee.logIn("medewerker@raster.demo", DemoData.PASSWORD);
        assertThat(employee.get("/").header("Location")).isEqualTo("/c/deventer-preventie/publicaties");
        assertThat(employee.get("/c/deventer-preventie/publicaties").body())
                .contains("Jaarplan 2021: van preventie naar potentie", "Voortgangsrapportage eerste halfjaar")
                .doesNotContain(">Leden<");
    }

    @Test
    void bothCoalitionsHaveAKrachtenveldAndCommunicationMomentsOneOfThemOverdue() {
        String deventer = api.login("secretaris@deventer.demo", DemoData.PASSWORD);
        String d = "/api/v1/coalitions/deventer-preventie";
        assertThat(api.get(d + "/stakeholders", deventer).json().findValuesAsText("name"))
                .contains("Gemeenteraad Deventer", "Huisartsen", "Sociale wijkteams", "Inwoners");
        String plan = api.get(d + "/trajects", deventer).json().get(0).get("id").asText();
        JsonNode moments = api.get(d + "/trajects/" + plan + "/communication-moments", deventer)
                .json();
        assertThat(moments).hasSize(3);
        moments.forEach(m -> assertThat(m.get("doneOn").isNull()).isFalse());
        assertThat(moments.findValues("milestoneId")).hasSize(1);

        String woudenberg = api.login("secretaris@woudenberg.demo", DemoData.PASSWORD);
        String w = "/api/v1/coalitions/de-kleine-schans";
        assertThat(api.get(w + "/stakeholders", woudenberg).json().findValuesAsText("name"))
                .contains("Gemeenteraad Woudenberg", "Cliëntenraden", "Medewerkers MEE en Youké");
        String founding =
                api.get(w + "/trajects", woudenberg).json().get(0).get("id").asText();
        JsonNode planned = api.get(w + "/trajects/" + founding + "/communication-moments", woudenberg)
                .json();
        assertThat(planned).hasSize(4);
        List<String> overdue = new ArrayList<>();
        planned.forEach(m -> {
            if (m.get("overdue").asBoolean()) {
                overdue.add(m.get("message").asText());
            }
        });
        assertThat(overdue).containsExactly("Adviesaanvraag over de uitvoeringsagenda");
        assertThat(api.get(w + "/meetings.ics", woudenberg).body())
                .contains("Communicatie: De Kleine Schans: waar u terecht kunt (website)");
        // Deventer's stakeholders stay Deventer's.
        assertThat(api.get(w + "/stakeholders", woudenberg).body()).doesNotContain("Huisartsen");
    }
}
