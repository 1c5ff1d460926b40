package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * A party in the coalition's krachtenveld: who it is, what it cares about, and how much influence and
 * interest it has (the power/interest grid).
 */
@Serdeable
public record Stakeholder(
        UUID id,
        String name,
        String description,
        String interest,
        Level influence,
        Level interestLevel,
        Quadrant quadrant,
        Instant updatedAt,
        String updatedBy,
        int version) {

    public enum Level {
        LOW,
        MEDIUM,
        HIGH
    }

    /** The usual advice per corner of the grid; the middle row and column lean to "keep informed". */
    public enum Quadrant {
        MANAGE_CLOSELY,
        KEEP_SATISFIED,
        KEEP_INFORMED,
        MONITOR;

        public static Quadrant of(Level influence, Level interest) {
            boolean powerful = influence == Level.HIGH;
            boolean interested = interest != Level.LOW;
            if (powerful) {
                return interested ? MANAGE_CLOSELY : KEEP_SATISFIED;
            }
            return interested ? KEEP_INFORMED : MONITOR;
        }
    }

    /** The levels as text, so that a wrong one is refused at its field rather than as unreadable JSON. */
    @Serdeable
    public record Request(
            @NotBlank @Size(max = 200) @PlainText String name,
            @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 2000) String interest,
            @NotNull @Pattern(regexp = LEVELS) String influence,
            @NotNull @Pattern(regexp = LEVELS) String interestLevel,
            @Nullable Integer version) {}

    static final String LEVELS = "LOW|MEDIUM|HIGH";
}
