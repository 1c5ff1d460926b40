package nl.samenspel.governance.traject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.samenspel.core.value.PlainText;

/**
 * A planned communication moment of a traject: who must hear what, when, through which channel and
 * from whom, optionally for one of the traject's milestones. Overdue when not done by its planned day.
 */
@Serdeable
public record CommunicationMoment(
        UUID id,
        UUID trajectId,
        @Nullable UUID milestoneId,
        List<Audience> audience,
        String message,
        Channel channel,
        LocalDate plannedOn,
        @Nullable LocalDate doneOn,
        String responsible,
        boolean overdue,
        int version) {

    @Serdeable
    public record Audience(UUID stakeholderId, String name) {}

    public enum Channel {
        EMAIL("e-mail"),
        OVERLEG("overleg"),
        NIEUWSBRIEF("nieuwsbrief"),
        INTRANET("intranet"),
        PERSOONLIJK_GESPREK("persoonlijk gesprek"),
        WEBSITE("website"),
        BRIEF("brief"),
        PERS("pers");

        /** The Dutch word, as the calendar shows it. */
        public final String label;

        Channel(String label) {
            this.label = label;
        }
    }

    /** Overdue: planned before today (Dutch time) and not done. */
    public static boolean overdue(LocalDate plannedOn, LocalDate doneOn, LocalDate today) {
        return doneOn == null && plannedOn.isBefore(today);
    }

    /**
     * Channel and day as text, so that a wrong one is refused at its field (422) rather than as
     * unreadable JSON; the service reads them.
     */
    @Serdeable
    public record Request(
            @NotEmpty @Size(max = 50) List<@NotNull UUID> stakeholderIds,
            @Nullable UUID milestoneId,
            @NotBlank @Size(max = 1000) @PlainText String message,
            @NotNull @Pattern(regexp = CHANNELS) String channel,
            @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String plannedOn,
            @NotBlank @Size(max = 200) @PlainText String responsible,
            @Nullable Integer version) {}

    static final String CHANNELS = "EMAIL|OVERLEG|NIEUWSBRIEF|INTRANET|PERSOONLIJK_GESPREK|WEBSITE|BRIEF|PERS";

    /** Marks the moment done, on the day given or today. */
    @Serdeable
    public record DoneRequest(@Nullable LocalDate doneOn, @NotNull Integer version) {}

    /** A moment as the coalition's calendar feed shows it. */
    public record CalendarEntry(
            UUID id,
            UUID trajectId,
            String trajectTitle,
            LocalDate plannedOn,
            String message,
            Channel channel,
            String audience,
            String responsible,
            @Nullable LocalDate doneOn) {}
}
