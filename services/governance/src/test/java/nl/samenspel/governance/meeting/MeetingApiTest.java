package nl.samenspel.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyListAccessor;
import net.fortuna.ical4j.model.component.VEvent;
import nl.samenspel.core.testing.TestDatabase;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Meetings through the API against real PostgreSQL and a real SMTP server: the notice period, the
 * convocation with its iCalendar invitation, attendance and the live quorum, minutes, decisions,
 * action items, documents and the calendar feed.
 */
@MicronautTest(transactional = false)
class MeetingApiTest implements DatabaseTest {

    static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    final Smtp smtp = new Smtp();

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    OutboxDispatcher dispatcher;

    Api api;
    CoalitionResponse deventer;
    String secretary;
    String observer;
    String base;
    String stuurgroep;
    String klankbordgroep;
    final Map<String, String> members = new HashMap<>();
    final Map<String, Account> representatives = new HashMap<>();

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("samenspel.public-url", "https://samenspel.test");
        return properties;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server);
        deventer = fixtures.coalition("vergaderen", LegalForm.SAMENWERKINGSVERBAND);
        secretary = api.login(
                fixtures.member(deventer, "secretaris", CoalitionRole.SECRETARY).email(), Fixtures.PASSWORD);
        observer = api.login(
                fixtures.member(deventer, "waarnemer", CoalitionRole.OBSERVER).email(), Fixtures.PASSWORD);
        String slug = "/api/v1/coalitions/" + deventer.slug();
        base = slug + "/meetings";
        JsonNode bodies = api.get(slug + "/bodies", secretary).json();
        for (JsonNode b : bodies) {
            if (b.get("kind").asText().equals("STUURGROEP")) {
                stuurgroep = b.get("id").asText();
            }
            if (b.get("kind").asText().equals("KLANKBORDGROEP")) {
                klankbordgroep = b.get("id").asText();
            }
        }
        JsonNode sg = api.get(slug + "/bodies/" + stuurgroep, secretary).json();
        Api.Response mayDecide = api.put(
                slug + "/bodies/" + stuurgroep,
                secretary,
                Map.of(
                        "name", sg.get("name").asText(),
                        "mandate", "Stuurt op de uitvoering.",
                        "decisionTypes", List.of("ORDINARY", "BUDGET", "STATUTE_AMENDMENT"),
                        "formal", true,
                        "version", sg.get("version").asInt()));
        assertThat(mayDecide.status()).as(mayDecide.toString()).isEqualTo(200);
        for (String name : List.of("Raster", "De Kern", "MEE IJsseloevers", "Zorggroep Solis")) {
            String id = api.post(
                            slug + "/members",
                            secretary,
                            Map.of("name", name, "kind", "WELZIJN", "joinedOn", "2021-01-01"))
                    .json()
                    .get("id")
                    .asText();
            members.put(name, id);
            Api.Response seat = api.post(
                    slug + "/bodies/" + stuurgroep + "/seats",
                    secretary,
                    Map.of(
                            "memberId",
                            id,
                            "personName",
                            "Bestuurder " + name,
                            "role",
                            "MEMBER",
                            "termFrom",
                            "2021-01-01"));
            assertThat(seat.status()).as(seat.toString()).isEqualTo(201);
            representatives.put(name, fixtures.representative(deventer, UUID.fromString(id), "rep"));
        }
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    // --- helpers

    static String at(int daysFromNow, int hour) {
        return LocalDate.now(NL)
                .plusDays(daysFromNow)
                .atTime(hour, 0)
                .atZone(NL)
                .toOffsetDateTime()
                .toString();
    }

    Api.Response schedule(String title, String startsAt, List<Map<String, Object>> agenda) {
        Map<String, Object> body = new HashMap<>();
        body.put("bodyId", stuurgroep);
        body.put("title", title);
        body.put("startsAt", startsAt);
        body.put("location", "Stadhuis Deventer, Grote Kerkhof 4");
        body.put("agenda", agenda);
        return api.post(base, secretary, body);
    }

    static Map<String, Object> decision(String title, String type) {
        return Map.of("title", title, "kind", "DECISION", "decisionType", type);
    }

    static Map<String, Object> info(String title) {
        return Map.of("title", title, "kind", "INFORMATION");
    }

    JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Time passes: the meeting moves the given number of days into the past, as if it had been held. */
    static void shiftIntoThePast(String meetingId, int days) {
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps = admin.prepareStatement(
                        "UPDATE samenspel.meeting SET starts_at = starts_at - make_interval(days => ?),"
                                + " ends_at = ends_at - make_interval(days => ?) WHERE id = ?")) {
            ps.setInt(1, days);
            ps.setInt(2, days);
            ps.setObject(3, UUID.fromString(meetingId));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response attendance(String meetingId, List<Map<String, Object>> entries) {
        return api.put(base + "/" + meetingId + "/attendance", secretary, Map.of("entries", entries));
    }

    Map<String, Object> present(String name) {
        return Map.of("memberId", members.get(name), "status", "PRESENT", "personName", "Bestuurder " + name);
    }

    Map<String, Object> absent(String name) {
        return Map.of("memberId", members.get(name), "status", "ABSENT");
    }

    Map<String, Object> represented(String name, String by) {
        return Map.of("memberId", members.get(name), "status", "REPRESENTED", "proxyHolderId", members.get(by));
    }

    static Calendar ical(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/calendar")) {
                Object content = part.getContent();
                String text = content instanceof String s
                        ? s
                        : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
                return new CalendarBuilder().build(new StringReader(text));
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    static String prop(PropertyListAccessor holder, String name) {
        return holder.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }

    // --- the notice period

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheNoticePeriod {

        @Test
        void aDecisionItemInsideTheNoticePeriodIsRefusedWithTheRuleAndNothingIsKept() {
            String title = "Te kort dag " + Fixtures.unique("");
            Api.Response refused = schedule(title, at(3, 14), List.of(decision("Begroting 2027", "BUDGET")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("code").asText()).isEqualTo("meeting.notice-period");
            assertThat(problem.get("detail").asText())
                    .contains("template defaults for a samenwerkingsverband")
                    .contains("at least 7 days")
                    .contains(LocalDate.now(NL).plusDays(7).toString());
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("startsAt");
            assertThat(api.get(base, secretary).body()).doesNotContain(title);
        }

        @Test
        void sevenDaysAheadIsEnoughAndAMeetingWithoutDecisionsMayBeTomorrow() {
            created(schedule("Op tijd", at(7, 14), List.of(decision("Begroting 2027", "BUDGET"))));
            created(schedule("Informeel overleg", at(1, 10), List.of(info("Stand van zaken"))));
        }

        @Test
        void addingADecisionItemLaterIsCheckedAgainstTheSameRule() {
            JsonNode meeting = created(schedule("Morgen", at(1, 10), List.of(info("Stand van zaken"))));
            Api.Response refused = api.post(
                    base + "/" + meeting.get("id").asText() + "/agenda",
                    secretary,
                    decision("Toch besluiten", "ORDINARY"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("code").asText()).isEqualTo("meeting.notice-period");
            assertThat(api.get(base + "/" + meeting.get("id").asText(), secretary)
                            .json()
                            .get("agenda"))
                    .hasSize(1);
        }

        @Test
        void aDecisionTheBodyMayNotTakeIsRefused() {
            Api.Response refused = schedule("Ontbinden", at(30, 14), List.of(decision("Opheffen", "DISSOLUTION")));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("agenda[0].decisionType");
        }
    }

    // --- convocation and iCalendar

    @Test
    void theConvocationReachesEveryRepresentativeWithAValidICalendarInvitationAndACancellationFollows()
            throws Exception {
        String title = "Stuurgroep " + Fixtures.unique("");
        JsonNode meeting =
                created(schedule(title, at(10, 14), List.of(info("Opening"), decision("Jaarplan", "ORDINARY"))));
        String id = meeting.get("id").asText();
        JsonNode convened =
                api.post(base + "/" + id + "/convocation", secretary, Map.of()).json();
        assertThat(convened.get("status").asText()).isEqualTo("CONVENED");
        dispatcher.dispatchDue();

        for (Account rep : representatives.values()) {
            List<MimeMessage> mail = smtp.to(rep.email()).stream()
                    .filter(m -> {
                        try {
                            return m.getSubject().contains(title);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(mail).as(rep.email()).hasSize(1);
            assertThat(Smtp.text(mail.get(0)))
                    .contains("U wordt opgeroepen")
                    .contains("2. Jaarplan (besluit)")
                    .contains("https://samenspel.test/c/" + deventer.slug() + "/meetings/" + id);
            Calendar calendar = ical(mail.get(0));
            calendar.validate();
            assertThat(prop(calendar, "METHOD")).isEqualTo("REQUEST");
            VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
            assertThat(prop(event, "UID")).isEqualTo(id + "@samenspel");
            assertThat(prop(event, "DTSTART"))
                    .isEqualTo(OffsetDateTime.parse(at(10, 14))
                            .toInstant()
                            .toString()
                            .replace("-", "")
                            .replace(":", ""));
            assertThat(prop(event, "LOCATION")).isEqualTo("Stadhuis Deventer, Grote Kerkhof 4");
            assertThat(event.getProperties("ATTENDEE").stream().map(Property::getValue))
                    .contains("mailto:" + rep.email());
        }

        Api.Response again = api.post(base + "/" + id + "/convocation", secretary, Map.of());
        assertThat(again.status()).isEqualTo(409);

        JsonNode cancelled =
                api.post(base + "/" + id + "/cancellation", secretary, Map.of()).json();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        dispatcher.dispatchDue();
        Account raster = representatives.get("Raster");
        MimeMessage cancellation = smtp.to(raster.email()).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Afgelast")
                                && m.getSubject().contains(title);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        Calendar cancel = ical(cancellation);
        assertThat(prop(cancel, "METHOD")).isEqualTo("CANCEL");
        VEvent event = (VEvent) cancel.getComponent(Component.VEVENT).orElseThrow();
        assertThat(prop(event, "UID")).isEqualTo(id + "@samenspel");
        assertThat(Integer.parseInt(prop(event, "SEQUENCE"))).isPositive();
        assertThat(prop(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(api.post(base + "/" + id + "/agenda", secretary, info("Na afgelasting"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void anObserverReadsMeetingsButCannotScheduleOne() {
        Map<String, Object> body = new HashMap<>();
        body.put("bodyId", stuurgroep);
        body.put("title", "Door waarnemer");
        body.put("startsAt", at(20, 14));
        body.put("location", "Thuis");
        Api.Response refused = api.post(base, observer, body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get(base, observer).status()).isEqualTo(200);
    }

    // --- attendance, quorum and decisions

    @Test
    void theQuorumFollowsAttendanceAndProxiesAndADecisionNeedsIt() {
        JsonNode meeting = created(schedule(
                "Besluitvorming " + Fixtures.unique(""), at(8, 14), List.of(decision("Jaarplan 2027", "ORDINARY"))));
        String id = meeting.get("id").asText();
        String item = meeting.get("agenda").get(0).get("id").asText();
        JsonNode quorum = meeting.get("quorum").get("results").get(0);
        assertThat(quorum.get("base").asInt()).isEqualTo(4);
        assertThat(quorum.get("required").asInt()).isEqualTo(3);
        assertThat(quorum.get("met").asBoolean()).isFalse();

        Api.Response early = api.post(
                base + "/" + id + "/decisions",
                secretary,
                Map.of("agendaItemId", item, "text", "Vastgesteld", "outcome", "ADOPTED"));
        assertThat(early.status()).as("before the meeting").isEqualTo(409);
        assertThat(api.post(base + "/" + id + "/convocation", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        shiftIntoThePast(id, 9);

        // Two present: 2 of 4, 3 needed.
        JsonNode two = attendance(id, List.of(present("Raster"), present("De Kern"), absent("Zorggroep Solis")))
                .json();
        assertThat(two.get("quorum").get("results").get(0).get("present").asInt())
                .isEqualTo(2);
        Api.Response noQuorum = api.post(
                base + "/" + id + "/decisions",
                secretary,
                Map.of("agendaItemId", item, "text", "Vastgesteld", "outcome", "ADOPTED"));
        assertThat(noQuorum.status()).as(noQuorum.toString()).isEqualTo(422);
        assertThat(noQuorum.json().get("code").asText()).isEqualTo("meeting.no-quorum");
        assertThat(noQuorum.json().get("detail").asText()).contains("Aanwezig of vertegenwoordigd: 2 van 4; nodig: 3.");

        // A proxy to an absent member does not count; it is refused outright.
        Api.Response absentHolder = attendance(
                id, List.of(present("Raster"), represented("De Kern", "Zorggroep Solis"), absent("Zorggroep Solis")));
        assertThat(absentHolder.status()).isEqualTo(422);
        assertThat(absentHolder.json().get("errors").get(0).get("code").asText())
                .isEqualTo("meeting.proxy-holder-absent");
        // Two proxies for one holder exceed the template's cap of one.
        Api.Response overCap = attendance(
                id,
                List.of(
                        present("Raster"),
                        represented("De Kern", "Raster"),
                        represented("MEE IJsseloevers", "Raster")));
        assertThat(overCap.status()).isEqualTo(422);
        assertThat(overCap.json().get("errors").get(0).get("code").asText()).isEqualTo("meeting.proxy-cap");

        // Raster and De Kern present, MEE represented by Raster: 3 of 4.
        JsonNode three = attendance(
                        id, List.of(present("Raster"), present("De Kern"), represented("MEE IJsseloevers", "Raster")))
                .json();
        JsonNode met = three.get("quorum").get("results").get(0);
        assertThat(met.get("met").asBoolean()).isTrue();
        assertThat(met.get("explanation").toString())
                .contains("MEE IJsseloevers is vertegenwoordigd door Raster en telt als aanwezig.");
        JsonNode decided = created(api.post(
                base + "/" + id + "/decisions",
                secretary,
                Map.of("agendaItemId", item, "text", "Het jaarplan 2027 wordt vastgesteld.", "outcome", "ADOPTED")));
        JsonNode entry = decided.get("decisions").get(0);
        assertThat(entry.get("number").asInt()).isPositive();
        assertThat(api.get("/api/v1/coalitions/" + deventer.slug() + "/decisions", observer)
                        .body())
                .contains("Het jaarplan 2027 wordt vastgesteld.");
        assertThat(api.post(base + "/" + id + "/cancellation", secretary, Map.of())
                        .status())
                .as("a meeting that took place cannot be cancelled")
                .isEqualTo(409);
        Api.Response changed = attendance(id, List.of(present("Raster")));
        assertThat(changed.status())
                .as("the attendance decisions rest on is final")
                .isEqualTo(409);
        assertThat(changed.json().get("code").asText()).isEqualTo("meeting.attendance-final");
        Map<String, Object> move = new HashMap<>();
        move.put(
                "version",
                api.get(base + "/" + id, secretary).json().get("version").asInt());
        move.put("title", "Verplaatst");
        move.put("startsAt", at(20, 14));
        move.put("location", "Elders");
        Api.Response moved = api.put(base + "/" + id, secretary, move);
        assertThat(moved.status()).as("a held meeting is not moved").isEqualTo(409);
        assertThat(moved.json().get("code").asText()).isEqualTo("meeting.already-started");
        assertThat(api.get(base + "/" + id + "/quorum", observer)
                        .json()
                        .get("rulesSource")
                        .asText())
                .contains("samenwerkingsverband");
    }

    @Test
    void attendanceOfAMemberWithoutASeatIsRefused() {
        JsonNode meeting = created(schedule("Zonder zetel", at(1, 9), List.of(info("Opening"))));
        Api.Response refused = attendance(
                meeting.get("id").asText(),
                List.of(Map.of("memberId", UUID.randomUUID().toString(), "status", "PRESENT")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("entries[0].memberId");
    }

    // --- minutes

    @Test
    void minutesAreDraftedAfterTheMeetingAndApprovedOnlyInALaterMeetingOfTheSameBody() throws SQLException {
        JsonNode first = created(schedule("Eerste " + Fixtures.unique(""), at(1, 9), List.of(info("Opening"))));
        String firstId = first.get("id").asText();
        Api.Response tooEarly = api.put(base + "/" + firstId + "/minutes", secretary, Map.of("text", "Concept"));
        assertThat(tooEarly.status()).isEqualTo(409);
        shiftIntoThePast(firstId, 15);
        JsonNode drafted = api.put(base + "/" + firstId + "/minutes", secretary, Map.of("text", "Concept notulen"))
                .json();
        assertThat(drafted.get("minutes").get("status").asText()).isEqualTo("DRAFT");
        JsonNode edited = api.put(
                        base + "/" + firstId + "/minutes",
                        secretary,
                        Map.of(
                                "text",
                                "Notulen, aangevuld",
                                "version",
                                drafted.get("minutes").get("version").asInt()))
                .json();
        int version = edited.get("minutes").get("version").asInt();
        assertThat(api.put(base + "/" + firstId + "/minutes", secretary, Map.of("text", "Oud", "version", 0))
                        .status())
                .as("a stale version")
                .isEqualTo(409);

        JsonNode future = created(schedule("Volgende", at(6, 9), List.of(info("Notulen vorige vergadering"))));
        Api.Response notBegun = api.post(
                base + "/" + firstId + "/minutes/approval",
                secretary,
                Map.of("inMeetingId", future.get("id").asText(), "version", version));
        assertThat(notBegun.status()).isEqualTo(422);
        assertThat(notBegun.json().get("errors").get(0).get("code").asText()).isEqualTo("minutes.meeting-not-begun");
        assertThat(future.get("minutesToApprove").toString()).contains(firstId);

        Map<String, Object> klankbord = new HashMap<>();
        klankbord.put("bodyId", klankbordgroep);
        klankbord.put("title", "Klankbord");
        klankbord.put("startsAt", at(0, 0));
        klankbord.put("onlineUrl", "https://meet.example.nl/klankbord");
        JsonNode other = created(api.post(base, secretary, klankbord));
        Api.Response otherBody = api.post(
                base + "/" + firstId + "/minutes/approval",
                secretary,
                Map.of("inMeetingId", other.get("id").asText(), "version", version));
        assertThat(otherBody.json().get("errors").get(0).get("code").asText()).isEqualTo("minutes.other-body");

        shiftIntoThePast(future.get("id").asText(), 7);
        Api.Response approval = api.post(
                base + "/" + firstId + "/minutes/approval",
                secretary,
                Map.of("inMeetingId", future.get("id").asText(), "version", version));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        JsonNode approved = approval.json();
        assertThat(approved.get("minutes").get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("minutes").get("approvedInMeetingId").asText())
                .isEqualTo(future.get("id").asText());
        Api.Response edit = api.put(
                base + "/" + firstId + "/minutes",
                secretary,
                Map.of(
                        "text",
                        "Achteraf anders",
                        "version",
                        approved.get("minutes").get("version").asInt()));
        assertThat(edit.status()).isEqualTo(409);

        // Not even the application's own database role can change approved minutes.
        TestDatabase db = DatabaseTest.database();
        try (Connection app = DriverManager.getConnection(db.appUrl(), db.appUser(), db.rolePassword())) {
            app.setAutoCommit(false);
            try (PreparedStatement bind =
                    app.prepareStatement("SELECT set_config('samenspel.coalition_id', ?, true)")) {
                bind.setString(1, deventer.id().toString());
                bind.execute();
            }
            assertThatThrownBy(() -> {
                        try (PreparedStatement ps = app.prepareStatement(
                                "UPDATE meeting_minutes SET text = 'vervalst' WHERE meeting_id = ?")) {
                            ps.setObject(1, UUID.fromString(firstId));
                            ps.executeUpdate();
                        }
                    })
                    .hasMessageContaining("approved minutes cannot change");
            app.rollback();
        }
    }

    // --- action items

    @Test
    void actionItemsAreOwnedDatedAndClosed() {
        JsonNode meeting = created(schedule("Acties " + Fixtures.unique(""), at(2, 9), List.of(info("Rondvraag"))));
        String description = "Voorstel wijkteams uitwerken " + Fixtures.unique("");
        JsonNode withAction = created(api.post(
                base + "/" + meeting.get("id").asText() + "/actions",
                secretary,
                Map.of(
                        "description",
                        description,
                        "ownerName",
                        "Raster",
                        "ownerMemberId",
                        members.get("Raster"),
                        "dueOn",
                        LocalDate.now(NL).plusDays(14).toString())));
        JsonNode action = withAction.get("actions").get(0);
        assertThat(action.get("status").asText()).isEqualTo("OPEN");
        String actions = "/api/v1/coalitions/" + deventer.slug() + "/actions";
        assertThat(api.get(actions + "?open=true", observer).body()).contains(description);
        String status = actions + "/" + action.get("id").asText() + "/status";
        JsonNode done = api.put(status, secretary, Map.of("status", "DONE", "version", 0))
                .json();
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("closedAt").isNull()).isFalse();
        assertThat(api.put(status, secretary, Map.of("status", "OPEN", "version", 0))
                        .status())
                .isEqualTo(409);
        assertThat(api.get(actions + "?open=true", observer).body()).doesNotContain(description);
        assertThat(api.get(actions, observer).body()).contains(description);
    }

    // --- agenda and documents

    @Test
    void documentsAreStoredWithTheirHashAndServedAsTheyCame() throws Exception {
        JsonNode meeting = created(schedule("Stukken " + Fixtures.unique(""), at(3, 9), List.of(info("Jaarverslag"))));
        String id = meeting.get("id").asText();
        String item = meeting.get("agenda").get(0).get("id").asText();
        byte[] pdf = "%PDF-1.7\n% Samenspel test\n".getBytes(StandardCharsets.US_ASCII);
        Api.Multipart upload = Api.Multipart.file("Jaarverslag 2025 (concept).pdf", "application/octet-stream", pdf);
        JsonNode attached = created(api.send(
                "POST",
                base + "/" + id + "/agenda/" + item + "/documents",
                secretary,
                upload.contentType(),
                upload.bytes()));
        JsonNode doc = attached.get("agenda").get(0).get("documents").get(0);
        assertThat(doc.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(doc.get("sha256").asText()).isEqualTo(AgendaDocuments.sha256(pdf));
        Api.Response download =
                api.get(base + "/" + id + "/documents/" + doc.get("id").asText(), observer);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("Jaarverslag%202025%20%28concept%29.pdf");
        assertThat(download.body()).isEqualTo(new String(pdf, StandardCharsets.UTF_8));

        Api.Multipart exe =
                Api.Multipart.file("virus.exe", "application/pdf", "MZ...".getBytes(StandardCharsets.US_ASCII));
        Api.Response refused = api.send(
                "POST", base + "/" + id + "/agenda/" + item + "/documents", secretary, exe.contentType(), exe.bytes());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("document.type-not-accepted");
        Api.Multipart fake =
                Api.Multipart.file("stuk.pdf", "application/pdf", "geen pdf".getBytes(StandardCharsets.UTF_8));
        Api.Response mismatch = api.send(
                "POST",
                base + "/" + id + "/agenda/" + item + "/documents",
                secretary,
                fake.contentType(),
                fake.bytes());
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("errors").get(0).get("code").asText()).isEqualTo("document.content-mismatch");
        assertThat(api.get(base + "/" + id, secretary)
                        .json()
                        .get("agenda")
                        .get(0)
                        .get("documents"))
                .hasSize(1);
    }

    @Test
    void theAgendaIsReorderedAndAnIncompleteOrderIsRefused() {
        JsonNode meeting = created(schedule(
                "Volgorde " + Fixtures.unique(""), at(2, 9), List.of(info("Een"), info("Twee"), info("Drie"))));
        String id = meeting.get("id").asText();
        List<String> ids = new ArrayList<>();
        meeting.get("agenda").forEach(i -> ids.add(i.get("id").asText()));
        JsonNode reordered = api.put(
                        base + "/" + id + "/agenda-order",
                        secretary,
                        Map.of("itemIds", List.of(ids.get(2), ids.get(0), ids.get(1))))
                .json();
        List<String> titles = new ArrayList<>();
        reordered.get("agenda").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).containsExactly("Drie", "Een", "Twee");
        Api.Response incomplete =
                api.put(base + "/" + id + "/agenda-order", secretary, Map.of("itemIds", List.of(ids.get(0))));
        assertThat(incomplete.status()).isEqualTo(422);
        JsonNode removed = api.send(
                        "DELETE", base + "/" + id + "/agenda/" + ids.get(0), secretary, "application/json", new byte[0])
                .json();
        titles.clear();
        removed.get("agenda")
                .forEach(i ->
                        titles.add(i.get("position").asInt() + i.get("title").asText()));
        assertThat(titles).containsExactly("0Drie", "1Twee");
    }

    // --- bad input

    @Test
    void badInputGetsAProblemWithTheField() {
        Map<String, Object> noPlace = new HashMap<>();
        noPlace.put("bodyId", stuurgroep);
        noPlace.put("title", "Nergens");
        noPlace.put("startsAt", at(9, 14));
        Api.Response placeless = api.post(base, secretary, noPlace);
        assertThat(placeless.status()).isEqualTo(422);
        assertThat(placeless.json().get("errors").get(0).get("field").asText()).isEqualTo("location");

        Map<String, Object> backwards = new HashMap<>(noPlace);
        backwards.put("location", "Stadhuis");
        backwards.put("endsAt", at(9, 13));
        assertThat(api.post(base, secretary, backwards)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("endsAt");

        Map<String, Object> badUrl = new HashMap<>(noPlace);
        badUrl.put("onlineUrl", "javascript:alert(1)");
        Api.Response script = api.post(base, secretary, badUrl);
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.body()).contains("onlineUrl");

        Map<String, Object> unknownBody = new HashMap<>(backwards);
        unknownBody.remove("endsAt");
        unknownBody.put("bodyId", UUID.randomUUID().toString());
        assertThat(api.post(base, secretary, unknownBody)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("bodyId");

        Api.Response notADate = api.send(
                "POST",
                base,
                secretary,
                "application/json",
                ("{\"bodyId\":\"" + stuurgroep + "\",\"title\":\"x\",\"startsAt\":\"morgen\",\"location\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(notADate.status()).isIn(400, 422);
        assertThat(notADate.contentType()).startsWith("application/problem+json");

        Api.Response decisionWithoutType =
                schedule("x", at(30, 9), List.of(Map.of("title", "Besluit", "kind", "DECISION")));
        assertThat(decisionWithoutType.json().get("errors").get(0).get("field").asText())
                .isEqualTo("agenda[0].decisionType");
        assertThat(api.get(base + "/" + UUID.randomUUID(), secretary).status()).isEqualTo(404);
        assertThat(api.get(base + "/niet-een-id", secretary).status()).isIn(400, 404);
    }

    // --- the calendar feed

    @Test
    void theFeedListsTheMeetingsAndASubscriptionLinkWorksUntilReplaced() throws Exception {
        String title = "In de agenda " + Fixtures.unique("");
        created(schedule(title, at(12, 15), List.of(info("Opening"))));
        Api.Response feed = api.get("/api/v1/coalitions/" + deventer.slug() + "/meetings.ics", observer);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        calendar.validate();
        assertThat(calendar.getComponents(Component.VEVENT).stream().map(e -> prop((Component) e, "SUMMARY")))
                .anyMatch(s -> s.endsWith(title));

        String link = api.post("/api/v1/coalitions/" + deventer.slug() + "/calendar-link", observer, Map.of())
                .json()
                .get("url")
                .asText();
        assertThat(link).startsWith("https://samenspel.test/ical/").endsWith(".ics");
        String path = link.substring("https://samenspel.test".length());
        Api.Response anonymous = api.get(path, null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains(title);

        api.post("/api/v1/coalitions/" + deventer.slug() + "/calendar-link", observer, Map.of());
        assertThat(api.get(path, null).status()).as("the old link is revoked").isEqualTo(404);
        assertThat(api.get("/ical/" + "A".repeat(43) + ".ics", null).status()).isEqualTo(404);
        assertThat(api.get("/ical/kort", null).status()).isEqualTo(404);
    }

    @Test
    void aCalendarLinkStopsWorkingWhenItsAccountLosesItsRole() {
        Account temp = fixtures.member(deventer, "tijdelijk", CoalitionRole.OBSERVER);
        String token = api.login(temp.email(), Fixtures.PASSWORD);
        String link = api.post("/api/v1/coalitions/" + deventer.slug() + "/calendar-link", token, Map.of())
                .json()
                .get("url")
                .asText();
        String path = link.substring("https://samenspel.test".length());
        assertThat(api.get(path, null).status()).isEqualTo(200);
        TestDatabase db = DatabaseTest.database();
        try (Connection admin = DriverManager.getConnection(db.adminUrl(), db.adminUser(), db.adminPassword());
                PreparedStatement ps =
                        admin.prepareStatement("DELETE FROM samenspel.coalition_role WHERE account_id = ?")) {
            ps.setObject(1, temp.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(api.get(path, null).status()).isEqualTo(404);
    }

    static Instant truncated(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aMeetingThatWasNeverCalledTakesNoDecisions() {
        JsonNode meeting = created(schedule(
                "Nooit opgeroepen " + Fixtures.unique(""), at(8, 14), List.of(decision("Jaarplan", "ORDINARY"))));
        String id = meeting.get("id").asText();
        shiftIntoThePast(id, 9);
        attendance(id, List.of(present("Raster"), present("De Kern"), present("MEE IJsseloevers")));
        Api.Response refused = api.post(
                base + "/" + id + "/decisions",
                secretary,
                Map.of(
                        "agendaItemId",
                        meeting.get("agenda").get(0).get("id").asText(),
                        "text",
                        "Vastgesteld",
                        "outcome",
                        "ADOPTED"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("meeting.not-convened");
    }

    @Test
    void aBodyWhoseSeatsHaveLapsedHasNoVotersRatherThanEveryMember() {
        String slug = "/api/v1/coalitions/" + deventer.slug();
        JsonNode body = created(api.post(
                slug + "/bodies",
                secretary,
                Map.of(
                        "kind",
                        "PROJECTGROEP",
                        "name",
                        "Werkgroep " + Fixtures.unique(""),
                        "decisionTypes",
                        List.of("ORDINARY"))));
        String bodyId = body.get("id").asText();
        JsonNode seated = created(api.post(
                slug + "/bodies/" + bodyId + "/seats",
                secretary,
                Map.of(
                        "memberId",
                        members.get("Raster"),
                        "personName",
                        "Anna",
                        "role",
                        "MEMBER",
                        "termFrom",
                        "2021-01-01")));
        Api.Response ended = api.post(
                slug + "/bodies/" + bodyId + "/seats/"
                        + seated.get("seats").get(0).get("id").asText() + "/end",
                secretary,
                Map.of("termUntil", LocalDate.now(NL).plusDays(1).toString(), "version", 0));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        Map<String, Object> request = new HashMap<>();
        request.put("bodyId", bodyId);
        request.put("title", "Na de zittingstermijn");
        request.put("startsAt", at(10, 10));
        request.put("location", "Raster");
        JsonNode later = created(api.post(base, secretary, request));
        assertThat(later.path("attendance"))
                .as("no voters once the only seat has lapsed")
                .isEmpty();
        request.put("startsAt", at(0, 0));
        JsonNode today = created(api.post(base, secretary, request));
        assertThat(today.get("attendance")).hasSize(1);
    }
}
