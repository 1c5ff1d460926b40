package nl.samenspel.governance.invitation;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.security.SecretTokens;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.InvitedAccounts;
import nl.samenspel.governance.identity.LoginService;
import nl.samenspel.governance.identity.PasswordHasher;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.member.Member;
import nl.samenspel.governance.member.MemberRepository;
import nl.samenspel.governance.member.Representative;
import nl.samenspel.governance.member.RepresentativeRepository;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Inviting a person by e-mail to represent a member organisation, and accepting that invitation: the
 * account, the mandate, the role and the accepted mark are written in one transaction.
 */
@Singleton
public class InvitationService {

    static final Duration VALIDITY = Duration.ofDays(7);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY_NL =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH);

    private final InvitationRepository invitations;
    private final MemberRepository members;
    private final CoalitionRepository coalitions;
    private final AccountRepository accounts;
    private final InvitedAccounts invitedAccounts;
    private final RepresentativeRepository representatives;
    private final RoleGrants grants;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final LoginService logins;
    private final TenantTransactions tx;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String publicUrl;

    InvitationService(
            InvitationRepository invitations,
            MemberRepository members,
            CoalitionRepository coalitions,
            AccountRepository accounts,
            InvitedAccounts invitedAccounts,
            RepresentativeRepository representatives,
            RoleGrants grants,
            MailOutbox outbox,
            AuditLog audit,
            PasswordHasher hasher,
            LoginService logins,
            TenantTransactions tx,
            TransactionOperations<Connection> transactions,
            Clock clock,
            @Value("${samenspel.public-url:`http://localhost:8080`}") String publicUrl) {
        this.invitations = invitations;
        this.members = members;
        this.coalitions = coalitions;
        this.accounts = accounts;
        this.invitedAccounts = invitedAccounts;
        this.representatives = representatives;
        this.grants = grants;
        this.outbox = outbox;
        this.audit = audit;
        this.hasher = hasher;
        this.logins = logins;
        this.tx = tx;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    public InvitationResponse create(CoalitionAccess access, UUID memberId, CreateInvitationRequest request) {
        access.require(CoalitionRole.SECRETARY);
        CoalitionId coalition = access.id();
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        return tx.write(coalition, () -> {
            Member member = currentMember(coalition, memberId);
            Invitation invitation = new Invitation(
                    UUID.randomUUID(),
                    coalition.value(),
                    member.id(),
                    Account.normalizeEmail(request.email()),
                    request.displayName().trim(),
                    request.mayVote(),
                    request.maySign(),
                    request.jointly(),
                    access.account().id(),
                    now,
                    now.plus(VALIDITY),
                    null,
                    null);
            invitations.insert(invitation, SecretTokens.hash(token));
            outbox.enqueue(
                    coalition,
                    invitation.email(),
                    "Uitnodiging: vertegenwoordiger van " + member.name() + " / Invitation to represent "
                            + member.name(),
                    invitationText(invitation, access, member, token),
                    null,
                    null);
            audit.append(
                    coalition,
                    access.actor(),
                    "invitation.created",
                    "invitation",
                    invitation.id(),
                    null,
                    invitation.auditState());
            return InvitationResponse.of(invitation, now);
        });
    }

    public List<InvitationResponse> list(CoalitionAccess access, UUID memberId) {
        access.require(CoalitionRole.SECRETARY);
        Instant now = clock.instant();
        return tx.read(access.id(), () -> {
            findMember(access.id(), memberId);
            return invitations.findByCoalitionIdAndMemberId(access.id().value(), memberId).stream()
                    .map(i -> InvitationResponse.of(i, now))
                    .toList();
        });
    }

    public InvitationView view(String token) {
        Invitation invitation = usable(find(token), clock.instant());
        CoalitionId coalition = CoalitionId.of(invitation.coalitionId());
        return tx.read(coalition, () -> {
            Coalition c = coalitions.findById(coalition.value()).orElseThrow();
            Member member = findMember(coalition, invitation.memberId());
            boolean hasPassword = accounts.findByEmail(invitation.email())
                    .map(a -> a.passwordHash() != null)
                    .orElse(false);
            return new InvitationView(
                    c.name(),
                    member.name(),
                    invitation.email(),
                    invitation.displayName(),
                    invitation.mayVote(),
                    invitation.maySign(),
                    invitation.expiresAt(),
                    hasPassword);
        });
    }

    public AcceptedInvitation accept(String token, AcceptInvitationRequest request) {
        Invitation invitation = usable(find(token), clock.instant());
        boolean hasPassword = accounts.findByEmail(invitation.email())
                .map(a -> a.passwordHash() != null)
                .orElse(false);
        if (hasPassword) {
            // The link proves control of the mailbox, not of the account: an existing account must also
            // give its password, or whoever holds the link would be logged in as that person.
            logins.verify(invitation.email(), request.password() == null ? "" : request.password());
        }
        // Hash outside the transaction: bcrypt is slow on purpose, and must not hold locks meanwhile.
        String passwordHash = hasPassword ? null : hasher.hash(checkPassword(request.password()));
        String displayName =
                request.displayName() == null || request.displayName().isBlank()
                        ? invitation.displayName()
                        : request.displayName().trim();
        CoalitionId coalition = CoalitionId.of(invitation.coalitionId());
        String tokenHash = SecretTokens.hash(token);
        record Accepted(Representative representative, LoginService.LoggedIn session) {}
        Accepted done = tx.write(coalition, () -> {
            Instant now = clock.instant();
            Invitation locked = usable(
                    invitations.findForUpdate(coalition.value(), tokenHash).orElseThrow(InvitationService::notFound),
                    now);
            currentMember(coalition, locked.memberId());
            UUID accountId = invitedAccounts.ensure(locked.email(), displayName, passwordHash);
            Representative created = representatives.insert(new Representative(
                    coalition.value(),
                    UUID.randomUUID(),
                    locked.memberId(),
                    accountId,
                    locked.mayVote(),
                    locked.maySign(),
                    locked.signsJointly(),
                    today(),
                    null,
                    0));
            if (grants.grant(coalition.value(), accountId, CoalitionRole.REPRESENTATIVE)) {
                audit.append(
                        coalition,
                        locked.email(),
                        "role.granted",
                        "account",
                        accountId,
                        null,
                        Map.of("role", CoalitionRole.REPRESENTATIVE.name()));
            }
            if (invitations.markAccepted(coalition.value(), locked.id(), now, accountId) != 1) {
                throw used();
            }
            Map<String, Object> accepted = new LinkedHashMap<>(locked.auditState());
            accepted.put("acceptedAccountId", accountId.toString());
            audit.append(
                    coalition,
                    locked.email(),
                    "invitation.accepted",
                    "invitation",
                    locked.id(),
                    locked.auditState(),
                    accepted);
            audit.append(
                    coalition,
                    locked.email(),
                    "representative.created",
                    "representative",
                    created.id(),
                    null,
                    created.auditState());
            // Logged in by the same commit: never an accepted invitation without the promised session.
            Account account = accounts.findById(accountId).orElseThrow();
            return new Accepted(created, logins.startSession(account));
        });
        Representative representative = done.representative();
        LoginService.LoggedIn session = done.session();
        String slug =
                coalitions.findById(coalition.value()).map(Coalition::slug).orElseThrow();
        return new AcceptedInvitation(session.token(), "Bearer", session.expiresInSeconds(), slug, representative.id());
    }

    private Invitation find(String token) {
        if (!SecretTokens.plausible(token)) {
            throw notFound();
        }
        String hash = SecretTokens.hash(token);
        return transactions
                .executeRead(status -> invitations.findByTokenHash(hash))
                .orElseThrow(InvitationService::notFound);
    }

    private static Invitation usable(Invitation invitation, Instant now) {
        return switch (invitation.statusAt(now)) {
            case OPEN -> invitation;
            case ACCEPTED -> throw used();
            case EXPIRED -> throw new ProblemException(
                    io.micronaut.http.HttpStatus.GONE,
                    "invitation.expired",
                    "This invitation has expired. Ask the secretary for a new one.");
        };
    }

    private static String checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalidField("password", "required", "choose a password");
        }
        if (!PasswordHasher.wellFormed(password)) {
            throw ProblemException.invalidField(
                    "password", "password.malformed", "holds a character that is not valid Unicode");
        }
        if (password.codePointCount(0, password.length()) < PasswordHasher.MIN_LENGTH) {
            throw ProblemException.invalidField(
                    "password",
                    "password.too-short",
                    "must be at least " + PasswordHasher.MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_LENGTH) {
            throw ProblemException.invalidField(
                    "password", "password.too-long", "must be at most " + PasswordHasher.MAX_LENGTH + " bytes long");
        }
        return password;
    }

    private Member findMember(CoalitionId coalition, UUID memberId) {
        return members.findByCoalitionIdAndId(coalition.value(), memberId)
                .orElseThrow(() ->
                        ProblemException.notFound("member.not-found", "There is no such member in this coalition."));
    }

    private Member currentMember(CoalitionId coalition, UUID memberId) {
        Member member = findMember(coalition, memberId);
        if (!member.currentOn(today())) {
            throw ProblemException.conflict(
                    "member.not-current", "This organisation is not a current member; it cannot be represented.");
        }
        return member;
    }

    private String invitationText(Invitation invitation, CoalitionAccess access, Member member, String token) {
        String link = publicUrl + "/invitations/" + token;
        String coalition = access.coalition().name();
        String inviter = access.account().displayName();
        var expires = invitation.expiresAt().atZone(AMSTERDAM);
        return """
                Beste %1$s,

                %2$s nodigt u uit om in %3$s op te treden als vertegenwoordiger van %4$s.
                Stemmen: %5$s. Ondertekenen: %6$s.

                Neem de uitnodiging aan via deze link:
                %7$s

                De link is 7 dagen geldig, tot %8$s. Verwachtte u deze e-mail niet? Dan kunt u hem negeren.

                -----

                Dear %1$s,

                %2$s invites you to act for %4$s in %3$s.
                Vote: %9$s. Sign: %10$s.

                Accept the invitation with this link:
                %7$s

                The link expires in 7 days, on %11$s (Amsterdam time). If you did not expect this e-mail, you can ignore it.
                """
                .formatted(
                        invitation.displayName(),
                        inviter,
                        coalition,
                        member.name(),
                        invitation.mayVote() ? "ja" : "nee",
                        invitation.maySign() ? "ja" : "nee",
                        link,
                        DAY_NL.format(expires),
                        invitation.mayVote() ? "yes" : "no",
                        invitation.maySign() ? "yes" : "no",
                        DAY_EN.format(expires));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("invitation.not-found", "There is no invitation at this address.");
    }

    private static ProblemException used() {
        return ProblemException.conflict("invitation.used", "This invitation has already been accepted.");
    }
}
