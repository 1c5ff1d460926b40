package nl.samenspel.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Outcome of checking a chain: intact with its head hash, or the first broken event and why. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean intact, long events, String headHash, Long brokenAt, String reason) {

    static Verification intact(long events, String headHash) {
        return new Verification(true, events, headHash, null, null);
    }

    static Verification broken(long events, long at, String reason) {
        return new Verification(false, events, null, at, reason);
    }
}
