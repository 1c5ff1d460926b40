package nl.samenspel.governance.documents;

import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.model.DocumentModel;
import nl.samenspel.documents.seal.SealReport;

/**
 * How governance gets PDFs made, sealed and checked: in this JVM ({@link InProcessDocumentsClient}) unless
 * {@code samenspel.documents.url} names a separate documents service ({@link HttpDocumentsClient}).
 *
 * <p>Refused input comes back as a {@link nl.samenspel.core.problem.ProblemException} with the documents
 * service's status (400/422), code and detail either way. {@link DocumentsUnavailableException} (a 503
 * problem) means the service could not be reached or was overloaded; every method may then be called
 * again as it is, since none changes state anywhere.
 */
public interface DocumentsClient {

    /** A sealed PDF/A-2b of the model. */
    byte[] render(DocumentModel model);

    /**
     * The PDF/A-2b of the model without a seal: a document that is to be signed, whose final the
     * signing workflow seals as a whole (a seal inside it would be broken by the certificate pages).
     */
    byte[] renderUnsealed(DocumentModel model);

    /** The PDF with a seal appended. */
    byte[] seal(byte[] pdf);

    SealReport verify(byte[] pdf);

    /**
     * The sealed final of a signed document: the original's pages, then the certificate of completion,
     * one seal over the whole. PDF/A-2b exactly when the original is. The certificate's
     * {@code originalSha256} must be the SHA-256 of {@code original}; an encrypted or already signed
     * original is refused (422 {@code pdf.encrypted}, {@code pdf.signed}).
     */
    byte[] complete(byte[] original, CompletionCertificate certificate);

    /**
     * The SHA-256 fingerprint (lower-case hex, as {@link SealReport.CertificateInfo#sha256Fingerprint()})
     * of the certificate the seals are made with now: a seal whose certificate has another fingerprint
     * was not made by this installation (or was made with a key since replaced).
     */
    String sealFingerprint();
}
