package nl.samenspel.core.tenancy;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.UUID;

/** The tenant: one coalition. Resolved once at the edge and passed explicitly down to the SQL. */
@Serdeable
public record CoalitionId(UUID value) {

    public CoalitionId {
        Objects.requireNonNull(value, "coalition id");
    }

    public static CoalitionId of(UUID value) {
        return new CoalitionId(value);
    }

    public static CoalitionId random() {
        return new CoalitionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
