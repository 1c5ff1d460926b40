package nl.samenspel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml: JSON lines when the environments name prod, plain text otherwise. */
class LogbackConfigTest {

    /** Configures a fresh logger context from the product's logback.xml and returns what one log call prints. */
    private static String logOnce(String environments) throws Exception {
        URL config = Application.class.getResource("/logback.xml");
        assertThat(config.getPath()).contains("documents");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's own initialisation sets
        if (environments != null) {
            context.putProperty("MICRONAUT_ENVIRONMENTS", environments);
        }
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            context.getLogger("nl.samenspel.documents.Example").info("pack {} made in {} ms", "2021", 1234);
        } finally {
            System.setOut(out);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prod_logs_one_json_object_a_line() throws Exception {
        String output = logOnce("prod");

        assertThat(output.lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(output);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText()).isEqualTo("nl.samenspel.documents.Example");
        assertThat(line.path("formattedMessage").asText()).isEqualTo("pack 2021 made in 1234 ms");
        assertThat(line.path("timestamp").asLong()).isPositive();
        assertThat(line.has("threadName")).isTrue();
    }

    @Test
    void prod_among_other_environments_counts_too() throws Exception {
        assertThat(logOnce("k8s,prod").strip()).startsWith("{").endsWith("}");
    }

    @Test
    void elsewhere_logs_plain_text() throws Exception {
        for (String environments : new String[] {null, "dev", "test"}) {
            String output = logOnce(environments);
            assertThat(output)
                    .as(environments)
                    .contains("INFO  nl.samenspel.documents.Example - ", "pack 2021 made in 1234 ms");
            assertThat(output.strip()).as(environments).doesNotStartWith("{");
        }
    }
}
