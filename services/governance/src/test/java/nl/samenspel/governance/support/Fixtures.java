package nl.samenspel.governance.support;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.StatuteVersionDocument;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.CoalitionService;
import nl.samenspel.governance.coalition.CreateCoalitionRequest;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.PasswordHasher;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.member.Representative;
import nl.samenspel.governance.member.RepresentativeRepository;

/** Test data made through the product's own services, each name unique so test classes never collide. */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000_000L, 36);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final CoalitionService coalitions;
    private final RoleGrants grants;
    private final TenantTransactions tx;
    private final RepresentativeRepository representatives;

    public Fixtures(
            AccountRepository accounts,
            PasswordHasher hasher,
            CoalitionService coalitions,
            RoleGrants grants,
            TenantTransactions tx,
            RepresentativeRepository representatives) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.coalitions = coalitions;
        this.grants = grants;
        this.tx = tx;
        this.representatives = representatives;
    }

    /** The Deventer four's 2021 assignment as the subsidy API takes it, under the given title. */
    public static Map<String, Object> subsidy2021(String title) {
        return Map.of(
                "year", 2021,
                "title", title,
                "scope", "Opdracht preventie 2021",
                "grantor", "Gemeente Deventer",
                "amountCents", 420788500L,
                "periodFrom", "2021-01-01",
                "periodUntil", "2021-12-31",
                "verantwoordingDue", "2022-05-01",
                "accountantThresholdCents", 12500000L,
                "varianceThresholdPct", "5.00");
    }

    /** A one-article statute of De Kleine Schans as a PDF/A, to upload and sign. */
    public static byte[] statutePdf() {
        return new DocumentRenderer()
                .render(new StatuteVersionDocument(
                        "De Kleine Schans",
                        "coöperatie U.A.",
                        1,
                        "Statuten De Kleine Schans",
                        LocalDate.of(2026, 3, 1),
                        List.of(new StatuteVersionDocument.Article(
                                "1", "Naam", "De coöperatie draagt de naam De Kleine Schans."))));
    }

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    public Account account(String prefix) {
        return account(prefix, false);
    }

    public Account account(String prefix, boolean platformAdmin) {
        String email = unique(prefix) + "@example.nl";
        return accounts.save(new Account(
                UUID.randomUUID(), email, prefix, hasher.hash(PASSWORD), platformAdmin, "nl", Instant.now(), 0));
    }

    public CoalitionResponse coalition(String prefix, LegalForm form) {
        Account admin = account("platform-admin", true);
        return coalitions.create(
                new CurrentAccount(admin.id(), admin.email(), admin.displayName(), true),
                new CreateCoalitionRequest(
                        prefix + " " + unique(""), unique(prefix), form, "12345678", "Gemeente " + prefix, null));
    }

    /** An account holding the given roles in the coalition. */
    public Account member(CoalitionResponse coalition, String prefix, CoalitionRole... roles) {
        Account account = account(prefix);
        grant(coalition, account, roles);
        return account;
    }

    /** An account that represents the member since 2021 (as an accepted invitation would make it). */
    public Account representative(CoalitionResponse coalition, UUID memberId, String prefix) {
        Account account = account(prefix);
        tx.run(CoalitionId.of(coalition.id()), () -> {
            representatives.insert(new Representative(
                    coalition.id(),
                    UUID.randomUUID(),
                    memberId,
                    account.id(),
                    true,
                    true,
                    false,
                    java.time.LocalDate.of(2021, 1, 1),
                    null,
                    0));
            grants.grant(coalition.id(), account.id(), CoalitionRole.REPRESENTATIVE);
        });
        return account;
    }

    /** Accountants are time-boxed (a month is plenty for a test) and see the subsidy years 2020 to 2030. */
    public void grant(CoalitionResponse coalition, Account account, CoalitionRole... roles) {
        tx.run(CoalitionId.of(coalition.id()), () -> Set.of(roles).forEach(r -> {
            grants.grantUntil(
                    coalition.id(),
                    account.id(),
                    r,
                    r == CoalitionRole.ACCOUNTANT ? java.time.LocalDate.now().plusMonths(1) : null);
            if (r == CoalitionRole.ACCOUNTANT) {
                grants.setAccountantYears(
                        coalition.id(),
                        account.id(),
                        java.util.stream.IntStream.rangeClosed(2020, 2030)
                                .boxed()
                                .toList());
            }
        }));
    }
}
