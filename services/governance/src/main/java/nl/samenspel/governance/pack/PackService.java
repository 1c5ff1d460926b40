package nl.samenspel.governance.pack;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.samenspel.core.audit.AuditLog;
import nl.samenspel.core.db.Sql;
import nl.samenspel.core.problem.ProblemException;
import nl.samenspel.core.tenancy.TenantTransactions;
import nl.samenspel.governance.accountability.AccountabilityService;
import nl.samenspel.governance.accountability.Subsidy;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.job.JobQueue;
import nl.samenspel.governance.meeting.AgendaDocuments;
import nl.samenspel.governance.tenancy.CoalitionAccess;

/**
 * Verantwoordingspakketten: the secretary asks for the pack of a subsidy year, a job makes it
 * ({@link PackJob}); whoever reads every member's figures of the subsidy (secretary, opdrachtgever,
 * accountant, penvoerder) follows its progress and downloads the PDF and the ZIP.
 */
@Singleton
public class PackService {

    public static final String JOB = "VERANTWOORDINGSPAKKET";

    private final AccountabilityService accountability;
    private final TenantTransactions tx;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final Clock clock;

    PackService(
            AccountabilityService accountability, TenantTransactions tx, JobQueue jobs, AuditLog audit, Clock clock) {
        this.accountability = accountability;
        this.tx = tx;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    public Pack request(CoalitionAccess access, UUID subsidyId) {
        access.require(CoalitionRole.SECRETARY);
        Subsidy subsidy = accountability.get(access, subsidyId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.write(access.id(), () -> {
            sql().update(
                            """
                    INSERT INTO verantwoordingspakket (coalition_id, id, subsidy_id, requested_at, requested_by)
                    VALUES (?, ?, ?, ?, ?)""",
                            access.id().value(),
                            id,
                            subsidyId,
                            now,
                            access.actor());
            jobs.enqueue(access.id(), JOB, id);
            audit.append(
                    access.id(),
                    access.actor(),
                    "pack.requested",
                    "verantwoordingspakket",
                    id,
                    null,
                    Map.of("subsidyId", subsidyId.toString(), "year", subsidy.year()));
            return find(access, subsidyId, id).orElseThrow();
        });
    }

    public List<Pack> list(CoalitionAccess access, UUID subsidyId) {
        requireReader(access, subsidyId);
        return tx.read(access.id(), () -> sql().list(
                        SELECT + " WHERE p.coalition_id = ? AND p.subsidy_id = ? ORDER BY p.requested_at DESC, p.id",
                        rs -> row(access, rs),
                        access.id().value(),
                        subsidyId));
    }

    public Pack get(CoalitionAccess access, UUID subsidyId, UUID id) {
        requireReader(access, subsidyId);
        return tx.read(access.id(), () -> find(access, subsidyId, id).orElseThrow(PackService::notFound));
    }

    /** The sealed PDF or the ZIP of a finished pack; 409 while it is being made. */
    public AgendaDocuments.Download download(CoalitionAccess access, UUID subsidyId, UUID id, boolean zip) {
        Pack pack = get(access, subsidyId, id);
        if (pack.status() != Pack.Status.DONE) {
            throw ProblemException.conflict(
                    "pack.not-ready", "The pack is still being made; its progress is " + pack.progress() + "%.");
        }
        // Every download is kept for the secretary to see, in the transaction that hands out the bytes.
        return tx.write(access.id(), () -> {
            sql().update(
                            """
                    INSERT INTO pack_download (coalition_id, id, pack_id, account_id, actor, file, downloaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                            access.id().value(),
                            UUID.randomUUID(),
                            id,
                            access.account().id(),
                            access.actor(),
                            zip ? "ZIP" : "PDF",
                            clock.instant().truncatedTo(ChronoUnit.MICROS));
            audit.append(
                    access.id(),
                    access.actor(),
                    "pack.downloaded",
                    "verantwoordingspakket",
                    id,
                    null,
                    Map.of("file", zip ? "ZIP" : "PDF"));
            byte[] content = sql().one(
                            "SELECT " + (zip ? "zip" : "pdf") + " AS content FROM verantwoordingspakket"
                                    + " WHERE coalition_id = ? AND subsidy_id = ? AND id = ?",
                            rs -> rs.getBytes("content"),
                            access.id().value(),
                            subsidyId,
                            id)
                    .orElseThrow(PackService::notFound);
            String name = "verantwoordingspakket-" + pack.year() + "-"
                    + id.toString().substring(0, 8) + (zip ? ".zip" : ".pdf");
            return new AgendaDocuments.Download(name, zip ? "application/zip" : "application/pdf", content);
        });
    }

    /** Who downloaded what and when: the secretary's view of the download log. */
    @io.micronaut.serde.annotation.Serdeable
    public record Download(String actor, String file, Instant downloadedAt) {}

    public List<Download> downloads(CoalitionAccess access, UUID subsidyId, UUID id) {
        access.require(CoalitionRole.SECRETARY);
        get(access, subsidyId, id);
        return tx.read(access.id(), () -> sql().list(
                        "SELECT actor, file, downloaded_at FROM pack_download WHERE coalition_id = ? AND pack_id = ?"
                                + " ORDER BY downloaded_at, id",
                        rs -> new Download(
                                rs.getString("actor"), rs.getString("file"), Sql.instant(rs, "downloaded_at")),
                        access.id().value(),
                        id));
    }

    private void requireReader(CoalitionAccess access, UUID subsidyId) {
        if (!accountability.figures(access, subsidyId, null).allMembers()) {
            throw ProblemException.forbidden(
                    "pack.not-allowed",
                    "Packs are for the secretary, the opdrachtgever, the accountant and the penvoerder.");
        }
    }

    private static final String SELECT =
            """
            SELECT p.id, p.subsidy_id, s.year, p.status, p.requested_at, p.requested_by, p.completed_at, p.data_as_of,
                   p.pages, p.pdf_sha256, p.zip_sha256, j.progress, j.last_error, j.status AS job_status
              FROM verantwoordingspakket p
              JOIN subsidy s ON s.coalition_id = p.coalition_id AND s.id = p.subsidy_id
              LEFT JOIN job j ON j.kind = 'VERANTWOORDINGSPAKKET' AND j.coalition_id = p.coalition_id AND j.subject_id = p.id""";

    private Optional<Pack> find(CoalitionAccess access, UUID subsidyId, UUID id) {
        return sql().one(
                        SELECT + " WHERE p.coalition_id = ? AND p.subsidy_id = ? AND p.id = ?",
                        rs -> row(access, rs),
                        access.id().value(),
                        subsidyId,
                        id);
    }

    private static Pack row(CoalitionAccess access, java.sql.ResultSet rs) throws java.sql.SQLException {
        Pack.Status status = Pack.Status.valueOf(rs.getString("status"));
        String jobStatus = rs.getString("job_status");
        if (status == Pack.Status.PENDING && "FAILED".equals(jobStatus)) {
            status = Pack.Status.FAILED;
        }
        Integer pages = rs.getObject("pages") == null ? null : rs.getInt("pages");
        return new Pack(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "subsidy_id"),
                rs.getInt("year"),
                status,
                status == Pack.Status.DONE ? 100 : rs.getInt("progress"),
                Sql.instant(rs, "requested_at"),
                rs.getString("requested_by"),
                Sql.instant(rs, "completed_at"),
                Sql.instant(rs, "data_as_of"),
                pages,
                rs.getString("pdf_sha256"),
                rs.getString("zip_sha256"),
                status == Pack.Status.PENDING ? rs.getString("last_error") != null : null);
    }

    private Sql sql() {
        return Sql.on(tx.connection());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("pack.not-found", "There is no such pack of this subsidy.");
    }
}
