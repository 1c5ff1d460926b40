package nl.samenspel.documents.seal;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sealing key from {@code samenspel.documents.seal.*}, or a development key when none is configured. */
@Factory
public class SealingKeyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SealingKeyFactory.class);

    @Singleton
    SealingKey sealingKey(
            @Nullable @Value("${samenspel.documents.seal.keystore:}") String keystore,
            @Nullable @Value("${samenspel.documents.seal.password:}") String password,
            @Nullable @Value("${samenspel.documents.seal.alias:}") String alias) {
        if (keystore == null || keystore.isBlank()) {
            SealingKey key = SealingKey.generateDevelopmentKey();
            LOG.warn(
                    "No samenspel.documents.seal.keystore configured: sealing with a freshly generated, self-signed"
                            + " DEVELOPMENT key ({}). Seals made now prove nothing outside this process.",
                    key.certificate().getSubjectX500Principal().getName());
            return key;
        }
        SealingKey key = SealingKey.fromPkcs12(
                Path.of(keystore), password == null ? new char[0] : password.toCharArray(), alias);
        LOG.info("Sealing with {}", key.certificate().getSubjectX500Principal().getName());
        return key;
    }

    @Singleton
    Sealer sealer(SealingKey key) {
        return new Sealer(key, Clock.systemUTC());
    }

    @Singleton
    SealVerifier sealVerifier() {
        return new SealVerifier();
    }
}
