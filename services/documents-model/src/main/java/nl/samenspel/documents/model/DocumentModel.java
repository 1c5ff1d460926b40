package nl.samenspel.documents.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What governance sends to the documents service: one kind of document, named in JSON by the
 * {@code kind} property ({@value StatuteVersionDocument#KIND}, {@value DecisionListDocument#KIND},
 * {@value CompletionCertificate#KIND}, {@value VerantwoordingsPakket#KIND}, {@value CaseFileRecord#KIND}).
 */
@Serdeable
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StatuteVersionDocument.class, name = StatuteVersionDocument.KIND),
    @JsonSubTypes.Type(value = DecisionListDocument.class, name = DecisionListDocument.KIND),
    @JsonSubTypes.Type(value = CompletionCertificate.class, name = CompletionCertificate.KIND),
    @JsonSubTypes.Type(value = VerantwoordingsPakket.class, name = VerantwoordingsPakket.KIND),
    @JsonSubTypes.Type(value = JaarVerklaring.class, name = JaarVerklaring.KIND),
    @JsonSubTypes.Type(value = CaseFileRecord.class, name = CaseFileRecord.KIND)
})
public sealed interface DocumentModel
        permits StatuteVersionDocument,
                DecisionListDocument,
                CompletionCertificate,
                VerantwoordingsPakket,
                JaarVerklaring,
                CaseFileRecord {

    /** The values {@code kind} may take. */
    java.util.List<String> KINDS = java.util.List.of(
            StatuteVersionDocument.KIND,
            DecisionListDocument.KIND,
            CompletionCertificate.KIND,
            VerantwoordingsPakket.KIND,
            CaseFileRecord.KIND);

    /** The title the PDF carries in its metadata and on its first page. */
    String pdfTitle();
}
