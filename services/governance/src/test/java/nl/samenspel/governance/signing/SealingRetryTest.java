package nl.samenspel.governance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.job.JobQueue;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.FlakyDocuments;
import nl.samenspel.governance.support.Superuser;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sealing runs as a job: an attempt that fails (the documents service is down) is retried later and
 * the request waits, saying so; a job run twice at once, as after a lease ran out, still leaves one final.
 */
@MicronautTest(transactional = false)
class SealingRetryTest implements DatabaseTest {

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("test.flaky-documents", "true");
    }

    @Inject
    Fixtures fixtures;

    @Inject
    SigningService signing;

    @Inject
    SealingJob sealing;

    @Inject
    JobRunner jobs;

    @Inject
    FlakyDocuments documents;

    @Inject
    DocumentService uploads;

    @Inject
    MemberService members;

    @Inject
    CoalitionRepository coalitions;

    CoalitionAccess secretary;
    CoalitionAccess signer;
    UUID member;
    UUID document;

    @BeforeAll
    void setUp() {
        CoalitionResponse c = fixtures.coalition("verzegelen", LegalForm.COOPERATIE_UA);
        Coalition coalition = coalitions.findById(c.id()).orElseThrow();
        Account s = fixtures.member(c, "secretaris", CoalitionRole.SECRETARY);
        secretary = new CoalitionAccess(
                coalition,
                new CurrentAccount(s.id(), s.email(), s.displayName(), false),
                Set.of(CoalitionRole.SECRETARY));
        member = members.create(
                        secretary,
                        new MemberRequest(
                                "Youké " + Fixtures.unique("y"),
                                MemberKind.JEUGDHULP,
                                null,
                                null,
                                LocalDate.of(2021, 1, 1),
                                null,
                                null,
                                null,
                                null,
                                null))
                .id();
        Account r = fixtures.representative(c, member, "youke");
        signer = new CoalitionAccess(
                coalition,
                new CurrentAccount(r.id(), r.email(), r.displayName(), false),
                Set.of(CoalitionRole.REPRESENTATIVE));
        byte[] pdf = Fixtures.statutePdf();
        document = uploads.upload(secretary, "Statuten", "statuten.pdf", pdf).id();
    }

    UUID signedByEveryone() {
        SignatureRequest request = signing.create(
                secretary,
                new SigningRequests.Create(
                        document,
                        null,
                        null,
                        SignatureRequest.Order.PARALLEL,
                        OffsetDateTime.now().plusDays(3),
                        List.of(member)));
        SignatureRequest signed = signing.sign(
                signer,
                request.id(),
                new SigningRequests.Sign(Fixtures.PASSWORD, true, null),
                new SigningService.Origin("192.0.2.7", "TestBrowser/1.0"));
        assertThat(signed.status()).isEqualTo(SignatureRequest.Status.SEALING);
        return request.id();
    }

    @Test
    void aFailedSealIsRetriedAndTheRequestWaitsMeanwhile() {
        UUID id = signedByEveryone();
        documents.failures.set(1);
        jobs.runDue();
        SignatureRequest waiting = signing.get(secretary, id);
        assertThat(waiting.status()).isEqualTo(SignatureRequest.Status.SEALING);
        assertThat(waiting.sealingRetrying()).isTrue();
        assertThat(finals(id)).isZero();
        // Not before its pause is over.
        jobs.runDue();
        assertThat(signing.get(secretary, id).status()).isEqualTo(SignatureRequest.Status.SEALING);
        Superuser.update("UPDATE samenspel.job SET next_attempt_at = now() WHERE subject_id = ?", id);
        jobs.runDue();
        SignatureRequest done = signing.get(secretary, id);
        assertThat(done.status()).isEqualTo(SignatureRequest.Status.COMPLETED);
        assertThat(done.signed()).isNotNull();
        assertThat(finals(id)).isEqualTo(1);
        assertThat(Superuser.count("SELECT attempts FROM samenspel.job WHERE subject_id = ?", id))
                .isEqualTo(2);
    }

    @Test
    void aServiceThatIsDownNeverUsesUpTheAttemptsButAJobThatNeverFinishesIsGivenUp() {
        UUID down = signedByEveryone();
        Superuser.update("UPDATE samenspel.job SET attempts = 7 WHERE subject_id = ?", down);
        documents.failures.set(1);
        jobs.runDue();
        // Unreachable is worth waiting for: still pending, attempts kept below the limit.
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE subject_id = ?", down))
                .isEqualTo("PENDING");
        assertThat(Superuser.count("SELECT attempts FROM samenspel.job WHERE subject_id = ?", down))
                .isEqualTo(7);
        Superuser.update("UPDATE samenspel.job SET next_attempt_at = now() WHERE subject_id = ?", down);
        jobs.runDue();
        assertThat(signing.get(secretary, down).status()).isEqualTo(SignatureRequest.Status.COMPLETED);

        // A job whose attempts all died with their process (none reached its failure) stops.
        UUID stuck = signedByEveryone();
        Superuser.update("UPDATE samenspel.job SET attempts = ? WHERE subject_id = ?", JobQueue.MAX_ATTEMPTS, stuck);
        jobs.runDue();
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE subject_id = ?", stuck))
                .isEqualTo("FAILED");
        SignatureRequest failed = signing.get(secretary, stuck);
        assertThat(failed.status()).isEqualTo(SignatureRequest.Status.SEALING);
        assertThat(failed.sealingFailed()).isTrue();
        assertThat(failed.sealingRetrying()).isFalse();
    }

    @Test
    void twoRunsOfOneJobAtOnceLeaveOneFinal() throws Exception {
        UUID id = signedByEveryone();
        UUID job = UUID.fromString(
                String.valueOf(Superuser.single("SELECT id::text FROM samenspel.job WHERE subject_id = ?", id)));
        JobQueue.Claimed claimed = new JobQueue.Claimed(job, secretary.id(), SigningService.SEAL_JOB, id, 1);
        int before = documents.completions.get();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = List.of(
                CompletableFuture.runAsync(() -> run(start, claimed)),
                CompletableFuture.runAsync(() -> run(start, claimed)));
        for (CompletableFuture<Void> run : runs) {
            run.get();
        }
        assertThat(finals(id)).isEqualTo(1);
        assertThat(documents.completions.get() - before).isBetween(1, 2);
        assertThat(signing.get(secretary, id).status()).isEqualTo(SignatureRequest.Status.COMPLETED);
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE id = ?", job))
                .isEqualTo("DONE");
        // And the audit chain says so once.
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.audit_event WHERE entity_id = ? AND action = 'signature-request.completed'",
                        id.toString()))
                .isEqualTo(1);
    }

    private void run(CyclicBarrier start, JobQueue.Claimed claimed) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sealing.run(claimed);
    }

    private static long finals(UUID id) {
        return Superuser.count("SELECT count(*) FROM samenspel.signed_document WHERE request_id = ?", id);
    }
}
