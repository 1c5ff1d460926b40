package nl.samenspel.governance.pack;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.audit.AuditRecord;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.tenancy.CoalitionId;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.documents.DocumentsClient;
import nl.samenspel.governance.job.JobHandler;
import nl.samenspel.governance.job.JobQueue;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.signing.SigningService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes a pack: gathers the year (30 %), has the documents service render and seal it (70 %), builds the
 * ZIP (90 %), and keeps both in the one transaction that also ends the job. A run that dies before that
 * leaves the pack pending and empty; the retry makes it once (a finished pack is never written again).
 */
@Singleton
class PackJob implements JobHandler {

    private final PackAssembler assembler;
    private final CoalitionRepository coalitions;
    private final DocumentsClient documents;
    private final TenantTransactions tx;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    PackJob(
            PackAssembler assembler,
            CoalitionRepository coalitions,
            DocumentsClient documents,
            TenantTransactions tx,
            JobQueue jobs,
            AuditLog audit,
            JsonMapper json,
            Clock clock,
            @Nullable MeterRegistry meters) {
        this.assembler = assembler;
        this.coalitions = coalitions;
        this.documents = documents;
        this.tx = tx;
        this.jobs = jobs;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        // Without a registry (micronaut.metrics.enabled=false) the timer goes to Micrometer's global
        // registry, which keeps nothing unless something is added to it.
        this.meters = meters == null ? Metrics.globalRegistry : meters;
    }

    @Override
    public String kind() {
        return PackService.JOB;
    }

    private record Input(UUID subsidyId, VerantwoordingsPakket model, List<PackZip.Entry> signed, byte[] auditLog) {}

    /** Timed as {@code samenspel_pack_duration_seconds}, by outcome: made, skipped (nothing pending) or failed. */
    @Override
    public void run(JobQueue.Claimed job) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            outcome = make(job) ? "made" : "skipped";
        } finally {
            sample.stop(Timer.builder("samenspel.pack.duration")
                    .description("Time to make a verantwoordingspakket: gather, render and seal, ZIP, keep")
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }

    private boolean make(JobQueue.Claimed job) {
        CoalitionId coalitionId = job.coalition();
        UUID id = job.subjectId();
        Coalition coalition = coalitions.findById(coalitionId.value()).orElseThrow();
        Input input = tx.read(coalitionId, () -> {
            Sql sql = Sql.on(tx.connection());
            UUID subsidy = sql.one(
                            "SELECT subsidy_id FROM verantwoordingspakket WHERE coalition_id = ? AND id = ? AND status = 'PENDING'",
                            rs -> Sql.uuid(rs, "subsidy_id"),
                            coalitionId.value(),
                            id)
                    .orElse(null);
            if (subsidy == null) {
                return null;
            }
            VerantwoordingsPakket model = assembler.assemble(coalition, subsidy);
            return new Input(
                    subsidy, model, signedFinals(sql, coalitionId.value(), model), auditLog(coalitionId, model));
        });
        if (input == null) {
            tx.run(coalitionId, () -> jobs.done(job.id()));
            return false;
        }
        jobs.progress(job.id(), 30);
        byte[] pdf = documents.render(input.model());
        jobs.progress(job.id(), 70);
        byte[] snapshot;
        try {
            snapshot = json.writeValueAsBytes(input.model());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = PackZip.build(input.model(), pdf, snapshot, input.signed(), input.auditLog());
        jobs.progress(job.id(), 90);
        int pages = pages(pdf);
        String pdfSha = AgendaDocuments.sha256(pdf);
        String zipSha = AgendaDocuments.sha256(zip);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.run(coalitionId, () -> {
            Sql sql = Sql.on(tx.connection());
            String status = sql.one(
                            "SELECT status FROM verantwoordingspakket WHERE coalition_id = ? AND id = ? FOR UPDATE",
                            rs -> rs.getString("status"),
                            coalitionId.value(),
                            id)
                    .orElseThrow();
            if (status.equals("PENDING")) {
                sql.update(
                        """
                        UPDATE verantwoordingspakket SET status = 'DONE', completed_at = ?, data_as_of = ?, pdf = ?,
                               pdf_sha256 = ?, pages = ?, zip = ?, zip_sha256 = ?
                         WHERE coalition_id = ? AND id = ?""",
                        now,
                        input.model().dataAsOf(),
                        pdf,
                        pdfSha,
                        pages,
                        zip,
                        zipSha,
                        coalitionId.value(),
                        id);
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("subsidyId", input.subsidyId().toString());
                state.put("pdfSha256", pdfSha);
                state.put("zipSha256", zipSha);
                state.put("pages", pages);
                state.put("dataAsOf", input.model().dataAsOf().toString());
                audit.append(coalitionId, "samenspel", "pack.generated", "verantwoordingspakket", id, null, state);
            }
            jobs.done(job.id());
        });
        return true;
    }

    /** The sealed finals of the documents the pack lists, for the ZIP. */
    private static List<PackZip.Entry> signedFinals(Sql sql, UUID coalition, VerantwoordingsPakket model) {
        List<PackZip.Entry> files = new ArrayList<>();
        int n = 0;
        for (VerantwoordingsPakket.SignedDocument d : model.signedDocuments()) {
            byte[] content = sql.one(
                            "SELECT content FROM signed_document WHERE coalition_id = ? AND sha256 = ?",
                            rs -> rs.getBytes("content"),
                            coalition,
                            d.sha256())
                    .orElseThrow();
            files.add(new PackZip.Entry(
                    String.format("ondertekend/%03d-%s - ondertekend.pdf", ++n, SigningService.baseName(d.title())),
                    content));
        }
        return files;
    }

    /** The coalition's audit chain up to the head the pack reports, one JSON object a line. */
    private byte[] auditLog(CoalitionId coalition, VerantwoordingsPakket model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long after = 0;
        long head = model.auditHead().seq();
        while (after < head) {
            List<AuditRecord> page = audit.page(coalition, after, 500);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord record : page) {
                if (record.seq() > head) {
                    return out.toByteArray();
                }
                try {
                    out.write(json.writeValueAsBytes(record));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.write('\n');
                after = record.seq();
            }
        }
        return out.toByteArray();
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalStateException("the sealed pack cannot be read back", e);
        }
    }
}
