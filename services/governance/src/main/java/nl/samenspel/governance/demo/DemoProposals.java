package nl.samenspel.governance.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.samenspel.governance.proposal.Proposal;
import nl.samenspel.governance.proposal.ProposalClosing;
import nl.samenspel.governance.proposal.ProposalRequests;
import nl.samenspel.governance.proposal.ProposalResponse;
import nl.samenspel.governance.proposal.ProposalService;
import nl.samenspel.governance.proposal.Vote;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Proposals for the demo, voted through the services as representatives would: one decided and one
 * still open in each coalition, so the register and the voting page have something to show.
 */
@Singleton
class DemoProposals {

    private final ProposalService proposals;
    private final ProposalClosing closing;
    private final Clock clock;

    DemoProposals(ProposalService proposals, ProposalClosing closing, Clock clock) {
        this.proposals = proposals;
        this.closing = closing;
        this.clock = clock;
    }

    /** The stuurgroep adopts its year plan in writing; a second written proposal waits for two partners. */
    void deventer(CoalitionAccess secretary, UUID stuurgroep, List<CoalitionAccess> partners) {
        ProposalResponse plan = openInWriting(
                secretary,
                stuurgroep,
                "Jaarplan 2022 Van preventie naar potentie",
                """
                De stuurgroep stelt het jaarplan 2022 vast: de vijf lijnen van het plan van aanpak met hun \
                mijlpalen, de formatie per partner en de rapportage aan gemeente Deventer per kwartaal.""",
                7);
        for (CoalitionAccess partner : partners) {
            proposals.cast(partner, plan.id(), Vote.Choice.FOR, null);
        }
        closing.close(secretary, plan.id());

        ProposalResponse klankbord = openInWriting(
                secretary,
                stuurgroep,
                "Klankbordgroep: één uitvoerende medewerker per organisatie",
                """
                Vanuit iedere organisatie neemt één uitvoerende medewerker deel aan de klankbordgroep, met \
                spreiding over de wijken; eerste drie maanden iedere drie weken, daarna iedere zes weken.""",
                10);
        for (CoalitionAccess partner : partners.subList(0, 2)) {
            proposals.cast(partner, klankbord.id(), Vote.Choice.FOR, null);
        }
    }

    /** The ALV is asked in writing to adopt the uitvoeringsagenda; MEE has voted. */
    void woudenberg(CoalitionAccess secretary, UUID alv, CoalitionAccess mee) {
        ProposalResponse agenda = openInWriting(
                secretary,
                alv,
                "Vaststelling uitvoeringsagenda",
                """
                De leden stellen buiten vergadering de uitvoeringsagenda vast die de ontwikkeltafels \
                Organisatieontwerp en Governance hebben opgesteld, met een eigenaar per deelresultaat.""",
                14);
        proposals.cast(mee, agenda.id(), Vote.Choice.FOR, null);
    }

    private ProposalResponse openInWriting(
            CoalitionAccess secretary, UUID body, String title, String text, int daysOpen) {
        ProposalResponse draft = proposals.draft(
                secretary,
                new ProposalRequests.Draft(
                        title, text, DecisionType.ORDINARY, body, Proposal.Mode.WRITTEN, null, null, true, null));
        OffsetDateTime closes = clock.instant()
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .plusDays(daysOpen)
                .withHour(17)
                .truncatedTo(ChronoUnit.HOURS)
                .toOffsetDateTime();
        return proposals.open(secretary, draft.id(), new ProposalRequests.Open(closes, draft.version()));
    }
}
