package nl.samenspel.governance.documents;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import nl.samenspel.documents.DocumentRejectedException;
import nl.samenspel.documents.DocumentRejectedHandler;
import nl.samenspel.documents.complete.Completer;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;

/**
 * Calls the documents code in this JVM; the sealing key then lives here (samenspel.documents.seal.*).
 * Used when {@code samenspel.documents.url} is unset or blank.
 */
@Singleton
@Requires(condition = DocumentsUrl.Absent.class)
public class InProcessDocumentsClient implements DocumentsClient {

    private final DocumentRenderer renderer;
    private final Sealer sealer;
    private final SealVerifier verifier;
    private final Completer completer;

    public InProcessDocumentsClient(DocumentRenderer renderer, Sealer sealer, SealVerifier verifier) {
        this.renderer = renderer;
        this.sealer = sealer;
        this.verifier = verifier;
        this.completer = new Completer(renderer, sealer);
    }

    @Override
    public byte[] render(DocumentModel model) {
        return refusals(() -> sealer.seal(renderer.render(model)));
    }

    @Override
    public byte[] renderUnsealed(DocumentModel model) {
        return refusals(() -> renderer.render(model));
    }

    @Override
    public byte[] seal(byte[] pdf) {
        return refusals(() -> sealer.seal(pdf));
    }

    @Override
    public SealReport verify(byte[] pdf) {
        return refusals(() -> verifier.verify(pdf));
    }

    @Override
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        return refusals(() -> completer.complete(original, certificate));
    }

    @Override
    public String sealFingerprint() {
        return sealer.certificate().sha256Fingerprint();
    }

    /** The documents code's refusals as the problem the documents service would have answered. */
    private static <T> T refusals(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DocumentRejectedException e) {
            throw DocumentRejectedHandler.problem(e);
        }
    }
}
