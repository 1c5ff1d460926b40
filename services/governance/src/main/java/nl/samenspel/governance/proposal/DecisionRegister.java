package nl.samenspel.governance.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.body.BodyRepository;
import nl.samenspel.governance.meeting.MeetingTime;
import nl.samenspel.governance.statute.rules.DecisionType;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The decision register (besluitenlijst) of voted proposals: every closed proposal with its validity
 * record, searchable, and exportable as CSV for an accountant.
 */
@Singleton
public class DecisionRegister {

    /** One decision with the figures that show it was validly taken. */
    @Serdeable
    public record Entry(
            UUID proposalId,
            int number,
            String title,
            DecisionType decisionType,
            String bodyName,
            Proposal.Mode mode,
            Instant closedAt,
            Proposal.Outcome outcome,
            @Nullable Integer statuteVersion,
            String rulesSource,
            @Nullable Boolean quorumMet,
            long votesFor,
            long votesAgainst,
            long abstentions,
            long votesCast,
            long base,
            List<String> proxies,
            List<String> recused,
            @Nullable String declaration,
            List<String> explanation) {}

    private final ProposalRepository proposals;
    private final BodyRepository bodies;
    private final TenantTransactions tx;

    DecisionRegister(ProposalRepository proposals, BodyRepository bodies, TenantTransactions tx) {
        this.proposals = proposals;
        this.bodies = bodies;
        this.tx = tx;
    }

    /** Closed proposals, newest first; {@code query} matches title or text, case-insensitively. */
    public List<Entry> entries(CoalitionAccess access, @Nullable String query, @Nullable Proposal.Outcome outcome) {
        UUID coalition = access.id().value();
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return tx.read(access.id(), () -> {
            Map<UUID, String> names = new HashMap<>();
            bodies.findAllOfCoalition(coalition).forEach(b -> names.put(b.id(), b.name()));
            return proposals.all(coalition).stream()
                    .filter(p -> p.status() == Proposal.Status.CLOSED)
                    .filter(p -> outcome == null || p.outcome() == outcome)
                    .filter(p -> needle.isEmpty()
                            || p.title().toLowerCase(Locale.ROOT).contains(needle)
                            || p.text().toLowerCase(Locale.ROOT).contains(needle))
                    .map(p -> entry(
                            p,
                            names.get(p.bodyId()),
                            proposals.result(coalition, p.id()).orElseThrow()))
                    .toList();
        });
    }

    public String csv(List<Entry> entries) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader(
                        "nummer",
                        "titel",
                        "soort besluit",
                        "orgaan",
                        "wijze",
                        "gesloten",
                        "uitkomst",
                        "statutenversie",
                        "quorum gehaald",
                        "voor",
                        "tegen",
                        "onthouding",
                        "uitgebrachte stemmen",
                        "stemgerechtigd",
                        "volmachten",
                        "tegenstrijdig belang",
                        "vaststelling uitslag",
                        "toelichting")
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Entry e : entries) {
                printer.printRecord(
                        e.number(),
                        e.title(),
                        e.decisionType(),
                        e.bodyName(),
                        e.mode() == Proposal.Mode.WRITTEN ? "schriftelijk" : "in vergadering",
                        MeetingTime.local(e.closedAt()).toLocalDateTime().withNano(0),
                        ProposalClosing.dutch(e.outcome()),
                        e.statuteVersion() == null ? "" : e.statuteVersion(),
                        e.quorumMet() == null ? "n.v.t." : e.quorumMet() ? "ja" : "nee",
                        e.votesFor(),
                        e.votesAgainst(),
                        e.abstentions(),
                        e.votesCast(),
                        e.base(),
                        String.join(", ", e.proxies()),
                        String.join(", ", e.recused()),
                        e.declaration() == null ? "" : e.declaration(),
                        String.join(" ", e.explanation()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(Proposal p, String bodyName, String json) {
        Map<String, Object> record;
        try {
            record = ProposalClosing.JSON.readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable validity record", e);
        }
        Map<String, Object> tally = (Map<String, Object>) record.get("tally");
        Map<String, Object> quorum = (Map<String, Object>) record.get("quorum");
        List<Map<String, Object>> proxies = (List<Map<String, Object>>) record.getOrDefault("proxies", List.of());
        Map<String, Object> declaration = (Map<String, Object>) record.get("declaration");
        return new Entry(
                p.id(),
                p.number(),
                p.title(),
                p.decisionType(),
                bodyName,
                p.mode(),
                p.closedAt(),
                p.outcome(),
                record.get("statuteVersion") == null ? null : ((Number) record.get("statuteVersion")).intValue(),
                String.valueOf(record.get("rulesSource")),
                quorum == null ? null : (Boolean) quorum.get("met"),
                number(tally.get("forWeight")),
                number(tally.get("againstWeight")),
                number(tally.get("abstainWeight")),
                number(tally.get("votesCast")),
                number(tally.get("base")),
                proxies.stream()
                        .map(x -> x.get("grantor") + " → " + x.get("holder")
                                + ("FREE".equals(x.get("instruction")) ? "" : " (" + x.get("instruction") + ")"))
                        .toList(),
                (List<String>) record.getOrDefault("recused", List.of()),
                declaration == null ? null : String.valueOf(declaration.get("text")),
                (List<String>) record.getOrDefault("explanation", List.of()));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
