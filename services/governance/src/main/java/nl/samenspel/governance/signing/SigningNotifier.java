package nl.samenspel.governance.signing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.meeting.MeetingTime;

/**
 * E-mail about signing, through the outbox in the transaction that caused it: an invitation to the
 * signatories whose turn it is, a reminder a day before the deadline, and word to the secretaries and
 * signatories when a request ends (declined, cancelled, expired) or is signed and sealed.
 */
@Singleton
class SigningNotifier {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"));

    private final SigningRepository repository;
    private final RoleGrants grants;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String publicUrl;

    SigningNotifier(
            SigningRepository repository,
            RoleGrants grants,
            MailOutbox outbox,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.repository = repository;
        this.grants = grants;
        this.outbox = outbox;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void invited(Coalition coalition, SignatureRequest request, List<SignatureRequest.Signatory> whose) {
        String text = coalition.name() + " vraagt uw organisatie het volgende document te ondertekenen:\n\n"
                + request.title() + "\n\n" + (request.message().isBlank() ? "" : request.message() + "\n\n")
                + "Ondertekenen kan tot " + WHEN.format(MeetingTime.local(request.deadline())) + ".\n"
                + link(coalition, request) + "\n";
        send(coalition, recipients(coalition, whose), "Verzoek tot ondertekening: " + request.title(), text);
    }

    void reminder(Coalition coalition, SignatureRequest request, List<SignatureRequest.Signatory> whose) {
        String text = "Uw organisatie heeft het document \"" + request.title() + "\" van " + coalition.name()
                + " nog niet ondertekend.\n\nDe termijn sluit " + WHEN.format(MeetingTime.local(request.deadline()))
                + ".\n" + link(coalition, request) + "\n";
        send(
                coalition,
                recipients(coalition, whose),
                "Herinnering: ondertekenen vóór de termijn — " + request.title(),
                text);
    }

    void ended(Coalition coalition, SignatureRequest request) {
        String why =
                switch (request.status()) {
                    case DECLINED -> "Een ondertekenaar heeft geweigerd te tekenen: " + request.endReason();
                    case CANCELLED -> "Het verzoek is ingetrokken: " + request.endReason();
                    case EXPIRED -> "De termijn is verstreken voordat iedereen had getekend.";
                    default -> "Het verzoek is beëindigd.";
                };
        String text = "Het verzoek tot ondertekening van \"" + request.title() + "\" van " + coalition.name()
                + " is beëindigd.\n\n" + why + "\n\n" + link(coalition, request) + "\n";
        send(coalition, everyone(coalition, request), "Ondertekening beëindigd: " + request.title(), text);
    }

    void completed(Coalition coalition, SignatureRequest request) {
        String text = "Alle organisaties hebben \"" + request.title() + "\" van " + coalition.name()
                + " ondertekend. Het document is met het bewijs van ondertekening verzegeld en kan worden gedownload:\n\n"
                + link(coalition, request) + "\n";
        send(coalition, everyone(coalition, request), "Ondertekend en verzegeld: " + request.title(), text);
    }

    /** The secretaries and everyone who may sign for a signatory of the request. */
    private Set<String> everyone(Coalition coalition, SignatureRequest request) {
        Set<String> to = new LinkedHashSet<>();
        grants.grantsOf(coalition.id()).stream()
                .filter(g -> g.role() == CoalitionRole.SECRETARY)
                .forEach(g -> to.add(g.email()));
        to.addAll(recipients(coalition, request.signatories()));
        return to;
    }

    /** Who may act for each signatory: the named joint signatory, or every sole one of the member. */
    private Set<String> recipients(Coalition coalition, List<SignatureRequest.Signatory> signatories) {
        LocalDate today = MeetingTime.day(clock.instant());
        Set<String> to = new LinkedHashSet<>();
        for (SignatureRequest.Signatory s : signatories) {
            for (SigningRepository.Signer signer : repository.signers(coalition.id(), s.memberId(), today)) {
                boolean fits = s.representativeId() == null
                        ? !signer.jointly()
                        : s.representativeId().equals(signer.representativeId());
                if (fits) {
                    to.add(signer.email());
                }
            }
        }
        return to;
    }

    private void send(Coalition coalition, Set<String> recipients, String subject, String text) {
        for (String email : recipients) {
            outbox.enqueue(coalition.coalitionId(), email, subject, text, null, null);
        }
    }

    private String link(Coalition coalition, SignatureRequest request) {
        return publicUrl + "/c/" + coalition.slug() + "/signing/" + request.id();
    }
}
