package nl.samenspel.governance.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the outbox; off with {@code samenspel.mail.dispatcher.enabled=false} (tests drive it themselves). */
@Singleton
@Requires(property = "samenspel.mail.dispatcher.enabled", notEquals = "false")
class OutboxSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSchedule.class);

    private final OutboxDispatcher dispatcher;

    OutboxSchedule(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${samenspel.mail.poll:2s}", initialDelay = "${samenspel.mail.poll:2s}")
    void poll() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // A database hiccup must not stop the schedule; the next round tries again.
            LOG.warn("E-mail outbox round failed: {}", OutboxDispatcher.shortError(e));
        }
    }
}
