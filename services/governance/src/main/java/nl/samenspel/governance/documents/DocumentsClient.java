package nl.samenspel.governance.documents;

import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.SealReport;

/**
 * How governance gets PDFs made, sealed and checked. In-process by default; an HTTP implementation
 * for a separate documents service (as in the Helm chart) comes with the chart.
 */
public interface DocumentsClient {

    /** A sealed PDF/A-2b of the model. */
    byte[] render(DocumentModel model);

    /** The PDF with a seal appended. */
    byte[] seal(byte[] pdf);

    SealReport verify(byte[] pdf);

    /** The original's pages followed by the certificate of completion, sealed. */
    byte[] complete(byte[] original, CompletionCertificate certificate);

    /** SHA-256 fingerprint (lower-case hex) of the certificate this platform seals with. */
    String sealFingerprint();
}
