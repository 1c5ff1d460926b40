package nl.samenspel.governance.mail;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/** One queued e-mail as the dispatcher sends it. */
public record OutboundEmail(
        UUID id,
        String recipient,
        String subject,
        String bodyText,
        @Nullable String bodyHtml,
        @Nullable String ical,
        int attempts) {}
