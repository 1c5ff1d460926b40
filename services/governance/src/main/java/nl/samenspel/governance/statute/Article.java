package nl.samenspel.governance.statute;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.samenspel.core.value.PlainText;

/** One article of the statutes: "12", "12a". */
@Serdeable
public record Article(
        @NotBlank @Pattern(regexp = "[0-9]+[a-z]?", message = "a number, optionally with a letter (12, 12a)")
                String number,
        @NotBlank @Size(max = 200) @PlainText String title,
        @Size(max = 20000) String body) {}
