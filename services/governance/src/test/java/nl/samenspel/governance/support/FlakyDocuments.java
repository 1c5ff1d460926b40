package nl.samenspel.governance.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.samenspel.documents.model.CompletionCertificate;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.governance.documents.DocumentsUnavailableException;
import nl.samenspel.governance.documents.InProcessDocumentsClient;

/**
 * The real in-process documents code, but completing a document fails while {@link #failures} is
 * above zero, as a documents service that is down would, and rendering dies while {@link #renderCrashes}
 * is, and both stop dead while {@link #freeze() frozen}: faults to inject, not a stand-in.
 */
@Singleton
@Replaces(InProcessDocumentsClient.class)
@Requires(property = "test.flaky-documents", value = "true")
public class FlakyDocuments extends InProcessDocumentsClient {

    /** Completions that fail, as an unreachable documents service does. */
    public final AtomicInteger failures = new AtomicInteger();

    public final AtomicInteger completions = new AtomicInteger();

    /** Renderings that die half-way, as a crashed process would leave them. */
    public final AtomicInteger renderCrashes = new AtomicInteger();

    private volatile CountDownLatch thaw;
    private volatile CountDownLatch frozen = new CountDownLatch(1);

    /** From now on rendering and completing stop dead, deaf to interrupts, as in a process frozen mid-job. */
    public void freeze() {
        frozen = new CountDownLatch(1);
        thaw = new CountDownLatch(1);
    }

    /** Whether a job has reached the frozen rendering or completion within the time. */
    public boolean awaitFrozen(Duration timeout) throws InterruptedException {
        return frozen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a frozen job go on. */
    public void thaw() {
        CountDownLatch latch = thaw;
        thaw = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    private void stopIfFrozen() {
        CountDownLatch latch = thaw;
        if (latch == null) {
            return;
        }
        frozen.countDown();
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    FlakyDocuments(DocumentRenderer renderer, Sealer sealer, SealVerifier verifier) {
        super(renderer, sealer, verifier);
    }

    @Override
    public byte[] render(nl.samenspel.documents.model.DocumentModel model) {
        stopIfFrozen();
        if (renderCrashes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the process died while rendering (injected)");
        }
        return super.render(model);
    }

    @Override
    public byte[] complete(byte[] original, CompletionCertificate certificate) {
        stopIfFrozen();
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DocumentsUnavailableException();
        }
        completions.incrementAndGet();
        return super.complete(original, certificate);
    }
}
