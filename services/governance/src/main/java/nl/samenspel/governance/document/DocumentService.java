package nl.samenspel.governance.document;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * The coalition's documents for signing. The secretary uploads PDFs; everyone with a role reads them.
 * A refused upload keeps nothing: the checks run before the transaction begins.
 */
@Singleton
public class DocumentService {

    private final DocumentRepository documents;
    private final TenantTransactions tx;
    private final AuditLog audit;
    private final Clock clock;

    DocumentService(DocumentRepository documents, TenantTransactions tx, AuditLog audit, Clock clock) {
        this.documents = documents;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Document upload(CoalitionAccess access, String title, String filename, byte[] content) {
        access.require(CoalitionRole.SECRETARY);
        String name = AgendaDocuments.safeFilename(filename);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw ProblemException.invalidField("file", "document.not-pdf", "the file is not a PDF");
        }
        String cleanTitle = title == null || title.isBlank()
                ? name.substring(0, name.length() - 4).strip()
                : title.strip();
        if (cleanTitle.isEmpty()
                || cleanTitle.length() > 300
                || cleanTitle.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(
                    "title", "document.title-invalid", "give a title of 1 to 300 characters");
        }
        return store(access, cleanTitle, name, Document.Origin.UPLOADED, content);
    }

    /** A PDF the product made from its own records (statutes, decision list), kept like an upload. */
    public Document generated(CoalitionAccess access, String title, byte[] content) {
        access.require(CoalitionRole.SECRETARY);
        String name =
                AgendaDocuments.safeFilename(nl.samenspel.governance.signing.SigningService.baseName(title) + ".pdf");
        return store(access, title, name, Document.Origin.GENERATED, content);
    }

    private Document store(CoalitionAccess access, String title, String name, Document.Origin origin, byte[] content) {
        PdfUploads.Facts facts = PdfUploads.check(content);
        Document d = new Document(
                UUID.randomUUID(),
                title,
                name,
                origin,
                content.length,
                facts.pages(),
                AgendaDocuments.sha256(content),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                access.actor());
        return tx.write(access.id(), () -> {
            documents.insert(access.id().value(), d, content);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("title", d.title());
            state.put("filename", d.filename());
            state.put("pages", d.pages());
            state.put("sizeBytes", d.sizeBytes());
            state.put("sha256", d.sha256());
            String action = origin == Document.Origin.UPLOADED ? "document.uploaded" : "document.generated";
            audit.append(access.id(), access.actor(), action, "document", d.id(), null, state);
            return d;
        });
    }

    public List<Document> list(CoalitionAccess access) {
        return tx.read(access.id(), () -> documents.all(access.id().value()));
    }

    public Document get(CoalitionAccess access, UUID id) {
        return tx.read(
                access.id(), () -> documents.find(access.id().value(), id).orElseThrow(DocumentService::notFound));
    }

    /** The PDF as it was uploaded, with its name. */
    public AgendaDocuments.Download content(CoalitionAccess access, UUID id) {
        return tx.read(access.id(), () -> {
            Document d = documents.find(access.id().value(), id).orElseThrow(DocumentService::notFound);
            byte[] bytes = documents.content(access.id().value(), id).orElseThrow();
            return new AgendaDocuments.Download(d.filename(), "application/pdf", bytes);
        });
    }

    static ProblemException notFound() {
        return ProblemException.notFound("document.not-found", "There is no such document in this coalition.");
    }
}
