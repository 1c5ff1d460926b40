package nl.samenspel.governance.traject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Hours of a traject through the API: entries by the secretary and by a member's representative for
 * its own member only, totals per member and phase with the realised fte, and the CSV import that
 * reports every bad row and imports all or nothing, or only the good rows when asked.
 */
@MicronautTest(transactional = false)
class HoursApiTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    Api api;
    CoalitionResponse coalition;
    String base;
    String secretary;
    String observer;
    String observerEmail;
    String raster;
    String rasterName;
    String deKern;
    String deKernName;
    Account rasterPerson;
    String rasterToken;
    Account deKernPerson;
    String body;

    @BeforeAll
    void setUp() {
        api = new Api(server);
        coalition = fixtures.coalition("uren", LegalForm.SAMENWERKINGSVERBAND);
        base = "/api/v1/coalitions/" + coalition.slug();
        secretary = login(fixtures.member(coalition, "secretaris", CoalitionRole.SECRETARY));
        Account watcher = fixtures.member(coalition, "waarnemer", CoalitionRole.OBSERVER);
        observerEmail = watcher.email();
        observer = login(watcher);
        rasterName = "Raster " + Fixtures.unique("m");
        raster = member(rasterName);
        deKernName = "De Kern " + Fixtures.unique("m");
        deKern = member(deKernName);
        rasterPerson = fixtures.representative(coalition, UUID.fromString(raster), "raster");
        rasterToken = login(rasterPerson);
        deKernPerson = fixtures.representative(coalition, UUID.fromString(deKern), "dekern");
        body = api.get(base + "/bodies", secretary).json().get(0).get("id").asText();
    }

    private String login(Account account) {
        return api.login(account.email(), Fixtures.PASSWORD);
    }

    private String member(String name) {
        Api.Response created = api.post(
                base + "/members", secretary, Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** A traject with the phases Verkenning and Uitvoering; answers its hours path. */
    private JsonNode traject() {
        List<Map<String, Object>> phases = List.of(
                Map.of("name", "Verkenning", "plannedStart", "2026-01-05", "plannedEnd", "2026-03-31"),
                Map.of("name", "Uitvoering", "plannedStart", "2026-04-01", "plannedEnd", "2026-12-31"));
        Api.Response created = api.post(
                base + "/trajects",
                secretary,
                Map.of("title", "Traject " + Fixtures.unique("t"), "ownerBodyId", body, "phases", phases));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String hours(JsonNode traject) {
        return "/trajects/" + traject.get("id").asText() + "/hours";
    }

    private Map<String, Object> entry(String week, Account person, String member, Object expected, Object realised) {
        Map<String, Object> e = new HashMap<>();
        e.put("week", week);
        e.put("personEmail", person.email());
        e.put("memberId", member);
        e.put("expectedHours", expected);
        e.put("realisedHours", realised);
        return e;
    }

    private Api.Response csv(String path, String token, String mode, String text) {
        return api.send(
                "POST",
                base + path + "/import" + (mode == null ? "" : "?mode=" + mode),
                token,
                "text/csv",
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void secretaryAndRepresentativeEnterHoursAndEveryoneReadsTheTotalsAndFte() {
        JsonNode traject = traject();
        String path = hours(traject);
        String phase = traject.get("phases").get(1).get("id").asText();
        Map<String, Object> first = entry("2026-W02", rasterPerson, raster, 8, "7.5");
        first.put("phaseId", phase);
        Api.Response added = api.post(base + path, secretary, first);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("weekStart").asText()).isEqualTo("2026-01-05");
        assertThat(added.json().get("phaseName").asText()).isEqualTo("Uitvoering");

        Api.Response own = api.post(base + path, rasterToken, entry("2026-W03", rasterPerson, raster, 8, 10));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        Api.Response other = api.post(base + path, rasterToken, entry("2026-W03", deKernPerson, deKern, 8, 10));
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(api.post(base + path, observer, entry("2026-W04", rasterPerson, raster, 1, 1))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(base + path, secretary, entry("2026-W03", deKernPerson, deKern, 4, "18"))
                        .status())
                .isEqualTo(201);

        JsonNode all = api.get(base + path, secretary).json();
        assertThat(all.get("entries")).hasSize(3);
        assertThat(all.get("realisedHours").decimalValue()).isEqualByComparingTo("35.5");
        assertThat(all.get("expectedHours").decimalValue()).isEqualByComparingTo("20");
        JsonNode perMember = all.get("perMember");
        assertThat(perMember).hasSize(2);
        assertThat(perMember.get(0).get("name").asText()).isEqualTo(deKernName);
        assertThat(perMember.get(0).get("realisedHours").decimalValue()).isEqualByComparingTo("18");
        assertThat(perMember.get(1).get("realisedHours").decimalValue()).isEqualByComparingTo("17.5");
        JsonNode perPhase = all.get("perPhase");
        assertThat(perPhase.get(0).get("name").asText()).isEqualTo("Uitvoering");
        assertThat(perPhase.get(0).get("realisedHours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(perPhase.get(1).get("name").asText()).isEqualTo("Geen fase");
        assertThat(perPhase.get(1).get("realisedHours").decimalValue()).isEqualByComparingTo("28");
        // 2026 has 53 ISO weeks: 18 h / (36 h × 53) = 0.009 fte.
        JsonNode kernFte = all.get("fte").get(0);
        assertThat(kernFte.get("year").asInt()).isEqualTo(2026);
        assertThat(kernFte.get("weeks").asInt()).isEqualTo(53);
        assertThat(kernFte.get("fte").decimalValue()).isEqualByComparingTo("0.009");

        // A representative sees the entries of its own member, the observer none; both see every total.
        JsonNode asRaster = api.get(base + path, rasterToken).json();
        assertThat(asRaster.get("entries")).hasSize(2);
        asRaster.get("entries")
                .forEach(e -> assertThat(e.get("memberId").asText()).isEqualTo(raster));
        assertThat(asRaster.get("perMember")).hasSize(2);
        Api.Response asObserver = api.get(base + path, observer);
        assertThat(asObserver.status()).isEqualTo(200);
        // Micronaut leaves an empty list out of the JSON.
        assertThat(asObserver.json().path("entries").size()).isZero();
        assertThat(asObserver.json().get("realisedHours").decimalValue()).isEqualByComparingTo("35.5");

        // A correction with the version; a stale version is a 409; the representative may not touch De Kern's.
        String id = added.json().get("id").asText();
        Api.Response changed = api.put(
                base + path + "/" + id, rasterToken, Map.of("expectedHours", 8, "realisedHours", "6.5", "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("realisedHours").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(changed.json().path("phaseId").isMissingNode()).isTrue();
        assertThat(api.put(
                                base + path + "/" + id,
                                secretary,
                                Map.of("expectedHours", 1, "realisedHours", 1, "version", 0))
                        .status())
                .isEqualTo(409);
        String kern = null;
        for (JsonNode e : all.get("entries")) {
            if (e.get("memberId").asText().equals(deKern)) {
                kern = e.get("id").asText();
            }
        }
        assertThat(api.put(
                                base + path + "/" + kern,
                                rasterToken,
                                Map.of("expectedHours", 1, "realisedHours", 1, "version", 0))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void badEntriesAreProblemsNamingTheField() {
        String path = hours(traject());
        Api.Response negative = api.post(base + path, secretary, entry("2026-W02", rasterPerson, raster, 1, -2));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.contentType()).startsWith("application/problem+json");
        assertThat(fields(negative.json())).containsExactly("realisedHours");

        Api.Response week = api.post(base + path, secretary, entry("2026-02-05", rasterPerson, raster, 1, 1));
        assertThat(week.status()).isEqualTo(422);
        assertThat(fields(week.json())).containsExactly("week");
        assertThat(api.post(base + path, secretary, entry("2021-W53", rasterPerson, raster, 1, 1))
                        .status())
                .isEqualTo(422);

        Api.Response stranger = api.post(base + path, secretary, entry("2026-W02", deKernPerson, raster, 1, 1));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(fields(stranger.json())).containsExactly("personEmail");

        Map<String, Object> phase = entry("2026-W02", rasterPerson, raster, 1, 1);
        phase.put("phaseId", UUID.randomUUID().toString());
        assertThat(fields(api.post(base + path, secretary, phase).json())).containsExactly("phaseId");

        assertThat(api.post(base + path, secretary, entry("2026-W02", rasterPerson, raster, 1, 1))
                        .status())
                .isEqualTo(201);
        Api.Response twice = api.post(base + path, secretary, entry("2026-W02", rasterPerson, raster, 2, 2));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");

        Api.Response missing = api.post(base + path, secretary, Map.of("week", "2026-W05"));
        assertThat(missing.status()).isEqualTo(422);
        Api.Response broken = api.send("POST", base + path, secretary, "application/json", "{\"week\":".getBytes());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        Api.Response unknown = api.get(base + "/trajects/" + UUID.randomUUID() + "/hours", secretary);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Api.Response mode = csv(path, secretary, "sometimes", "week;persoon;lid;verwacht;gerealiseerd\n");
        assertThat(mode.status()).isEqualTo(422);
        assertThat(fields(mode.json())).containsExactly("mode");
        Api.Response header = csv(path, secretary, null, "week;persoon;uren\n2026-W03;a@b.nl;3\n");
        assertThat(header.status()).isEqualTo(422);
        assertThat(fields(header.json())).containsExactly("file");
        Api.Response latin = api.send(
                "POST",
                base + path + "/import",
                secretary,
                "text/csv",
                ("week;persoon;lid;verwacht;gerealiseerd\n2026-W03;" + rasterPerson.email() + ";Coöperatie;1;1\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin.status()).isEqualTo(422);
        assertThat(fields(latin.json())).containsExactly("file");
    }

    /** Rows 2 and 4 are good; 3, 5, 6, 7 and 8 each break one rule. */
    private String mixedFile(String stored) {
        return String.join(
                "\n",
                "week;persoon;lid;fase;verwacht;gerealiseerd",
                "2026-W10;" + rasterPerson.email() + ";" + rasterName + ";Verkenning;8;7,5",
                "2026-W10;onbekend@example.org;" + rasterName + ";;8;8",
                "2026-W11;" + deKernPerson.email() + ";" + deKernName.toUpperCase() + ";;4;4",
                "2026-W12;" + rasterPerson.email() + ";" + rasterName + ";;8;-1",
                "12-03-2026;" + rasterPerson.email() + ";" + rasterName + ";;8;8",
                "2026-W10;" + rasterPerson.email() + ";" + rasterName + ";;2;2",
                stored + ";" + deKernPerson.email() + ";" + deKernName + ";;1;1",
                "");
    }

    @Test
    void anImportWithBadRowsReportsEachRowAndImportsNothing() {
        String path = hours(traject());
        assertThat(api.post(base + path, secretary, entry("2026-W20", deKernPerson, deKern, 1, 1))
                        .status())
                .isEqualTo(201);

        Api.Response refused = csv(path, secretary, "all-or-nothing", mixedFile("2026-W20"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused.json()))
                .containsExactly(
                        "rows[3].persoon", "rows[5].gerealiseerd", "rows[6].week", "rows[7].week", "rows[8].week");
        List<String> messages = new ArrayList<>();
        refused.json().get("errors").forEach(e -> messages.add(e.get("message").asText()));
        assertThat(messages.get(0)).startsWith("rij 3: onbekende persoon");
        assertThat(messages.get(1)).isEqualTo("rij 5: uren kunnen niet negatief zijn");
        assertThat(messages.get(2)).contains("ISO-week");
        assertThat(messages.get(3)).isEqualTo("rij 7: deze persoon staat voor deze week al op rij 2 van het bestand");
        assertThat(messages.get(4)).contains("al uren in dit traject");
        assertThat(api.get(base + path, secretary).json().get("entries")).hasSize(1);

        // Without a mode the import is all or nothing as well.
        assertThat(csv(path, secretary, null, mixedFile("2026-W20")).status()).isEqualTo(422);
        assertThat(api.get(base + path, secretary).json().get("entries")).hasSize(1);
    }

    @Test
    void goodRowsOnlyWhenChosen() {
        String path = hours(traject());
        assertThat(api.post(base + path, secretary, entry("2026-W20", deKernPerson, deKern, 1, 1))
                        .status())
                .isEqualTo(201);

        Api.Response report = csv(path, secretary, "good-rows", mixedFile("2026-W20"));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("rows").asInt()).isEqualTo(7);
        assertThat(report.json().get("imported").asInt()).isEqualTo(2);
        List<Integer> rows = new ArrayList<>();
        report.json().get("rejected").forEach(r -> rows.add(r.get("row").asInt()));
        assertThat(rows).containsExactly(3, 5, 6, 7, 8);
        assertThat(report.json().get("rejected").get(0).get("field").asText()).isEqualTo("persoon");

        JsonNode hours = api.get(base + path, secretary).json();
        assertThat(hours.get("entries")).hasSize(3);
        assertThat(hours.get("realisedHours").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(hours.get("perPhase").get(0).get("name").asText()).isEqualTo("Verkenning");
        assertThat(hours.get("perPhase").get(0).get("realisedHours").decimalValue())
                .isEqualByComparingTo("7.5");
        // The same file again: every row is now stored already or bad, nothing more comes in.
        Api.Response again = csv(path, secretary, "good-rows", mixedFile("2026-W20"));
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(api.get(base + path, secretary).json().get("entries")).hasSize(3);
    }

    @Test
    void aCommaSeparatedUploadWithAByteOrderMarkAsTheUploadFormSendsIt() {
        String path = hours(traject());
        String file = "\uFEFFWeek,Persoon,Lid,Verwacht,Gerealiseerd\r\n" + "2026-W05," + rasterPerson.email() + ","
                + rasterName + ",\"7,5\",6.25\r\n";
        Api.Multipart upload = Api.Multipart.file("uren.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
        Api.Response imported = api.send(
                "POST", base + path + "/import?mode=all-or-nothing", rasterToken, upload.contentType(), upload.bytes());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        JsonNode entry = api.get(base + path, rasterToken).json().get("entries").get(0);
        assertThat(entry.get("week").asText()).isEqualTo("2026-W05");
        assertThat(entry.get("expectedHours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(entry.get("realisedHours").decimalValue()).isEqualByComparingTo("6.25");

        // A representative's rows for another member are refused by row, and an observer may not import.
        String kern = "week;persoon;lid;verwacht;gerealiseerd\n2026-W05;" + deKernPerson.email() + ";" + deKernName
                + ";1;1\n";
        Api.Response notOwn = csv(path, rasterToken, null, kern);
        assertThat(notOwn.status()).isEqualTo(422);
        assertThat(fields(notOwn.json())).containsExactly("rows[2].lid");
        assertThat(csv(path, observer, null, kern).status()).isEqualTo(403);
    }

    @Test
    void anotherCoalitionsSecretaryImportsNothingAsTextCsv() {
        String path = hours(traject());
        CoalitionResponse other = fixtures.coalition("anders", LegalForm.SAMENWERKINGSVERBAND);
        String intruder = login(fixtures.member(other, "secretaris", CoalitionRole.SECRETARY));
        String file = "week;persoon;lid;verwacht;gerealiseerd\n2026-W05;" + rasterPerson.email() + ";" + rasterName
                + ";1;1\n";
        for (String slug : List.of(coalition.slug(), other.slug())) {
            Api.Response refused = api.send(
                    "POST",
                    "/api/v1/coalitions/" + slug + path + "/import",
                    intruder,
                    "text/csv",
                    file.getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(base + path, secretary).json().path("entries").size())
                .isZero();
    }

    @Test
    void theTrajectPageShowsTheTotalsAndTheUploadFormAndReportsRefusedRows() {
        JsonNode traject = traject();
        String path = hours(traject);
        assertThat(api.post(base + path, secretary, entry("2026-W02", rasterPerson, raster, 8, "7.5"))
                        .status())
                .isEqualTo(201);
        nl.samenspel.governance.support.Browser browser = new nl.samenspel.governance.support.Browser(server);
        browser.logIn(rasterPerson.email(), Fixtures.PASSWORD);
        String page =
                "/c/" + coalition.slug() + "/trajecten/" + traject.get("id").asText();
        nl.samenspel.governance.support.Browser.Page shown = browser.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body())
                .contains("Tijdsinvestering", "Uren per lid", rasterName, "7,5", "Uren inlezen (CSV)")
                .contains("name=\"mode\" value=\"good-rows\"", "name=\"csrfToken\"");
        // The observer reads the totals but gets no upload form.
        nl.samenspel.governance.support.Browser watcher = new nl.samenspel.governance.support.Browser(server);
        watcher.logIn(observerEmail, Fixtures.PASSWORD);
        assertThat(watcher.get(page).body()).contains("Uren per lid").doesNotContain("Uren inlezen (CSV)");

        String file = "week;persoon;lid;verwacht;gerealiseerd\n2026-W03;" + rasterPerson.email() + ";" + rasterName
                + ";8;8\n2026-W04;" + rasterPerson.email() + ";" + rasterName + ";8;-3\n";
        Api.Multipart upload = Api.Multipart.file("uren.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));
        Api.Response refused =
                api.send("POST", page + "/hours/import", rasterToken, upload.contentType(), upload.bytes());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Geweigerde rijen", "uren kunnen niet negatief zijn", "er is niets ingelezen");
        assertThat(api.get(base + path, secretary).json().get("entries")).hasSize(1);
    }
}
