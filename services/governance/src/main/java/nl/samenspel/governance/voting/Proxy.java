package nl.samenspel.governance.voting;

import java.util.Objects;

/**
 * A written proxy (volmacht): {@code holder} votes for {@code grantor}. With an {@code instruction} it
 * votes that way; without one ({@code null}) it is a free proxy and follows the holder's own ballot.
 */
public record Proxy(String grantor, String holder, Choice instruction) {

    public Proxy {
        Objects.requireNonNull(grantor, "grantor");
        Objects.requireNonNull(holder, "holder");
    }

    public static Proxy free(String grantor, String holder) {
        return new Proxy(grantor, holder, null);
    }
}
