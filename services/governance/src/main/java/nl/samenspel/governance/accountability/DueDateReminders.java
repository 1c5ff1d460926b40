package nl.samenspel.governance.accountability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.meeting.MeetingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks when each subsidy's verantwoording is due: a month before and a week before the day, the
 * secretaries, the opdrachtgevers and the representatives of the penvoerder get an e-mail, each once.
 */
@Singleton
public class DueDateReminders {

    private static final Logger LOG = LoggerFactory.getLogger(DueDateReminders.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    private final CoalitionRepository coalitions;
    private final AccountabilityRepository repository;
    private final RoleGrants grants;
    private final MailOutbox outbox;
    private final TenantTransactions tx;
    private final Clock clock;
    private final String publicUrl;

    DueDateReminders(
            CoalitionRepository coalitions,
            AccountabilityRepository repository,
            RoleGrants grants,
            MailOutbox outbox,
            TenantTransactions tx,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.coalitions = coalitions;
        this.repository = repository;
        this.grants = grants;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private record Due(UUID id, int year, String title, String scope, LocalDate due, boolean week) {}

    /** Sends what is due now, for every coalition; returns how many subsidies were reminded of. */
    public int remindDue() {
        int sent = 0;
        for (Coalition coalition : coalitions.findAll()) {
            try {
                sent += tx.write(coalition.coalitionId(), () -> remind(coalition));
            } catch (RuntimeException e) {
                LOG.warn("verantwoording reminders of {} failed; the next round tries again", coalition.slug(), e);
            }
        }
        return sent;
    }

    private int remind(Coalition coalition) {
        LocalDate today = MeetingTime.day(clock.instant());
        Sql sql = Sql.on(tx.connection());
        List<Due> due = sql.list(
                """
                SELECT id, year, title, scope, verantwoording_due, verantwoording_due <= ? AS week FROM subsidy
                 WHERE coalition_id = ? AND verantwoording_due >= ?
                   AND ((verantwoording_due <= ? AND reminded_week_at IS NULL)
                        OR (verantwoording_due <= ? AND reminded_month_at IS NULL))
                 FOR UPDATE SKIP LOCKED""",
                rs -> new Due(
                        Sql.uuid(rs, "id"),
                        rs.getInt("year"),
                        rs.getString("title"),
                        rs.getString("scope"),
                        Sql.date(rs, "verantwoording_due"),
                        rs.getBoolean("week")),
                today.plusDays(7),
                coalition.id(),
                today,
                today.plusDays(7),
                today.plusMonths(1));
        for (Due d : due) {
            String subject = "Verantwoording " + d.year() + " uiterlijk " + DAY.format(d.due()) + ": " + d.title();
            String text = "De verantwoording over " + d.title() + " van " + coalition.name() + " moet uiterlijk "
                    + DAY.format(d.due())
                    + " bij de subsidieverlener zijn.\n\nDe cijfers en het verantwoordingspakket: "
                    + publicUrl + "/c/" + coalition.slug() + "/verantwoording/" + d.id() + "\n";
            for (String email : recipients(coalition, d, today)) {
                outbox.enqueue(coalition.coalitionId(), email, subject, text, null, null);
            }
            // The week's reminder also stands for a month's one not yet sent.
            sql.update(
                    "UPDATE subsidy SET reminded_month_at = coalesce(reminded_month_at, now()),"
                            + " reminded_week_at = CASE WHEN ? THEN now() ELSE reminded_week_at END"
                            + " WHERE coalition_id = ? AND id = ?",
                    d.week(),
                    coalition.id(),
                    d.id());
        }
        return due.size();
    }

    private Set<String> recipients(Coalition coalition, Due d, LocalDate today) {
        Set<String> to = new LinkedHashSet<>();
        grants.grantsOf(coalition.id()).stream()
                .filter(g -> g.role() == CoalitionRole.SECRETARY || g.role() == CoalitionRole.OPDRACHTGEVER)
                .forEach(g -> to.add(g.email()));
        repository
                .penvoerder(coalition.id(), d.scope(), today)
                .ifPresent(p -> to.addAll(Sql.on(tx.connection())
                        .list(
                                """
                        SELECT a.email FROM representative r JOIN account a ON a.id = r.account_id
                         WHERE r.coalition_id = ? AND r.member_id = ? AND r.valid_from <= ?
                           AND (r.valid_until IS NULL OR r.valid_until > ?)""",
                                rs -> rs.getString("email"),
                                coalition.id(),
                                p[0],
                                today,
                                today)));
        return to;
    }

    /** Daily; tests switch it off ({@code samenspel.accountability.reminders.enabled=false}) and call {@link #remindDue()}. */
    @Singleton
    @Requires(property = "samenspel.accountability.reminders.enabled", notEquals = "false")
    static class Schedule {

        private final DueDateReminders reminders;

        Schedule(DueDateReminders reminders) {
            this.reminders = reminders;
        }

        @Scheduled(fixedDelay = "${samenspel.accountability.reminders.interval:1h}", initialDelay = "2m")
        void run() {
            reminders.remindDue();
        }
    }
}
