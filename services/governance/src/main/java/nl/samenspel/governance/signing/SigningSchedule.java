package nl.samenspel.governance.signing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Every minute: ends requests whose deadline has passed and sends the reminders. Tests switch it off
 * ({@code samenspel.signing.schedule.enabled=false}) and call the service's sweeps themselves.
 */
@Singleton
@Requires(property = "samenspel.signing.schedule.enabled", notEquals = "false")
class SigningSchedule {

    private final SigningService service;

    SigningSchedule(SigningService service) {
        this.service = service;
    }

    @Scheduled(fixedDelay = "${samenspel.signing.schedule.interval:1m}", initialDelay = "1m")
    void run() {
        service.expireDue();
        service.remindDue();
    }
}
