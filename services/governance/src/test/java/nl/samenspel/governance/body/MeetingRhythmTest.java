package nl.samenspel.governance.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.samenspel.governance.body.MeetingRhythm.Phase;
import org.junit.jupiter.api.Test;

class MeetingRhythmTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theDeventerStuurgroepMeetsFortnightlyThenEveryThreeWeeks() {
        MeetingRhythm stuurgroep = new MeetingRhythm(List.of(new Phase(2, d("2021-03-01")), new Phase(3, null)));
        assertThat(stuurgroep.next(d("2021-01-11"), 7))
                .containsExactly(
                        d("2021-01-11"),
                        d("2021-01-25"),
                        d("2021-02-08"),
                        d("2021-02-22"),
                        d("2021-03-15"),
                        d("2021-04-05"),
                        d("2021-04-26"));
    }

    @Test
    void theProjectgroepMeetsWeeklyForThreeMonthsThenFortnightly() {
        MeetingRhythm projectgroep = new MeetingRhythm(List.of(new Phase(1, d("2021-04-01")), new Phase(2, null)));
        List<LocalDate> meetings = projectgroep.next(d("2021-01-04"), 16);
        assertThat(meetings.get(12)).isEqualTo(d("2021-03-29"));
        assertThat(meetings.get(13)).isEqualTo(d("2021-04-12"));
        assertThat(meetings.get(15)).isEqualTo(d("2021-05-10"));
    }

    @Test
    void aStartAfterTheFirstPhaseStartsInTheLaterPhase() {
        MeetingRhythm stuurgroep = new MeetingRhythm(List.of(new Phase(2, d("2021-03-01")), new Phase(3, null)));
        assertThat(stuurgroep.next(d("2021-06-07"), 2)).containsExactly(d("2021-06-07"), d("2021-06-28"));
    }

    @Test
    void aRhythmThatEndsGivesFewerMeetings() {
        MeetingRhythm ontvlechting = new MeetingRhythm(List.of(new Phase(2, d("2021-03-31"))));
        assertThat(ontvlechting.next(d("2021-03-01"), 10))
                .containsExactly(d("2021-03-01"), d("2021-03-15"), d("2021-03-29"));
        assertThat(ontvlechting.next(d("2021-04-01"), 10)).isEmpty();
        assertThat(new MeetingRhythm(List.of()).next(d("2021-04-01"), 10)).isEmpty();
    }

    @Test
    void aShortPhaseThatWouldBeSkippedEntirelyIsPassedOver() {
        // Every 6 weeks until a day 2 weeks after the first meeting, then weekly: the weekly phase takes over.
        MeetingRhythm rhythm = new MeetingRhythm(
                List.of(new Phase(6, d("2021-01-15")), new Phase(4, d("2021-01-20")), new Phase(1, null)));
        assertThat(rhythm.next(d("2021-01-04"), 3)).containsExactly(d("2021-01-04"), d("2021-01-11"), d("2021-01-18"));
    }

    @Test
    void badPhasesAreRefused() {
        assertThatThrownBy(() -> new Phase(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phase(53, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeetingRhythm(List.of(new Phase(2, null), new Phase(3, d("2021-03-01")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new MeetingRhythm(List.of(new Phase(2, d("2021-03-01")), new Phase(3, d("2021-03-01")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
