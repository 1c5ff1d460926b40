package nl.samenspel.documents;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import nl.samenspel.documents.seal.SealingKey;

/**
 * Switches the HTTP endpoints on, which only the documents service itself does (its application.yml).
 * When governance embeds this jar to render and seal in-process, the endpoints stay off: no caller of
 * governance may reach a sealing endpoint, and nothing is sealed that governance did not ask for.
 */
@Singleton
@Requires(property = HttpEndpoints.ENABLED, value = "true")
public class HttpEndpoints implements ApplicationEventListener<StartupEvent> {

    public static final String ENABLED = "samenspel.documents.http.enabled";

    private final SealingKey key;

    public HttpEndpoints(SealingKey key) {
        this.key = key;
    }

    /** Loads (or makes) the sealing key at startup, so the log says at once which key seals. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        key.certificate();
    }
}
