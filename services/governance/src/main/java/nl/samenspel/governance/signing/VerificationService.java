package nl.samenspel.governance.signing;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.document.PdfUploads;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import nl.samenspel.governance.tenancy.CoalitionAccessResolver;

/**
 * Verifies any uploaded PDF: the documents service checks the seal; the platform's hash index says
 * whether the exact file is a final of a signature request, and of which coalition. The request is
 * described only to someone with a role in that coalition; anyone else learns only that it is one.
 */
@Singleton
public class VerificationService {

    private final DocumentsClient documents;
    private final SigningRepository repository;
    private final CoalitionRepository coalitions;
    private final CoalitionAccessResolver access;
    private final TransactionOperations<Connection> transactions;
    private final SigningService signing;
    private final nl.samenspel.governance.identity.RoleGrants grants;
    private final nl.samenspel.core.tenancy.TenantTransactions tx;
    private final RetiredSealKeys retired;

    VerificationService(
            DocumentsClient documents,
            SigningRepository repository,
            CoalitionRepository coalitions,
            CoalitionAccessResolver access,
            TransactionOperations<Connection> transactions,
            SigningService signing,
            nl.samenspel.governance.identity.RoleGrants grants,
            nl.samenspel.core.tenancy.TenantTransactions tx,
            RetiredSealKeys retired) {
        this.documents = documents;
        this.repository = repository;
        this.coalitions = coalitions;
        this.access = access;
        this.transactions = transactions;
        this.signing = signing;
        this.grants = grants;
        this.tx = tx;
        this.retired = retired;
    }

    public Verification verify(CurrentAccount caller, byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw ProblemException.invalidField("file", "verification.empty", "attach the PDF to verify");
        }
        if (pdf.length > PdfUploads.MAX_BYTES) {
            throw ProblemException.invalidField("file", "verification.too-large", "the PDF is larger than 25 MB");
        }
        SealReport report;
        try {
            report = documents.verify(pdf);
        } catch (ProblemException e) {
            // The documents code refuses what is not a readable PDF (4xx); an outage (503) passes through.
            if (e.status().getCode() >= 500) {
                throw e;
            }
            throw ProblemException.invalidField("file", "verification.not-pdf", "the file is not a readable PDF");
        }
        boolean intact = Boolean.TRUE.equals(report.intact());
        boolean whole = Boolean.TRUE.equals(report.coversWholeDocument());
        String fingerprint =
                report.certificate() == null ? null : report.certificate().sha256Fingerprint();
        Optional<UUID[]> owner = transactions.executeRead(status -> repository.ownerOfHash(report.documentSha256()));
        Verification.Belongs belongs = Verification.Belongs.NONE;
        Verification.SignedRequest request = null;
        if (owner.isPresent()) {
            belongs = Verification.Belongs.OTHER_COALITION;
            Coalition coalition = coalitions.findById(owner.get()[0]).orElse(null);
            Optional<CoalitionAccess> allowed =
                    coalition == null ? Optional.empty() : access.resolve(coalition, caller);
            if (allowed.isPresent()) {
                belongs = Verification.Belongs.KNOWN;
                UUID requestId = owner.get()[1];
                SignatureRequest r = signing.get(allowed.get(), requestId);
                request = new Verification.SignedRequest(
                        coalition.slug(),
                        coalition.name(),
                        r.id(),
                        r.title(),
                        r.endedAt(),
                        r.signatories().stream()
                                .map(s -> s.signerName() + " (" + s.memberName() + ")")
                                .toList());
            }
        }
        Verification.PackInfo pack = null;
        if (owner.isEmpty() && report.sealed()) {
            pack = packOf(caller, report.documentSha256());
            if (pack != null) {
                belongs = Verification.Belongs.KNOWN;
            }
        }
        // Ours: sealed with the current key or one it replaced, or the exact file of a final or a pack
        // this platform made (found by its hash), whatever key sealed it.
        boolean ours = report.sealed()
                && fingerprint != null
                && (fingerprint.equalsIgnoreCase(documents.sealFingerprint())
                        || retired.contains(fingerprint)
                        || owner.isPresent()
                        || pack != null);
        return new Verification(
                report.sealed(),
                intact,
                whole,
                ours,
                report.documentSha256(),
                report.certificate(),
                report.signingTime(),
                report.problem(),
                belongs,
                request,
                pack);
    }

    /**
     * A pack with this hash in one of the caller's own coalitions (packs have no platform index: only a
     * user of the coalition can learn that a file is one of its packs).
     */
    private Verification.PackInfo packOf(CurrentAccount caller, String sha256) {
        for (nl.samenspel.governance.identity.RoleGrants.Membership m :
                transactions.executeRead(status -> grants.coalitionsOf(caller.id()))) {
            Coalition coalition = coalitions.findById(m.coalitionId()).orElse(null);
            if (coalition == null || access.resolve(coalition, caller).isEmpty()) {
                continue;
            }
            Optional<Verification.PackInfo> found =
                    tx.read(coalition.coalitionId(), () -> nl.samenspel.core.db.Sql.on(tx.connection())
                            .one(
                                    """
                            SELECT p.id, p.subsidy_id, s.year, p.completed_at FROM verantwoordingspakket p
                              JOIN subsidy s ON s.coalition_id = p.coalition_id AND s.id = p.subsidy_id
                             WHERE p.coalition_id = ? AND p.pdf_sha256 = ?""",
                                    rs -> new Verification.PackInfo(
                                            coalition.slug(),
                                            coalition.name(),
                                            nl.samenspel.core.db.Sql.uuid(rs, "id"),
                                            nl.samenspel.core.db.Sql.uuid(rs, "subsidy_id"),
                                            rs.getInt("year"),
                                            nl.samenspel.core.db.Sql.instant(rs, "completed_at")),
                                    coalition.id(),
                                    sha256));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }
}
