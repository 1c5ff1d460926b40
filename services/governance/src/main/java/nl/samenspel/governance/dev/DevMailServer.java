package nl.samenspel.governance.dev;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's SMTP server (GreenMail, in memory): the outbox really sends, and {@code /dev/mailbox}
 * shows what arrived. Only in the "dev" environment, which {@code Application} sets for the one-command run.
 */
@Context
@Requires(env = "dev")
public class DevMailServer {

    private static final Logger LOG = LoggerFactory.getLogger(DevMailServer.class);

    private final GreenMail greenMail;

    DevMailServer(
            @Value("${samenspel.mail.host:localhost}") String host, @Value("${samenspel.mail.port:2525}") int port) {
        String bind = "localhost".equals(host) ? "127.0.0.1" : host;
        this.greenMail = new GreenMail(new ServerSetup(port, bind, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        LOG.info("Development mailbox: SMTP on {}:{}, read it at /dev/mailbox", bind, port);
    }

    /** Every message received since start, newest first. */
    public List<MimeMessage> messages() {
        List<MimeMessage> messages = Arrays.asList(greenMail.getReceivedMessages());
        java.util.Collections.reverse(messages);
        return messages;
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
    }
}
