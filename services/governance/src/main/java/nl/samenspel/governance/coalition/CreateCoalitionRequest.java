package nl.samenspel.governance.coalition;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.samenspel.core.value.PlainText;
import nl.samenspel.core.value.ValidKvkNumber;

@Serdeable
public record CreateCoalitionRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank
                @Size(min = 3, max = 63)
                @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lowercase letters, digits and single hyphens")
                String slug,
        @NotNull LegalForm legalForm,
        @Nullable @ValidKvkNumber String kvkNumber,
        @NotBlank @Size(max = 200) @PlainText String opdrachtgever,
        @Nullable @Email @Size(max = 254) String secretaryEmail) {}
