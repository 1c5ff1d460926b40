package nl.samenspel.governance.signing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.governance.documents.DocumentsUnavailableException;
import nl.samenspel.governance.documents.InProcessDocumentsClient;

/**
 * The real in-process documents code, but completing a document fails while {@link #failures} is
 * above zero, as a documents service that is down would: a fault to inject, not a stand-in.
 */
@Singleton
@Replaces(InProcessDocumentsClient.class)
@Requires(property = "test.flaky-documents", value = "true")
class FlakyDocuments extends InProcessDocumentsClient {

    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger completions = new AtomicInteger();

    FlakyDocuments(DocumentRenderer renderer, Sealer sealer, SealVerifier verifier) {
        super(renderer, sealer, verifier);
    }

    @Override
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DocumentsUnavailableException();
        }
        completions.incrementAndGet();
        return super.complete(original, certificate);
    }
}
