package nl.samenspel.governance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.samenspel.governance.coalition.Coalition;
import nl.samenspel.governance.coalition.CoalitionRepository;
import nl.samenspel.governance.coalition.CoalitionResponse;
import nl.samenspel.governance.coalition.LegalForm;
import nl.samenspel.governance.document.DocumentService;
import nl.samenspel.governance.identity.Account;
import nl.samenspel.governance.identity.CoalitionRole;
import nl.samenspel.governance.identity.CurrentAccount;
import nl.samenspel.governance.job.JobRunner;
import nl.samenspel.governance.mail.MailOutbox;
import nl.samenspel.governance.mail.OutboxDispatcher;
import nl.samenspel.governance.member.MemberKind;
import nl.samenspel.governance.member.MemberRequest;
import nl.samenspel.governance.member.MemberService;
import nl.samenspel.governance.signing.SignatureRequest;
import nl.samenspel.governance.signing.SigningRequests;
import nl.samenspel.governance.signing.SigningService;
import nl.samenspel.governance.support.Api;
import nl.samenspel.governance.support.DatabaseTest;
import nl.samenspel.governance.support.Fixtures;
import nl.samenspel.governance.support.FlakyDocuments;
import nl.samenspel.governance.support.Smtp;
import nl.samenspel.governance.support.Superuser;
import nl.samenspel.governance.tenancy.CoalitionAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second replica (its own application context, its own connection pool) takes a job and dies in the
 * middle of it: its database connections are cut and its context stopped while it is stuck. This
 * class's replica takes the work up once the lease has run out, and the result exists exactly once,
 * even when the frozen worker wakes up afterwards.
 */
@MicronautTest(transactional = false)
class WorkerKillTest implements DatabaseTest {

    private static final String DOOMED = "samenspel-doomed-worker";

    final Smtp smtp = new Smtp();

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(smtp.properties());
        properties.put("test.flaky-documents", "true");
        properties.put("samenspel.jobs.lease", "2s");
        return properties;
    }

    @Inject
    Fixtures fixtures;

    @Inject
    SigningService signing;

    @Inject
    JobRunner jobs;

    @Inject
    OutboxDispatcher outbox;

    @Inject
    MailOutbox mail;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DocumentService uploads;

    @Inject
    MemberService members;

    @Inject
    CoalitionRepository coalitions;

    @Inject
    EmbeddedServer server;

    CoalitionAccess secretary;
    Account secretaryAccount;
    CoalitionAccess signer;
    UUID member;
    UUID document;

    @BeforeAll
    void setUp() {
        CoalitionResponse c = fixtures.coalition("omvallen", LegalForm.SAMENWERKINGSVERBAND);
        Coalition coalition = coalitions.findById(c.id()).orElseThrow();
        Account s = fixtures.member(c, "secretaris", CoalitionRole.SECRETARY);
        secretaryAccount = s;
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

    private int killed;
    private int results;

    @AfterAll
    void tearDown() {
        smtp.close();
        System.out.printf(
                "reliability: worker-kill workers killed mid-job=%d (pack, seal, e-mail), results=%d, duplicates=%d%n",
                killed, results, killed - results);
    }

    /** Another replica on the same database, its connections named so that they can be cut. */
    private ApplicationContext doomedReplica(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(getProperties());
        String url = properties.get("datasources.default.url");
        properties.put("datasources.default.url", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + DOOMED);
        properties.putAll(overrides);
        return ApplicationContext.builder()
                .environments("test")
                .properties(new HashMap<>(properties))
                .start();
    }

    /** What the operating system does to the connections of a process that was killed. */
    private static void cutConnections() {
        Superuser.single(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?", DOOMED);
    }

    private static long attempts(UUID subject) {
        return Superuser.count("SELECT attempts FROM samenspel.job WHERE subject_id = ?", subject);
    }

    /** Work other test classes left due goes first, so that the doomed replica can only take this test's. */
    @BeforeEach
    void drainWhatIsDue() {
        jobs.runDue();
        outbox.dispatchDue();
    }

    private static void awaitLeaseRunOut(UUID subject) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Superuser.count(
                            "SELECT count(*) FROM samenspel.job WHERE subject_id = ? AND next_attempt_at <= now()",
                            subject)
                    == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the lease of the dead worker's job never ran out");
    }

    /**
     * A replica claims the job for this subject and freezes in the documents call; its connections are cut
     * and its context stopped. This replica leaves the job alone while the lease runs, then does it.
     * Returns what wakes the frozen worker up.
     */
    private Runnable diesMidJobAndIsTakenOver(UUID subject) throws Exception {
        ApplicationContext doomed = doomedReplica(Map.of());
        FlakyDocuments stuck = doomed.getBean(FlakyDocuments.class);
        stuck.freeze();
        JobRunner doomedJobs = doomed.getBean(JobRunner.class);
        CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(doomedJobs::runDue);
        assertThat(stuck.awaitFrozen(Duration.ofSeconds(30)))
                .as("the doomed replica took a job")
                .isTrue();
        assertThat(attempts(subject)).as("the doomed replica took this job").isEqualTo(1);
        cutConnections();
        doomed.stop();
        killed++;

        jobs.runDue();
        assertThat(attempts(subject))
                .as("nobody touches it while the lease runs")
                .isEqualTo(1);
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE subject_id = ?", subject))
                .isEqualTo("PENDING");
        awaitLeaseRunOut(subject);
        jobs.runDue();
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE subject_id = ?", subject))
                .isEqualTo("DONE");
        assertThat(attempts(subject)).isEqualTo(2);
        results++;
        return () -> {
            stuck.thaw();
            try {
                dying.handle((n, e) -> n).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the woken worker did not end", e);
            }
        };
    }

    @Test
    void aPackJobWhoseWorkerDiesMidWayIsMadeOnceByAnother() throws Exception {
        Api api = new Api(server);
        String token = api.login(secretaryAccount.email(), Fixtures.PASSWORD);
        String base = "/api/v1/coalitions/" + secretary.slug();
        Api.Response subsidy = api.post(base + "/subsidies", token, Fixtures.subsidy2021("Opdracht preventie 2021"));
        assertThat(subsidy.status()).as(subsidy.toString()).isEqualTo(201);
        Api.Response requested =
                api.post(base + "/subsidies/" + subsidy.json().get("id").asText() + "/packs", token, "{}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        UUID pack = UUID.fromString(requested.json().get("id").asText());

        Runnable wake = diesMidJobAndIsTakenOver(pack);
        Object sha = Superuser.single(
                "SELECT pdf_sha256 FROM samenspel.verantwoordingspakket WHERE id = ? AND status = 'DONE'", pack);
        assertThat(sha).isNotNull();

        wake.run();
        assertThat(Superuser.single("SELECT pdf_sha256 FROM samenspel.verantwoordingspakket WHERE id = ?", pack))
                .isEqualTo(sha);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.audit_event WHERE entity_id = ? AND action = 'pack.generated'",
                        pack.toString()))
                .isEqualTo(1);
    }

    @Test
    void aSealingJobWhoseWorkerDiesMidWayIsFinishedOnceByAnother() throws Exception {
        SignatureRequest request = signing.create(
                secretary,
                new SigningRequests.Create(
                        document,
                        null,
                        null,
                        SignatureRequest.Order.PARALLEL,
                        OffsetDateTime.now().plusDays(3),
                        List.of(member)));
        UUID id = request.id();
        signing.sign(
                signer,
                id,
                new SigningRequests.Sign(Fixtures.PASSWORD, true, null),
                new SigningService.Origin("192.0.2.7", "TestBrowser/1.0"));

        Runnable wake = diesMidJobAndIsTakenOver(id);
        assertThat(signing.get(secretary, id).status()).isEqualTo(SignatureRequest.Status.COMPLETED);

        // The frozen worker wakes up in a process that is gone: it changes nothing.
        wake.run();
        assertThat(Superuser.count("SELECT count(*) FROM samenspel.signed_document WHERE request_id = ?", id))
                .isEqualTo(1);
        assertThat(Superuser.count(
                        "SELECT count(*) FROM samenspel.audit_event WHERE entity_id = ? AND action = 'signature-request.completed'",
                        id.toString()))
                .isEqualTo(1);
        assertThat(Superuser.single("SELECT status FROM samenspel.job WHERE subject_id = ?", id))
                .isEqualTo("DONE");
    }

    @Test
    void anEmailWhoseSenderDiesMidSendGoesOutOnceFromAnother() throws Exception {
        String recipient = Fixtures.unique("ontvanger") + "@example.org";
        UUID queued = transactions.executeWrite(status ->
                mail.enqueue(secretary.id(), recipient, "Uitnodiging stuurgroep", "Tot donderdag.", null, null));
        try (SilentSmtp silent = new SilentSmtp()) {
            ApplicationContext doomed = doomedReplica(
                    Map.of("samenspel.mail.host", "127.0.0.1", "samenspel.mail.port", Integer.toString(silent.port())));
            OutboxDispatcher doomedOutbox = doomed.getBean(OutboxDispatcher.class);
            CompletableFuture<Integer> dying = CompletableFuture.supplyAsync(doomedOutbox::dispatchDue);
            assertThat(silent.awaitClient(Duration.ofSeconds(30)))
                    .as("the doomed replica is sending")
                    .isTrue();
            // Its claim holds the row: another sender skips it meanwhile.
            outbox.dispatchDue();
            assertThat(smtp.to(recipient)).isEmpty();
            cutConnections();
            doomed.stop();
            killed++;
            silent.close();
            dying.handle((n, e) -> n).get(30, TimeUnit.SECONDS);
        }

        assertThat(outbox.dispatchDue()).isPositive();
        List<MimeMessage> delivered = smtp.to(recipient);
        assertThat(delivered).hasSize(1);
        results++;
        assertThat(delivered.get(0).getSubject()).isEqualTo("Uitnodiging stuurgroep");
        // Were it ever sent twice (the commit after an accepted send lost), both copies say they are one.
        assertThat(delivered.get(0).getMessageID()).startsWith("<" + queued + "@");
        assertThat(Superuser.single("SELECT sent_at IS NOT NULL FROM samenspel.outbox_email WHERE id = ?", queued))
                .isEqualTo(true);
        outbox.dispatchDue();
        assertThat(smtp.to(recipient)).hasSize(1);
    }

    /** An SMTP server that accepts connections and never says a word, as a stuck network would. */
    private static final class SilentSmtp implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> clients = new ArrayList<>();
        private final CompletableFuture<Void> connected = new CompletableFuture<>();

        SilentSmtp() throws IOException {
            server = new ServerSocket(0);
            Thread acceptor = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        Socket client = server.accept();
                        synchronized (clients) {
                            clients.add(client);
                        }
                        connected.complete(null);
                    }
                } catch (IOException closed) {
                    // closed by close()
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        boolean awaitClient(Duration timeout) throws InterruptedException {
            try {
                connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                server.close();
                synchronized (clients) {
                    for (Socket client : clients) {
                        client.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
