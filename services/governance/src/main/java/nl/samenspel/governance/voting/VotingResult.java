package nl.samenspel.governance.voting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.samenspel.governance.statute.rules.Quorum;

/**
 * What the engine decided and why.
 *
 * @param votes       the vote counted for each member, its own or cast through a proxy
 * @param quorum      the quorum worked out from attendance; empty for a decision in writing
 * @param proxiesUsed the proxies that counted, in the order given
 * @param recused     the members entitled to vote who declared a conflict of interest
 * @param explanation every rule applied, in Dutch, each naming where the statutes or the law say so
 */
public record VotingResult(
        Outcome outcome,
        Tally tally,
        Map<String, Choice> votes,
        Optional<Quorum.Result> quorum,
        List<Proxy> proxiesUsed,
        List<String> recused,
        List<String> explanation) {}
