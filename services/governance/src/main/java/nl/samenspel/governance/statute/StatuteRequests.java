package nl.samenspel.governance.statute;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/** Requests of the statute API. */
public final class StatuteRequests {

    private StatuteRequests() {}

    /** A new draft: a copy of {@code basedOn}, or the template's rules with no articles. */
    @Serdeable
    public record NewDraft(@NotBlank @Size(max = 200) @PlainText String title, @Nullable UUID basedOn) {}

    /**
     * The whole draft as it should be; {@code rules} as the API shows them, {@code null} keeps them, and
     * rules without {@code sources} keep the draft's article references.
     */
    @Serdeable
    public record Draft(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull @Size(max = 500) List<@Valid @NotNull Article> articles,
            @Nullable Map<String, Object> rules,
            @NotNull Integer version) {}

    @Serdeable
    public record Adopt(@NotNull LocalDate effectiveFrom, @NotNull Integer version) {}

    @Serdeable
    public record Deed(@NotNull LocalDate notarialDeedDate) {}
}
