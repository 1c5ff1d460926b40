package nl.samenspel.governance.proposal;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Closes proposals whose voting window has passed and sends the reminders, every minute; tests switch
 * it off and call {@link ProposalClosing#closeDue()} and {@link ProposalNotifier#remindDue()}.
 */
@Singleton
@Requires(property = "samenspel.voting.reminders.enabled", notEquals = "false")
class VotingReminderJob {

    private final ProposalNotifier notifier;
    private final ProposalClosing closing;

    VotingReminderJob(ProposalNotifier notifier, ProposalClosing closing) {
        this.notifier = notifier;
        this.closing = closing;
    }

    @Scheduled(fixedDelay = "${samenspel.voting.reminder-interval:1m}", initialDelay = "1m")
    void run() {
        closing.closeDue();
        notifier.remindDue();
    }
}
