package nl.samenspel.governance.documents;

import jakarta.inject.Singleton;
import nl.samenspel.documents.complete.Completer;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;

/** Calls the documents code in this JVM; the sealing key then lives here (samenspel.documents.seal.*). */
@Singleton
public class InProcessDocumentsClient implements DocumentsClient {

    private final DocumentRenderer renderer;
    private final Sealer sealer;
    private final SealVerifier verifier;
    private final Completer completer;

    public InProcessDocumentsClient(
            DocumentRenderer renderer, Sealer sealer, SealVerifier verifier, Completer completer) {
        this.renderer = renderer;
        this.sealer = sealer;
        this.verifier = verifier;
        this.completer = completer;
    }

    @Override
    public byte[] render(DocumentModel model) {
        return sealer.seal(renderer.render(model));
    }

    @Override
    public byte[] seal(byte[] pdf) {
        return sealer.seal(pdf);
    }

    @Override
    public SealReport verify(byte[] pdf) {
        return verifier.verify(pdf);
    }

    @Override
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        return completer.complete(original, certificate);
    }

    @Override
    public String sealFingerprint() {
        return sealer.certificate().sha256Fingerprint();
    }
}
