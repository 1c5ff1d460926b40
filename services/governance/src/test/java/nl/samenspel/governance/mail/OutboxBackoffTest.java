package nl.samenspel.governance.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxBackoffTest {

    @Test
    void retriesBackOffExponentiallyUpToAnHour() {
        assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxDispatcher.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxDispatcher.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxDispatcher.backoff(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theStoredErrorIsShortAndOnOneLine() {
        String error = OutboxDispatcher.shortError(new MessagingException(
                "Couldn't connect\nto host", new ConnectException("Connection refused " + "x".repeat(1000))));
        assertThat(error).startsWith("MessagingException: Couldn't connect to host <- ConnectException");
        assertThat(error).hasSizeLessThanOrEqualTo(500).doesNotContain("\n");
    }
}
