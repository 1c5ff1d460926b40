package nl.samenspel.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import nl.samenspel.documents.model.VerantwoordingsPakket;
import nl.samenspel.documents.render.DocumentRenderer;
import nl.samenspel.documents.seal.SealReport;
import nl.samenspel.documents.seal.SealVerifier;
import nl.samenspel.documents.seal.Sealer;
import nl.samenspel.documents.seal.SealingKey;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Issue 6's performance goal for the verantwoordingspakket, single-threaded and in-process as governance
 * embeds the documents code: rendering ({@code DocumentRenderer}, PDF/A-2b) and sealing ({@code Sealer}) a
 * pack at reference scale (see {@link ReferencePack}) in at most 3 s warm, with a peak heap of at most
 * 256 MB, and at most 2.5 times what raw PDFBox takes to write the same text on as many pages in the same
 * run. Prints its figures; a missed target is reported, not a failure. Exits non-zero when anything errs
 * (the seal must verify, the baseline must have as many pages); run it with {@code -Xmx256m} so that a
 * pack that needs more heap fails with an {@link OutOfMemoryError}.
 */
public final class PackBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 10);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    /** A directory to keep the pack (sealed and not) and the baseline's PDF in, for a look; none by default. */
    private static final String KEEP = System.getProperty("bench.keep");

    private static final double TARGET_MS = 3000;
    private static final double TARGET_HEAP_MB = 256;
    private static final double TARGET_RATIO = 2.5;

    /** The baseline's text: the size of the pack's table text, its leading, the renderer's margin. */
    private static final float BASELINE_SIZE = 9f;

    private static final float BASELINE_LEADING = 11.7f;
    private static final float BASELINE_MARGIN = 56f;

    private PackBench() {}

    public static void main(String[] args) {
        Benchmarks.exitWith(PackBench::run);
    }

    private static int run() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        DocumentRenderer renderer = new DocumentRenderer();
        SealingKey key = SealingKey.generateDevelopmentKey();
        Sealer sealer = new Sealer(key, Clock.systemUTC());
        VerantwoordingsPakket pack = ReferencePack.generate();
        byte[] font = resource("/fonts/DejaVuSans.ttf");

        long started = System.nanoTime();
        byte[] pdf = renderer.render(pack);
        double firstRenderMs = (System.nanoTime() - started) / 1e6;
        byte[] sealed = sealer.seal(pdf);
        SealReport report = new SealVerifier().verify(sealed);
        if (!report.valid()) {
            System.err.println("the sealed pack does not verify: " + report);
            return 1;
        }
        List<List<String>> text = text(pdf);
        int pages = text.size();
        long lines = text.stream().mapToLong(List::size).sum();
        long chars =
                text.stream().flatMap(List::stream).mapToLong(String::length).sum();
        byte[] baselinePdf = baseline(font, text);
        if (KEEP != null && !KEEP.isBlank()) {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(KEEP));
            java.nio.file.Files.write(dir.resolve("pack.pdf"), sealed);
            java.nio.file.Files.write(dir.resolve("pack-unsealed.pdf"), pdf);
            java.nio.file.Files.write(dir.resolve("baseline.pdf"), baselinePdf);
        }
        int baselinePages = pages(baselinePdf);
        if (baselinePages != pages) {
            System.err.println("the baseline has " + baselinePages + " pages, the pack " + pages);
            return 1;
        }

        System.out.printf(
                Locale.ROOT,
                "pack: %d members, %,d decisions, %d indicators, %d signed documents, %d budget lines, %d fte rows,"
                        + " %d milestones, %d risks, %d meetings%n",
                pack.members().size(),
                pack.decisions().size(),
                pack.indicators().size(),
                pack.signedDocuments().size(),
                pack.budget().size(),
                pack.fte().size(),
                pack.milestones().size(),
                pack.risks().size(),
                pack.bodies().stream().mapToInt(b -> b.meetings().size()).sum());
        System.out.printf(
                Locale.ROOT,
                "rendered: %d pages, %,d bytes (PDF/A-2b, DejaVu subsets embedded); sealed %,d bytes; the seal"
                        + " verifies; first (cold) render %.0f ms%n",
                pages,
                pdf.length,
                sealed.length,
                firstRenderMs);
        System.out.printf(
                Locale.ROOT,
                "baseline: the pack's text as PDFBox extracts it, %,d lines, %,d characters, written with showText"
                        + " in DejaVu Sans (subset) on %d pages, %,d bytes%n",
                lines,
                chars,
                baselinePages,
                baselinePdf.length);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "machine: %d CPUs, load average %.2f at the start, Java %s, max heap %d MB (%s)%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                System.getProperty("java.version"),
                maxHeap >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        if (maxHeap > TARGET_HEAP_MB * 1024 * 1024 * 1.05) {
            System.out.println("note: run with -Xmx256m, so that a pack that needs more heap fails visibly");
        }

        for (int i = 0; i < WARMUP; i++) {
            sealer.seal(renderer.render(pack));
            baseline(font, text);
        }

        // Interleaved, so that other load on the machine falls on both alike.
        double[] render = new double[RUNS];
        double[] seal = new double[RUNS];
        double[] renderSeal = new double[RUNS];
        double[] base = new double[RUNS];
        // The main thread's CPU time as well: other work on a shared machine stretches wall time, much less this.
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] renderSealCpu = new double[RUNS];
        double[] baseCpu = new double[RUNS];
        Object sink = null;
        for (int i = 0; i < RUNS; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            byte[] rendered = renderer.render(pack);
            long between = System.nanoTime();
            sink = sealer.seal(rendered);
            long end = System.nanoTime();
            renderSealCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            render[i] = (between - start) / 1e6;
            seal[i] = (end - between) / 1e6;
            renderSeal[i] = (end - start) / 1e6;
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            sink = baseline(font, text);
            base[i] = (System.nanoTime() - start) / 1e6;
            baseCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("nothing was produced");
        }
        for (double[] ms : List.of(render, seal, renderSeal, base, renderSealCpu, baseCpu)) {
            Arrays.sort(ms);
        }

        Heap heap = heap(() -> sealer.seal(renderer.render(pack)));
        Heap baselineHeap = heap(() -> baseline(font, text));
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        double median = median(renderSeal);
        double baselineMedian = median(base);
        double ratio = median / baselineMedian;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "render+seal: median %.0f ms, min %.0f ms, max %.0f ms over %d runs after %d warm-up runs (%.0f"
                        + " pages/s)%n",
                median,
                renderSeal[0],
                renderSeal[RUNS - 1],
                RUNS,
                WARMUP,
                pages / (median / 1000));
        System.out.printf(
                Locale.ROOT,
                "  of which:  render median %.0f ms (min %.0f), seal median %.0f ms (min %.0f)%n",
                median(render),
                render[0],
                median(seal),
                seal[0]);
        System.out.printf(
                Locale.ROOT,
                "baseline:    median %.0f ms, min %.0f ms, max %.0f ms (raw PDFBox, the same text on %d pages, saved)%n",
                baselineMedian,
                base[0],
                base[RUNS - 1],
                pages);
        System.out.printf(
                Locale.ROOT,
                "ratio:       render+seal / baseline %.2f (medians), %.2f (minimums); render alone / baseline %.2f%n",
                ratio,
                renderSeal[0] / base[0],
                median(render) / baselineMedian);
        System.out.printf(
                Locale.ROOT,
                "cpu time:    render+seal median %.0f ms, baseline median %.0f ms, ratio %.2f (the main thread's CPU"
                        + " time: less disturbed by other load than the wall-clock figures above)%n",
                median(renderSealCpu),
                median(baseCpu),
                median(renderSealCpu) / median(baseCpu));
        System.out.printf(Locale.ROOT, "peak heap:   render+seal %s%n", heap);
        System.out.printf(Locale.ROOT, "             baseline    %s%n", baselineHeap);
        System.out.printf(Locale.ROOT, "machine:     load average %.2f at the end%n", loadAfter);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "target render+seal <= %.0f s warm: %s (median %.2f s)%n",
                TARGET_MS / 1000,
                median <= TARGET_MS ? "met" : "MISSED",
                median / 1000);
        System.out.printf(
                Locale.ROOT,
                "target peak heap <= %.0f MB: %s (%.0f MB, sum of the heap pools' peaks%s)%n",
                TARGET_HEAP_MB,
                heap.peakMb() <= TARGET_HEAP_MB ? "met" : "MISSED",
                heap.peakMb(),
                maxHeap <= TARGET_HEAP_MB * 1024 * 1024 * 1.05 ? ", with -Xmx" + (maxHeap >> 20) + "m" : "");
        System.out.printf(
                Locale.ROOT,
                "target ratio <= %.1f: %s (%.2f)%n",
                TARGET_RATIO,
                ratio <= TARGET_RATIO ? "met" : "MISSED",
                ratio);
        String name = "PackBench";
        Benchmarks.summary(
                name,
                "pack render+seal median (warm)",
                Benchmarks.format("%.2f s", median / 1000),
                Benchmarks.format("<= %.0f s", TARGET_MS / 1000),
                median <= TARGET_MS);
        Benchmarks.summary(
                name,
                "pack peak heap",
                Benchmarks.format("%.0f MB", heap.peakMb()),
                Benchmarks.format("<= %.0f MB", TARGET_HEAP_MB),
                heap.peakMb() <= TARGET_HEAP_MB);
        Benchmarks.summary(
                name,
                "render+seal / raw PDFBox",
                Benchmarks.format("%.2f", ratio),
                Benchmarks.format("<= %.1f", TARGET_RATIO),
                ratio <= TARGET_RATIO);
        return 0;
    }

    /**
     * What one run of {@code work} takes of the heap: the sum of the heap pools' peaks (reset after a full
     * GC before the run, so they include garbage not yet collected: an upper bound), the most the heap held
     * right after any GC during the run (close to the live data), what the thread allocated, and the GCs.
     */
    private static Heap heap(Supplier<Object> work) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong afterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed())
                    .sum();
            afterGc.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        System.gc();
        System.gc();
        long before = pools.stream()
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        Object result = work.get();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = pools.stream()
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(MemoryUsage::getUsed)
                .sum();
        // GC notifications arrive on another thread, shortly after the collection.
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        if (result == null) {
            throw new IllegalStateException("nothing was produced");
        }
        return new Heap(before, peak, afterGc.get(), allocated, collections.get());
    }

    private record Heap(long before, long peak, long maxAfterGc, long allocated, long collections) {
        double peakMb() {
            return peak / 1048576.0;
        }

        @Override
        public String toString() {
            String afterGc = collections == 0
                    ? "no GC during the run"
                    : String.format(
                            Locale.ROOT,
                            "at most %.0f MB right after a GC (%d GCs)",
                            maxAfterGc / 1048576.0,
                            collections);
            return String.format(
                    Locale.ROOT,
                    "%.0f MB peak (sum of the heap pools' peaks; %.0f MB in use before, after a full GC), %s, %.0f MB"
                            + " allocated",
                    peakMb(),
                    before / 1048576.0,
                    afterGc,
                    allocated / 1048576.0);
        }
    }

    /** The text of every page as PDFBox extracts it, line by line (tables come out a row per line). */
    private static List<List<String>> text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\f");
            String[] pages = stripper.getText(document).split("\f", -1);
            List<List<String>> text = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                text.add(pages[i].lines().filter(line -> !line.isBlank()).toList());
            }
            return text;
        }
    }

    /**
     * Raw PDFBox: a new document, DejaVu Sans embedded as a subset (loaded as the renderer loads it, with
     * GSUB off), one page per page of text and the text as plain showText lines, saved. No layout, no
     * PDF/A metadata, no bookmarks.
     */
    private static byte[] baseline(byte[] font, List<List<String>> pages) {
        try (PDDocument document = new PDDocument()) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            ttf.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(ttf);
            PDType0Font regular = PDType0Font.load(document, ttf, true);
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(regular, BASELINE_SIZE);
                    content.setLeading(BASELINE_LEADING);
                    content.newLineAtOffset(
                            BASELINE_MARGIN, PDRectangle.A4.getHeight() - BASELINE_MARGIN - BASELINE_SIZE);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** A resource of the documents module (its fonts), as the renderer reads it. */
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DocumentRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " (the documents module's jar)");
            }
            return in.readAllBytes();
        }
    }

    /** The median of sorted values (the mean of the middle two for an even count). */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
