package nl.samenspel.governance.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false, environments = "dev")
class DevMailboxTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Inject
    MailOutbox outbox;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> extraProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Map.of("samenspel.mail.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLocalRunShowsSentMailWithClickableLinksAndEscapedText() throws Exception {
        String to = Fixtures.unique("postvak") + "@example.nl";
        transactions.executeWrite(status -> outbox.enqueue(
                null, to, "Welkom <b>daar</b>", "Klik op https://samenspel.test/invitations/abc", null, null));
        dispatcher.dispatchDue();

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.getURI().resolve("/dev/mailbox"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("Postvak", to, "Welkom &lt;b&gt;daar&lt;/b&gt;")
                .contains("<a href=\"https://samenspel.test/invitations/abc\">");
    }
}
