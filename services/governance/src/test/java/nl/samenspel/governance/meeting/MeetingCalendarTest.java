package nl.samenspel.governance.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar text itself, read back by ical4j's parser and validator. */
class MeetingCalendarTest {

    final MeetingCalendar calendar = new MeetingCalendar("Samenspel <noreply@samenspel.test>");

    static Meeting meeting(String title, String location) {
        return new Meeting(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                title,
                Instant.parse("2026-12-03T13:00:00Z"),
                Instant.parse("2026-12-03T15:00:00Z"),
                location,
                null,
                Meeting.Status.CONVENED,
                Instant.parse("2026-11-20T09:00:00Z"),
                null,
                2,
                0);
    }

    @Test
    void addressesAUriCannotHoldAsIsAndTextWithSeparatorsSurviveTheRoundTrip() throws Exception {
        Meeting m = meeting("Begroting; ronde 2, met \"quotes\"\nen een tweede regel", "Stadhuis, zaal 3; Deventer");
        String ics = calendar.convocation(
                new MeetingCalendar.Event(
                        m, "Stuurgroep", "1. Opening\n2. Begroting (besluit)", "https://samenspel.test/x"),
                List.of(
                        new MeetingCalendar.Invitee("jan|piet@example.nl", "Jan, Piet"),
                        new MeetingCalendar.Invitee("a%zz@example.nl", "A")));
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        parsed.validate();
        VEvent event = (VEvent) parsed.getComponent(Component.VEVENT).orElseThrow();
        assertThat(event.<Property>getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Stuurgroep: Begroting; ronde 2, met \"quotes\"\nen een tweede regel");
        assertThat(event.<Property>getProperty("LOCATION").orElseThrow().getValue())
                .isEqualTo("Stadhuis, zaal 3; Deventer");
        assertThat(event.<Property>getProperty("SEQUENCE").orElseThrow().getValue())
                .isEqualTo("2");
        assertThat(event.getProperties("ATTENDEE").stream()
                        .map(p -> java.net.URI.create(p.getValue()).getSchemeSpecificPart()))
                .containsExactly("jan|piet@example.nl", "a%zz@example.nl");
    }

    @Test
    void theFeedCarriesCommunicationMomentsAsAllDayEventsBesideTheMeetings() throws Exception {
        Meeting m = meeting("Vergadering", "Stadhuis");
        String ics = calendar.feed(
                "De Kleine Schans",
                List.of(new MeetingCalendar.Event(m, "Stuurgroep", "", "https://samenspel.test/m")),
                List.of(new MeetingCalendar.DayEvent(
                        "communication-1@samenspel",
                        java.time.LocalDate.parse("2026-12-14"),
                        "Communicatie: Voortgang, stap 5 (overleg)",
                        "Voor: Gemeenteraad, College van B&W",
                        "https://samenspel.test/t")));
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        parsed.validate();
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        VEvent day = events.get(1);
        assertThat(day.<Property>getProperty("UID").orElseThrow().getValue()).isEqualTo("communication-1@samenspel");
        assertThat(day.<Property>getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Communicatie: Voortgang, stap 5 (overleg)");
        assertThat(day.<Property>getProperty("DTSTART").orElseThrow().toString())
                .contains("VALUE=DATE:20261214");
        assertThat(day.<Property>getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20261215");
        assertThat(day.<Property>getProperty("DESCRIPTION").orElseThrow().getValue())
                .isEqualTo("Voor: Gemeenteraad, College van B&W");
    }
}
