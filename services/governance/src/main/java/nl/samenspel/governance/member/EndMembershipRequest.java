package nl.samenspel.governance.member;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

@Serdeable
public record EndMembershipRequest(@NotNull LocalDate leftOn, @NotNull Integer version) {}
