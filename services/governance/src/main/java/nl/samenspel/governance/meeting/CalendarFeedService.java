package nl.samenspel.governance.meeting;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.Body;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.CoalitionAccessResolver;
import nl.samenspel.governance.tenancy.FeedLinks;
import nl.samenspel.governance.traject.CommunicationMoment;
import nl.samenspel.governance.traject.CommunicationService;

/**
 * A coalition's meetings, and its trajects' communication moments as all-day entries, as an iCalendar
 * feed: for the logged-in user, and behind a personal secret link a calendar app can subscribe to. The link carries the account's access: it stops working when
 * the account loses its role in the coalition, and a new link revokes the old one.
 */
@Singleton
public class CalendarFeedService {

    /** The feed covers meetings from a year back to two years ahead. */
    static final Duration PAST = Duration.ofDays(366);

    static final Duration AHEAD = Duration.ofDays(2 * 366);

    private final MeetingRepository meetings;
    private final BodyRepository bodies;
    private final CoalitionAccessResolver resolver;
    private final FeedLinks links;
    private final MeetingCalendar calendar;
    private final CommunicationService communication;
    private final TenantTransactions tx;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeedService(
            MeetingRepository meetings,
            BodyRepository bodies,
            CoalitionAccessResolver resolver,
            FeedLinks links,
            MeetingCalendar calendar,
            CommunicationService communication,
            TenantTransactions tx,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.resolver = resolver;
        this.links = links;
        this.calendar = calendar;
        this.communication = communication;
        this.tx = tx;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String feed(CoalitionAccess access) {
        UUID coalition = access.id().value();
        Instant now = clock.instant();
        return tx.read(access.id(), () -> {
            Map<UUID, String> bodyNames = new HashMap<>();
            for (Body b : bodies.findAllOfCoalition(coalition)) {
                bodyNames.put(b.id(), b.name());
            }
            List<MeetingCalendar.Event> events = new ArrayList<>();
            for (Meeting m : meetings.between(coalition, now.minus(PAST), now.plus(AHEAD))) {
                StringBuilder agenda = new StringBuilder();
                for (AgendaItem item : meetings.agenda(coalition, m.id())) {
                    agenda.append(item.position() + 1).append(". ").append(item.title());
                    agenda.append(item.decides() ? " (besluit)\n" : "\n");
                }
                events.add(new MeetingCalendar.Event(
                        m,
                        bodyNames.get(m.bodyId()),
                        agenda.toString(),
                        publicUrl + "/c/" + access.slug() + "/meetings/" + m.id()));
            }
            List<MeetingCalendar.DayEvent> days = new ArrayList<>();
            for (CommunicationMoment.CalendarEntry m : communication.calendar(
                    access, MeetingTime.day(now.minus(PAST)), MeetingTime.day(now.plus(AHEAD)))) {
                StringBuilder text = new StringBuilder();
                text.append("Voor: ").append(m.audience()).append('\n');
                text.append("Traject: ").append(m.trajectTitle()).append('\n');
                text.append("Verantwoordelijk: ").append(m.responsible());
                if (m.doneOn() != null) {
                    text.append("\nAfgerond op ")
                            .append(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")
                                    .format(m.doneOn()));
                }
                days.add(new MeetingCalendar.DayEvent(
                        "communication-" + m.id() + "@samenspel",
                        m.plannedOn(),
                        "Communicatie: " + m.message() + " (" + m.channel().label + ")",
                        text.toString(),
                        publicUrl + "/c/" + access.slug() + "/trajecten/" + m.trajectId() + "#communicatie"));
            }
            return calendar.feed(access.coalition().name(), events, days);
        });
    }

    /** A new subscription link for the caller; any earlier link of theirs for this coalition stops working. */
    public String newLink(CoalitionAccess access) {
        return publicUrl + "/ical/" + links.issue(access, FeedLinks.Feed.CALENDAR) + ".ics";
    }

    /** The feed behind a subscription link, or empty when the link is unknown, revoked or no longer backed by a role. */
    public Optional<String> feedFor(String token) {
        return links.access(FeedLinks.Feed.CALENDAR, token, resolver::resolve).map(this::feed);
    }
}
