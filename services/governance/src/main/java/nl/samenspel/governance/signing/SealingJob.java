package nl.samenspel.governance.signing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.job.JobHandler;
import nl.samenspel.governance.job.JobQueue;
import nl.samenspel.governance.meeting.AgendaDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes the final PDF of a request that everyone has signed: the documents service appends the
 * certificate of completion (signers, evidence, timeline, hashes) to the original and seals the whole;
 * the final, its hash and the request's completion are stored in one transaction with the job's end.
 * Running it again finds the final there and does nothing, so a retry never makes a second final; two
 * runs at once meet at the request's row lock and the final's key.
 */
@Singleton
class SealingJob implements JobHandler {

    private final SigningRepository repository;
    private final CoalitionRepository coalitions;
    private final DocumentsClient documents;
    private final TenantTransactions tx;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final SigningNotifier notifier;
    private final SigningService service;
    private final Clock clock;

    SealingJob(
            SigningRepository repository,
            CoalitionRepository coalitions,
            DocumentsClient documents,
            TenantTransactions tx,
            JobQueue jobs,
            AuditLog audit,
            SigningNotifier notifier,
            SigningService service,
            Clock clock) {
        this.repository = repository;
        this.coalitions = coalitions;
        this.documents = documents;
        this.tx = tx;
        this.jobs = jobs;
        this.audit = audit;
        this.notifier = notifier;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return SigningService.SEAL_JOB;
    }

    private record Input(SigningRepository.Row row, byte[] original, CompletionCertificate certificate) {}

    @Override
    public void run(JobQueue.Claimed job) {
        CoalitionId coalition = job.coalition();
        UUID id = job.subjectId();
        // Read what goes into the final, then let the documents service work outside any transaction.
        Input input = tx.read(coalition, () -> {
            SigningRepository.Row row =
                    repository.find(coalition.value(), id, false).orElse(null);
            if (row == null
                    || row.status() != SignatureRequest.Status.SEALING
                    || repository.finalOf(coalition.value(), id).isPresent()) {
                return null;
            }
            byte[] original = Sql.on(tx.connection())
                    .one(
                            "SELECT content FROM document WHERE coalition_id = ? AND id = ?",
                            rs -> rs.getBytes("content"),
                            coalition.value(),
                            row.documentId())
                    .orElseThrow();
            return new Input(row, original, certificate(coalition.value(), row));
        });
        if (input == null) {
            tx.run(coalition, () -> jobs.done(job.id()));
            return;
        }
        byte[] sealed = documents.complete(input.original(), input.certificate());
        // Nothing is kept that does not verify; the fingerprint is the one of the seal just made.
        nl.samenspel.documents.seal.SealReport report = documents.verify(sealed);
        if (!report.valid() || report.certificate() == null) {
            throw new IllegalStateException("the sealed final of " + id + " does not verify: " + report.problem());
        }
        String fingerprint = report.certificate().sha256Fingerprint();
        String sha256 = AgendaDocuments.sha256(sealed);
        int pages = pages(sealed);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Coalition owner = coalitions.findById(coalition.value()).orElseThrow();
        tx.run(coalition, () -> {
            SigningRepository.Row row =
                    repository.find(coalition.value(), id, true).orElseThrow();
            if (row.status() == SignatureRequest.Status.SEALING
                    && repository.finalOf(coalition.value(), id).isEmpty()) {
                repository.insertFinal(coalition.value(), id, sealed, pages, sha256, fingerprint, now);
                repository.complete(coalition.value(), id, now);
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("finalSha256", sha256);
                state.put("pages", pages);
                state.put("sizeBytes", sealed.length);
                state.put("sealFingerprint", fingerprint);
                audit.append(
                        coalition, "samenspel", "signature-request.completed", "signature_request", id, null, state);
                notifier.completed(owner, service.system(owner, id));
            }
            jobs.done(job.id());
        });
    }

    /** The certificate of completion: who signed, with the evidence, the timeline and the hashes. */
    private CompletionCertificate certificate(UUID coalition, SigningRepository.Row row) {
        List<CompletionCertificate.Signer> signers = new ArrayList<>();
        List<CompletionCertificate.TimelineEvent> timeline = new ArrayList<>();
        timeline.add(new CompletionCertificate.TimelineEvent(
                row.createdAt(), "Verzoek tot ondertekening aangemaakt door " + row.createdBy()));
        for (SigningRepository.Slot slot : repository.slots(coalition, row.id())) {
            SignatureRequest.Signatory s = slot.signatory();
            signers.add(new CompletionCertificate.Signer(
                    s.signerName(), s.memberName(), s.actedAt(), s.ipAddress(), s.userAgent(), s.consentText()));
            timeline.add(new CompletionCertificate.TimelineEvent(
                    s.actedAt(), "Ondertekend door " + s.signerName() + " namens " + s.memberName()));
        }
        timeline.sort(java.util.Comparator.comparing(CompletionCertificate.TimelineEvent::at));
        timeline.add(new CompletionCertificate.TimelineEvent(
                row.signedAt(), "Alle handtekeningen binnen; document verzegeld door Samenspel"));
        List<CompletionCertificate.Hash> hashes = new ArrayList<>();
        hashes.add(new CompletionCertificate.Hash("Origineel document (SHA-256)", row.documentSha256()));
        for (String[] event : repository.auditHashes(coalition, row.id())) {
            hashes.add(
                    new CompletionCertificate.Hash("Auditgebeurtenis " + event[0] + " (" + event[1] + ")", event[2]));
        }
        return new CompletionCertificate(row.title(), row.documentSha256(), signers, timeline, hashes);
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the sealed final cannot be read back", e);
        }
    }
}
