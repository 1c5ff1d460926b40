package nl.samenspel.governance.meeting;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as iCalendar (RFC 5545, through ical4j): the invitation that travels with a convocation, its
 * update or cancellation (same UID, higher SEQUENCE), and a coalition's feed for calendar apps. Times are
 * written in UTC, so no time-zone definitions are needed.
 */
@Singleton
public class MeetingCalendar {

    private static final String PRODUCT = "-//Samenspel//Vergaderingen//NL";

    /** One meeting with what a calendar shows about it. */
    public record Event(Meeting meeting, String bodyName, String description, String pageUrl) {}

    /** An all-day entry of the feed (a communication moment of a traject). */
    public record DayEvent(String uid, LocalDate day, String summary, String description, String pageUrl) {}

    /** Someone called to the meeting. */
    public record Invitee(String email, String name) {}

    private final String organizerEmail;
    private final String organizerName;

    MeetingCalendar(@Value("${samenspel.mail.from:`Samenspel <noreply@samenspel.local>`}") String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            this.organizerEmail = address.getAddress();
            this.organizerName = address.getPersonal() == null ? "Samenspel" : address.getPersonal();
        } catch (AddressException e) {
            throw new IllegalArgumentException("samenspel.mail.from is not an e-mail address: " + from, e);
        }
    }

    /** METHOD:REQUEST; a cancelled meeting goes out as METHOD:CANCEL. */
    public String convocation(Event event, List<Invitee> invitees) {
        boolean cancelled = event.meeting().cancelled();
        Method method = cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST;
        Calendar calendar = calendar(method);
        VEvent vevent = event(event);
        vevent.add(new Organizer(mailto(organizerEmail)).add(new Cn(organizerName)));
        for (Invitee invitee : invitees) {
            Attendee attendee = new Attendee(mailto(invitee.email()));
            attendee.add(new Cn(invitee.name()));
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.NEEDS_ACTION);
            attendee.add(cancelled ? Rsvp.FALSE : Rsvp.TRUE);
            vevent.add(attendee);
        }
        calendar.add(vevent);
        return calendar.toString();
    }

    /** METHOD:PUBLISH, every meeting of a coalition; cancelled ones stay in with STATUS:CANCELLED. */
    public String feed(String coalitionName, List<Event> events) {
        return feed(coalitionName, events, List.of());
    }

    /** The feed with all-day entries besides the meetings (DTSTART;VALUE=DATE, DTEND the day after). */
    public String feed(String coalitionName, List<Event> events, List<DayEvent> days) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "Vergaderingen " + coalitionName));
        calendar.add(new XProperty("X-WR-TIMEZONE", MeetingTime.ZONE.getId()));
        for (Event event : events) {
            calendar.add(event(event));
        }
        for (DayEvent day : days) {
            VEvent vevent = new VEvent(day.day(), day.day().plusDays(1), day.summary());
            vevent.add(new Uid(day.uid()));
            vevent.add(new Description(day.description()));
            vevent.add(new Url(URI.create(day.pageUrl())));
            vevent.add(ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(vevent);
        }
        return calendar.toString();
    }

    /** A mailto URI that quotes what an e-mail address may hold but a URI may not ({@code |}, {@code %}). */
    static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + email, e);
        }
    }

    private static Calendar calendar(Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        return calendar;
    }

    private static VEvent event(Event event) {
        Meeting meeting = event.meeting();
        VEvent vevent = new VEvent(meeting.startsAt(), meeting.endsAt(), event.bodyName() + ": " + meeting.title());
        vevent.add(new Uid(meeting.id() + "@samenspel"));
        vevent.add(new Sequence(meeting.sequence()));
        String where = meeting.location().isBlank()
                ? meeting.onlineUrl()
                : meeting.onlineUrl() == null ? meeting.location() : meeting.location() + " / " + meeting.onlineUrl();
        vevent.add(new Location(where));
        vevent.add(new Description(event.description()));
        vevent.add(new Url(URI.create(event.pageUrl())));
        vevent.add(meeting.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return vevent;
    }
}
