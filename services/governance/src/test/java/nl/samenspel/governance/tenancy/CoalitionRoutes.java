package nl.samenspel.governance.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two coalitions, Deventer with one of everything a coalition route can name and Woudenberg empty,
 * and the catalogue of every coalition route with a body that would be valid for its owner: what the
 * cross-tenant matrix and the hostile-input corpus send.
 */
abstract class CoalitionRoutes implements DatabaseTest {

    /** A real one-page PDF, as a member organisation would upload to sign. */
    static final byte[] SMALL_PDF = smallPdf();

    private static byte[] smallPdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every route with a {coalition} segment, with a body that would be valid for its owner. */
    record Call(String method, String template, Object body) {
        String key() {
            return method + " " + template.split("\\?")[0];
        }
    }

    static final String MEMBER_BODY =
            """
            {"name":"Overgenomen","kind":"WELZIJN","joinedOn":"2024-01-01","version":0}""";

    static final Map<String, String> FORM_MEMBER =
            Map.of("name", "Overgenomen", "kind", "WELZIJN", "joinedOn", "2024-01-01", "version", "0");

    static final String MEETING_BODY =
            """
            {"bodyId":"{body}","title":"Overgenomen","startsAt":"2031-01-06T14:00:00+01:00","location":"Stadhuis",
             "agenda":[{"title":"Besluit","kind":"DECISION","decisionType":"ORDINARY"}]}""";

    static final String PROPOSAL_BODY =
            """
            {"title":"Overgenomen","decisionType":"ORDINARY","bodyId":"{body}","mode":"WRITTEN","version":0}""";

    static final String MEETING_UPDATE =
            """
            {"version":0,"title":"Overgenomen","startsAt":"2031-01-06T14:00:00+01:00","location":"Elders"}""";

    static final String SUBSIDY_BODY =
            """
            {"year":2021,"title":"Overgenomen","scope":"Subsidie preventie 2021","grantor":"Gemeente Deventer",
             "amountCents":100,"periodFrom":"2021-01-01","periodUntil":"2021-12-31","verantwoordingDue":"2022-05-01",
             "accountantThresholdCents":100,"varianceThresholdPct":"5.00"}""";

    static final String BUDGET_BODY =
            """
            {"memberId":"{member}","category":"Overgenomen","budgetCents":100}""";

    static final String FTE_BODY = """
            {"memberId":"{member}","function":"Overgenomen","planned":"1.00"}""";

    static final String INDICATOR_BODY =
            """
            {"memberId":"{member}","group":"Overgenomen","name":"Overgenomen","target":"1"}""";

    static final String MILESTONE_BODY =
            """
            {"memberId":"{member}","title":"Overgenomen","dueOn":"2021-03-01","status":"PLANNED"}""";

    static final String RISK_BODY =
            """
            {"memberId":"{member}","risk":"Overgenomen","cause":"x","mitigation":"x","owner":"x","status":"OPEN"}""";

    static final String STAKEHOLDER_BODY =
            """
            {"name":"Overgenomen","influence":"HIGH","interestLevel":"LOW"}""";

    static final String MOMENT_BODY =
            """
            {"stakeholderIds":["{stakeholder}"],"message":"Overgenomen","channel":"BRIEF","plannedOn":"2021-06-01",\
            "responsible":"Overgenomen"}""";

    static final String TRAJECT_BODY = """
            {"title":"Overgenomen","ownerBodyId":"{body}"}""";

    static final String PHASE_BODY =
            """
            {"name":"Overgenomen","plannedStart":"2021-01-01","plannedEnd":"2021-02-01"}""";

    /** The body with a version, as a change (PUT) sends it. */
    static String versioned(String body) {
        int end = body.lastIndexOf('}');
        return body.substring(0, end) + ",\"version\":0}";
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/v1/coalitions/{coalition}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/status", "{\"status\":\"ONBOARDING\",\"version\":0}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/members", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/members", MEMBER_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/members/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/members/{id}", MEMBER_BODY),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/members/{id}/end",
                    "{\"leftOn\":\"2025-01-01\",\"version\":0}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/audit", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/audit/verification", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/members/{id}/invitations",
                    "{\"email\":\"indringer@example.nl\",\"displayName\":\"Indringer\",\"mayVote\":true,\"maySign\":true}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/members/{id}/invitations", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/members/{id}/representatives", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/statutes", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/statutes", "{\"title\":\"Overgenomen\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/statutes/{id}", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/statutes/{id}",
                    "{\"title\":\"Gewijzigd\",\"articles\":[],\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/statutes/{id}/adopt",
                    "{\"effectiveFrom\":\"2030-01-01\",\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/statutes/{id}/deed",
                    "{\"notarialDeedDate\":\"2030-01-01\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/statutes/{id}/diff?from={statute}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/penvoerderschap", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/penvoerderschap",
                    "{\"scope\":\"Overname\",\"memberId\":\"{member}\",\"validFrom\":\"2030-01-01\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/penvoerderschap/{id}/handover",
                    "{\"toMemberId\":\"{member}\",\"on\":\"2030-01-01\",\"version\":0}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/roles", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/roles",
                    "{\"email\":\"indringer@example.nl\",\"role\":\"OBSERVER\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/roles/revoke",
                    "{\"accountId\":\"{secretary}\",\"role\":\"SECRETARY\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/members/{id}/representatives/{id}/end",
                    "{\"validUntil\":\"2030-01-01\",\"version\":0}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/bodies", null),
            new Call(
                    "POST", "/api/v1/coalitions/{coalition}/bodies", "{\"kind\":\"STUURGROEP\",\"name\":\"Overname\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/bodies/{id}", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/bodies/{id}",
                    "{\"name\":\"Overgenomen\",\"mandate\":\"Alles\",\"decisionTypes\":[\"BUDGET\"],\"formal\":true,\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/bodies/{id}/seats",
                    "{\"memberId\":\"{member}\",\"personName\":\"Indringer\",\"role\":\"MEMBER\",\"termFrom\":\"2030-01-01\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/bodies/{id}/seats/{seatId}/end",
                    "{\"termUntil\":\"2030-01-01\",\"version\":0}"),
            new Call("PUT", "/api/v1/coalitions/{coalition}/bodies/{id}/rhythm", "{\"phases\":[{\"everyWeeks\":1}]}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/bodies/{id}/rhythm/next", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/meetings", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/meetings", MEETING_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/meetings/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/meetings/{id}", MEETING_UPDATE),
            new Call("POST", "/api/v1/coalitions/{coalition}/meetings/{id}/convocation", "{}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/meetings/{id}/cancellation", "{}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/agenda",
                    "{\"title\":\"Overgenomen\",\"kind\":\"INFORMATION\"}"),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/agenda/{itemId}",
                    "{\"title\":\"Overgenomen\",\"kind\":\"INFORMATION\",\"version\":0}"),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/meetings/{id}/agenda/{itemId}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/meetings/{id}/agenda-order", "{\"itemIds\":[\"{item}\"]}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/agenda/{itemId}/documents",
                    Api.Multipart.text("stuk.txt", "Overgenomen")),
            new Call("GET", "/api/v1/coalitions/{coalition}/meetings/{id}/documents/{documentId}", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/attendance",
                    "{\"entries\":[{\"memberId\":\"{member}\",\"status\":\"ABSENT\"}]}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/meetings/{id}/quorum", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/minutes",
                    "{\"text\":\"Overgenomen\",\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/minutes/approval",
                    "{\"inMeetingId\":\"{meeting}\",\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/decisions",
                    "{\"agendaItemId\":\"{item}\",\"text\":\"Overgenomen\",\"outcome\":\"ADOPTED\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/meetings/{id}/actions",
                    "{\"description\":\"Overgenomen\",\"ownerName\":\"Indringer\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/decisions", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/actions", null),
            new Call(
                    "PUT", "/api/v1/coalitions/{coalition}/actions/{id}/status", "{\"status\":\"DONE\",\"version\":0}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/meetings.ics", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/proposals", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/decision-register", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/decision-register/export.csv", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/proposals", PROPOSAL_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/proposals/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/proposals/{id}", PROPOSAL_BODY),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/proposals/{id}/opening",
                    "{\"closesAt\":\"" + java.time.OffsetDateTime.now().plusDays(7) + "\",\"version\":0}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/proposals/{id}/votes", "{\"choice\":\"FOR\"}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/proposals/{id}/closing", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/documents", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/documents",
                    Api.Multipart.file("overgenomen.pdf", "application/pdf", SMALL_PDF)),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/documents/generated",
                    "{\"kind\":\"STATUTE_VERSION\",\"statuteVersionId\":\"{statute}\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/documents/{id}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/documents/{id}/content", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies", SUBSIDY_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/subsidies/{id}", versioned(SUBSIDY_BODY)),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/figures", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/budget-lines", BUDGET_BODY),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/subsidies/{id}/budget-lines/{lineId}",
                    versioned(BUDGET_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/subsidies/{id}/budget-lines/{lineId}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/fte-lines", FTE_BODY),
            new Call("PUT", "/api/v1/coalitions/{coalition}/subsidies/{id}/fte-lines/{lineId}", versioned(FTE_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/subsidies/{id}/fte-lines/{lineId}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/indicators", INDICATOR_BODY),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/subsidies/{id}/indicators/{lineId}",
                    versioned(INDICATOR_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/subsidies/{id}/indicators/{lineId}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/milestones", MILESTONE_BODY),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/subsidies/{id}/milestones/{lineId}",
                    versioned(MILESTONE_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/subsidies/{id}/milestones/{lineId}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/risks", RISK_BODY),
            new Call("PUT", "/api/v1/coalitions/{coalition}/subsidies/{id}/risks/{lineId}", versioned(RISK_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/subsidies/{id}/risks/{lineId}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/statements", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/statements", "{}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/statements/consolidated", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs/{packId}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs/{packId}/pack.pdf", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs/{packId}/pack.zip", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/subsidies/{id}/packs/{packId}/downloads", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/signature-requests", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/signature-requests",
                    "{\"documentId\":\"{upload}\",\"order\":\"PARALLEL\",\"deadline\":\""
                            + java.time.OffsetDateTime.now().plusDays(7) + "\",\"memberIds\":[\"{member}\"]}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/signature-requests/{id}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/signature-requests/{id}/document", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/signature-requests/{id}/signed.pdf", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/signature-requests/{id}/signatures",
                    "{\"password\":\"" + Fixtures.PASSWORD + "\",\"consent\":true,\"memberId\":\"{member}\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/signature-requests/{id}/declining",
                    "{\"reason\":\"Overgenomen\",\"memberId\":\"{member}\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/signature-requests/{id}/cancellation",
                    "{\"reason\":\"Overgenomen\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/proposals/{id}/attachments",
                    Api.Multipart.text("bijlage.txt", "Overgenomen")),
            new Call("GET", "/api/v1/coalitions/{coalition}/proposals/{id}/attachments/{attachmentId}", null),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/proposals/{id}/attachments/{attachmentId}", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/proposals/{id}/consequence",
                    "{\"admission\":{\"name\":\"Overgenomen\",\"kind\":\"WELZIJN\"}}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/proposals/{id}/proxies",
                    "{\"grantorId\":\"{member}\",\"holderId\":\"{member}\"}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/proposals/{id}/conflicts",
                    "{\"memberId\":\"{member}\",\"reason\":\"Overgenomen\"}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/calendar-link", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/publications", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/publications",
                    "{\"kind\":\"REPORT\",\"title\":\"Overgenomen\",\"body\":\"Overgenomen\",\"trajectId\":\"{traject}\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/publications/{id}", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/publications/{id}/withdraw", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/publications/{id}/document", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/publications/feed-link", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/staff", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/staff",
                    "{\"email\":\"overgenomen@example.org\",\"memberId\":\"{member}\"}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/staff/revoke", "{\"accountId\":\"{secretary}\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/trajects", TRAJECT_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/trajects/{id}", versioned(TRAJECT_BODY)),
            new Call("POST", "/api/v1/coalitions/{coalition}/trajects/{id}/phases", PHASE_BODY),
            new Call("PUT", "/api/v1/coalitions/{coalition}/trajects/{id}/phases/{phaseId}", versioned(PHASE_BODY)),
            new Call("PUT", "/api/v1/coalitions/{coalition}/trajects/{id}/phase-order", "{\"phaseIds\":[\"{phase}\"]}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{id}/milestones",
                    "{\"milestoneId\":\"{milestone}\",\"phaseId\":\"{phase}\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/hours", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/hours",
                    "{\"week\":\"2021-W03\",\"personEmail\":\"overgenomen@example.org\",\"memberId\":\"{member}\","
                            + "\"expectedHours\":1,\"realisedHours\":1}"),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/hours/{entryId}",
                    "{\"expectedHours\":1,\"realisedHours\":1,\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/hours/import",
                    Api.Multipart.file(
                            "uren.csv",
                            "text/csv",
                            "week;persoon;lid;verwacht;gerealiseerd\n2021-W03;overgenomen@example.org;Overgenomen;1;1\n"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            new Call("GET", "/api/v1/coalitions/{coalition}/stakeholders", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/stakeholders", STAKEHOLDER_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/stakeholders/{id}", null),
            new Call("PUT", "/api/v1/coalitions/{coalition}/stakeholders/{id}", versioned(STAKEHOLDER_BODY)),
            new Call("DELETE", "/api/v1/coalitions/{coalition}/stakeholders/{id}", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments", null),
            new Call("POST", "/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments", MOMENT_BODY),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments/{id}", null),
            new Call(
                    "PUT",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments/{id}",
                    versioned(MOMENT_BODY)),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/communication-moments/{id}/done",
                    "{\"doneOn\":\"2021-03-01\",\"version\":0}"),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{id}/milestones/new",
                    "{\"subsidyId\":\"{subsidy}\",\"memberId\":\"{member}\",\"title\":\"Overgenomen\","
                            + "\"dueOn\":\"2021-06-01\",\"phaseId\":\"{phase}\"}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/case-file", null),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/case-file/candidates", null),
            new Call(
                    "POST",
                    "/api/v1/coalitions/{coalition}/trajects/{traject}/case-file",
                    "{\"kind\":\"DOCUMENT\",\"refId\":\"{upload}\",\"classification\":\"INTERN\",\"retentionYears\":7}"),
            new Call("POST", "/api/v1/coalitions/{coalition}/trajects/{traject}/case-file/{entryId}/withdrawal", "{}"),
            new Call("GET", "/api/v1/coalitions/{coalition}/trajects/{traject}/case-file/export", null),
            // The web UI: HTML pages and form posts.
            new Call("GET", "/c/{coalition}", null),
            new Call("GET", "/c/{coalition}/audit", null),
            new Call("GET", "/c/{coalition}/members", null),
            new Call("GET", "/c/{coalition}/members/new", null),
            new Call("GET", "/c/{coalition}/members/{id}/edit", null),
            new Call("GET", "/c/{coalition}/members/{id}/end", null),
            new Call("POST", "/c/{coalition}/members/new", FORM_MEMBER),
            new Call("POST", "/c/{coalition}/members/{id}/edit", FORM_MEMBER),
            new Call("POST", "/c/{coalition}/members/{id}/end", Map.of("leftOn", "2025-01-01", "version", "0")),
            new Call("GET", "/c/{coalition}/bodies", null),
            new Call("GET", "/c/{coalition}/bodies/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/bodies/new",
                    Map.of("bodyKind", "STUURGROEP", "bodyName", "Overname", "formal", "on")),
            new Call("GET", "/c/{coalition}/bodies/{id}/edit", null),
            new Call(
                    "POST",
                    "/c/{coalition}/bodies/{id}/edit",
                    Map.of(
                            "bodyName",
                            "Overgenomen",
                            "mandate",
                            "Alles",
                            "decisionTypes",
                            "BUDGET",
                            "formal",
                            "on",
                            "version",
                            "0")),
            new Call("GET", "/c/{coalition}/bodies/{id}/seats/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/bodies/{id}/seats/new",
                    Map.of(
                            "memberId",
                            "{member}",
                            "personName",
                            "Indringer",
                            "seatRole",
                            "MEMBER",
                            "votes",
                            "on",
                            "termFrom",
                            "2030-01-01")),
            new Call("GET", "/c/{coalition}/bodies/{id}/seats/{seatId}/end", null),
            new Call(
                    "POST",
                    "/c/{coalition}/bodies/{id}/seats/{seatId}/end",
                    Map.of("termUntil", "2030-01-01", "version", "0")),
            new Call("GET", "/c/{coalition}/bodies/{id}/rhythm", null),
            new Call("POST", "/c/{coalition}/bodies/{id}/rhythm", Map.of("rows", "3", "everyWeeks-0", "1")),
            new Call("GET", "/c/{coalition}/penvoerderschap", null),
            new Call("GET", "/c/{coalition}/penvoerderschap/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/penvoerderschap/new",
                    Map.of("scope", "Overname", "memberId", "{member}", "validFrom", "2030-01-01")),
            new Call("GET", "/c/{coalition}/penvoerderschap/{id}/handover", null),
            new Call(
                    "POST",
                    "/c/{coalition}/penvoerderschap/{id}/handover",
                    Map.of("toMemberId", "{member}", "on", "2030-01-01", "version", "0")),
            new Call("GET", "/c/{coalition}/statutes", null),
            new Call("GET", "/c/{coalition}/statutes/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/statutes/new",
                    Map.of("statuteTitle", "Overgenomen", "basedOn", "{statute}")),
            new Call("GET", "/c/{coalition}/statutes/{id}", null),
            new Call("GET", "/c/{coalition}/statutes/{id}/edit", null),
            new Call(
                    "POST",
                    "/c/{coalition}/statutes/{id}/edit",
                    Map.of(
                            "statuteTitle",
                            "Gewijzigd",
                            "version",
                            "0",
                            "rows",
                            "1",
                            "article-0-number",
                            "1",
                            "article-0-title",
                            "Naam",
                            "article-0-text",
                            "Overgenomen")),
            new Call("GET", "/c/{coalition}/statutes/{id}/adopt", null),
            new Call(
                    "POST",
                    "/c/{coalition}/statutes/{id}/adopt",
                    Map.of("effectiveFrom", "2030-01-01", "version", "0")),
            new Call("GET", "/c/{coalition}/statutes/{id}/deed", null),
            new Call("POST", "/c/{coalition}/statutes/{id}/deed", Map.of("notarialDeedDate", "2030-01-01")),
            new Call("GET", "/c/{coalition}/publicaties", null),
            new Call(
                    "POST",
                    "/c/{coalition}/publicaties",
                    Map.of("publicationKind", "REPORT", "publicationTitle", "Overgenomen", "publicationBody", "x")),
            new Call("GET", "/c/{coalition}/publicaties/{id}", null),
            new Call("POST", "/c/{coalition}/publicaties/{id}/withdraw", Map.of()),
            new Call("GET", "/c/{coalition}/publicaties/{id}/document", null),
            new Call("POST", "/c/{coalition}/publicaties/feed-link", Map.of()),
            new Call("GET", "/c/{coalition}/meetings", null),
            new Call("POST", "/c/{coalition}/meetings/calendar-link", Map.of()),
            new Call("GET", "/c/{coalition}/decisions", null),
            new Call("POST", "/c/{coalition}/actions/{id}/status", Map.of("status", "DONE", "version", "0")),
            new Call("GET", "/c/{coalition}/meetings/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/new",
                    Map.of(
                            "bodyId", "{body}",
                            "title", "Overgenomen",
                            "date", "2031-01-06",
                            "startTime", "14:00",
                            "location", "Elders")),
            new Call("GET", "/c/{coalition}/meetings/{id}", null),
            new Call("GET", "/c/{coalition}/meetings/{id}/edit", null),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/edit",
                    Map.of(
                            "title", "Overgenomen",
                            "date", "2031-01-06",
                            "startTime", "14:00",
                            "location", "Elders",
                            "version", "0")),
            new Call("POST", "/c/{coalition}/meetings/{id}/convene", Map.of()),
            new Call("POST", "/c/{coalition}/meetings/{id}/cancel", Map.of()),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/agenda",
                    Map.of("itemTitle", "Overgenomen", "itemKind", "INFORMATION")),
            new Call("POST", "/c/{coalition}/meetings/{id}/agenda/{itemId}/remove", Map.of()),
            new Call("POST", "/c/{coalition}/meetings/{id}/agenda/{itemId}/up", Map.of()),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/agenda/{itemId}/documents",
                    Api.Multipart.text("stuk.txt", "Overgenomen")),
            new Call("POST", "/c/{coalition}/meetings/{id}/attendance", Map.of("status-{member}", "ABSENT")),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/minutes",
                    Map.of("minutesText", "Overgenomen", "version", "0")),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/minutes/approve",
                    Map.of("inMeetingId", "{meeting}", "version", "0")),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/decisions",
                    Map.of("decisionItem", "{item}", "decisionText", "Overgenomen", "outcome", "ADOPTED")),
            new Call(
                    "POST",
                    "/c/{coalition}/meetings/{id}/actions",
                    Map.of("actionDescription", "Overgenomen", "actionOwner", "Indringer")),
            new Call("GET", "/c/{coalition}/proposals", null),
            new Call("GET", "/c/{coalition}/decision-register", null),
            new Call("GET", "/c/{coalition}/proposals/new", null),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/new",
                    Map.of(
                            "title", "Overgenomen",
                            "decisionType", "ORDINARY",
                            "bodyId", "{body}",
                            "mode", "WRITTEN")),
            new Call("GET", "/c/{coalition}/proposals/{id}", null),
            new Call("GET", "/c/{coalition}/proposals/{id}/edit", null),
            new Call("GET", "/c/{coalition}/documents", null),
            new Call("POST", "/c/{coalition}/documents/generated", Map.of("source", "{statute}")),
            new Call(
                    "POST",
                    "/c/{coalition}/documents",
                    Api.Multipart.file("overgenomen.pdf", "application/pdf", SMALL_PDF)),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/{id}/attachments",
                    Api.Multipart.text("bijlage.txt", "Overgenomen")),
            new Call("POST", "/c/{coalition}/proposals/{id}/attachments/{attachmentId}/remove", Map.of()),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/{id}/edit",
                    Map.of(
                            "title", "Overgenomen",
                            "decisionType", "ORDINARY",
                            "bodyId", "{body}",
                            "mode", "WRITTEN",
                            "version", "0")),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/{id}/open",
                    Map.of("closesDate", "2031-01-06", "closesTime", "17:00", "version", "0")),
            new Call("POST", "/c/{coalition}/proposals/{id}/close", Map.of()),
            new Call("POST", "/c/{coalition}/proposals/{id}/vote", Map.of("choice", "FOR")),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/{id}/proxy",
                    Map.of("grantorId", "{member}", "holderId", "{member}")),
            new Call(
                    "POST",
                    "/c/{coalition}/proposals/{id}/conflict",
                    Map.of("conflictMemberId", "{member}", "reason", "Overgenomen")),
            new Call("GET", "/c/{coalition}/signing", null),
            new Call(
                    "POST",
                    "/c/{coalition}/signing",
                    Map.of(
                            "documentId", "{upload}",
                            "order", "PARALLEL",
                            "deadlineDate", "2031-01-06",
                            "deadlineTime", "17:00",
                            "memberIds", "{member}")),
            new Call("GET", "/c/{coalition}/signing/{id}", null),
            new Call(
                    "POST",
                    "/c/{coalition}/signing/{id}/sign",
                    Map.of("consent", "on", "password", Fixtures.PASSWORD, "memberId", "{member}")),
            new Call(
                    "POST",
                    "/c/{coalition}/signing/{id}/decline",
                    Map.of("declineReason", "Overgenomen", "memberId", "{member}")),
            new Call("POST", "/c/{coalition}/signing/{id}/cancel", Map.of("cancelReason", "Overgenomen")),
            new Call("GET", "/c/{coalition}/verantwoording", null),
            new Call("POST", "/c/{coalition}/verantwoordingspakket/{id}", Map.of()),
            new Call(
                    "POST",
                    "/c/{coalition}/verantwoording",
                    Map.ofEntries(
                            Map.entry("subsidyYear", "2021"),
                            Map.entry("subsidyTitle", "Overgenomen"),
                            Map.entry("subsidyScope", "Subsidie preventie 2021"),
                            Map.entry("subsidyGrantor", "Gemeente Deventer"),
                            Map.entry("subsidyAmount", "1.000,00"),
                            Map.entry("subsidyFrom", "2021-01-01"),
                            Map.entry("subsidyUntil", "2021-12-31"),
                            Map.entry("subsidyDue", "2022-05-01"),
                            Map.entry("subsidyAccountantThreshold", "125.000,00"),
                            Map.entry("subsidyVarianceThreshold", "5"))),
            new Call("GET", "/c/{coalition}/verantwoording/{id}", null),
            new Call(
                    "POST",
                    "/c/{coalition}/verantwoording/{id}/{kind}",
                    Map.of("budgetMember", "{member}", "budgetCategory", "Overgenomen", "budgetAmount", "1,00")),
            new Call("GET", "/c/{coalition}/verantwoording/{id}/{kind}/{lineId}", null),
            new Call(
                    "POST",
                    "/c/{coalition}/verantwoording/{id}/{kind}/{lineId}",
                    Map.of(
                            "version", "0",
                            "budgetMember", "{member}",
                            "budgetCategory", "Overgenomen",
                            "budgetAmount", "1,00")),
            new Call("POST", "/c/{coalition}/verantwoording/{id}/{kind}/{lineId}/remove", Map.of()),
            new Call("GET", "/c/{coalition}/trajecten", null),
            new Call(
                    "POST", "/c/{coalition}/trajecten", Map.of("trajectTitle", "Overgenomen", "ownerBodyId", "{body}")),
            new Call("GET", "/c/{coalition}/trajecten/{id}", null),
            new Call("GET", "/c/{coalition}/trajecten/{id}/dossier", null),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/milestones",
                    Map.of(
                            "milestoneTitle", "Overgenomen",
                            "milestoneSubsidyId", "{subsidy}",
                            "milestoneMemberId", "{member}",
                            "milestoneDueOn", "2021-06-01",
                            "milestonePhaseId", "{phase}")),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/communicatie",
                    Map.of(
                            "commStakeholderIds", "{stakeholder}",
                            "commMessage", "Overgenomen",
                            "commChannel", "BRIEF",
                            "commPlannedOn", "2021-06-01",
                            "commResponsible", "Overgenomen")),
            new Call("POST", "/c/{coalition}/trajecten/{id}/communicatie/{momentId}/done", Map.of("version", "0")),
            new Call("GET", "/c/{coalition}/krachtenveld", null),
            new Call(
                    "POST",
                    "/c/{coalition}/krachtenveld",
                    Map.of("stakeholderName", "Overgenomen", "influence", "HIGH", "interestLevel", "LOW")),
            new Call("GET", "/c/{coalition}/krachtenveld/{id}", null),
            new Call(
                    "POST",
                    "/c/{coalition}/krachtenveld/{id}",
                    Map.of(
                            "stakeholderName",
                            "Overgenomen",
                            "influence",
                            "HIGH",
                            "interestLevel",
                            "LOW",
                            "version",
                            "0")),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/dossier",
                    Map.of("caseItem", "DOCUMENT:{upload}", "classification", "INTERN", "retentionYears", "7")),
            new Call("POST", "/c/{coalition}/trajecten/{id}/dossier/{entryId}/intrekken", Map.of()),
            new Call("GET", "/c/{coalition}/trajecten/{id}/dossier/zip", null),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/hours/import",
                    Api.Multipart.file(
                            "uren.csv",
                            "text/csv",
                            "week;persoon;lid;verwacht;gerealiseerd\n2021-W03;overgenomen@example.org;Overgenomen;1;1\n"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/phases",
                    Map.of("phaseName", "Overgenomen", "plannedStart", "2021-01-01", "plannedEnd", "2021-02-01")),
            new Call("GET", "/c/{coalition}/trajecten/{id}/phases/{phaseId}", null),
            new Call(
                    "POST",
                    "/c/{coalition}/trajecten/{id}/phases/{phaseId}",
                    Map.of(
                            "phaseName", "Overgenomen",
                            "plannedStart", "2021-01-01",
                            "plannedEnd", "2021-02-01",
                            "version", "0")),
            new Call("GET", "/c/{coalition}/members/{id}/representatives", null),
            new Call(
                    "POST",
                    "/c/{coalition}/members/{id}/invitations",
                    Map.of("email", "indringer@example.nl", "displayName", "Indringer", "mayVote", "on")));

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    Router router;

    Api api;
    CoalitionResponse deventer;
    CoalitionResponse woudenberg;
    String deventerSecretary;
    String deventerMemberId;
    String deventerRepresentativeId;
    String deventerSecretaryId;
    String deventerPenvoerderschapId;
    String deventerStatuteId;
    String deventerMemberName;
    String deventerBodyId;
    String deventerSeatId;
    String deventerMeetingId;
    String deventerItemId;
    String deventerDocumentId;
    String deventerAttachmentId;
    String deventerUploadId;
    String deventerSigningId;
    String deventerSubsidyId;
    String deventerBudgetLineId;
    String deventerPackId;
    String deventerTrajectId;
    String deventerPublicationId;
    String deventerPhaseId;
    String deventerMilestoneId;
    String deventerHoursId;
    String deventerCaseEntryId;
    String deventerStakeholderId;
    String deventerMomentId;

    String deventerActionId;
    String deventerProposalId;

    @BeforeAll
    void twoCoalitions() {
        api = new Api(server);
        deventer = fixtures.coalition("deventer", LegalForm.SAMENWERKINGSVERBAND);
        woudenberg = fixtures.coalition("woudenberg", LegalForm.COOPERATIE_UA);
        Account secretary = fixtures.member(deventer, "deventer-secretary", CoalitionRole.SECRETARY);
        deventerSecretaryId = secretary.id().toString();
        deventerSecretary = api.login(secretary.email(), Fixtures.PASSWORD);
        deventerMemberName = "MEE IJsseloevers " + Fixtures.unique("geheim");
        Api.Response created = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/members",
                deventerSecretary,
                Map.of(
                        "name",
                        deventerMemberName,
                        "kind",
                        "CLIENTONDERSTEUNING",
                        "joinedOn",
                        "2021-01-01",
                        "rsin",
                        "123456782"));
        assertThat(created.status()).isEqualTo(201);
        deventerMemberId = created.json().get("id").asText();
        deventerRepresentativeId = representative(deventer, deventerMemberId);
        Api.Response penvoerder = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/penvoerderschap",
                deventerSecretary,
                Map.of("scope", "Subsidie preventie 2021", "memberId", deventerMemberId, "validFrom", "2021-01-01"));
        assertThat(penvoerder.status()).isEqualTo(201);
        deventerPenvoerderschapId = penvoerder.json().get("id").asText();
        deventerStatuteId = api.post(
                        "/api/v1/coalitions/" + deventer.slug() + "/statutes",
                        deventerSecretary,
                        Map.of("title", "Convenant van preventie naar potentie"))
                .json()
                .get("id")
                .asText();
        String bodies = "/api/v1/coalitions/" + deventer.slug() + "/bodies";
        deventerBodyId =
                api.get(bodies, deventerSecretary).json().get(0).get("id").asText();
        Api.Response seat = api.post(
                bodies + "/" + deventerBodyId + "/seats",
                deventerSecretary,
                Map.of(
                        "memberId",
                        deventerMemberId,
                        "personName",
                        "Voorzitter Deventer",
                        "role",
                        "CHAIR",
                        "termFrom",
                        "2021-01-01"));
        assertThat(seat.status()).as(seat.toString()).isEqualTo(201);
        deventerSeatId = seat.json().get("seats").get(0).get("id").asText();
        Api.Response rhythm = api.put(
                bodies + "/" + deventerBodyId + "/rhythm",
                deventerSecretary,
                Map.of("phases", List.of(Map.of("everyWeeks", 2, "until", "2021-03-01"), Map.of("everyWeeks", 3))));
        assertThat(rhythm.status()).as(rhythm.toString()).isEqualTo(200);
        String meetings = "/api/v1/coalitions/" + deventer.slug() + "/meetings";
        Api.Response meeting = api.post(
                meetings,
                deventerSecretary,
                Map.of(
                        "bodyId",
                        deventerBodyId,
                        "title",
                        "Stuurgroep " + deventerMemberName,
                        "startsAt",
                        "2031-01-06T14:00:00+01:00",
                        "location",
                        "Stadhuis Deventer",
                        "agenda",
                        List.of(Map.of("title", "Opening", "kind", "INFORMATION"))));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        deventerMeetingId = meeting.json().get("id").asText();
        deventerItemId = meeting.json().get("agenda").get(0).get("id").asText();
        Api.Multipart document = Api.Multipart.text("geheim.txt", "Vertrouwelijk stuk " + deventerMemberName);
        Api.Response attached = api.send(
                "POST",
                meetings + "/" + deventerMeetingId + "/agenda/" + deventerItemId + "/documents",
                deventerSecretary,
                document.contentType(),
                document.bytes());
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        deventerDocumentId = attached.json()
                .get("agenda")
                .get(0)
                .get("documents")
                .get(0)
                .get("id")
                .asText();
        Api.Response action = api.post(
                meetings + "/" + deventerMeetingId + "/actions",
                deventerSecretary,
                Map.of("description", "Plan maken", "ownerName", "Raster"));
        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        deventerActionId = action.json().get("actions").get(0).get("id").asText();
        JsonNode body =
                api.get(bodies + "/" + deventerBodyId, deventerSecretary).json();
        Api.Response decides = api.put(
                bodies + "/" + deventerBodyId,
                deventerSecretary,
                Map.of(
                        "name", body.get("name").asText(),
                        "decisionTypes", List.of("ORDINARY"),
                        "formal", true,
                        "version", body.get("version").asInt()));
        assertThat(decides.status()).as(decides.toString()).isEqualTo(200);
        Api.Response proposal = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/proposals",
                deventerSecretary,
                Map.of(
                        "title",
                        "Voorstel " + deventerMemberName,
                        "decisionType",
                        "ORDINARY",
                        "bodyId",
                        deventerBodyId,
                        "mode",
                        "WRITTEN"));
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(201);
        deventerProposalId = proposal.json().get("id").asText();
        Api.Multipart pdf =
                Api.Multipart.file("Overeenkomst " + deventerMemberName + ".pdf", "application/pdf", SMALL_PDF);
        Api.Response uploaded = api.send(
                "POST",
                "/api/v1/coalitions/" + deventer.slug() + "/documents",
                deventerSecretary,
                pdf.contentType(),
                pdf.bytes());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        deventerUploadId = uploaded.json().get("id").asText();
        Api.Response signing = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/signature-requests",
                deventerSecretary,
                Map.of(
                        "documentId",
                        deventerUploadId,
                        "title",
                        "Ondertekening " + deventerMemberName,
                        "order",
                        "PARALLEL",
                        "deadline",
                        java.time.OffsetDateTime.now().plusDays(30).toString(),
                        "memberIds",
                        List.of(deventerMemberId)));
        assertThat(signing.status()).as(signing.toString()).isEqualTo(201);
        deventerSigningId = signing.json().get("id").asText();
        Api.Response subsidy = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/subsidies",
                deventerSecretary,
                SUBSIDY_BODY.replace("Overgenomen", "Subsidie " + deventerMemberName));
        assertThat(subsidy.status()).as(subsidy.toString()).isEqualTo(201);
        deventerSubsidyId = subsidy.json().get("id").asText();
        Api.Response line = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/subsidies/" + deventerSubsidyId + "/budget-lines",
                deventerSecretary,
                BUDGET_BODY
                        .replace("{member}", deventerMemberId)
                        .replace("Overgenomen", "Begroting " + deventerMemberName));
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        deventerBudgetLineId = line.json().get("budgetLines").get(0).get("id").asText();
        Api.Response pack = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/subsidies/" + deventerSubsidyId + "/packs",
                deventerSecretary,
                "{}");
        assertThat(pack.status()).as(pack.toString()).isEqualTo(202);
        deventerPackId = pack.json().get("id").asText();
        Api.Multipart bijlage = Api.Multipart.text("begroting.txt", "Vertrouwelijke begroting " + deventerMemberName);
        Api.Response withAttachment = api.send(
                "POST",
                "/api/v1/coalitions/" + deventer.slug() + "/proposals/" + deventerProposalId + "/attachments",
                deventerSecretary,
                bijlage.contentType(),
                bijlage.bytes());
        assertThat(withAttachment.status()).as(withAttachment.toString()).isEqualTo(201);
        deventerAttachmentId =
                withAttachment.json().get("attachments").get(0).get("id").asText();
        Api.Response milestone = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/subsidies/" + deventerSubsidyId + "/milestones",
                deventerSecretary,
                MILESTONE_BODY
                        .replace("{member}", deventerMemberId)
                        .replace("Overgenomen", "Mijlpaal " + deventerMemberName));
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        deventerMilestoneId =
                milestone.json().get("milestones").get(0).get("id").asText();
        Api.Response traject = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/trajects",
                deventerSecretary,
                Map.of(
                        "title",
                        "Traject " + deventerMemberName,
                        "ownerBodyId",
                        deventerBodyId,
                        "phases",
                        List.of(Map.of(
                                "name", "Fase " + deventerMemberName,
                                "plannedStart", "2021-01-01",
                                "plannedEnd", "2021-03-01"))));
        assertThat(traject.status()).as(traject.toString()).isEqualTo(201);
        deventerTrajectId = traject.json().get("id").asText();
        deventerPhaseId = traject.json().get("phases").get(0).get("id").asText();
        Api.Response publication = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/publications",
                deventerSecretary,
                Map.of(
                        "kind",
                        "DOCUMENT",
                        "title",
                        "Publicatie " + deventerMemberName,
                        "documentId",
                        deventerUploadId,
                        "trajectId",
                        deventerTrajectId));
        assertThat(publication.status()).as(publication.toString()).isEqualTo(201);
        deventerPublicationId = publication.json().get("id").asText();
        Api.Response linked = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/trajects/" + deventerTrajectId + "/milestones",
                deventerSecretary,
                Map.of("milestoneId", deventerMilestoneId, "phaseId", deventerPhaseId));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        Account person =
                fixtures.representative(deventer, java.util.UUID.fromString(deventerMemberId), "deventer-uren");
        Api.Response hours = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/trajects/" + deventerTrajectId + "/hours",
                deventerSecretary,
                Map.of(
                        "week",
                        "2021-W02",
                        "personEmail",
                        person.email(),
                        "memberId",
                        deventerMemberId,
                        "phaseId",
                        deventerPhaseId,
                        "expectedHours",
                        8,
                        "realisedHours",
                        6));
        assertThat(hours.status()).as(hours.toString()).isEqualTo(201);
        deventerHoursId = hours.json().get("id").asText();
        Api.Response entry = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/trajects/" + deventerTrajectId + "/case-file",
                deventerSecretary,
                Map.of("kind", "DOCUMENT", "refId", deventerUploadId, "classification", "INTERN", "retentionYears", 7));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        deventerCaseEntryId = entry.json().get("id").asText();
        Api.Response stakeholder = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/stakeholders",
                deventerSecretary,
                Map.of("name", "Gemeenteraad " + deventerMemberName, "influence", "HIGH", "interestLevel", "HIGH"));
        assertThat(stakeholder.status()).as(stakeholder.toString()).isEqualTo(201);
        deventerStakeholderId = stakeholder.json().get("id").asText();
        Api.Response moment = api.post(
                "/api/v1/coalitions/" + deventer.slug() + "/trajects/" + deventerTrajectId + "/communication-moments",
                deventerSecretary,
                Map.of(
                        "stakeholderIds",
                        List.of(deventerStakeholderId),
                        "message",
                        "Stand van zaken " + deventerMemberName,
                        "channel",
                        "BRIEF",
                        "plannedOn",
                        "2021-03-01",
                        "responsible",
                        "Projectleider"));
        assertThat(moment.status()).as(moment.toString()).isEqualTo(201);
        deventerMomentId = moment.json().get("id").asText();
    }

    /** A mandate written by the superuser: the invitation round trip is tested elsewhere. */
    private static String representative(CoalitionResponse coalition, String memberId) {
        nl.samenspel.core.testing.TestDatabase db = DatabaseTest.database();
        java.util.UUID id = java.util.UUID.randomUUID();
        try (java.sql.Connection admin =
                        java.sql.DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                java.sql.PreparedStatement ps = admin.prepareStatement(
                        "INSERT INTO samenspel.representative (coalition_id, id, member_id, account_id, may_vote, may_sign,"
                                + " valid_from) SELECT ?, ?, ?, id, true, true, DATE '2021-01-01' FROM samenspel.account"
                                + " ORDER BY created_at LIMIT 1")) {
            ps.setObject(1, coalition.id());
            ps.setObject(2, id);
            ps.setObject(3, java.util.UUID.fromString(memberId));
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> castForm(Object body) {
        return (Map<String, String>) body;
    }

    /** The first {id} is Deventer's member (or its penvoerderschap or body), a second one its representative. */
    String path(Call call, String slug, String memberId) {
        return call.template()
                .replace("{coalition}", slug)
                .replace("stakeholders/{id}", "stakeholders/" + deventerStakeholderId)
                .replace("krachtenveld/{id}", "krachtenveld/" + deventerStakeholderId)
                .replace("communication-moments/{id}", "communication-moments/" + deventerMomentId)
                .replace("{momentId}", deventerMomentId)
                .replace("penvoerderschap/{id}", "penvoerderschap/" + deventerPenvoerderschapId)
                .replace("statutes/{id}", "statutes/" + deventerStatuteId)
                .replace("{statute}", deventerStatuteId)
                .replace("bodies/{id}", "bodies/" + deventerBodyId)
                .replace("seats/{seatId}", "seats/" + deventerSeatId)
                .replace("/rhythm/next", "/rhythm/next?from=2021-01-11&count=3")
                .replace("meetings/{id}", "meetings/" + deventerMeetingId)
                .replace("{itemId}", deventerItemId)
                .replace("{documentId}", deventerDocumentId)
                .replace("actions/{id}", "actions/" + deventerActionId)
                .replace("proposals/{id}", "proposals/" + deventerProposalId)
                .replace("documents/{id}", "documents/" + deventerUploadId)
                .replace("signature-requests/{id}", "signature-requests/" + deventerSigningId)
                .replace("subsidies/{id}", "subsidies/" + deventerSubsidyId)
                .replace("{lineId}", deventerBudgetLineId)
                .replace("{packId}", deventerPackId)
                .replace("verantwoording/{id}", "verantwoording/" + deventerSubsidyId)
                .replace("verantwoordingspakket/{id}", "verantwoordingspakket/" + deventerSubsidyId)
                .replace("{kind}", "budget-lines")
                .replace("signing/{id}", "signing/" + deventerSigningId)
                .replace("{attachmentId}", deventerAttachmentId)
                .replace("trajects/{id}", "trajects/" + deventerTrajectId)
                .replace("publications/{id}", "publications/" + deventerPublicationId)
                .replace("publicaties/{id}", "publicaties/" + deventerPublicationId)
                .replace("{traject}", deventerTrajectId)
                .replace("case-file/{entryId}", "case-file/" + deventerCaseEntryId)
                .replace("dossier/{entryId}", "dossier/" + deventerCaseEntryId)
                .replace("{entryId}", deventerHoursId)
                .replace("trajecten/{id}", "trajecten/" + deventerTrajectId)
                .replace("{phaseId}", deventerPhaseId)
                .replaceFirst("\\{id}", memberId)
                .replaceFirst("\\{id}", deventerRepresentativeId);
    }

    /** Bodies (JSON or form fields) may name Deventer's secretary, member or statute: ids a Woudenberg user could have seen. */
    String body(Object body) {
        return body.toString()
                .replace("{secretary}", deventerSecretaryId)
                .replace("{member}", deventerMemberId)
                .replace("{statute}", deventerStatuteId)
                .replace("{body}", deventerBodyId)
                .replace("{upload}", deventerUploadId)
                .replace("{item}", deventerItemId)
                .replace("{meeting}", deventerMeetingId)
                .replace("{phase}", deventerPhaseId)
                .replace("{milestone}", deventerMilestoneId)
                .replace("{subsidy}", deventerSubsidyId)
                .replace("{stakeholder}", deventerStakeholderId);
    }

    /** What Deventer's secretary sees: members, the coalition, the audit chain, roles, bodies and meetings. */
    String deventerState() {
        String base = "/api/v1/coalitions/" + deventer.slug();
        return api.get(base, deventerSecretary).body()
                + api.get(base + "/members?status=ALL", deventerSecretary).body()
                + api.get(base + "/audit/verification", deventerSecretary).body()
                // Role grants sit outside RLS (a platform table): only the code keeps them apart.
                + api.get(base + "/roles", deventerSecretary).body()
                + api.get(base + "/penvoerderschap", deventerSecretary).body()
                + api.get(base + "/statutes", deventerSecretary).body()
                + api.get(base + "/statutes/" + deventerStatuteId, deventerSecretary)
                        .body()
                + api.get(base + "/bodies", deventerSecretary).body()
                + api.get(base + "/bodies/" + deventerBodyId, deventerSecretary).body()
                + api.get(base + "/meetings/" + deventerMeetingId, deventerSecretary)
                        .body()
                + api.get(base + "/actions", deventerSecretary).body()
                + api.get(base + "/decisions", deventerSecretary).body()
                + api.get(base + "/proposals/" + deventerProposalId, deventerSecretary)
                        .body()
                + api.get(base + "/documents", deventerSecretary).body()
                + api.get(base + "/signature-requests/" + deventerSigningId, deventerSecretary)
                        .body()
                + api.get(base + "/subsidies/" + deventerSubsidyId + "/figures", deventerSecretary)
                        .body()
                + api.get(base + "/trajects/" + deventerTrajectId, deventerSecretary)
                        .body()
                + api.get(base + "/trajects/" + deventerTrajectId + "/hours", deventerSecretary)
                        .body()
                + api.get(base + "/publications", deventerSecretary).body()
                + api.get(base + "/staff", deventerSecretary).body()
                + api.get(base + "/stakeholders", deventerSecretary).body()
                + api.get(base + "/trajects/" + deventerTrajectId + "/communication-moments", deventerSecretary)
                        .body()
                + api.get(base + "/trajects/" + deventerTrajectId + "/case-file", deventerSecretary)
                        .body();
    }
}
