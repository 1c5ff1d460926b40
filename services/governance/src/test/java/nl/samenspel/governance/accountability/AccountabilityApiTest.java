package nl.samenspel.governance.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subsidies and members' figures through the API: each member's representatives enter and read their
 * own member's figures only; the secretary, opdrachtgever, accountant and penvoerder see all; a variance
 * beyond the municipality's threshold needs an explanation; totals add up to what is stored.
 */
@MicronautTest(transactional = false)
class AccountabilityApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    String opdrachtgever;
    String accountant;
    String observer;
    String rasterToken;
    String deKernToken;
    String raster;
    String deKern;
    String subsidy;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("verantwoording", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
        opdrachtgever = login(fixtures.member(coalition, "gemeente", CoalitionRole.OPDRACHTGEVER));
        accountant = login(fixtures.member(coalition, "accountant", CoalitionRole.ACCOUNTANT));
        observer = login(fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER));
        raster = member("Raster");
        deKern = member("De Kern");
        rasterToken = login(fixtures.representative(coalition, UUID.fromString(raster), "raster"));
        deKernToken = login(fixtures.representative(coalition, UUID.fromString(deKern), "dekern"));
        Api.Response penvoerder = api.post(
                base + "/penvoerderschap",
                secretary,
                Map.of("scope", "Opdracht preventie 2021", "memberId", raster, "validFrom", "2021-01-01"));
        assertThat(penvoerder.status()).as(penvoerder.toString()).isEqualTo(201);
        Api.Response created =
                api.post(base + "/subsidies", opdrachtgever, subsidyBody(2021, "Opdracht preventie 2021", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        subsidy = created.json().get("id").asText();
        assertThat(created.json().get("penvoerderName").asText()).startsWith("Raster");
        assertThat(created.json().get("accountantStatementRequired").asBoolean())
                .isTrue();
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

    static Map<String, Object> subsidyBody(int year, String title, Integer version) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "year",
                year,
                "title",
                title,
                "scope",
                "Opdracht preventie 2021",
                "grantor",
                "Gemeente Deventer",
                "amountCents",
                420788500L,
                "periodFrom",
                year + "-01-01",
                "periodUntil",
                year + "-12-31",
                "verantwoordingDue",
                (year + 1) + "-05-01",
                "accountantThresholdCents",
                12500000L,
                "varianceThresholdPct",
                "5.00"));
        body.put("conditions", "Verantwoording volgens de subsidieverordening.\nMet activiteitenverslag.");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    Api.Response budgetLine(String token, String member, String category, long budget, Long realised, String why) {
        Map<String, Object> body =
                new HashMap<>(Map.of("memberId", member, "category", category, "budgetCents", budget));
        if (realised != null) {
            body.put("realisedCents", realised);
        }
        if (why != null) {
            body.put("explanation", why);
        }
        return api.post(base + "/subsidies/" + subsidy + "/budget-lines", token, body);
    }

    static String idOf(JsonNode lines, String field, String value) {
        for (JsonNode line : lines) {
            if (line.get(field).asText().equals(value)) {
                return line.get("id").asText();
            }
        }
        throw new AssertionError("no line with " + field + " = " + value + " in " + lines);
    }

    @Test
    void aRepresentativeEntersAndReadsOnlyItsOwnMembersFigures() {
        Api.Response own = budgetLine(deKernToken, deKern, "Personeel De Kern", 74395500, null, null);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        Api.Response rasters = budgetLine(secretary, raster, "Personeel Raster", 120950500, null, null);
        assertThat(rasters.status()).as(rasters.toString()).isEqualTo(201);
        String rasterLine = idOf(rasters.json().get("budgetLines"), "category", "Personeel Raster");

        // De Kern's representative: its own figures only.
        assertThat(budgetLine(deKernToken, raster, "Namens Raster", 100, null, null)
                        .status())
                .isEqualTo(403);
        JsonNode seen = api.get(base + "/subsidies/" + subsidy + "/figures", deKernToken)
                .json();
        assertThat(seen.get("allMembers").asBoolean()).isFalse();
        assertThat(seen.get("budgetLines"))
                .allSatisfy(l -> assertThat(l.get("memberId").asText()).isEqualTo(deKern));
        assertThat(seen.toString()).doesNotContain("Personeel Raster");
        assertThat(api.get(base + "/subsidies/" + subsidy + "/figures?memberId=" + raster, deKernToken)
                        .status())
                .isEqualTo(403);
        Api.Response change = api.put(
                base + "/subsidies/" + subsidy + "/budget-lines/" + rasterLine,
                deKernToken,
                Map.of("memberId", deKern, "category", "Overgenomen", "budgetCents", 1, "version", 0));
        assertThat(change.status()).isEqualTo(403);
        assertThat(api.send(
                                "DELETE",
                                base + "/subsidies/" + subsidy + "/budget-lines/" + rasterLine,
                                deKernToken,
                                "application/json",
                                new byte[0])
                        .status())
                .isEqualTo(403);

        // Raster holds the penvoerderschap of the subsidy's scope: it sees everyone's, enters its own.
        JsonNode all = api.get(base + "/subsidies/" + subsidy + "/figures", rasterToken)
                .json();
        assertThat(all.get("allMembers").asBoolean()).isTrue();
        assertThat(all.toString()).contains("Personeel Raster", "Personeel De Kern");
        assertThat(budgetLine(rasterToken, deKern, "Namens De Kern", 100, null, null)
                        .status())
                .isEqualTo(403);

        // The opdrachtgever and the accountant read everything and enter nothing; an observer sees no figures.
        assertThat(api.get(base + "/subsidies/" + subsidy + "/figures", opdrachtgever)
                        .body())
                .contains("Personeel De Kern");
        assertThat(api.get(base + "/subsidies/" + subsidy + "/figures", accountant)
                        .body())
                .contains("Personeel De Kern");
        assertThat(budgetLine(opdrachtgever, deKern, "Van de gemeente", 1, null, null)
                        .status())
                .isEqualTo(403);
        assertThat(budgetLine(accountant, deKern, "Van de accountant", 1, null, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(base + "/subsidies/" + subsidy + "/figures", observer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get(base + "/subsidies/" + subsidy, observer).status()).isEqualTo(200);
    }

    @Test
    void aVarianceBeyondTheThresholdNeedsAnExplanationAndTotalsAddUp() throws SQLException {
        // 5 % of € 10.000 is € 500: € 10.500 is within it, € 10.501 is not.
        assertThat(budgetLine(deKernToken, deKern, "Huisvesting", 1000000, 1050000L, null)
                        .status())
                .isEqualTo(201);
        Api.Response over = budgetLine(deKernToken, deKern, "Opleiding", 1000000, 1050100L, null);
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("\"explanation\"", "figures.explanation-required", "5%");
        Api.Response explained =
                budgetLine(deKernToken, deKern, "Opleiding", 1000000, 1050100L, "Extra scholing samen opleiden.");
        assertThat(explained.status()).as(explained.toString()).isEqualTo(201);
        JsonNode line = null;
        for (JsonNode l : explained.json().get("budgetLines")) {
            if (l.get("category").asText().equals("Opleiding")) {
                line = l;
            }
        }
        assertThat(line.get("explanationRequired").asBoolean()).isTrue();
        assertThat(line.get("varianceCents").asLong()).isEqualTo(50100);
        assertThat(line.get("variancePct").decimalValue()).isEqualByComparingTo("5.01");

        Api.Response fte = api.post(
                base + "/subsidies/" + subsidy + "/fte-lines",
                deKernToken,
                Map.of(
                        "memberId",
                        deKern,
                        "function",
                        "Maatschappelijk werker",
                        "planned",
                        "4.96",
                        "realised",
                        "4.50"));
        assertThat(fte.status()).as(fte.toString()).isEqualTo(201);

        // The totals, as the secretary sees them, against sums the database makes itself.
        JsonNode figures =
                api.get(base + "/subsidies/" + subsidy + "/figures", secretary).json();
        long budget = 0;
        long realised = 0;
        for (JsonNode t : figures.get("totals")) {
            if (t.has("memberId")
                    && !t.get("memberId").isNull()
                    && t.get("memberId").asText().equals(deKern)) {
                budget = t.get("budgetCents").asLong();
                realised = t.get("realisedCents").asLong();
                assertThat(t.get("ftePlanned").decimalValue())
                        .isEqualByComparingTo(
                                sql(
                                        "SELECT sum(planned) FROM samenspel.fte_line WHERE subsidy_id = ?::uuid AND member_id = ?::uuid"));
            }
        }
        assertThat(budget)
                .isEqualTo(
                        sql("SELECT sum(budget_cents) FROM samenspel.budget_line WHERE subsidy_id = ?::uuid AND member_id = ?::uuid")
                                .longValue());
        assertThat(realised)
                .isEqualTo(
                        sql("SELECT coalesce(sum(realised_cents), 0) FROM samenspel.budget_line WHERE subsidy_id = ?::uuid"
                                        + " AND member_id = ?::uuid")
                                .longValue());
    }

    private java.math.BigDecimal sql(String query) throws SQLException {
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, subsidy);
            ps.setString(2, deKern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    @Test
    void indicatorsMilestonesAndRisksAreEnteredPerMemberAndChangedByVersion() {
        String path = base + "/subsidies/" + subsidy;
        Api.Response indicator = api.post(
                path + "/indicators",
                rasterToken,
                Map.of(
                        "memberId", raster,
                        "group", "Het normale leven versterken",
                        "name", "Bewoners bereikt",
                        "unit", "personen",
                        "target", "400",
                        "q1", "90",
                        "pdcaNote", "Plan: inloop in 9 wijken. Check: Q1 op schema."));
        assertThat(indicator.status()).as(indicator.toString()).isEqualTo(201);
        String indicatorId = idOf(indicator.json().get("indicators"), "name", "Bewoners bereikt");
        Api.Response milestone = api.post(
                path + "/milestones",
                rasterToken,
                Map.of("memberId", raster, "title", "Overdracht caseload", "dueOn", "2021-02-01", "status", "DONE"));
        assertThat(milestone.status()).isEqualTo(422);
        assertThat(milestone.body()).contains("doneOn");
        assertThat(api.post(
                                path + "/milestones",
                                rasterToken,
                                Map.of(
                                        "memberId", raster,
                                        "title", "Overdracht caseload",
                                        "dueOn", "2021-02-01",
                                        "status", "DONE",
                                        "doneOn", "2021-02-01"))
                        .status())
                .isEqualTo(201);
        Api.Response risk = api.post(
                path + "/risks",
                rasterToken,
                Map.of(
                        "memberId", raster,
                        "risk", "Dienstverlening onder verwachting",
                        "cause", "Te weinig capaciteit",
                        "mitigation", "Prioriteren en knelpunten benoemen in de stuurgroep",
                        "owner", "Stuurgroep",
                        "status", "OPEN"));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);

        Map<String, Object> change = new HashMap<>(Map.of(
                "memberId", raster,
                "group", "Het normale leven versterken",
                "name", "Bewoners bereikt",
                "target", "400",
                "q1", "90",
                "q2", "210",
                "version", 0));
        Api.Response changed = api.put(path + "/indicators/" + indicatorId, rasterToken, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.put(path + "/indicators/" + indicatorId, rasterToken, change)
                        .status())
                .as("a stale version")
                .isEqualTo(409);
        assertThat(api.post(
                                path + "/indicators",
                                rasterToken,
                                Map.of(
                                        "memberId", raster,
                                        "group", "Het normale leven versterken",
                                        "name", "Bewoners bereikt",
                                        "target", "1"))
                        .status())
                .as("the same indicator twice")
                .isEqualTo(409);
        Api.Response removed = api.send(
                "DELETE",
                path + "/risks/" + idOf(risk.json().get("risks"), "owner", "Stuurgroep"),
                rasterToken,
                "application/json",
                new byte[0]);
        assertThat(removed.status()).isEqualTo(200);
        // An empty list is left out of the JSON.
        JsonNode risks = removed.json().get("risks");
        assertThat(risks == null || risks.isEmpty()).as(String.valueOf(risks)).isTrue();
        assertThat(api.get(base + "/audit/verification", secretary)
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badInputGetsAProblemWithTheFieldAndKeepsNothing() {
        String subsidies = base + "/subsidies";
        int before = api.get(subsidies, secretary).json().size();
        Map<String, Object> backwards = subsidyBody(2022, "Achterstevoren", null);
        backwards.put("periodUntil", "2021-06-30");
        Map<String, Object> elsewhere = subsidyBody(2022, "Ander jaar", null);
        elsewhere.put("year", 2030);
        Map<String, Object> negative = subsidyBody(2022, "Negatief", null);
        negative.put("amountCents", -1);
        Map<String, Object> pct = subsidyBody(2022, "Procent", null);
        pct.put("varianceThresholdPct", "120");
        Map<String, Object> missing = subsidyBody(2022, "Zonder drempel", null);
        missing.remove("accountantThresholdCents");
        Map<String, Object> control = subsidyBody(2022, "Stuurtekens", null);
        control.put("conditions", "a\u0000b");
        Map<Map<String, Object>, String> cases = Map.of(
                backwards, "periodUntil",
                elsewhere, "year",
                negative, "amountCents",
                pct, "varianceThresholdPct",
                missing, "accountantThresholdCents",
                control, "conditions");
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            Api.Response response = api.post(subsidies, secretary, c.getKey());
            assertThat(response.status()).as(c.getValue() + " " + response).isIn(400, 422);
            assertThat(response.body()).contains(c.getValue()).doesNotContain("SQL", "java.", "Exception");
        }
        for (String broken : List.of("{", "[]", "{\"year\":\"nu\"}", "null", "{\"amountCents\":1e30}")) {
            Api.Response response = api.send("POST", subsidies, secretary, "application/json", broken.getBytes());
            assertThat(response.status()).as(broken).isIn(400, 422);
        }
        assertThat(api.post(subsidies, observer, subsidyBody(2022, "Waarnemer", null))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(subsidies, deKernToken, subsidyBody(2022, "Vertegenwoordiger", null))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(subsidies, opdrachtgever, subsidyBody(2021, "Opdracht preventie 2021", null))
                        .status())
                .as("the same subsidy twice")
                .isEqualTo(409);
        assertThat(api.get(subsidies, secretary).json()).hasSize(before);

        String path = subsidies + "/" + subsidy;
        for (String sub : List.of("/budget-lines", "/fte-lines", "/indicators", "/milestones", "/risks")) {
            for (String broken :
                    List.of("{", "{}", "{\"memberId\":\"nope\"}", "{\"memberId\":\"" + deKern + "\",\"version\":3}")) {
                Api.Response response =
                        api.send("POST", path + sub, deKernToken, "application/json", broken.getBytes());
                assertThat(response.status())
                        .as(sub + " " + broken + " " + response)
                        .isIn(400, 422);
                assertThat(response.body()).doesNotContain("SQL", "java.", "Exception");
            }
            assertThat(api.send(
                                    "PUT",
                                    path + sub + "/" + UUID.randomUUID(),
                                    deKernToken,
                                    "application/json",
                                    ("{\"memberId\":\"" + deKern + "\"}").getBytes())
                            .status())
                    .isIn(400, 404, 422);
        }
        assertThat(api.post(
                                path + "/budget-lines",
                                deKernToken,
                                Map.of("memberId", UUID.randomUUID(), "category", "Onbekend", "budgetCents", 1))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(subsidies + "/" + UUID.randomUUID(), secretary).status())
                .isEqualTo(404);
        assertThat(api.get(subsidies + "/" + UUID.randomUUID() + "/figures", secretary)
                        .status())
                .isEqualTo(404);
    }

    @jakarta.inject.Inject
    DueDateReminders reminders;

    @Test
    void theVerantwoordingIsRemindedOfAMonthAndAWeekBeforeItIsDueOnceEach() throws SQLException {
        java.time.LocalDate due =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusDays(20);
        int year = due.getYear() - 1;
        Map<String, Object> body = subsidyBody(year, "Herinnering " + Fixtures.unique("s"), null);
        body.put("periodFrom", year + "-01-01");
        body.put("periodUntil", year + "-12-31");
        body.put("verantwoordingDue", due.toString());
        Api.Response created = api.post(base + "/subsidies", secretary, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String title = created.json().get("title").asText();
        reminders.remindDue();
        reminders.remindDue();
        assertThat(mails(title)).isEqualTo(mailsExpected());
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE samenspel.subsidy SET verantwoording_due = current_date + 5 WHERE id = ?::uuid")) {
            ps.setString(1, created.json().get("id").asText());
            ps.executeUpdate();
        }
        reminders.remindDue();
        reminders.remindDue();
        assertThat(mails(title)).isEqualTo(2 * mailsExpected());
    }

    /** The secretary, the opdrachtgever and Raster's representative (the penvoerder). */
    private static long mailsExpected() {
        return 3;
    }

    private long mails(String title) throws SQLException {
        TestDatabase db = DatabaseTest.database();
        try (Connection c = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM samenspel.outbox_email WHERE subject LIKE ? AND coalition_id = ?")) {
            ps.setString(1, "Verantwoording % " + title);
            ps.setObject(2, coalition.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
