package nl.samenspel.governance.proposal;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.meeting.MeetingContext;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.RepresentativeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail about voting, through the outbox in the same transaction as what caused it: voting opened
 * (to every voter), a reminder a day before the close (to voters whose member has not voted), and the
 * result.
 */
@Singleton
public class ProposalNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalNotifier.class);
    static final Duration REMIND_BEFORE_CLOSE = Duration.ofHours(24);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"));

    private final ProposalRepository proposals;
    private final RepresentativeRepository representatives;
    private final MeetingContext context;
    private final CoalitionRepository coalitions;
    private final MailOutbox outbox;
    private final TenantTransactions tx;
    private final Clock clock;
    private final String publicUrl;

    ProposalNotifier(
            ProposalRepository proposals,
            RepresentativeRepository representatives,
            MeetingContext context,
            CoalitionRepository coalitions,
            MailOutbox outbox,
            TenantTransactions tx,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.proposals = proposals;
        this.representatives = representatives;
        this.context = context;
        this.coalitions = coalitions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Inside the transaction that opened voting. */
    void opened(Coalition coalition, Proposal p) {
        String text = "Over het volgende voorstel van " + coalition.name() + " kan nu worden gestemd:\n\n"
                + p.number() + ". " + p.title() + "\n\nStemmen kan tot " + WHEN.format(MeetingTime.local(p.closesAt()))
                + ".\n" + link(coalition, p) + "\n";
        send(coalition, p, Set.of(), "Stemming geopend: " + p.title(), text);
    }

    /** Inside the transaction that closed voting. */
    void closed(Coalition coalition, Proposal p, String outcomeDutch, List<String> explanation) {
        String text = "De stemming over voorstel " + p.number() + ". " + p.title() + " van " + coalition.name()
                + " is gesloten.\n\nUitkomst: " + outcomeDutch + "\n\n" + String.join("\n", explanation) + "\n\n"
                + link(coalition, p) + "\n";
        send(coalition, p, Set.of(), "Uitslag: " + p.title() + " — " + outcomeDutch, text);
    }

    /** Reminds the voters whose member has not voted, once, when voting closes within a day. */
    public void remindDue() {
        for (Coalition coalition : coalitions.findAll()) {
            try {
                tx.run(coalition.coalitionId(), () -> remind(coalition));
            } catch (RuntimeException e) {
                LOG.warn("voting reminders for {} failed; next round tries again", coalition.slug(), e);
            }
        }
    }

    private void remind(Coalition coalition) {
        Instant now = clock.instant();
        Sql sql = Sql.on(tx.connection());
        List<UUID> due = sql.list(
                """
                SELECT id FROM proposal
                 WHERE coalition_id = ? AND status = 'OPEN' AND reminded_at IS NULL AND closes_at > ? AND closes_at <= ?
                 FOR UPDATE SKIP LOCKED""",
                rs -> Sql.uuid(rs, "id"),
                coalition.id(),
                now,
                now.plus(REMIND_BEFORE_CLOSE));
        for (UUID id : due) {
            Proposal p = proposals.find(coalition.id(), id).orElseThrow();
            Set<UUID> voted = proposals.currentVotes(coalition.id(), id).stream()
                    .map(Vote::memberId)
                    .collect(Collectors.toSet());
            String text = "Uw organisatie heeft nog niet gestemd over voorstel " + p.number() + ". " + p.title()
                    + " van " + coalition.name() + ".\n\nDe stemming sluit "
                    + WHEN.format(MeetingTime.local(p.closesAt()))
                    + ".\n" + link(coalition, p) + "\n";
            send(coalition, p, voted, "Herinnering: stemming sluit binnenkort — " + p.title(), text);
            sql.update(
                    "UPDATE proposal SET reminded_at = ? WHERE coalition_id = ? AND id = ?", now, coalition.id(), id);
        }
    }

    /** One e-mail per voting representative of each member entitled to vote, except those in {@code skip}. */
    private void send(Coalition coalition, Proposal p, Set<UUID> skip, String subject, String text) {
        LocalDate today = MeetingTime.day(clock.instant());
        Set<UUID> recused = proposals.recusals(coalition.id(), p.id()).stream()
                .map(ProposalRepository.Recusal::memberId)
                .collect(Collectors.toSet());
        Map<String, String> recipients = new LinkedHashMap<>();
        for (Member member : context.voters(coalition.id(), p.bodyId(), today)) {
            if (skip.contains(member.id()) || recused.contains(member.id())) {
                continue;
            }
            for (RepresentativeRepository.Listed r :
                    representatives.findByCoalitionIdAndMemberId(coalition.id(), member.id())) {
                if (r.representative().mayVote() && r.representative().currentOn(today)) {
                    recipients.putIfAbsent(r.email(), r.displayName());
                }
            }
        }
        CoalitionId id = coalition.coalitionId();
        for (String email : recipients.keySet()) {
            outbox.enqueue(id, email, subject, text, null, null);
        }
    }

    private String link(Coalition coalition, Proposal p) {
        return publicUrl + "/c/" + coalition.slug() + "/proposals/" + p.id();
    }
}
