package nl.samenspel.governance.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.AddSeatRequest;
import nl.samenspel.governance.body.BodyResponse;
import nl.samenspel.governance.body.BodyService;
import nl.samenspel.governance.body.CreateBodyRequest;
import nl.samenspel.governance.body.RhythmRequest;
import nl.samenspel.governance.body.SeatRole;
import nl.samenspel.governance.body.UpdateBodyRequest;
import nl.samenspel.governance.coalition.BodyKind;
import nl.samenspel.governance.coalition.ChangeStatusRequest;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.CoalitionService;
import nl.samenspel.governance.coalition.CoalitionStatus;
import nl.samenspel.governance.coalition.CreateCoalitionRequest;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.AccountRepository;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.identity.PasswordHasher;
import nl.samenspel.governance.identity.RoleGrants;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberResponse;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.member.Representative;
import nl.samenspel.governance.member.RepresentativeRepository;
import nl.samenspel.governance.penvoerder.AppointPenvoerderRequest;
import nl.samenspel.governance.penvoerder.PenvoerderschapService;
import nl.samenspel.governance.statute.Article;
import nl.samenspel.governance.statute.StatuteRequests;
import nl.samenspel.governance.statute.StatuteResponse;
import nl.samenspel.governance.statute.StatuteService;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two reference coalitions of DOMAIN.md for the local run, made through the product's own
 * services so that their audit chains are complete. Never in production: it needs
 * {@code samenspel.demo-data=true}, which only the embedded local run sets, and refuses env prod.
 *
 * <p>Subsidies are the 2020 figures from the Deventer cost overview. The split of the partners'
 * 16,41 prevention fte over the three municipal partners is illustrative (the plan gives the total);
 * KvK numbers and RSINs are made-up demo values that pass the checks. The meetings, relative to
 * today, come from {@link DemoMeetings}; the subsidies and the members' figures against them from
 * {@link DemoAccountability}; the trajects from {@link DemoTrajects}; the publications for staff from
 * {@link DemoPublications}; the krachtenveld and the communication moments from {@link DemoCommunication}.
 */
@Singleton
@Requires(property = "samenspel.demo-data", value = "true")
@Requires(notEnv = "prod")
public class DemoData {

    public static final String PASSWORD = "samenspel-demo";

    /** The penvoerderschap scope under which Raster holds Deventer's joint assignment and its subsidy. */
    static final String DEVENTER_SCOPE = "Opdracht preventie 2021";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final CoalitionRepository coalitions;
    private final CoalitionService coalitionService;
    private final MemberService members;
    private final RoleGrants grants;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final RepresentativeRepository representatives;
    private final PenvoerderschapService penvoerders;
    private final StatuteService statutes;
    private final BodyService bodies;
    private final DemoMeetings meetings;
    private final DemoProposals demoProposals;
    private final DemoSigning demoSigning;
    private final DemoAccountability demoAccountability;
    private final DemoTrajects demoTrajects;
    private final DemoPublications demoPublications;
    private final DemoCommunication demoCommunication;
    private final nl.samenspel.governance.pack.PackService packs;

    DemoData(
            AccountRepository accounts,
            PasswordHasher hasher,
            CoalitionRepository coalitions,
            CoalitionService coalitionService,
            MemberService members,
            RoleGrants grants,
            TenantTransactions tx,
            AuditLog audit,
            RepresentativeRepository representatives,
            PenvoerderschapService penvoerders,
            StatuteService statutes,
            BodyService bodies,
            DemoMeetings meetings,
            DemoProposals demoProposals,
            DemoSigning demoSigning,
            DemoAccountability demoAccountability,
            DemoTrajects demoTrajects,
            DemoPublications demoPublications,
            DemoCommunication demoCommunication,
            nl.samenspel.governance.pack.PackService packs) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.coalitions = coalitions;
        this.coalitionService = coalitionService;
        this.members = members;
        this.grants = grants;
        this.tx = tx;
        this.audit = audit;
        this.representatives = representatives;
        this.penvoerders = penvoerders;
        this.statutes = statutes;
        this.bodies = bodies;
        this.meetings = meetings;
        this.demoProposals = demoProposals;
        this.demoSigning = demoSigning;
        this.demoAccountability = demoAccountability;
        this.demoTrajects = demoTrajects;
        this.demoPublications = demoPublications;
        this.demoCommunication = demoCommunication;
        this.packs = packs;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (coalitions.existsBySlug("deventer-preventie")) {
            return;
        }
        long started = System.nanoTime();
        load();
        LOG.info(
                "Demo data loaded in {} ms: log in as secretaris@deventer.demo / {}",
                (System.nanoTime() - started) / 1_000_000,
                PASSWORD);
    }

    void load() {
        Account admin = account("beheer@samenspel.demo", "Platformbeheer", true);
        CurrentAccount platform = new CurrentAccount(admin.id(), admin.email(), admin.displayName(), true);
        Account mee = account("k.jansen@mee.demo", "Karin Jansen (MEE)", false);

        // Deventer: the four partners of "van preventie naar potentie".
        Account deventerSecretary = account("secretaris@deventer.demo", "Projectleider Deventer", false);
        CoalitionResponse deventer = coalitionService.create(
                platform,
                new CreateCoalitionRequest(
                        "Van preventie naar potentie (Deventer)",
                        "deventer-preventie",
                        LegalForm.SAMENWERKINGSVERBAND,
                        null,
                        "Gemeente Deventer",
                        deventerSecretary.email()));
        Account deventerOpdrachtgever =
                account("opdrachtgever@deventer.demo", "Beleidsadviseur gemeente Deventer", false);
        grant(deventer, deventerOpdrachtgever, CoalitionRole.OPDRACHTGEVER);
        grant(deventer, account("accountant@deventer.demo", "Accountant Deventer", false), CoalitionRole.ACCOUNTANT);
        CoalitionAccess d = access(deventer, deventerSecretary);
        MemberResponse raster =
                member(d, "Raster", MemberKind.WELZIJN, "08123456", "123456782", "2021-01-01", "6.50", 120950500);
        MemberResponse deKern =
                member(d, "De Kern", MemberKind.WELZIJN, "08234567", "111222333", "2021-01-01", "4.96", 74395500);
        MemberResponse meeDeventer = member(
                d,
                "MEE IJsseloevers",
                MemberKind.CLIENTONDERSTEUNING,
                "08345678",
                "002220647",
                "2021-01-01",
                "4.95",
                97958800);
        MemberResponse solis =
                member(d, "Zorggroep Solis", MemberKind.ZORGAANBIEDER, "08456789", null, "2021-01-01", "4.00", 9642500);
        Account rasterRep = account("vertegenwoordiger@raster.demo", "Vertegenwoordiger Raster", false);
        representative(d, raster, rasterRep);
        Account deKernRep = account("vertegenwoordiger@dekern.demo", "Vertegenwoordiger De Kern", false);
        representative(d, deKern, deKernRep);
        Account solisRep = account("vertegenwoordiger@solis.demo", "Vertegenwoordiger Zorggroep Solis", false);
        representative(d, solis, solisRep);
        // One joint assignment needs a penvoerder (plan "van preventie naar potentie"); the choice of
        // Raster, the largest subsidy holder, is illustrative.
        penvoerders.appoint(
                d,
                new AppointPenvoerderRequest(
                        DEVENTER_SCOPE,
                        raster.id(),
                        LocalDate.parse("2021-01-01"),
                        null,
                        "Vraagt namens de vier partners de subsidie aan, beheert die en legt verantwoording af aan"
                                + " gemeente Deventer."));
        representative(d, meeDeventer, mee);
        // The project organisation of the plan van aanpak (January 2021): rhythms as the plan gives them.
        rhythm(
                d,
                "Stuurgroep",
                "Eén manager per partner; stuurt op de opdracht, de formatie en de knelpunten.",
                Set.of(DecisionType.ORDINARY, DecisionType.BUDGET),
                new RhythmRequest.PhaseRequest(2, LocalDate.parse("2021-03-01")),
                new RhythmRequest.PhaseRequest(3, null));
        rhythm(
                d,
                "Projectgroep",
                "Projectleider en leden; werkt de vijf lijnen uit en is penvoerder tijdens het project.",
                null,
                new RhythmRequest.PhaseRequest(1, LocalDate.parse("2021-04-01")),
                new RhythmRequest.PhaseRequest(2, null));
        rhythm(
                d,
                "Klankbordgroep",
                "Eén professional per organisatie; geeft signalen uit de praktijk, zonder formele rol.",
                null,
                new RhythmRequest.PhaseRequest(3, LocalDate.parse("2021-07-01")),
                new RhythmRequest.PhaseRequest(6, null));
        UUID stuurgroep = bodyNamed(d, "Stuurgroep");
        bodies.addSeat(
                d,
                stuurgroep,
                new AddSeatRequest(
                        raster.id(), "Manager Raster", SeatRole.CHAIR, true, LocalDate.parse("2021-01-01"), null));
        bodies.addSeat(
                d,
                stuurgroep,
                new AddSeatRequest(
                        meeDeventer.id(),
                        "Manager MEE IJsseloevers",
                        SeatRole.MEMBER,
                        true,
                        LocalDate.parse("2021-01-01"),
                        null));
        for (MemberResponse partner : List.of(deKern, solis)) {
            bodies.addSeat(
                    d,
                    stuurgroep,
                    new AddSeatRequest(
                            partner.id(),
                            "Manager " + partner.name(),
                            SeatRole.MEMBER,
                            true,
                            LocalDate.parse("2021-01-01"),
                            null));
        }
        coalitionService.changeStatus(d, new ChangeStatusRequest(CoalitionStatus.ONBOARDING, 0));
        coalitionService.changeStatus(
                access(deventer, deventerSecretary), new ChangeStatusRequest(CoalitionStatus.ACTIVE, 1));
        meetings.deventer(new DemoMeetings.Deventer(
                access(deventer, deventerSecretary),
                stuurgroep,
                raster.id(),
                deKern.id(),
                meeDeventer.id(),
                solis.id()));
        demoProposals.deventer(
                access(deventer, deventerSecretary),
                stuurgroep,
                List.of(
                        representing(deventer, rasterRep),
                        representing(deventer, mee),
                        representing(deventer, deKernRep),
                        representing(deventer, solisRep)));
        demoSigning.deventer(
                access(deventer, deventerSecretary),
                List.of(raster.id(), deKern.id(), meeDeventer.id(), solis.id()),
                List.of(
                        representing(deventer, rasterRep),
                        representing(deventer, deKernRep),
                        representing(deventer, mee),
                        representing(deventer, solisRep)));
        nl.samenspel.governance.accountability.Subsidy deventer2021 =
                demoAccountability.deventer(new DemoAccountability.Deventer(
                        acting(deventer, deventerOpdrachtgever, CoalitionRole.OPDRACHTGEVER),
                        DEVENTER_SCOPE,
                        new DemoAccountability.Partner(raster.id(), representing(deventer, rasterRep)),
                        new DemoAccountability.Partner(deKern.id(), representing(deventer, deKernRep)),
                        new DemoAccountability.Partner(meeDeventer.id(), representing(deventer, mee)),
                        new DemoAccountability.Partner(solis.id(), representing(deventer, solisRep))));
        // The 2021 pack, asked for by the secretary; the job runner makes it a few seconds after start.
        packs.request(access(deventer, deventerSecretary), deventer2021.id());
        demoTrajects.deventer(access(deventer, deventerSecretary), bodyNamed(d, "Projectgroep"), deventer2021.id());
        // An employee of Raster reads the publications; Raster's representative gave the access.
        Account rasterStaff = account("medewerker@raster.demo", "Medewerker Raster", false);
        demoPublications.deventer(
                access(deventer, deventerSecretary),
                representing(deventer, rasterRep),
                raster.id(),
                rasterStaff.email());
        demoCommunication.deventer(access(deventer, deventerSecretary));

        // Woudenberg: coöperatie De Kleine Schans, founded by the municipality, MEE and Youké.
        Account woudenbergSecretary = account("secretaris@woudenberg.demo", "Projectleider De Kleine Schans", false);
        CoalitionResponse woudenberg = coalitionService.create(
                platform,
                new CreateCoalitionRequest(
                        "Coöperatie De Kleine Schans U.A.",
                        "de-kleine-schans",
                        LegalForm.COOPERATIE_UA,
                        "69123456",
                        "Gemeente Woudenberg",
                        woudenbergSecretary.email()));
        Account woudenbergOpdrachtgever =
                account("opdrachtgever@woudenberg.demo", "Wethouder sociaal domein Woudenberg", false);
        grant(woudenberg, woudenbergOpdrachtgever, CoalitionRole.OPDRACHTGEVER);
        CoalitionAccess w = access(woudenberg, woudenbergSecretary);
        MemberResponse gemeente = members.create(
                w,
                new MemberRequest(
                        "Gemeente Woudenberg",
                        MemberKind.GEMEENTE,
                        null,
                        null,
                        LocalDate.parse("2018-01-01"),
                        BigDecimal.ZERO,
                        0L,
                        1,
                        true,
                        null));
        MemberResponse meeWoudenberg =
                member(w, "MEE", MemberKind.CLIENTONDERSTEUNING, "30567890", "005550002", "2018-01-01", "0.00", 0);
        member(w, "Youké (sterke jeugd)", MemberKind.JEUGDHULP, "30123456", "123123124", "2018-01-01", "0.00", 0);
        representative(w, meeWoudenberg, mee);
        Account wethouder = account("wethouder@woudenberg.demo", "Wethouder Woudenberg", false);
        representative(w, gemeente, wethouder);
        coalitionService.changeStatus(w, new ChangeStatusRequest(CoalitionStatus.ONBOARDING, 0));
        // The founding project (plan van aanpak, 2017): a stuurgroep and three ontwikkeltafels.
        bodies.create(
                w,
                new CreateBodyRequest(
                        BodyKind.STUURGROEP,
                        "Stuurgroep oprichting",
                        "Projectleider (voorzitter), wethouder, gemeentesecretaris, directeuren van MEE en Youké en een extern adviseur.",
                        Set.of(DecisionType.ORDINARY, DecisionType.BUDGET),
                        true));
        for (String tafel : List.of("organisatieontwerp", "governance", "inhoudelijke opgave")) {
            bodies.create(
                    w,
                    new CreateBodyRequest(
                            BodyKind.ONTWIKKELTAFEL,
                            "Ontwikkeltafel " + tafel,
                            "Werkt de " + tafel + " van de coöperatie uit en legt voorstellen voor aan de stuurgroep.",
                            Set.of(),
                            false));
        }

        // A first draft of the statutes, in the words of the founding plan (plan van aanpak, 2017).
        StatuteResponse draft = statutes.createDraft(
                w, new StatuteRequests.NewDraft("Statuten coöperatie De Kleine Schans U.A. (concept)", null));
        StatuteResponse draftText = statutes.updateDraft(
                w,
                draft.id(),
                new StatuteRequests.Draft(
                        draft.title(),
                        List.of(
                                new Article(
                                        "1",
                                        "Naam en zetel",
                                        "De coöperatie draagt de naam Coöperatie De Kleine Schans U.A. en is gevestigd te Woudenberg."),
                                new Article(
                                        "2",
                                        "Doel",
                                        "De coöperatie verzorgt de toegang in het sociaal domein (Jeugdwet, Wmo, Participatiewet,"
                                                + " Leerplichtwet), preventie, informatie en advies, en besluiten op aanvragen, zodat"
                                                + " inwoners lokale, passende en integrale antwoorden krijgen op hun ondersteuningsvragen."),
                                new Article(
                                        "3",
                                        "Leden",
                                        "Leden zijn de gemeente Woudenberg en aanbieders van zorg en ondersteuning die door de algemene"
                                                + " ledenvergadering zijn toegelaten. Alle leden werken op basis van gelijkwaardigheid."),
                                new Article(
                                        "4",
                                        "Rol van de gemeente",
                                        "De gemeente is lid van de coöperatie en daarnaast haar opdrachtgever. Haar eindverantwoordelijkheid"
                                                + " in het sociaal domein vult zij in als opdrachtgever, niet als lid."),
                                new Article(
                                        "5",
                                        "Algemene ledenvergadering",
                                        "Ieder lid heeft één stem. De oproeping geschiedt ten minste zeven dagen voor de vergadering."),
                                new Article(
                                        "6",
                                        "Bestuur",
                                        "Het bestuur bestaat uit een of meer bestuurders, benoemd door de algemene ledenvergadering."),
                                new Article(
                                        "7",
                                        "Statutenwijziging",
                                        "Een besluit tot statutenwijziging vergt ten minste twee derde van de uitgebrachte stemmen. Het"
                                                + " voorstel ligt ten minste vijf dagen voor de vergadering voor de leden ter inzage.")),
                        null,
                        draft.version()));

        // The ALV decides what BW Boek 2 and the draft statutes leave to the members; the template body
        // starts without decision types.
        UUID alv = bodyNamed(w, "Algemene ledenvergadering");
        BodyResponse alvBody = bodies.get(w, alv);
        bodies.update(
                w,
                alv,
                new UpdateBodyRequest(
                        alvBody.name(),
                        "Alle leden; ieder lid heeft één stem (concept-statuten, artikel 5).",
                        Set.of(
                                DecisionType.ORDINARY,
                                DecisionType.BUDGET,
                                DecisionType.ADMISSION,
                                DecisionType.STATUTE_AMENDMENT,
                                DecisionType.DISSOLUTION),
                        alvBody.formal(),
                        alvBody.version()));
        meetings.woudenberg(new DemoMeetings.Woudenberg(w, alv, bodyNamed(w, "Ontwikkeltafel governance"), draftText));
        demoProposals.woudenberg(access(woudenberg, woudenbergSecretary), alv, representing(woudenberg, mee));
        demoSigning.woudenberg(
                access(woudenberg, woudenbergSecretary),
                draftText.id(),
                List.of(gemeente.id(), meeWoudenberg.id()),
                representing(woudenberg, wethouder));
        demoAccountability.woudenberg(new DemoAccountability.Woudenberg(
                acting(woudenberg, woudenbergOpdrachtgever, CoalitionRole.OPDRACHTGEVER),
                new DemoAccountability.Partner(meeWoudenberg.id(), representing(woudenberg, mee)),
                new DemoAccountability.Partner(gemeente.id(), representing(woudenberg, wethouder))));
        demoTrajects.woudenberg(access(woudenberg, woudenbergSecretary), bodyNamed(w, "Stuurgroep oprichting"));
        demoCommunication.woudenberg(access(woudenberg, woudenbergSecretary));
    }

    private UUID bodyNamed(CoalitionAccess access, String name) {
        return bodies.list(access).stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Sets the mandate, the decision types ({@code null}: unchanged) and the rhythm of a body. */
    private void rhythm(
            CoalitionAccess access,
            String body,
            String mandate,
            Set<DecisionType> decisionTypes,
            RhythmRequest.PhaseRequest... phases) {
        UUID id = bodyNamed(access, body);
        BodyResponse current = bodies.get(access, id);
        bodies.update(
                access,
                id,
                new UpdateBodyRequest(
                        current.name(),
                        mandate,
                        decisionTypes == null ? current.decisionTypes() : decisionTypes,
                        current.formal(),
                        current.version()));
        bodies.setRhythm(access, id, new RhythmRequest(List.of(phases)));
    }

    private Account account(String email, String name, boolean admin) {
        return accounts.findByEmail(email)
                .orElseGet(() -> accounts.save(new Account(
                        UUID.randomUUID(), email, name, hasher.hash(PASSWORD), admin, "nl", Instant.now(), 0)));
    }

    private CoalitionAccess access(CoalitionResponse coalition, Account secretary) {
        Coalition c = coalitions.findById(coalition.id()).orElseThrow();
        return new CoalitionAccess(
                c,
                new CurrentAccount(secretary.id(), secretary.email(), secretary.displayName(), false),
                EnumSet.of(CoalitionRole.SECRETARY));
    }

    /** How a representative's requests reach the services. */
    private CoalitionAccess representing(CoalitionResponse coalition, Account representative) {
        return acting(coalition, representative, CoalitionRole.REPRESENTATIVE);
    }

    /** How the requests of an account with one role in the coalition reach the services. */
    private CoalitionAccess acting(CoalitionResponse coalition, Account account, CoalitionRole role) {
        Coalition c = coalitions.findById(coalition.id()).orElseThrow();
        return new CoalitionAccess(
                c, new CurrentAccount(account.id(), account.email(), account.displayName(), false), EnumSet.of(role));
    }

    private MemberResponse member(
            CoalitionAccess access,
            String name,
            MemberKind kind,
            String kvk,
            String rsin,
            String joined,
            String fte,
            long cents) {
        return members.create(
                access,
                new MemberRequest(
                        name, kind, kvk, rsin, LocalDate.parse(joined), new BigDecimal(fte), cents, 1, false, null));
    }

    private void grant(CoalitionResponse coalition, Account account, CoalitionRole role) {
        tx.run(CoalitionId.of(coalition.id()), () -> {
            // An accountant's access is time-boxed: here until the end of next year.
            LocalDate until = role == CoalitionRole.ACCOUNTANT
                    ? LocalDate.now().plusYears(1).withMonth(12).withDayOfMonth(31)
                    : null;
            grants.grantUntil(coalition.id(), account.id(), role, until);
            if (role == CoalitionRole.ACCOUNTANT) {
                // The demo's accountant audits Deventer's 2021, the year of the demo pack.
                grants.setAccountantYears(coalition.id(), account.id(), List.of(2021));
            }
            Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("role", role.name());
            after.put("validUntil", until == null ? null : until.toString());
            audit.append(
                    CoalitionId.of(coalition.id()), "demo-data", "role.granted", "account", account.id(), null, after);
        });
    }

    /** A mandate to vote and sign for the member, as accepting an invitation would give. */
    private void representative(CoalitionAccess access, MemberResponse member, Account account) {
        tx.run(access.id(), () -> {
            Representative mandate = representatives.insert(new Representative(
                    access.id().value(),
                    UUID.randomUUID(),
                    member.id(),
                    account.id(),
                    true,
                    true,
                    false,
                    member.joinedOn(),
                    null,
                    0));
            audit.append(
                    access.id(),
                    access.actor(),
                    "representative.created",
                    "representative",
                    mandate.id(),
                    null,
                    mandate.auditState());
            grants.grant(access.id().value(), account.id(), CoalitionRole.REPRESENTATIVE);
            audit.append(
                    access.id(),
                    access.actor(),
                    "role.granted",
                    "account",
                    account.id(),
                    null,
                    Map.of("role", CoalitionRole.REPRESENTATIVE.name()));
        });
    }
}
