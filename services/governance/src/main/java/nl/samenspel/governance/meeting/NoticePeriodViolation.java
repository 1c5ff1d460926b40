package nl.samenspel.governance.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import nl.samenspel.core.problem.FieldError;
import nl.samenspel.core.problem.ProblemException;

/**
 * A decision-taking meeting called inside the statutes' notice period (422). Carries the rule, so a
 * page can say it in Dutch: how many days, the earliest day that would do, and which statute version
 * set it ({@code null}: the template's defaults).
 */
public class NoticePeriodViolation extends ProblemException {

    private final int days;
    private final LocalDate earliest;
    private final Integer statuteNumber;

    NoticePeriodViolation(
            String field, int days, LocalDate earliest, @Nullable Integer statuteNumber, String source, String what) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "meeting.notice-period",
                "Under " + source + ", " + what + days + " days before the day of the meeting. The earliest day for"
                        + " this meeting is " + earliest + ".",
                List.of(new FieldError(
                        field, "meeting.notice-period", "at least " + days + " days' notice; earliest " + earliest)));
        this.days = days;
        this.earliest = earliest;
        this.statuteNumber = statuteNumber;
    }

    public int days() {
        return days;
    }

    public LocalDate earliest() {
        return earliest;
    }

    @Nullable
    public Integer statuteNumber() {
        return statuteNumber;
    }
}
