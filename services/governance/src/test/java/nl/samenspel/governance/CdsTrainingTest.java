package nl.samenspel.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import nl.samenspel.governance.support.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * The image build's class-data sharing training (deploy/governance.Dockerfile) against the demo data:
 * each of its requests gets the answer it expects, so the build's training step completes. A page or
 * an API read it makes that stops answering fails here, not first in an image build.
 */
@MicronautTest(transactional = false)
class CdsTrainingTest implements DatabaseTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("samenspel.demo-data", "true");
    }

    @Test
    void everyTrainingRequestIsAnsweredAsExpected() throws Exception {
        assertThat(CdsTraining.train(server.getURI())).isEqualTo(15);
    }
}
