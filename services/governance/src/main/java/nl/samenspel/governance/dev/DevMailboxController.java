package nl.samenspel.governance.dev;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Development only: the e-mail the local run "sent", so invitation links can be followed. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/dev/mailbox")
@Requires(env = "dev")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DevMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Amsterdam"));

    private final DevMailServer server;

    DevMailboxController(DevMailServer server) {
        this.server = server;
    }

    @Get
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    String mailbox() throws MessagingException, IOException {
        StringBuilder html = new StringBuilder(
                """
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="utf-8"><title>Postvak (ontwikkeling) — Samenspel</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                article{border:1px solid #ccc;border-radius:4px;padding:1rem;margin:1rem 0}
                pre{white-space:pre-wrap;font-family:inherit}dt{font-weight:bold}</style></head><body>
                <h1>Postvak (ontwikkeling)</h1>
                <p>E-mail die de lokale Samenspel heeft verstuurd, nieuwste eerst. Niets hiervan verlaat deze machine.</p>
                """);
        var messages = server.messages();
        if (messages.isEmpty()) {
            html.append("<p>Nog geen berichten ontvangen.</p>");
        }
        for (MimeMessage message : messages) {
            html.append("<article><dl><dt>Aan</dt><dd>")
                    .append(escape(Arrays.stream(message.getAllRecipients())
                            .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
                            .collect(Collectors.joining(", "))))
                    .append("</dd><dt>Onderwerp</dt><dd>")
                    .append(escape(message.getSubject()))
                    .append("</dd><dt>Verzonden</dt><dd>")
                    .append(
                            message.getSentDate() == null
                                    ? ""
                                    : WHEN.format(message.getSentDate().toInstant()))
                    .append("</dd></dl><pre>")
                    .append(linked(escape(text(message))))
                    .append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String linked(String escaped) {
        Matcher matcher = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
