package nl.samenspel.governance.meeting;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.security.SecretTokens;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.Body;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.CoalitionAccessResolver;
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
    private final CoalitionRepository coalitions;
    private final AccountRepository accounts;
    private final CoalitionAccessResolver resolver;
    private final MeetingCalendar calendar;
    private final CommunicationService communication;
    private final TenantTransactions tx;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeedService(
            MeetingRepository meetings,
            BodyRepository bodies,
            CoalitionRepository coalitions,
            AccountRepository accounts,
            CoalitionAccessResolver resolver,
            MeetingCalendar calendar,
            CommunicationService communication,
            TenantTransactions tx,
            TransactionOperations<Connection> transactions,
            AuditLog audit,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.meetings = meetings;
        this.bodies = bodies;
        this.coalitions = coalitions;
        this.accounts = accounts;
        this.resolver = resolver;
        this.calendar = calendar;
        this.communication = communication;
        this.tx = tx;
        this.transactions = transactions;
        this.audit = audit;
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
        String token = SecretTokens.newToken();
        tx.write(access.id(), () -> {
            Instant now = clock.instant();
            Sql sql = Sql.on(transactions.getConnection());
            meetings.lockCoalition(
                    access.id().value(), "calendar-link:" + access.account().id());
            sql.update(
                    """
                    UPDATE calendar_feed SET revoked_at = ?
                     WHERE coalition_id = ? AND account_id = ? AND revoked_at IS NULL""",
                    now,
                    access.id().value(),
                    access.account().id());
            sql.update(
                    "INSERT INTO calendar_feed (token_hash, coalition_id, account_id, created_at) VALUES (?, ?, ?, ?)",
                    SecretTokens.hash(token),
                    access.id().value(),
                    access.account().id(),
                    now);
            audit.append(
                    access.id(),
                    access.actor(),
                    "calendar.link-created",
                    "account",
                    access.account().id(),
                    null,
                    Map.of("link", "new"));
            return null;
        });
        return publicUrl + "/ical/" + token + ".ics";
    }

    /** The feed behind a subscription link, or empty when the link is unknown, revoked or no longer backed by a role. */
    public Optional<String> feedFor(String token) {
        if (!SecretTokens.plausible(token)) {
            return Optional.empty();
        }
        record Link(UUID coalitionId, UUID accountId) {}
        Optional<Link> link = transactions.executeRead(status -> Sql.on(status.getConnection())
                .one(
                        "SELECT coalition_id, account_id FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL",
                        rs -> new Link(Sql.uuid(rs, "coalition_id"), Sql.uuid(rs, "account_id")),
                        SecretTokens.hash(token)));
        return link.flatMap(l -> coalitions.findById(l.coalitionId()).flatMap(c -> accounts.findById(l.accountId())
                        .flatMap(a ->
                                resolver.resolve(c, new CurrentAccount(a.id(), a.email(), a.displayName(), false)))))
                .map(this::feed);
    }
}
