package nl.samenspel.governance.documents;

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
}
