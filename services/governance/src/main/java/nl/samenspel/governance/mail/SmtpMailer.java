package nl.samenspel.governance.mail;

import io.micronaut.context.annotation.Value;
import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends one e-mail over SMTP (Jakarta Mail), configured by {@code samenspel.mail.*}. */
@Singleton
public class SmtpMailer {

    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;
    private final InternetAddress from;
    private final String username;
    private final String password;

    public SmtpMailer(
            @Value("${samenspel.mail.host:localhost}") String host,
            @Value("${samenspel.mail.port:2525}") int port,
            @Value("${samenspel.mail.from:`Samenspel <noreply@samenspel.local>`}") String from,
            @Value("${samenspel.mail.username:}") String username,
            @Value("${samenspel.mail.password:}") String password,
            @Value("${samenspel.mail.starttls:false}") boolean starttls) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("samenspel.mail.from is not an e-mail address: " + from, e);
        }
        this.username = username;
        this.password = password;
    }

    public void send(OutboundEmail email) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId(email));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.recipient(), true));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (email.bodyHtml() == null && email.ical() == null) {
            message.setText(email.bodyText(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(email.bodyText(), "plain"));
            if (email.bodyHtml() != null) {
                alternative.addBodyPart(textPart(email.bodyHtml(), "html"));
            }
            if (email.ical() != null) {
                // A calendar client reads the text/calendar alternative as a meeting request.
                MimeBodyPart calendar = new MimeBodyPart();
                calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        email.ical().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; method=REQUEST; charset=UTF-8")));
                alternative.addBodyPart(calendar);
            }
            message.setContent(alternative);
        }
        message.saveChanges();
        if (username.isBlank()) {
            Transport.send(message);
        } else {
            Transport.send(message, username, password);
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    /**
     * The outbox row names the message: delivery is at least once, and should a send be repeated (its
     * commit lost after the server accepted it) the copies carry one Message-ID, which mail clients
     * and servers use to drop the duplicate.
     */
    String messageId(OutboundEmail email) {
        String address = from.getAddress();
        String domain = address == null || address.indexOf('@') < 0
                ? "samenspel.local"
                : address.substring(address.indexOf('@') + 1);
        return "<" + email.id() + "@" + domain + ">";
    }

    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
