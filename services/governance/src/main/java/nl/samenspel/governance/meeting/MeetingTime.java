package nl.samenspel.governance.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Meetings happen in Dutch time; days (notice periods, due dates) are Dutch calendar days. */
public final class MeetingTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private MeetingTime() {}

    public static LocalDate day(Instant moment) {
        return moment.atZone(ZONE).toLocalDate();
    }

    public static OffsetDateTime local(Instant moment) {
        return moment.atZone(ZONE).toOffsetDateTime();
    }
}
