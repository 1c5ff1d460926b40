package nl.samenspel.governance.demo;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.meeting.ActionItem;
import nl.samenspel.governance.meeting.AgendaItem;
import nl.samenspel.governance.meeting.Decision;
import nl.samenspel.governance.meeting.MeetingRecordService;
import nl.samenspel.governance.meeting.MeetingRequests;
import nl.samenspel.governance.meeting.MeetingResponse;
import nl.samenspel.governance.meeting.MeetingService;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.statute.Article;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.statute.rules.Quorum;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * A meeting history for the demo coalitions, relative to today, entered through the meeting services
 * as a secretary would. Agendas, decisions and actions follow the coalitions' own plans (plan van
 * aanpak Deventer, January 2021; plan van aanpak De Kleine Schans, 2017).
 *
 * <p>The past: a decision item needs the notice period ahead of the meeting, and attendance, decisions
 * and minutes wait until a meeting has begun. Instead of writing rows for today and moving them back
 * with SQL, the history goes through copies of the services that read a {@link HistoryClock}, set to
 * the moment each step happened ({@link MeetingService#at}). Every rule is then checked as on that day
 * (notice, quorum, approval in a later meeting), and the recorded times (convened, decided, approved,
 * closed) tell one consistent story. The audit chain keeps the system clock: it says truthfully that
 * the demo entered these records at start-up. Convocations of past meetings are not mailed now; the
 * upcoming stuurgroep is called with the ordinary services, so its convocation reaches the outbox.
 */
@Singleton
@Requires(property = "samenspel.demo-data", value = "true")
@Requires(notEnv = "prod")
class DemoMeetings {

    /** The Deventer members the stuurgroep history names. */
    record Deventer(CoalitionAccess access, UUID stuurgroep, UUID raster, UUID deKern, UUID mee, UUID solis) {}

    /** The Woudenberg bodies and the draft statutes the ALV is to decide on. */
    record Woudenberg(CoalitionAccess access, UUID alv, UUID governanceTafel, StatuteResponse draftStatutes) {}

    private static final String STADHUIS = "Stadhuis Deventer, Grote Kerkhof 4";
    private static final String GEMEENTEHUIS = "Gemeentehuis Woudenberg";
    private static final DateTimeFormatter DUTCH_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    /** Convocations of meetings long past went out back then; sending them now would only confuse. */
    private static final MailOutbox ALREADY_SENT = new MailOutbox(null, null) {
        @Override
        public UUID enqueue(
                CoalitionId coalition, String recipient, String subject, String text, String html, String ical) {
            return UUID.randomUUID();
        }
    };

    private final MeetingService planning;
    private final MeetingRecordService records;
    private final BodyService bodies;
    private final Clock clock;

    DemoMeetings(MeetingService planning, MeetingRecordService records, BodyService bodies, Clock clock) {
        this.planning = planning;
        this.records = records;
        this.bodies = bodies;
        this.clock = clock;
    }

    /**
     * Three stuurgroep meetings: about three weeks ago (communicatieplan adopted, Solis represented by
     * De Kern), a week ago (those minutes approved, a decision, three actions) and the next one by the
     * rhythm, convened, with a budget decision on its agenda.
     */
    void deventer(Deventer d) {
        CoalitionAccess access = d.access();
        LocalDate today = MeetingTime.day(clock.instant());
        HistoryClock then = new HistoryClock();
        MeetingService pastPlanning = planning.at(then, ALREADY_SENT);
        MeetingRecordService pastRecords = records.at(then);

        // On Tuesdays: the last one 5 to 11 days ago, the one before two weeks earlier.
        LocalDate secondDay = today.minusDays(5).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        LocalDate firstDay = secondDay.minusWeeks(2);
        // The next meeting follows the body's rhythm (every 3 weeks now), anchored on the last one.
        LocalDate thirdDay =
                bodies.nextMeetings(access, d.stuurgroep(), secondDay, 2).get(1);

        then.set(at(firstDay.minusDays(8), 9, 0));
        MeetingResponse first = pastPlanning.schedule(
                access,
                new MeetingRequests.Schedule(
                        d.stuurgroep(),
                        "Communicatieplan preventie",
                        local(at(firstDay, 14, 0)),
                        local(at(firstDay, 16, 0)),
                        STADHUIS,
                        null,
                        List.of(
                                item(AgendaItem.Kind.INFORMATION, "Opening en vaststellen agenda", ""),
                                item(AgendaItem.Kind.DISCUSSION, "Notulen vorige vergadering", ""),
                                item(
                                        AgendaItem.Kind.INFORMATION,
                                        "Terugkoppeling stuurgroep ontvlechting",
                                        "Mondelinge terugkoppeling; vast agendapunt volgens de werkafspraken."),
                                decision(
                                        DecisionType.ORDINARY,
                                        "Communicatieplan preventie (ter vaststelling)",
                                        "Opgesteld door de communicatieadviseurs op basis van de opdracht van de"
                                                + " projectgroep (lijn Dichtbij)."),
                                item(AgendaItem.Kind.INFORMATION, "Rondvraag en sluiting", ""))));
        pastPlanning.convene(access, first.id());
        then.set(at(firstDay, 14, 5));
        pastRecords.recordAttendance(
                access,
                first.id(),
                new MeetingRequests.AttendanceList(List.of(
                        present(d.raster(), "Manager Raster"),
                        present(d.deKern(), "Manager De Kern"),
                        present(d.mee(), "Manager MEE IJsseloevers"),
                        // The template allows one proxy per member present.
                        new MeetingRequests.Entry(d.solis(), Quorum.Attendance.REPRESENTED, d.deKern(), ""))));
        then.set(at(firstDay, 15, 10));
        pastRecords.recordDecision(
                access,
                first.id(),
                new MeetingRequests.RecordDecision(
                        itemAt(first, 3),
                        "De stuurgroep stelt het communicatieplan preventie vast. De projectgroep begint met de"
                                + " uitvoering en meldt knelpunten in de stuurgroep.",
                        Decision.Outcome.ADOPTED));
        then.set(at(firstDay.plusDays(2), 10, 0));
        MeetingResponse firstWithMinutes = pastRecords.saveMinutes(
                access,
                first.id(),
                new MeetingRequests.MinutesDraft(
                        """
                        Aanwezig: Raster, De Kern en MEE IJsseloevers; Zorggroep Solis vertegenwoordigd door \
                        De Kern (volmacht).

                        1. Opening: de voorzitter opent de vergadering; de agenda wordt vastgesteld.
                        2. Notulen vorige vergadering: ongewijzigd vastgesteld.
                        3. Terugkoppeling stuurgroep ontvlechting: de overdracht van de caseload is afgerond; \
                        de randvoorwaarden voor het samenspel worden uitgewerkt.
                        4. Communicatieplan preventie: vastgesteld (zie besluitenlijst).
                        5. Rondvraag: De Kern vraagt aandacht voor de capaciteit in de wijken; knelpunten \
                        worden tijdig in de stuurgroep benoemd. Sluiting om 15.45 uur.
                        """,
                        null));

        then.set(at(secondDay.minusDays(8), 9, 0));
        MeetingResponse second = pastPlanning.schedule(
                access,
                new MeetingRequests.Schedule(
                        d.stuurgroep(),
                        "Voorlopige managementinformatie",
                        local(at(secondDay, 14, 0)),
                        local(at(secondDay, 16, 0)),
                        "",
                        "https://vergaderen.example.org/stuurgroep-preventie",
                        List.of(
                                item(AgendaItem.Kind.INFORMATION, "Opening en vaststellen agenda", ""),
                                item(
                                        AgendaItem.Kind.DISCUSSION,
                                        "Notulen vorige vergadering",
                                        "Ter goedkeuring: notulen van de stuurgroep van " + DUTCH_DATE.format(firstDay)
                                                + "."),
                                item(AgendaItem.Kind.INFORMATION, "Terugkoppeling stuurgroep ontvlechting", ""),
                                decision(
                                        DecisionType.ORDINARY,
                                        "Voorlopige registratie managementinformatie preventie",
                                        "Voorstel van de projectgroep, in overleg met de uitvoerders, voor tijdelijke"
                                                + " managementinformatie tot de effectiviteitsmeting er is."),
                                item(AgendaItem.Kind.INFORMATION, "Rondvraag en sluiting", ""))));
        pastPlanning.convene(access, second.id());
        then.set(at(secondDay, 14, 5));
        pastRecords.recordAttendance(
                access,
                second.id(),
                new MeetingRequests.AttendanceList(List.of(
                        present(d.raster(), "Manager Raster"),
                        present(d.deKern(), "Manager De Kern"),
                        present(d.mee(), "Manager MEE IJsseloevers"),
                        new MeetingRequests.Entry(d.solis(), Quorum.Attendance.ABSENT, null, ""))));
        pastRecords.approveMinutes(
                access,
                first.id(),
                new MeetingRequests.ApproveMinutes(
                        second.id(), firstWithMinutes.minutes().version()));
        then.set(at(secondDay, 14, 50));
        pastRecords.recordDecision(
                access,
                second.id(),
                new MeetingRequests.RecordDecision(
                        itemAt(second, 3),
                        "De stuurgroep stemt in met een voorlopige registratie van inzet en effecten van preventie"
                                + " tot de effectiviteitsmeting en het managementinformatiesysteem gereed zijn.",
                        Decision.Outcome.ADOPTED));
        then.set(at(secondDay, 15, 40));
        pastRecords.addAction(
                access,
                second.id(),
                new MeetingRequests.NewAction(
                        "Procesvoorstel effectiviteitsmeting en managementinformatiesysteem uitwerken, met de"
                                + " uitvoerders en de gemeente",
                        "Projectgroep",
                        null,
                        thirdDay));
        pastRecords.addAction(
                access,
                second.id(),
                new MeetingRequests.NewAction(
                        "Behoefte aan een ICT-registratiesysteem (bijvoorbeeld GIDZO) inventariseren en afstemmen"
                                + " met de gemeente",
                        "Manager MEE IJsseloevers",
                        d.mee(),
                        thirdDay.plusWeeks(3)));
        MeetingResponse withActions = pastRecords.addAction(
                access,
                second.id(),
                new MeetingRequests.NewAction(
                        "Vastgesteld communicatieplan delen met de presentieteams in de negen wijken",
                        "Projectleider",
                        null,
                        secondDay.plusDays(7)));
        then.set(at(secondDay.plusDays(2), 10, 0));
        pastRecords.saveMinutes(
                access,
                second.id(),
                new MeetingRequests.MinutesDraft(
                        """
                        Aanwezig: Raster, De Kern en MEE IJsseloevers; afwezig: Zorggroep Solis.

                        1. Opening: de agenda wordt vastgesteld.
                        2. Notulen vorige vergadering: goedgekeurd.
                        3. Terugkoppeling stuurgroep ontvlechting: de prestatie-indicatoren uit de ontvlechting \
                        worden uitgewerkt.
                        4. Voorlopige registratie managementinformatie: ingestemd (zie besluitenlijst).
                        5. Rondvraag: geen vragen.
                        """,
                        null));
        MeetingResponse.ActionResponse shared = withActions.actions().stream()
                .filter(a -> a.description().startsWith("Vastgesteld communicatieplan"))
                .findFirst()
                .orElseThrow();
        then.set(at(secondDay.plusDays(3), 11, 0));
        pastRecords.setActionStatus(
                access, shared.id(), new MeetingRequests.ActionStatus(ActionItem.Status.DONE, shared.version()));

        MeetingResponse third = planning.schedule(
                access,
                new MeetingRequests.Schedule(
                        d.stuurgroep(),
                        "Formatie, huisvesting en opbouwwerk",
                        local(at(thirdDay, 14, 0)),
                        local(at(thirdDay, 16, 0)),
                        STADHUIS,
                        null,
                        List.of(
                                item(AgendaItem.Kind.INFORMATION, "Opening en vaststellen agenda", ""),
                                item(AgendaItem.Kind.DISCUSSION, "Notulen vorige vergadering", ""),
                                item(AgendaItem.Kind.INFORMATION, "Terugkoppeling stuurgroep ontvlechting", ""),
                                item(
                                        AgendaItem.Kind.DISCUSSION,
                                        "Plan van aanpak formatie, huisvesting en ondersteunende diensten",
                                        "Voorbereiding van de gezamenlijke besluitvorming met de gemeente Deventer."),
                                decision(
                                        DecisionType.BUDGET,
                                        "Inzet eenmalig budget extra opbouwwerk (€ 140.000)",
                                        "Voorstel van de projectgroep voor de verdeling over de negen wijken."),
                                item(AgendaItem.Kind.DISCUSSION, "Actiepuntenlijst", ""),
                                item(AgendaItem.Kind.INFORMATION, "Rondvraag en sluiting", ""))));
        planning.convene(access, third.id());
    }

    /**
     * A past meeting of the ontwikkeltafel governance with an action for the ALV, and the ALV itself,
     * planned (not yet called) with the draft statutes as a statute amendment.
     */
    void woudenberg(Woudenberg w) {
        CoalitionAccess access = w.access();
        LocalDate today = MeetingTime.day(clock.instant());
        HistoryClock then = new HistoryClock();
        MeetingService pastPlanning = planning.at(then, ALREADY_SENT);
        MeetingRecordService pastRecords = records.at(then);

        // The table met on a Thursday 7 to 13 days ago; the ALV is on a Wednesday evening 14 to 20 days ahead.
        LocalDate tafelDay = today.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        LocalDate alvDay = today.plusDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        then.set(at(tafelDay.minusDays(14), 9, 0));
        MeetingResponse tafel = pastPlanning.schedule(
                access,
                new MeetingRequests.Schedule(
                        w.governanceTafel(),
                        "Ontwikkeltafel governance: rol gemeente en statuten",
                        local(at(tafelDay, 15, 0)),
                        local(at(tafelDay, 17, 0)),
                        GEMEENTEHUIS,
                        null,
                        List.of(
                                item(AgendaItem.Kind.INFORMATION, "Opening en kennismaking", ""),
                                item(
                                        AgendaItem.Kind.INFORMATION,
                                        "Rol van de gemeente: lid en opdrachtgever",
                                        "De gemeente is lid van de coöperatie; haar eindverantwoordelijkheid in het"
                                                + " sociaal domein vult zij in als opdrachtgever, niet als lid."),
                                item(
                                        AgendaItem.Kind.DISCUSSION,
                                        "Concept-statuten: artikelen 1 tot en met 7",
                                        "Naam en zetel, doel, leden, rol van de gemeente, algemene ledenvergadering,"
                                                + " bestuur en statutenwijziging."),
                                item(AgendaItem.Kind.INFORMATION, "Mandaatregelingen: eerste verkenning", ""),
                                item(AgendaItem.Kind.INFORMATION, "Rondvraag en afspraken", ""))));
        pastPlanning.convene(access, tafel.id());
        then.set(at(tafelDay, 16, 50));
        pastRecords.addAction(
                access,
                tafel.id(),
                new MeetingRequests.NewAction(
                        "Concept-statuten verwerken en ten minste vijf dagen voor de algemene ledenvergadering"
                                + " ter inzage leggen voor de leden",
                        "Projectleider De Kleine Schans",
                        null,
                        alvDay.minusDays(7)));

        MeetingResponse alv = planning.schedule(
                access,
                new MeetingRequests.Schedule(
                        w.alv(),
                        "Algemene ledenvergadering: statuten",
                        local(at(alvDay, 19, 30)),
                        local(at(alvDay, 21, 30)),
                        GEMEENTEHUIS,
                        null,
                        List.of(
                                item(AgendaItem.Kind.INFORMATION, "Opening en mededelingen", ""),
                                item(AgendaItem.Kind.INFORMATION, "Verslag ontwikkeltafel governance", ""),
                                decision(
                                        DecisionType.STATUTE_AMENDMENT,
                                        "Voorstel tot vaststelling van de statuten (concept)",
                                        "Het concept van de ontwikkeltafel governance. Een besluit tot"
                                                + " statutenwijziging vergt ten minste twee derde van de uitgebrachte"
                                                + " stemmen; het voorstel ligt ten minste vijf dagen voor de"
                                                + " vergadering ter inzage."),
                                item(AgendaItem.Kind.INFORMATION, "Rondvraag en sluiting", ""))));
        planning.attach(
                access,
                alv.id(),
                itemAt(alv, 2),
                "concept-statuten-de-kleine-schans.txt",
                "text/plain",
                text(w.draftStatutes()).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(StatuteResponse statutes) {
        StringBuilder text = new StringBuilder(statutes.title()).append("\n\n");
        for (Article article : statutes.articles()) {
            text.append("Artikel ")
                    .append(article.number())
                    .append(". ")
                    .append(article.title())
                    .append("\n")
                    .append(article.body())
                    .append("\n\n");
        }
        return text.toString();
    }

    private static MeetingRequests.Item item(AgendaItem.Kind kind, String title, String description) {
        return new MeetingRequests.Item(title, description, kind, null);
    }

    private static MeetingRequests.Item decision(DecisionType type, String title, String description) {
        return new MeetingRequests.Item(title, description, AgendaItem.Kind.DECISION, type);
    }

    private static MeetingRequests.Entry present(UUID member, String person) {
        return new MeetingRequests.Entry(member, Quorum.Attendance.PRESENT, null, person);
    }

    private static UUID itemAt(MeetingResponse meeting, int position) {
        return meeting.agenda().stream()
                .filter(i -> i.position() == position)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(MeetingTime.ZONE).toInstant();
    }

    private static OffsetDateTime local(Instant moment) {
        return MeetingTime.local(moment);
    }

    /** A clock standing still at the moment the demo's secretary took the current step. */
    static final class HistoryClock extends Clock {

        private Instant now = Instant.EPOCH;

        void set(Instant moment) {
            now = moment;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }
    }
}
